//! `journeyc fmt`: rewrites `.journey` files into the canonical layout
//! (see `journey_analysis::format`, which the language server shares).

use crate::exit;
use crate::output::{self, ColorChoice};
use clap::Args;
use journey_analysis::format::{self, Configs, Failure, Outcome};
use journey_analysis::load::{self, Found};
use journey_diagnostics::render::{self, HumanOptions};
use journey_diagnostics::{SourceFile, SourceMap};
use std::io::Read;
use std::path::{Path, PathBuf};

#[derive(Debug, Args)]
pub struct FmtArgs {
    /// Files or directories (searched recursively for *.journey). `-` formats
    /// standard input to standard output. Default: the current directory.
    pub paths: Vec<PathBuf>,
    /// Write nothing; list the files that are not formatted and exit with 1
    /// if there are any (for CI).
    #[arg(long)]
    pub check: bool,
    /// Write nothing; show the changes as a unified diff.
    #[arg(long)]
    pub diff: bool,
    /// When to use colour for diagnostics and diffs.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, env = "JOURNEYC_COLOR")]
    pub color: ColorChoice,
}

struct Run {
    check: bool,
    diff: bool,
    color: bool,
    configs: Configs,
    /// How many of `configs` were reported already (those with errors).
    reported: usize,
}

pub fn run(args: FmtArgs) -> u8 {
    let mut run = Run {
        check: args.check,
        diff: args.diff,
        color: args.color.enabled(),
        configs: Configs::default(),
        reported: 0,
    };
    if args.paths.iter().any(|p| p.as_os_str() == "-") {
        if args.paths.len() > 1 {
            output::error("`-` (standard input) cannot be combined with other paths");
            return exit::USAGE;
        }
        return run.stdin();
    }
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths
    };
    let Found {
        files,
        errors,
        skipped,
    } = format::find_files(&paths, &mut run.configs);
    skipped.iter().for_each(output::skipped);
    run.report_configs();
    errors.iter().for_each(output::error);
    if files.is_empty() && errors.is_empty() {
        let shown: Vec<String> = paths.iter().map(|p| format!("`{}`", p.display())).collect();
        output::error(format!("no .journey files found in {}", shown.join(", ")));
        return exit::USAGE;
    }
    let (mut changed, mut failed) = (0usize, 0usize);
    for file in &files {
        let shown = shown_path(file);
        let config = run.configs.for_path(file);
        match format::format_file(file, &config, !run.check && !run.diff) {
            Outcome::Unchanged(_) => {}
            Outcome::Changed { old, new } => {
                changed += 1;
                if run.check {
                    output::print(&format!("{}\n", output::escape_line(&shown)));
                }
                if run.diff {
                    output::print(&journey_fmt::unified_diff(&old, &new, &shown, run.color));
                }
            }
            Outcome::Failed(why) => {
                run.report(&shown, why);
                failed += 1;
            }
        }
    }
    let tally = format::Tally {
        files: files.len(),
        changed,
        failed,
    };
    eprintln!("{}", tally.line(run.check || run.diff));
    if failed > 0 || !errors.is_empty() {
        exit::USAGE
    } else if run.check && changed > 0 {
        exit::FINDINGS
    } else {
        exit::OK
    }
}

/// How a file is named in messages: relative to the current directory,
/// without a leading `./`.
fn shown_path(path: &Path) -> String {
    let path = path.strip_prefix(".").unwrap_or(path);
    load::display_path(path)
}

impl Run {
    fn stdin(&mut self) -> u8 {
        let mut bytes = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
            output::error(format!("cannot read standard input: {e}"));
            return exit::USAGE;
        }
        let config = self.configs.for_path(Path::new("."));
        self.report_configs();
        if config.has_errors() {
            return exit::USAGE;
        }
        let (old, new) = match format::format_source(bytes, &format::options(&config)) {
            Outcome::Failed(why) => {
                self.report("<stdin>", why);
                return exit::USAGE;
            }
            Outcome::Unchanged(text) => {
                if !self.check && !self.diff {
                    output::print(&text);
                }
                return exit::OK;
            }
            Outcome::Changed { old, new } => (old, new),
        };
        if self.diff {
            output::print(&journey_fmt::unified_diff(
                &old, &new, "<stdin>", self.color,
            ));
        } else if self.check {
            output::print("<stdin>\n");
        } else {
            output::print(&new);
        }
        if self.check {
            exit::FINDINGS
        } else {
            exit::OK
        }
    }

    /// Shows the errors of each journey.toml read since the last call:
    /// its files are not formatted (the layout it asks for is unknown).
    fn report_configs(&mut self) {
        for config in self.configs.read().skip(self.reported) {
            let (true, Some(file)) = (config.has_errors(), &config.path) else {
                continue;
            };
            let shown = shown_path(file);
            let mut sources = SourceMap::new();
            if let Some(source) = config.source_file(shown.clone()) {
                let id = sources.add(source);
                let options = HumanOptions { color: self.color };
                eprint!(
                    "{}",
                    render::render_human(&config.diagnostics(id), &sources, options)
                );
            }
            output::error(journey_fmt::config_refusal(&shown));
        }
        self.reported = self.configs.read().count();
    }

    /// Reports why `shown` was not formatted.
    fn report(&self, shown: &str, why: Failure) {
        match why {
            // Reported with the configuration.
            Failure::Config => {}
            Failure::Read(e) => output::error(format!("cannot read `{shown}`: {e}")),
            Failure::Syntax { text, diagnostics } => {
                let mut sources = SourceMap::new();
                sources.add(SourceFile::new(shown, text));
                let options = HumanOptions { color: self.color };
                eprint!("{}", render::render_human(&diagnostics, &sources, options));
                output::error(journey_fmt::syntax_refusal(shown));
            }
            Failure::Refused(e) => output::error(e.refusal(shown)),
            Failure::NotWritten(e) => output::error(format::not_written(shown, &e)),
        }
    }
}
