//! A conversation in progress. Pure: the random seed and the clock come in from outside, so the
//! same seed, answers and times always give the same transcript and grade. The engine knows
//! nothing of terminals; it takes domain commands (choose) and reports what happened.
//!
//! A conversation runs on indexes and numbers that come from scenario files and trainees'
//! keys, so indexing that can panic and arithmetic that can overflow are denied here.
#![deny(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

mod feedback;
mod report;
mod typed;

use std::sync::Arc;

use rand::seq::SliceRandom;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

pub use feedback::Feedback;
pub use report::{ChoiceRef, EndingReport, Report, ScenarioInfo, StepReport, VerdictReport};
pub use typed::{ReadHow, TypedReply};

use crate::scenario::{ClientState, Effect, Node, Outcome, ValidScenario};

/// Milliseconds on whatever clock the caller keeps (wall time in the app, a counter in tests).
pub type Millis = u64;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EngineError {
    #[error("the conversation has ended; no more choices are offered")]
    Finished,
    #[error("choice \"{choice}\" is not offered at \"{node}\"; offered: {}", offered.join(", "))]
    NotOffered {
        choice: String,
        node: String,
        offered: Vec<String>,
    },
    #[error("the scenario has no node \"{0}\"")]
    MissingNode(String),
    #[error(
        "routes from \"{0}\" went round more than {MAX_AUTOMATIC_STEPS} times without asking the trainee"
    )]
    RunawayRoutes(String),
}

/// What the trainee faces now: the client's line and the options in the order shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    pub node: String,
    /// Routes passed on the way here, decided by the client's state.
    pub via: Vec<String>,
    /// Which of the node's `says` variants was picked.
    pub variant: usize,
    pub line: String,
    /// Choice ids in the order presented (shuffled); empty at an ending.
    pub options: Vec<String>,
    pub presented_at: Millis,
}

/// One decision made, or one let pass in silence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub turn: Turn,
    /// The choice id; empty when the trainee hesitated.
    pub chosen: String,
    pub chosen_at: Millis,
    pub state_after: ClientState,
    /// The time limit ran out before the trainee answered (see [`Conversation::hesitate`]).
    pub hesitated: bool,
    /// In typed mode: the words the trainee typed, read as `chosen`.
    pub typed: Option<TypedReply>,
}

impl Step {
    pub fn elapsed(&self) -> Millis {
        self.chosen_at.saturating_sub(self.turn.presented_at)
    }
}

/// Where a reloaded conversation stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// Every answer replayed and led where it led before: the conversation goes on.
    Kept,
    /// Every answer replayed, but the node the trainee was at is gone (renamed, removed):
    /// they are as far as their answers lead in the new version.
    Lost(String),
    /// The new version no longer fits what was said: answer `at` (0-based) is gone, or
    /// leads elsewhere now while the node it led to is still there. The conversation returned stops where the replay did; going on from
    /// there would grade a conversation that never took place.
    Invalidated { at: usize },
}

/// The conversation as it stands.
#[derive(Debug, Clone)]
pub struct Conversation {
    scenario: Arc<ValidScenario>,
    seed: u64,
    rng: ChaCha8Rng,
    state: ClientState,
    turn: Turn,
    steps: Vec<Step>,
    started_at: Millis,
    /// How long the trainee has for each decision, in a timed drill.
    time_limit: Option<Millis>,
    /// Silences in a row at the current decision; the clock stops at [`MAX_SILENCES`].
    silences: u32,
}

/// What the client says when the trainee lets the time run out: the same in every language.
pub const SILENCE_LINE: &str = "…";

/// How the client's state moves at each hesitation.
pub const HESITATION_EFFECT: Effect = Effect { mood: -1, trust: 0 };

/// After this many silences in a row at one decision the countdown stops until the trainee
/// answers, so a trainee called away does not pile up hesitations without end.
pub const MAX_SILENCES: u32 = 3;

impl Conversation {
    /// Opens the conversation at the scenario's start node.
    pub fn start(
        scenario: Arc<ValidScenario>,
        seed: u64,
        now: Millis,
    ) -> Result<Self, EngineError> {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let start = scenario.scenario().start.clone();
        let initial = scenario.scenario().initial;
        let turn = present(&scenario, &start, initial, &mut rng, now)?;
        Ok(Conversation {
            state: scenario.scenario().initial,
            scenario,
            seed,
            rng,
            turn,
            steps: Vec::new(),
            started_at: now,
            time_limit: None,
            silences: 0,
        })
    }

