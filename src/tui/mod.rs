//! The terminal interface: turns keys into actions, hands them to the screen on top, and
//! redraws. It waits on the next key or signal rather than polling, so an idle trainer uses
//! no CPU. Whatever ends it (quitting, Ctrl-C, a panic, SIGTERM or SIGHUP, a closed terminal)
//! gives the terminal back as it was, or lets go of one that is gone, after saving every
//! finished conversation; Ctrl-Z suspends it properly (see `docs/robustness.md`).
//!
//! ## Screens
//!
//! The trainer, a drill and the history are each a [`Stack`] of screens, run by the one
//! event loop (`event_loop`). A screen is a type that implements [`Screen`]: its key
//! bindings, `update` (an action in, an [`Update`](screen::Update) out), and `draw`. The
//! top screen takes the keys; an update opens a screen over it (`Push`), closes it (`Pop`,
//! which resumes the one below) or swaps it (`Replace`). What reaches beyond a screen goes
//! back to the loop as an [`Effect`](screen::Effect): a finished conversation to save (at
//! its last answer), a notice, quitting. The stack does for every screen alike what none
//! does for itself: help (`?`) listing the screen's own bindings, notices in place of the
//! legend, the "too small" screen (only help and quit act there), a watched file's load
//! errors, and asking the screen before quitting (`q`, [`Screen::quit`]).
//!
//! | stack | bottom | opened over it |
//! |---|---|---|
//! | trainer | [`Home`] | [`Briefing`], replaced by [`Play`], replaced by [`Debrief`] |
//! | drill | [`DrillCard`] (replaced by [`DrillSummary`] at the end) | each scenario as in the trainer; a reopened [`Debrief`] over the summary |
//! | history | [`History`] | a session's [`Debrief`] |
//!
//! ## Adding a screen
//!
//! A new screen is one new file in `src/tui`, plus its `mod` line here:
//!
//! 1. A type holding everything the screen shows and changes; what every screen reads (the
//!    trainee's language and words, the theme, the rulebook) comes in as the
//!    [`Context`].
//! 2. Its key table, in the same file: a `const` slice of [`keymap::Binding`]s built with
//!    [`keymap::bind`] from the shared keys in [`keymap`] (`ENTER`, `UP_DOWN`, `HELP`,
//!    `QUIT`…). That one table turns keys into actions, draws the legend and lists the
//!    screen's help; a key it does not list does nothing on the screen.
//! 3. `impl Screen`: `bindings` returns the table, `update` turns an action into an
//!    `Update`, `draw` paints the area above the legend. The defaults suit a screen with no
//!    clock and no results; override `tick`/`deadline`/`next_wake` for one that runs
//!    against the clock, `resumed` to act when a screen opened over it closes, `finished`
//!    and `saved` to follow results, `frame_above` to draw around the screens over it.
//! 4. Open it from another screen with `Update::push(…)` (or `replace`), or make it the
//!    bottom of a new stack with `Stack::new`.
//!
//! The one thing outside the file: a binding whose words no screen has used yet needs a
//! [`keymap::Does`] variant and its legend and help text in each language file
//! (`assets/i18n`), since only what a binding does is translated.

mod briefing;
mod conversation;
mod debrief;
pub mod drill;
pub mod drill_summary;
pub mod history;
mod home;
pub mod keymap;
mod record;
pub mod screen;
#[cfg_attr(not(unix), path = "signals_other.rs")]
mod signals;
mod stack;
mod text;
pub mod theme;
mod typed;
mod view;
mod watch;

use std::process::ExitCode;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use anyhow::{Context as _, Result};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, disable_raw_mode, enable_raw_mode,
};

pub use briefing::Briefing;
pub use conversation::{OptionsView, Play, Setup};
pub use debrief::Debrief;
pub use drill::DrillCard;
pub use drill_summary::DrillSummary;
pub use history::{History, HistoryData};
pub use home::{Entry, Home, LangFilter};
pub use record::Recorder;
pub use screen::{Context, Screen};
pub use stack::Stack;
/// Word wrap by display width, for the commands that print wrapped text too.
pub use text::wrap;
pub use typed::{Asking, TYPING, Typing};
pub use view::{MIN_HEIGHT, MIN_WIDTH};

