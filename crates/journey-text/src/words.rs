//! Words classified once: a [`Lexicon`] interns every distinct word of
//! the texts it reads and computes what the messaging lints ask of a word
//! — its lower-case and folded forms, whether it is a stop word, its
//! stems, the evidence it gives for a language, the register it shows,
//! whether it may be risky or name a unit of time — once per word, not
//! once per occurrence and per rule.
//!
//! A text is tokenised once into [`TextWords`]: its tokens, each word and
//! number holding its interned [`Word`]. The functions that read a text
//! ([`crate::lang::language_of`], [`crate::content::content_words_of`],
//! [`crate::register::marks_of`], [`crate::risky::risky_of`],
//! [`crate::claims::claims_of`], [`crate::similarity::normalised_words_of`],
//! [`crate::terms::parts_of`]) read these facts and give exactly what
//! their direct counterparts give for the text itself.
//!
//! Words are shared as `Arc<Word>` handles rather than numeric ids: a
//! handle reaches the facts without a lookup and without a lock, several
//! threads may intern at once, and a [`Lexicon::sweep`] frees a word as
//! soon as no kept text holds it, without renumbering anything.

use crate::lang::Lang;
use crate::stop::{is_english_stop_word, is_german_stop_word};
use crate::token::{tokenize, Token, TokenKind};
use std::hash::BuildHasher;
use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock};

/// What is known about one distinct word (or number, or part of a
/// hyphenated word). Every fact is a function of the word's text alone.
#[derive(Debug)]
pub struct Word {
    text: Box<str>,
    /// [`crate::stem::lower`]: how stop words are looked up.
    lower: Box<str>,
    /// [`str::to_lowercase`]: how register and risky words compare.
    lowercase: Box<str>,
    /// [`crate::stem::fold`].
    folded: Box<str>,
    de_stop: bool,
    en_stop: bool,
    /// Fewer than two letters, or digits only: never a content word.
    too_short: bool,
    /// Points for German and for English ([`crate::detect_language`]).
    evidence: (u8, u8),
    /// Has letters only German uses; decides the stemming rules when the
    /// language is not known.
    german_letters: bool,
    register: Option<crate::register::WordRegister>,
    risk: crate::risky::WordRisk,
    /// Lower-cased, holds the start of a unit of time ("tag", "hour").
    names_time: bool,
    /// The parts of a hyphenated word; empty for a word of one part.
    parts: Box<[WordPart]>,
    /// Stems by German and by English rules, when first asked for.
    stems: [OnceLock<Box<str>>; 2],
    /// The claim topic the word names, next to a claim that is no
    /// duration and next to a duration, when first asked for.
    topics: OnceLock<[Option<u8>; 2]>,
}

/// One part of a hyphenated word, with its byte range in the word.
#[derive(Debug)]
pub struct WordPart {
    pub range: Range<usize>,
    pub word: Arc<Word>,
}

