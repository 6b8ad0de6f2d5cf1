//! The formatter must never lose data. For every input below, under several
//! layouts (narrow and default widths, two indentations):
//!
//! - the result parses without errors,
//! - its tokens and comments are the input's, in the same order, and every
//!   comment is still trailing or on its own line as before, and the
//!   statement tree has the same shape ([`journey_fmt::check_equivalent`]),
//! - formatting is idempotent: `fmt(fmt(x)) == fmt(x)`.
//!
//! Inputs: every example under `examples/`, every syntax-error-free file
//! under `tests/corpus/` (files with errors must be refused instead), and
//! generated journeys with random comments, blank lines, spacing, `;`,
//! list wrapping, text blocks and line endings: 512 cases by default,
//! `PROPTEST_CASES=N` for more.

use journey_diagnostics::FileId;
use journey_fmt::{check_equivalent, format, FormatError, FormatOptions};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn layouts() -> [FormatOptions; 4] {
    [
        FormatOptions::default(),
        FormatOptions {
            line_width: 20,
            indent: 2,
        },
        FormatOptions {
            line_width: 60,
            indent: 4,
        },
        FormatOptions {
            line_width: 1000,
            indent: 0,
        },
    ]
}

/// Formats `src` under every layout and checks the three properties.
fn assert_safe(name: &str, src: &str) -> Result<(), String> {
    for opts in layouts() {
        let once = format(src, &opts).map_err(|e| format!("{name} ({opts:?}): {e}"))?;
        check_equivalent(src, &once).map_err(|v| {
            format!("{name} ({opts:?}): {v}\n--- input\n{src}\n--- formatted\n{once}")
        })?;
        let twice = format(&once, &opts).map_err(|e| format!("{name}, second pass: {e}"))?;
        if twice != once {
            return Err(format!(
                "{name} ({opts:?}): not idempotent\n--- once\n{once}\n--- twice\n{twice}"
            ));
        }
    }
    Ok(())
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn journey_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("readable directory") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "journey") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn read(path: &Path) -> Option<String> {
    String::from_utf8(std::fs::read(path).expect("readable file")).ok()
}

#[test]
fn every_example_formats_safely() {
    let files = journey_files(&repo().join("examples"));
    assert!(files.len() >= 10, "examples not found");
    for f in &files {
        let src = read(f).expect("examples are UTF-8");
        assert_safe(&f.display().to_string(), &src).unwrap_or_else(|e| panic!("{e}"));
    }
    eprintln!("examples: {} files", files.len());
}

#[test]
fn every_error_free_corpus_file_formats_safely_and_the_rest_is_refused() {
    let root = repo().join("tests/corpus");
    let (mut clean, mut refused) = (0, 0);
    for f in journey_files(&root) {
        let name = f.display().to_string();
        let Some(src) = read(&f) else {
            // Not UTF-8: `journeyc fmt` reports it before formatting.
            refused += 1;
            continue;
        };
        if journey_syntax::parse(&src, FileId(0)).has_errors() {
            assert!(
                !f.starts_with(root.join("valid")),
                "{name}: the valid corpus must be free of syntax errors"
            );
            match format(&src, &FormatOptions::default()) {
                Err(FormatError::Syntax(d)) if !d.is_empty() => refused += 1,
                other => panic!("{name}: a file with syntax errors gave {other:?}"),
            }
        } else {
            assert_safe(&name, &src).unwrap_or_else(|e| panic!("{e}"));
            clean += 1;
        }
    }
    assert!(clean >= 10, "only {clean} error-free corpus files");
    eprintln!("corpus: {clean} formatted, {refused} refused");
}

/// A small deterministic generator (xorshift) driven by a proptest seed:
/// proptest shrinks the seed, the number of definitions and the amount of
/// noise, and prints the generated source of a failing case.
struct Gen {
    state: u64,
    noise: u32,
    crlf: bool,
}

impl Gen {
    fn next(&mut self) -> u64 {
        let mut x = self.state;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.state = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u32) -> bool {
        (self.next() % 100) < u64::from(percent * self.noise / 3)
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    fn nl(&self) -> &'static str {
        if self.crlf {
            "\r\n"
        } else {
            "\n"
        }
    }

    fn ident(&mut self) -> String {
        let stems = [
            "awareness",
            "kündigung",
            "web",
            "crm",
            "sabine",
            "trial_2",
            "_x",
            "größe",
            "ÉCOLE",
            "loyalty",
            "a",
        ];
        let mut s = self.pick(&stems).to_string();
        if self.below(2) == 0 {
            s.push_str(&self.below(100).to_string());
        }
        s
    }

