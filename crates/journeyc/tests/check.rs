//! `journeyc check` end to end: journey.toml levels and discovery, imports
//! read from disk, the SARIF and GitHub formats, exit codes.

use serde_json::Value;
use std::path::{Path, PathBuf};

mod common;
use common::{journeyc, stderr, stdout};

/// A fresh folder with `files` written into it.
fn workspace(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("journeyc-check-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("dir");
        std::fs::write(p, text).expect("write");
    }
    dir
}

const PERSONAS: &str = "persona p \"P\" {\n  evidence \"5 interviews\"\n}\n";
/// A touchpoint without owner (a warning) and with an undefined persona
/// (an error).
const BROKEN: &str = "import \"personas.journey\"\n\nphase x \"X\" {\n  message \"Reliable bikes at your door\"\n  touchpoint t \"T, with: commas\" {\n    serves p, q\n  }\n}\n";
/// Only the warning.
const WARNING_ONLY: &str = "import \"personas.journey\"\n\nphase x \"X\" {\n  message \"Reliable bikes at your door\"\n  touchpoint t \"T\" {\n    serves p\n  }\n}\n";

#[test]
fn sarif_has_what_code_scanning_needs() {
    let dir = workspace(
        "sarif",
        &[("personas.journey", PERSONAS), ("main.journey", BROKEN)],
    );
    let out = journeyc(&["check", "--format", "sarif"], &dir);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let log: Value = serde_json::from_str(&stdout(&out)).expect("SARIF is JSON");

    // The required top-level fields of SARIF 2.1.0.
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let runs = log["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 1);
    let driver = &runs[0]["tool"]["driver"];
    assert_eq!(driver["name"], "journeyc");
    let rules = driver["rules"].as_array().expect("rules");
    assert_eq!(
        rules.len(),
        journey_analysis_codes(&dir),
        "every code is a rule"
    );
    for r in rules {
        for field in ["id", "name"] {
            assert!(r[field].is_string(), "rule without {field}: {r}");
        }
        assert!(r["shortDescription"]["text"].is_string(), "{r}");
        assert!(r["fullDescription"]["text"].is_string(), "{r}");
        let level = r["defaultConfiguration"]["level"].as_str().expect("level");
        assert!(["error", "warning", "note"].contains(&level), "{level}");
        if let Some(uri) = r.get("helpUri") {
            assert!(uri.is_string());
        }
    }
    let results = runs[0]["results"].as_array().expect("results");
    assert!(results.len() >= 2, "{results:?}");
    let mut seen = Vec::new();
    for r in results {
        let id = r["ruleId"].as_str().expect("ruleId");
        let index = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], id, "ruleIndex points at the rule");
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap()));
        assert!(!r["message"]["text"].as_str().unwrap().is_empty());
        let locations = r["locations"].as_array().expect("locations");
        assert!(!locations.is_empty());
        for l in locations {
            let p = &l["physicalLocation"];
            assert_eq!(p["artifactLocation"]["uri"], "main.journey");
            let region = &p["region"];
            for f in ["startLine", "startColumn", "endLine", "endColumn"] {
                assert!(region[f].as_u64().unwrap() >= 1, "{f} in {region}");
            }
        }
        seen.push((id.to_string(), r["level"].as_str().unwrap().to_string()));
    }
    assert!(seen.contains(&("J0304".into(), "error".into())), "{seen:?}");
    assert!(
        seen.contains(&("J0408".into(), "warning".into())),
        "{seen:?}"
    );
    // `q` in `serves p, q` is on line 6, columns 15–16.
    let undefined = results.iter().find(|r| r["ruleId"] == "J0304").unwrap();
    let region = &undefined["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(6), Some(15))
    );
    assert_eq!(region["endColumn"].as_u64(), Some(16));
}

/// The number of codes `journeyc explain` lists.
fn journey_analysis_codes(dir: &Path) -> usize {
    stdout(&journeyc(&["explain"], dir)).lines().count()
}

#[test]
fn github_annotations_are_escaped() {
    let dir = workspace(
        "github",
        &[("personas.journey", PERSONAS), ("main.journey", BROKEN)],
    );
    let out = journeyc(&["check", "--format", "github"], &dir);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let error = text
        .lines()
        .find(|l| l.contains("title=J0304"))
        .expect("undefined persona annotation");
    assert!(
        error.starts_with(
            "::error file=main.journey,line=6,col=15,endLine=6,endColumn=16,title=J0304::"
        ),
        "{error}"
    );
    assert!(
        error.contains("%0Ahelp: "),
        "multi-line messages are escaped: {error}"
    );
    assert!(text
        .lines()
        .any(|l| l.starts_with("::warning ") && l.contains("title=J0408")));
    assert!(text.lines().all(|l| l.starts_with("::")), "{text}");
}

