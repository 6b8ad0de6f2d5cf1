//! The server's state: the workspace (files from disk, overridden by the
//! editor's unsaved buffers), the open documents with their versions, and
//! the immutable snapshots requests are answered from.

use crate::convert::{apply_change, Encoding};
use journey_analysis::confine::{self, Judgement};
use journey_analysis::{load, Config, Workspace};
use journey_diagnostics::FileId;
use journey_ide::Analysis;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tower_lsp_server::ls_types::{TextDocumentContentChangeEvent, Uri};

/// What the client supports and asked for, fixed at `initialize`.
#[derive(Debug, Clone)]
pub struct Options {
    pub encoding: Encoding,
    pub snippets: bool,
    pub hierarchical_symbols: bool,
    pub line_folding_only: bool,
    pub markdown: bool,
    pub related_information: bool,
    /// `{code}` is replaced by the diagnostic code.
    pub code_url: String,
    /// How long the diagnostics wait for more changes before running.
    pub diagnostics_delay_ms: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            encoding: Encoding::Utf16,
            snippets: false,
            hierarchical_symbols: false,
            line_folding_only: false,
            markdown: true,
            related_information: true,
            code_url: DEFAULT_CODE_URL.to_string(),
            diagnostics_delay_ms: 0,
        }
    }
}

/// Where a diagnostic code's explanation lives (`journeyc explain CODE`
/// prints the same text).
pub const DEFAULT_CODE_URL: &str = concat!(
    env!("CARGO_PKG_REPOSITORY"),
    "/blob/main/docs/codes.md#{code}"
);

/// An open document.
#[derive(Debug)]
pub struct Doc {
    pub file: FileId,
    pub version: i32,
    /// Changes that arrived ahead of a missing version, by version.
    pub pending: BTreeMap<i32, Vec<TextDocumentContentChangeEvent>>,
}

/// What happened to a `didChange`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeOutcome {
    /// Applied (with any queued changes it unblocked).
    Applied,
    /// Held until the versions before it arrive (or a short wait ends).
    Queued,
    /// Older than the document: ignored.
    Stale,
    /// Not an open document.
    Unknown,
}

/// The files of a snapshot by URI and back, with open documents' versions.
#[derive(Debug, Clone, Default)]
pub struct Files {
    by_uri: HashMap<Uri, FileId>,
    uris: HashMap<FileId, Uri>,
    pub versions: HashMap<FileId, i32>,
}

impl Files {
    pub fn file(&self, uri: &Uri) -> Option<FileId> {
        self.by_uri.get(uri).copied()
    }

    pub fn uri(&self, file: FileId) -> Option<&Uri> {
        self.uris.get(&file)
    }
}

/// An immutable view answered from; cheap to clone.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub analysis: Arc<Analysis>,
    pub files: Arc<Files>,
    pub opts: Arc<Options>,
    pub generation: u64,
}

#[derive(Debug, Default)]
pub struct State {
    pub ws: Workspace,
    pub docs: HashMap<Uri, Doc>,
    pub files: Arc<Files>,
    pub folders: Vec<PathBuf>,
    pub opts: Arc<Options>,
    /// Bumped on every change of the workspace.
    pub generation: u64,
    snapshot: Option<Snapshot>,
    /// Each file's name index, kept while its parse is unchanged.
    index_cache: Arc<journey_ide::IndexCache>,
    garbage: Garbage,
}

/// Drops old snapshots on a thread of its own: freeing the trees of a big
/// file takes milliseconds that an edit should not wait for.
#[derive(Debug, Default)]
struct Garbage(Option<std::sync::mpsc::Sender<Snapshot>>);

impl Garbage {
    fn drop_later(&mut self, old: Snapshot) {
        if self.0.is_none() {
            let (tx, rx) = std::sync::mpsc::channel::<Snapshot>();
            let spawned = std::thread::Builder::new()
                .name("journeyc-drop".into())
                .spawn(move || while rx.recv().is_ok() {});
            if spawned.is_ok() {
                self.0 = Some(tx);
            }
        }
        if let Some(tx) = &self.0 {
            let _ = tx.send(old);
        }
    }
}

