//! The parser: tokens to the lossless [`SyntaxTree`], with chumsky.
//!
//! Chumsky reads the statement structure from the tokens the parser sees
//! (no trivia) into a small nested form; [`build_tree`] then lays it out
//! flat over all tokens, trivia included.
//!
//! It never fails. Every statement is parsed with a recovery strategy that
//! keeps what was understood (the keyword, the arguments before the problem,
//! a block after it) and skips the rest of the line, so one typo costs one
//! diagnostic and the following statements and blocks are still parsed.
//! A block whose `}` is missing ends at the end of the file with an error at
//! its `{`; a stray `}` is reported and skipped.

use crate::codes;
use crate::lexer::{Token, TokenKind};
use crate::tree::{Builder, NodeKind, SyntaxTree, Value, ValueKind};
use crate::unclosed::{implicit_closes, BlockEnds, ImplicitClose};
use chumsky::error::{EmptyErr, LabelError};
use chumsky::input::{Input, ValueInput};
use chumsky::prelude::*;
use journey_diagnostics::{Diagnostic, FileId, Span};
use parsed::{Arg, Block, Statement};
use std::sync::Arc;

/// The statement structure as chumsky returns it, before it is laid out
/// flat by [`build_tree`].
pub(crate) mod parsed {
    use crate::tree::Value;
    use journey_diagnostics::Span;

    #[derive(Debug, Clone, PartialEq, Eq)]
    pub(crate) enum Arg {
        Value(Value),
        List(Vec<Value>, Span),
        Arrow(Span),
    }

    #[derive(Debug, Clone, PartialEq, Eq)]
    pub(crate) struct Statement {
        pub(crate) args: Vec<Arg>,
        pub(crate) block: Option<Block>,
        pub(crate) span: Span,
    }

    #[derive(Debug, Clone, PartialEq, Eq)]
    pub(crate) struct Block {
        pub(crate) statements: Vec<Statement>,
        pub(crate) closed: bool,
        pub(crate) span: Span,
    }

    impl Statement {
        /// This statement and the nodes below it.
        pub(crate) fn node_count(&self) -> usize {
            1 + self
                .args
                .iter()
                .map(|a| match a {
                    Arg::List(values, _) => 1 + values.len(),
                    _ => 1,
                })
                .sum::<usize>()
                + self.block.as_ref().map_or(0, |b| {
                    1 + b
                        .statements
                        .iter()
                        .map(Statement::node_count)
                        .sum::<usize>()
                })
        }
    }
}

/// Lays out `statements` (parsed from `tokens`' significant tokens) as
/// the flat tree over all of `tokens`, trivia included; the file node
/// spans `0..src_len`.
pub(crate) fn build_tree(
    tokens: Vec<Token>,
    src_len: usize,
    statements: &[Statement],
) -> SyntaxTree {
    let count = 1 + statements.iter().map(Statement::node_count).sum::<usize>();
    let mut b = Builder::new(&tokens, count);
    let root = b.open(NodeKind::File, Span::new(0, src_len as u32));
    for s in statements {
        add_statement(&mut b, s);
    }
    b.close(root);
    let nodes = b.finish();
    SyntaxTree { tokens, nodes }
}

fn add_statement(b: &mut Builder<'_>, s: &Statement) {
    let node = b.open(NodeKind::Statement, s.span);
    for arg in &s.args {
        match arg {
            Arg::Value(v) => b.leaf(NodeKind::Value(v.kind), v.span),
            Arg::Arrow(span) => b.leaf(NodeKind::Arrow, *span),
            Arg::List(values, span) => {
                let list = b.open(NodeKind::List, *span);
                for v in values {
                    b.leaf(NodeKind::Value(v.kind), v.span);
                }
                b.close(list);
            }
        }
    }
    if let Some(block) = &s.block {
        let node = b.open(
            NodeKind::Block {
                closed: block.closed,
            },
            block.span,
        );
        for s in &block.statements {
            add_statement(b, s);
        }
        b.close(node);
    }
    b.close(node);
}

/// Blocks nested deeper than this are reported and flattened. Real journeys
/// nest four levels at most (goal → actor → impact); the limit keeps every
/// recursive pass over the tree bounded whatever the input.
pub const MAX_DEPTH: usize = 32;

