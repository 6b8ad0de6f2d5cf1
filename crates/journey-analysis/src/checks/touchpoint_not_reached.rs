//! J0412 `touchpoint-not-reached`: no impact of the impact map reaches a
//! touchpoint.

use super::Context;
use crate::model::{Def, DefKind, TouchpointId};
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0412",
    name: "touchpoint-not-reached",
    default_severity: Severity::Info,
    opt_in: false,
    summary: "a touchpoint that no impact reaches: effort not tied to any goal",
    explanation: "The impact map explains why touchpoints exist: goal → actor → impact → `via` \
touchpoint (or a deliverable `via` it). A touchpoint no impact reaches costs effort without \
serving any goal — a candidate for removal, or a sign the impact map is incomplete. Only \
reported when the workspace has goals at all.
",
    bad: Some(
        Example::new(include_str!("../../rule-examples/J0412/bad.journey"))
        .note("no impact mentions the flyer:"),
    ),
    good: Some(Example::new(include_str!("../../rule-examples/J0412/good.journey"))),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    if cx.count(DefKind::Goal) == 0 {
        return;
    }
    for (i, t) in m.touchpoints.iter().enumerate() {
        if !t.reached_by.is_empty() || m.is_shadowed(Def::Touchpoint(TouchpointId(i as u32))) {
            continue;
        }
        let name = t.head.name.as_ref().expect("touchpoints have ids");
        out.push(
            Diagnostic::new(
                &CODE,
                t.head.file,
                name.span,
                format!("no impact reaches touchpoint `{}`", name.text),
            )
            .with_label("not tied to any goal")
            .with_help(
                "name it in the `via` of the impact it serves, or question whether it is needed",
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    #[test]
    fn unreached_touchpoint() {
        let src = "phase p \"P\" {\n  touchpoint a \"A\" {\n  }\n  touchpoint b \"B\" {\n  }\n  touchpoint c \"C\" {\n  }\n}\n\
goal g \"G\" {\n  actor x \"X\" {\n    impact i \"I\" {\n      via a\n      deliverable \"D\" via c\n    }\n  }\n}\n";
        assert_eq!(spans(src, "J0412"), vec!["b"]);
        let no_goals = "phase p \"P\" {\n  touchpoint a \"A\" {\n  }\n}\n";
        assert!(spans(no_goals, "J0412").is_empty());
    }
}