/// The path a URI stands for: the file for `file:` URIs (canonical when it
/// exists), a path made of the URI otherwise (an unsaved `untitled:` buffer).
pub fn path_of(uri: &Uri) -> PathBuf {
    if uri.scheme().as_str().eq_ignore_ascii_case("file") {
        if let Some(p) = uri.to_file_path() {
            let p = p.into_owned();
            return std::fs::canonicalize(&p)
                .unwrap_or_else(|_| journey_analysis::model::normalize_path(&p));
        }
    }
    PathBuf::from(format!("/{}", uri.as_str().replace(':', "_")))
}

pub fn uri_of(path: &Path) -> Option<Uri> {
    Uri::from_file_path(path)
}

impl State {
    pub fn new(opts: Options) -> State {
        let mut ws = Workspace::new();
        // Between two keystrokes almost every text stays the same: the
        // lints re-read only the changed ones.
        ws.keep_text_facts();
        // An edit re-analyses only the files it can change; the findings
        // of the others are kept.
        ws.analyse_incrementally();
        State {
            ws,
            opts: Arc::new(opts),
            ..State::default()
        }
    }

    /// The snapshot of the current generation (built once per generation).
    pub fn snapshot(&mut self) -> Snapshot {
        if let Some(s) = &self.snapshot {
            if s.generation == self.generation {
                return s.clone();
            }
        }
        let s = Snapshot {
            analysis: Arc::new(Analysis::with_index_cache(
                Arc::new(self.ws.clone()),
                self.index_cache.clone(),
            )),
            files: self.files.clone(),
            opts: self.opts.clone(),
            generation: self.generation,
        };
        if let Some(old) = self.snapshot.replace(s.clone()) {
            self.garbage.drop_later(old);
        }
        s
    }

    fn bump(&mut self) {
        self.generation += 1;
        if let Some(old) = self.snapshot.take() {
            self.garbage.drop_later(old);
        }
    }

    /// How a path is shown: relative to the workspace folder it is in.
    pub fn display(&self, path: &Path) -> String {
        for f in &self.folders {
            if let Ok(rel) = path.strip_prefix(f) {
                return rel.display().to_string();
            }
        }
        path.display().to_string()
    }

    fn register(&mut self, file: FileId, uri: Uri) {
        let files = Arc::make_mut(&mut self.files);
        if let Some(old) = files.uris.insert(file, uri.clone()) {
            files.by_uri.remove(&old);
        }
        files.by_uri.insert(uri, file);
    }

    fn unregister(&mut self, file: FileId) {
        let files = Arc::make_mut(&mut self.files);
        if let Some(uri) = files.uris.remove(&file) {
            files.by_uri.remove(&uri);
        }
        files.versions.remove(&file);
    }

    /// Reads a file from disk into the workspace (unless it is open: the
    /// editor's buffer wins).
    /// Only what [`confine::judge`] admits is read: a `.journey` file
    /// inside the workspace's roots, after following symbolic links.
    pub fn load_from_disk(&mut self, path: &Path) -> Option<FileId> {
        if let Some(id) = self.ws.file_id(path) {
            if self.docs.values().any(|d| d.file == id) {
                return Some(id);
            }
        }
        if let Judgement::Refused(_) = confine::judge(path, self.ws.import_roots()) {
            return None;
        }
        let display = self.display(path);
        let id = load::load_file_as(&mut self.ws, path, display).ok()?;
        if let Some(uri) = uri_of(&self.ws.file(id)?.path) {
            self.register(id, uri);
        }
        self.bump();
        Some(id)
    }

    /// Reads imported files that are not in the workspace yet.
    pub fn load_imports(&mut self) {
        let folders = self.folders.clone();
        let display = move |p: &Path| {
            for f in &folders {
                if let Ok(rel) = p.strip_prefix(f) {
                    return rel.display().to_string();
                }
            }
            p.display().to_string()
        };
        let loaded = self.ws.load_imports(&display);
        if !loaded.is_empty() {
            for id in loaded {
                if let Some(uri) = self.ws.file(id).and_then(|f| uri_of(&f.path)) {
                    self.register(id, uri);
                }
            }
            self.bump();
        }
    }

