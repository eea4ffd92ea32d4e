//! Drill files and plans: the shipped drills load, a plan is the same for everyone with the
//! same seed, and a broken drill file gets every problem at its position.

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use composure::drill::{
    Order, embedded_drills, find_drill, is_drill_source, load_drill_path, load_drill_source, plan,
};
use composure::engine::Feedback;
use composure::rules::Rulebook;
use composure::scenario::Library;

fn library() -> Library {
    Library::embedded(&Rulebook::embedded().unwrap())
}

fn problems(path: &str) -> Vec<String> {
    load_drill_path(Path::new(path), &library())
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn every_shipped_drill_loads_and_plans_at_least_one_scenario() {
    let library = library();
    let mut count = 0;
    for (origin, text) in embedded_drills() {
        let drill = load_drill_source(&origin, text, &library).unwrap_or_else(|p| {
            panic!("{origin}: {p:?}");
        });
        assert!(is_drill_source(text));
        assert!(!plan(&drill, &library, "en").items.is_empty(), "{origin}");
        count += 1;
    }
    assert!(count >= 3);
}

#[test]
fn a_shipped_drill_is_found_by_its_id() {
    let drill = find_drill("under-fire", &library()).unwrap().unwrap();
    assert_eq!(drill.order, Order::Shuffled);
    assert_eq!(drill.feedback, Feedback::End);
    assert!(find_drill("no-such-drill", &library()).is_none());
}

#[test]
fn the_same_drill_gives_everyone_the_same_scenarios_order_and_seeds() {
    let library = library();
    let drill = find_drill("quick-two", &library).unwrap().unwrap();
    let ids = |p: &composure::drill::DrillPlan| {
        p.items
            .iter()
            .map(|i| (i.scenario.id().to_owned(), i.seed))
            .collect::<Vec<_>>()
    };
    let a = plan(&drill, &library, "en");
    let b = plan(&drill, &library, "en");
    assert_eq!(ids(&a), ids(&b));
    assert_eq!(a.items.len(), 2, "count cuts the list");
    assert_eq!(a.time_limit_ms, 20_000);
}

#[test]
fn a_fixed_order_plays_the_scenarios_as_listed_and_a_seed_shuffles() {
    let library = library();
    let fixed = find_drill("first-week", &library).unwrap().unwrap();
    let order: Vec<String> = plan(&fixed, &library, "en")
        .items
        .iter()
        .map(|i| i.scenario.id().to_owned())
        .collect();
    assert_eq!(
        order,
        [
            "rude-broken-washer",
            "indecisive-kitchen-worktop",
            "king-hotel-suite"
        ]
    );
    let mut shuffled = fixed.clone();
    shuffled.order = Order::Shuffled;
    let orders: std::collections::HashSet<Vec<String>> = (0..20)
        .map(|seed| {
            shuffled.seed = seed;
            plan(&shuffled, &library, "en")
                .items
                .iter()
                .map(|i| i.scenario.id().to_owned())
                .collect()
        })
        .collect();
    assert!(orders.len() > 1, "{orders:?}");
}

#[test]
fn a_drill_file_reports_every_problem_with_its_line_and_column() {
    let found = problems("tests/fixtures/drills/unknown-scenario.ron");
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found[0].starts_with("tests/fixtures/drills/unknown-scenario.ron:7:9: error: no scenario with id \"no-such-scenario\""),
        "{found:#?}"
    );
    assert!(
        found[1].contains(":10:5: error: 2 seconds per decision is out of range"),
        "{found:#?}"
    );
}

#[test]
fn a_misspelt_field_is_an_error_at_its_position() {
    let found = problems("tests/fixtures/drills/misspelt-field.ron");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains(":7:"), "{found:#?}");
    assert!(found[0].contains("secs_per_decision"), "{found:#?}");
}

#[test]
fn a_count_beyond_the_scenarios_listed_is_an_error() {
    let found = problems("tests/fixtures/drills/count-too-high.ron");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].contains(":6:5: error: count is 4, but the scenarios listed give only "),
        "{found:#?}"
    );
}

#[test]
fn a_translation_needs_a_known_language_a_name_and_clean_text() {
    let found = problems("tests/fixtures/drills/bad-translations.ron");
    let file = "tests/fixtures/drills/bad-translations.ron";
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(
        found[0].contains(":9:9:") && found[2].contains(":11:9:"),
        "in file order: {found:#?}"
    );
    // Each at the language it is about.
    for (at, message) in [
        (
            "10:9",
            "\"de\" is not a language Composure speaks; use one of en, nb, ru",
        ),
        ("9:9", "the \"nb\" name is empty"),
        (
            "11:9",
            "the \"ru\" description contains U+001B, an escape character",
        ),
    ] {
        let start = format!("{file}:{at}: error: translations: ");
        assert!(
            found
                .iter()
                .any(|p| p.starts_with(&start) && p.contains(message)),
            "{at} {message}: {found:#?}"
        );
    }
}

#[test]
fn a_drill_is_named_and_described_in_the_trainees_language() {
    let library = library();
    let drill = find_drill("first-week", &library).unwrap().unwrap();
    let english = plan(&drill, &library, "en");
    assert_eq!(english.name, drill.name);
    for lang in ["nb", "ru"] {
        let translated = plan(&drill, &library, lang);
        let text = &drill.translations[lang];
        assert_eq!(
            (&translated.name, &translated.description),
            (&text.name, &text.description)
        );
        assert_ne!(translated.name, english.name, "{lang}");
        // The same drill for everyone: only the words change.
        let ids = |p: &composure::drill::DrillPlan| {
            p.items
                .iter()
                .map(|i| (i.scenario.id().to_owned(), i.seed))
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&translated), ids(&english), "{lang}");
    }
}

#[test]
fn every_shipped_drill_speaks_every_language() {
    for (origin, text) in embedded_drills() {
        let drill = load_drill_source(&origin, text, &library()).unwrap();
        let languages: Vec<&str> = drill.translations.keys().map(String::as_str).collect();
        assert_eq!(languages, ["nb", "ru"], "{origin}");
        for (lang, text) in &drill.translations {
            assert!(!text.description.is_empty(), "{origin}: {lang}");
        }
    }
}

#[test]
fn scenario_files_are_not_taken_for_drills() {
    let text = std::fs::read_to_string("tests/fixtures/tui/late-order.ron").unwrap();
    assert!(!is_drill_source(&text));
    assert!(is_drill_source("// a comment\n/* more */ Drill(format: 1)"));
}

#[test]
fn check_accepts_drill_files_and_prints_their_problems() {
    let out = assert_cmd::Command::cargo_bin("composure")
        .unwrap()
        .args([
            "check",
            "tests/fixtures/drills/count-too-high.ron",
            "drills",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("tests/fixtures/drills/count-too-high.ron:6:5: error: count is 4"),
        "{out}"
    );
    assert!(!out.contains("drills/first-week.ron"), "{out}");
}
