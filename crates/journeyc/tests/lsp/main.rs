//! The language server, driven over stdio like an editor drives it: every
//! capability, multi-file edits, out-of-order changes and robustness.

mod confine;
mod map;
mod session;

use serde_json::{json, Value};
use session::{normalize, pretty, Session, WAIT};
use std::time::Duration;

const SHOP: &str = include_str!("fixtures/shop.txt");

fn codes(diags: &[Value]) -> Vec<String> {
    diags
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect()
}

fn has_code(code: &'static str) -> impl Fn(&[Value]) -> bool {
    move |d: &[Value]| d.iter().any(|x| x["code"] == json!(code))
}

fn lacks_code(code: &'static str) -> impl Fn(&[Value]) -> bool {
    move |d: &[Value]| !d.iter().any(|x| x["code"] == json!(code))
}

// ---- initialize, encodings -------------------------------------------------

#[test]
fn initialize_announces_every_capability() {
    let mut client =
        journey_lsp::harness::LspClient::spawn(session::binary(), &["lsp"], &[]).unwrap();
    let init = client.initialize(None, session::capabilities(false));
    let mut caps = init["capabilities"].clone();
    // The legend is checked by the semantic-token tests.
    caps["semanticTokensProvider"]["legend"] = json!("…");
    insta::assert_snapshot!(pretty(&caps));
    assert_eq!(init["serverInfo"]["name"], "journeyc");
    // A second initialize is refused.
    let again = client.request_raw(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    assert_eq!(again["error"]["code"], -32600, "{again}");
    assert!(client.shutdown().success());
}

#[test]
fn position_encoding_is_utf8_when_offered_else_utf16() {
    for (utf8, expected) in [(true, "utf-8"), (false, "utf-16")] {
        let mut client =
            journey_lsp::harness::LspClient::spawn(session::binary(), &["lsp"], &[]).unwrap();
        let init = client.initialize(None, session::capabilities(utf8));
        assert_eq!(init["capabilities"]["positionEncoding"], expected);
        assert!(client.shutdown().success());
    }
}

/// Umlauts and emoji before the cursor: the same answers in both
/// encodings, at the right columns.
#[test]
fn umlauts_and_emoji_in_both_encodings() {
    let fixture = "persona jürgen \"Jürgen 🎉 Größe\" {\n  role \"Gründer 🚲\"\n}\n\
                   phase p \"Phase\" {\n  touchpoint t \"Tür 🚪\" { serves jürgen }\n}\n";
    for utf8 in [false, true] {
        let mut s = Session::start_with(fixture, utf8, true, &[]);
        let text = s.text("main.journey").to_string();
        // Hover on the reference after the emoji of the title.
        let hover = s.request("textDocument/hover", s.at("main.journey", "serves jür|gen"));
        assert!(
            hover["contents"]["value"]
                .as_str()
                .unwrap()
                .contains("Role: Gründer 🚲"),
            "{hover}"
        );
        let line = text.lines().nth(4).unwrap();
        let start = line.find("jürgen").unwrap();
        let (col_start, col_end) = if utf8 {
            (start, start + "jürgen".len())
        } else {
            (
                line[..start].encode_utf16().count(),
                line[..start].encode_utf16().count() + "jürgen".encode_utf16().count(),
            )
        };
        assert_eq!(
            hover["range"],
            json!({"start": {"line": 4, "character": col_start}, "end": {"line": 4, "character": col_end}}),
            "utf8={utf8}"
        );
        // Definition lands on the id after the umlaut.
        let def = s.request(
            "textDocument/definition",
            s.at("main.journey", "serves jürge|n"),
        );
        assert_eq!(def[0]["range"]["start"], json!({"line": 0, "character": 8}));
        let end = if utf8 { 8 + "jürgen".len() } else { 14 };
        assert_eq!(def[0]["range"]["end"], json!({"line": 0, "character": end}));
        // Semantic tokens count the emoji as 2 UTF-16 units or 4 bytes.
        let tokens = s.request("textDocument/semanticTokens/full", s.doc("main.journey"));
        let data = tokens["data"].as_array().unwrap();
        // Token 3 is the title string on line 0.
        let title_len = data[2 * 5 + 2].as_u64().unwrap() as usize;
        let title = "\"Jürgen 🎉 Größe\"";
        let expected = if utf8 {
            title.len()
        } else {
            title.encode_utf16().count()
        };
        assert_eq!(title_len, expected, "utf8={utf8}");
        s.shutdown();
    }
}

// ---- diagnostics -------------------------------------------------------------

#[test]
fn diagnostics_with_code_links_and_related_information() {
    let mut s = Session::start(SHOP);
    let diags = s.diagnostics_where("phases.journey", has_code("J0413"));
    let gap = diags.iter().find(|d| d["code"] == "J0413").unwrap();
    insta::assert_snapshot!(pretty(&s.normalize(gap)));
    assert!(gap["codeDescription"]["href"]
        .as_str()
        .unwrap()
        .contains("J0413"));
    s.shutdown();
}

#[test]
fn errors_appear_and_an_empty_list_is_published_when_fixed() {
    let mut s = Session::start("# notes\n");
    assert!(s.diagnostics("main.journey").is_empty());
    s.edit(
        "main.journey",
        "# notes\n",
        "persona p {\n  role Founder\n}\n",
    );
    let diags = s.diagnostics_where("main.journey", has_code("J0203"));
    assert!(codes(&diags).contains(&"J0203".to_string()));
    s.edit(
        "main.journey",
        "persona p {\n  role Founder\n}\n",
        "# notes again\n",
    );
    let diags = s.diagnostics("main.journey");
    assert!(diags.is_empty(), "{diags:?}");
    s.shutdown();
}

/// Editing personas.journey updates the diagnostics of every file that
/// uses it, and of nothing else.
#[test]
fn editing_an_imported_file_updates_its_importers() {
    let mut s = Session::start(SHOP);
    s.diagnostics_where("goals.journey", lacks_code("J0304"));
    s.edit("personas.journey", "persona sabine", "persona sabina");
    // phases.journey (serves sabine) and goals.journey (actor sabine).
    let phases = s.diagnostics_where("phases.journey", has_code("J0304"));
    assert!(phases
        .iter()
        .any(|d| d["code"] == "J0304" && d["message"].as_str().unwrap().contains("sabine")));
    s.diagnostics_where("goals.journey", has_code("J0304"));
    // Undo: both files clean of it again.
    s.edit("personas.journey", "persona sabina", "persona sabine");
    s.diagnostics_where("phases.journey", lacks_code("J0304"));
    s.diagnostics_where("goals.journey", lacks_code("J0304"));
    s.shutdown();
}

/// A file that is not open follows the disk; an open one keeps its buffer.
#[test]
fn watched_files_update_diagnostics_but_buffers_win() {
    let mut s = Session::start_with(SHOP, false, false, &[]);
    s.open("phases.journey");
    s.diagnostics_where("phases.journey", lacks_code("J0304"));
    // personas.journey changes on disk (not open in the editor).
    let path = s.root.join("personas.journey");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("persona tom", "persona thomas")).unwrap();
    let uri = s.uri("personas.journey");
    s.client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri, "type": 2}]}),
    );
    let d = s.diagnostics_where("phases.journey", has_code("J0304"));
    assert!(d
        .iter()
        .any(|x| x["message"].as_str().unwrap().contains("tom")));
    // Now the editor opens personas.journey with unsaved text that defines
    // tom again: the buffer wins over the disk.
    s.open("personas.journey");
    s.edit(
        "personas.journey",
        "persona sabine",
        "persona tom \"T\" {}\npersona sabine",
    );
    s.diagnostics_where("phases.journey", lacks_code("J0304"));
    // A change on disk while it is open changes nothing.
    s.client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri, "type": 2}]}),
    );
    let hover = s.request("textDocument/hover", s.at("phases.journey", "serves t|om"));
    assert!(hover["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("`tom`"));
    s.shutdown();
}

/// Files the server reads from disk: one saved as UTF-16 is one J0003,
/// and a named pipe in the workspace is never read (the server would
/// wait on it forever).
#[test]
fn files_read_from_disk_utf16_and_named_pipes() {
    let mut s = Session::start_with(SHOP, false, false, &[]);
    s.open("phases.journey");
    s.diagnostics_where("phases.journey", lacks_code("J0304"));
    let path = s.root.join("personas.journey");
    let text = std::fs::read_to_string(&path).unwrap();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    std::fs::write(&path, utf16).unwrap();
    #[cfg(unix)]
    {
        let pipe = s.root.join("pipe.journey");
        assert!(std::process::Command::new("mkfifo")
            .arg(&pipe)
            .status()
            .unwrap()
            .success());
    }
    let uri = s.uri("personas.journey");
    s.client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [
            {"uri": uri, "type": 2},
            {"uri": s.uri("pipe.journey"), "type": 1}
        ]}),
    );
    let d = s.diagnostics_where("personas.journey", has_code("J0003"));
    assert_eq!(codes(&d), vec!["J0003"], "{d:?}");
    // Its personas are gone: the importer says so, and the server still
    // answers.
    s.diagnostics_where("phases.journey", has_code("J0304"));
    let hover = s.request("textDocument/hover", s.at("phases.journey", "serves t|om"));
    assert!(hover.is_object() || hover.is_null());
    s.shutdown();
}

