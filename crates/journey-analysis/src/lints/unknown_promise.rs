//! J0512: `keeps` names a promise that no phase makes.

use super::promise_not_kept::promises;
use super::LintContext;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0512",
    name: "unknown-promise",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "`keeps` names a promise that no phase makes",
    explanation: "`keeps ID` says that a touchpoint delivers a promise made by `promise ID \
\"…\"` in some phase. An id that no phase promises is a typo or a promise that was removed; \
either way the link is broken and promise-not-kept cannot see that the promise is kept.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0512/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0512/good.journey"))),
};

pub fn run(lx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let model = lx.model;
    let names = lx.cx.promise_ids(|| {
        promises(lx)
            .iter()
            .map(|(_, p)| p.id.text)
            .collect()
    });
    let suggester = lx.cx.suggester(names.iter().copied());
    for t in &model.touchpoints {
        for k in &model.touchpoint_syntax(t).keeps() {
            if names.binary_search(&k.text).is_ok() {
                continue;
            }
            let mut d = Diagnostic::new(
                &CODE,
                t.head.file,
                k.span,
                format!("no phase makes a promise named `{}`", k.text),
            )
            .with_label("unknown promise");
            match suggester.suggest(k.text) {
                Some(best) => {
                    d = d.with_help(format!("did you mean `{best}`?")).with_fix(
                        format!("replace with `{best}`"),
                        k.span,
                        best,
                    )
                }
                None if names.is_empty() => {
                    d = d.with_help(
                        "declare it in the phase that makes it: `promise ID \"what is promised\"`",
                    )
                }
                None => {
                    d = d.with_help(format!(
                        "the promises of this workspace are {}",
                        crate::checks::quoted_list(&names)
                    ))
                }
            }
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::findings;
    use crate::lints::test_util::spans;

    #[test]
    fn typo_gets_a_fix() {
        let src = "phase a {\n  promise tausch_48h \"Tausch in 48 Stunden\"\n  touchpoint t {\n    keeps tausch_84h\n  }\n}\n";
        assert_eq!(spans(src, "J0512"), vec!["tausch_84h"]);
        let d = &findings(src, "J0512")[0];
        assert_eq!(d.fixes[0].edits[0].new_text, "tausch_48h");
    }

    #[test]
    fn near_miss() {
        let src = "phase a {\n  promise p \"x\"\n  touchpoint t {\n    keeps p\n  }\n}\n";
        assert!(spans(src, "J0512").is_empty());
    }
}
