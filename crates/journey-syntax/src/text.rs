//! Decoding string literals and text blocks into [`Text`] values.

use crate::codes;
use crate::lexer::StrShape;
use crate::view::Text;
use journey_diagnostics::{Diagnostic, FileId, Span};
use std::borrow::Cow;

/// Builds a decoded value and remembers where each run of it came from.
struct Builder {
    value: String,
    map: Vec<(u32, u32)>,
    /// Source offset the next char would have if nothing was skipped.
    next_src: u32,
    /// Source offset just past the last char pushed.
    end: u32,
}

impl Builder {
    fn new(content_start: u32) -> Self {
        Builder {
            value: String::new(),
            map: Vec::new(),
            next_src: content_start,
            end: content_start,
        }
    }

    /// Appends `c`, which stands at `src` and takes `src_len` source bytes.
    fn push(&mut self, c: char, src: u32, src_len: u32) {
        if src != self.next_src || src_len != c.len_utf8() as u32 {
            self.map.push((self.value.len() as u32, src));
        }
        self.value.push(c);
        self.next_src = src + src_len;
        self.end = src + src_len;
        if src_len != c.len_utf8() as u32 {
            // After an escape the next char starts a new run.
            self.next_src = u32::MAX;
        }
    }
}

/// Decodes the string token at `span` of `src`. A one-line string
/// without escapes (most of them) borrows its content from `src`.
pub(crate) fn decode<'s>(
    src: &'s str,
    span: Span,
    shape: StrShape,
    file: FileId,
    diags: &mut Vec<Diagnostic>,
) -> Text<'s> {
    let raw = &src[span.range()];
    let (open, close) = if shape.text_block {
        (3, 3)
    } else if shape.typographic {
        // `„…“`: quotes of two or three bytes.
        let len = |c: Option<char>| c.map_or(1, |c| c.len_utf8() as u32);
        (len(raw.chars().next()), len(raw.chars().next_back()))
    } else {
        (1, 1)
    };
    let content_start = (span.start + open).min(span.end);
    let content_end = if shape.unterminated || raw.len() < (open + close) as usize {
        span.end
    } else {
        span.end - close
    }
    .max(content_start);
    let content = &src[content_start as usize..content_end as usize];

    if shape.unterminated {
        let msg = if shape.text_block {
            "this text block is never closed"
        } else {
            "this string is not closed before the end of the line"
        };
        diags.push(
            Diagnostic::new(&codes::UNTERMINATED_STRING, file, span, msg)
                .with_label("string starts here")
                .with_help(if shape.text_block {
                    "close the text block with `\"\"\"`"
                } else {
                    "add the closing `\"`; for text over several lines use `\"\"\"` … `\"\"\"`"
                }),
        );
    }

    if !shape.text_block && !content.contains(['\\', '\0']) {
        return Text::new(
            Cow::Borrowed(content),
            span,
            content_start,
            content_end,
            None,
        );
    }

    let lines: Vec<Line> = if shape.text_block {
        text_block_lines(content, content_start)
    } else {
        vec![Line {
            break_at: content_start,
            start: content_start,
            text: content,
        }]
    };

    let mut b = Builder::new(content_start);
    let mut nul = None;
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            // The line break between two kept lines.
            b.push('\n', line.break_at, 1);
        }
        decode_escapes(line.text, line.start, &mut b, &mut nul, file, diags);
    }
    if let Some(at) = nul {
        // Once per string: a string full of them is one problem.
        diags.push(
            Diagnostic::new(
                &codes::NUL_CHARACTER,
                file,
                at,
                "a NUL character (U+0000) in a string",
            )
            .with_label("NUL character")
            .with_help(
                "delete it; a file full of them was probably saved as UTF-16: save it as UTF-8",
            ),
        );
    }
    let map = if b.map.is_empty() {
        None
    } else {
        Some(b.map.into_boxed_slice())
    };
    let end = if b.value.is_empty() {
        content_start
    } else {
        b.end
    };
    Text::new(Cow::Owned(b.value), span, content_start, end, map)
}

