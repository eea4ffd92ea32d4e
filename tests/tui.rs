//! The screens, driven as a trainee drives them: actions in, frames out. Snapshots pin what
//! each screen shows at 80×24; the size sweeps prove no size makes a screen panic.

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use composure::cli::Feedback;
use composure::i18n::Lang;
use composure::rules::Rulebook;
use composure::scenario::Library;
use composure::tui::keymap::Action;
use composure::tui::theme::MONO;
use composure::tui::{Briefing, Debrief, Home, LangFilter, Play, Stack};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

const SEED: u64 = 7;
const NOW: u64 = 1_000_000;

fn app(feedback: Feedback) -> Stack {
    let rules = Rulebook::embedded().unwrap();
    let mut library = Library::default();
    library.add_folder(Path::new("tests/fixtures/tui"), &rules);
    assert!(library.problems.is_empty(), "{:?}", library.problems);
    composure::tui::trainer(library, rules, feedback, Some(SEED), MONO, Lang::En)
}

fn render(app: &Stack, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| app.draw(frame, NOW)).unwrap();
    terminal
}

/// The trainer's home screen, at the bottom of its stack.
fn home(app: &Stack) -> &Home {
    app.find::<Home>().expect("no home screen")
}

/// The "leave this conversation?" question, if a conversation asks it.
fn confirm_leave(app: &Stack) -> Option<bool> {
    app.top::<Play>().and_then(|play| play.confirm_leave)
}

fn press(app: &mut Stack, actions: &[Action]) {
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

/// Draws `app` at each size into one terminal, resized each time, without sending the frame
/// anywhere: the drawing is what can panic, and skipping the rest makes a render about twice
/// as cheap.
fn sweep(name: &str, app: &Stack, sizes: impl IntoIterator<Item = (u16, u16)>) {
    let mut terminal = Terminal::new(TestBackend::new(1, 1)).unwrap();
    for (width, height) in sizes {
        terminal.resize(Rect::new(0, 0, width, height)).unwrap();
        let mut frame = terminal.get_frame();
        let drawn =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| app.draw(&mut frame, NOW)));
        assert!(drawn.is_ok(), "{name} panicked at {width}x{height}");
    }
}

/// Every screen at every size up to 50×20 (around the "too small" threshold of 40×12, where
/// an off-by-one or a subtraction that underflows shows), every width up to 300 at heights
/// 11, 12 and 24, every height up to 100 at widths 39, 40 and 80, and a few large sizes up to
/// 300×300. A full render takes about 3 ms in a debug build, so every size up to 300×100
/// (30,401 per screen) would take a quarter of an hour here; `every_size_up_to_300x100` does
/// exactly that, and is run in release builds (see `docs/robustness.md`).
#[test]
fn every_screen_renders_at_every_small_size_and_along_every_axis_without_panicking() {
    let small = (0..=50).flat_map(|w| (0..=20).map(move |h| (w, h)));
    let widths = (0..=300).flat_map(|w| [11, 12, 24].map(|h| (w, h)));
    let heights = (0..=100).flat_map(|h| [39, 40, 80].map(|w| (w, h)));
    let large = [(300, 100), (300, 300), (120, 40), (200, 60)];
    let sizes: Vec<(u16, u16)> = small.chain(widths).chain(heights).chain(large).collect();
    sweep_all(&sizes);
}

/// Sweeps every screen through `sizes`, the screens shared out over two threads.
fn sweep_all(sizes: &[(u16, u16)]) {
    let screens = screens();
    let (first, second) = screens.split_at(screens.len() / 2);
    std::thread::scope(|scope| {
        for half in [first, second] {
            scope.spawn(move || {
                for (name, feedback, actions) in half {
                    let mut app = app(*feedback);
                    press(&mut app, actions);
                    sweep(name, &app, sizes.iter().copied());
                }
            });
        }
    });
}

/// Every size from 0×0 to 300×100, and 300×300, for every screen: 30,402 renders each. Too
/// slow for a debug build; run it with `cargo test --release --test tui -- --ignored`.
#[test]
#[ignore = "minutes even in a release build; run with --release -- --ignored"]
fn every_size_up_to_300x100() {
    let sizes: Vec<(u16, u16)> = (0..=300)
        .flat_map(|w| (0..=100).map(move |h| (w, h)))
        .chain([(300, 300)])
        .collect();
    sweep_all(&sizes);
}

