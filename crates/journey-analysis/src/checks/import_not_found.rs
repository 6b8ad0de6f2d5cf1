//! J0301 `import-not-found`: an import names a file that does not exist.

use super::{suggest, Context};
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0301",
    name: "import-not-found",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "an import names a file that does not exist",
    explanation: "`import` reads the definitions of another file. The path is relative to the \
folder of the file that contains the import, not to the folder journeyc runs in. When the \
file does not exist, every name it would define is missing too, so the import itself is \
reported first, with the closest file name when one is near.
",
    bad: Some(
        Example::new(include_str!("../../rule-examples/J0301/bad.journey"))
        .path("phases/awareness.journey")
        .files(&[("personas.journey", include_str!("../../rule-examples/J0301/personas.journey"))]),
    ),
    good: Some(
        Example::new(include_str!("../../rule-examples/J0301/good.journey"))
        .note("one folder up, where the file is:")
        .path("phases/awareness.journey")
        .files(&[("personas.journey", include_str!("../../rule-examples/J0301/personas.journey"))]),
    ),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // The file names of the workspace by folder, gathered once.
    let by_dir = siblings(cx);
    for imp in &cx.model.imports {
        // A refused import is J0310's: it was never looked for.
        if imp.target.is_some() || imp.refused.is_some() {
            continue;
        }
        // A named pipe, socket or device is never read (it could block).
        let special = std::fs::metadata(&imp.resolved_path)
            .ok()
            .filter(|m| !m.is_file() && !m.is_dir())
            .map(|m| crate::load::file_kind(&m.file_type()));
        let mut d = match special {
            Some(kind) => Diagnostic::new(
                &CODE,
                imp.file,
                imp.path_span,
                format!(
                    "the imported file `{}` is {kind}, not a regular file",
                    imp.path
                ),
            )
            .with_label("not a regular file"),
            None => Diagnostic::new(
                &CODE,
                imp.file,
                imp.path_span,
                format!("cannot find the imported file `{}`", imp.path),
            )
            .with_label("no such file"),
        }
        .with_note(format!("looked for `{}`", imp.resolved_path.display()));
        if let Some(better) = alternative_in(&by_dir, &imp.resolved_path, &imp.path) {
            d = d.with_help(format!("did you mean `{better}`?")).with_fix(
                format!("import `{better}`"),
                imp.path_span,
                format!("\"{}\"", better.replace('\\', "\\\\").replace('"', "\\\"")),
            );
        } else {
            d = d
                .with_help("paths are relative to the folder of the file that contains the import");
        }
        out.push(d);
    }
}

/// A corrected import string: the same folder with a close file name
/// (or the name with `.journey` added), when the workspace holds one.
pub(super) fn alternative(cx: &Context<'_>, resolved: &Path, written: &str) -> Option<String> {
    alternative_in(&siblings(cx), resolved, written)
}

/// The file names of the workspace by folder.
fn siblings(cx: &Context<'_>) -> HashMap<PathBuf, Vec<String>> {
    let mut by_dir: HashMap<PathBuf, Vec<String>> = HashMap::new();
    for (_, f) in cx.workspace.files() {
        let path = crate::model::normalize_path(&f.path);
        if let (Some(dir), Some(name)) =
            (path.parent(), f.path.file_name().and_then(|n| n.to_str()))
        {
            by_dir
                .entry(dir.to_path_buf())
                .or_default()
                .push(name.to_string());
        }
    }
    by_dir
}

/// [`alternative`] with the file names by folder gathered once.
fn alternative_in(
    by_dir: &HashMap<PathBuf, Vec<String>>,
    resolved: &Path,
    written: &str,
) -> Option<String> {
    let dir = resolved.parent()?;
    let name = resolved.file_name()?.to_str()?;
    let siblings: &[String] = by_dir.get(dir).map(Vec::as_slice).unwrap_or_default();
    let with_ext = format!("{name}.journey");
    let pick = if siblings.contains(&with_ext) {
        Some(with_ext.as_str())
    } else {
        suggest(name, siblings.iter().map(String::as_str))
    }?;
    let prefix = match written.rfind(['/', '\\']) {
        Some(i) => &written[..=i],
        None => "",
    };
    Some(format!("{prefix}{pick}"))
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    #[test]
    fn missing_file_is_reported_at_the_path_with_a_suggestion() {
        let ds = findings_in(
            &[
                (
                    "a.journey",
                    "import \"persona.journey\"\nimport \"b.journey\"\n",
                ),
                ("personas.journey", ""),
                ("b.journey", ""),
            ],
            "J0301",
        );
        assert_eq!(ds.len(), 1);
        assert_eq!(ds[0].span().start, 7);
        assert_eq!(
            ds[0].help.as_deref(),
            Some("did you mean `personas.journey`?")
        );
        assert_eq!(ds[0].fixes[0].edits[0].new_text, "\"personas.journey\"");
    }

    #[test]
    fn relative_paths_resolve_from_the_importing_file() {
        let files = [
            (
                "sub/a.journey",
                "import \"../b.journey\"\nimport \"./c.journey\"\n",
            ),
            ("b.journey", ""),
            ("sub/c.journey", ""),
        ];
        assert!(findings_in(&files, "J0301").is_empty());
        let ds = findings_in(
            &[
                ("sub/a.journey", "import \"b.journey\"\n"),
                ("b.journey", ""),
            ],
            "J0301",
        );
        assert_eq!(ds.len(), 1);
    }
}
