//! The bundled fonts and the widths of their glyphs.
//!
//! The poster is drawn with DejaVu Sans (a subset, `fonts/LICENSE`), and
//! only with it: the SVG embeds it, the PNG and PDF renderers are given it
//! and no system font. So text wraps and looks the same on every machine.

use std::sync::OnceLock;
use ttf_parser::Face;

pub const REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
pub const BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// The family name the SVG uses.
pub const FAMILY: &str = "DejaVu Sans";

fn face(bold: bool) -> Option<&'static Face<'static>> {
    static FACES: OnceLock<(Option<Face<'static>>, Option<Face<'static>>)> = OnceLock::new();
    let (r, b) = FACES.get_or_init(|| (Face::parse(REGULAR, 0).ok(), Face::parse(BOLD, 0).ok()));
    if bold {
        b.as_ref()
    } else {
        r.as_ref()
    }
}

/// The advance width of `text` at `size`, from the font's metrics
/// (characters the subset lacks count as a wide glyph).
pub fn width(text: &str, size: f64, bold: bool) -> f64 {
    let Some(f) = face(bold) else {
        return text.chars().count() as f64 * size * 0.62;
    };
    let upem = f64::from(f.units_per_em());
    let fallback = f
        .glyph_index('M')
        .and_then(|g| f.glyph_hor_advance(g))
        .map(f64::from)
        .unwrap_or(upem * 0.8);
    let units: f64 = text
        .chars()
        .map(|c| {
            f.glyph_index(c)
                .and_then(|g| f.glyph_hor_advance(g))
                .map(f64::from)
                .unwrap_or(fallback)
        })
        .sum();
    units / upem * size
}

/// Splits `text` into lines no wider than `max` at `size`, at spaces (a
/// word wider than a line is cut where it must be); at most `max_lines`
/// lines, the last one ending in `…` when text is left over.
pub fn wrap(text: &str, size: f64, bold: bool, max: f64, max_lines: usize) -> Vec<String> {
    // A little room for kerning and rounding in the renderers.
    let max = max * 0.97;
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut cut = false;
    'words: for word in text.split_whitespace() {
        let candidate = if cur.is_empty() {
            word.to_string()
        } else {
            format!("{cur} {word}")
        };
        if width(&candidate, size, bold) <= max {
            cur = candidate;
            continue;
        }
        if !cur.is_empty() {
            lines.push(std::mem::take(&mut cur));
            if lines.len() == max_lines {
                cut = true;
                break;
            }
        }
        // The word alone, cut into pieces that fit.
        let mut piece = String::new();
        for c in word.chars() {
            piece.push(c);
            if width(&piece, size, bold) > max && piece.chars().count() > 1 {
                piece.pop();
                lines.push(std::mem::take(&mut piece));
                piece.push(c);
                if lines.len() == max_lines {
                    cut = true;
                    break 'words;
                }
            }
        }
        cur = piece;
    }
    if !cur.is_empty() {
        if lines.len() < max_lines {
            lines.push(cur);
        } else {
            cut = true;
        }
    }
    if cut {
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && width(&format!("{last}…"), size, bold) > max {
                last.pop();
            }
            *last = format!("{}…", last.trim_end());
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_fonts_parse_and_cover_german_and_the_symbols() {
        for bold in [false, true] {
            let f = face(bold).expect("bundled font parses");
            for c in "äöüßÄÖÜ€„“–→↻★✓◇●▲▼…·".chars() {
                assert!(f.glyph_index(c).is_some(), "{c} missing (bold {bold})");
            }
        }
        assert!(width("Wide words", 10.0, true) > width("Wide words", 10.0, false));
        assert!((width("MM", 10.0, false) - 2.0 * width("M", 10.0, false)).abs() < 1e-9);
    }

    #[test]
    fn wrap_fits_every_line_and_marks_what_is_cut() {
        let text =
            "Deine erste messbare Kampagne in vierzehn Tagen, ohne Agentur und ohne Vorkenntnisse";
        let lines = wrap(text, 10.0, false, 120.0, 3);
        assert_eq!(lines.len(), 3);
        for l in &lines {
            assert!(width(l, 10.0, false) <= 120.0, "{l}");
        }
        assert!(lines[2].ends_with('…'));
        let all = wrap(text, 10.0, false, 120.0, 20);
        assert_eq!(all.join(" "), text);
        let long = wrap(
            "Donaudampfschifffahrtsgesellschaftskapitän",
            10.0,
            true,
            60.0,
            10,
        );
        assert!(long.len() > 1);
        assert_eq!(long.concat(), "Donaudampfschifffahrtsgesellschaftskapitän");
        assert!(wrap("", 10.0, false, 60.0, 2).is_empty());
    }
}
