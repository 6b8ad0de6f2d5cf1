//! J0501: a phase with touchpoints but no core message.

use super::LintContext;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0501",
    name: "missing-core-message",
    default_severity: Severity::Warning,
    opt_in: false,
    summary: "a phase has touchpoints but no core message",
    explanation: "Every phase in which the customer meets the brand needs one core message \
(Kernbotschaft): the single thing all touchpoints of the phase should convey, derived from \
the value proposition. Without it, each channel team writes its own story and the customer \
hears a different promise on the website, in the store and on the phone.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0501/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0501/good.journey"))),
};

pub fn run(lx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let model = lx.model;
    for p in &model.phases {
        if p.touchpoints.is_empty() {
            continue;
        }
        let ast = model.phase_syntax(p);
        if ast.message().is_some() {
            continue;
        }
        let n = p.touchpoints.len();
        let first = model.touchpoint(p.touchpoints[0]);
        let mut d = Diagnostic::new(
            &CODE,
            p.head.file,
            ast.id.span,
            format!(
                "phase `{}` has touchpoints but no core message",
                ast.id.text
            ),
        )
        .with_label("no `message` in this phase")
        .with_secondary(
            first.head.file,
            first.head.name.as_ref().map_or(first.head.span, |n| n.span),
            if n == 1 {
                "its touchpoint has nothing to derive its copy from".to_string()
            } else {
                format!("its {n} touchpoints have nothing to derive their copy from")
            },
        )
        .with_help(
            "add `message \"…\"`: the one thing every touchpoint of this phase should convey",
        );
        if let Some(q) = &ast.question() {
            d = d.with_note(format!(
                "the message answers the customer's question of this phase: \"{}\"",
                q.value
            ));
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::lints::test_util::spans;

    #[test]
    fn phase_with_touchpoints_needs_a_message() {
        let src = "phase kauf \"Kauf\" {\n  question \"Wie bezahle ich?\"\n  touchpoint kasse \"Kasse\" {\n    says \"Zahlen in 30 Sekunden\"\n  }\n}\n";
        assert_eq!(spans(src, "J0501"), vec!["kauf"]);
    }

    #[test]
    fn near_misses() {
        // A message is there.
        let src = "phase buy {\n  message \"Easy\"\n  touchpoint t {\n    says \"Easy\"\n  }\n}\n";
        assert!(spans(src, "J0501").is_empty());
        // No touchpoints: nothing to align yet.
        assert!(spans("phase buy {\n  question \"What?\"\n}\n", "J0501").is_empty());
    }
}
