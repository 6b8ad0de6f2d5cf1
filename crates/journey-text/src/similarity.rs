//! How alike two texts are: Jaccard similarity of word shingles.
//!
//! Words are lower-cased, folded and stemmed first, so "Ausrüstung, die
//! hält" and "Ausrüstungen, die halten" count as the same text.

use crate::lang::detect_language;
use crate::stem::stem;
use crate::token::{tokenize, TokenKind};
use crate::words::TextWords;
use std::collections::HashSet;

/// The normalised words of `text`, stop words included (they carry the
/// word order that shingles compare).
pub fn normalised_words(text: &str) -> Vec<String> {
    let lang = detect_language(text);
    tokenize(text)
        .into_iter()
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
        .map(|t| stem(t.text, lang))
        .collect()
}

/// [`normalised_words`] of a text read by a [`crate::words::Lexicon`].
pub fn normalised_words_of(words: &TextWords) -> Vec<String> {
    let lang = crate::lang::language_of(words);
    words
        .tokens
        .iter()
        .filter_map(|t| t.word.as_deref())
        .map(|w| w.stem(lang).to_string())
        .collect()
}

/// The set of `k`-word shingles of `words`; a text shorter than `k`
/// words is one shingle.
pub fn shingles(words: &[String], k: usize) -> HashSet<Vec<String>> {
    let k = k.max(1);
    if words.is_empty() {
        return HashSet::new();
    }
    if words.len() < k {
        return std::iter::once(words.to_vec()).collect();
    }
    words.windows(k).map(<[String]>::to_vec).collect()
}

/// Jaccard similarity of the `k`-word shingles of two texts, from 0
/// (nothing in common) to 1 (the same words in the same order). Two empty
/// texts are not similar.
pub fn similarity(a: &str, b: &str, k: usize) -> f64 {
    jaccard(
        &shingles(&normalised_words(a), k),
        &shingles(&normalised_words(b), k),
    )
}

/// Jaccard similarity of two shingle sets (see [`similarity`]), for
/// callers that compare one text with many.
pub fn jaccard(sa: &HashSet<Vec<String>>, sb: &HashSet<Vec<String>>) -> f64 {
    if sa.is_empty() || sb.is_empty() {
        return 0.0;
    }
    let inter = sa.intersection(sb).count();
    let union = sa.len() + sb.len() - inter;
    inter as f64 / union as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_and_disjoint() {
        assert_eq!(
            similarity("Ausrüstung, die hält", "Ausrüstung, die hält", 2),
            1.0
        );
        assert_eq!(
            similarity("Ausrüstung, die hält", "Beratung vor Ort", 2),
            0.0
        );
        assert_eq!(similarity("", "", 2), 0.0);
    }

    #[test]
    fn inflection_and_case_do_not_matter() {
        assert_eq!(
            similarity("Ausrüstung, die hält.", "ausrüstungen, die halten!", 2),
            1.0
        );
    }

    #[test]
    fn near_duplicates_score_high() {
        let s = similarity(
            "Ein Fahrrad, das immer fährt – für 24 € im Monat",
            "Ein Fahrrad, das immer fährt, für nur 24 € im Monat",
            2,
        );
        assert!(s > 0.6, "{s}");
        let t = similarity("Ride more, worry less", "Your first ride is on us", 2);
        assert!(t < 0.2, "{t}");
    }

    #[test]
    fn short_texts_are_one_shingle() {
        assert_eq!(similarity("Hallo", "hallo", 3), 1.0);
        assert_eq!(shingles(&["a".to_string()], 2).len(), 1);
    }
}
