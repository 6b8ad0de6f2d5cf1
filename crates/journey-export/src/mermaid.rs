//! Mermaid: a `journey` diagram per journey and the impact map as a
//! `flowchart LR`, each in a fenced block of a Markdown document (GitHub
//! renders them; `mmdc` reads Markdown too).
//!
//! Mermaid's journey diagram knows sections, tasks, a score and actors, so
//! owners, KPIs, channels and planned touchpoints are left out on purpose;
//! each diagram says so in a `%%` comment.

use crate::doc::{Document, Goal, Journey};
use crate::labels::{kpi_display, metric_display};
use crate::text::{self, one_decimal};
use crate::Options;
use journey_l10n::Labels;
use std::collections::HashMap;
use std::fmt::Write;

/// Text for the journey diagram's title, sections, tasks and actors.
///
/// The journey lexer ends a name at `:`, `;`, `#` and line breaks, treats
/// `%` and `#` at the start of a token as a comment and keywords
/// (`title`, `section` …) at the start of a line as keywords. So `: `
/// becomes ` – `, any other `:` the look-alike `꞉` (U+A789), `;` a comma,
/// `#` the full-width `＃`, `%%` a single `%`, and a leading keyword or `%`
/// gets a zero-width space in front.
pub fn journey_text(s: &str) -> String {
    let mut s = text::one_line(s)
        .replace(": ", " – ")
        .replace(':', "꞉")
        .replace(';', ",")
        .replace('#', "＃");
    while s.contains("%%") {
        s = s.replace("%%", "%");
    }
    let s = s.trim().to_string();
    let lower = s.to_lowercase();
    let keyword = ["journey", "title", "section", "acctitle", "accdescr"]
        .iter()
        .any(|k| {
            lower.starts_with(k)
                && !lower[k.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_')
        });
    if keyword || s.starts_with('%') || s.starts_with('}') {
        format!("\u{200B}{s}")
    } else {
        s
    }
}

/// An actor's name in a journey task: also without commas, which separate
/// actors.
fn actor_text(s: &str) -> String {
    journey_text(s).replace(',', " ")
}

/// Text inside a quoted flowchart label (`["…"]`): `"`, `#`, `<`, `>`, `&`
/// and backticks become Mermaid entity codes, so the label shows them as
/// text and cannot close the string or carry markup.
pub fn label_text(s: &str) -> String {
    let s = text::one_line(s);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '`' => out.push_str("#96;"),
            _ => out.push(c),
        }
    }
    out
}

/// The short name of each persona for the journey diagram: its name up to
/// the first comma (`Sandra Brandt, owner of a joinery` → `Sandra Brandt`),
/// or its id when two personas would share it.
fn actor_names(doc: &Document) -> HashMap<&str, String> {
    let short = |p: &crate::doc::Persona| {
        let name = p.name.as_deref().unwrap_or(&p.id);
        let first = name.split(',').next().unwrap_or(name).trim();
        actor_text(if first.is_empty() { &p.id } else { first })
    };
    let mut counts: HashMap<String, usize> = HashMap::new();
    for p in &doc.personas {
        *counts.entry(short(p)).or_default() += 1;
    }
    doc.personas
        .iter()
        .map(|p| {
            let s = short(p);
            let name = if counts[&s] > 1 { actor_text(&p.id) } else { s };
            (p.id.as_str(), name)
        })
        .collect()
}

/// At most this many tasks go into one journey chart: Mermaid draws every
/// task side by side, 200 px each, so a larger chart is a strip too thin to
/// read once a page scales it down (150 tasks were a blank strip).
pub const MAX_TASKS: usize = 20;

/// Persona colours for the journey charts, clearly apart from each other
/// (Mermaid's own first two are two greens).
pub const PERSONA_COLOURS: &[&str] = &[
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
];

/// One line of a journey chart: a task or a comment.
enum Line {
    Task { text: String, people: Vec<String> },
    Comment(String),
}

/// The lines of one phase and how many of them are tasks.
struct Section {
    title: String,
    lines: Vec<Line>,
}

impl Section {
    fn tasks(&self) -> usize {
        self.lines
            .iter()
            .filter(|l| matches!(l, Line::Task { .. }))
            .count()
    }
}

