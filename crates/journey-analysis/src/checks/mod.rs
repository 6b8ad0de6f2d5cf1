//! The semantic checks.
//!
//! Each check is one module with its [`CodeInfo`] (stable code, kebab-case
//! name, default level, the explanation `journeyc explain` prints and its
//! bad and good example), a `run` function that reads the [`Model`] and
//! reports findings, and its unit tests. The `declare_rules!` list below
//! declares each module and lists it in [`RULES`]; adding a check means
//! adding its file and one line there.
//!
//! [`CodeInfo`]: journey_diagnostics::CodeInfo
//!
//! Checks only report. Levels from `journey.toml` and `allow` suppressions
//! are applied afterwards, by [`crate::analysis`], to every finding alike.

pub mod score_pairs;
pub mod suppression;

crate::rules::declare_rules!(
    Check:
    import_not_found,
    import_cycle,
    duplicate_import,
    undefined_reference,
    duplicate_definition,
    name_shared_across_kinds,
    score_out_of_range,
    unknown_value,
    unknown_channel,
    import_outside_workspace,
    persona_scored_twice,
    phase_not_listed,
    loop_target_not_a_phase,
    phase_listed_twice,
    phase_without_touchpoints,
    journey_ends_at_purchase,
    persona_not_served,
    touchpoint_serves_no_persona,
    touchpoint_without_owner,
    goal_not_measurable,
    impact_without_kpi,
    deliverable_without_touchpoint,
    touchpoint_not_reached,
    experience_below_expectation,
    over_delivery,
    personal_data_without_basis,
    important_touchpoint_not_monitored,
    moment_without_kpi,
    persona_without_evidence,
    touchpoint_channel_not_used,
    persona_channel_not_covered,
    planned_touchpoint_with_experience,
    touchpoint_without_kpi,
    journey_without_phases,
    scores_for_unserved_persona,
    path_leaves_persona,
    journey_without_sponsor,
    goal_not_money,
    path_to_itself,
    listed_twice,
);

use crate::incremental::whole::Part;
use crate::model::{DefKind, Model};
use crate::Workspace;
use journey_diagnostics::{FileId, Span};
use std::sync::atomic::{AtomicUsize, Ordering};

/// What a check reads.
pub struct Context<'a> {
    pub model: &'a Model,
    pub workspace: &'a Workspace,
    /// Set when `model` holds only part of the workspace's files (see
    /// [`crate::incremental`]): what the rules read of the whole comes
    /// from here, through the methods below.
    pub part: Option<&'a Part<'a>>,
}

impl<'a> Context<'a> {
    /// The ids of every definition of `kind` in the workspace, sorted.
    pub fn names_of_kind(&self, kind: DefKind) -> Vec<&'a str> {
        match self.part {
            Some(part) => part.names_of_kind(kind),
            None => self.model.names_of_kind(kind),
        }
    }

    /// How many definitions of `kind` the workspace has.
    pub fn count(&self, kind: DefKind) -> usize {
        match self.part {
            Some(part) => part.whole.count(kind),
            None => self.model.count(kind),
        }
    }

    /// Every promise id of the workspace, sorted, once; `local` gives
    /// them when the model is the whole workspace.
    pub fn promise_ids(&self, local: impl FnOnce() -> Vec<&'a str>) -> Vec<&'a str> {
        match self.part {
            Some(part) => part.promises(),
            None => {
                let mut names = local();
                names.sort_unstable();
                names.dedup();
                names
            }
        }
    }

    /// The channels of one's own that touchpoints of the workspace declare.
    pub fn declared_channels(&self) -> rustc_hash::FxHashSet<&'a str> {
        match self.part {
            Some(part) => part.channels(),
            None => unknown_channel::declared_channels(self.model),
        }
    }

    /// A [`Suggester`] whose work is counted towards the part's.
    pub fn suggester(&self, candidates: impl IntoIterator<Item = &'a str>) -> Suggester<'a> {
        let mut s = Suggester::new(candidates);
        s.meter = self.part.map(|p| &p.spent);
        s
    }

    /// The text of a file of the workspace.
    pub fn text(&self, file: FileId) -> &str {
        self.workspace
            .file(file)
            .map(|f| &*f.source.text)
            .unwrap_or("")
    }

    /// The path of a file as shown to the user.
    pub fn display(&self, file: FileId) -> &str {
        self.workspace
            .file(file)
            .map(|f| f.display.as_str())
            .unwrap_or("<unknown>")
    }
}

