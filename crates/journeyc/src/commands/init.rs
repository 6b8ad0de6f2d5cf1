//! `journeyc init`: writes a starter workspace from a journey model (see
//! the crate journey-init, which holds the models and templates).

use super::Lang;
use crate::exit;
use crate::output;
use clap::Args;
use journey_fmt::FormatOptions;
use journey_write::{ErrorKind, Mode};
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to write the workspace into (created when missing).
    /// Default: the current directory.
    pub dir: Option<PathBuf>,
    /// The journey model to start from (`--list` shows them).
    #[arg(long, short, default_value = "lifecycle")]
    pub template: String,
    /// The language of the example texts and file names.
    #[arg(long, value_enum, default_value_t = Lang::En)]
    pub lang: Lang,
    /// List the templates and exit.
    #[arg(long)]
    pub list: bool,
}

pub fn run(args: InitArgs) -> u8 {
    let lang = args.lang.into();
    if args.list {
        output::print(&journey_init::list(lang));
        return exit::OK;
    }
    let Some(model) = journey_init::find(&args.template) else {
        let names: Vec<&str> = journey_init::models()
            .iter()
            .map(|m| m.name.as_str())
            .collect();
        let hint = journey_syntax::closest(&args.template, &names)
            .map(|close| format!("; did you mean `{close}`?"))
            .unwrap_or_default();
        output::error(format!("there is no template `{}`{hint}", args.template));
        eprint!("\n{}", journey_init::list(lang));
        return exit::USAGE;
    };
    let dir = args.dir.unwrap_or_else(|| PathBuf::from("."));
    let files = match journey_init::workspace(model, lang, &FormatOptions::default()) {
        Ok(files) => files,
        Err(e) => {
            output::error(format!("the template `{}` is broken: {e}", model.name));
            return exit::USAGE;
        }
    };
    // All or nothing, never over an existing file: every target is
    // checked before anything is written.
    let bytes = files
        .iter()
        .map(|(name, text)| (name, text.as_bytes().to_vec()));
    if let Err(e) = journey_write::write_all(&dir, bytes, Mode::CreateNew) {
        let only_existing = e
            .problems
            .iter()
            .all(|p| matches!(p.kind, ErrorKind::Exists));
        for p in &e.problems {
            match p.kind {
                ErrorKind::Exists => output::error(format!(
                    "`{}` already exists; journeyc init never overwrites a file",
                    p.path.display()
                )),
                _ => output::error(p),
            }
        }
        if !e.nothing_changed() {
            output::error(e);
        } else if only_existing {
            eprintln!("nothing was written; choose an empty folder: journeyc init DIR");
        } else {
            eprintln!("nothing was written");
        }
        return exit::USAGE;
    }
    let shown = output::escape_line(&dir.display().to_string()).into_owned();
    output::print(&journey_init::created(model, lang, &shown, &files));
    exit::OK
}