    fn string(&mut self) -> String {
        let pieces = [
            "Buyer",
            " two  spaces ",
            "Grüße",
            "🎉",
            "\\\"quoted\\\"",
            "\\\\",
            "\\n",
            "\\t",
            "\\u{1F600}",
            "# not a comment",
            "{ braces }",
            "a, b; c",
            "->",
            "--",
            "'",
        ];
        let mut s = String::from("\"");
        for _ in 0..self.below(4) {
            s.push_str(self.pick(&pieces));
        }
        if self.below(20) == 0 {
            // A long string to push lines over the width.
            s.push_str(&"long words ".repeat(12));
        }
        s.push('"');
        s
    }

    fn text_block(&mut self) -> String {
        let nl = self.nl();
        let indent = " ".repeat(self.below(9));
        let mut s = String::from("\"\"\"");
        if self.below(4) == 0 {
            s.push_str("inline start");
        }
        s.push_str(nl);
        for _ in 0..1 + self.below(3) {
            let extra = " ".repeat(self.below(3));
            let line = self.pick(&[
                "Zeile mit Umlauten äöü",
                "# inside",
                "say \"hi\"",
                "",
                "  }",
            ]);
            s.push_str(&format!(
                "{indent}{extra}{line}{}{nl}",
                " ".repeat(self.below(2))
            ));
        }
        s.push_str(&indent);
        s.push_str("\"\"\"");
        s
    }

    fn text(&mut self) -> String {
        if self.below(8) == 0 {
            self.text_block()
        } else {
            self.string()
        }
    }

    fn number(&mut self) -> String {
        match self.below(4) {
            0 => format!("-{}", self.below(10)),
            1 => format!("{}.{}", self.below(1000), self.below(100)),
            _ => self.below(100_000).to_string(),
        }
    }

    fn comment(&mut self) -> String {
        let body = self.pick(&[
            "",
            " note",
            " TODO: more",
            "# double",
            " \"quoted\" { } ; ,",
            " Grüße 🎉",
            " trailing   ",
        ]);
        format!("#{body}")
    }

    fn space(&mut self) -> &'static str {
        if self.chance(30) {
            self.pick(&["  ", "\t", "   ", " \t "])
        } else {
            " "
        }
    }

    fn indent(&mut self) -> String {
        if self.chance(40) {
            self.pick(&["", " ", "\t", "      ", "   "]).to_string()
        } else {
            String::new()
        }
    }
}

enum A {
    One(String),
    List(Vec<String>),
    Arrow,
}

struct S {
    keyword: &'static str,
    args: Vec<A>,
    block: Option<Vec<S>>,
}

fn s(keyword: &'static str, args: Vec<A>) -> S {
    S {
        keyword,
        args,
        block: None,
    }
}

fn list(g: &mut Gen, mut item: impl FnMut(&mut Gen) -> String) -> A {
    let max = if g.below(5) == 0 { 12 } else { 4 };
    let n = 1 + g.below(max);
    if n == 1 {
        A::One(item(g))
    } else {
        A::List((0..n).map(|_| item(g)).collect())
    }
}

fn texts(g: &mut Gen) -> A {
    list(g, Gen::text)
}

fn idents(g: &mut Gen) -> A {
    list(g, Gen::ident)
}

fn kpi(g: &mut Gen) -> S {
    let mut args = Vec::new();
    if g.below(2) == 0 {
        args.push(A::One(g.ident()));
    }
    args.push(A::One(g.text()));
    if g.below(2) == 0 {
        args.push(A::One("target".into()));
        let v = if g.below(3) == 0 {
            g.string()
        } else {
            g.number()
        };
        args.push(A::One(v));
    }
    if g.below(2) == 0 {
        args.push(A::One("unit".into()));
        args.push(A::One(g.string()));
    }
    s("kpi", args)
}

/// Some of `once` (each at most once) and some of `many`, shuffled.
fn body(g: &mut Gen, once: &[fn(&mut Gen) -> S], many: &[fn(&mut Gen) -> S]) -> Vec<S> {
    let mut out: Vec<S> = Vec::new();
    for f in once {
        if g.below(3) != 0 {
            out.push(f(g));
        }
    }
    for _ in 0..g.below(5) {
        if !many.is_empty() {
            let f = many[g.below(many.len())];
            out.push(f(g));
        }
    }
    for i in (1..out.len()).rev() {
        out.swap(i, g.below(i + 1));
    }
    out
}

fn definition(g: &mut Gen, keyword: &'static str, title: bool, block: Vec<S>) -> S {
    let mut args = vec![A::One(g.ident())];
    if title || g.below(2) == 0 {
        args.push(A::One(g.text()));
    }
    S {
        keyword,
        args,
        block: Some(block),
    }
}

