//! Writing the imported files: all or nothing (a `journey_write`
//! transaction), never over an existing file unless asked to.

use crate::OutFile;
use journey_write::{Mode, TxError};
use std::path::{Path, PathBuf};

/// Why the files were not written; [`TxError::nothing_changed`] tells
/// whether everything is as it was.
pub type WriteError = TxError;

/// Writes `files` into `dir` (created if needed) with
/// [`journey_write::write_all`]. Every target is checked first: without
/// `force` an existing file stops everything, and a folder, special file
/// or read-only file in the way always does, before anything is written.
/// Then each file goes to a temporary file beside its target and all are
/// renamed into place; should that fail, what was written is taken back.
/// New files get ordinary permissions (`0644` under the usual umask),
/// replaced files keep theirs. Returns the paths written.
pub fn write(dir: &Path, files: &[OutFile], force: bool) -> Result<Vec<PathBuf>, WriteError> {
    let mode = if force {
        Mode::Replace
    } else {
        Mode::CreateNew
    };
    let files = files.iter().map(|f| (&f.name, f.text.as_bytes().to_vec()));
    journey_write::write_all(dir, files, mode)
}
