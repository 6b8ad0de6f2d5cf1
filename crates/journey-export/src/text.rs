//! Small text helpers shared by the renderers.

use crate::doc::{Document, Phase, Touchpoint};

/// The average of the values, if any.
pub fn mean(values: impl IntoIterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values
        .into_iter()
        .fold((0.0, 0u32), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / f64::from(n))
}

/// One decimal, `3.5`; whole numbers without the decimal, `4`.
pub fn one_decimal(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// Paragraphs of a text block: lines joined by spaces, blank lines apart.
pub fn paragraphs(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for line in s.lines() {
        let l = line.trim();
        if l.is_empty() {
            if !cur.is_empty() {
                out.push(cur.join(" "));
                cur.clear();
            }
        } else {
            cur.push(l);
        }
    }
    if !cur.is_empty() {
        out.push(cur.join(" "));
    }
    out
}

/// The text on one line: line breaks become spaces.
pub fn one_line(s: &str) -> String {
    paragraphs(s).join(" ")
}

/// Experience and expectation of a phase over the given touchpoints.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    pub experience: Option<f64>,
    pub expectation: Option<f64>,
}

impl Scores {
    pub fn of<'a>(tps: impl IntoIterator<Item = &'a Touchpoint> + Clone) -> Scores {
        Scores {
            experience: mean(tps.clone().into_iter().filter_map(|t| t.experience)),
            expectation: mean(tps.into_iter().filter_map(|t| t.expectation)),
        }
    }

    /// Experience minus expectation, when both are known.
    pub fn gap(&self) -> Option<f64> {
        Some(self.experience? - self.expectation?)
    }
}

/// The touchpoints of the status-quo journey in a phase.
pub fn current(phase: &Phase) -> impl Iterator<Item = &Touchpoint> + Clone {
    phase.touchpoints.iter().filter(|t| !t.is_planned())
}

/// The channel label of a touchpoint (`web`, or `—` without one).
pub fn channel(t: &Touchpoint) -> &str {
    t.channel.as_deref().unwrap_or("—")
}

/// The personas a touchpoint serves, by name.
pub fn served_names(doc: &Document, t: &Touchpoint) -> Vec<String> {
    t.serves
        .iter()
        .map(|p| doc.persona_name(p).to_string())
        .collect()
}

/// One phase of a persona's emotion curves: the status quo (experience
/// against expectation) and the experience aimed for.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct CurvePoint {
    /// Status quo: the current touchpoints serving the persona, each with
    /// the persona's own experience (`for`), else the touchpoint's.
    pub experience: Option<f64>,
    pub expectation: Option<f64>,
    /// Target: each touchpoint's [`Touchpoint::target_for`] — the
    /// persona's target, else the touchpoint's, else (current ones) the
    /// status quo; planned touchpoints count with their target only.
    pub target: Option<f64>,
}

/// The points of `persona`'s curves, one per phase, each the mean over
/// the phase's touchpoints that serve the persona.
pub fn persona_curve(persona: &str, phases: &[&Phase]) -> Vec<CurvePoint> {
    phases
        .iter()
        .map(|p| {
            let serving = || {
                p.touchpoints
                    .iter()
                    .filter(|t| t.serves.iter().any(|s| s == persona))
            };
            let current = || serving().filter(|t| !t.is_planned());
            CurvePoint {
                experience: mean(current().filter_map(|t| t.experience_for(persona))),
                expectation: mean(current().filter_map(|t| t.expectation_for(persona))),
                target: mean(serving().filter_map(|t| t.target_for(persona))),
            }
        })
        .collect()
}

/// Whether the target curve says anything the status quo does not: some
/// phase aims for another score than it has.
pub fn target_differs(points: &[CurvePoint]) -> bool {
    points.iter().any(|p| match (p.experience, p.target) {
        (Some(x), Some(t)) => (x - t).abs() > 1e-9,
        (None, Some(_)) => true,
        _ => false,
    })
}
