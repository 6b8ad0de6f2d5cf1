//! Light stemming for German and English.
//!
//! Light means: inflection endings are cut (plural, case, tense), word
//! formation is left alone. "Fahrräder" and "Fahrrad", "bikes" and
//! "bike", "delivered" and "deliver" meet; "Lieferung" and "liefern" do
//! not, which keeps false matches rare. Compounds are handled when words
//! are compared (see [`crate::content::related`]), not here.

use crate::Lang;

/// `s` in lower case, borrowed when it has no upper-case letter (most
/// words), so that looking words up allocates rarely.
pub fn lower(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(s.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Lower case with umlauts and ß folded (`Fahrräder` → `fahrrader`), so
/// that umlaut plurals meet their singular after stemming.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(&mut out, word);
    out
}

/// [`fold`], appended to `out`.
pub(crate) fn fold_into(out: &mut String, word: &str) {
    for c in word.chars() {
        match c {
            'ä' | 'Ä' => out.push('a'),
            'ö' | 'Ö' => out.push('o'),
            'ü' | 'Ü' => out.push('u'),
            'ß' | 'ẞ' => out.push_str("ss"),
            '\u{0308}' => {} // a combining diaeresis: the base letter stays
            '\u{2019}' => out.push('\''),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// The stem of `word` in `lang`; without a language, German rules are
/// used when the word has German letters, English rules otherwise.
pub fn stem(word: &str, lang: Option<Lang>) -> String {
    let lang = lang.unwrap_or(if has_german_letters(word) {
        Lang::De
    } else {
        Lang::En
    });
    let folded = fold(word);
    match lang {
        Lang::De => german_in_place(folded, word.starts_with(char::is_uppercase)),
        Lang::En => english_in_place(folded),
    }
}

/// Letters only German uses: ä, ö, ü, ß.
pub fn has_german_letters(word: &str) -> bool {
    word.contains(['ä', 'ö', 'ü', 'ß', 'Ä', 'Ö', 'Ü'])
}

fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// German: cut `-em -er -nd` (long words), then `-e -s -n` and, for
/// words that are not capitalised (no nouns), `-t`, repeatedly, in the
/// manner of the CISTEM stemmer, on folded lower-case text.
pub fn stem_german(folded: &str, capitalised: bool) -> String {
    german_in_place(folded.to_string(), capitalised)
}

fn german_in_place(mut w: String, capitalised: bool) -> String {
    loop {
        let n = char_len(&w);
        if n <= 3 {
            break;
        }
        if n > 5 && (w.ends_with("em") || w.ends_with("er") || w.ends_with("nd")) {
            w.truncate(w.len() - 2);
            continue;
        }
        if w.ends_with(['e', 's', 'n']) || (!capitalised && w.ends_with('t')) {
            w.pop();
            continue;
        }
        break;
    }
    w
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// English: plural `-s -es -ies`, possessive `'s`, `-ing`, `-ed`, `-ly`;
/// a final `y` after a consonant becomes `i` so that `delivery` and
/// `deliveries` meet, and a final silent `e` goes.
pub fn stem_english(folded: &str) -> String {
    english_in_place(folded.to_string())
}

fn english_in_place(mut w: String) -> String {
    if w.ends_with("'s") {
        w.truncate(w.len() - 2);
    }
    let n = w.len();
    if w.is_ascii() {
        if n > 4 && w.ends_with("ies") {
            w.truncate(n - 3);
            w.push('i');
        } else if n > 4
            && (w.ends_with("sses")
                || w.ends_with("xes")
                || w.ends_with("zes")
                || w.ends_with("ches")
                || w.ends_with("shes"))
        {
            w.truncate(n - 2);
        } else if n > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
        {
            w.truncate(n - 1);
        }
        let n = w.len();
        if n > 5 && w.ends_with("ing") {
            w.truncate(n - 3);
            undouble(&mut w);
        } else if n > 4 && w.ends_with("ed") && !w.ends_with("eed") {
            w.truncate(n - 2);
            undouble(&mut w);
        } else if n > 5 && w.ends_with("ly") {
            w.truncate(n - 2);
        }
        let b = w.as_bytes();
        let n = b.len();
        if n > 3 && b[n - 1] == b'y' && !is_vowel(b[n - 2]) {
            w.pop();
            w.push('i');
        } else if n > 3 && b[n - 1] == b'e' && b[n - 2] != b'e' {
            // `include` meets `included`, `bike` meets `biking`.
            w.pop();
        }
    }
    w
}

/// `running` → `runn` → `run`; `called` → `call` keeps its `ll`.
fn undouble(w: &mut String) {
    let b = w.as_bytes();
    let n = b.len();
    if n >= 3
        && b[n - 1] == b[n - 2]
        && !is_vowel(b[n - 1])
        && !matches!(b[n - 1], b'l' | b's' | b'z')
    {
        w.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn de(w: &str) -> String {
        stem(w, Some(Lang::De))
    }
    fn en(w: &str) -> String {
        stem(w, Some(Lang::En))
    }

    #[test]
    fn folding() {
        assert_eq!(fold("Fahrräder"), "fahrrader");
        assert_eq!(fold("Größe"), "grosse");
        assert_eq!(fold("ÜBER"), "uber");
        assert_eq!(fold("Gru\u{0308}ße"), "grusse");
    }

    #[test]
    fn german_inflection_meets() {
        assert_eq!(de("Fahrrad"), de("Fahrräder"));
        assert_eq!(de("Ausrüstung"), de("Ausrüstungen"));
        assert_eq!(de("Kunde"), de("Kunden"));
        assert_eq!(de("hält"), de("halten"));
        assert_eq!(de("Touren"), de("Tour"));
        assert_eq!(de("schnelle"), de("schneller"));
        assert_eq!(de("Beratung"), "beratung");
        // Nouns keep a final t: "Klient" is not "Klie".
        assert_eq!(de("Klienten"), "klient");
        assert_eq!(de("Klient"), "klient");
    }

    #[test]
    fn german_keeps_short_words() {
        assert_eq!(de("Tag"), "tag");
        assert_eq!(de("Tage"), "tag");
        assert_eq!(de("Rad"), "rad");
    }

    #[test]
    fn german_keeps_distinct_words_apart() {
        assert_ne!(de("Lieferung"), de("Leistung"));
        assert_ne!(de("Bestellung"), de("beste"));
    }

    #[test]
    fn english_inflection_meets() {
        assert_eq!(en("bikes"), en("bike"));
        assert_eq!(en("delivered"), "deliver");
        assert_eq!(en("delivering"), "deliver");
        assert_eq!(en("deliveries"), en("delivery"));
        assert_eq!(en("running"), "run");
        assert_eq!(en("called"), "call");
        assert_eq!(en("boxes"), "box");
        assert_eq!(en("customer's"), "customer");
        assert_eq!(en("quickly"), "quick");
        assert_eq!(en("repairs"), en("repair"));
        assert_eq!(en("included"), en("include"));
        assert_eq!(en("biking"), en("bikes"));
        assert_eq!(en("free"), "free");
    }

    #[test]
    fn english_keeps_short_and_latin_words() {
        assert_eq!(en("bus"), "bus");
        assert_eq!(en("status"), "status");
        assert_eq!(en("basis"), "basis");
        assert_eq!(en("class"), "class");
        assert_eq!(en("is"), "is");
        assert_eq!(en("agreed"), "agreed");
    }

    #[test]
    fn language_guessed_from_letters() {
        assert_eq!(stem("Räder", None), de("Räder"));
        assert_eq!(stem("bikes", None), en("bikes"));
    }
}
