//! Writing the imported files: all or nothing (a `journey_write`
//! transaction), never over an existing file unless asked to.

use crate::OutFile;
use journey_write::{ErrorKind, Mode, TxError};
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

/// The targets of `files` in `dir` that exist already (before [`write`],
/// for [`not_written`]).
pub fn existing(dir: &Path, files: &[OutFile]) -> Vec<PathBuf> {
    files
        .iter()
        .map(|f| dir.join(&f.name))
        .filter(|p| p.symlink_metadata().is_ok())
        .collect()
}

/// What to say when the files were not written: each problem, then
/// whether anything changed (`existed`: the targets that existed before),
/// one message per line.
pub fn not_written(e: &WriteError, existed: &[PathBuf]) -> Vec<String> {
    let shown = |p: &Path| format!("`{}`", journey_analysis::load::display_path(p));
    let mut out: Vec<String> = e
        .problems
        .iter()
        .map(|p| match p.kind {
            ErrorKind::Exists => format!(
                "{} exists already; use --force to overwrite",
                shown(&p.path)
            ),
            ErrorKind::Folder | ErrorKind::NotRegular(_) => {
                format!("{p}; move it away or choose another folder with -o")
            }
            ErrorKind::ReadOnly => {
                format!("{p}; make it writable (`chmod u+w`) or choose another folder with -o")
            }
            _ => p.to_string(),
        })
        .collect();
    if !e.nothing_changed() {
        // Rare: a failure after some files were replaced, and putting
        // them back failed too. The error says which and where.
        out.push(e.to_string());
        return out;
    }
    let unchanged: Vec<String> = existed
        .iter()
        .filter(|p| !e.problems.iter().any(|q| &q.path == *p))
        .map(|p| shown(p))
        .collect();
    out.push(match unchanged.len() {
        0 => "nothing was written".to_string(),
        1 => format!("nothing was written; {} is unchanged", unchanged[0]),
        _ => format!(
            "nothing was written; {} are unchanged",
            unchanged.join(", ")
        ),
    });
    out
}
