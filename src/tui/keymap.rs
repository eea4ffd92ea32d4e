//! Keys, described once. Each screen has one table of [`Binding`]s, kept in the screen's own
//! file: the keys it answers to, the action each key asks for, and what the binding does.
//! The same table turns keys into actions ([`action_for`]), draws the legend at the bottom
//! of the screen ([`legend`]) and lists that screen's help ([`help`]); only what a binding
//! does is translated (the `legend-…` and `help-…` messages in `assets/i18n/<code>/tui.ftl`, named by [`Does`]). A key a
//! screen's table does not list does nothing there. Ctrl-C and Ctrl-Z work everywhere
//! ([`GLOBAL`]); the tables here are the ones every screen shares: the help while it is
//! open, the "too small" screen, and the keys most screens bind alike.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::i18n::Messages;

/// What the trainee asked for, whatever key they used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// A numbered option, 0-based.
    Pick(usize),
    Confirm,
    Back,
    Help,
    Quit,
    /// Ctrl-C: leave at once, from anywhere.
    ForceQuit,
    /// Ctrl-Z: back to the shell until `fg`.
    Suspend,
    Yes,
    No,
    Again,
    /// Home screen: the next client-type filter.
    FilterType,
    /// Home screen: the next language filter.
    FilterLanguage,
}

/// What a binding does, in words: a short one for the legend, a line for the help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Does {
    MoveList,
    OpenNumbered,
    Open,
    Ends,
    FilterType,
    FilterLanguage,
    Begin,
    Scroll,
    Page,
    Back,
    Choose,
    Select,
    History,
    Continue,
    ScrollHappened,
    Debrief,
    Leave,
    Again,
    Home,
    CloseHelp,
    Help,
    Quit,
    YesLeave,
    NoStay,
    Interrupt,
    Suspend,
    DrillBegin,
    DrillReview,
    ReviewNumbered,
    Next,
    BackToSummary,
    BackToHistory,
    Transcript,
    /// Typed replies: send the reply written.
    Send,
    /// Typed replies: from the question about an unclear reply back to writing it.
    TypeAgain,
    /// Ctrl-C where `q` is text being typed: the legend says how to quit.
    QuitNow,
}

impl Does {
    /// The message id of the legend's word for it, if the legend shows it.
    pub fn legend(self) -> Option<&'static str> {
        use Does::*;
        Some(match self {
            MoveList => "legend-move",
            Open => "legend-open",
            FilterType => "legend-filter-type",
            FilterLanguage => "legend-filter-language",
            Begin | DrillBegin => "legend-begin",
            Scroll | ScrollHappened => "legend-scroll",
            Back | BackToSummary | BackToHistory => "legend-back",
            Choose => "legend-choose",
            Select => "legend-select",
            History => "legend-history",
            Continue | Next => "legend-continue",
            Debrief | DrillReview => "legend-debrief",
            Leave | YesLeave => "legend-leave",
            Again => "legend-again",
            Home => "legend-home",
            CloseHelp => "legend-close-help",
            Help => "legend-help",
            Quit => "legend-quit",
            NoStay => "legend-stay",
            Transcript => "legend-transcript",
            QuitNow => "legend-quit",
            Send => "typed-legend-send",
            TypeAgain => "typed-legend-type-again",
            OpenNumbered | Ends | Page | Interrupt | Suspend | ReviewNumbered => return None,
        })
    }

    /// The message id of the help's line for it.
    pub fn help(self) -> &'static str {
        use Does::*;
        match self {
            MoveList => "help-move-list",
            OpenNumbered => "help-open-numbered",
            Open => "help-open",
            Ends => "help-ends",
            FilterType => "help-filter-type",
            FilterLanguage => "help-filter-language",
            Begin => "help-begin",
            Scroll => "help-scroll",
            Page => "help-page",
            Back => "help-back",
            Choose => "help-choose",
            Select => "help-select",
            History => "help-history",
            Continue => "help-continue",
            ScrollHappened => "help-scroll-happened",
            Debrief => "help-debrief",
            Leave => "help-leave",
            Again => "help-again",
            Home => "help-home",
            CloseHelp => "help-close-help",
            Help => "help-help",
            Quit => "help-quit",
            YesLeave => "help-yes-leave",
            NoStay => "help-no-stay",
            Interrupt => "help-interrupt",
            Suspend => "help-suspend",
            DrillBegin => "help-drill-begin",
            DrillReview => "help-drill-review",
            ReviewNumbered => "help-review-numbered",
            Next => "help-next",
            BackToSummary => "help-back-summary",
            BackToHistory => "help-back-history",
            Transcript => "help-transcript",
            QuitNow => "help-interrupt",
            Send => "typed-help-send",
            TypeAgain => "typed-help-type-again",
        }
    }
}

