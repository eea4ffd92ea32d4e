//! Lints on the grading as a whole: whether the best answer can be found without judgement,
//! whether the grade and the story agree, and whether the coaching explains what was graded.
//! Each has a stable code (see `docs/scenario-format.md`, "What `composure check`
//! reports"). The walks follow the client's state, like the other lints, and stay linear in
//! the size of the scenario (49 states per node).

use std::collections::HashSet;

use super::super::model::{ClientState, Node, Rating};
use super::super::validate::Finding;
use super::{Graph, STATES, state_from_index, state_index};
use crate::rules::measures::{best_is_longest, has_second_defensible, unranked_breaches};
use crate::rules::{DecisionScale, choice_value, is_serious, lowest_mean_for};
use crate::scenario::locate::LazyLocator;

/// A lint found: its stable code and where and what.
pub type Coded = (&'static str, Finding);

/// Share-based lints look only at scenarios with at least this many decisions.
pub const MIN_DECISIONS_FOR_SHARES: usize = 4;
/// Above this share of decisions whose best option is the longest, "pick the longest" works.
pub const LONGEST_SHARE: f64 = 0.4;
/// Below this share of decisions offering a second defensible option, every decision has one
/// right answer.
pub const DEFENSIBLE_SHARE: f64 = 0.25;
/// A good ending reached with handling at or below this score is unearned.
pub const BAD_HANDLING: u8 = 40;

pub fn lint(graph: &Graph, loc: &LazyLocator) -> Vec<Coded> {
    let mut found = Vec::new();
    shares(graph, loc, &mut found);
    coaching(graph, loc, &mut found);
    serious_ranking(graph, loc, &mut found);
    if let Some(f) = no_excellent_ending(graph, loc) {
        found.push(f);
    }
    let ratings = Ratings::of(graph);
    found.extend(worse_choice_better_ending(graph, &ratings, loc));
    found.extend(good_ending_bad_handling(graph, loc));
    found.extend(bad_ending_one_slip(graph, loc));
    found
}

fn decisions<'a>(
    graph: &'a Graph,
) -> impl Iterator<Item = (usize, &'a str, &'a [String], &'a [crate::scenario::Choice])> {
    graph
        .scenario
        .scenario()
        .nodes
        .iter()
        .enumerate()
        .filter_map(|(i, n)| match n {
            Node::Decision {
                id, says, choices, ..
            } => Some((i, id.as_str(), says.as_slice(), choices.as_slice())),
            _ => None,
        })
}

fn shares(graph: &Graph, loc: &LazyLocator, found: &mut Vec<Coded>) {
    let mut count = 0usize;
    let mut longest = 0usize;
    let mut defensible = 0usize;
    for (_, _, _, choices) in decisions(graph).filter(|d| d.3.len() >= 2) {
        count += 1;
        longest += usize::from(best_is_longest(choices));
        defensible += usize::from(has_second_defensible(choices));
    }
    if count < MIN_DECISIONS_FOR_SHARES {
        return;
    }
    let share = |n: usize| n as f64 / count as f64;
    if share(longest) > LONGEST_SHARE {
        found.push((
            "best-is-longest",
            Finding {
                position: loc.top("nodes"),
                message: format!(
                    "the best-graded option is the longest at {longest} of {count} decisions ({:.0}%, more than {:.0}%): a trainee who always picks the longest answer wins without reading. Make the plain, short answer the best one more often, and let some long answers be wrong (over-explaining, a wall of arguments, grovelling, promising everything)",
                    100.0 * share(longest),
                    100.0 * LONGEST_SHARE
                ),
            },
        ));
    }
    if share(defensible) < DEFENSIBLE_SHARE {
        found.push((
            "one-right-answer",
            Finding {
                position: loc.top("nodes"),
                message: format!(
                    "only {defensible} of {count} decisions offer a second defensible option (fewer than {:.0}%): most decisions have one right answer and the rest are wrong. Give more decisions two options a trained person could defend (a positive value, no weight-3 breach, at least halfway from the worst to the best), for example a trade-off of warmth against policy or speed against care",
                    100.0 * DEFENSIBLE_SHARE
                ),
            },
        ));
    }
}

/// Common words that say nothing about which variant a trainee heard.
const COMMON: &[&str] = &[
    "about",
    "again",
    "always",
    "another",
    "anyth",
    "because",
    "becau",
    "before",
    "being",
    "could",
    "every",
    "never",
    "nothi",
    "other",
    "right",
    "since",
    "somet",
    "still",
    "their",
    "there",
    "these",
    "thing",
    "think",
    "those",
    "where",
    "which",
    "would",
    "after",
    "really",
    "reall",
    "maybe",
    "people",
    "peopl",
    "something",
    "anoth",
    "littl",
    "alway",
    "befo",
];

