//! The spreadsheet bridge through the real binary: `journeyc export
//! --format xlsx` → `journeyc import xlsx` for every example and every
//! `init` template in English and German (same findings, same JSON
//! export), workshop workbooks written by openpyxl (not by journeyc),
//! and what the commands say and write.

mod common;

use common::{journeyc, repo, stderr, stdout, temp_dir};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The JSON export of `dir` (within its workspace), without what says where
/// things are written (the files and every `location`); the findings
/// sorted, since the checker reports them in file order and the imported
/// files divide the definitions differently.
fn export_json(dir: &Path) -> serde_json::Value {
    let out = journeyc(&["export", "--format", "json", "."], dir);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                m.remove("location");
                m.remove("files");
                m.values_mut().for_each(strip);
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut v);
    if let Some(serde_json::Value::Array(f)) = v.get_mut("findings") {
        f.sort_by_key(|x| x.to_string());
    }
    v
}

/// `journeyc check` of `dir` (within its workspace): every finding as code,
/// severity and message, sorted (the places differ: other files).
fn findings(dir: &Path) -> Vec<String> {
    let out = journeyc(&["check", "--format", "json", "."], dir);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let mut f: Vec<String> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| format!("{} {} {}", d["code"], d["severity"], d["message"]))
        .collect();
    f.sort();
    f
}

/// Export `src` as a workbook, import it into a fresh folder beside a
/// copy of `toml`, and compare findings and JSON export.
fn round_trip(name: &str, src: &Path, toml: &Path, lang: Option<&str>) {
    let work = temp_dir(&format!("rt-{name}"));
    let book = work.join("journey.xlsx");
    let mut args = vec![
        "export",
        "--format",
        "xlsx",
        ".",
        "-o",
        book.to_str().unwrap(),
    ];
    if let Some(l) = lang {
        args.extend(["--lang", l]);
    }
    let out = journeyc(&args, src);
    assert!(out.status.success(), "{name}: {}", stderr(&out));
    let back = work.join("back");
    std::fs::create_dir_all(&back).unwrap();
    std::fs::copy(toml, back.join("journey.toml")).unwrap();
    let out = journeyc(&["import", "xlsx", "../journey.xlsx", "-o", "."], &back);
    assert!(out.status.success(), "{name}: {}", stderr(&out));
    assert_eq!(findings(&back), findings(src), "{name}: findings");
    assert_eq!(export_json(&back), export_json(src), "{name}: JSON export");
    let _ = std::fs::remove_dir_all(&work);
}

#[test]
fn every_example_round_trips_through_the_workbook() {
    let examples = repo().join("examples");
    for name in [
        "b2b-saas",
        "retail",
        "subscription-loop",
        "messaging-pitfalls",
    ] {
        for lang in [None, Some("en"), Some("de")] {
            round_trip(
                &format!("{name}-{lang:?}"),
                &examples.join(name),
                &examples.join("journey.toml"),
                lang,
            );
        }
    }
}

#[test]
fn every_template_round_trips_through_the_workbook_in_both_languages() {
    let templates = [
        "lifecycle",
        "relationship",
        "decision-journey",
        "aida",
        "5a",
        "decision-loop",
    ];
    for t in templates {
        for lang in ["en", "de"] {
            let dir = temp_dir(&format!("tpl-{t}-{lang}"));
            let out = journeyc(&["init", "src", "--template", t, "--lang", lang], &dir);
            assert!(out.status.success(), "{}", stderr(&out));
            let src = dir.join("src");
            round_trip(
                &format!("{t}-{lang}"),
                &src,
                &src.join("journey.toml"),
                None,
            );
            let _ = std::fs::remove_dir_all(&dir);
        }
    }
}

