//! The drill file format, as Rust types. Like scenarios, every struct denies unknown fields,
//! so a misspelt key is an error at its position. `docs/drills.md` walks through an example.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::engine::Feedback;
use crate::scenario::ClientType;

/// The only drill format version this build reads.
pub const DRILL_FORMAT: u32 = 1;

/// The shortest and longest time limit per decision. Under three seconds nobody can read the
/// options; over ten minutes there is no pressure left.
pub const SECONDS_MIN: u32 = 3;
pub const SECONDS_MAX: u32 = 600;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Drill {
    /// Format version of the file; see [`DRILL_FORMAT`].
    pub format: u32,
    /// Stable id: lowercase letters, digits and dashes. Results are filed under it.
    pub id: String,
    /// What the team lead calls it.
    pub name: String,
    /// A line or two for the trainee before the drill starts.
    #[serde(default)]
    pub description: String,
    /// Which scenarios to draw from, by id or by client type, in this order.
    pub scenarios: Vec<Pick>,
    /// How many of them to play; all of them when missing.
    #[serde(default)]
    pub count: Option<usize>,
    #[serde(default)]
    pub order: Order,
    /// Shared by the whole team: the same seed gives everyone the same scenarios, order,
    /// wording and option order.
    pub seed: u64,
    /// The time limit for each decision.
    pub seconds_per_decision: u32,
    /// Answers are typed in the trainee's own words instead of chosen from a list
    /// (`docs/typed-replies.md`); `composure drill --typed` asks for the same.
    #[serde(default)]
    pub typed: bool,
    /// The time limit for each decision when the drill is played typed; when missing,
    /// [`TYPED_FACTOR`] times `seconds_per_decision` (at most [`SECONDS_MAX`]).
    #[serde(default)]
    pub seconds_per_typed_reply: Option<u32>,
    /// When the coaching is shown; at the end when the file does not say.
    #[serde(default = "Feedback::drill_default")]
    pub feedback: Feedback,
    /// The name and description for trainees who play in another language, by language
    /// code: `{ "nb": (name: "…", description: "…") }`. A language not listed gets the
    /// `name` and `description` above.
    #[serde(default)]
    pub translations: BTreeMap<String, DrillText>,
}

/// A drill's name and description in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DrillText {
    pub name: String,
    #[serde(default)]
    pub description: String,
}

/// Writing a reply takes longer than choosing one: without its own limit, a typed drill
/// gives this many times the time per decision. Thirty seconds to choose become ninety to
/// type, enough for two sentences at an ordinary typing speed after reading the client.
pub const TYPED_FACTOR: u32 = 3;

impl Drill {
    /// The time limit per decision, in seconds, when this drill is played typed.
    pub fn typed_seconds(&self) -> u32 {
        self.seconds_per_typed_reply.unwrap_or_else(|| {
            self.seconds_per_decision
                .saturating_mul(TYPED_FACTOR)
                .min(SECONDS_MAX)
        })
    }

    /// The name and description to show a trainee playing in `language`.
    pub fn text_in(&self, language: &str) -> (&str, &str) {
        match self.translations.get(language) {
            Some(text) => (&text.name, &text.description),
            None => (&self.name, &self.description),
        }
    }
}

/// Scenarios to draw from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Pick {
    /// One scenario, by id.
    Scenario(String),
    /// Every scenario with this client type, in library order.
    ClientType(ClientType),
}

/// The order the scenarios are played in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Order {
    /// As listed.
    #[default]
    Fixed,
    /// Shuffled by the drill's seed, the same for everyone.
    Shuffled,
}
