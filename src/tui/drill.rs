//! A timed drill: its opening card, at the bottom of the drill's stack, then each scenario
//! of the plan in turn over it (briefing, conversation with a countdown line above it and,
//! with immediate feedback, its debrief), and at the end the summary in its place.
//!
//! The card opens each scenario and hears of its result ([`Screen::finished`]); when the
//! scenario's screens close, it opens the next, or the summary when the plan is done or the
//! trainee left a scenario unfinished. The clock comes in from outside and every save's
//! outcome too ([`Screen::saved`]), so the whole drill runs in tests without a terminal, a
//! database or a wait.

use std::cell::Cell;
use std::sync::Arc;
use std::time::Duration;

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Padding, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::briefing::Briefing;
use super::conversation::Setup;
use super::debrief::DRILL_DEBRIEF;
use super::drill_summary::DrillSummary;
use super::keymap::{Action, Binding, Does, ENDS, ENTER, HELP, PAGES, QUIT_OR_ESC, UP_DOWN, bind};
use super::screen::{Context, ResultId, Screen, Update, scroll_by};
use super::text::{clean, styled_message, truncate, wrap_line};
use super::view::{more_signs, panel};
use crate::drill::DrillPlan;
use crate::engine::Feedback;
use crate::engine::{Millis, Report};
use crate::i18n::Args;

/// Whether a finished scenario's result is in the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    Pending,
    Saved(i64),
    Failed(String),
}

/// One scenario the trainee finished.
pub struct Finished {
    /// The result as the loop knows it, until it is saved.
    pub id: ResultId,
    /// The scenario's place in the plan.
    pub index: usize,
    pub report: Report,
    pub saved: Saved,
}

impl Finished {
    /// Takes in how saving result `id` went, wherever it is in `results`.
    pub fn note_saved(results: &mut [Finished], id: ResultId, outcome: &Result<i64, String>) {
        if let Some(result) = results.iter_mut().find(|r| r.id == id) {
            result.saved = match outcome {
                Ok(id) => Saved::Saved(*id),
                Err(e) => Saved::Failed(e.clone()),
            };
        }
    }
}

pub struct DrillCard {
    pub plan: DrillPlan,
    pub trainee: String,
    /// How far the card is scrolled, and (as the last frame laid it out) how far it can be:
    /// at small sizes it holds more than it shows.
    pub scroll: u16,
    pub scroll_limit: Cell<u16>,
    /// The scenario being played, by its place in the plan, once the drill has begun.
    pub playing: Option<usize>,
    pub results: Vec<Finished>,
    /// The gauge's width in cells, as the last frame drew it: the timer wakes up as often as
    /// the gauge visibly changes, and no more.
    pub gauge_cells: Cell<u16>,
}

/// Number of seconds shown for `remaining` milliseconds: 0.2 s left still reads "1 s".
fn seconds_left(remaining: Millis) -> Millis {
    remaining.div_ceil(1000)
}

/// How many of `cells` the gauge fills with `remaining` of `limit` left.
fn filled(remaining: Millis, limit: Millis, cells: u64) -> u64 {
    (remaining.saturating_mul(cells)).div_ceil(limit.max(1))
}

/// How long until the countdown shows something different: the seconds figure or the
/// gauge's fill, whichever changes first, and never later than the deadline.
pub fn next_change(remaining: Millis, limit: Millis, cells: u16) -> Millis {
    if remaining == 0 {
        return 0;
    }
    let to_next_second = remaining - (seconds_left(remaining) - 1) * 1000;
    let cells = u64::from(cells.max(1));
    let fill = filled(remaining, limit, cells);
    // The largest remaining time that shows one cell fewer.
    let lower = (fill.saturating_sub(1) * limit.max(1)) / cells;
    let to_next_cell = remaining.saturating_sub(lower).max(1);
    to_next_second.min(to_next_cell).min(remaining)
}

impl DrillCard {
    pub fn new(plan: DrillPlan, trainee: String) -> DrillCard {
        // The drill file's words reach the screen here; `check` refuses control characters
        // in them, and the screen shows any that got past it as U+FFFD rather than obey them.
        let mut plan = plan;
        plan.name = clean(&plan.name).into_owned();
        plan.description = clean(&plan.description).into_owned();
        DrillCard {
            plan,
            trainee,
            scroll: 0,
            scroll_limit: Cell::new(0),
            playing: None,
            results: Vec::new(),
            gauge_cells: Cell::new(20),
        }
    }

    /// Opens scenario `index` of the plan at its briefing, or the summary after the last.
    fn open(&mut self, index: usize, cx: &Context) -> Update {
        let Some(item) = self.plan.items.get(index) else {
            return self.summary();
        };
        self.playing = Some(index);
        let setup = Setup {
            seed: Some(item.seed),
            time_limit: Some(self.plan.time_limit_ms),
            feedback: self.plan.feedback,
            // Between scenarios the debrief leads on to the next; nothing is played again.
            // With the coaching at the end, there is none until the summary.
            debrief: (self.plan.feedback == Feedback::Now).then_some(DRILL_DEBRIEF),
            typed: self.plan.typed,
        };
        let fallback = item.scenario.scenario().language != cx.lang.code();
        let notice = fallback.then(|| {
            cx.msg(
                "fallback-notice",
                &Args::new().text("language", cx.lang.name()),
            )
        });
        Update::push(Briefing::new(Arc::clone(&item.scenario), setup)).with_notice(notice)
    }

