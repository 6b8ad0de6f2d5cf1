//! `journeyc diff`: what changed between two versions of a journey, in
//! strategy terms (see the crate journey-diff).

use crate::exit;
use crate::output::{self, ColorChoice};
use clap::{Args, ValueEnum};
use journey_diagnostics::render::{self, HumanOptions};
use journey_diff::source;
use journey_diff::versions::{self, Versions};
use std::path::PathBuf;

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
    let on_skipped = &mut |s: &_| output::skipped(s);
    let loaded = match &args.git {
        Some(rev) => versions::from_git(rev, &args.paths, on_skipped),
        None => versions::from_two_paths(&args.paths, on_skipped),
    };
    let Versions {
        old,
        new,
        old_label,
        new_label,
    } = match loaded {
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
            let shown = &problems[..problems.len().min(SHOWN)];
            let text = render::render_human(shown, ws, HumanOptions { color });
            eprint!("{text}");
            output::error(versions::refusal(label, &problems, SHOWN));
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
