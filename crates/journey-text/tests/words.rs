//! Reading a text through a [`Lexicon`] (each distinct word classified
//! once) gives exactly what the direct functions give for the text.

use journey_text::words::Lexicon;
use journey_text::{claims, content, detect_language, register, risky, similarity, terms};
use journey_text::{lang, tokenize, Lang};
use proptest::prelude::*;
use std::sync::OnceLock;

/// Pieces of copy, separated by `|`: words every rule looks at, their
/// neighbours, and letters whose lower case is unusual (titlecase `ǅ`,
/// `İ`, the Kelvin sign, final sigma).
const PIECES: &str = "Tausch|in|24h|48|Stunden|STUNDEN|9,99|€|€9.99|EUR|ab|bis|zu|über|%|Prozent|\
Tage|Werktagen|2–3|1.000|10\u{202F}000|Sie|SIE|du|Du|dir|Ihr|Ihnen|E-Mail|Email|e-mail|sign|up|\
register|registered|best|beste|Besten|am|our|all|the|regards|kostenlos|Versandkostenfrei|free|\
Free|feel|time|nicht|umsonst|garantiert|guaranteed|Testsieger|günstigsten|#|#1|Nr|Nr.|No.|\
Nummer|number|one|eins|1|100|percent|🎉|🚲|Grüße|Köln|Fahrräder|u\u{0308}|'|’|-|‑|–|,|.|!|?|:|\
\n| |Gipfelglück|Glück|s|a|day|days|Monat|month|per|p.a.|mtl.|30.06.2027|04109|0|Spoke|&|Co|\
ǅ|İ|\u{212A}m|ΣΑΣ|Online-Shop|Klienten|Kunde|customer's|delivering|Wir|und|die|and|we|it's";

fn copyish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(PIECES.split('|').collect::<Vec<_>>());
    let sep = prop::sample::select(vec![" ", "", "\n", "-"]);
    prop::collection::vec((pieces, sep), 0..40)
        .prop_map(|v| v.into_iter().flat_map(|(p, s)| [p, s]).collect::<String>())
}

/// One lexicon for every case, as a workspace shares one across texts.
fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::new)
}

fn same_as_direct(text: &str) {
    let words = lexicon().read(text);
    assert_eq!(words.tokens_in(text), tokenize(text));
    assert_eq!(words.folded(text), journey_text::stem::fold(text));
    assert_eq!(lang::language_of(&words), detect_language(text), "{text:?}");
    for l in [None, Some(Lang::De), Some(Lang::En)] {
        assert_eq!(
            content::content_words_of(&words, l),
            content::content_words_in(text, l),
            "{text:?} {l:?}"
        );
        assert_eq!(
            claims::claims_of(&words, text, l),
            claims::extract_claims_in(text, l),
            "{text:?} {l:?}"
        );
        assert_eq!(
            register::marks_of(&words, text, l),
            register::marks_in(text, l),
            "{text:?} {l:?}"
        );
        assert_eq!(
            terms::parts_of(&words, text, l),
            terms::parts_stemmed(text, l),
            "{text:?} {l:?}"
        );
    }
    assert_eq!(
        risky::risky_of(&words, text),
        risky::risky_words(text),
        "{text:?}"
    );
    assert_eq!(
        similarity::normalised_words_of(&words),
        similarity::normalised_words(text),
        "{text:?}"
    );
}

#[test]
fn known_cases() {
    for text in [
        "",
        "Testen Sie 30 Tage kostenlos – garantiert das beste Angebot.",
        "Bestellen Sie jetzt, wir liefern Ihnen Ihre Ausrüstung. Sie kommt morgen.",
        "The best bike, guaranteed. Free delivery! #1 in Berlin. Feel free, all the best",
        "Die Nr. 1 im Sauerland, Nummer eins, number one, 100 % Bio, nicht umsonst",
        "Nr . 1 und # 1",
        "Per E-Mail, per Email, per eMail, per e-mail: Online-Shop",
        "You signed up. Sign-up is easy. Registered users, Unsere Klienten",
        "Lieferung in 24 Stunden, 9,99 € im Monat, 2–3 Werktage, ein Tag, drei Tage",
        "ǅ İ \u{212A}M ΣΑΣ Monat",
    ] {
        same_as_direct(text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn copy_reads_the_same_through_the_lexicon(text in copyish()) {
        same_as_direct(&text);
    }

    #[test]
    fn any_text_reads_the_same_through_the_lexicon(text in "\\PC{0,60}") {
        same_as_direct(&text);
    }
}
