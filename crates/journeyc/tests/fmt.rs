//! `journeyc fmt` end to end: check, diff, stdin, atomic writes, refusals.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

mod common;
use common::{journeyc, repo, stderr, stdout, temp_dir};

fn journeyc_stdin(args: &[&str], dir: &Path, input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_journeyc"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("journeyc runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("journeyc ends")
}

const UNTIDY: &str = "persona p \"P\" { role \"Buyer\"; evidence \"5 interviews\" # why\n}\n";
const TIDY: &str = "persona p \"P\" {\n  role \"Buyer\"\n  evidence \"5 interviews\" # why\n}\n";
const BROKEN: &str = "persona p \"P\" {\n  role \"open\n}\n";

#[test]
fn the_examples_are_formatted() {
    let out = journeyc(&["fmt", "--check", "examples", "--color", "never"], &repo());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(stdout(&out).is_empty());
    assert!(
        stderr(&out).contains("already formatted"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn check_lists_the_files_that_would_change_and_writes_nothing() {
    let dir = temp_dir("check");
    std::fs::write(dir.join("a.journey"), UNTIDY).unwrap();
    std::fs::create_dir(dir.join("sub")).unwrap();
    std::fs::write(dir.join("sub/b.journey"), TIDY).unwrap();
    let out = journeyc(&["fmt", "--check"], &dir);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(stdout(&out), "a.journey\n");
    assert!(
        stderr(&out).contains("1 file not formatted, 1 already formatted"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("a.journey")).unwrap(),
        UNTIDY
    );
}

#[test]
fn diff_shows_a_unified_diff_and_writes_nothing() {
    let dir = temp_dir("diff");
    std::fs::write(dir.join("a.journey"), UNTIDY).unwrap();
    let out = journeyc(&["fmt", "--diff", "a.journey", "--color", "never"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("--- a/a.journey\n+++ b/a.journey\n@@ -1,2 +1,4 @@\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "-persona p \"P\" { role \"Buyer\"; evidence \"5 interviews\" # why\n+persona p \"P\" {\n+  role \"Buyer\"\n"
        ),
        "{text}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("a.journey")).unwrap(),
        UNTIDY
    );
    // With --check as well, the exit code tells CI.
    let out = journeyc(&["fmt", "--diff", "--check", "a.journey"], &dir);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn formatting_rewrites_changed_files_only() {
    let dir = temp_dir("write");
    let a = dir.join("a.journey");
    let b = dir.join("b.journey");
    std::fs::write(&a, UNTIDY).unwrap();
    std::fs::write(&b, TIDY).unwrap();
    let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000);
    let f = std::fs::File::options().write(true).open(&b).unwrap();
    f.set_modified(old).unwrap();
    drop(f);
    let out = journeyc(&["fmt", "."], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&a).unwrap(), TIDY);
    assert!(
        stderr(&out).contains("formatted 1 file, 1 already formatted"),
        "{}",
        stderr(&out)
    );
    // The formatted file was not touched at all.
    assert_eq!(std::fs::metadata(&b).unwrap().modified().unwrap(), old);
    // No temporary files are left behind.
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    // A second run changes nothing.
    let out = journeyc(&["fmt"], &dir);
    assert!(stderr(&out).contains("formatted 0 files, 2 already formatted"));
}

#[cfg(unix)]
#[test]
fn permissions_and_symbolic_links_survive() {
    use std::os::unix::fs::{symlink, PermissionsExt};
    let dir = temp_dir("perms");
    // The workspace: the link and the file it leads to are inside.
    std::fs::write(dir.join("journey.toml"), "").unwrap();
    let real = dir.join("real.journey");
    std::fs::write(&real, UNTIDY).unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
    std::fs::create_dir(dir.join("links")).unwrap();
    symlink(&real, dir.join("links/link.journey")).unwrap();
    let out = journeyc(&["fmt", "links/link.journey"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let link = dir.join("links/link.journey");
    assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
    assert_eq!(std::fs::read_to_string(&real).unwrap(), TIDY);
    let mode = std::fs::metadata(&real).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}

#[test]
fn files_with_syntax_errors_are_refused_and_the_rest_is_formatted() {
    let dir = temp_dir("broken");
    std::fs::write(dir.join("a.journey"), UNTIDY).unwrap();
    std::fs::write(dir.join("broken.journey"), BROKEN).unwrap();
    let out = journeyc(&["fmt", "--color", "never"], &dir);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("J0102"), "{err}");
    assert!(err.contains("broken.journey:2:8"), "{err}");
    assert!(
        err.contains("`broken.journey` has syntax errors and was not formatted"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("broken.journey")).unwrap(),
        BROKEN
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("a.journey")).unwrap(),
        TIDY
    );
}

#[test]
fn invalid_utf8_is_refused() {
    let dir = temp_dir("latin1");
    std::fs::write(dir.join("l.journey"), b"persona j \"J\xf6rg\" {}\n").unwrap();
    let out = journeyc(&["fmt", "--color", "never"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not valid UTF-8"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(dir.join("l.journey")).unwrap(),
        b"persona j \"J\xf6rg\" {}\n"
    );
}

#[test]
fn stdin_is_formatted_to_stdout() {
    let dir = temp_dir("stdin");
    let out = journeyc_stdin(&["fmt", "-"], &dir, UNTIDY);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), TIDY);
    // Already formatted input comes back unchanged.
    let out = journeyc_stdin(&["fmt", "-"], &dir, TIDY);
    assert_eq!(stdout(&out), TIDY);
    // --check on stdin.
    let out = journeyc_stdin(&["fmt", "--check", "-"], &dir, UNTIDY);
    assert_eq!(out.status.code(), Some(1));
    let out = journeyc_stdin(&["fmt", "--check", "-"], &dir, TIDY);
    assert_eq!(out.status.code(), Some(0));
    // Syntax errors: nothing on stdout, diagnostics on stderr.
    let out = journeyc_stdin(&["fmt", "-", "--color", "never"], &dir, BROKEN);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).is_empty());
    assert!(stderr(&out).contains("<stdin>:2:8"), "{}", stderr(&out));
    // `-` stands alone.
    let out = journeyc(&["fmt", "-", "a.journey"], &dir);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn missing_paths_are_usage_errors() {
    let dir = temp_dir("missing");
    let out = journeyc(&["fmt", "nope.journey"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("nope.journey"), "{}", stderr(&out));
    let out = journeyc(&["fmt"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no .journey files"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn journey_toml_sets_width_and_indent() {
    let dir = temp_dir("config");
    std::fs::write(
        dir.join("journey.toml"),
        "[format]\nline_width = 30\nindent = 4\n",
    )
    .unwrap();
    std::fs::create_dir(dir.join("sub")).unwrap();
    let src = "persona p \"P\" {\n  needs \"less manual work\", \"measurable campaigns\"\n}\n";
    std::fs::write(dir.join("sub/a.journey"), src).unwrap();
    // Run from inside the sub folder: the journey.toml above applies.
    let out = journeyc(&["fmt", "a.journey"], &dir.join("sub"));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(dir.join("sub/a.journey")).unwrap(),
        "persona p \"P\" {\n    needs \"less manual work\",\n        \"measurable campaigns\"\n}\n"
    );
    // Standard input takes the configuration of the current folder.
    let out = journeyc_stdin(&["fmt", "-"], &dir, "persona p {\nrole \"x\"\n}\n");
    assert_eq!(stdout(&out), "persona p {\n    role \"x\"\n}\n");
}

#[test]
fn excluded_files_are_skipped_when_searching_folders() {
    let dir = temp_dir("exclude");
    std::fs::write(
        dir.join("journey.toml"),
        "[workspace]\nexclude = [\"drafts/**\"]\n",
    )
    .unwrap();
    std::fs::create_dir(dir.join("drafts")).unwrap();
    std::fs::write(dir.join("drafts/d.journey"), UNTIDY).unwrap();
    std::fs::write(dir.join("a.journey"), UNTIDY).unwrap();
    let out = journeyc(&["fmt", "--check", "."], &dir);
    assert_eq!(stdout(&out), "a.journey\n", "{}", stderr(&out));
    // Named explicitly, an excluded file is formatted.
    let out = journeyc(&["fmt", "--check", "drafts/d.journey"], &dir);
    assert_eq!(stdout(&out), "drafts/d.journey\n", "{}", stderr(&out));
}

#[test]
fn a_broken_journey_toml_stops_formatting() {
    let dir = temp_dir("badconfig");
    std::fs::write(
        dir.join("journey.toml"),
        "[format]\nline_width = \"wide\"\n",
    )
    .unwrap();
    std::fs::write(dir.join("a.journey"), UNTIDY).unwrap();
    let out = journeyc(&["fmt", "--color", "never"], &dir);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("J0601"), "{err}");
    assert!(err.contains("journey.toml:2:"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.join("a.journey")).unwrap(),
        UNTIDY
    );
}

/// A read-only file is reported and skipped; the other files are still
/// formatted, and the run ends with exit 2.
#[cfg(unix)]
#[test]
fn a_read_only_file_is_reported_and_skipped() {
    use common::{chmod, mode};
    let dir = temp_dir("read-only");
    std::fs::write(dir.join("a.journey"), UNTIDY).unwrap();
    std::fs::write(dir.join("ro.journey"), UNTIDY).unwrap();
    std::fs::write(dir.join("z.journey"), UNTIDY).unwrap();
    chmod(&dir.join("ro.journey"), 0o444);
    let out = journeyc(&["fmt", "--color", "never"], &dir);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "error: `ro.journey` is read-only and was not formatted; make it writable (`chmod u+w`) to format it
formatted 2 files, 0 already formatted, 1 with errors
"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("ro.journey")).unwrap(),
        UNTIDY
    );
    assert_eq!(mode(&dir.join("ro.journey")), 0o444);
    assert_eq!(
        std::fs::read_to_string(dir.join("a.journey")).unwrap(),
        TIDY
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("z.journey")).unwrap(),
        TIDY
    );
    assert_eq!(
        common::names(&dir),
        ["a.journey", "ro.journey", "z.journey"]
    );
    // Checking reads it as any other file.
    let out = journeyc(&["fmt", "--check"], &dir);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "ro.journey\n");
}

