//! J0426 `journey-without-sponsor`: nobody in management backs the journey.

use super::Context;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0426",
    name: "journey-without-sponsor",
    default_severity: Severity::Info,
    opt_in: false,
    summary: "a journey without an executive sponsor",
    explanation: "Journey work crosses departments: marketing, sales, service, IT and logistics \
each own some touchpoints. Without someone in management who backs it, changes stall as soon \
as they need another department's time or budget — one of the most common reasons journey \
projects fade out. Name the sponsor with `sponsor \"name, role\"`.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0426/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0426/good.journey"))),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    for j in &m.journeys {
        let a = m.journey_syntax(j);
        if a.sponsor().is_some() {
            continue;
        }
        out.push(
            Diagnostic::new(
                &CODE,
                j.head.file,
                a.id.span,
                format!("journey `{}` has no executive sponsor", a.id.text),
            )
            .with_label("nobody in management backs it")
            .with_help("name who backs the journey in management: `sponsor \"Dr. Kim Weber, COO\"`"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    #[test]
    fn a_journey_without_sponsor() {
        assert_eq!(spans("journey shop \"Shop\" {\n}\n", "J0426"), vec!["shop"]);
        let backed = "journey shop \"Shop\" {\n  sponsor \"Kim Weber, COO\"\n}\n";
        assert!(spans(backed, "J0426").is_empty());
    }
}
