//! Inlay hints: a phase's place in the journey after its name, and the gap
//! between expectation and experience on a touchpoint.

use crate::hover::{number, phase_number, signed_gap};
use crate::Analysis;
use journey_diagnostics::{FileId, Span};
use journey_syntax::view::Score;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InlayKind {
    /// `2 of 7` after a phase's name.
    PhaseNumber,
    /// `gap −2` after the later of a touchpoint's two scores.
    Gap,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlayHint {
    /// Where the hint is shown (between characters).
    pub offset: u32,
    pub label: String,
    pub kind: InlayKind,
    pub tooltip: Option<String>,
}

pub(crate) fn inlay_hints(a: &Analysis, file: FileId, range: Option<Span>) -> Vec<InlayHint> {
    let Some(f) = a.workspace().file(file) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let model = a.index().model();
    for phase in crate::syntax(f).phases() {
        let def = model.definition_at(file, phase.id.span.start);
        if let Some((n, total)) = def.and_then(|d| phase_number(a, d)) {
            out.push(InlayHint {
                offset: phase.id.span.end,
                label: format!("{n} of {total}"),
                kind: InlayKind::PhaseNumber,
                tooltip: Some(format!(
                    "`{}` is phase {n} of {total} in the journey's `phases` list",
                    phase.id.text
                )),
            });
        }
        for t in phase.touchpoints() {
            let (own_exp, own_got) = (t.expectation(), t.experience());
            if let (Some(exp), Some(got)) = (own_exp, own_got) {
                out.push(gap_hint(None, exp, got, exp.span.end.max(got.span.end)));
            }
            // A persona's own line: their gap, with what the line leaves
            // out taken from the touchpoint.
            for p in t.persona_scores() {
                if p.expectation.is_none() && p.experience.is_none() {
                    continue;
                }
                let (Some(exp), Some(got)) = (p.expectation.or(own_exp), p.experience.or(own_got))
                else {
                    continue;
                };
                let at = [p.expectation, p.experience]
                    .into_iter()
                    .flatten()
                    .map(|s| s.span.end)
                    .max()
                    .unwrap_or(p.persona.span.end);
                out.push(gap_hint(Some(p.persona.text), exp, got, at));
            }
        }
    }
    if let Some(r) = range {
        out.retain(|h| r.touches(h.offset));
    }
    out.sort_by_key(|h| h.offset);
    out
}

/// The gap between experience and expectation, for everyone or for one
/// persona.
fn gap_hint(persona: Option<&str>, exp: Score, got: Score, offset: u32) -> InlayHint {
    let gap = got.value - exp.value;
    let whose = persona.map_or(String::new(), |p| format!(" for `{p}`"));
    InlayHint {
        offset,
        label: format!("gap {}", signed_gap(gap)),
        kind: InlayKind::Gap,
        tooltip: Some(format!(
            "experience {} minus expectation {}{whose}: {}",
            number(got.value),
            number(exp.value),
            if gap < 0.0 {
                "the touchpoint disappoints"
            } else if gap > 0.0 {
                "the touchpoint delights"
            } else {
                "the touchpoint meets expectations"
            }
        )),
    }
}

#[cfg(test)]
mod tests {
    use crate::fixture::Fixture;

    #[test]
    fn phase_numbers_and_gaps() {
        let f = Fixture::parse(
            "//- main.journey\njourney j { phases a, b }\n\
             //- phases.journey\nphase b {\n  touchpoint t {\n    expectation 4\n    experience 2\n    for anna experience 4.2\n  }\n  touchpoint u {\n    experience 5\n    expectation 3\n  }\n}\nphase a {}\n",
        );
        let file = f.file("phases.journey");
        let got: Vec<String> = f
            .analysis
            .inlay_hints(file, None)
            .iter()
            .map(|h| {
                let lc = journey_diagnostics::LineIndex::new(f.text(file))
                    .line_col_chars(f.text(file), h.offset);
                format!("{}:{} {}", lc.line + 1, lc.col + 1, h.label)
            })
            .collect();
        assert_eq!(
            got,
            [
                "1:8 2 of 2",
                "4:17 gap −2",
                "5:28 gap +0.2",
                "9:18 gap +2",
                "12:8 1 of 2"
            ]
        );
    }
}
