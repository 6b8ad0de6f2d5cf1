//! The syntax of the `.journey` language.
//!
//! The pipeline is [`lexer`] → [`parser`] (the lossless [`tree`]: every
//! token, trivia included, and the statements over them) → validation
//! (each statement read against the [`schema`]). [`parse`] runs all of it
//! and never fails: whatever the input, it returns the tree it could build
//! and every problem it found, each with a byte span. The typed [`view`]s
//! read definitions from the tree with validation's own readers.

mod atom;
pub mod codes;
mod german;
mod incremental;
pub mod lexer;
mod numbers;
mod parser;
pub mod schema;
mod text;
pub mod tree;
mod unclosed;
mod validate;
pub mod view;

pub use atom::Atom;
pub use german::english as english_for_german;
pub use incremental::{minimal_edit, reparse, try_reparse};
pub use parser::MAX_DEPTH;
pub use text::{escape, escape_block_line, quote};
pub use validate::{closest, currency_for, is_currency_code};

use journey_diagnostics::{Diagnostic, FileId, Span};

/// Everything known about one file's syntax.
#[derive(Debug, Clone)]
pub struct Parse {
    /// The lossless tree: every token, trivia included, and the
    /// statements, arguments and blocks over them.
    pub tree: tree::SyntaxTree,
    /// Every syntax problem, in source order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Parse {
    /// True when the file has syntax errors (the formatter refuses such files).
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == journey_diagnostics::Severity::Error)
    }

    /// All tokens of the file, whitespace and comments included.
    pub fn tokens(&self) -> &[lexer::Token] {
        self.tree.tokens()
    }

    /// The comments of the file, in order.
    pub fn comments(&self) -> impl Iterator<Item = Span> + '_ {
        self.tokens()
            .iter()
            .filter(|t| t.kind == lexer::TokenKind::Comment)
            .map(|t| t.span)
    }
}

/// Lexes, parses and validates `src`.
///
/// Big files are parsed and validated in parallel runs of whole top-level
/// definitions; the result is the same as in one piece.
pub fn parse(src: &str, file: FileId) -> Parse {
    parse_split(
        src,
        file,
        parser::PARALLEL_MIN_TOKENS,
        validate::PARALLEL_MIN_DEFINITIONS,
    )
}

/// [`parse`] with the sizes from which parsing (`min_tokens`) and
/// validation (`min_definitions`) are split into parallel runs; tests force
/// splitting of small files with it.
#[doc(hidden)]
pub fn parse_split(src: &str, file: FileId, min_tokens: usize, min_definitions: usize) -> Parse {
    let mut diagnostics = Vec::new();
    if src.len() > u32::MAX as usize {
        diagnostics.push(
            Diagnostic::new(
                &codes::FILE_TOO_LARGE,
                file,
                Span::empty(0),
                "the file is larger than 4 GiB",
            )
            .with_help("split the journey over several files with `import`"),
        );
        return Parse {
            tree: tree::SyntaxTree::default(),
            diagnostics,
        };
    }
    let tokens = lexer::lex_lossless(src);
    for t in &tokens {
        match t.kind {
            lexer::TokenKind::Error => diagnostics.push(invalid_character(src, *t, file)),
            lexer::TokenKind::Str(shape) if shape.typographic => {
                diagnostics.push(typographic_quotes(src, *t, file));
            }
            lexer::TokenKind::Ident if t.text(src).contains('-') => {
                diagnostics.push(hyphen_in_name(src, *t, file));
            }
            _ => {}
        }
    }
    let (statements, ends) =
        parser::parse_tokens_in_chunks(&tokens, src, file, &mut diagnostics, min_tokens);
    for d in diagnostics.iter_mut() {
        if d.code == codes::UNCLOSED_BLOCK.code {
            *d = unclosed_block(src, &tokens, &ends, file, d.span());
        }
    }
    let tree = parser::build_tree(tokens, src.len(), &statements);
    drop(statements);
    validate::validate(src, file, &tree, &mut diagnostics, min_definitions);
    absorb_covered_characters(&mut diagnostics);
    diagnostics.sort_by_key(|d| d.sort_key());
    Parse { tree, diagnostics }
}

