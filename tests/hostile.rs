//! No input makes loading or checking panic or hang: random bytes, damaged copies of a valid
//! file, randomly built scenarios and damaged copies of them, absurd nesting and oversized
//! files all come back as errors (or, for what happens to be valid, as a scenario). Whatever
//! may recurse runs on a thread with a small stack, and whatever may hang under a time limit.

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use composure::check::check_sources;
use composure::engine::{Conversation, EngineError, MAX_AUTOMATIC_STEPS};
use composure::rules::Rulebook;
use composure::scenario::load::{MAX_FILE_BYTES, read_source};
use composure::scenario::locate::{Field, Locator};
use composure::scenario::sanitize::refused;
use composure::scenario::{
    Briefing, Choice, Client, ClientState, ClientType, Effect, Node, Outcome, Scenario,
    ValidScenario, Verdict, When, load_source, parse,
};
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

/// Ids from a small pool, so that references often resolve and sometimes collide, with now
/// and then anything at all.
fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => (0..6u8).prop_map(|n| format!("n{n}")),
        1 => "[a-z0-9-]{0,12}",
        1 => any::<String>(),
    ]
}

/// Mostly plain words; sometimes any characters at all, escapes and overrides included.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        12 => "[A-Za-z][A-Za-z ,.!?]{0,40}",
        1 => any::<String>(),
        1 => Just(String::new()),
        1 => "[a-z]{1,3}".prop_map(|s| s.repeat(700)),
    ]
}

fn rule() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "agree-before-objecting",
            "offer-solutions",
            "calm-benevolent-tone",
            "not-defensive",
            "warm-not-cold",
        ])
        .prop_map(str::to_owned),
        1 => text(),
    ]
}

/// A weight, mostly in range.
fn weight() -> impl Strategy<Value = u8> {
    prop_oneof![8 => 1..=3u8, 1 => any::<u8>()]
}

/// A mood, trust or change of either, mostly on the scale.
fn state() -> impl Strategy<Value = i8> {
    prop_oneof![8 => -3..=3i8, 1 => any::<i8>()]
}

fn verdict() -> impl Strategy<Value = Verdict> {
    (rule(), weight(), any::<bool>()).prop_map(|(r, w, follows)| {
        if follows {
            Verdict::Follows(r, w)
        } else {
            Verdict::Breaks(r, w)
        }
    })
}

fn choice() -> impl Strategy<Value = Choice> {
    (
        id(),
        text(),
        id(),
        prop::collection::vec(verdict(), 0..4),
        (state(), state()),
        text(),
        text(),
    )
        .prop_map(
            |(id, text, next, verdicts, (mood, trust), consequence, coaching)| Choice {
                id,
                text,
                phrasings: Vec::new(),
                next,
                verdicts,
                effect: Effect { mood, trust },
                consequence,
                coaching,
            },
        )
}

fn node() -> impl Strategy<Value = Node> {
    let says = || prop::collection::vec(text(), 0..3);
    prop_oneof![
        4 => (id(), says(), prop::collection::vec(choice(), 0..11))
            .prop_map(|(id, says, choices)| Node::Decision { id, says, choices }),
        2 => (id(), says(), text()).prop_map(|(id, says, closing)| Node::Ending {
            id,
            says,
            outcome: Outcome::Resolved,
            rating: None,
            closing,
        }),
        2 => (
            id(),
            prop::collection::vec(
                (any::<Option<i8>>(), any::<Option<i8>>(), id()).prop_map(
                    |(mood_at_least, trust_at_least, next)| When {
                        mood_at_least: mood_at_least.map(|m| m % 5),
                        trust_at_least: trust_at_least.map(|t| t % 5),
                        next,
                    }
                ),
                0..3
            ),
            id()
        )
            .prop_map(|(id, when, otherwise)| Node::Route { id, when, otherwise }),
    ]
}

