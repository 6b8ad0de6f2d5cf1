//! `journeyc export` end to end: formats, refusal with the checker's
//! report, files written atomically, hostile values escaped.

use std::path::Path;
use std::process::Output;

mod common;
use common::{journeyc, repo, stderr, stdout, temp_dir};

#[test]
fn every_format_of_every_example_exports() {
    for example in ["b2b-saas", "retail", "subscription-loop"] {
        let path = format!("examples/{example}");
        for format in ["json", "markdown", "html", "mermaid", "csv"] {
            let out = journeyc(
                &["export", "--no-config", "--format", format, &path],
                &repo(),
            );
            assert_eq!(
                out.status.code(),
                Some(0),
                "{example} {format}: {}",
                stderr(&out)
            );
            assert!(!out.stdout.is_empty(), "{example} {format}: empty");
        }
    }
}

#[test]
fn json_has_the_schema_version_and_phases_in_journey_order() {
    let out = journeyc(
        &[
            "export",
            "--no-config",
            "-f",
            "json",
            "examples/subscription-loop",
        ],
        &repo(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert_eq!(v["schema_version"], 1);
    let phases: Vec<&str> = v["phases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        phases,
        [
            "impulse",
            "discovery",
            "initiation",
            "experience",
            "recommendation"
        ]
    );
    assert_eq!(v["journeys"][0]["loop"]["to"], "impulse");
    let loc = &v["phases"][0]["location"];
    assert_eq!(loc["path"], "examples/subscription-loop/spoke.journey");
    assert!(loc["start"]["line"].as_u64().unwrap() > 1);
}

#[test]
fn a_workspace_with_errors_is_refused_with_the_checkers_findings() {
    let dir = temp_dir("broken");
    std::fs::write(
        dir.join("broken.journey"),
        "journey j \"J\" {\n    phases nowhere\n}\n",
    )
    .unwrap();
    let check = journeyc(&["check", "--color", "never", "."], &dir);
    assert_eq!(check.status.code(), Some(1));
    let out = journeyc(
        &["export", "--no-config", "-f", "html", "-o", "map.html", "."],
        &dir,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(out.stdout.is_empty(), "nothing on stdout");
    assert!(!dir.join("map.html").exists(), "no file written");
    let err = stderr(&out);
    // Every line of the checker's report is in the refusal.
    for line in stdout(&check).lines().filter(|l| !l.trim().is_empty()) {
        assert!(err.contains(line), "missing `{line}` in:\n{err}");
    }
    assert!(err.contains("nothing exported"), "{err}");
}

#[test]
fn output_file_is_written_whole_and_nothing_else_is_left() {
    let dir = temp_dir("output");
    let target = dir.join("map.csv");
    let out = journeyc(
        &[
            "export",
            "--no-config",
            "-f",
            "csv",
            "-o",
            target.to_str().unwrap(),
            repo().join("examples/retail").to_str().unwrap(),
        ],
        &dir,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let text = std::fs::read_to_string(&target).unwrap();
    assert!(text.starts_with("journey,phase_id,phase_title,phase_kind,touchpoint_id"));
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["map.csv"], "no temporary file left behind");
}

#[test]
fn unknown_format_is_a_usage_error() {
    let out = journeyc(&["export", "-f", "pdf", "examples"], &repo());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("pdf"));
}

#[test]
fn missing_path_is_a_usage_error() {
    let out = journeyc(
        &["export", "--no-config", "-f", "json", "no/such/dir"],
        &repo(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no/such/dir"), "{}", stderr(&out));
}

#[test]
fn hostile_values_are_text_in_html_and_remaining_findings_are_listed() {
    let out = journeyc(
        &[
            "export",
            "--no-config",
            "-f",
            "html",
            "tests/export/fixtures/hostile",
        ],
        &repo(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = stdout(&out);
    assert!(!html.contains("<script"), "a script element");
    assert!(!html.contains("<img"), "an img element");
    assert!(!html.contains("<svg onload"));
    assert!(html.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"));
    assert!(html.contains("&quot;&gt;&lt;img src=x onerror="));
    assert!(html.contains("Content-Security-Policy"));
    // The fixture keeps a pain-point warning: listed on the page and noted.
    assert!(html.contains("Findings of journeyc check"));
    assert!(html.contains("J0413"), "the warning's code");
    assert!(stderr(&out).contains("below error severity remain"));
}

#[test]
fn hostile_values_cannot_break_the_markdown_table() {
    let md = stdout(&journeyc(
        &[
            "export",
            "--no-config",
            "-f",
            "markdown",
            "tests/export/fixtures/hostile",
        ],
        &repo(),
    ));
    assert!(!md.contains("<script"));
    for line in md.lines().filter(|l| l.starts_with("| **")) {
        // Unescaped pipes would add columns: header has 1 + 2 phases.
        let cells = line.replace("\\|", "").matches('|').count();
        assert_eq!(cells, 4, "{line}");
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn journey_ids(out: &Output) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(&stdout(out)).expect("valid JSON");
    v["journeys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| j["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_journey_toml_workspace_exports_whole_or_the_named_part() {
    let dir = temp_dir("workspace");
    copy_dir(&repo().join("examples/retail"), &dir.join("retail"));
    copy_dir(
        &repo().join("examples/subscription-loop"),
        &dir.join("loop"),
    );
    std::fs::write(
        dir.join("journey.toml"),
        "[workspace]\ninclude = [\"**/*.journey\"]\n",
    )
    .unwrap();

    let whole = journeyc(&["export", "-f", "json"], &dir);
    assert_eq!(whole.status.code(), Some(0), "{}", stderr(&whole));
    let mut ids = journey_ids(&whole);
    ids.sort();
    assert_eq!(ids, ["gipfelglück", "spoke"]);

    let part = journeyc(&["export", "-f", "json", "loop"], &dir);
    assert_eq!(part.status.code(), Some(0), "{}", stderr(&part));
    assert_eq!(journey_ids(&part), ["spoke"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&part)).unwrap();
    for p in v["phases"].as_array().unwrap() {
        assert_eq!(p["journeys"][0], "spoke", "only the loop's phases");
    }

    // Two journeys: the Markdown has a map for each, the CSV names them.
    let md = stdout(&journeyc(&["export", "-f", "markdown"], &dir));
    assert_eq!(md.matches("## Journey map").count(), 2);
    let csv_text = stdout(&journeyc(&["export", "-f", "csv"], &dir));
    assert!(csv_text.contains("\r\ngipfelglück,") && csv_text.contains("\r\nspoke,"));
}

#[test]
fn journey_toml_levels_apply_as_in_check() {
    let dir = temp_dir("levels");
    copy_dir(&repo().join("tests/export/fixtures/hostile"), &dir);
    // The fixture keeps a pain-point warning; denying warnings refuses.
    std::fs::write(dir.join("journey.toml"), "[checks]\nwarnings = \"deny\"\n").unwrap();
    let check = journeyc(&["check", "--color", "never"], &dir);
    assert_eq!(check.status.code(), Some(1), "{}", stdout(&check));
    let out = journeyc(&["export", "-f", "csv"], &dir);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    // The refusal shows every finding the check shows.
    let report = stdout(&check);
    let errors: Vec<&str> = report.lines().filter(|l| l.contains("] Error:")).collect();
    assert!(!errors.is_empty(), "{}", stdout(&check));
    for line in errors {
        assert!(stderr(&out).contains(line.trim()), "missing `{line}`");
    }
    assert!(stderr(&out).contains("J0413"), "{}", stderr(&out));
    // Without the configuration the same files export, unless the command
    // line denies warnings as `journeyc check -D warnings` would.
    let out = journeyc(&["export", "--no-config", "-f", "csv"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = journeyc(
        &["export", "--no-config", "-D", "warnings", "-f", "csv"],
        &dir,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let out = journeyc(&["export", "-A", "warnings", "-f", "csv"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = journeyc(&["export", "-D", "no-such-check", "-f", "csv"], &dir);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

/// `-o FILE`: a new file gets ordinary permissions, a replaced one keeps
/// its own (and stays the file a link points to); a folder or read-only
/// file in the way is an error that names it, and nothing is written.
#[cfg(unix)]
#[test]
fn output_files_get_ordinary_permissions_and_keep_their_own() {
    use common::{chmod, journeyc_with_umask, mode};
    let dir = temp_dir("export-perms");
    let example = repo().join("examples/b2b-saas");
    let example = example.to_str().unwrap();
    let out = journeyc_with_umask(
        "022",
        &["export", "-f", "json", "-o", "new.json", example],
        &dir,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(mode(&dir.join("new.json")), 0o644);

    std::fs::write(dir.join("kept.json"), "old").unwrap();
    chmod(&dir.join("kept.json"), 0o600);
    std::os::unix::fs::symlink("kept.json", dir.join("link.json")).unwrap();
    let out = journeyc_with_umask(
        "022",
        &["export", "-f", "json", "-o", "link.json", example],
        &dir,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(mode(&dir.join("kept.json")), 0o600);
    assert!(std::fs::read_to_string(dir.join("kept.json"))
        .unwrap()
        .starts_with('{'));
    assert!(std::fs::symlink_metadata(dir.join("link.json"))
        .unwrap()
        .file_type()
        .is_symlink());

    std::fs::create_dir(dir.join("folder.json")).unwrap();
    let out = journeyc(
        &["export", "-f", "json", "-o", "folder.json", example],
        &dir,
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: `folder.json` is a folder, not a file\n"
    );

    std::fs::write(dir.join("ro.json"), "old").unwrap();
    chmod(&dir.join("ro.json"), 0o444);
    let out = journeyc(&["export", "-f", "json", "-o", "ro.json", example], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out), "error: `ro.json` is read-only\n");
    assert_eq!(std::fs::read_to_string(dir.join("ro.json")).unwrap(), "old");
    assert_eq!(
        common::names(&dir),
        [
            "folder.json",
            "kept.json",
            "link.json",
            "new.json",
            "ro.json"
        ]
    );
}
