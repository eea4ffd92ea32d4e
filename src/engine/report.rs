//! The graded transcript of a conversation: what was said, chosen and graded at each step,
//! and how it ended. Computed from a conversation, never kept alongside it, so the JSON of
//! scripted play and the debrief screen always agree.

use serde::Serialize;

use super::{Conversation, Millis};
use crate::rules::{Grade, RuleTally, Rulebook, grade};
use crate::scenario::{Choice, ClientState, ClientType, Effect, Node, Outcome, Verdict};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub scenario: ScenarioInfo,
    pub seed: u64,
    pub started_at_ms: Millis,
    pub initial_state: ClientState,
    pub steps: Vec<StepReport>,
    /// `None` while the conversation is still open.
    pub ending: Option<EndingReport>,
    pub score: u8,
    pub rules: Vec<RuleTally>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioInfo {
    pub id: String,
    pub title: String,
    pub client_type: ClientType,
    pub language: String,
    pub client: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepReport {
    pub node: String,
    pub client_line: String,
    /// The options in the order they were shown.
    pub offered: Vec<ChoiceRef>,
    pub chosen: ChoiceRef,
    pub verdicts: Vec<VerdictReport>,
    pub effect: Effect,
    pub state_after: ClientState,
    pub consequence: String,
    pub coaching: String,
    pub elapsed_ms: Millis,
    /// This decision's part of the score, 0–1.
    pub decision_score: f64,
    /// True when the chosen option was one of the best available.
    pub was_best: bool,
    /// The best option here (the first, when several tie) and why.
    pub best: ChoiceRef,
    pub best_coaching: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChoiceRef {
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerdictReport {
    pub rule: String,
    pub rule_name: String,
    pub follows: bool,
    pub weight: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EndingReport {
    pub node: String,
    pub outcome: Outcome,
    pub client_line: String,
    pub closing: String,
    pub state: ClientState,
}

impl Report {
    pub fn new(conversation: &Conversation, rules: &Rulebook) -> Report {
        let scenario = conversation.scenario();
        let model = scenario.scenario();
        let graded: Grade = grade(
            scenario,
            conversation
                .steps()
                .iter()
                .map(|s| (s.turn.node.as_str(), s.chosen.as_str())),
            rules,
        );
        let steps = conversation
            .steps()
            .iter()
            .zip(&graded.decisions)
            .filter_map(|(step, decision)| {
                let Some(Node::Decision { choices, .. }) = scenario.node(&step.turn.node) else {
                    return None;
                };
                let find = |id: &str| choices.iter().find(|c| c.id == id);
                let chosen = find(&step.chosen)?;
                let best = decision
                    .best
                    .first()
                    .and_then(|id| find(id))
                    .unwrap_or(chosen);
                Some(StepReport {
                    node: step.turn.node.clone(),
                    client_line: step.turn.line.clone(),
                    offered: step
                        .turn
                        .options
                        .iter()
                        .filter_map(|id| find(id))
                        .map(choice_ref)
                        .collect(),
                    chosen: choice_ref(chosen),
                    verdicts: chosen
                        .verdicts
                        .iter()
                        .map(|v| verdict_report(v, rules))
                        .collect(),
                    effect: chosen.effect,
                    state_after: step.state_after,
                    consequence: chosen.consequence.clone(),
                    coaching: chosen.coaching.clone(),
                    elapsed_ms: step.elapsed(),
                    decision_score: decision.score,
                    was_best: decision.value == decision.best_value,
                    best: choice_ref(best),
                    best_coaching: best.coaching.clone(),
                })
            })
            .collect();
        let turn = conversation.turn();
        let ending = match scenario.node(&turn.node) {
            Some(Node::Ending {
                outcome, closing, ..
            }) => Some(EndingReport {
                node: turn.node.clone(),
                outcome: *outcome,
                client_line: turn.line.clone(),
                closing: closing.clone(),
                state: conversation.state(),
            }),
            _ => None,
        };
        Report {
            scenario: ScenarioInfo {
                id: model.id.clone(),
                title: model.title.clone(),
                client_type: model.client_type,
                language: model.language.clone(),
                client: model.client.name.clone(),
            },
            seed: conversation.seed(),
            started_at_ms: conversation.started_at(),
            initial_state: model.initial,
            steps,
            ending,
            score: graded.score,
            rules: graded.rules,
        }
    }
}

fn choice_ref(choice: &Choice) -> ChoiceRef {
    ChoiceRef {
        id: choice.id.clone(),
        text: choice.text.clone(),
    }
}

fn verdict_report(verdict: &Verdict, rules: &Rulebook) -> VerdictReport {
    let (rule, weight, follows) = match verdict {
        Verdict::Follows(r, w) => (r, *w, true),
        Verdict::Breaks(r, w) => (r, *w, false),
    };
    VerdictReport {
        rule: rule.clone(),
        rule_name: rules.name(rule).to_owned(),
        follows,
        weight,
    }
}
