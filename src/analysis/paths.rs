//! Every route through a scenario, for `composure paths`: the paths from the start to an
//! ending with their scores, and a summary (best and worst score, and for each ending the
//! range of scores that reach it and how many paths do) that stays exact and fast however
//! many paths there are.
//!
//! **Listing.** A path never visits a node twice (simple paths); loops may be followed once.
//! Paths are found depth-first, trying choices in file order, and each is scored by
//! [`grade`], the same code that grades a conversation. The list stops at a limit.
//!
//! **Summary.** A conversation's score is `round(100 × mean decision score)`, so it is one of
//! 101 values, and "some path to ending e scores `k` or more" means "some path has a mean of
//! at least `t = lowest_mean_for(k)`", that is a path whose sum of `(score − t)` over its
//! decisions is ≥ 0. One longest-path (and shortest-path) sweep over the acyclic graph answers
//! that for every ending at once. Each ending's best and worst score is then a binary search
//! over `k`, and since every ending's search visits the same thresholds in the same order,
//! all the searches run side by side and share their sweeps: at most 100 in all, and about
//! 30 on the synthetic benchmarks. That is O(V + E) per sweep, with no path enumerated. Counting paths is one more sweep, saturating at `u128::MAX`.
//!
//! With loops, the summary is over the acyclic graph left when the loops found by a
//! depth-first walk from the start (choices in file order) are dropped; see [`super::graph`].
//! The best score over all simple paths of a graph with cycles is a longest-path problem, which
//! has no fast exact answer. Listed paths that take a loop are marked.

use std::collections::BTreeSet;

use serde::Serialize;

use super::graph::{ConversationGraph, Edge};
use crate::rules::{Rulebook, grade, lowest_mean_for};
use crate::scenario::{Node, Outcome, ValidScenario};

/// How many choices the listing may try before it gives up looking for more paths. Only a
/// tangle of loops where most routes run into nodes already visited comes near it.
pub const SEARCH_STEPS: u64 = 5_000_000;

/// The score a path with no decision gets (a scenario whose start is an ending).
const NO_DECISION_SCORE: u8 = 0;

/// Everything `composure paths` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PathsReport {
    pub scenario: String,
    pub title: String,
    pub start: String,
    #[serde(flatten)]
    pub listing: Listing,
    /// The choices that lead back to an earlier point (empty when the conversation has none).
    pub loops: Vec<LoopEdge>,
    pub summary: Summary,
}

/// The paths listed, in depth-first order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Listing {
    pub limit: usize,
    pub paths: Vec<PathEntry>,
    /// Why the list stopped early, if it did.
    pub cut: Option<Cut>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cut {
    /// There are more paths than the limit.
    Limit,
    /// The search tried [`SEARCH_STEPS`] choices; there may be more paths.
    Steps,
}

/// One path from the start to an ending.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathEntry {
    /// The choice ids in order, as `play --answers` takes them.
    pub choices: Vec<String>,
    pub score: u8,
    pub ending: String,
    pub outcome: Outcome,
    /// Whether the path takes a loop, so the summary does not include it.
    pub loops_back: bool,
}

/// A choice that leads back to an earlier point of the conversation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LoopEdge {
    pub from: String,
    /// The choice, or `None` when a route's branch leads back.
    pub choice: Option<String>,
    pub to: String,
}

/// Scores over every path that takes no loop.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub paths: PathCount,
    pub best: Extreme,
    pub worst: Extreme,
    /// Every ending, in file order.
    pub endings: Vec<EndingSummary>,
}

/// A best or worst path: its score and one path that gets it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Extreme {
    pub score: u8,
    pub choices: Vec<String>,
    pub ending: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EndingSummary {
    pub ending: String,
    pub outcome: Outcome,
    pub paths: PathCount,
    pub min_score: u8,
    pub max_score: u8,
}

/// A number of paths; past `u128::MAX` it stays there and `more_than` is set. Shown as
/// "more than 3.4e38" then.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PathCount {
    pub count: u128,
    pub more_than: bool,
}

impl PathCount {
    const ZERO: PathCount = PathCount {
        count: 0,
        more_than: false,
    };

