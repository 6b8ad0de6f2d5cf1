//! Renderings of [`crate::Diagnostic`]s. Each takes the diagnostics and the
//! [`crate::SourceMap`] they point into and returns text; none of them
//! decides anything about the findings themselves.

mod github;
mod human;
mod json;
mod sarif;
mod short;

pub use github::{escape_data, escape_property, render_github};
pub use human::{render_human, HumanOptions};
pub use json::{location_json, position, render_json, render_json_with, Position};
pub use sarif::{path_to_uri, render_sarif, SarifTool, SARIF_SCHEMA};
pub use short::render_short;

use crate::{Diagnostic, Severity};

/// `value` as pretty JSON, written into a buffer sized for `items`
/// findings of about `per_item` bytes each: a report of hundreds of
/// megabytes is not copied over and over while it grows.
pub(crate) fn to_pretty_json(
    value: &impl serde::Serialize,
    items: usize,
    per_item: usize,
) -> String {
    let mut buf = Vec::with_capacity(items.saturating_mul(per_item).saturating_add(1024));
    serde_json::to_writer_pretty(&mut buf, value).expect("JSON values always serialise");
    let text = String::from_utf8(buf).expect("serde_json writes UTF-8");
    crate::escape::escape_json(text)
}

/// A JSON array whose `len` elements are built one at a time while it is
/// written: a report of a million findings never holds a million JSON
/// trees at once.
pub(crate) struct LazyArray<F> {
    pub len: usize,
    pub element: F,
}

impl<F: Fn(usize) -> serde_json::Value> serde::Serialize for LazyArray<F> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = serializer.serialize_seq(Some(self.len))?;
        for i in 0..self.len {
            seq.serialize_element(&(self.element)(i))?;
        }
        seq.end()
    }
}

/// Counts of findings by severity, for the closing summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// The files the findings cover.
    pub files: usize,
    /// Of `files`, those checked because a checked file imports them.
    pub imported: usize,
    /// Of `files`, those outside what was asked about (read so that names
    /// resolve) whose errors are reported.
    pub elsewhere: usize,
}

impl Summary {
    pub fn new(diagnostics: &[Diagnostic], files: usize) -> Self {
        let mut s = Summary {
            files,
            ..Summary::default()
        };
        for d in diagnostics {
            match d.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
            }
        }
        s
    }

    /// Counts `imported` and `elsewhere` files among [`Summary::files`].
    pub fn with_files(mut self, imported: usize, elsewhere: usize) -> Self {
        self.imported = imported;
        self.elsewhere = elsewhere;
        self
    }

    /// "3 errors, 1 warning in 5 files", or "no problems in 5 files"; files
    /// that were imported or lie elsewhere in the workspace are counted in
    /// brackets: "3 errors in 2 files (1 imported)".
    pub fn line(&self) -> String {
        fn count(n: usize, one: &str, many: &str) -> String {
            format!("{n} {}", if n == 1 { one } else { many })
        }
        let mut parts = Vec::new();
        if self.errors > 0 {
            parts.push(count(self.errors, "error", "errors"));
        }
        if self.warnings > 0 {
            parts.push(count(self.warnings, "warning", "warnings"));
        }
        if self.infos > 0 {
            parts.push(count(self.infos, "note", "notes"));
        }
        let mut files = count(self.files, "file", "files");
        let mut of = Vec::new();
        if self.imported > 0 {
            of.push(format!("{} imported", self.imported));
        }
        if self.elsewhere > 0 {
            of.push(format!("{} elsewhere in the workspace", self.elsewhere));
        }
        if !of.is_empty() {
            files.push_str(&format!(" ({})", of.join(", ")));
        }
        if parts.is_empty() {
            format!("no problems in {files}")
        } else {
            format!("{} in {files}", parts.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_line_pluralises() {
        let s = Summary {
            errors: 3,
            warnings: 1,
            infos: 0,
            files: 5,
            ..Summary::default()
        };
        assert_eq!(s.line(), "3 errors, 1 warning in 5 files");
        assert_eq!(
            s.with_files(1, 0).line(),
            "3 errors, 1 warning in 5 files (1 imported)"
        );
        assert_eq!(
            s.with_files(2, 1).line(),
            "3 errors, 1 warning in 5 files (2 imported, 1 elsewhere in the workspace)"
        );
        let clean = Summary {
            files: 1,
            ..Summary::default()
        };
        assert_eq!(clean.line(), "no problems in 1 file");
    }
}