/// Workspace folders added and removed at run time; their files are
/// checked without being opened.
#[test]
fn workspace_folders_come_and_go() {
    let mut s = Session::start_with("", false, false, &[]);
    let extra = tempfile::tempdir().unwrap();
    let folder = std::fs::canonicalize(extra.path()).unwrap();
    std::fs::write(folder.join("broken.journey"), "persona p {\n").unwrap();
    let folder_uri = journey_lsp::harness::file_uri(&folder);
    let file_uri = journey_lsp::harness::file_uri(&folder.join("broken.journey"));
    s.client.notify(
        "workspace/didChangeWorkspaceFolders",
        json!({"event": {"added": [{"uri": folder_uri, "name": "extra"}], "removed": []}}),
    );
    s.client
        .wait_for("textDocument/publishDiagnostics", WAIT, |p| {
            p["uri"] == json!(file_uri) && !p["diagnostics"].as_array().unwrap().is_empty()
        })
        .expect("diagnostics for a file of the added folder");
    let symbols = s.request("workspace/symbol", json!({"query": "p"}));
    assert!(symbols
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x["location"]["uri"] == json!(file_uri)));
    s.client.notify(
        "workspace/didChangeWorkspaceFolders",
        json!({"event": {"added": [], "removed": [{"uri": folder_uri, "name": "extra"}]}}),
    );
    s.client
        .wait_for("textDocument/publishDiagnostics", WAIT, |p| {
            p["uri"] == json!(file_uri) && p["diagnostics"].as_array().unwrap().is_empty()
        })
        .expect("an empty list once the folder is gone");
    s.shutdown();
}

/// An edit publishes the diagnostics of the files whose findings changed
/// — the edited file, and the file of the persona it no longer serves —
/// and nothing for a file the edit cannot reach.
#[test]
fn an_edit_publishes_only_the_files_whose_findings_changed() {
    let fixture = "//- personas.journey\n\
persona pa \"A\" {\n  evidence \"5 interviews\"\n}\n\
//- a.journey\n\
phase pha \"A\" {\n  touchpoint ta \"T\" {\n    owner team\n    serves pa\n  }\n}\n\
//- b.journey\n\
persona pb \"B\" {\n  evidence \"5 interviews\"\n}\n\
phase phb \"B\" {\n  touchpoint tb \"T\" {\n    owner team\n    serves pb\n  }\n}\n";
    let mut s = Session::start(fixture);
    assert!(lacks_code("J0406")(&s.diagnostics("personas.journey")));
    s.diagnostics("a.journey");
    s.diagnostics("b.journey");
    // Whatever loading published is over.
    s.client.drain(Duration::from_millis(800));

    let published_after = |s: &mut Session, version: i32| {
        let uri = s.uri("a.journey");
        let first = s
            .client
            .wait_for("textDocument/publishDiagnostics", WAIT, |p| {
                p["uri"] == json!(uri) && p["version"] == json!(version)
            })
            .expect("the edited file's diagnostics");
        let mut seen = vec![first];
        seen.extend(
            s.client
                .drain(Duration::from_millis(800))
                .into_iter()
                .filter(|m| m["method"] == "textDocument/publishDiagnostics")
                .map(|m| m["params"].clone()),
        );
        seen
    };
    let uris = |seen: &[Value]| -> Vec<String> {
        let mut u: Vec<String> = seen
            .iter()
            .map(|p| p["uri"].as_str().unwrap_or("").to_string())
            .collect();
        u.sort();
        u.dedup();
        u
    };

    let v = s.edit("a.journey", "serves pa", "serves px");
    let seen = published_after(&mut s, v);
    assert_eq!(
        uris(&seen),
        vec![s.uri("a.journey"), s.uri("personas.journey")],
        "{seen:#?}"
    );
    let personas = seen
        .iter()
        .find(|p| p["uri"] == json!(s.uri("personas.journey")))
        .expect("published");
    assert!(has_code("J0406")(
        personas["diagnostics"].as_array().unwrap()
    ));

    // A change that no finding depends on publishes the edited file only
    // (its new version), not the persona's file.
    let v = s.edit("a.journey", "owner team", "owner crew");
    let seen = published_after(&mut s, v);
    assert_eq!(uris(&seen), vec![s.uri("a.journey")], "{seen:#?}");
    s.shutdown();
}

