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
        let path = self.path.display().to_string();
        write!(
            f,
            "cannot read `{}`: {}",
            journey_diagnostics::escape::escape_line(&path),
            self.message
        )
    }
}

/// Reads the file at `path` if it is a regular file (after following
/// symbolic links). A named pipe, socket or device is refused without
/// waiting on it: its type is checked before it is opened, it is opened
/// without blocking, and the opened file is checked again, so that a file
/// swapped for a pipe in between cannot make journeyc wait forever.
pub fn read_regular_file(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    not_special(&std::fs::metadata(path)?)?;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let mut file = options.open(path)?;
    let meta = file.metadata()?;
    not_special(&meta)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// An error for anything but a regular file.
fn not_special(meta: &std::fs::Metadata) -> std::io::Result<()> {
    if meta.is_file() {
        return Ok(());
    }
    let what = file_kind(&meta.file_type());
    Err(std::io::Error::new(
        std::io::ErrorKind::InvalidInput,
        format!("{what}, not a regular file; journeyc reads only regular files"),
    ))
}

/// How a kind of file is named in messages.
pub fn file_kind(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_block_device() {
            return "a block device";
        }
        if kind.is_char_device() {
            return "a character device";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else if kind.is_symlink() {
        "a symbolic link"
    } else if kind.is_file() {
        "a regular file"
    } else {
        "a special file"
    }
}

/// Directories never searched: version control, dependencies, build output.
pub const SKIP_DIRS: &[&str] = &[".git", "node_modules", "target", ".hg", ".svn"];

/// What a search for `.journey` files found.
#[derive(Debug, Default)]
pub struct Found {
    /// The files, sorted, each once.
    pub files: Vec<PathBuf>,
    /// Paths that cannot be read: a named path that does not exist or is
    /// not a regular file, a folder that cannot be listed.
    pub errors: Vec<LoadError>,
    /// Special files met in folders (named pipes, sockets, devices): left
    /// out, worth a warning.
    pub skipped: Vec<LoadError>,
}

/// The `.journey` files named by `paths`: files as given, directories
/// searched recursively, sorted for a stable order. Special files met in
/// folders are left out silently; [`find_files`] lists them.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<LoadError>) {
    let found = find_files(paths);
    (found.files, found.errors)
}

/// Like [`collect_files`], with the special files that were skipped.
pub fn find_files(paths: &[PathBuf]) -> Found {
    let mut found = Found::default();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => walk(path, &mut found, &any_journey_file),
            Ok(m) if m.is_file() => found.files.push(path.clone()),
            Ok(m) => found.errors.push(LoadError {
                path: path.clone(),
                message: format!(
                    "{}, not a regular file; journeyc reads only regular files",
                    file_kind(&m.file_type())
                ),
            }),
            Err(e) => found.errors.push(LoadError {
                path: path.clone(),
                message: e.to_string(),
            }),
        }
    }
    found.files.sort();
    found.files.dedup();
    found
}

/// Whether a folder entry named `*.journey` is read: regular files (also
/// through a symbolic link) are; special files are skipped and noted;
/// a link whose target is missing is kept, so that reading it reports it.
fn journey_entry(path: &Path, kind: std::fs::FileType, skipped: &mut Vec<LoadError>) -> bool {
    let kind = if kind.is_symlink() {
        match std::fs::metadata(path) {
            Ok(m) => m.file_type(),
            Err(_) => return true,
        }
    } else {
        kind
    };
    if kind.is_file() {
        return true;
    }
    if !kind.is_dir() {
        skipped.push(LoadError {
            path: path.to_path_buf(),
            message: format!("{}, not a regular file", file_kind(&kind)),
        });
    }
    false
}

