//! Every format for every example, as insta snapshots, plus properties
//! that must hold for any export of the examples.
//!
//! `INSTA_UPDATE=always cargo test -p journey-export` (or `cargo insta
//! review`) updates the snapshots after an intended change; review the diff.

use journey_analysis::{load, Workspace};
use journey_diagnostics::Severity;
use journey_export::{render, Document, Format};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A workspace of one example, with paths shown relative to the
/// repository root so that snapshots do not depend on where it lives.
fn example(name: &str) -> Workspace {
    let root = std::fs::canonicalize(repo()).unwrap();
    let display = |p: &Path| {
        let p = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        p.strip_prefix(&root)
            .unwrap_or(&p)
            .to_string_lossy()
            .replace('\\', "/")
    };
    let (files, errors) = load::collect_files(&[root.join("examples").join(name)]);
    assert!(errors.is_empty(), "{errors:?}");
    let mut ws = Workspace::new();
    for f in files {
        load::load_file_as(&mut ws, &f, display(&f)).unwrap();
    }
    ws.load_imports(&display);
    ws
}

fn document(name: &str) -> Document {
    let ws = example(name);
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
        assert_eq!(header, journey_export::csv::COLUMNS);
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
