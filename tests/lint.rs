//! The warnings `check` gives about grading that contradicts the story, pinned on small
//! fixtures where the answer is known.

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use composure::check::check_paths;
use composure::rules::Rulebook;

fn warnings(path: &str) -> Vec<String> {
    let report = check_paths(&[PathBuf::from(path)], &Rulebook::embedded().unwrap());
    assert_eq!(report.errors(), 0, "{:?}", report.problems);
    report.problems.iter().map(|p| p.message.clone()).collect()
}

#[test]
fn a_won_over_ending_after_many_bad_choices_is_flagged() {
    let found = warnings("tests/fixtures/lint/unearned.ron");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("a path with 3 choices that break more rules"),
        "{found:?}"
    );
}

#[test]
fn a_route_on_trust_makes_the_same_ending_earned() {
    assert_eq!(
        warnings("tests/fixtures/lint/earned.ron"),
        Vec::<String>::new()
    );
}

#[test]
fn best_play_that_can_only_end_badly_is_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let source = std::fs::read_to_string("tests/fixtures/lint/earned.ron").unwrap();
    // Make the ending a trainee reaches by playing well the losing one.
    let flipped = source.replace("outcome: WonOver", "outcome: LostClient");
    let path = dir.path().join("flipped.ron");
    std::fs::write(&path, flipped).unwrap();
    let found = warnings(path.to_str().unwrap());
    assert!(
        found
            .iter()
            .any(|w| w
                .contains("best-graded option at every decision can only end with: LostClient")),
        "{found:?}"
    );
}
