//! Bringing stories written in other tools into Composure's scenario format.
//!
//! A trainer who already drafted a conversation in Twine should not have to retype it. An
//! import is only a first draft, though: a story has no rulebook, no client and no outcomes, so
//! the importer fills those with placeholders marked `TODO`, and everything it could not carry
//! over comes back as a [`Warning`] instead of vanishing. Importers are pure: text in, a
//! [`Scenario`] and its warnings out; reading and writing files is the command line's job.

pub mod twee;

use std::fmt;

use ron::ser::PrettyConfig;

use crate::scenario::Scenario;

/// Placeholders for what a story cannot supply. Each starts with `TODO` so a trainer can
/// search for them, and none is empty, so the draft still passes `composure check`.
pub const TODO_SITUATION: &str =
    "TODO: the situation in a few sentences. The first sentence is the summary on the home screen.";
pub const TODO_GOAL: &str = "TODO: what a good outcome would be";
pub const TODO_CLIENT_NAME: &str = "TODO: the client's name";
pub const TODO_PERSONA: &str = "TODO: who the client is and how they behave";
pub const TODO_CONSEQUENCE: &str = "TODO: what the trainee sees happen";
pub const TODO_COACHING: &str = "TODO: why, in the rulebook's terms";
pub const TODO_CLOSING: &str = "TODO: what happened afterwards, shown in the debrief";
pub const TODO_SAYS: &str = "TODO: what the client says here";

/// A scenario made from another format, and what did not survive the trip.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    pub scenario: Scenario,
    /// In source order; those about the whole story (no line) first.
    pub warnings: Vec<Warning>,
    /// The story format the source was written for, as the source names it
    /// (`"Harlowe 3.3.8"`), for the note at the top of the output.
    pub story_format: Option<String>,
}

/// Something in the source that the scenario does not carry, at the line it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// 1-based line in the source; `None` for the story as a whole.
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// The scenario as RON a trainer can read and edit, under a comment saying where it came from
/// and what is left to do. `source_name` names the imported file in that comment.
pub fn to_ron(import: &Import, source_name: &str) -> Result<String, ron::Error> {
    let config = PrettyConfig::new()
        .struct_names(true)
        .indentor("    ".to_owned());
    let body = ron::ser::to_string_pretty(&import.scenario, config)?;
    let from = match &import.story_format {
        Some(format) => format!("{source_name} ({format})"),
        None => source_name.to_owned(),
    };
    Ok(format!(
        "// Imported from {from} by `composure import twee`.\n\
         // A first draft: replace every \"TODO\" (the briefing, the client, each choice's\n\
         // consequence and coaching, each ending's closing), grade every choice with verdicts,\n\
         // and set client_type, language and each ending's outcome. Then run `composure check`\n\
         // on this file.\n{}\n",
        unescape_apostrophes(&body)
    ))
}

/// `ron` escapes every `'` inside a string as `\'`. Both parse the same, but prose is full of
/// apostrophes and the trainer edits this file next, so they are written plainly.
fn unescape_apostrophes(ron: &str) -> String {
    let mut out = String::with_capacity(ron.len());
    let mut in_string = false;
    let mut chars = ron.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' if in_string => match chars.next() {
                Some('\'') => out.push('\''),
                Some(next) => {
                    out.push('\\');
                    out.push(next);
                }
                None => out.push('\\'),
            },
            '"' => {
                in_string = !in_string;
                out.push('"');
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apostrophes_are_unescaped_only_inside_strings() {
        assert_eq!(
            unescape_apostrophes(r#"a: "I\'m \\' \"q\"", b: "x""#),
            r#"a: "I'm \\' \"q\"", b: "x""#
        );
    }
}
