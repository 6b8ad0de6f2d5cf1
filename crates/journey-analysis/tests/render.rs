//! Snapshots of how semantic findings look in the terminal and in JSON:
//! labels on both places of a duplicate, did-you-mean help, fixes, the
//! summary. A change to a message or a span shows up here for review
//! (`cargo insta review`).

use journey_analysis::Workspace;
use journey_diagnostics::render::{render_human, render_json, HumanOptions, Summary};
use std::path::PathBuf;

const PERSONAS: &str = "\
persona owner_operator \"Sandra, owner of a joinery\" {
  evidence \"9 interviews, March 2027\"
}
";

const MAIN: &str = "\
import \"personas.journey\"

phase trial \"Trial\" {
  message \"Invoices in two minutes\"
  touchpoint signup \"Trial sign-up\" {
    owner growth
    serves owner_operater
    importance critical
    expectation 5
    experience 3
  }
}

persona owner_operator \"Sandra again\" {
  evidence \"copied by mistake\"
}
";

fn workspace() -> Workspace {
    let mut ws = Workspace::new();
    ws.set_file(
        PathBuf::from("/w/personas.journey"),
        "personas.journey".into(),
        PERSONAS.into(),
    );
    ws.set_file(
        PathBuf::from("/w/main.journey"),
        "main.journey".into(),
        MAIN.into(),
    );
    ws
}

#[test]
fn human_rendering() {
    let ws = workspace();
    let ds = ws.diagnostics();
    let mut text = render_human(&ds, &ws, HumanOptions { color: false });
    text.push_str(&Summary::new(&ds, ws.len()).line());
    insta::assert_snapshot!(text);
}

#[test]
fn json_rendering() {
    let ws = workspace();
    let ds = ws.diagnostics();
    let json: serde_json::Value = serde_json::from_str(&render_json(&ds, &ws, ws.len())).unwrap();
    insta::assert_json_snapshot!(json);
}
