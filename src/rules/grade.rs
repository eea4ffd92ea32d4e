//! Grading: turns the decisions of a conversation into a score and a per-rule tally. The
//! formula is documented in `docs/scenario-format.md` ("How a conversation is graded"):
//! each decision scores how close the chosen option came to the best one available there.

use serde::{Deserialize, Serialize};

use super::Rulebook;
use crate::scenario::{Choice, Node, ValidScenario, Verdict};

/// A choice's value: its Follows weights minus its Breaks weights.
pub fn choice_value(choice: &Choice) -> i32 {
    choice
        .verdicts
        .iter()
        .map(|v| match v {
            Verdict::Follows(_, w) => i32::from(*w),
            Verdict::Breaks(_, w) => -i32::from(*w),
        })
        .sum()
}

/// How one decision scored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DecisionScore {
    pub node: String,
    pub chosen: String,
    pub value: i32,
    pub best_value: i32,
    pub worst_value: i32,
    /// The options valued highest at this decision, in file order.
    pub best: Vec<String>,
    /// (value − worst) / (best − worst), or 1 when every option is valued the same.
    pub score: f64,
}

/// How often the chosen options followed and broke one rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleTally {
    pub rule: String,
    pub followed: u32,
    pub broken: u32,
    pub followed_weight: u32,
    pub broken_weight: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Grade {
    /// 0–100.
    pub score: u8,
    pub decisions: Vec<DecisionScore>,
    /// Every rule some chosen option followed or broke, in rulebook order (rules missing from
    /// the book last, by id).
    pub rules: Vec<RuleTally>,
    /// Decisions let pass in silence in a timed drill; each counts as a decision scored 0.
    pub hesitations: u32,
}

/// Grades a sequence of (node id, chosen choice id). Pairs that do not name a decision and one
/// of its choices are skipped; the engine never produces them.
pub fn grade<'a>(
    scenario: &ValidScenario,
    decisions: impl IntoIterator<Item = (&'a str, &'a str)>,
    rules: &Rulebook,
) -> Grade {
    grade_timed(scenario, decisions, 0, rules)
}

/// Grades a timed conversation: as [`grade`], with each of `hesitations` (a time limit that
/// ran out) counted as one more decision scored 0. A silence follows and breaks no rule, so
/// it leaves the per-rule tally alone.
pub fn grade_timed<'a>(
    scenario: &ValidScenario,
    decisions: impl IntoIterator<Item = (&'a str, &'a str)>,
    hesitations: u32,
    rules: &Rulebook,
) -> Grade {
    let mut scores = Vec::new();
    let mut tallies: Vec<RuleTally> = Vec::new();
    for (node_id, chosen_id) in decisions {
        let Some(Node::Decision { choices, .. }) = scenario.node(node_id) else {
            continue;
        };
        let Some(chosen) = choices.iter().find(|c| c.id == chosen_id) else {
            continue;
        };
        let values: Vec<i32> = choices.iter().map(choice_value).collect();
        let best_value = values.iter().copied().max().unwrap_or(0);
        let worst_value = values.iter().copied().min().unwrap_or(0);
        let value = choice_value(chosen);
        let score = if best_value == worst_value {
            1.0
        } else {
            f64::from(value - worst_value) / f64::from(best_value - worst_value)
        };
        let best = choices
            .iter()
            .zip(&values)
            .filter(|(_, v)| **v == best_value)
            .map(|(c, _)| c.id.clone())
            .collect();
        scores.push(DecisionScore {
            node: node_id.to_owned(),
            chosen: chosen_id.to_owned(),
            value,
            best_value,
            worst_value,
            best,
            score,
        });
        for verdict in &chosen.verdicts {
            let (rule, weight, follows) = match verdict {
                Verdict::Follows(r, w) => (r, u32::from(*w), true),
                Verdict::Breaks(r, w) => (r, u32::from(*w), false),
            };
            let tally = match tallies.iter().position(|t| &t.rule == rule) {
                Some(i) => &mut tallies[i],
                None => {
                    tallies.push(RuleTally {
                        rule: rule.clone(),
                        followed: 0,
                        broken: 0,
                        followed_weight: 0,
                        broken_weight: 0,
                    });
                    let last = tallies.len() - 1;
                    &mut tallies[last]
                }
            };
            if follows {
                tally.followed += 1;
                tally.followed_weight += weight;
            } else {
                tally.broken += 1;
                tally.broken_weight += weight;
            }
        }
    }
    let order = |id: &str| {
        rules
            .rules
            .iter()
            .position(|r| r.id == id)
            .unwrap_or(usize::MAX)
    };
    tallies.sort_by(|a, b| {
        order(&a.rule)
            .cmp(&order(&b.rule))
            .then(a.rule.cmp(&b.rule))
    });
    Grade {
        score: overall(&scores, hesitations),
        decisions: scores,
        rules: tallies,
        hesitations,
    }
}

/// 100 × the mean decision score, rounded, each hesitation a decision scored 0; 0 with no
/// decisions.
fn overall(scores: &[DecisionScore], hesitations: u32) -> u8 {
    let count = scores.len() as f64 + f64::from(hesitations);
    if count == 0.0 {
        return 0;
    }
    let mean = scores.iter().map(|s| s.score).sum::<f64>() / count;
    // `mean` is in 0..=1, so the cast cannot truncate.
    (mean * 100.0).round().clamp(0.0, 100.0) as u8
}
