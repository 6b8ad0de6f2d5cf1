//! The examples of every code are proven: each `Bad` example, read as
//! journeyc reads a workspace from disk, reports its own code and nothing
//! else at warning or above (unless it names the other codes it shows);
//! each `Good` example does not report its code, nor anything else at
//! warning or above. Opt-in checks are switched on for their examples.

use journey_analysis::config::{self, Config};
use journey_analysis::load;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Level, Severity};
use std::path::{Path, PathBuf};

/// Codes no file can show, with the reason.
const WITHOUT_EXAMPLES: &[(&str, &str)] = &[
    ("J0001", "a file that is not UTF-8 cannot be shown as text"),
    ("J0002", "a file of more than 4 GiB"),
    ("J0003", "a UTF-16 file cannot be shown as text"),
    ("J0004", "a NUL character cannot be shown in a terminal"),
];

/// A fresh folder for one example.
fn folder(code: &str, kind: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "journey-examples-{}/{code}-{kind}/workspace",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, path: &str, text: &str) {
    let path = dir.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Every finding of the example, read from disk like `journeyc check`.
fn findings(code: &CodeInfo, kind: &str, e: &Example) -> Vec<Diagnostic> {
    let dir = folder(code.code, kind);
    write(&dir, e.path, e.text());
    for (path, text) in e.other_files() {
        write(&dir, path, text);
    }
    let mut config = match e.config_text() {
        Some(text) => {
            write(&dir, config::FILE_NAME, text);
            Config::load(&dir.join(config::FILE_NAME))
        }
        None => Config::empty(dir.clone()),
    };
    if code.opt_in {
        config.set_level(code.code, Level::Warn).unwrap();
    }
    let loaded = load::load_workspace(std::slice::from_ref(&dir), config, &|p: &Path| {
        p.strip_prefix(&dir).unwrap_or(p).display().to_string()
    });
    assert!(
        loaded.errors.is_empty(),
        "{}: {:?}",
        code.code,
        loaded.errors
    );
    loaded.workspace.diagnostics()
}

fn show(ds: &[Diagnostic]) -> String {
    ds.iter()
        .map(|d| format!("    {} {} {}", d.code, d.severity.as_str(), d.message))
        .collect::<Vec<_>>()
        .join("\n")
}

/// What is wrong with one example, if anything.
fn judge(code: &CodeInfo, kind: &str, e: &Example) -> Option<String> {
    let found = findings(code, kind, e);
    let own = found.iter().any(|d| d.code == code.code);
    // `Error` orders before `Warning`: "at warning or above".
    let others: Vec<&Diagnostic> = found
        .iter()
        .filter(|d| d.code != code.code && d.severity <= Severity::Warning)
        .filter(|d| !e.also.contains(&d.code))
        .collect();
    let problem = match (kind, own) {
        ("bad", false) => "does not report its code",
        ("good", true) => "reports its code",
        _ if !others.is_empty() => "reports other codes at warning or above",
        _ => return None,
    };
    Some(format!(
        "{} {kind} example {problem}:\n{}",
        code.code,
        show(&found)
    ))
}

#[test]
fn every_example_shows_what_it_says() {
    let mut problems = Vec::new();
    for code in journey_analysis::all_codes() {
        let without = WITHOUT_EXAMPLES.iter().any(|(c, _)| *c == code.code);
        for (kind, example) in [("bad", code.bad), ("good", code.good)] {
            match example {
                Some(e) => problems.extend(judge(code, kind, &e)),
                None if without => {}
                None => problems.push(format!("{} has no {kind} example", code.code)),
            }
        }
        if without && (code.bad.is_some() || code.good.is_some()) {
            problems.push(format!("{} has examples after all", code.code));
        }
    }
    let _ = std::fs::remove_dir_all(
        std::env::temp_dir().join(format!("journey-examples-{}", std::process::id())),
    );
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
