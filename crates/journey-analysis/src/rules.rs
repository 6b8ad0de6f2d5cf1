//! Every code journeyc reports, in one list: the syntax codes of
//! `journey-syntax`, the checks' and the lints' [`declare_rules!`] lists and
//! [`CONFIG_RULES`], joined by [`all`]. The registry that runs the
//! checks and lints, `journeyc explain`, SARIF rule lists and the names
//! and codes `journey.toml` and `allow` accept all read it, and nothing
//! else: a rule is declared once, in its own module — its [`CodeInfo`]
//! with code, name, default level, summary, explanation and examples —
//! and listed once, here.
//!
//! Adding a check: a module in `checks/` with `pub const CODE: CodeInfo`
//! and `pub fn run`, and its name in the `declare_rules!` list of
//! `checks/mod.rs`, in code order — that one line declares the module and
//! registers it. A lint likewise in `lints/`.

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

/// Declares the rule modules of a folder and lists them, one line per
/// rule in code order: `declare_rules!(Check: a, b)` in `checks/mod.rs`
/// is `pub mod a; pub mod b;` and `RULES` of both, each module with its
/// `CODE` and `run`. Adding a check is its file and its line there.
macro_rules! declare_rules {
    ($source:ident: $($m:ident),* $(,)?) => {
        $(pub mod $m;)*

        /// The rules of this folder, in code order.
        pub const RULES: &[$crate::rules::Rule] = &[$(
            $crate::rules::Rule {
                code: &$m::CODE,
                source: $crate::rules::Source::$source($m::run),
            }
        ),*];
    };
}
pub(crate) use declare_rules;

/// The codes that reading journey.toml and applying `allow`s report, in
/// code order.
pub const CONFIG_RULES: &[Rule] = &[
    Rule {
        code: &config::INVALID_CONFIG,
        source: Source::Config,
    },
    Rule {
        code: &config::UNKNOWN_CHECK,
        source: Source::Config,
    },
    Rule {
        code: &config::UNKNOWN_CONFIG_KEY,
        source: Source::Config,
    },
    Rule {
        code: &checks::suppression::ALLOW_WITHOUT_REASON,
        source: Source::Config,
    },
    Rule {
        code: &checks::suppression::UNUSED_ALLOW,
        source: Source::Config,
    },
];

/// Every code after the syntax codes, in code order: the checks, the
/// messaging lints, then journey.toml's and `allow`'s codes.
pub fn rules() -> impl Iterator<Item = Rule> {
    checks::RULES
        .iter()
        .chain(lints::RULES)
        .chain(CONFIG_RULES)
        .copied()
}

/// Every code, in code order: the syntax codes, then [`rules`].
pub fn all() -> impl Iterator<Item = Rule> {
    journey_syntax::codes::ALL
        .iter()
        .map(|code| Rule {
            code,
            source: Source::Syntax,
        })
        .chain(rules())
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
    rules().any(|r| r.code.opt_in && r.code.code == code)
}

/// The semantic checks, in code order.
pub fn checks() -> impl Iterator<Item = (&'static CodeInfo, fn(&Context<'_>, &mut Vec<Diagnostic>))>
{
    checks::RULES.iter().filter_map(|r| match r.source {
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
    lints::RULES.iter().filter_map(|r| match r.source {
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
