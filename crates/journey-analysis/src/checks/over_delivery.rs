//! J0414 `over-delivery`: experience far above expectation.

use super::score_pairs::{number, pairs, points, whom};
use super::Context;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity, Span};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0414",
    name: "over-delivery",
    default_severity: Severity::Info,
    opt_in: false,
    summary: "experience more than one point above expectation: over-delivery",
    explanation: "Exceeding expectations a little delights. Exceeding them by more than a point \
at a touchpoint customers care little about usually costs more than it earns: the effort \
might matter more where experience falls short. The finding names the touchpoint's `cost` \
when it has one. Worth a look, not necessarily a change: a deliberate wow moment is marked \
`wow \"why\"`, and then over-delivery there is intended and not reported.
",
    bad: Some(
        Example::new(include_str!("../../rule-examples/J0414/bad.journey"))
        .note("probably:"),
    ),
    good: Some(Example::new(include_str!("../../rule-examples/J0414/good.journey"))),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    for t in &m.touchpoints {
        let a = m.touchpoint_syntax(t);
        if a.wow().is_some_and(|w| w.value) {
            continue;
        }
        let cost = a
            .cost()
            .filter(|c| !c.amount.is_nan())
            .map(|c| format!(", at a cost of {} {}", c.raw, c.currency.text))
            .unwrap_or_default();
        for pair in pairs(&a) {
            let (exp, got) = (pair.expectation, pair.experience);
            if got.value - exp.value <= 1.0 {
                continue;
            }
            let gap = points(got.value - exp.value);
            let text = cx.text(t.head.file);
            let line = super::line_end(text, got.span.end);
            let indent = super::indentation_at(text, exp.span.start);
            out.push(
                Diagnostic::new(
                    &CODE,
                    t.head.file,
                    got.span,
                    format!(
                        "over-delivery {}: experience {} is {gap} above expectation {}{cost}",
                        whom(&pair, a.id.text),
                        number(got.value),
                        number(exp.value)
                    ),
                )
                .with_label("more than customers ask for")
                .with_secondary(t.head.file, exp.span, "what customers expect")
                .with_help("check whether this effort pays off, or would matter more where experience falls short; if it is a deliberate wow moment, mark it `wow \"why\"`")
                .with_guess_fix(
                    "mark it as a deliberate wow moment",
                    Span::empty(line),
                    format!("\n{indent}wow"),
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    fn tp(exp: u8, got: u8) -> String {
        format!("phase p \"P\" {{\n  touchpoint t \"T\" {{\n    expectation {exp}\n    experience {got}\n  }}\n}}\n")
    }

    #[test]
    fn two_points_above_is_over_delivery_one_is_not() {
        assert_eq!(findings(&tp(2, 5), "J0414").len(), 1);
        assert_eq!(findings(&tp(3, 5), "J0414").len(), 1);
        assert!(findings(&tp(3, 4), "J0414").is_empty());
    }

    fn body(body: &str) -> String {
        format!("phase p \"P\" {{\n  touchpoint t \"T\" {{\n    {body}\n  }}\n}}\n")
    }

    #[test]
    fn over_delivery_names_the_cost() {
        let ds = findings(&body("expectation 2\n    experience 4.5\n    cost 12000 EUR"), "J0414");
        assert_eq!(
            ds[0].message,
            "over-delivery at `t`: experience 4.5 is 2.5 points above expectation 2, at a cost of 12000 EUR"
        );
        assert_eq!(ds[0].fixes[0].edits[0].new_text, "\n    wow");
    }

    #[test]
    fn a_wow_moment_is_intended() {
        let marked = body("expectation 2\n    experience 5\n    wow \"free upgrade\"");
        assert!(findings(&marked, "J0414").is_empty());
        let unmarked = body("expectation 2\n    experience 5\n    wow no");
        assert_eq!(findings(&unmarked, "J0414").len(), 1);
    }

    #[test]
    fn per_persona_over_delivery() {
        let src = body("expectation 3\n    experience 3\n    for anna expectation 1.5 feeling \"surprised\"");
        let ds = findings(&src, "J0414");
        assert_eq!(ds.len(), 1);
        assert!(ds[0].message.starts_with("over-delivery for `anna` at `t`"), "{}", ds[0].message);
    }
}