impl Word {
    fn new(text: &str, lexicon: &Lexicon) -> Word {
        let lower = crate::stem::lower(text);
        let lowercase = text.to_lowercase();
        let folded = crate::stem::fold(text);
        let probe = Token {
            kind: TokenKind::Word,
            text,
            start: 0,
            space_before: false,
            break_before: false,
        };
        let parts: Box<[WordPart]> = if text.contains(['-', '\u{2011}']) {
            probe
                .parts()
                .map(|(range, part)| WordPart {
                    range,
                    word: lexicon.intern(part),
                })
                .collect()
        } else {
            Box::default()
        };
        Word {
            de_stop: is_german_stop_word(&lower),
            en_stop: is_english_stop_word(&lower),
            too_short: lower.chars().count() < 2 || lower.chars().all(|c| c.is_ascii_digit()),
            evidence: crate::lang::word_evidence(text),
            german_letters: crate::stem::has_german_letters(text),
            register: crate::register::word_register(text, &lowercase),
            risk: crate::risky::word_risk(&lowercase, &folded),
            names_time: crate::claims::names_time(&lowercase),
            parts,
            stems: Default::default(),
            topics: OnceLock::new(),
            text: text.into(),
            lower: lower.into(),
            lowercase: lowercase.into(),
            folded: folded.into(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Lower case as [`crate::stem::lower`] gives it.
    pub fn lower(&self) -> &str {
        &self.lower
    }

    /// Lower case as [`str::to_lowercase`] gives it.
    pub fn lowercase(&self) -> &str {
        &self.lowercase
    }

    /// Lower case with umlauts and accents folded ([`crate::stem::fold`]).
    pub fn folded(&self) -> &str {
        &self.folded
    }

    /// [`crate::stop::is_stop_word`] of the lower-case word.
    pub fn is_stop(&self, lang: Option<Lang>) -> bool {
        match lang {
            Some(Lang::De) => self.de_stop,
            Some(Lang::En) => self.en_stop,
            None => self.de_stop || self.en_stop,
        }
    }

    /// Fewer than two letters, or digits only.
    pub fn too_short(&self) -> bool {
        self.too_short
    }

    pub(crate) fn evidence(&self) -> (u8, u8) {
        self.evidence
    }

    pub(crate) fn register(&self) -> Option<crate::register::WordRegister> {
        self.register
    }

    pub(crate) fn risk(&self) -> crate::risky::WordRisk {
        self.risk
    }

    pub(crate) fn names_time(&self) -> bool {
        self.names_time
    }

    /// The stem in `lang` ([`crate::stem::stem`]), computed once.
    pub fn stem(&self, lang: Option<Lang>) -> &str {
        let rules = lang.unwrap_or(if self.german_letters {
            Lang::De
        } else {
            Lang::En
        });
        let slot = match rules {
            Lang::De => 0,
            Lang::En => 1,
        };
        self.stems[slot].get_or_init(|| crate::stem::stem(&self.text, Some(rules)).into())
    }

    /// The known claim topic the word names
    /// ([`crate::claims::TOPICS`]), by index.
    pub(crate) fn topic(&self, duration: bool) -> Option<usize> {
        let topics = self.topics.get_or_init(|| {
            [false, true].map(|d| {
                crate::claims::topic_of(&self.folded, d)
                    .map(|i| u8::try_from(i).expect("fewer than 256 topics"))
            })
        });
        topics[usize::from(duration)].map(usize::from)
    }

    /// The parts of the word split at hyphens ([`Token::parts`]), each
    /// with its range in the word: the word itself when it has one part.
    pub fn parts(&self) -> impl Iterator<Item = (Range<usize>, &Word)> {
        let whole = self.parts.is_empty().then_some((0..self.text.len(), self));
        whole.into_iter().chain(
            self.parts
                .iter()
                .map(|p| (p.range.clone(), p.word.as_ref())),
        )
    }
}

const SHARDS: usize = 16;

type Shard = rustc_hash::FxHashMap<Box<str>, Arc<Word>>;

/// The interner: one [`Word`] per distinct word, shared by every text
/// and every thread that reads them.
#[derive(Default)]
pub struct Lexicon {
    /// Split by hash so that threads interning at once rarely wait.
    shards: [Mutex<Shard>; SHARDS],
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("words", &self.len())
            .finish()
    }
}

fn lock(shard: &Mutex<Shard>) -> std::sync::MutexGuard<'_, Shard> {
    // Words are inserted whole: a panic elsewhere leaves nothing half made.
    shard.lock().unwrap_or_else(|e| e.into_inner())
}

impl Lexicon {
    pub fn new() -> Self {
        Self::default()
    }

