//! A scenario as an indexed graph: nodes by position, each decision's choices as edges with the
//! score the grading gives them, and an order in which every edge but the loops goes forward.
//!
//! A conversation may loop ("let me explain that again" leading back to an earlier point). The
//! loops are the back edges of a depth-first walk from the start that tries choices in file
//! order; leaving them out gives an acyclic graph in which every node is still reachable (the
//! walk's own edges all stay), and that is the graph path summaries are computed over.

use std::collections::HashMap;

use crate::engine::MAX_AUTOMATIC_STEPS;
use crate::rules::{DecisionScale, choice_value};
use crate::scenario::{Choice, ClientState, Node, ValidScenario};

/// One choice, from the decision it is offered at to the node it leads to.
#[derive(Debug, Clone, Copy)]
pub struct Edge<'s> {
    pub choice: &'s Choice,
    /// Index of the node it leads to.
    pub to: usize,
    /// This option's decision score, 0–1, as grading computes it.
    pub score: f64,
    /// Whether it leads back to a node on the depth-first walk's current route: a loop.
    pub back: bool,
}

/// The conversation as the trainee can walk it: one node for each decision or ending *in each
/// client state it can be reached in*. Routes are resolved on the way, so every path follows
/// the route its client's mood and trust would really take, and the graph holds only decisions
/// and endings. Mood and trust each take seven values, so a scenario's graph is at most 49
/// times its size, and usually barely larger.
#[derive(Debug, Clone)]
pub struct ConversationGraph<'s> {
    pub nodes: Vec<&'s Node>,
    /// The client's state at each node.
    pub states: Vec<ClientState>,
    /// Outgoing edges of each node, in choice order; empty for endings.
    pub edges: Vec<Vec<Edge<'s>>>,
    pub start: usize,
    /// The nodes reachable from the start, start first, in an order in which every edge that
    /// is not `back` leads to a later node (reverse post-order of the walk).
    pub order: Vec<usize>,
}

impl<'s> ConversationGraph<'s> {
    pub fn new(scenario: &'s ValidScenario) -> Self {
        let model = scenario.scenario();
        let mut graph = ConversationGraph {
            nodes: Vec::new(),
            states: Vec::new(),
            edges: Vec::new(),
            start: 0,
            order: Vec::new(),
        };
        let mut index: HashMap<(usize, ClientState), usize> = HashMap::new();
        let mut intern = |graph: &mut ConversationGraph<'s>, node: usize, state: ClientState| {
            *index.entry((node, state)).or_insert_with(|| {
                graph.nodes.push(&model.nodes[node]);
                graph.states.push(state);
                graph.edges.push(Vec::new());
                graph.nodes.len() - 1
            })
        };
        let Some(start) = scenario
            .node_index(&model.start)
            .and_then(|n| resolve(scenario, n, model.initial))
        else {
            return graph;
        };
        graph.start = intern(&mut graph, start, model.initial);
        // Each node is expanded once, in the order it was first reached.
        let mut next = 0;
        while next < graph.nodes.len() {
            let (node, state) = (graph.nodes[next], graph.states[next]);
            if let Node::Decision { choices, .. } = node {
                let scale = DecisionScale::of(choices);
                for choice in choices {
                    let after = state.after(choice.effect);
                    // Validation guarantees every `next` names a node and routes cannot loop.
                    let Some(to) = scenario
                        .node_index(&choice.next)
                        .and_then(|n| resolve(scenario, n, after))
                    else {
                        continue;
                    };
                    let to = intern(&mut graph, to, after);
                    graph.edges[next].push(Edge {
                        choice,
                        to,
                        score: scale.score(choice_value(choice)),
                        back: false,
                    });
                }
            }
            next += 1;
        }
        graph.walk();
        graph
    }

    /// The depth-first walk from the start: marks back edges and fills `order`. Iterative, so
    /// a conversation thousands of decisions deep cannot overflow the stack.
    fn walk(&mut self) {
        const UNSEEN: u8 = 0;
        const ON_ROUTE: u8 = 1;
        const DONE: u8 = 2;
        let count = self.nodes.len();
        if self.start >= count {
            return;
        }
        let mut state = vec![UNSEEN; count];
        let mut post = Vec::with_capacity(count);
        // (node, index of the next choice to try)
        let mut route: Vec<(usize, usize)> = vec![(self.start, 0)];
        state[self.start] = ON_ROUTE;
        while let Some(&mut (node, ref mut next)) = route.last_mut() {
            match self.edges[node].get_mut(*next) {
                Some(edge) => {
                    *next += 1;
                    match state[edge.to] {
                        UNSEEN => {
                            state[edge.to] = ON_ROUTE;
                            route.push((edge.to, 0));
                        }
                        ON_ROUTE => edge.back = true,
                        _ => {}
                    }
                }
                None => {
                    state[node] = DONE;
                    post.push(node);
                    route.pop();
                }
            }
        }
        post.reverse();
        self.order = post;
    }

    /// The loops: every back edge as (from node, edge).
    pub fn back_edges(&self) -> impl Iterator<Item = (usize, &Edge<'s>)> {
        self.edges
            .iter()
            .enumerate()
            .flat_map(|(from, edges)| edges.iter().filter(|e| e.back).map(move |e| (from, e)))
    }

    pub fn is_ending(&self, node: usize) -> bool {
        matches!(self.nodes.get(node), Some(Node::Ending { .. }))
    }
}

/// The decision or ending a client in `state` ends up at from `node`, following routes.
fn resolve(scenario: &ValidScenario, mut node: usize, state: ClientState) -> Option<usize> {
    for _ in 0..=MAX_AUTOMATIC_STEPS {
        let here = scenario.scenario().nodes.get(node)?;
        match here.route(state) {
            Some(next) => node = scenario.node_index(next)?,
            None => return Some(node),
        }
    }
    None
}
