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

mod book;
mod cells;
mod emit;
mod generate;
mod labels;
mod numbers;
mod reader;
pub mod source;
pub mod table;
pub mod workbook;
mod write;

pub use write::{existing, not_written, write, WriteError};

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
    /// The cell as a spreadsheet names it (`Map!C7`), for workbooks and
    /// workshop sheets; it replaces row and column when set.
    pub cell: Option<String>,
    pub message: String,
}

impl ImportError {
    pub(crate) fn at_row(row: usize, message: String) -> Self {
        ImportError {
            row,
            line: None,
            column: None,
            letter: None,
            cell: None,
            message,
        }
    }

    /// A problem with one cell (`Map!C7`), or with a sheet or the whole
    /// workbook when `cell` names no cell.
    pub fn in_cell(cell: impl Into<String>, message: impl Into<String>) -> Self {
        let cell = cell.into();
        ImportError {
            row: 0,
            line: None,
            column: None,
            letter: None,
            cell: (!cell.is_empty()).then_some(cell),
            message: message.into(),
        }
    }

    pub(crate) fn at(row: usize, column: &str, letter: Option<String>, message: String) -> Self {
        ImportError {
            row,
            line: None,
            column: Some(column.to_string()),
            letter,
            cell: None,
            message,
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(cell) = &self.cell {
            return write!(f, "{cell}: {}", self.message);
        }
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
    /// What the person importing should know: rows and columns that were
    /// ignored, ids and kinds made from titles.
    pub notes: Vec<String>,
}

impl Import {
    /// The closing lines of `journeyc import`: what was imported from
    /// `shown`, and whether findings are left for `journeyc check DIR`.
    pub fn summary(&self, shown: &str, dir: &str) -> String {
        let n = |n: usize, one: &str, many: &str| {
            if n == 1 {
                format!("1 {one}")
            } else {
                format!("{n} {many}")
            }
        };
        let mut out = format!(
            "imported {} in {} ({}, {}) from {shown}",
            n(self.touchpoints, "touchpoint", "touchpoints"),
            n(self.phases, "phase", "phases"),
            n(self.journeys, "journey", "journeys"),
            n(self.personas, "persona", "personas"),
        );
        if !self.findings.is_empty() {
            out.push_str(&format!(
                "\nno errors; {} below error severity: `journeyc check {dir}` shows them",
                n(self.findings.len(), "finding", "findings"),
            ));
        }
        out
    }
}

/// Reads a workshop table and produces the `.journey` files for it.
/// `source` names the table in the files' header comment; `dir` is the
/// folder the files are meant for (used to check them as they will lie).
pub fn import_csv(text: &str, source: &str, dir: &Path) -> Result<Import, Vec<ImportError>> {
    // A workshop map saved as CSV: phases as columns, labelled rows.
    if let Ok(grid) = workbook::read_csv(text) {
        if !table::looks_like_table(&grid) && book::MapLayout::score(&grid) >= 2 {
            return import_grids(vec![grid], source, dir);
        }
    }
    let table = table::read(text);
    let mut errors = table.errors.clone();
    let plan = generate::plan(&table, &mut errors);
    if !errors.is_empty() {
        // By row; within a row in the order found (left to right).
        errors.sort_by_key(|e| e.row);
        return Err(errors);
    }
    let files = generate::files(&plan, source).map_err(|e| vec![e])?;
    let findings = check(&files, dir, &|model, def| match def {
        Def::Touchpoint(t) => {
            let id = model.touchpoint(t).head.id();
            plan.touchpoints
                .iter()
                .find(|r| r.id == id)
                .map(|r| ImportError::at_row(r.row, String::new()))
        }
        _ => None,
    })?;
    Ok(Import {
        files,
        journeys: plan.journeys.len(),
        phases: plan.phases.len(),
        touchpoints: plan.touchpoints.len(),
        personas: plan.personas.len(),
        findings,
        notes: table.notes.clone(),
    })
}

/// Reads a workbook (`.xlsx`, `.xls`, `.ods`) and produces the
/// `.journey` files for it: journeyc's own workbook with every sheet, or
/// a workshop sheet in the poster layout (phases as columns). `source`
/// names the workbook in the files' header comment and gives a workshop
/// journey its id; `dir` is the folder the files are meant for.
pub fn import_workbook(bytes: &[u8], source: &str, dir: &Path) -> Result<Import, Vec<ImportError>> {
    let grids = workbook::read_workbook(bytes).map_err(|e| vec![ImportError::in_cell("", e.0)])?;
    import_grids(grids, source, dir)
}

/// Imports sheets already read ([`workbook::read_workbook`],
/// [`workbook::read_csv`]): journeyc's own workbook, or the sheet that
/// looks most like a journey map.
pub fn import_grids(
    grids: Vec<workbook::Grid>,
    source: &str,
    dir: &Path,
) -> Result<Import, Vec<ImportError>> {
    let mut cx = reader::Context::default();
    let stem = Path::new(source)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| source.to_string());
    let read = if book::is_own(&grids) {
        book::read_own(&grids, &mut cx)
    } else {
        let best = grids
            .iter()
            .enumerate()
            .map(|(i, g)| (book::MapLayout::score(g), i))
            .max();
        match best {
            Some((score, i)) if score >= 2 => {
                for (j, g) in grids.iter().enumerate() {
                    if j != i && !g.name.is_empty() {
                        cx.note(format!("ignored the sheet `{}`", g.name));
                    }
                }
                book::read_workshop(&grids[i], &stem, &mut cx)
            }
            _ => {
                return Err(vec![ImportError::in_cell(
                    grids.first().map(|g| g.cell(0, 0)).unwrap_or_default(),
                    "no journey map found: write the phase titles in the first row, one per column, \
                     and the row labels in column A (Zentrale Frage, Aktivitäten der Kunden, Touchpoints online, \
                     Touchpoints offline, Kernbotschaft, KPIs … or Central question, Customer activities …); \
                     or export a workbook with `journeyc export --format xlsx` and edit that",
                )]);
            }
        }
    };
    if !cx.errors.is_empty() {
        return Err(cx.errors);
    }
    let doc = read.doc;
    let files = source::files(&doc, source, read.lang).map_err(|e| vec![e])?;
    let places = &cx.places;
    let findings = check(&files, dir, &|model, def| {
        let (kind, id) = match def {
            Def::Touchpoint(t) => ("touchpoint", model.touchpoint(t).head.id()),
            Def::Phase(p) => ("phase", model.phase(p).head.id()),
            Def::Persona(p) => ("persona", model.persona(p).head.id()),
            Def::Journey(j) => ("journey", model.journey(j).head.id()),
            Def::Goal(g) => ("goal", model.goal(g).head.id()),
            Def::Impact(i) => ("impact", model.impact(i).head.id()),
            _ => return None,
        };
        places
            .get(&(kind, id.to_string()))
            .map(|c| ImportError::in_cell(c.clone(), String::new()))
    })?;
    Ok(Import {
        journeys: doc.journeys.len(),
        phases: doc.phases.len(),
        touchpoints: doc.phases.iter().map(|p| p.touchpoints.len()).sum(),
        personas: doc.personas.len(),
        files,
        findings,
        notes: cx.notes,
    })
}

/// Checks the files as they will lie in `dir`, with the journey.toml
/// that applies there (if any): errors stop the import, each placed
/// where `place` finds the definition it is about (a row, a cell); other
/// findings are returned as lines.
fn check(
    files: &[OutFile],
    dir: &Path,
    place: &dyn Fn(&journey_analysis::model::Model, Def) -> Option<ImportError>,
) -> Result<Vec<String>, Vec<ImportError>> {
    // Absolute and without `.` or `..`, as the checker resolves the
    // files' imports (`-o ../out` must find `../out/personas.journey`).
    let dir = &journey_analysis::model::normalize_path(
        &std::env::current_dir()
            .map(|cwd| cwd.join(dir))
            .unwrap_or_else(|_| dir.to_path_buf()),
    );
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
    let mut errors = Vec::new();
    let mut findings = Vec::new();
    for d in ws.diagnostics() {
        let line = journey_diagnostics::render::render_short(std::slice::from_ref(&d), &ws);
        let line = line.trim_end().to_string();
        if d.severity != Severity::Error {
            findings.push(line);
            continue;
        }
        let mut e = model
            .enclosing(d.file(), d.span())
            .into_iter()
            .find_map(|def| place(&model, def))
            .unwrap_or_else(|| ImportError::at_row(0, String::new()));
        e.message = format!(
            "the imported journey would not check clean: {}[{}]: {}",
            severity_word(d.severity),
            d.code,
            d.message
        );
        errors.push(e);
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

/// The text of the CSV file `shown` (`bytes`), or why it is not one
/// journeyc reads: a spreadsheet file, UTF-16 or UTF-32 text, or another
/// encoding than UTF-8 (see [`not_utf8`]).
pub fn csv_text(bytes: Vec<u8>, shown: &str) -> Result<String, String> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0]) {
        return Err(format!(
            "`{shown}` is a spreadsheet file, not CSV; use `journeyc import xlsx {shown}` (or `ods`)"
        ));
    }
    if let Some((encoding, _)) = journey_syntax::detect_wide_encoding(&bytes) {
        return Err(format!(
            "`{shown}` is {} text, not UTF-8; save the table as \"CSV UTF-8\" (in Excel: \"Save as\" → \"CSV UTF-8 (comma delimited)\"), not as \"Unicode text\"",
            encoding.name()
        ));
    }
    String::from_utf8(bytes)
        .map_err(|e| not_utf8(shown, e.as_bytes(), e.utf8_error().valid_up_to()))
}