    fn add(self, other: PathCount) -> PathCount {
        match self.count.checked_add(other.count) {
            Some(count) => PathCount {
                count,
                more_than: self.more_than || other.more_than,
            },
            None => PathCount {
                count: u128::MAX,
                more_than: true,
            },
        }
    }
}

impl std::fmt::Display for PathCount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.more_than {
            // Every digit of u128::MAX would be noise; its size is what matters.
            write!(f, "more than {:.1e}", self.count as f64)
        } else {
            write!(f, "{}", self.count)
        }
    }
}

/// The listing (at most `limit` paths), the loops and the summary.
pub fn paths(scenario: &ValidScenario, rules: &Rulebook, limit: usize) -> PathsReport {
    let graph = ConversationGraph::new(scenario);
    let loops = loop_edges(scenario, &graph);
    let s = scenario.scenario();
    PathsReport {
        scenario: s.id.clone(),
        title: s.title.clone(),
        start: s.start.clone(),
        listing: list(&graph, scenario, rules, limit),
        loops,
        summary: summary(&graph, scenario, rules),
    }
}

/// The loops of the scenario in file order: each choice, or route branch, that leads back.
fn loop_edges(scenario: &ValidScenario, graph: &ConversationGraph) -> Vec<LoopEdge> {
    let nodes = &scenario.scenario().nodes;
    let name = |i: usize| nodes.get(i).map_or("", |n| n.id()).to_owned();
    let mut loops = Vec::new();
    for (from, node) in nodes.iter().enumerate() {
        let choices: Vec<Option<&str>> = match node {
            Node::Decision { choices, .. } => choices.iter().map(|c| Some(c.id.as_str())).collect(),
            _ => node.targets().iter().map(|_| None).collect(),
        };
        for (target, choice) in node.targets().into_iter().zip(choices) {
            let Some(to) = scenario.node_index(target) else {
                continue;
            };
            if graph.loops.contains(&(from, to)) {
                loops.push(LoopEdge {
                    from: name(from),
                    choice: choice.map(str::to_owned),
                    to: name(to),
                });
            }
        }
    }
    loops
}

/// At most `limit` paths from the start to an ending, depth-first in choice order.
pub fn list_paths(scenario: &ValidScenario, rules: &Rulebook, limit: usize) -> Listing {
    list(&ConversationGraph::new(scenario), scenario, rules, limit)
}

/// The summary alone, without listing any path.
pub fn summarise(scenario: &ValidScenario, rules: &Rulebook) -> Summary {
    summary(&ConversationGraph::new(scenario), scenario, rules)
}

fn node_id<'g>(graph: &'g ConversationGraph, node: usize) -> &'g str {
    graph.nodes.get(node).map_or("", |n| n.id())
}

fn outcome(graph: &ConversationGraph, node: usize) -> Option<Outcome> {
    match graph.nodes.get(node) {
        Some(Node::Ending { outcome, .. }) => Some(*outcome),
        _ => None,
    }
}

/// Scores a path with the grading code itself.
fn score_path(
    graph: &ConversationGraph,
    scenario: &ValidScenario,
    rules: &Rulebook,
    steps: &[(usize, &Edge)],
    ending: &str,
) -> u8 {
    let decisions = steps
        .iter()
        .map(|(from, edge)| (node_id(graph, *from), edge.choice.id.as_str()));
    grade(scenario, decisions, Some(ending), rules).score
}

