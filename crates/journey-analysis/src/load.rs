//! Finding `.journey` files on disk and reading them into a [`Workspace`].

use crate::Workspace;
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
    let shown = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(&cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf());
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

/// Collects and reads everything `paths` names.
pub fn load_paths(paths: &[PathBuf]) -> (Workspace, Vec<LoadError>) {
    let (files, mut errors) = collect_files(paths);
    let mut ws = Workspace::new();
    for f in files {
        if let Err(e) = load_file(&mut ws, &f) {
            errors.push(e);
        }
    }
    (ws, errors)
}
