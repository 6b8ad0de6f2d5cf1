//! The argument reader of validation and the views: walks the arguments of one statement,
//! reads each as the kind of value its slot wants (identifier, string,
//! number, date, score), and reports what is missing, of the wrong kind or
//! left over. Kept apart from the definitions (`super`), which only say
//! which arguments a statement has.

use super::{is_identifier, Reader};
use crate::codes;
use crate::numbers::{self, NumberShape};
use crate::schema;
use crate::tree::{Arg, Statement, Value, ValueKind};
use crate::view::*;
use journey_diagnostics::{Diagnostic, Span};
use smallvec::SmallVec;

/// The span of a full stop right after `value` that ends its line (only
/// blanks or a comment follow): a sentence's full stop, not a decimal.
pub(crate) fn full_stop_after(src: &str, value: Span) -> Option<Span> {
    let rest = src.get(value.end as usize..)?;
    let after = rest.strip_prefix('.')?;
    let line = after
        .split('\n')
        .next()
        .unwrap_or("")
        .trim_start_matches([' ', '\t', '\r']);
    (line.is_empty() || line.starts_with('#')).then(|| Span::new(value.end, value.end + 1))
}

/// What kind of value an argument slot wants, for messages.
#[derive(Clone, Copy)]
pub(super) enum Want {
    Ident,
    Text,
    Scalar,
    Date,
    Score,
}

impl Want {
    pub(super) fn describe(self) -> &'static str {
        match self {
            Want::Ident => "an identifier",
            Want::Text => "a string",
            Want::Scalar => "a number or a string",
            Want::Date => "a date (YYYY-MM-DD)",
            Want::Score => "a score from 1 to 5",
        }
    }
}

/// Where a number stands, which decides how a number written another way
/// is read and fixed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Slot {
    /// A measurable value: `target`, `current`.
    Value,
    /// A score from 1 to 5: `3.000` is three, not three thousand.
    Score,
    /// A KPI's target, with what its `unit` clause says, so that a `%`
    /// written next to the number is fixed in the same edit.
    KpiTarget(UnitAfter),
}

/// What the `unit` clause after a KPI's target says.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum UnitAfter {
    Missing,
    Percent,
    Other,
}

pub(super) fn describe_value(v: Value) -> &'static str {
    match v.kind {
        ValueKind::Ident => "an identifier",
        ValueKind::Number => "a number",
        ValueKind::Date => "a date",
        ValueKind::Str(s) if s.text_block => "a text block",
        ValueKind::Str(_) => "a string",
    }
}

/// Walks the arguments of one statement.
pub(super) struct Args<'s> {
    pub(super) stmt: Statement<'s>,
    /// The statement's arguments, read once. Statements have a few
    /// arguments; the views read one statement per attribute asked for,
    /// so these stay off the heap.
    pub(super) args: SmallVec<[Arg<'s>; 4]>,
    pub(super) keyword: &'s str,
    /// The next argument to read; definitions step over clause words.
    pub(super) pos: usize,
}

