//! The labels of journeyc's exports in English and German.
//!
//! Every word an export adds to the user's own text — row labels, legends,
//! headings, column headers, "Phase 3", "2 touchpoints" — is a message in
//! a [Fluent](https://projectfluent.org) file: `locales/en.ftl` and
//! `locales/de.ftl`, compiled into the binary. [`Labels`] formats them;
//! the test `every_message_exists_in_both_languages` keeps the two files in
//! step (the same messages, attributes and variables), and the exports
//! test that every message they ask for exists.
//!
//! The language of an export is chosen by `--lang`, else by `lang` in the
//! `[export]` section of `journey.toml`, else detected from the journey's
//! own copy ([`Lang::detect`]); English when nothing tells.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;
use std::sync::{Mutex, OnceLock};

/// Messages asked for that do not exist, for [`take_missing`].
static MISSING: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// The ids of messages asked for since the last call that exist in
/// neither language file (each once, sorted). The export tests render
/// every format in both languages and require this to be empty.
pub fn take_missing() -> Vec<String> {
    let mut m = MISSING.lock().unwrap_or_else(|e| e.into_inner());
    let mut out = std::mem::take(&mut *m);
    out.sort();
    out.dedup();
    out
}

/// A language the exports speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    De,
}

/// The Fluent source of each language.
const SOURCES: [(Lang, &str); 2] = [
    (Lang::En, include_str!("../locales/en.ftl")),
    (Lang::De, include_str!("../locales/de.ftl")),
];

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::De];

    /// The BCP 47 code: `en`, `de` (for `<html lang>` and `journey.toml`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    /// `en`, `de`, also with a region (`de-AT`, `en_GB`) and in any case.
    pub fn parse(s: &str) -> Option<Lang> {
        let lower = s.trim().to_ascii_lowercase();
        let base = lower.split(['-', '_']).next().unwrap_or("");
        match base {
            "en" => Some(Lang::En),
            "de" => Some(Lang::De),
            _ => None,
        }
    }

    /// The language of a journey's copy, when its words tell (German or
    /// English stop words, umlauts); `None` when there is no text or it is
    /// even.
    pub fn detect<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<Lang> {
        let mut all = String::new();
        for t in texts {
            all.push_str(t);
            all.push('\n');
        }
        match journey_text::lang::detect_language(&all)? {
            journey_text::lang::Lang::De => Some(Lang::De),
            journey_text::lang::Lang::En => Some(Lang::En),
        }
    }

    fn source(self) -> &'static str {
        SOURCES
            .iter()
            .find(|(l, _)| *l == self)
            .map(|(_, s)| *s)
            .unwrap_or("")
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// An argument of a message: text or a number (numbers choose plurals).
#[derive(Debug, Clone)]
pub enum Arg {
    Text(String),
    Number(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(n as f64)
    }
}
impl From<f64> for Arg {
    fn from(n: f64) -> Self {
        Arg::Number(n)
    }
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: OnceLock<Vec<(Lang, Bundle)>> = OnceLock::new();
    let all = BUNDLES.get_or_init(|| {
        Lang::ALL
            .iter()
            .map(|&l| {
                let id = l.code().parse().unwrap_or_default();
                let mut b = FluentBundle::new_concurrent(vec![id]);
                // Labels go into HTML, SVG and CSV: no invisible isolation marks.
                b.set_use_isolating(false);
                let res =
                    FluentResource::try_new(l.source().to_string()).unwrap_or_else(|(res, _)| res);
                let _ = b.add_resource(res);
                (l, b)
            })
            .collect()
    });
    &all.iter().find(|(l, _)| *l == lang).unwrap_or(&all[0]).1
}

/// The labels of one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Labels {
    lang: Lang,
}

