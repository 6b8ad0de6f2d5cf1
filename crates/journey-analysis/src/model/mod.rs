//! The semantic model: what the files of a workspace define and how the
//! definitions refer to each other.
//!
//! [`Model::build`] reads the typed syntax trees of every file of a
//! [`crate::Workspace`] and produces:
//!
//! - **entities** — journeys, personas, phases, touchpoints, KPIs, goals,
//!   actors, impacts and deliverables — each with its [`Header`]: the file,
//!   the span of its id (`name.span`), the span of the whole definition
//!   (`span`) and the definition it sits in (`parent`). The typed syntax
//!   node is one call away ([`Model::touchpoint_ast`] …);
//! - **resolved links**: each journey's ordered phases, the personas a
//!   touchpoint serves, the touchpoints an impact or deliverable goes
//!   `via`, and the reverse links (who serves a persona, which impacts
//!   reach a touchpoint, which journeys list a phase, which phase a
//!   touchpoint belongs to);
//! - a **reference index**: every place a name is used, with what it must
//!   name, what it resolves to and where — so that go-to-definition,
//!   find-references, rename and document-highlight are questions to the
//!   model ([`Model::definition_at`], [`Model::reference_at`],
//!   [`Model::references_to`]);
//! - the **imports** of every file, resolved relative to the importing
//!   file, with missing files, duplicates and cycles marked;
//! - **name tables**: ids are unique per kind across the workspace
//!   ([`Model::lookup`], [`Model::definitions_named`]); forward references
//!   work because names are collected before anything is resolved.
//!
//! The model is plain data: no editor-protocol types, no diagnostics. The
//! checks in [`crate::checks`] turn what it records into findings.

mod build;
mod imports;

pub use imports::{normalize_path, resolve_relative, Import, ImportStatus};

use journey_diagnostics::{FileId, Span};
use journey_syntax::tree::Statement;
use journey_syntax::view;
use journey_syntax::{Atom, Parse};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

macro_rules! id_type {
    ($($name:ident),*) => {$(
        #[doc = concat!("Index of a [`", stringify!($name), "`]-kind entity in the [`Model`].")]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub u32);
        impl $name {
            pub fn index(self) -> usize { self.0 as usize }
        }
    )*};
}

id_type!(
    JourneyId,
    PersonaId,
    PhaseId,
    TouchpointId,
    KpiId,
    GoalId,
    ActorId,
    ImpactId,
    DeliverableId
);

/// The kinds of definitions. Ids are unique per kind (except actors, whose
/// id names a persona or a stakeholder and may recur in several goals).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DefKind {
    Journey,
    Persona,
    Phase,
    Touchpoint,
    Kpi,
    Goal,
    Actor,
    Impact,
    Deliverable,
}

impl DefKind {
    pub const ALL: [DefKind; 9] = [
        DefKind::Journey,
        DefKind::Persona,
        DefKind::Phase,
        DefKind::Touchpoint,
        DefKind::Kpi,
        DefKind::Goal,
        DefKind::Actor,
        DefKind::Impact,
        DefKind::Deliverable,
    ];

    /// The keyword that defines it: `journey`, `persona` …
    pub fn keyword(self) -> &'static str {
        match self {
            DefKind::Journey => "journey",
            DefKind::Persona => "persona",
            DefKind::Phase => "phase",
            DefKind::Touchpoint => "touchpoint",
            DefKind::Kpi => "kpi",
            DefKind::Goal => "goal",
            DefKind::Actor => "actor",
            DefKind::Impact => "impact",
            DefKind::Deliverable => "deliverable",
        }
    }

    /// "a journey", "an impact" … for messages.
    pub fn with_article(self) -> &'static str {
        match self {
            DefKind::Journey => "a journey",
            DefKind::Persona => "a persona",
            DefKind::Phase => "a phase",
            DefKind::Touchpoint => "a touchpoint",
            DefKind::Kpi => "a KPI",
            DefKind::Goal => "a goal",
            DefKind::Actor => "an actor",
            DefKind::Impact => "an impact",
            DefKind::Deliverable => "a deliverable",
        }
    }

    /// Whether ids of this kind must be unique across the workspace.
    pub fn unique(self) -> bool {
        self != DefKind::Actor
    }

    /// `touchpoint`, `KPI` … as shown in messages.
    pub fn word(self) -> &'static str {
        match self {
            DefKind::Kpi => "KPI",
            k => k.keyword(),
        }
    }

    /// The plural, for headings: `Touchpoints`, `KPIs` …
    pub fn plural(self) -> &'static str {
        match self {
            DefKind::Journey => "Journeys",
            DefKind::Persona => "Personas",
            DefKind::Phase => "Phases",
            DefKind::Touchpoint => "Touchpoints",
            DefKind::Kpi => "KPIs",
            DefKind::Goal => "Goals",
            DefKind::Actor => "Actors",
            DefKind::Impact => "Impacts",
            DefKind::Deliverable => "Deliverables",
        }
    }
}

