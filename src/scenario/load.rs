//! Reading a scenario file: size and encoding checks, the RON parse, then validation. What
//! comes out is either a [`ValidScenario`], which the engine can trust, or every [`Problem`]
//! found, each pointing at its file, line and column.

use std::collections::HashMap;
use std::fmt;
use std::io::Read;
use std::path::Path;

use ron::extensions::Extensions;
use serde::Serialize;

use super::comments::refused_in_comments;
pub use super::limits::MAX_FILE_BYTES;
use super::limits::MAX_NESTING;
use super::locate::{Position, offset_of, position_of};
use super::model::{Node, Scenario};
use super::sanitize::for_message;
use super::validate::{node_id, validate};
use crate::rules::Rulebook;

/// One problem in one file, as `file:line:col: severity: message`. Printed or serialised,
/// the file name and message have any character a terminal would obey written as an escape
/// (`\u{1b}`): a message may quote a hostile file, and is read in a terminal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub severity: Severity,
    #[serde(serialize_with = "escaped")]
    pub file: String,
    /// Where in the file; `None` when the file could not be read at all.
    pub position: Option<Position>,
    #[serde(serialize_with = "escaped")]
    pub message: String,
    /// A warning's stable code (see `docs/scenario-format.md`); errors have none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<&'static str>,
}

fn escaped<S: serde::Serializer>(text: &str, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&for_message(text))
}

/// Errors make a scenario unplayable; warnings point at something a trainer should look at
/// (and fail `check --strict`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let file = for_message(&self.file);
        let message = for_message(&self.message);
        match self.position {
            Some(Position { line, col }) => {
                write!(f, "{file}:{line}:{col}: {severity}: {message}")?;
            }
            None => write!(f, "{file}: {severity}: {message}")?,
        }
        match self.code {
            Some(code) => write!(f, " [{code}]"),
            None => Ok(()),
        }
    }
}

/// A scenario that passed every check: references resolve, every node is reachable and can
/// reach an ending, and every verdict names a rule.
#[derive(Debug, Clone)]
pub struct ValidScenario {
    scenario: Scenario,
    index: HashMap<String, usize>,
    /// Where it came from: a path, or `embedded:NAME` for the shipped library.
    origin: String,
}

impl ValidScenario {
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    pub fn origin(&self) -> &str {
        &self.origin
    }

    pub fn id(&self) -> &str {
        &self.scenario.id
    }

    pub fn node(&self, id: &str) -> Option<&Node> {
        self.index.get(id).and_then(|&i| self.scenario.nodes.get(i))
    }

    /// Where the node with this id stands in `scenario().nodes`.
    pub fn node_index(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// A scenario taken as valid without checking it. For tests that must show what the
    /// engine and the screens do with a file validation refuses (escapes in the text, routes
    /// in a loop, a mood off the scale); anything a trainee plays goes through
    /// [`load_source`]. With duplicate node ids, the first node of an id is the one found.
    #[doc(hidden)]
    pub fn assume_valid(scenario: Scenario, origin: &str) -> ValidScenario {
        let mut index = HashMap::with_capacity(scenario.nodes.len());
        for (i, node) in scenario.nodes.iter().enumerate() {
            index.entry(node_id(node).to_owned()).or_insert(i);
        }
        ValidScenario {
            scenario,
            index,
            origin: origin.to_owned(),
        }
    }
}

/// Parses RON text into a scenario, with the position of a syntax or field error and a
/// message a trainer can act on.
pub fn parse(source: &str) -> Result<Scenario, (Position, String)> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    if is_blank(source) {
        return Err((
            Position::START,
            "the file is empty; a scenario starts with `Scenario(`".to_owned(),
        ));
    }
    ron_options().from_str(source).map_err(|e| {
        let mut position = Position {
            line: e.span.start.line.max(1),
            col: e.span.start.col.max(1),
        };
        if e.code == ron::Error::ExpectedComma {
            // `ron` stops at the token after the gap; the comma belongs where the previous
            // value ended, which may be lines (and comments) earlier.
            position = end_of_previous_token(source, position);
        }
        (position, explain(&e.code))
    })
}

/// How scenario files are read: `Some` may be left out around optional values, and nesting
/// stops at [`MAX_NESTING`].
pub fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_NESTING)
}

/// A message for a `ron` error in a scenario file: [`explain_ron`], with hints that only make
/// sense for scenarios.
fn explain(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::ExpectedComma => {
            "expected a comma here (inside a string, write a quote as \\\")".to_owned()
        }
        E::IntegerOutOfBounds => "this number is out of range for the field".to_owned(),
        E::ExceededRecursionLimit => format!(
            "brackets nest too deep here: past the parser's limit of {MAX_NESTING} steps ({} brackets); a scenario needs seven at most",
            MAX_NESTING / 2
        ),
        E::ExpectedDifferentLength { expected, found } if expected.contains("Verdict") => format!(
            "a verdict needs a rule and a weight, as in Follows(\"rule-id\", 2); found {found} {}",
            if *found == 1 { "value" } else { "values" }
        ),
        other => explain_ron(other),
    }
}

