//! J0508: two phases of a journey whose core messages are the same or
//! nearly so.

use super::facts::Shingles;
use super::LintContext;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};
use journey_text::similarity::jaccard;
use rustc_hash::FxHashMap;

pub const CODE: CodeInfo = CodeInfo {
    code: "J0508",
    name: "duplicate-core-message",
    default_severity: Severity::Warning,
    opt_in: false,
    summary: "two phases with the same or nearly the same core message",
    explanation: "Each phase answers its own customer question — \"is this for me?\", \"is it \
worth the price?\", \"how do I get started?\" — so each needs its own core message. Two phases \
with (nearly) the same message usually mean one of them was copied and never adapted.

Messages are compared as word pairs (shingles) after stemming; the share of pairs they have \
in common is their similarity. The threshold is set in journey.toml (default 0.7):

    [messaging]
    similarity = 0.8
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0508/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0508/good.journey"))),
};

pub fn run(lx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let model = lx.model;
    let threshold = lx.config.similarity;
    let mut reported = std::collections::HashSet::new();
    for scope in &lx.scopes {
        let messages: Vec<_> = scope
            .phases
            .iter()
            .filter_map(|p| {
                let ph = model.phase(*p);
                let ast = model.phase_syntax(ph);
                let m = ast.message().filter(|m| !m.value.trim().is_empty())?;
                let shingles = lx.texts.shingles(&m.value);
                Some((*p, ph, ast, m, shingles))
            })
            .collect();
        let sets: Vec<&Shingles> = messages.iter().map(|m| &*m.4).collect();
        let best = best_earlier(&sets, threshold);
        for ((pid, ph, ast, m, _), best) in messages.iter().zip(best) {
            let Some((e, sim)) = best else {
                continue;
            };
            let (eid, eph, east, em, _) = &messages[e];
            if !reported.insert((*eid, *pid)) {
                continue;
            }
            let pct = (sim * 100.0).round() as u32;
            let how = if pct >= 100 {
                "the same as".to_string()
            } else {
                format!("{pct} % like")
            };
            let mut d = Diagnostic::new(
                &CODE,
                ph.head.file,
                m.content_span(),
                format!(
                    "the core message of phase `{}` is {how} that of phase `{}`",
                    ast.id.text, east.id.text
                ),
            )
            .with_label("repeats an earlier phase's message")
            .with_secondary(
                eph.head.file,
                em.content_span(),
                format!("the message of `{}`", east.id.text),
            );
            d = match &ast.question() {
                Some(q) => d.with_help(format!(
                    "give this phase its own message: answer its question, \"{}\"",
                    q.value
                )),
                None => d.with_help(
                    "give this phase its own message: what must the customer hear in this phase?",
                ),
            };
            out.push(d);
        }
    }
}

/// Earlier messages looked at per shared word pair at most: bounds the
/// work on a journey of thousands of phases that all share words.
const CANDIDATES_PER_PAIR: usize = 256;

