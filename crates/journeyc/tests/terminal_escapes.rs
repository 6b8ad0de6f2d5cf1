//! Control characters and bidirectional marks from the input never reach
//! the terminal raw: `ESC ]0;…BEL` would set the window title, `ESC [2J`
//! clear the screen, a bidi override make a line read differently from
//! what it is. Every human-facing output shows them escaped (`\u{1b}`),
//! with positions and carets where they belong.

mod common;

use common::{journeyc, temp_dir};
use std::path::Path;
use std::process::Output;

/// One of each kind: C0 controls, DEL, C1 controls, bidirectional
/// embeddings, overrides, isolates and marks, the line separator.
const CHARS: &[char] = &[
    '\u{0}', '\u{7}', '\u{8}', '\u{b}', '\u{1b}', '\u{7f}', '\u{85}', '\u{9b}', '\u{202a}',
    '\u{202e}', '\u{2066}', '\u{2069}', '\u{200e}', '\u{200f}', '\u{61c}', '\u{2028}',
];

fn escaped(c: char) -> String {
    format!("\\u{{{:x}}}", c as u32)
}

/// Everything the process wrote, both streams.
fn all_output(o: &Output) -> Vec<u8> {
    [o.stdout.as_slice(), o.stderr.as_slice()].concat()
}

/// Whether `bytes` hold `c` raw.
fn holds(bytes: &[u8], c: char) -> bool {
    let mut buf = [0; 4];
    let needle = c.encode_utf8(&mut buf).as_bytes();
    bytes.windows(needle.len()).any(|w| w == needle)
}

/// A journey with `c` inside a string, and an error (`bogus`) after it on
/// the same line.
fn source_with(c: char) -> String {
    format!(
        "journey j \"J\" {{\n  phases p\n}}\nphase p \"P\" {{\n  question \"a{c}]0;PWNED{c}[2J b\" bogus\n}}\n"
    )
}

