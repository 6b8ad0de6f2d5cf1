//! The export document: the resolved model of a workspace as every format
//! sees it.
//!
//! It is built once from the analysis model and is plain data: every
//! reference is an id that names an entity of the same document, phases
//! stand in journey order, and each entity carries its source location.
//! The JSON export is this type serialised; its shape is described by
//! `schemas/journey-export.schema.json` and versioned by
//! [`SCHEMA_VERSION`].

use journey_diagnostics::render::Position;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The version of the JSON shape. Raised on every change that could break
/// a consumer (a field removed, renamed or retyped); new optional fields
/// do not raise it.
pub const SCHEMA_VERSION: u32 = 1;

/// Where something is written: a file and a range in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    /// The file, as the user names it (relative to the working directory
    /// where possible).
    pub path: String,
    pub start: Position,
    pub end: Position,
}

/// A document read from a workbook has no source positions.
impl Default for Location {
    fn default() -> Self {
        Location::nowhere()
    }
}

impl Location {
    /// No place in a file: for documents made from something other than
    /// source files (a workbook being imported).
    pub fn nowhere() -> Location {
        let at = Position {
            offset: 0,
            line: 1,
            column: 1,
            utf16_column: 1,
        };
        Location {
            path: String::new(),
            start: at,
            end: at,
        }
    }
}

/// A measurable value as written: a number, a date (`2027-06-30`,
/// written without quotes) or text (written in quotes).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Number(f64),
    /// `YYYY-MM-DD`.
    Date(String),
    Text(String),
}

impl Value {
    /// The value as a person reads it (`40`, `3.1`, `2027-06-30`).
    pub fn display(&self) -> String {
        match self {
            Value::Number(n) => format_number(*n),
            Value::Date(t) | Value::Text(t) => t.clone(),
        }
    }
}

/// A date and a text serialise alike: as the string written.
impl Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Number(n) => serialize_number(*n, s),
            Value::Date(t) | Value::Text(t) => s.serialize_str(t),
        }
    }
}

/// Whole numbers as JSON integers (`4`, not `4.0`).
fn serialize_number<S: serde::Serializer>(n: f64, s: S) -> Result<S::Ok, S::Error> {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        s.serialize_i64(n as i64)
    } else {
        s.serialize_f64(n)
    }
}

fn serialize_score<S: serde::Serializer>(n: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match n {
        Some(n) => serialize_number(*n, s),
        None => s.serialize_none(),
    }
}

/// `40` rather than `40.0`; other numbers as Rust prints them.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// The whole export.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub schema_version: u32,
    /// The source files, in the order they were read.
    pub files: Vec<String>,
    pub journeys: Vec<Journey>,
    pub personas: Vec<Persona>,
    /// Every phase: those of the journeys first, in journey order, then any
    /// other phase in source order.
    pub phases: Vec<Phase>,
    pub goals: Vec<Goal>,
    /// The teams named as phase teams or touchpoint owners, sorted by id.
    pub teams: Vec<Team>,
    /// The IT systems named by phases and touchpoints, sorted by id.
    pub systems: Vec<System>,
    /// Findings of `journeyc check` below error severity that remain.
    pub findings: Vec<Finding>,
    /// Lookups by id, built on first use.
    #[serde(skip)]
    pub(crate) index: OnceLock<Index>,
}