/// Keys that ask for one thing on a screen.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// The keys as the legend and the help show them.
    pub label: &'static str,
    /// Each key and the action it asks for.
    pub keys: &'static [(KeyCode, Action)],
    /// The digits 1 to 9 pick by number, besides `keys`.
    pub digits: bool,
    pub does: Does,
}

pub const fn bind(label: &'static str, keys: &'static [(KeyCode, Action)], does: Does) -> Binding {
    Binding {
        label,
        keys,
        digits: false,
        does,
    }
}

pub const fn digits(does: Does) -> Binding {
    Binding {
        label: "1-9",
        keys: &[],
        digits: true,
        does,
    }
}

pub const UP_DOWN: &[(KeyCode, Action)] = &[
    (KeyCode::Up, Action::Up),
    (KeyCode::Char('k'), Action::Up),
    (KeyCode::Down, Action::Down),
    (KeyCode::Char('j'), Action::Down),
];
/// Moving among options and taking the selected one: the list of options, and the question
/// about an unclear typed reply.
pub const SELECT: Binding = bind(
    "↑↓ Enter",
    &[
        (KeyCode::Up, Action::Up),
        (KeyCode::Char('k'), Action::Up),
        (KeyCode::Down, Action::Down),
        (KeyCode::Char('j'), Action::Down),
        (KeyCode::Enter, Action::Confirm),
    ],
    Does::Select,
);
pub const PAGES: &[(KeyCode, Action)] = &[
    (KeyCode::PageUp, Action::PageUp),
    (KeyCode::PageDown, Action::PageDown),
    (KeyCode::Char(' '), Action::PageDown),
];
pub const ENDS: &[(KeyCode, Action)] = &[
    (KeyCode::Home, Action::Top),
    (KeyCode::Char('g'), Action::Top),
    (KeyCode::End, Action::Bottom),
    (KeyCode::Char('G'), Action::Bottom),
];
pub const ENTER: &[(KeyCode, Action)] = &[(KeyCode::Enter, Action::Confirm)];
pub const ESC: &[(KeyCode, Action)] = &[
    (KeyCode::Esc, Action::Back),
    (KeyCode::Backspace, Action::Back),
];
/// Enter, Esc and Backspace all go back, from a debrief opened to be read again.
pub const ENTER_ESC: &[(KeyCode, Action)] = &[
    (KeyCode::Enter, Action::Back),
    (KeyCode::Esc, Action::Back),
    (KeyCode::Backspace, Action::Back),
];

pub const HELP: Binding = bind("?", &[(KeyCode::Char('?'), Action::Help)], Does::Help);
pub const QUIT: Binding = bind("q", &[(KeyCode::Char('q'), Action::Quit)], Does::Quit);
/// Quit, where Esc has nothing to go back to.
pub const QUIT_OR_ESC: Binding = bind(
    "q",
    &[
        (KeyCode::Char('q'), Action::Quit),
        (KeyCode::Esc, Action::Quit),
    ],
    Does::Quit,
);

/// Everywhere, whatever the screen: listed at the end of every help.
pub const GLOBAL: &[Binding] = &[
    bind("Ctrl-C", &[], Does::Interrupt),
    bind("Ctrl-Z", &[], Does::Suspend),
];

/// While the help is open, over any screen.
pub const HELP_OPEN: &[Binding] = &[
    bind(
        "Esc",
        &[
            (KeyCode::Esc, Action::Help),
            (KeyCode::Enter, Action::Help),
            (KeyCode::Char('?'), Action::Help),
            (KeyCode::F(1), Action::Help),
            (KeyCode::Backspace, Action::Help),
        ],
        Does::CloseHelp,
    ),
    bind("↑↓", UP_DOWN, Does::Scroll),
    QUIT,
];

/// Too small to show the screen: nothing may be chosen unseen.
pub const TOO_SMALL: &[Binding] = &[HELP, QUIT];

/// The action `key` asks for on a screen with these bindings; releases and keys the screen
/// does not bind give `None`. Ctrl-C and Ctrl-Z act everywhere.
pub fn action_for(key: KeyEvent, table: &[Binding]) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return match key.code {
            KeyCode::Char('c') => Some(Action::ForceQuit),
            KeyCode::Char('z') => Some(Action::Suspend),
            _ => None,
        };
    }
    table.iter().find_map(|binding| match key.code {
        KeyCode::Char(c @ '1'..='9') if binding.digits => {
            Some(Action::Pick(usize::from(c as u8 - b'1')))
        }
        code => binding
            .keys
            .iter()
            .find(|(bound, _)| *bound == code)
            .map(|&(_, action)| action),
    })
}

/// The legend of a screen: each binding the legend shows, as its keys and its word.
pub fn legend(table: &[Binding], messages: &Messages) -> Vec<(&'static str, String)> {
    table
        .iter()
        .filter_map(|b| b.does.legend().map(|id| (b.label, messages.text(id))))
        .collect()
}

