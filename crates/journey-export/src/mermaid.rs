//! Mermaid: a `journey` diagram per journey and the impact map as a
//! `flowchart LR`, each in a fenced block of a Markdown document (GitHub
//! renders them; `mmdc` reads Markdown too).
//!
//! Mermaid's journey diagram knows sections, tasks, a score and actors, so
//! owners, KPIs, channels and planned touchpoints are left out on purpose;
//! each diagram says so in a `%%` comment.

use crate::doc::{Document, Goal, Journey};
use crate::text::{self, one_decimal};
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

fn journey_diagram(out: &mut String, doc: &Document, j: &Journey, actors: &HashMap<&str, String>) {
    let title = j.title.as_deref().unwrap_or(&j.id);
    let _ = writeln!(out, "## {}\n", crate::markdown::inline(title));
    out.push_str("```mermaid\njourney\n");
    let _ = writeln!(out, "    title {}", journey_text(title));
    out.push_str(
        "    %% Sections are the phases, tasks the status-quo touchpoints, scores the experience (1-5),\n\
         \x20   %% actors the personas served. Not shown on purpose: channels, owners, KPIs, expectations\n\
         \x20   %% and planned touchpoints (listed below); `:` `;` `#` in names are replaced by look-alikes.\n",
    );
    if let Some(l) = &j.loop_back {
        let _ = writeln!(
            out,
            "    %% The journey loops: after {} it continues with {}.",
            journey_text(
                doc.phase(&l.from)
                    .map(|p| p.display_title())
                    .unwrap_or(&l.from)
            ),
            journey_text(doc.phase(&l.to).map(|p| p.display_title()).unwrap_or(&l.to))
        );
    }
    for p in doc.journey_phases(j) {
        let _ = writeln!(out, "    section {}", journey_text(p.display_title()));
        let mut shown = 0;
        for t in &p.touchpoints {
            let name = journey_text(t.display_title());
            match (t.is_planned(), t.experience) {
                (false, Some(score)) => {
                    let people: Vec<&str> = t
                        .serves
                        .iter()
                        .filter_map(|s| actors.get(s.as_str()).map(String::as_str))
                        .collect();
                    if people.is_empty() {
                        let _ = writeln!(out, "      {name}: {}", one_decimal(score));
                    } else {
                        let _ = writeln!(
                            out,
                            "      {name}: {}: {}",
                            one_decimal(score),
                            people.join(", ")
                        );
                    }
                    shown += 1;
                }
                (true, _) => {
                    let _ = writeln!(
                        out,
                        "      %% planned, not shown: {name}{}",
                        t.expectation
                            .map(|e| format!(" (expectation {})", one_decimal(e)))
                            .unwrap_or_default()
                    );
                }
                (false, None) => {
                    let _ = writeln!(out, "      %% no experience score, not shown: {name}");
                }
            }
        }
        if shown == 0 {
            // Mermaid draws a section only through its tasks; a made-up
            // task would show a score nobody measured.
            out.push_str(
                "      %% no scored status-quo touchpoint: Mermaid draws no empty section\n",
            );
        }
    }
    out.push_str("```\n\n");
}

fn impact_diagram(out: &mut String, doc: &Document, goals: &[Goal]) {
    out.push_str("## Impact map\n\n```mermaid\nflowchart LR\n");
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
            let _ = write!(label, "<br/><small>{}</small>", label_text(&m.display()));
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
                        label_text(&k.display())
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

/// The Mermaid diagrams of the document, as Markdown with fenced blocks.
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    let actors = actor_names(doc);
    for j in &doc.journeys {
        journey_diagram(&mut out, doc, j, &actors);
    }
    if !doc.goals.is_empty() {
        impact_diagram(&mut out, doc, &doc.goals);
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
