//! What the messaging lints cost on top of parsing and checking, on a
//! generated workspace of realistic journeys (`journey-workload`: personas,
//! phases with core messages, German and English copy, impact maps).
//!
//! `cargo bench -p journey-analysis --bench lints` reports, for 100 and
//! 1,000 files:
//!
//! - `parse`: reading the text into a workspace (lexing, parsing, validating);
//! - `parse_and_check`: parse, model and every semantic check, with the
//!   lints switched off;
//! - `parse_check_and_lint`: the same with the lints, as `journeyc check`;
//! - `lint_pass`: the lints alone over a built model, as the difference
//!   between the two above would estimate it.

use divan::counter::ItemsCount;
use divan::Bencher;
use journey_analysis::checks::Context;
use journey_analysis::{lints, Workspace};
use journey_diagnostics::Level;
use std::path::{Path, PathBuf};

/// The allocator `journeyc` uses, so the figures match the command line.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

const SIZES: &[usize] = &[100, 1000];

fn generated(files: usize) -> Vec<(PathBuf, String)> {
    journey_workload::workspace(files, journey_workload::Options::default())
}

fn in_memory(files: &[(PathBuf, String)], lints_on: bool) -> Workspace {
    let mut ws = Workspace::new();
    if !lints_on {
        let config = ws.config_mut();
        for (code, _) in journey_analysis::rules::lints() {
            config
                .set_level(code.code, Level::Allow)
                .expect("lint codes are configurable");
        }
    }
    for (path, text) in files {
        let abs = Path::new("/bench").join(path);
        ws.set_file(abs, path.display().to_string(), text.clone());
    }
    ws
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn parse(bencher: Bencher, files: usize) {
    let inputs = generated(files);
    bencher
        .counter(ItemsCount::new(files))
        .bench(|| divan::black_box(in_memory(&inputs, true).len()));
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn parse_and_check(bencher: Bencher, files: usize) {
    let inputs = generated(files);
    bencher
        .counter(ItemsCount::new(files))
        .bench(|| divan::black_box(in_memory(&inputs, false).diagnostics().len()));
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn parse_check_and_lint(bencher: Bencher, files: usize) {
    let inputs = generated(files);
    bencher
        .counter(ItemsCount::new(files))
        .bench(|| divan::black_box(in_memory(&inputs, true).diagnostics().len()));
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn lint_pass(bencher: Bencher, files: usize) {
    let ws = in_memory(&generated(files), true);
    let model = ws.model();
    let found = ws
        .diagnostics()
        .iter()
        .filter(|d| d.code.starts_with("J05"))
        .count();
    // The generated copy repeats messages across phases and mixes
    // languages, so the lints have something to report: they really run.
    assert!(found > 0, "no lint findings in {files} files");
    bencher.counter(ItemsCount::new(files)).bench_local(|| {
        let cx = Context {
            model: &model,
            workspace: &ws,
            part: None,
        };
        let mut out = Vec::new();
        lints::run(&cx, &mut out);
        divan::black_box(out.len())
    });
}
