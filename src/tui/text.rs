//! Word wrapping by display width, so screens can lay out and scroll text exactly, and wide
//! characters (CJK, emoji) take the columns they really take. Everything here first makes text
//! [safe for the screen](clean): scenario text is validated before it is played, but the
//! screens must not depend on that to keep escapes away from the terminal.

use std::borrow::Cow;

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::i18n::{Args, Messages};

/// Text with every character a terminal would obey replaced by a visible U+FFFD, and tabs
/// as spaces. Any text from a scenario goes through this (or a function here that calls it)
/// before it becomes a `Span`.
pub fn clean(text: &str) -> Cow<'_, str> {
    crate::scenario::sanitize::for_screen(text)
}

/// Greedy word wrap to `width` columns. Words wider than a line are broken. Never returns an
/// empty list for non-empty text when `width > 0`.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    if width == 0 {
        return Vec::new();
    }
    let text = clean(text);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_width = 0;
        // A no-break space joins what it stands between ("14 280", "kl. 17.30"): it is
        // part of the word, not a place to wrap.
        for word in paragraph
            .split(|c: char| c.is_whitespace() && !is_no_break(c))
            .filter(|w| !w.is_empty())
        {
            let word_width = word.width();
            let gap = usize::from(line_width > 0);
            if line_width + gap + word_width <= width {
                if gap == 1 {
                    line.push(' ');
                }
                line.push_str(word);
                line_width += gap + word_width;
                continue;
            }
            if line_width > 0 {
                lines.push(std::mem::take(&mut line));
                line_width = 0;
            }
            if word_width <= width {
                line.push_str(word);
                line_width = word_width;
            } else {
                for c in word.chars() {
                    let w = c.width().unwrap_or(0);
                    if line_width + w > width && line_width > 0 {
                        lines.push(std::mem::take(&mut line));
                        line_width = 0;
                    }
                    line.push(c);
                    line_width += w;
                }
            }
        }
        lines.push(line);
    }
    lines
}

/// Spaces that must not become line breaks: no-break space, narrow and figure no-break space.
fn is_no_break(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}')
}

/// Wraps `text` after a first-line `prefix`, indenting continuation lines to line up under
/// the text.
pub fn hanging<'a>(prefix: Span<'a>, text: &str, style: Style, width: usize) -> Vec<Line<'a>> {
    let indent = prefix.width();
    let body = width.saturating_sub(indent).max(1);
    wrap(text, body)
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            let lead = if i == 0 {
                prefix.clone()
            } else {
                Span::raw(" ".repeat(indent))
            };
            Line::from(vec![lead, Span::styled(part, style)])
        })
        .collect()
}

/// Word-wraps a line of styled spans to `width` columns, each word keeping its style, as
/// [`wrap`] does plain text: greedy, words wider than a line broken, no-break spaces kept.
/// Every span's text is [cleaned](clean). Never returns an empty list.
pub fn wrap_line(line: &Line<'_>, width: usize) -> Vec<Line<'static>> {
    // Words, each made of one or more styled pieces (a word may change style mid-way, as
    // "Enter." does), and whether a space came before it.
    let mut words: Vec<(bool, Vec<(String, Style)>)> = Vec::new();
    let mut space_before = false;
    let mut in_word = false;
    for span in &line.spans {
        let style = line.style.patch(span.style);
        for c in clean(&span.content).chars() {
            if c.is_whitespace() && !is_no_break(c) {
                space_before = true;
                in_word = false;
                continue;
            }
            if !in_word {
                words.push((space_before, Vec::new()));
                space_before = false;
                in_word = true;
            }
            if let Some((_, pieces)) = words.last_mut() {
                match pieces.last_mut() {
                    Some((text, s)) if *s == style => text.push(c),
                    _ => pieces.push((c.to_string(), style)),
                }
            }
        }
        // A word that ends with its span goes on in the next one unless a space follows.
    }
    let mut out: Vec<Line<'static>> = Vec::new();
    let mut current: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    let push = |spans: &mut Vec<Span<'static>>, text: String, style: Style| match spans.last_mut() {
        Some(last) if last.style == style => last.content.to_mut().push_str(&text),
        _ => spans.push(Span::styled(text, style)),
    };
    for (spaced, pieces) in words {
        let word_width: usize = pieces.iter().map(|(t, _)| t.width()).sum();
        let gap = usize::from(used > 0 && spaced);
        if used > 0 && used + gap + word_width > width {
            out.push(Line::from(std::mem::take(&mut current)));
            used = 0;
        } else if gap == 1 {
            let style = current.last().map_or_else(Style::new, |s| s.style);
            push(&mut current, " ".to_owned(), style);
            used += 1;
        }
        for (text, style) in pieces {
            for c in text.chars() {
                let w = c.width().unwrap_or(0);
                if used + w > width && used > 0 {
                    out.push(Line::from(std::mem::take(&mut current)));
                    used = 0;
                }
                push(&mut current, c.to_string(), style);
                used += w;
            }
        }
    }
    out.push(Line::from(current));
    out
}

