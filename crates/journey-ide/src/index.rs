//! Every name in every file, classified: what it defines or refers to.
//!
//! The index is built from the typed views of each file and answers
//! "what is at this offset" for highlighting, hover and completion. What a
//! name resolves to is the semantic model's answer
//! ([`journey_analysis::Model`]: the same name tables the checks use), so
//! the editor and `journeyc check` never disagree about a reference. Names
//! the model has no definitions for — teams, IT systems, channels and
//! stakeholder actors — are grouped by kind and name here.

use journey_analysis::model::{Def, DefKind, Model};
use journey_analysis::Workspace;
use journey_diagnostics::{FileId, Span};
use journey_syntax::view::{self, Item, Kpi, Name};
use journey_syntax::Parse;
use std::collections::HashMap;
use std::sync::Arc;

/// The kind of thing a name stands for: a kind of model definition, or
/// one of the kinds only the editor resolves (they have no model entity).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SymbolKind {
    /// A kind the semantic model defines. `Def(DefKind::Actor)` is an
    /// actor of an impact map that is not a persona (a stakeholder).
    Def(DefKind),
    /// A team: named in a phase's `teams` and a touchpoint's `owner`.
    Team,
    /// An IT system: named in `systems`.
    System,
    /// A channel (`web`, `email` …).
    Channel,
    /// A promise made in a phase (`promise ID "text"`), kept by touchpoints.
    Promise,
}

impl SymbolKind {
    /// How the kind is named in messages and hovers.
    pub fn describe(self) -> &'static str {
        match self {
            SymbolKind::Def(k) => k.word(),
            SymbolKind::Team => "team",
            SymbolKind::System => "system",
            SymbolKind::Channel => "channel",
            SymbolKind::Promise => "promise",
        }
    }

    /// Kinds the semantic model has no entities for: resolved here by
    /// kind and name (teams, systems and channels have no definition
    /// statement at all; every mention is equal).
    pub fn is_implicit(self) -> bool {
        matches!(
            self,
            SymbolKind::Team
                | SymbolKind::System
                | SymbolKind::Channel
                | SymbolKind::Def(DefKind::Actor)
                | SymbolKind::Promise
        )
    }

    /// The model kind whose definitions this kind looks up, for kinds that
    /// are not implicit (stakeholder actors are resolved by name here).
    pub fn model_kind(self) -> Option<DefKind> {
        match self {
            SymbolKind::Def(DefKind::Actor) => None,
            SymbolKind::Def(k) => Some(k),
            SymbolKind::Team | SymbolKind::System | SymbolKind::Channel | SymbolKind::Promise => {
                None
            }
        }
    }
}

/// A fixed word standing as a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EnumKind {
    PhaseKind,
    State,
    Importance,
    Presence,
    YesNo,
    LegalBasis,
}

impl EnumKind {
    pub fn values(self) -> &'static [journey_syntax::schema::EnumValue] {
        use journey_syntax::schema::*;
        match self {
            EnumKind::PhaseKind => PHASE_KINDS,
            EnumKind::State => STATES,
            EnumKind::Importance => IMPORTANCE,
            EnumKind::Presence => PRESENCE,
            EnumKind::YesNo => YES_NO,
            EnumKind::LegalBasis => LEGAL_BASES,
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            EnumKind::PhaseKind => "phase kind",
            EnumKind::State => "state",
            EnumKind::Importance => "importance",
            EnumKind::Presence => "presence",
            EnumKind::YesNo => "flag",
            EnumKind::LegalBasis => "legal basis",
        }
    }
}

/// What a name occurrence does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Defines the symbol (`persona sabine`).
    Definition,
    /// Refers to a symbol of the kind (`serves sabine`).
    Reference,
    /// `actor x`: a persona when one is called `x`, else a stakeholder.
    Actor,
    /// `supports x`: a promise, else a goal, else an impact called `x`.
    Support,
    /// A fixed word (`kind awareness`, `state planned`).
    Enum(EnumKind),
}

