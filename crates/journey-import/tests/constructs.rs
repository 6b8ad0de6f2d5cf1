//! The newer constructs — sponsor, `experience … target`, per-persona
//! `for` lines, `wow`, `cost`, `next` and a metric's `unit` — come back
//! unchanged through the generated source, the workbook (in both
//! languages) and the CSV table.

use journey_analysis::Workspace;
use journey_export::sheet::Lang;
use journey_export::Document;
use journey_import::{import_csv, import_workbook, OutFile};
use std::path::{Path, PathBuf};

const SOURCE: &str = r#"
journey shop "Online shop" {
  sponsor "Dr. Kim Weber, COO"
  value "Order in two minutes, collect today"
  phases buy, after
}

persona anna "Anna, first-time buyer" {
  evidence "8 interviews, 2026"
}

persona ben "Ben, regular customer" {
  evidence "Survey of 400 customers, 2026"
}

phase buy "Buy" {
  kind purchase
  message "Order in two minutes, collect today"

  touchpoint checkout "Checkout" {
    channel web online
    owner ecommerce
    serves anna, ben
    expectation 4.2
    experience 2.6 target 4
    for anna expectation 4 experience 2 target 4.5 feeling "annoyed: the \"form\" is long"
    for ben experience 4.5 feeling "pleasantly fast"
    cost 12000.5 EUR
    next pickup, review_mail
  }

  touchpoint pickup "Collect in the store" {
    channel store offline
    owner stores
    serves anna, ben
    expectation 4
    experience 4
    wow "A coffee while you wait"
    cost 3000 CHF
  }

  touchpoint desk "Desk" {
    channel store offline
    owner stores
    serves ben
    expectation 3
    experience 3
    wow
  }
}

phase after "After the purchase" {
  kind usage
  message "We stay in touch"

  touchpoint review_mail "Review request" {
    channel email online
    owner crm
    serves anna, ben
    state planned
    expectation 3
    experience target 4
    for ben target 3.5
  }
}

goal revenue "More revenue" {
  metric "Revenue from collect orders" current 1.2 target 2 unit "million EUR" by 2027-12-31

  actor anna {
    impact anna_collects "Collects in the store" {
      via checkout
    }
  }
}
"#;

fn workspace(files: &[(String, String)]) -> Workspace {
    let mut ws = Workspace::new();
    for (name, text) in files {
        ws.set_file(
            PathBuf::from("/nowhere").join(name),
            name.clone(),
            text.clone(),
        );
    }
    ws
}

fn out(files: &[OutFile]) -> Vec<(String, String)> {
    files
        .iter()
        .map(|f| (f.name.clone(), f.text.clone()))
        .collect()
}

fn errors_of(ws: &Workspace) -> Vec<String> {
    ws.diagnostics()
        .iter()
        .filter(|d| d.severity == journey_diagnostics::Severity::Error)
        .map(|d| format!("{}: {}", d.code, d.message))
        .collect()
}

/// The export's JSON without files and locations, findings sorted.
fn comparable(doc: &Document) -> serde_json::Value {
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                m.remove("location");
                m.remove("files");
                m.values_mut().for_each(strip);
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v: serde_json::Value = serde_json::from_str(&journey_export::json(doc)).unwrap();
    strip(&mut v);
    if let Some(serde_json::Value::Array(f)) = v.get_mut("findings") {
        f.sort_by_key(|x| x.to_string());
    }
    v
}

fn before() -> Document {
    let ws = workspace(&[("shop.journey".into(), SOURCE.into())]);
    assert_eq!(errors_of(&ws), Vec::<String>::new());
    let doc = Document::build(&ws, &ws.diagnostics());
    // The fixture uses every construct.
    let t = doc.touchpoint("checkout").unwrap();
    assert_eq!(t.persona_scores.len(), 2);
    assert_eq!(t.target_experience, Some(4.0));
    assert_eq!(t.next, ["pickup", "review_mail"]);
    assert!(doc.touchpoint("pickup").unwrap().wow);
    assert!(doc.journeys[0].sponsor.is_some());
    assert!(doc.goals[0].metric.as_ref().unwrap().unit.is_some());
    doc
}

#[test]
fn every_new_construct_survives_document_to_source() {
    let before = before();
    for lang in [Lang::En, Lang::De] {
        let files = journey_import::source::files(&before, "test", lang).unwrap();
        let back = workspace(&out(&files));
        assert_eq!(errors_of(&back), Vec::<String>::new(), "{lang:?}");
        let after = Document::build(&back, &back.diagnostics());
        assert_eq!(comparable(&after), comparable(&before), "{lang:?}");
        let all: String = files.iter().map(|f| f.text.as_str()).collect();
        for line in [
            "sponsor \"Dr. Kim Weber, COO\"",
            "experience 2.6 target 4",
            "for anna expectation 4 experience 2 target 4.5 feeling",
            "wow \"A coffee while you wait\"",
            "cost 12000.5 EUR",
            "next pickup, review_mail",
            "unit \"million EUR\"",
            "experience target 4",
        ] {
            assert!(all.contains(line), "{line} missing:\n{all}");
        }
    }
}

#[test]
fn every_new_construct_round_trips_through_the_workbook() {
    let before = before();
    for lang in [Lang::En, Lang::De] {
        let bytes = journey_export::xlsx::render(&before, lang).unwrap();
        let imported = import_workbook(&bytes, "w.xlsx", Path::new("/nonexistent/out"))
            .unwrap_or_else(|e| panic!("{lang:?}: {e:?}"));
        let back = workspace(&out(&imported.files));
        assert_eq!(errors_of(&back), Vec::<String>::new(), "{lang:?}");
        let after = Document::build(&back, &back.diagnostics());
        assert_eq!(comparable(&after), comparable(&before), "{lang:?}");
    }
}

#[test]
fn target_wow_cost_next_and_persona_scores_come_back_from_the_csv_table() {
    let before = before();
    let csv = journey_export::csv::render(&before);
    let imported = import_csv(&csv, "t.csv", Path::new("/nonexistent/out"))
        .unwrap_or_else(|e| panic!("{e:?}"));
    let back = workspace(&out(&imported.files));
    assert_eq!(errors_of(&back), Vec::<String>::new());
    let after = Document::build(&back, &back.diagnostics());
    for id in ["checkout", "pickup", "desk", "review_mail"] {
        let (a, b) = (
            after.touchpoint(id).unwrap(),
            before.touchpoint(id).unwrap(),
        );
        assert_eq!(a.target_experience, b.target_experience, "{id}");
        assert_eq!((a.wow, &a.wow_note), (b.wow, &b.wow_note), "{id}");
        assert_eq!(a.cost, b.cost, "{id}");
        assert_eq!(a.next, b.next, "{id}");
        assert_eq!(a.persona_scores, b.persona_scores, "{id}");
    }
    assert!(
        before
            .touchpoint("checkout")
            .is_some_and(|t| !t.persona_scores.is_empty()),
        "the fixture has per-persona scores"
    );
}
