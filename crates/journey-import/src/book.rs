//! Reading a workbook into a journey document.
//!
//! Two kinds of workbook are read:
//!
//! - **journeyc's own** (`journeyc export --format xlsx`, then edited):
//!   sheets *Journey*, *Map*, *Personas*, *Touchpoints*, *KPIs*, *Impact
//!   map* and *Promises* (English or German names and headers). Every
//!   field comes back. The Map rows that the workbook draws from other
//!   sheets (touchpoints, KPIs, mean experience) must still agree with
//!   them: a changed cell there is an error that says where to edit.
//! - **a workshop sheet**: the journey poster as a team fills it in,
//!   phases as columns and rows labelled in English or German, in any
//!   order, partly empty; see [`read_workshop`].

use crate::cells::slug;
use crate::labels::{self, MAP_ALIASES, TOUCHPOINT_ALIASES};
use crate::numbers::{self, Style};
use crate::reader::{not_an_id, Cell, Context, Table};
use crate::workbook::{Grid, Value};
use journey_export::sheet::{self, split_lines, Lang};
use journey_export::xlsx::{kept_by, map_derived, Cell as Shown};
use journey_export::{
    Actor, Cost, Deliverable, Document, Empathy, Goal, Impact, Journey, Kpi, Location, LoopBack,
    Metric, Persona, PersonaScores, Phase, Promise, Support, Touchpoint,
};
use std::collections::{HashMap, HashSet};

/// A workbook read into a document.
pub struct Read {
    pub doc: Document,
    pub lang: Lang,
}

fn phase(id: String, title: Option<String>) -> Phase {
    Phase {
        id,
        title,
        ..Phase::default()
    }
}

fn touchpoint(id: String, phase: &str) -> Touchpoint {
    Touchpoint {
        id,
        phase: phase.to_string(),
        state: "current".to_string(),
        ..Touchpoint::default()
    }
}

/// The presence a channel has by default.
fn default_presence(channel: &str) -> Option<&'static str> {
    journey_syntax::schema::channel(channel).map(|c| if c.online { "online" } else { "offline" })
}

/// Which language the labels of `grids` are in: the one more of them
/// match exactly.
fn detect_lang(grids: &[Grid]) -> Lang {
    let mut de = 0;
    let mut en = 0;
    let all: Vec<&sheet::Label> = [
        sheet::SHEETS,
        sheet::JOURNEY_COLUMNS,
        sheet::MAP_ROWS,
        sheet::PERSONA_COLUMNS,
        sheet::TOUCHPOINT_COLUMNS,
        sheet::KPI_COLUMNS,
        sheet::IMPACT_COLUMNS,
        sheet::PROMISE_COLUMNS,
        sheet::PERSONA_SCORE_COLUMNS,
    ]
    .iter()
    .flat_map(|l| l.iter())
    .filter(|l| l.en != l.de)
    .collect();
    let mut count = |text: &str| {
        let n = labels::normalise(text);
        if all.iter().any(|l| labels::normalise(l.de) == n) {
            de += 1;
        }
        if all.iter().any(|l| labels::normalise(l.en) == n) {
            en += 1;
        }
    };
    for g in grids {
        count(&g.name);
        for c in 0..g.width().min(40) {
            count(&g.get(0, c).as_text());
        }
        for r in 0..g.height().min(40) {
            count(&g.get(r, 0).as_text());
        }
    }
    if de > en {
        Lang::De
    } else {
        Lang::En
    }
}

/// Whether `grids` are journeyc's own workbook: it has a Map and a
/// Touchpoints sheet.
pub fn is_own(grids: &[Grid]) -> bool {
    let names: HashSet<&str> = grids
        .iter()
        .filter_map(|g| labels::sheet(&g.name))
        .collect();
    names.contains("map") && names.contains("touchpoints")
}

