//! What a part of the workspace knows about the whole of it.
//!
//! Most rules judge a definition by what it names and what names it, and
//! the files that share a name are analysed together (see
//! the `parts` module). A few rules read something of the whole workspace
//! instead: the names of a kind (for "did you mean …?"), the promises
//! made anywhere, whether there are any touchpoints or goals at all, the
//! channels touchpoints declare. When only a part is analysed they read
//! these from a [`Whole`], joined from every file's summary, through a
//! [`Part`] that records what was read — so that the part's findings are
//! reused only while what it read stays the same.

use super::summary::{kind_index, FileSummary};
use crate::model::{DefKind, Model};
use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// The facts about the whole workspace that rules read beyond the part
/// they analyse.
#[derive(Debug, Default)]
pub struct Whole {
    /// Per kind (of the kinds with unique ids): every id, sorted, once.
    names: FxHashMap<DefKind, Vec<Box<str>>>,
    /// Every promise id, sorted, once.
    promises: Vec<Box<str>>,
    counts: [usize; DefKind::ALL.len()],
    channels: FxHashSet<Box<str>>,
    /// A fingerprint of `names` and `promises`.
    pub(crate) names_fingerprint: u64,
    /// A fingerprint of what every part reads: whether there are none,
    /// one or many definitions of each kind, and the declared channels.
    pub(crate) shape: u64,
}

impl Whole {
    pub(crate) fn join<'a>(summaries: impl Iterator<Item = &'a FileSummary>) -> Whole {
        let mut whole = Whole::default();
        let mut channels = Vec::new();
        for s in summaries {
            for (kind, name) in &s.defs {
                whole.names.entry(*kind).or_default().push(name.clone());
            }
            whole.promises.extend(s.promises.iter().cloned());
            for (total, n) in whole.counts.iter_mut().zip(s.counts) {
                *total += n;
            }
            channels.extend(s.channels.iter().cloned());
        }
        let mut h = FxHasher::default();
        let mut kinds: Vec<_> = whole.names.iter_mut().collect();
        kinds.sort_by_key(|(k, _)| **k);
        for (kind, names) in kinds {
            names.sort_unstable();
            names.dedup();
            (kind, &names).hash(&mut h);
        }
        whole.promises.sort_unstable();
        whole.promises.dedup();
        whole.promises.hash(&mut h);
        whole.names_fingerprint = h.finish();
        channels.sort_unstable();
        channels.dedup();
        let mut h = FxHasher::default();
        whole.counts.map(|n| n.min(2)).hash(&mut h);
        channels.hash(&mut h);
        whole.shape = h.finish();
        whole.channels = channels.into_iter().collect();
        whole
    }

    /// How many definitions of `kind` the workspace has.
    pub fn count(&self, kind: DefKind) -> usize {
        self.counts[kind_index(kind)]
    }
}

/// What rules ask about names, of a model or of a whole workspace.
pub trait NameTable {
    /// Whether something of `kind` is named `name`.
    fn is_defined(&self, kind: DefKind, name: &str) -> bool;
    /// The ids of `kind`, sorted.
    fn names_of_kind(&self, kind: DefKind) -> Vec<&str>;
}

impl NameTable for Model {
    fn is_defined(&self, kind: DefKind, name: &str) -> bool {
        self.lookup(kind, name).is_some()
    }

    fn names_of_kind(&self, kind: DefKind) -> Vec<&str> {
        Model::names_of_kind(self, kind)
    }
}

impl NameTable for Whole {
    fn is_defined(&self, kind: DefKind, name: &str) -> bool {
        self.names
            .get(&kind)
            .is_some_and(|v| v.binary_search_by(|n| (**n).cmp(name)).is_ok())
    }

    fn names_of_kind(&self, kind: DefKind) -> Vec<&str> {
        self.names
            .get(&kind)
            .map(|v| v.iter().map(|n| &**n).collect())
            .unwrap_or_default()
    }
}

/// One part's window on the [`Whole`], recording what the part read.
#[derive(Debug)]
pub struct Part<'a> {
    pub(crate) whole: &'a Whole,
    read_names: AtomicBool,
    /// Suggestion work done (see [`crate::checks::Suggester`]).
    pub(crate) spent: AtomicUsize,
}

impl<'a> Part<'a> {
    pub(crate) fn new(whole: &'a Whole) -> Self {
        Part {
            whole,
            read_names: AtomicBool::new(false),
            spent: AtomicUsize::new(0),
        }
    }

    /// The ids of `kind` in the whole workspace.
    pub(crate) fn names_of_kind(&self, kind: DefKind) -> Vec<&'a str> {
        self.read_names.store(true, Ordering::Relaxed);
        self.whole.names_of_kind(kind)
    }

    /// Every promise id of the whole workspace, sorted.
    pub(crate) fn promises(&self) -> Vec<&'a str> {
        self.read_names.store(true, Ordering::Relaxed);
        self.whole.promises.iter().map(|p| &**p).collect()
    }

    /// The channels of one's own declared anywhere.
    pub(crate) fn channels(&self) -> FxHashSet<&'a str> {
        self.whole.channels.iter().map(|c| &**c).collect()
    }

    /// Whether the part read the names or promises of the whole.
    pub(crate) fn read_names(&self) -> bool {
        self.read_names.load(Ordering::Relaxed)
    }
}
