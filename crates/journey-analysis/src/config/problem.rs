//! Problems in journey.toml, recorded without a file id.
//!
//! One configuration is shown under different file ids — a workspace's
//! slot for journey.toml, the formatter's own source map — and is read
//! before any of them exists. So reading records what is wrong, and the
//! [`Diagnostic`] is built only by [`ConfigProblem::diagnostic`], once
//! the id journey.toml is shown under is known.

use journey_diagnostics::{CodeInfo, Diagnostic, FileId, Severity, Span};

/// What is wrong at one place of journey.toml. Built like a
/// [`Diagnostic`] (`with_*`), minus the file.
#[derive(Debug, Clone)]
pub struct ConfigProblem {
    pub code: &'static CodeInfo,
    pub span: Span,
    pub message: String,
    /// The message at the span; may be empty.
    pub label: String,
    pub help: Option<String>,
    pub fixes: Vec<ConfigFix>,
}

/// A fix that replaces one span of journey.toml.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigFix {
    pub title: String,
    pub span: Span,
    pub new_text: String,
}

impl ConfigProblem {
    pub fn new(code: &'static CodeInfo, span: Span, message: impl Into<String>) -> Self {
        ConfigProblem {
            code,
            span,
            message: message.into(),
            label: String::new(),
            help: None,
            fixes: Vec::new(),
        }
    }

    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_fix(
        mut self,
        title: impl Into<String>,
        span: Span,
        new_text: impl Into<String>,
    ) -> Self {
        self.fixes.push(ConfigFix {
            title: title.into(),
            span,
            new_text: new_text.into(),
        });
        self
    }

    /// The severity before configuration: the code's default.
    pub fn severity(&self) -> Severity {
        self.code.default_severity
    }

    /// The finding, pointing into `file` (the id journey.toml is shown
    /// under).
    pub fn diagnostic(&self, file: FileId) -> Diagnostic {
        let mut d = Diagnostic::new(self.code, file, self.span, self.message.clone())
            .with_label(self.label.clone());
        if let Some(help) = &self.help {
            d = d.with_help(help.clone());
        }
        for f in &self.fixes {
            d = d.with_fix(f.title.clone(), f.span, f.new_text.clone());
        }
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{INVALID_CONFIG, UNKNOWN_CONFIG_KEY};

    #[test]
    fn the_diagnostic_points_into_the_given_file_everywhere() {
        let span = Span::new(3, 7);
        let d = ConfigProblem::new(&UNKNOWN_CONFIG_KEY, span, "unknown key `fromat`")
            .with_label("not a known key")
            .with_help("did you mean `format`?")
            .with_fix("rename to `format`", span, "format")
            .diagnostic(FileId(4));
        assert_eq!((d.file(), d.span()), (FileId(4), span));
        assert_eq!(d.code, UNKNOWN_CONFIG_KEY.code);
        assert_eq!(d.primary.message, "not a known key");
        assert_eq!(d.help.as_deref(), Some("did you mean `format`?"));
        let edit = &d.fixes[0].edits[0];
        assert_eq!(
            (edit.file, edit.span, edit.new_text.as_str()),
            (FileId(4), span, "format")
        );
    }

    #[test]
    fn severity_is_the_codes_default() {
        let p = ConfigProblem::new(&INVALID_CONFIG, Span::empty(0), "broken");
        assert_eq!(p.severity(), INVALID_CONFIG.default_severity);
        assert_eq!(p.diagnostic(FileId(0)).severity, p.severity());
    }
}
