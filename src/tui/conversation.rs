//! The conversation screen: the client's mood, what has been said so far, and either the
//! options to answer with or what happened after the last answer (with the coaching, when
//! feedback is immediate). Its result is handed over the moment the last answer is given;
//! Enter on the client's last words opens the debrief in its place. Leaving a conversation
//! in progress asks first.

use std::cell::{Cell, RefCell};
use std::sync::Arc;
use std::time::Duration;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::debrief::Debrief;
use super::keymap::{
    Action, Binding, Does, ENTER, ESC, HELP, PAGES, QUIT, SELECT, UP_DOWN, bind, digits,
};
use super::screen::{Context, Effect, PAGE, Screen, Update};
use super::text::{clean, hanging, truncate};
use super::typed::Typing;
use super::view::{centred, more_signs, panel};
use crate::engine::{Conversation, Feedback, Millis, Place, Report};
use crate::i18n::Args;
use crate::scenario::{Choice, Client, Node, STATE_MAX, STATE_MIN, ValidScenario, Verdict};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// How a conversation is played, as whoever opens it decides: the trainer, or a drill.
#[derive(Debug, Clone, Copy)]
pub struct Setup {
    /// A fixed seed; without one each conversation takes the clock time.
    pub seed: Option<u64>,
    /// The time limit per decision, in a timed drill.
    pub time_limit: Option<Millis>,
    pub feedback: Feedback,
    /// The debrief's keys after the client's last words; `None` for no debrief (a drill
    /// with its coaching at the end moves straight on).
    pub debrief: Option<&'static [Binding]>,
    /// Replies are typed in the trainee's own words, not chosen from the list
    /// ([`Typing`]).
    pub typed: bool,
}

/// A conversation on screen.
pub struct Play {
    pub conversation: Conversation,
    pub setup: Setup,
    /// The highlighted option, by its position on screen.
    pub selected: usize,
    /// After a choice: the consequence (and coaching) is shown until the trainee continues.
    pub showing_consequence: bool,
    /// How many lines the trainee has scrolled back through the conversation.
    pub scroll_back: u16,
    /// How far the "what happened" panel is scrolled down, and (as the last frame laid it
    /// out) how far it can be.
    pub panel_scroll: u16,
    pub panel_limit: Cell<u16>,
    /// The conversation panel's height in lines and how far back it can scroll, as the last
    /// frame laid it out: PgUp and PgDn move by a page of it.
    pub history_page: Cell<(u16, u16)>,
    /// The options panel as the last frame laid it out; see [`OptionsView`].
    pub options: OptionsView,
    /// The "leave this conversation?" question is open; `true` quits after leaving.
    pub confirm_leave: Option<bool>,
    /// In typed mode: the reply being written, or the question about an unclear one.
    pub typing: Option<Box<Typing>>,
}

/// The options in front of the trainee.
pub const CONVERSATION: &[Binding] = &[
    digits(Does::Choose),
    SELECT,
    bind("PgUp/PgDn", PAGES, Does::History),
    bind("Esc", ESC, Does::Leave),
    HELP,
    QUIT,
];

/// After an answer: what happened, and the coaching.
pub const CONSEQUENCE: &[Binding] = &[
    bind("Enter", ENTER, Does::Continue),
    bind("↑↓", UP_DOWN, Does::ScrollHappened),
    bind("PgUp/PgDn", PAGES, Does::History),
    bind("Esc", ESC, Does::Leave),
    HELP,
    QUIT,
];

/// The client's last words, before the debrief.
pub const THE_END: &[Binding] = &[
    bind("Enter", ENTER, Does::Debrief),
    bind("PgUp/PgDn", PAGES, Does::History),
    bind("Esc", ESC, Does::Leave),
    HELP,
    QUIT,
];

/// "Leave this conversation?"
pub const CONFIRM_LEAVE: &[Binding] = &[
    bind("y", &[(KeyCode::Char('y'), Action::Yes)], Does::YesLeave),
    bind(
        "n",
        &[(KeyCode::Char('n'), Action::No), (KeyCode::Esc, Action::No)],
        Does::NoStay,
    ),
];

