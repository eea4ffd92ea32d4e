//! A timed drill on screen: an opening card, then each scenario's briefing, conversation
//! (with a countdown gauge above it) and, with immediate feedback, its debrief; at the end a
//! summary from which every debrief can be opened again.
//!
//! The drill wraps the ordinary [`App`], which plays each scenario, and watches what it does:
//! conversations that reach their debrief come out of `app.finished` to be saved, and the
//! drill moves on. The clock comes in from outside (`update`, `tick`), and so does every
//! save's outcome ([`DrillScreen::saved`]), so the whole drill runs in tests without a
//! terminal, a database or a wait.

use std::cell::Cell;
use std::sync::Arc;
use std::time::Duration;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell as TableCell, Padding, Paragraph, Row, Table, TableState, Wrap};
use unicode_width::UnicodeWidthStr;

use super::app::{App, Debrief, Screen};
use super::keymap::{self, Action, Binding};
use super::record::Recorder;
use super::text::{clean, template, truncate};
use super::theme::Theme;
use super::view::{
    MIN_HEIGHT, MIN_WIDTH, draw_in, help, legend_line, notice_line, panel, too_small,
};
use crate::drill::DrillPlan;
use crate::engine::Feedback;
use crate::engine::{Millis, Report};
use crate::i18n::{Lang, Strings, fill};
use crate::labels;
use crate::rules::Rulebook;
use crate::scenario::Library;

/// Where the drill stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// The opening card: what the drill is, Enter to begin.
    Intro,
    /// A scenario is on screen (briefing, conversation or debrief), drawn by the app.
    Playing,
    /// The end: every scenario's score and whether it was saved.
    Summary,
    /// A finished scenario's debrief, opened from the summary.
    Review,
}

/// Whether a finished scenario's result is in the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    Pending,
    Saved(i64),
    Failed(String),
}

/// One scenario the trainee finished.
pub struct Finished {
    pub index: usize,
    pub report: Report,
    pub saved: Saved,
}

pub struct DrillScreen {
    pub app: App,
    pub plan: DrillPlan,
    pub trainee: String,
    pub phase: Phase,
    /// The scenario being played, by its place in the plan.
    pub index: usize,
    pub results: Vec<Finished>,
    /// The highlighted row of the summary.
    pub selected: usize,
    pub quit: bool,
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

impl DrillScreen {
    pub fn new(
        plan: DrillPlan,
        rules: Rulebook,
        trainee: String,
        theme: Theme,
        lang: Lang,
        strings: &'static Strings,
    ) -> DrillScreen {
        let feedback = plan.feedback;
        let mut app = App::new(
            Library::default(),
            rules,
            feedback,
            None,
            theme,
            lang,
            strings,
        );
        app.time_limit = Some(plan.time_limit_ms);
        // Between scenarios the debrief leads on to the next; nothing is played again.
        app.debrief_keys = keymap::DRILL_DEBRIEF;
        // The drill file's words reach the screen here; `check` refuses control characters
        // in them, and the screen shows any that got past it as U+FFFD rather than obey them.
        let mut plan = plan;
        plan.name = clean(&plan.name).into_owned();
        plan.description = clean(&plan.description).into_owned();
        DrillScreen {
            app,
            plan,
            trainee,
            phase: Phase::Intro,
            index: 0,
            results: Vec::new(),
            selected: 0,
            quit: false,
            gauge_cells: Cell::new(20),
        }
    }

    /// Puts scenario `index` of the plan on screen, at its briefing.
    fn open(&mut self, index: usize) {
        let Some(item) = self.plan.items.get(index) else {
            self.phase = Phase::Summary;
            self.app.screen = Screen::Home;
            return;
        };
        self.index = index;
        self.app.scenarios = vec![Arc::clone(&item.scenario)];
        self.app.seed = Some(item.seed);
        self.app.open(item.scenario.id());
        self.phase = Phase::Playing;
    }

