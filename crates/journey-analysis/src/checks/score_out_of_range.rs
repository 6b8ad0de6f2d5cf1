//! J0307 `score-out-of-range`: an expectation or experience score is not 1–5.

use super::Context;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};
use journey_syntax::view::Score;

pub const CODE: CodeInfo = CodeInfo {
    code: "J0307",
    name: "score-out-of-range",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "an expectation or experience score is not a whole number from 1 to 5",
    explanation: "`expectation` and `experience` are scores on one scale, 1 (little / poor) to \
5 (a lot / excellent), so that the gap between them means the same everywhere. A 0, a 10 or \
a 3.5 breaks the comparison with every other touchpoint.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0307/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0307/good.journey"))),
};

/// Whether a score is a whole number from 1 to 5.
pub fn valid(s: &Score) -> bool {
    s.value.fract() == 0.0 && (1.0..=5.0).contains(&s.value)
}

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    for t in &m.touchpoints {
        let ast = m.touchpoint_syntax(t);
        for (what, score) in [
            ("expectation", &ast.expectation()),
            ("experience", &ast.experience()),
        ] {
            let Some(s) = score else { continue };
            if valid(s) {
                continue;
            }
            let text = &cx.text(t.head.file)[s.span.range()];
            let (message, label) = if (1.0..=5.0).contains(&s.value) {
                (
                    format!("`{what} {text}` is not a whole number"),
                    "scores are whole numbers",
                )
            } else {
                (
                    format!("`{what} {text}` is outside the scale of 1 to 5"),
                    "not between 1 and 5",
                )
            };
            let mut d = Diagnostic::new(&CODE, t.head.file, s.span, message)
                .with_label(label)
                .with_help(format!(
                    "use a whole number from 1 ({}) to 5 ({})",
                    if what == "expectation" {
                        "little"
                    } else {
                        "poor"
                    },
                    if what == "expectation" {
                        "a lot"
                    } else {
                        "excellent"
                    }
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
    fn outside_and_fractional_scores() {
        assert_eq!(
            spans(&tp("expectation 0\nexperience 10"), "J0307"),
            vec!["0", "10"]
        );
        assert_eq!(spans(&tp("experience 3.5"), "J0307"), vec!["3.5"]);
        assert_eq!(spans(&tp("experience -1"), "J0307"), vec!["-1"]);
    }

    #[test]
    fn the_whole_scale_is_fine() {
        assert!(spans(&tp("expectation 1\nexperience 5"), "J0307").is_empty());
        assert!(spans(&tp("expectation 5.0\nexperience 3"), "J0307").is_empty());
    }
}
