//! `journeyc init`: writes a starter workspace from a journey model.

mod models;

use crate::exit;
use crate::output;
use clap::{Args, ValueEnum};
use journey_fmt::FormatOptions;
use models::{Model, Tr, MODELS, SYSTEMS, TEAMS};
use std::fmt::Write as _;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// English.
    En,
    /// German (Deutsch).
    De,
}

impl Lang {
    fn pick(self, tr: Tr) -> &'static str {
        match self {
            Lang::En => tr[0],
            Lang::De => tr[1],
        }
    }
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to write the workspace into (created when missing).
    /// Default: the current directory.
    pub dir: Option<PathBuf>,
    /// The journey model to start from (`--list` shows them).
    #[arg(long, short, default_value = "lifecycle")]
    pub template: String,
    /// The language of the example texts and file names.
    #[arg(long, value_enum, default_value_t = Lang::En)]
    pub lang: Lang,
    /// List the templates and exit.
    #[arg(long)]
    pub list: bool,
}

pub fn run(args: InitArgs) -> u8 {
    if args.list {
        output::print(&list(args.lang));
        return exit::OK;
    }
    let Some(model) = models::find(&args.template) else {
        let names: Vec<&str> = MODELS.iter().map(|m| m.name).collect();
        let mut msg = format!("there is no template `{}`", args.template);
        if let Some(close) = journey_syntax::closest(&args.template, &names) {
            let _ = write!(msg, "; did you mean `{close}`?");
        }
        output::error(msg);
        eprint!("\n{}", list(args.lang));
        return exit::USAGE;
    };
    let dir = args.dir.unwrap_or_else(|| PathBuf::from("."));
    let files = match workspace(model, args.lang, &FormatOptions::default()) {
        Ok(files) => files,
        Err(e) => {
            output::error(format!("the template `{}` is broken: {e}", model.name));
            return exit::USAGE;
        }
    };
    // All or nothing, never over an existing file: every target is
    // checked before anything is written.
    let mut tx = journey_write::Transaction::new();
    for (name, text) in &files {
        tx.add(
            dir.join(name),
            text.as_bytes().to_vec(),
            journey_write::Mode::CreateNew,
        );
    }
    if let Err(e) = tx.commit() {
        let mut only_existing = true;
        for p in &e.problems {
            if matches!(p.kind, journey_write::ErrorKind::Exists) {
                output::error(format!(
                    "`{}` already exists; journeyc init never overwrites a file",
                    p.path.display()
                ));
            } else {
                only_existing = false;
                output::error(p);
            }
        }
        if !e.nothing_changed() {
            output::error(e);
        } else if only_existing {
            eprintln!("nothing was written; choose an empty folder: journeyc init DIR");
        } else {
            eprintln!("nothing was written");
        }
        return exit::USAGE;
    }
    let shown = output::escape_line(&dir.display().to_string()).into_owned();
    let mut msg = match args.lang {
        Lang::En => format!(
            "Created a journey workspace from the template `{}` ({}) in `{shown}`:\n",
            model.name,
            args.lang.pick(model.title)
        ),
        Lang::De => format!(
            "Journey-Workspace aus der Vorlage `{}` ({}) in `{shown}` angelegt:\n",
            model.name,
            args.lang.pick(model.title)
        ),
    };
    for (name, _) in &files {
        let _ = writeln!(msg, "  {name}");
    }
    let _ = match args.lang {
        Lang::En => write!(
            msg,
            "\nReplace the example texts with your own, then run `journeyc check {shown}`.\n"
        ),
        Lang::De => write!(
            msg,
            "\nErsetzen Sie die Beispieltexte durch Ihre eigenen und prüfen Sie mit `journeyc check {shown}`.\n"
        ),
    };
    output::print(&msg);
    exit::OK
}

fn list(lang: Lang) -> String {
    let mut out = String::from(match lang {
        Lang::En => "Templates (journeyc init [DIR] --template NAME --lang en|de):\n",
        Lang::De => "Vorlagen (journeyc init [ORDNER] --template NAME --lang de|en):\n",
    });
    let width = MODELS.iter().map(|m| m.name.len()).max().unwrap_or(0);
    for m in MODELS {
        let _ = writeln!(
            out,
            "  {:width$}  {}: {}{}",
            m.name,
            lang.pick(m.title),
            lang.pick(m.summary),
            match (m.loop_to.is_some(), lang) {
                (false, _) => "",
                (true, Lang::En) => " (a loop)",
                (true, Lang::De) => " (Kreislauf)",
            }
        );
    }
    out
}

