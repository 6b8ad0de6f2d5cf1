//! J0425 `path-leaves-persona`: `next` leads to a touchpoint that serves
//! none of this touchpoint's personas.

use super::Context;
use crate::model::{Def, DefKind};
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0425",
    name: "path-leaves-persona",
    default_severity: Severity::Warning,
    opt_in: false,
    summary: "the customer's path leads to a touchpoint for other personas",
    explanation: "`next` draws the customer's path: from this touchpoint the customer goes on to \
the next one. If the next touchpoint serves none of the personas this one serves, no \
customer of this touchpoint is expected there: the path breaks, or a persona is missing \
from one of the two `serves` lists.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0425/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0425/good.journey"))),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    for t in &m.touchpoints {
        if t.serves.is_empty() || t.next.is_empty() {
            continue;
        }
        let a = m.touchpoint_syntax(t);
        for name in a.next() {
            let Some(Def::Touchpoint(to)) = m.lookup(DefKind::Touchpoint, name.text) else {
                continue;
            };
            let next = m.touchpoint(to);
            if next.serves.is_empty() || next.serves.iter().any(|p| t.serves.contains(p)) {
                continue;
            }
            let personas = |ps: &[crate::model::PersonaId]| {
                ps.iter()
                    .map(|p| format!("`{}`", m.persona(*p).head.id()))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let mut d = Diagnostic::new(
                &CODE,
                t.head.file,
                name.span,
                format!(
                    "the path from `{}` leads to `{}`, which serves none of its personas",
                    a.id.text, name.text
                ),
            )
            .with_label(format!("serves {}", personas(&next.serves)))
            .with_help(format!(
                "`{}` serves {}: add one of them to `{}`'s `serves`, or lead the path elsewhere",
                a.id.text,
                personas(&t.serves),
                name.text
            ));
            if let Some(n) = &next.head.name {
                d = d.with_secondary(next.head.file, n.span, "defined here");
            }
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    fn src(next_serves: &str) -> String {
        format!(
            "persona anna \"A\" {{}}\npersona ben \"B\" {{}}\nphase p \"P\" {{\n  touchpoint ad \"Ad\" {{\n    serves anna\n    next shop\n  }}\n  touchpoint shop \"Shop\" {{\n    serves {next_serves}\n  }}\n}}\n"
        )
    }

    #[test]
    fn a_path_to_other_personas() {
        assert_eq!(spans(&src("ben"), "J0425"), vec!["shop"]);
    }

    #[test]
    fn a_path_that_keeps_a_persona() {
        assert!(spans(&src("ben, anna"), "J0425").is_empty());
    }
}
