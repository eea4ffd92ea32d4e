//! The drill and history screens, driven as a trainee drives them with the clock passed in:
//! snapshots at 80×24 pin the countdown gauge, the client's reaction to a silence, the
//! summary and the history charts, in English, Norwegian and Russian; the size sweep proves
//! no size makes them panic.

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use composure::drill::{load_drill_path, plan};
use composure::engine::Report;
use composure::i18n::Lang;
use composure::report::dates::Zone;
use composure::rules::Rulebook;
use composure::scenario::Library;
use composure::store::{RuleStat, SessionRow};
use composure::tui::drill::Saved;
use composure::tui::keymap::Action;
use composure::tui::theme::MONO;
use composure::tui::{
    Briefing, Context, Debrief, DrillCard, DrillSummary, History, HistoryData, Play, Stack,
};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const NOW: u64 = 1_000_000;

fn rules(lang: Lang) -> Rulebook {
    Rulebook::embedded_in(lang).unwrap()
}

fn context(lang: Lang) -> Context {
    Context {
        theme: MONO,
        lang,
        rules: rules(lang),
    }
}

fn drill() -> Stack {
    drill_in(Lang::En)
}

/// The test drill as a trainee with this language gets it: the fixture scenario has only
/// English, the shipped one every language.
fn drill_in(lang: Lang) -> Stack {
    let rules = rules(lang);
    let mut library = Library::embedded(&rules);
    library.add_folder(Path::new("tests/fixtures/tui"), &rules);
    let drill = load_drill_path(
        Path::new("tests/fixtures/drills/valid/late-twice.ron"),
        &library,
    )
    .unwrap();
    composure::tui::drill(
        plan(&drill, &library, lang.code()),
        "Ann Lee".to_owned(),
        context(lang),
    )
}

/// The drill's card, under the scenarios it opens.
fn card(screen: &Stack) -> &DrillCard {
    screen.find::<DrillCard>().expect("no drill card")
}

/// The drill's summary, once the drill is over.
fn summary_of(screen: &Stack) -> &DrillSummary {
    screen.find::<DrillSummary>().expect("no drill summary")
}

fn is_summary(screen: &Stack) -> bool {
    screen.top::<DrillSummary>().is_some()
}

/// Tells the drill how saving result `id` went, as the event loop does.
fn saved(screen: &mut Stack, id: usize, outcome: Result<i64, String>) {
    let title = summary_of(screen)
        .results
        .iter()
        .find(|r| r.id == id)
        .map(|r| r.report.scenario.title.clone())
        .unwrap();
    screen.saved(id, &title, outcome);
}

fn play(screen: &Stack) -> &Play {
    screen.top::<Play>().expect("not in a conversation")
}

fn render_drill(screen: &Stack, now: u64, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| screen.draw(frame, now)).unwrap();
    terminal
}

/// Picks the option with this choice id, then continues past what happened.
fn answer(screen: &mut Stack, id: &str, now: u64) {
    let index = play(screen)
        .conversation
        .turn()
        .options
        .iter()
        .position(|o| o == id)
        .unwrap();
    screen.update(Action::Pick(index), now);
    screen.update(Action::Confirm, now);
}

fn in_conversation() -> Stack {
    in_conversation_in(Lang::En)
}

fn in_conversation_in(lang: Lang) -> Stack {
    let mut screen = drill_in(lang);
    screen.update(Action::Confirm, NOW); // the opening card
    screen.update(Action::Confirm, NOW); // the briefing
    screen
}

fn finished() -> Stack {
    finished_in(Lang::En)
}

fn finished_in(lang: Lang) -> Stack {
    let mut screen = in_conversation_in(lang);
    answer(&mut screen, "acknowledge", NOW + 3_000);
    answer(&mut screen, "express", NOW + 6_000);
    screen.update(Action::Confirm, NOW + 7_000); // the ending: on to the next briefing
    screen.update(Action::Confirm, NOW + 8_000);
    answer(&mut screen, "open-new-range", NOW + 12_000);
    answer(&mut screen, "over-more", NOW + 15_000);
    screen.update(Action::Confirm, NOW + 16_000);
    screen
}

