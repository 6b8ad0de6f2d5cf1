use super::*;

fn fmt(src: &str) -> String {
    fmt_with(src, &FormatOptions::default())
}

fn fmt_with(src: &str, opts: &FormatOptions) -> String {
    let out = format(src, opts).unwrap_or_else(|e| panic!("{e}\n{src}"));
    check_equivalent(src, &out).unwrap_or_else(|v| panic!("{v}\n--- in\n{src}\n--- out\n{out}"));
    assert_eq!(format(&out, opts).unwrap(), out, "not idempotent");
    out
}

#[test]
fn indents_blocks_and_normalises_spacing() {
    let src = "persona   p \"P\"{\nrole    \"Buyer\"\n      evidence \"5\"\n   empathy {\n says \"x\"\n}\n}";
    assert_eq!(
        fmt(src),
        "persona p \"P\" {\n  role \"Buyer\"\n  evidence \"5\"\n  empathy {\n    says \"x\"\n  }\n}\n"
    );
}

#[test]
fn splits_semicolons_onto_lines() {
    let src = "persona p \"P\" { role \"Buyer\"; evidence \"5 interviews\" }\n";
    assert_eq!(
        fmt(src),
        "persona p \"P\" {\n  role \"Buyer\"\n  evidence \"5 interviews\"\n}\n"
    );
}

#[test]
fn empty_blocks_are_closed_on_the_same_line() {
    assert_eq!(fmt("persona p {\n\n}\n"), "persona p {}\n");
    assert_eq!(fmt("persona p { ; }"), "persona p {}\n");
    assert_eq!(fmt("persona p { # later\n}"), "persona p { # later\n}\n");
    assert_eq!(
        fmt("persona p {\n   # later\n}"),
        "persona p {\n  # later\n}\n"
    );
}

#[test]
fn blank_lines_collapse_and_vanish_at_the_edges() {
    let src =
        "\n\n\npersona p {\n\n\n  role \"a\"\n\n\n\n  evidence \"b\"\n  needs \"c\"\n\n}\n\n\n";
    assert_eq!(
        fmt(src),
        "persona p {\n  role \"a\"\n\n  evidence \"b\"\n  needs \"c\"\n}\n"
    );
}

#[test]
fn exactly_one_blank_line_between_definitions() {
    let src = "import \"a.journey\"\nimport \"b.journey\"\n\n\nimport \"c.journey\"\npersona a {}\npersona b {}\n\n\n\n# about c\n\n\npersona c {}\n";
    assert_eq!(
        fmt(src),
        "import \"a.journey\"\nimport \"b.journey\"\n\nimport \"c.journey\"\n\npersona a {}\n\npersona b {}\n\n# about c\n\npersona c {}\n"
    );
    // A comment right after a block is separated from it, too.
    assert_eq!(
        fmt("persona a {}\n# about b\npersona b {}"),
        "persona a {}\n\n# about b\npersona b {}\n"
    );
}

#[test]
fn comments_keep_their_places() {
    let src = "# leading comment\npersona founder \"Sabine\" { # after the brace\n  # own line\n  needs \"a\", # inside a list\n        \"b\"\n  evidence \"12 interviews\"     # trailing   \n} # after the block\n# closing comment\n";
    assert_eq!(
        fmt(src),
        "# leading comment\npersona founder \"Sabine\" { # after the brace\n  # own line\n  needs \"a\", # inside a list\n    \"b\"\n  evidence \"12 interviews\" # trailing\n} # after the block\n# closing comment\n"
    );
}

#[test]
fn own_line_comment_inside_a_list() {
    let src = "persona p {\n  needs \"a\",\n\n  # the second\n      \"b\", \"c\"\n}\n";
    assert_eq!(
        fmt(src),
        "persona p {\n  needs \"a\",\n    # the second\n    \"b\",\n    \"c\"\n}\n"
    );
}

#[test]
fn comment_after_a_semicolon_trails_the_statement_before() {
    assert_eq!(
        fmt("persona p { role \"a\"; # r\n evidence \"b\" }"),
        "persona p {\n  role \"a\" # r\n  evidence \"b\"\n}\n"
    );
}

#[test]
fn lists_that_fit_are_joined() {
    let src = "journey j {\n    phases awareness, information,\n        purchase,\n   loyalty\n}\n";
    assert_eq!(
        fmt(src),
        "journey j {\n  phases awareness, information, purchase, loyalty\n}\n"
    );
}

