//! The journey map as a poster, drawn without a browser.
//!
//! [`svg`] lays the map out — phases as columns, the customer's rows,
//! touchpoints as cards in one swim lane per channel, the business rows,
//! an emotion curve per persona aligned with the phase columns, and a
//! legend — and writes it as one SVG with the bundled font embedded. It
//! grows with the journey (the viewer scales it); [`png`] renders the same
//! SVG with resvg, [`pdf`] pages it onto A3 landscape sheets with svg2pdf:
//! at most [`PHASES_PER_PAGE`] phases side by side, rows that do not fit
//! continue on the next sheet, and every sheet repeats the journey's title
//! and the phase header.
//!
//! Text is wrapped with the widths of the bundled font (DejaVu Sans,
//! `fonts/`), and the renderers are given that font and no other, so the
//! output is the same on every machine.

mod font;

use journey_export::html::escape;
use journey_export::{kpi_display, Document, Journey, Labels, Options, Phase, Touchpoint};
use journey_l10n::Arg;
use std::fmt::Write;

pub use font::{width as text_width, FAMILY};

/// What to produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Svg,
    Png,
    Pdf,
}

/// The poster in `kind`.
pub fn render(doc: &Document, kind: Kind, options: &Options) -> Result<Vec<u8>, String> {
    match kind {
        Kind::Svg => Ok(svg(doc, options).into_bytes()),
        Kind::Png => png(doc, options),
        Kind::Pdf => pdf(doc, options),
    }
}

// ---- measures (SVG user units; in the PDF one unit is one point) ----------

const MARGIN: f64 = 24.0;
const LABEL_W: f64 = 128.0;
/// The width of a phase column on the poster.
pub const COL_W: f64 = 208.0;
const PAD: f64 = 7.0;
const GAP: f64 = 6.0;
const BODY: f64 = 8.5;
const SMALL: f64 = 7.4;
const CURVE_H: f64 = 150.0;
const LEGEND_H: f64 = 34.0;

/// A3 landscape, in points.
pub const PAGE_W: f64 = 1190.55;
pub const PAGE_H: f64 = 841.89;
/// The most phases side by side on one PDF page.
pub const PHASES_PER_PAGE: usize = 6;

/// The PNG is drawn at twice the SVG's size, smaller when that would pass
/// this many pixels (a 10-phase poster of 150 touchpoints stays a few
/// tens of megabytes in memory).
pub const MAX_PIXELS: f64 = 24_000_000.0;

const NAVY: &str = "#1f3a5f";
const TEAL: &str = "#0f766e";
const GOLD: &str = "#b7791f";
const VIOLET: &str = "#6b46c1";
const RED: &str = "#c53030";
const GREEN: &str = "#2f855a";
const LINE: &str = "#dfe4ec";
const MUTED: &str = "#5b6678";
const FAINT: &str = "#8a94a6";
const INK: &str = "#172033";

/// Persona colours of the emotion curves' dots (the lines are navy and
/// grey in every chart; each chart is one persona).
const DOT: &str = "#4a78b5";

// ---- drawing primitives ----------------------------------------------------

/// Experience and expectation of one phase, when known.
type Pair = (Option<f64>, Option<f64>);

#[allow(clippy::too_many_arguments)]
fn text(
    out: &mut String,
    x: f64,
    y: f64,
    size: f64,
    bold: bool,
    fill: &str,
    anchor: &str,
    s: &str,
) {
    let _ = write!(
        out,
        "<text x=\"{x:.1}\" y=\"{y:.1}\" font-size=\"{size}\"{} fill=\"{fill}\"{}>{}</text>",
        if bold { " font-weight=\"bold\"" } else { "" },
        if anchor == "start" {
            String::new()
        } else {
            format!(" text-anchor=\"{anchor}\"")
        },
        escape(s)
    );
}

fn rect(out: &mut String, x: f64, y: f64, w: f64, h: f64, fill: &str, extra: &str) {
    let _ = write!(
        out,
        "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{fill}\"{extra}/>",
        w.max(0.0),
        h.max(0.0)
    );
}

/// A piece of a cell: drawn at (0, 0) in a cell `w` wide, `h` tall.
#[derive(Debug, Clone)]
struct Block {
    h: f64,
    svg: String,
}

/// Wrapped text as a block.
fn text_block(s: &str, w: f64, size: f64, bold: bool, fill: &str, max_lines: usize) -> Block {
    let lines = font::wrap(s, size, bold, w, max_lines);
    let lh = size * 1.3;
    let mut svg = String::new();
    for (i, l) in lines.iter().enumerate() {
        text(
            &mut svg,
            0.0,
            size + lh * i as f64,
            size,
            bold,
            fill,
            "start",
            l,
        );
    }
    Block {
        h: lh * lines.len() as f64,
        svg,
    }
}

/// A list as bullet lines.
fn list_blocks(items: &[String], w: f64) -> Vec<Block> {
    items
        .iter()
        .map(|i| {
            let mut b = text_block(i, w - 9.0, BODY, false, INK, 4);
            b.svg = format!(
                "<circle cx=\"2.5\" cy=\"{:.1}\" r=\"1.6\" fill=\"{MUTED}\"/><g transform=\"translate(9 0)\">{}</g>",
                BODY * 0.68,
                b.svg
            );
            b
        })
        .collect()
}

/// `pain`, `over` or `` for an experience against an expectation.
fn gap_class(experience: f64, expectation: f64) -> &'static str {
    let gap = experience - expectation;
    if gap <= -0.5 {
        "pain"
    } else if gap >= 0.5 {
        "over"
    } else {
        ""
    }
}

fn mean(values: impl IntoIterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values
        .into_iter()
        .fold((0.0, 0u32), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / f64::from(n))
}

fn channel(t: &Touchpoint) -> &str {
    t.channel.as_deref().unwrap_or("—")
}

