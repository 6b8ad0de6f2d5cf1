//! IDE queries over the analysis layer: hover, go to definition, references,
//! rename, completion, symbols, semantic highlighting, code actions, folding,
//! selection ranges, inlay hints and document links.
//!
//! Everything here speaks byte offsets ([`Span`]) and plain Rust types; the
//! language server (journey-lsp) converts to and from the protocol at the
//! edge, so the queries can be tested without any editor in sight. An
//! [`Analysis`] is an immutable snapshot of a [`Workspace`]: build one per
//! change and share it between requests.

mod actions;
mod completion;
mod context;
pub mod fixture;
mod folding;
mod highlight;
mod hover;
pub mod index;
mod inlay;
mod links;
mod navigation;
mod rename;
mod selection;
mod symbols;

pub use actions::CodeAction;
pub use completion::{CompletionItem, CompletionKind};
pub use folding::{Fold, FoldKind};
pub use highlight::{HighlightKind, HighlightMods, HighlightToken};
pub use hover::HoverResult;
pub use index::{EnumKind, Index, IndexCache, Mention, SymbolKind, Target};
pub use inlay::{InlayHint, InlayKind};
pub use journey_analysis::model::Def;
pub use links::DocumentLink;
pub use navigation::{HighlightAccess, NavTarget, ReferenceHit};
pub use rename::{RenameError, SourceChange};
pub use symbols::{DocumentSymbol, WorkspaceSymbol};

use journey_analysis::{FileData, Workspace};
use journey_diagnostics::{Diagnostic, FileId, Span};
use journey_syntax::view;
use std::sync::{Arc, OnceLock};

/// The definitions of a workspace file, read from its tree and source.
pub(crate) fn syntax(f: &FileData) -> view::File<'_> {
    view::File::new(&f.source.text, &f.parse.tree)
}

/// A cursor: a byte offset in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FilePosition {
    pub file: FileId,
    pub offset: u32,
}

/// A byte range in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileRange {
    pub file: FileId,
    pub span: Span,
}

/// An immutable view of a workspace with everything the IDE queries need,
/// computed lazily and at most once.
#[derive(Debug)]
pub struct Analysis {
    ws: Arc<Workspace>,
    index: OnceLock<Index>,
    /// Per-file indexes shared with the snapshots before and after this one.
    index_cache: Arc<IndexCache>,
    diagnostics: OnceLock<Vec<Diagnostic>>,
}

impl Analysis {
    pub fn new(ws: Arc<Workspace>) -> Self {
        Self::with_index_cache(ws, Default::default())
    }

    /// An analysis whose name index reuses the per-file indexes in
    /// `cache` (see [`IndexCache`]): a language server hands each snapshot
    /// the same cache.
    pub fn with_index_cache(ws: Arc<Workspace>, cache: Arc<IndexCache>) -> Self {
        Analysis {
            ws,
            index: OnceLock::new(),
            index_cache: cache,
            diagnostics: OnceLock::new(),
        }
    }

    pub fn workspace(&self) -> &Workspace {
        &self.ws
    }

    /// Every name of every file, classified.
    pub fn index(&self) -> &Index {
        self.index
            .get_or_init(|| Index::build_with(&self.ws, &self.index_cache))
    }

    /// Every finding of every check, as `journeyc check` reports them.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        self.diagnostics.get_or_init(|| self.ws.diagnostics())
    }

    /// The text of a file.
    pub fn text(&self, file: FileId) -> Option<&str> {
        self.ws.file(file).map(|f| &*f.source.text)
    }

    /// Clamps an offset into a file's text, on a character boundary.
    pub fn clamp(&self, pos: FilePosition) -> Option<FilePosition> {
        let text = self.text(pos.file)?;
        let mut offset = (pos.offset as usize).min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        Some(FilePosition {
            file: pos.file,
            offset: offset as u32,
        })
    }

    pub fn hover(&self, pos: FilePosition) -> Option<HoverResult> {
        hover::hover(self, self.clamp(pos)?)
    }

    pub fn goto_definition(&self, pos: FilePosition) -> Vec<NavTarget> {
        self.clamp(pos)
            .map(|p| navigation::goto_definition(self, p))
            .unwrap_or_default()
    }

    pub fn references(&self, pos: FilePosition, include_declaration: bool) -> Vec<ReferenceHit> {
        self.clamp(pos)
            .map(|p| navigation::references(self, p, include_declaration))
            .unwrap_or_default()
    }

    pub fn document_highlight(&self, pos: FilePosition) -> Vec<(Span, HighlightAccess)> {
        self.clamp(pos)
            .map(|p| navigation::document_highlight(self, p))
            .unwrap_or_default()
    }

    /// The span of the name that a rename at `pos` would change.
    pub fn prepare_rename(&self, pos: FilePosition) -> Result<Span, RenameError> {
        let pos = self.clamp(pos).ok_or(RenameError::NothingToRename)?;
        rename::prepare_rename(self, pos)
    }

    pub fn rename(&self, pos: FilePosition, new_name: &str) -> Result<SourceChange, RenameError> {
        let pos = self.clamp(pos).ok_or(RenameError::NothingToRename)?;
        rename::rename(self, pos, new_name)
    }

    pub fn completions(&self, pos: FilePosition) -> Vec<CompletionItem> {
        self.clamp(pos)
            .map(|p| completion::completions(self, p))
            .unwrap_or_default()
    }

    pub fn document_symbols(&self, file: FileId) -> Vec<DocumentSymbol> {
        symbols::document_symbols(self, file)
    }

    pub fn workspace_symbols(&self, query: &str) -> Vec<WorkspaceSymbol> {
        symbols::workspace_symbols(self, query)
    }

    /// Highlighting tokens of a file, in order, not overlapping; only those
    /// touching `range` when given.
    pub fn highlight(&self, file: FileId, range: Option<Span>) -> Vec<HighlightToken> {
        highlight::highlight(self, file, range)
    }

    /// Quick fixes for the findings whose primary span touches `range`.
    pub fn code_actions(&self, range: FileRange) -> Vec<CodeAction> {
        actions::code_actions(self, range)
    }

    pub fn folding_ranges(&self, file: FileId) -> Vec<Fold> {
        folding::folding_ranges(self, file)
    }

    /// Nested spans around `pos`, innermost first, each strictly larger
    /// than the one before.
    pub fn selection_ranges(&self, pos: FilePosition) -> Vec<Span> {
        self.clamp(pos)
            .map(|p| selection::selection_ranges(self, p))
            .unwrap_or_default()
    }

    pub fn inlay_hints(&self, file: FileId, range: Option<Span>) -> Vec<InlayHint> {
        inlay::inlay_hints(self, file, range)
    }

    pub fn document_links(&self, file: FileId) -> Vec<DocumentLink> {
        links::document_links(self, file)
    }

    /// The file whose path is `path`, if it is in the workspace.
    pub fn file_id(&self, path: &std::path::Path) -> Option<FileId> {
        self.ws.file_id(path)
    }
}
