//! Re-parsing after an edit gives exactly the parse of the new text —
//! tokens, tree (which the typed views read) and diagnostics — whatever the edit: typing
//! inside a string, breaking and repairing braces, inserting definitions,
//! umlauts and emoji, and long chains of edits each built on the last.

use journey_diagnostics::FileId;
use journey_syntax::{parse, reparse, try_reparse, Parse};
use proptest::prelude::*;

fn assert_same(got: &Parse, expected: &Parse, what: &str) {
    assert_eq!(got.tokens(), expected.tokens(), "{what}: tokens");
    assert_eq!(got.tree, expected.tree, "{what}: tree");
    assert_eq!(got.diagnostics, expected.diagnostics, "{what}: diagnostics");
}

fn journey() -> String {
    static JOURNEY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    JOURNEY
        .get_or_init(|| {
            let mut src = journey_workload::file(6_000, journey_workload::Options::default());
            src.push_str(
                "\n# Grüße aus Köln 🎉\nphase späť \"Ende — ✓\" {\n  message \"Tschüss, bis bald 👋\"\n}\n",
            );
            src
        })
        .clone()
}

/// Replaces `len` bytes at `at` (both moved to char boundaries) by `with`.
fn edit(src: &str, at: usize, len: usize, with: &str) -> String {
    let mut start = at.min(src.len());
    while !src.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (start + len).min(src.len());
    while !src.is_char_boundary(end) {
        end += 1;
    }
    format!("{}{}{}", &src[..start], with, &src[end..])
}

const INSERTS: &[&str] = &[
    "a",
    "x",
    "ü",
    "🎉",
    " ",
    "\n",
    "\"",
    "{",
    "}",
    "#",
    ",",
    "\\",
    "9",
    "\"\"\"",
    "phase q \"Q\" {\n}\n",
    "\nphase r \"R\" {\n  message \"neu\"\n}\n",
    "  says \"Jetzt testen\"\n",
    "touchpoint",
    "",
];

#[test]
fn typing_a_word_inside_copy_reuses_and_matches() {
    let src = journey();
    let old = parse(&src, FileId(0));
    assert!(old.diagnostics.is_empty(), "the generated journey is clean");
    let at = src.find("says \"").expect("copy") + "says \"".len();
    let mut text = src.clone();
    let mut parse_now = old;
    for (i, c) in "Neu: ".chars().enumerate() {
        let next = edit(&text, at + i, 0, &c.to_string());
        let incremental = try_reparse(&parse_now, &text, &next, FileId(0))
            .expect("only the edited definition is parsed again");
        assert_same(
            &incremental,
            &parse(&next, FileId(0)),
            &format!("keystroke {i}"),
        );
        text = next;
        parse_now = incremental;
    }
}

#[test]
fn edits_at_the_edges_of_the_file() {
    let src = journey();
    let old = parse(&src, FileId(0));
    for (at, len, with) in [
        (0, 0, "# neu\n"),
        (0, 1, ""),
        (src.len(), 0, "\nphase z \"Z\" {\n}\n"),
        (src.len() - 2, 2, ""),
        (0, src.len(), "phase a \"A\" {\n}\n"),
        (0, src.len(), ""),
    ] {
        if at == src.len() {
            assert!(
                try_reparse(&old, &src, &edit(&src, at, len, with), FileId(0)).is_some(),
                "appending reuses"
            );
        }
        let new = edit(&src, at, len, with);
        assert_same(
            &reparse(&old, &src, &new, FileId(0)),
            &parse(&new, FileId(0)),
            &format!("{at}+{len} -> {with:?}"),
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// One random edit anywhere (most of them reuse the definitions the
    /// edit does not touch; those that break the syntax parse again).
    #[test]
    fn one_edit_reparses_like_a_full_parse(
        at in 0usize..7_000,
        len in prop_oneof![Just(0usize), 0usize..4, 0usize..200],
        what in 0..INSERTS.len(),
    ) {
        let src = journey();
        let old = parse(&src, FileId(0));
        let new = edit(&src, at, len, INSERTS[what]);
        let expected = parse(&new, FileId(0));
        assert_same(&reparse(&old, &src, &new, FileId(0)), &expected, "edit");
        if expected.diagnostics.is_empty() && len < 4 && what < 2 {
            // A letter typed or a few bytes deleted without breaking
            // anything: only the touched definition is parsed again.
            prop_assert!(try_reparse(&old, &src, &new, FileId(0)).is_some());
        }
    }

    /// Chains of edits, each re-parsed from the previous result, so that
    /// a wrongly moved span would be carried on and caught.
    #[test]
    fn chains_of_edits_never_drift(
        edits in prop::collection::vec((0usize..7_000, 0usize..6, 0..INSERTS.len()), 1..16),
    ) {
        let mut text = journey();
        let mut current = parse(&text, FileId(0));
        for (i, (at, len, what)) in edits.into_iter().enumerate() {
            let next = edit(&text, at, len, INSERTS[what]);
            let incremental = reparse(&current, &text, &next, FileId(0));
            assert_same(&incremental, &parse(&next, FileId(0)), &format!("edit {i}"));
            text = next;
            current = incremental;
        }
    }
}
