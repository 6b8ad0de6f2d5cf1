//! The settings of the messaging lints in journey.toml:
//!
//! ```toml
//! [messaging]
//! register = "du"            # German form of address: "du" or "sie"
//!                            # (default: what each journey mostly uses)
//! similarity = 0.7           # duplicate-core-message threshold, 0 < x ≤ 1
//!
//! [messaging.copy_limits]    # characters per channel; 0 = no limit
//! sms = 160                  # (an SMS with emoji holds 70)
//! social = 280
//!
//! [messaging.journeys.b2b]   # per journey …
//! register = "sie"
//!
//! [messaging.personas.lena]  # … and per persona (its touchpoints)
//! register = "du"
//!
//! [vocabulary]
//! brand = "Gipfelglück"      # or a list of brand names
//! avoid = ["Schnäppchen"]    # words never to use
//! variants = [["Rad", "Fahrrad"]]   # one term, several words: use one
//!
//! [vocabulary.prefer]        # the preferred term = what to use instead of
//! Kunde = ["Klient", "Klientin"]
//! "sign up" = "register"
//! ```
//!
//! journey.toml hands these sections over as spanned tables; every
//! problem is reported at its key or value (J0601, J0603).

use crate::config::{
    Config, ConfigProblem, RawEntry, RawKind, RawTable, RawValue, INVALID_CONFIG,
    UNKNOWN_CONFIG_KEY,
};
use crate::incremental::whole::NameTable;
use crate::model::DefKind;
use journey_diagnostics::Span;
use journey_syntax::schema::CHANNELS;
use journey_text::register::Register;
use std::collections::HashMap;

/// A setting and where journey.toml gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    pub value: T,
    pub span: Span,
}

/// One `prefer` rule: use `term`, not any of `instead_of`.
#[derive(Debug, Clone, PartialEq)]
pub struct Preference {
    pub term: String,
    pub instead_of: Vec<String>,
}

/// Everything `[messaging]` and `[vocabulary]` configure.
#[derive(Debug, Clone, PartialEq)]
pub struct MessagingConfig {
    pub register: Option<Located<Register>>,
    pub journey_register: HashMap<String, Located<Register>>,
    pub persona_register: HashMap<String, Located<Register>>,
    /// Threshold of duplicate-core-message (word-shingle similarity).
    pub similarity: f64,
    /// Characters per channel, from journey.toml; see [`Self::copy_limit`].
    pub copy_limits: HashMap<String, usize>,
    pub brands: Vec<String>,
    pub avoid: Vec<String>,
    pub prefer: Vec<Preference>,
    pub variants: Vec<Vec<String>>,
    /// The journeys and personas `[messaging.journeys]` and
    /// `[messaging.personas]` name, at their keys: the model checks them
    /// ([`Self::unknown_ids`]), the rest is read once at load.
    pub named: Vec<(DefKind, Located<String>)>,
}

/// The default similarity above which two core messages are duplicates.
pub const DEFAULT_SIMILARITY: f64 = 0.7;

/// Channel limits without configuration. SMS is special: 160 characters,
/// 70 when the text needs Unicode.
pub const DEFAULT_LIMITS: &[(&str, usize)] = &[
    ("social", 280),
    ("ads", 90),
    ("search", 90),
    ("outdoor", 60),
];

impl Default for MessagingConfig {
    fn default() -> Self {
        MessagingConfig {
            register: None,
            journey_register: HashMap::new(),
            persona_register: HashMap::new(),
            similarity: DEFAULT_SIMILARITY,
            copy_limits: HashMap::new(),
            brands: Vec::new(),
            avoid: Vec::new(),
            prefer: Vec::new(),
            variants: Vec::new(),
            named: Vec::new(),
        }
    }
}

impl MessagingConfig {
    /// How many characters `channel` allows for `text`, if it has a limit.
    pub fn copy_limit(&self, channel: &str, text: &str) -> Option<usize> {
        let limit = match self.copy_limits.get(channel) {
            Some(&n) => n,
            None if channel == "sms" => journey_text::length::sms_limit(text),
            None => DEFAULT_LIMITS
                .iter()
                .find(|(c, _)| *c == channel)
                .map(|(_, n)| *n)?,
        };
        (limit > 0).then_some(limit)
    }

