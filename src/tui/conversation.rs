//! The conversation screen: the client's mood, what has been said so far, and either the
//! options to answer with or what happened after the last answer (with the coaching, when
//! feedback is immediate).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::app::{App, Play};
use super::text::{clean, hanging, truncate};
use super::view::{more_signs, panel};
use crate::engine::Feedback;
use crate::i18n::fill;
use crate::scenario::{Choice, Node, STATE_MAX, STATE_MIN, Verdict};

pub fn draw(app: &App, frame: &mut Frame, area: Rect, play: &Play) {
    let conversation = &play.conversation;
    let scenario = conversation.scenario().scenario();
    let [header, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    draw_header(app, frame, header, play);

    let inner_width = usize::from(rest.width.saturating_sub(2));
    let bottom = bottom_lines(app, play, inner_width);
    // The answer panel takes what it needs, leaving the conversation at least two fifths
    // (and never fewer than four rows, the client's latest words among them); what does
    // not fit scrolls.
    let keep = (rest.height * 2 / 5).max(4);
    let wanted = bottom.lines.len() + 2 + usize::from(bottom.footer.is_some());
    let room = usize::from(rest.height.saturating_sub(keep)).max(3);
    let bottom_height = u16::try_from(wanted.min(room)).unwrap_or(3);
    let [history_area, answer_area] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(bottom_height)]).areas(rest);

    // The conversation so far, scrolled to the latest line unless the trainee scrolled back.
    let name = &scenario.client.name;
    let mut lines: Vec<Line> = Vec::new();
    let steps = conversation.steps();
    for (i, step) in steps.iter().enumerate() {
        push_client(app, &mut lines, name, &step.turn.line, inner_width);
        if step.hesitated {
            lines.extend(silence_lines(app, name, inner_width));
        } else if let Some(choice) =
            find_choice(conversation.scenario().node(&step.turn.node), &step.chosen)
        {
            lines.extend(hanging(
                Span::styled(format!(" {}: ", app.strings.you), app.theme.you),
                &choice.text,
                app.theme.you,
                inner_width,
            ));
            let latest = i + 1 == steps.len();
            if !(latest && play.showing_consequence) {
                lines.extend(hanging(
                    Span::raw("   "),
                    &choice.consequence,
                    app.theme.narration,
                    inner_width,
                ));
            }
        }
        lines.push(Line::raw(""));
    }
    if !play.showing_consequence {
        push_client(
            app,
            &mut lines,
            name,
            &conversation.turn().line,
            inner_width,
        );
    }
    let height = usize::from(history_area.height.saturating_sub(2));
    let bottom_scroll = lines.len().saturating_sub(height);
    play.history_page.set((
        u16::try_from(height).unwrap_or(u16::MAX),
        u16::try_from(bottom_scroll).unwrap_or(u16::MAX),
    ));
    let scroll = bottom_scroll.saturating_sub(usize::from(play.scroll_back));
    let block = more_signs(
        app,
        panel(app, format!(" {} ", app.strings.conversation)),
        scroll > 0,
        scroll < bottom_scroll,
    );
    let scroll = u16::try_from(scroll).unwrap_or(u16::MAX);
    frame.render_widget(
        Paragraph::new(lines).block(block).scroll((scroll, 0)),
        history_area,
    );

    let block = panel(app, bottom.title);
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
        app.scroll_limit
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
    let block = more_signs(app, block, top > 0, top + shown < total);
    frame.render_widget(block, answer_area);
    let visible: Vec<Line> = bottom.lines.into_iter().skip(top).take(shown).collect();
    frame.render_widget(Paragraph::new(visible), text_area);
    if let Some(footer) = bottom.footer {
        frame.render_widget(Paragraph::new(footer), footer_area);
    }
}

