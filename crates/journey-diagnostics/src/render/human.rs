use crate::escape::{escape_line, escape_text, EscapedSource};
use crate::{Diagnostic, FileId, Severity, Sources, Span};
use ariadne::{Color, Config, IndexType, Label, Report, ReportKind};
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write;
use std::ops::Range;
use std::sync::Arc;

mod inline;
#[cfg(test)]
mod inline_tests;

/// Options for the terminal rendering.
#[derive(Debug, Clone, Copy)]
pub struct HumanOptions {
    pub color: bool,
}

/// Lines longer than this are not shown as an excerpt: a 10 MB line would
/// flood the terminal. Such findings fall back to `path:line:col` alone.
const MAX_EXCERPT_LINE: usize = 2_000;

/// Findings rendered together by one task: enough that handing a batch to
/// another thread costs little next to rendering it.
const BATCH: usize = 64;

/// How many findings ariadne itself always renders. What a person reads —
/// a handful of findings, the first screens of a long report — comes from
/// ariadne; the bulk of a report of thousands is written by
/// [`inline::write`], which draws the same layout without ariadne's
/// per-character formatting (a multiple of [`BATCH`], so that a batch is
/// rendered one way).
const ARIADNE_FIRST: usize = 4 * BATCH;

/// One file as the excerpts show it: control characters and bidirectional
/// marks of the text escaped (`\u{1b}`), with the map from offsets in the
/// file to offsets in what is shown, and its path as shown.
struct Shown {
    source: ariadne::Source<Arc<str>>,
    escaped: Option<EscapedSource>,
    name: Arc<str>,
}

impl Shown {
    fn new(f: &crate::SourceFile) -> Shown {
        let escaped = EscapedSource::new(&f.text);
        let source = match &escaped {
            Some(e) => ariadne::Source::from(Arc::<str>::from(e.text.as_str())),
            None => ariadne::Source::from(f.text.clone()),
        };
        Shown {
            source,
            escaped,
            name: Arc::from(escape_line(&f.path).as_ref()),
        }
    }

    /// Where byte `offset` of the file is in the shown text.
    fn map(&self, offset: usize) -> usize {
        self.escaped.as_ref().map_or(offset, |e| e.map(offset))
    }

    /// Byte `offset` of the shown text counted in characters, from the
    /// line table ariadne has built anyway.
    fn char_offset(&self, offset: usize) -> usize {
        let Some((line, _, col)) = self.source.get_byte_line(offset) else {
            return self.source.len();
        };
        let text = self.source.get_line_text(line).unwrap_or("");
        line.offset() + text[..col.min(text.len())].chars().count()
    }
}

/// Each file's [`Shown`] form, built once per rendering.
type Built = HashMap<FileId, Shown>;

/// How ariadne names a file: by id, shown as its escaped path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    file: FileId,
    name: Arc<str>,
}

/// One finding as the excerpt shows it: texts escaped, ranges in the
/// shown text. Both ariadne and [`inline::write`] draw from this, so the
/// two are given exactly the same report.
struct Parts<'a> {
    kind: ReportKind<'static>,
    code: &'static str,
    message: Cow<'a, str>,
    /// The primary label first; the report is placed at its start.
    labels: Vec<Part<'a>>,
    help: Option<Cow<'a, str>>,
    /// The notes, then one note per quick fix.
    notes: Vec<Cow<'a, str>>,
}

/// A label of [`Parts`]: the range of the shown text it marks, counted
/// in characters (as ariadne is given it).
struct Part<'a> {
    file: FileId,
    chars: Range<usize>,
    message: Option<Cow<'a, str>>,
    color: Color,
}