impl Labels {
    pub fn new(lang: Lang) -> Labels {
        Labels { lang }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Whether the message exists in this language.
    pub fn has(&self, id: &str) -> bool {
        bundle(self.lang).has_message(id)
    }

    /// The message `id` without arguments. A message that does not exist
    /// comes back as its id (the completeness tests make sure none does).
    pub fn t(&self, id: &str) -> String {
        self.f(id, &[])
    }

    /// The message `id` with named arguments.
    pub fn f(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let b = bundle(self.lang);
        let Some(pattern) = b.get_message(id).and_then(|m| m.value()) else {
            MISSING
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(format!("{}:{id}", self.lang));
            return id.to_string();
        };
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            match v {
                Arg::Text(s) => fa.set(*k, FluentValue::from(s.clone())),
                Arg::Number(n) => fa.set(*k, FluentValue::from(*n)),
            }
        }
        let mut errors = Vec::new();
        let s: Cow<str> = b.format_pattern(pattern, Some(&fa), &mut errors);
        s.into_owned()
    }

    /// A number with at most one decimal, as this language writes it
    /// (`3.5` / `3,5`; `4` without a decimal).
    pub fn decimal(&self, v: f64) -> String {
        let r = (v * 10.0).round() / 10.0;
        let s = if r.fract() == 0.0 {
            format!("{}", r as i64)
        } else {
            format!("{r:.1}")
        };
        match self.lang {
            Lang::De => s.replace('.', ","),
            Lang::En => s,
        }
    }
}

/// The ids of every message of a language, in file order (for tests and
/// tools).
pub fn message_ids(lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    for line in lang.source().lines() {
        let first = line.chars().next();
        if !first.is_some_and(|c| c.is_ascii_alphabetic()) {
            continue;
        }
        if let Some((id, _)) = line.split_once('=') {
            out.push(id.trim().to_string());
        }
    }
    out
}

/// The header of a CSV or spreadsheet column in `lang`. `column` is one of
/// the column names of `journey_export::csv::COLUMNS` (`phase_id`); in
/// English the header is the name itself, so existing tables keep reading.
pub fn column_header(lang: Lang, column: &str) -> String {
    match lang {
        Lang::En => column.to_string(),
        _ => {
            let l = Labels::new(lang);
            let id = format!("col-{column}");
            if l.has(&id) {
                l.t(&id)
            } else {
                column.to_string()
            }
        }
    }
}

