//! Readable at every size: every shipped scenario, in every language, played to its debrief
//! at 80×24 and at the minimum size, as a trainee plays it: a frame drawn after every key.
//! At every decision each option is read in full by moving through the list (the selected
//! option always in view), the consequence and coaching of each answer in full by scrolling
//! its panel, with the prompt to continue on screen all the while.

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use composure::cli::Feedback;
use composure::engine::Conversation;
use composure::i18n::{Args, Lang, Messages};
use composure::rules::Rulebook;
use composure::scenario::{Choice, Library, Node};
use composure::tui::keymap::Action;
use composure::tui::theme::MONO;
use composure::tui::{
    Briefing, Context, Debrief, DrillCard, Home, MIN_HEIGHT, MIN_WIDTH, Play, Stack,
};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const NOW: u64 = 1_000_000;

/// The screen as rows of text.
fn rows(terminal: &Terminal<TestBackend>) -> Vec<String> {
    let buffer = terminal.backend().buffer();
    let width = usize::from(buffer.area.width);
    buffer
        .content
        .chunks(width)
        .map(|row| row.iter().map(|cell| cell.symbol()).collect())
        .collect()
}

/// Text with every blank taken out, so that wrapping makes no difference.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The rows inside the answer panel (the last bordered panel on screen), without borders.
fn answer_panel(rows: &[String]) -> Vec<String> {
    let top = rows.iter().rposition(|r| r.starts_with('┌')).unwrap();
    let bottom = rows.iter().rposition(|r| r.starts_with('└')).unwrap();
    rows[top + 1..bottom]
        .iter()
        .map(|r| {
            let r = r.strip_prefix('│').unwrap_or(r);
            r.strip_suffix('│').unwrap_or(r).to_owned()
        })
        .collect()
}

struct Player {
    app: Stack,
    terminal: Terminal<TestBackend>,
    what: String,
}

impl Player {
    fn press(&mut self, action: Action) {
        self.app.update(action, NOW);
        self.draw();
    }

    fn draw(&mut self) {
        let app = &self.app;
        self.terminal.draw(|frame| app.draw(frame, NOW)).unwrap();
    }

    fn play(&self) -> &Play {
        match self.app.top::<Play>() {
            Some(play) => play,
            None => panic!("{}: not in a conversation", self.what),
        }
    }

    fn home(&self) -> &Home {
        self.app.find::<Home>().unwrap()
    }

    fn choices(&self) -> Vec<Choice> {
        let conversation: &Conversation = &self.play().conversation;
        let turn = conversation.turn();
        let Some(Node::Decision { choices, .. }) = conversation.scenario().node(&turn.node) else {
            panic!("{}: not at a decision", self.what)
        };
        turn.options
            .iter()
            .map(|id| choices.iter().find(|c| &c.id == id).unwrap().clone())
            .collect()
    }

    /// Moves down through every option, then back up to `target`, reading the panel at every
    /// frame; checks that every option was shown in full and the selected one always in view.
    fn read_options_and_select(&mut self, target: usize) {
        let choices = self.choices();
        let mut seen: std::collections::BTreeMap<usize, String> = Default::default();
        let record = |player: &Player, seen: &mut std::collections::BTreeMap<usize, String>| {
            let play = player.play();
            let top = play.options.top.get();
            for (i, row) in answer_panel(&rows(&player.terminal))
                .into_iter()
                .enumerate()
            {
                seen.insert(top + i, row);
            }
            assert!(
                play.options.shows(play.selected),
                "{}: option {} selected but not in view",
                player.what,
                play.selected + 1
            );
        };
        record(self, &mut seen);
        let mut guard = 0;
        while self.play().selected + 1 < choices.len()
            || self.play().options.top.get() + self.play().options.height.get()
                < self.play().options.spans.borrow().last().map_or(0, |s| s.1)
        {
            self.press(Action::Down);
            record(self, &mut seen);
            guard += 1;
            assert!(guard < 500, "{}: Down never reaches the end", self.what);
        }
        let all: String = seen.values().map(|r| squeezed(r)).collect();
        for (i, choice) in choices.iter().enumerate() {
            assert!(
                all.contains(&squeezed(&choice.text)),
                "{}: option {} never shown in full: {:?}\nseen: {:?}",
                self.what,
                i + 1,
                choice.text,
                seen
            );
        }
        while self.play().selected > target {
            self.press(Action::Up);
            guard += 1;
            assert!(guard < 1000, "{}: Up never reaches the option", self.what);
        }
    }

