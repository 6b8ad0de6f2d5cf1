//! Numbers and dates written the German (or English) way: each is one
//! error with a fix that writes the intended value, `fmt` leaves such a
//! file alone, and `export` never writes a number other than the one that
//! was meant.

use serde_json::Value;
use std::path::Path;

mod common;
use common::{journeyc, stderr, stdout, temp_dir};

/// `journeyc check --format json FILE` in `dir`: the diagnostics.
fn check_json(dir: &Path, file: &str) -> Vec<Value> {
    let out = journeyc(&["check", "--no-config", "--format", "json", file], dir);
    let v: Value = serde_json::from_str(&stdout(&out)).expect("JSON report");
    v["diagnostics"].as_array().cloned().unwrap_or_default()
}

/// One statement per case: (the statement, the code, the fixes' new texts).
const CASES: &[(&str, &str, &[&str])] = &[
    (
        "kpi visits \"Besucher\" target 20.000 unit \"pro Monat\"",
        "J0109",
        &["20000"],
    ),
    ("kpi a \"A\" target 1.500", "J0109", &["1500"]),
    ("kpi b \"B\" target 1.234.567", "J0109", &["1234567"]),
    ("kpi c \"C\" target 20.000,50", "J0109", &["20000.50"]),
    ("kpi d \"D\" target 20,000.50", "J0109", &["20000.50"]),
    ("kpi e \"E\" target 1,234,567", "J0109", &["1234567"]),
    ("kpi f \"F\" target 4,5", "J0109", &["4.5"]),
    ("kpi g \"G\" target 4,5%", "J0109", &["4.5 unit \"%\""]),
    ("kpi h \"H\" target 4,5% unit \"%\"", "J0109", &["4.5"]),
    ("kpi i \"I\" target 1,500", "J0109", &["1.5", "1500"]),
    ("kpi j \"J\" target 31.12.2027", "J0110", &["2027-12-31"]),
];

fn phase_with(statements: &[&str]) -> String {
    let mut src = String::from("phase p \"P\" {\n  message \"Numbers\"\n");
    for s in statements {
        src.push_str("  ");
        src.push_str(s);
        src.push('\n');
    }
    src.push_str("}\n");
    src
}

#[test]
fn each_german_number_is_one_error_whose_fix_writes_the_intended_value() {
    let dir = temp_dir("german-numbers");
    let statements: Vec<&str> = CASES.iter().map(|c| c.0).collect();
    let src = phase_with(&statements);
    std::fs::write(dir.join("n.journey"), &src).unwrap();
    let diags = check_json(&dir, "n.journey");
    for (i, (stmt, code, fixes)) in CASES.iter().enumerate() {
        let line = i as u64 + 3;
        let on_line: Vec<&Value> = diags
            .iter()
            .filter(|d| d["start"]["line"] == line && d["severity"] == "error")
            .collect();
        assert_eq!(on_line.len(), 1, "`{stmt}`: {on_line:#?}");
        let d = on_line[0];
        assert_eq!(d["code"], *code, "`{stmt}`");
        let texts: Vec<&str> = d["fixes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["edits"][0]["new_text"].as_str().unwrap())
            .collect();
        assert_eq!(texts, *fixes, "`{stmt}`");
    }

    // Applying the first fix of each makes the file clean, and the export
    // holds the intended values.
    let mut fixed = src.clone();
    let mut edits: Vec<(usize, usize, String)> = diags
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            let e = &d["fixes"][0]["edits"][0];
            (
                e["start"]["offset"].as_u64().unwrap() as usize,
                e["end"]["offset"].as_u64().unwrap() as usize,
                e["new_text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    for (start, end, text) in edits {
        fixed.replace_range(start..end, &text);
    }
    std::fs::write(dir.join("n.journey"), &fixed).unwrap();
    let after = check_json(&dir, "n.journey");
    assert!(
        after.iter().all(|d| d["severity"] != "error"),
        "{fixed}\n{after:#?}"
    );
    let out = journeyc(&["export", "--no-config", "-f", "json", "n.journey"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let kpis = v["phases"][0]["kpis"].as_array().unwrap();
    let target = |id: &str| kpis.iter().find(|k| k["id"] == id).unwrap()["target"].as_f64();
    assert_eq!(target("visits"), Some(20000.0));
    assert_eq!(target("a"), Some(1500.0));
    assert_eq!(target("b"), Some(1234567.0));
    assert_eq!(target("c"), Some(20000.5));
    assert_eq!(target("f"), Some(4.5));
    assert_eq!(target("g"), Some(4.5));
    assert_eq!(target("i"), Some(1.5));
    let g = kpis.iter().find(|k| k["id"] == "g").unwrap();
    assert_eq!(g["unit"], "%");
}

#[test]
fn scores_and_dates_the_german_way() {
    let dir = temp_dir("german-scores-dates");
    let src = "phase p \"P\" {\n  message \"M\"\n  touchpoint t \"T\" {\n    expectation 4,5\n    experience 3.000\n  }\n}\n\
               goal a \"A\" {\n  metric \"M\" current 1.500 target 2000 by 31.12.27\n}\n\
               goal b \"B\" {\n  metric \"M\" current 1 target 2 by 2027-02-30\n}\n\
               goal c \"C\" {\n  metric \"M\" current 1 target 2 by 2026-02-29\n}\n\
               goal d \"D\" {\n  metric \"M\" current 1 target 2 by 2027-13-01\n}\n";
    std::fs::write(dir.join("s.journey"), src).unwrap();
    let diags = check_json(&dir, "s.journey");
    let errors: Vec<(u64, String, Vec<String>)> = diags
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            (
                d["start"]["line"].as_u64().unwrap(),
                d["code"].as_str().unwrap().to_string(),
                d["fixes"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|f| f["edits"][0]["new_text"].as_str().unwrap().to_string())
                    .collect(),
            )
        })
        .collect();
    let e = |line: u64, code: &str, fixes: &[&str]| {
        (
            line,
            code.to_string(),
            fixes.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        )
    };
    assert_eq!(
        errors,
        vec![
            // A score is read as a decimal number: 3.000 is three.
            e(4, "J0109", &["4.5"]),
            e(5, "J0109", &["3"]),
            e(9, "J0109", &["1500"]),
            e(9, "J0110", &["2027-12-31"]),
            // Days that do not exist: no guessed fix.
            e(12, "J0111", &[]),
            e(15, "J0111", &[]),
            e(18, "J0111", &[]),
        ],
        "{diags:#?}"
    );
    // No follow-up findings: no score out of range, no metric without a value.
    assert!(
        !diags
            .iter()
            .any(|d| d["code"] == "J0307" || d["code"] == "J0409"),
        "{diags:#?}"
    );
    let by = diags
        .iter()
        .find(|d| d["code"] == "J0111")
        .expect("invalid date");
    assert_eq!(
        by["message"],
        "`2027-02-30` is not a date: February 2027 has 28 days"
    );
}

#[test]
fn fmt_leaves_a_file_with_german_numbers_unchanged() {
    let dir = temp_dir("german-fmt");
    let src =
        "phase p \"P\" {\n    kpi visits \"Besucher\"   target 20.000 unit \"pro Monat\"\n}\n";
    let path = dir.join("f.journey");
    std::fs::write(&path, src).unwrap();
    for args in [&["fmt", "--check", "f.journey"][..], &["fmt", "f.journey"]] {
        let out = journeyc(args, &dir);
        assert_ne!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("J0109"), "{args:?}: {}", stderr(&out));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), src, "{args:?}");
    }
}

