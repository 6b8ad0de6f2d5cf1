//! Formatting throughput on a generated journey of ~10 MB, written in a
//! deliberately untidy layout (wrong indentation, `;`-joined statements,
//! wrapped and over-long lists, comments everywhere), and on the same
//! journey once it is canonical (the `--check` case: nothing changes),
//! the printer alone (the parse done beforehand) and the safety check.
//! Run: `cargo bench -p journey-fmt`

use divan::counter::BytesCount;
use divan::Bencher;
use journey_fmt::FormatOptions;

/// The allocator `journeyc` uses, so the figures match the command line.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

const SIZE: usize = 10 * 1024 * 1024;

fn generate(target: usize) -> String {
    let mut out = String::with_capacity(target + 4096);
    let mut n = 0;
    while out.len() < target {
        out.push_str(&format!(
            r#"# Block {n}
persona kundin{n} "Sabine {n}, Geschäftsführerin" {{ # a persona
      role "Geschäftsführerin eines Fünf-Personen-Betriebs"; evidence "12 Interviews, 2026"
  needs "weniger Handarbeit",   # the main need
        "Kampagnen, die sie messen kann"
  channels social,newsletter,  email, web
}}
phase phase{n} "Awareness {n}" {{
	kind awareness
  question   "Where do I find useful information about my problem?"


  message "Automation is within reach of a five-person team"
  kpi reach{n} "LinkedIn reach" target 50000 unit "impressions"
  activities "Reads a post on LinkedIn", "Searches for automation tools for small teams", "Asks a colleague at a trade fair"
  teams marketing
  systems crm, cms
    # the touchpoints
  touchpoint post{n} "LinkedIn post" {{
    channel social online
    owner marketing
    serves kundin{n}
    says "Ihre erste automatisierte Kampagne in 14 Tagen 🎉"
    description """
      A post with a short video.
      """
    expectation 3; experience 4
    state current
  }}
}}
goal arr{n} "Recurring revenue +15 %" {{
  metric "ARR" current "400k EUR" target "460k EUR" by 2027-06-30
  actor kundin{n} {{
    impact trial{n} "starts a free trial" {{
      kpi "trial starts per month" target 40
      via post{n}
    }}
  }}
}}

"#
        ));
        n += 1;
    }
    out
}

#[divan::bench(sample_count = 10)]
fn format_untidy_10mb(bencher: Bencher) {
    let src = generate(SIZE);
    let opts = FormatOptions::default();
    bencher
        .counter(BytesCount::of_str(&src))
        .bench(|| journey_fmt::format(divan::black_box(&src), &opts).expect("formats"));
}

#[divan::bench(sample_count = 10)]
fn format_canonical_10mb(bencher: Bencher) {
    let opts = FormatOptions::default();
    let src = journey_fmt::format(&generate(SIZE), &opts).expect("formats");
    bencher
        .counter(BytesCount::of_str(&src))
        .bench(|| journey_fmt::format(divan::black_box(&src), &opts).expect("formats"));
}

/// The printer alone, on a file parsed beforehand: what formatting costs
/// on top of the parse the language server has already done.
#[divan::bench(sample_count = 10)]
fn print_only_untidy_10mb(bencher: Bencher) {
    let src = generate(SIZE);
    let parse = journey_syntax::parse(&src, journey_diagnostics::FileId(0));
    let opts = FormatOptions::default();
    bencher.counter(BytesCount::of_str(&src)).bench(|| {
        journey_fmt::format_parse(divan::black_box(&src), &parse, &opts).expect("formats")
    });
}

#[divan::bench(sample_count = 10)]
fn check_equivalent_10mb(bencher: Bencher) {
    let src = generate(SIZE);
    let formatted = journey_fmt::format(&src, &FormatOptions::default()).expect("formats");
    bencher
        .counter(BytesCount::of_str(&src))
        .bench(|| journey_fmt::check_equivalent(divan::black_box(&src), &formatted).expect("same"));
}