/// What to say about a CSV file that is not UTF-8: which encoding it
/// looks like (Excel's plain "CSV" is Windows-1252 in German and English
/// Windows) and how to save it instead.
pub fn not_utf8(shown: &str, bytes: &[u8], valid_up_to: usize) -> String {
    let line = bytes[..valid_up_to].iter().filter(|b| **b == b'\n').count() + 1;
    let bad = bytes.get(valid_up_to).copied().unwrap_or(0);
    // Umlauts and ß in Windows-1252 / Latin-1: ä ö ü Ä Ö Ü ß, also € (0x80).
    let latin = bytes
        .iter()
        .any(|b| matches!(b, 0xe4 | 0xf6 | 0xfc | 0xc4 | 0xd6 | 0xdc | 0xdf | 0x80));
    let (decoded, _, _) =
        encoding_rs::WINDOWS_1252.decode(&bytes[valid_up_to..(valid_up_to + 12).min(bytes.len())]);
    let mut msg = format!("`{shown}` is not UTF-8 text: byte 0x{bad:02X} on line {line}");
    if latin {
        msg.push_str(&format!(
            " looks like Windows-1252 (Excel's plain \"CSV\"; it would read `{}`)",
            decoded.trim_end()
        ));
    }
    msg.push_str("; save the table as \"CSV UTF-8\" (Excel: \"CSV UTF-8 (durch Trennzeichen getrennt)\"), or import the .xlsx itself with `journeyc import xlsx`");
    msg
}
