//! The renderings of a [`Diff`]: for a terminal, as Markdown for a
//! pull-request comment, and as JSON.

use crate::diff::{Change, Detail, Diff, Summary};
use crate::snapshot::{Atom, DefKind, Value};
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

    fn atom(self, a: &Atom) -> String {
        match a {
            Atom::Text(t) => self.text(t),
            a => self.id(&a.plain()),
        }
    }

    fn atoms(self, atoms: &[Atom]) -> String {
        atoms
            .iter()
            .map(|a| self.atom(a))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn value(self, v: &Value) -> String {
        self.atoms(v.atoms())
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

/// `touchpoint checkout`, `KPI "Open rate" of touchpoint monthly_report`,
/// `actor owner in goal retention`.
fn subject(c: &Change, id: &str, style: Style) -> String {
    let ctx = c.context.as_deref().map(|x| context(x, style));
    match (c.kind, c.named) {
        (DefKind::Actor, _) => match ctx {
            Some(ctx) => format!("actor {} in {ctx}", style.id(id)),
            None => format!("actor {}", style.id(id)),
        },
        (k, true) => format!("{k} {}", style.id(id)),
        (k, false) => match ctx {
            Some(ctx) => format!("{k} {} of {ctx}", style.text(id)),
            None => format!("{k} {}", style.text(id)),
        },
    }
}

/// `phase loyalty` → `phase loyalty` with the id marked up.
fn context(ctx: &str, style: Style) -> String {
    if style == Style::Plain {
        return ctx.to_string();
    }
    // "kind id" or "actor id in goal id"
    let words: Vec<&str> = ctx.split(' ').collect();
    match words.as_slice() {
        [k, id] => format!("{k} {}", style.id(id)),
        [k, id, "in", g, gid] => format!("{k} {} in {g} {}", style.id(id), style.id(gid)),
        _ => ctx.to_string(),
    }
}

fn sentence(c: &Change, style: Style) -> Sentence {
    let mut lines = Vec::new();
    let head = match &c.detail {
        Detail::Added => match &c.context {
            Some(ctx) => format!(
                "{} added to {}",
                subject_without_context(c, style),
                context(ctx, style)
            ),
            _ => format!("{} added", subject(c, &c.id, style)),
        },
        Detail::Removed => match &c.context {
            Some(ctx) => format!(
                "{} removed from {}",
                subject_without_context(c, style),
                context(ctx, style)
            ),
            _ => format!("{} removed", subject(c, &c.id, style)),
        },
        Detail::Renamed { from } => {
            format!("{} renamed to {}", subject(c, from, style), style.id(&c.id))
        }
        Detail::Served { phase, served } => format!(
            "persona {} {} in phase {}",
            style.id(&c.id),
            if *served {
                "now served"
            } else {
                "no longer served"
            },
            style.id(phase)
        ),
        Detail::Field {
            name,
            label,
            old,
            new,
        } => {
            let what = field(name, label, old.as_ref(), new.as_ref(), style, &mut lines);
            let subj = if c.named && c.kind != DefKind::Actor {
                format!("{} {}", c.kind, style.id(&c.id))
            } else {
                subject(c, &c.id, style)
            };
            format!("{subj}: {what}")
        }
    };
    Sentence { head, lines }
}

fn subject_without_context(c: &Change, style: Style) -> String {
    if c.named || c.kind == DefKind::Actor {
        format!("{} {}", c.kind, style.id(&c.id))
    } else {
        format!("{} {}", c.kind, style.text(&c.id))
    }
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

fn field(
    name: &str,
    label: &str,
    old: Option<&Value>,
    new: Option<&Value>,
    style: Style,
    lines: &mut Vec<(char, String)>,
) -> String {
    // Fields with a sentence of their own.
    match (name, old, new) {
        ("phase", Some(o), Some(n)) => {
            return format!(
                "moved from phase {} to phase {}",
                style.value(o),
                style.value(n)
            )
        }
        ("actor", Some(o), Some(n)) => {
            let who = |v: &Value| match v.atoms() {
                [g, a] => format!("actor {} in goal {}", style.atom(a), style.atom(g)),
                _ => style.value(v),
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
        return set_change(name, label, &added, &removed, style, lines);
    }
    match (old, new) {
        (Some(o), Some(n)) if inline(name, o) && inline(name, n) => {
            format!("{label} {} → {}", style.value(o), style.value(n))
        }
        (Some(o), Some(n)) => {
            lines.push(('-', style.value(o)));
            lines.push(('+', style.value(n)));
            format!("{label} changed")
        }
        (None, Some(n)) if inline(name, n) => format!("{label} set to {}", style.value(n)),
        (None, Some(n)) => {
            lines.push(('+', style.value(n)));
            format!("{label} added")
        }
        (Some(o), None) if inline(name, o) => format!("{label} removed (was {})", style.value(o)),
        (Some(o), None) => {
            lines.push(('-', style.value(o)));
            format!("{label} removed")
        }
        (None, None) => format!("{label} unchanged"),
    }
}

fn set_change(
    name: &str,
    label: &str,
    added: &[Atom],
    removed: &[Atom],
    style: Style,
    lines: &mut Vec<(char, String)>,
) -> String {
    let prose = added
        .iter()
        .chain(removed)
        .any(|a| matches!(a, Atom::Text(_)));
    if prose {
        for a in removed {
            lines.push(('-', style.atom(a)));
        }
        for a in added {
            lines.push(('+', style.atom(a)));
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
            parts.push(format!("now serves {}", style.atoms(added)));
        }
        if !removed.is_empty() {
            parts.push(format!("no longer serves {}", style.atoms(removed)));
        }
        return parts.join("; ");
    }
    if !added.is_empty() {
        parts.push(format!("added {}", style.atoms(added)));
    }
    if !removed.is_empty() {
        parts.push(format!("removed {}", style.atoms(removed)));
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

/// `5 changes: 1 added, 1 removed, 1 renamed, 2 changed`.
pub fn summary_line(s: &Summary) -> String {
    if s.total() == 0 {
        return "no changes".into();
    }
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
    format!(
        "{}: {}",
        plural(s.total(), "change", "changes"),
        parts.join(", ")
    )
}

/// One line per change (`+ touchpoint x added to phase y`, `~ touchpoint
/// checkout: experience 3 → 4` …), prose under its line, and a summary.
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
            Detail::Renamed { .. } | Detail::Field { .. } => ('~', "33"),
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
    out.push('\n');
    out.push_str(&summary_line(&diff.summary()));
    out.push('\n');
    out
}

/// The marker that starts every Markdown report, so that a CI job can
/// find and update its earlier comment on a pull request.
pub const MARKDOWN_MARKER: &str = "<!-- journeyc-diff -->";

/// A pull-request comment: a heading, the summary, and the changes
/// grouped by kind. `old` and `new` name the versions compared (`main`,
/// `the working tree`). Nothing at all when nothing changed.
pub fn markdown(diff: &Diff, old: &str, new: &str) -> String {
    if diff.is_empty() {
        return String::new();
    }
    let mut out = String::new();
    out.push_str(MARKDOWN_MARKER);
    out.push_str("\n### Journey changes\n\n");
    let s = diff.summary();
    let counts = summary_line(&s);
    let counts = counts.split_once(": ").map(|(_, c)| c).unwrap_or("");
    out.push_str(&format!(
        "**{}** between {} and {}: {counts}.\n",
        plural(s.total(), "change", "changes"),
        code(&escape_line(old)),
        code(&escape_line(new))
    ));
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
            Detail::Field { .. } => "✏️",
            Detail::Served { served: true, .. } => "✅",
            Detail::Served { served: false, .. } => "⚠️",
        };
        out.push_str(&format!("- {mark} {}\n", escape_line(&s.head)));
        for (sign, text) in s.lines {
            let word = if sign == '+' { "now" } else { "was" };
            out.push_str(&format!("  - {word}: {}\n", escape_line(&text)));
        }
    }
    out
}

fn atom_json(a: &Atom) -> Json {
    match a {
        Atom::Number(n) => {
            if n.fract() == 0.0 && n.abs() < 1e15 {
                json!(*n as i64)
            } else {
                json!(n)
            }
        }
        a => Json::String(a.plain()),
    }
}

fn value_json(v: Option<&Value>) -> Json {
    match v {
        None => Json::Null,
        Some(Value::One(a)) => atom_json(a),
        Some(Value::Set(v) | Value::Seq(v)) => Json::Array(v.iter().map(atom_json).collect()),
    }
}

/// The diff as one JSON document (always, even when nothing changed):
/// `{"version": 1, "old", "new", "changes": […], "summary": {…}}`. Every
/// change has `entity`, `id`, `named`, `context` (or `null`), `change`
/// (`added`, `removed`, `renamed`, `changed`, `coverage`) and `message`
/// (the human sentence); renames add `from`, field changes `field`,
/// `label`, `old` and `new`, coverage changes `phase` and `served`.
pub fn json(diff: &Diff, old: &str, new: &str) -> String {
    let changes: Vec<Json> = diff
        .changes
        .iter()
        .map(|c| {
            let mut m = Map::new();
            m.insert("entity".into(), json!(c.kind.keyword()));
            m.insert("id".into(), json!(c.id));
            m.insert("named".into(), json!(c.named));
            m.insert("context".into(), json!(c.context));
            m.insert("change".into(), json!(c.detail.category()));
            match &c.detail {
                Detail::Renamed { from } => {
                    m.insert("from".into(), json!(from));
                }
                Detail::Field {
                    name,
                    label,
                    old,
                    new,
                } => {
                    m.insert("field".into(), json!(name));
                    m.insert("label".into(), json!(label));
                    m.insert("old".into(), value_json(old.as_ref()));
                    m.insert("new".into(), value_json(new.as_ref()));
                }
                Detail::Served { phase, served } => {
                    m.insert("phase".into(), json!(phase));
                    m.insert("served".into(), json!(served));
                }
                Detail::Added | Detail::Removed => {}
            }
            m.insert("message".into(), json!(sentence(c, Style::Plain).head));
            Json::Object(m)
        })
        .collect();
    let s = diff.summary();
    let doc = json!({
        "version": 1,
        "old": old,
        "new": new,
        "changes": changes,
        "summary": {
            "added": s.added,
            "removed": s.removed,
            "renamed": s.renamed,
            "changed": s.changed,
            "coverage": s.coverage,
            "total": s.total(),
        }
    });
    let mut text = escape_json(serde_json::to_string_pretty(&doc).unwrap_or_default());
    text.push('\n');
    text
}

/// The human sentence of one change, without markup (`touchpoint
/// checkout: experience 3 → 4`).
pub fn message(c: &Change) -> String {
    sentence(c, Style::Plain).head
}