/// Reads journeyc's own workbook.
pub fn read_own(grids: &[Grid], cx: &mut Context) -> Read {
    let lang = detect_lang(grids);
    cx.style = Some(match lang {
        Lang::De => Style::German,
        Lang::En => Style::English,
    });
    let mut by_kind: HashMap<&str, &Grid> = HashMap::new();
    for g in grids {
        match labels::sheet(&g.name) {
            Some(k) if !by_kind.contains_key(k) => {
                by_kind.insert(k, g);
            }
            _ => cx.note(format!("ignored the sheet `{}`", g.name)),
        }
    }

    // The map: one phase per column.
    let map = by_kind["map"];
    let layout = MapLayout::find(map, cx, true);
    let mut phases: Vec<Phase> = Vec::new();
    for &col in &layout.columns {
        let title = layout.cell(map, "title", col).text(cx);
        let id = match layout.cell(map, "id", col).ident(cx, "a phase id") {
            Some(id) => id,
            None => {
                let at = layout.at(map, "id", col);
                match title.as_deref().and_then(slug) {
                    Some(s) if layout.cell(map, "id", col).value.is_empty() => {
                        cx.note(format!(
                            "{at}: the new phase `{}` gets the id `{s}`",
                            title.as_deref().unwrap_or_default()
                        ));
                        s
                    }
                    _ => {
                        if layout.cell(map, "id", col).value.is_empty() {
                            cx.error(at, "this phase has no id and no title; write the phase's title in the first row");
                        }
                        continue;
                    }
                }
            }
        };
        if phases.iter().any(|p| p.id == id) {
            cx.error(
                layout.at(map, "id", col),
                format!("the phase id `{id}` is used by another column too; ids are unique"),
            );
            continue;
        }
        cx.place("phase", &id, map.cell(layout.header, col));
        let mut p = phase(id, title);
        read_phase_rows(&layout, map, col, &mut p, cx, true);
        phases.push(p);
    }
    let phase_columns: Vec<(String, usize)> = phases
        .iter()
        .map(|p| p.id.clone())
        .zip(layout.columns.iter().copied())
        .collect();

    // Touchpoints.
    let mut touchpoint_ids: HashSet<String> = HashSet::new();
    if let Some(g) = by_kind.get("touchpoints") {
        let t = Table::new(g, sheet::TOUCHPOINT_COLUMNS, TOUCHPOINT_ALIASES, cx);
        require(&t, &["phase", "id"], cx);
        for r in t.rows() {
            let Some(phase_ref) = t.cell(r, "phase").text(cx) else {
                cx.error(t.at(r, "phase"), "empty; write the id of the phase this touchpoint belongs to (a column of the Map)");
                continue;
            };
            let Some(pi) = find_phase(&phases, phase_ref.trim()) else {
                cx.error(
                    t.at(r, "phase"),
                    format!(
                        "there is no phase `{}` on the Map; write one of {}",
                        phase_ref.trim(),
                        phases
                            .iter()
                            .map(|p| p.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
                continue;
            };
            let title = t.cell(r, "title").text(cx);
            let id = match t.cell(r, "id").ident(cx, "a touchpoint id") {
                Some(id) => id,
                None => {
                    if t.cell(r, "id").value.is_empty() {
                        match title.as_deref().and_then(slug) {
                            Some(s) => {
                                let s = unique(&s, &touchpoint_ids);
                                cx.note(format!(
                                    "{}: the new touchpoint gets the id `{s}`",
                                    t.at(r, "id")
                                ));
                                s
                            }
                            None => {
                                cx.error(t.at(r, "id"), "empty; write the touchpoint's id (one word, e.g. `newsletter_signup`)");
                                continue;
                            }
                        }
                    } else {
                        continue;
                    }
                }
            };
            if !touchpoint_ids.insert(id.clone()) {
                cx.error(
                    t.at(r, "id"),
                    format!("the touchpoint id `{id}` is used in another row too; ids are unique"),
                );
                continue;
            }
            cx.place("touchpoint", &id, t.at(r, "id"));
            let tp = read_touchpoint(&t, r, id, title, &phases[pi].id, cx);
            phases[pi].touchpoints.push(tp);
        }
    }

    // Persona scores: one row per persona and touchpoint.
    if let Some(g) = by_kind.get("persona_scores") {
        let t = Table::new(g, sheet::PERSONA_SCORE_COLUMNS, &[], cx);
        require(&t, &["touchpoint", "persona"], cx);
        for r in t.rows() {
            let Some(of) = t.cell(r, "touchpoint").ident(cx, "a touchpoint id") else {
                if t.cell(r, "touchpoint").value.is_empty() {
                    cx.error(
                        t.at(r, "touchpoint"),
                        "empty; write the id of the touchpoint (from the Touchpoints sheet)",
                    );
                }
                continue;
            };
            let Some(persona) = t.cell(r, "persona").ident(cx, "a persona id") else {
                if t.cell(r, "persona").value.is_empty() {
                    cx.error(
                        t.at(r, "persona"),
                        "empty; write the id of the persona these scores are for",
                    );
                }
                continue;
            };
            let scores = PersonaScores {
                persona,
                expectation: t.cell(r, "expectation").score(cx, "expectation"),
                experience: t.cell(r, "experience").score(cx, "experience"),
                target: t.cell(r, "target").score(cx, "target experience"),
                feeling: t.cell(r, "feeling").text(cx),
            };
            let tp = phases
                .iter_mut()
                .flat_map(|p| p.touchpoints.iter_mut())
                .find(|x| x.id == of);
            match tp {
                Some(tp) => tp.persona_scores.push(scores),
                None => cx.error(
                    t.at(r, "touchpoint"),
                    format!("there is no touchpoint `{of}` on the Touchpoints sheet"),
                ),
            }
        }
    }

    // KPIs.
    // Impact KPIs wait for the impact map; each with the cell of its id.
    let mut impact_kpis: HashMap<String, Vec<(Kpi, String)>> = HashMap::new();
    if let Some(g) = by_kind.get("kpis") {
        let t = Table::new(g, sheet::KPI_COLUMNS, &[], cx);
        require(&t, &["of", "name"], cx);
        for r in t.rows() {
            let kind = t.cell(r, "of_kind").text(cx).map(|k| labels::normalise(&k));
            let kind = match kind.as_deref() {
                None => None,
                Some("phase" | "phasen") => Some("phase"),
                Some("touchpoint" | "touchpoints") => Some("touchpoint"),
                Some("impact" | "wirkung") => Some("impact"),
                Some(other) => {
                    cx.error(t.at(r, "of_kind"), format!("`{other}` is not what a KPI belongs to; write `phase`, `touchpoint` or `impact` (`Phase`, `Touchpoint`, `Wirkung`)"));
                    continue;
                }
            };
            let Some(of) = t.cell(r, "of").ident(cx, "an id") else {
                if t.cell(r, "of").value.is_empty() {
                    cx.error(
                        t.at(r, "of"),
                        "empty; write the id of the phase, touchpoint or impact the KPI measures",
                    );
                }
                continue;
            };
            let Some(name) = t.cell(r, "name").text(cx) else {
                cx.error(t.at(r, "name"), "empty; write what the KPI measures");
                continue;
            };
            let kpi = Kpi {
                id: t.cell(r, "id").ident(cx, "a KPI id"),
                name,
                target: t.cell(r, "target").measure(cx),
                unit: t.cell(r, "unit").text(cx),
                location: Location::nowhere(),
            };
            let phase_at = phases.iter().position(|p| p.id == of);
            let tp_at = phases.iter().enumerate().find_map(|(i, p)| {
                p.touchpoints
                    .iter()
                    .position(|t| t.id == of)
                    .map(|j| (i, j))
            });
            match (kind, phase_at, tp_at) {
                (Some("phase") | None, Some(i), _) => phases[i].kpis.push(kpi),
                (Some("touchpoint") | None, _, Some((i, j))) => phases[i].touchpoints[j].kpis.push(kpi),
                (Some("impact") | None, _, _) => {
                    let at = t.at(r, "of");
                    impact_kpis.entry(of).or_default().push((kpi, at));
                }
                (Some(k), _, _) => cx.error(t.at(r, "of"), format!("there is no {k} `{of}`; write the id of one on the Map or the Touchpoints sheet")),
            }
        }
    }

    // Personas.
    let mut personas: Vec<Persona> = Vec::new();
    if let Some(g) = by_kind.get("personas") {
        let t = Table::new(g, sheet::PERSONA_COLUMNS, &[], cx);
        require(&t, &["id"], cx);
        for r in t.rows() {
            let Some(id) = t.cell(r, "id").ident(cx, "a persona id") else {
                if t.cell(r, "id").value.is_empty() {
                    cx.error(
                        t.at(r, "id"),
                        "empty; write the persona's id (one word, e.g. `owner_operator`)",
                    );
                }
                continue;
            };
            if personas.iter().any(|p| p.id == id) {
                cx.error(
                    t.at(r, "id"),
                    format!("the persona id `{id}` is used in another row too; ids are unique"),
                );
                continue;
            }
            cx.place("persona", &id, t.at(r, "id"));
            let says = t.cell(r, "says").list(cx);
            let thinks = t.cell(r, "thinks").list(cx);
            let does = t.cell(r, "does").list(cx);
            let feels = t.cell(r, "feels").list(cx);
            let empathy =
                (!(says.is_empty() && thinks.is_empty() && does.is_empty() && feels.is_empty()))
                    .then_some(Empathy {
                        says,
                        thinks,
                        does,
                        feels,
                    });
            personas.push(Persona {
                id,
                name: t.cell(r, "name").text(cx),
                role: t.cell(r, "role").text(cx),
                description: t.cell(r, "description").text(cx),
                evidence: t.cell(r, "evidence").text(cx),
                needs: t.cell(r, "needs").list(cx),
                pains: t.cell(r, "pains").list(cx),
                gains: t.cell(r, "gains").list(cx),
                goals: t.cell(r, "goals").list(cx),
                channels: t.cell(r, "channels").idents(cx, "a channel id"),
                empathy,
                touchpoints: Vec::new(),
                allows: t.cell(r, "allows").allows(cx),
                location: Location::nowhere(),
            });
        }
    }

    // The impact map.
    let mut goals: Vec<Goal> = Vec::new();
    if let Some(g) = by_kind.get("impact") {
        read_impact_map(g, &personas, &mut impact_kpis, &mut goals, cx);
    }
    let mut orphans: Vec<(String, String)> = impact_kpis
        .into_iter()
        .flat_map(|(id, kpis)| kpis.into_iter().map(move |(_, at)| (at, id.clone())))
        .collect();
    orphans.sort();
    for (at, id) in orphans {
        cx.error(
            at,
            format!("there is no phase, touchpoint or impact `{id}`; write the id of one (from the Map, the Touchpoints sheet or the Impact map)"),
        );
    }

    // Promises.
    if let Some(g) = by_kind.get("promises") {
        let t = Table::new(g, sheet::PROMISE_COLUMNS, &[], cx);
        require(&t, &["phase", "id"], cx);
        let mut seen = HashSet::new();
        for r in t.rows() {
            let Some(phase_ref) = t.cell(r, "phase").text(cx) else {
                cx.error(
                    t.at(r, "phase"),
                    "empty; write the id of the phase that makes the promise",
                );
                continue;
            };
            let Some(pi) = find_phase(&phases, phase_ref.trim()) else {
                cx.error(
                    t.at(r, "phase"),
                    format!("there is no phase `{}` on the Map", phase_ref.trim()),
                );
                continue;
            };
            let Some(id) = t.cell(r, "id").ident(cx, "a promise id") else {
                if t.cell(r, "id").value.is_empty() {
                    cx.error(
                        t.at(r, "id"),
                        "empty; write the promise's id (one word, e.g. `cancel_monthly`)",
                    );
                }
                continue;
            };
            if !seen.insert(id.clone()) {
                cx.error(
                    t.at(r, "id"),
                    format!("the promise id `{id}` is used in another row too; ids are unique"),
                );
                continue;
            }
            phases[pi].promises.push(Promise {
                id,
                text: t.cell(r, "text").text(cx),
                location: Location::nowhere(),
            });
        }
    }

    // Journeys.
    let mut journeys: Vec<Journey> = Vec::new();
    if let Some(g) = by_kind.get("journey") {
        let t = Table::new(g, sheet::JOURNEY_COLUMNS, &[], cx);
        require(&t, &["id"], cx);
        for r in t.rows() {
            let Some(id) = t.cell(r, "id").ident(cx, "a journey id") else {
                if t.cell(r, "id").value.is_empty() {
                    cx.error(
                        t.at(r, "id"),
                        "empty; write the journey's id (one word, e.g. `online_shop`)",
                    );
                }
                continue;
            };
            cx.place("journey", &id, t.at(r, "id"));
            let phase_ids = t.cell(r, "phases").idents(cx, "a phase id");
            for p in &phase_ids {
                if !phases.iter().any(|x| &x.id == p) {
                    cx.error(t.at(r, "phases"), format!("there is no phase `{p}` on the Map; add a column for it there, or remove it here"));
                }
            }
            let loop_back = t.cell(r, "loop").text(cx).and_then(|l| {
                let parts: Vec<&str> = l
                    .split(['→', '>'])
                    .map(|s| s.trim().trim_end_matches('-').trim())
                    .collect();
                match parts.as_slice() {
                    [from, to] if crate::cells::is_ident(from) && crate::cells::is_ident(to) => {
                        Some(LoopBack {
                            from: from.to_string(),
                            to: to.to_string(),
                        })
                    }
                    _ => {
                        cx.error(
                            t.at(r, "loop"),
                            format!(
                                "`{}` is not a loop; write `last_phase -> first_phase`",
                                l.trim()
                            ),
                        );
                        None
                    }
                }
            });
            journeys.push(Journey {
                id,
                title: t.cell(r, "title").text(cx),
                sponsor: t.cell(r, "sponsor").text(cx),
                value: t.cell(r, "value").text(cx),
                description: t.cell(r, "description").text(cx),
                phases: phase_ids,
                loop_back,
                evidence: t.cell(r, "evidence").list(cx),
                disclaimers: t.cell(r, "disclaimers").list(cx),
                allows: t.cell(r, "allows").allows(cx),
                location: Location::nowhere(),
            });
        }
    }

    // The rows the Map draws from other sheets must agree with them.
    for (id, col) in &phase_columns {
        let Some(p) = phases.iter().find(|p| &p.id == id) else {
            continue;
        };
        for key in sheet::MAP_DERIVED {
            let Some(&row) = layout.rows.get(key) else {
                continue;
            };
            let written = map.get(row, *col);
            if !shown_matches(written, p, key) {
                let expected = map_derived(p, key, lang);
                let source = match *key {
                    "kpis" => sheet::label(sheet::SHEETS, "kpis", lang),
                    _ => sheet::label(sheet::SHEETS, "touchpoints", lang),
                };
                cx.error(
                    map.cell(row, *col),
                    format!(
                        "this row is drawn from the sheet {source}, and it says {}; make the change on the sheet {source} (or delete the sheets Touchpoints and KPIs to read the Map as a workshop sheet)",
                        match expected {
                            Shown::Empty => "nothing here".to_string(),
                            Shown::Text(t) => format!("`{}`", t.replace('\n', "`, `")),
                            Shown::Number(n) => format!("`{}`", journey_export::format_number(n)),
                            Shown::Date(d) => format!("`{d}`"),
                        }
                    ),
                );
            }
        }
    }
    if let Some(g) = by_kind.get("promises") {
        let t = Table::new(g, sheet::PROMISE_COLUMNS, &[], &mut Context::default());
        if t.has("kept_by") {
            let probe = Document::assemble(Vec::new(), Vec::new(), phases.clone(), Vec::new());
            for r in t.rows() {
                let Some(id) = t.get(r, "id").as_text().trim().to_string().into() else {
                    continue;
                };
                let written = split_lines(&t.get(r, "kept_by").as_text());
                let expected = kept_by(&probe, &id);
                let mut a = written.clone();
                let mut b = expected.clone();
                a.sort();
                b.sort();
                if a != b {
                    cx.error(
                        t.at(r, "kept_by"),
                        format!(
                            "this column is drawn from the column `{}` of the sheet Touchpoints, which says {}; change the touchpoints' promises there",
                            sheet::label(sheet::TOUCHPOINT_COLUMNS, "keeps", lang),
                            if expected.is_empty() { "no touchpoint keeps it".to_string() } else { format!("`{}`", expected.join("`, `")) }
                        ),
                    );
                }
            }
        }
    }

    Read {
        doc: Document::assemble(journeys, personas, phases, goals),
        lang,
    }
}

/// Whether a derived Map cell shows what the other sheets give, in
/// either language (a person may have re-typed it).
fn shown_matches(written: &Value, p: &Phase, key: &str) -> bool {
    [Lang::En, Lang::De]
        .iter()
        .any(|lang| match map_derived(p, key, *lang) {
            Shown::Empty => written.is_empty(),
            Shown::Number(n) => match written {
                Value::Number(w) => (w - n).abs() < 0.05,
                Value::Text(t) => numbers::parse_number(t, Style::German)
                    .or_else(|| numbers::parse_number(t, Style::English))
                    .is_some_and(|w| (w - n).abs() < 0.05),
                _ => false,
            },
            Shown::Text(t) => split_lines(&written.as_text()) == split_lines(&t),
            Shown::Date(d) => written.as_text() == d,
        })
}

fn require(t: &Table, keys: &[&str], cx: &mut Context) {
    for k in keys {
        if !t.has(k) {
            cx.error(
                t.grid.cell(t.header, 0),
                format!(
                    "the sheet has no column for the {k}; add a column headed `{}`",
                    header_label(k)
                ),
            );
        }
    }
}

fn header_label(key: &str) -> &'static str {
    for labels in [
        sheet::TOUCHPOINT_COLUMNS,
        sheet::JOURNEY_COLUMNS,
        sheet::PERSONA_COLUMNS,
        sheet::KPI_COLUMNS,
        sheet::PROMISE_COLUMNS,
        sheet::IMPACT_COLUMNS,
        sheet::PERSONA_SCORE_COLUMNS,
    ] {
        if let Some(l) = labels.iter().find(|l| l.key == key) {
            return l.en;
        }
    }
    ""
}

/// The phase named by `s`: its id, else its title.
fn find_phase(phases: &[Phase], s: &str) -> Option<usize> {
    phases.iter().position(|p| p.id == s).or_else(|| {
        phases
            .iter()
            .position(|p| p.title.as_deref().map(str::trim) == Some(s))
    })
}

/// `base`, or `base_2`, `base_3` … when taken.
fn unique(base: &str, taken: &HashSet<String>) -> String {
    if !taken.contains(base) {
        return base.to_string();
    }
    (2..)
        .map(|i| format!("{base}_{i}"))
        .find(|s| !taken.contains(s))
        .unwrap_or_default()
}

fn read_touchpoint(
    t: &Table,
    r: usize,
    id: String,
    title: Option<String>,
    phase: &str,
    cx: &mut Context,
) -> Touchpoint {
    let mut tp = touchpoint(id, phase);
    tp.title = title;
    tp.channel = t.cell(r, "channel").text(cx).and_then(|c| {
        let c = c.trim().to_string();
        if crate::cells::is_ident(&c) {
            Some(c)
        } else if let Some(known) = labels::channel(&c) {
            Some(known.to_string())
        } else {
            cx.error(t.at(r, "channel"), not_an_id(&c, "a channel"));
            None
        }
    });
    // `online`/`offline` as written; `(online)` is the channel's default.
    if let Some(p) = t.cell(r, "presence").text(cx) {
        let p = p.trim();
        let (inner, derived) = match p.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
            Some(inner) => (inner, true),
            None => (p, false),
        };
        match labels::value(inner, "presence") {
            Some(v) if derived => {
                tp.presence = tp
                    .channel
                    .as_deref()
                    .and_then(default_presence)
                    .map(str::to_string);
                if tp.presence.is_none() {
                    // A channel of one's own has no default: keep it.
                    tp.presence = Some(v.to_string());
                    tp.presence_explicit = true;
                }
            }
            Some(v) => {
                tp.presence = Some(v.to_string());
                tp.presence_explicit = true;
            }
            None => cx.error(
                t.at(r, "presence"),
                format!("`{p}` is neither online nor offline; write `online` or `offline`"),
            ),
        }
    } else {
        tp.presence = tp
            .channel
            .as_deref()
            .and_then(default_presence)
            .map(str::to_string);
    }
    if tp.presence_explicit && tp.channel.is_none() {
        cx.error(t.at(r, "channel"), "a touchpoint that is online or offline needs a channel; write one (web, email, store …)");
    }
    tp.owner = t.cell(r, "owner").ident(cx, "a team id");
    tp.systems = t.cell(r, "systems").idents(cx, "an IT system id");
    tp.serves = t.cell(r, "serves").idents(cx, "a persona id");
    tp.says = t.cell(r, "says").list(cx);
    tp.evidence = t.cell(r, "evidence").list(cx);
    tp.disclaimers = t.cell(r, "disclaimers").list(cx);
    tp.keeps = t.cell(r, "keeps").idents(cx, "a promise id");
    tp.expectation = t.cell(r, "expectation").score(cx, "expectation");
    tp.experience = t.cell(r, "experience").score(cx, "experience");
    tp.target_experience = t.cell(r, "target").score(cx, "target experience");
    tp.importance = t
        .cell(r, "importance")
        .word(
            cx,
            "importance",
            "low, medium, high, critical (niedrig, mittel, hoch, kritisch)",
        )
        .map(str::to_string);
    tp.monitored = t.cell(r, "monitored").yes_no(cx);
    if let Some(s) = t.cell(r, "state").text(cx) {
        let s = s.trim();
        let (inner, derived) = match s.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
            Some(inner) => (inner, true),
            None => (s, false),
        };
        match labels::value(inner, "state") {
            Some(v) => {
                tp.state = v.to_string();
                tp.state_explicit = !derived || v != "current";
            }
            None => cx.error(
                t.at(r, "state"),
                format!(
                    "`{s}` is not a state; write `current` or `planned` (`aktuell` or `geplant`)"
                ),
            ),
        }
    }
    let moment = t.cell(r, "moment").yes_no(cx);
    let note = t.cell(r, "moment_note").text(cx);
    tp.moment = moment.unwrap_or(false) || note.is_some();
    if moment == Some(false) && note.is_some() {
        cx.error(t.at(r, "moment"), "says no, but a reason for the moment of truth is given; write `yes`, or clear the reason");
    }
    tp.moment_note = note;
    let wow = t.cell(r, "wow").yes_no(cx);
    let note = t.cell(r, "wow_note").text(cx);
    tp.wow = wow.unwrap_or(false) || note.is_some();
    if wow == Some(false) && note.is_some() {
        cx.error(
            t.at(r, "wow"),
            "says no, but a reason for the wow moment is given; write `yes`, or clear the reason",
        );
    }
    tp.wow_note = note;
    let amount = t
        .cell(r, "cost")
        .number(cx, "the cost is an amount such as 12000 or 12.000,50");
    let currency = t.cell(r, "currency").text(cx).map(|c| c.trim().to_string());
    match (amount, currency) {
        (Some(amount), Some(c)) if is_currency(&c) => {
            tp.cost = Some(Cost {
                amount,
                currency: c,
            })
        }
        (Some(amount), Some(c)) => match currency_code(&c) {
            Some(code) => {
                tp.cost = Some(Cost {
                    amount,
                    currency: code.to_string(),
                })
            }
            None => cx.error(
                t.at(r, "currency"),
                format!("`{c}` is not a currency code; write three capital letters such as EUR, CHF, USD or GBP"),
            ),
        },
        (Some(_), None) => cx.error(
            t.at(r, "currency"),
            "the cost has no currency; write its code (EUR, CHF, USD, GBP …)",
        ),
        (None, Some(_)) => cx.error(
            t.at(r, "cost"),
            "a currency but no amount; write the cost, or clear the currency",
        ),
        (None, None) => {}
    }
    tp.next = t.cell(r, "next").idents(cx, "a touchpoint id");
    tp.collects = t.cell(r, "collects").list(cx);
    tp.basis = t
        .cell(r, "basis")
        .text(cx)
        .and_then(|b| {
            let b = b.trim().to_string();
            if journey_syntax::schema::LEGAL_BASES.iter().any(|x| x.name == b) {
                Some(b)
            } else if let Some(v) = labels::value(&b, "basis") {
                Some(v.to_string())
            } else {
                cx.error(t.at(r, "basis"), format!("`{b}` is not a legal basis; write consent, contract, legal_obligation, vital_interest, public_task or legitimate_interest"));
                None
            }
        });
    tp.description = t.cell(r, "description").text(cx);
    tp.allows = t.cell(r, "allows").allows(cx);
    tp
}