/// How many nodes a word may turn up in and still count as distinctive: more, and it is
/// common to the whole conversation, so a trainee knows it whatever they heard.
const DISTINCTIVE_NODES: usize = 3;

fn coaching(graph: &Graph, loc: &LazyLocator, found: &mut Vec<Coded>) {
    let model = graph.scenario.scenario();
    let known: String = [model.title.as_str(), model.briefing.situation.as_str()]
        .into_iter()
        .chain(model.briefing.known.iter().map(String::as_str))
        .chain([model.briefing.goal.as_str()])
        .collect::<Vec<_>>()
        .join(" ");
    let known = words(&known);
    // In how many nodes each word turns up, in anything said, chosen or explained there.
    let mut spread: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for node in &model.nodes {
        let mut here = HashSet::new();
        for line in node.says() {
            here.extend(words(line));
        }
        if let Node::Decision { choices, .. } = node {
            for c in choices {
                here.extend(words(&c.text));
                here.extend(words(&c.consequence));
                here.extend(words(&c.coaching));
            }
        }
        for w in here {
            *spread.entry(w).or_default() += 1;
        }
    }
    for (i, id, says, choices) in decisions(graph) {
        // Words that some variants of the line have and others lack, found nowhere the
        // trainee is sure to have read them.
        let variant_words: Vec<HashSet<String>> = says.iter().map(|s| words(s)).collect();
        let offered: HashSet<String> = choices.iter().flat_map(|c| words(&c.text)).collect();
        let partial: HashSet<&String> = if variant_words.len() > 1 {
            variant_words
                .iter()
                .flatten()
                .filter(|w| !variant_words.iter().all(|v| v.contains(*w)))
                .filter(|w| !known.contains(*w) && !offered.contains(*w))
                .filter(|w| spread.get(*w).is_some_and(|&n| n <= DISTINCTIVE_NODES))
                .collect()
        } else {
            HashSet::new()
        };
        for (j, choice) in choices.iter().enumerate() {
            let graded: Vec<&str> = choice
                .verdicts
                .iter()
                .map(|v| match v {
                    crate::scenario::Verdict::Follows(r, _)
                    | crate::scenario::Verdict::Breaks(r, _) => r.as_str(),
                })
                .collect();
            let missing: Vec<&str> = graded
                .iter()
                .copied()
                .filter(|rule| !choice.coaching.contains(rule))
                .collect();
            if !missing.is_empty() {
                found.push((
                    "coaching-misses-rule",
                    Finding {
                        position: loc.choice(i, j, "coaching"),
                        message: format!(
                            "the coaching of choice \"{}\" does not name {}, which its verdicts grade: say what the trainee did for or against each rule, naming it as ({})",
                            choice.id,
                            missing
                                .iter()
                                .map(|r| format!("\"{r}\""))
                                .collect::<Vec<_>>()
                                .join(", "),
                            missing.first().copied().unwrap_or_default()
                        ),
                    },
                ));
            }
            // A rule id inside a remark, "(set-expectations only in part)", is not a citation:
            // the trainee would read the id as written instead of the rule's name.
            let in_prose: Vec<&str> =
                crate::rules::coaching::parenthesised_groups(&choice.coaching)
                    .filter(|group| !crate::rules::coaching::is_citation_list(group))
                    .flat_map(|group| {
                        group
                            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                            .filter(|word| graded.contains(word))
                    })
                    .collect();
            if let Some(rule) = in_prose.first() {
                found.push((
                    "coaching-id-in-prose",
                    Finding {
                        position: loc.choice(i, j, "coaching"),
                        message: format!(
                            "the coaching of choice \"{}\" mentions \"{rule}\" inside a remark in parentheses, which the trainee reads as written; cite rules alone, as ({rule}), and keep the remark outside",
                            choice.id
                        ),
                    },
                ));
            }
            if partial.is_empty() {
                continue;
            }
            for (field, text) in [
                ("coaching", &choice.coaching),
                ("consequence", &choice.consequence),
            ] {
                // In the coaching, quoted words that only some variants have; outside
                // quotation marks (where a consequence's quotes are the client's new words),
                // only words that turn up nowhere else in the conversation.
                let (inside, outside) = quotations(text);
                let inside = if field == "coaching" {
                    words(&inside)
                } else {
                    HashSet::new()
                };
                let mut quoted: Vec<&String> = words(text)
                    .iter()
                    .filter_map(|w| partial.get(w).copied())
                    .filter(|w| {
                        inside.contains(*w)
                            || (!COMMON.contains(&w.as_str())
                                && words(&outside).contains(*w)
                                && spread.get(*w).is_some_and(|&n| n <= 1))
                    })
                    .collect();
                quoted.sort();
                if let Some(word) = quoted.first() {
                    found.push((
                        "quotes-one-variant",
                        Finding {
                            position: loc.choice(i, j, field),
                            message: format!(
                                "the {field} of choice \"{}\" mentions \"{word}…\", which only some variants of the client's line at \"{id}\" say: a trainee who heard another variant never heard it. Refer to what every variant says, or put the words in every variant",
                                choice.id
                            ),
                        },
                    ));
                }
            }
        }
    }
}

