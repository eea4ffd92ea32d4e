//! No input makes loading or checking panic or hang: random bytes, damaged copies of a valid
//! file, absurd nesting and oversized files all come back as errors.

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use composure::engine::{Conversation, EngineError, MAX_AUTOMATIC_STEPS};
use composure::rules::Rulebook;
use composure::scenario::load::{MAX_FILE_BYTES, read_source};
use composure::scenario::sanitize::refused;
use composure::scenario::{ValidScenario, load_source, parse};
use proptest::prelude::*;
use std::sync::{Arc, mpsc};
use std::time::Duration;

const VALID: &str = include_str!("fixtures/tui/late-order.ron");

fn rules() -> Rulebook {
    Rulebook::embedded().unwrap()
}

/// Runs `f` on a thread with a small stack and fails if it takes longer than `limit`: a
/// hang or a deep recursion shows up as a failed test, not a stuck or crashed test run.
fn within<T: Send + 'static>(limit: Duration, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (send, receive) = mpsc::channel();
    std::thread::Builder::new()
        .stack_size(SMALL_STACK)
        .spawn(move || send.send(f()))
        .unwrap();
    receive
        .recv_timeout(limit)
        .unwrap_or_else(|e| panic!("no answer within {limit:?}: {e}"))
}

/// A quarter of a megabyte: far less than the 2 MiB a test thread gets, and the 8 MiB of the
/// main thread.
const SMALL_STACK: usize = 256 * 1024;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_text_is_an_error_not_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let text = String::from_utf8_lossy(&bytes);
        prop_assert!(load_source("random.ron", &text, &rules()).is_err());
    }

    #[test]
    fn a_damaged_valid_file_loads_or_reports_a_positioned_problem(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 0u8..3, any::<char>()), 1..8)
    ) {
        let mut text: Vec<char> = VALID.chars().collect();
        for (at, kind, c) in edits {
            if text.is_empty() { break; }
            let i = at.index(text.len());
            match kind {
                0 => { text.remove(i); }
                1 => text.insert(i, c),
                _ => text[i] = c,
            }
        }
        let text: String = text.into_iter().collect();
        if let Err(problems) = load_source("damaged.ron", &text, &rules()) {
            prop_assert!(!problems.is_empty());
            let lines = text.lines().count().max(1);
            for p in problems {
                let at = p.position.unwrap();
                prop_assert!(at.line >= 1 && at.line <= lines + 1, "{p} is outside the file");
            }
        }
    }
}

#[test]
fn nesting_ten_thousand_and_a_hundred_thousand_deep_is_an_error() {
    for depth in [10_000, 100_000] {
        let text = format!(
            "Scenario(format: 1, id: {}{}",
            "[".repeat(depth),
            "]".repeat(depth)
        );
        let problems = load_source("deep.ron", &text, &rules()).unwrap_err();
        assert!(!problems.is_empty(), "depth {depth}");
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_FILE_BYTES + 1).unwrap();
    let problem = read_source(&path).unwrap_err();
    assert!(problem.message.contains("at most"), "{problem}");
}

#[test]
fn a_file_at_the_size_limit_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    let mut text = VALID.to_owned();
    let pad = usize::try_from(MAX_FILE_BYTES).unwrap() - text.len();
    text.push_str(&" ".repeat(pad));
    std::fs::write(&path, &text).unwrap();
    assert_eq!(read_source(&path).unwrap().len() as u64, MAX_FILE_BYTES);
}

/// Every node unreachable and every `says` line empty, all on one line after a 3 MB comment:
/// twenty thousand problems, each needing a line and column far into a long line.
#[test]
fn thousands_of_problems_on_one_long_line_are_reported_quickly() {
    let node = |i: usize| {
        format!("Ending(id: \"e{i}\", says: [\" \"], outcome: Resolved, closing: \"x\"),")
    };
    let nodes: String = (0..10_000).map(node).collect();
    let text = format!(
        "/* {} */ Scenario(format: 1, id: \"flat\", title: \"t\", client_type: Rude, briefing: Briefing(situation: \"s\", goal: \"g\"), client: Client(name: \"n\", persona: \"p\"), initial: ClientState(mood: 0, trust: 0), start: \"e0\", nodes: [{nodes}])",
        "x".repeat(3_000_000)
    );
    let problems = within(Duration::from_secs(10), move || {
        load_source("flat.ron", &text, &rules()).unwrap_err()
    });
    assert_eq!(problems.len(), 10_000 + 9_999, "{:?}", &problems[..3]);
    let last = problems.last().unwrap().position.unwrap();
    assert_eq!(last.line, 1);
    assert!(last.col > 3_390_000, "{last:?}");
}

/// `check` quotes what it finds (ids, rule names), and the fixtures hold escapes, C1 controls
/// and bidirectional overrides: none may reach the terminal that reads the report.
#[test]
fn check_never_prints_a_character_a_terminal_would_obey() {
    for (format, shown) in [("text", r"calm\u{1b}ed"), ("json", r"calm\\u{1b}ed")] {
        let output = assert_cmd::Command::cargo_bin("composure")
            .unwrap()
            .args(["check", "--format", format, "tests/fixtures/invalid"])
            .output()
            .unwrap();
        let stdout = String::from_utf8(output.stdout).unwrap();
        let bad = stdout
            .chars()
            .find(|&c| c != '\n' && refused(c, None).is_some());
        assert_eq!(bad, None, "{format} output:\n{stdout}");
        assert!(
            stdout.contains(shown),
            "the control character is shown as an escape: {stdout}"
        );
    }
}

/// Validation refuses routes in a loop (`fixtures/invalid/route-loop.ron`); the engine must
/// not depend on that. Given such a scenario unchecked, it stops after its bound of
/// automatic steps and says why, rather than spinning.
#[test]
fn the_engine_gives_up_on_routes_in_a_loop_it_was_never_warned_about() {
    let source = std::fs::read_to_string("tests/fixtures/invalid/route-loop.ron").unwrap();
    let mut scenario = parse(&source).unwrap();
    // Send the trainee straight into the loop: `a` → `b` → `a` while trust and mood hold.
    scenario.start = "a".to_owned();
    let scenario = Arc::new(ValidScenario::assume_valid(scenario, "route-loop.ron"));
    let error = within(Duration::from_secs(10), move || {
        Conversation::start(scenario, 1, 0).unwrap_err()
    });
    assert_eq!(error, EngineError::RunawayRoutes("a".to_owned()));
    assert!(
        error.to_string().contains(&MAX_AUTOMATIC_STEPS.to_string()),
        "{error}"
    );
}

#[test]
fn a_choice_into_a_loop_of_routes_is_refused_and_the_trainee_stays_put() {
    let source = std::fs::read_to_string("tests/fixtures/invalid/route-loop.ron").unwrap();
    let scenario = Arc::new(ValidScenario::assume_valid(
        parse(&source).unwrap(),
        "route-loop.ron",
    ));
    let mut conversation = Conversation::start(scenario, 1, 0).unwrap();
    let error = conversation.choose("go", 5).unwrap_err();
    assert!(matches!(error, EngineError::RunawayRoutes(_)), "{error}");
    assert_eq!(conversation.turn().node, "ask");
    assert!(conversation.steps().is_empty());
    // Nor does an option number from nowhere panic.
    assert!(conversation.choose_nth(usize::MAX, 5).is_err());
}
