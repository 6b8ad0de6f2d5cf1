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
//! - [`checks`] holds one module per semantic check, [`config`] reads
//!   `journey.toml`, [`load`] finds and reads files on disk, [`format`]
//!   formats files as their journey.toml asks, [`report`] reads a workspace
//!   as `journeyc check` does.

pub mod analysis;
pub mod checks;
pub mod config;
pub mod confine;
pub mod explain;
pub mod format;
pub mod lints;
pub mod load;
pub mod model;
pub mod report;
mod workspace;

pub use analysis::Analysis;
pub use config::Config;
pub use model::Model;
pub use workspace::{FileData, FileKind, Workspace};

use journey_diagnostics::{CodeInfo, Diagnostic};

/// The codes of the messaging lints (J05xx, `src/lints/`). They take part
/// in levels, `allow`, `journeyc explain` and SARIF rule lists like every
/// check; the lints module lists them here.
fn lint_codes() -> &'static [CodeInfo] {
    lints::CODES
}

/// Runs the messaging lints (J05xx) over the model; the lints module hooks
/// in here. Their findings go through suppressions and levels like the
/// checks'.
fn run_lints(cx: &checks::Context<'_>, out: &mut Vec<Diagnostic>) {
    lints::run(cx, out)
}

/// Every diagnostic code journeyc can report — syntax, checks, messaging
/// lints, configuration — in code order, for `journeyc explain`, SARIF
/// rule lists and level resolution.
pub fn all_codes() -> Vec<&'static CodeInfo> {
    let mut v: Vec<&'static CodeInfo> = journey_syntax::codes::ALL
        .iter()
        .chain(checks::registry::CHECKS.iter().map(|c| c.code))
        .chain(lint_codes())
        .chain(config::CODES)
        .chain(checks::suppression::CODES)
        .collect();
    v.sort_by_key(|c| c.code);
    v
}

/// Looks a code up by its code (`J0102`, case-insensitive) or its name
/// (`unterminated-string`).
pub fn find_code(query: &str) -> Option<&'static CodeInfo> {
    all_codes()
        .into_iter()
        .find(|c| c.code.eq_ignore_ascii_case(query) || c.name == query)
}
