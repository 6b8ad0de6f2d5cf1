//! The articles in every message and help text are right: "not an
//! importance", never "not a importance".
//!
//! The texts are read from the corpus annotations, which the `corpus` test
//! keeps equal to what the checker reports for every case, so every code's
//! wording with its real values is covered.

use std::path::{Path, PathBuf};

/// Words whose first letter misleads: a vowel letter with a consonant
/// sound ("a unit") or a consonant letter with a vowel sound ("an hour").
const SOUNDS_LIKE_CONSONANT: &[&str] = &[
    "one",
    "once",
    "unit",
    "unique",
    "universal",
    "url",
    "usage",
    "use",
    "used",
    "user",
    "usual",
    "utf",
    "utf-8",
    "utf-16",
    "euro",
    "european",
];
const SOUNDS_LIKE_VOWEL: &[&str] = &["hour", "honest", "html", "sms", "svg", "xlsx", "faq", "mba"];

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus")
}

fn journey_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            journey_files(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| e == "journey" || e == "toml")
        {
            out.push(path);
        }
    }
}

/// The message and help texts of a file's annotations.
fn texts(src: &str) -> Vec<String> {
    src.lines()
        .filter_map(|line| {
            let rest = line.trim_start().strip_prefix('#')?.trim_start();
            if let Some(help) = rest.strip_prefix("= help:") {
                return Some(help.trim().to_string());
            }
            let rest = rest.trim_start_matches(['^', ' ', '-']);
            let (head, message) = rest.split_once("]: ")?;
            ["error[", "warning[", "info[", "hint["]
                .iter()
                .any(|s| head.starts_with(s))
                .then(|| message.to_string())
        })
        .collect()
}

/// The wrong articles in `text`: "a" before a vowel sound, "an" before a
/// consonant sound. Words in backticks count as written (`` a `ja` ``).
fn wrong_articles(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = Vec::new();
    for pair in words.windows(2) {
        let article = pair[0].to_ascii_lowercase();
        if article != "a" && article != "an" {
            continue;
        }
        let next = pair[1]
            .trim_start_matches(['`', '"', '(', '\'', '“', '„'])
            .to_lowercase();
        let bare = next.trim_end_matches(|c: char| !c.is_alphanumeric());
        let Some(first) = bare.chars().next() else {
            continue;
        };
        let vowel_sound = if SOUNDS_LIKE_CONSONANT.contains(&bare) {
            false
        } else if SOUNDS_LIKE_VOWEL.contains(&bare) {
            true
        } else {
            "aeiouäöü".contains(first)
        };
        if !first.is_alphabetic() {
            continue;
        }
        if vowel_sound != (article == "an") {
            out.push(format!("{} {}", pair[0], pair[1]));
        }
    }
    out
}

#[test]
fn every_message_has_the_right_articles() {
    let mut files = Vec::new();
    journey_files(&corpus(), &mut files);
    files.sort();
    let mut checked = 0;
    let mut wrong = Vec::new();
    for file in &files {
        // Lossy: one case is about bytes that are no UTF-8.
        let src = String::from_utf8_lossy(&std::fs::read(file).unwrap()).into_owned();
        for text in texts(&src) {
            checked += 1;
            for w in wrong_articles(&text) {
                wrong.push(format!("{}: {w:?} in {text:?}", file.display()));
            }
        }
    }
    assert!(checked > 300, "only {checked} texts read from the corpus");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_article_test_sees_the_mistakes() {
    assert_eq!(
        wrong_articles("`hoch` is not a importance"),
        ["a importance"]
    );
    assert_eq!(
        wrong_articles("add an owner to an touchpoint"),
        ["an touchpoint"]
    );
    assert!(wrong_articles("not an importance; a unit; an hour; a `ja`").is_empty());
    assert!(wrong_articles("expects a number, an id or a date").is_empty());
}
