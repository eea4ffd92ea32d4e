//! Keys to actions. The help screen lists the same keys in the trainee's language
//! (`help_bindings` in `assets/i18n`).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

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

/// Maps a key event to an action; releases and unbound keys give `None`.
pub fn action_for(key: KeyEvent) -> Option<Action> {
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
    Some(match key.code {
        KeyCode::Up | KeyCode::Char('k') => Action::Up,
        KeyCode::Down | KeyCode::Char('j') => Action::Down,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::PageDown | KeyCode::Char(' ') => Action::PageDown,
        KeyCode::Home | KeyCode::Char('g') => Action::Top,
        KeyCode::End | KeyCode::Char('G') => Action::Bottom,
        KeyCode::Char(c @ '1'..='9') => Action::Pick(usize::from(c as u8 - b'1')),
        KeyCode::Enter => Action::Confirm,
        KeyCode::Esc | KeyCode::Backspace => Action::Back,
        KeyCode::Char('?') => Action::Help,
        KeyCode::Char('q') => Action::Quit,
        KeyCode::Char('y') => Action::Yes,
        KeyCode::Char('n') => Action::No,
        KeyCode::Char('r') => Action::Again,
        KeyCode::Char('t') => Action::FilterType,
        KeyCode::Char('l') => Action::FilterLanguage,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_pick_options_from_zero() {
        let key = KeyEvent::new(KeyCode::Char('3'), KeyModifiers::NONE);
        assert_eq!(action_for(key), Some(Action::Pick(2)));
    }

    #[test]
    fn ctrl_z_suspends_but_plain_z_does_nothing() {
        assert_eq!(
            action_for(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL)),
            Some(Action::Suspend)
        );
        assert_eq!(
            action_for(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::NONE)),
            None
        );
    }

    #[test]
    fn ctrl_c_force_quits_but_plain_c_does_nothing() {
        assert_eq!(
            action_for(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::ForceQuit)
        );
        assert_eq!(
            action_for(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::NONE)),
            None
        );
    }
}
