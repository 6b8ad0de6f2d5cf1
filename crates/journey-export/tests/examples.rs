//! Every format for every example, as insta snapshots, plus properties
//! that must hold for any export of the examples.
//!
//! `INSTA_UPDATE=always cargo test -p journey-export` (or `cargo insta
//! review`) updates the snapshots after an intended change; review the diff.

use journey_analysis::{load, Workspace};
use journey_diagnostics::Severity;
use journey_export::{render, render_with, Document, Format, Lang, Options};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A workspace of one example, with paths shown relative to the
/// repository root so that snapshots do not depend on where it lives.
fn example(name: &str) -> Workspace {
    workspace(&format!("examples/{name}"))
}

fn workspace(dir: &str) -> Workspace {
    let root = std::fs::canonicalize(repo()).unwrap();
    let display = |p: &Path| {
        let p = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        p.strip_prefix(&root)
            .unwrap_or(&p)
            .to_string_lossy()
            .replace('\\', "/")
    };
    let (files, errors) = load::collect_files(&[root.join(dir)]);
    assert!(errors.is_empty(), "{errors:?}");
    let mut ws = Workspace::new();
    for f in files {
        load::load_file_as(&mut ws, &f, display(&f)).unwrap();
    }
    ws.load_imports(&display);
    ws
}

fn document(name: &str) -> Document {
    checked(example(name), name)
}

fn checked(ws: Workspace, name: &str) -> Document {
    let diagnostics = ws.diagnostics();
    let errors: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.message.clone())
        .collect();
    assert!(errors.is_empty(), "example {name} has errors: {errors:?}");
    Document::build(&ws, &diagnostics)
}

const EXAMPLES: &[&str] = &["b2b-saas", "retail", "subscription-loop"];

fn snapshot(format: Format) {
    for name in EXAMPLES {
        let doc = document(name);
        let text = render(&doc, format);
        insta::assert_snapshot!(format!("{name}.{}", format.extension()), text);
    }
}

#[test]
fn json_snapshots() {
    snapshot(Format::Json);
}

#[test]
fn markdown_snapshots() {
    snapshot(Format::Markdown);
}

#[test]
fn html_snapshots() {
    snapshot(Format::Html);
}

#[test]
fn mermaid_snapshots() {
    snapshot(Format::Mermaid);
}

#[test]
fn csv_snapshots() {
    snapshot(Format::Csv);
}

#[test]
fn phases_follow_the_journey_and_every_reference_resolves() {
    for name in EXAMPLES {
        let doc = document(name);
        let j = &doc.journeys[0];
        let order: Vec<&str> = doc
            .phases
            .iter()
            .take(j.phases.len())
            .map(|p| p.id.as_str())
            .collect();
        assert_eq!(
            order,
            j.phases.iter().map(String::as_str).collect::<Vec<_>>(),
            "{name}"
        );
        for p in &doc.phases {
            for t in &p.touchpoints {
                assert_eq!(t.phase, p.id);
                for s in &t.serves {
                    assert!(
                        doc.persona(s).is_some(),
                        "{name}: {} serves unknown {s}",
                        t.id
                    );
                }
                for r in &t.reached_by {
                    assert!(doc.goals.iter().any(|g| g.id == r.goal), "{name}: {r:?}");
                }
            }
        }
        for g in &doc.goals {
            for a in &g.actors {
                for i in &a.impacts {
                    for t in i.touchpoints() {
                        let tp = doc
                            .touchpoint(t)
                            .unwrap_or_else(|| panic!("{name}: via {t}"));
                        assert!(
                            tp.reached_by.iter().any(|r| r.impact == i.id),
                            "{name}: {t} not reached by {}",
                            i.id
                        );
                    }
                }
            }
        }
        for p in &doc.personas {
            for t in &p.touchpoints {
                assert!(doc.touchpoint(t).unwrap().serves.contains(&p.id));
            }
        }
    }
}

