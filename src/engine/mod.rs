//! A conversation in progress. Pure: the random seed and the clock come in from outside, so the
//! same seed, answers and times always give the same transcript and grade. The engine knows
//! nothing of terminals; it takes domain commands (choose) and reports what happened.
//!
//! A conversation runs on indexes and numbers that come from scenario files and trainees'
//! keys, so indexing that can panic and arithmetic that can overflow are denied here.
#![deny(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

mod report;

use std::sync::Arc;

use rand::seq::SliceRandom;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

pub use report::{ChoiceRef, EndingReport, Report, ScenarioInfo, StepReport, VerdictReport};

use crate::scenario::{ClientState, Node, Outcome, ValidScenario};

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

/// One decision made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub turn: Turn,
    pub chosen: String,
    pub chosen_at: Millis,
    pub state_after: ClientState,
}

impl Step {
    pub fn elapsed(&self) -> Millis {
        self.chosen_at.saturating_sub(self.turn.presented_at)
    }
}

/// Where a reloaded conversation stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// At the same node as before.
    Kept,
    /// The node the trainee was at is gone; they are as far as their choices still lead.
    Lost(String),
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
}

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
        })
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

    /// Picks the option with this choice id and moves to the node it leads to.
    pub fn choose(&mut self, choice_id: &str, now: Millis) -> Result<&Step, EngineError> {
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
        self.steps.push(Step {
            turn,
            chosen: choice_id.to_owned(),
            chosen_at: now,
            state_after,
        });
        self.steps.last().ok_or(EngineError::Finished)
    }

    /// The same conversation on a new version of its scenario (a trainer saved the file):
    /// the same seed and choices are replayed, and where they no longer fit, the trainee is
    /// put back at the node they were at, if it still exists.
    pub fn reloaded(
        &self,
        scenario: Arc<ValidScenario>,
    ) -> Result<(Conversation, Place), EngineError> {
        let mut next = Conversation::start(scenario, self.seed, self.started_at)?;
        for step in &self.steps {
            if next.choose(&step.chosen, step.chosen_at).is_err() {
                break;
            }
        }
        if next.turn.node == self.turn.node {
            return Ok((next, Place::Kept));
        }
        if next.scenario.node(&self.turn.node).is_some() {
            next.state = self.state;
            next.turn = present(
                &next.scenario,
                &self.turn.node,
                self.state,
                &mut next.rng,
                self.turn.presented_at,
            )?;
            return Ok((next, Place::Kept));
        }
        Ok((next, Place::Lost(self.turn.node.clone())))
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
/// loops of routes; this bounds the engine for scenarios that were never validated.
pub const MAX_AUTOMATIC_STEPS: usize = 1000;

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
