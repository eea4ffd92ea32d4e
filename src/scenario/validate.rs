//! The checks a parsed scenario must pass before anyone plays it: ids, references, the graph
//! (reachability both ways), and verdicts against the rulebook. Every problem is collected, not
//! only the first, and each carries the position of what it is about. All checks are linear in
//! the size of the scenario, and the [limits](super::limits) are checked first.

use std::collections::{HashMap, HashSet};

use super::graph::{cycles, flood, longest_path};
use super::limits::{MAX_AUTOMATIC_STEPS, MAX_CHOICES, MAX_NODES, MAX_TEXT_CHARS};
use super::locate::{Field, LazyLocator, Position};
use super::model::{FORMAT_VERSION, Node, STATE_MAX, STATE_MIN, Scenario, Verdict, When};
use super::sanitize::{first_refused, for_message};
use crate::rules::{RuleScope, Rulebook};
use crate::suggest::did_you_mean;

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
    let loc = LazyLocator::new(source);
    let mut out = Checker {
        loc,
        found: Vec::new(),
        hints: MAX_HINTS,
    };
    if !out.node_limit(scenario) {
        // Past the node limit the file is not worth checking further, and checking it would
        // take time in proportion to whatever size it is.
        return out.found;
    }
    out.rest(scenario, rules)
}

/// Every check but the limit on the number of nodes. For the benchmarks, which measure how
/// validation grows with the size of a scenario up to ten times past that limit; anything a
/// trainee plays or a trainer checks goes through [`validate`].
#[doc(hidden)]
pub fn validate_past_node_limit(
    scenario: &Scenario,
    source: &str,
    rules: &Rulebook,
) -> Vec<Finding> {
    let out = Checker {
        loc: LazyLocator::new(source),
        found: Vec::new(),
        hints: MAX_HINTS,
    };
    out.rest(scenario, rules)
}

impl Checker<'_> {
    /// The checks after the limits.
    fn rest(mut self, scenario: &Scenario, rules: &Rulebook) -> Vec<Finding> {
        self.choice_limits(scenario);
        self.texts(scenario);
        self.header(scenario);
        let index = self.node_ids(scenario);
        self.choices(scenario, &index, rules);
        self.phrasings(scenario);
        self.graph(scenario, &index);
        self.found.sort_by_key(|f| f.position);
        self.found
    }
}

struct Checker<'a> {
    loc: LazyLocator<'a>,
    found: Vec<Finding>,
    /// How many more "did you mean" hints may be looked for (see [`MAX_HINTS`]).
    hints: usize,
}

/// A hint compares a name with every known one, so a hostile file with thousands of missing
/// references would cost their product; the first ones get hints, which is what a trainer
/// fixing a typo reads.
const MAX_HINTS: usize = 16;

/// Names a hint compares with: all of them in any scenario a person writes by hand, and a
/// bound on the work in a generated one of thousands of nodes.
const MAX_HINT_CANDIDATES: usize = 500;

