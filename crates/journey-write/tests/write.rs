//! Writing files: every target checked before anything is written, new
//! files with ordinary permissions, replaced files keeping theirs (and
//! their owner, group and hard links), edits made meanwhile never lost,
//! and transactions that leave everything as it was when they fail.

use journey_write::{write_atomic, ErrorKind, Mode, Snapshot, Transaction, Written};
use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

fn chmod(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

/// The names in `dir`, sorted (temporary files and backups would show).
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap()
}

fn running_as_root() -> bool {
    let dir = tempfile::tempdir().unwrap();
    let probe = dir.path().join("probe");
    fs::write(&probe, "").unwrap();
    fs::metadata(&probe).unwrap().uid() == 0
}

#[test]
fn a_new_file_gets_the_permissions_of_any_new_file_not_0600() {
    let dir = tempfile::tempdir().unwrap();
    // What the umask makes of an ordinary new file (0644 under umask 022).
    let ordinary = dir.path().join("ordinary");
    fs::write(&ordinary, "x").unwrap();
    let expected = mode(&ordinary);

    let path = dir.path().join("new.journey");
    let w = write_atomic(&path, b"new\n", Mode::CreateNew).unwrap();
    assert_eq!(w, Written::Created);
    assert_eq!(read(&path), "new\n");
    assert_eq!(mode(&path), expected);
    let replaced = dir.path().join("replaced.journey");
    write_atomic(&replaced, b"r\n", Mode::Replace).unwrap();
    assert_eq!(mode(&replaced), expected);
    if expected == 0o644 {
        assert_eq!(mode(&path), 0o644);
    }
    assert_eq!(
        names(dir.path()),
        ["new.journey", "ordinary", "replaced.journey"]
    );
}

#[test]
fn a_replaced_file_keeps_its_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.journey");
    fs::write(&path, "old\n").unwrap();
    chmod(&path, 0o640);
    let w = write_atomic(&path, b"new\n", Mode::Replace).unwrap();
    assert_eq!(w, Written::Replaced);
    assert_eq!(read(&path), "new\n");
    assert_eq!(mode(&path), 0o640);
    assert_eq!(names(dir.path()), ["f.journey"]);
}

#[test]
fn create_new_never_replaces_anything() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("f");
    fs::write(&file, "mine").unwrap();
    let e = write_atomic(&file, b"new", Mode::CreateNew).unwrap_err();
    assert!(matches!(e.kind, ErrorKind::Exists), "{e}");
    assert_eq!(
        e.to_string(),
        format!("`{}` exists already", file.display())
    );
    assert_eq!(read(&file), "mine");

    // A link, even a dangling one, is something.
    let link = dir.path().join("link");
    std::os::unix::fs::symlink(dir.path().join("nowhere"), &link).unwrap();
    let e = write_atomic(&link, b"new", Mode::CreateNew).unwrap_err();
    assert!(matches!(e.kind, ErrorKind::Exists), "{e}");
    assert!(!dir.path().join("nowhere").exists());
    assert_eq!(names(dir.path()), ["f", "link"]);
}

#[test]
fn folders_and_special_files_in_the_way_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("phases.journey");
    fs::create_dir(&folder).unwrap();
    let fifo = dir.path().join("pipe.journey");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    let file = dir.path().join("file");
    fs::write(&file, "mine").unwrap();
    for m in [Mode::CreateNew, Mode::Replace] {
        let e = write_atomic(&folder, b"x", m.clone()).unwrap_err();
        assert!(matches!(e.kind, ErrorKind::Folder), "{e}");
        assert!(e.to_string().ends_with("is a folder, not a file"), "{e}");
        let e = write_atomic(&fifo, b"x", m.clone()).unwrap_err();
        assert!(matches!(e.kind, ErrorKind::NotRegular(_)), "{e}");
        assert!(
            e.to_string()
                .ends_with("is a FIFO (named pipe), not a regular file"),
            "{e}"
        );
        let e = write_atomic(&file.join("below"), b"x", m).unwrap_err();
        assert!(
            matches!(&e.kind, ErrorKind::ParentNotFolder(p) if p == &file),
            "{e}"
        );
    }
    assert_eq!(read(&file), "mine");
    assert_eq!(
        names(dir.path()),
        ["file", "phases.journey", "pipe.journey"]
    );
    assert!(names(&folder).is_empty());
}

