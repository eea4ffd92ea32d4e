//! Typed replies on screen, driven as a trainee drives them: keys typed into the reply's box,
//! Enter to send, the question when a reply is unclear. A shipped scenario is played typed to
//! its debrief in English, Norwegian and Russian; snapshots pin the reply's box, what a reply
//! was read as and the question at 80×24; the size sweep proves no size makes them panic.

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use composure::cli::Feedback;
use composure::engine::ReadHow;
use composure::i18n::Lang;
use composure::rules::Rulebook;
use composure::scenario::Library;
use composure::tui::keymap::Action;
use composure::tui::theme::MONO;
use composure::tui::{Debrief, Home, Play, Stack};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const SEED: u64 = 7;
const NOW: u64 = 1_000_000;
const SCENARIO: &str = "rude-broken-washer";

/// The trainer with the shipped library, in typed mode, at the scenario's first decision.
fn typed_app(lang: Lang) -> Stack {
    let rules = Rulebook::embedded_in(lang).unwrap();
    let library = Library::embedded(&rules);
    let mut app = composure::tui::trainer(library, rules, Feedback::Now, Some(SEED), MONO, lang);
    app.find_mut::<Home>().unwrap().setup.typed = true;
    app.with::<Home>(NOW, |home, cx| home.open(SCENARIO, cx));
    // The briefing, then the conversation.
    app.update(Action::Confirm, NOW);
    assert!(app.top::<Play>().is_some(), "no conversation");
    app
}

fn key(app: &mut Stack, code: KeyCode) {
    app.key(KeyEvent::new(code, KeyModifiers::NONE), NOW);
}