type Err<'t> = Rich<'t, TokenKind, SimpleSpan, String>;

/// Custom errors carry their code in front of the message, split off again
/// in [`to_diagnostic`].
const CODE_SEP: char = '\u{1f}';

/// The error types the parser runs with: [`EmptyErr`] for the fast first
/// pass (no allocation per failed alternative), [`Rich`] when that pass
/// found errors and messages are needed.
trait ParseError<'t, I: Input<'t>>:
    chumsky::error::Error<'t, I>
    + LabelError<'t, I, &'static str>
    + LabelError<'t, I, chumsky::DefaultExpected<'t, TokenKind>>
{
    fn custom(code: &str, span: SimpleSpan, message: &str) -> Self;
}

impl<'t, I> ParseError<'t, I> for Err<'t>
where
    I: Input<'t, Token = TokenKind, Span = SimpleSpan>,
{
    fn custom(code: &str, span: SimpleSpan, message: &str) -> Self {
        Rich::custom(span, format!("{code}{CODE_SEP}{message}"))
    }
}

impl<'t, I: Input<'t>> ParseError<'t, I> for EmptyErr {
    fn custom(_: &str, _: SimpleSpan, _: &str) -> Self {
        EmptyErr::default()
    }
}

fn custom<'t, I: Input<'t>, E: ParseError<'t, I>>(
    code: &str,
    span: SimpleSpan,
    message: &str,
) -> E {
    E::custom(code, span, message)
}

fn sp(s: SimpleSpan) -> Span {
    Span::new(s.start as u32, s.end as u32)
}

fn value_kind(k: TokenKind) -> ValueKind {
    match k {
        TokenKind::Number => ValueKind::Number,
        TokenKind::Date => ValueKind::Date,
        TokenKind::Str(shape) => ValueKind::Str(shape),
        _ => ValueKind::Ident,
    }
}

fn is_line_end(k: &TokenKind) -> bool {
    matches!(k, TokenKind::Newline | TokenKind::Semicolon)
}

