//! One version of a workspace reduced to what it means: every entity with
//! its identity and its fields, normalised so that layout, order and
//! spelling variants of the same statement compare equal.
//!
//! Normalisation:
//! - texts: runs of whitespace (line breaks of a text block included)
//!   count as one space, leading and trailing whitespace is dropped;
//! - numbers compare by value (`4.50` is `4.5`);
//! - lists are sets (their order carries no meaning), except a journey's
//!   `phases`, which is the journey itself;
//! - defaults are spelled out: a touchpoint without `state` is `current`,
//!   a touchpoint without `online`/`offline` has its channel's presence;
//!   `monitored` is `monitored yes`;
//! - where a definition is written (file, position) is not part of it.

pub use journey_analysis::model::DefKind;
use journey_analysis::model::{self, KpiOwner, Model};
use journey_syntax::schema;
use journey_syntax::view;
use std::collections::HashMap;

/// One value, or one item of a list.
#[derive(Debug, Clone, PartialEq)]
pub enum Atom {
    /// A fixed word or an id that is not a reference to an entity of the
    /// diff (a channel, a team, a date …).
    Word(String),
    /// A number (scores, targets).
    Number(f64),
    /// Prose, normalised.
    Text(String),
    /// A reference to an entity: follows renames.
    Ref(DefKind, String),
}

impl Atom {
    fn sort_key(&self) -> (u8, String) {
        match self {
            Atom::Word(w) => (0, w.clone()),
            Atom::Number(n) => (1, format!("{:020.6}", n)),
            Atom::Text(t) => (2, t.clone()),
            Atom::Ref(k, id) => (3, format!("{k:?}:{id}")),
        }
    }

    /// The atom as a person reads it: words and ids bare, texts in quotes.
    pub fn display(&self) -> String {
        match self {
            Atom::Word(w) => w.clone(),
            Atom::Number(n) => format_number(*n),
            Atom::Text(t) => format!("\"{t}\""),
            Atom::Ref(_, id) => id.clone(),
        }
    }

    /// The atom without quotes.
    pub fn plain(&self) -> String {
        match self {
            Atom::Text(t) => t.clone(),
            a => a.display(),
        }
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

/// The value of a field.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    One(Atom),
    /// A list whose order carries no meaning (kept sorted).
    Set(Vec<Atom>),
    /// A list whose order is meaningful.
    Seq(Vec<Atom>),
}

impl Value {
    pub fn atoms(&self) -> &[Atom] {
        match self {
            Value::One(a) => std::slice::from_ref(a),
            Value::Set(v) | Value::Seq(v) => v,
        }
    }

    fn atoms_mut(&mut self) -> &mut [Atom] {
        match self {
            Value::One(a) => std::slice::from_mut(a),
            Value::Set(v) | Value::Seq(v) => v,
        }
    }

