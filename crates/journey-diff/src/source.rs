//! Reading the versions to compare: from files and folders on disk, or
//! from a git revision (`git ls-tree` lists the files, `git show REV:path`
//! reads them, and imports are resolved inside the same revision).

use journey_analysis::confine::{Judgement, Refusal};
use journey_analysis::model::{normalize_path, resolve_relative};
use journey_analysis::{load, Workspace};
use journey_diagnostics::{Diagnostic, Severity};
use journey_syntax::view;
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
use journey_analysis::load::SKIP_DIRS;

/// Reads the `.journey` files `paths` name (folders recursively) and
/// everything they import, from disk. A path that does not exist is an
/// error; a folder without journey files is an empty version. Special
/// files met in folders (named pipes, sockets, devices) are left out and
/// returned, for a warning.
pub fn from_paths(paths: &[PathBuf]) -> Result<(Workspace, Vec<load::LoadError>), SourceError> {
    let loaded = load::load_paths(paths);
    if !loaded.errors.is_empty() {
        return Err(SourceError(
            loaded
                .errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n"),
        ));
    }
    Ok((loaded.workspace, loaded.skipped))
}

/// The syntax errors (and undecodable files) of a workspace, and the
/// imports it may not read (outside the workspace, not a `.journey`
/// file): a version with any is not compared, since part of its content
/// could not be read.
pub fn unreadable(ws: &Workspace) -> Vec<Diagnostic> {
    let mut v = Vec::new();
    let model = ws.model();
    let cx = journey_analysis::checks::Context {
        model: &model,
        workspace: ws,
        part: None,
    };
    journey_analysis::checks::import_outside_workspace::run(&cx, &mut v);
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
        Ok(self
            .entries(rev, paths, true)?
            .into_iter()
            .map(|e| e.path)
            .collect())
    }

    /// The entries of `rev` at (or, with `recursive`, below) the
    /// repository paths `paths`, with their modes.
    fn entries(
        &self,
        rev: &str,
        paths: &[String],
        recursive: bool,
    ) -> Result<Vec<Entry>, SourceError> {
        let mut args: Vec<&str> = vec!["ls-tree", "-z"];
        if recursive {
            args.push("-r");
        }
        args.extend([rev, "--"]);
        for p in paths {
            args.push(if p.is_empty() { "." } else { p });
        }
        let out = self.git(&args)?;
        Ok(out
            .split(|b| *b == 0)
            .filter(|s| !s.is_empty())
            .filter_map(|s| {
                // `<mode> <type> <object>\t<path>`
                let s = String::from_utf8_lossy(s);
                let (meta, path) = s.split_once('\t')?;
                let mut meta = meta.split(' ');
                let mode = meta.next()?.to_string();
                let kind = meta.next()?.to_string();
                let object = meta.next()?.to_string();
                Some(Entry {
                    mode,
                    kind,
                    object,
                    path: path.to_string(),
                })
            })
            .collect())
    }

    /// The files (and links) of `rev` below the repository folders
    /// `roots`, by path.
    fn tree(&self, rev: &str, roots: &[String]) -> Result<Tree, SourceError> {
        Ok(Tree {
            entries: self
                .entries(rev, roots, true)?
                .into_iter()
                .map(|e| (e.path.clone(), e))
                .collect(),
        })
    }

    /// The content of the blob `object`.
    fn blob(&self, object: &str) -> Result<Vec<u8>, SourceError> {
        self.git(&["cat-file", "blob", object])
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

/// The files of a revision below the roots of a workspace.
struct Tree {
    entries: std::collections::HashMap<String, Entry>,
}

impl Tree {
    /// Where the repository path `rel` really leads, following symbolic
    /// links inside the tree, judged as `journey_analysis::confine::judge`
    /// judges files on disk: a `.journey` file inside `roots` (repository
    /// folders, `""` for the top), or refused. A link's target is read
    /// from the tree (text in the repository, not a file of the machine);
    /// nothing outside the roots is looked at. Returns the entry of the
    /// file.
    fn judge(
        &self,
        repo: &Repo,
        rel: &str,
        roots: &[String],
    ) -> Result<Result<&Entry, Judgement>, SourceError> {
        let inside = |p: &str| {
            roots
                .iter()
                .any(|r| r.is_empty() || p == r || p.starts_with(&format!("{r}/")))
        };
        let journey = |p: &str| p.ends_with(".journey");
        if !journey(rel) {
            return Ok(Err(Judgement::Refused(Refusal::NotJourney)));
        }
        if !inside(rel) {
            return Ok(Err(Judgement::Refused(Refusal::Outside)));
        }
        let mut at = rel.to_string();
        for _ in 0..40 {
            let Some(entry) = self.entries.get(&at) else {
                return Ok(Err(Judgement::Missing));
            };
            if entry.mode != "120000" {
                if entry.kind != "blob" {
                    return Ok(Err(Judgement::Missing));
                }
                return Ok(if journey(&at) {
                    Ok(entry)
                } else {
                    Err(Judgement::Refused(Refusal::LinkNotJourney))
                });
            }
            let target = repo.blob(&entry.object)?;
            let target = String::from_utf8_lossy(&target).into_owned();
            if Path::new(&target).has_root() {
                return Ok(Err(Judgement::Refused(Refusal::LinkOutside)));
            }
            let folder = Path::new(&at)
                .parent()
                .unwrap_or(Path::new(""))
                .to_path_buf();
            let mut parts: Vec<String> = Vec::new();
            for c in folder.join(&target).components() {
                match c {
                    Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
                    Component::ParentDir if parts.pop().is_none() => {
                        return Ok(Err(Judgement::Refused(Refusal::LinkOutside)));
                    }
                    _ => {}
                }
            }
            at = parts.join("/");
            if !inside(&at) {
                return Ok(Err(Judgement::Refused(Refusal::LinkOutside)));
            }
        }
        Ok(Err(Judgement::Missing))
    }
}

/// One line of `git ls-tree`.
#[derive(Debug, Clone)]
struct Entry {
    mode: String,
    kind: String,
    object: String,
    path: String,
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
    // Imports stay inside the workspace of each path, as `journeyc check`
    // confines them on disk: the folder of the journey.toml above it and
    // the folders that lists, else the folder named (a file's folder).
    let mut roots = Vec::new();
    for p in &paths {
        for root in journey_analysis::Config::discover(&cwd.join(p)).import_roots() {
            if let Ok(rel) = root.strip_prefix(&repo.root) {
                let rel = slash_path(rel);
                if !roots.contains(&rel) {
                    roots.push(rel);
                }
            }
        }
    }
    load_revision(&repo, rev, files, roots)
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
    // Imports stay inside the workspace root and the folders its
    // journey.toml lists, as on disk; git reads nothing outside the tree.
    let mut roots = vec![folder_rel.clone()];
    if let Some(c) = &config {
        for r in &c.workspace.import_roots {
            let path = normalize_path(&repo.root.join(&folder_rel).join(&r.written));
            if let Ok(rel) = path.strip_prefix(&repo.root) {
                roots.push(slash_path(rel));
            }
        }
    }
    load_revision(&repo, rev, files, roots)
}

/// Reads `files` (repository paths) at `rev` and, transitively, what they
/// import, inside the same revision. Only `.journey` files inside `roots`
/// (repository folders, `""` for the top) are read, judged after following
/// symbolic links inside the tree: a file listed that leads elsewhere is
/// left out, an import that does is refused (and reported at the import).
fn load_revision(
    repo: &Repo,
    rev: &str,
    mut files: Vec<String>,
    roots: Vec<String>,
) -> Result<Workspace, SourceError> {
    files.sort();
    files.dedup();
    let mut ws = Workspace::new();
    for r in &roots {
        ws.add_import_root(&repo.root.join(r));
    }
    let tree = repo.tree(rev, &roots)?;
    for f in &files {
        if let Ok(entry) = tree.judge(repo, f, &roots)? {
            let bytes = repo.blob(&entry.object)?;
            add(&mut ws, repo, rev, &entry.path, f, bytes);
        }
    }
    let mut queue: Vec<_> = ws.files().map(|(id, _)| id).collect();
    let mut tried = std::collections::HashSet::new();
    while let Some(id) = queue.pop() {
        let Some(data) = ws.file(id) else { continue };
        let targets: Vec<PathBuf> = view::File::new(&data.source.text, &data.parse.tree)
            .imports()
            .map(|i| resolve_relative(&data.path, &i.path.value))
            .collect();
        for target in targets {
            if ws.resolve_path(&target).is_some() || !tried.insert(target.clone()) {
                continue;
            }
            // Refused by its spelling: the model reports it.
            if ws.import_refusal(&target).is_some() {
                continue;
            }
            let Ok(rel) = target.strip_prefix(&repo.root) else {
                continue;
            };
            let rel = slash_path(rel);
            match tree.judge(repo, &rel, &roots)? {
                Ok(entry) => {
                    let bytes = repo.blob(&entry.object)?;
                    queue.push(add(&mut ws, repo, rev, &entry.path, &rel, bytes));
                }
                Err(Judgement::Refused(why)) => ws.record_refusal(target, why),
                Err(_) => {}
            }
        }
    }
    Ok(ws)
}

/// Adds the file at repository path `real`, named `spelt` (the same, or
/// a symbolic link that leads to it).
fn add(
    ws: &mut Workspace,
    repo: &Repo,
    rev: &str,
    real: &str,
    spelt: &str,
    bytes: Vec<u8>,
) -> journey_diagnostics::FileId {
    let id = match ws.file_id(&repo.root.join(real)) {
        Some(id) => id,
        None => {
            let next = journey_diagnostics::FileId(ws.next_id());
            let (text, problem) = journey_syntax::decode_source(bytes, next);
            ws.set_file_with(
                repo.root.join(real),
                format!("{rev}:{real}"),
                text,
                problem.into_iter().collect(),
            )
        }
    };
    if spelt != real {
        ws.add_alias(repo.root.join(spelt), id);
    }
    id
}
