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
mod labels;
pub mod markdown;
pub mod mermaid;
pub mod sheet;
mod text;
pub use text::{persona_curve, target_differs, CurvePoint};
pub mod xlsx;

pub use doc::*;
pub use journey_l10n::{Labels, Lang};
pub use labels::{kpi_display, metric_display, money, phase_kind, totals_display};

/// How an export is rendered: in which language, with or without the
/// checker's findings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// The language of the labels; `None`: the language of the journey's
    /// own copy ([`Document::language`]).
    pub lang: Option<Lang>,
    /// Whether the HTML and Markdown list the findings of `journeyc check`
    /// that remain (the JSON always carries them).
    pub findings: bool,
}

impl Options {
    /// The language these options choose for `doc`.
    pub fn lang_for(&self, doc: &Document) -> Lang {
        self.lang.unwrap_or_else(|| doc.language())
    }

    /// The labels these options choose for `doc`.
    pub fn labels(&self, doc: &Document) -> Labels {
        Labels::new(self.lang_for(doc))
    }
}

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

/// Renders the document in `format` with the default [`Options`]: the
/// language of the journey's copy, no findings in HTML and Markdown.
pub fn render(doc: &Document, format: Format) -> String {
    render_with(doc, format, &Options::default())
}

/// Renders the document in `format`.
pub fn render_with(doc: &Document, format: Format, options: &Options) -> String {
    match format {
        Format::Json => json(doc),
        Format::Markdown => markdown::render_with(doc, options),
        Format::Html => html::render_with(doc, options),
        Format::Mermaid => mermaid::render_with(doc, options),
        Format::Csv => csv::render_with(doc, options),
    }
}

impl Document {
    /// The language of the journey's own copy — titles, value
    /// propositions, questions, core messages, promises and what the
    /// touchpoints say — when its words tell; English otherwise.
    pub fn language(&self) -> Lang {
        let mut texts: Vec<&str> = Vec::new();
        for j in &self.journeys {
            texts.extend(j.title.as_deref());
            texts.extend(j.value.as_deref());
            texts.extend(j.description.as_deref());
        }
        for p in &self.phases {
            texts.extend(p.title.as_deref());
            texts.extend(p.question.as_deref());
            texts.extend(p.message.as_deref());
            texts.extend(p.objective.as_deref());
            texts.extend(p.activities.iter().map(String::as_str));
            texts.extend(p.wants.iter().map(String::as_str));
            for t in &p.touchpoints {
                texts.extend(t.title.as_deref());
                texts.extend(t.says.iter().map(String::as_str));
                texts.extend(t.description.as_deref());
            }
        }
        for p in &self.personas {
            texts.extend(p.name.as_deref());
            texts.extend(p.role.as_deref());
            texts.extend(p.description.as_deref());
            texts.extend(p.needs.iter().map(String::as_str));
        }
        Lang::detect(texts).unwrap_or_default()
    }
}
