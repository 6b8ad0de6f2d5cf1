//! Big files are parsed and lowered in parallel runs of whole top-level
//! definitions. These tests force splitting on every input the repository
//! holds — the examples, the corpus (including every syntax error case),
//! generated workloads, and damaged versions of them — and require the
//! exact result of parsing in one piece: tree and diagnostics.

use journey_diagnostics::FileId;
use journey_syntax::{parse_split, Parse};
use std::path::{Path, PathBuf};

fn whole(src: &str) -> Parse {
    parse_split(src, FileId(0), usize::MAX, usize::MAX)
}

fn assert_split_equals_whole(src: &str, what: &str) {
    let expected = whole(src);
    // From "every definition its own run" to a few runs.
    for (tokens, definitions) in [(1, 2), (2, 3), (50, 5), (400, 40)] {
        let split = parse_split(src, FileId(0), tokens, definitions);
        assert_eq!(
            split.tree, expected.tree,
            "{what}: tree, split {tokens}/{definitions}"
        );
        assert_eq!(
            split.diagnostics, expected.diagnostics,
            "{what}: diagnostics"
        );
    }
}

fn journey_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            journey_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "journey") {
            out.push(p);
        }
    }
}

fn repository_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    journey_files(&root.join("examples"), &mut files);
    journey_files(&root.join("tests/corpus"), &mut files);
    files.sort();
    assert!(files.len() > 50, "examples and corpus found");
    files
}

#[test]
fn examples_and_corpus_parse_the_same_split_or_whole() {
    for path in repository_files() {
        let bytes = std::fs::read(&path).expect("readable test file");
        let (src, _) = journey_syntax::decode_source(bytes, FileId(0));
        assert_split_equals_whole(&src, &path.display().to_string());
    }
}

#[test]
fn generated_journeys_parse_the_same_split_or_whole() {
    for (size, errors) in [(20_000, false), (60_000, true)] {
        let opts = journey_workload::Options {
            with_errors: errors,
            ..Default::default()
        };
        let src = journey_workload::file(size, opts);
        assert!(whole(&src).tree.statements().count() > 10);
        assert_split_equals_whole(&src, &format!("generated {size} bytes"));
    }
}

/// Damage at every kind of place a run could be cut: a missing or extra
/// brace, a keyword glued to a block's end, a comma before a line end.
#[test]
fn damaged_files_parse_the_same_split_or_whole() {
    let src = journey_workload::file(30_000, journey_workload::Options::default());
    let damages: &[(&str, &str)] = &[
        ("}\n", "\n"),
        ("}\n", "}}\n"),
        ("}\n\n", "} "),
        ("\"\n", "\",\n"),
        ("{\n", "\n"),
        ("phase ", "phase {"),
        ("\n", ";"),
    ];
    for (from, to) in damages {
        for nth in [1usize, 7, 40] {
            let Some((at, _)) = src.match_indices(from).nth(nth) else {
                continue;
            };
            let damaged = format!("{}{}{}", &src[..at], to, &src[at + from.len()..]);
            assert_split_equals_whole(&damaged, &format!("{from:?} -> {to:?} at {at}"));
        }
    }
}
