//! The rulebook file format (`assets/rules.ron`): the rules every choice is graded against.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rulebook {
    pub format: u32,
    pub rules: Vec<Rule>,
}

/// One rule of good conduct with a difficult client, distilled from the guidance articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Stable id, used in scenario verdicts and in coaching, where it is shown as the name.
    pub id: String,
    /// A short imperative name, shown wherever a trainee reads about the rule.
    pub name: String,
    /// The family the rule belongs to, such as "Tone and restraint".
    pub group: String,
    /// What to do and why, in Composure's own words.
    pub guidance: String,
    /// What breaking the rule looks like in a conversation.
    pub breaks: String,
    /// The guidance articles the rule comes from, by their research file names; see
    /// [`crate::rules::sources`] for what each one is.
    pub sources: Vec<String>,
    /// Whether choices are graded against it or it is a prompt for the debrief.
    #[serde(default)]
    pub scope: RuleScope,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum RuleScope {
    /// Choices follow or break it.
    #[default]
    Choice,
    /// A question the trainee is asked to reflect on after the conversation.
    Debrief,
}
