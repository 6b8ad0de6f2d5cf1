//! J0505: German copy that mixes the informal Du with the formal Sie.

use super::{describe, LintContext, Piece, Role, Scope};
use crate::model::Def;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity, Span};
use journey_text::register::{dominant, Mark, Register};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0505",
    name: "register-switch",
    default_severity: Severity::Warning,
    opt_in: false,
    summary: "German copy switches between Du and Sie",
    explanation: "German has two ways to address the customer: the informal Du (du, dich, \
dir, dein …) and the formal Sie (Sie, Ihnen, Ihr … capitalised in the middle of a \
sentence). A brand picks one; copy that switches — within one text or between the touchpoints \
of a journey — reads as careless and breaks the relationship the journey builds.

The expected register is taken from journey.toml when it is set — per persona (for the \
touchpoints that serve the persona), per journey, or for everything:

    [messaging]
    register = \"du\"

    [messaging.journeys.b2b]
    register = \"sie\"

    [messaging.personas.joerg]
    register = \"sie\"

Otherwise it is the register the journey mostly uses.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0505/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0505/good.journey"))),
};

/// What a text is expected to use, and why.
#[derive(Clone, Copy)]
enum Expected<'a> {
    /// From journey.toml, at this span of it.
    Configured(Register, Span, &'static str),
    /// What the journey mostly uses; this mark is an example.
    Majority(Register, &'a Piece<'a>, &'a Mark),
}

impl Expected<'_> {
    fn register(&self) -> Register {
        match self {
            Expected::Configured(r, ..) | Expected::Majority(r, ..) => *r,
        }
    }
}

pub fn run(lx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let config_file = lx.cx.workspace.config_file();
    for scope in &lx.scopes {
        let marked: Vec<(&Piece, std::sync::Arc<[Mark]>)> = scope
            .pieces
            .iter()
            .map(|p| (p, lx.texts.marks(&p.text.value, p.lang)))
            .filter(|(_, m)| !m.is_empty())
            .collect();
        if marked.is_empty() {
            continue;
        }
        let all: Vec<Mark> = marked.iter().flat_map(|(_, m)| m.iter().cloned()).collect();
        let majority = dominant(&all).expect("marks are not empty");
        let example = |r: Register| {
            marked
                .iter()
                .find_map(|(p, ms)| ms.iter().find(|m| m.register == r).map(|m| (*p, m)))
        };
        let scope_expected = scope_register(lx, scope);
        for (piece, ms) in &marked {
            let expected = piece_register(lx, piece)
                .or(scope_expected)
                .map(|(r, span, why)| Expected::Configured(r, span, why))
                .unwrap_or_else(|| {
                    let (p, m) = example(majority).expect("the majority has a mark");
                    Expected::Majority(majority, p, m)
                });
            let want = expected.register();
            let wrong: Vec<&Mark> = ms.iter().filter(|m| m.register != want).collect();
            let Some(first) = wrong.first() else {
                continue;
            };
            let mixed = ms.iter().any(|m| m.register == want);
            let word = &piece.text.value[first.range.clone()];
            let message = if mixed {
                format!(
                    "{} mixes the {} with the {}",
                    describe(lx.model, piece),
                    want.other().describe(),
                    want.describe()
                )
            } else {
                let whose = match expected {
                    Expected::Configured(..) => "journey.toml asks for",
                    Expected::Majority(..) => "the journey uses",
                };
                format!(
                    "{} uses the {} (`{word}`) where {whose} the {}",
                    describe(lx.model, piece),
                    want.other().describe(),
                    want.describe()
                )
            };
            let mut d =
                Diagnostic::new(&CODE, piece.file, piece.span(first.range.clone()), message)
                    .with_label(format!("{} here", want.other().describe()));
            for m in &wrong[1..] {
                d = d.with_secondary(piece.file, piece.span(m.range.clone()), "and here");
            }
            match expected {
                Expected::Configured(_, span, why) => {
                    if let Some(f) = config_file {
                        d = d.with_secondary(
                            f,
                            span,
                            format!("{why} expects the {}", want.describe()),
                        );
                    } else {
                        d = d.with_note(format!("{why} expects the {}", want.describe()));
                    }
                }
                Expected::Majority(_, p, m) => {
                    if !(std::ptr::eq(p, *piece) && m.range == first.range) {
                        d = d.with_secondary(
                            p.file,
                            p.span(m.range.clone()),
                            format!("the {} as most of the journey", want.describe()),
                        );
                    }
                }
            }
            d = d.with_help(match want {
                Register::Informal => "address the customer with du/dich/dir/dein throughout",
                Register::Formal => "address the customer with Sie/Ihnen/Ihr throughout",
            });
            out.push(d);
        }
    }
}

