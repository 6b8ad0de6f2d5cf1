//! The workshop table: round trips through `journeyc export --format csv`
//! for every example, and precise errors for bad tables.

use journey_analysis::{load, Workspace};
use journey_diagnostics::Severity;
use journey_import::{import_csv, table::COLUMNS, write, ImportError, OutFile};
use std::path::{Path, PathBuf};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

/// The CSV export of a workspace.
fn export(ws: &Workspace) -> String {
    let doc = journey_export::Document::build(ws, &ws.diagnostics());
    journey_export::csv::render(&doc)
}

/// The imported files as a workspace, placed in `dir`.
fn workspace(files: &[OutFile], dir: &Path) -> Workspace {
    let mut ws = Workspace::new();
    for f in files {
        ws.set_file(dir.join(&f.name), f.name.clone(), f.text.clone());
    }
    ws
}

fn import(csv: &str) -> Result<journey_import::Import, Vec<ImportError>> {
    import_csv(csv, "workshop.csv", Path::new("/nonexistent/out"))
}

/// The folders of examples/.
fn example_names() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(examples())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    assert!(v.len() >= 3, "{v:?}");
    v
}

#[test]
fn every_example_round_trips() {
    for name in example_names() {
        let path = examples().join(&name);
        let loaded = load::load_workspace(
            std::slice::from_ref(&path),
            journey_analysis::Config::discover(&path),
            &|p: &Path| p.display().to_string(),
        );
        assert!(loaded.errors.is_empty());
        let ws = loaded.workspace;
        let table = export(&ws);
        let imported = import(&table).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        // Formatted canonically, and checking without errors.
        for f in &imported.files {
            let canonical = journey_fmt::format(&f.text, &Default::default()).unwrap();
            assert_eq!(canonical, f.text, "{name}/{} is not canonical", f.name);
        }
        let dir = Path::new("/nonexistent/out");
        let back = workspace(&imported.files, dir);
        let errors: Vec<String> = back
            .diagnostics()
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.message.clone())
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
        // export → import → export gives the same table.
        assert_eq!(export(&back), table, "{name}");
        let rows = csv::Reader::from_reader(table.as_bytes()).records().count();
        assert_eq!(imported.touchpoints, rows, "{name}");
    }
}

/// A table with one good row, in the export's columns.
fn header() -> String {
    COLUMNS.join(",")
}

