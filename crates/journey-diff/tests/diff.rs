//! Every kind of change the diff reports, renames, and changes that are
//! not changes (layout, order, where a definition is written).

use journey_diff::{diff_texts, render, DefKind, Detail, Diff};

/// A small but complete journey: personas, phases with KPIs and
/// touchpoints, a goal with actors, impacts and deliverables.
const BASE: &str = r#"
journey shop "Shop" {
  value "Outdoor gear that lasts."
  phases awareness, purchase, loyalty
}

persona owner "Owner" {
  role "Runs a small shop"
  evidence "5 interviews, 2027"
  channels web, email, store
}

persona buyer "Buyer" {
  role "Buys for a team"
  evidence "3 interviews, 2027"
  channels web, email
}

phase awareness "Awareness" {
  kind awareness
  message "Gear that lasts for years."
  kpi reach "Visits from campaigns" target 1000 unit "per month"

  touchpoint ads "Search ads" {
    channel search online
    owner marketing
    serves owner, buyer
    says "Gear that lasts."
    expectation 3
    experience 3
  }
}

phase purchase "Purchase" {
  kind purchase
  message "Buying is quick."

  touchpoint checkout "Checkout" {
    channel web online
    owner shop_team
    systems shop, payment
    serves owner, buyer
    says "Pay in two clicks."
    kpi "Conversion rate" target 3 unit "%"
    expectation 4
    experience 3
    importance high
    monitored
  }
}

phase loyalty "Loyalty" {
  kind loyalty
  message "We stay in touch."

  touchpoint newsletter "Newsletter" {
    channel email online
    owner crm_team
    serves owner, buyer
    says "Tips for your gear."
  }

  touchpoint store_event "Store evenings" {
    channel event offline
    owner stores
    serves owner
    says "Meet other owners."
  }
}

goal revenue "Grow revenue" {
  metric "Monthly revenue in €" current 10000 target 15000 by 2027-12-31

  actor owner {
    impact buys_again "Buys again within a year" {
      kpi repeat "Repeat purchase rate" target 30 unit "%"
      via newsletter, store_event
      deliverable reminder "Reorder reminder" via newsletter
    }
  }
}
"#;

fn changes(old: &str, new: &str) -> Diff {
    diff_texts(&[("shop.journey", old)], &[("shop.journey", new)])
}

/// The human sentences of a diff.
fn messages(d: &Diff) -> Vec<String> {
    d.changes.iter().map(render::message).collect()
}

/// `BASE` with `from` replaced by `to` (which must occur exactly once).
fn edit(from: &str, to: &str) -> String {
    assert_eq!(BASE.matches(from).count(), 1, "`{from}` must occur once");
    BASE.replacen(from, to, 1)
}

fn assert_messages(new: &str, expected: &[&str]) {
    let d = changes(BASE, new);
    assert_eq!(messages(&d), expected);
}

// ---- nothing changed

#[test]
fn identical_versions_have_no_changes() {
    let d = changes(BASE, BASE);
    assert!(d.is_empty());
    assert_eq!(render::human(&d, false), "");
    assert_eq!(render::markdown(&d, "a", "b"), "");
}

#[test]
fn formatting_only_change_yields_nothing() {
    // Everything on few lines, odd spacing, `;` separators, comments,
    // a list wrapped after a comma, a text block for a one-line text.
    let messy = BASE
        .replace("\n  ", "\n      ")
        .replace("owner marketing\n", "owner    marketing ;")
        .replace(
            "systems shop, payment",
            "systems shop,\n        payment   # the two systems",
        )
        .replace(
            "message \"Buying is quick.\"",
            "message \"\"\"\n      Buying is quick.\n      \"\"\"",
        )
        .replace("target 1000", "target 1000.0");
    assert_ne!(messy, BASE);
    let d = changes(BASE, &messy);
    assert!(d.is_empty(), "{:#?}", messages(&d));
    // And the canonical formatting of the messy version changes nothing either.
    let canonical = journey_fmt::format(&messy, &Default::default()).expect("formats");
    assert!(changes(BASE, &canonical).is_empty());
}

