//! Inlay hints: a phase's place in the journey after its name, and the gap
//! between expectation and experience on a touchpoint.

use crate::hover::{number, phase_number, signed_gap};
use crate::Analysis;
use journey_diagnostics::{FileId, Span};

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
            let (Some(exp), Some(expe)) = (t.expectation(), t.experience()) else {
                continue;
            };
            let gap = expe.value - exp.value;
            let at = exp.span.end.max(expe.span.end);
            out.push(InlayHint {
                offset: at,
                label: format!("gap {}", signed_gap(gap)),
                kind: InlayKind::Gap,
                tooltip: Some(format!(
                    "experience {} minus expectation {}: {}",
                    number(expe.value),
                    number(exp.value),
                    if gap < 0.0 {
                        "the touchpoint disappoints"
                    } else if gap > 0.0 {
                        "the touchpoint delights"
                    } else {
                        "the touchpoint meets expectations"
                    }
                )),
            });
        }
    }
    if let Some(r) = range {
        out.retain(|h| r.touches(h.offset));
    }
    out.sort_by_key(|h| h.offset);
    out
}

#[cfg(test)]
mod tests {
    use crate::fixture::Fixture;

    #[test]
    fn phase_numbers_and_gaps() {
        let f = Fixture::parse(
            "//- main.journey\njourney j { phases a, b }\n\
             //- phases.journey\nphase b {\n  touchpoint t {\n    expectation 4\n    experience 2\n  }\n  touchpoint u {\n    experience 5\n    expectation 3\n  }\n}\nphase a {}\n",
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
            ["1:8 2 of 2", "4:17 gap −2", "8:18 gap +2", "11:8 1 of 2"]
        );
    }
}
