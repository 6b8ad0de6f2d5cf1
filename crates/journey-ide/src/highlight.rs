//! Semantic highlighting: every token of a file classified, identifiers by
//! what they stand for (a persona, a touchpoint, a team …).

use crate::index::{Role, SymbolKind};
use crate::Analysis;
use journey_analysis::model::DefKind;
use journey_diagnostics::{FileId, Span};
use journey_syntax::lexer::TokenKind;
use journey_syntax::schema;
use std::collections::HashSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HighlightKind {
    /// A statement keyword.
    Keyword,
    /// A word with a fixed meaning inside a statement (`target`, `via`).
    Clause,
    Symbol(SymbolKind),
    /// A fixed value: `awareness`, `planned`, `online`, `yes`.
    EnumValue,
    String,
    Number,
    Comment,
    /// `->`.
    Operator,
}

/// Modifiers, as bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct HighlightMods(pub u32);

impl HighlightMods {
    /// The name is defined here.
    pub const DEFINITION: HighlightMods = HighlightMods(1);
    /// A built-in name (a channel the language knows, a fixed value).
    pub const BUILTIN: HighlightMods = HighlightMods(2);
    /// A reference that nothing defines.
    pub const UNRESOLVED: HighlightMods = HighlightMods(4);

    pub fn contains(self, other: HighlightMods) -> bool {
        self.0 & other.0 == other.0
    }
}

