//! The comments of a RON file, found without parsing it. A comment never reaches a screen,
//! but it is shown by every editor, pager and `cat` a trainer opens the file with, and a
//! file is shared between teams: an escape sequence in a comment can rewrite the reader's
//! terminal as surely as one in a line of dialogue. So comments are held to the same
//! characters as text.

use std::ops::Range;

use super::locate::{Position, position_of};
use super::sanitize::first_refused;

/// The byte ranges of the comments in `source`: `// …` to the end of its line, `/* … */`
/// (nested, as RON reads them) to its close or the end of the file. Strings, raw strings and
/// characters are stepped over, so a `//` inside them is not a comment.
pub fn comments(source: &str) -> Vec<Range<usize>> {
    let bytes = source.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let next = bytes.get(i + 1).copied();
        i = match (b, next) {
            (b'/', Some(b'/')) => {
                let end = bytes[i..]
                    .iter()
                    .position(|&c| c == b'\n')
                    .map_or(bytes.len(), |n| i + n);
                found.push(i..end);
                end
            }
            (b'/', Some(b'*')) => {
                let end = block_comment_end(bytes, i);
                found.push(i..end);
                end
            }
            (b'"', _) => string_end(bytes, i + 1),
            (b'r', Some(b'#' | b'"')) => raw_string_end(bytes, i + 1),
            (b'\'', _) => char_end(bytes, i),
            _ => i + 1,
        };
    }
    found
}

/// After the `*/` that closes the block comment opened at `start`, counting nested ones.
fn block_comment_end(bytes: &[u8], start: usize) -> usize {
    let mut depth = 0usize;
    let mut i = start;
    while i + 1 < bytes.len() {
        match (bytes[i], bytes[i + 1]) {
            (b'/', b'*') => {
                depth += 1;
                i += 2;
            }
            (b'*', b'/') => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return i;
                }
            }
            _ => i += 1,
        }
    }
    bytes.len()
}

/// After the closing quote of a string whose text starts at `i`.
fn string_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// After a raw string `r#"…"#` whose hashes start at `i`; just past the `r` when what
/// follows is not one.
fn raw_string_end(bytes: &[u8], i: usize) -> usize {
    let hashes = bytes[i..].iter().take_while(|&&b| b == b'#').count();
    let open = i + hashes;
    if bytes.get(open) != Some(&b'"') {
        return i;
    }
    let mut j = open + 1;
    while let Some(n) = bytes[j.min(bytes.len())..].iter().position(|&b| b == b'"') {
        let close = j + n;
        let tail = &bytes[close + 1..];
        if tail.len() >= hashes && tail[..hashes].iter().all(|&b| b == b'#') {
            return close + 1 + hashes;
        }
        j = close + 1;
    }
    bytes.len()
}

/// After a character literal `'x'` or `'\n'` opened at `i`; just past the quote when what
/// follows is not one.
fn char_end(bytes: &[u8], i: usize) -> usize {
    let body = &bytes[i + 1..];
    let len = match body.first() {
        Some(b'\\') => body.iter().skip(1).position(|&b| b == b'\'').map(|n| n + 1),
        Some(&b) => {
            let width = match b {
                0x00..=0x7f => 1,
                0xc0..=0xdf => 2,
                0xe0..=0xef => 3,
                _ => 4,
            };
            (body.get(width) == Some(&b'\'')).then_some(width)
        }
        None => None,
    };
    match len {
        Some(n) if n <= 12 => i + 1 + n + 1,
        _ => i + 1,
    }
}

/// Every comment holding a character a terminal would obey: where that character is, and
/// the message. Clean files cost one byte scan.
pub fn refused_in_comments(source: &str) -> Vec<(Position, String)> {
    if first_refused(source).is_none() {
        return Vec::new();
    }
    let mut found = Vec::new();
    for range in comments(source) {
        let Some(comment) = source.get(range.clone()) else {
            continue;
        };
        if let Some((index, c, why)) = first_refused(comment) {
            let offset = comment
                .char_indices()
                .nth(index)
                .map_or(range.start, |(at, _)| range.start + at);
            found.push((
                position_of(source, offset),
                format!(
                    "a comment contains U+{:04X}, {why}; remove it (a comment is shown by every editor and pager that opens the file)",
                    u32::from(c)
                ),
            ));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(source: &str) -> Vec<&str> {
        comments(source).into_iter().map(|r| &source[r]).collect()
    }

    #[test]
    fn line_and_nested_block_comments_are_found() {
        let source = "// one\nA(x: 1, /* two /* three */ still */ y: 2) // four";
        assert_eq!(
            texts(source),
            ["// one", "/* two /* three */ still */", "// four"]
        );
    }

    #[test]
    fn strings_raw_strings_and_characters_hide_comment_marks() {
        let source = r####"A(a: "x // no \" /* no", b: r#"// no "# ", c: '/', d: '"') // yes"####;
        assert_eq!(texts(source), ["// yes"]);
    }

    #[test]
    fn an_unclosed_comment_runs_to_the_end() {
        assert_eq!(texts("A( /* open"), ["/* open"]);
        assert_eq!(texts("A( // open"), ["// open"]);
    }

    #[test]
    fn a_refused_character_is_placed_where_it_is_in_the_comment() {
        let source = "A(\n  x: \"é\", // é \u{1b}]0;title\u{7}\n)";
        let found = refused_in_comments(source);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, Position { line: 2, col: 16 });
        assert!(found[0].1.contains("U+001B"), "{}", found[0].1);
    }
}