fn sections(doc: &Document, j: &Journey, actors: &HashMap<&str, String>) -> Vec<Section> {
    let mut out = Vec::new();
    for p in doc.journey_phases(j) {
        let mut lines = Vec::new();
        for t in &p.touchpoints {
            let name = journey_text(t.display_title());
            match (t.is_planned(), t.experience) {
                (false, Some(score)) => {
                    let people: Vec<String> = t
                        .serves
                        .iter()
                        .filter_map(|s| actors.get(s.as_str()).cloned())
                        .collect();
                    let text = if people.is_empty() {
                        format!("{name}: {}", one_decimal(score))
                    } else {
                        format!("{name}: {}: {}", one_decimal(score), people.join(", "))
                    };
                    lines.push(Line::Task { text, people });
                }
                (true, _) => lines.push(Line::Comment(format!(
                    "%% planned, not shown: {name}{}",
                    t.expectation
                        .map(|e| format!(" (expectation {})", one_decimal(e)))
                        .unwrap_or_default()
                ))),
                (false, None) => lines.push(Line::Comment(format!(
                    "%% no experience score, not shown: {name}"
                ))),
            }
        }
        out.push(Section {
            title: p.display_title().to_string(),
            lines,
        });
    }
    out
}

/// One chart: sections (or parts of one) and a name for the heading.
struct Chart {
    part: Option<String>,
    sections: Vec<Section>,
}

/// Splits the sections into charts of at most [`MAX_TASKS`] tasks:
/// consecutive phases share a chart while they fit, a larger phase is
/// split into parts of its own.
fn charts(sections: Vec<Section>, l: &Labels, title: &str) -> Vec<Chart> {
    let total: usize = sections.iter().map(Section::tasks).sum();
    if total <= MAX_TASKS {
        return vec![Chart {
            part: None,
            sections,
        }];
    }
    let mut out: Vec<Chart> = Vec::new();
    let mut cur: Vec<Section> = Vec::new();
    let mut cur_tasks = 0;
    let flush = |cur: &mut Vec<Section>, out: &mut Vec<Chart>| {
        if cur.is_empty() {
            return;
        }
        let names: Vec<&str> = cur.iter().map(|s| s.title.as_str()).collect();
        let part = match names.as_slice() {
            [one] => one.to_string(),
            [first, .., last] => format!("{first} … {last}"),
            [] => String::new(),
        };
        out.push(Chart {
            part: Some(l.f(
                "mermaid-part",
                &[("title", title.into()), ("part", part.into())],
            )),
            sections: std::mem::take(cur),
        });
    };
    for s in sections {
        let n = s.tasks();
        if n > MAX_TASKS {
            flush(&mut cur, &mut out);
            cur_tasks = 0;
            // The phase alone, in parts of MAX_TASKS tasks; comments stay
            // with the task before them.
            let mut parts: Vec<Vec<Line>> = vec![Vec::new()];
            let mut in_part = 0;
            for line in s.lines {
                if matches!(line, Line::Task { .. }) {
                    if in_part == MAX_TASKS {
                        parts.push(Vec::new());
                        in_part = 0;
                    }
                    in_part += 1;
                }
                parts.last_mut().expect("one part").push(line);
            }
            let total = parts.len();
            for (i, lines) in parts.into_iter().enumerate() {
                out.push(Chart {
                    part: Some(l.f(
                        "mermaid-part-of",
                        &[
                            ("title", title.into()),
                            ("part", s.title.as_str().into()),
                            ("n", (i + 1).into()),
                            ("total", total.into()),
                        ],
                    )),
                    sections: vec![Section {
                        title: s.title.clone(),
                        lines,
                    }],
                });
            }
            continue;
        }
        if cur_tasks + n > MAX_TASKS {
            flush(&mut cur, &mut out);
            cur_tasks = 0;
        }
        cur_tasks += n;
        cur.push(s);
    }
    flush(&mut cur, &mut out);
    out
}

