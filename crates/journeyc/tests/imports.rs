//! What a checked file imports is part of the check, and imports never
//! leave the workspace.
//!
//! - Errors in imported files (transitively) are reported in full and make
//!   the exit 1; errors elsewhere in the workspace count too; no export,
//!   in any format, is written from a workspace with errors.
//! - An import may read only a `.journey` file inside the workspace root
//!   (the folder of journey.toml, else the folder checked) or a folder
//!   `[workspace] import_roots` lists, judged after following symbolic
//!   links. Nothing else is read, so no line of it can be shown.

use std::path::{Path, PathBuf};

mod common;
use common::{git, journeyc, stderr, stdout, temp_dir};

/// A fresh folder with `files` written into it.
fn folder(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::fs::canonicalize(temp_dir(&format!("imports-{name}"))).unwrap();
    write_all(&dir, files);
    dir
}

fn write_all(dir: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
}

const A: &str =
    "import \"b.journey\"\n\njourney j \"J\" {\n  sponsor \"Kim Weber, COO\"\n  phases p\n}\n";
/// Three errors: a score out of range, a missing score, a stray `%%%`.
const B: &str =
    "phase p \"P\" {\n  touchpoint t \"T\" {\n    expectation 9\n    experience %%%\n  }\n}\n";

const FORMATS: &[&str] = &["json", "csv", "html", "markdown", "mermaid"];

/// No export in any format, to stdout or to a file, and the refusal says
/// which file is broken and how it was read.
fn assert_no_export(dir: &Path, args: &[&str], broken: &str) {
    for format in FORMATS {
        let mut a = vec!["export", "--format", format, "--color", "never"];
        a.extend_from_slice(args);
        let out = journeyc(&a, dir);
        assert_eq!(out.status.code(), Some(1), "{format}: {}", stderr(&out));
        assert!(out.stdout.is_empty(), "{format}: {}", stdout(&out));
        let err = stderr(&out);
        assert!(
            err.contains("error: nothing exported: the workspace has errors in")
                && err.contains(broken),
            "{format}: {err}"
        );

        let target = dir.join(format!("out.{format}"));
        let mut a = a.clone();
        a.extend(["-o", target.to_str().unwrap()]);
        let out = journeyc(&a, dir);
        assert_eq!(out.status.code(), Some(1), "{format} -o: {}", stderr(&out));
        assert!(!target.exists(), "{format}: -o left a file");
        assert!(
            stderr(&out).contains(&format!("(`{}` was not written)", target.display())),
            "{}",
            stderr(&out)
        );
        let leftovers: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().contains("out."))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }
}

#[test]
fn errors_in_an_imported_file_are_reported_and_stop_the_export() {
    let dir = folder(
        "reproducer",
        &[("journey.toml", ""), ("a.journey", A), ("b.journey", B)],
    );
    let out = journeyc(&["check", "a.journey", "--format", "short"], &dir);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let text = stdout(&out);
    for line in [
        "b.journey:3:17: error[J0307]: `expectation 9` is outside the scale of 1 to 5",
        "b.journey:4:15: error[J0204]: `experience` needs a score from 1 to 5",
        "b.journey:4:16: error[J0101]: unexpected character `%%%`",
    ] {
        assert!(text.contains(line), "missing `{line}` in\n{text}");
    }
    assert!(
        text.ends_with("3 errors, 3 warnings in 2 files (1 imported)\n"),
        "{text}"
    );
    // In full, with the excerpt of the imported file.
    let out = journeyc(&["check", "a.journey", "--color", "never"], &dir);
    assert!(
        stdout(&out).contains("╭─[ b.journey:3:17 ]"),
        "{}",
        stdout(&out)
    );
    // The JSON summary counts the imported file.
    let out = journeyc(&["check", "a.journey", "--format", "json"], &dir);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["summary"]["errors"], 3);
    assert_eq!(v["summary"]["files"], 2);
    assert_eq!(v["summary"]["imported"], 1);
    // SARIF and GitHub annotations carry them too.
    let out = journeyc(&["check", "a.journey", "--format", "github"], &dir);
    assert!(
        stdout(&out).contains("::error file=b.journey,line=3"),
        "{}",
        stdout(&out)
    );
    // The whole folder finds the same errors.
    let out = journeyc(&["check", ".", "--format", "short"], &dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).ends_with("3 errors, 3 warnings in 2 files\n"));

    assert_no_export(&dir, &["a.journey"], "`b.journey` (imported)");

    // Fixed, it exports.
    std::fs::write(
        dir.join("b.journey"),
        "phase p \"P\" {\n  touchpoint t \"T\" {\n    expectation 4\n    experience 4\n  }\n}\n",
    )
    .unwrap();
    let out = journeyc(&["export", "--format", "json", "a.journey"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("\"expectation\": 4"));
}

