//! `journeyc lint` end to end: only the messaging lints, their levels from
//! journey.toml and the command line, their settings, exit codes.

use std::path::PathBuf;

mod common;
use common::{journeyc, stdout};

/// A fresh folder with `files` written into it.
fn workspace(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("journeyc-lint-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("dir");
        std::fs::write(p, text).expect("write");
    }
    dir
}

/// A contradiction (an error), a register switch (a warning) and a
/// touchpoint without owner (a semantic check, not a lint).
const JOURNEY: &str = "persona p \"P\" {\n  evidence \"5 Interviews\"\n}\n\
journey j \"J\" {\n  value \"Dein Rad: Tausch in 24h\"\n  phases a\n}\n\
phase a \"A\" {\n  kind usage\n  message \"Dein Rad, Tausch in 24 Stunden\"\n\
  touchpoint t \"T\" {\n    serves p\n    says \"Ihr Rad? Tausch in 48 Stunden, wann Sie wollen\"\n  }\n}\n";

fn codes(out: &str) -> Vec<&str> {
    out.lines()
        .filter_map(|l| l.split_once('[').map(|(_, r)| &r[..5]))
        .collect()
}

#[test]
fn lint_reports_only_the_messaging_lints() {
    let dir = workspace("only", &[("a.journey", JOURNEY)]);
    let check = journeyc(&["check", "--format", "short", "--no-config"], &dir);
    let lint = journeyc(&["lint", "--format", "short", "--no-config"], &dir);
    let (check_out, lint_out) = (stdout(&check), stdout(&lint));
    assert!(codes(&check_out).contains(&"J0408"), "{check_out}");
    assert_eq!(codes(&lint_out), vec!["J0504", "J0505"], "{lint_out}");
    assert!(
        lint_out.contains(":13:"),
        "the finding points into the line: {lint_out}"
    );
    assert_eq!(lint.status.code(), Some(1), "a contradiction is an error");
}

#[test]
fn levels_and_settings_from_journey_toml() {
    let toml = "[checks]\ncontradicting-claims = \"warn\"\n\n[messaging]\nregister = \"sie\"\n";
    let dir = workspace("toml", &[("a.journey", JOURNEY), ("journey.toml", toml)]);
    let lint = journeyc(&["lint", "--format", "short"], &dir);
    let out = stdout(&lint);
    // With the formal Sie configured, the informal texts are the switch.
    assert!(out.contains("warning[J0504]"), "{out}");
    assert!(out.contains("uses the informal Du (`Dein`)"), "{out}");
    assert_eq!(lint.status.code(), Some(0), "only warnings: {out}");
    // The command line wins over journey.toml.
    let denied = journeyc(
        &["lint", "--format", "short", "-D", "register-switch"],
        &dir,
    );
    assert_eq!(denied.status.code(), Some(1));
}

#[test]
fn problems_in_the_messaging_sections_are_located() {
    let toml = "[messaging]\nregister = \"ihr\"\n";
    let dir = workspace("badtoml", &[("a.journey", JOURNEY), ("journey.toml", toml)]);
    let out = stdout(&journeyc(&["lint", "--format", "short"], &dir));
    assert!(out.contains("journey.toml:2:12: error[J0601]"), "{out}");
}
