//! J0417 `moment-without-kpi`: a moment of truth nobody measures.

use super::Context;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0417",
    name: "moment-without-kpi",
    default_severity: Severity::Warning,
    opt_in: false,
    summary: "a moment of truth without a KPI",
    explanation: "A moment of truth is where the relationship is won or lost — the price at \
checkout, the first breakdown, the handover at the door. If it is not measured, nobody \
notices when it starts going wrong. A touchpoint marked `moment` needs a `kpi` of its \
own; a phase that lists its moments of truth with `moment \"…\"` needs a `kpi` of the \
phase that watches them (KPIs of its touchpoints measure the touchpoints, not the \
phase's moments).
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0417/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0417/good.journey"))),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    for t in &m.touchpoints {
        let a = m.touchpoint_syntax(t);
        let Some(moment) = &a.moment() else { continue };
        if !moment.value || !t.kpis.is_empty() {
            continue;
        }
        let name = t.head.name.as_ref().expect("touchpoints have ids");
        out.push(
            Diagnostic::new(
                &CODE,
                t.head.file,
                moment.span,
                format!("moment of truth `{}` has no KPI", name.text),
            )
            .with_label("not measured")
            .with_help("add a `kpi` that shows whether this moment goes well"),
        );
    }
    // GUIDE §7: a phase's moments of truth need a KPI of the phase.
    for p in &m.phases {
        let a = m.phase_syntax(p);
        let moments = a.moments();
        let Some((first, rest)) = moments.split_first() else {
            continue;
        };
        if !p.kpis.is_empty() {
            continue;
        }
        let name = p.head.name.as_ref().expect("phases have ids");
        let message = if rest.is_empty() {
            format!("the moment of truth of phase `{}` has no KPI", name.text)
        } else {
            format!(
                "the {} moments of truth of phase `{}` have no KPI",
                moments.len(),
                name.text
            )
        };
        let mut d = Diagnostic::new(&CODE, p.head.file, first.span, message)
            .with_label("not measured")
            .with_help("add a `kpi` to the phase that shows whether its moments of truth go well");
        for other in rest {
            d = d.with_secondary(p.head.file, other.span, "not measured either");
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    fn tp(body: &str) -> String {
        format!("phase p \"P\" {{\n  touchpoint t \"T\" {{\n    {body}\n  }}\n}}\n")
    }

    #[test]
    fn moment_without_kpi() {
        assert_eq!(findings(&tp("moment \"Price\""), "J0417").len(), 1);
        assert_eq!(findings(&tp("moment"), "J0417").len(), 1);
        assert!(findings(&tp("moment no"), "J0417").is_empty());
        assert!(findings(&tp("moment\n    kpi \"K\""), "J0417").is_empty());
    }

    fn phase(body: &str) -> String {
        format!("phase p \"P\" {{\n  {body}\n}}\n")
    }

    #[test]
    fn phase_moments_need_a_kpi_of_the_phase() {
        let src = phase("moment \"Price\", \"Parcel\"\n  moment \"Return\"");
        let ds = findings(&src, "J0417");
        assert_eq!(ds.len(), 1, "one finding per phase: {ds:?}");
        let d = &ds[0];
        assert_eq!(&src[d.span().range()], "\"Price\"");
        let others: Vec<&str> = d.secondary.iter().map(|l| &src[l.span.range()]).collect();
        assert_eq!(others, ["\"Parcel\"", "\"Return\""]);
        assert_eq!(d.message, "the 3 moments of truth of phase `p` have no KPI");
        assert_eq!(
            findings(&phase("moment \"Price\""), "J0417")[0].message,
            "the moment of truth of phase `p` has no KPI"
        );
        // A KPI of the phase watches them.
        assert!(findings(&phase("moment \"Price\"\n  kpi \"K\""), "J0417").is_empty());
        // A phase without moments needs none.
        assert!(findings(&phase("message \"M\""), "J0417").is_empty());
        // A touchpoint's KPI measures the touchpoint, not the phase's moments.
        let src = phase("moment \"Price\"\n  touchpoint t \"T\" {\n    kpi \"K\"\n  }");
        assert_eq!(findings(&src, "J0417").len(), 1);
        // `allow` in the phase silences it.
        let src = phase("moment \"Price\"\n  allow \"moment-without-kpi\" \"measured offline\"");
        assert!(findings(&src, "J0417").is_empty());
    }
}
