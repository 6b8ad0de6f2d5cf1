//! J0514: two promises with the same id.

use super::promise_not_kept::promises;
use super::LintContext;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0514",
    name: "duplicate-promise",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "two promises with the same id",
    explanation: "`keeps ID` must say which promise a touchpoint keeps. Promise ids are unique \
across the workspace, like the ids of phases and touchpoints.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0514/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0514/good.journey"))),
};

pub fn run(lx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let model = lx.model;
    let all = promises(lx);
    // The first promise of each id: one pass, however many there are.
    let mut first_of: rustc_hash::FxHashMap<&str, usize> = Default::default();
    for (i, (phase, p)) in all.iter().enumerate() {
        let first = *first_of.entry(p.id.text).or_insert(i);
        if first == i {
            continue;
        }
        let (first_phase, first) = &all[first];
        let file = model.phase(*phase).head.file;
        out.push(
            Diagnostic::new(
                &CODE,
                file,
                p.id.span,
                format!("promise `{}` is made twice", p.id.text),
            )
            .with_label("made again here")
            .with_secondary(
                model.phase(*first_phase).head.file,
                first.id.span,
                "first made here",
            )
            .with_help("give each promise its own id"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::lints::test_util::spans;

    #[test]
    fn same_id_twice() {
        let src =
            "phase a {\n  promise p \"x\"\n}\nphase b {\n  promise p \"y\"\n  promise q \"z\"\n}\n";
        assert_eq!(spans(src, "J0514"), vec!["p"]);
    }
}