fn row(cells: &[(&str, &str)]) -> String {
    COLUMNS
        .iter()
        .map(|c| {
            let v = cells
                .iter()
                .find(|(k, _)| k == c)
                .map(|(_, v)| *v)
                .unwrap_or("");
            if v.contains([',', '"', '\n']) {
                format!("\"{}\"", v.replace('"', "\"\""))
            } else {
                v.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

const GOOD: &[(&str, &str)] = &[
    ("journey", "shop"),
    ("phase_id", "awareness"),
    ("phase_title", "Awareness"),
    ("phase_kind", "awareness"),
    ("touchpoint_id", "ads"),
    ("touchpoint_title", "Search ads"),
    ("channel", "search"),
    ("presence", "online"),
    ("owner", "marketing"),
    ("systems", "ads_manager; crm"),
    (
        "kpis",
        "Click-through rate:4.5:%; Visits:12000:per month:visits",
    ),
    ("serves", "owner"),
    (
        "copy",
        "Gear that lasts.; Built for \"real\" weather\\; really",
    ),
    ("expectation", "3"),
    ("experience", "4"),
    ("importance", "medium"),
    ("monitored", "yes"),
    ("state", "current"),
];

fn with(changes: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
    let mut v: Vec<(&str, &str)> = GOOD.to_vec();
    for (k, val) in changes {
        match v.iter_mut().find(|(c, _)| c == k) {
            Some(slot) => slot.1 = val,
            None => v.push((k, val)),
        }
    }
    v
}

#[test]
fn a_good_row_becomes_a_touchpoint() {
    let csv = format!("{}\n{}\n", header(), row(GOOD));
    let imp = import(&csv).unwrap();
    let names: Vec<&str> = imp.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        ["journey.journey", "personas.journey", "phases.journey"]
    );
    let phases = &imp.files[2].text;
    assert!(
        phases.contains("  touchpoint ads \"Search ads\" {\n    channel search online\n"),
        "{phases}"
    );
    assert!(
        phases.contains("    systems ads_manager, crm\n"),
        "{phases}"
    );
    assert!(
        phases.contains("    kpi \"Click-through rate\" target 4.5 unit \"%\"\n"),
        "{phases}"
    );
    assert!(
        phases.contains("    kpi visits \"Visits\" target 12000 unit \"per month\"\n"),
        "{phases}"
    );
    assert!(
        phases.contains(r#"    says "Gear that lasts.", "Built for \"real\" weather; really""#),
        "{phases}"
    );
    assert!(phases.contains("    monitored\n"), "{phases}");
    assert!(imp.files[0]
        .text
        .contains("journey shop {\n  phases awareness\n}\n"));
    assert!(imp.files[1]
        .text
        .contains("persona owner {\n  channels search\n}\n"));
}

#[test]
fn bad_score_and_unknown_phase_kind_are_precise_errors_and_a_missing_column_is_empty() {
    // The `owner` column is missing (its cells are empty); row 2 has
    // experience 7; row 3 has a phase kind that does not exist.
    let columns: Vec<&str> = COLUMNS.iter().copied().filter(|c| *c != "owner").collect();
    let line = |cells: &[(&str, &str)]| {
        columns
            .iter()
            .map(|c| {
                cells
                    .iter()
                    .find(|(k, _)| k == c)
                    .map(|(_, v)| *v)
                    .unwrap_or("")
            })
            .collect::<Vec<_>>()
            .join(",")
    };
    let csv = format!(
        "{}\n{}\n{}\n",
        columns.join(","),
        line(&with(&[("experience", "7"), ("kpis", ""), ("copy", "")])),
        line(&with(&[
            ("touchpoint_id", "fair"),
            ("phase_id", "fairs"),
            ("phase_kind", "awarenes"),
            ("kpis", ""),
            ("copy", "")
        ])),
    );
    let errors = import(&csv).unwrap_err();
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "row 2, column `experience` (P): `7` is outside the scale; scores are numbers from 1 to 5, decimals allowed",
            "row 3, column `phase_kind` (D): unknown phase kind `awarenes`; expected one of awareness, consideration, decision, purchase, onboarding, usage, loyalty, advocacy, offboarding, custom (did you mean `awareness`?)",
        ]
    );
    assert_eq!(errors[0].row, 2);
    assert_eq!(errors[0].column.as_deref(), Some("experience"));
    assert_eq!(errors[1].column.as_deref(), Some("phase_kind"));
}

#[test]
fn cell_errors_name_row_and_column() {
    let cases: &[(&[(&str, &str)], &str)] = &[
        (&[("expectation", "high")], "row 2, column `expectation` (P): `high` is not a score; scores are numbers from 1 to 5, decimals allowed"),
        (&[("experience", "5.5")], "row 2, column `experience` (Q): `5.5` is outside the scale; scores are numbers from 1 to 5, decimals allowed"),
        (&[("touchpoint_id", "")], "row 2, column `touchpoint_id` (E): empty; every row needs a touchpoint id (from the title: `search_ads`?)"),
        (&[("touchpoint_id", "search ads")], "row 2, column `touchpoint_id` (E): `search ads` is not an id: ids are one word of letters, digits and `_`, not starting with a digit (did you mean `search_ads`?)"),
        (&[("presence", "virtual")], "row 2, column `presence` (H): unknown presence `virtual`; expected one of online, offline"),
        (&[("basis", "consnet")], "row 2, column `basis` (W): unknown legal basis `consnet`; expected one of consent, contract, legal_obligation, vital_interest, public_task, legitimate_interest (did you mean `consent`?)"),
        (&[("kpis", ":40:%")], "row 2, column `kpis` (K): `:40:%`: a KPI needs a name before the first `:`"),
        (&[("persona_scores", "anna:4:9")], "row 2, column `persona_scores` (AE): `anna:4:9`, experience of `anna`: `9` is outside the scale; scores are numbers from 1 to 5, decimals allowed"),
        (&[("persona_scores", "anna tom:4")], "row 2, column `persona_scores` (AE): `anna tom:4`: `anna tom` is not a persona id; the first part is the persona's id"),
        (&[("persona_scores", "anna:4:2:4:calm:later")], "row 2, column `persona_scores` (AE): `anna:4:2:4:calm:later` has 6 parts; write `persona:expectation:experience:target:feeling` (`\\:` for a colon in the feeling)"),
        (&[("allows", "J9999:because")], "row 2, column `allows` (Y): `J9999` is not the code or name of a check (see `journeyc explain`)"),
        (&[("allows", "experience-below-expectation")], "row 2, column `allows` (Y): `experience-below-expectation` has no reason; write `check:reason` so that reviewers know why"),
    ];
    for (changes, expected) in cases {
        let csv = format!("{}\n{}\n", header(), row(&with(changes)));
        let errors = import(&csv).unwrap_err();
        let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(shown, [*expected]);
    }
}

/// The row and line of a bad cell are where a spreadsheet and an editor
/// show them: with CRLF or LF line ends, after blank lines, and after
/// cells that hold line breaks.
#[test]
fn errors_name_the_row_and_line_where_the_mistake_is() {
    // KPIs without ids: ids are unique across rows.
    const KPI: (&str, &str) = ("kpis", "Click-through rate:4.5:%");
    let good = |id: &'static str| row(&with(&[("touchpoint_id", id), KPI]));
    let two_lines = row(&with(&[
        ("touchpoint_id", "multi"),
        ("description", "first line\nsecond line"),
        KPI,
    ]));
    let bad = row(&with(&[
        ("touchpoint_id", "bad"),
        ("expectation", "9"),
        KPI,
    ]));
    let cases: Vec<(Vec<String>, &str)> = vec![
        // Row 4 on line 4.
        (
            vec![header(), good("a"), good("b"), bad.clone()],
            "row 4, column `expectation` (P)",
        ),
        // A blank line is a row of the spreadsheet, and a line.
        (
            vec![header(), good("a"), String::new(), bad.clone()],
            "row 4, column `expectation` (P)",
        ),
        (
            vec![
                header(),
                String::new(),
                good("a"),
                String::new(),
                bad.clone(),
            ],
            "row 5, column `expectation` (P)",
        ),
        // A cell with a line break: one row, two lines.
        (
            vec![header(), two_lines.clone(), bad.clone()],
            "row 3 (line 4), column `expectation` (P)",
        ),
        (
            vec![
                header(),
                two_lines.clone(),
                String::new(),
                good("a"),
                bad.clone(),
            ],
            "row 5 (line 6), column `expectation` (P)",
        ),
    ];
    for (lines, expected) in &cases {
        for end in ["\n", "\r\n"] {
            let csv = lines.join(end) + end;
            let errors = import(&csv).unwrap_err();
            assert_eq!(errors.len(), 1, "{errors:?}");
            let shown = errors[0].to_string();
            assert!(
                shown.starts_with(&format!("{expected}: `9` is outside the scale")),
                "{end:?}: {shown}\n{csv}"
            );
        }
    }
}

#[test]
fn rows_must_agree() {
    let second = with(&[
        ("touchpoint_id", "fair"),
        ("phase_title", "Attention"),
        ("kpis", ""),
    ]);
    let csv = format!("{}\n{}\n{}\n", header(), row(GOOD), row(&second));
    let shown: Vec<String> = import(&csv)
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(shown, ["row 3, column `phase_title` (C): phase `awareness` has the title `Awareness` in row 2; every row of a phase gives the same title"]);

    let dup = with(&[("phase_id", "purchase"), ("kpis", "")]);
    let csv = format!("{}\n{}\n{}\n", header(), row(GOOD), row(&dup));
    let shown: Vec<String> = import(&csv)
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(shown, ["row 3, column `touchpoint_id` (E): touchpoint `ads` is already defined in phase `awareness` (row 2); ids are unique"]);

    // The same touchpoint under a second journey: one definition, two journeys.
    let again = with(&[("journey", "outlet")]);
    let csv = format!("{}\n{}\n{}\n", header(), row(GOOD), row(&again));
    let imp = import(&csv).unwrap();
    assert_eq!(imp.touchpoints, 1);
    assert_eq!(imp.journeys, 2);
}

#[test]
fn header_problems() {
    let csv = format!(
        "{},notes\n{},x\n",
        header().replace("touchpoint_title", "touchpoint_titel"),
        row(GOOD)
    );
    let shown: Vec<String> = import(&csv)
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        shown,
        [
            "row 1 (header), column `touchpoint_titel` (F): unknown column `touchpoint_titel` (did you mean `touchpoint_title`?)",
        ]
    );
    // A column journeyc does not know and that is no typo is ignored,
    // with a note naming its letter (the one after the known columns).
    let csv = format!("{},Bemerkungen\n{},x\n", header(), row(GOOD));
    let imp = import(&csv).unwrap();
    let letter = journey_export::xlsx::column_letter(COLUMNS.len());
    assert_eq!(
        imp.notes,
        [format!(
            "ignored the column `Bemerkungen` ({letter}); it is not one journeyc reads"
        )]
    );
    // Without phase and touchpoint there is nothing to import.
    let shown: Vec<String> = import("channel,owner\nweb,marketing\n")
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        shown,
        [
            "row 1 (header): missing column `phase_title` (or `phase_id`); the table needs the phase of every row (German: `Phase`)",
            "row 1 (header): missing column `touchpoint_title` (or `touchpoint_id`); the table needs the touchpoint of every row (German: `Touchpoint`)",
        ]
    );
    let shown: Vec<String> = import("")
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        shown[0].starts_with("row 1 (header): the file is empty"),
        "{shown:?}"
    );
}

