//! J0414 `over-delivery`: experience far above expectation.

use super::score_out_of_range::valid;
use super::Context;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0414",
    name: "over-delivery",
    default_severity: Severity::Info,
    opt_in: false,
    summary: "experience more than one point above expectation: over-delivery",
    explanation: "Exceeding expectations a little delights. Exceeding them by two points or more \
at a touchpoint customers care little about usually costs more than it earns: the effort \
might matter more where experience falls short. Worth a look, not necessarily a change — \
a deliberate wow moment can be kept with an `allow` and its reason.
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
        let (Some(exp), Some(got)) = (&a.expectation(), &a.experience()) else {
            continue;
        };
        if !valid(exp) || !valid(got) || got.value - exp.value <= 1.0 {
            continue;
        }
        let gap = got.value - exp.value;
        let name = t.head.name.as_ref().expect("touchpoints have ids");
        out.push(
            Diagnostic::new(
                &CODE,
                t.head.file,
                got.span,
                format!(
                    "over-delivery at `{}`: experience {} is {gap} points above expectation {}",
                    name.text, got.value, exp.value
                ),
            )
            .with_label("more than customers ask for")
            .with_secondary(t.head.file, exp.span, "what customers expect")
            .with_help("check whether this effort pays off, or would matter more where experience falls short"),
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
    fn two_points_above_is_over_delivery_one_is_not() {
        assert_eq!(findings(&tp(2, 5), "J0414").len(), 1);
        assert_eq!(findings(&tp(3, 5), "J0414").len(), 1);
        assert!(findings(&tp(3, 4), "J0414").is_empty());
    }
}
