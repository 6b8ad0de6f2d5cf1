//! The messaging lints (J05xx): rules over every piece of customer-facing
//! text — the value proposition, each phase's core message and promises,
//! each touchpoint's copy and small print.
//!
//! Each rule is one module with its [`CodeInfo`] (code, kebab-case name,
//! default level, the explanation `journeyc explain` prints and its bad
//! and good example), a `run` function and its unit tests;
//! the `declare_rules!` list below declares and lists them in [`RULES`].
//! The language work — tokens, stop words, stemming, claims, register,
//! similarity — lives in the `journey-text` crate; the rules here connect it to the model and
//! point every finding at the exact words inside the string literal
//! ([`journey_syntax::view::Text::source_span`]).
//!
//! Rules only report. Levels (`[checks]` in journey.toml) and `allow`
//! statements apply afterwards, like for the semantic checks. The rules'
//! own settings — `[messaging]` and `[vocabulary]` — are read by
//! [`config`].
//!
//! [`CodeInfo`]: journey_diagnostics::CodeInfo

pub mod config;
pub mod facts;

crate::rules::declare_rules!(
    Lint:
    missing_core_message,
    untraced_core_message,
    off_message_touchpoint,
    contradicting_claims,
    register_switch,
    vocabulary,
    term_drift,
    duplicate_core_message,
    unbacked_claim,
    promise_not_kept,
    copy_too_long,
    unknown_promise,
    unknown_support,
    duplicate_promise,
);

use crate::checks::Context;
use crate::incremental::whole::NameTable;
use crate::model::{Def, JourneyId, Model, PhaseId, PhaseKind, TouchpointId};
use config::MessagingConfig;
use facts::{TextCache, Texts};
use journey_diagnostics::{CodeInfo, Diagnostic, FileId, Span};
use journey_syntax::view::Text;
use journey_text::Lang;
use rayon::prelude::*;
use std::ops::Range;

/// Runs every enabled lint. The problems in `[messaging]` and
/// `[vocabulary]` are [`config_problems`].
pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let ws_config = cx.workspace.config();
    let (config, _) = cx.workspace.messaging();
    type Run = fn(&LintContext<'_>, &mut Vec<Diagnostic>);
    let enabled: Vec<(&CodeInfo, Run)> = crate::rules::lints()
        .filter(|(code, _)| ws_config.is_enabled(code))
        .collect();
    if enabled.is_empty() {
        return;
    }
    // A workspace that keeps its text facts between analyses (the
    // language server) lends its cache; otherwise it lives for this run.
    let local;
    let texts = match cx.workspace.text_cache() {
        Some(cache) => cache,
        None => {
            local = TextCache::new();
            &local
        }
    };
    let lcx = LintContext::new(cx, config, texts);
    // Each lint into its own list, joined in registry order: the same
    // result as running them one after the other.
    let found: Vec<Vec<Diagnostic>> = enabled
        .par_iter()
        .map(|(_, run)| {
            let mut found = Vec::new();
            run(&lcx, &mut found);
            found
        })
        .collect();
    out.extend(found.into_iter().flatten());
    // Only a kept cache outlives this run; a local one is simply dropped.
    // An analysis of part of the workspace leaves the sweep to the
    // incremental analysis, which knows when all parts are done.
    if let (Some(kept), None) = (cx.workspace.text_cache(), cx.part) {
        kept.sweep();
    }
}

/// The problems in `[messaging]` and `[vocabulary]`: the ones found when
/// the configuration was read, and ids that name nothing in `names`.
pub fn config_problems(ws: &crate::Workspace, names: &dyn NameTable) -> Vec<Diagnostic> {
    let Some(file) = ws.config_file() else {
        return Vec::new();
    };
    let (config, problems) = ws.messaging();
    let mut out = problems.clone();
    out.extend(config.unknown_ids(names).iter().map(|p| p.diagnostic(file)));
    out
}

