//! The lossless syntax tree: every token of the file, trivia included,
//! and the statements, arguments and blocks over them.
//!
//! Both live in flat vectors: the tokens in source order, the nodes in
//! preorder, each node with its kind, span, range of tokens and the index
//! just past its subtree. Concatenating the tokens' texts gives back the
//! file byte for byte, so the formatter, the language server and the
//! validation and the typed views all read this one tree. [`Statement`], [`Block`] and [`Arg`]
//! are views: a reference to the tree and a node index, nothing owned.
//! Nodes hold spans, not text: ask the source for the text.

use crate::lexer::{StrShape, Token, TokenKind};
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

/// What a [`Node`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// The whole file; always node 0, covering every token.
    File,
    /// `keyword arg… { … }`; its first token is the keyword.
    Statement,
    /// `{ statement… }`; its first token is `{`, its last `}` when closed.
    Block { closed: bool },
    /// Values separated by commas: `needs "a", "b"`.
    List,
    /// A single value.
    Value(ValueKind),
    /// The `->` of a loop.
    Arrow,
}

/// One node of the flat tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Node {
    pub kind: NodeKind,
    pub span: Span,
    /// The node's tokens: `first_token..end_token`, trivia inside included.
    pub first_token: u32,
    pub end_token: u32,
    /// The index just past the node's subtree: its descendants are the
    /// nodes between it and `end`.
    pub end: u32,
}

impl Node {
    fn value(&self) -> Value {
        let kind = match self.kind {
            NodeKind::Value(kind) => kind,
            // Children of lists are values by construction.
            _ => ValueKind::Ident,
        };
        Value {
            kind,
            span: self.span,
        }
    }
}

/// A whole file: its tokens and its nodes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyntaxTree {
    pub(crate) tokens: Vec<Token>,
    pub(crate) nodes: Vec<Node>,
}

impl SyntaxTree {
    /// Every token of the file in order, whitespace and comments included.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// Every node in preorder; node 0 is the file (absent when the tree
    /// was never built, e.g. for a file too large to read).
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    /// The top-level statements.
    pub fn statements(&self) -> Statements<'_> {
        match self.nodes.first() {
            Some(root) => Statements {
                tree: self,
                next: 1,
                end: root.end,
            },
            None => Statements {
                tree: self,
                next: 0,
                end: 0,
            },
        }
    }

    /// The statement that is node `index`, if that node is a statement.
    pub fn statement_at(&self, index: usize) -> Option<Statement<'_>> {
        (self.nodes.get(index)?.kind == NodeKind::Statement).then_some(Statement {
            tree: self,
            index: index as u32,
        })
    }

    /// Every statement, depth first, in source order.
    pub fn walk(&self) -> impl Iterator<Item = Statement<'_>> {
        self.nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.kind == NodeKind::Statement)
            .map(|(i, _)| Statement {
                tree: self,
                index: i as u32,
            })
    }

    /// The tokens that are not whitespace, with their indices.
    pub fn significant_tokens(&self) -> impl Iterator<Item = (usize, Token)> + '_ {
        self.tokens
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, t)| t.kind != TokenKind::Whitespace)
    }

    /// The nearest token before index `i` that is not whitespace.
    pub fn previous_significant(&self, i: usize) -> Option<&Token> {
        self.tokens[..i]
            .iter()
            .rev()
            .find(|t| t.kind != TokenKind::Whitespace)
    }
}

/// The statements of a file or a block, in order.
#[derive(Debug, Clone)]
pub struct Statements<'t> {
    tree: &'t SyntaxTree,
    next: u32,
    end: u32,
}

impl<'t> Iterator for Statements<'t> {
    type Item = Statement<'t>;

    fn next(&mut self) -> Option<Statement<'t>> {
        if self.next >= self.end {
            return None;
        }
        let index = self.next;
        self.next = self.tree.nodes[index as usize].end;
        Some(Statement {
            tree: self.tree,
            index,
        })
    }
}

/// The children of a node, in order.
fn children(tree: &SyntaxTree, index: u32) -> impl Iterator<Item = u32> + '_ {
    let end = tree.nodes[index as usize].end;
    let mut next = index + 1;
    std::iter::from_fn(move || {
        if next >= end {
            return None;
        }
        let child = next;
        next = tree.nodes[child as usize].end;
        Some(child)
    })
}

/// `keyword arg… { … }`: a view of a statement node.
#[derive(Debug, Clone, Copy)]
pub struct Statement<'t> {
    tree: &'t SyntaxTree,
    index: u32,
}

impl PartialEq for Statement<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.tree, other.tree) && self.index == other.index
    }
}

impl Eq for Statement<'_> {}

impl<'t> Statement<'t> {
    fn node(self) -> &'t Node {
        &self.tree.nodes[self.index as usize]
    }

    /// The node's index in [`SyntaxTree::nodes`].
    pub fn index(self) -> usize {
        self.index as usize
    }

    /// From the keyword to the end of the block or the last argument.
    pub fn span(self) -> Span {
        self.node().span
    }

    pub fn keyword(self) -> Span {
        self.tree.tokens[self.node().first_token as usize].span
    }

    pub fn keyword_text(self, src: &str) -> &str {
        &src[self.keyword().range()]
    }

    /// Whether the keyword is `keyword`, read from the source at the
    /// statement's start (where the keyword is) without a token lookup:
    /// the views ask this of every statement of a block per attribute.
    pub fn keyword_is(self, src: &str, keyword: &str) -> bool {
        let rest = &src.as_bytes()[self.node().span.start as usize..];
        if !rest.starts_with(keyword.as_bytes()) {
            return false;
        }
        match rest.get(keyword.len()) {
            None => true,
            Some(b'_') => false,
            Some(b) if b.is_ascii_alphanumeric() => false,
            // Whether a letter of another script goes on the word is the
            // lexer's to say.
            Some(b) if *b >= 0x80 => self.keyword_text(src) == keyword,
            Some(_) => true,
        }
    }

    /// The arguments, in order.
    pub fn args(self) -> impl Iterator<Item = Arg<'t>> + Clone {
        let tree = self.tree;
        ChildArgs {
            tree,
            next: self.index + 1,
            end: self.node().end,
        }
    }

    /// The block, if the statement has one.
    pub fn block(self) -> Option<Block<'t>> {
        children(self.tree, self.index)
            .last()
            .filter(|&i| matches!(self.tree.nodes[i as usize].kind, NodeKind::Block { .. }))
            .map(|index| Block {
                tree: self.tree,
                index,
            })
    }

    /// The statement's tokens, trivia inside included.
    pub fn tokens(self) -> &'t [Token] {
        let n = self.node();
        &self.tree.tokens[n.first_token as usize..n.end_token as usize]
    }
}