#[test]
fn the_drill_screens_at_80x24() {
    let intro = drill();
    insta::assert_snapshot!("drill_intro", render_drill(&intro, NOW, 80, 24).backend());

    let screen = in_conversation();
    assert!(screen.top::<Play>().is_some());
    insta::assert_snapshot!(
        "drill_conversation_gauge",
        render_drill(&screen, NOW + 4_000, 80, 24).backend()
    );

    let mut silent = in_conversation();
    assert!(silent.tick(NOW + 10_000), "the 10 s limit ran out");
    insta::assert_snapshot!(
        "drill_silence",
        render_drill(&silent, NOW + 10_000, 80, 24).backend()
    );

    let mut summary = finished();
    assert!(is_summary(&summary));
    assert_eq!(summary_of(&summary).unsaved(), vec![0, 1]);
    saved(&mut summary, 0, Ok(12));
    saved(&mut summary, 1, Ok(13));
    insta::assert_snapshot!(
        "drill_summary",
        render_drill(&summary, NOW + 20_000, 80, 24).backend()
    );
}

#[test]
fn a_silence_costs_mood_and_the_client_reacts() {
    let mut screen = in_conversation();
    let mood = |s: &Stack| play(s).conversation.state().mood;
    let before = mood(&screen);
    assert!(!screen.tick(NOW + 9_999));
    assert!(screen.tick(NOW + 10_000));
    assert_eq!(mood(&screen), before - 1);
    let text = format!("{}", render_drill(&screen, NOW + 10_000, 100, 30).backend());
    assert!(text.contains("(silence: the time ran out)"), "{text}");
    assert!(text.contains("…"), "{text}");
}

/// A drill file that skipped `check` still cannot send an escape to the terminal through its
/// name or description: the screen shows a replacement character instead.
#[test]
fn a_drills_own_words_cannot_command_the_terminal() {
    let rules = rules(Lang::En);
    let mut library = Library::embedded(&rules);
    library.add_folder(Path::new("tests/fixtures/tui"), &rules);
    let drill = load_drill_path(
        Path::new("tests/fixtures/drills/valid/late-twice.ron"),
        &library,
    )
    .unwrap();
    let mut hostile = plan(&drill, &library, "en");
    hostile.name = "Late\u{1b}]0;owned\u{7}".to_owned();
    hostile.description = "Twice\u{1b}[2J over\u{202e}".to_owned();
    let screen = composure::tui::drill(hostile, "Ann Lee".to_owned(), context(Lang::En));
    let text = format!("{}", render_drill(&screen, NOW, 100, 30).backend());
    for c in ['\u{1b}', '\u{7}', '\u{202e}'] {
        assert!(!text.contains(c), "{c:?} reached the screen: {text}");
    }
    assert!(text.contains("Late\u{fffd}]0;owned\u{fffd}"), "{text}");
    assert!(text.contains("Twice\u{fffd}[2J over\u{fffd}"), "{text}");
}

/// The silence in the transcript is in the trainee's language, like the rest of the screen.
#[test]
fn a_silence_is_told_in_the_trainees_language() {
    for (lang, says, waits) in [
        (
            Lang::Nb,
            "Du: (stillhet: tiden gikk ut)",
            "venter på et svar som ikke kommer",
        ),
        (
            Lang::Ru,
            "Вы: (молчание: время вышло)",
            "ждёт ответа, но ответа нет",
        ),
    ] {
        let mut screen = drill_in(lang);
        screen.update(Action::Confirm, NOW);
        screen.update(Action::Confirm, NOW);
        assert!(
            screen.tick(NOW + 10_000),
            "{lang:?}: the 10 s limit ran out"
        );
        let text = format!("{}", render_drill(&screen, NOW + 10_000, 100, 30).backend());
        assert!(text.contains(says), "{lang:?}: {text}");
        assert!(text.contains(waits), "{lang:?}: {text}");
        assert!(!text.contains("You:"), "{lang:?}: {text}");
    }
}

#[test]
fn the_timer_only_runs_while_options_are_shown() {
    let mut screen = drill();
    assert_eq!(
        screen.next_wake(NOW),
        None,
        "the opening card waits for ever"
    );
    screen.update(Action::Confirm, NOW);
    assert_eq!(screen.next_wake(NOW), None, "the briefing waits for ever");
    screen.update(Action::Confirm, NOW);
    let wake = screen.next_wake(NOW + 4_300).unwrap();
    assert!(wake.as_millis() > 0 && wake.as_millis() <= 700, "{wake:?}");
    // Reading what the last answer did stops the clock.
    screen.update(Action::Pick(0), NOW + 5_000);
    assert_eq!(screen.next_wake(NOW + 5_000), None);
}

