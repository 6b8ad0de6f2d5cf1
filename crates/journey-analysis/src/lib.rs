//! The analysis layer: a workspace of `.journey` files and everything known
//! about them.
//!
//! It knows nothing of editor protocols or terminals. The command line and
//! the language server both ask it the same questions, so they never
//! disagree about a file.

pub mod load;
mod workspace;

pub use workspace::{FileData, Workspace};

use journey_diagnostics::CodeInfo;

/// Every diagnostic code journeyc can report, for `journeyc explain` and
/// SARIF rule lists.
pub fn all_codes() -> Vec<&'static CodeInfo> {
    journey_syntax::codes::ALL.iter().collect()
}

/// Looks a code up by its code (`J0102`, case-insensitive) or its name
/// (`unterminated-string`).
pub fn find_code(query: &str) -> Option<&'static CodeInfo> {
    all_codes()
        .into_iter()
        .find(|c| c.code.eq_ignore_ascii_case(query) || c.name == query)
}