impl Play {
    /// A conversation on screen from its first line.
    pub fn new(conversation: Conversation, setup: Setup) -> Play {
        Play {
            conversation,
            setup,
            selected: 0,
            showing_consequence: false,
            scroll_back: 0,
            panel_scroll: 0,
            panel_limit: Cell::new(0),
            history_page: Cell::new((PAGE + 1, u16::MAX)),
            options: OptionsView::default(),
            confirm_leave: None,
            typing: setup.typed.then(Box::default),
        }
    }

    /// Lets the clock reach `now`: a decision whose time ran out becomes a silence. Returns
    /// whether one did.
    fn clock(&mut self, now: Millis) -> bool {
        // While Composure asks which option an unclear reply meant, the reply has been given:
        // the question is Composure's, and its time is not the trainee's.
        if self.showing_consequence || self.asking() || self.conversation.tick(now) == 0 {
            return false;
        }
        self.selected = 0;
        true
    }

    /// One action while no question is open.
    fn act(&mut self, action: Action, cx: &Context, now: Millis) -> Update {
        // The question about an unclear reply has its own keys: Esc there writes again.
        if self.asking() {
            return self.act_typed(action, now);
        }
        if action == Action::Back {
            // Leaving a finished conversation loses nothing (it is handed over for saving):
            // straight out; leaving one in progress asks first.
            if self.conversation.is_finished() {
                return Update::pop();
            }
            self.confirm_leave = Some(false);
            return Update::none();
        }
        // A page is the panel's height less a line, so that one line stays in view to read
        // on from, however small the panel.
        let (height, furthest) = self.history_page.get();
        let page = height.saturating_sub(1).max(1);
        match action {
            Action::PageUp => {
                self.scroll_back = self.scroll_back.saturating_add(page).min(furthest);
            }
            Action::PageDown => self.scroll_back = self.scroll_back.saturating_sub(page),
            Action::Bottom => self.scroll_back = 0,
            _ => {}
        }
        if self.showing_consequence {
            match action {
                Action::Confirm => {
                    self.showing_consequence = false;
                    self.scroll_back = 0;
                    self.panel_scroll = 0;
                    self.options.top.set(0);
                    // The options are in front of the trainee from now: their time starts here.
                    self.conversation.present_at(now);
                }
                // The panel's limit is the last frame's, applied when drawn.
                Action::Up => self.panel_scroll = self.panel_scroll.saturating_sub(1),
                Action::Down => self.panel_scroll = self.panel_scroll.saturating_add(1),
                _ => {}
            }
            return Update::none();
        }
        if self.conversation.is_finished() {
            // The client's last words are on screen; Enter moves on to the debrief.
            if action != Action::Confirm {
                return Update::none();
            }
            return match self.setup.debrief {
                Some(keys) => Update::replace(Debrief::new(
                    Report::new(&self.conversation, &cx.rules),
                    keys,
                    Some((self.conversation.shared_scenario(), self.setup)),
                )),
                None => Update::pop(),
            };
        }
        if self.typing.is_some() {
            return self.act_typed(action, now);
        }
        let count = self.conversation.turn().options.len();
        let pick = self.options.act(action, &mut self.selected, count);
        if let Some(n) = pick
            && self.conversation.choose_nth(n, now).is_ok()
        {
            self.selected = 0;
            self.showing_consequence = true;
            self.scroll_back = 0;
            self.panel_scroll = 0;
        }
        Update::none()
    }
}

