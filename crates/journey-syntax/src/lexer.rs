//! The lexer: turns text into [`Token`]s with logos.
//!
//! Lexing never fails. Every byte of the input ends up in exactly one token
//! or in the whitespace between tokens, so the token stream plus the text
//! reproduces the file — the formatter and the language server rely on it.
//! Malformed input becomes an [`TokenKind::Error`] token (reported once, here)
//! or a string token flagged as unterminated.

use journey_diagnostics::Span;
use logos::Logos;

/// What kind of string literal a [`TokenKind::Str`] token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct StrShape {
    /// `"""…"""` rather than `"…"`.
    pub text_block: bool,
    /// The closing quote(s) are missing.
    pub unterminated: bool,
    /// `„…“`, `“…”`, `‘…’`, `«…»`, `»…«`: typographic quotes where straight
    /// ones belong, read as a string (and reported once) so that the text
    /// counts as written.
    pub typographic: bool,
}

#[derive(Logos, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Blanks, tabs, form feeds and byte-order marks: trivia kept so that
    /// the tokens reproduce the file (see [`lex_lossless`]).
    #[regex(r"[ \t\f\u{FEFF}]+")]
    Whitespace,
    #[regex(r"\r?\n")]
    Newline,
    #[regex(r"#[^\r\n]*", allow_greedy = true)]
    Comment,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token(",")]
    Comma,
    #[token(";")]
    Semicolon,
    #[token("->")]
    Arrow,
    /// Also `after-sales`: a name written with hyphens is one identifier
    /// (reported once, with the fix `after_sales`), not a name, an invalid
    /// character and a stray argument. `loyalty->x` keeps its arrow.
    #[regex(r"[\p{XID_Start}_][\p{XID_Continue}]*")]
    #[regex(r"[\p{XID_Start}_][\p{XID_Continue}]*(-[\p{XID_Continue}]+)+")]
    Ident,
    /// Digits with dots or commas between them: `4.5`, but also `20.000`,
    /// `4,5` and `1.234.567,50`, so that a number written the German way
    /// is one token and one diagnostic (see [`crate::numbers`]).
    #[regex(r"-?[0-9]+([.,][0-9]+)*")]
    Number,
    /// `2027-06-30`, also `2027-6-30`; and `31.12.2027` (read as a number
    /// first, see [`lex`]). Validation checks the form and that the day exists.
    #[regex(r"[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?")]
    Date,
    #[token("\"", lex_string)]
    #[regex("[„“”‚‘’«»]", lex_typographic)]
    Str(StrShape),
    /// Bytes that start no token; reported by the lexer.
    Error,
}

impl TokenKind {
    /// Tokens the parser never sees: comments and whitespace are kept
    /// aside for the formatter.
    pub fn is_trivia(self) -> bool {
        matches!(self, TokenKind::Comment | TokenKind::Whitespace)
    }

    /// Tokens that can stand as a statement argument.
    pub fn is_value(self) -> bool {
        matches!(
            self,
            TokenKind::Ident | TokenKind::Number | TokenKind::Date | TokenKind::Str(_)
        )
    }

    /// How the token is named in "expected …" messages.
    pub fn describe(self) -> &'static str {
        match self {
            TokenKind::Whitespace => "whitespace",
            TokenKind::Newline => "end of line",
            TokenKind::Comment => "comment",
            TokenKind::LBrace => "`{`",
            TokenKind::RBrace => "`}`",
            TokenKind::Comma => "`,`",
            TokenKind::Semicolon => "`;`",
            TokenKind::Arrow => "`->`",
            TokenKind::Ident => "identifier",
            TokenKind::Number => "number",
            TokenKind::Date => "date",
            TokenKind::Str(StrShape {
                text_block: true, ..
            }) => "text block",
            TokenKind::Str(_) => "string",
            TokenKind::Error => "invalid character",
        }
    }
}

/// Scans a text in typographic quotes after its opening quote, up to the
/// closing quote that goes with it on the same line; without one, the
/// opening quote is an invalid character as before.
fn lex_typographic(lex: &mut logos::Lexer<TokenKind>) -> Option<StrShape> {
    let closers: &[char] = match lex.slice().chars().next()? {
        '„' => &['“', '”'],
        '“' => &['”', '“'],
        '”' => &['”'],
        '‚' => &['‘', '’'],
        '‘' => &['’', '‘'],
        '’' => &['’'],
        '«' => &['»'],
        _ => &['«'],
    };
    let rest = lex.remainder();
    let line = &rest[..rest.find(['\n', '\r']).unwrap_or(rest.len())];
    let end = line.find(closers)?;
    let close = line[end..].chars().next()?;
    lex.bump(end + close.len_utf8());
    Some(StrShape {
        text_block: false,
        unterminated: false,
        typographic: true,
    })
}

