//! The values a statement's arguments hold, read from the source on
//! demand: names and plain strings borrow the source; only a string with
//! escapes or a text block owns its decoded text.

use journey_diagnostics::Span;
use std::borrow::Cow;

/// A number given where a 1–5 score goes. The range is checked later.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    pub value: f64,
    pub span: Span,
}

/// `experience [SCORE] [target SCORE]`: the status quo, the experience
/// aimed for, or both.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Experience {
    pub now: Option<Score>,
    pub target: Option<Score>,
    pub span: Span,
}

/// `for PERSONA [expectation S] [experience S] [target S] [feeling "…"]`:
/// one persona's scores at a touchpoint. What is not given falls back to
/// the touchpoint's own scores.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonaScores<'a> {
    pub persona: Name<'a>,
    pub expectation: Option<Score>,
    pub experience: Option<Score>,
    pub target: Option<Score>,
    /// A feeling word or a short note (`"annoyed: waits three days"`).
    pub feeling: Option<Text<'a>>,
    pub span: Span,
}

/// `cost AMOUNT CURRENCY` on a touchpoint.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cost<'a> {
    /// NaN for a number written another way (reported as a syntax error).
    pub amount: f64,
    /// The amount as written.
    pub raw: &'a str,
    pub amount_span: Span,
    /// The currency code as written (`EUR`).
    pub currency: Name<'a>,
    pub span: Span,
}

/// `monitored`, `monitored yes`, `monitored no`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flag {
    pub value: bool,
    pub span: Span,
}

/// A definition's statement span and its keyword's span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Spans {
    /// The whole statement, block included.
    pub full: Span,
    pub keyword: Span,
}

/// An identifier as written: a definition's id or a reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Name<'a> {
    pub text: &'a str,
    pub span: Span,
}

/// One statement's list of identifiers (`serves anna, tom`), as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdList<'a> {
    /// The statement's keyword.
    pub keyword: &'static str,
    /// The whole statement.
    pub statement: Span,
    pub ids: Vec<Name<'a>>,
}

/// A decoded string literal or text block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text<'a> {
    /// The decoded value: escapes resolved, text-block indentation
    /// removed. Borrowed from the source when it is written plainly.
    pub value: Cow<'a, str>,
    /// The whole literal, quotes included.
    pub span: Span,
    /// Source offset of every char of `value` where that is not simply
    /// `content_start + offset` (escapes, text blocks); `None` otherwise.
    pub(crate) map: Option<Box<[(u32, u32)]>>,
    pub(crate) content_start: u32,
    /// Source offset just past the last char of `value`.
    pub(crate) value_end: u32,
}

impl<'a> Text<'a> {
    pub(crate) fn new(
        value: Cow<'a, str>,
        span: Span,
        content_start: u32,
        value_end: u32,
        map: Option<Box<[(u32, u32)]>>,
    ) -> Self {
        Text {
            value,
            span,
            map,
            content_start,
            value_end,
        }
    }

    /// The decoded text.
    pub fn as_str(&self) -> &str {
        &self.value
    }

    /// The source byte offset of byte `offset` of [`Text::value`], so that
    /// a finding about some words inside a string can point at exactly
    /// those words. `offset == value.len()` maps to the end of the content.
    pub fn source_offset(&self, offset: usize) -> u32 {
        if offset >= self.value.len() {
            return self.value_end;
        }
        match &self.map {
            None => self.content_start + offset as u32,
            Some(map) => {
                let offset = offset as u32;
                match map.binary_search_by_key(&offset, |&(v, _)| v) {
                    Ok(i) => map[i].1,
                    Err(0) => self.content_start,
                    Err(i) => {
                        let (v, s) = map[i - 1];
                        s + (offset - v)
                    }
                }
            }
        }
    }

    /// The source span of `value[range]`.
    pub fn source_span(&self, range: std::ops::Range<usize>) -> Span {
        let start = self.source_offset(range.start);
        let end = if range.end > range.start {
            self.source_offset(range.end)
        } else {
            start
        };
        Span::new(start, end.max(start))
    }

