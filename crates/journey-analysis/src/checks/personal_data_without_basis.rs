//! J0415 `personal-data-without-basis`: `collects` without a legal basis.

use super::Context;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0415",
    name: "personal-data-without-basis",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "personal data collected without a legal basis or consent",
    explanation: "Under the GDPR (Art. 6) processing personal data is lawful only on a legal \
basis: consent, a contract, a legal obligation, vital interests, a public task or a \
legitimate interest. A touchpoint that `collects` data without naming its `basis` is a \
compliance gap the journey makes visible. (This is not legal advice: ask your data \
protection officer which basis applies.)
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0415/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0415/good.journey"))),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    for t in &m.touchpoints {
        let a = m.touchpoint_syntax(t);
        let collects = a.collects();
        let Some((first, rest)) = collects.split_first() else {
            continue;
        };
        if a.basis().is_some() {
            continue;
        }
        let name = t.head.name.as_ref().expect("touchpoints have ids");
        let span = rest.iter().fold(first.span, |s, t| s.cover(t.span));
        let data: Vec<&str> = collects.iter().map(|t| t.as_str()).collect();
        let text = cx.text(t.head.file);
        let indent = super::indentation_at(text, first.span.start);
        out.push(
            Diagnostic::new(
                &CODE,
                t.head.file,
                span,
                format!(
                    "touchpoint `{}` collects personal data without a legal basis",
                    name.text
                ),
            )
            .with_label(format!("collects {}", data.join(", ")))
            .with_help("name the legal basis: `basis consent`, `basis contract`, `basis legitimate_interest` …")
            .with_guess_fix(
                "add `basis consent`",
                journey_diagnostics::Span::empty(super::line_end(text, span.end)),
                format!("\n{indent}basis consent"),
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    #[test]
    fn collects_without_basis() {
        let src = "phase p \"P\" {\n  touchpoint t \"T\" {\n    collects \"name\", \"e-mail\"\n  }\n  touchpoint u \"U\" {\n    collects \"name\"\n    basis contract\n  }\n}\n";
        let ds = findings(src, "J0415");
        assert_eq!(ds.len(), 1);
        assert_eq!(&src[ds[0].span().range()], "\"name\", \"e-mail\"");
        assert_eq!(ds[0].fixes[0].edits[0].new_text, "\n    basis consent");
    }
}
