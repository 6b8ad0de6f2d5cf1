//! Positions: byte offsets inside, LSP line/character at the edge, in the
//! encoding negotiated with the client (UTF-8 where offered, else UTF-16).

use journey_diagnostics::{LineCol, LineIndex, SourceFile, Span};
use tower_lsp_server::ls_types::{Position, PositionEncodingKind, Range};

/// How `character` in a [`Position`] counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    Utf8,
    #[default]
    Utf16,
}

impl Encoding {
    /// Picks UTF-8 when the client offers it, UTF-16 (the protocol's
    /// default, which every client supports) otherwise.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }
}

/// A file's text and line index, with the encoding: converts both ways.
#[derive(Clone, Copy)]
pub struct LineMap<'a> {
    pub text: &'a str,
    pub index: &'a LineIndex,
    pub encoding: Encoding,
}

impl<'a> LineMap<'a> {
    pub fn new(source: &'a SourceFile, encoding: Encoding) -> Self {
        LineMap {
            text: &source.text,
            index: &source.line_index,
            encoding,
        }
    }

    /// The byte offset of a position. Positions past the end of a line
    /// clamp to the line's end, lines past the end to the end of the text,
    /// and positions inside a character to its start.
    pub fn offset(&self, pos: Position) -> u32 {
        let lc = LineCol {
            line: pos.line,
            col: pos.character,
        };
        match self.encoding {
            Encoding::Utf8 => self.index.offset_utf8(self.text, lc),
            Encoding::Utf16 => self.index.offset_utf16(self.text, lc),
        }
    }

    pub fn position(&self, offset: u32) -> Position {
        let lc = match self.encoding {
            Encoding::Utf8 => self.index.line_col_utf8(offset),
            Encoding::Utf16 => self.index.line_col_utf16(self.text, offset),
        };
        Position::new(lc.line, lc.col)
    }

    pub fn range(&self, span: Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The span of a range; a reversed range is read forwards.
    pub fn span(&self, range: Range) -> Span {
        let a = self.offset(range.start);
        let b = self.offset(range.end);
        Span::new(a.min(b), a.max(b))
    }
}

/// Applies one incremental change (`range` in the previous text, in
/// `encoding`) to `text`. `index` is the line index of `text` when the
/// caller has it.
pub fn apply_change(
    text: &mut String,
    index: Option<&LineIndex>,
    range: Range,
    new_text: &str,
    encoding: Encoding,
) {
    let built;
    let index = match index {
        Some(i) => i,
        None => {
            built = LineIndex::new(text);
            &built
        }
    };
    let map = LineMap {
        text,
        index,
        encoding,
    };
    let span = map.span(range);
    text.replace_range(span.range(), new_text);
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "persona jörg \"Jörg 🎉\" {\n  role \"Kündigung\"\n}\n";

    fn map(encoding: Encoding) -> (SourceFile, Encoding) {
        (SourceFile::new("x", TEXT), encoding)
    }

    #[test]
    fn utf16_counts_surrogate_pairs() {
        let (src, enc) = map(Encoding::Utf16);
        let m = LineMap::new(&src, enc);
        let brace = TEXT.find('{').unwrap() as u32;
        // `persona jörg "Jörg 🎉" ` = 22 scalars, the emoji is 2 UTF-16 units.
        assert_eq!(m.position(brace), Position::new(0, 23));
        assert_eq!(m.offset(Position::new(0, 23)), brace);
    }

    #[test]
    fn utf8_counts_bytes() {
        let (src, enc) = map(Encoding::Utf8);
        let m = LineMap::new(&src, enc);
        let brace = TEXT.find('{').unwrap() as u32;
        assert_eq!(m.position(brace), Position::new(0, brace));
        let k = TEXT.find("Kündigung").unwrap() as u32;
        let line_start = TEXT.find('\n').unwrap() as u32 + 1;
        assert_eq!(m.position(k), Position::new(1, k - line_start));
    }

    #[test]
    fn past_the_end_clamps() {
        let (src, enc) = map(Encoding::Utf16);
        let m = LineMap::new(&src, enc);
        let line_end = TEXT.find('\n').unwrap() as u32;
        assert_eq!(m.offset(Position::new(0, 9999)), line_end);
        assert_eq!(m.offset(Position::new(99, 3)), TEXT.len() as u32);
    }

    #[test]
    fn incremental_edit_after_an_emoji() {
        let mut text = TEXT.to_string();
        // Replace `Kündigung` (line 1, UTF-16 columns 8..17) with `Kündigungen`.
        apply_change(
            &mut text,
            None,
            Range::new(Position::new(1, 8), Position::new(1, 17)),
            "Kündigungen",
            Encoding::Utf16,
        );
        assert!(text.contains("role \"Kündigungen\""));
        // Insert after the emoji on line 0, in UTF-8 columns.
        let mut text = TEXT.to_string();
        let after = (TEXT.find('🎉').unwrap() + '🎉'.len_utf8()) as u32;
        apply_change(
            &mut text,
            Some(&LineIndex::new(TEXT)),
            Range::new(Position::new(0, after), Position::new(0, after)),
            "!",
            Encoding::Utf8,
        );
        assert!(text.contains("🎉!\""));
    }
}
