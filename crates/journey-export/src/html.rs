//! HTML: one self-contained page (inline CSS and SVG, no script, no
//! network) with the journey map, emotion curves per persona, a switch
//! between the status quo and the target journey, persona cards, the
//! impact map as a tree and the remaining findings.
//!
//! Every string from the source goes through [`escape`]. The page also
//! carries a Content-Security-Policy that forbids scripts and any load
//! from outside, so even a mistake in escaping could not run anything.

use crate::doc::{Document, Impact, Journey, Persona, Phase, Touchpoint};
use crate::text::{self, mean, one_decimal, Scores};
use std::fmt::Write;

const CSS: &str = include_str!("html.css");

/// Experience and expectation of one phase, when known.
type Pair = (Option<f64>, Option<f64>);

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Text with its paragraphs as `<p>`.
fn paragraphs(s: &str, class: &str) -> String {
    text::paragraphs(s)
        .iter()
        .map(|p| format!("<p class=\"{class}\">{}</p>", escape(p)))
        .collect()
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        return String::new();
    }
    let mut s = String::from("<ul>");
    for i in items {
        let _ = write!(s, "<li>{}</li>", escape(&text::one_line(i)));
    }
    s.push_str("</ul>");
    s
}

fn chips(items: &[String], class: &str) -> String {
    items
        .iter()
        .map(|i| format!("<span class=\"chip {class}\">{}</span>", escape(i)))
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

/// Splits `s` into at most `max_lines` lines of about `width` characters at
/// spaces; the last line ends in `…` when text is left over.
fn wrap(s: &str, width: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut words = s.split_whitespace().peekable();
    while let Some(w) = words.next() {
        if !cur.is_empty() && cur.chars().count() + 1 + w.chars().count() > width {
            if lines.len() + 1 == max_lines {
                cur.push(' ');
                cur.push_str(w);
                for rest in words.by_ref() {
                    cur.push(' ');
                    cur.push_str(rest);
                }
                break;
            }
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(w);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    if let Some(last) = lines.last_mut() {
        if last.chars().count() > width {
            let cut: String = last.chars().take(width.saturating_sub(1)).collect();
            *last = format!("{}…", cut.trim_end());
        }
    }
    lines
}

fn initials(name: &str) -> String {
    let name = name.split(',').next().unwrap_or(name);
    name.split_whitespace()
        .filter_map(|w| w.chars().find(|c| c.is_alphanumeric()))
        .take(2)
        .flat_map(char::to_uppercase)
        .collect()
}

struct Page<'a> {
    doc: &'a Document,
    out: String,
}

impl<'a> Page<'a> {
    fn w(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn touchpoint_card(&mut self, t: &Touchpoint) {
        let mut class = String::from("tp");
        if t.is_online() == Some(false) {
            class.push_str(" offline");
        }
        if t.moment {
            class.push_str(" moment");
        }
        if t.is_planned() {
            class.push_str(" planned");
        }
        let _ = write!(
            self.out,
            "<article class=\"{class}\"><div class=\"tp-title\">{}",
            escape(t.display_title())
        );
        if t.moment {
            self.w("<span class=\"badge mot\" title=\"Moment of truth\">★ Moment of truth</span>");
        }
        if t.is_planned() {
            self.w("<span class=\"badge plan\">Planned</span>");
        }
        if let Some(i) = t
            .importance
            .as_deref()
            .filter(|i| matches!(*i, "critical" | "high"))
        {
            let _ = write!(
                self.out,
                "<span class=\"badge imp-{i}\">{}</span>",
                escape(i)
            );
        }
        self.w("</div>");
        let mut meta: Vec<String> = Vec::new();
        if let Some(o) = &t.owner {
            meta.push(format!("Owner <b>{}</b>", escape(o)));
        }
        let served = text::served_names(self.doc, t);
        if !served.is_empty() {
            let short: Vec<String> = served
                .iter()
                .map(|n| escape(n.split(',').next().unwrap_or(n).trim()))
                .collect();
            meta.push(format!("for {}", short.join(", ")));
        }
        if !meta.is_empty() {
            let _ = write!(
                self.out,
                "<div class=\"tp-meta\">{}</div>",
                meta.join(" · ")
            );
        }
        match (t.experience, t.expectation) {
            (Some(x), e) => {
                let cls = e.map(|e| gap_class(x, e)).unwrap_or("");
                let _ = write!(
                    self.out,
                    "<div class=\"meter\" title=\"Experience {} of 5{}\"><span class=\"fill {cls}\" style=\"width:{:.0}%\"></span>",
                    one_decimal(x),
                    e.map(|e| format!(", expectation {}", one_decimal(e)))
                        .unwrap_or_default(),
                    x / 5.0 * 100.0
                );
                if let Some(e) = e {
                    let _ = write!(
                        self.out,
                        "<span class=\"expect\" style=\"left:calc({:.0}% - 1px)\"></span>",
                        e / 5.0 * 100.0
                    );
                }
                self.w("</div>");
                let verdict = match cls {
                    "pain" => "<span class=\"pain\">Pain point</span>",
                    "over" => "<span class=\"over\">Over-delivers</span>",
                    _ => "",
                };
                let _ = write!(
                    self.out,
                    "<div class=\"score-line\"><span>Experience {}{}</span>{verdict}</div>",
                    one_decimal(x),
                    e.map(|e| format!(" · expected {}", one_decimal(e)))
                        .unwrap_or_default()
                );
            }
            (None, Some(e)) => {
                let _ = write!(
                    self.out,
                    "<div class=\"score-line\"><span>Expected {}{}</span></div>",
                    one_decimal(e),
                    if t.is_planned() {
                        " · not live yet"
                    } else {
                        " · not measured"
                    }
                );
            }
            (None, None) => {}
        }
        if let Some(n) = &t.moment_note {
            let _ = write!(
                self.out,
                "<div class=\"tp-note\">{}</div>",
                escape(&text::one_line(n))
            );
        }
        self.w("</article>");
    }

    fn row(
        &mut self,
        label: &str,
        hint: &str,
        class: &str,
        phases: &[&Phase],
        cell: impl Fn(&Phase) -> String,
    ) {
        let _ = write!(
            self.out,
            "<div class=\"row-label\">{label}{}</div>",
            if hint.is_empty() {
                String::new()
            } else {
                format!("<small>{hint}</small>")
            }
        );
        for p in phases {
            let _ = write!(self.out, "<div class=\"cell {class}\">{}</div>", cell(p));
        }
    }

    fn journey_map(&mut self, j: &Journey, phases: &[&Phase]) {
        let doc = self.doc;
        let _ = write!(
            self.out,
            "<section class=\"block\"><div class=\"block-head\"><h2>Journey map</h2>\
             <span class=\"view-name\"><span class=\"only-current\">Showing the status quo: touchpoints that exist today.</span>\
             <span class=\"only-target\">Showing the target journey: today's touchpoints and the planned ones.</span></span></div>\
             <div class=\"legend\"><span><i style=\"background:var(--teal)\"></i>Online</span>\
             <span><i style=\"background:var(--gold)\"></i>Offline</span>\
             <span><i style=\"background:#f6c453\"></i>★ Moment of truth</span>\
             <span><i style=\"background:var(--violet)\"></i>Planned (target journey)</span>\
             <span><i style=\"background:var(--red)\"></i>Experience below expectation</span>\
             <span><i style=\"background:var(--green)\"></i>Experience above expectation</span></div>\
             <div class=\"map-scroll\"><div class=\"map\" style=\"--phases:{}\"><div class=\"corner\"></div>",
            phases.len()
        );
        for (i, p) in phases.iter().enumerate() {
            let _ = write!(
                self.out,
                "<div class=\"phase-head\"><div class=\"num\">Phase {}</div><h3>{}</h3>",
                i + 1,
                escape(p.display_title())
            );
            if let Some(k) = &p.kind {
                let _ = write!(self.out, "<span class=\"kind\">{}</span>", escape(k));
            }
            if let Some(l) = j.loop_back.as_ref().filter(|l| l.from == p.id) {
                let to = doc.phase(&l.to).map(|p| p.display_title()).unwrap_or(&l.to);
                let _ = write!(
                    self.out,
                    "<div class=\"loop-note\">↻ continues with {}</div>",
                    escape(to)
                );
            }
            self.w("</div>");
        }

        self.w("<div class=\"group-label customer\">The customer</div>");
        self.row("Central question", "", "question", phases, |p| {
            p.question
                .as_deref()
                .map(|q| escape(&text::one_line(q)))
                .unwrap_or_default()
        });
        self.row("Activities", "what the customer does", "", phases, |p| {
            list(&p.activities)
        });
        self.row("Goals", "what the customer wants", "", phases, |p| {
            list(&p.wants)
        });

        // Swimlanes: one per channel, online first, in order of appearance.
        self.w("<div class=\"group-label\">Touchpoints by channel</div>");
        let mut lanes: Vec<(bool, String)> = Vec::new();
        for p in phases {
            for t in &p.touchpoints {
                let key = (t.is_online().unwrap_or(true), text::channel(t).to_string());
                if !lanes.contains(&key) {
                    lanes.push(key);
                }
            }
        }
        lanes.sort_by_key(|(online, _)| !online);
        for (online, channel) in &lanes {
            let in_lane = |t: &&Touchpoint| {
                t.is_online().unwrap_or(true) == *online && text::channel(t) == channel
            };
            let planned_only = phases
                .iter()
                .flat_map(|p| p.touchpoints.iter())
                .filter(in_lane)
                .all(|t| t.is_planned());
            let extra = if planned_only { " only-target" } else { "" };
            let presence = if *online { "online" } else { "offline" };
            let _ = write!(
                self.out,
                "<div class=\"row-label lane-label{extra}\">{}<span class=\"presence {presence}\">{presence}</span></div>",
                escape(channel)
            );
            for p in phases {
                let _ = write!(self.out, "<div class=\"cell lane{extra}\">");
                for t in p.touchpoints.iter().filter(in_lane) {
                    self.touchpoint_card(t);
                }
                self.w("</div>");
            }
        }
        self.row(
            "Moments of truth",
            "where it is won or lost",
            "",
            phases,
            |p| list(&p.moments),
        );
        self.row("Experience", "status quo, average", "", phases, |p| {
            let s = Scores::of(text::current(p));
            match (s.experience, s.expectation) {
                (Some(x), e) => format!(
                    "<div class=\"phase-score {}\">{}<small> / 5{}</small></div>",
                    e.map(|e| gap_class(x, e)).unwrap_or(""),
                    one_decimal(x),
                    e.map(|e| format!(" · expected {}", one_decimal(e)))
                        .unwrap_or_default()
                ),
                (None, Some(e)) => {
                    format!("<span class=\"muted\">expected {}</span>", one_decimal(e))
                }
                (None, None) => String::new(),
            }
        });

        self.w("<div class=\"group-label business\">The business</div>");
        self.row("Core message", "", "message", phases, |p| {
            p.message
                .as_deref()
                .map(|m| escape(&text::one_line(m)))
                .unwrap_or_default()
        });
        self.row("Business goal", "", "", phases, |p| {
            p.objective
                .as_deref()
                .map(|m| escape(&text::one_line(m)))
                .unwrap_or_default()
        });
        self.row("KPIs", "", "", phases, |p| {
            list(&p.kpis.iter().map(|k| k.display()).collect::<Vec<_>>())
        });
        self.row("Backstage", "organisational activities", "", phases, |p| {
            list(&p.backstage)
        });
        self.row("Teams", "", "", phases, |p| chips(&p.teams, ""));
        self.row("IT systems", "", "", phases, |p| {
            chips(&p.systems, "system")
        });
        self.w("</div></div></section>");
    }

    /// The emotion curve of one persona through the phases.
    fn curve(&mut self, persona: &Persona, phases: &[&Phase], index: usize, loop_to: Option<&str>) {
        const W: f64 = 1200.0;
        const H: f64 = 310.0;
        const LEFT: f64 = 96.0;
        const RIGHT: f64 = 20.0;
        const TOP: f64 = 22.0;
        const BOTTOM: f64 = 72.0;
        let n = phases.len().max(1) as f64;
        let col = (W - LEFT - RIGHT) / n;
        let x_of = |i: usize| LEFT + col * (i as f64 + 0.5);
        let y_of = |v: f64| TOP + (5.0 - v.clamp(0.5, 5.5)) / 4.0 * (H - TOP - BOTTOM);

        let serves = |t: &&Touchpoint| t.serves.contains(&persona.id);
        let points: Vec<Pair> = phases
            .iter()
            .map(|p| {
                let s = Scores::of(text::current(p).filter(serves));
                (s.experience, s.expectation)
            })
            .collect();
        let name = persona.name.as_deref().unwrap_or(&persona.id);
        let _ = write!(
            self.out,
            "<div class=\"curve\"><h3>{}</h3><svg viewBox=\"0 0 {W} {H}\" role=\"img\" aria-labelledby=\"curve-{index}-title\">\
             <title id=\"curve-{index}-title\">Experience against expectation for {}</title>",
            escape(name),
            escape(name)
        );
        // Phase columns and the score grid.
        for (i, p) in phases.iter().enumerate() {
            let x0 = LEFT + col * i as f64;
            if i % 2 == 0 {
                let _ = write!(
                    self.out,
                    "<rect x=\"{x0:.1}\" y=\"{TOP}\" width=\"{col:.1}\" height=\"{:.1}\" fill=\"#f1f4f9\"/>",
                    H - TOP - BOTTOM
                );
            }
            let lines = wrap(p.display_title(), ((col - 8.0) / 7.0).max(6.0) as usize, 2);
            let _ = write!(
                self.out,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#8a94a6\">Phase {}</text>",
                x_of(i),
                H - BOTTOM + 18.0,
                i + 1
            );
            for (k, line) in lines.iter().enumerate() {
                let _ = write!(
                    self.out,
                    "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"12.5\" font-weight=\"700\" fill=\"#1f3a5f\">{}</text>",
                    x_of(i),
                    H - BOTTOM + 34.0 + 15.0 * k as f64,
                    escape(line)
                );
            }
        }
        for v in 1..=5 {
            let y = y_of(f64::from(v));
            let label = match v {
                1 => "1 poor",
                3 => "3",
                5 => "5 excellent",
                2 => "2",
                _ => "4",
            };
            let _ = write!(
                self.out,
                "<line x1=\"{LEFT}\" x2=\"{:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#dfe4ec\" stroke-width=\"1\"/>\
                 <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"11\" fill=\"#5b6678\">{label}</text>",
                W - RIGHT,
                LEFT - 10.0,
                y + 4.0
            );
        }
        if let Some(to) = loop_to {
            let _ = write!(
                self.out,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"11.5\" font-weight=\"700\" fill=\"#b7791f\">↻ continues with {}</text>",
                W - RIGHT,
                TOP - 7.0,
                escape(to)
            );
        }
        // Areas between the two lines: red where experience falls short,
        // green where it over-delivers; segments split where they cross.
        for i in 0..points.len().saturating_sub(1) {
            let (Some(x0), Some(e0)) = points[i] else {
                continue;
            };
            let (Some(x1), Some(e1)) = points[i + 1] else {
                continue;
            };
            let (xa, xb) = (x_of(i), x_of(i + 1));
            let d0 = x0 - e0;
            let d1 = x1 - e1;
            let mut area = |xs: f64, xe: f64, ys: (f64, f64), ye: (f64, f64), d: f64| {
                if d.abs() < 1e-9 {
                    return;
                }
                let fill = if d < 0.0 { "#c53030" } else { "#2f855a" };
                let _ = write!(
                    self.out,
                    "<polygon points=\"{xs:.1},{:.1} {xe:.1},{:.1} {xe:.1},{:.1} {xs:.1},{:.1}\" fill=\"{fill}\" fill-opacity=\"0.16\"/>",
                    y_of(ys.0),
                    y_of(ye.0),
                    y_of(ye.1),
                    y_of(ys.1)
                );
            };
            if d0 * d1 < 0.0 {
                let t = d0 / (d0 - d1);
                let xm = xa + (xb - xa) * t;
                let vm = x0 + (x1 - x0) * t;
                area(xa, xm, (x0, e0), (vm, vm), d0);
                area(xm, xb, (vm, vm), (x1, e1), d1);
            } else {
                area(xa, xb, (x0, e0), (x1, e1), if d0 != 0.0 { d0 } else { d1 });
            }
        }
        // The lines, broken where a phase has no scored touchpoint.
        let polyline = |sel: fn(&Pair) -> Option<f64>| -> Vec<String> {
            let mut runs = Vec::new();
            let mut cur = String::new();
            for (i, p) in points.iter().enumerate() {
                match sel(p) {
                    Some(v) => {
                        let _ = write!(cur, "{:.1},{:.1} ", x_of(i), y_of(v));
                    }
                    None => {
                        if !cur.is_empty() {
                            runs.push(std::mem::take(&mut cur));
                        }
                    }
                }
            }
            if !cur.is_empty() {
                runs.push(cur);
            }
            runs
        };
        for run in polyline(|p| p.1) {
            let _ = write!(
                self.out,
                "<polyline points=\"{}\" fill=\"none\" stroke=\"#5b6678\" stroke-width=\"2.5\" stroke-dasharray=\"7 5\"/>",
                run.trim()
            );
        }
        for run in polyline(|p| p.0) {
            let _ = write!(
                self.out,
                "<polyline points=\"{}\" fill=\"none\" stroke=\"#1f3a5f\" stroke-width=\"3.5\" stroke-linejoin=\"round\"/>",
                run.trim()
            );
        }
        // Each touchpoint as a dot, moments of truth as a star, planned ones
        // (target view only) as a hollow diamond at their expectation.
        let mut pains: Vec<String> = Vec::new();
        let mut overs: Vec<String> = Vec::new();
        for (i, p) in phases.iter().enumerate() {
            let tps: Vec<&Touchpoint> = p.touchpoints.iter().filter(serves).collect();
            let k = tps.len().max(1) as f64;
            for (j, t) in tps.iter().enumerate() {
                let dx = (j as f64 - (k - 1.0) / 2.0) * 16.0;
                let x = x_of(i) + dx.clamp(-col / 2.0 + 10.0, col / 2.0 - 10.0);
                let title = escape(t.display_title());
                if t.is_planned() {
                    if let Some(e) = t.expectation {
                        let y = y_of(e);
                        let _ = write!(
                            self.out,
                            "<g class=\"planned\"><path d=\"M{x:.1},{:.1} L{:.1},{y:.1} L{x:.1},{:.1} L{:.1},{y:.1} Z\" fill=\"#ffffff\" stroke=\"#6b46c1\" stroke-width=\"2\"><title>Planned: {title} (expected {})</title></path></g>",
                            y - 8.0,
                            x + 8.0,
                            y + 8.0,
                            x - 8.0,
                            one_decimal(e)
                        );
                    }
                    continue;
                }
                let Some(xp) = t.experience else { continue };
                let cls = t.expectation.map(|e| gap_class(xp, e)).unwrap_or("");
                let (fill, r) = match cls {
                    "pain" => ("#c53030", 6.5),
                    "over" => ("#2f855a", 6.5),
                    _ => ("#4a78b5", 4.5),
                };
                let y = y_of(xp);
                let tip = format!(
                    "{title}: experience {}{}",
                    one_decimal(xp),
                    t.expectation
                        .map(|e| format!(", expected {}", one_decimal(e)))
                        .unwrap_or_default()
                );
                if t.moment {
                    let _ = write!(
                        self.out,
                        "<text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"20\" fill=\"{fill}\" stroke=\"#ffffff\" stroke-width=\"1\">★<title>Moment of truth – {tip}</title></text>",
                        y + 7.0
                    );
                } else {
                    let _ = write!(
                        self.out,
                        "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r}\" fill=\"{fill}\" stroke=\"#ffffff\" stroke-width=\"1.5\"><title>{tip}</title></circle>"
                    );
                }
                if let Some(e) = t.expectation {
                    let phase = escape(p.display_title());
                    let line = format!(
                        "<li><b>{title}</b> <span class=\"muted\">({phase})</span>: experience {} · expected {}</li>",
                        one_decimal(xp),
                        one_decimal(e)
                    );
                    match cls {
                        "pain" => pains.push(line),
                        "over" => overs.push(line),
                        _ => {}
                    }
                }
            }
        }
        self.w("</svg><div class=\"notes\"><div class=\"pain-list\"><h4>Pain points</h4>");
        if pains.is_empty() {
            self.w("<p class=\"muted\">None: every touchpoint meets the expectation.</p>");
        } else {
            let _ = write!(self.out, "<ul>{}</ul>", pains.concat());
        }
        self.w("</div><div class=\"over-list\"><h4>Over-delivery</h4>");
        if overs.is_empty() {
            self.w("<p class=\"muted\">None.</p>");
        } else {
            let _ = write!(self.out, "<ul>{}</ul>", overs.concat());
        }
        self.w("</div></div></div>");
    }

    fn curves(&mut self, j: &Journey, phases: &[&Phase], first_index: usize) -> usize {
        let doc = self.doc;
        let personas: Vec<&Persona> = doc
            .personas
            .iter()
            .filter(|p| {
                phases
                    .iter()
                    .flat_map(|ph| ph.touchpoints.iter())
                    .any(|t| t.serves.contains(&p.id))
            })
            .collect();
        if personas.is_empty() {
            return 0;
        }
        self.w(
            "<section class=\"block\"><div class=\"block-head\"><h2>Emotion curves</h2>\
             <span class=\"view-name\">Experience against expectation of the status-quo touchpoints that serve each persona, averaged per phase.\
             <span class=\"only-target\"> Planned touchpoints show as diamonds at their expected score.</span></span></div>\
             <div class=\"legend\"><span><svg width=\"26\" height=\"10\"><line x1=\"0\" x2=\"26\" y1=\"5\" y2=\"5\" stroke=\"#1f3a5f\" stroke-width=\"3.5\"/></svg> Experience</span>\
             <span><svg width=\"26\" height=\"10\"><line x1=\"0\" x2=\"26\" y1=\"5\" y2=\"5\" stroke=\"#5b6678\" stroke-width=\"2.5\" stroke-dasharray=\"6 4\"/></svg> Expectation</span>\
             <span><i style=\"background:rgba(197,48,48,.3)\"></i>Pain point: experience below expectation</span>\
             <span><i style=\"background:rgba(47,133,90,.3)\"></i>Over-delivery: experience above expectation</span>\
             <span>● Touchpoint (red: pain point, green: over-delivery)</span><span>★ Moment of truth</span>\
             <span class=\"only-target\">◇ Planned touchpoint at its expected score</span></div><div class=\"curves\">",
        );
        let loop_to = j
            .loop_back
            .as_ref()
            .map(|l| doc.phase(&l.to).map(|p| p.display_title()).unwrap_or(&l.to));
        for (i, p) in personas.iter().enumerate() {
            self.curve(p, phases, first_index + i, loop_to);
        }
        self.w("</div></section>");
        personas.len()
    }

    fn persona_card(&mut self, p: &Persona) {
        let name = p.name.as_deref().unwrap_or(&p.id);
        let _ = write!(
            self.out,
            "<article class=\"persona\"><div class=\"persona-head\"><div class=\"avatar\">{}</div><div><h3>{}</h3>",
            escape(&initials(name)),
            escape(name)
        );
        if let Some(r) = &p.role {
            let _ = write!(
                self.out,
                "<div class=\"role\">{}</div>",
                escape(&text::one_line(r))
            );
        }
        self.w("</div></div>");
        if let Some(d) = &p.description {
            self.out.push_str(&paragraphs(d, "small"));
        }
        if let Some(e) = &p.evidence {
            let _ = write!(
                self.out,
                "<div class=\"evidence\"><b>Evidence</b>{}</div>",
                escape(&text::one_line(e))
            );
        }
        self.w("<div class=\"facets\">");
        for (class, label, items) in [
            ("needs", "Needs", &p.needs),
            ("pains", "Pains", &p.pains),
            ("gains", "Gains", &p.gains),
            ("goals", "Goals", &p.goals),
        ] {
            if !items.is_empty() {
                let _ = write!(
                    self.out,
                    "<div class=\"{class}\"><h4>{label}</h4>{}</div>",
                    list(items)
                );
            }
        }
        self.w("</div>");
        if let Some(e) = &p.empathy {
            self.w("<div class=\"empathy\">");
            for (label, items) in [
                ("Says", &e.says),
                ("Thinks", &e.thinks),
                ("Does", &e.does),
                ("Feels", &e.feels),
            ] {
                let _ = write!(self.out, "<div><h4>{label}</h4>{}</div>", list(items));
            }
            self.w("</div>");
        }
        if !p.channels.is_empty() {
            let _ = write!(
                self.out,
                "<div class=\"small\"><span class=\"muted\">Channels </span>{}</div>",
                chips(&p.channels, "")
            );
        }
        let _ = write!(
            self.out,
            "<div class=\"small muted\">Served by {} touchpoint{}</div></article>",
            p.touchpoints.len(),
            if p.touchpoints.len() == 1 { "" } else { "s" }
        );
    }

    fn touch_leaf(&mut self, id: &str) {
        let doc = self.doc;
        match doc.touchpoint(id) {
            Some(t) => {
                let phase = doc
                    .phase(&t.phase)
                    .map(|p| p.display_title())
                    .unwrap_or(&t.phase);
                let planned = t.is_planned();
                let _ = write!(
                    self.out,
                    "<div class=\"branch\"><div class=\"node touch{}\">{}<span class=\"sub\">{} · {}{}</span></div></div>",
                    if planned { " planned-node" } else { "" },
                    escape(t.display_title()),
                    escape(phase),
                    escape(text::channel(t)),
                    if planned { " · planned" } else { "" },
                );
            }
            None => {
                let _ = write!(
                    self.out,
                    "<div class=\"branch\"><div class=\"node touch\">{}</div></div>",
                    escape(id)
                );
            }
        }
    }

    fn impact_branch(&mut self, i: &Impact) {
        let _ = write!(
            self.out,
            "<div class=\"branch\"><div class=\"node impact\"><span class=\"kind\">Impact</span>{}",
            escape(i.display_title())
        );
        for k in &i.kpis {
            let _ = write!(
                self.out,
                "<span class=\"sub\">KPI · {}</span>",
                escape(&k.display())
            );
        }
        self.w("</div>");
        if !i.via.is_empty() || !i.deliverables.is_empty() {
            self.w("<div class=\"children\">");
            for t in &i.via {
                self.touch_leaf(t);
            }
            for d in &i.deliverables {
                let _ = write!(
                    self.out,
                    "<div class=\"branch\"><div class=\"node deliverable\"><span class=\"kind\">Deliverable</span>{}</div>",
                    escape(&d.title)
                );
                if !d.via.is_empty() {
                    self.w("<div class=\"children\">");
                    for t in &d.via {
                        self.touch_leaf(t);
                    }
                    self.w("</div>");
                }
                self.w("</div>");
            }
            self.w("</div>");
        }
        self.w("</div>");
    }

    fn impact_map(&mut self) {
        let doc = self.doc;
        self.w(
            "<section class=\"block impact-block\"><div class=\"block-head\"><h2>Impact map</h2>\
             <span class=\"view-name\">Why each touchpoint exists: goal → actor → impact → deliverable → touchpoint.</span></div>\
             <div class=\"legend\"><span><i style=\"background:var(--navy)\"></i>Goal</span>\
             <span><i style=\"background:#c6d4ea\"></i>Actor: persona or stakeholder</span>\
             <span><i style=\"background:#f0d9a6\"></i>Impact: behaviour change with its KPI</span>\
             <span><i style=\"background:#d9c8f5\"></i>Deliverable</span>\
             <span><i style=\"background:#b9ded7\"></i>Touchpoint (dashed: planned)</span></div>\
             <div class=\"tree-scroll\"><div class=\"tree\">",
        );
        for g in &doc.goals {
            let _ = write!(
                self.out,
                "<div class=\"branch\"><div class=\"node goal\"><span class=\"kind\">Goal</span><b>{}</b>",
                escape(g.display_title())
            );
            if let Some(m) = &g.metric {
                let _ = write!(
                    self.out,
                    "<span class=\"sub\">{}</span>",
                    escape(&m.display())
                );
            }
            self.w("</div>");
            if !g.actors.is_empty() {
                self.w("<div class=\"children\">");
                for a in &g.actors {
                    let _ = write!(
                        self.out,
                        "<div class=\"branch\"><div class=\"node actor\"><span class=\"kind\">{}</span>{}</div>",
                        if a.persona.is_some() { "Persona" } else { "Stakeholder" },
                        escape(doc.actor_name(a))
                    );
                    if !a.impacts.is_empty() {
                        self.w("<div class=\"children\">");
                        for i in &a.impacts {
                            self.impact_branch(i);
                        }
                        self.w("</div>");
                    }
                    self.w("</div>");
                }
                self.w("</div>");
            }
            self.w("</div>");
        }
        self.w("</div></div></section>");
    }

    fn findings(&mut self) {
        let doc = self.doc;
        if doc.findings.is_empty() {
            return;
        }
        let _ = write!(
            self.out,
            "<section class=\"block\"><div class=\"block-head\"><h2>Findings of journeyc check</h2>\
             <span class=\"view-name\">{} open finding{} below error severity.</span></div>\
             <table class=\"findings\"><thead><tr><th>Severity</th><th>Code</th><th>Where</th><th>Finding</th></tr></thead><tbody>",
            doc.findings.len(),
            if doc.findings.len() == 1 { "" } else { "s" }
        );
        for f in &doc.findings {
            let _ = write!(
                self.out,
                "<tr><td><span class=\"sev {}\">{}</span></td><td><code>{}</code> <span class=\"muted\">{}</span></td><td><code>{}:{}:{}</code></td><td>{}</td></tr>",
                escape(&f.severity),
                escape(&f.severity),
                escape(&f.code),
                escape(&f.name),
                escape(&f.location.path),
                f.location.start.line,
                f.location.start.column,
                escape(&f.message)
            );
        }
        self.w("</tbody></table></section>");
    }

    fn masthead(&mut self, j: &Journey, phases: &[&Phase]) {
        let doc = self.doc;
        let _ = write!(
            self.out,
            "<header class=\"masthead\"><div class=\"eyebrow\">Customer journey map</div><h1>{}</h1>",
            escape(j.title.as_deref().unwrap_or(&j.id))
        );
        if let Some(v) = &j.value {
            let _ = write!(
                self.out,
                "<p class=\"value\"><b>Value proposition</b>{}</p>",
                escape(&text::one_line(v))
            );
        }
        if let Some(d) = &j.description {
            self.out.push_str(&paragraphs(d, "description"));
        }
        let flow: Vec<String> = phases.iter().map(|p| escape(p.display_title())).collect();
        let _ = write!(self.out, "<div class=\"flow\">{}", flow.join(" → "));
        if let Some(l) = &j.loop_back {
            let to = doc.phase(&l.to).map(|p| p.display_title()).unwrap_or(&l.to);
            let _ = write!(
                self.out,
                " <span class=\"loop\">↻ back to {}</span>",
                escape(to)
            );
        }
        self.w("</div>");

        let tps: Vec<&Touchpoint> = phases.iter().flat_map(|p| p.touchpoints.iter()).collect();
        let current: Vec<&Touchpoint> = tps.iter().copied().filter(|t| !t.is_planned()).collect();
        let planned = tps.len() - current.len();
        let moments = current.iter().filter(|t| t.moment).count();
        let pains = current
            .iter()
            .filter(|t| matches!((t.experience, t.expectation), (Some(x), Some(e)) if gap_class(x, e) == "pain"))
            .count();
        let avg = mean(current.iter().filter_map(|t| t.experience));
        let _ = write!(
            self.out,
            "<div class=\"masthead-bar\"><div class=\"stats\">\
             <div class=\"stat\"><b>{}</b><span>phases</span></div>\
             <div class=\"stat\"><b>{}</b><span>touchpoints today</span></div>\
             <div class=\"stat\"><b>{planned}</b><span>planned touchpoints</span></div>\
             <div class=\"stat\"><b>{moments}</b><span>moments of truth</span></div>\
             <div class=\"stat\"><b>{pains}</b><span>pain points</span></div>\
             <div class=\"stat\"><b>{}</b><span>average experience</span></div></div>\
             <nav class=\"switch\" aria-label=\"Journey view\"><label for=\"view-current\">Status quo</label><label for=\"view-target\">Target journey</label></nav></div></header>",
            phases.len(),
            current.len(),
            avg.map(|a| format!("{} / 5", one_decimal(a)))
                .unwrap_or_else(|| "–".into())
        );
    }
}

/// The HTML page of the document.
pub fn render(doc: &Document) -> String {
    let title = match doc.journeys.as_slice() {
        [j] => format!("{} – journey map", j.title.as_deref().unwrap_or(&j.id)),
        _ => "Customer journey maps".to_string(),
    };
    let mut page = Page {
        doc,
        out: String::with_capacity(256 * 1024),
    };
    let _ = write!(
        page.out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"generator\" content=\"journeyc\">\n<title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n\
         <input type=\"radio\" name=\"view\" id=\"view-current\" class=\"view-toggle\" checked>\
         <input type=\"radio\" name=\"view\" id=\"view-target\" class=\"view-toggle\">\n<div class=\"page\">\n",
        escape(&title)
    );
    let mut curve_index = 0;
    for j in &doc.journeys {
        let phases: Vec<&Phase> = doc.journey_phases(j).collect();
        page.masthead(j, &phases);
        page.journey_map(j, &phases);
        curve_index += page.curves(j, &phases, curve_index);
    }
    if !doc.personas.is_empty() {
        page.w("<section class=\"block personas-block\"><h2>Personas</h2><div class=\"personas\">");
        for p in &doc.personas {
            page.persona_card(p);
        }
        page.w("</div></section>");
    }
    if !doc.goals.is_empty() {
        page.impact_map();
    }
    page.findings();
    let _ = write!(
        page.out,
        "<footer>Generated by journeyc from {} file{}. Every figure comes from the .journey sources; nothing on this page loads from the network.</footer>\n</div>\n</body>\n</html>\n",
        doc.files.len(),
        if doc.files.len() == 1 { "" } else { "s" }
    );
    page.out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_neutralises_markup_and_attribute_breakouts() {
        assert_eq!(
            escape("<script>document.title='pwned'</script>"),
            "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"
        );
        assert_eq!(
            escape("\"><img src=x onerror=alert(1)>"),
            "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(escape("R&D"), "R&amp;D");
    }

    #[test]
    fn initials_skip_the_role_after_the_comma() {
        assert_eq!(initials("Sandra Brandt, owner of a joinery"), "SB");
        assert_eq!(initials("jörg"), "J");
    }

    #[test]
    fn wrap_breaks_at_spaces_and_shortens_the_last_line() {
        assert_eq!(
            wrap("Information and comparison", 20, 2),
            ["Information and", "comparison"]
        );
        assert_eq!(wrap("Short", 20, 2), ["Short"]);
        assert_eq!(
            wrap("one two three four five six seven", 9, 2),
            ["one two", "three fo…"]
        );
    }
}
