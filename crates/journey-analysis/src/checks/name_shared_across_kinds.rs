//! J0306 `name-shared-across-kinds`: one id names definitions of different kinds.

use super::Context;
use crate::model::Def;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};
use std::collections::HashMap;

pub const CODE: CodeInfo = CodeInfo {
    code: "J0306",
    name: "name-shared-across-kinds",
    default_severity: Severity::Warning,
    opt_in: false,
    summary: "the same id names a phase and a touchpoint (or two other kinds)",
    explanation: "Ids are unique per kind, so a phase and a touchpoint may technically share \
one. But every reader — and every search — then has to work out which one `shop` means, and \
a reference of the wrong kind (`serves shop`) gets a confusing message. Give each definition \
its own id.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0306/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0306/good.journey"))),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    let mut by_name: HashMap<&str, Vec<Def>> = HashMap::new();
    for (_, name, defs) in m.names() {
        by_name.entry(name).or_default().push(defs[0]);
    }
    let mut names: Vec<_> = by_name.into_iter().filter(|(_, d)| d.len() > 1).collect();
    names.sort_by_key(|(n, _)| n.to_string());
    for (name, mut defs) in names {
        defs.sort_by_key(|d| {
            let h = m.header(*d);
            (h.file, h.span.start)
        });
        let first = defs[0];
        let fh = m.header(first);
        let fspan = fh.name.as_ref().expect("named").span;
        for &d in &defs[1..] {
            let h = m.header(d);
            let span = h.name.as_ref().expect("named").span;
            out.push(
                Diagnostic::new(
                    &CODE,
                    h.file,
                    span,
                    format!(
                        "`{name}` names both {} and {}",
                        first.kind().with_article(),
                        d.kind().with_article()
                    ),
                )
                .with_label(format!("{} `{name}`", d.kind().keyword()))
                .with_secondary(
                    fh.file,
                    fspan,
                    format!("{} `{name}`", first.kind().keyword()),
                )
                .with_help(format!("give the {} an id of its own", d.kind().keyword())),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    #[test]
    fn phase_and_touchpoint_sharing_an_id() {
        let src = "phase shop \"S\" {\n  touchpoint shop \"W\" {\n  }\n}\n";
        let ds = findings(src, "J0306");
        assert_eq!(ds.len(), 1);
        assert_eq!(ds[0].message, "`shop` names both a phase and a touchpoint");
        assert_eq!(ds[0].span().start, 30);
    }

    #[test]
    fn different_ids_are_fine() {
        let src = "phase shop \"S\" {\n  touchpoint web_shop \"W\" {\n  }\n}\n";
        assert!(findings(src, "J0306").is_empty());
    }
}
