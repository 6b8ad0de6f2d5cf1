//! SARIF 2.1.0, the format code-scanning services (GitHub code scanning,
//! Azure DevOps, many IDE plug-ins) import.
//!
//! One run with the tool's rule list (every code it can report, so that a
//! result's rule is always described) and one result per diagnostic.
//! Columns are 1-based Unicode scalar values (`columnKind:
//! unicodeCodePoints`); `endColumn` is exclusive, as SARIF defines it.
//! Secondary labels become `relatedLocations`, fixes become `fixes`.

use crate::{CodeInfo, Diagnostic, FileId, Severity, Sources, Span};
use serde_json::{json, Value};

/// The tool as SARIF names it.
#[derive(Debug, Clone, Copy)]
pub struct SarifTool<'a> {
    pub name: &'a str,
    pub version: &'a str,
    pub information_uri: Option<&'a str>,
    /// Documentation of one rule (`helpUri`), if the tool has any online.
    pub help_uri: Option<fn(&CodeInfo) -> String>,
    /// Whether a rule reports when the configuration says nothing (opt-in
    /// checks do not: `defaultConfiguration.enabled` is false). `None`:
    /// every rule does.
    pub enabled_by_default: Option<fn(&CodeInfo) -> bool>,
}

/// The SARIF `$schema` of version 2.1.0.
pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative path as a URI reference (`/`-separated, percent-encoded);
/// absolute paths become `file://` URIs.
pub fn path_to_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::new();
    let absolute = path.starts_with('/') || path.as_bytes().get(1) == Some(&b':');
    if absolute {
        out.push_str("file://");
        if !path.starts_with('/') {
            out.push('/');
        }
    }
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            b':' if absolute => out.push(':'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn region(sources: &dyn Sources, file: FileId, span: Span) -> Value {
    match sources.source(file) {
        Some(f) => {
            let s = f.line_index.line_col_chars(&f.text, span.start);
            let e = f.line_index.line_col_chars(&f.text, span.end);
            json!({
                "startLine": s.line + 1,
                "startColumn": s.col + 1,
                "endLine": e.line + 1,
                "endColumn": e.col + 1,
            })
        }
        None => json!({ "startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 1 }),
    }
}

fn physical(sources: &dyn Sources, file: FileId, span: Span) -> Value {
    let uri = sources
        .source(file)
        .map(|f| path_to_uri(&f.path))
        .unwrap_or_default();
    json!({
        "artifactLocation": { "uri": uri },
        "region": region(sources, file, span),
    })
}

fn rule(c: &CodeInfo, tool: &SarifTool<'_>) -> Value {
    let document = c.document();
    let mut r = json!({
        "id": c.code,
        "name": c.name,
        "shortDescription": { "text": c.summary },
        "fullDescription": { "text": document, "markdown": document },
        "help": { "text": document, "markdown": document },
        "defaultConfiguration": { "level": level(c.default_severity) },
        "properties": { "tags": [c.name] },
    });
    if let Some(f) = tool.help_uri {
        r["helpUri"] = json!(f(c));
    }
    if tool.enabled_by_default.is_some_and(|f| !f(c)) {
        r["defaultConfiguration"]["enabled"] = json!(false);
    }
    r
}

/// One SARIF result: `index` is its rule's place in the rule list.
fn result(d: &Diagnostic, index: usize, sources: &dyn Sources) -> Value {
    let mut result = json!({
        "ruleId": d.code,
        "ruleIndex": index,
        "level": level(d.severity),
        "message": { "text": d.full_message() },
        "locations": [{ "physicalLocation": physical(sources, d.primary.file, d.primary.span) }],
    });
    if !d.secondary.is_empty() {
        result["relatedLocations"] = Value::Array(
            d.secondary
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    json!({
                        "id": i + 1,
                        "physicalLocation": physical(sources, l.file, l.span),
                        "message": { "text": l.message },
                    })
                })
                .collect(),
        );
    }
    if !d.fixes.is_empty() {
        result["fixes"] = Value::Array(
            d.fixes
                .iter()
                .map(|f| {
                    let mut by_file: Vec<(FileId, Vec<Value>)> = Vec::new();
                    for e in &f.edits {
                        let rep = json!({
                            "deletedRegion": region(sources, e.file, e.span),
                            "insertedContent": { "text": e.new_text },
                        });
                        match by_file.iter_mut().find(|(id, _)| *id == e.file) {
                            Some((_, v)) => v.push(rep),
                            None => by_file.push((e.file, vec![rep])),
                        }
                    }
                    json!({
                        "description": { "text": f.title },
                        "artifactChanges": by_file.into_iter().map(|(file, reps)| json!({
                            "artifactLocation": { "uri": sources.source(file).map(|s| path_to_uri(&s.path)).unwrap_or_default() },
                            "replacements": reps,
                        })).collect::<Vec<_>>(),
                    })
                })
                .collect(),
        );
    }
    result
}

/// The SARIF log of `diagnostics`, describing every code of `rules`.
/// Codes of diagnostics missing from `rules` are described from the
/// diagnostic itself, so that every result has a rule.
pub fn render_sarif(
    diagnostics: &[Diagnostic],
    sources: &dyn Sources,
    rules: &[&CodeInfo],
    tool: &SarifTool<'_>,
) -> String {
    let mut rule_values: Vec<Value> = rules.iter().map(|c| rule(c, tool)).collect();
    let mut ids: std::collections::HashMap<&str, usize> = rules
        .iter()
        .enumerate()
        .rev()
        .map(|(i, c)| (c.code, i))
        .collect();
    // The rule of every result first (unknown codes get a rule of their
    // own), so that the results can be written one at a time.
    let mut indices = Vec::with_capacity(diagnostics.len());
    for d in diagnostics {
        let next = rule_values.len();
        let index = *ids.entry(d.code).or_insert(next);
        if index == next {
            rule_values.push(json!({
                "id": d.code,
                "name": d.name,
                "shortDescription": { "text": d.name },
                "fullDescription": { "text": d.name },
                "defaultConfiguration": { "level": level(d.severity) },
            }));
        }
        indices.push(index);
    }
    let mut driver = json!({
        "name": tool.name,
        "version": tool.version,
        "semanticVersion": tool.version,
        "rules": rule_values,
    });
    if let Some(uri) = tool.information_uri {
        driver["informationUri"] = json!(uri);
    }
    #[derive(serde::Serialize)]
    struct Log<R> {
        #[serde(rename = "$schema")]
        schema: &'static str,
        version: &'static str,
        runs: [Run<R>; 1],
    }
    #[derive(serde::Serialize)]
    struct Run<R> {
        tool: Value,
        #[serde(rename = "columnKind")]
        column_kind: &'static str,
        results: R,
    }
    let log = Log {
        schema: SARIF_SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: json!({ "driver": driver }),
            column_kind: "unicodeCodePoints",
            results: super::LazyArray {
                len: diagnostics.len(),
                element: |i: usize| result(&diagnostics[i], indices[i], sources),
            },
        }],
    };
    super::to_pretty_json(&log, diagnostics.len(), 750)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{SourceFile, SourceMap};

    const RULE: CodeInfo = CodeInfo {
        code: "J9999",
        name: "test-rule",
        default_severity: Severity::Warning,
        opt_in: false,
        summary: "a test rule",
        explanation: "Why.",
        bad: Some(crate::Example::new("x\n")),
        good: Some(crate::Example::new("y\n")),
    };

    #[test]
    fn results_point_at_rules_and_regions() {
        let mut sources = SourceMap::new();
        let f = sources.add(SourceFile::new("dir/my file.journey", "ab\ncdé fg\n"));
        let d = Diagnostic::new(&RULE, f, Span::new(8, 10), "broken")
            .with_severity(Severity::Error)
            .with_secondary(f, Span::new(0, 2), "see here")
            .with_fix("fix it", Span::new(8, 10), "FG");
        let tool = SarifTool {
            name: "journeyc",
            version: "0.1.0",
            information_uri: None,
            help_uri: Some(|c| format!("https://docs.invalid/{}", c.code)),
            enabled_by_default: None,
        };
        let v: Value =
            serde_json::from_str(&render_sarif(&[d], &sources, &[&RULE], &tool)).unwrap();
        assert_eq!(v["version"], "2.1.0");
        let run = &v["runs"][0];
        assert_eq!(run["tool"]["driver"]["rules"][0]["id"], "J9999");
        assert_eq!(
            run["tool"]["driver"]["rules"][0]["defaultConfiguration"]["level"],
            "warning"
        );
        assert_eq!(
            run["tool"]["driver"]["rules"][0]["helpUri"],
            "https://docs.invalid/J9999"
        );
        assert!(run["tool"]["driver"]["rules"][0]["defaultConfiguration"]
            .get("enabled")
            .is_none());
        // A rule that is off unless configured.
        let off = SarifTool {
            enabled_by_default: Some(|c| c.code != "J9999"),
            ..tool
        };
        let v: Value = serde_json::from_str(&render_sarif(&[], &sources, &[&RULE], &off)).unwrap();
        assert_eq!(
            v["runs"][0]["tool"]["driver"]["rules"][0]["defaultConfiguration"]["enabled"],
            false
        );
        let r = &run["results"][0];
        assert_eq!(r["ruleIndex"], 0);
        assert_eq!(r["level"], "error");
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], "dir/my%20file.journey");
        // "cdé fg": `fg` starts at char column 5 (1-based), ends before 7.
        assert_eq!(loc["region"]["startLine"], 2);
        assert_eq!(loc["region"]["startColumn"], 5);
        assert_eq!(loc["region"]["endColumn"], 7);
        assert_eq!(r["relatedLocations"][0]["message"]["text"], "see here");
        assert_eq!(
            r["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"],
            "FG"
        );
    }

    #[test]
    fn unknown_codes_get_a_rule_and_paths_become_uris() {
        let mut sources = SourceMap::new();
        let f = sources.add(SourceFile::new("/abs/ü.journey", "x"));
        let d = Diagnostic::new(&RULE, f, Span::new(0, 1), "m");
        let tool = SarifTool {
            name: "t",
            version: "1",
            information_uri: None,
            help_uri: None,
            enabled_by_default: None,
        };
        let v: Value = serde_json::from_str(&render_sarif(&[d], &sources, &[], &tool)).unwrap();
        assert_eq!(v["runs"][0]["results"][0]["ruleIndex"], 0);
        assert_eq!(v["runs"][0]["tool"]["driver"]["rules"][0]["id"], "J9999");
        assert_eq!(path_to_uri("/abs/ü.journey"), "file:///abs/%C3%BC.journey");
        assert_eq!(path_to_uri("C:\\x\\y.journey"), "file:///C:/x/y.journey");
    }
}
