//! `journeyc check --fix`: applying the fixes that findings carry.
//!
//! A finding's [preferred fix](Diagnostic::preferred_fix) — its only one,
//! the quick fix an editor applies with one key — is applied without
//! asking; a finding with several fixes is left for a person to choose.
//! Each round gives every file the preferred fixes of its findings, in the
//! order of the findings; a fix that overlaps one taken before waits for
//! the next round, when the findings are computed afresh on the new text.
//! Rounds repeat until no fix is left or [`MAX_ROUNDS`] have run. A file
//! that would end with more syntax errors than it started with is put back
//! as it was: the safety net, as `journeyc fmt` has one.
//!
//! The texts change in the workspace only; [`write`] writes a fixed file
//! back.

use crate::config::Config;
use crate::load::{self, LoadedWorkspace};
use crate::{FileKind, Workspace};
use journey_diagnostics::{Diagnostic, FileId, Severity, Span, TextEdit};
use journey_syntax::Parse;
use journey_write::{ErrorKind, Mode, Snapshot, WriteError};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// After this many rounds fixing stops, whatever is left.
pub const MAX_ROUNDS: usize = 10;

/// The edits chosen for one file in one round.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Planned {
    /// Not overlapping, in the order the findings came.
    pub edits: Vec<TextEdit>,
    /// How many findings they fix.
    pub fixes: usize,
}

/// One round's fixes, by file: the preferred fix of each finding whose
/// edits all lie in one file that `fixable` admits, lie inside its text
/// and change something. In the order of `diagnostics`; a fix that
/// overlaps one taken before (or inserts where it starts) is left for the
/// next round.
pub fn plan(
    ws: &Workspace,
    diagnostics: &[Diagnostic],
    fixable: &dyn Fn(FileId) -> bool,
) -> BTreeMap<FileId, Planned> {
    let mut plans: BTreeMap<FileId, Planned> = BTreeMap::new();
    for d in diagnostics {
        let Some(fix) = d.preferred_fix() else {
            continue;
        };
        let Some(file) = fix.edits.first().map(|e| e.file) else {
            continue;
        };
        if !fix.edits.iter().all(|e| e.file == file) || !fixable(file) {
            continue;
        }
        let Some(text) = ws.file(file).map(|f| &*f.source.text) else {
            continue;
        };
        if !fix.edits.iter().all(|e| inside(text, e.span)) {
            continue;
        }
        if fix.edits.iter().all(|e| text[e.span.range()] == e.new_text) {
            continue;
        }
        let planned = plans.entry(file).or_default();
        let clashes = fix.edits.iter().enumerate().any(|(i, e)| {
            planned
                .edits
                .iter()
                .chain(&fix.edits[i + 1..])
                .any(|o| overlaps(e.span, o.span))
        });
        if clashes {
            continue;
        }
        planned.edits.extend(fix.edits.iter().cloned());
        planned.fixes += 1;
    }
    plans.retain(|_, p| p.fixes > 0);
    plans
}

/// Whether `span` lies in `text`, on character boundaries.
fn inside(text: &str, span: Span) -> bool {
    span.start <= span.end
        && text.is_char_boundary(span.start as usize)
        && text.is_char_boundary(span.end as usize)
}

/// Whether two edits cannot both be applied in one go: their ranges
/// share a character, or they start at the same place (two insertions
/// there, or an insertion before a replacement, have no one order).
fn overlaps(a: Span, b: Span) -> bool {
    (a.start < b.end && b.start < a.end) || a.start == b.start
}

