//! The canonical formatter of the `.journey` language.
//!
//! [`format`] turns a source text into its canonical layout. The command
//! line (`journeyc fmt`) and the language server's formatting request both
//! call it, so a file formatted in the editor never changes in CI.
//!
//! # The canonical layout
//!
//! - One statement per line; statements joined with `;` are split onto
//!   their own lines. A single space separates the keyword and the
//!   arguments, list items are written `a, b, c`.
//! - Blocks: `{` ends the statement's line, the contents are indented by
//!   [`FormatOptions::indent`] spaces per level, `}` stands on its own line.
//!   A block with nothing inside (not even a comment) is written `{}`.
//! - Blank lines: none at the start of the file or of a block, none before
//!   `}` or at the end of the file. Between statements the author's blank
//!   lines are kept, several collapsed into one; top-level definitions
//!   (statements with a block) are always separated by exactly one.
//! - Lists: a statement whose line would be wider than
//!   [`FormatOptions::line_width`] is wrapped after every comma, one item
//!   per line, continuation lines indented one level deeper than the
//!   statement. A list that fits is joined onto one line. A list with a
//!   comment inside is always wrapped (a comment ends its line).
//! - Comments stay where they are: a comment that follows code on its line
//!   (a trailing comment) stays on that line after one space; a comment on
//!   a line of its own stays on a line of its own, indented like the
//!   statements around it. Trailing whitespace is removed from comments;
//!   their text is otherwise untouched.
//! - Strings and text blocks are copied byte for byte.
//! - Line endings: a file whose first line break is CRLF is written with
//!   CRLF throughout, any other file with LF (line breaks inside text
//!   blocks are part of the text and kept as they are). A byte order mark at
//!   the start of the file is kept. A non-empty file ends with exactly one
//!   line break; an empty file stays empty.
//!
//! The formatter only moves whitespace, line breaks and `;` separators: the
//! tokens and comments of the result are those of the input, in the same
//! order. [`check_equivalent`] verifies exactly that: [`format_verified`]
//! formats and runs this safety net, and it is what the command line (before
//! writing a file) and the language server (before returning an edit) call,
//! so that neither ever hands out a result that changes more than layout
//! ([`FormatError::NotEquivalent`]). A file with syntax errors is refused
//! ([`FormatError::Syntax`]) rather than guessed at.

mod diff;
mod printer;
mod verify;

pub use diff::unified_diff;
pub use printer::line_ending;
pub use verify::{check_equivalent, Violation};

use journey_diagnostics::{Diagnostic, FileId};
use journey_syntax::Parse;
use std::fmt;

/// Layout settings, read from the `[format]` table of `journey.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatOptions {
    /// The widest a line may get before its lists are wrapped (in columns;
    /// wide characters such as emoji count two).
    pub line_width: usize,
    /// Spaces per indentation level.
    pub indent: usize,
}

impl FormatOptions {
    /// The default line width.
    pub const DEFAULT_LINE_WIDTH: usize = 100;
    /// The default indentation.
    pub const DEFAULT_INDENT: usize = 2;
}

impl Default for FormatOptions {
    fn default() -> Self {
        FormatOptions {
            line_width: Self::DEFAULT_LINE_WIDTH,
            indent: Self::DEFAULT_INDENT,
        }
    }
}

/// Why a file was not formatted.
#[derive(Debug, Clone)]
pub enum FormatError {
    /// The file has syntax errors; formatting it would mean guessing. The
    /// diagnostics are those of [`journey_syntax::parse`] (errors only).
    Syntax(Vec<Diagnostic>),
    /// The formatter met a token it did not expect where it stood. This is
    /// a bug in the formatter; the input is left as it was.
    Internal(String),
    /// The result would differ from the input in more than layout: the
    /// safety net ([`check_equivalent`]) caught a bug in the formatter. The
    /// input is left as it was.
    NotEquivalent(Violation),
}

