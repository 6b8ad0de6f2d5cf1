//! A real editor as the client: headless Neovim opens a file of an example
//! workspace, receives diagnostics, hovers over a persona and jumps to its
//! definition (tests/lsp/nvim.lua). Skipped when `nvim` is not installed,
//! except in CI (`CI=true`), where a missing Neovim fails the test.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

fn nvim() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join("nvim"))
        .find(|p| p.is_file())
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn neovim_gets_diagnostics_hovers_and_jumps_to_a_definition() {
    let Some(nvim) = nvim() else {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("nvim is not installed but CI=true: install the Debian package `neovim`");
        }
        eprintln!("skipped: nvim is not installed");
        return;
    };
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let example = manifest.join("../../examples/b2b-saas");
    let dir = tempfile::tempdir().unwrap();
    let root = std::fs::canonicalize(dir.path()).unwrap().join("b2b-saas");
    copy_dir(&example, &root);
    // One mistake, so that there is something to report: a misspelt persona.
    let awareness = root.join("phases/awareness.journey");
    let text = std::fs::read_to_string(&awareness).unwrap();
    assert!(text.contains("serves owner_operator, office_manager"));
    std::fs::write(
        &awareness,
        text.replacen(
            "serves owner_operator, office_manager",
            "serves owner_operator, ofice_manager",
            1,
        ),
    )
    .unwrap();
    let result = dir.path().join("result.txt");
    let script = manifest.join("tests/lsp/nvim.lua");
    let mut child = Command::new(&nvim)
        .args(["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c"])
        .arg(format!("luafile {}", script.display()))
        .env("JOURNEYC_BIN", env!("CARGO_BIN_EXE_journeyc"))
        .env("JOURNEY_ROOT", &root)
        .env("JOURNEY_RESULT", &result)
        .env("XDG_STATE_HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path())
        .spawn()
        .expect("start nvim");
    let deadline = Instant::now() + Duration::from_secs(90);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("nvim did not finish within 90 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let report = std::fs::read_to_string(&result).unwrap_or_default();
    eprintln!("{report}");
    assert!(
        status.success() && report.starts_with("ok\n"),
        "nvim failed ({status}):\n{report}"
    );
    assert!(
        report.contains("diagnostic J0304") && report.contains("ofice_manager"),
        "{report}"
    );
    assert!(
        report.contains("hover **persona** `owner_operator`")
            && report.contains("hover Role: Owner and managing director"),
        "{report}"
    );
    assert!(
        report.contains("definition personas.journey:")
            && report.contains("persona owner_operator"),
        "{report}"
    );
}