/// journey.toml is read from the workspace folder and re-read when it
/// changes on disk.
#[test]
fn journey_toml_levels_apply_and_follow_the_disk() {
    let mut s = Session::start(SHOP);
    s.diagnostics_where("phases.journey", has_code("J0413"));
    std::fs::write(
        s.root.join("journey.toml"),
        "[checks]\nexperience-below-expectation = \"allow\"\n",
    )
    .unwrap();
    let uri = journey_lsp::harness::file_uri(&s.root.join("journey.toml"));
    s.client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri, "type": 1}]}),
    );
    // phases.journey is open with version 1; its list is republished.
    s.diagnostics_where("phases.journey", lacks_code("J0413"));
    s.shutdown();
}

#[test]
fn closing_a_file_outside_the_workspace_clears_its_diagnostics() {
    let mut s = Session::start_with("", false, false, &[]);
    let outside = tempfile::tempdir().unwrap();
    let path = std::fs::canonicalize(outside.path())
        .unwrap()
        .join("loose.journey");
    let uri = journey_lsp::harness::file_uri(&path);
    s.client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "journey", "version": 1, "text": "persona {\n"}}),
    );
    let got = s
        .client
        .wait_for("textDocument/publishDiagnostics", WAIT, |p| {
            p["uri"] == json!(uri) && !p["diagnostics"].as_array().unwrap().is_empty()
        })
        .expect("diagnostics for the open file");
    assert!(!got["diagnostics"].as_array().unwrap().is_empty());
    s.client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    s.client
        .wait_for("textDocument/publishDiagnostics", WAIT, |p| {
            p["uri"] == json!(uri) && p["diagnostics"].as_array().unwrap().is_empty()
        })
        .expect("an empty list after closing");
    s.shutdown();
}

// ---- hover, navigation ----------------------------------------------------------

#[test]
fn hover_on_keywords_and_references() {
    let mut s = Session::start(SHOP);
    let cases = [
        ("phases.journey", "  touch|point ads"),
        ("phases.journey", "serves sab|ine\n    says"),
        ("goals.journey", "via a|ds, checkout"),
        ("journey.journey", "phases awareness, purch|ase"),
        ("goals.journey", "goal reve|nue"),
        ("phases.journey", "state cur|rent\n  }\n}\n\nphase purchase"),
    ];
    let mut out = String::new();
    for (file, marker) in cases {
        let h = s.request("textDocument/hover", s.at(file, marker));
        out.push_str(&format!(
            "## {file} {marker:?} {}\n{}\n\n",
            h["range"]
                .as_object()
                .map_or("-".into(), |_| normalize(&h["range"], "").to_string()),
            h["contents"]["value"].as_str().unwrap_or("(none)")
        ));
    }
    insta::assert_snapshot!(out);
    s.shutdown();
}

#[test]
fn definition_references_and_highlight() {
    let mut s = Session::start(SHOP);
    let def = s.request("textDocument/definition", s.at("goals.journey", "via a|ds"));
    let refs = s.request(
        "textDocument/references",
        json!({
            "textDocument": {"uri": s.uri("personas.journey")},
            "position": s.at("personas.journey", "persona sa|bine")["position"],
            "context": {"includeDeclaration": true}
        }),
    );
    let highlight = s.request(
        "textDocument/documentHighlight",
        s.at("phases.journey", "owner mark|eting"),
    );
    let import = s.request(
        "textDocument/definition",
        s.at("goals.journey", "import \"pha|ses.journey\""),
    );
    insta::assert_snapshot!(pretty(&s.normalize(&json!({
        "definition of `ads` from goals.journey": def,
        "references of persona sabine": refs,
        "highlight of team marketing": highlight,
        "definition of an import": import,
    }))));
    s.shutdown();
}

// ---- rename ------------------------------------------------------------------------

#[test]
fn rename_across_files_and_refusals() {
    let mut s = Session::start(SHOP);
    let prepare = s.request(
        "textDocument/prepareRename",
        s.at("phases.journey", "touchpoint chec|kout"),
    );
    let mut params = s.at("phases.journey", "touchpoint chec|kout");
    params["newName"] = json!("web_checkout");
    let edit = s.request("textDocument/rename", params);
    insta::assert_snapshot!(pretty(&s.normalize(&json!({
        "prepareRename": prepare,
        "rename checkout -> web_checkout": edit,
    }))));
    // Collision: another touchpoint is called `ads`.
    let mut params = s.at("phases.journey", "touchpoint chec|kout");
    params["newName"] = json!("ads");
    let refused = s.client.request_raw("textDocument/rename", params);
    assert!(
        refused["error"]["message"]
            .as_str()
            .unwrap()
            .contains("already exists"),
        "{refused}"
    );
    // Not an identifier.
    let mut params = s.at("phases.journey", "touchpoint chec|kout");
    params["newName"] = json!("web checkout");
    let refused = s.client.request_raw("textDocument/rename", params);
    assert!(refused["error"]["message"]
        .as_str()
        .unwrap()
        .contains("not an identifier"));
    // A fixed word of the language cannot be renamed.
    let refused = s.client.request_raw(
        "textDocument/prepareRename",
        s.at("phases.journey", "kind aware|ness"),
    );
    assert!(refused["error"]["message"]
        .as_str()
        .unwrap()
        .contains("word of the language"));
    // Nothing to rename on a keyword: null.
    let none = s.request(
        "textDocument/prepareRename",
        s.at("phases.journey", "  ki|nd awareness"),
    );
    assert!(none.is_null());
    s.shutdown();
}

// ---- completion ------------------------------------------------------------------

