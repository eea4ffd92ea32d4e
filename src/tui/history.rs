//! A trainee's history: the score over time as a chart, how often each rule was followed as a
//! bar chart (strengths on top, weaknesses below), and the recent sessions with the pieces of
//! the selected one's grade; Enter replays a session's annotated transcript in the debrief
//! screen. A score an older grading model produced is marked. Everything is read from the store
//! once, before the screen opens, so drawing is pure.

use std::sync::Arc;

use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Bar, BarChart, BarGroup, Chart, Dataset, GraphType, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::app::{App, Debrief, Screen};
use super::keymap::{self, Action, Binding};
use super::text::{pad, truncate};
use super::view::{
    MIN_HEIGHT, MIN_WIDTH, draw_in, help, legend_line, notice_line, panel, too_small,
};
use crate::engine::{Millis, Report};
use crate::i18n::fill;
use crate::report::dates;
use crate::store::{RuleStat, SessionRow};

/// How many sessions the list offers (and whose transcripts are loaded).
pub const RECENT: usize = 50;

/// What the history screen shows, read from the store.
pub struct HistoryData {
    pub trainee: String,
    /// Newest first; the chart uses them all.
    pub sessions: Vec<SessionRow>,
    /// Transcripts of the first [`RECENT`] sessions, by session id.
    pub reports: Vec<(i64, Report)>,
    pub rules: Vec<RuleStat>,
}

pub struct HistoryScreen {
    pub app: App,
    pub data: HistoryData,
    pub selected: usize,
    /// A session's transcript is open (in `app.screen`).
    pub replaying: bool,
    pub quit: bool,
}

impl HistoryScreen {
    pub fn new(mut app: App, data: HistoryData) -> HistoryScreen {
        // A transcript leads back to the history, and is not played again from here.
        app.debrief_keys = keymap::REPLAY;
        HistoryScreen {
            app,
            data,
            selected: 0,
            replaying: false,
            quit: false,
        }
    }

