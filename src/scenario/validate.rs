//! The checks a parsed scenario must pass before anyone plays it: ids, references, the graph
//! (reachability both ways), and verdicts against the rulebook. Every problem is collected, not
//! only the first, and each carries the position of what it is about. All checks are linear in
//! the size of the scenario.

use std::collections::{HashMap, HashSet};

use super::locate::{Locator, Position};
use super::model::{FORMAT_VERSION, Node, STATE_MAX, STATE_MIN, Scenario, Verdict};
use crate::rules::{RuleScope, Rulebook};

/// One thing wrong with a scenario, at a place in its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub position: Position,
    pub message: String,
}

/// Lowest and highest verdict weight.
pub const WEIGHT_MIN: u8 = 1;
pub const WEIGHT_MAX: u8 = 3;

/// Whether `id` is a valid scenario, node or choice id: lowercase ASCII letters, digits and
/// dashes, starting with a letter or digit.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Runs every check and returns what it found, in source order.
pub fn validate(scenario: &Scenario, source: &str, rules: &Rulebook) -> Vec<Finding> {
    let loc = Locator::new(source);
    let mut out = Checker {
        loc,
        found: Vec::new(),
    };
    out.header(scenario);
    let index = out.node_ids(scenario);
    out.choices(scenario, &index, rules);
    out.graph(scenario, &index);
    out.found.sort_by_key(|f| f.position);
    out.found
}

struct Checker<'a> {
    loc: Locator<'a>,
    found: Vec<Finding>,
}

