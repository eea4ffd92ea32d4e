//! Scripted drills: a drill played from a list of answers without a terminal, for scripts and
//! for the tests that run many drills at once. The clock is simulated from `start`: each
//! answer takes [`ANSWER_MS`], and a `-` lets the whole time limit run out.

use crate::engine::{Conversation, EngineError, Millis, Report};
use crate::rules::Rulebook;

use super::plan::Planned;

/// The answer that lets the time run out.
pub const SILENCE: &str = "-";

/// How long each scripted answer takes on the simulated clock.
pub const ANSWER_MS: Millis = 1_000;

#[derive(Debug, thiserror::Error)]
pub enum ScriptError {
    #[error("{scenario}: the answers ran out at \"{node}\" before an ending; offered there: {}", offered.join(", "))]
    RanOut {
        scenario: String,
        node: String,
        offered: Vec<String>,
    },
    #[error("{scenario}: answer \"{answer}\": {source}")]
    Engine {
        scenario: String,
        answer: String,
        source: EngineError,
    },
}

/// Plays one scenario of a drill, taking answers from `answers` until it ends, and moves
/// `clock` on. Returns the graded report.
pub fn play_scripted(
    planned: &Planned,
    time_limit: Millis,
    answers: &mut dyn Iterator<Item = &str>,
    clock: &mut Millis,
    rules: &Rulebook,
) -> Result<Report, ScriptError> {
    let scenario = planned.scenario.id().to_owned();
    let engine = |answer: &str, source| ScriptError::Engine {
        scenario: scenario.clone(),
        answer: answer.to_owned(),
        source,
    };
    let mut conversation = Conversation::start(
        std::sync::Arc::clone(&planned.scenario),
        planned.seed,
        *clock,
    )
    .map_err(|e| engine("", e))?
    .with_time_limit(Some(time_limit));
    while !conversation.is_finished() {
        let Some(answer) = answers.next() else {
            let turn = conversation.turn();
            return Err(ScriptError::RanOut {
                scenario,
                node: turn.node.clone(),
                offered: turn.options.clone(),
            });
        };
        let answer = answer.trim();
        if answer == SILENCE {
            match conversation.deadline() {
                Some(deadline) => {
                    *clock = deadline;
                    conversation.tick(*clock);
                }
                // The clock has stopped after repeated silences: one more is recorded as is.
                None => {
                    conversation
                        .hesitate(*clock)
                        .map_err(|e| engine(answer, e))?;
                }
            }
        } else {
            *clock += ANSWER_MS;
            conversation
                .choose(answer, *clock)
                .map_err(|e| engine(answer, e))?;
        }
    }
    Ok(Report::new(&conversation, rules))
}
