//! Writing `.journey` source text line by line, indented as the formatter
//! indents it. Both generators — the touchpoint table's and the workbook
//! document's — build their files with it.

use crate::{ImportError, OutFile};
use journey_fmt::FormatOptions;

/// Source text under construction.
pub(crate) struct Src {
    pub(crate) out: String,
    pub(crate) indent: usize,
}

impl Src {
    pub(crate) fn new() -> Src {
        Src {
            out: String::new(),
            indent: 0,
        }
    }

    /// One line at the current indentation (an empty line stays empty).
    pub(crate) fn line(&mut self, s: &str) {
        if s.is_empty() {
            self.out.push('\n');
            return;
        }
        for _ in 0..self.indent {
            self.out.push_str("  ");
        }
        self.out.push_str(s);
        self.out.push('\n');
    }

    /// `s {` and one level deeper.
    pub(crate) fn open(&mut self, s: &str) {
        self.line(&format!("{s} {{"));
        self.indent += 1;
    }

    /// One level up and `}`.
    pub(crate) fn close(&mut self) {
        self.indent -= 1;
        self.line("}");
    }

    /// The column the next line starts at (for text blocks' indentation).
    pub(crate) fn col(&self) -> usize {
        self.indent * 2
    }
}

/// The generated files, formatted canonically. The formatter's own check
/// that meaning is kept runs too: text that fails it is a bug here, and
/// is reported rather than written.
pub(crate) fn formatted(files: Vec<(&str, String)>) -> Result<Vec<OutFile>, ImportError> {
    files
        .into_iter()
        .map(|(name, text)| {
            let formatted = journey_fmt::format_text_verified(&text, &FormatOptions::default())
                .map_err(|e| {
                    ImportError::at_row(
                        0,
                        format!("cannot write `{name}`: {e}; this is a bug in journeyc import"),
                    )
                })?;
            Ok(OutFile {
                name: name.to_string(),
                text: formatted,
            })
        })
        .collect()
}
