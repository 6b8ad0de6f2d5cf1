//! The checker's findings that a change introduces or resolves.
//!
//! A reviewer approving a new price wants to know that the welcome e-mail
//! still promises the old one: the checker (`journeyc check`) runs on
//! both versions, and the findings only the new version has are
//! "introduced", those only the old one has "resolved". Findings are
//! compared by code and message, not by position (a line inserted above a
//! finding does not move it into the report), and the old version's
//! messages are read with the renames applied (a finding about a renamed
//! touchpoint is the same finding).

use crate::diff::{Change, Detail};
use journey_diagnostics::{Diagnostic, Severity};
use std::collections::HashMap;

/// One finding, as the report shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// `J0504`.
    pub code: &'static str,
    /// `contradicting-claims`.
    pub name: &'static str,
    /// `error` or `warning`.
    pub severity: &'static str,
    pub message: String,
}

/// The findings introduced and resolved by a change, each in the order
/// the checker reports them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Findings {
    pub introduced: Vec<Finding>,
    pub resolved: Vec<Finding>,
}

impl Findings {
    pub fn is_empty(&self) -> bool {
        self.introduced.is_empty() && self.resolved.is_empty()
    }
}

/// Compares the findings of two versions. `changes` gives the renames
/// (old ids named in old messages are read as the new ids). Only errors
/// and warnings count: infos are advice, not problems a change makes.
pub fn compare(old: &[Diagnostic], new: &[Diagnostic], changes: &[Change]) -> Findings {
    let renames: HashMap<&str, &str> = changes
        .iter()
        .filter_map(|c| match &c.detail {
            Detail::Renamed { from, .. } => Some((from.as_str(), c.id.as_str())),
            _ => None,
        })
        .collect();
    let relevant = |d: &&Diagnostic| matches!(d.severity, Severity::Error | Severity::Warning);
    let old: Vec<(String, &Diagnostic)> = old
        .iter()
        .filter(relevant)
        .map(|d| (key(d.code, &rename_ids(&d.message, &renames)), d))
        .collect();
    let new: Vec<(String, &Diagnostic)> = new
        .iter()
        .filter(relevant)
        .map(|d| (key(d.code, &d.message), d))
        .collect();
    Findings {
        introduced: only_in(&new, &old),
        resolved: only_in(&old, &new),
    }
}

/// The findings of `a` that `b` does not have, counting repeats: a
/// second contradiction of the same kind is introduced even when the
/// first one stays.
fn only_in(a: &[(String, &Diagnostic)], b: &[(String, &Diagnostic)]) -> Vec<Finding> {
    let mut left: HashMap<&str, usize> = HashMap::new();
    for (k, _) in b {
        *left.entry(k).or_default() += 1;
    }
    let mut out = Vec::new();
    for (k, d) in a {
        match left.get_mut(k.as_str()) {
            Some(n) if *n > 0 => *n -= 1,
            _ => out.push(Finding {
                code: d.code,
                name: d.name,
                severity: d.severity.as_str(),
                message: d.message.clone(),
            }),
        }
    }
    out
}

/// What identifies a finding across versions: its code and its message
/// without positions (`file.journey:3:5`, `line 3`).
fn key(code: &str, message: &str) -> String {
    format!("{code}|{}", without_positions(message))
}

/// `message` with `:line:column` suffixes and `line N` dropped.
fn without_positions(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(c) = rest.chars().next() {
        let digits_after = |s: &str| s.chars().take_while(char::is_ascii_digit).count();
        if c == ':' && digits_after(&rest[1..]) > 0 {
            // `:12` or `:12:5`
            let mut skip = 1 + digits_after(&rest[1..]);
            if rest[skip..].starts_with(':') && digits_after(&rest[skip + 1..]) > 0 {
                skip += 1 + digits_after(&rest[skip + 1..]);
            }
            rest = &rest[skip..];
            continue;
        }
        if rest.starts_with("line ") && digits_after(&rest[5..]) > 0 {
            rest = &rest[5 + digits_after(&rest[5..])..];
            out.push_str("line");
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// `message` with every whole-word id of `renames` replaced by its new id.
fn rename_ids(message: &str, renames: &HashMap<&str, &str>) -> String {
    if renames.is_empty() {
        return message.to_string();
    }
    let is_id = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    let mut out = String::with_capacity(message.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        out.push_str(renames.get(word.as_str()).copied().unwrap_or(word));
        word.clear();
    };
    for c in message.chars() {
        if is_id(c) {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_not_part_of_a_finding() {
        assert_eq!(
            without_positions("also defined at shop.journey:12:5 and line 40"),
            "also defined at shop.journey and line"
        );
        assert_eq!(without_positions("`24 h` here: ok"), "`24 h` here: ok");
    }

    #[test]
    fn renamed_ids_in_old_messages() {
        let renames = HashMap::from([("anna", "anne")]);
        assert_eq!(
            rename_ids("persona `anna` is not served; `anna_2` is", &renames),
            "persona `anne` is not served; `anna_2` is"
        );
    }
}
