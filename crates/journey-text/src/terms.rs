//! Finding terms in text: spelling variants ("E-Mail", "Email", "eMail"),
//! inflected words and phrases ("registered" for "register", "signing up"
//! for "sign up"), and a brand name written wrongly ("gipfelglück",
//! "Gipfel-Glück" for "Gipfelglück").

use crate::content::related;
use crate::lang::{detect_language, Lang};
use crate::stem::{fold, stem};
use crate::token::{tokenize, TokenKind};
use crate::words::TextWords;
use std::borrow::Cow;
use std::ops::Range;

/// How a word part is joined to the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Joiner {
    /// First part of the text, or after a symbol without a space.
    None,
    Space,
    Hyphen,
}

/// A word, or one part of a hyphenated word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part<'a> {
    pub text: &'a str,
    pub range: Range<usize>,
    pub joiner: Joiner,
    pub lower: Cow<'a, str>,
    /// The stem, when the parts were made by [`parts_stemmed`] or
    /// [`parts_of`]; empty otherwise (and then computed where needed).
    pub stem: Cow<'a, str>,
}

/// How part `k` of a word joins what came before: a hyphen inside a
/// word, nothing after a symbol or at the start, else a space.
fn joiner(k: usize, after_symbol: bool) -> Joiner {
    if k > 0 {
        Joiner::Hyphen
    } else if after_symbol {
        Joiner::None
    } else {
        Joiner::Space
    }
}

/// The word parts of `text`: `Die E-Mail-Adresse` → `Die`, `E`, `Mail`,
/// `Adresse`. Numbers are parts too (so phrases never match across
/// them); symbols are not, and they break a run of parts.
pub fn parts(text: &str) -> Vec<Part<'_>> {
    let mut out = Vec::new();
    let mut after_symbol = true;
    for t in tokenize(text) {
        match t.kind {
            TokenKind::Word | TokenKind::Number => {
                for (k, (range, p)) in t.parts().enumerate() {
                    let joiner = joiner(k, after_symbol);
                    out.push(Part {
                        text: p,
                        range,
                        joiner,
                        lower: p.to_lowercase().into(),
                        stem: Cow::Borrowed(""),
                    });
                }
                after_symbol = false;
            }
            _ => after_symbol = true,
        }
    }
    out
}

/// Like [`parts`], with every part's stem in `lang` computed once, for
/// texts that are searched for many terms.
pub fn parts_stemmed(text: &str, lang: Option<Lang>) -> Vec<Part<'_>> {
    let mut v = parts(text);
    for p in &mut v {
        p.stem = stem(p.text, lang).into();
    }
    v
}

/// [`parts_stemmed`] of a text read by a [`crate::words::Lexicon`]: the
/// lower case and the stems are the words' own, not copies.
pub fn parts_of<'a>(words: &'a TextWords, text: &'a str, lang: Option<Lang>) -> Vec<Part<'a>> {
    let mut out = Vec::new();
    let mut after_symbol = true;
    for t in &words.tokens {
        match t.kind {
            TokenKind::Word | TokenKind::Number => {
                for (k, (range, p)) in t.parts().enumerate() {
                    let joiner = joiner(k, after_symbol);
                    out.push(Part {
                        text: &text[range.clone()],
                        range,
                        joiner,
                        lower: Cow::Borrowed(p.lowercase()),
                        stem: Cow::Borrowed(p.stem(lang)),
                    });
                }
                after_symbol = false;
            }
            _ => after_symbol = true,
        }
    }
    out
}

/// How strictly a term must match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// As spelled, ignoring case; hyphen and space are significant; a
    /// plural `s` may follow; a long one-word term may start a compound
    /// (`Email` in `Emailadresse`).
    Spelling,
    /// By stems: inflected forms match, hyphen and space are the same,
    /// a one-word term matches inside a compound (`Klient` in
    /// `Klientenportal`).
    Inflected,
}

