//! Telling German from English text.

use crate::stop;
use crate::token::{tokenize, TokenKind};
use crate::words::TextWords;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    De,
    En,
}

impl Lang {
    pub fn name(self) -> &'static str {
        match self {
            Lang::De => "German",
            Lang::En => "English",
        }
    }
}

/// The language of `text`, judged by its stop words and by letters only
/// German uses (ä, ö, ü, ß); `None` when there is no evidence either way
/// or it is even.
pub fn detect_language(text: &str) -> Option<Lang> {
    let (mut de, mut en) = (0u32, 0u32);
    for t in tokenize(text) {
        if t.kind == TokenKind::Word {
            let (d, e) = word_evidence(t.text);
            de += u32::from(d);
            en += u32::from(e);
        }
    }
    decide(de, en)
}

/// [`detect_language`] of a text read by a [`crate::words::Lexicon`].
pub fn language_of(words: &TextWords) -> Option<Lang> {
    let (mut de, mut en) = (0u32, 0u32);
    for w in words.words() {
        let (d, e) = w.evidence();
        de += u32::from(d);
        en += u32::from(e);
    }
    decide(de, en)
}

/// The points one word gives German and English: two for a stop word of
/// one language only (words in both lists, "in", "so", "was", say
/// nothing), one more for German for letters only German uses.
pub(crate) fn word_evidence(text: &str) -> (u8, u8) {
    let (mut de, mut en) = (0, 0);
    // No stop word is longer than twelve bytes.
    let (is_de, is_en) = if text.len() <= 12 {
        let lower = crate::stem::lower(text);
        (
            stop::is_german_stop_word(&lower),
            stop::is_english_stop_word(&lower),
        )
    } else {
        (false, false)
    };
    if is_de && !is_en {
        de += 2;
    } else if is_en && !is_de {
        en += 2;
    }
    if crate::stem::has_german_letters(text) {
        de += 1;
    }
    (de, en)
}

fn decide(de: u32, en: u32) -> Option<Lang> {
    match de.cmp(&en) {
        std::cmp::Ordering::Greater => Some(Lang::De),
        std::cmp::Ordering::Less => Some(Lang::En),
        std::cmp::Ordering::Equal => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_and_english() {
        assert_eq!(
            detect_language("Wir liefern dein Fahrrad in 48 Stunden."),
            Some(Lang::De)
        );
        assert_eq!(
            detect_language("We bring the bike to your door."),
            Some(Lang::En)
        );
        assert_eq!(detect_language("Grüße"), Some(Lang::De));
    }

    #[test]
    fn no_evidence() {
        assert_eq!(detect_language(""), None);
        assert_eq!(detect_language("Ledgerly 24/7"), None);
        // Words in both lists decide nothing.
        assert_eq!(detect_language("in so"), None);
    }
}