    /// The value as a person reads it (lists joined with `, `).
    pub fn display(&self) -> String {
        self.atoms()
            .iter()
            .map(Atom::display)
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Whether the value holds prose (shown on lines of its own when it
    /// changes).
    pub fn is_text(&self) -> bool {
        self.atoms().iter().any(|a| matches!(a, Atom::Text(_)))
    }

    fn normalise(&mut self) {
        if let Value::Set(v) = self {
            v.sort_by_key(Atom::sort_key);
            v.dedup();
        }
    }
}

/// One field of an entity. `name` is stable (JSON); `label` is for people.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub name: &'static str,
    pub label: &'static str,
    pub value: Value,
}

/// How an entity is named in a report: its kind, id and title, so that a
/// reader who knows the journey by its titles (`"Checkout"`) finds it,
/// and one who edits the files finds the id (`[checkout]`).
#[derive(Debug, Clone, PartialEq)]
pub struct Name {
    pub kind: DefKind,
    /// The id, or for an unnamed KPI or deliverable its text.
    pub id: String,
    /// Whether `id` is an id (`false`: the text of an unnamed entity).
    pub named: bool,
    /// The title (a persona's `name`, an actor's persona's name), when
    /// it has one.
    pub title: Option<String>,
}

impl Name {
    /// `phase loyalty`, `actor owner`: the kind and the id, as the JSON
    /// report's `context` names an enclosing entity.
    pub fn ids(&self) -> String {
        format!("{} {}", self.kind.word(), self.id)
    }
}

/// Measured values of an entity — a touchpoint's expectation and
/// experience, later per-persona scores and costs — compared as numbers
/// and summarised per persona rather than listed as fields.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    /// `expectation`, `experience`, `target`, `cost` …
    pub measure: &'static str,
    /// The persona the score is for (a reference: follows renames);
    /// `None` for every persona the entity serves.
    pub persona: Option<Atom>,
    pub value: f64,
    /// The unit as written (`EUR` for a cost); `None` for scores.
    pub unit: Option<String>,
}

/// An entity of one version.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub kind: DefKind,
    /// The id as written (for unnamed KPIs and deliverables: their text).
    pub id: String,
    /// Whether `id` is a real id that can be renamed.
    pub named: bool,
    /// What identifies the entity between versions: its id (as a
    /// reference to itself, so that renames apply), or for entities
    /// without one (and actors) the enclosing entity's key plus text.
    pub key: Vec<Atom>,
    /// The key of the enclosing entity (a touchpoint's phase, a KPI's
    /// owner …).
    pub parent: Option<(DefKind, Vec<Atom>)>,
    /// The enclosing entities, innermost first, for people: `phase
    /// loyalty`; `actor owner`, `goal retention`.
    pub context: Vec<Name>,
    /// Fields in a fixed order; absent values are left out.
    pub fields: Vec<Field>,
    /// Scores and costs, in a fixed order (see [`Score`]).
    pub scores: Vec<Score>,
    /// The title people know it by: its `title`, or a persona's or a
    /// KPI's `name`, or an actor's persona's name. `None` for an unnamed
    /// entity, whose id is its text.
    pub title: Option<String>,
    /// Position in reading order (journeys, personas, phases in journey
    /// order with their touchpoints …), for a stable report.
    pub order: usize,
}

impl Entity {
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// The entity as a report names it.
    pub fn name(&self) -> Name {
        Name {
            kind: self.kind,
            id: self.id.clone(),
            named: self.named || self.kind == DefKind::Actor,
            title: self.title.clone(),
        }
    }

    /// Applies renames of referenced entities.
    pub(crate) fn map_refs(&mut self, renames: &Renames) {
        for a in self.key.iter_mut() {
            renames.apply(a);
        }
        if let Some((_, key)) = &mut self.parent {
            for a in key.iter_mut() {
                renames.apply(a);
            }
        }
        for f in &mut self.fields {
            for a in f.value.atoms_mut() {
                renames.apply(a);
            }
            f.value.normalise();
        }
        for s in &mut self.scores {
            if let Some(p) = &mut s.persona {
                renames.apply(p);
            }
        }
    }
}

/// Old id → new id, per kind.
#[derive(Debug, Clone, Default)]
pub struct Renames(HashMap<(DefKind, String), String>);

impl Renames {
    pub fn insert(&mut self, kind: DefKind, old: &str, new: &str) {
        self.0.insert((kind, old.to_string()), new.to_string());
    }

    pub fn get(&self, kind: DefKind, old: &str) -> Option<&str> {
        self.0.get(&(kind, old.to_string())).map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn apply(&self, a: &mut Atom) {
        if let Atom::Ref(k, id) = a {
            if let Some(new) = self.get(*k, id) {
                *id = new.to_string();
            }
        }
    }
}

/// Every entity of one version, in reading order.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    pub entities: Vec<Entity>,
}

impl Snapshot {
    /// The snapshot of a workspace's semantic model.
    pub fn of_model(m: &Model) -> Snapshot {
        let mut b = Builder { m, out: Vec::new() };
        b.build();
        let mut entities = b.out;
        for (i, e) in entities.iter_mut().enumerate() {
            e.order = i;
            for f in &mut e.fields {
                f.value.normalise();
            }
        }
        Snapshot { entities }
    }

