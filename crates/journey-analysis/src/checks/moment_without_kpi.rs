//! J0417 `moment-without-kpi`: a moment of truth nobody measures.

use super::Context;
use journey_diagnostics::{CodeInfo, Diagnostic, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0417",
    name: "moment-without-kpi",
    default_severity: Severity::Warning,
    summary: "a moment of truth without a KPI",
    explanation: "A moment of truth is where the relationship is won or lost — the price at \
checkout, the first breakdown, the handover at the door. If it is not measured, nobody \
notices when it starts going wrong. A touchpoint marked `moment` needs a `kpi`.

Bad:

    touchpoint checkout \"Checkout\" {
      moment \"The firm sees the final price\"
    }

Good:

    touchpoint checkout \"Checkout\" {
      moment \"The firm sees the final price\"
      kpi \"Checkout completion\" target 85 unit \"%\"
    }
",
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    for t in &m.touchpoints {
        let a = m.touchpoint_ast(t);
        let Some(moment) = &a.moment else { continue };
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
}
