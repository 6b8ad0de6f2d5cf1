//! Test fixtures: workspaces written as one string, with a cursor marker.
//!
//! ```text
//! //- personas.journey
//! persona sabine "Sabine" { role "Founder" }
//! //- main.journey
//! import "personas.journey"
//! phase p { touchpoint t { serves sab$0ine } }
//! ```
//!
//! Lines `//- NAME` start a file (`/fixture/NAME`); without them the whole
//! text is `/fixture/main.journey`. One `$0` marks the cursor; two mark a
//! range. The markers are removed from the text.

use crate::{Analysis, FilePosition, FileRange};
use journey_analysis::Workspace;
use journey_diagnostics::{FileId, Span};
use std::path::PathBuf;
use std::sync::Arc;

pub const CURSOR: &str = "$0";

/// A parsed fixture.
#[derive(Debug)]
pub struct Fixture {
    pub analysis: Analysis,
    /// Every file by its name, in the order written.
    pub files: Vec<(String, FileId)>,
    /// The cursor (the first marker).
    pub position: Option<FilePosition>,
    /// The range between two markers.
    pub range: Option<FileRange>,
}

impl Fixture {
    pub fn parse(text: &str) -> Fixture {
        let mut ws = Workspace::new();
        let mut files = Vec::new();
        let mut markers = Vec::new();
        for (name, body) in split_files(text) {
            let mut clean = String::with_capacity(body.len());
            let mut rest = body.as_str();
            let mut found = Vec::new();
            while let Some(i) = rest.find(CURSOR) {
                clean.push_str(&rest[..i]);
                found.push(clean.len() as u32);
                rest = &rest[i + CURSOR.len()..];
            }
            clean.push_str(rest);
            let id = ws.set_file(path_of(&name), name.clone(), clean);
            markers.extend(
                found
                    .into_iter()
                    .map(|offset| FilePosition { file: id, offset }),
            );
            files.push((name, id));
        }
        assert!(markers.len() <= 2, "a fixture has at most two `$0` markers");
        let position = markers.first().copied();
        let range = match markers.as_slice() {
            [a, b] => {
                assert_eq!(a.file, b.file, "a range must lie in one file");
                Some(FileRange {
                    file: a.file,
                    span: Span::new(a.offset, b.offset),
                })
            }
            _ => None,
        };
        Fixture {
            analysis: Analysis::new(Arc::new(ws)),
            files,
            position,
            range,
        }
    }

    /// The cursor; panics when the fixture has none.
    pub fn cursor(&self) -> FilePosition {
        self.position.expect("the fixture has no `$0` cursor")
    }

    /// The first file of the fixture.
    pub fn main_file(&self) -> FileId {
        self.files[0].1
    }

    pub fn file(&self, name: &str) -> FileId {
        self.files
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, id)| *id)
            .unwrap_or_else(|| panic!("no file `{name}` in the fixture"))
    }

    pub fn name(&self, file: FileId) -> &str {
        self.files
            .iter()
            .find(|(_, id)| *id == file)
            .map(|(n, _)| n.as_str())
            .unwrap_or("?")
    }

    pub fn text(&self, file: FileId) -> &str {
        self.analysis.text(file).expect("fixture file")
    }

    /// `name:line:col-line:col (text)` for a span, for readable assertions.
    pub fn describe(&self, file: FileId, span: Span) -> String {
        let text = self.text(file);
        let idx = journey_diagnostics::LineIndex::new(text);
        let a = idx.line_col_chars(text, span.start);
        let b = idx.line_col_chars(text, span.end);
        format!(
            "{}:{}:{}-{}:{} `{}`",
            self.name(file),
            a.line + 1,
            a.col + 1,
            b.line + 1,
            b.col + 1,
            &text[span.range()]
        )
    }
}

/// The path a fixture file gets.
pub fn path_of(name: &str) -> PathBuf {
    PathBuf::from("/fixture").join(name)
}

fn split_files(text: &str) -> Vec<(String, String)> {
    if !text.lines().any(|l| l.starts_with("//- ")) {
        return vec![("main.journey".to_string(), text.to_string())];
    }
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.split_inclusive('\n') {
        if let Some(name) = line.strip_prefix("//- ") {
            out.push((name.trim().to_string(), String::new()));
        } else if let Some((_, body)) = out.last_mut() {
            body.push_str(line);
        }
    }
    out
}
