//! Lexing alone and lex + parse + lower on a generated journey of ~10 MB.
//! Run: `cargo bench -p journey-syntax --bench parse`

use divan::counter::BytesCount;
use divan::Bencher;
use journey_diagnostics::FileId;

/// The allocator `journeyc` uses, so the figures match the command line.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// A realistic generated journey of about `target` bytes.
fn generate(target: usize) -> String {
    journey_workload::file(target, journey_workload::Options::default())
}

const SIZE: usize = 10 * 1024 * 1024;

#[divan::bench(sample_count = 10)]
fn lex_10mb(bencher: Bencher) {
    let src = generate(SIZE);
    bencher
        .counter(BytesCount::of_str(&src))
        .bench(|| journey_syntax::lexer::lex(divan::black_box(&src)).len());
}

#[divan::bench(sample_count = 10)]
fn parse_10mb(bencher: Bencher) {
    let src = generate(SIZE);
    bencher.counter(BytesCount::of_str(&src)).bench(|| {
        journey_syntax::parse(divan::black_box(&src), FileId(0))
            .diagnostics
            .len()
    });
}