/// `text` with `edits` (not overlapping) applied, back to front. The line
/// breaks an edit inserts are written as the file writes them
/// ([`journey_fmt::line_ending`]): a CRLF file stays CRLF. A byte order
/// mark at the start stays: no fix replaces it.
pub fn apply(text: &str, edits: &[TextEdit]) -> String {
    let crlf = journey_fmt::line_ending(text) == "\r\n";
    let mut ordered: Vec<&TextEdit> = edits.iter().collect();
    ordered.sort_by_key(|e| std::cmp::Reverse((e.span.start, e.span.end)));
    let mut out = text.to_string();
    for e in ordered {
        if crlf && e.new_text.contains('\n') {
            let new = e.new_text.replace("\r\n", "\n").replace('\n', "\r\n");
            out.replace_range(e.span.range(), &new);
        } else {
            out.replace_range(e.span.range(), &e.new_text);
        }
    }
    out
}

/// A file whose text the fixes changed.
#[derive(Debug, Clone)]
pub struct FixedFile {
    pub file: FileId,
    /// Where it is on disk (symbolic links resolved).
    pub path: PathBuf,
    /// As shown to the user.
    pub display: String,
    /// The text read from disk.
    pub original: String,
    pub fixed: String,
    /// How many findings were fixed, over all rounds.
    pub fixes: usize,
}

/// A file left as it was: with its fixes it would have more syntax errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub file: FileId,
    pub display: String,
    /// Syntax errors as read, and with the fixes.
    pub before: usize,
    pub after: usize,
}

/// What [`fix`] did.
#[derive(Debug, Default)]
pub struct Fixed {
    /// The files whose text changed, by id.
    pub files: Vec<FixedFile>,
    /// The files put back as they were, by id.
    pub refused: Vec<Refused>,
    /// The files that still had fixes to apply when [`MAX_ROUNDS`] had
    /// run (shown as to the user).
    pub unfinished: Vec<String>,
}

impl Fixed {
    /// How many findings were fixed in all files.
    pub fn fixes(&self) -> usize {
        self.files.iter().map(|f| f.fixes).sum()
    }
}

/// The syntax errors of a parse.
fn syntax_errors(parse: &Parse) -> usize {
    parse
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count()
}

/// The text read from disk, its syntax errors, and the fixes applied.
struct Original {
    text: String,
    errors: usize,
    fixes: usize,
}

/// Applies the preferred fixes of the findings in `loaded`, round after
/// round, to the files the check covers (named and imported) whose path
/// (links resolved) `may_write` admits, that are `.journey` files and were
/// read as UTF-8 without a problem. Findings silenced by levels or
/// `allow`s are not fixed. Afterwards the workspace holds the fixed texts:
/// [`crate::report::findings`] gives what remains.
pub fn fix(loaded: &mut LoadedWorkspace, may_write: &dyn Fn(&Path) -> bool) -> Fixed {
    let scope = loaded.scope();
    let fixable: BTreeSet<FileId> = loaded
        .workspace
        .files()
        .filter(|(id, f)| {
            scope.checked.contains(id)
                && f.kind == FileKind::Journey
                && f.load_diagnostics.is_empty()
                && may_write(&f.path)
        })
        .map(|(id, _)| id)
        .collect();
    let mut originals: BTreeMap<FileId, Original> = BTreeMap::new();
    let mut refused: Vec<Refused> = Vec::new();
    let mut unfinished = Vec::new();
    for round in 0..=MAX_ROUNDS {
        let ws = &mut loaded.workspace;
        let diagnostics = ws.diagnostics();
        let done = |f: FileId| refused.iter().any(|r| r.file == f);
        let plans = plan(ws, &diagnostics, &|f| fixable.contains(&f) && !done(f));
        if plans.is_empty() {
            break;
        }
        if round == MAX_ROUNDS {
            unfinished = plans
                .keys()
                .filter_map(|f| ws.file(*f).map(|d| d.display.clone()))
                .collect();
            break;
        }
        for (file, planned) in plans {
            let Some(data) = ws.file(file) else { continue };
            let (path, display) = (data.path.clone(), data.display.clone());
            let text = apply(&data.source.text, &planned.edits);
            originals
                .entry(file)
                .or_insert_with(|| Original {
                    text: data.source.text.to_string(),
                    errors: syntax_errors(&data.parse),
                    fixes: 0,
                })
                .fixes += planned.fixes;
            ws.set_file(path, display, text);
        }
        // The safety net: a file with more syntax errors than it had is
        // put back and left alone from now on.
        for (file, original) in &originals {
            let Some(data) = ws.file(*file) else { continue };
            let errors = syntax_errors(&data.parse);
            if errors <= original.errors || refused.iter().any(|r| r.file == *file) {
                continue;
            }
            refused.push(Refused {
                file: *file,
                display: data.display.clone(),
                before: original.errors,
                after: errors,
            });
            let (path, display) = (data.path.clone(), data.display.clone());
            ws.set_file(path, display, original.text.clone());
        }
        // A fixed import may name a file not read yet.
        ws.load_imports(&|p: &Path| load::display_path(p));
    }
    refused.sort_by_key(|r| r.file);
    let ws = &loaded.workspace;
    let files = originals
        .into_iter()
        .filter(|(file, _)| !refused.iter().any(|r| r.file == *file))
        .filter_map(|(file, original)| {
            let data = ws.file(file)?;
            (*data.source.text != *original.text).then(|| FixedFile {
                file,
                path: data.path.clone(),
                display: data.display.clone(),
                fixed: data.source.text.to_string(),
                original: original.text,
                fixes: original.fixes,
            })
        })
        .collect();
    Fixed {
        files,
        refused,
        unfinished,
    }
}

