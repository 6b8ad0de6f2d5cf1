//! Writing the imported files: all or nothing, never over an existing
//! file unless asked to.

use crate::OutFile;
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Why the files were not written. Nothing was written in either case.
#[derive(Debug)]
pub enum WriteError {
    /// These files exist already (and overwriting was not asked for).
    Exists(Vec<PathBuf>),
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::Exists(paths) => {
                let list = paths
                    .iter()
                    .map(|p| format!("`{}`", p.display()))
                    .collect::<Vec<_>>()
                    .join(", ");
                let verb = if paths.len() == 1 { "exists" } else { "exist" };
                write!(f, "{list} {verb} already; use --force to overwrite")
            }
            WriteError::Io { path, error } => {
                write!(f, "cannot write `{}`: {error}", path.display())
            }
        }
    }
}

impl std::error::Error for WriteError {}

/// Writes `files` into `dir` (created if needed): each into a temporary
/// file in `dir` first, and only when all of them are written are they
/// renamed into place. Without `force`, an existing file stops
/// everything before anything is written (and a file that appears
/// meanwhile is not replaced). Should a rename fail, the files already
/// renamed are removed again. Returns the paths written.
pub fn write(dir: &Path, files: &[OutFile], force: bool) -> Result<Vec<PathBuf>, WriteError> {
    let targets: Vec<PathBuf> = files.iter().map(|f| dir.join(&f.name)).collect();
    if !force {
        let existing: Vec<PathBuf> = targets.iter().filter(|p| p.exists()).cloned().collect();
        if !existing.is_empty() {
            return Err(WriteError::Exists(existing));
        }
    }
    let created_dir = !dir.exists();
    std::fs::create_dir_all(dir).map_err(|error| WriteError::Io {
        path: dir.to_path_buf(),
        error,
    })?;
    let cleanup_dir = || {
        if created_dir {
            let _ = std::fs::remove_dir(dir);
        }
    };

    // 1. Every file into a temporary file beside its target.
    let mut temps = Vec::new();
    for (f, target) in files.iter().zip(&targets) {
        let io = |error| WriteError::Io {
            path: target.clone(),
            error,
        };
        let tmp = (|| {
            let mut tmp = tempfile::Builder::new()
                .prefix(".journeyc-import-")
                .suffix(".tmp")
                .tempfile_in(dir)?;
            tmp.write_all(f.text.as_bytes())?;
            tmp.as_file().sync_all()?;
            Ok(tmp)
        })();
        match tmp {
            Ok(t) => temps.push(t),
            Err(e) => {
                drop(temps);
                cleanup_dir();
                return Err(io(e));
            }
        }
    }

    // 2. Rename them into place.
    let mut placed: Vec<PathBuf> = Vec::new();
    for (tmp, target) in temps.into_iter().zip(&targets) {
        let existed = target.exists();
        let result = if force {
            tmp.persist(target).map(|_| ())
        } else {
            tmp.persist_noclobber(target).map(|_| ())
        };
        if let Err(e) = result {
            for p in &placed {
                let _ = std::fs::remove_file(p);
            }
            cleanup_dir();
            let error = if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                return Err(WriteError::Exists(vec![target.clone()]));
            } else {
                e.error
            };
            return Err(WriteError::Io {
                path: target.clone(),
                error,
            });
        }
        if !existed {
            placed.push(target.clone());
        }
    }
    Ok(targets)
}