fn type_text(app: &mut Stack, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn play(app: &Stack) -> &Play {
    app.top::<Play>().expect("no conversation on top")
}

fn node(app: &Stack) -> String {
    play(app).conversation.turn().node.clone()
}

fn asking(app: &Stack) -> Option<&composure::tui::Asking> {
    play(app).typing.as_ref().and_then(|t| t.asking.as_ref())
}

fn screen(app: &Stack, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| app.draw(frame, NOW)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// One decision of the script: where it is, the option meant, and the reply that says it.
struct Say {
    node: &'static str,
    choice: &'static str,
    reply: &'static str,
}

/// A path through the washer, said in each language in words of the trainee's own; and a
/// reply too unclear to read, said at the second decision, where the trainee is asked.
fn script(lang: Lang) -> (Vec<Say>, &'static str) {
    let say = |node, choice, reply| Say {
        node,
        choice,
        reply,
    };
    match lang {
        Lang::En => (
            vec![
                say(
                    "opening",
                    "open-cold",
                    "Right, what's your ticket number? I'll get it looked at straight away.",
                ),
                say(
                    "his-story",
                    "story-drawer",
                    "one thing first: marek noted your soap drawer was cracked and you chose not to replace it, that's likely your leak",
                ),
                say(
                    "blamed",
                    "blamed-ticket",
                    "I'm not blaming you, I'm telling you what's on the ticket. Marek found the crack and you chose not to replace it.",
                ),
                say(
                    "last-chance",
                    "last-jibe",
                    "I've taken this for twenty minutes and I'm not paid enough to be spoken to like that. Reed's is up the road.",
                ),
            ],
            "hmm, right",
        ),
        Lang::Nb => (
            vec![
                say(
                    "opening",
                    "open-cold",
                    "Greit, hva er ordrenummeret? Så ser jeg på det med en gang.",
                ),
                say(
                    "his-story",
                    "story-drawer",
                    "én ting først: marek skrev at såpeskuffen var sprukket og at du ikke ville bytte den, det er nok den som lekker",
                ),
                say(
                    "blamed",
                    "blamed-ticket",
                    "Jeg legger ikke skylden på deg, jeg sier bare det som står på ordren. Marek fant sprekken og du valgte å ikke bytte den.",
                ),
                say(
                    "last-chance",
                    "last-jibe",
                    "Jeg har tatt imot i tjue minutter og er ikke betalt nok til å bli snakket til sånn. Reed's ligger rett opp gata.",
                ),
            ],
            "hm, ja vel",
        ),
        Lang::Ru => (
            vec![
                say(
                    "opening",
                    "open-cold",
                    "Так, какой номер заказа? Сейчас же этим займусь.",
                ),
                say(
                    "his-story",
                    "story-drawer",
                    "сначала одно: марек отметил, что лоток для порошка треснул и вы не стали его менять, скорее всего течёт оттуда",
                ),
                say(
                    "blamed",
                    "blamed-ticket",
                    "Я вас не обвиняю, я говорю, что написано в заказе. Марек нашёл трещину, а вы решили лоток не менять.",
                ),
                say(
                    "last-chance",
                    "last-jibe",
                    "Я двадцать минут это выслушиваю, и мне не так хорошо платят, чтобы такое терпеть. Рид — дальше по улице.",
                ),
            ],
            "хм, ну да",
        ),
    }
}

/// Plays the script typed to the debrief; returns the debrief as a tall screen shows it.
fn play_to_debrief(lang: Lang) -> String {
    let mut app = typed_app(lang);
    let (said, unclear) = script(lang);
    for (n, say) in said.iter().enumerate() {
        assert_eq!(node(&app), say.node, "{lang:?}: decision {n}");
        let steps = play(&app).conversation.steps().len();
        if n == 1 {
            // Unclear: Composure asks, and the trainee picks the option they meant.
            type_text(&mut app, unclear);
            key(&mut app, KeyCode::Enter);
            let ask = asking(&app).unwrap_or_else(|| {
                panic!(
                    "{lang:?}: {unclear:?} was read without asking: {:?}",
                    play(&app).conversation.steps().last()
                )
            });
            assert!((2..=3).contains(&ask.nearest.len()), "{lang:?}: {ask:?}");
            assert_eq!(
                play(&app).conversation.steps().len(),
                steps,
                "answered before asked"
            );
            // Writing it again instead: back to the box, the words kept.
            key(&mut app, KeyCode::Esc);
            assert!(asking(&app).is_none());
            assert_eq!(play(&app).typing.as_ref().unwrap().words(), unclear);
            key(&mut app, KeyCode::Enter);
            let ask = asking(&app).unwrap();
            let at = ask
                .nearest
                .iter()
                .position(|id| id == say.choice)
                .unwrap_or_else(|| panic!("{lang:?}: {} is not among {ask:?}", say.choice));
            key(&mut app, KeyCode::Char(char::from(b'1' + at as u8)));
            check_read(&app, lang, say, ReadHow::Picked, steps);
            assert_eq!(
                play(&app)
                    .conversation
                    .steps()
                    .last()
                    .unwrap()
                    .typed
                    .as_ref()
                    .unwrap()
                    .words,
                unclear
            );
        } else {
            type_text(&mut app, say.reply);
            key(&mut app, KeyCode::Enter);
            check_read(&app, lang, say, ReadHow::Matched, steps);
        }
        // What the reply was read as, over what it did.
        key(&mut app, KeyCode::Enter);
    }
    assert!(
        play(&app).conversation.is_finished(),
        "{lang:?}: not at an ending"
    );
    key(&mut app, KeyCode::Enter);
    assert!(app.top::<Debrief>().is_some(), "{lang:?}: no debrief");
    let debrief = screen(&app, 100, 200);
    // Each reply's words are in the debrief, next to the option they were read as.
    let squeezed = debrief.split_whitespace().collect::<Vec<_>>().join(" ");
    for (n, say) in said.iter().enumerate() {
        let words = if n == 1 { unclear } else { say.reply };
        let start: String = words
            .split_whitespace()
            .take(4)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            squeezed.contains(&start),
            "{lang:?}: {start:?} not in the debrief:\n{debrief}"
        );
    }
    debrief
}

fn check_read(app: &Stack, lang: Lang, say: &Say, read: ReadHow, steps_before: usize) {
    let play = play(app);
    let steps = play.conversation.steps();
    assert_eq!(
        steps.len(),
        steps_before + 1,
        "{lang:?}: {:?} was not read as an answer at {} (asked: {:?})",
        say.reply,
        say.node,
        play.typing.as_ref().and_then(|t| t.asking.as_ref())
    );
    let step = steps.last().unwrap();
    assert_eq!(step.chosen, say.choice, "{lang:?}: {:?}", say.reply);
    assert_eq!(step.typed.as_ref().unwrap().read, read);
    assert!(play.showing_consequence);
}

#[test]
fn a_scenario_played_typed_reaches_its_debrief_in_english() {
    let debrief = play_to_debrief(Lang::En);
    assert!(debrief.contains("You typed"), "{debrief}");
    assert!(debrief.contains("Read as"), "{debrief}");
}

#[test]
fn a_scenario_played_typed_reaches_its_debrief_in_norwegian() {
    let debrief = play_to_debrief(Lang::Nb);
    assert!(debrief.contains("Lest som"), "{debrief}");
}

#[test]
fn a_scenario_played_typed_reaches_its_debrief_in_russian() {
    let debrief = play_to_debrief(Lang::Ru);
    assert!(debrief.contains("Понято как"), "{debrief}");
}

#[test]
fn while_typing_q_question_mark_and_digits_are_text_and_f1_opens_the_help() {
    let mut app = typed_app(Lang::En);
    type_text(&mut app, "q? 1 2 j k");
    assert!(!app.done(), "q quit");
    assert!(!app.help, "? opened the help");
    assert_eq!(play(&app).conversation.steps().len(), 0, "a digit answered");
    assert_eq!(play(&app).typing.as_ref().unwrap().words(), "q? 1 2 j k");
    key(&mut app, KeyCode::F(1));
    assert!(app.help);
    let help = screen(&app, 80, 24);
    assert!(help.contains("send your reply"), "{help}");
    // F1 closes it again, as it opened it.
    key(&mut app, KeyCode::F(1));
    assert!(!app.help);
    // The words are still there, and Backspace edits them rather than leaving.
    key(&mut app, KeyCode::Backspace);
    assert_eq!(play(&app).typing.as_ref().unwrap().words(), "q? 1 2 j");
    assert!(play(&app).confirm_leave.is_none());
}

#[test]
fn enter_on_an_empty_reply_sends_nothing_and_says_why() {
    let mut app = typed_app(Lang::En);
    type_text(&mut app, "   ");
    key(&mut app, KeyCode::Enter);
    assert_eq!(play(&app).conversation.steps().len(), 0);
    assert!(asking(&app).is_none());
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("Nothing to send yet"), "{shown}");
    // The next key takes the hint away.
    type_text(&mut app, "a");
    assert!(!screen(&app, 80, 24).contains("Nothing to send yet"));
}