    /// Reads the consequence panel to its end; checks the prompt to continue is on screen
    /// at every frame and that the consequence and coaching were shown in full.
    fn read_consequence(&mut self, choice: &Choice) {
        let continue_ = self.app.cx.strings.press_continue.clone();
        let mut seen: std::collections::BTreeMap<usize, String> = Default::default();
        loop {
            let panel = answer_panel(&rows(&self.terminal));
            let (footer, text) = panel.split_last().unwrap();
            assert!(
                footer.contains(&continue_),
                "{}: no {continue_:?} below {panel:?}",
                self.what
            );
            let limit = self.play().panel_limit.get();
            let top = self.play().panel_scroll.min(limit);
            for (i, row) in text.iter().enumerate() {
                seen.insert(usize::from(top) + i, row.clone());
            }
            if top >= limit {
                break;
            }
            self.press(Action::Down);
        }
        let all: String = seen.values().map(|r| squeezed(r)).collect();
        // The coaching as the trainee reads it: rule ids written as the rules' names.
        let coaching = self.app.cx.rules.render_coaching(&choice.coaching);
        for text in [choice.consequence.as_str(), &coaching] {
            assert!(
                all.contains(&squeezed(text)),
                "{}: never shown in full: {text:?}\nseen: {seen:?}",
                self.what
            );
        }
    }
}

fn play_everything(width: u16, height: u16) {
    for lang in Lang::ALL {
        let rules = Rulebook::embedded_in(lang).unwrap();
        let library = Library::embedded(&rules);
        let app = composure::tui::trainer(
            library,
            rules,
            Feedback::Now,
            Some(3),
            MONO,
            lang,
            composure::i18n::strings(lang).unwrap(),
        );
        let mut player = Player {
            app,
            terminal: Terminal::new(TestBackend::new(width, height)).unwrap(),
            what: String::new(),
        };
        player.draw();
        let count = player.home().entries().len();
        assert!(count > 0);
        for n in 0..count {
            let entry = player.home().entries()[n].clone();
            let id = player.home().scenarios[entry.index].id().to_owned();
            player.what = format!("{id} ({}) at {width}×{height}", lang.code());
            player.app.find_mut::<Home>().unwrap().selected = n;
            player.press(Action::Confirm);
            assert!(player.app.top::<Briefing>().is_some());
            player.press(Action::Confirm);
            let mut decision = 0;
            while !player.play().conversation.is_finished() {
                let choices = player.choices();
                let target = decision % choices.len();
                player.read_options_and_select(target);
                player.press(Action::Confirm);
                assert!(
                    player.play().showing_consequence,
                    "{}: Enter chose nothing",
                    player.what
                );
                player.read_consequence(&choices[target]);
                player.press(Action::Confirm);
                decision += 1;
            }
            // The client's last words, and the way on to the debrief in full.
            let panel: String = answer_panel(&rows(&player.terminal))
                .iter()
                .map(|r| squeezed(r))
                .collect();
            let over = squeezed(&player.app.cx.strings.conversation_over);
            assert!(panel.contains(&over), "{}: {panel:?}", player.what);
            player.press(Action::Confirm);
            assert!(
                player.app.top::<Debrief>().is_some(),
                "{}: no debrief",
                player.what
            );
            player.press(Action::Confirm);
            assert!(player.app.top::<Home>().is_some());
        }
    }
}