    /// The drill is over: the summary takes the card's place, with every result.
    fn summary(&mut self) -> Update {
        Update::replace(DrillSummary::new(
            self.plan.clone(),
            self.trainee.clone(),
            std::mem::take(&mut self.results),
        ))
    }

    /// The line above the scenario: the drill, how far along, and the countdown.
    fn draw_bar(&self, frame: &mut Frame, area: Rect, cx: &Context, top: &dyn Screen, now: Millis) {
        let t = &cx.theme;
        let index = self.playing.unwrap_or(0);
        let left = format!(
            " {}",
            cx.msg(
                "drill-progress",
                &Args::new()
                    .text("name", self.plan.name.as_str())
                    .text("n", (index + 1).to_string())
                    .text("total", self.plan.items.len().to_string()),
            )
        );
        let width = usize::from(area.width);
        let mut spans = Vec::new();
        let right: Vec<Span> = match top.deadline() {
            Some(deadline) => {
                let remaining = deadline.saturating_sub(now);
                let limit = self.plan.time_limit_ms;
                let figure = format!("{:>3}", seconds_left(remaining));
                let label = format!(
                    " {} ",
                    cx.msg("drill-seconds", &Args::new().text("s", figure))
                );
                // The gauge takes what is left after the drill's name, up to 30 cells.
                let room = width.saturating_sub(left.width().min(width / 2) + label.width() + 3);
                let cells = room.clamp(5, 30);
                self.gauge_cells.set(u16::try_from(cells).unwrap_or(20));
                let full = usize::try_from(filled(remaining, limit, cells as u64)).unwrap_or(0);
                let style = if remaining * 4 <= limit {
                    t.bad
                } else if remaining * 2 <= limit {
                    t.warn
                } else {
                    t.good
                };
                vec![
                    Span::styled("⏱ ", t.dim),
                    Span::styled("█".repeat(full), style),
                    Span::styled("░".repeat(cells.saturating_sub(full)), t.dim),
                    Span::styled(label, style.add_modifier(Modifier::BOLD)),
                ]
            }
            None => {
                let seconds = (self.plan.time_limit_ms / 1000).to_string();
                vec![Span::styled(
                    format!(
                        "{} ",
                        cx.msg("drill-per-answer", &Args::new().text("s", seconds))
                    ),
                    t.dim,
                )]
            }
        };
        let right_width: usize = right.iter().map(Span::width).sum();
        let left = truncate(&left, width.saturating_sub(right_width + 1));
        let gap = width.saturating_sub(left.width() + right_width);
        spans.push(Span::styled(left, t.heading));
        spans.push(Span::raw(" ".repeat(gap)));
        spans.extend(right);
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
    }

    fn draw_intro(&self, frame: &mut Frame, area: Rect, cx: &Context) {
        let t = &cx.theme;
        let plan = &self.plan;
        let mut lines = vec![
            Line::raw(""),
            Line::from(styled_message(
                cx.messages(),
                "drill-intro-trainee",
                t.heading,
                &[("trainee", Span::raw(self.trainee.clone()))],
            )),
            Line::raw(""),
        ];
        if !plan.description.is_empty() {
            lines.push(Line::raw(plan.description.clone()));
            lines.push(Line::raw(""));
        }
        let plan_text = cx.messages().msg(
            "drill-intro-plan",
            &Args::new().count("n", plan.items.len()).count(
                "s",
                usize::try_from(plan.time_limit_ms / 1000).unwrap_or(usize::MAX),
            ),
        );
        lines.push(Line::styled(plan_text, t.dim));
        let coaching = match plan.feedback {
            Feedback::Now => cx.text("drill-coaching-now"),
            Feedback::End => cx.text("drill-coaching-end"),
        };
        lines.push(Line::styled(coaching, t.dim));
        if plan.typed {
            lines.push(Line::styled(cx.text("typed-drill-intro"), t.dim));
        }
        lines.push(Line::raw(""));
        for (i, item) in plan.items.iter().enumerate() {
            let m = item.scenario.scenario();
            // Client types stay hidden until each debrief: telling the kind of client
            // apart is part of what a drill tests.
            lines.push(Line::from(vec![
                Span::styled(format!("{}. ", i + 1), t.dim),
                Span::styled(m.title.clone(), t.heading),
            ]));
        }
        lines.push(Line::raw(""));
        let begin = Line::from(styled_message(
            cx.messages(),
            "drill-intro-begin",
            t.dim,
            &[("key", Span::styled("Enter", t.key))],
        ));
        let title = format!(
            " {} ",
            cx.msg("drill-title", &Args::new().text("name", plan.name.as_str()))
        );
        // Padding rather than a leading space, so wrapped lines keep the margin too.
        let block = panel(cx, title).padding(Padding::horizontal(1));
        let inner = block.inner(area);
        let width = usize::from(inner.width);
        let lines: Vec<Line> = lines.iter().flat_map(|l| wrap_line(l, width)).collect();
        // The prompt to begin stays in view below the text, however far it scrolls.
        let begin = wrap_line(&begin, width);
        let footer = u16::try_from(begin.len())
            .unwrap_or(u16::MAX)
            .min(inner.height.saturating_sub(1));
        let room = inner.height.saturating_sub(footer);
        let total = lines.len();
        let limit = u16::try_from(total.saturating_sub(usize::from(room))).unwrap_or(u16::MAX);
        self.scroll_limit.set(limit);
        let scroll = self.scroll.min(limit);
        let shown = u16::try_from(total).unwrap_or(u16::MAX).min(room);
        let [text_area, footer_area] =
            Layout::vertical([Constraint::Length(shown), Constraint::Length(footer)])
                .flex(Flex::Start)
                .areas(inner);
        frame.render_widget(more_signs(cx, block, scroll > 0, scroll < limit), area);
        frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), text_area);
        frame.render_widget(Paragraph::new(begin), footer_area);
    }
}

