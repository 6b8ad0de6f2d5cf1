//! From rows to `.journey` files: grouping rows into journeys, phases and
//! touchpoints (with the checks that need several rows), then writing
//! the source text and formatting it canonically.

use crate::emit::Src;
use crate::table::{Moment, Row, Table, Target};
use crate::{ImportError, OutFile};
use std::collections::HashMap;

pub struct Phase {
    pub id: String,
    pub title: Option<(String, usize)>,
    pub kind: Option<(String, usize)>,
    /// Indexes into [`Plan::touchpoints`], in row order.
    pub touchpoints: Vec<usize>,
}

pub struct Persona {
    pub id: String,
    /// The channels of the touchpoints that serve it, in row order.
    pub channels: Vec<String>,
}

/// What the files will define.
pub struct Plan {
    /// Journey id → its phases in row order.
    pub journeys: Vec<(String, Vec<String>)>,
    pub phases: Vec<Phase>,
    /// One row per touchpoint (the first, when a touchpoint is listed
    /// under several journeys).
    pub touchpoints: Vec<Row>,
    pub personas: Vec<Persona>,
}

/// Groups the rows; problems that span rows are added to `errors`.
pub fn plan(table: &Table, errors: &mut Vec<ImportError>) -> Plan {
    let mut p = Plan {
        journeys: Vec::new(),
        phases: Vec::new(),
        touchpoints: Vec::new(),
        personas: Vec::new(),
    };
    let err = |errors: &mut Vec<ImportError>, row: usize, column: &str, message: String| {
        errors.push(ImportError::at(row, column, table.letter(column), message));
    };
    // Indexes by id into the vectors of `p`, and KPI id → row.
    let mut phase_at: HashMap<String, usize> = HashMap::new();
    let mut journey_at: HashMap<String, usize> = HashMap::new();
    let mut touchpoint_at: HashMap<String, usize> = HashMap::new();
    let mut persona_at: HashMap<String, usize> = HashMap::new();
    let mut kpi_rows: HashMap<String, usize> = HashMap::new();
    for r in &table.rows {
        // The phase: one title and one kind across its rows.
        let pi = match phase_at.get(&r.phase_id) {
            Some(i) => *i,
            None => {
                phase_at.insert(r.phase_id.clone(), p.phases.len());
                p.phases.push(Phase {
                    id: r.phase_id.clone(),
                    title: None,
                    kind: None,
                    touchpoints: Vec::new(),
                });
                p.phases.len() - 1
            }
        };
        let phase = &mut p.phases[pi];
        for (column, what, value, slot) in [
            ("phase_title", "title", &r.phase_title, &mut phase.title),
            ("phase_kind", "kind", &r.phase_kind, &mut phase.kind),
        ] {
            let Some(v) = value else { continue };
            match slot {
                None => *slot = Some((v.clone(), r.row)),
                Some((first, row)) if first != v => err(
                    errors,
                    r.row,
                    column,
                    format!(
                        "phase `{}` has the {what} `{first}` in row {row}; every row of a phase gives the same {what}",
                        r.phase_id
                    ),
                ),
                Some(_) => {}
            }
        }
        if let Some(j) = &r.journey {
            match journey_at.get(j) {
                Some(&i) => {
                    let phases = &mut p.journeys[i].1;
                    if !phases.contains(&r.phase_id) {
                        phases.push(r.phase_id.clone());
                    }
                }
                None => {
                    journey_at.insert(j.clone(), p.journeys.len());
                    p.journeys.push((j.clone(), vec![r.phase_id.clone()]));
                }
            }
        }
        // The touchpoint: defined once; listed again only under another
        // journey, with the same cells.
        if let Some(first) = touchpoint_at.get(&r.id).map(|&i| &p.touchpoints[i]) {
            if first.phase_id != r.phase_id {
                err(
                    errors,
                    r.row,
                    "touchpoint_id",
                    format!(
                        "touchpoint `{}` is already defined in phase `{}` (row {}); ids are unique",
                        r.id, first.phase_id, first.row
                    ),
                );
            } else if !first.same_touchpoint(r) {
                err(
                    errors,
                    r.row,
                    "touchpoint_id",
                    format!(
                        "touchpoint `{}` is already defined in row {} with other cells; a touchpoint listed under a second journey repeats its row",
                        r.id, first.row
                    ),
                );
            }
            continue;
        }
        for k in &r.kpis {
            if let Some(id) = &k.id {
                match kpi_rows.get(id) {
                    Some(row) => err(
                        errors,
                        r.row,
                        "kpis",
                        format!("the KPI id `{id}` is already used in row {row}; ids are unique"),
                    ),
                    None => {
                        kpi_rows.insert(id.clone(), r.row);
                    }
                }
            }
        }
        p.phases[pi].touchpoints.push(p.touchpoints.len());
        for s in &r.serves {
            let persona = match persona_at.get(s) {
                Some(&i) => &mut p.personas[i],
                None => {
                    persona_at.insert(s.clone(), p.personas.len());
                    p.personas.push(Persona {
                        id: s.clone(),
                        channels: Vec::new(),
                    });
                    p.personas.last_mut().expect("just pushed")
                }
            };
            if let Some(c) = &r.channel {
                if !persona.channels.contains(c) {
                    persona.channels.push(c.clone());
                }
            }
        }
        touchpoint_at.insert(r.id.clone(), p.touchpoints.len());
        p.touchpoints.push(r.clone());
    }
    p
}

