//! J0502: a core message that shares no content word with the value
//! proposition and does not say what it supports.

use super::{comparable, LintContext};
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};
use journey_text::content::first_shared;

pub const CODE: CodeInfo = CodeInfo {
    code: "J0502",
    name: "untraced-core-message",
    default_severity: Severity::Warning,
    opt_in: false,
    summary: "a core message that cannot be traced to the value proposition",
    explanation: "Core messages derive from the value proposition: each phase tells one part \
of the same promise. A message that shares no content word with the value proposition \
(compared after removing stop words and reducing words to their stems, in German and \
English) has most likely drifted away from it — or the value proposition is out of date. \
A message in another language than every value proposition is taken for a translation and \
not reported.

When the link is real but not visible in the words, say so with `supports`: the id of a \
promise, goal or impact the message serves, or the part of the value proposition it \
derives from, in quotes.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0502/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0502/good.journey"))),
};

pub fn run(lx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let model = lx.model;
    for (i, p) in model.phases.iter().enumerate() {
        let ast = model.phase_syntax(p);
        let Some(message) = &ast.message() else {
            continue;
        };
        if !ast.supports().is_empty() || message.value.trim().is_empty() {
            continue;
        }
        let id = crate::model::PhaseId(i as u32);
        let values = lx.values_of(id);
        if values.is_empty() {
            continue;
        }
        let texts = &lx.texts;
        let own = texts.language(&message.value);
        let lang = own.or(lx.lang_of(id));
        let words = texts.content_words(&message.value, lang);
        let traced = values
            .iter()
            .any(|(_, v)| first_shared(&words, &texts.content_words(&v.value, lang)).is_some());
        // A message that shares no word only with value propositions in
        // another language translates them.
        let comparable_somewhere = values
            .iter()
            .any(|(_, v)| comparable(own, texts.language(&v.value)));
        if traced || !comparable_somewhere {
            continue;
        }
        let (vfile, value) = &values[0];
        out.push(
            Diagnostic::new(
                &CODE,
                p.head.file,
                message.content_span(),
                format!(
                    "the core message of phase `{}` shares no word with the value proposition",
                    ast.id.text
                ),
            )
            .with_label("no content word of the value proposition here")
            .with_secondary(*vfile, value.content_span(), "the value proposition")
            .with_help(
                "use the words of the value proposition, or say what the message supports: \
                 `supports \"…\"` (a part of the value proposition) or `supports ID` (a promise, goal or impact)",
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::lints::test_util::spans;

    fn case(value: &str, message: &str, extra: &str) -> Vec<String> {
        let src = format!(
            "journey j {{\n  value \"{value}\"\n  phases a\n}}\nphase a {{\n  message \"{message}\"\n{extra}}}\n"
        );
        spans(&src, "J0502")
    }

    #[test]
    fn english_and_german_without_shared_words() {
        assert_eq!(
            case(
                "A serviced bike at your door",
                "Join the coolest community",
                ""
            ),
            vec!["Join the coolest community"]
        );
        assert_eq!(
            case("Ausrüstung, die hält", "Wir sind für dich da 🎉", ""),
            vec!["Wir sind für dich da 🎉"]
        );
    }

    #[test]
    fn near_misses() {
        // Inflection and compounds connect the words.
        assert!(case("Ausrüstung, die hält", "Die Ausrüstungen halten ewig", "").is_empty());
        assert!(case("Serviced bikes for everyone", "Your bike, serviced", "").is_empty());
        assert!(case("Touren für alle", "Tourenvideos für dich", "").is_empty());
        // `supports` declares the link.
        assert!(case(
            "A bike at your door",
            "Join the community",
            "  supports \"at your door\"\n"
        )
        .is_empty());
        // A message in another language than the value proposition is a
        // translation: it cannot be read against it word by word.
        assert!(case(
            "Measurable marketing for small teams",
            "Ihre erste Kampagne läuft in zwei Wochen",
            ""
        )
        .is_empty());
        // Without a value proposition there is nothing to trace to.
        let src = "phase a {\n  message \"Anything\"\n}\n";
        assert!(spans(src, "J0502").is_empty());
    }
}
