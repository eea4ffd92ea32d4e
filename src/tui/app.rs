//! The trainer's state and how actions change it. `update` is pure apart from the clock time
//! it is handed: no terminal here, so whole sessions can be driven in tests.

use std::cell::{Cell, RefCell};
use std::sync::Arc;

use crate::engine::Feedback;
use crate::engine::{Conversation, Millis, Place, Report};
use crate::i18n::{Lang, Strings, fill};
use crate::rules::Rulebook;
use crate::scenario::measure::best_path_decisions;
use crate::scenario::{ClientType, Library, Problem, ValidScenario};

use super::keymap::{self, Action, Binding};
use super::theme::Theme;

/// How many lines PgUp and PgDn move.
const PAGE: u16 = 10;

pub struct App {
    /// Every scenario on offer, in every language.
    pub scenarios: Vec<Arc<ValidScenario>>,
    /// Decisions on each scenario's best path, by index in `scenarios`.
    pub lengths: Vec<Option<usize>>,
    /// The trainee's language, and the trainer's words in it.
    pub lang: Lang,
    pub strings: &'static Strings,
    /// The home screen's filters.
    pub type_filter: Option<ClientType>,
    pub lang_filter: LangFilter,
    /// Files from `--scenarios` that could not be loaded.
    pub problems: Vec<Problem>,
    pub rules: Rulebook,
    pub feedback: Feedback,
    /// A fixed seed from `--seed`; without one each conversation takes the clock time.
    pub seed: Option<u64>,
    pub theme: Theme,
    pub screen: Screen,
    pub help: bool,
    /// How far the help is scrolled, and (as the last frame laid it out) how far it can be.
    pub help_scroll: u16,
    pub help_limit: Cell<u16>,
    /// The "leave this conversation?" question is open; `true` quits after leaving.
    pub confirm_leave: Option<bool>,
    pub home_selected: usize,
    pub quit: bool,
    /// The furthest the scrollable text on screen can scroll, as the last frame laid it out.
    pub scroll_limit: Cell<u16>,
    /// The last frame was too small to show the screen: only help and quit act.
    pub too_small: Cell<bool>,
    /// Why the watched scenario file cannot be loaded, shown until it loads again.
    pub load_errors: Vec<Problem>,
    /// A one-line note for the trainee, such as "reloaded".
    pub notice: Option<String>,
    /// The time limit per decision of every conversation started, in a timed drill.
    pub time_limit: Option<Millis>,
    /// Reports of conversations finished (their last answer given), for the loop to save.
    pub finished: Vec<Report>,
    /// The keys of the debrief: the trainer's own, or those of a drill's or the history's,
    /// where the debrief leads back rather than home and offers no playing again.
    pub debrief_keys: &'static [Binding],
}

/// Which languages the home screen lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LangFilter {
    /// Each scenario once: in the trainee's language if it has it, else in English.
    Mine,
    /// Only scenarios written in this language.
    Only(Lang),
    /// Every language version of every scenario.
    All,
}

/// One line of the home screen's list.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Index in `App::scenarios`.
    pub index: usize,
    /// Shown in English because the trainee's language has no version of it.
    pub fallback: bool,
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
    /// How far the "what happened" panel is scrolled down.
    pub panel_scroll: u16,
    /// The conversation panel's height in lines and how far back it can scroll, as the last
    /// frame laid it out: PgUp and PgDn move by a page of it.
    pub history_page: Cell<(u16, u16)>,
    /// The options panel as the last frame laid it out; see [`OptionsView`].
    pub options: OptionsView,
}

impl Play {
    /// A conversation on screen from its first line.
    pub fn new(conversation: Conversation) -> Play {
        Play {
            conversation,
            selected: 0,
            showing_consequence: false,
            scroll_back: 0,
            panel_scroll: 0,
            history_page: Cell::new((PAGE + 1, u16::MAX)),
            options: OptionsView::default(),
        }
    }
}

/// Where the options are in their panel, which may hold fewer lines than they take. The
/// frame records the layout (it alone knows the width); keys read it back, so that a digit
/// or Enter chooses only an option the trainee can see, and the list scrolls to the selected
/// one.
#[derive(Debug, Default)]
pub struct OptionsView {
    /// The first line shown.
    pub top: Cell<usize>,
    /// The panel's height in lines; 0 before the first frame.
    pub height: Cell<usize>,
    /// Each option's first line and the line after its last.
    pub spans: RefCell<Vec<(usize, usize)>>,
}

