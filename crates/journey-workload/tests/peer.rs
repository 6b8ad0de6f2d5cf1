//! The peer benchmark's two files hold the same journey: journeyc reads the
//! `.journey` file, the YAML is read line by line here, and both must give
//! the same personas, phases and touchpoints. The clean journey checks
//! without errors, each mistake of the findings-heavy variant is reported
//! by journeyc where it should be, and the schema's word lists are
//! journeyc's.

use journey_analysis::model::DefKind;
use journey_analysis::Workspace;
use journey_diagnostics::{Diagnostic, Severity};
use journey_workload::peer::{self, Content, Mistake, Shape};
use journey_workload::Rng;
use std::path::PathBuf;

fn shape(phases: usize, touchpoints: usize, mistakes: bool) -> Shape {
    Shape {
        phases,
        touchpoints_per_phase: touchpoints,
        personas: 4,
        seed: 7,
        mistakes,
    }
}

fn analyse(journey: &str) -> Workspace {
    let mut ws = Workspace::new();
    ws.set_file(
        PathBuf::from("/peer/journey.journey"),
        "journey.journey".into(),
        journey.to_string(),
    );
    ws
}

fn diagnostics(content: &Content) -> Vec<Diagnostic> {
    analyse(&peer::to_journey(content)).diagnostics()
}

/// The ids of the list items at `indent` spaces below the top-level key
/// `section` of the YAML the generator writes (`  - id: x` …).
fn yaml_ids(yaml: &str, section: &str, indent: usize) -> Vec<String> {
    let item = format!("{}- id: ", " ".repeat(indent));
    let mut in_section = false;
    let mut ids = Vec::new();
    for line in yaml.lines() {
        if !line.starts_with(' ') {
            in_section = line == format!("{section}:");
        } else if let Some(id) = line.strip_prefix(&item).filter(|_| in_section) {
            ids.push(id.to_string());
        }
    }
    ids
}

fn sorted(mut names: Vec<String>) -> Vec<String> {
    names.sort();
    names
}

#[test]
fn yaml_and_journey_hold_the_same_journey() {
    for mistakes in [false, true] {
        let content = peer::content(shape(12, 9, mistakes));
        let yaml = peer::to_yaml(&content);
        let journey = peer::to_journey(&content);
        let model = analyse(&journey).model();
        let defined = |kind| {
            sorted(
                model
                    .names_of_kind(kind)
                    .iter()
                    .map(|s| s.to_string())
                    .collect(),
            )
        };

        let personas = yaml_ids(&yaml, "personas", 2);
        let phases = yaml_ids(&yaml, "phases", 2);
        let touchpoints = yaml_ids(&yaml, "phases", 6);
        assert_eq!(
            (personas.len(), phases.len(), touchpoints.len()),
            (4, 12, 108)
        );
        assert_eq!(defined(DefKind::Persona), sorted(personas));
        assert_eq!(defined(DefKind::Phase), sorted(phases));
        assert_eq!(defined(DefKind::Touchpoint), sorted(touchpoints));

        // The same fields: each statement of a touchpoint is one YAML key
        // (`channel web online` is `channel` and `presence`).
        for (statement, key) in [
            ("channel", "channel"),
            ("owner", "owner"),
            ("serves", "serves"),
            ("says", "says"),
            ("kpi", "kpi"),
            ("expectation", "expectation"),
            ("experience", "experience"),
            ("importance", "importance"),
            ("monitored", "monitored"),
            ("state", "state"),
        ] {
            let in_journey = journey
                .lines()
                .filter(|l| l.starts_with(&format!("    {statement} ")))
                .count();
            let in_yaml = yaml
                .lines()
                .filter(|l| l.starts_with(&format!("        {key}:")))
                .count();
            assert_eq!(in_journey, in_yaml, "{statement} (mistakes: {mistakes})");
            assert!(in_yaml > 0, "{key}");
        }
    }
}

#[test]
fn clean_journey_checks_without_errors() {
    let content = peer::content(shape(30, 12, false));
    let errors: Vec<_> = diagnostics(&content)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

/// What journeyc reports for each mistake; `None`: nothing new (the schema
/// sees it, journeyc does not).
fn expected_code(mistake: Mistake) -> Option<&'static str> {
    match mistake {
        Mistake::ScoreOutOfRange => Some("J0307"),
        Mistake::UnknownChannel => Some("J0309"),
        Mistake::UnknownImportance | Mistake::UnknownState => Some("J0308"),
        Mistake::MissingOwner => Some("J0408"),
        Mistake::MissingServes => Some("J0407"),
        Mistake::CopyTooLong => Some("J0511"),
        Mistake::UndefinedPersona => Some("J0304"),
        Mistake::NameTooLong => None,
    }
}

#[test]
fn journeyc_reports_each_mistake_it_can_see() {
    let clean = peer::content(shape(2, 3, false));
    let codes = |content: &Content| {
        let mut codes: Vec<_> = diagnostics(content).iter().map(|d| d.code).collect();
        codes.sort();
        codes
    };
    let clean_codes = codes(&clean);
    for mistake in Mistake::ALL {
        let mut broken = clean.clone();
        mistake.apply(&mut broken.phases[1].touchpoints[2], &mut Rng::new(3));
        let broken_codes = codes(&broken);
        match expected_code(mistake) {
            Some(code) => assert_eq!(
                broken_codes.iter().filter(|c| **c == code).count(),
                clean_codes.iter().filter(|c| **c == code).count() + 1,
                "{mistake:?}: {broken_codes:?}"
            ),
            None => assert_eq!(broken_codes, clean_codes, "{mistake:?}"),
        }
    }
}

#[test]
fn findings_variant_has_mistakes_in_most_touchpoints() {
    let count = |mistakes| {
        let content = peer::content(shape(10, 20, mistakes));
        diagnostics(&content).len()
    };
    let (clean, broken) = (count(false), count(true));
    assert!(
        broken >= clean + 200,
        "{clean} clean, {broken} with mistakes"
    );
}

fn schema_enum(schema: &serde_json::Value, pointer: &str) -> Vec<String> {
    let values = schema
        .pointer(pointer)
        .and_then(|v| v.as_array())
        .unwrap_or_else(|| panic!("{pointer} is an enum"));
    values
        .iter()
        .map(|v| v.as_str().expect("enum of strings").to_string())
        .collect()
}

#[test]
fn schema_word_lists_are_journeycs() {
    use journey_syntax::schema::{CHANNELS, IMPORTANCE, PHASE_KINDS, PRESENCE, STATES};
    let schema: serde_json::Value = serde_json::from_str(peer::SCHEMA).expect("schema is JSON");
    let names = |values: &[journey_syntax::schema::EnumValue]| {
        values
            .iter()
            .map(|v| v.name.to_string())
            .collect::<Vec<_>>()
    };
    let channels: Vec<_> = CHANNELS.iter().map(|c| c.name.to_string()).collect();
    assert_eq!(schema_enum(&schema, "/definitions/channel/enum"), channels);
    let kinds = "/definitions/phase/properties/kind/enum";
    assert_eq!(schema_enum(&schema, kinds), names(PHASE_KINDS));
    let touchpoint = "/definitions/touchpoint/properties";
    assert_eq!(
        schema_enum(&schema, &format!("{touchpoint}/importance/enum")),
        names(IMPORTANCE)
    );
    assert_eq!(
        schema_enum(&schema, &format!("{touchpoint}/state/enum")),
        names(STATES)
    );
    assert_eq!(
        schema_enum(&schema, &format!("{touchpoint}/presence/enum")),
        names(PRESENCE)
    );
}
