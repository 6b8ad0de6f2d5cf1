//! `journeyc check --fix` and `--fix --dry-run` end to end: the fixes the
//! findings carry, applied round after round, written back safely, and
//! the report of what remains.

use std::path::Path;
use std::process::Output;
use std::time::{Duration, SystemTime};

mod common;
use common::{journeyc, stderr, stdout, temp_dir};

/// Five mistakes with one fix each: an identifier where a text belongs,
/// a quoted identifier, a decimal comma with a percent sign, a `//`
/// comment and a misspelt keyword.
const MISTAKES: &str = r#"journey j "J" {
  sponsor "Kim Weber, COO"
  value "Measurable marketing for small teams"
  phases awareness
}

persona founder "Founder" {
  role Founder
  evidence "12 interviews"
}

phase awareness "Awareness" {
  kind "awareness"
  message "Measurable marketing for small teams"
  kpi reach "Reach" target 4,5%
  // the first touchpoint
  toucpoint post "Post" {
    channel social
    owner marketing
    serves founder
    says "Measurable marketing for small teams in 14 days"
    expectation 3
    experience 3
  }
}
"#;

const FIXED: &str = r#"journey j "J" {
  sponsor "Kim Weber, COO"
  value "Measurable marketing for small teams"
  phases awareness
}

persona founder "Founder" {
  role "Founder"
  evidence "12 interviews"
}

phase awareness "Awareness" {
  kind awareness
  message "Measurable marketing for small teams"
  kpi reach "Reach" target 4.5 unit "%"
  # the first touchpoint
  touchpoint post "Post" {
    channel social
    owner marketing
    serves founder
    says "Measurable marketing for small teams in 14 days"
    expectation 3
    experience 3
  }
}
"#;

/// The mistakes of a first-time writer, each one error with one fix: a
/// name with a hyphen (defined and listed), German keywords and values,
/// typographic quotes, a decimal comma with a percent sign, a missing `}`
/// before a definition at the start of a line and one before an indented
/// definition, and a German date.
const FIRST_TIME: &str = r#"journey j "J" {
  sponsor "Kim Weber, COO"
  value "Schnell geliefert, sicher bezahlt"
  phases suchen, after-sales
}

persona kunde "Kunde" {
  role "Käuferin"
  evidence "12 Interviews"
  bedürfnisse "schnelle Lieferung"
}