impl<'a> Parts<'a> {
    fn new(d: &'a Diagnostic, sources: &dyn Sources, built: &Built) -> Parts<'a> {
        let kind = match d.severity {
            Severity::Error => ReportKind::Error,
            Severity::Warning => ReportKind::Warning,
            Severity::Info => ReportKind::Advice,
        };
        let primary_color = match d.severity {
            Severity::Error => Color::Red,
            Severity::Warning => Color::Yellow,
            Severity::Info => Color::Cyan,
        };
        let part = |l: &'a crate::Label, color| {
            let raw = visible_range(sources, l.file, l.span);
            let shown = &built[&l.file];
            let chars =
                shown.char_offset(shown.map(raw.start))..shown.char_offset(shown.map(raw.end));
            Part {
                file: l.file,
                chars,
                message: (!l.message.is_empty()).then(|| escape_text(&l.message)),
                color,
            }
        };
        let labels = std::iter::once(part(&d.primary, primary_color))
            .chain(d.secondary.iter().map(|l| part(l, Color::Blue)))
            .collect();
        let fixes = d
            .fixes
            .iter()
            .map(|fix| Cow::Owned(format!("quick fix available: {}", escape_text(&fix.title))));
        Parts {
            kind,
            code: d.code,
            message: escape_text(&d.message),
            labels,
            help: d.help.as_deref().map(escape_text),
            notes: d
                .notes
                .iter()
                .map(|n| escape_text(n))
                .chain(fixes)
                .collect(),
        }
    }

    /// The ariadne report of these parts. Ariadne is given characters:
    /// with bytes it would take the place it names for another file's
    /// excerpt (a character offset) for a byte offset, and name a wrong
    /// column there or fail inside a character of several bytes.
    fn report(&self, built: &Built, color: bool) -> Report<'static, (Key, Range<usize>)> {
        let key = |file: FileId| Key {
            file,
            name: built[&file].name.clone(),
        };
        let primary = &self.labels[0];
        let mut report = Report::build(self.kind, (key(primary.file), primary.chars.clone()))
            .with_config(
                Config::default()
                    .with_color(color)
                    .with_index_type(IndexType::Char),
            )
            .with_code(self.code)
            .with_message(&self.message);
        for part in &self.labels {
            let mut label = Label::new((key(part.file), part.chars.clone())).with_color(part.color);
            if let Some(message) = &part.message {
                label = label.with_message(message);
            }
            report = report.with_label(label);
        }
        if let Some(help) = &self.help {
            report = report.with_help(help);
        }
        for note in &self.notes {
            report = report.with_note(note);
        }
        report.finish()
    }
}

/// The terminal rendering: ariadne reports with `path:line:col`, the source
/// excerpt, labels, help and notes. Control characters and bidirectional
/// marks from the input are shown escaped (`\u{1b}`) wherever they appear —
/// excerpts, messages, paths — and positions stay those of the file.
///
/// Many findings (a big workspace's first check) are rendered in parallel
/// batches and joined in order: the text is the same as one by one.
pub fn render_human(
    diagnostics: &[Diagnostic],
    sources: &dyn Sources,
    opts: HumanOptions,
) -> String {
    render_with(diagnostics, sources, opts, ARIADNE_FIRST)
}

/// [`render_human`], with ariadne drawing the first `ariadne_first`
/// findings and [`inline::write`] every later one it can draw.
fn render_with(
    diagnostics: &[Diagnostic],
    sources: &dyn Sources,
    opts: HumanOptions,
    ariadne_first: usize,
) -> String {
    use rayon::prelude::*;
    let built = build_sources(diagnostics, sources);
    let render = |(i, batch): (usize, &[Diagnostic])| {
        let inline_ok = !opts.color && i * BATCH >= ariadne_first;
        let mut out = String::with_capacity(batch.len() * 512);
        for d in batch {
            render_one(&mut out, d, sources, &built, opts, inline_ok);
        }
        out
    };
    if diagnostics.len() <= BATCH {
        return render((0, diagnostics));
    }
    let parts: Vec<String> = diagnostics
        .par_chunks(BATCH)
        .enumerate()
        .map(render)
        .collect();
    let mut out = String::with_capacity(parts.iter().map(String::len).sum());
    for part in parts {
        out.push_str(&part);
    }
    out
}

/// Ariadne indexes a source's lines when it is built: build each file's
/// once for all findings, not once per finding (thousands of findings in
/// a 50 MB file would read the file thousands of times).
fn build_sources(diagnostics: &[Diagnostic], sources: &dyn Sources) -> Built {
    use rayon::prelude::*;
    let mut files: Vec<FileId> = diagnostics
        .iter()
        .flat_map(|d| std::iter::once(d.primary.file).chain(d.secondary.iter().map(|l| l.file)))
        .collect();
    files.sort();
    files.dedup();
    files
        .par_iter()
        .filter_map(|id| Some((*id, Shown::new(sources.source(*id)?))))
        .collect()
}