/// The report of a block the parser found unclosed (its `{` at `open`),
/// pointing at the block that lacks its `}`: when a `}` inside it stands
/// at the indentation of an outer block, that `}` was meant for the outer
/// one and the block opened in between is the one not closed. The fix
/// adds the `}` where the indentation says the block ends.
fn unclosed_block(
    src: &str,
    tokens: &[lexer::Token],
    blocks: &unclosed::BlockEnds,
    file: FileId,
    open: Span,
) -> Diagnostic {
    use lexer::TokenKind;
    let line_start = |at: u32| src[..at as usize].rfind('\n').map_or(0, |i| i + 1);
    let indent = |at: u32| {
        let start = line_start(at);
        let rest = &src[start..];
        &rest[..rest.len() - rest.trim_start_matches([' ', '\t']).len()]
    };
    let first_on_line = |at: u32| src[line_start(at)..at as usize].trim().is_empty();
    let is_keyword = |w: &str| !schema::contexts_of(w).is_empty();
    let starts = &blocks.definition_starts;
    let from = tokens.partition_point(|t| t.span.start < open.start);
    // The block lacking its `}` and where the `}` goes.
    let mut unclosed = open;
    let mut insert: Option<(u32, String)> = None;
    let mut stack: Vec<Span> = Vec::new();
    let mut last = open.end;
    let mut ends_in_open_string = false;
    // A line that ended the block (an indented definition after it): the
    // `}` goes right before that line.
    let ended_by_line = blocks.implicit_closes.iter().find(|c| c.open == open.start);
    if let Some(c) = ended_by_line {
        // Before the blank lines that separate the next definition.
        let mut at = c.line as usize;
        while let Some(prev) = src[..at.saturating_sub(1)].rfind('\n') {
            if !src[prev + 1..at].trim().is_empty() {
                break;
            }
            at = prev + 1;
        }
        insert = Some((at as u32, format!("{}}}\n", indent(open.start))));
    }
    for t in tokens[from..]
        .iter()
        .take_while(|_| ended_by_line.is_none())
    {
        if t.kind == TokenKind::Ident && starts.binary_search(&t.span.start).is_ok() {
            break;
        }
        match t.kind {
            TokenKind::LBrace => stack.push(t.span),
            TokenKind::RBrace if stack.len() > 1 && first_on_line(t.span.start) => {
                let at = indent(t.span.start);
                let top = *stack.last().expect("two blocks open");
                let outer = stack[..stack.len() - 1]
                    .iter()
                    .rposition(|o| indent(o.start) == at);
                if indent(top.start) != at {
                    if let Some(k) = outer {
                        unclosed = stack[k + 1];
                        let line = line_start(t.span.start) as u32;
                        insert = Some((line, format!("{}}}\n", indent(unclosed.start))));
                        break;
                    }
                }
                stack.pop();
            }
            TokenKind::RBrace => {
                stack.pop();
            }
            _ => {}
        }
        if !matches!(t.kind, TokenKind::Whitespace | TokenKind::Newline) {
            last = t.span.end;
            ends_in_open_string = matches!(t.kind, TokenKind::Str(s) if s.unterminated);
        }
    }
    let guessed = insert.is_none();
    let (at, text) = insert.unwrap_or_else(|| (last, format!("\n{}}}", indent(unclosed.start))));
    // `touchpoint web "Website" {`: name the block by its keyword and id.
    let head: Vec<&str> = src[line_start(unclosed.start)..unclosed.start as usize]
        .split_whitespace()
        .collect();
    let what = match head.as_slice() {
        [keyword, id, ..] if is_keyword(keyword) && !id.starts_with('"') => {
            format!("this `{{` of {keyword} `{id}`")
        }
        [keyword, ..] if is_keyword(keyword) => format!("this `{{` of `{keyword}`"),
        _ => "this `{`".to_string(),
    };
    let d = Diagnostic::new(
        &codes::UNCLOSED_BLOCK,
        file,
        unclosed,
        format!("{what} is never closed"),
    )
    .with_label("opened here")
    .with_help("add a `}` after its last line");
    // After an unclosed string the `}` would land inside it.
    if ends_in_open_string && guessed {
        return d;
    }
    d.with_fix("add the missing `}`", Span::empty(at), text)
}

