//! Latency of the real language server on a 10,000-line journey.
//!
//! Starts `journeyc lsp` (built with the bench profile), opens a generated
//! journey of at least 10,000 lines and measures, over many rounds:
//!
//! - didChange → publishDiagnostics of that version (an edit that breaks
//!   and then repairs a persona reference, so every round re-runs parsing,
//!   the model, all checks and lints);
//! - hover, definition, completion and rename round trips;
//!
//! and reports p50/p99 for each plus the server's resident memory
//! (VmRSS now, VmHWM peak). Targets: diagnostics p99 < 20 ms, hover and
//! definition p99 < 5 ms.
//!
//! ```sh
//! cargo bench -p journeyc --bench lsp            # 200 rounds
//! JOURNEY_LSP_BENCH_ROUNDS=50 cargo bench -p journeyc --bench lsp
//! JOURNEY_LSP_BENCH_LINES=50000 cargo bench -p journeyc --bench lsp   # another size
//! ```

mod common;

use common::{cpu_time, load, percentile, time_requests};
use journey_lsp::harness::{file_uri, LspClient};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// The file size when `JOURNEY_LSP_BENCH_LINES` does not set one.
const LINES: usize = 10_000;

fn report(name: &str, mut samples: Vec<Duration>, target: Option<Duration>) {
    samples.sort();
    let (p50, p99) = (percentile(&samples, 0.5), percentile(&samples, 0.99));
    let verdict = match target {
        Some(t) if p99 < t => format!("  (target p99 < {} ms: met)", t.as_millis()),
        Some(t) => format!("  (target p99 < {} ms: MISSED)", t.as_millis()),
        None => String::new(),
    };
    println!(
        "{name:<34} p50 {:>7.2} ms   p99 {:>7.2} ms   max {:>7.2} ms{verdict}",
        p50.as_secs_f64() * 1e3,
        p99.as_secs_f64() * 1e3,
        samples.last().unwrap().as_secs_f64() * 1e3,
    );
}

fn memory(pid: u32) -> String {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .map(|l| l[name.len()..].trim().to_string())
            .unwrap_or_else(|| "n/a".to_string())
    };
    format!(
        "VmRSS {}, VmHWM (peak) {}",
        field("VmRSS:"),
        field("VmHWM:")
    )
}

/// The (line, character) of the first `needle` at or after line `from`,
/// plus `offset` characters (ASCII lines).
fn find(text: &str, needle: &str, offset: usize) -> (usize, usize) {
    for (i, line) in text.lines().enumerate() {
        if let Some(c) = line.find(needle) {
            return (i, c + offset);
        }
    }
    panic!("`{needle}` not found");
}