/// The one candidate close to `word`, if exactly one is: an exact match
/// ignoring case, or the single nearest within a third of the length.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_lowercase();
    let mut best: Option<(usize, &'a str)> = None;
    let mut tie = false;
    for c in candidates {
        if c == word {
            continue;
        }
        let d = if c.to_lowercase() == lower {
            0
        } else {
            let d = strsim::damerau_levenshtein(word, c);
            let limit = (c.chars().count().max(word.chars().count()) / 3).max(1);
            if d > limit {
                continue;
            }
            d
        };
        match best {
            Some((bd, _)) if d > bd => {}
            Some((bd, _)) if d == bd => tie = true,
            _ => {
                best = Some((d, c));
                tie = false;
            }
        }
    }
    if tie {
        None
    } else {
        best.map(|(_, c)| c)
    }
}

/// [`suggest`] for many words against one set of candidates, as the
/// checks need it for every undefined name of a workspace: candidates are
/// indexed by their lower-case form and their length, so a word is only
/// compared with the candidates whose length allows a match, and the
/// edit-distance work of one `Suggester` is bounded. A workspace with
/// thousands of unknown names among thousands of defined ones gets its
/// suggestions until the bound is reached and none after it, instead of
/// a check that runs for minutes.
pub struct Suggester<'a> {
    /// Candidates with their char counts, shortest first.
    by_len: Vec<(usize, &'a str)>,
    /// Candidates by their lower-case form.
    by_lower: rustc_hash::FxHashMap<String, Vec<&'a str>>,
    /// Edit-distance work left, in compared char pairs.
    budget: std::cell::Cell<usize>,
    /// Set when a word went without its suggestion for want of budget.
    exhausted: std::cell::Cell<bool>,
    /// Where the work done is added up when the suggester is dropped.
    meter: Option<&'a AtomicUsize>,
}

/// The edit-distance work one [`Suggester`] may do: about a tenth of a
/// second.
pub(crate) const SUGGEST_BUDGET: usize = 20_000_000;

impl<'a> Suggester<'a> {
    pub fn new(candidates: impl IntoIterator<Item = &'a str>) -> Self {
        Self::with_budget(candidates, SUGGEST_BUDGET)
    }

