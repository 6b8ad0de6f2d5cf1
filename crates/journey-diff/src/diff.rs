//! Comparing two snapshots: matching entities, detecting renames and
//! listing what changed.

use crate::snapshot::{Atom, DefKind, Entity, Renames, Snapshot, Value};
use std::collections::{HashMap, HashSet};

/// What happened to an entity.
#[derive(Debug, Clone, PartialEq)]
pub enum Detail {
    /// New in the new version.
    Added,
    /// Gone in the new version.
    Removed,
    /// The same content under a new id; `from` is the old id.
    Renamed { from: String },
    /// One field differs. `old`/`new` are `None` where the field is absent.
    Field {
        name: &'static str,
        label: &'static str,
        old: Option<Value>,
        new: Option<Value>,
    },
    /// Whether the persona (the subject) is served by any touchpoint of
    /// `phase` changed: `served` is the new state.
    Served { phase: String, served: bool },
}

impl Detail {
    /// `added`, `removed`, `renamed`, `changed` or `coverage`.
    pub fn category(&self) -> &'static str {
        match self {
            Detail::Added => "added",
            Detail::Removed => "removed",
            Detail::Renamed { .. } => "renamed",
            Detail::Field { .. } => "changed",
            Detail::Served { .. } => "coverage",
        }
    }
}

/// One change.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub kind: DefKind,
    /// The id in the new version (in the old one for removed entities).
    pub id: String,
    /// Whether `id` is an id (`false`: the text of an unnamed KPI or
    /// deliverable).
    pub named: bool,
    /// The enclosing entity (`phase loyalty`), when nested.
    pub context: Option<String>,
    pub detail: Detail,
    /// Sort position: kind first, then reading order.
    order: (usize, u8, usize),
}

/// Every change between two versions, in report order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Diff {
    pub changes: Vec<Change>,
}

/// Counts by category.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub added: usize,
    pub removed: usize,
    pub renamed: usize,
    pub changed: usize,
    pub coverage: usize,
}

impl Summary {
    pub fn total(&self) -> usize {
        self.added + self.removed + self.renamed + self.changed + self.coverage
    }
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    pub fn summary(&self) -> Summary {
        let mut s = Summary::default();
        for c in &self.changes {
            match c.detail {
                Detail::Added => s.added += 1,
                Detail::Removed => s.removed += 1,
                Detail::Renamed { .. } => s.renamed += 1,
                Detail::Field { .. } => s.changed += 1,
                Detail::Served { .. } => s.coverage += 1,
            }
        }
        s
    }
}

fn kind_rank(k: DefKind) -> usize {
    DefKind::ALL.iter().position(|x| *x == k).unwrap_or(0)
}

/// Entities of one kind that have not been matched yet, by index.
struct Pools {
    old: Vec<Entity>,
    new: Vec<Entity>,
    /// old index → new index
    pairs: HashMap<usize, usize>,
    renames: Renames,
}

impl Pools {
    fn new_matched(&self) -> HashSet<usize> {
        self.pairs.values().copied().collect()
    }

    /// Matches entities whose (renamed) keys are equal.
    fn match_keys(&mut self) {
        let mut by_key: HashMap<String, usize> = HashMap::new();
        let taken = self.new_matched();
        for (i, e) in self.new.iter().enumerate() {
            if !taken.contains(&i) {
                by_key.entry(key_string(e.kind, &e.key)).or_insert(i);
            }
        }
        for (i, e) in self.old.iter().enumerate() {
            if self.pairs.contains_key(&i) {
                continue;
            }
            let mut mapped = e.clone();
            mapped.map_refs(&self.renames);
            if let Some(j) = by_key.remove(&key_string(e.kind, &mapped.key)) {
                self.pairs.insert(i, j);
            }
        }
    }

