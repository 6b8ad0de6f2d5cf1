//! J0404 `phase-without-touchpoints`: a phase of a journey has no touchpoint.

use super::Context;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0404",
    name: "phase-without-touchpoints",
    default_severity: Severity::Warning,
    opt_in: false,
    summary: "a phase of a journey has no touchpoints: a gap in the journey",
    explanation: "Touchpoints are where customer and company meet. A phase without any is a \
gap: customers pass through it, but nothing of the company is there — no page, no e-mail, no \
person. Either the touchpoints are missing from the map, or the company is missing from the \
customer's path. Phases that no journey lists are reported by J0401 instead.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0404/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0404/good.journey"))),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    for p in &m.phases {
        if p.journeys.is_empty() || !p.touchpoints.is_empty() {
            continue;
        }
        let name = p.head.name.as_ref().expect("phases have ids");
        let j = m.journey(p.journeys[0]);
        out.push(
            Diagnostic::new(
                &CODE,
                p.head.file,
                name.span,
                format!("phase `{}` has no touchpoints", name.text),
            )
            .with_label(format!("a gap in journey `{}`", j.head.id()))
            .with_help("add the touchpoints where customers meet the company in this phase"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    #[test]
    fn listed_phase_without_touchpoints() {
        let src = "journey j \"J\" {\n  phases a, b\n}\nphase a \"A\" {\n}\nphase b \"B\" {\n  touchpoint t \"T\" {\n  }\n}\nphase c \"C\" {\n}\n";
        assert_eq!(spans(src, "J0404"), vec!["a"]);
    }
}