    /// Applies one action at clock time `now`.
    pub fn update(&mut self, action: Action, now: Millis) {
        if action == Action::ForceQuit {
            self.quit = true;
            return;
        }
        if self.phase != Phase::Playing {
            // A notice is for the moment it appears, as on every other screen; while playing,
            // the app's own update clears it.
            self.app.notice = None;
        }
        match self.phase {
            Phase::Intro | Phase::Summary if self.app.help => match action {
                Action::Help | Action::Back | Action::Confirm => self.app.help = false,
                Action::Quit => self.quit = true,
                other => self.app.scroll_help(other),
            },
            Phase::Intro => match action {
                Action::Confirm => self.open(0),
                Action::Quit | Action::Back => self.quit = true,
                Action::Help => self.app.open_help(),
                _ => {}
            },
            Phase::Summary => {
                let count = self.results.len();
                match action {
                    Action::Up => self.selected = self.selected.saturating_sub(1),
                    Action::Down => {
                        self.selected = (self.selected + 1).min(count.saturating_sub(1))
                    }
                    Action::Pick(n) if n < count => {
                        self.selected = n;
                        self.review();
                    }
                    Action::Confirm => self.review(),
                    Action::Help => self.app.open_help(),
                    Action::Quit | Action::Back => self.quit = true,
                    _ => {}
                }
            }
            Phase::Review => {
                // Playing again is not part of a drill.
                if action != Action::Again {
                    self.app.update(action, now);
                }
                if self.app.quit {
                    self.quit = true;
                }
                if matches!(self.app.screen, Screen::Home) {
                    self.phase = Phase::Summary;
                }
            }
            Phase::Playing => self.play(action, now),
        }
    }

    fn play(&mut self, action: Action, now: Millis) {
        let was_debrief = matches!(self.app.screen, Screen::Debrief(_));
        // Finished (its result handed over) but not yet through to its debrief.
        let was_finished = matches!(
            &self.app.screen,
            Screen::Conversation(play) if play.conversation.is_finished()
        );
        if was_debrief && action == Action::Again {
            return;
        }
        // A key pressed after the deadline answers the silence, not the question.
        self.tick(now);
        self.app.update(action, now);
        for report in self.app.finished.drain(..) {
            self.results.push(Finished {
                index: self.index,
                report,
                saved: Saved::Pending,
            });
        }
        if self.app.quit {
            self.quit = true;
            return;
        }
        match &self.app.screen {
            // Coaching at the end: no debrief between scenarios.
            Screen::Debrief(_) if self.app.feedback == Feedback::End => self.open(self.index + 1),
            // Leaving a scenario that is done moves on to the next.
            Screen::Home if was_debrief || was_finished => self.open(self.index + 1),
            // Left the conversation (or the briefing): the drill ends here.
            Screen::Home => self.phase = Phase::Summary,
            _ => {}
        }
    }

    fn review(&mut self) {
        let Some(result) = self.results.get(self.selected) else {
            return;
        };
        let Some(item) = self.plan.items.get(result.index) else {
            return;
        };
        self.app.screen = Screen::Debrief(Box::new(Debrief {
            scenario: Arc::clone(&item.scenario),
            report: result.report.clone(),
            scroll: 0,
        }));
        self.app.debrief_keys = keymap::REVIEW;
        self.phase = Phase::Review;
    }

    /// The keys that act now.
    pub fn bindings(&self) -> &'static [Binding] {
        if self.app.too_small.get() {
            return keymap::TOO_SMALL;
        }
        match self.phase {
            Phase::Playing | Phase::Review => self.app.bindings(),
            Phase::Intro | Phase::Summary if self.app.help => keymap::HELP_OPEN,
            Phase::Intro | Phase::Summary => self.screen_bindings(),
        }
    }

