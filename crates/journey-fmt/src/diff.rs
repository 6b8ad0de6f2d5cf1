//! `journeyc fmt --diff`: what formatting changes, as a unified diff.

use journey_diagnostics::escape::{escape_line, escape_text};

/// A unified diff (`--- a/path`, `+++ b/path`, three lines of context).
/// Control characters of the file are shown escaped, as everywhere on the
/// terminal; `color` adds ANSI colours.
pub fn unified_diff(old: &str, new: &str, shown: &str, color: bool) -> String {
    // Patience anchors on the lines both versions share once, so a long
    // list rewrapped into many lines is a small diff in a big file; the
    // deadline bounds the worst case (a valid, less minimal diff after it).
    let diff = similar::TextDiff::configure()
        .algorithm(similar::Algorithm::Patience)
        .timeout(std::time::Duration::from_secs(2))
        .diff_lines(old, new);
    let shown = escape_line(shown);
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{shown}"), &format!("b/{shown}"))
        .to_string();
    let text = escape_text(&text).into_owned();
    if !color {
        return text;
    }
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for line in text.split_inclusive('\n') {
        let code = if line.starts_with("+++") || line.starts_with("---") {
            "1"
        } else if line.starts_with('+') {
            "32"
        } else if line.starts_with('-') {
            "31"
        } else if line.starts_with("@@") {
            "36"
        } else {
            ""
        };
        if code.is_empty() {
            out.push_str(line);
        } else {
            let body = line.strip_suffix('\n').unwrap_or(line);
            out.push_str(&format!("\x1b[{code}m{body}\x1b[0m"));
            if line.ends_with('\n') {
                out.push('\n');
            }
        }
    }
    out
}
