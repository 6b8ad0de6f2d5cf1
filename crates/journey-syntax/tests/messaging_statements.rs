//! Reading the statements the messaging lints read: `promise`, `keeps`,
//! `supports`, `evidence` and `disclaimer`.

use journey_diagnostics::FileId;
use journey_syntax::parse;
use journey_syntax::view::{File, Item, Support};

const SRC: &str = r#"journey j "J" {
  value "Räder für alle"
  evidence "Test 2026"
  disclaimer "Nur in Berlin", "Solange der Vorrat reicht"
  phases a
}
phase a "A" {
  message "Dein Rad in 48 Stunden"
  supports fast, "Räder für alle"
  promise fast "Tausch in 48 Stunden"
  promise fair "Kündigung jederzeit"
  evidence "Messung Q3"
  disclaimer "Werktags"
  touchpoint t "T" {
    keeps fast, fair
    keeps other
    evidence "Stiftung Warentest 05/2026"
    disclaimer "Gilt ab 50 €"
  }
}
"#;

#[test]
fn new_statements_read_without_errors() {
    let p = parse(SRC, FileId(0));
    assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
    let items: Vec<Item> = File::new(SRC, &p.tree).items().collect();
    let Item::Journey(j) = &items[0] else {
        panic!("journey first")
    };
    assert_eq!(j.evidence().len(), 1);
    assert_eq!(j.disclaimers().len(), 2);
    let Item::Phase(ph) = &items[1] else {
        panic!("phase second")
    };
    match ph.supports().as_slice() {
        [Support::Ref(n), Support::Text(t)] => {
            assert_eq!(n.text, "fast");
            assert_eq!(t.value, "Räder für alle");
            assert_eq!(&SRC[n.span.range()], "fast");
        }
        other => panic!("{other:?}"),
    }
    let promises = ph.promises();
    let ids: Vec<&str> = promises.iter().map(|p| p.id.text).collect();
    assert_eq!(ids, vec!["fast", "fair"]);
    assert_eq!(
        promises[0].text.as_ref().map(|t| t.as_str()),
        Some("Tausch in 48 Stunden")
    );
    assert_eq!(ph.evidence().len(), 1);
    assert_eq!(ph.disclaimers().len(), 1);
    let t = ph.touchpoints().next().unwrap();
    let keeps: Vec<&str> = t.keeps().iter().map(|n| n.text).collect();
    assert_eq!(keeps, vec!["fast", "fair", "other"]);
    assert_eq!(t.evidence()[0].value, "Stiftung Warentest 05/2026");
    assert_eq!(t.disclaimers()[0].value, "Gilt ab 50 €");
}

#[test]
fn promise_needs_an_id_and_a_text() {
    let p = parse(
        "phase a {\n  promise \"Tausch in 48 Stunden\"\n}\n",
        FileId(0),
    );
    assert_eq!(p.diagnostics.len(), 1, "{:?}", p.diagnostics);
    assert!(
        p.diagnostics[0].message.contains("promise"),
        "{}",
        p.diagnostics[0].message
    );
    let src = "phase a {\n  promise fast\n}\n";
    let p = parse(src, FileId(0));
    assert_eq!(p.diagnostics.len(), 1, "{:?}", p.diagnostics);
    let ph = File::new(src, &p.tree).phases().next().unwrap();
    assert_eq!(ph.promises()[0].id.text, "fast");
    assert!(ph.promises()[0].text.is_none());
}

#[test]
fn supports_rejects_numbers_and_keeps_rejects_strings() {
    let p = parse(
        "phase a {\n  supports 42\n  touchpoint t {\n    keeps \"fast\"\n  }\n}\n",
        FileId(0),
    );
    let codes: Vec<&str> = p.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes.len(), 2, "{:?}", p.diagnostics);
    // The quoted id gets a fix that removes the quotes.
    let fix = &p.diagnostics[1].fixes[0].edits[0];
    assert_eq!(fix.new_text, "fast");
}

#[test]
fn statements_belong_where_the_schema_says() {
    // `keeps` belongs in a touchpoint, `promise` in a phase.
    let p = parse(
        "phase a {\n  keeps x\n}\njourney j {\n  promise p \"x\"\n}\n",
        FileId(0),
    );
    let msgs: Vec<&str> = p.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        msgs,
        vec![
            "`keeps` does not belong in a phase",
            "`promise` does not belong in a journey"
        ]
    );
}
