//! Markdown: the journey map as the workshop table, then the persona cards
//! and the impact map as a nested list. Written for GitHub's renderer.

use crate::doc::{Document, Journey, Persona, Phase, Touchpoint};
use crate::text::{self, one_decimal, Scores};
use std::fmt::Write;

/// Escapes text for inline Markdown: characters with a meaning in Markdown
/// or HTML get a backslash or become entities, line breaks become spaces.
pub fn inline(s: &str) -> String {
    let s = text::one_line(s);
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            _ => out.push(c),
        }
    }
    // Text that would start a list, a quote or a heading stays text.
    let first = out.chars().next();
    if matches!(first, Some('-' | '+' | '=')) {
        out.insert(0, '\\');
    } else if first.is_some_and(|c| c.is_ascii_digit()) {
        let digits = out.chars().take_while(char::is_ascii_digit).count();
        if matches!(out[digits..].chars().next(), Some('.' | ')')) {
            out.insert(digits, '\\');
        }
    }
    out
}

fn code(id: &str) -> String {
    format!("`{}`", id.replace('`', ""))
}

fn cell_list(items: &[String]) -> String {
    items
        .iter()
        .map(|s| format!("• {}", inline(s)))
        .collect::<Vec<_>>()
        .join("<br>")
}

fn opt_cell(s: &Option<String>) -> String {
    s.as_deref().map(inline).unwrap_or_default()
}

fn touchpoint_cell(t: &Touchpoint) -> String {
    let mut s = format!(
        "**{}** ({})",
        inline(t.display_title()),
        inline(text::channel(t))
    );
    if t.moment {
        s.push_str(" ★");
    }
    if t.is_planned() {
        s.push_str(" *planned*");
    }
    s
}

fn touchpoints_cell(p: &Phase, online: bool) -> String {
    p.touchpoints
        .iter()
        .filter(|t| t.is_online().unwrap_or(true) == online)
        .map(touchpoint_cell)
        .collect::<Vec<_>>()
        .join("<br>")
}

fn experience_cell(p: &Phase) -> String {
    let s = Scores::of(text::current(p));
    match (s.experience, s.expectation) {
        (Some(x), Some(e)) => {
            let mark = match s.gap() {
                Some(g) if g <= -0.5 => " ▼",
                Some(g) if g >= 0.5 => " ▲",
                _ => "",
            };
            format!("{} / 5 (expected {}){mark}", one_decimal(x), one_decimal(e))
        }
        (Some(x), None) => format!("{} / 5", one_decimal(x)),
        (None, Some(e)) => format!("expected {}", one_decimal(e)),
        (None, None) => String::new(),
    }
}

fn journey_map(out: &mut String, doc: &Document, j: &Journey) {
    let phases: Vec<&Phase> = doc.journey_phases(j).collect();
    let _ = writeln!(out, "# {}\n", inline(j.title.as_deref().unwrap_or(&j.id)));
    if let Some(v) = &j.value {
        let _ = writeln!(out, "> **Value proposition:** {}\n", inline(v));
    }
    if let Some(d) = &j.description {
        for para in text::paragraphs(d) {
            let _ = writeln!(out, "{}\n", inline(&para));
        }
    }
    let flow: Vec<String> = phases.iter().map(|p| inline(p.display_title())).collect();
    let _ = write!(out, "**Phases:** {}", flow.join(" → "));
    if let Some(l) = &j.loop_back {
        let to = doc.phase(&l.to).map(|p| p.display_title()).unwrap_or(&l.to);
        let _ = write!(out, " ↻ back to {}", inline(to));
    }
    out.push_str("\n\n## Journey map\n\n");
    if phases.is_empty() {
        out.push_str("*No phases.*\n\n");
        return;
    }

    out.push('|');
    out.push_str(" |");
    for (i, p) in phases.iter().enumerate() {
        let _ = write!(out, " {}. {}", i + 1, inline(p.display_title()));
        if let Some(k) = &p.kind {
            let _ = write!(out, "<br>*{}*", inline(k));
        }
        out.push_str(" |");
    }
    out.push_str("\n|---|");
    for _ in &phases {
        out.push_str("---|");
    }
    out.push('\n');

    type Cell = fn(&Phase) -> String;
    let rows: &[(&str, Cell)] = &[
        ("Central question", |p| opt_cell(&p.question)),
        ("Activities", |p| cell_list(&p.activities)),
        ("Customer goals", |p| cell_list(&p.wants)),
        ("Touchpoints online", |p| touchpoints_cell(p, true)),
        ("Touchpoints offline", |p| touchpoints_cell(p, false)),
        ("Moments of truth", |p| cell_list(&p.moments)),
        ("Core message", |p| opt_cell(&p.message)),
        ("Business goal", |p| opt_cell(&p.objective)),
        ("KPIs", |p| {
            let kpis: Vec<String> = p.kpis.iter().map(|k| k.display()).collect();
            cell_list(&kpis)
        }),
        ("Organisational activities", |p| cell_list(&p.backstage)),
        ("Teams", |p| {
            p.teams
                .iter()
                .map(|t| code(t))
                .collect::<Vec<_>>()
                .join(", ")
        }),
        ("IT systems", |p| {
            p.systems
                .iter()
                .map(|t| code(t))
                .collect::<Vec<_>>()
                .join(", ")
        }),
        ("Experience", experience_cell),
    ];
    for (label, cell) in rows {
        let _ = write!(out, "| **{label}** |");
        for p in &phases {
            let _ = write!(out, " {} |", cell(p));
        }
        out.push('\n');
    }
    out.push_str(
        "\n★ moment of truth · *planned*: part of the target journey, not the status quo · \
         Experience: average over the status-quo touchpoints, ▼ below and ▲ above expectation\n\n",
    );
}

