//! Comparing two snapshots: matching entities, detecting renames and
//! listing what changed.

use crate::claims::{claim_changes, ClaimChange};
use crate::findings::Findings;
use crate::snapshot::{Atom, DefKind, Entity, Name, Renames, Score, Snapshot, Value};
use std::collections::{HashMap, HashSet};

/// How alike the attributes of a removed and an added definition of one
/// kind must be (see [`similarity`]) for the pair to be one rename: a
/// persona whose id and name changed keeps most of its role, needs and
/// channels; two different touchpoints of one phase share little more
/// than the phase and the defaults.
pub const RENAME_SIMILARITY: f64 = 0.6;

/// What happened to an entity.
#[derive(Debug, Clone, PartialEq)]
pub enum Detail {
    /// New in the new version.
    Added,
    /// Gone in the new version.
    Removed,
    /// The same definition under a new id (and maybe a new title):
    /// `from` is the old id, `from_title` the old title.
    Renamed {
        from: String,
        from_title: Option<String>,
    },
    /// One field differs. `old`/`new` are `None` where the field is absent.
    /// `claims` are the prices, durations … of customer-facing text whose
    /// value changed (`price 9.99 € → 12 €`).
    Field {
        name: &'static str,
        label: &'static str,
        old: Option<Value>,
        new: Option<Value>,
        claims: Vec<ClaimChange>,
    },
    /// A score or cost of the entity changed (`experience 3 → 4`), for
    /// every persona or for `persona`.
    Score {
        measure: &'static str,
        persona: Option<Name>,
        old: Option<f64>,
        new: Option<f64>,
        unit: Option<String>,
    },
    /// Whether the persona (the subject) is served by any touchpoint of
    /// `phase` changed: `served` is the new state.
    Served {
        phase: String,
        phase_title: Option<String>,
        served: bool,
    },
}

impl Detail {
    /// `added`, `removed`, `renamed`, `changed` or `coverage`.
    pub fn category(&self) -> &'static str {
        match self {
            Detail::Added => "added",
            Detail::Removed => "removed",
            Detail::Renamed { .. } => "renamed",
            Detail::Field { .. } | Detail::Score { .. } => "changed",
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
    /// The title (of the new version; of the old one for removed
    /// entities), when it has one.
    pub title: Option<String>,
    /// The enclosing entities (`phase loyalty`), innermost first.
    pub context: Vec<Name>,
    /// The entities the detail's values refer to (a touchpoint's
    /// `serves`, an impact's `via` …), so that they are named by title.
    pub refs: Vec<Name>,
    pub detail: Detail,
    /// Sort position: kind first, then reading order.
    order: (usize, u8, usize),
}

impl Change {
    /// The entity as a report names it.
    pub fn name(&self) -> Name {
        Name {
            kind: self.kind,
            id: self.id.clone(),
            named: self.named || self.kind == DefKind::Actor,
            title: self.title.clone(),
        }
    }
}

/// Every change between two versions, in report order, and the findings
/// of the checker that the change introduces or resolves.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Diff {
    pub changes: Vec<Change>,
    pub findings: Findings,
}

/// Counts by category, and the findings introduced and resolved.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub added: usize,
    pub removed: usize,
    pub renamed: usize,
    pub changed: usize,
    pub coverage: usize,
    pub introduced: usize,
    pub resolved: usize,
}

impl Summary {
    /// The number of changes (findings not counted).
    pub fn total(&self) -> usize {
        self.added + self.removed + self.renamed + self.changed + self.coverage
    }
}

/// The changes of one score (`experience`, later `cost` …) for one
/// persona, or for every persona (`persona: None`), summed up over the
/// touchpoints: how many went up and down, were set or removed, and by
/// how much they moved in all (`net`, of those that have an old and a
/// new value).
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreSummary {
    pub persona: Option<Name>,
    pub measure: &'static str,
    pub up: usize,
    pub down: usize,
    pub set: usize,
    pub removed: usize,
    pub net: f64,
    pub unit: Option<String>,
}

