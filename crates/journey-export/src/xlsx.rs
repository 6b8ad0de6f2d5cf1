//! The workbook: the whole journey as an Excel file (`.xlsx`) that a
//! person can read and edit, and that `journeyc import xlsx` reads back.
//!
//! Sheets (names and headers in English or German, [`crate::sheet`]):
//!
//! - *Journey*: one row per journey: id, title, value proposition,
//!   description, phases in order, loop, evidence, small print.
//! - *Map*: the journey poster: phases as columns, and as rows the
//!   central question, customer activities and goals, touchpoints online
//!   and offline, business goal, core message, KPIs, organisational
//!   activities, teams, IT systems, moments of truth and the mean
//!   experience.
//! - *Personas*, *Touchpoints* (every field), *KPIs* (of phases,
//!   touchpoints and impacts), *Impact map* (goal → actor → impact →
//!   deliverable rows) and *Promises*.
//!
//! Numbers are number cells, dates date cells; lists are one item per
//! line within a cell ([`crate::sheet::join_lines`]). Every text is a
//! string cell, never a formula: a title `=HYPERLINK(…)` stays that text
//! (the cell type says so, no `'` is needed). Header rows are frozen,
//! columns are as wide as their content allows, rows as high as their
//! wrapped text.

use crate::doc::{format_number, Allow, CostTotals, Document, Kpi, Phase, Touchpoint, Value};
use crate::sheet::{self, join_lines, label, Label, Lang};
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

/// One cell before it is written.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// `YYYY-MM-DD`.
    Date(String),
}

impl Cell {
    fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }

    fn opt(s: &Option<String>) -> Cell {
        s.as_deref().map(Cell::text).unwrap_or(Cell::Empty)
    }

    fn list(items: &[String]) -> Cell {
        Cell::text(join_lines(items))
    }

    fn value(v: &Option<Value>) -> Cell {
        match v {
            None => Cell::Empty,
            Some(Value::Number(n)) => Cell::Number(*n),
            Some(Value::Date(d)) => Cell::Date(d.clone()),
            Some(Value::Text(t)) => Cell::text(t.clone()),
        }
    }

    /// The text a person sees (for widths and heights).
    fn shown(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => format_number(*n),
            Cell::Date(d) => d.clone(),
        }
    }
}

/// How a cell looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Header,
    Label,
    Plain,
    /// Read from another sheet: shown, not the place to edit.
    Derived,
    Online,
    Offline,
    /// A 1–5 score, coloured by value.
    Score,
    /// Ids and kinds on the map: for the import, quiet for people.
    Meta,
    /// Indented by the impact map level.
    Indent(u8),
}

struct Grid {
    name: &'static str,
    rows: Vec<Vec<(Cell, Style)>>,
    /// Fixed column widths (characters); `None`: fit the content.
    widths: Vec<Option<f64>>,
    /// Rows and columns kept in view.
    freeze: (u32, u16),
}

impl Grid {
    fn new(name: &'static str, freeze: (u32, u16)) -> Grid {
        Grid {
            name,
            rows: Vec::new(),
            widths: Vec::new(),
            freeze,
        }
    }

    fn header(&mut self, labels: &[Label], lang: Lang) {
        self.rows.push(
            labels
                .iter()
                .map(|l| (Cell::text(l.get(lang)), Style::Header))
                .collect(),
        );
    }

    fn row(&mut self, cells: Vec<Cell>) {
        self.rows
            .push(cells.into_iter().map(|c| (c, Style::Plain)).collect());
    }
}

/// The allow statements of a definition, `check: reason` per line.
fn allows(a: &[Allow]) -> Cell {
    let lines: Vec<String> = a
        .iter()
        .map(|a| match &a.reason {
            Some(r) => format!("{}: {r}", a.check),
            None => a.check.clone(),
        })
        .collect();
    Cell::list(&lines)
}

