//! J0413 `experience-below-expectation`: a pain point.

use super::score_out_of_range::valid;
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
        let (Some(exp), Some(got)) = (&a.expectation(), &a.experience()) else {
            continue;
        };
        if !valid(exp) || !valid(got) || got.value >= exp.value {
            continue;
        }
        let gap = exp.value - got.value;
        let name = t.head.name.as_ref().expect("touchpoints have ids");
        let point = if gap == 1.0 { "point" } else { "points" };
        out.push(
            Diagnostic::new(
                &CODE,
                t.head.file,
                got.span,
                format!(
                    "pain point at `{}`: experience {} is {gap} {point} below expectation {}",
                    name.text, got.value, exp.value
                ),
            )
            .with_label(format!("{gap} {point} short"))
            .with_secondary(t.head.file, exp.span, "what customers expect"),
        );
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
}
