//! Every function of journey-text takes any string without panicking and
//! returns ranges that lie on character boundaries inside the text.

use journey_text::{claims, content, length, register, risky, similarity, terms, tokenize};
use proptest::prelude::*;
use std::ops::Range;

fn valid(text: &str, r: &Range<usize>) -> bool {
    r.start <= r.end
        && r.end <= text.len()
        && text.is_char_boundary(r.start)
        && text.is_char_boundary(r.end)
}

/// Pieces of copy, separated by `|`.
const PIECES: &str = "Tausch|in|24h|48|Stunden|9,99|€|€9.99|EUR|ab|bis|zu|über|%|Prozent|Tage|\
Werktagen|2–3|1.000|10\u{202F}000|Sie|du|dir|Ihr|E-Mail|Email|sign|up|register|best|kostenlos|\
#1|Nr.|1|🎉|🚲|Grüße|Köln|u\u{0308}|'|’|-|–|,|.|!|?|:|\n| |Gipfelglück|gipfel|Glück|s|a|day|\
month|per|p.a.|30.06.2027|04109|0|Spoke|&|Co";

/// Text that looks like copy: words, numbers with separators, units,
/// currency, umlauts, emoji, punctuation and the odd combining mark.
fn copyish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(PIECES.split('|').collect::<Vec<_>>());
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.join(" "))
}

fn check_all(text: &str) {
    for t in tokenize(text) {
        assert!(valid(text, &t.range()));
        for (r, _) in t.parts() {
            assert!(valid(text, &r));
        }
    }
    for w in content::content_words(text) {
        assert!(valid(text, &w.range));
    }
    let found = claims::extract_claims(text);
    for (i, c) in found.iter().enumerate() {
        assert!(valid(text, &c.range));
        assert!(c.value.is_finite());
        let _ = c.describe();
        let _ = c.canonical();
        for d in &found[..i] {
            assert_eq!(c.contradicts(d), d.contradicts(c), "symmetric: {text:?}");
        }
    }
    for m in register::marks(text) {
        assert!(valid(text, &m.range));
    }
    for r in risky::risky_words(text) {
        assert!(valid(text, &r.range));
    }
    for term in ["E-Mail", "sign up", "Klient", "Gipfelglück"] {
        for mode in [terms::Mode::Spelling, terms::Mode::Inflected] {
            for f in terms::find(text, term, mode) {
                assert!(valid(text, &f.range));
            }
        }
    }
    for brand in ["Gipfelglück", "Spoke & Co", "s"] {
        for r in terms::brand_misspellings(text, brand) {
            assert!(valid(text, &r));
        }
    }
    let s = similarity::similarity(text, "Tausch in 24h", 2);
    assert!((0.0..=1.0).contains(&s));
    for limit in [0, 1, 5, 70, 160] {
        if let Some(r) = length::overflow(text, limit) {
            assert!(valid(text, &r));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_text(text in "\\PC{0,200}") {
        check_all(&text);
    }

    #[test]
    fn copy_like_text(text in copyish()) {
        check_all(&text);
    }
}
