//! One journey written twice — as `.journey` and as YAML for a JSON Schema
//! validator — so that `journeyc check` can be timed against what a team
//! would pick instead (ajv-cli with a schema) on exactly the same content:
//! the same personas, phases, touchpoints, fields and copy.
//!
//! The content is built once as plain data ([`Content`]); the two writers
//! only spell it differently. With mistakes switched on, the same
//! touchpoints carry the same mistakes on both sides (out-of-range scores,
//! unknown channels and values, missing fields, undefined personas, copy
//! and names too long), so each tool reports what it can see of them.
//! [`SCHEMA`] is the JSON Schema the YAML is validated against.

use crate::{varied, Rng, CHANNELS, COPY_DE, COPY_EN, PHASES, TEAMS};
use std::fmt::Write;

/// The JSON Schema (draft-07) for the YAML form: what a team checks with a
/// schema validator — required fields, types, the fixed word lists,
/// scores from 1 to 5, id patterns and string lengths. It cannot follow
/// references between entities.
pub const SCHEMA: &str = include_str!("peer.schema.json");

/// Longest `says` copy the schema admits: what a social post holds, the
/// tightest channel limit among the generated channels.
const COPY_LIMIT: usize = 280;

/// How much to generate.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    pub phases: usize,
    pub touchpoints_per_phase: usize,
    pub personas: usize,
    pub seed: u64,
    /// Put mistakes into the touchpoints: the findings-heavy variant.
    pub mistakes: bool,
}

impl Default for Shape {
    /// The benchmark's journey: 500 phases of 60 touchpoints.
    fn default() -> Self {
        Shape {
            phases: 500,
            touchpoints_per_phase: 60,
            personas: 6,
            seed: 1,
            mistakes: false,
        }
    }
}

/// A whole generated journey: one journey, its personas and its phases.
#[derive(Debug, Clone)]
pub struct Content {
    pub journey: Journey,
    pub personas: Vec<Persona>,
    pub phases: Vec<Phase>,
}

#[derive(Debug, Clone)]
pub struct Journey {
    pub id: String,
    pub name: String,
    pub value: String,
    /// The loop from the last phase back to the first.
    pub loop_back: (String, String),
}

#[derive(Debug, Clone)]
pub struct Persona {
    pub id: String,
    pub name: String,
    pub role: String,
    pub evidence: String,
    pub needs: Vec<String>,
    pub pains: Vec<String>,
    pub channels: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Phase {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub question: String,
    pub message: String,
    pub kpi: Kpi,
    pub teams: Vec<String>,
    pub systems: Vec<String>,
    pub touchpoints: Vec<Touchpoint>,
}

#[derive(Debug, Clone)]
pub struct Kpi {
    pub id: Option<String>,
    pub name: String,
    pub target: u32,
    pub unit: Option<String>,
}

/// A touchpoint. Fields that a mistake can leave out are options; words
/// from a fixed list are strings, so that a mistake can misspell them.
#[derive(Debug, Clone)]
pub struct Touchpoint {
    pub id: String,
    pub name: String,
    pub channel: String,
    pub presence: String,
    pub owner: Option<String>,
    pub serves: Vec<String>,
    pub says: String,
    pub kpi: Option<Kpi>,
    pub expectation: u32,
    /// None for a planned touchpoint: it has not been experienced yet.
    pub experience: Option<u32>,
    pub importance: String,
    pub monitored: bool,
    pub state: String,
}

/// The mistakes of the findings-heavy variant, and who can see each: a
/// schema validator sees the shape, journeyc the shape and the meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mistake {
    /// An expectation of 0 or 6–9 (both: J0307, schema `maximum`/`minimum`).
    ScoreOutOfRange,
    /// A misspelt channel (both: J0309, schema `enum`).
    UnknownChannel,
    /// A misspelt importance (both: J0308, schema `enum`).
    UnknownImportance,
    /// A misspelt state (both: J0308, schema `enum`).
    UnknownState,
    /// No owner (both: J0408, schema `required`).
    MissingOwner,
    /// No persona served (both: J0407, schema `required`).
    MissingServes,
    /// A social post longer than 280 characters (both: J0511, schema `maxLength`).
    CopyTooLong,
    /// Serves a persona nobody defined (journeyc only: J0304; a schema cannot
    /// follow references).
    UndefinedPersona,
    /// A name longer than the team's 80 characters (schema only: journeyc
    /// sets no limit on names).
    NameTooLong,
}

