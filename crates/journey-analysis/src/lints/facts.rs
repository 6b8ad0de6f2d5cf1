//! What the lints know about a piece of text — its language, content
//! words, claims, register marks and risky words — computed once per text
//! and shared by every lint.
//!
//! Each text is tokenised once, its words interned in one [`Lexicon`]
//! shared by all texts: what a word is (its stems, whether it is a stop
//! word, which language, register or risk it shows) is worked out once
//! per distinct word, and every fact below reads those word facts
//! instead of tokenising and stemming the text again.
//!
//! Several lints read the same text: the value proposition is compared
//! with every core message and every touchpoint's copy, and the language
//! of each text is asked for by three rules. A [`TextCache`] keeps each
//! result per distinct string (and per language it is read in), so the
//! work is done once per analysis. A workspace that keeps its cache across
//! analyses — the language server, where an edit changes a handful of
//! strings out of thousands — re-reads only the strings that changed;
//! [`TextCache::sweep`] drops what the last analysis no longer used, so the
//! cache never outgrows the current texts, and then the words no kept
//! text holds.

use journey_text::claims::{claims_of, Claim};
use journey_text::content::{content_words_of, ContentWord};
use journey_text::lang::language_of;
use journey_text::register::{marks_of, Mark};
use journey_text::risky::{risky_of, Risky};
use journey_text::similarity::{normalised_words_of, shingles};
use journey_text::words::{Lexicon, TextWords};
use journey_text::Lang;
use rustc_hash::FxHashMap;
use std::collections::HashSet;

/// Two-word shingles of a text's normalised words.
pub type Shingles = HashSet<Vec<String>>;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

/// Facts about distinct texts, shared by the lints of one or (for a
/// workspace that keeps it) many analyses. Safe to use from several
/// threads at once.
const SHARDS: usize = 16;

type Shard = FxHashMap<Box<str>, Arc<Entry>>;

#[derive(Default)]
pub struct TextCache {
    /// Keyed by the text itself; Fx hashing, as the keys are whole texts
    /// hashed on every lookup. Split into shards by hash so that lints
    /// running in parallel rarely wait for each other's lookups.
    shards: [Mutex<Shard>; SHARDS],
    /// Bumped by [`TextCache::sweep`]; entries remember the generation
    /// they were last used in.
    generation: AtomicU64,
    /// The words of every cached text.
    lexicon: Lexicon,
}

impl std::fmt::Debug for TextCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TextCache")
            .field("texts", &self.len())
            .field("words", &self.lexicon.len())
            .finish()
    }
}

#[derive(Default)]
struct Entry {
    used: AtomicU64,
    words: OnceLock<Arc<TextWords>>,
    language: OnceLock<Option<Lang>>,
    risky: OnceLock<Arc<[Risky]>>,
    folded: OnceLock<Arc<str>>,
    shingles: OnceLock<Arc<Shingles>>,
    /// Facts that depend on the language the text is read in: unknown,
    /// German, English.
    read_as: [ReadAs; 3],
}

#[derive(Default)]
struct ReadAs {
    content_words: OnceLock<Arc<[ContentWord]>>,
    claims: OnceLock<Arc<[Claim]>>,
    marks: OnceLock<Arc<[Mark]>>,
}

fn lock(shard: &Mutex<Shard>) -> std::sync::MutexGuard<'_, Shard> {
    // A lint that panicked while holding the lock leaves nothing half
    // written: entries are inserted whole.
    shard.lock().unwrap_or_else(|e| e.into_inner())
}

fn slot(lang: Option<Lang>) -> usize {
    match lang {
        None => 0,
        Some(Lang::De) => 1,
        Some(Lang::En) => 2,
    }
}

impl TextCache {
    pub fn new() -> Self {
        Self::default()
    }