#[test]
fn spreadsheet_variants_are_read() {
    // A byte order mark, `;` as the separator, CRLF, columns in another
    // order, a multi-line description.
    let mut cols: Vec<&str> = COLUMNS.to_vec();
    cols.reverse();
    let cells = with(&[("description", "Two lines:\nthe second one.")]);
    let line = cols
        .iter()
        .map(|c| {
            let v = cells
                .iter()
                .find(|(k, _)| k == c)
                .map(|(_, v)| *v)
                .unwrap_or("");
            format!("\"{}\"", v.replace('"', "\"\""))
        })
        .collect::<Vec<_>>()
        .join(";");
    let csv = format!("\u{feff}{}\r\n{}\r\n", cols.join(";"), line);
    let imp = import(&csv).unwrap();
    let phases = &imp.files[2].text;
    assert!(
        phases.contains(
            "    description \"\"\"\n      Two lines:\n      the second one.\n      \"\"\"\n"
        ),
        "{phases}"
    );
    let ws = workspace(&imp.files, Path::new("/x"));
    let m = ws.model();
    let t = &m.touchpoints[0];
    assert_eq!(
        m.touchpoint_syntax(t).description().unwrap().as_str(),
        "Two lines:\nthe second one."
    );
}

#[test]
fn errors_in_the_result_stop_the_import() {
    // Personal data without a legal basis is an error of the checker.
    let csv = format!(
        "{}\n{}\n",
        header(),
        row(&with(&[("collects", "e-mail address")]))
    );
    let errors = import(&csv).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].row, 2);
    assert!(errors[0].message.contains("J0415"), "{}", errors[0]);
}