/// Positions of the entities by id.
#[derive(Debug, Clone, Default)]
pub(crate) struct Index {
    personas: HashMap<String, usize>,
    phases: HashMap<String, usize>,
    /// Phase position and touchpoint position within it.
    touchpoints: HashMap<String, (usize, usize)>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Journey {
    pub id: String,
    pub title: Option<String>,
    /// The value proposition.
    pub value: Option<String>,
    pub description: Option<String>,
    /// The executive who backs the journey (`sponsor`).
    pub sponsor: Option<String>,
    /// The phase ids, in journey order.
    pub phases: Vec<String>,
    /// `loop from -> to`: after `from` the journey continues with `to`.
    #[serde(rename = "loop")]
    pub loop_back: Option<LoopBack>,
    /// What backs the claims of the value proposition.
    pub evidence: Vec<String>,
    /// The small print of the value proposition.
    pub disclaimers: Vec<String>,
    pub allows: Vec<Allow>,
    pub location: Location,
}

#[derive(Debug, Clone, Serialize)]
pub struct LoopBack {
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Empathy {
    pub says: Vec<String>,
    pub thinks: Vec<String>,
    pub does: Vec<String>,
    pub feels: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Persona {
    pub id: String,
    pub name: Option<String>,
    pub role: Option<String>,
    pub description: Option<String>,
    pub evidence: Option<String>,
    pub needs: Vec<String>,
    pub pains: Vec<String>,
    pub gains: Vec<String>,
    pub goals: Vec<String>,
    pub channels: Vec<String>,
    pub empathy: Option<Empathy>,
    /// The touchpoints that serve this persona (resolved from `serves`),
    /// in journey order.
    pub touchpoints: Vec<String>,
    pub allows: Vec<Allow>,
    pub location: Location,
}

/// `kpi [ID] "name" [target VALUE] [unit "unit"]`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Kpi {
    pub id: Option<String>,
    pub name: String,
    pub target: Option<Value>,
    pub unit: Option<String>,
    pub location: Location,
}

impl Kpi {
    /// `Name: 60 %` for people.
    pub fn display(&self) -> String {
        let mut s = self.name.clone();
        if let Some(t) = &self.target {
            s.push_str(": ");
            s.push_str(&t.display());
            if let Some(u) = &self.unit {
                s.push(' ');
                s.push_str(u);
            }
        } else if let Some(u) = &self.unit {
            s.push_str(&format!(" (in {u})"));
        }
        s
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Phase {
    pub id: String,
    pub title: Option<String>,
    pub kind: Option<String>,
    /// The journeys that list this phase.
    pub journeys: Vec<String>,
    /// The customer's central question.
    pub question: Option<String>,
    pub activities: Vec<String>,
    /// The customer's goals.
    pub wants: Vec<String>,
    /// The business goal.
    pub objective: Option<String>,
    /// The core message.
    pub message: Option<String>,
    /// What the core message supports (`supports`).
    pub supports: Vec<Support>,
    /// The promises made in this phase.
    pub promises: Vec<Promise>,
    /// What backs the claims of the core message and the promises.
    pub evidence: Vec<String>,
    /// The small print of the core message and the promises.
    pub disclaimers: Vec<String>,
    pub kpis: Vec<Kpi>,
    /// Organisational activities behind the scenes.
    pub backstage: Vec<String>,
    pub teams: Vec<String>,
    pub systems: Vec<String>,
    /// Moments of truth named by the phase.
    pub moments: Vec<String>,
    pub touchpoints: Vec<Touchpoint>,
    pub allows: Vec<Allow>,
    pub location: Location,
}

/// One item of `supports`: a promise, goal or impact by id, or a part of
/// the value proposition as text. Exactly one of the two is set.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Support {
    #[serde(rename = "ref")]
    pub reference: Option<String>,
    pub text: Option<String>,
}

/// `promise ID "text"`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Promise {
    pub id: String,
    pub text: Option<String>,
    pub location: Location,
}

impl Phase {
    pub fn display_title(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.id)
    }
}

/// Where a touchpoint is reached from in the impact map.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Reach {
    pub goal: String,
    pub actor: String,
    pub impact: String,
    /// The deliverable's id or title when the touchpoint is reached through
    /// `deliverable … via`, `null` for a plain `via`.
    pub deliverable: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Touchpoint {
    pub id: String,
    pub title: Option<String>,
    /// The id of the phase it belongs to.
    pub phase: String,
    pub channel: Option<String>,
    /// `online` or `offline`: as written, or else the channel's default.
    pub presence: Option<String>,
    /// Whether `presence` was written in the source (`false`: derived from
    /// the channel).
    pub presence_explicit: bool,
    /// The owning team.
    pub owner: Option<String>,
    pub systems: Vec<String>,
    pub kpis: Vec<Kpi>,
    /// The personas it serves.
    pub serves: Vec<String>,
    /// The copy it carries.
    pub says: Vec<String>,
    /// What backs the claims of the copy (`evidence`).
    pub evidence: Vec<String>,
    /// Small print shown with the copy (`disclaimer`).
    pub disclaimers: Vec<String>,
    /// The promises it keeps (`keeps`).
    pub keeps: Vec<String>,
    #[serde(serialize_with = "serialize_score")]
    pub expectation: Option<f64>,
    #[serde(serialize_with = "serialize_score")]
    pub experience: Option<f64>,
    /// The experience aimed for (`experience … target SCORE`).
    #[serde(serialize_with = "serialize_score")]
    pub target_experience: Option<f64>,
    /// Each persona's own scores (`for PERSONA …`), as written: what a
    /// line leaves out is `null` and falls back to the touchpoint's score.
    pub persona_scores: Vec<PersonaScores>,
    pub importance: Option<String>,
    pub monitored: Option<bool>,
    /// `current` (status quo) or `planned` (target journey). A touchpoint
    /// without a `state` statement is current.
    pub state: String,
    /// Whether `state` was written in the source.
    pub state_explicit: bool,
    /// A moment of truth.
    pub moment: bool,
    /// Why it is a moment of truth, when said.
    pub moment_note: Option<String>,
    /// A wow moment: a deliberate over-delivery (`wow`).
    pub wow: bool,
    /// Why it is a wow moment, when said.
    pub wow_note: Option<String>,
    /// What the touchpoint costs (`cost AMOUNT CURRENCY`).
    pub cost: Option<Cost>,
    /// The touchpoints the customer goes on to (`next`), as ids.
    pub next: Vec<String>,
    pub collects: Vec<String>,
    /// The GDPR legal basis for `collects`.
    pub basis: Option<String>,
    pub description: Option<String>,
    /// The impacts (and deliverables) of the impact map that reach it.
    pub reached_by: Vec<Reach>,
    pub allows: Vec<Allow>,
    pub location: Location,
}

/// `for PERSONA [expectation S] [experience S] [target S] [feeling "…"]`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PersonaScores {
    pub persona: String,
    #[serde(serialize_with = "serialize_score")]
    pub expectation: Option<f64>,
    #[serde(serialize_with = "serialize_score")]
    pub experience: Option<f64>,
    #[serde(serialize_with = "serialize_score")]
    pub target: Option<f64>,
    pub feeling: Option<String>,
}

