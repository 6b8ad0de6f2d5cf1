//! Splitting text into words, numbers and symbols, with byte ranges.
//!
//! A word is a run of letters and digits that starts with a letter; a
//! hyphen or an apostrophe between two letters or digits joins it
//! (`E-Mail`, `Online-Shop`, `don't`). A number is a run of digits with
//! decimal or thousands separators (`9,99`, `1.234,56`, `10 000` with a
//! thin or no-break space). `24h` is the number `24` and the word `h`.

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    /// A day-month date such as `30.06.` or `30.06.2027`.
    Date,
    /// Any other single character that is not white space: punctuation,
    /// currency signs, `%`, emoji.
    Symbol,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub kind: TokenKind,
    pub text: &'a str,
    /// Byte offset of the token in the text.
    pub start: usize,
    /// White space stands between this token and the previous one.
    pub space_before: bool,
    /// A line break stands between this token and the previous one.
    pub break_before: bool,
}

impl<'a> Token<'a> {
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end()
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn is_symbol(&self, c: char) -> bool {
        self.kind == TokenKind::Symbol && self.text.starts_with(c)
    }

    /// The parts of a hyphenated word (`Online-Shop` → `Online`, `Shop`)
    /// with their byte ranges in the whole text. A word without hyphens
    /// is its own single part.
    pub fn parts(&self) -> impl Iterator<Item = (Range<usize>, &'a str)> + '_ {
        let base = self.start;
        let text = self.text;
        let mut pos = 0;
        std::iter::from_fn(move || {
            if pos > text.len() {
                return None;
            }
            let rest = &text[pos..];
            let len = rest.find(is_hyphen).unwrap_or(rest.len());
            let part = (base + pos..base + pos + len, &rest[..len]);
            pos += len + rest[len..].chars().next().map_or(1, char::len_utf8);
            Some(part)
        })
    }
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2011}')
}

fn is_joiner(c: char) -> bool {
    is_hyphen(c) || matches!(c, '\'' | '\u{2019}')
}

/// Combining marks (decomposed umlauts) continue a word.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{200D}')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Separators that may stand between digit groups of one number.
fn is_group_space(c: char) -> bool {
    matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2009}')
}

/// Splits `text` into tokens. White space is dropped but remembered in
/// [`Token::space_before`] and [`Token::break_before`].
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let bytes = text.as_bytes();
    let mut pos = 0;
    let mut space = false;
    let mut brk = false;
    while pos < text.len() {
        let c = text[pos..].chars().next().expect("char at a boundary");
        if c.is_whitespace() {
            space = true;
            brk |= c == '\n' || c == '\r';
            pos += c.len_utf8();
            continue;
        }
        let start = pos;
        let kind = if c.is_ascii_digit() {
            pos = scan_number(text, pos);
            if is_day_month_date(&text[start..pos]) {
                TokenKind::Date
            } else {
                TokenKind::Number
            }
        } else if c.is_alphabetic() {
            pos = scan_word(text, pos);
            TokenKind::Word
        } else {
            pos += c.len_utf8();
            TokenKind::Symbol
        };
        debug_assert!(text.is_char_boundary(pos) && pos <= bytes.len());
        tokens.push(Token {
            kind,
            text: &text[start..pos],
            start,
            space_before: space,
            break_before: brk,
        });
        space = false;
        brk = false;
    }
    tokens
}

fn scan_word(text: &str, mut pos: usize) -> usize {
    loop {
        let rest = &text[pos..];
        let mut chars = rest.chars();
        match chars.next() {
            Some(c) if is_word_char(c) => pos += c.len_utf8(),
            Some(c) if is_joiner(c) => match chars.next() {
                Some(n) if n.is_alphanumeric() => pos += c.len_utf8(),
                _ => return pos,
            },
            _ => return pos,
        }
    }
}

fn scan_number(text: &str, mut pos: usize) -> usize {
    let digits =
        |pos: usize| -> usize { text[pos..].bytes().take_while(u8::is_ascii_digit).count() };
    pos += digits(pos);
    loop {
        let rest = &text[pos..];
        let Some(sep) = rest.chars().next() else {
            return pos;
        };
        let is_sep = matches!(sep, '.' | ',' | '\'' | '\u{2019}') || is_group_space(sep);
        if !is_sep {
            return pos;
        }
        let after = pos + sep.len_utf8();
        let n = digits(after);
        if n == 0 {
            return pos;
        }
        // A space or an apostrophe only groups thousands.
        if (is_group_space(sep) || matches!(sep, '\'' | '\u{2019}')) && n != 3 {
            return pos;
        }
        pos = after + n;
    }
}

/// `30.06.` is written without the final dot here (it is a separate
/// symbol); `30.06.2027` and `1.5.26` are dates, `1.5` is a number.
fn is_day_month_date(raw: &str) -> bool {
    let groups: Vec<&str> = raw.split('.').collect();
    groups.len() == 3
        && (1..=2).contains(&groups[0].len())
        && (1..=2).contains(&groups[1].len())
        && matches!(groups[2].len(), 2 | 4)
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
}

