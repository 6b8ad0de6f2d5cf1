//! Risky words: superlatives, guarantees, "free" and absolutes. Copy that
//! uses them needs evidence or a disclaimer (unfair-competition law in
//! Germany, advertising codes elsewhere).

use crate::stem::fold;
use crate::token::{tokenize, Token, TokenKind};
use crate::words::TextWords;
use std::borrow::Cow;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RiskKind {
    /// "best", "#1", "günstigste", "Testsieger".
    Superlative,
    /// "guaranteed", "garantiert", "risk-free".
    Guarantee,
    /// "free", "kostenlos", "gratis".
    Free,
    /// "100 %".
    Absolute,
}

impl RiskKind {
    pub fn describe(self) -> &'static str {
        match self {
            RiskKind::Superlative => "a superlative",
            RiskKind::Guarantee => "a guarantee",
            RiskKind::Free => "a claim that something is free",
            RiskKind::Absolute => "an absolute claim",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Risky {
    pub kind: RiskKind,
    /// The risky words in the text.
    pub range: Range<usize>,
}

const SUPERLATIVE_WORDS: &[&str] = &[
    "best",
    "cheapest",
    "fastest",
    "greatest",
    "lowest",
    "unbeatable",
    "unrivalled",
    "unrivaled",
    "unmatched",
    "market-leading",
    "beste",
    "bester",
    "bestes",
    "besten",
    "bestem",
    "bestseller",
];

/// Folded word starts that are superlatives in German.
const SUPERLATIVE_STARTS: &[&str] = &[
    "gunstigst",
    "billigst",
    "schnellst",
    "grosst",
    "unschlagbar",
    "testsieger",
    "marktfuhrer",
    "bestpreis",
];

const GUARANTEE_WORDS: &[&str] = &["guaranteed", "guarantee", "guarantees", "risk-free"];
const GUARANTEE_STARTS: &[&str] = &["garantiert", "garantie", "risikofrei", "risikolos"];

const FREE_CONTAINS: &[&str] = &["kostenlos", "kostenfrei", "gratis", "umsonst"];

/// Pieces of every risky word (folded, lower case); a text with none of
/// them has no risky word, which saves reading most texts word by word.
const NEEDLES: &[&str] = &[
    "best",
    "cheap",
    "fastest",
    "greatest",
    "lowest",
    "unbeat",
    "unriv",
    "unmatch",
    "leading",
    "gunstigst",
    "billigst",
    "schnellst",
    "grosst",
    "unschlag",
    "testsieg",
    "marktfuhr",
    "guarant",
    "garant",
    "risk",
    "risiko",
    "free",
    "kosten",
    "gratis",
    "umsonst",
    "#1",
    "100",
    "nr.",
    "no.",
    "number",
    "nummer",
];

fn may_be_risky(text: &str) -> bool {
    let folded = fold(text);
    NEEDLES.iter().any(|n| folded.contains(n))
}

/// Every risky word of `text`, in order.
pub fn risky_words(text: &str) -> Vec<Risky> {
    if !may_be_risky(text) {
        return Vec::new();
    }
    let tokens = tokenize(text);
    let lowers: Vec<Cow<str>> = tokens
        .iter()
        .map(|t| t.text.to_lowercase().into())
        .collect();
    walk(&tokens, &lowers, |i| {
        word_risk(&lowers[i], &fold(tokens[i].text))
    })
}

/// [`risky_words`] of a text read by a [`crate::words::Lexicon`].
pub fn risky_of(words: &TextWords, text: &str) -> Vec<Risky> {
    // Only these tokens can start a finding; most texts have none.
    let may_start = words.tokens.iter().any(|t| match t.kind {
        TokenKind::Word => t.word.as_ref().is_some_and(|w| w.risk().may_start()),
        TokenKind::Number => matches!(&text[t.range()], "1" | "100"),
        TokenKind::Symbol => text[t.range()].starts_with('#'),
        TokenKind::Date => false,
    });
    if !may_start {
        return Vec::new();
    }
    let tokens = words.tokens_in(text);
    let lowers: Vec<Cow<str>> = words
        .tokens
        .iter()
        .zip(&tokens)
        .map(|(w, t)| match w.as_word() {
            Some(word) => Cow::Borrowed(word.lowercase()),
            None => Cow::Owned(t.text.to_lowercase()),
        })
        .collect();
    let found = walk(&tokens, &lowers, |i| {
        words.tokens[i]
            .as_word()
            .map_or_else(WordRisk::default, crate::words::Word::risk)
    });
    // The quick look of `risky_words`, which a text with a finding rarely fails.
    if found.is_empty() || !may_be_risky(text) {
        return Vec::new();
    }
    found
}

/// What a word is by itself, before its neighbours are read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct WordRisk {
    superlative: bool,
    guarantee: bool,
    /// "free" itself.
    free: bool,
    /// Holds "kostenlos", "gratis" …
    free_inside: bool,
    umsonst: bool,
    /// "number", "Nummer": a rank when "one" or "eins" follows.
    rank: bool,
}

impl WordRisk {
    fn may_start(self) -> bool {
        self.superlative || self.guarantee || self.free || self.free_inside || self.rank
    }
}

/// The risk of a word from its lower case ([`str::to_lowercase`]) and its
/// folded form ([`fold`]).
pub(crate) fn word_risk(lower: &str, folded: &str) -> WordRisk {
    WordRisk {
        superlative: SUPERLATIVE_WORDS.contains(&lower)
            || SUPERLATIVE_STARTS.iter().any(|s| folded.starts_with(s)),
        guarantee: GUARANTEE_WORDS.contains(&lower)
            || GUARANTEE_STARTS.iter().any(|s| folded.starts_with(s)),
        free: lower == "free",
        free_inside: FREE_CONTAINS.iter().any(|s| folded.contains(s)),
        umsonst: folded == "umsonst",
        rank: matches!(lower, "number" | "nummer"),
    }
}

/// The risky words of a tokenised text, from each token's lower case and
/// (for words) `risk`.
fn walk(tokens: &[Token], lowers: &[Cow<str>], risk: impl Fn(usize) -> WordRisk) -> Vec<Risky> {
    let at = |k: Option<usize>| -> &str { k.and_then(|k| lowers.get(k)).map_or("", |l| l) };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        let prev = at(i.checked_sub(1));
        let prev2 = at(i.checked_sub(2));
        let next = at(Some(i + 1));
        let mut push = |kind, range| out.push(Risky { kind, range });
        // "#1"
        if t.is_symbol('#')
            && tokens
                .get(i + 1)
                .is_some_and(|n| n.kind == TokenKind::Number && n.text == "1" && !n.space_before)
        {
            push(RiskKind::Superlative, t.start..tokens[i + 1].end());
            i += 2;
            continue;
        }
        if t.kind == TokenKind::Number {
            // "100 %", "100%", "100 Prozent", "100 percent".
            if t.text == "100"
                && (tokens.get(i + 1).is_some_and(|n| n.is_symbol('%'))
                    || matches!(next, "prozent" | "percent"))
            {
                push(RiskKind::Absolute, t.start..tokens[i + 1].end());
                i += 2;
                continue;
            }
            // "Nr. 1", "No. 1", "Nummer 1", "number 1".
            if t.text == "1"
                && ((prev == "." && matches!(prev2, "nr" | "no"))
                    || matches!(prev, "nummer" | "number"))
            {
                let back = if prev == "." { 2 } else { 1 };
                push(RiskKind::Superlative, tokens[i - back].start..t.end());
            }
            i += 1;
            continue;
        }
        if t.kind != TokenKind::Word {
            i += 1;
            continue;
        }
        let r = risk(i);
        // "number one", "Nummer eins".
        if r.rank && matches!(next, "one" | "eins") {
            push(RiskKind::Superlative, t.start..tokens[i + 1].end());
            i += 2;
            continue;
        }
        // "am besten" (preferably), "do our best", "at best", "all the
        // best", "best regards" are no claims.
        let idiom = matches!(
            prev,
            "am" | "our" | "your" | "my" | "their" | "at" | "his" | "her"
        ) || (prev == "the" && prev2 == "all")
            || matches!(next, "regards" | "wishes");
        if r.superlative && !idiom {
            push(RiskKind::Superlative, t.range());
        } else if r.guarantee {
            push(RiskKind::Guarantee, t.range());
        } else if (r.free && prev != "feel" && next != "time")
            || (r.free_inside && !(r.umsonst && prev == "nicht"))
        {
            push(RiskKind::Free, t.range());
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(RiskKind, &str)> {
        risky_words(text)
            .into_iter()
            .map(|r| (r.kind, &text[r.range]))
            .collect()
    }

    use RiskKind::*;

    #[test]
    fn english() {
        assert_eq!(
            found("The best bike, guaranteed. Free delivery! #1 in Berlin."),
            vec![
                (Superlative, "best"),
                (Guarantee, "guaranteed"),
                (Free, "Free"),
                (Superlative, "#1")
            ]
        );
        assert_eq!(
            found("the number one choice"),
            vec![(Superlative, "number one")]
        );
        assert_eq!(found("100% satisfied"), vec![(Absolute, "100%")]);
    }

    #[test]
    fn german() {
        assert_eq!(
            found("Die beste Jacke – garantiert kostenlos! Versandkostenfrei."),
            vec![
                (Superlative, "beste"),
                (Guarantee, "garantiert"),
                (Free, "kostenlos"),
                (Free, "Versandkostenfrei")
            ]
        );
        assert_eq!(
            found("Unsere günstigsten Preise"),
            vec![(Superlative, "günstigsten")]
        );
        assert_eq!(
            found("Die Nr. 1 im Sauerland"),
            vec![(Superlative, "Nr. 1")]
        );
        assert_eq!(found("100 Prozent Bio"), vec![(Absolute, "100 Prozent")]);
        assert_eq!(found("Testsieger 2026"), vec![(Superlative, "Testsieger")]);
    }

    #[test]
    fn near_misses() {
        assert!(found("Am besten bestellst du gleich.").is_empty());
        assert!(found("We do our best. All the best, best regards").is_empty());
        assert!(found("Feel free to ask, in your free time").is_empty());
        assert!(found("Die Bestellung besteht aus Besteck.").is_empty());
        assert!(found("Nicht umsonst lieben sie uns.").is_empty());
        assert!(found("hands-free and carefree").is_empty());
        assert!(found("Route 1, 100 km, 1 Nr").is_empty());
    }

    #[test]
    fn ranges_after_umlauts_and_emoji() {
        let text = "Grüße 🎉 aus Köln: kostenlos";
        let r = risky_words(text);
        assert_eq!(&text[r[0].range.clone()], "kostenlos");
    }
}
