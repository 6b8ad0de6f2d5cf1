//! Checking that a formatted text means what the original meant.
//!
//! The formatter may only change whitespace, line breaks (where the
//! language allows one) and `;` separators. [`check_equivalent`] verifies
//! that for a pair of texts: the result parses without errors, its tokens
//! (comments included, line breaks and `;` excluded) are the original's in
//! the same order and byte for byte (comments up to trailing whitespace),
//! every comment is still a trailing or an own-line comment as before, and
//! the statement tree has the same shape.

use crate::printer::{comment_text, is_trailing};
use journey_diagnostics::{FileId, LineIndex, Severity};
use journey_syntax::lexer::{Token, TokenKind};
use journey_syntax::tree::{Arg, Statements};
use std::fmt;

/// How a formatted text differs from its original in more than layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// 1-based line in the original text where the difference begins.
    pub line: u32,
    pub message: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for Violation {}

/// Verifies that `formatted` differs from `original` in layout only.
pub fn check_equivalent(original: &str, formatted: &str) -> Result<(), Violation> {
    let before = journey_syntax::parse(original, FileId(0));
    let after = journey_syntax::parse(formatted, FileId(0));
    let lines = LineIndex::new(original);
    let line_at = |offset: u32| lines.line_col_utf8(offset).line + 1;
    if let Some(d) = after
        .diagnostics
        .iter()
        .find(|d| d.severity == Severity::Error)
    {
        return Err(Violation {
            line: 1,
            message: format!("the formatted text has a syntax error: {}", d.message),
        });
    }

    let significant = |toks: &[Token]| -> Vec<(usize, Token)> {
        toks.iter()
            .copied()
            .enumerate()
            .filter(|(_, t)| {
                !matches!(
                    t.kind,
                    TokenKind::Newline | TokenKind::Semicolon | TokenKind::Whitespace
                )
            })
            .collect()
    };
    let a = significant(before.tokens());
    let b = significant(after.tokens());
    for (i, (&(ia, ta), &(ib, tb))) in a.iter().zip(&b).enumerate() {
        let (sa, sb) = (ta.text(original), tb.text(formatted));
        let same = ta.kind == tb.kind
            && if ta.kind == TokenKind::Comment {
                comment_text(sa) == comment_text(sb)
            } else {
                sa == sb
            };
        if !same {
            return Err(Violation {
                line: line_at(ta.span.start),
                message: format!(
                    "token {} changed: `{}` became `{}`",
                    i + 1,
                    shorten(sa),
                    shorten(sb)
                ),
            });
        }
        if ta.kind == TokenKind::Comment {
            let (was, is) = (
                is_trailing(before.tokens(), ia),
                is_trailing(after.tokens(), ib),
            );
            if was != is {
                let place = |t: bool| if t { "after code" } else { "on its own line" };
                return Err(Violation {
                    line: line_at(ta.span.start),
                    message: format!(
                        "the comment `{}` stood {} and now stands {}",
                        shorten(sa),
                        place(was),
                        place(is)
                    ),
                });
            }
        }
    }
    if a.len() != b.len() {
        let (line, what) = match a.get(b.len()) {
            Some(&(_, t)) => (
                line_at(t.span.start),
                format!(
                    "`{}` and what follows is missing",
                    shorten(t.text(original))
                ),
            ),
            None => (
                line_at(original.len() as u32),
                format!("`{}` was added", shorten(b[a.len()].1.text(formatted))),
            ),
        };
        return Err(Violation {
            line,
            message: format!("{} tokens became {}: {what}", a.len(), b.len()),
        });
    }

    let shape = |src: &str, stmts: Statements<'_>| {
        let mut out = String::new();
        describe(src, stmts, &mut out);
        out
    };
    let (sa, sb) = (
        shape(original, before.tree.statements()),
        shape(formatted, after.tree.statements()),
    );
    if sa != sb {
        let at = sa
            .lines()
            .zip(sb.lines())
            .position(|(x, y)| x != y)
            .unwrap_or(0);
        return Err(Violation {
            line: 1,
            message: format!(
                "the statement structure changed (statement {}: `{}` became `{}`)",
                at + 1,
                sa.lines().nth(at).unwrap_or(""),
                sb.lines().nth(at).unwrap_or("")
            ),
        });
    }
    Ok(())
}

/// One line per statement: depth, keyword, arguments (lists bracketed).
fn describe(src: &str, stmts: Statements<'_>, out: &mut String) {
    fn walk(src: &str, stmts: Statements<'_>, depth: usize, out: &mut String) {
        for s in stmts {
            out.push_str(&".".repeat(depth));
            out.push_str(s.keyword_text(src));
            for arg in s.args() {
                out.push(' ');
                match arg {
                    Arg::Value(v) => out.push_str(&v.text(src).replace('\n', "\\n")),
                    Arg::List(vs, _) => {
                        out.push('[');
                        let items: Vec<String> =
                            vs.map(|v| v.text(src).replace('\n', "\\n")).collect();
                        out.push_str(&items.join("|"));
                        out.push(']');
                    }
                    Arg::Arrow(_) => out.push_str("->"),
                }
            }
            if let Some(b) = s.block() {
                out.push_str(" {\n");
                walk(src, b.statements(), depth + 1, out);
                out.push_str(&".".repeat(depth));
                out.push('}');
            }
            out.push('\n');
        }
    }
    walk(src, stmts, 0, out);
}

fn shorten(s: &str) -> String {
    let mut chars = s.chars();
    let short: String = chars.by_ref().take(40).collect();
    if chars.next().is_some() {
        format!("{short}…")
    } else {
        short
    }
}
