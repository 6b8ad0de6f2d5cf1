//! Formatting files as their journey.toml asks: which files `journeyc fmt`
//! may touch, the options each gets, and the read → format-and-verify →
//! write-back pipeline. The language server formats with the same
//! [`options`] and [`journey_fmt::format_verified`].

use crate::confine::{self, Judgement};
use crate::load::{self, Found, LoadError};
use crate::Config;
use journey_diagnostics::{Diagnostic, FileId};
use journey_fmt::{FormatError, FormatOptions};
use journey_write::{ErrorKind, Mode, Snapshot, WriteError};
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// The layout a configuration asks for.
pub fn options(config: &Config) -> FormatOptions {
    FormatOptions {
        line_width: config.format.line_width as usize,
        indent: config.format.indent as usize,
    }
}

/// The journey.toml files that govern the files of a run, each read once.
#[derive(Default)]
pub struct Configs {
    /// By the journey.toml they come from (`None`: no file, the
    /// defaults), in the order they were read.
    read: Vec<(Option<PathBuf>, Rc<Config>)>,
}

impl Configs {
    /// The configuration for `path` (a file, or a folder): the nearest
    /// journey.toml at or above it.
    pub fn for_path(&mut self, path: &Path) -> Rc<Config> {
        let key = Config::find(path);
        if let Some((_, c)) = self.read.iter().find(|(k, _)| *k == key) {
            return c.clone();
        }
        let config = Rc::new(match &key {
            Some(file) => Config::load(file),
            None => Config::discover(path),
        });
        self.read.push((key, config.clone()));
        config
    }

    /// Every configuration read so far, in the order read.
    pub fn read(&self) -> impl Iterator<Item = &Config> {
        self.read.iter().map(|(_, c)| c.as_ref())
    }
}

/// The `.journey` files to format for `paths` (default: the current
/// folder): files named as given, folders searched, each file judged
/// against its own workspace (the folder of its journey.toml, else the
/// folder named) after following symbolic links. A named file that may
/// not be read is an error, one found in a folder is skipped; a file
/// found in a folder is left out when its journey.toml's `[workspace]
/// exclude` matches it. The content of a file left out is never read.
pub fn find_files(paths: &[PathBuf], configs: &mut Configs) -> Found {
    let mut all = Found::default();
    for path in paths {
        let found = load::find_files(std::slice::from_ref(path));
        all.errors.extend(found.errors);
        all.skipped.extend(found.skipped);
        let named_folder = confine::canonical_root(&load::folder_of(path));
        for f in found.files {
            let config = configs.for_path(&f);
            let mut roots = match config.path {
                Some(_) => config.import_roots(),
                None => Vec::new(),
            };
            roots.push(named_folder.clone());
            let refused = match confine::judge_given(&f, &roots) {
                Judgement::Refused(why) => Some(why.reason().to_string()),
                _ => None,
            };
            match refused {
                Some(message) if f == *path => all.errors.push(LoadError { path: f, message }),
                Some(message) => all.skipped.push(LoadError { path: f, message }),
                None if path.is_dir() && excluded(&f, &config) => {}
                None => all.files.push(f),
            }
        }
    }
    all.files.sort();
    all.files.dedup();
    all
}

/// Whether `file` is excluded by the `[workspace] exclude` patterns of
/// its journey.toml.
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

/// What happened to one input.
#[derive(Debug)]
pub enum Outcome {
    /// Already canonical (the text).
    Unchanged(String),
    Changed {
        old: String,
        new: String,
    },
    Failed(Failure),
}

/// Why an input was not formatted (or not written back).
#[derive(Debug)]
pub enum Failure {
    /// Its journey.toml has errors: the layout it asks for is unknown.
    Config,
    /// The file could not be read.
    Read(std::io::Error),
    /// Not text journeyc reads, or syntax errors: the diagnostics, in
    /// `text` (one file, id 0).
    Syntax {
        text: String,
        diagnostics: Vec<Diagnostic>,
    },
    /// The formatter's safety net refused the result.
    Refused(FormatError),
    /// Formatted, but not written back (see [`not_written`]).
    NotWritten(WriteError),
}

/// Formats one input (`bytes`, decoded as journeyc reads files) with the
/// safety net: a result that differs from the input in more than layout
/// is refused, as in the language server.
pub fn format_source(bytes: Vec<u8>, opts: &FormatOptions) -> Outcome {
    // One file per source map: its id is the first, 0.
    let file = FileId(0);
    let (text, problem) = journey_syntax::decode_source(bytes, file);
    if let Some(d) = problem {
        let diagnostics = vec![d];
        return Outcome::Failed(Failure::Syntax { text, diagnostics });
    }
    let parse = journey_syntax::parse(&text, file);
    match journey_fmt::format_verified(&text, &parse, opts) {
        Ok(new) if new == text => Outcome::Unchanged(text),
        Ok(new) => Outcome::Changed { old: text, new },
        Err(FormatError::Syntax(diagnostics)) => {
            Outcome::Failed(Failure::Syntax { text, diagnostics })
        }
        Err(e) => Outcome::Failed(Failure::Refused(e)),
    }
}

