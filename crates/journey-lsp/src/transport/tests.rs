use super::*;

/// A request as an editor sends it, with its header.
fn request(id: u32) -> Vec<u8> {
    frame(&body(id))
}

fn body(id: u32) -> Vec<u8> {
    format!(
        r#"{{"jsonrpc":"2.0","id":{id},"method":"textDocument/hover","params":{{"textDocument":{{"uri":"file:///w/a.journey"}},"position":{{"line":0,"character":3}}}}}}"#
    )
    .into_bytes()
}

fn cat(parts: &[&[u8]]) -> Vec<u8> {
    parts.concat()
}

/// The events of `input` fed in chunks of `size` bytes (0: all at once).
fn events_in_chunks(input: &[u8], size: usize) -> Vec<Event> {
    let mut f = Framer::new();
    let mut out = Vec::new();
    let size = if size == 0 { input.len().max(1) } else { size };
    for chunk in input.chunks(size) {
        f.push(chunk);
        while let Some(e) = f.next_event() {
            out.push(e);
        }
    }
    f.end();
    while let Some(e) = f.next_event() {
        out.push(e);
    }
    out
}

fn events(input: &[u8]) -> Vec<Event> {
    events_in_chunks(input, 0)
}

fn messages(events: &[Event]) -> Vec<Vec<u8>> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Message(m) => Some(m.clone()),
            Event::Dropped(_) => None,
        })
        .collect()
}

fn dropped(events: &[Event]) -> Vec<&str> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Dropped(why) => Some(why.as_str()),
            Event::Message(_) => None,
        })
        .collect()
}

