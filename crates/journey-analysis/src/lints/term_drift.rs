//! J0507: two variants of one term in the same journey.

use super::{describe, escape_for, LintContext, Piece};
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};
use journey_text::stem::{fold, stem};
use journey_text::terms::{
    find_in, match_case, parts_of, parts_stemmed, which_variant, Mode, Part, BUILTIN_GROUPS,
};
use journey_text::words::TextWords;
use std::cell::OnceCell;
use std::sync::Arc;
use std::ops::Range;

pub const CODE: CodeInfo = CodeInfo {
    code: "J0507",
    name: "term-drift",
    default_severity: Severity::Warning,
    opt_in: false,
    summary: "two variants of one term in the same journey",
    explanation: "One thing, one word: when the welcome mail says \"E-Mail\" and the app says \
\"Email\", or the website says \"sign up\" and the newsletter \"register\", customers wonder \
whether these are different things, and the brand looks careless. journeyc knows common \
variant groups (E-Mail/Email/eMail, Online-Shop/Onlineshop, Login/Log-in, sign up/register, \
log in/sign in, cart/basket, Warenkorb/Einkaufswagen …) and reads more from journey.toml:

    [vocabulary]
    variants = [[\"Fahrrad\", \"Rad\", \"Bike\"]]

The variant used most in the journey is taken as the one meant (for configured groups: the \
first listed); every other variant is reported, with a fix where the word can simply be \
replaced.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0507/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0507/good.journey"))),
};

struct Group<'g> {
    variants: Vec<&'g str>,
    /// Per language and variant: what every text holding the variant
    /// contains once folded (see [`needles`]).
    needles: [Vec<String>; 3],
    /// The variants' word parts with their stems, for texts of no known
    /// language, German and English.
    patterns: [Vec<Vec<Part<'g>>>; 3],
    mode: Mode,
    /// The variant to use, when configured.
    preferred: Option<usize>,
}

struct Use<'a> {
    piece: Piece<'a>,
    range: Range<usize>,
    variant: usize,
    exact: bool,
}

pub fn run(lx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let mut groups: Vec<Group> = BUILTIN_GROUPS
        .iter()
        .filter(|g| {
            // A group the vocabulary already rules on is its business.
            !lx.config.prefer.iter().any(|p| {
                g.variants.iter().any(|v| {
                    v.eq_ignore_ascii_case(&p.term)
                        || p.instead_of.iter().any(|i| v.eq_ignore_ascii_case(i))
                })
            })
        })
        .map(|g| Group {
            variants: g.variants.to_vec(),
            needles: needles(g.variants, g.mode),
            patterns: patterns(g.variants),
            mode: g.mode,
            preferred: None,
        })
        .collect();
    for v in &lx.config.variants {
        groups.push(Group {
            variants: v.iter().map(String::as_str).collect(),
            needles: needles(v, mode_of(v)),
            patterns: patterns(v),
            mode: mode_of(v),
            preferred: Some(0),
        });
    }
    for scope in &lx.scopes {
        // Each text folded once; its word parts (with the stems its words
        // already know) only when some term may stand in it.
        let texts: Vec<(Piece, Arc<str>, Arc<TextWords>)> = scope
            .pieces
            .iter()
            .map(|p| {
                let text = &p.text.value;
                (p.clone(), lx.texts.folded(text), lx.texts.words(text))
            })
            .collect();
        let hays: Vec<OnceCell<Vec<Part>>> = texts.iter().map(|_| OnceCell::new()).collect();
        for g in &groups {
            let mut uses: Vec<Use> = Vec::new();
            for ((piece, folded, words), hay) in texts.iter().zip(&hays) {
                let text = piece.text.as_str();
                let lang = piece.lang;
                let li = lang_index(lang);
                for (vi, pat) in g.patterns[li].iter().enumerate() {
                    if !folded.contains(g.needles[li][vi].as_str()) {
                        continue;
                    }
                    let hay = hay.get_or_init(|| parts_of(words, text, lang));
                    for f in find_in(text, hay, g.variants[vi], pat, g.mode, lang) {
                        if uses.iter().any(|u| {
                            u.piece.text.span == piece.text.span
                                && u.range.start < f.range.end
                                && f.range.start < u.range.end
                        }) {
                            continue;
                        }
                        let found = &text[f.range.clone()];
                        let variant = match g.mode {
                            Mode::Spelling => {
                                which_variant(found, &g.variants, Mode::Spelling).unwrap_or(vi)
                            }
                            Mode::Inflected => vi,
                        };
                        uses.push(Use {
                            piece: piece.clone(),
                            range: f.range,
                            variant,
                            exact: f.exact || g.mode == Mode::Spelling,
                        });
                    }
                }
            }
            report(lx, g, &uses, out);
        }
    }
}

fn lang_index(lang: Option<journey_text::Lang>) -> usize {
    match lang {
        None => 0,
        Some(journey_text::Lang::De) => 1,
        Some(journey_text::Lang::En) => 2,
    }
}

/// Every variant's parts, stemmed for each language once.
/// Configured variants that differ only in spelling are matched as
/// spelled; others as words with their inflections.
fn mode_of(v: &[String]) -> Mode {
    if v.iter().any(|t| t.contains(['-', ' '])) || same_letters(v) {
        Mode::Spelling
    } else {
        Mode::Inflected
    }
}

/// What a folded text must contain to hold each variant: its longest
/// word as spelled, or the start of its first word's stem (a stem without its last letter
/// is the start of every word form that has it: `deliveri` → `deliver`).
fn needles<S: AsRef<str>>(variants: &[S], mode: Mode) -> [Vec<String>; 3] {
    use journey_text::Lang;
    [None, Some(Lang::De), Some(Lang::En)].map(|lang| {
        variants
            .iter()
            .map(|v| {
                let words = || v.as_ref().split([' ', '-', '\u{2011}']);
                let first = words().next().unwrap_or("");
                match mode {
                    // Spelled words may be joined by any space or hyphen:
                    // look for the longest word alone.
                    Mode::Spelling => fold(words().max_by_key(|w| w.len()).unwrap_or("")),
                    Mode::Inflected => {
                        let mut s = stem(first, lang);
                        if s.chars().count() > 3 {
                            s.pop();
                        }
                        s
                    }
                }
            })
            .collect()
    })
}

fn patterns<S: AsRef<str>>(variants: &[S]) -> [Vec<Vec<Part<'_>>>; 3] {
    use journey_text::Lang;
    [None, Some(Lang::De), Some(Lang::En)].map(|lang| {
        variants
            .iter()
            .map(|v| parts_stemmed(v.as_ref(), lang))
            .collect()
    })
}

/// Variants that differ only in case and punctuation are spellings.
fn same_letters(v: &[String]) -> bool {
    let key = |s: &String| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    v.windows(2).all(|w| key(&w[0]) == key(&w[1]))
}

fn report(lx: &LintContext<'_>, g: &Group, uses: &[Use], out: &mut Vec<Diagnostic>) {
    let mut counts = vec![0usize; g.variants.len()];
    for u in uses {
        counts[u.variant] += 1;
    }
    if counts.iter().filter(|&&c| c > 0).count() < 2 {
        return;
    }
    let chosen = g.preferred.unwrap_or_else(|| {
        // Most used; a tie goes to the one used first.
        let max = *counts.iter().max().expect("non-empty");
        uses.iter()
            .find(|u| counts[u.variant] == max)
            .expect("a use of the most used variant")
            .variant
    });
    let Some(reference) = uses.iter().find(|u| u.variant == chosen) else {
        return;
    };
    let term = g.variants[chosen];
    for u in uses.iter().filter(|u| u.variant != chosen) {
        let text = &u.piece.text.value;
        let found = &text[u.range.clone()];
        let mut d = Diagnostic::new(
            &CODE,
            u.piece.file,
            u.piece.span(u.range.clone()),
            format!(
                "`{found}` and `{}` name the same thing in this journey",
                &reference.piece.text.value[reference.range.clone()]
            ),
        )
        .with_label(format!("`{}` here", g.variants[u.variant]))
        .with_secondary(
            reference.piece.file,
            reference.piece.span(reference.range.clone()),
            format!("`{term}` in {}", describe(lx.model, &reference.piece)),
        )
        .with_help(format!("use one term throughout the journey: `{term}`"));
        if u.exact {
            let replacement = match_case(found, term);
            d = d.with_fix(
                format!("replace with `{replacement}`"),
                u.piece.span(u.range.clone()),
                escape_for(&u.piece.text, &replacement),
            );
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::findings;
    use crate::lints::test_util::{at, spans, with_config};

    fn journey(a: &str, b: &str, c: &str) -> String {
        format!(
            "journey j {{\n  value \"{a}\"\n  phases p\n}}\nphase p {{\n  message \"{b}\"\n  touchpoint t {{\n    says \"{c}\"\n  }}\n}}\n"
        )
    }

    #[test]
    fn spelling_variants() {
        let src = journey(
            "Alles per E-Mail",
            "Deine E-Mail-Adresse genügt",
            "Grüße 🎉 per Email",
        );
        assert_eq!(spans(&src, "J0507"), vec!["Email"]);
        let d = &findings(&src, "J0507")[0];
        assert_eq!(d.fixes[0].edits[0].new_text, "E-Mail");
        assert_eq!(&src[d.secondary[0].span.range()], "E-Mail");
    }

    #[test]
    fn synonyms_in_english() {
        let src = journey("Sign up in a minute", "Signing up is free", "Register now");
        assert_eq!(spans(&src, "J0507"), vec!["Register"]);
        let d = &findings(&src, "J0507")[0];
        assert_eq!(d.fixes[0].edits[0].new_text, "Sign up");
    }

    #[test]
    fn configured_groups_prefer_the_first() {
        let src = journey("Dein Rad", "Das Fahrrad für dich", "Dein Rad wartet");
        let ws = with_config(&src, "[vocabulary]\nvariants = [[\"Fahrrad\", \"Rad\"]]\n");
        let found: Vec<String> = at(&ws, "J0507").into_iter().map(|(t, _)| t).collect();
        assert_eq!(found, vec!["Rad", "Rad"]);
    }

    #[test]
    fn near_misses() {
        // One variant throughout.
        assert!(spans(&journey("Per E-Mail", "E-Mails", "Deine E-Mail"), "J0507").is_empty());
        // Sentence-start capitals are the same spelling.
        assert!(spans(&journey("Email us", "Our email", "email"), "J0507").is_empty());
        // Different journeys may use different words.
        let src = "journey a {\n  value \"Per E-Mail\"\n}\njourney b {\n  value \"Per Email\"\n}\n";
        assert!(spans(src, "J0507").is_empty());
    }
}