impl Mistake {
    pub const ALL: [Mistake; 9] = [
        Mistake::ScoreOutOfRange,
        Mistake::UnknownChannel,
        Mistake::UnknownImportance,
        Mistake::UnknownState,
        Mistake::MissingOwner,
        Mistake::MissingServes,
        Mistake::CopyTooLong,
        Mistake::UndefinedPersona,
        Mistake::NameTooLong,
    ];

    /// Makes this mistake in `tp`.
    pub fn apply(self, tp: &mut Touchpoint, rng: &mut Rng) {
        match self {
            Mistake::ScoreOutOfRange => tp.expectation = *rng.pick(&[0, 6, 7, 9]),
            Mistake::UnknownChannel => {
                let typo = *rng.pick(&["emial", "wbe", "socail", "phnoe", "stroe", "evnet"]);
                tp.channel = typo.to_string();
            }
            Mistake::UnknownImportance => {
                tp.importance = rng.pick(&["hihg", "meduim", "critcal"]).to_string();
            }
            Mistake::UnknownState => tp.state = rng.pick(&["curent", "planed"]).to_string(),
            Mistake::MissingOwner => tp.owner = None,
            Mistake::MissingServes => tp.serves.clear(),
            Mistake::CopyTooLong => {
                tp.channel = "social".to_string();
                tp.presence = "online".to_string();
                while tp.says.chars().count() <= COPY_LIMIT {
                    let more = format!(" {}", tp.says);
                    tp.says.push_str(&more);
                }
            }
            Mistake::UndefinedPersona => tp.serves = vec![format!("nobody{}", rng.below(100))],
            Mistake::NameTooLong => {
                tp.name = format!("{} — {}", tp.name, "the long way round ".repeat(5).trim());
            }
        }
    }
}

/// Builds the content of `shape`: deterministic for a seed.
pub fn content(shape: Shape) -> Content {
    let mut rng = Rng::new(shape.seed);
    let personas: Vec<Persona> = (0..shape.personas.max(1)).map(persona).collect();
    let phases: Vec<Phase> = (0..shape.phases.max(1))
        .map(|i| phase(i, shape, personas.len(), &mut rng))
        .collect();
    let first = phases[0].id.clone();
    let last = phases[phases.len() - 1].id.clone();
    Content {
        journey: Journey {
            id: "marketing".to_string(),
            name: "Marketing automation".to_string(),
            value: "Measurable marketing for small teams".to_string(),
            loop_back: (last, first),
        },
        personas,
        phases,
    }
}

fn persona(i: usize) -> Persona {
    let german = i % 2 == 1;
    Persona {
        id: format!("p{i}"),
        name: if german {
            format!("Sabine {i}, Geschäftsführerin")
        } else {
            format!("Sam {i}, founder")
        },
        role: "Managing director of a small firm".to_string(),
        evidence: "12 interviews, 2026".to_string(),
        needs: vec![
            "less manual work".to_string(),
            "campaigns she can measure".to_string(),
        ],
        pains: vec!["too many tools".to_string()],
        channels: CHANNELS.iter().map(|(c, _)| c.to_string()).collect(),
    }
}

fn phase(i: usize, shape: Shape, personas: usize, rng: &mut Rng) -> Phase {
    let (word, kind, question) = PHASES[i % PHASES.len()];
    let german = i % 2 == 1;
    let copy = if german { COPY_DE } else { COPY_EN };
    let id = format!("{word}{i}");
    let message = varied(copy[i % copy.len()], german, rng);
    let kpi = Kpi {
        id: Some(format!("k{i}")),
        name: format!("Conversion {id}"),
        target: 5 + rng.below(40) as u32,
        unit: Some("%".to_string()),
    };
    let touchpoints = (0..shape.touchpoints_per_phase)
        .map(|t| touchpoint(i, t, copy, german, personas, shape.mistakes, rng))
        .collect();
    Phase {
        name: format!("{word} {i}"),
        kind: kind.to_string(),
        question: question.to_string(),
        message,
        kpi,
        teams: vec![
            TEAMS[i % TEAMS.len()].to_string(),
            TEAMS[(i + 1) % TEAMS.len()].to_string(),
        ],
        systems: vec!["crm".to_string(), "cms".to_string()],
        touchpoints,
        id,
    }
}

