//! Claim values of changed customer-facing text, compared as values.
//!
//! When copy changes from "Nur 9,99 € im Monat" to "Nur 12 € im Monat",
//! the reviewer wants to read `price 9.99 €/month → 12 €/month`, not
//! find the difference between two sentences. The claims are those the
//! messaging lints read (`journey_text::claims`): prices, percentages,
//! durations and counts, normalised so that `24 Stunden` and `1 day` are
//! one value.

use crate::snapshot::{Atom, Value};
use journey_text::claims::{extract_claims, Claim, DurationUnit, Measure, Period, Qualifier};
use journey_text::number::format_value;

/// The fields whose text the customer reads, as the lints define
/// customer-facing text: a journey's value proposition, a phase's core
/// message and promises, a touchpoint's copy, and small print.
pub const CLAIM_FIELDS: &[&str] = &["value", "message", "promises", "says", "disclaimers"];

/// One claim whose value changed: `what` is the kind of claim (`price`,
/// `delivery time`, `shipping threshold` …), `old` and `new` its values
/// as people read them (`9.99 €`, `24 h`, `from 50 €`).
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimChange {
    pub what: String,
    pub old: String,
    pub new: String,
    /// The normalised numbers (an amount, a percentage, hours, months,
    /// business days or a count), for machines.
    pub old_value: f64,
    pub new_value: f64,
}

impl ClaimChange {
    /// `price 9.99 € → 12 €`.
    pub fn sentence(&self) -> String {
        format!("{} {} → {}", self.what, self.old, self.new)
    }
}

/// The claims of field `name` whose value changed between `old` and
/// `new`: a claim of the old text and one of the new text about the same
/// subject (the same kind of claim: a delivery time, a monthly price …)
/// with different values. Claims found unchanged on both sides, and
/// claims only one side makes, are not listed (the text lines show them).
pub fn claim_changes(name: &str, old: Option<&Value>, new: Option<&Value>) -> Vec<ClaimChange> {
    if !CLAIM_FIELDS.contains(&name) {
        return Vec::new();
    }
    let claims = |v: Option<&Value>| -> Vec<Claim> {
        let atoms = v.map(Value::atoms).unwrap_or_default();
        atoms
            .iter()
            .flat_map(|a| extract_claims(text_of(name, a)))
            .filter(|c| c.qualifier != Qualifier::Extra)
            .collect()
    };
    let (old, new) = (claims(old), claims(new));
    let keys = |v: &[Claim]| v.iter().map(Claim::comparison_key).collect::<Vec<_>>();
    let (old_keys, new_keys) = (keys(&old), keys(&new));
    let old: Vec<&Claim> = old
        .iter()
        .filter(|c| !new_keys.contains(&c.comparison_key()))
        .collect();
    let new: Vec<&Claim> = new
        .iter()
        .filter(|c| !old_keys.contains(&c.comparison_key()))
        .collect();

    let mut used = vec![false; old.len()];
    let mut out = Vec::new();
    // First claims about the same subject, then the same kind of claim
    // in the same unit ("9.99 €" and "12 €" with nothing else in common).
    let same_subject = |o: &Claim, n: &Claim| o.describe() == n.describe() && o.same_subject(n);
    let same_unit = |o: &Claim, n: &Claim| o.describe() == n.describe() && o.measure == n.measure;
    let passes: [&Pairing; 2] = [&same_subject, &same_unit];
    let mut paired = vec![false; new.len()];
    for pass in passes {
        for (j, n) in new.iter().enumerate() {
            if paired[j] {
                continue;
            }
            let Some(i) = (0..old.len()).find(|&i| !used[i] && pass(old[i], n)) else {
                continue;
            };
            used[i] = true;
            paired[j] = true;
            let (o, n) = (old[i], *n);
            let (old_text, new_text) = (display(o), display(n));
            if old_text != new_text {
                out.push(ClaimChange {
                    what: n.describe(),
                    old: old_text,
                    new: new_text,
                    old_value: o.value,
                    new_value: n.value,
                });
            }
        }
    }
    out
}

/// Whether an old and a new claim are one claim whose value changed.
type Pairing = dyn Fn(&Claim, &Claim) -> bool;

