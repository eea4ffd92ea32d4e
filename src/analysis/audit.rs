//! `composure audit`: whether a scenario's grade can be trusted, in figures. Can the best
//! answer be found without judgement (by its length)? What does a trainee who never reads
//! score, and one who picks at random? Do decisions offer more than one defensible answer?
//! Does a high score ever sit next to a bad ending, and does a better ending go with a better
//! score? `docs/authoring.md` explains each figure and what to do about it.
//!
//! The "always longest" trainee is played through the engine itself, so its figures are what
//! `composure play ID --answers …` prints for the same answers. The random trainee is a fixed
//! number of walks from a fixed seed, so the figures are the same on every run.

use std::sync::Arc;

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

use super::paths::{list_paths, sample_paths, summarise};
use crate::engine::{Conversation, Report};
use crate::rules::Rulebook;
use crate::rules::measures::{best_is_longest, has_second_defensible, longest};
use crate::scenario::{Node, Rating, ValidScenario};

/// Random walks per scenario for the random trainee's expected score.
pub const RANDOM_WALKS: u32 = 2_000;
/// The seed of the random walks.
pub const RANDOM_SEED: u64 = 0x00C0_4905;
/// A walk that makes more decisions than this is going round a loop and is dropped.
pub const MAX_WALK: usize = 200;
/// A scenario with at most this many loop-free paths has its path figures counted over every
/// path. Past it they come from [`PATH_SAMPLE`] paths drawn at random, each path as likely as
/// any other, from [`RANDOM_SEED`], and say so. Whether any path at all pairs a high score
/// with a bad ending is exact however many paths there are (from the paths summary).
pub const PATH_LIMIT: usize = 20_000;
/// How many paths the figures of a scenario with more than [`PATH_LIMIT`] paths are drawn
/// from.
pub const PATH_SAMPLE: usize = 2_000;
/// A headline this high next to a Poor or Fail ending is a contradiction.
pub const HIGH_SCORE: u8 = 70;

/// One trainee's walk through a scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Walk {
    /// The choice ids, as `play --answers` takes them.
    pub answers: Vec<String>,
    pub score: u8,
    pub handling: u8,
    /// The ending reached; `None` when the walk went round a loop without ending.
    pub ending: Option<String>,
    pub rating: Option<Rating>,
    /// Whether the ending is rated as well as the scenario's best ending.
    pub best_ending: bool,
}

/// The figures of one scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioAudit {
    pub id: String,
    pub title: String,
    pub language: String,
    /// Decisions with two or more options.
    pub decisions: usize,
    /// Decisions whose best-valued option is the longest.
    pub best_is_longest: usize,
    /// Decisions offering a second defensible option.
    pub second_defensible: usize,
    /// The trainee who always picks the longest option.
    pub always_longest: Walk,
    /// The random trainee's expected headline, and how often they reach the best ending.
    pub random_expected_score: f64,
    pub random_best_ending: f64,
    /// Paths looked at, and whether that is all of them.
    pub paths: usize,
    pub paths_complete: bool,
    /// Whether the paths looked at were drawn at random ([`PATH_SAMPLE`] of them), as for a
    /// scenario with more than [`PATH_LIMIT`] paths.
    pub paths_sampled: bool,
    /// Paths looked at whose headline is at least [`HIGH_SCORE`] with a Poor or Fail ending.
    pub high_score_bad_ending: usize,
    /// The highest headline of any path, listed or not, that ends Poor or Fail (exact).
    pub best_bad_ending_score: Option<u8>,
    /// The probability that, of two paths with differently rated endings, the better-rated
    /// one scores higher (a tie counts half); `None` when every path ends alike.
    pub better_ending_scores_higher: Option<f64>,
}

/// The figures of a set of scenarios, and the whole set's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Audit {
    pub scenarios: Vec<ScenarioAudit>,
    pub decisions: usize,
    pub best_is_longest: usize,
    pub second_defensible: usize,
    /// The always-longest trainee's mean headline over the scenarios.
    pub always_longest_mean: f64,
    /// In how many scenarios the always-longest trainee reaches the best ending.
    pub always_longest_best_endings: usize,
    pub random_expected_score: f64,
    pub high_score_bad_ending: usize,
    pub better_ending_scores_higher: Option<f64>,
}

