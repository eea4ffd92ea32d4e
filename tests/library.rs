//! The shipped library as a whole: every kind of client the guidance describes, twice, in
//! varied settings; every rule exercised on both sides; every scenario in every language with
//! the same structure as its English original.

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{HashMap, HashSet};

use composure::authoring::starter::ALL_TYPES;
use composure::check::check_embedded;
use composure::i18n::Lang;
use composure::rules::{Rulebook, coverage};
use composure::scenario::{Library, ValidScenario};

fn library() -> Library {
    let library = Library::embedded(&Rulebook::embedded().unwrap());
    assert!(library.problems.is_empty(), "{:#?}", library.problems);
    library
}

fn english(library: &Library) -> Vec<&ValidScenario> {
    library
        .scenarios()
        .iter()
        .filter(|s| s.scenario().language == "en")
        .collect()
}

#[test]
fn every_client_type_has_at_least_two_scenarios() {
    let library = library();
    let mut count: HashMap<_, usize> = HashMap::new();
    for s in english(&library) {
        *count.entry(s.scenario().client_type).or_default() += 1;
    }
    for kind in ALL_TYPES {
        let n = count.get(&kind).copied().unwrap_or(0);
        assert!(n >= 2, "{kind:?} has {n} scenario(s)");
    }
}

#[test]
fn every_rule_is_followed_twice_and_broken_twice_across_the_library() {
    let library = library();
    let rules = Rulebook::embedded().unwrap();
    let scenarios = english(&library);
    for c in coverage(scenarios.iter().map(|s| s.scenario()), &rules) {
        assert!(
            c.followed >= 2,
            "{} is followed only {} time(s)",
            c.rule,
            c.followed
        );
        assert!(
            c.broken >= 2,
            "{} is broken only {} time(s)",
            c.rule,
            c.broken
        );
    }
}

#[test]
fn no_two_scenarios_share_a_title() {
    let library = library();
    let mut seen = HashSet::new();
    for s in english(&library) {
        assert!(
            seen.insert(&s.scenario().title),
            "title used twice: {}",
            s.scenario().title
        );
    }
}

#[test]
fn every_scenario_is_in_every_language_with_the_same_structure() {
    // Structure is compared by check (errors if a translation drifts); here, completeness.
    let report = check_embedded(&Rulebook::embedded().unwrap());
    assert_eq!(report.errors(), 0, "{:#?}", report.problems);
    let library = library();
    for s in english(&library) {
        for lang in Lang::ALL {
            let found = library.get(s.id(), lang.code());
            assert!(
                found.is_some_and(|(_, fallback)| !fallback),
                "{} has no {} version",
                s.id(),
                lang.name()
            );
        }
    }
}