impl<'s, 'd> Reader<'s, 'd> {
    pub(super) fn args(&self, stmt: Statement<'s>) -> Args<'s> {
        Args {
            stmt,
            args: stmt.args().collect(),
            keyword: &self.src[stmt.keyword().range()],
            pos: 0,
        }
    }

    /// Where a missing argument would go: just after what is there.
    pub(super) fn missing_at(&self, a: &Args) -> Span {
        let end = a.args[..a.pos]
            .last()
            .map_or(a.stmt.keyword().end, |x| x.span().end);
        Span::empty(end)
    }

    pub(super) fn missing(&mut self, a: &Args, want: Want, what: &str) {
        let d = Diagnostic::new(
            &codes::MISSING_ARGUMENT,
            self.file,
            self.missing_at(a),
            format!("`{}` needs {what}", a.keyword),
        )
        .with_label(format!("expected {} here", want.describe()));
        let d = match schema_signature(a) {
            Some(sig) => d.with_help(format!("write it as `{sig}`")),
            None => d,
        };
        self.error(d);
    }

    pub(super) fn wrong(&mut self, a: &Args, found: &Arg, want: Want, what: &str) {
        let span = found.span();
        let found_desc = match found {
            Arg::Value(v) => describe_value(*v),
            Arg::List(..) => "a list",
            Arg::Arrow(_) => "`->`",
        };
        let mut d = Diagnostic::new(
            &codes::INVALID_ARGUMENT,
            self.file,
            span,
            format!("`{}` expects {what}, found {found_desc}", a.keyword),
        )
        .with_label(format!("expected {}", want.describe()));
        if let Arg::Value(v) = found {
            let raw = v.text(self.src);
            match (want, v.kind) {
                (Want::Text | Want::Scalar, ValueKind::Ident | ValueKind::Date) => {
                    d = d.with_fix("put it in quotes", v.span, format!("\"{raw}\""));
                }
                (Want::Date, ValueKind::Number) => {
                    d = d.with_help("dates are written year-month-day: `2027-06-30`");
                }
                (Want::Ident, ValueKind::Str(s))
                    if !s.text_block && !s.unterminated && !s.typographic =>
                {
                    let inner = &raw[1..raw.len() - 1];
                    if is_identifier(inner) {
                        d = d.with_fix("remove the quotes", v.span, inner.to_string());
                    } else {
                        d = d.with_help("identifiers are single words of letters, digits and `_`");
                    }
                }
                _ => {}
            }
        }
        if let Some(sig) = schema_signature(a) {
            d = d.with_note(format!("the statement is `{sig}`"));
        }
        self.error(d);
    }

    pub(super) fn peek(&self, a: &Args<'s>) -> Option<Arg<'s>> {
        a.args.get(a.pos).cloned()
    }

    /// A required identifier.
    pub(super) fn ident(&mut self, a: &mut Args<'s>, what: &str) -> Option<Name<'s>> {
        match self.peek(a) {
            Some(Arg::Value(v)) if v.kind == ValueKind::Ident => {
                a.pos += 1;
                Some(self.name(v))
            }
            Some(other) => {
                self.wrong(a, &other, Want::Ident, what);
                a.pos += 1;
                None
            }
            None => {
                self.missing(a, Want::Ident, what);
                None
            }
        }
    }

    /// An identifier if the next argument is one (but not one of `stop`).
    pub(super) fn opt_ident(&mut self, a: &mut Args<'s>, stop: &[&str]) -> Option<Name<'s>> {
        match self.peek(a) {
            Some(Arg::Value(v))
                if v.kind == ValueKind::Ident && !stop.contains(&v.text(self.src)) =>
            {
                a.pos += 1;
                Some(self.name(v))
            }
            _ => None,
        }
    }

    pub(super) fn text_arg(&mut self, a: &mut Args<'s>, what: &str) -> Option<Text<'s>> {
        match self.peek(a) {
            Some(Arg::Value(v)) if matches!(v.kind, ValueKind::Str(_)) => {
                a.pos += 1;
                Some(self.text(v))
            }
            Some(other) => {
                self.wrong(a, &other, Want::Text, what);
                a.pos += 1;
                None
            }
            None => {
                self.missing(a, Want::Text, what);
                None
            }
        }
    }

    pub(super) fn opt_text(&mut self, a: &mut Args<'s>) -> Option<Text<'s>> {
        match self.peek(a) {
            Some(Arg::Value(v)) if matches!(v.kind, ValueKind::Str(_)) => {
                a.pos += 1;
                Some(self.text(v))
            }
            _ => None,
        }
    }

    /// One or more strings: `"a"` or `"a", "b"`.
    pub(super) fn texts(&mut self, a: &mut Args<'s>, what: &str) -> Vec<Text<'s>> {
        let Some(arg) = self.peek(a) else {
            self.missing(a, Want::Text, what);
            return Vec::new();
        };
        a.pos += 1;
        let mut out = Vec::new();
        for v in arg.values() {
            if matches!(v.kind, ValueKind::Str(_)) {
                out.push(self.text(v));
            } else {
                self.wrong(a, &Arg::Value(v), Want::Text, what);
            }
        }
        if matches!(arg, Arg::Arrow(_)) {
            self.wrong(a, &arg, Want::Text, what);
        }
        out
    }

    /// One or more identifiers: `a` or `a, b`.
    pub(super) fn idents(&mut self, a: &mut Args<'s>, what: &str) -> Vec<Name<'s>> {
        let Some(arg) = self.peek(a) else {
            self.missing(a, Want::Ident, what);
            return Vec::new();
        };
        a.pos += 1;
        let mut out = Vec::new();
        for v in arg.values() {
            if v.kind == ValueKind::Ident {
                out.push(self.name(v));
            } else {
                self.wrong(a, &Arg::Value(v), Want::Ident, what);
            }
        }
        if matches!(arg, Arg::Arrow(_)) {
            self.wrong(a, &arg, Want::Ident, what);
        }
        out
    }

    /// A number, date or string where a measurable value goes.
    pub(super) fn scalar(
        &mut self,
        a: &mut Args<'s>,
        what: &str,
        slot: Slot,
    ) -> Option<Scalar<'s>> {
        match self.peek(a) {
            Some(Arg::Value(v)) => {
                a.pos += 1;
                match v.kind {
                    ValueKind::Number => {
                        let (value, _) = self.number(v, slot);
                        Some(Scalar::Number {
                            value,
                            raw: v.text(self.src),
                            span: v.span,
                        })
                    }
                    ValueKind::Date => {
                        self.check_date(v);
                        Some(Scalar::Date {
                            raw: v.text(self.src),
                            span: v.span,
                        })
                    }
                    ValueKind::Str(_) => Some(Scalar::Text(self.text(v))),
                    ValueKind::Ident => {
                        self.wrong(a, &Arg::Value(v), Want::Scalar, what);
                        None
                    }
                }
            }
            Some(other) => {
                self.wrong(a, &other, Want::Scalar, what);
                a.pos += 1;
                None
            }
            None => {
                self.missing(a, Want::Scalar, what);
                None
            }
        }
    }

    /// `target 3%`: the percent sign moves into the unit, in one fix that
    /// also covers the sign (so it is not reported again as a character).
    fn percent_sign_after(&mut self, v: Value, unit: UnitAfter) {
        let raw = v.text(self.src);
        let after = &self.src[v.span.end as usize..];
        let gap = after.len() - after.trim_start_matches([' ', '\t']).len();
        if !after[gap..].starts_with('%') {
            return;
        }
        let span = Span::new(v.span.start, v.span.end + gap as u32 + 1);
        let (help, text) = if unit == UnitAfter::Missing {
            (
                format!(
                    "write the number alone and the percent sign in the unit: `{raw} unit \"%\"`"
                ),
                format!("{raw} unit \"%\""),
            )
        } else {
            (
                format!("the unit already says `%`: write `{raw}`"),
                raw.to_string(),
            )
        };
        let d = Diagnostic::new(
            &codes::NUMBER_FORMAT,
            self.file,
            span,
            format!(
                "`{}` has a percent sign after the number",
                &self.src[span.range()]
            ),
        )
        .with_label("percent sign")
        .with_help(help)
        .with_fix(format!("write `{text}`"), span, text);
        self.error(d);
    }

    /// The value of a number token and whether it is written the
    /// language's way. A number written another way (`20.000`, `4,5`,
    /// `1.234.567`) is reported with a fix that writes the intended value;
    /// its value is then that of the fix, or NaN when there is no single
    /// reading. It is never read as some other number.
    pub(super) fn number(&mut self, v: Value, slot: Slot) -> (f64, bool) {
        let raw = v.text(self.src);
        let r = numbers::read_number(raw);
        if r.shape == NumberShape::Plain {
            if let Slot::KpiTarget(unit @ (UnitAfter::Missing | UnitAfter::Percent)) = slot {
                self.percent_sign_after(v, unit);
            }
            return (raw.parse().unwrap_or(f64::NAN), true);
        }
        let grouped = r.grouped.clone().unwrap_or_default();
        let decimal = r.decimal.clone().unwrap_or_default();
        let shown = |s: &str| s.parse::<f64>().map_or(s.to_string(), |x| x.to_string());
        let score_help = || format!("a score is a number from 1 to 5: write `{decimal}`");
        let separators_help = || format!("write numbers without thousands separators: `{grouped}`");
        let (message, label, help, readings): (String, &str, String, Vec<(&String, &str)>) =
            match (r.shape, slot) {
                (NumberShape::Plain, _) => unreachable!("handled above"),
                (NumberShape::ThousandsDots | NumberShape::ThousandsCommas, _) => (
                    format!("`{raw}` is written with thousands separators"),
                    "thousands separators",
                    separators_help(),
                    vec![(&grouped, "")],
                ),
                (NumberShape::EnglishMixed, _) => (
                    format!("`{raw}` is written with thousands separators"),
                    "thousands separators",
                    format!(
                        "write numbers without thousands separators, with a point for decimals: `{grouped}`"
                    ),
                    vec![(&grouped, "")],
                ),
                (NumberShape::GermanMixed, _) => (
                    format!("`{raw}` is written the German way, with thousands dots and a decimal comma"),
                    "thousands dots and a decimal comma",
                    format!(
                        "write numbers without thousands separators, with a point for decimals: `{grouped}`"
                    ),
                    vec![(&grouped, "")],
                ),
                (NumberShape::DecimalComma, _) => (
                    format!("`{raw}` is written with a decimal comma"),
                    "decimal comma",
                    if slot == Slot::Score {
                        score_help()
                    } else {
                        format!("write decimal numbers with a point: `{decimal}`")
                    },
                    vec![(&decimal, "")],
                ),
                (NumberShape::AmbiguousDot, _) => {
                    let message = format!(
                        "`{raw}` can be read two ways: as {} with a German thousands dot, or as {} with a decimal point",
                        shown(&grouped),
                        shown(&decimal)
                    );
                    let label = "thousands dot or decimal point?";
                    if slot == Slot::Score {
                        (message, label, score_help(), vec![(&decimal, "")])
                    } else {
                        let how = if decimal.len() > raw.len() {
                            "add a fourth decimal place"
                        } else {
                            "leave out the zeros at the end"
                        };
                        let help = format!(
                            "{}; for the decimal number {}, {how}: `{decimal}`",
                            separators_help(),
                            shown(&decimal)
                        );
                        (message, label, help, vec![(&grouped, "")])
                    }
                }
                (NumberShape::AmbiguousComma, _) => {
                    let message = format!(
                        "`{raw}` can be read two ways: as {} with a German decimal comma, or as {} with an English thousands separator",
                        shown(&decimal),
                        shown(&grouped)
                    );
                    let label = "decimal comma or thousands separator?";
                    if slot == Slot::Score {
                        (message, label, score_help(), vec![(&decimal, "")])
                    } else {
                        let help = format!("write `{decimal}` or `{grouped}`, whichever is meant");
                        (
                            message,
                            label,
                            help,
                            vec![
                                (&decimal, " (decimal comma)"),
                                (&grouped, " (thousands separator)"),
                            ],
                        )
                    }
                }
                (NumberShape::Unreadable, _) => (
                    format!("`{raw}` is not a number"),
                    "not a number",
                    "write numbers with digits and at most one decimal point, like `1500` or `4.5`; \
put anything else in quotes"
                        .to_string(),
                    Vec::new(),
                ),
            };
        // `target 4,5%`: one fix for the number and its percent sign.
        let mut span = v.span;
        let mut suffix = "";
        let mut help = help;
        if let (Slot::KpiTarget(unit @ (UnitAfter::Missing | UnitAfter::Percent)), false) =
            (slot, readings.is_empty())
        {
            let after = &self.src[v.span.end as usize..];
            let gap = after.len() - after.trim_start_matches([' ', '\t']).len();
            if after[gap..].starts_with('%') {
                span = Span::new(v.span.start, v.span.end + gap as u32 + 1);
                if unit == UnitAfter::Missing {
                    suffix = " unit \"%\"";
                    help.push_str("; the percent sign goes in the unit: `unit \"%\"`");
                } else {
                    help.push_str("; the unit already says `%`");
                }
            }
        }
        let mut d = Diagnostic::new(&codes::NUMBER_FORMAT, self.file, span, message)
            .with_label(label)
            .with_help(help);
        for (reading, note) in &readings {
            let text = format!("{reading}{suffix}");
            d = d.with_fix(format!("write `{text}`{note}"), span, text);
        }
        self.error(d);
        let value = match readings.as_slice() {
            [(only, _)] => only.parse().unwrap_or(f64::NAN),
            _ => f64::NAN,
        };
        (value, false)
    }

    /// Reports a date written another way than `2027-06-30` (with a fix)
    /// or one that does not exist; true when it is fine.
    pub(super) fn check_date(&mut self, v: Value) -> bool {
        let raw = v.text(self.src);
        let Some(date) = numbers::read_date(raw) else {
            self.error(
                Diagnostic::new(
                    &codes::DATE_FORMAT,
                    self.file,
                    v.span,
                    format!("`{raw}` is not a date"),
                )
                .with_label("not a date")
                .with_help("dates are written year-month-day: `2027-06-30`"),
            );
            return false;
        };
        if let Some(why) = date.impossible() {
            self.error(
                Diagnostic::new(
                    &codes::INVALID_DATE,
                    self.file,
                    v.span,
                    format!("`{raw}` is not a date: {why}"),
                )
                .with_label("no such day")
                .with_help(
                    "check the day and the month; dates are written year-month-day, like `2027-06-30`",
                ),
            );
            return false;
        }
        if date.canonical {
            return true;
        }
        let iso = date.iso();
        let d = if date.day_first {
            let mut help = format!("dates are written year-month-day: `{iso}`");
            if date.short_year {
                help.push_str(&format!(
                    " (the two-digit year is read as {}; write the year in full)",
                    date.year
                ));
            }
            Diagnostic::new(
                &codes::DATE_FORMAT,
                self.file,
                v.span,
                format!("`{raw}` is written day.month.year"),
            )
            .with_label("day.month.year")
            .with_help(help)
        } else {
            Diagnostic::new(
                &codes::DATE_FORMAT,
                self.file,
                v.span,
                format!("`{raw}` needs two digits for the month and the day"),
            )
            .with_label("month and day need two digits")
            .with_help(format!("write `{iso}`"))
        };
        // `by 31.12.2027.`: the full stop that ends a German sentence goes
        // with the same fix, so the one mistake is one error.
        let fix_span = match full_stop_after(self.src, v.span) {
            Some(dot) => v.span.cover(dot),
            None => v.span,
        };
        self.error(d.with_fix(format!("write `{iso}`"), fix_span, iso));
        false
    }

    pub(super) fn date(&mut self, a: &mut Args<'s>, what: &str) -> Option<Scalar<'s>> {
        match self.peek(a) {
            Some(Arg::Value(v)) if v.kind == ValueKind::Date => {
                a.pos += 1;
                self.check_date(v);
                Some(Scalar::Date {
                    raw: v.text(self.src),
                    span: v.span,
                })
            }
            Some(other) => {
                self.wrong(a, &other, Want::Date, what);
                a.pos += 1;
                None
            }
            None => {
                self.missing(a, Want::Date, what);
                None
            }
        }
    }

    pub(super) fn score(&mut self, a: &mut Args<'s>) -> Option<Score> {
        match self.peek(a) {
            Some(Arg::Value(v)) if v.kind == ValueKind::Number => {
                a.pos += 1;
                // A number written another way is reported once, here; its
                // range is checked only when it is written right.
                let (value, ok) = self.number(v, Slot::Score);
                ok.then_some(Score {
                    value,
                    span: v.span,
                })
            }
            Some(other) => {
                self.wrong(a, &other, Want::Score, "a score from 1 to 5");
                a.pos += 1;
                None
            }
            None => {
                self.missing(a, Want::Score, "a score from 1 to 5");
                None
            }
        }
    }

    /// Whether the clause word `word` is next, without consuming it.
    pub(super) fn at_clause(&self, a: &Args<'s>, word: &str) -> bool {
        matches!(self.peek(a), Some(Arg::Value(v)) if v.kind == ValueKind::Ident && v.text(self.src) == word)
    }

    /// Consumes the clause word `word` (`target`, `via` …) if it is next.
    pub(super) fn clause(&mut self, a: &mut Args<'s>, word: &str) -> bool {
        match self.peek(a) {
            Some(Arg::Value(v)) if v.kind == ValueKind::Ident && v.text(self.src) == word => {
                a.pos += 1;
                true
            }
            _ => false,
        }
    }

    /// Reports every argument left over.
    pub(super) fn finish(&mut self, a: &Args) {
        let rest = &a.args[a.pos.min(a.args.len())..];
        if let (Some(first), Some(last)) = (rest.first(), rest.last()) {
            let span = first.span().cover(last.span());
            let mut d = Diagnostic::new(
                &codes::EXTRA_ARGUMENT,
                self.file,
                span,
                format!(
                    "`{}` does not take {}",
                    a.keyword,
                    if rest.len() == 1 {
                        "this argument"
                    } else {
                        "these arguments"
                    }
                ),
            )
            .with_label("unexpected");
            if let Some(sig) = schema_signature(a) {
                d = d.with_help(format!(
                    "the statement is `{sig}`; separate list items with commas"
                ));
            }
            self.error(d);
        }
    }
}

pub(super) fn schema_signature(a: &Args) -> Option<&'static str> {
    schema::KEYWORDS
        .iter()
        .chain(std::iter::once(&schema::ALLOW))
        .find(|k| k.name == a.keyword)
        .map(|k| k.signature)
}
