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

#[derive(Debug, Subcommand)]
pub enum ImportFormat {
    /// A CSV table with one row per touchpoint, in the columns `journeyc
    /// export --format csv` writes.
    #[command(
        after_help = "Writes journey.journey (when the table names journeys), personas.journey (when \
touchpoints serve personas) and phases.journey, formatted and checked. Every bad cell is \
reported by row and column, and nothing is written unless the whole table imports.

Exit status: 0 when the files were written, 1 when the table has errors, 2 on usage or I/O \
errors (an output file that exists already without --force)."
    )]
    Csv(CsvArgs),
}

#[derive(Debug, Args)]
pub struct CsvArgs {
    /// The table (`-` reads standard input).
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
        ImportFormat::Csv(a) => csv(a),
    }
}

fn csv(args: CsvArgs) -> u8 {
    let (bytes, shown) = if args.file.as_os_str() == "-" {
        let mut b = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut b) {
            output::error(format!("cannot read standard input: {e}"));
            return exit::USAGE;
        }
        (b, "<stdin>".to_string())
    } else {
        match std::fs::read(&args.file) {
            Ok(b) => (b, args.file.display().to_string()),
            Err(e) => {
                output::error(format!("cannot read `{}`: {e}", args.file.display()));
                return exit::USAGE;
            }
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            output::error(format!(
                "`{shown}` is not UTF-8 text (byte {}); save the table as \"CSV UTF-8\"",
                e.utf8_error().valid_up_to()
            ));
            return exit::USAGE;
        }
    };
    let source = Path::new(&shown)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| shown.clone());
    let import = match journey_import::import_csv(&text, &source, &args.output) {
        Ok(i) => i,
        Err(errors) => {
            for e in &errors {
                eprintln!("error: {shown}: {e}");
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
        output::print(&format!("{}\n", journey_analysis::load::display_path(p)));
    }
    let n = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
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
            args.output.display()
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
