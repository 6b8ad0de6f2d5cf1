//! Where the cursor stands: in which blocks, in which statement, after
//! which words. Read from the generic tree (blocks) and the tokens (the
//! statement being typed, which the parser may not have seen as one yet).

use journey_diagnostics::Span;
use journey_syntax::lexer::{Token, TokenKind};
use journey_syntax::schema::{self, Context};
use journey_syntax::tree::{Statement, SyntaxTree};
use journey_syntax::Parse;

/// The blocks around an offset, outermost first: each statement whose
/// block contains the offset, with the context that block opens.
#[derive(Debug, Clone)]
pub(crate) struct Blocks<'t> {
    pub frames: Vec<(Statement<'t>, Context)>,
    /// The context of the innermost block; `None` inside a block the
    /// schema does not know (a misspelt keyword).
    pub context: Option<Context>,
}

/// The blocks containing `offset`. A block contains the offsets after its
/// `{` up to and including its `}` (or the end of the file when unclosed).
pub(crate) fn blocks_at<'t>(src: &str, tree: &'t SyntaxTree, offset: u32) -> Blocks<'t> {
    let mut frames = Vec::new();
    let mut context = Some(Context::TopLevel);
    let mut statements = tree.statements();
    while let Some(ctx) = context {
        let inside = statements.find_map(|s| {
            s.block()
                .filter(|b| b.open().end <= offset && b.close().is_none_or(|c| offset <= c.start))
                .map(|b| (s, b))
        });
        let Some((stmt, block)) = inside else { break };
        let opens = schema::keyword(stmt.keyword_text(src), ctx).and_then(|k| k.opens);
        frames.push((stmt, opens.unwrap_or(ctx)));
        context = opens;
        statements = block.statements();
    }
    Blocks { frames, context }
}

/// The statements whose span touches `offset`, outermost first, each with
/// the context it stands in (`None` below a block the schema does not know).
pub(crate) fn statements_at<'t>(
    src: &str,
    tree: &'t SyntaxTree,
    offset: u32,
) -> Vec<(Statement<'t>, Option<Context>)> {
    let mut out = Vec::new();
    let mut context = Some(Context::TopLevel);
    let mut statements = tree.statements();
    while let Some(stmt) = statements.find(|s| s.span().touches(offset)) {
        out.push((stmt, context));
        context = context
            .and_then(|ctx| schema::keyword(stmt.keyword_text(src), ctx))
            .and_then(|k| k.opens);
        match stmt.block() {
            Some(b) => statements = b.statements(),
            None => break,
        }
    }
    out
}

/// The statement at the cursor, as far as it is typed.
#[derive(Debug, Clone, Default)]
pub(crate) struct Typed<'s> {
    /// The identifier touching the cursor, being typed: replaced by a
    /// completion.
    pub word: Option<Span>,
    /// The tokens of the statement before the word, keyword first; empty
    /// when the cursor is where a statement starts.
    pub before: Vec<(TokenKind, Span, &'s str)>,
    /// The cursor is inside a string literal (this one).
    pub in_string: Option<Span>,
}

impl<'s> Typed<'s> {
    /// The statement's keyword, if the cursor is past it.
    pub fn keyword(&self) -> Option<&'s str> {
        match self.before.first() {
            Some((TokenKind::Ident, _, text)) => Some(text),
            _ => None,
        }
    }

    /// The arguments typed so far (tokens after the keyword).
    pub fn args(&self) -> &[(TokenKind, Span, &'s str)] {
        self.before.get(1..).unwrap_or(&[])
    }

    /// The last argument token before the cursor.
    pub fn last(&self) -> Option<(TokenKind, &'s str)> {
        self.args().last().map(|(k, _, t)| (*k, *t))
    }

    /// Identifiers already written in the statement (to leave them out of
    /// list completions).
    pub fn idents(&self) -> impl Iterator<Item = &'s str> + '_ {
        self.args()
            .iter()
            .filter(|(k, _, _)| *k == TokenKind::Ident)
            .map(|(_, _, t)| *t)
    }
}

