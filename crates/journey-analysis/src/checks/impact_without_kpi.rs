//! J0410 `impact-without-kpi`: an impact that is not measured.

use super::Context;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0410",
    name: "impact-without-kpi",
    default_severity: Severity::Warning,
    opt_in: false,
    summary: "an impact without a KPI",
    explanation: "An impact is a change in an actor's behaviour that serves the goal. Without a \
KPI nobody knows whether the behaviour changed, and the deliverables under it cannot be \
judged.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0410/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0410/good.journey"))),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    for i in &m.impacts {
        if !i.kpis.is_empty() {
            continue;
        }
        let name = i.head.name.as_ref().expect("impacts have ids");
        out.push(
            Diagnostic::new(
                &CODE,
                i.head.file,
                name.span,
                format!("impact `{}` has no KPI", name.text),
            )
            .with_label("not measured")
            .with_help("add `kpi \"how the behaviour change is measured\" target VALUE`"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    #[test]
    fn impact_without_kpi() {
        let src = format!("{PERSONA}goal g \"G\" {{\n  actor p {{\n    impact a \"A\" {{\n    }}\n    impact b \"B\" {{\n      kpi \"K\" target 1\n    }}\n  }}\n}}\n");
        assert_eq!(spans(&src, "J0410"), vec!["a"]);
    }
}