/// Mermaid colours the actors of a chart in the order of their names
/// (JavaScript's sort), so each chart gets the colours listed in that
/// order: a persona keeps its colour in every chart.
fn actor_colours(chart: &Chart, colour_of: &HashMap<String, &'static str>) -> Vec<&'static str> {
    let mut names: Vec<&String> = Vec::new();
    for s in &chart.sections {
        for l in &s.lines {
            if let Line::Task { people, .. } = l {
                for p in people {
                    if !names.contains(&p) {
                        names.push(p);
                    }
                }
            }
        }
    }
    names.sort_by_key(|n| n.encode_utf16().collect::<Vec<u16>>());
    names
        .iter()
        .map(|n| colour_of.get(*n).copied().unwrap_or(PERSONA_COLOURS[0]))
        .collect()
}

fn journey_diagram(
    out: &mut String,
    doc: &Document,
    l: &Labels,
    j: &Journey,
    actors: &HashMap<&str, String>,
) {
    let title = j.title.as_deref().unwrap_or(&j.id);
    let colour_of: HashMap<String, &'static str> = doc
        .personas
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            actors
                .get(p.id.as_str())
                .map(|a| (a.clone(), PERSONA_COLOURS[i % PERSONA_COLOURS.len()]))
        })
        .collect();
    let all = charts(sections(doc, j, actors), l, title);
    let many = all.len() > 1;
    for (ci, chart) in all.iter().enumerate() {
        let heading = chart.part.as_deref().unwrap_or(title);
        let _ = writeln!(out, "## {}\n", crate::markdown::inline(heading));
        out.push_str("```mermaid\n");
        let colours = actor_colours(chart, &colour_of);
        if !colours.is_empty() {
            // `actorColours` is the setting for it, but Mermaid 11's journey
            // renderer does not read it; the CSS rules colour the legend and
            // the tasks' dots (classes actor-0, actor-1 …) all the same.
            let list: Vec<String> = colours.iter().map(|c| format!("\"{c}\"")).collect();
            let css: Vec<String> = colours
                .iter()
                .enumerate()
                .map(|(i, c)| format!(".actor-{i} {{ fill: {c}; }}"))
                .collect();
            let _ = write!(
                out,
                "---\nconfig:\n  journey:\n    actorColours: [{}]\n  themeCSS: \"{}\"\n---\n",
                list.join(", "),
                css.join(" ")
            );
        }
        out.push_str("journey\n");
        let _ = writeln!(out, "    title {}", journey_text(heading));
        if ci == 0 {
            out.push_str(
                "    %% Sections are the phases, tasks the status-quo touchpoints, scores the experience (1-5),\n\
                 \x20   %% actors the personas served. Not shown on purpose: channels, owners, KPIs, expectations\n\
                 \x20   %% and planned touchpoints (listed below); `:` `;` `#` in names are replaced by look-alikes.\n",
            );
            if many {
                let _ = writeln!(
                    out,
                    "    %% The journey is split into {} charts of at most {MAX_TASKS} tasks each, so that each stays readable.",
                    all.len()
                );
            }
            if let Some(lb) = &j.loop_back {
                let _ = writeln!(
                    out,
                    "    %% The journey loops: after {} it continues with {}.",
                    journey_text(
                        doc.phase(&lb.from)
                            .map(|p| p.display_title())
                            .unwrap_or(&lb.from)
                    ),
                    journey_text(
                        doc.phase(&lb.to)
                            .map(|p| p.display_title())
                            .unwrap_or(&lb.to)
                    )
                );
            }
        }
        for s in &chart.sections {
            let _ = writeln!(out, "    section {}", journey_text(&s.title));
            for line in &s.lines {
                match line {
                    Line::Task { text, .. } => {
                        let _ = writeln!(out, "      {text}");
                    }
                    Line::Comment(c) => {
                        let _ = writeln!(out, "      {c}");
                    }
                }
            }
            if s.tasks() == 0 {
                // Mermaid draws a section only through its tasks; a made-up
                // task would show a score nobody measured.
                out.push_str(
                    "      %% no scored status-quo touchpoint: Mermaid draws no empty section\n",
                );
            }
        }
        out.push_str("```\n\n");
    }
}