fn touchpoint(
    i: usize,
    t: usize,
    copy: &[&str],
    german: bool,
    personas: usize,
    mistakes: bool,
    rng: &mut Rng,
) -> Touchpoint {
    let id = format!("t{i}_{t}");
    let (channel, presence) = *rng.pick(CHANNELS);
    let importance = *rng.pick(&["low", "medium", "high", "critical"]);
    let planned = rng.below(10) == 0;
    let expectation = 2 + rng.below(3) as u32;
    // Every fourth touchpoint has a KPI of its own, as in real maps where
    // many are judged by their scores alone.
    let kpi = (t % 4 == 0).then(|| Kpi {
        id: None,
        name: format!("Reach {id}"),
        target: 100 * (1 + rng.below(50) as u32),
        unit: None,
    });
    let mut tp = Touchpoint {
        name: format!("Touchpoint {i}.{t}"),
        channel: channel.to_string(),
        presence: presence.to_string(),
        owner: Some(TEAMS[(i + t) % TEAMS.len()].to_string()),
        serves: vec![format!("p{}", t % personas)],
        says: varied(copy[(i + t) % copy.len()], german, rng),
        kpi,
        expectation,
        experience: (!planned).then_some(expectation),
        // Important touchpoints are monitored (J0416); others now and then.
        monitored: matches!(importance, "high" | "critical") || rng.below(2) == 0,
        importance: importance.to_string(),
        state: if planned { "planned" } else { "current" }.to_string(),
        id,
    };
    if mistakes {
        for mistake in mistakes_for(rng) {
            mistake.apply(&mut tp, rng);
        }
    }
    tp
}

/// The mistakes of one touchpoint in the findings-heavy variant: one, and
/// a second one in two of three touchpoints (never the same one twice).
fn mistakes_for(rng: &mut Rng) -> Vec<Mistake> {
    let first = *rng.pick(&Mistake::ALL);
    let mut out = vec![first];
    if rng.below(3) != 0 {
        let second = *rng.pick(&Mistake::ALL);
        if second != first {
            out.push(second);
        }
    }
    out
}

/// The content as one `.journey` file.
pub fn to_journey(c: &Content) -> String {
    let q = journey_syntax::quote;
    let mut out = String::with_capacity(c.phases.len() * c.phases[0].touchpoints.len() * 300);
    let j = &c.journey;
    let phase_ids: Vec<&str> = c.phases.iter().map(|p| p.id.as_str()).collect();
    let _ = writeln!(out, "journey {} {} {{", j.id, q(&j.name));
    let _ = writeln!(out, "  value {}", q(&j.value));
    let _ = writeln!(out, "  phases {}", phase_ids.join(", "));
    let _ = writeln!(out, "  loop {} -> {}\n}}\n", j.loop_back.0, j.loop_back.1);
    for p in &c.personas {
        let _ = writeln!(out, "persona {} {} {{", p.id, q(&p.name));
        let _ = writeln!(out, "  role {}", q(&p.role));
        let _ = writeln!(out, "  evidence {}", q(&p.evidence));
        let _ = writeln!(out, "  needs {}", journey_texts(&p.needs));
        let _ = writeln!(out, "  pains {}", journey_texts(&p.pains));
        let _ = writeln!(out, "  channels {}\n}}\n", p.channels.join(", "));
    }
    for p in &c.phases {
        let _ = writeln!(out, "phase {} {} {{", p.id, q(&p.name));
        let _ = writeln!(out, "  kind {}", p.kind);
        let _ = writeln!(out, "  question {}", q(&p.question));
        let _ = writeln!(out, "  message {}", q(&p.message));
        let _ = writeln!(out, "  kpi {}", journey_kpi(&p.kpi));
        let _ = writeln!(out, "  teams {}", p.teams.join(", "));
        let _ = writeln!(out, "  systems {}", p.systems.join(", "));
        for tp in &p.touchpoints {
            journey_touchpoint(&mut out, tp);
        }
        out.push_str("}\n\n");
    }
    out
}

