//! The code table in README.md is generated from the rules list
//! (`journey_analysis::rules`), and CI fails when it is out of date:
//!
//!     UPDATE_README=1 cargo test -p journey-analysis --test readme
//!
//! rewrites it, and docs/codes.md (every explanation, where the language
//! server's links point) with it. Other README tables that name a code (the messaging lints'
//! table) must give its name and default level as declared.

use journey_analysis::explain::default_level_name;
use std::path::PathBuf;

const BEGIN: &str = "<!-- begin: codes (generated from the rules; `UPDATE_README=1 cargo test -p journey-analysis --test readme` updates it) -->\n";
const END: &str = "<!-- end: codes -->\n";

fn readme() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../README.md")
}

/// The default level as the table shows it.
fn default_cell(code: &journey_diagnostics::CodeInfo) -> String {
    match default_level_name(code) {
        "off" => "off (opt-in)".to_string(),
        level => level.to_string(),
    }
}

/// The table of every code.
fn table() -> String {
    let mut out = String::from("| code | name | default | summary |\n|---|---|---|---|\n");
    for c in journey_analysis::all_codes() {
        out.push_str(&format!(
            "| {} | `{}` | {} | {} |\n",
            c.code,
            c.name,
            default_cell(c),
            c.summary.replace('|', "\\|")
        ));
    }
    out
}

/// `text` with the region between the markers replaced by `table`.
fn regenerated(text: &str, table: &str) -> String {
    let start = text.find(BEGIN).expect("README.md has the begin marker") + BEGIN.len();
    let end = text[start..]
        .find(END)
        .expect("README.md has the end marker")
        + start;
    format!("{}{table}{}", &text[..start], &text[end..])
}

#[test]
fn the_code_table_is_up_to_date() {
    let path = readme();
    let text = std::fs::read_to_string(&path).unwrap();
    let new = regenerated(&text, &table());
    if new == text {
        return;
    }
    if std::env::var_os("UPDATE_README").is_some() {
        std::fs::write(&path, new).unwrap();
        return;
    }
    // The rows that differ: `-` as written, `+` as declared.
    let removed = text
        .lines()
        .filter(|l| !new.contains(*l))
        .map(|l| format!("- {l}\n"));
    let added = new
        .lines()
        .filter(|l| !text.contains(*l))
        .map(|l| format!("+ {l}\n"));
    panic!(
        "the code table in README.md is out of date; update it with\n\n    \
         UPDATE_README=1 cargo test -p journey-analysis --test readme\n\n{}",
        removed.chain(added).collect::<String>()
    );
}

/// docs/codes.md, where the language server's links point.
#[test]
fn the_code_reference_is_up_to_date() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/codes.md");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let new = journey_analysis::explain::codes_markdown();
    if new == text {
        return;
    }
    if std::env::var_os("UPDATE_README").is_some() {
        std::fs::write(&path, new).unwrap();
        return;
    }
    panic!(
        "docs/codes.md is out of date; update it with\n\n    \
         UPDATE_README=1 cargo test -p journey-analysis --test readme"
    );
}

#[test]
fn other_tables_name_codes_as_declared() {
    let text = std::fs::read_to_string(readme()).unwrap();
    let start = text.find(BEGIN).unwrap();
    let end = text.find(END).unwrap();
    let outside = format!("{}{}", &text[..start], &text[end..]);
    let mut problems = Vec::new();
    for line in outside.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let [_, code, name, default, ..] = cells.as_slice() else {
            continue;
        };
        let Some(c) = journey_analysis::find_code(code) else {
            continue;
        };
        if *name != format!("`{}`", c.name) || *default != default_cell(c) {
            problems.push(format!(
                "{line}\n  declared: `{}` {}",
                c.name,
                default_cell(c)
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