    /// Adds a workspace folder: its journey.toml (the first folder's
    /// configures the workspace) and every file it includes.
    pub fn add_folder(&mut self, folder: PathBuf) {
        let folder = std::fs::canonicalize(&folder).unwrap_or(folder);
        if self.folders.contains(&folder) {
            return;
        }
        let first = self.folders.is_empty();
        self.folders.push(folder.clone());
        // Imports may read inside every workspace folder (and the first
        // folder's journey.toml adds its root and `import_roots`).
        self.ws.add_import_root(&folder);
        let config = Config::discover(&folder);
        let files = load::workspace_files(&config);
        if first {
            self.set_config(config);
        }
        for f in files {
            self.load_from_disk(&f);
        }
        self.load_imports();
        self.bump();
    }

    fn set_config(&mut self, config: Config) {
        let path = config.path.clone();
        let display = path.as_deref().map(|p| self.display(p)).unwrap_or_default();
        self.ws.set_config(config, display);
        if let (Some(id), Some(path)) = (self.ws.config_file(), path) {
            if let Some(uri) = uri_of(&path) {
                self.register(id, uri);
            }
        }
        self.bump();
    }

    /// Re-reads the configuration of the first folder (journey.toml changed).
    /// The folders imports may read from follow it: files read from a
    /// folder that is no longer listed leave (unless open), and imports
    /// that may now be read are.
    pub fn reload_config(&mut self) {
        if let Some(folder) = self.folders.first().cloned() {
            self.set_config(Config::discover(&folder));
            let roots = self.ws.import_roots().to_vec();
            let outside: Vec<PathBuf> = self
                .ws
                .files()
                .filter(|(id, f)| !confine::within(&f.path, &roots) && !self.is_open(*id))
                .map(|(_, f)| f.path.clone())
                .collect();
            for p in outside {
                self.remove_path(&p);
            }
            self.load_imports();
        }
    }

    /// Removes a workspace folder and the files below it that are not open.
    pub fn remove_folder(&mut self, folder: &Path) {
        let folder = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
        self.folders.retain(|f| *f != folder);
        let below: Vec<PathBuf> = self
            .ws
            .files()
            .filter(|(id, f)| f.path.starts_with(&folder) && !self.is_open(*id))
            .map(|(_, f)| f.path.clone())
            .collect();
        for p in below {
            self.remove_path(&p);
        }
    }

    pub fn is_open(&self, file: FileId) -> bool {
        self.docs.values().any(|d| d.file == file)
    }

    fn in_folders(&self, path: &Path) -> bool {
        self.folders.iter().any(|f| path.starts_with(f))
    }

    pub fn remove_path(&mut self, path: &Path) {
        if let Some(id) = self.ws.remove_file(path) {
            self.unregister(id);
            self.bump();
        }
    }

    pub fn open(&mut self, uri: Uri, version: i32, text: String) -> FileId {
        let path = path_of(&uri);
        // A file opened outside the workspace folders: its imports may
        // read inside its own folder.
        if uri.scheme().as_str().eq_ignore_ascii_case("file")
            && !confine::within(&path, self.ws.import_roots())
        {
            if let Some(folder) = path.parent() {
                self.ws.add_import_root(folder);
            }
        }
        let display = self.display(&path);
        let id = self.ws.set_file(path, display, text);
        self.register(id, uri.clone());
        Arc::make_mut(&mut self.files).versions.insert(id, version);
        self.docs.insert(
            uri,
            Doc {
                file: id,
                version,
                pending: BTreeMap::new(),
            },
        );
        self.bump();
        self.load_imports();
        id
    }

    /// Applies a `didChange` in version order: a change right after the
    /// document's version is applied (with the queued ones it unblocks);
    /// one further ahead is queued; an older one is dropped. A change that
    /// replaces the whole text needs no predecessor.
    pub fn change(
        &mut self,
        uri: &Uri,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
    ) -> ChangeOutcome {
        let Some(doc) = self.docs.get_mut(uri) else {
            return ChangeOutcome::Unknown;
        };
        if version <= doc.version {
            return ChangeOutcome::Stale;
        }
        let full = changes.iter().any(|c| c.range.is_none());
        if version != doc.version + 1 && !full {
            doc.pending.insert(version, changes);
            return ChangeOutcome::Queued;
        }
        self.apply(uri, version, changes);
        self.drain(uri, false);
        ChangeOutcome::Applied
    }

