//! Folding ranges: blocks, text blocks, runs of comment lines and runs of
//! imports.

use crate::Analysis;
use journey_diagnostics::{FileId, Span};
use journey_syntax::lexer::TokenKind;
use journey_syntax::tree::Statements;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoldKind {
    Block,
    Text,
    Comment,
    Imports,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fold {
    /// From the start of the first folded line's content to the end of the
    /// last (for a block: from `{` to `}`).
    pub span: Span,
    pub kind: FoldKind,
}

pub(crate) fn folding_ranges(a: &Analysis, file: FileId) -> Vec<Fold> {
    let Some(f) = a.workspace().file(file) else {
        return Vec::new();
    };
    let src: &str = &f.source.text;
    let spans_lines = |s: Span| src[s.range()].contains('\n');
    let mut out = Vec::new();
    fn blocks(stmts: Statements<'_>, out: &mut Vec<Fold>, src: &str) {
        for s in stmts {
            if let Some(b) = s.block() {
                let end = b.close().map_or(b.span().end, |c| c.end);
                let span = Span::new(b.open().start, end);
                if src[span.range()].contains('\n') {
                    out.push(Fold {
                        span,
                        kind: FoldKind::Block,
                    });
                }
                blocks(b.statements(), out, src);
            }
        }
    }
    blocks(f.parse.tree.statements(), &mut out, src);
    // Text blocks and comment runs, from the tokens.
    let mut comment_run: Option<(Span, usize)> = None;
    let flush = |run: &mut Option<(Span, usize)>, out: &mut Vec<Fold>| {
        if let Some((span, lines)) = run.take() {
            if lines >= 2 {
                out.push(Fold {
                    span,
                    kind: FoldKind::Comment,
                });
            }
        }
    };
    let tree = &f.parse.tree;
    let previous_is_newline =
        |i: usize| tree.previous_significant(i).map(|t| t.kind) == Some(TokenKind::Newline);
    for (i, t) in tree.tokens().iter().enumerate() {
        match t.kind {
            TokenKind::Str(shape) if shape.text_block && spans_lines(t.span) => out.push(Fold {
                span: t.span,
                kind: FoldKind::Text,
            }),
            TokenKind::Comment => {
                // Only comments alone on their line join a run.
                let alone = tree.previous_significant(i).is_none() || previous_is_newline(i);
                if !alone {
                    flush(&mut comment_run, &mut out);
                    continue;
                }
                comment_run = match comment_run {
                    Some((span, lines)) => Some((span.cover(t.span), lines + 1)),
                    None => Some((t.span, 1)),
                };
            }
            TokenKind::Newline => {
                // A blank line ends a run.
                if previous_is_newline(i) {
                    flush(&mut comment_run, &mut out);
                }
            }
            TokenKind::Whitespace => {}
            _ => flush(&mut comment_run, &mut out),
        }
    }
    flush(&mut comment_run, &mut out);
    // Runs of imports.
    let imports: Vec<Span> = crate::syntax(f).imports().map(|i| i.span).collect();
    let mut run: Vec<Span> = Vec::new();
    let flush_imports = |run: &mut Vec<Span>, out: &mut Vec<Fold>| {
        if run.len() >= 2 {
            out.push(Fold {
                span: run[0].cover(*run.last().expect("non-empty")),
                kind: FoldKind::Imports,
            });
        }
        run.clear();
    };
    for s in f.parse.tree.statements() {
        if imports.contains(&s.span()) {
            run.push(s.span());
        } else {
            flush_imports(&mut run, &mut out);
        }
    }
    flush_imports(&mut run, &mut out);
    out.sort_by_key(|f| (f.span.start, std::cmp::Reverse(f.span.end)));
    out
}

#[cfg(test)]
mod tests {
    use crate::fixture::Fixture;
    use crate::FoldKind;

    #[test]
    fn blocks_text_blocks_comments_and_imports() {
        let f = Fixture::parse(
            "# Header line one\n# line two\n\nimport \"a.journey\"\nimport \"b.journey\"\n\n\
             persona p {\n  description \"\"\"\n    long\n    text\n    \"\"\"\n  empathy { says \"x\" }\n}\n",
        );
        let file = f.main_file();
        let got: Vec<(FoldKind, String)> = f
            .analysis
            .folding_ranges(file)
            .iter()
            .map(|r| {
                (
                    r.kind,
                    f.describe(file, r.span)
                        .split(' ')
                        .next()
                        .unwrap()
                        .to_string(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (FoldKind::Comment, "main.journey:1:1-2:11".to_string()),
                (FoldKind::Imports, "main.journey:4:1-5:19".to_string()),
                (FoldKind::Block, "main.journey:7:11-13:2".to_string()),
                (FoldKind::Text, "main.journey:8:15-11:8".to_string()),
            ]
        );
    }
}