impl Screen for Play {
    fn bindings(&self) -> &'static [Binding] {
        if self.confirm_leave.is_some() {
            CONFIRM_LEAVE
        } else if let Some(typed) = self.typed_bindings() {
            typed
        } else if self.showing_consequence {
            CONSEQUENCE
        } else if self.conversation.is_finished() {
            THE_END
        } else {
            CONVERSATION
        }
    }

    fn update(&mut self, action: Action, cx: &Context, now: Millis) -> Update {
        // A key pressed after the deadline answers the silence, not the question.
        self.clock(now);
        if let Some(then_quit) = self.confirm_leave {
            match action {
                Action::Yes if then_quit => return Update::quit(),
                Action::Yes => return Update::pop(),
                Action::No | Action::Back => self.confirm_leave = None,
                _ => {}
            }
            return Update::none();
        }
        let was_finished = self.conversation.is_finished();
        let update = self.act(action, cx, now);
        // The result exists the moment the last answer is given: it goes to be saved then,
        // not when the debrief opens, so leaving before the debrief loses nothing.
        if !was_finished && self.conversation.is_finished() {
            let report = Report::new(&self.conversation, &cx.rules);
            return update.with(Effect::Finished(Box::new(report)));
        }
        update
    }

    /// Typed mode: the keys no binding names are the reply being written.
    fn input(&mut self, key: KeyEvent, _cx: &Context, now: Millis) -> Option<Update> {
        self.clock(now);
        self.type_key(key)
    }

    /// Quitting asks first when that would drop a conversation in progress. A finished one
    /// is already handed over for saving: nothing is lost, so nothing is asked.
    fn quit(&mut self) -> Update {
        if self.conversation.is_finished() {
            return Update::quit();
        }
        self.confirm_leave = Some(true);
        Update::none()
    }

    fn tick(&mut self, cx: &Context, now: Millis) -> Update {
        if !self.clock(now) {
            return Update::none();
        }
        let client = &self.conversation.scenario().scenario().client;
        Update::notice(
            cx.msg(
                "drill-time-ran-out",
                &Args::new()
                    .text("client", client.name.as_str())
                    .gender(client.gender),
            ),
        )
    }

    /// The clock runs only while the options are in front of the trainee.
    fn deadline(&self) -> Option<Millis> {
        if self.showing_consequence || self.asking() {
            return None;
        }
        self.conversation.deadline()
    }

    fn next_wake(&self, now: Millis, _top: &dyn Screen) -> Option<Duration> {
        let deadline = self.deadline()?;
        Some(Duration::from_millis(deadline.saturating_sub(now)))
    }

    fn draw(&self, frame: &mut Frame, area: Rect, cx: &Context, _now: Millis) {
        draw(cx, frame, area, self);
        if let Some(then_quit) = self.confirm_leave {
            confirm(cx, frame, area, then_quit);
        }
    }

    /// The watched file is the scenario being played: every answer that still stands
    /// carries over; when one no longer does, the conversation starts again, and says so.
    fn reload(
        &mut self,
        scenario: &Arc<ValidScenario>,
        file: &str,
        cx: &Context,
        now: Millis,
    ) -> Update {
        let failed = |e: &dyn std::fmt::Display| {
            Update::notice(cx.msg(
                "reloaded-failed",
                &Args::new().text("file", file).text("error", e.to_string()),
            ))
        };
        match self.conversation.reloaded(Arc::clone(scenario)) {
            // Every answer still stands: carry on from where they lead, and say so when
            // that is not where the trainee was.
            Ok((conversation, place @ (Place::Kept | Place::Lost(_)))) => {
                self.conversation = conversation;
                self.selected = 0;
                self.options.top.set(0);
                // The options asked about may be gone: the trainee's words stay, to send again.
                if let Some(typing) = self.typing.as_mut() {
                    typing.asking = None;
                }
                self.showing_consequence =
                    self.showing_consequence && !self.conversation.steps().is_empty();
                match place {
                    Place::Lost(node) => Update::notice(cx.msg(
                        "reloaded-lost",
                        &Args::new().text("file", file).text("node", node),
                    )),
                    _ => Update::none(),
                }
            }
            // The edit took away an answer already given, or sent one elsewhere: what was
            // said no longer happened in this version. Grading what is left would be a
            // silently shortened grade, so the conversation starts again, and says so.
            Ok((_, Place::Invalidated { .. })) => {
                match Conversation::start(Arc::clone(scenario), self.conversation.seed(), now) {
                    Ok(conversation) => {
                        let setup = self.setup;
                        let confirm = self.confirm_leave;
                        *self = Play::new(conversation.with_time_limit(setup.time_limit), setup);
                        self.confirm_leave = confirm;
                        Update::notice(cx.msg("reloaded-restart", &Args::new().text("file", file)))
                    }
                    Err(e) => failed(&e),
                }
            }
            Err(e) => failed(&e),
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
    /// Moves the selection among `count` options, or picks one: only an option on screen
    /// can be picked; a digit for one out of view brings it into view, selected, for the
    /// trainee to read first. An option taller than the view is scrolled through before the
    /// selection moves on. Used by the list of options and by the typed-reply question.
    pub(super) fn act(&self, action: Action, selected: &mut usize, count: usize) -> Option<usize> {
        match action {
            Action::Up => {
                if self.up_within(*selected) {
                    *selected = selected.saturating_sub(1);
                    self.reveal(*selected);
                }
                None
            }
            Action::Down => {
                if self.down_within(*selected) {
                    *selected = (*selected + 1).min(count.saturating_sub(1));
                    self.reveal(*selected);
                }
                None
            }
            Action::Pick(n) if n < count && self.shows(n) => Some(n),
            Action::Pick(n) if n < count => {
                *selected = n;
                self.reveal(n);
                None
            }
            Action::Confirm if self.shows(*selected) => Some(*selected),
            Action::Confirm => {
                self.reveal(*selected);
                None
            }
            _ => None,
        }
    }

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

fn draw(cx: &Context, frame: &mut Frame, area: Rect, play: &Play) {
    let conversation = &play.conversation;
    let scenario = conversation.scenario().scenario();
    let [header, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    draw_header(cx, frame, header, play);

    let inner_width = usize::from(rest.width.saturating_sub(2));
    // In typed mode, at a decision, the reply panel takes the options' place.
    let typing = play.typing.as_deref().filter(|_| play.deciding());
    let bottom = bottom_lines(cx, play, inner_width);
    // The answer panel takes what it needs, leaving the conversation at least two fifths
    // (and never fewer than four rows, the client's latest words among them); what does
    // not fit scrolls.
    let keep = (rest.height * 2 / 5).max(4);
    let wanted = match typing {
        Some(typing) => typing.wanted_height(cx, &play.conversation, inner_width),
        None => bottom.lines.len() + 2 + usize::from(bottom.footer.is_some()),
    };
    let room = usize::from(rest.height.saturating_sub(keep)).max(3);
    let bottom_height = u16::try_from(wanted.min(room)).unwrap_or(3);
    let [history_area, answer_area] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(bottom_height)]).areas(rest);

    // The conversation so far, scrolled to the latest line unless the trainee scrolled back.
    let name = &scenario.client.name;
    let mut lines: Vec<Line> = Vec::new();
    let steps = conversation.steps();
    for (i, step) in steps.iter().enumerate() {
        push_client(cx, &mut lines, name, &step.turn.line, inner_width);
        if step.hesitated {
            lines.extend(silence_lines(cx, &scenario.client, inner_width));
        } else if let Some(choice) =
            find_choice(conversation.scenario().node(&step.turn.node), &step.chosen)
        {
            match &step.typed {
                // What the trainee typed, and the option it counts as.
                // The latest one's reading is in the panel below while it is open.
                Some(reply) => lines.extend(super::typed::said_lines(
                    cx,
                    reply,
                    (!(i + 1 == steps.len() && play.showing_consequence)).then_some(&*choice.text),
                    inner_width,
                )),
                None => lines.extend(hanging(
                    Span::styled(format!(" {}: ", cx.text("you")), cx.theme.you),
                    &choice.text,
                    cx.theme.you,
                    inner_width,
                )),
            }
            let latest = i + 1 == steps.len();
            if !(latest && play.showing_consequence) {
                lines.extend(hanging(
                    Span::raw("   "),
                    &choice.consequence,
                    cx.theme.narration,
                    inner_width,
                ));
            }
        }
        lines.push(Line::raw(""));
    }
    if !play.showing_consequence {
        push_client(cx, &mut lines, name, &conversation.turn().line, inner_width);
    }
    let height = usize::from(history_area.height.saturating_sub(2));
    let bottom_scroll = lines.len().saturating_sub(height);
    play.history_page.set((
        u16::try_from(height).unwrap_or(u16::MAX),
        u16::try_from(bottom_scroll).unwrap_or(u16::MAX),
    ));
    let scroll = bottom_scroll.saturating_sub(usize::from(play.scroll_back));
    let block = more_signs(
        cx,
        panel(cx, format!(" {} ", cx.text("conversation"))),
        scroll > 0,
        scroll < bottom_scroll,
    );
    let scroll = u16::try_from(scroll).unwrap_or(u16::MAX);
    frame.render_widget(
        Paragraph::new(lines).block(block).scroll((scroll, 0)),
        history_area,
    );

    if let Some(typing) = typing {
        typing.draw(cx, frame, answer_area, play);
        return;
    }
    let block = panel(cx, bottom.title);
    let inner = block.inner(answer_area);
    let [text_area, footer_area] = Layout::vertical([
        Constraint::Min(0),
        Constraint::Length(u16::from(bottom.footer.is_some())),
    ])
    .areas(inner);
    let shown = usize::from(text_area.height);
    let total = bottom.lines.len();
    let top = if bottom.options.is_empty() {
        // The consequence and coaching: scrolled by the trainee, within what there is.
        let limit = total.saturating_sub(shown);
        play.panel_limit
            .set(u16::try_from(limit).unwrap_or(u16::MAX));
        usize::from(play.panel_scroll).min(limit)
    } else {
        // The options: scrolled so that the selected one is in view.
        let view = &play.options;
        view.height.set(shown);
        *view.spans.borrow_mut() = bottom.options;
        view.top
            .set(view.top.get().min(total.saturating_sub(shown)));
        if !view.shows(play.selected) {
            view.reveal(play.selected);
        }
        view.top.get()
    };
    let block = more_signs(cx, block, top > 0, top + shown < total);
    frame.render_widget(block, answer_area);
    let visible: Vec<Line> = bottom.lines.into_iter().skip(top).take(shown).collect();
    frame.render_widget(Paragraph::new(visible), text_area);
    if let Some(footer) = bottom.footer {
        frame.render_widget(Paragraph::new(footer), footer_area);
    }
}

fn push_client<'a>(cx: &Context, lines: &mut Vec<Line<'a>>, name: &str, line: &str, width: usize) {
    let prefix = Span::styled(
        format!(" {}: ", clean(name)),
        cx.theme.client.add_modifier(ratatui::style::Modifier::BOLD),
    );
    lines.extend(hanging(prefix, line, cx.theme.client, width));
}

