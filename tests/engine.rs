//! The engine and grading: determinism, the documented score formula, errors, the clock, and
//! the properties every shipped scenario must have to be worth playing.

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};
use std::path::Path;
use std::sync::Arc;

use composure::check::check_embedded;
use composure::engine::{Conversation, EngineError, Report};
use composure::rules::{GRADING_VERSION, Limit, Rulebook, choice_value};
use composure::scenario::{Library, Node, Rating, ValidScenario, load_path};

fn rules() -> Rulebook {
    Rulebook::embedded().unwrap()
}

fn fixture(path: &str) -> Arc<ValidScenario> {
    Arc::new(load_path(Path::new(path), &rules()).unwrap())
}

fn grading() -> Arc<ValidScenario> {
    fixture("tests/fixtures/engine/grading.ron")
}

fn play(scenario: &Arc<ValidScenario>, seed: u64, answers: &[&str]) -> Report {
    let mut conversation = Conversation::start(Arc::clone(scenario), seed, 0).unwrap();
    for (i, answer) in answers.iter().enumerate() {
        conversation.choose(answer, 1000 * (i as u64 + 1)).unwrap();
    }
    Report::new(&conversation, &rules())
}

#[test]
fn the_same_seed_and_answers_give_the_same_transcript_and_grade() {
    let s = grading();
    let a = play(&s, 42, &["middle", "same-b"]);
    let b = play(&s, 42, &["middle", "same-b"]);
    assert_eq!(a, b);
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&b).unwrap()
    );
}

#[test]
fn different_seeds_shuffle_the_options_and_pick_different_line_variants() {
    let s = grading();
    let mut orders = HashSet::new();
    let mut lines = HashSet::new();
    for seed in 0..40 {
        let c = Conversation::start(Arc::clone(&s), seed, 0).unwrap();
        orders.insert(c.turn().options.clone());
        lines.insert(c.turn().line.clone());
    }
    // Three options have six orders and the node four variants; forty seeds see several.
    assert!(orders.len() > 1, "{orders:?}");
    assert!(lines.len() > 1, "{lines:?}");
    for order in &orders {
        let set: BTreeSet<&String> = order.iter().collect();
        assert_eq!(set.len(), 3, "every option offered exactly once: {order:?}");
    }
}

#[test]
fn handling_weighs_each_decision_by_what_is_at_stake_there() {
    let s = grading();
    // first: values best 4, middle 0, worst -3, so its stake is 7; second: both options
    // are valued the same, so nothing is at stake and it does not count.
    let best = play(&s, 1, &["best", "same-a"]);
    assert_eq!(best.handling, 100);
    // (0 - -3) / (4 - -3) = 3/7 of the only decision that counts.
    assert_eq!(play(&s, 1, &["middle", "same-a"]).handling, 43);
    assert_eq!(play(&s, 1, &["worst", "same-b"]).handling, 0);
    assert_eq!(best.steps[0].stake, 7);
    assert_eq!(best.steps[1].stake, 0);
}

#[test]
fn the_ending_rating_caps_the_headline() {
    let s = grading();
    // The fixture's only ending is Resolved with no rating: Good by default, capped at 85.
    let best = play(&s, 1, &["best", "same-a"]);
    let ending = best.ending.as_ref().unwrap();
    assert_eq!(ending.rating, Some(Rating::Good));
    assert_eq!(best.ending_cap, 85);
    assert_eq!(best.score, 85);
    assert_eq!(best.limited_by, Limit::Ending);
    assert_eq!(best.grading, GRADING_VERSION);
    // Below the cap the handling score is the headline.
    let middle = play(&s, 1, &["middle", "same-a"]);
    assert_eq!(middle.score, 43);
    assert_eq!(middle.limited_by, Limit::Handling);
}

#[test]
fn choice_values_are_follows_minus_breaks_weights() {
    let s = grading();
    let Some(Node::Decision { choices, .. }) = s.node("first") else {
        panic!()
    };
    let values: Vec<i32> = choices.iter().map(choice_value).collect();
    assert_eq!(values, [4, 0, -3]);
}