/// A message for a `ron` error in any of Composure's files (scenarios, drills), reworded where
/// the original speaks of Rust rather than of the file.
pub fn explain_ron(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::MissingStructField { field, outer } => match outer {
            Some(outer) => format!("`{outer}` is missing the field `{field}`"),
            None => format!("missing the field `{field}`"),
        },
        E::Eof => "the file ends too early: a `(`, `[` or `\"` is probably not closed".to_owned(),
        E::ExpectedComma => "expected a comma here".to_owned(),
        E::UnexpectedChar(c) => format!("unexpected character `{c}`"),
        E::NoSuchStructField {
            expected, found, ..
        }
        | E::NoSuchEnumVariant {
            expected, found, ..
        } => with_hint(
            lowercase_first(&code.to_string()),
            crate::suggest::nearest(found, expected.iter().copied()),
        ),
        other => lowercase_first(&other.to_string()),
    }
}

/// `ron`'s message about an unknown name, with the nearest known one put first when there
/// is one: `unexpected field named `tittle` in `Scenario`; did you mean `title`? (expected
/// one of … instead)`.
fn with_hint(message: String, nearest: Option<&str>) -> String {
    let Some(name) = nearest else {
        return message;
    };
    match message.split_once(", expected") {
        Some((head, tail)) => format!("{head}; did you mean `{name}`? (expected{tail})"),
        None => format!("{message}; did you mean `{name}`?"),
    }
}

/// Whether the text holds nothing but white space and comments.
fn is_blank(source: &str) -> bool {
    skip_comments(source).is_empty()
}

/// The text from its first token on: leading white space and `//` and `/* */` comments
/// skipped.
pub fn skip_comments(source: &str) -> &str {
    let mut rest = source.trim_start();
    loop {
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.find('\n').map_or("", |i| &after[i..]).trim_start();
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after
                .find("*/")
                .map_or("", |i| &after[i + 2..])
                .trim_start();
        } else {
            return rest;
        }
    }
}

/// The position just after the last token before `at`, skipping white space and `//` comments.
fn end_of_previous_token(source: &str, at: Position) -> Position {
    let offset = offset_of(source, at);
    let mut lines: Vec<&str> = source[..offset].split('\n').collect();
    while let Some(line) = lines.pop() {
        let code = strip_line_comment(line).trim_end();
        if !code.is_empty() {
            return Position {
                line: lines.len() + 1,
                col: code.chars().count() + 1,
            };
        }
    }
    at
}

/// A line without its `//` comment (one outside a string).
fn strip_line_comment(line: &str) -> &str {
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            '/' if !in_string && line[i + 1..].starts_with('/') => return &line[..i],
            _ => {}
        }
    }
    line
}

/// Parses and validates source text; `origin` names it in problems.
pub fn load_source(
    origin: &str,
    source: &str,
    rules: &Rulebook,
) -> Result<ValidScenario, Vec<Problem>> {
    let problem = |position, message| Problem {
        code: None,
        severity: Severity::Error,
        file: origin.to_owned(),
        position: Some(position),
        message,
    };
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut problems: Vec<Problem> = refused_in_comments(source)
        .into_iter()
        .map(|(at, message)| problem(at, message))
        .collect();
    let scenario = match parse(source) {
        Ok(scenario) => scenario,
        Err((at, message)) => {
            problems.push(problem(at, message));
            problems.sort_by_key(|p| p.position);
            return Err(problems);
        }
    };
    problems.extend(
        validate(&scenario, source, rules)
            .into_iter()
            .map(|f| problem(f.position, f.message)),
    );
    if !problems.is_empty() {
        problems.sort_by_key(|p| p.position);
        return Err(problems);
    }
    Ok(ValidScenario::assume_valid(scenario, origin))
}

/// Reads a file as UTF-8 text, refusing files over [`MAX_FILE_BYTES`] before reading them.
pub fn read_source(path: &Path) -> Result<String, Problem> {
    let file_name = path.display().to_string();
    let fail = |position, message: String| Problem {
        code: None,
        severity: Severity::Error,
        file: file_name.clone(),
        position,
        message,
    };
    let file = std::fs::File::open(path).map_err(|e| fail(None, format!("cannot open: {e}")))?;
    let meta = file
        .metadata()
        .map_err(|e| fail(None, format!("cannot read: {e}")))?;
    if meta.is_dir() {
        return Err(fail(None, "is a folder, not a scenario file".to_owned()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(fail(
            None,
            format!(
                "file is {} bytes; scenario files may be at most {MAX_FILE_BYTES} bytes",
                meta.len()
            ),
        ));
    }
    let mut bytes = Vec::new();
    // `take` also bounds files whose size the metadata does not tell (pipes, devices).
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(None, format!("cannot read: {e}")))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(fail(
            None,
            format!("file is larger than {MAX_FILE_BYTES} bytes, the limit for scenario files"),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.into_bytes();
        let text = String::from_utf8_lossy(&bytes[..valid]);
        fail(
            Some(position_of(&text, valid)),
            "the file is not valid UTF-8 text".to_owned(),
        )
    })
}

/// Reads, parses and validates one file.
pub fn load_path(path: &Path, rules: &Rulebook) -> Result<ValidScenario, Vec<Problem>> {
    let source = read_source(path).map_err(|p| vec![p])?;
    load_source(&path.display().to_string(), &source, rules)
}

/// `ron` starts its messages with a capital; ours do not, so the two read alike in a list.
fn lowercase_first(message: &str) -> String {
    let mut chars = message.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_past_the_limit_is_explained_with_the_limit() {
        let message = explain(&ron::Error::ExceededRecursionLimit);
        assert!(message.contains("128"), "{message}");
    }
}