/// The column a header names, in any language (case and surrounding space
/// ignored): `Phasen-ID` and `phase_id` both name `phase_id`. `columns`
/// are the column names the reader knows.
pub fn column_from_header<'a>(header: &str, columns: &[&'a str]) -> Option<&'a str> {
    let h = header.trim();
    columns.iter().copied().find(|c| {
        c.eq_ignore_ascii_case(h)
            || Lang::ALL
                .iter()
                .any(|&l| column_header(l, c).to_lowercase() == h.to_lowercase())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::ast;
    use std::collections::{BTreeMap, BTreeSet};

    type Shape = BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)>;

    fn vars_inline(e: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match e {
            ast::InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_string());
            }
            ast::InlineExpression::Placeable { expression } => vars_expr(expression, out),
            _ => {}
        }
    }

    fn vars_expr(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
        match e {
            ast::Expression::Select { selector, variants } => {
                vars_inline(selector, out);
                for v in variants {
                    vars_pattern(&v.value, out);
                }
            }
            ast::Expression::Inline(i) => vars_inline(i, out),
        }
    }

    fn vars_pattern(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
        for el in &p.elements {
            if let ast::PatternElement::Placeable { expression } = el {
                vars_expr(expression, out);
            }
        }
    }

    /// Message id → (attribute names, variable names) of one file; every
    /// entry must parse.
    fn shape(lang: Lang) -> Shape {
        let res = fluent_syntax::parser::parse(lang.source())
            .unwrap_or_else(|(_, e)| panic!("{lang}.ftl does not parse: {e:?}"));
        let mut out = Shape::new();
        for entry in &res.body {
            match entry {
                ast::Entry::Message(m) => {
                    let mut vars = BTreeSet::new();
                    if let Some(v) = &m.value {
                        vars_pattern(v, &mut vars);
                    }
                    let mut attrs = BTreeSet::new();
                    for a in &m.attributes {
                        attrs.insert(a.id.name.to_string());
                        vars_pattern(&a.value, &mut vars);
                    }
                    assert!(
                        m.value.is_some(),
                        "{lang}.ftl: `{}` has no value",
                        m.id.name
                    );
                    let dup = out.insert(m.id.name.to_string(), (attrs, vars));
                    assert!(dup.is_none(), "{lang}.ftl: `{}` twice", m.id.name);
                }
                ast::Entry::Junk { content } => panic!("{lang}.ftl: cannot parse {content:?}"),
                _ => {}
            }
        }
        out
    }

    #[test]
    fn every_message_exists_in_both_languages() {
        let en = shape(Lang::En);
        let de = shape(Lang::De);
        assert!(en.len() > 100, "only {} messages", en.len());
        let only_en: Vec<&String> = en.keys().filter(|k| !de.contains_key(*k)).collect();
        let only_de: Vec<&String> = de.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(only_en.is_empty(), "missing in de.ftl: {only_en:?}");
        assert!(only_de.is_empty(), "missing in en.ftl: {only_de:?}");
        for (id, shape_en) in &en {
            assert_eq!(
                Some(shape_en),
                de.get(id),
                "`{id}`: attributes and variables differ between en.ftl and de.ftl"
            );
        }
        // And every message formats without an error in both.
        for lang in Lang::ALL {
            let l = Labels::new(lang);
            for id in message_ids(lang) {
                assert!(l.has(&id), "{lang}: `{id}` not loaded");
                let text = l.f(&id, &[("n", Arg::Number(2.0))]);
                assert!(!text.trim().is_empty(), "{lang}: `{id}` is empty");
            }
        }
    }

    #[test]
    fn german_differs_from_english_where_words_differ() {
        let en = Labels::new(Lang::En);
        let de = Labels::new(Lang::De);
        assert_eq!(en.t("map-heading"), "Journey map");
        assert_eq!(de.t("map-heading"), "Journey Map");
        assert_eq!(
            en.f("served-by", &[("n", 1usize.into())]),
            "Served by 1 touchpoint"
        );
        assert_eq!(
            en.f("served-by", &[("n", 3usize.into())]),
            "Served by 3 touchpoints"
        );
        assert_eq!(
            de.f("served-by", &[("n", 1usize.into())]),
            "Bedient von 1 Touchpoint"
        );
        assert_eq!(
            de.f("served-by", &[("n", 3usize.into())]),
            "Bedient von 3 Touchpoints"
        );
        assert_eq!(de.decimal(3.45), "3,5");
        assert_eq!(en.decimal(3.45), "3.5");
        assert_eq!(de.decimal(4.0), "4");
        // A missing message shows its id rather than nothing, and is noted.
        assert_eq!(en.t("no-such-message"), "no-such-message");
        assert!(take_missing().contains(&"en:no-such-message".to_string()));
    }

    #[test]
    fn parses_language_codes() {
        assert_eq!(Lang::parse("de"), Some(Lang::De));
        assert_eq!(Lang::parse("DE-at"), Some(Lang::De));
        assert_eq!(Lang::parse("en_GB"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn detects_the_language_of_copy() {
        assert_eq!(
            Lang::detect([
                "Deine erste Kampagne, die sich messen lässt",
                "Wo finde ich Hilfe?"
            ]),
            Some(Lang::De)
        );
        assert_eq!(
            Lang::detect([
                "Your first measurable campaign in 14 days",
                "Where do I find help?"
            ]),
            Some(Lang::En)
        );
        assert_eq!(Lang::detect([]), None);
    }

    #[test]
    fn column_headers_read_back_in_either_language() {
        let cols = ["journey", "phase_id", "copy"];
        for lang in Lang::ALL {
            for c in cols {
                let h = column_header(lang, c);
                assert_eq!(column_from_header(&h, &cols), Some(c), "{lang}: {h}");
                assert_eq!(
                    column_from_header(&format!("  {}  ", h.to_uppercase()), &cols),
                    Some(c)
                );
            }
        }
        assert_eq!(column_header(Lang::En, "phase_id"), "phase_id");
        assert_ne!(column_header(Lang::De, "phase_id"), "phase_id");
        assert_eq!(column_from_header("nonsense", &cols), None);
    }
}