#[test]
fn the_loop_is_resolved() {
    let doc = document("subscription-loop");
    let l = doc.journeys[0].loop_back.as_ref().expect("spoke loops");
    assert_eq!(
        (l.from.as_str(), l.to.as_str()),
        ("recommendation", "impulse")
    );
    let md = render(&doc, Format::Markdown);
    assert!(md.contains("↻ back to Impulse"), "{md}");
}

#[test]
fn csv_has_one_row_per_touchpoint_and_the_documented_columns() {
    for name in EXAMPLES {
        let doc = document(name);
        let text = render(&doc, Format::Csv);
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
        let lang = doc.language();
        let expected: Vec<String> = journey_export::csv::COLUMNS
            .iter()
            .map(|c| journey_l10n::column_header(lang, c))
            .collect();
        assert_eq!(header, expected, "{name} in {lang}");
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        let touchpoints: usize = doc.phases.iter().map(|p| p.touchpoints.len()).sum();
        assert_eq!(rows.len(), touchpoints, "{name}");
        for row in &rows {
            assert_eq!(row.len(), header.len());
            let tp = doc.touchpoint(&row[4]).unwrap();
            assert_eq!(&row[1], tp.phase);
            assert_eq!(row[11].split("; ").count(), tp.serves.len().max(1));
        }
    }
}

#[test]
fn every_format_of_the_retail_example_keeps_its_unicode() {
    let doc = document("retail");
    for f in Format::ALL {
        let text = render(&doc, f);
        assert!(text.contains("Gipfelglück"), "{}", f.name());
    }
}

#[test]
fn hostile_values_survive_csv_and_split_back_exactly() {
    let doc = checked(workspace("tests/export/fixtures/hostile"), "hostile");
    let text = render(&doc, Format::Csv);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    let col = |name: &str| {
        journey_export::csv::COLUMNS
            .iter()
            .position(|c| *c == name)
            .unwrap()
    };
    let tp = doc.touchpoint("tp_one").unwrap();
    assert_eq!(
        &rows[0][col("touchpoint_title")],
        tp.title.as_deref().unwrap()
    );
    assert_eq!(
        &rows[0][col("description")],
        "two lines,\n\"with quotes\" and a comma"
    );
    // `; ` joins the copy; `\;` inside an item splits back.
    let copy: Vec<String> = split_list(&rows[0][col("copy")]);
    assert_eq!(copy, tp.says);
    assert_eq!(&rows[0][col("kpis")], "clicks\\: per day:5:%");
    assert_eq!(&rows[0][col("moment")], "`backtick` and \"quotes\"");
    assert_eq!(&rows[2][col("state")], "planned");
    assert_eq!(
        &rows[2][col("experience")],
        "",
        "a planned touchpoint has no experience"
    );
}

/// Splits a CSV list cell as the README documents it.
fn split_list(cell: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = cell.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.last_mut().unwrap().extend(chars.next()),
            ';' if chars.peek() == Some(&' ') => {
                chars.next();
                out.push(String::new());
            }
            _ => out.last_mut().unwrap().push(c),
        }
    }
    out
}

#[test]
fn hostile_values_stay_text_in_every_format() {
    let doc = checked(workspace("tests/export/fixtures/hostile"), "hostile");
    let html = render(&doc, Format::Html);
    assert!(!html.contains("<script") && !html.contains("<img") && !html.contains("<svg onload"));
    let md = render(&doc, Format::Markdown);
    assert!(!md.contains("<script") && !md.contains("<img"));
    let mermaid = render(&doc, Format::Mermaid);
    for block in mermaid.split("```").skip(1).step_by(2) {
        for line in block
            .lines()
            .filter(|l| l.starts_with("    ") && !l.trim_start().starts_with("%%"))
        {
            let t = line.trim_start();
            if let Some(task) = t.strip_prefix("      ") {
                assert!(!task.contains(';') && !task.contains('#'), "{task}");
            }
        }
        // Flowchart labels never contain a raw quote inside the quotes.
        for label in block.split("[\"").skip(1) {
            let inner = label.split("\"]").next().unwrap();
            assert!(!inner.contains('"'), "{inner}");
        }
    }
    let json: serde_json::Value = serde_json::from_str(&render(&doc, Format::Json)).unwrap();
    assert_eq!(
        json["journeys"][0]["title"], "<script>document.title='pwned'</script> Journey",
        "JSON keeps the value as written"
    );
}

