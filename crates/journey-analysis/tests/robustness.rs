//! Whatever the files say, the analysis finishes without panicking and
//! every finding points inside its file.

use journey_analysis::Workspace;
use proptest::prelude::*;
use std::path::PathBuf;

/// Pieces of the language, shuffled into files that are half right.
const PIECES: &[&str] = &[
    "journey j \"J\" {",
    "persona p \"P\" {",
    "persona q {",
    "phase a \"A\" {",
    "phase b {",
    "touchpoint t \"T\" {",
    "touchpoint t {",
    "goal g \"G\" {",
    "actor p {",
    "actor x \"X\" {",
    "impact i \"I\" {",
    "}",
    "}",
    "}",
    "\n",
    "\n",
    "\n",
    "phases a, b, a, zz",
    "loop b -> t",
    "loop a -> a",
    "serves p, q, nobody",
    "via t, a",
    "deliverable d \"D\" via t",
    "deliverable \"E\"",
    "kpi k \"K\" target 3",
    "kpi \"K\"",
    "metric \"M\" current 1",
    "expectation 0",
    "expectation 5",
    "experience 7",
    "experience 2.5",
    "kind awarness",
    "kind purchase",
    "state planned",
    "importance critical",
    "monitored no",
    "moment",
    "moment \"M\"",
    "collects \"mail\"",
    "basis consnet",
    "channel emial",
    "channel kiosk offline",
    "channels web, kiosk",
    "owner team",
    "evidence \"\"",
    "allow \"over-delivery\"",
    "allow \"nope\" \"x\"",
    "allow J0413 \"why\"",
    "import \"b.journey\"",
    "import \"a.journey\"",
    "import \"missing.journey\"",
    "\"unterminated",
    "%",
    "ä",
    "🎉",
    ",",
    "->",
    ";",
];

fn file() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn analysis_never_panics(a in file(), b in file()) {
        let mut ws = Workspace::new();
        ws.set_file(PathBuf::from("/r/a.journey"), "a.journey".into(), a.clone());
        ws.set_file(PathBuf::from("/r/b.journey"), "b.journey".into(), b.clone());
        let ds = ws.diagnostics();
        for d in &ds {
            let len = if d.file() == ws.file_id(std::path::Path::new("/r/a.journey")).unwrap() {
                a.len()
            } else {
                b.len()
            };
            prop_assert!(d.span().end as usize <= len, "{} {:?}", d.code, d.span());
            for fix in &d.fixes {
                for e in &fix.edits {
                    prop_assert!(e.span.start <= e.span.end);
                }
            }
        }
        // The IDE queries hold up too.
        let m = ws.model();
        for s in m.symbols() {
            prop_assert!(s.name_span.start <= s.full_span.end);
        }
        for offset in (0..a.len() as u32).step_by(7) {
            let _ = m.def_at(journey_diagnostics::FileId(0), offset);
        }
    }
}
