//! How `check`, `lint` and `export` read a workspace: the same files, the
//! same journey.toml and the same command-line levels, so that all three
//! see the same findings.

use crate::exit;
use crate::output;
use clap::Args;
use journey_analysis::load::{self, display_path, LoadedWorkspace};
use journey_analysis::{Config, Workspace};
use journey_diagnostics::render::Summary;
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
    /// The findings after levels: all of them in the files the command
    /// line named and the files those import (transitively), and the
    /// errors of every other file read (see [`LoadedWorkspace::reports`]).
    pub diagnostics: Vec<Diagnostic>,
    /// How many files the report covers: the files checked (named and
    /// imported) and the other files with errors.
    pub files: usize,
    /// Of `files`, those checked because a named file imports them.
    pub imported: usize,
    /// Of `files`, the others with errors.
    pub elsewhere: usize,
}

impl Checked {
    /// The counts for the closing line and the JSON summary.
    pub fn summary(&self) -> Summary {
        Summary::new(&self.diagnostics, self.files).with_files(self.imported, self.elsewhere)
    }

    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == journey_diagnostics::Severity::Error)
    }

    /// The files with errors, as shown, each with how it was read:
    /// "`b.journey` (imported)".
    pub fn files_with_errors(&self) -> Vec<String> {
        let ws = &self.loaded.workspace;
        let scope = self.loaded.scope();
        let mut files: Vec<journey_diagnostics::FileId> = self
            .diagnostics
            .iter()
            .filter(|d| d.severity == journey_diagnostics::Severity::Error)
            .map(|d| d.file())
            .collect();
        files.sort();
        files.dedup();
        files
            .into_iter()
            .filter_map(|f| {
                let shown = format!("`{}`", ws.file(f)?.display);
                let how = if Some(f) == ws.config_file() || scope.named.contains(&f) {
                    ""
                } else if scope.checked.contains(&f) {
                    " (imported)"
                } else {
                    " (elsewhere in the workspace)"
                };
                Some(format!("{shown}{how}"))
            })
            .collect()
    }
}

impl WorkspaceArgs {
    /// Reads and analyses the workspace. Usage and I/O problems are
    /// reported on stderr and come back as the exit code to use.
    pub fn check(&self) -> Result<Checked, u8> {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let mut config = if self.no_config {
            Config::empty(cwd.clone())
        } else if let Some(path) = &self.config {
            match path.metadata() {
                Ok(m) if m.is_file() => {}
                Ok(m) => {
                    output::error(format!(
                        "cannot read `{}`: {}, not a regular file",
                        path.display(),
                        load::file_kind(&m.file_type())
                    ));
                    return Err(exit::USAGE);
                }
                Err(_) => {
                    output::error(format!("cannot read `{}`: no such file", path.display()));
                    return Err(exit::USAGE);
                }
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
        for s in &loaded.skipped {
            output::skipped(s);
        }
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
        // The named files and everything they import are checked; the
        // rest of the workspace only lends its names, but its errors count.
        let scope = loaded.scope();
        let diagnostics: Vec<_> = ws
            .diagnostics()
            .into_iter()
            .filter(|d| loaded.reports(&scope, d))
            .collect();
        let mut elsewhere: Vec<_> = diagnostics
            .iter()
            .map(|d| d.file())
            .filter(|f| !scope.checked.contains(f) && Some(*f) != ws.config_file())
            .collect();
        elsewhere.sort();
        elsewhere.dedup();
        let imported = scope.imported();
        let files = scope.checked.len() + elsewhere.len();
        Ok(Checked {
            loaded,
            diagnostics,
            files,
            imported,
            elsewhere: elsewhere.len(),
        })
    }
}