/// For each set, the earlier set most similar to it at or above
/// `threshold` (the latest of equally similar ones), with the similarity.
///
/// Comparing every message with every earlier one would take time
/// quadratic in the phases of a journey. Instead each set is compared
/// with the earlier sets that share a word pair with its *prefix*: its
/// pairs ordered rarest first, as many as a set may lack and still reach
/// the threshold, plus one. Two sets with a Jaccard similarity of `t`
/// share at least `t · max(|a|, |b|)` pairs, so they share one in their
/// prefixes (prefix filtering) and no similar pair is missed; the
/// similarity itself is computed exactly.
fn best_earlier(sets: &[&Shingles], threshold: f64) -> Vec<Option<(usize, f64)>> {
    // Ids for the word pairs, and how many sets hold each.
    let mut ids: FxHashMap<&Vec<String>, u32> = FxHashMap::default();
    let mut counts: Vec<u32> = Vec::new();
    for set in sets {
        for pair in set.iter() {
            let next = ids.len() as u32;
            let id = *ids.entry(pair).or_insert(next);
            if id == next {
                counts.push(0);
            }
            counts[id as usize] += 1;
        }
    }
    let mut postings: Vec<Vec<usize>> = vec![Vec::new(); counts.len()];
    let mut seen: Vec<usize> = vec![usize::MAX; sets.len()];
    let mut out = Vec::with_capacity(sets.len());
    for (i, set) in sets.iter().enumerate() {
        let mut pairs: Vec<u32> = set.iter().map(|p| ids[p]).collect();
        pairs.sort_by_key(|id| (counts[*id as usize], *id));
        let n = pairs.len();
        let must_share = (threshold * n as f64 - 1e-9).ceil().max(0.0) as usize;
        let prefix = &pairs[..(n + 1).saturating_sub(must_share).clamp(n.min(1), n)];
        let mut best: Option<(usize, f64)> = None;
        for id in prefix {
            for &e in postings[*id as usize]
                .iter()
                .rev()
                .take(CANDIDATES_PER_PAIR)
            {
                if seen[e] == i {
                    continue;
                }
                seen[e] = i;
                let sim = jaccard(sets[e], set);
                if sim < threshold {
                    continue;
                }
                let better = match best {
                    None => true,
                    Some((b, bs)) => sim > bs || (sim == bs && e > b),
                };
                if better {
                    best = Some((e, sim));
                }
            }
        }
        out.push(best);
        for id in prefix {
            postings[*id as usize].push(i);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::lints::test_util::{at, spans, with_config};

    fn two(a: &str, b: &str) -> String {
        format!(
            "journey j {{\n  phases x, y\n}}\nphase x {{\n  message \"{a}\"\n}}\nphase y {{\n  message \"{b}\"\n}}\n"
        )
    }

    #[test]
    fn same_and_nearly_same() {
        assert_eq!(
            spans(
                &two("Dein Rad, immer fahrbereit", "Dein Rad, immer fahrbereit!"),
                "J0508"
            ),
            vec!["Dein Rad, immer fahrbereit!"]
        );
        assert_eq!(
            spans(
                &two(
                    "Your bike, serviced, for €24 a month",
                    "Your bike, serviced, for €24 a month 🚲"
                ),
                "J0508"
            ),
            vec!["Your bike, serviced, for €24 a month 🚲"]
        );
        assert_eq!(
            spans(
                &two("Ausrüstung, die hält", "Ausrüstungen, die halten"),
                "J0508"
            )
            .len(),
            1
        );
    }

    #[test]
    fn threshold_is_configurable() {
        let src = two(
            "Your bike, serviced, for €24 a month",
            "Your bike, serviced, for just €24 a month",
        );
        let ws = with_config(&src, "");
        assert_eq!(at(&ws, "J0508").len(), 0, "below the default threshold");
        let ws = with_config(&src, "[messaging]\nsimilarity = 0.4\n");
        assert_eq!(at(&ws, "J0508").len(), 1);
    }

    #[test]
    fn the_index_finds_what_comparing_all_pairs_finds() {
        use super::{best_earlier, Shingles};
        use journey_text::similarity::{jaccard, normalised_words, shingles};
        let texts = [
            "Your bike, serviced, for €24 a month",
            "Your bike, serviced, for just €24 a month",
            "Ready to ride tomorrow: sign up in two minutes",
            "Dein Rad, immer fahrbereit",
            "Dein Rad, immer fahrbereit!",
            "Your bike, serviced, for €24 a month",
            "Ride more",
            "Ride more, worry less about repairs",
            "Ready to ride tomorrow",
            "Dein Rad immer fahrbereit und sicher",
            "Your bike serviced for €24 a month and more",
        ];
        let sets: Vec<Shingles> = texts
            .iter()
            .map(|t| shingles(&normalised_words(t), 2))
            .collect();
        let refs: Vec<&Shingles> = sets.iter().collect();
        for threshold in [0.2, 0.4, 0.5, 0.7, 0.9, 1.0] {
            let exhaustive: Vec<Option<(usize, f64)>> = (0..sets.len())
                .map(|i| {
                    (0..i)
                        .map(|e| (e, jaccard(&sets[e], &sets[i])))
                        .filter(|(_, s)| *s >= threshold)
                        .max_by(|a, b| a.1.total_cmp(&b.1))
                })
                .collect();
            assert_eq!(best_earlier(&refs, threshold), exhaustive, "at {threshold}");
        }
    }

    #[test]
    fn near_misses() {
        assert!(spans(&two("Draußen unterwegs", "Beratung, die passt"), "J0508").is_empty());
        assert!(spans(
            &two("Ride more", "Ride more, worry less about repairs"),
            "J0508"
        )
        .is_empty());
        // Phases of different journeys may share a message.
        let src = "journey a {\n  phases x\n}\njourney b {\n  phases y\n}\nphase x {\n  message \"Same\"\n}\nphase y {\n  message \"Same\"\n}\n";
        assert!(spans(src, "J0508").is_empty());
    }
}