/// One identifier in a file, classified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    pub span: Span,
    pub name: String,
    pub kind: SymbolKind,
    pub role: Role,
    /// For symbols without a definition statement: this mention is where
    /// the symbol is introduced (a phase's `teams` and `systems`, an actor
    /// with a title).
    pub decl: bool,
}

/// The names of one file.
#[derive(Debug, Clone, Default)]
pub struct FileIndex {
    /// Sorted by position.
    pub occurrences: Vec<Occurrence>,
}

impl FileIndex {
    /// The occurrence whose identifier touches `offset` (a cursor right
    /// after a word counts).
    pub fn occurrence_at(&self, offset: u32) -> Option<&Occurrence> {
        let i = self.occurrences.partition_point(|o| o.span.end < offset);
        self.occurrences[i..]
            .iter()
            .take_while(|o| o.span.start <= offset)
            .find(|o| o.span.touches(offset))
    }
}

/// What a name refers to, workspace-wide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    /// A definition of the semantic model.
    Def(Def),
    /// A symbol without a definition statement (a team, a system, a
    /// channel, a stakeholder actor), identified by kind and name.
    Implicit(SymbolKind, ImplicitName),
}

/// The name of an implicit symbol: an index into the index's name table
/// (so that [`Target`] stays `Copy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ImplicitName(u32);

/// One place a target is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Mention {
    pub file: FileId,
    pub span: Span,
    /// Defines the target (or introduces a team, system or stakeholder).
    pub is_definition: bool,
}

/// Each file's index, kept from one snapshot of a workspace to the next
/// while the file's parse is the same: after an edit in a language server
/// only the edited file is read again.
#[derive(Debug, Default)]
pub struct IndexCache {
    files: std::sync::Mutex<HashMap<FileId, Indexed>>,
}

/// A file's index and the parse it was read from.
type Indexed = (Arc<Parse>, Arc<FileIndex>);

/// Every name of every file of a workspace, with the workspace's model.
#[derive(Debug, Clone)]
pub struct Index {
    model: Arc<Model>,
    files: HashMap<FileId, Arc<FileIndex>>,
    names: Vec<String>,
    name_ids: HashMap<String, u32>,
    /// Ids of the promises defined anywhere.
    promises: std::collections::HashSet<String>,
}

impl Index {
    pub fn build(ws: &Workspace) -> Index {
        Self::build_with(ws, &IndexCache::default())
    }