    /// Pairs unmatched named entities of `kind` whose content is the same
    /// apart from the id. Returns whether any rename was found.
    fn detect_renames(&mut self, kind: DefKind) -> bool {
        let taken = self.new_matched();
        let fingerprint = |e: &Entity| format!("{:?}|{:?}", e.parent, e.fields);
        let mut new_by_fp: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, e) in self.new.iter().enumerate() {
            if e.kind == kind && e.named && !taken.contains(&i) {
                new_by_fp.entry(fingerprint(e)).or_default().push(i);
            }
        }
        let mut old_by_fp: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, e) in self.old.iter().enumerate() {
            if e.kind == kind && e.named && !self.pairs.contains_key(&i) {
                let mut mapped = e.clone();
                mapped.map_refs(&self.renames);
                old_by_fp.entry(fingerprint(&mapped)).or_default().push(i);
            }
        }
        let mut found = false;
        let mut fps: Vec<&String> = old_by_fp.keys().collect();
        fps.sort();
        for fp in fps {
            let olds = &old_by_fp[fp];
            let Some(news) = new_by_fp.get(fp) else {
                continue;
            };
            // Only an unambiguous pair is a rename.
            if let ([o], [n]) = (olds.as_slice(), news.as_slice()) {
                self.pairs.insert(*o, *n);
                self.renames
                    .insert(kind, &self.old[*o].id, &self.new[*n].id);
                found = true;
            }
        }
        found
    }

    /// Pairs the one unmatched unnamed entity of a kind under a parent
    /// with the one under the same parent in the other version (a KPI
    /// whose name was reworded).
    fn match_lone_unnamed(&mut self) {
        let taken = self.new_matched();
        let group = |e: &Entity| format!("{:?}|{:?}", e.kind, e.parent);
        let mut news: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, e) in self.new.iter().enumerate() {
            if !e.named && e.kind != DefKind::Actor && !taken.contains(&i) {
                news.entry(group(e)).or_default().push(i);
            }
        }
        let mut olds: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, e) in self.old.iter().enumerate() {
            if !e.named && e.kind != DefKind::Actor && !self.pairs.contains_key(&i) {
                let mut mapped = e.clone();
                mapped.map_refs(&self.renames);
                olds.entry(group(&mapped)).or_default().push(i);
            }
        }
        for (g, o) in olds {
            if let (Some([n]), [o]) = (news.get(&g).map(Vec::as_slice), o.as_slice()) {
                self.pairs.insert(*o, *n);
            }
        }
    }
}

fn key_string(kind: DefKind, key: &[Atom]) -> String {
    format!("{kind:?}|{key:?}")
}

/// Drops later definitions of a key already seen (a duplicate definition
/// is the checker's business; the diff follows the first one).
fn dedup(entities: &[Entity]) -> Vec<Entity> {
    let mut seen = HashSet::new();
    entities
        .iter()
        .filter(|e| seen.insert(key_string(e.kind, &e.key)))
        .cloned()
        .collect()
}