#[test]
fn imports_are_followed_transitively_with_and_without_journey_toml() {
    for toml in [true, false] {
        let mut files = vec![
            (
                "a.journey",
                "import \"sub/b.journey\"\n\njourney j \"J\" {\n  phases p\n}\n",
            ),
            ("sub/b.journey", "import \"c.journey\"\n"),
            ("sub/c.journey", B),
        ];
        if toml {
            files.push(("journey.toml", ""));
        }
        let dir = folder(&format!("transitive-{toml}"), &files);
        let out = journeyc(&["check", "a.journey", "--format", "short"], &dir);
        assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
        let text = stdout(&out);
        assert!(text.contains("sub/c.journey:3:17: error[J0307]"), "{text}");
        assert!(text.ends_with("in 3 files (2 imported)\n"), "{text}");
        assert_no_export(&dir, &["a.journey"], "`sub/c.journey` (imported)");
        // `lint` shows what it shows for the imported file too: the
        // syntax errors (the checks are off).
        let out = journeyc(&["lint", "a.journey", "--format", "short"], &dir);
        assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
        assert!(
            stdout(&out).contains("sub/c.journey:4:16: error[J0101]"),
            "{}",
            stdout(&out)
        );
    }
}

/// A file that is neither named nor imported is read so that names
/// resolve; its errors count (its warnings are not reported).
#[test]
fn errors_elsewhere_in_the_workspace_count() {
    let dir = folder(
        "elsewhere",
        &[
            ("journey.toml", ""),
            ("a.journey", "persona p \"P\" {\n  evidence \"x\"\n}\n"),
            ("other.journey", B),
        ],
    );
    let out = journeyc(&["check", "a.journey", "--format", "short"], &dir);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(text.contains("other.journey:3:17: error[J0307]"), "{text}");
    assert!(
        !text.contains("warning[J0408]"),
        "warnings elsewhere stay out: {text}"
    );
    assert!(
        text.ends_with("3 errors, 1 warning in 2 files (1 elsewhere in the workspace)\n"),
        "{text}"
    );
    assert_no_export(
        &dir,
        &["a.journey"],
        "`other.journey` (elsewhere in the workspace)",
    );
}

/// The same broken imported file for `diff`: the version is not compared.
#[test]
fn diff_refuses_a_version_whose_imported_file_is_broken() {
    let dir = folder(
        "diff",
        &[
            ("old/journey.toml", ""),
            ("old/a.journey", A),
            ("old/b.journey", B),
            ("new/journey.toml", ""),
            ("new/a.journey", A),
            ("new/b.journey", &B.replace("%%%", "4")),
        ],
    );
    let out = journeyc(
        &["diff", "old/a.journey", "new/a.journey", "--color", "never"],
        &dir,
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("old/b.journey:4:16"), "{err}");
    assert!(
        err.contains("old/a.journey has syntax errors in 1 file"),
        "{err}"
    );
}

// ---- confined to the workspace ---------------------------------------------

/// In every file outside the workspace: must never be printed.
const SECRET: &str = "SECRET-52c1e0";

/// A workspace `ws` with journey.toml and, beside it, a folder `outside`
/// holding secrets as `.journey` and `.txt` files.
fn with_outside(name: &str) -> (PathBuf, PathBuf) {
    let base = folder(name, &[]);
    let ws = base.join("ws");
    let outside = base.join("outside");
    let secret =
        format!("persona {SECRET} \"{SECRET}\" {{\n  role \"{SECRET}\"\n}}\n%%% {SECRET}\n");
    write_all(
        &base,
        &[
            ("ws/journey.toml", ""),
            ("outside/secret.journey", &secret),
            ("outside/secret.txt", &secret),
            ("outside/deep/x.journey", &secret),
        ],
    );
    (ws, outside)
}

