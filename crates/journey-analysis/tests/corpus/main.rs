//! The data-driven corpus under `tests/corpus/` at the repository root.
//!
//! A case is a `.journey` file, or a directory of them checked together as
//! one workspace, in a category folder (`checks/`, `lints/` …). Its
//! expected findings are annotations under the lines they point at, in the
//! files themselves (see `annotate` and `tests/corpus/README.md`). The
//! annotated file is the input: annotations are comments, so they change no
//! finding, only the lines findings below them are on. A file without
//! annotations must have no finding at all.
//!
//! `JOURNEY_BLESS=1 cargo test -p journey-analysis --test corpus` rewrites
//! the annotations from the current findings; review the diff before
//! committing it. Blessing twice changes nothing.

mod annotate;
mod diff;
mod encoding;

use annotate::Expectation;
use encoding::Lines;
use journey_analysis::{config, load, Config};
use journey_diagnostics::{escape::escape_line, Diagnostic, Sources, Span};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn corpus_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus")
}

/// Every case: the `.journey` files and folders of each category folder.
fn cases() -> Vec<PathBuf> {
    let mut cases = Vec::new();
    for category in entries(&corpus_root()) {
        if category.is_dir() {
            cases.extend(entries(&category).into_iter().filter(|e| is_case(e)));
        }
    }
    cases
}

fn is_case(path: &Path) -> bool {
    path.is_dir() || is_journey(path)
}

fn is_journey(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "journey")
}

fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("corpus directory")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    entries
}

/// The files of a case that may carry annotations: its `.journey` files and
/// its `journey.toml` (TOML comments start with `#` too).
fn case_files(case: &Path, out: &mut Vec<PathBuf>) {
    if !case.is_dir() {
        out.push(case.to_path_buf());
        return;
    }
    for entry in entries(case) {
        if entry.is_dir() {
            case_files(&entry, out);
        } else if is_journey(&entry) || entry.ends_with(config::FILE_NAME) {
            out.push(entry);
        }
    }
}

/// Checks one case: the expectations of each of its files, keyed by path.
fn run_case(case: &Path) -> BTreeMap<PathBuf, Vec<Expectation>> {
    let base = if case.is_dir() {
        case
    } else {
        case.parent().expect("parent")
    };
    let base = std::fs::canonicalize(base).expect("case folder");
    // A directory case may carry its own journey.toml; nothing above the
    // case is searched, so the repository's own configuration never leaks in.
    let toml = case.join(config::FILE_NAME);
    let config = if toml.is_file() {
        Config::load(&toml)
    } else {
        Config::empty(base.clone())
    };
    let display = |p: &Path| {
        let p = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        p.strip_prefix(&base)
            .map(|r| r.display().to_string())
            .unwrap_or_else(|_| p.display().to_string())
    };
    let loaded = load::load_workspace(&[case.to_path_buf()], config, &display);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let ws = loaded.workspace;
    let sources = &ws;
    let mut files = Vec::new();
    case_files(case, &mut files);
    let mut by_file: BTreeMap<PathBuf, Vec<Expectation>> = files
        .into_iter()
        .map(|f| (std::fs::canonicalize(f).expect("case file"), Vec::new()))
        .collect();
    for d in ws.diagnostics() {
        let path = base.join(&sources.source(d.file()).expect("file").path);
        by_file
            .entry(path)
            .or_default()
            .push(expectation(sources, &d));
    }
    by_file
}

/// The expectation that `d` fulfils.
fn expectation(sources: &dyn Sources, d: &Diagnostic) -> Expectation {
    let (start, end) = position(sources, d.file(), d.span());
    let fixes = d
        .fixes
        .iter()
        .flat_map(|fix| {
            fix.edits.iter().map(|e| {
                let (s, t) = position(sources, e.file, e.span);
                let mut at = annotate::range(s, t);
                if e.file != d.file() {
                    at = format!("{} {at}", sources.source(e.file).expect("file").path);
                }
                format!("{} ({:?} at {at})", escape_line(&fix.title), e.new_text)
            })
        })
        .collect();
    Expectation {
        start,
        end,
        head: format!(
            "{}[{}]: {}",
            d.severity.as_str(),
            d.code,
            escape_line(&d.message)
        ),
        help: d.help.as_deref().map(|h| escape_line(h).into_owned()),
        fixes,
    }
}

/// Start and end of `span` as 0-based lines and character columns.
fn position(
    sources: &dyn Sources,
    file: journey_diagnostics::FileId,
    span: Span,
) -> ((usize, usize), (usize, usize)) {
    let f = sources.source(file).expect("file");
    let at = |offset| {
        let lc = f.line_index.line_col_chars(&f.text, offset);
        (lc.line as usize, lc.col as usize)
    };
    (at(span.start), at(span.end))
}

/// A file whose annotations differ from its findings: what it holds, and
/// what it should hold.
struct Mismatch {
    path: PathBuf,
    lines: Lines,
    wanted: Vec<String>,
}

fn mismatches(case: &Path) -> Vec<Mismatch> {
    let mut out = Vec::new();
    for (path, expected) in run_case(case) {
        let bytes = std::fs::read(&path).expect("read case file");
        let lines = Lines::read(&bytes);
        let in_text = if is_journey(&path) {
            annotate::ends_in_text(&lines.text)
        } else {
            vec![false; lines.text.len()]
        };
        let wanted = annotate::annotate(&lines.text, &in_text, &expected);
        if wanted != lines.text {
            out.push(Mismatch {
                path,
                lines,
                wanted,
            });
        }
    }
    out
}

/// Rewrites the annotations of `case` until they describe its findings.
/// Annotations move the lines below them (and byte offsets in messages),
/// so a second round settles what the first one wrote.
fn bless(case: &Path) {
    for _ in 0..4 {
        let found = mismatches(case);
        if found.is_empty() {
            return;
        }
        for m in found {
            std::fs::write(&m.path, m.lines.write(&m.wanted)).expect("write case file");
        }
    }
    panic!("{}: annotations do not settle", case.display());
}

#[test]
fn corpus() {
    let bless_mode = std::env::var_os("JOURNEY_BLESS").is_some();
    let cases = cases();
    assert!(
        cases.len() >= 40,
        "the corpus should hold at least 40 cases, found {}",
        cases.len()
    );
    let root = std::fs::canonicalize(corpus_root()).expect("corpus");
    let mut failures = Vec::new();
    for case in &cases {
        if bless_mode {
            bless(case);
            continue;
        }
        for m in mismatches(case) {
            failures.push(format!(
                "--- {} (- in the file, + found)\n{}",
                m.path.strip_prefix(&root).unwrap_or(&m.path).display(),
                diff::diff(&m.lines.text, &m.wanted)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} corpus files differ from their annotations (JOURNEY_BLESS=1 to update):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
