//! J0503: touchpoint copy that shares nothing with its phase's core
//! message or the value proposition.

use super::{comparable, LintContext};
use crate::model::PhaseId;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, FileId, Severity};
use journey_syntax::view::Text;
use journey_text::content::{first_shared, ContentWord};
use journey_text::Lang;
use std::sync::Arc;

pub const CODE: CodeInfo = CodeInfo {
    code: "J0503",
    name: "off-message-touchpoint",
    default_severity: Severity::Warning,
    opt_in: false,
    summary:
        "touchpoint copy that shares nothing with its phase's message or the value proposition",
    explanation: "A touchpoint's copy (`says`) carries the phase's core message into one \
channel. Copy that shares no content word with the core message nor with the value \
proposition (compared after stop words and stemming, German and English) tells the customer \
something else than the rest of the journey. Copy in another language than both is taken \
for a translation and not reported.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0503/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0503/good.journey"))),
};

/// What a phase's copy is compared with: its message and the value
/// propositions, each with its content words.
type Target<'a> = (
    FileId,
    Text<'a>,
    &'static str,
    Arc<[ContentWord]>,
    Option<Lang>,
);

pub fn run(lx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let model = lx.model;
    let texts = &lx.texts;
    for (pi, phase) in model.phases.iter().enumerate() {
        if phase.touchpoints.is_empty() {
            continue;
        }
        let pid = PhaseId(pi as u32);
        let past = model.phase_syntax(phase);
        let lang = lx.lang_of(pid);
        let mut targets: Vec<Target> = Vec::new();
        if let Some(m) = past.message() {
            let (words, own) = (
                texts.content_words(&m.value, lang),
                texts.language(&m.value),
            );
            targets.push((phase.head.file, m, "the phase's core message", words, own));
        }
        for (f, v) in lx.values_of(pid) {
            let (words, own) = (
                texts.content_words(&v.value, lang),
                texts.language(&v.value),
            );
            targets.push((f, v, "the value proposition", words, own));
        }
        if targets.is_empty() {
            continue;
        }
        for t in &phase.touchpoints {
            let t = model.touchpoint(*t);
            let ast = model.touchpoint_syntax(t);
            let copy: Vec<_> = ast
                .says()
                .into_iter()
                .filter(|s| !s.value.trim().is_empty())
                .collect();
            let Some(first) = copy.first() else {
                continue;
            };
            let on_message = copy.iter().any(|s| {
                let words = texts.content_words(&s.value, lang);
                targets.iter().any(|t| first_shared(&words, &t.3).is_some())
            });
            if on_message {
                continue;
            }
            // Copy that shares no word only with texts in another language
            // translates them: a German ad is not off an English message.
            let comparable_somewhere = copy.iter().any(|s| {
                let own = texts.language(&s.value);
                targets.iter().any(|t| comparable(own, t.4))
            });
            if !comparable_somewhere {
                continue;
            }
            let mut d = Diagnostic::new(
                &CODE,
                t.head.file,
                first.content_span(),
                format!(
                    "the copy of touchpoint `{}` shares no word with its phase's core message or the value proposition",
                    ast.id.text
                ),
            )
            .with_label("off message");
            for s in &copy[1..] {
                d = d.with_secondary(t.head.file, s.content_span(), "nor does this copy");
            }
            for (f, text, what, _, _) in &targets {
                d = d.with_secondary(*f, text.content_span(), *what);
            }
            out.push(d.with_help(
                "carry the core message into this channel: use its words, or rethink whether the touchpoint belongs to this phase",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lints::test_util::spans;

    fn case(message: &str, says: &str) -> Vec<String> {
        let src = format!(
            "phase a {{\n  message \"{message}\"\n  touchpoint t {{\n    says {says}\n  }}\n}}\n"
        );
        spans(&src, "J0503")
    }

    #[test]
    fn copy_off_message() {
        assert_eq!(
            case(
                "Gear that lasts, outdoors",
                "\"Our summer party is on Friday!\""
            ),
            vec!["Our summer party is on Friday!"]
        );
        assert_eq!(
            case(
                "Ausrüstung, die hält",
                "\"Grüße 🎉 – unser Sommerfest ist am Freitag\""
            ),
            vec!["Grüße 🎉 – unser Sommerfest ist am Freitag"]
        );
    }

    #[test]
    fn near_misses() {
        assert!(case(
            "Gear that lasts, outdoors",
            "\"Three tours and the gear for them\""
        )
        .is_empty());
        assert!(case("Ausrüstung, die hält", "\"Unsere Ausrüstungen halten\"").is_empty());
        // One of several texts on message is enough.
        assert!(case(
            "Ausrüstung, die hält",
            "\"Hallo!\", \"Ausrüstung für dich\""
        )
        .is_empty());
        // The value proposition counts too.
        let src = "journey j {\n  value \"Bikes at your door\"\n  phases a\n}\nphase a {\n  message \"Fair prices\"\n  touchpoint t {\n    says \"Your bike, at the door\"\n  }\n}\n";
        assert!(spans(src, "J0503").is_empty());
        // German copy for an English message translates it.
        assert!(case(
            "Your bike, always ready to ride",
            "\"Dein Rad ist immer bereit für dich\""
        )
        .is_empty());
        // Nothing to compare with: no message, no value.
        let src = "phase a {\n  touchpoint t {\n    says \"Anything\"\n  }\n}\n";
        assert!(spans(src, "J0503").is_empty());
    }
}