fn main() {
    // `cargo bench` passes `--bench`; nothing else to parse.
    let rounds: usize = std::env::var("JOURNEY_LSP_BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let wanted: usize = std::env::var("JOURNEY_LSP_BENCH_LINES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(LINES);
    let mut text = String::new();
    let mut rng = journey_workload::Rng::new(7);
    let mut n = 0;
    while text.lines().count() < wanted {
        journey_workload::unit(&mut text, n, &mut rng, journey_workload::Options::default());
        n += 1;
    }
    let lines = text.lines().count();
    let dir = tempfile::tempdir().expect("temp dir");
    let root = std::fs::canonicalize(dir.path()).unwrap();
    let path = root.join("big.journey");
    std::fs::write(&path, &text).unwrap();
    let uri = file_uri(&path);

    let mut client = LspClient::spawn(
        std::path::Path::new(env!("CARGO_BIN_EXE_journeyc")),
        &["lsp"],
        &[],
    )
    .expect("start journeyc lsp");
    let caps =
        json!({"textDocument": {"completion": {"completionItem": {"snippetSupport": true}}}});
    client.initialize(Some(&root), caps);
    let started = Instant::now();
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "journey", "version": 1, "text": text}}),
    );
    client
        .wait_for(
            "textDocument/publishDiagnostics",
            Duration::from_secs(60),
            |p| p["uri"] == json!(uri) && p["version"] == json!(1),
        )
        .expect("first diagnostics");
    println!(
        "journey: {lines} lines, {} KiB, {n} journeys; first diagnostics after open: {:.1} ms",
        text.len() / 1024,
        started.elapsed().as_secs_f64() * 1e3
    );
    println!("rounds: {rounds}");

    // The edit: `serves p0_0` ⇄ `serves p0_9` (an undefined persona).
    let (line, col) = find(&text, "serves p0_0", "serves p0_".len());
    let mut diag = Vec::with_capacity(rounds);
    let mut version = 1;
    let cpu_before = cpu_time(client.pid());
    for i in 0..rounds {
        version += 1;
        let new = if i % 2 == 0 { "9" } else { "0" };
        let sent = Instant::now();
        client.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{
                    "range": {"start": {"line": line, "character": col},
                              "end": {"line": line, "character": col + 1}},
                    "text": new
                }]
            }),
        );
        let got = client
            .wait_for(
                "textDocument/publishDiagnostics",
                Duration::from_secs(30),
                |p| p["uri"] == json!(uri) && p["version"] == json!(version),
            )
            .expect("diagnostics of the new version");
        diag.push(sent.elapsed());
        let has_error = got["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "J0304");
        assert_eq!(has_error, new == "9", "round {i}: wrong diagnostics");
    }
    let cpu_per_change = cpu_time(client.pid())
        .zip(cpu_before)
        .map(|(after, before)| (after - before) / rounds as u32);
    // Leave the file valid for the requests.
    if rounds % 2 == 1 {
        version += 1;
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version},
                   "contentChanges": [{"range": {"start": {"line": line, "character": col},
                       "end": {"line": line, "character": col + 1}}, "text": "0"}]}),
        );
    }

    let mut time = |method: &str, params: Value, check: &dyn Fn(&Value)| {
        time_requests(&mut client, rounds, method, params, check)
    };
    let at = |(line, character): (usize, usize)| json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}});
    // A reference deep in the file.
    let last_unit = n - 1;
    let reference = find(
        &text,
        &format!("serves p{last_unit}_1"),
        "serves p".len() + 1,
    );
    let hover = time("textDocument/hover", at(reference), &|r| {
        assert!(r["contents"]["value"].as_str().unwrap().contains("persona"));
    });
    let definition = time("textDocument/definition", at(reference), &|r| {
        assert_eq!(r.as_array().unwrap().len(), 1);
    });
    let touchpoint_start = find(&text, &format!("touchpoint t{last_unit}_0_0"), 4);
    let completion_pos = (touchpoint_start.0 + 1, 4);
    let completion = time("textDocument/completion", at(completion_pos), &|r| {
        assert!(!r.as_array().unwrap().is_empty());
    });
    let serves_pos = find(&text, "serves p0_1", "serves ".len());
    let completion_ids = time("textDocument/completion", at(serves_pos), &|r| {
        // Every persona of the file is offered (two per generated unit).
        assert!(r.as_array().unwrap().len() >= (2 * n).min(40));
    });
    let rename = time(
        "textDocument/rename",
        json!({"textDocument": {"uri": uri},
               "position": {"line": reference.0, "character": reference.1},
               "newName": "founder"}),
        &|r| {
            // The definition and every `serves` and `actor` reference.
            let edits = r["changes"][uri.as_str()].as_array().map_or(0, Vec::len);
            assert!(edits >= 3, "{r}");
        },
    );

    println!();
    report(
        "didChange -> publishDiagnostics",
        diag,
        Some(Duration::from_millis(20)),
    );
    report("hover", hover, Some(Duration::from_millis(5)));
    report("definition", definition, Some(Duration::from_millis(5)));
    report("completion (keywords)", completion, None);
    report("completion (personas, serves)", completion_ids, None);
    report("rename (persona)", rename, None);
    if let Some(cpu) = cpu_per_change {
        println!(
            "server CPU time per change (parse, model, checks, lints, publish): {:.1} ms",
            cpu.as_secs_f64() * 1e3
        );
    }
    println!("server memory: {}", memory(client.pid()));
    println!("load average (1, 5, 15 min): {}", load());
    assert!(client.shutdown().success());
}
