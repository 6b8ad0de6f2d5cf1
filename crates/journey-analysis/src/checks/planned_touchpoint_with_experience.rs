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
presented as a measurement, or the touchpoint is in fact `current`. What the touchpoint is \
designed to achieve is its `target`: `experience target 4`.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0421/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0421/good.journey"))),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    for t in &m.touchpoints {
        let a = m.touchpoint_syntax(t);
        let Some(state) = a.state().filter(|s| s.text == "planned") else {
            continue;
        };
        let own = a.experience().map(|s| (None, s));
        let theirs = a
            .persona_scores()
            .into_iter()
            .filter_map(|p| Some((Some(p.persona.text), p.experience?)));
        for (persona, exp) in own.into_iter().chain(theirs) {
            let whose = match persona {
                Some(p) => format!(" for `{p}`"),
                None => String::new(),
            };
            out.push(
                Diagnostic::new(
                    &CODE,
                    t.head.file,
                    exp.span,
                    format!(
                        "planned touchpoint `{}` has an experience score{whose}",
                        t.head.id()
                    ),
                )
                .with_label("nobody can have experienced it yet")
                .with_secondary(t.head.file, state.span, "planned here")
                .with_help("say what it is designed for with `target` (`experience target 4`), or mark it `state current` if it exists"),
            );
        }
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

    #[test]
    fn a_target_is_what_a_planned_touchpoint_states() {
        let src = "phase p \"P\" {\n  touchpoint t \"T\" {\n    state planned\n    experience target 4\n    for anna target 4.5\n    for ben experience 2\n  }\n}\n";
        assert_eq!(spans(src, "J0421"), vec!["2"]);
    }
}
