//! The parser never panics, never hangs and keeps its spans sane, whatever
//! the input: random text, mutated examples, and adversarial shapes.

use journey_diagnostics::FileId;
use journey_syntax::{lexer::TokenKind, parse};
use proptest::prelude::*;
use std::path::Path;

/// Every span points inside the text, on character boundaries, the
/// tokens tile the text in order without gap or overlap, and every node
/// holds exactly the tokens inside its span, its subtree after it.
fn assert_invariants(src: &str) {
    let p = parse(src, FileId(0));
    let len = src.len() as u32;
    let on_boundary = |o: u32| src.is_char_boundary(o as usize);
    let mut last_end = 0;
    for t in p.tokens() {
        assert!(
            t.span.start == last_end && t.span.start < t.span.end && t.span.end <= len,
            "token {t:?}"
        );
        assert!(
            on_boundary(t.span.start) && on_boundary(t.span.end),
            "token {t:?} splits a char"
        );
        if t.kind == TokenKind::Whitespace {
            assert!(
                t.text(src)
                    .chars()
                    .all(|c| matches!(c, ' ' | '\t' | '\u{c}' | '\u{feff}')),
                "whitespace {t:?}"
            );
        }
        last_end = t.span.end;
    }
    assert_eq!(last_end, len, "the tokens reach the end of the text");
    let nodes = p.tree.nodes();
    for (i, n) in nodes.iter().enumerate() {
        assert!(n.span.start <= n.span.end && n.span.end <= len, "{n:?}");
        assert!(i < n.end as usize && n.end as usize <= nodes.len(), "{n:?}");
        let tokens = &p.tokens()[n.first_token as usize..n.end_token as usize];
        assert!(
            tokens
                .iter()
                .all(|t| n.span.start <= t.span.start && t.span.end <= n.span.end),
            "{n:?}: tokens outside"
        );
        for child in &nodes[i + 1..n.end as usize] {
            assert!(
                n.span.start <= child.span.start && child.span.end <= n.span.end,
                "{child:?} outside {n:?}"
            );
        }
    }
    for d in &p.diagnostics {
        for l in std::iter::once(&d.primary).chain(&d.secondary) {
            assert!(l.span.start <= l.span.end && l.span.end <= len, "{d:?}");
            assert!(
                on_boundary(l.span.start) && on_boundary(l.span.end),
                "{d:?} splits a char"
            );
        }
        for f in &d.fixes {
            for e in &f.edits {
                assert!(e.span.end <= len && on_boundary(e.span.start) && on_boundary(e.span.end));
            }
        }
    }
    for s in p.tree.walk() {
        assert!(s.span().start <= s.span().end && s.span().end <= len);
        assert!(s.keyword().start >= s.span().start && s.keyword().end <= s.span().end);
        // The views find statements by `keyword_is`; it must agree with
        // the keyword token for every keyword of the language.
        for kw in journey_syntax::schema::KEYWORDS
            .iter()
            .chain([&journey_syntax::schema::ALLOW])
        {
            assert_eq!(
                s.keyword_is(src, kw.name),
                s.keyword_text(src) == kw.name,
                "{:?} as `{}`",
                s.keyword_text(src),
                kw.name
            );
        }
    }
}

fn examples() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "journey") {
                out.push(std::fs::read_to_string(&p).expect("utf-8 example"));
            }
        }
    }
    out.sort();
    out
}

/// Text built from the language's own pieces, so the parser gets deep into
/// its grammar rather than failing on the first byte.
fn journeyish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("persona".to_string()),
        Just("phase".to_string()),
        Just("touchpoint".to_string()),
        Just("goal".to_string()),
        Just("actor".to_string()),
        Just("impact".to_string()),
        Just("journey".to_string()),
        Just("serves".to_string()),
        Just("kpi".to_string()),
        Just("loop".to_string()),
        Just("target".to_string()),
        Just("via".to_string()),
        Just("{".to_string()),
        Just("}".to_string()),
        Just(",".to_string()),
        Just(";".to_string()),
        Just("->".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\"".to_string()),
        Just("\"\"\"".to_string()),
        Just("\\".to_string()),
        Just("# Kommentar".to_string()),
        Just("2027-06-30".to_string()),
        Just("-3.5".to_string()),
        Just("42".to_string()),
        Just("\"Grüße 🎉\"".to_string()),
        Just("\\u{1F600}".to_string()),
        Just("%".to_string()),
        Just("„".to_string()),
        "[a-zäöüß_]{1,8}",
        "[ \t]{1,3}",
    ];
    prop::collection::vec(piece, 0..120).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text(src in "\\PC{0,400}") {
        assert_invariants(&src);
    }

    #[test]
    fn arbitrary_bytes_decoded(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let (text, _) = journey_syntax::decode_source(bytes, FileId(0));
        assert_invariants(&text);
    }

    #[test]
    fn language_pieces(src in journeyish()) {
        assert_invariants(&src);
    }

    #[test]
    fn mutated_examples(
        which in any::<prop::sample::Index>(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..4, "\\PC{0,3}"), 1..8),
    ) {
        let examples = examples();
        prop_assume!(!examples.is_empty());
        let mut src = examples[which.index(examples.len())].clone();
        for (at, delete, insert) in edits {
            let mut i = at.index(src.len() + 1);
            while !src.is_char_boundary(i) { i -= 1; }
            let mut j = i;
            for _ in 0..delete {
                if let Some(c) = src[j..].chars().next() { j += c.len_utf8(); }
            }
            src.replace_range(i..j, &insert);
        }
        assert_invariants(&src);
    }
}

