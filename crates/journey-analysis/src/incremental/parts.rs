//! Splitting a workspace into parts that can be analysed on their own.
//!
//! Two files belong to one part when a finding in one may depend on the
//! other: they share a name (one defines what the other uses, both define
//! it, both use it), or one imports the other. Beyond that, three rules
//! need files together that share no name:
//!
//! - the phases no journey lists form one scope for the messaging lints,
//!   so every file that may hold such a phase joins one part;
//! - with a single journey (persona) in the workspace, findings in every
//!   file offer a fix that names it, so the workspace is one part.

use super::summary::FileSummary;
use super::whole::Whole;
use crate::confine::Refusal;
use crate::model::DefKind;
use crate::{FileData, Workspace};
use journey_diagnostics::FileId;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::hash_map::Entry;
use std::sync::Arc;

/// How an import of a file resolves: the file it reads, or why it may not.
type Resolution = (Option<FileId>, Option<Refusal>);

/// The parts of a workspace: indexes into its list of files.
pub(crate) struct Parts {
    /// Each part's files, ascending (file id order).
    members: Vec<Vec<usize>>,
    /// Per file: how each of its imports resolves.
    imports: Vec<Vec<Resolution>>,
}

/// Everything a part's findings are computed from, besides the names of
/// the whole (see [`super::Found::names`]).
#[derive(Debug, Hash, PartialEq, Eq)]
pub(crate) struct PartKey {
    /// Each file with the identity of its parse.
    files: Vec<(FileId, usize)>,
    imports: Vec<Resolution>,
    settings: u64,
    paths: u64,
    shape: u64,
}

impl Parts {
    pub(crate) fn split(
        ws: &Workspace,
        files: &[(FileId, &FileData)],
        summaries: &[&FileSummary],
        whole: &Whole,
    ) -> Parts {
        let mut sets = UnionFind::new(files.len());
        let index: FxHashMap<FileId, usize> = files
            .iter()
            .enumerate()
            .map(|(i, (id, _))| (*id, i))
            .collect();
        let mut first: FxHashMap<&str, usize> = FxHashMap::default();
        for (i, s) in summaries.iter().enumerate() {
            for name in &s.names {
                match first.entry(name) {
                    Entry::Occupied(e) => sets.union(i, *e.get()),
                    Entry::Vacant(e) => {
                        e.insert(i);
                    }
                }
            }
        }
        let imports: Vec<Vec<Resolution>> = summaries
            .iter()
            .map(|s| s.imports.iter().map(|p| resolve(ws, p)).collect())
            .collect();
        for (i, resolved) in imports.iter().enumerate() {
            for target in resolved.iter().filter_map(|(t, _)| *t) {
                if let Some(&j) = index.get(&target) {
                    sets.union(i, j);
                }
            }
        }
        for group in [orphan_holders(summaries), single_holders(files, whole)] {
            for pair in group.windows(2) {
                sets.union(pair[0], pair[1]);
            }
        }
        let mut by_root: FxHashMap<usize, usize> = FxHashMap::default();
        let mut members: Vec<Vec<usize>> = Vec::new();
        for i in 0..files.len() {
            let root = sets.find(i);
            let part = *by_root.entry(root).or_insert_with(|| {
                members.push(Vec::new());
                members.len() - 1
            });
            members[part].push(i);
        }
        Parts { members, imports }
    }

    /// The parts, by number.
    pub(crate) fn iter(&self) -> impl Iterator<Item = usize> {
        0..self.members.len()
    }

    /// The files of part `i` (indexes into the workspace's file list).
    pub(crate) fn files(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.members[i].iter().copied()
    }

    pub(crate) fn key(
        &self,
        ws: &Workspace,
        i: usize,
        files: &[(FileId, &FileData)],
        whole: &Whole,
    ) -> PartKey {
        let members = &self.members[i];
        PartKey {
            files: members
                .iter()
                .map(|&f| (files[f].0, Arc::as_ptr(&files[f].1.parse) as usize))
                .collect(),
            imports: members
                .iter()
                .flat_map(|&f| self.imports[f].iter().copied())
                .collect(),
            settings: ws.settings_generation(),
            paths: ws.paths_generation(),
            shape: whole.shape,
        }
    }
}

/// How the workspace resolves an import of `target`, as the model does.
fn resolve(ws: &Workspace, target: &std::path::Path) -> Resolution {
    match ws.import_refusal(target) {
        Some(why) => (None, Some(why)),
        None => (ws.resolve_path(target), None),
    }
}

/// The files that may hold a phase no journey lists: a phase whose id no
/// journey names, or one defined twice (only the first is listed).
fn orphan_holders(summaries: &[&FileSummary]) -> Vec<usize> {
    let listed: FxHashSet<&str> = summaries
        .iter()
        .flat_map(|s| s.listed.iter().map(|n| &**n))
        .collect();
    let mut defined: FxHashMap<&str, usize> = FxHashMap::default();
    for s in summaries {
        for p in &s.phases {
            *defined.entry(p).or_default() += 1;
        }
    }
    summaries
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            s.phases
                .iter()
                .any(|p| !listed.contains(&**p) || defined[&**p] > 1)
        })
        .map(|(i, _)| i)
        .collect()
}

/// Every file, when the workspace has a single journey or persona.
fn single_holders(files: &[(FileId, &FileData)], whole: &Whole) -> Vec<usize> {
    if whole.count(DefKind::Journey) == 1 || whole.count(DefKind::Persona) == 1 {
        (0..files.len()).collect()
    } else {
        Vec::new()
    }
}

/// Disjoint sets of file indexes.
struct UnionFind(Vec<usize>);

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind((0..n).collect())
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
}