fn persona_card(out: &mut String, doc: &Document, p: &Persona) {
    let _ = writeln!(out, "### {}\n", inline(p.name.as_deref().unwrap_or(&p.id)));
    if let Some(r) = &p.role {
        let _ = writeln!(out, "*{}*\n", inline(r));
    }
    if let Some(d) = &p.description {
        for para in text::paragraphs(d) {
            let _ = writeln!(out, "{}\n", inline(&para));
        }
    }
    let mut item = |label: &str, items: &[String]| {
        if !items.is_empty() {
            let v: Vec<String> = items.iter().map(|s| inline(s)).collect();
            let _ = writeln!(out, "- **{label}:** {}", v.join("; "));
        }
    };
    if let Some(e) = &p.evidence {
        item("Evidence", std::slice::from_ref(e));
    }
    item("Needs", &p.needs);
    item("Pains", &p.pains);
    item("Gains", &p.gains);
    item("Goals", &p.goals);
    if let Some(e) = &p.empathy {
        item("Says", &e.says);
        item("Thinks", &e.thinks);
        item("Does", &e.does);
        item("Feels", &e.feels);
    }
    if !p.channels.is_empty() {
        let v: Vec<String> = p.channels.iter().map(|c| code(c)).collect();
        let _ = writeln!(out, "- **Channels:** {}", v.join(", "));
    }
    if !p.touchpoints.is_empty() {
        let v: Vec<String> = p
            .touchpoints
            .iter()
            .map(|t| {
                inline(
                    doc.touchpoint(t)
                        .map(|t| t.display_title())
                        .unwrap_or(t.as_str()),
                )
            })
            .collect();
        let _ = writeln!(out, "- **Touchpoints:** {}", v.join("; "));
    }
    out.push('\n');
}

fn impact_map(out: &mut String, doc: &Document) {
    out.push_str("## Impact map\n\n");
    for g in &doc.goals {
        let _ = write!(out, "- 🎯 **{}**", inline(g.display_title()));
        if let Some(m) = &g.metric {
            let _ = write!(out, " — {}", inline(&m.display()));
        }
        out.push('\n');
        for a in &g.actors {
            let kind = if a.persona.is_some() {
                "persona"
            } else {
                "stakeholder"
            };
            let _ = writeln!(out, "  - 👤 **{}** ({kind})", inline(doc.actor_name(a)));
            for i in &a.impacts {
                let _ = write!(out, "    - ↗ {}", inline(i.display_title()));
                if !i.kpis.is_empty() {
                    let k: Vec<String> = i.kpis.iter().map(|k| inline(&k.display())).collect();
                    let _ = write!(out, " — *{}*", k.join("; "));
                }
                out.push('\n');
                for t in &i.via {
                    let _ = writeln!(out, "      - {}", touchpoint_ref(doc, t));
                }
                for d in &i.deliverables {
                    let _ = write!(out, "      - 📦 {}", inline(&d.title));
                    if !d.via.is_empty() {
                        let v: Vec<String> = d.via.iter().map(|t| touchpoint_ref(doc, t)).collect();
                        let _ = write!(out, " → {}", v.join(", "));
                    }
                    out.push('\n');
                }
            }
        }
    }
    out.push('\n');
}

fn touchpoint_ref(doc: &Document, id: &str) -> String {
    match doc.touchpoint(id) {
        Some(t) => {
            let phase = doc
                .phase(&t.phase)
                .map(|p| p.display_title())
                .unwrap_or(&t.phase);
            let planned = if t.is_planned() { ", planned" } else { "" };
            format!("{} ({}{planned})", inline(t.display_title()), inline(phase))
        }
        None => code(id),
    }
}

/// The Markdown text of the document.
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    for j in &doc.journeys {
        journey_map(&mut out, doc, j);
    }
    if !doc.personas.is_empty() {
        out.push_str("## Personas\n\n");
        for p in &doc.personas {
            persona_card(&mut out, doc, p);
        }
    }
    if !doc.goals.is_empty() {
        impact_map(&mut out, doc);
    }
    if !doc.findings.is_empty() {
        out.push_str("## Findings of `journeyc check`\n\n");
        for f in &doc.findings {
            let _ = writeln!(
                out,
                "- {} `{}` {}:{}:{}: {}",
                f.severity,
                f.code,
                inline(&f.location.path),
                f.location.start.line,
                f.location.start.column,
                inline(&f.message)
            );
        }
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::inline;

    #[test]
    fn cells_cannot_break_the_table_or_inject_html() {
        assert_eq!(inline("a | b\nc"), "a \\| b c");
        assert_eq!(
            inline("<script>x</script>"),
            "&lt;script&gt;x&lt;/script&gt;"
        );
        assert_eq!(inline("1. not a list"), "1\\. not a list");
        assert_eq!(inline("- nor this"), "\\- nor this");
        assert_eq!(inline("**bold**"), "\\*\\*bold\\*\\*");
    }
}
