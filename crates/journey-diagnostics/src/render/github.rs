//! GitHub Actions workflow commands: one annotation per finding, shown on
//! the pull request's diff.
//!
//! `::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=CODE::MESSAGE`
//! (`warning` and `notice` for the other severities). Lines and columns are
//! 1-based, columns in Unicode scalar values. Escaping follows GitHub's
//! toolkit: in the message `%`, `\r` and `\n` are percent-encoded; in
//! properties also `:` and `,`.

use crate::{Diagnostic, Severity, Sources};

/// Escapes the message part of a workflow command. Other control
/// characters and bidirectional marks, which the log would show raw, are
/// written as `\u{1b}` first.
pub fn escape_data(s: &str) -> String {
    crate::escape::escape_text(s)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (`file=…`, `title=…`) of a workflow command.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// One workflow command per diagnostic.
pub fn render_github(diagnostics: &[Diagnostic], sources: &dyn Sources) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut props = Vec::new();
        if let Some(f) = sources.source(d.primary.file) {
            let s = f.line_index.line_col_chars(&f.text, d.primary.span.start);
            let e = f.line_index.line_col_chars(&f.text, d.primary.span.end);
            props.push(format!(
                "file={}",
                escape_property(&f.path.replace('\\', "/"))
            ));
            props.push(format!("line={}", s.line + 1));
            props.push(format!("col={}", s.col + 1));
            props.push(format!("endLine={}", e.line + 1));
            props.push(format!("endColumn={}", e.col + 1));
        }
        props.push(format!("title={}", escape_property(d.code)));
        let mut message = format!("{} [{}]", d.message, d.name);
        if let Some(help) = &d.help {
            message.push_str(&format!("\nhelp: {help}"));
        }
        for n in &d.notes {
            message.push_str(&format!("\nnote: {n}"));
        }
        out.push_str(&format!(
            "::{command} {}::{}\n",
            props.join(","),
            escape_data(&message)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CodeInfo, SourceFile, SourceMap, Span};

    const RULE: CodeInfo = CodeInfo {
        code: "J9999",
        name: "test-rule",
        default_severity: Severity::Warning,
        opt_in: false,
        summary: "",
        explanation: "",
        bad: None,
        good: None,
    };

    #[test]
    fn annotation_with_position_and_escapes() {
        let mut sources = SourceMap::new();
        let f = sources.add(SourceFile::new("a,b:c.journey", "one\ntwo three\n"));
        let d =
            Diagnostic::new(&RULE, f, Span::new(8, 13), "100% wrong: a, b\nnext").with_help("do x");
        let out = render_github(&[d], &sources);
        assert_eq!(
            out,
            "::warning file=a%2Cb%3Ac.journey,line=2,col=5,endLine=2,endColumn=10,title=J9999::100%25 wrong: a, b%0Anext [test-rule]%0Ahelp: do x\n"
        );
    }

    #[test]
    fn severities_map_to_commands() {
        let mut sources = SourceMap::new();
        let f = sources.add(SourceFile::new("a.journey", "x"));
        let d = |s| Diagnostic::new(&RULE, f, Span::new(0, 1), "m").with_severity(s);
        let out = render_github(
            &[d(Severity::Error), d(Severity::Warning), d(Severity::Info)],
            &sources,
        );
        let commands: Vec<&str> = out.lines().map(|l| l.split(' ').next().unwrap()).collect();
        assert_eq!(commands, vec!["::error", "::warning", "::notice"]);
    }
}