/// A text split into what is inside quotation marks (“…”, «…», "…", „…“) and what is
/// outside, each joined with spaces.
fn quotations(text: &str) -> (String, String) {
    let (mut inside, mut outside) = (String::new(), String::new());
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '“' | '«' | '„' => quoted = true,
            '”' | '»' => quoted = false,
            '"' => quoted = !quoted,
            _ if quoted => inside.push(c),
            _ => outside.push(c),
        }
        if matches!(c, '“' | '«' | '„' | '”' | '»' | '"') {
            inside.push(' ');
            outside.push(' ');
        }
    }
    (inside, outside)
}

/// The words of a text worth comparing: runs of letters of five or more, lower-cased, each
/// cut to its first `len − 2` letters (but at least five) so that "cowboy" and "cowboys", or
/// the cases of a Russian noun, meet.
fn words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 5)
        .map(|w| {
            let n = w.chars().count();
            w.chars()
                .take((n - 2).max(5))
                .collect::<String>()
                .to_lowercase()
        })
        .collect()
}

fn serious_ranking(graph: &Graph, loc: &LazyLocator, found: &mut Vec<Coded>) {
    for (i, id, _, choices) in decisions(graph) {
        for (j, choice) in unranked_breaches(choices) {
            found.push((
                "breach-not-ranked",
                Finding {
                    position: loc.choice(i, j, "verdicts"),
                    message: format!(
                        "choice \"{}\" breaks a rule at weight 3 but is valued no lower than an option at \"{id}\" that breaks none, so it does not count as a serious mistake: lower its value, or lower the weight if the breach is not serious",
                        choice.id
                    ),
                },
            ));
        }
    }
}

fn no_excellent_ending(graph: &Graph, loc: &LazyLocator) -> Option<Coded> {
    let kind = graph.scenario.scenario().client_type;
    let nodes = &graph.scenario.scenario().nodes;
    let any_ending = nodes.iter().any(|n| matches!(n, Node::Ending { .. }));
    let excellent = nodes
        .iter()
        .any(|n| n.rating(kind) == Some(Rating::Excellent));
    (any_ending && !excellent).then(|| {
        (
            "no-excellent-ending",
            Finding {
                position: loc.top("nodes"),
                message: format!(
                    "no ending is rated Excellent, so even a perfect conversation scores at most {}: rate the best ending `rating: Excellent`",
                    crate::rules::rating_cap(Rating::Good)
                ),
            },
        )
    })
}

/// The best rating reachable from each (node, state), over every continuation.
struct Ratings {
    best: Vec<[Option<Rating>; STATES]>,
}

impl Ratings {
    fn of(graph: &Graph) -> Ratings {
        let kind = graph.scenario.scenario().client_type;
        let n = graph.targets.len();
        let mut best: Vec<[Option<Rating>; STATES]> = vec![[None; STATES]; n];
        for (v, slot) in best.iter_mut().enumerate() {
            if let Some(r) = graph.node(v).and_then(|node| node.rating(kind)) {
                *slot = [Some(r); STATES];
            }
        }
        // Ratings only get better, and there are four: a pass in reverse forward order
        // settles every acyclic part, and loops need at most a few more.
        let (order, _) = graph.forward_order();
        let mut changed = true;
        let mut passes = 0;
        while changed && passes < 2 * 4 + 2 {
            changed = false;
            passes += 1;
            for &v in order.iter().rev() {
                for k in 0..STATES {
                    let state = state_from_index(k);
                    let mut here = best[v][k];
                    for step in graph.steps(v, state, false) {
                        let there = best[step.to][state_index(step.state)];
                        if better(there, here) {
                            here = there;
                        }
                    }
                    if here != best[v][k] {
                        best[v][k] = here;
                        changed = true;
                    }
                }
            }
        }
        Ratings { best }
    }

