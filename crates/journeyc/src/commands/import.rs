//! `journeyc import`: turns a workshop table into `.journey` files.

use crate::exit;
use crate::output;
use clap::{Args, Subcommand};
use std::io::Read;
use std::path::{Path, PathBuf};

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[command(subcommand)]
    pub format: ImportFormat,
}

const WORKBOOK_HELP: &str =
    "Reads the workbook `journeyc export --format xlsx` writes (every sheet, \
every field), or a workshop sheet in the poster layout: phases as columns, rows labelled in \
English or German (Zentrale Frage, Aktivitäten der Kunden, Ziele der Kunden, Touchpoints online, \
Touchpoints offline, Unternehmensziel, Kernbotschaft, KPIs, Organisatorische Aktivitäten, Teams, \
IT-Systeme, Moments of Truth, Erlebnis …), in any order; other rows and columns are ignored with \
a note. Writes journey.journey, personas.journey, phases.journey and goals.journey (phasen/ziele \
for German workbooks), formatted and checked. Every bad cell is reported by sheet and cell \
(Map!C7), and nothing is written unless the whole workbook imports.

Exit status: 0 when the files were written, 1 when the workbook has errors, 2 on usage or I/O \
errors (an output file that exists already without --force).";

#[derive(Debug, Subcommand)]
pub enum ImportFormat {
    /// An Excel workbook (.xlsx, also .xls): journeyc's own, or a
    /// workshop sheet with phases as columns.
    #[command(after_help = WORKBOOK_HELP)]
    Xlsx(CsvArgs),
    /// An OpenDocument spreadsheet (.ods, LibreOffice): journeyc's own
    /// workbook, or a workshop sheet with phases as columns.
    #[command(after_help = WORKBOOK_HELP)]
    Ods(CsvArgs),
    /// A CSV table: one row per touchpoint (the columns `journeyc export
    /// --format csv` writes), or a workshop map with phases as columns.
    #[command(
        after_help = "A table with one row per touchpoint writes journey.journey (when the table names \
journeys), personas.journey (when touchpoints serve personas) and phases.journey; a workshop map \
(phases as columns, labelled rows) is read as with `journeyc import xlsx`. The files are \
formatted and checked. Every bad cell is reported by row and column, and nothing is written \
unless the whole table imports. `,` or `;` separate the cells; the file must be UTF-8 (with or \
without a byte order mark).

Exit status: 0 when the files were written, 1 when the table has errors, 2 on usage or I/O \
errors (an output file that exists already without --force)."
    )]
    Csv(CsvArgs),
}