/// A touchpoint as a card.
fn card(doc: &Document, l: &Labels, t: &Touchpoint, w: f64) -> Block {
    let inner = w - 14.0;
    let mut body = String::new();
    let mut y = 6.0;
    let mut put = |b: Block, y: &mut f64, gap: f64| {
        let _ = write!(
            body,
            "<g transform=\"translate(10 {:.1})\">{}</g>",
            *y, b.svg
        );
        *y += b.h + gap;
    };
    put(
        text_block(t.display_title(), inner, 9.0, true, INK, 3),
        &mut y,
        2.0,
    );
    let mut badges: Vec<(String, &str, &str)> = Vec::new();
    if t.moment {
        badges.push((l.t("badge-moment"), "#fff1c7", "#8a5a00"));
    }
    if t.is_planned() {
        badges.push((l.t("badge-planned"), "#f1eafd", VIOLET));
    }
    if let Some(i) = t
        .importance
        .as_deref()
        .filter(|i| matches!(*i, "critical" | "high"))
    {
        badges.push((l.t(&format!("importance-{i}")), "#fdecec", RED));
    }
    if !badges.is_empty() {
        let mut svg = String::new();
        let mut x = 0.0;
        let mut row = 0.0;
        for (label, bg, fg) in &badges {
            let bw = font::width(label, 6.8, true) + 8.0;
            if x > 0.0 && x + bw > inner {
                x = 0.0;
                row += 12.0;
            }
            rect(&mut svg, x, row, bw.min(inner), 10.5, bg, " rx=\"2\"");
            text(&mut svg, x + 4.0, row + 7.8, 6.8, true, fg, "start", label);
            x += bw + 4.0;
        }
        put(Block { h: row + 10.5, svg }, &mut y, 3.0);
    }
    let mut meta: Vec<String> = Vec::new();
    if let Some(o) = &t.owner {
        meta.push(format!("{} {o}", l.t("tp-owner")));
    }
    let served: Vec<&str> = t
        .serves
        .iter()
        .map(|p| {
            let n = doc.persona_name(p);
            n.split(',').next().unwrap_or(n).trim()
        })
        .collect();
    if !served.is_empty() {
        meta.push(l.f("tp-for", &[("names", served.join(", ").into())]));
    }
    if !meta.is_empty() {
        put(
            text_block(&meta.join(" · "), inner, SMALL, false, MUTED, 2),
            &mut y,
            3.0,
        );
    }
    match (t.experience, t.expectation) {
        (Some(x), e) => {
            let cls = e.map(|e| gap_class(x, e)).unwrap_or("");
            let fill = match cls {
                "pain" => RED,
                "over" => GREEN,
                _ => DOT,
            };
            let mut svg = String::new();
            rect(&mut svg, 0.0, 0.0, inner, 4.0, "#edf0f5", " rx=\"2\"");
            rect(&mut svg, 0.0, 0.0, inner * x / 5.0, 4.0, fill, " rx=\"2\"");
            if let Some(e) = e {
                rect(&mut svg, inner * e / 5.0 - 0.8, -2.5, 1.6, 9.0, INK, "");
            }
            let score = match e {
                Some(e) => l.f(
                    "score-experience-expected",
                    &[("x", l.decimal(x).into()), ("e", l.decimal(e).into())],
                ),
                None => l.f("score-experience", &[("x", l.decimal(x).into())]),
            };
            text(&mut svg, 0.0, 14.0, 6.8, false, MUTED, "start", &score);
            let verdict = match cls {
                "pain" => l.t("verdict-pain"),
                "over" => l.t("verdict-over"),
                _ => String::new(),
            };
            if !verdict.is_empty() {
                text(&mut svg, inner, 14.0, 6.8, true, fill, "end", &verdict);
            }
            put(Block { h: 16.0, svg }, &mut y, 3.0);
        }
        (None, Some(e)) => {
            let id = if t.is_planned() {
                "score-expected-planned"
            } else {
                "score-expected-unmeasured"
            };
            put(
                text_block(
                    &l.f(id, &[("e", l.decimal(e).into())]),
                    inner,
                    6.8,
                    false,
                    MUTED,
                    1,
                ),
                &mut y,
                3.0,
            );
        }
        (None, None) => {}
    }
    if let Some(first) = t.says.first() {
        let quoted = format!(
            "“{}”",
            first.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        let b = text_block(&quoted, inner - 6.0, 7.8, false, "#24324a", 4);
        let bar = format!(
            "<rect x=\"0\" y=\"0\" width=\"2\" height=\"{:.1}\" fill=\"#c6d4ea\"/><g transform=\"translate(6 0)\">{}</g>",
            b.h + 1.0,
            b.svg
        );
        put(
            Block {
                h: b.h + 1.0,
                svg: bar,
            },
            &mut y,
            3.0,
        );
    }
    if !t.kpis.is_empty() {
        let kpis: Vec<String> = t.kpis.iter().map(|k| kpi_display(l, k)).collect();
        put(
            text_block(
                &format!("{}: {}", l.t("tp-kpis"), kpis.join("; ")),
                inner,
                SMALL,
                false,
                MUTED,
                2,
            ),
            &mut y,
            3.0,
        );
    }
    let kept = journey_export::html::kept_promises(doc, t);
    if !kept.is_empty() {
        put(
            text_block(
                &format!("✓ {}", kept.join("; ")),
                inner,
                SMALL,
                false,
                GREEN,
                2,
            ),
            &mut y,
            3.0,
        );
    }
    let h = y + 3.0;
    let stripe = if t.is_planned() {
        VIOLET
    } else if t.is_online() == Some(false) {
        GOLD
    } else {
        TEAL
    };
    let mut svg = String::new();
    let border = if t.moment {
        "stroke=\"#f6c453\" stroke-width=\"2\"".to_string()
    } else if t.is_planned() {
        format!("stroke=\"{VIOLET}\" stroke-width=\"1\" stroke-dasharray=\"4 3\"")
    } else {
        format!("stroke=\"{LINE}\" stroke-width=\"1\"")
    };
    let bg = if t.is_planned() { "#fcfaff" } else { "#ffffff" };
    let _ = write!(
        svg,
        "<rect x=\"0.5\" y=\"0.5\" width=\"{:.1}\" height=\"{:.1}\" rx=\"5\" fill=\"{bg}\" {border}/>\
         <rect x=\"0.5\" y=\"0.5\" width=\"4\" height=\"{:.1}\" rx=\"2\" fill=\"{stripe}\"/>{body}",
        w - 1.0,
        h - 1.0,
        h - 1.0
    );
    Block { h, svg }
}

// ---- rows ------------------------------------------------------------------

/// One row of the poster.
#[derive(Debug, Clone)]
enum Row {
    /// A band naming the rows below (the customer, the business …).
    Group {
        label: String,
        fill: &'static str,
        ink: &'static str,
    },
    /// A row label and a stack of blocks per phase.
    Cells {
        label: String,
        hint: Option<String>,
        fill: &'static str,
        cells: Vec<Vec<Block>>,
    },
    /// The emotion curve of one persona.
    Curve(Curve),
    /// The legend.
    Legend,
}

#[derive(Debug, Clone)]
struct Curve {
    persona: String,
    /// Experience and expectation per phase (the status quo).
    points: Vec<Pair>,
    /// The experience aimed for per phase; empty when it is the status
    /// quo throughout.
    targets: Vec<Option<f64>>,
    /// The touchpoints per phase: (experience, class, moment).
    dots: Vec<Vec<(f64, &'static str, bool)>>,
}

fn cell_height(blocks: &[Block]) -> f64 {
    if blocks.is_empty() {
        return 0.0;
    }
    blocks.iter().map(|b| b.h).sum::<f64>() + GAP * (blocks.len() - 1) as f64
}

fn label_block(label: &str, hint: Option<&str>) -> Block {
    let mut b = text_block(
        &label.to_uppercase(),
        LABEL_W - 2.0 * PAD,
        7.6,
        true,
        NAVY,
        4,
    );
    if let Some(h) = hint {
        let hb = text_block(h, LABEL_W - 2.0 * PAD, 7.0, false, MUTED, 3);
        let _ = write!(
            b.svg,
            "<g transform=\"translate(0 {:.1})\">{}</g>",
            b.h + 2.0,
            hb.svg
        );
        b.h += hb.h + 2.0;
    }
    b
}

fn opt_text(s: &Option<String>, w: f64, bold: bool, fill: &str) -> Vec<Block> {
    s.as_deref()
        .map(|s| vec![text_block(s, w, BODY, bold, fill, 8)])
        .unwrap_or_default()
}

fn chips(items: &[String], w: f64, fill: &str, ink: &str) -> Vec<Block> {
    if items.is_empty() {
        return Vec::new();
    }
    let mut svg = String::new();
    let (mut x, mut y) = (0.0, 0.0);
    for i in items {
        let iw = (font::width(i, 7.2, false) + 10.0).min(w);
        if x > 0.0 && x + iw > w {
            x = 0.0;
            y += 14.0;
        }
        rect(&mut svg, x, y, iw, 11.5, fill, " rx=\"5.5\"");
        let label = font::wrap(i, 7.2, false, iw - 8.0, 1);
        text(
            &mut svg,
            x + 5.0,
            y + 8.5,
            7.2,
            false,
            ink,
            "start",
            label.first().map(String::as_str).unwrap_or(""),
        );
        x += iw + 4.0;
    }
    vec![Block { h: y + 11.5, svg }]
}

/// The rows of a journey's map for `phases`, for columns `col_w` wide.
fn rows(doc: &Document, l: &Labels, phases: &[&Phase], col_w: f64) -> Vec<Row> {
    let w = col_w - 2.0 * PAD;
    let mut rows = Vec::new();
    let cells = |f: &dyn Fn(&Phase) -> Vec<Block>| phases.iter().map(|p| f(p)).collect();
    let plain =
        |label: &str, hint: Option<&str>, fill: &'static str, cells: Vec<Vec<Block>>| Row::Cells {
            label: l.t(label),
            hint: hint.map(|h| l.t(h)),
            fill,
            cells,
        };
    rows.push(Row::Group {
        label: l.t("group-customer"),
        fill: "#edf7f5",
        ink: TEAL,
    });
    rows.push(plain(
        "row-question",
        None,
        "#ffffff",
        cells(&|p| opt_text(&p.question, w, true, "#24324a")),
    ));
    rows.push(plain(
        "row-activities",
        Some("hint-activities"),
        "#ffffff",
        cells(&|p| list_blocks(&p.activities, w)),
    ));
    rows.push(plain(
        "row-goals",
        Some("hint-goals"),
        "#ffffff",
        cells(&|p| list_blocks(&p.wants, w)),
    ));

    rows.push(Row::Group {
        label: l.t("group-touchpoints"),
        fill: "#eef2f8",
        ink: NAVY,
    });
    let mut lanes: Vec<(bool, String)> = Vec::new();
    for p in phases {
        for t in &p.touchpoints {
            let key = (t.is_online().unwrap_or(true), channel(t).to_string());
            if !lanes.contains(&key) {
                lanes.push(key);
            }
        }
    }
    lanes.sort_by_key(|(online, _)| !online);
    for (online, ch) in &lanes {
        let presence = if *online { "online" } else { "offline" };
        rows.push(Row::Cells {
            label: ch.clone(),
            hint: Some(l.t(&format!("presence-{presence}"))),
            fill: "#fbfcfe",
            cells: cells(&|p| {
                p.touchpoints
                    .iter()
                    .filter(|t| t.is_online().unwrap_or(true) == *online && channel(t) == ch)
                    .map(|t| card(doc, l, t, w))
                    .collect()
            }),
        });
    }
    rows.push(plain(
        "row-moments",
        Some("hint-moments"),
        "#ffffff",
        cells(&|p| list_blocks(&p.moments, w)),
    ));
    rows.push(plain(
        "row-experience",
        Some("hint-experience"),
        "#ffffff",
        cells(&|p| {
            let cur: Vec<&Touchpoint> = p.touchpoints.iter().filter(|t| !t.is_planned()).collect();
            let x = mean(cur.iter().filter_map(|t| t.experience));
            let e = mean(cur.iter().filter_map(|t| t.expectation));
            let mut svg = String::new();
            match (x, e) {
                (Some(x), e) => {
                    let fill = match e.map(|e| gap_class(x, e)).unwrap_or("") {
                        "pain" => RED,
                        "over" => GREEN,
                        _ => NAVY,
                    };
                    text(
                        &mut svg,
                        0.0,
                        14.0,
                        15.0,
                        true,
                        fill,
                        "start",
                        &l.decimal(x),
                    );
                    let rest = match e {
                        Some(e) => {
                            format!(" / 5 · {}", l.f("expected", &[("e", l.decimal(e).into())]))
                        }
                        None => " / 5".to_string(),
                    };
                    let x0 = font::width(&l.decimal(x), 15.0, true) + 2.0;
                    text(&mut svg, x0, 14.0, 7.5, false, MUTED, "start", &rest);
                    vec![Block { h: 17.0, svg }]
                }
                (None, Some(e)) => vec![text_block(
                    &l.f("expected", &[("e", l.decimal(e).into())]),
                    w,
                    BODY,
                    false,
                    MUTED,
                    1,
                )],
                (None, None) => Vec::new(),
            }
        }),
    ));

    rows.push(Row::Group {
        label: l.t("group-business"),
        fill: "#f6f0fd",
        ink: VIOLET,
    });
    rows.push(plain(
        "row-message",
        None,
        "#fffaf0",
        cells(&|p| opt_text(&p.message, w, true, "#5f370e")),
    ));
    rows.push(plain(
        "row-promises",
        None,
        "#fffaf0",
        cells(&|p| {
            let items: Vec<String> = p
                .promises
                .iter()
                .map(|pr| pr.text.clone().unwrap_or_else(|| pr.id.clone()))
                .collect();
            list_blocks(&items, w)
        }),
    ));
    rows.push(plain(
        "row-objective",
        None,
        "#ffffff",
        cells(&|p| opt_text(&p.objective, w, false, INK)),
    ));
    rows.push(plain(
        "row-kpis",
        None,
        "#ffffff",
        cells(&|p| {
            let k: Vec<String> = p.kpis.iter().map(|k| kpi_display(l, k)).collect();
            list_blocks(&k, w)
        }),
    ));
    rows.push(plain(
        "row-backstage",
        Some("hint-backstage"),
        "#ffffff",
        cells(&|p| list_blocks(&p.backstage, w)),
    ));
    rows.push(plain(
        "row-teams",
        None,
        "#ffffff",
        cells(&|p| chips(&p.teams, w, "#e8eef7", NAVY)),
    ));
    rows.push(plain(
        "row-systems",
        None,
        "#ffffff",
        cells(&|p| chips(&p.systems, w, "#eef1f5", "#3d4a5c")),
    ));
    // Rows nobody filled in are left out.
    rows.retain(|r| match r {
        Row::Cells { cells, .. } => cells.iter().any(|c| !c.is_empty()),
        _ => true,
    });
    // A group band without rows under it goes too.
    let mut kept: Vec<Row> = Vec::new();
    for r in rows {
        if let (Some(Row::Group { .. }), Row::Group { .. }) = (kept.last(), &r) {
            kept.pop();
        }
        kept.push(r);
    }
    if let Some(Row::Group { .. }) = kept.last() {
        kept.pop();
    }

    // An emotion curve per persona the journey's touchpoints serve.
    for persona in &doc.personas {
        let serves = |t: &&Touchpoint| t.serves.contains(&persona.id);
        if !phases
            .iter()
            .flat_map(|p| p.touchpoints.iter())
            .any(|t| serves(&t))
        {
            continue;
        }
        // The persona's own scores (`for`), else the touchpoint's.
        let curve = journey_export::persona_curve(&persona.id, phases);
        let points = curve
            .iter()
            .map(|c| (c.experience, c.expectation))
            .collect();
        let targets = if journey_export::target_differs(&curve) {
            curve.iter().map(|c| c.target).collect()
        } else {
            Vec::new()
        };
        let dots = phases
            .iter()
            .map(|p| {
                p.touchpoints
                    .iter()
                    .filter(serves)
                    .filter(|t| !t.is_planned())
                    .filter_map(|t| {
                        let x = t.experience_for(&persona.id)?;
                        let cls = t
                            .expectation_for(&persona.id)
                            .map(|e| gap_class(x, e))
                            .unwrap_or("");
                        Some((x, cls, t.moment))
                    })
                    .collect()
            })
            .collect();
        kept.push(Row::Curve(Curve {
            persona: persona.name.clone().unwrap_or_else(|| persona.id.clone()),
            points,
            targets,
            dots,
        }));
    }
    kept.push(Row::Legend);
    kept
}

// ---- placing rows ------------------------------------------------------------

/// A row, or the part of one that goes on a page: blocks `from[i]..to[i]`
/// of each cell.
#[derive(Debug, Clone)]
struct Piece {
    row: usize,
    from: Vec<usize>,
    to: Vec<usize>,
    continued: bool,
}

fn piece_height(row: &Row, p: &Piece) -> f64 {
    match row {
        Row::Group { .. } => 17.0,
        Row::Cells {
            label, hint, cells, ..
        } => {
            let content = cells
                .iter()
                .enumerate()
                .map(|(i, c)| cell_height(&c[p.from[i]..p.to[i]]))
                .fold(0.0, f64::max);
            let lb = if p.continued {
                label_block(&format!("{label} …"), None).h
            } else {
                label_block(label, hint.as_deref()).h
            };
            content.max(lb) + 2.0 * PAD
        }
        Row::Curve(_) => CURVE_H,
        Row::Legend => LEGEND_H,
    }
}

fn whole(rows: &[Row]) -> Vec<Piece> {
    rows.iter()
        .enumerate()
        .map(|(i, r)| {
            let n = match r {
                Row::Cells { cells, .. } => cells.iter().map(Vec::len).collect(),
                _ => Vec::new(),
            };
            Piece {
                row: i,
                from: vec![0; n.len()],
                to: n,
                continued: false,
            }
        })
        .collect()
}

/// Draws the pieces below each other from `y`; returns the SVG and the
/// height used.
fn draw_pieces(
    l: &Labels,
    rows: &[Row],
    pieces: &[Piece],
    x0: f64,
    y0: f64,
    col_w: f64,
    n: usize,
) -> (String, f64) {
    let mut out = String::new();
    let mut y = y0;
    let full = LABEL_W + col_w * n as f64;
    for p in pieces {
        let row = &rows[p.row];
        let h = piece_height(row, p);
        match row {
            Row::Group { label, fill, ink } => {
                rect(&mut out, x0, y, full, h, fill, "");
                text(
                    &mut out,
                    x0 + PAD,
                    y + 11.5,
                    7.4,
                    true,
                    ink,
                    "start",
                    &label.to_uppercase(),
                );
            }
            Row::Cells {
                label,
                hint,
                fill,
                cells,
            } => {
                rect(&mut out, x0, y, LABEL_W, h, "#f7f9fc", "");
                let lb = if p.continued {
                    label_block(
                        &l.f("poster-continued", &[("label", label.as_str().into())]),
                        None,
                    )
                } else {
                    label_block(label, hint.as_deref())
                };
                let _ = write!(
                    out,
                    "<g transform=\"translate({:.1} {:.1})\">{}</g>",
                    x0 + PAD,
                    y + PAD,
                    lb.svg
                );
                for (i, c) in cells.iter().enumerate() {
                    let cx = x0 + LABEL_W + col_w * i as f64;
                    rect(&mut out, cx, y, col_w, h, fill, "");
                    let mut by = y + PAD;
                    for b in &c[p.from[i]..p.to[i]] {
                        let _ = write!(
                            out,
                            "<g transform=\"translate({:.1} {:.1})\">{}</g>",
                            cx + PAD,
                            by,
                            b.svg
                        );
                        by += b.h + GAP;
                    }
                }
                // The grid.
                for i in 0..=n {
                    let x = x0 + LABEL_W + col_w * i as f64;
                    let _ = write!(
                        out,
                        "<line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{y:.1}\" y2=\"{:.1}\" stroke=\"{LINE}\" stroke-width=\"1\"/>",
                        y + h
                    );
                }
            }
            Row::Curve(c) => draw_curve(&mut out, l, c, x0, y, col_w, n),
            Row::Legend => draw_legend(&mut out, l, x0, y, full),
        }
        let _ = write!(
            out,
            "<line x1=\"{x0:.1}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"{LINE}\" stroke-width=\"1\"/>",
            x0 + full,
            y + h,
            y + h
        );
        y += h;
    }
    (out, y - y0)
}

fn draw_curve(out: &mut String, l: &Labels, c: &Curve, x0: f64, y0: f64, col_w: f64, n: usize) {
    let top = y0 + 16.0;
    let bottom = y0 + CURVE_H - 12.0;
    let left = x0 + LABEL_W;
    let yv = |v: f64| top + (5.0 - v.clamp(0.5, 5.5)) / 4.0 * (bottom - top);
    let xp = |i: f64| left + col_w * i;
    rect(
        out,
        x0,
        y0,
        LABEL_W + col_w * n as f64,
        CURVE_H,
        "#fbfcfe",
        "",
    );
    let name = text_block(&c.persona, LABEL_W - 2.0 * PAD, 8.6, true, NAVY, 4);
    let _ = write!(
        out,
        "<g transform=\"translate({:.1} {:.1})\">{}</g>",
        x0 + PAD,
        y0 + PAD,
        name.svg
    );
    text(
        out,
        x0 + PAD,
        y0 + PAD + name.h + 10.0,
        6.8,
        false,
        MUTED,
        "start",
        &l.t("poster-curves"),
    );
    for i in 0..n {
        if i % 2 == 0 {
            rect(out, xp(i as f64), top, col_w, bottom - top, "#f1f4f9", "");
        }
    }
    for v in 1..=5 {
        let y = yv(f64::from(v));
        let _ = write!(
            out,
            "<line x1=\"{left:.1}\" x2=\"{:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"{LINE}\" stroke-width=\"0.8\"/>",
            xp(n as f64)
        );
        let label = match v {
            1 => l.t("score-poor"),
            5 => l.t("score-excellent"),
            _ => v.to_string(),
        };
        text(out, left - 4.0, y + 2.5, 6.5, false, MUTED, "end", &label);
    }
    // Areas between the lines.
    for i in 0..c.points.len().saturating_sub(1) {
        let ((Some(a), Some(ea)), (Some(b), Some(eb))) = (c.points[i], c.points[i + 1]) else {
            continue;
        };
        let (xa, xb) = (xp(i as f64 + 0.5), xp(i as f64 + 1.5));
        let (da, db) = (a - ea, b - eb);
        let mut area = |x1: f64, x2: f64, v1: (f64, f64), v2: (f64, f64), d: f64| {
            if d.abs() < 1e-9 {
                return;
            }
            let fill = if d < 0.0 { RED } else { GREEN };
            let _ = write!(
                out,
                "<polygon points=\"{x1:.1},{:.1} {x2:.1},{:.1} {x2:.1},{:.1} {x1:.1},{:.1}\" fill=\"{fill}\" fill-opacity=\"0.16\"/>",
                yv(v1.0),
                yv(v2.0),
                yv(v2.1),
                yv(v1.1)
            );
        };
        if da * db < 0.0 {
            let t = da / (da - db);
            let xm = xa + (xb - xa) * t;
            let vm = a + (b - a) * t;
            area(xa, xm, (a, ea), (vm, vm), da);
            area(xm, xb, (vm, vm), (b, eb), db);
        } else {
            area(xa, xb, (a, ea), (b, eb), if da != 0.0 { da } else { db });
        }
    }
    let line = |sel: fn(&Pair) -> Option<f64>| {
        let mut runs: Vec<String> = Vec::new();
        let mut cur = String::new();
        for (i, p) in c.points.iter().enumerate() {
            match sel(p) {
                Some(v) => {
                    let _ = write!(cur, "{:.1},{:.1} ", xp(i as f64 + 0.5), yv(v));
                }
                None if !cur.is_empty() => runs.push(std::mem::take(&mut cur)),
                None => {}
            }
        }
        if !cur.is_empty() {
            runs.push(cur);
        }
        runs
    };
    for run in line(|p| p.1) {
        let _ = write!(
            out,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{MUTED}\" stroke-width=\"1.8\" stroke-dasharray=\"5 4\"/>",
            run.trim()
        );
    }
    for run in line(|p| p.0) {
        let _ = write!(
            out,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{NAVY}\" stroke-width=\"2.6\" stroke-linejoin=\"round\"/>",
            run.trim()
        );
    }
    // The target curve, where it differs from the status quo.
    let mut cur = String::new();
    let mut target_runs = Vec::new();
    for (i, t) in c.targets.iter().enumerate() {
        match t {
            Some(v) => {
                let _ = write!(cur, "{:.1},{:.1} ", xp(i as f64 + 0.5), yv(*v));
            }
            None if !cur.is_empty() => target_runs.push(std::mem::take(&mut cur)),
            None => {}
        }
    }
    if !cur.is_empty() {
        target_runs.push(cur);
    }
    for run in target_runs {
        let _ = write!(
            out,
            "<polyline class=\"target-line\" points=\"{}\" fill=\"none\" stroke=\"{VIOLET}\" stroke-width=\"2\" stroke-dasharray=\"8 3 2 3\" stroke-linejoin=\"round\"/>",
            run.trim()
        );
    }
    for (i, dots) in c.dots.iter().enumerate() {
        let k = dots.len().max(1) as f64;
        for (j, (v, cls, moment)) in dots.iter().enumerate() {
            let dx =
                ((j as f64 - (k - 1.0) / 2.0) * 11.0).clamp(-col_w / 2.0 + 8.0, col_w / 2.0 - 8.0);
            let x = xp(i as f64 + 0.5) + dx;
            let y = yv(*v);
            let fill = match *cls {
                "pain" => RED,
                "over" => GREEN,
                _ => DOT,
            };
            if *moment {
                text(out, x, y + 4.5, 13.0, false, fill, "middle", "★");
            } else {
                let r = if cls.is_empty() { 3.2 } else { 4.4 };
                let _ = write!(
                    out,
                    "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r}\" fill=\"{fill}\" stroke=\"#ffffff\" stroke-width=\"1\"/>"
                );
            }
        }
    }
}

fn draw_legend(out: &mut String, l: &Labels, x0: f64, y0: f64, full: f64) {
    let mut x = x0 + PAD;
    let mut y = y0 + 13.0;
    text(
        out,
        x,
        y,
        7.6,
        true,
        NAVY,
        "start",
        &l.t("poster-legend").to_uppercase(),
    );
    x += font::width(&l.t("poster-legend").to_uppercase(), 7.6, true) + 14.0;
    let items: Vec<(String, String)> = vec![
        (l.t("legend-online"), format!("<rect width=\"9\" height=\"9\" rx=\"2\" fill=\"{TEAL}\"/>")),
        (l.t("legend-offline"), format!("<rect width=\"9\" height=\"9\" rx=\"2\" fill=\"{GOLD}\"/>")),
        (l.t("legend-planned"), format!("<rect width=\"9\" height=\"9\" rx=\"2\" fill=\"{VIOLET}\"/>")),
        (l.t("legend-moment"), "<rect width=\"9\" height=\"9\" rx=\"2\" fill=\"#f6c453\"/>".to_string()),
        (l.t("legend-below"), format!("<rect width=\"9\" height=\"9\" rx=\"2\" fill=\"{RED}\"/>")),
        (l.t("legend-above"), format!("<rect width=\"9\" height=\"9\" rx=\"2\" fill=\"{GREEN}\"/>")),
        (l.t("legend-experience"), format!("<line x1=\"0\" x2=\"16\" y1=\"4.5\" y2=\"4.5\" stroke=\"{NAVY}\" stroke-width=\"2.6\"/>")),
        (l.t("legend-expectation"), format!("<line x1=\"0\" x2=\"16\" y1=\"4.5\" y2=\"4.5\" stroke=\"{MUTED}\" stroke-width=\"1.8\" stroke-dasharray=\"4 3\"/>")),
        (l.t("legend-target"), format!("<line x1=\"0\" x2=\"16\" y1=\"4.5\" y2=\"4.5\" stroke=\"{VIOLET}\" stroke-width=\"2\" stroke-dasharray=\"5 2 1 2\"/>")),
    ];
    for (label, swatch) in items {
        let sw = if swatch.starts_with("<line") {
            16.0
        } else {
            9.0
        };
        let iw = sw + 4.0 + font::width(&label, 7.4, false) + 14.0;
        if x + iw > x0 + full {
            x = x0 + PAD;
            y += 13.0;
        }
        let _ = write!(
            out,
            "<g transform=\"translate({x:.1} {:.1})\">{swatch}</g>",
            y - 8.0
        );
        text(out, x + sw + 4.0, y, 7.4, false, MUTED, "start", &label);
        x += iw;
    }
}

/// The phase header row; returns its SVG and height.
fn phase_header(
    l: &Labels,
    doc: &Document,
    j: Option<&Journey>,
    phases: &[(usize, &Phase)],
    x0: f64,
    y0: f64,
    col_w: f64,
) -> (String, f64) {
    let w = col_w - 2.0 * PAD;
    let titles: Vec<Block> = phases
        .iter()
        .map(|(_, p)| text_block(p.display_title(), w, 10.5, true, "#ffffff", 3))
        .collect();
    let extra = |p: &Phase| {
        let mut lines = Vec::new();
        if let Some(k) = &p.kind {
            lines.push(journey_export::phase_kind(l, k));
        }
        if let Some(lb) = j
            .and_then(|j| j.loop_back.as_ref())
            .filter(|lb| lb.from == p.id)
        {
            let to = doc
                .phase(&lb.to)
                .map(|p| p.display_title())
                .unwrap_or(&lb.to);
            lines.push(l.f("continues-with", &[("phase", Arg::from(to))]));
        }
        lines
    };
    let h = phases
        .iter()
        .zip(&titles)
        .map(|((_, p), t)| 16.0 + t.h + 11.0 * extra(p).len() as f64)
        .fold(0.0, f64::max)
        + 2.0 * PAD;
    let mut out = String::new();
    rect(&mut out, x0, y0, LABEL_W, h, "#ffffff", "");
    text(
        &mut out,
        x0 + PAD,
        y0 + h - PAD,
        7.0,
        true,
        FAINT,
        "start",
        &l.t("map-corner").to_uppercase(),
    );
    for (k, ((i, p), t)) in phases.iter().zip(&titles).enumerate() {
        let x = x0 + LABEL_W + col_w * k as f64;
        rect(&mut out, x, y0, col_w, h, NAVY, "");
        let _ = write!(
            out,
            "<line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{y0:.1}\" y2=\"{:.1}\" stroke=\"#35557e\" stroke-width=\"1\"/>",
            y0 + h
        );
        text(
            &mut out,
            x + PAD,
            y0 + PAD + 7.0,
            6.8,
            true,
            "#a9c1df",
            "start",
            &l.f("phase-n", &[("n", (i + 1).into())]).to_uppercase(),
        );
        let _ = write!(
            out,
            "<g transform=\"translate({:.1} {:.1})\">{}</g>",
            x + PAD,
            y0 + PAD + 11.0,
            t.svg
        );
        for (e, line) in extra(p).iter().enumerate() {
            text(
                &mut out,
                x + PAD,
                y0 + PAD + 11.0 + t.h + 10.0 + 11.0 * e as f64,
                7.2,
                e > 0 || p.kind.is_none(),
                if e == 0 && p.kind.is_some() {
                    "#e4edf8"
                } else {
                    "#ffd166"
                },
                "start",
                line,
            );
        }
    }
    (out, h)
}

fn svg_document(w: f64, h: f64, body: &str, embed_fonts: bool) -> String {
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w:.0}\" height=\"{h:.0}\" viewBox=\"0 0 {w:.2} {h:.2}\" font-family=\"{FAMILY}\">"
    );
    if embed_fonts {
        use base64::Engine;
        let b64 = base64::engine::general_purpose::STANDARD;
        let _ = write!(
            s,
            "<style>@font-face{{font-family:\"{FAMILY}\";font-weight:normal;src:url(data:font/ttf;base64,{})}}\
             @font-face{{font-family:\"{FAMILY}\";font-weight:bold;src:url(data:font/ttf;base64,{})}}</style>",
            b64.encode(font::REGULAR),
            b64.encode(font::BOLD)
        );
    }
    s.push_str(body);
    s.push_str("</svg>\n");
    s
}

