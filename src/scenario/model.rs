//! The scenario file format, as Rust types: what a trainer writes in RON.
//!
//! Every struct denies unknown fields so a misspelt key is an error at its position rather than
//! a silently ignored line. The annotated example in `docs/scenario-format.md` walks through
//! every field.

use serde::{Deserialize, Serialize};

/// The only format version this build reads. A file must say `format: 1`.
pub const FORMAT_VERSION: u32 = 1;

/// The lowest and highest value of the client's mood and trust.
pub const STATE_MIN: i8 = -3;
pub const STATE_MAX: i8 = 3;

/// A branching conversation with one difficult client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Format version of the file; see [`FORMAT_VERSION`].
    pub format: u32,
    /// Stable id: lowercase letters, digits and dashes. Used by `composure play ID`.
    pub id: String,
    pub title: String,
    /// What the client really is: the diagnosis the debrief teaches.
    pub client_type: ClientType,
    /// What the client appears to be, when that differs from `client_type`: lists, the
    /// briefing and the conversation show only this, and the debrief reveals the diagnosis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appears_as: Option<ClientType>,
    /// Language of the text, as a short tag such as `"en"`.
    #[serde(default = "default_language")]
    pub language: String,
    pub briefing: Briefing,
    pub client: Client,
    /// The client's state when the conversation opens.
    pub initial: ClientState,
    /// Id of the first node.
    pub start: String,
    pub nodes: Vec<Node>,
}

fn default_language() -> String {
    "en".to_owned()
}

/// What the trainee reads before the conversation starts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Briefing {
    /// The situation, in a few sentences. Its first sentence is the one-line summary on the
    /// home screen.
    pub situation: String,
    /// Facts the trainee knows going in.
    #[serde(default)]
    pub known: Vec<String>,
    /// What a good outcome would be.
    pub goal: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Client {
    pub name: String,
    /// Who the client is and how they behave, for the trainee and for authors.
    pub persona: String,
    /// The grammatical gender the scenario's language gives the client, so that words about
    /// the client agree ("спокойна" or "спокоен"). Absent: the language's general form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
}

/// A client's grammatical gender, as sentences about them need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Gender {
    Feminine,
    Masculine,
}

/// How the client feels: both run from [`STATE_MIN`] to [`STATE_MAX`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClientState {
    /// Visible to the trainee: -3 furious … 0 guarded … 3 warm.
    pub mood: i8,
    /// Hidden during play, shown in the debrief: -3 hostile … 3 loyal.
    pub trust: i8,
}

impl ClientState {
    /// The state after an effect, clamped to the scale.
    pub fn after(self, effect: Effect) -> ClientState {
        let shift = |v: i8, d: i8| v.saturating_add(d).clamp(STATE_MIN, STATE_MAX);
        ClientState {
            mood: shift(self.mood, effect.mood),
            trust: shift(self.trust, effect.trust),
        }
    }
}

/// The kinds of difficult client the guidance describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ClientType {
    Rude,
    Indecisive,
    King,
    KnowItAll,
    ModestDemands,
    PublicComplainer,
    ClientWithProblem,
    MismatchedExpectations,
    ProblemClient,
}

impl ClientType {
    /// Every client type, in the order of the guidance; `labels` has a test that this list
    /// and the enum (as scenario files read it) agree.
    pub const ALL: [ClientType; 9] = [
        ClientType::Rude,
        ClientType::Indecisive,
        ClientType::King,
        ClientType::KnowItAll,
        ClientType::ModestDemands,
        ClientType::PublicComplainer,
        ClientType::ClientWithProblem,
        ClientType::MismatchedExpectations,
        ClientType::ProblemClient,
    ];
}

/// One point of the conversation: either the trainee decides, or the conversation ends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Node {
    Decision {
        id: String,
        /// What the client says here; with several variants one is picked at random.
        says: Vec<String>,
        choices: Vec<Choice>,
    },
    Ending {
        id: String,
        /// The client's last words; with several variants one is picked at random.
        says: Vec<String>,
        outcome: Outcome,
        /// How good this ending is for the trainee; without it, the default for the outcome
        /// and the client type ([`Rating::default_for`]). It caps the score.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rating: Option<Rating>,
        /// What happened afterwards, shown in the debrief.
        closing: String,
    },
    /// An automatic step: the client's state decides where the conversation goes, without
    /// asking the trainee. The first `when` that holds wins; else `otherwise`.
    Route {
        id: String,
        when: Vec<When>,
        otherwise: String,
    },
}

/// A condition on the client's state and where it leads. Every threshold given must hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct When {
    #[serde(default)]
    pub mood_at_least: Option<i8>,
    #[serde(default)]
    pub trust_at_least: Option<i8>,
    pub next: String,
}

impl When {
    pub fn holds(&self, state: ClientState) -> bool {
        self.mood_at_least.is_none_or(|m| state.mood >= m)
            && self.trust_at_least.is_none_or(|t| state.trust >= t)
    }
}

impl Node {
    pub fn id(&self) -> &str {
        match self {
            Node::Decision { id, .. } | Node::Ending { id, .. } | Node::Route { id, .. } => id,
        }
    }

