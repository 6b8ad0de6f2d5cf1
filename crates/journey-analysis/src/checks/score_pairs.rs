//! The expectation–experience pairs a touchpoint states: its own, and one
//! per persona with a `for` line, where what the line leaves out falls back
//! to the touchpoint's own score. The gap checks (J0413, J0414) read these,
//! so a persona's own feeling is judged like the touchpoint's.

use super::score_out_of_range::valid;
use journey_syntax::view::{Name, Score, Touchpoint};

/// One expectation–experience pair, both on the scale.
#[derive(Debug, Clone, Copy)]
pub struct Pair<'a> {
    /// `None`: the touchpoint's own scores, for everyone.
    pub persona: Option<Name<'a>>,
    pub expectation: Score,
    pub experience: Score,
}

/// The touchpoint's own pair, then each persona's that differs from it by
/// a score of its own. Pairs with a score off the scale are left out: J0307
/// reports those.
pub fn pairs<'a>(t: &Touchpoint<'a>) -> Vec<Pair<'a>> {
    let (own_exp, own_got) = (t.expectation(), t.experience());
    let mut out = Vec::new();
    if let (Some(e), Some(x)) = (own_exp, own_got) {
        out.push(Pair {
            persona: None,
            expectation: e,
            experience: x,
        });
    }
    for p in t.persona_scores() {
        if p.expectation.is_none() && p.experience.is_none() {
            continue;
        }
        if let (Some(e), Some(x)) = (p.expectation.or(own_exp), p.experience.or(own_got)) {
            out.push(Pair {
                persona: Some(p.persona),
                expectation: e,
                experience: x,
            });
        }
    }
    out.retain(|p| valid(&p.expectation) && valid(&p.experience));
    out
}

/// A score or a gap as a person writes it: `3`, `3.6`, `1.25` — rounded
/// to two decimals, so that `4.2 - 2.6` reads `1.6`.
pub fn number(v: f64) -> String {
    format!("{}", (v * 100.0).round() / 100.0)
}

/// "1 point", "1.6 points".
pub fn points(gap: f64) -> String {
    let n = number(gap);
    if n == "1" {
        "1 point".into()
    } else {
        format!("{n} points")
    }
}

/// "at `checkout`" or "for `anna` at `checkout`".
pub fn whom(pair: &Pair<'_>, touchpoint: &str) -> String {
    match pair.persona {
        Some(p) => format!("for `{}` at `{touchpoint}`", p.text),
        None => format!("at `{touchpoint}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_written() {
        assert_eq!(number(4.2 - 2.6), "1.6");
        assert_eq!(number(3.0), "3");
        assert_eq!(points(1.0), "1 point");
        assert_eq!(points(2.5), "2.5 points");
    }
}
