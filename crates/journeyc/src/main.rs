//! `journeyc`: the command line of journey-as-code.

mod commands;
mod output;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// mimalloc instead of the system allocator: parsing, the model and the
/// lints allocate many small strings and vectors, and glibc's malloc/free
/// were the top entries of every profile of `journeyc check`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Check, format and export customer-journey strategy written in `.journey` files.
#[derive(Debug, Parser)]
#[command(name = "journeyc", version, about, long_about = None, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check .journey files and report every problem.
    Check(commands::check::CheckArgs),
    /// Show what changed between two versions of a journey, in strategy terms.
    Diff(commands::diff::DiffArgs),
    /// Explain a diagnostic code (e.g. `J0102` or `unterminated-string`).
    Explain(commands::explain::ExplainArgs),
    /// Export a checked workspace as JSON, Markdown, HTML, Mermaid, CSV or an Excel workbook.
    Export(commands::export::ExportArgs),
    /// Rewrite .journey files into the canonical layout (`-` formats stdin).
    Fmt(commands::fmt::FmtArgs),
    /// Turn a spreadsheet (xlsx, ods, CSV) into .journey files.
    Import(commands::import::ImportArgs),
    /// Write a starter workspace from a journey model (`--list` shows them).
    Init(commands::init::InitArgs),
    /// Run only the messaging lints: claims, register, vocabulary, promises …
    Lint(commands::lint::LintArgs),
    /// Run the language server (Language Server Protocol on stdin/stdout).
    Lsp(commands::lsp::LspArgs),
}

/// Exit codes, as documented in the README.
pub mod exit {
    /// No errors.
    pub const OK: u8 = 0;
    /// Findings of error severity remain.
    pub const FINDINGS: u8 = 1;
    /// Usage or I/O error.
    pub const USAGE: u8 = 2;
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() {
                exit::USAGE
            } else {
                exit::OK
            });
        }
    };
    let code = match cli.command {
        Command::Check(args) => commands::check::run(args),
        Command::Diff(args) => commands::diff::run(args),
        Command::Explain(args) => commands::explain::run(args),
        Command::Export(args) => commands::export::run(args),
        Command::Fmt(args) => commands::fmt::run(args),
        Command::Import(args) => commands::import::run(args),
        Command::Init(args) => commands::init::run(args),
        Command::Lint(args) => commands::lint::run(args),
        Command::Lsp(args) => commands::lsp::run(args),
    };
    ExitCode::from(code)
}