/// Drops the report of an invalid character that a number's or an
/// argument's diagnostic already covers and fixes (the `%` of
/// `target 4,5%`, the `€` of `cost 1200 €`, the full stop of
/// `by 31.12.2027.`): one mistake, one diagnostic.
fn absorb_covered_characters(diagnostics: &mut Vec<Diagnostic>) {
    let covered: Vec<Span> = diagnostics
        .iter()
        .filter(|d| {
            [
                codes::NUMBER_FORMAT.code,
                codes::DATE_FORMAT.code,
                codes::INVALID_ARGUMENT.code,
            ]
            .contains(&d.code)
        })
        .flat_map(|d| {
            d.fixes
                .iter()
                .flat_map(|f| f.edits.iter().map(|e| e.span))
                .chain([d.span()])
        })
        .collect();
    if covered.is_empty() {
        return;
    }
    diagnostics.retain(|d| {
        d.code != codes::INVALID_CHARACTER.code
            || !covered
                .iter()
                .any(|c| c.start <= d.span().start && d.span().end <= c.end)
    });
}

/// `„Schnell geliefert“`: lexed as a string so that the text counts as
/// written; reported once, here, with the straight quotes as the fix.
fn typographic_quotes(src: &str, t: lexer::Token, file: FileId) -> Diagnostic {
    let raw = t.text(src);
    let open = raw.chars().next().unwrap_or('"');
    let close = raw.chars().next_back().unwrap_or('"');
    let content = &raw[open.len_utf8()..raw.len() - close.len_utf8()];
    Diagnostic::new(
        &codes::INVALID_CHARACTER,
        file,
        t.span,
        format!("typographic quotes `{open}…{close}`; write straight quotes `\"…\"`"),
    )
    .with_label("typographic quotes")
    .with_help(
        "a text starts and ends with a straight quote `\"`; typographic quotes may stand inside it",
    )
    .with_fix("write straight quotes", t.span, text::quote(content))
}

/// `after-sales`: lexed as one identifier so that the mistake is reported
/// once, here, and the rest of the file reads the name as written.
fn hyphen_in_name(src: &str, t: lexer::Token, file: FileId) -> Diagnostic {
    let name = t.text(src);
    let fixed = name.replace('-', "_");
    Diagnostic::new(
        &codes::INVALID_CHARACTER,
        file,
        t.span,
        format!("names cannot contain `-`; write `{fixed}`"),
    )
    .with_label("`-` in a name")
    .with_help("join the words of a name with `_`; the title in quotes can say it any way")
    .with_fix(format!("write `{fixed}`"), t.span, fixed)
}

fn invalid_character(src: &str, t: lexer::Token, file: FileId) -> Diagnostic {
    let text = t.text(src);
    let first = text.chars().next().unwrap_or('?');
    let what = if text.chars().count() == 1 {
        format!("`{first}` (U+{:04X})", first as u32)
    } else {
        format!("`{text}`")
    };
    let help = match first {
        '%' => "write percentages as a number with `unit \"%\"`, or put the value in quotes",
        '„' | '“' | '”' | '\'' | '‚' | '‘' | '’' | '«' | '»' => {
            "strings are delimited by straight quotes `\"`; typographic quotes belong inside them"
        }
        '€' | '$' | '£' => "write amounts as strings, e.g. \"9,99 €\", or as a number with a unit",
        '/' => "comments start with `#`",
        '(' | ')' | '[' | ']' => "lists are written without brackets: `a, b, c`",
        _ => "outside strings and comments only keywords, identifiers, numbers, dates, strings and `{ } , ; ->` may appear",
    };
    let mut d = Diagnostic::new(
        &codes::INVALID_CHARACTER,
        file,
        t.span,
        format!("unexpected character {what}"),
    )
    .with_label("not part of the language")
    .with_help(help);
    if first == '.' && text.len() == 1 {
        let before = src[..t.span.start as usize].chars().next_back();
        let value = Span::new(t.span.start, t.span.start);
        if before.is_some_and(|c| c.is_alphanumeric() || c == '"')
            && validate::full_stop_after(src, value).is_some()
        {
            return Diagnostic::new(
                &codes::INVALID_CHARACTER,
                file,
                t.span,
                "a full stop after the value: a statement ends with its line".to_string(),
            )
            .with_label("full stop")
            .with_help("statements are not sentences: leave the full stop out")
            .with_fix("remove the full stop", t.span, "");
        }
    }
    if first == '/' && text.starts_with("//") {
        d = d.with_fix(
            "turn into a `#` comment",
            Span::new(t.span.start, t.span.start + 2),
            "#",
        );
    }
    d
}