/// A scenario of the right shape with anything in it.
fn scenario() -> impl Strategy<Value = Scenario> {
    (
        (
            prop_oneof![8 => Just(1), 1 => 0..3u32],
            id(),
            text(),
            text(),
        ),
        (text(), prop::collection::vec(text(), 0..3), text()),
        (text(), text(), state(), state()),
        id(),
        prop::collection::vec(node(), 0..8),
    )
        .prop_map(
            |((format, id, title, language), (situation, known, goal), client, start, nodes)| {
                let (name, persona, mood, trust) = client;
                Scenario {
                    format,
                    id,
                    title,
                    client_type: ClientType::Rude,
                    appears_as: None,
                    language,
                    briefing: Briefing {
                        situation,
                        known,
                        goal,
                    },
                    client: Client {
                        name,
                        persona,
                        gender: None,
                    },
                    initial: ClientState { mood, trust },
                    start,
                    nodes,
                }
            },
        )
}

/// Makes a random scenario more likely to pass: unique ids, a chain from the start through
/// every node to a final ending, and other references to nodes that exist. What is left
/// random (texts, verdicts, effects, routes' conditions) still fails now and then.
fn tidy(mut s: Scenario) -> Scenario {
    let count = s.nodes.len().max(1);
    if s.nodes.is_empty() {
        s.nodes.push(Node::Ending {
            id: String::new(),
            says: vec!["Bye.".to_owned()],
            outcome: Outcome::Resolved,
            rating: None,
            closing: "Done.".to_owned(),
        });
    }
    s.start = "n0".to_owned();
    let last = count - 1;
    for (i, node) in s.nodes.iter_mut().enumerate() {
        let next = format!("n{}", (i + 1).min(last));
        let any = |k: usize| format!("n{}", (i + k) % count);
        if i == last && !matches!(node, Node::Ending { .. }) {
            *node = Node::Ending {
                id: String::new(),
                says: vec!["Bye.".to_owned()],
                outcome: Outcome::WonOver,
                rating: None,
                closing: "Done.".to_owned(),
            };
        }
        match node {
            Node::Decision { id, choices, .. } => {
                *id = format!("n{i}");
                if choices.is_empty() {
                    choices.push(Choice {
                        id: String::new(),
                        text: "On.".to_owned(),
                        phrasings: Vec::new(),
                        next: String::new(),
                        verdicts: Vec::new(),
                        effect: Effect::default(),
                        consequence: "On.".to_owned(),
                        coaching: "On.".to_owned(),
                    });
                }
                for (j, choice) in choices.iter_mut().enumerate() {
                    choice.id = format!("c{i}-{j}");
                    choice.next = if j == 0 { next.clone() } else { any(j) };
                }
            }
            Node::Ending { id, .. } => *id = format!("n{i}"),
            Node::Route {
                id,
                when,
                otherwise,
            } => {
                *id = format!("n{i}");
                *otherwise = next.clone();
                for (k, w) in when.iter_mut().enumerate() {
                    w.next = any(k + 1);
                }
            }
        }
    }
    s
}

/// A scenario as a trainer might write it: laid out with names, or all on one line.
fn to_ron(scenario: &Scenario, pretty: bool) -> String {
    if pretty {
        let config = ron::ser::PrettyConfig::default().struct_names(true);
        ron::ser::to_string_pretty(scenario, config).unwrap()
    } else {
        ron::to_string(scenario).unwrap()
    }
}

/// Deletes, inserts or replaces characters at random places.
fn damage(text: &str, edits: &[(prop::sample::Index, u8, char)]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for (at, kind, c) in edits {
        if chars.is_empty() {
            break;
        }
        let i = at.index(chars.len());
        match kind {
            0 => {
                chars.remove(i);
            }
            1 => chars.insert(i, *c),
            _ => chars[i] = *c,
        }
    }
    chars.into_iter().collect()
}

