//! The screens with a hostile scenario that never went through validation: escapes, C1
//! controls and bidirectional overrides in every string, and a client's mood and trust off
//! the scale. Every screen renders without a panic, and no cell of any frame holds a
//! character a terminal would obey; where the text had one, the trainee sees U+FFFD.

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use composure::cli::Feedback;
use composure::rules::Rulebook;
use composure::scenario::sanitize::refused;
use composure::scenario::{
    Library, Node, Problem, Scenario, Severity, ValidScenario, Verdict, parse,
};
use composure::tui::keymap::Action;
use composure::tui::theme::COLOR;
use composure::tui::{Home, Stack};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const NOW: u64 = 1_000_000;

/// Set the window title, ring the bell, clear the screen (as one C1 character), and turn
/// the rest of the line around.
const HOSTILE: &str = "\u{1b}]0;owned\u{7}\u{9b}2J\u{202e}\u{2066}\u{7f}\r";

fn spoil(text: &mut String) {
    text.insert_str(text.len() / 2, HOSTILE);
}

/// The TUI fixture with every string but the ids made hostile.
fn hostile() -> Scenario {
    let source = std::fs::read_to_string("tests/fixtures/tui/late-order.ron").unwrap();
    let mut s = parse(&source).unwrap();
    for text in [
        &mut s.title,
        &mut s.language,
        &mut s.briefing.situation,
        &mut s.briefing.goal,
        &mut s.client.name,
        &mut s.client.persona,
    ] {
        spoil(text);
    }
    s.briefing.known.iter_mut().for_each(spoil);
    s.initial.mood = i8::MAX;
    s.initial.trust = i8::MIN;
    for node in &mut s.nodes {
        match node {
            Node::Decision { says, choices, .. } => {
                says.iter_mut().for_each(spoil);
                for choice in choices {
                    for text in [
                        &mut choice.text,
                        &mut choice.consequence,
                        &mut choice.coaching,
                    ] {
                        spoil(text);
                    }
                    for verdict in &mut choice.verdicts {
                        let (Verdict::Follows(rule, _) | Verdict::Breaks(rule, _)) = verdict;
                        spoil(rule);
                    }
                    choice.effect.mood = i8::MIN;
                    choice.effect.trust = i8::MAX;
                }
            }
            Node::Ending { says, closing, .. } => {
                says.iter_mut().for_each(spoil);
                spoil(closing);
            }
            Node::Route { .. } => {}
        }
    }
    s
}

fn app() -> Stack {
    let rules = Rulebook::embedded().unwrap();
    let mut library = Library::default();
    library.insert(ValidScenario::assume_valid(hostile(), "hostile.ron"));
    let mut app = composure::tui::trainer(
        library,
        rules,
        Feedback::Now,
        Some(7),
        COLOR,
        composure::i18n::Lang::En,
    );
    app.find_mut::<Home>().unwrap().problems.push(Problem {
        code: None,
        severity: Severity::Error,
        file: format!("team{HOSTILE}.ron"),
        position: None,
        message: format!("not loaded{HOSTILE}"),
    });
    app
}

/// Every screen, as the actions that reach it from home.
fn screens() -> Vec<(&'static str, Vec<Action>)> {
    use Action::*;
    vec![
        ("home", vec![]),
        ("briefing", vec![Confirm]),
        ("conversation", vec![Confirm, Confirm]),
        ("consequence", vec![Confirm, Confirm, Pick(0)]),
        ("second decision", vec![Confirm, Confirm, Pick(0), Confirm]),
        (
            "ending",
            vec![Confirm, Confirm, Pick(0), Confirm, Pick(0), Confirm],
        ),
        (
            "debrief",
            vec![
                Confirm,
                Confirm,
                Pick(0),
                Confirm,
                Pick(0),
                Confirm,
                Confirm,
            ],
        ),
        ("help", vec![Confirm, Help]),
        ("leave", vec![Confirm, Confirm, Back]),
    ]
}

fn render(app: &Stack, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| app.draw(frame, NOW)).unwrap();
    terminal
}

/// The characters of every cell that a terminal would obey.
fn obeyed(terminal: &Terminal<TestBackend>) -> Vec<(u16, u16, String)> {
    let buffer = terminal.backend().buffer();
    let mut found = Vec::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            let symbol = buffer[(x, y)].symbol();
            if symbol
                .chars()
                .any(|c| c.is_control() || refused(c, None).is_some())
            {
                found.push((x, y, symbol.escape_unicode().to_string()));
            }
        }
    }
    found
}

fn shown(terminal: &Terminal<TestBackend>) -> String {
    terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|cell| cell.symbol())
        .collect()
}

#[test]
fn no_screen_passes_on_a_character_the_terminal_would_obey() {
    for (name, actions) in screens() {
        let mut app = app();
        for action in actions {
            app.update(action, NOW);
        }
        for (width, height) in [(80, 24), (120, 50), (40, 12), (200, 60)] {
            let terminal = render(&app, width, height);
            assert_eq!(obeyed(&terminal), [], "{name} at {width}x{height}");
        }
        let text = shown(&render(&app, 200, 60));
        assert!(
            text.contains('\u{fffd}'),
            "{name}: the hostile text should show as U+FFFD:\n{text}"
        );
    }
}

#[test]
fn a_watched_file_whose_problems_quote_hostile_text_shows_them_safely() {
    let mut app = app();
    app.reload(
        Err(vec![Problem {
            code: None,
            severity: Severity::Error,
            file: format!("watched{HOSTILE}.ron"),
            position: None,
            message: format!("node id \"{HOSTILE}\" is wrong"),
        }]),
        "watched.ron",
        NOW,
    );
    app.notice = Some(format!("reloaded {HOSTILE}"));
    let terminal = render(&app, 100, 30);
    assert_eq!(obeyed(&terminal), []);
    assert!(shown(&terminal).contains(r"\u{1b}]0;owned"));
}
