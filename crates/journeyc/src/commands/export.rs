//! `journeyc export`: the checked workspace as JSON, Markdown, HTML,
//! Mermaid or CSV.

use crate::exit;
use crate::output::{self, ColorChoice};
use clap::{Args, ValueEnum};
use journey_analysis::load::{self, display_path};
use journey_analysis::Config;
use journey_diagnostics::render::{self, HumanOptions, Summary};
use journey_diagnostics::{Level, Severity};
use journey_export::Document;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

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
}

impl From<Format> for journey_export::Format {
    fn from(f: Format) -> Self {
        match f {
            Format::Json => journey_export::Format::Json,
            Format::Markdown => journey_export::Format::Markdown,
            Format::Html => journey_export::Format::Html,
            Format::Mermaid => journey_export::Format::Mermaid,
            Format::Csv => journey_export::Format::Csv,
        }
    }
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Files or directories (searched recursively for *.journey). Default:
    /// the whole workspace of the journey.toml above the current directory,
    /// or the current directory.
    pub paths: Vec<PathBuf>,
    /// What to produce.
    #[arg(long, short = 'f', value_enum)]
    pub format: Format,
    /// Write to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Report CHECK (code or name) as an error, as `journeyc check -D` does;
    /// `--deny warnings` refuses to export while any warning remains.
    #[arg(short = 'D', long = "deny", value_name = "CHECK")]
    pub deny: Vec<String>,
    /// Report CHECK as a warning (`warnings` for the whole group).
    #[arg(short = 'W', long = "warn", value_name = "CHECK")]
    pub warn: Vec<String>,
    /// Silence CHECK.
    #[arg(short = 'A', long = "allow", value_name = "CHECK")]
    pub allow: Vec<String>,
    /// Read this journey.toml instead of searching upwards for one.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Ignore journey.toml files.
    #[arg(long)]
    pub no_config: bool,
    /// When to use colour in the findings shown when the export is refused.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, env = "JOURNEYC_COLOR")]
    pub color: ColorChoice,
}

pub fn run(args: ExportArgs) -> u8 {
    // Read the workspace exactly as `journeyc check` does, so that both
    // see the same findings.
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let mut config = if args.no_config {
        Config::empty(cwd.clone())
    } else if let Some(path) = &args.config {
        if !path.is_file() {
            output::error(format!("cannot read `{}`: no such file", path.display()));
            return exit::USAGE;
        }
        Config::load(path)
    } else {
        Config::discover(args.paths.first().map(PathBuf::as_path).unwrap_or(&cwd))
    };
    // Command-line levels win over journey.toml; among them deny wins.
    for (names, level) in [
        (&args.allow, Level::Allow),
        (&args.warn, Level::Warn),
        (&args.deny, Level::Deny),
    ] {
        for name in names {
            if let Err(message) = config.set_level(name, level) {
                output::error(message);
                return exit::USAGE;
            }
        }
    }
    let paths = if args.paths.is_empty() && config.path.is_none() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let shown_paths = if paths.is_empty() {
        vec![config.root.clone()]
    } else {
        paths.clone()
    };
    let loaded = load::load_workspace(&paths, config, &|p: &Path| display_path(p));
    if !loaded.errors.is_empty() {
        for e in &loaded.errors {
            output::error(e);
        }
        return exit::USAGE;
    }
    let ws = &loaded.workspace;
    if ws.is_empty() {
        output::error(format!(
            "no .journey files found in {}",
            shown_paths
                .iter()
                .map(|p| format!("`{}`", p.display()))
                .collect::<Vec<_>>()
                .join(", ")
        ));
        return exit::USAGE;
    }
    let diagnostics: Vec<_> = ws
        .diagnostics()
        .into_iter()
        .filter(|d| loaded.in_focus(d.file()))
        .collect();
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        // The same report as `journeyc check`, on stderr: stdout is for
        // the export.
        let files = ws.files().filter(|(id, _)| loaded.in_focus(*id)).count();
        let color = args.color.enabled() && std::io::stderr().is_terminal();
        let text = render::render_human(&diagnostics, &ws.source_map(), HumanOptions { color });
        let mut err = std::io::stderr().lock();
        let _ = err.write_all(text.as_bytes());
        let _ = writeln!(err, "{}", Summary::new(&diagnostics, files).line());
        let _ = writeln!(
            err,
            "error: nothing exported: the workspace has errors (fix them, then export again)"
        );
        return exit::FINDINGS;
    }

    let doc = if loaded.focus.is_some() {
        Document::build_focused(ws, &diagnostics, &|f| loaded.in_focus(f))
    } else {
        Document::build(ws, &diagnostics)
    };
    let text = journey_export::render(&doc, args.format.into());
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
            output::print(&text);
            exit::OK
        }
        Some(path) => match write_atomically(path, text.as_bytes()) {
            Ok(()) => exit::OK,
            Err(e) => {
                output::error(format!("cannot write `{}`: {e}", path.display()));
                exit::USAGE
            }
        },
    }
}

/// Writes through a temporary file in the same directory and a rename, so
/// that readers never see half a file.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
