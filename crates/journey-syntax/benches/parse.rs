//! Lexing alone and lex + parse + lower on a generated journey of ~10 MB.
//! Run: `cargo bench -p journey-syntax --bench parse`

use divan::counter::BytesCount;
use divan::Bencher;
use journey_diagnostics::FileId;

fn main() {
    divan::main();
}

/// A realistic journey: personas, phases with touchpoints in German and
/// English, and goals, repeated with fresh ids until `target` bytes.
fn generate(target: usize) -> String {
    let mut out = String::with_capacity(target + 4096);
    let mut n = 0;
    while out.len() < target {
        out.push_str(&format!(
            r#"# Block {n}
persona kundin{n} "Sabine {n}, Geschäftsführerin" {{
  role "Geschäftsführerin eines Fünf-Personen-Betriebs"
  evidence "12 Interviews, 2026"
  needs "weniger Handarbeit", "Kampagnen, die sie messen kann"
  channels social, newsletter
}}

phase phase{n} "Awareness {n}" {{
  kind awareness
  question "Where do I find useful information about my problem?"
  message "Automation is within reach of a five-person team"
  kpi reach{n} "LinkedIn reach" target 50000 unit "impressions"
  teams marketing
  systems crm, cms

  touchpoint post{n} "LinkedIn post" {{
    channel social online
    owner marketing
    serves kundin{n}
    says "Ihre erste automatisierte Kampagne in 14 Tagen 🎉"
    expectation 3
    experience 4
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