/// Formats the file at `path` as `config` asks and, with `write`, writes
/// the result back (see `journey_write`): only if the file still holds
/// what was read, never over a read-only file; its permissions, owner,
/// group and hard links stay, and a symbolic link stays a link.
pub fn format_file(path: &Path, config: &Config, write: bool) -> Outcome {
    format_file_then(path, config, write, || {})
}

/// [`format_file`], with `before_commit` called between reading the file
/// and writing it back (tests edit the file there).
pub fn format_file_then(
    path: &Path,
    config: &Config,
    write: bool,
    before_commit: impl FnOnce(),
) -> Outcome {
    if config.has_errors() {
        return Outcome::Failed(Failure::Config);
    }
    // Taken before reading: an edit saved while this run formats the
    // file is noticed before the result is written.
    let before = std::fs::metadata(path).ok();
    let bytes = match load::read_regular_file(path) {
        Ok(b) => b,
        Err(e) => return Outcome::Failed(Failure::Read(e)),
    };
    let snapshot = Snapshot::new(before.as_ref(), &bytes);
    let outcome = format_source(bytes, &options(config));
    if let (true, Outcome::Changed { new, .. }) = (write, &outcome) {
        before_commit();
        let mode = Mode::ReplaceUnchanged(snapshot);
        if let Err(e) = journey_write::write_atomic(path, new.as_bytes(), mode) {
            return Outcome::Failed(Failure::NotWritten(e));
        }
    }
    outcome
}

/// Why the formatted `shown` was not written back, for people.
pub fn not_written(shown: &str, e: &WriteError) -> String {
    match e.kind {
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
    }
}

/// How many files a run formatted (or, only checking, found not
/// formatted) and how many failed.
pub struct Tally {
    pub files: usize,
    pub changed: usize,
    pub failed: usize,
}

impl Tally {
    /// The closing line; `checking`: nothing was written.
    pub fn line(&self, checking: bool) -> String {
        let unchanged = self.files - self.changed - self.failed;
        let files = |n: usize| match n {
            1 => "1 file".to_string(),
            n => format!("{n} files"),
        };
        let mut line = match (checking, self.changed) {
            (true, 0) => format!("{} already formatted", files(unchanged)),
            (true, n) => format!("{} not formatted, {unchanged} already formatted", files(n)),
            (false, n) => format!("formatted {}, {unchanged} already formatted", files(n)),
        };
        if self.failed > 0 {
            line.push_str(&format!(", {} with errors", self.failed));
        }
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const UNTIDY: &str = "persona p \"P\" { role \"Buyer\"; evidence \"5 interviews\" }\n";

    fn temp_dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("journey-format-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn is_changed_elsewhere(outcome: &Outcome) -> bool {
        matches!(outcome, Outcome::Failed(Failure::NotWritten(e)) if matches!(e.kind, ErrorKind::Changed))
    }

    /// An edit saved between reading and writing (the reproducer: a line
    /// appended to a big file while it is formatted) is kept, the file is
    /// not written, and the run fails; a later run formats it. (The
    /// reproducer's file had 1.8 MB, to give the editor time; here the
    /// edit happens at the worst moment, whatever the size.)
    #[test]
    fn an_edit_saved_while_formatting_is_never_lost() {
        let dir = temp_dir("append");
        let path = dir.join("big.journey");
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
        let config = Config::default();
        let outcome = format_file_then(&path, &config, true, || {
            use std::io::Write as _;
            let mut f = std::fs::OpenOptions::new()
                .append(true)
                .open(&path)
                .unwrap();
            f.write_all(appended.as_bytes()).unwrap();
        });
        assert!(is_changed_elsewhere(&outcome), "{outcome:?}");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            format!("{text}{appended}")
        );
        // Nothing else was left in the folder.
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);

        // Unchanged meanwhile: formatted.
        let outcome = format_file(&path, &config, true);
        assert!(matches!(outcome, Outcome::Changed { .. }));
        let formatted = std::fs::read_to_string(&path).unwrap();
        assert!(formatted.ends_with(appended), "the edit is kept");
        assert!(formatted.starts_with("persona p0 \"P\" {\n  role \"Buyer\"\n"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// The same with an edit that keeps the length (a changed letter): the
    /// content hash tells.
    #[test]
    fn an_edit_of_the_same_length_is_noticed_too() {
        let dir = temp_dir("same-length");
        let path = dir.join("a.journey");
        std::fs::write(&path, UNTIDY).unwrap();
        let edited = UNTIDY.replace("Buyer", "Payer");
        let outcome = format_file_then(&path, &Config::default(), true, || {
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
        assert!(is_changed_elsewhere(&outcome), "{outcome:?}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), edited);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
