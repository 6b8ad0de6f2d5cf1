//! [`super::inline`] against ariadne: the same text for every finding it
//! accepts, and it accepts every finding whose labels each lie on one line.

use super::tests::CODE;
use super::*;
use crate::{Fix, Label, SourceFile, SourceMap};
use proptest::prelude::*;

/// Pieces of lines: wide and zero-width characters, tabs, blanks that
/// are not spaces, characters shown escaped, line-separator look-alikes.
const PIECES: &[&str] = &[
    "a",
    "word",
    " ",
    "   ",
    "\t",
    "x\t",
    "é",
    "Grüße",
    "🎉",
    "界",
    "e\u{301}",
    "\u{200b}",
    "\u{a0}",
    "\u{1b}[2J",
    "\r",
    "\u{202e}",
    "x\u{85}y",
    "\u{2028}",
    "\u{b}",
    "\"",
    "{",
];

const MESSAGES: &[&str] = &[
    "",
    "here",
    "first defined here",
    "a \u{1b}[31mred\u{1b}[0m word",
    "two\nlines",
    "Grüße 🎉",
    "tab\tin it",
    "one\r\ntwo\n\nfour",
];

fn line() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(prop::sample::select(PIECES), 0..10),
        prop::sample::select(&["\n", "\n", "\r\n"][..]),
    )
        .prop_map(|(pieces, end)| pieces.concat() + end)
}

/// A file: a run of empty lines (so that line numbers reach two or three
/// digits), then lines of pieces; the last may lack its line break.
fn file_text() -> impl Strategy<Value = String> {
    (
        0..120usize,
        prop::collection::vec(line(), 1..8),
        any::<bool>(),
    )
        .prop_map(|(blank, lines, cut)| {
            let mut text = "\n".repeat(blank) + &lines.concat();
            if cut {
                text.pop();
            }
            text
        })
}

/// Where a label goes: in a file, on a line (or anywhere, across lines),
/// from one character boundary some characters on.
#[derive(Debug, Clone)]
struct Spot {
    file: usize,
    across_lines: bool,
    line: usize,
    from: usize,
    len: usize,
    message: &'static str,
}

fn spot() -> impl Strategy<Value = Spot> {
    (
        0..3usize,
        prop::bool::weighted(0.1),
        0..200usize,
        0..60usize,
        prop_oneof![0..4usize, 0..30usize],
        prop::sample::select(MESSAGES),
    )
        .prop_map(|(file, across_lines, line, from, len, message)| Spot {
            file,
            across_lines,
            line,
            from,
            len,
            message,
        })
}

#[derive(Debug, Clone)]
struct Finding {
    severity: Severity,
    message: &'static str,
    primary: Spot,
    secondary: Vec<Spot>,
    help: Option<&'static str>,
    notes: Vec<&'static str>,
    fixes: Vec<&'static str>,
}

fn finding() -> impl Strategy<Value = Finding> {
    (
        prop::sample::select(&[Severity::Error, Severity::Warning, Severity::Info][..]),
        prop::sample::select(MESSAGES),
        spot(),
        prop::collection::vec(spot(), 0..4),
        prop::option::of(prop::sample::select(MESSAGES)),
        prop::collection::vec(prop::sample::select(MESSAGES), 0..3),
        prop::collection::vec(prop::sample::select(MESSAGES), 0..2),
    )
        .prop_map(
            |(severity, message, primary, secondary, help, notes, fixes)| Finding {
                severity,
                message,
                primary,
                secondary,
                help,
                notes,
                fixes,
            },
        )
}

/// The byte span `spot` names in `text`, on character boundaries.
fn span_of(text: &str, spot: &Spot) -> Span {
    let bounds: Vec<usize> = if spot.across_lines {
        text.char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect()
    } else {
        let starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let start = starts[spot.line % starts.len()];
        let end = text[start..]
            .find('\n')
            .map_or(text.len(), |i| start + i + 1);
        text[start..end]
            .char_indices()
            .map(|(i, _)| start + i)
            .chain([end])
            .collect()
    };
    let from = spot.from % bounds.len();
    let to = (from + spot.len).min(bounds.len() - 1);
    Span::new(bounds[from] as u32, bounds[to] as u32)
}

