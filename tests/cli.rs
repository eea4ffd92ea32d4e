//! The command line as a trainer or a script uses it: exit codes, what is printed, and the
//! JSON of scripted play.

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::composure;

use predicates::prelude::*;

fn fixture_dir() -> &'static str {
    "tests/fixtures/tui"
}

#[test]
fn check_without_paths_checks_the_shipped_library_and_exits_0() {
    composure()
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains("0 errors").or(predicate::str::contains("no problems")));
}

#[test]
fn check_prints_every_problem_with_its_position_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let source = std::fs::read_to_string("tests/fixtures/tui/late-order.ron").unwrap();
    let broken = source.replace("next: \"lost\"", "next: \"lots\"").replace(
        "Follows(\"set-expectations\", 2)",
        "Follows(\"set-expectation\", 2)",
    );
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, &broken).unwrap();
    let line_of = |needle: &str| broken.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let out = composure()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let shown = path.display().to_string();
    assert!(
        out.contains(&format!(
            "{shown}:{}:21: error: choice \"snap\" leads to a missing node \"lots\"",
            line_of("\"lots\"")
        )),
        "{out}"
    );
    assert!(out.contains("unknown rule \"set-expectation\""), "{out}");
    assert!(out.contains("did you mean \"set-expectations\"?"), "{out}");
    assert!(
        out.contains("missing node \"lots\"; did you mean \"lost\"?"),
        "{out}"
    );
    assert!(
        out.contains("node \"lost\" cannot be reached from the start"),
        "{out}"
    );
    assert!(out.contains("3 errors, 0 warnings in 1 file"), "{out}");
}

#[test]
fn check_of_a_folder_reads_every_ron_file_in_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy("tests/fixtures/valid/minimal.ron", dir.path().join("a.ron")).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a scenario").unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("sub/b.ron"), "Scenario(").unwrap();
    composure()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("b.ron:1:"))
        .stdout(predicate::str::contains(
            "checked 2 files: 1 error, 0 warnings in 1 file",
        ));
}

#[test]
fn check_reports_a_path_that_does_not_exist() {
    composure()
        .args(["check", "no/such/file.ron"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "no/such/file.ron: error: cannot open",
        ));
}

#[test]
fn check_reports_the_same_scenario_id_in_two_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        "tests/fixtures/tui/late-order.ron",
        dir.path().join("a.ron"),
    )
    .unwrap();
    std::fs::copy(
        "tests/fixtures/tui/late-order.ron",
        dir.path().join("b.ron"),
    )
    .unwrap();
    composure()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "scenario id \"late-order\" in language \"en\" is already used by",
        ));
}

#[test]
fn list_prints_ids_client_types_and_titles() {
    composure()
        .arg("list")
        .assert()
        .success()
        .stdout(
            predicate::str::is_match(
                r#"(?m)^king-\S+\s+en\s+The "king"\s+\d+ decisions\s+(easy|medium|hard)\s+\S"#,
            )
            .unwrap(),
        )
        .stdout(predicate::str::is_match(r"(?m)^rude-\S+\s+en\s+Rude, shouting\s").unwrap())
        .stdout(predicate::str::is_match(r"(?m)^indecisive-\S+\s+en\s+Indecisive\s").unwrap())
        .stdout(predicate::str::is_match(r"(?m)^id\s+language\s+client\s+length").unwrap());
}

#[test]
fn list_includes_a_trainers_folder_and_warns_about_broken_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        "tests/fixtures/tui/late-order.ron",
        dir.path().join("a.ron"),
    )
    .unwrap();
    std::fs::write(dir.path().join("b.ron"), "Scenario(").unwrap();
    composure()
        .arg("list")
        .arg("--scenarios")
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("late-order"))
        .stderr(predicate::str::contains("b.ron:1:"));
}