#[test]
fn esc_leaves_a_typed_conversation_asking_first_and_ctrl_c_quits_at_once() {
    let mut app = typed_app(Lang::En);
    type_text(&mut app, "hello");
    key(&mut app, KeyCode::Esc);
    assert_eq!(play(&app).confirm_leave, Some(false));
    // The question takes y and n, not text.
    type_text(&mut app, "x");
    assert_eq!(play(&app).typing.as_ref().unwrap().words(), "hello");
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(play(&app).confirm_leave, None);
    assert_eq!(play(&app).typing.as_ref().unwrap().words(), "hello");
    app.key(
        KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
        NOW,
    );
    assert!(app.done());
}

#[test]
fn a_tone_note_is_shown_beside_the_reading_and_never_changes_the_grade() {
    let mut app = typed_app(Lang::En);
    type_text(
        &mut app,
        "RIGHT. WHAT'S YOUR TICKET NUMBER? I'LL GET IT LOOKED AT STRAIGHT AWAY.",
    );
    key(&mut app, KeyCode::Enter);
    let play = play(&app);
    let step = play
        .conversation
        .steps()
        .last()
        .expect("not read as an answer");
    assert_eq!(step.chosen, "open-cold");
    assert_eq!(step.typed.as_ref().unwrap().tone, ["shouting"]);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("Note:"), "{shown}");
    // The grade is the option's: the same verdicts as choosing it from the list.
    let report = composure::engine::Report::new(&play.conversation, &app.cx.rules);
    let scenario = play.conversation.scenario();
    let Some(composure::scenario::Node::Decision { choices, .. }) = scenario.node("opening") else {
        panic!("no opening");
    };
    let option = choices.iter().find(|c| c.id == "open-cold").unwrap();
    assert_eq!(report.steps[0].verdicts.len(), option.verdicts.len());
}

/// A reply to the washer's opening that says what no option says.
const UNCLEAR_AT_THE_OPENING: &str = "Good morning.";