fn labels(result: &Value) -> Vec<String> {
    result
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn completion_by_context() {
    let mut s = Session::start(SHOP);
    // Personas after `serves` (tom is already listed).
    s.edit("phases.journey", "serves sabine\n", "serves sabine, \n");
    let r = s.request(
        "textDocument/completion",
        s.at("phases.journey", "serves sabine, |\n"),
    );
    assert_eq!(labels(&r), ["tom"]);
    // Touchpoints after `via`.
    s.edit("goals.journey", "via newsletter", "via newsletter, ");
    let r = s.request(
        "textDocument/completion",
        s.at("goals.journey", "via newsletter, |"),
    );
    assert_eq!(labels(&r), ["ads", "checkout"]);
    // Phases in the journey's phase list.
    s.edit(
        "journey.journey",
        "phases awareness, purchase, loyalty",
        "phases awareness, ",
    );
    let r = s.request(
        "textDocument/completion",
        s.at("journey.journey", "phases awareness, |"),
    );
    assert_eq!(labels(&r), ["loyalty", "purchase"]);
    // Fixed values: kind, state, channel.
    s.edit("phases.journey", "kind loyalty", "kind ");
    let r = s.request(
        "textDocument/completion",
        s.at(
            "phases.journey",
            "kind |\n  message \"Invoices in two minutes, every",
        ),
    );
    assert!(labels(&r).contains(&"offboarding".to_string()));
    s.edit(
        "phases.journey",
        "state current\n  }\n}\n\nphase purchase",
        "state \n  }\n}\n\nphase purchase",
    );
    let r = s.request(
        "textDocument/completion",
        s.at("phases.journey", "state |\n  }\n}\n\nphase purchase"),
    );
    assert_eq!(labels(&r), ["current", "planned"]);
    s.edit("phases.journey", "channel web online", "channel ");
    let r = s.request(
        "textDocument/completion",
        s.at("phases.journey", "channel |\n    owner sales"),
    );
    assert!(labels(&r).contains(&"email".to_string()) && labels(&r).contains(&"store".to_string()));
    s.shutdown();
}

#[test]
fn completion_of_keywords_with_snippets() {
    let mut s = Session::start("phase p \"P\" {\n  kind awareness\n  $0\n}\n");
    let r = s.request("textDocument/completion", s.at_cursor());
    let items = r.as_array().unwrap();
    let tp = items.iter().find(|i| i["label"] == "touchpoint").unwrap();
    insta::assert_snapshot!(pretty(&s.normalize(tp)));
    assert!(
        !labels(&r).contains(&"kind".to_string()),
        "kind is already there"
    );
    // Typing a space at the start of a line asks for nothing.
    let mut params = s.at_cursor();
    params["context"] = json!({"triggerKind": 2, "triggerCharacter": " "});
    let r = s.request("textDocument/completion", params);
    assert!(r.is_null());
    s.shutdown();
}

// ---- symbols, tokens -------------------------------------------------------------

#[test]
fn document_and_workspace_symbols() {
    let mut s = Session::start(SHOP);
    let outline = s.request("textDocument/documentSymbol", s.doc("phases.journey"));
    let names: Vec<String> = outline
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let children: Vec<&str> = p["children"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["name"].as_str().unwrap())
                .collect();
            format!("{} [{}]", p["name"].as_str().unwrap(), children.join(", "))
        })
        .collect();
    assert_eq!(
        names,
        [
            "awareness [ads]",
            "purchase [checkout]",
            "loyalty [newsletter]"
        ]
    );
    let ws = s.request("workspace/symbol", json!({"query": "chk"}));
    insta::assert_snapshot!(pretty(&s.normalize(&ws)));
    s.shutdown();
}

/// Decodes delta-encoded tokens into `line:col len type [mods]`.
fn decode_tokens(data: &[Value], text: &str) -> Vec<String> {
    let types = journey_lsp::TOKEN_TYPES;
    let mods = journey_lsp::TOKEN_MODIFIERS;
    let lines: Vec<&str> = text.lines().collect();
    let (mut line, mut col) = (0u64, 0u64);
    data.chunks(5)
        .map(|c| {
            let n = |i: usize| c[i].as_u64().unwrap();
            if n(0) > 0 {
                line += n(0);
                col = n(1);
            } else {
                col += n(1);
            }
            let units: Vec<u16> = lines[line as usize]
                .encode_utf16()
                .skip(col as usize)
                .take(n(2) as usize)
                .collect();
            let word = String::from_utf16_lossy(&units);
            let m: Vec<&str> = (0..mods.len())
                .filter(|b| n(4) & (1 << b) != 0)
                .map(|b| mods[b])
                .collect();
            format!(
                "{line}:{col} {word} {} {}",
                types[n(3) as usize],
                m.join(",")
            )
            .trim_end()
            .to_string()
        })
        .collect()
}

#[test]
fn semantic_tokens_full_and_range() {
    let mut s = Session::start(SHOP);
    let full = s.request("textDocument/semanticTokens/full", s.doc("goals.journey"));
    let text = s.text("goals.journey").to_string();
    let decoded = decode_tokens(full["data"].as_array().unwrap(), &text);
    insta::assert_snapshot!(decoded.join("\n"));
    // A range gives the tokens of those lines only, with the same values.
    let range = s.request(
        "textDocument/semanticTokens/range",
        json!({
            "textDocument": {"uri": s.uri("goals.journey")},
            "range": {"start": {"line": 6, "character": 0}, "end": {"line": 7, "character": 0}}
        }),
    );
    let part = decode_tokens(range["data"].as_array().unwrap(), &text);
    assert!(!part.is_empty());
    assert!(part.iter().all(|t| decoded.contains(t)), "{part:?}");
    assert!(part
        .iter()
        .all(|t| t.starts_with("6:") || t.starts_with("7:")));
    s.shutdown();
}

/// A text block spans lines: one string token per line.
#[test]
fn semantic_tokens_split_text_blocks_per_line() {
    let mut s = Session::start(
        "persona p \"P\" {\n  description \"\"\"\n    Zwei Zeilen 🎉\n    mehr\n    \"\"\"\n}\n",
    );
    let full = s.request("textDocument/semanticTokens/full", s.doc("main.journey"));
    let text = s.text("main.journey").to_string();
    let decoded = decode_tokens(full["data"].as_array().unwrap(), &text);
    let strings: Vec<&String> = decoded.iter().filter(|t| t.contains(" string")).collect();
    assert_eq!(
        strings,
        [
            "0:10 \"P\" string",
            "1:14 \"\"\" string",
            "2:0     Zwei Zeilen 🎉 string",
            "3:0     mehr string",
            "4:0     \"\"\" string"
        ],
        "{decoded:?}"
    );
    s.shutdown();
}

// ---- code actions, formatting -------------------------------------------------

#[test]
fn quick_fixes_from_diagnostics() {
    let mut s = Session::start("persona p \"P\" {\n  role Found$0er\n}\n");
    s.diagnostics_where("main.journey", has_code("J0203"));
    let mut params = s.at_cursor();
    let pos = params["position"].clone();
    params["range"] = json!({"start": pos, "end": pos});
    params["context"] = json!({"diagnostics": []});
    let actions = s.request("textDocument/codeAction", params);
    let quotes = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "put it in quotes")
        .expect("the fix")
        .clone();
    insta::assert_snapshot!(pretty(&s.normalize(&json!({
        "title": quotes["title"],
        "kind": quotes["kind"],
        "isPreferred": quotes["isPreferred"],
        "edit": quotes["edit"],
        "diagnostic code": quotes["diagnostics"][0]["code"],
    }))));
    s.shutdown();
}

