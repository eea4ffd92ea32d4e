//! The end of a drill: every scenario's score, ending, silences, time taken and whether its
//! result is saved; Enter opens a finished scenario's debrief again over it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::widgets::{Cell as TableCell, Row, Table, TableState};
use unicode_width::UnicodeWidthStr;

use super::debrief::Debrief;
use super::debrief::REVIEW;
use super::drill::{Finished, Saved};
use super::keymap::{Action, Binding, Does, ENTER, HELP, QUIT_OR_ESC, UP_DOWN, bind, digits};
use super::screen::{Context, ResultId, Screen, Update};
use super::text::{styled_message, truncate};
use super::theme::Theme;
use super::view::panel;
use crate::drill::DrillPlan;
use crate::engine::Millis;
use crate::i18n::{Args, Messages};
use crate::labels;

pub struct DrillSummary {
    pub plan: DrillPlan,
    pub trainee: String,
    pub results: Vec<Finished>,
    /// The highlighted row.
    pub selected: usize,
}

/// The summary's keys.
pub const DRILL_SUMMARY: &[Binding] = &[
    bind("↑↓", UP_DOWN, Does::MoveList),
    bind("Enter", ENTER, Does::DrillReview),
    digits(Does::ReviewNumbered),
    HELP,
    QUIT_OR_ESC,
];

impl DrillSummary {
    pub fn new(plan: DrillPlan, trainee: String, results: Vec<Finished>) -> DrillSummary {
        DrillSummary {
            plan,
            trainee,
            results,
            selected: 0,
        }
    }

    /// Results not yet saved, by their place in `results`.
    pub fn unsaved(&self) -> Vec<usize> {
        (0..self.results.len())
            .filter(|&i| self.results[i].saved == Saved::Pending)
            .collect()
    }

    /// The drill's score: the mean of the finished scenarios' scores, rounded.
    pub fn score(&self) -> Option<u32> {
        crate::drill::mean_score(self.results.iter().map(|r| r.report.score)).map(u32::from)
    }

    /// The selected scenario's debrief, over the summary.
    fn review(&self) -> Update {
        match self.results.get(self.selected) {
            Some(result) => Update::push(Debrief::new(result.report.clone(), REVIEW, None)),
            None => Update::none(),
        }
    }

    fn draw_summary(&self, frame: &mut Frame, area: Rect, cx: &Context) {
        let t = &cx.theme;
        let title = cx.msg(
            "drill-summary-title",
            &Args::new().text("name", self.plan.name.as_str()),
        );
        let block = panel(cx, format!(" {title} "));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let [head, table_area] =
            Layout::vertical([Constraint::Length(3), Constraint::Min(1)]).areas(inner);
        let score = self
            .score()
            .map_or_else(|| cx.text("drill-no-score"), |s| format!("{s}/100"));
        let silences: u32 = self.results.iter().map(|r| r.report.hesitations).sum();
        let counts = cx.messages().msg(
            "drill-summary-counts",
            &Args::new()
                .count("played", self.results.len())
                .count("planned", self.plan.items.len())
                .count("silences", silences as usize),
        );
        let head_lines = vec![
            Line::from(
                [Span::raw(" ")]
                    .into_iter()
                    .chain(styled_message(
                        cx.messages(),
                        "drill-summary-head",
                        t.heading,
                        &[
                            ("trainee", Span::raw(self.trainee.clone())),
                            ("score", Span::styled(score, t.title)),
                        ],
                    ))
                    .collect::<Vec<_>>(),
            ),
            Line::styled(format!(" {counts}"), t.dim),
        ];
        frame.render_widget(Paragraph::new(head_lines), head);

        let columns = Columns::new(cx.messages());
        let rows: Vec<SummaryRow> = self
            .results
            .iter()
            .map(|r| SummaryRow::new(r, cx.messages(), t))
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
        let states = [
            cx.text("drill-saving").width(),
            cx.text("drill-not-saved-row").width(),
        ];
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
                let ending = truncate(&r.ending, usize::from(ending_width));
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

impl Screen for DrillSummary {
    fn bindings(&self) -> &'static [Binding] {
        DRILL_SUMMARY
    }

    fn update(&mut self, action: Action, _cx: &Context, _now: Millis) -> Update {
        let count = self.results.len();
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(count.saturating_sub(1)),
            Action::Pick(n) if n < count => {
                self.selected = n;
                return self.review();
            }
            Action::Confirm => return self.review(),
            Action::Back => return Update::quit(),
            _ => {}
        }
        Update::none()
    }

    fn draw(&self, frame: &mut Frame, area: Rect, cx: &Context, _now: Millis) {
        self.draw_summary(frame, area, cx);
    }

    fn saved(&mut self, id: ResultId, outcome: &Result<i64, String>) {
        Finished::note_saved(&mut self.results, id, outcome);
    }
}

/// The headings of the summary's table, in the trainee's language.
pub struct Columns {
    pub scenario: String,
    pub score: String,
    pub ending: String,
    /// How many times the time ran out.
    pub silent: String,
    /// The average time to answer.
    pub average: String,
    pub saved: String,
}

impl Columns {
    pub fn new(messages: &Messages) -> Columns {
        Columns {
            scenario: messages.text("drill-column-scenario"),
            score: messages.text("drill-column-score"),
            ending: messages.text("drill-column-ending"),
            silent: messages.text("drill-column-silent"),
            average: messages.text("drill-column-average"),
            saved: messages.text("drill-column-saved"),
        }
    }
}

/// One finished scenario as the summary's table shows it, in the trainee's language.
struct SummaryRow {
    title: String,
    score: u8,
    ending: String,
    ending_style: Style,
    hesitations: u32,
    average: String,
    saved: String,
    saved_style: Style,
}

impl SummaryRow {
    fn new(result: &Finished, messages: &Messages, t: &Theme) -> SummaryRow {
        let report = &result.report;
        let answered: Vec<&crate::engine::StepReport> =
            report.steps.iter().filter(|s| !s.hesitated).collect();
        let average = if answered.is_empty() {
            "–".to_owned()
        } else {
            let total: u64 = answered.iter().map(|s| s.elapsed_ms).sum();
            let seconds = total as f64 / answered.len() as f64 / 1000.0;
            let figure = format!("{seconds:.1}").replace('.', &messages.text("decimal-separator"));
            messages.msg("drill-seconds", &Args::new().text("s", figure))
        };
        let (ending, ending_style) = match &report.ending {
            Some(e)
                if e.rating.map_or_else(
                    || labels::outcome_is_good(e.outcome),
                    crate::scenario::Rating::is_good,
                ) =>
            {
                (messages.outcome(e.outcome), t.good)
            }
            Some(e) => (messages.outcome(e.outcome), t.bad),
            None => ("–".to_owned(), t.dim),
        };
        let (saved, saved_style) = match &result.saved {
            Saved::Saved(id) => (
                messages.msg("drill-saved-row", &Args::new().text("id", id.to_string())),
                t.good,
            ),
            Saved::Pending => (messages.text("drill-saving"), t.warn),
            Saved::Failed(_) => (messages.text("drill-not-saved-row"), t.bad),
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