/// Three capital letters, as ISO 4217 codes are written.
fn is_currency(c: &str) -> bool {
    c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())
}

/// The code of a currency written as a sign or a word (`€`, `eur`,
/// `Franken`).
fn currency_code(c: &str) -> Option<&'static str> {
    match labels::normalise(c).as_str() {
        "€" | "eur" | "euro" => Some("EUR"),
        "$" | "usd" | "dollar" | "us$" => Some("USD"),
        "£" | "gbp" | "pound" | "pfund" => Some("GBP"),
        "chf" | "fr." | "franken" | "sfr." => Some("CHF"),
        _ => None,
    }
}

fn read_impact_map(
    g: &Grid,
    personas: &[Persona],
    impact_kpis: &mut HashMap<String, Vec<(Kpi, String)>>,
    goals: &mut Vec<Goal>,
    cx: &mut Context,
) {
    let t = Table::new(g, sheet::IMPACT_COLUMNS, &[], cx);
    require(&t, &["level", "id", "title"], cx);
    for r in t.rows() {
        let level_text = t.cell(r, "level").text(cx).unwrap_or_default();
        let level = labels::find(&level_text, sheet::IMPACT_LEVELS, &[]);
        match level {
            Some("goal") => {
                let Some(id) = t.cell(r, "id").ident(cx, "a goal id") else {
                    if t.cell(r, "id").value.is_empty() {
                        cx.error(t.at(r, "id"), "empty; write the goal's id (one word, e.g. `more_subscribers`)");
                    }
                    continue;
                };
                cx.place("goal", &id, t.at(r, "id"));
                let name = t.cell(r, "metric").text(cx);
                let current = t.cell(r, "current").measure(cx);
                let target = t.cell(r, "target").measure(cx);
                let unit = t.cell(r, "unit").text(cx);
                let by = t.cell(r, "by").date(cx);
                let metric = match name {
                    Some(name) => Some(Metric { name, current, target, unit, by }),
                    None => {
                        if current.is_some() || target.is_some() || unit.is_some() || by.is_some() {
                            cx.error(t.at(r, "metric"), "the goal has values but no metric; write what is measured here");
                        }
                        None
                    }
                };
                goals.push(Goal {
                    id,
                    title: t.cell(r, "title").text(cx),
                    metric,
                    description: t.cell(r, "description").text(cx),
                    actors: Vec::new(),
                    allows: t.cell(r, "allows").allows(cx),
                    location: Location::nowhere(),
                });
            }
            Some("actor") => {
                let Some(goal) = goals.last_mut() else {
                    cx.error(t.at(r, "level"), "an actor row must stand below a goal row");
                    continue;
                };
                let Some(id) = t.cell(r, "id").ident(cx, "an actor id") else {
                    if t.cell(r, "id").value.is_empty() {
                        cx.error(t.at(r, "id"), "empty; write a persona's id, or the id of another stakeholder");
                    }
                    continue;
                };
                goal.actors.push(Actor {
                    persona: personas.iter().any(|p| p.id == id).then(|| id.clone()),
                    id,
                    title: t.cell(r, "title").text(cx),
                    impacts: Vec::new(),
                    allows: t.cell(r, "allows").allows(cx),
                    location: Location::nowhere(),
                });
            }
            Some("impact") => {
                let Some(actor) = goals.last_mut().and_then(|g| g.actors.last_mut()) else {
                    cx.error(t.at(r, "level"), "an impact row must stand below an actor row");
                    continue;
                };
                let Some(id) = t.cell(r, "id").ident(cx, "an impact id") else {
                    if t.cell(r, "id").value.is_empty() {
                        cx.error(t.at(r, "id"), "empty; write the impact's id (one word, e.g. `books_again`)");
                    }
                    continue;
                };
                cx.place("impact", &id, t.at(r, "id"));
                actor.impacts.push(Impact {
                    kpis: impact_kpis
                        .remove(&id)
                        .unwrap_or_default()
                        .into_iter()
                        .map(|(k, _)| k)
                        .collect(),
                    id,
                    title: t.cell(r, "title").text(cx),
                    via: t.cell(r, "via").idents(cx, "a touchpoint id"),
                    deliverables: Vec::new(),
                    allows: t.cell(r, "allows").allows(cx),
                    location: Location::nowhere(),
                });
            }
            Some("deliverable") => {
                let Some(impact) = goals
                    .last_mut()
                    .and_then(|g| g.actors.last_mut())
                    .and_then(|a| a.impacts.last_mut())
                else {
                    cx.error(t.at(r, "level"), "a deliverable row must stand below an impact row");
                    continue;
                };
                let Some(title) = t.cell(r, "title").text(cx) else {
                    cx.error(t.at(r, "title"), "empty; write what is built or done");
                    continue;
                };
                impact.deliverables.push(Deliverable {
                    id: t.cell(r, "id").ident(cx, "a deliverable id"),
                    title,
                    via: t.cell(r, "via").idents(cx, "a touchpoint id"),
                    location: Location::nowhere(),
                });
            }
            _ => cx.error(
                t.at(r, "level"),
                format!(
                    "`{}` is not a level of the impact map; write Goal, Actor, Impact or Deliverable (Ziel, Akteur, Wirkung, Maßnahme)",
                    level_text.trim()
                ),
            ),
        }
    }
}

