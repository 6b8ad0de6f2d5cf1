//! J0509: superlatives, guarantees and "free" in copy that declares no
//! evidence or disclaimer.

use super::{describe, LintContext, Role};
use crate::model::Def;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0509",
    name: "unbacked-claim",
    default_severity: Severity::Warning,
    opt_in: false,
    summary: "a superlative, guarantee or \"free\" without evidence or disclaimer",
    explanation: "\"The best\", \"#1\", \"guaranteed\", \"garantiert\", \"kostenlos\", \"free\", \
\"100 %\": claims like these must be true and provable — in Germany under the law against \
unfair competition (UWG), elsewhere under advertising codes — and \"free\" almost always has \
conditions. A text that makes such a claim needs its definition (journey, phase or \
touchpoint) to say what backs it (`evidence \"…\"`) or what qualifies it (`disclaimer \"…\"`).
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0509/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0509/good.journey"))),
};

pub fn run(lx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let model = lx.model;
    for piece in lx.all_pieces() {
        if piece.role == Role::Disclaimer {
            continue;
        }
        let backed = match piece.owner {
            Def::Journey(j) => {
                let a = model.journey_syntax(model.journey(j));
                !a.evidence().is_empty() || !a.disclaimers().is_empty()
            }
            Def::Phase(p) => {
                let a = model.phase_syntax(model.phase(p));
                !a.evidence().is_empty() || !a.disclaimers().is_empty()
            }
            Def::Touchpoint(t) => {
                let a = model.touchpoint_syntax(model.touchpoint(t));
                !a.evidence().is_empty() || !a.disclaimers().is_empty()
            }
            _ => true,
        };
        if backed {
            continue;
        }
        let owner = match piece.owner {
            Def::Journey(_) => "journey",
            Def::Phase(_) => "phase",
            _ => "touchpoint",
        };
        for r in lx.texts.risky(&piece.text.value).iter() {
            let word = &piece.text.value[r.range.clone()];
            out.push(
                Diagnostic::new(
                    &CODE,
                    piece.file,
                    piece.span(r.range.clone()),
                    format!(
                        "`{word}` is {} in {}, which declares no evidence or disclaimer",
                        r.kind.describe(),
                        describe(model, &piece)
                    ),
                )
                .with_label(r.kind.describe())
                .with_help(format!(
                    "add `evidence \"…\"` (what proves it) or `disclaimer \"…\"` (its conditions) to the {owner}, or rephrase"
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lints::test_util::spans;

    fn tp(copy: &str, extra: &str) -> String {
        format!("phase a {{\n  message \"x\"\n  touchpoint t {{\n    says \"{copy}\"\n{extra}  }}\n}}\n")
    }

    #[test]
    fn risky_words_in_english_and_german() {
        assert_eq!(
            spans(
                &tp("The best bike in Berlin — free delivery, #1 in tests", ""),
                "J0509"
            ),
            vec!["best", "free", "#1"]
        );
        assert_eq!(
            spans(
                &tp(
                    "Grüße 🎉 – garantiert die günstigste Jacke, Versand kostenlos",
                    ""
                ),
                "J0509"
            ),
            vec!["garantiert", "günstigste", "kostenlos"]
        );
    }

    #[test]
    fn messages_and_values_count_too() {
        let src = "journey j {\n  value \"Die beste Ausrüstung\"\n}\nphase a {\n  message \"Garantiert trocken\"\n  evidence \"Labortest 2026\"\n}\n";
        assert_eq!(spans(src, "J0509"), vec!["beste"]);
    }

    #[test]
    fn near_misses() {
        // Backed by evidence or a disclaimer.
        assert!(spans(
            &tp("The best bike", "    evidence \"Test 2026\"\n"),
            "J0509"
        )
        .is_empty());
        assert!(spans(
            &tp("Versand kostenlos", "    disclaimer \"ab 50 €\"\n"),
            "J0509"
        )
        .is_empty());
        // Idioms are no claims.
        assert!(spans(
            &tp("Am besten bestellst du heute; feel free to ask", ""),
            "J0509"
        )
        .is_empty());
        assert!(spans(&tp("We do our best", ""), "J0509").is_empty());
    }
}