/// The screen as drawn at `now`.
fn frame(screen: &Stack, now: u64, (width, height): (u16, u16)) -> ratatui::buffer::Buffer {
    render_drill(screen, now, width, height)
        .backend()
        .buffer()
        .clone()
}

/// The drill loop sleeps for `next_wake` and redraws: each wake must change what the screen
/// shows (no redraw for nothing), and no moment before a wake may show anything different
/// from the last frame (no change missed or shown late). Checked through a whole countdown,
/// at the instant before each wake and every 50 ms in between.
#[test]
fn the_countdown_wakes_exactly_when_the_gauge_or_the_seconds_change() {
    for size in [(80, 24), (200, 60)] {
        let mut screen = in_conversation();
        let deadline = screen.deadline().unwrap();
        let mut now = NOW;
        let mut shown = frame(&screen, now, size);
        let mut wakes = 0u64;
        while now < deadline {
            let wait = u64::try_from(screen.next_wake(now).unwrap().as_millis()).unwrap();
            assert!(wait > 0, "{size:?}: a zero wait at {now} would spin");
            let mut between: Vec<u64> = (1..wait).step_by(50).map(|d| now + d).collect();
            between.push(now + wait - 1);
            for t in between.into_iter().filter(|&t| t > now) {
                assert!(
                    frame(&screen, t, size) == shown,
                    "{size:?}: the screen changed at {t}, before the wake at {}",
                    now + wait
                );
            }
            now += wait;
            screen.tick(now);
            let next = frame(&screen, now, size);
            assert!(
                next != shown,
                "{size:?}: woke at {now} to draw the same frame"
            );
            shown = next;
            wakes += 1;
        }
        // At most one wake per gauge cell and one per second of the limit; a redraw on a
        // timer (every 100 ms, say) would take far more.
        let cells = u64::from(card(&screen).gauge_cells.get());
        let seconds = (deadline - NOW).div_ceil(1000);
        assert!(
            wakes <= cells + seconds,
            "{size:?}: {wakes} wakes for {cells} cells and {seconds} s"
        );
        assert!(wakes >= seconds, "{size:?}: {wakes} wakes in {seconds} s");
    }
}

#[test]
fn a_drill_resumed_after_a_long_stop_neither_spins_nor_piles_up_silences() {
    // Stopped (Ctrl-Z) for an hour in the middle of a 10 s answer: the wall clock ran on.
    let mut screen = in_conversation();
    let resumed = NOW + 3_600_000;
    assert!(screen.tick(resumed));
    let silences = play(&screen).conversation.hesitations();
    assert_eq!(silences, composure::engine::MAX_SILENCES as usize);
    // The clock now waits for an answer: the loop blocks on input rather than waking.
    assert_eq!(screen.next_wake(resumed), None);
    assert!(!screen.tick(resumed + 60_000));
    // An answer after that is taken, and the next decision has its full time again.
    screen.update(Action::Confirm, resumed + 61_000);
    screen.update(Action::Confirm, resumed + 62_000);
    let wake = screen.next_wake(resumed + 62_000).unwrap();
    assert!(wake > std::time::Duration::ZERO, "{wake:?}");
}

#[test]
fn every_finished_scenario_is_handed_over_for_saving_once() {
    let mut screen = finished();
    let results = &summary_of(&screen).results;
    assert_eq!(results.len(), 2);
    assert!(results.iter().all(|r| r.saved == Saved::Pending));
    // Handed over to the loop once each, in the order finished.
    let handed: Vec<usize> = screen.take_finished().iter().map(|(id, _)| *id).collect();
    assert_eq!(handed, vec![0, 1]);
    assert!(screen.take_finished().is_empty());
    saved(&mut screen, 0, Ok(1));
    saved(&mut screen, 1, Err("disk full".to_owned()));
    assert_eq!(summary_of(&screen).unsaved(), Vec::<usize>::new());
    assert!(screen.notice.as_deref().unwrap().contains("NOT SAVED"));
    // The summary opens a debrief and comes back.
    screen.update(Action::Confirm, NOW + 30_000);
    assert!(screen.top::<Debrief>().is_some());
    screen.update(Action::Back, NOW + 31_000);
    assert!(is_summary(&screen));
}

fn history() -> Stack {
    history_in(Lang::En)
}

