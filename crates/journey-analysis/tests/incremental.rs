//! The incremental analysis gives exactly the findings of a whole
//! analysis, after any sequence of edits, removals and configuration
//! changes across files that refer to each other.

use journey_analysis::{Config, Workspace};
use journey_workload::Rng;
use proptest::prelude::*;
use std::path::PathBuf;

const FILES: usize = 5;

/// Names shared by every file, some of them close to each other (for
/// suggestions) and some used by two kinds.
const PERSONAS: &[&str] = &["anna", "ben", "anan", "shop"];
const PHASES: &[&str] = &["aware", "buy", "use", "bye", "anna"];
const TOUCHPOINTS: &[&str] = &["ad", "shop", "mail", "mall"];
const PROMISES: &[&str] = &["fast", "free", "fats"];
const GOALS: &[&str] = &["grow", "signup"];
const JOURNEYS: &[&str] = &["main", "side"];
const TEXTS: &[&str] = &[
    "Fast delivery for everyone, guaranteed",
    "Schnelle Lieferung für alle, garantiert kostenlos",
    "Your bike, swapped within 24 hours",
    "Free returns, always, no questions asked",
    "Kostenlos und sofort: Ihr neues Rad",
    "We are the best and cheapest shop in town",
    "Sign up",
];
const CHANNELS: &[&str] = &["web", "kiosk offline", "emial", "kiosk", "store"];
const KINDS: &[&str] = &["awareness", "purchase", "usage", "decision"];

thread_local! {
    /// The namespace the file being written mostly uses.
    static NAMESPACE: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// One of `names`, in one of three namespaces — mostly the file's own:
/// files that use different ones share nothing and are analysed apart.
fn name(rng: &mut Rng, names: &[&str]) -> String {
    let name = rng.pick(names);
    let ns = match rng.below(6) {
        0 => rng.below(3),
        _ => NAMESPACE.get(),
    };
    match ns {
        0 => name.to_string(),
        n => format!("{name}{n}"),
    }
}

fn persona(rng: &mut Rng) -> String {
    let mut s = format!("persona {} \"P\" {{\n", name(rng, PERSONAS));
    if rng.below(2) == 0 {
        s += "  evidence \"5 interviews\"\n";
    }
    if rng.below(2) == 0 {
        s += &format!(
            "  channels {}, web\n",
            rng.pick(&["kiosk", "email", "emial"])
        );
    }
    s + "}\n"
}

fn touchpoint(rng: &mut Rng) -> String {
    let mut s = format!("  touchpoint {} \"T\" {{\n", name(rng, TOUCHPOINTS));
    if rng.below(3) == 0 {
        s += "    allow touchpoint-without-owner \"a partner runs it\"\n";
    } else {
        s += "    owner team\n";
    }
    for _ in 0..rng.below(3) {
        s += &format!("    serves {}\n", name(rng, PERSONAS));
    }
    if rng.below(2) == 0 {
        s += &format!("    channel {}\n", rng.pick(CHANNELS));
    }
    if rng.below(2) == 0 {
        s += &format!("    says \"{}\"\n", rng.pick(TEXTS));
    }
    if rng.below(3) == 0 {
        s += &format!("    keeps {}\n", name(rng, PROMISES));
    }
    if rng.below(3) == 0 {
        s += "    moment\n    expectation 4\n    experience 2\n";
    }
    s + "  }\n"
}

fn phase(rng: &mut Rng) -> String {
    let mut s = format!("phase {} \"X\" {{\n", name(rng, PHASES));
    if rng.below(3) > 0 {
        s += &format!("  kind {}\n", rng.pick(KINDS));
    }
    if rng.below(4) > 0 {
        s += &format!("  message \"{}\"\n", rng.pick(TEXTS));
    }
    if rng.below(2) == 0 {
        s += &format!(
            "  promise {} \"{}\"\n",
            name(rng, PROMISES),
            rng.pick(TEXTS)
        );
    }
    if rng.below(3) == 0 {
        s += &format!(
            "  supports {}\n",
            name(rng, &["grow", "fast", "gorw", "signup"])
        );
    }
    for _ in 0..rng.below(3) {
        s += &touchpoint(rng);
    }
    s + "}\n"
}

fn journey(rng: &mut Rng) -> String {
    let mut s = format!("journey {} \"J\" {{\n", name(rng, JOURNEYS));
    if rng.below(2) == 0 {
        s += &format!("  value \"{}\"\n", rng.pick(TEXTS));
    }
    let n = rng.below(4);
    if n > 0 {
        let phases: Vec<String> = (0..n).map(|_| name(rng, PHASES)).collect();
        s += &format!("  phases {}\n", phases.join(", "));
        if rng.below(3) == 0 {
            s += &format!("  loop {} -> {}\n", phases[n - 1], name(rng, PHASES));
        }
    }
    s + "}\n"
}

fn goal(rng: &mut Rng) -> String {
    format!(
        "goal {} \"G\" {{\n  metric \"m\" current 1 target 2 by 2027-12-31\n  actor {} {{\n    impact {} \"I\" {{\n      via {}\n    }}\n  }}\n}}\n",
        name(rng, GOALS),
        name(rng, PERSONAS),
        name(rng, &["signup", "buys", "grow"]),
        name(rng, TOUCHPOINTS),
    )
}

/// A file of random definitions over the shared names, possibly
/// importing another file or broken by a syntax error.
fn file(seed: u64) -> String {
    let mut rng = Rng::new(seed);
    NAMESPACE.set(rng.below(3));
    let mut s = String::new();
    if rng.below(3) == 0 {
        s += &format!("import \"f{}.journey\"\n", rng.below(FILES + 1));
    }
    for _ in 0..rng.below(4) + 1 {
        s += &match rng.below(9) {
            0 | 1 => persona(&mut rng),
            2..=4 => phase(&mut rng),
            5 | 6 => journey(&mut rng),
            _ => goal(&mut rng),
        };
    }
    if rng.below(12) == 0 {
        s += "phase {\n";
    }
    s
}

fn path(i: usize) -> PathBuf {
    PathBuf::from(format!("/t/f{i}.journey"))
}

fn set(ws: &mut Workspace, i: usize, seed: u64) {
    ws.set_file(path(i), format!("f{i}.journey"), file(seed));
}

/// Every finding, computed incrementally and by a whole analysis.
fn both(
    ws: &Workspace,
) -> (
    Vec<journey_diagnostics::Diagnostic>,
    Vec<journey_diagnostics::Diagnostic>,
) {
    (ws.diagnostics(), ws.analysis().diagnostics.clone())
}

/// One step of an edit sequence.
#[derive(Debug, Clone)]
enum Step {
    Edit(usize, u64),
    Remove(usize),
    /// A journey.toml that names ids and switches rules on and off.
    Config(u64),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        8 => (0..FILES, any::<u64>()).prop_map(|(i, s)| Step::Edit(i, s)),
        1 => (0..FILES).prop_map(Step::Remove),
        1 => any::<u64>().prop_map(Step::Config),
    ]
}