/// True when the token at `i` begins a sentence: it is the first token,
/// follows a line break, or follows punctuation that ends a sentence or
/// opens a quotation, a bullet or an emoji. Used to tell a formal `Sie`
/// (capitalised anywhere) from `sie` capitalised at a sentence start.
pub fn starts_sentence(tokens: &[Token], i: usize) -> bool {
    if i == 0 || tokens[i].break_before {
        return true;
    }
    let prev = tokens[i - 1];
    match prev.kind {
        TokenKind::Word | TokenKind::Number | TokenKind::Date => false,
        TokenKind::Symbol => {
            let c = prev.text.chars().next().unwrap_or(' ');
            !matches!(
                c,
                ',' | ';' | '&' | '/' | '+' | '%' | '€' | '$' | '£' | '#' | '='
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(TokenKind, &str)> {
        tokenize(text).iter().map(|t| (t.kind, t.text)).collect()
    }

    use TokenKind::*;

    #[test]
    fn words_numbers_symbols() {
        assert_eq!(
            kinds("Nur 9,99 € im Monat!"),
            vec![
                (Word, "Nur"),
                (Number, "9,99"),
                (Symbol, "€"),
                (Word, "im"),
                (Word, "Monat"),
                (Symbol, "!")
            ]
        );
    }

    #[test]
    fn hyphens_and_apostrophes_join_words() {
        assert_eq!(
            kinds("E-Mail-Adresse, don't, rock’n’roll"),
            vec![
                (Word, "E-Mail-Adresse"),
                (Symbol, ","),
                (Word, "don't"),
                (Symbol, ","),
                (Word, "rock’n’roll")
            ]
        );
        // A trailing hyphen does not join: "Sommer- und Winterreifen".
        assert_eq!(
            kinds("Sommer- und"),
            vec![(Word, "Sommer"), (Symbol, "-"), (Word, "und")]
        );
    }

    #[test]
    fn number_then_unit_letters() {
        assert_eq!(kinds("24h"), vec![(Number, "24"), (Word, "h")]);
        assert_eq!(
            kinds("48-hour"),
            vec![(Number, "48"), (Symbol, "-"), (Word, "hour")]
        );
    }

    #[test]
    fn number_formats() {
        assert_eq!(kinds("1.234,56"), vec![(Number, "1.234,56")]);
        assert_eq!(kinds("1,234.56"), vec![(Number, "1,234.56")]);
        assert_eq!(kinds("10\u{202F}000"), vec![(Number, "10\u{202F}000")]);
        assert_eq!(kinds("1'000"), vec![(Number, "1'000")]);
        // A comma followed by a space separates list items.
        assert_eq!(
            kinds("9, 10"),
            vec![(Number, "9"), (Symbol, ","), (Number, "10")]
        );
        // A no-break space before fewer than three digits does not group.
        assert_eq!(kinds("10\u{00A0}20"), vec![(Number, "10"), (Number, "20")]);
        assert_eq!(kinds("3."), vec![(Number, "3"), (Symbol, ".")]);
    }

    #[test]
    fn dates_are_not_numbers() {
        assert_eq!(kinds("30.06.2027"), vec![(Date, "30.06.2027")]);
        assert_eq!(kinds("1.5.26"), vec![(Date, "1.5.26")]);
        assert_eq!(kinds("1.5"), vec![(Number, "1.5")]);
    }

    #[test]
    fn ranges_are_byte_ranges_after_umlauts_and_emoji() {
        let text = "Grüße 🎉 aus Köln";
        let toks = tokenize(text);
        let köln = toks.iter().find(|t| t.text == "Köln").unwrap();
        assert_eq!(&text[köln.range()], "Köln");
        assert!(toks.iter().any(|t| t.text == "🎉" && t.kind == Symbol));
    }

    #[test]
    fn decomposed_umlauts_stay_in_the_word() {
        let text = "Gru\u{0308}ße";
        assert_eq!(kinds(text), vec![(Word, text)]);
    }

    #[test]
    fn parts_of_hyphenated_words() {
        let text = "Die E-Mail-Adresse";
        let toks = tokenize(text);
        let parts: Vec<_> = toks[1].parts().collect();
        assert_eq!(
            parts,
            vec![(4..5, "E"), (6..10, "Mail"), (11..18, "Adresse")]
        );
        let single: Vec<_> = toks[0].parts().collect();
        assert_eq!(single, vec![(0..3, "Die")]);
    }

    #[test]
    fn space_and_break_flags() {
        let toks = tokenize("a b\nc");
        assert!(!toks[0].space_before);
        assert!(toks[1].space_before && !toks[1].break_before);
        assert!(toks[2].break_before);
    }

    #[test]
    fn sentence_starts() {
        let toks = tokenize("Sie sagt: Sie kommen, sagen Sie. „Sie“ 🎉 Sie");
        let starts: Vec<bool> = toks
            .iter()
            .enumerate()
            .filter(|(_, t)| t.text == "Sie")
            .map(|(i, _)| starts_sentence(&toks, i))
            .collect();
        assert_eq!(starts, vec![true, true, false, true, true]);
    }

    #[test]
    fn empty_and_space_only() {
        assert!(tokenize("").is_empty());
        assert!(tokenize(" \n\t").is_empty());
    }
}
