//! J0403 `phase-listed-twice`: a journey lists the same phase twice.

use super::Context;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity, Span};
use rustc_hash::FxHashMap;

pub const CODE: CodeInfo = CodeInfo {
    code: "J0403",
    name: "phase-listed-twice",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "a journey lists the same phase twice",
    explanation: "`phases` is the order customers go through. A phase that appears twice makes \
that order ambiguous — which position holds? To return to an earlier phase, use `loop`.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0403/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0403/good.journey"))),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    for j in &m.journeys {
        // The first mention of each name: one pass, however long the list.
        let mut first_at: FxHashMap<&str, usize> = FxHashMap::default();
        for (i, slot) in j.phases.iter().enumerate() {
            let first = *first_at.entry(slot.name.text.as_str()).or_insert(i);
            if first == i {
                continue;
            }
            let first = &j.phases[first];
            let prev_end = j.phases[i - 1].name.span.end;
            out.push(
                Diagnostic::new(
                    &CODE,
                    j.head.file,
                    slot.name.span,
                    format!(
                        "phase `{}` is listed twice in journey `{}`",
                        slot.name.text,
                        j.head.id()
                    ),
                )
                .with_label("listed again here")
                .with_secondary(j.head.file, first.name.span, "first listed here")
                .with_help("to come back to an earlier phase, use `loop LAST -> FIRST`")
                .with_fix(
                    "remove the second mention",
                    Span::new(prev_end, slot.name.span.end),
                    "",
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    #[test]
    fn second_mention_is_reported_and_removable() {
        let src =
            "journey j \"J\" {\n  phases a, b, a\n}\nphase a \"A\" {\n}\nphase b \"B\" {\n}\n";
        let ds = findings(src, "J0403");
        assert_eq!(ds.len(), 1);
        assert_eq!(ds[0].span().start, 31);
        assert_eq!(&src[ds[0].fixes[0].edits[0].span.range()], ", a");
    }

    #[test]
    fn distinct_phases_are_fine() {
        let src = "journey j \"J\" {\n  phases a, b\n}\n";
        assert!(findings(src, "J0403").is_empty());
    }
}
