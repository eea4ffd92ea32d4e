//! The terminal interface: turns keys into actions, hands them to the app's `update`, and
//! redraws. It waits on the next key or signal rather than polling, so an idle trainer uses
//! no CPU. Whatever ends it (quitting, a panic, SIGTERM or SIGHUP) gives the terminal back as
//! it was, and Ctrl-Z suspends it properly (see `docs/robustness.md`).

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

use crate::cli::Feedback;
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
pub fn run(options: Options) -> Result<()> {
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
    // Registered before the terminal changes, so no signal finds it changed and unhandled.
    let signals = Signals::register().context("cannot watch for signals")?;
    let mut terminal = ratatui::init();
    let result = event_loop(
        &mut terminal,
        &mut app,
        watch.as_mut(),
        record.as_mut(),
        &signals,
    );
    ratatui::restore();
    // Shows the cursor again, which drawing hid.
    drop(terminal);
    drop(signals);
    if let Ok(Some(signal)) = result {
        signals::end_by(signal).context("cannot end by the signal received")?;
    }
    result.map(|_| ())
}

/// Draws and handles input until the trainee quits (`None`) or a signal ends the trainer.
fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    mut watch: Option<&mut watch::FileWatch>,
    mut record: Option<&mut Recorder>,
    signals: &Signals,
) -> Result<Option<i32>> {
    let mut test_panic = std::env::var_os(TEST_PANIC_VAR).is_some();
    while !app.quit {
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
        let woke = signals
            .wait(timeout)
            .context("cannot read from the terminal")?;
        for caught in signals.take() {
            match caught {
                Caught::End(signal) => return Ok(Some(signal)),
                Caught::Suspend => suspend(terminal, app)?,
                Caught::Resume => take_back(terminal)?,
                // The next draw reads the new size.
                Caught::Resize => {}
            }
        }
        if woke == Wake::Input {
            // Every event that has arrived, so that none waits in crossterm's queue while the
            // loop sleeps in `wait`. Anything but a key only needs the redraw at the top.
            while event::poll(Duration::ZERO).context("cannot read from the terminal")? {
                let Event::Key(key) = event::read().context("cannot read from the terminal")?
                else {
                    continue;
                };
                match keymap::action_for(key) {
                    Some(Action::Suspend) => suspend(terminal, app)?,
                    Some(action) => app.update(action, now()),
                    None => {}
                }
            }
        }
        let finished: Vec<crate::engine::Report> = app.finished.drain(..).collect();
        if let Some(recorder) = record.as_deref_mut() {
            for report in &finished {
                let saved = recorder.save(report, now());
                app.notice = Some(Recorder::notice(
                    app.strings,
                    &saved,
                    &report.scenario.title,
                ));
            }
        }
        if let Some(w) = watch.as_deref_mut()
            && w.changed()
        {
            let loaded = w.load(&app.rules);
            app.reload(loaded, &w.path.display().to_string(), now());
        }
    }
    Ok(None)
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

/// Runs a timed drill until the trainee quits. Each finished scenario is saved before the
/// screen moves on, and the summary says which results are saved.
pub fn run_drill(options: DrillOptions) -> Result<()> {
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
    let mut terminal = ratatui::init();
    let result = drill_loop(&mut terminal, &mut screen, &mut recorder);
    ratatui::restore();
    result
}

fn drill_loop(
    terminal: &mut DefaultTerminal,
    screen: &mut DrillScreen,
    recorder: &mut Recorder,
) -> Result<()> {
    while !screen.quit {
        for i in screen.unsaved() {
            let outcome = match screen.results.get(i) {
                Some(result) => recorder.save(&result.report, now()),
                None => continue,
            };
            screen.saved(i, outcome.map_err(|e| e.to_string()));
        }
        let drawn_at = now();
        terminal
            .draw(|frame| screen.draw(frame, drawn_at))
            .context("cannot draw the screen")?;
        // Block on input, unless a countdown runs: then wake when the gauge next changes.
        let ready = match screen.next_wake(now()) {
            Some(wait) => event::poll(wait).context("cannot read from the terminal")?,
            None => true,
        };
        if ready {
            if let Event::Key(key) = event::read().context("cannot read from the terminal")?
                && let Some(action) = keymap::action_for(key)
            {
                screen.update(action, now());
            }
        } else {
            screen.tick(now());
        }
    }
    Ok(())
}

/// What `composure history` hands the terminal.
pub struct HistoryOptions {
    pub store: crate::store::Store,
    pub trainee: String,
    pub rules: Rulebook,
    pub lang: Lang,
}

/// Shows a trainee's history until they quit.
pub fn run_history(options: HistoryOptions) -> Result<()> {
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
    let mut terminal = ratatui::init();
    let result = (|| -> Result<()> {
        while !screen.quit {
            terminal
                .draw(|frame| screen.draw(frame))
                .context("cannot draw the screen")?;
            if let Event::Key(key) = event::read().context("cannot read from the terminal")?
                && let Some(action) = keymap::action_for(key)
            {
                screen.update(action, now());
            }
        }
        Ok(())
    })();
    ratatui::restore();
    result
}
