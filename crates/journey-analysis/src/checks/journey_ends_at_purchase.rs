//! J0405 `journey-ends-at-purchase`: nothing comes after the decision or
//! purchase phase.

use super::Context;
use crate::model::PhaseKind;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0405",
    name: "journey-ends-at-purchase",
    default_severity: Severity::Warning,
    opt_in: false,
    summary: "the journey ends with the decision or purchase: no phase after it",
    explanation: "A journey that stops at the purchase treats the customer as done once they \
paid. But the relationship starts there: onboarding, use, loyalty, recommendation — and \
eventually a fair offboarding — decide whether they stay, buy again and tell others. \
Reported when the last phase of a journey has kind `decision` or `purchase`.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0405/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0405/good.journey"))),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    for j in &m.journeys {
        let Some(last) = j.phases.iter().rev().find(|s| s.phase.is_some()) else {
            continue;
        };
        let phase = m.phase(last.phase.expect("resolved"));
        let kind = match phase.kind {
            Some(PhaseKind::Decision) => "decision",
            Some(PhaseKind::Purchase) => "purchase",
            _ => continue,
        };
        let pname = phase.head.name.as_ref().expect("phases have ids");
        out.push(
            Diagnostic::new(
                &CODE,
                j.head.file,
                last.name.span,
                format!(
                    "journey `{}` ends with the {kind} phase `{}`",
                    j.head.id(),
                    last.name.text
                ),
            )
            .with_label("nothing comes after this phase")
            .with_secondary(phase.head.file, pname.span, format!("kind {kind}"))
            .with_help("the relationship starts here: add the phases after it (onboarding, usage, loyalty …)"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    #[test]
    fn last_phase_is_the_purchase() {
        let src = "journey j \"J\" {\n  phases a, b\n}\nphase a \"A\" {\n  kind awareness\n}\nphase b \"B\" {\n  kind purchase\n}\n";
        assert_eq!(spans(src, "J0405"), vec!["b"]);
    }

    #[test]
    fn phases_after_the_purchase_are_fine() {
        let src = "journey j \"J\" {\n  phases b, c\n}\nphase b \"B\" {\n  kind decision\n}\nphase c \"C\" {\n  kind loyalty\n}\n";
        assert!(spans(src, "J0405").is_empty());
    }
}
