//! Drawing: picks the screen, adds the key legend and any overlay (help, "leave?", a watched
//! file that does not load), and keeps tiny terminals to a "too small" message. Side-effect
//! free apart from telling the app how far the text on screen can scroll.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::app::{App, Screen};
use super::keymap::{self, Binding};
use super::{briefing, conversation, debrief, home, text};
use crate::i18n::fill;

/// Below this size the screens cannot say anything useful.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(app, frame, area);
        return;
    }
    app.too_small.set(false);
    draw_in(app, frame, area);
}

/// Draws the app in part of a frame the caller found big enough, so that a drill can keep a
/// line for its countdown and still draw at the minimum size.
pub fn draw_in(app: &App, frame: &mut Frame, area: Rect) {
    let [body, legend_area] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    match &app.screen {
        Screen::Home => home::draw(app, frame, body),
        Screen::Briefing { scenario, scroll } => {
            briefing::draw(app, frame, body, scenario, *scroll)
        }
        Screen::Conversation(play) => conversation::draw(app, frame, body, play),
        Screen::Debrief(d) => debrief::draw(app, frame, body, d),
    }
    let legend = match &app.notice {
        Some(notice) => notice_line(app, notice, legend_area.width),
        None => legend_line(app, app.bindings(), legend_area.width),
    };
    frame.render_widget(legend, legend_area);
    if app.help {
        help(app, frame, body, app.screen_bindings());
    }
    if let Some(then_quit) = app.confirm_leave {
        confirm(app, frame, body, then_quit);
    }
    if !app.load_errors.is_empty() {
        load_errors(app, frame, body);
    }
}

/// The problems of a watched file that does not load, over whatever is on screen.
fn load_errors(app: &App, frame: &mut Frame, body: Rect) {
    let width = body.width.saturating_sub(4).max(1);
    let inner = usize::from(width.saturating_sub(2));
    let mut lines = vec![Line::styled(
        format!(" {}", app.strings.cannot_load),
        app.theme.warn,
    )];
    lines.push(Line::raw(""));
    for problem in &app.load_errors {
        let text = problem.to_string();
        lines.extend(
            text::wrap(&text, inner.saturating_sub(1))
                .into_iter()
                .map(|l| Line::styled(format!(" {l}"), app.theme.bad)),
        );
    }
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(body.height);
    let area = centred(body, width, height);
    frame.render_widget(Clear, area);
    let title = format!(" {} ", app.strings.cannot_load_title);
    frame.render_widget(Paragraph::new(lines).block(panel(app, title)), area);
}

/// A notice in place of the key legend, cut to the width.
pub(super) fn notice_line(app: &App, notice: &str, width: u16) -> Line<'static> {
    let room = usize::from(width).saturating_sub(1);
    Line::styled(format!(" {}", text::truncate(notice, room)), app.theme.warn)
}

/// The legend of a screen with these key bindings: as many entries as fit, in order.
pub(super) fn legend_line(app: &App, bindings: &[Binding], width: u16) -> Line<'static> {
    let keys = keymap::legend(bindings, &app.strings.legend);
    let size = |(key, label): &(&str, &str)| 1 + key.width() + 1 + label.width() + 1;
    // When not every key fits, help and quit stay: help lists the keys left out, and quit is
    // the one a trainee must never have to guess. The others go from the end.
    let kept = |(key, _): &(&str, &str)| *key == "?" || *key == "q";
    let mut room =
        usize::from(width).saturating_sub(keys.iter().filter(|k| kept(k)).map(size).sum());
    let keys = keys.as_slice();
    let all_fit = keys.iter().map(size).sum::<usize>() <= usize::from(width);
    let mut spans = Vec::new();
    let mut full = false;
    for item in keys {
        if !all_fit && !kept(item) {
            if full || size(item) > room {
                full = true;
                continue;
            }
            room -= size(item);
        }
        let (key, label) = item;
        spans.push(Span::raw(" "));
        spans.push(Span::styled((*key).to_owned(), app.theme.key));
        spans.push(Span::styled(format!(" {label} "), app.theme.dim));
    }
    Line::from(spans)
}