fn list(
    graph: &ConversationGraph,
    scenario: &ValidScenario,
    rules: &Rulebook,
    limit: usize,
) -> Listing {
    let mut listing = Listing {
        limit,
        paths: Vec::new(),
        cut: None,
    };
    let count = graph.nodes.len();
    if graph.start >= count {
        return listing;
    }
    // A path never visits a node of the file twice: not a decision or an ending in another
    // client state, nor a route it passed before.
    let mut visiting = vec![false; scenario.scenario().nodes.len()];
    // (node, index of its next choice to try); `taken[i]` leads from `route[i]` onwards.
    let mut route: Vec<(usize, usize)> = vec![(graph.start, 0)];
    let mut taken: Vec<(usize, &Edge)> = Vec::new();
    let start_routes = graph.routes.get(graph.start_routes.clone()).unwrap_or(&[]);
    mark(
        &mut visiting,
        start_routes,
        graph.file_nodes[graph.start],
        true,
    );
    let mut steps: u64 = 0;
    while let Some(&mut (node, ref mut next)) = route.last_mut() {
        let edge = if let Some(ending) = outcome(graph, node) {
            if listing.paths.len() == limit {
                listing.cut = Some(Cut::Limit);
                break;
            }
            listing.paths.push(PathEntry {
                choices: taken.iter().map(|(_, e)| e.choice.id.clone()).collect(),
                score: if taken.is_empty() {
                    NO_DECISION_SCORE
                } else {
                    score_path(graph, scenario, rules, &taken, node_id(graph, node))
                },
                ending: node_id(graph, node).to_owned(),
                outcome: ending,
                loops_back: taken.iter().any(|(_, e)| e.back),
            });
            None
        } else {
            let edge = graph.edges[node].get(*next);
            *next += 1;
            edge
        };
        match edge {
            Some(edge) => {
                steps += 1;
                if steps > SEARCH_STEPS {
                    listing.cut = Some(Cut::Steps);
                    break;
                }
                let passed = graph.routes_of(edge);
                let to = graph.file_nodes[edge.to];
                let free = passed.iter().chain([&to]).all(|&p| !visiting[p]);
                if free {
                    mark(&mut visiting, passed, to, true);
                    route.push((edge.to, 0));
                    taken.push((node, edge));
                }
            }
            None => {
                match taken.last() {
                    Some((_, edge)) => {
                        mark(
                            &mut visiting,
                            graph.routes_of(edge),
                            graph.file_nodes[node],
                            false,
                        );
                    }
                    None => mark(&mut visiting, start_routes, graph.file_nodes[node], false),
                }
                route.pop();
                taken.pop();
            }
        }
    }
    listing
}

/// Marks the nodes of the file a step passes (its routes, then the node it reaches) as on the
/// current path or off it.
fn mark(visiting: &mut [bool], routes: &[usize], to: usize, on: bool) {
    for &p in routes.iter().chain([&to]) {
        if let Some(v) = visiting.get_mut(p) {
            *v = on;
        }
    }
}

/// The acyclic graph in sweep order: node `p` here is `graph.order[p]`, and every edge goes
/// from a lower position to a higher one. Kept flat so a sweep is one pass over two arrays.
struct Dag {
    /// Edges of position `p` are `first[p]..first[p + 1]`.
    first: Vec<usize>,
    target: Vec<usize>,
    score: Vec<f64>,
    /// For each edge, its origin node and the edge itself, to rebuild paths.
    edge: Vec<(usize, usize)>,
}

impl Dag {
    fn new(graph: &ConversationGraph) -> Dag {
        let mut position = vec![usize::MAX; graph.nodes.len()];
        for (p, &node) in graph.order.iter().enumerate() {
            position[node] = p;
        }
        let mut dag = Dag {
            first: Vec::with_capacity(graph.order.len() + 1),
            target: Vec::new(),
            score: Vec::new(),
            edge: Vec::new(),
        };
        for &node in &graph.order {
            dag.first.push(dag.target.len());
            for (i, edge) in graph.edges[node].iter().enumerate() {
                if !edge.back {
                    dag.target.push(position[edge.to]);
                    dag.score.push(if edge.stake == 0 {
                        1.0
                    } else {
                        f64::from(edge.gain) / f64::from(edge.stake)
                    });
                    dag.edge.push((node, i));
                }
            }
        }
        dag.first.push(dag.target.len());
        dag
    }

    fn len(&self) -> usize {
        self.first.len().saturating_sub(1)
    }

