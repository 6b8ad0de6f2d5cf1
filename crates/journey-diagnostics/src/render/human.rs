use crate::{Diagnostic, Severity, SourceMap, Span};
use ariadne::{Color, Config, IndexType, Label, Report, ReportKind};
use std::collections::HashMap;
use std::fmt::Write;
use std::sync::Arc;

/// Options for the terminal rendering.
#[derive(Debug, Clone, Copy)]
pub struct HumanOptions {
    pub color: bool,
}

/// Lines longer than this are not shown as an excerpt: a 10 MB line would
/// flood the terminal. Such findings fall back to `path:line:col` alone.
const MAX_EXCERPT_LINE: usize = 2_000;

/// The terminal rendering: ariadne reports with `path:line:col`, the source
/// excerpt, labels, help and notes.
///
/// Many findings (a big workspace's first check) are rendered in parallel
/// batches and joined in order: the text is the same as one by one.
pub fn render_human(diagnostics: &[Diagnostic], sources: &SourceMap, opts: HumanOptions) -> String {
    use rayon::prelude::*;
    const BATCH: usize = 64;
    // Ariadne indexes a source's lines when it is built: build each file's
    // once for all findings, not once per finding (thousands of findings
    // in a 50 MB file would read the file thousands of times).
    let mut files: Vec<crate::FileId> = diagnostics
        .iter()
        .flat_map(|d| std::iter::once(d.primary.file).chain(d.secondary.iter().map(|l| l.file)))
        .collect();
    files.sort();
    files.dedup();
    let built: HashMap<String, ariadne::Source<Arc<str>>> = files
        .par_iter()
        .filter_map(|id| {
            let f = sources.get(*id)?;
            Some((f.path.clone(), ariadne::Source::from(f.text.clone())))
        })
        .collect();
    let render = |batch: &[Diagnostic]| {
        let mut out = String::new();
        for d in batch {
            render_one(&mut out, d, sources, &built, opts);
        }
        out
    };
    if diagnostics.len() <= BATCH {
        return render(diagnostics);
    }
    diagnostics
        .par_chunks(BATCH)
        .map(render)
        .collect::<Vec<String>>()
        .concat()
}

fn render_one(
    out: &mut String,
    d: &Diagnostic,
    sources: &SourceMap,
    built: &HashMap<String, ariadne::Source<Arc<str>>>,
    opts: HumanOptions,
) {
    let labels_ok = std::iter::once(&d.primary)
        .chain(&d.secondary)
        .all(|l| excerpt_ok(sources, l.file, l.span));
    if !labels_ok {
        render_plain(out, d, sources);
        return;
    }

    let kind = match d.severity {
        Severity::Error => ReportKind::Error,
        Severity::Warning => ReportKind::Warning,
        Severity::Info => ReportKind::Advice,
    };
    let path = |file| {
        sources
            .get(file)
            .map(|f| f.path.clone())
            .unwrap_or_default()
    };
    let primary_color = match d.severity {
        Severity::Error => Color::Red,
        Severity::Warning => Color::Yellow,
        Severity::Info => Color::Cyan,
    };
    let primary_range = visible_range(sources, d.primary.file, d.primary.span);
    let mut report = Report::build(kind, (path(d.primary.file), primary_range.clone()))
        .with_config(
            Config::default()
                .with_color(opts.color)
                .with_index_type(IndexType::Byte),
        )
        .with_code(d.code)
        .with_message(&d.message);
    let mut primary = Label::new((path(d.primary.file), primary_range)).with_color(primary_color);
    if !d.primary.message.is_empty() {
        primary = primary.with_message(&d.primary.message);
    }
    report = report.with_label(primary);
    for l in &d.secondary {
        let range = visible_range(sources, l.file, l.span);
        let mut label = Label::new((path(l.file), range)).with_color(Color::Blue);
        if !l.message.is_empty() {
            label = label.with_message(&l.message);
        }
        report = report.with_label(label);
    }
    if let Some(help) = &d.help {
        report = report.with_help(help);
    }
    for note in &d.notes {
        report = report.with_note(note);
    }
    for fix in &d.fixes {
        report = report.with_note(format!("quick fix available: {}", fix.title));
    }
    let mut buf = Vec::new();
    let cache = Built(built);
    if report.finish().write(cache, &mut buf).is_ok() {
        out.push_str(&String::from_utf8_lossy(&buf));
    } else {
        render_plain(out, d, sources);
    }
}

