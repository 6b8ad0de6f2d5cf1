//! The stdio transport, hardened.
//!
//! tower-lsp-server stops reading its input after the first message it
//! cannot frame or decode, and a wrong `Content-Length` makes it read the
//! following messages as part of the broken one: the editor would see a
//! server that is alive but never answers again. Here stdin goes through a
//! [`Framer`] first, which parses the headers itself, checks every message
//! and passes on only well-formed ones (framed anew) to tower-lsp. After
//! bad framing it drops the broken bytes, reports them and reads on from
//! the next `Content-Length:` header:
//!
//! - a header block without `Content-Length`, with a value that is not a
//!   number of bytes, with two different values, with a line that is not
//!   `Name: value`, or longer than [`MAX_HEADER`] is dropped, and so is
//!   anything before the next `Content-Length:` (a body without a header,
//!   garbage between messages);
//! - a `Content-Length` over [`MAX_MESSAGE`] (64 MiB) is bad framing too:
//!   nothing is allocated for it;
//! - a body that does not arrive in full because a new message begins
//!   inside it (the length was too long) is cut short there. A raw line
//!   break cannot occur inside a JSON string and `Content-Length` is not a
//!   JSON token, so `Content-Length: 123` followed by a line break never
//!   occurs inside a valid message: where it does, a new message begins;
//! - a body that is not valid JSON (the length was too short, or the
//!   sender wrote broken JSON) is dropped and reading resumes at the next
//!   `Content-Length:` after the start of that body.
//!
//! Header names are case-insensitive (`content-length` is accepted), other
//! headers such as `Content-Type` are accepted and ignored, and the same
//! `Content-Length` given twice is accepted. Every dropped message is
//! reported on stderr in plain words and answered with a JSON-RPC parse
//! error (-32700, id `null`); JSON that is not a JSON-RPC message is
//! answered with -32600. Output from tower-lsp and these answers share one
//! writer, a whole frame at a time. Memory stays bounded while garbage is
//! skipped: only a partial `Content-Length:` at the end of what was read is
//! kept.

use serde_json::{json, Value};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::mpsc;
use tower_lsp_server::jsonrpc;

/// Messages larger than this (64 MiB) are bad framing: a corrupt
/// `Content-Length` must not make the server wait for or allocate
/// gigabytes. A 50 MB `.journey` file still fits, JSON-escaped.
pub const MAX_MESSAGE: u64 = 64 * 1024 * 1024;

/// A header block (all its lines) longer than this (8 KiB) is not a header.
pub const MAX_HEADER: usize = 8 * 1024;

/// The header that starts a message, lower case.
const CONTENT_LENGTH: &[u8] = b"content-length:";

/// What the framer found in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A well-framed message whose body is valid JSON.
    Message(Vec<u8>),
    /// Bytes that were dropped, and why (plain words).
    Dropped(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// At the start of a header block (blank lines before it are skipped).
    Header,
    /// Looking for the next `Content-Length:` at or after `pos`.
    Resync,
    /// Headers read; the body is `buf[body..body + len]`. Positions before
    /// `scan` are known not to start a new message.
    Body {
        body: usize,
        len: usize,
        scan: usize,
    },
}

/// Splits a byte stream into messages, resynchronising after bad framing.
/// Feed it with [`Framer::push`], take events with [`Framer::next_event`]
/// until it returns `None`, and call [`Framer::end`] at the end of the
/// input. The events depend only on the bytes, never on how they were
/// split into chunks.
#[derive(Debug)]
pub struct Framer {
    buf: Vec<u8>,
    /// Where the unconsumed input starts in `buf`.
    pos: usize,
    state: State,
    ended: bool,
}

impl Default for Framer {
    fn default() -> Self {
        Framer::new()
    }
}

/// What a look at the bytes at one position found.
enum Look<T> {
    Yes(T),
    No,
    /// The bytes end before it can be told.
    NeedMore,
}

/// RFC 9110 token characters (header names).
fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

