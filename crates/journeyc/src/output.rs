//! Terminal concerns: colour and writing to stdout without panicking on a
//! closed pipe.

use clap::ValueEnum;
pub use journey_diagnostics::escape::{escape_line, escape_text};
use std::io::{IsTerminal, Write};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal and `NO_COLOR` is not set.
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    pub fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        }
    }
}

/// Writes to stdout; a closed pipe (`journeyc check | head`) is not an error.
pub fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

/// `error: …` on stderr, for usage and I/O problems. Control characters
/// from the input (a file name, an argument) are shown escaped.
pub fn error(message: impl std::fmt::Display) {
    eprintln!("error: {}", escape_text(&message.to_string()));
}

/// `warning: …` on stderr, escaped like [`error`].
pub fn warning(message: impl std::fmt::Display) {
    eprintln!("warning: {}", escape_text(&message.to_string()));
}

/// `warning: skipped …` on stderr, for a special file (named pipe,
/// socket, device) met while searching a folder.
pub fn skipped(e: &journey_analysis::load::LoadError) {
    eprintln!(
        "warning: skipped `{}`: {}",
        escape_line(&journey_analysis::load::display_path(&e.path)),
        escape_text(&e.message)
    );
}
