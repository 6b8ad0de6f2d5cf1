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
/// exactly the result of parsing in one piece.
pub fn parse_never_fails(data: &[u8]) {
    let (text, _) = journey_syntax::decode_source(data.to_vec(), FileId(0));
    let parse = journey_syntax::parse_split(&text, FileId(0), usize::MAX, usize::MAX);
    let split = journey_syntax::parse_split(&text, FileId(0), 1, 2);
    assert_eq!(split.tree, parse.tree, "split parse: tree");
    assert_eq!(split.ast, parse.ast, "split parse: typed tree");
    assert_eq!(
        split.diagnostics, parse.diagnostics,
        "split parse: diagnostics"
    );
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