fn is_blank(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// Whether `bytes[i..]` starts with `Content-Length:` (any case).
fn starts_with_name(bytes: &[u8], i: usize) -> Look<()> {
    let rest = &bytes[i..];
    let n = rest.len().min(CONTENT_LENGTH.len());
    if !rest[..n].eq_ignore_ascii_case(&CONTENT_LENGTH[..n]) {
        Look::No
    } else if n < CONTENT_LENGTH.len() {
        Look::NeedMore
    } else {
        Look::Yes(())
    }
}

/// Whether a complete `Content-Length: <digits>` line starts at `i`: the
/// mark of a new message, which no valid JSON body can contain.
fn header_line_at(bytes: &[u8], i: usize) -> Look<()> {
    match starts_with_name(bytes, i) {
        Look::Yes(()) => {}
        Look::No => return Look::No,
        Look::NeedMore => return Look::NeedMore,
    }
    let mut j = i + CONTENT_LENGTH.len();
    let mut digits = 0;
    let mut blanks = 0;
    // blanks, digits, blanks, line break; each run bounded so that the
    // look stays O(1).
    loop {
        let Some(&b) = bytes.get(j) else {
            return Look::NeedMore;
        };
        match b {
            b' ' | b'\t' if blanks < 16 => blanks += 1,
            b'0'..=b'9' if digits < 32 && (digits == 0 || bytes[j - 1].is_ascii_digit()) => {
                digits += 1;
            }
            b'\n' if digits > 0 => return Look::Yes(()),
            b'\r' if digits > 0 => {
                return match bytes.get(j + 1) {
                    None => Look::NeedMore,
                    Some(b'\n') => Look::Yes(()),
                    Some(_) => Look::No,
                }
            }
            _ => return Look::No,
        }
        j += 1;
    }
}

/// A parsed header block: where the body starts and how long it is.
enum Headers {
    Complete { body: usize, len: u64 },
    Bad(String),
}

/// Parses the header block at `start` (a non-blank line); `None` when the
/// bytes end before it can be told.
fn parse_headers(bytes: &[u8], start: usize) -> Option<Headers> {
    let mut length: Option<u64> = None;
    let mut line = start;
    let too_long = || {
        Some(Headers::Bad(format!(
            "its header is longer than {} KiB",
            MAX_HEADER / 1024
        )))
    };
    loop {
        // The name, up to `:`.
        let mut j = line;
        if bytes.get(j).is_some_and(|&b| b == b'\r' || b == b'\n') {
            // The blank line that ends the block.
            let end = match (bytes[j], bytes.get(j + 1)) {
                (b'\n', _) => j + 1,
                (b'\r', Some(b'\n')) => j + 2,
                (b'\r', None) => return None,
                _ => {
                    return Some(Headers::Bad(
                        "its header has a carriage return without a line feed".into(),
                    ))
                }
            };
            return Some(match length {
                Some(len) => Headers::Complete { body: end, len },
                None => Headers::Bad("it has no Content-Length header".into()),
            });
        }
        loop {
            if j - start >= MAX_HEADER {
                return too_long();
            }
            let &b = bytes.get(j)?;
            if b == b':' && j > line {
                break;
            }
            if !is_tchar(b) {
                let what = if line == start {
                    "it does not start with a header (`Content-Length: …`)"
                } else {
                    "its header has a line that is not `Name: value` (no blank line before the body?)"
                };
                return Some(Headers::Bad(what.into()));
            }
            j += 1;
        }
        let name = &bytes[line..j];
        // The value, up to the line break.
        let value_start = j + 1;
        let mut k = value_start;
        let value_end = loop {
            if k - start >= MAX_HEADER {
                return too_long();
            }
            let &b = bytes.get(k)?;
            match b {
                b'\n' => break k,
                b'\r' => match bytes.get(k + 1) {
                    None => return None,
                    Some(b'\n') => break k,
                    Some(_) => {
                        return Some(Headers::Bad(
                            "its header has a carriage return without a line feed".into(),
                        ))
                    }
                },
                _ => k += 1,
            }
        };
        let next = if bytes[value_end] == b'\r' {
            value_end + 2
        } else {
            value_end + 1
        };
        if name.eq_ignore_ascii_case(&CONTENT_LENGTH[..CONTENT_LENGTH.len() - 1]) {
            let raw = &bytes[value_start..value_end];
            let value = trim_blanks(raw);
            let shown = String::from_utf8_lossy(&value[..value.len().min(40)]).into_owned();
            if value.is_empty() || !value.iter().all(u8::is_ascii_digit) {
                return Some(Headers::Bad(format!(
                    "its Content-Length `{shown}` is not a number of bytes"
                )));
            }
            let n = value.iter().try_fold(0u64, |n, &d| {
                n.checked_mul(10)?.checked_add(u64::from(d - b'0'))
            });
            let n = match n {
                Some(n) if n <= MAX_MESSAGE => n,
                _ => {
                    return Some(Headers::Bad(format!(
                        "its Content-Length of {shown} bytes is over the limit of {} MiB",
                        MAX_MESSAGE / (1024 * 1024)
                    )))
                }
            };
            match length {
                Some(m) if m != n => {
                    return Some(Headers::Bad(format!(
                        "it has two different Content-Length headers ({m} and {n})"
                    )))
                }
                _ => length = Some(n),
            }
        }
        line = next;
    }
}

fn trim_blanks(mut s: &[u8]) -> &[u8] {
    while let [first, rest @ ..] = s {
        if !is_blank(*first) {
            break;
        }
        s = rest;
    }
    while let [rest @ .., last] = s {
        if !is_blank(*last) {
            break;
        }
        s = rest;
    }
    s
}

impl Framer {
    pub fn new() -> Framer {
        Framer {
            buf: Vec::new(),
            pos: 0,
            state: State::Header,
            ended: false,
        }
    }

    /// Adds input.
    pub fn push(&mut self, data: &[u8]) {
        if self.pos > 0 {
            // Drop what was consumed; positions move with it.
            let shift = self.pos;
            self.buf.drain(..shift);
            self.pos = 0;
            if let State::Body { body, len, scan } = self.state {
                self.state = State::Body {
                    body: body - shift,
                    len,
                    scan: scan - shift,
                };
            }
        }
        self.buf.extend_from_slice(data);
    }

    /// Marks the end of the input: what is left is decided on as it is.
    pub fn end(&mut self) {
        self.ended = true;
    }

    /// Bytes held (for tests of the memory bound).
    pub fn buffered(&self) -> usize {
        self.buf.len() - self.pos
    }

    /// The allocated buffer (for tests of the memory bound).
    pub fn capacity(&self) -> usize {
        self.buf.capacity()
    }

    fn drop_all(&mut self) {
        self.pos = self.buf.len();
        self.state = State::Header;
    }

    /// The next event, or `None` when more input is needed (or, after
    /// [`Framer::end`], when everything is decided).
    pub fn next_event(&mut self) -> Option<Event> {
        loop {
            match self.state {
                State::Resync => {
                    let mut i = self.pos;
                    loop {
                        if i >= self.buf.len() {
                            self.pos = i;
                            return None;
                        }
                        match self.buf[i..]
                            .iter()
                            .position(|b| b.eq_ignore_ascii_case(&b'c'))
                        {
                            None => {
                                self.pos = self.buf.len();
                                return None;
                            }
                            Some(k) => i += k,
                        }
                        match starts_with_name(&self.buf, i) {
                            Look::Yes(()) => break,
                            Look::No => i += 1,
                            Look::NeedMore if self.ended => {
                                self.pos = self.buf.len();
                                return None;
                            }
                            Look::NeedMore => {
                                // Keep only the partial name.
                                self.pos = i;
                                return None;
                            }
                        }
                    }
                    self.pos = i;
                    self.state = State::Header;
                }
                State::Header => {
                    // Blank lines between messages are not an error.
                    while let Some(&b) = self.buf.get(self.pos) {
                        match (b, self.buf.get(self.pos + 1)) {
                            (b'\n', _) => self.pos += 1,
                            (b'\r', Some(b'\n')) => self.pos += 2,
                            (b'\r', None) if !self.ended => return None,
                            _ => break,
                        }
                    }
                    if self.pos >= self.buf.len() {
                        return None;
                    }
                    match parse_headers(&self.buf, self.pos) {
                        Some(Headers::Complete { body, len }) => {
                            self.state = State::Body {
                                body,
                                len: len as usize,
                                scan: body,
                            };
                        }
                        Some(Headers::Bad(why)) => {
                            return Some(self.resync_after(self.pos, why));
                        }
                        None if self.ended => {
                            self.drop_all();
                            return Some(Event::Dropped(
                                "the input ended inside a message header".into(),
                            ));
                        }
                        None => return None,
                    }
                }
                State::Body { body, len, scan } => {
                    let end = body + len;
                    let limit = end.min(self.buf.len());
                    let mut i = scan;
                    while i < limit {
                        match self.buf[i..limit]
                            .iter()
                            .position(|b| b.eq_ignore_ascii_case(&b'c'))
                        {
                            None => break,
                            Some(k) => i += k,
                        }
                        match header_line_at(&self.buf, i) {
                            Look::Yes(()) => {
                                self.pos = i;
                                self.state = State::Header;
                                return Some(Event::Dropped(format!(
                                    "its Content-Length says {len} bytes, but a new message began after {}",
                                    i - body
                                )));
                            }
                            Look::No => i += 1,
                            Look::NeedMore if self.ended => i += 1,
                            Look::NeedMore => {
                                self.state = State::Body { body, len, scan: i };
                                return None;
                            }
                        }
                    }
                    if limit < end {
                        if self.ended {
                            let got = self.buf.len() - body;
                            self.drop_all();
                            return Some(Event::Dropped(format!(
                                "the input ended {got} bytes into a message of {len} bytes"
                            )));
                        }
                        self.state = State::Body {
                            body,
                            len,
                            scan: limit,
                        };
                        return None;
                    }
                    let text = &self.buf[body..end];
                    let valid = std::str::from_utf8(text)
                        .map_err(|_| "it is not UTF-8".to_string())
                        .and_then(|t| {
                            serde_json::from_str::<serde::de::IgnoredAny>(t)
                                .map_err(|e| e.to_string())
                        });
                    match valid {
                        Ok(_) => {
                            let message = text.to_vec();
                            self.pos = end;
                            self.state = State::Header;
                            return Some(Event::Message(message));
                        }
                        Err(e) => {
                            // Too short a length, or broken JSON: the next
                            // message may begin anywhere after `body`.
                            self.pos = body;
                            self.state = State::Resync;
                            return Some(Event::Dropped(format!(
                                "its body of {len} bytes is not valid JSON ({e})"
                            )));
                        }
                    }
                }
            }
        }
    }

    /// Drops the header block at `start` and looks for the next message
    /// after its first byte.
    fn resync_after(&mut self, start: usize, why: String) -> Event {
        self.pos = start + 1;
        self.state = State::Resync;
        Event::Dropped(why)
    }
}

/// A frame with its header.
pub fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

fn error_frame(id: Value, code: i64, message: &str) -> Vec<u8> {
    let body = json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}});
    frame(&serde_json::to_vec(&body).expect("json"))
}

