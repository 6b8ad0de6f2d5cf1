//! Text from the input, made safe to show on a terminal.
//!
//! A `.journey` file, a file name or a command-line argument may hold
//! characters that a terminal obeys instead of showing: `ESC ]0;…BEL` sets
//! the window title, `ESC [2J` clears the screen, a carriage return
//! overwrites the line, and the bidirectional overrides and isolates make
//! text read differently from what it is ("Trojan Source"). Every
//! rendering meant for people (the terminal report, `--format short` and
//! `github`, `journeyc diff`, messages of `fmt`, `import`, `explain`) shows
//! such characters as escapes, `\u{1b}`, through the functions here.
//! JSON and SARIF keep every character but write these as `\u001b`
//! escapes ([`escape_json`]).

use std::borrow::Cow;
use std::fmt::Write;

/// Whether `c` is written escaped: C0 controls (tab and line feed are
/// handled by the callers), DEL, C1 controls, the bidirectional marks,
/// embeddings, overrides and isolates, and the Unicode line and paragraph
/// separators (which terminals and excerpt renderers would take for line
/// breaks the rest of journeyc does not count).
pub fn is_unsafe(c: char) -> bool {
    matches!(
        c,
        '\u{0}'..='\u{1f}'
            | '\u{7f}'..='\u{9f}'
            | '\u{61c}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{2028}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
    )
}

/// Appends the escape of `c`: `\u{1b}`.
fn push_escape(out: &mut String, c: char) {
    let _ = write!(out, "\\u{{{:x}}}", c as u32);
}

fn escape_where(s: &str, keep: impl Fn(char, Option<char>) -> bool) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if is_unsafe(c) && !keep(c, chars.peek().copied()) {
            push_escape(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether `c`, followed by `next`, stays as it is in text of several
/// lines: the tab, the line feed and a carriage return before a line feed.
fn kept_in_text(c: char, next: Option<char>) -> bool {
    c == '\t' || c == '\n' || (c == '\r' && next == Some('\n'))
}

/// `s` with every unsafe character escaped, except the tab, the line feed
/// and a carriage return before a line feed: for text of several lines.
pub fn escape_text(s: &str) -> Cow<'_, str> {
    escape_where(s, kept_in_text)
}

/// Whether [`escape_text`] would change `text`. Every unsafe character
/// but DEL is a C0 control or starts with byte C2, D8 or E2 in UTF-8:
/// text without those bytes (most files) is answered from its bytes.
fn needs_escape(text: &str) -> bool {
    let suspect = |b: &u8| matches!(b, 0..=0x08 | 0x0b..=0x1f | 0x7f | 0xc2 | 0xd8 | 0xe2);
    if !text.as_bytes().iter().any(suspect) {
        return false;
    }
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if is_unsafe(c) && !kept_in_text(c, chars.peek().copied()) {
            return true;
        }
    }
    false
}

/// `s` with every unsafe character escaped, line breaks included (the tab
/// stays): for what must stay on one line, such as a path or a message of
/// `--format short`.
pub fn escape_line(s: &str) -> Cow<'_, str> {
    escape_where(s, |c, _| c == '\t')
}