#[test]
fn reordering_yields_nothing() {
    // Touchpoints swapped, list items reordered, definitions moved to
    // other files.
    let swapped = BASE.replace(
        "  touchpoint newsletter \"Newsletter\" {\n    channel email online\n    owner crm_team\n    serves owner, buyer\n    says \"Tips for your gear.\"\n  }\n\n  touchpoint store_event \"Store evenings\" {\n    channel event offline\n    owner stores\n    serves owner\n    says \"Meet other owners.\"\n  }",
        "  touchpoint store_event \"Store evenings\" {\n    says \"Meet other owners.\"\n    serves owner\n    owner stores\n    channel event offline\n  }\n\n  touchpoint newsletter \"Newsletter\" {\n    channel email online\n    owner crm_team\n    serves buyer, owner\n    says \"Tips for your gear.\"\n  }",
    )
    .replace("systems shop, payment", "systems payment, shop")
    .replace("channels web, email, store", "channels store, web, email");
    assert_ne!(swapped, BASE);
    assert!(changes(BASE, &swapped).is_empty());

    let (head, goals) = BASE.split_at(BASE.find("goal revenue").unwrap());
    let split = diff_texts(
        &[("shop.journey", BASE)],
        &[("goals.journey", goals), ("a/journey.journey", head)],
    );
    assert!(split.is_empty(), "{:#?}", messages(&split));
}

#[test]
fn spelled_out_defaults_are_not_changes() {
    // `state current` is the default, `monitored yes` is `monitored`,
    // `online` is the web channel's presence.
    let explicit = edit("    monitored\n", "    monitored yes\n    state current\n")
        .replace("channel web online", "channel web");
    assert!(changes(BASE, &explicit).is_empty());
}

// ---- touchpoints

#[test]
fn touchpoint_score_change() {
    assert_messages(
        &edit(
            "    expectation 4\n    experience 3\n",
            "    expectation 4\n    experience 4\n",
        ),
        &["experience at \"Checkout\" [checkout]: 3 → 4"],
    );
}

#[test]
fn touchpoint_added_and_removed() {
    let new = edit(
        "  touchpoint store_event \"Store evenings\" {\n    channel event offline\n    owner stores\n    serves owner\n    says \"Meet other owners.\"\n  }\n",
        "  touchpoint app \"Loyalty app\" {\n    channel app online\n    owner crm_team\n    serves owner\n  }\n",
    );
    let d = changes(BASE, &new);
    assert_eq!(
        messages(&d),
        [
            "touchpoint \"Loyalty app\" [app] added to phase \"Loyalty\" [loyalty]",
            // The impact still names it (the checker reports that).
            "touchpoint \"Store evenings\" [store_event] removed from phase \"Loyalty\" [loyalty]",
        ]
    );
    assert_eq!(d.summary().added, 1);
    assert_eq!(d.summary().removed, 1);
}

#[test]
fn touchpoint_renamed_keeps_references() {
    // Same content under a new id; the impact follows the rename.
    let new = BASE
        .replace("touchpoint store_event", "touchpoint owner_evenings")
        .replace(
            "via newsletter, store_event",
            "via newsletter, owner_evenings",
        );
    let d = changes(BASE, &new);
    assert_eq!(
        messages(&d),
        ["renamed touchpoint \"Store evenings\" [store_event] → [owner_evenings]"]
    );
    assert_eq!(
        d.changes[0].detail,
        Detail::Renamed {
            from: "store_event".into(),
            from_title: Some("Store evenings".into()),
        }
    );
}

#[test]
fn touchpoint_fields_changed_with_old_and_new_values() {
    let new = edit(
        "    channel web online\n    owner shop_team\n    systems shop, payment\n",
        "    channel app online\n    owner web_team\n    systems shop, erp\n",
    )
    .replace(
        "    importance high\n",
        "    importance critical\n    state planned\n",
    );
    assert_messages(
        &new,
        &[
            "touchpoint \"Checkout\" [checkout]: channel web → app",
            "touchpoint \"Checkout\" [checkout]: owner shop_team → web_team",
            "touchpoint \"Checkout\" [checkout]: systems: added erp; removed payment",
            "touchpoint \"Checkout\" [checkout]: importance high → critical",
            "touchpoint \"Checkout\" [checkout]: state current → planned",
        ],
    );
}

#[test]
fn touchpoint_copy_changed() {
    let d = changes(
        BASE,
        &edit("says \"Pay in two clicks.\"", "says \"Pay in one click.\""),
    );
    assert_eq!(
        messages(&d),
        ["touchpoint \"Checkout\" [checkout]: copy changed"]
    );
    let text = render::human(&d, false);
    assert!(text.contains("    - \"Pay in two clicks.\"\n"), "{text}");
    assert!(text.contains("    + \"Pay in one click.\"\n"), "{text}");
}