#[test]
fn long_lists_wrap_one_item_per_line() {
    let opts = FormatOptions {
        line_width: 40,
        indent: 2,
    };
    let src = "persona p {\n  needs \"less manual work\", \"campaigns she can measure\", \"one tool\"\n  channels a, b\n}\n";
    assert_eq!(
        fmt_with(src, &opts),
        "persona p {\n  needs \"less manual work\",\n    \"campaigns she can measure\",\n    \"one tool\"\n  channels a, b\n}\n"
    );
    // Exactly at the width: fits.
    let line = "  channels aaaaaaaaaa, bbbbbbbbbb, cccc";
    assert_eq!(line.len(), 39);
    let src = format!("persona p {{\n{line}\n}}\n");
    let opts = FormatOptions {
        line_width: 39,
        indent: 2,
    };
    assert_eq!(fmt_with(&src, &opts), src);
    let opts = FormatOptions {
        line_width: 38,
        indent: 2,
    };
    assert!(fmt_with(&src, &opts).contains("aaaaaaaaaa,\n    bbbbbbbbbb,\n    cccc\n"));
}

#[test]
fn wide_characters_count_double() {
    let opts = FormatOptions {
        line_width: 20,
        indent: 2,
    };
    // 2 + "says " + "\"🎉🎉🎉\", " … : the emoji push it over 20 columns.
    let src = "persona p {\n  empathy {\n    says \"🎉🎉🎉\", \"x\"\n  }\n}\n";
    assert!(fmt_with(src, &opts).contains("\"🎉🎉🎉\",\n      \"x\""));
    let src = "persona p {\n  empathy {\n    says \"äöü\", \"x\"\n  }\n}\n";
    assert!(fmt_with(src, &opts).contains("says \"äöü\", \"x\""));
}

#[test]
fn indent_is_configurable() {
    let opts = FormatOptions {
        line_width: 100,
        indent: 4,
    };
    assert_eq!(
        fmt_with("goal g {\nactor a {\nimpact i \"x\" {\nvia t\n}\n}\n}", &opts),
        "goal g {\n    actor a {\n        impact i \"x\" {\n            via t\n        }\n    }\n}\n"
    );
}

#[test]
fn text_blocks_are_kept_byte_for_byte() {
    let src = "journey j \"J\" {\n      description \"\"\"\n    She said: \"We need numbers\".   \n\tZweite Zeile 🎉\n        \"\"\"    # note\n}\n";
    assert_eq!(
        fmt(src),
        "journey j \"J\" {\n  description \"\"\"\n    She said: \"We need numbers\".   \n\tZweite Zeile 🎉\n        \"\"\" # note\n}\n"
    );
}

#[test]
fn strings_keep_escapes_and_spacing() {
    let src = "persona p \"  two  spaces \\\"q\\\" \\u{1F600} \" {}\n";
    assert_eq!(fmt(src), src);
}

#[test]
fn arrows_and_clauses_get_single_spaces() {
    assert_eq!(
        fmt("journey j {\n loop   loyalty->awareness\n}\ngoal g {\n  metric \"ARR\"   current 1   target 2 by    2027-06-30\n}"),
        "journey j {\n  loop loyalty -> awareness\n}\n\ngoal g {\n  metric \"ARR\" current 1 target 2 by 2027-06-30\n}\n"
    );
}

#[test]
fn crlf_files_stay_crlf() {
    let src = "persona p {\r\n\r\n\r\n  role \"a\"\r\n   evidence \"b\" # c  \r\n}\r\n";
    assert_eq!(
        fmt(src),
        "persona p {\r\n  role \"a\"\r\n  evidence \"b\" # c\r\n}\r\n"
    );
    // The first line break decides.
    assert_eq!(
        fmt("persona p {\n role \"a\"\r\n}\r\n"),
        "persona p {\n  role \"a\"\n}\n"
    );
}

#[test]
fn final_newline_and_empty_files() {
    assert_eq!(fmt(""), "");
    assert_eq!(fmt("\n\n  \n"), "");
    assert_eq!(fmt("# only a comment"), "# only a comment\n");
    assert_eq!(fmt("import \"a.journey\""), "import \"a.journey\"\n");
}

#[test]
fn byte_order_mark_is_kept() {
    assert_eq!(fmt("\u{FEFF}persona p {}"), "\u{FEFF}persona p {}\n");
}

#[test]
fn refuses_files_with_syntax_errors() {
    for src in [
        "persona p {\n  role \"open\n}\n",
        "persona p {\n  needs \"a\",\n}\n",
        "persona p {\n",
        "}\n",
        "persona p { % }\n",
        "persona p {\n  role \"Buyer\"\n",
    ] {
        match format(src, &FormatOptions::default()) {
            Err(FormatError::Syntax(diags)) => assert!(!diags.is_empty(), "{src}"),
            other => panic!("{src:?} gave {other:?}"),
        }
    }
}

#[test]
fn minimal_edit_covers_only_the_change() {
    assert_eq!(minimal_edit("abc", "abc"), None);
    assert_eq!(minimal_edit("a  b", "a b"), Some((2..3, "")));
    assert_eq!(minimal_edit("ab", "aXb"), Some((1..1, "X")));
    assert_eq!(minimal_edit("aXXb", "aXb"), Some((2..3, "")));
    // Never splits a character: "ä" and "ö" share their first byte.
    let (range, text) = minimal_edit("xä", "xö").unwrap();
    assert_eq!((range, text), (1..3, "ö"));
    let old = "persona p {role \"a\"}";
    let new = format(old, &FormatOptions::default()).unwrap();
    let (range, text) = minimal_edit(old, &new).unwrap();
    let mut patched = old.to_string();
    patched.replace_range(range, text);
    assert_eq!(patched, new);
}