#[test]
fn every_shipped_scenario_reads_in_full_at_80x24() {
    play_everything(80, 24);
}

#[test]
fn every_shipped_scenario_reads_in_full_at_the_minimum_size() {
    play_everything(MIN_WIDTH, MIN_HEIGHT);
}

#[test]
fn a_digit_for_an_option_out_of_view_brings_it_into_view_instead_of_answering() {
    let lang = Lang::En;
    let rules = Rulebook::embedded_in(lang).unwrap();
    let app = composure::tui::trainer(
        Library::embedded(&rules),
        rules,
        Feedback::Now,
        Some(3),
        MONO,
        lang,
        composure::i18n::strings(lang).unwrap(),
    );
    let mut player = Player {
        app,
        terminal: Terminal::new(TestBackend::new(MIN_WIDTH, MIN_HEIGHT)).unwrap(),
        what: "the first scenario at the minimum size".to_owned(),
    };
    player.draw();
    player.press(Action::Confirm);
    player.press(Action::Confirm);
    let last = player.choices().len() - 1;
    assert!(
        !player.play().options.shows(last),
        "all options fit: no test"
    );
    player.press(Action::Pick(last));
    let play = player.play();
    assert!(
        !play.showing_consequence,
        "answered with an option never seen"
    );
    assert_eq!(play.selected, last);
    assert!(play.options.shows(last));
    // Now that it is on screen, the same digit answers with it.
    player.press(Action::Pick(last));
    assert!(player.play().showing_consequence);
}

#[test]
fn the_help_scrolls_to_its_last_line_at_the_minimum_size() {
    let lang = Lang::Ru;
    let rules = Rulebook::embedded_in(lang).unwrap();
    let app = composure::tui::trainer(
        Library::embedded(&rules),
        rules,
        Feedback::Now,
        Some(3),
        MONO,
        lang,
        composure::i18n::strings(lang).unwrap(),
    );
    let mut player = Player {
        app,
        terminal: Terminal::new(TestBackend::new(MIN_WIDTH, MIN_HEIGHT)).unwrap(),
        what: "help at the minimum size".to_owned(),
    };
    player.draw();
    player.press(Action::Confirm);
    player.press(Action::Confirm);
    player.press(Action::Help);
    assert!(player.app.help_limit.get() > 0, "the help fits: no test");
    let mut seen = String::new();
    for _ in 0..100 {
        seen.push_str(&squeezed(&rows(&player.terminal).concat()));
        if player.app.help_scroll >= player.app.help_limit.get() {
            break;
        }
        player.press(Action::Down);
    }
    let strings = player.app.cx.strings;
    for text in [&strings.help_text.suspend, &strings.help_text.choose] {
        for word in text.split_whitespace() {
            assert!(seen.contains(word), "{word:?} of {text:?} never shown");
        }
    }
    let last_word = strings.help_about.split_whitespace().last().unwrap();
    assert!(seen.contains(last_word), "the help's last line never shown");
}