/// `cost AMOUNT CURRENCY`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cost {
    #[serde(serialize_with = "serialize_amount")]
    pub amount: f64,
    /// The ISO 4217 code as written (`EUR`).
    pub currency: String,
}

fn serialize_amount<S: serde::Serializer>(n: &f64, s: S) -> Result<S::Ok, S::Error> {
    serialize_number(*n, s)
}

impl Cost {
    /// `12000 EUR`.
    pub fn display(&self) -> String {
        format!("{} {}", format_number(self.amount), self.currency)
    }
}

/// Costs summed per currency, in the order the currencies first appear;
/// amounts in different currencies are never added together.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CostTotals(pub Vec<(String, f64)>);

impl CostTotals {
    pub fn of<'a>(touchpoints: impl IntoIterator<Item = &'a Touchpoint>) -> CostTotals {
        let mut t = CostTotals::default();
        for c in touchpoints.into_iter().filter_map(|t| t.cost.as_ref()) {
            t.add(c);
        }
        t
    }

    pub fn add(&mut self, c: &Cost) {
        match self.0.iter_mut().find(|(cur, _)| *cur == c.currency) {
            Some((_, sum)) => *sum += c.amount,
            None => self.0.push((c.currency.clone(), c.amount)),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `15000 EUR · 800 CHF`.
    pub fn display(&self) -> String {
        self.0
            .iter()
            .map(|(cur, n)| format!("{} {cur}", format_number(round_cents(*n))))
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

/// Sums of decimal amounts without binary noise (`0.1 + 0.2` is `0.3`).
fn round_cents(n: f64) -> f64 {
    (n * 100.0).round() / 100.0
}

impl PersonaScores {
    /// A compact reading: `anna: 4 / 2 → 4 (annoyed)` (expectation /
    /// experience → target).
    pub fn display(&self) -> String {
        let f = |n: Option<f64>| n.map(format_number).unwrap_or_else(|| "–".to_string());
        let mut s = format!("{}:", self.persona);
        if let Some(e) = self.expectation {
            s.push_str(&format!(" {} /", format_number(e)));
        }
        s.push_str(&format!(" {}", f(self.experience)));
        if let Some(t) = self.target {
            s.push_str(&format!(" → {}", format_number(t)));
        }
        if let Some(x) = &self.feeling {
            s.push_str(&format!(" ({x})"));
        }
        s
    }
}

impl Touchpoint {
    /// `persona`'s own scores at this touchpoint, if it has a `for` line.
    pub fn scores_for(&self, persona: &str) -> Option<&PersonaScores> {
        self.persona_scores.iter().find(|p| p.persona == persona)
    }

    /// The status-quo experience of `persona`: their own `for` score, else
    /// the touchpoint's.
    pub fn experience_for(&self, persona: &str) -> Option<f64> {
        self.scores_for(persona)
            .and_then(|p| p.experience)
            .or(self.experience)
    }

    /// The expectation of `persona`, with the same fallback.
    pub fn expectation_for(&self, persona: &str) -> Option<f64> {
        self.scores_for(persona)
            .and_then(|p| p.expectation)
            .or(self.expectation)
    }

    /// The experience aimed for for `persona`: their own target, else the
    /// touchpoint's target, else (for a current touchpoint) the status quo.
    pub fn target_for(&self, persona: &str) -> Option<f64> {
        self.scores_for(persona)
            .and_then(|p| p.target)
            .or(self.target_experience)
            .or_else(|| {
                if self.is_planned() {
                    None
                } else {
                    self.experience_for(persona)
                }
            })
    }

    /// `persona`'s feeling at this touchpoint, when their `for` line says.
    pub fn feeling_for(&self, persona: &str) -> Option<&str> {
        self.scores_for(persona).and_then(|p| p.feeling.as_deref())
    }

    pub fn display_title(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.id)
    }
    pub fn is_planned(&self) -> bool {
        self.state == "planned"
    }
    pub fn is_online(&self) -> Option<bool> {
        self.presence.as_deref().map(|p| p == "online")
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Metric {
    pub name: String,
    pub current: Option<Value>,
    pub target: Option<Value>,
    /// The unit the values are in (`EUR`, `%`).
    pub unit: Option<String>,
    /// The deadline, `YYYY-MM-DD`.
    pub by: Option<String>,
}

impl Metric {
    /// `Monthly churn in %: 3.1 → 1.8 by 2027-06-30`.
    pub fn display(&self) -> String {
        let mut s = self.name.clone();
        match (&self.current, &self.target) {
            (Some(c), Some(t)) => s.push_str(&format!(": {} → {}", c.display(), t.display())),
            (None, Some(t)) => s.push_str(&format!(": target {}", t.display())),
            (Some(c), None) => s.push_str(&format!(": now {}", c.display())),
            (None, None) => {}
        }
        if let Some(u) = &self.unit {
            if self.current.is_some() || self.target.is_some() {
                s.push(' ');
                s.push_str(u);
            } else {
                s.push_str(&format!(" (in {u})"));
            }
        }
        if let Some(by) = &self.by {
            s.push_str(&format!(" by {by}"));
        }
        s
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Goal {
    pub id: String,
    pub title: Option<String>,
    pub metric: Option<Metric>,
    pub description: Option<String>,
    pub actors: Vec<Actor>,
    pub allows: Vec<Allow>,
    pub location: Location,
}

impl Goal {
    pub fn display_title(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.id)
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Actor {
    pub id: String,
    pub title: Option<String>,
    /// The persona this actor is, or `null` for another stakeholder.
    pub persona: Option<String>,
    pub impacts: Vec<Impact>,
    pub allows: Vec<Allow>,
    pub location: Location,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Impact {
    pub id: String,
    pub title: Option<String>,
    pub kpis: Vec<Kpi>,
    /// Touchpoints that deliver the impact.
    pub via: Vec<String>,
    pub deliverables: Vec<Deliverable>,
    pub allows: Vec<Allow>,
    pub location: Location,
}

impl Impact {
    pub fn display_title(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.id)
    }

    /// Every touchpoint the impact reaches, `via` first, each once.
    pub fn touchpoints(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for t in self
            .via
            .iter()
            .chain(self.deliverables.iter().flat_map(|d| d.via.iter()))
        {
            if !out.contains(&t.as_str()) {
                out.push(t);
            }
        }
        out
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Deliverable {
    pub id: Option<String>,
    pub title: String,
    /// The touchpoints it becomes.
    pub via: Vec<String>,
    pub location: Location,
}

/// A team: named by `teams` in phases and `owner` in touchpoints.
#[derive(Debug, Clone, Serialize)]
pub struct Team {
    pub id: String,
    /// Phases that list the team.
    pub phases: Vec<String>,
    /// Touchpoints the team owns.
    pub touchpoints: Vec<String>,
}

/// An IT system: named by `systems` in phases and touchpoints.
#[derive(Debug, Clone, Serialize)]
pub struct System {
    pub id: String,
    pub phases: Vec<String>,
    pub touchpoints: Vec<String>,
}

/// `allow CHECK "reason"`.
#[derive(Debug, Clone, Serialize)]
pub struct Allow {
    pub check: String,
    pub reason: Option<String>,
}

/// A finding of the checker that remains (warnings and infos).
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub code: String,
    pub name: String,
    pub severity: String,
    pub message: String,
    pub location: Location,
}

impl Document {
    /// A document of these entities, not built from source files (a
    /// workbook being imported): no files, no findings; the teams and
    /// systems are collected from the phases.
    pub fn assemble(
        journeys: Vec<Journey>,
        personas: Vec<Persona>,
        phases: Vec<Phase>,
        goals: Vec<Goal>,
    ) -> Document {
        let (teams, systems) = crate::build::teams_and_systems(&phases);
        Document {
            schema_version: SCHEMA_VERSION,
            files: Vec::new(),
            journeys,
            personas,
            phases,
            goals,
            teams,
            systems,
            findings: Vec::new(),
            index: Default::default(),
        }
    }

    fn index(&self) -> &Index {
        self.index.get_or_init(|| {
            let mut ix = Index::default();
            for (i, p) in self.personas.iter().enumerate() {
                ix.personas.entry(p.id.clone()).or_insert(i);
            }
            for (i, p) in self.phases.iter().enumerate() {
                ix.phases.entry(p.id.clone()).or_insert(i);
                for (j, t) in p.touchpoints.iter().enumerate() {
                    ix.touchpoints.entry(t.id.clone()).or_insert((i, j));
                }
            }
            ix
        })
    }

    pub fn persona(&self, id: &str) -> Option<&Persona> {
        self.index().personas.get(id).map(|i| &self.personas[*i])
    }

    pub fn phase(&self, id: &str) -> Option<&Phase> {
        self.index().phases.get(id).map(|i| &self.phases[*i])
    }

    pub fn touchpoint(&self, id: &str) -> Option<&Touchpoint> {
        self.index()
            .touchpoints
            .get(id)
            .map(|(i, j)| &self.phases[*i].touchpoints[*j])
    }

    /// The phases of `journey`, in order.
    pub fn journey_phases<'a>(&'a self, journey: &'a Journey) -> impl Iterator<Item = &'a Phase> {
        journey.phases.iter().filter_map(|id| self.phase(id))
    }

    /// A persona's display name: its name, else its id.
    pub fn persona_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.persona(id)
            .and_then(|p| p.name.as_deref())
            .unwrap_or(id)
    }

    /// An actor's display name: its title, else the persona's name, else
    /// its id.
    pub fn actor_name<'a>(&'a self, actor: &'a Actor) -> &'a str {
        if let Some(t) = &actor.title {
            return t;
        }
        match &actor.persona {
            Some(p) => self.persona_name(p),
            None => &actor.id,
        }
    }
}
