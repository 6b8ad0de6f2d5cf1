//! `journeyc init` end to end: every template in both languages gives a
//! workspace that `journeyc check` passes and `journeyc fmt --check`
//! accepts; existing files are never overwritten.

mod common;
use common::{journeyc, stderr, stdout, temp_dir};

const TEMPLATES: &[&str] = &[
    "lifecycle",
    "relationship",
    "decision-journey",
    "aida",
    "5a",
    "decision-loop",
];

#[test]
fn list_shows_every_template() {
    let dir = temp_dir("list");
    for lang in ["en", "de"] {
        let out = journeyc(&["init", "--list", "--lang", lang], &dir);
        assert_eq!(out.status.code(), Some(0));
        let text = stdout(&out);
        for t in TEMPLATES {
            assert!(
                text.lines()
                    .any(|l| l.trim_start().starts_with(&format!("{t} "))),
                "{t} missing from\n{text}"
            );
        }
        assert_eq!(text.lines().count(), TEMPLATES.len() + 1, "{text}");
    }
    // --list writes nothing.
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
}

#[test]
fn every_template_in_both_languages_checks_clean_and_is_formatted() {
    let root = temp_dir("all");
    for t in TEMPLATES {
        for lang in ["en", "de"] {
            let name = format!("{t}-{lang}");
            let out = journeyc(&["init", &name, "--template", t, "--lang", lang], &root);
            assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
            let dir = root.join(&name);
            let mut files: Vec<String> = Vec::new();
            for e in std::fs::read_dir(&dir).unwrap() {
                files.push(e.unwrap().file_name().to_string_lossy().into_owned());
            }
            files.sort();
            assert!(files.contains(&"journey.toml".to_string()), "{files:?}");
            assert_eq!(
                files.iter().filter(|f| f.ends_with(".journey")).count(),
                4,
                "{name}: {files:?}"
            );
            for f in &files {
                assert!(
                    stdout(&out).contains(f.as_str()),
                    "{name}: {f} not announced"
                );
            }

            let check = journeyc(
                &["check", ".", "--format", "short", "--color", "never"],
                &dir,
            );
            let report = stdout(&check);
            assert_eq!(check.status.code(), Some(0), "{name}:\n{report}");
            let findings: Vec<&str> = report.lines().filter(|l| l.contains("[J")).collect();
            assert!(findings.is_empty(), "{name}: findings\n{report}");

            let fmt = journeyc(&["fmt", "--check", "."], &dir);
            assert_eq!(
                fmt.status.code(),
                Some(0),
                "{name}: not formatted: {}{}",
                stdout(&fmt),
                stderr(&fmt)
            );
        }
    }
}

#[test]
fn german_templates_speak_german() {
    let root = temp_dir("de");
    let out = journeyc(
        &["init", "w", "--template", "relationship", "--lang", "de"],
        &root,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let phases = std::fs::read_to_string(root.join("w/phasen.journey")).unwrap();
    assert!(phases.contains("phase impuls \"Impuls\""), "{phases}");
    assert!(phases.contains("moment \"Die erste Begegnung"), "{phases}");
    let journey = std::fs::read_to_string(root.join("w/journey.journey")).unwrap();
    assert!(journey.contains("loop empfehlung -> impuls"), "{journey}");
    assert!(journey.contains("import \"ziele.journey\""), "{journey}");
}

#[test]
fn existing_files_are_never_overwritten() {
    let dir = temp_dir("exists");
    std::fs::write(dir.join("personas.journey"), "# mine\n").unwrap();
    let out = journeyc(&["init", ".", "--template", "aida"], &dir);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("personas.journey` already exists"), "{err}");
    assert!(err.contains("nothing was written"), "{err}");
    // Nothing was written, and the file is untouched.
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["personas.journey"]);
    assert_eq!(
        std::fs::read_to_string(dir.join("personas.journey")).unwrap(),
        "# mine\n"
    );
    // A second init into a fresh workspace refuses as a whole.
    let dir = temp_dir("twice");
    assert_eq!(journeyc(&["init"], &dir).status.code(), Some(0));
    let before = std::fs::read_to_string(dir.join("phases.journey")).unwrap();
    let out = journeyc(&["init", "--template", "5a"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("journey.toml` already exists"));
    assert_eq!(
        std::fs::read_to_string(dir.join("phases.journey")).unwrap(),
        before
    );
}

#[test]
fn an_unknown_template_gets_a_suggestion() {
    let dir = temp_dir("unknown");
    let out = journeyc(&["init", "--template", "aidaa"], &dir);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("there is no template `aidaa`; did you mean `aida`?"),
        "{err}"
    );
    assert!(err.contains("decision-loop"), "{err}");
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
}

/// The files of a new workspace are ordinary files: `0666` minus the
/// umask (`0644` under the usual one), not private `0600` ones.
#[cfg(unix)]
#[test]
fn new_files_get_ordinary_permissions() {
    use common::{journeyc_with_umask, mode};
    let dir = temp_dir("init-perms");
    for (umask, expected) in [("022", 0o644), ("077", 0o600)] {
        let out = journeyc_with_umask(umask, &["init", umask], &dir);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let names = common::names(&dir.join(umask));
        assert_eq!(names.len(), 5, "{names:?}");
        for name in names {
            assert_eq!(
                mode(&dir.join(umask).join(&name)),
                expected,
                "{umask} {name}"
            );
        }
    }
}

/// A folder where a file should go stops everything before anything is
/// written, and a new folder made for the workspace is removed again.
#[test]
fn a_folder_in_the_way_stops_init_before_anything_is_written() {
    let dir = temp_dir("init-folder");
    std::fs::create_dir_all(dir.join("ws/phases.journey")).unwrap();
    let out = journeyc(&["init", "ws"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: `ws/phases.journey` is a folder, not a file\nnothing was written\n"
    );
    assert_eq!(common::names(&dir.join("ws")), ["phases.journey"]);

    // A file where the workspace folder should be: said once.
    std::fs::write(dir.join("taken"), "mine").unwrap();
    let out = journeyc(&["init", "taken/ws"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: cannot write `taken/ws/journey.toml`: `taken` is not a folder\nnothing was written\n"
    );
    assert_eq!(common::names(&dir), ["taken", "ws"]);
}