impl Diff {
    /// Nothing changed: no strategy change and no finding introduced or
    /// resolved.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.findings.is_empty()
    }

    pub fn summary(&self) -> Summary {
        let mut s = Summary::default();
        for c in &self.changes {
            match c.detail {
                Detail::Added => s.added += 1,
                Detail::Removed => s.removed += 1,
                Detail::Renamed { .. } => s.renamed += 1,
                Detail::Field { .. } | Detail::Score { .. } => s.changed += 1,
                Detail::Served { .. } => s.coverage += 1,
            }
        }
        s.introduced = self.findings.introduced.len();
        s.resolved = self.findings.resolved.len();
        s
    }

    /// The score changes summed up per persona (every persona first, then
    /// personas in the order of their first change) and measure.
    pub fn score_summary(&self) -> Vec<ScoreSummary> {
        let mut out: Vec<ScoreSummary> = Vec::new();
        for c in &self.changes {
            let Detail::Score {
                measure,
                persona,
                old,
                new,
                unit,
            } = &c.detail
            else {
                continue;
            };
            let i = match out
                .iter()
                .position(|s| s.measure == *measure && s.persona == *persona && s.unit == *unit)
            {
                Some(i) => i,
                None => {
                    out.push(ScoreSummary {
                        persona: persona.clone(),
                        measure,
                        up: 0,
                        down: 0,
                        set: 0,
                        removed: 0,
                        net: 0.0,
                        unit: unit.clone(),
                    });
                    out.len() - 1
                }
            };
            let s = &mut out[i];
            match (old, new) {
                (Some(o), Some(n)) => {
                    if n > o {
                        s.up += 1;
                    } else {
                        s.down += 1;
                    }
                    s.net += n - o;
                }
                (None, Some(_)) => s.set += 1,
                (Some(_), None) => s.removed += 1,
                (None, None) => {}
            }
        }
        out.sort_by_key(|s| s.persona.is_some());
        out
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

    /// Pairs unmatched named entities of `kind` whose attributes are
    /// alike ([`similarity`] at least [`RENAME_SIMILARITY`]): a persona
    /// whose id and name changed together, a touchpoint renamed while its
    /// copy was reworded. The most alike pair is taken first, each entity
    /// at most once. Returns whether any rename was found.
    fn detect_similar(&mut self, kind: DefKind) -> bool {
        let taken = self.new_matched();
        let news: Vec<(usize, Vec<String>)> = self
            .new
            .iter()
            .enumerate()
            .filter(|(i, e)| e.kind == kind && e.named && !taken.contains(i))
            .map(|(i, e)| (i, attribute_lines(e)))
            .collect();
        if news.is_empty() {
            return false;
        }
        let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
        for (i, e) in self.old.iter().enumerate() {
            if e.kind != kind || !e.named || self.pairs.contains_key(&i) {
                continue;
            }
            let mut mapped = e.clone();
            mapped.map_refs(&self.renames);
            let old_lines = attribute_lines(&mapped);
            for (j, new_lines) in &news {
                let sim = similarity(&old_lines, new_lines);
                if sim >= RENAME_SIMILARITY {
                    candidates.push((sim, i, *j));
                }
            }
        }
        // Most alike first; ties in reading order, for a stable result.
        candidates.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then(self.old[a.1].order.cmp(&self.old[b.1].order))
                .then(self.new[a.2].order.cmp(&self.new[b.2].order))
        });
        let mut used_new = HashSet::new();
        let mut found = false;
        for (_, i, j) in candidates {
            if self.pairs.contains_key(&i) || used_new.contains(&j) {
                continue;
            }
            used_new.insert(j);
            self.pairs.insert(i, j);
            self.renames.insert(kind, &self.old[i].id, &self.new[j].id);
            found = true;
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

/// The attributes of a definition as lines, one per value (list items
/// each on their own), for [`similarity`]: its parent, every field but
/// its title (which a rename may change with the id), and its scores.
fn attribute_lines(e: &Entity) -> Vec<String> {
    let mut lines: Vec<String> = e.parent.iter().map(|p| format!("parent {p:?}")).collect();
    for f in &e.fields {
        if matches!(f.name, "title" | "name") {
            continue;
        }
        for a in f.value.atoms() {
            lines.push(format!("{} {a:?}", f.name));
        }
    }
    for s in &e.scores {
        lines.push(format!(
            "{} {:?} {} {:?}",
            s.measure, s.persona, s.value, s.unit
        ));
    }
    lines.sort();
    lines.dedup();
    lines
}

/// How alike two definitions are: the share of their attribute lines
/// they have in common (Dice's coefficient, 0 to 1). A definition with no
/// attributes is like no other: only an exact match (the same content,
/// title included) renames it.
pub fn similarity(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let b_set: HashSet<&String> = b.iter().collect();
    let common = a.iter().filter(|l| b_set.contains(l)).count();
    2.0 * common as f64 / (a.len() + b.len()) as f64
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
    // Definitions whose content changed with their id are paired by
    // similarity only when no exact rename is left to find.
    for _ in 0..4 {
        let mut found = false;
        for kind in DefKind::ALL {
            pools.match_keys();
            found |= pools.detect_renames(kind);
        }
        if !found {
            for kind in DefKind::ALL {
                pools.match_keys();
                found |= pools.detect_similar(kind);
            }
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

    let by_id: HashMap<(DefKind, &str), &Entity> = pools
        .new
        .iter()
        .filter(|e| e.named)
        .map(|e| ((e.kind, e.id.as_str()), e))
        .collect();
    // How the new version names a persona, a phase …
    let name_in_new = |kind: DefKind, id: &str| match by_id.get(&(kind, id)) {
        Some(e) => e.name(),
        None => Name {
            kind,
            id: id.to_string(),
            named: true,
            title: None,
        },
    };

    // References name entities of the new version, or (a reference that
    // was removed) of the old one.
    let old_by_id: HashMap<(DefKind, &str), &Entity> = pools
        .old
        .iter()
        .filter(|e| e.named)
        .map(|e| ((e.kind, e.id.as_str()), e))
        .collect();
    let name_of = |kind: DefKind, id: &str| match old_by_id.get(&(kind, id)) {
        Some(e) if !by_id.contains_key(&(kind, id)) => e.name(),
        _ => name_in_new(kind, id),
    };

    let push = |changes: &mut Vec<Change>, e: &Entity, detail: Detail, side: u8| {
        changes.push(Change {
            kind: e.kind,
            id: e.id.clone(),
            named: e.named,
            title: e.title.clone(),
            context: e.context.clone(),
            refs: referenced(&detail, &name_of),
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
                let renamed = o.named && e.named && o.id != e.id;
                if renamed {
                    let from_title = o.title.clone();
                    let from = o.id.clone();
                    push(&mut changes, e, Detail::Renamed { from, from_title }, 0);
                }
                for d in field_changes(o, &old_mapped[i], e) {
                    // The rename line names the old and the new title.
                    let title = matches!(
                        d,
                        Detail::Field {
                            name: "title" | "name",
                            ..
                        }
                    );
                    if !(renamed && title && e.named) {
                        push(&mut changes, e, d, 0);
                    }
                }
                for d in score_changes(&old_mapped[i].scores, &e.scores, &name_in_new) {
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
            title: name_in_new(DefKind::Persona, &persona).title,
            id: persona.clone(),
            named: true,
            context: Vec::new(),
            refs: Vec::new(),
            detail: Detail::Served {
                phase_title: name_in_new(DefKind::Phase, &phase).title,
                phase,
                served,
            },
            order: (DefKind::ALL.len(), 0, 0),
        });
    }

    changes.sort_by_key(|c| c.order);
    Diff {
        changes,
        findings: Findings::default(),
    }
}

/// The names of the entities that the values of `detail` refer to.
fn referenced(detail: &Detail, name_of: &dyn Fn(DefKind, &str) -> Name) -> Vec<Name> {
    let Detail::Field { old, new, .. } = detail else {
        return Vec::new();
    };
    let mut out: Vec<Name> = Vec::new();
    for v in [old, new].into_iter().flatten() {
        for a in v.atoms() {
            if let Atom::Ref(kind, id) = a {
                if !out.iter().any(|n| n.kind == *kind && n.id == *id) {
                    out.push(name_of(*kind, id));
                }
            }
        }
    }
    out
}

/// The scores that differ, matched by measure and persona (`old` with
/// renames applied), in the new version's order, then those only the old
/// one has.
fn score_changes(
    old: &[Score],
    new: &[Score],
    name_of: &dyn Fn(DefKind, &str) -> Name,
) -> Vec<Detail> {
    let same = |a: &Score, b: &Score| a.measure == b.measure && a.persona == b.persona;
    let detail = |s: &Score, old: Option<&Score>, new: Option<&Score>| Detail::Score {
        measure: s.measure,
        persona: match &s.persona {
            Some(Atom::Ref(k, id)) => Some(name_of(*k, id)),
            Some(a) => Some(Name {
                kind: DefKind::Persona,
                id: a.plain(),
                named: true,
                title: None,
            }),
            None => None,
        },
        old: old.map(|s| s.value),
        new: new.map(|s| s.value),
        unit: new.or(old).and_then(|s| s.unit.clone()),
    };
    let mut out = Vec::new();
    for n in new {
        match old.iter().find(|o| same(o, n)) {
            Some(o) if o.value == n.value && o.unit == n.unit => {}
            o => out.push(detail(n, o, Some(n))),
        }
    }
    for o in old {
        if !new.iter().any(|n| same(o, n)) {
            out.push(detail(o, Some(o), None));
        }
    }
    out
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
            let old = old_value(f.name);
            out.push(Detail::Field {
                name: f.name,
                label: f.label,
                claims: claim_changes(f.name, old.as_ref(), Some(&f.value)),
                old,
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
                claims: Vec::new(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render;

    fn lines(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn similarity_is_the_share_of_common_attributes() {
        let a = lines(&["role x", "channels web", "channels email", "evidence 3"]);
        let b = lines(&["role x", "channels web", "channels email", "evidence 4"]);
        assert_eq!(similarity(&a, &b), 0.75);
        assert!(similarity(&a, &b) >= RENAME_SIMILARITY);
        let c = lines(&["role y", "channels phone"]);
        assert_eq!(similarity(&a, &c), 0.0);
        assert_eq!(similarity(&[], &[]), 0.0);
    }

    /// Per-persona scores and costs, once the snapshot reads them, are
    /// compared and summed up like any score: here they are added to the
    /// snapshot by hand.
    #[test]
    fn per_persona_scores_and_costs_are_compared_generically() {
        let src = "persona anna \"Anna\" {\n  role \"Buys\"\n}\nphase p \"P\" {\n  touchpoint t \"Checkout\" {\n    channel web\n    serves anna\n  }\n}\n";
        let snapshot = |experience: f64, cost: f64| {
            let ws = crate::workspace_of(&[("a.journey", src)]);
            let mut s = Snapshot::of_model(&ws.model());
            let t = s
                .entities
                .iter_mut()
                .find(|e| e.kind == DefKind::Touchpoint)
                .unwrap();
            t.scores = vec![
                Score {
                    measure: "experience",
                    persona: Some(Atom::Ref(DefKind::Persona, "anna".into())),
                    value: experience,
                    unit: None,
                },
                Score {
                    measure: "cost",
                    persona: None,
                    value: cost,
                    unit: Some("EUR".into()),
                },
            ];
            s
        };
        let d = diff(&snapshot(2.0, 12000.0), &snapshot(4.0, 9000.0));
        let messages: Vec<String> = d.changes.iter().map(render::message).collect();
        assert_eq!(
            messages,
            [
                "experience of persona \"Anna\" [anna] at \"Checkout\" [t]: 2 → 4",
                "cost at \"Checkout\" [t]: 12000 EUR → 9000 EUR",
            ]
        );
        let text = render::human(&d, false);
        assert!(
            text.contains("\nscores for all personas: cost 1 down (net −3000 EUR)\nscores of persona \"Anna\" [anna]: experience 1 up (net +2)\n"),
            "{text}"
        );
    }
}