/// Numbers and dates written the German way come with their fix as a
/// code action; applying it clears the finding.
#[test]
fn quick_fixes_for_german_numbers_and_dates() {
    let mut s = Session::start(
        "phase p \"P\" {\n  kpi v \"Besucher\" target 20.000 unit \"pro Monat\"\n  kpi w \"W\" target 1,500\n}\n\
         goal g \"G\" {\n  metric \"M\" current 1 target 2 by 31.12.2027\n}\n",
    );
    s.diagnostics_where("main.journey", |d| {
        d.iter().filter(|x| x["code"] == json!("J0109")).count() == 2 && has_code("J0110")(d)
    });
    let actions_at = |s: &mut Session, marker: &str| -> Vec<Value> {
        let mut params = s.at("main.journey", marker);
        let pos = params["position"].clone();
        params["range"] = json!({"start": pos, "end": pos});
        params["context"] = json!({"diagnostics": []});
        s.request("textDocument/codeAction", params)
            .as_array()
            .unwrap()
            .clone()
    };
    let fix = |a: &Value| {
        let edits = a["edit"]["changes"]
            .as_object()
            .and_then(|c| c.values().next())
            .cloned()
            .unwrap_or_else(|| a["edit"]["documentChanges"][0]["edits"].clone());
        (
            a["title"].as_str().unwrap().to_string(),
            edits[0]["newText"].as_str().unwrap().to_string(),
            a["isPreferred"] == json!(true),
        )
    };
    let number: Vec<_> = actions_at(&mut s, "20.|000").iter().map(fix).collect();
    assert_eq!(number, [("write `20000`".into(), "20000".into(), true)]);
    let date: Vec<_> = actions_at(&mut s, "31.12.|2027").iter().map(fix).collect();
    assert_eq!(
        date,
        [("write `2027-12-31`".into(), "2027-12-31".into(), true)]
    );
    // Two readings: both offered, neither preferred.
    let both: Vec<_> = actions_at(&mut s, "1,|500").iter().map(fix).collect();
    assert_eq!(
        both,
        [
            ("write `1.5` (decimal comma)".into(), "1.5".into(), false),
            (
                "write `1500` (thousands separator)".into(),
                "1500".into(),
                false
            )
        ]
    );
    s.edit("main.journey", "20.000", "20000");
    s.edit("main.journey", "31.12.2027", "2027-12-31");
    let left = s.diagnostics_where("main.journey", lacks_code("J0110"));
    assert_eq!(
        codes(&left)
            .iter()
            .filter(|c| c.starts_with("J01"))
            .collect::<Vec<_>>(),
        ["J0109"],
        "only `1,500` is left: {left:?}"
    );
    s.shutdown();
}

#[test]
fn formatting_returns_the_minimal_edit_or_refuses_broken_files() {
    let mut s = Session::start("persona p \"P\" {\n        role \"Founder\"\n}\n");
    let params = json!({
        "textDocument": {"uri": s.uri("main.journey")},
        "options": {"tabSize": 2, "insertSpaces": true}
    });
    let edits = s.request("textDocument/formatting", params.clone());
    insta::assert_snapshot!(pretty(&s.normalize(&edits)));
    s.edit("main.journey", "\"Founder\"\n", "\"Founder\n");
    let refused = s.client.request_raw("textDocument/formatting", params);
    assert!(refused["error"]["message"]
        .as_str()
        .unwrap()
        .contains("syntax error"));
    s.shutdown();
}

// ---- folding, selection, inlay hints, links ------------------------------------

#[test]
fn folding_selection_inlay_hints_and_links() {
    let mut s = Session::start(SHOP);
    let folds = s.request("textDocument/foldingRange", s.doc("goals.journey"));
    let mut sel = s.at("phases.journey", "serves sabine, t|om");
    sel["positions"] = json!([sel["position"].clone()]);
    let selection = s.request("textDocument/selectionRange", sel);
    let hints = s.request(
        "textDocument/inlayHint",
        json!({
            "textDocument": {"uri": s.uri("phases.journey")},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 30, "character": 0}}
        }),
    );
    let links = s.request("textDocument/documentLink", s.doc("goals.journey"));
    insta::assert_snapshot!(pretty(&s.normalize(&json!({
        "folding goals.journey": folds,
        "selection at `tom` in serves": selection,
        "inlay hints phases.journey lines 0-30": hints,
        "links goals.journey": links,
    }))));
    s.shutdown();
}

#[test]
fn explain_request() {
    let mut s = Session::start("");
    let r = s.request("journeyc/explain", json!({"code": "unterminated-string"}));
    assert_eq!(r["code"], "J0102");
    assert!(r["explanation"].as_str().unwrap().contains("text block"));
    let bad = s
        .client
        .request_raw("journeyc/explain", json!({"code": "J9999"}));
    assert_eq!(bad["error"]["code"], -32602);
    s.shutdown();
}

// ---- text sync order ---------------------------------------------------------------

fn change(uri: &str, version: i32, line: u32, from: u32, to: u32, text: &str) -> Value {
    json!({
        "textDocument": {"uri": uri, "version": version},
        "contentChanges": [{
            "range": {"start": {"line": line, "character": from}, "end": {"line": line, "character": to}},
            "text": text
        }]
    })
}

fn outline_names(s: &mut Session, name: &str) -> Vec<String> {
    let outline = s.request("textDocument/documentSymbol", s.doc(name));
    outline
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["name"].as_str().unwrap().to_string())
        .collect()
}

/// Changes that arrive out of order are applied in version order; a stale
/// version is dropped.
#[test]
fn out_of_order_changes_are_applied_by_version() {
    let mut s = Session::start("persona a {}\n");
    let uri = s.uri("main.journey");
    // v2: a -> ab; v3: ab -> abc. Sent v3 first.
    s.client
        .notify("textDocument/didChange", change(&uri, 3, 0, 10, 10, "c"));
    s.client
        .notify("textDocument/didChange", change(&uri, 2, 0, 9, 9, "b"));
    assert_eq!(outline_names(&mut s, "main.journey"), ["abc"]);
    // A stale change (version 2 again) is ignored.
    s.client
        .notify("textDocument/didChange", change(&uri, 2, 0, 8, 11, "zzz"));
    assert_eq!(outline_names(&mut s, "main.journey"), ["abc"]);
    // A gap that is never filled (a client numbering with gaps) is applied
    // after a short wait.
    s.client
        .notify("textDocument/didChange", change(&uri, 7, 0, 11, 11, "d"));
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(outline_names(&mut s, "main.journey"), ["abcd"]);
    let diags = s
        .client
        .wait_for("textDocument/publishDiagnostics", WAIT, |p| {
            p["uri"] == json!(uri) && p["version"] == json!(7)
        });
    assert!(diags.is_some(), "diagnostics for the last version");
    s.shutdown();
}

/// Many quick edits: the last published diagnostics are those of the
/// last version, never of an older one.
#[test]
fn diagnostics_are_never_stale_after_a_burst() {
    let mut s = Session::start("persona p {}\n");
    let uri = s.uri("main.journey");
    for v in 2..=40 {
        // Alternate between broken and fine; the last one (40) is fine.
        let text = if v % 2 == 1 {
            "persona p {\n"
        } else {
            "persona p {}\n"
        };
        s.client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": v}, "contentChanges": [{"text": text}]}),
        );
    }
    let last = s
        .client
        .wait_for("textDocument/publishDiagnostics", WAIT, |p| {
            p["uri"] == json!(uri) && p["version"] == json!(40)
        })
        .expect("diagnostics of version 40");
    assert!(
        !codes(last["diagnostics"].as_array().unwrap()).contains(&"J0105".to_string()),
        "{last}"
    );
    // Nothing older arrives afterwards.
    let later = s.client.drain(Duration::from_millis(300));
    for m in later {
        if m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == json!(uri) {
            assert_eq!(m["params"]["version"], json!(40), "{m}");
        }
    }
    s.shutdown();
}

