//! Writing files without losing anything: the one place where journeyc
//! changes files on disk (`fmt`, `init`, `import`, `-o`).
//!
//! [`write_atomic`] writes one file, a [`Transaction`] writes several all
//! or nothing. Both follow the same steps:
//!
//! 1. **Check every target first**, without touching anything: a folder
//!    or special file (FIFO, socket, device) in the way, a part of the
//!    path that is a file, a read-only file, a file that exists where a
//!    new one is asked for ([`Mode::CreateNew`]). All problems are
//!    reported together and nothing is written.
//! 2. **Stage**: each file's new content goes into a temporary file in
//!    the target's folder (created if missing), synced to disk. A new
//!    file gets the permissions an ordinary new file gets (`0666` minus
//!    the umask, so `0644` under the usual umask); a replaced file keeps
//!    its permissions, owner and group. An unwritable folder fails here,
//!    before any target is changed.
//! 3. **Commit**: each temporary file is renamed over its target. With
//!    [`Mode::ReplaceUnchanged`] the target is first compared with the
//!    [`Snapshot`] taken when it was read (length, modification time,
//!    content hash): a file edited meanwhile is left as it is.
//!    A file with several hard links, or whose owner or group cannot be
//!    given to the new file, is rewritten in place instead (its links and
//!    ownership stay), with a backup beside it while that happens.
//!    Should any step of a transaction fail, what was already committed is
//!    put back (replaced files from a backup, new files removed, created
//!    folders removed), and the error says exactly what happened.
//!
//! A symbolic link stays a link: the file it points to is replaced.

use std::fmt;
use std::fs::{self, File, Metadata, OpenOptions};
use std::hash::{Hash, Hasher};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::SystemTime;

#[cfg(unix)]
use std::os::unix::fs::{FileTypeExt, MetadataExt, OpenOptionsExt};

/// How a target may be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// A new file: anything at the path (a file, a link, a folder) stops
    /// the write. `journeyc init`, `journeyc import` without `--force`.
    CreateNew,
    /// Create the file, or replace it when it exists (keeping its
    /// permissions, owner and group). `journeyc import --force`, `-o`.
    Replace,
    /// Replace a file that was read before, only if it still holds what
    /// was read. `journeyc fmt`.
    ReplaceUnchanged(Snapshot),
}

/// What a file held when it was read: its length, modification time and
/// a hash of its content. Compared right before the file is replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    len: u64,
    modified: Option<SystemTime>,
    hash: u64,
}

fn content_hash(bytes: &[u8]) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

impl Snapshot {
    /// The snapshot of `bytes`, read from a file whose metadata was
    /// `before` (taken *before* reading, so that a write in between makes
    /// the snapshot stale rather than wrong).
    pub fn new(before: Option<&Metadata>, bytes: &[u8]) -> Snapshot {
        Snapshot {
            len: bytes.len() as u64,
            modified: before.and_then(|m| m.modified().ok()),
            hash: content_hash(bytes),
        }
    }

    /// Reads `path` and takes its snapshot.
    pub fn read(path: &Path) -> io::Result<(Vec<u8>, Snapshot)> {
        let before = fs::metadata(path)?;
        let bytes = fs::read(path)?;
        let snapshot = Snapshot::new(Some(&before), &bytes);
        Ok((bytes, snapshot))
    }

    /// Whether `path` still holds what was read. The content read for the
    /// comparison is returned when it matches.
    fn check(&self, path: &Path) -> Result<Vec<u8>, ErrorKind> {
        let meta = match fs::metadata(path) {
            Ok(m) => m,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(ErrorKind::Vanished),
            Err(e) => return Err(ErrorKind::io("read", e)),
        };
        if meta.len() != self.len {
            return Err(ErrorKind::Changed);
        }
        if let (Some(then), Ok(now)) = (self.modified, meta.modified()) {
            if then != now {
                return Err(ErrorKind::Changed);
            }
        }
        let bytes = fs::read(path).map_err(|e| ErrorKind::io("read", e))?;
        if bytes.len() as u64 != self.len || content_hash(&bytes) != self.hash {
            return Err(ErrorKind::Changed);
        }
        Ok(bytes)
    }
}