impl Screen for DrillCard {
    /// The scrolling keys only while the card holds more than it shows.
    fn bindings(&self) -> &'static [Binding] {
        if self.scroll_limit.get() > 0 {
            DRILL_INTRO_SCROLLED
        } else {
            DRILL_INTRO
        }
    }

    fn update(&mut self, action: Action, cx: &Context, _now: Millis) -> Update {
        match action {
            Action::Confirm => return self.open(0, cx),
            Action::Back => return Update::quit(),
            other => scroll_by(&mut self.scroll, other, self.scroll_limit.get()),
        }
        Update::none()
    }

    fn draw(&self, frame: &mut Frame, area: Rect, cx: &Context, _now: Millis) {
        self.draw_intro(frame, area, cx);
    }

    /// A scenario's screens closed: on to the next when it was finished (its result came
    /// in), else the trainee left it and the drill ends here.
    fn resumed(&mut self, cx: &Context, _now: Millis) -> Update {
        let Some(index) = self.playing else {
            return Update::none();
        };
        if self.results.last().is_some_and(|r| r.index == index) {
            self.open(index + 1, cx)
        } else {
            self.summary()
        }
    }

    fn finished(&mut self, id: ResultId, report: &Report) {
        if let Some(index) = self.playing {
            self.results.push(Finished {
                id,
                index,
                report: report.clone(),
                saved: Saved::Pending,
            });
        }
    }

    fn saved(&mut self, id: ResultId, outcome: &Result<i64, String>) {
        Finished::note_saved(&mut self.results, id, outcome);
    }

    /// While a scenario is played: as often as the countdown above it changes.
    fn next_wake(&self, now: Millis, top: &dyn Screen) -> Option<Duration> {
        let deadline = top.deadline()?;
        let limit = self.plan.time_limit_ms;
        let wait = next_change(deadline.saturating_sub(now), limit, self.gauge_cells.get());
        Some(Duration::from_millis(wait))
    }

    /// The line above the scenario being played: the drill, how far along, the countdown.
    fn frame_above(
        &self,
        frame: &mut Frame,
        area: Rect,
        cx: &Context,
        top: &dyn Screen,
        now: Millis,
    ) -> Rect {
        let [bar, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
        self.draw_bar(frame, bar, cx, top, now);
        rest
    }
}

/// The drill's opening card.
pub const DRILL_INTRO: &[Binding] = &[bind("Enter", ENTER, Does::DrillBegin), HELP, QUIT_OR_ESC];

/// The opening card when it holds more than it shows (a long plan, a small terminal).
pub const DRILL_INTRO_SCROLLED: &[Binding] = &[
    bind("Enter", ENTER, Does::DrillBegin),
    bind("↑↓", UP_DOWN, Does::Scroll),
    bind("PgUp PgDn", PAGES, Does::Page),
    bind("Home End", ENDS, Does::Ends),
    HELP,
    QUIT_OR_ESC,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_timer_wakes_when_the_seconds_figure_changes() {
        // 20 s limit over 20 cells: every cell and every second change together.
        assert_eq!(next_change(20_000, 20_000, 20), 1_000);
        assert_eq!(next_change(19_500, 20_000, 20), 500);
        assert_eq!(next_change(300, 20_000, 20), 300);
    }

    #[test]
    fn the_timer_wakes_when_the_gauge_loses_a_cell() {
        // 60 s over 120 cells: a cell every half second, before the seconds figure moves.
        assert_eq!(next_change(60_000, 60_000, 120), 500);
    }

    #[test]
    fn the_timer_never_sleeps_past_the_deadline_or_spins() {
        assert_eq!(next_change(0, 20_000, 20), 0);
        assert!(next_change(1, 20_000, 20) >= 1);
    }
}
