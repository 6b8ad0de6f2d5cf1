/// A zero-based line and a column in some unit (see the methods that make it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// Maps byte offsets to lines and columns and back.
///
/// Built once per text in O(n); lookups are a binary search over line starts
/// plus a scan of the one line for non-byte columns. Columns come in three
/// units: bytes (UTF-8), Unicode scalar values (what people and most terminal
/// tools count) and UTF-16 code units (what LSP clients count by default).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset of the start of every line; always starts with 0.
    line_starts: Vec<u32>,
    len: u32,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = Vec::with_capacity(text.len() / 32 + 1);
        line_starts.push(0);
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        LineIndex {
            line_starts,
            len: text.len() as u32,
        }
    }

    pub fn line_count(&self) -> u32 {
        self.line_starts.len() as u32
    }

    /// Byte offset where `line` starts, or `None` past the last line.
    pub fn line_start(&self, line: u32) -> Option<u32> {
        self.line_starts.get(line as usize).copied()
    }

    /// Byte offset of the end of `line`, excluding its line break.
    pub fn line_end(&self, text: &str, line: u32) -> Option<u32> {
        let start = self.line_start(line)?;
        let next = self.line_start(line + 1).unwrap_or(self.len);
        let bytes = text.as_bytes();
        let mut end = next;
        if end > start && bytes.get(end as usize - 1) == Some(&b'\n') {
            end -= 1;
            if end > start && bytes.get(end as usize - 1) == Some(&b'\r') {
                end -= 1;
            }
        }
        Some(end)
    }

    /// The line containing `offset` (clamped to the text).
    pub fn line_of(&self, offset: u32) -> u32 {
        let offset = offset.min(self.len);
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line as u32,
            Err(next) => next as u32 - 1,
        }
    }

    /// Line and byte column of `offset`.
    pub fn line_col_utf8(&self, offset: u32) -> LineCol {
        let line = self.line_of(offset);
        LineCol {
            line,
            col: offset.min(self.len) - self.line_starts[line as usize],
        }
    }

    /// Line and column counted in Unicode scalar values. An offset inside a
    /// multi-byte character counts that character as not yet passed.
    pub fn line_col_chars(&self, text: &str, offset: u32) -> LineCol {
        let LineCol { line, col } = self.line_col_utf8(offset);
        let start = self.line_starts[line as usize] as usize;
        let prefix = prefix_at_char_boundary(text, start, start + col as usize);
        LineCol {
            line,
            col: prefix.chars().count() as u32,
        }
    }

    /// Line and column counted in UTF-16 code units (the LSP default).
    pub fn line_col_utf16(&self, text: &str, offset: u32) -> LineCol {
        let LineCol { line, col } = self.line_col_utf8(offset);
        let start = self.line_starts[line as usize] as usize;
        let prefix = prefix_at_char_boundary(text, start, start + col as usize);
        LineCol {
            line,
            col: prefix.chars().map(|c| c.len_utf16() as u32).sum(),
        }
    }

    /// Byte offset of a UTF-16 position. Positions past the end of a line
    /// clamp to the line end, lines past the end of the text to its end —
    /// editors send both, and neither is worth an error.
    pub fn offset_utf16(&self, text: &str, pos: LineCol) -> u32 {
        self.offset_by(text, pos, |c| c.len_utf16() as u32)
    }

    /// Byte offset of a position whose column counts UTF-8 bytes, clamped
    /// like [`LineIndex::offset_utf16`] and snapped to a character boundary.
    pub fn offset_utf8(&self, text: &str, pos: LineCol) -> u32 {
        self.offset_by(text, pos, |c| c.len_utf8() as u32)
    }

    fn offset_by(&self, text: &str, pos: LineCol, width: impl Fn(char) -> u32) -> u32 {
        let Some(start) = self.line_start(pos.line) else {
            return self.len;
        };
        let end = self.line_end(text, pos.line).unwrap_or(self.len);
        let mut remaining = pos.col;
        let mut offset = start;
        for c in text[start as usize..end as usize].chars() {
            let w = width(c);
            if remaining < w {
                break;
            }
            remaining -= w;
            offset += c.len_utf8() as u32;
        }
        offset
    }
}

/// `text[start..end]`, with `end` moved back to a character boundary.
fn prefix_at_char_boundary(text: &str, start: usize, mut end: usize) -> &str {
    end = end.min(text.len());
    while end > start && !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "ab\nKündigung 🎉 x\r\nend";

    #[test]
    fn lines_and_byte_columns() {
        let idx = LineIndex::new(TEXT);
        assert_eq!(idx.line_count(), 3);
        assert_eq!(idx.line_col_utf8(0), LineCol { line: 0, col: 0 });
        assert_eq!(idx.line_col_utf8(3), LineCol { line: 1, col: 0 });
        assert_eq!(idx.line_end(TEXT, 1), Some(TEXT.find('\r').unwrap() as u32));
    }

    #[test]
    fn columns_after_umlaut_and_emoji() {
        let idx = LineIndex::new(TEXT);
        let x = TEXT.find(" x").unwrap() as u32 + 1;
        // "Kündigung 🎉 " is 12 scalars; ü is 2 bytes, 🎉 is 4 bytes / 2 UTF-16 units.
        assert_eq!(idx.line_col_chars(TEXT, x), LineCol { line: 1, col: 12 });
        assert_eq!(idx.line_col_utf16(TEXT, x), LineCol { line: 1, col: 13 });
        assert_eq!(idx.line_col_utf8(x), LineCol { line: 1, col: 16 });
    }

    #[test]
    fn utf16_round_trip_and_clamping() {
        let idx = LineIndex::new(TEXT);
        for (offset, _) in TEXT.char_indices() {
            let pos = idx.line_col_utf16(TEXT, offset as u32);
            if TEXT.as_bytes()[offset] != b'\n' {
                assert_eq!(idx.offset_utf16(TEXT, pos), offset as u32);
            }
        }
        // Past the end of a line: clamp to its end, before "\r\n".
        let line_end = idx.line_end(TEXT, 1).unwrap();
        assert_eq!(
            idx.offset_utf16(TEXT, LineCol { line: 1, col: 999 }),
            line_end
        );
        // Past the last line: clamp to the text's end.
        assert_eq!(
            idx.offset_utf16(TEXT, LineCol { line: 99, col: 0 }),
            TEXT.len() as u32
        );
        // In the middle of a surrogate pair: stop before the emoji.
        let emoji = TEXT.find('🎉').unwrap() as u32;
        let pos = idx.line_col_utf16(TEXT, emoji);
        assert_eq!(
            idx.offset_utf16(
                TEXT,
                LineCol {
                    line: 1,
                    col: pos.col + 1
                }
            ),
            emoji
        );
    }

    #[test]
    fn offset_inside_a_character_counts_it_as_not_passed() {
        let idx = LineIndex::new(TEXT);
        let u = TEXT.find('ü').unwrap() as u32;
        assert_eq!(idx.line_col_chars(TEXT, u + 1), idx.line_col_chars(TEXT, u));
    }
}
