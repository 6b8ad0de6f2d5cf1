use crate::Severity;

/// The static description of one diagnostic code: what `journeyc explain`
/// prints and what SARIF lists as a rule.
#[derive(Debug, Clone, Copy)]
pub struct CodeInfo {
    /// Stable code, e.g. `J0102`. Never reused for another meaning.
    pub code: &'static str,
    /// Kebab-case name, e.g. `unterminated-string`; accepted wherever a code is.
    pub name: &'static str,
    /// Severity before configuration is applied.
    pub default_severity: Severity,
    /// One line for listings and SARIF `shortDescription`.
    pub summary: &'static str,
    /// Markdown: why it matters, a bad and a good example.
    pub explanation: &'static str,
}

/// A configured level for a code, as written in `journey.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Allow,
    Info,
    Warn,
    Deny,
}

impl Level {
    pub fn parse(s: &str) -> Option<Level> {
        match s {
            "allow" => Some(Level::Allow),
            "info" => Some(Level::Info),
            "warn" => Some(Level::Warn),
            "deny" => Some(Level::Deny),
            _ => None,
        }
    }

    /// The severity a finding gets at this level; `None` silences it.
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Allow => None,
            Level::Info => Some(Severity::Info),
            Level::Warn => Some(Severity::Warning),
            Level::Deny => Some(Severity::Error),
        }
    }
}
