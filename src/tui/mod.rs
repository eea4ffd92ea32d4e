//! The terminal interface: turns keys into actions, hands them to the app's `update`, and
//! redraws. It waits on the next event rather than polling, so an idle trainer uses no CPU.

mod app;
mod briefing;
mod conversation;
mod debrief;
mod home;
pub mod keymap;
mod text;
pub mod theme;
mod view;
mod watch;

use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};

pub use app::{App, Entry, LangFilter, Screen};
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
    let mut terminal = ratatui::init();
    let result = event_loop(&mut terminal, &mut app, watch.as_mut());
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    mut watch: Option<&mut watch::FileWatch>,
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
