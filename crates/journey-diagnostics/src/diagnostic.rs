use crate::{CodeInfo, FileId, Span};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// A span in a file with an optional message, e.g. "first defined here".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub file: FileId,
    pub span: Span,
    pub message: String,
}

impl Label {
    pub fn new(file: FileId, span: Span, message: impl Into<String>) -> Self {
        Label {
            file,
            span,
            message: message.into(),
        }
    }
}

/// Replace `span` in `file` by `new_text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextEdit {
    pub file: FileId,
    pub span: Span,
    pub new_text: String,
}

/// A named set of edits that resolves a diagnostic (a quick fix in editors).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<TextEdit>,
    pub applicability: Applicability,
}

/// Whether a fix may be applied without a person looking at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Applicability {
    /// Writes what was meant the way the language wants it (a typo of a
    /// keyword or name, a German date or decimal, quotes): the journey
    /// says the same after it.
    #[default]
    Safe,
    /// Chooses something only the writer knows (a score at the top of
    /// the scale, a legal basis, a persona to serve, a placeholder
    /// reason): offered in the editor, never applied by
    /// `journeyc check --fix`.
    Guess,
}

/// One finding. Build with [`Diagnostic::new`] and the `with_*` methods.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub message: String,
    /// Where the problem is. Its message may be empty.
    pub primary: Label,
    /// Related places (the other definition, the contradicting claim …).
    pub secondary: Vec<Label>,
    pub help: Option<String>,
    pub notes: Vec<String>,
    pub fixes: Vec<Fix>,
}

impl Diagnostic {
    /// A diagnostic with the code's default severity.
    pub fn new(code: &CodeInfo, file: FileId, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            code: code.code,
            name: code.name,
            severity: code.default_severity,
            message: message.into(),
            primary: Label::new(file, span, ""),
            secondary: Vec::new(),
            help: None,
            notes: Vec::new(),
            fixes: Vec::new(),
        }
    }

    pub fn file(&self) -> FileId {
        self.primary.file
    }

    pub fn span(&self) -> Span {
        self.primary.span
    }

    pub fn with_label(mut self, message: impl Into<String>) -> Self {
        self.primary.message = message.into();
        self
    }

    pub fn with_secondary(mut self, file: FileId, span: Span, message: impl Into<String>) -> Self {
        self.secondary.push(Label::new(file, span, message));
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// A fix made of one edit in the primary file.
    pub fn with_fix(
        mut self,
        title: impl Into<String>,
        span: Span,
        new_text: impl Into<String>,
    ) -> Self {
        let file = self.primary.file;
        self.fixes.push(Fix {
            title: title.into(),
            edits: vec![TextEdit {
                file,
                span,
                new_text: new_text.into(),
            }],
            applicability: Applicability::Safe,
        });
        self
    }

    /// A fix that chooses for the writer ([`Applicability::Guess`]).
    pub fn with_guess_fix(
        self,
        title: impl Into<String>,
        span: Span,
        new_text: impl Into<String>,
    ) -> Self {
        let mut d = self.with_fix(title, span, new_text);
        if let Some(fix) = d.fixes.last_mut() {
            fix.applicability = Applicability::Guess;
        }
        d
    }

    /// The fix that may be applied without asking: the finding's only
    /// one, when it is [safe](Applicability::Safe). A finding with several
    /// fixes (`1,500`: one and a half or fifteen hundred?) or with a fix
    /// that guesses (`experience 7` → 5) needs a person to choose. Editors
    /// apply it with one key (the preferred quick fix); `journeyc check
    /// --fix` applies it.
    pub fn preferred_fix(&self) -> Option<&Fix> {
        match self.fixes.as_slice() {
            [only] if only.applicability == Applicability::Safe => Some(only),
            _ => None,
        }
    }

    /// The finding as one text, where only one fits (the language server's
    /// diagnostics, SARIF results): the message, the primary label in
    /// parentheses unless the message says it already, then `help:` and
    /// `note:` lines.
    pub fn full_message(&self) -> String {
        let mut text = self.message.clone();
        if !self.primary.message.is_empty() && !text.contains(&self.primary.message) {
            text.push_str(&format!(" ({})", self.primary.message));
        }
        if let Some(help) = &self.help {
            text.push_str(&format!("\nhelp: {help}"));
        }
        for note in &self.notes {
            text.push_str(&format!("\nnote: {note}"));
        }
        text
    }

    /// Stable order for output: file, position, then code.
    pub fn sort_key(&self) -> (FileId, u32, u32, &'static str) {
        (
            self.primary.file,
            self.primary.span.start,
            self.primary.span.end,
            self.code,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CODE: CodeInfo = CodeInfo {
        code: "J9999",
        name: "test-rule",
        default_severity: Severity::Warning,
        opt_in: false,
        summary: "a test rule",
        explanation: "Why.",
        bad: None,
        good: None,
    };

    #[test]
    fn full_message_adds_the_label_once_then_help_and_notes() {
        let d = Diagnostic::new(&CODE, FileId(0), Span::new(0, 1), "unknown keyword `neds`")
            .with_label("unknown keyword")
            .with_help("did you mean `needs`?")
            .with_note("n");
        assert_eq!(
            d.full_message(),
            "unknown keyword `neds`\nhelp: did you mean `needs`?\nnote: n"
        );
        let d = Diagnostic::new(
            &CODE,
            FileId(0),
            Span::new(0, 1),
            "touchpoint `t` has no owner",
        )
        .with_label("no `owner`");
        assert_eq!(d.full_message(), "touchpoint `t` has no owner (no `owner`)");
    }
}
