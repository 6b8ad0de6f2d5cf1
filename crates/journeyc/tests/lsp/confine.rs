//! The language server reads only `.journey` files inside the workspace:
//! imports of files elsewhere (absolute paths, `..`, symbolic links that
//! lead out, other kinds of files) are flagged at the import, and nothing
//! is published for — or shown from — the files they name. Imported files
//! inside the workspace get their diagnostics like any other.

use crate::session::{capabilities, WAIT};
use journey_lsp::harness::{file_uri, LspClient};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::time::Duration;

/// Written into every file outside the workspace: it must never reach the
/// editor.
const SECRET: &str = "SECRET-7f3a9c";

struct Setup {
    _dir: tempfile::TempDir,
    ws: PathBuf,
    outside: PathBuf,
}

#[cfg(unix)]
fn setup() -> Setup {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let base = std::fs::canonicalize(dir.path()).unwrap();
    let ws = base.join("ws");
    let outside = base.join("outside");
    std::fs::create_dir_all(&ws).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    // Broken in ways the checks and the parser both see, and a persona
    // whose role carries the secret.
    let secret = format!(
        "persona spy \"{SECRET}\" {{\n  role \"{SECRET}\"\n}}\n%%% {SECRET}\nphase q \"Q\" {{\n  touchpoint u \"U\" {{\n    expectation 9\n  }}\n}}\n"
    );
    std::fs::write(outside.join("secret.journey"), &secret).unwrap();
    std::fs::write(outside.join("secret.txt"), &secret).unwrap();
    std::fs::write(ws.join("journey.toml"), "").unwrap();
    std::fs::write(
        ws.join("main.journey"),
        "import \"/etc/passwd\"\n\
         import \"../outside/secret.journey\"\n\
         import \"link.journey\"\n\
         import \"linked/secret.journey\"\n\
         import \"notes.journey\"\n\
         import \"b.journey\"\n\n\
         journey j \"J\" {\n  phases p\n}\n",
    )
    .unwrap();
    // Imported and inside: its errors are published.
    std::fs::write(
        ws.join("b.journey"),
        "phase p \"P\" {\n  touchpoint t \"T\" {\n    expectation 9\n  }\n}\n",
    )
    .unwrap();
    symlink("../outside/secret.journey", ws.join("link.journey")).unwrap();
    symlink(&outside, ws.join("linked")).unwrap();
    symlink("../outside/secret.txt", ws.join("notes.journey")).unwrap();
    Setup {
        _dir: dir,
        ws,
        outside,
    }
}

fn diagnostics_for(params: &[Value], uri: &str) -> Option<Vec<Value>> {
    params
        .iter()
        .rev()
        .find(|p| p["uri"] == json!(uri))
        .map(|p| p["diagnostics"].as_array().cloned().unwrap_or_default())
}

/// Waits until `uri` has diagnostics satisfying `pred`, collecting every
/// publishDiagnostics seen on the way into `seen`.
fn wait_diagnostics(
    client: &mut LspClient,
    uri: &str,
    seen: &mut Vec<Value>,
    pred: impl Fn(&[Value]) -> bool,
) -> Vec<Value> {
    loop {
        if let Some(d) = diagnostics_for(seen, uri) {
            if pred(&d) {
                return d;
            }
        }
        let p = client
            .wait_for("textDocument/publishDiagnostics", WAIT, |_| true)
            .unwrap_or_else(|| panic!("no matching diagnostics for {uri}; seen: {seen:#?}"));
        seen.push(p);
    }
}

fn codes(d: &[Value]) -> Vec<&str> {
    d.iter().map(|x| x["code"].as_str().unwrap_or("")).collect()
}