/// Where the rows and phase columns of a map sheet are.
pub struct MapLayout {
    /// The column of the row labels.
    pub labels: usize,
    /// The row with the phase titles.
    pub header: usize,
    /// Row key → row.
    pub rows: HashMap<&'static str, usize>,
    /// The phase columns, left to right.
    pub columns: Vec<usize>,
    /// A title written above the header row, alone in its row.
    pub title: Option<String>,
}

impl MapLayout {
    /// How well `g` looks like a map: the number of recognised row
    /// labels in its best label column.
    pub fn score(g: &Grid) -> usize {
        (0..g.width().min(3))
            .map(|c| {
                (0..g.height())
                    .filter(|r| {
                        labels::find(&g.get(*r, c).as_text(), sheet::MAP_ROWS, MAP_ALIASES)
                            .is_some()
                    })
                    .count()
            })
            .max()
            .unwrap_or(0)
    }

    /// Finds the labels, the header row and the phase columns. Unknown
    /// rows and notes columns are ignored with a note; a column with
    /// content but no phase title is an error.
    pub fn find(g: &Grid, cx: &mut Context, own: bool) -> MapLayout {
        let label_col = (0..g.width().min(3))
            .max_by_key(|c| {
                let n = (0..g.height())
                    .filter(|r| {
                        labels::find(&g.get(*r, *c).as_text(), sheet::MAP_ROWS, MAP_ALIASES)
                            .is_some()
                    })
                    .count();
                (n, usize::MAX - c)
            })
            .unwrap_or(0);
        let mut rows: HashMap<&'static str, usize> = HashMap::new();
        let mut ignored = Vec::new();
        for r in 0..g.height() {
            let text = g.get(r, label_col).as_text();
            if text.trim().is_empty() {
                continue;
            }
            match labels::find(&text, sheet::MAP_ROWS, MAP_ALIASES) {
                Some(key) if !rows.contains_key(key) => {
                    rows.insert(key, r);
                }
                Some(_) => {
                    cx.error(
                        g.cell(r, label_col),
                        format!(
                            "the row `{}` appears twice (first in row {}); merge the two rows",
                            text.trim(),
                            rows[labels::find(&text, sheet::MAP_ROWS, MAP_ALIASES).unwrap_or("")]
                                + 1
                        ),
                    );
                }
                None => ignored.push((r, text.trim().to_string())),
            }
        }
        // The header: the row labelled `Phase`, else the first row with
        // content right of the labels.
        let header = rows.get("title").copied().unwrap_or_else(|| {
            (0..g.height())
                .find(|r| !g.row_is_empty(*r, label_col + 1))
                .unwrap_or(0)
        });
        rows.insert("title", header);
        let mut title = None;
        for (r, text) in ignored {
            if r < header && g.row_is_empty(r, label_col + 1) && title.is_none() && !own {
                title = Some(text);
                continue;
            }
            if r == header {
                continue;
            }
            cx.note(format!(
                "{}: ignored the row `{text}` ({})",
                g.cell(r, label_col),
                if labels::is_notes(&text) {
                    "notes"
                } else {
                    "not a row journeyc knows"
                }
            ));
        }
        let body: Vec<usize> = rows.values().copied().filter(|r| *r != header).collect();
        let mut columns = Vec::new();
        for c in label_col + 1..g.width() {
            let head = g.get(header, c).as_text();
            let filled: Vec<usize> = body
                .iter()
                .copied()
                .filter(|r| !g.get(*r, c).is_empty())
                .collect();
            if head.trim().is_empty() {
                let has_id = rows.get("id").is_some_and(|r| !g.get(*r, c).is_empty());
                if own && has_id {
                    columns.push(c);
                } else if !filled.is_empty() {
                    let what = if filled.iter().any(|r| {
                        ["online", "offline", "other"]
                            .iter()
                            .any(|k| rows.get(k) == Some(r))
                    }) {
                        "touchpoints"
                    } else {
                        "content"
                    };
                    cx.error(
                        g.cell(header, c),
                        format!(
                            "this column has {what} ({}) but no phase title; write the phase's title here, or delete the column",
                            filled.iter().map(|r| g.cell(*r, c)).collect::<Vec<_>>().join(", ")
                        ),
                    );
                }
                continue;
            }
            if labels::is_notes(&head) {
                cx.note(format!(
                    "{}: ignored the column `{}` (notes)",
                    g.cell(header, c),
                    head.trim()
                ));
                continue;
            }
            columns.push(c);
        }
        MapLayout {
            labels: label_col,
            header,
            rows,
            columns,
            title,
        }
    }