/// The customer's path through a journey as a `flowchart LR`: the
/// touchpoints that `next` links, grouped by phase, an arrow per `next`;
/// an arrow that changes channel is labelled `web → store` and drawn
/// thick. Nothing when no touchpoint of the journey names a `next`.
fn path_diagram(out: &mut String, doc: &Document, l: &Labels, j: &Journey) {
    let phases: Vec<&crate::doc::Phase> = doc.journey_phases(j).collect();
    let in_journey = |id: &str| {
        doc.touchpoint(id)
            .is_some_and(|t| j.phases.contains(&t.phase))
    };
    let mut edges: Vec<(&str, &str)> = Vec::new();
    for p in &phases {
        for t in &p.touchpoints {
            for n in &t.next {
                if in_journey(n) {
                    edges.push((&t.id, n));
                }
            }
        }
    }
    if edges.is_empty() {
        return;
    }
    let on_path: std::collections::HashSet<&str> =
        edges.iter().flat_map(|(a, b)| [*a, *b]).collect();
    let title = j.title.as_deref().unwrap_or(&j.id);
    let _ = write!(
        out,
        "## {}\n\n```mermaid\nflowchart LR\n",
        crate::markdown::inline(&format!("{} – {}", title, l.t("tp-next")))
    );
    out.push_str(
        "    %% The customer's path: an arrow per `next`; a labelled, thick arrow switches channel.\n\
         \x20   %% Phases are the boxes; dashed touchpoints are planned.\n",
    );
    let mut ids: HashMap<&str, String> = HashMap::new();
    for (pi, p) in phases.iter().enumerate() {
        let tps: Vec<&crate::doc::Touchpoint> = p
            .touchpoints
            .iter()
            .filter(|t| on_path.contains(t.id.as_str()))
            .collect();
        if tps.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "    subgraph p{}[\"{}\"]",
            pi + 1,
            label_text(p.display_title())
        );
        for t in tps {
            let n = format!("n{}", ids.len() + 1);
            let class = if t.is_planned() {
                "planned"
            } else {
                "touchpoint"
            };
            let _ = writeln!(
                out,
                "      {n}[\"{}<br/><small>{}</small>\"]:::{class}",
                label_text(t.display_title()),
                label_text(text::channel(t))
            );
            ids.insert(&t.id, n);
        }
        out.push_str("    end\n");
    }
    for (a, b) in edges {
        let (Some(na), Some(nb)) = (ids.get(a), ids.get(b)) else {
            continue;
        };
        let (ta, tb) = (doc.touchpoint(a), doc.touchpoint(b));
        let switch = match (
            ta.and_then(|t| t.channel.as_deref()),
            tb.and_then(|t| t.channel.as_deref()),
        ) {
            (Some(x), Some(y)) if x != y => Some(format!("{} → {}", label_text(x), label_text(y))),
            _ => None,
        };
        match switch {
            Some(s) => {
                let _ = writeln!(out, "    {na} ==\"{s}\"==> {nb}");
            }
            None => {
                let _ = writeln!(out, "    {na} --> {nb}");
            }
        }
    }
    out.push_str(
        "    classDef touchpoint fill:#e6f4ea,stroke:#2f855a,color:#123524\n\
         \x20   classDef planned fill:#ffffff,stroke:#6b46c1,color:#2d1b4e,stroke-dasharray:5 3\n",
    );
    out.push_str("```\n\n");
}