    /// How many distinct texts are cached.
    pub fn len(&self) -> usize {
        (0..SHARDS).map(|i| lock(&self.shards[i]).len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn entry(&self, text: &str) -> Arc<Entry> {
        use std::hash::BuildHasher;
        let generation = self.generation.load(Ordering::Relaxed);
        let hash = rustc_hash::FxBuildHasher.hash_one(text);
        let entry = {
            let mut map = lock(&self.shards[(hash as usize) % SHARDS]);
            match map.get(text) {
                Some(e) => e.clone(),
                None => {
                    let e = Arc::new(Entry::default());
                    map.insert(text.into(), e.clone());
                    e
                }
            }
        };
        entry.used.store(generation, Ordering::Relaxed);
        entry
    }

    /// Drops every text not used since the last sweep and starts a new
    /// generation, then every word no remaining text holds. Called after
    /// each analysis.
    pub fn sweep(&self) {
        let generation = self.generation.fetch_add(1, Ordering::Relaxed);
        for shard in &self.shards {
            lock(shard).retain(|_, e| e.used.load(Ordering::Relaxed) == generation);
        }
        self.lexicon.sweep();
    }

    /// How many distinct words the cached texts hold.
    pub fn words_len(&self) -> usize {
        self.lexicon.len()
    }

    /// The facts of `text` as seen by one analysis (see [`Texts`]).
    fn facts<'t>(&'t self, entry: &'t Entry, text: &'t str) -> Facts<'t> {
        Facts {
            cache: self,
            entry,
            text,
        }
    }

    /// `text` tokenised, with its words interned.
    pub fn words(&self, text: &str) -> Arc<TextWords> {
        self.facts(&self.entry(text), text).words().clone()
    }

    /// The language `text` is written in ([`journey_text::detect_language`]).
    pub fn language(&self, text: &str) -> Option<Lang> {
        self.facts(&self.entry(text), text).language()
    }

    /// The content words of `text` read in `lang`
    /// ([`journey_text::content::content_words_in`]).
    pub fn content_words(&self, text: &str, lang: Option<Lang>) -> Arc<[ContentWord]> {
        self.facts(&self.entry(text), text).content_words(lang)
    }

    /// The claims `text` makes, read in `lang`
    /// ([`journey_text::claims::extract_claims_in`]).
    pub fn claims(&self, text: &str, lang: Option<Lang>) -> Arc<[Claim]> {
        self.facts(&self.entry(text), text).claims(lang)
    }

    /// The words of `text` that show its register, read in `lang`
    /// ([`journey_text::register::marks_in`]).
    pub fn marks(&self, text: &str, lang: Option<Lang>) -> Arc<[Mark]> {
        self.facts(&self.entry(text), text).marks(lang)
    }

    /// `text` lower-cased with umlauts and accents folded
    /// ([`journey_text::stem::fold`]).
    pub fn folded(&self, text: &str) -> Arc<str> {
        self.facts(&self.entry(text), text).folded()
    }

    /// The two-word shingles of `text`'s normalised words, which message
    /// similarity compares ([`shingles`] of
    /// [`journey_text::similarity::normalised_words`]).
    pub fn shingles(&self, text: &str) -> Arc<Shingles> {
        self.facts(&self.entry(text), text).shingles()
    }

    /// The superlatives, guarantees and absolutes in `text`
    /// ([`journey_text::risky::risky_words`]).
    pub fn risky(&self, text: &str) -> Arc<[Risky]> {
        self.facts(&self.entry(text), text).risky()
    }
}

/// One text's entry, read for its facts: each computed on first use from
/// the text's interned words.
struct Facts<'t> {
    cache: &'t TextCache,
    entry: &'t Entry,
    text: &'t str,
}