/// At the question about an unclear reply, in English.
fn at_the_question() -> Stack {
    let mut app = typed_app(Lang::En);
    type_text(&mut app, UNCLEAR_AT_THE_OPENING);
    key(&mut app, KeyCode::Enter);
    assert!(asking(&app).is_some());
    app
}

#[test]
fn snapshots_of_the_reply_the_reading_and_the_question_at_80x24() {
    let mut app = typed_app(Lang::En);
    type_text(
        &mut app,
        "Right, what's your ticket number? I'll get it looked at straight away.",
    );
    insta::assert_snapshot!("typed_reply", screen(&app, 80, 24));
    key(&mut app, KeyCode::Enter);
    insta::assert_snapshot!("typed_read_as", screen(&app, 80, 24));
    insta::assert_snapshot!("typed_question", screen(&at_the_question(), 80, 24));
}

#[test]
fn the_question_reads_in_full_at_the_minimum_size() {
    let (width, height) = (composure::tui::MIN_WIDTH, composure::tui::MIN_HEIGHT);
    let mut app = at_the_question();
    insta::assert_snapshot!("typed_question_small", screen(&app, width, height));
    let count = asking(&app).unwrap().nearest.len();
    for n in 0..count {
        let shown = screen(&app, width, height);
        assert!(
            shown.contains(&format!("›{}.", n + 1)),
            "option {} not in view:\n{shown}",
            n + 1
        );
        key(&mut app, KeyCode::Down);
    }
    let shown = screen(&app, width, height);
    let legend = shown.lines().last().unwrap();
    assert!(legend.contains("Esc") && legend.contains("q"), "{legend}");
}

#[test]
fn the_reply_box_at_the_minimum_size_keeps_its_keys_in_the_legend() {
    let (width, height) = (composure::tui::MIN_WIDTH, composure::tui::MIN_HEIGHT);
    let mut app = typed_app(Lang::En);
    type_text(
        &mut app,
        "Right, what's your ticket number? I'll get it looked at straight away, sir.",
    );
    let shown = screen(&app, width, height);
    insta::assert_snapshot!("typed_reply_small", shown);
    let legend = shown.lines().last().unwrap();
    assert!(
        legend.contains("Enter") && legend.contains("F1"),
        "{legend}"
    );
}

#[test]
fn no_size_makes_the_typed_screens_panic() {
    let mut reply = typed_app(Lang::Ru);
    type_text(
        &mut reply,
        "Так, какой номер заказа? Сейчас же этим займусь, честное слово.",
    );
    let question = at_the_question();
    for width in [1, 2, 10, 39, 40, 41, 60, 80, 200] {
        for height in [1, 2, 5, 11, 12, 13, 24, 60] {
            screen(&reply, width, height);
            screen(&question, width, height);
        }
    }
}

/// The typed drill of the fixtures, at its first decision.
fn typed_drill() -> Stack {
    let lang = Lang::En;
    let rules = Rulebook::embedded_in(lang).unwrap();
    let library = Library::embedded(&rules);
    let drill = composure::drill::load_drill_path(
        std::path::Path::new("tests/fixtures/drills/valid/typed-washer.ron"),
        &library,
    )
    .unwrap();
    let cx = composure::tui::Context {
        theme: MONO,
        lang,
        rules,
    };
    let mut app = composure::tui::drill(
        composure::drill::plan(&drill, &library, "en"),
        "Ann Lee".to_owned(),
        cx,
    );
    let card = screen(&app, 80, 24);
    assert!(
        card.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .contains("Answers are typed in your own words"),
        "the card does not say the drill is typed:\n{card}"
    );
    app.update(Action::Confirm, NOW); // the drill's card
    app.update(Action::Confirm, NOW); // the briefing
    assert!(
        play(&app).typing.is_some(),
        "a typed drill shows the options"
    );
    app
}

