//! Re-parsing after an edit: only the top-level definitions the edit
//! touches are lexed, parsed and validated again; the definitions before it
//! are kept as they are and those after it are kept with their spans
//! moved by the change in length.
//!
//! A keystroke in a 10,000-line journey changes one definition out of
//! hundreds, and parsing the whole file again was the largest part of the
//! language server's work per edit. The result is always exactly what
//! [`crate::parse`] gives for the new text (tests compare the two on
//! random edits); whenever that cannot be guaranteed cheaply — the old
//! text had syntax problems, the edit is not confined between top-level
//! definitions, or the edited part does not parse cleanly — the whole
//! file is parsed again.

use crate::lexer::{self, TokenKind};
use crate::tree::{Node, NodeKind, Statement, SyntaxTree};
use crate::{parser, validate, Parse};
use journey_diagnostics::{FileId, Span};

/// The parse of `new_src`, reusing what `old` (the parse of `old_src`)
/// already knows about the parts the edit did not touch.
pub fn reparse(old: &Parse, old_src: &str, new_src: &str, file: FileId) -> Parse {
    try_reparse(old, old_src, new_src, file).unwrap_or_else(|| crate::parse(new_src, file))
}

/// [`reparse`] when it can reuse parts of `old`; `None` when the whole
/// file has to be parsed again. Tests use it to see that reuse happens.
#[doc(hidden)]
pub fn try_reparse(old: &Parse, old_src: &str, new_src: &str, file: FileId) -> Option<Parse> {
    // Syntax problems make statement boundaries uncertain, and the tree
    // must be present to reuse.
    let tops: Vec<Statement<'_>> = old.tree.statements().collect();
    if !old.diagnostics.is_empty()
        || old.tree.tokens().is_empty()
        || new_src.len() > u32::MAX as usize
    {
        return None;
    }
    let (edit_start, old_edit_end, new_edit_end) = changed_range(old_src, new_src);
    let delta = new_src.len() as i64 - old_src.len() as i64;

    // Definitions before the edit: finished by a line end before it.
    let before = tops
        .iter()
        .take_while(|s| ends_before(old_src, s.span().end as usize, edit_start))
        .count();
    // Definitions after the edit: starting on a line of their own after it.
    let after_start = tops[before..]
        .iter()
        .position(|s| starts_after(old_src, s.span().start as usize, old_edit_end))
        .map_or(tops.len(), |i| before + i);

    let region_start = if before == 0 {
        0
    } else {
        tops[before - 1].span().end as usize
    };
    let old_region_end = tops
        .get(after_start)
        .map_or(old_src.len(), |s| s.span().start as usize);
    let new_region_end = (old_region_end as i64 + delta) as usize;
    if new_region_end < region_start || new_region_end < new_edit_end {
        return None;
    }

    // Lex, parse and validate the new text of the region on its own.
    let region = &new_src[region_start..new_region_end];
    let mut region_tokens = lexer::lex_lossless(region);
    if region_tokens.iter().any(|t| t.kind == TokenKind::Error) {
        return None;
    }
    for t in &mut region_tokens {
        t.span = Span::new(
            t.span.start + region_start as u32,
            t.span.end + region_start as u32,
        );
    }
    let mut diagnostics = Vec::new();
    let (statements, _) = parser::parse_tokens_in_chunks(
        &region_tokens,
        &new_src[..new_region_end],
        file,
        &mut diagnostics,
        usize::MAX,
    );
    if !diagnostics.is_empty() {
        return None;
    }
    let region_tree = parser::build_tree(region_tokens, new_region_end, &statements);
    validate::validate(new_src, file, &region_tree, &mut diagnostics, usize::MAX);
    if diagnostics
        .iter()
        .any(|d| d.severity == journey_diagnostics::Severity::Error)
    {
        // Validation errors are per statement and would be exact too, but a
        // full parse keeps the rule simple: edits that break the schema
        // are rare next to edits of text.
        return None;
    }

    let kept = Kept {
        before_nodes: tops.get(before).map_or(old.tree.nodes.len(), |s| s.index()),
        after_nodes: tops
            .get(after_start)
            .map_or(old.tree.nodes.len(), |s| s.index()),
        before_tokens: old
            .tree
            .tokens
            .partition_point(|t| (t.span.end as usize) <= region_start),
        after_tokens: old
            .tree
            .tokens
            .partition_point(|t| (t.span.start as usize) < old_region_end),
    };
    let tree = splice(&old.tree, &kept, region_tree, delta, new_src.len());

    diagnostics.sort_by_key(|d| d.sort_key());
    Some(Parse { tree, diagnostics })
}

