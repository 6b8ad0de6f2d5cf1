//! The data-driven corpus under `tests/corpus/` at the repository root.
//!
//! A case is a `.journey` file, or a directory of them checked together as
//! one workspace. Its expected findings live beside it in `NAME.expected`,
//! one per line in the short format (`path:line:col: severity[CODE]:
//! message`), followed by indented `help:` and `fix:` lines. A case with no
//! findings has an empty `.expected` file: the near-misses that must stay
//! silent.
//!
//! `JOURNEY_BLESS=1 cargo test --test corpus` rewrites the expected files
//! from the current output; review the diff before committing it.

use journey_analysis::{config, load, Config};
use journey_diagnostics::Sources;
use std::fmt::Write;
use std::path::{Path, PathBuf};

fn corpus_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus")
}

fn cases() -> Vec<PathBuf> {
    let mut cases = Vec::new();
    let mut stack = vec![corpus_root()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("corpus directory") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                if has_expected(&path) {
                    cases.push(path);
                } else {
                    stack.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "journey") {
                cases.push(path);
            }
        }
    }
    cases.sort();
    cases
}

fn has_expected(case: &Path) -> bool {
    expected_path(case).exists()
}

fn expected_path(case: &Path) -> PathBuf {
    let mut name = case.file_stem().expect("name").to_os_string();
    name.push(".expected");
    case.with_file_name(name)
}

/// Checks one case and renders its findings for comparison.
fn run_case(case: &Path) -> String {
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
    let mut out = String::new();
    for d in ws.diagnostics() {
        let f = ws.source(d.file()).expect("file");
        let lc = f.line_index.line_col_chars(&f.text, d.span().start);
        let _ = writeln!(
            out,
            "{}:{}:{}: {}[{}]: {}",
            f.path,
            lc.line + 1,
            lc.col + 1,
            d.severity.as_str(),
            d.code,
            d.message
        );
        let snippet = &f.text[d.span().range()];
        if !snippet.is_empty() && snippet.len() <= 60 && !snippet.contains('\n') {
            // Control characters as the terminal shows them.
            let snippet = journey_diagnostics::escape::escape_line(snippet);
            let _ = writeln!(out, "    at: {snippet}");
        }
        if let Some(help) = &d.help {
            let _ = writeln!(out, "    help: {help}");
        }
        for fix in &d.fixes {
            for e in &fix.edits {
                let _ = writeln!(
                    out,
                    "    fix: {} ({:?} at {}..{})",
                    fix.title, e.new_text, e.span.start, e.span.end
                );
            }
        }
    }
    out
}

#[test]
fn corpus() {
    let bless = std::env::var_os("JOURNEY_BLESS").is_some();
    let cases = cases();
    assert!(
        cases.len() >= 40,
        "the corpus should hold at least 40 cases, found {}",
        cases.len()
    );
    let mut failures = Vec::new();
    for case in &cases {
        let actual = run_case(case);
        let expected_file = expected_path(case);
        if bless {
            std::fs::write(&expected_file, &actual).expect("write expected");
            continue;
        }
        let expected = std::fs::read_to_string(&expected_file).unwrap_or_else(|_| {
            panic!(
                "{} has no expected file; run with JOURNEY_BLESS=1 to create it",
                case.display()
            )
        });
        if expected != actual {
            failures.push(format!(
                "--- {}\n### expected\n{expected}### actual\n{actual}",
                case.strip_prefix(corpus_root()).unwrap_or(case).display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} corpus cases differ (JOURNEY_BLESS=1 to update):\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