impl OptionsView {
    fn span(&self, option: usize) -> Option<(usize, usize)> {
        self.spans.borrow().get(option).copied()
    }

    /// Whether the trainee can see option `n`: all of it, or, for one taller than the whole
    /// panel, part of it. Before the first frame nothing is known and every option counts
    /// as seen (screens driven without a terminal).
    pub fn shows(&self, option: usize) -> bool {
        let height = self.height.get();
        let Some((start, end)) = self.span(option) else {
            return height == 0;
        };
        let top = self.top.get();
        if end - start > height {
            start < top + height && end > top
        } else {
            start >= top && end <= top + height
        }
    }

    /// Scrolls so that `option` is in view: all of it, or its start when it is taller than
    /// the panel.
    pub fn reveal(&self, option: usize) {
        let (Some((start, end)), height) = (self.span(option), self.height.get()) else {
            return;
        };
        let top = self.top.get();
        if end - start > height || start < top {
            self.top.set(start);
        } else if end > top + height {
            self.top.set(end - height);
        }
    }

    /// Down on `option`: the rest of it first when it is not all in view; `true` when there
    /// was none to see and the selection should move on.
    fn down_within(&self, option: usize) -> bool {
        let (Some((_, end)), height) = (self.span(option), self.height.get()) else {
            return true;
        };
        let top = self.top.get();
        if end > top + height {
            self.top
                .set((top + height.saturating_sub(1).max(1)).min(end - height));
            return false;
        }
        true
    }

