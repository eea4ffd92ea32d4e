//! The briefing: who the client is, the situation, what the trainee knows and the goal, read
//! before the conversation starts. Enter starts the conversation in its place; Esc goes back.

use std::cell::Cell;
use std::sync::Arc;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::conversation::{Play, Setup};
use super::keymap::{Action, Binding, Does, ENDS, ENTER, ESC, HELP, PAGES, QUIT, UP_DOWN, bind};
use super::screen::{Context, Screen, Update, scroll_by};
use super::text::{clean, hanging, wrap};
use super::view::{panel, scrolled};
use crate::engine::{Conversation, Millis};
use crate::i18n::Args;
use crate::scenario::ValidScenario;

pub struct Briefing {
    pub scenario: Arc<ValidScenario>,
    pub scroll: u16,
    /// How far the text can scroll, as the last frame laid it out.
    pub scroll_limit: Cell<u16>,
    /// How the conversation will be played.
    pub setup: Setup,
}

/// The briefing's keys.
pub const BRIEFING: &[Binding] = &[
    bind("Enter", ENTER, Does::Begin),
    bind("↑↓", UP_DOWN, Does::Scroll),
    bind("PgUp PgDn", PAGES, Does::Page),
    bind("Home End", ENDS, Does::Ends),
    bind("Esc", ESC, Does::Back),
    HELP,
    QUIT,
];

impl Briefing {
    pub fn new(scenario: Arc<ValidScenario>, setup: Setup) -> Briefing {
        Briefing {
            scenario,
            scroll: 0,
            scroll_limit: Cell::new(0),
            setup,
        }
    }

    fn start(&self, now: Millis) -> Update {
        let seed = self.setup.seed.unwrap_or(now);
        // A validated scenario always starts; should it not, staying on the briefing is the
        // honest thing to show.
        match Conversation::start(Arc::clone(&self.scenario), seed, now) {
            Ok(conversation) => Update::replace(Play::new(
                conversation.with_time_limit(self.setup.time_limit),
                self.setup,
            )),
            Err(_) => Update::none(),
        }
    }
}

impl Screen for Briefing {
    fn bindings(&self) -> &'static [Binding] {
        BRIEFING
    }

    fn update(&mut self, action: Action, _cx: &Context, now: Millis) -> Update {
        match action {
            Action::Confirm => return self.start(now),
            Action::Back => return Update::pop(),
            other => scroll_by(&mut self.scroll, other, self.scroll_limit.get()),
        }
        Update::none()
    }

    fn draw(&self, frame: &mut Frame, area: Rect, cx: &Context, _now: Millis) {
        draw(cx, frame, area, self);
    }

    /// The watched file is the scenario briefed: its new words.
    fn reload(
        &mut self,
        scenario: &Arc<ValidScenario>,
        _file: &str,
        _cx: &Context,
        _now: Millis,
    ) -> Update {
        self.scenario = Arc::clone(scenario);
        Update::none()
    }
}

fn draw(cx: &Context, frame: &mut Frame, area: Rect, briefing: &Briefing) {
    let m = briefing.scenario.scenario();
    let width = usize::from(area.width.saturating_sub(4));
    let t = &cx.theme;
    let mut lines: Vec<Line> = Vec::new();
    let section = |lines: &mut Vec<Line>, heading: &str| {
        lines.push(Line::raw(""));
        lines.push(Line::styled(format!(" {heading}"), t.heading));
    };
    lines.push(Line::from(vec![
        Span::styled(format!(" {}", clean(&m.client.name)), t.client),
        Span::styled(
            format!(" · {}", cx.messages().client_type(m.shown_type())),
            t.dim,
        ),
        Span::styled(
            format!(
                " · {}",
                cx.messages().msg(
                    "briefing-mood",
                    &Args::new().text("mood", cx.messages().mood(m.initial.mood, m.client.gender))
                )
            ),
            t.mood(m.initial.mood),
        ),
    ]));
    lines.extend(indented(&m.client.persona, width, t.dim));
    section(&mut lines, &cx.text("briefing-situation"));
    lines.extend(indented(
        &m.briefing.situation,
        width,
        ratatui::style::Style::new(),
    ));
    if !m.briefing.known.is_empty() {
        section(&mut lines, &cx.text("briefing-known"));
        for fact in &m.briefing.known {
            lines.extend(hanging(
                Span::raw("  • "),
                fact,
                ratatui::style::Style::new(),
                width + 1,
            ));
        }
    }
    section(&mut lines, &cx.text("briefing-goal"));
    lines.extend(indented(&m.briefing.goal, width, t.you));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!(" {}", cx.text("briefing-begin")),
        t.dim,
    ));
    let title = format!(
        " {} ",
        cx.msg(
            "briefing-title",
            &Args::new().text("title", clean(&m.title))
        )
    );
    let scroll = (briefing.scroll, &briefing.scroll_limit);
    scrolled(cx, frame, area, lines, scroll, panel(cx, title));
}

fn indented<'a>(text: &str, width: usize, style: ratatui::style::Style) -> Vec<Line<'a>> {
    wrap(text, width.saturating_sub(1))
        .into_iter()
        .map(|l| Line::styled(format!(" {l}"), style))
        .collect()
}
