use crate::{FileId, LineIndex};
use std::sync::Arc;

/// One file's display path, text and line index, as renderers need them.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as the user should see it (relative where possible).
    pub path: String,
    pub text: Arc<str>,
    pub line_index: Arc<LineIndex>,
}

impl SourceFile {
    pub fn new(path: impl Into<String>, text: impl Into<Arc<str>>) -> Self {
        let text = text.into();
        let line_index = Arc::new(LineIndex::new(&text));
        SourceFile {
            path: path.into(),
            text,
            line_index,
        }
    }
}

/// Where renderers find the file a diagnostic points into.
///
/// A workspace implements it over the files it already holds, so that
/// rendering never copies them into a second collection; [`SourceMap`] is
/// the stand-alone implementation for files outside a workspace (fmt's
/// verification, tests).
pub trait Sources: Sync {
    /// The file with this id, if there is one.
    fn source(&self, file: FileId) -> Option<&SourceFile>;
}

/// The files diagnostics point into, indexed by [`FileId`].
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        FileId(self.files.len() as u32 - 1)
    }

    pub fn get(&self, id: FileId) -> Option<&SourceFile> {
        self.files.get(id.0 as usize)
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(i as u32), f))
    }
}

impl Sources for SourceMap {
    fn source(&self, file: FileId) -> Option<&SourceFile> {
        self.get(file)
    }
}
