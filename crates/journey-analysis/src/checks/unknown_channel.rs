//! J0309 `unknown-channel`: a channel the language does not know, used
//! without saying whether it is online or offline.

use super::{suggest, Context};
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};
use journey_syntax::schema::CHANNELS;
use crate::model::Model;
use rustc_hash::FxHashSet;

pub const CODE: CodeInfo = CodeInfo {
    code: "J0309",
    name: "unknown-channel",
    default_severity: Severity::Warning,
    opt_in: false,
    summary: "a channel that is neither a known channel nor declared online or offline",
    explanation: "Touchpoint `channel` and persona `channels` share one vocabulary (web, search, \
social, email, app, phone, store, event … — `journeyc explain` of the guide lists them). \
Channels of your own are welcome, but a touchpoint must then say whether it is `online` or \
`offline` (`channel kiosk offline`): that declares the channel. A persona may use a \
channel of your own once a touchpoint declares it.

What is reported:
- a channel close to a known one (`emial`): almost certainly a typo, even with online/offline;
- a touchpoint channel of your own without `online` or `offline`;
- a persona channel that is neither known nor declared by any touchpoint.

A typo here is not harmless: the channel checks (J0419, J0420) compare personas and \
touchpoints by these names.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0309/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0309/good.journey"))),
};

fn known(name: &str) -> bool {
    CHANNELS.iter().any(|c| c.name == name)
}

/// Channels of one's own, declared by a touchpoint with online/offline.
pub(crate) fn declared_channels(m: &Model) -> FxHashSet<&str> {
    let names: Vec<&str> = CHANNELS.iter().map(|c| c.name).collect();
    let mut declared = FxHashSet::default();
    for t in &m.touchpoints {
        let written = m.touchpoint_syntax(t).channel_statement();
        if let (Some(c), Some(_)) = (written.channel, written.presence) {
            if !known(c.text) && suggest(c.text, names.iter().copied()).is_none() {
                declared.insert(c.text);
            }
        }
    }
    declared
}

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    let names: Vec<&str> = CHANNELS.iter().map(|c| c.name).collect();
    let declared = cx.declared_channels();
    let report = |out: &mut Vec<Diagnostic>, file, name: &journey_syntax::view::Name, why: &str| {
        let mut d = Diagnostic::new(
            &CODE,
            file,
            name.span,
            format!("unknown channel `{}`", name.text),
        )
        .with_label("not a known channel");
        match suggest(name.text, names.iter().copied()) {
            Some(s) => {
                d = d.with_help(format!("did you mean `{s}`?")).with_fix(
                    format!("change to `{s}`"),
                    name.span,
                    s,
                );
            }
            None => d = d.with_help(why.to_string()),
        }
        out.push(d);
    };
    for t in &m.touchpoints {
        let written = m.touchpoint_syntax(t).channel_statement();
        let Some(c) = written.channel else { continue };
        if known(c.text) {
            continue;
        }
        let typo = suggest(c.text, names.iter().copied()).is_some();
        if typo || written.presence.is_none() {
            report(
                out,
                t.head.file,
                &c,
                &format!(
                    "a channel of your own needs `online` or `offline` after it: `channel {} offline`",
                    c.text
                ),
            );
        }
    }
    for p in &m.personas {
        for c in &m.persona_syntax(p).channels() {
            if known(c.text) || declared.contains(c.text) {
                continue;
            }
            report(
                out,
                p.head.file,
                c,
                "use a known channel, or declare this one at a touchpoint with `online` or `offline`",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    #[test]
    fn typos_and_undeclared_channels() {
        let src = "persona p \"P\" {\n  channels emial, kiosk, billboard\n}\nphase x \"X\" {\n  touchpoint t \"T\" {\n    channel webb online\n  }\n  touchpoint u \"U\" {\n    channel kiosk\n  }\n}\n";
        assert_eq!(
            spans(src, "J0309"),
            vec!["emial", "kiosk", "billboard", "webb", "kiosk"]
        );
        let ds = findings(src, "J0309");
        assert_eq!(ds[0].fixes[0].edits[0].new_text, "email");
    }

    #[test]
    fn own_channels_declared_online_or_offline_are_fine() {
        let src = "persona p \"P\" {\n  channels email, kiosk\n}\nphase x \"X\" {\n  touchpoint u \"U\" {\n    channel kiosk offline\n  }\n}\n";
        assert!(findings(src, "J0309").is_empty());
    }
}