impl std::fmt::Display for DefKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.word())
    }
}

/// Any definition of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Def {
    Journey(JourneyId),
    Persona(PersonaId),
    Phase(PhaseId),
    Touchpoint(TouchpointId),
    Kpi(KpiId),
    Goal(GoalId),
    Actor(ActorId),
    Impact(ImpactId),
    Deliverable(DeliverableId),
}

impl Def {
    pub fn kind(self) -> DefKind {
        match self {
            Def::Journey(_) => DefKind::Journey,
            Def::Persona(_) => DefKind::Persona,
            Def::Phase(_) => DefKind::Phase,
            Def::Touchpoint(_) => DefKind::Touchpoint,
            Def::Kpi(_) => DefKind::Kpi,
            Def::Goal(_) => DefKind::Goal,
            Def::Actor(_) => DefKind::Actor,
            Def::Impact(_) => DefKind::Impact,
            Def::Deliverable(_) => DefKind::Deliverable,
        }
    }
}

/// An id or reference as written, kept by the model: the name as an
/// interned [`Atom`] and where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Name {
    pub text: Atom,
    pub span: Span,
}

impl From<view::Name<'_>> for Name {
    fn from(n: view::Name<'_>) -> Self {
        Name {
            text: Atom::intern(n.text),
            span: n.span,
        }
    }
}

/// Where a definition lies and what encloses it; common to all entities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// The id as written, with its span (the "selection range"). `None`
    /// for KPIs and deliverables written without an id.
    pub name: Option<Name>,
    pub file: FileId,
    /// The whole definition, block included (for a KPI or deliverable:
    /// the statement).
    pub span: Span,
    /// The definition this one is nested in (a touchpoint's phase, an
    /// impact's actor …).
    pub parent: Option<Def>,
}

impl Header {
    /// The id's text, or `""` for unnamed KPIs and deliverables.
    pub fn id(&self) -> &str {
        self.name.as_ref().map(|n| n.text.as_str()).unwrap_or("")
    }
}

/// A phase kind as the language defines it (`kind awareness` …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PhaseKind {
    Awareness,
    Consideration,
    Decision,
    Purchase,
    Onboarding,
    Usage,
    Loyalty,
    Advocacy,
    Offboarding,
    Custom,
}

impl PhaseKind {
    pub fn parse(s: &str) -> Option<PhaseKind> {
        Some(match s {
            "awareness" => PhaseKind::Awareness,
            "consideration" => PhaseKind::Consideration,
            "decision" => PhaseKind::Decision,
            "purchase" => PhaseKind::Purchase,
            "onboarding" => PhaseKind::Onboarding,
            "usage" => PhaseKind::Usage,
            "loyalty" => PhaseKind::Loyalty,
            "advocacy" => PhaseKind::Advocacy,
            "offboarding" => PhaseKind::Offboarding,
            "custom" => PhaseKind::Custom,
            _ => return None,
        })
    }
}