impl<'t> Facts<'t> {
    fn words(&self) -> &'t Arc<TextWords> {
        self.entry
            .words
            .get_or_init(|| Arc::new(self.cache.lexicon.read(self.text)))
    }

    fn language(&self) -> Option<Lang> {
        *self
            .entry
            .language
            .get_or_init(|| language_of(self.words()))
    }

    fn content_words(&self, lang: Option<Lang>) -> Arc<[ContentWord]> {
        self.entry.read_as[slot(lang)]
            .content_words
            .get_or_init(|| content_words_of(self.words(), lang).into())
            .clone()
    }

    fn claims(&self, lang: Option<Lang>) -> Arc<[Claim]> {
        self.entry.read_as[slot(lang)]
            .claims
            .get_or_init(|| claims_of(self.words(), self.text, lang).into())
            .clone()
    }

    fn marks(&self, lang: Option<Lang>) -> Arc<[Mark]> {
        self.entry.read_as[slot(lang)]
            .marks
            .get_or_init(|| marks_of(self.words(), self.text, lang).into())
            .clone()
    }

    fn folded(&self) -> Arc<str> {
        self.entry
            .folded
            .get_or_init(|| self.words().folded(self.text).into())
            .clone()
    }

    fn shingles(&self) -> Arc<Shingles> {
        self.entry
            .shingles
            .get_or_init(|| Arc::new(shingles(&normalised_words_of(self.words()), 2)))
            .clone()
    }

    fn risky(&self) -> Arc<[Risky]> {
        self.entry
            .risky
            .get_or_init(|| risky_of(self.words(), self.text).into())
            .clone()
    }
}

/// Where a text of the model stands in memory, with its length: the
/// model does not move while the lints read it, so this names the text
/// as well as its content does, without hashing the content.
type Address = (usize, usize);

fn address(text: &str) -> Address {
    (text.as_ptr() as usize, text.len())
}

/// The text facts one analysis reads, with the model's texts looked up in
/// the [`TextCache`] once, when the view is made: after that a lint
/// finds a text's facts by the text's address instead of hashing and
/// comparing the whole text on every question. Texts the view was not
/// made with are looked up in the cache.
pub struct Texts<'a> {
    cache: &'a TextCache,
    known: FxHashMap<Address, Arc<Entry>>,
}

impl<'a> Texts<'a> {
    /// A view of `cache` that knows `texts` by their place in memory. A
    /// text looked up elsewhere (or moved) is still found, by its content.
    pub fn new(cache: &'a TextCache, texts: &[&str]) -> Self {
        use rayon::prelude::*;
        let known = texts
            .par_iter()
            .map(|t| (address(t), cache.entry(t)))
            .collect();
        Texts { cache, known }
    }

