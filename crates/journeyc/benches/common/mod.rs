//! What the language-server benchmarks share: percentiles, and the
//! server's CPU time, memory and the machine's load from /proc (Linux).

// Each benchmark uses its own subset of these.
#![allow(dead_code)]

use std::time::Duration;

/// The `p` quantile (0 to 1) of sorted samples, nearest rank.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// User + system CPU time of a process so far.
pub fn cpu_time(pid: u32) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let fields: Vec<&str> = stat.rsplit(')').next()?.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    // Linux reports clock ticks of 1/100 s.
    Some(Duration::from_millis(ticks * 10))
}

/// The load average, to judge how much other work inflated the figures.
pub fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "n/a".to_string())
}

/// A `kB` field of /proc/PID/status (`VmRSS:`, `VmHWM:`) in bytes.
pub fn status_bytes(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kb: u64 = line[field.len()..]
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb * 1024)
}

/// A number from the environment, or `default`.
pub fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The round-trip time of `rounds` requests `method(params)`, each answer
/// checked by `check`.
pub fn time_requests(
    client: &mut journey_lsp::harness::LspClient,
    rounds: usize,
    method: &str,
    params: serde_json::Value,
    check: &dyn Fn(&serde_json::Value),
) -> Vec<Duration> {
    let mut samples = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let sent = std::time::Instant::now();
        let answer = client.request(method, params.clone());
        samples.push(sent.elapsed());
        check(&answer);
    }
    samples
}
