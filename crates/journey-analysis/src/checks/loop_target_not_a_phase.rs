//! J0402 `loop-target-not-a-phase`: `loop a -> b` names something that is
//! not a phase of the journey.

use super::{suggest, Context};
use crate::model::{DefKind, JourneyId, PhaseSlot};
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0402",
    name: "loop-target-not-a-phase",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "a `loop` names something that is not a phase of its journey",
    explanation: "`loop from -> to` makes a journey a cycle: after phase `from`, customers \
continue with phase `to` (loyal customers come back to a new awareness). Both ends must be \
phases listed in the journey's own `phases` — a loop into a touchpoint, an undefined name or \
a phase of another journey describes no path anyone can follow.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0402/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0402/good.journey"))),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    for (ji, j) in m.journeys.iter().enumerate() {
        let id = JourneyId(ji as u32);
        let Some(l) = &j.loop_back else { continue };
        let listed: Vec<&str> = j.phases.iter().map(|s| s.name.text.as_str()).collect();
        for (slot, end) in [(&l.from, "start"), (&l.to, "target")] {
            let PhaseSlot { name, phase } = slot;
            let (message, label) = match phase {
                Some(p) if m.phase(*p).journeys.contains(&id) => continue,
                Some(_) => (
                    format!(
                        "loop {end} `{}` is a phase, but not one of journey `{}`",
                        name.text,
                        j.head.id()
                    ),
                    "not in this journey's `phases`".to_string(),
                ),
                None => match DefKind::ALL.iter().find_map(|k| m.lookup(*k, &name.text)) {
                    Some(other) => (
                        format!(
                            "loop {end} `{}` is {}, not a phase",
                            name.text,
                            other.kind().with_article()
                        ),
                        "not a phase".to_string(),
                    ),
                    None => (
                        format!("loop {end} `{}` is not a defined phase", name.text),
                        "no phase has this id".to_string(),
                    ),
                },
            };
            let mut d = Diagnostic::new(&CODE, j.head.file, name.span, message).with_label(label);
            match suggest(&name.text, listed.iter().copied()) {
                Some(s) => {
                    d = d.with_help(format!("did you mean `{s}`?")).with_fix(
                        format!("change to `{s}`"),
                        name.span,
                        s,
                    );
                }
                None => {
                    d = d.with_help(format!(
                        "a loop goes between phases of this journey: {}",
                        super::quoted_list(&listed)
                    ));
                }
            }
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    const PHASES: &str = "phase a \"A\" {\n  touchpoint news \"N\" {\n  }\n}\nphase b \"B\" {\n}\nphase c \"C\" {\n}\n";

    #[test]
    fn touchpoint_undefined_and_foreign_phase() {
        let src = format!("journey j \"J\" {{\n  phases a, b\n  loop news -> c\n}}\n{PHASES}");
        let ds = findings(&src, "J0402");
        let msgs: Vec<&str> = ds.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            msgs,
            vec![
                "loop start `news` is a touchpoint, not a phase",
                "loop target `c` is a phase, but not one of journey `j`"
            ]
        );
        let src = format!("journey j \"J\" {{\n  phases a, b\n  loop b -> aa\n}}\n{PHASES}");
        let ds = findings(&src, "J0402");
        assert_eq!(ds[0].message, "loop target `aa` is not a defined phase");
        assert_eq!(ds[0].fixes[0].edits[0].new_text, "a");
    }

    #[test]
    fn loop_between_listed_phases_is_fine() {
        let src = format!("journey j \"J\" {{\n  phases a, b\n  loop b -> a\n}}\n{PHASES}");
        assert!(findings(&src, "J0402").is_empty());
    }
}
