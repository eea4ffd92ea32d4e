//! The home screen: the library, one scenario per entry (title, client type, the situation in a
//! line), and a notice when some of a trainer's files could not be loaded.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::app::App;
use super::text::{truncate, wrap};
use super::view::panel;
use crate::labels;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let notice_height = if app.problems.is_empty() { 0 } else { 2 };
    let [list_area, notice_area] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(notice_height)]).areas(area);
    let block = panel(app, " Composure · choose a client to practise with ");
    let inner = block.inner(list_area);
    frame.render_widget(block, list_area);

    let width = usize::from(inner.width);
    if app.scenarios.is_empty() {
        let lines: Vec<Line> = wrap(
            "No scenarios to play. Add a folder of scenario files with --scenarios DIR.",
            width,
        )
        .into_iter()
        .map(Line::raw)
        .collect();
        frame.render_widget(Paragraph::new(lines), inner);
    } else {
        // Each entry takes three lines: title and type, situation, a gap.
        let per_entry = 3usize;
        let visible = (usize::from(inner.height) / per_entry).max(1);
        let first = app.home_selected.saturating_sub(visible - 1);
        let mut lines = Vec::new();
        for (i, s) in app.scenarios.iter().enumerate().skip(first).take(visible) {
            let m = s.scenario();
            let selected = i == app.home_selected;
            let kind = labels::client_type(m.client_type);
            let number = if i < 9 {
                format!("{} ", i + 1)
            } else {
                "  ".to_owned()
            };
            let marker = if selected { "›" } else { " " };
            let lead = format!("{marker}{number}");
            let title_room = width.saturating_sub(lead.width() + kind.width() + 2);
            let title = truncate(&m.title, title_room);
            let gap = width.saturating_sub(lead.width() + title.width() + kind.width());
            let title_style = if selected {
                app.theme.selected
            } else {
                app.theme.heading
            };
            lines.push(Line::from(vec![
                Span::styled(
                    lead,
                    if selected {
                        app.theme.key
                    } else {
                        app.theme.dim
                    },
                ),
                Span::styled(title, title_style),
                Span::raw(" ".repeat(gap)),
                Span::styled(kind, app.theme.client),
            ]));
            let situation = labels::first_sentence(&m.briefing.situation);
            lines.push(Line::styled(
                format!("   {}", truncate(situation, width.saturating_sub(3))),
                app.theme.dim,
            ));
            lines.push(Line::raw(""));
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }

    if !app.problems.is_empty() {
        let files = {
            let mut f: Vec<&str> = app.problems.iter().map(|p| p.file.as_str()).collect();
            f.dedup();
            f.len()
        };
        let text = format!(
            " {files} scenario file(s) could not be loaded; `composure check` on the folder shows why."
        );
        let lines: Vec<Line> = wrap(&text, usize::from(area.width))
            .into_iter()
            .map(|l| Line::styled(l, app.theme.warn))
            .collect();
        frame.render_widget(Paragraph::new(lines), notice_area);
    }
}