#[test]
fn the_debrief_shows_the_best_option_where_the_trainee_missed_it() {
    let mut app = app(Feedback::End);
    use Action::*;
    // blame-courier is not the best answer at the opening; the order of options is seeded, so
    // find it by id rather than position.
    press(&mut app, &[Confirm, Confirm]);
    let play = app.top::<Play>().expect("not in a conversation");
    let index = play
        .conversation
        .turn()
        .options
        .iter()
        .position(|o| o == "blame-courier")
        .unwrap();
    press(&mut app, &[Pick(index), Confirm]);
    let play = app.top::<Play>().expect("not in a conversation");
    let index = play
        .conversation
        .turn()
        .options
        .iter()
        .position(|o| o == "express")
        .unwrap();
    press(&mut app, &[Pick(index), Confirm, Confirm]);
    let debrief = app.top::<Debrief>().expect("not in the debrief");
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
    assert_eq!(confirm_leave(&app), Some(false));
    press(&mut app, &[No]);
    assert!(app.top::<Play>().is_some());
    press(&mut app, &[Back, Yes]);
    assert!(app.top::<Home>().is_some());
    assert!(!app.done());
}

#[test]
fn quit_during_a_conversation_asks_first_and_ctrl_c_does_not() {
    use Action::*;
    let mut app = app(Feedback::Now);
    press(&mut app, &[Confirm, Confirm, Quit]);
    assert!(!app.done());
    press(&mut app, &[Yes]);
    assert!(app.done());

    let mut app = self::app(Feedback::Now);
    press(&mut app, &[Confirm, Confirm, ForceQuit]);
    assert!(app.done());
}

#[test]
fn q_on_the_home_screen_quits_at_once() {
    let mut app = app(Feedback::Now);
    press(&mut app, &[Action::Quit]);
    assert!(app.done());
}

#[test]
fn a_finished_conversation_is_handed_over_for_saving_at_its_last_answer() {
    use Action::*;
    let mut app = app(Feedback::Now);
    press(&mut app, &[Confirm, Confirm, Pick(0), Confirm]);
    assert!(app.finished.is_empty(), "not finished yet");
    // The last answer: its consequence is on screen, the debrief two keys away.
    press(&mut app, &[Pick(0)]);
    assert_eq!(app.finished.len(), 1);
    let (_, report) = app.finished.remove(0);
    assert_eq!(report.steps.len(), 2);
    // Reading on to the debrief hands nothing over a second time.
    press(&mut app, &[Confirm, Confirm]);
    assert!(app.top::<Debrief>().is_some());
    assert!(app.finished.is_empty());
}

