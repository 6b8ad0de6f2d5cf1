//! J0407 `touchpoint-serves-no-persona`: a touchpoint without `serves`.

use super::Context;
use crate::model::DefKind;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0407",
    name: "touchpoint-serves-no-persona",
    default_severity: Severity::Warning,
    opt_in: false,
    summary: "a touchpoint that serves no persona",
    explanation: "Every touchpoint is there for someone. Without `serves`, nobody can tell \
whether its channel, its copy and its importance fit the customers who meet it, and the \
persona and channel checks cannot see it.
",
    bad: Some(
        Example::new(include_str!("../../rule-examples/J0407/bad.journey"))
        .also(&["J0406"]),
    ),
    good: Some(Example::new(include_str!("../../rule-examples/J0407/good.journey"))),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    for t in &m.touchpoints {
        if !m.touchpoint_syntax(t).serves().is_empty() {
            continue;
        }
        let name = t.head.name.as_ref().expect("touchpoints have ids");
        let mut d = Diagnostic::new(
            &CODE,
            t.head.file,
            name.span,
            format!("touchpoint `{}` serves no persona", name.text),
        )
        .with_label("no `serves`");
        // With one persona in the workspace, the model holds all of it.
        d = match (cx.count(DefKind::Persona), m.personas.as_slice()) {
            (0, _) => d.with_help("define the personas it is for and list them in `serves`"),
            (1, [one]) => {
                let p = one.head.id();
                let text = cx.text(t.head.file);
                let indent = super::indentation_at(text, name.span.start);
                d.with_help(format!("say whom it serves: `serves {p}`"))
                    .with_guess_fix(
                        format!("serve `{p}`"),
                        journey_diagnostics::Span::empty(super::line_end(text, name.span.start)),
                        format!("\n{indent}    serves {p}"),
                    )
            }
            _ => d.with_help("say whom it serves: `serves PERSONA, …`"),
        };
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    #[test]
    fn touchpoint_without_serves() {
        let src = format!("{PERSONA}phase x \"X\" {{\n  touchpoint t \"T\" {{\n  }}\n  touchpoint u \"U\" {{\n    serves p\n  }}\n}}\n");
        assert_eq!(spans(&src, "J0407"), vec!["t"]);
        let d = &findings(&src, "J0407")[0];
        assert_eq!(d.fixes[0].edits[0].new_text, "\n      serves p");
    }
}