/// The sources built once per rendering, lent to each report.
struct Built<'a>(&'a HashMap<String, ariadne::Source<Arc<str>>>);

impl ariadne::Cache<String> for Built<'_> {
    type Storage = Arc<str>;

    fn fetch(&mut self, id: &String) -> Result<&ariadne::Source<Arc<str>>, impl std::fmt::Debug> {
        self.0
            .get(id)
            .ok_or_else(|| format!("no source for `{id}`"))
    }

    fn display<'b>(&self, id: &'b String) -> Option<impl std::fmt::Display + 'b> {
        Some(id)
    }
}

fn excerpt_ok(sources: &SourceMap, file: crate::FileId, span: Span) -> bool {
    let Some(f) = sources.get(file) else {
        return false;
    };
    if span.end as usize > f.text.len() {
        return false;
    }
    let first = f.line_index.line_of(span.start);
    let last = f.line_index.line_of(span.end);
    (first..=last).all(|line| {
        let start = f.line_index.line_start(line).unwrap_or(0);
        let end = f.line_index.line_end(&f.text, line).unwrap_or(start);
        (end - start) as usize <= MAX_EXCERPT_LINE
    })
}

/// Ariadne draws nothing for an empty range; widen it to the next
/// character (or the previous one at the end of the text).
fn visible_range(sources: &SourceMap, file: crate::FileId, span: Span) -> std::ops::Range<usize> {
    let Some(f) = sources.get(file) else {
        return span.range();
    };
    let text = &f.text;
    let mut range = span.range();
    if range.is_empty() {
        if let Some(c) = text[range.start..].chars().next() {
            range.end = range.start + c.len_utf8();
        } else if let Some(c) = text[..range.start].chars().next_back() {
            range.start -= c.len_utf8();
        }
    }
    range
}

/// Without a source excerpt: for missing files and overlong lines.
fn render_plain(out: &mut String, d: &Diagnostic, sources: &SourceMap) {
    let _ = writeln!(out, "{}[{}]: {}", d.severity.as_str(), d.code, d.message);
    if let Some(f) = sources.get(d.primary.file) {
        let lc = f.line_index.line_col_chars(&f.text, d.primary.span.start);
        let _ = writeln!(out, "  --> {}:{}:{}", f.path, lc.line + 1, lc.col + 1);
    }
    if !d.primary.message.is_empty() {
        let _ = writeln!(out, "  = {}", d.primary.message);
    }
    if let Some(help) = &d.help {
        let _ = writeln!(out, "  = help: {help}");
    }
    for note in &d.notes {
        let _ = writeln!(out, "  = note: {note}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CodeInfo, SourceFile, Span};

    const CODE: CodeInfo = CodeInfo {
        code: "J9999",
        name: "test-finding",
        default_severity: Severity::Warning,
        summary: "a finding for tests",
        explanation: "Bad: x. Good: y.",
    };

    #[test]
    fn many_findings_render_as_one_after_the_other() {
        let text: String = (0..300)
            .map(|i| format!("phase p{i} \"Grüße 🎉 {i}\" {{\n}}\n"))
            .collect();
        let mut sources = SourceMap::new();
        let file = sources.add(SourceFile::new("big.journey", text.as_str()));
        let findings: Vec<Diagnostic> = text
            .match_indices("Grüße")
            .enumerate()
            .map(|(i, (at, _))| {
                let at = at as u32;
                Diagnostic::new(&CODE, file, Span::new(at, at + 6), format!("finding {i}"))
                    .with_label("here")
                    .with_help("fix it")
            })
            .collect();
        assert!(findings.len() > 64 * 3, "several batches");
        let opts = HumanOptions { color: false };
        let one_by_one: String = findings
            .iter()
            .map(|d| render_human(std::slice::from_ref(d), &sources, opts))
            .collect();
        assert_eq!(render_human(&findings, &sources, opts), one_by_one);
        assert!(one_by_one.contains("big.journey:599:13"), "{one_by_one}");
    }
}