// ---- robustness ----------------------------------------------------------------------

#[test]
fn malformed_json_and_unknown_methods_are_answered() {
    let mut s = Session::start("persona p {}\n");
    // Invalid JSON with a correct header.
    s.client.send_raw(&journey_lsp::harness::frame(
        b"{\"jsonrpc\": \"2.0\", \"id\": 99, ",
    ));
    let err = s
        .client
        .wait_for_response_any(WAIT)
        .expect("an answer to malformed JSON");
    assert_eq!(err["error"]["code"], -32700, "{err}");
    // Valid JSON that is not a request.
    s.client
        .send_raw(&journey_lsp::harness::frame(b"[1, 2, 3]"));
    let err = s.client.wait_for_response_any(WAIT).expect("an answer");
    assert!(err.get("error").is_some(), "{err}");
    // Unknown method.
    let r = s.client.request_raw("journeyc/noSuchMethod", json!({}));
    assert_eq!(r["error"]["code"], -32601);
    // Wrong params for a known method.
    let r = s
        .client
        .request_raw("textDocument/hover", json!({"nonsense": true}));
    assert_eq!(r["error"]["code"], -32602);
    // Still serving.
    let outline = outline_names(&mut s, "main.journey");
    assert_eq!(outline, ["p"]);
    s.shutdown();
}

#[test]
fn files_never_opened_and_positions_past_the_end() {
    let mut s = Session::start("persona p \"P\" {}\n");
    let nowhere = "file:///no/such/file.journey";
    for method in [
        "textDocument/hover",
        "textDocument/definition",
        "textDocument/completion",
        "textDocument/documentHighlight",
    ] {
        let r = s.client.request_raw(
            method,
            json!({"textDocument": {"uri": nowhere}, "position": {"line": 0, "character": 0}}),
        );
        assert!(
            r.get("error").is_none() && r["result"].is_null(),
            "{method}: {r}"
        );
    }
    let r = s.client.request_raw(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": nowhere}}),
    );
    assert!(r["result"].is_null(), "{r}");
    // Past the end of a line and of the file: clamped, answered.
    for (line, character) in [(0, 999), (99, 5), (0, u32::MAX)] {
        let r = s.client.request_raw(
            "textDocument/hover",
            json!({"textDocument": {"uri": s.uri("main.journey")},
                   "position": {"line": line, "character": character}}),
        );
        assert!(r.get("error").is_none(), "{r}");
        let r = s.client.request_raw(
            "textDocument/completion",
            json!({"textDocument": {"uri": s.uri("main.journey")},
                   "position": {"line": line, "character": character}}),
        );
        assert!(r.get("error").is_none(), "{r}");
    }
    // An edit whose range lies past the end is clamped too.
    let uri = s.uri("main.journey");
    s.client.notify(
        "textDocument/didChange",
        change(&uri, 2, 50, 0, 3, "persona q {}\n"),
    );
    assert_eq!(outline_names(&mut s, "main.journey"), ["p", "q"]);
    s.shutdown();
}

#[test]
fn a_panic_answers_one_request_with_an_error_and_the_server_keeps_running() {
    let mut s = Session::start_with(
        "persona p {}\n",
        false,
        true,
        &[(journey_lsp::PANIC_HOOK_ENV, "1")],
    );
    let r = s.client.request_raw("journeyc/panic", json!(null));
    assert_eq!(r["error"]["code"], -32603, "{r}");
    assert!(r["error"]["message"]
        .as_str()
        .unwrap()
        .contains("deliberate panic"));
    assert_eq!(outline_names(&mut s, "main.journey"), ["p"]);
    assert!(s.client.is_running());
    s.shutdown();
}

#[test]
fn the_panic_hook_is_off_by_default() {
    let mut s = Session::start("");
    let r = s.client.request_raw("journeyc/panic", json!(null));
    assert_eq!(r["error"]["code"], -32601, "{r}");
    s.shutdown();
}

#[test]
fn shutdown_and_exit_as_the_protocol_says() {
    // shutdown then exit: status 0; requests after shutdown are refused.
    let mut s = Session::start("persona p {}\n");
    assert!(s.client.request("shutdown", Value::Null).is_null());
    let r = s
        .client
        .request_raw("textDocument/documentSymbol", s.doc("main.journey"));
    assert_eq!(r["error"]["code"], -32600, "{r}");
    s.client.notify("exit", Value::Null);
    let status = s.client.wait();
    assert_eq!(status.code(), Some(0));

    // exit without shutdown: status 1.
    let mut s = Session::start("");
    s.client.notify("exit", Value::Null);
    assert_eq!(s.client.wait().code(), Some(1));

    // The end of the input without exit: the server stops too.
    let mut s = Session::start("");
    s.client.close_stdin();
    assert_eq!(s.client.wait().code(), Some(1));
}

