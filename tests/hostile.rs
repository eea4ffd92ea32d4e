//! No input makes loading or checking panic or hang: random bytes, damaged copies of a valid
//! file, absurd nesting and oversized files all come back as errors.

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use composure::rules::Rulebook;
use composure::scenario::load::{MAX_FILE_BYTES, read_source};
use composure::scenario::load_source;
use proptest::prelude::*;

const VALID: &str = include_str!("fixtures/tui/late-order.ron");

fn rules() -> Rulebook {
    Rulebook::embedded().unwrap()
}

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

/// A scenario of `nodes` decisions, each with a choice leading to a missing node, and every
/// node id used twice: one problem or more per node. `one_line` puts it all on a single line.
fn many_problems(nodes: usize, one_line: bool) -> String {
    let sep = if one_line { " " } else { "\n" };
    let mut text = format!(
        "Scenario(format: 1, id: \"many\", title: \"Many\", client_type: Rude,{sep}\
         briefing: Briefing(situation: \"S.\", goal: \"G.\"),{sep}\
         client: Client(name: \"N\", persona: \"P\"),{sep}\
         initial: ClientState(mood: 0, trust: 0), start: \"d0\", nodes: [{sep}"
    );
    for i in 0..nodes {
        let id = i / 2; // every id twice
        text.push_str(&format!(
            "Decision(id: \"d{id}\", says: [\"Line {i}.\"], choices: [{sep}\
             Choice(id: \"c{i}\", text: \"T\", next: \"missing-{i}\", verdicts: [],{sep}\
             consequence: \"C\", coaching: \"K\")]),{sep}"
        ));
    }
    text.push_str("])");
    text
}

#[test]
fn a_file_with_thousands_of_problems_is_checked_in_linear_time() {
    // Positions are found by index, not by rescanning the file for each problem: before that,
    // this took minutes. The bound is loose so that a slow machine does not fail it.
    for one_line in [false, true] {
        let text = many_problems(10_000, one_line);
        let started = std::time::Instant::now();
        let problems = load_source("many.ron", &text, &rules()).unwrap_err();
        let elapsed = started.elapsed();
        assert!(problems.len() >= 15_000, "{}", problems.len());
        assert!(
            elapsed < std::time::Duration::from_secs(10),
            "{} problems took {elapsed:?}",
            problems.len()
        );
        let last = problems
            .iter()
            .find(|p| p.message.contains("\"missing-9999\""))
            .unwrap();
        let at = last.position.unwrap();
        let offset = text.find("next: \"missing-9999\"").unwrap();
        let before = &text[..offset];
        assert_eq!(at.line, before.matches('\n').count() + 1);
        assert_eq!(at.col, offset - before.rfind('\n').map_or(0, |i| i + 1) + 1);
    }
}

#[test]
fn a_valid_file_near_the_size_limit_is_checked_in_linear_time() {
    // Every choice's position used to be looked up, each lookup scanning the file from the
    // top: a valid 3.6 MB file took 9 seconds (release build) and doubling it took five
    // times as long. Now a position is only found for a problem.
    let text = composure::scenario::synth::synth_scenario(2000, 2024, &rules());
    assert!(text.len() as u64 <= MAX_FILE_BYTES);
    let started = std::time::Instant::now();
    assert!(load_source("synthetic.ron", &text, &rules()).is_ok());
    let elapsed = started.elapsed();
    assert!(
        elapsed < std::time::Duration::from_secs(10),
        "took {elapsed:?}"
    );
}
