//! Characters that must never reach a terminal from scenario text: control characters (an
//! escape can move the cursor, rewrite the window title or reprogram keys), the
//! bidirectional overrides and isolates that make text display in another order than it is
//! written, and invisible characters (zero-width spaces and joiners, the word joiner, a byte
//! order mark inside text, line and paragraph separators) that make two texts which look
//! alike differ. Validation reports them; the screens and printed messages replace them anyway,
//! so text that skipped validation still cannot take over the trainee's terminal.
//!
//! Allowed: line feed (a line break), tab (wrapping treats it as a space), a carriage return
//! directly before a line feed (a multi-line string in a file with Windows line endings), and
//! the invisible direction marks U+200E, U+200F and U+061C, which right-to-left languages
//! need for punctuation and which only affect the characters next to them.

use std::borrow::Cow;

/// What a screen shows in place of a character it must not send to the terminal.
pub const REPLACEMENT: char = '\u{FFFD}';

/// Why a character is refused, or `None` when it is allowed. `next` is the character after
/// it, which decides whether a carriage return ends a line.
pub fn refused(c: char, next: Option<char>) -> Option<&'static str> {
    match c {
        '\n' | '\t' => None,
        '\r' if next == Some('\n') => None,
        '\u{1b}' => Some("an escape character, which terminals read as a command"),
        '\u{0}'..='\u{1f}' | '\u{7f}' => Some("a control character"),
        '\u{80}'..='\u{9f}' => Some("a C1 control character, which some terminals obey"),
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Some(
            "a bidirectional override or isolate, which makes text display in another order than it is written",
        ),
        '\u{200b}'..='\u{200d}' | '\u{2060}'..='\u{2064}' | '\u{feff}' => Some(
            "an invisible character, which makes two texts that look the same differ or hides where a word breaks",
        ),
        '\u{2028}' | '\u{2029}' => Some(
            "a line or paragraph separator, which some terminals show as a line break and others not at all",
        ),
        _ => None,
    }
}

/// Whether a byte can start a refused character: an ASCII control other than line feed and
/// tab (a carriage return is allowed only before a line feed, so it is looked at), or the
/// first byte of the UTF-8 encoding of a C1 control (0xC2), of an override, isolate,
/// separator or invisible character in U+2000–U+2FFF (0xE2), or of U+FEFF (0xEF). Each of
/// these starts a character, never continues one.
fn may_start_refused(b: u8) -> bool {
    (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7f || b == 0xc2 || b == 0xe2 || b == 0xef
}

/// The first refused character of `text`: its index in characters, the character, and why.
/// Only the characters starting with a byte that [`may_start_refused`] are decoded, so most
/// text is settled by a byte scan.
pub fn first_refused(text: &str) -> Option<(usize, char, &'static str)> {
    for (at, _) in text
        .bytes()
        .enumerate()
        .filter(|&(_, b)| may_start_refused(b))
    {
        let mut chars = text.get(at..)?.chars();
        let c = chars.next()?;
        if let Some(why) = refused(c, chars.next()) {
            let index = text.get(..at).map_or(0, |before| before.chars().count());
            return Some((index, c, why));
        }
    }
    None
}

/// Text safe to put on screen: refused characters become [`REPLACEMENT`], a carriage return
/// before a line feed is dropped and a tab becomes a space (a terminal would jump to the next
/// tab stop, which the layout cannot know).
pub fn for_screen(text: &str) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| c == '\t' || c == '\r' || is_suspect(c))
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        match c {
            '\t' => out.push(' '),
            '\r' if next == Some('\n') => {}
            _ if refused(c, next).is_some() => out.push(REPLACEMENT),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Text safe to print in a message: refused characters are written as `\u{1b}`, so the
/// reader sees what is in the file and the terminal obeys none of it.
pub fn for_message(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_suspect) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if refused(c, chars.peek().copied()).is_some() {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A quick test for characters that may be refused, to leave clean text untouched.
fn is_suspect(c: char) -> bool {
    refused(c, None).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_c1_controls_and_overrides_are_refused() {
        for c in [
            '\u{1b}', '\u{0}', '\u{7}', '\u{7f}', '\u{9b}', '\u{202e}', '\u{2066}',
        ] {
            assert!(refused(c, None).is_some(), "{c:?}");
        }
    }

    #[test]
    fn invisible_characters_and_separators_are_refused() {
        for c in [
            '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{2064}', '\u{feff}', '\u{2028}',
            '\u{2029}',
        ] {
            assert!(refused(c, None).is_some(), "{c:?}");
        }
    }

    #[test]
    fn line_breaks_tabs_and_direction_marks_are_allowed() {
        for c in ['\n', '\t', '\u{200e}', '\u{200f}', '\u{61c}', 'é', '日'] {
            assert_eq!(refused(c, None), None, "{c:?}");
        }
        assert_eq!(refused('\r', Some('\n')), None);
        assert!(refused('\r', Some('x')).is_some());
    }

    /// The byte scan that lets most text skip decoding must see every refused character,
    /// whatever comes after it: checked for every character there is.
    #[test]
    fn the_byte_scan_sees_every_refused_character() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            for next in [None, Some('\n'), Some('x')] {
                if refused(c, next).is_some() {
                    assert!(may_start_refused(c.to_string().as_bytes()[0]), "{c:?}");
                    let text: String = "é—".chars().chain([c]).chain(next).collect();
                    assert_eq!(
                        first_refused(&text).map(|(at, found, _)| (at, found)),
                        Some((2, c)),
                        "{c:?} then {next:?}"
                    );
                }
            }
        }
    }

    proptest::proptest! {
        /// The byte scan finds what decoding every character would find, in any text.
        #[test]
        fn the_byte_scan_agrees_with_decoding_every_character(text in "(\\PC|\\pC|\r|\n){0,40}") {
            let mut chars = text.chars().enumerate().peekable();
            let mut decoded = None;
            while let Some((i, c)) = chars.next() {
                if let Some(why) = refused(c, chars.peek().map(|&(_, n)| n)) {
                    decoded = Some((i, c, why));
                    break;
                }
            }
            proptest::prop_assert_eq!(first_refused(&text), decoded);
        }
    }

    #[test]
    fn the_first_refused_character_is_found_by_character_index() {
        assert_eq!(first_refused("héllo"), None);
        let (at, c, _) = first_refused("ré\u{1b}[2J").unwrap();
        assert_eq!((at, c), (2, '\u{1b}'));
        assert_eq!(first_refused("a\r\nb"), None);
    }

    #[test]
    fn screens_get_a_visible_placeholder_and_messages_an_escape() {
        assert_eq!(for_screen("a\u{1b}[31mb\tc\r\nd"), "a\u{fffd}[31mb c\nd");
        assert_eq!(for_message("a\u{1b}]0;x\u{7}"), "a\\u{1b}]0;x\\u{7}");
        assert!(matches!(for_screen("plain"), Cow::Borrowed(_)));
        assert!(matches!(for_message("plain\n"), Cow::Borrowed(_)));
    }
}
