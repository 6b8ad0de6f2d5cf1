use journey_diagnostics::{Diagnostic, FileId, SourceFile, SourceMap};
use journey_syntax::Parse;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One file of the workspace: its text and its parse.
#[derive(Debug, Clone)]
pub struct FileData {
    pub path: PathBuf,
    /// The path as shown to the user.
    pub display: String,
    pub source: SourceFile,
    pub parse: Arc<Parse>,
    /// Problems found before parsing (e.g. invalid UTF-8).
    pub load_diagnostics: Vec<Diagnostic>,
}

/// The files being analysed. File ids are stable for the life of the
/// workspace: a file that is updated keeps its id.
#[derive(Debug, Clone, Default)]
pub struct Workspace {
    files: Vec<Option<FileData>>,
    by_path: HashMap<PathBuf, FileId>,
}

impl Workspace {
    pub fn new() -> Self {
        Self::default()
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
        let id = match self.by_path.get(&path) {
            Some(id) => *id,
            None => {
                let id = FileId(self.files.len() as u32);
                self.files.push(None);
                self.by_path.insert(path.clone(), id);
                id
            }
        };
        let parse = Arc::new(journey_syntax::parse(&text, id));
        self.files[id.0 as usize] = Some(FileData {
            path,
            source: SourceFile::new(display.clone(), text),
            display,
            parse,
            load_diagnostics,
        });
        id
    }

    /// Removes a file; its id is not reused.
    pub fn remove_file(&mut self, path: &Path) -> Option<FileId> {
        let id = self.by_path.remove(path)?;
        self.files[id.0 as usize] = None;
        Some(id)
    }

    pub fn file_id(&self, path: &Path) -> Option<FileId> {
        self.by_path.get(path).copied()
    }

    pub fn file(&self, id: FileId) -> Option<&FileData> {
        self.files.get(id.0 as usize).and_then(Option::as_ref)
    }

    /// All files, in the order they were added.
    pub fn files(&self) -> impl Iterator<Item = (FileId, &FileData)> {
        self.files
            .iter()
            .enumerate()
            .filter_map(|(i, f)| f.as_ref().map(|f| (FileId(i as u32), f)))
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

    /// The sources for rendering diagnostics, indexed by the same ids.
    pub fn source_map(&self) -> SourceMap {
        let mut map = SourceMap::new();
        for slot in &self.files {
            match slot {
                Some(f) => map.add(f.source.clone()),
                None => map.add(SourceFile::new("<removed>", "")),
            };
        }
        map
    }

    /// Every finding for every file, in a stable order (file, position, code).
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (_, f) in self.files() {
            out.extend(f.load_diagnostics.iter().cloned());
            out.extend(f.parse.diagnostics.iter().cloned());
        }
        out.sort_by_key(|d| d.sort_key());
        out
    }
}
