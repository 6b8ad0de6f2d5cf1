//! How `check`, `lint` and `export` read a workspace: the same files, the
//! same journey.toml and the same command-line levels, so that all three
//! see the same findings.

use crate::exit;
use crate::output;
use clap::Args;
use journey_analysis::load::{self, display_path, LoadedWorkspace};
use journey_analysis::{Config, Workspace};
use journey_diagnostics::{Diagnostic, Level};
use std::path::{Path, PathBuf};

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

/// A workspace read as the command line asked, and its findings.
pub struct Checked {
    pub loaded: LoadedWorkspace,
    /// The findings in the files the command line named, after levels.
    pub diagnostics: Vec<Diagnostic>,
    /// How many files those are.
    pub files: usize,
}

impl WorkspaceArgs {
    /// Reads and analyses the workspace. Usage and I/O problems are
    /// reported on stderr and come back as the exit code to use.
    pub fn check(&self) -> Result<Checked, u8> {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let mut config = if self.no_config {
            Config::empty(cwd.clone())
        } else if let Some(path) = &self.config {
            if !path.is_file() {
                output::error(format!("cannot read `{}`: no such file", path.display()));
                return Err(exit::USAGE);
            }
            Config::load(path)
        } else {
            Config::discover(self.paths.first().map(PathBuf::as_path).unwrap_or(&cwd))
        };
        // Command-line levels win over journey.toml; among them deny wins.
        for (names, level) in [
            (&self.allow, Level::Allow),
            (&self.warn, Level::Warn),
            (&self.deny, Level::Deny),
        ] {
            for name in names {
                if let Err(message) = config.set_level(name, level) {
                    output::error(message);
                    return Err(exit::USAGE);
                }
            }
        }
        let paths = if self.paths.is_empty() && config.path.is_none() {
            vec![PathBuf::from(".")]
        } else {
            self.paths.clone()
        };
        let shown_paths = if paths.is_empty() {
            vec![config.root.clone()]
        } else {
            paths.clone()
        };
        // `check` and `export` read the model and findings only: tokens and
        // statement trees would be memory without a reader.
        let mut ws = Workspace::new();
        ws.drop_syntax_trees();
        let loaded = load::load_workspace_into(ws, &paths, config, &|p: &Path| display_path(p));
        if !loaded.errors.is_empty() {
            for e in &loaded.errors {
                output::error(e);
            }
            return Err(exit::USAGE);
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
            return Err(exit::USAGE);
        }
        let diagnostics: Vec<_> = ws
            .diagnostics()
            .into_iter()
            .filter(|d| loaded.in_focus(d.file()))
            .collect();
        let files = ws.files().filter(|(id, _)| loaded.in_focus(*id)).count();
        Ok(Checked {
            loaded,
            diagnostics,
            files,
        })
    }
}
