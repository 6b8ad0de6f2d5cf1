//! Claims: prices, percentages, durations and counts that copy states,
//! normalised so that the same claim written differently compares equal
//! (`24h`, `24 Stunden`, `1 day`, `ein Tag`; `9,99 €`, `€9.99`,
//! `9.99 EUR`) and a different one does not (`48 hours`, `12 €`).
//!
//! Each claim has a subject: a known topic (trial, returns, delivery,
//! notice, warranty, response, discount) named by a word in the same
//! clause, or else the content words next to it in its clause. Two claims are about
//! the same thing when their topics are equal or their clauses share a
//! content word; only then can they contradict each other.

use crate::content::related;
use crate::lang::{detect_language, Lang};
use crate::number::{format_value, is_article_one, number_word, parse_number};
use crate::stem::{fold, stem, stem_german};
use crate::stop::is_stop_word;
use crate::token::{tokenize, Token, TokenKind};
use crate::words::{TextWords, Word};
use std::ops::Range;

/// What is measured, with the unit it was normalised to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Measure {
    /// An amount of money in `currency` (ISO code), per `period`.
    Price {
        currency: &'static str,
        period: Period,
    },
    Percentage,
    Duration(DurationUnit),
    /// A number of things, named by the stem of the word after it.
    Count {
        unit: String,
    },
}

/// How often a price is paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    Once,
    Day,
    Week,
    Month,
    Year,
}

impl Period {
    fn months(self) -> Option<f64> {
        match self {
            Period::Month => Some(1.0),
            Period::Year => Some(12.0),
            _ => None,
        }
    }
}

/// The dimension a duration was normalised to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DurationUnit {
    /// Minutes, hours, days and weeks, in hours.
    Hours,
    /// Months and years, in months.
    Months,
    /// Business days (Werktage), which do not convert to hours.
    BusinessDays,
}

/// Hours in an average month, for comparing "30 Tage" with "1 Monat".
const HOURS_PER_MONTH: f64 = 730.5;

/// How the value is bounded: "ab 9 €", "bis zu 50 %", "über 40 Filialen".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Qualifier {
    Exact,
    /// `ab`, `from`, `at least`, `oder mehr`, `500+`.
    AtLeast,
    /// `über`, `over`, `more than`, `mehr als`.
    Over,
    /// `bis zu`, `up to`, `max.`, `höchstens`.
    AtMost,
    /// `unter`, `under`, `less than`, `weniger als`.
    Under,
    /// A surcharge or addition (`10 € mehr`, `zusätzlich 5 €`): not a
    /// claim about the thing itself, never compared.
    Extra,
}

/// A known subject of claims, recognised by words in the same clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TopicDef {
    pub key: &'static str,
    /// Folded word starts; `=word` must match the whole word.
    words: &'static [&'static str],
    /// Folded word starts that look like the topic but are not.
    not: &'static [&'static str],
    /// Words that name the topic only for durations ("in 24h an deiner
    /// Tür" is a delivery time; "€24 … to your door" is no shipping price).
    for_durations: &'static [&'static str],
}

pub const TOPICS: &[TopicDef] = &[
    TopicDef {
        key: "trial",
        words: &[
            "trial",
            "=try",
            "=tries",
            "trying",
            "test",
            "probe",
            "probier",
            "kennenlern",
        ],
        not: &[
            "testsieg",
            "testbericht",
            "testimonial",
            "testurteil",
            "testergebnis",
        ],
        for_durations: &[],
    },
    TopicDef {
        key: "return",
        words: &[
            "return",
            "refund",
            "ruckgab",
            "rucksend",
            "zuruck",
            "umtausch",
            "retour",
            "widerruf",
            "ruckerstatt",
            "erstatt",
        ],
        not: &[],
        for_durations: &[],
    },
    TopicDef {
        key: "delivery",
        words: &[
            "deliver",
            "shipping",
            "=ship",
            "=ships",
            "=shipped",
            "shipment",
            "dispatch",
            "=arrive",
            "=arrives",
            "arrival",
            "liefer",
            "versand",
            "versend",
            "verschick",
            "zustell",
            "ankunft",
        ],
        not: &[],
        for_durations: &["=tur", "haustur", "wohnungstur", "=door", "doorstep"],
    },
    TopicDef {
        key: "notice",
        words: &[
            "cancel", "=notice", "terminat", "kundig", "kundbar", "storn",
        ],
        not: &[],
        for_durations: &[],
    },
    TopicDef {
        key: "warranty",
        words: &["warrant", "guarantee", "garantie", "gewahrleist"],
        not: &[],
        for_durations: &[],
    },
    TopicDef {
        key: "response",
        words: &[
            "respon", "=reply", "=replies", "answer", "callback", "antwort", "ruckmeld", "ruckruf",
            "reaktion",
        ],
        not: &[],
        for_durations: &[],
    },
    TopicDef {
        key: "discount",
        words: &[
            "discount", "=off", "=save", "saving", "=sale", "rabatt", "=spar", "sparen",
            "nachlass", "reduzier",
        ],
        not: &[],
        for_durations: &[],
    },
];

impl TopicDef {
    fn matches(&self, folded: &str, duration: bool) -> bool {
        if self.not.iter().any(|n| folded.starts_with(n)) {
            return false;
        }
        let extra: &[&str] = if duration { self.for_durations } else { &[] };
        self.words
            .iter()
            .chain(extra)
            .any(|w| match w.strip_prefix('=') {
                Some(exact) => folded == exact,
                None => folded.starts_with(w) || (w.len() >= 5 && folded.contains(w)),
            })
    }
}

/// What a claim is about.
#[derive(Debug, Clone, PartialEq)]
pub enum Topic {
    Known(&'static TopicDef),
    /// The stems of the content words next to the claim in its clause.
    Clause(Vec<String>),
}

/// One claim found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub measure: Measure,
    /// The normalised value: an amount, a percentage, hours, months,
    /// business days or a count.
    pub value: f64,
    pub qualifier: Qualifier,
    /// The lower end of a range ("2–3 Werktage", "2 bis 3 Tage"), in the
    /// unit of `value`, which is the upper end.
    pub lower: Option<f64>,
    pub topic: Topic,
    /// The words of the claim in the text: the number with its unit or
    /// currency (`24 Stunden`, `€24`, `9,99 €`) and a range's lower end;
    /// not the qualifier, and not a price's period (`im Monat`), which
    /// [`Claim::canonical`] states.
    pub range: Range<usize>,
    /// The claim as written for messages: `range` and a price's period
    /// (`9,99 € im Monat`).
    pub phrase: Range<usize>,
}

impl Claim {
    /// What kind of claim this is, for messages: "trial length",
    /// "return period", "price", "discount" …
    pub fn describe(&self) -> String {
        let topic = match &self.topic {
            Topic::Known(t) => Some(t.key),
            Topic::Clause(_) => None,
        };
        match (&self.measure, topic) {
            (Measure::Duration(_), Some("trial")) => "trial length".into(),
            (Measure::Duration(_), Some("return")) => "return period".into(),
            (Measure::Duration(_), Some("delivery")) => "delivery time".into(),
            (Measure::Duration(_), Some("notice")) => "notice period".into(),
            (Measure::Duration(_), Some("warranty")) => "warranty period".into(),
            (Measure::Duration(_), Some("response")) => "response time".into(),
            (Measure::Duration(_), _) => "duration".into(),
            (Measure::Price { .. }, Some("delivery"))
                if matches!(self.qualifier, Qualifier::AtLeast | Qualifier::Over) =>
            {
                "shipping threshold".into()
            }
            (Measure::Price { .. }, Some("delivery")) => "shipping price".into(),
            (Measure::Price { .. }, Some("trial")) => "trial price".into(),
            (Measure::Price { .. }, Some("discount")) => "discount".into(),
            (Measure::Price { .. }, _) => "price".into(),
            (Measure::Percentage, Some("discount")) => "discount".into(),
            (Measure::Percentage, _) => "percentage".into(),
            (Measure::Count { .. }, _) => "count".into(),
        }
    }

