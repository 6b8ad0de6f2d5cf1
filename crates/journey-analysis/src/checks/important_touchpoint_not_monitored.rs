//! J0416 `important-touchpoint-not-monitored`.

use super::Context;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity, Span};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0416",
    name: "important-touchpoint-not-monitored",
    default_severity: Severity::Warning,
    opt_in: false,
    summary: "a touchpoint of high or critical importance that nobody monitors",
    explanation: "A touchpoint of `importance high` or `critical` is one the journey depends on. \
If nobody actively watches it (`monitored`), a broken form or an unanswered hotline goes \
unnoticed until customers leave.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0416/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0416/good.journey"))),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    for t in &m.touchpoints {
        let a = m.touchpoint_syntax(t);
        let Some(imp) = &a.importance() else { continue };
        if !matches!(imp.text, "high" | "critical") {
            continue;
        }
        if a.monitored().as_ref().is_some_and(|f| f.value) {
            continue;
        }
        let name = t.head.name.as_ref().expect("touchpoints have ids");
        let mut d = Diagnostic::new(
            &CODE,
            t.head.file,
            imp.span,
            format!(
                "touchpoint `{}` is of {} importance but not monitored",
                name.text, imp.text
            ),
        )
        .with_label(format!("importance {}", imp.text))
        .with_help("make someone watch it and say so with `monitored`");
        match &a.monitored() {
            None => {
                let text = cx.text(t.head.file);
                let indent = super::indentation_at(text, imp.span.start);
                d = d.with_guess_fix(
                    "mark it `monitored`",
                    Span::empty(super::line_end(text, imp.span.end)),
                    format!("\n{indent}monitored"),
                );
            }
            Some(f) => {
                d = d.with_secondary(t.head.file, f.span, "monitoring switched off here");
            }
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    fn tp(body: &str) -> String {
        format!("phase p \"P\" {{\n  touchpoint t \"T\" {{\n    {body}\n  }}\n}}\n")
    }

    #[test]
    fn important_without_monitoring() {
        assert_eq!(spans(&tp("importance critical"), "J0416"), vec!["critical"]);
        assert_eq!(
            spans(&tp("importance high\n    monitored no"), "J0416"),
            vec!["high"]
        );
        assert!(spans(&tp("importance high\n    monitored"), "J0416").is_empty());
        assert!(spans(&tp("importance medium"), "J0416").is_empty());
        let d = &findings(&tp("importance critical"), "J0416")[0];
        assert_eq!(d.fixes[0].edits[0].new_text, "\n    monitored");
    }
}
