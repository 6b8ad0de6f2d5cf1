//! Hover: for a keyword, what it means; for a name, a summary of what it
//! stands for (a persona's role and needs, a touchpoint's phase, owner and
//! scores, a goal's metric …); for a fixed value, its meaning.

use crate::context::statements_at;
use crate::index::{Role, SymbolKind, Target};
use crate::{Analysis, FilePosition};
use journey_analysis::model::{
    ActorId, Def, DefKind, DeliverableId, GoalId, ImpactId, JourneyId, KpiId, Model, PersonaId,
    PhaseId, TouchpointId,
};
use journey_diagnostics::Span;
use journey_syntax::schema;
use journey_syntax::view::{self, Name, Scalar, Score, Text};
use std::fmt::Write;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoverResult {
    /// Markdown.
    pub markdown: String,
    /// What the hover is about (the word under the cursor).
    pub span: Span,
}

pub(crate) fn hover(a: &Analysis, pos: FilePosition) -> Option<HoverResult> {
    let symbol = symbol_hover(a, pos);
    // The findings under the cursor, with what `journeyc explain` says.
    let mut explained = Vec::new();
    let mut span = None;
    for d in a.diagnostics() {
        if d.file() != pos.file || !d.span().touches(pos.offset) || explained.contains(&d.code) {
            continue;
        }
        explained.push(d.code);
        span = Some(span.map_or(d.span(), |s: Span| s.cover(d.span())));
    }
    if explained.is_empty() {
        return symbol;
    }
    let mut markdown = symbol
        .as_ref()
        .map(|h| h.markdown.clone())
        .unwrap_or_default();
    for code in explained {
        // The parts of the text `journeyc explain` prints.
        let Some(e) = journey_analysis::explain::explain(code) else {
            continue;
        };
        if !markdown.is_empty() {
            markdown.push_str("\n\n---\n\n");
        }
        let _ = write!(
            markdown,
            "**{}** `{}`: {}\n\ndefault severity: {}\n\n{}\n\n_`journeyc explain {}`_",
            e.code,
            e.name,
            e.summary,
            e.default_line(),
            e.body.trim_end(),
            e.code
        );
    }
    Some(HoverResult {
        markdown,
        span: symbol.map_or(span?, |h| h.span),
    })
}