/// The journeys to draw: the document's, or one made of every phase when
/// it has none.
fn journeys(doc: &Document) -> Vec<(Option<&Journey>, Vec<&Phase>)> {
    if doc.journeys.is_empty() {
        vec![(None, doc.phases.iter().collect())]
    } else {
        doc.journeys
            .iter()
            .map(|j| (Some(j), doc.journey_phases(j).collect()))
            .collect()
    }
}

fn journey_title(l: &Labels, j: Option<&Journey>) -> String {
    match j {
        Some(j) => j.title.clone().unwrap_or_else(|| j.id.clone()),
        None => l.t("eyebrow"),
    }
}

/// The poster as one SVG, the bundled font embedded: every journey of the
/// document with all its phases side by side.
pub fn svg(doc: &Document, options: &Options) -> String {
    let (body, w, h) = poster_body(doc, options);
    svg_document(w, h, &body, true)
}

/// The poster's drawing and its size.
fn poster_body(doc: &Document, options: &Options) -> (String, f64, f64) {
    let l = options.labels(doc);
    let mut body = String::new();
    let all = journeys(doc);
    let widest = all.iter().map(|(_, p)| p.len()).max().unwrap_or(0).max(1);
    let w = 2.0 * MARGIN + LABEL_W + COL_W * widest as f64;
    let mut y = MARGIN;
    for (j, phases) in &all {
        let inner = w - 2.0 * MARGIN;
        text(
            &mut body,
            MARGIN,
            y + 9.0,
            8.0,
            true,
            "#4a6a93",
            "start",
            &l.t("eyebrow").to_uppercase(),
        );
        let title = text_block(&journey_title(&l, *j), inner, 22.0, true, NAVY, 3);
        let _ = write!(
            body,
            "<g transform=\"translate({MARGIN} {:.1})\">{}</g>",
            y + 14.0,
            title.svg
        );
        y += 14.0 + title.h + 6.0;
        if let Some(v) = j.and_then(|j| j.value.as_deref()) {
            let b = text_block(
                &format!(
                    "{}: {}",
                    l.t("value-proposition"),
                    v.split_whitespace().collect::<Vec<_>>().join(" ")
                ),
                inner,
                10.0,
                false,
                INK,
                3,
            );
            let _ = write!(
                body,
                "<g transform=\"translate({MARGIN} {y:.1})\">{}</g>",
                b.svg
            );
            y += b.h + 4.0;
        }
        let flow: Vec<&str> = phases.iter().map(|p| p.display_title()).collect();
        let b = text_block(&flow.join(" → "), inner, 8.5, false, MUTED, 3);
        let _ = write!(
            body,
            "<g transform=\"translate({MARGIN} {y:.1})\">{}</g>",
            b.svg
        );
        y += b.h + 10.0;
        let indexed: Vec<(usize, &Phase)> = phases.iter().copied().enumerate().collect();
        let (head, hh) = phase_header(&l, doc, *j, &indexed, MARGIN, y, COL_W);
        body.push_str(&head);
        y += hh;
        let rows = rows(doc, &l, phases, COL_W);
        let (svg, used) = draw_pieces(&l, &rows, &whole(&rows), MARGIN, y, COL_W, phases.len());
        body.push_str(&svg);
        y += used + 28.0;
    }
    text(
        &mut body,
        MARGIN,
        y - 10.0,
        7.0,
        false,
        FAINT,
        "start",
        &l.t("poster-generated"),
    );
    let h = y + MARGIN - 14.0;
    let mut full = String::new();
    rect(&mut full, 0.0, 0.0, w, h, "#ffffff", "");
    full.push_str(&body);
    (full, w, h)
}