use crate::engine::Feedback;
use crate::engine::Millis;
use crate::i18n::Lang;
use crate::rules::Rulebook;
use crate::scenario::Library;
use keymap::Action;
use signals::{Caught, Signals, Wake};

/// Set to anything, makes the trainer panic once its first screen is drawn. For the tests
/// that prove a panic gives the terminal back; not for users.
pub const TEST_PANIC_VAR: &str = "COMPOSURE_TEST_PANIC";

pub struct Options {
    pub library: Library,
    pub rules: Rulebook,
    /// A fixed seed from `--seed`, if given.
    pub seed: Option<u64>,
    pub feedback: Feedback,
    /// Open this scenario's briefing straight away.
    pub start_with: Option<String>,
    /// Reload this scenario file whenever it changes (`play FILE --watch`).
    pub watch: Option<std::path::PathBuf>,
    /// The trainee's language.
    pub lang: Lang,
    /// Save every finished conversation (`play --trainee NAME`).
    pub record: Option<Recorder>,
    /// Replies typed in the trainee's own words (`--typed`).
    pub typed: bool,
}

/// The trainer as it opens: the home screen, its scenarios played as `feedback` says, with
/// a fixed seed if given.
pub fn trainer(
    library: Library,
    rules: Rulebook,
    feedback: Feedback,
    seed: Option<u64>,
    theme: theme::Theme,
    lang: Lang,
) -> Stack {
    let setup = Setup {
        seed,
        time_limit: None,
        feedback,
        debrief: Some(debrief::DEBRIEF),
        typed: false,
    };
    let cx = Context { theme, lang, rules };
    Stack::new(cx, Home::new(library, lang, setup))
}

/// Runs the trainer until the trainee quits. The terminal is restored on return, through
/// ratatui's hook on a panic, and before the process ends by a signal.
pub fn run(options: Options) -> Result<ExitCode> {
    let theme = theme::Theme::for_env(std::env::var_os("NO_COLOR").as_deref());
    let mut stack = trainer(
        options.library,
        options.rules,
        options.feedback,
        options.seed,
        theme,
        options.lang,
    );
    if options.typed
        && let Some(home) = stack.find_mut::<Home>()
    {
        home.setup.typed = true;
    }
    let mut watch = options.watch.map(watch::FileWatch::new);
    if let Some(w) = &watch {
        // Broken from the start: say so on screen rather than refusing to open. Nothing has
        // been reloaded yet, so nothing is announced.
        stack.reload(
            w.load(&stack.cx.rules),
            &w.path.display().to_string(),
            now(),
        );
        stack.notice = None;
    }
    if let Some(id) = &options.start_with {
        stack.with::<Home>(now(), |home, cx| home.open(id, cx));
    }
    let mut record = options.record;
    with_terminal(|terminal, signals| {
        event_loop(
            terminal,
            &mut stack,
            watch.as_mut(),
            record.as_mut(),
            signals,
        )
    })
}

/// How an event loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    /// The trainee quit.
    Quit,
    /// Ctrl-C: ends with status 130, as an interrupted program does.
    Interrupted,
    /// This signal came: the process ends by it, as it would have without a handler.
    Signal(i32),
    /// The terminal is gone (hung up, in error, at end of input): nothing to restore and
    /// nobody to tell, so the process ends as a hang-up would have ended it.
    Closed,
}

