//! What every screen draws alike: panels with a sign when they hold more than they show,
//! the key legend or a notice in its place, the help, a watched file's load errors and the
//! "too small" message. Side-effect free apart from recording how far a text can scroll.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use std::cell::Cell;

use super::keymap::{self, Binding};
use super::screen::Context;
use super::text;
use crate::i18n::Args;
use crate::scenario::Problem;

/// Below this size the screens cannot say anything useful.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// The problems of a watched file that does not load, over whatever is on screen.
pub(super) fn load_errors(cx: &Context, frame: &mut Frame, body: Rect, problems: &[Problem]) {
    let width = body.width.saturating_sub(4).max(1);
    let inner = usize::from(width.saturating_sub(2));
    let mut lines = vec![Line::styled(
        format!(" {}", cx.text("cannot-load")),
        cx.theme.warn,
    )];
    lines.push(Line::raw(""));
    for problem in problems {
        let text = problem.to_string();
        lines.extend(
            text::wrap(&text, inner.saturating_sub(1))
                .into_iter()
                .map(|l| Line::styled(format!(" {l}"), cx.theme.bad)),
        );
    }
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(body.height);
    let area = centred(body, width, height);
    frame.render_widget(Clear, area);
    let title = format!(" {} ", cx.text("cannot-load-title"));
    frame.render_widget(Paragraph::new(lines).block(panel(cx, title)), area);
}

/// A notice in place of the key legend, cut to the width.
pub(super) fn notice_line(cx: &Context, notice: &str, width: u16) -> Line<'static> {
    let room = usize::from(width).saturating_sub(1);
    Line::styled(format!(" {}", text::truncate(notice, room)), cx.theme.warn)
}

/// The legend of a screen with these key bindings: as many entries as fit, in order.
pub(super) fn legend_line(cx: &Context, bindings: &[Binding], width: u16) -> Line<'static> {
    let keys = keymap::legend(bindings, cx.messages());
    let size = |(key, label): &(&str, String)| 1 + key.width() + 1 + label.width() + 1;
    // When not every key fits, help and quit stay: help lists the keys left out, and quit is
    // the one a trainee must never have to guess. The others go from the end. (While a reply
    // is being typed, `?` and `q` are text, and F1 opens the help.)
    let kept = |(key, _): &(&str, String)| *key == "?" || *key == "q" || *key == "F1";
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
        spans.push(Span::styled((*key).to_owned(), cx.theme.key));
        spans.push(Span::styled(format!(" {label} "), cx.theme.dim));
    }
    Line::from(spans)
}

/// The "too small" message in place of a screen. Until the next frame is drawn bigger, keys
/// do nothing but help and quit: nothing may be chosen that cannot be seen.
pub(super) fn too_small(cx: &Context, frame: &mut Frame, area: Rect) {
    let message = cx.msg(
        "too-small",
        &Args::new()
            .text("w", area.width.to_string())
            .text("h", area.height.to_string())
            .text("min_w", MIN_WIDTH.to_string())
            .text("min_h", MIN_HEIGHT.to_string()),
    );
    let lines: Vec<Line> = text::wrap(&message, usize::from(area.width))
        .into_iter()
        .map(|l| Line::styled(l, cx.theme.warn))
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
pub fn panel<'a>(cx: &Context, title: impl Into<Line<'a>>) -> Block<'a> {
    Block::bordered()
        .border_style(cx.theme.border)
        .title(title.into().style(cx.theme.title))
}

/// Renders pre-wrapped `lines` in `area` scrolled down by `scroll` (clamped), and records in
/// `limit` how far this text can scroll.
pub fn scrolled(
    cx: &Context,
    frame: &mut Frame,
    area: Rect,
    lines: Vec<Line<'_>>,
    (scroll, limit_seen): (u16, &Cell<u16>),
    block: Block<'_>,
) {
    let inner = block.inner(area);
    let limit =
        u16::try_from(lines.len().saturating_sub(usize::from(inner.height))).unwrap_or(u16::MAX);
    limit_seen.set(limit);
    let scroll = scroll.min(limit);
    let block = more_signs(cx, block, scroll > 0, scroll < limit);
    let paragraph = Paragraph::new(Text::from(lines))
        .block(block)
        .scroll((scroll, 0));
    frame.render_widget(paragraph, area);
}

/// A panel that holds more than it shows says so on its border: "↑ more" at the top right
/// when there is more above, "↓ more" at the bottom right when there is more below.
pub fn more_signs<'a>(cx: &Context, block: Block<'a>, above: bool, below: bool) -> Block<'a> {
    let sign = |text: &str| Line::styled(format!(" {text} "), cx.theme.key).right_aligned();
    let mut block = block;
    if above {
        block = block.title_top(sign(&cx.text("more-above")));
    }
    if below {
        block = block.title_bottom(sign(&cx.text("more-below")));
    }
    block
}

/// The help over a screen: what each of its keys does, and what Composure is about;
/// scrolled by `scroll`, with how far it can scroll recorded in `limit_seen`.
pub(super) fn help(
    cx: &Context,
    frame: &mut Frame,
    body: Rect,
    screen: &[Binding],
    scroll: u16,
    limit_seen: &Cell<u16>,
) {
    let width = 64.min(body.width);
    let inner_width = usize::from(width.saturating_sub(2));
    let mut lines = Vec::new();
    let bindings = keymap::help(screen, cx.messages());
    let key_width = bindings.iter().map(|(k, _)| k.width()).max().unwrap_or(0) + 2;
    for (keys, what) in &bindings {
        let pad = " ".repeat(key_width.saturating_sub(keys.width()));
        let prefix = Span::styled(format!(" {keys}{pad}"), cx.theme.key);
        lines.extend(text::hanging(prefix, what, Style::new(), inner_width));
    }
    lines.push(Line::raw(""));
    lines.extend(
        text::wrap(&cx.text("help-about"), inner_width.saturating_sub(1))
            .into_iter()
            .map(|l| Line::styled(format!(" {l}"), cx.theme.dim)),
    );
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let area = centred(body, width, height);
    frame.render_widget(Clear, area);
    // A help taller than the screen scrolls, and says so on its border.
    let shown = usize::from(area.height.saturating_sub(2));
    let limit = u16::try_from(lines.len().saturating_sub(shown)).unwrap_or(u16::MAX);
    limit_seen.set(limit);
    let scroll = scroll.min(limit);
    let title = format!(" {} ", cx.text("help-title"));
    let block = more_signs(cx, panel(cx, title), scroll > 0, scroll < limit);
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), area);
}
