//! Path analysis: every listed path is scored by the grading code, loops are followed at most
//! once and reported, the list stops at its limit, and the summary (best, worst, per-ending
//! ranges and counts) agrees with brute force over every path on graphs of every shape, and
//! paths drawn at random are real paths, graded as grading grades them, each as likely as any
//! other.

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::path::Path;

use composure::analysis::audit::{PATH_LIMIT, PATH_SAMPLE, audit};
use composure::analysis::{
    Cut, PathEntry, PathsReport, Summary, list_paths, paths, sample_paths, summarise,
};
use composure::rules::{Rulebook, grade, headline, rating_cap, serious_cap};
use composure::scenario::library::embedded_sources;
use composure::scenario::synth::synth_scenario;
use composure::scenario::{Outcome, Rating, ValidScenario, load_path, load_source};
use proptest::prelude::*;

fn rules() -> Rulebook {
    Rulebook::embedded().unwrap()
}

fn fixture(path: &str) -> ValidScenario {
    load_path(Path::new(path), &rules()).unwrap()
}

fn ids(choices: &[&str]) -> Vec<String> {
    choices.iter().map(|c| (*c).to_owned()).collect()
}

/// Per ending: how many paths, the lowest and highest headline, the lowest and highest
/// handling score, and the ending's rating and cap.
type EndingFigures = (u128, u8, u8, u8, u8, Option<Rating>, u8);

/// The summary worked out from every listed path that takes no loop.
fn brute_force(report: &PathsReport) -> BTreeMap<String, EndingFigures> {
    let mut by_ending: BTreeMap<String, EndingFigures> = BTreeMap::new();
    for path in report.listing.paths.iter().filter(|p| !p.loops_back) {
        let pieces = &path.pieces;
        let entry = by_ending.entry(path.ending.clone()).or_insert((
            0,
            u8::MAX,
            0,
            u8::MAX,
            0,
            pieces.rating,
            pieces.ending_cap,
        ));
        entry.0 += 1;
        entry.1 = entry.1.min(path.score);
        entry.2 = entry.2.max(path.score);
        entry.3 = entry.3.min(pieces.handling);
        entry.4 = entry.4.max(pieces.handling);
        assert_eq!((entry.5, entry.6), (pieces.rating, pieces.ending_cap));
    }
    by_ending
}

/// A listed path's pieces make its headline as the grading model says.
fn assert_pieces_add_up(path: &PathEntry) {
    let p = &path.pieces;
    assert_eq!(p.ending_cap, p.rating.map_or(100, rating_cap), "{path:?}");
    assert_eq!(p.serious_cap, serious_cap(p.serious.len()), "{path:?}");
    assert_eq!(
        path.score,
        headline(p.handling, p.ending_cap, p.serious_cap),
        "{path:?}"
    );
}

fn assert_summary_matches_brute_force(scenario: &ValidScenario, report: &PathsReport) {
    assert_eq!(report.listing.cut, None, "the listing must be complete");
    for path in &report.listing.paths {
        assert_pieces_add_up(path);
    }
    let expected = brute_force(report);
    let summary: &Summary = &report.summary;
    let got: BTreeMap<String, EndingFigures> = summary
        .endings
        .iter()
        .map(|e| {
            assert!(!e.paths.more_than);
            assert_eq!(e.ending_cap, rating_cap(e.rating));
            (
                e.ending.clone(),
                (
                    e.paths.count,
                    e.min_score,
                    e.max_score,
                    e.min_handling,
                    e.max_handling,
                    Some(e.rating),
                    e.ending_cap,
                ),
            )
        })
        .collect();
    assert_eq!(got, expected, "{}", report.scenario);
    let best = expected.values().map(|v| v.2).max().unwrap();
    let worst = expected.values().map(|v| v.1).min().unwrap();
    assert_eq!(summary.best.score, best);
    assert_eq!(summary.worst.score, worst);
    assert_eq!(
        summary.paths.count,
        expected.values().map(|v| v.0).sum::<u128>()
    );
    // The example paths are real paths with the scores and pieces claimed.
    for extreme in [&summary.best, &summary.worst] {
        let listed = report
            .listing
            .paths
            .iter()
            .find(|p| p.choices == extreme.choices && !p.loops_back)
            .unwrap_or_else(|| panic!("{:?} is not a listed path", extreme.choices));
        assert_eq!(listed.score, extreme.score);
        assert_eq!(listed.pieces, extreme.pieces);
        assert_eq!(listed.ending, extreme.ending);
    }
    let _ = scenario;
}

