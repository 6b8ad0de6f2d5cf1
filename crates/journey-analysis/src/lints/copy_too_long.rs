//! J0511: copy longer than its channel allows.

use super::LintContext;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};
use journey_text::length::{char_count, overflow};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0511",
    name: "copy-too-long",
    default_severity: Severity::Warning,
    opt_in: false,
    summary: "copy longer than its channel allows",
    explanation: "Channels cut text: an SMS holds 160 characters (70 once it contains an emoji \
or another character outside the GSM alphabet), a post on X 280, a search or display ad \
headline about 90. Copy beyond the limit is cut off or costs a second message. journeyc \
counts characters, not bytes, and points at the part that does not fit.

Limits per channel are set in journey.toml (0 means no limit):

    [messaging.copy_limits]
    sms = 160
    social = 280
    ads = 90
    search = 90
    outdoor = 60
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0511/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0511/good.journey"))),
};

pub fn run(lx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let model = lx.model;
    for t in &model.touchpoints {
        let ast = model.touchpoint_syntax(t);
        let Some(channel) = &ast.channel() else {
            continue;
        };
        for s in &ast.says() {
            let Some(limit) = lx.config.copy_limit(channel.text, &s.value) else {
                continue;
            };
            let Some(extra) = overflow(&s.value, limit) else {
                continue;
            };
            let len = char_count(&s.value);
            let unicode_sms =
                channel.text == "sms" && limit == 70 && !lx.config.copy_limits.contains_key("sms");
            let mut d = Diagnostic::new(
                &CODE,
                t.head.file,
                s.source_span(extra),
                format!(
                    "the copy is {len} characters long; `{}` allows {limit}",
                    channel.text
                ),
            )
            .with_label(format!("beyond {limit} characters"))
            .with_secondary(t.head.file, channel.span, "the channel")
            .with_help(format!("shorten it by {} characters", len - limit));
            if unicode_sms {
                d = d.with_note(
                    "an SMS with emoji or characters outside the GSM alphabet holds 70 characters, not 160",
                );
            }
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lints::test_util::{at, spans, with_config};

    fn sms(copy: &str) -> String {
        format!("phase a {{\n  touchpoint t {{\n    channel sms\n    says \"{copy}\"\n  }}\n}}\n")
    }

    #[test]
    fn sms_over_160_points_at_the_overflow() {
        let copy = format!("{}{}", "a".repeat(160), "Überhang");
        assert_eq!(spans(&sms(&copy), "J0511"), vec!["Überhang"]);
    }

    #[test]
    fn sms_with_emoji_holds_70() {
        let copy = format!("Grüße 🎉 {}ENDE", "x".repeat(62));
        assert_eq!(spans(&sms(&copy), "J0511"), vec!["ENDE"]);
    }

    #[test]
    fn configured_limits() {
        let src =
            "phase a {\n  touchpoint t {\n    channel email\n    says \"Hallo Welt\"\n  }\n}\n";
        let ws = with_config(src, "[messaging.copy_limits]\nemail = 5\n");
        let found: Vec<String> = at(&ws, "J0511").into_iter().map(|(t, _)| t).collect();
        assert_eq!(found, vec![" Welt"]);
        let ws = with_config(&sms(&"a".repeat(200)), "[messaging.copy_limits]\nsms = 0\n");
        assert!(at(&ws, "J0511").is_empty());
    }

    #[test]
    fn near_misses() {
        assert!(spans(&sms(&"a".repeat(160)), "J0511").is_empty());
        assert!(spans(&sms(&format!("🎉{}", "a".repeat(69))), "J0511").is_empty());
        // E-mail has no default limit.
        let src = format!(
            "phase a {{\n  touchpoint t {{\n    channel email\n    says \"{}\"\n  }}\n}}\n",
            "a".repeat(500)
        );
        assert!(spans(&src, "J0511").is_empty());
    }
}