#[test]
fn a_read_only_file_is_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.journey");
    fs::write(&path, "old\n").unwrap();
    chmod(&path, 0o444);
    let (_, snapshot) = Snapshot::read(&path).unwrap();
    for m in [Mode::Replace, Mode::ReplaceUnchanged(snapshot)] {
        let e = write_atomic(&path, b"new\n", m).unwrap_err();
        assert!(matches!(e.kind, ErrorKind::ReadOnly), "{e}");
        assert_eq!(e.to_string(), format!("`{}` is read-only", path.display()));
    }
    assert_eq!(read(&path), "old\n");
    assert_eq!(mode(&path), 0o444);
    assert_eq!(names(dir.path()), ["f.journey"]);
}

#[test]
fn an_edit_made_after_reading_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.journey");
    fs::write(&path, "journey a {}\n").unwrap();

    // Appended to between reading and writing.
    let (bytes, snapshot) = Snapshot::read(&path).unwrap();
    assert_eq!(bytes, b"journey a {}\n");
    fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .unwrap()
        .write_all(b"# saved meanwhile\n")
        .unwrap();
    let e = write_atomic(&path, b"formatted\n", Mode::ReplaceUnchanged(snapshot)).unwrap_err();
    assert!(matches!(e.kind, ErrorKind::Changed), "{e}");
    assert_eq!(read(&path), "journey a {}\n# saved meanwhile\n");

    // Same length, and the modification time set back: the content
    // hash still tells.
    let (_, snapshot) = Snapshot::read(&path).unwrap();
    let modified = fs::metadata(&path).unwrap().modified().unwrap();
    fs::write(&path, "journey b {}\n# saved meanwhile\n").unwrap();
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), modified);
    let e = write_atomic(&path, b"formatted\n", Mode::ReplaceUnchanged(snapshot)).unwrap_err();
    assert!(matches!(e.kind, ErrorKind::Changed), "{e}");
    assert_eq!(read(&path), "journey b {}\n# saved meanwhile\n");

    // Removed meanwhile: not brought back.
    let (_, snapshot) = Snapshot::read(&path).unwrap();
    fs::remove_file(&path).unwrap();
    let e = write_atomic(&path, b"formatted\n", Mode::ReplaceUnchanged(snapshot)).unwrap_err();
    assert!(matches!(e.kind, ErrorKind::Vanished), "{e}");
    assert!(names(dir.path()).is_empty());

    // Unchanged: written.
    fs::write(&path, "journey c {}\n").unwrap();
    let (_, snapshot) = Snapshot::read(&path).unwrap();
    write_atomic(&path, b"formatted\n", Mode::ReplaceUnchanged(snapshot)).unwrap();
    assert_eq!(read(&path), "formatted\n");
    assert_eq!(names(dir.path()), ["f.journey"]);
}

use std::io::Write as _;

#[test]
fn a_file_with_several_hard_links_stays_one_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.journey");
    let other = dir.path().join("g.journey");
    fs::write(&path, "old\n").unwrap();
    chmod(&path, 0o664);
    fs::hard_link(&path, &other).unwrap();
    let inode = fs::metadata(&path).unwrap().ino();
    let (_, snapshot) = Snapshot::read(&path).unwrap();
    let w = write_atomic(&path, b"new, longer\n", Mode::ReplaceUnchanged(snapshot)).unwrap();
    assert_eq!(w, Written::InPlace);
    assert_eq!(read(&other), "new, longer\n");
    assert_eq!(fs::metadata(&path).unwrap().ino(), inode);
    assert_eq!(fs::metadata(&path).unwrap().nlink(), 2);
    assert_eq!(mode(&path), 0o664);
    // Shorter: no old bytes left at the end.
    write_atomic(&other, b"s\n", Mode::Replace).unwrap();
    assert_eq!(read(&path), "s\n");
    assert_eq!(names(dir.path()), ["f.journey", "g.journey"]);
}

