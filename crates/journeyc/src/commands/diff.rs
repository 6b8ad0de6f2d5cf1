//! `journeyc diff`: what changed between two versions of a journey, in
//! strategy terms.

use crate::exit;
use crate::output::{self, ColorChoice};
use clap::{Args, ValueEnum};
use journey_analysis::{load, Config, Workspace};
use journey_diagnostics::render::{self, HumanOptions};
use journey_diff::source::{self, SourceError};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One line per change, for people.
    Human,
    /// A pull-request comment: changes grouped by kind.
    Markdown,
    /// One JSON document (see the README for its fields).
    Json,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  journeyc diff old/ new/                   two folders (or two files)
  journeyc diff --git HEAD~1                the last commit against the working tree
  journeyc diff --git main examples/shop    only the files below examples/shop
  journeyc diff --git v1.0..v2.0            two revisions

Exit status: 0 when nothing changed, 1 when something did, 2 on errors.")]
pub struct DiffArgs {
    /// Without --git: OLD and NEW, two files or folders. With --git: the
    /// paths to compare (default: the workspace of the journey.toml above
    /// the current folder, or the current folder).
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
    /// Compare the files as they are at this git revision (read with `git
    /// show`, imports resolved inside the revision) with the working tree;
    /// `OLD..NEW` compares two revisions.
    #[arg(long, value_name = "REV")]
    pub git: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// When to use colour in human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, env = "JOURNEYC_COLOR")]
    pub color: ColorChoice,
}

pub fn run(args: DiffArgs) -> u8 {
    let color = args.color.enabled();
    let loaded = match &args.git {
        Some(rev) => load_git(rev, &args.paths),
        None => load_paths(&args.paths),
    };
    let (old, new, old_label, new_label) = match loaded {
        Ok(v) => v,
        Err(e) => {
            output::error(e);
            return exit::USAGE;
        }
    };
    for (ws, label) in [(&old, &old_label), (&new, &new_label)] {
        let problems = source::unreadable(ws);
        if !problems.is_empty() {
            // The first few in full, the rest counted: `journeyc check`
            // shows them all.
            const SHOWN: usize = 3;
            let text = render::render_human(
                &problems[..problems.len().min(SHOWN)],
                ws,
                HumanOptions { color },
            );
            eprint!("{text}");
            let mut files: Vec<u32> = problems.iter().map(|d| d.file().0).collect();
            files.sort_unstable();
            files.dedup();
            let more = if problems.len() > SHOWN {
                format!(" ({} more not shown)", problems.len() - SHOWN)
            } else {
                String::new()
            };
            let refused = journey_analysis::checks::import_outside_workspace::CODE.code;
            let what = if problems.iter().all(|d| d.code == refused) {
                "imports that may not be read (outside the workspace, or not .journey files)"
            } else if problems.iter().any(|d| d.code == refused) {
                "syntax errors and imports that may not be read"
            } else {
                "syntax errors"
            };
            output::error(format!(
                "{label} has {what} in {}{more}; fix them, or name the paths to compare",
                if files.len() == 1 {
                    "1 file".to_string()
                } else {
                    format!("{} files", files.len())
                }
            ));
            return exit::USAGE;
        }
    }
    let diff = journey_diff::diff_workspaces(&old, &new);
    let text = match args.format {
        Format::Human => journey_diff::render::human(&diff, color),
        Format::Markdown => journey_diff::render::markdown(&diff, &old_label, &new_label),
        Format::Json => journey_diff::render::json(&diff, &old_label, &new_label),
    };
    output::print(&text);
    if diff.is_empty() {
        exit::OK
    } else {
        exit::FINDINGS
    }
}

type Versions = (Workspace, Workspace, String, String);

/// [`source::from_paths`], with a warning for each special file left out.
fn from_paths(paths: &[PathBuf]) -> Result<Workspace, SourceError> {
    let (ws, skipped) = source::from_paths(paths)?;
    for s in &skipped {
        output::skipped(s);
    }
    Ok(ws)
}

fn load_paths(paths: &[PathBuf]) -> Result<Versions, SourceError> {
    let [old, new] = paths else {
        return Err(SourceError(format!(
            "expected two paths, OLD and NEW (got {}); use --git REV to compare with a git revision",
            paths.len()
        )));
    };
    let old_ws = from_paths(std::slice::from_ref(old))?;
    let new_ws = from_paths(std::slice::from_ref(new))?;
    Ok((
        old_ws,
        new_ws,
        old.display().to_string(),
        new.display().to_string(),
    ))
}

fn load_git(rev: &str, paths: &[PathBuf]) -> Result<Versions, SourceError> {
    let cwd = std::env::current_dir()
        .map_err(|e| SourceError(format!("cannot read the current folder: {e}")))?;
    // Without paths, the workspace of the journey.toml above the current
    // folder (as `journeyc check` reads it), else the current folder.
    let config = paths
        .is_empty()
        .then(|| Config::discover(&cwd))
        .filter(|c| c.path.is_some());
    let at = |rev: &str| match config.as_ref().and_then(|c| c.path.as_deref()) {
        Some(toml) => source::from_git_workspace(rev, toml, &cwd),
        None => source::from_git(rev, paths, &cwd),
    };
    // `OLD..NEW`: two revisions, both read from git.
    if let Some((a, b)) = rev.split_once("..") {
        if a.is_empty() || b.is_empty() || b.starts_with('.') {
            return Err(SourceError(format!(
                "`{rev}`: write two revisions as OLD..NEW (both named)"
            )));
        }
        return Ok((at(a)?, at(b)?, a.to_string(), b.to_string()));
    }
    let old = at(rev)?;
    if let Some(config) = config {
        let loaded = load::load_workspace(&[], config, &|p: &Path| load::display_path(p));
        if let Some(e) = loaded.errors.first() {
            return Err(SourceError(e.to_string()));
        }
        for s in &loaded.skipped {
            output::skipped(s);
        }
        return Ok((
            old,
            loaded.workspace,
            rev.to_string(),
            "working tree".to_string(),
        ));
    }
    let paths: Vec<PathBuf> = if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths.to_vec()
    };
    // A path that no longer exists in the working tree: its files were
    // removed, which the diff reports.
    let (existing, gone): (Vec<PathBuf>, Vec<PathBuf>) =
        paths.into_iter().partition(|p| p.exists());
    if !gone.is_empty() && old.is_empty() {
        return Err(SourceError(format!(
            "`{}` exists neither in the working tree nor at {rev}",
            gone[0].display()
        )));
    }
    let new = if existing.is_empty() {
        Workspace::new()
    } else {
        from_paths(&existing)?
    };
    Ok((old, new, rev.to_string(), "working tree".to_string()))
}