/// The poster's pages for the PDF: A3 landscape, at most
/// [`PHASES_PER_PAGE`] phases side by side, the journey's title, the page
/// number and the phase header on every page. Each is an SVG in points,
/// without embedded fonts (the PDF embeds them).
pub fn pages(doc: &Document, options: &Options) -> Vec<String> {
    let l = options.labels(doc);
    let mut bodies: Vec<(String, String)> = Vec::new(); // (title, body without page number)
    for (j, phases) in journeys(doc) {
        let title = journey_title(&l, j);
        let groups = phases.len().div_ceil(PHASES_PER_PAGE).max(1);
        let per = phases.len().div_ceil(groups).max(1);
        let indexed: Vec<(usize, &Phase)> = phases.iter().copied().enumerate().collect();
        for group in indexed.chunks(per) {
            let n = group.len();
            let col_w = ((PAGE_W - 2.0 * MARGIN - LABEL_W) / n as f64).min(COL_W * 1.6);
            let width = LABEL_W + col_w * n as f64;
            let x0 = (PAGE_W - width) / 2.0;
            let group_phases: Vec<&Phase> = group.iter().map(|(_, p)| *p).collect();
            let rows = rows(doc, &l, &group_phases, col_w);
            let head_y = MARGIN + 22.0;
            let (head, hh) = phase_header(&l, doc, j, group, x0, head_y, col_w);
            let top = head_y + hh;
            let avail = PAGE_H - MARGIN - 14.0 - top;
            // Fill pages with pieces of rows.
            let mut page: Vec<Piece> = Vec::new();
            let mut used = 0.0;
            let mut flush = |page: &mut Vec<Piece>, used: &mut f64| {
                let (svg, _) = draw_pieces(&l, &rows, page, x0, top, col_w, n);
                bodies.push((title.clone(), format!("{head}{svg}")));
                page.clear();
                *used = 0.0;
            };
            for mut piece in whole(&rows) {
                loop {
                    let row = &rows[piece.row];
                    let h = piece_height(row, &piece);
                    if used + h <= avail {
                        used += h;
                        page.push(piece);
                        break;
                    }
                    // Split a row of cells where its blocks allow.
                    let room = avail - used - 2.0 * PAD;
                    let split = match row {
                        Row::Cells { cells, .. } => {
                            let mut to = piece.from.clone();
                            for (i, c) in cells.iter().enumerate() {
                                let mut hh = 0.0;
                                while to[i] < piece.to[i] {
                                    let add =
                                        c[to[i]].h + if to[i] > piece.from[i] { GAP } else { 0.0 };
                                    if hh + add > room {
                                        break;
                                    }
                                    hh += add;
                                    to[i] += 1;
                                }
                            }
                            (to != piece.from).then_some(to)
                        }
                        _ => None,
                    };
                    match split {
                        Some(to) => {
                            let first = Piece {
                                row: piece.row,
                                from: piece.from.clone(),
                                to: to.clone(),
                                continued: piece.continued,
                            };
                            page.push(first);
                            flush(&mut page, &mut used);
                            piece = Piece {
                                row: piece.row,
                                from: to,
                                to: piece.to.clone(),
                                continued: true,
                            };
                        }
                        None if page.is_empty() => {
                            // Taller than a page and not splittable: alone,
                            // cut at the page's foot.
                            page.push(piece);
                            flush(&mut page, &mut used);
                            break;
                        }
                        None => flush(&mut page, &mut used),
                    }
                }
            }
            if !page.is_empty() {
                flush(&mut page, &mut used);
            }
        }
    }
    let total = bodies.len();
    bodies
        .into_iter()
        .enumerate()
        .map(|(i, (title, body))| {
            let mut s = String::new();
            rect(&mut s, 0.0, 0.0, PAGE_W, PAGE_H, "#ffffff", "");
            let t = font::wrap(&title, 13.0, true, PAGE_W - 2.0 * MARGIN - 120.0, 1);
            text(
                &mut s,
                MARGIN,
                MARGIN + 11.0,
                13.0,
                true,
                NAVY,
                "start",
                t.first().map(String::as_str).unwrap_or(""),
            );
            text(
                &mut s,
                PAGE_W - MARGIN,
                MARGIN + 11.0,
                8.0,
                false,
                MUTED,
                "end",
                &l.f("poster-page", &[("n", (i + 1).into()), ("total", total.into())]),
            );
            s.push_str(&format!(
                "<clipPath id=\"page\"><rect x=\"0\" y=\"0\" width=\"{PAGE_W}\" height=\"{:.1}\"/></clipPath><g clip-path=\"url(#page)\">{body}</g>",
                PAGE_H - MARGIN - 12.0
            ));
            text(
                &mut s,
                MARGIN,
                PAGE_H - MARGIN + 4.0,
                6.8,
                false,
                FAINT,
                "start",
                &l.t("poster-generated"),
            );
            svg_document(PAGE_W, PAGE_H, &s, false)
        })
        .collect()
}