#[test]
fn the_harness_notices_a_dropped_comment() {
    let src = "persona p \"P\" { # one\n  role \"a\" # two\n  # three\n  needs \"x\", # four\n    \"y\"\n} # five\n";
    let opts = FormatOptions::default();
    let comments = [
        ("# one", 1),
        ("# two", 2),
        ("# three", 3),
        ("# four", 4),
        ("# five", 6),
    ];
    for (n, (comment, line)) in comments.into_iter().enumerate() {
        printer::DROP_COMMENT.with(|c| c.set(Some(n)));
        let broken = format(src, &opts).unwrap();
        printer::DROP_COMMENT.with(|c| c.set(None));
        assert!(!broken.contains(comment), "{broken}");
        let v = check_equivalent(src, &broken).expect_err("a dropped comment must be noticed");
        assert!(v.message.contains(comment), "{v}");
        assert_eq!(v.line, line, "{v}");
    }
    // The same input formatted without the hook passes.
    check_equivalent(src, &format(src, &opts).unwrap()).unwrap();
}

#[test]
fn the_harness_notices_a_comment_that_moved_lines() {
    let src = "persona p {\n  role \"a\" # two\n}\n";
    let moved = "persona p {\n  role \"a\"\n  # two\n}\n";
    let v = check_equivalent(src, moved).unwrap_err();
    assert!(v.message.contains("now stands on its own line"), "{v}");
}

#[test]
fn the_harness_notices_changed_structure_and_text() {
    let src = "persona p {\n  needs \"a\", \"b\"\n}\n";
    assert!(check_equivalent(src, "persona p {\n  needs \"a\"\n  \"b\"\n}\n").is_err());
    assert!(check_equivalent(src, "persona p {\n  needs \"a\", \"B\"\n}\n").is_err());
    assert!(check_equivalent(src, "persona p {\n  needs \"a\",\n}\n").is_err());
    assert!(check_equivalent(src, "persona p {\n  needs \"a\",\n    \"b\"\n}\n").is_ok());
}

#[test]
fn format_verified_returns_what_the_formatter_makes_when_it_is_safe() {
    let src = "persona   p \"P\"{ role \"Buyer\"; evidence \"5\" }\n# end\n";
    let parse = journey_syntax::parse(src, FileId(0));
    let opts = FormatOptions::default();
    assert_eq!(
        format_verified(src, &parse, &opts).unwrap(),
        format(src, &opts).unwrap()
    );
    assert_eq!(
        format_text_verified(src, &opts).unwrap(),
        format(src, &opts).unwrap()
    );
    // Already canonical: the same text comes back.
    let canonical = format(src, &opts).unwrap();
    assert_eq!(format_text_verified(&canonical, &opts).unwrap(), canonical);
}

#[test]
fn the_safety_net_refuses_a_result_that_changes_more_than_layout() {
    let src = "persona p \"P\" {\n  role \"Buyer\"\n}\n";
    let broken = [
        // A token changed, a token added, a comment moved, a token lost.
        "persona p \"P\" {\n  role \"Seller\"\n}\n",
        "persona p \"P\" {\n  role \"Buyer\"\n}\n# new\n",
        "persona p \"P\" {\n  role \"Buyer\"\n}",
        "persona p \"P\" {\n}\n",
    ];
    for (i, b) in broken.iter().enumerate() {
        let r = verify(src, b.to_string());
        if i == 2 {
            // Only the final line break differs: layout.
            assert_eq!(r.unwrap(), *b);
            continue;
        }
        let e = r.expect_err(b);
        assert!(matches!(e, FormatError::NotEquivalent(_)), "{e:?}");
        let msg = e.refusal("a.journey");
        assert!(
            msg.starts_with("`a.journey` was left unchanged: formatting would change more than the layout (line "),
            "{msg}"
        );
        assert!(msg.ends_with("this is a bug in journeyc fmt"), "{msg}");
    }
    assert_eq!(verify(src, src.to_string()).unwrap(), src);
}

#[test]
fn refusals_name_the_file() {
    let e = format_text_verified("persona p {\n  role \"x\n}\n", &FormatOptions::default())
        .unwrap_err();
    assert!(matches!(e, FormatError::Syntax(_)));
    assert_eq!(
        e.refusal("b.journey"),
        "`b.journey` has syntax errors and was not formatted; fix them first"
    );
    assert_eq!(
        FormatError::Internal("x".into()).refusal("c.journey"),
        "`c.journey` was left unchanged: internal formatter error: x"
    );
    assert_eq!(
        config_refusal("journey.toml"),
        "`journey.toml` has errors; the files it governs are not formatted until they are fixed"
    );
}
