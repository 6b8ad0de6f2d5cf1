//! Document symbols (the outline: journey, personas, phases with their
//! touchpoints, goals with actors and impacts) and workspace symbols.

use crate::index::SymbolKind;
use crate::Analysis;
use journey_analysis::model::DefKind;
use journey_analysis::model::{Def, Model, Symbol};
use journey_diagnostics::{FileId, Span};
use journey_syntax::view;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentSymbol {
    pub name: String,
    /// The title, if any.
    pub detail: Option<String>,
    pub kind: SymbolKind,
    pub full_span: Span,
    pub name_span: Span,
    pub children: Vec<DocumentSymbol>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkspaceSymbol {
    pub name: String,
    pub detail: Option<String>,
    pub kind: SymbolKind,
    pub file: FileId,
    pub full_span: Span,
    pub name_span: Span,
    /// The enclosing definition's name (a touchpoint's phase …).
    pub container: Option<String>,
}

/// The kind shown for a definition: an actor that is a persona is shown
/// as the persona.
fn shown_kind(m: &Model, def: Def) -> SymbolKind {
    match def {
        Def::Actor(a) if m.actor(a).persona.is_some() => SymbolKind::Def(DefKind::Persona),
        d => SymbolKind::Def(d.kind()),
    }
}

pub(crate) fn document_symbols(a: &Analysis, file: FileId) -> Vec<DocumentSymbol> {
    let m = a.index().model();
    let mut defs: Vec<Symbol> = m.all_defs_in(file).map(|d| m.symbol(d)).collect();
    defs.sort_by_key(|s| (s.full_span.start, std::cmp::Reverse(s.full_span.end)));
    fn build(m: &Model, defs: &[Symbol], parent: Option<Def>) -> Vec<DocumentSymbol> {
        defs.iter()
            .filter(|s| s.parent == parent)
            .map(|s| {
                let mut children = build(m, defs, Some(s.def));
                // Promises are not entities of the model: read them here.
                if let Def::Phase(id) = s.def {
                    children.extend(
                        m.phase_syntax(m.phase(id))
                            .promises()
                            .iter()
                            .map(promise_symbol),
                    );
                    children.sort_by_key(|c| c.full_span.start);
                }
                DocumentSymbol {
                    name: s.name.clone(),
                    detail: s.detail.clone(),
                    kind: shown_kind(m, s.def),
                    full_span: s.full_span,
                    name_span: s.name_span,
                    children,
                }
            })
            .collect()
    }
    build(m, &defs, None)
}

fn promise_symbol(p: &view::Promise<'_>) -> DocumentSymbol {
    DocumentSymbol {
        name: p.id.text.to_string(),
        detail: p.text.as_ref().map(|t| t.value.to_string()),
        kind: SymbolKind::Promise,
        full_span: p.span,
        name_span: p.id.span,
        children: Vec::new(),
    }
}

/// How well `name` matches `query`: lower is better; `None` for no match.
fn score(name: &str, query: &str) -> Option<u8> {
    if query.is_empty() {
        return Some(0);
    }
    let name_l = name.to_lowercase();
    let query_l = query.to_lowercase();
    if name_l.starts_with(&query_l) {
        return Some(0);
    }
    if name_l.contains(&query_l) {
        return Some(1);
    }
    let mut chars = name_l.chars();
    query_l.chars().all(|q| chars.any(|c| c == q)).then_some(2)
}

pub(crate) fn workspace_symbols(a: &Analysis, query: &str) -> Vec<WorkspaceSymbol> {
    let m = a.index().model();
    let mut out: Vec<(u8, WorkspaceSymbol)> = Vec::new();
    for sym in m.symbols() {
        let Some(s) = score(&sym.name, query).or_else(|| {
            sym.detail
                .as_deref()
                .and_then(|t| score(t, query))
                .map(|s| s + 3)
        }) else {
            continue;
        };
        let container = sym.parent.map(|p| m.header(p).id().to_string());
        out.push((
            s,
            WorkspaceSymbol {
                kind: SymbolKind::Def(sym.kind),
                name: sym.name,
                detail: sym.detail,
                file: sym.file,
                full_span: sym.full_span,
                name_span: sym.name_span,
                container,
            },
        ));
    }
    for (file, f) in a.workspace().files() {
        for phase in crate::syntax(f).phases() {
            for p in &phase.promises() {
                let sym = promise_symbol(p);
                let Some(s) = score(&sym.name, query) else {
                    continue;
                };
                out.push((
                    s,
                    WorkspaceSymbol {
                        name: sym.name,
                        detail: sym.detail,
                        kind: SymbolKind::Promise,
                        file,
                        full_span: sym.full_span,
                        name_span: sym.name_span,
                        container: Some(phase.id.text.to_string()),
                    },
                ));
            }
        }
    }
    out.sort_by(|x, y| (x.0, &x.1.name).cmp(&(y.0, &y.1.name)));
    out.into_iter().map(|(_, s)| s).collect()
}

#[cfg(test)]
mod tests {
    use super::DocumentSymbol;
    use crate::fixture::Fixture;

    fn outline(symbols: &[DocumentSymbol], depth: usize, out: &mut String) {
        for s in symbols {
            out.push_str(&format!(
                "{}{} {}{}\n",
                "  ".repeat(depth),
                s.kind.describe(),
                s.name,
                s.detail
                    .as_ref()
                    .map(|d| format!(" — {d}"))
                    .unwrap_or_default()
            ));
            outline(&s.children, depth + 1, out);
        }
    }

    #[test]
    fn outline_of_a_file() {
        let f = Fixture::parse(
            "journey j \"J\" { phases p }\n\
             persona sabine \"Sabine\" {}\n\
             phase p \"Awareness\" {\n  kpi reach \"Reach\" target 5\n  promise fast \"48 h\"\n  touchpoint ads \"Ads\" {}\n  touchpoint fair {}\n}\n\
             goal g \"Grow\" {\n  actor sabine {\n    impact buys \"Buys\" {\n      deliverable d \"Thing\"\n    }\n  }\n  actor advisors \"Tax advisors\" {}\n}\n",
        );
        let mut out = String::new();
        outline(&f.analysis.document_symbols(f.main_file()), 0, &mut out);
        insta::assert_snapshot!(out, @r"
        journey j — J
        persona sabine — Sabine
        phase p — Awareness
          KPI reach — Reach
          promise fast — 48 h
          touchpoint ads — Ads
          touchpoint fair
        goal g — Grow
          persona sabine
            impact buys — Buys
              deliverable d — Thing
          actor advisors — Tax advisors
        ");
    }

    #[test]
    fn workspace_symbols_match_fuzzily_across_files() {
        let f = Fixture::parse(
            "//- a.journey\npersona sabine \"Sabine\" {}\n\
             //- b.journey\nphase awareness { touchpoint search_ads \"Search ads\" {} }\n",
        );
        let names = |q: &str| -> Vec<String> {
            f.analysis
                .workspace_symbols(q)
                .into_iter()
                .map(|s| format!("{} {}", s.kind.describe(), s.name))
                .collect()
        };
        assert_eq!(names("sa"), ["persona sabine", "touchpoint search_ads"]);
        assert_eq!(names("sads"), ["touchpoint search_ads"]);
        assert_eq!(names("").len(), 3);
        assert!(names("zzz").is_empty());
        let ads = &f.analysis.workspace_symbols("search")[0];
        assert_eq!(ads.container.as_deref(), Some("awareness"));
    }
}