    /// The value in a canonical spelling, for messages: `24 h`,
    /// `9.99 EUR/month`, `20 %`.
    pub fn canonical(&self) -> String {
        let v = format_value(self.value);
        match &self.measure {
            Measure::Price { currency, period } => {
                let per = match period {
                    Period::Once => "",
                    Period::Day => "/day",
                    Period::Week => "/week",
                    Period::Month => "/month",
                    Period::Year => "/year",
                };
                format!(
                    "{} {currency}{per}",
                    format_value((self.value * 100.0).round() / 100.0)
                )
            }
            Measure::Percentage => format!("{v} %"),
            Measure::Duration(DurationUnit::Hours) => format!("{v} h"),
            Measure::Duration(DurationUnit::Months) => format!("{v} months"),
            Measure::Duration(DurationUnit::BusinessDays) => format!("{v} business days"),
            Measure::Count { unit } => format!("{v} × {unit}"),
        }
    }

    /// True when both claims are about the same thing, so that their
    /// values must agree.
    pub fn same_subject(&self, other: &Claim) -> bool {
        if !self.comparable_measure(other) {
            return false;
        }
        if matches!(self.measure, Measure::Count { .. }) {
            // The counted thing is the subject; when both name more words,
            // they must share one, unless a bound ("über 40 Filialen")
            // makes it a statement about the thing itself.
            let bounded = |c: &Claim| c.qualifier != Qualifier::Exact;
            let shared = match (&self.topic, &other.topic) {
                (Topic::Clause(a), Topic::Clause(b)) => {
                    a.is_empty()
                        || b.is_empty()
                        || a.iter().any(|x| b.iter().any(|y| related(x, y)))
                }
                (Topic::Known(a), Topic::Known(b)) => a.key == b.key,
                _ => false,
            };
            return shared || bounded(self) || bounded(other);
        }
        match (&self.topic, &other.topic) {
            (Topic::Known(a), Topic::Known(b)) => a.key == b.key,
            (Topic::Clause(a), Topic::Clause(b)) => {
                a.iter().any(|x| b.iter().any(|y| related(x, y)))
                    // A bare recurring price ("for €24 per month") is the
                    // price of the offer itself.
                    || (self.is_recurring_price() && (a.is_empty() || b.is_empty()))
            }
            _ => false,
        }
    }

    fn is_recurring_price(&self) -> bool {
        matches!(self.measure, Measure::Price { period, .. } if period != Period::Once)
    }

    fn comparable_measure(&self, other: &Claim) -> bool {
        match (&self.measure, &other.measure) {
            (
                Measure::Price {
                    currency: c1,
                    period: p1,
                },
                Measure::Price {
                    currency: c2,
                    period: p2,
                },
            ) => c1 == c2 && (p1 == p2 || (p1.months().is_some() && p2.months().is_some())),
            (Measure::Percentage, Measure::Percentage) => true,
            (Measure::Duration(a), Measure::Duration(b)) => {
                a == b
                    || !matches!(
                        (a, b),
                        (DurationUnit::BusinessDays, _) | (_, DurationUnit::BusinessDays)
                    )
            }
            (Measure::Count { unit: a }, Measure::Count { unit: b }) => a == b,
            _ => false,
        }
    }

    /// The factors that bring both values into one unit (prices per
    /// month, durations in hours), and the tolerance of the comparison:
    /// durations across hours and months compare with 10 %.
    fn common_scale(&self, other: &Claim) -> (f64, f64, f64) {
        match (&self.measure, &other.measure) {
            (Measure::Price { period: p1, .. }, Measure::Price { period: p2, .. }) if p1 != p2 => {
                let (m1, m2) = (p1.months().unwrap_or(1.0), p2.months().unwrap_or(1.0));
                (1.0 / m1, 1.0 / m2, 0.005)
            }
            (Measure::Duration(a), Measure::Duration(b)) if a != b => {
                let factor = |u: &DurationUnit| match u {
                    DurationUnit::Months => HOURS_PER_MONTH,
                    _ => 1.0,
                };
                let (ka, kb) = (factor(a), factor(b));
                (ka, kb, 0.1 * (self.value * ka).max(other.value * kb))
            }
            _ => (1.0, 1.0, 1e-9),
        }
    }

    /// Everything [`Claim::contradicts`] reads of a claim: its measure,
    /// value, bounds, qualifier and topic — not where it stands in its text.
    /// Claims with equal keys contradict exactly the same claims, so a
    /// journey's claims need to be compared once per distinct key, not once
    /// per occurrence.
    pub fn comparison_key(&self) -> ComparisonKey {
        ComparisonKey {
            measure: self.measure.clone(),
            value: self.value.to_bits(),
            lower: self.lower.map(f64::to_bits),
            qualifier: self.qualifier,
            topic: match &self.topic {
                Topic::Known(t) => TopicKey::Known(t.key),
                Topic::Clause(words) => TopicKey::Clause(words.clone()),
            },
        }
    }

    /// True when the two claims are about the same thing and cannot both
    /// be true: "24 h" and "48 hours", "ab 9 €" and "7 €". Two bounds of
    /// the same kind ("bis zu 30 %" and "bis zu 50 %") also contradict.
    pub fn contradicts(&self, other: &Claim) -> bool {
        if self.qualifier == Qualifier::Extra || other.qualifier == Qualifier::Extra {
            return false;
        }
        if !self.same_subject(other) {
            return false;
        }
        let (ka, kb, eps) = self.common_scale(other);
        let (a, b) = (self.value * ka, other.value * kb);
        if self.lower.is_some() || other.lower.is_some() {
            // A range admits every value between its ends.
            let span = |c: &Claim, k: f64, v: f64| match (c.lower, c.qualifier) {
                (Some(lo), _) => (lo * k - eps, v + eps),
                (None, q) => interval(q, v, eps),
            };
            let (lo_a, hi_a) = span(self, ka, a);
            let (lo_b, hi_b) = span(other, kb, b);
            return lo_a > hi_b || lo_b > hi_a;
        }
        let shipping_threshold = |c: &Claim| {
            matches!(c.measure, Measure::Price { .. })
                && matches!(&c.topic, Topic::Known(t) if t.key == "delivery")
        };
        let (qa, qb) = if shipping_threshold(self) && shipping_threshold(other) {
            // "kostenlos ab 50 €": the amount is a threshold, compared as is.
            (Qualifier::Exact, Qualifier::Exact)
        } else {
            (self.qualifier, other.qualifier)
        };
        if qa == qb {
            return (a - b).abs() > eps;
        }
        let (lo_a, hi_a) = interval(qa, a, eps);
        let (lo_b, hi_b) = interval(qb, b, eps);
        lo_a > hi_b || lo_b > hi_a
    }
}

/// What two claims must share to compare alike ([`Claim::comparison_key`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ComparisonKey {
    measure: Measure,
    value: u64,
    lower: Option<u64>,
    qualifier: Qualifier,
    /// A known topic's key, or the stems of the clause.
    topic: TopicKey,
}

/// A claim's topic as compared: a known topic by its key, or the stems of
/// its clause.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum TopicKey {
    Known(&'static str),
    Clause(Vec<String>),
}