impl Checker<'_> {
    /// Every phrasing of a choice: not empty, at most [`MAX_PHRASINGS`] to a choice, and not
    /// the same words as the choice's text or any other text or phrasing at its decision
    /// (compared without case, punctuation or spacing), which would make a typed reply
    /// mean two options at once. How close is too close is the matcher's to say: `check`
    /// warns about that (`typed-ambiguous`).
    fn phrasings(&mut self, s: &Scenario) {
        for (i, node) in s.nodes.iter().enumerate() {
            let Node::Decision { choices, .. } = node else {
                continue;
            };
            // Each wording at the decision: whose it is, and which (None: the text).
            let mut said: HashMap<String, (usize, Option<usize>)> = HashMap::new();
            for (j, choice) in choices.iter().enumerate() {
                said.entry(same_words(&choice.text)).or_insert((j, None));
            }
            for (j, choice) in choices.iter().enumerate() {
                let id = for_message(&choice.id).into_owned();
                if choice.phrasings.len() > MAX_PHRASINGS {
                    let at = self.loc.phrasing(i, j, MAX_PHRASINGS);
                    self.report(
                        at,
                        format!(
                            "choice \"{id}\" has {} phrasings; the limit is {MAX_PHRASINGS}",
                            choice.phrasings.len()
                        ),
                    );
                }
                for (k, phrasing) in choice.phrasings.iter().enumerate() {
                    let words = same_words(phrasing);
                    if words.is_empty() {
                        let p = self.loc.phrasing(i, j, k);
                        self.report(p, format!("choice \"{id}\": phrasing {} is empty", k + 1));
                        continue;
                    }
                    let Some(&(owner, which)) = said.get(&words) else {
                        said.insert(words, (j, Some(k)));
                        continue;
                    };
                    let owner_id = choices.get(owner).map_or("", |c| c.id.as_str());
                    let whose = match which {
                        None if owner == j => "the choice's own text".to_owned(),
                        None => format!("the text of choice \"{}\"", for_message(owner_id)),
                        Some(n) => {
                            format!("phrasing {} of choice \"{}\"", n + 1, for_message(owner_id))
                        }
                    };
                    let p = self.loc.phrasing(i, j, k);
                    self.report(
                        p,
                        format!(
                            "choice \"{id}\": phrasing {} says the same as {whose}",
                            k + 1
                        ),
                    );
                }
            }
        }
    }

    /// `; did you mean "x"?` for a misspelt name, while hints last, among at most
    /// [`MAX_HINT_CANDIDATES`] names.
    fn hint<'n>(&mut self, word: &str, known: impl IntoIterator<Item = &'n str>) -> String {
        if self.hints == 0 {
            return String::new();
        }
        self.hints -= 1;
        did_you_mean(word, known.into_iter().take(MAX_HINT_CANDIDATES))
    }

    fn report(&mut self, position: Position, message: impl Into<String>) {
        self.found.push(Finding {
            position,
            message: message.into(),
        });
    }

    /// The number of nodes; false when the scenario has too many to check further.
    fn node_limit(&mut self, s: &Scenario) -> bool {
        if s.nodes.len() > MAX_NODES {
            let at = self.loc.node(MAX_NODES, "");
            self.report(
                at,
                format!(
                    "the scenario has {} nodes; the limit is {MAX_NODES} (this is node {})",
                    s.nodes.len(),
                    MAX_NODES + 1
                ),
            );
            return false;
        }
        true
    }

    /// The number of choices at each decision.
    fn choice_limits(&mut self, s: &Scenario) {
        for (i, node) in s.nodes.iter().enumerate() {
            if let Node::Decision { id, choices, .. } = node
                && choices.len() > MAX_CHOICES
            {
                let at = self.loc.choice(i, MAX_CHOICES, "");
                self.report(
                    at,
                    format!(
                        "decision \"{id}\" offers {} choices; the limit is {MAX_CHOICES}, one for each of the keys 1-9 (this is choice {})",
                        choices.len(),
                        MAX_CHOICES + 1
                    ),
                );
            }
        }
    }

    /// Every string: no longer than the limit, and nothing a terminal would obey.
    fn texts(&mut self, s: &Scenario) {
        for (field, text) in texts(s) {
            // A string of at most the limit in bytes has at most that many characters.
            let length = if text.len() <= MAX_TEXT_CHARS {
                0
            } else {
                text.chars().count()
            };
            if length > MAX_TEXT_CHARS {
                let at = self.loc.string(field, None);
                let name = name_of(s, field);
                self.report(
                    at,
                    format!(
                        "{name} is {length} characters long; the limit is {MAX_TEXT_CHARS} characters"
                    ),
                );
            }
            if let Some((index, c, why)) = first_refused(text) {
                let at = self.loc.string(field, Some(index));
                let name = name_of(s, field);
                self.report(
                    at,
                    format!("{name} contains U+{:04X}, {why}; remove it", u32::from(c)),
                );
            }
        }
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
            let says = node.says();
            if matches!(node, Node::Route { .. }) {
                // A route says nothing; the client speaks at the node it leads to.
            } else if says.is_empty() {
                let at = self.loc.node(i, "says");
                self.report(at, format!("node \"{id}\" has no line in `says`"));
            } else if let Some(k) = says.iter().position(|line| line.trim().is_empty()) {
                let at = self.loc.says_line(i, k);
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
                Node::Route { when, .. } => self.route(i, id, when),
                _ => {}
            }
        }
        for (i, node) in s.nodes.iter().enumerate() {
            if let Node::Route {
                id,
                when,
                otherwise,
            } = node
            {
                for (k, w) in when.iter().enumerate() {
                    if !index.contains_key(w.next.as_str()) {
                        let at = self.loc.when(i, k, "next");
                        let hint = self.hint(&w.next, s.nodes.iter().map(node_id));
                        self.report(
                            at,
                            format!(
                                "route \"{id}\" leads to a missing node \"{}\"{hint}",
                                w.next
                            ),
                        );
                    }
                }
                if !index.contains_key(otherwise.as_str()) {
                    let at = self.loc.node(i, "otherwise");
                    let hint = self.hint(otherwise, s.nodes.iter().map(node_id));
                    self.report(
                        at,
                        format!(
                            "route \"{id}\": `otherwise` names a missing node \"{otherwise}\"{hint}"
                        ),
                    );
                }
            }
        }
        if !s.nodes.is_empty() && !index.contains_key(s.start.as_str()) {
            let at = self.loc.top("start");
            let hint = self.hint(&s.start, s.nodes.iter().map(node_id));
            self.report(
                at,
                format!("`start` names a missing node \"{}\"{hint}", s.start),
            );
        }
        index
    }

    fn route(&mut self, i: usize, id: &str, when: &[When]) {
        if when.is_empty() {
            let at = self.loc.node(i, "when");
            self.report(
                at,
                format!("route \"{id}\" has no `when`; it would always go to `otherwise`, so point there directly"),
            );
        }
        for (k, w) in when.iter().enumerate() {
            if w.mood_at_least.is_none() && w.trust_at_least.is_none() {
                let at = self.loc.when(i, k, "next");
                self.report(
                    at,
                    format!("route \"{id}\": a `When` needs `mood_at_least` or `trust_at_least`"),
                );
            }
            for (key, value) in [
                ("mood_at_least", w.mood_at_least),
                ("trust_at_least", w.trust_at_least),
            ] {
                if let Some(v) = value
                    && !(STATE_MIN..=STATE_MAX).contains(&v)
                {
                    let at = self.loc.when(i, k, key);
                    self.report(at, range_message(&format!("route \"{id}\": {key}"), v));
                }
            }
        }
    }

    fn choices(&mut self, s: &Scenario, index: &HashMap<&str, usize>, rules: &Rulebook) {
        let mut seen: HashSet<&str> = HashSet::new();
        for (i, node) in s.nodes.iter().enumerate() {
            let Node::Decision { choices, .. } = node else {
                continue;
            };
            for (j, choice) in choices.iter().enumerate() {
                let id = choice.id.as_str();
                if !is_valid_id(id) {
                    let p = self.loc.choice(i, j, "id");
                    self.report(p, id_message("choice id", id));
                }
                if !seen.insert(id) {
                    let p = self.loc.choice(i, j, "id");
                    self.report(p, format!("duplicate choice id \"{id}\""));
                }
                if !index.contains_key(choice.next.as_str()) {
                    let p = self.loc.choice(i, j, "next");
                    let hint = self.hint(&choice.next, s.nodes.iter().map(node_id));
                    self.report(
                        p,
                        format!(
                            "choice \"{id}\" leads to a missing node \"{}\"{hint}",
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
                        let p = self.loc.choice(i, j, key);
                        self.report(p, format!("choice \"{id}\" has an empty `{key}`"));
                    }
                }
                for (key, value) in [("mood", choice.effect.mood), ("trust", choice.effect.trust)] {
                    if !(STATE_MIN..=STATE_MAX).contains(&value) {
                        let p = self.loc.choice(i, j, "effect");
                        self.report(
                            p,
                            range_message(&format!("choice \"{id}\": effect {key}"), value),
                        );
                    }
                }
                // The trainee reads cited ids as rule names; one the rulebook lacks would
                // reach them as written.
                for (cited, near) in rules.unknown_citations(&choice.coaching) {
                    let hint = near
                        .map(|n| format!("; did you mean \"{n}\"?"))
                        .unwrap_or_default();
                    let p = self.loc.choice(i, j, "coaching");
                    self.report(
                        p,
                        format!(
                            "the coaching of choice \"{id}\" cites an unknown rule \"{cited}\", so the trainee would read the ids as written (see `composure rules`){hint}"
                        ),
                    );
                }
                self.verdicts((i, j), id, &choice.verdicts, rules);
            }
        }
    }

    fn verdicts(
        &mut self,
        (node, choice_index): (usize, usize),
        choice: &str,
        verdicts: &[Verdict],
        rules: &Rulebook,
    ) {
        let mut follows: HashSet<&str> = HashSet::new();
        let mut breaks: HashSet<&str> = HashSet::new();
        for (k, verdict) in verdicts.iter().enumerate() {
            let (rule_id, weight, seen, other, side) = match verdict {
                Verdict::Follows(r, w) => (r.as_str(), *w, &mut follows, &breaks, "follows"),
                Verdict::Breaks(r, w) => (r.as_str(), *w, &mut breaks, &follows, "breaks"),
            };
            if !seen.insert(rule_id) {
                self.report(
                    self.loc.verdict(node, choice_index, k),
                    format!("choice \"{choice}\" {side} rule \"{rule_id}\" more than once"),
                );
            } else if other.contains(rule_id) {
                self.report(
                    self.loc.verdict(node, choice_index, k),
                    format!(
                        "choice \"{choice}\" both follows and breaks rule \"{rule_id}\"; pick one"
                    ),
                );
            }
            match rules.get(rule_id) {
                None => {
                    let hint = self.hint(
                        rule_id,
                        rules
                            .rules
                            .iter()
                            .filter(|r| r.scope == RuleScope::Choice)
                            .map(|r| r.id.as_str()),
                    );
                    let at = self.loc.verdict(node, choice_index, k);
                    self.report(
                        at,
                        format!(
                            "choice \"{choice}\" names an unknown rule \"{rule_id}\" (see `composure rules`){hint}"
                        ),
                    );
                }
                Some(rule) if rule.scope == RuleScope::Debrief => self.report(
                    self.loc.verdict(node, choice_index, k),
                    format!(
                        "choice \"{choice}\" grades against \"{rule_id}\", which is a debrief prompt, not a rule for choices"
                    ),
                ),
                Some(_) => {}
            }
            if !(WEIGHT_MIN..=WEIGHT_MAX).contains(&weight) {
                self.report(
                    self.loc.verdict(node, choice_index, k),
                    format!(
                        "choice \"{choice}\": weight {weight} for \"{rule_id}\" is outside {WEIGHT_MIN}..{WEIGHT_MAX}"
                    ),
                );
            }
        }
    }

    /// A chain of routes longer than the engine follows in a row: it would stop the
    /// conversation at play time, so `check` says so first.
    fn route_chains(&mut self, s: &Scenario, automatic: &[Vec<usize>]) {
        let Some((length, head)) = longest_path(automatic) else {
            return;
        };
        if length > MAX_AUTOMATIC_STEPS {
            let at = self.loc.node(head, "id");
            self.report(
                at,
                format!(
                    "a chain of {length} routes in a row starts at route \"{}\"; the limit is {MAX_AUTOMATIC_STEPS}, after which the trainer stops the conversation, so put a decision somewhere along it",
                    node_id(&s.nodes[head])
                ),
            );
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
            for target in node.targets() {
                if let Some(&j) = index.get(target) {
                    forward[i].push(j);
                    backward[j].push(i);
                }
            }
        }
        // Routes that lead only to routes, round and round, would never ask the trainee.
        let automatic: Vec<Vec<usize>> = forward
            .iter()
            .enumerate()
            .map(|(i, out)| match s.nodes[i] {
                Node::Route { .. } => out
                    .iter()
                    .copied()
                    .filter(|&j| matches!(s.nodes[j], Node::Route { .. }))
                    .collect(),
                _ => Vec::new(),
            })
            .collect();
        let loops = cycles(&automatic);
        if loops.is_empty() {
            self.route_chains(s, &automatic);
        }
        for component in loops {
            let names: Vec<&str> = component.iter().map(|&i| node_id(&s.nodes[i])).collect();
            let first = component.first().copied().unwrap_or(0);
            let at = self.loc.node(first, "id");
            self.report(
                at,
                format!(
                    "routes {} can send the client round in a loop without ever asking the trainee",
                    names.join(" → ")
                ),
            );
        }
        let reached = flood(&forward, [start]);
        let endings = s
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| matches!(n, Node::Ending { .. }))
            .map(|(i, _)| i);
        let endings: Vec<usize> = endings.collect();
        if endings.is_empty() {
            let at = self.loc.top("nodes");
            self.report(
                at,
                "the scenario has no Ending node, so no conversation can finish",
            );
            return;
        }
        let can_end = flood(&backward, endings);
        // Nodes that cannot end and lie on a loop are reported once per loop, as a loop.
        let trapped: Vec<Vec<usize>> = forward
            .iter()
            .enumerate()
            .map(|(i, out)| {
                if reached[i] && !can_end[i] {
                    out.clone()
                } else {
                    Vec::new()
                }
            })
            .collect();
        let mut in_loop = vec![false; count];
        for component in cycles(&trapped) {
            let names: Vec<&str> = component
                .iter()
                .take(5)
                .map(|&i| node_id(&s.nodes[i]))
                .collect();
            let more = if component.len() > 5 { " → …" } else { "" };
            for &i in &component {
                in_loop[i] = true;
            }
            let first = component.first().copied().unwrap_or(0);
            let at = self.loc.node(first, "id");
            self.report(
                at,
                format!(
                    "the conversation can loop forever through {}{more}: no ending can be reached from there",
                    names.join(" → ")
                ),
            );
        }
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
            } else if !can_end[i]
                && !in_loop[i]
                && !matches!(node, Node::Decision { choices, .. } if choices.is_empty())
            {
                let at = self.loc.node(i, "id");
                self.report(at, format!("no ending can be reached from node \"{id}\""));
            }
        }
    }
}