#[test]
fn requests_before_initialize_are_refused() {
    let mut client =
        journey_lsp::harness::LspClient::spawn(session::binary(), &["lsp"], &[]).unwrap();
    let r = client.request_raw(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///x.journey"}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(r["error"]["code"], -32002, "{r}");
    client.initialize(None, session::capabilities(false));
    assert!(client.shutdown().success());
}

// ---- bad framing ----------------------------------------------------------------------

/// Every kind of bad framing, each followed by a hover that must be
/// answered: the server drops the broken bytes and reads on from the next
/// `Content-Length:` header. Kinds that are only unusual (lower-case name,
/// extra `Content-Type`, the same length twice) are accepted and answered.
#[test]
fn every_kind_of_bad_framing_is_followed_by_an_answered_hover() {
    let mut s = Session::start("persona p \"P\" {}\n");
    let hover_params = s.at("main.journey", "per|sona");
    let hover = |id: i64| -> Vec<u8> {
        serde_json::to_vec(&json!({
            "jsonrpc": "2.0", "id": id, "method": "textDocument/hover", "params": hover_params
        }))
        .unwrap()
    };
    let cat = |parts: &[&[u8]]| parts.concat();
    let frame = journey_lsp::harness::frame;
    // (kind, bytes, id answered when the message is accepted)
    let mut kinds: Vec<(&str, Vec<u8>, Option<i64>)> = Vec::new();
    let mut id = 9000;
    let mut next = || {
        id += 1;
        id
    };
    let b = hover(next());
    let n = b.len();
    kinds.push((
        "missing Content-Length",
        cat(&[
            b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n",
            &b,
        ]),
        None,
    ));
    let b = hover(next());
    kinds.push((
        "non-numeric",
        cat(&[b"Content-Length: abc\r\n\r\n", &b]),
        None,
    ));
    let b = hover(next());
    kinds.push(("negative", cat(&[b"Content-Length: -12\r\n\r\n", &b]), None));
    let b = hover(next());
    let short = format!("Content-Length: {}\r\n\r\n", n - 7);
    kinds.push(("too short", cat(&[short.as_bytes(), &b]), None));
    let b = hover(next());
    let long = format!("Content-Length: {}\r\n\r\n", n + 40);
    kinds.push(("too long", cat(&[long.as_bytes(), &b]), None));
    let b = hover(next());
    kinds.push((
        "absurd (10 GB)",
        cat(&[b"Content-Length: 10737418240\r\n\r\n", &b]),
        None,
    ));
    let b = hover(next());
    kinds.push((
        "u64 overflow",
        cat(&[b"Content-Length: 184467440737095516160000\r\n\r\n", &b]),
        None,
    ));
    kinds.push(("body without header", hover(next()), None));
    let b = hover(next());
    let no_blank = format!("Content-Length: {n}\r\n");
    kinds.push((
        "header without blank line",
        cat(&[no_blank.as_bytes(), &b]),
        None,
    ));
    kinds.push((
        "garbage between messages",
        b"\x00\x1b[2J garbage\r\nmore: garbage\r\n".to_vec(),
        None,
    ));
    kinds.push((
        "invalid JSON body",
        frame(b"{\"jsonrpc\": \"2.0\", \"id\": 99, "),
        None,
    ));
    let b = hover(next());
    let twice = format!("Content-Length: {n}\r\nContent-Length: {}\r\n\r\n", n + 1);
    kinds.push((
        "two different Content-Lengths",
        cat(&[twice.as_bytes(), &b]),
        None,
    ));
    let i = next();
    let b = hover(i);
    let same = format!("Content-Length: {n}\r\nContent-Length: {n}\r\n\r\n");
    kinds.push((
        "the same Content-Length twice",
        cat(&[same.as_bytes(), &b]),
        Some(i),
    ));
    let i = next();
    let b = hover(i);
    let lower = format!("content-length: {n}\r\n\r\n");
    kinds.push((
        "lowercase header name",
        cat(&[lower.as_bytes(), &b]),
        Some(i),
    ));
    let i = next();
    let b = hover(i);
    let typed = format!(
        "Content-Length: {n}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n"
    );
    kinds.push((
        "extra Content-Type header",
        cat(&[typed.as_bytes(), &b]),
        Some(i),
    ));

    let mut broken = 0;
    for (kind, bytes, accepted) in &kinds {
        s.client.send_raw(bytes);
        let r = s
            .client
            .request_raw("textDocument/hover", hover_params.clone());
        assert!(
            r["result"]["contents"]["value"]
                .as_str()
                .is_some_and(|v| v.contains("persona")),
            "{kind}: the hover after it was not answered: {r}"
        );
        match accepted {
            Some(id) => {
                let r = s.client.response(*id);
                assert!(r.get("result").is_some(), "{kind}: {r}");
            }
            None => broken += 1,
        }
        assert!(s.client.is_running(), "{kind}");
    }
    let stderr = s.client.stderr.lock().unwrap().clone();
    let skipped = stderr.matches("journeyc lsp: skipped a message: ").count();
    assert!(
        skipped >= broken,
        "{skipped} reported of {broken}:\n{stderr}"
    );
    assert!(
        stderr.contains("its Content-Length of 10737418240 bytes is over the limit of 64 MiB"),
        "{stderr}"
    );
    // Parse errors are answered with id null, one per dropped message.
    let answers = s
        .client
        .drain(Duration::from_millis(200))
        .into_iter()
        .filter(|m| m["error"]["code"] == json!(-32700))
        .count();
    assert!(answers >= broken, "{answers} parse errors for {broken}");
    s.shutdown();
}

// ---- the same answers as the command line --------------------------------------------

/// Runs `journeyc ARGS` in `dir` with `env`.
fn journeyc_in(dir: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut cmd = std::process::Command::new(session::binary());
    cmd.args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("JOURNEYC_COLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("journeyc runs")
}

fn formatting_params(s: &Session, name: &str) -> Value {
    json!({
        "textDocument": {"uri": s.uri(name)},
        "options": {"tabSize": 2, "insertSpaces": true}
    })
}

/// When the safety net rejects the formatter's result, the server returns
/// no edits and shows the message `journeyc fmt` prints, and `journeyc
/// fmt` leaves the file as it is. The test hook makes the formatter add a
/// comment, which changes more than layout.
#[test]
fn formatting_returns_no_edits_when_the_safety_net_rejects_like_journeyc_fmt() {
    let messy = "persona p \"P\" {\n        role \"Founder\"\n}\n";
    let hook = [(journey_fmt::BREAK_HOOK_ENV, "1")];
    let mut s = Session::start_with(messy, false, true, &hook);
    let edits = s.request(
        "textDocument/formatting",
        formatting_params(&s, "main.journey"),
    );
    assert_eq!(edits, json!([]));
    let shown = s
        .client
        .wait_for("window/showMessage", WAIT, |p| p["type"] == json!(1))
        .expect("the refusal is shown");
    let message = shown["message"].as_str().unwrap().to_string();
    assert!(
        message.starts_with(
            "`main.journey` was left unchanged: formatting would change more than the layout (line "
        ),
        "{message}"
    );
    let cli = journeyc_in(&s.root, &["fmt", "main.journey"], &hook);
    assert_eq!(cli.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&cli.stderr);
    assert!(stderr.contains(&format!("error: {message}\n")), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(s.root.join("main.journey")).unwrap(),
        messy
    );
    // Without the hook both format the file.
    let cli = journeyc_in(&s.root, &["fmt", "--check", "main.journey"], &[]);
    assert_eq!(cli.status.code(), Some(1));
    s.shutdown();
}

/// A journey.toml with errors: the layout it asks for is unknown, so
/// neither the command line nor the server formats the files it governs.
#[test]
fn formatting_refuses_under_a_broken_journey_toml_like_journeyc_fmt() {
    let fixture = "//- journey.toml\n[format]\nline_width = \"wide\"\n//- main.journey\npersona p \"P\" {\n        role \"Founder\"\n}\n";
    let mut s = Session::start_with(fixture, false, false, &[]);
    s.open("main.journey");
    let edits = s.request(
        "textDocument/formatting",
        formatting_params(&s, "main.journey"),
    );
    assert_eq!(edits, json!([]));
    let shown = s
        .client
        .wait_for("window/showMessage", WAIT, |p| p["type"] == json!(1))
        .expect("the refusal is shown");
    let message = shown["message"].as_str().unwrap();
    assert_eq!(
        message,
        "`journey.toml` has errors; the files it governs are not formatted until they are fixed"
    );
    let cli = journeyc_in(&s.root, &["fmt", "main.journey"], &[]);
    assert_eq!(cli.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&cli.stderr);
    assert!(stderr.contains(&format!("error: {message}\n")), "{stderr}");
    s.shutdown();
}

/// `text` with more whitespace between its lines: three spaces before and
/// after every line break and a blank line after it (line breaks outside
/// strings and text blocks only, so the meaning stays).
fn messy(text: &str) -> String {
    use journey_syntax::lexer::TokenKind;
    let parse = journey_syntax::parse(text, journey_diagnostics::FileId(0));
    let mut out = String::new();
    let mut at = 0;
    for t in parse.tokens() {
        if t.kind == TokenKind::Newline {
            let (s, e) = (t.span.start as usize, t.span.end as usize);
            out.push_str(&text[at..s]);
            out.push_str("   \n\n   ");
            at = e;
        }
    }
    out.push_str(&text[at..]);
    out
}

/// Applies LSP edits (UTF-8 positions) to `text`.
fn apply_edits(text: &str, edits: &Value) -> String {
    let offset = |p: &Value| -> usize {
        let line = p["line"].as_u64().unwrap() as usize;
        let col = p["character"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        start + col
    };
    let mut edits: Vec<&Value> = edits.as_array().unwrap().iter().collect();
    edits.sort_by_key(|e| std::cmp::Reverse(offset(&e["range"]["start"])));
    let mut out = text.to_string();
    for e in edits {
        let (s, t) = (offset(&e["range"]["start"]), offset(&e["range"]["end"]));
        out.replace_range(s..t, e["newText"].as_str().unwrap());
    }
    out
}

/// Copies the `.journey` files and journey.toml of `from` into `to`.
fn copy_workspace(from: &std::path::Path, to: &std::path::Path, files: &mut Vec<String>) {
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_owned();
        if path.is_dir() {
            std::fs::create_dir_all(to.join(&name)).unwrap();
            copy_workspace(&path, &to.join(&name), files);
        } else if path.extension().is_some_and(|e| e == "journey") || name == "journey.toml" {
            std::fs::copy(&path, to.join(&name)).unwrap();
            if name != "journey.toml" {
                files.push(to.join(&name).to_string_lossy().into_owned());
            }
        }
    }
}

/// The server's formatting of every example file, made messy first, is
/// exactly what `journeyc fmt` writes.
#[test]
fn formatting_matches_journeyc_fmt_on_every_example() {
    let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let dir = tempfile::tempdir().unwrap();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    let mut files = Vec::new();
    copy_workspace(&examples, &root, &mut files);
    files.sort();
    assert!(files.len() >= 8, "{files:?}");
    let mut client =
        journey_lsp::harness::LspClient::spawn(session::binary(), &["lsp"], &[]).unwrap();
    client.initialize(Some(&root), session::capabilities(true));
    let mut from_server = Vec::new();
    for f in &files {
        let path = std::path::Path::new(f);
        let text = messy(&std::fs::read_to_string(path).unwrap());
        std::fs::write(path, &text).unwrap();
        let uri = journey_lsp::harness::file_uri(path);
        client.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "journey", "version": 1, "text": text}}),
        );
        let edits = client.request(
            "textDocument/formatting",
            json!({"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": true}}),
        );
        let formatted = apply_edits(&text, &edits);
        assert_ne!(formatted, text, "{f}: the messy text was not changed");
        from_server.push(formatted);
    }
    assert!(client.shutdown().success());
    let cli = journeyc_in(&root, &["fmt", "."], &[]);
    assert_eq!(
        cli.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&cli.stderr)
    );
    for (f, server) in files.iter().zip(&from_server) {
        let written = std::fs::read_to_string(f).unwrap();
        assert_eq!(&written, server, "{f}: journeyc fmt and the server differ");
    }
}