#[test]
fn owner_and_group_are_kept() {
    if !running_as_root() {
        eprintln!("skipped: only root can give a file to another user");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.journey");
    fs::write(&path, "old\n").unwrap();
    std::os::unix::fs::chown(&path, Some(4321), Some(5432)).unwrap();
    chmod(&path, 0o4750);
    let (_, snapshot) = Snapshot::read(&path).unwrap();
    let w = write_atomic(&path, b"new\n", Mode::ReplaceUnchanged(snapshot)).unwrap();
    assert_eq!(w, Written::Replaced);
    let meta = fs::metadata(&path).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (4321, 5432));
    assert_eq!(mode(&path), 0o4750);
    assert_eq!(read(&path), "new\n");
    assert_eq!(names(dir.path()), ["f.journey"]);
}

#[test]
fn a_symbolic_link_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("real")).unwrap();
    let target = dir.path().join("real/f.journey");
    fs::write(&target, "old\n").unwrap();
    let link = dir.path().join("f.journey");
    std::os::unix::fs::symlink("real/f.journey", &link).unwrap();
    let (_, snapshot) = Snapshot::read(&link).unwrap();
    write_atomic(&link, b"new\n", Mode::ReplaceUnchanged(snapshot)).unwrap();
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(read(&target), "new\n");
    assert_eq!(names(&dir.path().join("real")), ["f.journey"]);

    let dangling = dir.path().join("d.journey");
    std::os::unix::fs::symlink("real/missing.journey", &dangling).unwrap();
    let e = write_atomic(&dangling, b"new\n", Mode::Replace).unwrap_err();
    assert!(matches!(e.kind, ErrorKind::DanglingLink), "{e}");
    assert!(!dir.path().join("real/missing.journey").exists());
}

#[test]
fn missing_folders_are_created() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a/b/f.journey");
    write_atomic(&path, b"x", Mode::CreateNew).unwrap();
    assert_eq!(read(&path), "x");
    assert_eq!(names(&dir.path().join("a/b")), ["f.journey"]);
}

/// The reproducer of `journeyc import csv --force` with a folder in the
/// way: nothing may change, and every problem is named.
#[test]
fn a_transaction_checks_every_target_before_writing_any() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path();
    fs::write(out.join("journey.journey"), "mine\n").unwrap();
    fs::write(out.join("personas.journey"), "mine\n").unwrap();
    fs::create_dir(out.join("phases.journey")).unwrap();
    fs::write(out.join("locked.journey"), "mine\n").unwrap();
    chmod(&out.join("locked.journey"), 0o444);
    let mut tx = Transaction::new();
    for name in [
        "journey.journey",
        "personas.journey",
        "phases.journey",
        "locked.journey",
        "new.journey",
    ] {
        tx.add(out.join(name), b"imported\n".to_vec(), Mode::Replace);
    }
    let e = tx.commit().unwrap_err();
    assert!(e.nothing_changed());
    let kinds: Vec<String> = e.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        kinds,
        [
            format!(
                "`{}` is a folder, not a file",
                out.join("phases.journey").display()
            ),
            format!("`{}` is read-only", out.join("locked.journey").display()),
        ]
    );
    assert!(e.to_string().ends_with("; nothing was written"), "{e}");
    assert_eq!(read(&out.join("journey.journey")), "mine\n");
    assert_eq!(read(&out.join("personas.journey")), "mine\n");
    assert_eq!(
        names(out),
        [
            "journey.journey",
            "locked.journey",
            "personas.journey",
            "phases.journey"
        ]
    );
    assert!(names(&out.join("phases.journey")).is_empty());
}

