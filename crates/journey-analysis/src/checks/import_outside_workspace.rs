//! J0310 `import-outside-workspace`: an import names a file outside the
//! workspace, or one that is not a `.journey` file. The file is not read.

use super::{import_not_found, Context};
use crate::confine::Refusal;
use crate::model::Import;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};
use std::path::{Component, Path, PathBuf};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0310",
    name: "import-outside-workspace",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "an import names a file outside the workspace or one that is not a .journey file",
    explanation: "An import may only read a `.journey` file inside the workspace: the folder \
of `journey.toml` (without one, the folder journeyc checks, or the folder of the file open \
in the editor) and the folders `journey.toml` lists under `[workspace] import_roots`. The \
path is judged after following symbolic links, so a link inside the workspace that leads \
outside is outside too.

Anything else is reported at the import and not read at all. journeyc shows the lines of \
the files it reads in its findings: if a checked file could import `/etc/shadow`, \
`/proc/self/environ` or `../../.ssh/id_rsa`, a pull request could print secrets into a CI \
log. Imports of other kinds of files are refused for the same reason.

When a workspace really shares files with another folder, list that folder in \
`journey.toml`:

    [workspace]
    import_roots = [\"../shared\"]
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0310/bad.journey"))),
    good: Some(
        Example::new(include_str!("../../rule-examples/J0310/good.journey"))
        .note("move the file into the workspace,")
        .files(&[("shared/personas.journey", include_str!("../../rule-examples/J0310/shared/personas.journey"))]),
    ),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for imp in &cx.model.imports {
        if let Some(why) = imp.refused {
            out.push(diagnostic(cx, imp, why));
        }
    }
}

/// The finding for one refused import.
fn diagnostic(cx: &Context<'_>, imp: &Import, why: Refusal) -> Diagnostic {
    let path = &imp.path;
    let has_toml = cx.workspace.config().path.is_some();
    let (message, label) = match why {
        Refusal::NotJourney => (
            format!("`{path}` is not a .journey file; only .journey files can be imported"),
            "not a .journey file",
        ),
        Refusal::Outside => (
            format!("`{path}` is outside the workspace"),
            "outside the workspace",
        ),
        Refusal::LinkOutside => (
            format!("`{path}` is a symbolic link that leads outside the workspace"),
            "leads outside the workspace",
        ),
        Refusal::LinkNotJourney => (
            format!("`{path}` is a symbolic link to a file that is not a .journey file"),
            "not a .journey file",
        ),
    };
    let mut d = Diagnostic::new(&CODE, imp.file, imp.path_span, message).with_label(label);
    let folder = imp
        .resolved_path
        .parent()
        .map(|f| self::root_relative(cx, f));
    d = match why {
        Refusal::NotJourney => {
            match import_not_found::alternative(cx, &imp.resolved_path, path) {
                Some(better) => d.with_help(format!("did you mean `{better}`?")).with_fix(
                    format!("import `{better}`"),
                    imp.path_span,
                    format!("\"{}\"", better.replace('\\', "\\\\").replace('"', "\\\"")),
                ),
                None => d.with_help(
                    "import the .journey file that holds the definitions; journeyc reads no other kind of file",
                ),
            }
        }
        Refusal::Outside => {
            let folder = folder.unwrap_or_else(|| "../shared".into());
            d.with_help(if has_toml {
                format!(
                    "move the file into the workspace, or list its folder in journey.toml: \
                     `[workspace] import_roots = [\"{folder}\"]`"
                )
            } else {
                format!(
                    "move the file into the workspace, or create a journey.toml in the workspace \
                     folder that lists its folder: `[workspace] import_roots = [\"{folder}\"]`"
                )
            })
        }
        Refusal::LinkOutside => d.with_help(
            "replace the link by the file itself, or list the folder it leads to in journey.toml \
             under `[workspace] import_roots`",
        ),
        Refusal::LinkNotJourney => d.with_help("import the .journey file itself"),
    };
    if let Some(root) = cx.workspace.import_roots().first() {
        d = d.with_note(format!(
            "the workspace is `{}`{}; imports read only .journey files inside it{}",
            root.display(),
            if has_toml {
                " (the folder of journey.toml)"
            } else {
                ""
            },
            if cx.workspace.import_roots().len() > 1 {
                " and the other import roots"
            } else {
                ""
            }
        ));
    }
    d.with_note("the file was not read")
}