    pub fn cell<'g>(&self, g: &'g Grid, key: &str, col: usize) -> Cell<'g> {
        static EMPTY: Value = Value::Empty;
        match self.rows.get(key) {
            Some(r) => Cell {
                value: g.get(*r, col),
                at: g.cell(*r, col),
            },
            None => Cell {
                value: &EMPTY,
                at: g.cell(self.header, col),
            },
        }
    }

    pub fn at(&self, g: &Grid, key: &str, col: usize) -> String {
        g.cell(self.rows.get(key).copied().unwrap_or(self.header), col)
    }
}

/// The rows of a map column that belong to the phase itself.
fn read_phase_rows(
    layout: &MapLayout,
    g: &Grid,
    col: usize,
    p: &mut Phase,
    cx: &mut Context,
    own: bool,
) {
    let list = |cx: &mut Context, key: &str| -> Vec<String> {
        let items = layout.cell(g, key, col).list(cx);
        if own {
            items
        } else {
            items
                .into_iter()
                .map(|s| strip_bullet(&s))
                .filter(|s| !s.is_empty())
                .collect()
        }
    };
    p.kind = match layout.cell(g, "kind", col).text(cx) {
        Some(k) => {
            let k = k.trim().to_string();
            if journey_syntax::schema::PHASE_KINDS
                .iter()
                .any(|x| x.name == k)
            {
                Some(k)
            } else if let Some(v) = labels::value(&k, "kind") {
                Some(v.to_string())
            } else {
                cx.error(layout.at(g, "kind", col), format!("`{k}` is not a phase kind; write one of awareness, consideration, decision, purchase, onboarding, usage, loyalty, advocacy, offboarding, custom"));
                None
            }
        }
        None => None,
    };
    p.question = layout.cell(g, "question", col).text(cx);
    p.activities = list(cx, "activities");
    p.wants = list(cx, "wants");
    p.objective = layout.cell(g, "objective", col).text(cx);
    p.message = layout.cell(g, "message", col).text(cx);
    p.backstage = list(cx, "backstage");
    p.moments = list(cx, "moments");
    if own {
        p.teams = layout.cell(g, "teams", col).idents(cx, "a team id");
        p.systems = layout.cell(g, "systems", col).idents(cx, "an IT system id");
        // `supports`: ids as they are, parts of the value proposition in
        // quotes.
        if let Some(t) = layout.cell(g, "supports", col).text(cx) {
            for line in t.split('\n').map(str::trim).filter(|l| !l.is_empty()) {
                if let Some(text) = sheet::unquote(line) {
                    p.supports.push(Support {
                        reference: None,
                        text: Some(text),
                    });
                } else if crate::cells::is_ident(line) {
                    p.supports.push(Support {
                        reference: Some(line.to_string()),
                        text: None,
                    });
                } else {
                    cx.error(
                        layout.at(g, "supports", col),
                        format!("`{line}` is neither an id nor a quote; write the id of a promise, goal or impact, or a part of the value proposition in quotes (\"…\")"),
                    );
                }
            }
        }
        p.evidence = layout.cell(g, "evidence", col).list(cx);
        p.disclaimers = layout.cell(g, "disclaimers", col).list(cx);
        p.allows = layout.cell(g, "allows", col).allows(cx);
    } else {
        p.teams = names(layout, g, "teams", col, cx);
        p.systems = names(layout, g, "systems", col, cx);
        for key in ["supports", "evidence", "disclaimers", "allows"] {
            if layout.rows.contains_key(key) {
                match key {
                    "evidence" => p.evidence = list(cx, key),
                    "disclaimers" => p.disclaimers = list(cx, key),
                    _ => {}
                }
            }
        }
    }
}