    /// [`Index::build`], reading again only the files whose parse is not
    /// the one `cache` holds an index of; the cache then holds this
    /// build's files.
    pub fn build_with(ws: &Workspace, cache: &IndexCache) -> Index {
        let mut index = Index {
            model: ws.model(),
            files: HashMap::new(),
            names: Vec::new(),
            name_ids: HashMap::new(),
            promises: Default::default(),
        };
        let mut kept = cache.files.lock().unwrap_or_else(|e| e.into_inner());
        let mut next = HashMap::with_capacity(kept.len());
        for (id, f) in ws.files() {
            let fi = match kept.remove(&id) {
                Some((parse, fi)) if Arc::ptr_eq(&parse, &f.parse) => fi,
                _ => Arc::new(index_file(crate::syntax(f))),
            };
            next.insert(id, (f.parse.clone(), fi.clone()));
            for o in &fi.occurrences {
                if o.kind == SymbolKind::Promise && o.role == Role::Definition {
                    index.promises.insert(o.name.clone());
                }
                if !index.name_ids.contains_key(&o.name) {
                    index
                        .name_ids
                        .insert(o.name.clone(), index.names.len() as u32);
                    index.names.push(o.name.clone());
                }
            }
            index.files.insert(id, fi);
        }
        *kept = next;
        index
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    pub fn file(&self, file: FileId) -> Option<&FileIndex> {
        self.files.get(&file).map(|f| &**f)
    }

    pub fn files(&self) -> impl Iterator<Item = (FileId, &FileIndex)> {
        let mut v: Vec<_> = self.files.iter().map(|(k, v)| (*k, &**v)).collect();
        v.sort_by_key(|(k, _)| *k);
        v.into_iter()
    }

    /// The definitions of `kind` called `name`: usually one; several when
    /// the name is defined twice (the checker reports that).
    pub fn lookup(&self, kind: SymbolKind, name: &str) -> &[Def] {
        match kind.model_kind() {
            Some(k) => self.model.definitions_named(k, name),
            None => &[],
        }
    }

    /// Whether a persona is called `name` (then `actor name` is that persona).
    pub fn is_persona(&self, name: &str) -> bool {
        !self
            .lookup(SymbolKind::Def(DefKind::Persona), name)
            .is_empty()
    }

    /// The implicit target for a kind and name if the name occurs at all.
    pub fn implicit_existing(&self, kind: SymbolKind, name: &str) -> Option<Target> {
        self.name_ids
            .get(name)
            .map(|id| Target::Implicit(kind, ImplicitName(*id)))
    }

    pub fn implicit_name(&self, name: ImplicitName) -> &str {
        &self.names[name.0 as usize]
    }

    /// The names used for implicit symbols of `kind` (teams, systems,
    /// channels, stakeholders), with how often each occurs, sorted by name.
    pub fn implicit_names(&self, kind: SymbolKind) -> Vec<(String, usize)> {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for (_, fi) in self.files() {
            for o in &fi.occurrences {
                let hit = match o.role {
                    // Promises are listed where they are made.
                    Role::Definition => kind == SymbolKind::Promise && o.kind == kind,
                    Role::Reference => o.kind == kind && kind != SymbolKind::Promise,
                    Role::Actor => {
                        kind == SymbolKind::Def(DefKind::Actor) && !self.is_persona(&o.name)
                    }
                    _ => false,
                };
                if hit {
                    *counts.entry(o.name.as_str()).or_default() += 1;
                }
            }
        }
        let mut v: Vec<_> = counts
            .into_iter()
            .map(|(k, n)| (k.to_string(), n))
            .collect();
        v.sort();
        v
    }

    /// What the occurrence at `occ` in `file` refers to. Definitions
    /// resolve to themselves; an unresolved reference to nothing.
    pub fn resolve(&self, file: FileId, occ: &Occurrence) -> Option<Target> {
        let m = &self.model;
        match occ.role {
            Role::Enum(_) => None,
            Role::Reference if occ.kind == SymbolKind::Promise && !self.has_promise(&occ.name) => {
                None
            }
            Role::Definition if occ.kind.is_implicit() => {
                self.implicit_existing(occ.kind, &occ.name)
            }
            Role::Definition => m.definition_at(file, occ.span.start).map(Target::Def),
            Role::Support => self.resolve_support(&occ.name),
            Role::Actor => {
                if let Some(t) = m.reference_at(file, occ.span.start).and_then(|r| r.target) {
                    return Some(Target::Def(t));
                }
                self.implicit_existing(SymbolKind::Def(DefKind::Actor), &occ.name)
            }
            Role::Reference if occ.kind.is_implicit() => {
                self.implicit_existing(occ.kind, &occ.name)
            }
            Role::Reference => m
                .reference_at(file, occ.span.start)
                .and_then(|r| r.target)
                .map(Target::Def),
        }
    }

    /// Whether some phase makes a promise called `name`.
    pub fn has_promise(&self, name: &str) -> bool {
        self.promises.contains(name)
    }

    /// `supports NAME`: the promise called so, else the goal, else the
    /// impact.
    pub fn resolve_support(&self, name: &str) -> Option<Target> {
        if self.promises.contains(name) {
            return self.implicit_existing(SymbolKind::Promise, name);
        }
        self.model
            .lookup(DefKind::Goal, name)
            .or_else(|| self.model.lookup(DefKind::Impact, name))
            .map(Target::Def)
    }

    /// The kind and name a target stands for.
    pub fn target_key(&self, target: Target) -> (SymbolKind, String) {
        match target {
            Target::Def(d) => (
                SymbolKind::Def(d.kind()),
                self.model.header(d).id().to_string(),
            ),
            Target::Implicit(kind, name) => (kind, self.implicit_name(name).to_string()),
        }
    }

    /// Every place `target` is named, definitions included, in file and
    /// source order.
    pub fn mentions(&self, target: Target) -> Vec<Mention> {
        let mut out = Vec::new();
        match target {
            Target::Def(d) => {
                let h = self.model.header(d);
                if let Some(n) = &h.name {
                    out.push(Mention {
                        file: h.file,
                        span: n.span,
                        is_definition: true,
                    });
                }
                for r in self.model.references_to(d) {
                    out.push(Mention {
                        file: r.file,
                        span: r.span,
                        is_definition: false,
                    });
                }
                // `supports` names goals and impacts too (not in the model).
                if matches!(d, Def::Goal(_) | Def::Impact(_)) {
                    let name = h.id();
                    for (file, fi) in self.files() {
                        for o in &fi.occurrences {
                            if o.role == Role::Support
                                && o.name == name
                                && self.resolve_support(name) == Some(target)
                            {
                                out.push(Mention {
                                    file,
                                    span: o.span,
                                    is_definition: false,
                                });
                            }
                        }
                    }
                }
            }
            Target::Implicit(kind, name) => {
                let name = self.implicit_name(name);
                for (file, fi) in self.files() {
                    for o in fi.occurrences.iter().filter(|o| o.name == name) {
                        let hit = match o.role {
                            Role::Reference => o.kind == kind,
                            Role::Definition => o.kind == kind,
                            Role::Support => kind == SymbolKind::Promise,
                            Role::Actor => {
                                kind == SymbolKind::Def(DefKind::Actor) && !self.is_persona(name)
                            }
                            _ => false,
                        };
                        if hit {
                            out.push(Mention {
                                file,
                                span: o.span,
                                is_definition: o.decl,
                            });
                        }
                    }
                }
            }
        }
        out.sort();
        out.dedup();
        out
    }
}

/// Classifies every identifier of one file's definitions.
pub fn index_file(file: view::File<'_>) -> FileIndex {
    let mut b = Builder::default();
    for item in file.items() {
        match item {
            Item::Import(_) => {}
            Item::Journey(j) => {
                b.def(SymbolKind::Def(DefKind::Journey), j.id);
                b.refs(SymbolKind::Def(DefKind::Phase), j.phases());
                if let Some(l) = j.loop_back() {
                    b.refs(SymbolKind::Def(DefKind::Phase), [l.from, l.to]);
                }
            }
            Item::Persona(p) => {
                b.def(SymbolKind::Def(DefKind::Persona), p.id);
                b.refs(SymbolKind::Channel, p.channels());
            }
            Item::Phase(p) => {
                b.def(SymbolKind::Def(DefKind::Phase), p.id);
                b.enum_value(EnumKind::PhaseKind, p.kind());
                b.mentions(SymbolKind::Team, p.teams(), true);
                b.mentions(SymbolKind::System, p.systems(), true);
                for promise in p.promises() {
                    b.def(SymbolKind::Promise, promise.id);
                }
                for s in p.supports() {
                    if let view::Support::Ref(n) = s {
                        b.push(Occurrence {
                            span: n.span,
                            name: n.text.to_string(),
                            kind: SymbolKind::Promise,
                            role: Role::Support,
                            decl: false,
                        });
                    }
                }
                b.kpis(&p.kpis());
                for tp in p.touchpoints() {
                    b.def(SymbolKind::Def(DefKind::Touchpoint), tp.id);
                    let written = tp.channel_statement();
                    if let Some(c) = written.channel {
                        b.refs(SymbolKind::Channel, [c]);
                    }
                    b.enum_value(EnumKind::Presence, written.presence);
                    if let Some(o) = tp.owner() {
                        b.refs(SymbolKind::Team, [o]);
                    }
                    b.refs(SymbolKind::System, tp.systems());
                    b.kpis(&tp.kpis());
                    b.refs(SymbolKind::Def(DefKind::Persona), tp.serves());
                    b.enum_value(EnumKind::Importance, tp.importance());
                    b.enum_value(EnumKind::State, tp.state());
                    b.enum_value(EnumKind::LegalBasis, tp.basis());
                    b.refs(SymbolKind::Promise, tp.keeps());
                }
            }
            Item::Goal(g) => {
                b.def(SymbolKind::Def(DefKind::Goal), g.id);
                for actor in g.actors() {
                    b.push(Occurrence {
                        span: actor.id.span,
                        name: actor.id.text.to_string(),
                        kind: SymbolKind::Def(DefKind::Actor),
                        role: Role::Actor,
                        decl: actor.title.is_some(),
                    });
                    for imp in actor.impacts() {
                        b.def(SymbolKind::Def(DefKind::Impact), imp.id);
                        b.kpis(&imp.kpis());
                        b.refs(SymbolKind::Def(DefKind::Touchpoint), imp.via());
                        for del in imp.deliverables() {
                            if let Some(id) = del.id {
                                b.def(SymbolKind::Def(DefKind::Deliverable), id);
                            }
                            b.refs(SymbolKind::Def(DefKind::Touchpoint), del.via);
                        }
                    }
                }
            }
        }
    }
    b.fi.occurrences.sort_by_key(|o| (o.span.start, o.span.end));
    b.fi.occurrences.dedup_by_key(|o| o.span);
    b.fi
}

#[derive(Default)]
struct Builder {
    fi: FileIndex,
}

impl Builder {
    fn push(&mut self, o: Occurrence) {
        self.fi.occurrences.push(o);
    }

