//! Corpus files as lines of text and back, byte for byte.
//!
//! Most cases are UTF-8; a few are deliberately not: Latin-1 bytes (J0001)
//! and UTF-16 or UTF-32 files (J0003). Their annotations are written in the
//! file's own encoding, so a UTF-16 case stays a UTF-16 file, and the bytes
//! of the lines that are not annotations are kept exactly as they were.

/// How a corpus file is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, or bytes meant to be read as UTF-8 (invalid ones included).
    Utf8,
    Utf16Le,
    Utf16Be,
    Utf32Le,
    Utf32Be,
}

impl Encoding {
    /// Recognises UTF-16 and UTF-32 by their byte-order mark or, without
    /// one, by a zero byte beside the first ASCII letter.
    pub fn detect(bytes: &[u8]) -> Encoding {
        match bytes {
            [0xFF, 0xFE, 0, 0, ..] => Encoding::Utf32Le,
            [0, 0, 0xFE, 0xFF, ..] => Encoding::Utf32Be,
            [0xFF, 0xFE, ..] => Encoding::Utf16Le,
            [0xFE, 0xFF, ..] => Encoding::Utf16Be,
            [a, 0, ..] if *a != 0 => Encoding::Utf16Le,
            [0, b, ..] if *b != 0 => Encoding::Utf16Be,
            _ => Encoding::Utf8,
        }
    }

    fn unit(self) -> usize {
        match self {
            Encoding::Utf8 => 1,
            Encoding::Utf16Le | Encoding::Utf16Be => 2,
            Encoding::Utf32Le | Encoding::Utf32Be => 4,
        }
    }

    fn encode(self, text: &str) -> Vec<u8> {
        match self {
            Encoding::Utf8 => text.as_bytes().to_vec(),
            Encoding::Utf16Le => text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
            Encoding::Utf16Be => text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
            Encoding::Utf32Le => text
                .chars()
                .flat_map(|c| (c as u32).to_le_bytes())
                .collect(),
            Encoding::Utf32Be => text
                .chars()
                .flat_map(|c| (c as u32).to_be_bytes())
                .collect(),
        }
    }

    fn decode(self, bytes: &[u8]) -> String {
        match self {
            Encoding::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
            Encoding::Utf16Le | Encoding::Utf16Be => {
                let units = bytes.chunks(2).map(|c| {
                    let c = [c[0], *c.get(1).unwrap_or(&0)];
                    if self == Encoding::Utf16Le {
                        u16::from_le_bytes(c)
                    } else {
                        u16::from_be_bytes(c)
                    }
                });
                char::decode_utf16(units)
                    .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                    .collect()
            }
            Encoding::Utf32Le | Encoding::Utf32Be => bytes
                .chunks(4)
                .map(|c| {
                    let mut u = [0; 4];
                    u[..c.len()].copy_from_slice(c);
                    let n = if self == Encoding::Utf32Le {
                        u32::from_le_bytes(u)
                    } else {
                        u32::from_be_bytes(u)
                    };
                    char::from_u32(n).unwrap_or(char::REPLACEMENT_CHARACTER)
                })
                .collect(),
        }
    }
}

/// A file cut into lines, each line's text with its line ending and the
/// bytes it was read from.
pub struct Lines {
    pub encoding: Encoding,
    pub text: Vec<String>,
    raw: Vec<Vec<u8>>,
}

impl Lines {
    pub fn read(bytes: &[u8]) -> Lines {
        let encoding = Encoding::detect(bytes);
        let newline = encoding.encode("\n");
        let unit = encoding.unit();
        let mut raw = Vec::new();
        let mut start = 0;
        let mut at = 0;
        while at + unit <= bytes.len() {
            at += unit;
            if bytes[at - unit..at] == newline[..] {
                raw.push(bytes[start..at].to_vec());
                start = at;
            }
        }
        if start < bytes.len() {
            raw.push(bytes[start..].to_vec());
        }
        let text = raw.iter().map(|r| encoding.decode(r)).collect();
        Lines {
            encoding,
            text,
            raw,
        }
    }

    /// The bytes of `lines`: a line this file holds keeps its own bytes,
    /// any other is encoded like the file.
    pub fn write(&self, lines: &[String]) -> Vec<u8> {
        let mut out = Vec::new();
        for line in lines {
            if let Some(i) = self.text.iter().position(|t| t == line) {
                out.extend_from_slice(&self.raw[i]);
            } else if let Some(i) = self.text.iter().position(|t| format!("{t}\n") == *line) {
                // The last line, given the line ending an annotation needs.
                out.extend_from_slice(&self.raw[i]);
                out.extend(self.encoding.encode("\n"));
            } else {
                out.extend(self.encoding.encode(line));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_files_read_and_write_back_byte_for_byte() {
        for encoding in [
            Encoding::Utf16Le,
            Encoding::Utf16Be,
            Encoding::Utf32Le,
            Encoding::Utf32Be,
        ] {
            let bytes = encoding.encode("\u{FEFF}persona p \"Grüße\" {\n}");
            let lines = Lines::read(&bytes);
            assert_eq!(lines.encoding, encoding);
            assert_eq!(lines.text, ["\u{FEFF}persona p \"Grüße\" {\n", "}"]);
            assert_eq!(lines.write(&lines.text), bytes);
        }
    }

    #[test]
    fn invalid_utf8_keeps_its_bytes() {
        let bytes = b"role \"Gesch\xe4ftsf\xfchrerin\"\n";
        let lines = Lines::read(bytes);
        assert_eq!(lines.encoding, Encoding::Utf8);
        let mut with_note = lines.text.clone();
        with_note.push("# @1:12-1:13 error[J0001]: …\n".to_string());
        let out = lines.write(&with_note);
        assert!(out.starts_with(bytes));
    }
}
