//! The home screen: the library under the trainee's filters (client type, language), one
//! scenario per entry (title, client type, length and difficulty, the situation in a line),
//! and a notice when some of a trainer's files could not be loaded.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::app::{App, LangFilter};
use super::text::{truncate, wrap};
use super::view::panel;
use crate::i18n::fill;
use crate::labels;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let s = app.strings;
    let notice_height = if app.problems.is_empty() { 0 } else { 2 };
    let [filters_area, list_area, notice_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(notice_height),
    ])
    .areas(area);

    let types = app
        .type_filter
        .map_or(s.filter_all_types.as_str(), |k| s.client_type(k));
    let languages = match app.lang_filter {
        LangFilter::Mine => app.lang.name(),
        LangFilter::Only(lang) => lang.name(),
        LangFilter::All => s.filter_all_languages.as_str(),
    };
    let filters = fill(
        &s.home_filters,
        &[("types", types), ("languages", languages)],
    );
    let width = usize::from(area.width);
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!(" {}", truncate(&filters, width.saturating_sub(1))),
            app.theme.dim,
        )),
        filters_area,
    );

    let block = panel(app, format!(" {} ", s.home_title));
    let inner = block.inner(list_area);
    frame.render_widget(block, list_area);
    let width = usize::from(inner.width);
    let entries = app.entries();
    if entries.is_empty() {
        let message = if app.scenarios.is_empty() {
            &s.home_empty
        } else {
            &s.home_nothing_matches
        };
        let lines: Vec<Line> = wrap(message, width).into_iter().map(Line::raw).collect();
        frame.render_widget(Paragraph::new(lines), inner);
    } else {
        // Each entry takes three lines: title and type, length and situation, a gap.
        let per_entry = 3usize;
        let visible = (usize::from(inner.height) / per_entry).max(1);
        let first = app.home_selected.saturating_sub(visible - 1);
        let mut lines = Vec::new();
        for (i, entry) in entries.iter().enumerate().skip(first).take(visible) {
            let scenario = &app.scenarios[entry.index];
            let m = scenario.scenario();
            let selected = i == app.home_selected;
            let mut kind = s.client_type(m.shown_type()).to_owned();
            if entry.fallback && m.language == "en" {
                kind = format!("{kind} · {}", s.in_english);
            } else if entry.fallback {
                kind = format!("{kind} · {}", truncate(&m.language, 8));
            } else if app.lang_filter == LangFilter::All {
                kind = format!("{kind} · {}", m.language);
            }
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
            let measure =
                app.lengths
                    .get(entry.index)
                    .copied()
                    .flatten()
                    .map_or_else(String::new, |n| {
                        format!(
                            "{}, {} · ",
                            fill(&s.home_length, &[("n", &n.to_string())]),
                            s.difficulty(n)
                        )
                    });
            let situation = labels::first_sentence(&m.briefing.situation);
            lines.push(Line::from(vec![
                Span::styled(format!("   {measure}"), app.theme.you),
                Span::styled(
                    truncate(situation, width.saturating_sub(3 + measure.width())),
                    app.theme.dim,
                ),
            ]));
            lines.push(Line::raw(""));
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }

    if !app.problems.is_empty() {
        let mut files: Vec<&str> = app.problems.iter().map(|p| p.file.as_str()).collect();
        files.sort_unstable();
        files.dedup();
        let text = format!(
            " {}",
            fill(&s.home_skipped, &[("n", &files.len().to_string())])
        );
        let lines: Vec<Line> = wrap(&text, usize::from(area.width))
            .into_iter()
            .map(|l| Line::styled(l, app.theme.warn))
            .collect();
        frame.render_widget(Paragraph::new(lines), notice_area);
    }
}
