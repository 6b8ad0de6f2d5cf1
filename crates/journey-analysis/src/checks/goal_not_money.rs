//! J0427 `goal-not-money`: the top of an impact map is not measured in money.

use super::Context;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};
use journey_syntax::view::{Metric, Scalar};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0427",
    name: "goal-not-money",
    default_severity: Severity::Info,
    opt_in: false,
    summary: "an impact-map goal whose metric is not an amount of money",
    explanation: "An impact map ties the journey to the business: the goal at its top is \
usually money — revenue, margin, savings, customer lifetime value. Followers, visits or \
satisfaction are means to that end and belong lower down, as an impact's KPI. A goal measured \
in something else is worth a second look: say what it earns, or keep it on purpose with an \
`allow` and the reason. journeyc counts a metric as money when its unit or a value names a \
currency (`unit \"EUR\"`, `target \"2 Mio. €\"`) or its name is a money word (revenue, Umsatz, \
margin, Gewinn …).
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0427/bad.journey"))),
    good: Some(Example::new(include_str!("../../rule-examples/J0427/good.journey"))),
};

/// Parts of words that make a metric money, also inside German compounds
/// (`Jahresumsatz`, `Online-Umsatz`).
const MONEY_STEMS: &[&str] = &[
    "revenue",
    "turnover",
    "profit",
    "margin",
    "savings",
    "lifetime value",
    "umsatz",
    "gewinn",
    "ertrag",
    "erlös",
    "deckungsbeitrag",
    "marge",
    "kosten",
    "einsparung",
    "kundenwert",
    "warenkorbwert",
    "order value",
    "basket value",
    "€",
    "$",
    "£",
];

/// Whole words that make a metric money (too short to look for inside words).
const MONEY_WORDS: &[&str] = &[
    "eur", "euro", "usd", "dollar", "chf", "gbp", "arr", "mrr", "clv", "ltv", "aov", "ebit",
    "ebitda", "sales", "cost", "costs", "price", "preis", "budget", "cash",
];

/// Whether the metric is an amount of money.
pub fn is_money(metric: &Metric<'_>) -> bool {
    let mut texts = vec![metric.name.value.as_ref()];
    texts.extend(metric.unit.as_ref().map(|u| u.value.as_ref()));
    for v in [&metric.current, &metric.target].into_iter().flatten() {
        if let Scalar::Text(t) = v {
            texts.push(t.value.as_ref());
        }
    }
    texts.into_iter().any(names_money)
}

fn names_money(text: &str) -> bool {
    let lower = text.to_lowercase();
    MONEY_STEMS.iter().any(|s| lower.contains(s))
        || lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| MONEY_WORDS.contains(&w))
}

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    for g in &m.goals {
        let a = m.goal_syntax(g);
        let Some(metric) = a.metric() else { continue };
        if is_money(&metric) {
            continue;
        }
        out.push(
            Diagnostic::new(
                &CODE,
                g.head.file,
                metric.name.span,
                format!(
                    "goal `{}` is measured in \"{}\", not in money",
                    a.id.text, metric.name.value
                ),
            )
            .with_label("not an amount of money")
            .with_help("measure the goal in what it earns or saves (`unit \"EUR\"`), and move this metric to an impact's `kpi`"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    fn goal(metric: &str) -> String {
        format!("goal g \"G\" {{\n  metric {metric}\n}}\n")
    }

    #[test]
    fn followers_are_not_money() {
        assert_eq!(
            spans(&goal("\"Follower\" current 1200 target 5000"), "J0427"),
            vec!["\"Follower\""]
        );
    }

    #[test]
    fn money_by_unit_value_or_name() {
        for metric in [
            "\"Online revenue\" current 2.1 target 3 unit \"Mio. EUR\"",
            "\"Revenue\" current 2 target 3",
            "\"Jahresumsatz\" current 2 target 3",
            "\"Subscriptions\" current 2 target 3 unit \"EUR\"",
            "\"Subscriptions\" current \"1 Mio. €\" target \"2 Mio. €\"",
            "\"ARR\" current 2 target 3",
        ] {
            assert!(spans(&goal(metric), "J0427").is_empty(), "{metric}");
        }
    }

    #[test]
    fn short_money_words_count_only_as_words() {
        assert_eq!(spans(&goal("\"Carrying rate\" current 1 target 2"), "J0427").len(), 1);
    }
}