/// Audits every scenario given, in order.
pub fn audit(scenarios: &[ValidScenario], rules: &Rulebook) -> Audit {
    let each: Vec<(ScenarioAudit, [u64; 2])> =
        scenarios.iter().map(|s| audit_one(s, rules)).collect();
    let n = each.len().max(1) as f64;
    let sum = |f: &dyn Fn(&ScenarioAudit) -> usize| each.iter().map(|(a, _)| f(a)).sum();
    let (wins, pairs) = each
        .iter()
        .fold((0u64, 0u64), |(w, p), (_, [a, b])| (w + a, p + b));
    Audit {
        decisions: sum(&|a| a.decisions),
        best_is_longest: sum(&|a| a.best_is_longest),
        second_defensible: sum(&|a| a.second_defensible),
        always_longest_mean: each
            .iter()
            .map(|(a, _)| f64::from(a.always_longest.score))
            .sum::<f64>()
            / n,
        always_longest_best_endings: sum(&|a| usize::from(a.always_longest.best_ending)),
        random_expected_score: each
            .iter()
            .map(|(a, _)| a.random_expected_score)
            .sum::<f64>()
            / n,
        high_score_bad_ending: sum(&|a| a.high_score_bad_ending),
        better_ending_scores_higher: (pairs > 0).then(|| wins as f64 / 2.0 / pairs as f64),
        scenarios: each.into_iter().map(|(a, _)| a).collect(),
    }
}

/// One scenario's figures, and its concordance as (twice the wins, pairs) for the total.
fn audit_one(scenario: &ValidScenario, rules: &Rulebook) -> (ScenarioAudit, [u64; 2]) {
    let model = scenario.scenario();
    let kind = model.client_type;
    let best_rating = model.nodes.iter().filter_map(|n| n.rating(kind)).min();
    let mut decisions = 0;
    let mut longest_best = 0;
    let mut defensible = 0;
    for node in &model.nodes {
        if let Node::Decision { choices, .. } = node
            && choices.len() >= 2
        {
            decisions += 1;
            longest_best += usize::from(best_is_longest(choices));
            defensible += usize::from(has_second_defensible(choices));
        }
    }
    let shared = Arc::new(scenario.clone());
    let always_longest = walk(&shared, rules, best_rating, |choices, _| {
        longest(choices).map(|c| c.id.clone())
    });
    let mut rng = ChaCha8Rng::seed_from_u64(RANDOM_SEED);
    let (mut total, mut best, mut finished) = (0.0, 0u32, 0u32);
    for _ in 0..RANDOM_WALKS {
        let w = walk(&shared, rules, best_rating, |choices, _| {
            let i = rng.random_range(0..choices.len().max(1));
            choices.get(i).map(|c| c.id.clone())
        });
        if w.ending.is_some() {
            finished += 1;
            total += f64::from(w.score);
            best += u32::from(w.best_ending);
        }
    }
    let finished_f = f64::from(finished.max(1));

    let summary = summarise(scenario, rules);
    let rating = |ending: &str| scenario.node(ending)?.rating(kind);
    // Every path when there are few enough; else a fair draw of them.
    let few = !summary.paths.more_than && summary.paths.count <= PATH_LIMIT as u128;
    let listing = few
        .then(|| list_paths(scenario, rules, PATH_LIMIT))
        .filter(|listing| listing.cut.is_none());
    let (rated, paths_complete): (Vec<(u8, Rating)>, bool) = match &listing {
        Some(listing) => (
            listing
                .paths
                .iter()
                .filter_map(|p| Some((p.score, rating(&p.ending)?)))
                .collect(),
            true,
        ),
        None => (
            sample_paths(scenario, rules, PATH_SAMPLE, RANDOM_SEED)
                .iter()
                .filter_map(|p| Some((p.score, rating(&p.ending)?)))
                .collect(),
            false,
        ),
    };
    let high_bad = rated
        .iter()
        .filter(|(s, r)| *s >= HIGH_SCORE && !r.is_good())
        .count();
    let concordance = concordance(&rated);
    let best_bad = summary
        .endings
        .iter()
        .filter(|e| !e.rating.is_good() && e.paths.count > 0)
        .map(|e| e.max_score)
        .max();
    let audit = ScenarioAudit {
        id: model.id.clone(),
        title: model.title.clone(),
        language: model.language.clone(),
        decisions,
        best_is_longest: longest_best,
        second_defensible: defensible,
        always_longest,
        random_expected_score: total / finished_f,
        random_best_ending: f64::from(best) / finished_f,
        paths: rated.len(),
        paths_complete,
        paths_sampled: !paths_complete,
        high_score_bad_ending: high_bad,
        best_bad_ending_score: best_bad,
        better_ending_scores_higher: (concordance[1] > 0)
            .then(|| concordance[0] as f64 / 2.0 / concordance[1] as f64),
    };
    (audit, concordance)
}

