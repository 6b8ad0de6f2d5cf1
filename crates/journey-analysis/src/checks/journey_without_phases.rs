//! J0423 `journey-without-phases`.

use super::Context;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0423",
    name: "journey-without-phases",
    default_severity: Severity::Warning,
    opt_in: false,
    summary: "a journey without a `phases` list",
    explanation: "A journey is the path through its phases, in order. Without `phases` it has no \
path: maps and exports show nothing, and the phases defined elsewhere belong to no journey.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0423/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0423/good.journey"))),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    for j in &m.journeys {
        let a = m.journey_syntax(j);
        if !a.phases().is_empty() || a.phases_span().is_some() {
            continue;
        }
        let name = j.head.name.as_ref().expect("journeys have ids");
        out.push(
            Diagnostic::new(
                &CODE,
                j.head.file,
                name.span,
                format!("journey `{}` has no phases", name.text),
            )
            .with_label("no `phases` list")
            .with_help("list its phases in order: `phases awareness, purchase, loyalty`"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    #[test]
    fn journey_without_phases() {
        assert_eq!(spans("journey j \"J\" {\n}\n", "J0423"), vec!["j"]);
        assert!(spans("journey j \"J\" {\n  phases a\n}\n", "J0423").is_empty());
    }
}
