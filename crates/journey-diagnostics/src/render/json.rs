use crate::{Diagnostic, FileId, Sources, Span};
use serde::Serialize;
use serde_json::{json, Value};

use super::Summary;

/// A position as the JSON output reports it. Lines and columns are 1-based;
/// `column` counts Unicode scalar values, `utf16_column` UTF-16 code units
/// (for tools that speak LSP), `offset` is the 0-based byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Position {
    pub offset: u32,
    pub line: u32,
    pub column: u32,
    pub utf16_column: u32,
}

/// The [`Position`] of byte `offset` in `file`; zeros for a file that is
/// not in `sources`.
pub fn position(sources: &dyn Sources, file: FileId, offset: u32) -> Position {
    match sources.source(file) {
        Some(f) => {
            let chars = f.line_index.line_col_chars(&f.text, offset);
            let utf16 = f.line_index.line_col_utf16(&f.text, offset);
            Position {
                offset,
                line: chars.line + 1,
                column: chars.col + 1,
                utf16_column: utf16.col + 1,
            }
        }
        None => Position {
            offset,
            line: 0,
            column: 0,
            utf16_column: 0,
        },
    }
}

/// `{"path": …, "start": Position, "end": Position}` for a span.
pub fn location_json(sources: &dyn Sources, file: FileId, span: Span) -> Value {
    json!({
        "path": sources.source(file).map(|f| f.path.as_str()).unwrap_or(""),
        "start": position(sources, file, span.start),
        "end": position(sources, file, span.end),
    })
}

fn diagnostic_json(d: &Diagnostic, sources: &dyn Sources) -> Value {
    let label = |l: &crate::Label, primary: bool| {
        let mut v = location_json(sources, l.file, l.span);
        v["message"] = json!(l.message);
        v["primary"] = json!(primary);
        v
    };
    let mut labels = vec![label(&d.primary, true)];
    labels.extend(d.secondary.iter().map(|l| label(l, false)));
    let fixes: Vec<Value> = d
        .fixes
        .iter()
        .map(|fix| {
            json!({
                "title": fix.title,
                "edits": fix.edits.iter().map(|e| {
                    let mut v = location_json(sources, e.file, e.span);
                    v["new_text"] = json!(e.new_text);
                    v
                }).collect::<Vec<_>>(),
            })
        })
        .collect();
    let loc = location_json(sources, d.primary.file, d.primary.span);
    json!({
        "code": d.code,
        "name": d.name,
        "severity": d.severity.as_str(),
        "message": d.message,
        "path": loc["path"],
        "start": loc["start"],
        "end": loc["end"],
        "labels": labels,
        "help": d.help,
        "notes": d.notes,
        "fixes": fixes,
    })
}

/// The machine-readable report: every diagnostic plus the summary counts.
/// The shape is documented in the README and kept stable.
pub fn render_json(
    diagnostics: &[Diagnostic],
    sources: &dyn Sources,
    files_checked: usize,
) -> String {
    render_json_with(
        diagnostics,
        sources,
        Summary::new(diagnostics, files_checked),
    )
}

/// [`render_json`] with the summary given (which counts imported files and
/// files elsewhere in the workspace too).
pub fn render_json_with(
    diagnostics: &[Diagnostic],
    sources: &dyn Sources,
    summary: Summary,
) -> String {
    #[derive(Serialize)]
    struct Doc<D> {
        version: u32,
        diagnostics: D,
        summary: Value,
    }
    let doc = Doc {
        version: 1,
        diagnostics: super::LazyArray {
            len: diagnostics.len(),
            element: |i: usize| diagnostic_json(&diagnostics[i], sources),
        },
        summary: json!({
            "errors": summary.errors,
            "warnings": summary.warnings,
            "infos": summary.infos,
            "files": summary.files,
            "imported": summary.imported,
            "elsewhere": summary.elsewhere,
        }),
    };
    super::to_pretty_json(&doc, diagnostics.len(), 1100)
}
