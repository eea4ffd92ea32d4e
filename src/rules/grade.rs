//! Grading: turns the decisions of a conversation and the ending it reached into a headline
//! score, the pieces it is made of, and a per-rule tally. The model is documented in
//! `docs/scenario-format.md` ("How a conversation is graded"):
//!
//! - **handling**: each decision scores how close the chosen option came to the best one
//!   available there, and decisions count in proportion to what was at stake (the spread
//!   between their best and worst option);
//! - **the ending's cap**: the ending's rating caps the headline, so a lost client never
//!   sits next to a high score;
//! - **serious mistakes**: a choice that breaks a rule at weight 3, valued below every option
//!   there that does not, caps the headline however well the rest went.
//!
//! The headline is the lowest of the three.

use serde::{Deserialize, Serialize};

use super::Rulebook;
use crate::scenario::{Choice, Node, Rating, ValidScenario, Verdict};

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

    /// How much the decision counts in the handling score: the spread between its best and
    /// worst option.
    pub fn stake(self) -> i32 {
        self.best - self.worst
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

/// The version of the grading model: stored results say which version scored them, and
/// results scored by an older one are regraded. Version 1 was the plain mean of decision
/// scores; version 2 weighs decisions by their stake and caps by ending and serious mistakes.
pub const GRADING_VERSION: u32 = 2;

/// A verdict of this weight is a serious breach.
pub const SERIOUS_WEIGHT: u8 = 3;

/// The highest headline an ending of this rating allows.
pub fn rating_cap(rating: Rating) -> u8 {
    match rating {
        Rating::Excellent => 100,
        Rating::Good => 85,
        Rating::Poor => 60,
        Rating::Fail => 35,
    }
}

/// The highest headline a conversation with this many serious mistakes allows.
pub fn serious_cap(count: usize) -> u8 {
    match count {
        0 => 100,
        1 => 60,
        _ => 40,
    }
}

/// The headline: the lowest of the handling score and the two caps.
pub fn headline(handling: u8, ending_cap: u8, serious_cap: u8) -> u8 {
    handling.min(ending_cap).min(serious_cap)
}

/// The rule a choice breaks at [`SERIOUS_WEIGHT`], if it breaks one (the first in file order).
pub fn serious_breach(choice: &Choice) -> Option<&str> {
    choice.verdicts.iter().find_map(|v| match v {
        Verdict::Breaks(rule, w) if *w >= SERIOUS_WEIGHT => Some(rule.as_str()),
        _ => None,
    })
}

/// Whether picking `chosen` among `choices` is a serious mistake: it breaks a rule at
/// [`SERIOUS_WEIGHT`] and is valued below every option there that breaks none. The second
/// half keeps the grade monotone: a better-valued option is never more serious than a worse
/// one. (A scenario where a serious breach is valued at or above a clean option draws a
/// warning from `check`.)
pub fn is_serious(chosen: &Choice, choices: &[Choice]) -> bool {
    if serious_breach(chosen).is_none() {
        return false;
    }
    let value = choice_value(chosen);
    choices
        .iter()
        .filter(|c| serious_breach(c).is_none())
        .all(|c| value < choice_value(c))
}

/// One answer of a conversation: an option chosen at a decision, or a silence there when a
/// drill's time ran out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer<'a> {
    Chose { node: &'a str, choice: &'a str },
    Silent { node: &'a str },
}

/// How one decision scored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DecisionScore {
    pub node: String,
    /// Empty for a silence.
    pub chosen: String,
    pub value: i32,
    pub best_value: i32,
    pub worst_value: i32,
    /// The options valued highest at this decision, in file order.
    pub best: Vec<String>,
    /// (value − worst) / (best − worst), or 1 when every option is valued the same; 0 for a
    /// silence.
    pub score: f64,
    /// How much this decision counts: best − worst (at least 1 for a silence).
    pub stake: i32,
    /// The rule broken at weight 3 when this choice is a serious mistake.
    pub serious: Option<String>,
    /// The time ran out here before an answer.
    pub silent: bool,
}

impl DecisionScore {
    /// What the choice cost against the best option, in stake-weighted points.
    pub fn loss(&self) -> f64 {
        f64::from(self.stake) * (1.0 - self.score)
    }
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

/// What set the headline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Limit {
    /// The handling score itself: neither cap was lower.
    Handling,
    /// The ending's rating.
    Ending,
    /// A serious mistake.
    SeriousMistake,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Grade {
    /// The headline, 0–100: the lowest of `handling`, `ending_cap` and `serious_cap`.
    pub score: u8,
    /// How the conversation was handled, 0–100: the stake-weighted mean of decision scores.
    pub handling: u8,
    /// The ending's rating; `None` while the conversation is open.
    pub rating: Option<Rating>,
    /// The cap the ending sets (100 while open).
    pub ending_cap: u8,
    /// The cap serious mistakes set (100 with none).
    pub serious_cap: u8,
    /// Which piece set the headline (the ending's cap before a serious mistake's on a tie).
    pub limited_by: Limit,
    pub decisions: Vec<DecisionScore>,
    /// Where the conversation turned: the first serious mistake; else, when the ending is
    /// rated Poor or Fail, the decision that cost most. An index into `decisions`.
    pub turning_point: Option<usize>,
    /// Every rule some chosen option followed or broke, in rulebook order (rules missing from
    /// the book last, by id).
    pub rules: Vec<RuleTally>,
    /// Decisions let pass in silence in a timed drill; each counts as a decision scored 0.
    pub hesitations: u32,
}

impl Grade {
    /// The serious mistakes made, in order.
    pub fn serious_mistakes(&self) -> impl Iterator<Item = &DecisionScore> {
        self.decisions.iter().filter(|d| d.serious.is_some())
    }
}

/// Grades a sequence of (node id, chosen choice id) that reached `ending` (a node id, or
/// `None` while the conversation is open). Pairs that do not name a decision and one of its
/// choices are skipped; the engine never produces them.
pub fn grade<'a>(
    scenario: &ValidScenario,
    decisions: impl IntoIterator<Item = (&'a str, &'a str)>,
    ending: Option<&str>,
    rules: &Rulebook,
) -> Grade {
    grade_answers(
        scenario,
        decisions
            .into_iter()
            .map(|(node, choice)| Answer::Chose { node, choice }),
        ending,
        rules,
    )
}