fn assert_not_shown(out: &std::process::Output) {
    for text in [stdout(out), stderr(out)] {
        assert!(!text.contains(SECRET), "a line of a file outside:\n{text}");
        assert!(!text.contains("root:x:"), "a line of /etc/passwd:\n{text}");
    }
}

#[test]
fn absolute_paths_escapes_and_other_files_are_refused_at_the_import() {
    let (ws, _) = with_outside("escape");
    write_all(
        &ws,
        &[
            (
                "main.journey",
                "import \"/etc/passwd\"\n\
             import \"/etc/shadow\"\n\
             import \"/proc/self/environ\"\n\
             import \"../outside/secret.journey\"\n\
             import \"../outside/secret.txt\"\n\
             import \"sub/../../outside/deep/x.journey\"\n\
             import \"notes.txt\"\n",
            ),
            ("notes.txt", SECRET),
        ],
    );
    for args in [
        &["check", "--format", "short"][..],
        &["check", "main.journey", "--color", "never"],
        &["check", "--format", "json"],
        &["check", "--format", "sarif"],
        &["check", "--format", "github"],
        &["lint", "--color", "never"],
        &["export", "--format", "json"],
    ] {
        let out = journeyc(args, &ws);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert_not_shown(&out);
    }
    let out = journeyc(&["check", "--format", "short"], &ws);
    let text = stdout(&out);
    let expected = [
        "main.journey:1:8: error[J0310]: `/etc/passwd` is not a .journey file; only .journey files can be imported",
        "main.journey:2:8: error[J0310]: `/etc/shadow` is not a .journey file",
        "main.journey:3:8: error[J0310]: `/proc/self/environ` is not a .journey file",
        "main.journey:4:8: error[J0310]: `../outside/secret.journey` is outside the workspace",
        "main.journey:5:8: error[J0310]: `../outside/secret.txt` is not a .journey file",
        "main.journey:6:8: error[J0310]: `sub/../../outside/deep/x.journey` is outside the workspace",
        "main.journey:7:8: error[J0310]: `notes.txt` is not a .journey file",
    ];
    for line in expected {
        assert!(text.contains(line), "missing `{line}` in\n{text}");
    }
    assert!(text.ends_with("7 errors in 1 file\n"), "{text}");
    // The help says how to fix it.
    let out = journeyc(&["check", "--color", "never"], &ws);
    let text = stdout(&out);
    assert!(
        text.contains(
            "list its folder in journey.toml: `[workspace] import_roots = [\"../outside\"]`"
        ),
        "{text}"
    );
    assert!(text.contains("the file was not read"), "{text}");
    // `journeyc explain` knows the rule.
    let out = journeyc(&["explain", "import-outside-workspace"], &ws);
    assert!(stdout(&out).contains("import_roots"), "{}", stdout(&out));
}

