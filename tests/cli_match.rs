//! `composure match`: a typed reply read at a decision, as a trainer or a script sees it.

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::composure;
use predicates::prelude::*;

#[test]
fn a_plain_reply_is_read_as_its_choice_with_the_scores_of_every_option() {
    composure()
        .args([
            "match",
            "rude-broken-washer",
            "opening",
            "Ticket number please, I'll get it looked at",
        ])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "Read as \"open-cold\" (similarity ",
        ))
        .stdout(predicate::str::contains(
            "Every option, most similar first:",
        ))
        .stdout(predicate::str::contains("open-acknowledge"))
        .stdout(predicate::str::contains("Tone notes").not());
}

#[test]
fn an_unclear_reply_names_the_options_it_would_ask_about_and_tone_notes() {
    composure()
        .args(["match", "rude-broken-washer", "opening", "CALM DOWN sir"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "Unclear: the trainee would be asked which of these they meant:\n  1. \"",
        ))
        .stdout(predicate::str::contains("  2. \""))
        .stdout(predicate::str::contains(
            "shouting: Capitals read as shouting.",
        ))
        .stdout(predicate::str::contains(
            "calm-down: Telling a client to calm down",
        ));
}

#[test]
fn json_gives_the_verdict_the_choice_and_the_ranking_in_the_scenarios_language() {
    let output = composure()
        .args([
            "--lang",
            "ru",
            "match",
            "rude-broken-washer",
            "opening",
            "Назовите номер заказа, и я сразу этим займусь",
            "--format",
            "json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&output).unwrap();
    assert_eq!(json["language"], "ru");
    assert_eq!(json["verdict"], "confident");
    assert_eq!(json["choice"]["id"], "open-cold");
    assert_eq!(json["ask"].as_array().unwrap().len(), 0);
    let ranked = json["ranked"].as_array().unwrap();
    assert_eq!(ranked.len(), 4);
    assert_eq!(ranked[0]["id"], "open-cold");
    let scores: Vec<f64> = ranked
        .iter()
        .map(|r| r["similarity"].as_f64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn json_tone_notes_carry_a_code_and_the_note_in_the_scenarios_language() {
    let output = composure()
        .args([
            "--lang",
            "nb",
            "match",
            "rude-broken-washer",
            "opening",
            "Ro deg ned, din idiot",
            "--format",
            "json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&output).unwrap();
    let codes: Vec<&str> = json["tone"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["insult", "calm-down"]);
    assert!(
        json["tone"][0]["note"]
            .as_str()
            .unwrap()
            .starts_with("Det er en fornærmelse")
    );
}

#[test]
fn an_unknown_decision_exits_1_with_a_suggestion() {
    composure()
        .args(["match", "rude-broken-washer", "openin", "hello"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no decision with id \"openin\"; did you mean \"opening\"?",
        ));
}

#[test]
fn an_ending_is_not_a_decision() {
    // Every shipped scenario's endings are nodes no reply is read at.
    composure()
        .args(["match", "rude-broken-washer", "won-over", "thanks"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no decision with id \"won-over\""));
}

#[test]
fn a_reply_of_a_word_or_two_is_asked_about_unless_it_says_an_option_word_for_word() {
    // "Well." shares "we'll" with one option, "hmm, right" a word with another: too little
    // to grade on.
    for reply in ["Well.", "hmm, right"] {
        composure()
            .args(["match", "rude-broken-washer", "opening", reply])
            .assert()
            .success()
            .stdout(predicate::str::starts_with("Unclear:"));
    }
    // A short option typed as written is still read as that option.
    composure()
        .args([
            "match",
            "the-flat-on-clyde-road",
            "discount",
            "Fifty's fine.",
        ])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Read as \"disc-yes\""));
}