/// The register journey.toml sets for the whole scope.
fn scope_register(lx: &LintContext<'_>, scope: &Scope) -> Option<(Register, Span, &'static str)> {
    if let Some(j) = scope.journey {
        let id = lx.model.journey(j).head.id();
        if let Some(r) = lx.config.journey_register.get(id) {
            return Some((r.value, r.span, "journey.toml for this journey"));
        }
    }
    lx.config
        .register
        .as_ref()
        .map(|r| (r.value, r.span, "journey.toml"))
}

/// The register journey.toml sets for the personas a touchpoint serves.
fn piece_register(lx: &LintContext<'_>, piece: &Piece) -> Option<(Register, Span, &'static str)> {
    let (Role::Copy | Role::Disclaimer, Def::Touchpoint(t)) = (piece.role, piece.owner) else {
        return None;
    };
    lx.model.touchpoint(t).serves.iter().find_map(|p| {
        let id = lx.model.persona(*p).head.id();
        lx.config.persona_register.get(id).map(|r| {
            (
                r.value,
                r.span,
                "journey.toml for this touchpoint's persona",
            )
        })
    })
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::findings;
    use crate::lints::test_util::{at, spans, with_config};

    const SRC: &str = "journey j {\n  value \"Dein Rad, immer fahrbereit\"\n  phases a\n}\nphase a {\n  message \"Dein Rad bei dir\"\n  touchpoint t {\n    says \"Grüße 🎉 – bestellen Sie jetzt\"\n  }\n}\n";

    #[test]
    fn formal_in_an_informal_journey() {
        assert_eq!(spans(SRC, "J0505"), vec!["Sie"]);
        let d = &findings(SRC, "J0505")[0];
        assert_eq!(&SRC[d.secondary[0].span.range()], "Dein");
    }

    #[test]
    fn mixed_inside_one_text() {
        let src = "phase a {\n  message \"Hol dir deine Jacke, bevor Sie ausverkauft ist und Ihnen fehlt\"\n}\n";
        let ds = findings(src, "J0505");
        assert_eq!(ds.len(), 1);
        assert_eq!(&src[ds[0].span().range()], "Sie");
        assert_eq!(&src[ds[0].secondary[0].span.range()], "Ihnen");
        assert!(ds[0].message.contains("mixes"), "{}", ds[0].message);
    }

    #[test]
    fn configured_register_wins_over_the_majority() {
        let ws = with_config(SRC, "[messaging]\nregister = \"sie\"\n");
        let found: Vec<String> = at(&ws, "J0505").into_iter().map(|(t, _)| t).collect();
        assert_eq!(found, vec!["Dein", "Dein"]);
        let (_, d) = &at(&ws, "J0505")[0];
        assert!(
            d.secondary.iter().any(|l| l.file != d.file()),
            "points into journey.toml"
        );
    }

    #[test]
    fn persona_register_for_its_touchpoints() {
        let src = "persona jo {\n}\nphase a {\n  message \"Dein Rad\"\n  touchpoint t {\n    serves jo\n    says \"Ihr Rad, wann Sie wollen\"\n  }\n}\n";
        let ws = with_config(src, "[messaging.personas.jo]\nregister = \"sie\"\n");
        assert!(at(&ws, "J0505").is_empty(), "{:?}", at(&ws, "J0505"));
        let ws = with_config(src, "[messaging]\nregister = \"du\"\n");
        let found: Vec<String> = at(&ws, "J0505").into_iter().map(|(t, _)| t).collect();
        assert_eq!(found, vec!["Sie"]);
    }

    #[test]
    fn near_misses() {
        // Sie at a sentence start may be "she"; lower-case sie is "they".
        let src = "phase a {\n  message \"Dein Rad. Sie ist schnell, und wir lieben sie\"\n}\n";
        assert!(spans(src, "J0505").is_empty());
        // English has no register.
        let src = "phase a {\n  message \"Your bike, whenever you want\"\n}\n";
        assert!(spans(src, "J0505").is_empty());
        // A consistent formal journey.
        let src = "phase a {\n  message \"Bestellen Sie jetzt, wir liefern Ihnen alles\"\n}\n";
        assert!(spans(src, "J0505").is_empty());
    }
}