    /// Gives every decision a time limit, as a timed drill does. A zero limit is taken as 1 ms.
    pub fn with_time_limit(mut self, limit: Option<Millis>) -> Self {
        self.time_limit = limit.map(|l| l.max(1));
        self
    }

    pub fn time_limit(&self) -> Option<Millis> {
        self.time_limit
    }

    /// When the current decision's time runs out, if it has a limit and the clock still runs.
    pub fn deadline(&self) -> Option<Millis> {
        let limit = self.time_limit?;
        if self.is_finished() || self.silences >= MAX_SILENCES {
            return None;
        }
        Some(self.turn.presented_at.saturating_add(limit))
    }

    /// Restarts the clock of the current decision: the options were put in front of the
    /// trainee only now (after they read what their last answer did).
    pub fn present_at(&mut self, now: Millis) {
        if !self.is_finished() {
            self.turn.presented_at = now;
        }
    }

    /// Lets the clock reach `now`: every deadline passed becomes a hesitation, taken at the
    /// deadline itself so the recorded time is exactly the limit. Returns how many.
    pub fn tick(&mut self, now: Millis) -> u32 {
        let mut count: u32 = 0;
        while let Some(deadline) = self.deadline() {
            if deadline > now {
                break;
            }
            if self.hesitate(deadline).is_err() {
                break;
            }
            count = count.saturating_add(1);
        }
        count
    }

    /// The trainee said nothing in time. The silence is recorded as a step scored 0, the
    /// client's mood drops ([`HESITATION_EFFECT`]), and the client meets the silence with
    /// [`SILENCE_LINE`]; the same decision stays open with the options in the same order.
    pub fn hesitate(&mut self, now: Millis) -> Result<&Step, EngineError> {
        if self.is_finished() {
            return Err(EngineError::Finished);
        }
        let state_after = self.state.after(HESITATION_EFFECT);
        let next_turn = Turn {
            node: self.turn.node.clone(),
            via: Vec::new(),
            variant: self.turn.variant,
            line: SILENCE_LINE.to_owned(),
            options: self.turn.options.clone(),
            presented_at: now,
        };
        let turn = std::mem::replace(&mut self.turn, next_turn);
        self.state = state_after;
        self.silences = self.silences.saturating_add(1);
        self.steps.push(Step {
            turn,
            chosen: String::new(),
            chosen_at: now,
            state_after,
            hesitated: true,
            typed: None,
        });
        self.steps.last().ok_or(EngineError::Finished)
    }

    /// How many times the trainee let the time run out.
    pub fn hesitations(&self) -> usize {
        self.steps.iter().filter(|s| s.hesitated).count()
    }

    pub fn scenario(&self) -> &ValidScenario {
        &self.scenario
    }

    pub fn shared_scenario(&self) -> Arc<ValidScenario> {
        Arc::clone(&self.scenario)
    }

    pub fn seed(&self) -> u64 {
        self.seed
    }

    pub fn state(&self) -> ClientState {
        self.state
    }

    pub fn turn(&self) -> &Turn {
        &self.turn
    }

    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    pub fn started_at(&self) -> Millis {
        self.started_at
    }

    /// The ending reached, if the conversation is over.
    pub fn ending(&self) -> Option<Outcome> {
        match self.scenario.node(&self.turn.node) {
            Some(Node::Ending { outcome, .. }) => Some(*outcome),
            _ => None,
        }
    }

    pub fn is_finished(&self) -> bool {
        self.ending().is_some()
    }

    /// Picks the option at `index` in the presented order.
    pub fn choose_nth(&mut self, index: usize, now: Millis) -> Result<&Step, EngineError> {
        let id = self
            .turn
            .options
            .get(index)
            .cloned()
            .ok_or_else(|| self.not_offered(&format!("#{}", index.saturating_add(1))))?;
        self.choose(&id, now)
    }

    /// Picks the option with this choice id and moves to the node it leads to. Any deadline
    /// passed before `now` counts first as a hesitation: an answer too late is an answer to
    /// the client's silence, not to their question.
    pub fn choose(&mut self, choice_id: &str, now: Millis) -> Result<&Step, EngineError> {
        self.tick(now);
        if self.is_finished() {
            return Err(EngineError::Finished);
        }
        if !self.turn.options.iter().any(|o| o == choice_id) {
            return Err(self.not_offered(choice_id));
        }
        let Some(Node::Decision { choices, .. }) = self.scenario.node(&self.turn.node) else {
            return Err(EngineError::MissingNode(self.turn.node.clone()));
        };
        let Some(choice) = choices.iter().find(|c| c.id == choice_id) else {
            return Err(self.not_offered(choice_id));
        };
        let next = choice.next.clone();
        let state_after = self.state.after(choice.effect);
        let next_turn = present(&self.scenario, &next, state_after, &mut self.rng, now)?;
        let turn = std::mem::replace(&mut self.turn, next_turn);
        self.state = state_after;
        self.silences = 0;
        self.steps.push(Step {
            turn,
            chosen: choice_id.to_owned(),
            chosen_at: now,
            state_after,
            hesitated: false,
            typed: None,
        });
        self.steps.last().ok_or(EngineError::Finished)
    }