phase suchen "Suchen" {
  kind consideration
  frage "Kommt es rechtzeitig an?"
  message „Schnell geliefert“
  kpi ctr "Klickrate" target 4,5%
  touchpoint web "Website" {
    kanal web
    owner marketing
    serves kunde
    says "Schnell geliefert, sicher bezahlt"
    monitored ja
    importance hoch
    expectation 3
    experience 3
}

phase after-sales "After sales" {
  kind loyalty
  message "Sicher bezahlt"
  touchpoint mail "Mail" {
    channel email
    owner service
    serves kunde
    says "Sicher bezahlt, schnell geliefert"
    expectation 3
    experience 3
  touchpoint shop "Filiale" {
    channel store
    owner vertrieb
    serves kunde
    says "Sicher bezahlt, schnell geliefert"
    expectation 3
    experience 3
  }
}

goal abos "Abonnements" {
  metric "Umsatz aus Abonnements" current 800 target 1500 by 31.12.2027.
  actor kunde {
    impact bestellt "Bestellt ein Abonnement" {
      kpi "Neue Abonnements" target 60 unit "pro Monat"
      via web, mail, shop
    }
  }
}
"#;

const FIRST_TIME_FIXED: &str = r#"journey j "J" {
  sponsor "Kim Weber, COO"
  value "Schnell geliefert, sicher bezahlt"
  phases suchen, after_sales
}

persona kunde "Kunde" {
  role "Käuferin"
  evidence "12 Interviews"
  needs "schnelle Lieferung"
}

phase suchen "Suchen" {
  kind consideration
  question "Kommt es rechtzeitig an?"
  message "Schnell geliefert"
  kpi ctr "Klickrate" target 4.5 unit "%"
  touchpoint web "Website" {
    channel web
    owner marketing
    serves kunde
    says "Schnell geliefert, sicher bezahlt"
    monitored yes
    importance high
    expectation 3
    experience 3
  }
}

phase after_sales "After sales" {
  kind loyalty
  message "Sicher bezahlt"
  touchpoint mail "Mail" {
    channel email
    owner service
    serves kunde
    says "Sicher bezahlt, schnell geliefert"
    expectation 3
    experience 3
  }
  touchpoint shop "Filiale" {
    channel store
    owner vertrieb
    serves kunde
    says "Sicher bezahlt, schnell geliefert"
    expectation 3
    experience 3
  }
}

goal abos "Abonnements" {
  metric "Umsatz aus Abonnements" current 800 target 1500 by 2027-12-31
  actor kunde {
    impact bestellt "Bestellt ein Abonnement" {
      kpi "Neue Abonnements" target 60 unit "pro Monat"
      via web, mail, shop
    }
  }
}
"#;

/// The misspelt keyword hides a block whose statements are wrong too:
/// fixed, the file would have two syntax errors instead of one.
const HIDDEN_ERRORS: &str =
    "phase p \"P\" {\n  message \"M\"\n  toucpoint t \"T\" {\n    foo 1\n    bar 2\n  }\n}\n";

/// `1,500` has two fixes, 1.5 and 1500: a person has to choose.
const CHOICE: &str = "journey k \"K\" {\n  sponsor \"Kim Weber, COO\"\n  value \"V\"\n  phases q\n}\nphase q \"Q\" {\n  message \"V\"\n  kpi c \"C\" target 1,500\n}\n";

/// A file without findings.
const CLEAN: &str = "persona p \"P\" {\n  role \"Buyer\"\n  evidence \"5 interviews\"\n}\n";

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

fn codes(out: &Output) -> Vec<String> {
    stdout(out)
        .lines()
        .filter_map(|l| l.split_once("[J").map(|(_, r)| format!("J{}", &r[..4])))
        .collect()
}

fn modified(path: &Path) -> SystemTime {
    std::fs::metadata(path).unwrap().modified().unwrap()
}

/// Sets the modification time an hour back, so that a rewrite shows.
fn age(path: &Path) -> SystemTime {
    let then = SystemTime::now() - Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(then)
        .unwrap();
    modified(path)
}

#[test]
fn several_mistakes_are_fixed_to_a_file_check_finds_clean() {
    let dir = temp_dir("fix-mistakes");
    let file = dir.join("a.journey");
    std::fs::write(&file, MISTAKES).unwrap();
    let before = journeyc(&["check", "--format", "short"], &dir);
    assert_eq!(before.status.code(), Some(1));
    let found = codes(&before);
    for code in ["J0203", "J0109", "J0101", "J0201"] {
        assert!(found.iter().any(|c| c == code), "{}", stdout(&before));
    }

    let out = journeyc(&["check", "--fix", "--color", "never"], &dir);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), FIXED);
    assert_eq!(stdout(&out), "no problems in 1 file\n");
    assert_eq!(stderr(&out), "fixed 5 problems in 1 file (0 remaining)\n");

    let after = journeyc(&["check", "--color", "never"], &dir);
    assert_eq!(after.status.code(), Some(0), "{}", stdout(&after));
    assert_eq!(stdout(&after), "no problems in 1 file\n");
    // Nothing else was left in the folder.
    assert_eq!(common::names(&dir), ["a.journey"]);

    // A second run has nothing to do and writes nothing.
    let then = age(&file);
    let again = journeyc(&["check", "--fix"], &dir);
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(
        stderr(&again),
        "nothing to fix automatically (0 remaining)\n"
    );
    assert_eq!(modified(&file), then);
}

#[test]
fn a_first_time_writers_mistakes_are_one_error_each_and_fixed_to_a_clean_file() {
    let dir = temp_dir("fix-first-time");
    let file = dir.join("a.journey");
    std::fs::write(&file, FIRST_TIME).unwrap();
    let before = journeyc(&["check", "--format", "short"], &dir);
    assert_eq!(before.status.code(), Some(1));
    let mut found = codes(&before);
    found.sort();
    assert_eq!(
        found,
        [
            "J0101", "J0101", "J0101", "J0105", "J0105", "J0109", "J0110", "J0201", "J0201",
            "J0201", "J0203", "J0308"
        ],
        "{}",
        stdout(&before)
    );

    let out = journeyc(&["check", "--fix", "--color", "never"], &dir);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), FIRST_TIME_FIXED);
    assert_eq!(stdout(&out), "no problems in 1 file\n");
    assert_eq!(stderr(&out), "fixed 12 problems in 1 file (0 remaining)\n");

    let after = journeyc(&["check", "--color", "never"], &dir);
    assert_eq!(after.status.code(), Some(0), "{}", stdout(&after));
}