/// Watches for signals, takes the terminal, runs `body` (an event loop), and gives the
/// terminal back however it ends: returning, failing, or (through ratatui's hook) panicking.
/// Returns the exit status for a quit or Ctrl-C; for a signal or a closed terminal the
/// process ends by that signal, as it would have without a handler.
fn with_terminal(
    body: impl FnOnce(&mut DefaultTerminal, &Signals) -> Result<Ending>,
) -> Result<ExitCode> {
    // Registered before the terminal changes, so no signal finds it changed and unhandled.
    let signals = Signals::register().context("cannot watch for signals")?;
    let mut terminal = ratatui::init();
    let mut result = body(&mut terminal, &signals);
    // Drawing fails on a terminal that has just been closed: that is a closed terminal too.
    if result.is_err() && signals.input_closed() {
        result = Ok(Ending::Closed);
    }
    if let Ok(Ending::Closed) = result {
        // Restoring a terminal that is gone fails, and ratatui would report that on the same
        // terminal (and the cursor's restore on drop too): try quietly, then let it go.
        let _ = ratatui::try_restore();
        std::mem::forget(terminal);
        drop(signals);
        signals::end_by(signals::HANG_UP).context("cannot end by the hang-up")?;
        return Ok(ExitCode::from(HANG_UP_STATUS));
    }
    ratatui::restore();
    // Shows the cursor again, which drawing hid.
    drop(terminal);
    drop(signals);
    match result? {
        Ending::Quit => Ok(ExitCode::SUCCESS),
        Ending::Interrupted => Ok(ExitCode::from(INTERRUPTED_STATUS)),
        Ending::Signal(signal) => {
            signals::end_by(signal).context("cannot end by the signal received")?;
            Ok(ExitCode::from(128 + u8::try_from(signal).unwrap_or(0)))
        }
        // Handled above.
        Ending::Closed => Ok(ExitCode::from(HANG_UP_STATUS)),
    }
}

/// The status after Ctrl-C, as a shell reports a program ended by SIGINT.
const INTERRUPTED_STATUS: u8 = 130;
/// The status after a hang-up, where the signal itself could not end the process.
const HANG_UP_STATUS: u8 = 129;

/// Waits until a key or a signal comes, or `timeout` passes (`None`: for as long as it
/// takes), and deals with what came: a stop (Ctrl-Z or SIGTSTP) or a continue, a resize (the
/// next draw reads the new size), then the clock, then every key. Returns how the program
/// should end, if it should: a signal, Ctrl-C or a closed terminal; keys that came after that
/// are not applied.
fn wait_for_input(
    terminal: &mut DefaultTerminal,
    signals: &Signals,
    stack: &mut Stack,
    timeout: Option<Duration>,
) -> Result<Option<Ending>> {
    let woke = signals
        .wait(timeout)
        .context("cannot read from the terminal")?;
    for caught in signals.take() {
        match caught {
            Caught::End(signal) => return Ok(Some(Ending::Signal(signal))),
            Caught::Suspend => suspend(terminal, stack)?,
            Caught::Resume => take_back(terminal)?,
            // The next draw reads the new size.
            Caught::Resize => {}
        }
    }
    if woke == Wake::Closed {
        return Ok(Some(Ending::Closed));
    }
    stack.tick(now());
    if woke == Wake::Input {
        // Every event that has arrived, so that none waits in crossterm's queue while the
        // loop sleeps in `wait`. Anything but a key only needs the redraw that follows. The
        // terminal is asked first each time whether it is still there: crossterm's reader
        // would loop for ever on one that is gone.
        let mut nudged = false;
        loop {
            if signals.input_closed() {
                return Ok(Some(Ending::Closed));
            }
            if !event::poll(Duration::ZERO).context("cannot read from the terminal")? {
                // crossterm learns of input from an edge-triggered poll, and a resize seen in
                // the same poll as a key makes it drop the key's edge: the key would sit
                // unread, and this loop (which polls by level) would wake for it for ever.
                // Setting the terminal's modes again wakes its readers: a new edge.
                if !nudged && signals.unread_input() {
                    nudged = true;
                    disable_raw_mode().context("cannot set up the terminal")?;
                    enable_raw_mode().context("cannot set up the terminal")?;
                    continue;
                }
                break;
            }
            nudged = false;
            let Event::Key(key) = event::read().context("cannot read from the terminal")? else {
                continue;
            };
            // The screen's own table decides what the key does there; on the "too small"
            // screen that is help and quit alone, so nothing is chosen blind.
            match keymap::action_for(key, stack.bindings()) {
                Some(Action::ForceQuit) => return Ok(Some(Ending::Interrupted)),
                _ if stack.done() => {}
                Some(Action::Suspend) => suspend(terminal, stack)?,
                Some(action) => stack.update(action, now()),
                // Text, for a screen taking it (a typed reply).
                None => stack.input(key, now()),
            }
        }
    }
    Ok(None)
}

