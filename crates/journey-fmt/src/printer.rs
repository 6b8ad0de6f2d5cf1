//! The printer: walks the statement tree and the token stream side by side.
//!
//! The tree says where statements, heads and blocks begin and end; the
//! token stream (which holds comments, line breaks and `;`) fills the gaps
//! between them. Every token is consumed exactly once, in order: the value
//! tokens of a statement head are copied as they are, the tokens between
//! statements are turned into comments and blank lines. A token that has no
//! place where it stands is reported as [`FormatError::Internal`], never
//! dropped.

use crate::{FormatError, FormatOptions};
use journey_syntax::lexer::{Token, TokenKind};
use journey_syntax::tree::{Block, Statement};
use journey_syntax::Parse;
use unicode_width::UnicodeWidthStr;

pub(crate) fn print(src: &str, parse: &Parse, opts: &FormatOptions) -> Result<String, FormatError> {
    let mut p = Printer {
        src,
        toks: parse.tokens(),
        pos: 0,
        out: String::with_capacity(src.len() + src.len() / 8),
        nl: line_ending(src),
        opts,
        line_open: false,
    };
    if src.starts_with('\u{FEFF}') {
        p.out.push('\u{FEFF}');
    }
    p.statements(parse.tree.statements(), 0, true, src.len() as u32)?;
    p.end_line();
    if p.pos != p.toks.len() {
        return Err(p.unexpected(p.toks[p.pos]));
    }
    Ok(p.out)
}

/// The line break a file is written with: CRLF when its first line break
/// is one, LF otherwise. `journeyc check --fix` writes the line breaks a
/// fix inserts with it too.
pub fn line_ending(src: &str) -> &'static str {
    match src.find('\n') {
        Some(i) if i > 0 && src.as_bytes()[i - 1] == b'\r' => "\r\n",
        _ => "\n",
    }
}

/// A comment's text without trailing whitespace.
pub(crate) fn comment_text(text: &str) -> &str {
    text.trim_end_matches([' ', '\t', '\x0c'])
}

/// True when the comment at `idx` follows code on its line (`;` and
/// blanks aside).
pub(crate) fn is_trailing(toks: &[Token], idx: usize) -> bool {
    toks[..idx]
        .iter()
        .rev()
        .find(|t| !matches!(t.kind, TokenKind::Semicolon | TokenKind::Whitespace))
        .is_some_and(|t| t.kind != TokenKind::Newline)
}

#[cfg(test)]
thread_local! {
    /// Test hook: `Some(n)` makes the printer drop its n-th comment (from
    /// 0). Proves that the safety harness notices a lost comment.
    pub(crate) static DROP_COMMENT: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
}

/// What lies between two statements.
struct Gap {
    items: Vec<GapItem>,
    /// A blank line between the last item (or the previous statement) and
    /// what follows.
    blank_after: bool,
}

enum GapItem {
    /// A comment after code on the same line.
    Trailing(Token),
    /// A comment on a line of its own.
    Own { blank_before: bool, tok: Token },
}

struct Printer<'a> {
    src: &'a str,
    toks: &'a [Token],
    /// The next token not yet printed.
    pos: usize,
    out: String,
    nl: &'static str,
    opts: &'a FormatOptions,
    /// The current output line has text and no line break yet.
    line_open: bool,
}