    pub fn of_kind(&self, kind: DefKind) -> impl Iterator<Item = &Entity> {
        self.entities.iter().filter(move |e| e.kind == kind)
    }

    /// Which phases each persona is served in: (persona, phase) for every
    /// touchpoint that serves the persona.
    pub fn served_in(&self) -> Vec<(String, String)> {
        let mut v = Vec::new();
        for t in self.of_kind(DefKind::Touchpoint) {
            let Some(Atom::Ref(DefKind::Phase, phase)) =
                t.field("phase").map(|f| &f.value.atoms()[0])
            else {
                continue;
            };
            if let Some(f) = t.field("serves") {
                for a in f.value.atoms() {
                    if let Atom::Ref(DefKind::Persona, p) = a {
                        v.push((p.clone(), phase.clone()));
                    }
                }
            }
        }
        v.sort();
        v.dedup();
        v
    }
}

/// Normalises prose: whitespace runs become one space.
pub fn normalise_text(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

struct Builder<'m> {
    m: &'m Model,
    out: Vec<Entity>,
}

/// Collects the fields of one entity.
#[derive(Default)]
struct Fields(Vec<Field>);

impl Fields {
    fn push(&mut self, name: &'static str, label: &'static str, value: Option<Value>) {
        if let Some(value) = value {
            if matches!(&value, Value::Set(v) | Value::Seq(v) if v.is_empty()) {
                return;
            }
            self.0.push(Field { name, label, value });
        }
    }
    fn text(&mut self, name: &'static str, label: &'static str, t: Option<&view::Text<'_>>) {
        self.push(name, label, t.map(|t| Value::One(text(t))));
    }
    fn texts(&mut self, name: &'static str, label: &'static str, t: &[view::Text<'_>]) {
        self.push(name, label, Some(Value::Set(t.iter().map(text).collect())));
    }
    fn word(&mut self, name: &'static str, label: &'static str, n: Option<view::Name<'_>>) {
        self.push(
            name,
            label,
            n.map(|n| Value::One(Atom::Word(n.text.to_string()))),
        );
    }
    fn words(&mut self, name: &'static str, label: &'static str, n: &[view::Name<'_>]) {
        self.push(
            name,
            label,
            Some(Value::Set(
                n.iter().map(|n| Atom::Word(n.text.to_string())).collect(),
            )),
        );
    }
    fn refs(
        &mut self,
        name: &'static str,
        label: &'static str,
        kind: DefKind,
        n: &[view::Name<'_>],
    ) {
        self.push(
            name,
            label,
            Some(Value::Set(
                n.iter()
                    .map(|n| Atom::Ref(kind, n.text.to_string()))
                    .collect(),
            )),
        );
    }
    fn allows(&mut self, allows: &[view::Allow<'_>]) {
        self.push(
            "allows",
            "allowed findings",
            Some(Value::Set(
                allows
                    .iter()
                    .map(|a| match &a.reason {
                        Some(r) => Atom::Text(format!("{}: {}", a.check, normalise_text(&r.value))),
                        None => Atom::Word(a.check.to_string()),
                    })
                    .collect(),
            )),
        );
    }
}

fn text(t: &view::Text<'_>) -> Atom {
    Atom::Text(normalise_text(&t.value))
}

fn scalar(s: &view::Scalar<'_>) -> Atom {
    match s {
        view::Scalar::Number { value, .. } => Atom::Number(*value),
        view::Scalar::Date { raw, .. } => Atom::Word(raw.to_string()),
        view::Scalar::Text(t) => text(t),
    }
}

/// The enclosing entity of a new entity: its kind, key and how it is
/// named in messages.
#[derive(Clone)]
struct Parent {
    kind: DefKind,
    key: Vec<Atom>,
    /// The parent's name and those of its own parents, innermost first.
    context: Vec<Name>,
}

impl Parent {
    fn named(kind: DefKind, id: &str, title: Option<&view::Text<'_>>) -> Parent {
        Parent {
            kind,
            key: vec![Atom::Ref(kind, id.to_string())],
            context: vec![Name {
                kind,
                id: id.to_string(),
                named: true,
                title: title
                    .map(|t| normalise_text(&t.value))
                    .filter(|t| !t.is_empty()),
            }],
        }
    }
}

fn entity(
    kind: DefKind,
    name: Option<view::Name<'_>>,
    fallback: &str,
    parent: Option<&Parent>,
    fields: Fields,
) -> Entity {
    let (id, named) = match name {
        Some(n) => (n.text.to_string(), true),
        None => (normalise_text(fallback), false),
    };
    let title = if named || kind == DefKind::Actor {
        fields
            .0
            .iter()
            .find(|f| f.name == "title" || f.name == "name")
            .and_then(|f| match &f.value {
                Value::One(Atom::Text(t)) if !t.is_empty() => Some(t.clone()),
                _ => None,
            })
    } else {
        None
    };
    let key = if named {
        vec![Atom::Ref(kind, id.clone())]
    } else {
        let mut k = parent.map(|p| p.key.clone()).unwrap_or_default();
        k.push(Atom::Text(id.clone()));
        k
    };
    Entity {
        kind,
        id,
        named,
        key,
        parent: parent.map(|p| (p.kind, p.key.clone())),
        context: parent.map(|p| p.context.clone()).unwrap_or_default(),
        fields: fields.0,
        scores: Vec::new(),
        title,
        order: 0,
    }
}

impl Builder<'_> {
    fn build(&mut self) {
        let m = self.m;
        for j in &m.journeys {
            self.journey(j);
        }
        for p in &m.personas {
            self.persona(p);
        }
        // Phases in journey order, then the others in source order.
        let mut seen = std::collections::HashSet::new();
        let mut phases: Vec<model::PhaseId> = Vec::new();
        for j in &m.journeys {
            phases.extend(j.phase_ids().filter(|p| seen.insert(*p)));
        }
        phases.extend(
            (0..m.phases.len() as u32)
                .map(model::PhaseId)
                .filter(|p| seen.insert(*p)),
        );
        for p in phases {
            self.phase(p);
        }
        for g in &m.goals {
            self.goal(g);
        }
    }

    fn journey(&mut self, j: &model::Journey) {
        let a = self.m.journey_syntax(j);
        let mut f = Fields::default();
        f.text("title", "title", a.title.as_ref());
        f.text("value", "value proposition", a.value().as_ref());
        f.text("sponsor", "sponsor", a.sponsor().as_ref());
        f.text("description", "description", a.description().as_ref());
        f.push(
            "phases",
            "phases",
            Some(Value::Seq(
                a.phases()
                    .iter()
                    .map(|n| Atom::Ref(DefKind::Phase, n.text.to_string()))
                    .collect(),
            )),
        );
        f.push(
            "loop",
            "loop",
            a.loop_back().map(|l| {
                Value::Seq(vec![
                    Atom::Ref(DefKind::Phase, l.from.text.to_string()),
                    Atom::Ref(DefKind::Phase, l.to.text.to_string()),
                ])
            }),
        );
        f.texts("evidence", "evidence", &a.evidence());
        f.texts("disclaimers", "disclaimers", &a.disclaimers());
        f.allows(&a.allows());
        self.out
            .push(entity(DefKind::Journey, Some(a.id), "", None, f));
    }

    fn persona(&mut self, p: &model::Persona) {
        let a = self.m.persona_syntax(p);
        let mut f = Fields::default();
        f.text("name", "name", a.name.as_ref());
        f.text("role", "role", a.role().as_ref());
        f.text("description", "description", a.description().as_ref());
        f.text("evidence", "evidence", a.evidence().as_ref());
        f.texts("needs", "needs", &a.needs());
        f.texts("pains", "pains", &a.pains());
        f.texts("gains", "gains", &a.gains());
        f.texts("goals", "goals", &a.goals());
        f.words("channels", "channels", &a.channels());
        if let Some(e) = a.empathy() {
            f.texts("says", "says", &e.says());
            f.texts("thinks", "thinks", &e.thinks());
            f.texts("does", "does", &e.does());
            f.texts("feels", "feels", &e.feels());
        }
        f.allows(&a.allows());
        self.out
            .push(entity(DefKind::Persona, Some(a.id), "", None, f));
    }

    fn phase(&mut self, id: model::PhaseId) {
        let m = self.m;
        let p = m.phase(id);
        let a = m.phase_syntax(p);
        let mut f = Fields::default();
        f.text("title", "title", a.title.as_ref());
        f.word("kind", "kind", a.kind());
        f.text("question", "customer question", a.question().as_ref());
        f.texts("activities", "activities", &a.activities());
        f.texts("wants", "customer goals", &a.wants());
        f.text("objective", "objective", a.objective().as_ref());
        f.text("message", "core message", a.message().as_ref());
        f.push(
            "supports",
            "supports",
            Some(Value::Set(
                a.supports()
                    .iter()
                    .map(|s| match s {
                        view::Support::Ref(n) => Atom::Word(n.text.to_string()),
                        view::Support::Text(t) => text(t),
                    })
                    .collect(),
            )),
        );
        f.push(
            "promises",
            "promises",
            Some(Value::Set(
                a.promises()
                    .iter()
                    .map(|p| match &p.text {
                        Some(t) => {
                            Atom::Text(format!("{}: {}", p.id.text, normalise_text(&t.value)))
                        }
                        None => Atom::Word(p.id.text.to_string()),
                    })
                    .collect(),
            )),
        );
        f.texts("evidence", "evidence", &a.evidence());
        f.texts("disclaimers", "disclaimers", &a.disclaimers());
        f.texts("backstage", "backstage activities", &a.backstage());
        f.words("teams", "teams", &a.teams());
        f.words("systems", "systems", &a.systems());
        f.texts("moments", "moments of truth", &a.moments());
        f.allows(&a.allows());
        let me = Parent::named(DefKind::Phase, a.id.text, a.title.as_ref());
        self.out
            .push(entity(DefKind::Phase, Some(a.id), "", None, f));
        for k in &p.kpis {
            self.kpi(*k, &me);
        }
        for t in &p.touchpoints {
            self.touchpoint(*t, &me);
        }
    }

    fn touchpoint(&mut self, id: model::TouchpointId, parent: &Parent) {
        let phase = parent.context[0].id.as_str();
        let m = self.m;
        let t = m.touchpoint(id);
        let a = m.touchpoint_syntax(t);
        let mut f = Fields::default();
        f.text("title", "title", a.title.as_ref());
        f.push(
            "phase",
            "phase",
            Some(Value::One(Atom::Ref(DefKind::Phase, phase.to_string()))),
        );
        let written = a.channel_statement();
        let channel = written.channel;
        f.word("channel", "channel", channel);
        let presence = written.presence.map(|p| p.text.to_string()).or_else(|| {
            channel
                .and_then(|c| schema::channel(c.text))
                .map(|c| if c.online { "online" } else { "offline" }.to_string())
        });
        f.push(
            "presence",
            "presence",
            presence.map(|p| Value::One(Atom::Word(p))),
        );
        f.word("owner", "owner", a.owner());
        f.words("systems", "systems", &a.systems());
        f.refs("serves", "serves", DefKind::Persona, &a.serves());
        f.texts("says", "copy", &a.says());
        f.word("importance", "importance", a.importance());
        f.push(
            "monitored",
            "monitored",
            a.monitored()
                .map(|m| Value::One(Atom::Word(yes_no(m.value)))),
        );
        let state = a
            .state()
            .map(|s| s.text.to_string())
            .unwrap_or_else(|| "current".to_string());
        f.push("state", "state", Some(Value::One(Atom::Word(state))));
        f.push(
            "moment",
            "moment of truth",
            a.moment().and_then(|mo| {
                if !mo.value {
                    None
                } else {
                    Some(Value::One(match &mo.note {
                        Some(n) => text(n),
                        None => Atom::Word("yes".into()),
                    }))
                }
            }),
        );
        f.push(
            "wow",
            "wow moment",
            a.wow().and_then(|w| {
                w.value.then(|| {
                    Value::One(match &w.note {
                        Some(n) => text(n),
                        None => Atom::Word("yes".into()),
                    })
                })
            }),
        );
        f.refs("next", "leads on to", DefKind::Touchpoint, &a.next());
        let mut feelings: Vec<String> = a
            .persona_scores()
            .iter()
            .filter_map(|p| Some(format!("{}: {}", p.persona.text, p.feeling.as_ref()?.value)))
            .collect();
        if !feelings.is_empty() {
            feelings.sort();
            f.push(
                "feelings",
                "feelings",
                Some(Value::Set(feelings.into_iter().map(Atom::Text).collect())),
            );
        }
        f.texts("collects", "personal data collected", &a.collects());
        f.word("basis", "legal basis", a.basis());
        f.text("description", "description", a.description().as_ref());
        f.words("keeps", "keeps promises", &a.keeps());
        f.texts("evidence", "evidence", &a.evidence());
        f.texts("disclaimers", "disclaimers", &a.disclaimers());
        f.allows(&a.allows());
        let mut e = entity(DefKind::Touchpoint, Some(a.id), "", Some(parent), f);
        let score = |measure, value: f64| Score {
            measure,
            persona: None,
            value,
            unit: None,
        };
        e.scores
            .extend(a.expectation().map(|s| score("expectation", s.value)));
        e.scores
            .extend(a.experience().map(|s| score("experience", s.value)));
        e.scores
            .extend(a.target_experience().map(|s| score("target", s.value)));
        // Each persona's own scores: references, so they follow a rename.
        for p in a.persona_scores() {
            let theirs = [
                ("expectation", p.expectation),
                ("experience", p.experience),
                ("target", p.target),
            ];
            e.scores
                .extend(theirs.into_iter().filter_map(|(measure, s)| {
                    Some(Score {
                        measure,
                        persona: Some(Atom::Ref(DefKind::Persona, p.persona.text.to_string())),
                        value: s?.value,
                        unit: None,
                    })
                }));
        }
        e.scores
            .extend(a.cost().filter(|c| !c.amount.is_nan()).map(|c| Score {
                measure: "cost",
                persona: None,
                value: c.amount,
                unit: Some(c.currency.text.to_string()),
            }));
        self.out.push(e);
        let me = Parent::named(DefKind::Touchpoint, a.id.text, a.title.as_ref());
        for k in &t.kpis {
            self.kpi(*k, &me);
        }
    }

    fn kpi(&mut self, id: model::KpiId, owner: &Parent) {
        let m = self.m;
        let k = m.kpi(id);
        let a = m.kpi_syntax(k);
        let mut f = Fields::default();
        f.push("name", "name", Some(Value::One(text(&a.name))));
        if a.id.is_some() {
            // A named KPI may move; an unnamed one is identified by its owner.
            let (kind, id) = match k.owner {
                KpiOwner::Phase(p) => (DefKind::Phase, m.phase(p).head.id()),
                KpiOwner::Touchpoint(t) => (DefKind::Touchpoint, m.touchpoint(t).head.id()),
                KpiOwner::Impact(i) => (DefKind::Impact, m.impact(i).head.id()),
            };
            f.push(
                "owner",
                "measured at",
                Some(Value::One(Atom::Ref(kind, id.to_string()))),
            );
        }
        f.push(
            "target",
            "target",
            a.target.as_ref().map(|t| Value::One(scalar(t))),
        );
        f.text("unit", "unit", a.unit.as_ref());
        self.out
            .push(entity(DefKind::Kpi, a.id, &a.name.value, Some(owner), f));
    }

    fn goal(&mut self, g: &model::Goal) {
        let m = self.m;
        let a = m.goal_syntax(g);
        let mut f = Fields::default();
        f.text("title", "title", a.title.as_ref());
        if let Some(metric) = a.metric() {
            f.push("metric", "metric", Some(Value::One(text(&metric.name))));
            f.push(
                "current",
                "current value",
                metric.current.as_ref().map(|v| Value::One(scalar(v))),
            );
            f.push(
                "target",
                "target",
                metric.target.as_ref().map(|v| Value::One(scalar(v))),
            );
            f.text("unit", "unit", metric.unit.as_ref());
            f.push(
                "by",
                "deadline",
                metric.by.as_ref().map(|v| Value::One(scalar(v))),
            );
        }
        f.text("description", "description", a.description().as_ref());
        f.allows(&a.allows());
        let me = Parent::named(DefKind::Goal, a.id.text, a.title.as_ref());
        self.out
            .push(entity(DefKind::Goal, Some(a.id), "", None, f));
        for actor in &g.actors {
            self.actor(*actor, &me);
        }
    }

    fn actor(&mut self, id: model::ActorId, goal_parent: &Parent) {
        let goal = goal_parent.context[0].id.as_str();
        let m = self.m;
        let actor = m.actor(id);
        let a = m.actor_syntax(actor);
        let mut f = Fields::default();
        f.text("title", "title", a.title.as_ref());
        f.allows(&a.allows());
        // An actor is identified by its goal and the persona or
        // stakeholder it names; it is never renamed on its own.
        let who = if actor.persona.is_some() {
            Atom::Ref(DefKind::Persona, a.id.text.to_string())
        } else {
            Atom::Word(a.id.text.to_string())
        };
        let mut e = entity(DefKind::Actor, None, a.id.text, Some(goal_parent), f);
        e.key = vec![Atom::Ref(DefKind::Goal, goal.to_string()), who.clone()];
        // An actor is known by its title, or by its persona's name.
        let title = a
            .title
            .as_ref()
            .map(|t| normalise_text(&t.value))
            .or_else(|| {
                let p = m.persona(actor.persona?);
                Some(normalise_text(&m.persona_syntax(p).name.as_ref()?.value))
            });
        let name = Name {
            kind: DefKind::Actor,
            id: a.id.text.to_string(),
            named: true,
            title: title.filter(|t| !t.is_empty()),
        };
        // Not a field (the persona's name is not written here): only how
        // the actor is named.
        e.title.clone_from(&name.title);
        self.out.push(e);
        let mut context = vec![name];
        context.extend(goal_parent.context.iter().cloned());
        let me = Parent {
            kind: DefKind::Actor,
            key: vec![Atom::Ref(DefKind::Goal, goal.to_string()), who.clone()],
            context,
        };
        for i in &actor.impacts {
            self.impact(*i, &me);
        }
    }

    fn impact(&mut self, id: model::ImpactId, actor: &Parent) {
        let m = self.m;
        let imp = m.impact(id);
        let a = m.impact_syntax(imp);
        let mut f = Fields::default();
        f.text("title", "title", a.title.as_ref());
        f.push("actor", "actor", Some(Value::Seq(actor.key.clone())));
        f.refs("via", "via touchpoints", DefKind::Touchpoint, &a.via());
        f.allows(&a.allows());
        self.out
            .push(entity(DefKind::Impact, Some(a.id), "", Some(actor), f));
        let me = Parent::named(DefKind::Impact, a.id.text, a.title.as_ref());
        for k in &imp.kpis {
            self.kpi(*k, &me);
        }
        for d in &imp.deliverables {
            let dl = m.deliverable(*d);
            let da = m.deliverable_syntax(dl);
            let mut f = Fields::default();
            f.push("title", "title", Some(Value::One(text(&da.title))));
            f.refs("via", "via touchpoints", DefKind::Touchpoint, &da.via);
            self.out.push(entity(
                DefKind::Deliverable,
                da.id,
                &da.title.value,
                Some(&me),
                f,
            ));
        }
    }
}

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.to_string()
}
