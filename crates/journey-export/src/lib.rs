//! Exports of a checked journey workspace: the resolved model as JSON, the
//! workshop table as Markdown, a self-contained HTML journey map, Mermaid
//! diagrams and a CSV of touchpoints.
//!
//! Every format renders one [`Document`], built from the workspace by
//! [`Document::build`]. Exporting is meant for workspaces that check
//! without errors; the command line refuses others.

mod build;
pub mod csv;
mod doc;
pub mod html;
pub mod markdown;
pub mod mermaid;
pub mod sheet;
mod text;
pub mod xlsx;

pub use doc::*;

use journey_analysis::Workspace;
use journey_diagnostics::Diagnostic;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Json,
    Markdown,
    Html,
    Mermaid,
    Csv,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Json,
        Format::Markdown,
        Format::Html,
        Format::Mermaid,
        Format::Csv,
    ];

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Mermaid => "mermaid.md",
            Format::Csv => "csv",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Mermaid => "mermaid",
            Format::Csv => "csv",
        }
    }
}

impl Document {
    /// The document of a workspace. `diagnostics` are the checker's
    /// findings; those below error severity are kept as
    /// [`Document::findings`].
    pub fn build(ws: &Workspace, diagnostics: &[Diagnostic]) -> Document {
        build::from_workspace(ws, diagnostics, &|_| true)
    }

    /// The document of the part of a workspace that lies in the files
    /// `in_focus` accepts (the paths named on the command line inside a
    /// larger journey.toml workspace): the journeys defined there with
    /// their phases, the phases, personas and goals defined there, and
    /// the personas and goals those touchpoints need.
    pub fn build_focused(
        ws: &Workspace,
        diagnostics: &[Diagnostic],
        in_focus: &dyn Fn(journey_diagnostics::FileId) -> bool,
    ) -> Document {
        build::from_workspace(ws, diagnostics, in_focus)
    }
}

/// The JSON text of the document (pretty-printed, ending in a newline).
pub fn json(doc: &Document) -> String {
    let mut s = serde_json::to_string_pretty(doc).unwrap_or_default();
    s.push('\n');
    s
}

/// Renders the document in `format`.
pub fn render(doc: &Document, format: Format) -> String {
    match format {
        Format::Json => json(doc),
        Format::Markdown => markdown::render(doc),
        Format::Html => html::render(doc),
        Format::Mermaid => mermaid::render(doc),
        Format::Csv => csv::render(doc),
    }
}
