//! `journeyc lsp`: the language server, speaking the Language Server
//! Protocol on stdin/stdout (see the crate journey-lsp).

use crate::exit;
use crate::output;
use clap::Args;

#[derive(Debug, Args)]
pub struct LspArgs {
    /// Use stdin/stdout (the only transport; accepted because some
    /// clients always pass it).
    #[arg(long)]
    pub stdio: bool,
}

pub fn run(_args: LspArgs) -> u8 {
    match journey_lsp::run_stdio() {
        Ok(code) => code as u8,
        Err(e) => {
            output::error(format!("cannot start the language server: {e}"));
            exit::USAGE
        }
    }
}