/// What a piece of customer-facing text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A journey's `value` proposition.
    Value,
    /// A phase's core `message`.
    Message,
    /// A phase's `promise`.
    Promise,
    /// A touchpoint's copy (`says`).
    Copy,
    /// A `disclaimer` of a journey, phase or touchpoint.
    Disclaimer,
}

/// One piece of customer-facing text and where it stands.
#[derive(Debug, Clone)]
pub struct Piece<'a> {
    pub role: Role,
    pub text: Text<'a>,
    pub file: FileId,
    /// The journey, phase or touchpoint it is written in.
    pub owner: Def,
    pub phase: Option<PhaseId>,
    pub touchpoint: Option<TouchpointId>,
    /// For promises: the promise's id.
    pub promise: Option<&'a str>,
    /// The language of the text, or of its scope when the text is too
    /// short to tell.
    pub lang: Option<Lang>,
}

impl Piece<'_> {
    /// The source span of `range` of the decoded text.
    pub fn span(&self, range: Range<usize>) -> Span {
        self.text.source_span(range)
    }

    /// The whole content of the string, without quotes.
    pub fn content(&self) -> Span {
        self.text.content_span()
    }
}

/// The texts of one journey (or of the phases no journey lists), in
/// journey order: the value proposition, then per phase its message,
/// promises and small print, then its touchpoints' copy.
pub struct Scope<'a> {
    pub journey: Option<JourneyId>,
    /// The phases in order (for a journey: as `phases` lists them).
    pub phases: Vec<PhaseId>,
    pub pieces: Vec<Piece<'a>>,
    /// The language most texts are written in, for texts too short to tell.
    pub lang: Option<Lang>,
}

/// What every lint reads.
pub struct LintContext<'a> {
    pub cx: &'a Context<'a>,
    pub model: &'a Model,
    pub config: &'a MessagingConfig,
    pub scopes: Vec<Scope<'a>>,
    /// Language, content words, claims … of each text, read once.
    pub texts: Texts<'a>,
    /// The language of each phase's scope, by phase index.
    phase_lang: Vec<Option<Lang>>,
}

impl<'a> LintContext<'a> {
    pub fn new(cx: &'a Context<'a>, config: &'a MessagingConfig, texts: &'a TextCache) -> Self {
        let model = cx.model;
        // Reading each scope's texts (their languages) is independent work.
        let mut scopes: Vec<Scope<'a>> = model
            .journeys
            .par_iter()
            .enumerate()
            .map(|(i, j)| {
                let id = JourneyId(i as u32);
                let mut seen = rustc_hash::FxHashSet::default();
                let phases: Vec<PhaseId> = j.phase_ids().filter(|p| seen.insert(*p)).collect();
                Scope::build(model, Some(id), phases)
            })
            .collect();
        let orphans: Vec<PhaseId> = (0..model.phases.len() as u32)
            .map(PhaseId)
            .filter(|p| model.phase(*p).journeys.is_empty())
            .collect();
        if !orphans.is_empty() {
            scopes.push(Scope::build(model, None, orphans));
        }
        // Every text the lints read is a piece of some scope: each is
        // looked up in the cache once, here.
        let all: Vec<&str> = scopes
            .iter()
            .flat_map(|s| s.pieces.iter().map(|p| p.text.as_str()))
            .collect();
        let texts = Texts::new(texts, &all);
        scopes.par_iter_mut().for_each(|s| s.read_languages(&texts));
        let mut phase_lang = vec![None; model.phases.len()];
        for s in &scopes {
            for p in &s.phases {
                if phase_lang[p.index()].is_none() {
                    phase_lang[p.index()] = s.lang;
                }
            }
        }
        LintContext {
            cx,
            model,
            config,
            scopes,
            texts,
            phase_lang,
        }
    }

    /// The value propositions of the journeys that list `phase`, with the
    /// file each stands in.
    pub fn values_of(&self, phase: PhaseId) -> Vec<(FileId, Text<'a>)> {
        let model = self.model;
        model
            .phase(phase)
            .journeys
            .iter()
            .filter_map(|j| {
                let journey = model.journey(*j);
                model
                    .journey_syntax(journey)
                    .value()
                    .map(|v| (journey.head.file, v))
            })
            .collect()
    }