impl std::ops::BitOr for HighlightMods {
    type Output = HighlightMods;
    fn bitor(self, rhs: HighlightMods) -> HighlightMods {
        HighlightMods(self.0 | rhs.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HighlightToken {
    pub span: Span,
    pub kind: HighlightKind,
    pub mods: HighlightMods,
}

pub(crate) fn highlight(a: &Analysis, file: FileId, range: Option<Span>) -> Vec<HighlightToken> {
    let Some(f) = a.workspace().file(file) else {
        return Vec::new();
    };
    let src: &str = &f.source.text;
    let index = a.index();
    let occurrences = index
        .file(file)
        .map(|fi| fi.occurrences.as_slice())
        .unwrap_or_default();
    let keywords: HashSet<u32> = f.parse.tree.walk().map(|s| s.keyword().start).collect();
    let mut out = Vec::new();
    for t in f.parse.tokens() {
        if let Some(r) = range {
            if t.span.end < r.start || t.span.start > r.end {
                continue;
            }
        }
        let (kind, mods) = match t.kind {
            TokenKind::Comment => (HighlightKind::Comment, HighlightMods::default()),
            TokenKind::Str(_) => (HighlightKind::String, HighlightMods::default()),
            TokenKind::Number | TokenKind::Date => {
                (HighlightKind::Number, HighlightMods::default())
            }
            TokenKind::Arrow => (HighlightKind::Operator, HighlightMods::default()),
            TokenKind::Ident if keywords.contains(&t.span.start) => {
                (HighlightKind::Keyword, HighlightMods::default())
            }
            TokenKind::Ident => {
                let i = occurrences.partition_point(|o| o.span.start < t.span.start);
                match occurrences.get(i).filter(|o| o.span == t.span) {
                    Some(o) => match o.role {
                        Role::Definition => {
                            (HighlightKind::Symbol(o.kind), HighlightMods::DEFINITION)
                        }
                        Role::Enum(_) => (HighlightKind::EnumValue, HighlightMods::BUILTIN),
                        Role::Actor => {
                            if index
                                .lookup(SymbolKind::Def(DefKind::Persona), &o.name)
                                .is_empty()
                            {
                                let mods = if o.decl {
                                    HighlightMods::DEFINITION
                                } else {
                                    HighlightMods::default()
                                };
                                (HighlightKind::Symbol(SymbolKind::Def(DefKind::Actor)), mods)
                            } else {
                                (
                                    HighlightKind::Symbol(SymbolKind::Def(DefKind::Persona)),
                                    HighlightMods::default(),
                                )
                            }
                        }
                        Role::Support => match index.resolve(file, o) {
                            Some(crate::Target::Def(d)) => (
                                HighlightKind::Symbol(SymbolKind::Def(d.kind())),
                                HighlightMods::default(),
                            ),
                            Some(_) => (
                                HighlightKind::Symbol(SymbolKind::Promise),
                                HighlightMods::default(),
                            ),
                            None => (
                                HighlightKind::Symbol(SymbolKind::Promise),
                                HighlightMods::UNRESOLVED,
                            ),
                        },
                        Role::Reference => {
                            let mut mods = HighlightMods::default();
                            if o.kind == SymbolKind::Channel && schema::channel(&o.name).is_some() {
                                mods = mods | HighlightMods::BUILTIN;
                            }
                            let unresolved = if o.kind == SymbolKind::Promise {
                                !index.has_promise(&o.name)
                            } else {
                                !o.kind.is_implicit() && index.lookup(o.kind, &o.name).is_empty()
                            };
                            if unresolved {
                                mods = mods | HighlightMods::UNRESOLVED;
                            }
                            if o.decl {
                                mods = mods | HighlightMods::DEFINITION;
                            }
                            (HighlightKind::Symbol(o.kind), mods)
                        }
                    },
                    None => {
                        let word = t.text(src);
                        if schema::CLAUSE_WORDS.iter().any(|c| c.name == word) {
                            (HighlightKind::Clause, HighlightMods::default())
                        } else if matches!(word, "yes" | "no") {
                            (HighlightKind::EnumValue, HighlightMods::BUILTIN)
                        } else {
                            continue;
                        }
                    }
                }
            }
            _ => continue,
        };
        out.push(HighlightToken {
            span: t.span,
            kind,
            mods,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::fixture::Fixture;
    use crate::{HighlightKind, HighlightMods};

    fn tokens(text: &str) -> String {
        let f = Fixture::parse(text);
        let file = f.main_file();
        let src = f.text(file);
        f.analysis
            .highlight(file, None)
            .iter()
            .map(|t| {
                let kind = match t.kind {
                    HighlightKind::Symbol(k) => k.describe().to_string(),
                    k => format!("{k:?}").to_lowercase(),
                };
                let mut mods = String::new();
                if t.mods.contains(HighlightMods::DEFINITION) {
                    mods.push_str(" def");
                }
                if t.mods.contains(HighlightMods::BUILTIN) {
                    mods.push_str(" builtin");
                }
                if t.mods.contains(HighlightMods::UNRESOLVED) {
                    mods.push_str(" unresolved");
                }
                format!("{} {kind}{mods}\n", &src[t.span.range()])
            })
            .collect()
    }

    #[test]
    fn identifiers_are_classified_by_kind() {
        insta::assert_snapshot!(tokens(
            "# Personas\npersona sabine \"S\" { channels web, fax }\n\
             phase p {\n  kind awareness\n  teams sales\n  touchpoint t {\n    serves sabine, ghost\n    owner sales\n    monitored yes\n    kpi k \"K\" target 5\n  }\n}\n\
             goal g { actor sabine {} }\njourney j { loop p -> p }\n"
        ), @r#"
        # Personas comment
        persona keyword
        sabine persona def
        "S" string
        channels keyword
        web channel builtin
        fax channel
        phase keyword
        p phase def
        kind keyword
        awareness enumvalue builtin
        teams keyword
        sales team def
        touchpoint keyword
        t touchpoint def
        serves keyword
        sabine persona
        ghost persona unresolved
        owner keyword
        sales team
        monitored keyword
        yes enumvalue builtin
        kpi keyword
        k KPI def
        "K" string
        target clause
        5 number
        goal keyword
        g goal def
        actor keyword
        sabine persona
        journey keyword
        j journey def
        loop keyword
        p phase
        -> operator
        p phase
        "#);
    }

    #[test]
    fn range_limits_the_tokens() {
        let f = Fixture::parse("persona a {}\npersona b {}\npersona c {}\n");
        let file = f.main_file();
        let second_line = journey_diagnostics::Span::new(13, 25);
        let toks = f.analysis.highlight(file, Some(second_line));
        assert_eq!(toks.len(), 2);
        assert_eq!(&f.text(file)[toks[1].span.range()], "b");
    }
}