fn source_parser<'t, I, E>(
    definition_starts: Arc<[u32]>,
) -> impl Parser<'t, I, Vec<Statement>, extra::Err<E>>
where
    I: ValueInput<'t, Token = TokenKind, Span = SimpleSpan>,
    E: ParseError<'t, I> + 't,
{
    use TokenKind::*;
    let separators = any().filter(is_line_end).ignored().repeated();
    // `phase` at the start of a line inside a block: the block lacks its
    // `}`. It ends there, so that the definition is read at the top level
    // instead of as a misplaced statement.
    let definition_start = any()
        .map_with(|k, e| (k, e.span()))
        .filter(move |(k, s): &(TokenKind, SimpleSpan)| {
            *k == Ident && definition_starts.binary_search(&(s.start as u32)).is_ok()
        })
        .ignored();

    let value = any()
        .filter(|k: &TokenKind| k.is_value())
        .map_with(|k, e| Value {
            kind: value_kind(k),
            span: sp(e.span()),
        })
        .labelled("a value");
    let comma = just(Comma).then(just(Newline).repeated());
    // A comma at the end of a list promises another value; report it at
    // the comma (not at whatever comes next) and offer to remove it.
    let trailing_comma = just(Comma)
        .map_with(|_, e| e.span())
        .then_ignore(just(Newline).repeated())
        .validate(|span: SimpleSpan, _, emitter| {
            emitter.emit(custom::<I, E>(
                codes::UNEXPECTED_TOKEN.code,
                span,
                "a comma must be followed by another value",
            ));
        });
    let arg = value
        .separated_by(comma)
        .at_least(1)
        .collect::<Vec<_>>()
        .then_ignore(trailing_comma.or_not())
        .map_with(|mut values, e| {
            if values.len() == 1 {
                Arg::Value(values.pop().expect("at least one"))
            } else {
                Arg::List(values, sp(e.span()))
            }
        })
        .or(just(Arrow).map_with(|_, e| Arg::Arrow(sp(e.span()))));
    let keyword = just(Ident)
        .map_with(|_, e| sp(e.span()))
        .labelled("a keyword");
    // Anything the rest of a broken line may hold.
    let stray = any().filter(|k: &TokenKind| !matches!(k, Newline | Semicolon | LBrace | RBrace));

    // An item inside a block or at the top level: a statement, or something
    // that is not one (reported, skipped, `None`). Never fails while there
    // is input other than `}`.
    let item = recursive(|item| {
        let block = just(LBrace)
            .map_with(|_, e| sp(e.span()))
            .then(
                separators.ignore_then(
                    definition_start
                        .clone()
                        .not()
                        .ignore_then(item)
                        .then_ignore(separators)
                        .repeated()
                        .collect::<Vec<_>>(),
                ),
            )
            .then(
                just(RBrace)
                    .map_with(|_, e| {
                        // An empty `}` ends a block that lacks its own.
                        let span: SimpleSpan = e.span();
                        (span.start < span.end).then(|| sp(span))
                    })
                    .or(end().to(None))
                    .or(definition_start.clone().rewind().to(None)),
            )
            .validate(|((open, items), close), e, emitter| {
                if close.is_none() {
                    emitter.emit(custom::<I, E>(
                        codes::UNCLOSED_BLOCK.code,
                        SimpleSpan::from(open.range()),
                        "this block is never closed",
                    ));
                }
                Block {
                    statements: items.into_iter().flatten().collect::<Vec<Statement>>(),
                    closed: close.is_some(),
                    span: sp(e.span()),
                }
            });

        // The rest of a line that fits no statement: reported once at its
        // first token and skipped. The parser never backtracks over a
        // block, so its time stays linear in the input however the
        // mistakes nest.
        let leftover = stray
            .repeated()
            .at_least(1)
            .collect::<Vec<TokenKind>>()
            .map_with(|kinds, e| (kinds[0], e.span()))
            .validate(|(first, span): (TokenKind, SimpleSpan), _, emitter| {
                emitter.emit(custom::<I, E>(
                    codes::UNEXPECTED_TOKEN.code,
                    span,
                    &format!("unexpected {}", first.describe()),
                ));
            });
        let second_block = block.clone().validate(|b, _, emitter| {
            emitter.emit(custom::<I, E>(
                codes::UNEXPECTED_TOKEN.code,
                SimpleSpan::from(b.span.start as usize..b.span.start as usize + 1),
                "a statement has one block at most",
            ));
        });
        let statement = keyword
            .then(arg.repeated().collect::<Vec<_>>())
            .then_ignore(leftover.or_not())
            .then(block.clone().or_not())
            .then_ignore(
                definition_start
                    .clone()
                    .not()
                    .ignore_then(leftover.ignored().or(second_block.ignored()))
                    .repeated(),
            )
            .map_with(|((_keyword, args), block), e| Statement {
                args,
                block,
                span: sp(e.span()),
            });
        let anonymous_block = block.clone().validate(|b, _, emitter| {
            emitter.emit(custom::<I, E>(
                codes::EXPECTED_STATEMENT.code,
                SimpleSpan::from(b.span.start as usize..b.span.start as usize + 1),
                "a block needs a keyword before it",
            ));
        });
        let junk = stray
            .repeated()
            .at_least(1)
            .map_with(|_, e| e.span())
            .then(block.or_not())
            .validate(|(span, _), _, emitter| {
                emitter.emit(custom::<I, E>(
                    codes::EXPECTED_STATEMENT.code,
                    span,
                    "expected a statement: a line starts with a keyword",
                ));
            });
        statement
            .map(Some)
            .or(anonymous_block.to(None))
            .or(junk.to(None))
    });

    let stray_close = just(RBrace)
        .validate(|_, e, emitter| {
            let span: SimpleSpan = e.span();
            if span.start == span.end {
                // An empty `}` that found its block already ended.
                return;
            }
            emitter.emit(custom::<I, E>(
                codes::UNMATCHED_CLOSE.code,
                e.span(),
                "this `}` closes no block",
            ));
        })
        .to(None);
    separators
        .ignore_then(
            item.or(stray_close)
                .then_ignore(separators)
                .repeated()
                .collect::<Vec<_>>(),
        )
        .then_ignore(end())
        .map(|items| items.into_iter().flatten().collect())
}