fn history_in(lang: Lang) -> Stack {
    let day = 86_400_000;
    let start = 20_454 * day; // 2026-01-01
    let row = |id: i64, score: u8, days: u64, drill: Option<&str>| SessionRow {
        handling: score,
        rating: Some(if score >= 80 { "excellent" } else { "good" }.to_owned()),
        ending_cap: if score >= 80 { 100 } else { 85 },
        serious_cap: if score < 50 { 60 } else { 100 },
        serious_mistakes: u32::from(score < 50),
        grading: if id == 1 { 1 } else { 2 },
        grading_note: (id == 1).then(|| "scenario-missing".to_owned()),
        id,
        trainee: "Ann Lee".to_owned(),
        drill: drill.map(str::to_owned),
        scenario: "rude-broken-washer".to_owned(),
        title: "Leaking again".to_owned(),
        client_type: "rude".to_owned(),
        language: "en".to_owned(),
        seed: 1,
        score,
        ending: Some("resolved".to_owned()),
        decisions: 6,
        hesitations: 1,
        time_limit_ms: Some(15_000),
        started_at: start + days * day - 120_000,
        ended_at: start + days * day,
        version: "0.1.0".to_owned(),
    };
    let sessions = vec![
        row(5, 88, 20, Some("under-fire")),
        row(4, 71, 14, Some("under-fire")),
        row(3, 64, 9, None),
        row(2, 40, 3, Some("first-week")),
        row(1, 25, 0, Some("first-week")),
    ];
    let stat = |rule: &str, followed, broken| RuleStat {
        rule: rule.to_owned(),
        followed,
        broken,
        followed_weight: followed * 2,
        broken_weight: broken * 2,
    };
    let rules = vec![
        stat("calm-benevolent-tone", 9, 1),
        stat("empathise", 6, 2),
        stat("set-expectations", 3, 3),
        stat("not-defensive", 1, 4),
        stat("help-choose", 0, 3),
    ];
    Stack::new(
        context(lang),
        History::new(HistoryData {
            trainee: "Ann Lee".to_owned(),
            sessions,
            reports: Vec::<(i64, Report)>::new(),
            rules,
            zone: Zone::UTC,
        }),
    )
}

fn history_list(screen: &mut Stack) -> &mut History {
    screen.find_mut::<History>().expect("no history")
}

fn render_history(screen: &Stack, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| screen.draw(frame, NOW)).unwrap();
    terminal
}

#[test]
fn the_history_screen_shows_times_in_the_users_zone() {
    let mut screen = history();
    history_list(&mut screen).data.zone = Zone::named("Asia/Tokyo").unwrap();
    let shown = format!("{:?}", render_history(&screen, 80, 24).backend());
    // Midnight UTC on 21 January is nine in the morning in Tokyo.
    assert!(shown.contains("2026-01-21 09:00"), "{shown}");
    assert!(!shown.contains("2026-01-21 00:00"), "{shown}");
}

#[test]
fn the_history_screen_at_80x24() {
    insta::assert_snapshot!("history", render_history(&history(), 80, 24).backend());
}

#[test]
fn the_drill_and_history_screens_speak_norwegian_and_russian() {
    for lang in [Lang::Nb, Lang::Ru] {
        let code = lang.code();
        insta::assert_snapshot!(
            format!("drill_intro_{code}"),
            render_drill(&drill_in(lang), NOW, 80, 24).backend()
        );

        let screen = in_conversation_in(lang);
        insta::assert_snapshot!(
            format!("drill_conversation_gauge_{code}"),
            render_drill(&screen, NOW + 4_000, 80, 24).backend()
        );

        let mut summary = finished_in(lang);
        assert!(is_summary(&summary));
        saved(&mut summary, 0, Ok(12));
        saved(&mut summary, 1, Err("disk I/O error".to_owned()));
        insta::assert_snapshot!(
            format!("drill_summary_{code}"),
            render_drill(&summary, NOW + 20_000, 80, 24).backend()
        );

        insta::assert_snapshot!(
            format!("history_{code}"),
            render_history(&history_in(lang), 80, 24).backend()
        );
    }
}