    /// Up on `option`: the part of it above first.
    fn up_within(&self, option: usize) -> bool {
        let (Some((start, _)), height) = (self.span(option), self.height.get()) else {
            return true;
        };
        let top = self.top.get();
        if start < top {
            self.top.set(
                top.saturating_sub(height.saturating_sub(1).max(1))
                    .max(start),
            );
            return false;
        }
        true
    }
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
        lang: Lang,
        strings: &'static Strings,
    ) -> App {
        let problems = library.problems.clone();
        let scenarios: Vec<Arc<ValidScenario>> =
            library.scenarios().iter().cloned().map(Arc::new).collect();
        App {
            lengths: scenarios.iter().map(|s| best_path_decisions(s)).collect(),
            scenarios,
            lang,
            strings,
            type_filter: None,
            lang_filter: LangFilter::Mine,
            problems,
            rules,
            feedback,
            seed,
            theme,
            screen: Screen::Home,
            help: false,
            help_scroll: 0,
            help_limit: Cell::new(0),
            confirm_leave: None,
            home_selected: 0,
            quit: false,
            scroll_limit: Cell::new(0),
            too_small: Cell::new(false),
            load_errors: Vec::new(),
            notice: None,
            time_limit: None,
            finished: Vec::new(),
            debrief_keys: keymap::DEBRIEF,
        }
    }

    /// The keys of the screen as it is, help and all: what keys do now.
    pub fn bindings(&self) -> &'static [Binding] {
        if self.too_small.get() {
            keymap::TOO_SMALL
        } else if self.confirm_leave.is_some() {
            keymap::CONFIRM_LEAVE
        } else if self.help {
            keymap::HELP_OPEN
        } else {
            self.screen_bindings()
        }
    }

    /// The keys of the screen under any help or question: what its help lists.
    pub fn screen_bindings(&self) -> &'static [Binding] {
        match &self.screen {
            Screen::Home => keymap::HOME,
            Screen::Briefing { .. } => keymap::BRIEFING,
            Screen::Conversation(play) if play.showing_consequence => keymap::CONSEQUENCE,
            Screen::Conversation(play) if play.conversation.is_finished() => keymap::THE_END,
            Screen::Conversation(_) => keymap::CONVERSATION,
            Screen::Debrief(_) => self.debrief_keys,
        }
    }

    /// The home screen's list under the current filters, in library order.
    pub fn entries(&self) -> Vec<Entry> {
        let mine = self.lang.code();
        let mut out = Vec::new();
        for (index, s) in self.scenarios.iter().enumerate() {
            let m = s.scenario();
            if self.type_filter.is_some_and(|t| t != m.shown_type()) {
                continue;
            }
            let keep = match self.lang_filter {
                LangFilter::All => Some(false),
                LangFilter::Only(lang) => (m.language == lang.code()).then_some(false),
                LangFilter::Mine => {
                    // Each scenario once: in my language, else English, else the first version
                    // the library has of it.
                    let versions = || self.scenarios.iter().filter(|o| o.id() == m.id);
                    let preferred = versions()
                        .find(|o| o.scenario().language == mine)
                        .or_else(|| versions().find(|o| o.scenario().language == "en"))
                        .or_else(|| versions().next());
                    preferred
                        .is_some_and(|p| Arc::ptr_eq(p, s))
                        .then_some(m.language != mine)
                }
            };
            if let Some(fallback) = keep {
                out.push(Entry { index, fallback });
            }
        }
        out
    }

    /// Opens the briefing of the scenario with this id (in the trainee's language when it has
    /// one), as `composure play ID` does.
    pub fn open(&mut self, id: &str) {
        let entries = self.entries();
        let found = entries
            .iter()
            .position(|e| self.scenarios[e.index].id() == id);
        if let Some(at) = found {
            self.home_selected = at;
            let entry = &entries[at];
            if entry.fallback {
                self.notice = Some(fill(
                    &self.strings.fallback_notice,
                    &[("lang", self.lang.name())],
                ));
            }
            self.screen = Screen::Briefing {
                scenario: Arc::clone(&self.scenarios[entry.index]),
                scroll: 0,
            };
        }
    }

    /// Takes in a new version of a watched scenario file: on success the scenario is replaced
    /// wherever it is on screen, keeping the trainee's place; on failure the problems are shown
    /// and the old version stays playable.
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
        let id = scenario.id().to_owned();
        // A watched file is the only scenario on offer, so it replaces whatever is there.
        self.lengths = vec![best_path_decisions(&scenario)];
        self.scenarios = vec![Arc::clone(&scenario)];
        self.home_selected = 0;
        self.lang_filter = LangFilter::All;
        self.notice = Some(fill(&self.strings.reloaded, &[("file", file)]));
        match &mut self.screen {
            Screen::Home => {
                self.open(&id);
            }
            Screen::Briefing {
                scenario: shown, ..
            } => *shown = scenario,
            Screen::Conversation(play) => match play.conversation.reloaded(Arc::clone(&scenario)) {
                // Every answer still stands: carry on from where they lead, and say so when
                // that is not where the trainee was.
                Ok((conversation, place @ (Place::Kept | Place::Lost(_)))) => {
                    if let Place::Lost(node) = place {
                        self.notice = Some(fill(
                            &self.strings.reloaded_lost,
                            &[("file", file), ("node", &node)],
                        ));
                    }
                    play.conversation = conversation;
                    play.selected = 0;
                    play.options.top.set(0);
                    play.showing_consequence =
                        play.showing_consequence && !play.conversation.steps().is_empty();
                }
                // The edit took away an answer already given, or sent one elsewhere: what
                // was said no longer happened in this version. Grading what is left would be
                // a silently shortened grade, so the conversation starts again, and says so.
                Ok((_, Place::Invalidated { .. })) => {
                    let old = &play.conversation;
                    match Conversation::start(scenario, old.seed(), now) {
                        Ok(conversation) => {
                            **play = Play::new(conversation.with_time_limit(self.time_limit));
                            self.notice =
                                Some(fill(&self.strings.reloaded_restart, &[("file", file)]));
                        }
                        Err(e) => {
                            self.notice = Some(fill(
                                &self.strings.reloaded_failed,
                                &[("file", file), ("error", &e.to_string())],
                            ))
                        }
                    }
                }
                Err(e) => {
                    self.notice = Some(fill(
                        &self.strings.reloaded_failed,
                        &[("file", file), ("error", &e.to_string())],
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
                other => self.scroll_help(other),
            }
            return;
        }
        if action == Action::Help {
            self.open_help();
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
                let was_finished = play.conversation.is_finished();
                let (next, leave) = play_update(play, action, now, &self.rules);
                if leave {
                    self.confirm_leave = Some(false);
                }
                // The result exists the moment the last answer is given: it goes to be saved
                // then, not when the debrief opens, so leaving before the debrief loses nothing.
                if !was_finished && play.conversation.is_finished() {
                    self.finished
                        .push(Report::new(&play.conversation, &self.rules));
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

    /// Opens the help at its top.
    pub fn open_help(&mut self) {
        self.help = true;
        self.help_scroll = 0;
    }

    /// ↑↓ in a help taller than the screen.
    pub fn scroll_help(&mut self, action: Action) {
        let limit = self.help_limit.get();
        scroll_by(&mut self.help_scroll, action, limit);
    }

    /// Quits, or asks first when that would drop a conversation in progress. A finished one
    /// is already handed over for saving: nothing is lost, so nothing is asked.
    fn quit_or_ask(&mut self) {
        if matches!(&self.screen, Screen::Conversation(play) if !play.conversation.is_finished()) {
            self.help = false;
            self.confirm_leave = Some(true);
        } else {
            self.quit = true;
        }
    }

    fn home(&mut self, action: Action) -> Option<Screen> {
        let count = self.entries().len();
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
            Action::FilterType => {
                self.type_filter = next_type(self.type_filter);
                self.home_selected = 0;
            }
            Action::FilterLanguage => {
                self.lang_filter = match self.lang_filter {
                    LangFilter::Mine => LangFilter::Only(Lang::ALL[0]),
                    LangFilter::Only(lang) => match Lang::ALL.iter().position(|&l| l == lang) {
                        Some(i) if i + 1 < Lang::ALL.len() => LangFilter::Only(Lang::ALL[i + 1]),
                        _ => LangFilter::All,
                    },
                    LangFilter::All => LangFilter::Mine,
                };
                self.home_selected = 0;
            }
            _ => {}
        }
        None
    }

    fn briefing(&mut self) -> Option<Screen> {
        let entry = self.entries().get(self.home_selected).cloned()?;
        if entry.fallback {
            self.notice = Some(fill(
                &self.strings.fallback_notice,
                &[("lang", self.lang.name())],
            ));
        }
        Some(Screen::Briefing {
            scenario: Arc::clone(&self.scenarios[entry.index]),
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
        Some(Screen::Conversation(Box::new(Play::new(conversation))))
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
        // Leaving a finished conversation loses nothing (it is handed over for saving):
        // straight back to the list; leaving one in progress asks first.
        if play.conversation.is_finished() {
            return (Some(Screen::Home), false);
        }
        return (None, true);
    }
    // A page is the panel's height less a line, so that one line stays in view to read on
    // from, however small the panel.
    let (height, furthest) = play.history_page.get();
    let page = height.saturating_sub(1).max(1);
    match action {
        Action::PageUp => {
            play.scroll_back = play.scroll_back.saturating_add(page).min(furthest);
        }
        Action::PageDown => play.scroll_back = play.scroll_back.saturating_sub(page),
        Action::Bottom => play.scroll_back = 0,
        _ => {}
    }
    if play.showing_consequence {
        match action {
            Action::Confirm => {
                play.showing_consequence = false;
                play.scroll_back = 0;
                play.panel_scroll = 0;
                play.options.top.set(0);
                // The options are in front of the trainee from now: their time starts here.
                play.conversation.present_at(now);
            }
            // The panel's limit is the last frame's (`scroll_limit`), applied when drawn.
            Action::Up => play.panel_scroll = play.panel_scroll.saturating_sub(1),
            Action::Down => play.panel_scroll = play.panel_scroll.saturating_add(1),
            _ => {}
        }
        return (None, false);
    }
    if play.conversation.is_finished() {
        // The client's last words are on screen; Enter moves on to the debrief.
        let next = (action == Action::Confirm).then(|| debrief(play, rules));
        return (next, false);
    }
    let count = play.conversation.turn().options.len();
    let view = &play.options;
    let pick = match action {
        Action::Up => {
            if view.up_within(play.selected) {
                play.selected = play.selected.saturating_sub(1);
                view.reveal(play.selected);
            }
            None
        }
        Action::Down => {
            if view.down_within(play.selected) {
                play.selected = (play.selected + 1).min(count.saturating_sub(1));
                view.reveal(play.selected);
            }
            None
        }
        // Only an option on screen can be chosen; a digit for one out of view brings it
        // into view, selected, for the trainee to read first.
        Action::Pick(n) if n < count && view.shows(n) => Some(n),
        Action::Pick(n) if n < count => {
            play.selected = n;
            view.reveal(n);
            None
        }
        Action::Confirm if view.shows(play.selected) => Some(play.selected),
        Action::Confirm => {
            view.reveal(play.selected);
            None
        }
        _ => None,
    };
    if let Some(n) = pick
        && play.conversation.choose_nth(n, now).is_ok()
    {
        play.selected = 0;
        play.showing_consequence = true;
        play.scroll_back = 0;
        play.panel_scroll = 0;
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

/// The next client-type filter: all, then each type in turn.
fn next_type(current: Option<ClientType>) -> Option<ClientType> {
    use crate::authoring::starter::ALL_TYPES;
    match current {
        None => ALL_TYPES.first().copied(),
        Some(kind) => {
            let i = ALL_TYPES
                .iter()
                .position(|&k| k == kind)
                .unwrap_or(ALL_TYPES.len());
            ALL_TYPES.get(i + 1).copied()
        }
    }
}
