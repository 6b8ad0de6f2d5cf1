//! J0401 `phase-not-listed`: a phase no journey lists.

use super::Context;
use crate::model::{Def, DefKind, PhaseId};
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity, Span};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0401",
    name: "phase-not-listed",
    default_severity: Severity::Warning,
    opt_in: false,
    summary: "a phase is defined but no journey lists it in `phases`",
    explanation: "A journey's `phases` list says which phases it has and in which order. A \
phase that no journey lists is not part of any journey: it does not show up in maps, exports \
or reports, and its touchpoints look unused. Usually the list was not updated after adding \
the phase. Only reported when the workspace defines a journey at all.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0401/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0401/good.journey"))),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    if cx.count(DefKind::Journey) == 0 {
        return;
    }
    for (i, p) in m.phases.iter().enumerate() {
        if !p.journeys.is_empty() || m.is_shadowed(Def::Phase(PhaseId(i as u32))) {
            continue;
        }
        let name = p.head.name.as_ref().expect("phases have ids");
        let mut d = Diagnostic::new(
            &CODE,
            p.head.file,
            name.span,
            format!("phase `{}` is not part of any journey", name.text),
        )
        .with_label("no journey lists this phase");
        // With one journey in the workspace, the model holds all of it.
        if let (1, [j]) = (cx.count(DefKind::Journey), m.journeys.as_slice()) {
            let ast = m.journey_syntax(j);
            d = d.with_help(format!(
                "add it to the `phases` of journey `{}` where it belongs",
                j.head.id()
            ));
            if let Some(last) = ast.phases().last() {
                // The fix is in the journey's file.
                d.fixes.push(journey_diagnostics::Fix {
                    title: format!("append `{}` to the phases of `{}`", name.text, j.head.id()),
                    edits: vec![journey_diagnostics::TextEdit {
                        file: j.head.file,
                        span: Span::empty(last.span.end),
                        new_text: format!(", {}", name.text),
                    }],
                    // Where in the order it belongs is the writer's call.
                    applicability: journey_diagnostics::Applicability::Guess,
                });
            }
        } else {
            d = d.with_help("add it to the `phases` of the journey it belongs to");
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    #[test]
    fn unlisted_phase_gets_an_append_fix() {
        let src = "journey j \"J\" {\n  phases a\n}\nphase a \"A\" {\n}\nphase b \"B\" {\n}\n";
        let ds = findings(src, "J0401");
        assert_eq!(ds.len(), 1);
        assert_eq!(&src[ds[0].span().range()], "b");
        let e = &ds[0].fixes[0].edits[0];
        assert_eq!((e.span.start, e.new_text.as_str()), (26, ", b"));
    }

    #[test]
    fn without_a_journey_nothing_is_reported() {
        assert!(findings("phase b \"B\" {\n}\n", "J0401").is_empty());
    }
}
