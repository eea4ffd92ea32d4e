//! The stack of screens the one event loop drives: the top screen takes the keys and is
//! drawn; the ones under it wait to be resumed, and may frame it (a drill's countdown line).
//! The stack does for every screen alike what no screen should do for itself: help over any
//! screen, notices in place of the legend, the "too small" screen, a watched file's load
//! errors, and effects such as quitting or handing a finished conversation over for saving.
//! It touches no terminal: tests drive it with actions and draw it on a test backend.

use std::cell::Cell;
use std::sync::Arc;
use std::time::Duration;

use ratatui::Frame;
use ratatui::crossterm::event::{KeyEvent, KeyEventKind};
use ratatui::layout::{Constraint, Layout};

use super::keymap::{self, Action, Binding};
use super::screen::{Context, Effect, ResultId, Screen, Transition, Update, scroll_by};
use super::view;
use crate::engine::{Millis, Report};
use crate::i18n::Args;
use crate::scenario::{Problem, ValidScenario};

pub struct Stack {
    pub cx: Context,
    /// The screens under the top one, bottom first.
    below: Vec<Box<dyn Screen>>,
    /// The screen that takes the keys.
    top: Box<dyn Screen>,
    /// A one-line note for the trainee in place of the legend, until the next key.
    pub notice: Option<String>,
    /// The help is open over the top screen.
    pub help: bool,
    /// How far the help is scrolled, and (as the last frame laid it out) how far it can be.
    pub help_scroll: u16,
    pub help_limit: Cell<u16>,
    /// The last frame was too small to show the screen: only help and quit act.
    pub too_small: Cell<bool>,
    /// Why the watched scenario file cannot be loaded, shown until it loads again.
    pub load_errors: Vec<Problem>,
    /// The trainee asked to leave: keys after that are not applied.
    pub quit: bool,
    /// Conversations finished (their last answer given) and not yet taken for saving.
    pub finished: Vec<(ResultId, Report)>,
    next_id: ResultId,
}

impl Stack {
    pub fn new(cx: Context, first: impl Screen) -> Stack {
        Stack {
            cx,
            below: Vec::new(),
            top: Box::new(first),
            notice: None,
            help: false,
            help_scroll: 0,
            help_limit: Cell::new(0),
            too_small: Cell::new(false),
            load_errors: Vec::new(),
            quit: false,
            finished: Vec::new(),
            next_id: 0,
        }
    }

    /// The screen on top, which takes the keys.
    pub fn top_screen(&self) -> &dyn Screen {
        self.top.as_ref()
    }

    /// The top screen, if it is a `T`.
    pub fn top<T: Screen>(&self) -> Option<&T> {
        self.top_screen().downcast_ref()
    }

    /// The topmost screen that is a `T`, wherever it is on the stack.
    pub fn find<T: Screen>(&self) -> Option<&T> {
        self.top
            .downcast_ref()
            .or_else(|| self.below.iter().rev().find_map(|s| s.downcast_ref()))
    }

    pub fn find_mut<T: Screen>(&mut self) -> Option<&mut T> {
        if self.top.downcast_ref::<T>().is_some() {
            return self.top.downcast_mut();
        }
        self.below.iter_mut().rev().find_map(|s| s.downcast_mut())
    }

    /// How many screens are open.
    pub fn depth(&self) -> usize {
        self.below.len() + 1
    }

    /// Every screen, bottom first.
    fn all_mut(&mut self) -> impl Iterator<Item = &mut Box<dyn Screen>> {
        self.below.iter_mut().chain(std::iter::once(&mut self.top))
    }

    /// Lets `act` change the topmost `T` and carries out what follows; a transition only
    /// when that screen is on top. For what the command line asks before the first frame,
    /// such as opening a scenario's briefing.
    pub fn with<T: Screen>(&mut self, now: Millis, act: impl FnOnce(&mut T, &Context) -> Update) {
        let on_top = self.top.downcast_ref::<T>().is_some();
        let screen = if on_top {
            self.top.downcast_mut::<T>()
        } else {
            self.below.iter_mut().rev().find_map(|s| s.downcast_mut())
        };
        let Some(screen) = screen else {
            return;
        };
        let mut update = act(screen, &self.cx);
        if !on_top {
            update.transition = None;
        }
        self.apply(update, now);
    }

