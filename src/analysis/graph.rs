//! A scenario as an indexed graph: nodes by position, each decision's choices as edges with
//! what grading makes of them, and an order in which every edge but the loops goes forward.
//!
//! A conversation may loop ("let me explain that again" leading back to an earlier point). The
//! loops are found in the scenario as written, not in the graph of client states: they are the
//! back edges of a depth-first walk over the file's nodes (decisions, routes and endings) from
//! the start, trying targets in file order, the same walk `composure graph` draws loops
//! dashed by. Leaving them out leaves the scenario acyclic, so a path that takes no loop never
//! visits a node of the file twice, whatever states the client passes through. (Finding loops
//! among (node, state) pairs instead would miss a loop that changes the client's mood on each
//! round: it unrolls into a chain of distinct states of the same nodes.)

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::engine::MAX_AUTOMATIC_STEPS;
use crate::rules::{DecisionScale, choice_value, is_serious};
use crate::scenario::model::{STATE_MAX, STATE_MIN};
use crate::scenario::{Choice, ClientState, Node, ValidScenario};

/// One choice, from the decision it is offered at to the node it leads to.
#[derive(Debug, Clone)]
pub struct Edge<'s> {
    pub choice: &'s Choice,
    /// Index of the node it leads to.
    pub to: usize,
    /// The routes passed on the way there, as a range of [`ConversationGraph::routes`].
    pub routes: Range<usize>,
    /// This option's value above the worst option at its decision: its decision score times
    /// its stake, as grading computes them.
    pub gain: i32,
    /// The decision's stake: the spread between its best and worst option.
    pub stake: i32,
    /// Whether choosing it is a serious mistake ([`is_serious`]).
    pub serious: bool,
    /// Whether it, or a route it passes, takes a loop of the scenario.
    pub back: bool,
}

/// The conversation as the trainee can walk it: one node for each decision or ending *in each
/// client state it can be reached in*. Routes are resolved on the way, so every path follows
/// the route its client's mood and trust would really take, and the graph holds only decisions
/// and endings. Mood and trust each take seven values, so a scenario's graph is at most 49
/// times its size (the synthetic benchmark scenarios, where every choice moves the client,
/// come to about 40 times).
#[derive(Debug, Clone)]
pub struct ConversationGraph<'s> {
    pub nodes: Vec<&'s Node>,
    /// Each node's index in the scenario file's `nodes`.
    pub file_nodes: Vec<usize>,
    /// The client's state at each node.
    pub states: Vec<ClientState>,
    /// Outgoing edges of each node, in choice order; empty for endings.
    pub edges: Vec<Vec<Edge<'s>>>,
    pub start: usize,
    /// The routes passed from the scenario's `start` to `start`.
    pub start_routes: Range<usize>,
    /// Indices into the file's `nodes` of the routes each edge passes, edge after edge.
    pub routes: Vec<usize>,
    /// The loops of the scenario as written ([`scenario_loops`]).
    pub loops: HashSet<(usize, usize)>,
    /// The nodes reachable from the start without a loop, start first, in an order in which
    /// every edge that is not `back` leads to a later node (see [`ConversationGraph::sort`]).
    pub order: Vec<usize>,
}