    /// For every position, the highest and lowest sum of `(score − threshold)` over the paths
    /// from the start to it; with `TRACK`, also the last edge of a path that reaches each
    /// (the searches do not need it, and skipping it saves a third of the memory traffic).
    fn sweep<const TRACK: bool>(&self, threshold: f64, sweep: &mut Sweep) {
        let n = self.len();
        sweep.high.clear();
        sweep.high.resize(n, f64::NEG_INFINITY);
        sweep.low.clear();
        sweep.low.resize(n, f64::INFINITY);
        if TRACK {
            sweep.high_via.clear();
            sweep.high_via.resize(n, usize::MAX);
            sweep.low_via.clear();
            sweep.low_via.resize(n, usize::MAX);
        }
        if n == 0 {
            return;
        }
        sweep.high[0] = 0.0;
        sweep.low[0] = 0.0;
        for p in 0..n {
            let (high, low) = (sweep.high[p], sweep.low[p]);
            for e in self.first[p]..self.first[p + 1] {
                let q = self.target[e];
                let step = self.score[e] - threshold;
                if high + step > sweep.high[q] {
                    sweep.high[q] = high + step;
                    if TRACK {
                        sweep.high_via[q] = e;
                    }
                }
                if low + step < sweep.low[q] {
                    sweep.low[q] = low + step;
                    if TRACK {
                        sweep.low_via[q] = e;
                    }
                }
            }
        }
    }

    /// The path to position `p` along the `via` edges, as (from node, edge index).
    fn path_to(&self, mut p: usize, via: &[usize]) -> Vec<(usize, usize)> {
        let mut path = Vec::new();
        while p != 0 {
            let Some(&e) = via.get(p) else { break };
            let Some(&step) = self.edge.get(e) else { break };
            path.push(step);
            // Edges only go forward, so this walk ends at the start.
            match self.first.partition_point(|&f| f <= e).checked_sub(1) {
                Some(from) => p = from,
                None => break,
            }
        }
        path.reverse();
        path
    }

    fn count_paths(&self) -> Vec<PathCount> {
        let mut count = vec![PathCount::ZERO; self.len()];
        if let Some(first) = count.first_mut() {
            first.count = 1;
        }
        for p in 0..self.len() {
            let here = count[p];
            for e in self.first[p]..self.first[p + 1] {
                let q = self.target[e];
                count[q] = count[q].add(here);
            }
        }
        count
    }
}

#[derive(Default)]
struct Sweep {
    high: Vec<f64>,
    low: Vec<f64>,
    high_via: Vec<usize>,
    low_via: Vec<usize>,
}

/// Side-by-side binary searches over the scores 0..=100, one pair per ending.
#[derive(Debug, Clone, Copy)]
struct Search {
    /// Some path scores `max_yes` or more; none scores `max_no` or more.
    max_yes: u8,
    max_no: u8,
    /// No path scores below `min_no`; some path scores below `min_yes`.
    min_no: u8,
    min_yes: u8,
}

impl Search {
    const START: Search = Search {
        max_yes: 0,
        max_no: 101,
        min_no: 0,
        min_yes: 101,
    };

    fn max_probe(self) -> Option<u8> {
        (self.max_no - self.max_yes > 1).then(|| midpoint(self.max_yes, self.max_no))
    }

    fn min_probe(self) -> Option<u8> {
        (self.min_yes - self.min_no > 1).then(|| midpoint(self.min_no, self.min_yes))
    }
}

fn midpoint(a: u8, b: u8) -> u8 {
    a + (b - a) / 2
}

