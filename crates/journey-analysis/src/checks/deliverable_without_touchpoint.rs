//! J0411 `deliverable-without-touchpoint`: a deliverable names no touchpoint.

use super::Context;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0411",
    name: "deliverable-without-touchpoint",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "a deliverable that names no touchpoint (`via`)",
    explanation: "A deliverable is something to build or do for an impact. The customer meets it \
somewhere — that is its touchpoint. A deliverable without `via` is disconnected from the \
journey: nobody can see where it lands, and the touchpoint it becomes looks unmotivated.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0411/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0411/good.journey"))),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    for d in &m.deliverables {
        let ast = m.deliverable_syntax(d);
        if !ast.via.is_empty() {
            continue;
        }
        let what = match &d.head.name {
            Some(n) => format!("deliverable `{}`", n.text),
            None => format!("deliverable \"{}\"", ast.title.value),
        };
        out.push(
            Diagnostic::new(
                &CODE,
                d.head.file,
                d.head.span,
                format!("{what} names no touchpoint"),
            )
            .with_label("no `via`")
            .with_help("say where the customer meets it: `deliverable … via TOUCHPOINT`"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    #[test]
    fn deliverable_without_via() {
        let src = "goal g \"G\" {\n  actor x \"X\" {\n    impact i \"I\" {\n      deliverable \"D\"\n      deliverable e \"E\" via t\n    }\n  }\n}\nphase p \"P\" {\n  touchpoint t \"T\" {\n  }\n}\n";
        let ds = findings(src, "J0411");
        assert_eq!(ds.len(), 1);
        assert_eq!(ds[0].message, "deliverable \"D\" names no touchpoint");
    }
}
