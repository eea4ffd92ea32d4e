//! Every route through a scenario, for `composure paths`: the paths from the start to an
//! ending with their grades, and a summary (best and worst headline, and for each ending the
//! range of headlines and of handling scores that reach it and how many paths do) that stays
//! exact and linear in the size of the scenario however many paths there are.
//!
//! **Listing.** A path never visits a node of the file twice; loops may be followed once.
//! Paths are found depth-first, trying choices in file order, and each is graded by
//! [`grade`], the same code that grades a conversation. The list stops at a limit.
//!
//! **Summary.** A path's headline is the lowest of its handling score, the cap its ending's
//! rating sets and the cap its serious mistakes set ([`crate::rules::headline`]). Handling is
//! `round(100 × Σ stake·score / Σ stake)` over its decisions, and stake·score is an option's
//! *gain*, its value above the worst option there, a whole number. So a path is a point
//! (B, G) = (Σ stake, Σ gain), and its handling reaches `k` exactly when
//! `200·G − (2k − 1)·B ≥ 0` (a half rounding up, as in grading), in whole numbers.
//!
//! "Some path to ending e has headline ≥ k" then means: e's cap is ≥ k, and some path to e
//! with few enough serious mistakes for their cap to be ≥ k has `Σ (200·gain − (2k − 1)·stake)
//! ≥ 0`. One longest-path sweep over the acyclic graph, keeping the best sum per node for each
//! serious count that the caps tell apart (0, 1, 2 or more), answers that for every ending at
//! once, and the same pass keeps the worst sum over all paths (the worst headline needs no
//! count: every cap is a minimum, so it is the lowest of the worst handling and the caps of
//! the counts that arrive). Each ending's best handling per count and its worst handling are
//! then binary searches over `k`, and since every search walks the same tree of midpoints,
//! all of them run side by side and share their passes: one pass at a `k` answers every
//! ending asking about it. That gives each ending's exact ranges of handling and headline in
//! at most about log2(101) passes per distinct answer and never more than 100, whatever the
//! size; each pass is O(V + E), with no path enumerated. One tracked sweep per extreme then
//! finds a path that gets it, graded like any conversation.
//! Counting paths is one more sweep, saturating at `u128::MAX`.
//!
//! With loops, the summary is over the acyclic graph left when the scenario's loops are
//! dropped; see [`super::graph`]. The best score over all simple paths of a graph with cycles
//! is a longest-path problem, which has no fast exact answer. Listed paths that take a loop
//! are marked.

use std::collections::HashMap;

use serde::Serialize;

use super::graph::{ConversationGraph, Edge};
use crate::rules::{Grade, Rulebook, grade, headline, rating_cap, serious_cap};
use crate::scenario::{Node, Outcome, Rating, ValidScenario};

/// How many choices the listing may try before it gives up looking for more paths. Only a
/// tangle of loops where most routes run into nodes already visited comes near it.
pub const SEARCH_STEPS: u64 = 5_000_000;

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
    /// The headline: the lowest of `handling`, `ending_cap` and `serious_cap`.
    pub score: u8,
    #[serde(flatten)]
    pub pieces: Pieces,
    pub ending: String,
    pub outcome: Outcome,
    /// Whether the path takes a loop, so the summary does not include it.
    pub loops_back: bool,
}

/// What a path's headline is made of, as grading gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pieces {
    /// How the conversation was handled, 0–100, before any cap.
    pub handling: u8,
    /// The rating of the ending reached.
    pub rating: Option<Rating>,
    /// The cap that rating sets.
    pub ending_cap: u8,
    /// The cap the serious mistakes set (100 with none).
    pub serious_cap: u8,
    /// The serious mistakes made, in order.
    pub serious: Vec<SeriousMistake>,
}

impl Pieces {
    fn of(graded: &Grade) -> Pieces {
        Pieces {
            handling: graded.handling,
            rating: graded.rating,
            ending_cap: graded.ending_cap,
            serious_cap: graded.serious_cap,
            serious: graded
                .serious_mistakes()
                .map(|d| SeriousMistake {
                    decision: d.node.clone(),
                    choice: d.chosen.clone(),
                    rule: d.serious.clone().unwrap_or_default(),
                })
                .collect(),
        }
    }
}