#[test]
fn touchpoint_moved_to_another_phase() {
    let block = "\n  touchpoint newsletter \"Newsletter\" {\n    channel email online\n    owner crm_team\n    serves owner, buyer\n    says \"Tips for your gear.\"\n  }\n";
    let new = edit(block, "\n").replacen(
        "  message \"Buying is quick.\"\n",
        &format!("  message \"Buying is quick.\"\n{block}"),
        1,
    );
    assert_messages(
        &new,
        &[
            "touchpoint \"Newsletter\" [newsletter]: moved from phase \"Loyalty\" [loyalty] to phase \"Purchase\" [purchase]",
            // It was the only touchpoint of loyalty that served buyer.
            "persona \"Buyer\" [buyer] no longer served in phase \"Loyalty\" [loyalty]",
        ],
    );
}

// ---- phases and messages

#[test]
fn phase_core_message_changed() {
    let d = changes(
        BASE,
        &edit("Gear that lasts for years.", "Gear for every season."),
    );
    assert_eq!(
        messages(&d),
        ["phase \"Awareness\" [awareness]: core message changed"]
    );
    match &d.changes[0].detail {
        Detail::Field { name, old, new, .. } => {
            assert_eq!(*name, "message");
            assert_eq!(
                old.as_ref().unwrap().display(),
                "\"Gear that lasts for years.\""
            );
            assert_eq!(
                new.as_ref().unwrap().display(),
                "\"Gear for every season.\""
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn phase_added_removed_and_renamed() {
    // loyalty renamed to retention (same content); a new phase advocacy.
    let new = BASE
        .replace("phase loyalty \"Loyalty\"", "phase retention \"Loyalty\"")
        .replace("phases awareness, purchase, loyalty", "phases awareness, purchase, retention, advocacy")
        + "\nphase advocacy \"Advocacy\" {\n  kind advocacy\n\n  touchpoint reviews \"Reviews\" {\n    channel web online\n    owner shop_team\n    serves buyer\n  }\n}\n";
    assert_messages(
        &new,
        &[
            "journey \"Shop\" [shop]: phases \"Awareness\" [awareness], \"Purchase\" [purchase], \"Loyalty\" [loyalty] → \"Awareness\" [awareness], \"Purchase\" [purchase], \"Loyalty\" [retention], \"Advocacy\" [advocacy]",
            "renamed phase \"Loyalty\" [loyalty] → [retention]",
            "phase \"Advocacy\" [advocacy] added",
            "touchpoint \"Reviews\" [reviews] added to phase \"Advocacy\" [advocacy]",
        ],
    );
}

#[test]
fn phase_removed_with_its_touchpoints() {
    let start = BASE.find("phase loyalty").unwrap();
    let end = BASE.find("goal revenue").unwrap();
    let new = format!("{}{}", &BASE[..start], &BASE[end..]).replace(
        "phases awareness, purchase, loyalty",
        "phases awareness, purchase",
    );
    let d = changes(BASE, &new);
    assert_eq!(
        messages(&d),
        [
            "journey \"Shop\" [shop]: phases \"Awareness\" [awareness], \"Purchase\" [purchase], \"Loyalty\" [loyalty] → \"Awareness\" [awareness], \"Purchase\" [purchase]",
            "phase \"Loyalty\" [loyalty] removed",
            "touchpoint \"Newsletter\" [newsletter] removed from phase \"Loyalty\" [loyalty]",
            "touchpoint \"Store evenings\" [store_event] removed from phase \"Loyalty\" [loyalty]",
        ]
    );
}

#[test]
fn journey_phase_order_changed() {
    assert_messages(
        &edit(
            "phases awareness, purchase, loyalty",
            "phases purchase, awareness, loyalty",
        ),
        &["journey \"Shop\" [shop]: phases \"Awareness\" [awareness], \"Purchase\" [purchase], \"Loyalty\" [loyalty] → \"Purchase\" [purchase], \"Awareness\" [awareness], \"Loyalty\" [loyalty]"],
    );
}

#[test]
fn journey_value_proposition_changed() {
    let d = changes(
        BASE,
        &edit(
            "value \"Outdoor gear that lasts.\"",
            "value \"Outdoor gear that lasts a lifetime.\"",
        ),
    );
    assert_eq!(
        messages(&d),
        ["journey \"Shop\" [shop]: value proposition changed"]
    );
    assert_eq!(
        render::human(&d, false),
        "~ journey \"Shop\" [shop]: value proposition changed
    - \"Outdoor gear that lasts.\"
    + \"Outdoor gear that lasts a lifetime.\"

1 change: 1 changed
"
    );
}

// ---- personas

#[test]
fn persona_no_longer_served_in_phase() {
    let d = changes(
        BASE,
        &edit(
            "    serves owner\n    says \"Meet other owners.\"",
            "    serves buyer\n    says \"Meet other owners.\"",
        ),
    );
    assert_eq!(
        messages(&d),
        ["touchpoint \"Store evenings\" [store_event]: now serves \"Buyer\" [buyer]; no longer serves \"Owner\" [owner]",]
    );
    // owner is still served by the newsletter in loyalty: no coverage change.
    let new = edit(
        "    serves owner, buyer\n    says \"Tips for your gear.\"",
        "    serves buyer\n    says \"Tips for your gear.\"",
    )
    .replace(
        "    serves owner\n    says \"Meet other owners.\"",
        "    serves buyer\n    says \"Meet other owners.\"",
    );
    let d = changes(BASE, &new);
    assert_eq!(
        messages(&d),
        [
            "touchpoint \"Newsletter\" [newsletter]: no longer serves \"Owner\" [owner]",
            "touchpoint \"Store evenings\" [store_event]: now serves \"Buyer\" [buyer]; no longer serves \"Owner\" [owner]",
            "persona \"Owner\" [owner] no longer served in phase \"Loyalty\" [loyalty]",
        ]
    );
    assert!(matches!(
        d.changes[2].detail,
        Detail::Served { ref phase, served: false, .. } if phase == "loyalty"
    ));
    assert_eq!(d.summary().coverage, 1);
}

#[test]
fn persona_added_removed_renamed_changed() {
    // buyer renamed to team_buyer everywhere; owner's role reworded; a
    // new persona.
    let new = BASE
        .replace("persona buyer", "persona team_buyer")
        .replace("serves owner, buyer", "serves owner, team_buyer")
        .replace(
            "role \"Runs a small shop\"",
            "role \"Runs two small shops\"",
        )
        + "\npersona guide \"Guide\" {\n  evidence \"2 interviews\"\n}\n";
    assert_messages(
        &new,
        &[
            "persona \"Owner\" [owner]: role \"Runs a small shop\" → \"Runs two small shops\"",
            "renamed persona \"Buyer\" [buyer] → [team_buyer]",
            "persona \"Guide\" [guide] added",
        ],
    );
    let gone = edit(
        "persona buyer \"Buyer\" {\n  role \"Buys for a team\"\n  evidence \"3 interviews, 2027\"\n  channels web, email\n}\n",
        "",
    );
    // The touchpoints still name it: the diff shows the definition gone.
    assert_eq!(
        messages(&changes(BASE, &gone)),
        ["persona \"Buyer\" [buyer] removed"]
    );
}

#[test]
fn persona_channels_changed() {
    assert_messages(
        &edit("channels web, email, store", "channels web, store, phone"),
        &["persona \"Owner\" [owner]: channels: added phone; removed email"],
    );
}

// ---- KPIs

#[test]
fn kpi_target_changed_added_removed_renamed() {
    assert_messages(
        &edit("target 1000 unit", "target 1500 unit"),
        &["KPI \"Visits from campaigns\" [reach]: target 1000 → 1500"],
    );
    // Unnamed KPI: known by its touchpoint and name.
    assert_messages(
        &edit(
            "kpi \"Conversion rate\" target 3",
            "kpi \"Conversion rate\" target 3.5",
        ),
        &["KPI \"Conversion rate\" of touchpoint \"Checkout\" [checkout]: target 3 → 3.5"],
    );
    assert_messages(
        &edit(
            "kpi reach \"Visits from campaigns\"",
            "kpi visits \"Visits from campaigns\"",
        ),
        &["renamed KPI \"Visits from campaigns\" [reach] → [visits]"],
    );
    assert_messages(
        &edit("    kpi \"Conversion rate\" target 3 unit \"%\"\n", ""),
        &["KPI \"Conversion rate\" removed from touchpoint \"Checkout\" [checkout]"],
    );
    assert_messages(
        &edit(
            "    says \"Tips for your gear.\"\n",
            "    says \"Tips for your gear.\"\n    kpi \"Open rate\" target 40 unit \"%\"\n",
        ),
        &["KPI \"Open rate\" added to touchpoint \"Newsletter\" [newsletter]"],
    );
    // A reworded unnamed KPI, the only one of its touchpoint: a change.
    assert_messages(
        &edit("kpi \"Conversion rate\"", "kpi \"Checkout conversion rate\""),
        &["KPI \"Checkout conversion rate\" of touchpoint \"Checkout\" [checkout]: name \"Conversion rate\" → \"Checkout conversion rate\""],
    );
}

// ---- goals, actors, impacts, deliverables

#[test]
fn goal_changes() {
    assert_messages(
        &edit("target 15000 by 2027-12-31", "target 18000 by 2028-06-30"),
        &[
            "goal \"Grow revenue\" [revenue]: target 15000 → 18000",
            "goal \"Grow revenue\" [revenue]: deadline 2027-12-31 → 2028-06-30",
        ],
    );
    assert_messages(
        &edit(
            "goal revenue \"Grow revenue\"",
            "goal sales \"Grow revenue\"",
        ),
        &["renamed goal \"Grow revenue\" [revenue] → [sales]"],
    );
    let extra = format!("{BASE}\ngoal loyalty_goal \"Keep customers\" {{\n  metric \"Churn in %\" current 5 target 3\n}}\n");
    assert_messages(&extra, &["goal \"Keep customers\" [loyalty_goal] added"]);
    let start = BASE.find("goal revenue").unwrap();
    assert_messages(&BASE[..start], &["goal \"Grow revenue\" [revenue] removed"]);
}

#[test]
fn impact_map_changes() {
    assert_messages(
        &edit("via newsletter, store_event", "via newsletter"),
        &["impact \"Buys again within a year\" [buys_again]: via touchpoints: removed \"Store evenings\" [store_event]"],
    );
    assert_messages(
        &edit("  actor owner {\n", "  actor buyer {\n"),
        &[
            "actor \"Buyer\" [buyer] added to goal \"Grow revenue\" [revenue]",
            "actor \"Owner\" [owner] removed from goal \"Grow revenue\" [revenue]",
            "impact \"Buys again within a year\" [buys_again]: moved from actor \"Owner\" [owner] in goal \"Grow revenue\" [revenue] to actor \"Buyer\" [buyer] in goal \"Grow revenue\" [revenue]",
        ],
    );
    assert_messages(
        &edit(
            "      deliverable reminder \"Reorder reminder\" via newsletter\n",
            "      deliverable reminder \"Reorder reminder\" via newsletter\n      deliverable \"Event invitations\" via store_event\n",
        ),
        &["deliverable \"Event invitations\" added to impact \"Buys again within a year\" [buys_again]"],
    );
    assert_messages(
        &edit("impact buys_again \"Buys again within a year\"", "impact buys_again \"Buys again within six months\""),
        &["impact \"Buys again within six months\" [buys_again]: title \"Buys again within a year\" → \"Buys again within six months\""],
    );
}

// ---- renderings

#[test]
fn markdown_groups_changes_for_a_pull_request() {
    let new = edit(
        "    expectation 4\n    experience 3\n",
        "    expectation 4\n    experience 4\n",
    )
    .replace("Gear that lasts for years.", "Gear for every season.");
    let md = render::markdown(&changes(BASE, &new), "main", "working tree");
    assert_eq!(
        md,
        "<!-- journeyc-diff -->
### Journey changes

**2 changes** between `main` and `working tree`: 2 changed; 1 finding resolved.

#### Phases

- ✏️ phase “Awareness” [`awareness`]: core message changed
  - was: “Gear that lasts for years.”
  - now: “Gear for every season.”

#### Touchpoints

- ✏️ experience at “Checkout” [`checkout`]: `3` → `4`

#### Scores

- scores for all personas: experience 1 up (net +1)

#### Findings resolved

- ✔️ warning `J0413` experience-below-expectation: pain point at `checkout`: experience 3 is 1 point below expectation 4
"
    );
}

#[test]
fn json_has_old_and_new_values() {
    let new = edit(
        "    expectation 4\n    experience 3\n",
        "    expectation 4\n    experience 4\n",
    );
    let text = render::json(&changes(BASE, &new), "HEAD", "working tree");
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["version"], 1);
    let c = &v["changes"][0];
    assert_eq!(c["entity"], "touchpoint");
    assert_eq!(c["id"], "checkout");
    assert_eq!(c["change"], "changed");
    assert_eq!(c["field"], "experience");
    assert_eq!(c["old"], 3);
    assert_eq!(c["new"], 4);
    assert_eq!(c["message"], "experience at \"Checkout\" [checkout]: 3 → 4");
    assert_eq!(v["summary"]["total"], 1);
}

#[test]
fn kinds_are_reported_in_order() {
    let new = BASE
        .replace("persona buyer", "persona team_buyer")
        .replace("serves owner, buyer", "serves owner, team_buyer")
        .replace("target 1000 unit", "target 1200 unit")
        .replace(
            "experience 3\n  }\n}\n\nphase purchase",
            "experience 2\n  }\n}\n\nphase purchase",
        );
    let d = changes(BASE, &new);
    let kinds: Vec<DefKind> = d.changes.iter().map(|c| c.kind).collect();
    let mut sorted = kinds.clone();
    sorted.sort();
    assert_eq!(kinds, sorted);
    assert_eq!(kinds.first(), Some(&DefKind::Persona));
}

// ---- the examples

/// Every example, compared with itself merged into one file (imports
/// dropped, definitions in another order of files): no changes.
#[test]
fn examples_merged_into_one_file_have_no_changes() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut names: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name())
        .collect();
    names.sort();
    assert!(names.len() >= 3);
    for name in names {
        let name = name.to_string_lossy();
        let (ws, _) = journey_diff::source::from_paths(&[root.join(&*name)]).unwrap();
        assert!(journey_diff::source::unreadable(&ws).is_empty(), "{name}");
        let mut merged = String::new();
        let mut files: Vec<_> = ws.files().map(|(_, f)| f.source.text.to_string()).collect();
        files.reverse();
        for text in files {
            for line in text.lines().filter(|l| !l.starts_with("import ")) {
                merged.push_str(line);
                merged.push('\n');
            }
        }
        let other = journey_diff::workspace_of(&[("all.journey", &merged)]);
        let d = journey_diff::diff_workspaces(&ws, &other);
        assert!(d.is_empty(), "{name}: {:#?}", messages(&d));
        assert!(!journey_diff::Snapshot::of_model(&ws.model())
            .entities
            .is_empty());
    }
}

// ---- strategy terms: renames by similarity, claim values, findings, scores

#[test]
fn persona_id_and_title_renamed_is_one_rename() {
    // New id, new name, a reworded evidence line; the touchpoints follow.
    let new = BASE
        .replace(
            "persona buyer \"Buyer\"",
            "persona team_buyer \"Team buyer\"",
        )
        .replace(
            "evidence \"3 interviews, 2027\"",
            "evidence \"4 interviews, 2027\"",
        )
        .replace("serves owner, buyer", "serves owner, team_buyer");
    let d = changes(BASE, &new);
    assert_eq!(
        messages(&d),
        [
            "renamed persona \"Buyer\" [buyer] → \"Team buyer\" [team_buyer]",
            "persona \"Team buyer\" [team_buyer]: evidence changed",
        ]
    );
    let text = render::human(&d, false);
    assert_eq!(text.matches("renamed").count(), 2, "{text}"); // line and summary
    assert!(
        !text.contains("added") && !text.contains("removed"),
        "{text}"
    );
    assert!(!text.contains("serves"), "{text}");
    // The same rename with nothing else changed in a persona that is
    // not like the other one: a different persona is added and removed.
    let replaced = BASE.replace(
        "persona buyer \"Buyer\" {\n  role \"Buys for a team\"\n  evidence \"3 interviews, 2027\"\n  channels web, email\n}",
        "persona guide \"Guide\" {\n  role \"Leads tours\"\n  evidence \"1 interview\"\n  channels phone\n}",
    );
    let kinds: Vec<&str> = changes(BASE, &replaced)
        .changes
        .iter()
        .map(|c| c.detail.category())
        .collect();
    assert!(
        kinds.contains(&"added") && kinds.contains(&"removed"),
        "{kinds:?}"
    );
    assert!(!kinds.contains(&"renamed"));
}

#[test]
fn touchpoint_renamed_with_new_title_keeps_via_and_serves() {
    // The impact's `via` and the deliverable follow; the copy was
    // reworded in the same change.
    let new = BASE
        .replace(
            "touchpoint store_event \"Store evenings\"",
            "touchpoint owner_evenings \"Owner evenings\"",
        )
        .replace("Meet other owners.", "Meet the other owners.")
        .replace(
            "via newsletter, store_event",
            "via newsletter, owner_evenings",
        );
    let d = changes(BASE, &new);
    assert_eq!(
        messages(&d),
        [
            "renamed touchpoint \"Store evenings\" [store_event] → \"Owner evenings\" [owner_evenings]",
            "touchpoint \"Owner evenings\" [owner_evenings]: copy changed",
        ]
    );
    assert!(d.findings.is_empty(), "{:?}", d.findings);
}

/// `BASE` with the checkout's and the newsletter's copy replaced.
fn with_copy(checkout: &str, newsletter: &str) -> String {
    edit(
        "says \"Pay in two clicks.\"",
        &format!("says \"{checkout}\""),
    )
    .replace(
        "says \"Tips for your gear.\"",
        &format!("says \"{newsletter}\""),
    )
}

#[test]
fn price_change_shows_old_and_new_value() {
    let old = with_copy("Care kit for 9,99 €.", "Tips for your gear.");
    let new = with_copy("Care kit for 12 €.", "Tips for your gear.");
    let d = changes(&old, &new);
    assert_eq!(
        messages(&d),
        ["touchpoint \"Checkout\" [checkout]: copy changed: price 9.99 € → 12 €"]
    );
    let text = render::human(&d, false);
    assert!(text.contains("    - \"Care kit for 9,99 €.\"\n"), "{text}");
    assert!(text.contains("    + \"Care kit for 12 €.\"\n"), "{text}");
    // Durations and thresholds, in another language and spelling.
    let old = with_copy("Lieferung in 24 Stunden, versandkostenfrei ab 50 €.", "x");
    let new = with_copy("Lieferung in 2 Tagen, versandkostenfrei ab 59 €.", "x");
    assert_eq!(
        messages(&changes(&old, &new)),
        ["touchpoint \"Checkout\" [checkout]: copy changed: delivery time 24 h → 48 h; shipping threshold 50 € → 59 €"]
    );
    // The same claim written differently: only the copy changed.
    let old = with_copy("Delivered in 24 hours.", "x");
    let new = with_copy("Delivered in one day.", "x");
    assert_eq!(
        messages(&changes(&old, &new)),
        ["touchpoint \"Checkout\" [checkout]: copy changed"]
    );
}

#[test]
fn contradiction_introduced_and_resolved() {
    let agreed = with_copy("Delivered within 24 hours.", "Delivered within 24 hours.");
    let broken = with_copy("Delivered within 24 hours.", "Delivered within 48 hours.");
    let d = changes(&agreed, &broken);
    assert_eq!(
        messages(&d),
        ["touchpoint \"Newsletter\" [newsletter]: copy changed: delivery time 24 h → 48 h"]
    );
    assert_eq!(d.findings.introduced.len(), 1, "{:?}", d.findings);
    assert!(d.findings.resolved.is_empty());
    let f = &d.findings.introduced[0];
    assert_eq!((f.code, f.name), ("J0504", "contradicting-claims"));
    assert!(f.message.contains("delivery time"), "{}", f.message);
    let text = render::human(&d, false);
    assert!(
        text.contains(&format!(
            "! introduces error J0504 contradicting-claims: {}\n",
            f.message
        )),
        "{text}"
    );
    assert!(
        text.ends_with("1 change: 1 changed; 1 finding introduced\n"),
        "{text}"
    );
    // Back again: the contradiction is resolved.
    let back = changes(&broken, &agreed);
    assert_eq!(back.findings.resolved.len(), 1);
    assert!(render::human(&back, false).contains("✓ resolves error J0504"));
    let md = render::markdown(&back, "a", "b");
    assert!(
        md.contains("#### Findings resolved\n\n- ✔️ error `J0504`"),
        "{md}"
    );
}

#[test]
fn findings_follow_renames() {
    // checkout's experience is below its expectation (J0413) before and
    // after the touchpoint is renamed: the finding is neither resolved
    // nor introduced.
    let new = BASE.replace(
        "touchpoint checkout \"Checkout\"",
        "touchpoint pay \"Checkout\"",
    );
    let d = changes(BASE, &new);
    assert_eq!(
        messages(&d),
        ["renamed touchpoint \"Checkout\" [checkout] → [pay]"]
    );
    assert!(d.findings.is_empty(), "{:?}", d.findings);
}

#[test]
fn score_changes_are_summarised() {
    let new = edit(
        "    expectation 4\n    experience 3\n",
        "    expectation 5\n    experience 2\n",
    )
    .replace(
        "    expectation 3\n    experience 3\n",
        "    expectation 3\n    experience 4\n",
    );
    let d = changes(BASE, &new);
    assert_eq!(
        messages(&d),
        [
            "experience at \"Search ads\" [ads]: 3 → 4",
            "expectation at \"Checkout\" [checkout]: 4 → 5",
            "experience at \"Checkout\" [checkout]: 3 → 2",
        ]
    );
    let text = render::human(&d, false);
    assert!(
        text.contains(
            "\nscores for all personas: experience 1 up, 1 down (net ±0); expectation 1 up (net +1)\n"
        ),
        "{text}"
    );
    let v: serde_json::Value = serde_json::from_str(&render::json(&d, "a", "b")).unwrap();
    let scores = v["scores"].as_array().unwrap();
    assert_eq!(scores[0]["measure"], "experience");
    assert_eq!(
        (scores[0]["up"].as_u64(), scores[0]["down"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(scores[0]["persona"], serde_json::Value::Null);
    let c = &v["changes"][0];
    assert_eq!(
        (c["field"].as_str(), c["old"].as_i64(), c["new"].as_i64()),
        (Some("experience"), Some(3), Some(4))
    );
}

#[test]
fn json_carries_titles_claims_and_findings() {
    let old = with_copy("Delivered within 24 hours.", "Delivered within 24 hours.");
    let new = with_copy("Delivered within 24 hours.", "Delivered within 48 hours.")
        .replace(
            "persona buyer \"Buyer\"",
            "persona team_buyer \"Team buyer\"",
        )
        .replace("serves owner, buyer", "serves owner, team_buyer");
    let v: serde_json::Value =
        serde_json::from_str(&render::json(&changes(&old, &new), "a", "b")).unwrap();
    let changes = v["changes"].as_array().unwrap();
    let renamed = changes.iter().find(|c| c["change"] == "renamed").unwrap();
    assert_eq!(
        (
            &renamed["from"],
            &renamed["from_title"],
            &renamed["id"],
            &renamed["title"]
        ),
        (
            &json("buyer"),
            &json("Buyer"),
            &json("team_buyer"),
            &json("Team buyer")
        )
    );
    let copy = changes.iter().find(|c| c["field"] == "says").unwrap();
    assert_eq!(copy["title"], "Newsletter");
    assert_eq!(copy["context"], "phase loyalty");
    assert_eq!(copy["context_titles"], "phase \"Loyalty\" [loyalty]");
    let claim = &copy["claims"][0];
    assert_eq!(
        (&claim["what"], &claim["old"], &claim["new"]),
        (&json("delivery time"), &json("24 h"), &json("48 h"))
    );
    assert_eq!(
        (claim["old_value"].as_i64(), claim["new_value"].as_i64()),
        (Some(24), Some(48))
    );
    let introduced = v["findings"]["introduced"].as_array().unwrap();
    assert_eq!(introduced[0]["code"], "J0504");
    assert_eq!(introduced[0]["severity"], "error");
    assert_eq!(v["summary"]["introduced"], 1);
    assert_eq!(v["summary"]["resolved"], 0);
}

fn json(s: &str) -> serde_json::Value {
    serde_json::Value::String(s.into())
}

#[test]
fn per_persona_score_and_cost_changes_are_summarised() {
    let old = edit(
        "    expectation 3\n    experience 3\n",
        "    expectation 3\n    experience 3\n    for buyer experience 2 feeling \"lost\"\n    cost 1200 EUR\n",
    );
    let new = edit(
        "    expectation 3\n    experience 3\n",
        "    expectation 3\n    experience 3\n    for buyer experience 4 feeling \"at home\"\n    cost 1500 EUR\n",
    );
    let d = changes(&old, &new);
    let m = messages(&d);
    assert!(
        m.iter()
            .any(|l| l == "experience of persona \"Buyer\" [buyer] at \"Search ads\" [ads]: 2 → 4"),
        "{m:#?}"
    );
    assert!(
        m.iter()
            .any(|l| l == "cost at \"Search ads\" [ads]: 1200 EUR → 1500 EUR"),
        "{m:#?}"
    );
    let text = render::human(&d, false);
    assert!(text.contains("persona \"Buyer\" [buyer]"), "{text}");
}

#[test]
fn a_persona_rename_carries_their_scores_along() {
    let old = edit(
        "    expectation 3\n    experience 3\n",
        "    expectation 3\n    experience 3\n    for buyer experience 2\n",
    );
    let new = old
        .replace(
            "persona buyer \"Buyer\"",
            "persona team_buyer \"Team buyer\"",
        )
        .replace("serves owner, buyer", "serves owner, team_buyer")
        .replace("for buyer experience", "for team_buyer experience")
        .replace("actor buyer", "actor team_buyer");
    let d = changes(&old, &new);
    let m = messages(&d);
    assert!(!m.iter().any(|l| l.contains("experience of")), "{m:#?}");
}
