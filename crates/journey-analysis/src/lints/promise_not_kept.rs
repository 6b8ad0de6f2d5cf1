//! J0510: a promise made before the purchase that no touchpoint of a
//! later phase keeps.

use super::LintContext;
use crate::model::PhaseId;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};
use journey_syntax::view::Promise;

pub const CODE: CodeInfo = CodeInfo {
    code: "J0510",
    name: "promise-not-kept",
    default_severity: Severity::Warning,
    opt_in: false,
    summary: "a promise that no touchpoint of a later phase keeps",
    explanation: "What marketing promises before the purchase, the product and the service must \
deliver after it — otherwise the first moment of truth after buying is a disappointment. \
Declare a promise in the phase that makes it, and say which touchpoint keeps it:

    phase discovery {
      promise swap_48h \"A new bike within 48 hours if yours breaks\"
    }
    phase experience {
      touchpoint swap_service \"Swap service\" {
        keeps swap_48h
      }
    }

A promise made before the journey's purchase phase (the first of kind `purchase`) must be \
kept by a touchpoint of a later phase; a promise made at or after the purchase by a \
touchpoint of the same or a later phase. Phases are ordered as the journey's `phases` list.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0510/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0510/good.journey"))),
};

/// Every promise of the workspace with the phase that makes it.
pub fn promises<'a>(lx: &LintContext<'a>) -> Vec<(PhaseId, Promise<'a>)> {
    let model = lx.model;
    let mut out = Vec::new();
    for (i, p) in model.phases.iter().enumerate() {
        for pr in model.phase_syntax(p).promises() {
            out.push((PhaseId(i as u32), pr));
        }
    }
    out
}

pub fn run(lx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let model = lx.model;
    let mut reported = std::collections::HashSet::new();
    for scope in &lx.scopes {
        if scope.journey.is_none() {
            continue;
        }
        let purchase = scope.purchase_index(model);
        // The last position in the scope at which each promise is kept:
        // one pass over the touchpoints, not one per promise.
        let mut last_kept: rustc_hash::FxHashMap<&str, usize> = Default::default();
        for (i, &q) in scope.phases.iter().enumerate() {
            for t in &model.phase(q).touchpoints {
                for k in &model.touchpoint_syntax(model.touchpoint(*t)).keeps() {
                    last_kept.insert(k.text, i);
                }
            }
        }
        for (i, &p) in scope.phases.iter().enumerate() {
            let phase = model.phase(p);
            let ast = model.phase_syntax(phase);
            for promise in &ast.promises() {
                let before_purchase = purchase.is_none_or(|k| i < k);
                let first_keeper = if before_purchase { i + 1 } else { i };
                let kept = last_kept
                    .get(promise.id.text)
                    .is_some_and(|last| *last >= first_keeper);
                if kept || !reported.insert((phase.head.file, promise.span)) {
                    continue;
                }
                let span = promise
                    .text
                    .as_ref()
                    .map_or(promise.id.span, |t| t.content_span());
                let later = if before_purchase {
                    "a later phase"
                } else {
                    "this or a later phase"
                };
                let mut d = Diagnostic::new(
                    &CODE,
                    phase.head.file,
                    span,
                    format!(
                        "promise `{}` of phase `{}` is kept by no touchpoint of {later}",
                        promise.id.text, ast.id.text
                    ),
                )
                .with_label("promised here")
                .with_secondary(phase.head.file, promise.id.span, "the promise's id")
                .with_help(format!(
                    "add `keeps {}` to the touchpoint of {later} that delivers it",
                    promise.id.text
                ));
                if let Some(k) = purchase.filter(|_| before_purchase) {
                    let pp = model.phase(scope.phases[k]);
                    d = d.with_note(format!(
                        "it is made before the purchase (phase `{}`): the customer buys on it",
                        model.phase_syntax(pp).id.text
                    ));
                }
                out.push(d);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lints::test_util::spans;

    fn journey(keeper_phase: &str, keeps: &str) -> String {
        format!(
            "journey j {{\n  phases info, kauf, nutzung\n}}\n\
             phase info {{\n  kind consideration\n  promise tausch \"Grüße 🎉 – Tausch in 48 Stunden\"\n  touchpoint a {{\n  }}\n}}\n\
             phase kauf {{\n  kind purchase\n  touchpoint b {{\n{}  }}\n}}\n\
             phase nutzung {{\n  kind usage\n  touchpoint c {{\n{}  }}\n}}\n",
            if keeper_phase == "kauf" { keeps } else { "" },
            if keeper_phase == "nutzung" { keeps } else { "" },
        )
    }

    #[test]
    fn promise_without_keeper() {
        assert_eq!(
            spans(&journey("nutzung", ""), "J0510"),
            vec!["Grüße 🎉 – Tausch in 48 Stunden"]
        );
        // Kept only in the same phase is not kept.
        let src = "journey j {\n  phases a, b\n}\nphase a {\n  promise p \"Free returns\"\n  touchpoint t {\n    keeps p\n  }\n}\nphase b {\n  kind purchase\n}\n";
        assert_eq!(spans(src, "J0510"), vec!["Free returns"]);
    }

    #[test]
    fn near_misses() {
        assert!(spans(&journey("nutzung", "    keeps tausch\n"), "J0510").is_empty());
        assert!(spans(&journey("kauf", "    keeps tausch\n"), "J0510").is_empty());
        // After the purchase, the same phase may keep it.
        let src = "journey j {\n  phases a\n}\nphase a {\n  kind purchase\n  promise p \"Free returns\"\n  touchpoint t {\n    keeps p\n  }\n}\n";
        assert!(spans(src, "J0510").is_empty());
        // Phases outside any journey have no order.
        let src = "phase a {\n  promise p \"Free returns\"\n}\n";
        assert!(spans(src, "J0510").is_empty());
    }
}
