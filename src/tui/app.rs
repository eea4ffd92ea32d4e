//! The trainer's state and how actions change it. `update` is pure apart from the clock time
//! it is handed: no terminal here, so whole sessions can be driven in tests.

use std::cell::Cell;
use std::sync::Arc;

use crate::cli::Feedback;
use crate::engine::{Conversation, Millis, Place, Report};
use crate::rules::Rulebook;
use crate::scenario::{Library, Problem, ValidScenario};

use super::keymap::Action;
use super::theme::Theme;

/// How many lines PgUp and PgDn move.
const PAGE: u16 = 10;

pub struct App {
    pub scenarios: Vec<Arc<ValidScenario>>,
    /// Files from `--scenarios` that could not be loaded.
    pub problems: Vec<Problem>,
    pub rules: Rulebook,
    pub feedback: Feedback,
    /// A fixed seed from `--seed`; without one each conversation takes the clock time.
    pub seed: Option<u64>,
    pub theme: Theme,
    pub screen: Screen,
    pub help: bool,
    /// The "leave this conversation?" question is open; `true` quits after leaving.
    pub confirm_leave: Option<bool>,
    pub home_selected: usize,
    pub quit: bool,
    /// The furthest the scrollable text on screen can scroll, as the last frame laid it out.
    pub scroll_limit: Cell<u16>,
    /// Why the watched scenario file cannot be loaded, shown until it loads again.
    pub load_errors: Vec<Problem>,
    /// A one-line note for the trainee, such as "reloaded".
    pub notice: Option<String>,
    /// The time limit per decision of every conversation started, in a timed drill.
    pub time_limit: Option<Millis>,
    /// Reports of conversations that reached their debrief, for the event loop to save.
    pub finished: Vec<Report>,
}

pub enum Screen {
    Home,
    Briefing {
        scenario: Arc<ValidScenario>,
        scroll: u16,
    },
    Conversation(Box<Play>),
    Debrief(Box<Debrief>),
}

/// A conversation on screen.
pub struct Play {
    pub conversation: Conversation,
    /// The highlighted option, by its position on screen.
    pub selected: usize,
    /// After a choice: the consequence (and coaching) is shown until the trainee continues.
    pub showing_consequence: bool,
    /// How many lines the trainee has scrolled back through the conversation.
    pub scroll_back: u16,
}

pub struct Debrief {
    pub scenario: Arc<ValidScenario>,
    pub report: Report,
    pub scroll: u16,
}

impl App {
    pub fn new(
        library: Library,
        rules: Rulebook,
        feedback: Feedback,
        seed: Option<u64>,
        theme: Theme,
    ) -> App {
        let problems = library.problems.clone();
        App {
            scenarios: library.scenarios().iter().cloned().map(Arc::new).collect(),
            problems,
            rules,
            feedback,
            seed,
            theme,
            screen: Screen::Home,
            help: false,
            confirm_leave: None,
            home_selected: 0,
            quit: false,
            scroll_limit: Cell::new(0),
            load_errors: Vec::new(),
            notice: None,
            time_limit: None,
            finished: Vec::new(),
        }
    }

    /// Opens the briefing of the scenario with this id, as `composure play ID` does.
    pub fn open(&mut self, id: &str) {
        if let Some(i) = self.scenarios.iter().position(|s| s.id() == id) {
            self.home_selected = i;
            self.screen = Screen::Briefing {
                scenario: Arc::clone(&self.scenarios[i]),
                scroll: 0,
            };
        }
    }

    /// Takes in a new version of a watched scenario file: on success the scenario is replaced
    /// wherever it is on screen, keeping the trainee's place; on failure the problems are shown
    /// and the old version stays playable.
    pub fn reload(
        &mut self,
        loaded: Result<ValidScenario, Vec<Problem>>,
        file: &str,
        _now: Millis,
    ) {
        let scenario = match loaded {
            Ok(scenario) => Arc::new(scenario),
            Err(problems) => {
                self.load_errors = problems;
                self.notice = None;
                return;
            }
        };
        self.load_errors.clear();
        let id = scenario.id().to_owned();
        // A watched file is the only scenario on offer, so it replaces whatever is there.
        self.scenarios = vec![Arc::clone(&scenario)];
        self.home_selected = 0;
        self.notice = Some(format!("reloaded {file}"));
        match &mut self.screen {
            Screen::Home => {
                self.open(&id);
            }
            Screen::Briefing {
                scenario: shown, ..
            } => *shown = scenario,
            Screen::Conversation(play) => match play.conversation.reloaded(scenario) {
                Ok((conversation, place)) => {
                    if let Place::Lost(node) = place {
                        self.notice = Some(format!(
                            "reloaded {file}: \"{node}\" is gone, so you are as far as your choices still lead"
                        ));
                    }
                    play.conversation = conversation;
                    play.selected = 0;
                    play.showing_consequence =
                        play.showing_consequence && !play.conversation.steps().is_empty();
                }
                Err(e) => {
                    self.notice = Some(format!(
                        "reloaded {file}, but the conversation could not continue: {e}"
                    ))
                }
            },
            Screen::Debrief(_) => {}
        }
    }

