use crate::Severity;

/// The static description of one diagnostic code — everything about it in
/// one place: what `journeyc explain` prints, what SARIF lists as a rule,
/// the level it reports at, and the examples that show it.
#[derive(Debug, Clone, Copy)]
pub struct CodeInfo {
    /// Stable code, e.g. `J0102`. Never reused for another meaning.
    pub code: &'static str,
    /// Kebab-case name, e.g. `unterminated-string`; accepted wherever a code is.
    pub name: &'static str,
    /// Severity before configuration is applied.
    pub default_severity: Severity,
    /// Off unless journey.toml (or the command line) gives it a level.
    pub opt_in: bool,
    /// One line for listings and SARIF `shortDescription`.
    pub summary: &'static str,
    /// Markdown prose: why it matters. The examples are [`CodeInfo::bad`]
    /// and [`CodeInfo::good`]; [`CodeInfo::document`] joins them.
    pub explanation: &'static str,
    /// A complete file that reports this code. A test runs it; only codes
    /// no file can show (a file that is not UTF-8) go without.
    pub bad: Option<Example>,
    /// The same file put right: it does not report this code.
    pub good: Option<Example>,
}

/// A complete example: the file, and the journey.toml or other files it
/// needs to be read as journeyc reads it. Tests check every example, so
/// `journeyc explain` never shows one that does not do what it says.
#[derive(Debug, Clone, Copy)]
pub struct Example {
    /// Prose after `Bad:` / `Good:`, e.g. "a trailing comma promises
    /// another value:"; empty for none.
    pub note: &'static str,
    /// The file's path inside the example workspace.
    pub path: &'static str,
    /// The file's text. A line break at the start is not part of it, so
    /// that a raw string can start on a line of its own; so for
    /// [`Example::config`] and [`Example::files`].
    pub source: &'static str,
    /// The `journey.toml` of the example workspace, if it needs one.
    pub config: Option<&'static str>,
    /// Other files of the workspace (path, text), e.g. the target of an
    /// import.
    pub files: &'static [(&'static str, &'static str)],
    /// Other codes this example reports at warning or above, for examples
    /// (of syntax errors, mostly) that cannot show one problem alone.
    pub also: &'static [&'static str],
}

impl Example {
    /// The path of an example's file unless it says otherwise.
    pub const PATH: &'static str = "example.journey";

    /// An example of one file.
    pub const fn new(source: &'static str) -> Example {
        Example {
            note: "",
            path: Example::PATH,
            source,
            config: None,
            files: &[],
            also: &[],
        }
    }

    /// With prose after `Bad:` / `Good:`.
    pub const fn note(self, note: &'static str) -> Example {
        Example { note, ..self }
    }

    /// With the file at another path (for examples about imports).
    pub const fn path(self, path: &'static str) -> Example {
        Example { path, ..self }
    }

    /// With a `journey.toml`.
    pub const fn config(self, config: &'static str) -> Example {
        Example {
            config: Some(config),
            ..self
        }
    }

    /// With more files in the workspace.
    pub const fn files(self, files: &'static [(&'static str, &'static str)]) -> Example {
        Example { files, ..self }
    }

    /// Also reporting these codes at warning or above.
    pub const fn also(self, also: &'static [&'static str]) -> Example {
        Example { also, ..self }
    }

    /// The file's text (see [`Example::source`]).
    pub fn text(&self) -> &'static str {
        file_text(self.source)
    }

    /// The journey.toml's text, if any.
    pub fn config_text(&self) -> Option<&'static str> {
        self.config.map(file_text)
    }

    /// The other files, path and text.
    pub fn other_files(&self) -> impl Iterator<Item = (&'static str, &'static str)> {
        self.files.iter().map(|(p, t)| (*p, file_text(t)))
    }

    /// Whether it is shown as several files, each under its name.
    fn has_several_files(&self) -> bool {
        self.config.is_some() || !self.files.is_empty() || self.path != Example::PATH
    }

    /// The example as explanations show it: the note, then every file
    /// indented by four spaces (Markdown code), each under `# its name`
    /// when there are several or its name matters.
    pub fn render(&self, heading: &str) -> String {
        let mut out = String::from(heading);
        if self.note.is_empty() {
            out.push(':');
        } else {
            out.push_str(": ");
            out.push_str(self.note);
        }
        out.push_str("\n\n");
        let several = self.has_several_files();
        let mut files: Vec<(&str, &str)> = Vec::new();
        if let Some(config) = self.config_text() {
            files.push(("journey.toml", config));
        }
        files.extend(self.other_files());
        files.push((self.path, self.text()));
        for (i, (path, text)) in files.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            if several {
                out.push_str(&format!("    # {path}\n"));
            }
            for line in text.lines() {
                if line.is_empty() {
                    out.push('\n');
                } else {
                    out.push_str("    ");
                    out.push_str(line);
                    out.push('\n');
                }
            }
        }
        out
    }
}

/// A file's text as written in a declaration: without the line break
/// that lets a raw string start on its own line.
fn file_text(text: &'static str) -> &'static str {
    text.strip_prefix('\n').unwrap_or(text)
}

impl CodeInfo {
    /// The whole explanation in Markdown: the prose, then the bad and the
    /// good example.
    pub fn document(&self) -> String {
        let mut out = self.explanation.to_string();
        for (heading, example) in [("Bad", self.bad), ("Good", self.good)] {
            if let Some(e) = example {
                if !out.ends_with("\n\n") {
                    out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
                }
                out.push_str(&e.render(heading));
            }
        }
        out
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    const CODE: CodeInfo = CodeInfo {
        code: "J9999",
        name: "test-rule",
        default_severity: Severity::Warning,
        opt_in: false,
        summary: "a test rule",
        explanation: "Why it matters.",
        bad: Some(Example::new("\na {\n\n  b\n}\n").note("`b` is wrong here:")),
        good: Some(
            Example::new("c\n")
                .path("dir/c.journey")
                .config("[checks]\nx = \"warn\"\n")
                .files(&[("d.journey", "d\n")]),
        ),
    };

    #[test]
    fn the_document_is_the_prose_then_the_examples_as_markdown_code() {
        assert_eq!(
            CODE.document(),
            "Why it matters.

Bad: `b` is wrong here:

    a {

      b
    }

Good:

    # journey.toml
    [checks]
    x = \"warn\"

    # d.journey
    d

    # dir/c.journey
    c
"
        );
    }
}
