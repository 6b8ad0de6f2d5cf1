//! Go to definition, find references and document highlight.

use crate::index::{Mention, Occurrence, Role, SymbolKind, Target};
use crate::{Analysis, FilePosition};
use journey_analysis::model::DefKind;
use journey_diagnostics::{FileId, Span};

/// A place to jump to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NavTarget {
    pub file: FileId,
    /// The whole definition (statement and block).
    pub full_span: Span,
    /// The name inside it (where the cursor lands).
    pub focus_span: Span,
    pub name: String,
    pub kind: Option<SymbolKind>,
}

/// One occurrence found by "find references".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct ReferenceHit {
    pub file: FileId,
    pub span: Span,
    /// The definition itself (or the mention that introduces a team,
    /// system or stakeholder).
    pub is_definition: bool,
}

/// How an occurrence highlighted in the document uses the symbol.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HighlightAccess {
    /// Defines it.
    Write,
    /// Refers to it.
    Read,
    /// A fixed value or a name without definition.
    Text,
}

pub(crate) fn goto_definition(a: &Analysis, pos: FilePosition) -> Vec<NavTarget> {
    if let Some(target) = import_at(a, pos) {
        return vec![target];
    }
    let index = a.index();
    let Some(occ) = occurrence(a, pos) else {
        return Vec::new();
    };
    match index.resolve(pos.file, occ) {
        Some(Target::Def(d)) => {
            let h = index.model().header(d);
            vec![NavTarget {
                file: h.file,
                full_span: h.span,
                focus_span: h.name.as_ref().map_or(h.span, |n| n.span),
                name: h.id().to_string(),
                kind: Some(SymbolKind::Def(d.kind())),
            }]
        }
        Some(target @ Target::Implicit(kind, name)) => index
            .mentions(target)
            .into_iter()
            .filter(|m| m.is_definition)
            .map(|m| NavTarget {
                file: m.file,
                full_span: m.span,
                focus_span: m.span,
                name: index.implicit_name(name).to_string(),
                kind: Some(kind),
            })
            .collect(),
        None => Vec::new(),
    }
}

/// An `import` path under the cursor: the file it names.
fn import_at(a: &Analysis, pos: FilePosition) -> Option<NavTarget> {
    let import = a.index().model().import_at(pos.file, pos.offset)?;
    let id = import.target?;
    Some(NavTarget {
        file: id,
        full_span: Span::new(0, a.text(id)?.len() as u32),
        focus_span: Span::empty(0),
        name: import.path.clone(),
        kind: None,
    })
}

fn occurrence(a: &Analysis, pos: FilePosition) -> Option<&Occurrence> {
    a.index().file(pos.file)?.occurrence_at(pos.offset)
}

/// Every mention of what the occurrence at `pos` names. A fixed value's
/// mentions are its other uses; an unresolved name's its other mentions.
pub(crate) fn mentions_at(a: &Analysis, pos: FilePosition) -> Option<(Occurrence, Vec<Mention>)> {
    let occ = occurrence(a, pos)?;
    let index = a.index();
    let same = |pred: &dyn Fn(&Occurrence) -> bool| -> Vec<Mention> {
        let mut v = Vec::new();
        for (file, fi) in index.files() {
            for o in fi.occurrences.iter().filter(|o| pred(o)) {
                v.push(Mention {
                    file,
                    span: o.span,
                    is_definition: false,
                });
            }
        }
        v
    };
    let mentions = match (occ.role, index.resolve(pos.file, occ)) {
        (Role::Enum(kind), _) => same(&|o| o.role == Role::Enum(kind) && o.name == occ.name),
        (_, Some(target)) => index.mentions(target),
        (_, None) => same(&|o| {
            o.name == occ.name
                && (o.kind == occ.kind
                    || (o.role == Role::Actor && occ.kind == SymbolKind::Def(DefKind::Persona)))
                && !matches!(o.role, Role::Enum(_))
        }),
    };
    Some((occ.clone(), mentions))
}

pub(crate) fn references(
    a: &Analysis,
    pos: FilePosition,
    include_declaration: bool,
) -> Vec<ReferenceHit> {
    let Some((_, mentions)) = mentions_at(a, pos) else {
        return Vec::new();
    };
    mentions
        .into_iter()
        .filter(|m| include_declaration || !m.is_definition)
        .map(|m| ReferenceHit {
            file: m.file,
            span: m.span,
            is_definition: m.is_definition,
        })
        .collect()
}

