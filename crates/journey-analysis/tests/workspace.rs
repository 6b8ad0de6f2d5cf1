//! The workspace as the language server uses it: buffers set in memory,
//! imports read from disk without replacing a buffer, caches dropped on
//! every change.

use journey_analysis::{load, Config, Workspace};
use journey_diagnostics::Sources;
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("journey-ws-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::canonicalize(&dir).unwrap()
}

fn codes(ws: &Workspace) -> Vec<&'static str> {
    ws.diagnostics().iter().map(|d| d.code).collect()
}

#[test]
fn imports_are_read_from_disk_but_never_replace_a_buffer() {
    let dir = temp("imports");
    std::fs::create_dir_all(dir.join("shared")).unwrap();
    std::fs::write(
        dir.join("shared/personas.journey"),
        "persona on_disk \"D\" {\n  evidence \"x\"\n}\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("other.journey"),
        "import \"shared/personas.journey\"\n",
    )
    .unwrap();
    let main = dir.join("main.journey");
    let mut ws = Workspace::new();
    // The editor has main.journey open, unsaved.
    ws.set_file(
        main.clone(),
        "main.journey".into(),
        "import \"shared/personas.journey\"\nimport \"other.journey\"\nimport \"missing.journey\"\n".into(),
    );
    // …and an unsaved version of other.journey that imports nothing.
    ws.set_file(
        dir.join("other.journey"),
        "other.journey".into(),
        String::new(),
    );
    // Without a root (an in-memory workspace) nothing is read from disk.
    assert!(ws
        .load_imports(&|p: &Path| load::display_path(p))
        .is_empty());
    ws.add_import_root(&dir);
    let loaded = ws.load_imports(&|p: &Path| load::display_path(p));
    assert_eq!(loaded.len(), 1, "only the personas file is read");
    assert_eq!(ws.len(), 3);
    let other = ws.file_id(&dir.join("other.journey")).unwrap();
    assert_eq!(
        &*ws.file(other).unwrap().source.text,
        "",
        "the buffer stays"
    );
    let m = ws.model();
    assert_eq!(m.personas.len(), 1);
    assert_eq!(m.personas[0].head.id(), "on_disk");
    // The missing file is a finding at the import, not an I/O error.
    assert_eq!(codes(&ws), vec!["J0301"]);
    // Loading again reads nothing new.
    assert!(ws
        .load_imports(&|p: &Path| load::display_path(p))
        .is_empty());
}

#[test]
fn caches_are_dropped_on_every_change() {
    let mut ws = Workspace::new();
    let path = PathBuf::from("/mem/a.journey");
    ws.set_file(
        path.clone(),
        "a.journey".into(),
        "persona p \"P\" {\n}\n".into(),
    );
    let first = ws.analysis();
    assert!(Arc::ptr_eq(&first, &ws.analysis()), "cached");
    assert_eq!(codes(&ws), vec!["J0418"]);

    let mut config = Config::default();
    config
        .set_level(
            "persona-without-evidence",
            journey_diagnostics::Level::Allow,
        )
        .unwrap();
    ws.set_config(config, "");
    assert!(codes(&ws).is_empty(), "the configuration applies at once");

    ws.set_file(
        path.clone(),
        "a.journey".into(),
        "persona p \"P\" {\n}\npersona p \"Q\" {\n}\n".into(),
    );
    assert_eq!(codes(&ws), vec!["J0305"]);
    ws.remove_file(&path);
    assert!(codes(&ws).is_empty());
    assert!(ws.model().personas.is_empty());
}

#[test]
fn journey_toml_is_a_file_of_the_workspace_for_rendering() {
    let dir = temp("toml");
    std::fs::write(dir.join("journey.toml"), "[checks]\nnope = \"deny\"\n").unwrap();
    std::fs::write(
        dir.join("a.journey"),
        "persona p \"P\" {\n  evidence \"x\"\n}\n",
    )
    .unwrap();
    let loaded = load::load_workspace(&[], Config::discover(&dir), &|p: &Path| {
        p.file_name().unwrap().to_string_lossy().into_owned()
    });
    let ws = loaded.workspace;
    assert_eq!(ws.len(), 1, "journey.toml is not a journey file");
    let ds = ws.diagnostics();
    assert_eq!(ds.len(), 1);
    assert_eq!(Some(ds[0].file()), ws.config_file());
    assert_eq!(ws.source(ds[0].file()).unwrap().path, "journey.toml");
    assert_eq!(ws.config().format.indent, 2);
}

/// A workspace that keeps its text facts between analyses (as the
/// language server does) reports exactly what a fresh workspace reports
/// for the same files, edit after edit, and forgets texts that are gone.
#[test]
fn kept_text_facts_never_change_a_finding() {
    let original = journey_workload::file(40_000, journey_workload::Options::default());
    // Edits that change copy, claims, register and languages of texts.
    let edits: &[(&str, &str)] = &[
        ("Sie", "du"),
        ("30", "14"),
        ("Kleine Teams", "Große Konzerne"),
        ("the", "a"),
        ("Jederzeit", "Garantiert immer"),
    ];
    let path = PathBuf::from("/kept/big.journey");
    let mut kept = Workspace::new();
    kept.keep_text_facts();
    let mut text = original.clone();
    let mut seen = std::collections::HashSet::new();
    for (round, (from, to)) in edits.iter().chain(edits.iter().rev()).enumerate() {
        let (from, to) = if round < edits.len() {
            (from, to)
        } else {
            (to, from)
        };
        text = text.replacen(from, to, 3);
        kept.set_file(path.clone(), "big.journey".into(), text.clone());
        let mut fresh = Workspace::new();
        fresh.set_file(path.clone(), "big.journey".into(), text.clone());
        assert_eq!(
            kept.diagnostics(),
            fresh.diagnostics(),
            "after edit {round}"
        );
        assert!(!kept.text_cache().expect("kept").is_empty());
        seen.insert(format!("{:?}", fresh.diagnostics()));
    }
    assert!(seen.len() > 2, "the edits change the findings");
    // Texts of earlier versions are gone after the next analysis.
    let cache_len = kept.text_cache().expect("kept").len();
    let words_len = kept.text_cache().expect("kept").words_len();
    kept.set_file(path.clone(), "big.journey".into(), String::new());
    kept.diagnostics();
    assert!(cache_len > 0 && words_len > 0);
    assert_eq!(
        kept.text_cache().expect("kept").len(),
        0,
        "nothing left to remember"
    );
    assert_eq!(
        kept.text_cache().expect("kept").words_len(),
        0,
        "no word of a forgotten text is kept"
    );
}