/// The folders `journeyc check --fix` may write in (links resolved): the
/// workspace root — the folder of journey.toml — and the folders of the
/// paths named (without paths and journey.toml, the current folder).
/// Files read from `[workspace] import_roots` outside them are shared
/// with other workspaces and are not written.
pub fn writable_roots(config: &Config, paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut roots = Vec::new();
    if config.path.is_some() {
        roots.push(crate::confine::canonical_root(&config.root));
    }
    for p in paths {
        roots.push(crate::confine::canonical_root(&load::folder_of(p)));
    }
    if roots.is_empty() {
        roots.push(crate::confine::canonical_root(Path::new(".")));
    }
    roots.sort();
    roots.dedup();
    roots
}

/// Whether `path` (links resolved) is a `.journey` file below one of
/// `roots`.
pub fn may_write(roots: &[PathBuf], path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "journey") && roots.iter().any(|r| path.starts_with(r))
}

/// Writes a fixed file back, atomically (see `journey_write`), only if it
/// still holds the text the check read: an edit saved meanwhile is never
/// lost. Its permissions, owner, group and hard links stay.
pub fn write(file: &FixedFile) -> Result<(), WriteError> {
    let not_written = |kind| WriteError {
        path: file.path.clone(),
        kind,
    };
    let (bytes, snapshot) = match Snapshot::read(&file.path) {
        Ok(read) => read,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(not_written(ErrorKind::Vanished))
        }
        Err(error) => {
            return Err(not_written(ErrorKind::Io {
                action: "read",
                error,
            }))
        }
    };
    if bytes != file.original.as_bytes() {
        return Err(not_written(ErrorKind::Changed));
    }
    let mode = Mode::ReplaceUnchanged(snapshot);
    journey_write::write_atomic(&file.path, file.fixed.as_bytes(), mode).map(|_| ())
}