    /// Reads `[messaging]` and `[vocabulary]` of `config` — once, when the
    /// configuration is set; what depends on the journeys is left to
    /// [`Self::unknown_ids`]. Problems are recorded without a file: the
    /// workspace turns them into findings in journey.toml's file.
    pub fn read(config: &Config) -> (MessagingConfig, Vec<ConfigProblem>) {
        let mut r = Reader {
            out: MessagingConfig::default(),
            problems: Vec::new(),
        };
        if let Some(v) = config.section("messaging") {
            if let Some(t) = r.table(v, "[messaging]") {
                r.messaging(t);
            }
        }
        if let Some(v) = config.section("vocabulary") {
            if let Some(t) = r.table(v, "[vocabulary]") {
                r.vocabulary(t);
            }
        }
        if let Some(e) = config.raw().get("lints") {
            r.problems.push(
                ConfigProblem::new(&UNKNOWN_CONFIG_KEY, e.key_span, "unknown section `[lints]`")
                    .with_label("not a section of journey.toml")
                    .with_help(
                        "levels of the messaging lints go in `[checks]` like every check's; \
                     their settings go in `[messaging]` and `[vocabulary]`",
                    ),
            );
        }
        (r.out, r.problems)
    }

    /// The ids `[messaging.journeys]` and `[messaging.personas]` give that
    /// name no journey or persona of `model`.
    pub fn unknown_ids(&self, names: &dyn NameTable) -> Vec<ConfigProblem> {
        let mut out = Vec::new();
        for (kind, key) in &self.named {
            if names.is_defined(*kind, &key.value) {
                continue;
            }
            let names = names.names_of_kind(*kind);
            let mut d = ConfigProblem::new(
                &UNKNOWN_CONFIG_KEY,
                key.span,
                format!("no {} is named `{}`", kind.keyword(), key.value),
            )
            .with_label(format!("not {} of this workspace", kind.with_article()));
            if let Some(best) = crate::checks::suggest(&key.value, names.iter().copied()) {
                d = d.with_help(format!("did you mean `{best}`?"));
            }
            out.push(d);
        }
        out
    }
}

struct Reader {
    out: MessagingConfig,
    problems: Vec<ConfigProblem>,
}

impl Reader {
    fn invalid(&mut self, span: Span, msg: String) -> &mut ConfigProblem {
        self.problems
            .push(ConfigProblem::new(&INVALID_CONFIG, span, msg));
        self.problems.last_mut().expect("just pushed")
    }

    fn unknown(&mut self, e: &RawEntry, section: &str, known: &[&str]) {
        let mut d = ConfigProblem::new(
            &UNKNOWN_CONFIG_KEY,
            e.key_span,
            format!("unknown key `{}` in {section}", e.key),
        )
        .with_label("not a setting of the messaging lints");
        match journey_syntax::closest(&e.key, known) {
            Some(best) => {
                d = d.with_help(format!("did you mean `{best}`?")).with_fix(
                    format!("replace with `{best}`"),
                    e.key_span,
                    best,
                )
            }
            None => d = d.with_help(format!("{section} knows: {}", known.join(", "))),
        }
        self.problems.push(d);
    }

