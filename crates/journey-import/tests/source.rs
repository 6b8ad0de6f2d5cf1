//! Document → `.journey` source → document: every example comes back
//! with the same export (locations aside) and the same findings.

use journey_analysis::{load, Config, Workspace};
use journey_export::Document;
use journey_import::source;
use std::path::{Path, PathBuf};

fn examples() -> PathBuf {
    std::fs::canonicalize(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")).unwrap()
}

/// The export's JSON without what says where things are written: the
/// source files and every `location`. The findings are sorted: the
/// checker reports them in file order, and the generated files divide
/// the definitions differently than the examples do.
pub fn comparable(doc: &Document) -> serde_json::Value {
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                m.remove("location");
                m.remove("files");
                for (_, v) in m.iter_mut() {
                    strip(v);
                }
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v: serde_json::Value = serde_json::from_str(&journey_export::json(doc)).unwrap();
    strip(&mut v);
    if let Some(serde_json::Value::Array(f)) = v.get_mut("findings") {
        f.sort_by_key(|x| x.to_string());
    }
    v
}

#[test]
fn every_example_survives_document_to_source() {
    let config = Config::load(&examples().join("journey.toml"));
    let mut names: Vec<PathBuf> = std::fs::read_dir(examples())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    names.sort();
    assert!(names.len() >= 4);
    for path in names {
        let loaded =
            load::load_workspace(std::slice::from_ref(&path), config.clone(), &|p: &Path| {
                p.display().to_string()
            });
        let ws = loaded.workspace;
        let diags = ws.diagnostics();
        let before = Document::build(&ws, &diags);
        for lang in [
            journey_export::sheet::Lang::En,
            journey_export::sheet::Lang::De,
        ] {
            let files = source::files(&before, "test", lang).unwrap();
            let mut back = Workspace::new();
            for f in &files {
                // Inside the examples' workspace (imports stay inside
                // it); nothing is written there.
                back.set_file(
                    examples().join("imported").join(&f.name),
                    f.name.clone(),
                    f.text.clone(),
                );
            }
            back.set_config(config.clone(), "journey.toml");
            let diags_back = back.diagnostics();
            let after = Document::build(&back, &diags_back);
            if comparable(&after) != comparable(&before) {
                let dump = |v: &serde_json::Value| serde_json::to_string_pretty(v).unwrap();
                std::fs::write("/tmp/sx/before.json", dump(&comparable(&before))).ok();
                std::fs::write("/tmp/sx/after.json", dump(&comparable(&after))).ok();
            }
            assert_eq!(
                comparable(&after),
                comparable(&before),
                "{}: {}",
                path.display(),
                files
                    .iter()
                    .map(|f| format!("--- {}\n{}", f.name, f.text))
                    .collect::<String>()
            );
            let findings = |d: &[journey_diagnostics::Diagnostic]| {
                let mut v: Vec<String> = d
                    .iter()
                    .map(|d| format!("{:?} {} {}", d.severity, d.code, d.message))
                    .collect();
                v.sort();
                v
            };
            assert_eq!(
                findings(&diags_back),
                findings(&diags),
                "{}",
                path.display()
            );
        }
    }
}
