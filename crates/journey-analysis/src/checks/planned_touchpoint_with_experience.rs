//! J0421 `planned-touchpoint-with-experience`.

use super::Context;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0421",
    name: "planned-touchpoint-with-experience",
    default_severity: Severity::Warning,
    opt_in: false,
    summary: "a planned touchpoint with a measured experience",
    explanation: "`state planned` means the touchpoint does not exist yet: it is part of the \
target journey. Nobody can have experienced it, so an `experience` score is either a guess \
presented as a measurement, or the touchpoint is in fact `current`.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0421/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0421/good.journey"))),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    for t in &m.touchpoints {
        let a = m.touchpoint_syntax(t);
        let (Some(state), Some(exp)) = (&a.state(), &a.experience()) else {
            continue;
        };
        if state.text != "planned" {
            continue;
        }
        out.push(
            Diagnostic::new(
                &CODE,
                t.head.file,
                exp.span,
                format!(
                    "planned touchpoint `{}` has an experience score",
                    t.head.id()
                ),
            )
            .with_label("nobody can have experienced it yet")
            .with_secondary(t.head.file, state.span, "planned here")
            .with_help("remove the experience until it exists, or mark it `state current`"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    #[test]
    fn planned_with_experience() {
        let src = "phase p \"P\" {\n  touchpoint t \"T\" {\n    state planned\n    experience 3\n  }\n  touchpoint u \"U\" {\n    state current\n    experience 3\n  }\n}\n";
        assert_eq!(spans(src, "J0421"), vec!["3"]);
    }
}
