//! Semantic diff of two versions of a journey workspace.
//!
//! A text diff of `.journey` files answers "which lines changed"; a
//! reviewer of a journey wants to know what changed in the strategy:
//! which personas, phases, touchpoints, KPIs and goals were added,
//! removed, renamed or changed, with their old and new values, and which
//! persona is no longer served in which phase.
//!
//! - [`Snapshot::of_model`] reduces a workspace's semantic model to its
//!   entities and their normalised fields ([`snapshot`] says what is
//!   normalised: layout, order of definitions and of list items, where a
//!   definition is written, spelled-out defaults);
//! - [`diff()`] matches the entities of two snapshots — by id, and an
//!   entity that is gone whose content reappears under a new id (and
//!   maybe a new title) as a rename — and lists the [`Change`]s, with the
//!   claim values of changed copy ([`claims`]) and score changes;
//! - [`findings`] compares what the checker finds in both versions: the
//!   contradictions and errors a change introduces or resolves;
//! - [`render`] writes them for a terminal, as Markdown for a
//!   pull-request comment, or as JSON, naming everything by its title
//!   with its id in brackets (`persona "Anna" [anna]`);
//! - [`source`] reads a version from disk or from a git revision, and
//!   [`versions`] the two versions `journeyc diff` compares.
//!
//! A formatting-only or reordering-only change gives an empty diff.

pub mod claims;
pub mod diff;
pub mod findings;
pub mod render;
pub mod snapshot;
pub mod source;
pub mod versions;

pub use claims::ClaimChange;
pub use diff::{diff, Change, Detail, Diff, Summary};
pub use findings::{Finding, Findings};
pub use snapshot::{Atom, DefKind, Entity, Name, Score, Snapshot, Value};

use journey_analysis::Workspace;

/// Compares two workspaces: their strategy, and their findings.
pub fn diff_workspaces(old: &Workspace, new: &Workspace) -> Diff {
    let mut d = diff(
        &Snapshot::of_model(&old.model()),
        &Snapshot::of_model(&new.model()),
    );
    d.findings = findings::compare(&old.diagnostics(), &new.diagnostics(), &d.changes);
    d
}

/// Compares two sets of in-memory files, each `(path, text)`; paths are
/// used to resolve imports between the files of one set.
pub fn diff_texts(old: &[(&str, &str)], new: &[(&str, &str)]) -> Diff {
    diff_workspaces(&workspace_of(old), &workspace_of(new))
}

/// A workspace of in-memory files.
pub fn workspace_of(files: &[(&str, &str)]) -> Workspace {
    let mut ws = Workspace::new();
    for (path, text) in files {
        ws.set_file(
            std::path::Path::new("/").join(path),
            path.to_string(),
            text.to_string(),
        );
    }
    ws
}
