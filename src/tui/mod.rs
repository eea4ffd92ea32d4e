//! The terminal interface: turns keys into actions, hands them to the app's `update`, and
//! redraws. It waits on the next event rather than polling, so an idle trainer uses no CPU.

mod app;
mod briefing;
mod conversation;
mod debrief;
pub mod drill;
pub mod history;
mod home;
pub mod keymap;
mod record;
mod text;
pub mod theme;
mod view;
mod watch;

use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};

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

/// Runs the trainer until the trainee quits. The terminal is restored on return and, through
/// ratatui's hook, on a panic.
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
    let mut terminal = ratatui::init();
    let result = event_loop(&mut terminal, &mut app, watch.as_mut(), record.as_mut());
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    mut watch: Option<&mut watch::FileWatch>,
    mut record: Option<&mut Recorder>,
) -> Result<()> {
    while !app.quit {
        terminal
            .draw(|frame| draw(app, frame))
            .context("cannot draw the screen")?;
        // Without a file to watch, block until something happens: no timer, no polling.
        // Anything but a key (a resize, focus, paste) only needs the redraw at the top.
        let ready = match &watch {
            Some(_) => event::poll(watch::INTERVAL).context("cannot read from the terminal")?,
            None => true,
        };
        if ready
            && let Event::Key(key) = event::read().context("cannot read from the terminal")?
            && let Some(action) = keymap::action_for(key)
        {
            app.update(action, now());
        }
        let finished: Vec<crate::engine::Report> = app.finished.drain(..).collect();
        if let Some(recorder) = record.as_deref_mut() {
            for report in &finished {
                let saved = recorder.save(report, now());
                app.notice = Some(Recorder::notice(&saved, &report.scenario.title));
            }
        }
        if let Some(w) = watch.as_deref_mut()
            && w.changed()
        {
            let loaded = w.load(&app.rules);
            app.reload(loaded, &w.path.display().to_string(), now());
        }
    }
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