/// The server's explanation of every code is exactly what `journeyc
/// explain` prints, and its level is the level the code reports at when
/// journey.toml says nothing (`off` for opt-in checks such as J0422).
#[test]
fn explanations_are_those_of_journeyc_explain_for_every_code() {
    let mut s = Session::start("");
    let dir = s.root.clone();
    let codes = journey_analysis::all_codes();
    assert!(codes.len() > 50);
    for c in codes {
        let cli = journeyc_in(&dir, &["explain", c.code], &[]);
        assert!(cli.status.success(), "{}", c.code);
        let printed = String::from_utf8(cli.stdout).unwrap();
        for query in [c.code, c.name] {
            let r = s.request("journeyc/explain", json!({ "code": query }));
            assert_eq!(r["text"].as_str(), Some(printed.as_str()), "{query}");
            let level = printed
                .lines()
                .nth(1)
                .and_then(|l| l.strip_prefix("default severity: "))
                .unwrap();
            assert!(
                level.starts_with(r["severity"].as_str().unwrap()),
                "{query}: {level} vs {}",
                r["severity"]
            );
        }
    }
    let j0422 = s.request("journeyc/explain", json!({"code": "J0422"}));
    assert_eq!(j0422["severity"], "off");
    // The list agrees too, and so do the rules of SARIF output.
    let list = String::from_utf8(journeyc_in(&dir, &["explain"], &[]).stdout).unwrap();
    assert!(list.lines().any(|l| l.starts_with("J0422  off ")), "{list}");
    let sarif = journeyc_in(&dir, &["check", "--format", "sarif", "main.journey"], &[]);
    let sarif: Value = serde_json::from_slice(&sarif.stdout).expect("SARIF");
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert_eq!(rules.len(), journey_analysis::all_codes().len());
    for rule in rules {
        let r = s.request("journeyc/explain", json!({ "code": rule["id"] }));
        let off = r["severity"] == "off";
        assert_eq!(
            rule["defaultConfiguration"]["enabled"] == json!(false),
            off,
            "{rule}"
        );
    }
    s.shutdown();
}

/// A finding reads the same in the editor as in the SARIF of `journeyc
/// check`: code, line and the whole message (label, help, notes).
#[test]
fn diagnostics_read_as_in_the_sarif_of_journeyc_check() {
    let fixture = "//- main.journey\npersona sabine \"S\" {\n  role Founder\n  neds \"x\"\n}\npersona sabine \"Again\" {}\njourney j \"J\" {\n  phases awarenes\n}\nphase awareness \"A\" {\n  touchpoint t \"T\" {\n    serves sabin\n    expectation 9\n  }\n}\n";
    let mut s = Session::start(fixture);
    let lsp: std::collections::BTreeSet<(u64, String, String)> = s
        .diagnostics_where("main.journey", |d| d.len() >= 4)
        .iter()
        .map(|d| {
            (
                d["range"]["start"]["line"].as_u64().unwrap() + 1,
                d["code"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let cli = journeyc_in(
        &s.root,
        &["check", "--format", "sarif", "main.journey"],
        &[],
    );
    let sarif: Value = serde_json::from_slice(&cli.stdout).expect("SARIF");
    let from_cli: std::collections::BTreeSet<(u64, String, String)> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["locations"][0]["physicalLocation"]["region"]["startLine"]
                    .as_u64()
                    .unwrap(),
                r["ruleId"].as_str().unwrap().to_string(),
                r["message"]["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(lsp, from_cli);
    assert!(
        lsp.iter().any(|(_, _, m)| m.contains("\nhelp: ")),
        "{lsp:#?}"
    );
    // A label that the message already says is not repeated.
    assert!(
        lsp.iter()
            .any(|(_, c, m)| c == "J0201" && !m.contains("(unknown keyword)")),
        "{lsp:#?}"
    );
    s.shutdown();
}
