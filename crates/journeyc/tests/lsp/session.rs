//! Scripted sessions against the real `journeyc lsp` binary.
//!
//! A fixture is a workspace in one string (`//- NAME` starts a file, `$0`
//! marks the cursor). It is written to a temporary folder, the server is
//! started on it, and the test talks to it like an editor would. Answers
//! are normalised for snapshots: URIs become `ws:NAME`, ranges
//! `line:col-line:col` (0-based, in the session's position encoding).

use journey_lsp::harness::{file_uri, LspClient};
use serde_json::{json, Map, Value};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub const WAIT: Duration = Duration::from_secs(20);

pub struct Session {
    pub client: LspClient,
    /// Kept so that the folder lives as long as the session.
    pub _dir: tempfile::TempDir,
    pub root: PathBuf,
    /// Every file of the fixture: (name, text without markers).
    pub files: Vec<(String, String)>,
    /// The cursor: file name and byte offset.
    pub cursor: Option<(String, usize)>,
    pub utf8: bool,
    /// The version of each open document.
    versions: std::collections::HashMap<String, i32>,
    /// The latest publishDiagnostics params per URI.
    latest: std::collections::HashMap<String, Value>,
}

/// Client capabilities of a modern editor (UTF-16 only unless `utf8`).
pub fn capabilities(utf8: bool) -> Value {
    let mut caps = json!({
        "textDocument": {
            "completion": { "completionItem": { "snippetSupport": true } },
            "documentSymbol": { "hierarchicalDocumentSymbolSupport": true },
            "hover": { "contentFormat": ["markdown", "plaintext"] },
            "publishDiagnostics": { "relatedInformation": true },
            "foldingRange": { "lineFoldingOnly": true }
        },
        "workspace": {
            "didChangeWatchedFiles": { "dynamicRegistration": true },
            "workspaceFolders": true
        }
    });
    if utf8 {
        caps["general"] = json!({ "positionEncodings": ["utf-8", "utf-16"] });
    }
    caps
}

pub fn binary() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_journeyc"))
}

/// The files of a fixture (name, text) and its cursor (file, byte offset).
pub type Parsed = (Vec<(String, String)>, Option<(String, usize)>);

/// Splits a fixture into files and finds the cursor.
pub fn parse_fixture(text: &str) -> Parsed {
    let mut files: Vec<(String, String)> = Vec::new();
    if !text.lines().any(|l| l.starts_with("//- ")) {
        files.push(("main.journey".to_string(), text.to_string()));
    } else {
        for line in text.split_inclusive('\n') {
            if let Some(name) = line.strip_prefix("//- ") {
                files.push((name.trim().to_string(), String::new()));
            } else if let Some((_, body)) = files.last_mut() {
                body.push_str(line);
            }
        }
    }
    let mut cursor = None;
    for (name, body) in &mut files {
        if let Some(i) = body.find("$0") {
            body.replace_range(i..i + 2, "");
            cursor = Some((name.clone(), i));
        }
    }
    (files, cursor)
}

/// The LSP position of a byte offset.
pub fn position_of(text: &str, offset: usize, utf8: bool) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col_text = &text[line_start..offset];
    let character = if utf8 {
        col_text.len()
    } else {
        col_text.encode_utf16().count()
    };
    json!({ "line": line, "character": character })
}

impl Session {
    /// Starts a server on the fixture's folder and opens every file.
    pub fn start(fixture: &str) -> Session {
        Session::start_with(fixture, false, true, &[])
    }

    pub fn start_with(fixture: &str, utf8: bool, open_all: bool, env: &[(&str, &str)]) -> Session {
        let (files, cursor) = parse_fixture(fixture);
        let dir = tempfile::tempdir().expect("temp dir");
        let root = std::fs::canonicalize(dir.path()).expect("canonical temp dir");
        for (name, text) in &files {
            let path = root.join(name);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(&path, text).expect("write fixture");
        }
        let mut client = LspClient::spawn(binary(), &["lsp"], env).expect("start journeyc lsp");
        client.initialize(Some(&root), capabilities(utf8));
        let mut s = Session {
            client,
            _dir: dir,
            root,
            files,
            cursor,
            utf8,
            versions: Default::default(),
            latest: Default::default(),
        };
        if open_all {
            let names: Vec<String> = s.files.iter().map(|(n, _)| n.clone()).collect();
            for n in names {
                s.open(&n);
            }
        }
        s
    }

    pub fn uri(&self, name: &str) -> String {
        file_uri(&self.root.join(name))
    }

