//! Completion: the statements valid in the block at the cursor (with
//! snippets for whole blocks), identifiers of the kind the statement wants
//! (personas after `serves`, touchpoints after `via`, phases in a journey's
//! phase list …), fixed values (`kind`, `state`, `channel` …), the clause
//! words of `kpi`, `metric` and `deliverable`, check names after `allow`
//! and file paths in `import`.

use crate::context::{blocks_at, typed_at, Typed};
use crate::hover;
use crate::index::{EnumKind, SymbolKind};
use crate::{Analysis, FilePosition};
use journey_analysis::model::DefKind;
use journey_diagnostics::Span;
use journey_syntax::lexer::TokenKind;
use journey_syntax::schema::{self, Context};
use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

/// What a completion item is, for the editor's icon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompletionKind {
    /// A statement keyword (inserted as a snippet when it has one).
    Keyword,
    /// A word inside a statement (`target`, `via` …).
    Clause,
    Symbol(SymbolKind),
    EnumValue(EnumKind),
    Channel,
    /// The name of a check, after `allow`.
    Check,
    File,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompletionItem {
    pub label: String,
    pub kind: CompletionKind,
    /// One line shown next to the label (a signature, a title).
    pub detail: Option<String>,
    /// Markdown.
    pub documentation: Option<String>,
    /// What to insert; LSP snippet syntax when `snippet` is true.
    pub insert_text: String,
    pub snippet: bool,
    /// The text the insertion replaces (the word being typed; empty at the
    /// cursor when nothing is typed yet).
    pub replace: Span,
    /// Put first (the likely choice).
    pub preselect: bool,
}

impl CompletionItem {
    fn plain(label: impl Into<String>, kind: CompletionKind, replace: Span) -> Self {
        let label = label.into();
        CompletionItem {
            insert_text: label.clone(),
            label,
            kind,
            detail: None,
            documentation: None,
            snippet: false,
            replace,
            preselect: false,
        }
    }

    fn detail(mut self, d: impl Into<String>) -> Self {
        self.detail = Some(d.into());
        self
    }

    fn doc(mut self, d: impl Into<String>) -> Self {
        let d = d.into();
        if !d.is_empty() {
            self.documentation = Some(d);
        }
        self
    }
}

