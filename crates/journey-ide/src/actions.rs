//! Code actions: the fix edits that checks and lints attach to their
//! findings, offered as quick fixes where the finding is.

use crate::{Analysis, FileRange};
use journey_diagnostics::{Diagnostic, TextEdit};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeAction {
    pub title: String,
    /// The finding the action fixes.
    pub diagnostic: Diagnostic,
    pub edits: Vec<TextEdit>,
    /// The only fix of its finding ([`Diagnostic::preferred_fix`]):
    /// editors may apply it with one key.
    pub preferred: bool,
}

pub(crate) fn code_actions(a: &Analysis, range: FileRange) -> Vec<CodeAction> {
    let mut out = Vec::new();
    for d in a.diagnostics() {
        if d.file() != range.file || d.fixes.is_empty() {
            continue;
        }
        let span = d.span();
        let touches = span.start <= range.span.end && range.span.start <= span.end;
        if !touches {
            continue;
        }
        for fix in &d.fixes {
            out.push(CodeAction {
                title: fix.title.clone(),
                diagnostic: d.clone(),
                edits: fix.edits.clone(),
                preferred: d.preferred_fix() == Some(fix),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::fixture::Fixture;

    #[test]
    fn fixes_of_findings_under_the_cursor() {
        let f = Fixture::parse("persona p {\n  role Founder$0\n}\n");
        let pos = f.cursor();
        let actions = f.analysis.code_actions(crate::FileRange {
            file: pos.file,
            span: journey_diagnostics::Span::empty(pos.offset),
        });
        assert_eq!(actions.len(), 1, "{actions:?}");
        assert_eq!(actions[0].title, "put it in quotes");
        assert_eq!(actions[0].edits[0].new_text, "\"Founder\"");
        assert!(actions[0].preferred);
    }

    #[test]
    fn nothing_away_from_findings() {
        let f = Fixture::parse("persona p {\n  role Founder\n}\n$0\n");
        let pos = f.cursor();
        let actions = f.analysis.code_actions(crate::FileRange {
            file: pos.file,
            span: journey_diagnostics::Span::empty(pos.offset),
        });
        assert!(actions.is_empty());
    }
}
