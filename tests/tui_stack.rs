//! The screen contract from outside: a screen written in this one file, with its own key
//! table, plugs into a stack and gets what every screen gets (help listing its keys, its
//! legend, notices until the next key, the "too small" screen, quitting), and the stack
//! opens, closes and resumes screens as their updates say.

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use composure::engine::Millis;
use composure::i18n::Lang;
use composure::rules::Rulebook;
use composure::tui::keymap::{self, Action, Binding, Does, ENTER, ESC, HELP, QUIT, bind};
use composure::tui::screen::Update;
use composure::tui::theme::MONO;
use composure::tui::{Context, Screen, Stack};
use ratatui::Frame;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

const NOW: Millis = 1_000_000;

/// A screen that counts: Enter opens another over it, Esc closes it, ↑ counts and says so.
#[derive(Default)]
struct Counter {
    count: u32,
    resumed: u32,
}

const COUNTER: &[Binding] = &[
    bind("Enter", ENTER, Does::Open),
    bind("↑↓", keymap::UP_DOWN, Does::MoveList),
    bind("Esc", ESC, Does::Back),
    HELP,
    QUIT,
];

impl Screen for Counter {
    fn bindings(&self) -> &'static [Binding] {
        COUNTER
    }

    fn update(&mut self, action: Action, _cx: &Context, _now: Millis) -> Update {
        match action {
            Action::Confirm => Update::push(Counter::default()),
            Action::Back => Update::pop(),
            Action::Up => {
                self.count += 1;
                Update::notice(format!("counted {}", self.count))
            }
            _ => Update::none(),
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, _cx: &Context, _now: Millis) {
        frame.render_widget(Paragraph::new(format!("count {}", self.count)), area);
    }

    fn resumed(&mut self, _cx: &Context, _now: Millis) -> Update {
        self.resumed += 1;
        Update::none()
    }
}

fn stack() -> Stack {
    let cx = Context {
        theme: MONO,
        lang: Lang::En,
        rules: Rulebook::embedded().unwrap(),
    };
    Stack::new(cx, Counter::default())
}

fn shown(stack: &Stack, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| stack.draw(frame, NOW)).unwrap();
    format!("{}", terminal.backend())
}

#[test]
fn a_screen_opens_over_another_and_closing_it_resumes_the_one_below() {
    let mut stack = stack();
    stack.update(Action::Up, NOW);
    stack.update(Action::Confirm, NOW);
    assert_eq!(stack.depth(), 2);
    assert_eq!(
        stack.top::<Counter>().unwrap().count,
        0,
        "a new screen on top"
    );
    stack.update(Action::Back, NOW);
    assert_eq!(stack.depth(), 1);
    let bottom = stack.top::<Counter>().unwrap();
    assert_eq!((bottom.count, bottom.resumed), (1, 1));
    // Closing the first screen ends the stack.
    stack.update(Action::Back, NOW);
    assert!(stack.done());
}

#[test]
fn the_legend_and_the_help_come_from_the_screens_own_table() {
    let mut stack = stack();
    let text = shown(&stack, 80, 24);
    assert!(text.contains("Enter open"), "{text}");
    stack.update(Action::Help, NOW);
    let help = |id: &str| stack.cx.text(id);
    let text = shown(&stack, 80, 24);
    for id in ["help-open", "help-move-list", "help-back", "help-interrupt"] {
        let line = help(id);
        assert!(text.contains(&line), "{line:?} not in help:\n{text}");
    }
    // Not another screen's keys.
    assert!(!text.contains(&help("help-filter-type")), "{text}");
    stack.update(Action::Help, NOW);
    assert!(!stack.help);
}

#[test]
fn a_notice_lasts_until_the_next_key() {
    let mut stack = stack();
    stack.update(Action::Up, NOW);
    assert_eq!(stack.notice.as_deref(), Some("counted 1"));
    assert!(shown(&stack, 80, 24).contains("counted 1"));
    stack.update(Action::Down, NOW);
    assert_eq!(stack.notice, None);
}

#[test]
fn too_small_a_terminal_leaves_only_help_and_quit() {
    let mut stack = stack();
    shown(&stack, 30, 8);
    let enter =
        ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Enter);
    assert_eq!(keymap::action_for(enter, stack.bindings()), None);
    shown(&stack, 80, 24);
    assert_eq!(
        keymap::action_for(enter, stack.bindings()),
        Some(Action::Confirm)
    );
    // q quits a screen with nothing to lose, without asking.
    stack.update(Action::Quit, NOW);
    assert!(stack.done());
}
