//! `allow CHECK "reason"`: silencing one check on one definition.
//!
//! An `allow` inside a definition block silences the findings of that
//! check whose primary position lies inside the definition (nested
//! definitions included). The reason is required (J0604), the check must
//! exist (J0602, shared with journey.toml), and an `allow` that silences
//! nothing is reported like rustc's unused allow (J0605), so suppressions
//! do not outlive the problem they hid.

use super::line_removal;
use crate::config::{Config, UNKNOWN_CHECK};
use crate::model::Model;
use crate::Workspace;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, FileId, Severity, Span};
use journey_syntax::view;

pub const ALLOW_WITHOUT_REASON: CodeInfo = CodeInfo {
    code: "J0604",
    name: "allow-without-reason",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "an `allow` does not say why",
    explanation: "`allow CHECK \"reason\"` silences a check for one definition. The reason is \
required: the next reader — or you in a year — must be able to tell a deliberate exception \
from a swept-under-the-rug problem. The `allow` still applies; only the reason is missing.
",
    bad: Some(Example::new(include_str!(
        "../../rule-examples/J0604/bad.journey"
    ))),
    good: Some(Example::new(include_str!(
        "../../rule-examples/J0604/good.journey"
    ))),
};

pub const UNUSED_ALLOW: CodeInfo = CodeInfo {
    code: "J0605",
    name: "unused-allow",
    default_severity: Severity::Warning,
    opt_in: false,
    summary: "an `allow` that silences nothing",
    explanation: "An `allow` whose check finds nothing in the definition is dead weight: the \
problem was fixed, or the allow names the wrong check or sits on the wrong definition. \
Remove it (the fix does), or move it to where the finding is. Allows for checks that \
journey.toml switches off are not reported.
",
    bad: Some(
        Example::new(include_str!("../../rule-examples/J0605/bad.journey"))
            .note("the touchpoint has an owner, nothing to allow:"),
    ),
    good: Some(Example::new(include_str!(
        "../../rule-examples/J0605/good.journey"
    ))),
};

struct Entry<'a> {
    file: FileId,
    scope: Span,
    allow: view::Allow<'a>,
    code: Option<&'static CodeInfo>,
    used: bool,
}

fn is_syntax(code: &CodeInfo) -> bool {
    crate::rules::is_syntax(code.code)
}