/// A text encoding other than UTF-8 that a file is recognisably in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WideEncoding {
    Utf16Le,
    Utf16Be,
    Utf32Le,
    Utf32Be,
}

impl WideEncoding {
    /// The encoding's name as editors show it.
    pub fn name(self) -> &'static str {
        match self {
            WideEncoding::Utf16Le => "UTF-16 LE",
            WideEncoding::Utf16Be => "UTF-16 BE",
            WideEncoding::Utf32Le => "UTF-32 LE",
            WideEncoding::Utf32Be => "UTF-32 BE",
        }
    }
}

/// How a file shows that it is UTF-16 or UTF-32: the encoding, and whether
/// a byte-order mark says so (otherwise: zero bytes between the letters).
pub fn detect_wide_encoding(bytes: &[u8]) -> Option<(WideEncoding, bool)> {
    // UTF-32 LE's mark starts with UTF-16 LE's: test it first.
    for (bom, enc) in [
        (&[0xFF, 0xFE, 0x00, 0x00][..], WideEncoding::Utf32Le),
        (&[0x00, 0x00, 0xFE, 0xFF][..], WideEncoding::Utf32Be),
        (&[0xFF, 0xFE][..], WideEncoding::Utf16Le),
        (&[0xFE, 0xFF][..], WideEncoding::Utf16Be),
    ] {
        if bytes.starts_with(bom) {
            return Some((enc, true));
        }
    }
    // Without a mark: mostly Latin text, so the zero bytes of each unit
    // stand at the same places. Look at the start of the file.
    let head = &bytes[..bytes.len().min(64 * 1024)];
    if !head.contains(&0) {
        return None;
    }
    let share = |count: usize, of: usize| of > 0 && count * 3 >= of;
    let quads = head.chunks_exact(4);
    let n4 = quads.len();
    let (mut le32, mut be32) = (0, 0);
    for q in quads {
        match q {
            [a, 0, 0, 0] if *a != 0 => le32 += 1,
            [0, 0, 0, d] if *d != 0 => be32 += 1,
            _ => {}
        }
    }
    if share(le32, n4) && be32 == 0 {
        return Some((WideEncoding::Utf32Le, false));
    }
    if share(be32, n4) && le32 == 0 {
        return Some((WideEncoding::Utf32Be, false));
    }
    let pairs = head.chunks_exact(2);
    let n2 = pairs.len();
    let (mut le16, mut be16) = (0, 0);
    for p in pairs {
        match p {
            [a, 0] if *a != 0 => le16 += 1,
            [0, b] if *b != 0 => be16 += 1,
            _ => {}
        }
    }
    if share(le16, n2) && be16 * 10 <= le16 {
        return Some((WideEncoding::Utf16Le, false));
    }
    if share(be16, n2) && le16 * 10 <= be16 {
        return Some((WideEncoding::Utf16Be, false));
    }
    None
}