fn in_memory(files: &[(&str, &str)]) -> Document {
    let mut ws = Workspace::new();
    for (name, text) in files {
        ws.set_file(
            PathBuf::from(format!("/mem/{name}")),
            name.to_string(),
            text.to_string(),
        );
    }
    checked(ws, "in-memory")
}

#[test]
fn sparse_workspaces_render_in_every_format() {
    let cases: &[&[(&str, &str)]] = &[
        &[("p.journey", "persona p \"P\" {\n  evidence \"x\"\n}\n")],
        &[(
            "j.journey",
            "journey j {\n  phases x, y\n  loop y -> x\n}\nphase x {\n  touchpoint t {\n  }\n}\n\
             phase y {\n  touchpoint u {\n    channel web\n    experience 3\n  }\n}\n",
        )],
    ];
    for files in cases {
        let doc = in_memory(files);
        for f in Format::ALL {
            let text = render(&doc, f);
            assert!(!text.trim().is_empty(), "{} of {files:?}", f.name());
        }
    }
    let doc = in_memory(cases[0]);
    assert_eq!(
        render(&doc, Format::Mermaid),
        "*No journey and no impact map to draw.*\n"
    );
    let doc = in_memory(cases[1]);
    let mermaid = render(&doc, Format::Mermaid);
    let x = &mermaid[mermaid.find("section x").unwrap()..mermaid.find("section y").unwrap()];
    assert!(
        x.lines()
            .skip(1)
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with("%%")),
        "{mermaid}"
    );
    assert!(x.contains("no scored status-quo touchpoint"), "{mermaid}");
    assert!(mermaid.contains("      u: 3\n"), "{mermaid}");
    // Without `presence`, the channel's default applies; without `state`,
    // a touchpoint is current.
    let u = doc.touchpoint("u").unwrap();
    assert_eq!(
        (u.presence.as_deref(), u.presence_explicit),
        (Some("online"), false)
    );
    assert_eq!((u.state.as_str(), u.state_explicit), ("current", false));
}

fn with(lang: Lang, findings: bool) -> Options {
    Options {
        lang: Some(lang),
        findings,
    }
}

/// Every export of every example, the hostile fixture and a sparse
/// workspace, in both languages: every label asked for exists.
#[test]
fn no_label_is_missing_in_either_language() {
    let mut docs: Vec<Document> = EXAMPLES.iter().map(|n| document(n)).collect();
    docs.push(checked(
        workspace("tests/export/fixtures/hostile"),
        "hostile",
    ));
    docs.push(in_memory(&[(
        "j.journey",
        "journey j {\n  phases x, y\n  loop y -> x\n}\nphase x {\n  touchpoint t {\n  }\n}\n\
         phase y {\n  touchpoint u {\n    channel web\n    expectation 4\n    state planned\n  }\n}\n",
    )]));
    let _ = journey_l10n::take_missing();
    for doc in &docs {
        for lang in Lang::ALL {
            for f in Format::ALL {
                let text = render_with(doc, f, &with(lang, true));
                assert!(!text.is_empty());
            }
        }
    }
    assert_eq!(journey_l10n::take_missing(), Vec::<String>::new());
}