    fn table<'v>(&mut self, v: &'v RawValue, what: &str) -> Option<&'v RawTable> {
        match &v.kind {
            RawKind::Table(t) => Some(t),
            _ => {
                let msg = format!("{what} must be a table, found {}", v.described());
                self.invalid(v.span, msg);
                None
            }
        }
    }

    fn string<'v>(&mut self, e: &'v RawEntry) -> Option<&'v str> {
        match e.value.as_str() {
            Some(s) if !s.trim().is_empty() => Some(s),
            Some(_) => {
                let msg = format!("`{}` must not be empty", e.key);
                self.invalid(e.value.span, msg);
                None
            }
            None => {
                let msg = format!(
                    "`{}` must be a string, found {}",
                    e.key,
                    e.value.described()
                );
                self.invalid(e.value.span, msg);
                None
            }
        }
    }

    /// A string or an array of strings.
    fn strings(&mut self, e: &RawEntry) -> Vec<String> {
        match &e.value.kind {
            RawKind::String(s) if !s.trim().is_empty() => vec![s.clone()],
            RawKind::Array(items) => {
                let mut out = Vec::new();
                for item in items {
                    match item.as_str() {
                        Some(s) if !s.trim().is_empty() => out.push(s.to_string()),
                        _ => {
                            let msg = format!(
                                "`{}` must list non-empty strings, found {}",
                                e.key,
                                item.described()
                            );
                            self.invalid(item.span, msg);
                        }
                    }
                }
                out
            }
            _ => {
                let msg = format!(
                    "`{}` must be a string or a list of strings, found {}",
                    e.key,
                    e.value.described()
                );
                self.invalid(e.value.span, msg);
                Vec::new()
            }
        }
    }

    fn register(&mut self, e: &RawEntry) -> Option<Located<Register>> {
        let s = self.string(e)?;
        match Register::parse(s) {
            Some(r) => Some(Located {
                value: r,
                span: e.value.span,
            }),
            None => {
                let msg = format!("`register` must be \"du\" or \"sie\", found \"{s}\"");
                self.invalid(e.value.span, msg).label =
                    "expected \"du\" (informal) or \"sie\" (formal)".to_string();
                None
            }
        }
    }

    fn messaging(&mut self, t: &RawTable) {
        const KNOWN: &[&str] = &[
            "register",
            "similarity",
            "copy_limits",
            "journeys",
            "personas",
        ];
        for e in &t.entries {
            match e.key.as_str() {
                "register" => self.out.register = self.register(e),
                "similarity" => {
                    let v = match e.value.kind {
                        RawKind::Float(f) => Some(f),
                        RawKind::Integer(i) => Some(i as f64),
                        _ => None,
                    };
                    match v {
                        Some(v) if v > 0.0 && v <= 1.0 => self.out.similarity = v,
                        _ => {
                            let msg = format!(
                                "`similarity` must be a number above 0 and at most 1, found {}",
                                raw_text(&e.value)
                            );
                            self.invalid(e.value.span, msg);
                        }
                    }
                }
                "copy_limits" => {
                    if let Some(t) = self.table(&e.value, "`copy_limits`") {
                        self.copy_limits(t);
                    }
                }
                "journeys" | "personas" => {
                    let Some(t) = self.table(&e.value, &format!("`{}`", e.key)) else {
                        continue;
                    };
                    let kind = if e.key == "journeys" {
                        DefKind::Journey
                    } else {
                        DefKind::Persona
                    };
                    self.registers_by_id(t, kind);
                }
                _ => self.unknown(e, "[messaging]", KNOWN),
            }
        }
    }

    fn copy_limits(&mut self, t: &RawTable) {
        let channels: Vec<&str> = CHANNELS.iter().map(|c| c.name).collect();
        for e in &t.entries {
            if !channels.contains(&e.key.as_str()) {
                self.unknown(e, "[messaging.copy_limits]", &channels);
                continue;
            }
            match e.value.as_integer() {
                Some(n) if (0..=100_000).contains(&n) => {
                    self.out.copy_limits.insert(e.key.clone(), n as usize);
                }
                _ => {
                    let msg = format!(
                        "the limit of `{}` must be a number of characters (0 for none), found {}",
                        e.key,
                        raw_text(&e.value)
                    );
                    self.invalid(e.value.span, msg);
                }
            }
        }
    }

    fn registers_by_id(&mut self, t: &RawTable, kind: DefKind) {
        let section = if kind == DefKind::Journey {
            "[messaging.journeys]"
        } else {
            "[messaging.personas]"
        };
        for e in &t.entries {
            self.out.named.push((
                kind,
                Located {
                    value: e.key.clone(),
                    span: e.key_span,
                },
            ));
            let Some(inner) = self.table(&e.value, &format!("`{}`", e.key)) else {
                continue;
            };
            for s in &inner.entries {
                if s.key != "register" {
                    self.unknown(s, section, &["register"]);
                    continue;
                }
                if let Some(r) = self.register(s) {
                    let map = if kind == DefKind::Journey {
                        &mut self.out.journey_register
                    } else {
                        &mut self.out.persona_register
                    };
                    map.insert(e.key.clone(), r);
                }
            }
        }
    }

    fn vocabulary(&mut self, t: &RawTable) {
        const KNOWN: &[&str] = &["brand", "avoid", "prefer", "variants"];
        for e in &t.entries {
            match e.key.as_str() {
                "brand" => self.out.brands = self.strings(e),
                "avoid" => self.out.avoid = self.strings(e),
                "prefer" => {
                    let Some(t) = self.table(&e.value, "`prefer`") else {
                        continue;
                    };
                    for p in &t.entries {
                        if p.key.trim().is_empty() {
                            self.invalid(p.key_span, "a preferred term must not be empty".into());
                            continue;
                        }
                        let instead_of = self.strings(p);
                        if !instead_of.is_empty() {
                            self.out.prefer.push(Preference {
                                term: p.key.clone(),
                                instead_of,
                            });
                        }
                    }
                }
                "variants" => {
                    let Some(groups) = e.value.as_array() else {
                        let msg = format!(
                            "`variants` must be a list of lists of terms, found {}",
                            e.value.described()
                        );
                        self.invalid(e.value.span, msg);
                        continue;
                    };
                    for g in groups {
                        let terms: Option<Vec<String>> = g.as_array().and_then(|items| {
                            items
                                .iter()
                                .map(|i| {
                                    i.as_str()
                                        .filter(|s| !s.trim().is_empty())
                                        .map(str::to_string)
                                })
                                .collect()
                        });
                        match terms {
                            Some(terms) if terms.len() >= 2 => self.out.variants.push(terms),
                            _ => {
                                self.invalid(
                                    g.span,
                                    "each group of `variants` must list two or more terms, \
                                     e.g. [\"E-Mail\", \"Email\"]"
                                        .into(),
                                );
                            }
                        }
                    }
                }
                _ => self.unknown(e, "[vocabulary]", KNOWN),
            }
        }
    }
}

