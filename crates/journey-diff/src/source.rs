//! Reading the versions to compare: from files and folders on disk, or
//! from a git revision (`git ls-tree` lists the files, `git show REV:path`
//! reads them, and imports are resolved inside the same revision).

use journey_analysis::model::{normalize_path, resolve_relative};
use journey_analysis::{load, Workspace};
use journey_diagnostics::{Diagnostic, Severity};
use std::fmt;
use std::path::{Component, Path, PathBuf};
use std::process::Command;

/// Why a version could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceError(pub String);

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SourceError {}

/// Folders never searched, as for `journeyc check`.
const SKIP_DIRS: &[&str] = &[".git", "node_modules", "target", ".hg", ".svn"];

/// Reads the `.journey` files `paths` name (folders recursively) and
/// everything they import, from disk. A path that does not exist is an
/// error; a folder without journey files is an empty version.
pub fn from_paths(paths: &[PathBuf]) -> Result<Workspace, SourceError> {
    let (ws, errors) = load::load_paths(paths);
    if !errors.is_empty() {
        return Err(SourceError(
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n"),
        ));
    }
    Ok(ws)
}

/// The syntax errors (and undecodable files) of a workspace: a version
/// with any is not compared, since part of its content could not be read.
pub fn unreadable(ws: &Workspace) -> Vec<Diagnostic> {
    let mut v = Vec::new();
    for (_, f) in ws.files() {
        v.extend(f.load_diagnostics.iter().cloned());
        v.extend(
            f.parse
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .cloned(),
        );
    }
    v
}

/// A git work tree, found from a directory inside it.
#[derive(Debug, Clone)]
pub struct Repo {
    /// The top-level folder of the work tree.
    pub root: PathBuf,
}

impl Repo {
    /// The repository that contains `dir`.
    pub fn discover(dir: &Path) -> Result<Repo, SourceError> {
        let out = run_git(dir, &["rev-parse", "--show-toplevel"])?;
        let top = String::from_utf8_lossy(&out).trim().to_string();
        let root = std::fs::canonicalize(&top).unwrap_or_else(|_| PathBuf::from(top));
        Ok(Repo { root })
    }

    fn git(&self, args: &[&str]) -> Result<Vec<u8>, SourceError> {
        run_git(&self.root, args)
    }

    /// Checks that `rev` names a commit.
    pub fn verify(&self, rev: &str) -> Result<(), SourceError> {
        if rev.starts_with('-') || rev.is_empty() {
            return Err(SourceError(format!("`{rev}` is not a git revision")));
        }
        self.git(&[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ])
        .map(|_| ())
        .map_err(|_| {
            SourceError(format!(
                "unknown git revision `{rev}` (in the repository at {})",
                self.root.display()
            ))
        })
    }

    /// `path` (relative to `cwd` or absolute) as a path inside the
    /// repository, `/`-separated; `""` for the top-level folder.
    pub fn relative(&self, cwd: &Path, path: &Path) -> Result<String, SourceError> {
        let abs = if path.is_absolute() {
            path.to_path_buf()
        } else {
            cwd.join(path)
        };
        let abs = std::fs::canonicalize(&abs).unwrap_or_else(|_| normalize_path(&abs));
        let rel = abs.strip_prefix(&self.root).map_err(|_| {
            SourceError(format!(
                "`{}` is outside the git repository at {}",
                path.display(),
                self.root.display()
            ))
        })?;
        Ok(slash_path(rel))
    }

    /// The files of `rev` below the repository paths `paths`.
    pub fn list(&self, rev: &str, paths: &[String]) -> Result<Vec<String>, SourceError> {
        let mut args: Vec<&str> = vec!["ls-tree", "-r", "-z", "--name-only", rev, "--"];
        for p in paths {
            args.push(if p.is_empty() { "." } else { p });
        }
        let out = self.git(&args)?;
        Ok(out
            .split(|b| *b == 0)
            .filter(|s| !s.is_empty())
            .map(|s| String::from_utf8_lossy(s).into_owned())
            .collect())
    }

    /// The content of `path` at `rev`, or `None` when it has no such file.
    pub fn show(&self, rev: &str, path: &str) -> Result<Option<Vec<u8>>, SourceError> {
        let spec = format!("{rev}:{path}");
        let kind = match self.git(&["cat-file", "-t", &spec]) {
            Ok(k) => k,
            Err(_) => return Ok(None),
        };
        if String::from_utf8_lossy(&kind).trim() != "blob" {
            return Ok(None);
        }
        self.git(&["show", &spec]).map(Some)
    }
}

fn slash_path(p: &Path) -> String {
    p.components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("/")
}

fn run_git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, SourceError> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_OPTIONAL_LOCKS", "0")
        // Paths are paths: `*` or `:(…)` in a file name is not a pattern.
        .env("GIT_LITERAL_PATHSPECS", "1")
        .output()
        .map_err(|e| SourceError(format!("cannot run git: {e}")))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr).trim().to_string();
        return Err(SourceError(if err.is_empty() {
            format!("git {} failed", args.join(" "))
        } else {
            format!("git {}: {err}", args.first().copied().unwrap_or(""))
        }));
    }
    Ok(out.stdout)
}

