use super::workspace::{Checked, WorkspaceArgs};
use crate::exit;
use crate::output::{self, ColorChoice};
use clap::{Args, ValueEnum};
use journey_diagnostics::render::{self, HumanOptions, SarifTool};
use journey_diagnostics::Severity;
use journey_write::Mode;
use std::path::PathBuf;

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
    #[command(flatten)]
    pub workspace: WorkspaceArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// When to use colour in human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, env = "JOURNEYC_COLOR")]
    pub color: ColorChoice,
    /// Write the report to FILE instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Apply every fix that needs no choice (the quick fix the editor
    /// offers, when a finding has exactly one) to the files checked, then
    /// report what remains. A file is rewritten only if the fixes leave it
    /// with no more syntax errors than before.
    #[arg(long)]
    pub fix: bool,
    /// With --fix: write nothing; show what would change as a unified diff
    /// and exit with 1 if anything would.
    #[arg(
        long,
        visible_alias = "diff",
        requires = "fix",
        conflicts_with_all = ["format", "output"]
    )]
    pub dry_run: bool,
}

pub fn run(args: CheckArgs) -> u8 {
    let checked = match args.workspace.check() {
        Ok(checked) => checked,
        Err(code) => return code,
    };
    if args.fix {
        return super::fix::run(&args, checked);
    }
    report(&args, checked)
}

/// Prints the findings of `checked` as `args` asks and returns the exit
/// code: 1 when an error remains.
pub fn report(args: &CheckArgs, checked: Checked) -> u8 {
    let summary = checked.summary();
    let Checked {
        loaded,
        diagnostics,
        ..
    } = checked;
    let ws = &loaded.workspace;
    let report = match args.format {
        Format::Human => {
            let mut text = render::render_human(
                &diagnostics,
                ws,
                HumanOptions {
                    color: args.color.enabled() && args.output.is_none(),
                },
            );
            text.push_str(&summary.line());
            text.push('\n');
            text
        }
        Format::Json => render::render_json_with(&diagnostics, ws, summary) + "\n",
        Format::Short => {
            let mut text = render::render_short(&diagnostics, ws);
            text.push_str(&summary.line());
            text.push('\n');
            text
        }
        Format::Sarif => {
            let rules = journey_analysis::all_codes();
            render::render_sarif(
                &diagnostics,
                ws,
                &rules,
                &SarifTool {
                    name: "journeyc",
                    version: env!("CARGO_PKG_VERSION"),
                    information_uri: None,
                    help_uri: None,
                    enabled_by_default: Some(|c| {
                        journey_analysis::explain::default_level_name(c) != "off"
                    }),
                },
            ) + "\n"
        }
        Format::Github => render::render_github(&diagnostics, ws),
    };
    match &args.output {
        Some(path) => {
            if let Err(e) = journey_write::write_atomic(path, report.as_bytes(), Mode::Replace) {
                output::error(e);
                return exit::USAGE;
            }
        }
        None => output::print(&report),
    }
    let code = if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        exit::FINDINGS
    } else {
        exit::OK
    };
    // The process ends right after this: freeing the trees, the model and
    // the findings of a big workspace one allocation at a time would only
    // delay the exit (the operating system reclaims the memory at once).
    std::mem::forget((loaded, diagnostics, report));
    code
}