/// Truncates to `width` columns, ending in "…" when something was cut.
pub fn truncate(text: &str, width: usize) -> String {
    let text = clean(text);
    if text.width() <= width {
        return text.into_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Pads `text` with spaces on the right to `width` columns (never cuts it).
pub fn pad(text: &str, width: usize) -> String {
    let text = clean(text);
    let room = width.saturating_sub(text.width());
    format!("{text}{}", " ".repeat(room))
}

/// A message as spans: its text in `style`, and each of `values` as its own span, so a key or
/// a name keeps its style wherever a language puts it. The message is formatted with each
/// value's variable standing in as a private-use character (no translation writes one), then
/// cut at those characters.
pub fn styled_message(
    messages: &Messages,
    id: &str,
    style: Style,
    values: &[(&'static str, Span<'static>)],
) -> Vec<Span<'static>> {
    const FIRST_SLOT: u32 = 0xF_0000;
    let mut args = Args::new();
    for (i, (name, _)) in values.iter().enumerate() {
        let slot = u32::try_from(i)
            .ok()
            .and_then(|i| char::from_u32(FIRST_SLOT + i))
            .unwrap_or(char::REPLACEMENT_CHARACTER);
        args = args.text(name, slot.to_string());
    }
    let text = messages.msg(id, &args);
    let mut spans = Vec::new();
    let mut plain = String::new();
    for c in text.chars() {
        let value = u32::from(c)
            .checked_sub(FIRST_SLOT)
            .and_then(|i| usize::try_from(i).ok())
            .and_then(|i| values.get(i));
        match value {
            Some((_, span)) => {
                if !plain.is_empty() {
                    spans.push(Span::styled(std::mem::take(&mut plain), style));
                }
                spans.push(span.clone());
            }
            None => plain.push(c),
        }
    }
    if !plain.is_empty() {
        spans.push(Span::styled(plain, style));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_lines_within_width() {
        let lines = wrap("the quick brown fox jumps over the lazy dog", 10);
        assert_eq!(
            lines,
            ["the quick", "brown fox", "jumps over", "the lazy", "dog"]
        );
    }

    #[test]
    fn wrap_breaks_words_longer_than_the_line() {
        assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
    }

    #[test]
    fn wrap_measures_wide_characters_by_columns() {
        // Each of these takes two columns.
        assert_eq!(wrap("日本語", 4), ["日本", "語"]);
    }

    #[test]
    fn wrap_never_breaks_at_a_no_break_space() {
        // "14 280" with a no-break space must stay on one line.
        assert_eq!(
            wrap("costs 14\u{a0}280 kroner", 9),
            ["costs", "14\u{a0}280", "kroner"]
        );
    }

    #[test]
    fn wrap_and_truncate_never_pass_on_escapes_or_overrides() {
        let hostile = "a\u{1b}]0;title\u{7} b\u{9b}2J \u{202e}c\td";
        for line in wrap(hostile, 6).iter().chain([&truncate(hostile, 8)]) {
            assert!(
                !line
                    .chars()
                    .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
                "{line:?}"
            );
        }
        assert_eq!(
            wrap(hostile, 40),
            ["a\u{fffd}]0;title\u{fffd} b\u{fffd}2J \u{fffd}c d"]
        );
        assert_eq!(truncate("x\u{1b}yz", 3), "x\u{fffd}…");
    }

    #[test]
    fn pad_counts_columns_not_bytes() {
        assert_eq!(pad("øving", 7), "øving  ");
        assert_eq!(pad("日本", 5), "日本 ");
        assert_eq!(pad("too long", 3), "too long");
    }

    #[test]
    fn a_message_styles_each_value_wherever_the_language_puts_it() {
        use crate::lang::Lang;
        let key = Style::new().bold();
        let enter = [("key", Span::styled("Enter", key))];
        let nb = styled_message(
            Messages::get(Lang::Nb),
            "drill-intro-begin",
            Style::new(),
            &enter,
        );
        let texts: Vec<&str> = nb.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(
            texts,
            [
                "Trykk ",
                "Enter",
                " for å begynne med den første orienteringen."
            ]
        );
        assert_eq!(nb[1].style, key);
        let ru = styled_message(
            Messages::get(Lang::Ru),
            "drill-intro-begin",
            Style::new(),
            &enter,
        );
        let texts: Vec<&str> = ru.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(
            texts,
            ["Нажмите ", "Enter", ", чтобы перейти к первой вводной."]
        );
    }

    #[test]
    fn wrap_line_wraps_styled_words_as_wrap_does_plain_text() {
        let key = Style::new().bold();
        let line = Line::from(vec![
            Span::raw("Press "),
            Span::styled("Enter", key),
            Span::raw(". to begin with the first briefing."),
        ]);
        let wrapped = wrap_line(&line, 12);
        let texts: Vec<String> = wrapped.iter().map(ToString::to_string).collect();
        let plain = wrap(&line.to_string(), 12);
        assert_eq!(texts, plain);
        // The key keeps its style; the full stop after it is the text's.
        assert_eq!(wrapped[0].spans[1].content, "Enter");
        assert_eq!(wrapped[0].spans[1].style, key);
        assert_eq!(wrapped[0].spans[2].style, Style::new());
        assert_eq!(wrap_line(&Line::raw(""), 10).len(), 1);
        assert_eq!(
            wrap_line(&Line::raw("abcdefgh"), 3)
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            ["abc", "def", "gh"]
        );
    }

    #[test]
    fn truncate_marks_the_cut() {
        assert_eq!(truncate("composure", 5), "comp…");
        assert_eq!(truncate("calm", 5), "calm");
    }
}