    fn def(&mut self, kind: SymbolKind, id: Name<'_>) {
        self.push(Occurrence {
            span: id.span,
            name: id.text.to_string(),
            kind,
            role: Role::Definition,
            decl: true,
        });
    }

    fn refs<'n>(&mut self, kind: SymbolKind, names: impl IntoIterator<Item = Name<'n>>) {
        self.mentions(kind, names, false);
    }

    fn mentions<'n>(
        &mut self,
        kind: SymbolKind,
        names: impl IntoIterator<Item = Name<'n>>,
        decl: bool,
    ) {
        for n in names {
            self.push(Occurrence {
                span: n.span,
                name: n.text.to_string(),
                kind,
                role: Role::Reference,
                decl,
            });
        }
    }

    /// A fixed value (its `kind` field is unused: the role carries the kind).
    fn enum_value(&mut self, kind: EnumKind, name: Option<Name<'_>>) {
        if let Some(n) = name {
            self.push(Occurrence {
                span: n.span,
                name: n.text.to_string(),
                kind: SymbolKind::Channel,
                role: Role::Enum(kind),
                decl: false,
            });
        }
    }

    fn kpis(&mut self, kpis: &[Kpi<'_>]) {
        for kpi in kpis {
            if let Some(id) = kpi.id {
                self.def(SymbolKind::Def(DefKind::Kpi), id);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn occurrences(index: &Index) -> Vec<(FileId, Vec<Occurrence>)> {
        index
            .files()
            .map(|(id, f)| (id, f.occurrences.clone()))
            .collect()
    }

    /// An index built with the cache after an edit equals one built from
    /// scratch, and it read again only the edited file.
    #[test]
    fn a_cached_index_equals_a_fresh_one_after_an_edit() {
        let mut ws = Workspace::new();
        let personas = "persona founder \"Founder\" {\n  evidence \"e\"\n}\n";
        let phase = "phase a \"A\" {\n  touchpoint t \"T\" {\n    serves founder\n  }\n}\n";
        ws.set_file(PathBuf::from("/w/p.journey"), "p".into(), personas.into());
        let b = ws.set_file(PathBuf::from("/w/a.journey"), "a".into(), phase.into());
        let cache = IndexCache::default();
        let first = Index::build_with(&ws, &cache);
        assert_eq!(occurrences(&first), occurrences(&Index::build(&ws)));
        let kept_personas = first.files[&FileId(0)].clone();

        let edited = phase.replace("touchpoint t", "touchpoint post");
        ws.set_file(PathBuf::from("/w/a.journey"), "a".into(), edited);
        let second = Index::build_with(&ws, &cache);
        assert_eq!(occurrences(&second), occurrences(&Index::build(&ws)));
        assert!(Arc::ptr_eq(&second.files[&FileId(0)], &kept_personas));
        assert!(!Arc::ptr_eq(&second.files[&b], &first.files[&b]));
        assert!(second.files[&b]
            .occurrences
            .iter()
            .any(|o| o.name == "post"));
    }
}