/// The values a qualified claim admits, as a closed interval (strict
/// bounds nudged by `eps`).
fn interval(q: Qualifier, v: f64, eps: f64) -> (f64, f64) {
    let nudge = 2.0 * eps + 1e-9;
    match q {
        Qualifier::Exact | Qualifier::Extra => (v - eps, v + eps),
        Qualifier::AtLeast => (v - eps, f64::INFINITY),
        Qualifier::Over => (v + nudge, f64::INFINITY),
        Qualifier::AtMost => (f64::NEG_INFINITY, v + eps),
        Qualifier::Under => (f64::NEG_INFINITY, v - nudge),
    }
}

// ---- recognising units ---------------------------------------------------

fn currency_symbol(t: &Token) -> Option<&'static str> {
    if t.kind != TokenKind::Symbol {
        return None;
    }
    match t.text {
        "€" => Some("EUR"),
        "$" => Some("USD"),
        "£" => Some("GBP"),
        _ => None,
    }
}

fn currency_word(t: &Token) -> Option<&'static str> {
    if t.kind != TokenKind::Word {
        return None;
    }
    match t.text {
        "EUR" | "Euro" | "Euros" | "euro" | "euros" => Some("EUR"),
        "USD" | "Dollar" | "dollar" | "dollars" | "Dollars" => Some("USD"),
        "GBP" | "pounds" | "Pfund" => Some("GBP"),
        "CHF" | "Franken" => Some("CHF"),
        _ => None,
    }
}

/// A currency before an amount: `€`, `$`, `EUR`, `CHF` (not `Euro`).
fn currency_before(t: &Token) -> Option<&'static str> {
    currency_symbol(t).or_else(|| match t.text {
        "EUR" | "USD" | "GBP" | "CHF" => currency_word(t),
        _ => None,
    })
}

/// A duration unit: the unit, and how many of the normalised unit one
/// of it is.
fn duration_unit(word: &str) -> Option<(DurationUnit, f64)> {
    let lower = crate::stem::lower(word);
    let h = DurationUnit::Hours;
    let m = DurationUnit::Months;
    Some(match lower.as_ref() {
        "min" | "mins" | "minute" | "minutes" | "minuten" | "minütig" | "minütige" => {
            (h, 1.0 / 60.0)
        }
        "h" | "hr" | "hrs" | "hour" | "hours" | "std" | "stunde" | "stunden" | "stündig"
        | "stündige" | "stündigen" => (h, 1.0),
        "day" | "days" | "tag" | "tage" | "tagen" | "tages" | "tägig" | "tägige" | "tägigen"
        | "tägiger" => (h, 24.0),
        "week" | "weeks" | "woche" | "wochen" | "wöchig" | "wöchige" | "wöchigen" => (h, 168.0),
        "month" | "months" | "monat" | "monate" | "monaten" | "monats" | "monatig" | "monatige"
        | "monatigen" => (m, 1.0),
        "year" | "years" | "jahr" | "jahre" | "jahren" | "jahres" | "jährig" | "jährige"
        | "jährigen" => (m, 12.0),
        "werktag" | "werktage" | "werktagen" | "arbeitstag" | "arbeitstage" | "arbeitstagen" => {
            (DurationUnit::BusinessDays, 1.0)
        }
        _ => return None,
    })
}

fn period_word(word: &str) -> Option<Period> {
    Some(match crate::stem::lower(word).as_ref() {
        "day" | "tag" | "d" => Period::Day,
        "week" | "woche" | "wk" => Period::Week,
        "month" | "monat" | "mo" | "mon" | "monatlich" => Period::Month,
        "year" | "jahr" | "yr" | "jährlich" => Period::Year,
        _ => return None,
    })
}

fn period_adverb(word: &str) -> Option<Period> {
    Some(match crate::stem::lower(word).as_ref() {
        "daily" | "täglich" => Period::Day,
        "weekly" | "wöchentlich" => Period::Week,
        "monthly" | "monatlich" | "mtl" => Period::Month,
        "yearly" | "annually" | "jährlich" => Period::Year,
        _ => return None,
    })
}

/// Words after a number that make it no count: clock times, multipliers.
const NOT_COUNT_UNITS: &[&str] = &[
    "uhr", "am", "pm", "x", "mal", "times", "of", "von", "aus", "bis", "to", "und", "and", "oder",
    "or",
];

/// Adjectives skipped when looking for the noun a number counts (English).
const COUNT_ADJECTIVES: &[&str] = &[
    "happy",
    "satisfied",
    "new",
    "great",
    "different",
    "other",
    "extra",
    "free",
    "local",
    "zufriedene",
    "neue",
    "glückliche",
    "verschiedene",
    "weitere",
    "eigene",
    "lokale",
];

fn lower<'t>(t: &Token<'t>) -> std::borrow::Cow<'t, str> {
    crate::stem::lower(t.text)
}

/// `t` in lower case is `word` (no allocation).
fn lower_is(t: &Token, word: &str) -> bool {
    t.text.chars().flat_map(char::to_lowercase).eq(word.chars())
}

fn word_is(t: Option<&Token>, words: &[&str]) -> bool {
    t.is_some_and(|t| t.kind == TokenKind::Word && words.iter().any(|w| lower_is(t, w)))
}

// ---- extraction ----------------------------------------------------------

/// Clause numbers for each token: sentence punctuation, commas, colons,
/// dashes between spaces and line breaks end a clause.
fn clauses(tokens: &[Token]) -> Vec<usize> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut n = 0;
    for (i, t) in tokens.iter().enumerate() {
        if t.break_before && i > 0 {
            n += 1;
        }
        let boundary = t.kind == TokenKind::Symbol
            && match t.text {
                "." | "!" | "?" | ";" | ":" | "…" | "," | "(" | ")" | "•" => true,
                // A dash between words ("Rad – immer") ends a clause; one
                // inside a range ("2–3 Tage") does not.
                "-" | "–" | "—" => t.space_before,
                _ => false,
            };
        if boundary {
            n += 1;
        }
        out.push(n);
    }
    out
}

/// Every claim has a digit, or a number word before a unit of time;
/// texts with neither are not read word by word.
fn may_claim(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit()) || names_time(&crate::stem::lower(text))
}

/// `lower` (lower case) holds the start of a unit of time.
pub(crate) fn names_time(lower: &str) -> bool {
    const UNITS: &[&str] = &[
        "min", "hour", "hr", "std", "stund", "stünd", "day", "tag", "täg", "week", "woche", "wöch",
        "month", "monat", "year", "jahr", "jähr",
    ];
    UNITS.iter().any(|u| lower.contains(u))
}

/// Every claim in `text`.
pub fn extract_claims(text: &str) -> Vec<Claim> {
    extract_claims_with(text, None)
}

/// Every claim in `text`; `fallback` is the language assumed when the
/// text itself is too short to tell (the language of the journey).
pub fn extract_claims_with(text: &str, fallback: Option<Lang>) -> Vec<Claim> {
    extract_claims_in(text, detect_language(text).or(fallback))
}

/// Every claim in `text`, read as `lang` (already known to the caller).
pub fn extract_claims_in(text: &str, lang: Option<Lang>) -> Vec<Claim> {
    if !may_claim(text) {
        return Vec::new();
    }
    claims_in_tokens(&tokenize(text), None, lang)
}

