//! The `journeyc` binary end to end: exit codes, output formats, positions.

mod common;
use common::{journeyc, repo, stdout, temp_dir};

#[test]
fn examples_check_clean() {
    let out = journeyc(&["check", "examples", "--color", "never"], &repo());
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("in "), "summary line expected");
}

#[test]
fn three_independent_errors_are_all_reported() {
    let case = repo().join("tests/corpus/syntax/three_errors_in_three_blocks.journey");
    let dir = temp_dir("three");
    // The case without its expectation comments, so the lines are as shown.
    let source: String = std::fs::read_to_string(&case)
        .expect("case")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(dir.join("broken.journey"), source).expect("write");
    let out = journeyc(&["check", "broken.journey", "--format", "short"], &dir);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("broken.journey:"))
        .collect();
    assert_eq!(
        lines,
        [
            "broken.journey:3:12: error[J0102]: this string is not closed before the end of the line",
            "broken.journey:8:37: error[J0109]: `50000 %` has a percent sign after the number",
            "broken.journey:15:39: error[J0104]: a comma must be followed by another value",
        ]
    );
    assert!(text.ends_with("3 errors in 1 file\n"), "{text}");

    // The human rendering names each place as path:line:col with its code.
    let human = stdout(&journeyc(
        &["check", "broken.journey", "--color", "never"],
        &dir,
    ));
    for needle in [
        "[J0102]",
        "broken.journey:3:12",
        "[J0109]",
        "broken.journey:8:37",
        "[J0104]",
        "broken.journey:15:39",
    ] {
        assert!(human.contains(needle), "missing {needle} in\n{human}");
    }
}

#[test]
fn json_positions_count_characters_and_utf16_units() {
    let dir = temp_dir("json");
    // "Grüße 🎉 aus Köln" puts an umlaut, a sharp s and an emoji before the error.
    let src = "phase p \"P\" {\n  message \"Grüße 🎉 aus Köln\" %\n}\n";
    std::fs::write(dir.join("u.journey"), src).expect("write");
    let out = journeyc(&["check", "u.journey", "--format", "json"], &dir);
    assert_eq!(out.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    let diags = doc["diagnostics"].as_array().expect("array");
    let d = diags
        .iter()
        .find(|d| d["code"] == "J0101")
        .expect("the % is reported");
    assert_eq!(d["name"], "invalid-character");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["path"], "u.journey");
    let offset = src.find('%').unwrap();
    assert_eq!(d["start"]["offset"], offset);
    assert_eq!(d["start"]["line"], 2);
    // 2 spaces + `message "Grüße 🎉 aus Köln" ` = 29 characters before `%`.
    assert_eq!(d["start"]["column"], 30);
    // The emoji is two UTF-16 units.
    assert_eq!(d["start"]["utf16_column"], 31);
    assert_eq!(d["end"]["column"], 31);
    assert_eq!(d["labels"][0]["primary"], true);
    assert_eq!(d["labels"][0]["message"], "not part of the language");
    assert!(d["fixes"].is_array());
    assert!(doc["summary"]["errors"].as_u64().unwrap() >= 1);
    assert_eq!(doc["summary"]["files"], 1);
}

#[test]
fn fixes_appear_in_json() {
    let dir = temp_dir("fixes");
    std::fs::write(
        dir.join("f.journey"),
        "persona p \"P\" {\n  neds \"x\"\n}\n",
    )
    .expect("write");
    let out = journeyc(&["check", ".", "--format", "json"], &dir);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    let d = doc["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .find(|d| d["code"] == "J0201")
        .expect("the unknown keyword is reported");
    let edit = &d["fixes"][0]["edits"][0];
    assert_eq!(edit["new_text"], "needs");
    assert_eq!(edit["start"]["line"], 2);
    assert_eq!(edit["start"]["column"], 3);
}

#[test]
fn unreadable_paths_and_empty_directories_exit_2() {
    let dir = temp_dir("usage");
    let out = journeyc(&["check", "does-not-exist.journey"], &dir);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("does-not-exist.journey"), "{err}");

    let out = journeyc(&["check"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no .journey files"));

    let out = journeyc(&["check", "--format", "yaml"], &dir);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn non_utf8_file_is_reported_with_its_path() {
    let dir = temp_dir("latin1");
    std::fs::write(
        dir.join("alt.journey"),
        b"persona p \"Gesch\xe4ftsf\xfchrerin\" {\n  evidence \"5 interviews\"\n}\n",
    )
    .expect("write");
    let out = journeyc(&["check", "alt.journey", "--format", "short"], &dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).starts_with("alt.journey:1:17: error[J0001]: the file is not valid UTF-8"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn colour_only_when_asked() {
    let dir = temp_dir("colour");
    std::fs::write(
        dir.join("c.journey"),
        "persona p \"P\" {\n  neds \"x\"\n}\n",
    )
    .expect("write");
    let plain = stdout(&journeyc(&["check", "c.journey", "--color", "never"], &dir));
    assert!(!plain.contains('\u{1b}'));
    let coloured = stdout(&journeyc(
        &["check", "c.journey", "--color", "always"],
        &dir,
    ));
    assert!(coloured.contains('\u{1b}'));
    // Not a terminal: auto means no colour.
    let auto = stdout(&journeyc(&["check", "c.journey"], &dir));
    assert!(!auto.contains('\u{1b}'));
}

#[test]
fn explain_known_and_unknown_codes() {
    let out = journeyc(&["explain", "J0102"], &repo());
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("unterminated-string"));
    let by_name = journeyc(&["explain", "unterminated-string"], &repo());
    assert_eq!(stdout(&by_name), stdout(&out));

    let out = journeyc(&["explain", "unterminated-strin"], &repo());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `unterminated-string`"));

    let list = stdout(&journeyc(&["explain"], &repo()));
    assert!(list.lines().count() >= 17);
}

#[test]
fn version_and_help() {
    let out = journeyc(&["--version"], &repo());
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).starts_with("journeyc "));
    let out = journeyc(&["check", "--help"], &repo());
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("--format"));
}
