//! The mistakes drill (`composure drill --mistakes`): the scenarios where a trainee's latest
//! attempt missed the best answer at least once, or let the time run out, played again from
//! the start. The most recently played come first, at most [`MAX_SCENARIOS`] of them.

use std::sync::Arc;

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::plan::{DrillPlan, Planned};
use crate::engine::Millis;
use crate::scenario::Library;
use crate::store::Mistake;

/// The id results of a mistakes drill are filed under.
pub const MISTAKES_DRILL_ID: &str = "mistakes";

/// At most this many scenarios in one mistakes drill.
pub const MAX_SCENARIOS: usize = 5;

/// The time limit when the missed scenarios were played without one.
pub const DEFAULT_LIMIT_MS: Millis = 30_000;

/// Builds the drill, or `None` when there is nothing to re-drill. The options come in a new
/// order from `seed` (the caller passes the clock), so the trainee has to read them again
/// rather than remember where the right one was. The time limit is the tightest the trainee
/// had in those attempts; coaching follows every choice, since the point is to learn.
pub fn mistakes_plan(
    mistakes: &[Mistake],
    library: &Library,
    seed: u64,
    language: &str,
) -> Option<DrillPlan> {
    let mut scenarios: Vec<(&str, usize)> = Vec::new();
    for m in mistakes {
        match scenarios.iter_mut().find(|(id, _)| *id == m.scenario) {
            Some((_, count)) => *count += 1,
            None => scenarios.push((&m.scenario, 1)),
        }
    }
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut described = Vec::new();
    let items: Vec<Planned> = scenarios
        .iter()
        .filter_map(|(id, count)| {
            let (scenario, _) = library.get(id, language)?;
            described.push(format!("{} ({count} to redo)", scenario.scenario().title));
            Some(Planned {
                scenario: Arc::new(scenario.clone()),
                seed: 0,
            })
        })
        .take(MAX_SCENARIOS)
        .collect();
    if items.is_empty() {
        return None;
    }
    let items = items
        .into_iter()
        .map(|p| Planned {
            seed: rng.random(),
            ..p
        })
        .collect();
    let time_limit_ms = mistakes
        .iter()
        .filter_map(|m| m.time_limit_ms)
        .min()
        .unwrap_or(DEFAULT_LIMIT_MS);
    described.truncate(MAX_SCENARIOS);
    Some(DrillPlan {
        id: MISTAKES_DRILL_ID.to_owned(),
        name: "Your mistakes, again".to_owned(),
        description: format!(
            "The scenarios where your last attempt missed the best answer: {}.",
            described.join(", ")
        ),
        items,
        time_limit_ms,
        feedback: crate::engine::Feedback::Now,
        typed: false,
        typed_time_limit_ms: time_limit_ms
            .saturating_mul(Millis::from(super::model::TYPED_FACTOR))
            .min(Millis::from(super::model::SECONDS_MAX) * 1000),
    })
}
