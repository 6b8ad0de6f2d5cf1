//! J0311 `persona-scored-twice`: two `for` lines for one persona at one
//! touchpoint.

use super::Context;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0311",
    name: "persona-scored-twice",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "a persona has two `for` lines at one touchpoint",
    explanation: "A `for` line gives one persona's own scores at a touchpoint. With two lines \
for the same persona, their emotion curve would depend on which line is read: journeyc \
would have to pick one silently. Merge them into one line.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0311/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0311/good.journey"))),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    for t in &m.touchpoints {
        let a = m.touchpoint_syntax(t);
        let lines = a.persona_scores();
        for (i, p) in lines.iter().enumerate() {
            let Some(first) = lines[..i].iter().find(|q| q.persona.text == p.persona.text) else {
                continue;
            };
            out.push(
                Diagnostic::new(
                    &CODE,
                    t.head.file,
                    p.persona.span,
                    format!(
                        "persona `{}` is scored twice at touchpoint `{}`",
                        p.persona.text, a.id.text
                    ),
                )
                .with_label("second `for` line for this persona")
                .with_secondary(t.head.file, first.persona.span, "first scored here")
                .with_help("merge the two lines into one `for` line"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    #[test]
    fn the_second_line_is_reported() {
        let src = "persona anna \"A\" {}\nphase p \"P\" {\n  touchpoint t \"T\" {\n    serves anna\n    for anna experience 2\n    for anna feeling \"tired\"\n  }\n}\n";
        let ds = findings(src, "J0311");
        assert_eq!(ds.len(), 1);
        assert_eq!(ds[0].message, "persona `anna` is scored twice at touchpoint `t`");
        assert_eq!(ds[0].span().start as usize, src.rfind("anna feeling").unwrap());
    }

    #[test]
    fn two_personas_are_fine() {
        let src = "phase p \"P\" {\n  touchpoint t \"T\" {\n    for anna experience 2\n    for ben experience 4\n  }\n}\n";
        assert!(findings(src, "J0311").is_empty());
    }
}