/// Appends the rendering of `d`; `inline_ok` lets [`inline::write`] draw
/// it instead of ariadne where it can.
fn render_one(
    out: &mut String,
    d: &Diagnostic,
    sources: &dyn Sources,
    built: &Built,
    opts: HumanOptions,
    inline_ok: bool,
) {
    let labels_ok = std::iter::once(&d.primary)
        .chain(&d.secondary)
        .all(|l| excerpt_ok(sources, l.file, l.span) && built.contains_key(&l.file));
    if !labels_ok {
        render_plain(out, d, sources);
        return;
    }
    let parts = Parts::new(d, sources, built);
    let start = out.len();
    if inline_ok && inline::write(&parts, built, out) {
        fix_header_columns(out, start, d, sources, built);
        return;
    }
    let mut buf = Vec::new();
    if parts
        .report(built, opts.color)
        .write(Cache(built), &mut buf)
        .is_ok()
    {
        out.push_str(&String::from_utf8_lossy(&buf));
        fix_header_columns(out, start, d, sources, built);
    } else {
        render_plain(out, d, sources);
    }
}

/// Ariadne names the place of each file's excerpt `path:line:col`, with
/// the column counted in the text it shows. Where escapes stand before
/// that place on its line, the column would differ from the one the file
/// has (and every other format reports): put the file's column back in
/// the finding's text, `out[start..]`.
fn fix_header_columns(
    out: &mut String,
    start: usize,
    d: &Diagnostic,
    sources: &dyn Sources,
    built: &Built,
) {
    // The place ariadne names for each file: the primary label for its
    // file, the first label of every other file.
    let mut places: Vec<(FileId, Span)> = vec![(d.primary.file, d.primary.span)];
    for l in &d.secondary {
        if !places.iter().any(|(f, _)| *f == l.file) {
            places.push((l.file, l.span));
        }
    }
    for (file, span) in places {
        let (Some(f), Some(shown)) = (sources.source(file), built.get(&file)) else {
            continue;
        };
        let Some(escaped) = &shown.escaped else {
            continue;
        };
        let raw = visible_range(sources, file, span).start;
        let line = f.line_index.line_of(raw as u32);
        let line_start = f.line_index.line_start(line).unwrap_or(0) as usize;
        let from = escaped.map(line_start);
        let to = escaped.map(raw).min(escaped.text.len());
        let shown_col = escaped.text[from..to].chars().count();
        let raw_col = f.line_index.line_col_chars(&f.text, raw as u32).col as usize;
        if shown_col == raw_col {
            continue;
        }
        let name = &shown.name;
        let wrong = format!(" {name}:{}:{} ", line + 1, shown_col + 1);
        let right = format!(" {name}:{}:{} ", line + 1, raw_col + 1);
        if let Some(at) = out[start..].find(&wrong) {
            let at = start + at;
            out.replace_range(at..at + wrong.len(), &right);
        }
    }
}

/// The sources built once per rendering, lent to each report.
struct Cache<'a>(&'a Built);

impl ariadne::Cache<Key> for Cache<'_> {
    type Storage = Arc<str>;

    fn fetch(&mut self, id: &Key) -> Result<&ariadne::Source<Arc<str>>, impl std::fmt::Debug> {
        self.0
            .get(&id.file)
            .map(|s| &s.source)
            .ok_or_else(|| format!("no source for `{}`", id.name))
    }

    fn display<'b>(&self, id: &'b Key) -> Option<impl std::fmt::Display + 'b> {
        Some(&id.name)
    }
}

