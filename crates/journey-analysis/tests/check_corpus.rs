//! Every code fires on its case in the corpus and stays silent on its near
//! miss: the checks (J03xx, J04xx, J06xx) in `tests/corpus/checks/`, the
//! messaging lints (J05xx) in `tests/corpus/lints/`, the syntax codes
//! (J00xx, J01xx, J02xx) in `tests/corpus/syntax/`.
//!
//! For a code named `NAME` its folder holds `NAME` (a `.journey` file or a
//! directory checked as one workspace, with its own `journey.toml` when the
//! case needs one) and `NAME-near-miss`, which differs in the one detail
//! that makes the finding go away. A near miss must be free of every
//! finding of its layer (for the checks: of every finding but the messaging
//! lints, which have their own cases), so that it also guards the other
//! codes of the layer against false positives. (The findings of every case
//! are compared with its annotations by the `corpus` test.)

use journey_analysis::{config, load, rules, Config};
use journey_diagnostics::{CodeInfo, Diagnostic};
use std::path::{Path, PathBuf};

/// Codes no file in the corpus can show, and why.
const NO_CASE: &[(&str, &str)] = &[(
    "J0002",
    "file-too-large needs a file over 4 GiB, too large for the repository \
     (the limit is tested where positions are computed)",
)];

/// The codes of one layer, the corpus folder of their cases, and which
/// findings its near misses must be free of.
struct Layer {
    folder: &'static str,
    codes: Vec<&'static CodeInfo>,
    guards: fn(&str) -> bool,
}

fn layers() -> Vec<Layer> {
    vec![
        Layer {
            folder: "checks",
            codes: codes(|s| matches!(s, rules::Source::Check(_) | rules::Source::Config)),
            guards: |code| !code.starts_with("J05"),
        },
        Layer {
            folder: "lints",
            codes: codes(|s| matches!(s, rules::Source::Lint(_))),
            guards: |code| code.starts_with("J05"),
        },
        Layer {
            folder: "syntax",
            codes: journey_syntax::codes::ALL.iter().collect(),
            guards: |code| ["J00", "J01", "J02"].iter().any(|p| code.starts_with(p)),
        },
    ]
}

fn root(folder: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/corpus")
        .join(folder)
}

fn case_path(folder: &str, name: &str) -> Option<PathBuf> {
    let dir = root(folder).join(name);
    if dir.is_dir() {
        return Some(dir);
    }
    let file = root(folder).join(format!("{name}.journey"));
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

/// The codes that `source` reports.
fn codes(source: fn(&rules::Source) -> bool) -> Vec<&'static CodeInfo> {
    rules::rules()
        .filter(|r| source(&r.source))
        .map(|r| r.code)
        .collect()
}

fn show(ds: &[Diagnostic]) -> String {
    ds.iter()
        .map(|d| format!("  {} {}: {}", d.code, d.name, d.message))
        .collect::<Vec<_>>()
        .join("\n")
}

/// What is wrong with the trigger and the near miss of `code`.
fn problems(layer: &Layer, code: &CodeInfo) -> Vec<String> {
    let mut problems = Vec::new();
    match case_path(layer.folder, code.name) {
        None => problems.push(format!(
            "{}: no case `{}/{}`",
            code.code, layer.folder, code.name
        )),
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
    match case_path(layer.folder, &near) {
        None => problems.push(format!(
            "{}: no near miss `{}/{near}`",
            code.code, layer.folder
        )),
        Some(case) => {
            let ds: Vec<Diagnostic> = diagnostics(&case)
                .into_iter()
                .filter(|d| (layer.guards)(d.code))
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
    problems
}

#[test]
fn every_code_fires_on_its_case_and_not_on_its_near_miss() {
    let mut problems = Vec::new();
    for layer in layers() {
        for code in &layer.codes {
            if NO_CASE.iter().any(|(c, _)| *c == code.code) {
                continue;
            }
            problems.extend(self::problems(&layer, code));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_codes_without_a_case_exist_and_have_none() {
    let all: Vec<&CodeInfo> = layers().into_iter().flat_map(|l| l.codes).collect();
    for (code, _why) in NO_CASE {
        let info = all.iter().find(|c| c.code == *code);
        let info = info.unwrap_or_else(|| panic!("{code} is no code of any layer"));
        for layer in layers() {
            assert!(
                case_path(layer.folder, info.name).is_none(),
                "{code} has a case now: remove it from NO_CASE"
            );
        }
    }
}
