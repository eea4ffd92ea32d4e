//! Grading version 2 as a whole: properties that must hold for any scenario (the headline
//! never exceeds a cap; a better choice never lowers it), and the figures on the shipped
//! library (no high score next to a Poor or Fail ending in any language; `audit` agrees with
//! an independent replay of the "always longest" trainee through `play --answers`).

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use composure::analysis::summarise;
use composure::check::check_embedded;
use composure::rules::{Rulebook, choice_value, grade, rating_cap, serious_cap};
use composure::scenario::{Node, ValidScenario, load_source};
use proptest::prelude::*;

fn rules() -> Rulebook {
    Rulebook::embedded().unwrap()
}

/// A scenario of `n` decisions in a row, option `j` of decision `i` valued by `values[i][j]`
/// (as Follows or Breaks of one rule, with weight-3 breaches where the value is -3), every
/// option leading on to the next decision, the last to an ending of the given outcome.
fn chain(values: &[Vec<i8>], outcome: &str) -> String {
    let mut nodes = String::new();
    for (i, options) in values.iter().enumerate() {
        let next = if i + 1 == values.len() {
            "end".to_owned()
        } else {
            format!("d{}", i + 1)
        };
        let mut choices = String::new();
        for (j, &v) in options.iter().enumerate() {
            let verdict = if v >= 0 {
                format!("Follows(\"empathise\", {})", v.max(1))
            } else {
                format!("Breaks(\"empathise\", {})", -v)
            };
            choices.push_str(&format!(
                r#"Choice(id: "c{i}-{j}", text: "Option {j}.", next: "{next}", verdicts: [{verdict}], consequence: "So.", coaching: "Why (empathise)."),
"#
            ));
        }
        nodes.push_str(&format!(
            "Decision(id: \"d{i}\", says: [\"Line {i}.\"], choices: [{choices}]),\n"
        ));
    }
    format!(
        r#"Scenario(format: 1, id: "prop", title: "Property", client_type: Rude,
    briefing: Briefing(situation: "A fixture.", goal: "Pin a property."),
    client: Client(name: "Kim", persona: "A test client."),
    initial: ClientState(mood: 0, trust: 0), start: "d0",
    nodes: [{nodes}
        Ending(id: "end", says: ["Bye."], outcome: {outcome}, closing: "Done."),
    ],
)"#
    )
}

fn options() -> impl Strategy<Value = Vec<Vec<i8>>> {
    prop::collection::vec(prop::collection::vec(-3i8..=3, 2..5), 1..7)
}

fn outcome() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "WonOver",
        "Resolved",
        "ProfessionalParting",
        "EscalatedComplaint",
        "LostClient",
    ])
}

fn load(text: &str) -> ValidScenario {
    load_source("prop.ron", text, &rules()).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_headline_never_exceeds_the_endings_cap_or_the_serious_cap(
        values in options(),
        outcome in outcome(),
        picks in prop::collection::vec(0usize..4, 7),
    ) {
        let s = load(&chain(&values, outcome));
        let answers: Vec<(String, String)> = values
            .iter()
            .enumerate()
            .map(|(i, o)| (format!("d{i}"), format!("c{i}-{}", picks[i] % o.len())))
            .collect();
        let g = grade(&s, answers.iter().map(|(n, c)| (n.as_str(), c.as_str())), Some("end"), &rules());
        let rating = g.rating.unwrap();
        prop_assert!(g.score <= rating_cap(rating));
        prop_assert!(g.score <= serious_cap(g.serious_mistakes().count()));
        prop_assert!(g.score <= g.handling);
        prop_assert_eq!(g.score, g.handling.min(g.ending_cap).min(g.serious_cap));
    }

    #[test]
    fn a_better_valued_choice_to_the_same_next_node_never_lowers_the_headline(
        values in options(),
        outcome in outcome(),
        picks in prop::collection::vec(0usize..4, 7),
        at in 0usize..7,
    ) {
        let s = load(&chain(&values, outcome));
        let at = at % values.len();
        let pick = |i: usize| picks[i] % values[i].len();
        let answers = |swap: Option<usize>| -> Vec<(String, String)> {
            values
                .iter()
                .enumerate()
                .map(|(i, _)| {
                    let j = if i == at { swap.unwrap_or(pick(i)) } else { pick(i) };
                    (format!("d{i}"), format!("c{i}-{j}"))
                })
                .collect()
        };
        let headline = |a: &[(String, String)]| {
            grade(&s, a.iter().map(|(n, c)| (n.as_str(), c.as_str())), Some("end"), &rules()).score
        };
        let Some(Node::Decision { choices, .. }) = s.node(&format!("d{at}")) else {
            panic!("no decision d{at}");
        };
        let before = headline(&answers(None));
        let chosen = choice_value(&choices[pick(at)]);
        for (j, other) in choices.iter().enumerate() {
            if choice_value(other) > chosen {
                let after = headline(&answers(Some(j)));
                prop_assert!(after >= before, "c{at}-{j}: {after} < {before}");
            }
        }
    }
}

