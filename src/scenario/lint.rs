//! Warnings: things that do not stop a scenario from being played but that a trainer should
//! look at before a trainee does. Ungraded choices, decisions where every option is graded the
//! same, and grading that contradicts the story. (A loop the trainee can leave is fine: it lets
//! a trainee recover; a loop with no way out is an error of validation.)
//! Runs only on scenarios that passed validation, so every reference resolves. Linear in the
//! size of the scenario.

use std::collections::HashMap;

use super::load::ValidScenario;
use super::locate::Locator;
use super::model::{Node, Outcome};
use super::validate::{Finding, node_id};
use crate::labels;
use crate::rules::choice_value;

/// A path to a won-over client with at least this many choices that break more rules than
/// they follow makes the ending look unearned.
pub const UNEARNED_BAD_CHOICES: usize = 3;

pub fn lint(scenario: &ValidScenario, source: &str) -> Vec<Finding> {
    let loc = Locator::new(source);
    let model = scenario.scenario();
    let mut found = Vec::new();
    let graph = Graph::new(scenario);

    // Per-choice and per-decision warnings.
    for (i, node) in model.nodes.iter().enumerate() {
        let Node::Decision { id, choices, .. } = node else {
            continue;
        };
        for (j, choice) in choices.iter().enumerate() {
            if choice.verdicts.is_empty() {
                found.push(Finding {
                    position: loc.choice(i, j, "verdicts"),
                    message: format!(
                        "choice \"{}\" has no rule verdict, so it cannot be graded",
                        choice.id
                    ),
                });
            }
        }
        if choices.len() == 1 {
            found.push(Finding {
                position: loc.node(i, "choices"),
                message: format!("decision \"{id}\" offers only one option: no real choice"),
            });
        } else if choices.len() > 1 {
            let first = choices.first().map(choice_value);
            if choices.iter().all(|c| Some(choice_value(c)) == first) {
                found.push(Finding {
                    position: loc.node(i, "choices"),
                    message: format!(
                        "every option at decision \"{id}\" is graded the same, so the choice teaches nothing"
                    ),
                });
            }
        }
    }

    if let Some(finding) = best_path_ends_badly(&graph, &loc) {
        found.push(finding);
    }
    found.extend(unearned_won_over(&graph, &loc));
    found.sort_by_key(|f| f.position);
    found
}

/// The scenario as index lists, for the graph walks.
struct Graph<'a> {
    scenario: &'a ValidScenario,
    start: usize,
    /// Per node: (target, choice value) for each choice.
    edges: Vec<Vec<(usize, i32)>>,
}

impl<'a> Graph<'a> {
    fn new(scenario: &'a ValidScenario) -> Self {
        let model = scenario.scenario();
        let index: HashMap<&str, usize> = model
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (node_id(n), i))
            .collect();
        let edges = model
            .nodes
            .iter()
            .map(|node| match node {
                Node::Decision { choices, .. } => choices
                    .iter()
                    .filter_map(|c| index.get(c.next.as_str()).map(|&j| (j, choice_value(c))))
                    .collect(),
                Node::Ending { .. } => Vec::new(),
            })
            .collect();
        let start = index.get(model.start.as_str()).copied().unwrap_or(0);
        Graph {
            scenario,
            start,
            edges,
        }
    }

    fn id(&self, i: usize) -> &str {
        self.scenario.scenario().nodes.get(i).map_or("", node_id)
    }

    fn outcome(&self, i: usize) -> Option<Outcome> {
        match self.scenario.scenario().nodes.get(i) {
            Some(Node::Ending { outcome, .. }) => Some(*outcome),
            _ => None,
        }
    }

    /// Nodes in an order where every edge that is not a back edge (of a depth-first walk from
    /// the start) goes forward: the conversation with its loops cut.
    fn forward_order(&self) -> (Vec<usize>, Vec<Vec<bool>>) {
        let n = self.edges.len();
        let mut state = vec![0u8; n]; // 0 new, 1 on the walk, 2 done
        let mut back: Vec<Vec<bool>> = self.edges.iter().map(|e| vec![false; e.len()]).collect();
        let mut post = Vec::with_capacity(n);
        let mut work = vec![(self.start, 0usize)];
        state[self.start] = 1;
        while let Some(&mut (v, ref mut e)) = work.last_mut() {
            if let Some(&(w, _)) = self.edges[v].get(*e) {
                let edge = *e;
                *e += 1;
                match state[w] {
                    0 => {
                        state[w] = 1;
                        work.push((w, 0));
                    }
                    1 => back[v][edge] = true,
                    _ => {}
                }
                continue;
            }
            state[v] = 2;
            post.push(v);
            work.pop();
        }
        post.reverse();
        (post, back)
    }
}

/// Following the best-graded option everywhere should be able to end well.
fn best_path_ends_badly(graph: &Graph, loc: &Locator) -> Option<Finding> {
    let n = graph.edges.len();
    let mut seen = vec![false; n];
    let mut stack = vec![graph.start];
    seen[graph.start] = true;
    let mut endings = Vec::new();
    while let Some(v) = stack.pop() {
        if let Some(outcome) = graph.outcome(v) {
            endings.push(outcome);
        }
        let best = graph.edges[v].iter().map(|&(_, value)| value).max();
        for &(w, value) in &graph.edges[v] {
            if Some(value) == best && !seen[w] {
                seen[w] = true;
                stack.push(w);
            }
        }
    }
    if endings.is_empty() || endings.iter().any(|&o| labels::outcome_is_good(o)) {
        return None;
    }
    endings.sort();
    endings.dedup();
    let names: Vec<&str> = endings.iter().map(|&o| labels::outcome(o)).collect();
    Some(Finding {
        position: loc.top("start"),
        message: format!(
            "a trainee who picks the best-graded option at every decision can only end with: {}; the grading and the story disagree",
            names.join(", ")
        ),
    })
}

/// A won-over ending reached by a path full of bad choices looks unearned.
fn unearned_won_over(graph: &Graph, loc: &Locator) -> Vec<Finding> {
    let (order, back) = graph.forward_order();
    // Most bad choices on a path from the start to each node, over the loop-free graph.
    let mut most: Vec<Option<usize>> = vec![None; graph.edges.len()];
    most[graph.start] = Some(0);
    for &v in &order {
        let Some(here) = most[v] else { continue };
        for (k, &(w, value)) in graph.edges[v].iter().enumerate() {
            if back[v][k] {
                continue;
            }
            let count = here + usize::from(value < 0);
            if most[w].is_none_or(|m| count > m) {
                most[w] = Some(count);
            }
        }
    }
    order
        .iter()
        .filter(|&&v| graph.outcome(v) == Some(Outcome::WonOver))
        .filter_map(|&v| most[v].filter(|&bad| bad >= UNEARNED_BAD_CHOICES).map(|bad| (v, bad)))
        .map(|(v, bad)| Finding {
            position: loc.node(v, "outcome"),
            message: format!(
                "a path with {bad} choices that break more rules than they follow still ends with the client won over at \"{}\"; is that ending earned?",
                graph.id(v)
            ),
        })
        .collect()
}