/// A small deterministic generator of number literals: digits with dots
/// and commas in every arrangement people type.
fn literals() -> Vec<String> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |n: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n
    };
    let mut out = Vec::new();
    for _ in 0..400 {
        let mut s = String::new();
        if next(5) == 0 {
            s.push('-');
        }
        let groups = 1 + next(4);
        for g in 0..groups {
            if g > 0 {
                s.push(if next(2) == 0 { '.' } else { ',' });
            }
            let longest = if next(2) == 0 { 3 } else { 5 };
            let len = 1 + next(longest);
            for _ in 0..len {
                s.push(char::from(b'0' + next(10) as u8));
            }
        }
        out.push(s);
    }
    out
}

/// What a literal must mean if it is accepted: digits with at most one
/// decimal point, read as a decimal number.
fn strict_value(literal: &str) -> Option<f64> {
    let body = literal.strip_prefix('-').unwrap_or(literal);
    let ok = !body.contains(',') && body.matches('.').count() <= 1;
    ok.then(|| literal.parse().ok()).flatten()
}

#[test]
fn export_never_writes_a_misread_number() {
    let dir = temp_dir("german-export");
    let literals = literals();
    let statements: Vec<String> = literals
        .iter()
        .enumerate()
        .map(|(i, l)| format!("kpi k{i} \"K\" target {l}"))
        .collect();
    let refs: Vec<&str> = statements.iter().map(String::as_str).collect();
    std::fs::write(dir.join("all.journey"), phase_with(&refs)).unwrap();

    // The whole file has errors: export refuses and writes nothing.
    let out = journeyc(
        &["export", "--no-config", "-f", "json", "all.journey"],
        &dir,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(out.stdout.is_empty());

    // Each literal is either refused on its own line, or accepted with the
    // value a decimal point reading gives it; `20.000` is never accepted.
    let diags = check_json(&dir, "all.journey");
    let refused = |i: usize| {
        diags
            .iter()
            .any(|d| d["severity"] == "error" && d["start"]["line"] == i as u64 + 3)
    };
    let accepted: Vec<(usize, &String)> = literals
        .iter()
        .enumerate()
        .filter(|(i, _)| !refused(*i))
        .collect();
    assert!(accepted.len() > 50, "{} accepted", accepted.len());
    assert!(accepted.len() < literals.len(), "some are refused");
    let kept: Vec<&str> = accepted
        .iter()
        .map(|(i, _)| statements[*i].as_str())
        .collect();
    std::fs::write(dir.join("ok.journey"), phase_with(&kept)).unwrap();
    let out = journeyc(&["export", "--no-config", "-f", "json", "ok.journey"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let kpis = v["phases"][0]["kpis"].as_array().unwrap();
    assert_eq!(kpis.len(), accepted.len());
    for ((_, literal), kpi) in accepted.iter().zip(kpis) {
        let expected = strict_value(literal)
            .unwrap_or_else(|| panic!("`{literal}` accepted but not a plain number"));
        assert_eq!(kpi["target"].as_f64(), Some(expected), "`{literal}`");
        // A dot before exactly three digits after a group of one to three
        // is a German thousands separator as often as a decimal point.
        let body = literal.trim_start_matches('-');
        if let Some((int, frac)) = body.split_once('.') {
            assert!(
                !(frac.len() == 3 && (1..=3).contains(&int.len()) && !int.starts_with('0')),
                "`{literal}` is ambiguous but was accepted"
            );
        }
    }
}