/// A value as a person would recognise it in a message.
fn raw_text(v: &RawValue) -> String {
    match &v.kind {
        RawKind::String(s) => format!("\"{s}\""),
        RawKind::Integer(i) => i.to_string(),
        RawKind::Float(f) => f.to_string(),
        RawKind::Boolean(b) => b.to_string(),
        _ => v.described(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use journey_diagnostics::FileId;

    fn read(toml: &str, journeys: &str) -> (MessagingConfig, Vec<(String, &'static str, String)>) {
        let mut ws = crate::Workspace::new();
        ws.set_file("/t/a.journey".into(), "a.journey".into(), journeys.into());
        let config = Config::parse(toml, None);
        let model = ws.model();
        let (c, mut problems) = MessagingConfig::read(&config);
        problems.extend(c.unknown_ids(&*model));
        // As in a report: in the order of the file.
        problems.sort_by_key(|p| p.span.start);
        let problems = problems
            .into_iter()
            .map(|d| {
                let d = d.diagnostic(FileId(9));
                (toml[d.span().range()].to_string(), d.code, d.message)
            })
            .collect();
        (c, problems)
    }

    const JOURNEYS: &str = "journey shop {\n}\npersona lena {\n}\n";

    #[test]
    fn reads_every_setting() {
        let toml = r#"
[messaging]
register = "du"
similarity = 0.8
[messaging.copy_limits]
sms = 140
print = 0
[messaging.journeys.shop]
register = "Sie"
[messaging.personas.lena]
register = "du"
[vocabulary]
brand = "Gipfelglück"
avoid = ["Schnäppchen", "billig"]
variants = [["Rad", "Fahrrad"]]
[vocabulary.prefer]
Kunde = ["Klient", "Klientin"]
"sign up" = "register"
"#;
        let (c, problems) = read(toml, JOURNEYS);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            c.register.as_ref().map(|r| r.value),
            Some(Register::Informal)
        );
        assert_eq!(c.similarity, 0.8);
        assert_eq!(c.journey_register["shop"].value, Register::Formal);
        assert_eq!(c.persona_register["lena"].value, Register::Informal);
        assert_eq!(c.copy_limit("sms", "x"), Some(140));
        assert_eq!(c.copy_limit("print", "x"), None);
        assert_eq!(c.copy_limit("social", "x"), Some(280));
        assert_eq!(c.copy_limit("email", "x"), None);
        assert_eq!(c.brands, vec!["Gipfelglück"]);
        assert_eq!(c.avoid, vec!["Schnäppchen", "billig"]);
        assert_eq!(
            c.variants,
            vec![vec!["Rad".to_string(), "Fahrrad".to_string()]]
        );
        assert_eq!(
            c.prefer,
            vec![
                Preference {
                    term: "Kunde".into(),
                    instead_of: vec!["Klient".into(), "Klientin".into()]
                },
                Preference {
                    term: "sign up".into(),
                    instead_of: vec!["register".into()]
                }
            ]
        );
    }

    #[test]
    fn defaults() {
        let (c, problems) = read("", JOURNEYS);
        assert!(problems.is_empty());
        assert_eq!(c, MessagingConfig::default());
        assert_eq!(c.copy_limit("sms", "Hallo"), Some(160));
        assert_eq!(c.copy_limit("sms", "Hallo 🚲"), Some(70));
    }

    #[test]
    fn problems_point_at_keys_and_values() {
        let toml = r#"
[messaging]
registr = "du"
register = "ihr"
similarity = 1.5
[messaging.copy_limits]
smss = 100
sms = "short"
[messaging.journeys.shopp]
register = "sie"
[vocabulary]
brand = 3
variants = [["E-Mail"]]
preferr = {}
[lints]
x = 1
"#;
        let (_, problems) = read(toml, JOURNEYS);
        let at: Vec<(&str, &str)> = problems.iter().map(|(t, c, _)| (t.as_str(), *c)).collect();
        assert_eq!(
            at,
            vec![
                ("registr", "J0603"),
                ("\"ihr\"", "J0601"),
                ("1.5", "J0601"),
                ("smss", "J0603"),
                ("\"short\"", "J0601"),
                ("shopp", "J0603"),
                ("3", "J0601"),
                ("[\"E-Mail\"]", "J0601"),
                ("preferr", "J0603"),
                ("lints", "J0603"),
            ]
        );
        assert!(problems[5].2.contains("no journey is named `shopp`"));
    }

    #[test]
    fn wrong_section_types() {
        let (_, problems) = read("messaging = 3\nvocabulary = \"x\"\n", JOURNEYS);
        let codes: Vec<&str> = problems.iter().map(|p| p.1).collect();
        assert_eq!(codes, vec!["J0601", "J0601"]);
    }
}