#[cfg(unix)]
#[test]
fn symbolic_links_are_judged_by_where_they_lead() {
    use std::os::unix::fs::symlink;
    let (ws, outside) = with_outside("links");
    write_all(
        &ws,
        &[
            (
                "main.journey",
                "import \"file-link.journey\"\n\
                 import \"folder-link/secret.journey\"\n\
                 import \"text-link.journey\"\n\
                 import \"inside-link.journey\"\n",
            ),
            (
                "real/inside.journey",
                "persona p \"P\" {\n  evidence \"x\"\n}\n",
            ),
            ("real/notes.txt", SECRET),
        ],
    );
    symlink(outside.join("secret.journey"), ws.join("file-link.journey")).unwrap();
    symlink("../outside", ws.join("folder-link")).unwrap();
    symlink("real/notes.txt", ws.join("text-link.journey")).unwrap();
    symlink("real/inside.journey", ws.join("inside-link.journey")).unwrap();

    let out = journeyc(&["check", "main.journey", "--format", "short"], &ws);
    assert_not_shown(&out);
    let text = stdout(&out);
    for line in [
        "main.journey:1:8: error[J0310]: `file-link.journey` is a symbolic link that leads outside the workspace",
        "main.journey:2:8: error[J0310]: `folder-link/secret.journey` is a symbolic link that leads outside the workspace",
        "main.journey:3:8: error[J0310]: `text-link.journey` is a symbolic link to a file that is not a .journey file",
    ] {
        assert!(text.contains(line), "missing `{line}` in\n{text}");
    }
    assert!(
        !text.contains("main.journey:4:8"),
        "a link inside is fine: {text}"
    );

    // Searching the folder: the link that leads outside is skipped, with a
    // warning; the one inside is read once.
    let out = journeyc(&["check", "--format", "short"], &ws);
    assert_not_shown(&out);
    let err = stderr(&out);
    assert!(
        err.contains("warning: skipped `")
            && err.contains(
                "file-link.journey`: it is a symbolic link that leads outside the workspace"
            ),
        "{err}"
    );
    assert!(
        err.contains(
            "text-link.journey`: it is a symbolic link to a file that is not a .journey file"
        ),
        "{err}"
    );
    // Named on the command line, it is an error (exit 2).
    let out = journeyc(&["check", "file-link.journey"], &ws);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("cannot read `file-link.journey`: it is a symbolic link that leads outside the workspace"),
        "{}",
        stderr(&out)
    );
    assert_not_shown(&out);
    // A named file that is not a .journey file is not read either.
    let out = journeyc(&["check", "../outside/secret.txt"], &ws);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_not_shown(&out);
    // `fmt` reads the same files.
    let out = journeyc(&["fmt", "--check", "--color", "never"], &ws);
    assert_not_shown(&out);
    assert!(
        stderr(&out).contains("warning: skipped `file-link.journey`"),
        "{}",
        stderr(&out)
    );
    let out = journeyc(&["fmt", "file-link.journey"], &ws);
    assert_eq!(out.status.code(), Some(2));
    assert_not_shown(&out);
    assert!(std::fs::read_to_string(outside.join("secret.journey"))
        .unwrap()
        .contains(SECRET));
    // `export` refuses, and shows nothing of the files outside.
    let out = journeyc(&["export", "-f", "json", "main.journey"], &ws);
    assert_eq!(out.status.code(), Some(1));
    assert_not_shown(&out);
}

/// journey.toml itself: a link that leads elsewhere is not read.
#[cfg(unix)]
#[test]
fn a_journey_toml_that_leads_outside_is_not_read() {
    let (ws, outside) = with_outside("toml-link");
    std::fs::remove_file(ws.join("journey.toml")).unwrap();
    std::os::unix::fs::symlink(outside.join("secret.txt"), ws.join("journey.toml")).unwrap();
    write_all(
        &ws,
        &[("a.journey", "persona p \"P\" {\n  evidence \"x\"\n}\n")],
    );
    let out = journeyc(&["check", "--color", "never"], &ws);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert_not_shown(&out);
    assert!(
        stdout(&out).contains(
            "journey.toml` was not read: it is a symbolic link that leads outside its folder"
        ),
        "{}",
        stdout(&out)
    );
}

#[test]
fn import_roots_let_a_workspace_share_a_folder() {
    let (ws, _) = with_outside("roots");
    write_all(
        &ws,
        &[
            (
                "journey.toml",
                "[workspace]\nimport_roots = [\"../outside\"]\n",
            ),
            (
                "main.journey",
                "import \"../outside/secret.journey\"\nimport \"../outside/secret.txt\"\n",
            ),
        ],
    );
    // Listed, the folder may be read: its errors are reported (the point
    // of listing it), but still only .journey files.
    let out = journeyc(&["check", "main.journey", "--format", "short"], &ws);
    let text = stdout(&out);
    assert!(
        text.contains("outside/secret.journey:4:1: error[J0101]"),
        "{text}"
    );
    assert!(
        text.contains(
            "main.journey:2:8: error[J0310]: `../outside/secret.txt` is not a .journey file"
        ),
        "{text}"
    );
    assert!(text.contains("(1 imported)"), "{text}");

    // Mistakes in the key are located findings of journey.toml.
    write_all(
        &ws,
        &[(
            "journey.toml",
            "[workspace]\nimport_roots = [\"../nowhere\", 3, \"\"]\nimport-roots = []\n",
        )],
    );
    let out = journeyc(&["check", "main.journey", "--format", "short"], &ws);
    let text = stdout(&out);
    for line in [
        "journey.toml:2:17: error[J0601]: import root `../nowhere` does not exist",
        "journey.toml:2:31: error[J0601]: a folder must be a string, found an integer",
        "journey.toml:2:34: error[J0601]: an import root must name a folder, found an empty string",
        "journey.toml:3:1: warning[J0603]: unknown key `import-roots` in journey.toml",
    ] {
        assert!(text.contains(line), "missing `{line}` in\n{text}");
    }
    write_all(
        &ws,
        &[(
            "journey.toml",
            "[workspace]\nimport_roots = \"../outside\"\n",
        )],
    );
    let out = journeyc(&["check", "--format", "short"], &ws);
    assert!(
        stdout(&out).contains("journey.toml:2:16: error[J0601]: `import_roots` must be an array of folder paths, found a string"),
        "{}",
        stdout(&out)
    );
}

