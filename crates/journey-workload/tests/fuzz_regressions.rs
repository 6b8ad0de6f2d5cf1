//! Replays every input that ever made a fuzz target fail
//! (`tests/fuzz-regressions/TARGET/*`), plus every example and corpus file,
//! through the same properties the fuzz targets check.

use journey_workload::props;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn files_below(dir: &Path, keep: &dyn Fn(&Path) -> bool) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if keep(&p) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn is_journey(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "journey")
}

fn replay(target: &str, property: fn(&[u8])) -> usize {
    let dir = root().join("tests/fuzz-regressions").join(target);
    let crashes = files_below(&dir, &|p| p.extension().is_none_or(|e| e != "md"));
    let journeys = files_below(&root().join("examples"), &is_journey)
        .into_iter()
        .chain(files_below(&root().join("tests/corpus"), &is_journey));
    let mut n = 0;
    for path in crashes.into_iter().chain(journeys) {
        let data = std::fs::read(&path).expect("readable");
        let result = std::panic::catch_unwind(|| property(&data));
        assert!(result.is_ok(), "{target} fails on {}", path.display());
        n += 1;
    }
    n
}

#[test]
fn parse_regressions() {
    assert!(replay("parse", props::parse_never_fails) > 50);
}

#[test]
fn check_regressions() {
    assert!(replay("check", props::check_never_fails) > 50);
}

#[test]
fn fmt_regressions() {
    assert!(replay("fmt", props::format_is_safe) > 50);
}
