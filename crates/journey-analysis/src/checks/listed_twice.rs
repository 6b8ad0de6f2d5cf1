//! J0429 `listed-twice`: a list of ids names the same id twice.

use super::Context;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, FileId, Severity, Span};
use journey_syntax::view::IdList;
use rustc_hash::FxHashMap;

pub const CODE: CodeInfo = CodeInfo {
    code: "J0429",
    name: "listed-twice",
    default_severity: Severity::Warning,
    opt_in: false,
    summary: "a list names the same id twice",
    explanation: "Lists such as `serves`, `next`, `keeps`, `via`, `channels`, `teams` and \
`systems` say which personas, touchpoints, promises, channels, teams or systems take part. \
Naming one twice adds nothing, so the second mention is usually a slip: copied from the \
line above, or another id was meant (`serves anna, anna` for `serves anna, tom`). The fix \
removes the second mention; if another id was meant, write that one instead. A journey's \
`phases` list is an order, where a repeat is an error of its own (`phase-listed-twice`).
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0429/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0429/good.journey"))),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    for p in &m.personas {
        report(cx, p.head.file, &m.persona_syntax(p).id_lists(), out);
    }
    for p in &m.phases {
        report(cx, p.head.file, &m.phase_syntax(p).id_lists(), out);
    }
    for t in &m.touchpoints {
        report(cx, t.head.file, &m.touchpoint_syntax(t).id_lists(), out);
    }
    for i in &m.impacts {
        report(cx, i.head.file, &m.impact_syntax(i).id_lists(), out);
    }
}

/// Reports every id named again in a list of the same keyword, within
/// one definition: `next a` and `next a` on two lines are one list.
fn report(cx: &Context<'_>, file: FileId, lists: &[IdList<'_>], out: &mut Vec<Diagnostic>) {
    // The first mention of each id: one pass, however long the lists.
    let mut first_at: FxHashMap<(&str, &str), Span> = FxHashMap::default();
    for list in lists {
        for (i, id) in list.ids.iter().enumerate() {
            let first = *first_at.entry((list.keyword, id.text)).or_insert(id.span);
            if first == id.span {
                continue;
            }
            out.push(
                Diagnostic::new(
                    &CODE,
                    file,
                    id.span,
                    format!("`{}` is listed twice in `{}`", id.text, list.keyword),
                )
                .with_label("listed again here")
                .with_secondary(file, first, "first listed here")
                .with_help("remove it, or write the id that was meant")
                .with_fix(
                    format!("remove the second `{}`", id.text),
                    super::list_item_removal(cx.text(file), list, i),
                    "",
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    fn src(serves: &str, next: &str) -> String {
        format!(
            "persona anna \"A\" {{}}\npersona tom \"T\" {{}}\nphase p \"P\" {{\n  touchpoint ad \"Ad\" {{\n    serves {serves}\n{next}  }}\n  touchpoint shop \"Shop\" {{\n    serves anna\n  }}\n  touchpoint mail \"Mail\" {{\n    serves anna\n  }}\n}}\n"
        )
    }

    fn removed(src: &str) -> String {
        fixed(src, "J0429")
    }

    #[test]
    fn the_second_mention_is_removed_wherever_it_stands() {
        assert_eq!(removed(&src("anna, anna", "")), src("anna", ""));
        assert_eq!(removed(&src("anna, tom, anna", "")), src("anna, tom", ""));
        assert_eq!(removed(&src("anna, anna, tom", "")), src("anna, tom", ""));
    }

    #[test]
    fn a_repeated_statement_is_one_list() {
        let twice = src("anna", "    next shop\n    # and again\n    next shop\n");
        assert_eq!(
            removed(&twice),
            src("anna", "    next shop\n    # and again\n"),
            "the second line goes, the comment stays"
        );
        let first_of_two = src("anna", "    next shop\n    next shop, mail\n");
        assert_eq!(removed(&first_of_two), src("anna", "    next shop\n    next mail\n"));
    }

    #[test]
    fn different_ids_and_different_lists_are_fine() {
        assert!(findings(&src("anna, tom", "    next shop\n"), "J0429").is_empty());
        let same_id_in_two_lists = "phase p \"P\" {\n  teams web\n  systems web\n}\n";
        assert!(findings(same_id_in_two_lists, "J0429").is_empty());
    }

    #[test]
    fn deliverables_are_definitions_not_a_list() {
        // Two deliverables with one id are a duplicate definition, and two
        // that share a touchpoint are fine: neither is a list named twice.
        let src = format!(
            "{}goal g \"G\" {{\n  actor a {{\n    impact i \"I\" {{\n      via ad\n      deliverable app \"App\" via ad, shop\n      deliverable app \"App v2\" via ad\n    }}\n  }}\n}}\n",
            src("anna", "")
        );
        assert!(findings(&src, "J0429").is_empty());
        assert!(!findings(&src, "J0305").is_empty());
    }

    #[test]
    fn the_journeys_phases_are_left_to_phase_listed_twice() {
        let src = "journey j \"J\" {\n  phases a, a\n}\nphase a \"A\" {\n}\n";
        assert!(findings(src, "J0429").is_empty());
        assert_eq!(findings(src, "J0403").len(), 1);
    }
}