/// Without journey.toml the workspace is the folder checked: the
/// directory itself, or the folder of the file.
#[test]
fn without_journey_toml_the_checked_folder_is_the_workspace() {
    let (ws, _) = with_outside("no-toml");
    std::fs::remove_file(ws.join("journey.toml")).unwrap();
    write_all(
        &ws,
        &[
            (
                "personas.journey",
                "persona p \"P\" {\n  evidence \"x\"\n}\n",
            ),
            ("sub/a.journey", "import \"../personas.journey\"\n"),
        ],
    );
    // The directory: `sub/a.journey` may import `../personas.journey`.
    let out = journeyc(&["check", ".", "--format", "short"], &ws);
    assert!(!stdout(&out).contains("J0310"), "{}", stdout(&out));
    // The file: its folder is the workspace.
    let out = journeyc(&["check", "sub/a.journey", "--format", "short"], &ws);
    assert!(
        stdout(&out).contains(
            "sub/a.journey:1:8: error[J0310]: `../personas.journey` is outside the workspace"
        ),
        "{}",
        stdout(&out)
    );
    // `..` out of the directory checked.
    let out = journeyc(&["check", ".", "--format", "short"], &ws.join("sub"));
    assert!(stdout(&out).contains("error[J0310]"), "{}", stdout(&out));
}

/// Revisions read from git: imports stay inside the workspace of the
/// tree too, links in the tree included.
#[cfg(unix)]
#[test]
fn diff_git_confines_imports_inside_the_revision() {
    use std::os::unix::fs::symlink;
    let (ws, _) = with_outside("git");
    let repo = ws.parent().unwrap().to_path_buf();
    write_all(
        &ws,
        &[
            ("personas.journey", "persona p \"P\" {\n  evidence \"x\"\n}\n"),
            (
                "main.journey",
                "import \"personas.journey\"\nimport \"../outside/secret.journey\"\nimport \"link.journey\"\n",
            ),
        ],
    );
    symlink("../outside/secret.journey", ws.join("link.journey")).unwrap();
    symlink("/etc/passwd", ws.join("passwd.journey")).unwrap();
    git(&repo, &["init", "-q"]);
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-q", "-m", "first"]);
    for args in [
        &["diff", "--git", "HEAD", "--color", "never"][..],
        &["diff", "--git", "HEAD", "main.journey", "--color", "never"],
        &["diff", "--git", "HEAD..HEAD", "--color", "never"],
    ] {
        let out = journeyc(args, &ws);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert_not_shown(&out);
        let err = stderr(&out);
        assert!(
            err.contains("HEAD:ws/main.journey:2:8")
                && err.contains("`../outside/secret.journey` is outside the workspace"),
            "{args:?}: {err}"
        );
        assert!(
            err.contains(
                "has imports that may not be read (outside the workspace, or not .journey files)"
            ),
            "{err}"
        );
    }
    // The link in the tree is judged like the one on disk.
    std::fs::write(
        ws.join("main.journey"),
        "import \"personas.journey\"\nimport \"link.journey\"\n",
    )
    .unwrap();
    git(&repo, &["commit", "-q", "-am", "second"]);
    let out = journeyc(&["diff", "--git", "HEAD", "--color", "never"], &ws);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_not_shown(&out);
    assert!(
        stderr(&out).contains("`link.journey` is a symbolic link that leads outside the workspace"),
        "{}",
        stderr(&out)
    );
    // Without the imports, the same tree compares clean: the link to
    // /etc/passwd in it is never read as a journey.
    std::fs::write(ws.join("main.journey"), "import \"personas.journey\"\n").unwrap();
    git(&repo, &["commit", "-q", "-am", "third"]);
    let out = journeyc(&["diff", "--git", "HEAD", "--color", "never"], &ws);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_not_shown(&out);
}