/// The one event loop, for every screen: draws, waits for a key, a signal or the clock, and
/// hands each key to the screen, until the trainee quits, Ctrl-C, a signal or a closed
/// terminal ends it.
///
/// It blocks on input while nothing runs against the clock: an idle trainer uses no CPU.
/// During a drill's countdown it wakes when the gauge or the seconds figure next changes
/// ([`Stack::next_wake`]) and lets the clock catch up ([`Stack::tick`]), so a silence is
/// noticed on time; with a file to watch, it looks at the file every [`watch::INTERVAL`].
///
/// Every finished conversation is saved before the next frame is drawn, and once more
/// however the loop ends (quitting, Ctrl-C, a signal, a closed terminal, an error), so none
/// is left unsaved. A conversation in progress is not a result: it is not kept, as when
/// leaving it.
///
/// While the process is stopped (Ctrl-Z, SIGTSTP) a drill's countdown is not paused: it runs
/// on the wall clock, so stopping is no way to gain time to think. On `fg` the deadlines that
/// passed meanwhile become hesitations at once, and as always at most
/// [`MAX_SILENCES`](crate::engine::MAX_SILENCES) in a row at one decision, after which the
/// clock waits for an answer; the screen is repainted with whatever time is left.
fn event_loop(
    terminal: &mut DefaultTerminal,
    stack: &mut Stack,
    watch: Option<&mut watch::FileWatch>,
    mut record: Option<&mut Recorder>,
    signals: &Signals,
) -> Result<Ending> {
    let ended = turns(terminal, stack, watch, record.as_deref_mut(), signals);
    save_finished(stack, record);
    ended
}

fn turns(
    terminal: &mut DefaultTerminal,
    stack: &mut Stack,
    mut watch: Option<&mut watch::FileWatch>,
    mut record: Option<&mut Recorder>,
    signals: &Signals,
) -> Result<Ending> {
    let mut test_panic = std::env::var_os(TEST_PANIC_VAR).is_some();
    while !stack.done() {
        save_finished(stack, record.as_deref_mut());
        let drawn_at = now();
        terminal
            .draw(|frame| stack.draw(frame, drawn_at))
            .context("cannot draw the screen")?;
        if std::mem::take(&mut test_panic) {
            #[allow(clippy::panic)] // the point: a test-only panic with the screen up
            {
                panic!("{TEST_PANIC_VAR} is set: panicking on purpose");
            }
        }
        let timeout = match (
            stack.next_wake(now()),
            watch.as_ref().map(|_| watch::INTERVAL),
        ) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        if let Some(ending) = wait_for_input(terminal, signals, stack, timeout)? {
            return Ok(ending);
        }
        if let Some(w) = watch.as_deref_mut()
            && w.changed()
        {
            let loaded = w.load(&stack.cx.rules);
            stack.reload(loaded, &w.path.display().to_string(), now());
        }
    }
    Ok(Ending::Quit)
}

/// Saves every finished conversation not saved yet, and tells the screens how each save
/// went. Without a trainee's name (practice) nothing is saved.
fn save_finished(stack: &mut Stack, record: Option<&mut Recorder>) {
    let finished = stack.take_finished();
    let Some(recorder) = record else {
        return;
    };
    for (id, report) in finished {
        let outcome = recorder.save(&report, now()).map_err(|e| e.to_string());
        stack.saved(id, &report.scenario.title, outcome);
    }
}