    /// How many distinct words are interned.
    pub fn len(&self) -> usize {
        self.shards.iter().map(|s| lock(s).len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The word `text`, classified when first seen.
    pub fn intern(&self, text: &str) -> Arc<Word> {
        let hash = rustc_hash::FxBuildHasher.hash_one(text);
        let shard = &self.shards[(hash as usize) % SHARDS];
        if let Some(w) = lock(shard).get(text) {
            return w.clone();
        }
        // Classified outside the lock: the parts of a hyphenated word are
        // interned too, perhaps into the same shard.
        let word = Arc::new(Word::new(text, self));
        lock(shard).entry(text.into()).or_insert(word).clone()
    }

    /// Tokenises `text` ([`tokenize`]) with its words and numbers interned.
    pub fn read(&self, text: &str) -> TextWords {
        let tokens = tokenize(text)
            .into_iter()
            .map(|t| WordToken {
                kind: t.kind,
                start: t.start,
                end: t.end(),
                space_before: t.space_before,
                break_before: t.break_before,
                word: matches!(t.kind, TokenKind::Word | TokenKind::Number)
                    .then(|| self.intern(t.text)),
            })
            .collect();
        TextWords { tokens }
    }

    /// Drops every word that no text read by this lexicon still holds.
    /// A caller that keeps texts between analyses calls it after dropping
    /// the texts it no longer needs, so the lexicon never outgrows them.
    pub fn sweep(&self) {
        // The parts of a dropped word are held by it until it goes: two
        // passes (parts have no parts of their own).
        for _ in 0..2 {
            for shard in &self.shards {
                lock(shard).retain(|_, w| Arc::strong_count(w) > 1);
            }
        }
    }
}

/// One token of a text read by a [`Lexicon`].
#[derive(Debug, Clone)]
pub struct WordToken {
    pub kind: TokenKind,
    pub start: usize,
    pub end: usize,
    pub space_before: bool,
    pub break_before: bool,
    /// The interned word or number; none for dates and symbols.
    pub word: Option<Arc<Word>>,
}

impl WordToken {
    /// The interned word, for a [`TokenKind::Word`] token.
    pub fn as_word(&self) -> Option<&Word> {
        match self.kind {
            TokenKind::Word => self.word.as_deref(),
            _ => None,
        }
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The parts of the token's word ([`Token::parts`]) with their byte
    /// ranges in the text.
    pub fn parts(&self) -> impl Iterator<Item = (Range<usize>, &Word)> {
        let base = self.start;
        self.word
            .iter()
            .flat_map(|w| w.parts())
            .map(move |(r, w)| (base + r.start..base + r.end, w))
    }
}

/// A text's tokens with their words interned.
#[derive(Debug, Default)]
pub struct TextWords {
    pub tokens: Vec<WordToken>,
}

impl TextWords {
    /// The tokens as [`tokenize`] gives them, for `text` (the text they
    /// were read from).
    pub fn tokens_in<'t>(&self, text: &'t str) -> Vec<Token<'t>> {
        self.tokens
            .iter()
            .map(|t| Token {
                kind: t.kind,
                text: &text[t.range()],
                start: t.start,
                space_before: t.space_before,
                break_before: t.break_before,
            })
            .collect()
    }

    /// `text` folded ([`crate::stem::fold`]), its words from their folded
    /// forms: folding goes character by character, so the pieces join.
    pub fn folded(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for t in &self.tokens {
            crate::stem::fold_into(&mut out, &text[at..t.start]);
            match &t.word {
                Some(w) => out.push_str(w.folded()),
                None => crate::stem::fold_into(&mut out, &text[t.range()]),
            }
            at = t.end;
        }
        crate::stem::fold_into(&mut out, &text[at..]);
        out
    }

    /// The interned words of the word tokens, in order.
    pub fn words(&self) -> impl Iterator<Item = &Word> {
        self.tokens.iter().filter_map(WordToken::as_word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_classified_once() {
        let lexicon = Lexicon::new();
        let a = lexicon.read("Die Räder, die Räder!");
        let b = lexicon.read("Räder");
        let räder = |w: &TextWords, i: usize| w.tokens[i].word.clone().expect("a word");
        assert!(Arc::ptr_eq(&räder(&a, 1), &räder(&a, 4)));
        assert!(Arc::ptr_eq(&räder(&a, 1), &räder(&b, 0)));
        // "Die" and "die" are two words with the same lower case.
        assert_eq!(lexicon.len(), 3);
    }

    #[test]
    fn tokens_are_those_of_tokenize() {
        let lexicon = Lexicon::new();
        let text = "Nur 9,99 € am 30.06.2027 – per E-Mail\nDanke";
        assert_eq!(lexicon.read(text).tokens_in(text), tokenize(text));
    }

    #[test]
    fn facts_equal_the_direct_functions() {
        let lexicon = Lexicon::new();
        for text in ["Fahrräder", "Die", "E-Mail-Adresse", "it's", "24", "x"] {
            let w = lexicon.intern(text);
            assert_eq!(w.lower(), crate::stem::lower(text));
            assert_eq!(w.lowercase(), text.to_lowercase());
            assert_eq!(w.folded(), crate::stem::fold(text));
            for lang in [None, Some(Lang::De), Some(Lang::En)] {
                assert_eq!(w.stem(lang), crate::stem::stem(text, lang));
                assert_eq!(
                    w.is_stop(lang),
                    crate::stop::is_stop_word(&crate::stem::lower(text), lang)
                );
            }
        }
        let w = lexicon.intern("E-Mail-Adresse");
        let parts: Vec<(Range<usize>, &str)> = w.parts().map(|(r, p)| (r, p.text())).collect();
        assert_eq!(parts, vec![(0..1, "E"), (2..6, "Mail"), (7..14, "Adresse")]);
    }

    #[test]
    fn sweep_keeps_the_words_of_kept_texts() {
        let lexicon = Lexicon::new();
        let kept = lexicon.read("Online-Shop offen");
        drop(lexicon.read("ganz andere Wörter"));
        lexicon.sweep();
        let mut left: Vec<String> = lexicon
            .shards
            .iter()
            .flat_map(|s| lock(s).keys().map(|k| k.to_string()).collect::<Vec<_>>())
            .collect();
        left.sort();
        assert_eq!(left, ["Online", "Online-Shop", "Shop", "offen"]);
        drop(kept);
        lexicon.sweep();
        assert!(lexicon.is_empty());
    }
}