#[test]
fn quitting_or_leaving_a_finished_conversation_asks_nothing_and_keeps_it() {
    use Action::*;
    // On "The end", and on the consequence of the last answer.
    for before in [
        vec![Confirm, Confirm, Pick(0), Confirm, Pick(0), Confirm],
        vec![Confirm, Confirm, Pick(0), Confirm, Pick(0)],
    ] {
        let mut app = app(Feedback::Now);
        press(&mut app, &before);
        press(&mut app, &[Quit]);
        assert_eq!(
            confirm_leave(&app),
            None,
            "asked whether to drop a saved result"
        );
        assert!(app.done());
        assert_eq!(app.finished.len(), 1);

        let mut app = self::app(Feedback::Now);
        press(&mut app, &before);
        press(&mut app, &[Back]);
        assert_eq!(confirm_leave(&app), None);
        assert!(app.top::<Home>().is_some());
        assert_eq!(app.finished.len(), 1);
    }
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
    assert!(app.top::<Briefing>().is_some());
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

fn app_in(lang: Lang) -> Stack {
    let rules = Rulebook::embedded_in(lang).unwrap();
    let mut library = Library::default();
    library.add_folder(Path::new("tests/fixtures/translation/good"), &rules);
    assert!(library.problems.is_empty(), "{:?}", library.problems);
    composure::tui::trainer(library, rules, Feedback::Now, Some(SEED), MONO, lang)
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

/// The filter line of the home screen, as drawn.
fn filter_line(app: &Stack) -> String {
    let text = format!("{}", render(app, 80, 24).backend());
    text.lines()
        .next()
        .unwrap()
        .trim_matches(['"', ' '])
        .to_owned()
}

#[test]
fn every_press_of_l_changes_the_language_filter_line() {
    // For an English trainee, "my language" and "only English" are different filters (the
    // one falls back to English, the other lists only what is written in it); the first
    // press of `l` must not look like nothing happened.
    for lang in [Lang::En, Lang::Nb, Lang::Ru] {
        let mut app = app_in(lang);
        let mut seen = vec![filter_line(&app)];
        // Mine, then each language alone, then all.
        for _ in 0..Lang::ALL.len() + 1 {
            press(&mut app, &[Action::FilterLanguage]);
            let line = filter_line(&app);
            assert!(
                !seen.contains(&line),
                "{}: {line:?} shown twice: {seen:?}",
                lang.code()
            );
            seen.push(line);
        }
        assert_eq!(home(&app).lang_filter, LangFilter::All);
        press(&mut app, &[Action::FilterLanguage]);
        assert_eq!(filter_line(&app), seen[0]);
    }
    let mut app = app_in(Lang::En);
    assert_eq!(
        filter_line(&app),
        "showing: all clients · your language (English)"
    );
    press(&mut app, &[Action::FilterLanguage]);
    assert_eq!(filter_line(&app), "showing: all clients · only English");
}

#[test]
fn home_filters_by_client_type_and_language() {
    use Action::*;
    let mut app = app_in(Lang::Ru);
    // Russian has no version of the fixture: it is offered in English, marked as such.
    let entries = home(&app).entries();
    assert_eq!(entries.len(), 1);
    assert!(entries[0].fallback);
    let text = format!("{}", render(&app, 80, 24).backend());
    assert!(text.contains("по-английски"), "{text}");

    // l: only English, only Norwegian, only Russian, all languages, back to mine.
    press(&mut app, &[FilterLanguage]);
    assert_eq!(home(&app).entries().len(), 1);
    press(&mut app, &[FilterLanguage]);
    assert_eq!(home(&app).entries().len(), 1);
    assert_eq!(
        home(&app).scenarios[home(&app).entries()[0].index]
            .scenario()
            .language,
        "nb"
    );
    press(&mut app, &[FilterLanguage]);
    assert!(home(&app).entries().is_empty());
    let text = format!("{}", render(&app, 80, 24).backend());
    assert!(text.contains("ничего не подходит"), "{text}");
    press(&mut app, &[FilterLanguage]);
    assert_eq!(home(&app).entries().len(), 2);
    press(&mut app, &[FilterLanguage]);
    assert_eq!(home(&app).lang_filter, LangFilter::Mine);

    // t: the first client type is Rude, which the fixture is; the next is not.
    press(&mut app, &[FilterType]);
    assert_eq!(home(&app).entries().len(), 1);
    press(&mut app, &[FilterType]);
    assert!(home(&app).entries().is_empty());
}

// ---- play FILE --watch ----

/// The fixture as a trainer might save it, edited by `edit`, loaded as `--watch` loads it.
fn edited(edit: impl Fn(&str) -> String) -> composure::scenario::ValidScenario {
    let rules = Rulebook::embedded().unwrap();
    let text = std::fs::read_to_string("tests/fixtures/tui/late-order.ron").unwrap();
    composure::scenario::load_source("late-order.ron", &edit(&text), &rules).unwrap()
}

/// In the fixture's second decision, its first answer given.
fn at_second_decision() -> Stack {
    use Action::*;
    let mut app = app(Feedback::Now);
    press(&mut app, &[Confirm, Confirm]);
    let play = app.top::<Play>().expect("not in a conversation");
    let index = play
        .conversation
        .turn()
        .options
        .iter()
        .position(|o| o == "acknowledge")
        .unwrap();
    press(&mut app, &[Pick(index), Confirm]);
    app
}

#[test]
fn a_reload_that_keeps_every_answer_keeps_the_trainee_where_they_were() {
    let mut app = at_second_decision();
    let coaching = |t: &str| t.replace("takes the heat out", "cools things down");
    app.reload(Ok(edited(coaching)), "late-order.ron", NOW);
    let play = app.top::<Play>().expect("not in a conversation");
    assert_eq!(play.conversation.steps().len(), 1);
    assert_eq!(play.conversation.turn().node, "delivery");
    assert_eq!(app.notice.as_deref(), Some("reloaded late-order.ron"));
}

#[test]
fn a_reload_that_takes_away_an_answer_given_starts_again_and_says_so() {
    let mut app = at_second_decision();
    // The answer given is gone (renamed); the node the trainee is at is still there.
    let renamed = |t: &str| t.replace("id: \"acknowledge\"", "id: \"acknowledge-now\"");
    app.reload(Ok(edited(renamed)), "late-order.ron", NOW);
    let play = app.top::<Play>().expect("not in a conversation");
    // Not at "delivery" with the first answer silently dropped: from the start.
    assert!(play.conversation.steps().is_empty());
    assert_eq!(play.conversation.turn().node, "opening");
    let notice = app.notice.clone().unwrap();
    assert!(notice.contains("starts again"), "{notice}");
}

#[test]
fn a_reload_that_sends_an_answer_elsewhere_starts_again() {
    let mut app = at_second_decision();
    // "acknowledge" now ends the conversation: the answer is there, its result is not.
    let elsewhere = |t: &str| t.replacen("next: \"delivery\"", "next: \"calmed\"", 1);
    app.reload(Ok(edited(elsewhere)), "late-order.ron", NOW);
    let play = app.top::<Play>().expect("not in a conversation");
    assert!(play.conversation.steps().is_empty());
    assert!(app.notice.clone().unwrap().contains("starts again"));
}

/// A shipped Russian scenario whose client is a woman, played to its debrief.
fn debrief_of_a_woman_in_russian() -> (Stack, String) {
    debrief_of_a_woman("scenarios/ru/modest-demands-wedding-photos.ron", Lang::Ru)
}

/// A shipped scenario whose client is a woman, played to its debrief in its language.
fn debrief_of_a_woman(path: &str, lang: Lang) -> (Stack, String) {
    use Action::*;
    let rules = Rulebook::embedded_in(lang).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let scenario = composure::scenario::load_source(path, &text, &rules).unwrap();
    assert_eq!(
        scenario.scenario().client.gender,
        Some(composure::scenario::Gender::Feminine)
    );
    let name = scenario.scenario().client.name.clone();
    let mut library = Library::default();
    library.insert(scenario);
    let mut app = composure::tui::trainer(library, rules, Feedback::Now, Some(SEED), MONO, lang);
    press(&mut app, &[Confirm, Confirm]);
    for _ in 0..100 {
        if app.top::<Debrief>().is_some() {
            break;
        }
        press(&mut app, &[Pick(0), Confirm]);
    }
    assert!(app.top::<Debrief>().is_some(), "the debrief never opened");
    (app, name)
}

#[test]
fn a_russian_debrief_agrees_with_a_female_client() {
    use composure::i18n::Messages;
    use composure::scenario::Gender;
    let (app, name) = debrief_of_a_woman_in_russian();
    let report = &app.top::<Debrief>().unwrap().report;
    let state = report.ending.as_ref().unwrap().state;
    let ru = Messages::get(Lang::Ru);
    let expected = format!(
        "{name} уходит: {}, {}",
        ru.mood(state.mood, Some(Gender::Feminine)),
        ru.trust(state.trust, Some(Gender::Feminine))
    );
    let masculine = format!(
        "{name} уходит: {}, {}",
        ru.mood(state.mood, Some(Gender::Masculine)),
        ru.trust(state.trust, Some(Gender::Masculine))
    );
    // The path played ends on words that differ by gender, so the test can tell.
    assert_ne!(expected, masculine);
    let screen = format!("{}", render(&app, 120, 40).backend());
    assert!(screen.contains(&expected), "no {expected:?} in\n{screen}");
}

#[test]
fn the_diagnosis_agrees_with_a_female_client_and_quotes_each_kind_once() {
    // A woman who looks like a public complainer and is a problem client.
    let path = "scenarios/ru/the-wardrobe-in-ozyorny.ron";
    let (app, name) = debrief_of_a_woman(path, Lang::Ru);
    let screen = format!("{}", render(&app, 200, 40).backend());
    let expected = format!(
        "Диагноз: {name} казалась клиентом типа «Публичный жалобщик», а на деле — «Проблемный клиент»."
    );
    assert!(screen.contains(&expected), "no {expected:?} in\n{screen}");
    let path = "scenarios/nb/the-flat-on-clyde-road.ron";
    let (app, name) = debrief_of_a_woman(path, Lang::Nb);
    let screen = format!("{}", render(&app, 200, 40).backend());
    let expected =
        format!("Diagnose: {name} så ut til å være «Beskjedne krav», men hun var «Problemkunde».");
    assert!(screen.contains(&expected), "no {expected:?} in\n{screen}");
}