#[test]
fn rules_prints_every_rule_with_what_it_means_what_breaks_it_and_its_articles() {
    let out = composure()
        .arg("rules")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let book = composure::rules::Rulebook::embedded().unwrap();
    for rule in &book.rules {
        assert!(
            out.contains(&format!("\n{} [{}]\n", rule.name, rule.id)),
            "no heading for {}",
            rule.id
        );
    }
    let squeezed = out.split_whitespace().collect::<Vec<_>>().join(" ");
    let first = &book.rules[0];
    assert!(squeezed.contains(&format!("What it means: {}", first.guidance)));
    assert!(squeezed.contains(&format!("What breaks it: {}", first.breaks)));
    assert!(squeezed.contains(
        "Sources: guidance article 000 (English, machine-translated); guidance article 001 (Norwegian); guidance article 004 (English)"
    ));
    // The articles are cited for what they are, not as files to look for.
    assert!(!out.contains(".txt"), "{out}");
    assert!(out.contains("not shipped with Composure"));
    assert!(out.lines().all(|l| l.chars().count() <= 80), "{out}");
}

#[test]
fn rules_in_norwegian_give_norwegian_names_meanings_and_sources() {
    let out = composure()
        .args(["--lang", "nb", "rules"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let squeezed = out.split_whitespace().collect::<Vec<_>>().join(" ");
    let book = composure::rules::Rulebook::embedded_in(composure::lang::Lang::Nb).unwrap();
    for rule in &book.rules {
        assert!(out.contains(&format!("{} [{}]", rule.name, rule.id)));
        assert!(squeezed.contains(&format!("Hva den betyr: {}", rule.guidance)));
        assert!(squeezed.contains(&format!("Hva som bryter den: {}", rule.breaks)));
    }
    assert!(out.contains("Hold en rolig og vennlig tone [calm-benevolent-tone]"));
    assert!(squeezed.contains(
        "Kilder: veiledningsartikkel 000 (engelsk, maskinoversatt); veiledningsartikkel 001 (norsk)"
    ));
    assert!(!out.contains("What it means"), "{out}");
}

#[test]
fn rules_with_an_id_prints_that_rule_and_a_misspelt_one_suggests_the_right_one() {
    composure()
        .args(["--lang", "ru", "rules", "no-superiority"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "Не ставьте клиента на место [no-superiority]\n",
        ))
        .stdout(predicate::str::contains(
            "Источники: статья 000 (на английском, машинный перевод)",
        ));
    composure()
        .args(["rules", "no-superiorty"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean \"no-superiority\""));
}

#[test]
fn scripted_play_prints_the_graded_transcript_as_json() {
    let out = composure()
        .args(["play", "late-order", "--scenarios", fixture_dir()])
        .args(["--answers", "acknowledge,express", "--json", "--seed", "9"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(json["scenario"]["id"], "late-order");
    assert_eq!(json["seed"], 9);
    assert_eq!(json["score"], 100);
    assert_eq!(json["handling"], 100);
    assert_eq!(json["ending_cap"], 100);
    assert_eq!(json["serious_cap"], 100);
    assert_eq!(json["limited_by"], "handling");
    assert_eq!(json["grading"], 2);
    assert_eq!(json["ending"]["outcome"], "Resolved");
    assert_eq!(json["ending"]["rating"], "Excellent");
    assert_eq!(json["steps"].as_array().unwrap().len(), 2);
    assert_eq!(json["steps"][0]["chosen"]["id"], "acknowledge");
    assert_eq!(
        json["steps"][0]["verdicts"][0]["rule"],
        "agree-before-objecting"
    );
    assert_eq!(json["steps"][0]["offered"].as_array().unwrap().len(), 3);
}

#[test]
fn scripted_play_with_the_same_seed_prints_the_same_transcript() {
    let run = || {
        let out = composure()
            .args(["play", "late-order", "--scenarios", fixture_dir()])
            .args(["--answers", "blame-courier,soon", "--json", "--seed", "4"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let mut json: serde_json::Value = serde_json::from_slice(&out).unwrap();
        // The start time is the wall clock; everything else must match.
        json["started_at_ms"] = serde_json::Value::Null;
        json
    };
    assert_eq!(run(), run());
}

#[test]
fn scripted_play_without_json_prints_a_readable_transcript() {
    composure()
        .args(["play", "late-order", "--scenarios", fixture_dir()])
        .args(["--answers", "blame-courier,soon"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Best here: You're right"))
        .stdout(predicate::str::contains("Ending: Resolved"))
        .stdout(predicate::str::contains("Score: 0/100"));
}

#[test]
fn an_unknown_choice_id_is_a_clear_error() {
    composure()
        .args(["play", "late-order", "--scenarios", fixture_dir()])
        .args(["--answers", "acknowledge,teleport", "--json"])
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("answer 2 of 2"))
        .stderr(predicate::str::contains(
            "\"teleport\" is not offered at \"delivery\"",
        ))
        .stderr(predicate::str::contains("express"));
}

#[test]
fn a_choice_from_another_decision_is_not_offered() {
    composure()
        .args(["play", "late-order", "--scenarios", fixture_dir()])
        .args(["--answers", "express"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "\"express\" is not offered at \"opening\"",
        ));
}

#[test]
fn answers_that_stop_before_an_ending_are_an_error() {
    composure()
        .args(["play", "late-order", "--scenarios", fixture_dir()])
        .args(["--answers", "acknowledge"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("ran out at \"delivery\""));
}

#[test]
fn answers_beyond_the_ending_are_an_error() {
    composure()
        .args(["play", "late-order", "--scenarios", fixture_dir()])
        .args(["--answers", "snap,express"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "\"express\" and any after it were not used",
        ));
}

#[test]
fn an_unknown_scenario_id_lists_the_library() {
    composure()
        .args(["play", "no-such-scenario", "--answers", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no scenario with id \"no-such-scenario\"",
        ))
        .stderr(predicate::str::contains("king-"));
}

#[test]
fn json_without_answers_is_a_usage_error() {
    composure()
        .args(["play", "late-order", "--json"])
        .assert()
        .code(2);
}

/// A copy of the fixture with one choice left ungraded: a warning, not an error.
fn ungraded_copy(dir: &std::path::Path) -> std::path::PathBuf {
    let source = std::fs::read_to_string("tests/fixtures/tui/late-order.ron").unwrap();
    let ungraded = source.replace(
        "verdicts: [Breaks(\"set-expectations\", 2)],",
        "verdicts: [],",
    );
    assert_ne!(source, ungraded);
    let path = dir.join("ungraded.ron");
    std::fs::write(&path, ungraded).unwrap();
    path
}

#[test]
fn warnings_pass_check_but_fail_it_with_strict() {
    let dir = tempfile::tempdir().unwrap();
    let path = ungraded_copy(dir.path());
    composure()
        .arg("check")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "warning: choice \"soon\" has no rule verdict, so it cannot be graded [ungraded-choice]",
        ))
        .stdout(predicate::str::contains("0 errors, "));
    composure()
        .arg("check")
        .arg("--strict")
        .arg(&path)
        .assert()
        .code(1);
}

#[test]
fn check_as_json_lists_problems_with_severity_and_the_coverage() {
    let dir = tempfile::tempdir().unwrap();
    let path = ungraded_copy(dir.path());
    let out = composure()
        .args(["check", "--format", "json"])
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(json["errors"], 0);
    assert_eq!(json["failed"], false);
    let problems = json["problems"].as_array().unwrap();
    assert_eq!(json["warnings"], problems.len());
    // Every warning carries its stable code; the ungraded choice is one of them.
    assert!(problems.iter().all(|p| p["severity"] == "warning"));
    assert!(
        problems.iter().all(|p| p["code"].is_string()),
        "{problems:?}"
    );
    let ungraded: Vec<_> = problems
        .iter()
        .filter(|p| p["code"] == "ungraded-choice")
        .collect();
    assert_eq!(ungraded.len(), 1, "{problems:?}");
    assert!(ungraded[0]["position"]["line"].as_u64().unwrap() > 1);
    let library = json["coverage"]["library"].as_array().unwrap();
    let calm = library
        .iter()
        .find(|r| r["rule"] == "calm-benevolent-tone")
        .unwrap();
    assert_eq!(
        (calm["followed"].as_u64(), calm["broken"].as_u64()),
        (Some(0), Some(1))
    );
    assert_eq!(json["coverage"]["scenarios"][0]["id"], "late-order");
}

#[test]
fn coverage_names_rules_never_used_and_never_followed() {
    composure()
        .args(["check", "--coverage", "tests/fixtures/tui"])
        .assert()
        .success()
        .stdout(
            predicate::str::is_match(
                r"(?m)^  help-choose\s+follows\s+0\s+breaks\s+0\s+never used$",
            )
            .unwrap(),
        )
        .stdout(predicate::str::is_match(r"(?m)^  calm-benevolent-tone .*never followed$").unwrap())
        .stdout(predicate::str::contains("late-order: "));
}

#[test]
fn check_of_an_empty_folder_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    composure()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "no scenario files (*.ron) in this folder",
        ));
}

#[test]
fn completions_are_generated_for_bash_from_the_command_line_definition() {
    composure()
        .args(["completions", "bash"])
        .assert()
        .success()
        .stdout(predicate::str::contains("_composure()"))
        .stdout(predicate::str::contains("complete -F _composure"))
        .stdout(predicate::str::contains("completions"));
    composure()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid value 'tcsh'"));
}

#[test]
fn the_manual_page_is_roff_with_every_subcommand_and_the_exit_status() {
    let out = composure()
        .arg("man")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let page = String::from_utf8(out).unwrap();
    assert!(
        page.starts_with(".ie") || page.contains(".TH composure 1"),
        "{page}"
    );
    assert!(page.contains(".TH composure 1"), "{page}");
    for command in ["check", "play", "report", "completions", "man"] {
        assert!(
            page.contains(&format!("composure\\-{command}")),
            "{command}:\n{page}"
        );
    }
    assert!(page.contains(".SH \"EXIT STATUS\""), "{page}");
    // The pages composure(1) refers to exist.
    let out = composure()
        .args(["man", "check"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let page = String::from_utf8(out).unwrap();
    assert!(page.contains(".TH composure-check 1"), "{page}");
    assert!(page.contains("strict"), "{page}");
    composure()
        .args(["man", "chek"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean \"check\"?"));
}

#[test]
fn help_ends_with_the_exit_status() {
    composure()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Exit status:"))
        .stdout(predicate::str::contains(
            "  1  Problems were found in your files or answers",
        ));
}

#[test]
fn a_misspelt_subcommand_is_a_usage_error_that_suggests_the_right_one() {
    composure()
        .arg("chek")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "a similar subcommand exists: 'check'",
        ));
}

#[test]
fn a_misspelt_scenario_id_suggests_the_nearest_one_and_exits_2() {
    composure()
        .args([
            "play",
            "lat-order",
            "--scenarios",
            fixture_dir(),
            "--answers",
            "x",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no scenario with id \"lat-order\"; did you mean \"late-order\"?",
        ));
}

#[test]
fn a_misspelt_field_suggests_the_field_it_was_meant_to_be() {
    composure()
        .args(["check", "tests/fixtures/invalid/unknown-field-ending.ron"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("did you mean `closing`?"));
}

/// Without a terminal the screens used to fail with "cannot watch for signals: No such
/// device or address"; they say what is missing and what works instead.
#[test]
fn screens_without_a_terminal_say_so_and_point_at_scripted_play() {
    let data = tempfile::tempdir().unwrap();
    for args in [
        vec![],
        vec!["play", "late-order", "--scenarios", fixture_dir()],
        vec![
            "play",
            "late-order",
            "--scenarios",
            fixture_dir(),
            "--trainee",
            "Ann",
        ],
        vec!["drill", "first-week", "--trainee", "Ann"],
    ] {
        composure()
            .args(&args)
            .arg("--data-dir")
            .arg(data.path())
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "this screen needs a terminal, and standard input or output is not one",
            ))
            .stderr(predicate::str::contains("--answers"))
            .stderr(predicate::str::contains("signals").not());
    }
    // Nothing was saved or created on the way to the refusal.
    assert!(std::fs::read_dir(data.path()).unwrap().next().is_none());
    composure()
        .args(["history", "--trainee", "Ann", "--data-dir"])
        .arg(data.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("composure report --trainee NAME"));
}

#[test]
fn trainee_names_with_control_bidi_or_invisible_characters_are_refused() {
    let data = tempfile::tempdir().unwrap();
    for name in [
        "Ann\u{1b}[2J",
        "Ann\u{9b}",
        "Ann\u{202e}eeL",
        "Ann\u{2066}",
        "An\u{200b}n",
        "An\u{200d}n",
        "An\u{2060}n",
        "An\u{feff}n",
        "An\u{2028}n",
        "Ann\u{200e}",
        "An\tn",
    ] {
        composure()
            .args(["play", "late-order", "--scenarios", fixture_dir()])
            .args([
                "--answers",
                "acknowledge,express",
                "--trainee",
                name,
                "--data-dir",
            ])
            .arg(data.path())
            .assert()
            .code(2)
            .stdout(predicate::str::is_empty())
            .stderr(predicate::str::contains("the trainee's name has U+"))
            .stderr(predicate::str::contains('\u{1b}').not());
    }
    assert!(std::fs::read_dir(data.path()).unwrap().next().is_none());
}

#[test]
fn coverage_is_counted_per_language_never_adding_translations_together() {
    let out = composure()
        .args(["check", "--coverage"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    for lang in ["en", "nb", "ru"] {
        assert!(
            text.contains(&format!("Rule coverage in {lang} (24 scenarios)")),
            "{text}"
        );
    }
    let only = composure()
        .args(["check", "--coverage", "--coverage-language", "nb"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let only = String::from_utf8(only).unwrap();
    assert!(only.contains("Rule coverage in nb"), "{only}");
    assert!(!only.contains("Rule coverage in en"), "{only}");
    let json = composure()
        .args(["check", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let coverage = &json["coverage"];
    assert_eq!(coverage["language"], "en");
    assert_eq!(coverage["scenarios"].as_array().unwrap().len(), 24);
    let languages = coverage["languages"].as_array().unwrap();
    assert_eq!(languages.len(), 3);
    // A translation has its original's verdicts, so every language counts the same.
    for l in languages {
        assert_eq!(l["library"], coverage["library"], "{}", l["language"]);
    }
}

/// Coaching in the text transcript names rules in the trainee's language; the scenario's
/// rule ids stay in `--json` only.
#[test]
fn scripted_play_text_names_rules_in_the_coaching_in_every_language() {
    let rules = composure::rules::Rulebook::embedded().unwrap();
    let ids: Vec<&str> = rules.rules.iter().map(|r| r.id.as_str()).collect();
    for (lang, name) in [
        ("en", "(Don't take the blame by reflex)"),
        ("nb", "(Ikke ta på deg skylden på refleks)"),
        ("ru", "(Не признавайте вину машинально)"),
    ] {
        let out = composure()
            .args(["--lang", lang, "play", "rude-sofa-delivery", "--seed", "3"])
            .args(["--answers", "open-our-fault,truck-busy-week,shortly-cancel"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains(name), "{lang}: no \"{name}\" in\n{out}");
        for id in &ids {
            for raw in [format!("({id}"), format!("{id})"), format!("{id},")] {
                assert!(!out.contains(&raw), "{lang}: {raw} in\n{out}");
            }
        }
    }
    let json = composure()
        .args(["play", "rude-sofa-delivery", "--seed", "3", "--json"])
        .args(["--answers", "open-our-fault,truck-busy-week,shortly-cancel"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let coaching = json["steps"][0]["coaching"].as_str().unwrap();
    assert!(coaching.contains("(no-automatic-self-blame)"), "{coaching}");
}
