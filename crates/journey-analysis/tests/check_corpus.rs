//! Every check fires on its case in `tests/corpus/checks/` and stays silent
//! on its near miss.
//!
//! For a check named `NAME` the corpus holds `NAME` (a `.journey` file or a
//! directory checked as one workspace, with its own `journey.toml` when the
//! case needs one) and `NAME-near-miss`, which differs in the one detail
//! that makes the finding go away. Near misses must be free of every
//! finding of the checks (messaging lints, J05xx, have their own corpus),
//! so that they also guard the other checks against false positives. (The
//! expected output of every case is compared by the corpus test of
//! `journeyc`.)

use journey_analysis::{config, load, rules, Config};
use journey_diagnostics::{CodeInfo, Diagnostic};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/checks")
}

fn case_path(name: &str) -> Option<PathBuf> {
    let dir = root().join(name);
    if dir.is_dir() {
        return Some(dir);
    }
    let file = root().join(format!("{name}.journey"));
    file.is_file().then_some(file)
}

fn diagnostics(case: &Path) -> Vec<Diagnostic> {
    let toml = case.join(config::FILE_NAME);
    let config = if toml.is_file() {
        Config::load(&toml)
    } else {
        Config::empty(case.to_path_buf())
    };
    let loaded = load::load_workspace(&[case.to_path_buf()], config, &|p: &Path| {
        p.display().to_string()
    });
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    loaded.workspace.diagnostics()
}

/// The codes of the checks and of configuration and `allow`s.
fn codes() -> Vec<&'static CodeInfo> {
    rules::RULES
        .iter()
        .filter(|r| matches!(r.source, rules::Source::Check(_) | rules::Source::Config))
        .map(|r| r.code)
        .collect()
}

fn show(ds: &[Diagnostic]) -> String {
    ds.iter()
        .map(|d| format!("  {} {}: {}", d.code, d.name, d.message))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_check_fires_on_its_case_and_not_on_its_near_miss() {
    let mut problems = Vec::new();
    for code in codes() {
        match case_path(code.name) {
            None => problems.push(format!("{}: no case `{}`", code.code, code.name)),
            Some(case) => {
                let ds = diagnostics(&case);
                if !ds.iter().any(|d| d.code == code.code) {
                    problems.push(format!(
                        "{} ({}) does not fire on its case; found:\n{}",
                        code.code,
                        code.name,
                        show(&ds)
                    ));
                }
            }
        }
        let near = format!("{}-near-miss", code.name);
        match case_path(&near) {
            None => problems.push(format!("{}: no near miss `{near}`", code.code)),
            Some(case) => {
                let ds: Vec<Diagnostic> = diagnostics(&case)
                    .into_iter()
                    .filter(|d| !d.code.starts_with("J05"))
                    .collect();
                if !ds.is_empty() {
                    problems.push(format!(
                        "{} ({}): the near miss is not silent:\n{}",
                        code.code,
                        code.name,
                        show(&ds)
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