/// A string literal for `s`: a text block when `s` has line breaks and a
/// text block reads back exactly, else a one-line string with escapes.
pub(crate) fn literal(s: &str, indent: usize) -> String {
    if s.contains('\n') {
        if let Some(block) = text_block(s, indent) {
            return block;
        }
    }
    journey_syntax::quote(s)
}

fn text_block(s: &str, indent: usize) -> Option<String> {
    let pad = " ".repeat(indent + 2);
    let mut out = String::from("\"\"\"\n");
    for line in s.split('\n') {
        if !line.trim().is_empty() {
            out.push_str(&pad);
        }
        out.push_str(&journey_syntax::escape_block_line(line));
        out.push('\n');
    }
    out.push_str(&pad);
    out.push_str("\"\"\"");
    // Only if it reads back as exactly `s`.
    let probe = format!("journey probe {{\n  description {out}\n}}\n");
    let parse = journey_syntax::parse(&probe, journey_diagnostics::FileId(0));
    let value = journey_syntax::view::File::new(&probe, &parse.tree)
        .journeys()
        .next()
        .and_then(|j| j.description())
        .map(|t| t.value.into_owned());
    (!parse.has_errors() && value.as_deref() == Some(s)).then_some(out)
}

fn texts(items: &[String], indent: usize) -> String {
    items
        .iter()
        .map(|s| literal(s, indent))
        .collect::<Vec<_>>()
        .join(", ")
}

