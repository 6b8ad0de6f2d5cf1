//! J0303 `duplicate-import`: a file imports the same file twice.

use super::{line_removal, Context};
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0303",
    name: "duplicate-import",
    default_severity: Severity::Warning,
    opt_in: false,
    summary: "a file imports the same file twice",
    explanation: "A file is read once however often it is imported, so a second import of the \
same file in the same file does nothing. It is usually a leftover from copying imports \
around, or two spellings of one path (`personas.journey` and `./personas.journey`). \
Importing a file that another import already brings in (a diamond) is fine and not reported.
",
    bad: Some(
        Example::new(include_str!("../../rule-examples/J0303/bad.journey"))
        .files(&[("personas.journey", include_str!("../../rule-examples/J0303/personas.journey"))]),
    ),
    good: Some(
        Example::new(include_str!("../../rule-examples/J0303/good.journey"))
        .files(&[("personas.journey", include_str!("../../rule-examples/J0303/personas.journey"))]),
    ),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for imp in &cx.model.imports {
        let Some(first) = imp.duplicate_of else {
            continue;
        };
        let remove = line_removal(cx.text(imp.file), imp.span);
        out.push(
            Diagnostic::new(
                &CODE,
                imp.file,
                imp.path_span,
                format!("`{}` is imported twice", imp.path),
            )
            .with_label("imported again here")
            .with_secondary(imp.file, first, "first imported here")
            .with_fix("remove the second import", remove, ""),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    #[test]
    fn second_import_of_the_same_file_is_reported_with_a_fix() {
        let src = "import \"b.journey\"\nimport \"./b.journey\"\n";
        let ds = findings_in(&[("a.journey", src), ("b.journey", "")], "J0303");
        assert_eq!(ds.len(), 1);
        assert_eq!(&src[ds[0].span().range()], "\"./b.journey\"");
        let e = &ds[0].fixes[0].edits[0];
        assert_eq!(&src[e.span.range()], "import \"./b.journey\"\n");
    }

    #[test]
    fn the_same_file_imported_by_two_files_is_fine() {
        let files = [
            ("a.journey", "import \"c.journey\"\n"),
            ("b.journey", "import \"c.journey\"\n"),
            ("c.journey", ""),
        ];
        assert!(findings_in(&files, "J0303").is_empty());
    }
}
