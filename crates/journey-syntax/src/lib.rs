//! The syntax of the `.journey` language.
//!
//! The pipeline is [`lexer`] → [`parser`] (generic [`tree`]) → [`lower`]
//! (typed [`ast`], checked against the [`schema`]). [`parse`] runs all of
//! it and never fails: whatever the input, it returns the trees it could
//! build and every problem it found, each with a byte span.

pub mod ast;
pub mod codes;
mod incremental;
pub mod lexer;
mod lower;
mod numbers;
mod parser;
pub mod schema;
mod text;
pub mod tree;

pub use incremental::{minimal_edit, reparse, try_reparse};
pub use lower::closest;
pub use parser::MAX_DEPTH;

use journey_diagnostics::{Diagnostic, FileId, Span};

/// Everything known about one file's syntax.
#[derive(Debug, Clone)]
pub struct Parse {
    /// All tokens, comments included (whitespace is what lies between).
    pub tokens: Vec<lexer::Token>,
    /// The generic statement tree.
    pub tree: tree::SourceTree,
    /// The typed tree.
    pub ast: ast::File,
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

    /// The comments of the file, in order.
    pub fn comments(&self) -> impl Iterator<Item = Span> + '_ {
        self.tokens
            .iter()
            .filter(|t| t.kind == lexer::TokenKind::Comment)
            .map(|t| t.span)
    }
}

/// Lexes, parses and lowers `src`.
///
/// Big files are parsed and lowered in parallel runs of whole top-level
/// definitions; the result is the same as in one piece.
pub fn parse(src: &str, file: FileId) -> Parse {
    parse_split(
        src,
        file,
        parser::PARALLEL_MIN_TOKENS,
        lower::PARALLEL_MIN_DEFINITIONS,
    )
}

/// [`parse`] with the sizes from which parsing (`min_tokens`) and
/// lowering (`min_definitions`) are split into parallel runs; tests force
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
            tokens: Vec::new(),
            tree: tree::SourceTree::default(),
            ast: ast::File::default(),
            diagnostics,
        };
    }
    let tokens = lexer::lex(src);
    for t in &tokens {
        if t.kind == lexer::TokenKind::Error {
            diagnostics.push(invalid_character(src, *t, file));
        }
    }
    let tree =
        parser::parse_tokens_in_chunks(&tokens, src.len(), file, &mut diagnostics, min_tokens);
    let ast = lower::lower_file(
        src,
        file,
        &tree.statements,
        &mut diagnostics,
        min_definitions,
    );
    absorb_covered_characters(&mut diagnostics);
    diagnostics.sort_by_key(|d| d.sort_key());
    Parse {
        tokens,
        tree,
        ast,
        diagnostics,
    }
}

/// Drops the report of an invalid character that a number's diagnostic
/// already covers and fixes (the `%` of `target 4,5%`): one mistake, one
/// diagnostic.
fn absorb_covered_characters(diagnostics: &mut Vec<Diagnostic>) {
    let covered: Vec<Span> = diagnostics
        .iter()
        .filter(|d| d.code == codes::NUMBER_FORMAT.code && !d.fixes.is_empty())
        .map(|d| d.span())
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
    if first == '/' && text.starts_with("//") {
        d = d.with_fix(
            "turn into a `#` comment",
            Span::new(t.span.start, t.span.start + 2),
            "#",
        );
    }
    d
}

/// Turns raw file bytes into text. Invalid UTF-8 is replaced (so the rest
/// of the file can still be checked) and reported at the first bad byte.
pub fn decode_source(bytes: Vec<u8>, file: FileId) -> (String, Option<Diagnostic>) {
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
