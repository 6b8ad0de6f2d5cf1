//! Named pipes, sockets and devices are never read: reading a named pipe
//! waits for a writer forever. In a folder they are skipped with a warning;
//! named on the command line (or as journey.toml, an import, a CSV table)
//! they are an error. Every command runs under a hang guard: a child still
//! running after `GUARD` is killed and the test fails.

#![cfg(unix)]

mod common;

use common::{repo, temp_dir};
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Far above what any of these commands needs; only a hang reaches it.
const GUARD: Duration = Duration::from_secs(20);

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `journeyc ARGS` in `dir`, killing it if it is still running after
/// [`GUARD`].
fn run(args: &[&str], dir: &Path) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_journeyc"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("JOURNEYC_COLOR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("journeyc starts");
    // Read the pipes on threads so that a full pipe cannot stall the child.
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let out = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        s
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("waitable") {
            break status;
        }
        if started.elapsed() > GUARD {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "`journeyc {}` hangs (killed after {GUARD:?})",
                args.join(" ")
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.join().expect("reader")).into_owned(),
        stderr: String::from_utf8_lossy(&err.join().expect("reader")).into_owned(),
    }
}

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs")
        .success();
    assert!(ok, "mkfifo {}", path.display());
}

/// A Unix socket file at `path` (the listener may go; the file stays).
fn socket(path: &Path) {
    std::os::unix::net::UnixListener::bind(path).expect("socket");
}

/// A folder `d` with one valid journey, a named pipe `x.journey` and a
/// socket `s.journey`.
fn folder(name: &str) -> std::path::PathBuf {
    let dir = temp_dir(name);
    std::fs::create_dir(dir.join("d")).unwrap();
    std::fs::copy(
        repo().join("examples/subscription-loop/spoke.journey"),
        dir.join("d/spoke.journey"),
    )
    .unwrap();
    mkfifo(&dir.join("d/x.journey"));
    socket(&dir.join("d/s.journey"));
    dir
}

fn assert_skipped(r: &Run, what: &str) {
    assert!(
        r.stderr
            .contains("warning: skipped `d/x.journey`: a named pipe (FIFO)"),
        "{what}: {}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("warning: skipped `d/s.journey`: a socket"),
        "{what}: {}",
        r.stderr
    );
}

#[test]
fn special_files_in_a_folder_are_skipped_with_a_warning() {
    let dir = folder("special-walk");
    for args in [
        &["check", "d"][..],
        &["check", "d", "--format", "json"],
        &["lint", "d"],
        &["export", "--format", "json", "d"],
        &["fmt", "--check", "d"],
        &["fmt", "d"],
        &["diff", "d", "d"],
    ] {
        let r = run(args, &dir);
        let what = args.join(" ");
        assert_skipped(&r, &what);
        assert_eq!(r.code, 0, "{what}: {}{}", r.stdout, r.stderr);
    }
    // The valid file was still read.
    let r = run(&["check", "d", "--format", "short"], &dir);
    assert!(r.stdout.contains("in 1 file"), "{}", r.stdout);
}

#[test]
fn special_files_in_a_workspace_are_skipped_with_a_warning() {
    let dir = folder("special-workspace");
    std::fs::write(dir.join("journey.toml"), "").unwrap();
    for args in [&["check"][..], &["check", "d"], &["lint"]] {
        let r = run(args, &dir);
        let what = args.join(" ");
        assert_skipped(&r, &what);
        assert_eq!(r.code, 0, "{what}: {}{}", r.stdout, r.stderr);
    }
}

#[test]
fn a_special_file_named_on_the_command_line_is_an_error() {
    let dir = folder("special-named");
    for (file, kind) in [
        ("d/x.journey", "a named pipe (FIFO)"),
        ("d/s.journey", "a socket"),
        ("/dev/null", "a character device"),
    ] {
        for args in [
            &["check", file][..],
            &["lint", file],
            &["export", "--format", "json", file],
            &["fmt", "--check", file],
            &["fmt", file],
            &["diff", file, "d/spoke.journey"],
        ] {
            let r = run(args, &dir);
            let what = args.join(" ");
            assert_eq!(r.code, 2, "{what}: {}{}", r.stdout, r.stderr);
            assert!(
                r.stderr
                    .contains(&format!("`{file}`: {kind}, not a regular file")),
                "{what}: {}",
                r.stderr
            );
        }
    }
}

#[test]
fn an_import_of_a_named_pipe_is_reported_not_read() {
    let dir = temp_dir("special-import");
    mkfifo(&dir.join("x.journey"));
    std::fs::write(
        dir.join("a.journey"),
        "import \"x.journey\"\njourney j \"J\" {\n  phases p\n}\nphase p \"P\" {\n}\n",
    )
    .unwrap();
    for args in [&["check", "a.journey", "--format", "short"][..], &["check"]] {
        let r = run(args, &dir);
        assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
        assert!(
            r.stdout.contains(
                "a.journey:1:8: error[J0301]: the imported file `x.journey` is a named pipe (FIFO), not a regular file"
            ) || r.stdout.contains("the imported file `x.journey` is a named pipe (FIFO)"),
            "{}",
            r.stdout
        );
    }
}

#[test]
fn a_named_pipe_as_journey_toml_or_csv_table_is_an_error() {
    let dir = temp_dir("special-config");
    std::fs::write(
        dir.join("a.journey"),
        "journey j \"J\" {\n  phases p\n}\nphase p \"P\" {\n}\n",
    )
    .unwrap();
    mkfifo(&dir.join("journey.toml"));
    let r = run(&["check", "a.journey", "--format", "short"], &dir);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout
            .contains("journey.toml:1:1: error[J0601]: cannot read")
            && r.stdout.contains("a named pipe (FIFO), not a regular file"),
        "{}",
        r.stdout
    );
    let r = run(&["check", "--config", "journey.toml", "a.journey"], &dir);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("cannot read `journey.toml`: a named pipe (FIFO), not a regular file"),
        "{}",
        r.stderr
    );
    mkfifo(&dir.join("table.csv"));
    let r = run(&["import", "csv", "table.csv", "-o", "out"], &dir);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("cannot read `table.csv`: a named pipe (FIFO), not a regular file"),
        "{}",
        r.stderr
    );
    assert!(!dir.join("out").exists(), "nothing written");
}