/// Grades a conversation's answers, silences included, that reached `ending`.
pub fn grade_answers<'a>(
    scenario: &ValidScenario,
    answers: impl IntoIterator<Item = Answer<'a>>,
    ending: Option<&str>,
    rules: &Rulebook,
) -> Grade {
    let mut scores = Vec::new();
    let mut tallies: Vec<RuleTally> = Vec::new();
    let mut hesitations = 0u32;
    for answer in answers {
        let node_id = match answer {
            Answer::Chose { node, .. } | Answer::Silent { node } => node,
        };
        let Some(Node::Decision { choices, .. }) = scenario.node(node_id) else {
            continue;
        };
        let scale = DecisionScale::of(choices);
        let best = choices
            .iter()
            .filter(|c| choice_value(c) == scale.best)
            .map(|c| c.id.clone())
            .collect();
        let chosen_id = match answer {
            Answer::Silent { .. } => {
                hesitations = hesitations.saturating_add(1);
                scores.push(DecisionScore {
                    node: node_id.to_owned(),
                    chosen: String::new(),
                    value: scale.worst,
                    best_value: scale.best,
                    worst_value: scale.worst,
                    best,
                    score: 0.0,
                    stake: scale.stake().max(1),
                    serious: None,
                    silent: true,
                });
                continue;
            }
            Answer::Chose { choice, .. } => choice,
        };
        let Some(chosen) = choices.iter().find(|c| c.id == chosen_id) else {
            continue;
        };
        let value = choice_value(chosen);
        scores.push(DecisionScore {
            node: node_id.to_owned(),
            chosen: chosen_id.to_owned(),
            value,
            best_value: scale.best,
            worst_value: scale.worst,
            best,
            score: scale.score(value),
            stake: scale.stake(),
            serious: is_serious(chosen, choices)
                .then(|| serious_breach(chosen).map(str::to_owned))
                .flatten(),
            silent: false,
        });
        for verdict in &chosen.verdicts {
            tally(&mut tallies, verdict);
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
    let rating = ending
        .and_then(|id| scenario.node(id))
        .and_then(|n| n.rating(scenario.scenario().client_type));
    let handling = handling_score(&scores);
    let ending_cap = rating.map_or(100, rating_cap);
    let serious_count = scores.iter().filter(|d| d.serious.is_some()).count();
    let serious_cap = serious_cap(serious_count);
    let score = headline(handling, ending_cap, serious_cap);
    let limited_by = if score == handling {
        Limit::Handling
    } else if score == ending_cap {
        Limit::Ending
    } else {
        Limit::SeriousMistake
    };
    let turning_point = scores.iter().position(|d| d.serious.is_some()).or_else(|| {
        rating
            .filter(|r| !r.is_good())
            .and_then(|_| costliest(&scores))
    });
    Grade {
        score,
        handling,
        rating,
        ending_cap,
        serious_cap,
        limited_by,
        decisions: scores,
        turning_point,
        rules: tallies,
        hesitations,
    }
}

fn tally(tallies: &mut Vec<RuleTally>, verdict: &Verdict) {
    let (rule, weight, follows) = match verdict {
        Verdict::Follows(r, w) => (r, u32::from(*w), true),
        Verdict::Breaks(r, w) => (r, u32::from(*w), false),
    };
    let i = match tallies.iter().position(|t| &t.rule == rule) {
        Some(i) => i,
        None => {
            tallies.push(RuleTally {
                rule: rule.clone(),
                followed: 0,
                broken: 0,
                followed_weight: 0,
                broken_weight: 0,
            });
            tallies.len() - 1
        }
    };
    let Some(t) = tallies.get_mut(i) else {
        return;
    };
    if follows {
        t.followed += 1;
        t.followed_weight += weight;
    } else {
        t.broken += 1;
        t.broken_weight += weight;
    }
}

/// The decision that cost most against its best option (the first on a tie), if any cost.
fn costliest(scores: &[DecisionScore]) -> Option<usize> {
    let mut found: Option<(usize, f64)> = None;
    for (i, d) in scores.iter().enumerate() {
        let loss = d.loss();
        if loss > 0.0 && found.is_none_or(|(_, l)| loss > l) {
            found = Some((i, loss));
        }
    }
    found.map(|(i, _)| i)
}

/// 100 × the stake-weighted mean decision score, rounded: Σ stake × score / Σ stake. With
/// no decision it is 0; when nothing was at stake anywhere (every option alike) it is 100.
pub fn handling_score(scores: &[DecisionScore]) -> u8 {
    if scores.is_empty() {
        return 0;
    }
    let total: f64 = scores.iter().map(|s| f64::from(s.stake)).sum();
    if total == 0.0 {
        return 100;
    }
    let earned: f64 = scores.iter().map(|s| f64::from(s.stake) * s.score).sum();
    score_from_mean(earned / total)
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