    fn at(&self, v: usize, state: ClientState) -> Option<Rating> {
        self.best.get(v).and_then(|s| s[state_index(state)])
    }
}

/// Whether `a` is a better rating than `b` (anything beats none).
fn better(a: Option<Rating>, b: Option<Rating>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a < b,
        (Some(_), None) => true,
        _ => false,
    }
}

/// States the conversation can be in at each node, from the start.
fn reachable(graph: &Graph) -> Vec<[bool; STATES]> {
    let initial = graph.scenario.scenario().initial;
    let mut seen = vec![[false; STATES]; graph.targets.len()];
    let mut stack = vec![(graph.start, initial)];
    if let Some(s) = seen.get_mut(graph.start) {
        s[state_index(initial)] = true;
    }
    while let Some((v, state)) = stack.pop() {
        for step in graph.steps(v, state, false) {
            let k = state_index(step.state);
            if !seen[step.to][k] {
                seen[step.to][k] = true;
                stack.push((step.to, step.state));
            }
        }
    }
    seen
}

fn worse_choice_better_ending(graph: &Graph, ratings: &Ratings, loc: &LazyLocator) -> Vec<Coded> {
    let seen = reachable(graph);
    let mut found = Vec::new();
    for (i, id, _, choices) in decisions(graph) {
        let mut hit = None;
        'states: for k in (0..STATES).filter(|&k| seen[i][k]) {
            let state = state_from_index(k);
            let reach = |c: &crate::scenario::Choice| {
                graph
                    .index
                    .get(c.next.as_str())
                    .and_then(|&to| ratings.at(to, state.after(c.effect)))
            };
            for worse in choices {
                for better_one in choices {
                    if choice_value(worse) < choice_value(better_one)
                        && better(reach(worse), reach(better_one))
                    {
                        hit = Some((worse, better_one, reach(worse), reach(better_one)));
                        break 'states;
                    }
                }
            }
        }
        if let Some((worse, good, a, b)) = hit {
            let name =
                |r: Option<Rating>| r.map_or_else(|| "none".to_owned(), |r| format!("{r:?}"));
            found.push((
                "worse-choice-better-ending",
                Finding {
                    position: loc.node(i, "choices"),
                    message: format!(
                        "at \"{id}\", choice \"{}\" is valued below \"{}\" but can still reach a {} ending where \"{}\" can reach at best {}: the story rewards the worse answer. Change the values or where the choices lead",
                        worse.id,
                        good.id,
                        name(a),
                        good.id,
                        name(b)
                    ),
                },
            ));
        }
    }
    found
}

/// The weight and the score of a decision step, for the handling sums.
fn step_score(graph: &Graph, v: usize, choice: usize) -> Option<(f64, f64, bool)> {
    let Some(Node::Decision { choices, .. }) = graph.node(v) else {
        return None;
    };
    let chosen = choices.get(choice)?;
    let scale = DecisionScale::of(choices);
    Some((
        f64::from(scale.stake()),
        scale.score(choice_value(chosen)),
        is_serious(chosen, choices),
    ))
}

/// Lowest Σ stake × (score − t) over loop-free paths to each (node, state); a good ending
/// whose lowest is ≤ 0 for t just above 40 is reachable with handling ≤ 40.
fn good_ending_bad_handling(graph: &Graph, loc: &LazyLocator) -> Vec<Coded> {
    let kind = graph.scenario.scenario().client_type;
    let t = lowest_mean_for(BAD_HANDLING + 1);
    let (order, back) = graph.forward_order();
    let initial = graph.scenario.scenario().initial;
    let n = graph.targets.len();
    // (lowest sum, total stake) per (node, state).
    let mut low: Vec<[Option<(f64, f64)>; STATES]> = vec![[None; STATES]; n];
    low[graph.start][state_index(initial)] = Some((0.0, 0.0));
    for &v in &order {
        for k in 0..STATES {
            let Some((sum, stake)) = low[v][k] else {
                continue;
            };
            let state = state_from_index(k);
            for (c, step) in graph.steps_indexed(v, state) {
                if back.contains(&(v, step.to)) {
                    continue;
                }
                let (w, s) = match c.and_then(|c| step_score(graph, v, c)) {
                    Some((w, s, _)) => (w, s),
                    None => (0.0, 0.0),
                };
                let next = (sum + w * (s - t), stake + w);
                let slot = &mut low[step.to][state_index(step.state)];
                if slot.is_none_or(|(m, _)| next.0 < m) {
                    *slot = Some(next);
                }
            }
        }
    }
    order
        .iter()
        .filter(|&&v| graph.node(v).and_then(|n| n.rating(kind)).is_some_and(Rating::is_good))
        .filter(|&&v| {
            low[v]
                .iter()
                .flatten()
                .any(|&(sum, stake)| stake > 0.0 && sum < 0.0)
        })
        .map(|&v| {
            (
                "good-ending-bad-handling",
                Finding {
                    position: loc.node(v, "outcome"),
                    message: format!(
                        "ending \"{}\" is rated {:?}, yet a path that handled the conversation badly (handling {BAD_HANDLING} or less) reaches it: the ending rewards what the grade condemns. Keep it for those who earned it (a Route on the client's trust), or rate it lower",
                        graph.id(v),
                        graph
                            .node(v)
                            .and_then(|n| n.rating(kind))
                            .unwrap_or(Rating::Good)
                    ),
                },
            )
        })
        .collect()
}