/// The usvg options with the bundled fonts and no other.
fn usvg_options() -> resvg::usvg::Options<'static> {
    let mut opt = resvg::usvg::Options {
        font_family: FAMILY.to_string(),
        ..Default::default()
    };
    let db = opt.fontdb_mut();
    db.load_font_data(font::REGULAR.to_vec());
    db.load_font_data(font::BOLD.to_vec());
    db.set_sans_serif_family(FAMILY);
    opt
}

fn tree(svg: &str, opt: &resvg::usvg::Options) -> Result<resvg::usvg::Tree, String> {
    resvg::usvg::Tree::from_str(svg, opt).map_err(|e| format!("cannot draw the poster: {e}"))
}

/// The scale of the PNG for a poster of `w` × `h`: 2, or less for very
/// large posters (at most [`MAX_PIXELS`] pixels).
pub fn png_scale(w: f64, h: f64) -> f64 {
    let s = (MAX_PIXELS / (w * h).max(1.0)).sqrt();
    s.min(2.0)
}

/// The poster as a PNG image.
pub fn png(doc: &Document, options: &Options) -> Result<Vec<u8>, String> {
    let (body, w, h) = poster_body(doc, options);
    let svg = svg_document(w, h, &body, false);
    let opt = usvg_options();
    let tree = tree(&svg, &opt)?;
    let size = tree.size();
    let scale = png_scale(f64::from(size.width()), f64::from(size.height()));
    let pw = (f64::from(size.width()) * scale).round() as u32;
    let ph = (f64::from(size.height()) * scale).round() as u32;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(pw.max(1), ph.max(1))
        .ok_or_else(|| "cannot draw the poster: it is too large for an image".to_string())?;
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    let sx = pw as f32 / size.width();
    let sy = ph as f32 / size.height();
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(sx, sy),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| format!("cannot write the PNG: {e}"))
}

