//! A trainee's history: the score over time as a chart, how often each rule was followed as a
//! bar chart (strengths on top, weaknesses below), and the recent sessions with the pieces of
//! the selected one's grade; Enter replays a session's annotated transcript in the debrief
//! screen over it. A score an older grading model produced is marked. Everything is read from
//! the store once, before the screen opens, so drawing is pure.

use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Bar, BarChart, BarGroup, Chart, Dataset, GraphType, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::debrief::{Debrief, REPLAY};
use super::keymap::{Action, Binding, Does, ENDS, ENTER, HELP, PAGES, QUIT_OR_ESC, UP_DOWN, bind};
use super::screen::{Context, Screen, Update};
use super::text::{pad, truncate};
use super::view::panel;
use crate::engine::{Millis, Report};
use crate::i18n::Args;
use crate::report::dates::Zone;
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
    /// The zone times are shown in: the user's.
    pub zone: Zone,
}

pub struct History {
    pub data: HistoryData,
    pub selected: usize,
}

/// The history's keys.
pub const HISTORY: &[Binding] = &[
    bind("↑↓", UP_DOWN, Does::MoveList),
    bind("Enter", ENTER, Does::Transcript),
    bind("PgUp PgDn", PAGES, Does::Page),
    bind("Home End", ENDS, Does::Ends),
    HELP,
    QUIT_OR_ESC,
];

impl History {
    pub fn new(data: HistoryData) -> History {
        History { data, selected: 0 }
    }

    fn listed(&self) -> usize {
        self.data.sessions.len().min(RECENT)
    }

    /// The selected session's transcript, over the list.
    fn replay(&self, cx: &Context) -> Update {
        let Some(row) = self.data.sessions.get(self.selected) else {
            return Update::none();
        };
        let Some((_, report)) = self.data.reports.iter().find(|(id, _)| *id == row.id) else {
            return Update::notice(cx.text("history-unreadable"));
        };
        // A transcript leads back to the history, and is not played again from here.
        Update::push(Debrief::new(report.clone(), REPLAY, None))
    }

    fn draw_list_screen(&self, frame: &mut Frame, body: Rect, cx: &Context) {
        if self.data.sessions.is_empty() {
            let empty = cx.msg(
                "history-empty",
                &Args::new().text("trainee", self.data.trainee.as_str()),
            );
            let lines = vec![Line::raw(""), Line::raw(format!(" {empty}"))];
            let title = format!(" {} ", cx.text("history-title"));
            frame.render_widget(Paragraph::new(lines).block(panel(cx, title)), body);
        } else {
            let charts_height = (body.height / 2).max(6);
            let [charts, list] =
                Layout::vertical([Constraint::Length(charts_height), Constraint::Min(3)])
                    .areas(body);
            let [score_area, rules_area] =
                Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                    .areas(charts);
            self.draw_scores(frame, score_area, cx);
            self.draw_rules(frame, rules_area, cx);
            self.draw_list(frame, list, cx);
        }
    }

    /// Score (0–100) against the day played, oldest on the left.
    fn draw_scores(&self, frame: &mut Frame, area: Rect, cx: &Context) {
        let t = &cx.theme;
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
                cx,
                format!(
                    " {} ",
                    cx.msg(
                        "history-scores",
                        &Args::new().text("trainee", self.data.trainee.as_str())
                    )
                ),
            ))
            .x_axis(
                Axis::default()
                    .style(t.dim)
                    .bounds([0.0, span])
                    .labels([self.data.zone.date(first), self.data.zone.date(last)]),
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
    fn draw_rules(&self, frame: &mut Frame, area: Rect, cx: &Context) {
        let t = &cx.theme;
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
        let block = panel(cx, format!(" {} ", cx.text("history-rules")));
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
                    .label(Line::raw(truncate(cx.rules.name(&s.rule), label_width)))
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

    fn draw_list(&self, frame: &mut Frame, area: Rect, cx: &Context) {
        let t = &cx.theme;
        let practice = cx.text("history-practice");
        let mut block = panel(cx, format!(" {} ", cx.text("history-recent")));
        if let Some(s) = self.data.sessions.get(self.selected) {
            block = block.title_bottom(Line::raw(format!(" {} ", self.pieces(s, cx))));
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
                let drill = s.drill.as_deref().unwrap_or(&practice);
                let right = format!(
                    "{:>3}{}  {}  {} ",
                    s.score,
                    if s.older_grading() { "*" } else { " " },
                    self.data.zone.minute(s.ended_at),
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
    fn pieces(&self, s: &SessionRow, cx: &Context) -> String {
        use crate::scenario::Rating;
        let rating = match s.rating.as_deref() {
            Some("excellent") => cx.messages().rating(Rating::Excellent),
            Some("good") => cx.messages().rating(Rating::Good),
            Some("poor") => cx.messages().rating(Rating::Poor),
            Some("fail") => cx.messages().rating(Rating::Fail),
            _ => "–".to_owned(),
        };
        let mut text = cx.msg(
            "history-pieces",
            &Args::new()
                .text("handling", s.handling.to_string())
                .text("rating", rating)
                .text("cap", s.ending_cap.to_string())
                .count("serious", s.serious_mistakes as usize),
        );
        if s.older_grading() {
            text = format!("{text} · {}", cx.text("history-older"));
        }
        text
    }
}

impl Screen for History {
    fn bindings(&self) -> &'static [Binding] {
        HISTORY
    }

    fn update(&mut self, action: Action, cx: &Context, _now: Millis) -> Update {
        let count = self.listed();
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(count.saturating_sub(1)),
            Action::Top => self.selected = 0,
            Action::Bottom => self.selected = count.saturating_sub(1),
            Action::PageUp => self.selected = self.selected.saturating_sub(10),
            Action::PageDown => self.selected = (self.selected + 10).min(count.saturating_sub(1)),
            Action::Confirm => return self.replay(cx),
            Action::Back => return Update::quit(),
            _ => {}
        }
        Update::none()
    }

    fn draw(&self, frame: &mut Frame, area: Rect, cx: &Context, _now: Millis) {
        self.draw_list_screen(frame, area, cx);
    }
}