#[test]
fn every_path_of_the_small_fixture_is_listed_with_its_graded_score_and_ending() {
    let s = fixture("tests/fixtures/tui/late-order.ron");
    let report = paths(&s, &rules(), 200);
    let listed: Vec<(Vec<String>, u8, u8, &str)> = report
        .listing
        .paths
        .iter()
        .map(|p| {
            (
                p.choices.clone(),
                p.score,
                p.pieces.handling,
                p.ending.as_str(),
            )
        })
        .collect();
    // Values: opening 4 / -3 / -3 (7 at stake), delivery 3 / -2 (5 at stake); "calmed" is
    // rated Excellent, "lost" Fail (a cap of 35).
    assert_eq!(
        listed,
        vec![
            (ids(&["acknowledge", "express"]), 100, 100, "calmed"),
            (ids(&["acknowledge", "soon"]), 58, 58, "calmed"),
            (ids(&["blame-courier", "express"]), 42, 42, "calmed"),
            (ids(&["blame-courier", "soon"]), 0, 0, "calmed"),
            (ids(&["snap"]), 0, 0, "lost"),
        ]
    );
    for path in &report.listing.paths {
        let mut node = s.scenario().start.clone();
        let mut decisions = Vec::new();
        for choice in &path.choices {
            decisions.push((node.clone(), choice.clone()));
            node = s
                .scenario()
                .nodes
                .iter()
                .flat_map(|n| match n {
                    composure::scenario::Node::Decision { choices, .. } => choices.as_slice(),
                    _ => &[],
                })
                .find(|c| &c.id == choice)
                .unwrap()
                .next
                .clone();
        }
        let graded = grade(
            &s,
            decisions.iter().map(|(n, c)| (n.as_str(), c.as_str())),
            Some(node.as_str()),
            &rules(),
        );
        assert_eq!(graded.score, path.score);
        assert_eq!(node, path.ending);
    }
    assert!(report.loops.is_empty());
    assert_eq!(report.summary.best.score, 100);
    assert_eq!(
        report.summary.best.choices,
        ids(&["acknowledge", "express"])
    );
    assert_eq!(report.summary.worst.score, 0);
    assert_eq!(report.summary.endings[0].outcome, Outcome::Resolved);
    assert_summary_matches_brute_force(&s, &report);
}