/// [`extract_claims_in`] of a text read by a [`crate::words::Lexicon`].
pub fn claims_of(words: &TextWords, text: &str, lang: Option<Lang>) -> Vec<Claim> {
    // Letters only stand in words: a unit of time is inside one.
    let may = text.bytes().any(|b| b.is_ascii_digit()) || words.words().any(Word::names_time);
    if !may {
        return Vec::new();
    }
    claims_in_tokens(&words.tokens_in(text), Some(words), lang)
}

/// The claims of a tokenised text; `words`, when the text was read by a
/// lexicon, knows each word's folded form, stem and topic already.
fn claims_in_tokens(tokens: &[Token], words: Option<&TextWords>, lang: Option<Lang>) -> Vec<Claim> {
    let clause = clauses(tokens);
    let mut claims = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match claim_at(tokens, i, lang) {
            Some(found) => {
                let next = found.end_token;
                claims.push(finish(tokens, words, &clause, found, lang));
                i = next;
            }
            None => i += 1,
        }
    }
    claims
}

/// A claim as first recognised, before its qualifier and topic.
struct Found {
    measure: Measure,
    value: f64,
    /// First and one-past-last token of the claim.
    start_token: usize,
    end_token: usize,
    /// Index of the number token (for the qualifier).
    number_token: usize,
    /// Tokens of the claim that are words of the unit or period, so they
    /// are not taken for the claim's subject.
    unit_tokens: Vec<usize>,
    /// A `+` right after the number (`500+`).
    plus_after: bool,
    /// Where the claim ends when its unit is the first part of a
    /// hyphenated word (`30-Tage-Rückgaberecht` → `30-Tage`).
    end_byte: Option<usize>,
}

fn number_at(tokens: &[Token], i: usize) -> Option<f64> {
    let t = tokens.get(i)?;
    (t.kind == TokenKind::Number)
        .then(|| parse_number(t.text))
        .flatten()
}

/// After a number: `,-` or `,–` as in `9,-`.
fn skip_dash_cents(tokens: &[Token], j: usize) -> usize {
    if tokens
        .get(j)
        .is_some_and(|t| t.is_symbol(',') && !t.space_before)
        && tokens
            .get(j + 1)
            .is_some_and(|t| (t.is_symbol('-') || t.is_symbol('–')) && !t.space_before)
    {
        j + 2
    } else {
        j
    }
}

/// The claim starting at token `i`, if one does: a price with its
/// currency first (`€ 9,99`), a duration in words (`drei Tage`), or a
/// number with what follows it.
fn claim_at(tokens: &[Token], i: usize, lang: Option<Lang>) -> Option<Found> {
    let t = tokens[i];
    // Currency first: "€ 9,99", "EUR 9.99".
    if let Some(currency) = currency_before(&t) {
        let value = number_at(tokens, i + 1)?;
        let j = skip_dash_cents(tokens, i + 2);
        return Some(price(tokens, i, i + 1, j, value, currency));
    }
    if t.kind == TokenKind::Word {
        return worded_duration(tokens, i);
    }
    numeric_claim(tokens, i, lang)
}

/// "drei Tage", "a day", "ein Monat": a number word or article and a unit
/// of time.
fn worded_duration(tokens: &[Token], i: usize) -> Option<Found> {
    let t = tokens[i];
    // Number words and articles are short; longer words are skipped
    // without lower-casing them.
    if t.text.len() > 9 {
        return None;
    }
    let lower = lower(&t);
    let value = number_word(&lower).or_else(|| is_article_one(&lower).then_some(1.0))?;
    let unit_tok = tokens.get(i + 1)?;
    if unit_tok.kind != TokenKind::Word {
        return None;
    }
    let (first_part_range, first_part) = unit_tok.parts().next()?;
    let (unit, factor) = duration_unit(first_part)?;
    let whole_unit = first_part_range.end == unit_tok.end();
    Some(Found {
        measure: Measure::Duration(unit),
        value: value * factor,
        start_token: i,
        end_token: i + 2,
        number_token: i,
        unit_tokens: if whole_unit { vec![i + 1] } else { Vec::new() },
        plus_after: false,
        end_byte: (!whole_unit).then_some(first_part_range.end),
    })
}

/// A number at token `i` and what it measures: a price, a percentage, a
/// duration or a count; none for rankings, times and "24/7".
fn numeric_claim(tokens: &[Token], i: usize, lang: Option<Lang>) -> Option<Found> {
    let t = tokens[i];
    let value = number_at(tokens, i)?;
    // Rankings are no counts: "#1", "Nr. 1", "No. 1"; the second half of
    // "24/7" or "10:30" is no number of its own.
    if i > 0
        && !t.space_before
        && (tokens[i - 1].is_symbol('#')
            || tokens[i - 1].is_symbol('/')
            || tokens[i - 1].is_symbol(':'))
    {
        return None;
    }
    let mut j = skip_dash_cents(tokens, i + 1);
    let plus_after = tokens
        .get(j)
        .is_some_and(|t| t.is_symbol('+') && !t.space_before);
    if plus_after {
        j += 1;
    }
    let next = tokens.get(j)?;
    // "24/7" and "10:30" are neither durations nor counts.
    if (next.is_symbol('/') || next.is_symbol(':'))
        && tokens
            .get(j + 1)
            .is_some_and(|t| t.kind == TokenKind::Number)
    {
        return None;
    }
    if let Some(currency) = currency_symbol(next).or_else(|| currency_word(next)) {
        let mut f = price(tokens, i, i, j + 1, value, currency);
        f.plus_after = plus_after;
        return Some(f);
    }
    if let Some(found) = percentage(tokens, i, j, value, plus_after) {
        return Some(found);
    }
    unit_claim(tokens, i, j, value, lang, plus_after)
}

/// `5 %`, `5 Prozent`, `5 per cent`, with the unit at token `j`.
fn percentage(tokens: &[Token], i: usize, j: usize, value: f64, plus_after: bool) -> Option<Found> {
    let next = tokens.get(j)?;
    if next.is_symbol('%') || word_is(Some(next), &["prozent", "percent", "pct"]) {
        return Some(Found {
            measure: Measure::Percentage,
            value,
            start_token: i,
            end_token: j + 1,
            number_token: i,
            unit_tokens: vec![j],
            plus_after,
            end_byte: None,
        });
    }
    if word_is(Some(next), &["per"]) && word_is(tokens.get(j + 1), &["cent"]) {
        return Some(Found {
            measure: Measure::Percentage,
            value,
            start_token: i,
            end_token: j + 2,
            number_token: i,
            unit_tokens: vec![j, j + 1],
            plus_after,
            end_byte: None,
        });
    }
    None
}

/// The number at token `i` followed by the word at `j` (or after a hyphen,
/// "48-hour"): a duration if the word is a unit of time, else a count.
fn unit_claim(
    tokens: &[Token],
    i: usize,
    j: usize,
    value: f64,
    lang: Option<Lang>,
    plus_after: bool,
) -> Option<Found> {
    let next = tokens.get(j)?;
    // "48-hour", "24-Stunden-Lieferung": a hyphen without spaces.
    let (unit_index, hyphenated) = if next.is_symbol('-')
        && !next.space_before
        && tokens.get(j + 1).is_some_and(|t| !t.space_before)
    {
        (j + 1, true)
    } else {
        (j, false)
    };
    let unit_tok = tokens.get(unit_index)?;
    if unit_tok.kind != TokenKind::Word {
        return None;
    }
    // A word is at least its own part; should one have none, it is no
    // unit and no counted noun either.
    unit_tok.parts().next()?;
    if let Some(found) = duration(tokens, i, unit_index, value, plus_after) {
        return Some(found);
    }
    if hyphenated {
        return None;
    }
    count(tokens, i, j, value, lang, plus_after)
}