    pub fn text(&self, name: &str) -> &str {
        &self
            .files
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("no file {name}"))
            .1
    }

    fn set_text(&mut self, name: &str, text: String) {
        match self.files.iter_mut().find(|(n, _)| n == name) {
            Some(f) => f.1 = text,
            None => self.files.push((name.to_string(), text)),
        }
    }

    pub fn open(&mut self, name: &str) {
        let text = self.text(name).to_string();
        self.versions.insert(name.to_string(), 1);
        self.client.notify(
            "textDocument/didOpen",
            json!({"textDocument": {
                "uri": self.uri(name), "languageId": "journey", "version": 1, "text": text
            }}),
        );
    }

    pub fn version(&self, name: &str) -> i32 {
        self.versions.get(name).copied().unwrap_or(0)
    }

    /// Replaces the first `old` in `name` by `new` with an incremental
    /// change; returns the new version.
    pub fn edit(&mut self, name: &str, old: &str, new: &str) -> i32 {
        let text = self.text(name).to_string();
        let at = text
            .find(old)
            .unwrap_or_else(|| panic!("`{old}` not in {name}"));
        let (start, end) = (
            position_of(&text, at, self.utf8),
            position_of(&text, at + old.len(), self.utf8),
        );
        let version = self.version(name) + 1;
        self.versions.insert(name.to_string(), version);
        let mut updated = text.clone();
        updated.replace_range(at..at + old.len(), new);
        self.set_text(name, updated);
        self.client.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": self.uri(name), "version": version },
                "contentChanges": [{ "range": { "start": start, "end": end }, "text": new }]
            }),
        );
        version
    }

    /// The cursor as `textDocument` + `position` params.
    pub fn at_cursor(&self) -> Value {
        let (name, offset) = self.cursor.clone().expect("the fixture has a $0 cursor");
        json!({
            "textDocument": { "uri": self.uri(&name) },
            "position": position_of(self.text(&name), offset, self.utf8),
        })
    }

    /// Params for a position given as the text before `|` in `marker`.
    pub fn at(&self, name: &str, marker: &str) -> Value {
        let (before, after) = marker.split_once('|').expect("marker with |");
        let needle = format!("{before}{after}");
        let text = self.text(name);
        assert_eq!(
            text.matches(&needle).count(),
            1,
            "ambiguous marker {needle}"
        );
        let offset = text.find(&needle).expect("marker") + before.len();
        json!({
            "textDocument": { "uri": self.uri(name) },
            "position": position_of(text, offset, self.utf8),
        })
    }

    pub fn doc(&self, name: &str) -> Value {
        json!({ "textDocument": { "uri": self.uri(name) } })
    }

    pub fn request(&mut self, method: &str, params: Value) -> Value {
        self.client.request(method, params)
    }

    /// Waits until the latest diagnostics published for `name` satisfy
    /// `pred` (for open documents: those of the current version).
    pub fn diagnostics_where(&mut self, name: &str, pred: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let uri = self.uri(name);
        let version = self.versions.get(name).copied();
        let deadline = std::time::Instant::now() + WAIT;
        loop {
            if let Some(p) = self.latest.get(&uri) {
                let diags = p["diagnostics"].as_array().cloned().unwrap_or_default();
                if version.is_none_or(|v| p["version"] == json!(v)) && pred(&diags) {
                    return diags;
                }
            }
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            let Some(p) = self
                .client
                .wait_for("textDocument/publishDiagnostics", left, |_| true)
            else {
                panic!(
                    "no matching diagnostics for {name}; latest: {:?}; server stderr:\n{}",
                    self.latest.get(&uri),
                    self.client.stderr.lock().unwrap()
                );
            };
            let key = p["uri"].as_str().unwrap_or("").to_string();
            self.latest.insert(key, p);
        }
    }

    /// The latest diagnostics of `name` (waits for its current version).
    pub fn diagnostics(&mut self, name: &str) -> Vec<Value> {
        self.diagnostics_where(name, |_| true)
    }

    /// Normalises an answer for a snapshot.
    pub fn normalize(&self, v: &Value) -> Value {
        let prefix = format!("{}/", file_uri(&self.root));
        normalize(v, &prefix)
    }

    pub fn shutdown(self) {
        let status = self.client.shutdown();
        assert!(status.success(), "exit status {status}");
    }
}

fn range_string(v: &Value) -> Option<String> {
    let o = v.as_object()?;
    if o.len() != 2 {
        return None;
    }
    let pos = |p: &Value| Some((p.get("line")?.as_u64()?, p.get("character")?.as_u64()?));
    let (a, b) = (pos(o.get("start")?)?, pos(o.get("end")?)?);
    Some(format!("{}:{}-{}:{}", a.0, a.1, b.0, b.1))
}

pub fn normalize(v: &Value, prefix: &str) -> Value {
    if let Some(r) = range_string(v) {
        return Value::String(r);
    }
    match v {
        Value::String(s) => Value::String(s.replace(prefix, "ws:")),
        Value::Array(items) => Value::Array(items.iter().map(|i| normalize(i, prefix)).collect()),
        Value::Object(o) => {
            // Sorted keys: maps such as `WorkspaceEdit::changes` have no order.
            let mut entries: Vec<(String, Value)> = o
                .iter()
                .map(|(k, val)| (k.replace(prefix, "ws:"), normalize(val, prefix)))
                .collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(entries.into_iter().collect::<Map<String, Value>>())
        }
        other => other.clone(),
    }
}

pub fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).expect("json")
}
