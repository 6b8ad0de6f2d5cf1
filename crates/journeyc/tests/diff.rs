//! `journeyc diff` end to end: the real binary in git repositories the
//! tests create, and on folders.

use std::path::{Path, PathBuf};

mod common;
use common::{git, journeyc, stderr, stdout, temp_dir};

fn write(dir: &Path, path: &str, text: &str) {
    let p = dir.join(path);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

fn commit(dir: &Path, message: &str) {
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", message]);
}

const PERSONAS: &str = "persona owner \"Owner\" {
  role \"Runs a joinery\"
  evidence \"6 interviews\"
  channels web, email, event
}

persona manager \"Office manager\" {
  role \"Sends the invoices\"
  evidence \"4 interviews\"
  channels web, email
}
";

const JOURNEY: &str = "import \"personas.journey\"
import \"phases/purchase.journey\"
import \"phases/loyalty.journey\"

journey invoicing \"Invoicing\" {
  value \"Get paid faster.\"
  phases purchase, loyalty
}
";

const PURCHASE: &str = "import \"../personas.journey\"

phase purchase \"Purchase\" {
  kind purchase
  message \"Start in two minutes.\"

  touchpoint checkout \"Checkout\" {
    channel web online
    owner web_team
    serves owner, manager
    expectation 4
    experience 3
  }
}
";

const LOYALTY: &str = "import \"../personas.journey\"

phase loyalty \"Loyalty\" {
  kind loyalty
  message \"Every month, a clean handover.\"

  touchpoint report \"Monthly report\" {
    channel email online
    owner crm_team
    serves manager
  }

  touchpoint evenings \"Customer evenings\" {
    channel event offline
    owner field_sales
    serves owner
  }
}
";

/// A repository with the journey in `shop/` committed once.
fn repository(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    git(&dir, &["init", "-q"]);
    write(&dir, "shop/journey.journey", JOURNEY);
    // The workspace root: `phases/*.journey` import `../personas.journey`.
    write(&dir, "shop/journey.toml", "");
    write(&dir, "shop/personas.journey", PERSONAS);
    write(&dir, "shop/phases/purchase.journey", PURCHASE);
    write(&dir, "shop/phases/loyalty.journey", LOYALTY);
    write(&dir, "README.md", "not a journey\n");
    commit(&dir, "first");
    dir
}

/// The second commit: a score, a core message, a persona dropped from a
/// phase, a renamed touchpoint and a new one.
fn change_strategy(dir: &Path) {
    write(
        dir,
        "shop/phases/purchase.journey",
        &PURCHASE.replace("experience 3", "experience 4"),
    );
    write(
        dir,
        "shop/phases/loyalty.journey",
        &LOYALTY
            .replace("a clean handover.", "a clean handover to your tax advisor.")
            .replace("touchpoint report ", "touchpoint monthly_report ")
            .replace(
                "  touchpoint evenings \"Customer evenings\" {\n    channel event offline\n    owner field_sales\n    serves owner\n  }\n",
                "  touchpoint referrals \"Referral programme\" {\n    channel app online\n    owner crm_team\n    serves manager\n  }\n",
            ),
    );
}

const EXPECTED_HUMAN: &str = "~ phase \"Loyalty\" [loyalty]: core message changed
    - \"Every month, a clean handover.\"
    + \"Every month, a clean handover to your tax advisor.\"
~ experience at \"Checkout\" [checkout]: 3 → 4
~ renamed touchpoint \"Monthly report\" [report] → [monthly_report]
+ touchpoint \"Referral programme\" [referrals] added to phase \"Loyalty\" [loyalty]
- touchpoint \"Customer evenings\" [evenings] removed from phase \"Loyalty\" [loyalty]
! persona \"Owner\" [owner] no longer served in phase \"Loyalty\" [loyalty]
✓ resolves warning J0413 experience-below-expectation: pain point at `checkout`: experience 3 is 1 point below expectation 4

scores for all personas: experience 1 up (net +1)

6 changes: 1 added, 1 removed, 1 renamed, 2 changed, 1 coverage change; 1 finding resolved
";

