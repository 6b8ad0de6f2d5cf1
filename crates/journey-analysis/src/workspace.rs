use crate::analysis::CheckedWorkspace;
use crate::config::Config;
use crate::confine::{self, Judgement, Refusal};
use crate::incremental::Memo;
use crate::lints::config::MessagingConfig;
use crate::lints::facts::TextCache;
use crate::model::{normalize_path, Model};
use journey_diagnostics::{Diagnostic, FileId, SourceFile, Sources};
use journey_syntax::Parse;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

/// What a file of the workspace is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A `.journey` file: parsed, part of the model.
    Journey,
    /// The workspace's `journey.toml`: shown in findings, not parsed as a journey.
    Config,
}

/// One file of the workspace: its text and its parse.
#[derive(Debug, Clone)]
pub struct FileData {
    pub path: PathBuf,
    /// The path as shown to the user.
    pub display: String,
    pub source: SourceFile,
    /// The parse (empty for the configuration file).
    pub parse: Arc<Parse>,
    /// Problems found before parsing (e.g. invalid UTF-8).
    pub load_diagnostics: Vec<Diagnostic>,
    pub kind: FileKind,
}

/// The files being analysed, their configuration, and — computed on
/// demand and cached until the next change — their semantic [`Model`] and
/// [`CheckedWorkspace`].
///
/// File ids are stable for the life of the workspace: a file that is
/// updated keeps its id. Nothing here touches the disk except
/// [`Workspace::load_imports`] (and the loaders in [`crate::load`]), so a
/// language server can hold unsaved buffers with [`Workspace::set_file`].
#[derive(Debug, Clone, Default)]
pub struct Workspace {
    files: Vec<Option<FileData>>,
    by_path: HashMap<PathBuf, FileId>,
    /// Other spellings of a file's path (through symbolic links), found
    /// while loading imports.
    aliases: HashMap<PathBuf, FileId>,
    config: Config,
    config_file: Option<FileId>,
    /// `[messaging]` and `[vocabulary]`, read when the configuration is
    /// set, with their problems (at journey.toml's id).
    messaging: Arc<(MessagingConfig, Vec<Diagnostic>)>,
    model: OnceLock<Arc<Model>>,
    analysis: OnceLock<Arc<CheckedWorkspace>>,
    /// Text facts kept between analyses, when [`Workspace::keep_text_facts`]
    /// asked for it.
    text_cache: Option<Arc<TextCache>>,
    /// The folders imports may read from (canonical): the configuration's
    /// root and `import_roots`, then the ones added by the loaders. Empty:
    /// an in-memory workspace, which reads nothing from disk.
    config_roots: Vec<PathBuf>,
    extra_roots: Vec<PathBuf>,
    roots: Vec<PathBuf>,
    /// Imports refused on disk (a symbolic link leading outside the roots),
    /// by the path they name; the model reports them at the import.
    refusals: HashMap<PathBuf, Refusal>,
    /// What [`Workspace::analyse_incrementally`] keeps between analyses;
    /// shared by the clones of this workspace (its snapshots).
    memo: Option<Arc<Mutex<Memo>>>,
    /// The findings the incremental analysis gave for the current state.
    diagnostics: OnceLock<Arc<[Diagnostic]>>,
    /// Changes whenever the settings change (configuration, roots,
    /// aliases, refusals), and whenever a path is added or removed: to
    /// a number no other state of any workspace had.
    settings: u64,
    paths: u64,
}

