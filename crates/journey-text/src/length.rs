//! Lengths as channels count them.

use std::ops::Range;

/// Characters (Unicode scalar values), which is what most channels count.
pub fn char_count(text: &str) -> usize {
    text.chars().count()
}

/// The GSM 03.38 basic character set of SMS (with its extension table):
/// a text of these only fits 160 characters in one SMS, any other
/// character (an emoji, a typographic quote) limits it to 70.
pub fn is_gsm7(c: char) -> bool {
    const BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    const EXTENSION: &str = "^{}\\[~]|€\u{000C}";
    BASIC.contains(c) || EXTENSION.contains(c)
}

/// How many characters one SMS holds for `text`: 160, or 70 when it
/// needs Unicode (UCS-2).
pub fn sms_limit(text: &str) -> usize {
    if text.chars().all(is_gsm7) {
        160
    } else {
        70
    }
}

/// The byte range of what goes beyond `limit` characters, if anything.
pub fn overflow(text: &str, limit: usize) -> Option<Range<usize>> {
    text.char_indices()
        .nth(limit)
        .map(|(start, _)| start..text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_chars_not_bytes() {
        assert_eq!(char_count("Grüße 🎉"), 7);
    }

    #[test]
    fn sms_limits() {
        assert_eq!(sms_limit("Dein Rad ist da. Grüße, Spoke"), 160);
        assert_eq!(sms_limit("Dein Rad ist da 🚲"), 70);
        assert_eq!(sms_limit("„Hallo“"), 70);
        assert_eq!(sms_limit("Nur 9 €"), 160);
    }

    #[test]
    fn overflow_ranges() {
        assert_eq!(overflow("abcdef", 4), Some(4..6));
        assert_eq!(overflow("abcd", 4), None);
        let text = "äöü🎉xyz";
        let r = overflow(text, 4).unwrap();
        assert_eq!(&text[r], "xyz");
    }
}
