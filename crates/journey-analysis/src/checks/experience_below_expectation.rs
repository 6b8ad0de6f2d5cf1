//! J0413 `experience-below-expectation`: a pain point.

use super::score_pairs::{number, pairs, points, whom};
use super::Context;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0413",
    name: "experience-below-expectation",
    default_severity: Severity::Warning,
    opt_in: false,
    summary: "experience below expectation: a pain point",
    explanation: "Where customers experience less than they expect, they are disappointed — a \
pain point in the journey. The bigger the gap, the more it hurts, especially at important \
touchpoints and moments of truth. The finding says how big the gap is; close it, or record \
the plan with `allow \"experience-below-expectation\" \"…\"` while it is being worked on.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0413/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0413/good.journey"))),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    for t in &m.touchpoints {
        let a = m.touchpoint_syntax(t);
        for pair in pairs(&a) {
            let (exp, got) = (pair.expectation, pair.experience);
            if got.value >= exp.value {
                continue;
            }
            let gap = points(exp.value - got.value);
            out.push(
                Diagnostic::new(
                    &CODE,
                    t.head.file,
                    got.span,
                    format!(
                        "pain point {}: experience {} is {gap} below expectation {}",
                        whom(&pair, a.id.text),
                        number(got.value),
                        number(exp.value)
                    ),
                )
                .with_label(format!("{gap} short"))
                .with_secondary(t.head.file, exp.span, "what customers expect"),
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
    fn gap_is_reported_with_its_size() {
        let ds = findings(&tp(5, 3), "J0413");
        assert_eq!(
            ds[0].message,
            "pain point at `t`: experience 3 is 2 points below expectation 5"
        );
        assert!(findings(&tp(3, 3), "J0413").is_empty());
        assert!(findings(&tp(3, 4), "J0413").is_empty());
    }

    #[test]
    fn each_persona_is_judged_by_their_own_scores() {
        let src = "phase p \"P\" {\n  touchpoint t \"T\" {\n    expectation 3\n    experience 3.5\n    for anna experience 2.4 feeling \"annoyed\"\n    for ben expectation 4.5\n    for cem feeling \"fine\"\n  }\n}\n";
        let ds = findings(src, "J0413");
        let mut messages: Vec<&str> = ds.iter().map(|d| d.message.as_str()).collect();
        messages.sort();
        assert_eq!(
            messages,
            vec![
                "pain point for `anna` at `t`: experience 2.4 is 0.6 points below expectation 3",
                "pain point for `ben` at `t`: experience 3.5 is 1 point below expectation 4.5",
            ]
        );
    }
}
