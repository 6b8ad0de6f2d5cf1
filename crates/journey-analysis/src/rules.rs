//! Every code journeyc reports, in one list: [`RULES`] below, with the
//! syntax codes of `journey-syntax` before it. The registry that runs the
//! checks and lints, `journeyc explain`, SARIF rule lists and the names
//! and codes `journey.toml` and `allow` accept all read it, and nothing
//! else: a rule is declared once, in its own module — its [`CodeInfo`]
//! with code, name, default level, summary, explanation and examples —
//! and listed once, here.
//!
//! Adding a check: a module in `checks/` with `pub const CODE: CodeInfo`
//! and `pub fn run`, its `mod` line, and one `check module` line below, in
//! code order. A lint likewise in `lints/`, listed as `lint module`.

use crate::checks::{self, Context};
use crate::config;
use crate::lints::{self, LintContext};
use journey_diagnostics::{CodeInfo, Diagnostic};

/// What reports a code.
#[derive(Clone, Copy)]
pub enum Source {
    /// The parser: syntax errors, never configured or allowed.
    Syntax,
    /// A semantic check over the model.
    Check(fn(&Context<'_>, &mut Vec<Diagnostic>)),
    /// A messaging lint over the customer-facing text.
    Lint(fn(&LintContext<'_>, &mut Vec<Diagnostic>)),
    /// Reading journey.toml, or applying `allow`s.
    Config,
}

/// One code and what reports it.
#[derive(Clone, Copy)]
pub struct Rule {
    pub code: &'static CodeInfo,
    pub source: Source,
}

/// The list: one line per code, `kind item`. `check m` and `lint m` name
/// a module with `CODE` and `run`; `config C` and `allow C` a code that
/// reading journey.toml or applying `allow`s reports.
macro_rules! rules {
    ($($kind:ident $item:ident),* $(,)?) => {
        /// Every code after the syntax codes, in code order.
        pub const RULES: &[Rule] = &[$(rules!(@ $kind $item)),*];
    };
    (@ check $m:ident) => {
        Rule { code: &checks::$m::CODE, source: Source::Check(checks::$m::run) }
    };
    (@ lint $m:ident) => {
        Rule { code: &lints::$m::CODE, source: Source::Lint(lints::$m::run) }
    };
    (@ config $c:ident) => {
        Rule { code: &config::$c, source: Source::Config }
    };
    (@ allow $c:ident) => {
        Rule { code: &checks::suppression::$c, source: Source::Config }
    };
}

rules! {
    check import_not_found,
    check import_cycle,
    check duplicate_import,
    check undefined_reference,
    check duplicate_definition,
    check name_shared_across_kinds,
    check score_out_of_range,
    check unknown_value,
    check unknown_channel,
    check import_outside_workspace,
    check phase_not_listed,
    check loop_target_not_a_phase,
    check phase_listed_twice,
    check phase_without_touchpoints,
    check journey_ends_at_purchase,
    check persona_not_served,
    check touchpoint_serves_no_persona,
    check touchpoint_without_owner,
    check goal_not_measurable,
    check impact_without_kpi,
    check deliverable_without_touchpoint,
    check touchpoint_not_reached,
    check experience_below_expectation,
    check over_delivery,
    check personal_data_without_basis,
    check important_touchpoint_not_monitored,
    check moment_without_kpi,
    check persona_without_evidence,
    check touchpoint_channel_not_used,
    check persona_channel_not_covered,
    check planned_touchpoint_with_experience,
    check touchpoint_without_kpi,
    check journey_without_phases,
    lint missing_core_message,
    lint untraced_core_message,
    lint off_message_touchpoint,
    lint contradicting_claims,
    lint register_switch,
    lint vocabulary,
    lint term_drift,
    lint duplicate_core_message,
    lint unbacked_claim,
    lint promise_not_kept,
    lint copy_too_long,
    lint unknown_promise,
    lint unknown_support,
    lint duplicate_promise,
    config INVALID_CONFIG,
    config UNKNOWN_CHECK,
    config UNKNOWN_CONFIG_KEY,
    allow ALLOW_WITHOUT_REASON,
    allow UNUSED_ALLOW,
}

/// Every code, in code order: the syntax codes, then [`RULES`].
pub fn all() -> impl Iterator<Item = Rule> {
    journey_syntax::codes::ALL
        .iter()
        .map(|code| Rule {
            code,
            source: Source::Syntax,
        })
        .chain(RULES.iter().copied())
}

/// The rule of a code (`J0102`, case-insensitive) or a name
/// (`unterminated-string`).
pub fn find(query: &str) -> Option<Rule> {
    all().find(|r| r.code.code.eq_ignore_ascii_case(query) || r.code.name == query)
}

/// Whether `code` is a syntax error (never configured or allowed).
pub fn is_syntax(code: &str) -> bool {
    journey_syntax::codes::ALL.iter().any(|c| c.code == code)
}

/// Whether `code` only reports when journey.toml gives it a level.
pub fn is_opt_in(code: &str) -> bool {
    RULES.iter().any(|r| r.code.opt_in && r.code.code == code)
}

/// The semantic checks, in code order.
pub fn checks() -> impl Iterator<Item = (&'static CodeInfo, fn(&Context<'_>, &mut Vec<Diagnostic>))>
{
    RULES.iter().filter_map(|r| match r.source {
        Source::Check(run) => Some((r.code, run)),
        _ => None,
    })
}

/// The messaging lints, in code order.
pub fn lints() -> impl Iterator<
    Item = (
        &'static CodeInfo,
        fn(&LintContext<'_>, &mut Vec<Diagnostic>),
    ),
> {
    RULES.iter().filter_map(|r| match r.source {
        Source::Lint(run) => Some((r.code, run)),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique_and_well_formed() {
        let all: Vec<Rule> = all().collect();
        for (i, a) in all.iter().map(|r| r.code).enumerate() {
            assert!(a.code.len() == 5 && a.code.starts_with('J'), "{}", a.code);
            assert!(
                a.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{} is not kebab-case",
                a.name
            );
            assert!(
                !a.summary.is_empty() && !a.explanation.is_empty(),
                "{}",
                a.code
            );
            for b in all[i + 1..].iter().map(|r| r.code) {
                assert_ne!(a.code, b.code);
                assert_ne!(a.name, b.name);
            }
        }
    }

    #[test]
    fn codes_are_in_order_and_in_the_range_of_their_kind() {
        let all: Vec<Rule> = all().collect();
        for w in all.windows(2) {
            assert!(
                w[0].code.code < w[1].code.code,
                "{} before {}",
                w[0].code.code,
                w[1].code.code
            );
        }
        for r in &all {
            let range = match r.source {
                Source::Syntax => ["J00", "J01", "J02"].as_slice(),
                Source::Check(_) => &["J03", "J04"],
                Source::Lint(_) => &["J05"],
                Source::Config => &["J06"],
            };
            assert!(
                range.iter().any(|p| r.code.code.starts_with(p)),
                "{}",
                r.code.code
            );
        }
    }

    #[test]
    fn only_checks_are_opt_in() {
        for r in all() {
            if r.code.opt_in {
                assert!(matches!(r.source, Source::Check(_)), "{}", r.code.code);
            }
        }
        assert!(is_opt_in("J0422"));
        assert!(!is_opt_in("J0421"));
    }

    #[test]
    fn codes_and_names_find_their_rule() {
        assert_eq!(
            find("j0102").map(|r| r.code.name),
            Some("unterminated-string")
        );
        assert_eq!(
            find("persona-not-served").map(|r| r.code.code),
            Some("J0406")
        );
        assert!(find("J9999").is_none());
        assert!(is_syntax("J0202") && !is_syntax("J0406"));
    }
}
