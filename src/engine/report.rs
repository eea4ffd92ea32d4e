//! The graded transcript of a conversation: what was said, chosen and graded at each step,
//! and how it ended. Computed from a conversation, never kept alongside it, so the JSON of
//! scripted play and the debrief screen always agree.

use serde::{Deserialize, Serialize};

use super::{Conversation, HESITATION_EFFECT, Millis, TypedReply};
use crate::rules::{
    Answer, GRADING_VERSION, Grade, Limit, RuleTally, Rulebook, choice_value, grade_answers,
};
use crate::scenario::{
    Choice, ClientState, ClientType, Effect, Gender, Node, Outcome, Rating, Verdict,
};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub scenario: ScenarioInfo,
    pub seed: u64,
    pub started_at_ms: Millis,
    pub initial_state: ClientState,
    pub steps: Vec<StepReport>,
    /// `None` while the conversation is still open.
    pub ending: Option<EndingReport>,
    /// The headline score, 0–100: the lowest of `handling`, `ending_cap` and `serious_cap`.
    pub score: u8,
    /// How the conversation was handled, 0–100, before any cap.
    #[serde(default)]
    pub handling: u8,
    /// The cap the ending's rating sets (100 while open).
    #[serde(default = "no_cap")]
    pub ending_cap: u8,
    /// The cap serious mistakes set (100 with none).
    #[serde(default = "no_cap")]
    pub serious_cap: u8,
    /// Which piece set the headline.
    #[serde(default = "handling_limit")]
    pub limited_by: Limit,
    /// Where the conversation turned: an index into `steps` (the first serious mistake, or
    /// with a Poor or Fail ending the costliest decision).
    #[serde(default)]
    pub turning_point: Option<usize>,
    /// The grading model that produced the score ([`GRADING_VERSION`]); 1 for reports
    /// written before versions were recorded.
    #[serde(default = "first_grading")]
    pub grading: u32,
    pub rules: Vec<RuleTally>,
    /// How often the time ran out; each counts as a decision scored 0.
    #[serde(default)]
    pub hesitations: u32,
    /// The time limit per decision, in a timed drill.
    #[serde(default)]
    pub time_limit_ms: Option<Millis>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScenarioInfo {
    pub id: String,
    pub title: String,
    /// What the client really is; the debrief reveals it.
    pub client_type: ClientType,
    /// What the client appeared to be, when the scenario disguises them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appears_as: Option<ClientType>,
    pub language: String,
    pub client: String,
    /// The client's grammatical gender, for words about them in the debrief.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_gender: Option<Gender>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    /// The time ran out before an answer: `chosen` is empty, no verdicts, scored 0.
    #[serde(default)]
    pub hesitated: bool,
    /// How much this decision counts in the handling score: the spread between its best
    /// and worst option (at least 1 for a silence). 0 in reports from before grading 2.
    #[serde(default)]
    pub stake: i32,
    /// The chosen option's value, and the best and worst value offered, so a stored result
    /// can be regraded without its scenario.
    #[serde(default)]
    pub value: i32,
    #[serde(default)]
    pub best_value: i32,
    #[serde(default)]
    pub worst_value: i32,
    /// The rule broken at weight 3 when the choice was a serious mistake.
    #[serde(default)]
    pub serious: Option<String>,
    /// In typed mode: the words the trainee typed, which were read as `chosen`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typed: Option<TypedReply>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoiceRef {
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerdictReport {
    pub rule: String,
    pub rule_name: String,
    pub follows: bool,
    pub weight: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EndingReport {
    pub node: String,
    pub outcome: Outcome,
    /// The ending's rating (given in the file or the default for its outcome and the
    /// client's real type); `None` in reports from before ratings.
    #[serde(default)]
    pub rating: Option<Rating>,
    pub client_line: String,
    pub closing: String,
    pub state: ClientState,
}

impl Report {
    pub fn new(conversation: &Conversation, rules: &Rulebook) -> Report {
        let scenario = conversation.scenario();
        let model = scenario.scenario();
        let turn = conversation.turn();
        let ending_node = matches!(scenario.node(&turn.node), Some(Node::Ending { .. }))
            .then_some(turn.node.as_str());
        let graded: Grade = grade_answers(
            scenario,
            conversation.steps().iter().map(|s| {
                if s.hesitated {
                    Answer::Silent {
                        node: s.turn.node.as_str(),
                    }
                } else {
                    Answer::Chose {
                        node: s.turn.node.as_str(),
                        choice: s.chosen.as_str(),
                    }
                }
            }),
            ending_node,
            rules,
        );
        let hesitations = graded.hesitations;
        let mut decisions = graded.decisions.iter();
        let steps = conversation
            .steps()
            .iter()
            .filter_map(|step| {
                let Some(Node::Decision { choices, .. }) = scenario.node(&step.turn.node) else {
                    return None;
                };
                let find = |id: &str| choices.iter().find(|c| c.id == id);
                let offered = step
                    .turn
                    .options
                    .iter()
                    .filter_map(|id| find(id))
                    .map(choice_ref)
                    .collect();
                let decision = decisions.next()?;
                if step.hesitated {
                    // The first of the best, as grading names it when several tie.
                    let best = choices.iter().rev().max_by_key(|c| choice_value(c))?;
                    return Some(StepReport {
                        node: step.turn.node.clone(),
                        client_line: step.turn.line.clone(),
                        offered,
                        chosen: ChoiceRef {
                            id: String::new(),
                            text: String::new(),
                        },
                        verdicts: Vec::new(),
                        effect: HESITATION_EFFECT,
                        state_after: step.state_after,
                        consequence: String::new(),
                        coaching: String::new(),
                        elapsed_ms: step.elapsed(),
                        decision_score: 0.0,
                        was_best: false,
                        best: choice_ref(best),
                        best_coaching: best.coaching.clone(),
                        hesitated: true,
                        stake: decision.stake,
                        value: decision.value,
                        best_value: decision.best_value,
                        worst_value: decision.worst_value,
                        serious: None,
                        typed: None,
                    });
                }
                let chosen = find(&step.chosen)?;
                let best = decision
                    .best
                    .first()
                    .and_then(|id| find(id))
                    .unwrap_or(chosen);
                Some(StepReport {
                    node: step.turn.node.clone(),
                    client_line: step.turn.line.clone(),
                    offered,
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
                    hesitated: false,
                    stake: decision.stake,
                    value: decision.value,
                    best_value: decision.best_value,
                    worst_value: decision.worst_value,
                    serious: decision.serious.clone(),
                    typed: step.typed.clone(),
                })
            })
            .collect();
        let ending = match scenario.node(&turn.node) {
            Some(Node::Ending {
                outcome, closing, ..
            }) => Some(EndingReport {
                node: turn.node.clone(),
                outcome: *outcome,
                rating: graded.rating,
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
                appears_as: model.appears_as.filter(|&a| a != model.client_type),
                language: model.language.clone(),
                client: model.client.name.clone(),
                client_gender: model.client.gender,
            },
            seed: conversation.seed(),
            started_at_ms: conversation.started_at(),
            initial_state: model.initial,
            steps,
            ending,
            score: graded.score,
            handling: graded.handling,
            ending_cap: graded.ending_cap,
            serious_cap: graded.serious_cap,
            limited_by: graded.limited_by,
            turning_point: graded.turning_point,
            grading: GRADING_VERSION,
            rules: graded.rules,
            hesitations,
            time_limit_ms: conversation.time_limit(),
        }
    }
}

fn no_cap() -> u8 {
    100
}

fn handling_limit() -> Limit {
    Limit::Handling
}

fn first_grading() -> u32 {
    1
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
