//! Property: every export either refuses or is valid.
//!
//! Workspaces are generated (crates/journey-workload) or copied from
//! `examples/`, then damaged by a few random mutations — in the named file,
//! in a file it imports, or anywhere in the workspace. For each, `journeyc
//! export` must do one of two things:
//!
//! - refuse (exit 1, nothing on stdout, no file for `-o`) exactly when
//!   `journeyc check` on the same paths finds an error, or
//! - write a document that validates against
//!   `schemas/journey-export.schema.json` (and, for `-o`, the file).
//!
//! The case count is modest so that the test runs in seconds.

use proptest::prelude::*;
use serde_json::Value;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

mod common;
use common::{journeyc, repo, stderr, stdout};

/// A damage done to one file. `at` picks the place (modulo what exists).
#[derive(Debug, Clone)]
enum Damage {
    /// `expectation N` / `experience N` → out of the scale.
    ScoreOutOfRange { at: usize, value: u8 },
    /// A stray `%%%` at the start of a line.
    StrayCharacters { at: usize },
    /// A line taken out (may break a block, a reference, nothing at all).
    DeleteLine { at: usize },
    /// The text cut off somewhere.
    Truncate { at: usize },
    /// A `serves` that names nobody.
    UnknownReference { at: usize },
    /// A misspelt fixed value (`kind awarenes`).
    UnknownValue { at: usize },
    /// An import of a file that does not exist, or one outside the
    /// workspace.
    BadImport { outside: bool },
    /// The file's first definition once more (a duplicate id).
    DuplicateDefinition,
}

/// What to export.
#[derive(Debug, Clone)]
enum Source {
    Generated {
        files: usize,
        seed: u64,
        with_errors: bool,
    },
    Example(&'static str),
}

#[derive(Debug, Clone)]
struct Case {
    source: Source,
    /// (file index, damage): the file is picked modulo the number of files.
    damages: Vec<(usize, Damage)>,
    /// With an (empty) journey.toml, and the entry file named on the
    /// command line (its imports and the workspace behind it) — or the
    /// whole folder.
    with_toml: bool,
    name_entry_file: bool,
    /// The format written with `-o` besides the JSON to stdout.
    other_format: &'static str,
}

const EXAMPLES: &[&str] = &["b2b-saas", "retail", "subscription-loop"];
const FORMATS: &[&str] = &["csv", "html", "markdown", "mermaid"];

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        (any::<usize>(), prop_oneof![Just(0u8), Just(6), Just(9)])
            .prop_map(|(at, value)| Damage::ScoreOutOfRange { at, value }),
        any::<usize>().prop_map(|at| Damage::StrayCharacters { at }),
        any::<usize>().prop_map(|at| Damage::DeleteLine { at }),
        any::<usize>().prop_map(|at| Damage::Truncate { at }),
        any::<usize>().prop_map(|at| Damage::UnknownReference { at }),
        any::<usize>().prop_map(|at| Damage::UnknownValue { at }),
        any::<bool>().prop_map(|outside| Damage::BadImport { outside }),
        Just(Damage::DuplicateDefinition),
    ]
}

fn case() -> impl Strategy<Value = Case> {
    let source = prop_oneof![
        (1usize..=7, any::<u64>(), any::<bool>()).prop_map(|(files, seed, with_errors)| {
            Source::Generated {
                files,
                seed,
                with_errors,
            }
        }),
        prop::sample::select(EXAMPLES).prop_map(Source::Example),
    ];
    (
        source,
        // Undamaged workspaces are common enough to export often.
        prop::collection::vec((any::<usize>(), damage()), 0..3),
        any::<bool>(),
        any::<bool>(),
        prop::sample::select(FORMATS),
    )
        .prop_map(
            |(source, damages, with_toml, name_entry_file, other_format)| Case {
                source,
                damages,
                with_toml,
                name_entry_file,
                other_format,
            },
        )
}