#[test]
fn git_head_1_against_the_working_tree() {
    let dir = repository("two-commits");
    change_strategy(&dir);
    commit(&dir, "second");

    let out = journeyc(&["diff", "--git", "HEAD~1", "--color", "never"], &dir);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(stdout(&out), EXPECTED_HUMAN);

    // Two revisions.
    let out = journeyc(&["diff", "--git", "HEAD~1..HEAD", "--color", "never"], &dir);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(stdout(&out), EXPECTED_HUMAN);
    let out = journeyc(&["diff", "--git", "HEAD..HEAD~1", "--format", "json"], &dir);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        (v["old"].as_str(), v["new"].as_str()),
        (Some("HEAD"), Some("HEAD~1"))
    );
    assert_eq!(v["summary"]["renamed"], 1);

    // Against HEAD the working tree is unchanged.
    let out = journeyc(&["diff", "--git", "HEAD"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");

    // From a subfolder, with a path relative to it.
    let out = journeyc(
        &[
            "diff",
            "--git",
            "HEAD~1",
            "phases/purchase.journey",
            "--color",
            "never",
        ],
        &dir.join("shop"),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "~ experience at \"Checkout\" [checkout]: 3 → 4\n\
         ✓ resolves warning J0413 experience-below-expectation: pain point at `checkout`: experience 3 is 1 point below expectation 4\n\
         \n\
         scores for all personas: experience 1 up (net +1)\n\
         \n\
         1 change: 1 changed; 1 finding resolved\n"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn git_revision_resolves_imports_inside_the_revision() {
    let dir = repository("imports");
    // Only personas.journey changes; the diff names loyalty.journey,
    // which imports it. The old personas must come from the revision,
    // not from the disk.
    write(
        &dir,
        "shop/personas.journey",
        &PERSONAS.replace("Runs a joinery", "Runs a joinery with 8 people"),
    );
    commit(&dir, "second");
    let out = journeyc(
        &[
            "diff",
            "--git",
            "HEAD~1",
            "shop/phases/loyalty.journey",
            "--color",
            "never",
        ],
        &dir,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "~ persona \"Owner\" [owner]: role \"Runs a joinery\" → \"Runs a joinery with 8 people\"\n\n1 change: 1 changed\n"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn formatting_and_moving_definitions_is_no_change() {
    let dir = repository("layout");
    // Reformat one file badly, move a phase into another file, rename a
    // file: the strategy is the same.
    write(
        &dir,
        "shop/phases/purchase.journey",
        &PURCHASE
            .replace("\n  ", "\n        ")
            .replace("owner web_team\n", "owner web_team ;")
            .replace("serves owner, manager", "serves manager,\n   owner  # both"),
    );
    std::fs::remove_file(dir.join("shop/phases/loyalty.journey")).unwrap();
    write(&dir, "shop/phases/after_purchase.journey", LOYALTY);
    write(
        &dir,
        "shop/journey.journey",
        &JOURNEY.replace("phases/loyalty.journey", "phases/after_purchase.journey"),
    );
    commit(&dir, "layout only");
    let out = journeyc(&["diff", "--git", "HEAD~1"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    let out = journeyc(&["diff", "--git", "HEAD~1", "--format", "markdown"], &dir);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "");
    // JSON always prints a document.
    let out = journeyc(&["diff", "--git", "HEAD~1", "--format", "json"], &dir);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["changes"].as_array().map(Vec::len), Some(0));
    assert_eq!(v["summary"]["total"], 0);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn markdown_and_json_formats() {
    let dir = repository("formats");
    change_strategy(&dir); // uncommitted: compared with HEAD
    let out = journeyc(&["diff", "--git", "HEAD", "--format", "markdown"], &dir);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "<!-- journeyc-diff -->
### Journey changes

**6 changes** between `HEAD` and `working tree`: 1 added, 1 removed, 1 renamed, 2 changed, 1 coverage change; 1 finding resolved.

#### Phases

- ✏️ phase “Loyalty” [`loyalty`]: core message changed
  - was: “Every month, a clean handover.”
  - now: “Every month, a clean handover to your tax advisor.”

#### Touchpoints

- ✏️ experience at “Checkout” [`checkout`]: `3` → `4`
- 🔁 renamed touchpoint “Monthly report” [`report`] → [`monthly_report`]
- ➕ touchpoint “Referral programme” [`referrals`] added to phase “Loyalty” [`loyalty`]
- ➖ touchpoint “Customer evenings” [`evenings`] removed from phase “Loyalty” [`loyalty`]

#### Persona coverage

- ⚠️ persona “Owner” [`owner`] no longer served in phase “Loyalty” [`loyalty`]

#### Scores

- scores for all personas: experience 1 up (net +1)

#### Findings resolved

- ✔️ warning `J0413` experience-below-expectation: pain point at `checkout`: experience 3 is 1 point below expectation 4
"
    );
    let out = journeyc(&["diff", "--git", "HEAD", "--format", "json"], &dir);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    assert_eq!(v["old"], "HEAD");
    assert_eq!(v["summary"]["total"], 6);
    let renamed = v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["change"] == "renamed")
        .expect("a rename");
    assert_eq!(renamed["from"], "report");
    assert_eq!(renamed["id"], "monthly_report");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn two_folders() {
    let dir = repository("folders");
    let old = dir.join("shop");
    let new = dir.join("shop2");
    std::fs::create_dir_all(new.join("phases")).unwrap();
    for f in [
        "journey.toml",
        "journey.journey",
        "personas.journey",
        "phases/purchase.journey",
        "phases/loyalty.journey",
    ] {
        std::fs::copy(old.join(f), new.join(f)).unwrap();
    }
    let out = journeyc(&["diff", "shop", "shop2"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    change_strategy(&dir); // edits shop/, the "old" side
    let out = journeyc(&["diff", "shop2", "shop", "--color", "never"], &dir);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), EXPECTED_HUMAN);
    // Two files.
    let out = journeyc(
        &[
            "diff",
            "shop2/phases/purchase.journey",
            "shop/phases/purchase.journey",
            "--color",
            "never",
        ],
        &dir,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).starts_with("~ experience at \"Checkout\" [checkout]: 3 → 4\n"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn errors_exit_with_2() {
    let dir = repository("errors");
    let cases: &[(&[&str], &str)] = &[
        (
            &["diff", "--git", "no-such-rev"],
            "unknown git revision `no-such-rev`",
        ),
        (&["diff", "shop"], "expected two paths, OLD and NEW"),
        (
            &["diff", "--git", "HEAD.."],
            "write two revisions as OLD..NEW",
        ),
        (
            &["diff", "--git", "HEAD..nope"],
            "unknown git revision `nope`",
        ),
        (&["diff", "shop", "missing"], "cannot read `missing`"),
        (
            &["diff", "--git", "HEAD", "nowhere"],
            "`nowhere` exists neither in the working tree nor at HEAD",
        ),
    ];
    for (args, message) in cases {
        let out = journeyc(args, &dir);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
        assert_eq!(stdout(&out), "");
    }
    // A syntax error in the new version.
    write(
        &dir,
        "shop/phases/purchase.journey",
        "phase purchase {\n  message \"open\n}\n",
    );
    let out = journeyc(&["diff", "--git", "HEAD", "--color", "never"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("working tree has syntax errors in 1 file"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("purchase.journey:2:"),
        "{}",
        stderr(&out)
    );
    // Outside a repository.
    let outside = temp_dir("outside");
    let out = journeyc(&["diff", "--git", "HEAD"], &outside);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("error: git"), "{}", stderr(&out));
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::remove_dir_all(&outside).unwrap();
}

#[test]
fn without_paths_the_journey_toml_workspace_is_compared() {
    // journey.toml at the top excludes a folder of deliberately broken
    // fixtures; without paths, diff compares what check would check.
    let dir = repository("workspace");
    write(
        &dir,
        "journey.toml",
        "[workspace]\nexclude = [\"fixtures\"]\n",
    );
    write(
        &dir,
        "fixtures/broken.journey",
        "phase x {\n  message \"open\n}\n",
    );
    commit(&dir, "workspace");
    change_strategy(&dir);
    commit(&dir, "second");
    let out = journeyc(&["diff", "--git", "HEAD~1", "--color", "never"], &dir);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(stdout(&out), EXPECTED_HUMAN);
    let out = journeyc(
        &["diff", "--git", "HEAD~1..HEAD", "--color", "never"],
        &dir.join("shop"),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(stdout(&out), EXPECTED_HUMAN);
    // Naming the top folder includes the fixtures: their syntax errors
    // are reported and nothing is compared.
    let out = journeyc(&["diff", "--git", "HEAD~1", "."], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("has syntax errors in 1 file"),
        "{}",
        stderr(&out)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn persona_renamed_across_files_and_a_delivery_time_changed() {
    // The persona `manager` becomes `office` ("Office lead") in
    // personas.journey; the touchpoints in both phase files follow. The
    // checkout's copy promises a slower delivery, which now contradicts
    // the report's copy; its unchanged price is not listed.
    let dir = repository("strategy-terms");
    let copy = |purchase: &str, report: &str| {
        write(
            &dir,
            "shop/phases/purchase.journey",
            &PURCHASE.replace(
                "    expectation 4\n",
                &format!("    says \"Invoicing for 9,99 € a month.\"\n    says \"{purchase}\"\n    expectation 4\n"),
            ),
        );
        write(
            &dir,
            "shop/phases/loyalty.journey",
            &LOYALTY.replace(
                "    serves manager\n  }",
                &format!("    serves manager\n    says \"{report}\"\n  }}"),
            ),
        );
    };
    copy(
        "Your report arrives within 24 hours.",
        "Your report arrives within one day.",
    );
    commit(&dir, "copy");
    copy(
        "Your report arrives within 48 hours.",
        "Your report arrives within one day.",
    );
    write(
        &dir,
        "shop/personas.journey",
        &PERSONAS.replace(
            "persona manager \"Office manager\"",
            "persona office \"Office lead\"",
        ),
    );
    for file in [
        "shop/phases/purchase.journey",
        "shop/phases/loyalty.journey",
    ] {
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        write(&dir, file, &text.replace("manager", "office"));
    }
    let out = journeyc(&["diff", "--git", "HEAD", "--color", "never"], &dir);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[..2],
        [
            "~ renamed persona \"Office manager\" [manager] → \"Office lead\" [office]",
            "~ touchpoint \"Checkout\" [checkout]: copy changed: delivery time 24 h → 48 h",
        ],
        "{text}"
    );
    assert_eq!(text.matches("renamed persona").count(), 1, "{text}");
    assert!(!text.contains("serves"), "{text}");
    assert!(
        text.contains("! introduces error J0504 contradicting-claims: contradicting delivery time"),
        "{text}"
    );
    assert!(
        text.ends_with("2 changes: 1 renamed, 1 changed; 1 finding introduced\n"),
        "{text}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