/// How a file was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// A new file.
    Created,
    /// An existing file, replaced by a new one with its permissions,
    /// owner and group.
    Replaced,
    /// An existing file rewritten in place (it has several hard links, or
    /// its owner or group could not be given to a new file).
    InPlace,
}

/// Why a file was not written.
#[derive(Debug)]
pub struct WriteError {
    /// The file (as it was named).
    pub path: PathBuf,
    pub kind: ErrorKind,
}

#[derive(Debug)]
pub enum ErrorKind {
    /// Something exists at the path and a new file was asked for.
    Exists,
    /// A folder is where the file should go.
    Folder,
    /// A FIFO, socket or device is where the file should go (what it is).
    NotRegular(&'static str),
    /// This part of the path is not a folder.
    ParentNotFolder(PathBuf),
    /// A symbolic link whose target does not exist.
    DanglingLink,
    /// The file is read-only (or not writable by this user).
    ReadOnly,
    /// The file changed since it was read.
    Changed,
    /// The file was removed since it was read.
    Vanished,
    /// An I/O error while doing `action` (a verb phrase: "write", "read").
    Io {
        action: &'static str,
        error: io::Error,
    },
    /// Rewriting the file in place failed and its previous content could
    /// not be put back; it is kept in `backup`.
    Damaged { error: io::Error, backup: PathBuf },
}

impl ErrorKind {
    fn io(action: &'static str, error: io::Error) -> ErrorKind {
        ErrorKind::Io { action, error }
    }
}

impl WriteError {
    fn new(path: &Path, kind: ErrorKind) -> WriteError {
        WriteError {
            path: path.to_path_buf(),
            kind,
        }
    }
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = self.path.display();
        match &self.kind {
            ErrorKind::Exists => write!(f, "`{p}` exists already"),
            ErrorKind::Folder => write!(f, "`{p}` is a folder, not a file"),
            ErrorKind::NotRegular(what) => write!(f, "`{p}` is {what}, not a regular file"),
            ErrorKind::ParentNotFolder(q) => {
                write!(f, "cannot write `{p}`: `{}` is not a folder", q.display())
            }
            ErrorKind::DanglingLink => {
                write!(f, "`{p}` is a symbolic link to a file that does not exist")
            }
            ErrorKind::ReadOnly => write!(f, "`{p}` is read-only"),
            ErrorKind::Changed => write!(f, "`{p}` changed since it was read"),
            ErrorKind::Vanished => write!(f, "`{p}` was removed since it was read"),
            ErrorKind::Io { action, error } => write!(f, "cannot {action} `{p}`: {error}"),
            ErrorKind::Damaged { error, backup } => write!(
                f,
                "writing `{p}` failed ({error}) and its previous content could not be put back; it is in `{}`",
                backup.display()
            ),
        }
    }
}

impl std::error::Error for WriteError {}

/// A file a failed transaction changed and could not put back.
#[derive(Debug)]
pub struct NotRestored {
    pub path: PathBuf,
    /// Where the previous content is, when the file existed before.
    pub backup: Option<PathBuf>,
    pub error: io::Error,
}

/// Why a transaction wrote nothing (or, rarely, could not undo all it
/// wrote: [`TxError::not_restored`]).
#[derive(Debug)]
pub struct TxError {
    /// Every problem found while checking the targets, or the one that
    /// stopped staging or committing.
    pub problems: Vec<WriteError>,
    /// Files that were already changed when the transaction failed and
    /// could not be put back. Empty: nothing was changed.
    pub not_restored: Vec<NotRestored>,
}

impl TxError {
    /// Whether every file is as it was before the transaction.
    pub fn nothing_changed(&self) -> bool {
        self.not_restored.is_empty()
    }
}