fn impact_diagram(out: &mut String, doc: &Document, l: &Labels, goals: &[Goal]) {
    let _ = write!(
        out,
        "## {}\n\n```mermaid\nflowchart LR\n",
        crate::markdown::inline(&l.t("impact-heading"))
    );
    out.push_str(
        "    %% Goal → actor → impact → deliverable → touchpoint. Impact KPIs are in the impact labels;\n\
         \x20   %% descriptions, owners and scores are left out on purpose. Dashed touchpoints are planned.\n",
    );
    let mut touch_ids: HashMap<String, String> = HashMap::new();
    let mut edges: Vec<String> = Vec::new();
    let mut touch_nodes = String::new();
    let mut touch_node = |id: &str, out_nodes: &mut String| -> String {
        if let Some(n) = touch_ids.get(id) {
            return n.clone();
        }
        let n = format!("t{}", touch_ids.len() + 1);
        let label = match doc.touchpoint(id) {
            Some(t) => {
                let phase = doc
                    .phase(&t.phase)
                    .map(|p| p.display_title())
                    .unwrap_or(&t.phase);
                format!(
                    "{}<br/><small>{} · {}</small>",
                    label_text(t.display_title()),
                    label_text(phase),
                    label_text(text::channel(t))
                )
            }
            None => label_text(id),
        };
        let class = match doc.touchpoint(id) {
            Some(t) if t.is_planned() => "planned",
            _ => "touchpoint",
        };
        let _ = writeln!(out_nodes, "    {n}[\"{label}\"]:::{class}");
        touch_ids.insert(id.to_string(), n.clone());
        n
    };
    for (gi, g) in goals.iter().enumerate() {
        let gn = format!("g{}", gi + 1);
        let mut label = format!("🎯 {}", label_text(g.display_title()));
        if let Some(m) = &g.metric {
            let _ = write!(
                label,
                "<br/><small>{}</small>",
                label_text(&metric_display(l, m))
            );
        }
        let _ = writeln!(out, "    {gn}[\"{label}\"]:::goal");
        for (ai, a) in g.actors.iter().enumerate() {
            let an = format!("{gn}a{}", ai + 1);
            let _ = writeln!(
                out,
                "    {an}([\"👤 {}\"]):::actor",
                label_text(doc.actor_name(a))
            );
            edges.push(format!("    {gn} --> {an}"));
            for (ii, i) in a.impacts.iter().enumerate() {
                let inn = format!("{an}i{}", ii + 1);
                let mut label = label_text(i.display_title());
                for k in &i.kpis {
                    let _ = write!(
                        label,
                        "<br/><small>KPI {}</small>",
                        label_text(&kpi_display(l, k))
                    );
                }
                let _ = writeln!(out, "    {inn}[\"{label}\"]:::impact");
                edges.push(format!("    {an} --> {inn}"));
                for t in &i.via {
                    let tn = touch_node(t, &mut touch_nodes);
                    edges.push(format!("    {inn} --> {tn}"));
                }
                for (di, d) in i.deliverables.iter().enumerate() {
                    let dn = format!("{inn}d{}", di + 1);
                    let _ = writeln!(
                        out,
                        "    {dn}[/\"📦 {}\"/]:::deliverable",
                        label_text(&d.title)
                    );
                    edges.push(format!("    {inn} --> {dn}"));
                    for t in &d.via {
                        let tn = touch_node(t, &mut touch_nodes);
                        edges.push(format!("    {dn} --> {tn}"));
                    }
                }
            }
        }
    }
    out.push_str(&touch_nodes);
    for e in edges {
        out.push_str(&e);
        out.push('\n');
    }
    out.push_str(
        "    classDef goal fill:#1f3a5f,stroke:#1f3a5f,color:#ffffff\n\
         \x20   classDef actor fill:#e8eef7,stroke:#1f3a5f,color:#1f3a5f\n\
         \x20   classDef impact fill:#fff7e0,stroke:#b7791f,color:#3b2f12\n\
         \x20   classDef deliverable fill:#f3e8ff,stroke:#6b46c1,color:#2d1b4e\n\
         \x20   classDef touchpoint fill:#e6f4ea,stroke:#2f855a,color:#123524\n\
         \x20   classDef planned fill:#ffffff,stroke:#2f855a,color:#123524,stroke-dasharray:5 3\n",
    );
    out.push_str("```\n");
}

/// The Mermaid diagrams of the document with the default [`Options`].
pub fn render(doc: &Document) -> String {
    render_with(doc, &Options::default())
}

/// The Mermaid diagrams of the document, as Markdown with fenced blocks.
pub fn render_with(doc: &Document, options: &Options) -> String {
    let l = &options.labels(doc);
    let mut out = String::new();
    let actors = actor_names(doc);
    for j in &doc.journeys {
        journey_diagram(&mut out, doc, l, j, &actors);
        path_diagram(&mut out, doc, l, j);
    }
    if !doc.goals.is_empty() {
        impact_diagram(&mut out, doc, l, &doc.goals);
    }
    if out.is_empty() {
        out.push_str("*No journey and no impact map to draw.*\n");
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn journey_text_replaces_what_the_lexer_stops_at() {
        assert_eq!(journey_text("Initiation: sign-up"), "Initiation – sign-up");
        assert_eq!(journey_text("Empfänger:innen"), "Empfänger꞉innen");
        assert_eq!(journey_text("a; b #1"), "a, b ＃1");
        assert_eq!(journey_text("Section two"), "\u{200B}Section two");
        assert_eq!(journey_text("Sections"), "Sections");
        assert_eq!(journey_text("%% hidden"), "\u{200B}% hidden");
    }

    #[test]
    fn labels_cannot_close_the_string() {
        assert_eq!(
            label_text("a \"b\" <i> #1 & `c`"),
            "a #quot;b#quot; #lt;i#gt; #35;1 #amp; #96;c#96;"
        );
    }
}
