//! Content words: what is left of a text after stop words, reduced to
//! stems, each with the byte range it was written at.

use crate::lang::{detect_language, Lang};
use crate::stem::stem;
use crate::stop::is_stop_word;
use crate::token::{tokenize, TokenKind};
use crate::words::TextWords;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentWord {
    /// Where the word (or the part of a hyphenated word) stands.
    pub range: Range<usize>,
    pub stem: String,
}

/// The content words of `text`, in its own (detected) language.
pub fn content_words(text: &str) -> Vec<ContentWord> {
    content_words_in(text, detect_language(text))
}

/// The content words of `text`, stemmed by the rules of `lang`. The parts
/// of a hyphenated word count separately (`Online-Shop` → `online`,
/// `shop`); numbers and single letters are no content words.
pub fn content_words_in(text: &str, lang: Option<Lang>) -> Vec<ContentWord> {
    let mut out = Vec::new();
    for t in tokenize(text) {
        if t.kind != TokenKind::Word {
            continue;
        }
        let whole = crate::stem::lower(t.text);
        if is_stop_word(&whole, lang) {
            continue;
        }
        for (range, part) in t.parts() {
            let lower = crate::stem::lower(part);
            if lower.chars().count() < 2
                || lower.chars().all(|c| c.is_ascii_digit())
                || is_stop_word(&lower, lang)
            {
                continue;
            }
            out.push(ContentWord {
                range,
                stem: stem(part, lang),
            });
        }
    }
    out
}

/// [`content_words_in`] of a text read by a [`crate::words::Lexicon`].
pub fn content_words_of(words: &TextWords, lang: Option<Lang>) -> Vec<ContentWord> {
    let mut out = Vec::new();
    for t in &words.tokens {
        let Some(word) = t.as_word() else {
            continue;
        };
        if word.is_stop(lang) {
            continue;
        }
        for (range, part) in t.parts() {
            if part.too_short() || part.is_stop(lang) {
                continue;
            }
            out.push(ContentWord {
                range,
                stem: part.stem(lang).to_string(),
            });
        }
    }
    out
}

/// True when two stems name the same thing: they are equal, or one is a
/// compound of the other (`tourenvideo` and `tour`, `wanderschuh` and
/// `schuh`). The shorter stem needs four letters and the longer three
/// more, so `art` never matches `start`.
pub fn related(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let count = |s: &str| {
        if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        }
    };
    let (ns, nl) = (count(short), count(long));
    ns >= 4 && nl >= ns + 3 && (long.starts_with(short) || long.ends_with(short))
}

/// The first pair of related words, as indices into `a` and `b`.
pub fn first_shared(a: &[ContentWord], b: &[ContentWord]) -> Option<(usize, usize)> {
    a.iter().enumerate().find_map(|(i, x)| {
        b.iter()
            .position(|y| related(&x.stem, &y.stem))
            .map(|j| (i, j))
    })
}

/// True when the two texts share at least one content word.
pub fn share_content(a: &str, b: &str) -> bool {
    first_shared(&content_words(a), &content_words(b)).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(text: &str) -> Vec<String> {
        content_words(text).into_iter().map(|w| w.stem).collect()
    }

    #[test]
    fn stop_words_go_stems_stay() {
        assert_eq!(stems("Wir liefern dein Fahrrad"), vec!["lief", "fahrrad"]);
        assert_eq!(stems("The bikes are at your door"), vec!["bik", "door"]);
    }

    #[test]
    fn ranges_point_at_the_words() {
        let text = "Grüße 🎉 aus Köln";
        let words = content_words(text);
        let texts: Vec<&str> = words.iter().map(|w| &text[w.range.clone()]).collect();
        assert_eq!(texts, vec!["Grüße", "Köln"]);
    }

    #[test]
    fn hyphenated_parts_count_separately() {
        let text = "Unser Online-Shop";
        let words = content_words(text);
        let texts: Vec<&str> = words.iter().map(|w| &text[w.range.clone()]).collect();
        assert_eq!(texts, vec!["Online", "Shop"]);
    }

    #[test]
    fn numbers_and_letters_are_no_content() {
        assert!(stems("24 h").is_empty());
        assert!(stems("a b c 100").is_empty());
    }

    #[test]
    fn compounds_are_related() {
        assert!(related("tourenvideo", "tour"));
        assert!(related("wanderschuh", "schuh"));
        assert!(related("bike", "bike"));
        assert!(!related("art", "start"));
        assert!(!related("rad", "fahrrad"));
        assert!(related("lief", "lieferung"));
        assert!(!related("beratung", "bestellung"));
    }

    #[test]
    fn sharing_across_inflection_and_languages() {
        assert!(share_content(
            "Ausrüstung, die hält",
            "Die Ausrüstungen halten ewig"
        ));
        assert!(share_content("Repairs included", "We repair it"));
        assert!(!share_content("Wir sind für dich da", "Du und wir"));
        assert!(!share_content("Fast delivery", "Friendly advice"));
        let a = content_words("Bikes for everyone");
        let b = content_words("Your bike, serviced");
        assert_eq!(first_shared(&a, &b), Some((0, 0)));
    }
}
