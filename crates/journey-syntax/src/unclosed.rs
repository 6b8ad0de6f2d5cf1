//! Where a block that lacks its `}` ends, when the next definition is
//! indented.
//!
//! A definition keyword at the very start of a line (`phase` in column 1)
//! already ends every open block (see `parser::definition_starts`). When
//! the next definition is indented, as in
//!
//! ```text
//! phase suchen "Suchen" {
//!   touchpoint web "Website" {
//!     owner marketing
//!   touchpoint app "App" {     ← `web` lacks its `}`
//! ```
//!
//! the braces alone would read `app` as a statement inside `web`: one
//! mistake, reported as a misplaced statement, an unclosed block and
//! whatever the wrong nesting breaks further on. This pass finds such
//! lines before parsing, so that the parser can end the open blocks there
//! and the only report is the block that is not closed, with its `}` where
//! it goes.
//!
//! A line ends open blocks only when the file lacks at least that many
//! `}`, the keyword defines something in an enclosing block (or at the top
//! level) but not in the open one, and the line is indented no deeper than
//! the innermost block it ends (a top-level definition may be indented
//! anywhere, as it can stand nowhere else). A file whose braces balance is
//! read exactly as its braces say.

use crate::lexer::{Token, TokenKind};
use crate::parser::{is_top_level_only, MAX_DEPTH};
use crate::schema::{self, Context};
use std::sync::Arc;

/// One block that a line ends although its `}` is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ImplicitClose {
    /// The start of the line the block ends before.
    pub(crate) line: u32,
    /// The start of the block's `{`.
    pub(crate) open: u32,
}

/// Where blocks end besides their `}`, as one parse of a file read them:
/// the report of each unclosed block ([`crate::unclosed_block`]) looks
/// them up rather than reading the file again.
pub(crate) struct BlockEnds {
    /// The definition keywords that end every open block
    /// (`parser::definition_starts`).
    pub(crate) definition_starts: Arc<[u32]>,
    /// The blocks an indented definition ended ([`implicit_closes`]);
    /// empty when the file parsed without errors.
    pub(crate) implicit_closes: Vec<ImplicitClose>,
}

/// An open block as the parser will nest it.
struct Open {
    brace: u32,
    /// The context of the statements inside; `None` when the statement
    /// before the `{` is no known definition (then nothing ends it early).
    context: Option<Context>,
    /// The indentation (in bytes) of the line that opens it.
    indent: u32,
}

/// Every block ended early, innermost first where one line ends several,
/// in the order of the lines.
pub(crate) fn implicit_closes(tokens: &[Token], src: &str) -> Vec<ImplicitClose> {
    let opens = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::LBrace)
        .count();
    let closes = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::RBrace)
        .count();
    let mut missing = opens.saturating_sub(closes);
    let mut out = Vec::new();
    if missing == 0 {
        return out;
    }
    let mut stack: Vec<Open> = Vec::new();
    let mut line_start = 0u32;
    let mut at_line_start = true;
    let mut statement_keyword: Option<&str> = None;
    for t in tokens {
        match t.kind {
            TokenKind::Whitespace | TokenKind::Comment | TokenKind::Error => continue,
            TokenKind::Newline => {
                line_start = t.span.end;
                at_line_start = true;
                statement_keyword = None;
                continue;
            }
            _ => {}
        }
        let first_on_line = std::mem::take(&mut at_line_start);
        match t.kind {
            TokenKind::Ident if first_on_line && !stack.is_empty() => {
                let word = t.text(src);
                let indent = t.span.start - line_start;
                let ended = if t.span.start == line_start && is_top_level_only(word) {
                    // The parser ends every block here by itself.
                    missing = missing.saturating_sub(stack.len());
                    stack.clear();
                    0
                } else {
                    blocks_ended(&stack, word, indent)
                        .filter(|&n| n <= missing)
                        .unwrap_or(0)
                };
                for _ in 0..ended {
                    let open = stack.pop().expect("counted from the stack");
                    out.push(ImplicitClose {
                        line: line_start,
                        open: open.brace,
                    });
                }
                missing -= ended.min(missing);
            }
            TokenKind::LBrace => {
                if stack.len() >= MAX_DEPTH {
                    // The parser flattens deeper blocks; nothing here is
                    // worth guessing about.
                    return Vec::new();
                }
                let parent = stack.last().map_or(Some(Context::TopLevel), |o| o.context);
                let context = parent
                    .zip(statement_keyword)
                    .and_then(|(c, k)| schema::keyword(k, c))
                    .and_then(|k| k.opens);
                let indent = src[line_start as usize..t.span.start as usize]
                    .bytes()
                    .take_while(|b| *b == b' ' || *b == b'\t')
                    .count() as u32;
                stack.push(Open {
                    brace: t.span.start,
                    context,
                    indent,
                });
            }
            TokenKind::RBrace => {
                stack.pop();
            }
            _ => {}
        }
        statement_keyword = match t.kind {
            TokenKind::Semicolon | TokenKind::LBrace | TokenKind::RBrace => None,
            TokenKind::Ident if statement_keyword.is_none() => Some(t.text(src)),
            _ => statement_keyword.or(Some("")),
        };
    }
    out
}

