//! Languages end to end: the choice of language (flag, then LC_ALL, LC_MESSAGES, LANG), the
//! fallback to English with a notice, translated text on screen and in transcripts, and the
//! check that a translation keeps its original's structure.

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use assert_cmd::Command;
use composure::check::check_paths;
use composure::rules::Rulebook;
use predicates::prelude::*;

const GOOD: &str = "tests/fixtures/translation/good";

/// The binary with no locale of its own, so each test sets exactly what it needs.
fn composure() -> Command {
    let mut cmd = Command::cargo_bin("composure").unwrap();
    cmd.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    cmd
}

fn play_good(cmd: &mut Command) -> String {
    let out = cmd
        .args(["play", "late-order", "--scenarios", GOOD])
        .args(["--answers", "acknowledge,express", "--seed", "1"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn the_lang_flag_picks_the_translation() {
    let out = play_good(composure().args(["--lang", "nb"]));
    assert!(out.contains("Hvor er bestillingen min?"), "{out}");
    assert!(out.contains("Poeng: 100/100"), "{out}");
}

#[test]
fn without_a_flag_the_locale_decides_in_posix_order() {
    let out = play_good(composure().env("LANG", "nb_NO.UTF-8"));
    assert!(out.contains("Poeng"), "LANG=nb: {out}");
    let out = play_good(
        composure()
            .env("LANG", "nb_NO.UTF-8")
            .env("LC_MESSAGES", "en_GB.UTF-8"),
    );
    assert!(
        out.contains("Score: 100/100"),
        "LC_MESSAGES wins over LANG: {out}"
    );
    let out = play_good(
        composure()
            .env("LANG", "en_GB.UTF-8")
            .env("LC_MESSAGES", "en_GB.UTF-8")
            .env("LC_ALL", "nb_NO.UTF-8"),
    );
    assert!(out.contains("Poeng"), "LC_ALL wins over both: {out}");
    let out = play_good(
        composure()
            .env("LANG", "nb_NO.UTF-8")
            .args(["--lang", "en"]),
    );
    assert!(
        out.contains("Score: 100/100"),
        "the flag wins over the locale: {out}"
    );
}

#[test]
fn an_unknown_locale_gives_english() {
    let out = play_good(composure().env("LANG", "de_DE.UTF-8"));
    assert!(out.contains("Where is my order?"), "{out}");
}

#[test]
fn a_scenario_missing_in_the_language_falls_back_to_english_and_says_so() {
    let out = composure()
        .args(["--lang", "ru", "play", "late-order", "--scenarios", GOOD])
        .args(["--answers", "acknowledge,express"])
        .assert()
        .success()
        .stderr(predicate::str::contains("показан по-английски"))
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    // The scenario is English; the program's own words are Russian.
    assert!(out.contains("Where is my order?"), "{out}");
    assert!(out.contains("Баллы: 100/100"), "{out}");
}

#[test]
fn list_shows_the_language_and_marks_a_fallback() {
    composure()
        .args(["--lang", "ru", "list", "--scenarios", GOOD])
        .assert()
        .success()
        .stdout(predicate::str::is_match(r"(?m)^late-order\s+en\*").unwrap());
    composure()
        .args(["--lang", "nb", "list", "--scenarios", GOOD])
        .assert()
        .success()
        .stdout(predicate::str::is_match(r"(?m)^late-order\s+nb\s").unwrap());
}

#[test]
fn list_filters_by_language_and_by_client_type() {
    // The fixture has English and Norwegian versions, and no Russian one.
    let list = |args: &[&str]| {
        let out = composure()
            .arg("list")
            .args(args)
            .args(["--scenarios", GOOD])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    };
    // The languages listed for the fixture, from the id and language columns.
    let langs = |out: &str| -> Vec<String> {
        out.lines()
            .filter_map(|l| {
                let mut cols = l.split_whitespace();
                (cols.next() == Some("late-order")).then(|| cols.next().unwrap_or("").to_owned())
            })
            .collect::<Vec<_>>()
    };
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    assert_eq!(langs(&list(&["--language", "nb"])), ["nb"]);
    assert!(langs(&list(&["--language", "ru"])).is_empty());
    assert_eq!(sorted(langs(&list(&["--language", "all"]))), ["en", "nb"]);
    assert!(list(&["--client-type", "rude"]).contains("late-order"));
    assert!(!list(&["--client-type", "king"]).contains("late-order"));
}

#[test]
fn an_unknown_language_is_a_usage_error() {
    composure()
        .args(["--lang", "de", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("use en, nb or ru"));
}

#[test]
fn a_faithful_translation_checks_clean() {
    let report = check_paths(&[PathBuf::from(GOOD)], &Rulebook::embedded().unwrap());
    // Grading lints (coded warnings) are pinned in tests/lint.rs; here, the translation.
    let problems: Vec<_> = report
        .problems
        .iter()
        .filter(|p| p.code.is_none())
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn a_drifted_translation_is_reported_point_by_point() {
    let report = check_paths(
        &[PathBuf::from("tests/fixtures/translation/drift")],
        &Rulebook::embedded().unwrap(),
    );
    let found: Vec<String> = report
        .problems
        .iter()
        .filter(|p| p.code.is_none())
        .map(|p| {
            let at = p.position.unwrap();
            format!("{}:{}: {}", at.line, at.col, p.message)
        })
        .collect();
    let expect = [
        "11:9: translation: briefing.known has 1 fact; the en original has 2",
        "25:13: translation: node \"opening\" has 2 lines in `says`; the en original has 1",
        "72:21: translation: choice \"soon\" leads to \"extra\"",
        "73:21: translation: choice \"soon\" is graded differently",
        "87:13: translation: node \"extra\" is not in the en original",
    ];
    for e in expect {
        assert!(
            found.iter().any(|f| f.starts_with(e)),
            "missing {e:?} in {found:#?}"
        );
    }
    assert_eq!(found.len(), expect.len(), "{found:#?}");
}