fn journey_texts(texts: &[String]) -> String {
    let quoted: Vec<String> = texts.iter().map(|t| journey_syntax::quote(t)).collect();
    quoted.join(", ")
}

fn journey_kpi(k: &Kpi) -> String {
    let mut out = String::new();
    if let Some(id) = &k.id {
        let _ = write!(out, "{id} ");
    }
    let _ = write!(
        out,
        "{} target {}",
        journey_syntax::quote(&k.name),
        k.target
    );
    if let Some(unit) = &k.unit {
        let _ = write!(out, " unit {}", journey_syntax::quote(unit));
    }
    out
}

fn journey_touchpoint(out: &mut String, tp: &Touchpoint) {
    let q = journey_syntax::quote;
    let _ = writeln!(out, "\n  touchpoint {} {} {{", tp.id, q(&tp.name));
    let _ = writeln!(out, "    channel {} {}", tp.channel, tp.presence);
    if let Some(owner) = &tp.owner {
        let _ = writeln!(out, "    owner {owner}");
    }
    if !tp.serves.is_empty() {
        let _ = writeln!(out, "    serves {}", tp.serves.join(", "));
    }
    let _ = writeln!(out, "    says {}", q(&tp.says));
    if let Some(kpi) = &tp.kpi {
        let _ = writeln!(out, "    kpi {}", journey_kpi(kpi));
    }
    let _ = writeln!(out, "    expectation {}", tp.expectation);
    if let Some(experience) = tp.experience {
        let _ = writeln!(out, "    experience {experience}");
    }
    let _ = writeln!(out, "    importance {}", tp.importance);
    let _ = writeln!(
        out,
        "    monitored {}",
        if tp.monitored { "yes" } else { "no" }
    );
    let _ = writeln!(out, "    state {}\n  }}", tp.state);
}

/// The content as one YAML document, in block style with one field per
/// line, as a team would write it for a schema validator.
pub fn to_yaml(c: &Content) -> String {
    let mut out = String::with_capacity(c.phases.len() * c.phases[0].touchpoints.len() * 380);
    let j = &c.journey;
    out.push_str("journey:\n");
    let _ = writeln!(out, "  id: {}", yaml_word(&j.id));
    let _ = writeln!(out, "  name: {}", yaml_string(&j.name));
    let _ = writeln!(out, "  value: {}", yaml_string(&j.value));
    let phase_ids: Vec<&str> = c.phases.iter().map(|p| p.id.as_str()).collect();
    let _ = writeln!(out, "  phases: {}", yaml_words(&phase_ids));
    let (from, to) = &j.loop_back;
    let _ = writeln!(
        out,
        "  loop:\n    from: {}\n    to: {}",
        yaml_word(from),
        yaml_word(to)
    );
    out.push_str("personas:\n");
    for p in &c.personas {
        let _ = writeln!(out, "  - id: {}", yaml_word(&p.id));
        let _ = writeln!(out, "    name: {}", yaml_string(&p.name));
        let _ = writeln!(out, "    role: {}", yaml_string(&p.role));
        let _ = writeln!(out, "    evidence: {}", yaml_string(&p.evidence));
        let _ = writeln!(out, "    needs: {}", yaml_strings(&p.needs));
        let _ = writeln!(out, "    pains: {}", yaml_strings(&p.pains));
        let _ = writeln!(out, "    channels: {}", yaml_words(&p.channels));
    }
    out.push_str("phases:\n");
    for p in &c.phases {
        let _ = writeln!(out, "  - id: {}", yaml_word(&p.id));
        let _ = writeln!(out, "    name: {}", yaml_string(&p.name));
        let _ = writeln!(out, "    kind: {}", yaml_word(&p.kind));
        let _ = writeln!(out, "    question: {}", yaml_string(&p.question));
        let _ = writeln!(out, "    message: {}", yaml_string(&p.message));
        yaml_kpi(&mut out, &p.kpi, "    ");
        let _ = writeln!(out, "    teams: {}", yaml_words(&p.teams));
        let _ = writeln!(out, "    systems: {}", yaml_words(&p.systems));
        out.push_str("    touchpoints:\n");
        for tp in &p.touchpoints {
            yaml_touchpoint(&mut out, tp);
        }
    }
    out
}

