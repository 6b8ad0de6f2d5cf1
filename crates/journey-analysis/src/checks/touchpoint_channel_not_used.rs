//! J0419 `channel-not-used-by-personas`: a touchpoint's channel that none
//! of the personas it serves uses.

use super::Context;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0419",
    name: "channel-not-used-by-personas",
    default_severity: Severity::Info,
    opt_in: false,
    summary: "a touchpoint's channel that none of its personas uses",
    explanation: "Persona `channels` say where these customers can be reached. A touchpoint on a \
channel none of its personas uses probably misses them — a TikTok campaign for personas who \
read trade magazines. Either the touchpoint is on the wrong channel, serves other personas, \
or the personas' channels are incomplete. Personas without `channels` are not judged.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0419/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0419/good.journey"))),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    for t in &m.touchpoints {
        let a = m.touchpoint_syntax(t);
        let Some(channel) = &a.channel() else { continue };
        let judged: Vec<_> = t
            .serves
            .iter()
            .map(|p| m.persona(*p))
            .filter(|p| !m.persona_syntax(p).channels().is_empty())
            .collect();
        if judged.is_empty() {
            continue;
        }
        if judged.iter().any(|p| {
            m.persona_syntax(p)
                .channels()
                .iter()
                .any(|c| c.text == channel.text)
        }) {
            continue;
        }
        let names: Vec<&str> = judged.iter().map(|p| p.head.id()).collect();
        let mut d = Diagnostic::new(
            &CODE,
            t.head.file,
            channel.span,
            format!(
                "channel `{}` of touchpoint `{}` is not a channel of {}",
                channel.text,
                t.head.id(),
                super::quoted_list(&names)
            ),
        )
        .with_label("none of its personas uses this channel")
        .with_help(
            "use a channel these personas use, or add it to their `channels` if they do use it",
        );
        for p in judged.iter().take(3) {
            if let Some(n) = &p.head.name {
                d = d.with_secondary(p.head.file, n.span, format!("persona `{}`", n.text));
            }
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    const PERSONAS: &str = "persona a \"A\" {\n  channels search, email\n}\npersona b \"B\" {\n}\n";

    #[test]
    fn channel_no_persona_uses() {
        let src = format!("{PERSONAS}phase p \"P\" {{\n  touchpoint t \"T\" {{\n    channel social online\n    serves a, b\n  }}\n  touchpoint u \"U\" {{\n    channel email online\n    serves a\n  }}\n  touchpoint v \"V\" {{\n    channel tv offline\n    serves b\n  }}\n}}\n");
        assert_eq!(spans(&src, "J0419"), vec!["social"]);
    }
}