/// Ctrl-Z: gives the terminal back to the shell, stops until `fg`, then takes it back and
/// repaints. Without a shell to return to, it stays and says why.
fn suspend(terminal: &mut DefaultTerminal, stack: &mut Stack) -> Result<()> {
    if !signals::can_suspend() {
        stack.notice = Some(stack.cx.text("no-suspend"));
        return Ok(());
    }
    terminal.show_cursor().context("cannot show the cursor")?;
    ratatui::restore();
    signals::stop().context("cannot suspend")?;
    take_back(terminal)
}

/// Raw mode and the alternate screen again, after a stop, and a full repaint. Raw mode is
/// switched off first: whoever had the terminal meanwhile may have changed its modes.
fn take_back(terminal: &mut DefaultTerminal) -> Result<()> {
    disable_raw_mode().context("cannot set up the terminal")?;
    enable_raw_mode().context("cannot set up the terminal")?;
    ratatui::crossterm::execute!(
        std::io::stdout(),
        EnterAlternateScreen,
        Clear(ClearType::All)
    )
    .context("cannot set up the terminal")?;
    // Both buffers empty, so the next draw paints every cell. (`Terminal::clear` would do the
    // same, but asks the terminal where its cursor is, and a slow or silent terminal makes
    // that fail after two seconds.)
    terminal.swap_buffers();
    terminal.swap_buffers();
    Ok(())
}

fn now() -> Millis {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// What `composure drill` hands the terminal.
pub struct DrillOptions {
    pub plan: crate::drill::DrillPlan,
    pub rules: Rulebook,
    pub trainee: String,
    pub store: crate::store::Store,
    pub lang: Lang,
}

/// A drill as it opens, at its card.
pub fn drill(plan: crate::drill::DrillPlan, trainee: String, cx: Context) -> Stack {
    Stack::new(cx, DrillCard::new(plan, trainee))
}

/// Runs a timed drill until the trainee quits or a signal ends it. Each finished scenario is
/// saved before the screen moves on, and the summary says which results are saved.
pub fn run_drill(options: DrillOptions) -> Result<ExitCode> {
    let theme = theme::Theme::for_env(std::env::var_os("NO_COLOR").as_deref());
    let mut recorder = Recorder {
        store: options.store,
        trainee: options.trainee.clone(),
        drill: Some(options.plan.id.clone()),
    };
    let cx = Context {
        theme,
        lang: options.lang,
        rules: options.rules,
    };
    let mut stack = drill(options.plan, options.trainee, cx);
    with_terminal(|terminal, signals| {
        event_loop(terminal, &mut stack, None, Some(&mut recorder), signals)
    })
}

/// What `composure history` hands the terminal.
pub struct HistoryOptions {
    pub store: crate::store::Store,
    pub trainee: String,
    pub rules: Rulebook,
    pub lang: Lang,
    /// Results under an older grading could not be regraded (the folder is read-only).
    pub not_regraded: bool,
    /// The zone to show times in: the user's.
    pub zone: crate::report::dates::Zone,
}

/// Shows a trainee's history until they quit or a signal ends it.
pub fn run_history(options: HistoryOptions) -> Result<ExitCode> {
    let theme = theme::Theme::for_env(std::env::var_os("NO_COLOR").as_deref());
    let filter = crate::store::Filter::trainee(&options.trainee);
    let sessions = options.store.sessions(&filter, Some(1000))?;
    let mut reports = Vec::new();
    for row in sessions.iter().take(history::RECENT) {
        if let Some(report) = options.store.report(row.id)? {
            reports.push((row.id, report));
        }
    }
    let data = HistoryData {
        trainee: options.trainee,
        sessions,
        reports,
        rules: options.store.rule_stats(&filter)?,
        zone: options.zone,
    };
    let cx = Context {
        theme,
        lang: options.lang,
        rules: options.rules,
    };
    let mut stack = Stack::new(cx, History::new(data));
    if options.not_regraded {
        stack.notice = Some(stack.cx.text("history-not-regraded"));
    }
    with_terminal(|terminal, signals| event_loop(terminal, &mut stack, None, None, signals))
}
