//! What one frame costs to draw: the conversation screen (a conversation under way, options
//! on screen) and the debrief, at 80×24 and 200×60, on a shipped scenario.
//!
//! - `paint`: the whole screen from nothing, as after start-up, a resize or `fg`;
//! - `redraw`: the same screen again, as after a key that changed nothing visible: the
//!   screen is laid out and rendered in full, then compared with what the terminal shows,
//!   and nothing is sent.
//!
//! Both go through ratatui's crossterm backend into a counting sink, so escape sequences are
//! produced as for a real terminal; at the end the bench prints how many bytes each painted
//! frame sends, which is what a slow remote session waits for.
//!
//! Run with `cargo bench --bench frames`; CI only builds it.

// A benchmark that cannot set up has nothing to measure; stopping loudly is right.
#![allow(clippy::expect_used, clippy::panic)]

mod support;

use std::cell::Cell;
use std::io::{self, Write};
use std::rc::Rc;
use std::time::SystemTime;

use composure::cli::Feedback;
use composure::i18n::Lang;
use composure::rules::Rulebook;
use composure::scenario::{Library, Node};
use composure::tui::keymap::Action;
use composure::tui::theme::Theme;
use composure::tui::{Debrief, Home, Play, Stack};
use criterion::{BatchSize, BenchmarkId, Criterion};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];
const NOW: u64 = 1_000_000;
/// Decisions answered before the conversation frame is taken, so the transcript fills the
/// screen as it does mid-conversation.
const ANSWERED: usize = 4;

/// Counts what the terminal would receive and throws it away.
#[derive(Default, Clone)]
struct Counting {
    bytes: Rc<Cell<usize>>,
}

impl Write for Counting {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.bytes.set(self.bytes.get() + buf.len());
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn terminal((width, height): (u16, u16)) -> Terminal<CrosstermBackend<Counting>> {
    counted((width, height), Counting::default())
}

fn counted((width, height): (u16, u16), sink: Counting) -> Terminal<CrosstermBackend<Counting>> {
    Terminal::with_options(
        CrosstermBackend::new(sink),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
        },
    )
    .expect("a fixed viewport needs no terminal")
}

/// The app on the first shipped English scenario, in colour, as a trainee sees it.
fn app() -> Stack {
    let rules = Rulebook::embedded().expect("the shipped rulebook loads");
    let library = Library::embedded(&rules);
    let id = library
        .scenarios()
        .iter()
        .find(|s| s.scenario().language == "en")
        .map(|s| s.id().to_owned())
        .expect("the binary ships scenarios");
    let mut app = composure::tui::trainer(
        library,
        rules,
        Feedback::Now,
        Some(7),
        Theme::for_env(None),
        Lang::En,
    );
    app.with::<Home>(NOW, |home, cx| home.open(&id, cx));
    app.update(Action::Confirm, NOW);
    app
}

/// The conversation with `ANSWERED` decisions behind it and the next one's options shown.
fn mid_conversation() -> Stack {
    let mut app = app();
    for _ in 0..ANSWERED {
        let pick = going_on(&app);
        app.update(Action::Pick(pick), NOW);
        app.update(Action::Confirm, NOW);
    }
    match app.top::<Play>() {
        Some(play) if !play.showing_consequence => app,
        _ => panic!("the scenario should still be asking after {ANSWERED} answers"),
    }
}

/// The first option on screen that does not lead straight to an ending.
fn going_on(app: &Stack) -> usize {
    let Some(play) = app.top::<Play>() else {
        return 0;
    };
    let scenario = play.conversation.scenario();
    let Some(Node::Decision { choices, .. }) = scenario.node(&play.conversation.turn().node) else {
        return 0;
    };
    let ends = |id: &String| {
        choices
            .iter()
            .find(|c| &c.id == id)
            .and_then(|c| scenario.node(&c.next))
            .is_none_or(|next| matches!(next, Node::Ending { .. }))
    };
    let options = &play.conversation.turn().options;
    options.iter().position(|id| !ends(id)).unwrap_or(0)
}

/// The debrief at the end of the conversation.
fn debrief() -> Stack {
    let mut app = app();
    for _ in 0..100 {
        if app.top::<Debrief>().is_some() {
            return app;
        }
        app.update(Action::Pick(0), NOW);
        app.update(Action::Confirm, NOW);
    }
    panic!("the scenario should reach its debrief within 100 answers");
}

fn frames(c: &mut Criterion) -> Vec<(String, usize)> {
    let screens = [("conversation", mid_conversation()), ("debrief", debrief())];
    let mut sent = Vec::new();
    for (name, app) in &screens {
        let mut paint = c.benchmark_group(format!("paint-{name}"));
        for size in SIZES {
            let id = format!("{}x{}", size.0, size.1);
            paint.bench_function(BenchmarkId::from_parameter(&id), |b| {
                b.iter_batched(
                    || terminal(size),
                    |mut terminal| {
                        terminal
                            .draw(|frame| app.draw(frame, NOW))
                            .expect("drawing into memory cannot fail");
                        terminal
                    },
                    BatchSize::SmallInput,
                );
            });
            let sink = Counting::default();
            let mut once = counted(size, sink.clone());
            once.draw(|frame| app.draw(frame, NOW))
                .expect("drawing into memory cannot fail");
            sent.push((format!("{name} at {id}"), sink.bytes.get()));
            // What one key sends once the screen is up: the highlight moves one option down.
            if *name == "conversation" {
                let mut moved = mid_conversation();
                moved.update(Action::Down, NOW);
                let before = sink.bytes.get();
                once.draw(|frame| moved.draw(frame, NOW))
                    .expect("drawing into memory cannot fail");
                sent.push((format!("  then ↓ at {id}"), sink.bytes.get() - before));
            }
        }
        paint.finish();

        let mut redraw = c.benchmark_group(format!("redraw-{name}"));
        for size in SIZES {
            let id = format!("{}x{}", size.0, size.1);
            let mut terminal = terminal(size);
            terminal
                .draw(|frame| app.draw(frame, NOW))
                .expect("drawing into memory cannot fail");
            redraw.bench_function(BenchmarkId::from_parameter(&id), |b| {
                b.iter(|| {
                    terminal
                        .draw(|frame| app.draw(frame, NOW))
                        .expect("drawing into memory cannot fail");
                });
            });
        }
        redraw.finish();
    }
    sent
}

fn main() {
    let since = SystemTime::now();
    let mut criterion = Criterion::default().configure_from_args();
    let sent = frames(&mut criterion);
    criterion.final_summary();

    support::print_grid(
        "Mean time to draw one frame (criterion's estimate):",
        &[
            ("paint-conversation", "conversation, painted"),
            ("redraw-conversation", "conversation, redrawn"),
            ("paint-debrief", "debrief, painted"),
            ("redraw-debrief", "debrief, redrawn"),
        ],
        &["80x24", "200x60"],
        since,
    );
    println!("\nBytes sent to the terminal to paint a whole frame, and for one key after it:");
    for (what, bytes) in sent {
        println!("  {what:<28}{bytes:>8}");
    }
}