#[test]
fn a_typed_drill_gives_the_typed_time_and_stops_the_clock_while_it_asks() {
    let mut app = typed_drill();
    // Three times the drill's 20 seconds.
    assert_eq!(app.deadline(), Some(NOW + 60_000));
    type_text(&mut app, UNCLEAR_AT_THE_OPENING);
    app.key(
        KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
        NOW + 50_000,
    );
    assert!(asking(&app).is_some());
    // Composure's question is not the trainee's time: no deadline, and no silence however
    // long the trainee takes to say which option they meant.
    assert_eq!(app.deadline(), None);
    app.tick(NOW + 200_000);
    assert_eq!(play(&app).conversation.hesitations(), 0);
    // The second of the nearest, as a trainee who meant it would pick it.
    let meant = asking(&app).unwrap().nearest[1].clone();
    app.key(
        KeyEvent::new(KeyCode::Char('2'), KeyModifiers::NONE),
        NOW + 200_000,
    );
    let step = play(&app).conversation.steps().last().unwrap().clone();
    assert_eq!(step.chosen, meant);
    // The answer counts from when the reply was sent.
    assert_eq!(step.elapsed(), 50_000);
    assert!(!step.hesitated);
}

#[test]
fn a_reply_sent_after_the_deadline_answers_the_silence_and_keeps_the_words() {
    let mut app = typed_drill();
    type_text(&mut app, "Right, what's your ticket");
    // The time runs out while the trainee writes.
    app.tick(NOW + 60_000);
    assert_eq!(play(&app).conversation.hesitations(), 1);
    assert_eq!(
        play(&app).typing.as_ref().unwrap().words(),
        "Right, what's your ticket"
    );
    for c in " number? I'll get it looked at straight away.".chars() {
        app.key(
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
            NOW + 61_000,
        );
    }
    app.key(
        KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
        NOW + 62_000,
    );
    let steps = play(&app).conversation.steps();
    assert_eq!(steps.len(), 2);
    assert!(steps[0].hesitated);
    assert_eq!(steps[1].chosen, "open-cold");
    assert_eq!(steps[1].elapsed(), 2_000);
}

/// Every shipped scenario in every language, played typed to its debrief, a frame drawn at
/// 80×24 after every reply: at each decision the trainee types one option's own words (a
/// different option each time), which must be read as that option without a question.
#[test]
fn every_shipped_scenario_plays_typed_to_its_debrief_in_every_language() {
    for lang in Lang::ALL {
        let rules = Rulebook::embedded_in(lang).unwrap();
        let library = Library::embedded(&rules);
        let mut app = composure::tui::trainer(library, rules, Feedback::Now, Some(3), MONO, lang);
        app.find_mut::<Home>().unwrap().setup.typed = true;
        let count = app.find::<Home>().unwrap().entries().len();
        let mut replies = 0;
        for n in 0..count {
            app.find_mut::<Home>().unwrap().selected = n;
            app.update(Action::Confirm, NOW); // the briefing
            app.update(Action::Confirm, NOW); // the conversation
            let id = play(&app).conversation.scenario().id().to_owned();
            let mut decision = 0;
            while !play(&app).conversation.is_finished() {
                let conversation = &play(&app).conversation;
                let turn = conversation.turn();
                let target = turn.options[decision % turn.options.len()].clone();
                let Some(composure::scenario::Node::Decision { choices, .. }) =
                    conversation.scenario().node(&turn.node)
                else {
                    panic!("{id}: no decision at {}", turn.node);
                };
                let text = choices
                    .iter()
                    .find(|c| c.id == target)
                    .unwrap()
                    .text
                    .clone();
                let before = conversation.steps().len();
                type_text(&mut app, &text);
                key(&mut app, KeyCode::Enter);
                screen(&app, 80, 24);
                let play = play(&app);
                assert!(
                    asking(&app).is_none(),
                    "{id} ({}): an option's own words were asked about: {text:?}",
                    lang.code()
                );
                assert_eq!(play.conversation.steps().len(), before + 1);
                assert_eq!(
                    play.conversation.steps().last().unwrap().chosen,
                    target,
                    "{id} ({}): {text:?}",
                    lang.code()
                );
                replies += 1;
                key(&mut app, KeyCode::Enter);
                decision += 1;
            }
            key(&mut app, KeyCode::Enter);
            assert!(
                app.top::<Debrief>().is_some(),
                "{id} ({}): no debrief",
                lang.code()
            );
            screen(&app, 80, 24);
            app.update(Action::Confirm, NOW); // home again
            assert!(app.top::<Home>().is_some());
        }
        assert!(replies > count * 3, "{}: {replies} replies", lang.code());
    }
}