#[test]
fn writing_is_all_or_nothing_and_never_overwrites() {
    let dir = std::env::temp_dir().join(format!("journeyc-import-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let files = vec![
        OutFile {
            name: "a.journey".into(),
            text: "# a\n".into(),
        },
        OutFile {
            name: "b.journey".into(),
            text: "# b\n".into(),
        },
    ];
    let written = write(&dir, &files, false).unwrap();
    assert_eq!(written.len(), 2);
    assert_eq!(
        std::fs::read_to_string(dir.join("b.journey")).unwrap(),
        "# b\n"
    );

    // b exists: nothing is written, not even c.
    std::fs::write(dir.join("b.journey"), "mine\n").unwrap();
    std::fs::remove_file(dir.join("a.journey")).unwrap();
    let err = write(&dir, &files, false).unwrap_err();
    assert!(err.nothing_changed(), "{err}");
    assert_eq!(err.problems.len(), 1, "{err}");
    assert_eq!(err.problems[0].path, dir.join("b.journey"));
    assert!(
        matches!(err.problems[0].kind, journey_write::ErrorKind::Exists),
        "{err}"
    );
    assert!(!dir.join("a.journey").exists());
    assert_eq!(
        std::fs::read_to_string(dir.join("b.journey")).unwrap(),
        "mine\n"
    );

    // --force replaces it.
    write(&dir, &files, true).unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.join("b.journey")).unwrap(),
        "# b\n"
    );
    // No temporary files are left behind.
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert_eq!(left.len(), 2, "{left:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_journey_toml_of_the_output_folder_applies() {
    let dir = std::env::temp_dir().join(format!("journeyc-import-toml-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let csv = format!("{}\n{}\n", header(), row(&with(&[("owner", "")])));
    let out = dir.join("out");
    // Without configuration a touchpoint without owner is a warning …
    let imp = import_csv(&csv, "workshop.csv", &out).unwrap();
    assert!(
        imp.findings.iter().any(|f| f.contains("J0408")),
        "{:?}",
        imp.findings
    );
    // … a journey.toml above the output folder can make it an error.
    std::fs::write(
        dir.join("journey.toml"),
        "[checks]\ntouchpoint-without-owner = \"deny\"\n",
    )
    .unwrap();
    let errors = import_csv(&csv, "workshop.csv", &out).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].row, 2);
    assert!(errors[0].message.contains("J0408"), "{}", errors[0]);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A small deterministic generator (xorshift), so that failures repeat.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Prose with everything that needs care: quotes, backslashes, the
    /// list and KPI separators, line breaks, tabs, `"""`, umlauts, emoji.
    fn text(&mut self) -> String {
        const PIECES: &[&str] = &[
            "Gear", "that", "lasts", "\"", "\\", ";", ":", "\n", "\t", "\"\"\"", "ä", "ß", "🎒",
            "€", "#", "{", "}", ",", "  ", "\r\n", "\\n", "x",
        ];
        let mut s = String::new();
        for _ in 0..1 + self.below(8) {
            s.push_str(PIECES[self.below(PIECES.len())]);
        }
        // Cells are trimmed: prose starts and ends with a word.
        format!("a{s}z")
    }
}