fn config(seed: u64) -> Config {
    let mut rng = Rng::new(seed);
    let level = rng.pick(&["allow", "warn", "deny"]);
    let toml = format!(
        "[checks]\ntouchpoint-not-reached = \"{level}\"\nJ0402 = \"{}\"\n\n\
         [messaging.journeys.{}]\nregister = \"sie\"\n\n\
         [messaging.personas.{}]\nregister = \"du\"\n\n\
         [vocabulary]\navoid = [\"kostenlos\"]\n",
        rng.pick(&["allow", "warn"]),
        name(&mut rng, JOURNEYS),
        name(&mut rng, PERSONAS),
    );
    Config::parse(&toml, Some(PathBuf::from("/t/journey.toml")))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn incremental_findings_equal_a_whole_analysis(
        initial in proptest::collection::vec(any::<u64>(), FILES),
        steps in proptest::collection::vec(step(), 1..16),
    ) {
        let mut ws = Workspace::new();
        ws.keep_text_facts();
        ws.analyse_incrementally();
        for (i, seed) in initial.iter().enumerate() {
            set(&mut ws, i, *seed);
        }
        let (inc, full) = both(&ws);
        prop_assert_eq!(inc, full, "initial files");
        for (n, s) in steps.iter().enumerate() {
            match s {
                Step::Edit(i, seed) => set(&mut ws, *i, *seed),
                Step::Remove(i) => {
                    ws.remove_file(&path(*i));
                }
                Step::Config(seed) => ws.set_config(config(*seed), "journey.toml"),
            }
            let (inc, full) = both(&ws);
            prop_assert_eq!(inc, full, "after step {} ({:?})", n, s);
        }
    }
}

/// The random workspaces above are split into parts (or the equality
/// would hold trivially).
#[test]
fn random_workspaces_have_several_parts() {
    let split = (0..40u64)
        .filter(|seed| {
            let mut ws = Workspace::new();
            ws.analyse_incrementally();
            for i in 0..FILES {
                set(&mut ws, i, seed * 31 + i as u64);
            }
            ws.diagnostics();
            ws.incremental_stats().expect("incremental").parts > 1
        })
        .count();
    assert!(split >= 8, "only {split} of 40 workspaces were split");
}

/// An edit re-analyses only the files it can change: findings of the
/// other parts are reused, and still equal a whole analysis.
#[test]
fn an_edit_in_one_unit_reuses_the_others() {
    let files = journey_workload::workspace(40, journey_workload::Options::default());
    let mut ws = Workspace::new();
    ws.analyse_incrementally();
    for (p, text) in &files {
        ws.set_file(p.clone(), p.display().to_string(), text.clone());
    }
    assert_eq!(ws.diagnostics(), ws.analysis().diagnostics);
    let (p, text) = files
        .iter()
        .find(|(_, t)| t.contains("serves "))
        .expect("a phase file");
    let edited = text.replacen("serves ", "serves x", 1);
    assert_ne!(&edited, text);
    ws.set_file(p.clone(), p.display().to_string(), edited);
    let stats = ws.incremental_stats().expect("incremental");
    let after = ws.diagnostics();
    let stats_after = ws.incremental_stats().expect("incremental");
    assert_eq!(after, ws.analysis().diagnostics);
    assert!(
        stats.parts > 1,
        "the units are parts of their own: {stats:?}"
    );
    assert_eq!(
        stats_after.analysed - stats.analysed,
        1,
        "only the edited unit is analysed again"
    );
}
