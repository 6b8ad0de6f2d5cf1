//! J0307 `score-out-of-range`: an expectation or experience score is not 1–5.

use super::Context;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};
use journey_syntax::view::{Score, Touchpoint};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0307",
    name: "score-out-of-range",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "a score is not a number from 1 to 5",
    explanation: "`expectation`, `experience`, its `target` and a persona's own scores (`for`) \
are on one scale, 1 (little / poor) to 5 (a lot / excellent), so that the gap between them \
means the same everywhere. Decimals such as a survey average (3.6) are fine; a 0, a 10 or \
a 50 (a percentage?) breaks the comparison with every other touchpoint.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0307/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0307/good.journey"))),
};

/// Whether a score is on the scale, 1 to 5.
pub fn valid(s: &Score) -> bool {
    (1.0..=5.0).contains(&s.value)
}

/// Every score a touchpoint states, with what it scores.
fn scores(t: &Touchpoint<'_>) -> Vec<(&'static str, Score)> {
    let mut out = Vec::new();
    let experience = t.experience_statement();
    let own = [
        ("expectation", t.expectation()),
        ("experience", experience.and_then(|e| e.now)),
        ("target", experience.and_then(|e| e.target)),
    ];
    out.extend(own.into_iter().filter_map(|(w, s)| Some((w, s?))));
    for p in t.persona_scores() {
        let theirs = [
            ("expectation", p.expectation),
            ("experience", p.experience),
            ("target", p.target),
        ];
        out.extend(theirs.into_iter().filter_map(|(w, s)| Some((w, s?))));
    }
    out
}

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    for t in &m.touchpoints {
        let ast = m.touchpoint_syntax(t);
        for (what, s) in scores(&ast) {
            if valid(&s) || s.value.is_nan() {
                continue;
            }
            let text = &cx.text(t.head.file)[s.span.range()];
            let (low, high) = if what == "expectation" {
                ("little", "a lot")
            } else {
                ("poor", "excellent")
            };
            let mut d = Diagnostic::new(
                &CODE,
                t.head.file,
                s.span,
                format!("`{what} {text}` is outside the scale of 1 to 5"),
            )
            .with_label("not between 1 and 5")
            .with_help(format!(
                "use a number from 1 ({low}) to 5 ({high}); decimals such as 3.6 are fine"
            ));
            if s.value > 5.0 {
                d = d.with_guess_fix("use the top of the scale, 5", s.span, "5");
            } else if s.value < 1.0 {
                d = d.with_guess_fix("use the bottom of the scale, 1", s.span, "1");
            }
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    fn tp(body: &str) -> String {
        format!("phase p \"P\" {{\n  touchpoint t \"T\" {{\n{body}\n  }}\n}}\n")
    }

    #[test]
    fn scores_outside_the_scale() {
        assert_eq!(
            spans(&tp("expectation 0\nexperience 10"), "J0307"),
            vec!["0", "10"]
        );
        assert_eq!(spans(&tp("experience 0.9"), "J0307"), vec!["0.9"]);
        assert_eq!(spans(&tp("experience -1"), "J0307"), vec!["-1"]);
    }

    #[test]
    fn targets_and_persona_scores_are_on_the_scale_too() {
        let src = tp("experience 3 target 6\nfor anna expectation 0 experience 4 target 5.5");
        assert_eq!(spans(&src, "J0307"), vec!["6", "0", "5.5"]);
    }

    #[test]
    fn the_whole_scale_is_fine_decimals_included() {
        assert!(spans(&tp("expectation 1\nexperience 5"), "J0307").is_empty());
        assert!(spans(&tp("expectation 5.0\nexperience 3.6 target 4.25"), "J0307").is_empty());
        assert!(spans(&tp("for anna expectation 1.0 experience 4.9"), "J0307").is_empty());
    }
}