/// A list cell as the export writes it.
fn list_cell(items: &[String]) -> String {
    items
        .iter()
        .map(|i| i.replace('\\', "\\\\").replace(';', "\\;"))
        .collect::<Vec<_>>()
        .join("; ")
}

fn csv_line(cells: &[String]) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(cells).unwrap();
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

#[test]
fn hostile_texts_round_trip_exactly() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for case in 0..80 {
        let mut table = csv_line(&COLUMNS.iter().map(|c| c.to_string()).collect::<Vec<_>>());
        for i in 0..1 + rng.below(3) {
            let copy: Vec<String> = (0..rng.below(3)).map(|_| rng.text()).collect();
            let kpi_name = rng.text().replace('\\', "\\\\").replace([';', ':'], "-");
            let cells: Vec<String> = COLUMNS
                .iter()
                .map(|c| match *c {
                    "journey" => "shop".into(),
                    "phase_id" => "p".into(),
                    "phase_title" => "Phase".into(),
                    "phase_kind" => "awareness".into(),
                    "touchpoint_id" => format!("t{i}"),
                    "touchpoint_title" => rng.text(),
                    "channel" => "web".into(),
                    "presence" => "online".into(),
                    "owner" => "team".into(),
                    "kpis" => format!("{kpi_name}:40:%"),
                    "serves" => "owner".into(),
                    "copy" => list_cell(&copy),
                    "evidence" => list_cell(&[rng.text()]),
                    "disclaimers" => {
                        list_cell(&(0..rng.below(3)).map(|_| rng.text()).collect::<Vec<_>>())
                    }
                    "expectation" => "3".into(),
                    "experience" => "3".into(),
                    "state" => "current".into(),
                    "moment" => rng.text(),
                    "description" => rng.text(),
                    _ => String::new(),
                })
                .collect();
            table.push_str(&csv_line(&cells));
        }
        let imported = import(&table).unwrap_or_else(|e| panic!("case {case}: {e:?}\n{table}"));
        let back = workspace(&imported.files, Path::new("/nonexistent/out"));
        assert_eq!(export(&back), table, "case {case}");
    }
}