#[test]
fn dry_run_writes_nothing_and_shows_the_diff() {
    let dir = temp_dir("fix-dry-run");
    let file = dir.join("a.journey");
    std::fs::write(&file, MISTAKES).unwrap();
    let then = age(&file);
    let out = journeyc(&["check", "--fix", "--dry-run", "--color", "never"], &dir);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(read(&file), MISTAKES.as_bytes());
    assert_eq!(modified(&file), then);
    let diff = stdout(&out);
    assert!(
        diff.starts_with("--- a/a.journey\n+++ b/a.journey\n@@ "),
        "{diff}"
    );
    for (old, new) in [
        ("  role Founder", "  role \"Founder\""),
        ("  kind \"awareness\"", "  kind awareness"),
        (
            "  toucpoint post \"Post\" {",
            "  touchpoint post \"Post\" {",
        ),
    ] {
        assert!(diff.contains(&format!("\n-{old}\n")), "{diff}");
        assert!(diff.contains(&format!("\n+{new}\n")), "{diff}");
    }
    assert_eq!(
        stderr(&out),
        "would fix 5 problems in 1 file (0 remaining)\n"
    );
    // The diff is what --fix writes: its new lines are the fixed file's.
    for added in diff
        .lines()
        .filter(|l| l.starts_with('+') && !l.starts_with("+++"))
    {
        assert!(FIXED.lines().any(|l| l == &added[1..]), "{added}");
    }

    // --diff is the same.
    let alias = journeyc(&["check", "--fix", "--diff", "--color", "never"], &dir);
    assert_eq!(alias.status.code(), Some(1));
    assert_eq!(stdout(&alias), diff);
    assert_eq!(read(&file), MISTAKES.as_bytes());

    // Nothing to change: no diff, exit 0.
    std::fs::write(&file, CLEAN).unwrap();
    let out = journeyc(&["check", "--fix", "--dry-run"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
}

#[test]
fn dry_run_needs_fix_and_prints_only_the_diff() {
    let dir = temp_dir("fix-usage");
    std::fs::write(dir.join("a.journey"), MISTAKES).unwrap();
    let out = journeyc(&["check", "--dry-run"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--fix"), "{}", stderr(&out));
    for extra in [["--format", "json"], ["-o", "report.txt"]] {
        let mut args = vec!["check", "--fix", "--dry-run"];
        args.extend(extra);
        let out = journeyc(&args, &dir);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).contains("cannot be used with"),
            "{}",
            stderr(&out)
        );
    }
    assert_eq!(read(&dir.join("a.journey")), MISTAKES.as_bytes());
    assert_eq!(common::names(&dir), ["a.journey"]);
}

#[test]
fn a_file_whose_fixes_add_syntax_errors_is_left_alone() {
    let dir = temp_dir("fix-refused");
    std::fs::write(dir.join("b.journey"), HIDDEN_ERRORS).unwrap();
    let persona = CLEAN.replace("role \"Buyer\"", "role Buyer");
    std::fs::write(dir.join("a.journey"), &persona).unwrap();
    let then = age(&dir.join("b.journey"));
    let out = journeyc(&["check", "--fix", "--format", "short"], &dir);
    // The error in b.journey remains.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(read(&dir.join("b.journey")), HIDDEN_ERRORS.as_bytes());
    assert_eq!(modified(&dir.join("b.journey")), then);
    // The other file is fixed all the same.
    assert_eq!(
        std::fs::read_to_string(dir.join("a.journey")).unwrap(),
        CLEAN
    );
    let check = journeyc(&["check", "--format", "short"], &dir);
    assert_eq!(stdout(&out), stdout(&check));
    let remaining = codes(&check);
    assert!(remaining.contains(&"J0201".to_string()), "{remaining:?}");
    assert_eq!(
        stderr(&out),
        format!(
            "warning: `b.journey` is not fixed: its fixes would leave 2 syntax errors where it has 1; fix it by hand\n\
             fixed 1 problem in 1 file ({} remaining)\n",
            remaining.len()
        )
    );
    // A dry run refuses it the same way: no diff.
    let dry = journeyc(&["check", "--fix", "--dry-run", "b.journey"], &dir);
    assert_eq!(dry.status.code(), Some(0), "{}", stderr(&dry));
    assert_eq!(stdout(&dry), "");
    assert!(
        stderr(&dry).contains("`b.journey` is not fixed"),
        "{}",
        stderr(&dry)
    );
}

/// Fixes that choose for the writer — a legal basis, `monitored` — are
/// offered in the editor but left alone by `--fix`, which says so.
#[test]
fn fixes_that_guess_are_left_to_a_person() {
    let dir = temp_dir("fix-guesses");
    let file = dir.join("c.journey");
    let src = "persona c \"C\" {\n  evidence \"e\"\n}\nphase p \"P\" {\n  message \"M\"\n  touchpoint t \"T\" {\n    serves c\n    owner sales\n    importance high; collects \"email\"\n  }\n}\n";
    std::fs::write(&file, src).unwrap();
    let json = journeyc(&["check", "--format", "json"], &dir);
    let report: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    let offered = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["fixes"].as_array().is_some_and(|f| f.len() == 1))
        .count();
    assert_eq!(offered, 2, "the editor offers both: {report:#}");

    let out = journeyc(&["check", "--fix", "--color", "never"], &dir);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), src);
    assert_eq!(
        stderr(&out),
        "nothing to fix automatically (2 remaining)\n",
        "{}",
        stdout(&out)
    );
}