impl fmt::Display for TxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let problems: Vec<String> = self.problems.iter().map(|p| p.to_string()).collect();
        f.write_str(&problems.join("; "))?;
        if self.not_restored.is_empty() {
            return f.write_str("; nothing was written");
        }
        for n in &self.not_restored {
            match &n.backup {
                Some(b) => write!(
                    f,
                    "; `{}` was replaced and could not be put back ({}): its previous content is in `{}`",
                    n.path.display(),
                    n.error,
                    b.display()
                )?,
                None => write!(
                    f,
                    "; `{}` was written and could not be removed again ({})",
                    n.path.display(),
                    n.error
                )?,
            }
        }
        Ok(())
    }
}

impl std::error::Error for TxError {}

/// Writes `bytes` to `path` as `mode` allows, atomically: readers see
/// the old file or the new one, never a part.
pub fn write_atomic(path: &Path, bytes: &[u8], mode: Mode) -> Result<Written, WriteError> {
    let mut tx = Transaction::new();
    tx.add(path, bytes.to_vec(), mode);
    tx.backups = false;
    match tx.commit() {
        Ok(mut written) => Ok(written.pop().map(|(_, w)| w).unwrap_or(Written::Created)),
        Err(mut e) => Err(e.problems.pop().unwrap_or_else(|| {
            WriteError::new(
                path,
                ErrorKind::io("write", io::Error::other("unknown error")),
            )
        })),
    }
}

/// Writes `files` (name, content) into the folder `dir` (created if
/// needed) in one [`Transaction`], every file with `mode`: all or nothing.
/// `journeyc init` and `journeyc import` write their workspaces so.
/// Returns the paths written.
pub fn write_all<N: AsRef<Path>>(
    dir: &Path,
    files: impl IntoIterator<Item = (N, Vec<u8>)>,
    mode: Mode,
) -> Result<Vec<PathBuf>, TxError> {
    let mut tx = Transaction::new();
    for (name, bytes) in files {
        tx.add(dir.join(name), bytes, mode.clone());
    }
    Ok(tx.commit()?.into_iter().map(|(p, _)| p).collect())
}

/// Several files written all or nothing.
#[derive(Debug, Default)]
pub struct Transaction {
    entries: Vec<(PathBuf, Vec<u8>, Mode)>,
    /// Keep the previous content of replaced files until the end, so that
    /// a failure can put it back. Not needed for a single file.
    backups: bool,
}

impl Transaction {
    pub fn new() -> Transaction {
        Transaction {
            entries: Vec::new(),
            backups: true,
        }
    }

    /// Adds a file to write.
    pub fn add(&mut self, path: impl Into<PathBuf>, bytes: Vec<u8>, mode: Mode) {
        self.entries.push((path.into(), bytes, mode));
    }

    /// Writes every file, or none: see the crate documentation for the
    /// steps. Returns each path (as added) with how it was written.
    pub fn commit(self) -> Result<Vec<(PathBuf, Written)>, TxError> {
        let fail = |problems: Vec<WriteError>| TxError {
            problems,
            not_restored: Vec::new(),
        };
        // 1. Check every target.
        let mut targets = Vec::new();
        let mut problems = Vec::new();
        for (path, bytes, mode) in self.entries {
            match preflight(&path, mode) {
                Ok(t) => targets.push((t, bytes)),
                Err(e) => problems.push(e),
            }
        }
        if !problems.is_empty() {
            // A file where the folder should be is one problem, not one
            // per file meant for that folder.
            let mut seen = Vec::new();
            problems.retain(|p| match &p.kind {
                ErrorKind::ParentNotFolder(dir) if seen.contains(dir) => false,
                ErrorKind::ParentNotFolder(dir) => {
                    seen.push(dir.clone());
                    true
                }
                _ => true,
            });
            return Err(fail(problems));
        }

        // 2. Stage every file.
        let mut created_dirs = Vec::new();
        let mut staged = Vec::new();
        for (target, bytes) in targets {
            match stage(target, bytes, &mut created_dirs) {
                Ok(s) => staged.push(s),
                Err(e) => {
                    for s in staged {
                        s.discard();
                    }
                    remove_dirs(&created_dirs);
                    return Err(fail(vec![e]));
                }
            }
        }

        // 3. Commit them in order.
        let mut done: Vec<Done> = Vec::new();
        let mut pending = staged.into_iter();
        for s in pending.by_ref() {
            match s.commit(self.backups) {
                Ok(d) => done.push(d),
                Err(e) => {
                    for rest in pending {
                        rest.discard();
                    }
                    let mut not_restored = Vec::new();
                    for d in done.into_iter().rev() {
                        if let Err(n) = d.rollback() {
                            not_restored.push(n);
                        }
                    }
                    not_restored.reverse();
                    remove_dirs(&created_dirs);
                    return Err(TxError {
                        problems: vec![e],
                        not_restored,
                    });
                }
            }
        }
        Ok(done.into_iter().map(Done::finish).collect())
    }
}