    /// The keys that act now: help's own while it is open, only help and quit while the
    /// screen is too small, else the top screen's.
    pub fn bindings(&self) -> &'static [Binding] {
        if self.too_small.get() {
            keymap::TOO_SMALL
        } else if self.help {
            keymap::HELP_OPEN
        } else {
            self.top_screen().bindings()
        }
    }

    pub fn done(&self) -> bool {
        self.quit
    }

    /// Applies one action at clock time `now`.
    pub fn update(&mut self, action: Action, now: Millis) {
        // A notice is for the moment it appears.
        self.notice = None;
        if action == Action::ForceQuit {
            self.quit = true;
            return;
        }
        if self.help {
            match action {
                Action::Help | Action::Back | Action::Confirm => self.help = false,
                Action::Quit => {
                    self.help = false;
                    let update = self.top.quit();
                    self.apply(update, now);
                }
                other => scroll_by(&mut self.help_scroll, other, self.help_limit.get()),
            }
            return;
        }
        let update = match action {
            Action::Help => {
                self.help = true;
                self.help_scroll = 0;
                return;
            }
            Action::Quit => self.top.quit(),
            other => self.top.update(other, &self.cx, now),
        };
        self.apply(update, now);
    }

    /// A key the bindings in force do not name: text for a screen taking it (a typed
    /// reply), nothing elsewhere. Never while the help or the "too small" screen is up.
    pub fn input(&mut self, key: KeyEvent, now: Millis) {
        if self.help || self.too_small.get() || key.kind == KeyEventKind::Release {
            return;
        }
        if let Some(update) = self.top.input(key, &self.cx, now) {
            self.notice = None;
            self.apply(update, now);
        }
    }

    /// One key, as the event loop hands it over: the action the bindings in force give it,
    /// else text for a screen taking it. For tests and the loop alike; Ctrl-Z, which needs
    /// the terminal, is the loop's alone.
    pub fn key(&mut self, key: KeyEvent, now: Millis) {
        match keymap::action_for(key, self.bindings()) {
            Some(Action::Suspend) => {}
            Some(action) => self.update(action, now),
            None => self.input(key, now),
        }
    }

    /// Lets the clock reach `now` before the keys that came meanwhile are applied. Returns
    /// whether anything beyond the top screen changed (a silence is always told).
    pub fn tick(&mut self, now: Millis) -> bool {
        let update = self.top.tick(&self.cx, now);
        let changed = !update.is_empty();
        self.apply(update, now);
        changed
    }

    /// When the clock next runs out on the top screen.
    pub fn deadline(&self) -> Option<Millis> {
        self.top_screen().deadline()
    }

    /// How long the loop may wait for a key before the screen changes by itself; `None`
    /// when nothing runs against the clock.
    pub fn next_wake(&self, now: Millis) -> Option<Duration> {
        let top = self.top_screen();
        self.below
            .iter()
            .map(|s| s.as_ref())
            .chain(std::iter::once(top))
            .filter_map(|s| s.next_wake(now, top))
            .min()
    }

    /// Every finished result not yet taken, for the loop to save.
    pub fn take_finished(&mut self) -> Vec<(ResultId, Report)> {
        std::mem::take(&mut self.finished)
    }

    /// How saving result `id` went: said in a notice, and told to every screen.
    pub fn saved(&mut self, id: ResultId, title: &str, outcome: Result<i64, String>) {
        self.notice = Some(super::Recorder::notice(self.cx.messages(), &outcome, title));
        for screen in self.all_mut() {
            screen.saved(id, &outcome);
        }
    }

    /// Takes in a new version of a watched scenario file: on success every screen showing
    /// it takes it in, keeping the trainee's place; on failure the problems are shown and
    /// the old version stays playable.
    pub fn reload(&mut self, loaded: Result<ValidScenario, Vec<Problem>>, file: &str, now: Millis) {
        let scenario = match loaded {
            Ok(scenario) => Arc::new(scenario),
            Err(problems) => {
                self.load_errors = problems;
                self.notice = None;
                return;
            }
        };
        self.load_errors.clear();
        self.notice = Some(self.cx.msg("reloaded", &Args::new().text("file", file)));
        for at in 0..self.below.len() {
            let mut update = self.below[at].reload(&scenario, file, &self.cx, now);
            update.transition = None;
            self.apply(update, now);
        }
        let update = self.top.reload(&scenario, file, &self.cx, now);
        self.apply(update, now);
    }

    /// Carries out an update: its effects in order, then its transition.
    fn apply(&mut self, update: Update, now: Millis) {
        for effect in update.effects {
            match effect {
                Effect::Notice(text) => self.notice = Some(text),
                Effect::Quit => self.quit = true,
                Effect::Finished(report) => {
                    let id = self.next_id;
                    self.next_id += 1;
                    for screen in self.all_mut() {
                        screen.finished(id, &report);
                    }
                    self.finished.push((id, *report));
                }
            }
        }
        match update.transition {
            None => {}
            Some(Transition::Push(screen)) => {
                let under = std::mem::replace(&mut self.top, screen);
                self.below.push(under);
            }
            Some(Transition::Replace(screen)) => self.top = screen,
            Some(Transition::Pop) => match self.below.pop() {
                Some(under) => {
                    self.top = under;
                    let update = self.top.resumed(&self.cx, now);
                    self.apply(update, now);
                }
                // The first screen is where the trainer begins: closing it ends the trainer.
                None => self.quit = true,
            },
        }
    }

    /// Draws the stack as it stands at clock time `now`: the screens under the top one
    /// frame it, the top one fills the rest above the legend (or a notice), and help and a
    /// watched file's load errors go over it. Below the minimum size, only "too small".
    pub fn draw(&self, frame: &mut Frame, now: Millis) {
        let cx = &self.cx;
        let area = frame.area();
        if area.width < view::MIN_WIDTH || area.height < view::MIN_HEIGHT {
            self.too_small.set(true);
            view::too_small(cx, frame, area);
            return;
        }
        self.too_small.set(false);
        let top = self.top_screen();
        let mut area = area;
        for screen in &self.below {
            area = screen.frame_above(frame, area, cx, top, now);
        }
        let [body, legend_area] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
        top.draw(frame, body, cx, now);
        let legend = match &self.notice {
            Some(notice) => view::notice_line(cx, notice, legend_area.width),
            None => view::legend_line(cx, self.bindings(), legend_area.width),
        };
        frame.render_widget(legend, legend_area);
        if self.help {
            view::help(
                cx,
                frame,
                body,
                top.bindings(),
                self.help_scroll,
                &self.help_limit,
            );
        }
        if !self.load_errors.is_empty() {
            view::load_errors(cx, frame, body, &self.load_errors);
        }
    }
}