/// One place a term was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub range: Range<usize>,
    /// The text equals the term, except perhaps for the case of its
    /// first letter: replacing it is safe.
    pub exact: bool,
}

/// Every place `term` stands in `text`.
pub fn find(text: &str, term: &str, mode: Mode) -> Vec<Found> {
    let hay = parts(text);
    let pat = parts(term);
    find_in(text, &hay, term, &pat, mode, detect_language(text))
}

/// Like [`find`] with the parts of text and term already split. The
/// parts of `term` may carry stems ([`parts_stemmed`] in `lang`), which
/// saves work when one term is looked for in many texts.
pub fn find_in(
    text: &str,
    hay: &[Part],
    term: &str,
    pat: &[Part],
    mode: Mode,
    lang: Option<Lang>,
) -> Vec<Found> {
    let mut out = Vec::new();
    if pat.is_empty() {
        return out;
    }
    let pat_stems: Vec<Cow<str>> = match mode {
        Mode::Inflected => pat.iter().map(|p| part_stem(p, lang)).collect(),
        Mode::Spelling => Vec::new(),
    };
    // A quick look before the walk: the term's first word must be there.
    let first_present = match mode {
        Mode::Spelling => hay.iter().any(|h| h.lower.starts_with(&*pat[0].lower)),
        Mode::Inflected => hay.iter().any(|h| {
            let hs = part_stem(h, lang);
            *hs == *pat_stems[0] || (pat.len() == 1 && related(&hs, &pat_stems[0]))
        }),
    };
    if !first_present {
        return out;
    }
    let mut i = 0;
    'outer: while i + pat.len() <= hay.len() {
        let mut end = 0;
        for (k, p) in pat.iter().enumerate() {
            let h = &hay[i + k];
            if k > 0 {
                let joined = match mode {
                    Mode::Spelling => h.joiner == p.joiner,
                    Mode::Inflected => h.joiner != Joiner::None,
                };
                if !joined {
                    i += 1;
                    continue 'outer;
                }
            }
            let last = k + 1 == pat.len();
            let m = match mode {
                Mode::Spelling => spelling_match(h, p, last, pat.len() == 1),
                Mode::Inflected => {
                    let hs = part_stem(h, lang);
                    if *hs == *pat_stems[k] || (pat.len() == 1 && related(&hs, &pat_stems[k])) {
                        Some(h.range.end)
                    } else {
                        None
                    }
                }
            };
            match m {
                Some(e) => end = e,
                None => {
                    i += 1;
                    continue 'outer;
                }
            }
        }
        let range = hay[i].range.start..end;
        let exact = same_but_first_case(&text[range.clone()], term);
        out.push(Found { range, exact });
        i += pat.len();
    }
    out
}

/// The stem of a part: precomputed, or computed now.
fn part_stem<'p>(h: &'p Part, lang: Option<Lang>) -> Cow<'p, str> {
    if h.stem.is_empty() {
        Cow::Owned(stem(h.text, lang))
    } else {
        Cow::Borrowed(&h.stem)
    }
}

/// Where a spelling match of part `p` in `h` ends, if it matches.
fn spelling_match(h: &Part, p: &Part, last: bool, single: bool) -> Option<usize> {
    if h.lower == p.lower {
        return Some(h.range.end);
    }
    if last {
        if let Some(rest) = h.lower.strip_prefix(&*p.lower) {
            let plural = matches!(rest, "s" | "es" | "'s" | "’s");
            let compound = single && p.lower.chars().count() >= 5 && !rest.is_empty();
            if plural || compound {
                // The matched prefix has as many chars as the term part.
                let n = p.lower.chars().count();
                let len: usize = h.text.chars().take(n).map(char::len_utf8).sum();
                return Some(h.range.start + len);
            }
        }
    }
    None
}