    /// Applies one action at clock time `now`.
    pub fn update(&mut self, action: Action, now: Millis) {
        self.notice = None;
        if action == Action::ForceQuit {
            self.quit = true;
            return;
        }
        if let Some(then_quit) = self.confirm_leave {
            match action {
                Action::Yes => {
                    self.confirm_leave = None;
                    self.screen = Screen::Home;
                    self.quit = then_quit;
                }
                Action::No | Action::Back => self.confirm_leave = None,
                _ => {}
            }
            return;
        }
        if self.help {
            match action {
                Action::Help | Action::Back | Action::Confirm => self.help = false,
                Action::Quit => self.quit_or_ask(),
                _ => {}
            }
            return;
        }
        if action == Action::Help {
            self.help = true;
            return;
        }
        if action == Action::Quit {
            self.quit_or_ask();
            return;
        }
        let limit = self.scroll_limit.get();
        let next = match &mut self.screen {
            Screen::Home => self.home(action),
            Screen::Briefing { scenario, scroll } => {
                let scenario = Arc::clone(scenario);
                match action {
                    Action::Confirm => self.start(scenario, now),
                    Action::Back => Some(Screen::Home),
                    other => {
                        scroll_by(scroll, other, limit);
                        None
                    }
                }
            }
            Screen::Conversation(play) => {
                let (next, leave) = play_update(play, action, now, &self.rules);
                if leave {
                    self.confirm_leave = Some(false);
                }
                if let Some(Screen::Debrief(debrief)) = &next {
                    self.finished.push(debrief.report.clone());
                }
                next
            }
            Screen::Debrief(debrief) => match action {
                Action::Confirm | Action::Back => Some(Screen::Home),
                Action::Again => Some(Screen::Briefing {
                    scenario: Arc::clone(&debrief.scenario),
                    scroll: 0,
                }),
                other => {
                    scroll_by(&mut debrief.scroll, other, limit);
                    None
                }
            },
        };
        if let Some(screen) = next {
            self.screen = screen;
        }
    }

    fn quit_or_ask(&mut self) {
        if matches!(self.screen, Screen::Conversation(_)) {
            self.help = false;
            self.confirm_leave = Some(true);
        } else {
            self.quit = true;
        }
    }

    fn home(&mut self, action: Action) -> Option<Screen> {
        let count = self.scenarios.len();
        match action {
            Action::Up => self.home_selected = self.home_selected.saturating_sub(1),
            Action::Down => {
                self.home_selected = (self.home_selected + 1).min(count.saturating_sub(1))
            }
            Action::Top => self.home_selected = 0,
            Action::Bottom => self.home_selected = count.saturating_sub(1),
            Action::Pick(n) if n < count => {
                self.home_selected = n;
                return self.briefing();
            }
            Action::Confirm => return self.briefing(),
            _ => {}
        }
        None
    }

    fn briefing(&self) -> Option<Screen> {
        self.scenarios
            .get(self.home_selected)
            .map(|s| Screen::Briefing {
                scenario: Arc::clone(s),
                scroll: 0,
            })
    }

    fn start(&self, scenario: Arc<ValidScenario>, now: Millis) -> Option<Screen> {
        let seed = self.seed.unwrap_or(now);
        // A validated scenario always starts; should it not, staying on the briefing is the
        // honest thing to show.
        let conversation = Conversation::start(scenario, seed, now)
            .ok()?
            .with_time_limit(self.time_limit);
        Some(Screen::Conversation(Box::new(Play {
            conversation,
            selected: 0,
            showing_consequence: false,
            scroll_back: 0,
        })))
    }
}

/// One action during a conversation: the next screen, if any, and whether to ask to leave.
fn play_update(
    play: &mut Play,
    action: Action,
    now: Millis,
    rules: &Rulebook,
) -> (Option<Screen>, bool) {
    if action == Action::Back {
        return (None, true);
    }
    match action {
        Action::PageUp => play.scroll_back = play.scroll_back.saturating_add(PAGE),
        Action::PageDown => play.scroll_back = play.scroll_back.saturating_sub(PAGE),
        Action::Bottom => play.scroll_back = 0,
        _ => {}
    }
    if play.showing_consequence {
        if action == Action::Confirm {
            play.showing_consequence = false;
            play.scroll_back = 0;
            // The options are in front of the trainee from now: their time starts here.
            play.conversation.present_at(now);
        }
        return (None, false);
    }
    if play.conversation.is_finished() {
        // The client's last words are on screen; Enter moves on to the debrief.
        let next = (action == Action::Confirm).then(|| debrief(play, rules));
        return (next, false);
    }
    let count = play.conversation.turn().options.len();
    let pick = match action {
        Action::Up => {
            play.selected = play.selected.saturating_sub(1);
            None
        }
        Action::Down => {
            play.selected = (play.selected + 1).min(count.saturating_sub(1));
            None
        }
        Action::Pick(n) if n < count => Some(n),
        Action::Confirm => Some(play.selected),
        _ => None,
    };
    if let Some(n) = pick
        && play.conversation.choose_nth(n, now).is_ok()
    {
        play.selected = 0;
        play.showing_consequence = true;
        play.scroll_back = 0;
    }
    (None, false)
}

fn debrief(play: &Play, rules: &Rulebook) -> Screen {
    Screen::Debrief(Box::new(Debrief {
        scenario: play.conversation.shared_scenario(),
        report: Report::new(&play.conversation, rules),
        scroll: 0,
    }))
}

fn scroll_by(scroll: &mut u16, action: Action, limit: u16) {
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
