use crate::escape::escape_line;
use crate::{Diagnostic, Sources};
use std::fmt::Write;

/// One line per diagnostic, `path:line:col: severity[CODE]: message`, with
/// 1-based lines and columns counted in Unicode scalar values — the format
/// of compilers' `--error-format=short` that editors and `grep` understand.
/// Control characters, line breaks included, are shown escaped: one
/// finding is always one line.
pub fn render_short(diagnostics: &[Diagnostic], sources: &dyn Sources) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let (path, line, col) = match sources.source(d.primary.file) {
            Some(f) => {
                let lc = f.line_index.line_col_chars(&f.text, d.primary.span.start);
                (f.path.as_str(), lc.line + 1, lc.col + 1)
            }
            None => ("<unknown>", 0, 0),
        };
        let _ = writeln!(
            out,
            "{}:{line}:{col}: {}[{}]: {}",
            escape_line(path),
            d.severity.as_str(),
            d.code,
            escape_line(&d.message)
        );
    }
    out
}