impl<'s> ConversationGraph<'s> {
    pub fn new(scenario: &'s ValidScenario) -> Self {
        let model = scenario.scenario();
        let mut graph = ConversationGraph {
            nodes: Vec::new(),
            file_nodes: Vec::new(),
            states: Vec::new(),
            edges: Vec::new(),
            start: 0,
            start_routes: 0..0,
            routes: Vec::new(),
            order: Vec::new(),
            loops: HashSet::new(),
        };
        let walk = walk_file(scenario);
        graph.loops = walk.loops;
        // Each (node, state) pair's index in the graph: a table with a slot for every state
        // of every node of the file, so finding a pair is one look-up, not a hash. A state
        // off the scale (validation refuses one) would go to `others`.
        const SIDE: usize = (STATE_MAX - STATE_MIN + 1) as usize;
        let slot = |node: usize, state: ClientState| {
            let axis = |v: i8| {
                usize::try_from(i16::from(v) - i16::from(STATE_MIN))
                    .ok()
                    .filter(|&a| a < SIDE)
            };
            Some((node * SIDE + axis(state.mood)?) * SIDE + axis(state.trust)?)
        };
        let mut table = vec![usize::MAX; model.nodes.len() * SIDE * SIDE];
        let mut others: HashMap<(usize, ClientState), usize> = HashMap::new();
        let mut intern = |graph: &mut ConversationGraph<'s>, node: usize, state: ClientState| {
            let entry = match slot(node, state).and_then(|i| table.get_mut(i)) {
                Some(entry) => entry,
                None => others.entry((node, state)).or_insert(usize::MAX),
            };
            if *entry == usize::MAX {
                graph.nodes.push(&model.nodes[node]);
                graph.file_nodes.push(node);
                graph.states.push(state);
                graph.edges.push(Vec::new());
                *entry = graph.nodes.len() - 1;
            }
            *entry
        };
        let Some(start) = scenario.node_index(&model.start) else {
            return graph;
        };
        let Some((start, start_routes)) =
            resolve(scenario, start, model.initial, &mut graph.routes)
        else {
            return graph;
        };
        graph.start_routes = start_routes;
        graph.start = intern(&mut graph, start, model.initial);
        // Each node is expanded once, in the order it was first reached.
        let mut next = 0;
        while next < graph.nodes.len() {
            let (node, state, from) = (
                graph.nodes[next],
                graph.states[next],
                graph.file_nodes[next],
            );
            if let Node::Decision { choices, .. } = node {
                let scale = DecisionScale::of(choices);
                for choice in choices {
                    let after = state.after(choice.effect);
                    // Validation guarantees every `next` names a node and routes cannot loop.
                    let Some(first) = scenario.node_index(&choice.next) else {
                        continue;
                    };
                    let Some((to, routes)) = resolve(scenario, first, after, &mut graph.routes)
                    else {
                        continue;
                    };
                    // The steps through the file this choice takes: decision, routes, target.
                    let passed = graph.routes.get(routes.clone()).unwrap_or(&[]);
                    let back = std::iter::once(&from)
                        .chain(passed)
                        .zip(passed.iter().chain([&to]))
                        .any(|(&a, &b)| graph.loops.contains(&(a, b)));
                    let to = intern(&mut graph, to, after);
                    graph.edges[next].push(Edge {
                        choice,
                        to,
                        routes,
                        gain: choice_value(choice) - scale.worst,
                        stake: scale.stake(),
                        serious: is_serious(choice, choices),
                        back,
                    });
                }
            }
            next += 1;
        }
        graph.sort(&walk.order);
        graph
    }

    /// Fills `order` with the nodes reachable from the start without a loop, grouped by the
    /// node of the file they stand for, in the file's reverse post-order (`file_order`), and
    /// within a node of the file in the order they were first reached. Every edge that takes
    /// no loop passes steps of the file that are not loops of its walk, and each such step
    /// goes forward in that order, so the edge does too. Grouping the client states of one
    /// node together keeps a sweep's reads and writes near each other: a choice leads to a
    /// node of the file a few places on, not to a state anywhere in the graph. Linear: a walk
    /// for what is reachable, then a counting sort by the file's order.
    fn sort(&mut self, file_order: &[usize]) {
        let count = self.nodes.len();
        if self.start >= count {
            return;
        }
        let mut seen = vec![false; count];
        seen[self.start] = true;
        let mut stack = vec![self.start];
        while let Some(node) = stack.pop() {
            for edge in &self.edges[node] {
                if !edge.back && !seen[edge.to] {
                    seen[edge.to] = true;
                    stack.push(edge.to);
                }
            }
        }
        // How many reachable nodes each position of the file's order holds, then where each
        // position's group begins.
        let place = |node: usize| {
            self.file_nodes
                .get(node)
                .and_then(|&f| file_order.get(f))
                .copied()
                .filter(|&p| p != usize::MAX)
        };
        let mut begins = vec![0usize; file_order.len() + 1];
        for node in (0..count).filter(|&n| seen[n]) {
            if let Some(p) = place(node) {
                begins[p + 1] += 1;
            }
        }
        for p in 0..file_order.len() {
            begins[p + 1] += begins[p];
        }
        let mut order = vec![usize::MAX; begins.last().copied().unwrap_or(0)];
        for node in (0..count).filter(|&n| seen[n]) {
            if let Some(p) = place(node)
                && let Some(slot) = order.get_mut(begins[p])
            {
                *slot = node;
                begins[p] += 1;
            }
        }
        self.order = order;
    }

    /// Every edge that takes a loop, as (from node, edge).
    pub fn back_edges(&self) -> impl Iterator<Item = (usize, &Edge<'s>)> {
        self.edges
            .iter()
            .enumerate()
            .flat_map(|(from, edges)| edges.iter().filter(|e| e.back).map(move |e| (from, e)))
    }

    /// The routes an edge passes, as indices into the file's `nodes`.
    pub fn routes_of(&self, edge: &Edge<'s>) -> &[usize] {
        self.routes.get(edge.routes.clone()).unwrap_or(&[])
    }

    pub fn is_ending(&self, node: usize) -> bool {
        matches!(self.nodes.get(node), Some(Node::Ending { .. }))
    }
}

