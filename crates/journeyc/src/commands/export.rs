//! `journeyc export`: the checked workspace as JSON, Markdown, HTML,
//! Mermaid, CSV, an Excel workbook, or a poster as SVG, PNG or PDF.

use super::workspace::{Checked, WorkspaceArgs};
use super::Lang;
use crate::exit;
use crate::output::{self, ColorChoice};
use clap::{Args, ValueEnum};
use journey_diagnostics::render::{self, HumanOptions};
use journey_export::Document;
use journey_write::Mode;
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
    /// The map as a poster: phases as columns, swim lanes, emotion curves,
    /// legend; fonts embedded.
    Svg,
    /// The poster as a PNG image.
    Png,
    /// The poster as a PDF, A3 landscape pages with the phase header on each.
    Pdf,
}

impl Format {
    /// The text format, or `None` for the workbook and the poster.
    fn text(self) -> Option<journey_export::Format> {
        match self {
            Format::Json => Some(journey_export::Format::Json),
            Format::Markdown => Some(journey_export::Format::Markdown),
            Format::Html => Some(journey_export::Format::Html),
            Format::Mermaid => Some(journey_export::Format::Mermaid),
            Format::Csv => Some(journey_export::Format::Csv),
            Format::Xlsx | Format::Svg | Format::Png | Format::Pdf => None,
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
    /// The language of the labels (row names, legends, headers, sheet
    /// names). Default: `lang` in journey.toml's `[workspace]`, else the
    /// language of the journey's own copy.
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// List the findings of `journeyc check` in the HTML and Markdown
    /// (also `findings = true` in journey.toml's `[export]`).
    #[arg(long)]
    pub findings: bool,
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
        let text = render::render_human(&checked.diagnostics, ws, HumanOptions { color });
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
            Some(lang) => lang.into(),
            None => {
                let configured = ws.config().workspace.lang.as_deref();
                journey_export::sheet::workbook_lang(configured, &doc)
            }
        };
        match journey_export::xlsx::render(&doc, lang) {
            Ok(b) => b,
            Err(e) => {
                output::error(e);
                return exit::USAGE;
            }
        }
    } else {
        let config = ws.config();
        let options = journey_export::Options {
            lang: args.lang.map(Into::into).or_else(|| {
                config
                    .workspace
                    .lang
                    .as_deref()
                    .and_then(journey_export::Lang::parse)
            }),
            findings: args.findings || config.export.findings,
        };
        match args.format.text() {
            Some(format) => journey_export::render_with(&doc, format, &options).into_bytes(),
            None => {
                if args.output.is_none() && std::io::stdout().is_terminal() {
                    output::error(format!(
                        "a poster is not text; write it to a file with -o FILE.{} (or redirect standard output)",
                        args.format
                            .to_possible_value()
                            .map(|v| v.get_name().to_string())
                            .unwrap_or_default()
                    ));
                    return exit::USAGE;
                }
                let kind = match args.format {
                    Format::Svg => journey_poster::Kind::Svg,
                    Format::Png => journey_poster::Kind::Png,
                    _ => journey_poster::Kind::Pdf,
                };
                match journey_poster::render(&doc, kind, &options) {
                    Ok(b) => b,
                    Err(e) => {
                        output::error(e);
                        return exit::USAGE;
                    }
                }
            }
        }
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
        Some(path) => match journey_write::write_atomic(path, &bytes, Mode::Replace) {
            Ok(_) => exit::OK,
            Err(e) => {
                output::error(e);
                exit::USAGE
            }
        },
    }
}