/// A duration whose unit is the word at `unit_index` (or its first part,
/// "30-Tage-Rückgaberecht"): hours, days, "Std.", business days.
fn duration(
    tokens: &[Token],
    i: usize,
    unit_index: usize,
    value: f64,
    plus_after: bool,
) -> Option<Found> {
    let unit_tok = tokens.get(unit_index)?;
    let (part_range, first_part) = unit_tok.parts().next()?;
    let whole_unit = part_range.end == unit_tok.end();
    // "Std." is a unit with its dot.
    if let Some((unit, factor)) = duration_unit(first_part) {
        let mut end = unit_index + 1;
        if whole_unit
            && first_part.eq_ignore_ascii_case("std")
            && tokens
                .get(end)
                .is_some_and(|t| t.is_symbol('.') && !t.space_before)
        {
            end += 1;
        }
        // "2 Werktage" vs "2 business days".
        let (unit, factor, end) = if word_is(Some(unit_tok), &["business", "working"])
            && tokens
                .get(end)
                .is_some_and(|t| matches!(lower(t).as_ref(), "day" | "days"))
        {
            (DurationUnit::BusinessDays, 1.0, end + 1)
        } else {
            (unit, factor, end)
        };
        return Some(Found {
            measure: Measure::Duration(unit),
            value: value * factor,
            start_token: i,
            end_token: end,
            number_token: i,
            unit_tokens: if whole_unit {
                vec![unit_index]
            } else {
                Vec::new()
            },
            plus_after,
            end_byte: (!whole_unit).then_some(part_range.end),
        });
    }
    if word_is(Some(unit_tok), &["business", "working"])
        && word_is(tokens.get(unit_index + 1), &["day", "days"])
    {
        return Some(Found {
            measure: Measure::Duration(DurationUnit::BusinessDays),
            value,
            start_token: i,
            end_token: unit_index + 2,
            number_token: i,
            unit_tokens: vec![unit_index, unit_index + 1],
            plus_after,
            end_byte: None,
        });
    }
    None
}

fn price(
    tokens: &[Token],
    start: usize,
    number: usize,
    mut end: usize,
    value: f64,
    currency: &'static str,
) -> Found {
    let mut unit_tokens: Vec<usize> = (start..end).filter(|&k| k != number).collect();
    // The claim's words are the amount and its currency; the period
    // belongs to the claim's value (and its canonical form) but not to the
    // words it is labelled by, as `24 Stunden` is labelled without `in`.
    let amount_end = tokens[end - 1].end();
    let mut period = Period::Once;
    // "/ Monat", "/mo", "pro Monat", "per month", "a month", "im Monat",
    // "monatlich", "mtl.", "p.a.".
    let t = tokens.get(end);
    let t1 = tokens.get(end + 1);
    if let Some(t) = t {
        let connector = t.is_symbol('/')
            || word_is(
                Some(t),
                &["pro", "per", "a", "an", "im", "je", "each", "every", "in"],
            );
        if connector {
            if let Some(p) = t1.filter(|t| t.is_word()).and_then(|t| period_word(t.text)) {
                period = p;
                unit_tokens.extend([end, end + 1]);
                end += 2;
            }
        } else if let Some(p) = t.is_word().then(|| period_adverb(t.text)).flatten() {
            period = p;
            unit_tokens.push(end);
            end += 1;
            if lower(t) == "mtl"
                && tokens
                    .get(end)
                    .is_some_and(|d| d.is_symbol('.') && !d.space_before)
            {
                end += 1;
            }
        } else if word_is(Some(t), &["p"])
            && t1.is_some_and(|d| d.is_symbol('.'))
            && word_is(tokens.get(end + 2), &["a"])
        {
            period = Period::Year;
            unit_tokens.extend([end, end + 2]);
            end += if tokens
                .get(end + 3)
                .is_some_and(|d| d.is_symbol('.') && !d.space_before)
            {
                4
            } else {
                3
            };
        }
    }
    Found {
        measure: Measure::Price { currency, period },
        value,
        start_token: start,
        end_token: end,
        number_token: number,
        unit_tokens,
        plus_after: false,
        end_byte: Some(amount_end),
    }
}

fn count(
    tokens: &[Token],
    i: usize,
    j: usize,
    value: f64,
    lang: Option<Lang>,
    plus_after: bool,
) -> Option<Found> {
    let raw = tokens[i].text;
    // A year is no count ("seit 1998"), nor is a postal code ("04109
    // Leipzig") or a number with a leading zero.
    if (raw.len() == 4 && (1900.0..=2100.0).contains(&value))
        || (raw.len() == 5 && raw.bytes().all(|b| b.is_ascii_digit()))
        || (raw.len() > 1
            && raw.starts_with('0')
            && !raw.starts_with("0,")
            && !raw.starts_with("0."))
    {
        return None;
    }
    // Ranks: "Nr. 1", "No. 1", "Nummer 1", "number 1".
    if i >= 1 && word_is(tokens.get(i - 1), &["nummer", "number"]) {
        return None;
    }
    if i >= 2 && tokens[i - 1].is_symbol('.') && word_is(tokens.get(i - 2), &["nr", "no"]) {
        return None;
    }
    let mut k = j;
    for _ in 0..2 {
        let t = tokens.get(k)?;
        if t.kind != TokenKind::Word {
            return None;
        }
        let l = lower(t);
        if NOT_COUNT_UNITS.contains(&l.as_ref()) {
            return None;
        }
        if COUNT_ADJECTIVES.contains(&l.as_ref()) {
            k += 1;
            continue;
        }
        if is_stop_word(&l, lang) || l.chars().count() < 2 {
            return None;
        }
        // German nouns are capitalised: "3 neue Touren" skips "neue"
        // above; a lower-case word here is no noun.
        if lang == Some(Lang::De) && !t.text.starts_with(char::is_uppercase) && l != "km" {
            return None;
        }
        let (first_range, first) = t.parts().next()?;
        // German stemming for every unit, so "Filialen" meets "Filiale"
        // whatever language the rest of the text was taken for.
        return Some(Found {
            measure: Measure::Count {
                unit: stem_german(&fold(first), true),
            },
            value,
            start_token: i,
            end_token: k + 1,
            number_token: i,
            unit_tokens: vec![k],
            plus_after,
            end_byte: (first_range.end != t.end()).then_some(first_range.end),
        });
    }
    None
}

fn qualifier(tokens: &[Token], f: &Found) -> Qualifier {
    let n = f.start_token;
    let w = |k: usize| -> String {
        if k < n {
            tokens
                .get(n - 1 - k)
                .map(|t| lower(t).into_owned())
                .unwrap_or_default()
        } else {
            String::new()
        }
    };
    let (p1, p2) = (w(0), w(1));
    let after = tokens
        .get(f.end_token)
        .map(|t| lower(t).into_owned())
        .unwrap_or_default();
    let after2 = tokens
        .get(f.end_token + 1)
        .map(|t| lower(t).into_owned())
        .unwrap_or_default();
    let before_is = |word: &str| p1 == word;
    let pair = |a: &str, b: &str| p2 == a && p1 == b;
    if before_is("+") || before_is("plus") || before_is("extra") || p1.starts_with("zusätzlich") {
        return Qualifier::Extra;
    }
    if matches!(
        after.as_str(),
        "more" | "mehr" | "extra" | "zusätzlich" | "additional"
    ) {
        return Qualifier::Extra;
    }
    if pair("more", "than") || pair("mehr", "als") || before_is("über") || before_is("over") {
        return Qualifier::Over;
    }
    if pair("less", "than") || pair("weniger", "als") || before_is("unter") || before_is("under") {
        return Qualifier::Under;
    }
    if pair("bis", "zu")
        || pair("up", "to")
        || pair("at", "most")
        || before_is("max")
        || before_is("maximal")
        || before_is("höchstens")
        || (p1 == "." && p2 == "max")
    {
        return Qualifier::AtMost;
    }
    if before_is("ab")
        || before_is("from")
        || pair("at", "least")
        || pair("starting", "at")
        || before_is("mindestens")
        || before_is("min")
        || f.plus_after
        || (matches!(after.as_str(), "oder" | "or") && matches!(after2.as_str(), "mehr" | "more"))
    {
        return Qualifier::AtLeast;
    }
    Qualifier::Exact
}

