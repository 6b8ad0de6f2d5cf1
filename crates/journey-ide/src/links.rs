//! Document links: the path of every `import`, pointing at the file.

use crate::Analysis;
use journey_diagnostics::{FileId, Span};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentLink {
    /// The path inside the quotes.
    pub span: Span,
    /// The file the import names.
    pub target: PathBuf,
    /// The file, when it is in the workspace.
    pub file: Option<FileId>,
}

pub(crate) fn document_links(a: &Analysis, file: FileId) -> Vec<DocumentLink> {
    let Some(f) = a.workspace().file(file) else {
        return Vec::new();
    };
    crate::syntax(f)
        .imports()
        .filter(|i| !i.path.value.is_empty())
        .filter_map(|i| {
            let (target, id) = resolve_import(a, &f.path, &i.path.value);
            // An import that may not be read links nowhere: its target is
            // not even looked at (see `journey_analysis::confine`).
            if a.workspace().import_refusal(&target).is_some() {
                return None;
            }
            Some(DocumentLink {
                span: i.path.content_span(),
                target,
                file: id,
            })
        })
        .filter(|l| l.file.is_some() || l.target.exists())
        .collect()
}

/// The file an import of `relative` in the file at `from` names.
pub(crate) fn resolve_import(
    a: &Analysis,
    from: &Path,
    relative: &str,
) -> (PathBuf, Option<FileId>) {
    // The model's own resolution, so that a link always opens the file the
    // checker resolved the import to.
    let target = journey_analysis::model::resolve_relative(from, relative);
    if a.workspace().import_refusal(&target).is_some() {
        return (target, None);
    }
    let id = a.file_id(&target).or_else(|| {
        std::fs::canonicalize(&target)
            .ok()
            .and_then(|c| a.file_id(&c))
    });
    (target, id)
}

#[cfg(test)]
mod tests {
    use crate::fixture::{path_of, Fixture};

    #[test]
    fn imports_link_to_workspace_files() {
        let f = Fixture::parse(
            "//- phases/one.journey\nimport \"../personas.journey\"\nimport \"missing.journey\"\n//- personas.journey\n\n",
        );
        let links = f.analysis.document_links(f.file("phases/one.journey"));
        assert_eq!(links.len(), 1, "{links:?}");
        assert_eq!(links[0].target, path_of("personas.journey"));
        assert_eq!(links[0].file, Some(f.file("personas.journey")));
        assert_eq!(
            f.describe(f.file("phases/one.journey"), links[0].span),
            "phases/one.journey:1:9-1:28 `../personas.journey`"
        );
    }
}
