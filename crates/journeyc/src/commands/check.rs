use crate::exit;
use crate::output::{self, ColorChoice};
use clap::{Args, ValueEnum};
use journey_analysis::load::{self, display_path};
use journey_analysis::Config;
use journey_diagnostics::render::{self, HumanOptions, SarifTool, Summary};
use journey_diagnostics::{Level, Severity};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Source excerpts with labels, for people.
    Human,
    /// One JSON document (see the README for its fields).
    Json,
    /// One line per finding: `path:line:col: severity[CODE]: message`.
    Short,
    /// SARIF 2.1.0, for code-scanning uploads.
    Sarif,
    /// GitHub Actions workflow commands: annotations on the pull request.
    Github,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or directories (searched recursively for *.journey). Default:
    /// the whole workspace of the journey.toml above the current directory,
    /// or the current directory.
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// When to use colour in human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, env = "JOURNEYC_COLOR")]
    pub color: ColorChoice,
    /// Report CHECK (code or name) as an error; `--deny warnings` turns every warning into an error.
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
    /// Write the report to FILE instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: CheckArgs) -> u8 {
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
    let sources = ws.source_map();
    let files = ws.files().filter(|(id, _)| loaded.in_focus(*id)).count();
    let summary = Summary::new(&diagnostics, files);
    let report = match args.format {
        Format::Human => {
            let mut text = render::render_human(
                &diagnostics,
                &sources,
                HumanOptions {
                    color: args.color.enabled() && args.output.is_none(),
                },
            );
            text.push_str(&summary.line());
            text.push('\n');
            text
        }
        Format::Json => render::render_json(&diagnostics, &sources, files) + "\n",
        Format::Short => {
            let mut text = render::render_short(&diagnostics, &sources);
            text.push_str(&summary.line());
            text.push('\n');
            text
        }
        Format::Sarif => {
            let rules = journey_analysis::all_codes();
            render::render_sarif(
                &diagnostics,
                &sources,
                &rules,
                &SarifTool {
                    name: "journeyc",
                    version: env!("CARGO_PKG_VERSION"),
                    information_uri: None,
                    help_uri: None,
                },
            ) + "\n"
        }
        Format::Github => render::render_github(&diagnostics, &sources),
    };
    match &args.output {
        Some(path) => {
            if let Err(e) = write_atomically(path, &report) {
                output::error(format!("cannot write `{}`: {e}", path.display()));
                return exit::USAGE;
            }
        }
        None => output::print(&report),
    }
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        exit::FINDINGS
    } else {
        exit::OK
    }
}

/// Writes `text` to a temporary file beside `path`, then renames it over
/// `path`, so that readers never see half a report.
fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}
