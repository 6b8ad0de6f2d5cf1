//! Finding `.journey` files on disk and reading them into a [`Workspace`].

use crate::{Config, Workspace};
use journey_diagnostics::FileId;
use std::fmt;
use std::path::{Path, PathBuf};

/// A path that could not be read, with the reason.
#[derive(Debug)]
pub struct LoadError {
    pub path: PathBuf,
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot read `{}`: {}", self.path.display(), self.message)
    }
}

/// Directories never searched: version control, dependencies, build output.
const SKIP_DIRS: &[&str] = &[".git", "node_modules", "target", ".hg", ".svn"];

/// The `.journey` files named by `paths`: files as given, directories
/// searched recursively, sorted for a stable order.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<LoadError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => walk(path, &mut files, &mut errors),
            Ok(_) => files.push(path.clone()),
            Err(e) => errors.push(LoadError {
                path: path.clone(),
                message: e.to_string(),
            }),
        }
    }
    files.sort();
    files.dedup();
    (files, errors)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<LoadError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(LoadError {
                path: dir.to_path_buf(),
                message: e.to_string(),
            });
            return;
        }
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            let name = entry.file_name();
            if !SKIP_DIRS.iter().any(|s| name == *s) {
                walk(&path, files, errors);
            }
        } else if path.extension().is_some_and(|e| e == "journey") {
            files.push(path);
        }
    }
}

/// How a path is shown: relative to the current directory when below it.
pub fn display_path(path: &Path) -> String {
    if path.is_relative() {
        // `./a.journey` is shown as `a.journey`, `../x` stays relative.
        let n = crate::model::normalize_path(path);
        if !n.as_os_str().is_empty() {
            return n.display().to_string();
        }
    }
    let Ok(cwd) = std::env::current_dir() else {
        return path.display().to_string();
    };
    let absolute = crate::model::normalize_path(&cwd.join(path));
    let cwd_real = std::fs::canonicalize(&cwd).unwrap_or_else(|_| cwd.clone());
    let shown = absolute
        .strip_prefix(&cwd)
        .or_else(|_| absolute.strip_prefix(&cwd_real))
        .map(Path::to_path_buf)
        .unwrap_or(absolute);
    shown.display().to_string()
}

/// Reads one file into the workspace. Invalid UTF-8 is reported as a
/// diagnostic of that file, not as a load error.
pub fn load_file(
    ws: &mut Workspace,
    path: &Path,
) -> Result<journey_diagnostics::FileId, LoadError> {
    load_file_as(ws, path, display_path(path))
}

