//! Selection ranges: word → string content → argument list → statement →
//! block → enclosing statement → … → file.

use crate::context::statements_at;
use crate::{Analysis, FilePosition};
use journey_diagnostics::Span;
use journey_syntax::tree::Arg;

pub(crate) fn selection_ranges(a: &Analysis, pos: FilePosition) -> Vec<Span> {
    let Some(f) = a.workspace().file(pos.file) else {
        return Vec::new();
    };
    let src: &str = &f.source.text;
    let mut spans: Vec<Span> = Vec::new();
    // The token under the cursor (a string: its content first).
    let tokens = f.parse.tokens();
    let i = tokens.partition_point(|t| t.span.end < pos.offset);
    let touching = tokens[i.min(tokens.len())..]
        .iter()
        .take_while(|t| t.span.touches(pos.offset))
        .find(|t| t.kind != journey_syntax::lexer::TokenKind::Whitespace);
    if let Some(t) = touching {
        if let journey_syntax::lexer::TokenKind::Str(shape) = t.kind {
            let raw = &src[t.span.range()];
            let open = if shape.text_block { 3 } else { 1 };
            let close = if shape.unterminated { 0 } else { open };
            if raw.len() >= open + close {
                spans.push(Span::new(
                    t.span.start + open as u32,
                    t.span.end - close as u32,
                ));
            }
        }
        if !matches!(t.kind, journey_syntax::lexer::TokenKind::Newline) {
            spans.push(t.span);
        }
    }
    let chain = statements_at(src, &f.parse.tree, pos.offset);
    for (stmt, _) in chain.iter().rev() {
        for arg in stmt.args() {
            if let Arg::List(_, span) = arg {
                if span.touches(pos.offset) {
                    spans.push(span);
                }
            }
        }
        // The arguments together, then the statement, then (for the
        // enclosing statements) the block's inside and the block.
        if let (Some(first), Some(last)) = (stmt.args().next(), stmt.args().last()) {
            let args = first.span().cover(last.span());
            if args.touches(pos.offset) {
                spans.push(args);
            }
        }
        if let Some(b) = stmt.block() {
            if b.span().touches(pos.offset) && !stmt.keyword().touches(pos.offset) {
                let inner_end = b.close().map_or(b.span().end, |c| c.start);
                spans.push(Span::new(b.open().end, inner_end));
                spans.push(b.span());
            }
        }
        spans.push(stmt.span());
    }
    spans.push(Span::new(0, src.len() as u32));
    // Each range must contain the one before and be larger.
    let mut out: Vec<Span> = Vec::new();
    for s in spans {
        match out.last() {
            Some(prev) if !(s.start <= prev.start && prev.end <= s.end) || s == *prev => {}
            _ => out.push(s),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::fixture::Fixture;

    #[test]
    fn expands_outwards() {
        let f = Fixture::parse(
            "phase p {\n  touchpoint t {\n    serves a, b$0b, c\n    says \"x\"\n  }\n}\n",
        );
        let file = f.main_file();
        let got: Vec<String> = f
            .analysis
            .selection_ranges(f.cursor())
            .iter()
            .map(|s| f.describe(file, *s).split(' ').next().unwrap().to_string())
            .collect();
        assert_eq!(
            got,
            [
                "main.journey:3:15-3:17", // bb
                "main.journey:3:12-3:20", // a, bb, c
                "main.journey:3:5-3:20",  // serves …
                "main.journey:2:17-5:3",  // inside the touchpoint's block
                "main.journey:2:16-5:4",  // the block
                "main.journey:2:3-5:4",   // the touchpoint
                "main.journey:1:10-6:1",  // inside the phase
                "main.journey:1:9-6:2",
                "main.journey:1:1-6:2",
                "main.journey:1:1-7:1", // the file
            ]
        );
    }

    #[test]
    fn string_content_first() {
        let f = Fixture::parse("persona p {\n  role \"Fou$0nder\"\n}\n");
        let r = f.analysis.selection_ranges(f.cursor());
        assert_eq!(&f.text(f.main_file())[r[0].range()], "Founder");
        assert_eq!(&f.text(f.main_file())[r[1].range()], "\"Founder\"");
    }
}