/// `a` and `b` are equal, or differ only in the case of the first letter
/// ("Register" at a sentence start is "register").
pub fn same_but_first_case(a: &str, b: &str) -> bool {
    let mut ca = a.chars();
    let mut cb = b.chars();
    match (ca.next(), cb.next()) {
        (Some(x), Some(y)) => x.to_lowercase().eq(y.to_lowercase()) && ca.as_str() == cb.as_str(),
        (None, None) => true,
        _ => false,
    }
}

/// `replacement` with the case of the first letter of `original`, so that
/// "Register" at a sentence start becomes "Sign up", not "sign up".
pub fn match_case(original: &str, replacement: &str) -> String {
    let upper = original.chars().next().is_some_and(char::is_uppercase);
    let mut chars = replacement.chars();
    match chars.next() {
        Some(first) if upper && first.is_lowercase() => {
            first.to_uppercase().collect::<String>() + chars.as_str()
        }
        _ => replacement.to_string(),
    }
}

/// A group of terms that name one thing; a journey should use one.
#[derive(Debug, Clone, Copy)]
pub struct VariantGroup {
    pub variants: &'static [&'static str],
    pub mode: Mode,
}

/// Variant groups every journey is checked against.
pub const BUILTIN_GROUPS: &[VariantGroup] = &[
    VariantGroup {
        variants: &["E-Mail", "Email", "eMail", "e-mail"],
        mode: Mode::Spelling,
    },
    VariantGroup {
        variants: &["Online-Shop", "Onlineshop", "Online Shop"],
        mode: Mode::Spelling,
    },
    VariantGroup {
        variants: &["Wi-Fi", "WiFi", "WLAN"],
        mode: Mode::Spelling,
    },
    VariantGroup {
        variants: &["Check-out", "Checkout"],
        mode: Mode::Spelling,
    },
    VariantGroup {
        variants: &["Log-in", "Login"],
        mode: Mode::Spelling,
    },
    VariantGroup {
        variants: &["Set-up", "Setup"],
        mode: Mode::Spelling,
    },
    VariantGroup {
        variants: &["sign up", "register"],
        mode: Mode::Inflected,
    },
    VariantGroup {
        variants: &["log in", "sign in"],
        mode: Mode::Inflected,
    },
    VariantGroup {
        variants: &["cart", "basket"],
        mode: Mode::Inflected,
    },
    VariantGroup {
        variants: &["customer", "client"],
        mode: Mode::Inflected,
    },
    VariantGroup {
        variants: &["Warenkorb", "Einkaufswagen"],
        mode: Mode::Inflected,
    },
    VariantGroup {
        variants: &["Kunde", "Klient"],
        mode: Mode::Inflected,
    },
];

/// Which variant of a group a found text is: for spellings, the variant
/// it equals (first-letter case aside), else the first that equals it
/// ignoring case ("EMAIL" is "Email", "eMail" is "eMail").
pub fn which_variant(found: &str, variants: &[&str], mode: Mode) -> Option<usize> {
    match mode {
        Mode::Spelling => variants
            .iter()
            .position(|v| same_but_first_case(found, v))
            .or_else(|| {
                variants
                    .iter()
                    .position(|v| found.to_lowercase() == v.to_lowercase())
            }),
        Mode::Inflected => None,
    }
}

/// A brand name's letters only: folded, without spaces or punctuation,
/// `ae oe ue` read as umlauts. "Gipfel-Glück", "gipfelglueck" and
/// "GIPFELGLÜCK" all have the skeleton of "Gipfelglück".
pub fn skeleton(s: &str) -> String {
    let folded: String = fold(s).chars().filter(|c| c.is_alphanumeric()).collect();
    folded
        .replace("ae", "a")
        .replace("oe", "o")
        .replace("ue", "u")
}

