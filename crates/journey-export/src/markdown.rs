//! Markdown: the journey map as the workshop table, then the persona cards
//! and the impact map as a nested list. Written for GitHub's renderer.

use crate::doc::{CostTotals, Document, Journey, Persona, Phase, Touchpoint};
use crate::labels::{kpi_display, metric_display, money, phase_kind, totals_display};
use crate::text::{self, Scores};
use crate::Options;
use journey_l10n::Labels;
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

fn touchpoint_cell(l: &Labels, t: &Touchpoint) -> String {
    let mut s = format!(
        "**{}** ({})",
        inline(t.display_title()),
        inline(text::channel(t))
    );
    if t.moment {
        s.push_str(" ★");
    }
    if t.wow {
        let _ = write!(s, " {}", inline(&l.t("badge-wow")));
    }
    if t.is_planned() {
        let _ = write!(s, " *{}*", l.t("planned"));
    }
    if let Some(c) = &t.cost {
        let _ = write!(s, " · {}", inline(&money(l, c.amount, &c.currency)));
    }
    s
}

/// `→ Title` per `next` touchpoint, with the channel switch when the
/// path changes channel.
fn next_cell(l: &Labels, doc: &Document, t: &Touchpoint) -> String {
    t.next
        .iter()
        .filter_map(|id| doc.touchpoint(id))
        .map(|n| {
            let mut s = format!("→ {}", inline(n.display_title()));
            if let (Some(a), Some(b)) = (&t.channel, &n.channel) {
                if a != b {
                    let sw = l.f(
                        "next-switch",
                        &[("from", a.as_str().into()), ("to", b.as_str().into())],
                    );
                    let _ = write!(s, " *({})*", inline(&sw));
                }
            }
            s
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The cost totals of a phase per currency: the status quo, and what
/// planned touchpoints would add.
fn cost_cell(l: &Labels, p: &Phase) -> String {
    let now = CostTotals::of(text::current(p));
    let planned = CostTotals::of(p.touchpoints.iter().filter(|t| t.is_planned()));
    let mut parts = Vec::new();
    if !now.is_empty() {
        parts.push(inline(&totals_display(l, &now)));
    }
    if !planned.is_empty() {
        parts.push(format!(
            "*{}:* + {}",
            inline(&l.t("planned")),
            inline(&totals_display(l, &planned))
        ));
    }
    parts.join("<br>")
}

fn touchpoints_cell(l: &Labels, p: &Phase, online: bool) -> String {
    p.touchpoints
        .iter()
        .filter(|t| t.is_online().unwrap_or(true) == online)
        .map(|t| touchpoint_cell(l, t))
        .collect::<Vec<_>>()
        .join("<br>")
}

fn experience_cell(l: &Labels, p: &Phase) -> String {
    let s = Scores::of(text::current(p));
    match (s.experience, s.expectation) {
        (Some(x), Some(e)) => {
            let mark = match s.gap() {
                Some(g) if g <= -0.5 => " ▼",
                Some(g) if g >= 0.5 => " ▲",
                _ => "",
            };
            let s = l.f(
                "md-experience-expected",
                &[("x", l.decimal(x).into()), ("e", l.decimal(e).into())],
            );
            format!("{s}{mark}")
        }
        (Some(x), None) => format!("{} / 5", l.decimal(x)),
        (None, Some(e)) => l.f("expected", &[("e", l.decimal(e).into())]),
        (None, None) => String::new(),
    }
}

fn journey_map(out: &mut String, l: &Labels, doc: &Document, j: &Journey) {
    let phases: Vec<&Phase> = doc.journey_phases(j).collect();
    let _ = writeln!(out, "# {}\n", inline(j.title.as_deref().unwrap_or(&j.id)));
    if let Some(v) = &j.value {
        let _ = writeln!(
            out,
            "> **{}:** {}\n",
            inline(&l.t("value-proposition")),
            inline(v)
        );
    }
    if let Some(sp) = &j.sponsor {
        let _ = writeln!(out, "**{}:** {}\n", inline(&l.t("sponsor")), inline(sp));
    }
    if let Some(d) = &j.description {
        for para in text::paragraphs(d) {
            let _ = writeln!(out, "{}\n", inline(&para));
        }
    }
    let flow: Vec<String> = phases.iter().map(|p| inline(p.display_title())).collect();
    let _ = write!(
        out,
        "**{}:** {}",
        inline(&l.t("md-phases")),
        flow.join(" → ")
    );
    if let Some(lb) = &j.loop_back {
        let to = doc
            .phase(&lb.to)
            .map(|p| p.display_title())
            .unwrap_or(&lb.to);
        let _ = write!(
            out,
            " {}",
            inline(&l.f("loop-back", &[("phase", to.into())]))
        );
    }
    let _ = write!(out, "\n\n## {}\n\n", inline(&l.t("map-heading")));
    if phases.is_empty() {
        let _ = write!(out, "*{}*\n\n", inline(&l.t("md-no-phases")));
        return;
    }

    out.push('|');
    out.push_str(" |");
    for (i, p) in phases.iter().enumerate() {
        let _ = write!(out, " {}. {}", i + 1, inline(p.display_title()));
        if let Some(k) = &p.kind {
            let _ = write!(out, "<br>*{}*", inline(&phase_kind(l, k)));
        }
        out.push_str(" |");
    }
    out.push_str("\n|---|");
    for _ in &phases {
        out.push_str("---|");
    }
    out.push('\n');

    type Cell = fn(&Labels, &Phase) -> String;
    let rows: &[(&str, Cell)] = &[
        ("row-question", |_, p| opt_cell(&p.question)),
        ("row-activities", |_, p| cell_list(&p.activities)),
        ("md-customer-goals", |_, p| cell_list(&p.wants)),
        ("md-touchpoints-online", |l, p| touchpoints_cell(l, p, true)),
        ("md-touchpoints-offline", |l, p| {
            touchpoints_cell(l, p, false)
        }),
        ("row-moments", |_, p| cell_list(&p.moments)),
        ("row-message", |_, p| opt_cell(&p.message)),
        ("row-promises", |_, p| {
            let items: Vec<String> = p
                .promises
                .iter()
                .map(|pr| pr.text.clone().unwrap_or_else(|| pr.id.clone()))
                .collect();
            cell_list(&items)
        }),
        ("row-objective", |_, p| opt_cell(&p.objective)),
        ("row-kpis", |l, p| {
            let kpis: Vec<String> = p.kpis.iter().map(|k| kpi_display(l, k)).collect();
            cell_list(&kpis)
        }),
        ("md-organisational", |_, p| cell_list(&p.backstage)),
        ("row-teams", |_, p| {
            p.teams
                .iter()
                .map(|t| code(t))
                .collect::<Vec<_>>()
                .join(", ")
        }),
        ("row-systems", |_, p| {
            p.systems
                .iter()
                .map(|t| code(t))
                .collect::<Vec<_>>()
                .join(", ")
        }),
        ("row-experience", experience_cell),
    ];
    for (label, cell) in rows {
        let _ = write!(out, "| **{}** |", inline(&l.t(label)));
        for p in &phases {
            let _ = write!(out, " {} |", cell(l, p));
        }
        out.push('\n');
    }
    if phases
        .iter()
        .any(|p| p.touchpoints.iter().any(|t| t.cost.is_some()))
    {
        let _ = write!(out, "| **{}** |", inline(&l.t("row-cost")));
        for p in &phases {
            let _ = write!(out, " {} |", cost_cell(l, p));
        }
        out.push('\n');
    }
    if phases
        .iter()
        .any(|p| p.touchpoints.iter().any(|t| !t.next.is_empty()))
    {
        let _ = write!(out, "| **{}** |", inline(&l.t("tp-next")));
        for p in &phases {
            let items: Vec<String> = p
                .touchpoints
                .iter()
                .filter(|t| !t.next.is_empty())
                .map(|t| format!("{} {}", inline(t.display_title()), next_cell(l, doc, t)))
                .collect();
            let _ = write!(out, " {} |", items.join("<br>"));
        }
        out.push('\n');
    }
    let _ = write!(out, "\n{}\n\n", l.t("md-legend"));
}

fn persona_card(out: &mut String, l: &Labels, doc: &Document, p: &Persona) {
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
            let _ = writeln!(out, "- **{}:** {}", inline(&l.t(label)), v.join("; "));
        }
    };
    if let Some(e) = &p.evidence {
        item("persona-evidence", std::slice::from_ref(e));
    }
    item("persona-needs", &p.needs);
    item("persona-pains", &p.pains);
    item("persona-gains", &p.gains);
    item("persona-goals", &p.goals);
    if let Some(e) = &p.empathy {
        item("persona-says", &e.says);
        item("persona-thinks", &e.thinks);
        item("persona-does", &e.does);
        item("persona-feels", &e.feels);
    }
    if !p.channels.is_empty() {
        let v: Vec<String> = p.channels.iter().map(|c| code(c)).collect();
        let _ = writeln!(
            out,
            "- **{}:** {}",
            inline(&l.t("persona-channels")),
            v.join(", ")
        );
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
        let _ = writeln!(
            out,
            "- **{}:** {}",
            inline(&l.t("persona-touchpoints")),
            v.join("; ")
        );
    }
    out.push('\n');
}

fn impact_map(out: &mut String, l: &Labels, doc: &Document) {
    let _ = write!(out, "## {}\n\n", inline(&l.t("impact-heading")));
    for g in &doc.goals {
        let _ = write!(out, "- 🎯 **{}**", inline(g.display_title()));
        if let Some(m) = &g.metric {
            let _ = write!(out, " — {}", inline(&metric_display(l, m)));
        }
        out.push('\n');
        for a in &g.actors {
            let kind = if a.persona.is_some() {
                l.t("md-persona")
            } else {
                l.t("md-stakeholder")
            };
            let _ = writeln!(out, "  - 👤 **{}** ({kind})", inline(doc.actor_name(a)));
            for i in &a.impacts {
                let _ = write!(out, "    - ↗ {}", inline(i.display_title()));
                if !i.kpis.is_empty() {
                    let k: Vec<String> =
                        i.kpis.iter().map(|k| inline(&kpi_display(l, k))).collect();
                    let _ = write!(out, " — *{}*", k.join("; "));
                }
                out.push('\n');
                for t in &i.via {
                    let _ = writeln!(out, "      - {}", touchpoint_ref(l, doc, t));
                }
                for d in &i.deliverables {
                    let _ = write!(out, "      - 📦 {}", inline(&d.title));
                    if !d.via.is_empty() {
                        let v: Vec<String> =
                            d.via.iter().map(|t| touchpoint_ref(l, doc, t)).collect();
                        let _ = write!(out, " → {}", v.join(", "));
                    }
                    out.push('\n');
                }
            }
        }
    }
    out.push('\n');
}

fn touchpoint_ref(l: &Labels, doc: &Document, id: &str) -> String {
    match doc.touchpoint(id) {
        Some(t) => {
            let phase = doc
                .phase(&t.phase)
                .map(|p| p.display_title())
                .unwrap_or(&t.phase);
            let planned = if t.is_planned() {
                format!(", {}", l.t("planned"))
            } else {
                String::new()
            };
            format!("{} ({}{planned})", inline(t.display_title()), inline(phase))
        }
        None => code(id),
    }
}

/// The Markdown text of the document with the default [`Options`].
pub fn render(doc: &Document) -> String {
    render_with(doc, &Options::default())
}

/// The Markdown text of the document.
pub fn render_with(doc: &Document, options: &Options) -> String {
    let l = &options.labels(doc);
    let mut out = String::new();
    for j in &doc.journeys {
        journey_map(&mut out, l, doc, j);
    }
    if !doc.personas.is_empty() {
        let _ = write!(out, "## {}\n\n", inline(&l.t("personas-heading")));
        for p in &doc.personas {
            persona_card(&mut out, l, doc, p);
        }
    }
    if !doc.goals.is_empty() {
        impact_map(&mut out, l, doc);
    }
    if !doc.findings.is_empty() && options.findings {
        let _ = write!(out, "## {}\n\n", inline(&l.t("findings-heading")));
        for f in &doc.findings {
            let severity = match f.severity.as_str() {
                "warning" => l.t("severity-warning"),
                "info" => l.t("severity-info"),
                other => other.to_string(),
            };
            let _ = writeln!(
                out,
                "- {} `{}` {}:{}:{}: {}",
                severity,
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