/// Loading and checking `text` (as `composure check` does, warnings included) finishes in
/// time without a panic, and every problem points inside the file.
fn check_is_calm(text: String) -> Result<(), TestCaseError> {
    let lines = text.lines().count().max(1);
    let report = within(Duration::from_secs(10), move || {
        check_sources([("random.ron".to_owned(), Ok(text))], &rules())
    });
    for problem in &report.problems {
        let at = problem.position.unwrap();
        prop_assert!(
            at.line >= 1 && at.line <= lines + 1 && at.col >= 1,
            "{problem} is outside the file"
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn a_randomly_built_scenario_loads_or_reports_positioned_problems(
        scenario in scenario(),
        tidied in any::<bool>(),
        pretty in any::<bool>(),
    ) {
        let scenario = if tidied { tidy(scenario) } else { scenario };
        check_is_calm(to_ron(&scenario, pretty))?;
    }

    #[test]
    fn a_damaged_random_scenario_loads_or_reports_positioned_problems(
        scenario in scenario().prop_map(tidy),
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0u8..3, any::<char>()), 1..6),
    ) {
        check_is_calm(damage(&to_ron(&scenario, true), &edits))?;
    }

    #[test]
    fn the_locator_answers_any_question_about_any_text(
        bytes in prop::collection::vec(any::<u8>(), 0..600),
        (i, j, k) in (0..4usize, 0..4usize, 0..4usize),
        char_index in prop::option::of(0..50usize),
    ) {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let loc = Locator::new(&text);
        for field in [
            Field::Top("id"),
            Field::Nested("client", "name"),
            Field::NestedItem("briefing", "known", k),
            Field::Node(i, "closing"),
            Field::Says(i, k),
            Field::When(i, k, "next"),
            Field::Choice(i, j, "text"),
            Field::Verdict(i, j, k),
        ] {
            let at = loc.string(field, char_index);
            prop_assert!(at.line >= 1 && at.col >= 1);
        }
        let _ = (loc.top("x"), loc.node(i, "id"), loc.choice(i, j, "id"), loc.verdict(i, j, k));
        let _ = loc.position(usize::MAX);
    }

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

/// Brackets of every kind, `Some(` and tuples, ten thousand and a hundred thousand deep, closed
/// and left open, wherever a value may stand: each is an error, on a quarter-megabyte stack.
/// The locator, which `check` runs on what parses, is given the same text to prove that it
/// does not recurse either.
#[test]
fn nesting_ten_thousand_and_a_hundred_thousand_deep_is_an_error_on_a_small_stack() {
    let forms = [
        ("[", "]"),
        ("(", ")"),
        ("{", "}"),
        ("Some(", ")"),
        ("(1, ", ")"),
    ];
    let places = [
        "",
        "Scenario(format: 1, id: ",
        "Scenario(initial: ClientState(mood: ",
        "Scenario(nodes: [",
        "Scenario(nodes: [Route(id: \"a\", when: [When(mood_at_least: ",
        "Scenario(nodes: [Decision(id: \"a\", says: [\"x\"], choices: [Choice(verdicts: [Follows(",
    ];
    for depth in [10_000, 100_000] {
        for (open, close) in forms {
            for place in places {
                for closed in [true, false] {
                    let text = format!(
                        "{place}{}{}",
                        open.repeat(depth),
                        if closed {
                            close.repeat(depth)
                        } else {
                            String::new()
                        }
                    );
                    let what = format!("{place}{open}… {depth} deep, closed: {closed}");
                    let problems = within(Duration::from_secs(10), move || {
                        let loc = Locator::new(&text);
                        let _ = (loc.node(3, "id"), loc.string(Field::Says(0, 0), Some(1)));
                        load_source("deep.ron", &text, &rules())
                    });
                    let problems = problems.err().unwrap_or_else(|| panic!("{what} loaded"));
                    assert!(!problems.is_empty(), "{what}");
                }
            }
        }
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

/// Every shipped scenario and drill and every fixture, whole and cut short, through the fuzz
/// target's own body: what `cargo fuzz run load` does to each input, on a stable toolchain.
#[test]
fn the_fuzz_target_body_takes_every_seed_file_whole_and_cut_short() {
    let rules = rules();
    let shipped = composure::scenario::Library::embedded(&rules);
    let mut seeds: Vec<Vec<u8>> = Vec::new();
    for dir in [
        "scenarios",
        "drills",
        "tests/fixtures/valid",
        "tests/fixtures/invalid",
        "tests/fixtures/drills",
        "tests/fixtures/drills/valid",
    ] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "ron") {
                seeds.push(std::fs::read(&path).unwrap());
            }
        }
    }
    assert!(seeds.len() > 100, "{}", seeds.len());
    let start = std::time::Instant::now();
    let mut inputs = 0;
    for seed in &seeds {
        for cut in [
            seed.len(),
            seed.len() / 2,
            seed.len() / 3,
            40.min(seed.len()),
        ] {
            composure::check::fuzz_one(&seed[..cut], &rules, &shipped);
            inputs += 1;
        }
    }
    eprintln!("{inputs} inputs in {:?}", start.elapsed());
}
