//! Each limit on scenario files, at the limit and one past it: at the limit the file loads,
//! past it the error names the limit and points at the node, choice or string that is over.
//! (Choices per decision and string length are pinned by fixtures in `fixtures/valid` and
//! `fixtures/invalid`; nodes need a generated file, too big for a fixture.)

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use composure::rules::Rulebook;
use std::sync::Arc;

use composure::engine::Conversation;
use composure::scenario::limits::{
    MAX_AUTOMATIC_STEPS, MAX_CHOICES, MAX_NESTING, MAX_NODES, MAX_TEXT_CHARS,
};
use composure::scenario::load::ron_options;
use composure::scenario::{
    Briefing, Choice, Client, ClientState, ClientType, Effect, Node, Outcome, Scenario, Verdict,
    When, load_source,
};

fn rules() -> Rulebook {
    Rulebook::embedded().unwrap()
}

/// A chain of `count` nodes: decisions with one choice each, then an ending.
fn chain(count: usize) -> Scenario {
    let mut nodes: Vec<Node> = (1..count)
        .map(|i| Node::Decision {
            id: format!("n{i}"),
            says: vec!["And?".to_owned()],
            choices: vec![Choice {
                id: format!("c{i}"),
                text: "Go on.".to_owned(),
                phrasings: Vec::new(),
                next: format!("n{}", i + 1),
                verdicts: vec![Verdict::Follows("offer-solutions".to_owned(), 1)],
                effect: Effect::default(),
                consequence: "On.".to_owned(),
                coaching: "Fine.".to_owned(),
            }],
        })
        .collect();
    nodes.push(Node::Ending {
        id: format!("n{count}"),
        says: vec!["Bye.".to_owned()],
        outcome: Outcome::Resolved,
        rating: None,
        closing: "Done.".to_owned(),
    });
    Scenario {
        format: 1,
        id: "chain".to_owned(),
        title: "A long chain".to_owned(),
        client_type: ClientType::Rude,
        appears_as: None,
        language: "en".to_owned(),
        briefing: Briefing {
            situation: "Long.".to_owned(),
            known: Vec::new(),
            goal: "Reach the end.".to_owned(),
        },
        client: Client {
            name: "Kim".to_owned(),
            persona: "Patient.".to_owned(),
            gender: None,
        },
        initial: ClientState::default(),
        start: "n1".to_owned(),
        nodes,
    }
}

fn to_ron(scenario: &Scenario) -> String {
    let pretty = ron::ser::PrettyConfig::default().struct_names(true);
    ron::ser::to_string_pretty(scenario, pretty).unwrap()
}

#[test]
fn limits_have_the_documented_values() {
    assert_eq!(MAX_NODES, 10_000);
    assert_eq!(MAX_CHOICES, 9);
    assert_eq!(MAX_TEXT_CHARS, 2_000);
    assert_eq!(MAX_NESTING, 128);
}

#[test]
fn a_scenario_of_exactly_the_node_limit_loads() {
    let text = to_ron(&chain(MAX_NODES));
    let loaded = load_source("chain.ron", &text, &rules());
    assert!(loaded.is_ok(), "{:?}", loaded.err());
}

#[test]
fn one_node_over_the_limit_is_an_error_at_that_node() {
    let text = to_ron(&chain(MAX_NODES + 1));
    let problems = load_source("chain.ron", &text, &rules()).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    let problem = &problems[0];
    assert!(
        problem.message.contains("10001 nodes") && problem.message.contains("limit is 10000"),
        "{problem}"
    );
    // The node past the limit is the last one, the ending.
    let line = text
        .lines()
        .position(|l| l.trim_start().starts_with("Ending("))
        .unwrap()
        + 1;
    assert_eq!(problem.position.unwrap().line, line, "{problem}");
}

/// The format nests only seven deep, so a bracket where it has none is an error before the
/// parser recurses; the recursion limit guards values read without a fixed shape, where
/// `ron` takes two steps per bracket.
#[test]
fn nesting_to_the_limit_parses_and_one_deeper_does_not() {
    let levels = MAX_NESTING / 2;
    for (open, close) in [("[", "]"), ("(", ")"), ("{1:", "}")] {
        let nested = |depth: usize| format!("{}1{}", open.repeat(depth), close.repeat(depth));
        let at_limit: Result<ron::Value, _> = ron_options().from_str(&nested(levels));
        assert!(at_limit.is_ok(), "{open} {at_limit:?}");
        let over: Result<ron::Value, _> = ron_options().from_str(&nested(levels + 1));
        assert_eq!(
            over.unwrap_err().code,
            ron::Error::ExceededRecursionLimit,
            "{open}"
        );
    }
}

/// `count` routes in a row, then the ending of [`chain`]`(1)`.
fn routes(count: usize) -> Scenario {
    let mut scenario = chain(1);
    let ending = scenario.nodes.remove(0);
    let ending_id = "n1";
    let next = |i: usize| {
        if i == count {
            ending_id.to_owned()
        } else {
            format!("r{}", i + 1)
        }
    };
    scenario.nodes = (1..=count)
        .map(|i| Node::Route {
            id: format!("r{i}"),
            when: vec![When {
                mood_at_least: Some(1),
                trust_at_least: None,
                next: next(i),
            }],
            otherwise: next(i),
        })
        .collect();
    scenario.nodes.push(ending);
    scenario.start = "r1".to_owned();
    scenario
}

/// The engine stops after this many routes in a row; `check` used to pass a longer chain,
/// which then failed only when played.
#[test]
fn a_chain_of_routes_to_the_limit_plays_and_one_longer_is_refused_by_check() {
    let text = to_ron(&routes(MAX_AUTOMATIC_STEPS));
    let scenario = load_source("routes.ron", &text, &rules()).unwrap();
    let conversation = Conversation::start(Arc::new(scenario), 1, 0).unwrap();
    assert!(conversation.is_finished());

    let text = to_ron(&routes(MAX_AUTOMATIC_STEPS + 1));
    let problems = load_source("routes.ron", &text, &rules()).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    let problem = &problems[0];
    assert!(
        problem.message.contains("a chain of 1001 routes")
            && problem.message.contains("\"r1\"")
            && problem.message.contains("limit is 1000"),
        "{problem}"
    );
    let line = text.lines().position(|l| l.contains("id: \"r1\"")).unwrap() + 1;
    assert_eq!(problem.position.unwrap().line, line, "{problem}");
}