fn symbol_hover(a: &Analysis, pos: FilePosition) -> Option<HoverResult> {
    let file = a.workspace().file(pos.file)?;
    let src: &str = &file.source.text;
    let index = a.index();
    if let Some(occ) = index.file(pos.file)?.occurrence_at(pos.offset) {
        let markdown = match occ.role {
            Role::Enum(kind) => {
                let value = kind.values().iter().find(|v| v.name == occ.name);
                match value {
                    Some(v) => format!("`{}` ({})\n\n{}", v.name, kind.describe(), v.doc),
                    None => format!(
                        "`{}` is not {} {}: use one of {}",
                        occ.name,
                        journey_diagnostics::a_or_an(kind.describe()),
                        kind.describe(),
                        kind.values()
                            .iter()
                            .map(|v| format!("`{}`", v.name))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                }
            }
            _ => match index.resolve(pos.file, occ) {
                Some(Target::Def(def)) => summary(a, def),
                Some(Target::Implicit(kind, name)) => {
                    implicit_summary(a, kind, index.implicit_name(name))
                }
                None => format!(
                    "`{}`: no {} of that name in the workspace",
                    occ.name,
                    occ.kind.describe()
                ),
            },
        };
        return Some(HoverResult {
            markdown,
            span: occ.span,
        });
    }
    // Keywords and clause words.
    let chain = statements_at(src, &file.parse.tree, pos.offset);
    let (stmt, ctx) = *chain.last()?;
    if stmt.keyword().touches(pos.offset) {
        let k = schema::keyword(stmt.keyword_text(src), ctx?)?;
        return Some(HoverResult {
            markdown: keyword_doc(k),
            span: stmt.keyword(),
        });
    }
    let value = stmt
        .args()
        .flat_map(|arg| arg.values())
        .find(|v| v.span.touches(pos.offset))?;
    let word = value.text(src);
    let clause = schema::CLAUSE_WORDS.iter().find(|c| c.name == word)?;
    matches!(stmt.keyword_text(src), "kpi" | "metric" | "deliverable").then(|| HoverResult {
        markdown: format!("`{}`\n\n{}", clause.name, clause.doc),
        span: value.span,
    })
}

pub(crate) fn keyword_doc(k: &schema::Keyword) -> String {
    format!(
        "```journey\n{}\n```\n{} (in {})",
        k.signature,
        k.doc,
        k.context.describe()
    )
}

fn text<'t>(t: &'t Option<Text<'_>>) -> Option<&'t str> {
    t.as_ref().map(Text::as_str)
}

fn list(items: &[Text<'_>]) -> String {
    items
        .iter()
        .map(|t| format!("\n- {}", t.value))
        .collect::<String>()
}

fn names(items: &[Name<'_>]) -> String {
    items
        .iter()
        .map(|n| format!("`{}`", n.text))
        .collect::<Vec<_>>()
        .join(", ")
}

fn score(s: &Option<Score>) -> Option<f64> {
    s.as_ref().map(|s| s.value)
}

/// `3`, `2.5`: scores as people write them.
/// Rounded to two decimals, so that a gap of `4.2 - 2.6` reads `1.6`.
pub(crate) fn number(v: f64) -> String {
    format!("{}", (v * 100.0).round() / 100.0)
}

fn scalar<'s>(s: &'s Option<Scalar<'_>>) -> Option<&'s str> {
    s.as_ref().map(Scalar::display)
}

fn kpi_line(k: &view::Kpi<'_>) -> String {
    let mut line = k.name.value.to_string();
    if let Some(t) = scalar(&k.target) {
        let _ = write!(line, " — target {t}");
        if let Some(u) = &k.unit {
            let _ = write!(line, " {}", u.value);
        }
    }
    line
}

fn header(kind: SymbolKind, name: &str, title: Option<&str>) -> String {
    match title {
        Some(t) => format!("**{}** `{name}` — {t}", kind.describe()),
        None => format!("**{}** `{name}`", kind.describe()),
    }
}

/// Markdown describing a definition: what a hover on its name shows and
/// what completion shows as documentation: a header line, then what the
/// kind of definition has to say (one function per kind below).
pub(crate) fn summary(a: &Analysis, def: Def) -> String {
    let m = a.index().model();
    let sym = m.symbol(def);
    let kind = SymbolKind::Def(sym.kind);
    let mut out = header(kind, &sym.name, sym.detail.as_deref());
    let w = &mut out;
    match def {
        Def::Journey(id) => journey_summary(w, m, id),
        Def::Persona(id) => persona_summary(w, m, id),
        Def::Phase(id) => phase_summary(w, a, id),
        Def::Touchpoint(id) => touchpoint_summary(w, m, id),
        Def::Goal(id) => goal_summary(w, m, id),
        Def::Actor(id) => actor_summary(w, m, id),
        Def::Impact(id) => impact_summary(w, m, id),
        Def::Kpi(id) => kpi_summary(w, m, id),
        Def::Deliverable(id) => deliverable_summary(w, m, id),
    }
    out
}

/// A definition as hovers name it: its id in backticks.
fn name_of(m: &Model, d: Def) -> String {
    format!("`{}`", m.header(d).id())
}

/// A journey: its value proposition, phases and loop.
fn journey_summary(w: &mut String, m: &Model, id: JourneyId) {
    let j = m.journey_syntax(m.journey(id));
    if let Some(v) = text(&j.value()) {
        let _ = write!(w, "\n\nValue proposition: {v}");
    }
    if let Some(s) = text(&j.sponsor()) {
        let _ = write!(w, "\n\nSponsor: {s}");
    }
    let phases = j.phases();
    if !phases.is_empty() {
        let _ = write!(w, "\n\nPhases: {}", names(&phases));
    }
    if let Some(l) = j.loop_back() {
        let _ = write!(
            w,
            "\n\nLoops from `{}` back to `{}`",
            l.from.text, l.to.text
        );
    }
}

/// A persona: who it is, what it needs, what it rests on, who serves it.
fn persona_summary(w: &mut String, m: &Model, id: PersonaId) {
    let p = m.persona_syntax(m.persona(id));
    if let Some(r) = text(&p.role()) {
        let _ = write!(w, "\n\nRole: {r}");
    }
    let needs = p.needs();
    if !needs.is_empty() {
        let _ = write!(w, "\n\nNeeds:{}", list(&needs));
    }
    let pains = p.pains();
    if !pains.is_empty() {
        let _ = write!(w, "\n\nPains:{}", list(&pains));
    }
    if let Some(e) = text(&p.evidence()) {
        let _ = write!(w, "\n\nEvidence: {e}");
    }
    let channels = p.channels();
    if !channels.is_empty() {
        let _ = write!(w, "\n\nChannels: {}", names(&channels));
    }
    let served: Vec<String> = m
        .persona(id)
        .served_by
        .iter()
        .map(|t| name_of(m, Def::Touchpoint(*t)))
        .collect();
    if !served.is_empty() {
        let _ = write!(w, "\n\nServed by {}", served.join(", "));
    }
}

/// A phase: its kind and place in the journey, question, message,
/// objective and touchpoints.
fn phase_summary(w: &mut String, a: &Analysis, id: PhaseId) {
    let m = a.index().model();
    let def = Def::Phase(id);
    let p = m.phase_syntax(m.phase(id));
    let kind = p.kind();
    if let Some(k) = kind {
        let _ = write!(w, "\n\nKind: `{}`", k.text);
    }
    if let Some((n, total)) = phase_number(a, def) {
        let sep = if kind.is_some() { " · " } else { "\n\n" };
        let _ = write!(w, "{sep}phase {n} of {total}");
    }
    if let Some(q) = text(&p.question()) {
        let _ = write!(w, "\n\nCustomer's question: {q}");
    }
    if let Some(msg) = text(&p.message()) {
        let _ = write!(w, "\n\nCore message: {msg}");
    }
    if let Some(o) = text(&p.objective()) {
        let _ = write!(w, "\n\nObjective: {o}");
    }
    let tps: Vec<String> = p
        .touchpoints()
        .map(|t| format!("`{}`", t.id.text))
        .collect();
    if !tps.is_empty() {
        let _ = write!(w, "\n\nTouchpoints: {}", tps.join(", "));
    }
}

/// A touchpoint: where it sits and who runs it, its scores and state, whom
/// it serves and which impacts it delivers.
fn touchpoint_summary(w: &mut String, m: &Model, id: TouchpointId) {
    let tp = m.touchpoint(id);
    let t = m.touchpoint_syntax(tp);
    let phase = m.phase_syntax(m.phase(tp.phase));
    let _ = write!(w, "\n\nPhase: `{}`", phase.id.text);
    if let Some(title) = text(&phase.title) {
        let _ = write!(w, " ({title})");
    }
    if let Some(o) = t.owner() {
        let _ = write!(w, "\n\nOwner: `{}`", o.text);
    }
    let written = t.channel_statement();
    if let Some(c) = written.channel {
        let _ = write!(w, "\n\nChannel: `{}`", c.text);
        if let Some(p) = written.presence {
            let _ = write!(w, " ({})", p.text);
        }
    }
    touchpoint_scores(w, &t);
    let serves = t.serves();
    if !serves.is_empty() {
        let _ = write!(w, "\n\nServes {}", names(&serves));
    }
    let impacts: Vec<String> = tp
        .reached_by
        .iter()
        .map(|i| name_of(m, Def::Impact(*i)))
        .collect();
    if !impacts.is_empty() {
        let _ = write!(w, "\n\nDelivers impact {}", impacts.join(", "));
    }
}

/// A touchpoint's expectation and experience with their gap, its state
/// and importance, and whether it is a moment of truth.
fn touchpoint_scores(w: &mut String, t: &view::Touchpoint<'_>) {
    let (exp, expe) = (score(&t.expectation()), score(&t.experience()));
    if exp.is_some() || expe.is_some() {
        let show = |v: Option<f64>| v.map_or("–".to_string(), number);
        let _ = write!(
            w,
            "\n\nExpectation {} · experience {}",
            show(exp),
            show(expe)
        );
        if let (Some(x), Some(y)) = (exp, expe) {
            let _ = write!(w, " (gap {})", signed(y - x));
        }
    }
    if let Some(target) = score(&t.target_experience()) {
        let _ = write!(w, " · target {}", number(target));
    }
    for p in t.persona_scores() {
        let parts: Vec<String> = [
            ("expectation", score(&p.expectation)),
            ("experience", score(&p.experience)),
            ("target", score(&p.target)),
        ]
        .into_iter()
        .filter_map(|(what, v)| Some(format!("{what} {}", number(v?))))
        .collect();
        let _ = write!(w, "\n\nFor `{}`: {}", p.persona.text, parts.join(" · "));
        if let Some(f) = &p.feeling {
            let sep = if parts.is_empty() { "" } else { " — " };
            let _ = write!(w, "{sep}\u{201c}{}\u{201d}", f.value);
        }
    }
    if let Some(wow) = t.wow().filter(|m| m.value) {
        let _ = write!(w, "\n\nWow moment");
        if let Some(n) = &wow.note {
            let _ = write!(w, ": {}", n.value);
        }
    }
    if let Some(c) = t.cost() {
        let _ = write!(w, "\n\nCost: {} {}", c.raw, c.currency.text);
    }
    let next = t.next();
    if !next.is_empty() {
        let _ = write!(w, "\n\nNext: {}", names(&next));
    }
    if let Some(s) = t.state() {
        let _ = write!(w, "\n\nState: `{}`", s.text);
    }
    if let Some(i) = t.importance() {
        let _ = write!(w, " · importance `{}`", i.text);
    }
    if let Some(moment) = t.moment().filter(|m| m.value) {
        let _ = write!(w, "\n\nMoment of truth");
        if let Some(n) = &moment.note {
            let _ = write!(w, ": {}", n.value);
        }
    }
}

/// A goal: its metric and actors.
fn goal_summary(w: &mut String, m: &Model, id: GoalId) {
    let g = m.goal_syntax(m.goal(id));
    if let Some(metric) = g.metric() {
        let _ = write!(w, "\n\nMetric: {}", metric.name.value);
        if let Some(c) = scalar(&metric.current) {
            let _ = write!(w, " — now {c}");
        }
        if let Some(t) = scalar(&metric.target) {
            let _ = write!(w, ", target {t}");
        }
        if let Some(u) = &metric.unit {
            let _ = write!(w, " {}", u.value);
        }
        if let Some(b) = scalar(&metric.by) {
            let _ = write!(w, " by {b}");
        }
    }
    let actors: Vec<String> = g.actors().map(|a| format!("`{}`", a.id.text)).collect();
    if !actors.is_empty() {
        let _ = write!(w, "\n\nActors: {}", actors.join(", "));
    }
}

/// An actor: its goal and how many impacts it has.
fn actor_summary(w: &mut String, m: &Model, id: ActorId) {
    let actor = m.actor(id);
    let _ = write!(
        w,
        "\n\nStakeholder in goal {}, {} impact(s)",
        name_of(m, Def::Goal(actor.goal)),
        actor.impacts.len()
    );
}

/// An impact: its goal and actor, KPIs and the touchpoints it comes via.
fn impact_summary(w: &mut String, m: &Model, id: ImpactId) {
    let imp = m.impact(id);
    let _ = write!(
        w,
        "\n\nGoal {} · actor {}",
        name_of(m, Def::Goal(imp.goal)),
        name_of(m, Def::Actor(imp.actor))
    );
    let syntax = m.impact_syntax(imp);
    for k in &syntax.kpis() {
        let _ = write!(w, "\n\nKPI: {}", kpi_line(k));
    }
    let via = syntax.via();
    if !via.is_empty() {
        let _ = write!(w, "\n\nVia {}", names(&via));
    }
}

/// A KPI: its line and what it measures.
fn kpi_summary(w: &mut String, m: &Model, id: KpiId) {
    let k = m.kpi(id);
    let _ = write!(w, "\n\n{}", kpi_line(&m.kpi_syntax(k)));
    if let Some(p) = k.head.parent {
        let kind = SymbolKind::Def(p.kind());
        let _ = write!(w, "\n\nOf {} {}", kind.describe(), name_of(m, p));
    }
}

/// A deliverable: the impact it is for, and via what.
fn deliverable_summary(w: &mut String, m: &Model, id: DeliverableId) {
    let d = m.deliverable(id);
    let _ = write!(w, "\n\nFor impact {}", name_of(m, Def::Impact(d.impact)));
    let syntax = m.deliverable_syntax(d);
    if !syntax.via.is_empty() {
        let _ = write!(w, " via {}", names(&syntax.via));
    }
}

fn signed(v: f64) -> String {
    if v > 0.0 {
        format!("+{}", number(v))
    } else if v < 0.0 {
        format!("−{}", number(-v))
    } else {
        "0".to_string()
    }
}

pub(crate) fn signed_gap(v: f64) -> String {
    signed(v)
}

/// `(n, total)`: where a phase stands in the first journey that lists it.
pub(crate) fn phase_number(a: &Analysis, phase: Def) -> Option<(usize, usize)> {
    let Def::Phase(id) = phase else { return None };
    let m = a.index().model();
    let journey = m.journey(*m.phase(id).journeys.first()?);
    let n = journey.phases.iter().position(|s| s.phase == Some(id))?;
    Some((n + 1, journey.phases.len()))
}

/// A promise: its text, where it is made and which touchpoints keep it.
fn promise_summary(a: &Analysis, name: &str) -> String {
    let mut out = format!("**promise** `{name}`");
    let mut kept = Vec::new();
    let mut made = None;
    for (_, f) in a.workspace().files() {
        for p in crate::syntax(f).phases() {
            if let Some(pr) = p.promises().into_iter().find(|pr| pr.id.text == name) {
                made.get_or_insert((p.id.text.to_string(), pr.text.map(|t| t.value.into_owned())));
            }
            for t in p.touchpoints() {
                if t.keeps().iter().any(|k| k.text == name) {
                    kept.push(format!("`{}`", t.id.text));
                }
            }
        }
    }
    if let Some((phase, text)) = made {
        if let Some(text) = text {
            let _ = write!(out, " — {text}");
        }
        let _ = write!(out, "\n\nMade in phase `{phase}`");
    }
    if kept.is_empty() {
        out.push_str("\n\nNo touchpoint keeps it yet (`keeps` in a touchpoint of a later phase)");
    } else {
        let _ = write!(out, "\n\nKept by {}", kept.join(", "));
    }
    out
}

fn implicit_summary(a: &Analysis, kind: SymbolKind, name: &str) -> String {
    if kind == SymbolKind::Promise {
        return promise_summary(a, name);
    }
    let mut out = format!("**{}** `{name}`", kind.describe());
    let mut phases = Vec::new();
    let mut touchpoints = Vec::new();
    for (_, f) in a.workspace().files() {
        for p in crate::syntax(f).phases() {
            let in_phase = match kind {
                SymbolKind::Team => p.teams().iter().any(|t| t.text == name),
                SymbolKind::System => p.systems().iter().any(|t| t.text == name),
                _ => false,
            };
            if in_phase {
                phases.push(format!("`{}`", p.id.text));
            }
            for t in p.touchpoints() {
                let hit = match kind {
                    SymbolKind::Team => t.owner().is_some_and(|o| o.text == name),
                    SymbolKind::System => t.systems().iter().any(|s| s.text == name),
                    SymbolKind::Channel => t.channel().is_some_and(|c| c.text == name),
                    _ => false,
                };
                if hit {
                    touchpoints.push(format!("`{}`", t.id.text));
                }
            }
        }
    }
    match kind {
        SymbolKind::Channel => match schema::channel(name) {
            Some(c) => {
                let _ = write!(
                    out,
                    " ({})\n\n{}",
                    if c.online { "online" } else { "offline" },
                    c.doc
                );
            }
            None => {
                out.push_str("\n\nA channel of this workspace (not one of the built-in channels)")
            }
        },
        SymbolKind::Def(DefKind::Actor) => {
            let m = a.index().model();
            let actors: Vec<_> = m
                .actors
                .iter()
                .filter(|x| x.persona.is_none() && x.head.id() == name)
                .collect();
            if let Some(title) = actors.iter().find_map(|x| m.actor_syntax(x).title) {
                let _ = write!(out, " — {}", title.value);
            }
            let goals: Vec<String> = actors
                .iter()
                .map(|x| format!("`{}`", m.goal(x.goal).head.id()))
                .collect();
            let _ = write!(
                out,
                "\n\nA stakeholder (not a persona) in goal(s) {}",
                goals.join(", ")
            );
        }
        _ => {}
    }
    let what = match kind {
        SymbolKind::Team => "Responsible for phase(s)",
        _ => "Used in phase(s)",
    };
    if !phases.is_empty() {
        let _ = write!(out, "\n\n{what} {}", phases.join(", "));
    }
    if !touchpoints.is_empty() {
        let verb = match kind {
            SymbolKind::Team => "Owns",
            _ => "Touchpoints:",
        };
        let _ = write!(out, "\n\n{verb} {}", touchpoints.join(", "));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::fixture::Fixture;

    fn hover(text: &str) -> String {
        let f = Fixture::parse(text);
        let h = f.analysis.hover(f.cursor()).expect("a hover");
        format!(
            "{}\n---\n{}",
            f.describe(f.cursor().file, h.span),
            h.markdown
        )
    }

    const WS: &str = r#"//- personas.journey
persona sabine "Sabine Brandt" {
  role "Owner of a joinery"
  needs "Fast invoices", "Fewer evenings in the office"
  evidence "9 interviews, 2027"
}
//- phases.journey
import "personas.journey"
journey j {
  phases awareness, purchase
}
phase awareness "Awareness" {
  kind awareness
  question "Is there a simpler way?"
  touchpoint search_ads "Search ads" {
    channel search online
    owner marketing
    serves sabine
    expectation 4
    experience 2
    state current
  }
}
phase purchase {}
goal revenue "Grow revenue" {
  metric "MRR in €" current 84000 target 150000 by 2027-12-31
  actor sabine {
    impact buys "Buys" {
      via search_ads
    }
  }
}
"#;

    fn at(marker: &str) -> String {
        let (before, after) = marker.split_once('|').unwrap();
        let needle = format!("{before}{after}");
        assert_eq!(WS.matches(&needle).count(), 1, "ambiguous: {needle}");
        WS.replacen(&needle, &format!("{before}$0{after}"), 1)
    }

    #[test]
    fn persona_reference_shows_role_and_needs() {
        insta::assert_snapshot!(hover(&at("serves sa|bine")), @r"
    phases.journey:11:12-11:18 `sabine`
    ---
    **persona** `sabine` — Sabine Brandt

    Role: Owner of a joinery

    Needs:
    - Fast invoices
    - Fewer evenings in the office

    Evidence: 9 interviews, 2027

    Served by `search_ads`
");
    }

    #[test]
    fn touchpoint_reference_shows_phase_owner_and_scores() {
        insta::assert_snapshot!(hover(&at("via search|_ads")), @r"
            phases.journey:22:11-22:21 `search_ads`
            ---
            **touchpoint** `search_ads` — Search ads

            Phase: `awareness` (Awareness)

            Owner: `marketing`

            Channel: `search` (online)

            Expectation 4 · experience 2 (gap −2)

            State: `current`

            Serves `sabine`

            Delivers impact `buys`
        ");
    }

    #[test]
    fn touchpoint_shows_persona_feelings_target_cost_and_path() {
        let ws = "//- a.journey\n\
persona anna \"Anna\" {}\n\
phase p {\n  touchpoint a$0d \"Ad\" {\n    serves anna\n    expectation 3\n    experience 2.5 target 4\n    for anna experience 2 feeling \"lost\"\n    wow \"free samples\"\n    cost 1200 EUR\n    next shop\n  }\n  touchpoint shop {\n    serves anna\n  }\n}\n";
        let h = hover(ws);
        for part in [
            "Expectation 3 · experience 2.5 (gap \u{2212}0.5) · target 4",
            "For `anna`: experience 2 — \u{201c}lost\u{201d}",
            "Wow moment: free samples",
            "Cost: 1200 EUR",
            "Next: `shop`",
        ] {
            assert!(h.contains(part), "{part} not in:\n{h}");
        }
    }

    #[test]
    fn an_unknown_value_names_the_allowed_ones_with_the_right_article() {
        let ws = "//- a.journey\n\
phase p {\n  touchpoint t {\n    importance ho$0ch\n    state curent\n  }\n}\n";
        let h = hover(ws);
        assert!(
            h.contains("`hoch` is not an importance: use one of `low`"),
            "{h}"
        );
        let ws = ws.replace("ho$0ch", "hoch").replace("cur", "cu$0r");
        let h = hover(&ws);
        assert!(h.contains("`curent` is not a state: use one of"), "{h}");
    }

    #[test]
    fn goal_shows_its_metric() {
        insta::assert_snapshot!(hover(&at("goal rev|enue")), @r"
            phases.journey:18:6-18:13 `revenue`
            ---
            **goal** `revenue` — Grow revenue

            Metric: MRR in € — now 84000, target 150000 by 2027-12-31

            Actors: `sabine`
        ");
    }

    #[test]
    fn phase_in_journey_list_shows_number() {
        let h = hover(&at("phases awareness, pur|chase"));
        assert!(h.contains("**phase** `purchase`"), "{h}");
        assert!(!h.contains("Kind"), "{h}");
        let h = hover(&at("phases aware|ness"));
        assert!(h.contains("Kind: `awareness` · phase 1 of 2"), "{h}");
    }

    #[test]
    fn keyword_shows_its_meaning() {
        insta::assert_snapshot!(hover(&at("    ser|ves sabine")), @r#"
            phases.journey:11:5-11:11 `serves`
            ---
            ```journey
            serves ID, …
            ```
            The personas this touchpoint serves. (in a touchpoint)
        "#);
    }

    #[test]
    fn enum_value_and_team_and_clause() {
        let h = hover(&at("state curr|ent"));
        assert!(h.contains("`current` (state)"), "{h}");
        let h = hover(&at("owner market|ing"));
        assert!(
            h.contains("**team** `marketing`") && h.contains("Owns `search_ads`"),
            "{h}"
        );
        let f = Fixture::parse(&at("target 15|0000"));
        assert_eq!(f.analysis.hover(f.cursor()), None);
    }

    #[test]
    fn clause_word() {
        let h = hover(&at("current 84000 tar|get"));
        assert!(h.contains("The value to reach."), "{h}");
    }

    #[test]
    fn unknown_reference_says_so() {
        let h = hover("phase p { touchpoint t { serves nob$0ody } }");
        assert!(h.contains("no persona of that name"), "{h}");
    }

    #[test]
    fn promises_and_what_supports_resolve() {
        let src = "phase a {\n  promise fast \"Delivery in 48 h\"\n  supports gr$0owth\n}\n\
                   phase b {\n  touchpoint t { keeps fast }\n}\ngoal growth \"Grow\" {}\n";
        let h = hover(src);
        assert!(h.contains("**goal** `growth`"), "{h}");
        let h = hover(
            &src.replace("gr$0owth", "growth")
                .replace("keeps fast", "keeps fa$0st"),
        );
        assert!(h.contains("**promise** `fast` — Delivery in 48 h"), "{h}");
        assert!(
            h.contains("Made in phase `a`") && h.contains("Kept by `t`"),
            "{h}"
        );
    }

    #[test]
    fn findings_under_the_cursor_are_explained() {
        let h = hover("persona p {\n  role Foun$0der\n}\n");
        assert!(h.contains("**J0"), "{h}");
        assert!(h.contains("journeyc explain J0"), "{h}");
        // The explanation's examples are included.
        assert!(h.contains("Bad") || h.contains("bad"), "{h}");
        // The parts of what `journeyc explain` prints, default level included.
        let code = &h[h.find("**J0").unwrap() + 2..][..5];
        let e = journey_analysis::explain::explain(code).unwrap();
        assert!(h.contains(e.body.trim_end()), "{h}");
        assert!(
            h.contains(&format!("default severity: {}\n", e.default_line())),
            "{h}"
        );
    }

    #[test]
    fn actor_that_is_a_persona_shows_the_persona() {
        let h = hover(&at("actor sab|ine"));
        assert!(h.contains("**persona** `sabine`"), "{h}");
    }
}