/// The one folder walk (of `journeyc check`, `fmt`, `diff` and the
/// language server): the files below `dir` that `wanted(path, false)`
/// takes, in folders `wanted(path, true)` takes, never in version
/// control, dependency or build folders ([`SKIP_DIRS`]). Special files
/// are noted in `found.skipped`, folders that cannot be listed in
/// `found.errors`.
fn walk(dir: &Path, found: &mut Found, wanted: &dyn Fn(&Path, bool) -> bool) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            found.errors.push(LoadError {
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
            if !SKIP_DIRS.iter().any(|s| name == *s) && wanted(&path, true) {
                walk(&path, found, wanted);
            }
        } else if wanted(&path, false) && journey_entry(&path, kind, &mut found.skipped) {
            found.files.push(path);
        }
    }
}

/// Takes every folder and every `*.journey` file.
fn any_journey_file(path: &Path, is_dir: bool) -> bool {
    is_dir || path.extension().is_some_and(|e| e == "journey")
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
    let bytes = read_regular_file(path).map_err(|e| LoadError {
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
) -> Vec<FileId> {
    use rayon::prelude::*;
    let read: Vec<Result<(PathBuf, Vec<u8>), LoadError>> = files
        .par_iter()
        .map(|path| {
            let bytes = read_regular_file(path).map_err(|e| LoadError {
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
    ws.set_files_from_bytes(batch)
}

/// The folder a named path stands for as an import root: the folder
/// itself, or a file's folder.
pub fn folder_of(path: &Path) -> PathBuf {
    if path.is_dir() {
        return path.to_path_buf();
    }
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Keeps the files that may be read (see [`crate::confine`]): a file named
/// in `named` that may not be read is an error, one found in a folder is
/// skipped (and listed in `skipped`). Files the judgement cannot place
/// (they do not exist, or are not regular files) stay, for the reader to
/// report as it always does.
fn confine_files(
    files: Vec<PathBuf>,
    named: &[PathBuf],
    roots: &[PathBuf],
    errors: &mut Vec<LoadError>,
    skipped: &mut Vec<LoadError>,
) -> Vec<PathBuf> {
    let mut kept = Vec::with_capacity(files.len());
    for f in files {
        match crate::confine::judge_given(&f, roots) {
            crate::confine::Judgement::Refused(why) => {
                let e = LoadError {
                    message: why.reason().to_string(),
                    path: f,
                };
                let spelt = same_file_key(&e.path);
                if let Some(n) = named.iter().find(|n| same_file_key(n) == spelt) {
                    errors.push(LoadError {
                        path: n.clone(),
                        ..e
                    });
                } else {
                    skipped.push(e);
                }
            }
            _ => kept.push(f),
        }
    }
    kept
}

/// `path` absolute, with the links of its folder resolved but not a link
/// of its own: two spellings of one directory entry give the same key.
fn same_file_key(path: &Path) -> PathBuf {
    let abs = crate::confine::canonical_root(Path::new("."))
        .join(path)
        .components()
        .collect::<PathBuf>();
    let abs = crate::model::normalize_path(&abs);
    match (abs.parent(), abs.file_name()) {
        (Some(folder), Some(name)) => crate::confine::canonical_root(folder).join(name),
        _ => abs,
    }
}

/// Collects and reads everything `paths` names, and every file they
/// import (without reading the rest of a journey.toml's workspace; see
/// [`load_workspace`]). Imports may read inside the workspace of each
/// path: the folder of the journey.toml above it and the folders that
/// lists, else the folder named (see [`crate::confine`]).
pub fn load_paths(paths: &[PathBuf]) -> LoadedWorkspace {
    let Found {
        files,
        mut errors,
        mut skipped,
    } = find_files(paths);
    let mut ws = Workspace::new();
    for p in paths {
        for root in Config::discover(p).import_roots() {
            ws.add_import_root(&root);
        }
        ws.add_import_root(&folder_of(p));
    }
    let roots = ws.import_roots().to_vec();
    let files = confine_files(files, paths, &roots, &mut errors, &mut skipped);
    let named = read_into(&mut ws, files, &|p: &Path| display_path(p), &mut errors);
    ws.load_imports(&|p: &Path| display_path(p));
    LoadedWorkspace {
        workspace: ws,
        errors,
        focus: None,
        skipped,
        named,
    }
}

/// A workspace read the way `journeyc check PATHS` reads it.
#[derive(Debug)]
pub struct LoadedWorkspace {
    pub workspace: Workspace,
    /// Paths that could not be read.
    pub errors: Vec<LoadError>,
    /// The paths the user asked about, when a journey.toml made the whole
    /// workspace part of the check: findings are reported for files at or
    /// below these and the files they import ([`LoadedWorkspace::scope`]).
    /// `None`: report everything.
    pub focus: Option<Vec<PathBuf>>,
    /// Files found in folders and not read, with the reason (a symbolic
    /// link leading outside the workspace, a named pipe, socket or device,
    /// …): worth a warning.
    pub skipped: Vec<LoadError>,
    /// The files read because the paths named them (not only because
    /// something imports them).
    named: Vec<FileId>,
}

/// The files a check reports on: those the user asked about and,
/// transitively, every file they import.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    /// The files the paths name (all files of the workspace's folders
    /// when no paths were named).
    pub named: std::collections::HashSet<FileId>,
    /// `named` and every file they import, transitively.
    pub checked: std::collections::HashSet<FileId>,
}

impl Scope {
    /// Files checked only because a named file imports them.
    pub fn imported(&self) -> usize {
        self.checked.difference(&self.named).count()
    }
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

    /// The files the check covers: those the paths name and everything
    /// they import, transitively (an error in an imported file is an
    /// error of the check).
    pub fn scope(&self) -> Scope {
        let ws = &self.workspace;
        let named: std::collections::HashSet<FileId> = match &self.focus {
            Some(_) => ws
                .files()
                .map(|(id, _)| id)
                .filter(|id| self.in_focus(*id))
                .collect(),
            None => self.named.iter().copied().collect(),
        };
        let model = ws.model();
        let mut edges: std::collections::HashMap<FileId, Vec<FileId>> = Default::default();
        for imp in &model.imports {
            if let Some(t) = imp.target {
                edges.entry(imp.file).or_default().push(t);
            }
        }
        let mut checked = named.clone();
        let mut stack: Vec<FileId> = named.iter().copied().collect();
        while let Some(f) = stack.pop() {
            for t in edges.get(&f).into_iter().flatten() {
                if checked.insert(*t) {
                    stack.push(*t);
                }
            }
        }
        Scope { named, checked }
    }

    /// Whether a check reports `d`: every finding in journey.toml and in
    /// the files of `scope`; elsewhere in the workspace (files read so that
    /// names resolve) the errors, since they make the result of the check
    /// unreliable too.
    pub fn reports(&self, scope: &Scope, d: &journey_diagnostics::Diagnostic) -> bool {
        let file = d.file();
        Some(file) == self.workspace.config_file()
            || scope.checked.contains(&file)
            || d.severity == journey_diagnostics::Severity::Error
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
/// that keeps text facts between analyses.
pub fn load_workspace_into(
    mut ws: Workspace,
    paths: &[PathBuf],
    config: Config,
    display: &dyn Fn(&Path) -> String,
) -> LoadedWorkspace {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut skipped = Vec::new();
    let mut focus = None;
    // Imports may read inside the workspace root, the folders journey.toml
    // lists, and the folders of the paths named (see `crate::confine`).
    let mut roots = config.import_roots();
    for p in paths {
        let folder = crate::confine::canonical_root(&folder_of(p));
        if !roots.contains(&folder) {
            roots.push(folder);
        }
    }
    if config.path.is_some() {
        // Folders are searched with the workspace's include/exclude; files
        // named explicitly are always read.
        for path in paths {
            match std::fs::metadata(path) {
                Ok(m) if m.is_dir() => {
                    files.extend(find_workspace_files_in(&config, path, &mut skipped))
                }
                Ok(_) => files.push(path.clone()),
                Err(e) => errors.push(LoadError {
                    path: path.clone(),
                    message: e.to_string(),
                }),
            }
        }
        files.extend(find_workspace_files_in(&config, &config.root, &mut skipped));
        if !paths.is_empty() {
            focus = Some(
                paths
                    .iter()
                    .map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()))
                    .collect(),
            );
        }
    } else {
        let found = find_files(paths);
        files = found.files;
        errors = found.errors;
        skipped = found.skipped;
    }
    let files = dedup_files(files);
    let files = confine_files(files, paths, &roots, &mut errors, &mut skipped);
    let named = read_into(&mut ws, files, display, &mut errors);
    match config.path.clone() {
        Some(path) => ws.set_config(config, display(&path)),
        None => ws.set_config(config, String::new()),
    }
    for r in &roots {
        ws.add_import_root(r);
    }
    ws.load_imports(display);
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    skipped.dedup_by(|a, b| a.path == b.path);
    LoadedWorkspace {
        workspace: ws,
        errors,
        focus,
        skipped,
        named,
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
/// root is searched without include/exclude. Special files are left out.
pub fn workspace_files_in(config: &Config, dir: &Path) -> Vec<PathBuf> {
    find_workspace_files_in(config, dir, &mut Vec::new())
}

/// [`workspace_files_in`], noting the special files left out in `skipped`.
pub fn find_workspace_files_in(
    config: &Config,
    dir: &Path,
    skipped: &mut Vec<LoadError>,
) -> Vec<PathBuf> {
    let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let root = &config.root;
    if !dir.starts_with(root) {
        let found = find_files(&[dir]);
        skipped.extend(found.skipped);
        return found.files;
    }
    // Folders the workspace excludes are not searched; files are taken
    // as its include/exclude patterns say. Folders that cannot be listed
    // are passed over.
    let mut found = Found::default();
    walk(&dir, &mut found, &|path, is_dir| {
        let rel = relative_slash(root, path);
        if is_dir {
            !config.workspace.is_excluded(&rel)
        } else {
            config.workspace.contains(&rel)
        }
    });
    skipped.extend(found.skipped);
    let mut out = found.files;
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

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn mkfifo(path: &Path) {
        let ok = std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "mkfifo {}", path.display());
    }

    #[test]
    fn special_files_are_never_opened_for_reading() {
        let dir = std::env::temp_dir().join(format!("journey-load-special-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.journey"), "persona p \"P\" {\n}\n").unwrap();
        std::fs::write(dir.join("journey.toml"), "").unwrap();
        mkfifo(&dir.join("x.journey"));
        // Through a symbolic link too.
        std::os::unix::fs::symlink(dir.join("x.journey"), dir.join("link.journey")).unwrap();

        let err = read_regular_file(&dir.join("x.journey")).unwrap_err();
        assert!(err.to_string().contains("a named pipe (FIFO)"), "{err}");
        let err = read_regular_file(&dir.join("link.journey")).unwrap_err();
        assert!(err.to_string().contains("a named pipe (FIFO)"), "{err}");
        assert!(read_regular_file(&dir.join("a.journey")).is_ok());

        let found = find_files(std::slice::from_ref(&dir));
        assert_eq!(found.files, vec![dir.join("a.journey")]);
        assert!(found.errors.is_empty());
        let skipped: Vec<&Path> = found.skipped.iter().map(|e| e.path.as_path()).collect();
        assert_eq!(
            skipped,
            vec![dir.join("link.journey"), dir.join("x.journey")]
        );

        // The language server's walk: the workspace of a journey.toml.
        let config = Config::discover(&dir);
        let files = workspace_files(&config);
        assert_eq!(files.len(), 1, "{files:?}");
        assert!(files[0].ends_with("a.journey"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
