//! Finds where things stand in a scenario's RON source, so that problems found after parsing
//! (a missing node, an unknown rule) can still be reported as `file:line:col`.
//!
//! `ron` gives positions only for syntax errors. Once a file has parsed, its shape is known, so
//! a small scanner that skips strings and comments can rebuild the tree of brackets: each
//! `(…)`, `[…]` or `{…}` with the key it is the value of, its own `key:`s and its direct string
//! items. Lookups then walk that tree (the `nodes` list, the n-th node, its `choices`, the
//! m-th choice, its key), so an optional key in one node can never be mistaken for another's.

/// A 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, serde::Serialize)]
pub struct Position {
    pub line: usize,
    pub col: usize,
}

impl Position {
    pub const START: Position = Position { line: 1, col: 1 };
}

/// One bracketed group of the source.
#[derive(Debug, Clone, Default)]
struct Group<'a> {
    /// Where it starts: the name before the bracket (`Choice` in `Choice(`), else the bracket.
    start: usize,
    /// The key this group is the value of, as in `choices: [`.
    key: Option<&'a str>,
    /// Its own `key:`s, with their offsets.
    keys: Vec<(&'a str, usize)>,
    /// Offsets of the string literals directly inside it.
    strings: Vec<usize>,
    children: Vec<usize>,
}

/// Positions of keys in one source text.
#[derive(Debug, Clone)]
pub struct Locator<'a> {
    source: &'a str,
    groups: Vec<Group<'a>>,
    /// The outermost group, `Scenario(…)`.
    root: Option<usize>,
    /// Byte offset where each line starts.
    line_starts: Vec<usize>,
    /// (byte offset, characters before it) every few kilobytes, so that a column is counted
    /// from a nearby mark rather than from the start of a line that may be the whole file.
    /// Without them, a file with thousands of problems on one long line takes quadratic time.
    marks: Vec<(usize, usize)>,
}

/// A [`Locator`] built the first time a position is asked for. Checks that usually find
/// nothing (validation of a good file, warnings on a clean one) hold one of these, so a file
/// without problems never pays for rebuilding its bracket tree, which costs about as much
/// as parsing the file.
pub struct LazyLocator<'a> {
    source: &'a str,
    built: std::cell::OnceCell<Locator<'a>>,
}

impl<'a> LazyLocator<'a> {
    pub fn new(source: &'a str) -> Self {
        LazyLocator {
            source,
            built: std::cell::OnceCell::new(),
        }
    }
}

impl<'a> std::ops::Deref for LazyLocator<'a> {
    type Target = Locator<'a>;

    fn deref(&self) -> &Locator<'a> {
        self.built.get_or_init(|| Locator::new(self.source))
    }
}