/// A choice that breaks a rule at weight 3 where a cleaner option was offered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SeriousMistake {
    pub decision: String,
    pub choice: String,
    /// The rule it breaks.
    pub rule: String,
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

/// A best or worst path: its headline, its pieces, and one path that gets it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Extreme {
    pub score: u8,
    #[serde(flatten)]
    pub pieces: Pieces,
    pub choices: Vec<String>,
    pub ending: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EndingSummary {
    pub ending: String,
    pub outcome: Outcome,
    pub rating: Rating,
    /// The cap the rating sets on every path that ends here.
    pub ending_cap: u8,
    pub paths: PathCount,
    /// The lowest and highest headline of the paths that end here.
    pub min_score: u8,
    pub max_score: u8,
    /// The lowest and highest handling score of those paths, before any cap.
    pub min_handling: u8,
    pub max_handling: u8,
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

/// A loop-free path drawn at random, graded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampledPath {
    /// The headline.
    pub score: u8,
    /// The ending reached.
    pub ending: String,
}

/// `n` loop-free paths drawn at random from `seed`, each of the scenario's loop-free paths as
/// likely as any other, each graded by [`grade`]. Empty when no path ends.
///
/// A path is drawn by walking from the start and taking each choice with the share of the
/// paths to an ending that go on through it: one sweep backwards counts them for every node
/// (as logarithms, since a large scenario has more paths than any integer holds). So the
/// cost is one linear sweep and then each path's length, however many paths there are.
pub fn sample_paths(
    scenario: &ValidScenario,
    rules: &Rulebook,
    n: usize,
    seed: u64,
) -> Vec<SampledPath> {
    use rand::{RngExt, SeedableRng};
    let graph = ConversationGraph::new(scenario);
    if graph.is_ending(graph.start) {
        let ending = node_id(&graph, graph.start).to_owned();
        let (score, _) = grade_path(&graph, scenario, rules, &[], &ending);
        return vec![SampledPath { score, ending }; n];
    }
    let dag = Dag::new(&graph);
    let ends = |p: usize| {
        graph
            .order
            .get(p)
            .is_some_and(|&node| graph.is_ending(node))
    };
    // ln(the number of paths from each position to an ending); -inf where none go on.
    let mut onward = vec![f64::NEG_INFINITY; dag.len()];
    for p in (0..dag.len()).rev() {
        if ends(p) {
            onward[p] = 0.0;
            continue;
        }
        let targets = || {
            dag.steps[dag.first[p]..dag.first[p + 1]]
                .iter()
                .map(|s| onward[s.to()])
                .filter(|l| l.is_finite())
        };
        let Some(top) = targets().reduce(f64::max) else {
            continue;
        };
        onward[p] = top + targets().map(|l| (l - top).exp()).sum::<f64>().ln();
    }
    if onward.first().is_none_or(|l| !l.is_finite()) {
        return Vec::new();
    }
    // For each edge, the share of the paths from its origin that go on through it, added up
    // over the origin's edges so far: a draw in [0, 1) picks the first edge whose running
    // share passes it (the last edge with paths on takes what rounding leaves).
    let mut share = vec![f64::NAN; dag.steps.len()];
    for p in 0..dag.len() {
        let mut total = 0.0;
        for e in dag.first[p]..dag.first[p + 1] {
            let l = onward[dag.steps[e].to()];
            if l.is_finite() {
                total += (l - onward[p]).exp();
                share[e] = total;
            }
        }
        if let Some(last) = share[dag.first[p]..dag.first[p + 1]]
            .iter_mut()
            .rev()
            .find(|s| !s.is_nan())
        {
            *last = f64::INFINITY;
        }
    }
    let client = scenario.scenario().client_type;
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    // Every walker goes forward, so they all walk together in one sweep over the positions:
    // the walkers waiting at each position are a list (`waiting` holds the first, `behind`
    // the next of each), and each takes its next step when the sweep reaches it. Each
    // walker's draws are its own, so each path is as likely as in a walk alone, and the
    // sweep reads the graph in order, as the summary's passes do, rather than jumping
    // through it once per path.
    const NOBODY: u32 = u32::MAX;
    let mut waiting = vec![NOBODY; dag.len()];
    let mut behind = vec![NOBODY; n];
    // Each walker's path so far: (Σ stake, Σ gain), decisions and serious mistakes, as the
    // summary reads a path; its headline is then what grading gives it (tests/paths.rs
    // checks both).
    let mut sums = vec![(0i64, 0i64, 0usize, 0usize); n];
    let mut arrived = vec![usize::MAX; n];
    for walker in (0..n).rev() {
        behind[walker] = waiting[0];
        waiting[0] = u32::try_from(walker).unwrap_or(NOBODY);
    }
    for p in 0..dag.len() {
        let mut walker = std::mem::replace(&mut waiting[p], NOBODY);
        while walker != NOBODY {
            let w = walker as usize;
            walker = behind[w];
            if ends(p) {
                arrived[w] = p;
                continue;
            }
            let draw: f64 = rng.random();
            let Some(e) = (dag.first[p]..dag.first[p + 1]).find(|&e| share[e] > draw) else {
                continue;
            };
            let step = dag.steps[e];
            let (stake, gain, decisions, serious) = &mut sums[w];
            *stake += i64::from(step.stake);
            *gain += i64::from(step.gain) / 200;
            *decisions += 1;
            *serious += usize::from(step.serious());
            let to = step.to();
            behind[w] = waiting[to];
            waiting[to] = w as u32;
        }
    }
    let mut sampled = Vec::with_capacity(n);
    for (&p, &(stake, gain, decisions, serious)) in arrived.iter().zip(&sums) {
        let Some(&node) = graph.order.get(p) else {
            continue;
        };
        let cap = graph
            .nodes
            .get(node)
            .and_then(|n| n.rating(client))
            .map_or(100, rating_cap);
        sampled.push(SampledPath {
            score: headline(
                handling_of(stake, gain, decisions),
                cap,
                serious_cap(serious),
            ),
            ending: node_id(&graph, node).to_owned(),
        });
    }
    sampled
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

/// Grades a path with the grading code itself: its headline and the pieces.
fn grade_path(
    graph: &ConversationGraph,
    scenario: &ValidScenario,
    rules: &Rulebook,
    steps: &[(usize, &Edge)],
    ending: &str,
) -> (u8, Pieces) {
    let decisions = steps
        .iter()
        .map(|(from, edge)| (node_id(graph, *from), edge.choice.id.as_str()));
    let graded = grade(scenario, decisions, Some(ending), rules);
    (graded.score, Pieces::of(&graded))
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
            let (score, pieces) = grade_path(graph, scenario, rules, &taken, node_id(graph, node));
            listing.paths.push(PathEntry {
                choices: taken.iter().map(|(_, e)| e.choice.id.clone()).collect(),
                score,
                pieces,
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

/// The handling score of a path with these sums over its `decisions`, as grading rounds it:
/// the highest `k` with `200·gain − (2k − 1)·stake ≥ 0`; 100 when nothing was at stake, 0
/// with no decision at all.
fn handling_of(stake: i64, gain: i64, decisions: usize) -> u8 {
    if decisions == 0 {
        0
    } else if stake <= 0 {
        100
    } else {
        u8::try_from(((200 * gain + stake) / (2 * stake)).clamp(0, 100)).unwrap_or(100)
    }
}

/// Serious-mistake counts the caps tell apart: none, one, two or more.
const LAYERS: usize = 3;
/// A value no path reaches, for a sweep's unreached (node, count). A quarter of the range:
/// sums of steps from it stay far from both the real sums and overflow.
const NONE_HIGH: i64 = i64::MIN / 4;
const NONE_LOW: i64 = i64::MAX / 4;

/// The number a threshold sweep adds up in: `i64`, or `i32` when every sum stays within
/// [`SweepSum::MAX_BOUND`].
trait SweepSum:
    Copy
    + Ord
    + From<i32>
    + Into<i64>
    + std::ops::Add<Output = Self>
    + std::ops::Sub<Output = Self>
    + std::ops::Mul<Output = Self>
{
    const ZERO: Self;
    /// Unreached, for a highest sum and for a lowest one: a quarter of the range, so that
    /// adding any path's steps keeps them apart from every real sum and from overflow.
    const NONE_HIGH: Self;
    const NONE_LOW: Self;
    /// The largest [`Dag::sum_bound`] this type is used for: an eighth of the range.
    const MAX_BOUND: i64;

    /// Whether a sweep's sum belongs to a path that arrived.
    fn arrived(self) -> bool {
        let (v, high, low): (i64, i64, i64) =
            (self.into(), Self::NONE_HIGH.into(), Self::NONE_LOW.into());
        v > high / 2 && v < low / 2
    }
}

impl SweepSum for i32 {
    const ZERO: i32 = 0;
    const NONE_HIGH: i32 = i32::MIN / 2;
    const NONE_LOW: i32 = i32::MAX / 2;
    const MAX_BOUND: i64 = 1 << 28;
}

impl SweepSum for i64 {
    const ZERO: i64 = 0;
    const NONE_HIGH: i64 = NONE_HIGH;
    const NONE_LOW: i64 = NONE_LOW;
    const MAX_BOUND: i64 = 1 << 60;
}

/// The serious count after one more choice.
fn layer_after(layer: usize, serious: bool) -> usize {
    (layer + usize::from(serious)).min(LAYERS - 1)
}

/// The cap a serious count sets.
fn layer_cap(layer: usize) -> u8 {
    serious_cap(layer)
}

/// The acyclic graph in sweep order: node `p` here is `graph.order[p]`, and every edge goes
/// from a lower position to a higher one. Kept flat so a sweep is one pass over a few arrays.
struct Dag {
    /// Edges of position `p` are `first[p]..first[p + 1]`.
    first: Vec<usize>,
    /// The edges, packed: what every sweep reads.
    steps: Vec<Step>,
    /// For each edge, its origin node and the edge itself, to rebuild paths.
    edge: Vec<(usize, usize)>,
    /// For each edge, its origin position.
    from: Vec<usize>,
}

/// One edge as the sweeps read it, in 12 bytes: at 100,000 nodes the sweeps stream
/// hundreds of megabytes of these, so every byte shows.
#[derive(Debug, Clone, Copy)]
struct Step {
    /// The target position, with [`SERIOUS`] set for a serious mistake.
    target: u32,
    /// 200 × gain.
    gain: i32,
    stake: i32,
}

/// The bit of [`Step::target`] that marks a serious mistake.
const SERIOUS: u32 = 1 << 31;

impl Step {
    fn to(self) -> usize {
        (self.target & !SERIOUS) as usize
    }

    fn serious(self) -> bool {
        self.target & SERIOUS != 0
    }
}

impl Dag {
    fn new(graph: &ConversationGraph) -> Dag {
        let mut position = vec![usize::MAX; graph.nodes.len()];
        for (p, &node) in graph.order.iter().enumerate() {
            position[node] = p;
        }
        let edges: usize = graph.order.iter().map(|&n| graph.edges[n].len()).sum();
        let mut dag = Dag {
            first: Vec::with_capacity(graph.order.len() + 1),
            steps: Vec::with_capacity(edges),
            edge: Vec::with_capacity(edges),
            from: Vec::with_capacity(edges),
        };
        for (p, &node) in graph.order.iter().enumerate() {
            dag.first.push(dag.steps.len());
            for (i, edge) in graph.edges[node].iter().enumerate() {
                // Every edge of a node in `order` that takes no loop leads to one in it.
                let target = position[edge.to];
                if !edge.back && target != usize::MAX {
                    // Positions stay far below 2³¹: a scenario has at most 10,000 nodes,
                    // each in at most 49 client states.
                    let (Some(packed), Some(gain)) = (
                        u32::try_from(target).ok().filter(|t| t & SERIOUS == 0),
                        edge.gain.checked_mul(200),
                    ) else {
                        continue;
                    };
                    dag.steps.push(Step {
                        target: packed | if edge.serious { SERIOUS } else { 0 },
                        gain,
                        stake: edge.stake,
                    });
                    dag.edge.push((node, i));
                    dag.from.push(p);
                }
            }
        }
        dag.first.push(dag.steps.len());
        dag
    }

    fn len(&self) -> usize {
        self.first.len().saturating_sub(1)
    }

    /// The largest a sweep's sum can get, either way: over every path from the start,
    /// Σ 201·stake bounds |Σ (200·gain − (2k − 1)·stake)| for every threshold 0 ≤ k ≤ 100.
    fn sum_bound(&self) -> i64 {
        let mut longest = vec![0i64; self.len()];
        let mut bound = 0;
        for p in 0..self.len() {
            let here = longest[p];
            bound = bound.max(here);
            for step in &self.steps[self.first[p]..self.first[p + 1]] {
                if let Some(there) = longest.get_mut(step.to()) {
                    *there = (*there).max(here.saturating_add(201 * i64::from(step.stake)));
                }
            }
        }
        bound
    }

    /// For every position, the highest sum of `200·gain − (2k − 1)·stake` over the paths
    /// from the start to it with each serious count (the first three values), and the lowest
    /// over all of them (the fourth): a path's handling reaches `k` exactly when its sum is
    /// ≥ 0. (The worst headline needs no count: it is the lowest of the worst handling and
    /// the caps of the counts that arrive, since every cap is a minimum.) The sums are `T`:
    /// 32 bits when [`Dag::sum_bound`] allows, which halves what each pass reads and writes.
    fn sweep_both<T: SweepSum>(&self, k: u8, values: &mut Vec<[T; LAYERS + 1]>) {
        let n = self.len();
        values.clear();
        values.resize(n, [T::NONE_HIGH, T::NONE_HIGH, T::NONE_HIGH, T::NONE_LOW]);
        let Some(first) = values.first_mut() else {
            return;
        };
        *first = [T::ZERO, T::NONE_HIGH, T::NONE_HIGH, T::ZERO];
        let penalty = T::from(2 * i32::from(k) - 1);
        for p in 0..n {
            let [h0, h1, h2, l] = values[p];
            for &step in &self.steps[self.first[p]..self.first[p + 1]] {
                let delta = T::from(step.gain) - penalty * T::from(step.stake);
                // Unreached counts hold a value so low that adding a path's steps keeps it
                // below every reached one, so no test is needed here.
                let Some(there) = values.get_mut(step.to()) else {
                    continue;
                };
                if step.serious() {
                    there[1] = there[1].max(h0 + delta);
                    there[2] = there[2].max(h1 + delta).max(h2 + delta);
                } else {
                    there[0] = there[0].max(h0 + delta);
                    there[1] = there[1].max(h1 + delta);
                    there[2] = there[2].max(h2 + delta);
                }
                there[3] = there[3].min(l + delta);
            }
        }
    }

    /// For every position and serious count, the highest (`best`) or lowest sum of
    /// `200·gain − (2k − 1)·stake` over the paths from the start to it, with the last edge and
    /// the count before it, to rebuild the path.
    fn sweep(&self, k: u8, best: bool) -> Sweep {
        let n = self.len();
        let none = if best { NONE_HIGH } else { NONE_LOW };
        let mut sweep = Sweep {
            value: vec![[none; LAYERS]; n],
            via: vec![[(usize::MAX, 0); LAYERS]; n],
        };
        if n == 0 {
            return sweep;
        }
        sweep.value[0][0] = 0;
        let penalty = 2 * i64::from(k) - 1;
        for p in 0..n {
            let here = sweep.value[p];
            for e in self.first[p]..self.first[p + 1] {
                let step = self.steps[e];
                let q = step.to();
                let delta = i64::from(step.gain) - penalty * i64::from(step.stake);
                for (layer, &v) in here.iter().enumerate() {
                    if v == none {
                        continue;
                    }
                    let to = layer_after(layer, step.serious());
                    let there = &mut sweep.value[q][to];
                    if (best && v + delta > *there) || (!best && v + delta < *there) {
                        *there = v + delta;
                        sweep.via[q][to] = (e, layer);
                    }
                }
            }
        }
        sweep
    }

    /// The path to position `p` with serious count `layer` along a sweep's `via` edges, as
    /// (from node, edge index).
    fn path_to(&self, mut p: usize, mut layer: usize, sweep: &Sweep) -> Vec<(usize, usize)> {
        let mut path = Vec::new();
        while p != 0 {
            let Some(&(e, before)) = sweep.via.get(p).and_then(|v| v.get(layer)) else {
                break;
            };
            let (Some(&step), Some(&from)) = (self.edge.get(e), self.from.get(e)) else {
                break;
            };
            path.push(step);
            // Edges only go forward, so this walk ends at the start.
            p = from;
            layer = before;
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
            for step in &self.steps[self.first[p]..self.first[p + 1]] {
                let q = step.to();
                count[q] = count[q].add(here);
            }
        }
        count
    }
}

struct Sweep {
    value: Vec<[i64; LAYERS]>,
    via: Vec<[(usize, usize); LAYERS]>,
}

/// What the paths to one node of the graph score.
#[derive(Debug, Clone, Copy)]
struct Reach {
    max_score: u8,
    min_score: u8,
    max_handling: u8,
    min_handling: u8,
}

/// What the paths to one ending node score: per serious count, the best handling of the
/// paths with that count (`None` when none arrives), and the worst handling of all of them.
#[derive(Debug, Clone, Copy)]
struct Handling {
    best: [Option<u8>; LAYERS],
    worst: Option<u8>,
}

/// The handling of the paths to each of `ends` (positions). One pass at a threshold `k`
/// tells for every node at once whether some path with each serious count has handling
/// ≥ `k` (its best sum is ≥ 0) and whether every path's does (its worst sum is ≥ 0). Both
/// answers are monotone in `k`, so each of the four numbers an ending needs (the best
/// handling per serious count and the worst handling) is the highest `k` in 0..=100 that
/// passes, found by a binary search. The searches of every ending run side by side: each
/// round sweeps once at every threshold some open search asks about, and all the searches
/// asking about it read their answer from that one pass. The searches share one fixed tree of
/// midpoints, so no threshold is swept twice: at most about log2(101) thresholds per distinct
/// answer, and never more than 100 passes whatever the size.
fn handling_ranges(dag: &Dag, ends: &[usize]) -> Vec<Handling> {
    if dag.sum_bound() <= i32::MAX_BOUND {
        ranges_in::<i32>(dag, ends)
    } else {
        ranges_in::<i64>(dag, ends)
    }
}

fn ranges_in<T: SweepSum>(dag: &Dag, ends: &[usize]) -> Vec<Handling> {
    /// The three best handlings, by serious count, then the worst.
    const QUERIES: usize = LAYERS + 1;
    // For each ending and query, the highest `k` known to pass and the highest that may.
    let mut bounds = vec![[(0u8, 100u8); QUERIES]; ends.len()];
    let mut reached = vec![[true; QUERIES]; ends.len()];
    let mut values: Vec<[T; QUERIES]> = Vec::new();
    let mut asking: Vec<Vec<(usize, usize)>> = vec![Vec::new(); 101];
    loop {
        for (i, b) in bounds.iter().enumerate() {
            for (q, &(low, high)) in b.iter().enumerate() {
                if low < high {
                    let mid = low + (high - low).div_ceil(2);
                    if let Some(at) = asking.get_mut(usize::from(mid)) {
                        at.push((i, q));
                    }
                }
            }
        }
        if asking.iter().all(Vec::is_empty) {
            break;
        }
        for (k, at) in asking.iter_mut().enumerate() {
            let Ok(k) = u8::try_from(k) else {
                continue;
            };
            if at.is_empty() {
                continue;
            }
            dag.sweep_both(k, &mut values);
            for (i, q) in at.drain(..) {
                let (Some(&p), Some(b), Some(r)) =
                    (ends.get(i), bounds.get_mut(i), reached.get_mut(i))
                else {
                    continue;
                };
                let (Some(value), Some(bound), Some(reach)) = (
                    values.get(p).and_then(|v| v.get(q)),
                    b.get_mut(q),
                    r.get_mut(q),
                ) else {
                    continue;
                };
                if !value.arrived() {
                    // No path with this count arrives, at any threshold.
                    *reach = false;
                    *bound = (0, 0);
                } else if *value >= T::ZERO {
                    bound.0 = k;
                } else {
                    bound.1 = k - 1;
                }
            }
        }
    }
    bounds
        .iter()
        .zip(&reached)
        .map(|(b, r)| {
            let mut best = [None; LAYERS];
            for ((best, &(low, _)), &arrives) in best.iter_mut().zip(b).zip(r) {
                *best = arrives.then_some(low);
            }
            let worst = if r[LAYERS] {
                Some(b[LAYERS].0)
            } else {
                best.iter().any(Option::is_some).then_some(100)
            };
            Handling { best, worst }
        })
        .collect()
}

fn reach(handling: &Handling, cap: u8) -> Option<Reach> {
    let worst = handling.worst?;
    let arriving = || {
        handling
            .best
            .iter()
            .enumerate()
            .filter_map(|(layer, best)| Some((layer, (*best)?)))
    };
    Some(Reach {
        max_score: arriving()
            .map(|(layer, best)| best.min(layer_cap(layer)))
            .max()?
            .min(cap),
        min_score: arriving()
            .map(|(layer, _)| layer_cap(layer))
            .fold(worst.min(cap), u8::min),
        max_handling: arriving().map(|(_, best)| best).max()?,
        min_handling: worst,
    })
}

fn summary(graph: &ConversationGraph, scenario: &ValidScenario, rules: &Rulebook) -> Summary {
    let client = scenario.scenario().client_type;
    let rating = |node: usize| graph.nodes.get(node).and_then(|n| n.rating(client));

    if graph.is_ending(graph.start) {
        // The only path is the empty one.
        let ending = node_id(graph, graph.start).to_owned();
        let (score, pieces) = grade_path(graph, scenario, rules, &[], &ending);
        let one = PathCount {
            count: 1,
            more_than: false,
        };
        let endings = outcome(graph, graph.start)
            .zip(rating(graph.start))
            .map(|(outcome, rating)| EndingSummary {
                ending: ending.clone(),
                outcome,
                rating,
                ending_cap: rating_cap(rating),
                paths: one,
                min_score: score,
                max_score: score,
                min_handling: pieces.handling,
                max_handling: pieces.handling,
            })
            .into_iter()
            .collect();
        let extreme = Extreme {
            score,
            pieces,
            choices: Vec::new(),
            ending,
        };
        return Summary {
            paths: one,
            best: extreme.clone(),
            worst: extreme,
            endings,
        };
    }

    let dag = Dag::new(graph);
    let counts = dag.count_paths();
    // Every ending reachable in the acyclic graph, with its position, in file order (and in
    // sweep order within one node of the file).
    let ends: Vec<(usize, usize, u8)> = graph
        .order
        .iter()
        .enumerate()
        .filter_map(|(p, &node)| Some((node, p, rating(node).map(rating_cap)?)))
        .collect();
    let positions: Vec<usize> = ends.iter().map(|&(_, p, _)| p).collect();
    let ranges = handling_ranges(&dag, &positions);
    let mut endings: Vec<(usize, usize, Reach)> = ends
        .iter()
        .zip(&ranges)
        .filter_map(|(&(node, p, cap), r)| Some((node, p, reach(r, cap)?)))
        .collect();
    endings.sort_by_key(|&(node, p, _)| (graph.file_nodes.get(node).copied(), p));

    // An ending reached with the client in different states is one node of the graph per
    // state; the trainer asks about the ending, so those are merged.
    let mut ending_summaries: Vec<EndingSummary> = Vec::new();
    let mut merged_at: HashMap<usize, usize> = HashMap::new();
    for &(node, p, r) in &endings {
        let (Some(outcome), Some(rating)) = (outcome(graph, node), rating(node)) else {
            continue;
        };
        let paths = counts.get(p).copied().unwrap_or(PathCount::ZERO);
        let file_node = graph.file_nodes.get(node).copied().unwrap_or(usize::MAX);
        match merged_at
            .get(&file_node)
            .and_then(|&i| ending_summaries.get_mut(i))
        {
            Some(merged) => {
                merged.min_score = merged.min_score.min(r.min_score);
                merged.max_score = merged.max_score.max(r.max_score);
                merged.min_handling = merged.min_handling.min(r.min_handling);
                merged.max_handling = merged.max_handling.max(r.max_handling);
                merged.paths = merged.paths.add(paths);
            }
            None => {
                merged_at.insert(file_node, ending_summaries.len());
                ending_summaries.push(EndingSummary {
                    ending: node_id(graph, node).to_owned(),
                    outcome,
                    rating,
                    ending_cap: rating_cap(rating),
                    paths,
                    min_score: r.min_score,
                    max_score: r.max_score,
                    min_handling: r.min_handling,
                    max_handling: r.max_handling,
                });
            }
        }
    }
    let total = endings
        .iter()
        .filter_map(|&(_, p, _)| counts.get(p).copied())
        .fold(PathCount::ZERO, PathCount::add);

    // One path for each extreme (at the first ending in file order that has it), found by
    // one threshold sweep and following the edges back; it is graded like any conversation.
    let best_at = endings
        .iter()
        .rev()
        .max_by_key(|(_, _, r)| r.max_score)
        .map(|&(_, p, r)| (p, r.max_score));
    let worst_at = endings
        .iter()
        .min_by_key(|(_, _, r)| r.min_score)
        .map(|&(_, p, r)| (p, r.min_score));
    let extreme = |p: usize, path: Vec<(usize, usize)>| {
        let steps: Vec<(usize, &Edge)> = path
            .iter()
            .filter_map(|&(from, i)| Some((from, graph.edges.get(from)?.get(i)?)))
            .collect();
        let ending = graph.order.get(p).map_or("", |&node| node_id(graph, node));
        let (score, pieces) = grade_path(graph, scenario, rules, &steps, ending);
        Extreme {
            score,
            pieces,
            choices: steps.iter().map(|(_, e)| e.choice.id.clone()).collect(),
            ending: ending.to_owned(),
        }
    };
    let (p, k) = best_at.unwrap_or((0, 0));
    // A path with a serious count whose cap allows `k` and handling of `k` or more.
    let sweep = dag.sweep(k, true);
    let layer = (0..LAYERS)
        .find(|&l| {
            layer_cap(l) >= k
                && sweep
                    .value
                    .get(p)
                    .is_some_and(|v| v[l] != NONE_HIGH && v[l] >= 0)
        })
        .unwrap_or(0);
    let best = extreme(p, dag.path_to(p, layer, &sweep));
    let (p, k) = worst_at.unwrap_or((0, 0));
    // A path whose headline is below `k + 1`: handling below it, or any path when a cap is.
    let sweep = dag.sweep(k.saturating_add(1), false);
    let cap = graph
        .order
        .get(p)
        .and_then(|&node| rating(node))
        .map_or(100, rating_cap);
    let reached = |l: usize| sweep.value.get(p).is_some_and(|v| v[l] != NONE_LOW);
    let layer = (0..LAYERS)
        .find(|&l| reached(l) && sweep.value.get(p).is_some_and(|v| v[l] < 0))
        .or_else(|| (0..LAYERS).find(|&l| reached(l) && (cap <= k || layer_cap(l) <= k)))
        .unwrap_or(0);
    let worst = extreme(p, dag.path_to(p, layer, &sweep));
    Summary {
        paths: total,
        best,
        worst,
        endings: ending_summaries,
    }
}
