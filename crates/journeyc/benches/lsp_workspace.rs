//! The real language server on a workspace of many files with imports.
//!
//! Writes a generated workspace (`journey_workload::write_workspace`: per
//! unit a journey file importing a personas file and two phase files) to a
//! temporary folder, starts `journeyc lsp` (built with the bench profile)
//! with that folder as `rootUri` and workspace folder, and measures:
//!
//! 1. Loading: the server reads every file of the folder while answering
//!    `initialize`, then its diagnostics task publishes a list (empty when
//!    clean) for every file. Reported: the `initialize` round trip, the time
//!    from `initialized` until every file of the workspace has its
//!    diagnostics, and the resident memory after that against the size of
//!    the sources.
//! 2. Latency with one phase file open, over many rounds: didChange →
//!    publishDiagnostics of that version (an edit that breaks and repairs a
//!    persona reference into another file), hover and definition on a
//!    persona reference, completion of persona names, and rename of a
//!    persona used in four files.
//! 3. Memory over many edits that alternate between two contents of the
//!    same size, sent in bursts of ten (each burst waits for the diagnostics
//!    of its last version): VmRSS after the edits against after loading,
//!    samples along the way, and VmHWM. The content does not grow, so
//!    neither should the server.
//!
//! ```sh
//! cargo bench -p journeyc --bench lsp_workspace      # 1,000 files, 200 rounds, 1,000 edits
//! JOURNEY_LSP_BENCH_FILES=200 JOURNEY_LSP_BENCH_ROUNDS=50 JOURNEY_LSP_BENCH_EDITS=200 \
//!     cargo bench -p journeyc --bench lsp_workspace
//! ```

mod common;

use common::{cpu_time, env_or, load, percentile, status_bytes, time_requests};
use journey_lsp::harness::{file_uri, LspClient};
use serde_json::{json, Value};
use std::collections::HashSet;
use std::path::Path;
use std::time::{Duration, Instant};

/// Defaults when the environment does not set them.
const FILES: usize = 1_000;
const ROUNDS: usize = 200;
const EDITS: usize = 1_000;

/// Edits sent back to back before waiting for diagnostics (step 3).
const BURST: usize = 10;

/// How long loading and the first diagnostics of the whole workspace may
/// take before the bench gives up.
const LOAD_TIMEOUT: Duration = Duration::from_secs(120);

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn report(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    println!(
        "  {name:<40} p50 {:>8.2} ms   p99 {:>8.2} ms   max {:>8.2} ms",
        ms(percentile(&samples, 0.5)),
        ms(percentile(&samples, 0.99)),
        ms(*samples.last().unwrap()),
    );
}

fn rss(pid: u32) -> Option<u64> {
    status_bytes(pid, "VmRSS:")
}

fn hwm(pid: u32) -> Option<u64> {
    status_bytes(pid, "VmHWM:")
}

fn mib(bytes: Option<u64>) -> String {
    bytes
        .map(|b| format!("{:.1} MiB", b as f64 / (1024.0 * 1024.0)))
        .unwrap_or_else(|| "n/a".to_string())
}

/// The (line, character) of the first (or last) line containing `needle`,
/// plus `offset` characters (ASCII lines).
fn find(text: &str, needle: &str, offset: usize, last: bool) -> (usize, usize) {
    let mut hits = text
        .lines()
        .enumerate()
        .filter_map(|(i, line)| line.find(needle).map(|c| (i, c + offset)));
    let hit = if last { hits.last() } else { hits.next() };
    hit.unwrap_or_else(|| panic!("`{needle}` not found"))
}

/// Sends a one-character edit at `at` and returns the version sent.
fn edit(client: &mut LspClient, uri: &str, version: i32, at: (usize, usize), new: &str) {
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{
                "range": {"start": {"line": at.0, "character": at.1},
                          "end": {"line": at.0, "character": at.1 + 1}},
                "text": new
            }]
        }),
    );
}