    /// The language of the scopes `phase` belongs to.
    pub fn lang_of(&self, phase: PhaseId) -> Option<Lang> {
        self.phase_lang.get(phase.index()).copied().flatten()
    }

    /// Every piece of every scope, each once (a phase listed by two
    /// journeys appears once).
    pub fn all_pieces(&self) -> Vec<Piece<'a>> {
        let mut seen = std::collections::HashSet::new();
        let mut out = Vec::new();
        for s in &self.scopes {
            for p in &s.pieces {
                if seen.insert((p.file, p.text.span)) {
                    out.push(p.clone());
                }
            }
        }
        out
    }
}

impl<'a> Scope<'a> {
    fn build(model: &'a Model, journey: Option<JourneyId>, phases: Vec<PhaseId>) -> Scope<'a> {
        let mut pieces = Vec::new();
        if let Some(j) = journey {
            let jd = model.journey(j);
            let ast = model.journey_syntax(jd);
            let owner = Def::Journey(j);
            let piece = |role, text| Piece {
                role,
                text,
                file: jd.head.file,
                owner,
                phase: None,
                touchpoint: None,
                promise: None,
                lang: None,
            };
            pieces.extend(ast.value().map(|t| piece(Role::Value, t)));
            pieces.extend(
                ast.disclaimers()
                    .into_iter()
                    .map(|t| piece(Role::Disclaimer, t)),
            );
        }
        for &p in &phases {
            let pd = model.phase(p);
            let ast = model.phase_syntax(pd);
            let file = pd.head.file;
            let piece = |role, text| Piece {
                role,
                text,
                file,
                owner: Def::Phase(p),
                phase: Some(p),
                touchpoint: None,
                promise: None,
                lang: None,
            };
            pieces.extend(ast.message().map(|t| piece(Role::Message, t)));
            for pr in ast.promises() {
                if let Some(t) = pr.text {
                    pieces.push(Piece {
                        promise: Some(pr.id.text),
                        ..piece(Role::Promise, t)
                    });
                }
            }
            pieces.extend(
                ast.disclaimers()
                    .into_iter()
                    .map(|t| piece(Role::Disclaimer, t)),
            );
            for &t in &pd.touchpoints {
                let td = model.touchpoint(t);
                let tast = model.touchpoint_syntax(td);
                let piece = |role, text| Piece {
                    role,
                    text,
                    file: td.head.file,
                    owner: Def::Touchpoint(t),
                    phase: Some(p),
                    touchpoint: Some(t),
                    promise: None,
                    lang: None,
                };
                pieces.extend(tast.says().into_iter().map(|s| piece(Role::Copy, s)));
                pieces.extend(
                    tast.disclaimers()
                        .into_iter()
                        .map(|s| piece(Role::Disclaimer, s)),
                );
            }
        }
        Scope {
            journey,
            phases,
            pieces,
            lang: None,
        }
    }

    /// Each piece's language, or the scope's for a piece too short to tell.
    fn read_languages(&mut self, texts: &Texts) {
        for p in &mut self.pieces {
            p.lang = texts.language(&p.text.value);
        }
        self.lang = majority_language(self.pieces.iter().map(|p| p.lang));
        for p in &mut self.pieces {
            p.lang = p.lang.or(self.lang);
        }
    }

    /// The index of the purchase phase (the first of kind `purchase`).
    pub fn purchase_index(&self, model: &Model) -> Option<usize> {
        self.phases
            .iter()
            .position(|p| model.phase(*p).kind == Some(PhaseKind::Purchase))
    }
}

/// The language most texts are written in, from their own languages.
fn majority_language(langs: impl Iterator<Item = Option<Lang>>) -> Option<Lang> {
    let (mut de, mut en) = (0, 0);
    for l in langs {
        match l {
            Some(Lang::De) => de += 1,
            Some(Lang::En) => en += 1,
            None => {}
        }
    }
    match (de, en) {
        (0, 0) => None,
        (d, e) if d >= e => Some(Lang::De),
        _ => Some(Lang::En),
    }
}

/// Whether two texts can be compared word by word: both in the same
/// language, or at least one too short to tell. A German message is not
/// "off" an English value proposition; it is a translation.
pub fn comparable(a: Option<Lang>, b: Option<Lang>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// How a piece is named in messages: "the value proposition", "the core
/// message of phase `a`", "promise `fast`", "the copy of touchpoint `t`".
pub fn describe(model: &Model, piece: &Piece) -> String {
    let id = |d: Def| model.header(d).id().to_string();
    match piece.role {
        Role::Value => "the value proposition".to_string(),
        Role::Message => format!("the core message of phase `{}`", id(piece.owner)),
        Role::Promise => format!("promise `{}`", piece.promise.unwrap_or("")),
        Role::Copy => format!("the copy of touchpoint `{}`", id(piece.owner)),
        Role::Disclaimer => format!("the disclaimer of `{}`", id(piece.owner)),
    }
}

/// `s` written so that it can replace text inside the string literal
/// `text` (escaped as [`journey_syntax::escape`] does in a one-line string).
pub fn escape_for(text: &Text, s: &str) -> String {
    let is_block = text.span.len() >= 6 && text.content_span().start >= text.span.start + 3;
    if is_block {
        s.to_string()
    } else {
        journey_syntax::escape(s)
    }
}

#[cfg(test)]
pub(crate) mod test_util {
    use crate::config::Config;
    use crate::Workspace;
    use journey_diagnostics::Diagnostic;
    use std::path::PathBuf;

    /// A workspace of one file and a journey.toml.
    pub fn with_config(src: &str, toml: &str) -> Workspace {
        let mut ws = Workspace::new();
        ws.set_config(
            Config::parse(toml, Some(PathBuf::from("/t/journey.toml"))),
            "journey.toml",
        );
        ws.set_file(
            PathBuf::from("/t/a.journey"),
            "a.journey".to_string(),
            src.to_string(),
        );
        ws
    }

    /// The findings of `code` with the text each points at.
    pub fn at(ws: &Workspace, code: &str) -> Vec<(String, Diagnostic)> {
        ws.diagnostics()
            .into_iter()
            .filter(|d| d.code == code)
            .map(|d| {
                let text = &ws.file(d.file()).expect("file").source.text;
                (text[d.span().range()].to_string(), d)
            })
            .collect()
    }

    /// The texts the findings of `code` point at, in a one-file workspace.
    pub fn spans(src: &str, code: &str) -> Vec<String> {
        crate::checks::test_util::spans(src, code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allow_silences_a_lint_on_its_definition() {
        let src = |allow: &str| {
            format!(
                "phase a {{\n  message \"Ausrüstung, die hält\"\n  touchpoint t {{\n{allow}    says \"Unser Sommerfest\"\n  }}\n}}\n"
            )
        };
        assert_eq!(
            test_util::spans(&src(""), "J0503"),
            vec!["Unser Sommerfest"]
        );
        let allowed =
            src("    allow \"off-message-touchpoint\" \"the party is part of the brand\"\n");
        assert!(test_util::spans(&allowed, "J0503").is_empty());
        assert!(
            test_util::spans(&allowed, "J0605").is_empty(),
            "the allow is used"
        );
    }

    #[test]
    fn labels_inside_text_blocks_point_at_the_words() {
        let src = "phase a {\n  message \"x\"\n  touchpoint t {\n    says \"\"\"\n      Grüße 🎉 aus Köln,\n      garantiert kostenlos!\n      \"\"\"\n  }\n}\n";
        assert_eq!(
            test_util::spans(src, "J0509"),
            vec!["garantiert", "kostenlos"]
        );
    }

    #[test]
    fn every_lint_is_known_to_the_registry() {
        for (c, _) in crate::rules::lints() {
            assert_eq!(crate::find_code(c.code).map(|f| f.name), Some(c.name));
            assert_eq!(crate::find_code(c.name).map(|f| f.code), Some(c.code));
        }
    }
}