#[test]
fn the_summary_columns_are_as_wide_as_their_translated_headings() {
    for lang in [Lang::En, Lang::Nb, Lang::Ru] {
        let mut summary = finished_in(lang);
        saved(&mut summary, 1, Err("disk full".to_owned()));
        let messages = composure::i18n::Messages::get(lang);
        let text = format!("{}", render_drill(&summary, NOW + 20_000, 80, 24).backend());
        let lines: Vec<&str> = text.lines().collect();
        let columns = composure::tui::drill_summary::Columns::new(messages);
        let not_saved_row = messages.text("drill-not-saved-row");
        let header = lines
            .iter()
            .find(|l| l.contains(columns.scenario.as_str()) && l.contains(columns.saved.as_str()))
            .unwrap_or_else(|| panic!("{code}: no header:\n{text}", code = lang.code()));
        // Every heading appears whole, and the cells below start where their heading does.
        for heading in [
            &columns.score,
            &columns.ending,
            &columns.silent,
            &columns.average,
            &columns.saved,
        ] {
            assert!(header.contains(heading.as_str()), "{heading} cut:\n{text}");
        }
        let column_of = |line: &str, needle: &str| {
            let at = line.find(needle).unwrap();
            unicode_width::UnicodeWidthStr::width(&line[..at])
        };
        let failed = lines
            .iter()
            .find(|l| l.contains(not_saved_row.as_str()))
            .unwrap_or_else(|| panic!("not-saved row cut:\n{text}"));
        assert_eq!(
            column_of(failed, &not_saved_row),
            column_of(header, &columns.saved),
            "{text}"
        );
    }
}

#[test]
fn drill_and_history_screens_render_at_every_small_size_without_panicking() {
    let mut silent = in_conversation();
    silent.tick(NOW + 10_000);
    let mut summary = finished();
    saved(&mut summary, 0, Ok(1));
    let drills = [
        ("intro", drill(), NOW),
        ("conversation", in_conversation(), NOW + 4_000),
        ("silence", silent, NOW + 10_000),
        ("summary", summary, NOW + 20_000),
    ];
    let history = history();
    for width in (0..=45).chain((50..=200).step_by(15)) {
        for height in (0..=16).chain([20, 24, 30, 50, 100]) {
            for (name, screen, now) in &drills {
                let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
                terminal
                    .draw(|frame| screen.draw(frame, *now))
                    .unwrap_or_else(|e| panic!("{name} at {width}x{height}: {e}"));
            }
            let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
            terminal
                .draw(|frame| history.draw(frame, NOW))
                .unwrap_or_else(|e| panic!("history at {width}x{height}: {e}"));
        }
    }
}

#[test]
fn translated_drill_and_history_screens_render_around_the_thresholds_without_panicking() {
    for lang in [Lang::Nb, Lang::Ru] {
        let mut silent = in_conversation_in(lang);
        silent.tick(NOW + 10_000);
        let mut summary = finished_in(lang);
        saved(&mut summary, 0, Ok(1));
        let drills = [
            ("intro", drill_in(lang), NOW),
            ("conversation", in_conversation_in(lang), NOW + 4_000),
            ("silence", silent, NOW + 10_000),
            ("summary", summary, NOW + 20_000),
        ];
        let history = history_in(lang);
        for width in (0..=90).step_by(3).chain([39, 40, 41]) {
            for height in [0, 1, 11, 12, 13, 24] {
                for (name, screen, now) in &drills {
                    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
                    terminal
                        .draw(|frame| screen.draw(frame, *now))
                        .unwrap_or_else(|e| {
                            panic!("{} {name} at {width}x{height}: {e}", lang.code())
                        });
                }
                let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
                terminal
                    .draw(|frame| history.draw(frame, NOW))
                    .unwrap_or_else(|e| panic!("{} history at {width}x{height}: {e}", lang.code()));
            }
        }
    }
}

/// A notice on the drill summary or the history lasts until the next key, as everywhere else.
#[test]
fn a_notice_on_the_summary_or_the_history_goes_with_the_next_key() {
    let mut summary = finished();
    saved(&mut summary, 0, Ok(12));
    assert!(summary.notice.is_some(), "saving says so");
    summary.update(Action::Down, NOW + 21_000);
    assert_eq!(summary.notice, None);

    let mut history = history();
    history.notice = Some("something happened".to_owned());
    history.update(Action::Down, NOW);
    assert_eq!(history.notice, None);
}

// ---- Keys described once ----

/// The legend, the bottom row of the screen.
fn legend_of(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let width = usize::from(buffer.area.width);
    let last = buffer.content.chunks(width).last().unwrap();
    last.iter().map(|cell| cell.symbol()).collect()
}