/// Every URI published is inside the workspace, and no message carries a
/// line of a file outside it.
fn assert_confined(seen: &[Value], everything: &[Value], s: &Setup) {
    let inside = format!("{}/", file_uri(&s.ws));
    for p in seen {
        let uri = p["uri"].as_str().unwrap();
        assert!(uri.starts_with(&inside), "published for {uri}");
    }
    for m in everything.iter().chain(seen) {
        let text = m.to_string();
        assert!(!text.contains(SECRET), "a line of a file outside: {text}");
        assert!(!text.contains("root:x:"), "a line of /etc/passwd: {text}");
        assert!(
            !text.contains(&file_uri(&s.outside)),
            "a URI outside the workspace: {text}"
        );
    }
}

#[cfg(unix)]
#[test]
fn imports_outside_the_workspace_are_flagged_and_never_published() {
    let s = setup();
    let mut client = LspClient::spawn(crate::session::binary(), &["lsp"], &[]).unwrap();
    client.initialize(Some(&s.ws), capabilities(false));
    let main = file_uri(&s.ws.join("main.journey"));
    let b = file_uri(&s.ws.join("b.journey"));
    let mut seen = Vec::new();

    // Without opening anything: the folder's files are checked.
    let d = wait_diagnostics(&mut client, &main, &mut seen, |d| {
        codes(d).iter().filter(|c| **c == "J0310").count() == 5
    });
    let lines: Vec<u64> = d
        .iter()
        .filter(|x| x["code"] == "J0310")
        .map(|x| x["range"]["start"]["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [0, 1, 2, 3, 4], "{d:#?}");
    // The imported file inside the workspace has its own diagnostics.
    let bd = wait_diagnostics(&mut client, &b, &mut seen, |d| codes(d).contains(&"J0307"));
    assert!(codes(&bd).contains(&"J0307"), "{bd:#?}");

    // Opening main.journey in the editor changes nothing about it.
    let text = std::fs::read_to_string(s.ws.join("main.journey")).unwrap();
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": main, "languageId": "journey", "version": 1, "text": text}}),
    );
    wait_diagnostics(&mut client, &main, &mut seen, |d| {
        codes(d).iter().filter(|c| **c == "J0310").count() == 5
    });
    // Links go to the file inside only.
    let links = client.request(
        "textDocument/documentLink",
        json!({"textDocument": {"uri": main}}),
    );
    let targets: Vec<&str> = links
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["target"].as_str().unwrap())
        .collect();
    assert_eq!(targets, [b.as_str()], "{links}");
    // Go to definition on an outside import goes nowhere.
    let def = client.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": main}, "position": {"line": 1, "character": 12}}),
    );
    assert!(
        def.is_null() || def.as_array().is_some_and(|a| a.is_empty()),
        "{def}"
    );

    // A link that leads outside appears while the server runs.
    std::os::unix::fs::symlink(s.outside.join("secret.journey"), s.ws.join("evil.journey"))
        .unwrap();
    let evil = file_uri(&s.ws.join("evil.journey"));
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": evil, "type": 1}]}),
    );
    // An edit after it, so that a full round of diagnostics runs.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": main, "version": 2},
               "contentChanges": [{"text": format!("{text}\n")}]}),
    );
    wait_diagnostics(&mut client, &main, &mut seen, |d| {
        codes(d).iter().filter(|c| **c == "J0310").count() == 5
    });
    let everything = client.drain(Duration::from_millis(500));
    seen.extend(
        everything
            .iter()
            .filter(|m| m["method"] == "textDocument/publishDiagnostics")
            .map(|m| m["params"].clone()),
    );
    assert!(
        diagnostics_for(&seen, &evil).is_none_or(|d| d.is_empty()),
        "{seen:#?}"
    );
    assert_confined(&seen, &everything, &s);
    let stderr = client.stderr.lock().unwrap().clone();
    assert!(!stderr.contains(SECRET), "{stderr}");
    assert!(client.shutdown().success());
}

