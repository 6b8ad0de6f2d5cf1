//! Every check, in code order. `journeyc explain`, SARIF rule lists and
//! level resolution read this list.

use super::*;

pub const CHECKS: &[Check] = &[
    Check::new(&import_not_found::CODE, import_not_found::run),
    Check::new(&import_cycle::CODE, import_cycle::run),
    Check::new(&duplicate_import::CODE, duplicate_import::run),
    Check::new(&undefined_reference::CODE, undefined_reference::run),
    Check::new(&duplicate_definition::CODE, duplicate_definition::run),
    Check::new(
        &name_shared_across_kinds::CODE,
        name_shared_across_kinds::run,
    ),
    Check::new(&score_out_of_range::CODE, score_out_of_range::run),
    Check::new(&unknown_value::CODE, unknown_value::run),
    Check::new(&unknown_channel::CODE, unknown_channel::run),
    Check::new(
        &import_outside_workspace::CODE,
        import_outside_workspace::run,
    ),
    Check::new(&phase_not_listed::CODE, phase_not_listed::run),
    Check::new(&loop_target_not_a_phase::CODE, loop_target_not_a_phase::run),
    Check::new(&phase_listed_twice::CODE, phase_listed_twice::run),
    Check::new(
        &phase_without_touchpoints::CODE,
        phase_without_touchpoints::run,
    ),
    Check::new(
        &journey_ends_at_purchase::CODE,
        journey_ends_at_purchase::run,
    ),
    Check::new(&persona_not_served::CODE, persona_not_served::run),
    Check::new(
        &touchpoint_serves_no_persona::CODE,
        touchpoint_serves_no_persona::run,
    ),
    Check::new(
        &touchpoint_without_owner::CODE,
        touchpoint_without_owner::run,
    ),
    Check::new(&goal_not_measurable::CODE, goal_not_measurable::run),
    Check::new(&impact_without_kpi::CODE, impact_without_kpi::run),
    Check::new(
        &deliverable_without_touchpoint::CODE,
        deliverable_without_touchpoint::run,
    ),
    Check::new(&touchpoint_not_reached::CODE, touchpoint_not_reached::run),
    Check::new(
        &experience_below_expectation::CODE,
        experience_below_expectation::run,
    ),
    Check::new(&over_delivery::CODE, over_delivery::run),
    Check::new(
        &personal_data_without_basis::CODE,
        personal_data_without_basis::run,
    ),
    Check::new(
        &important_touchpoint_not_monitored::CODE,
        important_touchpoint_not_monitored::run,
    ),
    Check::new(&moment_without_kpi::CODE, moment_without_kpi::run),
    Check::new(
        &persona_without_evidence::CODE,
        persona_without_evidence::run,
    ),
    Check::new(
        &touchpoint_channel_not_used::CODE,
        touchpoint_channel_not_used::run,
    ),
    Check::new(
        &persona_channel_not_covered::CODE,
        persona_channel_not_covered::run,
    ),
    Check::new(
        &planned_touchpoint_with_experience::CODE,
        planned_touchpoint_with_experience::run,
    ),
    Check::opt_in(&touchpoint_without_kpi::CODE, touchpoint_without_kpi::run),
    Check::new(&journey_without_phases::CODE, journey_without_phases::run),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique_and_well_formed() {
        let all = crate::all_codes();
        for (i, a) in all.iter().enumerate() {
            assert!(a.code.len() == 5 && a.code.starts_with('J'), "{}", a.code);
            assert!(
                a.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{} is not kebab-case",
                a.name
            );
            assert!(
                !a.summary.is_empty() && !a.explanation.is_empty(),
                "{}",
                a.code
            );
            for b in &all[i + 1..] {
                assert_ne!(a.code, b.code);
                assert_ne!(a.name, b.name);
            }
        }
    }

    #[test]
    fn checks_are_in_code_order_and_explained_with_examples() {
        for w in CHECKS.windows(2) {
            assert!(
                w[0].code.code < w[1].code.code,
                "{} before {}",
                w[0].code.code,
                w[1].code.code
            );
        }
        for c in CHECKS {
            let e = c.code.explanation;
            assert!(
                e.contains("Bad") && e.contains("Good"),
                "{} lacks examples",
                c.code.code
            );
        }
    }
}
