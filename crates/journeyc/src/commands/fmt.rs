//! `journeyc fmt`: rewrites `.journey` files into the canonical layout.

use crate::exit;
use crate::output::{self, ColorChoice};
use clap::Args;
use journey_analysis::{load, Config};
use journey_diagnostics::render::{self, HumanOptions};
use journey_diagnostics::{Diagnostic, FileId, SourceFile, SourceMap};
use journey_fmt::{FormatError, FormatOptions};
use journey_write::{ErrorKind, Mode, Snapshot};
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::rc::Rc;

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

/// The journey.toml that governs a file, read once per run.
struct Settings {
    config: Config,
    options: FormatOptions,
    /// The configuration has errors: its files are not formatted (the
    /// layout it asks for is unknown). Reported once.
    broken: bool,
}

/// Configurations by the journey.toml they come from (`None`: no file,
/// the defaults).
#[derive(Default)]
struct Configs {
    by_file: HashMap<Option<PathBuf>, Rc<Settings>>,
}

impl Configs {
    /// The settings for `path` (a file, or for stdin the current folder):
    /// the nearest journey.toml at or above it.
    fn for_path(&mut self, path: &Path, color: bool) -> Rc<Settings> {
        let key = Config::find(path);
        if let Some(s) = self.by_file.get(&key) {
            return s.clone();
        }
        let config = match &key {
            Some(file) => Config::load(file),
            None => Config::discover(path),
        };
        let options = FormatOptions {
            line_width: config.format.line_width as usize,
            indent: config.format.indent as usize,
        };
        let broken = config.has_errors();
        if let (true, Some(file)) = (broken, &key) {
            let shown = shown_path(file);
            let mut sources = SourceMap::new();
            if let Some(source) = config.source_file(shown.clone()) {
                let id = sources.add(source);
                let rendered =
                    render::render_human(&config.diagnostics(id), &sources, HumanOptions { color });
                eprint!("{rendered}");
            }
            output::error(journey_fmt::config_refusal(&shown));
        }
        let settings = Rc::new(Settings {
            config,
            options,
            broken,
        });
        self.by_file.insert(key, settings.clone());
        settings
    }
}

/// Whether `file`, found by searching a folder, is excluded by the
/// `[workspace] exclude` patterns of its journey.toml. Files named on
/// the command line are formatted even when excluded.
fn excluded(file: &Path, config: &Config) -> bool {
    if config.path.is_none() {
        return false;
    }
    let (Ok(file), Ok(root)) = (
        std::fs::canonicalize(file),
        std::fs::canonicalize(&config.root),
    ) else {
        return false;
    };
    let Ok(relative) = file.strip_prefix(&root) else {
        return false;
    };
    let relative: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    config.workspace.is_excluded(&relative.join("/"))
}

/// The files of `found` (searched from `path`) that may be read: `.journey`
/// files inside their workspace (the folder of their journey.toml, else the
/// folder named), judged after following symbolic links. A file named on
/// the command line that may not be read is an error; one found in a
/// folder is skipped with a warning. Its content is never read, shown or
/// rewritten.
fn confined(
    found: Vec<PathBuf>,
    path: &Path,
    configs: &mut Configs,
    color: bool,
    errors: &mut Vec<load::LoadError>,
) -> Vec<PathBuf> {
    let named_folder = journey_analysis::confine::canonical_root(&load::folder_of(path));
    let mut kept = Vec::with_capacity(found.len());
    for f in found {
        let settings = configs.for_path(&f, color);
        let mut roots = match settings.config.path {
            Some(_) => settings.config.import_roots(),
            None => Vec::new(),
        };
        roots.push(named_folder.clone());
        match journey_analysis::confine::judge_given(&f, &roots) {
            journey_analysis::confine::Judgement::Refused(why) if f == path => {
                errors.push(load::LoadError {
                    path: f,
                    message: why.reason().to_string(),
                });
            }
            journey_analysis::confine::Judgement::Refused(why) => {
                eprintln!("warning: skipped `{}`: {}", shown_path(&f), why.reason());
            }
            _ => kept.push(f),
        }
    }
    kept
}

/// What happened to one input.
enum Outcome {
    /// Already canonical (the text, for standard input).
    Unchanged(String),
    Changed {
        old: String,
        new: String,
    },
    /// Reported already.
    Failed,
}

struct Run {
    check: bool,
    diff: bool,
    color: bool,
}

