//! A workspace read as `journeyc check`, `lint` and `export` read it —
//! the same files, the same journey.toml, the same levels — and the
//! findings their report covers.

use crate::load::{self, display_path, LoadError, LoadedWorkspace};
use crate::Config;
use journey_diagnostics::render::Summary;
use journey_diagnostics::{Diagnostic, FileId, Level, Severity};
use std::path::{Path, PathBuf};

/// Which journey.toml applies.
#[derive(Debug, Clone)]
pub enum ConfigChoice {
    /// The one above the first path (or the current folder).
    Discover,
    /// This file.
    File(PathBuf),
    /// None: the defaults.
    Ignore,
}

/// What to read.
#[derive(Debug, Clone)]
pub struct Request {
    /// Files or folders; empty: the whole workspace of the journey.toml,
    /// or the current folder.
    pub paths: Vec<PathBuf>,
    pub config: ConfigChoice,
    /// Levels that win over journey.toml's, in order (a later one wins).
    pub levels: Vec<(String, Level)>,
}

/// A workspace read as asked, and its findings.
pub struct Checked {
    pub loaded: LoadedWorkspace,
    /// The findings after levels: all of them in the files named and the
    /// files those import (transitively), and the errors of every other
    /// file read (see [`LoadedWorkspace::reports`]).
    pub diagnostics: Vec<Diagnostic>,
    /// How many files the report covers: the files checked (named and
    /// imported) and the other files with errors.
    pub files: usize,
    /// Of `files`, those checked because a named file imports them.
    pub imported: usize,
    /// Of `files`, the others with errors.
    pub elsewhere: usize,
}

impl Checked {
    /// The counts for the closing line and the JSON summary.
    pub fn summary(&self) -> Summary {
        Summary::new(&self.diagnostics, self.files).with_files(self.imported, self.elsewhere)
    }

    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// The files with errors, as shown, each with how it was read:
    /// "`b.journey` (imported)".
    pub fn files_with_errors(&self) -> Vec<String> {
        let ws = &self.loaded.workspace;
        let scope = self.loaded.scope();
        let mut files: Vec<FileId> = self
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.file())
            .collect();
        files.sort();
        files.dedup();
        files
            .into_iter()
            .filter_map(|f| {
                let shown = format!("`{}`", ws.file(f)?.display);
                let how = if Some(f) == ws.config_file() || scope.named.contains(&f) {
                    ""
                } else if scope.checked.contains(&f) {
                    " (imported)"
                } else {
                    " (elsewhere in the workspace)"
                };
                Some(format!("{shown}{how}"))
            })
            .collect()
    }
}

/// The configuration `request` asks for, with its levels applied.
fn config(request: &Request, cwd: &Path) -> Result<Config, String> {
    let mut config = match &request.config {
        ConfigChoice::Ignore => Config::empty(cwd.to_path_buf()),
        ConfigChoice::File(path) => {
            match path.metadata() {
                Ok(m) if m.is_file() => {}
                Ok(m) => {
                    return Err(format!(
                        "cannot read `{}`: {}, not a regular file",
                        path.display(),
                        load::file_kind(&m.file_type())
                    ))
                }
                Err(_) => return Err(format!("cannot read `{}`: no such file", path.display())),
            }
            Config::load(path)
        }
        ConfigChoice::Discover => {
            Config::discover(request.paths.first().map_or(cwd, PathBuf::as_path))
        }
    };
    for (name, level) in &request.levels {
        config.set_level(name, *level)?;
    }
    Ok(config)
}

/// Reads and analyses the workspace `request` names. Each special file
/// left out is passed to `on_skipped`; usage and I/O problems come back
/// as messages.
pub fn check(
    request: &Request,
    on_skipped: &mut dyn FnMut(&LoadError),
) -> Result<Checked, Vec<String>> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let config = config(request, &cwd).map_err(|e| vec![e])?;
    let paths = if request.paths.is_empty() && config.path.is_none() {
        vec![PathBuf::from(".")]
    } else {
        request.paths.clone()
    };
    let shown_paths = if paths.is_empty() {
        vec![config.root.clone()]
    } else {
        paths.clone()
    };
    let loaded = load::load_workspace(&paths, config, &|p: &Path| display_path(p));
    loaded.skipped.iter().for_each(on_skipped);
    if !loaded.errors.is_empty() {
        return Err(loaded.errors.iter().map(ToString::to_string).collect());
    }
    if loaded.workspace.is_empty() {
        let shown: Vec<String> = shown_paths
            .iter()
            .map(|p| format!("`{}`", p.display()))
            .collect();
        return Err(vec![format!(
            "no .journey files found in {}",
            shown.join(", ")
        )]);
    }
    Ok(findings(loaded))
}

/// The findings of a workspace read as asked: the named files and
/// everything they import are checked; the rest of the workspace only
/// lends its names, but its errors count. [`check`] ends with it, and
/// `journeyc check --fix` calls it again after changing the texts.
pub fn findings(loaded: LoadedWorkspace) -> Checked {
    let ws = &loaded.workspace;
    let scope = loaded.scope();
    let diagnostics: Vec<_> = ws
        .diagnostics()
        .into_iter()
        .filter(|d| loaded.reports(&scope, d))
        .collect();
    let mut elsewhere: Vec<_> = diagnostics
        .iter()
        .map(|d| d.file())
        .filter(|f| !scope.checked.contains(f) && Some(*f) != ws.config_file())
        .collect();
    elsewhere.sort();
    elsewhere.dedup();
    let imported = scope.imported();
    let files = scope.checked.len() + elsewhere.len();
    Checked {
        loaded,
        diagnostics,
        files,
        imported,
        elsewhere: elsewhere.len(),
    }
}