#[test]
fn examples_parse_without_syntax_errors() {
    let examples = examples();
    assert!(examples.len() >= 3);
    for src in &examples {
        let p = parse(src, FileId(0));
        assert!(!p.has_errors(), "{:?}", p.diagnostics);
        assert_invariants(src);
    }
}

#[test]
fn deep_nesting_is_bounded() {
    for n in [100, 10_000, 200_000] {
        let src = format!("goal g \"G\" {}{}", "actor a {".repeat(n), "}".repeat(n));
        let p = parse(&src, FileId(0));
        assert!(p.diagnostics.iter().any(|d| d.code == "J0107"), "n = {n}");
        let src = "{".repeat(n);
        let p = parse(&src, FileId(0));
        assert!(p.has_errors());
    }
}

#[test]
fn huge_single_line_and_unterminated_constructs() {
    // A 10 MB line of arguments.
    let line = format!(
        "persona p \"P\" {{ needs {} }}\n",
        "\"x\", ".repeat(2_100_000) + "\"y\""
    );
    assert!(line.len() > 10_000_000);
    let p = parse(&line, FileId(0));
    assert!(!p.has_errors(), "{:?}", p.diagnostics.first());

    // An unterminated string as long as the file; an unterminated text block.
    let src = format!("phase p \"{}", "ä".repeat(1_000_000));
    assert!(parse(&src, FileId(0))
        .diagnostics
        .iter()
        .any(|d| d.code == "J0102"));
    let src = format!("phase p \"\"\"{}", "line\n".repeat(100_000));
    assert!(parse(&src, FileId(0))
        .diagnostics
        .iter()
        .any(|d| d.code == "J0102"));

    // Long runs of punctuation and invalid characters.
    for s in [
        ",".repeat(100_000),
        "}".repeat(100_000),
        "%".repeat(100_000),
        "->".repeat(100_000),
        "\n".repeat(100_000),
    ] {
        assert_invariants(&s);
    }
}

#[test]
fn every_token_kind_round_trips_through_the_lexer() {
    let src = "journey j \"T\" { phases a, b; loop b -> a } # c\n\"\"\"x\"\"\" 2027-01-01 -1.5 %";
    let kinds: Vec<TokenKind> = journey_syntax::lexer::lex(src)
        .iter()
        .map(|t| t.kind)
        .collect();
    for k in [
        TokenKind::LBrace,
        TokenKind::RBrace,
        TokenKind::Comma,
        TokenKind::Semicolon,
        TokenKind::Arrow,
        TokenKind::Comment,
        TokenKind::Newline,
        TokenKind::Date,
        TokenKind::Number,
        TokenKind::Error,
    ] {
        assert!(kinds.contains(&k), "{k:?} missing");
    }
}

/// A `}` taken out anywhere in the examples is one error at the block
/// left open, whose fix gives back a file without syntax errors: the
/// block ends where the next definition starts, however it is indented.
#[test]
fn a_missing_closing_brace_is_one_error_whose_fix_parses_clean() {
    let mut cases = 0;
    for src in examples() {
        for (at, _) in src.match_indices('}') {
            let broken = format!("{}{}", &src[..at], &src[at + 1..]);
            assert_invariants(&broken);
            let p = parse(&broken, FileId(0));
            let errors: Vec<_> = p
                .diagnostics
                .iter()
                .filter(|d| d.severity == journey_diagnostics::Severity::Error)
                .collect();
            assert!(
                errors.len() == 1 && errors[0].code == "J0105",
                "`}}` at {at} taken out:\n{broken}\n{errors:#?}"
            );
            let edit = &errors[0].fixes[0].edits[0];
            let mut fixed = broken.clone();
            fixed.replace_range(edit.span.range(), &edit.new_text);
            let again = parse(&fixed, FileId(0));
            assert!(!again.has_errors(), "{fixed}\n{:#?}", again.diagnostics);
            cases += 1;
        }
    }
    assert!(cases > 50, "only {cases} braces in the examples");
}
