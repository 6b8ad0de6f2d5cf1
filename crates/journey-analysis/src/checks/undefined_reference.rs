//! J0304 `undefined-reference`: a name is used but never defined.

use super::{Context, Suggester};
use crate::model::{Def, DefKind, RefRole};
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0304",
    name: "undefined-reference",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "a persona, phase or touchpoint is used but never defined",
    explanation: "`serves`, `actor`, `phases`, `via` and `deliverable … via` refer to \
definitions by their id. When no definition of the expected kind has that id — a typo, a \
definition that was renamed or deleted, a file that is not imported — the link is missing \
from the journey: the touchpoint serves nobody, the impact reaches nothing. Names are \
case-sensitive. When one defined name is close, journeyc suggests it and offers the fix.

An `actor` without a title must name a persona; an actor that is not a persona (a \
partner, tax advisors) is a stakeholder and gets a title: `actor tax_advisors \"Tax advisors\" { … }`.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0304/bad.journey")).also(&["J0406"])),
    good: Some(Example::new(include_str!("../../rule-examples/J0304/good.journey"))),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    // The names of each kind, indexed once for all references to it.
    let mut suggesters: Vec<(DefKind, Suggester<'_>)> = Vec::new();
    for r in &m.references {
        if r.target.is_some() || matches!(r.role, RefRole::LoopFrom | RefRole::LoopTo) {
            continue;
        }
        let kind = r.expects();
        let message = match (r.role, r.from) {
            (RefRole::JourneyPhases, Def::Journey(j)) => format!(
                "phase `{}` is listed by journey `{}` but not defined",
                r.name,
                m.journey(j).head.id()
            ),
            _ => format!("undefined {} `{}`", kind.keyword(), r.name),
        };
        let mut d = Diagnostic::new(&CODE, r.file, r.span, message)
            .with_label(format!("no {} has this id", kind.keyword()));
        // The name may be defined as something else.
        if let Some(other) = DefKind::ALL
            .iter()
            .filter(|k| **k != kind)
            .find_map(|k| m.lookup(*k, &r.name))
        {
            let h = m.header(other);
            if let Some(n) = &h.name {
                d = d.with_secondary(
                    h.file,
                    n.span,
                    format!("`{}` is {} here", r.name, other.kind().with_article()),
                );
            }
            d = d.with_note(format!(
                "`{}` is {}, not {}",
                r.name,
                other.kind().with_article(),
                kind.with_article()
            ));
        }
        let suggester = match suggesters.iter().position(|(k, _)| *k == kind) {
            Some(i) => &suggesters[i].1,
            None => {
                suggesters.push((kind, cx.suggester(cx.names_of_kind(kind))));
                &suggesters[suggesters.len() - 1].1
            }
        };
        match suggester.suggest(&r.name) {
            Some(s) => {
                d = d.with_help(format!("did you mean `{s}`?")).with_fix(
                    format!("change to `{s}`"),
                    r.span,
                    s,
                );
            }
            None if r.role == RefRole::Actor => {
                d = d.with_help(format!(
                    "define persona `{0}`, or, if `{0}` is a stakeholder and not a persona, give the actor a title: `actor {0} \"Who they are\" {{`",
                    r.name
                ));
            }
            None => {
                d = d.with_help(format!(
                    "define {} `{}`, or import the file that defines it",
                    kind.keyword(),
                    r.name
                ));
            }
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    const SRC: &str = "persona owner_operator \"O\" {\n  evidence \"x\"\n}\n\
phase p \"P\" {\n  touchpoint t \"T\" {\n    owner team\n    serves owner_operater\n  }\n}\n";

    #[test]
    fn typo_gets_a_suggestion_and_a_fix() {
        let ds = findings(SRC, "J0304");
        assert_eq!(ds.len(), 1);
        assert_eq!(ds[0].message, "undefined persona `owner_operater`");
        assert_eq!(&SRC[ds[0].span().range()], "owner_operater");
        assert_eq!(
            ds[0].help.as_deref(),
            Some("did you mean `owner_operator`?")
        );
        assert_eq!(ds[0].fixes[0].edits[0].new_text, "owner_operator");
    }

    #[test]
    fn forward_references_and_other_files_resolve() {
        let a = "phase p \"P\" {\n  touchpoint t \"T\" {\n    serves later\n  }\n}\n";
        let b = "persona later \"L\" {\n  evidence \"x\"\n}\n";
        assert!(findings_in(&[("a.journey", a), ("b.journey", b)], "J0304").is_empty());
        let one = format!("{a}{b}");
        assert!(findings(&one, "J0304").is_empty());
    }

    #[test]
    fn wrong_kind_is_explained() {
        let src = "phase p \"P\" {\n  touchpoint t \"T\" {\n    serves p\n  }\n}\n";
        let ds = findings(src, "J0304");
        assert_eq!(
            ds[0].notes,
            vec!["`p` is a phase, not a persona".to_string()]
        );
        assert_eq!(ds[0].secondary.len(), 1);
    }

    #[test]
    fn journey_phases_and_actors() {
        let src = "journey j \"J\" {\n  phases a, b\n}\nphase a \"A\" {\n}\n\
goal g \"G\" {\n  actor nobody {\n  }\n  actor partner \"Partners\" {\n  }\n}\n";
        let ds = findings(src, "J0304");
        let msgs: Vec<&str> = ds.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            msgs,
            vec![
                "phase `b` is listed by journey `j` but not defined",
                "undefined persona `nobody`"
            ]
        );
    }

    #[test]
    fn case_matters_but_is_suggested() {
        let src = "persona Anna \"A\" {\n}\ngoal g \"G\" {\n  actor anna {\n  }\n}\n";
        let ds = findings(src, "J0304");
        assert_eq!(ds[0].help.as_deref(), Some("did you mean `Anna`?"));
    }
}
