//! Warnings: things that do not stop a scenario from being played but that a trainer should
//! look at before a trainee does. Ungraded choices, decisions where every option is graded the
//! same, and grading that contradicts the story. (A loop the trainee can leave is fine: it lets
//! a trainee recover; a loop with no way out is an error of validation.)
//! Runs only on scenarios that passed validation, so every reference resolves. Linear in the
//! size of the scenario.

mod grading;

use std::collections::{HashMap, HashSet};

use super::load::ValidScenario;
use super::locate::{LazyLocator, Locator};
use super::model::{ClientState, Node, Outcome, STATE_MAX, STATE_MIN};
use super::validate::{Finding, node_id};
use crate::rules::choice_value;

/// A path to a won-over client with at least this many choices that break more rules than
/// they follow makes the ending look unearned.
pub const UNEARNED_BAD_CHOICES: usize = 3;

/// A warning with its stable code, which `check --format json` reports and
/// `docs/scenario-format.md` explains.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lint {
    pub code: &'static str,
    pub position: super::locate::Position,
    pub message: String,
}

pub fn lint(scenario: &ValidScenario, source: &str) -> Vec<Lint> {
    let loc = LazyLocator::new(source);
    let model = scenario.scenario();
    let mut found: Vec<(&'static str, Finding)> = Vec::new();

    // Per-choice and per-decision warnings.
    for (i, node) in model.nodes.iter().enumerate() {
        let Node::Decision { id, choices, .. } = node else {
            continue;
        };
        for (j, choice) in choices.iter().enumerate() {
            if choice.verdicts.is_empty() {
                found.push((
                    "ungraded-choice",
                    Finding {
                        position: loc.choice(i, j, "verdicts"),
                        message: format!(
                            "choice \"{}\" has no rule verdict, so it cannot be graded",
                            choice.id
                        ),
                    },
                ));
            }
        }
        if choices.len() == 1 {
            found.push((
                "single-option",
                Finding {
                    position: loc.node(i, "choices"),
                    message: format!("decision \"{id}\" offers only one option: no real choice"),
                },
            ));
        } else if choices.len() > 1 && choices.iter().any(|c| !c.verdicts.is_empty()) {
            // (When none is graded yet, the warnings about each choice already say so.)
            let first = choices.first().map(choice_value);
            if choices.iter().all(|c| Some(choice_value(c)) == first) {
                found.push((
                    "all-options-equal",
                    Finding {
                        position: loc.node(i, "choices"),
                        message: format!(
                            "every option at decision \"{id}\" is graded the same, so the choice teaches nothing"
                        ),
                    },
                ));
            }
        }
    }

    if model.language != "en" && model.client.gender.is_none() {
        found.push((
            "client-gender-missing",
            Finding {
                position: loc.nested("client", "name"),
                message: format!(
                    "the client has no `gender`: in \"{}\" the words about the client (mood, trust) agree with it, and without it they take the general form; add `gender: Feminine` or `gender: Masculine` to `client`",
                    model.language
                ),
            },
        ));
    }

    let graph = Graph::new(scenario);
    if let Some(finding) = best_path_ends_badly(&graph, &loc) {
        found.push(("best-path-ends-badly", finding));
    }
    found.extend(
        unearned_won_over(&graph, &loc)
            .into_iter()
            .map(|f| ("unearned-won-over", f)),
    );
    found.extend(grading::lint(&graph, &loc));
    let mut lints: Vec<Lint> = found
        .into_iter()
        .map(|(code, f)| Lint {
            code,
            position: f.position,
            message: f.message,
        })
        .collect();
    lints.sort_by_key(|l| l.position);
    lints
}

/// Number of distinct client states: mood and trust each take seven values.
const STATES: usize = 49;

fn state_index(state: ClientState) -> usize {
    let axis = |v: i8| usize::try_from(v.clamp(STATE_MIN, STATE_MAX) - STATE_MIN).unwrap_or(0);
    axis(state.mood) * 7 + axis(state.trust)
}

/// The scenario as index lists, for the graph walks. The walks follow the client's state as
/// well as the node, so routes go where they really would.
struct Graph<'a> {
    scenario: &'a ValidScenario,
    index: HashMap<&'a str, usize>,
    start: usize,
    /// Per node, the nodes it can lead to (for a decision, one per choice in order).
    targets: Vec<Vec<usize>>,
}

