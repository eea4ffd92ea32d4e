//! `--lang` outside the screens: what a trainee or a team lead reads on the command line
//! (list, drills, rules, report, history and the errors about their input or data) is in
//! the chosen language, with its plural forms; CSV and JSON keep English names.

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use common::composure;
use composure::drill::{find_drill, plan, play_scripted};
use composure::engine::Report;
use composure::rules::Rulebook;
use composure::scenario::Library;
use composure::store::{SessionRecord, Store};

/// Standard output of a command that must succeed.
fn stdout(args: &[&str]) -> String {
    let out = composure()
        .args(args)
        .assert()
        .success()
        .get_output()
        .clone();
    String::from_utf8(out.stdout).unwrap()
}

/// Standard error of a command that must fail with `code`.
fn stderr(args: &[&str], code: i32) -> String {
    let out = composure()
        .args(args)
        .assert()
        .code(code)
        .get_output()
        .clone();
    String::from_utf8(out.stderr).unwrap()
}

fn assert_has(text: &str, words: &[&str]) {
    for word in words {
        assert!(text.contains(word), "missing {word:?} in:\n{text}");
    }
}

fn assert_lacks(text: &str, words: &[&str]) {
    for word in words {
        assert!(!text.contains(word), "{word:?} is still there in:\n{text}");
    }
}

/// The first shipped scenario of the first-week drill, played through.
fn a_report() -> Report {
    let rules = Rulebook::embedded().unwrap();
    let library = Library::embedded(&rules);
    let drill = find_drill("first-week", &library).unwrap().unwrap();
    let item = plan(&drill, &library, "en").items.remove(0);
    let answers = [
        "-",
        "open-tone",
        "heated-reset",
        "fault-agree-then",
        "when-concrete",
        "money-boundaries",
        "kit-extra",
    ];
    let mut clock = 1_000;
    play_scripted(&item, 30_000, &mut answers.into_iter(), &mut clock, &rules).unwrap()
}

/// A data folder with `sessions` results for one trainee, the newest ending at `last`.
fn results(dir: &Path, trainee: &str, sessions: u64, last: u64) {
    let mut store = Store::open_in(dir).unwrap();
    let report = a_report();
    for n in 0..sessions {
        store
            .save(&SessionRecord {
                trainee: trainee.to_owned(),
                drill: Some("first-week".to_owned()),
                report: report.clone(),
                ended_at: last - (sessions - 1 - n) * 60_000,
                version: "test".to_owned(),
            })
            .unwrap();
    }
}

/// 2024-10-06T00:00Z: 02:00 in Oslo, where summer time runs.
const LAST: u64 = 1_728_172_800_000;

#[test]
fn drills_read_in_norwegian_with_the_drills_own_norwegian_names() {
    let out = stdout(&["--lang", "nb", "drills"]);
    assert_has(
        &out,
        &[
            "Første uke: én av hver",
            "To raske",
            "3 scenarioer",
            "tid per svar",
            "stokket",
            "etter hvert valg",
            "til slutt",
        ],
    );
    assert_lacks(
        &out,
        &[
            "First week",
            "Quick two",
            "scenarios",
            "shuffled",
            "coaching",
        ],
    );
}

#[test]
fn drills_count_scenarios_with_russian_plural_forms() {
    let out = stdout(&["--lang", "ru", "drills"]);
    // first-week has 3, quick-two 2, under-fire 6.
    assert_has(
        &out,
        &["3 сценария", "2 сценария", "6 сценариев", "Быстрая пара"],
    );
    assert_lacks(&out, &["scenarios", "Quick two"]);
}

#[test]
fn rules_read_in_norwegian_throughout() {
    let out = stdout(&["--lang", "nb", "rules"]);
    assert_has(
        &out,
        &[
            "Hva den betyr:",
            "Hva som bryter den:",
            "Kilder:",
            "regelbok",
        ],
    );
    assert_lacks(
        &out,
        &["What it means", "What breaks it", "Sources:", "rulebook"],
    );
}