fn yes_no(b: Option<bool>, lang: Lang) -> Cell {
    match b {
        None => Cell::Empty,
        Some(true) => Cell::text(sheet::value("yes", lang)),
        Some(false) => Cell::text(sheet::value("no", lang)),
    }
}

/// A touchpoint as the map lists it: `Title (channel)`, `(…, planned)`
/// for a planned one — the form a workshop sheet is read in, too.
pub fn map_entry(t: &Touchpoint, lang: Lang) -> String {
    let mut tags: Vec<String> = Vec::new();
    if let Some(c) = &t.channel {
        tags.push(c.clone());
    }
    if t.is_planned() {
        tags.push(sheet::value("planned", lang));
    }
    let title = t.display_title();
    if tags.is_empty() {
        title.to_string()
    } else {
        format!("{title} ({})", tags.join(", "))
    }
}

/// `supports`, one item per line: an id as it is, a part of the value
/// proposition in quotes (`"at a fair price"`).
pub fn supports(items: &[crate::doc::Support]) -> Cell {
    Cell::text(
        items
            .iter()
            .map(|s| match (&s.reference, &s.text) {
                (Some(r), _) => r.clone(),
                (None, Some(t)) => sheet::quote(t),
                (None, None) => String::new(),
            })
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

/// The mean experience of a phase's touchpoints, to one decimal.
pub fn mean_experience(p: &Phase) -> Option<f64> {
    let scores: Vec<f64> = p.touchpoints.iter().filter_map(|t| t.experience).collect();
    if scores.is_empty() {
        return None;
    }
    let mean = scores.iter().sum::<f64>() / scores.len() as f64;
    Some((mean * 10.0).round() / 10.0)
}

/// The Map cell of a row drawn from other sheets (see
/// [`sheet::MAP_DERIVED`]): what the workbook shows there.
pub fn map_derived(p: &Phase, key: &str, lang: Lang) -> Cell {
    let list = |presence: Option<&str>| {
        let items: Vec<String> = p
            .touchpoints
            .iter()
            .filter(|t| t.presence.as_deref() == presence)
            .map(|t| map_entry(t, lang))
            .collect();
        Cell::list(&items)
    };
    match key {
        "online" => list(Some("online")),
        "offline" => list(Some("offline")),
        "other" => list(None),
        "kpis" => Cell::list(&p.kpis.iter().map(Kpi::display).collect::<Vec<_>>()),
        "experience" => mean_experience(p).map(Cell::Number).unwrap_or(Cell::Empty),
        "cost" => Cell::list(&cost_lines(&CostTotals::of(&p.touchpoints), lang)),
        _ => Cell::Empty,
    }
}

/// Cost totals one currency per line (`15000 EUR`, `800 CHF`), with the
/// decimal comma in German.
pub fn cost_lines(totals: &CostTotals, lang: Lang) -> Vec<String> {
    totals
        .0
        .iter()
        .map(|(cur, n)| {
            let n = format_number((n * 100.0).round() / 100.0);
            let n = match lang {
                Lang::De => n.replace('.', ","),
                Lang::En => n,
            };
            format!("{n} {cur}")
        })
        .collect()
}

/// The *Persona scores* sheet's cells for one `for` line.
fn persona_score_row(t: &Touchpoint, p: &crate::doc::PersonaScores) -> Vec<Cell> {
    let score = |n: Option<f64>| n.map(Cell::Number).unwrap_or(Cell::Empty);
    vec![
        Cell::text(&t.id),
        Cell::text(&p.persona),
        score(p.expectation),
        score(p.experience),
        score(p.target),
        Cell::opt(&p.feeling),
    ]
}

fn persona_score_sheet(doc: &Document, lang: Lang) -> Grid {
    let mut g = Grid::new(sheet::label(sheet::SHEETS, "persona_scores", lang), (1, 2));
    g.header(sheet::PERSONA_SCORE_COLUMNS, lang);
    for p in &doc.phases {
        for t in &p.touchpoints {
            for ps in &t.persona_scores {
                let cells = persona_score_row(t, ps);
                g.rows.push(
                    cells
                        .into_iter()
                        .enumerate()
                        .map(|(i, c)| {
                            (
                                c,
                                if (2..5).contains(&i) {
                                    Style::Score
                                } else {
                                    Style::Plain
                                },
                            )
                        })
                        .collect(),
                );
            }
        }
    }
    g.widths = vec![None, None, None, None, None, Some(44.0)];
    g
}

fn journey_sheet(doc: &Document, lang: Lang) -> Grid {
    let mut g = Grid::new(sheet::label(sheet::SHEETS, "journey", lang), (1, 1));
    g.header(sheet::JOURNEY_COLUMNS, lang);
    for j in &doc.journeys {
        g.row(vec![
            Cell::text(&j.id),
            Cell::opt(&j.title),
            Cell::opt(&j.sponsor),
            Cell::opt(&j.value),
            Cell::opt(&j.description),
            Cell::list(&j.phases),
            j.loop_back
                .as_ref()
                .map(|l| Cell::text(format!("{} -> {}", l.from, l.to)))
                .unwrap_or(Cell::Empty),
            Cell::list(&j.evidence),
            Cell::list(&j.disclaimers),
            allows(&j.allows),
        ]);
    }
    g.widths = vec![
        None,
        Some(30.0),
        Some(30.0),
        Some(50.0),
        Some(50.0),
        Some(24.0),
        None,
        Some(36.0),
        Some(36.0),
        Some(36.0),
    ];
    g
}

fn map_sheet(doc: &Document, lang: Lang) -> Grid {
    let mut g = Grid::new(sheet::label(sheet::SHEETS, "map", lang), (1, 1));
    let has_other = doc
        .phases
        .iter()
        .any(|p| p.touchpoints.iter().any(|t| t.presence.is_none()));
    let has_cost = doc
        .phases
        .iter()
        .any(|p| p.touchpoints.iter().any(|t| t.cost.is_some()));
    for row in sheet::MAP_ROWS {
        if row.key == "other" && !has_other {
            continue;
        }
        if row.key == "cost" && !has_cost {
            continue;
        }
        if row.key == "supports" {
            // The details below the poster, after a gap.
            g.rows.push(Vec::new());
        }
        let header = row.key == "title";
        let mut cells = vec![(
            Cell::text(row.get(lang)),
            if header { Style::Header } else { Style::Label },
        )];
        for p in &doc.phases {
            let cell = match row.key {
                "title" => Cell::opt(&p.title),
                "id" => Cell::text(&p.id),
                "kind" => Cell::opt(&p.kind),
                "question" => Cell::opt(&p.question),
                "activities" => Cell::list(&p.activities),
                "wants" => Cell::list(&p.wants),
                "objective" => Cell::opt(&p.objective),
                "message" => Cell::opt(&p.message),
                "backstage" => Cell::list(&p.backstage),
                "teams" => Cell::list(&p.teams),
                "systems" => Cell::list(&p.systems),
                "moments" => Cell::list(&p.moments),
                "supports" => supports(&p.supports),
                "evidence" => Cell::list(&p.evidence),
                "disclaimers" => Cell::list(&p.disclaimers),
                "allows" => allows(&p.allows),
                key => map_derived(p, key, lang),
            };
            let style = match row.key {
                "title" => Style::Header,
                "id" | "kind" => Style::Meta,
                "online" => Style::Online,
                "offline" => Style::Offline,
                "experience" => Style::Score,
                k if sheet::MAP_DERIVED.contains(&k) => Style::Derived,
                _ => Style::Plain,
            };
            cells.push((cell, style));
        }
        g.rows.push(cells);
    }
    g.widths = std::iter::once(None)
        .chain(doc.phases.iter().map(|_| Some(34.0)))
        .collect();
    g
}

fn persona_sheet(doc: &Document, lang: Lang) -> Grid {
    let mut g = Grid::new(sheet::label(sheet::SHEETS, "personas", lang), (1, 2));
    g.header(sheet::PERSONA_COLUMNS, lang);
    for p in &doc.personas {
        let e = p.empathy.as_ref();
        let empathy = |f: fn(&crate::doc::Empathy) -> &Vec<String>| {
            e.map(|e| Cell::list(f(e))).unwrap_or(Cell::Empty)
        };
        g.row(vec![
            Cell::text(&p.id),
            Cell::opt(&p.name),
            Cell::opt(&p.role),
            Cell::opt(&p.description),
            Cell::opt(&p.evidence),
            Cell::list(&p.needs),
            Cell::list(&p.pains),
            Cell::list(&p.gains),
            Cell::list(&p.goals),
            Cell::list(&p.channels),
            empathy(|e| &e.says),
            empathy(|e| &e.thinks),
            empathy(|e| &e.does),
            empathy(|e| &e.feels),
            allows(&p.allows),
        ]);
    }
    g.widths = vec![Some(40.0); sheet::PERSONA_COLUMNS.len()];
    g.widths[0] = None;
    g.widths[9] = None;
    g
}

fn touchpoint_sheet(doc: &Document, lang: Lang) -> Grid {
    let mut g = Grid::new(sheet::label(sheet::SHEETS, "touchpoints", lang), (1, 3));
    g.header(sheet::TOUCHPOINT_COLUMNS, lang);
    for p in &doc.phases {
        for t in &p.touchpoints {
            // A value the source leaves to its default is shown in
            // brackets: `(online)` comes from the channel.
            let presence = match (&t.presence, t.presence_explicit) {
                (Some(v), true) => Cell::text(sheet::value(v, lang)),
                (Some(v), false) => Cell::text(format!("({})", sheet::value(v, lang))),
                (None, _) => Cell::Empty,
            };
            let state = if t.state_explicit {
                Cell::text(sheet::value(&t.state, lang))
            } else {
                Cell::text(format!("({})", sheet::value(&t.state, lang)))
            };
            g.row(vec![
                Cell::text(&t.phase),
                Cell::text(&t.id),
                Cell::opt(&t.title),
                Cell::opt(&t.channel),
                presence,
                Cell::opt(&t.owner),
                Cell::list(&t.systems),
                Cell::list(&t.serves),
                Cell::list(&t.says),
                Cell::list(&t.evidence),
                Cell::list(&t.disclaimers),
                Cell::list(&t.keeps),
                t.expectation.map(Cell::Number).unwrap_or(Cell::Empty),
                t.experience.map(Cell::Number).unwrap_or(Cell::Empty),
                t.target_experience.map(Cell::Number).unwrap_or(Cell::Empty),
                t.importance
                    .as_deref()
                    .map(|i| Cell::text(sheet::value(i, lang)))
                    .unwrap_or(Cell::Empty),
                yes_no(t.monitored, lang),
                state,
                if t.moment {
                    yes_no(Some(true), lang)
                } else {
                    Cell::Empty
                },
                Cell::opt(&t.moment_note),
                if t.wow {
                    yes_no(Some(true), lang)
                } else {
                    Cell::Empty
                },
                Cell::opt(&t.wow_note),
                t.cost
                    .as_ref()
                    .map(|c| Cell::Number(c.amount))
                    .unwrap_or(Cell::Empty),
                Cell::opt(&t.cost.as_ref().map(|c| c.currency.clone())),
                Cell::list(&t.next),
                Cell::list(&t.collects),
                Cell::opt(&t.basis),
                Cell::opt(&t.description),
                allows(&t.allows),
            ]);
        }
    }
    let mut widths = vec![None; sheet::TOUCHPOINT_COLUMNS.len()];
    for (i, key) in sheet::TOUCHPOINT_COLUMNS.iter().map(|c| c.key).enumerate() {
        if matches!(
            key,
            "title"
                | "says"
                | "evidence"
                | "disclaimers"
                | "moment_note"
                | "wow_note"
                | "collects"
                | "description"
                | "allows"
        ) {
            widths[i] = Some(36.0);
        }
    }
    g.widths = widths;
    g
}

fn kpi_sheet(doc: &Document, lang: Lang) -> Grid {
    let mut g = Grid::new(sheet::label(sheet::SHEETS, "kpis", lang), (1, 0));
    g.header(sheet::KPI_COLUMNS, lang);
    let push = |g: &mut Grid, kind: &str, of: &str, k: &Kpi| {
        g.row(vec![
            Cell::text(label(sheet::KPI_OWNERS, kind, lang)),
            Cell::text(of),
            Cell::opt(&k.id),
            Cell::text(&k.name),
            Cell::value(&k.target),
            Cell::opt(&k.unit),
        ]);
    };
    for p in &doc.phases {
        for k in &p.kpis {
            push(&mut g, "phase", &p.id, k);
        }
        for t in &p.touchpoints {
            for k in &t.kpis {
                push(&mut g, "touchpoint", &t.id, k);
            }
        }
    }
    for goal in &doc.goals {
        for a in &goal.actors {
            for i in &a.impacts {
                for k in &i.kpis {
                    push(&mut g, "impact", &i.id, k);
                }
            }
        }
    }
    g.widths = vec![None, None, None, Some(44.0), None, None];
    g
}

fn impact_sheet(doc: &Document, lang: Lang) -> Grid {
    let mut g = Grid::new(sheet::label(sheet::SHEETS, "impact", lang), (1, 1));
    g.header(sheet::IMPACT_COLUMNS, lang);
    let level = |k: &str| Cell::text(label(sheet::IMPACT_LEVELS, k, lang));
    let styled = |cells: Vec<Cell>, indent: u8| -> Vec<(Cell, Style)> {
        cells
            .into_iter()
            .enumerate()
            .map(|(i, c)| {
                let s = if i == 2 && indent > 0 {
                    Style::Indent(indent)
                } else {
                    Style::Plain
                };
                (c, s)
            })
            .collect()
    };
    for goal in &doc.goals {
        let m = goal.metric.as_ref();
        g.rows.push(styled(
            vec![
                level("goal"),
                Cell::text(&goal.id),
                Cell::opt(&goal.title),
                m.map(|m| Cell::text(&m.name)).unwrap_or(Cell::Empty),
                m.map(|m| Cell::value(&m.current)).unwrap_or(Cell::Empty),
                m.map(|m| Cell::value(&m.target)).unwrap_or(Cell::Empty),
                m.map(|m| Cell::opt(&m.unit)).unwrap_or(Cell::Empty),
                m.and_then(|m| m.by.as_ref())
                    .map(|b| Cell::Date(b.clone()))
                    .unwrap_or(Cell::Empty),
                Cell::Empty,
                Cell::opt(&goal.description),
                allows(&goal.allows),
            ],
            0,
        ));
        for a in &goal.actors {
            let mut cells = vec![level("actor"), Cell::text(&a.id), Cell::opt(&a.title)];
            cells.resize(10, Cell::Empty);
            cells.push(allows(&a.allows));
            g.rows.push(styled(cells, 1));
            for i in &a.impacts {
                let mut cells = vec![level("impact"), Cell::text(&i.id), Cell::opt(&i.title)];
                cells.resize(8, Cell::Empty);
                cells.push(Cell::list(&i.via));
                cells.push(Cell::Empty);
                cells.push(allows(&i.allows));
                g.rows.push(styled(cells, 2));
                for d in &i.deliverables {
                    let mut cells =
                        vec![level("deliverable"), Cell::opt(&d.id), Cell::text(&d.title)];
                    cells.resize(8, Cell::Empty);
                    cells.push(Cell::list(&d.via));
                    g.rows.push(styled(cells, 3));
                }
            }
        }
    }
    g.widths = vec![
        None,
        None,
        Some(44.0),
        Some(30.0),
        None,
        None,
        None,
        Some(11.0),
        Some(24.0),
        Some(36.0),
        Some(36.0),
    ];
    g
}

fn promise_sheet(doc: &Document, lang: Lang) -> Grid {
    let mut g = Grid::new(sheet::label(sheet::SHEETS, "promises", lang), (1, 0));
    g.header(sheet::PROMISE_COLUMNS, lang);
    for p in &doc.phases {
        for pr in &p.promises {
            let mut cells = vec![
                (Cell::text(&p.id), Style::Plain),
                (Cell::text(&pr.id), Style::Plain),
                (Cell::opt(&pr.text), Style::Plain),
            ];
            cells.push((Cell::list(&kept_by(doc, &pr.id)), Style::Derived));
            g.rows.push(cells);
        }
    }
    g.widths = vec![None, None, Some(50.0), Some(30.0)];
    g
}

/// The touchpoints that keep promise `id`, in journey order.
pub fn kept_by(doc: &Document, id: &str) -> Vec<String> {
    doc.phases
        .iter()
        .flat_map(|p| &p.touchpoints)
        .filter(|t| t.keeps.iter().any(|k| k == id))
        .map(|t| t.id.clone())
        .collect()
}

/// The sheets of the workbook, in order, as cells.
fn grids(doc: &Document, lang: Lang) -> Vec<Grid> {
    vec![
        journey_sheet(doc, lang),
        map_sheet(doc, lang),
        persona_sheet(doc, lang),
        touchpoint_sheet(doc, lang),
        kpi_sheet(doc, lang),
        impact_sheet(doc, lang),
        promise_sheet(doc, lang),
        persona_score_sheet(doc, lang),
    ]
}

/// Why the workbook could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XlsxExportError(pub String);

impl std::fmt::Display for XlsxExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for XlsxExportError {}

/// The longest text a cell holds (Excel's limit).
pub const MAX_CELL_CHARS: usize = 32_767;

/// The workbook of `doc`, labels in `lang`, as the bytes of an `.xlsx`
/// file. The same document gives the same bytes.
pub fn render(doc: &Document, lang: Lang) -> Result<Vec<u8>, XlsxExportError> {
    let mut wb = Workbook::new();
    // A fixed creation time keeps the output reproducible.
    let created = ExcelDateTime::from_ymd(2000, 1, 1).map_err(xlsx_error)?;
    let title = doc
        .journeys
        .first()
        .and_then(|j| j.title.clone())
        .unwrap_or_else(|| "journey".to_string());
    wb.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_comment("journeyc export --format xlsx")
            .set_creation_datetime(&created),
    );
    let styles = Styles::new(lang);
    for grid in grids(doc, lang) {
        let ws = wb.add_worksheet();
        emit(ws, &grid, &styles)?;
    }
    wb.save_to_buffer().map_err(xlsx_error)
}

fn xlsx_error(e: XlsxError) -> XlsxExportError {
    XlsxExportError(format!("cannot write the workbook: {e}"))
}

struct Styles {
    header: Format,
    label: Format,
    plain: Format,
    derived: Format,
    online: Format,
    offline: Format,
    score_low: Format,
    score_mid: Format,
    score_high: Format,
    indents: [Format; 4],
    date: Format,
    meta: Format,
}

impl Styles {
    fn new(lang: Lang) -> Styles {
        let base = Format::new()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_align(FormatAlign::Left);
        Styles {
            header: base
                .clone()
                .set_bold()
                .set_background_color(0x1F4E79)
                .set_font_color(0xFFFFFF)
                .set_border_bottom(FormatBorder::Thin),
            label: base
                .clone()
                .set_bold()
                .set_background_color(0xD9E1F2)
                .set_border_bottom(FormatBorder::Hair),
            plain: base.clone().set_border_bottom(FormatBorder::Hair),
            derived: base
                .clone()
                .set_italic()
                .set_font_color(0x404040)
                .set_border_bottom(FormatBorder::Hair),
            online: base
                .clone()
                .set_background_color(0xDDEBF7)
                .set_border_bottom(FormatBorder::Hair),
            offline: base
                .clone()
                .set_background_color(0xE2EFDA)
                .set_border_bottom(FormatBorder::Hair),
            score_low: base.clone().set_bold().set_background_color(0xF8CBAD),
            score_mid: base.clone().set_bold().set_background_color(0xFFE699),
            score_high: base.clone().set_bold().set_background_color(0xC6EFCE),
            indents: [0u8, 1, 2, 3].map(|i| base.clone().set_indent(i)),
            meta: base
                .clone()
                .set_font_size(9)
                .set_font_color(0x7F7F7F)
                .set_border_bottom(FormatBorder::Hair),
            date: base.set_num_format(match lang {
                Lang::En => "yyyy-mm-dd",
                Lang::De => "dd.mm.yyyy",
            }),
        }
    }

    fn of(&self, style: Style, cell: &Cell) -> &Format {
        match (style, cell) {
            (Style::Header, _) => &self.header,
            (Style::Label, _) => &self.label,
            (Style::Derived, _) => &self.derived,
            (Style::Online, _) => &self.online,
            (Style::Meta, _) => &self.meta,
            (Style::Offline, _) => &self.offline,
            (Style::Score, Cell::Number(n)) if *n < 2.5 => &self.score_low,
            (Style::Score, Cell::Number(n)) if *n < 3.5 => &self.score_mid,
            (Style::Score, Cell::Number(_)) => &self.score_high,
            (_, Cell::Date(_)) => &self.date,
            (Style::Indent(i), _) => &self.indents[usize::from(i.min(3))],
            _ => &self.plain,
        }
    }
}

/// How many lines `text` takes in a column `width` characters wide,
/// wrapped at spaces.
fn wrapped_lines(text: &str, width: f64) -> usize {
    // A column `width` characters wide holds a little more text of
    // average letters than digits, which the width is measured in.
    let width = (width * 1.2 - 1.0).max(4.0) as usize;
    text.split('\n')
        .map(|line| {
            let mut lines = 1;
            let mut used = 0usize;
            for word in line.split(' ') {
                let w = word.chars().count();
                let need = if used == 0 { w } else { used + 1 + w };
                if need <= width {
                    used = need;
                } else if used == 0 {
                    // A word longer than the column breaks where it must.
                    lines += (w.saturating_sub(1)) / width;
                    used = w % width;
                } else {
                    lines += 1 + w.saturating_sub(1) / width;
                    used = w % width;
                }
            }
            lines
        })
        .sum()
}

fn emit(ws: &mut Worksheet, grid: &Grid, styles: &Styles) -> Result<(), XlsxExportError> {
    ws.set_name(grid.name).map_err(xlsx_error)?;
    let columns = grid.rows.iter().map(Vec::len).max().unwrap_or(0);
    // Widths: fixed, or the longest line of the column (header included),
    // within limits.
    let mut widths = Vec::with_capacity(columns);
    for c in 0..columns {
        let fixed = grid.widths.get(c).copied().flatten();
        let width = fixed.unwrap_or_else(|| {
            let longest = grid
                .rows
                .iter()
                .filter_map(|r| r.get(c))
                .flat_map(|(cell, _)| {
                    cell.shown()
                        .split('\n')
                        .map(|l| l.chars().count())
                        .collect::<Vec<_>>()
                })
                .max()
                .unwrap_or(0);
            (longest as f64 + 2.0).clamp(8.0, 40.0)
        });
        widths.push(width);
        ws.set_column_width(c as u16, width).map_err(xlsx_error)?;
    }
    for (r, row) in grid.rows.iter().enumerate() {
        let r32 = r as u32;
        let mut lines = 1usize;
        for (c, (cell, style)) in row.iter().enumerate() {
            let c16 = c as u16;
            let format = styles.of(*style, cell);
            match cell {
                Cell::Empty => {
                    if !matches!(style, Style::Plain | Style::Indent(_)) {
                        ws.write_blank(r32, c16, format).map_err(xlsx_error)?;
                    }
                }
                Cell::Text(t) => {
                    if t.chars().count() > MAX_CELL_CHARS {
                        return Err(XlsxExportError(format!(
                            "{}!{}{}: the text has {} characters; a spreadsheet cell holds at most {MAX_CELL_CHARS}. Shorten it in the .journey file, or export as JSON",
                            grid.name,
                            column_letter(c),
                            r + 1,
                            t.chars().count()
                        )));
                    }
                    ws.write_string_with_format(r32, c16, t, format)
                        .map_err(xlsx_error)?;
                    lines = lines.max(wrapped_lines(t, widths[c]));
                }
                Cell::Number(n) => {
                    ws.write_number_with_format(r32, c16, *n, format)
                        .map_err(xlsx_error)?;
                }
                Cell::Date(d) => match date(d) {
                    Some(dt) => {
                        ws.write_datetime_with_format(r32, c16, &dt, format)
                            .map_err(xlsx_error)?;
                    }
                    // Not a calendar date: kept as the text written.
                    None => {
                        ws.write_string_with_format(r32, c16, d, &styles.plain)
                            .map_err(xlsx_error)?;
                    }
                },
            }
        }
        // Excel's row height limit is 409 points; 15 points a line.
        let height = (lines as f64 * 15.0).min(409.0);
        if lines > 1 {
            ws.set_row_height(r32, height).map_err(xlsx_error)?;
        }
    }
    if grid.freeze != (0, 0) {
        ws.set_freeze_panes(grid.freeze.0, grid.freeze.1)
            .map_err(xlsx_error)?;
    }
    ws.set_landscape();
    ws.set_paper_size(8); // A3, like a poster
    ws.set_print_fit_to_pages(1, 0);
    if grid.freeze.0 > 0 {
        ws.set_repeat_rows(0, grid.freeze.0 - 1)
            .map_err(xlsx_error)?;
    }
    Ok(())
}

/// A `YYYY-MM-DD` date as a spreadsheet date; `None` when it is not a
/// calendar date Excel knows (from 1900).
fn date(s: &str) -> Option<ExcelDateTime> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: u16 = s[0..4].parse().ok()?;
    let m: u8 = s[5..7].parse().ok()?;
    let d: u8 = s[8..10].parse().ok()?;
    if y < 1900 || !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    ExcelDateTime::from_ymd(y, m, d).ok()
}

fn days_in_month(y: u16, m: u8) -> u8 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Column letters as spreadsheets show them: 0 → `A`, 26 → `AA`.
pub fn column_letter(mut index: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_as_spreadsheets_show_them() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn wrapped_lines_counts_words_and_breaks() {
        assert_eq!(wrapped_lines("", 20.0), 1);
        assert_eq!(wrapped_lines("a b c", 20.0), 1);
        assert_eq!(wrapped_lines("a\nb", 20.0), 2);
        assert_eq!(wrapped_lines("aaaa bbbb cccc", 10.0), 2);
        // 11 wide holds 12 characters of text: 100 take 9 lines.
        assert_eq!(wrapped_lines(&"x".repeat(100), 11.0), 9);
    }

    #[test]
    fn only_calendar_dates_are_dates() {
        assert!(date("2027-06-30").is_some());
        assert!(date("2028-02-29").is_some());
        assert!(date("2027-02-29").is_none());
        assert!(date("2027-13-01").is_none());
        assert!(date("1899-12-31").is_none());
    }
}