/// The 1-based column of `bogus` in the file, counted in characters.
fn bogus_column(src: &str) -> usize {
    let line = src.lines().nth(4).unwrap();
    line[..line.find("bogus").unwrap()].chars().count() + 1
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

#[test]
fn check_never_writes_them_raw_in_any_human_format() {
    let dir = temp_dir("escapes-check");
    for &c in CHARS {
        let src = source_with(c);
        write(&dir, "x.journey", &src);
        for format in ["human", "short", "github"] {
            let out = journeyc(
                &["check", "x.journey", "--format", format, "--color", "never"],
                &dir,
            );
            let bytes = all_output(&out);
            assert!(
                !holds(&bytes, c),
                "{format}: U+{:04X} written raw:\n{}",
                c as u32,
                String::from_utf8_lossy(&bytes)
            );
            // The excerpt shows the string (the short formats only name
            // the place).
            assert!(
                format != "human" || String::from_utf8_lossy(&bytes).contains(&escaped(c)),
                "{format}: U+{:04X} not shown escaped:\n{}",
                c as u32,
                String::from_utf8_lossy(&bytes)
            );
        }
        // In colour, journeyc's own colour codes are the only escapes.
        let out = journeyc(&["check", "x.journey", "--color", "always"], &dir);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(!text.contains("\u{1b}]0;"), "a title sequence:\n{text}");
        assert!(
            !text.contains("\u{1b}[2J"),
            "a clear-screen sequence:\n{text}"
        );
        if c != '\u{1b}' {
            assert!(!holds(&out.stdout, c), "U+{:04X} raw in colour", c as u32);
        }
    }
}

#[test]
fn positions_and_carets_stay_on_the_character_they_mean() {
    let dir = temp_dir("escapes-carets");
    for &c in CHARS {
        let src = source_with(c);
        write(&dir, "x.journey", &src);
        let col = bogus_column(&src);
        let short = journeyc(&["check", "x.journey", "--format", "short"], &dir);
        let short = String::from_utf8_lossy(&short.stdout).into_owned();
        let place = format!("x.journey:5:{col}: error[J0205]");
        assert!(short.contains(&place), "U+{:04X}: {short}", c as u32);

        let human = journeyc(&["check", "x.journey", "--color", "never"], &dir);
        let human = String::from_utf8_lossy(&human.stdout).into_owned();
        // The report of `bogus` names the file's line and column …
        let report = human
            .split("[J0205]")
            .nth(1)
            .unwrap_or_else(|| panic!("U+{:04X}: no J0205 in\n{human}", c as u32));
        assert!(
            report.contains(&format!("x.journey:5:{col} ")),
            "U+{:04X}: header column\n{report}",
            c as u32
        );
        // … and the underline starts under the `b` of `bogus`.
        let lines: Vec<&str> = report.lines().collect();
        let shown = lines
            .iter()
            .position(|l| l.contains("bogus") && l.contains("question"))
            .unwrap_or_else(|| panic!("U+{:04X}: no excerpt\n{report}", c as u32));
        let excerpt: Vec<char> = lines[shown].chars().collect();
        let under: Vec<char> = lines[shown + 1].chars().collect();
        let b = lines[shown][..lines[shown].find("bogus").unwrap()]
            .chars()
            .count();
        assert!(
            matches!(under.get(b), Some('─' | '┬')) && !matches!(under.get(b - 1), Some('─' | '┬')),
            "U+{:04X}: the underline does not start under `bogus`:\n{}\n{}",
            c as u32,
            excerpt.iter().collect::<String>(),
            under.iter().collect::<String>()
        );
    }
}

#[test]
fn characters_outside_strings_and_lone_carriage_returns() {
    let dir = temp_dir("escapes-outside");
    for c in CHARS.iter().copied().chain(['\r']) {
        let src = format!("persona p \"P\" {{\n  evidence \"x\"\n}}\n{c}[2J\n");
        write(&dir, "x.journey", &src);
        for format in ["human", "short", "github"] {
            let out = journeyc(
                &["check", "x.journey", "--format", format, "--color", "never"],
                &dir,
            );
            assert!(
                !holds(&all_output(&out), c),
                "{format}: U+{:04X} raw:\n{}",
                c as u32,
                String::from_utf8_lossy(&all_output(&out))
            );
        }
    }
}

#[test]
fn a_nul_in_a_string_is_a_syntax_error_with_its_place() {
    let dir = temp_dir("escapes-nul");
    write(
        &dir,
        "x.journey",
        "persona p \"P\" {\n  evidence \"5 inter\0views\u{0}\"\n}\n",
    );
    let out = journeyc(&["check", "x.journey", "--format", "short"], &dir);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    let nul: Vec<&str> = text.lines().filter(|l| l.contains("J0004")).collect();
    assert_eq!(
        nul,
        vec!["x.journey:2:20: error[J0004]: a NUL character (U+0000) in a string"],
        "{text}"
    );
    // Written as an escape it is the same error.
    write(
        &dir,
        "x.journey",
        "persona p \"P\" {\n  evidence \"5 \\u{0}\"\n}\n",
    );
    let out = journeyc(&["check", "x.journey", "--format", "short"], &dir);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("x.journey:2:15: error[J0004]"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn json_and_sarif_escape_them_and_keep_the_text() {
    let dir = temp_dir("escapes-json");
    for &c in CHARS {
        let src = source_with(c).replace(" bogus", "");
        let src = src.replace("question", "bogus_keyword");
        write(&dir, "x.journey", &src);
        for format in ["json", "sarif"] {
            let out = journeyc(&["check", "x.journey", "--format", format], &dir);
            assert!(!holds(&out.stdout, c), "{format}: U+{:04X} raw", c as u32);
            let _: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
        }
    }
}

#[test]
fn diff_shows_them_escaped() {
    let dir = temp_dir("escapes-diff");
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::create_dir_all(dir.join("b")).unwrap();
    let phase = |message: &str| {
        format!(
            "journey j \"J\" {{\n  phases p\n}}\nphase p \"P\" {{\n  message \"{message}\"\n}}\n"
        )
    };
    write(&dir.join("a"), "x.journey", &phase("Hallo"));
    for &c in CHARS.iter().filter(|c| **c != '\u{0}') {
        // Once raw, once written as an escape in the string.
        for message in [
            format!("Hallo {c}]0;PWNED{c}[2J"),
            format!("Hallo {}[2J", escaped(c)),
        ] {
            write(&dir.join("b"), "x.journey", &phase(&message));
            for format in ["human", "markdown", "json"] {
                let out = journeyc(
                    &["diff", "a", "b", "--format", format, "--color", "never"],
                    &dir,
                );
                assert_eq!(out.status.code(), Some(1), "{format}");
                let bytes = all_output(&out);
                assert!(
                    !holds(&bytes, c),
                    "{format}: U+{:04X} raw:\n{}",
                    c as u32,
                    String::from_utf8_lossy(&bytes)
                );
            }
        }
    }
    // Prose is compared without control characters; marks that stay are
    // shown escaped.
    write(&dir.join("b"), "x.journey", &phase("Hallo \u{202e}evil"));
    let out = journeyc(&["diff", "a", "b", "--color", "never"], &dir);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("+ \"Hallo \\u{202e}evil\""),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn explain_and_error_messages_do_not_echo_them() {
    let dir = temp_dir("escapes-explain");
    for &c in CHARS.iter().filter(|c| **c != '\u{0}') {
        let query = format!("{c}[2J{c}]0;PWNED");
        let out = journeyc(&["explain", &query], &dir);
        assert_eq!(out.status.code(), Some(2));
        assert!(!holds(&all_output(&out), c), "explain: U+{:04X}", c as u32);
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(&escaped(c)),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        // A path that does not exist, named on the command line.
        let missing = format!("no{c}such.journey");
        for args in [&["check", missing.as_str()][..], &["fmt", missing.as_str()]] {
            let out = journeyc(args, &dir);
            assert!(!holds(&all_output(&out), c), "{args:?}: U+{:04X}", c as u32);
        }
    }
}

#[cfg(unix)]
#[test]
fn file_names_with_them_are_shown_escaped() {
    let dir = temp_dir("escapes-paths");
    std::fs::create_dir_all(dir.join("d")).unwrap();
    for &c in CHARS.iter().filter(|c| **c != '\u{0}') {
        let _ = std::fs::remove_dir_all(dir.join("d"));
        std::fs::create_dir_all(dir.join("d")).unwrap();
        let name = format!("x{c}[2J.journey");
        // Unformatted on purpose, with a finding.
        write(&dir.join("d"), &name, "persona  p \"P\" {\n}\n");
        for args in [
            &["check", "d", "--format", "short"][..],
            &["check", "d", "--color", "never"],
            &["check", "d", "--format", "github"],
            &["fmt", "--check", "d"],
            &["fmt", "--diff", "d", "--color", "never"],
        ] {
            let out = journeyc(args, &dir);
            let bytes = all_output(&out);
            assert!(
                !holds(&bytes, c),
                "{args:?}: U+{:04X} raw:\n{}",
                c as u32,
                String::from_utf8_lossy(&bytes)
            );
            assert!(
                String::from_utf8_lossy(&bytes).contains(&escaped(c)),
                "{args:?}: {}",
                String::from_utf8_lossy(&bytes)
            );
        }
    }
}

#[test]
fn fmt_diff_shows_control_characters_of_the_file_escaped() {
    let dir = temp_dir("escapes-fmt");
    write(
        &dir,
        "x.journey",
        "persona  p \"P \u{1b}]0;PWNED\u{7}\" {\n  evidence \"x\u{202e}y\"\n}\n",
    );
    let out = journeyc(&["fmt", "--diff", "x.journey", "--color", "never"], &dir);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        !holds(&out.stdout, '\u{1b}') && !holds(&out.stdout, '\u{202e}'),
        "{text}"
    );
    assert!(
        text.contains("\\u{1b}]0;PWNED\\u{7}") && text.contains("\\u{202e}"),
        "{text}"
    );
}
