//! The terminal interface: turns keys into actions, hands them to the app's `update`, and
//! redraws. It waits on the next key or signal rather than polling, so an idle trainer uses
//! no CPU. Whatever ends it (quitting, a panic, SIGTERM or SIGHUP) gives the terminal back as
//! it was, and Ctrl-Z suspends it properly (see `docs/robustness.md`). The trainer, a drill
//! and the history each have their own loop, but take the terminal (`with_terminal`) and
//! wait for input (`wait_for_input`) through the same code.

mod app;
mod briefing;
mod conversation;
mod debrief;
pub mod drill;
pub mod history;
mod home;
pub mod keymap;
mod record;
#[cfg_attr(not(unix), path = "signals_other.rs")]
mod signals;
mod text;
pub mod theme;
mod view;
mod watch;

use std::process::ExitCode;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, disable_raw_mode, enable_raw_mode,
};

pub use app::{App, Entry, LangFilter, Screen};
pub use drill::DrillScreen;
pub use history::{HistoryData, HistoryScreen};
pub use record::Recorder;
pub use view::{MIN_HEIGHT, MIN_WIDTH, draw};

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
}

/// Runs the trainer until the trainee quits. The terminal is restored on return, through
/// ratatui's hook on a panic, and before the process ends by a signal.
pub fn run(options: Options) -> Result<ExitCode> {
    let theme = theme::Theme::for_env(std::env::var_os("NO_COLOR").as_deref());
    let strings = crate::i18n::strings(options.lang)?;
    let mut app = App::new(
        options.library,
        options.rules,
        options.feedback,
        options.seed,
        theme,
        options.lang,
        strings,
    );
    let mut watch = options.watch.map(watch::FileWatch::new);
    if let Some(w) = &watch {
        // Broken from the start: say so on screen rather than refusing to open.
        app.reload(w.load(&app.rules), &w.path.display().to_string(), now());
    }
    if let Some(id) = &options.start_with {
        app.open(id);
    }
    let mut record = options.record;
    with_terminal(|terminal, signals| {
        event_loop(terminal, &mut app, watch.as_mut(), record.as_mut(), signals)
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

/// What an event loop drives: the trainer itself, a drill or the history. Every loop waits
/// for input through [`wait_for_input`], so all of them handle keys and signals alike.
trait Driven {
    /// The trainer underneath, which shows a notice when Ctrl-Z cannot suspend.
    fn app(&mut self) -> &mut App;
    /// Applies one action at clock time `now`.
    fn update(&mut self, action: Action, now: Millis);
    /// Lets the clock reach `now` before the keys that came meanwhile are applied.
    fn tick(&mut self, _now: Millis) {}
    /// The trainee asked to leave: keys after that are not applied.
    fn done(&self) -> bool;
}

impl Driven for App {
    fn app(&mut self) -> &mut App {
        self
    }
    fn update(&mut self, action: Action, now: Millis) {
        App::update(self, action, now);
    }
    fn done(&self) -> bool {
        self.quit
    }
}

impl Driven for DrillScreen {
    fn app(&mut self) -> &mut App {
        &mut self.app
    }
    fn update(&mut self, action: Action, now: Millis) {
        DrillScreen::update(self, action, now);
    }
    fn tick(&mut self, now: Millis) {
        DrillScreen::tick(self, now);
    }
    fn done(&self) -> bool {
        self.quit
    }
}

impl Driven for HistoryScreen {
    fn app(&mut self) -> &mut App {
        &mut self.app
    }
    fn update(&mut self, action: Action, now: Millis) {
        HistoryScreen::update(self, action, now);
    }
    fn done(&self) -> bool {
        self.quit
    }
}

/// Waits until a key or a signal comes, or `timeout` passes (`None`: for as long as it
/// takes), and deals with what came: a stop (Ctrl-Z or SIGTSTP) or a continue, a resize (the
/// next draw reads the new size), then the clock, then every key. Returns how the program
/// should end, if it should: a signal, Ctrl-C or a closed terminal; keys that came after that
/// are not applied.
fn wait_for_input(
    terminal: &mut DefaultTerminal,
    signals: &Signals,
    screen: &mut impl Driven,
    timeout: Option<Duration>,
) -> Result<Option<Ending>> {
    let woke = signals
        .wait(timeout)
        .context("cannot read from the terminal")?;
    for caught in signals.take() {
        match caught {
            Caught::End(signal) => return Ok(Some(Ending::Signal(signal))),
            Caught::Suspend => suspend(terminal, screen.app())?,
            Caught::Resume => take_back(terminal)?,
            // The next draw reads the new size.
            Caught::Resize => {}
        }
    }
    if woke == Wake::Closed {
        return Ok(Some(Ending::Closed));
    }
    screen.tick(now());
    if woke == Wake::Input {
        // Every event that has arrived, so that none waits in crossterm's queue while the
        // loop sleeps in `wait`. Anything but a key only needs the redraw that follows. The
        // terminal is asked first each time whether it is still there: crossterm's reader
        // would loop for ever on one that is gone.
        loop {
            if signals.input_closed() {
                return Ok(Some(Ending::Closed));
            }
            if !event::poll(Duration::ZERO).context("cannot read from the terminal")? {
                break;
            }
            let Event::Key(key) = event::read().context("cannot read from the terminal")? else {
                continue;
            };
            match keymap::action_for(key) {
                Some(Action::ForceQuit) => return Ok(Some(Ending::Interrupted)),
                _ if screen.done() => {}
                Some(Action::Suspend) => suspend(terminal, screen.app())?,
                Some(action) => screen.update(action, now()),
                None => {}
            }
        }
    }
    Ok(None)
}

/// Draws and handles input until the trainee quits, Ctrl-C, a signal or a closed terminal
/// ends the trainer. Every finished conversation is saved before the next frame is drawn,
/// and once more however the loop ends, so none is lost.
fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    watch: Option<&mut watch::FileWatch>,
    mut record: Option<&mut Recorder>,
    signals: &Signals,
) -> Result<Ending> {
    let ended = trainer_turns(terminal, app, watch, record.as_deref_mut(), signals);
    save_reports(app, record);
    ended
}

fn trainer_turns(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    mut watch: Option<&mut watch::FileWatch>,
    mut record: Option<&mut Recorder>,
    signals: &Signals,
) -> Result<Ending> {
    let mut test_panic = std::env::var_os(TEST_PANIC_VAR).is_some();
    while !app.quit {
        save_reports(app, record.as_deref_mut());
        terminal
            .draw(|frame| draw(app, frame))
            .context("cannot draw the screen")?;
        if std::mem::take(&mut test_panic) {
            #[allow(clippy::panic)] // the point: a test-only panic with the screen up
            {
                panic!("{TEST_PANIC_VAR} is set: panicking on purpose");
            }
        }
        // Without a file to watch, block until a key or a signal: no timer, no polling.
        let timeout = watch.as_ref().map(|_| watch::INTERVAL);
        if let Some(ending) = wait_for_input(terminal, signals, app, timeout)? {
            return Ok(ending);
        }
        if let Some(w) = watch.as_deref_mut()
            && w.changed()
        {
            let loaded = w.load(&app.rules);
            app.reload(loaded, &w.path.display().to_string(), now());
        }
    }
    Ok(Ending::Quit)
}

/// Saves every finished conversation not saved yet, and tells the trainee how it went.
fn save_reports(app: &mut App, record: Option<&mut Recorder>) {
    let finished: Vec<crate::engine::Report> = app.finished.drain(..).collect();
    if let Some(recorder) = record {
        for report in &finished {
            let saved = recorder.save(report, now());
            app.notice = Some(Recorder::notice(
                app.strings,
                &saved,
                &report.scenario.title,
            ));
        }
    }
}

/// Ctrl-Z: gives the terminal back to the shell, stops until `fg`, then takes it back and
/// repaints. Without a shell to return to, it stays and says why.
fn suspend(terminal: &mut DefaultTerminal, app: &mut App) -> Result<()> {
    if !signals::can_suspend() {
        app.notice = Some(app.strings.no_suspend.clone());
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

/// Runs a timed drill until the trainee quits or a signal ends it. Each finished scenario is
/// saved before the screen moves on, and the summary says which results are saved.
pub fn run_drill(options: DrillOptions) -> Result<ExitCode> {
    let theme = theme::Theme::for_env(std::env::var_os("NO_COLOR").as_deref());
    let mut recorder = Recorder {
        store: options.store,
        trainee: options.trainee.clone(),
        drill: Some(options.plan.id.clone()),
    };
    let strings = crate::i18n::strings(options.lang)?;
    let mut screen = DrillScreen::new(
        options.plan,
        options.rules,
        options.trainee,
        theme,
        options.lang,
        strings,
    );
    with_terminal(|terminal, signals| drill_loop(terminal, &mut screen, &mut recorder, signals))
}

/// The drill's event loop, until the trainee quits (`None`) or a signal ends the drill.
///
/// With no countdown running it blocks on input; while one runs it wakes when the gauge or
/// the seconds figure next changes ([`DrillScreen::next_wake`]) and lets the clock catch up
/// ([`DrillScreen::tick`]), so a silence is noticed on time and nothing else wakes it.
///
/// Every finished scenario is saved before the next frame is drawn, and once more however
/// the loop ends (quitting, Ctrl-C, a signal, an error), so no finished result is left
/// unsaved. The scenario in progress is not a result: it is not kept, as when leaving it.
///
/// While the process is stopped (Ctrl-Z, SIGTSTP) the countdown is not paused: it runs on the
/// wall clock, so stopping is no way to gain time to think. On `fg` the deadlines that passed
/// meanwhile become hesitations at once, and as always at most
/// [`MAX_SILENCES`](crate::engine::MAX_SILENCES) in a row at one decision, after which the
/// clock waits for an answer; the screen is repainted with whatever time is left.
fn drill_loop(
    terminal: &mut DefaultTerminal,
    screen: &mut DrillScreen,
    recorder: &mut Recorder,
    signals: &Signals,
) -> Result<Ending> {
    let ended = drill_turns(terminal, screen, recorder, signals);
    save_finished(screen, recorder);
    ended
}

fn drill_turns(
    terminal: &mut DefaultTerminal,
    screen: &mut DrillScreen,
    recorder: &mut Recorder,
    signals: &Signals,
) -> Result<Ending> {
    while !screen.quit {
        save_finished(screen, recorder);
        let drawn_at = now();
        terminal
            .draw(|frame| screen.draw(frame, drawn_at))
            .context("cannot draw the screen")?;
        let timeout = screen.next_wake(now());
        if let Some(ending) = wait_for_input(terminal, signals, screen, timeout)? {
            return Ok(ending);
        }
    }
    Ok(Ending::Quit)
}

/// Saves every finished scenario not saved yet, and tells the screen how each save went.
fn save_finished(screen: &mut DrillScreen, recorder: &mut Recorder) {
    for i in screen.unsaved() {
        let outcome = match screen.results.get(i) {
            Some(result) => recorder.save(&result.report, now()),
            None => continue,
        };
        screen.saved(i, outcome.map_err(|e| e.to_string()));
    }
}

/// What `composure history` hands the terminal.
pub struct HistoryOptions {
    pub store: crate::store::Store,
    pub trainee: String,
    pub rules: Rulebook,
    pub lang: Lang,
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
    };
    let library = Library::embedded(&options.rules);
    let strings = crate::i18n::strings(options.lang)?;
    let app = App::new(
        library,
        options.rules,
        Feedback::Now,
        None,
        theme,
        options.lang,
        strings,
    );
    let mut screen = HistoryScreen::new(app, data);
    with_terminal(|terminal, signals| {
        while !screen.quit {
            terminal
                .draw(|frame| screen.draw(frame))
                .context("cannot draw the screen")?;
            if let Some(ending) = wait_for_input(terminal, signals, &mut screen, None)? {
                return Ok(ending);
            }
        }
        Ok(Ending::Quit)
    })
}