/// The loops of a scenario as written: every (from, to) pair of indices into its `nodes`
/// that leads back to a node on the current route of a depth-first walk from the start,
/// trying each node's targets (choices, or a route's branches) in file order.
pub fn scenario_loops(scenario: &ValidScenario) -> HashSet<(usize, usize)> {
    walk_file(scenario).loops
}

/// The depth-first walk over the file's nodes that finds its loops.
struct FileWalk {
    /// The steps that lead back to a node on the walk's current route.
    loops: HashSet<(usize, usize)>,
    /// Each node's place in the walk's reverse post-order (`usize::MAX` when the start does
    /// not reach it): every step that is not a loop leads to a later place.
    order: Vec<usize>,
}

fn walk_file(scenario: &ValidScenario) -> FileWalk {
    const UNSEEN: u8 = 0;
    const ON_ROUTE: u8 = 1;
    const DONE: u8 = 2;
    let nodes = &scenario.scenario().nodes;
    let targets: Vec<Vec<usize>> = nodes
        .iter()
        .map(|n| {
            n.targets()
                .iter()
                .filter_map(|t| scenario.node_index(t))
                .collect()
        })
        .collect();
    let mut walk = FileWalk {
        loops: HashSet::new(),
        order: vec![usize::MAX; nodes.len()],
    };
    let Some(start) = scenario.node_index(&scenario.scenario().start) else {
        return walk;
    };
    let mut state = vec![UNSEEN; nodes.len()];
    let mut finished = Vec::with_capacity(nodes.len());
    let mut route = vec![(start, 0usize)];
    state[start] = ON_ROUTE;
    while let Some(&mut (node, ref mut next)) = route.last_mut() {
        match targets[node].get(*next) {
            Some(&to) => {
                *next += 1;
                match state[to] {
                    UNSEEN => {
                        state[to] = ON_ROUTE;
                        route.push((to, 0));
                    }
                    ON_ROUTE => {
                        walk.loops.insert((node, to));
                    }
                    _ => {}
                }
            }
            None => {
                state[node] = DONE;
                finished.push(node);
                route.pop();
            }
        }
    }
    for (place, &node) in finished.iter().rev().enumerate() {
        walk.order[node] = place;
    }
    walk
}

/// The decision or ending a client in `state` ends up at from `node`, following routes, and
/// the range of `passed` where the routes on the way were recorded.
fn resolve(
    scenario: &ValidScenario,
    mut node: usize,
    state: ClientState,
    passed: &mut Vec<usize>,
) -> Option<(usize, Range<usize>)> {
    let first = passed.len();
    for _ in 0..=MAX_AUTOMATIC_STEPS {
        let Some(here) = scenario.scenario().nodes.get(node) else {
            break;
        };
        match here.route(state) {
            Some(next) => {
                passed.push(node);
                match scenario.node_index(next) {
                    Some(next) => node = next,
                    None => break,
                }
            }
            None => return Some((node, first..passed.len())),
        }
    }
    passed.truncate(first);
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rulebook;
    use crate::scenario::load_source;
    use crate::scenario::synth::synth_scenario;

    /// `order` holds every node reachable without a loop once, the start first, and every
    /// edge that takes no loop goes forward in it: what the sweeps of `paths` rely on.
    fn assert_order_is_topological(graph: &ConversationGraph) {
        let mut position = vec![None; graph.nodes.len()];
        for (p, &node) in graph.order.iter().enumerate() {
            assert!(
                position[node].is_none(),
                "node {node} is in the order twice"
            );
            position[node] = Some(p);
        }
        assert_eq!(graph.order.first(), Some(&graph.start));
        let mut reachable = 0;
        for (from, edges) in graph.edges.iter().enumerate() {
            let Some(here) = position[from] else {
                continue;
            };
            reachable += 1;
            for edge in edges.iter().filter(|e| !e.back) {
                let there = position[edge.to].expect("a reached node is ordered");
                assert!(here < there, "edge {from} → {} goes back", edge.to);
            }
        }
        assert_eq!(reachable, graph.order.len());
    }

    #[test]
    fn every_edge_but_the_loops_goes_forward_in_the_order() {
        let rules = Rulebook::embedded().unwrap();
        for seed in 0..40 {
            for nodes in [2, 7, 30, 200] {
                let text = synth_scenario(nodes, seed, &rules);
                let scenario = load_source("synthetic.ron", &text, &rules).unwrap();
                assert_order_is_topological(&ConversationGraph::new(&scenario));
            }
        }
        for (name, text) in crate::scenario::library::embedded_sources() {
            let scenario = load_source(&name, text, &rules).unwrap();
            assert_order_is_topological(&ConversationGraph::new(&scenario));
        }
    }
}