/// Decodes the escapes of one line into `b`; the first NUL character
/// (written raw or as `\u{0}`) is noted in `nul`.
fn decode_escapes(
    line: &str,
    start: u32,
    b: &mut Builder,
    nul: &mut Option<Span>,
    file: FileId,
    diags: &mut Vec<Diagnostic>,
) {
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at = start + i as u32;
        if c != '\\' {
            if c == '\0' && nul.is_none() {
                *nul = Some(Span::new(at, at + 1));
            }
            b.push(c, at, c.len_utf8() as u32);
            continue;
        }
        let Some(&(_, e)) = chars.peek() else {
            // A backslash at the very end: keep it as written.
            b.push('\\', at, 1);
            continue;
        };
        chars.next();
        let decoded = match e {
            '"' => Some(('"', 2)),
            '\\' => Some(('\\', 2)),
            'n' => Some(('\n', 2)),
            't' => Some(('\t', 2)),
            'r' => Some(('\r', 2)),
            'u' => unicode_escape(&line[i..]),
            _ => None,
        };
        match decoded {
            Some((ch, len)) => {
                // Skip the rest of a \u{…} escape.
                while let Some(&(j, _)) = chars.peek() {
                    if j < i + len {
                        chars.next();
                    } else {
                        break;
                    }
                }
                if ch == '\0' && nul.is_none() {
                    *nul = Some(Span::new(at, at + len as u32));
                }
                b.push(ch, at, len as u32);
            }
            None => {
                let len = 1 + e.len_utf8() as u32;
                let message = if e == 'u' {
                    "invalid Unicode escape: write `\\u{…}` with the hex code of a character (at most 10FFFF)".to_string()
                } else {
                    format!("unknown escape sequence `\\{e}`")
                };
                diags.push(
                    Diagnostic::new(
                        &codes::INVALID_ESCAPE,
                        file,
                        Span::new(at, at + len),
                        message,
                    )
                    .with_label("not an escape")
                    .with_help(
                        "escapes are \\\" \\\\ \\n \\t \\r and \\u{…}; write \\\\ for a backslash",
                    ),
                );
                b.push('\\', at, 1);
                b.push(e, at + 1, e.len_utf8() as u32);
            }
        }
    }
}

/// `\u{1F600}` at the start of `s`: the char and the escape's byte length.
fn unicode_escape(s: &str) -> Option<(char, usize)> {
    let rest = s.strip_prefix("\\u{")?;
    let close = rest.find('}')?;
    let hex = &rest[..close];
    if hex.is_empty() || hex.len() > 6 {
        return None;
    }
    let ch = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
    Some((ch, 3 + close + 1))
}

/// One kept line of a text block.
struct Line<'a> {
    /// Source offset of the line break before this line.
    break_at: u32,
    /// Source offset of `text`.
    start: u32,
    text: &'a str,
}

/// The lines of a text block's content with their source offsets: the line
/// break after the opening quotes and a last line of only indentation are
/// dropped, and the indentation common to all non-blank lines is removed.
fn text_block_lines(content: &str, start: u32) -> Vec<Line<'_>> {
    let mut lines: Vec<Line> = Vec::new();
    let mut offset = start;
    for line in content.split('\n') {
        let text = line.strip_suffix('\r').unwrap_or(line);
        lines.push(Line {
            break_at: offset.saturating_sub(1),
            start: offset,
            text,
        });
        offset += line.len() as u32 + 1;
    }
    if lines.len() > 1 && lines[0].text.trim().is_empty() {
        lines.remove(0);
    }
    if lines.len() > 1 && lines.last().is_some_and(|l| l.text.trim().is_empty()) {
        lines.pop();
    }
    let indent_of = |t: &str| t.len() - t.trim_start_matches([' ', '\t']).len();
    let indent = lines
        .iter()
        .filter(|l| !l.text.trim().is_empty())
        .map(|l| indent_of(l.text))
        .min()
        .unwrap_or(0);
    for l in &mut lines {
        let cut = indent.min(indent_of(l.text));
        l.start += cut as u32;
        l.text = &l.text[cut..];
    }
    lines
}

/// `s` written as the content of a one-line string literal: quotes and
/// backslashes escaped, line breaks, tabs and other control characters as
/// escapes, so that it reads back as exactly `s`. The one escaper for
/// generated `.journey` text (`journeyc init`, `journeyc import`).
pub fn escape(s: &str) -> String {
    escape_as(s, false)
}

