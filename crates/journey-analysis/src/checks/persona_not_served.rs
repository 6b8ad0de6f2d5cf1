//! J0406 `persona-not-served`: no touchpoint serves a persona.

use super::Context;
use crate::model::{Def, DefKind, PersonaId};
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0406",
    name: "persona-not-served",
    default_severity: Severity::Warning,
    opt_in: false,
    summary: "a persona that no touchpoint serves",
    explanation: "A persona stands for a group of real customers. If no touchpoint `serves` it, \
the journey has nothing for them: either the persona is no longer relevant, or the touchpoints \
forgot to say whom they serve. Only reported when the workspace has touchpoints at all (a \
personas file checked on its own is not a gap).
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0406/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0406/good.journey"))),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    if cx.count(DefKind::Touchpoint) == 0 {
        return;
    }
    for (i, p) in m.personas.iter().enumerate() {
        if !p.served_by.is_empty() || m.is_shadowed(Def::Persona(PersonaId(i as u32))) {
            continue;
        }
        let name = p.head.name.as_ref().expect("personas have ids");
        out.push(
            Diagnostic::new(
                &CODE,
                p.head.file,
                name.span,
                format!("no touchpoint serves persona `{}`", name.text),
            )
            .with_label("not in any touchpoint's `serves`")
            .with_help(format!(
                "add `{}` to the `serves` of the touchpoints meant for this persona, or remove the persona",
                name.text
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    #[test]
    fn unserved_persona() {
        let src = "persona a \"A\" {\n}\npersona b \"B\" {\n}\nphase p \"P\" {\n  touchpoint t \"T\" {\n    serves a\n  }\n}\n";
        assert_eq!(spans(src, "J0406"), vec!["b"]);
        assert!(spans("persona b \"B\" {\n}\n", "J0406").is_empty());
    }
}
