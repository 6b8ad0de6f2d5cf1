//! The incremental analysis: after an edit, only what the edit can change
//! is analysed again.
//!
//! A hand-written memo, in three layers:
//!
//! 1. **File summaries** ([`summary::FileSummary`]), kept per file while
//!    its parse stays the same: the names it defines and uses, its
//!    promises, its imports, how many definitions of each kind.
//! 2. **Parts**: files that share a name, or import one another, can
//!    change each other's findings; files that share nothing cannot —
//!    except through the few facts about the whole workspace that some
//!    rules read ([`whole::Whole`]). The files are split into the
//!    connected parts of "shares a name with / imports", and each part is
//!    analysed on its own by the same pipeline as the whole workspace
//!    ([`crate::analysis`]), on a model of just its files.
//! 3. **Findings per part**, kept while the part's files (their parses),
//!    the resolution of their imports, the settings and the facts about
//!    the whole that the part read stay the same.
//!
//! An edit inside one file thus re-reads that file's summary, joins the
//! summaries (names and counts: cheap), and analyses the part the file
//! belongs to; every other part's findings are reused. The result is
//! exactly that of [`crate::analysis::analyse`] over the whole workspace
//! (the equality is tested on random edit sequences).
//!
//! Why not salsa: the dependencies here are few and known — a file's
//! content, the name table, a handful of counts — and the pipeline
//! already works on whole parts, so a memo keyed by them is a page of
//! code, keeps the rules as they are (plain functions over a model) and
//! adds no dependency. Salsa would pay off once queries are fine-grained
//! (per definition, per rule); that would mean rewriting every rule as a
//! query.

mod parts;
pub(crate) mod summary;
pub mod whole;

use crate::{analysis, FileData, Workspace};
use journey_diagnostics::{Diagnostic, FileId};
use journey_syntax::Parse;
use parts::{PartKey, Parts};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::sync::Arc;
use summary::FileSummary;
use whole::{Part, Whole};

/// What the incremental analysis keeps from one run to the next.
#[derive(Default)]
pub(crate) struct Memo {
    files: FxHashMap<FileId, Arc<FileSummary>>,
    parts: FxHashMap<PartKey, Found>,
    /// How many parts were analysed since the start.
    analysed: usize,
}

/// How much the incremental analysis keeps and how much it redid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    /// Files summarised.
    pub files: usize,
    /// Parts (groups of files analysed together) whose findings are kept.
    pub parts: usize,
    /// Parts analysed since the start, all runs together.
    pub analysed: usize,
}

impl std::fmt::Debug for Memo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Memo")
            .field("files", &self.files.len())
            .field("parts", &self.parts.len())
            .finish()
    }
}

/// The findings of one part, with what they were computed from beyond
/// the key.
struct Found {
    /// The parses of the part's files: holding them keeps the identities
    /// in the key from being reused by other parses.
    _parses: Vec<Arc<Parse>>,
    diagnostics: Arc<[Diagnostic]>,
    /// The fingerprint of the whole's names, when the part read them.
    names: Option<u64>,
    /// Suggestion work done.
    spent: usize,
}

impl Memo {
    pub(crate) fn stats(&self) -> Stats {
        Stats {
            files: self.files.len(),
            parts: self.parts.len(),
            analysed: self.analysed,
        }
    }

    /// Every finding of `ws`, as [`crate::analysis::analyse`] gives them.
    pub(crate) fn diagnostics(&mut self, ws: &Workspace) -> Vec<Diagnostic> {
        let files: Vec<(FileId, &FileData)> = ws.files().collect();
        self.refresh_summaries(ws, &files);
        let summaries: Vec<&FileSummary> = files.iter().map(|(id, _)| &*self.files[id]).collect();
        let whole = Whole::join(summaries.iter().copied());
        let parts = Parts::split(ws, &files, &summaries, &whole);

        let keys: Vec<PartKey> = parts
            .iter()
            .map(|p| parts.key(ws, p, &files, &whole))
            .collect();
        let stale: Vec<usize> = (0..keys.len())
            .filter(|&i| match self.parts.get(&keys[i]) {
                Some(found) => found.names.is_some_and(|n| n != whole.names_fingerprint),
                None => true,
            })
            .collect();
        let fresh: Vec<(usize, Found)> = stale
            .par_iter()
            .map(|&i| {
                let in_part: Vec<(FileId, &FileData)> = parts.files(i).map(|f| files[f]).collect();
                (i, analyse_part(ws, &in_part, &whole))
            })
            .collect();
        self.analysed += fresh.len();
        if !fresh.is_empty() {
            if let Some(texts) = ws.text_cache() {
                texts.sweep();
            }
        }
        // Keep exactly the parts of this workspace: the memo never holds
        // more than one set of findings per part.
        let mut old = std::mem::take(&mut self.parts);
        let mut fresh: FxHashMap<usize, Found> = fresh.into_iter().collect();
        let mut found = Vec::new();
        let mut spent = 0usize;
        for (i, key) in keys.into_iter().enumerate() {
            let entry = match fresh.remove(&i) {
                Some(f) => f,
                None => old
                    .remove(&key)
                    .expect("a part that is not stale is memoised"),
            };
            spent = spent.saturating_add(entry.spent);
            found.extend(entry.diagnostics.iter().cloned());
            self.parts.insert(key, entry);
        }
        if spent >= crate::checks::SUGGEST_BUDGET {
            // The whole workspace's suggestions might run out of their
            // budget where the parts' did not: only a whole analysis gives
            // the same suggestions.
            return analysis::analyse(ws, Arc::new(crate::Model::build(ws))).diagnostics;
        }
        found.extend(analysis::config_findings(ws, &whole));
        analysis::finish(found)
    }

    /// Re-reads the summaries of files whose parse changed, in parallel,
    /// and forgets the files that are gone.
    fn refresh_summaries(&mut self, ws: &Workspace, files: &[(FileId, &FileData)]) {
        let read: Vec<(FileId, FileSummary)> = files
            .par_iter()
            .filter(|(id, data)| !self.files.get(id).is_some_and(|s| s.describes(data)))
            .map(|(id, data)| (*id, FileSummary::read(ws, *id, data)))
            .collect();
        for (id, s) in read {
            self.files.insert(id, Arc::new(s));
        }
        if self.files.len() > files.len() {
            let present: rustc_hash::FxHashSet<FileId> = files.iter().map(|(id, _)| *id).collect();
            self.files.retain(|id, _| present.contains(id));
        }
    }
}

/// Analyses the files of one part as a workspace of their own that knows
/// `whole`.
fn analyse_part(ws: &Workspace, in_part: &[(FileId, &FileData)], whole: &Whole) -> Found {
    let part = Part::new(whole);
    let parses = in_part.iter().map(|(_, d)| d.parse.clone()).collect();
    let diagnostics = analysis::part_findings(ws, in_part, Some(&part));
    Found {
        _parses: parses,
        diagnostics: diagnostics.into(),
        names: part.read_names().then_some(whole.names_fingerprint),
        spent: part.spent.load(std::sync::atomic::Ordering::Relaxed),
    }
}