/// Whether tower-lsp can decode `body` (valid JSON); otherwise the answer
/// to send.
pub fn check_message(body: &[u8]) -> Result<(), Vec<u8>> {
    if serde_json::from_slice::<jsonrpc::Request>(body).is_ok()
        || serde_json::from_slice::<jsonrpc::Response>(body).is_ok()
    {
        return Ok(());
    }
    let value: Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => {
            return Err(error_frame(
                Value::Null,
                -32700,
                &format!("Parse error: {e}"),
            ))
        }
    };
    let id = match value.get("id") {
        Some(id @ (Value::String(_) | Value::Null)) => id.clone(),
        Some(id) if id.as_i64().is_some() => id.clone(),
        _ => Value::Null,
    };
    let what = if value.is_array() {
        "Invalid request: batches are not supported"
    } else {
        "Invalid request: not a JSON-RPC 2.0 message"
    };
    Err(error_frame(id, -32600, what))
}

/// Copies messages from `input` to `server` (tower-lsp's input), reporting
/// and answering broken ones on `out`. Returns at the end of the input.
/// `out` is weak: the output ends when tower-lsp's does, even while stdin
/// stays open.
pub async fn filter_input(
    mut input: impl AsyncRead + Unpin,
    mut server: impl AsyncWrite + Unpin,
    out: mpsc::WeakUnboundedSender<Vec<u8>>,
) {
    let answer = |frame: Vec<u8>| {
        if let Some(out) = out.upgrade() {
            let _ = out.send(frame);
        }
    };
    let mut framer = Framer::new();
    let mut chunk = vec![0u8; 64 * 1024];
    let mut ended = false;
    loop {
        while let Some(event) = framer.next_event() {
            match event {
                Event::Message(body) => match check_message(&body) {
                    Ok(()) => {
                        if server.write_all(&frame(&body)).await.is_err() {
                            return; // tower-lsp stopped (after `exit`)
                        }
                    }
                    Err(reply) => {
                        eprintln!(
                            "journeyc lsp: answered a message that is not a JSON-RPC request or response"
                        );
                        answer(reply);
                    }
                },
                Event::Dropped(why) => {
                    eprintln!(
                        "journeyc lsp: skipped a message: {why}; reading on from the next Content-Length header"
                    );
                    answer(error_frame(
                        Value::Null,
                        -32700,
                        &format!("Parse error: skipped a message: {why}"),
                    ));
                }
            }
        }
        if ended {
            break;
        }
        match input.read(&mut chunk).await {
            Ok(0) | Err(_) => {
                framer.end();
                ended = true;
            }
            Ok(n) => framer.push(&chunk[..n]),
        }
    }
    let _ = server.shutdown().await;
}

/// Splits tower-lsp's output into frames for the shared writer.
pub async fn forward_output(
    mut server: impl AsyncRead + Unpin,
    out: mpsc::UnboundedSender<Vec<u8>>,
) {
    let mut framer = Framer::new();
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        while let Some(event) = framer.next_event() {
            if let Event::Message(body) = event {
                if out.send(frame(&body)).is_err() {
                    return;
                }
            }
        }
        match server.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => framer.push(&chunk[..n]),
        }
    }
}

/// Writes frames to `output` until every sender is gone.
pub async fn write_output(
    mut output: impl AsyncWrite + Unpin,
    mut frames: mpsc::UnboundedReceiver<Vec<u8>>,
) {
    while let Some(f) = frames.recv().await {
        if output.write_all(&f).await.is_err() || output.flush().await.is_err() {
            break;
        }
    }
}

#[cfg(test)]
mod tests;
