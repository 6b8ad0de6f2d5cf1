//! Which files journeyc may read: `.journey` files inside the workspace.
//!
//! A checked file can name any path in an `import`, and a folder can hold
//! symbolic links to anywhere. journeyc prints the lines of the files it
//! reads in its findings, so reading `/etc/shadow` because a pull request
//! imports it would print secrets into a CI log. Every file read from disk
//! for a workspace — imports, files found in folders, files changed on
//! disk while an editor is open — therefore passes [`judge`] first:
//!
//! - it must be a `.journey` file, by the name it is given and by the file
//!   it really is;
//! - it must lie inside one of the workspace's *roots*: the folder of
//!   `journey.toml` (without one, the folder of the checked path or of the
//!   file opened in the editor) and the folders `[workspace] import_roots`
//!   lists;
//! - both are judged on the real path, after following symbolic links: a
//!   link inside the root that points outside is outside.
//!
//! The decision needs no file outside the roots: a path that is outside
//! by its spelling (absolute, `..`) is refused without touching the disk,
//! and links are followed one component at a time, stopping before the
//! first component that would lie outside. Nothing outside a root is ever
//! opened, and not even its existence is looked at.

use std::collections::VecDeque;
use std::ffi::OsString;
use std::path::{Component, Path, PathBuf};

/// Why a path may not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Refusal {
    /// The path does not name a `.journey` file.
    NotJourney,
    /// The path lies outside every root (an absolute path, or `..` that
    /// leaves the workspace).
    Outside,
    /// The path is inside, but a symbolic link on the way leads outside.
    LinkOutside,
    /// The path names a `.journey` file, but it is a symbolic link to a
    /// file of another kind.
    LinkNotJourney,
}

impl Refusal {
    /// Why, in a few words (for messages about named paths and skipped
    /// files).
    pub fn reason(self) -> &'static str {
        match self {
            Refusal::NotJourney => "it is not a .journey file",
            Refusal::Outside => "it is outside the workspace",
            Refusal::LinkOutside => "it is a symbolic link that leads outside the workspace",
            Refusal::LinkNotJourney => {
                "it is a symbolic link to a file that is not a .journey file"
            }
        }
    }
}

/// The outcome of [`judge`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Judgement {
    /// May be read, at this real path (symbolic links resolved).
    Admitted(PathBuf),
    /// May not be read.
    Refused(Refusal),
    /// Inside the roots, but there is no regular file there.
    Missing,
}

/// Whether `path` names a `.journey` file by its extension.
pub fn is_journey_path(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "journey")
}

/// Whether `path` (absolute, without `.` and `..`) is inside one of
/// `roots` (canonical folders), by its spelling alone.
pub fn within(path: &Path, roots: &[PathBuf]) -> bool {
    roots.iter().any(|r| path.starts_with(r))
}

/// A root as [`judge`] expects it: absolute and canonical (symbolic links
/// resolved), when it exists.
pub fn canonical_root(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| {
        let abs = if path.is_absolute() {
            path.to_path_buf()
        } else {
            std::env::current_dir()
                .map(|d| d.join(path))
                .unwrap_or_else(|_| path.to_path_buf())
        };
        crate::model::normalize_path(&abs)
    })
}

/// Decides whether the file at `path` may be read. `path` is absolute and
/// normalised (as [`crate::model::resolve_relative`] makes import paths);
/// `roots` are canonical folders ([`canonical_root`]).
pub fn judge(path: &Path, roots: &[PathBuf]) -> Judgement {
    judge_with(path, roots, "journey")
}

/// [`judge`] for files with another extension (`toml` for journey.toml):
/// [`Refusal::NotJourney`] then means "not a `.{extension}` file".
pub fn judge_with(path: &Path, roots: &[PathBuf], extension: &str) -> Judgement {
    let is_journey_path = |p: &Path| p.extension().is_some_and(|e| e == extension);
    if !is_journey_path(path) {
        return Judgement::Refused(Refusal::NotJourney);
    }
    if !path.is_absolute() || !within(path, roots) {
        return Judgement::Refused(Refusal::Outside);
    }
    let real = match real_path(path, roots) {
        Ok(real) => real,
        Err(Stop::Outside) => return Judgement::Refused(Refusal::LinkOutside),
        Err(Stop::Missing) => return Judgement::Missing,
    };
    if !is_journey_path(&real) {
        return Judgement::Refused(Refusal::LinkNotJourney);
    }
    match std::fs::metadata(&real) {
        Ok(m) if m.is_file() => Judgement::Admitted(real),
        _ => Judgement::Missing,
    }
}

/// [`judge`] for a path as the user wrote it (relative to the current
/// folder, possibly with `..`).
pub fn judge_given(path: &Path, roots: &[PathBuf]) -> Judgement {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        match std::env::current_dir() {
            Ok(cwd) => cwd.join(path),
            Err(_) => return Judgement::Missing,
        }
    };
    judge(&crate::model::normalize_path(&abs), roots)
}

enum Stop {
    Outside,
    Missing,
}

/// Symbolic links followed before giving up, as the operating system does.
const MAX_LINKS: usize = 40;

