//! The two versions `journeyc diff` compares: two paths on disk, a git
//! revision and the working tree, or two revisions (`OLD..NEW`).

use crate::source::{self, SourceError};
use journey_analysis::load::{self, LoadError};
use journey_analysis::{Config, Workspace};
use journey_diagnostics::Diagnostic;
use std::path::{Path, PathBuf};

/// Two versions and how they are named.
pub struct Versions {
    pub old: Workspace,
    pub new: Workspace,
    pub old_label: String,
    pub new_label: String,
}

/// Called with each special file (named pipe, socket, device) left out
/// of a version, when it is met.
pub type OnSkipped<'a> = &'a mut dyn FnMut(&LoadError);

/// [`source::from_paths`], reporting each special file left out.
fn from_paths(paths: &[PathBuf], on_skipped: OnSkipped) -> Result<Workspace, SourceError> {
    let (ws, skipped) = source::from_paths(paths)?;
    skipped.iter().for_each(on_skipped);
    Ok(ws)
}

/// OLD and NEW, two files or folders.
pub fn from_two_paths(paths: &[PathBuf], on_skipped: OnSkipped) -> Result<Versions, SourceError> {
    let [old, new] = paths else {
        return Err(SourceError(format!(
            "expected two paths, OLD and NEW (got {}); use --git REV to compare with a git revision",
            paths.len()
        )));
    };
    Ok(Versions {
        old: from_paths(std::slice::from_ref(old), on_skipped)?,
        new: from_paths(std::slice::from_ref(new), on_skipped)?,
        old_label: old.display().to_string(),
        new_label: new.display().to_string(),
    })
}

/// `paths` (default: the workspace of the journey.toml above the current
/// folder, as `journeyc check` reads it, else the current folder) at git
/// revision `rev` against the working tree; `OLD..NEW` compares two
/// revisions.
pub fn from_git(
    rev: &str,
    paths: &[PathBuf],
    on_skipped: OnSkipped,
) -> Result<Versions, SourceError> {
    let cwd = std::env::current_dir()
        .map_err(|e| SourceError(format!("cannot read the current folder: {e}")))?;
    let config = paths
        .is_empty()
        .then(|| Config::discover(&cwd))
        .filter(|c| c.path.is_some());
    let at = |rev: &str| match config.as_ref().and_then(|c| c.path.as_deref()) {
        Some(toml) => source::from_git_workspace(rev, toml, &cwd),
        None => source::from_git(rev, paths, &cwd),
    };
    let versions = |old, new, old_label: &str, new_label: &str| Versions {
        old,
        new,
        old_label: old_label.to_string(),
        new_label: new_label.to_string(),
    };
    if let Some((a, b)) = rev.split_once("..") {
        if a.is_empty() || b.is_empty() || b.starts_with('.') {
            return Err(SourceError(format!(
                "`{rev}`: write two revisions as OLD..NEW (both named)"
            )));
        }
        return Ok(versions(at(a)?, at(b)?, a, b));
    }
    let old = at(rev)?;
    let new = match config {
        Some(config) => working_tree_workspace(config, on_skipped)?,
        None => working_tree_paths(rev, paths, old.is_empty(), on_skipped)?,
    };
    Ok(versions(old, new, rev, "working tree"))
}

/// The workspace of `config` as it is on disk.
fn working_tree_workspace(config: Config, on_skipped: OnSkipped) -> Result<Workspace, SourceError> {
    let loaded = load::load_workspace(&[], config, &|p: &Path| load::display_path(p));
    if let Some(e) = loaded.errors.first() {
        return Err(SourceError(e.to_string()));
    }
    loaded.skipped.iter().for_each(on_skipped);
    Ok(loaded.workspace)
}

/// `paths` as they are on disk. A path that no longer exists: its files
/// were removed, which the diff reports (unless it did not exist at `rev`
/// either, `old_is_empty`).
fn working_tree_paths(
    rev: &str,
    paths: &[PathBuf],
    old_is_empty: bool,
    on_skipped: OnSkipped,
) -> Result<Workspace, SourceError> {
    let paths: Vec<PathBuf> = if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths.to_vec()
    };
    let (existing, gone): (Vec<PathBuf>, Vec<PathBuf>) =
        paths.into_iter().partition(|p| p.exists());
    if !gone.is_empty() && old_is_empty {
        return Err(SourceError(format!(
            "`{}` exists neither in the working tree nor at {rev}",
            gone[0].display()
        )));
    }
    if existing.is_empty() {
        return Ok(Workspace::new());
    }
    from_paths(&existing, on_skipped)
}

/// Why the version `label` with the [`source::unreadable`] `problems` is
/// not compared, of which the first `shown` were shown in full.
pub fn refusal(label: &str, problems: &[Diagnostic], shown: usize) -> String {
    let mut files: Vec<u32> = problems.iter().map(|d| d.file().0).collect();
    files.sort_unstable();
    files.dedup();
    let more = if problems.len() > shown {
        format!(" ({} more not shown)", problems.len() - shown)
    } else {
        String::new()
    };
    let refused = journey_analysis::checks::import_outside_workspace::CODE.code;
    let what = if problems.iter().all(|d| d.code == refused) {
        "imports that may not be read (outside the workspace, or not .journey files)"
    } else if problems.iter().any(|d| d.code == refused) {
        "syntax errors and imports that may not be read"
    } else {
        "syntax errors"
    };
    let files = if files.len() == 1 {
        "1 file".to_string()
    } else {
        format!("{} files", files.len())
    };
    format!("{label} has {what} in {files}{more}; fix them, or name the paths to compare")
}
