//! The properties the fuzz targets check, as plain functions: `fuzz/`
//! runs them on generated inputs, and `cargo test` replays every input
//! that ever broke one (`tests/fuzz-regressions/`).

use journey_analysis::Workspace;
use journey_diagnostics::FileId;
use journey_fmt::{check_equivalent, format, FormatError, FormatOptions};
use std::path::PathBuf;

/// Decoding and parsing any bytes never panics; every diagnostic span lies
/// inside the text, on character boundaries; and parsing in parallel runs
/// (forced here for small inputs; the default split only big files) gives
/// exactly the result of parsing in one piece; so does re-parsing after an
/// edit. (The typed views read the tree and the text, so equal trees are
/// equal views.)
pub fn parse_never_fails(data: &[u8]) {
    let (text, _) = journey_syntax::decode_source(data.to_vec(), FileId(0));
    let parse = journey_syntax::parse_split(&text, FileId(0), usize::MAX, usize::MAX);
    let split = journey_syntax::parse_split(&text, FileId(0), 1, 2);
    assert_eq!(split.tree, parse.tree, "split parse: tree");
    assert_eq!(
        split.diagnostics, parse.diagnostics,
        "split parse: diagnostics"
    );
    // An edit — the middle third of the text cut out and put at the end —
    // re-parsed from the old parse equals a full parse of the new text.
    let (a, b) = (text.len() / 3, 2 * text.len() / 3);
    if text.is_char_boundary(a) && text.is_char_boundary(b) {
        let edited = format!("{}{}{}", &text[..a], &text[b..], &text[a..b]);
        let full = journey_syntax::parse(&edited, FileId(0));
        let again = journey_syntax::reparse(&parse, &text, &edited, FileId(0));
        assert_eq!(again.tokens(), full.tokens(), "reparse: tokens");
        assert_eq!(again.tree, full.tree, "reparse: tree");
        assert_eq!(again.diagnostics, full.diagnostics, "reparse: diagnostics");
    }
    for d in &parse.diagnostics {
        let span = d.span();
        assert!(
            span.start <= span.end && span.end as usize <= text.len(),
            "{d:?}"
        );
        assert!(
            text.is_char_boundary(span.start as usize) && text.is_char_boundary(span.end as usize),
            "{d:?} splits a character"
        );
    }
}

/// The whole analysis of a one-file workspace (model, checks, lints) never
/// panics, whatever the text.
pub fn check_never_fails(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut ws = Workspace::new();
    ws.set_file(
        PathBuf::from("/fuzz/a.journey"),
        "a.journey".into(),
        text.to_string(),
    );
    let _ = ws.diagnostics();
}

/// Whatever the formatter accepts, it formats without changing tokens or
/// comments, and formatting again changes nothing.
pub fn format_is_safe(data: &[u8]) {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let options = FormatOptions::default();
    match format(src, &options) {
        Ok(once) => {
            if let Err(v) = check_equivalent(src, &once) {
                panic!("formatting changed the meaning: {v:?}");
            }
            let twice = format(&once, &options).expect("formatted output formats again");
            assert_eq!(once, twice, "formatting is not idempotent");
        }
        Err(FormatError::Syntax(_)) => {}
        Err(e) => panic!("internal formatter error: {e}"),
    }
}
