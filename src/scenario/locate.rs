//! Finds where things stand in a scenario's RON source, so that problems found after parsing
//! (a missing node, an unknown rule) can still be reported as `file:line:col`.
//!
//! `ron` gives positions only for syntax errors. Once a file has parsed, its shape is known: the
//! n-th node's `id` is the n-th `id:` key at node depth, and so on. A small scanner that skips
//! strings and comments records every `key:` with its nesting depth, which is all that takes.

use std::cell::OnceCell;
use std::collections::HashMap;

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

/// How far apart [`Checkpoints`] are, in bytes: the most a lookup walks.
const CHECKPOINT_SPACING: usize = 1024;

#[derive(Debug, Clone, Copy)]
struct Key<'a> {
    name: &'a str,
    depth: usize,
    offset: usize,
}

/// Positions of keys in one source text.
///
/// Both indexes are built on first use, in one pass each: a file with no problems costs
/// nothing, and a file with thousands costs the same per problem as a file with one.
#[derive(Debug, Clone)]
pub struct Locator<'a> {
    source: &'a str,
    /// Offsets of every key, by name and depth, in file order.
    keys: OnceCell<HashMap<&'a str, HashMap<usize, Vec<usize>>>>,
    checkpoints: OnceCell<Checkpoints>,
}

impl<'a> Locator<'a> {
    pub fn new(source: &'a str) -> Self {
        Locator {
            source,
            keys: OnceCell::new(),
            checkpoints: OnceCell::new(),
        }
    }

    /// Position of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        self.checkpoints
            .get_or_init(|| Checkpoints::new(self.source))
            .position(self.source, offset)
    }

    fn offsets(&self, name: &str, depth: usize) -> &[usize] {
        let keys = self.keys.get_or_init(|| {
            let mut index: HashMap<&str, HashMap<usize, Vec<usize>>> = HashMap::new();
            for key in scan_keys(self.source) {
                index
                    .entry(key.name)
                    .or_default()
                    .entry(key.depth)
                    .or_default()
                    .push(key.offset);
            }
            index
        });
        keys.get(name)
            .and_then(|by_depth| by_depth.get(&depth))
            .map_or(&[], Vec::as_slice)
    }

    fn nth_key(&self, name: &str, depth: usize, n: usize) -> Option<Position> {
        self.offsets(name, depth)
            .get(n)
            .map(|&offset| self.position(offset))
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
        let Some(&parent_at) = self.offsets(parent, TOP_DEPTH).first() else {
            return Position::START;
        };
        let inside = self.offsets(key, TOP_DEPTH + 1);
        let after = inside.partition_point(|&offset| offset <= parent_at);
        self.position(inside.get(after).copied().unwrap_or(parent_at))
    }
}

/// The line and column at every [`CHECKPOINT_SPACING`] bytes, so that finding a position
/// walks at most that far, even on a file that is one long line.
#[derive(Debug, Clone)]
struct Checkpoints {
    /// (byte offset, position), in offset order; the first is the start of the text.
    marks: Vec<(usize, Position)>,
}

impl Checkpoints {
    fn new(source: &str) -> Self {
        let mut marks = vec![(0, Position::START)];
        let mut at = Position::START;
        let mut next = CHECKPOINT_SPACING;
        for (offset, c) in source.char_indices() {
            if offset >= next {
                marks.push((offset, at));
                next = offset + CHECKPOINT_SPACING;
            }
            at = step(at, c);
        }
        Checkpoints { marks }
    }

    fn position(&self, source: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(source, offset);
        let i = self.marks.partition_point(|&(o, _)| o <= offset);
        let (from, mut at) = self
            .marks
            .get(i.wrapping_sub(1))
            .copied()
            .unwrap_or((0, Position::START));
        for c in source[from..offset].chars() {
            at = step(at, c);
        }
        at
    }
}

fn step(at: Position, c: char) -> Position {
    if c == '\n' {
        Position {
            line: at.line + 1,
            col: 1,
        }
    } else {
        Position {
            line: at.line,
            col: at.col + 1,
        }
    }
}

fn floor_char_boundary(source: &str, offset: usize) -> usize {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// 1-based line and character column of a byte offset (clamped to the text). For one
/// lookup; a [`Locator`] answers many without rescanning.
pub fn position_of(source: &str, offset: usize) -> Position {
    let offset = floor_char_boundary(source, offset);
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    Position { line, col }
}

/// Every `identifier :` outside strings and comments, with its bracket depth.
fn scan_keys(source: &str) -> Vec<Key<'_>> {
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
                        name: &source[start..i],
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
    fn a_locator_gives_the_same_positions_as_a_fresh_scan_past_many_checkpoints() {
        let mut src = String::new();
        for i in 0..2000 {
            src.push_str(if i % 7 == 0 { "ç\n" } else { "ab " });
        }
        let loc = Locator::new(&src);
        for offset in (0..=src.len() + 3).step_by(37) {
            assert_eq!(loc.position(offset), position_of(&src, offset), "{offset}");
        }
    }

    #[test]
    fn a_nested_key_is_the_first_one_after_its_parent() {
        let src = "S(\n  client: C(name: \"a\"),\n  initial: I(mood: 1, trust: 2),\n)";
        let loc = Locator::new(src);
        assert_eq!(
            loc.nested("initial", "trust"),
            Position { line: 3, col: 23 }
        );
        // A missing key falls back to its parent, a missing parent to the start.
        assert_eq!(loc.nested("initial", "name"), Position { line: 3, col: 3 });
        assert_eq!(loc.nested("briefing", "goal"), Position::START);
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
