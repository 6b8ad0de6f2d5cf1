//! J0506: preferred and avoided terms and the brand's spelling, from
//! `[vocabulary]` in journey.toml.

use super::{escape_for, LintContext, Piece};
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity, Span};
use journey_text::terms::{
    brand_misspellings, find_in, match_case, parts, parts_of, Mode, Part,
};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0506",
    name: "vocabulary",
    default_severity: Severity::Warning,
    opt_in: false,
    summary: "a term the vocabulary rules out, or the brand misspelt",
    explanation: "A brand speaks one language: the customer is a \"Kunde\", never a \
\"Klient\"; some words are never used; the brand name is written exactly one way. \
journey.toml lists these rules and journeyc checks every piece of customer-facing text \
against them, inflected forms and compounds included. Every finding carries a fix.

    [vocabulary]
    brand = \"Gipfelglück\"
    avoid = [\"Schnäppchen\"]

    [vocabulary.prefer]
    Kunde = [\"Klient\", \"Klientin\"]
",
    bad: Some(
        Example::new(include_str!("../../rule-examples/J0506/bad.journey"))
        .config(include_str!("../../rule-examples/J0506/journey.toml")),
    ),
    good: Some(
        Example::new(include_str!("../../rule-examples/J0506/good.journey"))
        .config(include_str!("../../rule-examples/J0506/journey.toml")),
    ),
};

/// A configured term and its word parts.
type Term<'a> = (&'a str, Vec<Part<'a>>);

pub fn run(lx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let cfg = &lx.config;
    if cfg.brands.is_empty() && cfg.avoid.is_empty() && cfg.prefer.is_empty() {
        return;
    }
    let prefer: Vec<(&str, Vec<Term>)> = cfg
        .prefer
        .iter()
        .map(|p| {
            (
                p.term.as_str(),
                p.instead_of
                    .iter()
                    .map(|t| (t.as_str(), parts(t)))
                    .collect(),
            )
        })
        .collect();
    let avoid: Vec<Term> = cfg.avoid.iter().map(|t| (t.as_str(), parts(t))).collect();
    for piece in lx.all_pieces() {
        let text = piece.text.as_str();
        let lang = piece.lang;
        let words = lx.texts.words(text);
        let hay = parts_of(&words, text, lang);
        // Spans already reported, so a word is reported once.
        let mut taken: Vec<std::ops::Range<usize>> = Vec::new();
        for (term, instead) in &prefer {
            for (bad, pat) in instead {
                for f in find_in(text, &hay, bad, pat, Mode::Inflected, lang) {
                    if overlaps(&taken, &f.range) {
                        continue;
                    }
                    taken.push(f.range.clone());
                    let found = &text[f.range.clone()];
                    let replacement = match_case(found, term);
                    let title = if f.exact {
                        format!("replace with `{replacement}`")
                    } else {
                        format!("replace with `{replacement}` (check the inflection)")
                    };
                    out.push(
                        Diagnostic::new(
                            &CODE,
                            piece.file,
                            piece.span(f.range.clone()),
                            format!("`{found}`: the vocabulary says `{term}`, not `{bad}`"),
                        )
                        .with_label(format!("use `{term}`"))
                        .with_fix(
                            title,
                            piece.span(f.range),
                            escape_for(&piece.text, &replacement),
                        ),
                    );
                }
            }
        }
        for (bad, pat) in &avoid {
            for f in find_in(text, &hay, bad, pat, Mode::Inflected, lang) {
                if overlaps(&taken, &f.range) {
                    continue;
                }
                taken.push(f.range.clone());
                let found = &text[f.range.clone()];
                out.push(
                    Diagnostic::new(
                        &CODE,
                        piece.file,
                        piece.span(f.range.clone()),
                        format!("`{found}` is on the vocabulary's list of words to avoid"),
                    )
                    .with_label("avoid this word")
                    .with_help("rephrase without it")
                    .with_guess_fix(
                        format!("remove `{found}`"),
                        removal(&piece, f.range),
                        "",
                    ),
                );
            }
        }
        for brand in &cfg.brands {
            for range in brand_misspellings(text, brand) {
                if overlaps(&taken, &range) {
                    continue;
                }
                taken.push(range.clone());
                let found = &text[range.clone()];
                out.push(
                    Diagnostic::new(
                        &CODE,
                        piece.file,
                        piece.span(range.clone()),
                        format!("the brand is written `{brand}`, not `{found}`"),
                    )
                    .with_label("brand name misspelt")
                    .with_fix(
                        format!("write `{brand}`"),
                        piece.span(range),
                        escape_for(&piece.text, brand),
                    ),
                );
            }
        }
    }
}

fn overlaps(taken: &[std::ops::Range<usize>], r: &std::ops::Range<usize>) -> bool {
    taken.iter().any(|t| t.start < r.end && r.start < t.end)
}

/// The word and one space next to it, so that removing it leaves no
/// double space.
fn removal(piece: &Piece, range: std::ops::Range<usize>) -> Span {
    let text = &piece.text.value;
    if text[range.end..].starts_with(' ') {
        piece.span(range.start..range.end + 1)
    } else if range.start > 0 && text[..range.start].ends_with(' ') {
        piece.span(range.start - 1..range.end)
    } else {
        piece.span(range)
    }
}

#[cfg(test)]
mod tests {
    use crate::lints::test_util::{at, with_config};

    const TOML: &str = "[vocabulary]\nbrand = \"Gipfelglück\"\navoid = [\"Schnäppchen\"]\n[vocabulary.prefer]\nKunde = [\"Klient\"]\n\"sign up\" = \"register\"\n";

    fn found(src: &str) -> Vec<(String, String, String)> {
        let ws = with_config(src, TOML);
        at(&ws, "J0506")
            .into_iter()
            .map(|(t, d)| {
                let f = &d.fixes[0];
                (t, f.edits[0].new_text.clone(), f.title.clone())
            })
            .collect()
    }

    fn says(copy: &str) -> String {
        format!("phase a {{\n  message \"x\"\n  touchpoint t {{\n    says \"{copy}\"\n  }}\n}}\n")
    }

    #[test]
    fn preferred_terms_with_fixes() {
        assert_eq!(
            found(&says("Grüße 🎉 an alle Klienten und jeden Klient")),
            vec![
                (
                    "Klienten".into(),
                    "Kunde".into(),
                    "replace with `Kunde` (check the inflection)".into()
                ),
                (
                    "Klient".into(),
                    "Kunde".into(),
                    "replace with `Kunde`".into()
                ),
            ]
        );
        assert_eq!(
            found(&says("Register now, it is free")),
            vec![(
                "Register".into(),
                "Sign up".into(),
                "replace with `Sign up`".into()
            )]
        );
    }

    #[test]
    fn avoided_words_are_removed_with_a_space() {
        let src = says("Ein Schnäppchen für dich");
        let ws = with_config(&src, TOML);
        let (t, d) = &at(&ws, "J0506")[0];
        assert_eq!(t, "Schnäppchen");
        let e = &d.fixes[0].edits[0];
        assert_eq!(&src[e.span.range()], "Schnäppchen ");
        assert_eq!(e.new_text, "");
    }

    #[test]
    fn brand_spelling_and_case() {
        assert_eq!(
            found(&says("Willkommen bei gipfelglück und Gipfel-Glück")),
            vec![
                (
                    "gipfelglück".into(),
                    "Gipfelglück".into(),
                    "write `Gipfelglück`".into()
                ),
                (
                    "Gipfel-Glück".into(),
                    "Gipfelglück".into(),
                    "write `Gipfelglück`".into()
                ),
            ]
        );
    }

    #[test]
    fn near_misses() {
        assert!(found(&says("Willkommen bei Gipfelglück, liebe Kunden")).is_empty());
        assert!(found(&says("Die Klientel wächst; sign up today")).is_empty());
        // Without configuration there is no vocabulary.
        let ws = with_config(&says("Klient"), "");
        assert!(at(&ws, "J0506").is_empty());
    }

    #[test]
    fn replacement_is_escaped_in_the_string() {
        let ws = with_config(
            &says("Klient"),
            "[vocabulary.prefer]\n'der \"Kunde\"' = \"Klient\"\n",
        );
        let (_, d) = &at(&ws, "J0506")[0];
        assert_eq!(d.fixes[0].edits[0].new_text, "Der \\\"Kunde\\\"");
    }
}