/// Reads the `.journey` files below `paths` (relative to `cwd`; the
/// current folder when empty) as they are at git revision `rev`, and the
/// files they import as they are in the same revision. Files are shown as
/// `REV:path`.
pub fn from_git(rev: &str, paths: &[PathBuf], cwd: &Path) -> Result<Workspace, SourceError> {
    let repo = Repo::discover(cwd)?;
    repo.verify(rev)?;
    let cwd = std::fs::canonicalize(cwd).unwrap_or_else(|_| cwd.to_path_buf());
    let paths: Vec<PathBuf> = if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths.to_vec()
    };
    let rel: Vec<String> = paths
        .iter()
        .map(|p| repo.relative(&cwd, p))
        .collect::<Result<_, _>>()?;
    let files: Vec<String> = repo
        .list(rev, &rel)?
        .into_iter()
        .filter(|f| f.ends_with(".journey"))
        .filter(|f| {
            let mut parts: Vec<&str> = f.split('/').collect();
            parts.pop();
            !parts.iter().any(|p| SKIP_DIRS.contains(p))
        })
        .collect();
    load_revision(&repo, rev, files)
}

/// Reads the workspace a journey.toml describes, as it is at git revision
/// `rev`: the journey.toml of that revision (at the same place as
/// `config_path` in the work tree) decides which files belong to it
/// (`[workspace] include`/`exclude`), as `journeyc check` decides on
/// disk. Without a journey.toml at `rev`, every `.journey` file below its
/// folder belongs to it. Imports are resolved inside the revision.
pub fn from_git_workspace(
    rev: &str,
    config_path: &Path,
    cwd: &Path,
) -> Result<Workspace, SourceError> {
    let repo = Repo::discover(cwd)?;
    repo.verify(rev)?;
    let cwd = std::fs::canonicalize(cwd).unwrap_or_else(|_| cwd.to_path_buf());
    let toml_rel = repo.relative(&cwd, config_path)?;
    let folder_rel = match toml_rel.rsplit_once('/') {
        Some((folder, _)) => folder.to_string(),
        None => String::new(),
    };
    let config = repo.show(rev, &toml_rel)?.map(|bytes| {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        journey_analysis::Config::parse(&text, Some(repo.root.join(&toml_rel)))
    });
    let files: Vec<String> = repo
        .list(rev, std::slice::from_ref(&folder_rel))?
        .into_iter()
        .filter(|f| f.ends_with(".journey"))
        .filter(|f| {
            let below = if folder_rel.is_empty() {
                f.as_str()
            } else {
                match f
                    .strip_prefix(&folder_rel)
                    .and_then(|r| r.strip_prefix('/'))
                {
                    Some(rest) => rest,
                    None => return false,
                }
            };
            let mut parts: Vec<&str> = below.split('/').collect();
            parts.pop();
            if parts.iter().any(|p| SKIP_DIRS.contains(p)) {
                return false;
            }
            config.as_ref().is_none_or(|c| c.workspace.contains(below))
        })
        .collect();
    load_revision(&repo, rev, files)
}

/// Reads `files` (repository paths) at `rev` and, transitively, what they
/// import, inside the same revision.
fn load_revision(repo: &Repo, rev: &str, mut files: Vec<String>) -> Result<Workspace, SourceError> {
    files.sort();
    files.dedup();
    let mut ws = Workspace::new();
    for f in &files {
        if let Some(bytes) = repo.show(rev, f)? {
            add(&mut ws, repo, rev, f, bytes);
        }
    }
    let mut queue: Vec<_> = ws.files().map(|(id, _)| id).collect();
    let mut tried = std::collections::HashSet::new();
    while let Some(id) = queue.pop() {
        let Some(data) = ws.file(id) else { continue };
        let targets: Vec<PathBuf> = data
            .parse
            .ast
            .imports()
            .map(|i| resolve_relative(&data.path, &i.path.value))
            .collect();
        for target in targets {
            if ws.resolve_path(&target).is_some() || !tried.insert(target.clone()) {
                continue;
            }
            let Ok(rel) = target.strip_prefix(&repo.root) else {
                continue;
            };
            let rel = slash_path(rel);
            if let Some(bytes) = repo.show(rev, &rel)? {
                queue.push(add(&mut ws, repo, rev, &rel, bytes));
            }
        }
    }
    Ok(ws)
}

fn add(
    ws: &mut Workspace,
    repo: &Repo,
    rev: &str,
    rel: &str,
    bytes: Vec<u8>,
) -> journey_diagnostics::FileId {
    let next = journey_diagnostics::FileId(ws.next_id());
    let (text, problem) = journey_syntax::decode_source(bytes, next);
    ws.set_file_with(
        repo.root.join(rel),
        format!("{rev}:{rel}"),
        text,
        problem.into_iter().collect(),
    )
}