/// The real path of `path` (inside `roots` by its spelling), resolving
/// symbolic links one component at a time. Before a component is looked
/// at, it must be inside a root, or a folder on the way to one (which,
/// roots being canonical, is a real folder that needs no look).
fn real_path(path: &Path, roots: &[PathBuf]) -> Result<PathBuf, Stop> {
    let mut real = PathBuf::new();
    let mut pending: VecDeque<OsString> = VecDeque::new();
    for c in path.components() {
        match c {
            Component::Prefix(_) | Component::RootDir => real.push(c.as_os_str()),
            Component::Normal(s) => pending.push_back(s.to_os_string()),
            Component::CurDir => {}
            Component::ParentDir => pending.push_back("..".into()),
        }
    }
    let on_the_way = |p: &Path| roots.iter().any(|r| r.starts_with(p));
    let mut links = 0;
    while let Some(c) = pending.pop_front() {
        if c == ".." {
            real.pop();
            continue;
        }
        let next = real.join(&c);
        if on_the_way(&next) {
            real = next;
            continue;
        }
        if !within(&next, roots) {
            return Err(Stop::Outside);
        }
        let meta = std::fs::symlink_metadata(&next).map_err(|_| Stop::Missing)?;
        if !meta.file_type().is_symlink() {
            real = next;
            continue;
        }
        links += 1;
        if links > MAX_LINKS {
            return Err(Stop::Missing);
        }
        let target = std::fs::read_link(&next).map_err(|_| Stop::Missing)?;
        let mut parts = Vec::new();
        for t in target.components() {
            match t {
                Component::Prefix(_) | Component::RootDir => {
                    real = PathBuf::new();
                    real.push(t.as_os_str());
                    parts.clear();
                }
                Component::Normal(s) => parts.push(s.to_os_string()),
                Component::ParentDir => parts.push("..".into()),
                Component::CurDir => {}
            }
        }
        for p in parts.into_iter().rev() {
            pending.push_front(p);
        }
    }
    if within(&real, roots) {
        Ok(real)
    } else {
        Err(Stop::Outside)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("journey-confine-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::canonicalize(&dir).unwrap()
    }

    #[test]
    fn spelling_alone_refuses_absolute_paths_dots_and_other_extensions() {
        // No disk access is needed: these roots do not even exist.
        let roots = vec![PathBuf::from("/nowhere/ws")];
        for (path, why) in [
            ("/etc/shadow", Refusal::NotJourney),
            ("/proc/self/environ", Refusal::NotJourney),
            ("/nowhere/ws/notes.txt", Refusal::NotJourney),
            ("/nowhere/ws/personas", Refusal::NotJourney),
            ("/nowhere/other/a.journey", Refusal::Outside),
            ("/nowhere/ws2/a.journey", Refusal::Outside),
            ("/a.journey", Refusal::Outside),
            ("relative.journey", Refusal::Outside),
        ] {
            assert_eq!(
                judge(Path::new(path), &roots),
                Judgement::Refused(why),
                "{path}"
            );
        }
        assert_eq!(
            judge(Path::new("/nowhere/ws/a.journey"), &[]),
            Judgement::Refused(Refusal::Outside),
            "no roots, nothing is read"
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_are_judged_by_where_they_lead() {
        use std::os::unix::fs::symlink;
        let base = temp("links");
        let ws = base.join("ws");
        let outside = base.join("outside");
        std::fs::create_dir_all(ws.join("sub")).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(ws.join("a.journey"), "").unwrap();
        std::fs::write(ws.join("notes.txt"), "").unwrap();
        std::fs::write(outside.join("secret.journey"), "").unwrap();
        symlink(outside.join("secret.journey"), ws.join("abs.journey")).unwrap();
        symlink("../outside/secret.journey", ws.join("rel.journey")).unwrap();
        symlink(&outside, ws.join("shared")).unwrap();
        symlink("a.journey", ws.join("inside.journey")).unwrap();
        symlink("../a.journey", ws.join("sub/up.journey")).unwrap();
        symlink("notes.txt", ws.join("notes.journey")).unwrap();
        symlink("loop.journey", ws.join("loop.journey")).unwrap();
        // A link out and straight back in is inside.
        let name = base.file_name().unwrap().to_string_lossy().into_owned();
        symlink(
            format!("../../../{name}/ws/a.journey"),
            ws.join("sub/round.journey"),
        )
        .unwrap();
        let roots = vec![ws.clone()];
        let j = |p: &str| judge(&ws.join(p), &roots);
        assert_eq!(j("a.journey"), Judgement::Admitted(ws.join("a.journey")));
        assert_eq!(
            j("inside.journey"),
            Judgement::Admitted(ws.join("a.journey"))
        );
        assert_eq!(
            j("sub/up.journey"),
            Judgement::Admitted(ws.join("a.journey"))
        );
        assert_eq!(
            j("sub/round.journey"),
            Judgement::Admitted(ws.join("a.journey"))
        );
        assert_eq!(j("abs.journey"), Judgement::Refused(Refusal::LinkOutside));
        assert_eq!(j("rel.journey"), Judgement::Refused(Refusal::LinkOutside));
        assert_eq!(
            j("shared/secret.journey"),
            Judgement::Refused(Refusal::LinkOutside)
        );
        assert_eq!(
            j("shared/none.journey"),
            Judgement::Refused(Refusal::LinkOutside),
            "no look outside"
        );
        assert_eq!(
            j("notes.journey"),
            Judgement::Refused(Refusal::LinkNotJourney)
        );
        assert_eq!(j("missing.journey"), Judgement::Missing);
        assert_eq!(j("loop.journey"), Judgement::Missing);
        assert_eq!(j("sub"), Judgement::Refused(Refusal::NotJourney));
        // Listed as a root, the outside folder may be read.
        let roots = vec![ws.clone(), outside.clone()];
        assert_eq!(
            judge(&ws.join("shared/secret.journey"), &roots),
            Judgement::Admitted(outside.join("secret.journey"))
        );
    }
}