/// Places where `brand` is written, but not exactly as `brand`: another
/// case, a hyphen or space inside, `ue` for `ü`. A possessive or plural
/// `s` after it is left out of the range.
pub fn brand_misspellings(text: &str, brand: &str) -> Vec<Range<usize>> {
    let target = skeleton(brand);
    if target.is_empty() {
        return Vec::new();
    }
    // Units: word parts, numbers and symbols, in order.
    let tokens = tokenize(text);
    let mut units: Vec<(Range<usize>, &str, bool)> = Vec::new(); // (range, text, is_symbol)
    for t in &tokens {
        match t.kind {
            TokenKind::Word => units.extend(t.parts().map(|(r, p)| (r, p, false))),
            TokenKind::Number | TokenKind::Date => units.push((t.range(), t.text, false)),
            TokenKind::Symbol => units.push((t.range(), t.text, true)),
        }
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < units.len() {
        let (start_range, _, is_symbol) = &units[i];
        if *is_symbol {
            i += 1;
            continue;
        }
        let mut skel = String::new();
        let mut matched = None;
        for (j, (range, u, sym)) in units.iter().enumerate().skip(i) {
            // Sentence punctuation or a long gap ends the candidate.
            if *sym && !matches!(*u, "&" | "+" | "." | "-" | "'" | "’") {
                break;
            }
            if range.start > units[j.saturating_sub(1)].0.end + 1 {
                break;
            }
            skel.push_str(&skeleton(u));
            if skel == target {
                matched = Some((j, range.end));
                break;
            }
            if let Some(rest) = skel.strip_prefix(target.as_str()) {
                if rest == "s" && !*sym && u.ends_with(['s', 'S']) {
                    // A possessive or plural: "Gipfelglücks", "Spoke's".
                    let before = &text[..range.end - 1];
                    let end = before
                        .strip_suffix(['\'', '\u{2019}'])
                        .map_or(before.len(), str::len);
                    matched = Some((j, end));
                }
                break;
            }
            if !target.starts_with(&skel) {
                break;
            }
        }
        match matched {
            Some((j, end)) => {
                let range = start_range.start..end;
                if &text[range.clone()] != brand {
                    out.push(range);
                }
                i = j + 1;
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spots(text: &str, term: &str, mode: Mode) -> Vec<(&'static str, bool)> {
        find(text, term, mode)
            .into_iter()
            .map(|f| {
                let s: &'static str = Box::leak(text[f.range].to_string().into_boxed_str());
                (s, f.exact)
            })
            .collect()
    }

    #[test]
    fn parts_and_joiners() {
        let p = parts("Die E-Mail, bitte");
        let j: Vec<(&str, Joiner)> = p.iter().map(|p| (p.text, p.joiner)).collect();
        assert_eq!(
            j,
            vec![
                ("Die", Joiner::None),
                ("E", Joiner::Space),
                ("Mail", Joiner::Hyphen),
                ("bitte", Joiner::None)
            ]
        );
    }

    #[test]
    fn spelling_variants_are_told_apart() {
        let text = "Per E-Mail, per Email, per eMail, per e-mail";
        assert_eq!(
            spots(text, "E-Mail", Mode::Spelling),
            vec![("E-Mail", true), ("e-mail", false)]
        );
        assert_eq!(
            spots(text, "Email", Mode::Spelling),
            vec![("Email", true), ("eMail", false)]
        );
    }

    #[test]
    fn spelling_plural_and_compounds() {
        assert_eq!(
            spots(
                "Zwei Emails und die E-Mail-Adresse",
                "Email",
                Mode::Spelling
            ),
            vec![("Email", true)]
        );
        assert_eq!(
            spots("Die E-Mail-Adresse", "E-Mail", Mode::Spelling),
            vec![("E-Mail", true)]
        );
        assert_eq!(
            spots("Deine Emailadresse", "Email", Mode::Spelling),
            vec![("Email", true)]
        );
        // A space is not a hyphen when spelling matters.
        assert!(spots("Online Shop", "Online-Shop", Mode::Spelling).is_empty());
    }

    #[test]
    fn inflected_phrases() {
        assert_eq!(
            spots(
                "You signed up. Sign-up is easy. Signing up takes a minute.",
                "sign up",
                Mode::Inflected
            ),
            vec![
                ("signed up", false),
                ("Sign-up", false),
                ("Signing up", false)
            ]
        );
        assert_eq!(
            spots(
                "Register now; registered users",
                "register",
                Mode::Inflected
            ),
            vec![("Register", true), ("registered", false)]
        );
        assert_eq!(
            spots(
                "Unsere Klienten im Klientenportal",
                "Klient",
                Mode::Inflected
            ),
            vec![("Klienten", false), ("Klientenportal", false)]
        );
        assert!(spots("Die Klientel", "Klient", Mode::Inflected).is_empty());
        assert!(spots("sign the form, up there", "sign up", Mode::Inflected).is_empty());
    }

    #[test]
    fn precomputed_stems_give_the_same_matches() {
        let text = "You signed up. Register now; registered users";
        let lang = crate::detect_language(text);
        for term in ["sign up", "register"] {
            let pat = parts(term);
            let plain = find_in(text, &parts(text), term, &pat, Mode::Inflected, lang);
            let stemmed = find_in(
                text,
                &parts_stemmed(text, lang),
                term,
                &pat,
                Mode::Inflected,
                lang,
            );
            assert_eq!(plain, stemmed);
            assert!(!plain.is_empty());
        }
    }

    #[test]
    fn variants_by_case() {
        let v = &["E-Mail", "Email", "eMail", "e-mail"];
        assert_eq!(which_variant("email", v, Mode::Spelling), Some(1));
        assert_eq!(which_variant("eMail", v, Mode::Spelling), Some(2));
        assert_eq!(which_variant("EMAIL", v, Mode::Spelling), Some(1));
        assert_eq!(which_variant("E-mail", v, Mode::Spelling), Some(3));
    }

    #[test]
    fn case_helpers() {
        assert!(same_but_first_case("Register", "register"));
        assert!(!same_but_first_case("REGISTER", "register"));
        assert_eq!(match_case("Register", "sign up"), "Sign up");
        assert_eq!(match_case("register", "sign up"), "sign up");
        assert_eq!(match_case("Klient", "Kunde"), "Kunde");
    }

    fn brand(text: &str, b: &str) -> Vec<String> {
        brand_misspellings(text, b)
            .into_iter()
            .map(|r| text[r].to_string())
            .collect()
    }

    #[test]
    fn brand_spelling_and_case() {
        assert_eq!(
            brand(
                "gipfelglück, Gipfel-Glück, GIPFELGLÜCK und Gipfelglueck",
                "Gipfelglück"
            ),
            vec!["gipfelglück", "Gipfel-Glück", "GIPFELGLÜCK", "Gipfelglueck"]
        );
        assert!(brand("Willkommen bei Gipfelglück!", "Gipfelglück").is_empty());
        assert_eq!(
            brand("gipfelglücks Filialen", "Gipfelglück"),
            vec!["gipfelglück"]
        );
        assert!(brand("Gipfelglücks Filialen", "Gipfelglück").is_empty());
        assert!(brand("Gipfelglück's stores", "Gipfelglück").is_empty());
        assert_eq!(
            brand("gipfelglück’s stores", "Gipfelglück"),
            vec!["gipfelglück"]
        );
        assert_eq!(
            brand("Die gipfelglück-App", "Gipfelglück"),
            vec!["gipfelglück"]
        );
        assert_eq!(
            brand("Ride with spoke & co or Spoke & Co", "Spoke & Co"),
            vec!["spoke & co"]
        );
        // A word that only starts like the brand is no misspelling.
        assert!(brand("Gipfelglückwunsch", "Gipfelglück").is_empty());
        assert!(brand("I spoke to Co", "Spoke & Co").is_empty());
    }

    #[test]
    fn brand_after_emoji() {
        let text = "🎉 Grüße von gipfelglück";
        let r = brand_misspellings(text, "Gipfelglück");
        assert_eq!(&text[r[0].clone()], "gipfelglück");
    }
}
