//! J0428 `path-to-itself`: `next` names the touchpoint it stands in.

use super::Context;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0428",
    name: "path-to-itself",
    default_severity: Severity::Warning,
    opt_in: false,
    summary: "the customer's path leads from a touchpoint to itself",
    explanation: "`next` names the touchpoints a customer goes on to from this one. A touchpoint \
that names itself draws no step of the path: the customer stays where they are. Usually \
another touchpoint was meant (copied from the touchpoint above, or a similar id); the fix \
removes the touchpoint's own id from its `next`.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0428/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0428/good.journey"))),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    for t in &m.touchpoints {
        if t.next.is_empty() {
            continue;
        }
        let a = m.touchpoint_syntax(t);
        for list in a.id_lists().iter().filter(|l| l.keyword == "next") {
            for (i, name) in list.ids.iter().enumerate() {
                if name.text != a.id.text {
                    continue;
                }
                let removal = super::list_item_removal(cx.text(t.head.file), list, i);
                out.push(
                    Diagnostic::new(
                        &CODE,
                        t.head.file,
                        name.span,
                        format!("the path from `{}` leads to `{}` itself", a.id.text, name.text),
                    )
                    .with_label("this touchpoint's own id")
                    .with_help("name the touchpoint the customer goes on to, or remove this id")
                    .with_fix(format!("remove `{}` from `next`", name.text), removal, ""),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    fn src(next: &str) -> String {
        format!(
            "persona anna \"A\" {{}}\nphase p \"P\" {{\n  touchpoint ad \"Ad\" {{\n    serves anna\n    next {next}\n  }}\n  touchpoint shop \"Shop\" {{\n    serves anna\n  }}\n}}\n"
        )
    }

    fn removed(next: &str) -> String {
        fixed(&src(next), "J0428")
    }

    #[test]
    fn a_path_to_itself_is_removed_wherever_it_stands_in_the_list() {
        assert_eq!(removed("ad, shop"), src("shop"));
        assert_eq!(removed("shop, ad"), src("shop"));
        assert_eq!(
            removed("ad"),
            src("ad").replace("    next ad\n", ""),
            "the only id: the whole line goes"
        );
        assert_eq!(
            removed("shop\n    # the same again\n    next ad"),
            src("shop\n    # the same again"),
            "the id is the only one of its statement: the comment above stays"
        );
    }

    #[test]
    fn a_path_to_another_touchpoint() {
        assert!(findings(&src("shop"), "J0428").is_empty());
    }
}
