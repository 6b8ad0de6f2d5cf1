//! HTML: one self-contained page (inline CSS and SVG, no script, no
//! network) with the journey map, emotion curves per persona, a switch
//! between the status quo and the target journey, persona cards, the
//! impact map as a tree and, when asked for, the remaining findings.
//!
//! The map is a table: the phase header is its `<thead>` (sticky while
//! the page scrolls, repeated on every printed page), the row labels are
//! row headers (sticky while the page scrolls sideways). The page itself
//! scrolls; nothing is hidden behind an inner scrollbar. Below 720 px the
//! same table is laid out phase by phase, each cell with its row's label,
//! and the emotion curves turn upright.
//!
//! Every string from the source goes through [`escape`]. The page also
//! carries a Content-Security-Policy that forbids scripts and any load
//! from outside, so even a mistake in escaping could not run anything.
//! [`render_with`] returns the page as a string, for files and for
//! editors that show it in a webview.

use crate::doc::CostTotals;
use crate::doc::{Document, Impact, Journey, Persona, Phase, Touchpoint};
use crate::labels::{kpi_display, metric_display, money, phase_kind};
use crate::text::{self, mean, Scores};
use crate::Options;
use journey_l10n::{Arg, Labels};
use std::fmt::Write;

mod curve;
use curve::Frame;

const CSS: &str = include_str!("html.css");

/// Copy longer than this (in characters) is collapsed after the first
/// line; so are lists of more than [`SHORT_LIST`] KPIs or promises.
const LONG_COPY: usize = 160;
const SHORT_LIST: usize = 2;

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
pub(crate) fn gap_class(experience: f64, expectation: f64) -> &'static str {
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
pub(crate) fn wrap(s: &str, width: usize, max_lines: usize) -> Vec<String> {
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

/// The text of the promises a touchpoint keeps, by id (the id itself when
/// no phase of the document makes it).
pub fn kept_promises(doc: &Document, t: &Touchpoint) -> Vec<String> {
    t.keeps
        .iter()
        .map(|id| {
            doc.phases
                .iter()
                .flat_map(|p| p.promises.iter())
                .find(|p| &p.id == id)
                .and_then(|p| p.text.clone())
                .unwrap_or_else(|| id.clone())
        })
        .collect()
}

/// The data attributes that tie an element to its definition in the
/// sources: `data-ref="touchpoint:ID"` (the kinds are the defining
/// keywords), and `data-personas="ID …"`, the personas it concerns. An
/// editor preview uses them to reveal a card's source and to filter by
/// persona; the page itself does not need them.
fn refs(kind: &str, id: &str, personas: Option<&[String]>) -> String {
    let mut out = format!(" data-ref=\"{kind}:{}\"", escape(id));
    if let Some(p) = personas {
        let _ = write!(out, " data-personas=\"{}\"", escape(&p.join(" ")));
    }
    out
}

struct Page<'a> {
    doc: &'a Document,
    l: Labels,
    options: &'a Options,
    out: String,
    /// The touchpoints some `next` links to, whose card has not yet got
    /// its anchor `tp-ID` (a phase in two journeys shows its cards twice;
    /// ids stay unique).
    to_anchor: std::collections::HashSet<String>,
}

