//! J0504: the same kind of claim with different values in different
//! places of one journey.

use super::{describe, LintContext, Piece};
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};
use journey_text::claims::{Claim, ComparisonKey};
use rustc_hash::FxHashSet;

pub const CODE: CodeInfo = CodeInfo {
    code: "J0504",
    name: "contradicting-claims",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "the same claim with different values in different places",
    explanation: "A journey must say the same thing everywhere: if the website promises a \
swap within 24 hours and the welcome e-mail within 48, the customer remembers the broken \
promise. journeyc reads durations, prices, percentages and counts in every piece of \
customer-facing text, normalises them — `24h`, `24 Stunden`, `1 day` and `ein Tag` are \
the same; so are `9,99 €`, `€9.99` and `9.99 EUR` — and reports claims about the same \
subject (a trial, returns, delivery, a notice period, a discount, or the same words) that \
cannot both be true. Qualifiers are understood: `bis zu 50 %` does not contradict `20 %`, \
`ab 9 €` does not contradict `12 €`.

The later claim is the primary place, the earlier one the secondary.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0504/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0504/good.journey"))),
};

pub fn run(lx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    for scope in &lx.scopes {
        let mut seen = Seen::default();
        for piece in &scope.pieces {
            for claim in lx.texts.claims(&piece.text.value, piece.lang).iter() {
                if let Some((ep, ec)) = seen.first_contradicted_by(claim) {
                    out.push(report(lx, piece, claim, ep, ec));
                }
                seen.add(piece, claim);
            }
        }
    }
}

/// The claims seen so far in one journey, each distinct claim once.
///
/// A journey repeats its claims ("30 Tage kostenlos" on every page), and
/// comparing each claim with every earlier one is quadratic in the
/// journey's size. Claims with the same [`Claim::comparison_key`]
/// contradict the same claims, so only the first of each key is kept: the
/// first earlier claim that contradicts is always such a first one, which
/// makes the result the same as comparing with every earlier claim.
#[derive(Default)]
struct Seen<'a> {
    /// The first claim of each key, in the order they appeared.
    firsts: Vec<(Piece<'a>, Claim)>,
    keys: FxHashSet<ComparisonKey>,
}

impl<'a> Seen<'a> {
    fn first_contradicted_by(&self, claim: &Claim) -> Option<&(Piece<'a>, Claim)> {
        self.firsts.iter().find(|(_, c)| claim.contradicts(c))
    }

    fn add(&mut self, piece: &Piece<'a>, claim: &Claim) {
        if self.keys.insert(claim.comparison_key()) {
            self.firsts.push((piece.clone(), claim.clone()));
        }
    }
}