#[test]
fn no_shipped_path_scores_70_or_more_with_a_poor_or_fail_ending_in_any_language() {
    let report = check_embedded(&rules());
    assert_eq!(report.errors(), 0);
    assert!(report.scenarios.len() >= 72, "{}", report.scenarios.len());
    for s in &report.scenarios {
        // The summary is exact over every loop-free path, however many there are.
        for ending in summarise(s, &rules()).endings {
            if !ending.rating.is_good() && ending.paths.count > 0 {
                assert!(
                    ending.max_score < 70,
                    "{} ({}): ending {} is {:?} yet a path scores {}",
                    s.id(),
                    s.scenario().language,
                    ending.ending,
                    ending.rating,
                    ending.max_score
                );
            }
        }
    }
}

/// The id of the longest option (the first on a tie), found here without the library's
/// helpers.
fn longest_answer(s: &ValidScenario, node: &str) -> Option<String> {
    let Some(Node::Decision { choices, .. }) = s.node(node) else {
        return None;
    };
    let mut best: Option<&composure::scenario::Choice> = None;
    for c in choices {
        if best.is_none_or(|b| c.text.chars().count() > b.text.chars().count()) {
            best = Some(c);
        }
    }
    best.map(|c| c.id.clone())
}

#[test]
fn audit_agrees_with_an_independent_replay_of_the_always_longest_trainee() {
    let out = Command::cargo_bin("composure")
        .unwrap()
        .args(["audit", "--format", "json"])
        .env("LANG", "C")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let audit: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let report = check_embedded(&rules());
    let scenarios = audit["scenarios"].as_array().unwrap();
    assert!(scenarios.len() >= 24);
    for entry in scenarios {
        let id = entry["id"].as_str().unwrap();
        let s = report
            .scenarios
            .iter()
            .find(|s| s.id() == id && s.scenario().language == "en")
            .unwrap();
        // Walk by hand: at each decision the longest text, routes followed on the client's
        // state; then one scripted play with those answers.
        let mut answers: Vec<String> = Vec::new();
        let mut node = s.scenario().start.clone();
        let mut state = s.scenario().initial;
        for _ in 0..500 {
            match s.node(&node).unwrap() {
                Node::Decision { .. } => {
                    let id = longest_answer(s, &node).unwrap();
                    let Some(Node::Decision { choices, .. }) = s.node(&node) else {
                        unreachable!()
                    };
                    let choice = choices.iter().find(|c| c.id == id).unwrap();
                    state = state.after(choice.effect);
                    node = choice.next.clone();
                    answers.push(id);
                }
                route @ Node::Route { .. } => node = route.route(state).unwrap().to_owned(),
                Node::Ending { .. } => break,
            }
        }
        let out = Command::cargo_bin("composure")
            .unwrap()
            .args(["play", id, "--json", "--seed", "0", "--answers"])
            .arg(answers.join(","))
            .env("LANG", "C")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{id}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let walk = &entry["always_longest"];
        assert_eq!(
            walk["answers"].as_array().unwrap().len(),
            answers.len(),
            "{id}"
        );
        assert_eq!(walk["score"], json["score"], "{id}");
        assert_eq!(walk["ending"], json["ending"]["node"], "{id}");
        assert_eq!(walk["rating"], json["ending"]["rating"], "{id}");
    }
}

#[test]
fn a_format_1_file_that_never_met_these_tools_loads_grades_without_contradiction_and_draws_the_warnings()
 {
    let path = "tests/fixtures/legacy/rude-sofa-delivery.ron";
    let report = composure::check::check_paths(&[std::path::PathBuf::from(path)], &rules());
    assert_eq!(report.errors(), 0, "{:#?}", report.problems);
    let codes: Vec<&str> = report.problems.iter().filter_map(|p| p.code).collect();
    for code in [
        "best-is-longest",
        "one-right-answer",
        "coaching-misses-rule",
        "quotes-one-variant",
    ] {
        assert!(codes.contains(&code), "no {code} in {codes:?}");
    }
    // No ratings in the file: the defaults apply, and no path contradicts its ending.
    let s = &report.scenarios[0];
    for ending in summarise(s, &rules()).endings {
        if !ending.rating.is_good() {
            assert!(
                ending.max_score < 70,
                "{}: {}",
                ending.ending,
                ending.max_score
            );
        }
    }
}
