//! `journeyc import csv` end to end with the real binary: the round trip
//! through `journeyc export --format csv` for every example, precise
//! errors, and files that are written whole or not at all.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

mod common;
use common::{journeyc, repo, stderr, stdout, temp_dir};

#[test]
fn export_import_export_gives_the_same_table_for_every_example() {
    let dir = temp_dir("roundtrip");
    let mut names: Vec<String> = std::fs::read_dir(repo().join("examples"))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 3, "{names:?}");
    for name in &names {
        let example = repo().join("examples").join(name);
        let out = journeyc(
            &["export", "--format", "csv", example.to_str().unwrap()],
            &dir,
        );
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        let table = stdout(&out);
        std::fs::write(dir.join(format!("{name}.csv")), &table).unwrap();

        let target = format!("out-{name}");
        let out = journeyc(
            &["import", "csv", &format!("{name}.csv"), "-o", &target],
            &dir,
        );
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        assert!(stdout(&out).contains(&format!("{target}/phases.journey")));

        // The files check without errors and are canonically formatted.
        let out = journeyc(&["check", &target, "--color", "never"], &dir);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stdout(&out));
        let out = journeyc(&["fmt", "--check", &target], &dir);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stdout(&out));

        let out = journeyc(&["export", "--format", "csv", &target], &dir);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        assert_eq!(stdout(&out), table, "{name}: the table changed");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The export's header, read from the binary.
fn header(dir: &Path) -> String {
    let out = journeyc(
        &[
            "export",
            "--format",
            "csv",
            repo().join("examples/retail").to_str().unwrap(),
        ],
        dir,
    );
    stdout(&out).lines().next().unwrap().to_string()
}

#[test]
fn bad_score_unknown_phase_and_missing_column_write_nothing() {
    let dir = temp_dir("bad");
    let columns: Vec<String> = header(&dir)
        .split(',')
        .filter(|c| *c != "owner")
        .map(String::from)
        .collect();
    let row = |cells: &[(&str, &str)]| {
        columns
            .iter()
            .map(|c| {
                cells
                    .iter()
                    .find(|(k, _)| k == c)
                    .map(|(_, v)| v.to_string())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(",")
    };
    let table = format!(
        "{}\n{}\n{}\n",
        columns.join(","),
        row(&[
            ("journey", "shop"),
            ("phase_id", "awareness"),
            ("phase_kind", "awareness"),
            ("touchpoint_id", "ads"),
            ("channel", "search"),
            ("experience", "9"),
        ]),
        row(&[
            ("journey", "shop"),
            ("phase_id", "purchase"),
            ("phase_kind", "purchace"),
            ("touchpoint_id", "checkout"),
            ("channel", "web"),
        ]),
    );
    std::fs::write(dir.join("workshop.csv"), table).unwrap();
    let out = journeyc(&["import", "csv", "workshop.csv", "-o", "out"], &dir);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    assert_eq!(
        stderr(&out),
        "error: workshop.csv: row 1 (header): missing column `owner`; the header must name every column `journeyc export --format csv` writes
error: workshop.csv: row 2, column `experience` (P): `9` is outside the scale; scores are whole numbers from 1 to 5
error: workshop.csv: row 3, column `phase_kind` (D): unknown phase kind `purchace`; expected one of awareness, consideration, decision, purchase, onboarding, usage, loyalty, advocacy, offboarding, custom (did you mean `purchase`?)
error: nothing was written: 3 errors in `workshop.csv`
"
    );
    assert!(!dir.join("out").exists(), "nothing may be written");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn existing_files_need_force_and_stdin_works() {
    let dir = temp_dir("force");
    let out = journeyc(
        &[
            "export",
            "--format",
            "csv",
            repo().join("examples/subscription-loop").to_str().unwrap(),
        ],
        &dir,
    );
    let table = stdout(&out);
    std::fs::create_dir_all(dir.join("out")).unwrap();
    std::fs::write(dir.join("out/phases.journey"), "# mine\n").unwrap();

    let import_stdin = |args: &[&str]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_journeyc"))
            .args(args)
            .current_dir(&dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(table.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    let out = import_stdin(&["import", "csv", "-", "-o", "out"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "`out/phases.journey` exists already; use --force to overwrite; nothing was written"
        ),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("out/phases.journey")).unwrap(),
        "# mine\n"
    );
    let names = |d: &Path| {
        let mut v: Vec<String> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    assert_eq!(names(&dir.join("out")), ["phases.journey"]);

    let out = import_stdin(&["import", "csv", "-", "-o", "out", "--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        names(&dir.join("out")),
        ["journey.journey", "personas.journey", "phases.journey"]
    );
    let text = std::fs::read_to_string(dir.join("out/phases.journey")).unwrap();
    assert!(
        text.starts_with("# Imported from <stdin> with `journeyc import csv`."),
        "{text}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