/// How many of the open blocks a line starting with `word` at `indent`
/// ends: the blocks above the innermost one where `word` defines
/// something; `None` when it belongs where it stands or nowhere.
fn blocks_ended(stack: &[Open], word: &str, indent: u32) -> Option<usize> {
    let innermost = stack.last()?;
    if schema::keyword(word, innermost.context?).is_some() {
        return None;
    }
    for ended in 1..=stack.len() {
        let outer = match stack.len() - ended {
            0 => Context::TopLevel,
            i => stack[i - 1].context?,
        };
        if schema::keyword(word, outer).is_some_and(|k| k.opens.is_some()) {
            let at_top = outer == Context::TopLevel;
            return (at_top || indent <= innermost.indent).then_some(ended);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexer::lex_lossless;

    fn closes(src: &str) -> Vec<(usize, usize)> {
        let line = |at: u32| src[..at as usize].matches('\n').count() + 1;
        implicit_closes(&lex_lossless(src), src)
            .into_iter()
            .map(|c| (line(c.open), line(c.line)))
            .collect()
    }

    #[test]
    fn an_indented_sibling_ends_the_block_before_it() {
        let src = "phase p \"P\" {\n  touchpoint a \"A\" {\n    owner x\n  touchpoint b \"B\" {\n    owner x\n  }\n}\n";
        assert_eq!(closes(src), [(2, 4)]);
    }

    #[test]
    fn an_indented_top_level_definition_ends_every_block() {
        let src = "phase p \"P\" {\n  touchpoint a \"A\" {\n  }\n\n  phase q \"Q\" {\n  }\n";
        assert_eq!(closes(src), [(1, 5)]);
    }

    #[test]
    fn balanced_braces_are_read_as_written() {
        let src = "phase p \"P\" {\n  touchpoint a \"A\" {\n  touchpoint b \"B\" {\n  }\n  }\n}\n";
        assert_eq!(closes(src), []);
    }

    #[test]
    fn a_deeper_indented_definition_stays_inside() {
        // `b` is indented below `a`: a misplaced statement, not a missing
        // `}` (that one is missing at the end of the file).
        let src = "phase p \"P\" {\n  touchpoint a \"A\" {\n    touchpoint b \"B\" {\n    }\n  }\n";
        assert_eq!(closes(src), []);
    }

    #[test]
    fn a_statement_of_the_block_ends_nothing() {
        let src = "phase p \"P\" {\n  touchpoint a \"A\" {\n  owner x\n";
        assert_eq!(closes(src), []);
    }
}