/// A string in the scenario, by where it sits in the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field<'k> {
    /// A string field of the scenario itself, such as `title`.
    Top(&'k str),
    /// A string field of a top-level field, such as `client` → `name`.
    Nested(&'k str, &'k str),
    /// The `index`-th string of a list in a top-level field, such as `briefing` → `known`.
    NestedItem(&'k str, &'k str, usize),
    /// A string field of the node at this index, such as `closing`.
    Node(usize, &'k str),
    /// The `index`-th line of a node's `says`.
    Says(usize, usize),
    /// A string field of a route's `index`-th `When`.
    When(usize, usize, &'k str),
    /// A string field of a choice.
    Choice(usize, usize, &'k str),
    /// The rule id of a choice's `index`-th verdict.
    Verdict(usize, usize, usize),
    /// A choice's `index`-th alternative phrasing.
    Phrasing(usize, usize, usize),
}

/// How far apart the column marks are, in bytes.
const MARK_EVERY: usize = 4096;

impl<'a> Locator<'a> {
    pub fn new(source: &'a str) -> Self {
        let groups = scan(source);
        // Group 0 is the whole file; the scenario is its first child.
        let root = groups.first().and_then(|g| g.children.first().copied());
        let mut line_starts = vec![0];
        let mut marks = vec![(0, 0)];
        for (count, (i, c)) in source.char_indices().enumerate() {
            if c == '\n' {
                line_starts.push(i + 1);
            }
            if marks.last().is_some_and(|&(at, _)| i - at >= MARK_EVERY) {
                marks.push((i, count));
            }
        }
        Locator {
            source,
            groups,
            root,
            line_starts,
            marks,
        }
    }

    /// Position of a byte offset (clamped to the text), in time independent of the file's
    /// length.
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.source.len());
        while !self.source.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let start = self
            .line_starts
            .get(line.wrapping_sub(1))
            .copied()
            .unwrap_or(0);
        Position {
            line: line.max(1),
            col: self.chars_before(offset) - self.chars_before(start) + 1,
        }
    }

    /// How many characters come before a byte offset on a character boundary.
    fn chars_before(&self, offset: usize) -> usize {
        let mark = self.marks.partition_point(|&(at, _)| at <= offset);
        let (at, count) = self
            .marks
            .get(mark.wrapping_sub(1))
            .copied()
            .unwrap_or((0, 0));
        count + self.source.get(at..offset).map_or(0, |s| s.chars().count())
    }

    /// Where a string of the scenario starts (its opening quote); with `char_index`, the
    /// position of that character of its text (an escape such as `\u{1b}` counts as the one
    /// character it stands for). Falls back to the key, then to the enclosing structure, where
    /// the string is not found.
    pub fn string(&self, field: Field<'_>, char_index: Option<usize>) -> Position {
        match self.literal(field) {
            Some(at) => self.position(match char_index {
                Some(index) => char_in_literal(self.source, at, index),
                None => at,
            }),
            None => match field {
                Field::Top(key) => self.top(key),
                Field::Nested(parent, key) | Field::NestedItem(parent, key, _) => {
                    self.nested(parent, key)
                }
                Field::Node(node, key) => self.node(node, key),
                Field::Says(node, index) => self.says_line(node, index),
                Field::When(node, index, key) => self.when(node, index, key),
                Field::Choice(node, choice, key) => self.choice(node, choice, key),
                Field::Verdict(node, choice, index) => self.verdict(node, choice, index),
                Field::Phrasing(node, choice, index) => self.phrasing(node, choice, index),
            },
        }
    }

    /// The byte offset where a string literal starts (its quote, or the `r` of a raw string).
    fn literal(&self, field: Field<'_>) -> Option<usize> {
        match field {
            Field::Top(key) => self.value_string(self.root?, key),
            Field::Nested(parent, key) => {
                self.value_string(self.child_for_key(self.root?, parent)?, key)
            }
            Field::NestedItem(parent, key, index) => {
                let group = self.child_for_key(self.root?, parent)?;
                let list = self.child_for_key(group, key)?;
                self.groups.get(list)?.strings.get(index).copied()
            }
            Field::Node(node, key) => self.value_string(self.node_group(node)?, key),
            Field::Says(node, index) => {
                let list = self.child_for_key(self.node_group(node)?, "says")?;
                self.groups.get(list)?.strings.get(index).copied()
            }
            Field::When(node, index, key) => {
                let list = self.child_for_key(self.node_group(node)?, "when")?;
                let when = self.groups.get(list)?.children.get(index).copied()?;
                self.value_string(when, key)
            }
            Field::Choice(node, choice, key) => {
                self.value_string(self.choice_group(node, choice)?, key)
            }
            Field::Verdict(node, choice, index) => {
                let list = self.child_for_key(self.choice_group(node, choice)?, "verdicts")?;
                let verdict = self.groups.get(list)?.children.get(index).copied()?;
                self.groups.get(verdict)?.strings.first().copied()
            }
            Field::Phrasing(node, choice, index) => {
                let list = self.child_for_key(self.choice_group(node, choice)?, "phrasings")?;
                self.groups.get(list)?.strings.get(index).copied()
            }
        }
    }

    /// The string literal that is the value of `key` in `group`: the first one after the key
    /// and before the next key.
    fn value_string(&self, group: usize, key: &str) -> Option<usize> {
        let g = self.groups.get(group)?;
        let at = self.key_in(group, key)?;
        let next_key = g
            .keys
            .iter()
            .map(|&(_, k)| k)
            .filter(|&k| k > at)
            .min()
            .unwrap_or(usize::MAX);
        g.strings.iter().copied().find(|&s| s > at && s < next_key)
    }

    fn key_in(&self, group: usize, key: &str) -> Option<usize> {
        self.groups[group]
            .keys
            .iter()
            .find(|(k, _)| *k == key)
            .map(|&(_, at)| at)
    }

    fn child_for_key(&self, group: usize, key: &str) -> Option<usize> {
        self.groups[group]
            .children
            .iter()
            .copied()
            .find(|&c| self.groups[c].key == Some(key))
    }

    fn node_group(&self, node: usize) -> Option<usize> {
        let list = self.child_for_key(self.root?, "nodes")?;
        self.groups[list].children.get(node).copied()
    }

    fn choice_group(&self, node: usize, choice: usize) -> Option<usize> {
        let list = self.child_for_key(self.node_group(node)?, "choices")?;
        self.groups[list].children.get(choice).copied()
    }

    /// `key` in `group`, else the group's start, else the fallback.
    fn at(&self, group: Option<usize>, key: &str, fallback: impl FnOnce() -> Position) -> Position {
        match group {
            Some(g) => self.position(self.key_in(g, key).unwrap_or(self.groups[g].start)),
            None => fallback(),
        }
    }

    /// A field of the scenario itself, such as `start` or `format`.
    pub fn top(&self, key: &str) -> Position {
        self.at(self.root, key, || Position::START)
    }

    /// The `index`-th item of a top-level list, such as a drill's `scenarios`.
    pub fn list_item(&self, key: &str, index: usize) -> Position {
        let item = self
            .root
            .and_then(|r| self.child_for_key(r, key))
            .and_then(|list| self.groups[list].children.get(index).copied());
        match item {
            Some(g) => self.position(self.groups[g].start),
            None => self.top(key),
        }
    }

    /// The key `"entry"` of a top-level map, such as a drill's `translations` → `"nb"`; the
    /// map's own key when the entry is not written plainly.
    pub fn map_key(&self, key: &str, entry: &str) -> Position {
        let quoted = format!("\"{entry}\"");
        let found = self
            .root
            .and_then(|r| self.child_for_key(r, key))
            .and_then(|map| {
                self.groups[map].strings.iter().copied().find(|&at| {
                    self.source
                        .get(at..)
                        .is_some_and(|s| s.starts_with(&quoted))
                })
            });
        match found {
            Some(at) => self.position(at),
            None => self.top(key),
        }
    }

    /// A field of a top-level field, such as `initial` → `mood`.
    pub fn nested(&self, parent: &str, key: &str) -> Position {
        let group = self.root.and_then(|r| self.child_for_key(r, parent));
        self.at(group, key, || self.top(parent))
    }

    /// A field of the node at `node` in `nodes`; the node itself when the key is absent.
    pub fn node(&self, node: usize, key: &str) -> Position {
        self.at(self.node_group(node), key, || self.top("nodes"))
    }

    /// A field of a choice; the choice itself when the key is absent.
    pub fn choice(&self, node: usize, choice: usize, key: &str) -> Position {
        self.at(self.choice_group(node, choice), key, || {
            self.node(node, "choices")
        })
    }

    /// A field of the `index`-th `When` of a route.
    pub fn when(&self, node: usize, index: usize, key: &str) -> Position {
        let group = self
            .node_group(node)
            .and_then(|n| self.child_for_key(n, "when"))
            .and_then(|list| self.groups[list].children.get(index).copied());
        self.at(group, key, || self.node(node, "when"))
    }

    /// The `index`-th verdict of a choice.
    pub fn verdict(&self, node: usize, choice: usize, index: usize) -> Position {
        let verdict = self
            .choice_group(node, choice)
            .and_then(|c| self.child_for_key(c, "verdicts"))
            .and_then(|list| self.groups[list].children.get(index).copied());
        match verdict {
            Some(v) => self.position(self.groups[v].start),
            None => self.choice(node, choice, "verdicts"),
        }
    }

    /// A choice's `index`-th alternative phrasing; its `phrasings` (or the choice) when absent.
    pub fn phrasing(&self, node: usize, choice: usize, index: usize) -> Position {
        let at = self
            .choice_group(node, choice)
            .and_then(|c| self.child_for_key(c, "phrasings"))
            .and_then(|list| self.groups.get(list)?.strings.get(index).copied());
        match at {
            Some(at) => self.position(at),
            None => self.choice(node, choice, "phrasings"),
        }
    }

    /// The `index`-th line of a node's `says`.
    pub fn says_line(&self, node: usize, index: usize) -> Position {
        let line = self
            .node_group(node)
            .and_then(|n| self.child_for_key(n, "says"))
            .and_then(|list| self.groups[list].strings.get(index).copied());
        match line {
            Some(at) => self.position(at),
            None => self.node(node, "says"),
        }
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

/// The byte offset of the `index`-th character of the text of the string literal at
/// `literal`, reading escapes as the one character they stand for. Clamped to the literal.
fn char_in_literal(source: &str, literal: usize, index: usize) -> usize {
    let bytes = source.as_bytes();
    if bytes.get(literal) == Some(&b'r') {
        let mut i = literal + 1;
        while bytes.get(i) == Some(&b'#') {
            i += 1;
        }
        let body = i + 1;
        return source
            .get(body..)
            .and_then(|rest| rest.char_indices().nth(index))
            .map_or(literal, |(at, _)| body + at);
    }
    let mut i = literal + 1;
    let mut n = 0;
    while let Some(c) = source.get(i..).and_then(|rest| rest.chars().next()) {
        if c == '"' {
            break;
        }
        if n == index {
            return i;
        }
        i = if c == '\\' {
            skip_escape(bytes, i)
        } else {
            i + c.len_utf8()
        };
        n += 1;
    }
    literal
}

/// The offset after the escape that starts at `i` (a backslash), as `ron` reads escapes: a
/// character written as several `\xNN` bytes of UTF-8 is one character.
fn skip_escape(bytes: &[u8], i: usize) -> usize {
    match bytes.get(i + 1) {
        Some(b'x') => {
            let first = bytes
                .get(i + 2..i + 4)
                .and_then(|hex| std::str::from_utf8(hex).ok())
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
                .unwrap_or(0);
            let more = match first {
                0xc0..=0xdf => 1,
                0xe0..=0xef => 2,
                0xf0..=0xff => 3,
                _ => 0,
            };
            i + 4 + 4 * more
        }
        Some(b'u') => bytes
            .get(i..)
            .and_then(|rest| rest.iter().position(|&b| b == b'}'))
            .map_or(bytes.len(), |p| i + p + 1),
        _ => i + 2,
    }
}

/// The byte offset of a 1-based line and character column (clamped to the text).
pub fn offset_of(source: &str, position: Position) -> usize {
    let mut line_start = 0;
    for _ in 1..position.line {
        match source[line_start..].find('\n') {
            Some(i) => line_start += i + 1,
            None => return source.len(),
        }
    }
    source[line_start..]
        .char_indices()
        .nth(position.col.saturating_sub(1))
        .map_or(source.len(), |(i, _)| line_start + i)
}

/// Builds the tree of bracketed groups; group 0 stands for the whole file.
fn scan(source: &str) -> Vec<Group<'_>> {
    let bytes = source.as_bytes();
    let mut groups = vec![Group::default()];
    let mut open = vec![0usize];
    // The last `key:` seen in the current group that has no value yet, and the last
    // identifier (a struct or variant name) before a bracket.
    let mut pending_key: Option<&str> = None;
    let mut last_ident: Option<(usize, usize)> = None; // (start, end)
    let mut i = 0;
    while i < bytes.len() {
        let current = open.last().copied().unwrap_or(0);
        match bytes[i] {
            b'"' => {
                groups[current].strings.push(i);
                pending_key = None;
                last_ident = None;
                i = skip_string(bytes, i + 1);
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = bytes[i..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(bytes.len(), |p| i + p);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => i = skip_block_comment(bytes, i + 2),
            b'(' | b'[' | b'{' => {
                // A name right before the bracket (`Choice(`) is where the group starts.
                let start = match last_ident {
                    Some((s, e)) if source[e..i].trim().is_empty() => s,
                    _ => i,
                };
                let id = groups.len();
                groups.push(Group {
                    start,
                    key: pending_key.take(),
                    ..Group::default()
                });
                groups[current].children.push(id);
                open.push(id);
                last_ident = None;
                i += 1;
            }
            b')' | b']' | b'}' => {
                if open.len() > 1 {
                    open.pop();
                }
                pending_key = None;
                last_ident = None;
                i += 1;
            }
            b'r' if is_raw_string_start(bytes, i) => {
                groups[current].strings.push(i);
                pending_key = None;
                i = skip_raw_string(bytes, i + 1);
            }
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
                    let name = &source[start..i];
                    groups[current].keys.push((name, start));
                    pending_key = Some(name);
                    last_ident = None;
                    i = j + 1;
                } else {
                    last_ident = Some((start, i));
                }
            }
            b',' => {
                pending_key = None;
                last_ident = None;
                i += 1;
            }
            _ => i += 1,
        }
    }
    groups
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
        assert_eq!(offset_of(src, Position { line: 2, col: 2 }), 5);
    }

    #[test]
    fn keys_inside_strings_and_comments_are_ignored() {
        let src = "S(\n  // start: no\n  title: \"start: no\",\n  start: \"x\",\n)";
        let loc = Locator::new(src);
        assert_eq!(loc.top("start"), Position { line: 4, col: 3 });
    }

    #[test]
    fn an_optional_key_is_looked_up_in_its_own_choice() {
        // The first choice has no `effect`; the second's must not be taken for it.
        let src = "S(nodes: [D(id: \"a\", choices: [C(id: \"x\"), C(id: \"y\", effect: E())])])";
        let loc = Locator::new(src);
        let first = src.find("C(id: \"x\"").unwrap() + 1;
        assert_eq!(loc.choice(0, 0, "effect").col, first);
        assert_eq!(
            loc.choice(0, 1, "effect").col,
            src.find("effect").unwrap() + 1
        );
    }

    #[test]
    fn verdicts_and_says_lines_are_found_one_by_one() {
        let src = "S(nodes: [D(says: [\"a\", \"b\"], choices: [C(verdicts: [F(\"r\", 1), B(\"s\", 2)])])])";
        let loc = Locator::new(src);
        assert_eq!(loc.verdict(0, 0, 1).col, src.find("B(").unwrap() + 1);
        assert_eq!(loc.says_line(0, 1).col, src.find("\"b\"").unwrap() + 1);
    }
}