/// The help of a screen: every binding, then the ones that work everywhere (unless the
/// screen lists them itself).
pub fn help(table: &[Binding], messages: &Messages) -> Vec<(&'static str, String)> {
    let global = GLOBAL
        .iter()
        .filter(|g| !table.iter().any(|b| b.label == g.label));
    table
        .iter()
        .chain(global)
        .map(|b| (b.label, messages.text(b.does.help())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::briefing::BRIEFING;
    use crate::tui::conversation::{CONFIRM_LEAVE, CONSEQUENCE, CONVERSATION, THE_END};
    use crate::tui::debrief::{DEBRIEF, DRILL_DEBRIEF, REPLAY, REVIEW};
    use crate::tui::drill::{DRILL_INTRO, DRILL_INTRO_SCROLLED};
    use crate::tui::drill_summary::DRILL_SUMMARY;
    use crate::tui::history::HISTORY;
    use crate::tui::home::HOME;
    use crate::tui::typed::{ASKING, TYPING};

    /// Every screen's tables, and the shared ones.
    const ALL: &[&[Binding]] = &[
        HOME,
        BRIEFING,
        CONVERSATION,
        CONSEQUENCE,
        THE_END,
        DEBRIEF,
        DRILL_DEBRIEF,
        REVIEW,
        REPLAY,
        CONFIRM_LEAVE,
        HELP_OPEN,
        TOO_SMALL,
        DRILL_INTRO,
        DRILL_INTRO_SCROLLED,
        DRILL_SUMMARY,
        HISTORY,
        TYPING,
        ASKING,
    ];

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn digits_pick_options_from_zero() {
        assert_eq!(
            action_for(key(KeyCode::Char('3')), CONVERSATION),
            Some(Action::Pick(2))
        );
    }

    #[test]
    fn ctrl_z_suspends_but_plain_z_does_nothing() {
        assert_eq!(
            action_for(
                KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL),
                HOME
            ),
            Some(Action::Suspend)
        );
        assert_eq!(action_for(key(KeyCode::Char('z')), HOME), None);
    }

    #[test]
    fn ctrl_c_force_quits_everywhere_but_plain_c_does_nothing() {
        for table in ALL {
            assert_eq!(
                action_for(
                    KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
                    table
                ),
                Some(Action::ForceQuit)
            );
            assert_eq!(action_for(key(KeyCode::Char('c')), table), None);
        }
    }

    #[test]
    fn a_key_a_screen_does_not_list_does_nothing_there() {
        // `r` plays again only from the trainer's own debrief.
        assert_eq!(
            action_for(key(KeyCode::Char('r')), DEBRIEF),
            Some(Action::Again)
        );
        for table in [DRILL_DEBRIEF, REVIEW, REPLAY, CONVERSATION] {
            assert_eq!(action_for(key(KeyCode::Char('r')), table), None);
        }
        // Too small: only help and quit.
        for code in [KeyCode::Enter, KeyCode::Char('1'), KeyCode::Down] {
            assert_eq!(action_for(key(code), TOO_SMALL), None);
        }
    }

    #[test]
    fn while_a_reply_is_typed_no_printable_key_is_bound() {
        for binding in TYPING {
            assert!(!binding.digits, "{}", binding.label);
            for (code, _) in binding.keys {
                assert!(
                    !matches!(code, KeyCode::Char(_) | KeyCode::Backspace | KeyCode::Tab),
                    "{} binds {code:?}, which is text or editing",
                    binding.label
                );
            }
        }
        for c in ['q', '?', '1', '9', 'j', 'k', ' ', 'r'] {
            assert_eq!(action_for(key(KeyCode::Char(c)), TYPING), None, "{c}");
        }
    }

    #[test]
    fn no_key_asks_for_two_things_on_one_screen() {
        for table in ALL {
            let mut seen: Vec<KeyCode> = Vec::new();
            for binding in *table {
                for (code, _) in binding.keys {
                    assert!(!seen.contains(code), "{code:?} bound twice");
                    seen.push(*code);
                }
            }
            assert!(table.iter().filter(|b| b.digits).count() <= 1);
        }
    }

    #[test]
    fn every_screen_offers_help_or_closes_it_and_quits() {
        for table in ALL {
            let quit = action_for(key(KeyCode::Char('q')), table);
            let help = action_for(key(KeyCode::Char('?')), table);
            if std::ptr::eq(*table, CONFIRM_LEAVE) {
                // The question is answered first: y or n.
                continue;
            }
            if std::ptr::eq(*table, TYPING) {
                // `q` and `?` are text there: F1 opens the help, Esc leaves, Ctrl-C quits.
                assert_eq!(quit, None);
                assert_eq!(help, None);
                assert_eq!(action_for(key(KeyCode::F(1)), table), Some(Action::Help));
                assert_eq!(action_for(key(KeyCode::Esc), table), Some(Action::Back));
                continue;
            }
            assert_eq!(quit, Some(Action::Quit));
            assert_eq!(help, Some(Action::Help));
        }
    }
}
