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
    /// every edge that is not `back` leads to a later node (reverse post-order).
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
            loops: scenario_loops(scenario),
        };
        let mut index: HashMap<(usize, ClientState), usize> = HashMap::new();
        let mut intern = |graph: &mut ConversationGraph<'s>, node: usize, state: ClientState| {
            *index.entry((node, state)).or_insert_with(|| {
                graph.nodes.push(&model.nodes[node]);
                graph.file_nodes.push(node);
                graph.states.push(state);
                graph.edges.push(Vec::new());
                graph.nodes.len() - 1
            })
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
        graph.sort();
        graph
    }

    /// Fills `order`: reverse post-order of a depth-first walk from the start that takes no
    /// loop. Iterative, so a conversation thousands of decisions deep cannot overflow the
    /// stack.
    fn sort(&mut self) {
        let count = self.nodes.len();
        if self.start >= count {
            return;
        }
        let mut seen = vec![false; count];
        let mut post = Vec::with_capacity(count);
        // (node, index of the next choice to try)
        let mut route: Vec<(usize, usize)> = vec![(self.start, 0)];
        seen[self.start] = true;
        while let Some(&mut (node, ref mut next)) = route.last_mut() {
            match self.edges[node].get(*next) {
                Some(edge) => {
                    *next += 1;
                    if !edge.back && !seen[edge.to] {
                        seen[edge.to] = true;
                        route.push((edge.to, 0));
                    }
                }
                None => {
                    post.push(node);
                    route.pop();
                }
            }
        }
        post.reverse();
        self.order = post;
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
    let mut back = HashSet::new();
    let Some(start) = scenario.node_index(&scenario.scenario().start) else {
        return back;
    };
    let mut state = vec![UNSEEN; nodes.len()];
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
                        back.insert((node, to));
                    }
                    _ => {}
                }
            }
            None => {
                state[node] = DONE;
                route.pop();
            }
        }
    }
    back
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