/// `- item` or `• item` → `item`.
fn strip_bullet(s: &str) -> String {
    let t = s.trim_start();
    for b in ["- ", "• ", "* ", "– ", "· "] {
        if let Some(rest) = t.strip_prefix(b) {
            return rest.trim().to_string();
        }
    }
    s.trim().to_string()
}

/// Teams or systems as a workshop writes them (`Kundenservice`,
/// `IT-Support`): ids made from the names.
fn names(layout: &MapLayout, g: &Grid, key: &str, col: usize, cx: &mut Context) -> Vec<String> {
    let Some(t) = layout.cell(g, key, col).text(cx) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in t
        .split(['\n', ',', ';'])
        .map(strip_bullet)
        .filter(|s| !s.is_empty())
    {
        match slug(&item) {
            Some(s) => {
                if !out.contains(&s) {
                    out.push(s);
                }
            }
            None => cx.error(
                layout.at(g, key, col),
                format!(
                    "`{item}` cannot become an id; write a name with letters, e.g. `marketing`"
                ),
            ),
        }
    }
    out
}

/// Reads a workshop sheet: the journey poster with phases as columns.
/// `source` (the file name without extension) names the journey when
/// the sheet has no title above the phases.
pub fn read_workshop(g: &Grid, source: &str, cx: &mut Context) -> Read {
    let layout = MapLayout::find(g, cx, false);
    let lang = detect_lang(std::slice::from_ref(g));
    let style = match lang {
        Lang::De => Style::German,
        Lang::En => Style::English,
    };
    cx.style = Some(style);
    let mut phases: Vec<Phase> = Vec::new();
    let mut taken: HashSet<String> = HashSet::new();
    let mut kinds_guessed = Vec::new();
    let mut channels_guessed = Vec::new();
    let mut no_channel = Vec::new();
    let mut experience_cells: Vec<(usize, f64, String)> = Vec::new();
    for &col in &layout.columns {
        let Some(title) = layout.cell(g, "title", col).text(cx) else {
            continue;
        };
        let title = title.trim().to_string();
        let id = match layout.cell(g, "id", col).text(cx) {
            Some(id) if crate::cells::is_ident(id.trim()) => id.trim().to_string(),
            Some(id) => {
                cx.error(layout.at(g, "id", col), not_an_id(id.trim(), "a phase id"));
                continue;
            }
            None => match slug(&title) {
                Some(s) => unique(&s, &taken),
                None => {
                    cx.error(
                        layout.at(g, "title", col),
                        format!("`{title}` cannot become an id; write a title with letters"),
                    );
                    continue;
                }
            },
        };
        taken.insert(id.clone());
        cx.place("phase", &id, layout.at(g, "title", col));
        let mut p = phase(id, Some(title.clone()));
        read_phase_rows(&layout, g, col, &mut p, cx, false);
        if p.kind.is_none() && !layout.rows.contains_key("kind") {
            if let Some(k) = labels::kind_from_title(&title) {
                p.kind = Some(k.to_string());
                kinds_guessed.push(format!("{title} → {k}"));
            }
        }
        // Touchpoints: `Title (channel)` per line.
        for (key, presence) in [
            ("online", Some("online")),
            ("offline", Some("offline")),
            ("other", None),
        ] {
            let cell = layout.cell(g, key, col);
            let at = cell.at.clone();
            for entry in cell
                .list(cx)
                .iter()
                .map(|s| strip_bullet(s))
                .filter(|s| !s.is_empty())
            {
                let e = parse_entry(&entry);
                let Some(base) = slug(&e.title) else {
                    cx.error(
                        at.clone(),
                        format!(
                            "`{entry}` cannot become a touchpoint id; write a title with letters"
                        ),
                    );
                    continue;
                };
                let id = unique(&base, &taken);
                taken.insert(id.clone());
                cx.place("touchpoint", &id, at.clone());
                let mut tp = touchpoint(id, &p.id);
                tp.title = Some(e.title.clone());
                let channel = match (e.channel, labels::channel_in_title(&e.title)) {
                    (Some(c), _) => Some(c),
                    (None, Some(c)) => {
                        channels_guessed.push(format!("{} → {c}", e.title));
                        Some(c.to_string())
                    }
                    (None, None) => None,
                };
                match (channel, presence) {
                    (Some(c), Some(pr)) => {
                        tp.presence_explicit = default_presence(&c) != Some(pr);
                        tp.presence = Some(pr.to_string());
                        tp.channel = Some(c);
                    }
                    (Some(c), None) => {
                        tp.presence = default_presence(&c).map(str::to_string);
                        tp.channel = Some(c);
                    }
                    (None, Some(pr)) => {
                        let other = match lang {
                            Lang::De => "sonstige",
                            Lang::En => "other",
                        };
                        no_channel.push(format!("{} ({at})", e.title));
                        tp.channel = Some(other.to_string());
                        tp.presence = Some(pr.to_string());
                        tp.presence_explicit = true;
                    }
                    (None, None) => no_channel.push(format!("{} ({at})", e.title)),
                }
                if e.planned {
                    tp.state = "planned".to_string();
                    tp.state_explicit = true;
                }
                p.touchpoints.push(tp);
            }
        }
        // KPIs: `name: target unit` per line.
        let kpi_cell = layout.cell(g, "kpis", col);
        for line in kpi_cell
            .list(cx)
            .iter()
            .map(|s| strip_bullet(s))
            .filter(|s| !s.is_empty())
        {
            p.kpis.push(parse_kpi(&line, style));
        }
        // The experience: given to each touchpoint of the phase.
        let exp = layout.cell(g, "experience", col);
        let at = exp.at.clone();
        if let Some(score) = exp.score(cx, "experience") {
            experience_cells.push((phases.len(), score, at));
        }
        phases.push(p);
    }
    for (i, score, at) in experience_cells {
        let p = &mut phases[i];
        let mut given = false;
        for t in p.touchpoints.iter_mut().filter(|t| t.state != "planned") {
            t.experience = Some(score);
            given = true;
        }
        if !given {
            cx.note(format!(
                "{at}: the experience {} of phase `{}` is kept nowhere: the phase has no current touchpoint",
                journey_export::format_number(score),
                p.id
            ));
        }
    }
    if !kinds_guessed.is_empty() {
        cx.note(format!(
            "phase kinds taken from the titles: {}; add a row `Art` (Kind) to set them",
            kinds_guessed.join(", ")
        ));
    }
    if !channels_guessed.is_empty() {
        cx.note(format!(
            "channels taken from the touchpoint titles: {}",
            channels_guessed.join(", ")
        ));
    }
    if !no_channel.is_empty() {
        cx.note(format!(
            "no channel for {}; name it in brackets, e.g. `Newsletter (email)`",
            no_channel.join(", ")
        ));
    }
    if phases.is_empty() && cx.errors.is_empty() {
        cx.error(
            g.cell(layout.header, layout.labels + 1),
            "no phases found; write the phase titles in one row, one per column, and the row labels (Zentrale Frage, Touchpoints online …) in the first column",
        );
    }
    let title = layout.title.clone();
    let jid = title
        .as_deref()
        .and_then(slug)
        .or_else(|| slug(source))
        .unwrap_or_else(|| "journey".to_string());
    let jid = unique(&jid, &taken);
    let journey = Journey {
        id: jid,
        title,
        sponsor: None,
        value: None,
        description: None,
        phases: phases.iter().map(|p| p.id.clone()).collect(),
        loop_back: None,
        evidence: Vec::new(),
        disclaimers: Vec::new(),
        allows: Vec::new(),
        location: Location::nowhere(),
    };
    Read {
        doc: Document::assemble(vec![journey], Vec::new(), phases, Vec::new()),
        lang,
    }
}

