//! The journeyc commands of the shipped GitHub Actions workflow, run for
//! real: every flag they use exists, and their output is what the next
//! step of the workflow expects (SARIF for the upload, workflow commands
//! for annotations, the Markdown comment). The workflow's schema and the
//! pre-commit hooks are tested by `scripts/test-ci`.

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    std::fs::canonicalize(Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")).unwrap()
}

fn workflow() -> String {
    std::fs::read_to_string(repo().join(".github/workflows/journey.yml")).expect("the workflow")
}

/// The value of `NAME:` in the workflow's `env`.
fn env_value(text: &str, name: &str) -> String {
    text.lines()
        .find_map(|l| l.trim().strip_prefix(&format!("{name}:")))
        .map(|v| v.trim().to_string())
        .unwrap_or_else(|| panic!("{name} is not set in the workflow"))
}

/// Every `journeyc …` command line of the workflow's `run` scripts, as
/// arguments, with the workflow's variables filled in (the base revision
/// of a pull request becomes HEAD) and redirections dropped.
fn commands() -> Vec<Vec<String>> {
    let text = workflow();
    let paths = env_value(&text, "JOURNEY_PATHS");
    text.lines()
        .map(str::trim)
        .filter(|l| l.starts_with("journeyc "))
        .map(|l| {
            let l = l.split(" > ").next().unwrap();
            let l = l.split(" || ").next().unwrap();
            l.replace("$JOURNEY_PATHS", &paths)
                .replace("\"$BASE\"", "HEAD")
                .split_whitespace()
                .skip(1)
                .map(String::from)
                .collect()
        })
        .collect()
}

#[test]
fn the_workflow_runs_check_fmt_and_diff() {
    let cmds = commands();
    let has = |words: &[&str]| {
        cmds.iter()
            .any(|c| words.iter().all(|w| c.iter().any(|a| a == w)))
    };
    assert!(has(&["check", "--format", "sarif"]), "{cmds:?}");
    assert!(has(&["fmt", "--check"]), "{cmds:?}");
    assert!(has(&["diff", "--git", "--format", "markdown"]), "{cmds:?}");
    let text = workflow();
    assert!(text.contains("uses: github/codeql-action/upload-sarif@"));
    assert!(text.contains("security-events: write"));
    assert!(text.contains("pull-requests: write"));
    assert!(text.contains("fetch-depth: 0"));
    // The comment is found again by the marker the Markdown starts with.
    assert!(text.contains("'<!-- journeyc-diff -->'"));
}

#[test]
fn every_journeyc_command_of_the_workflow_works() {
    let root = repo();
    for args in commands() {
        let out = Command::new(env!("CARGO_BIN_EXE_journeyc"))
            .args(&args)
            .current_dir(&root)
            .env("NO_COLOR", "1")
            .output()
            .expect("journeyc runs");
        let stdout = String::from_utf8(out.stdout).unwrap();
        let code = out.status.code();
        // 0 or 1 (findings, changes); 2 would be a usage error.
        assert!(
            matches!(code, Some(0 | 1)),
            "journeyc {}: exit {code:?}\n{}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr)
        );
        let format = args
            .iter()
            .position(|a| a == "--format")
            .map(|i| args[i + 1].as_str());
        match (args[0].as_str(), format) {
            ("check", Some("sarif")) => {
                let v: serde_json::Value = serde_json::from_str(&stdout).expect("SARIF is JSON");
                assert_eq!(v["version"], "2.1.0");
                assert!(v["runs"][0]["tool"]["driver"]["name"].is_string());
            }
            ("check", Some("github")) => {
                for line in stdout.lines() {
                    assert!(line.starts_with("::"), "not a workflow command: {line}");
                }
            }
            ("diff", Some("markdown")) => {
                // Nothing when the working tree is the revision; else the comment.
                assert!(
                    stdout.is_empty() || stdout.starts_with("<!-- journeyc-diff -->\n"),
                    "{stdout}"
                );
                assert_eq!(code == Some(1), !stdout.is_empty());
            }
            _ => {}
        }
    }
}