#[test]
fn the_language_comes_from_the_copy_unless_chosen() {
    assert_eq!(document("retail").language(), Lang::De);
    assert_eq!(document("b2b-saas").language(), Lang::En);
    let retail = document("retail");
    assert!(render(&retail, Format::Html).contains("<html lang=\"de\">"));
    assert!(
        render_with(&retail, Format::Html, &with(Lang::En, false)).contains("<html lang=\"en\">")
    );
}

/// `lang = de` on an English journey: German labels in every format;
/// `en` on a German one: English labels.
#[test]
fn labels_follow_the_chosen_language_in_every_format() {
    let en_doc = document("b2b-saas");
    let de = with(Lang::De, false);
    let html = render_with(&en_doc, Format::Html, &de);
    for label in [
        "<html lang=\"de\">",
        "Zentrale Frage",
        "Touchpoints nach Kanal",
        "Kernbotschaft",
        "Emotionskurven",
        "Ist-Zustand",
        "Verantwortlich",
    ] {
        assert!(html.contains(label), "HTML lacks {label}");
    }
    for english in [
        "Central question",
        "Core message",
        "Emotion curves",
        "Owner <b>",
    ] {
        assert!(!html.contains(english), "HTML still says {english}");
    }
    let md = render_with(&en_doc, Format::Markdown, &de);
    for label in [
        "| **Zentrale Frage** |",
        "**Phasen:**",
        "## Personas",
        "**Bedürfnisse:**",
        "## Impact Map",
    ] {
        assert!(md.contains(label), "Markdown lacks {label}");
    }
    assert!(!md.contains("Central question") && !md.contains("**Needs:**"));
    let mermaid = render_with(&en_doc, Format::Mermaid, &de);
    assert!(mermaid.contains("## Impact Map"), "{mermaid}");
    let csv = render_with(&en_doc, Format::Csv, &de);
    assert!(
        csv.starts_with("Journey,Phasen-ID,Phasentitel,"),
        "{}",
        &csv[..80]
    );

    let de_doc = document("retail");
    let en = with(Lang::En, false);
    let html = render_with(&de_doc, Format::Html, &en);
    assert!(html.contains("<html lang=\"en\">") && html.contains("Central question"));
    assert!(!html.contains("Zentrale Frage"));
    let md = render_with(&de_doc, Format::Markdown, &en);
    assert!(md.contains("| **Central question** |") && !md.contains("Zentrale Frage"));
    let csv = render_with(&de_doc, Format::Csv, &en);
    assert!(csv.starts_with("journey,phase_id,"));
}

#[test]
fn findings_show_in_html_and_markdown_only_when_asked() {
    let doc = in_memory(&[(
        "j.journey",
        "journey j {\n  phases x\n}\nphase x {\n  touchpoint t {\n    channel web\n  }\n}\n",
    )]);
    assert!(!doc.findings.is_empty(), "the fixture must have findings");
    let code = &doc.findings[0].code;
    for lang in Lang::ALL {
        let html = render_with(&doc, Format::Html, &with(lang, false));
        assert!(!html.contains("findings-block") && !html.contains(code.as_str()));
        let html = render_with(&doc, Format::Html, &with(lang, true));
        assert!(html.contains("findings-block") && html.contains(code.as_str()));
        let md = render_with(&doc, Format::Markdown, &with(lang, false));
        assert!(!md.contains(code.as_str()), "{md}");
        let md = render_with(&doc, Format::Markdown, &with(lang, true));
        assert!(md.contains(code.as_str()), "{md}");
    }
    // The JSON keeps them regardless.
    assert!(render(&doc, Format::Json).contains(code.as_str()));
}

