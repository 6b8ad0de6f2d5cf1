//! J0424 `scores-for-unserved-persona`: a `for` line names a persona the
//! touchpoint does not serve.

use super::Context;
use crate::model::{Def, DefKind};
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity, Span};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0424",
    name: "scores-for-unserved-persona",
    default_severity: Severity::Warning,
    opt_in: false,
    summary: "a touchpoint scores a persona it does not serve",
    explanation: "A `for` line records how one persona feels at a touchpoint. If the touchpoint \
does not `serve` that persona, the persona's emotion curve leaves the touchpoint out and the \
map does not show them meeting it: either the persona belongs in `serves`, or the line \
belongs to another touchpoint.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0424/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0424/good.journey"))),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    for t in &m.touchpoints {
        let a = m.touchpoint_syntax(t);
        let serves = a.serves();
        for p in a.persona_scores() {
            let Some(Def::Persona(persona)) = m.lookup(DefKind::Persona, p.persona.text) else {
                continue;
            };
            if t.serves.contains(&persona) {
                continue;
            }
            let text = cx.text(t.head.file);
            let name = p.persona.text;
            let (at, insert) = match serves.last() {
                Some(last) => (Span::empty(last.span.end), format!(", {name}")),
                None => {
                    let line = super::line_end(text, a.spans.keyword.start);
                    let indent = super::indentation_at(text, p.span.start);
                    (Span::empty(line), format!("\n{indent}serves {name}"))
                }
            };
            out.push(
                Diagnostic::new(
                    &CODE,
                    t.head.file,
                    p.persona.span,
                    format!(
                        "touchpoint `{}` scores persona `{name}` but does not serve them",
                        a.id.text
                    ),
                )
                .with_label("not in `serves`")
                .with_help(format!(
                    "add `{name}` to `serves`, or move the line to a touchpoint that serves them"
                ))
                .with_guess_fix(format!("add `{name}` to `serves`"), at, insert),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    const PERSONAS: &str = "persona anna \"A\" {}\npersona ben \"B\" {}\n";

    #[test]
    fn a_scored_persona_outside_serves() {
        let src = format!("{PERSONAS}phase p \"P\" {{\n  touchpoint t \"T\" {{\n    serves anna\n    for ben experience 2\n  }}\n}}\n");
        let ds = findings(&src, "J0424");
        assert_eq!(ds.len(), 1);
        assert_eq!(ds[0].fixes[0].edits[0].new_text, ", ben");
        assert_eq!(ds[0].fixes[0].edits[0].span.start as usize, src.find("serves anna").unwrap() + 11);
    }

    #[test]
    fn served_and_unknown_personas_are_not_reported_here() {
        let src = format!("{PERSONAS}phase p \"P\" {{\n  touchpoint t \"T\" {{\n    serves anna, ben\n    for ben experience 2\n    for nobody experience 2\n  }}\n}}\n");
        assert!(findings(&src, "J0424").is_empty());
    }

    #[test]
    fn without_serves_the_fix_adds_the_statement() {
        let src = format!("{PERSONAS}phase p \"P\" {{\n  touchpoint t \"T\" {{\n    for ben experience 2\n  }}\n}}\n");
        let ds = findings(&src, "J0424");
        assert_eq!(ds[0].fixes[0].edits[0].new_text, "\n    serves ben");
    }
}