/// Scans a string literal after its opening quote. Stops at the closing
/// quote, or — unterminated — before the line break (`"…"`) or at the end of
/// the input (`"""…"""`), so an unclosed quote cannot swallow the file.
fn lex_string(lex: &mut logos::Lexer<TokenKind>) -> StrShape {
    let rest = lex.remainder().as_bytes();
    if rest.starts_with(b"\"\"") {
        // Text block: find the closing `"""`, honouring backslash escapes.
        let mut i = 2;
        while i < rest.len() {
            match rest[i] {
                b'\\' => i += 2,
                b'"' if rest[i..].starts_with(b"\"\"\"") => {
                    lex.bump(i + 3);
                    return StrShape {
                        text_block: true,
                        unterminated: false,
                        typographic: false,
                    };
                }
                _ => i += 1,
            }
        }
        lex.bump(rest.len());
        return StrShape {
            text_block: true,
            unterminated: true,
            typographic: false,
        };
    }
    let mut i = 0;
    while i < rest.len() {
        match rest[i] {
            b'\\' if matches!(rest.get(i + 1), Some(b'\n' | b'\r') | None) => break,
            b'\\' => i += 2,
            b'"' => {
                lex.bump(i + 1);
                return StrShape {
                    text_block: false,
                    unterminated: false,
                    typographic: false,
                };
            }
            b'\n' | b'\r' => break,
            _ => i += 1,
        }
    }
    // Never split a UTF-8 sequence: the escape skip above may land inside one.
    let mut end = i.min(rest.len());
    // `persona x "Sabine {`: the brace at the line end most likely opens
    // the block, so leave it out of the string and keep the block intact.
    let line = &rest[..end];
    let trimmed = line.trim_ascii_end();
    if trimmed.ends_with(b"{") {
        end = trimmed.len() - 1;
        end = rest[..end].trim_ascii_end().len();
    }
    let text = lex.remainder();
    while !text.is_char_boundary(end) {
        end += 1;
    }
    lex.bump(end);
    StrShape {
        text_block: false,
        unterminated: true,
        typographic: false,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

impl Token {
    pub fn text(self, src: &str) -> &str {
        &src[self.span.range()]
    }
}

/// All tokens of `src`, comments included, whitespace excluded.
pub fn lex(src: &str) -> Vec<Token> {
    lex_tokens(src, false)
}

/// All tokens of `src`, whitespace and comments included: their texts
/// joined give back `src` byte for byte.
pub fn lex_lossless(src: &str) -> Vec<Token> {
    lex_tokens(src, true)
}

fn lex_tokens(src: &str, keep_whitespace: bool) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(src.len() / if keep_whitespace { 3 } else { 5 });
    let mut lexer = TokenKind::lexer(src);
    while let Some(result) = lexer.next() {
        let span: Span = lexer.span().into();
        let mut kind = result.unwrap_or(TokenKind::Error);
        if kind == TokenKind::Whitespace && !keep_whitespace {
            continue;
        }
        // `31.12.2027` has the shape of a number but is a date.
        if kind == TokenKind::Number && crate::numbers::is_day_first_date(lexer.slice()) {
            kind = TokenKind::Date;
        }
        // Merge runs of invalid bytes into one error token.
        if kind == TokenKind::Error {
            if let Some(last) = tokens.last_mut() {
                let last: &mut Token = last;
                if last.kind == TokenKind::Error && last.span.end == span.start {
                    last.span.end = span.end;
                    continue;
                }
            }
        }
        tokens.push(Token { kind, span });
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<(TokenKind, &str)> {
        lex(src)
            .into_iter()
            .map(|t| (t.kind, t.text(src)))
            .collect()
    }

    const STR: TokenKind = TokenKind::Str(StrShape {
        text_block: false,
        unterminated: false,
        typographic: false,
    });

    #[test]
    fn statement_tokens() {
        use TokenKind::*;
        assert_eq!(
            kinds("kpi reach \"Reichweite\" target 50000 # note\n"),
            vec![
                (Ident, "kpi"),
                (Ident, "reach"),
                (STR, "\"Reichweite\""),
                (Ident, "target"),
                (Number, "50000"),
                (Comment, "# note"),
                (Newline, "\n"),
            ]
        );
    }

    #[test]
    fn dates_numbers_arrows_and_unicode_identifiers() {
        use TokenKind::*;
        assert_eq!(
            kinds("by 2027-06-30 -1.5 loyalty->kündigung"),
            vec![
                (Ident, "by"),
                (Date, "2027-06-30"),
                (Number, "-1.5"),
                (Ident, "loyalty"),
                (Arrow, "->"),
                (Ident, "kündigung"),
            ]
        );
    }

    #[test]
    fn numbers_and_dates_as_people_write_them_are_one_token() {
        use TokenKind::*;
        assert_eq!(
            kinds("20.000 4,5 1.234.567,50 31.12.2027 1.2.27 2027-6-3 1,\n 2027-1x 1.5-2"),
            vec![
                (Number, "20.000"),
                (Number, "4,5"),
                (Number, "1.234.567,50"),
                (Date, "31.12.2027"),
                (Date, "1.2.27"),
                (Date, "2027-6-3"),
                (Number, "1"),
                (Comma, ","),
                (Newline, "\n"),
                (Number, "2027"),
                (Number, "-1"),
                (Ident, "x"),
                (Number, "1.5"),
                (Number, "-2"),
            ]
        );
        // A list of values keeps its commas when they are followed by a space.
        assert_eq!(
            kinds("4, 5"),
            vec![(Number, "4"), (Comma, ","), (Number, "5")]
        );
    }

    #[test]
    fn a_hyphenated_name_is_one_identifier() {
        use TokenKind::*;
        assert_eq!(
            kinds("phases awareness, after-sales-2 x->y z -1"),
            vec![
                (Ident, "phases"),
                (Ident, "awareness"),
                (Comma, ","),
                (Ident, "after-sales-2"),
                (Ident, "x"),
                (Arrow, "->"),
                (Ident, "y"),
                (Ident, "z"),
                (Number, "-1"),
            ]
        );
    }

    #[test]
    fn a_text_in_typographic_quotes_is_a_string() {
        let typo = TokenKind::Str(StrShape {
            text_block: false,
            unterminated: false,
            typographic: true,
        });
        assert_eq!(
            kinds("„Schnell geliefert“ «a» ‘b’ „open\n"),
            vec![
                (typo, "„Schnell geliefert“"),
                (typo, "«a»"),
                (typo, "‘b’"),
                (TokenKind::Error, "„"),
                (TokenKind::Ident, "open"),
                (TokenKind::Newline, "\n"),
            ]
        );
    }

    #[test]
    fn strings_with_escapes_and_text_blocks() {
        let toks = kinds(
            r#"says "a \"b\" c" """x
y""""#,
        );
        assert_eq!(toks[1], (STR, r#""a \"b\" c""#));
        assert_eq!(
            toks[2].0,
            TokenKind::Str(StrShape {
                text_block: true,
                unterminated: false,
                typographic: false,
            })
        );
    }

    #[test]
    fn unterminated_string_stops_at_the_line_end() {
        let toks = kinds("says \"open\nnext 1");
        assert_eq!(
            toks[1],
            (
                TokenKind::Str(StrShape {
                    text_block: false,
                    unterminated: true,
                    typographic: false,
                }),
                "\"open"
            )
        );
        assert_eq!(toks[2].0, TokenKind::Newline);
        assert_eq!(toks[3], (TokenKind::Ident, "next"));
    }

    #[test]
    fn unterminated_string_leaves_a_trailing_brace_to_the_block() {
        let toks = kinds("persona p \"Sabine {\n");
        assert_eq!(toks[2].1, "\"Sabine");
        assert_eq!(toks[3].0, TokenKind::LBrace);
    }

    #[test]
    fn lossless_tokens_reproduce_the_text() {
        let src = "\u{FEFF}persona p \"P\" {  # c\r\n\tneeds a,\n b ; x %% \"open\n}\t\n";
        let joined: String = lex_lossless(src).iter().map(|t| t.text(src)).collect();
        assert_eq!(joined, src);
        let whitespace = lex_lossless(src)
            .iter()
            .filter(|t| t.kind == TokenKind::Whitespace)
            .count();
        assert_eq!(lex_lossless(src).len() - whitespace, lex(src).len());
    }

    #[test]
    fn invalid_bytes_merge_into_one_error() {
        let toks = kinds("a %%% b");
        assert_eq!(toks[1], (TokenKind::Error, "%%%"));
        assert_eq!(toks[2], (TokenKind::Ident, "b"));
    }

    #[test]
    fn escape_before_multibyte_char_keeps_boundaries() {
        // A backslash before "ü" skips two bytes and lands inside it.
        let src = "\"\\ü";
        let toks = lex(src);
        assert_eq!(toks.len(), 1);
        assert_eq!(toks[0].span.end as usize, src.len());
    }
}
