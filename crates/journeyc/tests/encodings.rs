//! Files saved as UTF-16 or UTF-32 are one clear error (J0003), whichever
//! command reads them, and are never rewritten; a UTF-8 byte-order mark is
//! fine.

mod common;

use common::{journeyc, repo, stderr, stdout, temp_dir};
use std::path::Path;

/// Every encoding with and without its byte-order mark.
fn encodings(text: &str) -> Vec<(&'static str, &'static str, Vec<u8>)> {
    let utf16 = |big: bool| -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| {
                if big {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect()
    };
    let utf32 = |big: bool| -> Vec<u8> {
        text.chars()
            .flat_map(|c| {
                if big {
                    (c as u32).to_be_bytes()
                } else {
                    (c as u32).to_le_bytes()
                }
            })
            .collect()
    };
    vec![
        (
            "le16",
            "UTF-16 LE",
            [&[0xFF, 0xFE][..], &utf16(false)].concat(),
        ),
        (
            "be16",
            "UTF-16 BE",
            [&[0xFE, 0xFF][..], &utf16(true)].concat(),
        ),
        ("le16-nobom", "UTF-16 LE", utf16(false)),
        ("be16-nobom", "UTF-16 BE", utf16(true)),
        (
            "le32",
            "UTF-32 LE",
            [&[0xFF, 0xFE, 0, 0][..], &utf32(false)].concat(),
        ),
        (
            "be32",
            "UTF-32 BE",
            [&[0, 0, 0xFE, 0xFF][..], &utf32(true)].concat(),
        ),
        ("le32-nobom", "UTF-32 LE", utf32(false)),
        ("be32-nobom", "UTF-32 BE", utf32(true)),
    ]
}

fn example() -> String {
    std::fs::read_to_string(repo().join("examples/b2b-saas/phases/awareness.journey")).unwrap()
}

#[test]
fn a_utf16_or_utf32_file_is_one_error_with_a_way_out() {
    let dir = temp_dir("encodings-check");
    // The example itself imports a file; only the UTF-16 one is checked.
    let text = example().replace("import \"../personas.journey\"", "");
    for (name, encoding, bytes) in encodings(&text) {
        let file = format!("{name}.journey");
        std::fs::write(dir.join(&file), &bytes).unwrap();
        let out = journeyc(&["check", &file, "--format", "json"], &dir);
        assert_eq!(out.status.code(), Some(1), "{name}: {}", stderr(&out));
        let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        let findings = report["diagnostics"].as_array().unwrap();
        assert_eq!(findings.len(), 1, "{name}: one finding, not one per letter");
        let d = &findings[0];
        assert_eq!(d["code"], "J0003");
        assert_eq!(d["start"]["line"], 1);
        assert!(
            d["message"].as_str().unwrap().contains(encoding),
            "{name}: {}",
            d["message"]
        );
        let help = d["help"].as_str().unwrap();
        assert!(
            help.contains("Save with Encoding") && help.contains("UTF-8"),
            "{help}"
        );

        let out = journeyc(&["check", &file, "--color", "never"], &dir);
        let text = stdout(&out);
        assert!(text.len() < 2_000, "{name}: a short report: {text}");
        assert!(
            text.contains("[J0003]") && text.contains("1 error in 1 file"),
            "{text}"
        );
    }
}

#[test]
fn no_command_reads_or_rewrites_a_utf16_file() {
    let dir = temp_dir("encodings-commands");
    let text = example().replace("import \"../personas.journey\"", "");
    std::fs::write(
        dir.join("ok.journey"),
        "persona p \"P\" {\n  evidence \"x\"\n}\n",
    )
    .unwrap();
    for (name, _, bytes) in encodings(&text) {
        let file = format!("{name}.journey");
        std::fs::write(dir.join(&file), &bytes).unwrap();
        for args in [
            &["fmt", file.as_str()][..],
            &["fmt", "--check", file.as_str()],
            &["lint", file.as_str()],
            &["export", "--format", "json", file.as_str()],
        ] {
            let out = journeyc(args, &dir);
            let what = args.join(" ");
            assert_ne!(out.status.code(), Some(0), "{what}");
            assert!(
                stderr(&out).contains("[J0003]") || stdout(&out).contains("[J0003]"),
                "{what}"
            );
            assert!(stdout(&out).len() < 2_000, "{what}");
            assert_eq!(
                std::fs::read(dir.join(&file)).unwrap(),
                bytes,
                "{what}: untouched"
            );
        }
        let out = journeyc(&["diff", &file, "ok.journey"], &dir);
        assert_eq!(out.status.code(), Some(2), "diff {name}");
        assert!(stderr(&out).contains("[J0003]"), "{}", stderr(&out));
        std::fs::remove_file(dir.join(&file)).unwrap();
    }
}

#[test]
fn an_imported_utf16_file_is_reported_once() {
    let dir = temp_dir("encodings-import");
    let personas =
        std::fs::read_to_string(repo().join("examples/b2b-saas/personas.journey")).unwrap();
    let (_, _, bytes) = encodings(&personas).remove(0);
    std::fs::create_dir(dir.join("phases")).unwrap();
    std::fs::write(dir.join("personas.journey"), bytes).unwrap();
    std::fs::write(dir.join("phases/awareness.journey"), example()).unwrap();
    let out = journeyc(&["check", "--format", "short"], &dir);
    let text = stdout(&out);
    let wide: Vec<&str> = text.lines().filter(|l| l.contains("J0003")).collect();
    assert_eq!(
        wide,
        vec!["personas.journey:1:1: error[J0003]: the file is encoded as UTF-16 LE, not as UTF-8; it was not read"],
        "{text}"
    );
}

#[test]
fn a_utf8_byte_order_mark_is_accepted() {
    let dir = temp_dir("encodings-bom");
    let text = "persona p \"P\" {\n  evidence \"5 Interviews\"\n}\n";
    std::fs::write(
        dir.join("a.journey"),
        [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
    )
    .unwrap();
    let out = journeyc(&["check", "a.journey"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("no problems in 1 file"));
}

#[test]
fn a_utf16_table_is_refused_by_import_csv() {
    let dir = temp_dir("encodings-csv");
    let csv = "kind,id,title\npersona,p,P\n";
    for (name, encoding, bytes) in encodings(csv) {
        let file = format!("{name}.csv");
        std::fs::write(dir.join(&file), bytes).unwrap();
        let out = journeyc(&["import", "csv", &file, "-o", "out"], &dir);
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(
            stderr(&out).contains(&format!("is {encoding} text, not UTF-8"))
                && stderr(&out).contains("CSV UTF-8"),
            "{}",
            stderr(&out)
        );
        assert!(!Path::new(&dir.join("out")).exists());
    }
}

#[test]
fn explain_tells_how_to_save_as_utf8() {
    let out = journeyc(&["explain", "J0003"], &repo());
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.contains("utf16-or-utf32") && text.contains("Save with Encoding"),
        "{text}"
    );
}
