//! Rename: a definition and every reference to it, across files. Refuses
//! names that are not identifiers and names that would collide with
//! another symbol of the same kind.

use crate::index::{Role, SymbolKind, Target};
use crate::{Analysis, FilePosition};
use journey_analysis::model::DefKind;
use journey_diagnostics::{FileId, Span, TextEdit};
use journey_syntax::schema;
use std::fmt;

/// Edits to apply to the workspace, sorted by file and position.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceChange {
    pub edits: Vec<TextEdit>,
}

impl SourceChange {
    /// The files the change touches, in order.
    pub fn files(&self) -> Vec<FileId> {
        let mut v: Vec<FileId> = self.edits.iter().map(|e| e.file).collect();
        v.dedup();
        v
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenameError {
    /// The cursor is not on a name that can be renamed.
    NothingToRename,
    /// A fixed word of the language (a phase kind, a built-in channel).
    BuiltIn(String),
    /// A name nothing defines.
    Unresolved { kind: SymbolKind, name: String },
    /// The new name is not an identifier.
    InvalidName(String),
    /// Another symbol of the kind already has the new name.
    Collision {
        kind: SymbolKind,
        name: String,
        file: FileId,
        span: Span,
    },
}

impl fmt::Display for RenameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenameError::NothingToRename => f.write_str("there is no name to rename here"),
            RenameError::BuiltIn(name) => {
                write!(f, "`{name}` is a word of the language and cannot be renamed")
            }
            RenameError::Unresolved { kind, name } => write!(
                f,
                "no {} `{name}` is defined, so there is nothing to rename",
                kind.describe()
            ),
            RenameError::InvalidName(name) => write!(
                f,
                "`{name}` is not an identifier: use letters, digits and `_`, starting with a letter or `_`"
            ),
            RenameError::Collision { kind, name, .. } => write!(
                f,
                "a {} named `{name}` already exists; renaming would merge the two",
                kind.describe()
            ),
        }
    }
}

impl std::error::Error for RenameError {}

/// What a rename at `pos` would rename.
fn target_at(a: &Analysis, pos: FilePosition) -> Result<(Span, Target), RenameError> {
    let index = a.index();
    let occ = index
        .file(pos.file)
        .and_then(|f| f.occurrence_at(pos.offset))
        .ok_or(RenameError::NothingToRename)?;
    if matches!(occ.role, Role::Enum(_)) {
        return Err(RenameError::BuiltIn(occ.name.clone()));
    }
    if occ.kind == SymbolKind::Channel && schema::channel(&occ.name).is_some() {
        return Err(RenameError::BuiltIn(occ.name.clone()));
    }
    let target = index
        .resolve(pos.file, occ)
        .ok_or_else(|| RenameError::Unresolved {
            kind: if occ.role == Role::Actor {
                SymbolKind::Def(DefKind::Persona)
            } else {
                occ.kind
            },
            name: occ.name.clone(),
        })?;
    Ok((occ.span, target))
}

pub(crate) fn prepare_rename(a: &Analysis, pos: FilePosition) -> Result<Span, RenameError> {
    target_at(a, pos).map(|(span, _)| span)
}

pub(crate) fn rename(
    a: &Analysis,
    pos: FilePosition,
    new_name: &str,
) -> Result<SourceChange, RenameError> {
    let (_, target) = target_at(a, pos)?;
    if !is_identifier(new_name) {
        return Err(RenameError::InvalidName(new_name.to_string()));
    }
    let index = a.index();
    let (kind, old) = index.target_key(target);
    if old == new_name {
        return Ok(SourceChange::default());
    }
    // Names that share a namespace with the renamed one: a stakeholder
    // actor turns into a persona reference when a persona has its name.
    let clash_kinds = match kind {
        SymbolKind::Def(DefKind::Persona) | SymbolKind::Def(DefKind::Actor) => vec![
            SymbolKind::Def(DefKind::Persona),
            SymbolKind::Def(DefKind::Actor),
        ],
        k => vec![k],
    };
    for k in clash_kinds {
        let clash = if k.is_implicit() {
            index
                .implicit_existing(k, new_name)
                .and_then(|t| index.mentions(t).into_iter().next())
                .map(|m| (m.file, m.span))
        } else {
            index.lookup(k, new_name).first().map(|d| {
                let h = index.model().header(*d);
                (h.file, h.name.as_ref().map_or(h.span, |n| n.span))
            })
        };
        if let Some((file, span)) = clash {
            return Err(RenameError::Collision {
                kind: k,
                name: new_name.to_string(),
                file,
                span,
            });
        }
    }
    let edits: Vec<TextEdit> = index
        .mentions(target)
        .into_iter()
        .map(|m| TextEdit {
            file: m.file,
            span: m.span,
            new_text: new_name.to_string(),
        })
        .collect();
    Ok(SourceChange { edits })
}

/// Letters, digits and `_`, starting with a letter or `_` (as the lexer
/// reads identifiers).
pub(crate) fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c == '_' || c.is_alphabetic())
        && chars.all(|c| c == '_' || c.is_alphanumeric())
        && {
            let tokens = journey_syntax::lexer::lex(s);
            tokens.len() == 1 && tokens[0].kind == journey_syntax::lexer::TokenKind::Ident
        }
}

