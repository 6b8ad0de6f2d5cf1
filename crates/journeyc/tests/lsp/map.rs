//! `journey/map`: the live journey map of an editor's preview.

use crate::session::{position_of, Session, WAIT};
use crate::{journeyc_in, SHOP};
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// Asks for the map until it reflects `version` of `name` (requests and
/// notifications are handled concurrently, as an editor's client sees it).
fn map_at(s: &mut Session, name: &str, version: i32) -> Value {
    let uri = s.uri(name);
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let m = s.request("journey/map", json!({}));
        let seen = m["versions"]
            .as_array()
            .expect("versions")
            .iter()
            .find(|v| v["uri"] == json!(uri))
            .and_then(|v| v["version"].as_i64());
        if seen == Some(i64::from(version)) {
            return m;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the map never saw version {version} of {name}: {:?}",
            m["versions"]
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

fn html(m: &Value) -> &str {
    m["html"].as_str().expect("a map")
}

/// Every `data-ref` of the page.
fn data_refs(html: &str) -> BTreeSet<String> {
    html.split("data-ref=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').expect("closing quote")].to_string())
        .collect()
}

/// The text of `range` in `text` (positions in the session's encoding).
fn text_at(text: &str, range: &Value, utf8: bool) -> String {
    let offset = |p: &Value| {
        (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .find(|&i| position_of(text, i, utf8) == *p)
            .unwrap_or_else(|| panic!("{p} is not in the text"))
    };
    text[offset(&range["start"])..offset(&range["end"])].to_string()
}

#[test]
fn the_map_is_the_html_export_of_the_workspace() {
    let mut s = Session::start(SHOP);
    let m = map_at(&mut s, "journey.journey", 1);
    assert_eq!(m["stale"], json!(false));
    assert_eq!(m["errors"], json!(0));
    assert!(m["firstError"].is_null());
    let out = journeyc_in(&s.root, &["export", "--format", "html", "."], &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        html(&m),
        String::from_utf8(out.stdout).unwrap(),
        "the preview and `journeyc export --format html` differ"
    );
    s.shutdown();
}

#[test]
fn every_card_of_the_map_leads_to_its_definition() {
    for utf8 in [false, true] {
        let mut s = Session::start_with(SHOP, utf8, true, &[]);
        let m = map_at(&mut s, "phases.journey", 1);
        let refs = m["refs"].as_object().expect("refs");
        let cards = data_refs(html(&m));
        for kind in [
            "journey",
            "persona",
            "phase",
            "touchpoint",
            "goal",
            "impact",
        ] {
            assert!(
                cards.iter().any(|c| c.starts_with(&format!("{kind}:"))),
                "no {kind} card in {cards:?}"
            );
        }
        for card in &cards {
            let r = refs
                .get(card)
                .unwrap_or_else(|| panic!("{card} has no definition"));
            let name = r["uri"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string();
            let text = s.text(&name).to_string();
            let (kind, id) = card.split_once(':').unwrap();
            assert_eq!(text_at(&text, &r["selectionRange"], utf8), id, "{card}");
            let whole = text_at(&text, &r["range"], utf8);
            assert!(
                whole.starts_with(&format!("{kind} {id}")) && whole.ends_with('}'),
                "{card}: {whole}"
            );
        }
        // A persona's name has umlauts: ranges after it are in the
        // negotiated encoding.
        assert_eq!(
            text_at(
                s.text("personas.journey"),
                &refs["persona:tom"]["selectionRange"],
                utf8
            ),
            "tom"
        );
        s.shutdown();
    }
}

#[test]
fn the_map_follows_unsaved_edits() {
    let mut s = Session::start(SHOP);
    let before = map_at(&mut s, "journey.journey", 1);
    assert!(html(&before).contains("Invoices in two minutes"));
    let v = s.edit(
        "journey.journey",
        "\"Invoices in two minutes\" {",
        "\"Rechnungen in zwei Minuten\" {",
    );
    let after = map_at(&mut s, "journey.journey", v);
    assert_eq!(after["stale"], json!(false));
    assert!(html(&after).contains("<h1>Rechnungen in zwei Minuten</h1>"));
    // Served from memory: the file on disk is unchanged.
    let disk = std::fs::read_to_string(s.root.join("journey.journey")).unwrap();
    assert!(disk.contains("\"Invoices in two minutes\" {"));
    // A touchpoint moved down by a new line: its ref follows.
    let line =
        |m: &Value| m["refs"]["touchpoint:checkout"]["selectionRange"]["start"]["line"].clone();
    let old_line = line(&after);
    let v = s.edit("phases.journey", "phase purchase", "\nphase purchase");
    let moved = map_at(&mut s, "phases.journey", v);
    assert_eq!(line(&moved), json!(old_line.as_u64().unwrap() + 1));
    s.shutdown();
}

#[test]
fn with_errors_the_last_good_map_is_shown_as_stale() {
    let mut s = Session::start(SHOP);
    let good = map_at(&mut s, "journey.journey", 1);
    // A syntax error: the title loses its closing quote.
    let v = s.edit(
        "journey.journey",
        "\"Invoices in two minutes\" {",
        "\"Rechnungen in zwei Minuten {",
    );
    let stale = map_at(&mut s, "journey.journey", v);
    assert_eq!(stale["stale"], json!(true));
    assert_eq!(stale["html"], good["html"], "the last good map");
    assert!(stale["errors"].as_u64().unwrap() >= 1);
    let first = &stale["firstError"];
    assert!(first["code"].as_str().unwrap().starts_with('J'), "{first}");
    assert_eq!(first["uri"], json!(s.uri("journey.journey")));
    assert_eq!(first["range"]["start"]["line"], json!(4), "{first}");
    // Cards still lead somewhere.
    assert!(stale["refs"]["touchpoint:ads"].is_object());

    // An error of meaning (an unknown phase) is an error too, as for
    // `journeyc export`.
    let v = s.edit("journey.journey", "Minuten {", "Minuten\" {");
    let fixed = map_at(&mut s, "journey.journey", v);
    assert_eq!(fixed["stale"], json!(false));
    assert!(html(&fixed).contains("Rechnungen in zwei Minuten"));
    let v = s.edit(
        "journey.journey",
        "phases awareness,",
        "phases nowhere, awareness,",
    );
    let unknown = map_at(&mut s, "journey.journey", v);
    assert_eq!(unknown["stale"], json!(true));
    assert_eq!(unknown["html"], fixed["html"]);
    assert!(unknown["firstError"]["message"]
        .as_str()
        .unwrap()
        .contains("nowhere"));
    s.shutdown();
}

#[test]
fn a_workspace_that_never_checked_has_no_map_yet() {
    let mut s = Session::start("//- main.journey\njourney j \"J\" {\n  phases nowhere\n}\n");
    let m = map_at(&mut s, "main.journey", 1);
    assert!(m["html"].is_null(), "{m}");
    assert_eq!(m["stale"], json!(true));
    assert_eq!(m["errors"], json!(1));
    assert!(m["refs"]["journey:j"].is_object());
    // Fixed: the first map appears.
    let v = s.edit(
        "main.journey",
        "phases nowhere\n",
        "phases p\n}\nphase p \"P\" {\n  kind awareness\n",
    );
    let m = map_at(&mut s, "main.journey", v);
    assert_eq!(m["stale"], json!(false), "{}", m["firstError"]);
    assert!(html(&m).contains("data-ref=\"phase:p\""));
    s.shutdown();
}

/// journey.toml's `lang` and `[export] findings` shape the map as they
/// shape `journeyc export`.
#[test]
fn the_map_follows_journey_toml_like_the_export() {
    let fixture = format!(
        "//- journey.toml\n[workspace]\nlang = \"de\"\n\n[export]\nfindings = true\n{SHOP}"
    );
    let mut s = Session::start_with(&fixture, false, false, &[]);
    for name in [
        "personas.journey",
        "journey.journey",
        "phases.journey",
        "goals.journey",
    ] {
        s.open(name);
    }
    let m = map_at(&mut s, "journey.journey", 1);
    let out = journeyc_in(&s.root, &["export", "--format", "html", "."], &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(html(&m), String::from_utf8(out.stdout).unwrap());
    assert!(html(&m).contains("<html lang=\"de\">"), "German labels");
    assert!(html(&m).contains("J0413"), "the findings are listed");
    s.shutdown();
}
