//! What `journeyc explain` says about a code. The command line prints it,
//! the language server answers `journeyc/explain` with it and shows it on
//! hover over a finding: one text, so that they never disagree (about an
//! opt-in check being off, for one).

use journey_diagnostics::{CodeInfo, Severity};

/// The explanation of one code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    pub code: &'static str,
    pub name: &'static str,
    pub summary: &'static str,
    /// The level when journey.toml says nothing: `error`, `warning`,
    /// `info`, or `off` for a check that only reports when enabled.
    pub default_level: &'static str,
    /// Markdown: why it matters, then the bad and the good example (which
    /// tests prove: each shows what it says).
    pub body: String,
}

/// The level `code` reports at when journey.toml says nothing, as a word:
/// what level resolution ([`crate::Config::severity_of`]) gives it under
/// an empty configuration.
pub fn default_level_name(code: &CodeInfo) -> &'static str {
    crate::Config::default()
        .severity_of(code.code, code.default_severity)
        .map_or("off", Severity::as_str)
}

impl Explanation {
    pub fn of(code: &'static CodeInfo) -> Explanation {
        Explanation {
            code: code.code,
            name: code.name,
            summary: code.summary,
            default_level: default_level_name(code),
            body: code.document(),
        }
    }

    /// `J0102 (unterminated-string): summary`.
    pub fn heading(&self) -> String {
        format!("{} ({}): {}", self.code, self.name, self.summary)
    }

    /// The default level, with how to turn the check on when it is off.
    pub fn default_line(&self) -> String {
        if self.default_level == "off" {
            format!(
                "off; enable it in journey.toml, e.g. `{} = \"warn\"` under [checks]",
                self.name
            )
        } else {
            self.default_level.to_string()
        }
    }

    /// The whole text `journeyc explain CODE` prints.
    pub fn text(&self) -> String {
        format!(
            "{}\ndefault severity: {}\n\n{}",
            self.heading(),
            self.default_line(),
            self.body
        )
    }
}

/// The explanation of a code or name (`J0102`, `unterminated-string`).
pub fn explain(query: &str) -> Option<Explanation> {
    crate::find_code(query.trim()).map(Explanation::of)
}

/// The code or name closest to an unknown `query` (`J0480` → `J0408`,
/// `touchpoint-without-owners` → `touchpoint-without-owner`), for "did you
/// mean" in the command line and the language server alike.
pub fn closest_code(query: &str) -> Option<&'static str> {
    let names: Vec<&'static str> = crate::all_codes()
        .iter()
        .flat_map(|c| [c.code, c.name])
        .collect();
    journey_syntax::closest(query.trim(), &names)
}

/// The list `journeyc explain` prints without a code: one line per code
/// with its default level, name and summary.
pub fn code_list() -> String {
    let mut text = String::new();
    for c in crate::all_codes() {
        text.push_str(&format!(
            "{}  {:<8} {:<28} {}\n",
            c.code,
            default_level_name(c),
            c.name,
            c.summary
        ));
    }
    text
}

/// `docs/codes.md`: every code's explanation as Markdown, each under an
/// anchor named by its code — where the language server's links point
/// (`…/docs/codes.md#J0408`). Generated from the same declarations as
/// `journeyc explain`; a test keeps the file current.
pub fn codes_markdown() -> String {
    let mut out = String::from(
        "# Diagnostic codes\n\n\
         Every code journeyc reports, with why it matters and a bad and a good \
         example (tests prove each: the bad one reports the code, the good one \
         does not). `journeyc explain CODE` prints the same text.\n\n\
         This file is generated: `UPDATE_README=1 cargo test -p journey-analysis \
         --test readme` rewrites it.\n",
    );
    for c in crate::all_codes() {
        let e = Explanation::of(c);
        out.push_str(&format!(
            "\n<a id=\"{code}\"></a>\n\n## {code} `{name}`\n\n{summary}. Default: {level}.\n\n{body}",
            code = e.code,
            name = e.name,
            summary = capitalised(e.summary),
            level = e.default_line(),
            body = e.body,
        ));
        if !out.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

/// `text` with its first letter upper-case, for a sentence.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opt_in_checks_are_off_by_default() {
        let opt_in: Vec<&str> = crate::rules::all()
            .filter(|r| r.code.opt_in)
            .map(|r| r.code.code)
            .collect();
        assert!(opt_in.contains(&"J0422"), "{opt_in:?}");
        for code in crate::all_codes() {
            let e = Explanation::of(code);
            if opt_in.contains(&code.code) {
                assert_eq!(e.default_level, "off");
                assert!(e.text().contains(&format!(
                    "default severity: off; enable it in journey.toml, e.g. `{} = \"warn\"`",
                    code.name
                )));
            } else {
                assert_eq!(e.default_level, code.default_severity.as_str());
            }
        }
    }

    #[test]
    fn the_body_is_the_prose_and_the_examples() {
        let e = explain("J0408").unwrap();
        let code = crate::find_code("J0408").unwrap();
        assert!(e.body.starts_with(code.explanation));
        assert!(
            e.body.contains("\nBad:\n\n    persona sabine"),
            "{}",
            e.body
        );
        assert!(e.body.contains("\nGood:\n\n"), "{}", e.body);
    }

    #[test]
    fn the_text_and_the_list() {
        let e = explain(" unterminated-string ").unwrap();
        assert_eq!(e.code, "J0102");
        assert!(e.text().starts_with("J0102 (unterminated-string): "));
        assert!(e.text().contains("\ndefault severity: error\n\n"));
        assert!(explain("J9999").is_none());
        let list = code_list();
        assert_eq!(list.lines().count(), crate::all_codes().len());
        assert!(list.lines().any(|l| l.starts_with("J0422  off ")), "{list}");
    }

    #[test]
    fn a_mistyped_code_or_name_finds_the_nearest_one() {
        assert_eq!(closest_code("J0480"), Some("J0408"));
        assert_eq!(
            closest_code("touchpoint-without-owners"),
            Some("touchpoint-without-owner")
        );
        assert_eq!(closest_code("zzzzzzzzzzzzzzzzzzzzzzzz"), None);
    }
}