    fn with_budget(candidates: impl IntoIterator<Item = &'a str>, budget: usize) -> Self {
        let mut by_len: Vec<(usize, &'a str)> = Vec::new();
        let mut by_lower: rustc_hash::FxHashMap<String, Vec<&'a str>> = Default::default();
        for c in candidates {
            by_len.push((c.chars().count(), c));
            by_lower.entry(c.to_lowercase()).or_default().push(c);
        }
        by_len.sort_by_key(|(n, _)| *n);
        Suggester {
            by_len,
            by_lower,
            budget: std::cell::Cell::new(budget),
            exhausted: std::cell::Cell::new(false),
            meter: None,
        }
    }

    /// What [`suggest`] answers for `word` and these candidates, or `None`
    /// once the work bound is used up.
    pub fn suggest(&self, word: &str) -> Option<&'a str> {
        let mut best: Option<(usize, &'a str)> = None;
        let mut tie = false;
        let consider = |best: &mut Option<(usize, &'a str)>, tie: &mut bool, d: usize, c| match best
        {
            Some((bd, _)) if d > *bd => {}
            Some((bd, _)) if d == *bd => *tie = true,
            _ => {
                *best = Some((d, c));
                *tie = false;
            }
        };
        // Equal ignoring case: distance 0, which nothing else reaches.
        for c in self
            .by_lower
            .get(&word.to_lowercase())
            .into_iter()
            .flatten()
        {
            if *c != word {
                consider(&mut best, &mut tie, 0, c);
            }
        }
        if best.is_none() {
            // The distance is at least the difference in length, and at
            // most a third of the longer one: only these lengths can match.
            let n = word.chars().count();
            let lo = n.saturating_sub((n / 3).max(1));
            let hi = n + n / 2 + 1;
            let from = self.by_len.partition_point(|(len, _)| *len < lo);
            let to = self.by_len.partition_point(|(len, _)| *len <= hi);
            for &(len, c) in &self.by_len[from..to] {
                if c == word {
                    continue;
                }
                let cost = len.max(1) * n.max(1);
                let Some(left) = self.budget.get().checked_sub(cost) else {
                    self.exhausted.set(true);
                    return None;
                };
                self.budget.set(left);
                let d = strsim::damerau_levenshtein(word, c);
                if d > (len.max(n) / 3).max(1) {
                    continue;
                }
                consider(&mut best, &mut tie, d, c);
            }
        }
        if tie {
            None
        } else {
            best.map(|(_, c)| c)
        }
    }
}

impl Drop for Suggester<'_> {
    fn drop(&mut self) {
        if let Some(meter) = self.meter {
            let spent = if self.exhausted.get() {
                SUGGEST_BUDGET
            } else {
                SUGGEST_BUDGET.saturating_sub(self.budget.get())
            };
            meter.fetch_add(spent, Ordering::Relaxed);
        }
    }
}

/// The span that removes the line(s) holding `span` entirely, when nothing
/// else stands on them; otherwise `span` itself.
pub fn line_removal(text: &str, span: Span) -> Span {
    let start = span.start as usize;
    let end = (span.end as usize).min(text.len());
    let line_start = text[..start].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let rest = &text[end..];
    let line_end = rest.find('\n').map(|i| end + i + 1).unwrap_or(text.len());
    let before = &text[line_start..start];
    let after = text[end..line_end].trim_end_matches(['\n', '\r']);
    let after_trimmed = after.trim();
    if before.trim().is_empty() && (after_trimmed.is_empty() || after_trimmed.starts_with('#')) {
        Span::new(line_start as u32, line_end as u32)
    } else {
        span
    }
}

/// The span that takes item `i` out of a list of identifiers, keeping
/// the statement well-formed: the item with the comma before it, or the
/// first item with the comma after it, or, for the only item, the whole
/// statement (its line, when nothing else stands on it).
pub fn list_item_removal(text: &str, list: &journey_syntax::view::IdList<'_>, i: usize) -> Span {
    let item = list.ids[i].span;
    match (
        i.checked_sub(1).map(|p| list.ids[p].span),
        list.ids.get(i + 1),
    ) {
        (Some(before), _) => Span::new(before.end, item.end),
        (None, Some(after)) => Span::new(item.start, after.span.start),
        (None, None) => line_removal(text, list.statement),
    }
}

/// The indentation of the line holding `offset`.
pub fn indentation_at(text: &str, offset: u32) -> &str {
    let offset = (offset as usize).min(text.len());
    let line_start = text[..offset].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let line = &text[line_start..];
    let n = line.len() - line.trim_start_matches([' ', '\t']).len();
    &line[..n]
}

/// The end of the line holding `offset` (before `\r\n` or `\n`).
pub fn line_end(text: &str, offset: u32) -> u32 {
    let offset = (offset as usize).min(text.len());
    let end = text[offset..]
        .find('\n')
        .map(|i| offset + i)
        .unwrap_or(text.len());
    let end = if end > 0 && text.as_bytes().get(end - 1) == Some(&b'\r') && end > offset {
        end - 1
    } else {
        end
    };
    end as u32
}

/// "`a`, `b` and `c`".
pub fn quoted_list(items: &[&str]) -> String {
    // A finding names a handful: a list of thousands in every finding of
    // a big workspace would make the report grow with the square of it.
    const SHOWN: usize = 8;
    if items.len() > SHOWN + 2 {
        let q: Vec<String> = items[..SHOWN].iter().map(|s| format!("`{s}`")).collect();
        return format!("{} and {} more", q.join(", "), items.len() - SHOWN);
    }
    let q: Vec<String> = items.iter().map(|s| format!("`{s}`")).collect();
    match q.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
pub(crate) mod test_util {
    use crate::Workspace;
    use journey_diagnostics::Diagnostic;
    use std::path::PathBuf;

    /// A workspace of in-memory files under `/t/`.
    pub fn workspace(files: &[(&str, &str)]) -> Workspace {
        let mut ws = Workspace::new();
        for (name, text) in files {
            ws.set_file(
                PathBuf::from(format!("/t/{name}")),
                name.to_string(),
                text.to_string(),
            );
        }
        ws
    }

    /// Every finding of `code` in a one-file workspace.
    pub fn findings(src: &str, code: &str) -> Vec<Diagnostic> {
        findings_in(&[("a.journey", src)], code)
    }

    pub fn findings_in(files: &[(&str, &str)], code: &str) -> Vec<Diagnostic> {
        let ws = workspace(files);
        ws.diagnostics()
            .into_iter()
            .filter(|d| d.code == code)
            .collect()
    }

    /// `src` with the first fix of its only finding of `code` applied.
    pub fn fixed(src: &str, code: &str) -> String {
        let ds = findings(src, code);
        assert_eq!(ds.len(), 1, "one {code} in:\n{src}");
        let mut fixed = src.to_string();
        for edit in &ds[0].fixes[0].edits {
            fixed.replace_range(edit.span.range(), &edit.new_text);
        }
        fixed
    }

    /// The source text each finding of `code` points at.
    pub fn spans(src: &str, code: &str) -> Vec<String> {
        findings(src, code)
            .iter()
            .map(|d| src[d.span().range()].to_string())
            .collect()
    }

    /// A persona with evidence, for tests that need one.
    pub const PERSONA: &str = "persona p \"P\" {\n  evidence \"5 interviews\"\n}\n";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggest_needs_one_close_candidate() {
        assert_eq!(suggest("anan", ["anna", "bob"]), Some("anna"));
        assert_eq!(suggest("Anna", ["anna", "annb"]), Some("anna"));
        assert_eq!(suggest("xyz", ["anna", "bob"]), None);
        assert_eq!(suggest("ab", ["ac", "ad"]), None, "a tie is no suggestion");
        assert_eq!(
            suggest("anna", ["anna"]),
            None,
            "the word itself is no suggestion"
        );
    }

    #[test]
    fn suggester_answers_as_suggest_does() {
        let candidates = [
            "awareness",
            "Awareness",
            "purchase",
            "loyalty",
            "loyality",
            "a",
            "ab",
            "ac",
            "kündigung",
            "kuendigung",
            "onboarding",
            "offboarding",
            "x",
            "",
            "über_uns",
            "abcdefghijklmnop",
            "abcdefghijklmnoq",
            "information",
        ];
        let words = [
            "awarenes",
            "AWARENESS",
            "purchse",
            "loyalti",
            "a",
            "b",
            "ad",
            "kündigug",
            "onbording",
            "offbording",
            "",
            "y",
            "Über_uns",
            "abcdefghijklmnox",
            "informaton",
            "zzzzzzzzzzzz",
            "loyalty",
            "ac",
        ];
        let s = Suggester::new(candidates);
        for w in words {
            assert_eq!(s.suggest(w), suggest(w, candidates), "for `{w}`");
        }
    }

    #[test]
    fn suggester_work_is_bounded() {
        // Thousands of names, thousands of unknown ones: every word would
        // be compared with every name of a similar length.
        let names: Vec<String> = (0..5_000).map(|i| format!("phase_{i:05}")).collect();
        let s = Suggester::with_budget(names.iter().map(String::as_str), 100_000);
        let answered = (0..5_000)
            .filter(|i| s.suggest(&format!("stage_{i:05}")).is_some())
            .count();
        assert!(answered < 5_000, "the bound stops the search");
        // Case-insensitive matches need no edit distance and still work.
        assert_eq!(s.suggest("PHASE_00042"), Some("phase_00042"));
    }

    #[test]
    fn line_removal_takes_whole_lines_only() {
        let text = "a\n  allow x \"y\"\nb\n";
        let span = Span::new(4, 15);
        assert_eq!(&text[span.range()], "allow x \"y\"");
        assert_eq!(&text[line_removal(text, span).range()], "  allow x \"y\"\n");
        let text = "a { allow x }\n";
        let span = Span::new(4, 11);
        assert_eq!(line_removal(text, span), span);
    }

    #[test]
    fn indentation_and_line_end() {
        let text = "a\n    b c\r\nd";
        assert_eq!(indentation_at(text, 7), "    ");
        assert_eq!(line_end(text, 7), 9);
        assert_eq!(line_end(text, 12), 12);
    }
}