fn yaml_kpi(out: &mut String, k: &Kpi, indent: &str) {
    let _ = writeln!(out, "{indent}kpi:");
    if let Some(id) = &k.id {
        let _ = writeln!(out, "{indent}  id: {}", yaml_word(id));
    }
    let _ = writeln!(out, "{indent}  name: {}", yaml_string(&k.name));
    let _ = writeln!(out, "{indent}  target: {}", k.target);
    if let Some(unit) = &k.unit {
        let _ = writeln!(out, "{indent}  unit: {}", yaml_string(unit));
    }
}

fn yaml_touchpoint(out: &mut String, tp: &Touchpoint) {
    let _ = writeln!(out, "      - id: {}", yaml_word(&tp.id));
    let _ = writeln!(out, "        name: {}", yaml_string(&tp.name));
    let _ = writeln!(out, "        channel: {}", yaml_word(&tp.channel));
    let _ = writeln!(out, "        presence: {}", yaml_word(&tp.presence));
    if let Some(owner) = &tp.owner {
        let _ = writeln!(out, "        owner: {}", yaml_word(owner));
    }
    if !tp.serves.is_empty() {
        let _ = writeln!(out, "        serves: {}", yaml_words(&tp.serves));
    }
    let _ = writeln!(out, "        says: {}", yaml_string(&tp.says));
    if let Some(kpi) = &tp.kpi {
        yaml_kpi(out, kpi, "        ");
    }
    let _ = writeln!(out, "        expectation: {}", tp.expectation);
    if let Some(experience) = tp.experience {
        let _ = writeln!(out, "        experience: {experience}");
    }
    let _ = writeln!(out, "        importance: {}", yaml_word(&tp.importance));
    let _ = writeln!(out, "        monitored: {}", tp.monitored);
    let _ = writeln!(out, "        state: {}", yaml_word(&tp.state));
}

/// Words that a YAML 1.1 or 1.2 reader turns into something other than a
/// string when written plain.
const YAML_RESERVED: &[&str] = &["y", "n", "yes", "no", "on", "off", "true", "false", "null"];

/// An id or a fixed word: plain when it is a lowercase word that reads
/// back as the same string, quoted otherwise.
pub fn yaml_word(word: &str) -> String {
    let mut chars = word.chars();
    let plain = chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !YAML_RESERVED.contains(&word);
    if plain {
        word.to_string()
    } else {
        yaml_string(word)
    }
}

/// `s` as a YAML double-quoted scalar that reads back as exactly `s`:
/// quotes and backslashes escaped, and every character YAML does not allow
/// raw (controls, line and paragraph separators, the byte-order mark and
/// the non-characters U+FFFE/U+FFFF) as a `\x`, `\u` or `\U` escape.
pub fn yaml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if c.is_control()
                || matches!(
                    c,
                    '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
                ) =>
            {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A flow sequence of words: `[a, b, c]`.
fn yaml_words<S: AsRef<str>>(words: &[S]) -> String {
    let items: Vec<String> = words.iter().map(|w| yaml_word(w.as_ref())).collect();
    format!("[{}]", items.join(", "))
}

/// A flow sequence of double-quoted strings.
fn yaml_strings(texts: &[String]) -> String {
    let items: Vec<String> = texts.iter().map(|t| yaml_string(t)).collect();
    format!("[{}]", items.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_words_stay_plain_unless_they_would_read_back_otherwise() {
        assert_eq!(yaml_word("t12_3"), "t12_3");
        assert_eq!(yaml_word("yes"), "\"yes\"");
        assert_eq!(yaml_word("3d"), "\"3d\"");
        assert_eq!(yaml_word("Emial"), "\"Emial\"");
        assert_eq!(yaml_word(""), "\"\"");
    }

    #[test]
    fn yaml_strings_escape_what_yaml_does_not_allow_raw() {
        assert_eq!(yaml_string("a \"b\" \\ c"), r#""a \"b\" \\ c""#);
        assert_eq!(yaml_string("x\ny\u{1}"), r#""x\ny\x01""#);
        assert_eq!(
            yaml_string("\u{85}\u{2028}\u{feff}"),
            r#""\u0085\u2028\ufeff""#
        );
        assert_eq!(yaml_string("Café 📈 – ok"), "\"Café 📈 – ok\"");
    }
}