/// Every string of the scenario, with where it sits. What to call one in a message is worked
/// out only when there is something to say about it ([`name_of`]).
fn texts(s: &Scenario) -> Vec<(Field<'static>, &str)> {
    let mut out: Vec<(Field<'static>, &str)> = vec![
        (Field::Top("id"), &s.id),
        (Field::Top("title"), &s.title),
        (Field::Top("language"), &s.language),
        (Field::Top("start"), &s.start),
        (
            Field::Nested("briefing", "situation"),
            &s.briefing.situation,
        ),
        (Field::Nested("briefing", "goal"), &s.briefing.goal),
        (Field::Nested("client", "name"), &s.client.name),
        (Field::Nested("client", "persona"), &s.client.persona),
    ];
    for (k, fact) in s.briefing.known.iter().enumerate() {
        out.push((Field::NestedItem("briefing", "known", k), fact));
    }
    for (i, node) in s.nodes.iter().enumerate() {
        out.push((Field::Node(i, "id"), node.id()));
        for (k, line) in node.says().iter().enumerate() {
            out.push((Field::Says(i, k), line));
        }
        match node {
            Node::Decision { choices, .. } => {
                for (j, choice) in choices.iter().enumerate() {
                    for (key, text) in [
                        ("id", &choice.id),
                        ("text", &choice.text),
                        ("next", &choice.next),
                        ("consequence", &choice.consequence),
                        ("coaching", &choice.coaching),
                    ] {
                        out.push((Field::Choice(i, j, key), text));
                    }
                    for (k, verdict) in choice.verdicts.iter().enumerate() {
                        let (Verdict::Follows(rule, _) | Verdict::Breaks(rule, _)) = verdict;
                        out.push((Field::Verdict(i, j, k), rule));
                    }
                    for (k, phrasing) in choice.phrasings.iter().enumerate() {
                        out.push((Field::Phrasing(i, j, k), phrasing));
                    }
                }
            }
            Node::Ending { closing, .. } => {
                out.push((Field::Node(i, "closing"), closing));
            }
            Node::Route {
                when, otherwise, ..
            } => {
                for (k, w) in when.iter().enumerate() {
                    out.push((Field::When(i, k, "next"), &w.next));
                }
                out.push((Field::Node(i, "otherwise"), otherwise));
            }
        }
    }
    out
}

