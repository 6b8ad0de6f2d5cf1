//! J0513: `supports` names no promise, goal or impact.

use super::promise_not_kept::promises;
use super::LintContext;
use crate::model::DefKind;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};
use journey_syntax::view::Support;

pub const CODE: CodeInfo = CodeInfo {
    code: "J0513",
    name: "unknown-support-target",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "`supports` names no promise, goal or impact",
    explanation: "`supports` traces a core message to what it serves: a promise, a goal or an \
impact of the impact map by its id, or a part of the value proposition in quotes. An id \
that names none of these is a typo or a leftover.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0513/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0513/good.journey"))),
};

pub fn run(lx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let model = lx.model;
    let mut names = lx.cx.promise_ids(|| {
        promises(lx)
            .iter()
            .map(|(_, p)| p.id.text)
            .collect()
    });
    names.extend(lx.cx.names_of_kind(DefKind::Goal));
    names.extend(lx.cx.names_of_kind(DefKind::Impact));
    names.sort_unstable();
    names.dedup();
    let suggester = lx.cx.suggester(names.iter().copied());
    for p in &model.phases {
        for s in &model.phase_syntax(p).supports() {
            let Support::Ref(n) = s else {
                continue;
            };
            if names.binary_search(&n.text).is_ok() {
                continue;
            }
            let mut d = Diagnostic::new(
                &CODE,
                p.head.file,
                n.span,
                format!("`{}` is no promise, goal or impact", n.text),
            )
            .with_label("supports nothing known");
            match suggester.suggest(n.text) {
                Some(best) => {
                    d = d
                        .with_help(format!("did you mean `{best}`?"))
                        .with_fix(format!("replace with `{best}`"), n.span, best)
                }
                None => {
                    d = d.with_help(
                        "name a promise, goal or impact by its id, or quote the part of the value proposition: `supports \"…\"`",
                    )
                }
            }
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lints::test_util::spans;

    #[test]
    fn unknown_id() {
        let src = "goal more_riders {\n}\nphase a {\n  message \"x\"\n  supports more_riderss, \"x\"\n}\n";
        assert_eq!(spans(src, "J0513"), vec!["more_riderss"]);
    }

    #[test]
    fn promises_goals_impacts_and_texts_are_fine() {
        let src = "goal g {\n  actor p {\n    impact i {\n    }\n  }\n}\nphase a {\n  message \"x\"\n  promise pr \"y\"\n  supports g, i, pr, \"anything\"\n}\n";
        assert!(spans(src, "J0513").is_empty());
    }
}