/// A number no other state had (see [`Workspace::settings_generation`]).
fn next_generation() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Workspace {
    pub fn new() -> Self {
        Self::default()
    }

    /// Keeps what the messaging lints learn about each text (language,
    /// content words, claims …) from one analysis to the next, so that
    /// after an edit only the changed texts are read again. For a
    /// long-lived workspace such as a language server's; texts that drop
    /// out of the workspace are forgotten after the next analysis.
    pub fn keep_text_facts(&mut self) {
        self.text_cache.get_or_insert_with(Default::default);
    }

    /// Keeps what each analysis learns — per-file summaries and the
    /// findings of each group of files that depend on each other — so
    /// that [`Workspace::diagnostics`] after an edit analyses only the
    /// files the edit can affect (see [`crate::incremental`]). The
    /// findings are the same as without it. For a long-lived workspace
    /// such as a language server's.
    pub fn analyse_incrementally(&mut self) {
        self.memo.get_or_insert_with(Default::default);
    }

    /// How much the incremental analysis kept and redid, if it is on.
    pub fn incremental_stats(&self) -> Option<crate::incremental::Stats> {
        self.memo.as_ref().map(|m| lock(m).stats())
    }

    /// Identifies the settings (see the field): what the incremental
    /// analysis keys findings with, besides the files.
    pub(crate) fn settings_generation(&self) -> u64 {
        self.settings
    }

    /// Identifies the set of paths of the workspace.
    pub(crate) fn paths_generation(&self) -> u64 {
        self.paths
    }

    /// The text facts kept between analyses, if [`Workspace::keep_text_facts`]
    /// was called.
    pub fn text_cache(&self) -> Option<&TextCache> {
        self.text_cache.as_deref()
    }

    fn parse(&self, text: &str, id: FileId) -> Arc<Parse> {
        // A file that is already here was most likely edited: re-parse
        // only the definitions the edit touched.
        let old = self
            .files
            .get(id.0 as usize)
            .and_then(Option::as_ref)
            .filter(|f| f.kind == FileKind::Journey);
        let parse = match old {
            Some(old) => journey_syntax::reparse(&old.parse, &old.source.text, text, id),
            None => journey_syntax::parse(text, id),
        };
        Arc::new(parse)
    }

    /// Adds a file or replaces its text, and parses it.
    pub fn set_file(&mut self, path: PathBuf, display: String, text: String) -> FileId {
        self.set_file_with(path, display, text, Vec::new())
    }

    /// Like [`Workspace::set_file`] with diagnostics from loading.
    pub fn set_file_with(
        &mut self,
        path: PathBuf,
        display: String,
        text: String,
        load_diagnostics: Vec<Diagnostic>,
    ) -> FileId {
        let id = self.slot_for(&path);
        let parse = self.parse(&text, id);
        self.files[id.0 as usize] = Some(FileData {
            path,
            source: SourceFile::new(display.clone(), text),
            display,
            parse,
            load_diagnostics,
            kind: FileKind::Journey,
        });
        self.invalidate_results();
        id
    }

    /// Adds or replaces many files at once, decoding and parsing them in
    /// parallel. Ids are given in the order of `files`, exactly as calling
    /// [`Workspace::set_file_with`] for each in turn would, so the result
    /// does not depend on the number of threads.
    pub fn set_files_from_bytes(&mut self, files: Vec<(PathBuf, String, Vec<u8>)>) -> Vec<FileId> {
        use rayon::prelude::*;
        let ids: Vec<FileId> = files
            .iter()
            .map(|(path, _, _)| self.slot_for(path))
            .collect();
        let this = &*self;
        let parsed: Vec<FileData> = files
            .into_par_iter()
            .zip(ids.par_iter())
            .map(|((path, display, bytes), &id)| {
                let (text, problem) = journey_syntax::decode_source(bytes, id);
                let parse = this.parse(&text, id);
                FileData {
                    path,
                    source: SourceFile::new(display.clone(), text),
                    display,
                    parse,
                    load_diagnostics: problem.into_iter().collect(),
                    kind: FileKind::Journey,
                }
            })
            .collect();
        for (data, id) in parsed.into_iter().zip(&ids) {
            self.files[id.0 as usize] = Some(data);
        }
        self.invalidate_results();
        ids
    }

    /// The id of `path`: its existing one, or a new empty slot.
    fn slot_for(&mut self, path: &Path) -> FileId {
        if let Some(id) = self.by_path.get(path) {
            return *id;
        }
        let id = FileId(self.files.len() as u32);
        self.files.push(None);
        self.by_path.insert(path.to_path_buf(), id);
        self.paths = next_generation();
        id
    }

    /// Removes a file; its id is not reused.
    pub fn remove_file(&mut self, path: &Path) -> Option<FileId> {
        let id = self.by_path.remove(path)?;
        self.files[id.0 as usize] = None;
        self.aliases.retain(|_, v| *v != id);
        if self.config_file == Some(id) {
            self.config_file = None;
        }
        self.paths = next_generation();
        self.invalidate();
        Some(id)
    }

    /// After a change of the settings (or of what imports resolve to).
    fn invalidate(&mut self) {
        self.settings = next_generation();
        self.invalidate_results();
    }

    /// After a change of the files.
    fn invalidate_results(&mut self) {
        self.model = OnceLock::new();
        self.analysis = OnceLock::new();
        self.diagnostics = OnceLock::new();
    }

    /// Sets the configuration. When it was read from a journey.toml, that
    /// file becomes part of the workspace (shown as `display`) so that its
    /// problems can be rendered like any other finding.
    pub fn set_config(&mut self, config: Config, display: impl Into<String>) {
        if let (Some(path), Some(source)) = (config.path.clone(), config.source_file(display)) {
            let id = self.slot_for(&path);
            self.files[id.0 as usize] = Some(FileData {
                path,
                display: source.path.clone(),
                source,
                parse: Arc::new(journey_syntax::parse("", id)),
                load_diagnostics: Vec::new(),
                kind: FileKind::Config,
            });
            self.config_file = Some(id);
        } else {
            self.config_file = None;
        }
        self.config_roots = config.import_roots();
        self.update_roots();
        let (messaging, problems) = MessagingConfig::read(&config);
        let problems = match self.config_file {
            Some(file) => problems.iter().map(|p| p.diagnostic(file)).collect(),
            None => Vec::new(),
        };
        self.messaging = Arc::new((messaging, problems));
        self.config = config;
        self.invalidate();
    }

    /// The settings of the messaging lints and the problems in them, as
    /// read by [`Workspace::set_config`].
    pub fn messaging(&self) -> &(MessagingConfig, Vec<Diagnostic>) {
        &self.messaging
    }

    /// Lets imports read from `folder` too (a folder named on the command
    /// line, a folder opened in the editor). See [`crate::confine`].
    pub fn add_import_root(&mut self, folder: &Path) {
        let folder = confine::canonical_root(folder);
        if !self.extra_roots.contains(&folder) {
            self.extra_roots.push(folder);
            self.update_roots();
            self.invalidate();
        }
    }

    fn update_roots(&mut self) {
        let mut roots: Vec<PathBuf> = Vec::new();
        for r in self.config_roots.iter().chain(&self.extra_roots) {
            if !roots.contains(r) {
                roots.push(r.clone());
            }
        }
        self.roots = roots;
    }

    /// The folders imports may read from (canonical): the workspace root,
    /// `[workspace] import_roots` and the folders the loaders added.
    pub fn import_roots(&self) -> &[PathBuf] {
        &self.roots
    }

    /// Why an import of `target` (the normalised path it names) may not be
    /// read, if it may not: not a `.journey` file, outside the roots, or
    /// found on disk to be a symbolic link leading outside. Decided
    /// without touching the disk; a workspace without roots (in memory)
    /// only requires the `.journey` extension.
    pub fn import_refusal(&self, target: &Path) -> Option<Refusal> {
        if !confine::is_journey_path(target) {
            return Some(Refusal::NotJourney);
        }
        if !self.roots.is_empty() && !confine::within(&absolute(target), &self.roots) {
            return Some(Refusal::Outside);
        }
        self.refusals.get(target).copied()
    }

    /// The configuration in effect ([`Config::default`] until one is set).
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Changes the configuration in place (e.g. command-line levels).
    pub fn config_mut(&mut self) -> &mut Config {
        self.invalidate();
        &mut self.config
    }

    /// The id under which journey.toml is shown, if the configuration came
    /// from one.
    pub fn config_file(&self) -> Option<FileId> {
        self.config_file
    }

    /// The file at `path` (as given to [`Workspace::set_file`], or another
    /// spelling found while loading imports). `.` and `..` are resolved.
    pub fn resolve_path(&self, path: &Path) -> Option<FileId> {
        let found = self
            .by_path
            .get(path)
            .or_else(|| self.aliases.get(path))
            .copied()
            .or_else(|| {
                let n = normalize_path(path);
                self.by_path
                    .get(&n)
                    .or_else(|| self.aliases.get(&n))
                    .copied()
            })?;
        (self.file(found)?.kind == FileKind::Journey).then_some(found)
    }

    /// Reads the files that workspace files import but the workspace does
    /// not hold yet, from disk, transitively. A file already in the
    /// workspace is never replaced (a language server sets open, unsaved
    /// buffers first). Only what [`confine::judge`] admits is read: a
    /// `.journey` file inside [`Workspace::import_roots`] (a workspace
    /// without roots reads nothing). Imports that name no readable file, or
    /// one that may not be read, are left alone: the analysis reports them
    /// at the import. `display` gives the path shown to the user. Returns
    /// the ids of the files read.
    pub fn load_imports(&mut self, display: &dyn Fn(&Path) -> String) -> Vec<FileId> {
        let mut loaded = Vec::new();
        if self.roots.is_empty() {
            return loaded;
        }
        let roots = self.roots.clone();
        let mut queue: Vec<FileId> = self.files().map(|(id, _)| id).collect();
        let mut tried: std::collections::HashSet<PathBuf> = Default::default();
        while let Some(id) = queue.pop() {
            let Some(data) = self.file(id) else { continue };
            let targets: Vec<PathBuf> =
                journey_syntax::view::File::new(&data.source.text, &data.parse.tree)
                    .imports()
                    .map(|i| crate::model::resolve_relative(&data.path, &i.path.value))
                    .collect();
            for target in targets {
                if self.resolve_path(&target).is_some() || !tried.insert(target.clone()) {
                    continue;
                }
                let real = match confine::judge(&absolute(&target), &roots) {
                    Judgement::Admitted(real) => real,
                    Judgement::Refused(why) => {
                        // Refusals by spelling are the model's to find.
                        let on_disk = matches!(why, Refusal::LinkOutside | Refusal::LinkNotJourney);
                        if on_disk && self.refusals.get(&target) != Some(&why) {
                            self.refusals.insert(target, why);
                            self.invalidate();
                        }
                        continue;
                    }
                    Judgement::Missing => {
                        if self.refusals.remove(&target).is_some() {
                            self.invalidate();
                        }
                        continue;
                    }
                };
                if self.refusals.remove(&target).is_some() {
                    self.invalidate();
                }
                if let Some(existing) = self.by_path.get(&real).copied() {
                    self.aliases.insert(target, existing);
                    self.invalidate();
                    continue;
                }
                if let Ok(new) = crate::load::load_file_as(self, &real, display(&target)) {
                    if real != target {
                        self.aliases.insert(target, new);
                    }
                    loaded.push(new);
                    queue.push(new);
                }
            }
        }
        loaded
    }

    /// Makes `path` another spelling of the file `id` (a symbolic link
    /// that leads to it), for loaders that resolve links themselves.
    pub fn add_alias(&mut self, path: PathBuf, id: FileId) {
        if self.by_path.get(&path) != Some(&id) && self.aliases.get(&path) != Some(&id) {
            self.aliases.insert(path, id);
            self.invalidate();
        }
    }

    /// Records that an import of `target` was refused on disk, for loaders
    /// that read files from elsewhere than the file system (a git
    /// revision): the model reports it at the import like the refusals
    /// [`Workspace::load_imports`] finds.
    pub fn record_refusal(&mut self, target: PathBuf, why: Refusal) {
        if self.refusals.get(&target) != Some(&why) {
            self.refusals.insert(target, why);
            self.invalidate();
        }
    }

    /// The semantic model, built on first use and cached until a file or
    /// the configuration changes.
    pub fn model(&self) -> Arc<Model> {
        self.model
            .get_or_init(|| Arc::new(Model::build(self)))
            .clone()
    }

    /// The model and every finding after configuration levels and `allow`
    /// suppressions; cached like the model.
    pub fn analysis(&self) -> Arc<CheckedWorkspace> {
        self.analysis
            .get_or_init(|| Arc::new(crate::analysis::analyse(self, self.model())))
            .clone()
    }

    pub fn file_id(&self, path: &Path) -> Option<FileId> {
        self.by_path.get(path).copied()
    }

    pub fn file(&self, id: FileId) -> Option<&FileData> {
        self.files.get(id.0 as usize).and_then(Option::as_ref)
    }

    /// All `.journey` files, in the order they were added.
    pub fn files(&self) -> impl Iterator<Item = (FileId, &FileData)> {
        self.files
            .iter()
            .enumerate()
            .filter_map(|(i, f)| f.as_ref().map(|f| (FileId(i as u32), f)))
            .filter(|(_, f)| f.kind == FileKind::Journey)
    }

    /// The id the next new file will get.
    pub fn next_id(&self) -> u32 {
        self.files.len() as u32
    }

    pub fn len(&self) -> usize {
        self.files().count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every finding for every file — syntax, semantic checks, lints and
    /// journey.toml — after configuration levels and `allow` suppressions,
    /// in a stable order (file, position, code).
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        match &self.memo {
            Some(_) => self.incremental_diagnostics().to_vec(),
            None => self.analysis().diagnostics.clone(),
        }
    }

    /// The findings of one file, as [`Workspace::diagnostics`] reports them.
    pub fn diagnostics_for(&self, file: FileId) -> Vec<Diagnostic> {
        let of_file =
            |all: &[Diagnostic]| all.iter().filter(|d| d.file() == file).cloned().collect();
        match &self.memo {
            Some(_) => of_file(&self.incremental_diagnostics()),
            None => of_file(&self.analysis().diagnostics),
        }
    }

    /// [`Workspace::diagnostics`] by the incremental analysis, cached
    /// until the next change.
    fn incremental_diagnostics(&self) -> Arc<[Diagnostic]> {
        let memo = self.memo.as_ref().expect("incremental analysis is on");
        self.diagnostics
            .get_or_init(|| lock(memo).diagnostics(self).into())
            .clone()
    }
}

/// The memo, also after a panic in an analysis that held it: each entry
/// it holds is valid for its key, whatever was left undone.
fn lock(memo: &Mutex<Memo>) -> std::sync::MutexGuard<'_, Memo> {
    memo.lock().unwrap_or_else(|e| e.into_inner())
}

/// `path`, made absolute against the current folder when it is relative
/// (files set with relative paths), without touching the disk.
fn absolute(path: &Path) -> std::borrow::Cow<'_, Path> {
    if path.is_absolute() {
        return std::borrow::Cow::Borrowed(path);
    }
    match std::env::current_dir() {
        Ok(cwd) => std::borrow::Cow::Owned(normalize_path(&cwd.join(path))),
        Err(_) => std::borrow::Cow::Borrowed(path),
    }
}

/// Renderers read the workspace's own files: nothing is copied to render
/// a report.
impl Sources for Workspace {
    fn source(&self, file: FileId) -> Option<&SourceFile> {
        self.file(file).map(|f| &f.source)
    }
}
