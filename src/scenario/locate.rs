//! Finds where things stand in a scenario's RON source, so that problems found after parsing
//! (a missing node, an unknown rule) can still be reported as `file:line:col`.
//!
//! `ron` gives positions only for syntax errors. Once a file has parsed, its shape is known: the
//! n-th node's `id` is the n-th `id:` key at node depth, and so on. A small scanner that skips
//! strings and comments records every `key:` with its nesting depth, which is all that takes.

/// Nesting depth of a node's fields: inside `Scenario(`, `nodes: [` and `Decision(`.
const NODE_DEPTH: usize = 3;
/// Nesting depth of a choice's fields: inside a node's `choices: [` and `Choice(`.
const CHOICE_DEPTH: usize = 5;
/// Nesting depth of the scenario's own fields.
const TOP_DEPTH: usize = 1;

/// A 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, serde::Serialize)]
pub struct Position {
    pub line: usize,
    pub col: usize,
}

impl Position {
    pub const START: Position = Position { line: 1, col: 1 };
}

#[derive(Debug, Clone)]
struct Key {
    name: String,
    depth: usize,
    offset: usize,
}

/// Positions of keys in one source text.
#[derive(Debug, Clone)]
pub struct Locator<'a> {
    source: &'a str,
    keys: Vec<Key>,
}

impl<'a> Locator<'a> {
    pub fn new(source: &'a str) -> Self {
        Locator {
            source,
            keys: scan_keys(source),
        }
    }

    /// Position of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        position_of(self.source, offset)
    }

    fn nth_key(&self, name: &str, depth: usize, n: usize) -> Option<Position> {
        self.keys
            .iter()
            .filter(|k| k.depth == depth && k.name == name)
            .nth(n)
            .map(|k| self.position(k.offset))
    }

    /// A field of the scenario itself, such as `start` or `format`.
    pub fn top(&self, key: &str) -> Position {
        self.nth_key(key, TOP_DEPTH, 0).unwrap_or(Position::START)
    }

    /// A field of the node at `index` in `nodes`; falls back to the node's id.
    pub fn node(&self, index: usize, key: &str) -> Position {
        self.nth_key(key, NODE_DEPTH, index)
            .or_else(|| self.nth_key("id", NODE_DEPTH, index))
            .unwrap_or_else(|| self.top("nodes"))
    }

    /// A field of the choice at `index` counted over all nodes' choices in file order;
    /// falls back to the choice's id.
    pub fn choice(&self, index: usize, key: &str) -> Position {
        self.nth_key(key, CHOICE_DEPTH, index)
            .or_else(|| self.nth_key("id", CHOICE_DEPTH, index))
            .unwrap_or_else(|| self.top("nodes"))
    }

    /// A field nested one level inside a top-level field, such as `initial` → `mood`.
    pub fn nested(&self, parent: &str, key: &str) -> Position {
        let Some(parent_at) = self
            .keys
            .iter()
            .find(|k| k.depth == TOP_DEPTH && k.name == parent)
        else {
            return Position::START;
        };
        self.keys
            .iter()
            .find(|k| k.offset > parent_at.offset && k.depth == TOP_DEPTH + 1 && k.name == key)
            .map_or_else(
                || self.position(parent_at.offset),
                |k| self.position(k.offset),
            )
    }
}

/// 1-based line and character column of a byte offset (clamped to the text).
pub fn position_of(source: &str, offset: usize) -> Position {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    Position { line, col }
}

/// Every `identifier :` outside strings and comments, with its bracket depth.
fn scan_keys(source: &str) -> Vec<Key> {
    let bytes = source.as_bytes();
    let mut keys = Vec::new();
    let mut depth: usize = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => i = skip_string(bytes, i + 1),
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = bytes[i..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(bytes.len(), |p| i + p);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => i = skip_block_comment(bytes, i + 2),
            b'(' | b'[' | b'{' => {
                depth += 1;
                i += 1;
            }
            b')' | b']' | b'}' => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            b'r' if is_raw_string_start(bytes, i) => i = skip_raw_string(bytes, i + 1),
            b if is_ident_start(b) => {
                let start = i;
                while i < bytes.len() && is_ident_char(bytes[i]) {
                    i += 1;
                }
                let mut j = i;
                while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                    j += 1;
                }
                if bytes.get(j) == Some(&b':') {
                    keys.push(Key {
                        name: source[start..i].to_owned(),
                        depth,
                        offset: start,
                    });
                }
            }
            _ => i += 1,
        }
    }
    keys
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_ident_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn skip_string(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

fn skip_block_comment(bytes: &[u8], mut i: usize) -> usize {
    // RON block comments nest.
    let mut level = 1usize;
    while i < bytes.len() {
        if bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/') {
            level -= 1;
            i += 2;
            if level == 0 {
                return i;
            }
        } else if bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'*') {
            level += 1;
            i += 2;
        } else {
            i += 1;
        }
    }
    bytes.len()
}

fn is_raw_string_start(bytes: &[u8], i: usize) -> bool {
    if i > 0 && is_ident_char(bytes[i - 1]) {
        return false;
    }
    let mut j = i + 1;
    while bytes.get(j) == Some(&b'#') {
        j += 1;
    }
    bytes.get(j) == Some(&b'"')
}

/// `i` points just after the `r` of `r#"…"#`.
fn skip_raw_string(bytes: &[u8], mut i: usize) -> usize {
    let mut hashes = 0;
    while bytes.get(i) == Some(&b'#') {
        hashes += 1;
        i += 1;
    }
    i += 1; // the opening quote
    while i < bytes.len() {
        if bytes[i] == b'"'
            && bytes[i + 1..]
                .iter()
                .take(hashes)
                .filter(|&&b| b == b'#')
                .count()
                == hashes
        {
            return i + 1 + hashes;
        }
        i += 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let src = "ab\nçd: 1";
        assert_eq!(position_of(src, 0), Position { line: 1, col: 1 });
        assert_eq!(position_of(src, 3), Position { line: 2, col: 1 });
        // "ç" is two bytes but one column.
        assert_eq!(position_of(src, 5), Position { line: 2, col: 2 });
    }

    #[test]
    fn keys_inside_strings_and_comments_are_ignored() {
        let src = "S(\n  // start: no\n  title: \"start: no\",\n  start: \"x\",\n)";
        let loc = Locator::new(src);
        assert_eq!(loc.top("start"), Position { line: 4, col: 3 });
    }

    #[test]
    fn the_nth_choice_key_is_found_at_choice_depth() {
        let src = "S(nodes: [D(id: \"a\", choices: [C(id: \"x\", next: \"b\"), C(id: \"y\", next: \"c\")])])";
        let loc = Locator::new(src);
        assert_eq!(
            loc.choice(1, "next").col,
            src.rfind("next").map_or(0, |o| o + 1)
        );
        assert_eq!(loc.node(0, "id").col, src.find("id").map_or(0, |o| o + 1));
    }
}
