//! Realistic `.journey` workloads of a chosen size.
//!
//! Benchmarks, the language-server load test and fuzz seeds need inputs that
//! look like what companies write: personas with evidence, phases with core
//! messages, KPIs and touchpoints in German and English, impact-map goals,
//! imports between files. Everything here is deterministic for a given seed,
//! so figures are comparable between runs.

pub mod peer;
pub mod props;

use std::fmt::Write;
use std::path::{Path, PathBuf};

/// A small deterministic generator (xorshift64*): no dependency, same
/// sequence on every platform.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub seed: u64,
    /// Put a few syntax and semantic errors in (about one per unit).
    pub with_errors: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            seed: 1,
            with_errors: false,
        }
    }
}

pub(crate) const PHASES: &[(&str, &str, &str)] = &[
    (
        "awareness",
        "awareness",
        "Where do I find help with my problem?",
    ),
    (
        "information",
        "consideration",
        "Which offer fits my needs best?",
    ),
    ("purchase", "purchase", "How do I buy it without hassle?"),
    ("onboarding", "onboarding", "Wie starte ich am schnellsten?"),
    ("loyalty", "loyalty", "Lohnt es sich, zu bleiben?"),
    (
        "offboarding",
        "offboarding",
        "How do I leave on good terms?",
    ),
];

pub(crate) const CHANNELS: &[(&str, &str)] = &[
    ("web", "online"),
    ("email", "online"),
    ("social", "online"),
    ("app", "online"),
    ("phone", "offline"),
    ("store", "offline"),
    ("event", "offline"),
];

pub(crate) const COPY_EN: &[&str] = &[
    "Measurable marketing for small teams, set up in 14 days",
    "Your first measurable campaign runs in two weeks",
    "Small teams see what their marketing brings",
    "Cancel any time: measurable results or your money back",
];

pub(crate) const COPY_DE: &[&str] = &[
    "Messbares Marketing für kleine Teams – in 14 Tagen startklar",
    "Ihre erste messbare Kampagne läuft in zwei Wochen",
    "Kleine Teams sehen, was ihr Marketing bringt – schwarz auf weiß 📈",
    "Jederzeit kündbar: messbare Ergebnisse für kleine Teams",
];

/// Words that make each piece of copy its own, as in real journeys where
/// every touchpoint says something slightly different: `{base} — {what}
/// {how} {who}`, about 2,500 variants per base sentence and language.
const VARIANTS_EN: [&[&str]; 3] = [
    &[
        "dashboards",
        "newsletters",
        "landing pages",
        "reports",
        "split tests",
        "lead forms",
        "webinars",
        "price alerts",
        "referral codes",
        "welcome mails",
        "case studies",
        "checklists",
        "templates",
        "workshops",
        "audits",
        "playbooks",
        "forecasts",
        "surveys",
        "reminders",
        "coupons",
    ],
    &[
        "tried by",
        "checked by",
        "loved by",
        "built with",
        "tested by",
        "made for",
        "recommended by",
        "proven at",
    ],
    &[
        "bakeries",
        "florists",
        "law firms",
        "tax advisors",
        "agencies",
        "dentists",
        "garden centres",
        "bike shops",
        "cafés",
        "architects",
        "yoga studios",
        "opticians",
        "carpenters",
        "hotels",
        "tutors",
        "breweries",
    ],
];

const VARIANTS_DE: [&[&str]; 3] = [
    &[
        "Dashboards",
        "Newsletter",
        "Landingpages",
        "Berichte",
        "Split-Tests",
        "Leadformulare",
        "Webinare",
        "Preisalarme",
        "Empfehlungscodes",
        "Willkommensmails",
        "Fallstudien",
        "Checklisten",
        "Vorlagen",
        "Workshops",
        "Audits",
        "Leitfäden",
        "Prognosen",
        "Umfragen",
        "Erinnerungen",
        "Gutscheine",
    ],
    &[
        "erprobt von",
        "geprüft von",
        "beliebt bei",
        "entwickelt mit",
        "getestet von",
        "gemacht für",
        "empfohlen von",
        "bewährt bei",
    ],
    &[
        "Bäckereien",
        "Floristen",
        "Kanzleien",
        "Steuerbüros",
        "Agenturen",
        "Zahnarztpraxen",
        "Gärtnereien",
        "Fahrradläden",
        "Cafés",
        "Architekturbüros",
        "Yogastudios",
        "Optikern",
        "Schreinereien",
        "Hotels",
        "Nachhilfeschulen",
        "Brauereien",
    ],
];