fn summary(graph: &ConversationGraph, scenario: &ValidScenario, rules: &Rulebook) -> Summary {
    let dag = Dag::new(graph);
    let counts = dag.count_paths();
    // Every ending reachable in the acyclic graph, in file order, with its position.
    let endings: Vec<(usize, usize)> = graph
        .order
        .iter()
        .enumerate()
        .filter(|&(_, &node)| graph.is_ending(node))
        .map(|(p, &node)| (node, p))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();

    if graph.is_ending(graph.start) {
        // The only path is the empty one.
        let ending = node_id(graph, graph.start).to_owned();
        let extreme = Extreme {
            score: NO_DECISION_SCORE,
            choices: Vec::new(),
            ending: ending.clone(),
        };
        let one = PathCount {
            count: 1,
            more_than: false,
        };
        return Summary {
            paths: one,
            best: extreme.clone(),
            worst: extreme,
            endings: outcome(graph, graph.start)
                .map(|outcome| EndingSummary {
                    ending,
                    outcome,
                    paths: one,
                    min_score: NO_DECISION_SCORE,
                    max_score: NO_DECISION_SCORE,
                })
                .into_iter()
                .collect(),
        };
    }

    let mut searches = vec![Search::START; endings.len()];
    let mut sweep = Sweep::default();
    loop {
        // Every unfinished search is at the same depth of the same search tree, so no score
        // is probed in two rounds and each is swept at most once.
        let planned: Vec<(Option<u8>, Option<u8>)> = searches
            .iter()
            .map(|s| (s.max_probe(), s.min_probe()))
            .collect();
        let probes: BTreeSet<u8> = planned
            .iter()
            .flat_map(|&(max, min)| max.into_iter().chain(min))
            .collect();
        if probes.is_empty() {
            break;
        }
        for k in probes {
            dag.sweep::<false>(threshold(k), &mut sweep);
            for ((search, plan), &(_, p)) in searches.iter_mut().zip(&planned).zip(&endings) {
                if plan.0 == Some(k) {
                    if sweep.high[p] >= 0.0 {
                        search.max_yes = k;
                    } else {
                        search.max_no = k;
                    }
                }
                if plan.1 == Some(k) {
                    if sweep.low[p] < 0.0 {
                        search.min_yes = k;
                    } else {
                        search.min_no = k;
                    }
                }
            }
        }
    }

    // An ending reached with the client in different states is one node of the graph per
    // state; the trainer asks about the ending, so those are merged, in file order.
    let mut ending_summaries: Vec<EndingSummary> = Vec::new();
    for (&(node, p), search) in endings.iter().zip(&searches) {
        let Some(outcome) = outcome(graph, node) else {
            continue;
        };
        let found = EndingSummary {
            ending: node_id(graph, node).to_owned(),
            outcome,
            paths: counts.get(p).copied().unwrap_or(PathCount::ZERO),
            min_score: search.min_yes - 1,
            max_score: search.max_yes,
        };
        match ending_summaries
            .iter_mut()
            .find(|e| e.ending == found.ending)
        {
            Some(merged) => {
                merged.min_score = merged.min_score.min(found.min_score);
                merged.max_score = merged.max_score.max(found.max_score);
                merged.paths = merged.paths.add(found.paths);
            }
            None => ending_summaries.push(found),
        }
    }
    ending_summaries.sort_by_key(|e| scenario.node_index(&e.ending).unwrap_or(usize::MAX));
    let total = endings
        .iter()
        .filter_map(|&(_, p)| counts.get(p).copied())
        .fold(PathCount::ZERO, PathCount::add);

    // One path for each extreme, found by sweeping once more at its threshold and following
    // the edges back; it is graded like any conversation.
    // The first ending in file order with the best (or worst) score.
    let best_at = endings
        .iter()
        .zip(&searches)
        .rev()
        .max_by_key(|(_, s)| s.max_yes)
        .map(|(&(_, p), s)| (p, s.max_yes));
    let worst_at = endings
        .iter()
        .zip(&searches)
        .min_by_key(|(_, s)| s.min_yes)
        .map(|(&(_, p), s)| (p, s.min_yes));
    let extreme = |found: Option<(usize, u8)>, best: bool, sweep: &mut Sweep| {
        let (p, k) = found.unwrap_or((0, 0));
        dag.sweep::<true>(threshold(k), sweep);
        let via = if best {
            &sweep.high_via
        } else {
            &sweep.low_via
        };
        let path = dag.path_to(p, via);
        let steps: Vec<(usize, &Edge)> = path
            .iter()
            .filter_map(|&(from, i)| Some((from, graph.edges.get(from)?.get(i)?)))
            .collect();
        let ending = graph.order.get(p).map_or("", |&node| node_id(graph, node));
        Extreme {
            score: score_path(graph, scenario, rules, &steps, ending),
            choices: steps.iter().map(|(_, e)| e.choice.id.clone()).collect(),
            ending: graph
                .order
                .get(p)
                .map_or_else(String::new, |&node| node_id(graph, node).to_owned()),
        }
    };
    let best = extreme(best_at, true, &mut sweep);
    let worst = extreme(worst_at, false, &mut sweep);
    Summary {
        paths: total,
        best,
        worst,
        endings: ending_summaries,
    }
}

/// The mean a path must reach to score `k`, with the same slack for a half that grading
/// allows. Past 100 no mean reaches it, so a search can use 101 as "nothing scores this".
fn threshold(k: u8) -> f64 {
    lowest_mean_for(k)
}
