//! A reply the trainee typed in their own words (typed mode, `--typed`), kept next to the
//! option it was read as. The engine grades the option, never the words: this record is what
//! the debrief, the history and the results database show beside that grade, so a trainer can
//! see what was actually said. How the words were matched is the matcher's business and the
//! screen's; the engine only keeps what they decided.

use serde::{Deserialize, Serialize};

/// The words typed at one decision, and how they came to be read as the chosen option.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypedReply {
    /// The reply as typed (trimmed).
    pub words: String,
    /// How the reply became the chosen option.
    pub read: ReadHow,
    /// What the reply's tone showed that no option covers (capitals read as shouting, an
    /// insult, "calm down"), as stable words: `shouting`, `insult`, `calm-down`, …. A note
    /// for the trainee, never part of the grade.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tone: Vec<String>,
}

/// How a typed reply became the option it is graded as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReadHow {
    /// The matcher was confident it says what this option says.
    Matched,
    /// The matcher was unsure and asked; the trainee picked this option as the one they meant.
    Picked,
}

impl ReadHow {
    /// The word the results database keeps for it.
    pub fn slug(self) -> &'static str {
        match self {
            ReadHow::Matched => "matched",
            ReadHow::Picked => "picked",
        }
    }
}