/// A phase named in a journey's `phases` list or `loop`, resolved or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhaseSlot {
    pub name: Name,
    /// The phase, when the name is a defined phase.
    pub phase: Option<PhaseId>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoopBack {
    pub from: PhaseSlot,
    pub to: PhaseSlot,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Journey {
    pub head: Header,
    /// The `phases` list in order, as written (unresolved names included).
    pub phases: Vec<PhaseSlot>,
    pub loop_back: Option<LoopBack>,
    /// The definition's statement: its node in the file's syntax tree.
    pub(crate) node: u32,
}

impl Journey {
    /// The resolved phases in order.
    pub fn phase_ids(&self) -> impl Iterator<Item = PhaseId> + '_ {
        self.phases.iter().filter_map(|s| s.phase)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Persona {
    pub head: Header,
    /// Touchpoints whose `serves` names this persona.
    pub served_by: Vec<TouchpointId>,
    /// Actors of the impact map that are this persona.
    pub actors: Vec<ActorId>,
    /// The definition's statement: its node in the file's syntax tree.
    pub(crate) node: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phase {
    pub head: Header,
    /// `None` when `kind` is missing or not a known kind.
    pub kind: Option<PhaseKind>,
    /// Journeys whose `phases` list names this phase.
    pub journeys: Vec<JourneyId>,
    pub touchpoints: Vec<TouchpointId>,
    pub kpis: Vec<KpiId>,
    /// The definition's statement: its node in the file's syntax tree.
    pub(crate) node: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Touchpoint {
    pub head: Header,
    /// The phase it is defined in.
    pub phase: PhaseId,
    /// The personas of `serves` that resolve, in order.
    pub serves: Vec<PersonaId>,
    pub kpis: Vec<KpiId>,
    /// Impacts that reach it through `via` or a deliverable's `via`.
    pub reached_by: Vec<ImpactId>,
    /// Deliverables whose `via` names it.
    pub deliverables: Vec<DeliverableId>,
    /// The touchpoints of its `next` that resolve, in order: the
    /// customer's path goes on to them.
    pub next: Vec<TouchpointId>,
    /// The definition's statement: its node in the file's syntax tree.
    pub(crate) node: u32,
}

/// Where a KPI is defined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KpiOwner {
    Phase(PhaseId),
    Touchpoint(TouchpointId),
    Impact(ImpactId),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kpi {
    pub head: Header,
    pub owner: KpiOwner,
    pub(crate) index: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Goal {
    pub head: Header,
    pub actors: Vec<ActorId>,
    /// The definition's statement: its node in the file's syntax tree.
    pub(crate) node: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// `name` is the persona reference or the stakeholder's id.
    pub head: Header,
    pub goal: GoalId,
    /// The persona this actor is, when its id names one. Otherwise a
    /// stakeholder (named by its title) — or an undefined persona when it
    /// has no title.
    pub persona: Option<PersonaId>,
    pub impacts: Vec<ImpactId>,
    /// The definition's statement: its node in the file's syntax tree.
    pub(crate) node: u32,
}

impl Actor {
    /// A stakeholder: not a persona, named by a title.
    pub fn is_stakeholder(&self, model: &Model) -> bool {
        self.persona.is_none() && model.actor_syntax(self).title.is_some()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Impact {
    pub head: Header,
    pub actor: ActorId,
    pub goal: GoalId,
    /// Touchpoints of `via` that resolve, in order.
    pub via: Vec<TouchpointId>,
    pub kpis: Vec<KpiId>,
    pub deliverables: Vec<DeliverableId>,
    /// The definition's statement: its node in the file's syntax tree.
    pub(crate) node: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deliverable {
    pub head: Header,
    pub impact: ImpactId,
    /// Touchpoints of its `via` that resolve, in order.
    pub via: Vec<TouchpointId>,
    pub(crate) index: u32,
}

/// The statement a reference stands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RefRole {
    /// `phases a, b` in a journey.
    JourneyPhases,
    /// The phase before the arrow of `loop a -> b`.
    LoopFrom,
    /// The phase after the arrow of `loop a -> b`.
    LoopTo,
    /// `serves p` in a touchpoint.
    Serves,
    /// `actor p { … }`: the actor is persona `p`.
    Actor,
    /// `via t` in an impact.
    ImpactVia,
    /// `deliverable "…" via t`.
    DeliverableVia,
    /// `for p …` in a touchpoint: scores of persona `p`.
    ScoresFor,
    /// `next t` in a touchpoint.
    Next,
}

impl RefRole {
    /// The kind of definition a reference in this role must name.
    pub fn expects(self) -> DefKind {
        match self {
            RefRole::JourneyPhases | RefRole::LoopFrom | RefRole::LoopTo => DefKind::Phase,
            RefRole::Serves | RefRole::Actor | RefRole::ScoresFor => DefKind::Persona,
            RefRole::ImpactVia | RefRole::DeliverableVia | RefRole::Next => DefKind::Touchpoint,
        }
    }
}

/// One use of a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub file: FileId,
    /// The name as written.
    pub span: Span,
    pub name: Atom,
    pub role: RefRole,
    /// The definition the reference is written in.
    pub from: Def,
    /// What it names; `None` when nothing of the expected kind has this name.
    pub target: Option<Def>,
}

impl Reference {
    /// The kind of definition it must name.
    pub fn expects(&self) -> DefKind {
        self.role.expects()
    }
}

/// An entry for outlines and workspace-symbol search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    pub def: Def,
    pub kind: DefKind,
    /// The id, or for unnamed KPIs and deliverables their text.
    pub name: String,
    /// The title in quotes, if any.
    pub detail: Option<String>,
    pub file: FileId,
    /// The id (or the whole statement when there is no id).
    pub name_span: Span,
    pub full_span: Span,
    pub parent: Option<Def>,
}

/// The semantic model of a workspace. See the module documentation.
#[derive(Debug, Clone, Default)]
pub struct Model {
    pub journeys: Vec<Journey>,
    pub personas: Vec<Persona>,
    pub phases: Vec<Phase>,
    pub touchpoints: Vec<Touchpoint>,
    pub kpis: Vec<Kpi>,
    pub goals: Vec<Goal>,
    pub actors: Vec<Actor>,
    pub impacts: Vec<Impact>,
    pub deliverables: Vec<Deliverable>,
    /// Every `import` of every file, in file and source order.
    pub imports: Vec<Import>,
    /// Every reference, in file and source order.
    pub references: Vec<Reference>,
    /// The parse of each file, indexed by [`FileId`] (`None` for removed
    /// files and non-journey files).
    parses: Vec<Option<FileSyntax>>,
    /// Per kind: id → definitions in file and source order.
    names: HashMap<(DefKind, Atom), Vec<Def>>,
    /// Per file: named definitions sorted by id span.
    defs_by_file: Vec<Vec<(Span, Def)>>,
    /// Per file: indexes into `references`, sorted by span.
    refs_by_file: Vec<Vec<u32>>,
    /// Per target: indexes into `references`.
    refs_by_target: HashMap<Def, Vec<u32>>,
}

/// A file's parse and text: what its definitions' views read.
#[derive(Debug, Clone)]
struct FileSyntax {
    parse: Arc<Parse>,
    text: Arc<str>,
}

impl Model {
    /// Builds the model of every journey file of `ws`.
    pub fn build(ws: &crate::Workspace) -> Model {
        build::build(ws, ws.files())
    }

    /// Builds the model of some journey files of `ws` only, as if they
    /// were the whole workspace (imports still resolve against all of
    /// `ws`). For the incremental analysis, which analyses the files that
    /// depend on each other together.
    pub fn build_part<'a>(
        ws: &crate::Workspace,
        files: impl IntoIterator<Item = (FileId, &'a crate::FileData)>,
    ) -> Model {
        build::build(ws, files)
    }

    // ---- lookups by name

    /// The definition of kind `kind` named `name` (the first one when the
    /// name is defined twice).
    pub fn lookup(&self, kind: DefKind, name: &str) -> Option<Def> {
        self.lookup_atom(kind, Atom::get(name)?)
    }

    /// [`Model::lookup`] of an interned name.
    pub fn lookup_atom(&self, kind: DefKind, name: Atom) -> Option<Def> {
        self.names
            .get(&(kind, name))
            .and_then(|v| v.first().copied())
    }

    /// Every definition of kind `kind` named `name`, in file and source order.
    pub fn definitions_named(&self, kind: DefKind, name: &str) -> &[Def] {
        Atom::get(name)
            .and_then(|name| self.names.get(&(kind, name)))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Whether `def` is a second (third …) definition of its id: references
    /// resolve to the first, so this one is never referenced. Checks about
    /// being unreferenced skip it (the duplicate itself is the finding).
    pub fn is_shadowed(&self, def: Def) -> bool {
        match &self.header(def).name {
            Some(n) if def.kind().unique() => self
                .definitions_named(def.kind(), &n.text)
                .first()
                .is_some_and(|first| *first != def),
            _ => false,
        }
    }

    /// Every (kind, id) with its definitions; for duplicate detection and
    /// completion.
    pub fn names(&self) -> impl Iterator<Item = (DefKind, &str, &[Def])> {
        self.names
            .iter()
            .map(|((k, n), v)| (*k, n.as_ref(), v.as_slice()))
    }

    /// The ids of every definition of `kind` (first definitions only).
    pub fn names_of_kind(&self, kind: DefKind) -> Vec<&str> {
        let mut v: Vec<&str> = self
            .names
            .keys()
            .filter(|(k, _)| *k == kind)
            .map(|(_, n)| n.as_ref())
            .collect();
        v.sort_unstable();
        v
    }

    // ---- positions

    /// The definition whose id is at `offset` in `file` (the cursor may
    /// stand just after the id).
    pub fn definition_at(&self, file: FileId, offset: u32) -> Option<Def> {
        let defs = self.defs_by_file.get(file.0 as usize)?;
        let i = defs.partition_point(|(s, _)| s.end < offset);
        defs[i..]
            .iter()
            .take_while(|(s, _)| s.start <= offset)
            .find(|(s, _)| s.touches(offset))
            .map(|(_, d)| *d)
    }

    /// The reference at `offset` in `file`.
    pub fn reference_at(&self, file: FileId, offset: u32) -> Option<&Reference> {
        let refs = self.refs_by_file.get(file.0 as usize)?;
        let i = refs.partition_point(|&r| self.references[r as usize].span.end < offset);
        refs[i..]
            .iter()
            .map(|&r| &self.references[r as usize])
            .take_while(|r| r.span.start <= offset)
            .find(|r| r.span.touches(offset))
    }

    /// The definition at `offset`: the one defined there, or the one
    /// referenced there. What go-to-definition and rename start from.
    pub fn def_at(&self, file: FileId, offset: u32) -> Option<Def> {
        self.definition_at(file, offset)
            .or_else(|| self.reference_at(file, offset).and_then(|r| r.target))
    }

    /// Every reference that resolves to `target`, in file and source order.
    pub fn references_to(&self, target: Def) -> impl Iterator<Item = &Reference> {
        self.refs_by_target
            .get(&target)
            .map(Vec::as_slice)
            .unwrap_or(&[])
            .iter()
            .map(|&i| &self.references[i as usize])
    }

    /// The references written in `file`, in source order.
    pub fn references_in(&self, file: FileId) -> impl Iterator<Item = &Reference> {
        self.refs_by_file
            .get(file.0 as usize)
            .map(Vec::as_slice)
            .unwrap_or(&[])
            .iter()
            .map(|&i| &self.references[i as usize])
    }

    /// The import whose path string is at `offset` in `file`.
    pub fn import_at(&self, file: FileId, offset: u32) -> Option<&Import> {
        self.imports
            .iter()
            .find(|i| i.file == file && i.path_span.touches(offset))
    }

    /// The imports written in `file`.
    pub fn imports_of(&self, file: FileId) -> impl Iterator<Item = &Import> {
        self.imports.iter().filter(move |i| i.file == file)
    }

    // ---- definitions

    pub fn header(&self, def: Def) -> &Header {
        match def {
            Def::Journey(i) => &self.journeys[i.index()].head,
            Def::Persona(i) => &self.personas[i.index()].head,
            Def::Phase(i) => &self.phases[i.index()].head,
            Def::Touchpoint(i) => &self.touchpoints[i.index()].head,
            Def::Kpi(i) => &self.kpis[i.index()].head,
            Def::Goal(i) => &self.goals[i.index()].head,
            Def::Actor(i) => &self.actors[i.index()].head,
            Def::Impact(i) => &self.impacts[i.index()].head,
            Def::Deliverable(i) => &self.deliverables[i.index()].head,
        }
    }

    /// The title in quotes (for unnamed KPIs and deliverables, their text).
    pub fn title(&self, def: Def) -> Option<Cow<'_, str>> {
        let t = match def {
            Def::Journey(i) => self.journey_syntax(&self.journeys[i.index()]).title,
            Def::Persona(i) => self.persona_syntax(&self.personas[i.index()]).name,
            Def::Phase(i) => self.phase_syntax(&self.phases[i.index()]).title,
            Def::Touchpoint(i) => self.touchpoint_syntax(&self.touchpoints[i.index()]).title,
            Def::Kpi(i) => Some(self.kpi_syntax(&self.kpis[i.index()]).name),
            Def::Goal(i) => self.goal_syntax(&self.goals[i.index()]).title,
            Def::Actor(i) => self.actor_syntax(&self.actors[i.index()]).title,
            Def::Impact(i) => self.impact_syntax(&self.impacts[i.index()]).title,
            Def::Deliverable(i) => {
                Some(self.deliverable_syntax(&self.deliverables[i.index()]).title)
            }
        };
        t.map(|t| t.value)
    }

    /// The `allow` statements written directly in a definition.
    pub fn allows(&self, def: Def) -> Vec<view::Allow<'_>> {
        match def {
            Def::Journey(i) => self.journey_syntax(&self.journeys[i.index()]).allows(),
            Def::Persona(i) => self.persona_syntax(&self.personas[i.index()]).allows(),
            Def::Phase(i) => self.phase_syntax(&self.phases[i.index()]).allows(),
            Def::Touchpoint(i) => self
                .touchpoint_syntax(&self.touchpoints[i.index()])
                .allows(),
            Def::Goal(i) => self.goal_syntax(&self.goals[i.index()]).allows(),
            Def::Actor(i) => self.actor_syntax(&self.actors[i.index()]).allows(),
            Def::Impact(i) => self.impact_syntax(&self.impacts[i.index()]).allows(),
            Def::Kpi(_) | Def::Deliverable(_) => Vec::new(),
        }
    }

    /// Every definition, in file and source order per kind.
    pub fn all_defs(&self) -> impl Iterator<Item = Def> + '_ {
        let n = |len: usize| 0..len as u32;
        n(self.journeys.len())
            .map(|i| Def::Journey(JourneyId(i)))
            .chain(n(self.personas.len()).map(|i| Def::Persona(PersonaId(i))))
            .chain(n(self.phases.len()).map(|i| Def::Phase(PhaseId(i))))
            .chain(n(self.touchpoints.len()).map(|i| Def::Touchpoint(TouchpointId(i))))
            .chain(n(self.kpis.len()).map(|i| Def::Kpi(KpiId(i))))
            .chain(n(self.goals.len()).map(|i| Def::Goal(GoalId(i))))
            .chain(n(self.actors.len()).map(|i| Def::Actor(ActorId(i))))
            .chain(n(self.impacts.len()).map(|i| Def::Impact(ImpactId(i))))
            .chain(n(self.deliverables.len()).map(|i| Def::Deliverable(DeliverableId(i))))
    }

    /// The outline entry of one definition.
    pub fn symbol(&self, def: Def) -> Symbol {
        let h = self.header(def);
        let title = self.title(def).map(Cow::into_owned);
        let (name, name_span, detail) = match &h.name {
            Some(n) => (n.text.to_string(), n.span, title),
            None => (title.unwrap_or_default(), h.span, None),
        };
        Symbol {
            def,
            kind: def.kind(),
            name,
            detail,
            file: h.file,
            name_span,
            full_span: h.span,
            parent: h.parent,
        }
    }

    /// Every definition as a symbol, for workspace-symbol search. Actors
    /// that are personas are references, not symbols, and are left out.
    pub fn symbols(&self) -> Vec<Symbol> {
        self.all_defs()
            .filter(|d| match d {
                Def::Actor(a) => self.actors[a.index()].persona.is_none(),
                _ => true,
            })
            .map(|d| self.symbol(d))
            .collect()
    }

    /// The symbols of one file in source order (parents before their
    /// children), for the document outline.
    pub fn file_symbols(&self, file: FileId) -> Vec<Symbol> {
        let mut v: Vec<Symbol> = self
            .symbols()
            .into_iter()
            .filter(|s| s.file == file)
            .collect();
        v.sort_by_key(|s| (s.full_span.start, std::cmp::Reverse(s.full_span.end)));
        v
    }

    /// Whether any file of the workspace defines something of `kind`.
    pub fn has_any(&self, kind: DefKind) -> bool {
        self.count(kind) > 0
    }

    /// How many definitions of `kind` the model holds.
    pub fn count(&self, kind: DefKind) -> usize {
        match kind {
            DefKind::Journey => self.journeys.len(),
            DefKind::Persona => self.personas.len(),
            DefKind::Phase => self.phases.len(),
            DefKind::Touchpoint => self.touchpoints.len(),
            DefKind::Kpi => self.kpis.len(),
            DefKind::Goal => self.goals.len(),
            DefKind::Actor => self.actors.len(),
            DefKind::Impact => self.impacts.len(),
            DefKind::Deliverable => self.deliverables.len(),
        }
    }

    /// The parse of a file, if it is a journey file of the model.
    pub fn parse(&self, file: FileId) -> Option<&Parse> {
        self.parses
            .get(file.0 as usize)
            .and_then(|p| p.as_ref())
            .map(|f| &*f.parse)
    }

    /// The files of the model, in id order.
    pub fn files(&self) -> impl Iterator<Item = FileId> + '_ {
        self.parses
            .iter()
            .enumerate()
            .filter(|(_, p)| p.is_some())
            .map(|(i, _)| FileId(i as u32))
    }

    // ---- typed syntax of each entity

    /// The syntax of `file`, which the model was built from.
    pub fn file_syntax(&self, file: FileId) -> view::File<'_> {
        let f = self.parses[file.0 as usize]
            .as_ref()
            .expect("entity of a file in the model");
        view::File::new(&f.text, &f.parse.tree)
    }

    /// The definition at node `node` of `file`, read by `cast`.
    fn definition<'m, T>(
        &'m self,
        file: FileId,
        node: u32,
        cast: fn(&'m str, Statement<'m>) -> Option<T>,
    ) -> T {
        let f = self.parses[file.0 as usize]
            .as_ref()
            .expect("entity of a file in the model");
        f.parse
            .tree
            .statement_at(node as usize)
            .and_then(|s| cast(&f.text, s))
            .expect("the model's entity is a definition of its file")
    }

    pub fn journey_syntax(&self, j: &Journey) -> view::Journey<'_> {
        self.definition(j.head.file, j.node, view::Journey::cast)
    }

    pub fn persona_syntax(&self, p: &Persona) -> view::Persona<'_> {
        self.definition(p.head.file, p.node, view::Persona::cast)
    }

    pub fn phase_syntax(&self, p: &Phase) -> view::Phase<'_> {
        self.definition(p.head.file, p.node, view::Phase::cast)
    }

    pub fn touchpoint_syntax(&self, t: &Touchpoint) -> view::Touchpoint<'_> {
        self.definition(t.head.file, t.node, view::Touchpoint::cast)
    }

    pub fn goal_syntax(&self, g: &Goal) -> view::Goal<'_> {
        self.definition(g.head.file, g.node, view::Goal::cast)
    }

    pub fn actor_syntax(&self, a: &Actor) -> view::Actor<'_> {
        self.definition(a.head.file, a.node, view::Actor::cast)
    }

    pub fn impact_syntax(&self, i: &Impact) -> view::Impact<'_> {
        self.definition(i.head.file, i.node, view::Impact::cast)
    }

    pub fn deliverable_syntax(&self, d: &Deliverable) -> view::Deliverable<'_> {
        let impact = &self.impacts[d.impact.index()];
        self.impact_syntax(impact)
            .deliverables()
            .swap_remove(d.index as usize)
    }

    pub fn kpi_syntax(&self, k: &Kpi) -> view::Kpi<'_> {
        let mut kpis = match k.owner {
            KpiOwner::Phase(p) => self.phase_syntax(&self.phases[p.index()]).kpis(),
            KpiOwner::Touchpoint(t) => self.touchpoint_syntax(&self.touchpoints[t.index()]).kpis(),
            KpiOwner::Impact(m) => self.impact_syntax(&self.impacts[m.index()]).kpis(),
        };
        kpis.swap_remove(k.index as usize)
    }

    // ---- convenience accessors by id

    pub fn journey(&self, id: JourneyId) -> &Journey {
        &self.journeys[id.index()]
    }
    pub fn persona(&self, id: PersonaId) -> &Persona {
        &self.personas[id.index()]
    }
    pub fn phase(&self, id: PhaseId) -> &Phase {
        &self.phases[id.index()]
    }
    pub fn touchpoint(&self, id: TouchpointId) -> &Touchpoint {
        &self.touchpoints[id.index()]
    }
    pub fn kpi(&self, id: KpiId) -> &Kpi {
        &self.kpis[id.index()]
    }
    pub fn goal(&self, id: GoalId) -> &Goal {
        &self.goals[id.index()]
    }
    pub fn actor(&self, id: ActorId) -> &Actor {
        &self.actors[id.index()]
    }
    pub fn impact(&self, id: ImpactId) -> &Impact {
        &self.impacts[id.index()]
    }
    pub fn deliverable(&self, id: DeliverableId) -> &Deliverable {
        &self.deliverables[id.index()]
    }

    /// The innermost definitions enclosing `span` in `file`, innermost
    /// first (a KPI, then its touchpoint, then its phase …).
    pub fn enclosing(&self, file: FileId, span: Span) -> Vec<Def> {
        let mut v: Vec<Def> = self
            .all_defs_in(file)
            .filter(|d| {
                let s = self.header(*d).span;
                s.start <= span.start && span.end <= s.end
            })
            .collect();
        v.sort_by_key(|d| self.header(*d).span.len());
        v
    }

    /// Every definition in `file` (named or not).
    pub fn all_defs_in(&self, file: FileId) -> impl Iterator<Item = Def> + '_ {
        self.all_defs()
            .filter(move |d| self.header(*d).file == file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_util::workspace;

    const PERSONAS: &str = "persona anna \"Anna\" {\n  evidence \"x\"\n}\n";
    const PHASES: &str = "import \"personas.journey\"\n\
journey j \"J\" {\n  phases aware, buy\n  loop buy -> aware\n}\n\
phase aware \"Aware\" {\n  kind awareness\n  kpi reach \"Reach\"\n  touchpoint ad \"Ad\" {\n    serves anna\n  }\n}\n\
phase buy \"Buy\" {\n  touchpoint shop \"Shop\" {\n    serves anna, nobody\n  }\n}\n\
goal g \"G\" {\n  actor anna {\n    impact i \"I\" {\n      via ad\n      deliverable d \"D\" via shop\n    }\n  }\n  actor partners \"Partners\" {\n  }\n}\n";

    fn model() -> (crate::Workspace, Arc<Model>) {
        let ws = workspace(&[("personas.journey", PERSONAS), ("main.journey", PHASES)]);
        let m = ws.model();
        (ws, m)
    }

    fn offset(text: &str, needle: &str, nth: usize) -> u32 {
        text.match_indices(needle).nth(nth).expect("needle").0 as u32
    }

    #[test]
    fn entities_links_and_order() {
        let (_, m) = model();
        assert_eq!(m.journeys.len(), 1);
        let j = &m.journeys[0];
        let order: Vec<&str> = j.phase_ids().map(|p| m.phase(p).head.id()).collect();
        assert_eq!(order, vec!["aware", "buy"]);
        let lb = j.loop_back.as_ref().unwrap();
        assert_eq!(lb.from.phase.map(|p| m.phase(p).head.id()), Some("buy"));
        assert_eq!(lb.to.phase.map(|p| m.phase(p).head.id()), Some("aware"));
        let Some(Def::Touchpoint(shop)) = m.lookup(DefKind::Touchpoint, "shop") else {
            panic!()
        };
        let shop = m.touchpoint(shop);
        assert_eq!(m.phase(shop.phase).head.id(), "buy");
        assert_eq!(shop.serves.len(), 1, "nobody is unresolved");
        assert_eq!(shop.reached_by.len(), 1, "through the deliverable");
        assert_eq!(shop.deliverables.len(), 1);
        let Some(Def::Persona(anna)) = m.lookup(DefKind::Persona, "anna") else {
            panic!()
        };
        assert_eq!(m.persona(anna).served_by.len(), 2);
        assert_eq!(m.persona(anna).actors.len(), 1);
        let stakeholder = m.actors.iter().find(|a| a.head.id() == "partners").unwrap();
        assert!(stakeholder.is_stakeholder(&m));
        assert_eq!(
            m.phase(order_id(&m, "aware")).kind,
            Some(PhaseKind::Awareness)
        );
        assert_eq!(m.kpis.len(), 1);
        assert_eq!(
            m.kpis[0].head.parent,
            Some(Def::Phase(order_id(&m, "aware")))
        );
    }

    fn order_id(m: &Model, name: &str) -> PhaseId {
        match m.lookup(DefKind::Phase, name) {
            Some(Def::Phase(p)) => p,
            _ => panic!("no phase {name}"),
        }
    }

    #[test]
    fn reference_index_answers_ide_questions() {
        let (ws, m) = model();
        let main = ws.file_id(std::path::Path::new("/t/main.journey")).unwrap();
        let personas = ws
            .file_id(std::path::Path::new("/t/personas.journey"))
            .unwrap();
        // Cursor on `anna` in `serves anna` (and just after it).
        let at = offset(PHASES, "serves anna", 0) + 7;
        let r = m.reference_at(main, at).expect("reference");
        assert_eq!(r.name, "anna");
        assert_eq!(r.role, RefRole::Serves);
        let anna = r.target.expect("resolved");
        assert_eq!(
            m.reference_at(main, at + 4).map(|r| r.target),
            Some(Some(anna))
        );
        assert_eq!(m.def_at(main, at), Some(anna));
        // The definition, in the other file.
        let h = m.header(anna);
        assert_eq!(h.file, personas);
        assert_eq!(
            m.definition_at(personas, h.name.as_ref().unwrap().span.start),
            Some(anna)
        );
        // Every use: two `serves`, one actor.
        let uses: Vec<RefRole> = m.references_to(anna).map(|r| r.role).collect();
        assert_eq!(uses, vec![RefRole::Serves, RefRole::Serves, RefRole::Actor]);
        // Unresolved references are indexed too.
        let nobody = offset(PHASES, "nobody", 0);
        assert_eq!(m.reference_at(main, nobody).map(|r| r.target), Some(None));
        // Not on a name: nothing.
        assert_eq!(m.def_at(main, 0), None);
        // The import string.
        let imp = m.import_at(main, 9).expect("import");
        assert_eq!(imp.target, Some(personas));
    }

    #[test]
    fn symbols_for_outline_and_search() {
        let (ws, m) = model();
        let main = ws.file_id(std::path::Path::new("/t/main.journey")).unwrap();
        let names: Vec<(DefKind, String)> = m
            .file_symbols(main)
            .into_iter()
            .map(|s| (s.kind, s.name))
            .collect();
        let expected: Vec<(DefKind, String)> = [
            (DefKind::Journey, "j"),
            (DefKind::Phase, "aware"),
            (DefKind::Kpi, "reach"),
            (DefKind::Touchpoint, "ad"),
            (DefKind::Phase, "buy"),
            (DefKind::Touchpoint, "shop"),
            (DefKind::Goal, "g"),
            (DefKind::Impact, "i"),
            (DefKind::Deliverable, "d"),
            (DefKind::Actor, "partners"),
        ]
        .into_iter()
        .map(|(k, n)| (k, n.to_string()))
        .collect();
        assert_eq!(names, expected);
        let shop = m.symbols().into_iter().find(|s| s.name == "shop").unwrap();
        assert_eq!(shop.detail.as_deref(), Some("Shop"));
        assert_eq!(shop.parent, Some(Def::Phase(order_id(&m, "buy"))));
    }

    #[test]
    fn model_is_cached_until_a_file_changes() {
        let (mut ws, m) = model();
        assert!(Arc::ptr_eq(&m, &ws.model()));
        ws.set_file(
            "/t/personas.journey".into(),
            "personas.journey".into(),
            "persona anna \"Anna\" {\n}\npersona bob \"Bob\" {\n}\n".into(),
        );
        let m2 = ws.model();
        assert!(!Arc::ptr_eq(&m, &m2));
        assert_eq!(m2.personas.len(), 2);
        ws.remove_file(std::path::Path::new("/t/personas.journey"));
        assert_eq!(ws.model().personas.len(), 0);
    }
}
