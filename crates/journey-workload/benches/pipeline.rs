//! Every stage of `journeyc check` on one generated journey file of growing
//! size, so that throughput (MB/s) and growth with size can be read off one
//! table: time(4 MB) / time(1 MB) and time(16 MB) / time(4 MB) should both
//! be about 4 for linear growth (BENCHMARKS.md states the exponent).
//!
//! `cargo bench -p journey-workload --bench pipeline`

use divan::counter::BytesCount;
use divan::Bencher;
use journey_analysis::{Config, Workspace};
use journey_diagnostics::{FileId, Level};
use std::path::PathBuf;

/// The allocator `journeyc` uses, so the figures match the command line.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

const MB: usize = 1024 * 1024;
const SIZES: &[usize] = &[MB, 4 * MB, 16 * MB];

fn source(size: usize) -> String {
    journey_workload::file(size, journey_workload::Options::default())
}

/// A workspace of one file, with the messaging lints on or off.
fn workspace(src: &str, lints: bool) -> Workspace {
    let mut ws = Workspace::new();
    if !lints {
        let mut config = Config::empty(PathBuf::from("/bench"));
        for code in journey_analysis::all_codes() {
            if code.code.starts_with("J05") {
                config
                    .set_level(code.code, Level::Allow)
                    .expect("known code");
            }
        }
        *ws.config_mut() = config;
    }
    ws.set_file(
        PathBuf::from("/bench/big.journey"),
        "big.journey".into(),
        src.to_string(),
    );
    ws
}

#[divan::bench(args = SIZES, sample_count = 5)]
fn lex(bencher: Bencher, size: usize) {
    let src = source(size);
    bencher
        .counter(BytesCount::of_str(&src))
        .bench(|| journey_syntax::lexer::lex(divan::black_box(&src)).len());
}

#[divan::bench(args = SIZES, sample_count = 5)]
fn parse(bencher: Bencher, size: usize) {
    let src = source(size);
    bencher.counter(BytesCount::of_str(&src)).bench(|| {
        journey_syntax::parse(divan::black_box(&src), FileId(0))
            .diagnostics
            .len()
    });
}

/// Parse, model and semantic checks: `journeyc check` without the
/// messaging lints.
#[divan::bench(args = SIZES, sample_count = 5)]
fn check_without_lints(bencher: Bencher, size: usize) {
    let src = source(size);
    bencher
        .counter(BytesCount::of_str(&src))
        .bench(|| workspace(&src, false).diagnostics().len());
}

/// Everything `journeyc check` computes: parse, model, checks, lints,
/// suppressions and levels.
#[divan::bench(args = SIZES, sample_count = 5)]
fn check(bencher: Bencher, size: usize) {
    let src = source(size);
    bencher
        .counter(BytesCount::of_str(&src))
        .bench(|| workspace(&src, true).diagnostics().len());
}

#[divan::bench(args = SIZES, sample_count = 5)]
fn format(bencher: Bencher, size: usize) {
    let src = source(size);
    let options = journey_fmt::FormatOptions::default();
    bencher
        .counter(BytesCount::of_str(&src))
        .bench(|| journey_fmt::format(divan::black_box(&src), &options).map(|s| s.len()));
}
