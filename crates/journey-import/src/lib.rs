//! Import of the tabular workshop format into `.journey` files.
//!
//! Journey workshops happen in spreadsheets: one row per touchpoint with
//! its phase, channel, online/offline, owner, systems, KPIs, scores and
//! copy. The table has exactly the columns `journeyc export --format csv`
//! writes ([`table::COLUMNS`], documented in `journey_export::csv`), so a
//! journey can go out to a workshop and come back:
//! export → edit in a spreadsheet → [`import_csv`] → `.journey` files.
//!
//! The import either succeeds as a whole or reports every bad cell with
//! its row and column ([`ImportError`]); the files it produces are
//! formatted by `journey-fmt` and checked by `journey-analysis` before
//! anything is written, and [`write`] writes them atomically.
//!
//! What the table does not hold is not invented: personas named in
//! `serves` get a definition with the channels of the touchpoints that
//! serve them and nothing else, journeys list their phases in the order
//! of the rows.

mod cells;
mod generate;
pub mod source;
pub mod table;
mod write;

pub use write::{write, WriteError};

use journey_analysis::model::Def;
use journey_analysis::Workspace;
use journey_diagnostics::Severity;
use std::fmt;
use std::path::Path;

/// A problem with the table, located by row and column as a spreadsheet
/// shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// The row (the header is row 1); 0 when the problem is not one row's.
    pub row: usize,
    /// The line of the file where the row starts, when it differs from
    /// the row (cells with line breaks).
    pub line: Option<usize>,
    /// The column's name.
    pub column: Option<String>,
    /// The column's letter (`A`, `B` …), when the column is in the file.
    pub letter: Option<String>,
    pub message: String,
}

impl ImportError {
    pub(crate) fn at_row(row: usize, message: String) -> Self {
        ImportError {
            row,
            line: None,
            column: None,
            letter: None,
            message,
        }
    }

    pub(crate) fn at(row: usize, column: &str, letter: Option<String>, message: String) -> Self {
        ImportError {
            row,
            line: None,
            column: Some(column.to_string()),
            letter,
            message,
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut place = Vec::new();
        if self.row > 0 {
            let mut r = format!("row {}", self.row);
            if self.row == 1 {
                r.push_str(" (header)");
            }
            if let Some(line) = self.line {
                r.push_str(&format!(" (line {line})"));
            }
            place.push(r);
        }
        // A column that is not in the file (a missing one) is named by
        // the message alone.
        if let (Some(c), Some(l)) = (&self.column, &self.letter) {
            place.push(format!("column `{c}` ({l})"));
        }
        if !place.is_empty() {
            write!(f, "{}: ", place.join(", "))?;
        }
        f.write_str(&self.message)
    }
}

/// One file to write, relative to the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutFile {
    pub name: String,
    pub text: String,
}

/// A successful import: the files and what they hold.
#[derive(Debug, Clone)]
pub struct Import {
    pub files: Vec<OutFile>,
    pub journeys: usize,
    pub phases: usize,
    pub touchpoints: usize,
    pub personas: usize,
    /// Findings below error severity of `journeyc check` on the result,
    /// one line each (`phases.journey:12:5: warning[J0404]: …`).
    pub findings: Vec<String>,
}

/// Reads a workshop table and produces the `.journey` files for it.
/// `source` names the table in the files' header comment; `dir` is the
/// folder the files are meant for (used to check them as they will lie).
pub fn import_csv(text: &str, source: &str, dir: &Path) -> Result<Import, Vec<ImportError>> {
    let table = table::read(text);
    let mut errors = table.errors.clone();
    let plan = generate::plan(&table, &mut errors);
    if !errors.is_empty() {
        // By row; within a row in the order found (left to right).
        errors.sort_by_key(|e| e.row);
        return Err(errors);
    }
    let files = generate::files(&plan, source).map_err(|e| vec![e])?;
    let findings = check(&files, dir, &plan)?;
    Ok(Import {
        files,
        journeys: plan.journeys.len(),
        phases: plan.phases.len(),
        touchpoints: plan.touchpoints.len(),
        personas: plan.personas.len(),
        findings,
    })
}

/// Checks the files as they will lie in `dir`, with the journey.toml
/// that applies there (if any): errors stop the import
/// (each placed at the row of its touchpoint where there is one); other
/// findings are returned as lines.
fn check(
    files: &[OutFile],
    dir: &Path,
    plan: &generate::Plan,
) -> Result<Vec<String>, Vec<ImportError>> {
    let mut ws = Workspace::new();
    for f in files {
        let path = dir.join(&f.name);
        let shown = journey_analysis::load::display_path(&path);
        ws.set_file(path, shown, f.text.clone());
    }
    // The levels of the journey.toml that will apply to the files.
    let config = journey_analysis::Config::discover(&dir.join("journey.journey"));
    let shown = config
        .path
        .as_deref()
        .map(journey_analysis::load::display_path)
        .unwrap_or_default();
    ws.set_config(config, shown);
    let model = ws.model();
    let sources = ws.source_map();
    let mut errors = Vec::new();
    let mut findings = Vec::new();
    for d in ws.diagnostics() {
        let line = journey_diagnostics::render::render_short(std::slice::from_ref(&d), &sources);
        let line = line.trim_end().to_string();
        if d.severity != Severity::Error {
            findings.push(line);
            continue;
        }
        let row = model
            .enclosing(d.file(), d.span())
            .into_iter()
            .find_map(|def| match def {
                Def::Touchpoint(t) => {
                    let id = model.touchpoint(t).head.id();
                    plan.touchpoints.iter().find(|r| r.id == id).map(|r| r.row)
                }
                _ => None,
            })
            .unwrap_or(0);
        errors.push(ImportError::at_row(
            row,
            format!(
                "the imported journey would not check clean: {}[{}]: {}",
                severity_word(d.severity),
                d.code,
                d.message
            ),
        ));
    }
    if errors.is_empty() {
        Ok(findings)
    } else {
        Err(errors)
    }
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        _ => "info",
    }
}
