//! The styles every screen draws with: one colour theme and one for NO_COLOR terminals, where
//! emphasis comes from bold, italics and reverse video alone.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub title: Style,
    pub client: Style,
    pub you: Style,
    pub narration: Style,
    pub dim: Style,
    pub good: Style,
    pub bad: Style,
    pub selected: Style,
    pub key: Style,
    pub border: Style,
    pub warn: Style,
    pub heading: Style,
}

pub const COLOR: Theme = Theme {
    title: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    client: Style::new().fg(Color::Yellow),
    you: Style::new().fg(Color::Cyan),
    narration: Style::new().add_modifier(Modifier::ITALIC),
    dim: Style::new().fg(Color::DarkGray),
    good: Style::new().fg(Color::Green),
    bad: Style::new().fg(Color::Red),
    selected: Style::new().fg(Color::Black).bg(Color::Cyan),
    key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    border: Style::new().fg(Color::DarkGray),
    warn: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
    heading: Style::new().add_modifier(Modifier::BOLD),
};

pub const MONO: Theme = Theme {
    title: Style::new().add_modifier(Modifier::BOLD),
    client: Style::new(),
    you: Style::new().add_modifier(Modifier::BOLD),
    narration: Style::new().add_modifier(Modifier::ITALIC),
    dim: Style::new(),
    good: Style::new(),
    bad: Style::new().add_modifier(Modifier::BOLD),
    selected: Style::new().add_modifier(Modifier::REVERSED),
    key: Style::new().add_modifier(Modifier::BOLD),
    border: Style::new(),
    warn: Style::new().add_modifier(Modifier::BOLD),
    heading: Style::new().add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
};

impl Theme {
    /// The theme for a terminal: no colour when `NO_COLOR` is set to anything non-empty.
    pub fn for_env(no_color: Option<&std::ffi::OsStr>) -> Theme {
        if no_color.is_some_and(|v| !v.is_empty()) {
            MONO
        } else {
            COLOR
        }
    }

    /// The style of a mood value: red when angry, green when warm.
    pub fn mood(&self, mood: i8) -> Style {
        match mood {
            i8::MIN..=-2 => self.bad,
            -1..=0 => self.warn,
            _ => self.good,
        }
    }
}