/// `folder` as `import_roots` would name it: relative to the workspace
/// root when they share more than the file system's root, absolute
/// otherwise.
fn root_relative(cx: &Context<'_>, folder: &Path) -> String {
    let slash = |p: &Path| {
        p.components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/")
    };
    let Some(root) = cx.workspace.import_roots().first() else {
        return folder.display().to_string();
    };
    let common = root
        .components()
        .zip(folder.components())
        .take_while(|(a, b)| a == b)
        .count();
    let shared_real_folder = root
        .components()
        .take(common)
        .any(|c| matches!(c, Component::Normal(_)));
    if !shared_real_folder {
        return folder.display().to_string();
    }
    let ups = root.components().count() - common;
    let mut rel = PathBuf::new();
    for _ in 0..ups {
        rel.push("..");
    }
    rel.extend(folder.components().skip(common));
    if rel.as_os_str().is_empty() {
        ".".into()
    } else {
        slash(&rel)
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;
    use std::path::{Path, PathBuf};

    fn rooted(files: &[(&str, &str)]) -> crate::Workspace {
        let mut ws = workspace(files);
        ws.add_import_root(Path::new("/t/ws"));
        ws
    }

    fn found(ws: &crate::Workspace) -> Vec<(String, String)> {
        ws.diagnostics()
            .into_iter()
            .filter(|d| d.code == "J0310" || d.code == "J0301")
            .map(|d| (d.code.to_string(), d.message.clone()))
            .collect()
    }

    #[test]
    fn absolute_paths_escapes_and_other_files_are_refused_by_their_spelling() {
        let ws = rooted(&[(
            "ws/a.journey",
            "import \"/etc/shadow\"\nimport \"/proc/self/environ\"\nimport \"../../x.journey\"\n\
             import \"../other/b.journey\"\nimport \"notes.txt\"\nimport \"/t/ws/ok.journey\"\n",
        )]);
        let f = found(&ws);
        let codes: Vec<&str> = f.iter().map(|(c, _)| c.as_str()).collect();
        assert_eq!(
            codes,
            ["J0310", "J0310", "J0310", "J0310", "J0310", "J0301"],
            "{f:?}"
        );
        assert!(f[0].1.contains("not a .journey file"), "{f:?}");
        assert!(f[2].1.contains("outside the workspace"), "{f:?}");
        let m = ws.model();
        assert!(m.imports.iter().take(5).all(|i| i.target.is_none()));
    }

    #[test]
    fn help_names_the_folder_to_list() {
        let ws = rooted(&[
            ("ws/a.journey", "import \"../shared/b.journey\"\n"),
            ("shared/b.journey", ""),
        ]);
        let ds: Vec<_> = ws
            .diagnostics()
            .into_iter()
            .filter(|d| d.code == "J0310")
            .collect();
        assert_eq!(ds.len(), 1, "held in memory, still refused");
        assert!(
            ds[0]
                .help
                .as_deref()
                .unwrap()
                .contains("import_roots = [\"../shared\"]"),
            "{:?}",
            ds[0].help
        );
        assert!(ds[0].notes.iter().any(|n| n == "the file was not read"));
        // Listed as a root, the same import resolves.
        let mut ws = ws;
        ws.add_import_root(&PathBuf::from("/t/shared"));
        assert!(found(&ws).is_empty());
    }

    #[test]
    fn missing_extension_is_suggested() {
        let ds = findings_in(
            &[("a.journey", "import \"b\"\n"), ("b.journey", "")],
            "J0310",
        );
        assert_eq!(ds.len(), 1);
        assert_eq!(ds[0].fixes[0].edits[0].new_text, "\"b.journey\"");
    }
}
