//! Values of the model as people read them, in the export's language.

use crate::doc::{format_number, Kpi, Metric, Value};
use journey_l10n::{Labels, Lang};

/// A value as this language writes it: `3,1` in German, `3.1` in English;
/// dates and texts as written.
pub fn value_display(l: &Labels, v: &Value) -> String {
    match v {
        Value::Number(n) => {
            let s = format_number(*n);
            match l.lang() {
                Lang::De => s.replace('.', ","),
                Lang::En => s,
            }
        }
        other => other.display(),
    }
}

/// `Name: 60 %`, `Name (in €)`, or the name alone.
pub fn kpi_display(l: &Labels, k: &Kpi) -> String {
    match (&k.target, &k.unit) {
        (Some(t), unit) => {
            let mut v = value_display(l, t);
            if let Some(u) = unit {
                v.push(' ');
                v.push_str(u);
            }
            l.f(
                "kpi-target",
                &[("name", k.name.as_str().into()), ("value", v.into())],
            )
        }
        (None, Some(u)) => l.f(
            "kpi-unit",
            &[("name", k.name.as_str().into()), ("unit", u.into())],
        ),
        (None, None) => k.name.clone(),
    }
}

/// `Monthly churn in %: 3.1 → 1.8 by 2027-06-30`.
pub fn metric_display(l: &Labels, m: &Metric) -> String {
    let v = |v: &Value| match &m.unit {
        Some(u) => format!("{} {u}", value_display(l, v)),
        None => value_display(l, v),
    };
    let mut s = match (&m.current, &m.target) {
        (Some(c), Some(t)) => l.f(
            "metric-from-to",
            &[
                ("name", m.name.as_str().into()),
                ("current", v(c).into()),
                ("target", v(t).into()),
            ],
        ),
        (None, Some(t)) => l.f(
            "metric-target",
            &[("name", m.name.as_str().into()), ("target", v(t).into())],
        ),
        (Some(c), None) => l.f(
            "metric-now",
            &[("name", m.name.as_str().into()), ("current", v(c).into())],
        ),
        (None, None) => match &m.unit {
            Some(u) => l.f(
                "kpi-unit",
                &[("name", m.name.as_str().into()), ("unit", u.into())],
            ),
            None => m.name.clone(),
        },
    };
    if let Some(by) = &m.by {
        s.push(' ');
        s.push_str(&l.f("metric-by", &[("date", by.as_str().into())]));
    }
    s
}

/// A phase kind as this language names it (`awareness` →
/// `Aufmerksamkeit`); a kind the labels do not know as written.
pub fn phase_kind(l: &Labels, kind: &str) -> String {
    let id = format!("phase-kind-{kind}");
    if l.has(&id) {
        l.t(&id)
    } else {
        kind.to_string()
    }
}

/// An amount of money as this language writes it: `12000 EUR`,
/// `12,50 EUR` in German.
pub fn money(l: &Labels, amount: f64, currency: &str) -> String {
    let v = Value::Number((amount * 100.0).round() / 100.0);
    format!("{} {currency}", value_display(l, &v))
}

/// Cost totals, one currency after another (`15000 EUR · 800 CHF`):
/// amounts in different currencies are never added together.
pub fn totals_display(l: &Labels, totals: &crate::doc::CostTotals) -> String {
    totals
        .0
        .iter()
        .map(|(c, n)| money(l, *n, c))
        .collect::<Vec<_>>()
        .join(" · ")
}