/// Waits for the diagnostics of `version` of `uri`; whether they report
/// the undefined persona (J0304).
fn diagnostics_of(client: &mut LspClient, uri: &str, version: i32) -> bool {
    let got = client
        .wait_for(
            "textDocument/publishDiagnostics",
            Duration::from_secs(60),
            |p| p["uri"] == json!(uri) && p["version"] == json!(version),
        )
        .unwrap_or_else(|| panic!("no diagnostics for version {version}"));
    got["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["code"] == "J0304")
}

fn main() {
    // `cargo bench` passes `--bench`; nothing else to parse.
    let files = env_or("JOURNEY_LSP_BENCH_FILES", FILES).max(4);
    let rounds = env_or("JOURNEY_LSP_BENCH_ROUNDS", ROUNDS).max(1);
    let edits = env_or("JOURNEY_LSP_BENCH_EDITS", EDITS);

    let dir = tempfile::tempdir().expect("temp dir");
    let root = std::fs::canonicalize(dir.path()).unwrap();
    let source_bytes =
        journey_workload::write_workspace(&root, files, journey_workload::Options::default())
            .expect("write the workspace");
    // Four files per unit; a unit in the middle has all of them.
    let units = files / 4;
    let m = units / 2;
    let unit_dir = root.join(format!("unit{m:05}"));
    let path = unit_dir.join("phases_a.journey");
    let text = std::fs::read_to_string(&path).expect("the generated phase file");
    let uri = file_uri(&path);
    let root_uri = file_uri(&root);

    let server = Path::new(env!("CARGO_BIN_EXE_journeyc"));
    // The resident memory of a server without a workspace, to set the
    // memory of the loaded one against.
    let rss_empty = {
        let mut empty = LspClient::spawn(server, &["lsp"], &[]).expect("start journeyc lsp");
        empty.initialize(None, json!({}));
        empty.request("workspace/symbol", json!({"query": "x"}));
        let r = rss(empty.pid());
        assert!(empty.shutdown().success());
        r
    };
    let mut client = LspClient::spawn(server, &["lsp"], &[]).expect("start journeyc lsp");
    let pid = client.pid();

    // 1. Loading.
    let caps =
        json!({"textDocument": {"completion": {"completionItem": {"snippetSupport": true}}}});
    let sent = Instant::now();
    client.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": root_uri,
            "workspaceFolders": [{"uri": root_uri, "name": "bench"}],
            "capabilities": caps,
        }),
    );
    let initialize = sent.elapsed();
    let initialized = Instant::now();
    client.notify("initialized", json!({}));
    let prefix = format!("{root_uri}/");
    let mut seen = HashSet::new();
    let mut findings = 0;
    client
        .wait_for("textDocument/publishDiagnostics", LOAD_TIMEOUT, |p| {
            let u = p["uri"].as_str().unwrap_or_default();
            if u.starts_with(&prefix) && seen.insert(u.to_string()) {
                findings += p["diagnostics"].as_array().map_or(0, Vec::len);
            }
            seen.len() >= files
        })
        .unwrap_or_else(|| {
            panic!(
                "diagnostics for {} of {files} files after {LOAD_TIMEOUT:?}",
                seen.len()
            )
        });
    let to_diagnostics = initialized.elapsed();
    let load_total = sent.elapsed();
    let load_cpu = cpu_time(pid);
    // The first request after loading: it may wait for the name index,
    // which the diagnostics task builds after publishing.
    let reference = find(&text, &format!("serves p{m}_0"), "serves ".len(), true);
    let at = |(line, character): (usize, usize)| json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}});
    let sent = Instant::now();
    client.request("workspace/symbol", json!({"query": format!("p{m}_0")}));
    let first_request = sent.elapsed();
    let rss_loaded = rss(pid);
    let hwm_loaded = hwm(pid);

    println!(
        "workspace: {files} files ({units} units of a journey file importing personas and two phase files), \
         {:.2} MiB of .journey sources",
        source_bytes as f64 / (1024.0 * 1024.0)
    );
    println!("rounds: {rounds}, edits: {edits}");
    println!();
    println!("1. loading");
    println!(
        "  {:<40} {:>8.1} ms   (the server reads the folder while answering)",
        "initialize round trip",
        ms(initialize)
    );
    println!(
        "  {:<40} {:>8.1} ms   ({} files, {findings} findings)",
        "initialized -> diagnostics of all files",
        ms(to_diagnostics),
        seen.len()
    );
    println!(
        "  {:<40} {:>8.1} ms",
        "initialize sent -> all diagnostics",
        ms(load_total)
    );
    println!(
        "  {:<40} {:>8.1} ms",
        "then workspace/symbol round trip",
        ms(first_request)
    );
    if let Some(cpu) = load_cpu {
        println!("  {:<40} {:>8.1} ms", "server CPU time so far", ms(cpu));
    }
    println!(
        "  memory after loading: VmRSS {}, VmHWM {} (a server without a workspace: VmRSS {})",
        mib(rss_loaded),
        mib(hwm_loaded),
        mib(rss_empty),
    );
    if let Some(r) = rss_loaded {
        let per_source = |bytes: u64| format!("{:.1}", bytes as f64 / source_bytes as f64);
        println!(
            "  VmRSS / sources = {}; (VmRSS - empty server) / sources = {}",
            per_source(r),
            rss_empty.map_or("n/a".to_string(), |e| per_source(r.saturating_sub(e))),
        );
    }

    // 2. One file open: latency.
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "journey", "version": 1, "text": text}}),
    );
    assert!(!diagnostics_of(&mut client, &uri, 1), "clean after open");
    // The edit: `serves p{m}_0` ⇄ `serves p{m}_9` (an undefined persona).
    let digit = find(
        &text,
        &format!("serves p{m}_0"),
        format!("serves p{m}_").len(),
        false,
    );
    let mut version = 1;
    let mut diag = Vec::with_capacity(rounds);
    let cpu_before = cpu_time(pid);
    for i in 0..rounds {
        version += 1;
        let new = if i % 2 == 0 { "9" } else { "0" };
        let sent = Instant::now();
        edit(&mut client, &uri, version, digit, new);
        let has_error = diagnostics_of(&mut client, &uri, version);
        diag.push(sent.elapsed());
        assert_eq!(has_error, new == "9", "round {i}: wrong diagnostics");
    }
    let cpu_per_change = cpu_time(pid)
        .zip(cpu_before)
        .map(|(after, before)| (after - before) / rounds as u32);
    if rounds % 2 == 1 {
        // Leave the file valid for the requests.
        version += 1;
        edit(&mut client, &uri, version, digit, "0");
        assert!(!diagnostics_of(&mut client, &uri, version));
    }

    let mut time = |method: &str, params: Value, check: &dyn Fn(&Value)| {
        time_requests(&mut client, rounds, method, params, check)
    };
    let persona = format!("p{m}_0");
    let defined_in = file_uri(&unit_dir.join("personas.journey"));
    let hover = time("textDocument/hover", at(reference), &|r| {
        assert!(r["contents"]["value"].as_str().unwrap().contains("persona"));
    });
    let definition = time("textDocument/definition", at(reference), &|r| {
        let targets = r.as_array().unwrap();
        assert_eq!(targets.len(), 1);
        assert_eq!(targets[0]["uri"], json!(defined_in));
    });
    let completion = time("textDocument/completion", at(reference), &|r| {
        let items = r.as_array().unwrap();
        assert!(items.iter().any(|i| i["label"] == json!(persona)));
    });
    let rename = time(
        "textDocument/rename",
        json!({"textDocument": {"uri": uri},
               "position": {"line": reference.0, "character": reference.1},
               "newName": "founder"}),
        &|r| {
            // Definition (personas file), both phase files and the goal's
            // actor in the journey file.
            assert_eq!(r["changes"].as_object().unwrap().len(), 4, "{r}");
        },
    );
    let completion_count = client
        .request("textDocument/completion", at(reference))
        .as_array()
        .map_or(0, Vec::len);

    println!();
    println!(
        "2. unit{m:05}/phases_a.journey open ({} lines)",
        text.lines().count()
    );
    report("didChange -> publishDiagnostics", diag);
    report("hover (persona reference)", hover);
    report("definition (into personas.journey)", definition);
    report(
        &format!("completion (after serves, {completion_count} items)"),
        completion,
    );
    report("rename (persona used in 4 files)", rename);
    if let Some(cpu) = cpu_per_change {
        println!(
            "  server CPU time per change (whole workspace re-checked): {:.1} ms",
            ms(cpu)
        );
    }
    let rss_rounds = rss(pid);

    // 3. Memory over many edits of constant size, in bursts: an editor
    // sends a change per keystroke, the diagnostics task coalesces what
    // arrives while it works, and every burst ends with the diagnostics of
    // its last version.
    let mut samples = Vec::new();
    let bursts = edits.div_ceil(BURST);
    let sample_every = (bursts / 10).max(1);
    let mut published = 0;
    let started = Instant::now();
    let mut sent_edits = 0;
    for b in 0..bursts {
        let mut last = "0";
        while sent_edits < edits.min((b + 1) * BURST) {
            version += 1;
            last = if sent_edits % 2 == 0 { "9" } else { "0" };
            edit(&mut client, &uri, version, digit, last);
            sent_edits += 1;
        }
        let got = client
            .wait_for(
                "textDocument/publishDiagnostics",
                Duration::from_secs(60),
                |p| {
                    if p["uri"] != json!(uri) {
                        return false;
                    }
                    published += 1;
                    p["version"] == json!(version)
                },
            )
            .unwrap_or_else(|| panic!("no diagnostics for version {version}"));
        let has_error = got["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "J0304");
        assert_eq!(has_error, last == "9", "burst {b}: wrong diagnostics");
        if (b + 1) % sample_every == 0 {
            samples.push((sent_edits, rss(pid)));
        }
    }
    let edits_took = started.elapsed();
    let rss_edits = rss(pid);
    let hwm_edits = hwm(pid);

    println!();
    println!(
        "3. {edits} edits alternating between two contents of {} bytes, in bursts of {BURST} \
         (each burst waits for the diagnostics of its last version): {:.1} s, \
         {published} publishes for the file",
        text.len(),
        edits_took.as_secs_f64()
    );
    println!("  {:<28}{}", "VmRSS after loading", mib(rss_loaded));
    println!("  {:<28}{}", "VmRSS after the rounds (2.)", mib(rss_rounds));
    println!("  {:<28}{}", "VmRSS after the edits", mib(rss_edits));
    if let (Some(after), Some(before)) = (rss_edits, rss_loaded) {
        println!(
            "  {:<28}{:+.1} MiB ({:+.1} %)",
            "growth after loading",
            (after as f64 - before as f64) / (1024.0 * 1024.0),
            (after as f64 / before as f64 - 1.0) * 100.0
        );
    }
    println!(
        "  VmRSS after N edits:        {}",
        samples
            .iter()
            .map(|(n, r)| format!(
                "{n}: {}",
                r.map_or("n/a".to_string(), |b| format!(
                    "{:.1}",
                    b as f64 / 1048576.0
                ))
            ))
            .collect::<Vec<_>>()
            .join(", ")
            + " MiB"
    );
    println!("  {:<28}{}", "VmHWM (peak)", mib(hwm_edits));
    println!();
    println!("load average (1, 5, 15 min): {}", load());
    assert!(client.shutdown().success());
}