/// File names per language.
struct Names {
    journey: &'static str,
    personas: &'static str,
    phases: &'static str,
    goals: &'static str,
}

fn names(lang: Lang) -> Names {
    match lang {
        Lang::En => Names {
            journey: "journey.journey",
            personas: "personas.journey",
            phases: "phases.journey",
            goals: "goals.journey",
        },
        Lang::De => Names {
            journey: "journey.journey",
            personas: "personas.journey",
            phases: "phasen.journey",
            goals: "ziele.journey",
        },
    }
}

/// A string literal: the template texts hold no quotes or backslashes,
/// but escape them anyway.
fn q(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Wraps prose at `width` columns, each line indented by `indent`.
fn wrap(text: &str, indent: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty()
            && indent.len() + line.chars().count() + 1 + word.chars().count() > width
        {
            let _ = writeln!(out, "{indent}{line}");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        let _ = writeln!(out, "{indent}{line}");
    }
    out
}

/// The current year, from the system clock (UTC).
fn current_year() -> i64 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    // Civil-from-days (Howard Hinnant), the year part only.
    let z = secs.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    yoe + era * 400 + i64::from(month <= 2)
}

/// The files of a workspace from `model` in `lang`, formatted with `opts`:
/// (relative path, text).
/// The parts of the template's value proposition (English, German) that
/// the phases' core messages support.
const VALUE_PARTS: [[&str; 3]; 2] = [
    ["simply", "reliably", "at a fair price"],
    ["einfach", "zuverlässig", "zu einem fairen Preis"],
];