/// A target that passed the checks.
#[derive(Debug)]
struct Target {
    /// As named by the caller (for messages and the result).
    shown: PathBuf,
    /// The file to write: symbolic links followed.
    real: PathBuf,
    mode: Mode,
    /// The target exists: its metadata.
    existing: Option<Metadata>,
}

/// Step 1: looks at `path` without changing anything.
fn preflight(path: &Path, mode: Mode) -> Result<Target, WriteError> {
    let err = |kind| WriteError::new(path, kind);
    let lmeta = match fs::symlink_metadata(path) {
        Ok(m) => Some(m),
        Err(e) if missing(&e) => None,
        Err(e) => return Err(err(ErrorKind::io("inspect", e))),
    };
    let Some(lmeta) = lmeta else {
        if matches!(mode, Mode::ReplaceUnchanged(_)) {
            return Err(err(ErrorKind::Vanished));
        }
        check_parents(path)?;
        return Ok(Target {
            shown: path.to_path_buf(),
            real: path.to_path_buf(),
            mode,
            existing: None,
        });
    };
    let (real, meta) = if lmeta.file_type().is_symlink() {
        if mode == Mode::CreateNew {
            return Err(err(ErrorKind::Exists));
        }
        let real = match fs::canonicalize(path) {
            Ok(r) => r,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(err(ErrorKind::DanglingLink))
            }
            Err(e) => return Err(err(ErrorKind::io("follow the link", e))),
        };
        let meta = fs::metadata(&real).map_err(|e| err(ErrorKind::io("inspect", e)))?;
        (real, meta)
    } else {
        (path.to_path_buf(), lmeta)
    };
    if meta.is_dir() {
        return Err(err(ErrorKind::Folder));
    }
    if !meta.is_file() {
        return Err(err(ErrorKind::NotRegular(kind_of(&meta))));
    }
    if mode == Mode::CreateNew {
        return Err(err(ErrorKind::Exists));
    }
    if read_only(&real, &meta) {
        return Err(err(ErrorKind::ReadOnly));
    }
    Ok(Target {
        shown: path.to_path_buf(),
        real,
        mode,
        existing: Some(meta),
    })
}

/// Nothing there (or a file where a folder of the path should be).
fn missing(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
    )
}

/// The nearest existing ancestor of a missing `path` must be a folder.
fn check_parents(path: &Path) -> Result<(), WriteError> {
    for dir in path.ancestors().skip(1) {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        match fs::metadata(dir) {
            Ok(m) if m.is_dir() => return Ok(()),
            Ok(_) => {
                return Err(WriteError::new(
                    path,
                    ErrorKind::ParentNotFolder(dir.to_path_buf()),
                ))
            }
            Err(e) if missing(&e) => continue,
            Err(e) => return Err(WriteError::new(path, ErrorKind::io("inspect", e))),
        }
    }
    Ok(())
}

/// What a file that is neither a regular file nor a folder is.
fn kind_of(meta: &Metadata) -> &'static str {
    #[cfg(unix)]
    {
        let t = meta.file_type();
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    let _ = meta;
    "a special file"
}