    /// The keys that act now.
    pub fn bindings(&self) -> &'static [Binding] {
        if self.app.too_small.get() {
            keymap::TOO_SMALL
        } else if self.replaying {
            self.app.bindings()
        } else if self.app.help {
            keymap::HELP_OPEN
        } else {
            keymap::HISTORY
        }
    }

    fn listed(&self) -> usize {
        self.data.sessions.len().min(RECENT)
    }

    pub fn update(&mut self, action: Action, now: Millis) {
        if action == Action::ForceQuit {
            self.quit = true;
            return;
        }
        if self.replaying {
            if action != Action::Again {
                self.app.update(action, now);
            }
            self.quit |= self.app.quit;
            if matches!(self.app.screen, Screen::Home) {
                self.replaying = false;
            }
            return;
        }
        // A notice is for the moment it appears, as on every other screen.
        self.app.notice = None;
        if self.app.help {
            match action {
                Action::Help | Action::Back | Action::Confirm => self.app.help = false,
                Action::Quit => self.quit = true,
                other => self.app.scroll_help(other),
            }
            return;
        }
        let count = self.listed();
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(count.saturating_sub(1)),
            Action::Top => self.selected = 0,
            Action::Bottom => self.selected = count.saturating_sub(1),
            Action::PageUp => self.selected = self.selected.saturating_sub(10),
            Action::PageDown => self.selected = (self.selected + 10).min(count.saturating_sub(1)),
            Action::Confirm => self.replay(),
            Action::Help => self.app.open_help(),
            Action::Quit | Action::Back => self.quit = true,
            _ => {}
        }
    }

    fn replay(&mut self) {
        let Some(row) = self.data.sessions.get(self.selected) else {
            return;
        };
        let Some((_, report)) = self.data.reports.iter().find(|(id, _)| *id == row.id) else {
            self.app.notice = Some(self.app.strings.history.unreadable.clone());
            return;
        };
        let scenario = self
            .app
            .scenarios
            .iter()
            .find(|s| s.id() == report.scenario.id)
            .cloned();
        // The debrief screen wants the scenario only to play it again, which history does
        // not offer; any scenario stands in when the original is no longer in the library.
        let Some(scenario) = scenario.or_else(|| self.app.scenarios.first().cloned()) else {
            self.app.notice = Some(self.app.strings.history.no_library.clone());
            return;
        };
        self.app.screen = Screen::Debrief(Box::new(Debrief {
            scenario: Arc::clone(&scenario),
            report: report.clone(),
            scroll: 0,
        }));
        self.replaying = true;
    }

    pub fn draw(&self, frame: &mut Frame) {
        let area = frame.area();
        let app = &self.app;
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            too_small(app, frame, area);
            return;
        }
        app.too_small.set(false);
        if self.replaying {
            draw_in(app, frame, area);
            return;
        }
        let h = &app.strings.history;
        let [body, legend_area] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
        if self.data.sessions.is_empty() {
            let empty = fill(&h.empty, &[("trainee", &self.data.trainee)]);
            let lines = vec![Line::raw(""), Line::raw(format!(" {empty}"))];
            let title = format!(" {} ", h.title);
            frame.render_widget(Paragraph::new(lines).block(panel(app, title)), body);
        } else {
            let charts_height = (body.height / 2).max(6);
            let [charts, list] =
                Layout::vertical([Constraint::Length(charts_height), Constraint::Min(3)])
                    .areas(body);
            let [score_area, rules_area] =
                Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                    .areas(charts);
            self.draw_scores(frame, score_area);
            self.draw_rules(frame, rules_area);
            self.draw_list(frame, list);
        }
        let legend = match &app.notice {
            Some(n) => notice_line(app, n, legend_area.width),
            None => legend_line(app, self.bindings(), legend_area.width),
        };
        frame.render_widget(legend, legend_area);
        if app.help {
            help(app, frame, body, keymap::HISTORY);
        }
    }

    /// Score (0–100) against the day played, oldest on the left.
    fn draw_scores(&self, frame: &mut Frame, area: Rect) {
        let t = &self.app.theme;
        let sessions = &self.data.sessions;
        let first = sessions.last().map_or(0, |s| s.ended_at);
        let last = sessions.first().map_or(0, |s| s.ended_at);
        let day = 86_400_000.0;
        let points: Vec<(f64, f64)> = sessions
            .iter()
            .rev()
            .map(|s| {
                (
                    (s.ended_at.saturating_sub(first)) as f64 / day,
                    f64::from(s.score),
                )
            })
            .collect();
        let span = ((last.saturating_sub(first)) as f64 / day).max(1.0);
        let dataset = Dataset::default()
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(t.title)
            .data(&points);
        let chart = Chart::new(vec![dataset])
            .block(panel(
                &self.app,
                format!(
                    " {} ",
                    fill(
                        &self.app.strings.history.scores,
                        &[("trainee", &self.data.trainee)]
                    )
                ),
            ))
            .x_axis(
                Axis::default()
                    .style(t.dim)
                    .bounds([0.0, span])
                    .labels([dates::date(first), dates::date(last)]),
            )
            .y_axis(
                Axis::default()
                    .style(t.dim)
                    .bounds([0.0, 100.0])
                    .labels(["0", "50", "100"]),
            );
        frame.render_widget(chart, area);
    }

    /// Share of the times each rule came up that it was followed, strongest first.
    fn draw_rules(&self, frame: &mut Frame, area: Rect) {
        let t = &self.app.theme;
        let mut stats: Vec<(&RuleStat, u64)> = self
            .data
            .rules
            .iter()
            .filter(|s| s.followed + s.broken > 0)
            .map(|s| {
                (
                    s,
                    u64::from(s.followed) * 100 / u64::from(s.followed + s.broken),
                )
            })
            .collect();
        stats.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.rule.cmp(&b.0.rule)));
        let block = panel(&self.app, format!(" {} ", self.app.strings.history.rules));
        let inner = block.inner(area);
        // One bar per line; keep the strongest and the weakest when not all fit.
        let room = usize::from(inner.height).max(1);
        if stats.len() > room {
            let top = room.div_ceil(2);
            let bottom = room - top;
            let tail = stats.split_off(stats.len() - bottom);
            stats.truncate(top);
            stats.extend(tail);
        }
        let label_width = usize::from(inner.width / 2).max(4);
        let bars: Vec<Bar> = stats
            .iter()
            .map(|(s, pct)| {
                let style = if *pct >= 50 { t.good } else { t.bad };
                Bar::default()
                    .value(*pct)
                    .text_value(format!("{pct}%"))
                    .label(Line::raw(truncate(
                        self.app.rules.name(&s.rule),
                        label_width,
                    )))
                    .style(style)
                    .value_style(style.add_modifier(ratatui::style::Modifier::REVERSED))
            })
            .collect();
        let chart = BarChart::default()
            .block(block)
            .direction(Direction::Horizontal)
            .bar_width(1)
            .bar_gap(0)
            .max(100)
            .data(BarGroup::default().bars(&bars));
        frame.render_widget(chart, area);
    }

    fn draw_list(&self, frame: &mut Frame, area: Rect) {
        let t = &self.app.theme;
        let h = &self.app.strings.history;
        let mut block = panel(&self.app, format!(" {} ", h.recent));
        if let Some(s) = self.data.sessions.get(self.selected) {
            block = block.title_bottom(Line::raw(format!(" {} ", self.pieces(s))));
        }
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let visible = usize::from(inner.height).max(1);
        let first = self.selected.saturating_sub(visible - 1);
        let width = usize::from(inner.width);
        let lines: Vec<Line> = self
            .data
            .sessions
            .iter()
            .take(RECENT)
            .enumerate()
            .skip(first)
            .take(visible)
            .map(|(i, s)| {
                let selected = i == self.selected;
                let drill = s.drill.as_deref().unwrap_or(&h.practice);
                let right = format!(
                    "{:>3}{}  {}  {} ",
                    s.score,
                    if s.older_grading() { "*" } else { " " },
                    dates::minute(s.ended_at),
                    pad(&truncate(drill, 10), 10)
                );
                let marker = if selected { "›" } else { " " };
                let title_room = width.saturating_sub(right.width() + 2);
                let title = truncate(&s.title, title_room);
                let gap = width.saturating_sub(2 + title.width() + right.width());
                let style = if selected {
                    t.selected
                } else {
                    ratatui::style::Style::new()
                };
                Line::from(vec![
                    Span::styled(marker, t.key),
                    Span::raw(" "),
                    Span::styled(title, style),
                    Span::raw(" ".repeat(gap)),
                    Span::styled(right, if selected { t.key } else { t.dim }),
                ])
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
    }

    /// A session's pieces of the grade: handling, the ending's rating and cap, serious
    /// mistakes; and whether an older grading model produced its score.
    fn pieces(&self, s: &SessionRow) -> String {
        let st = &self.app.strings;
        let rating = match s.rating.as_deref() {
            Some("excellent") => st.rating_excellent.as_str(),
            Some("good") => st.rating_good.as_str(),
            Some("poor") => st.rating_poor.as_str(),
            Some("fail") => st.rating_fail.as_str(),
            _ => "–",
        };
        let mut text = fill(
            &st.history.pieces,
            &[
                ("handling", &s.handling.to_string()),
                ("rating", rating),
                ("cap", &s.ending_cap.to_string()),
                ("serious", &s.serious_mistakes.to_string()),
            ],
        );
        if s.older_grading() {
            text = format!("{text} · {}", st.history.older);
        }
        text
    }
}