/// A file with several hard links is rewritten in place: the links stay
/// one file. Owner and group stay too.
#[cfg(unix)]
#[test]
fn hard_links_owner_and_group_survive() {
    use common::{chmod, mode, running_as_root};
    use std::os::unix::fs::MetadataExt;
    let dir = temp_dir("links");
    let a = dir.join("a.journey");
    std::fs::write(&a, UNTIDY).unwrap();
    std::fs::hard_link(&a, dir.join("b.journey")).unwrap();
    let inode = std::fs::metadata(&a).unwrap().ino();
    let out = journeyc(&["fmt", "a.journey"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(dir.join("b.journey")).unwrap(),
        TIDY
    );
    let meta = std::fs::metadata(&a).unwrap();
    assert_eq!((meta.ino(), meta.nlink()), (inode, 2));
    assert_eq!(common::names(&dir), ["a.journey", "b.journey"]);

    if !running_as_root() {
        eprintln!("owner and group: skipped, only root can give a file to another user");
        return;
    }
    let c = dir.join("c.journey");
    std::fs::write(&c, UNTIDY).unwrap();
    std::os::unix::fs::chown(&c, Some(4321), Some(5432)).unwrap();
    chmod(&c, 0o640);
    let out = journeyc(&["fmt", "c.journey"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&c).unwrap(), TIDY);
    let meta = std::fs::metadata(&c).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (4321, 5432));
    assert_eq!(mode(&c), 0o640);
}