/// Drops the findings an `allow` silences and adds the findings about the
/// allows themselves.
pub(crate) fn apply(
    model: &Model,
    config: &Config,
    ws: &Workspace,
    diagnostics: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let mut entries: Vec<Entry<'_>> = Vec::new();
    for def in model.all_defs() {
        let allows = model.allows(def);
        if allows.is_empty() {
            continue;
        }
        let h = model.header(def);
        for allow in allows {
            entries.push(Entry {
                file: h.file,
                scope: h.span,
                code: crate::find_code(&allow.check),
                allow,
                used: false,
            });
        }
    }
    if entries.is_empty() {
        return diagnostics;
    }
    let mut out: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(|d| {
            let mut silenced = false;
            for e in entries.iter_mut() {
                let Some(code) = e.code else { continue };
                if e.file == d.file()
                    && code.code == d.code
                    && !is_syntax(code)
                    && e.scope.start <= d.span().start
                    && d.span().end <= e.scope.end
                {
                    e.used = true;
                    silenced = true;
                }
            }
            !silenced
        })
        .collect();

    for e in &entries {
        let a = &e.allow;
        match e.code {
            None => {
                let names: Vec<&'static str> = crate::all_codes()
                    .iter()
                    .filter(|c| !is_syntax(c))
                    .map(|c| c.name)
                    .collect();
                let mut d = Diagnostic::new(
                    &UNKNOWN_CHECK,
                    e.file,
                    a.check_span,
                    format!("unknown check `{}` in `allow`", a.check),
                )
                .with_label("no check has this code or name");
                d = match super::suggest(&a.check, names.iter().copied()) {
                    Some(s) => d.with_help(format!("did you mean `{s}`?")).with_fix(
                        format!("change to `{s}`"),
                        a.check_span,
                        format!("\"{s}\""),
                    ),
                    None => d.with_help("`journeyc explain` lists every check"),
                };
                out.push(d);
            }
            Some(code) if is_syntax(code) => {
                out.push(
                    Diagnostic::new(
                        &UNKNOWN_CHECK,
                        e.file,
                        a.check_span,
                        format!(
                            "`{}` ({}) is a syntax error and cannot be allowed",
                            a.check,
                            if a.check == code.code {
                                code.name
                            } else {
                                code.code
                            }
                        ),
                    )
                    .with_help("fix the syntax instead"),
                );
            }
            Some(code) => {
                if !e.used && config.is_enabled(code) {
                    let text = ws.file(e.file).map(|f| &*f.source.text).unwrap_or("");
                    out.push(
                        Diagnostic::new(
                            &UNUSED_ALLOW,
                            e.file,
                            a.check_span,
                            format!("`allow {}` silences nothing here", a.check),
                        )
                        .with_label(format!("no `{}` finding in this definition", code.name))
                        .with_fix(
                            "remove the allow",
                            line_removal(text, a.span),
                            "",
                        ),
                    );
                }
            }
        }
        if a.reason.as_ref().is_none_or(|r| r.value.trim().is_empty()) {
            let d = Diagnostic::new(
                &ALLOW_WITHOUT_REASON,
                e.file,
                a.span,
                format!("`allow {}` needs a reason", a.check),
            )
            .with_label("say why this check does not apply here");
            let d = match &a.reason {
                None => d.with_guess_fix(
                    "add a reason",
                    Span::empty(a.check_span.end),
                    " \"TODO: why this check does not apply here\"",
                ),
                Some(_) => d,
            };
            out.push(d.with_help(format!("write it as `allow \"{}\" \"reason\"`", a.check)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    const TP: &str = "phase x \"X\" {\n  message \"M\"\n  touchpoint t \"T\" {\n    ALLOW\n    serves p\n  }\n}\n";

    fn with(allow: &str) -> String {
        format!("{PERSONA}{}", TP.replace("ALLOW", allow))
    }

    fn codes(src: &str) -> Vec<&'static str> {
        workspace(&[("a.journey", src)])
            .diagnostics()
            .iter()
            .map(|d| d.code)
            .collect()
    }

    #[test]
    fn allow_silences_its_check_by_name_or_code() {
        assert_eq!(codes(&with("")), vec!["J0408"]);
        assert!(codes(&with("allow \"touchpoint-without-owner\" \"agency\"")).is_empty());
        assert!(codes(&with("allow J0408 \"agency\"")).is_empty());
        assert!(codes(&with("allow \"touchpoint-without-owner\" \"agency\"")).is_empty());
    }

    #[test]
    fn allow_on_a_phase_covers_its_touchpoints() {
        let src = format!(
            "{PERSONA}phase x \"X\" {{\n  message \"M\"\n  allow \"touchpoint-without-owner\" \"agency\"\n  touchpoint t \"T\" {{\n    serves p\n  }}\n}}\n"
        );
        assert!(codes(&src).is_empty());
    }

    #[test]
    fn missing_reason_unknown_check_and_unused_allow() {
        assert_eq!(
            codes(&with("allow \"touchpoint-without-owner\"")),
            vec!["J0604"]
        );
        let ds = findings(&with("allow \"touchpoint-without-ownr\" \"x\""), "J0602");
        assert_eq!(
            ds[0].help.as_deref(),
            Some("did you mean `touchpoint-without-owner`?")
        );
        let src = with("allow \"persona-not-served\" \"x\"");
        assert_eq!(codes(&src), vec!["J0408", "J0605"]);
        let ds = findings(&src, "J0605");
        let e = &ds[0].fixes[0].edits[0];
        assert_eq!(
            &src[e.span.range()],
            "    allow \"persona-not-served\" \"x\"\n"
        );
    }

    #[test]
    fn syntax_errors_cannot_be_allowed() {
        let ds = findings(&with("allow \"unterminated-string\" \"x\""), "J0602");
        assert!(ds[0].message.contains("syntax error"), "{}", ds[0].message);
    }
}