/// Like [`load_file`], showing the file as `display`.
pub fn load_file_as(
    ws: &mut Workspace,
    path: &Path,
    display: String,
) -> Result<journey_diagnostics::FileId, LoadError> {
    let bytes = std::fs::read(path).map_err(|e| LoadError {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    // Reserve the id first so that diagnostics from decoding carry it.
    let next = ws
        .file_id(&key)
        .unwrap_or(journey_diagnostics::FileId(ws.next_id()));
    let (text, problem) = journey_syntax::decode_source(bytes, next);
    Ok(ws.set_file_with(key, display, text, problem.into_iter().collect()))
}

/// Reads `files` (in parallel) and adds them to `ws` in the given order,
/// which keeps file ids, and so the order of findings, independent of
/// scheduling.
fn read_into(
    ws: &mut Workspace,
    files: Vec<PathBuf>,
    display: &dyn Fn(&Path) -> String,
    errors: &mut Vec<LoadError>,
) {
    use rayon::prelude::*;
    let read: Vec<Result<(PathBuf, Vec<u8>), LoadError>> = files
        .par_iter()
        .map(|path| {
            let bytes = std::fs::read(path).map_err(|e| LoadError {
                path: path.clone(),
                message: e.to_string(),
            })?;
            let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            Ok((key, bytes))
        })
        .collect();
    let mut batch = Vec::with_capacity(read.len());
    for (path, result) in files.iter().zip(read) {
        match result {
            Ok((key, bytes)) => batch.push((key, display(path), bytes)),
            Err(e) => errors.push(e),
        }
    }
    ws.set_files_from_bytes(batch);
}

/// Collects and reads everything `paths` names, and every file they
/// import (without a journey.toml; see [`load_workspace`]).
pub fn load_paths(paths: &[PathBuf]) -> (Workspace, Vec<LoadError>) {
    let (files, mut errors) = collect_files(paths);
    let mut ws = Workspace::new();
    read_into(&mut ws, files, &|p: &Path| display_path(p), &mut errors);
    ws.load_imports(&|p: &Path| display_path(p));
    (ws, errors)
}

/// A workspace read the way `journeyc check PATHS` reads it.
#[derive(Debug)]
pub struct LoadedWorkspace {
    pub workspace: Workspace,
    /// Paths that could not be read.
    pub errors: Vec<LoadError>,
    /// The paths the user asked about, when a journey.toml made the whole
    /// workspace part of the check: findings are reported for files at or
    /// below these only. `None`: report everything.
    pub focus: Option<Vec<PathBuf>>,
}

impl LoadedWorkspace {
    /// Whether findings in `file` are reported (journey.toml is always).
    pub fn in_focus(&self, file: FileId) -> bool {
        let Some(focus) = &self.focus else {
            return true;
        };
        if Some(file) == self.workspace.config_file() {
            return true;
        }
        let Some(data) = self.workspace.file(file) else {
            return false;
        };
        focus.iter().any(|p| data.path.starts_with(p))
    }
}

/// Reads a workspace: the files `paths` name (folders searched
/// recursively) and, when `config` comes from a journey.toml, every file
/// of its workspace (`[workspace] include`/`exclude`, relative to its
/// folder); then every file they import. Files named explicitly are read
/// even when excluded. `display` gives the path shown for a file.
///
/// With a journey.toml and explicit `paths`, the rest of the workspace is
/// context (a persona defined elsewhere is still defined) and
/// [`LoadedWorkspace::focus`] limits the report to `paths`.
pub fn load_workspace(
    paths: &[PathBuf],
    config: Config,
    display: &dyn Fn(&Path) -> String,
) -> LoadedWorkspace {
    load_workspace_into(Workspace::new(), paths, config, display)
}

/// [`load_workspace`] into a workspace prepared by the caller, e.g. one
/// that [drops syntax trees](Workspace::drop_syntax_trees) for a one-shot
/// check.
pub fn load_workspace_into(
    mut ws: Workspace,
    paths: &[PathBuf],
    config: Config,
    display: &dyn Fn(&Path) -> String,
) -> LoadedWorkspace {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut focus = None;
    if config.path.is_some() {
        // Folders are searched with the workspace's include/exclude; files
        // named explicitly are always read.
        for path in paths {
            match std::fs::metadata(path) {
                Ok(m) if m.is_dir() => files.extend(workspace_files_in(&config, path)),
                Ok(_) => files.push(path.clone()),
                Err(e) => errors.push(LoadError {
                    path: path.clone(),
                    message: e.to_string(),
                }),
            }
        }
        files.extend(workspace_files(&config));
        if !paths.is_empty() {
            focus = Some(
                paths
                    .iter()
                    .map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()))
                    .collect(),
            );
        }
    } else {
        let (found, errs) = collect_files(paths);
        files = found;
        errors = errs;
    }
    let files = dedup_files(files);
    read_into(&mut ws, files, display, &mut errors);
    match config.path.clone() {
        Some(path) => ws.set_config(config, display(&path)),
        None => ws.set_config(config, String::new()),
    }
    ws.load_imports(display);
    LoadedWorkspace {
        workspace: ws,
        errors,
        focus,
    }
}

/// Sorted, each file once however it was spelt.
fn dedup_files(files: Vec<PathBuf>) -> Vec<PathBuf> {
    let mut keyed: Vec<(PathBuf, PathBuf)> = files
        .into_iter()
        .map(|f| (std::fs::canonicalize(&f).unwrap_or_else(|_| f.clone()), f))
        .collect();
    keyed.sort();
    keyed.dedup_by(|a, b| a.0 == b.0);
    keyed.into_iter().map(|(_, f)| f).collect()
}

/// The files of the workspace `config` describes.
pub fn workspace_files(config: &Config) -> Vec<PathBuf> {
    workspace_files_in(config, &config.root)
}

/// The files of the workspace below `dir`. A folder outside the workspace
/// root is searched without include/exclude.
pub fn workspace_files_in(config: &Config, dir: &Path) -> Vec<PathBuf> {
    let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let root = &config.root;
    if !dir.starts_with(root) {
        return collect_files(&[dir]).0;
    }
    let mut out = Vec::new();
    let mut stack = vec![dir];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let rel = relative_slash(root, &path);
            if kind.is_dir() {
                let name = entry.file_name();
                if !SKIP_DIRS.iter().any(|s| name == *s) && !config.workspace.is_excluded(&rel) {
                    stack.push(path);
                }
            } else if config.workspace.contains(&rel) {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn relative_slash(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