/// The files of the case, undamaged, with the entry file first.
fn files(source: &Source) -> Vec<(PathBuf, String)> {
    match source {
        Source::Generated {
            files,
            seed,
            with_errors,
        } => journey_workload::workspace(
            *files,
            journey_workload::Options {
                seed: *seed,
                with_errors: *with_errors,
            },
        ),
        Source::Example(name) => {
            let dir = repo().join("examples").join(name);
            let mut out = Vec::new();
            let mut stack = vec![dir.clone()];
            while let Some(d) = stack.pop() {
                for e in std::fs::read_dir(&d).unwrap() {
                    let p = e.unwrap().path();
                    if p.is_dir() {
                        stack.push(p);
                    } else if p.extension().is_some_and(|x| x == "journey") {
                        let text = std::fs::read_to_string(&p).unwrap();
                        out.push((p.strip_prefix(&dir).unwrap().to_path_buf(), text));
                    }
                }
            }
            // The entry file: the one that imports the most.
            out.sort_by_key(|(p, t)| {
                (std::cmp::Reverse(t.matches("import \"").count()), p.clone())
            });
            out
        }
    }
}

/// The `n`th match of `pattern` (modulo how many there are).
fn nth_match(text: &str, pattern: &str, n: usize) -> Option<usize> {
    let all: Vec<usize> = text.match_indices(pattern).map(|(i, _)| i).collect();
    (!all.is_empty()).then(|| all[n % all.len()])
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .filter(|&i| i < text.len())
        .collect()
}

fn apply(text: &mut String, damage: &Damage) {
    match damage {
        Damage::ScoreOutOfRange { at, value } => {
            for key in ["expectation ", "experience "] {
                if let Some(i) = nth_match(text, key, *at) {
                    let start = i + key.len();
                    let end = start
                        + text[start..]
                            .find(|c: char| !c.is_ascii_digit())
                            .unwrap_or(text.len() - start);
                    text.replace_range(start..end, &value.to_string());
                    return;
                }
            }
        }
        Damage::StrayCharacters { at } => {
            let starts = line_starts(text);
            if !starts.is_empty() {
                text.insert_str(starts[at % starts.len()], "%%% ");
            }
        }
        Damage::DeleteLine { at } => {
            let starts = line_starts(text);
            if !starts.is_empty() {
                let s = starts[at % starts.len()];
                let e = text[s..].find('\n').map_or(text.len(), |i| s + i + 1);
                text.replace_range(s..e, "");
            }
        }
        Damage::Truncate { at } => {
            if !text.is_empty() {
                let mut cut = at % text.len();
                while !text.is_char_boundary(cut) {
                    cut -= 1;
                }
                text.truncate(cut);
            }
        }
        Damage::UnknownReference { at } => {
            if let Some(i) = nth_match(text, "serves ", *at) {
                text.insert_str(i + "serves ".len(), "nobody_here, ");
            }
        }
        Damage::UnknownValue { at } => {
            for key in ["kind ", "state ", "importance "] {
                if let Some(i) = nth_match(text, key, *at) {
                    text.insert(i + key.len(), 'x');
                    return;
                }
            }
        }
        Damage::BadImport { outside } => {
            let path = if *outside {
                "../../outside.journey"
            } else {
                "missing.journey"
            };
            text.insert_str(0, &format!("import \"{path}\"\n"));
        }
        Damage::DuplicateDefinition => {
            let starts: Vec<usize> = ["persona ", "phase ", "journey ", "goal "]
                .iter()
                .filter_map(|k| text.find(&format!("\n{k}")).map(|i| i + 1))
                .collect();
            if let Some(&s) = starts.iter().min() {
                let end = text[s..].find("\n}\n").map_or(text.len(), |i| s + i + 3);
                let block = text[s..end].to_string();
                text.push('\n');
                text.push_str(&block);
            }
        }
    }
}