fn touchpoint(src: &mut Src, r: &Row) {
    let head = match &r.title {
        Some(t) => format!("touchpoint {} {}", r.id, literal(t, src.col())),
        None => format!("touchpoint {}", r.id),
    };
    src.open(&head);
    let c = src.col();
    if let Some(ch) = &r.channel {
        match &r.presence {
            Some(p) => src.line(&format!("channel {ch} {p}")),
            None => src.line(&format!("channel {ch}")),
        }
    }
    if let Some(o) = &r.owner {
        src.line(&format!("owner {o}"));
    }
    if !r.systems.is_empty() {
        src.line(&format!("systems {}", r.systems.join(", ")));
    }
    if !r.serves.is_empty() {
        src.line(&format!("serves {}", r.serves.join(", ")));
    }
    if !r.copy.is_empty() {
        src.line(&format!("says {}", texts(&r.copy, c)));
    }
    if !r.evidence.is_empty() {
        src.line(&format!("evidence {}", texts(&r.evidence, c)));
    }
    if !r.disclaimers.is_empty() {
        src.line(&format!("disclaimer {}", texts(&r.disclaimers, c)));
    }
    for k in &r.kpis {
        let mut s = String::from("kpi ");
        if let Some(id) = &k.id {
            s.push_str(id);
            s.push(' ');
        }
        s.push_str(&literal(&k.name, c));
        if let Some(t) = &k.target {
            s.push_str(" target ");
            match t {
                Target::Number(n) | Target::Date(n) => s.push_str(n),
                Target::Text(t) => s.push_str(&literal(t, c)),
            }
        }
        if let Some(u) = &k.unit {
            s.push_str(" unit ");
            s.push_str(&literal(u, c));
        }
        src.line(&s);
    }
    if let Some(e) = r.expectation {
        src.line(&format!("expectation {}", journey_export::format_number(e)));
    }
    match (r.experience, r.target_experience) {
        (Some(e), Some(t)) => src.line(&format!(
            "experience {} target {}",
            journey_export::format_number(e),
            journey_export::format_number(t)
        )),
        (Some(e), None) => src.line(&format!("experience {}", journey_export::format_number(e))),
        (None, Some(t)) => src.line(&format!(
            "experience target {}",
            journey_export::format_number(t)
        )),
        (None, None) => {}
    }
    for p in &r.persona_scores {
        let line = crate::source::persona_scores_line(p, src.col());
        src.line(&line);
    }
    if let Some(i) = &r.importance {
        src.line(&format!("importance {i}"));
    }
    match r.monitored {
        Some(true) => src.line("monitored"),
        Some(false) => src.line("monitored no"),
        None => {}
    }
    if let Some(s) = &r.state {
        src.line(&format!("state {s}"));
    }
    match &r.moment {
        Moment::No => {}
        Moment::Yes => src.line("moment"),
        Moment::Note(n) => src.line(&format!("moment {}", literal(n, c))),
    }
    match &r.wow {
        Moment::No => {}
        Moment::Yes => src.line("wow"),
        Moment::Note(n) => src.line(&format!("wow {}", literal(n, c))),
    }
    if let Some((amount, currency)) = &r.cost {
        src.line(&format!("cost {amount} {currency}"));
    }
    if !r.next.is_empty() {
        src.line(&format!("next {}", r.next.join(", ")));
    }
    if !r.collects.is_empty() {
        src.line(&format!("collects {}", texts(&r.collects, c)));
    }
    if let Some(b) = &r.basis {
        src.line(&format!("basis {b}"));
    }
    if let Some(d) = &r.description {
        src.line(&format!("description {}", literal(d, c)));
    }
    for a in &r.allows {
        let check = if crate::cells::is_ident(&a.check) {
            a.check.clone()
        } else {
            literal(&a.check, c)
        };
        match &a.reason {
            Some(reason) => src.line(&format!("allow {check} {}", literal(reason, c))),
            None => src.line(&format!("allow {check}")),
        }
    }
    src.close();
}

/// The files of a plan, formatted canonically: `journey.journey` (the
/// journeys, when the table names any), `personas.journey` (when any
/// touchpoint serves a persona) and `phases.journey`.
pub fn files(plan: &Plan, source: &str) -> Result<Vec<OutFile>, ImportError> {
    let mut out = Vec::new();
    let header = format!("# Imported from {source} with `journeyc import csv`.");
    if !plan.personas.is_empty() {
        let mut s = Src::new();
        s.line(&header);
        s.line("# The table names these personas in its `serves` column; their channels are");
        s.line("# those of the touchpoints that serve them. Add who they are: name, role,");
        s.line("# the evidence they rest on, needs and pains.");
        for p in &plan.personas {
            s.line("");
            if p.channels.is_empty() {
                s.line(&format!("persona {} {{}}", p.id));
            } else {
                s.open(&format!("persona {}", p.id));
                s.line(&format!("channels {}", p.channels.join(", ")));
                s.close();
            }
        }
        out.push(("personas.journey", s.out));
    }
    {
        let mut s = Src::new();
        s.line(&header);
        s.line("# One phase per group of rows, one touchpoint per row.");
        if !plan.personas.is_empty() {
            s.line("");
            s.line("import \"personas.journey\"");
        }
        for ph in &plan.phases {
            s.line("");
            let head = match &ph.title {
                Some((t, _)) => format!("phase {} {}", ph.id, literal(t, 0)),
                None => format!("phase {}", ph.id),
            };
            s.open(&head);
            if let Some((k, _)) = &ph.kind {
                s.line(&format!("kind {k}"));
            }
            for &t in &ph.touchpoints {
                s.line("");
                touchpoint(&mut s, &plan.touchpoints[t]);
            }
            s.close();
        }
        out.push(("phases.journey", s.out));
    }
    if !plan.journeys.is_empty() {
        let mut s = Src::new();
        s.line(&header);
        s.line("");
        s.line("import \"phases.journey\"");
        for (id, phases) in &plan.journeys {
            s.line("");
            s.open(&format!("journey {id}"));
            s.line(&format!("phases {}", phases.join(", ")));
            s.close();
        }
        out.insert(0, ("journey.journey", s.out));
    }
    crate::emit::formatted(out)
}