/// The poster as a PDF: the [`pages`], text kept as text.
pub fn pdf(doc: &Document, options: &Options) -> Result<Vec<u8>, String> {
    use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, TextStr};
    let opt = usvg_options();
    let pages = pages(doc, options);
    let mut alloc = Ref::new(1);
    let catalog = alloc.bump();
    let tree_ref = alloc.bump();
    let mut pdf = Pdf::new();
    let mut page_refs = Vec::new();
    let mut chunks = Vec::new();
    for svg in &pages {
        let tree = tree(svg, &opt)?;
        let (chunk, root) = svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
            .map_err(|e| format!("cannot write the PDF: {e}"))?;
        let mut map = std::collections::HashMap::new();
        let chunk = chunk.renumber(|old| *map.entry(old).or_insert_with(|| alloc.bump()));
        let root = map
            .get(&root)
            .copied()
            .ok_or_else(|| "cannot write the PDF: the page lost its drawing".to_string())?;
        let page = alloc.bump();
        let content = alloc.bump();
        page_refs.push((page, content, root));
        chunks.push(chunk);
    }
    pdf.catalog(catalog).pages(tree_ref);
    pdf.pages(tree_ref)
        .kids(page_refs.iter().map(|(p, _, _)| *p))
        .count(page_refs.len() as i32);
    let name = Name(b"P");
    for (page, content, root) in &page_refs {
        let mut p = pdf.page(*page);
        p.media_box(Rect::new(0.0, 0.0, PAGE_W as f32, PAGE_H as f32));
        p.parent(tree_ref);
        p.contents(*content);
        p.resources().x_objects().pair(name, *root);
        p.finish();
        let mut c = Content::new();
        c.transform([PAGE_W as f32, 0.0, 0.0, PAGE_H as f32, 0.0, 0.0]);
        c.x_object(name);
        pdf.stream(*content, &c.finish());
    }
    for chunk in &chunks {
        pdf.extend(chunk);
    }
    let info = alloc.bump();
    pdf.document_info(info)
        .producer(TextStr("journeyc"))
        .title(TextStr(
            &journeys(doc)
                .first()
                .map(|(j, _)| journey_title(&options.labels(doc), *j))
                .unwrap_or_default(),
        ));
    Ok(pdf.finish())
}
