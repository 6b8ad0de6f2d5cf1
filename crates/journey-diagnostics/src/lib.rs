//! Diagnostics as data.
//!
//! Every stage of journeyc (lexer, parser, schema validation, semantic checks,
//! messaging lints, configuration) reports problems as [`Diagnostic`] values:
//! a stable code, a severity, a message, labelled byte spans, help, notes and
//! optional fix edits. Renderings — the terminal (ariadne), JSON, SARIF, GitHub
//! annotations and the language server — are views of this one type, so every
//! front end shows the same finding in the same place.
//!
//! Positions are byte offsets ([`Span`]) everywhere inside; [`LineIndex`]
//! turns them into line/column pairs (by Unicode scalar or UTF-16 unit) only
//! at the edges.

mod code;
mod diagnostic;
pub mod escape;
mod line_index;
pub mod render;
mod source;
mod span;

pub use code::{CodeInfo, Example, Level};
pub use diagnostic::{Applicability, Diagnostic, Fix, Label, Severity, TextEdit};
pub use line_index::{LineCol, LineIndex};
pub use source::{SourceFile, SourceMap, Sources};
pub use span::{FileId, Span};

/// "a" or "an" before `noun`, by its first letter: "an importance", "a
/// phase kind". Messages name values and kinds from tables; this keeps
/// their article right whatever the table holds.
pub fn a_or_an(noun: &str) -> &'static str {
    if noun.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    }
}

#[cfg(test)]
mod article_tests {
    #[test]
    fn the_article_follows_the_first_letter() {
        assert_eq!(super::a_or_an("importance"), "an");
        assert_eq!(super::a_or_an("Offline channel"), "an");
        assert_eq!(super::a_or_an("phase kind"), "a");
        assert_eq!(super::a_or_an("legal basis"), "a");
    }
}
