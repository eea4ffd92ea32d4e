//! Time pressure in the engine: the clock is an input, so a drill's countdown, hesitations and
//! their grading are tested without waiting.

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::sync::Arc;

use composure::engine::{Conversation, MAX_SILENCES, Report, SILENCE_LINE};
use composure::rules::Rulebook;
use composure::scenario::{ValidScenario, load_path};

const LIMIT: u64 = 20_000;

fn rules() -> Rulebook {
    Rulebook::embedded().unwrap()
}

fn grading() -> Arc<ValidScenario> {
    Arc::new(load_path(Path::new("tests/fixtures/engine/grading.ron"), &rules()).unwrap())
}

fn timed(start: u64) -> Conversation {
    Conversation::start(grading(), 1, start)
        .unwrap()
        .with_time_limit(Some(LIMIT))
}

#[test]
fn the_deadline_is_the_limit_after_the_options_were_shown() {
    let mut c = timed(1_000);
    assert_eq!(c.deadline(), Some(1_000 + LIMIT));
    c.present_at(5_000);
    assert_eq!(c.deadline(), Some(5_000 + LIMIT));
    assert_eq!(
        Conversation::start(grading(), 1, 0).unwrap().deadline(),
        None
    );
}

#[test]
fn a_tick_before_the_deadline_changes_nothing() {
    let mut c = timed(0);
    assert_eq!(c.tick(LIMIT - 1), 0);
    assert!(c.steps().is_empty());
}

#[test]
fn running_out_of_time_is_a_hesitation_the_client_reacts_to() {
    let mut c = timed(0);
    let before = c.state();
    let options = c.turn().options.clone();
    assert_eq!(c.tick(LIMIT), 1);
    let step = &c.steps()[0];
    assert!(step.hesitated);
    assert_eq!(step.elapsed(), LIMIT, "the time taken is the whole limit");
    assert_eq!(
        c.state().mood,
        before.mood - 1,
        "the silence costs a point of mood"
    );
    assert_eq!(c.state().trust, before.trust);
    // The same decision stays open, the client meeting the silence, the options unchanged.
    assert_eq!(c.turn().node, "first");
    assert_eq!(c.turn().line, SILENCE_LINE);
    assert_eq!(c.turn().options, options);
    assert_eq!(c.deadline(), Some(2 * LIMIT), "a fresh countdown starts");
}

#[test]
fn a_late_answer_counts_the_missed_deadline_first() {
    let mut c = timed(0);
    c.choose("best", LIMIT + 500).unwrap();
    assert_eq!(c.hesitations(), 1);
    assert_eq!(c.steps().len(), 2);
    assert_eq!(c.steps()[1].elapsed(), 500);
}

#[test]
fn the_countdown_stops_after_three_silences_in_a_row() {
    let mut c = timed(0);
    assert_eq!(c.tick(100 * LIMIT), MAX_SILENCES);
    assert_eq!(c.deadline(), None);
    // An answer starts the clock again at the next decision.
    c.choose("best", 100 * LIMIT).unwrap();
    assert_eq!(c.deadline(), Some(100 * LIMIT + LIMIT));
}

#[test]
fn each_hesitation_counts_as_a_decision_scored_zero() {
    let mut c = timed(0);
    c.tick(LIMIT);
    c.choose("best", LIMIT + 1_000).unwrap();
    c.choose("same-a", LIMIT + 2_000).unwrap();
    let report = Report::new(&c, &rules());
    // The silence and the answer at "first" (stake 7) count alike, scored 0 and 1; "second"
    // has nothing at stake: 100 × 7 / 14.
    assert_eq!(report.handling, 50);
    assert_eq!(report.score, 50);
    assert_eq!(report.hesitations, 1);
    assert_eq!(report.time_limit_ms, Some(LIMIT));
    assert!(report.steps[0].hesitated);
    assert_eq!(report.steps[0].decision_score, 0.0);
    assert_eq!(report.steps[0].best.id, "best");
    assert!(report.steps[0].verdicts.is_empty());
    // The silence follows and breaks no rule: the tally is that of the two answers alone.
    let untimed = {
        let mut u = Conversation::start(grading(), 1, 0).unwrap();
        u.choose("best", 1).unwrap();
        u.choose("same-a", 2).unwrap();
        Report::new(&u, &rules())
    };
    assert_eq!(report.rules, untimed.rules);
    assert_eq!(untimed.handling, 100);
}

#[test]
fn the_same_clock_readings_give_the_same_timed_transcript() {
    let run = || {
        let mut c = timed(0);
        c.tick(LIMIT * 2);
        c.choose("middle", LIMIT * 2 + 3_000).unwrap();
        c.choose("same-b", LIMIT * 2 + 9_000).unwrap();
        serde_json::to_string(&Report::new(&c, &rules())).unwrap()
    };
    assert_eq!(run(), run());
}

#[test]
fn a_report_round_trips_through_json() {
    let mut c = timed(0);
    c.tick(LIMIT);
    c.choose("worst", LIMIT + 10).unwrap();
    c.choose("same-a", LIMIT + 20).unwrap();
    let report = Report::new(&c, &rules());
    let json = serde_json::to_string(&report).unwrap();
    let back: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back, report);
}