    /// The keys of the drill's own screen under its help.
    fn screen_bindings(&self) -> &'static [Binding] {
        match self.phase {
            Phase::Intro => keymap::DRILL_INTRO,
            Phase::Summary => keymap::DRILL_SUMMARY,
            Phase::Playing | Phase::Review => self.app.screen_bindings(),
        }
    }

    /// Lets the clock reach `now`: a decision whose time ran out becomes a hesitation, and
    /// the trainee is told. Returns whether anything changed.
    pub fn tick(&mut self, now: Millis) -> bool {
        if self.phase != Phase::Playing {
            return false;
        }
        let Screen::Conversation(play) = &mut self.app.screen else {
            return false;
        };
        if play.showing_consequence || play.conversation.tick(now) == 0 {
            return false;
        }
        play.selected = 0;
        let name = play.conversation.scenario().scenario().client.name.clone();
        self.app.notice = Some(fill(
            &self.app.strings.drill.time_ran_out,
            &[("client", &name)],
        ));
        true
    }

    /// When the clock runs for the current decision: its deadline.
    pub fn deadline(&self) -> Option<Millis> {
        if self.phase != Phase::Playing {
            return None;
        }
        match &self.app.screen {
            Screen::Conversation(play) if !play.showing_consequence => play.conversation.deadline(),
            _ => None,
        }
    }

    /// How long the event loop may wait for a key before the screen must change; `None`
    /// when nothing runs against the clock and it can wait for ever.
    pub fn next_wake(&self, now: Millis) -> Option<Duration> {
        let deadline = self.deadline()?;
        let limit = self.plan.time_limit_ms;
        let wait = next_change(deadline.saturating_sub(now), limit, self.gauge_cells.get());
        Some(Duration::from_millis(wait))
    }

    /// Results not yet saved, by their place in `results`.
    pub fn unsaved(&self) -> Vec<usize> {
        (0..self.results.len())
            .filter(|&i| self.results[i].saved == Saved::Pending)
            .collect()
    }

    /// Takes in the outcome of saving result `i`.
    pub fn saved(&mut self, i: usize, outcome: Result<i64, String>) {
        let Some(result) = self.results.get_mut(i) else {
            return;
        };
        self.app.notice = Some(Recorder::notice(
            self.app.strings,
            &outcome,
            &result.report.scenario.title,
        ));
        result.saved = match outcome {
            Ok(id) => Saved::Saved(id),
            Err(e) => Saved::Failed(e),
        };
    }

    /// The drill's score: the mean of the finished scenarios' scores, rounded.
    pub fn score(&self) -> Option<u32> {
        crate::drill::mean_score(self.results.iter().map(|r| r.report.score)).map(u32::from)
    }

    pub fn draw(&self, frame: &mut Frame, now: Millis) {
        let area = frame.area();
        let app = &self.app;
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            too_small(app, frame, area);
            return;
        }
        app.too_small.set(false);
        match self.phase {
            Phase::Playing => {
                let [bar, rest] =
                    Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
                self.draw_bar(frame, bar, now);
                draw_in(app, frame, rest);
            }
            Phase::Review => draw_in(app, frame, area),
            Phase::Intro | Phase::Summary => {
                let [body, legend_area] =
                    Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
                if self.phase == Phase::Intro {
                    self.draw_intro(frame, body);
                } else {
                    self.draw_summary(frame, body);
                }
                let legend = match &app.notice {
                    Some(n) if !app.help => notice_line(app, n, legend_area.width),
                    _ => legend_line(app, self.bindings(), legend_area.width),
                };
                frame.render_widget(legend, legend_area);
                if app.help {
                    help(app, frame, body, self.screen_bindings());
                }
            }
        }
    }

    /// The line above the scenario: the drill, how far along, and the countdown.
    fn draw_bar(&self, frame: &mut Frame, area: Rect, now: Millis) {
        let t = &self.app.theme;
        let d = &self.app.strings.drill;
        let left = format!(
            " {}",
            fill(
                &d.progress,
                &[
                    ("name", &self.plan.name),
                    ("n", &(self.index + 1).to_string()),
                    ("total", &self.plan.items.len().to_string()),
                ],
            )
        );
        let width = usize::from(area.width);
        let mut spans = Vec::new();
        let right: Vec<Span> = match self.deadline() {
            Some(deadline) => {
                let remaining = deadline.saturating_sub(now);
                let limit = self.plan.time_limit_ms;
                let figure = format!("{:>3}", seconds_left(remaining));
                let label = format!(" {} ", fill(&d.seconds, &[("s", &figure)]));
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
                    format!("{} ", fill(&d.per_answer, &[("s", &seconds)])),
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

    fn draw_intro(&self, frame: &mut Frame, area: Rect) {
        let t = &self.app.theme;
        let d = &self.app.strings.drill;
        let plan = &self.plan;
        let mut lines = vec![
            Line::raw(""),
            Line::from(template(
                &d.intro_trainee,
                t.heading,
                &[("trainee", Span::raw(self.trainee.clone()))],
            )),
            Line::raw(""),
        ];
        if !plan.description.is_empty() {
            lines.push(Line::raw(plan.description.clone()));
            lines.push(Line::raw(""));
        }
        let plan_text = fill(
            &d.intro_plan,
            &[
                ("n", &plan.items.len().to_string()),
                ("s", &(plan.time_limit_ms / 1000).to_string()),
            ],
        );
        lines.push(Line::styled(plan_text, t.dim));
        let coaching = match plan.feedback {
            Feedback::Now => &d.coaching_now,
            Feedback::End => &d.coaching_end,
        };
        lines.push(Line::styled(coaching.clone(), t.dim));
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
        lines.push(Line::from(template(
            &d.intro_begin,
            t.dim,
            &[("key", Span::styled("Enter", t.key))],
        )));
        let title = format!(" {} ", fill(&d.title, &[("name", &plan.name)]));
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                // Padding rather than a leading space, so wrapped lines keep the margin too.
                .block(panel(&self.app, title).padding(Padding::horizontal(1))),
            area,
        );
    }

    fn draw_summary(&self, frame: &mut Frame, area: Rect) {
        let t = &self.app.theme;
        let strings = self.app.strings;
        let d = &strings.drill;
        let title = fill(&d.summary_title, &[("name", &self.plan.name)]);
        let block = panel(&self.app, format!(" {title} "));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let [head, table_area] =
            Layout::vertical([Constraint::Length(3), Constraint::Min(1)]).areas(inner);
        let score = self
            .score()
            .map_or_else(|| d.no_score.clone(), |s| format!("{s}/100"));
        let silences: u32 = self.results.iter().map(|r| r.report.hesitations).sum();
        let counts = fill(
            &d.summary_counts,
            &[
                ("played", &self.results.len().to_string()),
                ("planned", &self.plan.items.len().to_string()),
                ("silences", &silences.to_string()),
            ],
        );
        let head_lines = vec![
            Line::from(template(
                &format!(" {}", d.summary_head),
                t.heading,
                &[
                    ("trainee", Span::raw(self.trainee.clone())),
                    ("score", Span::styled(score, t.title)),
                ],
            )),
            Line::styled(format!(" {counts}"), t.dim),
        ];
        frame.render_widget(Paragraph::new(head_lines), head);

        let columns = &d.columns;
        let rows: Vec<SummaryRow> = self
            .results
            .iter()
            .map(|r| SummaryRow::new(r, strings, t))
            .collect();
        // The fixed columns are as wide as the English ones were, or as their heading and
        // their widest cell in this language, if wider: a translation never gets cut.
        let fit = |least: usize, heading: &str, cells: &mut dyn Iterator<Item = usize>| {
            let widest = cells.chain([heading.width(), least]).max().unwrap_or(least);
            u16::try_from(widest).unwrap_or(u16::MAX)
        };
        let score_width = fit(5, &columns.score, &mut std::iter::empty());
        let silent_width = fit(6, &columns.silent, &mut std::iter::empty());
        let average_width = fit(
            7,
            &columns.average,
            &mut rows.iter().map(|r| r.average.width()),
        );
        // Every state a row can pass through counts, so the column stays put as saves land.
        let states = [d.saving.width(), d.not_saved_row.width()];
        let saved_width = fit(
            11,
            &columns.saved,
            &mut rows.iter().map(|r| r.saved.width()).chain(states),
        );
        // The ending keeps its 20 columns (the title takes the rest); a longer one is cut
        // visibly.
        let ending_width = fit(20, &columns.ending, &mut std::iter::empty());
        let header = Row::new([
            "",
            columns.scenario.as_str(),
            columns.score.as_str(),
            columns.ending.as_str(),
            columns.silent.as_str(),
            columns.average.as_str(),
            columns.saved.as_str(),
        ])
        .style(t.heading);
        let rows: Vec<Row> = rows
            .into_iter()
            .enumerate()
            .map(|(i, r)| {
                let marker = if i == self.selected { "›" } else { " " };
                let ending = truncate(r.ending, usize::from(ending_width));
                let row = Row::new(vec![
                    TableCell::from(Span::styled(format!("{marker}{}", i + 1), t.key)),
                    TableCell::from(r.title),
                    TableCell::from(format!("{:>3}", r.score)),
                    TableCell::from(Span::styled(ending, r.ending_style)),
                    TableCell::from(format!("{:>3}", r.hesitations)),
                    TableCell::from(r.average),
                    TableCell::from(Span::styled(r.saved, r.saved_style)),
                ]);
                if i == self.selected {
                    row.style(t.selected)
                } else {
                    row
                }
            })
            .collect();
        let table = Table::new(
            rows,
            [
                Constraint::Length(3),
                Constraint::Min(12),
                Constraint::Length(score_width),
                Constraint::Length(ending_width),
                Constraint::Length(silent_width),
                Constraint::Length(average_width),
                Constraint::Length(saved_width),
            ],
        )
        .header(header)
        .column_spacing(1);
        // Scrolled so that the selected row is on screen, however few rows fit.
        let mut state = TableState::default().with_selected(Some(self.selected));
        frame.render_stateful_widget(table, table_area, &mut state);
    }
}

/// One finished scenario as the summary's table shows it, in the trainee's language.
struct SummaryRow {
    title: String,
    score: u8,
    ending: &'static str,
    ending_style: Style,
    hesitations: u32,
    average: String,
    saved: String,
    saved_style: Style,
}

impl SummaryRow {
    fn new(result: &Finished, strings: &'static Strings, t: &Theme) -> SummaryRow {
        let d = &strings.drill;
        let report = &result.report;
        let answered: Vec<&crate::engine::StepReport> =
            report.steps.iter().filter(|s| !s.hesitated).collect();
        let average = if answered.is_empty() {
            "–".to_owned()
        } else {
            let total: u64 = answered.iter().map(|s| s.elapsed_ms).sum();
            let seconds = total as f64 / answered.len() as f64 / 1000.0;
            let figure = format!("{seconds:.1}").replace('.', &d.decimal_separator);
            fill(&d.seconds, &[("s", &figure)])
        };
        let (ending, ending_style) = match &report.ending {
            Some(e)
                if e.rating.map_or_else(
                    || labels::outcome_is_good(e.outcome),
                    crate::scenario::Rating::is_good,
                ) =>
            {
                (strings.outcome(e.outcome), t.good)
            }
            Some(e) => (strings.outcome(e.outcome), t.bad),
            None => ("–", t.dim),
        };
        let (saved, saved_style) = match &result.saved {
            Saved::Saved(id) => (fill(&d.saved_row, &[("id", &id.to_string())]), t.good),
            Saved::Pending => (d.saving.clone(), t.warn),
            Saved::Failed(_) => (d.not_saved_row.clone(), t.bad),
        };
        SummaryRow {
            title: report.scenario.title.clone(),
            score: report.score,
            ending,
            ending_style,
            hesitations: report.hesitations,
            average,
            saved,
            saved_style,
        }
    }
}

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
