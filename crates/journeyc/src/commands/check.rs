use crate::exit;
use crate::output::{self, ColorChoice};
use clap::{Args, ValueEnum};
use journey_analysis::load;
use journey_diagnostics::render::{self, HumanOptions, Summary};
use journey_diagnostics::Severity;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Source excerpts with labels, for people.
    Human,
    /// One JSON document (see the README for its fields).
    Json,
    /// One line per finding: `path:line:col: severity[CODE]: message`.
    Short,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or directories (searched recursively for *.journey). Default: the current directory.
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// When to use colour in human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, env = "JOURNEYC_COLOR")]
    pub color: ColorChoice,
}

pub fn run(args: CheckArgs) -> u8 {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths
    };
    let (ws, errors) = load::load_paths(&paths);
    if !errors.is_empty() {
        for e in &errors {
            output::error(e);
        }
        return exit::USAGE;
    }
    if ws.is_empty() {
        output::error(format!(
            "no .journey files found in {}",
            paths
                .iter()
                .map(|p| format!("`{}`", p.display()))
                .collect::<Vec<_>>()
                .join(", ")
        ));
        return exit::USAGE;
    }
    let diagnostics = ws.diagnostics();
    let sources = ws.source_map();
    let files = ws.len();
    match args.format {
        Format::Human => {
            let text = render::render_human(
                &diagnostics,
                &sources,
                HumanOptions {
                    color: args.color.enabled(),
                },
            );
            output::print(&text);
            output::print(&format!("{}\n", Summary::new(&diagnostics, files).line()));
        }
        Format::Json => output::print(&(render::render_json(&diagnostics, &sources, files) + "\n")),
        Format::Short => {
            output::print(&render::render_short(&diagnostics, &sources));
            output::print(&format!("{}\n", Summary::new(&diagnostics, files).line()));
        }
    }
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        exit::FINDINGS
    } else {
        exit::OK
    }
}
