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
        Kind::Csv => match journey_import::csv_text(bytes, &shown) {
            Ok(text) => journey_import::import_csv(&text, &source, &args.output),
            Err(e) => {
                output::error(e);
                return exit::USAGE;
            }
        },
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
    let existed = journey_import::existing(&args.output, &import.files);
    let written = match journey_import::write(&args.output, &import.files, args.force) {
        Ok(w) => w,
        Err(e) => {
            journey_import::not_written(&e, &existed)
                .iter()
                .for_each(output::error);
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
    let dir = args.output.display().to_string();
    let summary = import.summary(&output::escape_line(&shown), &output::escape_line(&dir));
    eprintln!("{summary}");
    exit::OK
}