#[test]
fn list_reads_in_norwegian_with_a_heading_and_client_types_in_words() {
    let out = stdout(&["--lang", "nb", "list"]);
    let heading = out.lines().next().unwrap();
    assert_has(
        heading,
        &["språk", "kunde", "lengde", "vanskelighet", "tittel"],
    );
    assert_has(&out, &["Frekk, roper", " valg ", "middels"]);
    assert_lacks(
        &out,
        &[
            "language",
            "difficulty",
            "decisions",
            "Rude, shouting",
            "medium",
        ],
    );
}

#[test]
fn list_marks_scenarios_shown_in_english_and_says_why_in_norwegian() {
    let out = stdout(&["--lang", "nb", "list", "--scenarios", "tests/fixtures/tui"]);
    assert!(
        out.lines()
            .any(|l| l.starts_with("late-order") && l.contains("en*")),
        "{out}"
    );
    assert_has(&out, &["*: ikke oversatt til norsk ennå"]);
}

#[test]
fn report_reads_in_norwegian_and_in_oslo_time() {
    let dir = tempfile::tempdir().unwrap();
    results(dir.path(), "Kari", 2, LAST);
    let out = composure()
        .env("TZ", "Europe/Oslo")
        .args(["--lang", "nb", "report", "--data-dir"])
        .arg(dir.path())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert_has(
        &out,
        &[
            "Composure-rapport: alle resultater",
            "Tidene er i Europe/Oslo.",
            "Resultatliste",
            "deltaker",
            "sist spilt",
            "Per deltaker",
            "Kari: 2 økter",
            "sterk på:",
            "Siste økter (nyeste først)",
            "2024-10-06 02:00",
        ],
    );
    assert_lacks(
        &out,
        &[
            "Leaderboard",
            "Per trainee",
            "Latest sessions",
            "Times are in",
            "strong at",
            "2024-10-06 00:00",
        ],
    );
}

#[test]
fn report_sessions_count_in_russian_plural_forms_for_1_2_5_and_21() {
    for (n, said) in [
        (1, "1 занятие"),
        (2, "2 занятия"),
        (5, "5 занятий"),
        (21, "21 занятие"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        results(dir.path(), "Анна", n, LAST);
        let out = composure()
            .env("TZ", "UTC")
            .args(["--lang", "ru", "report", "--sessions", "--data-dir"])
            .arg(dir.path())
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let out = String::from_utf8(out).unwrap();
        assert_has(
            &out,
            &[
                &format!("Все занятия, сначала новые: {said}\n"),
                "начато",
                "участник",
                "тренировка",
            ],
        );
        assert_lacks(&out, &["Every session", "started", "trainee"]);
        // The per-trainee line of the main report agrees with the count too.
        let out = composure()
            .args(["--lang", "ru", "report", "--data-dir"])
            .arg(dir.path())
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let out = String::from_utf8(out).unwrap();
        assert_has(&out, &[&format!("Анна: {said},")]);
    }
}

#[test]
fn csv_and_json_keep_english_names_whatever_the_language() {
    let dir = tempfile::tempdir().unwrap();
    results(dir.path(), "Kari", 1, LAST);
    let csv = composure()
        .args([
            "--lang",
            "nb",
            "report",
            "--sessions",
            "--format",
            "csv",
            "--data-dir",
        ])
        .arg(dir.path())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.starts_with("session,trainee,drill,scenario,"), "{csv}");
    let json = composure()
        .args(["--lang", "ru", "report", "--format", "json", "--data-dir"])
        .arg(dir.path())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert!(json["leaderboard"].is_array(), "{json}");
    assert!(json["team_rules"][0]["name"].is_string(), "{json}");
    // Rule names as the English rulebook gives them.
    let english = Rulebook::embedded().unwrap();
    let name = json["team_rules"][0]["name"].as_str().unwrap();
    assert!(english.rules.iter().any(|r| r.name == name), "{name}");
}

#[test]
fn history_without_a_terminal_says_so_in_norwegian() {
    let dir = tempfile::tempdir().unwrap();
    results(dir.path(), "Kari", 1, LAST);
    let err = composure()
        .args(["--lang", "nb", "history", "--trainee", "Kari", "--data-dir"])
        .arg(dir.path())
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(err).unwrap();
    assert_has(
        &err,
        &[
            "composure: feil:",
            "trenger en terminal",
            "composure report --trainee NAVN",
        ],
    );
    assert_lacks(&err, &["error:", "needs a terminal"]);
}