    /// Applies queued changes in version order: those that follow the
    /// document's version, or all of them (`force`, when the wait for a
    /// missing version is over: the client numbers versions with gaps).
    pub fn drain(&mut self, uri: &Uri, force: bool) -> bool {
        let mut applied = false;
        loop {
            let Some(doc) = self.docs.get_mut(uri) else {
                return applied;
            };
            let Some((&v, _)) = doc.pending.iter().next() else {
                return applied;
            };
            if v <= doc.version {
                doc.pending.remove(&v);
                continue;
            }
            if v != doc.version + 1 && !force {
                return applied;
            }
            let changes = doc.pending.remove(&v).unwrap_or_default();
            self.apply(uri, v, changes);
            applied = true;
        }
    }

    fn apply(&mut self, uri: &Uri, version: i32, changes: Vec<TextDocumentContentChangeEvent>) {
        let Some(doc) = self.docs.get_mut(uri) else {
            return;
        };
        doc.version = version;
        let id = doc.file;
        let Some(f) = self.ws.file(id) else { return };
        let mut text = f.source.text.to_string();
        let (path, display) = (f.path.clone(), f.display.clone());
        // The file's line index fits the text until the first edit.
        let mut index = Some(f.source.line_index.clone());
        for c in changes {
            match c.range {
                Some(range) => apply_change(
                    &mut text,
                    index.take().as_deref(),
                    range,
                    &c.text,
                    self.opts.encoding,
                ),
                None => {
                    text = c.text;
                    index = None;
                }
            }
        }
        self.ws.set_file(path, display, text);
        Arc::make_mut(&mut self.files).versions.insert(id, version);
        self.bump();
        self.load_imports();
    }

    /// Closes a document: the file on disk takes over when it belongs to
    /// the workspace (in a folder, or imported); otherwise it leaves.
    pub fn close(&mut self, uri: &Uri) {
        let Some(doc) = self.docs.remove(uri) else {
            return;
        };
        Arc::make_mut(&mut self.files).versions.remove(&doc.file);
        let Some(path) = self.ws.file(doc.file).map(|f| f.path.clone()) else {
            return;
        };
        let imported = self
            .ws
            .model()
            .imports
            .iter()
            .any(|i| i.target == Some(doc.file));
        if path.is_file() && (self.in_folders(&path) || imported) {
            self.load_from_disk(&path);
        } else {
            self.remove_path(&path);
        }
        self.bump();
    }

    /// A file changed on disk (created, changed or deleted).
    pub fn disk_changed(&mut self, uri: &Uri, deleted: bool) {
        let path = path_of(uri);
        if path
            .file_name()
            .is_some_and(|n| n == journey_analysis::config::FILE_NAME)
        {
            self.reload_config();
            return;
        }
        if let Some(id) = self.ws.file_id(&path) {
            if self.is_open(id) {
                return; // the editor's buffer wins
            }
        }
        if deleted || !path.is_file() {
            self.remove_path(&path);
        } else if path.extension().is_some_and(|e| e == "journey") {
            self.load_from_disk(&path);
            self.load_imports();
        }
    }
}

#[cfg(test)]
mod code_url_tests {
    use super::DEFAULT_CODE_URL;

    /// The default link of every code leads to a file of the repository
    /// that has the code's anchor.
    #[test]
    fn the_default_code_link_points_at_an_anchor_in_the_repository() {
        let (_, in_repo) = DEFAULT_CODE_URL
            .split_once("/blob/main/")
            .expect("a link into the repository");
        let (file, fragment) = in_repo.split_once('#').expect("an anchor");
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(file);
        let text = std::fs::read_to_string(&path).expect("the linked file exists");
        for c in journey_analysis::all_codes() {
            let anchor = format!("<a id=\"{}\">", fragment.replace("{code}", c.code));
            assert!(text.contains(&anchor), "{file} has no {anchor}");
        }
    }
}