#[test]
fn crlf_and_the_byte_order_mark_are_kept() {
    let dir = temp_dir("fix-crlf");
    let file = dir.join("c.journey");
    let src = "\u{FEFF}persona c \"C\" {\r\n  role Founder\r\n  evidence \"e\"\r\n}\r\nphase p \"P\" {\r\n  message \"M\"\r\n  touchpoint t \"T\" {\r\n    serves c\r\n    owner sales\r\n  }\r\n}\r\n";
    std::fs::write(&file, src).unwrap();
    let out = journeyc(&["check", "--fix"], &dir);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "\u{FEFF}persona c \"C\" {\r\n  role \"Founder\"\r\n  evidence \"e\"\r\n}\r\nphase p \"P\" {\r\n  message \"M\"\r\n  touchpoint t \"T\" {\r\n    serves c\r\n    owner sales\r\n  }\r\n}\r\n"
    );
}

#[test]
fn files_with_nothing_to_fix_are_not_rewritten() {
    let dir = temp_dir("fix-untouched");
    std::fs::write(dir.join("a.journey"), MISTAKES).unwrap();
    std::fs::write(dir.join("clean.journey"), CLEAN).unwrap();
    std::fs::write(dir.join("choice.journey"), CHOICE).unwrap();
    let clean = dir.join("clean.journey");
    let choice_file = dir.join("choice.journey");
    let (clean_then, choice_then) = (age(&clean), age(&choice_file));
    let out = journeyc(&["check", "--fix", "--format", "short"], &dir);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(read(&clean), CLEAN.as_bytes());
    assert_eq!(modified(&clean), clean_then);
    assert_eq!(read(&choice_file), CHOICE.as_bytes());
    assert_eq!(modified(&choice_file), choice_then);
    assert!(
        stdout(&out).contains("choice.journey:8:20: error[J0109]"),
        "{}",
        stdout(&out)
    );
    assert!(
        stderr(&out).starts_with("fixed 5 problems in 1 file ("),
        "{}",
        stderr(&out)
    );
}

