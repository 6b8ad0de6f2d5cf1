//! A minimal language-server client over a child process's stdio, for the
//! integration tests and the latency benchmark: it starts the real
//! `journeyc lsp`, frames JSON-RPC messages, answers the server's own
//! requests (capability registration) and collects notifications.

use serde_json::{json, Value};
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// How long a request may take before the harness gives up.
pub const TIMEOUT: Duration = Duration::from_secs(20);

pub struct LspClient {
    child: Child,
    stdin: Option<ChildStdin>,
    rx: Receiver<Value>,
    next_id: i64,
    /// Notifications (and server requests) received and not yet consumed.
    pub inbox: VecDeque<Value>,
    /// Everything the server wrote to stderr.
    pub stderr: Arc<Mutex<String>>,
}

/// Reads one framed message; `None` at the end of the stream.
pub fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line
            .split_once(':')
            .filter(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        {
            length = v.1.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// A message with its `Content-Length` header.
pub fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

impl LspClient {
    /// Starts `program args…` and connects to its stdio.
    pub fn spawn(program: &Path, args: &[&str], env: &[(&str, &str)]) -> std::io::Result<Self> {
        let mut cmd = Command::new(program);
        cmd.args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn()?;
        let stdout = child.stdout.take().expect("piped stdout");
        let stderr = child.stderr.take().expect("piped stderr");
        let (tx, rx) = mpsc::channel();
        thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(msg) = read_message(&mut reader) {
                if tx.send(msg).is_err() {
                    break;
                }
            }
        });
        let log = Arc::new(Mutex::new(String::new()));
        let sink = log.clone();
        thread::spawn(move || {
            let mut reader = BufReader::new(stderr);
            let mut line = String::new();
            while reader.read_line(&mut line).unwrap_or(0) > 0 {
                sink.lock().expect("stderr log").push_str(&line);
                line.clear();
            }
        });
        Ok(LspClient {
            stdin: child.stdin.take(),
            child,
            rx,
            next_id: 1,
            inbox: VecDeque::new(),
            stderr: log,
        })
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Writes raw bytes (for malformed-input tests).
    pub fn send_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin.write_all(bytes).expect("write to the server");
        stdin.flush().expect("flush");
    }

    pub fn send(&mut self, msg: &Value) {
        let body = serde_json::to_vec(msg).expect("json");
        self.send_raw(&frame(&body));
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns its id without waiting.
    pub fn start_request(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// The next message from the server, answering its requests.
    fn receive(&mut self, deadline: Instant) -> Option<Value> {
        let left = deadline.saturating_duration_since(Instant::now());
        match self.rx.recv_timeout(left) {
            Ok(msg) => {
                if msg.get("method").is_some() && msg.get("id").is_some() {
                    // A request from the server (registerCapability …).
                    let reply = json!({"jsonrpc": "2.0", "id": msg["id"], "result": null});
                    self.send(&reply);
                }
                Some(msg)
            }
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => None,
        }
    }

    /// Waits for the response to request `id` (the whole message:
    /// `result` or `error`).
    pub fn response(&mut self, id: i64) -> Value {
        // It may have arrived while waiting for another one.
        if let Some(i) = self
            .inbox
            .iter()
            .position(|m| m.get("method").is_none() && m["id"] == json!(id))
        {
            return self.inbox.remove(i).expect("index in range");
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let Some(msg) = self.receive(deadline) else {
                panic!(
                    "no response to request {id}; server stderr:\n{}",
                    self.stderr.lock().expect("stderr")
                );
            };
            if msg.get("method").is_none() && msg["id"] == json!(id) {
                return msg;
            }
            self.inbox.push_back(msg);
        }
    }

    /// Waits for the next response, whatever its id (answers to malformed
    /// input carry no usable id).
    pub fn wait_for_response_any(&mut self, timeout: Duration) -> Option<Value> {
        let deadline = Instant::now() + timeout;
        loop {
            let msg = self.receive(deadline)?;
            if msg.get("method").is_none() {
                return Some(msg);
            }
            self.inbox.push_back(msg);
        }
    }

    /// Sends a request and waits for the response message.
    pub fn request_raw(&mut self, method: &str, params: Value) -> Value {
        let id = self.start_request(method, params);
        self.response(id)
    }

    /// Sends a request and returns its result; panics on an error answer.
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let msg = self.request_raw(method, params);
        if let Some(e) = msg.get("error") {
            panic!("{method} failed: {e}");
        }
        msg["result"].clone()
    }

    /// Waits for a notification `method` whose params satisfy `pred`;
    /// earlier notifications that do not match are dropped.
    pub fn wait_for(
        &mut self,
        method: &str,
        timeout: Duration,
        mut pred: impl FnMut(&Value) -> bool,
    ) -> Option<Value> {
        while let Some(msg) = self.inbox.pop_front() {
            if msg["method"] == json!(method) && pred(&msg["params"]) {
                return Some(msg["params"].clone());
            }
        }
        let deadline = Instant::now() + timeout;
        loop {
            let msg = self.receive(deadline)?;
            if msg["method"] == json!(method) && pred(&msg["params"]) {
                return Some(msg["params"].clone());
            }
        }
    }

    /// Collects every message that arrives within `quiet` of the last one.
    pub fn drain(&mut self, quiet: Duration) -> Vec<Value> {
        let mut out: Vec<Value> = self.inbox.drain(..).collect();
        while let Some(msg) = self.receive(Instant::now() + quiet) {
            out.push(msg);
        }
        out
    }

    /// `initialize` + `initialized` with `capabilities` and optional folder.
    pub fn initialize(&mut self, root: Option<&Path>, capabilities: Value) -> Value {
        let folders = root.map(|r| {
            let uri = file_uri(r);
            json!([{"uri": uri, "name": "root"}])
        });
        let result = self.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": root.map(file_uri),
                "workspaceFolders": folders,
                "capabilities": capabilities,
            }),
        );
        self.notify("initialized", json!({}));
        result
    }

    /// `shutdown`, `exit`, and the exit status.
    pub fn shutdown(mut self) -> ExitStatus {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        self.stdin.take();
        self.wait()
    }

    /// Waits (up to [`TIMEOUT`]) for the process to end.
    pub fn wait(&mut self) -> ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("the server did not exit");
            }
            thread::sleep(Duration::from_millis(10));
        }
    }

    /// Whether the process is still running.
    pub fn is_running(&mut self) -> bool {
        self.child.try_wait().ok().flatten().is_none()
    }

    /// Closes the server's stdin (end of input).
    pub fn close_stdin(&mut self) {
        self.stdin.take();
    }
}

impl Drop for LspClient {
    fn drop(&mut self) {
        if self.is_running() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// `file://` URI of a path (percent-encoding what needs it).
pub fn file_uri(path: &Path) -> String {
    let mut out = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'.' | b'_' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