/// Over every pair of paths with differently rated endings: twice the number where the
/// better-rated one scores higher (a tie adds one), and the number of pairs. Counted from a
/// histogram of scores per rating, so it is linear in the number of paths.
fn concordance(paths: &[(u8, Rating)]) -> [u64; 2] {
    let mut histogram = [[0u64; 101]; 4];
    for &(score, rating) in paths {
        let r = Rating::ALL.iter().position(|&x| x == rating).unwrap_or(0);
        histogram[r][usize::from(score.min(100))] += 1;
    }
    let (mut wins, mut pairs) = (0u64, 0u64);
    for better in 0..4 {
        for worse in better + 1..4 {
            // Paths of the worse rating scoring below each score, as a running sum.
            let mut below = 0u64;
            for (b, w) in histogram[better].iter().zip(&histogram[worse]) {
                wins += b * (2 * below + w);
                below += w;
            }
            let count = |r: usize| histogram[r].iter().sum::<u64>();
            pairs += count(better) * count(worse);
        }
    }
    [wins, pairs]
}

/// Plays a scenario through the engine, picking with `pick` at each decision.
fn walk(
    scenario: &Arc<ValidScenario>,
    rules: &Rulebook,
    best_rating: Option<Rating>,
    mut pick: impl FnMut(&[crate::scenario::Choice], &str) -> Option<String>,
) -> Walk {
    let mut answers = Vec::new();
    let unfinished = |answers: Vec<String>| Walk {
        answers,
        score: 0,
        handling: 0,
        ending: None,
        rating: None,
        best_ending: false,
    };
    let Ok(mut conversation) = Conversation::start(Arc::clone(scenario), 0, 0) else {
        return unfinished(answers);
    };
    for step in 0..MAX_WALK {
        let node = conversation.turn().node.clone();
        let Some(Node::Decision { choices, .. }) = scenario.node(&node) else {
            break;
        };
        let Some(id) = pick(choices, &node) else {
            break;
        };
        if conversation.choose(&id, step as u64).is_err() {
            break;
        }
        answers.push(id);
    }
    let report = Report::new(&conversation, rules);
    match report.ending {
        Some(ending) => Walk {
            answers,
            score: report.score,
            handling: report.handling,
            best_ending: ending.rating.is_some() && ending.rating == best_rating,
            rating: ending.rating,
            ending: Some(ending.node),
        },
        None => unfinished(answers),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn concordance_counts_better_rated_paths_that_score_higher_and_ties_as_half() {
        // Excellent 80 and 60 against Poor 70: one win, one loss of two pairs.
        let paths = [
            (80, Rating::Excellent),
            (60, Rating::Excellent),
            (70, Rating::Poor),
        ];
        assert_eq!(concordance(&paths), [2, 2]);
        // A tie counts half.
        assert_eq!(
            concordance(&[(50, Rating::Good), (50, Rating::Fail)]),
            [1, 1]
        );
        assert_eq!(
            concordance(&[(50, Rating::Good), (40, Rating::Good)]),
            [0, 0]
        );
    }
}