/// The drill's opening card holds more than 40×12 can show: it scrolls like every other
/// panel, with "↓ more" on its border while there is more below and the scrolling keys in
/// its legend, and the prompt to begin stays on screen at every step. Every line of it is
/// read by scrolling down, and Enter then begins, in every language.
#[test]
fn the_drill_card_scrolls_at_the_minimum_size_with_the_prompt_to_begin_in_view() {
    use std::path::Path;
    for lang in Lang::ALL {
        let rules = Rulebook::embedded_in(lang).unwrap();
        let mut library = Library::embedded(&rules);
        library.add_folder(Path::new("tests/fixtures/tui"), &rules);
        let drill = composure::drill::load_drill_path(
            Path::new("tests/fixtures/drills/valid/late-twice.ron"),
            &library,
        )
        .unwrap();
        let plan = composure::drill::plan(&drill, &library, lang.code());
        let strings = composure::i18n::strings(lang).unwrap();
        let cx = Context {
            theme: MONO,
            lang,
            strings,
            rules,
        };
        let mut stack = composure::tui::drill(plan.clone(), "Ann Lee".to_owned(), cx);
        let mut terminal = Terminal::new(TestBackend::new(MIN_WIDTH, MIN_HEIGHT)).unwrap();
        let what = format!("the drill card ({}) at the minimum size", lang.code());
        let begin = squeezed(&strings.drill.intro_begin.replace("{key}", "Enter"));
        let more_below = squeezed(&strings.more_below);
        let more_above = squeezed(&strings.more_above);
        let mut seen: std::collections::BTreeMap<usize, String> = Default::default();
        for step in 0..100 {
            terminal.draw(|frame| stack.draw(frame, NOW)).unwrap();
            let screen = rows(&terminal);
            let card = stack.top::<DrillCard>().unwrap();
            let (scroll, limit) = (card.scroll, card.scroll_limit.get());
            assert!(limit > 0, "{what}: everything fits, no test");
            // The panel: its borders, its text and the prompt below the text.
            let top = screen.iter().position(|r| r.starts_with('┌')).unwrap();
            let bottom = screen.iter().position(|r| r.starts_with('└')).unwrap();
            let inside: Vec<String> = screen[top + 1..bottom]
                .iter()
                .map(|r| r.trim_start_matches('│').trim_end_matches('│').to_owned())
                .collect();
            let footer_rows = inside
                .iter()
                .rev()
                .scan(String::new(), |tail, row| {
                    *tail = squeezed(row) + tail;
                    Some(tail.clone())
                })
                .position(|tail| tail.contains(&begin));
            let Some(footer_rows) = footer_rows else {
                panic!(
                    "{what}: no prompt to begin at step {step}:\n{}",
                    screen.join("\n")
                )
            };
            let text = &inside[..inside.len() - footer_rows - 1];
            for (i, row) in text.iter().enumerate() {
                seen.insert(usize::from(scroll) + i, row.clone());
            }
            assert_eq!(
                squeezed(&screen[bottom]).contains(&more_below),
                scroll < limit,
                "{what}: the sign of more below at step {step}"
            );
            assert_eq!(
                squeezed(&screen[top]).contains(&more_above),
                scroll > 0,
                "{what}: the sign of more above at step {step}"
            );
            // The keys to scroll act, and the help lists them; the legend shows them where
            // the language leaves room (help and quit are kept first).
            let bindings = stack.bindings();
            let down =
                ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Down);
            assert_eq!(
                composure::tui::keymap::action_for(down, bindings),
                Some(Action::Down),
                "{what}: ↓ does not scroll"
            );
            let help = composure::tui::keymap::help(bindings, &strings.help_text, lang);
            assert!(
                help.iter().any(|(keys, _)| *keys == "↑↓"),
                "{what}: {help:?}"
            );
            if lang == Lang::En {
                let legend = screen.last().unwrap();
                assert!(
                    legend.contains("↑↓"),
                    "{what}: no scrolling keys in {legend:?}"
                );
            }
            if scroll >= limit {
                break;
            }
            stack.update(Action::Down, NOW);
        }
        let all: String = seen.values().map(|r| squeezed(r)).collect();
        let plan_text = Messages::get(lang).msg(
            "drill-intro-plan",
            &Args::new()
                .count("n", plan.items.len())
                .count("s", usize::try_from(plan.time_limit_ms / 1000).unwrap()),
        );
        let mut expected = vec![squeezed(&plan_text), squeezed(&plan.description)];
        expected.extend(
            plan.items
                .iter()
                .map(|i| squeezed(&i.scenario.scenario().title)),
        );
        for text in expected {
            assert!(
                all.contains(&text),
                "{what}: never shown: {text:?}\nseen: {seen:?}"
            );
        }
        stack.update(Action::Confirm, NOW);
        assert!(
            stack.top::<Briefing>().is_some(),
            "{what}: Enter did not begin"
        );
    }
}
