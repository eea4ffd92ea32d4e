//! The contract every screen keeps with the one event loop: it declares its keys, takes an
//! action and says what follows ([`Update`]: effects for the loop, and whether to open,
//! close or swap screens), and draws itself. A screen changes only itself: saving a
//! finished conversation, quitting, a notice, opening the next screen all go back as values,
//! and the [`Stack`](super::stack::Stack) carries them out.

use std::any::Any;
use std::sync::Arc;
use std::time::Duration;

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::keymap::{Action, Binding};
use super::theme::Theme;
use crate::engine::{Millis, Report};
use crate::i18n::{Args, Lang, Messages};
use crate::rules::Rulebook;
use crate::scenario::ValidScenario;

/// What every screen reads and none owns: the trainee's language (whose messages give
/// every word on screen), the colours, and the rulebook choices are graded against.
pub struct Context {
    pub theme: Theme,
    pub lang: Lang,
    pub rules: Rulebook,
}

impl Context {
    /// The trainee's language's Fluent messages.
    pub fn messages(&self) -> &'static Messages {
        Messages::get(self.lang)
    }

    /// A message with its arguments, in the trainee's language.
    pub fn msg(&self, id: &str, args: &Args<'_>) -> String {
        self.messages().msg(id, args)
    }

    /// A message without arguments, in the trainee's language.
    pub fn text(&self, id: &str) -> String {
        self.messages().text(id)
    }
}

/// Something a screen asks of the loop, beyond itself.
pub enum Effect {
    /// A conversation's last answer was given: its report, to be saved at once (not when
    /// its debrief opens), so that leaving before the debrief loses nothing.
    Finished(Box<Report>),
    /// A one-line note in place of the key legend, until the next key.
    Notice(String),
    /// The trainee asked to leave.
    Quit,
}

/// Which screen is on top next.
pub enum Transition {
    /// Opens a screen over this one.
    Push(Box<dyn Screen>),
    /// Closes this screen; the one under it is [resumed](Screen::resumed).
    Pop,
    /// Closes this screen and opens another in its place.
    Replace(Box<dyn Screen>),
}

/// What follows an action: effects, carried out in order, then any transition.
#[derive(Default)]
pub struct Update {
    pub effects: Vec<Effect>,
    pub transition: Option<Transition>,
}

impl Update {
    /// Nothing beyond the screen itself changed.
    pub fn none() -> Update {
        Update::default()
    }

    pub fn push(screen: impl Screen) -> Update {
        Update::go(Transition::Push(Box::new(screen)))
    }

    pub fn replace(screen: impl Screen) -> Update {
        Update::go(Transition::Replace(Box::new(screen)))
    }

    pub fn pop() -> Update {
        Update::go(Transition::Pop)
    }

    pub fn quit() -> Update {
        Update::none().with(Effect::Quit)
    }

    pub fn notice(text: String) -> Update {
        Update::none().with(Effect::Notice(text))
    }

    fn go(transition: Transition) -> Update {
        Update {
            effects: Vec::new(),
            transition: Some(transition),
        }
    }

    /// This update with one more effect.
    pub fn with(mut self, effect: Effect) -> Update {
        self.effects.push(effect);
        self
    }

    /// This update with a notice, if there is one.
    pub fn with_notice(self, notice: Option<String>) -> Update {
        match notice {
            Some(text) => self.with(Effect::Notice(text)),
            None => self,
        }
    }

    /// Whether anything beyond the screen changes.
    pub fn is_empty(&self) -> bool {
        self.effects.is_empty() && self.transition.is_none()
    }
}

/// A finished result, as the loop knows it between handing it over and saving it.
pub type ResultId = usize;

/// One screen: its keys, how an action changes it, how it looks. Everything but `bindings`,
/// `update` and `draw` has a default that suits a screen with no clock and no results.
///
/// The stack answers `?` (help, listing this screen's bindings), Ctrl-C and Ctrl-Z for
/// every screen, and asks the screen on `q` ([`Screen::quit`]).
pub trait Screen: Any {
    /// The keys that act now, and what each asks for: the one table the keymap, the legend
    /// and this screen's help are made from.
    fn bindings(&self) -> &'static [Binding];

    /// Applies one action at clock time `now`.
    fn update(&mut self, action: Action, cx: &Context, now: Millis) -> Update;

    /// Draws the screen in `area`, above the legend line, as it stands at `now`.
    fn draw(&self, frame: &mut Frame, area: Rect, cx: &Context, now: Millis);

    /// A key the screen's bindings do not name, offered to a screen that is taking text
    /// (a typed reply): `Some` when the screen took it, with what follows. Screens that
    /// take no text keep the default, and such a key does nothing there.
    fn input(&mut self, _key: KeyEvent, _cx: &Context, _now: Millis) -> Option<Update> {
        None
    }

    /// The trainee pressed `q`: by default the trainer ends; a screen with something to
    /// lose asks first.
    fn quit(&mut self) -> Update {
        Update::quit()
    }

    /// Lets the clock reach `now` (on top of the stack only).
    fn tick(&mut self, _cx: &Context, _now: Millis) -> Update {
        Update::none()
    }

    /// When this screen's clock runs out, if it runs against one.
    fn deadline(&self) -> Option<Millis> {
        None
    }

    /// How long the loop may wait for a key before this screen changes by itself; `None`
    /// when it never does. `top` is the screen on top of the stack (this one, when it is).
    fn next_wake(&self, _now: Millis, _top: &dyn Screen) -> Option<Duration> {
        None
    }

    /// For a screen under others: draws around them, and returns the part of `area` they
    /// are drawn in. `top` is the screen on top. By default they have it all.
    fn frame_above(
        &self,
        _frame: &mut Frame,
        area: Rect,
        _cx: &Context,
        _top: &dyn Screen,
        _now: Millis,
    ) -> Rect {
        area
    }

    /// The screen above this one closed, and this one is on top again.
    fn resumed(&mut self, _cx: &Context, _now: Millis) -> Update {
        Update::none()
    }

    /// A screen handed over a finished conversation's report (told to every screen on the
    /// stack, so that a drill under its scenarios can count them).
    fn finished(&mut self, _id: ResultId, _report: &Report) {}

    /// How saving result `id` went: the session id, or why it failed.
    fn saved(&mut self, _id: ResultId, _outcome: &Result<i64, String>) {}

    /// A watched scenario file loaded again (`play FILE --watch`): its new version. A
    /// screen showing it takes it in; a transition is carried out only from the top screen.
    fn reload(
        &mut self,
        _scenario: &Arc<ValidScenario>,
        _file: &str,
        _cx: &Context,
        _now: Millis,
    ) -> Update {
        Update::none()
    }
}

impl dyn Screen {
    /// This screen as its own type, if it is one.
    pub fn downcast_ref<T: Screen>(&self) -> Option<&T> {
        (self as &dyn Any).downcast_ref()
    }

    pub fn downcast_mut<T: Screen>(&mut self) -> Option<&mut T> {
        (self as &mut dyn Any).downcast_mut()
    }
}

/// How many lines PgUp and PgDn move in a scrolled panel.
pub const PAGE: u16 = 10;

/// Scrolls by one action, within `0..=limit`.
pub fn scroll_by(scroll: &mut u16, action: Action, limit: u16) {
    let moved = match action {
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll.saturating_add(1),
        Action::PageUp => scroll.saturating_sub(PAGE),
        Action::PageDown => scroll.saturating_add(PAGE),
        Action::Top => 0,
        Action::Bottom => limit,
        _ => *scroll,
    };
    *scroll = moved.min(limit);
}