fn diagnostic(f: &Finding, files: &[FileId], sources: &SourceMap) -> Diagnostic {
    let label = |s: &Spot| {
        let file = files[s.file % files.len()];
        let text = &sources.source(file).unwrap().text;
        Label::new(file, span_of(text, s), s.message)
    };
    Diagnostic {
        code: "J0413",
        name: "test-finding",
        severity: f.severity,
        message: f.message.into(),
        primary: label(&f.primary),
        secondary: f.secondary.iter().map(label).collect(),
        help: f.help.map(String::from),
        notes: f.notes.iter().map(|n| n.to_string()).collect(),
        fixes: f
            .fixes
            .iter()
            .map(|t| Fix {
                title: t.to_string(),
                edits: Vec::new(),
                applicability: Default::default(),
            })
            .collect(),
    }
}

/// Whether ariadne draws `label` on one line: lines break only at line
/// feeds in the shown text (other breaks are shown escaped), and a range
/// that ends with its line's break still lies on that line.
fn on_one_line(sources: &SourceMap, label: &Label) -> bool {
    let text = &sources.source(label.file).unwrap().text;
    let range = visible_range(sources, label.file, label.span);
    let last_char = text[..range.end]
        .char_indices()
        .next_back()
        .map_or(0, |(i, _)| i);
    range.is_empty() || !text[range.start..last_char].contains('\n')
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn inline_layout_is_ariadnes(
        texts in prop::collection::vec(file_text(), 1..4),
        findings in prop::collection::vec(finding(), 1..6),
    ) {
        let mut sources = SourceMap::new();
        let files: Vec<FileId> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| sources.add(SourceFile::new(format!("dir/f{i}\u{1b}.journey"), t.as_str())))
            .collect();
        let ds: Vec<Diagnostic> = findings.iter().map(|f| diagnostic(f, &files, &sources)).collect();
        let built = build_sources(&ds, &sources);
        let opts = HumanOptions { color: false };
        for d in &ds {
            let mut by_ariadne = String::new();
            render_one(&mut by_ariadne, d, &sources, &built, opts, false);
            let mut inline = String::new();
            render_one(&mut inline, d, &sources, &built, opts, true);
            prop_assert_eq!(&inline, &by_ariadne);

            let mut out = String::new();
            let accepted = inline::write(&Parts::new(d, &sources, &built), &built, &mut out);
            prop_assert_eq!(accepted, !out.is_empty());
            let single = std::iter::once(&d.primary).chain(&d.secondary).all(|l| on_one_line(&sources, l));
            prop_assert_eq!(accepted, single, "{}", by_ariadne);
        }
    }
}

/// Many findings over many files: rendered in parallel batches, ariadne
/// for the first and the inline layout for the rest, the report is the
/// one ariadne gives finding by finding.
#[test]
fn parallel_mixed_rendering_is_sequential_ariadne() {
    let mut sources = SourceMap::new();
    let mut ds = Vec::new();
    for f in 0..50 {
        let text: String = (0..60)
            .map(|i| format!("phase p{i} \"Grüße\t🎉 {f}\" {{\n  owner x{i}\n}}\n"))
            .collect();
        let file = sources.add(SourceFile::new(
            format!("ws/file{f}.journey"),
            text.as_str(),
        ));
        let other = FileId(f.max(1) - 1);
        for (i, (at, _)) in text.match_indices("owner").enumerate() {
            let at = at as u32;
            let mut d = Diagnostic::new(
                &CODE,
                file,
                Span::new(at + 6, at + 8),
                format!("finding {i}"),
            )
            .with_label("not a team")
            .with_help("name a team\nfrom the org chart");
            if i % 3 == 0 {
                d = d.with_secondary(other, Span::new(6, 8), "defined here");
            }
            if i % 5 == 0 {
                d = d.with_secondary(file, Span::new(0, 5), "");
            }
            ds.push(d);
        }
    }
    assert!(ds.len() > 10 * ARIADNE_FIRST, "{}", ds.len());
    let opts = HumanOptions { color: false };
    let sequential: String = ds
        .iter()
        .map(|d| render_with(std::slice::from_ref(d), &sources, opts, usize::MAX))
        .collect();
    assert_eq!(render_human(&ds, &sources, opts), sequential);
    assert_eq!(render_with(&ds, &sources, opts, 0), sequential);
    let coloured = HumanOptions { color: true };
    assert_eq!(
        render_with(&ds, &sources, coloured, 0),
        render_with(&ds, &sources, coloured, usize::MAX)
    );
}
