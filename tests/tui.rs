//! The screens, driven as a trainee drives them: actions in, frames out. Snapshots pin what
//! each screen shows at 80×24; the size sweep proves no size makes a screen panic.

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use composure::cli::Feedback;
use composure::i18n::Lang;
use composure::rules::Rulebook;
use composure::scenario::Library;
use composure::tui::keymap::Action;
use composure::tui::theme::MONO;
use composure::tui::{App, LangFilter, Screen, draw};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SEED: u64 = 7;
const NOW: u64 = 1_000_000;

fn app(feedback: Feedback) -> App {
    let rules = Rulebook::embedded().unwrap();
    let mut library = Library::default();
    library.add_folder(Path::new("tests/fixtures/tui"), &rules);
    assert!(library.problems.is_empty(), "{:?}", library.problems);
    App::new(
        library,
        rules,
        feedback,
        Some(SEED),
        MONO,
        Lang::En,
        composure::i18n::strings(Lang::En).unwrap(),
    )
}

fn render(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| draw(app, frame)).unwrap();
    terminal
}

fn press(app: &mut App, actions: &[Action]) {
    for &action in actions {
        app.update(action, NOW);
    }
}

/// Every screen the trainee can reach, as the actions that reach it from home.
fn screens() -> Vec<(&'static str, Feedback, Vec<Action>)> {
    use Action::*;
    vec![
        ("home", Feedback::Now, vec![]),
        ("briefing", Feedback::Now, vec![Confirm]),
        ("conversation", Feedback::Now, vec![Confirm, Confirm]),
        (
            "consequence",
            Feedback::Now,
            vec![Confirm, Confirm, Pick(0)],
        ),
        (
            "consequence_feedback_end",
            Feedback::End,
            vec![Confirm, Confirm, Pick(0)],
        ),
        (
            "second_decision",
            Feedback::Now,
            vec![Confirm, Confirm, Pick(0), Confirm],
        ),
        (
            "ending",
            Feedback::Now,
            vec![Confirm, Confirm, Pick(0), Confirm, Pick(0), Confirm],
        ),
        (
            "debrief",
            Feedback::Now,
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
        ("help", Feedback::Now, vec![Confirm, Confirm, Help]),
        ("confirm_leave", Feedback::Now, vec![Confirm, Confirm, Back]),
    ]
}

#[test]
fn every_screen_at_80x24() {
    for (name, feedback, actions) in screens() {
        let mut app = app(feedback);
        press(&mut app, &actions);
        let terminal = render(&app, 80, 24);
        insta::assert_snapshot!(name, terminal.backend());
    }
}

#[test]
fn a_tiny_terminal_gets_a_too_small_message() {
    let terminal = render(&app(Feedback::Now), 30, 8);
    insta::assert_snapshot!("too_small", terminal.backend());
}

#[test]
fn every_screen_renders_at_every_small_size_without_panicking() {
    for (name, feedback, actions) in screens() {
        let mut app = app(feedback);
        press(&mut app, &actions);
        // Every size around the "too small" threshold, and a coarser grid beyond it.
        for width in (0..=45).chain((50..=200).step_by(15)) {
            for height in (0..=16).chain([20, 24, 30, 50, 100]) {
                let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
                terminal
                    .draw(|frame| draw(&app, frame))
                    .unwrap_or_else(|e| panic!("{name} at {width}x{height}: {e}"));
            }
        }
    }
}

#[test]
fn the_debrief_shows_the_best_option_where_the_trainee_missed_it() {
    let mut app = app(Feedback::End);
    use Action::*;
    // blame-courier is not the best answer at the opening; the order of options is seeded, so
    // find it by id rather than position.
    press(&mut app, &[Confirm, Confirm]);
    let Screen::Conversation(play) = &app.screen else {
        panic!("not in a conversation")
    };
    let index = play
        .conversation
        .turn()
        .options
        .iter()
        .position(|o| o == "blame-courier")
        .unwrap();
    press(&mut app, &[Pick(index), Confirm]);
    let Screen::Conversation(play) = &app.screen else {
        panic!("not in a conversation")
    };
    let index = play
        .conversation
        .turn()
        .options
        .iter()
        .position(|o| o == "express")
        .unwrap();
    press(&mut app, &[Pick(index), Confirm, Confirm]);
    let Screen::Debrief(debrief) = &app.screen else {
        panic!("not in the debrief")
    };
    assert!(debrief.report.score < 100);
    let text = format!("{}", render(&app, 100, 60).backend());
    assert!(text.contains("Best here"), "{text}");
    assert!(
        text.contains("You're right, it should have been with you on Tuesday"),
        "{text}"
    );
}

#[test]
fn leaving_a_conversation_asks_first_and_no_keeps_it() {
    use Action::*;
    let mut app = app(Feedback::Now);
    press(&mut app, &[Confirm, Confirm, Back]);
    assert_eq!(app.confirm_leave, Some(false));
    press(&mut app, &[No]);
    assert!(matches!(app.screen, Screen::Conversation(_)));
    press(&mut app, &[Back, Yes]);
    assert!(matches!(app.screen, Screen::Home));
    assert!(!app.quit);
}

#[test]
fn quit_during_a_conversation_asks_first_and_ctrl_c_does_not() {
    use Action::*;
    let mut app = app(Feedback::Now);
    press(&mut app, &[Confirm, Confirm, Quit]);
    assert!(!app.quit);
    press(&mut app, &[Yes]);
    assert!(app.quit);

    let mut app = self::app(Feedback::Now);
    press(&mut app, &[Confirm, Confirm, ForceQuit]);
    assert!(app.quit);
}

#[test]
fn q_on_the_home_screen_quits_at_once() {
    let mut app = app(Feedback::Now);
    press(&mut app, &[Action::Quit]);
    assert!(app.quit);
}

#[test]
fn play_again_from_the_debrief_returns_to_the_briefing() {
    use Action::*;
    let mut app = app(Feedback::Now);
    press(
        &mut app,
        &[
            Confirm,
            Confirm,
            Pick(0),
            Confirm,
            Pick(0),
            Confirm,
            Confirm,
            Again,
        ],
    );
    assert!(matches!(app.screen, Screen::Briefing { .. }));
}

#[test]
fn no_color_theme_uses_no_colours() {
    let mut app = app(Feedback::Now);
    press(&mut app, &[Action::Confirm, Action::Confirm]);
    let terminal = render(&app, 80, 24);
    for cell in terminal.backend().buffer().content() {
        assert_eq!(
            cell.fg,
            ratatui::style::Color::Reset,
            "coloured cell {cell:?}"
        );
        assert_eq!(
            cell.bg,
            ratatui::style::Color::Reset,
            "coloured cell {cell:?}"
        );
    }
}

// ---- Languages ----

fn app_in(lang: Lang) -> App {
    let rules = Rulebook::embedded_in(lang).unwrap();
    let mut library = Library::default();
    library.add_folder(Path::new("tests/fixtures/translation/good"), &rules);
    assert!(library.problems.is_empty(), "{:?}", library.problems);
    App::new(
        library,
        rules,
        Feedback::Now,
        Some(SEED),
        MONO,
        lang,
        composure::i18n::strings(lang).unwrap(),
    )
}

#[test]
fn the_screens_speak_norwegian_and_russian() {
    use Action::*;
    for lang in [Lang::Nb, Lang::Ru] {
        let mut app = app_in(lang);
        press(&mut app, &[Confirm, Confirm, Pick(0)]);
        insta::assert_snapshot!(
            format!("consequence_{}", lang.code()),
            render(&app, 80, 24).backend()
        );
        press(&mut app, &[Confirm, Pick(0), Confirm, Confirm]);
        insta::assert_snapshot!(
            format!("debrief_{}", lang.code()),
            render(&app, 80, 24).backend()
        );
    }
}

#[test]
fn home_filters_by_client_type_and_language() {
    use Action::*;
    let mut app = app_in(Lang::Ru);
    // Russian has no version of the fixture: it is offered in English, marked as such.
    let entries = app.entries();
    assert_eq!(entries.len(), 1);
    assert!(entries[0].fallback);
    let text = format!("{}", render(&app, 80, 24).backend());
    assert!(text.contains("по-английски"), "{text}");

    // l: only English, only Norwegian, only Russian, all languages, back to mine.
    press(&mut app, &[FilterLanguage]);
    assert_eq!(app.entries().len(), 1);
    press(&mut app, &[FilterLanguage]);
    assert_eq!(app.entries().len(), 1);
    assert_eq!(
        app.scenarios[app.entries()[0].index].scenario().language,
        "nb"
    );
    press(&mut app, &[FilterLanguage]);
    assert!(app.entries().is_empty());
    let text = format!("{}", render(&app, 80, 24).backend());
    assert!(text.contains("ничего не подходит"), "{text}");
    press(&mut app, &[FilterLanguage]);
    assert_eq!(app.entries().len(), 2);
    press(&mut app, &[FilterLanguage]);
    assert_eq!(app.lang_filter, LangFilter::Mine);

    // t: the first client type is Rude, which the fixture is; the next is not.
    press(&mut app, &[FilterType]);
    assert_eq!(app.entries().len(), 1);
    press(&mut app, &[FilterType]);
    assert!(app.entries().is_empty());
}