/// Compares two versions.
pub fn diff(old: &Snapshot, new: &Snapshot) -> Diff {
    let mut pools = Pools {
        old: dedup(&old.entities),
        new: dedup(&new.entities),
        pairs: HashMap::new(),
        renames: Renames::default(),
    };
    // Renames are found kind by kind, each kind after those its fields
    // refer to; a rename can make another rename visible (a phase that
    // supports a renamed goal), so repeat until nothing new is found.
    for _ in 0..4 {
        let mut found = false;
        for kind in DefKind::ALL {
            pools.match_keys();
            found |= pools.detect_renames(kind);
        }
        if !found {
            break;
        }
    }
    pools.match_keys();
    pools.match_lone_unnamed();

    let mut changes = Vec::new();
    let matched_new = pools.new_matched();
    let renames = &pools.renames;
    let old_mapped: Vec<Entity> = pools
        .old
        .iter()
        .map(|e| {
            let mut m = e.clone();
            m.map_refs(renames);
            m
        })
        .collect();

    // Parents that are themselves new or gone: their contents are not
    // listed one by one (touchpoints excepted: they are the journey).
    let added_keys: HashSet<String> = pools
        .new
        .iter()
        .enumerate()
        .filter(|(i, _)| !matched_new.contains(i))
        .map(|(_, e)| key_string(e.kind, &e.key))
        .collect();
    let removed_keys: HashSet<String> = old_mapped
        .iter()
        .enumerate()
        .filter(|(i, _)| !pools.pairs.contains_key(i))
        .map(|(_, e)| key_string(e.kind, &e.key))
        .collect();
    let implied = |e: &Entity, keys: &HashSet<String>| {
        e.kind != DefKind::Touchpoint
            && e.parent
                .as_ref()
                .is_some_and(|(k, key)| keys.contains(&key_string(*k, key)))
    };

    let push = |changes: &mut Vec<Change>, e: &Entity, detail: Detail, side: u8| {
        changes.push(Change {
            kind: e.kind,
            id: e.id.clone(),
            named: e.named,
            context: e.context.clone(),
            detail,
            order: (kind_rank(e.kind), side, e.order),
        });
    };

    let old_of: HashMap<usize, usize> = pools.pairs.iter().map(|(o, n)| (*n, *o)).collect();
    for (j, e) in pools.new.iter().enumerate() {
        match old_of.get(&j).copied() {
            None => {
                if !implied(e, &added_keys) {
                    push(&mut changes, e, Detail::Added, 0);
                }
            }
            Some(i) => {
                let o = &pools.old[i];
                if o.named && e.named && o.id != e.id {
                    push(&mut changes, e, Detail::Renamed { from: o.id.clone() }, 0);
                }
                for d in field_changes(o, &old_mapped[i], e) {
                    push(&mut changes, e, d, 0);
                }
            }
        }
    }
    for (i, e) in pools.old.iter().enumerate() {
        if !pools.pairs.contains_key(&i) && !implied(&old_mapped[i], &removed_keys) {
            push(&mut changes, e, Detail::Removed, 1);
        }
    }

    // Coverage: personas and phases present in both versions whose
    // "served in" relation changed.
    let personas_both: HashSet<String> = matched_ids(&pools, DefKind::Persona);
    let phases_both: HashSet<String> = matched_ids(&pools, DefKind::Phase);
    let old_served: HashSet<(String, String)> = Snapshot {
        entities: old_mapped.clone(),
    }
    .served_in()
    .into_iter()
    .collect();
    let new_served: HashSet<(String, String)> = Snapshot {
        entities: pools.new.clone(),
    }
    .served_in()
    .into_iter()
    .collect();
    let order_of = |kind: DefKind, id: &str| {
        pools
            .new
            .iter()
            .find(|e| e.kind == kind && e.named && e.id == id)
            .map(|e| e.order)
            .unwrap_or(usize::MAX)
    };
    let mut coverage: Vec<(String, String, bool)> = old_served
        .difference(&new_served)
        .map(|(p, ph)| (p.clone(), ph.clone(), false))
        .chain(
            new_served
                .difference(&old_served)
                .map(|(p, ph)| (p.clone(), ph.clone(), true)),
        )
        .filter(|(p, ph, _)| personas_both.contains(p) && phases_both.contains(ph))
        .collect();
    coverage
        .sort_by_key(|(p, ph, _)| (order_of(DefKind::Persona, p), order_of(DefKind::Phase, ph)));
    for (persona, phase, served) in coverage {
        changes.push(Change {
            kind: DefKind::Persona,
            id: persona.clone(),
            named: true,
            context: None,
            detail: Detail::Served { phase, served },
            order: (DefKind::ALL.len(), 0, 0),
        });
    }

    changes.sort_by_key(|c| c.order);
    Diff { changes }
}

/// The new ids of the entities of `kind` that exist in both versions.
fn matched_ids(pools: &Pools, kind: DefKind) -> HashSet<String> {
    pools
        .pairs
        .values()
        .map(|j| &pools.new[*j])
        .filter(|e| e.kind == kind)
        .map(|e| e.id.clone())
        .collect()
}

/// The fields that differ, in field order (fields of the new version
/// first, then those only the old one has). `old` is compared with
/// renames applied (`mapped`); the old value reported is the one written,
/// except for lists, whose additions and removals are computed against
/// the renamed ids (a renamed touchpoint is not "removed" from a `via`).
fn field_changes(written: &Entity, mapped: &Entity, new: &Entity) -> Vec<Detail> {
    let old_value = |name: &str| -> Option<Value> {
        let m = mapped.field(name)?;
        match &m.value {
            Value::Set(_) => Some(m.value.clone()),
            _ => written.field(name).map(|f| f.value.clone()),
        }
    };
    let mut out = Vec::new();
    for f in &new.fields {
        let o = mapped.field(f.name).map(|f| &f.value);
        if o != Some(&f.value) {
            out.push(Detail::Field {
                name: f.name,
                label: f.label,
                old: old_value(f.name),
                new: Some(f.value.clone()),
            });
        }
    }
    for f in &mapped.fields {
        if new.field(f.name).is_none() {
            out.push(Detail::Field {
                name: f.name,
                label: f.label,
                old: old_value(f.name),
                new: None,
            });
        }
    }
    out
}