/// A file without any write permission, or one this user cannot open for
/// writing. (A file without write permission counts as read-only even for
/// root, who could write it anyway: someone made it read-only on purpose.)
fn read_only(path: &Path, meta: &Metadata) -> bool {
    if meta.permissions().readonly() {
        return true;
    }
    matches!(
        OpenOptions::new().write(true).open(path),
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied
    )
}

/// The folder a file lies in.
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Creates the missing folders above `path`, recording those created.
fn create_parents(path: &Path, created: &mut Vec<PathBuf>) -> io::Result<()> {
    let mut missing = Vec::new();
    for dir in path.ancestors().skip(1) {
        if dir.as_os_str().is_empty() || dir.exists() {
            break;
        }
        missing.push(dir.to_path_buf());
    }
    for dir in missing.into_iter().rev() {
        match fs::create_dir(&dir) {
            Ok(()) => created.push(dir),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Removes folders this run created (innermost first), if still empty.
fn remove_dirs(created: &[PathBuf]) {
    for dir in created.iter().rev() {
        let _ = fs::remove_dir(dir);
    }
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// A fresh hidden file beside `target`: `.NAME.journeyc-PID-N.SUFFIX`,
/// created with `mode` (minus the umask).
fn create_beside(target: &Path, suffix: &str, mode: u32) -> io::Result<(PathBuf, File)> {
    let dir = folder_of(target);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Stay well below the 255-byte limit of a file name.
    let mut stem = name.as_str();
    while stem.len() > 100 {
        let mut cut = stem.len() - 1;
        while !stem.is_char_boundary(cut) {
            cut -= 1;
        }
        stem = &stem[..cut];
    }
    let mut last = None;
    for _ in 0..1000 {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = dir.join(format!(
            ".{stem}.journeyc-{}-{n}.{suffix}",
            std::process::id()
        ));
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        options.mode(mode);
        #[cfg(not(unix))]
        let _ = mode;
        match options.open(&path) {
            Ok(f) => return Ok((path, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("no free temporary name")))
}

/// A target whose new content is ready.
#[derive(Debug)]
struct Staged {
    target: Target,
    bytes: Vec<u8>,
    /// The temporary file, `None` when the file is rewritten in place.
    tmp: Option<PathBuf>,
}

/// Step 2: the new content into a temporary file beside the target (or,
/// for a file rewritten in place, nothing yet).
fn stage(target: Target, bytes: Vec<u8>, created: &mut Vec<PathBuf>) -> Result<Staged, WriteError> {
    let err = |kind| WriteError::new(&target.shown, kind);
    if let Some(meta) = &target.existing {
        if has_several_links(meta) {
            return Ok(Staged {
                target,
                bytes,
                tmp: None,
            });
        }
    }
    create_parents(&target.real, created)
        .map_err(|e| err(ErrorKind::io("create the folder for", e)))?;
    // A replaced file keeps its permissions: start private, widen below.
    let mode = if target.existing.is_some() {
        0o600
    } else {
        0o666
    };
    let (tmp, mut file) = create_beside(&target.real, "tmp", mode)
        .map_err(|e| err(ErrorKind::io("create a temporary file beside", e)))?;
    let written = (|| -> io::Result<bool> {
        file.write_all(&bytes)?;
        if let Some(meta) = &target.existing {
            if !take_owner(&file, meta)? {
                return Ok(false);
            }
            fs::set_permissions(&tmp, meta.permissions())?;
        }
        file.sync_all()?;
        Ok(true)
    })();
    drop(file);
    match written {
        Ok(true) => Ok(Staged {
            target,
            bytes,
            tmp: Some(tmp),
        }),
        // The owner or group cannot be kept by a new file: rewrite in place.
        Ok(false) => {
            let _ = fs::remove_file(&tmp);
            Ok(Staged {
                target,
                bytes,
                tmp: None,
            })
        }
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            Err(err(ErrorKind::io("write", e)))
        }
    }
}

#[cfg(unix)]
fn has_several_links(meta: &Metadata) -> bool {
    meta.nlink() > 1
}

#[cfg(not(unix))]
fn has_several_links(_: &Metadata) -> bool {
    false
}

/// Gives `file` the owner and group of `meta`. `Ok(false)`: not allowed
/// (only root may give a file away).
#[cfg(unix)]
fn take_owner(file: &File, meta: &Metadata) -> io::Result<bool> {
    let now = file.metadata()?;
    if now.uid() == meta.uid() && now.gid() == meta.gid() {
        return Ok(true);
    }
    match std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid())) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => Ok(false),
        Err(e) => Err(e),
    }
}

#[cfg(not(unix))]
fn take_owner(_: &File, _: &Metadata) -> io::Result<bool> {
    Ok(true)
}

/// A committed file, and how to take it back.
#[derive(Debug)]
enum Done {
    Created {
        shown: PathBuf,
        real: PathBuf,
    },
    Replaced {
        shown: PathBuf,
        real: PathBuf,
        backup: Option<PathBuf>,
    },
    InPlace {
        shown: PathBuf,
        real: PathBuf,
        old: Vec<u8>,
        backup: PathBuf,
    },
}

impl Staged {
    fn discard(self) {
        if let Some(tmp) = self.tmp {
            let _ = fs::remove_file(tmp);
        }
    }

    /// Step 3 for one file.
    fn commit(self, backups: bool) -> Result<Done, WriteError> {
        let Staged { target, bytes, tmp } = self;
        let shown = target.shown.clone();
        let real = target.real.clone();
        let err = |kind| WriteError::new(&shown, kind);
        let discard = |tmp: &Option<PathBuf>| {
            if let Some(t) = tmp {
                let _ = fs::remove_file(t);
            }
        };
        // The file must still hold what was read.
        let verified = match &target.mode {
            Mode::ReplaceUnchanged(snapshot) => match snapshot.check(&real) {
                Ok(bytes) => Some(bytes),
                Err(kind) => {
                    discard(&tmp);
                    return Err(err(kind));
                }
            },
            _ => None,
        };
        let Some(tmp) = tmp else {
            return write_in_place(&shown, &real, &bytes, verified);
        };
        if target.existing.is_none() {
            // A new file: never replace one that appeared meanwhile.
            if let Err(e) = link_new(&tmp, &real) {
                let _ = fs::remove_file(&tmp);
                return Err(err(if e.kind() == io::ErrorKind::AlreadyExists {
                    ErrorKind::Exists
                } else {
                    ErrorKind::io("write", e)
                }));
            }
            sync_folder(&real);
            return Ok(Done::Created { shown, real });
        }
        let backup = if backups {
            match keep_copy(&real) {
                Ok(b) => Some(b),
                Err(e) => {
                    let _ = fs::remove_file(&tmp);
                    return Err(err(ErrorKind::io("keep a backup of", e)));
                }
            }
        } else {
            None
        };
        if let Err(e) = fs::rename(&tmp, &real) {
            let _ = fs::remove_file(&tmp);
            if let Some(b) = &backup {
                let _ = fs::remove_file(b);
            }
            return Err(err(ErrorKind::io("replace", e)));
        }
        sync_folder(&real);
        Ok(Done::Replaced {
            shown,
            real,
            backup,
        })
    }
}

/// Puts `tmp` at `target` unless something is there: a hard link (which
/// fails when the target exists), then the temporary name is removed.
fn link_new(tmp: &Path, target: &Path) -> io::Result<()> {
    match fs::hard_link(tmp, target) {
        Ok(()) => {
            let _ = fs::remove_file(tmp);
            Ok(())
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        // A file system without hard links: check, then rename.
        Err(_) => {
            if fs::symlink_metadata(target).is_ok() {
                return Err(io::ErrorKind::AlreadyExists.into());
            }
            fs::rename(tmp, target)
        }
    }
}

/// A backup of `path` beside it, to put back should the transaction fail:
/// a second hard link (the very same file), or a copy where links are not
/// possible.
fn keep_copy(path: &Path) -> io::Result<PathBuf> {
    // Reserve a name, then link over it.
    let (name, file) = create_beside(path, "bak", 0o600)?;
    drop(file);
    let _ = fs::remove_file(&name);
    if fs::hard_link(path, &name).is_ok() {
        return Ok(name);
    }
    let (name, mut file) = create_beside(path, "bak", 0o600)?;
    let copied = (|| {
        file.write_all(&fs::read(path)?)?;
        file.sync_all()?;
        fs::set_permissions(&name, fs::metadata(path)?.permissions())
    })();
    if let Err(e) = copied {
        let _ = fs::remove_file(&name);
        return Err(e);
    }
    Ok(name)
}

/// Rewrites `real` in place (its hard links, owner and group stay). The
/// previous content is kept in a backup beside it while that happens, and
/// written back should the rewrite fail.
fn write_in_place(
    shown: &Path,
    real: &Path,
    bytes: &[u8],
    verified: Option<Vec<u8>>,
) -> Result<Done, WriteError> {
    let err = |kind| WriteError::new(shown, kind);
    let old = match verified {
        Some(b) => b,
        None => fs::read(real).map_err(|e| err(ErrorKind::io("read", e)))?,
    };
    let (backup, mut file) =
        create_beside(real, "bak", 0o600).map_err(|e| err(ErrorKind::io("keep a backup of", e)))?;
    if let Err(e) = file.write_all(&old).and_then(|()| file.sync_all()) {
        let _ = fs::remove_file(&backup);
        return Err(err(ErrorKind::io("keep a backup of", e)));
    }
    drop(file);
    if let Err(e) = overwrite(real, bytes) {
        return Err(match overwrite(real, &old) {
            Ok(()) => {
                let _ = fs::remove_file(&backup);
                err(ErrorKind::io("write", e))
            }
            Err(_) => err(ErrorKind::Damaged { error: e, backup }),
        });
    }
    Ok(Done::InPlace {
        shown: shown.to_path_buf(),
        real: real.to_path_buf(),
        old,
        backup,
    })
}

/// Replaces the content of the existing file `path` by `bytes`.
fn overwrite(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut f = OpenOptions::new().write(true).open(path)?;
    f.write_all(bytes)?;
    f.set_len(bytes.len() as u64)?;
    f.sync_all()
}

/// Makes a rename in the folder of `path` durable (best effort).
fn sync_folder(path: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(folder_of(path)) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = path;
}

impl Done {
    /// Takes the change back.
    fn rollback(self) -> Result<(), NotRestored> {
        match self {
            Done::Created { shown, real } => fs::remove_file(&real).map_err(|error| NotRestored {
                path: shown,
                backup: None,
                error,
            }),
            Done::Replaced {
                shown,
                real,
                backup: Some(backup),
            } => fs::rename(&backup, &real).map_err(|error| NotRestored {
                path: shown,
                backup: Some(backup),
                error,
            }),
            // A single file, replaced atomically: there is nothing to
            // take back (and never anything after it to fail).
            Done::Replaced { backup: None, .. } => Ok(()),
            Done::InPlace {
                shown,
                real,
                old,
                backup,
            } => match overwrite(&real, &old) {
                Ok(()) => {
                    let _ = fs::remove_file(&backup);
                    Ok(())
                }
                Err(error) => Err(NotRestored {
                    path: shown,
                    backup: Some(backup),
                    error,
                }),
            },
        }
    }

    /// The transaction succeeded: the backups go.
    fn finish(self) -> (PathBuf, Written) {
        match self {
            Done::Created { shown, .. } => (shown, Written::Created),
            Done::Replaced { shown, backup, .. } => {
                if let Some(b) = backup {
                    let _ = fs::remove_file(b);
                }
                (shown, Written::Replaced)
            }
            Done::InPlace { shown, backup, .. } => {
                let _ = fs::remove_file(backup);
                (shown, Written::InPlace)
            }
        }
    }
}