#[test]
fn the_rule_tally_counts_followed_and_broken_with_weights() {
    let report = play(&grading(), 1, &["worst", "same-a"]);
    let tally: HashMap<&str, (u32, u32, u32, u32)> = report
        .rules
        .iter()
        .map(|t| {
            (
                t.rule.as_str(),
                (t.followed, t.broken, t.followed_weight, t.broken_weight),
            )
        })
        .collect();
    assert_eq!(tally["help-choose"], (0, 1, 0, 2));
    assert_eq!(tally["warm-not-cold"], (0, 1, 0, 1));
    assert_eq!(tally["empathise"], (1, 0, 1, 0));
    assert_eq!(tally.len(), 3);
}

#[test]
fn the_report_names_the_best_option_where_the_trainee_missed_it() {
    let report = play(&grading(), 1, &["worst", "same-a"]);
    let first = &report.steps[0];
    assert!(!first.was_best);
    assert_eq!(first.best.id, "best");
    assert_eq!(first.best_coaching, "Best.");
    // Ties: either equal option counts as best.
    assert!(report.steps[1].was_best);
}

#[test]
fn the_ending_and_final_state_are_reported() {
    let report = play(&grading(), 1, &["best", "same-a"]);
    let ending = report.ending.unwrap();
    assert_eq!(ending.node, "end");
    assert_eq!(ending.client_line, "Bye.");
    // mood 2 + 3 clamps at 3; trust -3 + 1.
    assert_eq!((ending.state.mood, ending.state.trust), (3, -2));
}

#[test]
fn state_stays_on_the_scale() {
    let report = play(&grading(), 1, &["worst", "same-a"]);
    // trust -3 - 2 clamps at -3.
    assert_eq!(report.steps[0].state_after.trust, -3);
}

#[test]
fn time_taken_comes_from_the_clock_passed_in() {
    let s = grading();
    let mut c = Conversation::start(Arc::clone(&s), 3, 10_000).unwrap();
    c.choose("best", 12_500).unwrap();
    c.choose("same-a", 20_000).unwrap();
    let report = Report::new(&c, &rules());
    assert_eq!(report.started_at_ms, 10_000);
    assert_eq!(report.steps[0].elapsed_ms, 2_500);
    assert_eq!(report.steps[1].elapsed_ms, 7_500);
}

#[test]
fn a_choice_not_offered_is_refused_and_changes_nothing() {
    let s = grading();
    let mut c = Conversation::start(Arc::clone(&s), 3, 0).unwrap();
    let err = c.choose("same-a", 1).unwrap_err();
    assert!(
        matches!(err, EngineError::NotOffered { ref node, .. } if node == "first"),
        "{err}"
    );
    assert!(err.to_string().contains("offered:"), "{err}");
    assert!(c.steps().is_empty());
    assert_eq!(c.turn().node, "first");
}

#[test]
fn no_choice_is_taken_after_the_ending() {
    let s = grading();
    let mut c = Conversation::start(Arc::clone(&s), 3, 0).unwrap();
    c.choose("best", 1).unwrap();
    c.choose("same-a", 2).unwrap();
    assert!(c.is_finished());
    assert_eq!(c.choose("best", 3).unwrap_err(), EngineError::Finished);
}

// ---- The shipped library ----

fn shipped() -> Vec<Arc<ValidScenario>> {
    let library = Library::embedded(&rules());
    assert!(library.problems.is_empty(), "{:#?}", library.problems);
    library.scenarios().iter().cloned().map(Arc::new).collect()
}

#[test]
fn the_shipped_library_passes_check() {
    let report = check_embedded(&rules());
    // Warnings too: the shipped library must pass `check --strict`.
    let problems: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(report.files >= 3);
}

#[test]
fn the_shipped_library_has_a_rude_an_indecisive_and_a_king_scenario() {
    use composure::scenario::ClientType::*;
    let kinds: HashSet<_> = shipped().iter().map(|s| s.scenario().client_type).collect();
    for kind in [Rude, Indecisive, King] {
        assert!(kinds.contains(&kind), "no {kind:?} scenario");
    }
}