/// A map entry `Title (channel, planned)`.
struct Entry {
    title: String,
    channel: Option<String>,
    planned: bool,
}

fn parse_entry(s: &str) -> Entry {
    let s = s.trim();
    if let (Some(open), true) = (s.rfind('('), s.ends_with(')')) {
        let tags: Vec<&str> = s[open + 1..s.len() - 1].split(',').map(str::trim).collect();
        let mut channel = None;
        let mut planned = false;
        let mut all_known = !tags.is_empty();
        for tag in &tags {
            if let Some(c) = labels::channel(tag) {
                channel = Some(c.to_string());
            } else if labels::value(tag, "state") == Some("planned") {
                planned = true;
            } else if labels::value(tag, "state") == Some("current") {
            } else if crate::cells::is_ident(tag) && channel.is_none() && tags.len() > 1 {
                channel = Some(tag.to_string());
            } else {
                all_known = false;
            }
        }
        let title = s[..open].trim();
        if all_known && !title.is_empty() {
            return Entry {
                title: title.to_string(),
                channel,
                planned,
            };
        }
    }
    Entry {
        title: s.to_string(),
        channel: None,
        planned: false,
    }
}

/// A KPI line `name: target unit`, `name (in unit)` or `name`.
fn parse_kpi(line: &str, style: Style) -> Kpi {
    let kpi = |name: &str, target, unit: Option<&str>| Kpi {
        id: None,
        name: name.trim().to_string(),
        target,
        unit: unit
            .map(str::trim)
            .filter(|u| !u.is_empty())
            .map(str::to_string),
        location: Location::nowhere(),
    };
    if let Some((name, rest)) = line.rsplit_once(':') {
        let rest = rest.trim();
        if let Some(d) = numbers::parse_date(rest) {
            return kpi(name, Some(journey_export::Value::Date(d)), None);
        }
        // The longest start of `rest` that is a number; the rest is the unit.
        let ends: Vec<usize> = rest.char_indices().map(|(i, c)| i + c.len_utf8()).collect();
        for &end in ends.iter().rev() {
            if let Some(n) = numbers::parse_number(&rest[..end], style) {
                return kpi(
                    name,
                    Some(journey_export::Value::Number(n)),
                    Some(&rest[end..]),
                );
            }
        }
        if !rest.is_empty() && !name.trim().is_empty() {
            return kpi(
                name,
                Some(journey_export::Value::Text(rest.to_string())),
                None,
            );
        }
    }
    if let Some(open) = line.rfind(" (in ") {
        if line.ends_with(')') {
            return kpi(&line[..open], None, Some(&line[open + 5..line.len() - 1]));
        }
    }
    kpi(line, None, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currencies_as_codes_signs_or_words() {
        assert!(is_currency("EUR") && is_currency("CHF"));
        assert!(!is_currency("eur") && !is_currency("EURO") && !is_currency("€"));
        assert_eq!(currency_code("€"), Some("EUR"));
        assert_eq!(currency_code(" Euro "), Some("EUR"));
        assert_eq!(currency_code("Franken"), Some("CHF"));
        assert_eq!(currency_code("£"), Some("GBP"));
        assert_eq!(currency_code("Taler"), None);
    }

    #[test]
    fn map_entries_and_kpi_lines() {
        let e = parse_entry("Newsletter (email, geplant)");
        assert_eq!(
            (e.title.as_str(), e.channel.as_deref(), e.planned),
            ("Newsletter", Some("email"), true)
        );
        let e = parse_entry("Beratung (persönlich)");
        assert_eq!(
            (e.title.as_str(), e.channel),
            ("Beratung (persönlich)", None)
        );
        let e = parse_entry("Hotline (Telefon)");
        assert_eq!(e.channel.as_deref(), Some("phone"));
        let k = parse_kpi("Reichweite: 20.000 pro Monat", Style::German);
        assert_eq!(k.name, "Reichweite");
        assert_eq!(k.target, Some(journey_export::Value::Number(20000.0)));
        assert_eq!(k.unit.as_deref(), Some("pro Monat"));
        let k = parse_kpi("Conversion: 4,5 %", Style::German);
        assert_eq!(k.target, Some(journey_export::Value::Number(4.5)));
        assert_eq!(k.unit.as_deref(), Some("%"));
        let k = parse_kpi("Ranking: top 3", Style::German);
        assert_eq!(k.target, Some(journey_export::Value::Text("top 3".into())));
        let k = parse_kpi("NPS", Style::German);
        assert_eq!((k.name.as_str(), k.target), ("NPS", None));
    }
}