fn touchpoint(g: &mut Gen) -> S {
    let block = body(
        g,
        &[
            |g| {
                let mut a = vec![A::One(g.ident())];
                if g.below(2) == 0 {
                    a.push(A::One(g.pick(&["online", "offline"]).into()));
                }
                s("channel", a)
            },
            |g| s("owner", vec![A::One(g.ident())]),
            |g| s("systems", vec![idents(g)]),
            |g| s("serves", vec![idents(g)]),
            |g| s("expectation", vec![A::One((1 + g.below(5)).to_string())]),
            |g| s("experience", vec![A::One((1 + g.below(5)).to_string())]),
            |g| {
                s(
                    "importance",
                    vec![A::One(g.pick(&["low", "high", "critical"]).into())],
                )
            },
            |g| {
                let a = if g.below(2) == 0 {
                    vec![]
                } else {
                    vec![A::One("no".into())]
                };
                s("monitored", a)
            },
            |g| {
                s(
                    "state",
                    vec![A::One(g.pick(&["current", "planned"]).into())],
                )
            },
            |g| s("moment", vec![A::One(g.string())]),
            |_| s("basis", vec![A::One("consent".into())]),
            |g| s("description", vec![A::One(g.text())]),
        ],
        &[
            kpi,
            |g| s("says", vec![texts(g)]),
            |g| s("collects", vec![texts(g)]),
        ],
    );
    definition(g, "touchpoint", false, block)
}

fn top(g: &mut Gen) -> S {
    match g.below(6) {
        0 => s("import", vec![A::One(g.string())]),
        1 => {
            let block = body(
                g,
                &[
                    |g| s("value", vec![A::One(g.text())]),
                    |g| s("description", vec![A::One(g.text())]),
                    |g| s("phases", vec![idents(g)]),
                    |g| {
                        let a = vec![A::One(g.ident()), A::Arrow, A::One(g.ident())];
                        s("loop", a)
                    },
                ],
                &[],
            );
            definition(g, "journey", false, block)
        }
        2 => {
            let block = body(
                g,
                &[
                    |g| s("role", vec![A::One(g.text())]),
                    |g| s("evidence", vec![A::One(g.text())]),
                    |g| s("channels", vec![idents(g)]),
                    |g| S {
                        keyword: "empathy",
                        args: vec![],
                        block: Some(body(
                            g,
                            &[],
                            &[
                                |g| s("says", vec![texts(g)]),
                                |g| s("thinks", vec![texts(g)]),
                                |g| s("does", vec![texts(g)]),
                                |g| s("feels", vec![texts(g)]),
                            ],
                        )),
                    },
                ],
                &[
                    |g| s("needs", vec![texts(g)]),
                    |g| s("pains", vec![texts(g)]),
                    |g| s("gains", vec![texts(g)]),
                ],
            );
            definition(g, "persona", true, block)
        }
        3 | 4 => {
            let block = body(
                g,
                &[
                    |g| {
                        s(
                            "kind",
                            vec![A::One(g.pick(&["awareness", "loyalty"]).into())],
                        )
                    },
                    |g| s("question", vec![A::One(g.text())]),
                    |g| s("message", vec![A::One(g.text())]),
                    |g| s("teams", vec![idents(g)]),
                ],
                &[
                    kpi,
                    touchpoint,
                    touchpoint,
                    |g| s("activities", vec![texts(g)]),
                    |g| s("moment", vec![texts(g)]),
                ],
            );
            definition(g, "phase", true, block)
        }
        _ => {
            let block = body(
                g,
                &[|g| {
                    let mut a = vec![A::One(g.text())];
                    if g.below(2) == 0 {
                        a.push(A::One("current".into()));
                        a.push(A::One(g.number()));
                    }
                    a.push(A::One("target".into()));
                    a.push(A::One(g.number()));
                    if g.below(2) == 0 {
                        a.push(A::One("by".into()));
                        a.push(A::One("2027-06-30".into()));
                    }
                    s("metric", a)
                }],
                &[|g| {
                    let impacts = body(
                        g,
                        &[],
                        &[|g| {
                            let inner = body(
                                g,
                                &[],
                                &[
                                    kpi,
                                    |g| s("via", vec![idents(g)]),
                                    |g| {
                                        let mut a = vec![A::One(g.text())];
                                        if g.below(2) == 0 {
                                            a.push(A::One("via".into()));
                                            a.push(idents(g));
                                        }
                                        s("deliverable", a)
                                    },
                                ],
                            );
                            definition(g, "impact", true, inner)
                        }],
                    );
                    definition(g, "actor", false, impacts)
                }],
            );
            definition(g, "goal", true, block)
        }
    }
}