impl FormatError {
    /// What the command line and the language server say when `shown`
    /// (a file as it is named to the user) was not formatted.
    pub fn refusal(&self, shown: &str) -> String {
        match self {
            FormatError::Syntax(_) => syntax_refusal(shown),
            FormatError::Internal(_) | FormatError::NotEquivalent(_) => {
                format!("`{shown}` was left unchanged: {self}")
            }
        }
    }
}

/// What the command line says about a file with syntax errors (after
/// showing them).
pub fn syntax_refusal(shown: &str) -> String {
    format!("`{shown}` has syntax errors and was not formatted; fix them first")
}

/// What the command line and the language server say about a file governed
/// by a `journey.toml` (named `shown`) that has errors: the layout it asks
/// for is unknown, so the file is not formatted.
pub fn config_refusal(shown: &str) -> String {
    format!("`{shown}` has errors; the files it governs are not formatted until they are fixed")
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::Syntax(d) if d.len() == 1 => {
                write!(f, "the file has a syntax error: {}", d[0].message)
            }
            FormatError::Syntax(d) => write!(f, "the file has {} syntax errors", d.len()),
            FormatError::Internal(msg) => write!(f, "internal formatter error: {msg}"),
            FormatError::NotEquivalent(v) => write!(
                f,
                "formatting would change more than the layout ({v}); this is a bug in journeyc fmt"
            ),
        }
    }
}

impl std::error::Error for FormatError {}

/// Formats a whole document.
pub fn format(src: &str, options: &FormatOptions) -> Result<String, FormatError> {
    let parse = journey_syntax::parse(src, FileId(0));
    format_parse(src, &parse, options)
}

/// Formats a document that has already been parsed (`parse` must come from
/// [`journey_syntax::parse`] over `src`). Callers that show the syntax
/// errors of a refused file use this with their own [`FileId`].
pub fn format_parse(
    src: &str,
    parse: &Parse,
    options: &FormatOptions,
) -> Result<String, FormatError> {
    if parse.has_errors() {
        return Err(FormatError::Syntax(
            parse
                .diagnostics
                .iter()
                .filter(|d| d.severity == journey_diagnostics::Severity::Error)
                .cloned()
                .collect(),
        ));
    }
    printer::print(src, parse, options)
}

/// Set (to anything) by tests only: the formatter then adds a comment to
/// every result, a change of meaning that the safety net of
/// [`format_verified`] must catch. With it set, nothing is ever formatted.
pub const BREAK_HOOK_ENV: &str = "JOURNEYC_TEST_BREAK_FORMATTER";

/// Formats a parsed document and verifies the result: the one function
/// behind `journeyc fmt` and the language server's formatting request.
/// The result is returned only when it differs from `src` in layout only
/// ([`check_equivalent`]); otherwise [`FormatError::NotEquivalent`] says
/// where it would not, and the input must be left as it is.
pub fn format_verified(
    src: &str,
    parse: &Parse,
    options: &FormatOptions,
) -> Result<String, FormatError> {
    let mut formatted = format_parse(src, parse, options)?;
    if std::env::var_os(BREAK_HOOK_ENV).is_some() {
        formatted.push_str("# added by the formatter's test hook\n");
    }
    verify(src, formatted)
}

/// [`format_verified`] for a text that has not been parsed yet.
pub fn format_text_verified(src: &str, options: &FormatOptions) -> Result<String, FormatError> {
    let parse = journey_syntax::parse(src, FileId(0));
    format_verified(src, &parse, options)
}

/// The safety net: `formatted` if it differs from `src` in layout only.
fn verify(src: &str, formatted: String) -> Result<String, FormatError> {
    if formatted != src {
        check_equivalent(src, &formatted).map_err(FormatError::NotEquivalent)?;
    }
    Ok(formatted)
}

pub use journey_syntax::minimal_edit;

#[cfg(test)]
mod tests;