/// A base sentence made into copy of its own (see [`VARIANTS_EN`]).
pub(crate) fn varied(base: &str, german: bool, rng: &mut Rng) -> String {
    let [what, how, who] = if german { VARIANTS_DE } else { VARIANTS_EN };
    let sep = if german { ", " } else { " " };
    format!(
        "{base} — {}{sep}{} {}",
        rng.pick(what),
        rng.pick(how),
        rng.pick(who)
    )
}

pub(crate) const TEAMS: &[&str] = &["marketing", "sales", "service", "product", "success"];

/// The top-level definitions of one unit, kept apart so that a workspace
/// can spread them over files.
struct Unit {
    journey: String,
    personas: String,
    phases: Vec<String>,
    goal: String,
}

/// Touchpoints per phase.
const TOUCHPOINTS: usize = 4;

/// One self-contained unit: a journey over six phases with its personas,
/// touchpoints and an impact-map goal, about 400 lines. `n` makes every id
/// unique.
fn make_unit(n: usize, rng: &mut Rng, opts: Options) -> Unit {
    let german = n % 2 == 1;
    let copy = if german { COPY_DE } else { COPY_EN };
    let mut journey = String::new();
    let _ = writeln!(journey, "# Unit {n}: generated workload");
    let _ = writeln!(journey, "journey j{n} \"Marketing automation {n}\" {{");
    let _ = writeln!(journey, "  value \"Measurable marketing for small teams\"");
    let phase_ids: Vec<String> = PHASES.iter().map(|(id, _, _)| format!("{id}{n}")).collect();
    let _ = writeln!(journey, "  phases {}", phase_ids.join(", "));
    let _ = writeln!(journey, "  loop loyalty{n} -> awareness{n}\n}}\n");
    let mut personas = String::new();
    for p in 0..2 {
        let channels: Vec<&str> = CHANNELS.iter().map(|c| c.0).collect();
        let _ = writeln!(
            personas,
            "persona p{n}_{p} \"{}\" {{\n  role \"Managing director of a small firm\"\n  evidence \"12 interviews, 2026\"\n  needs \"less manual work\", \"campaigns she can measure\"\n  pains \"too many tools\"\n  channels {}\n}}\n",
            if german { "Sabine, Geschäftsführerin" } else { "Sam, founder" },
            channels.join(", ")
        );
    }
    let mut touchpoints = Vec::new();
    let mut phases = Vec::new();
    for (i, (id, kind, question)) in PHASES.iter().enumerate() {
        let mut out = String::new();
        let _ = writeln!(out, "phase {id}{n} \"{id} {n}\" {{");
        let _ = writeln!(out, "  kind {kind}");
        let _ = writeln!(out, "  question \"{question}\"");
        let _ = writeln!(
            out,
            "  message \"{}\"",
            varied(copy[(i + n) % copy.len()], german, rng)
        );
        let _ = writeln!(
            out,
            "  kpi k{n}_{i} \"Conversion {id}\" target {} unit \"%\"",
            5 + rng.below(40)
        );
        let _ = writeln!(
            out,
            "  teams {}, {}",
            TEAMS[i % TEAMS.len()],
            TEAMS[(i + 1) % TEAMS.len()]
        );
        let _ = writeln!(out, "  systems crm, cms");
        for t in 0..TOUCHPOINTS {
            let tid = format!("t{n}_{i}_{t}");
            let (channel, presence) = rng.pick(CHANNELS);
            let score = 2 + rng.below(3);
            let _ = writeln!(out, "\n  touchpoint {tid} \"Touchpoint {i}.{t}\" {{");
            let _ = writeln!(out, "    channel {channel} {presence}");
            let _ = writeln!(out, "    owner {}", TEAMS[(i + t) % TEAMS.len()]);
            let _ = writeln!(out, "    serves p{n}_{}", t % 2);
            let _ = writeln!(
                out,
                "    says \"{}\"",
                varied(copy[(i + t + n) % copy.len()], german, rng)
            );
            let _ = writeln!(
                out,
                "    kpi \"Reach {tid}\" target {}",
                100 * (1 + rng.below(50))
            );
            let _ = writeln!(out, "    expectation {score}\n    experience {score}");
            let _ = writeln!(out, "    importance high\n    monitored\n    state current");
            if opts.with_errors && rng.below(8) == 0 {
                // A syntax error and a semantic one, independent of each other.
                let _ = writeln!(out, "    experiance 4\n    serves nobody{n}");
            }
            let _ = writeln!(out, "  }}");
            touchpoints.push(tid);
        }
        let _ = writeln!(out, "}}\n");
        phases.push(out);
    }
    let mut goal = String::new();
    let _ = writeln!(goal, "goal g{n} \"Recurring revenue +15 %\" {{");
    let _ = writeln!(
        goal,
        "  metric \"ARR\" current \"400k EUR\" target \"460k EUR\" by 2027-06-30"
    );
    let _ = writeln!(
        goal,
        "  actor p{n}_0 {{\n    impact i{n} \"starts a free trial\" {{"
    );
    let _ = writeln!(goal, "      kpi \"trial starts per month\" target 40");
    let _ = writeln!(goal, "      via {}", touchpoints.join(", "));
    let _ = writeln!(goal, "    }}\n  }}\n}}\n");
    Unit {
        journey,
        personas,
        phases,
        goal,
    }
}