#[test]
fn journey_toml_levels_decide_the_exit_code() {
    let files = [
        ("personas.journey", PERSONAS),
        ("main.journey", WARNING_ONLY),
    ];
    // A warning alone: exit 0.
    let dir = workspace("levels-none", &files);
    let out = journeyc(&["check", "--format", "short"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("warning[J0408]"));

    // deny in journey.toml: the same finding is an error, exit 1.
    let dir = workspace("levels-deny", &files);
    std::fs::write(
        dir.join("journey.toml"),
        "[checks]\ntouchpoint-without-owner = \"deny\"\n",
    )
    .unwrap();
    let out = journeyc(&["check", "--format", "short"], &dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("error[J0408]"), "{}", stdout(&out));

    // allow silences it.
    std::fs::write(dir.join("journey.toml"), "[checks]\nJ0408 = \"allow\"\n").unwrap();
    let out = journeyc(&["check", "--format", "short"], &dir);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "no problems in 2 files\n");

    // The command line wins: --deny warnings for CI.
    std::fs::remove_file(dir.join("journey.toml")).unwrap();
    let out = journeyc(&["check", "--deny", "warnings", "--format", "short"], &dir);
    assert_eq!(out.status.code(), Some(1));
    let out = journeyc(
        &[
            "check",
            "-A",
            "touchpoint-without-owner",
            "--format",
            "short",
        ],
        &dir,
    );
    assert_eq!(stdout(&out), "no problems in 2 files\n");
    let out = journeyc(&["check", "-D", "touchpoint-without-ownr"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("did you mean `touchpoint-without-owner`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn problems_in_journey_toml_point_into_it() {
    let dir = workspace(
        "bad-toml",
        &[
            ("personas.journey", PERSONAS),
            ("main.journey", WARNING_ONLY),
            (
                "journey.toml",
                "[format]\nindent = 2\n\n[checks]\ntouchpoint-without-ownr = \"deny\"\n",
            ),
        ],
    );
    let out = journeyc(&["check", "--format", "short"], &dir);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("journey.toml:5:1: error[J0602]: unknown check `touchpoint-without-ownr` in journey.toml"),
        "{text}"
    );
}

#[test]
fn config_is_found_above_the_checked_path_and_the_workspace_is_context() {
    let dir = workspace(
        "discover",
        &[
            ("journey.toml", "[workspace]\nexclude = [\"drafts\"]\n"),
            ("personas.journey", PERSONAS),
            // No import: the persona is found because the whole workspace is read.
            ("phases/x.journey", "phase x \"X\" {\n  message \"Reliable bikes at your door\"\n  touchpoint t \"T\" {\n    owner team\n    serves p\n  }\n}\n"),
            ("drafts/broken.journey", "persona \"unterminated\n"),
        ],
    );
    let out = journeyc(
        &["check", "x.journey", "--format", "short"],
        &dir.join("phases"),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(stdout(&out), "no problems in 1 file\n");
    // The whole workspace from inside a folder; the draft is excluded.
    let out = journeyc(&["check", "--format", "short"], &dir.join("phases"));
    assert_eq!(stdout(&out), "no problems in 2 files\n");
    // Named explicitly, an excluded file is checked.
    let out = journeyc(
        &["check", "drafts/broken.journey", "--format", "short"],
        &dir,
    );
    assert_eq!(out.status.code(), Some(1));
    // --no-config: just the folder, where `p` is not defined.
    let out = journeyc(
        &["check", "--no-config", ".", "--format", "short"],
        &dir.join("phases"),
    );
    assert!(
        stdout(&out).contains("error[J0304]: undefined persona `p`"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn imported_files_are_read_from_disk() {
    let dir = workspace(
        "imports",
        &[
            ("personas.journey", PERSONAS),
            (
                "sub/main.journey",
                &WARNING_ONLY.replace("\"personas.journey\"", "\"../personas.journey\""),
            ),
        ],
    );
    // Without a journey.toml the workspace is the folder checked, `sub`:
    // the import leads outside it and is not read.
    let out = journeyc(&["check", "sub/main.journey", "--format", "short"], &dir);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains(
            "sub/main.journey:1:8: error[J0310]: `../personas.journey` is outside the workspace"
        ),
        "{text}"
    );
    // A journey.toml above makes its folder the workspace.
    std::fs::write(dir.join("journey.toml"), "").unwrap();
    let out = journeyc(&["check", "sub/main.journey", "--format", "short"], &dir);
    let text = stdout(&out);
    assert!(
        !text.contains("J0304") && !text.contains("J0310"),
        "the persona comes from the import: {text}"
    );
    assert!(
        text.ends_with("1 warning in 2 files (1 imported)\n"),
        "{text}"
    );
    let out = journeyc(
        &["check", "personas.journey", "--format", "short"],
        &dir.join("sub"),
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "a missing path is a usage error"
    );
}

#[test]
fn report_can_be_written_to_a_file() {
    let dir = workspace(
        "output",
        &[("personas.journey", PERSONAS), ("main.journey", BROKEN)],
    );
    let out = journeyc(&["check", "--format", "sarif", "-o", "report.sarif"], &dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
    let log: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("report.sarif")).unwrap()).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn explain_covers_every_code() {
    let dir = std::env::temp_dir();
    let list = stdout(&journeyc(&["explain"], &dir));
    for line in list.lines() {
        let code = line.split_whitespace().next().unwrap();
        let out = journeyc(&["explain", code], &dir);
        assert_eq!(out.status.code(), Some(0), "{code}");
        let text = stdout(&out);
        assert!(text.len() > 200, "{code} has a short explanation:\n{text}");
    }
    let text = stdout(&journeyc(&["explain", "touchpoint-without-kpi"], &dir));
    assert!(text.contains("default severity: off"), "{text}");
}