/// The text of one item of a field: a promise without its id.
fn text_of<'a>(field: &str, a: &'a Atom) -> &'a str {
    match a {
        Atom::Text(t) if field == "promises" => t.split_once(": ").map_or(t, |(_, t)| t),
        Atom::Text(t) | Atom::Word(t) => t,
        _ => "",
    }
}

/// A claim's value as people read it: `9.99 €`, `12 €/month`, `24 h`,
/// `2–3 business days`, `up to 50 %`.
pub fn display(c: &Claim) -> String {
    let lower = c
        .lower
        .map(|l| format!("{}–", amount(c, l)))
        .unwrap_or_default();
    let value = format!("{lower}{}", amount(c, c.value));
    let with_unit = match &c.measure {
        Measure::Price { currency, period } => {
            let per = match period {
                Period::Once => "",
                Period::Day => "/day",
                Period::Week => "/week",
                Period::Month => "/month",
                Period::Year => "/year",
            };
            let symbol = match *currency {
                "EUR" => "€",
                "USD" => "$",
                "GBP" => "£",
                other => other,
            };
            format!("{value} {symbol}{per}")
        }
        Measure::Percentage => format!("{value} %"),
        Measure::Duration(DurationUnit::Hours) => format!("{value} h"),
        Measure::Duration(DurationUnit::Months) => {
            format!("{value} {}", plural(c.value, "month", "months"))
        }
        Measure::Duration(DurationUnit::BusinessDays) => {
            format!(
                "{value} {}",
                plural(c.value, "business day", "business days")
            )
        }
        Measure::Count { unit } => format!("{value} × {unit}"),
    };
    // A shipping threshold ("kostenlos ab 50 €") says "from" in its name.
    let threshold = c.describe() == "shipping threshold";
    let bound = match c.qualifier {
        Qualifier::AtLeast if !threshold => "from ",
        Qualifier::Over if !threshold => "over ",
        Qualifier::AtMost => "up to ",
        Qualifier::Under => "under ",
        _ => "",
    };
    format!("{bound}{with_unit}")
}

fn amount(c: &Claim, v: f64) -> String {
    match c.measure {
        Measure::Price { .. } => format_value((v * 100.0).round() / 100.0),
        _ => format_value(v),
    }
}

fn plural<'a>(n: f64, one: &'a str, many: &'a str) -> &'a str {
    if n == 1.0 {
        one
    } else {
        many
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn says(texts: &[&str]) -> Value {
        Value::Set(texts.iter().map(|t| Atom::Text(t.to_string())).collect())
    }

    fn changes(old: &[&str], new: &[&str]) -> Vec<String> {
        claim_changes("says", Some(&says(old)), Some(&says(new)))
            .iter()
            .map(ClaimChange::sentence)
            .collect()
    }

    #[test]
    fn a_price_compares_as_a_value() {
        assert_eq!(
            changes(&["Nur 9,99 € im Monat."], &["Nur 12 € im Monat."]),
            ["price 9.99 €/month → 12 €/month"]
        );
        assert_eq!(
            changes(&["Shoes for €9.99."], &["Shoes for 12 EUR."]),
            ["price 9.99 € → 12 €"]
        );
    }

    #[test]
    fn delivery_time_and_shipping_threshold() {
        assert_eq!(
            changes(
                &["Delivered within 24 hours. Free shipping from 50 €."],
                &["Delivered within 2 days. Free shipping from 59 €."]
            ),
            [
                "delivery time 24 h → 48 h",
                "shipping threshold 50 € → 59 €"
            ]
        );
    }

    #[test]
    fn the_same_claim_written_differently_is_no_change() {
        assert!(changes(&["Delivered in 24 hours."], &["Delivered in one day."]).is_empty());
        assert!(changes(&["Pay in two clicks."], &["Pay in one click."]).is_empty());
    }

    #[test]
    fn only_customer_facing_fields() {
        let v = |t: &str| Value::One(Atom::Text(t.to_string()));
        assert!(claim_changes(
            "evidence",
            Some(&v("5 interviews")),
            Some(&v("8 interviews"))
        )
        .is_empty());
        assert_eq!(
            claim_changes(
                "promises",
                Some(&v("fast: Swapped within 24 hours")),
                Some(&v("fast: Swapped within 48 hours"))
            )
            .len(),
            1
        );
    }
}
