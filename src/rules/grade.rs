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

/// The spread of option values at one decision: every option there is scored against it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DecisionScale {
    pub best: i32,
    pub worst: i32,
}

impl DecisionScale {
    /// The scale of a decision with these options (0 to 0 with none).
    pub fn of(choices: &[Choice]) -> DecisionScale {
        let mut values = choices.iter().map(choice_value);
        let first = values.next().unwrap_or(0);
        let (best, worst) = values.fold((first, first), |(b, w), v| (b.max(v), w.min(v)));
        DecisionScale { best, worst }
    }

    /// An option's part of the score: (value − worst) / (best − worst), or 1 when every
    /// option is valued the same.
    pub fn score(self, value: i32) -> f64 {
        if self.best == self.worst {
            1.0
        } else {
            f64::from(value - self.worst) / f64::from(self.best - self.worst)
        }
    }
}

/// How far below a half, in points of the 0–100 score, a mean may arrive and still round up.
/// Decision scores are fractions such as 3/5 and 1/8 that f64 cannot always hold exactly, so
/// a mean of exactly 14.5 points can arrive as 14.499999999999998. Means that truly differ
/// from a half by this little do not occur: they would need denominators in the billions.
const ROUNDING_SLACK: f64 = 1e-9;

/// The 0–100 score of a conversation whose decision scores average `mean`: 100 × mean,
/// rounded to the nearest whole number, a half rounding up.
pub fn score_from_mean(mean: f64) -> u8 {
    // `mean` is in 0..=1, so the cast cannot truncate.
    (mean * 100.0 + ROUNDING_SLACK).round().clamp(0.0, 100.0) as u8
}

/// The lowest mean decision score that [`score_from_mean`] turns into `score` or more. Path
/// analysis searches on these thresholds.
pub fn lowest_mean_for(score: u8) -> f64 {
    (f64::from(score) - 0.5 - ROUNDING_SLACK) / 100.0
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
        let scale = DecisionScale::of(choices);
        let (best_value, worst_value) = (scale.best, scale.worst);
        let value = choice_value(chosen);
        let score = scale.score(value);
        let best = choices
            .iter()
            .filter(|c| choice_value(c) == best_value)
            .map(|c| c.id.clone())
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
    score_from_mean(mean)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_option_scores_its_place_between_the_worst_and_best_value() {
        let scale = DecisionScale { best: 5, worst: -3 };
        assert_eq!(scale.score(5), 1.0);
        assert_eq!(scale.score(-3), 0.0);
        assert_eq!(scale.score(0), 0.375);
        assert_eq!(DecisionScale { best: 2, worst: 2 }.score(2), 1.0);
    }

    #[test]
    fn a_mean_on_the_half_rounds_up_even_when_floating_point_misses_it() {
        // 0.6 and 0.125 are the scores of options at 3 of 5 and 1 of 8; with three decisions
        // scoring 0 the mean is 0.145 exactly, which f64 holds as 0.14499999999999999.
        let mean = (0.0 + 0.6 + 0.0 + 0.125 + 0.0) / 5.0;
        assert_eq!(score_from_mean(mean), 15);
    }

    #[test]
    fn a_mean_on_the_half_rounds_up_and_the_threshold_says_so() {
        assert_eq!(score_from_mean(0.125), 13);
        assert_eq!(score_from_mean(0.124), 12);
        for score in 1..=100u8 {
            let threshold = lowest_mean_for(score);
            assert_eq!(score_from_mean(threshold + 1e-9), score, "{score}");
            assert_eq!(score_from_mean(threshold - 1e-9), score - 1, "{score}");
        }
    }
}