/// Whether option `c` at decision `v` follows more than it breaks.
fn minor_value(graph: &Graph, v: usize, c: usize) -> bool {
    match graph.node(v) {
        Some(Node::Decision { choices, .. }) => choices.get(c).is_some_and(|c| choice_value(c) > 0),
        _ => false,
    }
}

/// A Poor or Fail ending reached by best choices everywhere but one minor slip: a
/// non-best option that is no serious mistake and either follows more than it breaks or
/// comes at least halfway from the worst option to the best.
fn bad_ending_one_slip(graph: &Graph, loc: &LazyLocator) -> Vec<Coded> {
    let kind = graph.scenario.scenario().client_type;
    let initial = graph.scenario.scenario().initial;
    let n = graph.targets.len();
    // For slips = 0 and 1: whether (node, state) is reachable, and the slip taken.
    let mut seen: Vec<[[bool; STATES]; 2]> = vec![[[false; STATES]; 2]; n];
    let mut slip_of: Vec<[Option<(usize, usize)>; STATES]> = vec![[None; STATES]; n];
    let mut stack = vec![(graph.start, initial, 0usize, None::<(usize, usize)>)];
    seen[graph.start][0][state_index(initial)] = true;
    let mut clean_endings = HashSet::new();
    while let Some((v, state, slips, slip)) = stack.pop() {
        if graph
            .node(v)
            .is_some_and(|n| matches!(n, Node::Ending { .. }))
            && slips == 0
        {
            clean_endings.insert(v);
        }
        let best = match graph.node(v) {
            Some(Node::Decision { choices, .. }) => Some(DecisionScale::of(choices)),
            _ => None,
        };
        for (c, step) in graph.steps_indexed(v, state) {
            let (next_slips, next_slip) = match (c, best) {
                (Some(c), Some(scale)) => {
                    let Some((_, score, serious)) = step_score(graph, v, c) else {
                        continue;
                    };
                    if score >= 1.0 || scale.stake() == 0 {
                        (slips, slip)
                    } else if slips == 0 && !serious && (score >= 0.5 || minor_value(graph, v, c)) {
                        (1, Some((v, c)))
                    } else {
                        continue;
                    }
                }
                _ => (slips, slip),
            };
            let k = state_index(step.state);
            if !seen[step.to][next_slips][k] {
                seen[step.to][next_slips][k] = true;
                if next_slips == 1 {
                    slip_of[step.to][k] = next_slip;
                }
                stack.push((step.to, step.state, next_slips, next_slip));
            }
        }
    }
    let mut found = Vec::new();
    for (v, slips) in slip_of.iter().enumerate() {
        let Some(rating) = graph.node(v).and_then(|n| n.rating(kind)) else {
            continue;
        };
        if rating.is_good() || clean_endings.contains(&v) {
            continue;
        }
        let Some((at, c)) = slips.iter().flatten().next().copied() else {
            continue;
        };
        let choice = match graph.node(at) {
            Some(Node::Decision { choices, .. }) => choices.get(c).map_or("", |c| c.id.as_str()),
            _ => "",
        };
        found.push((
            "one-slip-bad-ending",
            Finding {
                position: loc.node(v, "outcome"),
                message: format!(
                    "ending \"{}\" is rated {rating:?}, and a trainee who picks the best option everywhere but once, taking the fair-enough \"{choice}\" at \"{}\", ends here: one minor slip decides the whole conversation. Let the conversation recover from it, or grade that choice as the serious mistake it turns out to be",
                    graph.id(v),
                    graph.id(at)
                ),
            },
        ));
    }
    found
}
