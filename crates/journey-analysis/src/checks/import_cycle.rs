//! J0302 `import-cycle`: files import each other, directly or in a circle.

use super::Context;
use journey_diagnostics::{CodeInfo, Diagnostic, Example, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "J0302",
    name: "import-cycle",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "files import each other in a circle",
    explanation: "Imports must form a tree: a file may be imported by many others, but no file \
may end up importing itself. A cycle means neither file can be read on its own and usually \
that definitions sit in the wrong file. The import that closes the cycle is reported, with \
the whole chain.
",
    bad: Some(Example::new(include_str!("../../rule-examples/J0302/bad.journey")).path("personas.journey").files(&[("phases.journey", include_str!("../../rule-examples/J0302/phases.journey"))])),
    good: Some(Example::new(include_str!("../../rule-examples/J0302/good.journey")).note("the personas file needs nothing from the phases, so it imports nothing; the phases import the personas. Definitions both need go into a third file that both import.").path("personas.journey").files(&[("phases.journey", include_str!("../../rule-examples/J0302/phases.journey"))])),
};

pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for imp in &cx.model.imports {
        let Some(cycle) = &imp.cycle else { continue };
        let chain: Vec<&str> = cycle.iter().map(|f| cx.display(*f)).collect();
        let message = if cycle.len() == 2 {
            format!("`{}` imports itself", chain[0])
        } else {
            format!("import cycle: {}", chain.join(" → "))
        };
        let mut d = Diagnostic::new(&CODE, imp.file, imp.path_span, message)
            .with_label("this import closes the cycle")
            .with_help(
                "imports must form a tree: move what both files need into a file that both import",
            );
        // The other imports along the cycle.
        for pair in cycle.windows(2) {
            let (from, to) = (pair[0], pair[1]);
            if from == imp.file {
                continue;
            }
            if let Some(other) = cx
                .model
                .imports
                .iter()
                .find(|i| i.file == from && i.target == Some(to) && i.duplicate_of.is_none())
            {
                d = d.with_secondary(other.file, other.path_span, "imported here");
            }
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_util::*;

    #[test]
    fn two_files_importing_each_other() {
        let ds = findings_in(
            &[
                ("a.journey", "import \"b.journey\"\n"),
                ("b.journey", "import \"a.journey\"\n"),
            ],
            "J0302",
        );
        assert_eq!(ds.len(), 1);
        assert_eq!(
            ds[0].message,
            "import cycle: a.journey → b.journey → a.journey"
        );
        assert_eq!(ds[0].secondary.len(), 1);
    }

    #[test]
    fn self_import_and_diamond() {
        let ds = findings_in(&[("a.journey", "import \"a.journey\"\n")], "J0302");
        assert_eq!(ds[0].message, "`a.journey` imports itself");
        let diamond = [
            ("a.journey", "import \"b.journey\"\nimport \"c.journey\"\n"),
            ("b.journey", "import \"d.journey\"\n"),
            ("c.journey", "import \"d.journey\"\n"),
            ("d.journey", ""),
        ];
        assert!(findings_in(&diamond, "J0302").is_empty());
    }
}