/// Reads the statement being typed at `offset` from the tokens.
pub(crate) fn typed_at<'s>(src: &'s str, parse: &Parse, offset: u32) -> Typed<'s> {
    let tokens: &[Token] = parse.tokens();
    // The first token that ends at or after the cursor.
    let mut i = tokens.partition_point(|t| t.span.end < offset);
    let mut typed = Typed::default();
    if let Some(t) = tokens.get(i) {
        let inside = t.span.start < offset && offset <= t.span.end;
        match t.kind {
            TokenKind::Ident if t.span.start < offset => {
                typed.word = Some(t.span);
            }
            TokenKind::Str(shape) if inside => {
                // Past the closing quote is outside the string.
                let closed_here = !shape.unterminated && offset == t.span.end;
                if !closed_here {
                    typed.in_string = Some(t.span);
                }
            }
            TokenKind::Comment if inside => {
                typed.in_string = Some(t.span);
            }
            _ => {}
        }
        if t.span.start >= offset || typed.word.is_some() || typed.in_string.is_some() {
            // `tokens[i]` is not before the cursor.
        } else {
            i += 1;
        }
    }
    // Walk back to the start of the statement.
    let mut j = i;
    while j > 0 {
        let t = tokens[j - 1];
        match t.kind {
            TokenKind::LBrace | TokenKind::RBrace | TokenKind::Semicolon => break,
            TokenKind::Newline => {
                // A line ending in a comma continues the statement.
                let prev = tokens[..j - 1]
                    .iter()
                    .rev()
                    .find(|p| !p.kind.is_trivia() && p.kind != TokenKind::Newline);
                if prev.is_none_or(|p| p.kind != TokenKind::Comma) {
                    break;
                }
            }
            _ => {}
        }
        j -= 1;
    }
    typed.before = tokens[j..i]
        .iter()
        .filter(|t| !t.kind.is_trivia() && t.kind != TokenKind::Newline)
        .filter(|t| Some(t.span) != typed.word && Some(t.span) != typed.in_string)
        .map(|t| (t.kind, t.span, &src[t.span.range()]))
        .collect();
    typed
}

#[cfg(test)]
mod tests {
    use super::*;
    use journey_diagnostics::FileId;

    fn at(text: &str) -> (String, u32) {
        let offset = text.find("$0").expect("cursor") as u32;
        (text.replacen("$0", "", 1), offset)
    }

    #[test]
    fn blocks_give_the_innermost_context() {
        let (src, offset) = at("phase p {\n  touchpoint t {\n    $0\n  }\n}\n");
        let parse = journey_syntax::parse(&src, FileId(0));
        let b = blocks_at(&src, &parse.tree, offset);
        assert_eq!(b.context, Some(Context::Touchpoint));
        assert_eq!(b.frames.len(), 2);
    }

    #[test]
    fn unclosed_block_extends_to_the_end() {
        let (src, offset) = at("goal g {\n  actor a {\n    $0");
        let parse = journey_syntax::parse(&src, FileId(0));
        assert_eq!(
            blocks_at(&src, &parse.tree, offset).context,
            Some(Context::Actor)
        );
    }

    #[test]
    fn statement_continues_after_a_comma_at_the_line_end() {
        let (src, offset) = at("journey j {\n  phases a, b,\n    c, $0\n}\n");
        let parse = journey_syntax::parse(&src, FileId(0));
        let t = typed_at(&src, &parse, offset);
        assert_eq!(t.keyword(), Some("phases"));
        assert_eq!(t.idents().collect::<Vec<_>>(), ["a", "b", "c"]);
        assert!(t.word.is_none());
    }

    #[test]
    fn word_being_typed_is_not_part_of_the_statement() {
        let (src, offset) = at("phase p {\n  touchpoint t {\n    serves ab$0\n  }\n}\n");
        let parse = journey_syntax::parse(&src, FileId(0));
        let t = typed_at(&src, &parse, offset);
        assert_eq!(t.keyword(), Some("serves"));
        assert_eq!(t.args().len(), 0);
        assert_eq!(&src[t.word.unwrap().range()], "ab");
    }

    #[test]
    fn start_of_line_is_a_keyword_position() {
        let (src, offset) = at("phase p {\n  kind awareness\n  $0\n}\n");
        let parse = journey_syntax::parse(&src, FileId(0));
        let t = typed_at(&src, &parse, offset);
        assert!(t.before.is_empty());
        let (src, offset) = at("phase p {\n  kind awareness\n  que$0\n}\n");
        let parse = journey_syntax::parse(&src, FileId(0));
        let t = typed_at(&src, &parse, offset);
        assert!(t.before.is_empty());
        assert!(t.word.is_some());
    }

    #[test]
    fn inside_a_string() {
        let (src, offset) = at("import \"per$0\"\n");
        let parse = journey_syntax::parse(&src, FileId(0));
        let t = typed_at(&src, &parse, offset);
        assert!(t.in_string.is_some());
        assert_eq!(t.keyword(), Some("import"));
    }
}