/// Where a step from a node in a state goes: the next node, the state there, and whether the
/// step was a choice that breaks more rules than it follows.
struct Step {
    to: usize,
    state: ClientState,
    bad: bool,
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
        let targets = model
            .nodes
            .iter()
            .map(|node| {
                node.targets()
                    .iter()
                    .filter_map(|t| index.get(t).copied())
                    .collect()
            })
            .collect();
        let start = index.get(model.start.as_str()).copied().unwrap_or(0);
        Graph {
            scenario,
            index,
            start,
            targets,
        }
    }

    fn node(&self, i: usize) -> Option<&'a Node> {
        self.scenario.scenario().nodes.get(i)
    }

    fn id(&self, i: usize) -> &str {
        self.node(i).map_or("", node_id)
    }

    fn outcome(&self, i: usize) -> Option<Outcome> {
        match self.node(i) {
            Some(Node::Ending { outcome, .. }) => Some(*outcome),
            _ => None,
        }
    }

    /// Every step from node `v` with the client in `state`, with the index of the choice
    /// taken (`None` for a route's step).
    fn steps_indexed(&self, v: usize, state: ClientState) -> Vec<(Option<usize>, Step)> {
        match self.node(v) {
            Some(Node::Decision { choices, .. }) => choices
                .iter()
                .enumerate()
                .filter_map(|(j, c)| {
                    Some((
                        Some(j),
                        Step {
                            to: *self.index.get(c.next.as_str())?,
                            state: state.after(c.effect),
                            bad: choice_value(c) < 0,
                        },
                    ))
                })
                .collect(),
            _ => self
                .steps(v, state, false)
                .into_iter()
                .map(|s| (None, s))
                .collect(),
        }
    }

    /// The steps a trainee can take from node `v` with the client in `state`; with
    /// `best_only`, only the best-graded choices.
    fn steps(&self, v: usize, state: ClientState, best_only: bool) -> Vec<Step> {
        match self.node(v) {
            Some(Node::Decision { choices, .. }) => {
                let best = choices.iter().map(choice_value).max();
                choices
                    .iter()
                    .filter(|c| !best_only || Some(choice_value(c)) == best)
                    .filter_map(|c| {
                        Some(Step {
                            to: *self.index.get(c.next.as_str())?,
                            state: state.after(c.effect),
                            bad: choice_value(c) < 0,
                        })
                    })
                    .collect()
            }
            Some(node @ Node::Route { .. }) => node
                .route(state)
                .and_then(|next| self.index.get(next))
                .map(|&to| Step {
                    to,
                    state,
                    bad: false,
                })
                .into_iter()
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Nodes in an order where every edge that is not a back edge (of a depth-first walk from
    /// the start) goes forward: the conversation with its loops cut. Also which (from, to)
    /// pairs are back edges.
    fn forward_order(&self) -> (Vec<usize>, HashSet<(usize, usize)>) {
        let n = self.targets.len();
        let mut state = vec![0u8; n]; // 0 new, 1 on the walk, 2 done
        let mut back = HashSet::new();
        let mut post = Vec::with_capacity(n);
        let mut work = vec![(self.start, 0usize)];
        state[self.start] = 1;
        while let Some(&mut (v, ref mut e)) = work.last_mut() {
            if let Some(&w) = self.targets[v].get(*e) {
                *e += 1;
                match state[w] {
                    0 => {
                        state[w] = 1;
                        work.push((w, 0));
                    }
                    1 => {
                        back.insert((v, w));
                    }
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
    let initial = graph.scenario.scenario().initial;
    let kind = graph.scenario.scenario().client_type;
    let mut seen = vec![[false; STATES]; graph.targets.len()];
    let mut stack = vec![(graph.start, initial)];
    seen[graph.start][state_index(initial)] = true;
    let mut endings = Vec::new();
    while let Some((v, state)) = stack.pop() {
        if let Some(rating) = graph.node(v).and_then(|n| n.rating(kind)) {
            endings.push(rating);
        }
        for step in graph.steps(v, state, true) {
            let k = state_index(step.state);
            if !seen[step.to][k] {
                seen[step.to][k] = true;
                stack.push((step.to, step.state));
            }
        }
    }
    if endings.is_empty() || endings.iter().any(|r| r.is_good()) {
        return None;
    }
    endings.sort();
    endings.dedup();
    let names: Vec<String> = endings.iter().map(|o| format!("{o:?}")).collect();
    Some(Finding {
        position: loc.top("start"),
        message: format!(
            "a trainee who picks the best-graded option at every decision can only reach endings rated {}; the grading and the story disagree",
            names.join(", ")
        ),
    })
}

/// A won-over ending reached by a path full of bad choices looks unearned.
fn unearned_won_over(graph: &Graph, loc: &Locator) -> Vec<Finding> {
    let (order, back) = graph.forward_order();
    let initial = graph.scenario.scenario().initial;
    // Most bad choices on a path from the start to each (node, state), over the loop-free
    // graph.
    let mut most: Vec<[Option<usize>; STATES]> = vec![[None; STATES]; graph.targets.len()];
    most[graph.start][state_index(initial)] = Some(0);
    for &v in &order {
        for k in 0..STATES {
            let Some(here) = most[v][k] else { continue };
            let state = state_from_index(k);
            for step in graph.steps(v, state, false) {
                if back.contains(&(v, step.to)) {
                    continue;
                }
                let count = here + usize::from(step.bad);
                let slot = &mut most[step.to][state_index(step.state)];
                if slot.is_none_or(|m| count > m) {
                    *slot = Some(count);
                }
            }
        }
    }
    order
        .iter()
        .filter(|&&v| graph.outcome(v) == Some(Outcome::WonOver))
        .filter_map(|&v| {
            let bad = most[v].iter().flatten().copied().max()?;
            (bad >= UNEARNED_BAD_CHOICES).then_some((v, bad))
        })
        .map(|(v, bad)| Finding {
            position: loc.node(v, "outcome"),
            message: format!(
                "a path with {bad} choices that break more rules than they follow still ends with the client won over at \"{}\"; is that ending earned? (A Route on the client's trust can keep it for those who earned it.)",
                graph.id(v)
            ),
        })
        .collect()
}

fn state_from_index(k: usize) -> ClientState {
    let value = |i: usize| i8::try_from(i).map_or(STATE_MAX, |i| i + STATE_MIN);
    ClientState {
        mood: value(k / 7),
        trust: value(k % 7),
    }
}