/// What the statement at the cursor wants next.
enum Want {
    Keywords,
    Symbols(SymbolKind),
    /// Personas, or stakeholders already named as actors.
    Actors,
    /// Promises, goals and impacts (`supports`).
    Supports,
    Enum(EnumKind),
    Channels,
    Presence(Option<bool>),
    Clauses(Vec<&'static str>),
    Checks,
    Files,
    Nothing,
}

pub(crate) fn completions(a: &Analysis, pos: FilePosition) -> Vec<CompletionItem> {
    let Some(file) = a.workspace().file(pos.file) else {
        return Vec::new();
    };
    let src: &str = &file.source.text;
    let parse = &file.parse;
    let typed = typed_at(src, parse, pos.offset);
    let blocks = blocks_at(src, &parse.tree, pos.offset);
    let Some(ctx) = blocks.context else {
        return Vec::new();
    };
    let replace = typed.word.unwrap_or(Span::empty(pos.offset));
    let want = what_is_wanted(ctx, &typed);
    let mut items = match want {
        Want::Nothing => Vec::new(),
        Want::Keywords => {
            let statements = match blocks.frames.last() {
                Some((stmt, _)) => stmt.block().map(|b| b.statements()),
                None => Some(parse.tree.statements()),
            };
            let present: BTreeSet<&str> = statements
                .into_iter()
                .flatten()
                .filter(|s| Some(s.keyword()) != typed.word)
                .map(|s| s.keyword_text(src))
                .collect();
            schema::keywords_in(ctx)
                .filter(|k| k.repeatable || !present.contains(k.name))
                .map(|k| CompletionItem {
                    label: k.name.to_string(),
                    kind: CompletionKind::Keyword,
                    detail: Some(k.signature.to_string()),
                    documentation: Some(k.doc.to_string()),
                    insert_text: k.snippet.to_string(),
                    snippet: k.snippet != k.name,
                    replace,
                    preselect: false,
                })
                .collect()
        }
        Want::Symbols(kind) => symbols(a, kind, &typed, replace),
        Want::Actors => {
            let mut items = symbols(a, SymbolKind::Def(DefKind::Persona), &typed, replace);
            items.extend(symbols(a, SymbolKind::Def(DefKind::Actor), &typed, replace));
            items
        }
        Want::Supports => {
            let mut items = symbols(a, SymbolKind::Promise, &typed, replace);
            items.extend(symbols(a, SymbolKind::Def(DefKind::Goal), &typed, replace));
            items.extend(symbols(
                a,
                SymbolKind::Def(DefKind::Impact),
                &typed,
                replace,
            ));
            items
        }
        Want::Enum(kind) => kind
            .values()
            .iter()
            .map(|v| {
                CompletionItem::plain(v.name, CompletionKind::EnumValue(kind), replace)
                    .detail(kind.describe())
                    .doc(v.doc)
            })
            .collect(),
        Want::Presence(online) => schema::PRESENCE
            .iter()
            .map(|v| {
                let mut item = CompletionItem::plain(
                    v.name,
                    CompletionKind::EnumValue(EnumKind::Presence),
                    replace,
                )
                .detail("presence")
                .doc(v.doc);
                item.preselect = online == Some(v.name == "online");
                item
            })
            .collect(),
        Want::Channels => channels(a, &typed, replace),
        Want::Clauses(words) => words
            .into_iter()
            .map(|w| {
                let doc = schema::CLAUSE_WORDS
                    .iter()
                    .find(|c| c.name == w)
                    .map_or("", |c| c.doc);
                CompletionItem::plain(w, CompletionKind::Clause, replace).doc(doc)
            })
            .collect(),
        Want::Checks => journey_analysis::all_codes()
            .into_iter()
            .map(|c| {
                let mut item = CompletionItem::plain(c.name, CompletionKind::Check, replace)
                    .detail(format!("{}: {}", c.code, c.summary));
                item.insert_text = format!("\"{}\"", c.name);
                item
            })
            .collect(),
        Want::Files => files(a, pos, &typed),
    };
    // Stable, predictable order: keywords as the schema lists them, names
    // alphabetically (already sorted), and the preselected item first.
    items.sort_by_key(|i| !i.preselect);
    items
}

fn what_is_wanted(ctx: Context, typed: &Typed) -> Want {
    if let Some(_string) = typed.in_string {
        return match (ctx, typed.keyword()) {
            (Context::TopLevel, Some("import")) if typed.args().is_empty() => Want::Files,
            _ => Want::Nothing,
        };
    }
    let Some(keyword) = typed.keyword() else {
        return if typed.before.is_empty() {
            Want::Keywords
        } else {
            Want::Nothing
        };
    };
    let args = typed.args();
    let last = typed.last();
    let no_args = args.is_empty();
    // A list takes a value after its keyword and after each comma.
    let list_slot = matches!(last, None | Some((TokenKind::Comma, _)));
    let words: Vec<&str> = args.iter().map(|(_, _, t)| *t).collect();
    let has = |w: &str| {
        args.iter()
            .any(|(k, _, t)| *k == TokenKind::Ident && *t == w)
    };
    match (ctx, keyword) {
        (Context::Touchpoint, "serves") if list_slot => {
            Want::Symbols(SymbolKind::Def(DefKind::Persona))
        }
        (Context::Touchpoint, "keeps") if list_slot => Want::Symbols(SymbolKind::Promise),
        (Context::Touchpoint, "next") if list_slot => {
            Want::Symbols(SymbolKind::Def(DefKind::Touchpoint))
        }
        (Context::Touchpoint, "for") if no_args => Want::Symbols(SymbolKind::Def(DefKind::Persona)),
        (Context::Touchpoint, "for") => {
            let after_value = match last {
                Some((TokenKind::Str(_) | TokenKind::Number, _)) => true,
                Some((TokenKind::Ident, w)) => args.len() == 1 && !w.is_empty(),
                _ => false,
            };
            if !after_value {
                return Want::Nothing;
            }
            let order = ["expectation", "experience", "target", "feeling"];
            let start = order.iter().rposition(|w| has(w)).map_or(0, |i| i + 1);
            Want::Clauses(order[start..].to_vec())
        }
        (Context::Touchpoint, "experience") => match last {
            Some((TokenKind::Number, _)) if !has("target") => Want::Clauses(vec!["target"]),
            None => Want::Clauses(vec!["target"]),
            _ => Want::Nothing,
        },
        (Context::Touchpoint, "cost") => match args {
            [(TokenKind::Number, _, _)] => Want::Clauses(vec!["EUR", "USD", "CHF", "GBP"]),
            _ => Want::Nothing,
        },
        (Context::Phase, "supports") if list_slot => Want::Supports,
        (Context::Impact, "via") if list_slot => {
            Want::Symbols(SymbolKind::Def(DefKind::Touchpoint))
        }
        (Context::Journey, "phases") if list_slot => Want::Symbols(SymbolKind::Def(DefKind::Phase)),
        (Context::Journey, "loop") => match words.as_slice() {
            [] => Want::Symbols(SymbolKind::Def(DefKind::Phase)),
            [_, "->"] => Want::Symbols(SymbolKind::Def(DefKind::Phase)),
            _ => Want::Nothing,
        },
        (Context::Goal, "actor") if no_args => Want::Actors,
        (Context::Phase, "kind") if no_args => Want::Enum(EnumKind::PhaseKind),
        (Context::Touchpoint, "state") if no_args => Want::Enum(EnumKind::State),
        (Context::Touchpoint, "importance") if no_args => Want::Enum(EnumKind::Importance),
        (Context::Touchpoint, "basis") if no_args => Want::Enum(EnumKind::LegalBasis),
        (Context::Touchpoint, "monitored" | "moment" | "wow") if no_args => {
            Want::Enum(EnumKind::YesNo)
        }
        (Context::Touchpoint, "channel") => match args {
            [] => Want::Channels,
            [(TokenKind::Ident, _, channel)] => {
                Want::Presence(schema::channel(channel).map(|c| c.online))
            }
            _ => Want::Nothing,
        },
        (Context::Persona, "channels") if list_slot => Want::Channels,
        (Context::Touchpoint, "owner") if no_args => Want::Symbols(SymbolKind::Team),
        (Context::Phase, "teams") if list_slot => Want::Symbols(SymbolKind::Team),
        (Context::Phase | Context::Touchpoint, "systems") if list_slot => {
            Want::Symbols(SymbolKind::System)
        }
        (Context::Phase | Context::Touchpoint | Context::Impact, "kpi") => match last {
            Some((TokenKind::Str(_), _)) if !has("target") && !has("unit") => {
                Want::Clauses(vec!["target", "unit"])
            }
            Some((TokenKind::Number | TokenKind::Ident, w))
                if has("target") && w != "target" && !has("unit") =>
            {
                Want::Clauses(vec!["unit"])
            }
            _ => Want::Nothing,
        },
        (Context::Goal, "metric") => {
            let after_value = match last {
                Some((TokenKind::Str(_), _)) => true,
                Some((TokenKind::Number | TokenKind::Date | TokenKind::Ident, w)) => {
                    !["current", "target", "unit", "by"].contains(&w)
                }
                _ => false,
            };
            if !after_value {
                return Want::Nothing;
            }
            let order = ["current", "target", "unit", "by"];
            let start = order.iter().rposition(|w| has(w)).map_or(0, |i| i + 1);
            Want::Clauses(order[start..].to_vec())
        }
        (Context::Impact, "deliverable") => {
            if has("via") {
                if list_slot || matches!(last, Some((TokenKind::Ident, "via"))) {
                    Want::Symbols(SymbolKind::Def(DefKind::Touchpoint))
                } else {
                    Want::Nothing
                }
            } else if matches!(last, Some((TokenKind::Str(_), _))) {
                Want::Clauses(vec!["via"])
            } else {
                Want::Nothing
            }
        }
        (_, "allow") if no_args && ctx != Context::TopLevel => Want::Checks,
        _ => Want::Nothing,
    }
}

/// Names of `kind` not yet written in the statement.
fn symbols(a: &Analysis, kind: SymbolKind, typed: &Typed, replace: Span) -> Vec<CompletionItem> {
    let written: BTreeSet<&str> = typed.idents().collect();
    let index = a.index();
    let mut items = Vec::new();
    if kind.is_implicit() {
        for (name, count) in index.implicit_names(kind) {
            if written.contains(name.as_str()) {
                continue;
            }
            let uses = if count == 1 {
                "named once".to_string()
            } else {
                format!("named {count} times")
            };
            items.push(
                CompletionItem::plain(name, CompletionKind::Symbol(kind), replace)
                    .detail(format!("{} ({uses})", kind.describe())),
            );
        }
        return items;
    }
    let Some(def_kind) = kind.model_kind() else {
        return items;
    };
    let m = index.model();
    for name in m.names_of_kind(def_kind) {
        if written.contains(name) {
            continue;
        }
        let Some(def) = m.lookup(def_kind, name) else {
            continue;
        };
        let mut item = CompletionItem::plain(name, CompletionKind::Symbol(kind), replace);
        item.detail = Some(match m.title(def) {
            Some(t) => format!("{} – {t}", kind.describe()),
            None => kind.describe().to_string(),
        });
        item.documentation = Some(hover::summary(a, def));
        items.push(item);
    }
    items
}

fn channels(a: &Analysis, typed: &Typed, replace: Span) -> Vec<CompletionItem> {
    let written: BTreeSet<&str> = typed.idents().collect();
    let mut items: Vec<CompletionItem> = schema::CHANNELS
        .iter()
        .filter(|c| !written.contains(c.name))
        .map(|c| {
            CompletionItem::plain(c.name, CompletionKind::Channel, replace)
                .detail(if c.online {
                    "channel (online)"
                } else {
                    "channel (offline)"
                })
                .doc(c.doc)
        })
        .collect();
    for (name, _) in a.index().implicit_names(SymbolKind::Channel) {
        if schema::channel(&name).is_none() && !written.contains(name.as_str()) {
            items.push(
                CompletionItem::plain(name, CompletionKind::Channel, replace)
                    .detail("channel (used in this workspace)"),
            );
        }
    }
    items
}

/// The other `.journey` files of the workspace, relative to this one.
fn files(a: &Analysis, pos: FilePosition, typed: &Typed) -> Vec<CompletionItem> {
    let Some(string) = typed.in_string else {
        return Vec::new();
    };
    let ws = a.workspace();
    let Some(this) = ws.file(pos.file) else {
        return Vec::new();
    };
    let src: &str = &this.source.text;
    let raw = &src[string.range()];
    // A path in typographic quotes is an error to fix first.
    if !raw.starts_with('"') {
        return Vec::new();
    }
    // Replace the string's content, between the quotes.
    let content_end = if raw.len() >= 2 && raw.ends_with('"') {
        string.end - 1
    } else {
        string.end
    };
    let replace = Span::new(string.start + 1, content_end.max(string.start + 1));
    let dir = this.path.parent().unwrap_or(Path::new(""));
    let imported: BTreeSet<String> = crate::syntax(this)
        .imports()
        .map(|i| i.path.value.into_owned())
        .collect();
    let mut items: Vec<CompletionItem> = ws
        .files()
        .filter(|(id, _)| *id != pos.file)
        .filter_map(|(_, f)| relative_path(dir, &f.path))
        .filter(|rel| !imported.contains(rel))
        .map(|rel| CompletionItem::plain(rel, CompletionKind::File, replace).detail("import"))
        .collect();
    items.sort_by(|x, y| x.label.cmp(&y.label));
    items
}

/// `to` relative to the directory `from`, with `/` separators.
pub(crate) fn relative_path(from: &Path, to: &Path) -> Option<String> {
    let from: Vec<Component> = from.components().collect();
    let to_c: Vec<Component> = to.components().collect();
    let common = from.iter().zip(&to_c).take_while(|(x, y)| x == y).count();
    if common == 0 && from.iter().any(|c| matches!(c, Component::RootDir)) {
        return None;
    }
    let mut rel = PathBuf::new();
    for _ in common..from.len() {
        rel.push("..");
    }
    for c in &to_c[common..] {
        rel.push(c);
    }
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use crate::fixture::Fixture;
    use crate::CompletionKind;

    fn labels(text: &str) -> Vec<String> {
        let f = Fixture::parse(text);
        f.analysis
            .completions(f.cursor())
            .into_iter()
            .map(|i| i.label)
            .collect()
    }

    const PEOPLE: &str = "persona sabine \"Sabine\" { role \"Founder\" }\n\
        persona tom \"Tom\" { role \"Buyer\" }\n";

    #[test]
    fn keywords_of_the_block() {
        let l = labels("phase p {\n  kind awareness\n  $0\n}\n");
        assert!(l.contains(&"touchpoint".to_string()));
        assert!(l.contains(&"question".to_string()));
        assert!(l.contains(&"allow".to_string()));
        // `kind` is already there and may stand only once.
        assert!(!l.contains(&"kind".to_string()));
        // Not a phase statement.
        assert!(!l.contains(&"serves".to_string()));
    }

    #[test]
    fn top_level_keywords_with_block_snippets() {
        let f = Fixture::parse("$0\n");
        let items = f.analysis.completions(f.cursor());
        let names: Vec<&str> = items.iter().map(|i| i.label.as_str()).collect();
        assert_eq!(names, ["import", "journey", "persona", "phase", "goal"]);
        let persona = items.iter().find(|i| i.label == "persona").unwrap();
        assert!(persona.snippet);
        assert!(persona.insert_text.contains('{'));
        assert_eq!(persona.kind, CompletionKind::Keyword);
    }

    #[test]
    fn keyword_being_typed_is_replaced() {
        let f = Fixture::parse("phase p {\n  touchpoint t {\n    ser$0\n  }\n}\n");
        let items = f.analysis.completions(f.cursor());
        let serves = items.iter().find(|i| i.label == "serves").unwrap();
        assert_eq!(
            f.describe(f.cursor().file, serves.replace),
            "main.journey:3:5-3:8 `ser`"
        );
    }

    #[test]
    fn personas_after_serves() {
        let l = labels(&format!(
            "{PEOPLE}phase p {{\n  touchpoint t {{\n    serves $0\n  }}\n}}\n"
        ));
        assert_eq!(l, ["sabine", "tom"]);
        let l = labels(&format!(
            "{PEOPLE}phase p {{\n  touchpoint t {{\n    serves tom, $0\n  }}\n}}\n"
        ));
        assert_eq!(l, ["sabine"]);
    }

    #[test]
    fn touchpoints_after_via_across_files() {
        let l = labels(
            "//- phases.journey\nphase p {\n  touchpoint web_shop {}\n  touchpoint hotline {}\n}\n\
             //- goals.journey\ngoal g {\n  actor a {\n    impact i \"x\" {\n      via $0\n    }\n  }\n}\n",
        );
        assert_eq!(l, ["hotline", "web_shop"]);
    }

    #[test]
    fn phases_in_the_journey_phase_list() {
        let l = labels("journey j {\n  phases a, $0\n}\nphase a {}\nphase b {}\nphase c {}\n");
        assert_eq!(l, ["b", "c"]);
    }

    #[test]
    fn loop_targets() {
        let src = "journey j {\n  loop b -> $0\n}\nphase a {}\nphase b {}\n";
        // `b` is already written in the statement.
        assert_eq!(labels(src), ["a"]);
    }

    #[test]
    fn enum_values() {
        assert_eq!(
            labels("phase p {\n  touchpoint t {\n    state $0\n  }\n}\n"),
            ["current", "planned"]
        );
        let kinds = labels("phase p {\n  kind $0\n}\n");
        assert_eq!(kinds.len(), 10);
        assert!(kinds.contains(&"offboarding".to_string()));
        assert_eq!(
            labels("phase p {\n  touchpoint t {\n    importance h$0\n  }\n}\n"),
            ["low", "medium", "high", "critical"]
        );
    }

    #[test]
    fn channel_then_presence_preselected_by_channel() {
        let l = labels("phase p {\n  touchpoint t {\n    channel $0\n  }\n}\n");
        assert!(l.contains(&"web".to_string()) && l.contains(&"store".to_string()));
        let f = Fixture::parse("phase p {\n  touchpoint t {\n    channel store $0\n  }\n}\n");
        let items = f.analysis.completions(f.cursor());
        assert_eq!(items[0].label, "offline");
        assert!(items[0].preselect);
    }

    #[test]
    fn clause_words() {
        assert_eq!(
            labels("phase p {\n  kpi k \"Reach\" $0\n}\n"),
            ["target", "unit"]
        );
        assert_eq!(
            labels("phase p {\n  kpi k \"Reach\" target 5 $0\n}\n"),
            ["unit"]
        );
        assert_eq!(
            labels("goal g {\n  metric \"MRR\" current 5 $0\n}\n"),
            ["target", "unit", "by"]
        );
        assert_eq!(
            labels("phase p {\n  touchpoint t {\n    for anna expectation 4 $0\n  }\n}\n"),
            ["experience", "target", "feeling"]
        );
        assert_eq!(
            labels("phase p {\n  touchpoint t {\n    experience 3 $0\n  }\n}\n"),
            ["target"]
        );
        assert_eq!(
            labels("phase p {\n  touchpoint t {\n    cost 1200 $0\n  }\n}\n"),
            ["EUR", "USD", "CHF", "GBP"]
        );
        assert_eq!(
            labels("phase p { touchpoint web {} }\ngoal g {\n  actor a {\n    impact i \"x\" {\n      deliverable \"Thing\" via $0\n    }\n  }\n}\n"),
            ["web"]
        );
    }

    #[test]
    fn teams_and_systems_from_the_workspace() {
        let src = "phase p {\n  teams marketing, sales\n  systems crm\n  touchpoint t {\n    owner $0\n  }\n}\n";
        assert_eq!(labels(src), ["marketing", "sales"]);
    }

    #[test]
    fn actors_are_personas_and_known_stakeholders() {
        let src =
            format!("{PEOPLE}goal g {{\n  actor advisors \"Tax advisors\" {{}}\n  actor $0\n}}\n");
        assert_eq!(labels(&src), ["sabine", "tom", "advisors"]);
    }

    #[test]
    fn promises_after_keeps_and_supports() {
        let src = "phase a {\n  promise fast \"48 h\"\n  promise cheap \"€5\"\n}\n\
                   phase b {\n  touchpoint t {\n    keeps fast, $0\n  }\n}\ngoal growth {}\n";
        assert_eq!(labels(src), ["cheap"]);
        let src = "phase a {\n  promise fast \"48 h\"\n  supports $0\n}\ngoal growth {}\n";
        assert_eq!(labels(src), ["fast", "growth"]);
    }

    #[test]
    fn check_names_after_allow() {
        let f = Fixture::parse("persona p {\n  allow $0\n}\n");
        let items = f.analysis.completions(f.cursor());
        let unterminated = items
            .iter()
            .find(|i| i.label == "unterminated-string")
            .unwrap();
        assert_eq!(unterminated.insert_text, "\"unterminated-string\"");
    }

    #[test]
    fn import_paths() {
        let f = Fixture::parse(
            "//- main.journey\nimport \"$0\"\n//- personas.journey\n\n//- phases/one.journey\n\n",
        );
        let items = f.analysis.completions(f.cursor());
        let l: Vec<&str> = items.iter().map(|i| i.label.as_str()).collect();
        assert_eq!(l, ["personas.journey", "phases/one.journey"]);
    }

    #[test]
    fn nothing_inside_strings_and_comments() {
        assert!(labels("persona p {\n  role \"Fou$0nder\"\n}\n").is_empty());
        assert!(labels("# a comm$0ent\n").is_empty());
    }

    #[test]
    fn nothing_in_an_unknown_block() {
        assert!(labels("phase p {\n  tuchpoint t {\n    $0\n  }\n}\n").is_empty());
    }
}
