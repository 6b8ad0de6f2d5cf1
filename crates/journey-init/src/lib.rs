//! The starter workspaces `journeyc init` writes.
//!
//! The journey models (`templates/models/*.toml`), the texts of each
//! language (`templates/en`, `templates/de`) and the file templates
//! (`templates/*.journey`) are data files compiled into the crate; this
//! crate fills them in and formats the result, so that a new template or
//! a corrected text is an edit of a data file, not of Rust code.

mod build;
mod data;
mod fill;

pub use build::workspace;
pub use data::{find, models, Model, Phase, Touchpoint, Tr};
pub use fill::{current_year, wrap};

use std::fmt::Write as _;

/// The language of the example texts and file names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    De,
}

/// `journeyc init --list`: one line per model.
pub fn list(lang: Lang) -> String {
    let texts = data::texts(lang);
    let mut out = format!("{}\n", texts.list);
    let width = models().iter().map(|m| m.name.len()).max().unwrap_or(0);
    for m in models() {
        let note = if m.loop_to.is_some() {
            texts.loop_note.as_str()
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  {:width$}  {}: {}{note}",
            m.name,
            m.title.get(lang),
            m.summary.get(lang)
        );
    }
    out
}

/// What `journeyc init` says after writing `files` into `dir` (as shown).
pub fn created(model: &Model, lang: Lang, dir: &str, files: &[(String, String)]) -> String {
    let texts = data::texts(lang);
    let title = model.title.get(lang);
    let vars = [
        ("name", model.name.as_str()),
        ("title", title),
        ("dir", dir),
    ];
    let mut msg = fill::fill(&texts.created, &vars);
    msg.push('\n');
    for (name, _) in files {
        let _ = writeln!(msg, "  {name}");
    }
    let _ = writeln!(msg, "\n{}", fill::fill(&texts.next, &vars));
    msg
}