#[test]
fn the_map_shows_copy_kpis_and_kept_promises() {
    let doc = document("retail");
    let html = render(&doc, Format::Html);
    for p in &doc.phases {
        for t in &p.touchpoints {
            for s in &t.says {
                let one: Vec<&str> = s.split_whitespace().collect();
                let escaped = journey_export::html::escape(&one.join(" "));
                assert!(html.contains(&escaped), "copy of {} missing: {s}", t.id);
            }
            for k in &t.kpis {
                let shown = journey_export::kpi_display(&journey_export::Labels::new(Lang::De), k);
                assert!(
                    html.contains(&journey_export::html::escape(&shown)),
                    "{shown}"
                );
            }
        }
    }
    // `keeps rückgabe` shows the promise's text on the card.
    let kept = "30 Tage Rückgabe auf deine Ausrüstung, online wie im Laden.";
    let card = html
        .find("class=\"tp-list tp-keeps\"")
        .expect("a kept promise");
    assert!(html[card..].contains(kept));
    // Long copy is folded into <details>, the rest is shown as a quote.
    assert!(
        html.contains("<details class=\"tp-copy\">")
            || html.contains("<blockquote class=\"tp-copy\"")
    );
}

/// A journey of `phases` × `per_phase` scored touchpoints for two personas.
fn large(phases: usize, per_phase: usize) -> Document {
    let mut src = String::from("journey big \"Big\" {\n  phases ");
    src.push_str(
        &(1..=phases)
            .map(|i| format!("p{i}"))
            .collect::<Vec<_>>()
            .join(", "),
    );
    src.push_str(
        "\n}\npersona anna \"Anna\" {\n  needs \"x\"\n}\npersona ben \"Ben\" {\n  needs \"y\"\n}\n",
    );
    for p in 1..=phases {
        src.push_str(&format!("phase p{p} \"Phase {p}\" {{\n"));
        for t in 1..=per_phase {
            src.push_str(&format!(
                "  touchpoint p{p}t{t} \"Task {p}.{t}\" {{\n    channel web\n    serves {}\n    experience {}\n  }}\n",
                if t % 2 == 0 { "anna" } else { "ben" },
                1 + (p + t) % 5
            ));
        }
        src.push_str("}\n");
    }
    in_memory(&[("big.journey", &src)])
}

#[test]
fn mermaid_splits_large_journeys_into_charts_of_a_readable_size() {
    use journey_export::mermaid::MAX_TASKS;
    const { assert!(MAX_TASKS <= 30) };
    let doc = large(10, 15);
    let text = render_with(&doc, Format::Mermaid, &with(Lang::En, false));
    let charts: Vec<&str> = text
        .split("```mermaid\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap())
        .filter(|b| b.contains("\njourney\n") || b.starts_with("journey"))
        .collect();
    assert!(charts.len() >= 5, "{} charts", charts.len());
    let mut tasks = 0;
    for c in &charts {
        let n = c.lines().filter(|l| l.starts_with("      Task ")).count();
        assert!((1..=MAX_TASKS).contains(&n), "{n} tasks in\n{c}");
        tasks += n;
        // Both personas, in clearly different colours, the same in every chart.
        assert!(
            c.starts_with(
                "---\nconfig:\n  journey:\n    actorColours: [\"#1f77b4\", \"#d62728\"]\n  \
                 themeCSS: \".actor-0 { fill: #1f77b4; } .actor-1 { fill: #d62728; }\"\n---\njourney\n"
            ),
            "{c}"
        );
    }
    assert_eq!(tasks, 150);
    // Every phase appears, in order.
    let mut last = 0;
    for p in 1..=10 {
        let at = text
            .find(&format!("section Phase {p}\n"))
            .unwrap_or_else(|| panic!("phase {p}"));
        assert!(at > last);
        last = at;
    }
    // A phase of more tasks than a chart holds is split into parts.
    let doc = large(1, 3 * MAX_TASKS + 1);
    let text = render_with(&doc, Format::Mermaid, &with(Lang::De, false));
    assert_eq!(text.matches("section Phase 1\n").count(), 4, "{text}");
    assert!(text.contains("## Big – Phase 1 (4/4)"), "{text}");
    // A small journey stays one chart.
    let doc = large(2, 5);
    let text = render(&doc, Format::Mermaid);
    assert_eq!(text.matches("\njourney\n").count(), 1);
}