/// Appends one unit (see [`make_unit`]) to `out`.
pub fn unit(out: &mut String, n: usize, rng: &mut Rng, opts: Options) {
    let u = make_unit(n, rng, opts);
    out.push_str(&u.journey);
    out.push_str(&u.personas);
    for p in &u.phases {
        out.push_str(p);
    }
    out.push_str(&u.goal);
}

/// One file of about `target_bytes` (at least one unit).
pub fn file(target_bytes: usize, opts: Options) -> String {
    let mut rng = Rng::new(opts.seed);
    let mut out = String::with_capacity(target_bytes + 8 * 1024);
    let mut n = 0;
    while out.len() < target_bytes || n == 0 {
        unit(&mut out, n, &mut rng, opts);
        n += 1;
    }
    out
}

/// A workspace of `files` files, about 100 lines each: per unit a journey
/// file (journey and goal) that imports a personas file and two files of
/// three phases each. Returns every file as (relative path, text), in a
/// stable order.
pub fn workspace(files: usize, opts: Options) -> Vec<(PathBuf, String)> {
    let mut rng = Rng::new(opts.seed);
    let mut out = Vec::with_capacity(files);
    let mut n = 0;
    while out.len() < files {
        let u = make_unit(n, &mut rng, opts);
        let dir = PathBuf::from(format!("unit{n:05}"));
        let budget = files - out.len();
        // The parts, largest last; when the budget is short, what does not
        // get a file of its own stays in the journey file.
        let parts = [
            ("personas.journey", u.personas.clone()),
            ("phases_a.journey", u.phases[..3].concat()),
            ("phases_b.journey", u.phases[3..].concat()),
        ];
        let mut root = String::new();
        let mut rest = Vec::new();
        for (name, text) in parts {
            if rest.len() + 2 <= budget {
                let _ = writeln!(root, "import \"{name}\"");
                rest.push((dir.join(name), text));
            } else {
                root.push_str(&text);
            }
        }
        root.push('\n');
        root.push_str(&u.journey);
        root.push_str(&u.goal);
        out.push((dir.join("journey.journey"), root));
        out.extend(rest);
        n += 1;
    }
    out.truncate(files);
    out
}

/// Writes [`workspace`] below `dir`.
pub fn write_workspace(dir: &Path, files: usize, opts: Options) -> std::io::Result<usize> {
    let mut bytes = 0;
    for (path, text) in workspace(files, opts) {
        let path = dir.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        bytes += text.len();
        std::fs::write(path, text)?;
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_reaches_its_size_and_is_deterministic() {
        let a = file(100_000, Options::default());
        assert!(a.len() >= 100_000 && a.len() < 110_000, "{}", a.len());
        assert_eq!(a, file(100_000, Options::default()));
        assert_ne!(
            a,
            file(
                100_000,
                Options {
                    seed: 2,
                    ..Options::default()
                }
            )
        );
    }

    #[test]
    fn workspace_has_the_requested_number_of_files_with_imports() {
        let ws = workspace(25, Options::default());
        assert_eq!(ws.len(), 25);
        assert!(ws[0].1.contains("import \""));
        let mut paths: Vec<_> = ws.iter().map(|(p, _)| p.clone()).collect();
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), 25, "paths are unique");
    }

    #[test]
    fn errors_only_when_asked() {
        let clean = file(200_000, Options::default());
        assert!(!clean.contains("experiance"));
        let broken = file(
            200_000,
            Options {
                with_errors: true,
                ..Options::default()
            },
        );
        assert!(broken.contains("experiance"));
    }
}