/// A failure while committing (here: a file edited after it was read)
/// takes back what was committed before it: replaced files get their old
/// content (the very same file), new files and new folders go.
#[test]
fn a_failed_transaction_puts_everything_back() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path();
    let kept = out.join("kept.journey");
    fs::write(&kept, "mine\n").unwrap();
    chmod(&kept, 0o640);
    let inode = fs::metadata(&kept).unwrap().ino();
    let linked = out.join("linked.journey");
    fs::write(&linked, "linked\n").unwrap();
    fs::hard_link(&linked, out.join("other-name")).unwrap();
    let edited = out.join("edited.journey");
    fs::write(&edited, "before\n").unwrap();
    let (_, snapshot) = Snapshot::read(&edited).unwrap();
    fs::write(&edited, "edited meanwhile\n").unwrap();

    let mut tx = Transaction::new();
    tx.add(&kept, b"new\n".to_vec(), Mode::Replace);
    tx.add(
        out.join("new/sub/a.journey"),
        b"new\n".to_vec(),
        Mode::CreateNew,
    );
    tx.add(&linked, b"new\n".to_vec(), Mode::Replace);
    tx.add(&edited, b"new\n".to_vec(), Mode::ReplaceUnchanged(snapshot));
    let e = tx.commit().unwrap_err();
    assert!(e.nothing_changed(), "{e}");
    assert!(matches!(e.problems[0].kind, ErrorKind::Changed), "{e}");
    assert_eq!(
        e.to_string(),
        format!(
            "`{}` changed since it was read; nothing was written",
            edited.display()
        )
    );
    assert_eq!(read(&kept), "mine\n");
    assert_eq!(fs::metadata(&kept).unwrap().ino(), inode);
    assert_eq!(mode(&kept), 0o640);
    assert_eq!(read(&linked), "linked\n");
    assert_eq!(read(&out.join("other-name")), "linked\n");
    assert_eq!(read(&edited), "edited meanwhile\n");
    assert_eq!(
        names(out),
        [
            "edited.journey",
            "kept.journey",
            "linked.journey",
            "other-name"
        ]
    );
}

#[test]
fn a_transaction_that_succeeds_writes_everything_and_leaves_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    fs::write(out.join("b.journey"), "mine\n").unwrap();
    let mut tx = Transaction::new();
    tx.add(out.join("a.journey"), b"a\n".to_vec(), Mode::CreateNew);
    tx.add(out.join("b.journey"), b"b\n".to_vec(), Mode::Replace);
    let written = tx.commit().unwrap();
    assert_eq!(
        written,
        [
            (out.join("a.journey"), Written::Created),
            (out.join("b.journey"), Written::Replaced)
        ]
    );
    assert_eq!(read(&out.join("a.journey")), "a\n");
    assert_eq!(read(&out.join("b.journey")), "b\n");
    assert_eq!(names(&out), ["a.journey", "b.journey"]);
}

#[test]
fn an_unwritable_folder_fails_before_anything_is_written() {
    if running_as_root() {
        eprintln!("skipped: root can write into any folder");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let writable = dir.path().join("a.journey");
    fs::write(&writable, "mine\n").unwrap();
    let locked = dir.path().join("locked");
    fs::create_dir(&locked).unwrap();
    chmod(&locked, 0o555);
    let mut tx = Transaction::new();
    tx.add(&writable, b"new\n".to_vec(), Mode::Replace);
    tx.add(locked.join("b.journey"), b"new\n".to_vec(), Mode::CreateNew);
    let e = tx.commit().unwrap_err();
    chmod(&locked, 0o755);
    assert!(e.nothing_changed());
    assert!(
        e.to_string()
            .contains("cannot create a temporary file beside"),
        "{e}"
    );
    assert_eq!(read(&writable), "mine\n");
    assert_eq!(names(dir.path()), ["a.journey", "locked"]);
    assert!(names(&locked).is_empty());
}

/// Paths used in messages are the ones given, not resolved ones.
#[test]
fn errors_name_the_path_as_given() {
    let dir = tempfile::tempdir().unwrap();
    let given: PathBuf = dir.path().join("x/../f");
    fs::create_dir(dir.path().join("x")).unwrap();
    fs::create_dir(dir.path().join("f")).unwrap();
    let e = write_atomic(&given, b"", Mode::Replace).unwrap_err();
    assert_eq!(e.path, given);
}