#[derive(Debug, Clone)]
struct ChildArgs<'t> {
    tree: &'t SyntaxTree,
    next: u32,
    end: u32,
}

impl<'t> Iterator for ChildArgs<'t> {
    type Item = Arg<'t>;

    fn next(&mut self) -> Option<Arg<'t>> {
        if self.next >= self.end {
            return None;
        }
        let i = self.next as usize;
        let node = &self.tree.nodes[i];
        self.next = node.end;
        match node.kind {
            NodeKind::Value(_) => Some(Arg::Value(node.value())),
            NodeKind::Arrow => Some(Arg::Arrow(node.span)),
            NodeKind::List => Some(Arg::List(
                Values {
                    one: None,
                    rest: self.tree.nodes[i + 1..node.end as usize].iter(),
                },
                node.span,
            )),
            // The block comes last.
            _ => {
                self.next = self.end;
                None
            }
        }
    }
}

/// `{ statement… }`: a view of a block node.
#[derive(Debug, Clone, Copy)]
pub struct Block<'t> {
    tree: &'t SyntaxTree,
    index: u32,
}

impl<'t> Block<'t> {
    fn node(self) -> &'t Node {
        &self.tree.nodes[self.index as usize]
    }

    /// From `{` to `}` (or the end of the file when unclosed).
    pub fn span(self) -> Span {
        self.node().span
    }

    pub fn open(self) -> Span {
        self.tree.tokens[self.node().first_token as usize].span
    }

    /// `None` when the closing brace is missing (reported by the parser).
    pub fn close(self) -> Option<Span> {
        let n = self.node();
        match n.kind {
            NodeKind::Block { closed: true } => {
                Some(self.tree.tokens[n.end_token as usize - 1].span)
            }
            _ => None,
        }
    }

    pub fn statements(self) -> Statements<'t> {
        Statements {
            tree: self.tree,
            next: self.index + 1,
            end: self.node().end,
        }
    }
}

/// One argument of a statement.
#[derive(Debug, Clone)]
pub enum Arg<'t> {
    /// A single value.
    Value(Value),
    /// Values separated by commas: `needs "a", "b"`.
    List(Values<'t>, Span),
    /// The `->` of a loop.
    Arrow(Span),
}

impl<'t> Arg<'t> {
    pub fn span(&self) -> Span {
        match self {
            Arg::Value(v) => v.span,
            Arg::List(_, span) | Arg::Arrow(span) => *span,
        }
    }

    /// The values of this argument: one, several, or none for `->`.
    pub fn values(&self) -> Values<'t> {
        match self {
            Arg::Value(v) => Values {
                one: Some(*v),
                rest: [].iter(),
            },
            Arg::List(values, _) => values.clone(),
            Arg::Arrow(_) => Values {
                one: None,
                rest: [].iter(),
            },
        }
    }
}

/// The values of an argument, in order.
#[derive(Debug, Clone)]
pub struct Values<'t> {
    one: Option<Value>,
    rest: std::slice::Iter<'t, Node>,
}

impl Iterator for Values<'_> {
    type Item = Value;

    fn next(&mut self) -> Option<Value> {
        self.one
            .take()
            .or_else(|| self.rest.next().map(Node::value))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = usize::from(self.one.is_some()) + self.rest.len();
        (n, Some(n))
    }
}

impl ExactSizeIterator for Values<'_> {}

/// Builds the flat tree from the parser's nested statements: each node
/// takes the tokens inside its span.
pub(crate) struct Builder<'a> {
    tokens: &'a [Token],
    nodes: Vec<Node>,
}

impl<'a> Builder<'a> {
    pub(crate) fn new(tokens: &'a [Token], capacity: usize) -> Self {
        Builder {
            tokens,
            nodes: Vec::with_capacity(capacity),
        }
    }

    /// Opens a node over the tokens within `span`; [`Self::close`] ends it.
    pub(crate) fn open(&mut self, kind: NodeKind, span: Span) -> usize {
        let from = self.nodes.last().map_or(0, |n| n.first_token as usize);
        let first = from + self.tokens[from..].partition_point(|t| t.span.start < span.start);
        let end = first + self.tokens[first..].partition_point(|t| t.span.end <= span.end);
        self.nodes.push(Node {
            kind,
            span,
            first_token: first as u32,
            end_token: end as u32,
            end: 0,
        });
        self.nodes.len() - 1
    }

    pub(crate) fn close(&mut self, index: usize) {
        self.nodes[index].end = self.nodes.len() as u32;
    }

    pub(crate) fn leaf(&mut self, kind: NodeKind, span: Span) {
        let i = self.open(kind, span);
        self.close(i);
    }

    pub(crate) fn finish(self) -> Vec<Node> {
        self.nodes
    }
}