/// The report after fixing is the report `journeyc check` gives for the
/// fixed files, in every format, with its exit code.
#[test]
fn the_report_is_checks_report_of_the_fixed_files() {
    for format in ["human", "json", "sarif", "short", "github"] {
        let dir = temp_dir(&format!("fix-report-{format}"));
        std::fs::write(dir.join("a.journey"), MISTAKES).unwrap();
        std::fs::write(dir.join("choice.journey"), CHOICE).unwrap();
        let out = journeyc(&["check", "--fix", "--format", format], &dir);
        let check = journeyc(&["check", "--format", format], &dir);
        assert_eq!(stdout(&out), stdout(&check), "{format}");
        assert_eq!(out.status.code(), check.status.code(), "{format}");
        assert_eq!(out.status.code(), Some(1), "{format}");
        assert_eq!(
            std::fs::read_to_string(dir.join("a.journey")).unwrap(),
            FIXED
        );
    }
    // -o writes the report to a file, the closing line stays on stderr.
    let dir = temp_dir("fix-report-output");
    std::fs::write(dir.join("a.journey"), MISTAKES).unwrap();
    let out = journeyc(
        &["check", "--fix", "--format", "json", "-o", "r.json"],
        &dir,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("r.json")).unwrap()).unwrap();
    assert_eq!(report["diagnostics"].as_array().unwrap().len(), 0);
    assert_eq!(stderr(&out), "fixed 5 problems in 1 file (0 remaining)\n");
}

/// journey.toml is never rewritten, nor a file read from a shared folder
/// outside the workspace (`import_roots`).
#[test]
fn only_journey_files_inside_the_workspace_are_written() {
    let base = temp_dir("fix-confined");
    let (ws, shared) = (base.join("ws"), base.join("shared"));
    std::fs::create_dir_all(&ws).unwrap();
    std::fs::create_dir_all(&shared).unwrap();
    // `fromat`: an unknown key, with a fix to `format`.
    let toml = "[workspace]\nimport_roots = [\"../shared\"]\n\n[fromat]\nindent = 2\n";
    std::fs::write(ws.join("journey.toml"), toml).unwrap();
    let persona = "persona shared_p \"P\" {\n  role Founder\n  evidence \"e\"\n}\n";
    std::fs::write(shared.join("personas.journey"), persona).unwrap();
    let main = "import \"../shared/personas.journey\"\npersona p \"P\" {\n  role Buyer\n  evidence \"e\"\n}\n";
    std::fs::write(ws.join("main.journey"), main).unwrap();
    let before = journeyc(&["check", "--format", "json"], &ws);
    let report: serde_json::Value = serde_json::from_str(&stdout(&before)).unwrap();
    let fixable: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["fixes"].as_array().is_some_and(|f| f.len() == 1))
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(fixable.len(), 3, "{report:#}");
    assert!(fixable.contains(&"journey.toml"), "{report:#}");
    assert!(fixable.contains(&"main.journey"), "{report:#}");
    assert!(
        fixable
            .iter()
            .any(|p| p.ends_with("shared/personas.journey")),
        "{report:#}"
    );

    let out = journeyc(&["check", "--fix", "--format", "short"], &ws);
    assert_eq!(
        std::fs::read_to_string(ws.join("main.journey")).unwrap(),
        main.replace("role Buyer", "role \"Buyer\"")
    );
    assert_eq!(read(&ws.join("journey.toml")), toml.as_bytes());
    assert_eq!(read(&shared.join("personas.journey")), persona.as_bytes());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("journey.toml:4:2: warning[J0603]"), "{text}");
    assert!(
        text.contains("shared/personas.journey:2:8: error[J0203]"),
        "{text}"
    );
    assert_eq!(stderr(&out), "fixed 1 problem in 1 file (2 remaining)\n");
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_reported_and_left_as_it_is() {
    use common::{chmod, mode};
    let dir = temp_dir("fix-read-only");
    std::fs::write(dir.join("a.journey"), MISTAKES).unwrap();
    std::fs::write(
        dir.join("ro.journey"),
        MISTAKES.replace("journey j", "journey k"),
    )
    .unwrap();
    chmod(&dir.join("ro.journey"), 0o444);
    let out = journeyc(&["check", "--fix", "--format", "short"], &dir);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.starts_with("error: `ro.journey` is read-only and was not fixed; make it writable (`chmod u+w`) to fix it\n"),
        "{err}"
    );
    assert!(err.contains("\nfixed 5 problems in 1 file ("), "{err}");
    assert_eq!(mode(&dir.join("ro.journey")), 0o444);
    assert_eq!(
        std::fs::read_to_string(dir.join("a.journey")).unwrap(),
        FIXED
    );
    // The report is of the files as they are: ro.journey's findings remain.
    assert!(
        stdout(&out).contains("ro.journey:8:8: error[J0203]"),
        "{}",
        stdout(&out)
    );
}
