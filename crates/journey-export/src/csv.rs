//! CSV: one row per touchpoint, for spreadsheets and for reading back.
//!
//! The columns are [`COLUMNS`], always in that order, with a header row.
//! Quoting follows RFC 4180 (fields with `"`, `,` or line breaks are
//! quoted, `"` doubled; lines end in CRLF). List cells join their items
//! with `; `; inside an item `\` is written `\\` and `;` is written `\;`,
//! so that every list splits back exactly. A KPI is
//! `name:target:unit` with `:` inside a part written `\:`; a KPI with an
//! id adds it as a fourth part (`name:target:unit:id`).

use crate::doc::{format_number, Document, Kpi, Phase, Touchpoint};

/// The columns, in order. Documented in the README; `journeyc import csv`
/// reads these names.
pub const COLUMNS: &[&str] = &[
    "journey",
    "phase_id",
    "phase_title",
    "phase_kind",
    "touchpoint_id",
    "touchpoint_title",
    "channel",
    "presence",
    "owner",
    "systems",
    "kpis",
    "serves",
    "copy",
    "evidence",
    "disclaimers",
    "expectation",
    "experience",
    "importance",
    "monitored",
    "state",
    "moment",
    "collects",
    "basis",
    "description",
    "allows",
];

/// Escapes one list item: `\` and `;` get a backslash.
fn item(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | ';') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes one part of a KPI: `\`, `;` and `:` get a backslash.
fn part(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | ';' | ':') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn list<S: AsRef<str>>(items: &[S]) -> String {
    items
        .iter()
        .map(|s| item(s.as_ref()))
        .collect::<Vec<_>>()
        .join("; ")
}

fn kpi(k: &Kpi) -> String {
    let mut s = format!(
        "{}:{}:{}",
        part(&k.name),
        k.target
            .as_ref()
            .map(|t| part(&t.display()))
            .unwrap_or_default(),
        k.unit.as_deref().map(part).unwrap_or_default()
    );
    if let Some(id) = &k.id {
        s.push(':');
        s.push_str(&part(id));
    }
    s
}

fn score(s: Option<f64>) -> String {
    s.map(format_number).unwrap_or_default()
}

fn yes_no(b: Option<bool>) -> String {
    match b {
        Some(true) => "yes".into(),
        Some(false) => "no".into(),
        None => String::new(),
    }
}

fn row(journey: &str, phase: &Phase, t: &Touchpoint) -> Vec<String> {
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    vec![
        journey.to_string(),
        phase.id.clone(),
        opt(&phase.title),
        opt(&phase.kind),
        t.id.clone(),
        opt(&t.title),
        opt(&t.channel),
        opt(&t.presence),
        opt(&t.owner),
        list(&t.systems),
        t.kpis.iter().map(kpi).collect::<Vec<_>>().join("; "),
        list(&t.serves),
        list(&t.says),
        list(&t.evidence),
        list(&t.disclaimers),
        score(t.expectation),
        score(t.experience),
        opt(&t.importance),
        yes_no(t.monitored),
        t.state.clone(),
        if t.moment {
            t.moment_note.clone().unwrap_or_else(|| "yes".into())
        } else {
            String::new()
        },
        list(&t.collects),
        opt(&t.basis),
        opt(&t.description),
        t.allows
            .iter()
            .map(|a| {
                format!(
                    "{}:{}",
                    part(&a.check),
                    a.reason.as_deref().map(part).unwrap_or_default()
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
    ]
}

/// The CSV text of the document.
pub fn render(doc: &Document) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(Vec::new());
    // Writing into memory cannot fail.
    let _ = w.write_record(COLUMNS);
    let mut listed = std::collections::HashSet::new();
    for j in &doc.journeys {
        for phase in doc.journey_phases(j) {
            listed.insert(phase.id.as_str());
            for t in &phase.touchpoints {
                let _ = w.write_record(row(&j.id, phase, t));
            }
        }
    }
    for phase in doc
        .phases
        .iter()
        .filter(|p| !listed.contains(p.id.as_str()))
    {
        for t in &phase.touchpoints {
            let _ = w.write_record(row("", phase, t));
        }
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
