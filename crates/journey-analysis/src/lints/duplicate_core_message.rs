//! J0508: two phases of a journey whose core messages are the same or
//! nearly so.

use super::LintContext;
use journey_diagnostics::{CodeInfo, Diagnostic, Severity};
use journey_text::similarity::jaccard;

pub const CODE: CodeInfo = CodeInfo {
    code: "J0508",
    name: "duplicate-core-message",
    default_severity: Severity::Warning,
    summary: "two phases with the same or nearly the same core message",
    explanation: "Each phase answers its own customer question — \"is this for me?\", \"is it \
worth the price?\", \"how do I get started?\" — so each needs its own core message. Two phases \
with (nearly) the same message usually mean one of them was copied and never adapted.

Messages are compared as word pairs (shingles) after stemming; the share of pairs they have \
in common is their similarity. The threshold is set in journey.toml (default 0.7):

    [messaging]
    similarity = 0.8

Bad:

    phase discovery { message \"Your bike, serviced, for €24 a month\" }
    phase initiation { message \"Your bike, serviced, for just €24 a month\" }

Good:

    phase discovery { message \"Your bike, serviced, for €24 a month\" }
    phase initiation { message \"Ready to ride tomorrow: sign up in two minutes\" }
",
};

pub fn run(lx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let model = lx.model;
    let threshold = lx.config.similarity;
    let mut reported = std::collections::HashSet::new();
    for scope in &lx.scopes {
        let messages: Vec<_> = scope
            .phases
            .iter()
            .filter_map(|p| {
                let ph = model.phase(*p);
                let ast = model.phase_ast(ph);
                ast.message
                    .as_ref()
                    .filter(|m| !m.value.trim().is_empty())
                    .map(|m| (*p, ph, ast, m, lx.texts.shingles(&m.value)))
            })
            .collect();
        for (i, (pid, ph, ast, m, sh)) in messages.iter().enumerate() {
            let earlier = messages[..i]
                .iter()
                .map(|e| (e, jaccard(&e.4, sh)))
                .filter(|(_, s)| *s >= threshold)
                .max_by(|a, b| a.1.total_cmp(&b.1));
            let Some(((eid, eph, east, em, _), sim)) = earlier else {
                continue;
            };
            if !reported.insert((*eid, *pid)) {
                continue;
            }
            let pct = (sim * 100.0).round() as u32;
            let how = if pct >= 100 {
                "the same as".to_string()
            } else {
                format!("{pct} % like")
            };
            let mut d = Diagnostic::new(
                &CODE,
                ph.head.file,
                m.content_span(),
                format!(
                    "the core message of phase `{}` is {how} that of phase `{}`",
                    ast.id.text, east.id.text
                ),
            )
            .with_label("repeats an earlier phase's message")
            .with_secondary(
                eph.head.file,
                em.content_span(),
                format!("the message of `{}`", east.id.text),
            );
            d = match &ast.question {
                Some(q) => d.with_help(format!(
                    "give this phase its own message: answer its question, \"{}\"",
                    q.value
                )),
                None => d.with_help(
                    "give this phase its own message: what must the customer hear in this phase?",
                ),
            };
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lints::test_util::{at, spans, with_config};

    fn two(a: &str, b: &str) -> String {
        format!(
            "journey j {{\n  phases x, y\n}}\nphase x {{\n  message \"{a}\"\n}}\nphase y {{\n  message \"{b}\"\n}}\n"
        )
    }

    #[test]
    fn same_and_nearly_same() {
        assert_eq!(
            spans(
                &two("Dein Rad, immer fahrbereit", "Dein Rad, immer fahrbereit!"),
                "J0508"
            ),
            vec!["Dein Rad, immer fahrbereit!"]
        );
        assert_eq!(
            spans(
                &two(
                    "Your bike, serviced, for €24 a month",
                    "Your bike, serviced, for €24 a month 🚲"
                ),
                "J0508"
            ),
            vec!["Your bike, serviced, for €24 a month 🚲"]
        );
        assert_eq!(
            spans(
                &two("Ausrüstung, die hält", "Ausrüstungen, die halten"),
                "J0508"
            )
            .len(),
            1
        );
    }

    #[test]
    fn threshold_is_configurable() {
        let src = two(
            "Your bike, serviced, for €24 a month",
            "Your bike, serviced, for just €24 a month",
        );
        let ws = with_config(&src, "");
        assert_eq!(at(&ws, "J0508").len(), 0, "below the default threshold");
        let ws = with_config(&src, "[messaging]\nsimilarity = 0.4\n");
        assert_eq!(at(&ws, "J0508").len(), 1);
    }

    #[test]
    fn near_misses() {
        assert!(spans(&two("Draußen unterwegs", "Beratung, die passt"), "J0508").is_empty());
        assert!(spans(
            &two("Ride more", "Ride more, worry less about repairs"),
            "J0508"
        )
        .is_empty());
        // Phases of different journeys may share a message.
        let src = "journey a {\n  phases x\n}\njourney b {\n  phases y\n}\nphase x {\n  message \"Same\"\n}\nphase y {\n  message \"Same\"\n}\n";
        assert!(spans(src, "J0508").is_empty());
    }
}
