//! The German forms of address: informal Du and formal Sie.
//!
//! Informal pronouns (`du`, `dich`, `dir`, `dein…`, `euch`, `euer…`)
//! are informal wherever they stand and however they are capitalised.
//! `Sie`, `Ihnen`, `Ihr…` are formal only when capitalised in the middle
//! of a sentence: at a sentence start `Sie` may as well mean "she" or
//! "they", and lower-case `ihr` means "her" or "you all".

use crate::lang::{detect_language, Lang};
use crate::token::{starts_sentence, tokenize, Token, TokenKind};
use crate::words::TextWords;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Register {
    /// Du.
    Informal,
    /// Sie.
    Formal,
}

impl Register {
    /// How the register is named in German, as `journey.toml` writes it.
    pub fn name(self) -> &'static str {
        match self {
            Register::Informal => "du",
            Register::Formal => "sie",
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Register::Informal => "informal Du",
            Register::Formal => "formal Sie",
        }
    }

    pub fn parse(s: &str) -> Option<Register> {
        match s.to_lowercase().as_str() {
            "du" | "informal" => Some(Register::Informal),
            "sie" | "formal" => Some(Register::Formal),
            _ => None,
        }
    }

    pub fn other(self) -> Register {
        match self {
            Register::Informal => Register::Formal,
            Register::Formal => Register::Informal,
        }
    }
}

/// One word that shows the register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub register: Register,
    pub range: Range<usize>,
}

const INFORMAL: &[&str] = &[
    "du", "dich", "dir", "dein", "deine", "deinem", "deinen", "deiner", "deines", "euch", "euer",
    "eure", "eurem", "euren", "eurer", "eures",
];

const FORMAL: &[&str] = &[
    "Sie", "Ihnen", "Ihr", "Ihre", "Ihrem", "Ihren", "Ihrer", "Ihres",
];

/// Every word of `text` that shows a register. English text has none;
/// text too short to tell is read as German.
pub fn marks(text: &str) -> Vec<Mark> {
    marks_in(text, detect_language(text))
}

/// Like [`marks`] for a text whose language is known.
pub fn marks_in(text: &str, lang: Option<Lang>) -> Vec<Mark> {
    if lang == Some(Lang::En) {
        return Vec::new();
    }
    let tokens = tokenize(text);
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if t.kind != TokenKind::Word {
            continue;
        }
        let found = word_register(t.text, &t.text.to_lowercase());
        if let Some(register) = found.and_then(|r| r.here(|| starts_sentence(&tokens, i))) {
            out.push(Mark {
                register,
                range: t.range(),
            });
        }
    }
    out
}

/// [`marks_in`] of a text read by a [`crate::words::Lexicon`].
pub fn marks_of(words: &TextWords, text: &str, lang: Option<Lang>) -> Vec<Mark> {
    if lang == Some(Lang::En) {
        return Vec::new();
    }
    // Only a formal pronoun needs its neighbours, and few texts have one.
    let mut tokens: Option<Vec<Token>> = None;
    let mut out = Vec::new();
    for (i, t) in words.tokens.iter().enumerate() {
        let Some(found) = t.as_word().and_then(|w| w.register()) else {
            continue;
        };
        let at_start = || {
            let tokens = tokens.get_or_insert_with(|| words.tokens_in(text));
            starts_sentence(tokens, i)
        };
        if let Some(register) = found.here(at_start) {
            out.push(Mark {
                register,
                range: t.range(),
            });
        }
    }
    out
}

/// The register a word shows by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WordRegister {
    Informal,
    /// `Sie`, `Ihnen`, `Ihr…`: formal unless at a sentence start.
    FormalMidSentence,
}

impl WordRegister {
    fn here(self, at_sentence_start: impl FnOnce() -> bool) -> Option<Register> {
        match self {
            WordRegister::Informal => Some(Register::Informal),
            WordRegister::FormalMidSentence => (!at_sentence_start()).then_some(Register::Formal),
        }
    }
}

/// The register `word` shows (`lowercase` is its [`str::to_lowercase`]).
pub(crate) fn word_register(word: &str, lowercase: &str) -> Option<WordRegister> {
    if INFORMAL.contains(&lowercase) {
        Some(WordRegister::Informal)
    } else if FORMAL.contains(&word) {
        Some(WordRegister::FormalMidSentence)
    } else {
        None
    }
}

/// The register a set of marks mostly uses; ties go to the first mark.
pub fn dominant(marks: &[Mark]) -> Option<Register> {
    let informal = marks
        .iter()
        .filter(|m| m.register == Register::Informal)
        .count();
    let formal = marks.len() - informal;
    match informal.cmp(&formal) {
        std::cmp::Ordering::Greater => Some(Register::Informal),
        std::cmp::Ordering::Less => Some(Register::Formal),
        std::cmp::Ordering::Equal => marks.first().map(|m| m.register),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regs(text: &str) -> Vec<(Register, &str)> {
        marks(text)
            .into_iter()
            .map(|m| (m.register, &text[m.range]))
            .collect()
    }

    use Register::*;

    #[test]
    fn informal_everywhere() {
        assert_eq!(
            regs("Du findest deine Ausrüstung bei dir um die Ecke."),
            vec![(Informal, "Du"), (Informal, "deine"), (Informal, "dir")]
        );
    }

    #[test]
    fn formal_only_mid_sentence() {
        assert_eq!(
            regs("Bestellen Sie jetzt, wir liefern Ihnen Ihre Ausrüstung."),
            vec![(Formal, "Sie"), (Formal, "Ihnen"), (Formal, "Ihre")]
        );
        // At a sentence start "Sie" may mean "she" or "they".
        assert!(regs("Sie kommt morgen.").is_empty());
        assert!(regs("Ihre Bestellung ist da.").is_empty());
        // Lower case "sie" and "ihr" are no address.
        assert!(regs("Die Jacke – wir haben sie, ihr Preis ist gut.").is_empty());
    }

    #[test]
    fn mixed_in_one_text() {
        assert_eq!(
            regs("Hol dir die Jacke, bevor Sie ausverkauft ist."),
            vec![(Informal, "dir"), (Formal, "Sie")]
        );
    }

    #[test]
    fn english_has_no_register() {
        assert!(regs("Your bike is ready for you.").is_empty());
        assert!(regs("Dine with the duke").is_empty());
    }

    #[test]
    fn ranges_after_emoji() {
        let text = "🎉 Grüße aus Köln – für dich!";
        let m = marks(text);
        assert_eq!(&text[m[0].range.clone()], "dich");
    }

    #[test]
    fn dominance() {
        let m = marks("du, dich, Wir danken Ihnen");
        assert_eq!(dominant(&m), Some(Informal));
        assert_eq!(dominant(&[]), None);
        let tie = marks("Hol dir, was Sie wollen");
        assert_eq!(dominant(&tie), Some(Informal));
    }

    #[test]
    fn names() {
        assert_eq!(Register::parse("Sie"), Some(Formal));
        assert_eq!(Register::parse("du"), Some(Informal));
        assert_eq!(Register::parse("formal"), Some(Formal));
        assert_eq!(Register::parse("ihr"), None);
        assert_eq!(Formal.other(), Informal);
    }
}