#[test]
fn the_workbook_speaks_the_workspace_language() {
    let dir = temp_dir("xlsx-lang");
    let out = journeyc(&["init", "de", "--lang", "de"], &dir);
    assert!(out.status.success(), "{}", stderr(&out));
    let sheets = |args: &[&str]| -> Vec<String> {
        let out = journeyc(args, &dir);
        assert!(out.status.success(), "{}", stderr(&out));
        let grids = journey_import::workbook::read_workbook(&out.stdout).unwrap();
        grids
            .iter()
            .map(|g| format!("{}:{}", g.name, g.get(0, 0).as_text()))
            .collect()
    };
    // `lang = "de"` in journey.toml …
    assert_eq!(
        sheets(&["export", "--format", "xlsx", "de"]),
        [
            "Journey:ID",
            "Map:Phase",
            "Personas:ID",
            "Touchpoints:Phase",
            "KPIs:KPI von",
            "Impact Map:Ebene",
            "Versprechen:Phase",
            "Bewertung je Persona:Touchpoint"
        ]
    );
    // … and --lang wins.
    assert_eq!(
        sheets(&["export", "--format", "xlsx", "--lang", "en", "de"]),
        [
            "Journey:ID",
            "Map:Phase",
            "Personas:ID",
            "Touchpoints:Phase",
            "KPIs:KPI of",
            "Impact map:Level",
            "Promises:Phase",
            "Persona scores:Touchpoint"
        ]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A Python 3 with openpyxl, or `None` (then the workshop tests are
/// skipped, except in CI where they must run).
fn python() -> Option<PathBuf> {
    for candidate in ["python3", "/usr/bin/python3"] {
        let ok = Command::new(candidate)
            .args(["-c", "import openpyxl"])
            .output()
            .is_ok_and(|o| o.status.success());
        if ok {
            return Some(PathBuf::from(candidate));
        }
    }
    assert!(
        std::env::var("CI").is_err(),
        "CI needs python3 with openpyxl (pip install openpyxl, or apt-get install python3-openpyxl)"
    );
    eprintln!("skipped: python3 with openpyxl is not installed");
    None
}

/// Writes the workshop workbook of tests/spreadsheet/workshop.py.
fn workshop(py: &Path, out: &Path, variant: &str) {
    let status = Command::new(py)
        .arg(repo().join("tests/spreadsheet/workshop.py"))
        .arg(out)
        .arg(variant)
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn a_workshop_workbook_made_by_openpyxl_imports_into_a_journey_that_checks() {
    let Some(py) = python() else { return };
    let dir = temp_dir("openpyxl-good");
    workshop(&py, &dir.join("workshop.xlsx"), "good");
    let out = journeyc(&["import", "xlsx", "workshop.xlsx", "-o", "journey"], &dir);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    for note in [
        "note: workshop.xlsx: Workshop!A7: ignored the row `Fotos vom Whiteboard` (not a row journeyc knows)",
        "note: workshop.xlsx: Workshop!F2: ignored the column `Notizen` (notes)",
        "imported 8 touchpoints in 4 phases (1 journey, 0 personas) from workshop.xlsx",
    ] {
        assert!(err.contains(note), "{note}\n{err}");
    }
    // It checks without errors (a skeleton's warnings remain).
    let check = journeyc(&["check", "journey"], &dir);
    assert!(check.status.success(), "{}", stdout(&check));
    let phases = std::fs::read_to_string(dir.join("journey/phasen.journey")).unwrap();
    for expected in [
        "phase kauf \"Kauf\" {",
        "  kind purchase",
        "  question \"Kann ich jederzeit kündigen?\"",
        "  kpi \"Reichweite\" target 20000 unit \"pro Monat\"",
        "  kpi \"Conversion\" target 4.5 unit \"%\"",
        "  teams marketing, vertrieb",
        "  touchpoint probefahrt_im_laden \"Probefahrt im Laden\" {",
        "    channel store",
        "    experience 3",
        "    channel sonstige offline",
    ] {
        assert!(phases.contains(expected), "{expected}\n{phases}");
    }
    let journey = std::fs::read_to_string(dir.join("journey/journey.journey")).unwrap();
    assert!(
        journey.contains("phases inspiration, informationssuche, kauf, nutzung"),
        "{journey}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn three_mistakes_in_a_workshop_workbook_are_three_errors_and_nothing_is_written() {
    let Some(py) = python() else { return };
    let dir = temp_dir("openpyxl-bad");
    workshop(&py, &dir.join("workshop.xlsx"), "mistakes");
    let out = journeyc(&["import", "xlsx", "workshop.xlsx", "-o", "journey"], &dir);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "error: workshop.xlsx: Workshop!G2: this column has touchpoints (Workshop!G5) but no phase title; write the phase's title here, or delete the column\n\
         error: workshop.xlsx: Workshop!C12: `gut` is not a number; the experience is a number from 1 (poor) to 5 (excellent), decimals allowed\n\
         error: workshop.xlsx: Workshop!E12: `9` is outside the scale; the experience is a number from 1 (poor) to 5 (excellent), decimals allowed\n\
         error: nothing was written: 3 errors in `workshop.xlsx`\n"
    );
    assert!(!dir.join("journey").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_existing_file_stops_the_import_and_force_replaces_all() {
    let dir = temp_dir("xlsx-force");
    let out = journeyc(
        &[
            "export",
            "--format",
            "xlsx",
            ".",
            "-o",
            dir.join("w.xlsx").to_str().unwrap(),
        ],
        &repo().join("examples/subscription-loop"),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    std::fs::create_dir_all(dir.join("out")).unwrap();
    std::fs::write(dir.join("out/phases.journey"), "# mine\n").unwrap();
    let out = journeyc(&["import", "xlsx", "w.xlsx", "-o", "out"], &dir);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("`out/phases.journey` exists already; use --force to overwrite"));
    let mut names: Vec<String> = std::fs::read_dir(dir.join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["phases.journey"]);
    assert_eq!(
        std::fs::read_to_string(dir.join("out/phases.journey")).unwrap(),
        "# mine\n"
    );
    let out = journeyc(&["import", "xlsx", "w.xlsx", "-o", "out", "--force"], &dir);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::read_to_string(dir.join("out/phases.journey"))
        .unwrap()
        .starts_with("# Imported from w.xlsx with `journeyc import`."));
    // A relative folder above the current one: the imports resolve.
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    let out = journeyc(
        &["import", "xlsx", "../w.xlsx", "-o", "../up"],
        &dir.join("sub"),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_workbook_given_to_import_csv_and_a_csv_in_windows_1252() {
    let dir = temp_dir("csv-kind");
    let out = journeyc(
        &[
            "export",
            "--format",
            "xlsx",
            "-o",
            dir.join("w.xlsx").to_str().unwrap(),
        ],
        &repo().join("examples/subscription-loop"),
    );
    assert!(out.status.success());
    let out = journeyc(&["import", "csv", "w.xlsx"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: `w.xlsx` is a spreadsheet file, not CSV; use `journeyc import xlsx w.xlsx` (or `ods`)\n"
    );
    std::fs::write(
        dir.join("t.csv"),
        b"Phase;Touchpoint\nKauf;Best\xe4tigung\n",
    )
    .unwrap();
    let out = journeyc(&["import", "csv", "t.csv"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with(
            "error: `t.csv` is not UTF-8 text: byte 0xE4 on line 2 looks like Windows-1252"
        ),
        "{}",
        stderr(&out)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