/// Writes statements with random layout. `depth` only seeds indentation
/// noise: the formatter decides the real indentation.
fn render(g: &mut Gen, stmts: &[S], out: &mut String, in_block: bool) {
    let nl = g.nl();
    for (i, st) in stmts.iter().enumerate() {
        // Own-line comments and blank lines before the statement.
        for _ in 0..if g.chance(25) { 1 + g.below(3) } else { 0 } {
            if g.chance(30) {
                out.push_str(nl);
            }
            out.push_str(&g.indent());
            out.push_str(&g.comment());
            out.push_str(nl);
        }
        if g.chance(20) {
            out.push_str(&nl.repeat(1 + g.below(3)));
        }
        out.push_str(&g.indent());
        out.push_str(st.keyword);
        for arg in &st.args {
            out.push_str(g.space());
            match arg {
                A::One(v) => out.push_str(v),
                A::Arrow => out.push_str("->"),
                A::List(items) => {
                    for (j, item) in items.iter().enumerate() {
                        if j > 0 {
                            out.push(',');
                            if g.chance(25) {
                                out.push_str(g.space());
                                out.push_str(&g.comment());
                                out.push_str(nl);
                            } else if g.chance(30) {
                                out.push_str(&nl.repeat(1 + g.below(2)));
                            }
                            if g.chance(10) {
                                out.push_str(&g.indent());
                                out.push_str(&g.comment());
                                out.push_str(nl);
                            }
                            out.push_str(&g.indent());
                            out.push_str(g.space());
                        }
                        out.push_str(item);
                    }
                }
            }
        }
        if let Some(block) = &st.block {
            out.push_str(g.space());
            out.push('{');
            if g.chance(20) {
                out.push_str(g.space());
                out.push_str(&g.comment());
                out.push_str(nl);
            } else if block.is_empty() || !g.chance(15) {
                out.push_str(nl);
            } else {
                out.push_str(g.space());
            }
            render(g, block, out, true);
            if g.chance(20) {
                out.push_str(&g.indent());
                out.push_str(&g.comment());
                out.push_str(nl);
            }
            out.push_str(&g.indent());
            out.push('}');
        }
        // The end of the statement.
        let last = i + 1 == stmts.len();
        if g.chance(25) {
            out.push_str(g.space());
            out.push_str(&g.comment());
            out.push_str(nl);
        } else if g.chance(15) {
            out.push_str(g.space());
            out.push(';');
            if !last || in_block {
                out.push_str(g.space());
            } else {
                out.push_str(nl);
            }
        } else if last && in_block && g.chance(20) {
            out.push(' ');
        } else {
            out.push_str(&nl.repeat(1 + usize::from(g.chance(30))));
        }
    }
}

fn generate(seed: u64, items: usize, noise: u32) -> String {
    let mut g = Gen {
        state: seed | 1,
        noise,
        crlf: seed % 5 == 0,
    };
    let stmts: Vec<S> = (0..items).map(|_| top(&mut g)).collect();
    let mut out = String::new();
    render(&mut g, &stmts, &mut out, false);
    if g.chance(20) {
        out.push_str(&g.comment());
    }
    out
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(512)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: cases(),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn generated_journeys_format_safely(seed in any::<u64>(), items in 0usize..8, noise in 0u32..=3) {
        let src = generate(seed, items, noise);
        let parse = journey_syntax::parse(&src, FileId(0));
        prop_assert!(
            !parse.has_errors(),
            "the generator wrote an invalid journey: {:?}\n{src}",
            parse.diagnostics.iter().map(|d| &d.message).collect::<Vec<_>>()
        );
        if let Err(e) = assert_safe("generated", &src) {
            return Err(TestCaseError::fail(e));
        }
    }
}

#[test]
fn the_generator_writes_the_noise_it_promises() {
    // Over a few hundred seeds the generator must produce every kind of
    // layout noise the formatter has to handle, or the property test above
    // proves less than it claims.
    let mut all = String::new();
    for seed in 0..300 {
        all.push_str(&generate(seed * 7919 + 1, 4, 3));
    }
    for (what, needle) in [
        ("a comment after a comma", ", #"),
        ("a semicolon", ";"),
        ("a text block", "\"\"\""),
        ("a CRLF line break", "\r\n"),
        ("a tab", "\t"),
        ("a blank line", "\n\n"),
        ("a wrapped list", ",\n"),
        ("a trailing comment after `{`", "{ #"),
        ("an arrow", "->"),
    ] {
        assert!(all.contains(needle), "no {what} in the generated inputs");
    }
}
