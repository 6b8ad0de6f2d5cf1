//! J0308 `unknown-value`: a fixed word (phase kind, state, importance,
//! online/offline, legal basis) that the language does not know.

use super::{quoted_list, suggest, Context};
use journey_diagnostics::{CodeInfo, Diagnostic, Example, FileId, Severity};
use journey_syntax::view::Name;
use journey_syntax::schema::{self, EnumValue};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0308",
    name: "unknown-value",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "a phase kind, state, importance, online/offline or legal basis that does not exist",
    explanation: "Some statements take one of a fixed set of words: `kind` (awareness, \
consideration, decision, purchase, onboarding, usage, loyalty, advocacy, offboarding, \
custom), `state` (current, planned), `importance` (low, medium, high, critical), the \
`online`/`offline` after a channel, and `basis` (consent, contract, legal_obligation, \
vital_interest, public_task, legitimate_interest). Checks build on these words — a \
misspelt `importance hihg` is never required to be monitored — so any other word is an \
error, with the closest valid word as a fix.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0308/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0308/good.journey"))),
};

fn check(out: &mut Vec<Diagnostic>, file: FileId, name: &Name, what: &str, values: &[EnumValue]) {
    // `legitimate-interest`: the syntax already reports the hyphen, with
    // the fix that yields the value.
    if values.iter().any(|v| v.name == name.text) || name.text.contains('-') {
        return;
    }
    let words: Vec<&str> = values.iter().map(|v| v.name).collect();
    let mut d = Diagnostic::new(
        &CODE,
        file,
        name.span,
        format!("unknown {what} `{}`", name.text),
    )
    .with_label(format!("not {} {what}", journey_diagnostics::a_or_an(what)));
    if let Some(english) = journey_syntax::english_for_german(name.text, &words) {
        d = d
            .with_help(format!(
                "values are written in English: `{}` is `{english}`",
                name.text
            ))
            .with_fix(format!("change to `{english}`"), name.span, english);
        out.push(d);
        return;
    }
    match suggest(name.text, words.iter().copied()) {
        Some(s) => {
            d = d.with_help(format!("did you mean `{s}`?")).with_fix(
                format!("change to `{s}`"),
                name.span,
                s,
            );
        }
        None => {
            let last = words.len().saturating_sub(1);
            d = d.with_help(format!(
                "use {} or `{}`",
                quoted_list(&words[..last]).replace(" and ", ", "),
                words[last]
            ));
        }
    }
    out.push(d);
}


pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    for p in &m.phases {
        if let Some(k) = &m.phase_syntax(p).kind() {
            check(out, p.head.file, k, "phase kind", schema::PHASE_KINDS);
        }
    }
    for t in &m.touchpoints {
        let a = m.touchpoint_syntax(t);
        let f = t.head.file;
        if let Some(v) = &a.state() {
            check(out, f, v, "state", schema::STATES);
        }
        if let Some(v) = &a.importance() {
            check(out, f, v, "importance", schema::IMPORTANCE);
        }
        if let Some(v) = &a.presence() {
            check(out, f, v, "online/offline value", schema::PRESENCE);
        }
        if let Some(v) = &a.basis() {
            check(out, f, v, "legal basis", schema::LEGAL_BASES);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    #[test]
    fn every_fixed_word_is_checked() {
        let src = "phase p \"P\" {\n  kind awarness\n  touchpoint t \"T\" {\n    channel web onlin\n    state planed\n    importance hihg\n    basis consnet\n  }\n}\n";
        assert_eq!(
            spans(src, "J0308"),
            vec!["awarness", "onlin", "planed", "hihg", "consnet"]
        );
        let ds = findings(src, "J0308");
        assert_eq!(ds[0].message, "unknown phase kind `awarness`");
        assert_eq!(ds[0].fixes[0].edits[0].new_text, "awareness");
        assert_eq!(ds[3].primary.message, "not an importance");
    }

    #[test]
    fn german_words_are_fixed_to_english_ones() {
        let src = "phase p \"P\" {\n  kind Kauf\n  touchpoint t \"T\" {\n    importance hoch\n    basis einwilligung\n  }\n}\n";
        let ds = findings(src, "J0308");
        let fixed: Vec<&str> = ds
            .iter()
            .map(|d| d.fixes[0].edits[0].new_text.as_str())
            .collect();
        assert_eq!(fixed, vec!["purchase", "high", "consent"]);
        assert_eq!(
            ds[1].help.as_deref(),
            Some("values are written in English: `hoch` is `high`")
        );
    }

    #[test]
    fn valid_words_pass_and_far_words_list_the_choices() {
        let ok = "phase p \"P\" {\n  kind custom\n  touchpoint t \"T\" {\n    channel web online\n    state current\n    importance critical\n    basis legitimate_interest\n  }\n}\n";
        assert!(findings(ok, "J0308").is_empty());
        let ds = findings("phase p \"P\" {\n  kind zzz\n}\n", "J0308");
        assert!(
            ds[0].help.as_deref().unwrap().ends_with("or `custom`"),
            "{:?}",
            ds[0].help
        );
    }
}
