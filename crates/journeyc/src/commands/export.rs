//! `journeyc export`: the checked workspace as JSON, Markdown, HTML,
//! Mermaid, CSV or an Excel workbook.

use super::workspace::{Checked, WorkspaceArgs};
use crate::exit;
use crate::output::{self, ColorChoice};
use clap::{Args, ValueEnum};
use journey_diagnostics::render::{self, HumanOptions};
use journey_export::Document;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The resolved model, with `schema_version` (schemas/journey-export.schema.json).
    Json,
    /// The journey map as the workshop table, persona cards and the impact map.
    Markdown,
    /// One self-contained page: map, emotion curves, personas, impact map.
    Html,
    /// Mermaid `journey` and `flowchart` diagrams in a Markdown file.
    Mermaid,
    /// One row per touchpoint (columns documented in the README).
    Csv,
    /// An Excel workbook with the whole journey: the map (phases as
    /// columns), personas, touchpoints, KPIs, impact map and promises.
    Xlsx,
}

/// The language of the workbook's sheet names and headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// English.
    En,
    /// German (Deutsch).
    De,
}

impl From<Format> for journey_export::Format {
    fn from(f: Format) -> Self {
        match f {
            Format::Json => journey_export::Format::Json,
            Format::Markdown => journey_export::Format::Markdown,
            Format::Html => journey_export::Format::Html,
            Format::Mermaid => journey_export::Format::Mermaid,
            Format::Csv => journey_export::Format::Csv,
            Format::Xlsx => unreachable!("the workbook is rendered on its own"),
        }
    }
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub workspace: WorkspaceArgs,
    /// What to produce.
    #[arg(long, short = 'f', value_enum)]
    pub format: Format,
    /// Write to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The language of the workbook's headers (xlsx). Default: `lang` in
    /// journey.toml's `[workspace]`, else the language of the journey's
    /// texts.
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// When to use colour in the findings shown when the export is refused.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, env = "JOURNEYC_COLOR")]
    pub color: ColorChoice,
}

pub fn run(args: ExportArgs) -> u8 {
    let checked = match args.workspace.check() {
        Ok(checked) => checked,
        Err(code) => return code,
    };
    if checked.has_errors() {
        // Every file the export reads counts, imported ones and the rest
        // of the workspace included: an export of a broken journey would
        // carry values the checks reject. The same report as `journeyc
        // check`, on stderr (stdout is for the export), then why and where.
        let ws = &checked.loaded.workspace;
        let color = args.color.enabled() && std::io::stderr().is_terminal();
        let text = render::render_human(
            &checked.diagnostics,
            &ws.source_map(),
            HumanOptions { color },
        );
        let mut err = std::io::stderr().lock();
        let _ = err.write_all(text.as_bytes());
        let _ = writeln!(err, "{}", checked.summary().line());
        let not_written = match &args.output {
            Some(path) => format!(" (`{}` was not written)", path.display()),
            None => String::new(),
        };
        let _ = writeln!(
            err,
            "error: nothing exported{not_written}: the workspace has errors in {}; fix them, then export again",
            checked.files_with_errors().join(", ")
        );
        return exit::FINDINGS;
    }
    let Checked {
        loaded,
        diagnostics,
        ..
    } = checked;
    let ws = &loaded.workspace;

    let doc = if loaded.focus.is_some() {
        Document::build_focused(ws, &diagnostics, &|f| loaded.in_focus(f))
    } else {
        Document::build(ws, &diagnostics)
    };
    let bytes = if args.format == Format::Xlsx {
        if args.output.is_none() && std::io::stdout().is_terminal() {
            output::error(
                "a workbook is not text; write it to a file with -o FILE.xlsx (or redirect standard output)",
            );
            return exit::USAGE;
        }
        let lang = match args.lang {
            Some(Lang::En) => journey_export::sheet::Lang::En,
            Some(Lang::De) => journey_export::sheet::Lang::De,
            None => workbook_lang(ws, &doc),
        };
        match journey_export::xlsx::render(&doc, lang) {
            Ok(b) => b,
            Err(e) => {
                output::error(e);
                return exit::USAGE;
            }
        }
    } else {
        journey_export::render(&doc, args.format.into()).into_bytes()
    };
    if !doc.findings.is_empty() {
        eprintln!(
            "note: {} finding{} below error severity remain{}; `journeyc check` shows them",
            doc.findings.len(),
            if doc.findings.len() == 1 { "" } else { "s" },
            if doc.findings.len() == 1 { "s" } else { "" },
        );
    }
    match &args.output {
        None => {
            let mut out = std::io::stdout().lock();
            if let Err(e) = out.write_all(&bytes).and_then(|_| out.flush()) {
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    output::error(format!("cannot write to standard output: {e}"));
                    return exit::USAGE;
                }
            }
            exit::OK
        }
        Some(path) => match output::write_atomically(path, &bytes) {
            Ok(()) => exit::OK,
            Err(e) => {
                output::error(e);
                exit::USAGE
            }
        },
    }
}

/// The workbook's language when `--lang` is not given: journey.toml's
/// `lang`, else the language most of the journey's texts are written in
/// (value propositions, core messages, questions), else English.
fn workbook_lang(ws: &journey_analysis::Workspace, doc: &Document) -> journey_export::sheet::Lang {
    use journey_export::sheet::Lang as L;
    if let Some(l) = ws.config().workspace.lang.as_deref().and_then(L::parse) {
        return l;
    }
    journey_export::sheet::detect_lang(doc)
}
