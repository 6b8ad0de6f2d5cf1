//! J0422 `touchpoint-without-kpi` (opt-in).

use super::Context;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0422",
    name: "touchpoint-without-kpi",
    default_severity: Severity::Info,
    opt_in: true,
    summary: "a touchpoint without a KPI (opt-in)",
    explanation: "Teams that measure every touchpoint can switch this check on in journey.toml \
(`touchpoint-without-kpi = \"warn\"`). It is off by default: many touchpoints — a receipt \
e-mail, a shop window — are judged by their experience score, not by a KPI of their own. \
Moments of truth without a KPI are always reported (J0417).
",
    bad: Some(
        Example::new(include_str!("../../rule-examples/J0422/bad.journey"))
        .note("when switched on:"),
    ),
    good: Some(Example::new(include_str!("../../rule-examples/J0422/good.journey"))),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    for t in &m.touchpoints {
        if !t.kpis.is_empty() {
            continue;
        }
        let name = t.head.name.as_ref().expect("touchpoints have ids");
        out.push(
            Diagnostic::new(
                &CODE,
                t.head.file,
                name.span,
                format!("touchpoint `{}` has no KPI", name.text),
            )
            .with_label("not measured")
            .with_help("add a `kpi` that shows whether this touchpoint works"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;
    use crate::Config;
    use journey_diagnostics::Level;

    #[test]
    fn off_by_default_on_when_configured() {
        let src = "phase p \"P\" {\n  touchpoint t \"T\" {\n  }\n}\n";
        assert!(findings(src, "J0422").is_empty());
        let mut ws = workspace(&[("a.journey", src)]);
        let mut config = Config::default();
        config
            .set_level("touchpoint-without-kpi", Level::Warn)
            .unwrap();
        ws.set_config(config, "");
        let ds: Vec<_> = ws
            .diagnostics()
            .into_iter()
            .filter(|d| d.code == "J0422")
            .collect();
        assert_eq!(ds.len(), 1);
        assert_eq!(ds[0].severity, journey_diagnostics::Severity::Warning);
    }
}