/// Turns raw file bytes into text. Invalid UTF-8 is replaced (so the rest
/// of the file can still be checked) and reported at the first bad byte.
/// A UTF-16 or UTF-32 file is one error and no text: read as UTF-8 it
/// would be an error at every letter.
pub fn decode_source(bytes: Vec<u8>, file: FileId) -> (String, Option<Diagnostic>) {
    if let Some((encoding, bom)) = detect_wide_encoding(&bytes) {
        let name = encoding.name();
        let label = if bom {
            format!("the file starts with the byte-order mark of {name}")
        } else {
            format!("zero bytes between the letters, as in {name}")
        };
        let d = Diagnostic::new(
            &codes::WIDE_ENCODING,
            file,
            Span::empty(0),
            format!("the file is encoded as {name}, not as UTF-8; it was not read"),
        )
        .with_label(label)
        .with_help(format!(
            "save it as UTF-8: in VS Code click \"{name}\" in the status bar, choose \"Save with Encoding\", then \"UTF-8\"; in Notepad use \"Save as\" with the encoding \"UTF-8\"; `journeyc explain J0003` shows more"
        ));
        return (String::new(), Some(d));
    }
    match String::from_utf8(bytes) {
        Ok(s) => (s, None),
        Err(e) => {
            let bad = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let text = String::from_utf8_lossy(&bytes).into_owned();
            // The replacement char sits where the bad byte was: same offset.
            let at = bad as u32;
            let byte = bytes[bad];
            let d = Diagnostic::new(
                &codes::INVALID_UTF8,
                file,
                Span::new(at, at + '\u{FFFD}'.len_utf8() as u32),
                format!("the file is not valid UTF-8 (byte 0x{byte:02X} at offset {bad})"),
            )
            .with_label("invalid UTF-8 here")
            .with_help("save the file as UTF-8; `journeyc explain J0001` shows how");
            (text, Some(d))
        }
    }
}

#[cfg(test)]
mod encoding_tests {
    use super::*;

    const TEXT: &str = "persona kundin \"Kundin\" {\n  evidence \"5 Interviews, März 2027\"\n}\n";

    fn utf16(text: &str, big: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| {
                if big {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect()
    }

    fn utf32(text: &str, big: bool) -> Vec<u8> {
        text.chars()
            .flat_map(|c| {
                let c = c as u32;
                if big {
                    c.to_be_bytes()
                } else {
                    c.to_le_bytes()
                }
            })
            .collect()
    }

    #[test]
    fn wide_encodings_are_recognised_with_and_without_a_mark() {
        use WideEncoding::*;
        let cases = [
            (
                [&[0xFF, 0xFE][..], &utf16(TEXT, false)].concat(),
                Utf16Le,
                true,
            ),
            (
                [&[0xFE, 0xFF][..], &utf16(TEXT, true)].concat(),
                Utf16Be,
                true,
            ),
            (utf16(TEXT, false), Utf16Le, false),
            (utf16(TEXT, true), Utf16Be, false),
            (
                [&[0xFF, 0xFE, 0, 0][..], &utf32(TEXT, false)].concat(),
                Utf32Le,
                true,
            ),
            (
                [&[0, 0, 0xFE, 0xFF][..], &utf32(TEXT, true)].concat(),
                Utf32Be,
                true,
            ),
            (utf32(TEXT, false), Utf32Le, false),
            (utf32(TEXT, true), Utf32Be, false),
        ];
        for (bytes, encoding, bom) in cases {
            assert_eq!(detect_wide_encoding(&bytes), Some((encoding, bom)));
            let (text, problem) = decode_source(bytes, FileId(3));
            assert!(text.is_empty(), "nothing is read");
            let d = problem.expect("one error");
            assert_eq!(d.code, "J0003");
            assert_eq!(d.span(), Span::empty(0));
            assert!(d.message.contains(encoding.name()), "{}", d.message);
            assert!(d.help.as_deref().unwrap_or("").contains("UTF-8"));
        }
    }

    #[test]
    fn utf8_with_or_without_a_mark_and_stray_nuls_are_not_wide() {
        assert_eq!(detect_wide_encoding(TEXT.as_bytes()), None);
        let bom: Vec<u8> = [&[0xEF, 0xBB, 0xBF][..], TEXT.as_bytes()].concat();
        assert_eq!(detect_wide_encoding(&bom), None);
        assert_eq!(decode_source(bom, FileId(0)).1, None);
        // A few NUL bytes in a UTF-8 file are reported where they stand.
        let stray = TEXT.replace("Kundin", "Kun\0din");
        assert_eq!(detect_wide_encoding(stray.as_bytes()), None);
        assert_eq!(detect_wide_encoding(b""), None);
    }
}
