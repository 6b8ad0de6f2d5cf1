//! J0305 `duplicate-definition`: two definitions of one kind share an id.

use super::Context;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0305",
    name: "duplicate-definition",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "two definitions of the same kind have the same id",
    explanation: "Ids are unique per kind across the whole workspace — every file checked \
together and everything they import. With two personas called `anna`, `serves anna` could \
mean either, so journeyc uses the first and reports the second, pointing at both. This \
often happens when a file is copied to start a new one.
",
    bad: Some(
        Example::new(include_str!("../../rule-examples/J0305/bad.journey"))
        .path("more-personas.journey")
        .files(&[("personas.journey", include_str!("../../rule-examples/J0305/bad/personas.journey"))]),
    ),
    good: Some(
        Example::new(include_str!("../../rule-examples/J0305/good.journey"))
        .path("more-personas.journey")
        .files(&[("personas.journey", include_str!("../../rule-examples/J0305/good/personas.journey"))]),
    ),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    let mut groups: Vec<_> = m.names().filter(|(_, _, defs)| defs.len() > 1).collect();
    groups.sort_by_key(|(k, n, _)| (*k, n.to_string()));
    for (kind, name, defs) in groups {
        let first = m.header(defs[0]);
        let first_name = first.name.as_ref().expect("named");
        for &dup in &defs[1..] {
            let h = m.header(dup);
            let n = h.name.as_ref().expect("named");
            let where_first = if first.file == h.file {
                String::new()
            } else {
                format!(" (first in `{}`)", cx.display(first.file))
            };
            out.push(
                Diagnostic::new(
                    &CODE,
                    h.file,
                    n.span,
                    format!("{} `{name}` is defined twice{where_first}", kind.keyword()),
                )
                .with_label("defined again here")
                .with_secondary(first.file, first_name.span, "first defined here")
                .with_help(format!(
                    "rename one of them: {} ids are unique across the workspace",
                    kind.keyword()
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    #[test]
    fn second_definition_points_at_the_first() {
        let a = "persona anna \"A\" {\n}\n";
        let b = "persona anna \"B\" {\n}\n";
        let ds = findings_in(&[("a.journey", a), ("b.journey", b)], "J0305");
        assert_eq!(ds.len(), 1);
        assert_eq!(
            ds[0].message,
            "persona `anna` is defined twice (first in `a.journey`)"
        );
        assert_eq!(ds[0].secondary[0].span.start, 8);
    }

    #[test]
    fn touchpoints_in_different_phases_clash_but_kinds_do_not() {
        let src = "phase p \"P\" {\n  touchpoint t \"T\" {\n  }\n}\n\
phase q \"Q\" {\n  touchpoint t \"T\" {\n  }\n}\npersona p \"P\" {\n}\n";
        let ds = findings(src, "J0305");
        assert_eq!(ds.len(), 1);
        assert_eq!(ds[0].message, "touchpoint `t` is defined twice");
    }

    #[test]
    fn kpis_and_deliverables_without_ids_never_clash() {
        let src =
            "phase p \"P\" {\n  kpi \"Reach\"\n  kpi \"Reach\"\n  kpi r \"R\"\n  kpi r \"R\"\n}\n";
        let ds = findings(src, "J0305");
        assert_eq!(ds.len(), 1);
        assert_eq!(ds[0].message, "kpi `r` is defined twice");
    }
}