    /// Picks the option with this choice id, as [`choose`](Conversation::choose) does, for a
    /// reply the trainee typed: the words are kept with the step. The grade is the option's,
    /// exactly as if it had been picked from the list.
    pub fn choose_typed(
        &mut self,
        choice_id: &str,
        reply: TypedReply,
        now: Millis,
    ) -> Result<&Step, EngineError> {
        self.choose(choice_id, now)?;
        let step = self.steps.last_mut().ok_or(EngineError::Finished)?;
        step.typed = Some(reply);
        Ok(step)
    }

    /// The same conversation on a new version of its scenario (a trainer saved the file):
    /// the same seed and answers are replayed. [`Place::Kept`] when every answer still stands
    /// and the trainee is where they were, [`Place::Lost`] when every answer stands but that
    /// node is gone; otherwise [`Place::Invalidated`], and the caller decides what to do with
    /// a conversation that no longer exists (start again, say so).
    pub fn reloaded(
        &self,
        scenario: Arc<ValidScenario>,
    ) -> Result<(Conversation, Place), EngineError> {
        let mut next = Conversation::start(scenario, self.seed, self.started_at)?
            .with_time_limit(self.time_limit);
        for (at, step) in self.steps.iter().enumerate() {
            let same_question = next.turn.node == step.turn.node;
            let replayed = if step.hesitated {
                next.hesitate(step.chosen_at).map(|_| ())
            } else if let Some(reply) = &step.typed {
                next.choose_typed(&step.chosen, reply.clone(), step.chosen_at)
                    .map(|_| ())
            } else {
                next.choose(&step.chosen, step.chosen_at).map(|_| ())
            };
            if !same_question || replayed.is_err() {
                return Ok((next, Place::Invalidated { at }));
            }
        }
        if next.turn.node == self.turn.node {
            return Ok((next, Place::Kept));
        }
        if next.scenario.node(&self.turn.node).is_none() {
            return Ok((next, Place::Lost(self.turn.node.clone())));
        }
        let at = self.steps.len().saturating_sub(1);
        Ok((next, Place::Invalidated { at }))
    }

    fn not_offered(&self, choice: &str) -> EngineError {
        EngineError::NotOffered {
            choice: choice.to_owned(),
            node: self.turn.node.clone(),
            offered: self.turn.options.clone(),
        }
    }
}

/// How many routes in a row the engine follows before it gives up. Validation already rejects
/// loops of routes and longer chains; this bounds the engine for scenarios that were never
/// validated.
pub use crate::scenario::limits::MAX_AUTOMATIC_STEPS;

/// Enters a node: follows routes by the client's `state`, then picks the line variant and
/// shuffles the options, in that order, from `rng`.
fn present(
    scenario: &ValidScenario,
    node_id: &str,
    state: ClientState,
    rng: &mut ChaCha8Rng,
    now: Millis,
) -> Result<Turn, EngineError> {
    let mut via = Vec::new();
    let mut id = node_id;
    let node = loop {
        let node = scenario
            .node(id)
            .ok_or_else(|| EngineError::MissingNode(id.to_owned()))?;
        match node.route(state) {
            Some(next) => {
                if via.len() >= MAX_AUTOMATIC_STEPS {
                    return Err(EngineError::RunawayRoutes(node_id.to_owned()));
                }
                via.push(id.to_owned());
                id = next;
            }
            None => break node,
        }
    };
    let says = node.says();
    let mut options: Vec<String> = match node {
        Node::Decision { choices, .. } => choices.iter().map(|c| c.id.clone()).collect(),
        _ => Vec::new(),
    };
    let variant = if says.len() > 1 {
        rng.random_range(0..says.len())
    } else {
        0
    };
    options.shuffle(rng);
    Ok(Turn {
        node: id.to_owned(),
        via,
        variant,
        line: says.get(variant).cloned().unwrap_or_default(),
        options,
        presented_at: now,
    })
}
