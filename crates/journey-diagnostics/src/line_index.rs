use std::sync::OnceLock;

/// A zero-based line and a column in some unit (see the methods that make it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// Maps byte offsets to lines and columns and back.
///
/// Built once per text in O(n); lookups are a binary search over line starts
/// plus, for non-byte columns, a scan of at most [`BLOCK`] bytes: a column
/// far into a long line is counted from the nearest block boundary, whose
/// running counts are computed once, on the first such lookup. So any
/// number of lookups on one long line (a list of a million names, a
/// hundred thousand findings on one line) costs time linear in their
/// number. Columns come in three units: bytes (UTF-8), Unicode scalar
/// values (what people and most terminal tools count) and UTF-16 code units
/// (what LSP clients count by default).
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset of the start of every line; always starts with 0.
    line_starts: Vec<u32>,
    len: u32,
    /// For every [`BLOCK`] bytes of the text: how many chars and UTF-16
    /// units precede the block's first byte. Built on first need.
    blocks: OnceLock<Box<[Counts]>>,
}

/// Bytes scanned at most per column lookup; longer stretches use the
/// block table.
const BLOCK: usize = 256;

/// Running counts of chars and UTF-16 units.
#[derive(Debug, Clone, Copy, Default)]
struct Counts {
    chars: u32,
    utf16: u32,
}

impl Counts {
    /// The counts of the chars whose first byte is in `bytes` (which may
    /// start or end inside a char).
    fn of(bytes: &[u8]) -> Counts {
        let mut c = Counts::default();
        for &b in bytes {
            // A char starts at every byte that is not a continuation byte;
            // those of four bytes take two UTF-16 units.
            c.chars += u32::from((b & 0xC0) != 0x80);
            c.utf16 += u32::from((b & 0xC0) != 0x80) + u32::from(b >= 0xF0);
        }
        c
    }
}

impl PartialEq for LineIndex {
    fn eq(&self, other: &Self) -> bool {
        self.line_starts == other.line_starts && self.len == other.len
    }
}

impl Eq for LineIndex {}

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
            blocks: OnceLock::new(),
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
        let (line, counts) = self.line_counts(text, offset);
        LineCol {
            line,
            col: counts.chars,
        }
    }

    /// Line and column counted in UTF-16 code units (the LSP default).
    pub fn line_col_utf16(&self, text: &str, offset: u32) -> LineCol {
        let (line, counts) = self.line_counts(text, offset);
        LineCol {
            line,
            col: counts.utf16,
        }
    }

    /// The line of `offset` and the chars and UTF-16 units between the
    /// line's start and `offset` (moved back to a char boundary).
    fn line_counts(&self, text: &str, offset: u32) -> (u32, Counts) {
        let LineCol { line, col } = self.line_col_utf8(offset);
        let start = self.line_starts[line as usize] as usize;
        let end = start + prefix_at_char_boundary(text, start, start + col as usize).len();
        if end - start <= BLOCK || text.len() != self.len as usize {
            return (line, Counts::of(&text.as_bytes()[start..end]));
        }
        let (a, b) = (
            self.counts_before(text, start),
            self.counts_before(text, end),
        );
        (
            line,
            Counts {
                chars: b.chars - a.chars,
                utf16: b.utf16 - a.utf16,
            },
        )
    }

    /// The chars and UTF-16 units before byte `at` (a char boundary).
    fn counts_before(&self, text: &str, at: usize) -> Counts {
        let blocks = self.blocks.get_or_init(|| {
            // One entry per block start, the text's end included.
            let mut running = Counts::default();
            let mut blocks = Vec::with_capacity(text.len() / BLOCK + 1);
            blocks.push(running);
            for chunk in text.as_bytes().chunks(BLOCK) {
                let c = Counts::of(chunk);
                running.chars += c.chars;
                running.utf16 += c.utf16;
                blocks.push(running);
            }
            blocks.into_boxed_slice()
        });
        let block = at / BLOCK;
        let base = blocks[block];
        let rest = Counts::of(&text.as_bytes()[block * BLOCK..at]);
        Counts {
            chars: base.chars + rest.chars,
            utf16: base.utf16 + rest.utf16,
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
    fn columns_far_into_a_long_line_match_a_plain_count() {
        // Umlauts, emoji and ASCII over many blocks, on one line and after
        // a first short one; every char boundary is checked against
        // counting from the line start.
        let mut text = String::from("erste Zeile\n");
        for i in 0..3_000 {
            text.push_str(["a", "ü", "🎉", "€ ", "xyz"][i % 5]);
        }
        text.push_str("\nlast");
        let idx = LineIndex::new(&text);
        let line_start = text.find('\n').unwrap() + 1;
        for (offset, _) in text.char_indices().filter(|(o, _)| *o >= line_start) {
            let prefix =
                &text[idx.line_start(idx.line_of(offset as u32)).unwrap() as usize..offset];
            let chars = idx.line_col_chars(&text, offset as u32);
            assert_eq!(chars.col as usize, prefix.chars().count(), "at {offset}");
            let utf16 = idx.line_col_utf16(&text, offset as u32);
            assert_eq!(
                utf16.col as usize,
                prefix.chars().map(char::len_utf16).sum::<usize>(),
                "at {offset}"
            );
        }
        // Inside a char, and at the very end of the text.
        let emoji = text.rfind('🎉').unwrap() as u32;
        assert_eq!(
            idx.line_col_chars(&text, emoji + 2),
            idx.line_col_chars(&text, emoji)
        );
        assert_eq!(idx.line_col_chars(&text, text.len() as u32).col, 4);
    }

    #[test]
    fn a_text_of_whole_blocks_counts_up_to_its_end() {
        let text = "é".repeat(BLOCK);
        let idx = LineIndex::new(&text);
        let end = text.len() as u32;
        assert_eq!(idx.line_col_chars(&text, end).col as usize, BLOCK);
        assert_eq!(idx.line_col_utf16(&text, end).col as usize, BLOCK);
    }

    #[test]
    fn offset_inside_a_character_counts_it_as_not_passed() {
        let idx = LineIndex::new(TEXT);
        let u = TEXT.find('ü').unwrap() as u32;
        assert_eq!(idx.line_col_chars(TEXT, u + 1), idx.line_col_chars(TEXT, u));
    }
}