/// A decision let pass in a timed drill: the trainee said nothing and the client felt it.
fn silence_lines<'a>(cx: &Context, client: &Client, width: usize) -> Vec<Line<'a>> {
    let mut lines = hanging(
        Span::styled(format!(" {}: ", cx.text("you")), cx.theme.you),
        &format!("({})", cx.text("silence")),
        cx.theme.bad,
        width,
    );
    lines.extend(hanging(
        Span::raw("   "),
        &cx.msg(
            "silence-waits",
            &Args::new()
                .text("client", client.name.as_str())
                .gender(client.gender),
        ),
        cx.theme.narration,
        width,
    ));
    lines
}

fn find_choice<'a>(node: Option<&'a Node>, id: &str) -> Option<&'a Choice> {
    match node {
        Some(Node::Decision { choices, .. }) => choices.iter().find(|c| c.id == id),
        _ => None,
    }
}

fn draw_header(cx: &Context, frame: &mut Frame, area: Rect, play: &Play) {
    let m = play.conversation.scenario().scenario();
    let mood = play.conversation.state().mood;
    let gender = m.client.gender;
    let steps = (STATE_MAX - STATE_MIN + 1) as usize;
    // The mood comes from the file and the engine; clamp it rather than trust either.
    let filled = usize::try_from(i16::from(mood) - i16::from(STATE_MIN) + 1).unwrap_or(0);
    let gauge: String = (0..steps)
        .map(|i| if i < filled { '●' } else { '○' })
        .collect();
    let right = format!(
        "{} ",
        cx.messages().msg(
            "mood-gauge",
            &Args::new()
                .text("gauge", gauge)
                .text("mood", cx.messages().mood(mood, gender))
        )
    );
    let width = usize::from(area.width);
    let left = truncate(
        &format!(" {} · {}", m.title, m.client.name),
        width.saturating_sub(right.width() + 1),
    );
    let gap = width.saturating_sub(left.width() + right.width());
    let line = Line::from(vec![
        Span::styled(left, cx.theme.title),
        Span::raw(" ".repeat(gap)),
        Span::styled(right, cx.theme.mood(mood)),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

struct Bottom<'a> {
    title: String,
    lines: Vec<Line<'a>>,
    /// Each option's first line and the line after its last, when the lines are options.
    options: Vec<(usize, usize)>,
    /// A line kept in view below the text however it scrolls: the prompt to continue.
    footer: Option<Line<'a>>,
}

fn bottom_lines<'a>(cx: &Context, play: &Play, width: usize) -> Bottom<'a> {
    let conversation = &play.conversation;
    let t = &cx.theme;
    if play.showing_consequence {
        let Some(step) = conversation.steps().last() else {
            return Bottom {
                title: String::new(),
                lines: Vec::new(),
                options: Vec::new(),
                footer: None,
            };
        };
        let choice = find_choice(conversation.scenario().node(&step.turn.node), &step.chosen);
        let mut lines = Vec::new();
        if let (Some(reply), Some(choice)) = (&step.typed, choice) {
            lines.extend(super::typed::read_as_lines(cx, reply, &choice.text, width));
        }
        if let Some(choice) = choice {
            lines.extend(hanging(
                Span::raw(" "),
                &choice.consequence,
                t.narration,
                width,
            ));
            if play.setup.feedback == Feedback::Now {
                lines.push(Line::raw(""));
                for verdict in &choice.verdicts {
                    lines.push(verdict_line(cx, verdict));
                }
                let coaching = cx.rules.render_coaching(&choice.coaching);
                lines.extend(hanging(Span::raw(" "), &coaching, t.dim, width));
            }
        }
        return Bottom {
            title: format!(" {} ", cx.text("what-happened")),
            lines,
            options: Vec::new(),
            footer: Some(Line::styled(
                format!(" {}", cx.text("press-continue")),
                t.dim,
            )),
        };
    }
    if conversation.is_finished() {
        let lines = hanging(Span::raw(" "), &cx.text("conversation-over"), t.dim, width);
        return Bottom {
            title: format!(" {} ", cx.text("the-end")),
            lines,
            options: Vec::new(),
            footer: None,
        };
    }
    let turn = conversation.turn();
    let node = conversation.scenario().node(&turn.node);
    let mut lines = Vec::new();
    let mut options = Vec::new();
    for (i, id) in turn.options.iter().enumerate() {
        let Some(choice) = find_choice(node, id) else {
            // Kept in place, so that positions on screen stay the engine's.
            options.push((lines.len(), lines.len()));
            continue;
        };
        let selected = i == play.selected;
        let marker = if selected { "›" } else { " " };
        let prefix = Span::styled(
            format!("{marker}{}. ", i + 1),
            if selected { t.key } else { t.dim },
        );
        let style = if selected { t.selected } else { Style::new() };
        let start = lines.len();
        lines.extend(hanging(prefix, &choice.text, style, width));
        options.push((start, lines.len()));
    }
    Bottom {
        title: format!(" {} ", cx.text("your-answer")),
        lines,
        options,
        footer: None,
    }
}

/// "✓ follows <rule name>" or "✗ breaks <rule name>".
pub fn verdict_line<'a>(cx: &Context, verdict: &Verdict) -> Line<'a> {
    let (rule, weight, follows) = match verdict {
        Verdict::Follows(r, w) => (r, *w, true),
        Verdict::Breaks(r, w) => (r, *w, false),
    };
    let (mark, word, style) = if follows {
        ("✓", cx.text("verdict-follows"), cx.theme.good)
    } else {
        ("✗", cx.text("verdict-breaks"), cx.theme.bad)
    };
    Line::from(vec![
        Span::styled(format!(" {mark} {word} "), style),
        Span::styled(clean(cx.rules.name(rule)).into_owned(), style),
        Span::styled(cx.messages().weight(weight), cx.theme.dim),
    ])
}

/// "Leave this conversation?" over the screen.
fn confirm(cx: &Context, frame: &mut Frame, body: Rect, then_quit: bool) {
    let area = centred(body, 56, 6);
    let question = if then_quit {
        cx.text("quit-question")
    } else {
        cx.text("leave-question")
    };
    let lines = vec![
        Line::raw(""),
        Line::styled(format!(" {question}"), cx.theme.heading),
        Line::from(vec![
            Span::styled(" y", cx.theme.key),
            Span::raw(format!(" {}   ", cx.text("yes"))),
            Span::styled("n", cx.theme.key),
            Span::raw(format!(" {}", cx.text("no-keep-going"))),
        ]),
    ];
    frame.render_widget(Clear, area);
    let title = format!(" {} ", cx.text("leave-title"));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(panel(cx, title)),
        area,
    );
}