/// Why the fixed `shown` was not written back, for people.
pub fn not_written(shown: &str, e: &WriteError) -> String {
    match e.kind {
        ErrorKind::Changed => format!(
            "`{shown}` changed while it was being fixed and was left as it is; run `journeyc check --fix` again"
        ),
        ErrorKind::Vanished => {
            format!("`{shown}` was removed while it was being fixed and was not written back")
        }
        ErrorKind::ReadOnly => format!(
            "`{shown}` is read-only and was not fixed; make it writable (`chmod u+w`) to fix it"
        ),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use journey_diagnostics::Fix;

    fn edit(file: FileId, start: u32, end: u32, new_text: &str) -> TextEdit {
        TextEdit {
            file,
            span: Span::new(start, end),
            new_text: new_text.to_string(),
        }
    }

    fn workspace(text: &str) -> (Workspace, FileId) {
        let mut ws = Workspace::new();
        let id = ws.set_file("/w/a.journey".into(), "a.journey".into(), text.into());
        (ws, id)
    }

    fn with_fixes(ws: &Workspace, file: FileId, fixes: Vec<Vec<TextEdit>>) -> Diagnostic {
        let d = ws.diagnostics_for(file);
        let mut d = d.first().cloned().expect("a finding to hang fixes on");
        d.fixes = fixes
            .into_iter()
            .map(|edits| Fix {
                title: "t".into(),
                edits,
                applicability: Default::default(),
            })
            .collect();
        d
    }

    #[test]
    fn edits_apply_back_to_front_and_keep_crlf() {
        let text = "ab\r\ncd\r\n";
        let f = FileId(0);
        let edits = [edit(f, 0, 1, "A"), edit(f, 2, 2, "\nx"), edit(f, 4, 6, "")];
        assert_eq!(apply(text, &edits), "Ab\r\nx\r\n\r\n");
        assert_eq!(apply("ab\n", &[edit(f, 2, 2, "\nx")]), "ab\nx\n");
    }

    #[test]
    fn overlapping_fixes_wait_and_only_single_fixes_are_taken() {
        let (ws, f) = workspace("persona p {\n  role Founder\n}\n");
        let first = with_fixes(&ws, f, vec![vec![edit(f, 0, 3, "x")]]);
        // Overlaps the first, and one that inserts where it starts.
        let second = with_fixes(&ws, f, vec![vec![edit(f, 2, 5, "y")]]);
        let third = with_fixes(&ws, f, vec![vec![edit(f, 0, 0, "z")]]);
        // Two fixes: for a person to choose.
        let choice = with_fixes(
            &ws,
            f,
            vec![vec![edit(f, 8, 9, "1")], vec![edit(f, 8, 9, "2")]],
        );
        // Touching the first without overlapping: taken.
        let fourth = with_fixes(&ws, f, vec![vec![edit(f, 3, 4, "w")]]);
        // Changes nothing.
        let noop = with_fixes(&ws, f, vec![vec![edit(f, 0, 7, "persona")]]);
        let all = [first, second, third, choice, fourth, noop];
        let plans = plan(&ws, &all, &|_| true);
        assert_eq!(plans.len(), 1);
        assert_eq!(plans[&f].fixes, 2);
        assert_eq!(
            plans[&f].edits,
            vec![edit(f, 0, 3, "x"), edit(f, 3, 4, "w")]
        );
        assert!(plan(&ws, &all, &|_| false).is_empty());
    }

    #[test]
    fn a_fix_over_two_files_or_outside_the_text_is_not_taken() {
        let (ws, f) = workspace("persona p {\n  role Founder\n}\n");
        let other = FileId(7);
        let split = with_fixes(
            &ws,
            f,
            vec![vec![edit(f, 0, 1, "x"), edit(other, 0, 1, "y")]],
        );
        let outside = with_fixes(&ws, f, vec![vec![edit(f, 0, 999, "x")]]);
        assert!(plan(&ws, &[split, outside], &|_| true).is_empty());
    }

    #[test]
    fn writable_files_are_journey_files_below_a_root() {
        let roots = [PathBuf::from("/w")];
        assert!(may_write(&roots, Path::new("/w/a.journey")));
        assert!(may_write(&roots, Path::new("/w/sub/a.journey")));
        assert!(!may_write(&roots, Path::new("/w/journey.toml")));
        assert!(!may_write(&roots, Path::new("/wx/a.journey")));
        assert!(!may_write(&roots, Path::new("/shared/a.journey")));
    }
}