#[derive(Debug, Args)]
pub struct CsvArgs {
    /// The file (`-` reads standard input).
    pub file: PathBuf,
    /// The folder to write the .journey files into (created if needed).
    #[arg(short, long, value_name = "DIR", default_value = ".")]
    pub output: PathBuf,
    /// Overwrite files that exist already.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: ImportArgs) -> u8 {
    match args.format {
        ImportFormat::Csv(a) => import(a, Kind::Csv),
        ImportFormat::Xlsx(a) => import(a, Kind::Workbook),
        ImportFormat::Ods(a) => import(a, Kind::Workbook),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Csv,
    Workbook,
}

fn import(args: CsvArgs, kind: Kind) -> u8 {
    let (bytes, shown) = if args.file.as_os_str() == "-" {
        let mut b = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut b) {
            output::error(format!("cannot read standard input: {e}"));
            return exit::USAGE;
        }
        (b, "<stdin>".to_string())
    } else {
        match journey_analysis::load::read_regular_file(&args.file) {
            Ok(b) => (b, args.file.display().to_string()),
            Err(e) => {
                output::error(format!("cannot read `{}`: {e}", args.file.display()));
                return exit::USAGE;
            }
        }
    };
    let source = Path::new(&shown)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| shown.clone());
    let result = match kind {
        Kind::Workbook => journey_import::import_workbook(&bytes, &source, &args.output),
        Kind::Csv => {
            if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0]) {
                output::error(format!(
                    "`{shown}` is a spreadsheet file, not CSV; use `journeyc import xlsx {shown}` (or `ods`)"
                ));
                return exit::USAGE;
            }
            if let Some((encoding, _)) = journey_syntax::detect_wide_encoding(&bytes) {
                output::error(format!(
                    "`{shown}` is {} text, not UTF-8; save the table as \"CSV UTF-8\" (in Excel: \"Save as\" → \"CSV UTF-8 (comma delimited)\"), not as \"Unicode text\"",
                    encoding.name()
                ));
                return exit::USAGE;
            }
            let text = match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(e) => {
                    output::error(journey_import::not_utf8(
                        &shown,
                        e.as_bytes(),
                        e.utf8_error().valid_up_to(),
                    ));
                    return exit::USAGE;
                }
            };
            journey_import::import_csv(&text, &source, &args.output)
        }
    };
    let import = match result {
        Ok(i) => i,
        Err(errors) => {
            for e in &errors {
                eprintln!(
                    "error: {}: {}",
                    output::escape_line(&shown),
                    output::escape_text(&e.to_string())
                );
            }
            output::error(format!(
                "nothing was written: {} in `{shown}`",
                if errors.len() == 1 {
                    "1 error".to_string()
                } else {
                    format!("{} errors", errors.len())
                }
            ));
            return exit::FINDINGS;
        }
    };
    let targets: Vec<PathBuf> = import
        .files
        .iter()
        .map(|f| args.output.join(&f.name))
        .collect();
    let existed: Vec<&PathBuf> = targets
        .iter()
        .filter(|p| p.symlink_metadata().is_ok())
        .collect();
    let written = match journey_import::write(&args.output, &import.files, args.force) {
        Ok(w) => w,
        Err(e) => {
            report_not_written(&e, &existed);
            return exit::USAGE;
        }
    };
    for p in &written {
        output::print(&format!(
            "{}\n",
            output::escape_line(&journey_analysis::load::display_path(p))
        ));
    }
    for note in &import.notes {
        eprintln!("note: {shown}: {note}");
    }
    let n = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let shown = output::escape_line(&shown);
    eprintln!(
        "imported {} in {} ({}, {}) from {shown}",
        n(import.touchpoints, "touchpoint", "touchpoints"),
        n(import.phases, "phase", "phases"),
        n(import.journeys, "journey", "journeys"),
        n(import.personas, "persona", "personas"),
    );
    if !import.findings.is_empty() {
        eprintln!(
            "no errors; {} below error severity: `journeyc check {}` shows them",
            n(import.findings.len(), "finding", "findings"),
            output::escape_line(&args.output.display().to_string())
        );
    }
    exit::OK
}

/// Says exactly what happened when the files were not written: each
/// problem, then whether anything changed.
fn report_not_written(e: &journey_import::WriteError, existed: &[&PathBuf]) {
    let shown = |p: &Path| format!("`{}`", journey_analysis::load::display_path(p));
    for p in &e.problems {
        use journey_write::ErrorKind;
        match p.kind {
            ErrorKind::Exists => output::error(format!(
                "{} exists already; use --force to overwrite",
                shown(&p.path)
            )),
            ErrorKind::Folder | ErrorKind::NotRegular(_) => output::error(format!(
                "{p}; move it away or choose another folder with -o"
            )),
            ErrorKind::ReadOnly => output::error(format!(
                "{p}; make it writable (`chmod u+w`) or choose another folder with -o"
            )),
            _ => output::error(p),
        }
    }
    if !e.nothing_changed() {
        // Rare: a failure after some files were replaced, and putting
        // them back failed too. The error says which and where.
        output::error(e);
        return;
    }
    let unchanged: Vec<String> = existed
        .iter()
        .filter(|p| !e.problems.iter().any(|q| &q.path == **p))
        .map(|p| shown(p))
        .collect();
    match unchanged.len() {
        0 => output::error("nothing was written"),
        1 => output::error(format!(
            "nothing was written; {} is unchanged",
            unchanged[0]
        )),
        _ => output::error(format!(
            "nothing was written; {} are unchanged",
            unchanged.join(", ")
        )),
    }
}