/// The first known topic a word (`folded`) names, for a claim that is a
/// duration or not.
pub(crate) fn topic_of(folded: &str, duration: bool) -> Option<usize> {
    TOPICS.iter().position(|d| d.matches(folded, duration))
}

/// How many tokens on either side of a claim name its subject when no
/// known topic does: "archived for 10 years" is about archiving, not
/// about the invoices earlier in the sentence.
const SUBJECT_WINDOW: usize = 3;

fn finish(
    tokens: &[Token],
    words: Option<&TextWords>,
    clause: &[usize],
    f: Found,
    lang: Option<Lang>,
) -> Claim {
    let mut range =
        tokens[f.start_token].start..f.end_byte.unwrap_or(tokens[f.end_token - 1].end());
    let qualifier = qualifier(tokens, &f);
    // "2–3 Werktage", "2 bis 3 Tage": the lower end of a range, scaled
    // like the upper one.
    let range_lower = range_start(tokens, &f).map(|(k, lo)| {
        range.start = tokens[k].start;
        lo
    });
    let c = clause[f.number_token];
    // The subject: the nearest known topic word of the clause, else the
    // clause's content words. Unit and period words do not count; the
    // rest of a hyphenated unit word does ("Tage-Rückgaberecht").
    let mut best: Option<(usize, usize)> = None; // (distance, topic index)
    let mut stems = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        if clause[k] != c || t.kind != TokenKind::Word || f.unit_tokens.contains(&k) {
            continue;
        }
        let word = words.and_then(|w| w.tokens[k].as_word());
        let whole_is_stop = match word {
            Some(w) => w.is_stop(lang),
            None => is_stop_word(&lower(t), lang),
        };
        let parts: Vec<(Range<usize>, &str, Option<&Word>)> = match words {
            Some(w) => w.tokens[k]
                .parts()
                .map(|(r, w)| (r, w.text(), Some(w)))
                .collect(),
            None => t.parts().map(|(r, p)| (r, p, None)).collect(),
        };
        for (part_range, part, word) in parts {
            if part_range.start < range.end && part_range.end > range.start {
                continue;
            }
            let folded = match word {
                Some(w) => std::borrow::Cow::Borrowed(w.folded()),
                None => std::borrow::Cow::Owned(fold(part)),
            };
            let distance = if k < f.start_token {
                f.start_token - k
            } else {
                k.saturating_sub(f.end_token - 1)
            };
            let duration = matches!(f.measure, Measure::Duration(_));
            let topic = match word {
                Some(w) => w.topic(duration),
                None => topic_of(&folded, duration),
            };
            if let Some(ti) = topic {
                if best.is_none_or(|(d, i)| (distance, ti) < (d, i)) {
                    best = Some((distance, ti));
                }
            }
            let part_is_stop = || match word {
                Some(w) => w.is_stop(lang),
                None => is_stop_word(&crate::stem::lower(part), lang),
            };
            if !whole_is_stop
                && distance <= SUBJECT_WINDOW
                && folded.chars().count() >= 2
                && !part_is_stop()
            {
                stems.push(match word {
                    Some(w) => w.stem(lang).to_string(),
                    None => stem(part, lang),
                });
            }
        }
    }
    let topic = match best {
        Some((_, ti)) => Topic::Known(&TOPICS[ti]),
        None => Topic::Clause(stems),
    };
    let phrase_end = match f.measure {
        Measure::Price { .. } => tokens[f.end_token - 1].end().max(range.end),
        _ => range.end,
    };
    Claim {
        measure: f.measure,
        value: f.value,
        qualifier,
        lower: range_lower,
        topic,
        phrase: range.start..phrase_end,
        range,
    }
}

