//! The briefing: who the client is, the situation, what the trainee knows and the goal, read
//! before the conversation starts.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::app::App;
use super::text::{clean, hanging, wrap};
use super::view::{panel, scrolled};
use crate::i18n::fill;
use crate::scenario::ValidScenario;

pub fn draw(app: &App, frame: &mut Frame, area: Rect, scenario: &ValidScenario, scroll: u16) {
    let m = scenario.scenario();
    let width = usize::from(area.width.saturating_sub(4));
    let t = &app.theme;
    let mut lines: Vec<Line> = Vec::new();
    let section = |lines: &mut Vec<Line>, heading: &str| {
        lines.push(Line::raw(""));
        lines.push(Line::styled(format!(" {heading}"), t.heading));
    };
    lines.push(Line::from(vec![
        Span::styled(format!(" {}", clean(&m.client.name)), t.client),
        Span::styled(
            format!(" · {}", app.strings.client_type(m.shown_type())),
            t.dim,
        ),
        Span::styled(
            format!(
                " · {}",
                fill(
                    &app.strings.briefing_mood,
                    &[("mood", app.strings.mood(m.initial.mood))]
                )
            ),
            t.mood(m.initial.mood),
        ),
    ]));
    lines.extend(indented(&m.client.persona, width, t.dim));
    section(&mut lines, &app.strings.briefing_situation);
    lines.extend(indented(
        &m.briefing.situation,
        width,
        ratatui::style::Style::new(),
    ));
    if !m.briefing.known.is_empty() {
        section(&mut lines, &app.strings.briefing_known);
        for fact in &m.briefing.known {
            lines.extend(hanging(
                Span::raw("  • "),
                fact,
                ratatui::style::Style::new(),
                width + 1,
            ));
        }
    }
    section(&mut lines, &app.strings.briefing_goal);
    lines.extend(indented(&m.briefing.goal, width, t.you));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!(" {}", app.strings.briefing_begin),
        t.dim,
    ));
    let title = format!(
        " {} ",
        fill(&app.strings.briefing_title, &[("title", &clean(&m.title))])
    );
    scrolled(app, frame, area, lines, scroll, panel(app, title));
}

fn indented<'a>(text: &str, width: usize, style: ratatui::style::Style) -> Vec<Line<'a>> {
    wrap(text, width.saturating_sub(1))
        .into_iter()
        .map(|l| Line::styled(format!(" {l}"), style))
        .collect()
}