#[test]
fn an_unknown_scenario_is_told_in_russian() {
    let err = stderr(
        &["--lang", "ru", "play", "king-hotel-suit", "--answers", "x"],
        2,
    );
    assert_has(
        &err,
        &[
            "composure: ошибка: нет сценария с идентификатором «king-hotel-suit»",
            "может быть, «king-hotel-suite»?",
        ],
    );
    assert_lacks(&err, &["no scenario", "did you mean"]);
}

#[test]
fn errors_about_input_and_data_are_told_in_norwegian() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    for (args, code, said) in [
        (
            vec!["report", "--since", "i går", "--data-dir", data],
            2,
            "«i går» er verken en dato eller et tidspunkt",
        ),
        (
            vec!["report", "--data-dir", data],
            2,
            "ingen resultater ennå i",
        ),
        (
            vec!["drill", "first-wek", "--trainee", "Kari", "--answers", "x"],
            2,
            "mente du «first-week»?",
        ),
        (
            vec!["rules", "not-persnal"],
            2,
            "finner ingen regel med id «not-persnal»",
        ),
        (
            vec!["list", "--client-type", "angry"],
            2,
            "ukjent kundetype «angry»",
        ),
        (
            vec![
                "play",
                "late-order",
                "--answers",
                "acknowledge,express",
                "--trainee",
                " ",
            ],
            2,
            "--trainee trenger et navn",
        ),
        (
            vec![
                "play",
                "tests/fixtures/invalid/syntax-missing-comma.ron",
                "--answers",
                "a",
            ],
            1,
            "tests/fixtures/invalid/syntax-missing-comma.ron kan ikke spilles:\ntests/fixtures/invalid/syntax-missing-comma.ron:",
        ),
    ] {
        let err = stderr(
            &[
                &["--lang", "nb", "--scenarios", "tests/fixtures/tui"],
                &args[..],
            ]
            .concat(),
            code,
        );
        assert_has(&err, &["composure: feil: ", said]);
        // A problem in a file keeps the checker's own `file:line:col: error: …`, in English.
        assert_lacks(
            &err,
            &[
                "composure: error:",
                "did you mean",
                "no results",
                "cannot be played",
            ],
        );
    }
}

#[test]
fn scripted_drill_output_counts_in_russian() {
    let dir = tempfile::tempdir().unwrap();
    let out = composure()
        .args([
            "--lang",
            "ru",
            "--scenarios",
            "tests/fixtures/tui",
            "drill",
            "tests/fixtures/drills/valid/late-twice.ron",
            "--trainee",
            "Анна",
            "--answers=-,acknowledge,express,open-new-range,over-more,x,y",
            "--data-dir",
        ])
        .arg(dir.path())
        .assert()
        .success()
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_has(
        &stdout,
        &[
            "2 сценария",
            "1 молчание",
            "0 молчаний",
            "балл за тренировку",
        ],
    );
    assert_lacks(&stdout, &["hesitation", "saved:", "drill score"]);
    assert_has(&stderr, &["2 ответа не использованы: x,y"]);
}

#[test]
fn answers_that_do_not_fit_are_told_in_russian_with_the_ids_as_given() {
    let play = [
        "--lang",
        "ru",
        "play",
        "late-order",
        "--scenarios",
        "tests/fixtures/tui",
    ];
    let err = stderr(&[&play[..], &["--answers", "nope"]].concat(), 1);
    assert_has(
        &err,
        &["composure: ошибка: ответ 1 из 1: варианта «nope» нет на «opening»; там можно выбрать:"],
    );
    let err = stderr(&[&play[..], &["--answers", "snap,express"]].concat(), 1);
    assert_has(
        &err,
        &["после 1 ответа; «express» и все ответы после него не использованы"],
    );
    let err = stderr(&[&play[..], &["--answers", "acknowledge"]].concat(), 1);
    assert_has(&err, &["ответы закончились на «delivery»"]);
    assert_lacks(&err, &["answers ran out"]);
}