/// A JSON document with the characters that JSON allows raw but a
/// terminal would obey — DEL, C1 controls, bidirectional controls, line
/// and paragraph separators — written as `\u` escapes. They can only stand
/// inside strings, so the document means exactly the same.
pub fn escape_json(json: String) -> String {
    // C0 controls inside strings are escaped by every JSON writer; outside
    // them, line breaks and tabs are layout.
    let raw = |c: char| is_unsafe(c) && c >= ' ';
    if !json.chars().any(raw) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if raw(c) {
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

/// A source text with its unsafe characters escaped (as [`escape_text`]
/// does), and the way from offsets in the original to offsets in it, so
/// that excerpts and the carets under them stay where they belong.
#[derive(Debug, Clone)]
pub struct EscapedSource {
    pub text: String,
    /// For every escaped character, in order: its offset in the original
    /// and how many bytes longer the text is after its escape.
    shifts: Vec<(u32, u32)>,
}

impl EscapedSource {
    /// `None` when `text` has nothing to escape (line breaks and tabs
    /// stay as they are): most files, which are then shown as they are,
    /// without a copy.
    pub fn new(text: &str) -> Option<EscapedSource> {
        if !needs_escape(text) {
            return None;
        }
        let mut out = String::with_capacity(text.len() + 16);
        let mut shifts = Vec::new();
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            let next = chars.peek().map(|(_, n)| *n);
            if is_unsafe(c) && !kept_in_text(c, next) {
                push_escape(&mut out, c);
                let grown = (out.len() - (at + c.len_utf8())) as u32;
                shifts.push((at as u32, grown));
            } else {
                out.push(c);
            }
        }
        Some(EscapedSource { text: out, shifts })
    }

    /// Where the original's byte `offset` is in the escaped text. An
    /// offset at an escaped character maps to the start of its escape.
    pub fn map(&self, offset: usize) -> usize {
        let before = self
            .shifts
            .partition_point(|(at, _)| (*at as usize) < offset);
        match before {
            0 => offset,
            n => offset + self.shifts[n - 1].1 as usize,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_controls_are_escaped() {
        assert_eq!(
            escape_text("a\u{1b}]0;PWNED\u{7}\u{1b}[2J b"),
            "a\\u{1b}]0;PWNED\\u{7}\\u{1b}[2J b"
        );
        assert_eq!(escape_text("x\0y\u{7f}\u{9b}z"), "x\\u{0}y\\u{7f}\\u{9b}z");
        assert_eq!(
            escape_text("\u{202e}abc\u{2066}\u{2069}\u{200f}\u{61c}"),
            "\\u{202e}abc\\u{2066}\\u{2069}\\u{200f}\\u{61c}"
        );
        // Tabs, line feeds and CRLF line ends stay; a lone CR does not.
        assert_eq!(escape_text("a\tb\r\nc\rd\n"), "a\tb\r\nc\\u{d}d\n");
        assert_eq!(escape_line("a\tb\r\nc"), "a\tb\\u{d}\\u{a}c");
        // Nothing to do: no copy.
        assert!(matches!(escape_text("Grüße 🎉 „ok“"), Cow::Borrowed(_)));
    }

    #[test]
    fn json_keeps_its_meaning() {
        let value = serde_json::json!({ "m": "a\u{1b}b\u{7f}\u{85}\u{202e}c\n", "n": [1, 2] });
        let doc = serde_json::to_string_pretty(&value).unwrap();
        let escaped = escape_json(doc.clone());
        assert!(
            !escaped.chars().any(|c| is_unsafe(c) && c != '\n'),
            "{escaped}"
        );
        assert_eq!(escaped.lines().count(), doc.lines().count());
        let back: serde_json::Value = serde_json::from_str(&escaped).unwrap();
        let orig: serde_json::Value = serde_json::from_str(&doc).unwrap();
        assert_eq!(back, orig);
    }

    #[test]
    fn offsets_map_into_the_escaped_text() {
        let text = "ab\u{1b}[2Jcd\u{202e}ef\r\ngh\u{0}";
        let e = EscapedSource::new(text).unwrap();
        assert_eq!(e.text, "ab\\u{1b}[2Jcd\\u{202e}ef\r\ngh\\u{0}");
        for (at, c) in text.char_indices() {
            let m = e.map(at);
            if is_unsafe(c) && !matches!(c, '\r' | '\n' | '\t') {
                assert!(e.text[m..].starts_with("\\u{"), "{at}");
            } else {
                assert!(e.text[m..].starts_with(c), "{at} {c:?}");
            }
        }
        assert_eq!(e.map(text.len()), e.text.len());
        assert!(EscapedSource::new("plain text").is_none());
        // Line breaks and tabs are shown as they are: nothing to escape.
        assert!(EscapedSource::new("a\tb\r\nc\nGrüße „ok“ – 20 °C\n").is_none());
        for unsafe_char in [
            '\r', '\u{b}', '\u{7f}', '\u{85}', '\u{61c}', '\u{200e}', '\u{2029}', '\u{2067}',
        ] {
            let text = format!("a\n{unsafe_char}b");
            assert_eq!(
                EscapedSource::new(&text).map(|e| e.text),
                Some(escape_text(&text).into_owned()),
                "{unsafe_char:?}"
            );
        }
    }
}
