//! How fast the analysis is, on generated workloads that look like real
//! journeys (`journey-workload`).
//!
//! `cargo bench -p journey-analysis` reports, per case, the time and — for
//! whole workspaces — files per second:
//!
//! - `check_workspace_on_disk`: what `journeyc check DIR` does without
//!   rendering: find the files, read, parse, build the model, run every
//!   check and lint, apply levels;
//! - `check_workspace_in_memory`: the same from text already in memory
//!   (the language server's situation), parse included;
//! - `analysis_only`: model, checks and lints over files already parsed;
//! - `checks_only`: the same with the messaging lints switched off: the
//!   model and the semantic checks alone;
//! - `model_after_edit`: one keystroke in a 10,000-line file: re-parse the
//!   file and rebuild the model (what the language server pays per edit);
//! - `model_build_10k_lines`: the model build alone for that file.

use divan::counter::{BytesCount, ItemsCount};
use divan::Bencher;
use journey_analysis::{load, Config, Workspace};
use std::path::{Path, PathBuf};

/// The allocator `journeyc` uses, so the figures match the command line.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// From a handful of files to a company's whole journey landscape
/// (10,000 files, about 650,000 lines).
const SIZES: &[usize] = &[10, 100, 1000, 10_000];

fn generated(files: usize) -> Vec<(PathBuf, String)> {
    journey_workload::workspace(files, journey_workload::Options::default())
}

fn in_memory(files: &[(PathBuf, String)]) -> Workspace {
    let mut ws = Workspace::new();
    for (path, text) in files {
        let abs = Path::new("/bench").join(path);
        ws.set_file(abs, path.display().to_string(), text.clone());
    }
    ws
}

#[divan::bench(args = SIZES, sample_count = 3)]
fn check_workspace_on_disk(bencher: Bencher, files: usize) {
    let dir = std::env::temp_dir().join(format!("journey-bench-{files}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    journey_workload::write_workspace(&dir, files, journey_workload::Options::default())
        .expect("temp dir is writable");
    bencher.counter(ItemsCount::new(files)).bench(|| {
        let loaded = load::load_workspace(
            std::slice::from_ref(&dir),
            Config::empty(dir.clone()),
            &|p: &Path| p.display().to_string(),
        );
        assert_eq!(loaded.workspace.len(), files);
        divan::black_box(loaded.workspace.diagnostics().len())
    });
    let _ = std::fs::remove_dir_all(&dir);
}

#[divan::bench(args = SIZES, sample_count = 3)]
fn check_workspace_in_memory(bencher: Bencher, files: usize) {
    let inputs = generated(files);
    bencher
        .counter(ItemsCount::new(files))
        .bench(|| divan::black_box(in_memory(&inputs).diagnostics().len()));
}

#[divan::bench(args = SIZES, sample_count = 3)]
fn analysis_only(bencher: Bencher, files: usize) {
    let mut ws = in_memory(&generated(files));
    bencher.counter(ItemsCount::new(files)).bench_local(|| {
        // Changing the configuration drops the cached model and analysis.
        ws.config_mut();
        divan::black_box(ws.diagnostics().len())
    });
}

#[divan::bench(args = SIZES, sample_count = 3)]
fn checks_only(bencher: Bencher, files: usize) {
    let mut ws = in_memory(&generated(files));
    let mut config = Config::default();
    for c in journey_analysis::all_codes() {
        if c.code.starts_with("J05") {
            config
                .set_level(c.code, journey_diagnostics::Level::Allow)
                .expect("lint codes are configurable");
        }
    }
    ws.set_config(config, "");
    bencher.counter(ItemsCount::new(files)).bench_local(|| {
        ws.config_mut();
        divan::black_box(ws.diagnostics().len())
    });
}

#[divan::bench(sample_count = 20)]
fn model_after_edit(bencher: Bencher) {
    // About 10,000 lines.
    let mut text = journey_workload::file(330_000, journey_workload::Options::default());
    let lines = text.lines().count();
    assert!(lines >= 10_000, "{lines} lines");
    let path = PathBuf::from("/bench/big.journey");
    let mut ws = Workspace::new();
    ws.set_file(path.clone(), "big.journey".into(), text.clone());
    let _ = ws.model();
    let at = text.find("Measurable marketing").expect("copy") + 1;
    let mut flip = false;
    bencher
        .counter(BytesCount::new(text.len()))
        .bench_local(|| {
            // One keystroke: change one character of the value proposition.
            flip = !flip;
            text.replace_range(at..at + 1, if flip { "E" } else { "e" });
            ws.set_file(path.clone(), "big.journey".into(), text.clone());
            divan::black_box(ws.model().touchpoints.len())
        });
}

#[divan::bench(sample_count = 20)]
fn model_build_10k_lines(bencher: Bencher) {
    let text = journey_workload::file(330_000, journey_workload::Options::default());
    let mut ws = Workspace::new();
    ws.set_file(
        PathBuf::from("/bench/big.journey"),
        "big.journey".into(),
        text.clone(),
    );
    bencher
        .counter(BytesCount::new(text.len()))
        .bench_local(|| {
            // The parse stays; only the model is rebuilt.
            ws.config_mut();
            divan::black_box(ws.model().touchpoints.len())
        });
}