/// The shortest choice ids from the start to every node the trainee can reach, following the
/// client's state through routes (breadth-first over node and state).
fn routes(s: &ValidScenario) -> HashMap<String, Vec<String>> {
    let model = s.scenario();
    let mut routes: HashMap<String, Vec<String>> = HashMap::new();
    let mut seen = HashSet::new();
    let mut queue = VecDeque::from([(model.start.clone(), model.initial, Vec::<String>::new())]);
    while let Some((id, state, route)) = queue.pop_front() {
        if !seen.insert((id.clone(), state.mood, state.trust)) {
            continue;
        }
        routes.entry(id.clone()).or_insert_with(|| route.clone());
        match s.node(&id) {
            Some(Node::Decision { choices, .. }) => {
                for c in choices {
                    let mut next = route.clone();
                    next.push(c.id.clone());
                    queue.push_back((c.next.clone(), state.after(c.effect), next));
                }
            }
            Some(node @ Node::Route { .. }) => {
                if let Some(next) = node.route(state) {
                    queue.push_back((next.to_owned(), state, route.clone()));
                }
            }
            _ => {}
        }
    }
    routes
}

#[test]
fn every_shipped_ending_is_reached_by_scripted_play() {
    for s in shipped() {
        let routes = routes(&s);
        for node in &s.scenario().nodes {
            let Node::Ending { id, outcome, .. } = node else {
                continue;
            };
            let route: Vec<&str> = routes
                .get(id)
                .unwrap_or_else(|| panic!("{}: no trainee can reach ending {id}", s.id()))
                .iter()
                .map(String::as_str)
                .collect();
            let report = play(&s, 5, &route);
            let ending = report
                .ending
                .unwrap_or_else(|| panic!("{}: {id} not reached", s.id()));
            assert_eq!(&ending.node, id);
            assert_eq!(&ending.outcome, outcome);
        }
    }
}

/// The most decisions on any path from `node` to an ending that visits no node twice.
fn longest(s: &ValidScenario, node: &str, on_path: &mut HashSet<String>) -> usize {
    let Some(n) = s.node(node) else {
        return 0;
    };
    // A decision counts; a route passes through without asking the trainee.
    let step = usize::from(matches!(n, Node::Decision { .. }));
    on_path.insert(node.to_owned());
    let mut best = 0;
    for next in n.targets() {
        if !on_path.contains(next) {
            best = best.max(step + longest(s, next, on_path));
        }
    }
    on_path.remove(node);
    best
}

#[test]
fn every_shipped_scenario_is_worth_playing() {
    for s in shipped() {
        let m = s.scenario();
        let outcomes: HashSet<_> = m
            .nodes
            .iter()
            .filter_map(|n| match n {
                Node::Ending { outcome, .. } => Some(*outcome),
                _ => None,
            })
            .collect();
        assert!(
            outcomes.len() >= 3,
            "{}: only {} kinds of ending",
            m.id,
            outcomes.len()
        );
        let longest = longest(&s, &m.start, &mut HashSet::new());
        assert!(
            longest >= 6,
            "{}: the longest path has {longest} decisions",
            m.id
        );
        for node in &m.nodes {
            let Node::Decision { id, choices, .. } = node else {
                continue;
            };
            assert!(choices.len() >= 2, "{}: {id} offers no real choice", m.id);
            for c in choices {
                assert!(
                    !c.verdicts.is_empty(),
                    "{}: choice {} is not graded",
                    m.id,
                    c.id
                );
            }
            let values: HashSet<i32> = choices.iter().map(choice_value).collect();
            assert!(
                values.len() > 1,
                "{}: every option at {id} is graded the same",
                m.id
            );
            assert!(
                choices.iter().any(|c| choice_value(c) < 0),
                "{}: {id} has no tempting mistake (no option breaks more than it follows)",
                m.id
            );
        }
    }
}

// ---- Routes ----

#[test]
fn a_route_sends_the_client_where_their_state_says() {
    let s = fixture("tests/fixtures/engine/route.ron");
    // warm: trust 0 + 2 = 2 → won.
    let report = play(&s, 1, &["warm"]);
    assert_eq!(report.ending.unwrap().node, "won");
    // cold: mood -1, trust -1 → neither condition holds → gone.
    let report = play(&s, 1, &["cold"]);
    assert_eq!(report.ending.unwrap().node, "gone");
}

#[test]
fn the_turn_records_the_routes_it_passed() {
    let s = fixture("tests/fixtures/engine/route.ron");
    let mut c = Conversation::start(Arc::clone(&s), 1, 0).unwrap();
    c.choose("warm", 1).unwrap();
    assert_eq!(c.turn().node, "won");
    assert_eq!(c.turn().via, ["gate"]);
}