/// The "too small" message in place of a screen. Until the next frame is drawn bigger, keys
/// do nothing but help and quit: nothing may be chosen that cannot be seen.
pub(super) fn too_small(app: &App, frame: &mut Frame, area: Rect) {
    app.too_small.set(true);
    let message = fill(
        &app.strings.too_small,
        &[
            ("w", &area.width.to_string()),
            ("h", &area.height.to_string()),
            ("min_w", &MIN_WIDTH.to_string()),
            ("min_h", &MIN_HEIGHT.to_string()),
        ],
    );
    let lines: Vec<Line> = text::wrap(&message, usize::from(area.width))
        .into_iter()
        .map(|l| Line::styled(l, app.theme.warn))
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// A rectangle of at most `width`×`height` centred in `area`.
pub fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// A bordered block in the theme's border style.
pub fn panel<'a>(app: &App, title: impl Into<Line<'a>>) -> Block<'a> {
    Block::bordered()
        .border_style(app.theme.border)
        .title(title.into().style(app.theme.title))
}

/// Renders pre-wrapped `lines` in `area` scrolled down by `scroll` (clamped), and records how
/// far this text can scroll.
pub fn scrolled(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    lines: Vec<Line<'_>>,
    scroll: u16,
    block: Block<'_>,
) {
    let inner = block.inner(area);
    let limit =
        u16::try_from(lines.len().saturating_sub(usize::from(inner.height))).unwrap_or(u16::MAX);
    app.scroll_limit.set(limit);
    let scroll = scroll.min(limit);
    let block = more_signs(app, block, scroll > 0, scroll < limit);
    let paragraph = Paragraph::new(Text::from(lines))
        .block(block)
        .scroll((scroll, 0));
    frame.render_widget(paragraph, area);
}

/// A panel that holds more than it shows says so on its border: "↑ more" at the top right
/// when there is more above, "↓ more" at the bottom right when there is more below.
pub fn more_signs<'a>(app: &App, block: Block<'a>, above: bool, below: bool) -> Block<'a> {
    let sign = |text: &str| Line::styled(format!(" {text} "), app.theme.key).right_aligned();
    let mut block = block;
    if above {
        block = block.title_top(sign(&app.strings.more_above));
    }
    if below {
        block = block.title_bottom(sign(&app.strings.more_below));
    }
    block
}

/// The help over a screen: what each of its keys does, and what Composure is about.
pub(super) fn help(app: &App, frame: &mut Frame, body: Rect, screen: &[Binding]) {
    let width = 64.min(body.width);
    let inner_width = usize::from(width.saturating_sub(2));
    let mut lines = Vec::new();
    let bindings = keymap::help(screen, &app.strings.help_text);
    let key_width = bindings.iter().map(|(k, _)| k.width()).max().unwrap_or(0) + 2;
    for (keys, what) in &bindings {
        let pad = " ".repeat(key_width.saturating_sub(keys.width()));
        let prefix = Span::styled(format!(" {keys}{pad}"), app.theme.key);
        lines.extend(text::hanging(prefix, what, Style::new(), inner_width));
    }
    lines.push(Line::raw(""));
    lines.extend(
        text::wrap(&app.strings.help_about, inner_width.saturating_sub(1))
            .into_iter()
            .map(|l| Line::styled(format!(" {l}"), app.theme.dim)),
    );
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let area = centred(body, width, height);
    frame.render_widget(Clear, area);
    // A help taller than the screen scrolls, and says so on its border.
    let shown = usize::from(area.height.saturating_sub(2));
    let limit = u16::try_from(lines.len().saturating_sub(shown)).unwrap_or(u16::MAX);
    app.help_limit.set(limit);
    let scroll = app.help_scroll.min(limit);
    let title = format!(" {} ", app.strings.help_title);
    let block = more_signs(app, panel(app, title), scroll > 0, scroll < limit);
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), area);
}

fn confirm(app: &App, frame: &mut Frame, body: Rect, then_quit: bool) {
    let area = centred(body, 56, 6);
    let question = if then_quit {
        &app.strings.quit_question
    } else {
        &app.strings.leave_question
    };
    let lines = vec![
        Line::raw(""),
        Line::styled(format!(" {question}"), app.theme.heading),
        Line::from(vec![
            Span::styled(" y", app.theme.key),
            Span::raw(format!(" {}   ", app.strings.yes)),
            Span::styled("n", app.theme.key),
            Span::raw(format!(" {}", app.strings.no_keep_going)),
        ]),
    ];
    frame.render_widget(Clear, area);
    let title = format!(" {} ", app.strings.leave_title);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(panel(app, title)),
        area,
    );
}
