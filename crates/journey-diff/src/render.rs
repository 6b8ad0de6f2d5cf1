//! The renderings of a [`Diff`]: for a terminal, as Markdown for a
//! pull-request comment, and as JSON.

use crate::claims::ClaimChange;
use crate::diff::{Change, Detail, Diff, ScoreSummary, Summary};
use crate::findings::Finding;
use crate::snapshot::{format_number, Atom, DefKind, Name, Value};
use journey_diagnostics::escape::{escape_json, escape_line};
use serde_json::{json, Map, Value as Json};
use std::collections::HashSet;

/// How ids and prose are marked up in a sentence.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Plain,
    Markdown,
}

impl Style {
    /// An id or fixed word.
    fn id(self, s: &str) -> String {
        match self {
            Style::Plain => s.to_string(),
            Style::Markdown => code(s),
        }
    }

    /// Prose, in quotes.
    fn text(self, s: &str) -> String {
        match self {
            Style::Plain => format!("\"{s}\""),
            Style::Markdown => format!("“{}”", escape_markdown(s)),
        }
    }

    /// An atom; a reference by the title of what it names (`refs`) and
    /// its id, `"Checkout" [checkout]`.
    fn atom(self, refs: &[Name], a: &Atom) -> String {
        match a {
            Atom::Text(t) => self.text(t),
            Atom::Ref(kind, id) => match refs.iter().find(|n| n.kind == *kind && n.id == *id) {
                Some(n) => self.titled(n),
                None => self.id(id),
            },
            a => self.id(&a.plain()),
        }
    }

    fn atoms(self, refs: &[Name], atoms: &[Atom]) -> String {
        atoms
            .iter()
            .map(|a| self.atom(refs, a))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn value(self, refs: &[Name], v: &Value) -> String {
        self.atoms(refs, v.atoms())
    }
}

/// Inline code that survives backticks in the text.
fn code(s: &str) -> String {
    let ticks = if s.contains('`') { "``" } else { "`" };
    let pad = if s.starts_with('`') || s.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{ticks}{pad}{s}{pad}{ticks}")
}

/// Escapes what Markdown (GitHub flavour) would read as markup.
fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '@' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// One change as a sentence, plus the lines shown under it (old and new
/// prose; `-` and `+` lines).
struct Sentence {
    head: String,
    lines: Vec<(char, String)>,
}

impl Style {
    /// `"Anna, the first-time buyer" [anna]`: the title with the id in
    /// brackets, for a reader who knows the journey by its titles and one
    /// who edits its files; the bare id when it has no title; an unnamed
    /// KPI's or deliverable's text in quotes.
    fn titled(self, n: &Name) -> String {
        match (&n.title, n.named) {
            (Some(t), true) => format!("{} [{}]", self.text(t), self.id(&n.id)),
            (None, true) => self.id(&n.id),
            (_, false) => self.text(&n.id),
        }
    }

