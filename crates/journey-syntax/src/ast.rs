//! The typed syntax tree: the generic tree read against the schema.
//!
//! Every node keeps its spans. Values are kept as written (an unknown phase
//! kind is still a [`Name`]); judging them is the analysis layer's job, so
//! that it can say *why* a value is wrong with the whole workspace in view.

use journey_diagnostics::Span;

/// An identifier as written: a definition's id or a reference.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Name {
    pub text: String,
    pub span: Span,
}

/// A decoded string literal or text block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// The decoded value: escapes resolved, text-block indentation removed.
    pub value: String,
    /// The whole literal, quotes included.
    pub span: Span,
    /// Source offset of every char of `value` where that is not simply
    /// `content_start + offset` (escapes, text blocks); `None` otherwise.
    map: Option<Box<[(u32, u32)]>>,
    content_start: u32,
    /// Source offset just past the last char of `value`.
    value_end: u32,
}

impl Text {
    pub(crate) fn new(
        value: String,
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

    /// Moves every source offset by `delta` bytes (the text itself moved
    /// after an edit before it).
    pub(crate) fn shift_spans(&mut self, delta: i64) {
        let moved = |o: u32| (o as i64 + delta) as u32;
        self.span = Span::new(moved(self.span.start), moved(self.span.end));
        self.content_start = moved(self.content_start);
        self.value_end = moved(self.value_end);
        if let Some(map) = &mut self.map {
            for (_, source) in map.iter_mut() {
                *source = moved(*source);
            }
        }
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

/// A number, date, string or identifier where a measurable value goes
/// (`target 40`, `current "400k EUR"`).
#[derive(Debug, Clone)]
pub enum Scalar {
    /// `value` is NaN for a number that has no single reading (`1,500`,
    /// `1.2.3`); such a number is always reported as a syntax error.
    Number {
        value: f64,
        raw: String,
        span: Span,
    },
    Date {
        raw: String,
        span: Span,
    },
    Text(Text),
}

/// Numbers compare by their bits, so that a tree holding an unreadable
/// number (NaN) still equals itself.
impl PartialEq for Scalar {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (
                Scalar::Number { value, raw, span },
                Scalar::Number {
                    value: v2,
                    raw: r2,
                    span: s2,
                },
            ) => value.to_bits() == v2.to_bits() && raw == r2 && span == s2,
            (Scalar::Date { raw, span }, Scalar::Date { raw: r2, span: s2 }) => {
                raw == r2 && span == s2
            }
            (Scalar::Text(a), Scalar::Text(b)) => a == b,
            _ => false,
        }
    }
}

impl Scalar {
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

/// A number given where a 1–5 score goes. The range is checked later.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    pub value: f64,
    pub span: Span,
}

/// `monitored`, `monitored yes`, `monitored no`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flag {
    pub value: bool,
    pub span: Span,
}

/// `allow CHECK "reason"` on a definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allow {
    /// The check's code or name, as written.
    pub check: String,
    pub check_span: Span,
    pub reason: Option<Text>,
    pub span: Span,
}

/// A statement's span and its keyword's span, for definitions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Spans {
    /// The whole statement, block included.
    pub full: Span,
    pub keyword: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    pub path: Text,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Journey {
    pub id: Name,
    pub title: Option<Text>,
    pub value: Option<Text>,
    pub description: Option<Text>,
    pub phases: Vec<Name>,
    /// The span of the whole `phases` statement.
    pub phases_span: Option<Span>,
    pub loop_back: Option<Loop>,
    /// What backs the claims of the value proposition.
    pub evidence: Vec<Text>,
    /// Small print qualifying the value proposition.
    pub disclaimers: Vec<Text>,
    pub allows: Vec<Allow>,
    pub spans: Spans,
}

