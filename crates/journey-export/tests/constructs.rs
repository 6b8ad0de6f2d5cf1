//! The newer constructs in the exports: per-persona and target curves,
//! the customer's path with channel switches, cost totals per phase and
//! currency, wow moments, the sponsor and metric units.

use journey_analysis::Workspace;
use journey_diagnostics::Severity;
use journey_export::{persona_curve, render, target_differs, CostTotals, Document, Format};
use std::path::PathBuf;

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
    expectation 4
    experience 3 target 4.5
    for anna experience 2 target 4 feeling "annoyed: the form is long"
    for ben experience 4.5 feeling "pleasantly fast"
    cost 12000 EUR
    next pickup
  }

  touchpoint pickup "Collect in the store" {
    channel store offline
    owner stores
    serves anna, ben
    expectation 4
    experience 4
    wow "A coffee while you wait"
    cost 3000 EUR
  }

  touchpoint zurich_desk "Desk in Zurich" {
    channel store offline
    owner stores
    serves ben
    expectation 3
    experience 3
    cost 800.5 CHF
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
    cost 500 EUR
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

fn document() -> Document {
    let mut ws = Workspace::new();
    ws.set_file(
        PathBuf::from("/nonexistent/shop.journey"),
        "shop.journey".to_string(),
        SOURCE.to_string(),
    );
    let diags = ws.diagnostics();
    let errors: Vec<String> = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{} {}", d.code, d.message))
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    Document::build(&ws, &diags)
}

#[test]
fn the_document_carries_the_new_fields() {
    let doc = document();
    let t = doc.touchpoint("checkout").unwrap();
    assert_eq!(t.target_experience, Some(4.5));
    assert_eq!(t.persona_scores.len(), 2);
    assert_eq!(t.persona_scores[0].persona, "anna");
    assert_eq!(t.persona_scores[0].experience, Some(2.0));
    assert_eq!(t.persona_scores[1].expectation, None);
    assert_eq!(t.cost.as_ref().unwrap().display(), "12000 EUR");
    assert_eq!(t.next, ["pickup"]);
    let p = doc.touchpoint("pickup").unwrap();
    assert!(p.wow);
    assert_eq!(p.wow_note.as_deref(), Some("A coffee while you wait"));
    assert_eq!(
        doc.journeys[0].sponsor.as_deref(),
        Some("Dr. Kim Weber, COO")
    );
    let m = doc.goals[0].metric.as_ref().unwrap();
    assert_eq!(m.unit.as_deref(), Some("million EUR"));
    assert_eq!(
        m.display(),
        "Revenue from collect orders: 1.2 → 2 million EUR by 2027-12-31"
    );
    // Fallback: what a `for` line leaves out comes from the touchpoint.
    assert_eq!(t.expectation_for("ben"), Some(4.0));
    assert_eq!(t.target_for("ben"), Some(4.5));
    assert_eq!(t.target_for("anna"), Some(4.0));
    assert_eq!(p.target_for("anna"), Some(4.0), "status quo as target");
}

#[test]
fn personas_with_their_own_scores_get_distinct_curves() {
    let doc = document();
    let phases: Vec<_> = doc.journey_phases(&doc.journeys[0]).collect();
    let anna = persona_curve("anna", &phases);
    let ben = persona_curve("ben", &phases);
    // Buy: anna (2 + 4) / 2, ben (4.5 + 4 + 3) / 3.
    assert_eq!(anna[0].experience, Some(3.0));
    assert_eq!(ben[0].experience, Some(11.5 / 3.0));
    assert_ne!(anna[0].experience, ben[0].experience);
    // Target: anna (4 + 4) / 2; the planned touchpoint counts only there.
    assert_eq!(anna[0].target, Some(4.0));
    assert_eq!(anna[1].experience, None);
    assert_eq!(anna[1].target, Some(4.0));
    assert!(target_differs(&anna));
    assert_ne!(anna[0].target, anna[0].experience);

    let html = render(&doc, Format::Html);
    let curve = |name: &str| {
        let at = html
            .find(&format!("<div class=\"curve\" data-ref=\"persona:{name}\""))
            .unwrap_or_else(|| panic!("no curve for {name}"));
        let end = html[at..].find("</details>").unwrap();
        html[at..at + end].to_string()
    };
    let (a, b) = (curve("anna"), curve("ben"));
    let polylines = |s: &str| -> Vec<String> {
        s.match_indices("<polyline")
            .map(|(i, _)| s[i..i + s[i..].find("/>").unwrap()].to_string())
            .collect()
    };
    assert_ne!(
        polylines(&a),
        polylines(&b),
        "the two curves are drawn alike"
    );
    assert!(a.contains("class=\"target-line\""), "{a}");
    // The target line lies elsewhere than the status quo line.
    let lines = polylines(&a);
    let target = lines.iter().find(|l| l.contains("target-line")).unwrap();
    let status = lines.iter().find(|l| l.contains("#1f3a5f")).unwrap();
    let points = |l: &str| {
        l.split("points=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_string()
    };
    assert_ne!(points(target), points(status));
    assert!(a.contains("annoyed"), "the feeling is shown: {a}");
    assert!(b.contains("pleasantly fast"));
    assert!(
        !a.contains("pleasantly fast"),
        "ben's feeling is not anna's"
    );
    // The text alternative lists both curves per phase.
    assert!(a.contains("<details class=\"curve-data\">"));
}

#[test]
fn phase_costs_are_totalled_per_currency() {
    let doc = document();
    let buy = doc.phase("buy").unwrap();
    let totals = CostTotals::of(&buy.touchpoints);
    assert_eq!(
        totals.0,
        vec![("EUR".to_string(), 15000.0), ("CHF".to_string(), 800.5)]
    );
    assert_eq!(totals.display(), "15000 EUR · 800.5 CHF");

    let html = render(&doc, Format::Html);
    assert!(
        html.contains("<span class=\"cost-total\">15000 EUR</span>"),
        "html"
    );
    assert!(html.contains("<span class=\"cost-total\">800.5 CHF</span>"));
    assert!(
        !html.contains("15800"),
        "currencies are never added together"
    );

    let md = render(&doc, Format::Markdown);
    assert!(md.contains("15000 EUR"), "{md}");
    assert!(md.contains("800.5 CHF"), "{md}");
    let csv = render(&doc, Format::Csv);
    assert!(csv.contains("12000"), "{csv}");
}

#[test]
fn the_map_links_the_next_touchpoint_and_marks_the_channel_switch() {
    let doc = document();
    let html = render(&doc, Format::Html);
    assert!(html.contains("id=\"tp-pickup\""));
    assert!(
        html.contains("<a class=\"next-link\" href=\"#tp-pickup\">→ Collect in the store</a>"),
        "no next link"
    );
    assert!(html.contains("channel switch: web → store"));
    assert!(html.contains("Dr. Kim Weber, COO"));
    assert!(html.contains("badge wow"));
}

#[test]
fn mermaid_draws_the_path_with_the_channel_switch() {
    let doc = document();
    let m = render(&doc, Format::Mermaid);
    assert!(m.contains("flowchart LR"), "{m}");
    assert!(m.contains("==\"web → store\"==>"), "{m}");
}

#[test]
fn the_workbook_map_totals_cost_per_phase_and_currency() {
    use journey_export::sheet::Lang;
    use journey_export::xlsx::{map_derived, Cell};
    let doc = document();
    let buy = doc.phase("buy").unwrap();
    assert_eq!(
        map_derived(buy, "cost", Lang::En),
        Cell::Text("15000 EUR\n800.5 CHF".into())
    );
    assert_eq!(
        map_derived(buy, "cost", Lang::De),
        Cell::Text("15000 EUR\n800,5 CHF".into())
    );
    let bytes = journey_export::xlsx::render(&doc, Lang::De).unwrap();
    assert!(!bytes.is_empty());
}
