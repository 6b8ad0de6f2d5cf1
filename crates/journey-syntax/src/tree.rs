//! The generic syntax tree: statements, arguments and blocks.
//!
//! This is the layer the parser always builds, whatever the input. It knows
//! nothing of journeys or personas; [`crate::ast`] gives it that meaning.
//! Nodes hold spans, not text: ask the source for the text.

use crate::lexer::StrShape;
use journey_diagnostics::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    Ident,
    Number,
    Date,
    Str(StrShape),
}

/// One argument token: an identifier, number, date or string literal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Value {
    pub kind: ValueKind,
    pub span: Span,
}

impl Value {
    pub fn text(self, src: &str) -> &str {
        &src[self.span.range()]
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// A single value.
    Value(Value),
    /// Values separated by commas: `needs "a", "b"`.
    List(Vec<Value>, Span),
    /// The `->` of a loop.
    Arrow(Span),
}

impl Arg {
    pub fn span(&self) -> Span {
        match self {
            Arg::Value(v) => v.span,
            Arg::List(_, span) | Arg::Arrow(span) => *span,
        }
    }

    /// The values of this argument: one, several, or none for `->`.
    pub fn values(&self) -> &[Value] {
        match self {
            Arg::Value(v) => std::slice::from_ref(v),
            Arg::List(vs, _) => vs,
            Arg::Arrow(_) => &[],
        }
    }
}

/// `keyword arg… { … }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub keyword: Span,
    pub args: Vec<Arg>,
    pub block: Option<Block>,
    /// From the keyword to the end of the block or the last argument.
    pub span: Span,
}

impl Statement {
    pub fn keyword_text<'s>(&self, src: &'s str) -> &'s str {
        &src[self.keyword.range()]
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub open: Span,
    pub statements: Vec<Statement>,
    /// `None` when the closing brace is missing (reported by the parser).
    pub close: Option<Span>,
    pub span: Span,
}

/// A whole file: its top-level statements.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceTree {
    pub statements: Vec<Statement>,
}

impl SourceTree {
    /// Every statement, depth first, in source order.
    pub fn walk(&self) -> impl Iterator<Item = &Statement> {
        let mut stack: Vec<&Statement> = self.statements.iter().rev().collect();
        std::iter::from_fn(move || {
            let s = stack.pop()?;
            if let Some(block) = &s.block {
                stack.extend(block.statements.iter().rev());
            }
            Some(s)
        })
    }
}