/// Every kind of bad framing, each followed by a good request: (name,
/// bytes, whether the broken message itself is accepted).
fn kinds() -> Vec<(&'static str, Vec<u8>, bool)> {
    let b = body(1);
    let n = b.len();
    vec![
        (
            "missing Content-Length",
            cat(&[b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n", &b]),
            false,
        ),
        ("non-numeric", cat(&[b"Content-Length: abc\r\n\r\n", &b]), false),
        ("negative", cat(&[b"Content-Length: -5\r\n\r\n", &b]), false),
        ("plus sign", cat(&[b"Content-Length: +5\r\n\r\n", &b]), false),
        ("empty value", cat(&[b"Content-Length:\r\n\r\n", &b]), false),
        (
            "too short",
            cat(&[format!("Content-Length: {}\r\n\r\n", n - 10).as_bytes(), &b]),
            false,
        ),
        (
            "too long by one",
            cat(&[format!("Content-Length: {}\r\n\r\n", n + 1).as_bytes(), &b]),
            false,
        ),
        (
            "too long",
            cat(&[format!("Content-Length: {}\r\n\r\n", n + 500).as_bytes(), &b]),
            false,
        ),
        (
            "absurd (10 GB)",
            cat(&[b"Content-Length: 10737418240\r\n\r\n", &b]),
            false,
        ),
        (
            "u64 overflow",
            cat(&[b"Content-Length: 99999999999999999999999999\r\n\r\n", &b]),
            false,
        ),
        (
            "just over the limit",
            cat(&[
                format!("Content-Length: {}\r\n\r\n", MAX_MESSAGE + 1).as_bytes(),
                &b,
            ]),
            false,
        ),
        ("body without header", b.clone(), false),
        (
            "header without blank line",
            cat(&[format!("Content-Length: {n}\r\n").as_bytes(), &b]),
            false,
        ),
        ("garbage between messages", b"hello\r\nworld".to_vec(), false),
        (
            "binary garbage",
            (0u8..=255).chain(0u8..=255).collect::<Vec<u8>>(),
            false,
        ),
        (
            "garbage that almost says Content-Length",
            b"Content-Lengt: 3\r\n\r\nContent-Length 3\r\n\r\ncontent-length: 7x\r\n\r\n".to_vec(),
            false,
        ),
        ("invalid JSON body", frame(b"{\"jsonrpc\": \"2.0\", \"id\": "), false),
        ("not UTF-8", frame(b"{\"a\": \"\xff\xfe\"}"), false),
        ("empty body", frame(b""), false),
        (
            "two different Content-Lengths",
            cat(&[
                format!("Content-Length: {n}\r\nContent-Length: {}\r\n\r\n", n + 1).as_bytes(),
                &b,
            ]),
            false,
        ),
        (
            "a header name with a space",
            cat(&[format!("Content Length: {n}\r\n\r\n").as_bytes(), &b]),
            false,
        ),
        (
            "a carriage return inside the header",
            cat(&[format!("Content-Length: {n}\rX\r\n\r\n").as_bytes(), &b]),
            false,
        ),
        ("a header longer than 8 KiB", vec![b'X'; 9000], false),
        (
            "the same Content-Length twice",
            cat(&[
                format!("Content-Length: {n}\r\nContent-Length: {n}\r\n\r\n").as_bytes(),
                &b,
            ]),
            true,
        ),
        (
            "lowercase header name",
            cat(&[format!("content-length: {n}\r\n\r\n").as_bytes(), &b]),
            true,
        ),
        (
            "upper case and blanks",
            cat(&[format!("CONTENT-LENGTH:\t{n} \r\n\r\n").as_bytes(), &b]),
            true,
        ),
        (
            "extra Content-Type header",
            cat(&[
                format!(
                    "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: {n}\r\n\r\n"
                )
                .as_bytes(),
                &b,
            ]),
            true,
        ),
        (
            "line feeds without carriage returns",
            cat(&[format!("Content-Length: {n}\n\n").as_bytes(), &b]),
            true,
        ),
        ("blank lines before the header", cat(&[b"\r\n\n\r\n", &request(1)]), true),
    ]
}

#[test]
fn every_kind_of_bad_framing_is_dropped_and_the_next_message_read() {
    for (name, bad, accepted) in kinds() {
        let input = cat(&[&bad, &request(2)]);
        let ev = events(&input);
        let got = messages(&ev);
        let mut want = Vec::new();
        if accepted {
            want.push(body(1));
        }
        want.push(body(2));
        assert_eq!(got, want, "{name}: {ev:?}");
        assert_eq!(
            dropped(&ev).is_empty(),
            accepted,
            "{name}: a broken message is reported, a good one is not: {ev:?}"
        );
        // Also when the good message comes later, in a separate write.
        let mut f = Framer::new();
        f.push(&bad);
        let mut first = Vec::new();
        while let Some(e) = f.next_event() {
            first.push(e);
        }
        f.push(&request(2));
        while let Some(e) = f.next_event() {
            first.push(e);
        }
        assert_eq!(messages(&first), want, "{name} (two writes): {first:?}");
    }
}

#[test]
fn the_reasons_are_plain_words() {
    let b = body(1);
    let reason = |bytes: Vec<u8>| -> String {
        let ev = events(&cat(&[&bytes, &request(2)]));
        dropped(&ev).first().expect("dropped").to_string()
    };
    assert_eq!(
        reason(cat(&[b"Content-Type: x\r\n\r\n", &b])),
        "it has no Content-Length header"
    );
    assert_eq!(
        reason(cat(&[b"Content-Length: -5\r\n\r\n", &b])),
        "its Content-Length `-5` is not a number of bytes"
    );
    assert_eq!(
        reason(cat(&[b"Content-Length: 10737418240\r\n\r\n", &b])),
        "its Content-Length of 10737418240 bytes is over the limit of 64 MiB"
    );
    assert_eq!(
        reason(b.clone()),
        "it does not start with a header (`Content-Length: …`)"
    );
    assert!(reason(cat(&[
        format!("Content-Length: {}\r\n\r\n", b.len() + 500).as_bytes(),
        &b
    ]))
    .starts_with(&format!(
        "its Content-Length says {} bytes, but a new message began after {}",
        b.len() + 500,
        b.len()
    )));
    assert!(reason(frame(b"{\"jsonrpc\"")).starts_with("its body of 10 bytes is not valid JSON"));
}

/// One stream with every kind, in sequence, between good messages.
fn everything() -> Vec<u8> {
    let mut input = request(100);
    for (i, (_, bad, _)) in kinds().into_iter().enumerate() {
        input.extend_from_slice(&bad);
        input.extend_from_slice(&request(i as u32 + 200));
    }
    input
}

#[test]
fn chunk_boundaries_do_not_matter() {
    let input = everything();
    let whole = events(&input);
    assert_eq!(
        messages(&whole).len(),
        1 + kinds().len() + kinds().iter().filter(|k| k.2).count()
    );
    for size in [1, 2, 3, 7, 64, 1000] {
        assert_eq!(events_in_chunks(&input, size), whole, "chunks of {size}");
    }
    // Split in two at every position (of a stream without the long
    // kinds, to keep the test quick).
    let mut input = request(100);
    for (i, (_, bad, _)) in kinds().into_iter().enumerate() {
        if bad.len() < 400 {
            input.extend_from_slice(&bad);
            input.extend_from_slice(&request(i as u32 + 200));
        }
    }
    let whole = events(&input);
    assert!(dropped(&whole).len() >= 20, "{}", dropped(&whole).len());
    for k in 0..=input.len() {
        let mut f = Framer::new();
        let mut got = Vec::new();
        for part in [&input[..k], &input[k..]] {
            f.push(part);
            while let Some(e) = f.next_event() {
                got.push(e);
            }
        }
        f.end();
        while let Some(e) = f.next_event() {
            got.push(e);
        }
        assert_eq!(got, whole, "split at {k}");
    }
}

#[test]
fn content_length_inside_a_json_string_is_not_a_header() {
    // Escaped line breaks, the header name in strings and keys: all valid
    // JSON, so all one message each.
    let texts: [&[u8]; 4] = [
        br#"{"jsonrpc":"2.0","method":"x","params":{"text":"Content-Length: 12\r\n\r\n{}"}}"#,
        br#"{"jsonrpc":"2.0","method":"x","params":{"Content-Length: 5":"content-length:5"}}"#,
        b"{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":{\"t\":\"Content-Length: 5\"\r\n}}",
        b"{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":[\"content-length: 1\", 2\n]}",
    ];
    for t in texts {
        let input = cat(&[&frame(t), &request(2)]);
        let whole = events(&input);
        assert_eq!(messages(&whole), vec![t.to_vec(), body(2)], "{whole:?}");
        assert_eq!(events_in_chunks(&input, 1), whole);
    }
}

#[test]
fn the_end_of_the_input_inside_a_message_is_reported() {
    let ev = events(b"Content-Length: 50\r\n\r\n{\"jsonrpc\"");
    assert_eq!(
        ev,
        vec![Event::Dropped(
            "the input ended 10 bytes into a message of 50 bytes".into()
        )]
    );
    let ev = events(b"Content-Length: 50\r\n");
    assert_eq!(
        ev,
        vec![Event::Dropped(
            "the input ended inside a message header".into()
        )]
    );
    // Trailing blank lines and garbage after the last message: nothing
    // more to answer.
    assert_eq!(
        events(&cat(&[&request(1), b"\r\n"])),
        vec![Event::Message(body(1))]
    );
}

#[test]
fn memory_stays_bounded() {
    // Garbage without any header: only a possible partial name is kept.
    let mut f = Framer::new();
    f.push(b"{");
    assert!(matches!(f.next_event(), Some(Event::Dropped(_))));
    let junk: Vec<u8> = b"no header here, content-lengt".repeat(3000);
    for _ in 0..100 {
        f.push(&junk);
        while f.next_event().is_some() {}
        assert!(f.buffered() < 64, "{} bytes held", f.buffered());
    }
    assert!(f.capacity() < 1 << 20, "capacity {}", f.capacity());
    // A length near the limit with a short body: nothing is reserved for
    // the bytes that never come, and the next message cuts it short.
    let mut f = Framer::new();
    f.push(format!("Content-Length: {}\r\n\r\n{{\"a\":", MAX_MESSAGE).as_bytes());
    assert_eq!(f.next_event(), None);
    assert!(f.capacity() < 1 << 20, "capacity {}", f.capacity());
    f.push(&request(3));
    assert!(matches!(f.next_event(), Some(Event::Dropped(_))));
    assert_eq!(f.next_event(), Some(Event::Message(body(3))));
}

#[test]
fn a_message_at_the_limit_is_accepted() {
    let mut text = br#"{"jsonrpc":"2.0","method":"x","params":""#.to_vec();
    let tail = br#""}"#;
    text.resize(MAX_MESSAGE as usize - tail.len(), b'a');
    text.extend_from_slice(tail);
    let ev = events_in_chunks(&frame(&text), 1 << 20);
    assert_eq!(ev.len(), 1);
    assert!(matches!(&ev[0], Event::Message(m) if m.len() as u64 == MAX_MESSAGE));
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

#[tokio::test]
async fn the_filter_passes_good_messages_and_answers_bad_ones() {
    let input = cat(&[
        &request(1),
        b"Content-Length: 10737418240\r\n\r\n",
        &body(9),
        &frame(b"[1,2]"),
        &request(2),
    ]);
    let (to_server, mut server_in) = tokio::io::duplex(1 << 16);
    let (tx, mut rx) = mpsc::unbounded_channel();
    filter_input(&input[..], to_server, tx.downgrade()).await;
    let mut passed = Vec::new();
    server_in.read_to_end(&mut passed).await.unwrap();
    assert_eq!(passed, cat(&[&request(1), &request(2)]));
    drop(tx);
    let mut codes = Vec::new();
    while let Some(f) = rx.recv().await {
        let body = &f[f.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4..];
        let v: Value = serde_json::from_slice(body).unwrap();
        codes.push(v["error"]["code"].as_i64().unwrap());
    }
    assert_eq!(codes, [-32700, -32600]);
}