/// `line` written as a line of a text block: like [`escape`], but a tab
/// stays a tab (a text block holds no line breaks inside a line).
pub fn escape_block_line(line: &str) -> String {
    escape_as(line, true)
}

/// `s` as a one-line string literal, quotes included.
pub fn quote(s: &str) -> String {
    format!("\"{}\"", escape(s))
}

fn escape_as(s: &str, block: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\r' => out.push_str("\\r"),
            '\t' if block => out.push('\t'),
            '\n' if !block => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexer::lex;

    fn decode_first(src: &str) -> (Text<'_>, Vec<Diagnostic>) {
        let tok = lex(src)
            .into_iter()
            .find(|t| matches!(t.kind, crate::lexer::TokenKind::Str(_)))
            .unwrap();
        let crate::lexer::TokenKind::Str(shape) = tok.kind else {
            unreachable!()
        };
        let mut diags = Vec::new();
        let text = decode(src, tok.span, shape, FileId(0), &mut diags);
        (text, diags)
    }

    /// What `quote` writes reads back as exactly the text it was given.
    #[test]
    fn quote_reads_back_exactly() {
        for s in [
            "plain",
            "a \"b\" c\\d",
            "two\nlines\tand\r",
            "bell \u{7} and é",
        ] {
            let src = format!("says {}", quote(s));
            let (t, d) = decode_first(&src);
            assert!(d.is_empty(), "{src}: {d:?}");
            assert_eq!(t.value, s, "{src}");
        }
    }

    #[test]
    fn plain_string_maps_offsets_directly() {
        let src = "says \"Grüße 🎉 aus Köln\"";
        let (t, d) = decode_first(src);
        assert!(d.is_empty());
        assert_eq!(t.value, "Grüße 🎉 aus Köln");
        let at = t.value.find("Köln").unwrap();
        let span = t.source_span(at..at + "Köln".len());
        assert_eq!(&src[span.range()], "Köln");
    }

    #[test]
    fn escapes_decode_and_keep_positions() {
        let src = r#"says "a \"b\" \u{1F600} c\\d e""#;
        let (t, d) = decode_first(src);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(t.value, "a \"b\" 😀 c\\d e");
        let at = t.value.find('e').unwrap();
        assert_eq!(&src[t.source_span(at..at + 1).range()], "e");
        let b = t.value.find('b').unwrap();
        assert_eq!(&src[t.source_span(b..b + 1).range()], "b");
        let smile = t.value.find('😀').unwrap();
        assert_eq!(&src[t.source_span(smile..smile + 4).range()], r"\u{1F600}");
    }

    #[test]
    fn invalid_escape_is_reported_and_kept() {
        let (t, d) = decode_first(r#"says "C:\data""#);
        assert_eq!(t.value, r"C:\data");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code, "J0103");
        assert_eq!(d[0].span(), Span::new(8, 10));
    }

    #[test]
    fn text_block_is_dedented_and_maps_back() {
        let src = "description \"\"\"\n    Erste Zeile\n      zweite\n    \"\"\"";
        let (t, d) = decode_first(src);
        assert!(d.is_empty());
        assert_eq!(t.value, "Erste Zeile\n  zweite");
        let at = t.value.find("zweite").unwrap();
        assert_eq!(&src[t.source_span(at..at + 6).range()], "zweite");
        let first = t.source_span(0..5);
        assert_eq!(&src[first.range()], "Erste");
    }

    #[test]
    fn a_nul_in_a_string_is_one_error_at_the_first() {
        let (t, d) = decode_first("says \"a\0b\0c\"");
        assert_eq!(t.value, "a\0b\0c", "the value is kept");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].code, "J0004");
        assert_eq!(d[0].span(), Span::new(7, 8));
        // Written as an escape, in a text block.
        let src = "says \"\"\"\n  x \\u{0} y \\u{0}\n  \"\"\"";
        let (_, d) = decode_first(src);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(&src[d[0].span().range()], "\\u{0}");
        // Other control characters are kept without a finding.
        let (_, d) = decode_first("says \"a\u{1b}[2J\"");
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn unterminated_string_reports_and_keeps_content() {
        let (t, d) = decode_first("says \"offen\n");
        assert_eq!(t.value, "offen");
        assert_eq!(d[0].code, "J0102");
    }
}
