//! J0418 `persona-without-evidence`: a persona built on assumptions.

use super::Context;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0418",
    name: "persona-without-evidence",
    default_severity: Severity::Info,
    opt_in: false,
    summary: "a persona without evidence: built on assumptions",
    explanation: "A persona is only as good as what it rests on. Without interviews, surveys or \
data behind it, it describes what the team believes about customers — and every touchpoint \
designed for it inherits those beliefs. `evidence` says what the persona is based on.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0418/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0418/good.journey"))),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    for p in &m.personas {
        let a = m.persona_syntax(p);
        if a.evidence()
            .as_ref()
            .is_some_and(|e| !e.value.trim().is_empty())
        {
            continue;
        }
        let name = p.head.name.as_ref().expect("personas have ids");
        out.push(
            Diagnostic::new(
                &CODE,
                p.head.file,
                name.span,
                format!("persona `{}` has no evidence", name.text),
            )
            .with_label("built on assumptions")
            .with_help("say what it rests on: `evidence \"8 interviews, March 2027\"`"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    #[test]
    fn persona_without_evidence() {
        let src = "persona a \"A\" {\n}\npersona b \"B\" {\n  evidence \"\"\n}\npersona c \"C\" {\n  evidence \"survey\"\n}\n";
        assert_eq!(spans(src, "J0418"), vec!["a", "b"]);
    }
}