pub fn run(args: FmtArgs) -> u8 {
    let run = Run {
        check: args.check,
        diff: args.diff,
        color: args.color.enabled(),
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
    let mut configs = Configs::default();
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in &paths {
        let load::Found {
            files: found,
            errors: errs,
            skipped,
        } = load::find_files(std::slice::from_ref(path));
        errors.extend(errs);
        for s in &skipped {
            output::skipped(s);
        }
        let found = confined(found, path, &mut configs, run.color, &mut errors);
        if path.is_dir() {
            files.extend(
                found
                    .into_iter()
                    .filter(|f| !excluded(f, &configs.for_path(f, run.color).config)),
            );
        } else {
            files.extend(found);
        }
    }
    files.sort();
    files.dedup();
    for e in &errors {
        output::error(e);
    }
    if files.is_empty() && errors.is_empty() {
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
    let (mut changed, mut failed) = (0usize, 0usize);
    for file in &files {
        let shown = shown_path(file);
        match run.file(file, &shown, &mut configs) {
            Outcome::Unchanged(_) => {}
            Outcome::Changed { old, new } => {
                changed += 1;
                if run.check {
                    output::print(&format!("{}\n", output::escape_line(&shown)));
                }
                if run.diff {
                    output::print(&unified_diff(&old, &new, &shown, run.color));
                }
            }
            Outcome::Failed => failed += 1,
        }
    }
    let unchanged = files.len() - changed - failed;
    let mut summary = if run.check || run.diff {
        match changed {
            0 => format!("{} already formatted", files_word(unchanged)),
            n => format!(
                "{} not formatted, {unchanged} already formatted",
                files_word(n)
            ),
        }
    } else {
        format!(
            "formatted {}, {unchanged} already formatted",
            files_word(changed)
        )
    };
    if failed > 0 {
        summary.push_str(&format!(", {failed} with errors"));
    }
    eprintln!("{summary}");
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

fn files_word(n: usize) -> String {
    if n == 1 {
        "1 file".into()
    } else {
        format!("{n} files")
    }
}

impl Run {
    fn stdin(&self) -> u8 {
        let mut bytes = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
            output::error(format!("cannot read standard input: {e}"));
            return exit::USAGE;
        }
        let settings = Configs::default().for_path(Path::new("."), self.color);
        if settings.broken {
            return exit::USAGE;
        }
        let (old, new) = match self.format(bytes, "<stdin>", &settings.options) {
            Outcome::Failed => return exit::USAGE,
            Outcome::Unchanged(text) => {
                if !self.check && !self.diff {
                    output::print(&text);
                }
                return exit::OK;
            }
            Outcome::Changed { old, new } => (old, new),
        };
        if self.diff {
            output::print(&unified_diff(&old, &new, "<stdin>", self.color));
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

    fn file(&self, path: &Path, shown: &str, configs: &mut Configs) -> Outcome {
        self.file_then(path, shown, configs, || {})
    }

    /// [`Run::file`], with `before_commit` called between reading the file
    /// and writing it back (tests edit the file there).
    fn file_then(
        &self,
        path: &Path,
        shown: &str,
        configs: &mut Configs,
        before_commit: impl FnOnce(),
    ) -> Outcome {
        let settings = configs.for_path(path, self.color);
        if settings.broken {
            return Outcome::Failed;
        }
        // Taken before reading: an edit saved while this run formats the
        // file is noticed before the result is written.
        let before = std::fs::metadata(path).ok();
        let bytes = match load::read_regular_file(path) {
            Ok(b) => b,
            Err(e) => {
                output::error(format!("cannot read `{shown}`: {e}"));
                return Outcome::Failed;
            }
        };
        let snapshot = Snapshot::new(before.as_ref(), &bytes);
        let outcome = self.format(bytes, shown, &settings.options);
        if let Outcome::Changed { new, .. } = &outcome {
            if !self.check && !self.diff {
                before_commit();
                if !commit(path, shown, new, snapshot) {
                    return Outcome::Failed;
                }
            }
        }
        outcome
    }

    /// Formats one input; errors are reported here.
    fn format(&self, bytes: Vec<u8>, shown: &str, opts: &FormatOptions) -> Outcome {
        // One file per source map: its id is the first, 0.
        let file = FileId(0);
        let (text, problem) = journey_syntax::decode_source(bytes, file);
        if let Some(d) = problem {
            self.report(shown, &text, vec![d]);
            return Outcome::Failed;
        }
        let parse = journey_syntax::parse(&text, file);
        // Formatting with the safety net (a result that differs from the
        // input in more than layout is refused), as the language server does.
        let new = match journey_fmt::format_verified(&text, &parse, opts) {
            Ok(new) => new,
            Err(FormatError::Syntax(diagnostics)) => {
                self.report(shown, &text, diagnostics);
                return Outcome::Failed;
            }
            Err(e) => {
                output::error(e.refusal(shown));
                return Outcome::Failed;
            }
        };
        if new == text {
            return Outcome::Unchanged(text);
        }
        Outcome::Changed { old: text, new }
    }

    fn report(&self, shown: &str, text: &str, diagnostics: Vec<Diagnostic>) {
        let mut sources = SourceMap::new();
        sources.add(SourceFile::new(shown, text));
        let rendered =
            render::render_human(&diagnostics, &sources, HumanOptions { color: self.color });
        eprint!("{rendered}");
        output::error(journey_fmt::syntax_refusal(shown));
    }
}

/// Writes the formatted text over `path` (see `journey_write`): only if
/// the file still holds what was read, never over a read-only file; its
/// permissions, owner, group and hard links stay, and a symbolic link
/// stays a link. Problems are reported here; `false` when not written.
fn commit(path: &Path, shown: &str, new: &str, snapshot: Snapshot) -> bool {
    let Err(e) =
        journey_write::write_atomic(path, new.as_bytes(), Mode::ReplaceUnchanged(snapshot))
    else {
        return true;
    };
    output::error(match e.kind {
        ErrorKind::Changed => format!(
            "`{shown}` changed while it was being formatted and was left as it is; run `journeyc fmt` again"
        ),
        ErrorKind::Vanished => {
            format!("`{shown}` was removed while it was being formatted and was not written back")
        }
        ErrorKind::ReadOnly => format!(
            "`{shown}` is read-only and was not formatted; make it writable (`chmod u+w`) to format it"
        ),
        _ => e.to_string(),
    });
    false
}

/// A unified diff (`--- a/path`, `+++ b/path`, three lines of context).
/// Control characters of the file are shown escaped, as everywhere on the
/// terminal.
pub fn unified_diff(old: &str, new: &str, shown: &str, color: bool) -> String {
    // Patience anchors on the lines both versions share once, so a long
    // list rewrapped into many lines is a small diff in a big file; the
    // deadline bounds the worst case (a valid, less minimal diff after it).
    let diff = similar::TextDiff::configure()
        .algorithm(similar::Algorithm::Patience)
        .timeout(std::time::Duration::from_secs(2))
        .diff_lines(old, new);
    let shown = output::escape_line(shown);
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{shown}"), &format!("b/{shown}"))
        .to_string();
    let text = output::escape_text(&text).into_owned();
    if !color {
        return text;
    }
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for line in text.split_inclusive('\n') {
        let code = if line.starts_with("+++") || line.starts_with("---") {
            "1"
        } else if line.starts_with('+') {
            "32"
        } else if line.starts_with('-') {
            "31"
        } else if line.starts_with("@@") {
            "36"
        } else {
            ""
        };
        if code.is_empty() {
            out.push_str(line);
        } else {
            let body = line.strip_suffix('\n').unwrap_or(line);
            out.push_str(&format!("\x1b[{code}m{body}\x1b[0m"));
            if line.ends_with('\n') {
                out.push('\n');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const UNTIDY: &str = "persona p \"P\" { role \"Buyer\"; evidence \"5 interviews\" }\n";

    fn run() -> Run {
        Run {
            check: false,
            diff: false,
            color: false,
        }
    }

    /// An edit saved between reading and writing (the reproducer: a line
    /// appended to a big file while it is formatted) is kept, the file is
    /// not written, and the run fails; a later run formats it. (The
    /// reproducer's file had 1.8 MB, to give the editor time; here the
    /// edit happens at the worst moment, whatever the size.)
    #[test]
    fn an_edit_saved_while_formatting_is_never_lost() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.journey");
        let mut text = String::new();
        let mut i = 0;
        while text.len() < 200_000 {
            text.push_str(&format!(
                "persona p{i} \"P\" {{ role \"Buyer\"; evidence \"5 interviews\" }}\n"
            ));
            i += 1;
        }
        std::fs::write(&path, &text).unwrap();
        let appended = "# saved while journeyc fmt ran\n";
        let outcome = run().file_then(&path, "big.journey", &mut Configs::default(), || {
            use std::io::Write as _;
            let mut f = std::fs::OpenOptions::new()
                .append(true)
                .open(&path)
                .unwrap();
            f.write_all(appended.as_bytes()).unwrap();
        });
        assert!(matches!(outcome, Outcome::Failed));
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            format!("{text}{appended}")
        );
        // Nothing else was left in the folder.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);

        // Unchanged meanwhile: formatted.
        let outcome = run().file_then(&path, "big.journey", &mut Configs::default(), || {});
        assert!(matches!(outcome, Outcome::Changed { .. }));
        let formatted = std::fs::read_to_string(&path).unwrap();
        assert!(formatted.ends_with(appended), "the edit is kept");
        assert!(formatted.starts_with("persona p0 \"P\" {\n  role \"Buyer\"\n"));
    }

    /// The same with an edit that keeps the length (a changed letter): the
    /// content hash tells.
    #[test]
    fn an_edit_of_the_same_length_is_noticed_too() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.journey");
        std::fs::write(&path, UNTIDY).unwrap();
        let edited = UNTIDY.replace("Buyer", "Payer");
        let outcome = run().file_then(&path, "a.journey", &mut Configs::default(), || {
            let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
            std::fs::write(&path, &edited).unwrap();
            // Even with the old modification time.
            std::fs::File::options()
                .write(true)
                .open(&path)
                .unwrap()
                .set_modified(modified)
                .unwrap();
        });
        assert!(matches!(outcome, Outcome::Failed));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), edited);
    }
}