impl<'a> Page<'a> {
    fn w(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn t(&self, id: &str) -> String {
        escape(&self.l.t(id))
    }

    fn f(&self, id: &str, args: &[(&str, Arg)]) -> String {
        escape(&self.l.f(id, args))
    }

    fn dec(&self, v: f64) -> String {
        self.l.decimal(v)
    }

    /// A list shown open when short, else folded into `<details>` with a
    /// count in its summary.
    fn folded_list(&self, class: &str, label: &str, items: &[String]) -> String {
        if items.is_empty() {
            return String::new();
        }
        let lis: String = items
            .iter()
            .map(|i| format!("<li>{}</li>", escape(&text::one_line(i))))
            .collect();
        if items.len() <= SHORT_LIST {
            format!(
                "<div class=\"tp-list {class}\"><span class=\"tp-label\">{label}</span><ul>{lis}</ul></div>"
            )
        } else {
            format!(
                "<details class=\"tp-list {class}\"><summary><span class=\"tp-label\">{label}</span> ({})</summary><ul>{lis}</ul></details>",
                items.len()
            )
        }
    }

    fn touchpoint_card(&mut self, t: &Touchpoint) {
        let doc = self.doc;
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
        if t.wow {
            class.push_str(" wow");
        }
        let anchor = if self.to_anchor.remove(&t.id) {
            format!(" id=\"tp-{}\"", escape(&t.id))
        } else {
            String::new()
        };
        let _ = write!(
            self.out,
            "<article class=\"{class}\"{anchor}{}><div class=\"tp-title\">{}",
            refs("touchpoint", &t.id, Some(&t.serves)),
            escape(t.display_title())
        );
        if t.moment {
            let s = format!(
                "<span class=\"badge mot\">{}</span>",
                self.t("badge-moment")
            );
            self.w(&s);
        }
        if t.wow {
            let s = format!("<span class=\"badge wow\">{}</span>", self.t("badge-wow"));
            self.w(&s);
        }
        if t.is_planned() {
            let s = format!(
                "<span class=\"badge plan\">{}</span>",
                self.t("badge-planned")
            );
            self.w(&s);
        }
        if let Some(i) = t
            .importance
            .as_deref()
            .filter(|i| matches!(*i, "critical" | "high"))
        {
            let s = format!(
                "<span class=\"badge imp-{i}\">{}</span>",
                self.t(&format!("importance-{i}"))
            );
            self.w(&s);
        }
        self.w("</div>");
        let mut meta: Vec<String> = Vec::new();
        if let Some(o) = &t.owner {
            meta.push(format!("{} <b>{}</b>", self.t("tp-owner"), escape(o)));
        }
        let served = text::served_names(doc, t);
        if !served.is_empty() {
            let short: Vec<&str> = served
                .iter()
                .map(|n| n.split(',').next().unwrap_or(n).trim())
                .collect();
            meta.push(self.f("tp-for", &[("names", short.join(", ").into())]));
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
                let title = match e {
                    Some(e) => self.f(
                        "meter-title-expected",
                        &[("x", self.dec(x).into()), ("e", self.dec(e).into())],
                    ),
                    None => self.f("meter-title", &[("x", self.dec(x).into())]),
                };
                let _ = write!(
                    self.out,
                    "<div class=\"meter\" title=\"{title}\"><span class=\"fill {cls}\" style=\"width:{:.0}%\"></span>",
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
                    "pain" => format!("<span class=\"pain\">{}</span>", self.t("verdict-pain")),
                    "over" => format!("<span class=\"over\">{}</span>", self.t("verdict-over")),
                    _ => String::new(),
                };
                let score = match e {
                    Some(e) => self.f(
                        "score-experience-expected",
                        &[("x", self.dec(x).into()), ("e", self.dec(e).into())],
                    ),
                    None => self.f("score-experience", &[("x", self.dec(x).into())]),
                };
                let _ = write!(
                    self.out,
                    "<div class=\"score-line\"><span>{score}</span>{verdict}</div>"
                );
            }
            (None, Some(e)) => {
                let id = if t.is_planned() {
                    "score-expected-planned"
                } else {
                    "score-expected-unmeasured"
                };
                let s = self.f(id, &[("e", self.dec(e).into())]);
                let _ = write!(self.out, "<div class=\"score-line\"><span>{s}</span></div>");
            }
            (None, None) => {}
        }
        if let Some(x) = t.target_experience {
            let s = self.f("score-target", &[("x", self.dec(x).into())]);
            let _ = write!(
                self.out,
                "<div class=\"score-line target\"><span>{s}</span></div>"
            );
        }
        if !t.persona_scores.is_empty() {
            let items: Vec<String> = t
                .persona_scores
                .iter()
                .map(|p| {
                    let name = doc.persona_name(&p.persona);
                    let short = name.split(',').next().unwrap_or(name).trim();
                    let mut s = format!("<b>{}</b> ", escape(short));
                    let x = p.experience.or(t.experience);
                    let e = p.expectation.or(t.expectation);
                    match (x, e) {
                        (Some(x), Some(e)) => s.push_str(&self.f(
                            "score-experience-expected",
                            &[("x", self.dec(x).into()), ("e", self.dec(e).into())],
                        )),
                        (Some(x), None) => {
                            s.push_str(&self.f("score-experience", &[("x", self.dec(x).into())]))
                        }
                        (None, Some(e)) => {
                            s.push_str(&self.f("expected", &[("e", self.dec(e).into())]))
                        }
                        (None, None) => {}
                    }
                    if let Some(g) = p.target.or(t.target_experience) {
                        let _ = write!(
                            s,
                            " {}",
                            self.f("score-target", &[("x", self.dec(g).into())])
                        );
                    }
                    if let Some(f) = &p.feeling {
                        let _ = write!(s, " <i>({})</i>", escape(&text::one_line(f)));
                    }
                    format!("<li>{s}</li>")
                })
                .collect();
            let _ = write!(
                self.out,
                "<ul class=\"tp-personas\">{}</ul>",
                items.concat()
            );
        }
        if let Some(n) = &t.moment_note {
            let _ = write!(
                self.out,
                "<div class=\"tp-note\">{}</div>",
                escape(&text::one_line(n))
            );
        }
        if let Some(n) = &t.wow_note {
            let _ = write!(
                self.out,
                "<div class=\"tp-note wow\">★ {}</div>",
                escape(&text::one_line(n))
            );
        }
        if let Some(c) = &t.cost {
            let _ = write!(
                self.out,
                "<div class=\"tp-cost\"><span class=\"tp-label\">{}</span> {}</div>",
                self.t("tp-cost"),
                escape(&money(&self.l, c.amount, &c.currency))
            );
        }
        self.next_links(t);
        // The copy: the first line in full when short, the rest folded.
        if let Some((first, rest)) = t.says.split_first() {
            let first = text::one_line(first);
            let long = first.chars().count() > LONG_COPY;
            if rest.is_empty() && !long {
                let _ = write!(
                    self.out,
                    "<blockquote class=\"tp-copy\" title=\"{}\"><p>{}</p></blockquote>",
                    self.t("tp-copy"),
                    escape(&first)
                );
            } else {
                let head: String = if long {
                    let cut: String = first.chars().take(LONG_COPY - 40).collect();
                    format!("{}…", cut.trim_end())
                } else {
                    first.clone()
                };
                let _ = write!(
                    self.out,
                    "<details class=\"tp-copy\"><summary><span class=\"copy-head\">{}</span> <span class=\"more\">{}</span></summary>",
                    escape(&head),
                    self.f("tp-copy-more", &[("n", t.says.len().into())])
                );
                self.w("<blockquote>");
                for s in &t.says {
                    let _ = write!(self.out, "<p>{}</p>", escape(&text::one_line(s)));
                }
                self.w("</blockquote></details>");
            }
        }
        let kpis: Vec<String> = t.kpis.iter().map(|k| kpi_display(&self.l, k)).collect();
        let s = self.folded_list("tp-kpis", &self.t("tp-kpis"), &kpis);
        self.w(&s);
        let kept = kept_promises(doc, t);
        let s = self.folded_list("tp-keeps", &self.t("tp-keeps"), &kept);
        self.w(&s);
        self.w("</article>");
    }