    fn with<R>(&self, text: &str, read: impl FnOnce(Facts<'_>) -> R) -> R {
        match self.known.get(&address(text)) {
            Some(entry) => read(self.cache.facts(entry, text)),
            None => read(self.cache.facts(&self.cache.entry(text), text)),
        }
    }

    /// `text` tokenised, with its words interned.
    pub fn words(&self, text: &str) -> Arc<TextWords> {
        self.with(text, |f| f.words().clone())
    }

    /// See [`TextCache::language`].
    pub fn language(&self, text: &str) -> Option<Lang> {
        self.with(text, |f| f.language())
    }

    /// See [`TextCache::content_words`].
    pub fn content_words(&self, text: &str, lang: Option<Lang>) -> Arc<[ContentWord]> {
        self.with(text, |f| f.content_words(lang))
    }

    /// See [`TextCache::claims`].
    pub fn claims(&self, text: &str, lang: Option<Lang>) -> Arc<[Claim]> {
        self.with(text, |f| f.claims(lang))
    }

    /// See [`TextCache::marks`].
    pub fn marks(&self, text: &str, lang: Option<Lang>) -> Arc<[Mark]> {
        self.with(text, |f| f.marks(lang))
    }

    /// See [`TextCache::folded`].
    pub fn folded(&self, text: &str) -> Arc<str> {
        self.with(text, |f| f.folded())
    }

    /// See [`TextCache::shingles`].
    pub fn shingles(&self, text: &str) -> Arc<Shingles> {
        self.with(text, |f| f.shingles())
    }

    /// See [`TextCache::risky`].
    pub fn risky(&self, text: &str) -> Arc<[Risky]> {
        self.with(text, |f| f.risky())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use journey_text::claims::extract_claims_in;
    use journey_text::content::content_words_in;
    use journey_text::detect_language;
    use journey_text::register::marks_in;
    use journey_text::risky::risky_words;
    use journey_text::similarity::normalised_words;
    use journey_text::stem::fold;

    #[test]
    fn facts_equal_the_direct_computation() {
        let cache = TextCache::new();
        let text = "Testen Sie 30 Tage kostenlos – garantiert das beste Angebot.";
        for _ in 0..2 {
            assert_eq!(cache.language(text), detect_language(text));
            for lang in [None, Some(Lang::De), Some(Lang::En)] {
                assert_eq!(
                    *cache.content_words(text, lang),
                    content_words_in(text, lang)
                );
                assert_eq!(*cache.claims(text, lang), extract_claims_in(text, lang));
                assert_eq!(*cache.marks(text, lang), marks_in(text, lang));
            }
            assert_eq!(*cache.risky(text), risky_words(text));
            assert_eq!(*cache.folded(text), fold(text));
            assert_eq!(*cache.shingles(text), shingles(&normalised_words(text), 2));
        }
        assert_eq!(cache.len(), 1, "one text, one entry");
    }

    #[test]
    fn a_text_is_read_once() {
        let cache = TextCache::new();
        let a = cache.content_words("Ausrüstung, die hält", Some(Lang::De));
        let b = cache.content_words("Ausrüstung, die hält", Some(Lang::De));
        assert!(Arc::ptr_eq(&a, &b));
        let other_lang = cache.content_words("Ausrüstung, die hält", None);
        assert!(!Arc::ptr_eq(&a, &other_lang));
    }

    #[test]
    fn sweep_keeps_only_what_the_last_analysis_used() {
        let cache = TextCache::new();
        cache.language("old copy");
        cache.language("kept copy");
        cache.sweep();
        assert_eq!(cache.len(), 2, "both were used before the first sweep");
        cache.language("kept copy");
        cache.language("new copy");
        cache.sweep();
        let mut left: Vec<String> = cache
            .shards
            .iter()
            .flat_map(|s| lock(s).keys().map(|k| k.to_string()).collect::<Vec<_>>())
            .collect();
        left.sort();
        assert_eq!(left, ["kept copy", "new copy"]);
        cache.sweep();
        assert!(cache.is_empty());
        assert_eq!(cache.words_len(), 0, "no text holds a word any more");
    }

    #[test]
    fn a_view_finds_its_texts_by_address_and_others_by_content() {
        let cache = TextCache::new();
        let known = String::from("Deine Räder, garantiert");
        let texts = Texts::new(&cache, &[known.as_str()]);
        assert_eq!(
            cache.len(),
            1,
            "the known text is looked up when the view is made"
        );
        let same_content = known.clone();
        for text in [known.as_str(), same_content.as_str(), "unknown copy"] {
            let lang = Some(Lang::De);
            assert_eq!(texts.language(text), detect_language(text));
            assert_eq!(
                *texts.content_words(text, lang),
                content_words_in(text, lang)
            );
            assert_eq!(*texts.claims(text, lang), extract_claims_in(text, lang));
            assert_eq!(*texts.marks(text, lang), marks_in(text, lang));
            assert_eq!(*texts.risky(text), risky_words(text));
            assert_eq!(*texts.folded(text), fold(text));
            assert_eq!(*texts.shingles(text), shingles(&normalised_words(text), 2));
        }
        // A copy of a known text finds the same entry through the cache.
        assert!(Arc::ptr_eq(
            &texts.words(&known),
            &texts.words(&same_content)
        ));
        assert_eq!(cache.len(), 2);
    }

    #[test]
    fn words_are_shared_between_texts_and_swept_with_them() {
        let cache = TextCache::new();
        cache.language("Dein Fahrrad");
        cache.language("Dein Online-Shop");
        // Dein, Fahrrad, Online-Shop, Online, Shop.
        assert_eq!(cache.words_len(), 5);
        cache.sweep();
        cache.language("Dein Fahrrad");
        cache.sweep();
        assert_eq!(cache.words_len(), 2);
    }
}