    /// The source span of the decoded content (without quotes).
    pub fn content_span(&self) -> Span {
        Span::new(self.content_start.min(self.value_end), self.value_end)
    }
}

/// A number, date or string where a measurable value goes
/// (`target 40`, `current "400k EUR"`).
#[derive(Debug, Clone)]
pub enum Scalar<'a> {
    /// `value` is NaN for a number that has no single reading (`1,500`,
    /// `1.2.3`); such a number is always reported as a syntax error.
    Number {
        value: f64,
        raw: &'a str,
        span: Span,
    },
    Date {
        raw: &'a str,
        span: Span,
    },
    Text(Text<'a>),
}

impl Scalar<'_> {
    pub fn span(&self) -> Span {
        match self {
            Scalar::Number { span, .. } | Scalar::Date { span, .. } => *span,
            Scalar::Text(t) => t.span,
        }
    }

    /// The value as a person reads it.
    pub fn display(&self) -> &str {
        match self {
            Scalar::Number { raw, .. } | Scalar::Date { raw, .. } => raw,
            Scalar::Text(t) => &t.value,
        }
    }
}

/// `allow CHECK "reason"` on a definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allow<'a> {
    /// The check's code or name, as written.
    pub check: Cow<'a, str>,
    pub check_span: Span,
    pub reason: Option<Text<'a>>,
    pub span: Span,
}

/// `import "path.journey"`.
#[derive(Debug, Clone, PartialEq)]
pub struct Import<'a> {
    pub path: Text<'a>,
    pub span: Span,
}

/// `loop from -> to`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Loop<'a> {
    pub from: Name<'a>,
    pub to: Name<'a>,
    pub span: Span,
}

/// `kpi [ID] "name" [target VALUE] [unit "unit"]`.
#[derive(Debug, Clone)]
pub struct Kpi<'a> {
    pub id: Option<Name<'a>>,
    pub name: Text<'a>,
    pub target: Option<Scalar<'a>>,
    pub unit: Option<Text<'a>>,
    pub span: Span,
}

/// One item of `supports`: a promise, goal or impact by id, or a quoted
/// part of the value proposition.
#[derive(Debug, Clone, PartialEq)]
pub enum Support<'a> {
    Ref(Name<'a>),
    Text(Text<'a>),
}

impl Support<'_> {
    pub fn span(&self) -> Span {
        match self {
            Support::Ref(n) => n.span,
            Support::Text(t) => t.span,
        }
    }
}

/// `promise ID "text"` in a phase.
#[derive(Debug, Clone, PartialEq)]
pub struct Promise<'a> {
    pub id: Name<'a>,
    pub text: Option<Text<'a>>,
    pub span: Span,
}

/// `moment`, `moment yes|no`, `moment "why"` on a touchpoint.
#[derive(Debug, Clone, PartialEq)]
pub struct Moment<'a> {
    pub value: bool,
    pub note: Option<Text<'a>>,
    pub span: Span,
}

/// `channel ID [online|offline]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Channel<'a> {
    pub channel: Option<Name<'a>>,
    /// `online` or `offline` after the channel, as written.
    pub presence: Option<Name<'a>>,
}

/// `metric "name" [current V] [target V] [unit "unit"] [by DATE]`.
#[derive(Debug, Clone)]
pub struct Metric<'a> {
    pub name: Text<'a>,
    pub current: Option<Scalar<'a>>,
    pub target: Option<Scalar<'a>>,
    pub unit: Option<Text<'a>>,
    pub by: Option<Scalar<'a>>,
    pub span: Span,
}

/// `deliverable [ID] "title" [via ID, …]`.
#[derive(Debug, Clone)]
pub struct Deliverable<'a> {
    pub id: Option<Name<'a>>,
    pub title: Text<'a>,
    pub via: Vec<Name<'a>>,
    pub span: Span,
}