/// What an edit leaves of the old tree: the nodes and tokens before
/// `before_*` (kept as they are) and from `after_*` on (moved).
struct Kept {
    before_nodes: usize,
    after_nodes: usize,
    before_tokens: usize,
    after_tokens: usize,
}

/// The old tree with the region between the kept parts replaced by
/// `region` (whose nodes and tokens already have their final spans), and
/// everything after it moved by `delta` bytes.
fn splice(old: &SyntaxTree, kept: &Kept, region: SyntaxTree, delta: i64, len: usize) -> SyntaxTree {
    let region_nodes = region.nodes.get(1..).unwrap_or(&[]);
    let node_count = kept.before_nodes + region_nodes.len() + old.nodes.len() - kept.after_nodes;
    let token_count =
        kept.before_tokens + region.tokens.len() + old.tokens.len() - kept.after_tokens;

    let mut tokens = Vec::with_capacity(token_count);
    tokens.extend_from_slice(&old.tokens[..kept.before_tokens]);
    tokens.extend_from_slice(&region.tokens);
    tokens.extend(old.tokens[kept.after_tokens..].iter().map(|t| {
        let mut t = *t;
        t.span.shift(delta);
        t
    }));

    let mut nodes = Vec::with_capacity(node_count);
    nodes.push(Node {
        kind: NodeKind::File,
        span: Span::new(0, len as u32),
        first_token: 0,
        end_token: token_count as u32,
        end: node_count as u32,
    });
    nodes.extend_from_slice(&old.nodes[1..kept.before_nodes]);
    // Region node 0 is its file node, dropped: its children move up by
    // one place less than the kept nodes before them.
    let region_node_shift = kept.before_nodes as i64 - 1;
    let region_token_shift = kept.before_tokens as i64;
    nodes.extend(
        region_nodes
            .iter()
            .map(|n| moved_node(*n, 0, region_node_shift, region_token_shift)),
    );
    let after_node_shift =
        (kept.before_nodes + region_nodes.len()) as i64 - kept.after_nodes as i64;
    let after_token_shift =
        (kept.before_tokens + region.tokens.len()) as i64 - kept.after_tokens as i64;
    nodes.extend(
        old.nodes[kept.after_nodes..]
            .iter()
            .map(|n| moved_node(*n, delta, after_node_shift, after_token_shift)),
    );
    SyntaxTree { tokens, nodes }
}

fn moved_node(mut n: Node, delta: i64, nodes: i64, tokens: i64) -> Node {
    n.span.shift(delta);
    n.first_token = moved(n.first_token, tokens);
    n.end_token = moved(n.end_token, tokens);
    n.end = moved(n.end, nodes);
    n
}

/// The smallest single edit that turns `old` into `new`: the byte range of
/// `old` to replace and its replacement, or `None` when they are equal.
/// Editors keep the cursor and folds outside the edit where they are.
pub fn minimal_edit<'n>(old: &str, new: &'n str) -> Option<(std::ops::Range<usize>, &'n str)> {
    if old == new {
        return None;
    }
    let mut prefix = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(prefix) || !new.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let max_suffix = old.len().min(new.len()) - prefix;
    let mut suffix = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - suffix) || !new.is_char_boundary(new.len() - suffix) {
        suffix -= 1;
    }
    Some((prefix..old.len() - suffix, &new[prefix..new.len() - suffix]))
}

/// The byte range that differs: `(start, end in old, end in new)`.
fn changed_range(old: &str, new: &str) -> (usize, usize, usize) {
    match minimal_edit(old, new) {
        Some((range, with)) => (range.start, range.end, range.start + with.len()),
        None => (old.len(), old.len(), new.len()),
    }
}

/// Whether a statement ending at `end` is finished before an edit at
/// `edit`: a line end lies between them.
fn ends_before(src: &str, end: usize, edit: usize) -> bool {
    end < edit && src.as_bytes()[end..edit].contains(&b'\n')
}

/// Whether a statement starting at `start` stands on its own line after
/// an edit ending at `edit`: only blanks precede it on its line, and that
/// line starts after the edit.
fn starts_after(src: &str, start: usize, edit: usize) -> bool {
    if start < edit {
        return false;
    }
    let line = &src.as_bytes()[edit..start];
    match line.iter().rposition(|&b| b == b'\n') {
        Some(nl) => line[nl + 1..].iter().all(|&b| b == b' ' || b == b'\t'),
        None => false,
    }
}

fn moved(offset: u32, delta: i64) -> u32 {
    (offset as i64 + delta) as u32
}

/// Moving a span by a number of bytes.
trait Shift {
    fn shift(&mut self, delta: i64);
}

impl Shift for Span {
    fn shift(&mut self, delta: i64) {
        *self = Span::new(moved(self.start, delta), moved(self.end, delta));
    }
}