fn schema() -> &'static jsonschema::Validator {
    static SCHEMA: OnceLock<jsonschema::Validator> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        let text =
            std::fs::read_to_string(repo().join("schemas/journey-export.schema.json")).unwrap();
        let schema: Value = serde_json::from_str(&text).unwrap();
        jsonschema::validator_for(&schema).expect("the export schema compiles")
    })
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// Runs one case; whether the export was refused.
fn run(case: &Case) -> Result<bool, TestCaseError> {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let base = common::temp_dir(&format!("export-schema-{n}"));
    let dir = base.join("ws");
    let mut files = files(&case.source);
    for (which, damage) in &case.damages {
        let i = which % files.len();
        apply(&mut files[i].1, damage);
    }
    for (path, text) in &files {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    // A file outside the workspace, for imports that try to reach it.
    std::fs::write(base.join("outside.journey"), "persona outside \"O\" {\n}\n").unwrap();
    if case.with_toml {
        std::fs::write(dir.join("journey.toml"), "").unwrap();
    }
    let entry = files[0].0.to_string_lossy().into_owned();
    let target: Vec<&str> = if case.name_entry_file {
        vec![entry.as_str()]
    } else {
        vec![]
    };
    let args = |head: &[&str]| -> Vec<String> {
        head.iter()
            .map(|s| s.to_string())
            .chain(target.iter().map(|s| s.to_string()))
            .collect()
    };
    let call = |a: Vec<String>| {
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        journeyc(&a, &dir)
    };

    let check = call(args(&["check", "--format", "json"]));
    prop_assert!(
        matches!(check.status.code(), Some(0..=1)),
        "check: {}",
        stderr(&check)
    );
    let report: Value = serde_json::from_str(&stdout(&check)).unwrap();
    let errors = report["summary"]["errors"].as_u64().unwrap();

    let export = call(args(&["export", "--format", "json", "--color", "never"]));
    let out_file = dir.join(format!("export.{}", case.other_format));
    let other = call(args(&[
        "export",
        "--format",
        case.other_format,
        "-o",
        out_file.to_str().unwrap(),
    ]));
    if errors > 0 {
        prop_assert_eq!(export.status.code(), Some(1), "{}", stderr(&export));
        prop_assert!(
            export.stdout.is_empty(),
            "refused, yet wrote:\n{}",
            stdout(&export)
        );
        prop_assert!(
            stderr(&export).contains("error: nothing exported"),
            "{}",
            stderr(&export)
        );
        prop_assert_eq!(other.status.code(), Some(1), "{}", stderr(&other));
        prop_assert!(!out_file.exists(), "-o left a file");
    } else {
        prop_assert_eq!(export.status.code(), Some(0), "{}", stderr(&export));
        let doc: Value = serde_json::from_str(&stdout(&export)).expect("the export is JSON");
        let problems: Vec<String> = schema()
            .iter_errors(&doc)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .take(5)
            .collect();
        prop_assert!(problems.is_empty(), "not valid: {problems:#?}");
        prop_assert_eq!(other.status.code(), Some(0), "{}", stderr(&other));
        prop_assert!(out_file.is_file(), "-o wrote nothing");
    }
    let _ = std::fs::remove_dir_all(&base);
    Ok(errors > 0)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 32,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_export_refuses_or_validates_against_the_schema(case in case()) {
        run(&case)?;
    }
}

/// The undamaged examples export, and damage in an imported file alone
/// refuses: the property above cannot pass by refusing everything, nor by
/// exporting everything.
#[test]
fn examples_export_and_a_broken_import_refuses() {
    for name in EXAMPLES {
        let case = Case {
            source: Source::Example(name),
            damages: Vec::new(),
            with_toml: true,
            name_entry_file: true,
            other_format: "csv",
        };
        assert!(!run(&case).unwrap(), "{name} exports");
    }
    // The entry file imports phases/purchase.journey; only that is damaged.
    let source = Source::Example("b2b-saas");
    let purchase = files(&source)
        .iter()
        .position(|(p, _)| p.ends_with("phases/purchase.journey"))
        .unwrap();
    for with_toml in [true, false] {
        let case = Case {
            source: source.clone(),
            damages: vec![(purchase, Damage::ScoreOutOfRange { at: 0, value: 9 })],
            with_toml,
            name_entry_file: true,
            other_format: "html",
        };
        assert!(run(&case).unwrap(), "refused");
    }
}