    /// What the client says here; nothing for a route.
    pub fn says(&self) -> &[String] {
        match self {
            Node::Decision { says, .. } | Node::Ending { says, .. } => says,
            Node::Route { .. } => &[],
        }
    }

    /// Every node id this node can lead to, in file order.
    pub fn targets(&self) -> Vec<&str> {
        match self {
            Node::Decision { choices, .. } => choices.iter().map(|c| c.next.as_str()).collect(),
            Node::Ending { .. } => Vec::new(),
            Node::Route {
                when, otherwise, ..
            } => when
                .iter()
                .map(|w| w.next.as_str())
                .chain([otherwise.as_str()])
                .collect(),
        }
    }

    /// An ending's rating for a scenario whose client really is `client_type`: the one the
    /// file gives, else the default for its outcome. `None` for other nodes.
    pub fn rating(&self, client_type: ClientType) -> Option<Rating> {
        match self {
            Node::Ending {
                outcome, rating, ..
            } => Some(rating.unwrap_or_else(|| Rating::default_for(*outcome, client_type))),
            _ => None,
        }
    }

    /// Where a route sends a client in `state`; `None` for other nodes.
    pub fn route(&self, state: ClientState) -> Option<&str> {
        match self {
            Node::Route {
                when, otherwise, ..
            } => Some(
                when.iter()
                    .find(|w| w.holds(state))
                    .map_or(otherwise.as_str(), |w| w.next.as_str()),
            ),
            _ => None,
        }
    }
}

/// One option the trainee can pick.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Unique within the scenario; used by `--answers`.
    pub id: String,
    /// What the trainee says or does.
    pub text: String,
    /// Other ways of saying the same, for typed replies: a reply close to any of them is read
    /// as this choice (see `docs/typed-replies.md`). Optional; translations give their own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phrasings: Vec<String>,
    /// Id of the node this choice leads to.
    pub next: String,
    /// How the choice stands against the rulebook.
    pub verdicts: Vec<Verdict>,
    /// How the client's state moves.
    #[serde(default)]
    pub effect: Effect,
    /// What the trainee sees happen, straight after choosing.
    pub consequence: String,
    /// Why, in the rulebook's terms.
    pub coaching: String,
}

/// A choice follows or breaks a rule, with a weight from 1 (minor) to 3 (serious).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    Follows(String, u8),
    Breaks(String, u8),
}

/// A change to the client's state; each field from -3 to 3, missing means 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Effect {
    #[serde(default)]
    pub mood: i8,
    #[serde(default)]
    pub trust: i8,
}

impl Scenario {
    /// The client type a trainee is shown before the debrief: the appearance when the
    /// scenario declares one, else the real type.
    pub fn shown_type(&self) -> ClientType {
        self.appears_as.unwrap_or(self.client_type)
    }

    /// Whether the client is not what they appear to be.
    pub fn is_disguised(&self) -> bool {
        self.appears_as.is_some_and(|a| a != self.client_type)
    }
}

/// How good an ending is, from best to worst. It is the ending's verdict on the whole
/// conversation, and caps the score: see `docs/scenario-format.md`, "How a conversation is
/// graded".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Rating {
    Excellent,
    Good,
    Poor,
    Fail,
}

impl Rating {
    pub const ALL: [Rating; 4] = [Rating::Excellent, Rating::Good, Rating::Poor, Rating::Fail];

    /// The rating of an ending whose file gives none. With a client who can be helped, a
    /// won-over client is the best ending and a parting is Poor: the job was to help. With a
    /// problem client it turns round: a professional parting after every commitment is the
    /// best ending, and keeping them by giving in is Poor.
    pub fn default_for(outcome: Outcome, client_type: ClientType) -> Rating {
        match (client_type, outcome) {
            (ClientType::ProblemClient, Outcome::ProfessionalParting) => Rating::Excellent,
            (ClientType::ProblemClient, Outcome::Resolved) => Rating::Good,
            (ClientType::ProblemClient, Outcome::WonOver) => Rating::Poor,
            (ClientType::ProblemClient, Outcome::LostClient) => Rating::Poor,
            (_, Outcome::WonOver) => Rating::Excellent,
            (_, Outcome::Resolved) => Rating::Good,
            (_, Outcome::ProfessionalParting) => Rating::Poor,
            (_, Outcome::EscalatedComplaint | Outcome::LostClient) => Rating::Fail,
        }
    }

    /// Whether the ending is a success for the trainee: drawn in the good colour.
    pub fn is_good(self) -> bool {
        matches!(self, Rating::Excellent | Rating::Good)
    }
}

/// How a conversation ended, from best to worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Outcome {
    WonOver,
    Resolved,
    ProfessionalParting,
    EscalatedComplaint,
    LostClient,
}

impl Outcome {
    /// Whether the outcome counts as a good result: the client won over, the problem
    /// resolved, or a professional parting.
    pub fn is_good(self) -> bool {
        matches!(
            self,
            Outcome::WonOver | Outcome::Resolved | Outcome::ProfessionalParting
        )
    }
}