/// The tokens the parser sees: no comments, no invalid bytes (already
/// reported by the lexer), and no braces nested deeper than [`MAX_DEPTH`]
/// (reported here).
///
/// Where a line ends blocks that lack their `}` ([`implicit_closes`]),
/// the parser sees an empty `}` and a line end before it: the block is
/// read as ending there and reported as never closed.
fn parser_input(
    tokens: &[Token],
    closes: &[ImplicitClose],
    file: FileId,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(TokenKind, SimpleSpan)> {
    let mut out = Vec::with_capacity(tokens.len() + 2 * closes.len());
    let mut depth = 0usize;
    let mut reported = false;
    let mut closes = closes.iter().peekable();
    for t in tokens {
        match t.kind {
            TokenKind::Comment | TokenKind::Whitespace | TokenKind::Error => continue,
            _ => {}
        }
        while let Some(c) = closes.next_if(|c| c.line <= t.span.start) {
            let at = SimpleSpan::from(c.line as usize..c.line as usize);
            out.push((TokenKind::RBrace, at));
            out.push((TokenKind::Newline, at));
            depth = depth.saturating_sub(1);
        }
        match t.kind {
            TokenKind::LBrace => {
                depth += 1;
                if depth > MAX_DEPTH {
                    if !reported {
                        reported = true;
                        diags.push(
                            Diagnostic::new(
                                &codes::TOO_DEEP,
                                file,
                                t.span,
                                format!("blocks are nested more than {MAX_DEPTH} levels deep"),
                            )
                            .with_label("this block is too deep")
                            .with_help("journeys nest at most goal → actor → impact; close the blocks above"),
                        );
                    }
                    continue;
                }
            }
            TokenKind::RBrace if depth > 0 => {
                depth -= 1;
                if depth >= MAX_DEPTH {
                    continue;
                }
            }
            _ => {}
        }
        out.push((t.kind, SimpleSpan::from(t.span.range())));
    }
    out
}

/// The byte offsets of the keywords that start a top-level definition
/// (`phase`, `persona`, `goal` …: keywords of the top level only) at the
/// very start of a line, in order.
pub(crate) fn definition_starts(tokens: &[Token], src: &str) -> Arc<[u32]> {
    let mut out = Vec::new();
    let mut line_start = true;
    for t in tokens {
        if t.kind == TokenKind::Newline {
            line_start = true;
            continue;
        }
        if line_start && t.kind == TokenKind::Ident && is_top_level_only(t.text(src)) {
            out.push(t.span.start);
        }
        line_start = false;
    }
    out.into()
}

pub(crate) fn is_top_level_only(word: &str) -> bool {
    crate::schema::contexts_of(word) == [crate::schema::Context::TopLevel]
}

/// Below this many tokens (about 40 KB of journey) a file is parsed in
/// one piece: splitting it would cost more than it saves.
pub(crate) const PARALLEL_MIN_TOKENS: usize = 10_000;

/// Parses `tokens` (from [`crate::lexer::lex_lossless`] over the same text). Files
/// of at least `min_tokens` tokens are split into runs of whole top-level
/// definitions that are parsed in parallel.
///
/// Also returns where blocks ended besides their `}`, as the parse read
/// them, for the report of a block left unclosed.
pub(crate) fn parse_tokens_in_chunks(
    tokens: &[Token],
    src: &str,
    file: FileId,
    diags: &mut Vec<Diagnostic>,
    min_tokens: usize,
) -> (Vec<Statement>, BlockEnds) {
    let src_len = src.len();
    let starts = definition_starts(tokens, src);
    let reported_before = diags.len();
    let input = parser_input(tokens, &[], file, diags);
    let eoi = SimpleSpan::from(src_len..src_len);
    // Most files are well-formed: parse once without error details, and
    // only when that finds errors parse again to describe them.
    let fast = if input.len() >= min_tokens {
        parse_chunks_fast(&input, eoi, &starts)
    } else {
        let (output, errors) = source_parser::<_, EmptyErr>(starts.clone())
            .parse(input.as_slice().map(eoi, |(k, s)| (k, s)))
            .into_output_errors();
        output.filter(|_| errors.is_empty())
    };
    if let Some(statements) = fast {
        let ends = BlockEnds {
            definition_starts: starts,
            implicit_closes: Vec::new(),
        };
        return (statements, ends);
    }
    // Only a file with a problem can lack a `}`: where its indentation
    // ends blocks early, the parser sees them end there.
    let closes = implicit_closes(tokens, src);
    let input = if closes.is_empty() {
        input
    } else {
        diags.truncate(reported_before);
        parser_input(tokens, &closes, file, diags)
    };
    let (output, errors) = source_parser::<_, Err>(starts.clone())
        .parse(input.as_slice().map(eoi, |(k, s)| (k, s)))
        .into_output_errors();
    diags.extend(errors.into_iter().map(|e| to_diagnostic(e, file)));
    let ends = BlockEnds {
        definition_starts: starts,
        implicit_closes: closes,
    };
    (output.unwrap_or_default(), ends)
}

/// The error-free fast pass over runs of whole top-level definitions, in
/// parallel; `None` when any run has an error (the caller then parses the
/// whole file again with error details, exactly as without splitting).
///
/// A file is a sequence of statements, so a well-formed file parses to
/// the concatenation of its runs. Runs are cut only at a line end at
/// nesting depth 0 right after a block's `}` and before a keyword, where
/// no statement can continue.
fn parse_chunks_fast(
    input: &[(TokenKind, SimpleSpan)],
    eoi: SimpleSpan,
    starts: &Arc<[u32]>,
) -> Option<Vec<Statement>> {
    use rayon::prelude::*;
    let chunks = split_at_definitions(input, rayon::current_num_threads() * 4);
    let parsed: Vec<Option<Vec<Statement>>> = chunks
        .par_iter()
        .map(|chunk| {
            let end = chunk
                .last()
                .map_or(eoi, |(_, s)| SimpleSpan::from(s.end..s.end));
            let (output, errors) = source_parser::<_, EmptyErr>(starts.clone())
                .parse(chunk.map(end, |(k, s)| (k, s)))
                .into_output_errors();
            output.filter(|_| errors.is_empty())
        })
        .collect();
    let mut statements = Vec::new();
    for p in parsed {
        statements.extend(p?);
    }
    Some(statements)
}

/// `input` cut into about `parts` runs of similar length, each ending
/// after a top-level block and its line end.
fn split_at_definitions(
    input: &[(TokenKind, SimpleSpan)],
    parts: usize,
) -> Vec<&[(TokenKind, SimpleSpan)]> {
    let target = input.len().div_ceil(parts.max(1)).max(1);
    let mut chunks = Vec::with_capacity(parts + 1);
    let (mut start, mut depth) = (0usize, 0usize);
    let mut after_block = false;
    for (i, (kind, _)) in input.iter().enumerate() {
        match kind {
            TokenKind::LBrace => depth += 1,
            TokenKind::RBrace => depth = depth.saturating_sub(1),
            _ => {}
        }
        let cut_here = depth == 0
            && after_block
            && *kind == TokenKind::Ident
            && i > start
            && i - start >= target
            && is_line_end(&input[i - 1].0);
        if cut_here {
            chunks.push(&input[start..i]);
            start = i;
        }
        if !is_line_end(kind) {
            after_block = depth == 0 && *kind == TokenKind::RBrace;
        }
    }
    chunks.push(&input[start..]);
    chunks
}

fn to_diagnostic(err: Err<'_>, file: FileId) -> Diagnostic {
    let span = sp(*err.span());
    match err.reason() {
        chumsky::error::RichReason::Custom(msg) => {
            let (code, message) = msg.split_once(CODE_SEP).unwrap_or(("", msg));
            let info = codes::by_code(code).unwrap_or(&codes::UNEXPECTED_TOKEN);
            let mut d = Diagnostic::new(info, file, span, message);
            if message.starts_with("unexpected") {
                d = d.with_label("expected a value, a block `{ … }` or the end of the line");
            }
            if message.starts_with("a comma") {
                d = d
                    .with_label("nothing follows this comma")
                    .with_help("remove the comma, or add the next value after it")
                    .with_fix("remove the trailing comma", span, "");
            }
            if info.code == codes::UNCLOSED_BLOCK.code {
                d = d
                    .with_label("opened here")
                    .with_help("add a `}` where the block ends");
            }
            d
        }
        chumsky::error::RichReason::ExpectedFound { expected, found } => {
            let found_text = match found {
                Some(k) => k.describe().to_string(),
                None => "the end of the file".to_string(),
            };
            let mut expected: Vec<String> = expected.iter().map(describe_pattern).collect();
            expected.sort();
            expected.dedup();
            let mut d = Diagnostic::new(
                &codes::UNEXPECTED_TOKEN,
                file,
                span,
                format!("unexpected {found_text}"),
            );
            if !expected.is_empty() {
                d = d.with_label(format!("expected {}", join_or(&expected)));
            }
            if matches!(found.as_deref(), Some(TokenKind::Comma)) {
                d = d.with_help(
                    "a comma separates the values of a list; remove it or add a value after it",
                );
            }
            d
        }
    }
}

fn describe_pattern(p: &chumsky::error::RichPattern<'_, TokenKind>) -> String {
    use chumsky::error::RichPattern;
    match p {
        RichPattern::Token(t) => t.describe().to_string(),
        RichPattern::Label(l) => l.to_string(),
        RichPattern::EndOfInput => "the end of the file".to_string(),
        RichPattern::Identifier(s) => format!("`{s}`"),
        _ => "something else".to_string(),
    }
}

fn join_or(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexer::lex;

    fn runs(src: &str, parts: usize) -> Vec<String> {
        let mut diags = Vec::new();
        let input = parser_input(&lex(src), &[], FileId(0), &mut diags);
        split_at_definitions(&input, parts)
            .into_iter()
            .map(|run| {
                let (first, last) = (run[0].1, run[run.len() - 1].1);
                src[first.start..last.end].trim().to_string()
            })
            .collect()
    }

    #[test]
    fn runs_are_cut_only_between_top_level_definitions() {
        let src = "import \"a.journey\"\nimport \"b.journey\"\npersona p \"P\" {\n  needs \"x\",\n    y\n}\nphase a \"A\" {\n  touchpoint t {\n    says \"s\"\n  }\n}\n\ngoal g \"G\" {\n}\n";
        assert_eq!(
            runs(src, 100),
            [
                "import \"a.journey\"\nimport \"b.journey\"\npersona p \"P\" {\n  needs \"x\",\n    y\n}",
                "phase a \"A\" {\n  touchpoint t {\n    says \"s\"\n  }\n}",
                "goal g \"G\" {\n}",
            ]
        );
        assert_eq!(runs(src, 1).len(), 1, "one part: no cut");
    }

    /// A clean file split into runs takes the parallel fast pass (the
    /// whole-file fallback is for files with errors only) and yields the
    /// statements of a whole-file parse.
    #[test]
    fn a_clean_file_is_parsed_in_runs() {
        let src: String = (0..40)
            .map(|i| format!("phase p{i} \"P\" {{\n  message \"m {i}\"\n}}\n"))
            .collect();
        let mut diags = Vec::new();
        let input = parser_input(&lex(&src), &[], FileId(0), &mut diags);
        let eoi = SimpleSpan::from(src.len()..src.len());
        assert!(split_at_definitions(&input, 8).len() > 4, "several runs");
        let starts = definition_starts(&lex(&src), &src);
        let runs = parse_chunks_fast(&input, eoi, &starts).expect("no run has an error");
        let (whole, _) =
            parse_tokens_in_chunks(&lex(&src), &src, FileId(0), &mut diags, usize::MAX);
        assert_eq!(runs, whole);
        assert_eq!(runs.len(), 40);
        assert!(diags.is_empty());
        let broken = src.replacen("message", "message {", 1);
        let input = parser_input(&lex(&broken), &[], FileId(0), &mut diags);
        let eoi = SimpleSpan::from(broken.len()..broken.len());
        assert!(
            parse_chunks_fast(&input, eoi, &definition_starts(&lex(&broken), &broken)).is_none(),
            "errors go the whole-file way"
        );
    }

    #[test]
    fn a_keyword_on_the_line_of_a_closing_brace_is_not_a_cut() {
        let src = "phase a \"A\" {\n} phase b \"B\" {\n}\nphase c \"C\" {\n}\n";
        assert_eq!(runs(src, 100).len(), 2);
    }
}