#[cfg(test)]
mod tests {
    use super::RenameError;
    use crate::fixture::Fixture;

    const WS: &str = "//- personas.journey\n\
persona sabine \"Sabine\" {}\n\
persona tom \"Tom\" {}\n\
//- awareness.journey\n\
phase awareness {\n  touchpoint ads {\n    serves sabine, tom\n    channel web\n    state current\n  }\n}\n\
//- goals.journey\n\
goal g {\n  actor sabine {\n    impact i \"x\" { via ads }\n  }\n  actor advisors \"Tax advisors\" {}\n}\n";

    fn at(marker: &str) -> Fixture {
        let (before, after) = marker.split_once('|').unwrap();
        let needle = format!("{before}{after}");
        assert_eq!(WS.matches(&needle).count(), 1, "ambiguous: {needle}");
        Fixture::parse(&WS.replacen(&needle, &format!("{before}$0{after}"), 1))
    }

    /// Applies a rename and returns the changed files.
    fn renamed(marker: &str, new_name: &str) -> Vec<(String, String)> {
        let f = at(marker);
        let change = f.analysis.rename(f.cursor(), new_name).expect("rename");
        change
            .files()
            .into_iter()
            .map(|file| {
                let mut text = f.text(file).to_string();
                for e in change.edits.iter().rev().filter(|e| e.file == file) {
                    text.replace_range(e.span.range(), &e.new_text);
                }
                (f.name(file).to_string(), text)
            })
            .collect()
    }

    #[test]
    fn renames_definition_and_references_across_files() {
        let files = renamed("serves sa|bine", "sandra");
        assert_eq!(files.len(), 3);
        assert!(files[0].1.contains("persona sandra \"Sabine\""));
        assert!(files[1].1.contains("serves sandra, tom"));
        assert!(files[2].1.contains("actor sandra {"));
    }

    #[test]
    fn a_rename_follows_persona_scores_and_the_path() {
        let ws = "//- a.journey\n\
persona an$0na \"Anna\" {}\n\
phase p {\n  touchpoint ad {\n    serves anna\n    for anna experience 2\n    next shop\n  }\n  touchpoint shop {\n    serves anna\n  }\n}\n";
        let f = Fixture::parse(ws);
        let change = f.analysis.rename(f.cursor(), "anne").expect("rename");
        let mut text = f.text(f.cursor().file).to_string();
        for e in change.edits.iter().rev() {
            text.replace_range(e.span.range(), &e.new_text);
        }
        assert!(text.contains("    for anne experience 2\n"), "{text}");
        assert_eq!(text.matches("anne").count(), 4, "{text}");

        let f = Fixture::parse(
            &ws.replace("an$0na", "anna")
                .replace("touchpoint shop", "touchpoint sh$0op"),
        );
        let change = f.analysis.rename(f.cursor(), "store").expect("rename");
        let mut text = f.text(f.cursor().file).to_string();
        for e in change.edits.iter().rev() {
            text.replace_range(e.span.range(), &e.new_text);
        }
        assert!(text.contains("    next store\n"), "{text}");
    }

    #[test]
    fn prepare_gives_the_name_span() {
        let f = at("touchpoint a|ds");
        let span = f.analysis.prepare_rename(f.cursor()).unwrap();
        assert_eq!(
            f.describe(f.cursor().file, span),
            "awareness.journey:2:14-2:17 `ads`"
        );
    }

    #[test]
    fn refuses_collisions() {
        let f = at("persona sa|bine");
        let err = f.analysis.rename(f.cursor(), "tom").unwrap_err();
        assert!(matches!(err, RenameError::Collision { .. }), "{err}");
        assert_eq!(
            err.to_string(),
            "a persona named `tom` already exists; renaming would merge the two"
        );
        // A stakeholder actor of that name would turn into the persona.
        let err = f.analysis.rename(f.cursor(), "advisors").unwrap_err();
        assert!(matches!(err, RenameError::Collision { .. }), "{err}");
    }

    #[test]
    fn refuses_invalid_names_and_built_ins() {
        let f = at("persona sa|bine");
        assert!(matches!(
            f.analysis.rename(f.cursor(), "two words"),
            Err(RenameError::InvalidName(_))
        ));
        assert!(matches!(
            f.analysis.rename(f.cursor(), "9lives"),
            Err(RenameError::InvalidName(_))
        ));
        let f = at("state cur|rent");
        assert!(matches!(
            f.analysis.prepare_rename(f.cursor()),
            Err(RenameError::BuiltIn(_))
        ));
        let f = at("channel w|eb");
        assert!(matches!(
            f.analysis.prepare_rename(f.cursor()),
            Err(RenameError::BuiltIn(_))
        ));
    }

    #[test]
    fn renames_unicode_names() {
        let files = renamed("persona t|om", "jürgen");
        assert!(files
            .iter()
            .any(|(_, t)| t.contains("serves sabine, jürgen")));
    }

    #[test]
    fn renames_a_stakeholder_actor() {
        let files = renamed("actor advis|ors", "steuerberater");
        assert_eq!(files.len(), 1);
        assert!(files[0].1.contains("actor steuerberater \"Tax advisors\""));
    }
}
