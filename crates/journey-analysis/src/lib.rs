//! The analysis layer: a workspace of `.journey` files and everything known
//! about them.
//!
//! It knows nothing of editor protocols or terminals. The command line and
//! the language server both ask it the same questions, so they never
//! disagree about a file:
//!
//! - [`Workspace`] holds the files (set from disk or from editor buffers)
//!   and the [`Config`]; [`Workspace::model`] gives the semantic
//!   [`model::Model`] (definitions, resolved references, reference index,
//!   symbols), [`Workspace::diagnostics`] every finding after levels and
//!   suppressions. Both are cached until a file or the configuration
//!   changes.
//! - [`checks`] holds one module per semantic check, [`lints`] one per
//!   messaging lint, [`rules`] the one list of every code; [`config`]
//!   reads `journey.toml`, [`load`] finds and reads files on disk,
//!   [`format`] formats files as their journey.toml asks, [`report`] reads
//!   a workspace as `journeyc check` does.

pub mod analysis;
pub mod checks;
pub mod config;
pub mod confine;
pub mod explain;
pub mod fix;
pub mod format;
pub mod incremental;
pub mod lints;
pub mod load;
pub mod model;
pub mod report;
pub mod rules;
mod workspace;

pub use analysis::CheckedWorkspace;
pub use config::Config;
pub use model::Model;
pub use workspace::{FileData, FileKind, Workspace};

use journey_diagnostics::CodeInfo;

/// Every diagnostic code journeyc can report — syntax, checks, messaging
/// lints, configuration — in code order, for `journeyc explain`, SARIF
/// rule lists and level resolution.
pub fn all_codes() -> Vec<&'static CodeInfo> {
    rules::all().map(|r| r.code).collect()
}

/// Looks a code up by its code (`J0102`, case-insensitive) or its name
/// (`unterminated-string`).
pub fn find_code(query: &str) -> Option<&'static CodeInfo> {
    rules::find(query).map(|r| r.code)
}
