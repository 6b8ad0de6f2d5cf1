//! J0408 `touchpoint-without-owner`: nobody owns a touchpoint.

use super::Context;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0408",
    name: "touchpoint-without-owner",
    default_severity: Severity::Warning,
    opt_in: false,
    summary: "a touchpoint without an owner team",
    explanation: "A touchpoint that belongs to nobody is improved by nobody: when its experience \
drops, no team is asked. `owner` names the team responsible (marketing, service, sales …).
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0408/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0408/good.journey"))),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    for t in &m.touchpoints {
        if m.touchpoint_syntax(t).owner().is_some() {
            continue;
        }
        let name = t.head.name.as_ref().expect("touchpoints have ids");
        let teams = &m.phase_syntax(m.phase(t.phase)).teams();
        let help = match teams.as_slice() {
            [] => "name the team responsible: `owner TEAM`".to_string(),
            ts => format!(
                "name the team responsible; the phase's teams are {}",
                super::quoted_list(&ts.iter().map(|t| t.text).collect::<Vec<_>>())
            ),
        };
        out.push(
            Diagnostic::new(
                &CODE,
                t.head.file,
                name.span,
                format!("touchpoint `{}` has no owner", name.text),
            )
            .with_label("no `owner`")
            .with_help(help),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    #[test]
    fn touchpoint_without_owner() {
        let src = "phase x \"X\" {\n  teams web, sales\n  touchpoint t \"T\" {\n  }\n  touchpoint u \"U\" {\n    owner web\n  }\n}\n";
        assert_eq!(spans(src, "J0408"), vec!["t"]);
        let d = &findings(src, "J0408")[0];
        assert_eq!(
            d.help.as_deref(),
            Some("name the team responsible; the phase's teams are `web` and `sales`")
        );
    }
}