    /// `persona "Anna" [anna]`.
    fn name(self, n: &Name) -> String {
        format!("{} {}", n.kind, self.titled(n))
    }
}

/// The enclosing entities: `phase "Loyalty" [loyalty]`, `actor "Owner"
/// [owner] in goal "Grow revenue" [revenue]`.
fn context(ctx: &[Name], style: Style) -> String {
    ctx.iter()
        .map(|n| style.name(n))
        .collect::<Vec<_>>()
        .join(" in ")
}

/// The entity a change is about: `touchpoint "Checkout" [checkout]`,
/// `KPI "Open rate" of touchpoint "Monthly report" [monthly_report]`,
/// `actor "Owner" [owner] in goal "Grow revenue" [revenue]`.
fn subject(c: &Change, style: Style) -> String {
    let me = style.name(&c.name());
    if c.context.is_empty() || (c.named && c.kind != DefKind::Actor) {
        return me;
    }
    let joint = if c.kind == DefKind::Actor { "in" } else { "of" };
    format!("{me} {joint} {}", context(&c.context, style))
}

fn sentence(c: &Change, style: Style) -> Sentence {
    let mut lines = Vec::new();
    let head = match &c.detail {
        Detail::Added if !c.context.is_empty() => format!(
            "{} added to {}",
            style.name(&c.name()),
            context(&c.context, style)
        ),
        Detail::Added => format!("{} added", subject(c, style)),
        Detail::Removed if !c.context.is_empty() => format!(
            "{} removed from {}",
            style.name(&c.name()),
            context(&c.context, style)
        ),
        Detail::Removed => format!("{} removed", subject(c, style)),
        Detail::Renamed { from, from_title } => {
            let old = Name {
                id: from.clone(),
                title: from_title.clone(),
                ..c.name()
            };
            // An unchanged title is not repeated: only the id changed.
            let new = if old.title.is_some() && old.title == c.title {
                format!("[{}]", style.id(&c.id))
            } else {
                style.titled(&c.name())
            };
            format!("renamed {} {} → {new}", c.kind, style.titled(&old))
        }
        Detail::Served {
            phase,
            phase_title,
            served,
        } => {
            let phase = Name {
                kind: DefKind::Phase,
                id: phase.clone(),
                named: true,
                title: phase_title.clone(),
            };
            format!(
                "{} {} in {}",
                style.name(&c.name()),
                if *served {
                    "now served"
                } else {
                    "no longer served"
                },
                style.name(&phase)
            )
        }
        Detail::Field {
            name,
            label,
            old,
            new,
            claims,
        } => {
            let mut what = field(
                name,
                label,
                (old.as_ref(), new.as_ref()),
                style,
                &c.refs,
                &mut lines,
            );
            if !claims.is_empty() {
                // The values first: they are what the reader looks for.
                let values: Vec<String> = claims.iter().map(ClaimChange::sentence).collect();
                what = format!("{what}: {}", values.join("; "));
            }
            format!("{}: {what}", subject(c, style))
        }
        Detail::Score {
            measure,
            persona,
            old,
            new,
            unit,
        } => score(
            c,
            measure,
            persona.as_ref(),
            *old,
            *new,
            unit.as_deref(),
            style,
        ),
    };
    Sentence { head, lines }
}

/// `experience at "Checkout" [checkout]: 3 → 4`; `experience of persona
/// "Anna" [anna] at "Checkout" [checkout]: 2 → 3`.
fn score(
    c: &Change,
    measure: &str,
    persona: Option<&Name>,
    old: Option<f64>,
    new: Option<f64>,
    unit: Option<&str>,
    style: Style,
) -> String {
    let value = |v: f64| {
        let n = style.id(&format_number(v));
        match unit {
            Some(u) => format!("{n} {u}"),
            None => n,
        }
    };
    let whose = persona
        .map(|p| format!(" of {}", style.name(p)))
        .unwrap_or_default();
    let at = style.titled(&c.name());
    let what = match (old, new) {
        (Some(o), Some(n)) => format!("{} → {}", value(o), value(n)),
        (None, Some(n)) => format!("set to {}", value(n)),
        (Some(o), None) => format!("removed (was {})", value(o)),
        (None, None) => "unchanged".to_string(),
    };
    format!("{measure}{whose} at {at}: {what}")
}

/// Fields whose text is a name rather than prose: shown inline when short.
const NAME_FIELDS: &[&str] = &["title", "name", "role", "unit", "metric"];

/// Whether a value of field `name` reads well inline: words, numbers and
/// ids, and short names; prose (a core message, copy, a description) is
/// shown on lines of its own.
fn inline(name: &str, v: &Value) -> bool {
    match v {
        Value::One(Atom::Text(t)) => NAME_FIELDS.contains(&name) && t.chars().count() <= 60,
        Value::One(_) => true,
        Value::Set(_) | Value::Seq(_) => !v.is_text(),
    }
}

/// What changed in a field (`owner shop_team → web_team`); prose goes to
/// `lines`. `refs` name the entities its references point to.
fn field(
    name: &str,
    label: &str,
    (old, new): (Option<&Value>, Option<&Value>),
    style: Style,
    refs: &[Name],
    lines: &mut Vec<(char, String)>,
) -> String {
    // Fields with a sentence of their own.
    match (name, old, new) {
        ("phase", Some(o), Some(n)) => {
            return format!(
                "moved from phase {} to phase {}",
                style.value(refs, o),
                style.value(refs, n)
            )
        }
        ("actor", Some(o), Some(n)) => {
            let who = |v: &Value| match v.atoms() {
                [g, a] => format!(
                    "actor {} in goal {}",
                    style.atom(refs, a),
                    style.atom(refs, g)
                ),
                _ => style.value(refs, v),
            };
            return format!("moved from {} to {}", who(o), who(n));
        }
        _ => {}
    }
    // Lists: what was added and what was removed.
    let is_set = |v: Option<&Value>| matches!(v, None | Some(Value::Set(_)));
    if is_set(old) && is_set(new) {
        let atoms = |v: Option<&Value>| v.map(|v| v.atoms().to_vec()).unwrap_or_default();
        let (o, n) = (atoms(old), atoms(new));
        // Compared by a hashed key: lists of thousands of items are
        // compared in one pass each.
        let key = |a: &Atom| match a {
            Atom::Number(x) if *x == 0.0 => "Number(0)".to_string(),
            a => format!("{a:?}"),
        };
        let keys = |v: &[Atom]| v.iter().map(key).collect::<HashSet<_>>();
        let (ok, nk) = (keys(&o), keys(&n));
        let added: Vec<Atom> = n
            .iter()
            .filter(|a| !ok.contains(&key(a)))
            .cloned()
            .collect();
        let removed: Vec<Atom> = o
            .iter()
            .filter(|a| !nk.contains(&key(a)))
            .cloned()
            .collect();
        return set_change(name, label, (&added, &removed), style, refs, lines);
    }
    match (old, new) {
        (Some(o), Some(n)) if inline(name, o) && inline(name, n) => {
            format!(
                "{label} {} → {}",
                style.value(refs, o),
                style.value(refs, n)
            )
        }
        (Some(o), Some(n)) => {
            lines.push(('-', style.value(refs, o)));
            lines.push(('+', style.value(refs, n)));
            format!("{label} changed")
        }
        (None, Some(n)) if inline(name, n) => format!("{label} set to {}", style.value(refs, n)),
        (None, Some(n)) => {
            lines.push(('+', style.value(refs, n)));
            format!("{label} added")
        }
        (Some(o), None) if inline(name, o) => {
            format!("{label} removed (was {})", style.value(refs, o))
        }
        (Some(o), None) => {
            lines.push(('-', style.value(refs, o)));
            format!("{label} removed")
        }
        (None, None) => format!("{label} unchanged"),
    }
}

fn set_change(
    name: &str,
    label: &str,
    (added, removed): (&[Atom], &[Atom]),
    style: Style,
    refs: &[Name],
    lines: &mut Vec<(char, String)>,
) -> String {
    let prose = added
        .iter()
        .chain(removed)
        .any(|a| matches!(a, Atom::Text(_)));
    if prose {
        for a in removed {
            lines.push(('-', style.atom(refs, a)));
        }
        for a in added {
            lines.push(('+', style.atom(refs, a)));
        }
        return match (added.is_empty(), removed.is_empty()) {
            (false, true) => format!("{label} added"),
            (true, false) => format!("{label} removed"),
            _ => format!("{label} changed"),
        };
    }
    let mut parts = Vec::new();
    if name == "serves" {
        if !added.is_empty() {
            parts.push(format!("now serves {}", style.atoms(refs, added)));
        }
        if !removed.is_empty() {
            parts.push(format!("no longer serves {}", style.atoms(refs, removed)));
        }
        return parts.join("; ");
    }
    if !added.is_empty() {
        parts.push(format!("added {}", style.atoms(refs, added)));
    }
    if !removed.is_empty() {
        parts.push(format!("removed {}", style.atoms(refs, removed)));
    }
    format!("{label}: {}", parts.join("; "))
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// `1 added, 1 removed, 1 renamed, 2 changed, 1 coverage change`.
fn counts(s: &Summary) -> String {
    let mut parts = Vec::new();
    for (n, word) in [
        (s.added, "added"),
        (s.removed, "removed"),
        (s.renamed, "renamed"),
        (s.changed, "changed"),
    ] {
        if n > 0 {
            parts.push(format!("{n} {word}"));
        }
    }
    if s.coverage > 0 {
        parts.push(plural(s.coverage, "coverage change", "coverage changes"));
    }
    parts.join(", ")
}

/// `1 finding introduced, 1 resolved`, or nothing.
fn finding_counts(s: &Summary) -> Option<String> {
    match (s.introduced, s.resolved) {
        (0, 0) => None,
        (i, 0) => Some(format!("{} introduced", plural(i, "finding", "findings"))),
        (0, r) => Some(format!("{} resolved", plural(r, "finding", "findings"))),
        (i, r) => Some(format!(
            "{} introduced, {r} resolved",
            plural(i, "finding", "findings")
        )),
    }
}

/// `5 changes: 1 added, 1 removed, 1 renamed, 2 changed; 1 finding
/// introduced`.
pub fn summary_line(s: &Summary) -> String {
    let changes = match s.total() {
        0 => "no changes".to_string(),
        n => format!("{}: {}", plural(n, "change", "changes"), counts(s)),
    };
    match finding_counts(s) {
        Some(f) => format!("{changes}; {f}"),
        None => changes,
    }
}

/// `experience 1 up, 2 down (net −1)`: one measure of a [`ScoreSummary`].
fn score_summary_part(s: &ScoreSummary) -> String {
    let mut parts = Vec::new();
    for (n, word) in [
        (s.up, "up"),
        (s.down, "down"),
        (s.set, "set"),
        (s.removed, "removed"),
    ] {
        if n > 0 {
            parts.push(format!("{n} {word}"));
        }
    }
    let mut out = format!("{} {}", s.measure, parts.join(", "));
    if s.up + s.down > 0 {
        let sign = if s.net > 0.0 {
            "+"
        } else if s.net < 0.0 {
            "−"
        } else {
            "±"
        };
        let unit = s
            .unit
            .as_deref()
            .map(|u| format!(" {u}"))
            .unwrap_or_default();
        out.push_str(&format!(
            " (net {sign}{}{unit})",
            format_number(s.net.abs())
        ));
    }
    out
}

/// The score changes summed up, one line per persona: `scores for all
/// personas: experience 1 up (net +1)`, `scores of persona "Anna"
/// [anna]: experience 2 down (net −3)`.
fn score_summary_lines(diff: &Diff, style: Style) -> Vec<String> {
    let summary = diff.score_summary();
    let mut lines: Vec<(Option<Name>, Vec<String>)> = Vec::new();
    for s in &summary {
        match lines.iter_mut().find(|(p, _)| *p == s.persona) {
            Some((_, parts)) => parts.push(score_summary_part(s)),
            None => lines.push((s.persona.clone(), vec![score_summary_part(s)])),
        }
    }
    lines
        .into_iter()
        .map(|(p, parts)| {
            let whom = match p {
                Some(p) => format!("scores of {}", style.name(&p)),
                None => "scores for all personas".to_string(),
            };
            format!("{whom}: {}", parts.join("; "))
        })
        .collect()
}

/// `error J0504 contradicting-claims: contradicting price: …`. The
/// message is shown as the checker writes it in either style: it quotes
/// ids and values in backticks already.
fn finding_line(f: &Finding, style: Style) -> String {
    format!(
        "{} {} {}: {}",
        f.severity,
        style.id(f.code),
        f.name,
        f.message
    )
}

/// One line per change (`+ touchpoint "App" [app] added to phase
/// "Loyalty" [loyalty]`, `~ experience at "Checkout" [checkout]: 3 → 4`
/// …), prose under its line, the findings the change introduces (`!`)
/// and resolves (`✓`), the score changes per persona, and a summary.
/// Control characters of the journeys are shown escaped (`\u{1b}`).
/// Nothing at all when nothing changed.
pub fn human(diff: &Diff, color: bool) -> String {
    if diff.is_empty() {
        return String::new();
    }
    let paint = |code: &str, s: &str| {
        if color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    };
    let mut out = String::new();
    for c in &diff.changes {
        let s = sentence(c, Style::Plain);
        let (mark, code) = match &c.detail {
            Detail::Added => ('+', "32"),
            Detail::Removed => ('-', "31"),
            Detail::Renamed { .. } | Detail::Field { .. } | Detail::Score { .. } => ('~', "33"),
            Detail::Served { served: true, .. } => ('+', "32"),
            Detail::Served { served: false, .. } => ('!', "31"),
        };
        out.push_str(&paint(code, &mark.to_string()));
        out.push(' ');
        out.push_str(&escape_line(&s.head));
        out.push('\n');
        for (sign, text) in s.lines {
            let line = format!("    {sign} {}", escape_line(&text));
            out.push_str(&paint(if sign == '+' { "32" } else { "31" }, &line));
            out.push('\n');
        }
    }
    let findings = &diff.findings;
    for (list, mark, code, word) in [
        (&findings.introduced, '!', "31", "introduces"),
        (&findings.resolved, '✓', "32", "resolves"),
    ] {
        for f in list {
            out.push_str(&paint(code, &mark.to_string()));
            out.push_str(&format!(
                " {word} {}\n",
                escape_line(&finding_line(f, Style::Plain))
            ));
        }
    }
    let scores = score_summary_lines(diff, Style::Plain);
    if !scores.is_empty() {
        out.push('\n');
        for line in scores {
            out.push_str(&escape_line(&line));
            out.push('\n');
        }
    }
    out.push('\n');
    out.push_str(&summary_line(&diff.summary()));
    out.push('\n');
    out
}

/// The marker that starts every Markdown report, so that a CI job can
/// find and update its earlier comment on a pull request.
pub const MARKDOWN_MARKER: &str = "<!-- journeyc-diff -->";

/// A pull-request comment: a heading, the summary, the changes grouped
/// by kind, the score changes per persona, and the findings introduced
/// and resolved. `old` and `new` name the versions compared (`main`, `the
/// working tree`). Nothing at all when nothing changed.
pub fn markdown(diff: &Diff, old: &str, new: &str) -> String {
    if diff.is_empty() {
        return String::new();
    }
    let mut out = String::new();
    out.push_str(MARKDOWN_MARKER);
    out.push_str("\n### Journey changes\n\n");
    let s = diff.summary();
    let between = format!(
        "between {} and {}",
        code(&escape_line(old)),
        code(&escape_line(new))
    );
    let findings = finding_counts(&s)
        .map(|f| format!("; {f}"))
        .unwrap_or_default();
    if s.total() > 0 {
        out.push_str(&format!(
            "**{}** {between}: {}{findings}.\n",
            plural(s.total(), "change", "changes"),
            counts(&s)
        ));
    } else {
        out.push_str(&format!("**No changes** {between}{findings}.\n"));
    }
    let mut section: Option<&str> = None;
    for c in &diff.changes {
        let heading = match c.detail {
            Detail::Served { .. } => "Persona coverage",
            _ => c.kind.plural(),
        };
        if section != Some(heading) {
            out.push_str(&format!("\n#### {heading}\n\n"));
            section = Some(heading);
        }
        let s = sentence(c, Style::Markdown);
        let mark = match &c.detail {
            Detail::Added => "➕",
            Detail::Removed => "➖",
            Detail::Renamed { .. } => "🔁",
            Detail::Field { .. } | Detail::Score { .. } => "✏️",
            Detail::Served { served: true, .. } => "✅",
            Detail::Served { served: false, .. } => "⚠️",
        };
        out.push_str(&format!("- {mark} {}\n", escape_line(&s.head)));
        for (sign, text) in s.lines {
            let word = if sign == '+' { "now" } else { "was" };
            out.push_str(&format!("  - {word}: {}\n", escape_line(&text)));
        }
    }
    let scores = score_summary_lines(diff, Style::Markdown);
    if !scores.is_empty() {
        out.push_str("\n#### Scores\n\n");
        for line in scores {
            out.push_str(&format!("- {}\n", escape_line(&line)));
        }
    }
    for (list, heading, mark) in [
        (&diff.findings.introduced, "Findings introduced", "❗"),
        (&diff.findings.resolved, "Findings resolved", "✔️"),
    ] {
        if list.is_empty() {
            continue;
        }
        out.push_str(&format!("\n#### {heading}\n\n"));
        for f in list {
            out.push_str(&format!(
                "- {mark} {}\n",
                escape_line(&finding_line(f, Style::Markdown))
            ));
        }
    }
    out
}

fn atom_json(a: &Atom) -> Json {
    match a {
        Atom::Number(n) => number_json(*n),
        a => Json::String(a.plain()),
    }
}

fn number_json(n: f64) -> Json {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        json!(n as i64)
    } else {
        json!(n)
    }
}

fn value_json(v: Option<&Value>) -> Json {
    match v {
        None => Json::Null,
        Some(Value::One(a)) => atom_json(a),
        Some(Value::Set(v) | Value::Seq(v)) => Json::Array(v.iter().map(atom_json).collect()),
    }
}

/// `{"entity", "id", "title"}`.
fn name_json(n: &Name) -> Json {
    json!({
        "entity": n.kind.keyword(),
        "id": n.id,
        "title": n.title,
    })
}

fn finding_json(f: &Finding) -> Json {
    json!({
        "code": f.code,
        "name": f.name,
        "severity": f.severity,
        "message": f.message,
    })
}

/// The diff as one JSON document (always, even when nothing changed):
/// `{"version": 1, "old", "new", "changes": […], "scores": […],
/// "findings": {"introduced": […], "resolved": […]}, "summary": {…}}`.
///
/// Every change has `entity`, `id`, `title` (or `null`), `named`,
/// `context` (the enclosing entities' ids, `phase loyalty`, or `null`),
/// `context_titles` (their names as the message writes them), `change`
/// (`added`, `removed`, `renamed`, `changed`, `coverage`) and `message`
/// (the human sentence); renames add `from` and `from_title`, field
/// changes `field`, `label`, `old`, `new` and `claims` (`[{"what":
/// "price", "old": "9.99 €", "new": "12 €", "old_value": 9.99,
/// "new_value": 12}]`), score changes `field` (the measure), `old`,
/// `new`, `persona` (`{"entity", "id", "title"}` or `null`) and `unit`,
/// coverage changes `phase`, `phase_title` and `served`. Each finding has
/// `code`, `name`, `severity` and `message`; each score summary
/// `persona`, `measure`, `up`, `down`, `set`, `removed`, `net` and `unit`.
pub fn json(diff: &Diff, old: &str, new: &str) -> String {
    let changes: Vec<Json> = diff
        .changes
        .iter()
        .map(|c| {
            let mut m = Map::new();
            m.insert("entity".into(), json!(c.kind.keyword()));
            m.insert("id".into(), json!(c.id));
            m.insert("title".into(), json!(c.title));
            m.insert("named".into(), json!(c.named));
            let ctx = (!c.context.is_empty()).then(|| {
                c.context
                    .iter()
                    .map(Name::ids)
                    .collect::<Vec<_>>()
                    .join(" in ")
            });
            m.insert("context".into(), json!(ctx));
            m.insert(
                "context_titles".into(),
                json!((!c.context.is_empty()).then(|| context(&c.context, Style::Plain))),
            );
            m.insert("change".into(), json!(c.detail.category()));
            match &c.detail {
                Detail::Renamed { from, from_title } => {
                    m.insert("from".into(), json!(from));
                    m.insert("from_title".into(), json!(from_title));
                }
                Detail::Field {
                    name,
                    label,
                    old,
                    new,
                    claims,
                } => {
                    m.insert("field".into(), json!(name));
                    m.insert("label".into(), json!(label));
                    m.insert("old".into(), value_json(old.as_ref()));
                    m.insert("new".into(), value_json(new.as_ref()));
                    let claims: Vec<Json> = claims
                        .iter()
                        .map(|c| {
                            json!({
                                "what": c.what,
                                "old": c.old,
                                "new": c.new,
                                "old_value": number_json(c.old_value),
                                "new_value": number_json(c.new_value),
                            })
                        })
                        .collect();
                    m.insert("claims".into(), Json::Array(claims));
                }
                Detail::Score {
                    measure,
                    persona,
                    old,
                    new,
                    unit,
                } => {
                    m.insert("field".into(), json!(measure));
                    m.insert("label".into(), json!(measure));
                    m.insert("old".into(), old.map_or(Json::Null, number_json));
                    m.insert("new".into(), new.map_or(Json::Null, number_json));
                    m.insert(
                        "persona".into(),
                        persona.as_ref().map_or(Json::Null, name_json),
                    );
                    m.insert("unit".into(), json!(unit));
                }
                Detail::Served {
                    phase,
                    phase_title,
                    served,
                } => {
                    m.insert("phase".into(), json!(phase));
                    m.insert("phase_title".into(), json!(phase_title));
                    m.insert("served".into(), json!(served));
                }
                Detail::Added | Detail::Removed => {}
            }
            m.insert("message".into(), json!(sentence(c, Style::Plain).head));
            Json::Object(m)
        })
        .collect();
    let scores: Vec<Json> = diff
        .score_summary()
        .iter()
        .map(|s| {
            json!({
                "persona": s.persona.as_ref().map_or(Json::Null, name_json),
                "measure": s.measure,
                "up": s.up,
                "down": s.down,
                "set": s.set,
                "removed": s.removed,
                "net": number_json(s.net),
                "unit": s.unit,
            })
        })
        .collect();
    let s = diff.summary();
    let doc = json!({
        "version": 1,
        "old": old,
        "new": new,
        "changes": changes,
        "scores": scores,
        "findings": {
            "introduced": diff.findings.introduced.iter().map(finding_json).collect::<Vec<_>>(),
            "resolved": diff.findings.resolved.iter().map(finding_json).collect::<Vec<_>>(),
        },
        "summary": {
            "added": s.added,
            "removed": s.removed,
            "renamed": s.renamed,
            "changed": s.changed,
            "coverage": s.coverage,
            "total": s.total(),
            "introduced": s.introduced,
            "resolved": s.resolved,
        }
    });
    let mut text = escape_json(serde_json::to_string_pretty(&doc).unwrap_or_default());
    text.push('\n');
    text
}

/// The human sentence of one change, without markup (`touchpoint
/// "Checkout" [checkout]: channel web → app`).
pub fn message(c: &Change) -> String {
    sentence(c, Style::Plain).head
}