impl Printer<'_> {
    fn unexpected(&self, t: Token) -> FormatError {
        FormatError::Internal(format!(
            "unexpected {} at byte {}",
            t.kind.describe(),
            t.span.start
        ))
    }

    fn text(&self, t: Token) -> &str {
        &self.src[t.span.range()]
    }

    fn end_line(&mut self) {
        if self.line_open {
            self.out.push_str(self.nl);
            self.line_open = false;
        }
    }

    fn blank_line(&mut self) {
        self.end_line();
        self.out.push_str(self.nl);
    }

    fn start_line(&mut self, depth: usize) {
        self.end_line();
        let n = depth * self.opts.indent;
        self.out.extend(std::iter::repeat_n(' ', n));
        self.line_open = true;
    }

    fn comment(&mut self, t: Token) {
        #[cfg(test)]
        if DROP_COMMENT.with(|c| match c.get() {
            Some(0) => {
                c.set(None);
                true
            }
            n => {
                c.set(n.map(|n| n - 1));
                false
            }
        }) {
            return;
        }
        let text = comment_text(&self.src[t.span.range()]);
        self.out.push_str(text);
    }

    /// Consumes the comments, line breaks and `;` before byte `end`.
    fn gap(&mut self, end: u32) -> Result<Gap, FormatError> {
        let mut items = Vec::new();
        let mut newlines = 0;
        while let Some(&t) = self.toks.get(self.pos) {
            if t.span.start >= end {
                break;
            }
            match t.kind {
                TokenKind::Newline => newlines += 1,
                TokenKind::Semicolon | TokenKind::Whitespace => {}
                TokenKind::Comment => {
                    if is_trailing(self.toks, self.pos) {
                        items.push(GapItem::Trailing(t));
                    } else {
                        items.push(GapItem::Own {
                            blank_before: newlines >= 2,
                            tok: t,
                        });
                    }
                    newlines = 0;
                }
                _ => return Err(self.unexpected(t)),
            }
            self.pos += 1;
        }
        Ok(Gap {
            items,
            blank_after: newlines >= 2,
        })
    }

    /// Prints a gap. `at_start`: right after `{` or at the top of the file,
    /// where no blank line belongs. `forced`: the first line after the
    /// previous statement must be preceded by a blank line. `before_next`:
    /// a statement follows (otherwise `}` or the end of the file).
    fn print_gap(
        &mut self,
        gap: Gap,
        depth: usize,
        at_start: bool,
        forced: bool,
        before_next: bool,
    ) {
        let mut first = true;
        let blank = |first: bool, author: bool| {
            if first {
                !at_start && (forced || author)
            } else {
                author
            }
        };
        for item in gap.items {
            match item {
                GapItem::Trailing(t) if self.line_open => {
                    self.out.push(' ');
                    self.comment(t);
                }
                GapItem::Trailing(t) => {
                    // Only `;` stood before it; it begins its own line.
                    if blank(first, false) {
                        self.blank_line();
                    }
                    self.start_line(depth);
                    self.comment(t);
                    first = false;
                }
                GapItem::Own { blank_before, tok } => {
                    if blank(first, blank_before) {
                        self.blank_line();
                    }
                    self.start_line(depth);
                    self.comment(tok);
                    first = false;
                }
            }
        }
        self.end_line();
        if before_next && blank(first, gap.blank_after) {
            self.blank_line();
        }
    }

    fn statements<'t>(
        &mut self,
        stmts: impl Iterator<Item = Statement<'t>>,
        depth: usize,
        top: bool,
        end: u32,
    ) -> Result<(), FormatError> {
        let mut prev: Option<Statement> = None;
        for s in stmts {
            let gap = self.gap(s.keyword().start)?;
            let forced = top && prev.is_some_and(|p| p.block().is_some() || s.block().is_some());
            self.print_gap(gap, depth, prev.is_none(), forced, true);
            self.statement(s, depth)?;
            prev = Some(s);
        }
        let gap = self.gap(end)?;
        self.print_gap(gap, depth, prev.is_none(), false, false);
        Ok(())
    }

    fn statement(&mut self, s: Statement<'_>, depth: usize) -> Result<(), FormatError> {
        let block = s.block();
        let head_end = block.map_or(s.span().end, |b| b.open().start);
        let first = self.pos;
        let mut last = first;
        while self.toks.get(last).is_some_and(|t| t.span.start < head_end) {
            last += 1;
        }
        let head = &self.toks[first..last];
        let wrap = self.must_wrap(head, depth, block);
        self.start_line(depth);
        self.head(last, depth, wrap)?;
        if let Some(b) = block {
            self.block(b, depth)?;
        }
        Ok(())
    }

    /// Whether the lists of a statement head go one item per line.
    fn must_wrap(&self, head: &[Token], depth: usize, block: Option<Block<'_>>) -> bool {
        if !head.iter().any(|t| t.kind == TokenKind::Comma) {
            return false;
        }
        if head.iter().any(|t| t.kind == TokenKind::Comment) {
            return true;
        }
        let indent = depth * self.opts.indent;
        let tail = match block {
            Some(b) if self.block_is_empty(b) => " {}".len(),
            Some(_) => " {".len(),
            None => 0,
        };
        // The first and the last line of the flat head (text blocks may
        // span lines; their inner lines are text, not layout).
        let mut col = indent;
        let mut widest_outer = 0;
        let mut multiline = false;
        let mut prev: Option<TokenKind> = None;
        for t in head
            .iter()
            .filter(|t| !matches!(t.kind, TokenKind::Newline | TokenKind::Whitespace))
        {
            if prev.is_some() && t.kind != TokenKind::Comma {
                col += 1;
            }
            let text = self.text(*t);
            match text.split_once('\n') {
                None => col += text.width(),
                Some((first_line, _)) => {
                    let first_line = first_line.trim_end_matches('\r');
                    if !multiline {
                        widest_outer = widest_outer.max(col + first_line.width());
                    }
                    multiline = true;
                    let last_line = text.rsplit('\n').next().unwrap_or("");
                    col = last_line.width();
                }
            }
            prev = Some(t.kind);
        }
        col += tail;
        widest_outer = widest_outer.max(col);
        widest_outer > self.opts.line_width
    }

    /// Prints the tokens of a statement head up to token index `end`.
    fn head(&mut self, end: usize, depth: usize, wrap: bool) -> Result<(), FormatError> {
        let mut first = true;
        let mut after_comma = false;
        while self.pos < end {
            let t = self.toks[self.pos];
            match t.kind {
                TokenKind::Newline | TokenKind::Whitespace => {}
                TokenKind::Comma => {
                    self.out.push(',');
                    after_comma = true;
                }
                TokenKind::Comment => {
                    if is_trailing(self.toks, self.pos) && self.line_open {
                        self.out.push(' ');
                    } else {
                        self.start_line(depth + 1);
                    }
                    self.comment(t);
                    self.end_line();
                }
                TokenKind::Ident
                | TokenKind::Number
                | TokenKind::Date
                | TokenKind::Str(_)
                | TokenKind::Arrow => {
                    // A value after a comment, or after a comma in a
                    // wrapped head, begins a continuation line.
                    if !self.line_open || (after_comma && wrap) {
                        self.start_line(depth + 1);
                    } else if !first {
                        self.out.push(' ');
                    }
                    self.out.push_str(&self.src[t.span.range()]);
                    first = false;
                    after_comma = false;
                }
                _ => return Err(self.unexpected(t)),
            }
            self.pos += 1;
        }
        Ok(())
    }

    /// Nothing but line breaks and `;` between the braces.
    fn block_is_empty(&self, b: Block<'_>) -> bool {
        let Some(close) = b.close() else { return false };
        b.statements().next().is_none()
            && !self.toks[self.pos..]
                .iter()
                .take_while(|t| t.span.start < close.start)
                .any(|t| t.kind == TokenKind::Comment)
    }

    fn expect(&mut self, kind: TokenKind) -> Result<(), FormatError> {
        while self
            .toks
            .get(self.pos)
            .is_some_and(|t| t.kind == TokenKind::Whitespace)
        {
            self.pos += 1;
        }
        match self.toks.get(self.pos) {
            Some(t) if t.kind == kind => {
                self.pos += 1;
                Ok(())
            }
            Some(&t) => Err(self.unexpected(t)),
            None => Err(FormatError::Internal(format!(
                "expected {} at the end of the file",
                kind.describe()
            ))),
        }
    }

    fn block(&mut self, b: Block<'_>, depth: usize) -> Result<(), FormatError> {
        let Some(close) = b.close() else {
            return Err(FormatError::Internal("a block is not closed".into()));
        };
        if self.block_is_empty(b) {
            self.expect(TokenKind::LBrace)?;
            self.gap(close.start)?;
            self.expect(TokenKind::RBrace)?;
            self.out.push_str(" {}");
            return Ok(());
        }
        self.expect(TokenKind::LBrace)?;
        self.out.push_str(" {");
        self.statements(b.statements(), depth + 1, false, close.start)?;
        self.expect(TokenKind::RBrace)?;
        self.start_line(depth);
        self.out.push('}');
        Ok(())
    }
}
