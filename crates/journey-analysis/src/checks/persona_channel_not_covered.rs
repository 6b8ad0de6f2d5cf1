//! J0420 `persona-channel-not-covered`: a persona's channel that no
//! touchpoint serving it covers.

use super::Context;
use crate::model::DefKind;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0420",
    name: "persona-channel-not-covered",
    default_severity: Severity::Info,
    opt_in: false,
    summary: "a persona's preferred channel that no touchpoint serving it covers",
    explanation: "Persona `channels` are where these customers expect to find you. A channel \
with no touchpoint serving the persona is a missed opportunity — or a stale entry in the \
persona. Only reported when the workspace has touchpoints at all.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0420/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0420/good.journey"))),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    if cx.count(DefKind::Touchpoint) == 0 {
        return;
    }
    for p in &m.personas {
        let a = m.persona_syntax(p);
        for c in &a.channels() {
            let covered = p.served_by.iter().any(|t| {
                m.touchpoint_syntax(m.touchpoint(*t))
                    .channel()
                    .as_ref()
                    .is_some_and(|tc| tc.text == c.text)
            });
            if covered {
                continue;
            }
            out.push(
                Diagnostic::new(
                    &CODE,
                    p.head.file,
                    c.span,
                    format!(
                        "no touchpoint serves persona `{}` on channel `{}`",
                        p.head.id(),
                        c.text
                    ),
                )
                .with_label("not covered")
                .with_help(format!(
                    "add {} `{}` touchpoint that serves `{}`, or remove the channel from the persona",
                    journey_diagnostics::a_or_an(c.text),
                    c.text,
                    p.head.id()
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    #[test]
    fn uncovered_channel() {
        let src = "persona a \"A\" {\n  channels search, video\n}\nphase p \"P\" {\n  touchpoint t \"T\" {\n    channel search online\n    serves a\n  }\n  touchpoint u \"U\" {\n    channel video online\n  }\n}\n";
        assert_eq!(spans(src, "J0420"), vec!["video"]);
    }
}
