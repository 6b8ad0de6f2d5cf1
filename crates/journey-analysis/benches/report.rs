//! What the terminal report of a findings-heavy check costs next to the
//! analysis that found the findings.
//!
//! `cargo bench -p journey-analysis --bench report` on one generated
//! journey of 8 MB with two findings in every touchpoint (50,325
//! findings), in memory:
//!
//! - `analysis`: parse, model, checks and lints, from text (what
//!   `journeyc check` does before it prints);
//! - `render_human`: the terminal report of those findings without colour
//!   (`journeyc check > file`), summary line excluded;
//! - `render_short`, `render_json`: the other formats, for scale.
//!
//! Each case prints the number of findings once. `RAYON_NUM_THREADS=1`
//! gives the one-core figures.

use divan::counter::{BytesCount, ItemsCount};
use divan::Bencher;
use journey_analysis::Workspace;
use journey_diagnostics::render::{render_human, render_json, render_short, HumanOptions};
use journey_diagnostics::Diagnostic;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The allocator `journeyc` uses, so the figures match the command line.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// Bytes of the journey (about 27,000 touchpoints).
const BYTES: usize = 8_000_000;

/// The generated journey with two findings in every touchpoint: it serves
/// a persona that does not exist (J0304, with a did-you-mean help and a
/// quick fix) and its experience score is out of range — about 50,000
/// findings, the shape of a first check of content migrated from elsewhere.
fn findings_heavy(text: &str) -> String {
    text.replace("    serves p", "    serves q")
        .replace("    experience ", "    experience 1")
}

fn inputs() -> &'static [(PathBuf, String)] {
    static INPUTS: OnceLock<Vec<(PathBuf, String)>> = OnceLock::new();
    INPUTS.get_or_init(|| {
        let opts = journey_workload::Options {
            with_errors: true,
            ..journey_workload::Options::default()
        };
        vec![(
            PathBuf::from("big.journey"),
            findings_heavy(&journey_workload::file(BYTES, opts)),
        )]
    })
}

fn workspace() -> Workspace {
    let mut ws = Workspace::new();
    for (path, text) in inputs() {
        let abs = Path::new("/bench").join(path);
        ws.set_file(abs, path.display().to_string(), text.clone());
    }
    ws
}

/// The analysed workspace and its findings, once for all render cases.
fn checked() -> &'static (Workspace, Vec<Diagnostic>) {
    static CHECKED: OnceLock<(Workspace, Vec<Diagnostic>)> = OnceLock::new();
    CHECKED.get_or_init(|| {
        let ws = workspace();
        let ds = ws.diagnostics();
        eprintln!("{} findings in {} files", ds.len(), ws.len());
        (ws, ds)
    })
}

#[divan::bench(sample_count = 5)]
fn analysis(bencher: Bencher) {
    bencher
        .counter(BytesCount::new(BYTES))
        .bench(|| divan::black_box(workspace().diagnostics().len()));
}

#[divan::bench(sample_count = 5)]
fn render_human_no_color(bencher: Bencher) {
    let (ws, ds) = checked();
    bencher
        .counter(ItemsCount::new(ds.len()))
        .bench(|| render_human(ds, ws, HumanOptions { color: false }).len());
}

#[divan::bench(sample_count = 5)]
fn render_short_format(bencher: Bencher) {
    let (ws, ds) = checked();
    bencher
        .counter(ItemsCount::new(ds.len()))
        .bench(|| render_short(ds, ws).len());
}

#[divan::bench(sample_count = 5)]
fn render_json_format(bencher: Bencher) {
    let (ws, ds) = checked();
    bencher
        .counter(ItemsCount::new(ds.len()))
        .bench(|| render_json(ds, ws, ws.len()).len());
}