fn report(
    lx: &LintContext<'_>,
    piece: &Piece,
    claim: &Claim,
    ep: &Piece,
    ec: &Claim,
) -> Diagnostic {
    let kind = claim.describe();
    // The message quotes the claims as written (a price with its period);
    // the labels cover the amount and currency, like `24 Stunden`.
    let this = &piece.text.value[claim.phrase.clone()];
    let that = &ep.text.value[ec.phrase.clone()];
    let where_that = describe(lx.model, ep);
    let mut d = Diagnostic::new(
        &CODE,
        piece.file,
        piece.span(claim.range.clone()),
        format!("contradicting {kind}: `{this}` here, `{that}` in {where_that}"),
    )
    .with_label(format!("{kind}: {}", claim.canonical()))
    .with_secondary(
        ep.file,
        ep.span(ec.range.clone()),
        format!("{}: {}", ec.describe(), ec.canonical()),
    )
    .with_help(format!(
        "state the same {kind} everywhere, or make clear that these are different offers"
    ));
    if claim.canonical() == ec.canonical() {
        d = d.with_note(
            "the values are equal but qualified differently (e.g. `ab`, `bis zu`, `über`)",
        );
    }
    d
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::findings;
    use crate::lints::test_util::spans;

    fn journey(value: &str, says: &str) -> String {
        format!(
            "journey j {{\n  value \"{value}\"\n  phases a\n}}\nphase a {{\n  message \"{value}\"\n  touchpoint t {{\n    says \"{says}\"\n  }}\n}}\n"
        )
    }

    #[test]
    fn durations_in_german_and_english() {
        let src = journey(
            "Tausch in 24h, wenn dein Rad streikt",
            "Rad kaputt? Tausch in 48 Stunden 🚲",
        );
        assert_eq!(spans(&src, "J0504"), vec!["48 Stunden"]);
        let src = journey(
            "A swap within 1 day",
            "Broken bike? 🚲 A swap within 48 hours.",
        );
        assert_eq!(spans(&src, "J0504"), vec!["48 hours"]);
    }

    #[test]
    fn prices_and_trials() {
        let src = journey(
            "Das Abo für 9,99 € im Monat",
            "Grüße aus Köln: das Abo für 12 € im Monat",
        );
        assert_eq!(spans(&src, "J0504"), vec!["12 €"]);
        let src = journey("Try it free for 14 days", "Test it for 30 days");
        assert_eq!(spans(&src, "J0504"), vec!["30 days"]);
    }

    #[test]
    fn both_places_are_labelled() {
        let src = journey("Rückgabe in 30 Tagen", "Rückgabe in 14 Tagen");
        let ds = findings(&src, "J0504");
        // The message repeats the value: only the touchpoint contradicts.
        assert_eq!(ds.len(), 1, "{ds:?}");
        let d = &ds[0];
        assert_eq!(&src[d.span().range()], "14 Tagen");
        assert_eq!(&src[d.secondary[0].span.range()], "30 Tagen");
        assert!(d.message.contains("return period"), "{}", d.message);
    }

    /// Prices are labelled by amount and currency, like durations by
    /// number and unit: the period is in the label's text, not its span.
    #[test]
    fn price_labels_cover_amount_and_currency_only() {
        for (value, says, here, there, message) in [
            (
                "Das Abo für 9,99 € im Monat",
                "Das Abo für 12 € im Monat",
                "12 €",
                "9,99 €",
                "`12 € im Monat` here, `9,99 € im Monat` in",
            ),
            (
                "Das Abo für € 9,99 im Monat",
                "Das Abo für EUR 10 im Monat",
                "EUR 10",
                "€ 9,99",
                "`EUR 10 im Monat` here, `€ 9,99 im Monat` in",
            ),
            (
                "The plan for 9.99 EUR per month",
                "The plan for €12/month",
                "€12",
                "9.99 EUR",
                "`€12/month` here, `9.99 EUR per month` in",
            ),
        ] {
            let src = journey(value, says);
            let ds = findings(&src, "J0504");
            assert_eq!(ds.len(), 1, "{says}: {ds:?}");
            let d = &ds[0];
            assert_eq!(&src[d.span().range()], here, "{says}");
            assert_eq!(&src[d.secondary[0].span.range()], there, "{value}");
            assert!(
                d.primary.message.ends_with("/month"),
                "{}",
                d.primary.message
            );
            assert!(d.message.contains(message), "{}", d.message);
        }
    }

    #[test]
    fn near_misses() {
        // Same claim, other spelling.
        assert!(spans(&journey("Tausch in 24h", "Tausch in 24 Stunden"), "J0504").is_empty());
        assert!(spans(&journey("Abo für 9,99 €", "Abo für €9.99"), "J0504").is_empty());
        assert!(spans(
            &journey("Swap within 1 day", "swap within 24 hours"),
            "J0504"
        )
        .is_empty());
        // Different subjects.
        assert!(spans(&journey("14 Tage testen", "30 Tage Rückgabe"), "J0504").is_empty());
        assert!(spans(
            &journey("Bis zu 50 % Rabatt", "20 % Rabatt auf Jacken"),
            "J0504"
        )
        .is_empty());
        // Other journeys may make other offers.
        let src = "journey a {\n  value \"Tausch in 24h\"\n}\njourney b {\n  value \"Tausch in 48h\"\n}\n";
        assert!(spans(src, "J0504").is_empty());
    }
}