/// The token and the scaled value of a range's lower end before the
/// claim's number, if there is one.
fn range_start(tokens: &[Token], f: &Found) -> Option<(usize, f64)> {
    let s = f.start_token;
    if s != f.number_token || s < 2 {
        return None;
    }
    let sep = tokens[s - 1];
    let is_sep = ["-", "–", "—"].contains(&sep.text) || word_is(Some(&sep), &["bis", "to"]);
    let lo = number_at(tokens, s - 2)?;
    let hi = number_at(tokens, s)?;
    if !is_sep || hi <= 0.0 || lo >= hi {
        return None;
    }
    Some((s - 2, lo * f.value / hi))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Claims with one comparison key are interchangeable for
    /// [`Claim::contradicts`], on either side: what lets the lint compare
    /// each distinct claim once.
    #[test]
    fn claims_with_one_key_contradict_the_same_claims() {
        let texts = [
            "Testen Sie 30 Tage kostenlos.",
            "Jetzt 30 Tage gratis testen!",
            "Try it free for 14 days.",
            "A free trial of two weeks.",
            "Lieferung in 24 Stunden, Rückgabe innerhalb von 30 Tagen.",
            "Delivered within 48 hours; returns within one month.",
            "Nur 9,99 € im Monat, ab 50 € versandkostenfrei.",
            "Only €9.99 per month, free shipping from €59.",
            "Bis zu 50 % Rabatt auf über 40 Filialen.",
            "Save 20% in more than 40 stores.",
            "Antwort in 2–3 Werktagen.",
            "We reply within 3 business days.",
            "Set up in 14 days, money back for 30 days.",
            "10 € mehr für die Express-Lieferung in 24 h.",
            "Ab 9 € im Monat.",
            "Für 9 € im Monat.",
            "Bis zu 9 € im Monat.",
            "In 40 Filialen.",
            "In über 40 Filialen.",
            "Lieferung in 2 Tagen.",
            "Lieferung in 2–4 Tagen.",
            "Lieferung in 4 Tagen.",
        ];
        let all: Vec<Claim> = texts
            .iter()
            .flat_map(|t| {
                [
                    extract_claims_in(t, None),
                    extract_claims_in(t, Some(Lang::De)),
                    extract_claims_in(t, Some(Lang::En)),
                ]
            })
            .flatten()
            .collect();
        assert!(all.len() > 30, "the texts make claims: {}", all.len());
        let mut shared = 0;
        for a in &all {
            for b in &all {
                if a.comparison_key() != b.comparison_key() {
                    continue;
                }
                shared += 1;
                for c in &all {
                    assert_eq!(a.contradicts(c), b.contradicts(c), "{a:?} / {b:?} vs {c:?}");
                    assert_eq!(c.contradicts(a), c.contradicts(b), "{c:?} vs {a:?} / {b:?}");
                }
            }
        }
        assert!(shared > all.len(), "some claims share a key");
    }

    fn claims(text: &str) -> Vec<(String, String, &'static str)> {
        extract_claims(text)
            .into_iter()
            .map(|c| {
                let topic = match &c.topic {
                    Topic::Known(t) => t.key,
                    Topic::Clause(_) => "-",
                };
                (text[c.range.clone()].to_string(), c.canonical(), topic)
            })
            .collect()
    }

    fn one(text: &str) -> Claim {
        let mut v = extract_claims(text);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        v.remove(0)
    }

    fn s(a: &str, b: &str, t: &'static str) -> (String, String, &'static str) {
        (a.to_string(), b.to_string(), t)
    }

    #[test]
    fn durations_normalise() {
        for text in [
            "Lieferung in 24h",
            "Lieferung in 24 h",
            "Lieferung in 24 Stunden",
            "Lieferung in 24 Std.",
            "delivery in 1 day",
            "delivery in one day",
            "delivery in a day",
            "Lieferung in einem Tag",
            "24-Stunden-Lieferung",
            "24-hour delivery",
        ] {
            let c = one(text);
            assert_eq!(c.measure, Measure::Duration(DurationUnit::Hours), "{text}");
            assert_eq!(c.value, 24.0, "{text}");
            assert!(
                matches!(c.topic, Topic::Known(t) if t.key == "delivery"),
                "{text}"
            );
        }
        assert_eq!(one("2 Wochen testen").value, 336.0);
        assert_eq!(one("30 Minuten").value, 0.5);
        let m = one("2 Jahre Garantie");
        assert_eq!(
            (m.measure, m.value),
            (Measure::Duration(DurationUnit::Months), 24.0)
        );
    }

    #[test]
    fn duration_ranges_cover_number_and_unit() {
        assert_eq!(
            claims("Tausch in 48 Stunden 🚲"),
            vec![s("48 Stunden", "48 h", "-")]
        );
        assert_eq!(claims("Tausch in 24h!"), vec![s("24h", "24 h", "-")]);
        assert_eq!(
            claims("Das 30-Tage-Rückgaberecht"),
            vec![s("30-Tage", "720 h", "return")]
        );
        assert_eq!(claims("in 24 Std. da"), vec![s("24 Std.", "24 h", "-")]);
    }

    #[test]
    fn prices_normalise() {
        for text in [
            "nur 9,99 €",
            "only €9.99",
            "9.99 EUR",
            "EUR 9,99",
            "€ 9,99",
            "9,99 Euro",
        ] {
            let c = one(text);
            assert_eq!(
                c.measure,
                Measure::Price {
                    currency: "EUR",
                    period: Period::Once
                },
                "{text}"
            );
            assert!((c.value - 9.99).abs() < 1e-9, "{text}");
        }
        assert_eq!(one("$1,299.00").value, 1299.0);
        assert_eq!(one("1.299,00 €").value, 1299.0);
        assert_eq!(one("9,- €").value, 9.0);
    }

    #[test]
    fn price_periods() {
        assert_eq!(
            claims("for €24 per month, cancel monthly"),
            vec![s("€24", "24 EUR/month", "-")]
        );
        let text = "Das Abo für 9,99 € im Monat, jederzeit kündbar";
        assert_eq!(&text[one(text).phrase], "9,99 € im Monat");
        assert_eq!(claims("24 €/Monat")[0].1, "24 EUR/month");
        assert_eq!(claims("24 € im Monat")[0].1, "24 EUR/month");
        assert_eq!(claims("24 € monatlich")[0].1, "24 EUR/month");
        assert_eq!(claims("€24 a month")[0].1, "24 EUR/month");
        assert_eq!(claims("288 € p.a.")[0].1, "288 EUR/year");
        // "a month" after a price is its period, not a duration.
        assert_eq!(claims("€24 a month").len(), 1);
    }

    /// A price is labelled by its amount and currency only, however the
    /// currency and the period are written.
    #[test]
    fn price_ranges_cover_amount_and_currency() {
        for (text, words, canonical) in [
            ("Das Abo für 9,99 € im Monat", "9,99 €", "9.99 EUR/month"),
            ("Das Abo für € 9,99 im Monat", "€ 9,99", "9.99 EUR/month"),
            (
                "The plan is 9.99 EUR per month",
                "9.99 EUR",
                "9.99 EUR/month",
            ),
            ("The plan is EUR 10 a month", "EUR 10", "10 EUR/month"),
            ("for €24 per month", "€24", "24 EUR/month"),
            ("nur 24 €/Monat", "24 €", "24 EUR/month"),
            ("nur 24 € monatlich", "24 €", "24 EUR/month"),
            ("nur 12 € mtl.", "12 €", "12 EUR/month"),
            ("288 € p.a.", "288 €", "288 EUR/year"),
            ("einmalig 49 Euro", "49 Euro", "49 EUR"),
            ("nur 9,- € im Monat", "9,- €", "9 EUR/month"),
            ("$1,299.00 per year", "$1,299.00", "1299 USD/year"),
        ] {
            assert_eq!(claims(text), vec![s(words, canonical, "-")], "{text}");
            let c = one(text);
            assert!(text[c.phrase.clone()].starts_with(words), "{text}");
            assert!(c.phrase.end >= c.range.end, "{text}");
        }
    }

    #[test]
    fn percentages() {
        assert_eq!(
            claims("20 % Rabatt, 20% off, 20 Prozent"),
            vec![
                s("20 %", "20 %", "discount"),
                s("20%", "20 %", "discount"),
                s("20 Prozent", "20 %", "-"),
            ]
        );
        assert_eq!(one("2,5 % Zinsen").value, 2.5);
        assert_eq!(one("50 per cent").value, 50.0);
    }

    #[test]
    fn counts() {
        assert_eq!(
            claims("In über 40 Filialen"),
            vec![s("40 Filialen", "40 × filial", "-")]
        );
        assert_eq!(
            claims("10,000 happy riders"),
            vec![s("10,000 happy riders", "10000 × rider", "-")]
        );
        // Years, times, rankings, ordinals and adjectives are no counts.
        assert!(claims("Seit 1998 in Köln").is_empty());
        assert!(claims("Ab 10 Uhr geöffnet").is_empty());
        assert!(claims("Die Nr. 1 im Test").is_empty());
        assert!(claims("#1 in Berlin").is_empty());
        assert!(claims("24/7 erreichbar").is_empty());
        assert!(claims("Die 3. Generation").is_empty());
        // A lower-case word after a number in German is no noun.
        assert!(claims("Wir zeigen dir 3 tolle Touren").is_empty());
        assert!(claims("am 30.06.2027").is_empty());
    }

    #[test]
    fn qualifiers() {
        assert_eq!(one("ab 9 €").qualifier, Qualifier::AtLeast);
        assert_eq!(one("from €9").qualifier, Qualifier::AtLeast);
        assert_eq!(one("bis zu 50 % Rabatt").qualifier, Qualifier::AtMost);
        assert_eq!(one("up to 50% off").qualifier, Qualifier::AtMost);
        assert_eq!(one("mehr als 500 Kunden").qualifier, Qualifier::Over);
        assert_eq!(one("over 500 stores").qualifier, Qualifier::Over);
        assert_eq!(one("500+ stores").qualifier, Qualifier::AtLeast);
        assert_eq!(one("weniger als 5 €").qualifier, Qualifier::Under);
        assert_eq!(one("10 € mehr im Monat").qualifier, Qualifier::Extra);
        assert_eq!(one("nur 9 €").qualifier, Qualifier::Exact);
    }

    fn contradict(a: &str, b: &str) -> bool {
        let a = one(a);
        let b = one(b);
        assert_eq!(a.contradicts(&b), b.contradicts(&a), "symmetric");
        a.contradicts(&b)
    }

    #[test]
    fn same_claim_different_spelling_agrees() {
        assert!(!contradict("Lieferung in 24h", "delivery in 1 day"));
        assert!(!contradict(
            "Lieferung in 24 Stunden",
            "Lieferung in einem Tag"
        ));
        assert!(!contradict("Abo für 9,99 €", "Abo nur €9.99"));
        assert!(!contradict("Abo für 9,99 €", "Abo für 9.99 EUR"));
        assert!(!contradict(
            "30 Tage Rückgaberecht",
            "Rückgabe innerhalb eines Monats"
        ));
        assert!(!contradict(
            "€24 per month for the bike",
            "the bike for €288 per year"
        ));
        assert!(!contradict("2 Jahre Garantie", "24 Monate Garantie"));
    }

    #[test]
    fn different_values_contradict() {
        assert!(contradict("Lieferung in 24h", "Lieferung in 48 Stunden"));
        assert!(contradict("delivery in 1 day", "delivered within 48 hours"));
        assert!(contradict("Abo für 9,99 €", "Abo für 12 €"));
        assert!(contradict(
            "14 Tage kostenlos testen",
            "try it free for 30 days"
        ));
        assert!(contradict("30 Tage Rückgabe", "Rückgabe in 14 Tagen"));
        assert!(contradict("20 % Rabatt", "15 % Rabatt"));
        assert!(contradict("in 40 Filialen", "in 35 Filialen"));
        assert!(contradict("Tausch in 24h", "Tausch in 48 Stunden"));
        assert!(contradict(
            "€24 per month for the bike",
            "bike for €29 a month"
        ));
    }

    #[test]
    fn ranges_admit_the_values_between_their_ends() {
        let r = one("Lieferung in 2–3 Werktagen");
        assert_eq!((r.lower, r.value), (Some(2.0), 3.0));
        assert_eq!(claims("Lieferung in 2–3 Werktagen")[0].0, "2–3 Werktagen");
        assert_eq!(one("Lieferung in 2 bis 3 Tagen").lower, Some(48.0));
        assert!(!contradict(
            "Lieferung in 2–3 Werktagen",
            "Lieferung in 3 Werktagen"
        ));
        assert!(!contradict(
            "Lieferung in 2-3 Werktagen",
            "Lieferung in 2 Werktagen"
        ));
        assert!(contradict(
            "Lieferung in 2–3 Werktagen",
            "Lieferung in 5 Werktagen"
        ));
        assert!(!contradict(
            "Lieferung in 2 bis 4 Tagen",
            "Lieferung in 3–5 Tagen"
        ));
        assert!(contradict(
            "Lieferung in 1–2 Tagen",
            "Lieferung in 3–5 Tagen"
        ));
    }

    #[test]
    fn counts_need_a_shared_subject_or_a_bound() {
        assert!(!contradict(
            "In 3 Schritten zum Abo",
            "5 Schritte zur perfekten Tasse"
        ));
        assert!(contradict(
            "In 3 Schritten zum Abo",
            "In 5 Schritten zum Abo"
        ));
        assert!(contradict(
            "Over 40 stores in Germany",
            "Visit one of our 35 stores"
        ));
        assert!(contradict("10,000 riders", "12,000 riders"));
        // Postal codes and phone numbers are no counts.
        assert!(claims("Markt 5, 04109 Leipzig").is_empty());
        assert!(claims("Rösterei in 04109 Leipzig").is_empty());
        assert!(claims("Hotline 0800 Service").is_empty());
    }

    #[test]
    fn the_door_means_delivery_for_durations_only() {
        assert_eq!(one("in 24h an deiner Tür").describe(), "delivery time");
        assert_eq!(
            one("at your door within 2 days").describe(),
            "delivery time"
        );
        assert_eq!(
            one("a bike to your door for €24 per month").describe(),
            "price"
        );
        assert!(contradict(
            "in 48 Stunden an deiner Tür",
            "Röstfrisch 🔥 in 24h an deiner Haustür"
        ));
    }

    #[test]
    fn bare_recurring_prices_are_the_offer() {
        assert!(contradict("for €24 per month", "Your bike for €29 a month"));
        assert!(!contradict(
            "for €24 per month",
            "Your bike for €24 a month"
        ));
        // One-off prices need a shared subject.
        assert!(!contradict("nur 5 €", "die Jacke für 120 €"));
    }

    #[test]
    fn the_subject_is_near_the_claim() {
        assert!(!contradict(
            "professional invoices in 2 minutes",
            "Every invoice stays archived for 10 years"
        ));
        assert!(contradict(
            "Your invoice in 2 minutes",
            "Every invoice in 5 minutes"
        ));
    }

    #[test]
    fn different_subjects_do_not_contradict() {
        // Trial and return periods are different things.
        assert!(!contradict("14 Tage testen", "30 Tage Rückgabe"));
        // Generic durations with nothing in common.
        assert!(!contradict("Tausch in 24h", "Beratung in 48 Stunden"));
        // Different currencies and periods.
        assert!(!contradict("9,99 € für das Abo", "$12 für das Abo"));
        assert!(!contradict(
            "9 € pro Woche für das Abo",
            "30 € pro Monat für das Abo"
        ));
        // Business days do not convert to hours.
        assert!(!contradict(
            "Lieferung in 2 Werktagen",
            "Lieferung in 48 Stunden"
        ));
        // Counts of different things.
        assert!(!contradict("in 40 Filialen", "mit 35 Mitarbeitern"));
        // A surcharge is no price.
        assert!(!contradict("Abo für 9 €", "10 € mehr für das Abo"));
    }

    #[test]
    fn qualified_claims_contradict_only_when_disjoint() {
        assert!(!contradict("bis zu 50 % Rabatt", "20 % Rabatt"));
        assert!(contradict("bis zu 30 % Rabatt", "bis zu 50 % Rabatt"));
        assert!(contradict("bis zu 30 % Rabatt", "40 % Rabatt"));
        assert!(!contradict("ab 9 € für das Abo", "12 € für das Abo"));
        assert!(contradict("ab 9 € für das Abo", "7 € für das Abo"));
        assert!(contradict("über 40 Filialen", "in 35 Filialen"));
        assert!(contradict("über 40 Filialen", "in 40 Filialen"));
        assert!(!contradict("über 40 Filialen", "in 45 Filialen"));
        // A shipping threshold is compared as written.
        assert!(contradict(
            "Versand kostenlos ab 50 €",
            "kostenloser Versand ab 30 €"
        ));
        assert!(!contradict(
            "Versand kostenlos ab 50 €",
            "Versandkostenfrei ab 50 Euro"
        ));
    }

    #[test]
    fn describe_kinds() {
        assert_eq!(one("14 Tage testen").describe(), "trial length");
        assert_eq!(one("30 days to return it").describe(), "return period");
        assert_eq!(one("20 % Rabatt").describe(), "discount");
        assert_eq!(
            one("Versand kostenlos ab 50 €").describe(),
            "shipping threshold"
        );
        assert_eq!(one("Tausch in 48 Stunden").describe(), "duration");
        assert_eq!(
            one("Kündigung mit 4 Wochen Frist").describe(),
            "notice period"
        );
    }

    #[test]
    fn ranges_survive_umlauts_and_emoji() {
        let text = "Grüße 🎉 aus Köln: Rückgabe in 30 Tagen";
        let c = one(text);
        assert_eq!(&text[c.range.clone()], "30 Tagen");
    }

    #[test]
    fn nothing_in_plain_text() {
        assert!(extract_claims("").is_empty());
        assert!(extract_claims("Ausrüstung, die hält.").is_empty());
        assert!(extract_claims("a bike at your door").is_empty());
    }
}