fn push_client<'a>(app: &App, lines: &mut Vec<Line<'a>>, name: &str, line: &str, width: usize) {
    let prefix = Span::styled(
        format!(" {}: ", clean(name)),
        app.theme
            .client
            .add_modifier(ratatui::style::Modifier::BOLD),
    );
    lines.extend(hanging(prefix, line, app.theme.client, width));
}

/// A decision let pass in a timed drill: the trainee said nothing and the client felt it.
fn silence_lines<'a>(app: &App, name: &str, width: usize) -> Vec<Line<'a>> {
    let strings = app.strings;
    let mut lines = hanging(
        Span::styled(format!(" {}: ", strings.you), app.theme.you),
        &format!("({})", strings.silence),
        app.theme.bad,
        width,
    );
    lines.extend(hanging(
        Span::raw("   "),
        &fill(&strings.silence_waits, &[("client", name)]),
        app.theme.narration,
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

fn draw_header(app: &App, frame: &mut Frame, area: Rect, play: &Play) {
    let m = play.conversation.scenario().scenario();
    let mood = play.conversation.state().mood;
    let steps = (STATE_MAX - STATE_MIN + 1) as usize;
    // The mood comes from the file and the engine; clamp it rather than trust either.
    let filled = usize::try_from(i16::from(mood) - i16::from(STATE_MIN) + 1).unwrap_or(0);
    let gauge: String = (0..steps)
        .map(|i| if i < filled { '●' } else { '○' })
        .collect();
    let right = format!(
        "{} ",
        fill(
            &app.strings.mood_gauge,
            &[("gauge", &gauge), ("mood", app.strings.mood(mood))]
        )
    );
    let width = usize::from(area.width);
    let left = truncate(
        &format!(" {} · {}", m.title, m.client.name),
        width.saturating_sub(right.width() + 1),
    );
    let gap = width.saturating_sub(left.width() + right.width());
    let line = Line::from(vec![
        Span::styled(left, app.theme.title),
        Span::raw(" ".repeat(gap)),
        Span::styled(right, app.theme.mood(mood)),
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

fn bottom_lines<'a>(app: &App, play: &Play, width: usize) -> Bottom<'a> {
    let conversation = &play.conversation;
    let t = &app.theme;
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
        if let Some(choice) = choice {
            lines.extend(hanging(
                Span::raw(" "),
                &choice.consequence,
                t.narration,
                width,
            ));
            if app.feedback == Feedback::Now {
                lines.push(Line::raw(""));
                for verdict in &choice.verdicts {
                    lines.push(verdict_line(app, verdict));
                }
                lines.extend(hanging(Span::raw(" "), &choice.coaching, t.dim, width));
            }
        }
        return Bottom {
            title: format!(" {} ", app.strings.what_happened),
            lines,
            options: Vec::new(),
            footer: Some(Line::styled(
                format!(" {}", app.strings.press_continue),
                t.dim,
            )),
        };
    }
    if conversation.is_finished() {
        let lines = hanging(Span::raw(" "), &app.strings.conversation_over, t.dim, width);
        return Bottom {
            title: format!(" {} ", app.strings.the_end),
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
        title: format!(" {} ", app.strings.your_answer),
        lines,
        options,
        footer: None,
    }
}

/// "✓ follows <rule name>" or "✗ breaks <rule name>".
pub fn verdict_line<'a>(app: &App, verdict: &Verdict) -> Line<'a> {
    let (rule, weight, follows) = match verdict {
        Verdict::Follows(r, w) => (r, *w, true),
        Verdict::Breaks(r, w) => (r, *w, false),
    };
    let (mark, word, style) = if follows {
        ("✓", &app.strings.follows, app.theme.good)
    } else {
        ("✗", &app.strings.breaks, app.theme.bad)
    };
    Line::from(vec![
        Span::styled(format!(" {mark} {word} "), style),
        Span::styled(clean(app.rules.name(rule)).into_owned(), style),
        Span::styled(app.strings.weight(weight), app.theme.dim),
    ])
}
