//! The stdio transport, hardened.
//!
//! tower-lsp-server stops reading its input after the first message it
//! cannot decode (bad headers, invalid JSON, JSON that is not a JSON-RPC
//! message): the editor would see the server die. Here stdin is framed
//! first: every well-formed message is passed on to tower-lsp unchanged and
//! in order, everything else is answered right here (-32700 parse error,
//! -32600 invalid request, with the message's id when it has a usable one)
//! and skipped. Output from tower-lsp and these answers share one writer,
//! a whole frame at a time.

use serde_json::{json, Value};
use tokio::io::{
    AsyncBufRead, AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt,
};
use tokio::sync::mpsc;
use tower_lsp_server::jsonrpc;

/// Messages larger than this are refused (a corrupt `Content-Length`
/// must not make the server allocate gigabytes).
pub const MAX_MESSAGE: usize = 256 * 1024 * 1024;

/// Header lines longer than this are not headers.
const MAX_HEADER_LINE: u64 = 64 * 1024;

/// One framed input: a message body, or a problem to answer.
#[derive(Debug, PartialEq, Eq)]
pub enum Frame {
    Message(Vec<u8>),
    /// Headers without a usable `Content-Length`.
    BadHeader(String),
}

/// Reads the next frame; `None` at the end of the input.
pub async fn read_frame(input: &mut (impl AsyncBufRead + Unpin)) -> std::io::Result<Option<Frame>> {
    let mut length: Option<Result<usize, String>> = None;
    let mut seen_header = false;
    loop {
        let mut line = Vec::new();
        if (&mut *input)
            .take(MAX_HEADER_LINE)
            .read_until(b'\n', &mut line)
            .await?
            == 0
        {
            return Ok(
                seen_header.then(|| Frame::BadHeader("the input ended inside headers".into()))
            );
        }
        if !line.ends_with(b"\n") && line.len() as u64 >= MAX_HEADER_LINE {
            // Junk without line breaks: report it and go on with what follows.
            return Ok(Some(Frame::BadHeader("a header line is too long".into())));
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if !seen_header {
                continue; // stray blank line between messages
            }
            break;
        }
        seen_header = true;
        if let Some((name, value)) = text.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                length = Some(
                    value
                        .trim()
                        .parse::<usize>()
                        .map_err(|_| format!("invalid Content-Length `{}`", value.trim())),
                );
            }
        }
    }
    let length = match length {
        Some(Ok(n)) if n <= MAX_MESSAGE => n,
        Some(Ok(n)) => {
            return Ok(Some(Frame::BadHeader(format!(
                "message of {n} bytes is too large"
            ))))
        }
        Some(Err(e)) => return Ok(Some(Frame::BadHeader(e))),
        None => {
            return Ok(Some(Frame::BadHeader(
                "missing Content-Length header".into(),
            )))
        }
    };
    let mut body = vec![0; length];
    input.read_exact(&mut body).await?;
    Ok(Some(Frame::Message(body)))
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

/// Whether tower-lsp can decode `body`; otherwise the answer to send.
pub fn check_message(body: &[u8]) -> Result<(), Vec<u8>> {
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
    if serde_json::from_value::<jsonrpc::Request>(value.clone()).is_ok()
        || serde_json::from_value::<jsonrpc::Response>(value.clone()).is_ok()
    {
        return Ok(());
    }
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

/// Copies frames from `input` to `server` (tower-lsp's input), answering
/// malformed ones on `out`. Returns at the end of the input. `out` is weak:
/// the output ends when tower-lsp's does, even while stdin stays open.
pub async fn filter_input(
    input: impl AsyncRead + Unpin,
    mut server: impl AsyncWrite + Unpin,
    out: mpsc::WeakUnboundedSender<Vec<u8>>,
) {
    let answer = |frame: Vec<u8>| {
        if let Some(out) = out.upgrade() {
            let _ = out.send(frame);
        }
    };
    let mut input = tokio::io::BufReader::new(input);
    loop {
        match read_frame(&mut input).await {
            Ok(Some(Frame::Message(body))) => match check_message(&body) {
                Ok(()) => {
                    if server.write_all(&frame(&body)).await.is_err() {
                        break; // tower-lsp stopped (after `exit`)
                    }
                }
                Err(reply) => {
                    eprintln!("journeyc lsp: answered a malformed message");
                    answer(reply);
                }
            },
            Ok(Some(Frame::BadHeader(why))) => {
                eprintln!("journeyc lsp: bad message header: {why}");
                answer(error_frame(
                    Value::Null,
                    -32700,
                    &format!("Parse error: {why}"),
                ));
            }
            Ok(None) | Err(_) => break,
        }
    }
    let _ = server.shutdown().await;
}

/// Splits tower-lsp's output into frames for the shared writer.
pub async fn forward_output(server: impl AsyncRead + Unpin, out: mpsc::UnboundedSender<Vec<u8>>) {
    let mut server = tokio::io::BufReader::new(server);
    while let Ok(Some(Frame::Message(body))) = read_frame(&mut server).await {
        if out.send(frame(&body)).is_err() {
            break;
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
mod tests {
    use super::*;

    async fn frames(input: &[u8]) -> Vec<Frame> {
        let mut r = tokio::io::BufReader::new(input);
        let mut out = Vec::new();
        while let Some(f) = read_frame(&mut r).await.unwrap() {
            out.push(f);
        }
        out
    }

    #[tokio::test]
    async fn frames_and_bad_headers() {
        let input = b"Content-Length: 2\r\n\r\n{}Content-Type: x\r\n\r\nContent-Length: abc\r\n\r\nContent-Length: 1\r\n\r\n[";
        let got = frames(input).await;
        assert_eq!(got.len(), 4);
        assert_eq!(got[0], Frame::Message(b"{}".to_vec()));
        assert!(matches!(&got[1], Frame::BadHeader(m) if m.contains("missing")));
        assert!(matches!(&got[2], Frame::BadHeader(m) if m.contains("invalid")));
        assert_eq!(got[3], Frame::Message(b"[".to_vec()));
    }

    #[tokio::test]
    async fn endless_junk_is_cut_into_bad_headers() {
        let junk = vec![b'x'; 200 * 1024];
        let got = frames(&junk).await;
        assert!(got.len() >= 3);
        assert!(got.iter().all(|f| matches!(f, Frame::BadHeader(_))));
    }

    #[test]
    fn messages_tower_lsp_cannot_decode_are_answered() {
        assert!(check_message(br#"{"jsonrpc":"2.0","id":1,"method":"x"}"#).is_ok());
        assert!(check_message(br#"{"jsonrpc":"2.0","method":"x"}"#).is_ok());
        assert!(check_message(br#"{"jsonrpc":"2.0","id":1,"result":null}"#).is_ok());
        let answer = |b: &[u8]| -> Value {
            let f = check_message(b).unwrap_err();
            let body = &f[f.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4..];
            serde_json::from_slice(body).unwrap()
        };
        assert_eq!(answer(b"{not json")["error"]["code"], -32700);
        assert_eq!(answer(b"[1,2]")["error"]["code"], -32600);
        let a = answer(br#"{"jsonrpc":"1.0","id":7,"method":"x"}"#);
        assert_eq!(
            (a["error"]["code"].clone(), a["id"].clone()),
            (json!(-32600), json!(7))
        );
        assert_eq!(
            answer(br#"{"jsonrpc":"2.0","id":1.5,"method":"x"}"#)["id"],
            Value::Null
        );
    }
}