pub(crate) fn document_highlight(a: &Analysis, pos: FilePosition) -> Vec<(Span, HighlightAccess)> {
    let Some((occ, mentions)) = mentions_at(a, pos) else {
        return Vec::new();
    };
    let enum_value = matches!(occ.role, Role::Enum(_));
    mentions
        .into_iter()
        .filter(|h| h.file == pos.file)
        .map(|h| {
            let access = if enum_value {
                HighlightAccess::Text
            } else if h.is_definition {
                HighlightAccess::Write
            } else {
                HighlightAccess::Read
            };
            (h.span, access)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::fixture::Fixture;
    use crate::HighlightAccess;

    const WS: &str = "//- personas.journey\n\
persona sabine \"Sabine\" {}\n\
//- awareness.journey\n\
import \"personas.journey\"\n\
phase awareness {\n  teams marketing\n  touchpoint ads {\n    owner marketing\n    serves sabine\n    state current\n  }\n  touchpoint fair {\n    serves sabine\n    state current\n  }\n}\n\
//- goals.journey\n\
goal g {\n  actor sabine {\n    impact i \"x\" {\n      via ads, fair\n    }\n  }\n}\n";

    fn cursor(marker: &str) -> Fixture {
        let (before, after) = marker.split_once('|').unwrap();
        let needle = format!("{before}{after}");
        assert_eq!(WS.matches(&needle).count(), 1, "ambiguous: {needle}");
        Fixture::parse(&WS.replacen(&needle, &format!("{before}$0{after}"), 1))
    }

    fn defs(marker: &str) -> Vec<String> {
        let f = cursor(marker);
        f.analysis
            .goto_definition(f.cursor())
            .iter()
            .map(|t| f.describe(t.file, t.focus_span))
            .collect()
    }

    fn refs(marker: &str, decl: bool) -> Vec<String> {
        let f = cursor(marker);
        f.analysis
            .references(f.cursor(), decl)
            .iter()
            .map(|h| f.describe(h.file, h.span))
            .collect()
    }

    #[test]
    fn definition_across_files() {
        assert_eq!(
            defs("serves sab|ine\n    state current\n  }\n  touchpoint fair"),
            ["personas.journey:1:9-1:15 `sabine`"]
        );
        assert_eq!(defs("via a|ds"), ["awareness.journey:4:14-4:17 `ads`"]);
        assert_eq!(
            defs("actor sab|ine"),
            ["personas.journey:1:9-1:15 `sabine`"]
        );
    }

    #[test]
    fn definition_of_an_import_is_the_file() {
        let f = cursor("import \"perso|nas.journey\"");
        let t = f.analysis.goto_definition(f.cursor());
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].file, f.file("personas.journey"));
    }

    #[test]
    fn definition_of_a_team_is_where_the_phase_names_it() {
        assert_eq!(
            defs("owner mark|eting"),
            ["awareness.journey:3:9-3:18 `marketing`"]
        );
    }

    #[test]
    fn references_across_files() {
        assert_eq!(
            refs("persona sa|bine", true),
            [
                "personas.journey:1:9-1:15 `sabine`",
                "awareness.journey:6:12-6:18 `sabine`",
                "awareness.journey:10:12-10:18 `sabine`",
                "goals.journey:2:9-2:15 `sabine`",
            ]
        );
        assert_eq!(refs("persona sa|bine", false).len(), 3);
        assert_eq!(
            refs("touchpoint a|ds", false),
            ["goals.journey:4:11-4:14 `ads`"]
        );
    }

    #[test]
    fn references_of_a_fixed_value() {
        assert_eq!(
            refs("state cur|rent\n  }\n  touchpoint fair", true).len(),
            2
        );
    }

    #[test]
    fn highlight_in_one_file() {
        let f = cursor("teams mark|eting");
        let h = f.analysis.document_highlight(f.cursor());
        let got: Vec<(String, HighlightAccess)> = h
            .iter()
            .map(|(s, k)| (f.describe(f.cursor().file, *s), *k))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "awareness.journey:3:9-3:18 `marketing`".to_string(),
                    HighlightAccess::Write
                ),
                (
                    "awareness.journey:5:11-5:20 `marketing`".to_string(),
                    HighlightAccess::Read
                ),
            ]
        );
    }

    #[test]
    fn promises_kept_and_supported() {
        let f = Fixture::parse(
            "phase a {\n  promise fast \"48 h\"\n  supports fast\n}\nphase b {\n  touchpoint t { keeps fa$0st }\n}\n",
        );
        let d = f.analysis.goto_definition(f.cursor());
        assert_eq!(d.len(), 1);
        assert_eq!(
            f.describe(d[0].file, d[0].focus_span),
            "main.journey:2:11-2:15 `fast`"
        );
        let refs: Vec<String> = f
            .analysis
            .references(f.cursor(), true)
            .iter()
            .map(|h| f.describe(h.file, h.span))
            .collect();
        assert_eq!(
            refs,
            [
                "main.journey:2:11-2:15 `fast`",
                "main.journey:3:12-3:16 `fast`",
                "main.journey:6:24-6:28 `fast`"
            ]
        );
        let change = f.analysis.rename(f.cursor(), "quick").unwrap();
        assert_eq!(change.edits.len(), 3);
    }

    #[test]
    fn nothing_on_whitespace_or_strings() {
        let f = Fixture::parse("persona p \"Ti$0tle\" {}\n");
        assert!(f.analysis.goto_definition(f.cursor()).is_empty());
        assert!(f.analysis.references(f.cursor(), true).is_empty());
    }
}