/// `[workspace] import_roots` lets imports read a folder outside the root;
/// taking it out again drops what was read from there.
#[cfg(unix)]
#[test]
fn import_roots_follow_journey_toml() {
    let s = setup();
    let mut client = LspClient::spawn(crate::session::binary(), &["lsp"], &[]).unwrap();
    client.initialize(Some(&s.ws), capabilities(false));
    let main = file_uri(&s.ws.join("main.journey"));
    let toml = file_uri(&s.ws.join("journey.toml"));
    let secret = file_uri(&s.outside.join("secret.journey"));
    let mut seen = Vec::new();
    wait_diagnostics(&mut client, &main, &mut seen, |d| {
        codes(d).iter().filter(|c| **c == "J0310").count() == 5
    });
    assert!(diagnostics_for(&seen, &secret).is_none(), "{seen:#?}");

    std::fs::write(
        s.ws.join("journey.toml"),
        "[workspace]\nimport_roots = [\"../outside\"]\n",
    )
    .unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": toml, "type": 2}]}),
    );
    // Listed, the folder is part of the workspace: only the import of
    // /etc/passwd and the link to a .txt file are still refused.
    let d = wait_diagnostics(&mut client, &main, &mut seen, |d| {
        codes(d).iter().filter(|c| **c == "J0310").count() == 2
    });
    assert!(
        d.iter()
            .any(|x| x["message"].as_str().unwrap().contains(
                "`notes.journey` is a symbolic link to a file that is not a .journey file"
            )),
        "{d:#?}"
    );
    let sd = wait_diagnostics(&mut client, &secret, &mut seen, |d| !d.is_empty());
    assert!(codes(&sd).contains(&"J0307"), "{sd:#?}");

    std::fs::write(s.ws.join("journey.toml"), "").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": toml, "type": 2}]}),
    );
    wait_diagnostics(&mut client, &main, &mut seen, |d| {
        codes(d).iter().filter(|c| **c == "J0310").count() == 5
    });
    wait_diagnostics(&mut client, &secret, &mut seen, |d| d.is_empty());
    assert!(client.shutdown().success());
}

/// A file opened outside every workspace folder: its own folder is its
/// workspace.
#[test]
fn a_file_opened_alone_may_import_inside_its_folder_only() {
    let dir = tempfile::tempdir().unwrap();
    let base = std::fs::canonicalize(dir.path()).unwrap();
    let folder = base.join("loose");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        base.join("up.journey"),
        format!("persona up \"{SECRET}\" {{\n}}\n%%% {SECRET}\n"),
    )
    .unwrap();
    std::fs::write(
        folder.join("sib.journey"),
        "phase p \"P\" {\n  touchpoint t \"T\" {\n    expectation 9\n  }\n}\n",
    )
    .unwrap();
    let mut client = LspClient::spawn(crate::session::binary(), &["lsp"], &[]).unwrap();
    client.initialize(None, capabilities(false));
    let main = file_uri(&folder.join("main.journey"));
    let sib = file_uri(&folder.join("sib.journey"));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": main, "languageId": "journey", "version": 1,
               "text": "import \"sib.journey\"\nimport \"../up.journey\"\n"}}),
    );
    let mut seen = Vec::new();
    let d = wait_diagnostics(&mut client, &main, &mut seen, |d| {
        codes(d).contains(&"J0310")
    });
    assert_eq!(codes(&d), ["J0310"], "{d:#?}");
    assert_eq!(d[0]["range"]["start"]["line"], 1);
    wait_diagnostics(&mut client, &sib, &mut seen, |d| {
        codes(d).contains(&"J0307")
    });
    let everything = client.drain(Duration::from_millis(300));
    let inside = format!("{}/", file_uri(&folder));
    for p in seen.iter().chain(
        everything
            .iter()
            .filter(|m| m["method"] == "textDocument/publishDiagnostics")
            .map(|m| &m["params"]),
    ) {
        assert!(p["uri"].as_str().unwrap().starts_with(&inside), "{p}");
    }
    for m in everything.iter().chain(&seen) {
        assert!(!m.to_string().contains(SECRET), "{m}");
    }
    assert!(client.shutdown().success());
}