pub fn workspace(
    model: &Model,
    lang: Lang,
    opts: &FormatOptions,
) -> Result<Vec<(String, String)>, String> {
    let de = lang == Lang::De;
    let t = |tr: Tr| lang.pick(tr);
    let n = names(lang);
    let persona = if de { "kundin" } else { "customer" };
    let phases = model.phases;
    let mut files = Vec::new();

    // journey.toml
    let toml = if de {
        format!(
            "# Konfiguration des Journey-Workspace (journeyc).\n\
             \n\
             [workspace]\n\
             include = [\"**/*.journey\"]\n\
             # Sprache der Texte: Tabellenköpfe von `journeyc export --format xlsx`\n\
             lang = \"de\"\n\
             \n\
             [checks]\n\
             # Stufen je Prüfung: \"allow\", \"info\", \"warn\" oder \"deny\".\n\
             # warnings = \"deny\"  # in CI jede Warnung als Fehler werten\n\
             \n\
             [format]\n\
             line_width = {}\n\
             indent = {}\n",
            opts.line_width, opts.indent
        )
    } else {
        format!(
            "# Configuration of the journey workspace (journeyc).\n\
             \n\
             [workspace]\n\
             include = [\"**/*.journey\"]\n\
             # The language of the texts: headers of `journeyc export --format xlsx`\n\
             lang = \"en\"\n\
             \n\
             [checks]\n\
             # A level per check: \"allow\", \"info\", \"warn\" or \"deny\".\n\
             # warnings = \"deny\"  # treat every warning as an error in CI\n\
             \n\
             [format]\n\
             line_width = {}\n\
             indent = {}\n",
            opts.line_width, opts.indent
        )
    };
    files.push(("journey.toml".to_string(), toml));

    // The journey.
    let mut j = String::new();
    j.push_str(&wrap(
        &format!("{}: {}", t(model.title), t(model.summary)),
        "# ",
        78,
    ));
    j.push_str("#\n");
    let intro = if de {
        format!(
            "Angelegt mit `journeyc init --template {} --lang de`. Die Texte sind Beispiele: Ersetzen Sie sie durch Ihre eigenen. `journeyc check` zeigt, was fehlt oder nicht zusammenpasst.",
            model.name
        )
    } else {
        format!(
            "Created with `journeyc init --template {}`. The texts are examples: replace them with your own. `journeyc check` shows what is missing or inconsistent.",
            model.name
        )
    };
    j.push_str(&wrap(&intro, "# ", 78));
    j.push('\n');
    for f in [n.personas, n.phases, n.goals] {
        let _ = writeln!(j, "import {}", q(f));
    }
    let (jid, jtitle) = if de {
        (
            "unsere_journey",
            format!("Unsere Customer Journey ({})", t(model.title)),
        )
    } else {
        (
            "our_journey",
            format!("Our customer journey ({})", t(model.title)),
        )
    };
    let _ = writeln!(j, "\njourney {jid} {} {{", q(&jtitle));
    let value = if de {
        "Wir lösen das Problem unserer Kundschaft einfach, zuverlässig und zu einem fairen Preis."
    } else {
        "We solve our customers' problem simply, reliably and at a fair price."
    };
    let _ = writeln!(j, "value {}", q(value));
    // The text block's lines sit one level deeper than the statement.
    let inner = " ".repeat(2 * opts.indent);
    j.push_str("description \"\"\"\n");
    j.push_str(&wrap(t(model.about), &inner, opts.line_width.min(80)));
    let _ = writeln!(j, "{inner}\"\"\"");
    let ids: Vec<&str> = phases.iter().map(|p| t(p.id)).collect();
    let _ = writeln!(j, "phases {}", ids.join(", "));
    if let Some(to) = model.loop_to {
        let _ = writeln!(j, "loop {} -> {}", ids[ids.len() - 1], ids[to]);
    }
    j.push_str("}\n");
    files.push((n.journey.to_string(), j));

    // The persona: its channels are those of the touchpoints.
    let mut channels: Vec<&str> = Vec::new();
    for p in phases {
        if !channels.contains(&p.touchpoint.channel) {
            channels.push(p.touchpoint.channel);
        }
    }
    let mut ps = String::new();
    if de {
        ps.push_str("# Die Personas der Journey. Eine Persona beruht auf Belegen: Interviews,\n# Umfragen, Daten. Ersetzen Sie das Beispiel durch Ihre Zielgruppe.\n\n");
        let _ = writeln!(ps, "persona {persona} {} {{", q("Alex, typische Kundin"));
        let _ = writeln!(
            ps,
            "role {}",
            q("Beschreiben Sie hier Rolle und Lebenslage Ihrer wichtigsten Zielgruppe")
        );
        let _ = writeln!(
            ps,
            "evidence {}",
            q("Ersetzen durch Ihre Belege, z. B. 8 Interviews mit Kundinnen und Kunden")
        );
        let _ = writeln!(
            ps,
            "needs {}",
            q("Eine Lösung, die ohne Aufwand funktioniert")
        );
        let _ = writeln!(
            ps,
            "pains {}",
            q("Zu wenig Zeit, um Angebote zu vergleichen")
        );
        let _ = writeln!(ps, "gains {}", q("Mehr Zeit für das, was zählt"));
        let _ = writeln!(ps, "goals {}", q("Das Problem ein für alle Mal lösen"));
    } else {
        ps.push_str("# The personas of the journey. A persona rests on evidence: interviews,\n# surveys, data. Replace the example with your target group.\n\n");
        let _ = writeln!(ps, "persona {persona} {} {{", q("Alex, typical customer"));
        let _ = writeln!(
            ps,
            "role {}",
            q("Describe the role and situation of your most important customer group")
        );
        let _ = writeln!(
            ps,
            "evidence {}",
            q("Replace with your evidence, e.g. 8 interviews with customers")
        );
        let _ = writeln!(ps, "needs {}", q("A solution that works without effort"));
        let _ = writeln!(ps, "pains {}", q("Too little time to compare offers"));
        let _ = writeln!(ps, "gains {}", q("More time for what matters"));
        let _ = writeln!(ps, "goals {}", q("Solve the problem once and for all"));
    }
    let _ = writeln!(ps, "channels {}", channels.join(", "));
    ps.push_str("}\n");
    files.push((n.personas.to_string(), ps));

    // The phases, each with a placeholder touchpoint.
    let mut ph = String::new();
    if de {
        ph.push_str("# Die Phasen der Journey. Jede Phase hat eine zentrale Frage der Kundschaft,\n# ein Ziel des Unternehmens, eine Kernbotschaft, eine KPI und Touchpoints.\n# Die Touchpoints sind Platzhalter für die Ziel-Journey (state planned).\n\n");
    } else {
        ph.push_str("# The phases of the journey. Each phase has the customer's central question,\n# a business objective, one core message, a KPI and touchpoints. The\n# touchpoints are placeholders for the target journey (state planned).\n\n");
    }
    let _ = writeln!(ph, "import {}\n", q(n.personas));
    for (i, p) in phases.iter().enumerate() {
        let tp = &p.touchpoint;
        let team = t(TEAMS[p.team]);
        let system = t(SYSTEMS[tp.system]);
        let _ = writeln!(ph, "# {}. {}", i + 1, t(p.title));
        let _ = writeln!(ph, "phase {} {} {{", t(p.id), q(t(p.title)));
        let _ = writeln!(ph, "kind {}", p.kind);
        let _ = writeln!(ph, "question {}", q(t(p.question)));
        let _ = writeln!(ph, "activities {}", q(t(p.activity)));
        let _ = writeln!(ph, "wants {}", q(t(p.wants)));
        ph.push('\n');
        let _ = writeln!(ph, "objective {}", q(t(p.objective)));
        let _ = writeln!(ph, "message {}", q(t(p.message)));
        // Each phase tells one part of the value proposition.
        let part = if de { VALUE_PARTS[1] } else { VALUE_PARTS[0] }[i % VALUE_PARTS[0].len()];
        let _ = writeln!(ph, "supports {}", q(part));
        let (kpi, target, unit) = p.kpi;
        let _ = writeln!(ph, "kpi {} target {target} unit {}", q(t(kpi)), q(t(unit)));
        if let Some(m) = p.moment {
            let _ = writeln!(ph, "moment {}", q(t(m)));
        }
        let _ = writeln!(ph, "teams {team}");
        let _ = writeln!(ph, "systems {system}");
        ph.push('\n');
        let _ = writeln!(ph, "touchpoint {} {} {{", t(tp.id), q(t(tp.title)));
        let _ = writeln!(
            ph,
            "channel {} {}",
            tp.channel,
            if tp.online { "online" } else { "offline" }
        );
        let _ = writeln!(ph, "owner {team}");
        let _ = writeln!(ph, "systems {system}");
        let _ = writeln!(ph, "serves {persona}");
        let _ = writeln!(ph, "says {}", q(t(tp.says)));
        let (kpi, target) = tp.kpi;
        let _ = writeln!(ph, "kpi {} target {target}", q(t(kpi)));
        let _ = writeln!(ph, "expectation 4");
        let _ = writeln!(ph, "importance high");
        let _ = writeln!(ph, "monitored");
        if p.moment.is_some() {
            let _ = writeln!(ph, "moment yes");
        }
        let _ = writeln!(ph, "state planned");
        ph.push_str("}\n}\n\n");
    }
    files.push((n.phases.to_string(), ph));

    // The impact map: one impact reached by the touchpoints before the
    // purchase, one by those from the purchase on.
    let split = phases
        .iter()
        .position(|p| p.kind == "purchase")
        .unwrap_or(phases.len() / 2)
        .max(1);
    let via = |range: &[models::Phase]| {
        range
            .iter()
            .map(|p| t(p.touchpoint.id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (before, after) = (via(&phases[..split]), via(&phases[split..]));
    let last = t(phases[phases.len() - 1].touchpoint.id);
    let year = current_year() + 1;
    let mut g = String::new();
    if de {
        g.push_str("# Die Impact Map: Ziel (messbar, mit Termin) -> Akteur -> Wirkung\n# (Verhaltensänderung mit KPI) -> Maßnahmen (Touchpoints).\n\n");
    } else {
        g.push_str("# The impact map: goal (measurable, with a deadline) -> actor -> impact\n# (a change in behaviour, with a KPI) -> deliverables (touchpoints).\n\n");
    }
    let _ = writeln!(g, "import {}", q(n.personas));
    let _ = writeln!(g, "import {}\n", q(n.phases));
    if de {
        let _ = writeln!(
            g,
            "goal mehr_stammkundschaft {} {{",
            q("Mehr Kundschaft, die bleibt")
        );
        let _ = writeln!(
            g,
            "metric {} current 1000 target 1200 by {year}-12-31",
            q("Aktive Kundinnen und Kunden")
        );
        let _ = writeln!(
            g,
            "description {}",
            q("Ersetzen Sie die Zahlen durch Ihre eigenen.")
        );
        let _ = writeln!(g, "actor {persona} {{");
        let _ = writeln!(
            g,
            "impact findet_uns {} {{",
            q("Findet uns, wenn der Bedarf entsteht")
        );
        let _ = writeln!(
            g,
            "kpi {} target 200 unit {}",
            q("Neue Interessenten"),
            q("pro Monat")
        );
        let _ = writeln!(g, "via {before}\n}}");
        let _ = writeln!(g, "impact kauft_und_bleibt {} {{", q("Kauft und bleibt"));
        let _ = writeln!(
            g,
            "kpi {} target 80 unit {}",
            q("Kundinnen und Kunden nach einem Jahr"),
            q("%")
        );
        let _ = writeln!(g, "via {after}");
        let _ = writeln!(
            g,
            "deliverable {} via {last}\n}}",
            q("Kundenprogramm mit Dankeschön für Treue")
        );
    } else {
        let _ = writeln!(
            g,
            "goal more_loyal_customers {} {{",
            q("More customers who stay")
        );
        let _ = writeln!(
            g,
            "metric {} current 1000 target 1200 by {year}-12-31",
            q("Active customers")
        );
        let _ = writeln!(g, "description {}", q("Replace the numbers with your own."));
        let _ = writeln!(g, "actor {persona} {{");
        let _ = writeln!(
            g,
            "impact finds_us {} {{",
            q("Finds us when the need arises")
        );
        let _ = writeln!(
            g,
            "kpi {} target 200 unit {}",
            q("New prospects"),
            q("per month")
        );
        let _ = writeln!(g, "via {before}\n}}");
        let _ = writeln!(g, "impact buys_and_stays {} {{", q("Buys and stays"));
        let _ = writeln!(
            g,
            "kpi {} target 80 unit {}",
            q("Customers after one year"),
            q("%")
        );
        let _ = writeln!(g, "via {after}");
        let _ = writeln!(
            g,
            "deliverable {} via {last}\n}}",
            q("Customer programme that thanks loyal customers")
        );
    }
    g.push_str("}\n}\n");
    files.push((n.goals.to_string(), g));

    // Canonical layout, the same `journeyc fmt` writes.
    for (name, text) in files.iter_mut().filter(|(n, _)| n.ends_with(".journey")) {
        *text =
            journey_fmt::format_text_verified(text, opts).map_err(|e| format!("{name}: {e}"))?;
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_renders_without_syntax_errors_in_both_languages() {
        for m in MODELS {
            for lang in [Lang::En, Lang::De] {
                let files = workspace(m, lang, &FormatOptions::default())
                    .unwrap_or_else(|e| panic!("{} {lang:?}: {e}", m.name));
                assert_eq!(files.len(), 5);
                for (name, text) in files.iter().filter(|(n, _)| n.ends_with(".journey")) {
                    let parse = journey_syntax::parse(text, journey_diagnostics::FileId(0));
                    assert!(
                        parse.diagnostics.is_empty(),
                        "{} {lang:?} {name}: {:?}",
                        m.name,
                        parse.diagnostics
                    );
                }
            }
        }
    }

    #[test]
    fn template_ids_are_unique_within_a_template() {
        for m in MODELS {
            for lang in [Lang::En, Lang::De] {
                let mut ids: Vec<&str> = m.phases.iter().map(|p| lang.pick(p.id)).collect();
                ids.extend(m.phases.iter().map(|p| lang.pick(p.touchpoint.id)));
                let n = ids.len();
                ids.sort();
                ids.dedup();
                assert_eq!(ids.len(), n, "{} {lang:?}", m.name);
            }
        }
    }

    #[test]
    fn the_year_is_plausible() {
        let y = current_year();
        assert!((2024..2200).contains(&y), "{y}");
    }

    #[test]
    fn wrap_keeps_every_word() {
        let text = "one two three four five six seven eight nine ten";
        let wrapped = wrap(text, "  ", 14);
        assert!(wrapped.lines().all(|l| l.len() <= 14), "{wrapped}");
        assert_eq!(
            wrapped.split_whitespace().collect::<Vec<_>>().join(" "),
            text
        );
    }
}
