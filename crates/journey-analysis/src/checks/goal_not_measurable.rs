//! J0409 `goal-not-measurable`: a goal without a metric with current and
//! target values.

use super::Context;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0409",
    name: "goal-not-measurable",
    default_severity: Severity::Warning,
    opt_in: false,
    summary: "a goal without a measurable metric (current and target value)",
    explanation: "An impact-map goal says why the journey matters to the business. Without a \
metric, today's value and a target, nobody can say whether the touchpoints and impacts below \
it work — the goal is a wish. Give the metric, where it stands (`current`) and where it \
should be (`target`), ideally with a deadline (`by`).
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0409/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0409/good.journey"))),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    for g in &m.goals {
        let ast = m.goal_syntax(g);
        let name = g.head.name.as_ref().expect("goals have ids");
        let d = match &ast.metric() {
            None => Diagnostic::new(
                &CODE,
                g.head.file,
                name.span,
                format!("goal `{}` has no metric", name.text),
            )
            .with_label("not measurable")
            .with_help("add `metric \"what is measured\" current VALUE target VALUE by DATE`"),
            Some(metric) => {
                let missing: Vec<&str> = [
                    metric.current.is_none().then_some("current"),
                    metric.target.is_none().then_some("target"),
                ]
                .into_iter()
                .flatten()
                .collect();
                if missing.is_empty() {
                    continue;
                }
                Diagnostic::new(
                    &CODE,
                    g.head.file,
                    metric.span,
                    format!(
                        "the metric of goal `{}` has no {} value",
                        name.text,
                        missing.join(" and no ")
                    ),
                )
                .with_label(format!("add {}", super::quoted_list(&missing)))
                .with_help("say where the metric stands today (`current`) and where it should be (`target`)")
            }
        };
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    #[test]
    fn missing_metric_and_missing_values() {
        let src = "goal a \"A\" {\n}\ngoal b \"B\" {\n  metric \"M\" target 3\n}\ngoal c \"C\" {\n  metric \"M\" current 1 target 3\n}\n";
        let ds = findings(src, "J0409");
        let msgs: Vec<&str> = ds.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            msgs,
            vec![
                "goal `a` has no metric",
                "the metric of goal `b` has no current value"
            ]
        );
    }
}