#[test]
fn loops_are_followed_at_most_once_reported_and_left_out_of_the_summary() {
    let s = fixture("tests/fixtures/paths/looping.ron");
    let report = paths(&s, &rules(), 200);
    let loops: Vec<(&str, &str, &str)> = report
        .loops
        .iter()
        .map(|l| {
            (
                l.from.as_str(),
                l.choice.as_deref().unwrap_or(""),
                l.to.as_str(),
            )
        })
        .collect();
    assert_eq!(
        loops,
        vec![
            ("greet", "deflect", "greet"),
            ("details", "back-to-offer", "offer")
        ]
    );
    let listed: Vec<(Vec<String>, u8, u8, &str, bool)> = report
        .listing
        .paths
        .iter()
        .map(|p| {
            (
                p.choices.clone(),
                p.score,
                p.pieces.handling,
                p.ending.as_str(),
                p.loops_back,
            )
        })
        .collect();
    // A path may take a loop when it has not been where the loop leads; it never visits a
    // node twice, so "deflect" is never taken. "resolved" is rated Good (a cap of 85), "lost"
    // Fail (35); "refuse" is a serious mistake (a cap of 60).
    assert_eq!(
        listed,
        vec![
            (ids(&["listen", "refund"]), 85, 100, "resolved", false),
            (
                ids(&["listen", "check-details", "give-up"]),
                35,
                50,
                "lost",
                false
            ),
            (ids(&["listen", "refuse"]), 33, 33, "lost", false),
            (
                ids(&["ask-details", "back-to-offer", "refund"]),
                85,
                92,
                "resolved",
                true
            ),
            (
                ids(&["ask-details", "back-to-offer", "refuse"]),
                35,
                42,
                "lost",
                true
            ),
            (ids(&["ask-details", "give-up"]), 33, 33, "lost", false),
        ]
    );
    let refuse = &report.listing.paths[2].pieces;
    assert_eq!(refuse.serious.len(), 1);
    assert_eq!(
        (
            refuse.serious[0].decision.as_str(),
            refuse.serious[0].choice.as_str()
        ),
        ("offer", "refuse")
    );
    assert_eq!(refuse.serious[0].rule, "offer-solutions");
    assert_eq!(refuse.serious_cap, 60);
    let endings: Vec<(&str, u128, u8, u8)> = report
        .summary
        .endings
        .iter()
        .map(|e| (e.ending.as_str(), e.paths.count, e.min_score, e.max_score))
        .collect();
    assert_eq!(endings, vec![("resolved", 1, 85, 85), ("lost", 3, 33, 35)]);
    assert_summary_matches_brute_force(&s, &report);
}

#[test]
fn the_list_stops_at_the_limit_and_says_so_while_the_summary_covers_every_path() {
    let s = fixture("tests/fixtures/tui/late-order.ron");
    let report = paths(&s, &rules(), 2);
    assert_eq!(report.listing.paths.len(), 2);
    assert_eq!(report.listing.cut, Some(Cut::Limit));
    assert_eq!(report.summary.paths.count, 5);
    assert_eq!(report.summary.worst.score, 0);
    // Exactly as many paths as the limit is not a cut.
    assert_eq!(list_paths(&s, &rules(), 5).cut, None);
    assert_eq!(list_paths(&s, &rules(), 0).cut, Some(Cut::Limit));
}

#[test]
fn every_shipped_scenario_has_a_summary_that_matches_brute_force() {
    // Brute force needs every path listed. The scenarios with up to 20,000 paths (about a
    // third of the library, in every language) keep this test quick; the synthetic tests
    // cover the summary at any size.
    let mut checked = 0;
    for (origin, text) in embedded_sources() {
        let s = load_source(&origin, text, &rules()).unwrap();
        let report = paths(&s, &rules(), 20_000);
        if report.listing.cut.is_none() {
            assert_summary_matches_brute_force(&s, &report);
            checked += 1;
        }
    }
    assert!(
        checked >= 20,
        "only {checked} scenarios could be listed in full"
    );
}