/// What a message calls the string at `field`, as in "choice \"calm\": `text`".
fn name_of(s: &Scenario, field: Field) -> String {
    let node_id = |i: usize| for_message(s.nodes.get(i).map_or("", |n| n.id())).into_owned();
    let choice_id = |i: usize, j: usize| match s.nodes.get(i) {
        Some(Node::Decision { choices, .. }) => {
            for_message(choices.get(j).map_or("", |c| c.id.as_str())).into_owned()
        }
        _ => String::new(),
    };
    match field {
        Field::Top(key) => format!("`{key}`"),
        Field::Nested(parent, key) => format!("`{parent}.{key}`"),
        Field::NestedItem(parent, key, k) => format!("`{parent}.{key}` item {}", k + 1),
        Field::Node(i, "id") => format!("node id \"{}\"", node_id(i)),
        Field::Node(i, "closing") => format!("ending \"{}\": `closing`", node_id(i)),
        Field::Node(i, key) => format!("route \"{}\": `{key}`", node_id(i)),
        Field::Says(i, k) => format!("node \"{}\": `says` line {}", node_id(i), k + 1),
        Field::When(i, k, key) => format!("route \"{}\": `when` {} `{key}`", node_id(i), k + 1),
        Field::Choice(i, j, key) => format!("choice \"{}\": `{key}`", choice_id(i, j)),
        Field::Verdict(i, j, k) => {
            format!("choice \"{}\": verdict {} rule", choice_id(i, j), k + 1)
        }
        Field::Phrasing(i, j, k) => {
            format!("choice \"{}\": phrasing {}", choice_id(i, j), k + 1)
        }
    }
}

/// Most phrasings one choice may have: a handful covers the ways people say a thing, and the
/// matcher compares a reply with each of them.
pub const MAX_PHRASINGS: usize = 20;

/// A text's words, lower-cased, without punctuation: two texts with the same words say the
/// same thing as far as a typed reply can tell.
fn same_words(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn node_id(node: &Node) -> &str {
    node.id()
}

fn id_message(what: &str, id: &str) -> String {
    format!("{what} \"{id}\" must be made of lowercase letters a-z, digits 0-9 and dashes")
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