    /// A phase's cost totals per currency: the status quo (current
    /// touchpoints) and, where planned touchpoints add cost, the target
    /// journey's total in the target view.
    fn cost_totals(&self, p: &Phase) -> String {
        let now = CostTotals::of(text::current(p));
        let all = CostTotals::of(&p.touchpoints);
        let show = |t: &CostTotals| {
            if t.is_empty() {
                format!("<span class=\"muted\">{}</span>", self.t("cost-none"))
            } else {
                t.0.iter()
                    .map(|(c, n)| {
                        format!(
                            "<span class=\"cost-total\">{}</span>",
                            escape(&money(&self.l, *n, c))
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            }
        };
        if all.is_empty() {
            return String::new();
        }
        if now == all {
            return show(&now);
        }
        format!(
            "<span class=\"only-current\">{}</span><span class=\"only-target\">{}</span>",
            show(&now),
            show(&all)
        )
    }

    /// The customer's path on: a link to each `next` touchpoint, with a
    /// marker where the path switches channel (`web → store`).
    fn next_links(&mut self, t: &Touchpoint) {
        if t.next.is_empty() {
            return;
        }
        let doc = self.doc;
        let mut links = Vec::new();
        for id in &t.next {
            let Some(n) = doc.touchpoint(id) else {
                continue;
            };
            let mut s = format!(
                "<a class=\"next-link{}\" href=\"#tp-{}\">→ {}</a>",
                if n.is_planned() { " planned" } else { "" },
                escape(id),
                escape(n.display_title())
            );
            if let (Some(from), Some(to)) = (&t.channel, &n.channel) {
                if from != to {
                    let _ = write!(
                        s,
                        " <span class=\"channel-switch\">{}</span>",
                        self.f(
                            "next-switch",
                            &[("from", from.as_str().into()), ("to", to.as_str().into())]
                        )
                    );
                }
            }
            links.push(format!("<li>{s}</li>"));
        }
        if links.is_empty() {
            return;
        }
        let _ = write!(
            self.out,
            "<nav class=\"tp-next\" aria-label=\"{}\"><span class=\"tp-label\">{}</span><ul>{}</ul></nav>",
            self.t("tp-next"),
            self.t("tp-next"),
            links.concat()
        );
    }

    /// One row of the map: a row header and a cell per phase. `r` orders
    /// the cells within a phase on phones.
    #[allow(clippy::too_many_arguments)]
    fn row(
        &mut self,
        r: usize,
        label: &str,
        hint: &str,
        class: &str,
        phases: &[&Phase],
        cell: impl Fn(&Self, &Phase) -> String,
    ) {
        let label = self.t(label);
        let hint = if hint.is_empty() {
            String::new()
        } else {
            format!("<small>{}</small>", self.t(hint))
        };
        let _ = write!(
            self.out,
            "<tr style=\"--r:{r}\"><th scope=\"row\" class=\"row-label\">{label}{hint}</th>"
        );
        for (i, p) in phases.iter().enumerate() {
            let content = cell(self, p);
            let empty = if content.is_empty() { " empty" } else { "" };
            let _ = write!(
                self.out,
                "<td class=\"cell {class}{empty}\" style=\"--p:{}\" data-label=\"{label}\">{content}</td>",
                i + 1
            );
        }
        self.w("</tr>");
    }

    fn group_row(&mut self, class: &str, label: &str, phases: usize) {
        let _ = write!(
            self.out,
            "<tr class=\"group\"><th colspan=\"{}\" class=\"group-label {class}\"><span>{}</span></th></tr>",
            phases + 1,
            self.t(label)
        );
    }

    fn journey_map(&mut self, j: &Journey, phases: &[&Phase]) {
        let doc = self.doc;
        let n = phases.len();
        let _ = write!(
            self.out,
            "<section class=\"block map-block\" style=\"--phases:{n}\"><div class=\"block-head\"><h2>{}</h2>\
             <span class=\"view-name\"><span class=\"only-current\">{}</span>\
             <span class=\"only-target\">{}</span></span></div>\
             <div class=\"legend\"><span><i style=\"background:var(--teal)\"></i>{}</span>\
             <span><i style=\"background:var(--gold)\"></i>{}</span>\
             <span><i style=\"background:#f6c453\"></i>{}</span>\
             {}\
             <span><i style=\"background:var(--violet)\"></i>{}</span>\
             <span><i style=\"background:var(--red)\"></i>{}</span>\
             <span><i style=\"background:var(--green)\"></i>{}</span></div>\
             <table class=\"map\"><colgroup><col class=\"label-col\"><col span=\"{}\"></colgroup>\
             <thead><tr style=\"--r:0\"><th class=\"corner\" scope=\"col\"><span>{}</span></th>",
            self.t("map-heading"),
            self.t("map-showing-current"),
            self.t("map-showing-target"),
            self.t("legend-online"),
            self.t("legend-offline"),
            self.t("legend-moment"),
            if phases.iter().any(|p| p.touchpoints.iter().any(|t| t.wow)) {
                format!("<span>{}</span>", self.t("legend-wow"))
            } else {
                String::new()
            },
            self.t("legend-planned"),
            self.t("legend-below"),
            self.t("legend-above"),
            n.max(1),
            self.t("map-corner"),
        );
        for (i, p) in phases.iter().enumerate() {
            let _ = write!(
                self.out,
                "<th class=\"phase-head\" scope=\"col\" style=\"--p:{}\"{}><div class=\"num\">{}</div><h3>{}</h3>",
                i + 1,
                refs("phase", &p.id, None),
                self.f("phase-n", &[("n", (i + 1).into())]),
                escape(p.display_title())
            );
            if let Some(k) = &p.kind {
                let _ = write!(
                    self.out,
                    "<span class=\"kind\">{}</span>",
                    escape(&phase_kind(&self.l, k))
                );
            }
            if let Some(l) = j.loop_back.as_ref().filter(|l| l.from == p.id) {
                let to = doc.phase(&l.to).map(|p| p.display_title()).unwrap_or(&l.to);
                let s = self.f("continues-with", &[("phase", to.into())]);
                let _ = write!(self.out, "<div class=\"loop-note\">{s}</div>");
            }
            self.w("</th>");
        }
        self.w("</tr></thead><tbody>");

        self.group_row("customer", "group-customer", n);
        self.row(1, "row-question", "", "question", phases, |_, p| {
            p.question
                .as_deref()
                .map(|q| escape(&text::one_line(q)))
                .unwrap_or_default()
        });
        self.row(
            2,
            "row-activities",
            "hint-activities",
            "",
            phases,
            |_, p| list(&p.activities),
        );
        self.row(3, "row-goals", "hint-goals", "", phases, |_, p| {
            list(&p.wants)
        });

        // Swimlanes: one per channel, online first, in order of appearance.
        self.group_row("lanes", "group-touchpoints", n);
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
        for (k, (online, channel)) in lanes.iter().enumerate() {
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
            let presence_label = self.t(&format!("presence-{presence}"));
            let _ = write!(
                self.out,
                "<tr class=\"lane-row{extra}\" style=\"--r:{}\"><th scope=\"row\" class=\"row-label lane-label\">{}<span class=\"presence {presence}\">{presence_label}</span></th>",
                10 + k,
                escape(channel)
            );
            for (i, p) in phases.iter().enumerate() {
                let tps: Vec<&Touchpoint> = p.touchpoints.iter().filter(in_lane).collect();
                let mut cls = String::from("cell lane");
                if tps.is_empty() {
                    cls.push_str(" empty");
                } else if tps.iter().all(|t| t.is_planned()) {
                    cls.push_str(" only-target");
                }
                let _ = write!(
                    self.out,
                    "<td class=\"{cls}\" style=\"--p:{}\" data-label=\"{} · {presence_label}\">",
                    i + 1,
                    escape(channel)
                );
                for t in tps {
                    self.touchpoint_card(t);
                }
                self.w("</td>");
            }
            self.w("</tr>");
        }
        let after = 10 + lanes.len();
        self.row(after, "row-moments", "hint-moments", "", phases, |_, p| {
            list(&p.moments)
        });
        self.row(
            after + 1,
            "row-experience",
            "hint-experience",
            "",
            phases,
            |page, p| {
                let s = Scores::of(text::current(p));
                match (s.experience, s.expectation) {
                    (Some(x), e) => format!(
                        "<div class=\"phase-score {}\">{}<small> / 5{}</small></div>",
                        e.map(|e| gap_class(x, e)).unwrap_or(""),
                        page.dec(x),
                        e.map(|e| format!(
                            " · {}",
                            page.f("expected", &[("e", page.dec(e).into())])
                        ))
                        .unwrap_or_default()
                    ),
                    (None, Some(e)) => format!(
                        "<span class=\"muted\">{}</span>",
                        page.f("expected", &[("e", page.dec(e).into())])
                    ),
                    (None, None) => String::new(),
                }
            },
        );

        let costs = phases
            .iter()
            .any(|p| p.touchpoints.iter().any(|t| t.cost.is_some()));
        if costs {
            self.row(
                after + 2,
                "row-cost",
                "hint-cost",
                "cost",
                phases,
                |page, p| page.cost_totals(p),
            );
        }

        self.group_row("business", "group-business", n);
        let b = after + 2 + usize::from(costs);
        self.row(b, "row-message", "", "message", phases, |_, p| {
            p.message
                .as_deref()
                .map(|m| escape(&text::one_line(m)))
                .unwrap_or_default()
        });
        self.row(b + 1, "row-promises", "", "promises", phases, |_, p| {
            let items: Vec<String> = p
                .promises
                .iter()
                .map(|pr| pr.text.clone().unwrap_or_else(|| pr.id.clone()))
                .collect();
            list(&items)
        });
        self.row(b + 2, "row-objective", "", "", phases, |_, p| {
            p.objective
                .as_deref()
                .map(|m| escape(&text::one_line(m)))
                .unwrap_or_default()
        });
        self.row(b + 3, "row-kpis", "", "", phases, |page, p| {
            list(
                &p.kpis
                    .iter()
                    .map(|k| kpi_display(&page.l, k))
                    .collect::<Vec<_>>(),
            )
        });
        self.row(
            b + 4,
            "row-backstage",
            "hint-backstage",
            "",
            phases,
            |_, p| list(&p.backstage),
        );
        self.row(b + 5, "row-teams", "", "", phases, |_, p| {
            chips(&p.teams, "")
        });
        self.row(b + 6, "row-systems", "", "", phases, |_, p| {
            chips(&p.systems, "system")
        });
        self.w("</tbody></table></section>");
    }

    /// The emotion curve of one persona through the phases.
    fn curve(&mut self, persona: &Persona, phases: &[&Phase], index: usize, loop_to: Option<&str>) {
        let curve = text::persona_curve(&persona.id, phases);
        let points: Vec<Pair> = curve
            .iter()
            .map(|c| (c.experience, c.expectation))
            .collect();
        let targets: Vec<Option<f64>> = if text::target_differs(&curve) {
            curve.iter().map(|c| c.target).collect()
        } else {
            Vec::new()
        };
        let name = persona.name.as_deref().unwrap_or(&persona.id);
        let _ = write!(
            self.out,
            "<div class=\"curve\"{}><h3>{}</h3>",
            refs(
                "persona",
                &persona.id,
                Some(std::slice::from_ref(&persona.id))
            ),
            escape(name)
        );
        let wide = Frame::new(false, phases.len());
        let (pains, overs) = self.curve_svg(
            &wide,
            persona,
            phases,
            &points,
            &targets,
            &format!("curve-{index}-title"),
            loop_to,
        );
        let tall = Frame::new(true, phases.len());
        self.curve_svg(
            &tall,
            persona,
            phases,
            &points,
            &targets,
            &format!("curve-{index}-tall"),
            loop_to,
        );
        let s = format!(
            "<div class=\"notes\"><div class=\"pain-list\"><h4>{}</h4>",
            self.t("pains-heading")
        );
        self.w(&s);
        if pains.is_empty() {
            let s = format!("<p class=\"muted\">{}</p>", self.t("pains-none"));
            self.w(&s);
        } else {
            let _ = write!(self.out, "<ul>{}</ul>", pains.concat());
        }
        let s = format!(
            "</div><div class=\"over-list\"><h4>{}</h4>",
            self.t("over-heading")
        );
        self.w(&s);
        if overs.is_empty() {
            let s = format!("<p class=\"muted\">{}</p>", self.t("over-none"));
            self.w(&s);
        } else {
            let _ = write!(self.out, "<ul>{}</ul>", overs.concat());
        }
        self.w("</div></div>");
        self.curve_table(persona, phases, &curve);
        self.w("</div>");
    }

    /// The curves of one persona as a table: the text alternative to the
    /// SVG, phase by phase, with the persona's feelings.
    fn curve_table(&mut self, persona: &Persona, phases: &[&Phase], curve: &[text::CurvePoint]) {
        let _ = write!(
            self.out,
            "<details class=\"curve-data\"><summary>{}</summary><table><thead><tr>\
             <th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
            self.t("curve-table"),
            self.t("curve-col-phase"),
            self.t("curve-col-expectation"),
            self.t("curve-col-status"),
            self.t("curve-col-target"),
            self.t("curve-col-feelings"),
        );
        for (p, c) in phases.iter().zip(curve) {
            let v = |x: Option<f64>| x.map(|x| self.dec(x)).unwrap_or_else(|| "–".into());
            let feelings: Vec<String> = p
                .touchpoints
                .iter()
                .filter_map(|t| {
                    t.feeling_for(&persona.id)
                        .map(|f| format!("{}: {f}", t.display_title()))
                })
                .collect();
            let _ = write!(
                self.out,
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(p.display_title()),
                v(c.expectation),
                v(c.experience),
                v(c.target),
                escape(&feelings.join("; "))
            );
        }
        self.w("</tbody></table></details>");
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
        let _ = write!(
            self.out,
            "<section class=\"block curves-block\"><div class=\"block-head\"><h2>{}</h2>\
             <span class=\"view-name\">{}<span class=\"only-target\"> {}</span></span></div>\
             <div class=\"legend\"><span><svg width=\"26\" height=\"10\"><line x1=\"0\" x2=\"26\" y1=\"5\" y2=\"5\" stroke=\"#1f3a5f\" stroke-width=\"3.5\"/></svg> {}</span>\
             <span><svg width=\"26\" height=\"10\"><line x1=\"0\" x2=\"26\" y1=\"5\" y2=\"5\" stroke=\"#5b6678\" stroke-width=\"2.5\" stroke-dasharray=\"6 4\"/></svg> {}</span>\
             {}\
             <span><i style=\"background:rgba(197,48,48,.3)\"></i>{}</span>\
             <span><i style=\"background:rgba(47,133,90,.3)\"></i>{}</span>\
             <span>{}</span><span>{}</span>\
             <span class=\"only-target\">{}</span></div><div class=\"curves\">",
            self.t("curves-heading"),
            self.t("curves-intro"),
            self.t("curves-intro-target"),
            self.t("legend-experience"),
            self.t("legend-expectation"),
            if personas
                .iter()
                .any(|p| text::target_differs(&text::persona_curve(&p.id, phases)))
            {
                format!(
                    "<span><svg width=\"26\" height=\"10\"><line x1=\"0\" x2=\"26\" y1=\"5\" y2=\"5\" stroke=\"#6b46c1\" stroke-width=\"2.5\" stroke-dasharray=\"10 4 2 4\"/></svg> {}</span>",
                    self.t("legend-target")
                )
            } else {
                String::new()
            },
            self.t("legend-pain-area"),
            self.t("legend-over-area"),
            self.t("legend-dot"),
            self.t("legend-moment"),
            self.t("legend-planned-diamond"),
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
            "<article class=\"persona\"{}><div class=\"persona-head\"><div class=\"avatar\">{}</div><div><h3>{}</h3>",
            refs("persona", &p.id, Some(std::slice::from_ref(&p.id))),
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
                "<div class=\"evidence\"><b>{}</b>{}</div>",
                self.t("persona-evidence"),
                escape(&text::one_line(e))
            );
        }
        self.w("<div class=\"facets\">");
        for (class, label, items) in [
            ("needs", "persona-needs", &p.needs),
            ("pains", "persona-pains", &p.pains),
            ("gains", "persona-gains", &p.gains),
            ("goals", "persona-goals", &p.goals),
        ] {
            if !items.is_empty() {
                let _ = write!(
                    self.out,
                    "<div class=\"{class}\"><h4>{}</h4>{}</div>",
                    self.t(label),
                    list(items)
                );
            }
        }
        self.w("</div>");
        if let Some(e) = &p.empathy {
            self.w("<div class=\"empathy\">");
            for (label, items) in [
                ("persona-says", &e.says),
                ("persona-thinks", &e.thinks),
                ("persona-does", &e.does),
                ("persona-feels", &e.feels),
            ] {
                let _ = write!(
                    self.out,
                    "<div><h4>{}</h4>{}</div>",
                    self.t(label),
                    list(items)
                );
            }
            self.w("</div>");
        }
        if !p.channels.is_empty() {
            let _ = write!(
                self.out,
                "<div class=\"small\"><span class=\"muted\">{} </span>{}</div>",
                self.t("persona-channels"),
                chips(&p.channels, "")
            );
        }
        let _ = write!(
            self.out,
            "<div class=\"small muted\">{}</div></article>",
            self.f("served-by", &[("n", p.touchpoints.len().into())])
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
                    "<div class=\"branch\"><div class=\"node touch{}\"{}>{}<span class=\"sub\">{} · {}{}</span></div></div>",
                    if planned { " planned-node" } else { "" },
                    refs("touchpoint", id, Some(&t.serves)),
                    escape(t.display_title()),
                    escape(phase),
                    escape(text::channel(t)),
                    if planned {
                        format!(" · {}", self.t("planned"))
                    } else {
                        String::new()
                    },
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
            "<div class=\"branch\"><div class=\"node impact\"{}><span class=\"kind\">{}</span>{}",
            refs("impact", &i.id, None),
            self.t("kind-impact"),
            escape(i.display_title())
        );
        for k in &i.kpis {
            let _ = write!(
                self.out,
                "<span class=\"sub\">KPI · {}</span>",
                escape(&kpi_display(&self.l, k))
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
                    "<div class=\"branch\"><div class=\"node deliverable\"><span class=\"kind\">{}</span>{}</div>",
                    self.t("kind-deliverable"),
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
        let _ = write!(
            self.out,
            "<section class=\"block impact-block\"><div class=\"block-head\"><h2>{}</h2>\
             <span class=\"view-name\">{}</span></div>\
             <div class=\"legend\"><span><i style=\"background:var(--navy)\"></i>{}</span>\
             <span><i style=\"background:#c6d4ea\"></i>{}</span>\
             <span><i style=\"background:#f0d9a6\"></i>{}</span>\
             <span><i style=\"background:#d9c8f5\"></i>{}</span>\
             <span><i style=\"background:#b9ded7\"></i>{}</span></div>\
             <div class=\"tree\">",
            self.t("impact-heading"),
            self.t("impact-intro"),
            self.t("legend-goal"),
            self.t("legend-actor"),
            self.t("legend-impact"),
            self.t("legend-deliverable"),
            self.t("legend-touch"),
        );
        for g in &doc.goals {
            let _ = write!(
                self.out,
                "<div class=\"branch\"><div class=\"node goal\"{}><span class=\"kind\">{}</span><b>{}</b>",
                refs("goal", &g.id, None),
                self.t("kind-goal"),
                escape(g.display_title())
            );
            if let Some(m) = &g.metric {
                let _ = write!(
                    self.out,
                    "<span class=\"sub\">{}</span>",
                    escape(&metric_display(&self.l, m))
                );
            }
            self.w("</div>");
            if !g.actors.is_empty() {
                self.w("<div class=\"children\">");
                for a in &g.actors {
                    let kind = if a.persona.is_some() {
                        self.t("kind-persona")
                    } else {
                        self.t("kind-stakeholder")
                    };
                    let _ = write!(
                        self.out,
                        "<div class=\"branch\"><div class=\"node actor\"{}><span class=\"kind\">{kind}</span>{}</div>",
                        match &a.persona {
                            Some(p) => refs("persona", p, Some(std::slice::from_ref(p))),
                            None => refs("actor", &a.id, None),
                        },
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
        self.w("</div></section>");
    }

    fn findings(&mut self) {
        let doc = self.doc;
        if doc.findings.is_empty() || !self.options.findings {
            return;
        }
        let _ = write!(
            self.out,
            "<section class=\"block findings-block\"><div class=\"block-head\"><h2>{}</h2>\
             <span class=\"view-name\">{}</span></div>\
             <table class=\"findings\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            self.t("findings-heading"),
            self.f("findings-count", &[("n", doc.findings.len().into())]),
            self.t("findings-severity"),
            self.t("findings-code"),
            self.t("findings-where"),
            self.t("findings-finding"),
        );
        for f in &doc.findings {
            let severity = match f.severity.as_str() {
                "warning" => self.t("severity-warning"),
                "info" => self.t("severity-info"),
                other => escape(other),
            };
            let _ = write!(
                self.out,
                "<tr><td><span class=\"sev {}\">{severity}</span></td><td><code>{}</code> <span class=\"muted\">{}</span></td><td><code>{}:{}:{}</code></td><td>{}</td></tr>",
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
            "<header class=\"masthead\"{}><div class=\"eyebrow\">{}</div><h1>{}</h1>",
            refs("journey", &j.id, None),
            self.t("eyebrow"),
            escape(j.title.as_deref().unwrap_or(&j.id))
        );
        if let Some(sp) = &j.sponsor {
            let _ = write!(
                self.out,
                "<p class=\"sponsor\"><b>{}</b> {}</p>",
                self.t("sponsor"),
                escape(&text::one_line(sp))
            );
        }
        if let Some(v) = &j.value {
            let _ = write!(
                self.out,
                "<p class=\"value\"><b>{}</b>{}</p>",
                self.t("value-proposition"),
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
            let s = self.f("loop-back", &[("phase", to.into())]);
            let _ = write!(self.out, " <span class=\"loop\">{s}</span>");
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
        let stat = |n: String, id: &str, count: usize| {
            format!(
                "<div class=\"stat\"><b>{n}</b><span>{}</span></div>",
                self.f(id, &[("n", count.into())])
            )
        };
        let stats = [
            stat(phases.len().to_string(), "stat-phases", phases.len()),
            stat(
                current.len().to_string(),
                "stat-touchpoints-today",
                current.len(),
            ),
            stat(planned.to_string(), "stat-planned", planned),
            stat(moments.to_string(), "stat-moments", moments),
            stat(pains.to_string(), "stat-pains", pains),
            stat(
                avg.map(|a| format!("{} / 5", self.dec(a)))
                    .unwrap_or_else(|| "–".into()),
                "stat-average",
                1,
            ),
        ];
        let _ = write!(
            self.out,
            "<div class=\"masthead-bar\"><div class=\"stats\">{}</div>\
             <nav class=\"switch\" aria-label=\"{}\"><label for=\"view-current\">{}</label><label for=\"view-target\">{}</label></nav></div></header>",
            stats.concat(),
            self.t("view-label"),
            self.t("view-current"),
            self.t("view-target"),
        );
    }
}

/// The HTML page of the document with the default [`Options`].
pub fn render(doc: &Document) -> String {
    render_with(doc, &Options::default())
}

/// The HTML page of the document: a complete, self-contained page.
pub fn render_with(doc: &Document, options: &Options) -> String {
    let l = options.labels(doc);
    let title = match doc.journeys.as_slice() {
        [j] => l.f(
            "page-title",
            &[("title", j.title.as_deref().unwrap_or(&j.id).into())],
        ),
        _ => l.t("page-title-many"),
    };
    let mut page = Page {
        doc,
        l,
        options,
        out: String::with_capacity(256 * 1024),
        to_anchor: doc
            .phases
            .iter()
            .flat_map(|p| &p.touchpoints)
            .flat_map(|t| t.next.iter().cloned())
            .collect(),
    };
    let _ = write!(
        page.out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"generator\" content=\"journeyc\">\n<title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n\
         <input type=\"radio\" name=\"view\" id=\"view-current\" class=\"view-toggle\" checked>\
         <input type=\"radio\" name=\"view\" id=\"view-target\" class=\"view-toggle\">\n<div class=\"page\">\n",
        l.lang().code(),
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
        let s = format!(
            "<section class=\"block personas-block\"><h2>{}</h2><div class=\"personas\">",
            page.t("personas-heading")
        );
        page.w(&s);
        for p in &doc.personas {
            page.persona_card(p);
        }
        page.w("</div></section>");
    }
    if !doc.goals.is_empty() {
        page.impact_map();
    }
    page.findings();
    let footer = page.f("footer", &[("n", doc.files.len().into())]);
    let _ = write!(
        page.out,
        "<footer>{footer}</footer>\n</div>\n</body>\n</html>\n"
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

    #[test]
    fn frames_put_phases_along_their_axis() {
        let wide = Frame::new(false, 4);
        let (x0, y5) = wide.at(0.5, 5.0);
        let (x1, y1) = wide.at(1.5, 1.0);
        assert!(x1 > x0 && y1 > y5, "wide: phases go right, low scores down");
        let tall = Frame::new(true, 4);
        let (x5, ya) = tall.at(0.5, 5.0);
        let (x1, yb) = tall.at(1.5, 1.0);
        assert!(
            yb > ya && x5 > x1,
            "tall: phases go down, high scores right"
        );
        assert!(tall.w <= 360.0);
    }
}