#[test]
fn a_debrief_opened_from_the_drill_summary_or_the_history_offers_no_playing_again() {
    let mut summary = finished();
    summary.update(Action::Confirm, NOW);
    assert!(summary.top::<Debrief>().is_some());
    let legend = legend_of(&render_drill(&summary, NOW, 80, 24));
    assert!(!legend.contains("again"), "{legend}");
    assert!(legend.contains("back"), "{legend}");
    // And r does nothing there: the key is not the review's.
    assert!(
        composure::tui::keymap::action_for(
            ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Char(
                'r'
            )),
            summary.bindings()
        )
        .is_none()
    );

    let mut history = history();
    // The first session's transcript: any finished scenario's report stands in for it.
    let report = summary_of(&summary).results[0].report.clone();
    let list = history_list(&mut history);
    let id = list.data.sessions[0].id;
    list.data.reports.push((id, report));
    history.update(Action::Confirm, NOW);
    assert!(history.top::<Debrief>().is_some());
    let legend = legend_of(&render_history(&history, 80, 24));
    assert!(!legend.contains("again"), "{legend}");
    assert!(legend.contains("back"), "{legend}");
}

#[test]
fn help_lists_the_keys_of_the_screen_it_is_opened_on() {
    let mut history = history();
    history.update(Action::Help, NOW);
    let text = format!("{}", render_history(&history, 80, 24).backend());
    assert!(
        text.contains("open the selected session's transcript"),
        "{text}"
    );
    assert!(!text.contains("client type"), "{text}");

    let mut intro = drill();
    intro.update(Action::Help, NOW);
    let text = format!("{}", render_drill(&intro, NOW, 80, 24).backend());
    assert!(text.contains("begin with the first briefing"), "{text}");
    assert!(!text.contains("transcript"), "{text}");
}

#[test]
fn a_drill_conversation_is_drawn_at_the_minimum_size_with_its_countdown() {
    let screen = in_conversation();
    let text = format!(
        "{}",
        render_drill(
            &screen,
            NOW,
            composure::tui::MIN_WIDTH,
            composure::tui::MIN_HEIGHT
        )
        .backend()
    );
    assert!(!text.contains("too small"), "{text}");
    assert!(text.contains("Your answer"), "{text}");
    assert!(text.contains("⏱"), "{text}");
}

#[test]
fn leaving_a_finished_scenario_moves_the_drill_on_with_its_result_kept() {
    let mut screen = in_conversation();
    answer(&mut screen, "acknowledge", NOW + 1_000);
    answer(&mut screen, "express", NOW + 2_000);
    assert!(play(&screen).conversation.is_finished());
    assert_eq!(
        card(&screen).results.len(),
        1,
        "handed over at the last answer"
    );
    screen.update(Action::Back, NOW + 3_000);
    assert_eq!(card(&screen).playing, Some(1));
    assert!(screen.top::<Briefing>().is_some());
    assert_eq!(card(&screen).results.len(), 1);
}

/// The text of every row, borders and all, for looking words up in.
fn screen_text(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let mut text = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            text.push_str(buffer[(x, y)].symbol());
        }
        text.push('\n');
    }
    text
}

#[test]
fn drill_and_history_debriefs_name_the_rules_in_the_coaching_in_the_trainees_language() {
    let ids: Vec<String> = rules(Lang::En).rules.into_iter().map(|r| r.id).collect();
    let no_ids = |text: &str| {
        for id in &ids {
            for raw in [format!("({id}"), format!("{id})"), format!("{id},")] {
                assert!(!text.contains(&raw), "{raw} in\n{text}");
            }
        }
    };
    let mut summary = finished_in(Lang::Nb);
    summary.update(Action::Confirm, NOW);
    assert!(summary.top::<Debrief>().is_some());
    let text = screen_text(&render_drill(&summary, NOW, 220, 80));
    assert!(
        text.contains("(Gi medhold først, innvend varsomt; Kom med løsninger uten å bli spurt)"),
        "{text}"
    );
    no_ids(&text);

    let mut history = history_in(Lang::Ru);
    let report = summary_of(&summary).results[0].report.clone();
    let list = history_list(&mut history);
    let id = list.data.sessions[0].id;
    list.data.reports.push((id, report));
    history.update(Action::Confirm, NOW);
    assert!(history.top::<Debrief>().is_some());
    let text = screen_text(&render_history(&history, 220, 80));
    assert!(
        text.contains("(Согласитесь, а потом мягко возразите; Сами предлагайте решения)"),
        "{text}"
    );
    no_ids(&text);
}