fn excerpt_ok(sources: &dyn Sources, file: FileId, span: Span) -> bool {
    let Some(f) = sources.source(file) else {
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
fn visible_range(sources: &dyn Sources, file: FileId, span: Span) -> std::ops::Range<usize> {
    let Some(f) = sources.source(file) else {
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
fn render_plain(out: &mut String, d: &Diagnostic, sources: &dyn Sources) {
    let _ = writeln!(
        out,
        "{}[{}]: {}",
        d.severity.as_str(),
        d.code,
        escape_text(&d.message)
    );
    if let Some(f) = sources.source(d.primary.file) {
        let lc = f.line_index.line_col_chars(&f.text, d.primary.span.start);
        let _ = writeln!(
            out,
            "  --> {}:{}:{}",
            escape_line(&f.path),
            lc.line + 1,
            lc.col + 1
        );
    }
    if !d.primary.message.is_empty() {
        let _ = writeln!(out, "  = {}", escape_text(&d.primary.message));
    }
    if let Some(help) = &d.help {
        let _ = writeln!(out, "  = help: {}", escape_text(help));
    }
    for note in &d.notes {
        let _ = writeln!(out, "  = note: {}", escape_text(note));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CodeInfo, SourceFile, SourceMap, Span};

    /// The code of the findings in this module's tests and in `inline_tests`.
    pub(super) const CODE: CodeInfo = CodeInfo {
        code: "J9999",
        name: "test-finding",
        default_severity: Severity::Warning,
        opt_in: false,
        summary: "a finding for tests",
        explanation: "Bad: x. Good: y.",
        bad: None,
        good: None,
    };

    #[test]
    fn control_characters_are_escaped_and_positions_kept() {
        let text = "ok\nsays \"\u{1b}]0;x\u{7}\u{202e}\" bad\nend\r\n";
        let mut sources = SourceMap::new();
        let file = sources.add(SourceFile::new("a\u{1b}[2J.journey", text));
        let at = text.find("bad").unwrap() as u32;
        let d = Diagnostic::new(
            &CODE,
            file,
            Span::new(at, at + 3),
            "a \u{1b}[31mred\u{1b}[0m word",
        )
        .with_label("here \u{9b}")
        .with_help("help \u{0}");
        let out = render_human(&[d], &sources, HumanOptions { color: false });
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out}");
        assert!(!out.contains('\u{202e}') && !out.contains('\u{9b}') && !out.contains('\0'));
        // The file's column (`bad` is the 16th char of line 2), not the
        // column in the escaped excerpt.
        assert!(out.contains("a\\u{1b}[2J.journey:2:16 "), "{out}");
        let lines: Vec<&str> = out.lines().collect();
        let shown = lines.iter().position(|l| l.contains("bad")).unwrap();
        assert!(
            lines[shown].contains("says \"\\u{1b}]0;x\\u{7}\\u{202e}\" bad"),
            "{out}"
        );
        let col = lines[shown][..lines[shown].find("bad").unwrap()]
            .chars()
            .count();
        let under: Vec<char> = lines[shown + 1].chars().collect();
        assert!(
            matches!(under[col], '─' | '┬') && under[col - 1] == ' ',
            "{out}"
        );
        assert!(out.contains("a \\u{1b}[31mred\\u{1b}[0m word") && out.contains("help \\u{0}"));
    }

    /// The place named for another file's excerpt is its first label's
    /// line and column, however many bytes its characters take.
    #[test]
    fn other_files_are_placed_at_their_labels() {
        let mut sources = SourceMap::new();
        let main = sources.add(SourceFile::new("main.journey", "persona p \"P\"\n"));
        let after_wide = "Grüße\nGrüße xy\n";
        let b = sources.add(SourceFile::new("b.journey", after_wide));
        // Counted in characters, `b` of the first line of `c` would be a
        // byte inside `ä`.
        let c = sources.add(SourceFile::new("c.journey", "aää\nb\n"));
        let at = after_wide.find("xy").unwrap() as u32;
        let d = Diagnostic::new(&CODE, main, Span::new(8, 9), "defined twice")
            .with_secondary(b, Span::new(at, at + 2), "also here")
            .with_secondary(c, Span::new(6, 7), "and here");
        for color in [false, true] {
            let out = render_human(std::slice::from_ref(&d), &sources, HumanOptions { color });
            assert!(out.contains("main.journey:1:9 "), "{out}");
            assert!(out.contains("b.journey:2:7 "), "{out}");
            assert!(out.contains("c.journey:2:1 "), "{out}");
        }
    }

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