#[test]
fn counting_paths_saturates_and_says_more_than() {
    // Each synthetic decision has two to four ways on; two thousand nodes have far more than
    // u128::MAX paths.
    let s = load_source("big.ron", &synth_scenario(2_000, 7, &rules()), &rules()).unwrap();
    let summary = summarise(&s, &rules());
    assert!(summary.paths.more_than);
    assert_eq!(summary.paths.count, u128::MAX);
    assert_eq!(summary.paths.to_string(), "more than 3.4e38");
    assert!(summary.best.score >= summary.worst.score);
    let listing = list_paths(&s, &rules(), 50);
    assert_eq!(listing.paths.len(), 50);
    assert_eq!(listing.cut, Some(Cut::Limit));
    for path in &listing.paths {
        assert!(
            path.score <= summary.best.score && path.score >= summary.worst.score
                || path.loops_back
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    #[test]
    fn the_summary_of_a_synthetic_scenario_matches_brute_force(nodes in 2usize..16, seed in any::<u64>()) {
        let text = synth_scenario(nodes, seed, &rules());
        let s = load_source("synthetic.ron", &text, &rules()).unwrap();
        let report = paths(&s, &rules(), 5_000);
        prop_assume!(report.listing.cut.is_none());
        assert_summary_matches_brute_force(&s, &report);
    }
}

#[test]
fn a_mean_exactly_on_the_half_counts_as_the_higher_score_as_in_grading() {
    let s = fixture("tests/fixtures/paths/half.ron");
    let report = paths(&s, &rules(), 200);
    let endings: Vec<(&str, u128, u8, u8)> = report
        .summary
        .endings
        .iter()
        .map(|e| (e.ending.as_str(), e.paths.count, e.min_score, e.max_score))
        .collect();
    // middle → right is 5/8 of the stake, 62.5 → 63; middle → wrong is 1/8, 12.5 → 13;
    // top → right is 100 under the Good ending's cap of 85, top → wrong 50 under the Fail
    // ending's 35.
    assert_eq!(
        endings,
        vec![("good", 2, 63, 85), ("bad", 2, 13, 35), ("gone", 1, 0, 0)]
    );
    assert_summary_matches_brute_force(&s, &report);
}

#[test]
fn a_scenario_that_starts_at_its_ending_has_one_empty_path_scoring_zero() {
    let s = fixture("tests/fixtures/paths/start-is-ending.ron");
    let report = paths(&s, &rules(), 200);
    assert_eq!(report.listing.paths.len(), 1);
    assert!(report.listing.paths[0].choices.is_empty());
    assert_eq!(report.listing.paths[0].score, 0);
    assert_eq!(report.summary.paths.count, 1);
    assert_eq!(report.summary.best.score, 0);
    assert_eq!(report.summary.endings.len(), 1);
    assert_summary_matches_brute_force(&s, &report);
}

/// The steps a path takes through the file, routes included, replayed from the scenario as
/// written (the client's state follows each choice's effect and decides each route): each
/// step is (from, the choice made there or `None` for a route, to).
fn steps_through_the_file(
    s: &ValidScenario,
    choices: &[String],
) -> Vec<(String, Option<String>, String)> {
    use composure::scenario::Node;
    let model = s.scenario();
    let mut state = model.initial;
    let mut node = model.start.clone();
    let mut steps = Vec::new();
    let follow_routes = |node: &mut String, state, steps: &mut Vec<_>| {
        while let Some(next) = s.node(node).unwrap().route(state) {
            steps.push((node.clone(), None, next.to_owned()));
            *node = next.to_owned();
        }
    };
    follow_routes(&mut node, state, &mut steps);
    for choice in choices {
        let Some(Node::Decision { choices, .. }) = s.node(&node) else {
            panic!("{node} is not a decision");
        };
        let chosen = choices.iter().find(|c| &c.id == choice).unwrap();
        steps.push((node.clone(), Some(choice.clone()), chosen.next.clone()));
        state = state.after(chosen.effect);
        node = chosen.next.clone();
        follow_routes(&mut node, state, &mut steps);
    }
    steps
}

#[test]
fn no_listed_path_visits_a_node_twice_even_when_the_client_comes_back_in_another_mood() {
    // Its loops (circles → neha → deadline → wobble → circles, and through pressured) change
    // the client's mood on the way round, so each round reaches the same nodes in new states.
    let (origin, text) = embedded_sources()
        .find(|(origin, _)| origin == "scenarios/indecisive-march-break.ron")
        .unwrap();
    let s = load_source(&origin, text, &rules()).unwrap();
    let report = paths(&s, &rules(), 1_000_000);
    assert_eq!(report.listing.cut, None);
    let loops: Vec<(String, Option<String>, String)> = report
        .loops
        .iter()
        .map(|l| (l.from.clone(), l.choice.clone(), l.to.clone()))
        .collect();
    assert!(!loops.is_empty(), "the scenario loops");
    let mut revisiting = 0;
    for path in &report.listing.paths {
        let steps = steps_through_the_file(&s, &path.choices);
        let mut seen = std::collections::HashSet::new();
        let first = steps.first().map(|(from, _, _)| from);
        if !first
            .into_iter()
            .chain(steps.iter().map(|(_, _, to)| to))
            .all(|n| seen.insert(n))
        {
            revisiting += 1;
        }
        // A path is marked ↺ exactly when it takes a step named as a loop.
        let takes_loop = steps.iter().any(|step| loops.contains(step));
        assert_eq!(path.loops_back, takes_loop, "{:?}", path.choices);
    }
    assert_eq!(
        revisiting,
        0,
        "of {} listed paths, {revisiting} visit a node twice",
        report.listing.paths.len()
    );
}

/// How many loop-free listed paths have each (headline, ending).
fn classes(report: &PathsReport) -> BTreeMap<(u8, String), usize> {
    let mut classes = BTreeMap::new();
    for path in report.listing.paths.iter().filter(|p| !p.loops_back) {
        *classes
            .entry((path.score, path.ending.clone()))
            .or_insert(0) += 1;
    }
    classes
}

#[test]
fn paths_drawn_at_random_are_real_paths_graded_alike_and_each_as_likely_as_any_other() {
    let s = fixture("scenarios/rude-broken-washer.ron");
    let report = paths(&s, &rules(), 20_000);
    assert_eq!(report.listing.cut, None, "the test needs every path listed");
    let classes = classes(&report);
    let total: usize = classes.values().sum();
    assert!(classes.len() >= 10, "too few kinds of path to tell a bias");
    const DRAWS: usize = 20_000;
    let drawn = sample_paths(&s, &rules(), DRAWS, 7);
    assert_eq!(drawn.len(), DRAWS);
    let mut seen: BTreeMap<(u8, String), usize> = BTreeMap::new();
    for path in &drawn {
        let class = (path.score, path.ending.clone());
        assert!(
            classes.contains_key(&class),
            "drew a path scoring {} to {} that no listed path matches",
            path.score,
            path.ending
        );
        *seen.entry(class).or_insert(0) += 1;
    }
    // Each kind of path is drawn about as often as its share of all paths: within five
    // standard errors of a fair draw (a biased draw, such as an even choice at each
    // decision, misses by far more).
    for (class, &count) in &classes {
        let expected = count as f64 / total as f64;
        let got = seen.get(class).copied().unwrap_or(0) as f64 / DRAWS as f64;
        let error = (expected * (1.0 - expected) / DRAWS as f64).sqrt();
        assert!(
            (got - expected).abs() <= 5.0 * error + 0.001,
            "{class:?}: drawn {got:.4} of the time, a fair draw gives {expected:.4}"
        );
    }
    // The same seed draws the same paths.
    assert_eq!(sample_paths(&s, &rules(), DRAWS, 7), drawn);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(60))]

    #[test]
    fn every_path_drawn_from_a_synthetic_scenario_is_one_of_its_paths(nodes in 2usize..16, seed in any::<u64>()) {
        let text = synth_scenario(nodes, seed, &rules());
        let s = load_source("synthetic.ron", &text, &rules()).unwrap();
        let report = paths(&s, &rules(), 5_000);
        prop_assume!(report.listing.cut.is_none());
        let classes = classes(&report);
        let drawn = sample_paths(&s, &rules(), 300, seed);
        prop_assert_eq!(drawn.is_empty(), classes.is_empty());
        for path in drawn {
            prop_assert!(classes.contains_key(&(path.score, path.ending.clone())));
        }
    }
}

#[test]
fn audit_counts_every_path_of_a_small_scenario_and_draws_from_a_large_one() {
    let small = fixture("scenarios/rude-broken-washer.ron");
    let large = fixture("scenarios/broadband-ninth-fault.ron");
    assert!(summarise(&large, &rules()).paths.count > PATH_LIMIT as u128);
    let figures = audit(&[small.clone(), large], &rules());
    let [small_figures, large_figures] = &figures.scenarios[..] else {
        panic!("two scenarios audited, two sets of figures");
    };
    assert!(small_figures.paths_complete && !small_figures.paths_sampled);
    assert_eq!(
        small_figures.paths,
        list_paths(&small, &rules(), PATH_LIMIT).paths.len()
    );
    assert!(large_figures.paths_sampled && !large_figures.paths_complete);
    assert_eq!(large_figures.paths, PATH_SAMPLE);
}