impl Checker<'_> {
    fn report(&mut self, position: Position, message: impl Into<String>) {
        self.found.push(Finding {
            position,
            message: message.into(),
        });
    }

    fn header(&mut self, s: &Scenario) {
        if s.format != FORMAT_VERSION {
            let at = self.loc.top("format");
            self.report(
                at,
                format!(
                    "unsupported format version {}; this Composure reads format {FORMAT_VERSION}",
                    s.format
                ),
            );
        }
        if !is_valid_id(&s.id) {
            let at = self.loc.top("id");
            self.report(at, id_message("scenario id", &s.id));
        }
        for (key, text) in [("title", &s.title), ("language", &s.language)] {
            if text.trim().is_empty() {
                let at = self.loc.top(key);
                self.report(at, format!("`{key}` is empty"));
            }
        }
        for (parent, key, text) in [
            ("briefing", "situation", &s.briefing.situation),
            ("briefing", "goal", &s.briefing.goal),
            ("client", "name", &s.client.name),
            ("client", "persona", &s.client.persona),
        ] {
            if text.trim().is_empty() {
                let at = self.loc.nested(parent, key);
                self.report(at, format!("`{parent}.{key}` is empty"));
            }
        }
        for (key, value) in [("mood", s.initial.mood), ("trust", s.initial.trust)] {
            if !(STATE_MIN..=STATE_MAX).contains(&value) {
                let at = self.loc.nested("initial", key);
                self.report(at, range_message(&format!("initial {key}"), value));
            }
        }
        if s.nodes.is_empty() {
            let at = self.loc.top("nodes");
            self.report(at, "the scenario has no nodes");
        }
    }

    /// Checks node ids and returns the index of the first node with each id.
    fn node_ids<'s>(&mut self, s: &'s Scenario) -> HashMap<&'s str, usize> {
        let mut index = HashMap::with_capacity(s.nodes.len());
        for (i, node) in s.nodes.iter().enumerate() {
            let id = node_id(node);
            if !is_valid_id(id) {
                let at = self.loc.node(i, "id");
                self.report(at, id_message("node id", id));
            }
            if let Some(first) = index.insert(id, i) {
                let at = self.loc.node(i, "id");
                self.report(at, format!("duplicate node id \"{id}\""));
                // Keep the first one as the target of references.
                index.insert(id, first);
            }
            let says = node_says(node);
            if says.is_empty() {
                let at = self.loc.node(i, "says");
                self.report(at, format!("node \"{id}\" has no line in `says`"));
            } else if says.iter().any(|line| line.trim().is_empty()) {
                let at = self.loc.node(i, "says");
                self.report(at, format!("node \"{id}\" has an empty line in `says`"));
            }
            match node {
                Node::Decision { choices, .. } if choices.is_empty() => {
                    let at = self.loc.node(i, "choices");
                    self.report(
                        at,
                        format!(
                            "decision \"{id}\" has no choices; make it an Ending or add choices"
                        ),
                    );
                }
                Node::Ending { closing, .. } if closing.trim().is_empty() => {
                    let at = self.loc.node(i, "closing");
                    self.report(at, format!("ending \"{id}\" has an empty `closing`"));
                }
                _ => {}
            }
        }
        if !index.contains_key(s.start.as_str()) {
            let at = self.loc.top("start");
            self.report(at, format!("`start` names a missing node \"{}\"", s.start));
        }
        index
    }

    fn choices(&mut self, s: &Scenario, index: &HashMap<&str, usize>, rules: &Rulebook) {
        let mut seen: HashSet<&str> = HashSet::new();
        let mut n = 0; // the choice's number in file order, for the locator
        for node in &s.nodes {
            let Node::Decision { choices, .. } = node else {
                continue;
            };
            for choice in choices {
                let id = choice.id.as_str();
                if !is_valid_id(id) {
                    let p = self.loc.choice(n, "id");
                    self.report(p, id_message("choice id", id));
                }
                if !seen.insert(id) {
                    let p = self.loc.choice(n, "id");
                    self.report(p, format!("duplicate choice id \"{id}\""));
                }
                if !index.contains_key(choice.next.as_str()) {
                    let p = self.loc.choice(n, "next");
                    self.report(
                        p,
                        format!(
                            "choice \"{id}\" leads to a missing node \"{}\"",
                            choice.next
                        ),
                    );
                }
                for (key, text) in [
                    ("text", &choice.text),
                    ("consequence", &choice.consequence),
                    ("coaching", &choice.coaching),
                ] {
                    if text.trim().is_empty() {
                        let p = self.loc.choice(n, key);
                        self.report(p, format!("choice \"{id}\" has an empty `{key}`"));
                    }
                }
                for (key, value) in [("mood", choice.effect.mood), ("trust", choice.effect.trust)] {
                    if !(STATE_MIN..=STATE_MAX).contains(&value) {
                        let p = self.loc.choice(n, "effect");
                        self.report(
                            p,
                            range_message(&format!("choice \"{id}\": effect {key}"), value),
                        );
                    }
                }
                self.verdicts(choice.id.as_str(), &choice.verdicts, rules, n);
                n += 1;
            }
        }
    }

    /// Checks the verdicts of the `n`-th choice. Its position is looked up only for a
    /// problem: finding it for every choice would cost a clean file time for nothing.
    fn verdicts(&mut self, choice: &str, verdicts: &[Verdict], rules: &Rulebook, n: usize) {
        let mut seen: HashSet<&str> = HashSet::new();
        for verdict in verdicts {
            let (rule_id, weight) = match verdict {
                Verdict::Follows(r, w) | Verdict::Breaks(r, w) => (r.as_str(), *w),
            };
            match rules.get(rule_id) {
                None => self.report(
                    self.loc.choice(n, "verdicts"),
                    format!("choice \"{choice}\" names an unknown rule \"{rule_id}\" (see `composure rules`)"),
                ),
                Some(rule) if rule.scope == RuleScope::Debrief => self.report(
                    self.loc.choice(n, "verdicts"),
                    format!(
                        "choice \"{choice}\" grades against \"{rule_id}\", which is a debrief prompt, not a rule for choices"
                    ),
                ),
                Some(_) => {}
            }
            if !(WEIGHT_MIN..=WEIGHT_MAX).contains(&weight) {
                self.report(
                    self.loc.choice(n, "verdicts"),
                    format!(
                        "choice \"{choice}\": weight {weight} for \"{rule_id}\" is outside {WEIGHT_MIN}..{WEIGHT_MAX}"
                    ),
                );
            }
            if !seen.insert(rule_id) {
                self.report(
                    self.loc.choice(n, "verdicts"),
                    format!("choice \"{choice}\" names rule \"{rule_id}\" more than once"),
                );
            }
        }
    }

    /// Every node must be reachable from `start`, and an ending reachable from every node.
    fn graph(&mut self, s: &Scenario, index: &HashMap<&str, usize>) {
        let Some(&start) = index.get(s.start.as_str()) else {
            return; // already reported
        };
        let count = s.nodes.len();
        let mut forward: Vec<Vec<usize>> = vec![Vec::new(); count];
        let mut backward: Vec<Vec<usize>> = vec![Vec::new(); count];
        for (i, node) in s.nodes.iter().enumerate() {
            if let Node::Decision { choices, .. } = node {
                for choice in choices {
                    if let Some(&j) = index.get(choice.next.as_str()) {
                        forward[i].push(j);
                        backward[j].push(i);
                    }
                }
            }
        }
        let reached = flood(&forward, [start]);
        let endings = s
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| matches!(n, Node::Ending { .. }))
            .map(|(i, _)| i);
        let can_end = flood(&backward, endings);
        for (i, node) in s.nodes.iter().enumerate() {
            let id = node_id(node);
            if index.get(id) != Some(&i) {
                continue; // a duplicate, already reported
            }
            if !reached[i] {
                let at = self.loc.node(i, "id");
                self.report(
                    at,
                    format!("node \"{id}\" cannot be reached from the start"),
                );
            } else if !can_end[i] {
                let at = self.loc.node(i, "id");
                self.report(at, format!("no ending can be reached from node \"{id}\""));
            }
        }
    }
}

/// Marks every node reachable from `from` along `edges`.
fn flood(edges: &[Vec<usize>], from: impl IntoIterator<Item = usize>) -> Vec<bool> {
    let mut seen = vec![false; edges.len()];
    let mut stack: Vec<usize> = Vec::new();
    for i in from {
        if !seen[i] {
            seen[i] = true;
            stack.push(i);
        }
    }
    while let Some(i) = stack.pop() {
        for &j in &edges[i] {
            if !seen[j] {
                seen[j] = true;
                stack.push(j);
            }
        }
    }
    seen
}

pub fn node_id(node: &Node) -> &str {
    match node {
        Node::Decision { id, .. } | Node::Ending { id, .. } => id,
    }
}

pub fn node_says(node: &Node) -> &[String] {
    match node {
        Node::Decision { says, .. } | Node::Ending { says, .. } => says,
    }
}

fn id_message(what: &str, id: &str) -> String {
    format!("{what} \"{id}\" must be lowercase letters, digits and dashes")
}

fn range_message(what: &str, value: i8) -> String {
    format!("{what} is {value}; it must be between {STATE_MIN} and {STATE_MAX}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_lowercase_letters_digits_and_dashes() {
        assert!(is_valid_id("king-hotel-2"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("-x"));
        assert!(!is_valid_id("Upper"));
        assert!(!is_valid_id("with space"));
    }
}
