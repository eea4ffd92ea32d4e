//! From a drill file to the exact scenarios and seeds to play: the same drill and library
//! give every trainee the same plan.

use std::sync::Arc;

use rand::seq::SliceRandom;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::model::{Drill, Order, Pick};
use crate::engine::Feedback;
use crate::engine::Millis;
use crate::scenario::{Library, ValidScenario};

/// One scenario of a drill, with the seed its conversation starts from.
#[derive(Debug, Clone)]
pub struct Planned {
    pub scenario: Arc<ValidScenario>,
    pub seed: u64,
}

/// A drill ready to run.
#[derive(Debug, Clone)]
pub struct DrillPlan {
    pub id: String,
    pub name: String,
    pub description: String,
    pub items: Vec<Planned>,
    /// The time limit per decision in force: the typed one when `typed`.
    pub time_limit_ms: Millis,
    pub feedback: Feedback,
    /// Replies are typed, not chosen from a list.
    pub typed: bool,
    /// The time limit per decision when played typed.
    pub typed_time_limit_ms: Millis,
}

impl DrillPlan {
    /// The same drill played with typed replies, against its typed time limit.
    pub fn into_typed(mut self) -> DrillPlan {
        self.typed = true;
        self.time_limit_ms = self.typed_time_limit_ms;
        self
    }
}

/// Picks the drill's scenarios from the library: every pick in order (a client type gives all
/// its scenarios in library order), each scenario once, shuffled by the seed if asked, cut to
/// `count`; then a seed for each conversation from the same generator.
///
/// Picks the library cannot satisfy are skipped here; loading a drill file reports them.
/// Each scenario is played in `language` where the library has it, else in English: everyone
/// on the team faces the same scenarios and seeds, each in their own language.
pub fn plan(drill: &Drill, library: &Library, language: &str) -> DrillPlan {
    let mut chosen: Vec<&ValidScenario> = Vec::new();
    for pick in &drill.scenarios {
        let found: Vec<&ValidScenario> = match pick {
            Pick::Scenario(id) => library
                .get(id, language)
                .map(|(s, _)| s)
                .into_iter()
                .collect(),
            Pick::ClientType(kind) => library
                .scenarios()
                .iter()
                .filter(|s| s.scenario().client_type == *kind && s.scenario().language == "en")
                .filter_map(|s| library.get(s.id(), language).map(|(s, _)| s))
                .collect(),
        };
        for scenario in found {
            if !chosen.iter().any(|c| c.id() == scenario.id()) {
                chosen.push(scenario);
            }
        }
    }
    let mut rng = ChaCha8Rng::seed_from_u64(drill.seed);
    if drill.order == Order::Shuffled {
        chosen.shuffle(&mut rng);
    }
    if let Some(count) = drill.count {
        chosen.truncate(count);
    }
    let items = chosen
        .into_iter()
        .map(|scenario| Planned {
            scenario: Arc::new(scenario.clone()),
            seed: rng.random(),
        })
        .collect();
    let (name, description) = drill.text_in(language);
    let plan = DrillPlan {
        id: drill.id.clone(),
        name: name.to_owned(),
        description: description.to_owned(),
        items,
        time_limit_ms: Millis::from(drill.seconds_per_decision) * 1000,
        feedback: drill.feedback,
        typed: false,
        typed_time_limit_ms: Millis::from(drill.typed_seconds()) * 1000,
    };
    if drill.typed { plan.into_typed() } else { plan }
}
