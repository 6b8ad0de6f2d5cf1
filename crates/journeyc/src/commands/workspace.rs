//! How `check`, `lint` and `export` read a workspace: the arguments they
//! share, handed to `journey_analysis::report`, so that all three see the
//! same findings.

use crate::exit;
use crate::output;
use clap::Args;
pub use journey_analysis::report::Checked;
use journey_analysis::report::{self, ConfigChoice, Request};
use journey_diagnostics::Level;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct WorkspaceArgs {
    /// Files or directories (searched recursively for *.journey). Default:
    /// the whole workspace of the journey.toml above the current directory,
    /// or the current directory.
    pub paths: Vec<PathBuf>,
    /// Report CHECK (code or name) as an error; `--deny warnings` turns
    /// every warning into an error (for CI).
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
}

impl WorkspaceArgs {
    /// Reads and analyses the workspace. Usage and I/O problems are
    /// reported on stderr and come back as the exit code to use.
    pub fn check(&self) -> Result<Checked, u8> {
        let config = match (&self.config, self.no_config) {
            (_, true) => ConfigChoice::Ignore,
            (Some(path), _) => ConfigChoice::File(path.clone()),
            (None, _) => ConfigChoice::Discover,
        };
        // Command-line levels win over journey.toml; among them deny wins.
        let levels = [
            (&self.allow, Level::Allow),
            (&self.warn, Level::Warn),
            (&self.deny, Level::Deny),
        ]
        .into_iter()
        .flat_map(|(names, level)| names.iter().map(move |n| (n.clone(), level)))
        .collect();
        let request = Request {
            paths: self.paths.clone(),
            config,
            levels,
        };
        report::check(&request, &mut |s| output::skipped(s)).map_err(|errors| {
            errors.iter().for_each(output::error);
            exit::USAGE
        })
    }
}