/// `loop from -> to`.
#[derive(Debug, Clone, PartialEq)]
pub struct Loop {
    pub from: Name,
    pub to: Name,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Empathy {
    pub says: Vec<Text>,
    pub thinks: Vec<Text>,
    pub does: Vec<Text>,
    pub feels: Vec<Text>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Persona {
    pub id: Name,
    pub name: Option<Text>,
    pub role: Option<Text>,
    pub description: Option<Text>,
    pub evidence: Option<Text>,
    pub needs: Vec<Text>,
    pub pains: Vec<Text>,
    pub gains: Vec<Text>,
    pub goals: Vec<Text>,
    pub channels: Vec<Name>,
    pub empathy: Option<Empathy>,
    pub allows: Vec<Allow>,
    pub spans: Spans,
}

/// `kpi [ID] "name" [target VALUE] [unit "unit"]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Kpi {
    pub id: Option<Name>,
    pub name: Text,
    pub target: Option<Scalar>,
    pub unit: Option<Text>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Phase {
    pub id: Name,
    pub title: Option<Text>,
    pub kind: Option<Name>,
    pub question: Option<Text>,
    pub activities: Vec<Text>,
    pub wants: Vec<Text>,
    pub objective: Option<Text>,
    pub message: Option<Text>,
    /// What the core message supports (`supports ID|"text", …`).
    pub supports: Vec<Support>,
    /// Promises made in this phase (`promise ID "text"`).
    pub promises: Vec<Promise>,
    /// What backs the claims of the message and the promises.
    pub evidence: Vec<Text>,
    /// Small print qualifying the message and the promises.
    pub disclaimers: Vec<Text>,
    pub kpis: Vec<Kpi>,
    pub backstage: Vec<Text>,
    pub teams: Vec<Name>,
    pub systems: Vec<Name>,
    pub moments: Vec<Text>,
    pub touchpoints: Vec<Touchpoint>,
    pub allows: Vec<Allow>,
    pub spans: Spans,
}

/// One item of `supports`: a promise, goal or impact by id, or a quoted
/// part of the value proposition.
#[derive(Debug, Clone, PartialEq)]
pub enum Support {
    Ref(Name),
    Text(Text),
}

impl Support {
    pub fn span(&self) -> Span {
        match self {
            Support::Ref(n) => n.span,
            Support::Text(t) => t.span,
        }
    }
}

/// `promise ID "text"` in a phase.
#[derive(Debug, Clone, PartialEq)]
pub struct Promise {
    pub id: Name,
    pub text: Option<Text>,
    pub span: Span,
}

/// `moment`, `moment yes|no`, `moment "why"` on a touchpoint.
#[derive(Debug, Clone, PartialEq)]
pub struct Moment {
    pub value: bool,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Touchpoint {
    pub id: Name,
    pub title: Option<Text>,
    pub channel: Option<Name>,
    /// `online` or `offline` after the channel, as written.
    pub presence: Option<Name>,
    pub owner: Option<Name>,
    pub systems: Vec<Name>,
    pub kpis: Vec<Kpi>,
    pub serves: Vec<Name>,
    pub says: Vec<Text>,
    pub expectation: Option<Score>,
    pub experience: Option<Score>,
    pub importance: Option<Name>,
    pub monitored: Option<Flag>,
    pub state: Option<Name>,
    pub moment: Option<Moment>,
    pub collects: Vec<Text>,
    pub basis: Option<Name>,
    pub description: Option<Text>,
    /// The promises this touchpoint keeps (`keeps ID, …`).
    pub keeps: Vec<Name>,
    /// What backs the claims of the copy.
    pub evidence: Vec<Text>,
    /// Small print shown with the copy.
    pub disclaimers: Vec<Text>,
    pub allows: Vec<Allow>,
    pub spans: Spans,
}

/// `metric "name" [current V] [target V] [by DATE]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Metric {
    pub name: Text,
    pub current: Option<Scalar>,
    pub target: Option<Scalar>,
    pub by: Option<Scalar>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Goal {
    pub id: Name,
    pub title: Option<Text>,
    pub metric: Option<Metric>,
    pub description: Option<Text>,
    pub actors: Vec<Actor>,
    pub allows: Vec<Allow>,
    pub spans: Spans,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    /// A persona's id, or the id of a stakeholder named by `title`.
    pub id: Name,
    pub title: Option<Text>,
    pub impacts: Vec<Impact>,
    pub allows: Vec<Allow>,
    pub spans: Spans,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Impact {
    pub id: Name,
    pub title: Option<Text>,
    pub kpis: Vec<Kpi>,
    pub via: Vec<Name>,
    pub deliverables: Vec<Deliverable>,
    pub allows: Vec<Allow>,
    pub spans: Spans,
}

/// `deliverable [ID] "title" [via ID, …]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Deliverable {
    pub id: Option<Name>,
    pub title: Text,
    pub via: Vec<Name>,
    pub span: Span,
}

/// A top-level item, in source order.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Import(Import),
    Journey(Journey),
    Persona(Persona),
    Phase(Phase),
    Goal(Goal),
}

/// One file's typed tree.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct File {
    pub items: Vec<Item>,
}

impl File {
    pub fn imports(&self) -> impl Iterator<Item = &Import> {
        self.items.iter().filter_map(|i| match i {
            Item::Import(x) => Some(x),
            _ => None,
        })
    }
    pub fn journeys(&self) -> impl Iterator<Item = &Journey> {
        self.items.iter().filter_map(|i| match i {
            Item::Journey(x) => Some(x),
            _ => None,
        })
    }
    pub fn personas(&self) -> impl Iterator<Item = &Persona> {
        self.items.iter().filter_map(|i| match i {
            Item::Persona(x) => Some(x),
            _ => None,
        })
    }
    pub fn phases(&self) -> impl Iterator<Item = &Phase> {
        self.items.iter().filter_map(|i| match i {
            Item::Phase(x) => Some(x),
            _ => None,
        })
    }
    pub fn goals(&self) -> impl Iterator<Item = &Goal> {
        self.items.iter().filter_map(|i| match i {
            Item::Goal(x) => Some(x),
            _ => None,
        })
    }
}
