//! Synthetic scenarios of any size, for the benchmarks and for tests that check the path
//! summary against brute force. The output is RON text that loads and validates, shaped like a
//! hand-written scenario scaled up: two to four choices per decision, routes that merge, loops
//! back to earlier points, endings along the way, and lines of realistic length (with the odd
//! quote and accented letter). The same size and seed always give the same text.

use std::fmt::Write as _;

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::rules::{RuleScope, Rulebook};

/// How likely a node is to be an ending (never two in a row, never the start).
const ENDING_SHARE: f64 = 0.12;
/// How likely an extra choice is to lead back to an earlier point rather than forward.
const LOOP_SHARE: f64 = 0.08;
/// How far forward an extra choice may jump, which is where routes merge.
const FORWARD_REACH: usize = 8;
/// How far back a loop may go.
const LOOP_REACH: usize = 30;

const WORDS: &[&str] = &[
    "the",
    "order",
    "was",
    "late",
    "again",
    "and",
    "nobody",
    "called",
    "me",
    "back",
    "I",
    "need",
    "it",
    "by",
    "Friday",
    "you",
    "promised",
    "a",
    "refund",
    "week",
    "ago",
    "what",
    "exactly",
    "are",
    "going",
    "to",
    "do",
    "about",
    "this",
    "parcel",
    "invoice",
    "manager",
    "today",
    "honestly",
    "sorry",
    "understand",
    "replacement",
    "courier",
    "tracking",
    "number",
    "café",
    "déjà-vu",
    "—",
    "\\\"fine\\\"",
    "please",
    "now",
    "can",
    "check",
    "your",
    "booking",
    "for",
    "sure",
    "let",
    "me",
    "see",
    "what",
    "I",
    "can",
    "do",
];

const OUTCOMES: &[&str] = &[
    "WonOver",
    "Resolved",
    "ProfessionalParting",
    "EscalatedComplaint",
    "LostClient",
];

/// A valid scenario of `nodes` nodes (at least 2) as RON text, graded against the choice
/// rules of `rules`.
pub fn synth_scenario(nodes: usize, seed: u64, rules: &Rulebook) -> String {
    let nodes = nodes.max(2);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let rule_ids: Vec<&str> = rules
        .rules
        .iter()
        .filter(|r| r.scope == RuleScope::Choice)
        .map(|r| r.id.as_str())
        .collect();

    // Which nodes are endings: never the start, never two in a row, always the last. So every
    // node is reached by the one before it or, after an ending, the one before that.
    let mut ending = vec![false; nodes];
    for i in 2..nodes - 1 {
        ending[i] = !ending[i - 1] && rng.random_bool(ENDING_SHARE);
    }
    ending[nodes - 1] = true;
    ending[nodes - 2] = false;

    let mut out = String::with_capacity(nodes * 1400);
    let _ = write!(
        out,
        "// Synthetic scenario: {nodes} nodes, seed {seed}.\nScenario(\n    format: 1,\n    id: \"synthetic-{nodes}\",\n    title: \"Synthetic scenario of {nodes} nodes\",\n    client_type: Rude,\n    briefing: Briefing(\n        situation: \"{}.\",\n        known: [\"{}.\"],\n        goal: \"{}.\",\n    ),\n    client: Client(name: \"Sam Synth\", persona: \"{}.\"),\n    initial: ClientState(mood: -1, trust: 0),\n    start: \"n0\",\n    nodes: [\n",
        words(&mut rng, 20, 40),
        words(&mut rng, 8, 16),
        words(&mut rng, 10, 20),
        words(&mut rng, 12, 24),
    );
    for i in 0..nodes {
        if ending[i] {
            let outcome = OUTCOMES[rng.random_range(0..OUTCOMES.len())];
            let _ = write!(
                out,
                "        Ending(\n            id: \"n{i}\",\n            says: [\"{}.\"],\n            outcome: {outcome},\n            closing: \"{}.\",\n        ),\n",
                words(&mut rng, 6, 18),
                words(&mut rng, 10, 28),
            );
            continue;
        }
        let _ = write!(
            out,
            "        Decision(\n            id: \"n{i}\",\n            says: ["
        );
        for _ in 0..rng.random_range(1..=2) {
            let _ = write!(out, "\"{}?\", ", words(&mut rng, 8, 22));
        }
        out.push_str("],\n            choices: [\n");
        let mut targets = vec![i + 1];
        if ending[i + 1] && i + 2 < nodes {
            targets.push(i + 2);
        }
        let count = rng.random_range(2..=4).max(targets.len());
        while targets.len() < count {
            let target = if rng.random_bool(LOOP_SHARE) {
                rng.random_range(i.saturating_sub(LOOP_REACH)..=i)
            } else {
                rng.random_range(i + 1..=(i + FORWARD_REACH).min(nodes - 1))
            };
            targets.push(target);
        }
        for (j, next) in targets.into_iter().enumerate() {
            let _ = write!(
                out,
                "                Choice(\n                    id: \"n{i}-c{j}\",\n                    text: \"{}.\",\n                    next: \"n{next}\",\n                    verdicts: [{}],\n                    effect: Effect(mood: {}, trust: {}),\n                    consequence: \"{}.\",\n                    coaching: \"{}.\",\n                ),\n",
                words(&mut rng, 6, 24),
                verdicts(&mut rng, &rule_ids),
                rng.random_range(-2..=2),
                rng.random_range(-2..=2),
                words(&mut rng, 6, 16),
                words(&mut rng, 10, 26),
            );
        }
        out.push_str("            ],\n        ),\n");
    }
    out.push_str("    ],\n)\n");
    out
}

/// Between `min` and `max` words of filler, capitalised.
fn words(rng: &mut ChaCha8Rng, min: usize, max: usize) -> String {
    let mut text = String::new();
    for n in 0..rng.random_range(min..=max) {
        let word = WORDS[rng.random_range(0..WORDS.len())];
        if n == 0 {
            let mut chars = word.chars();
            text.extend(chars.next().map(|c| c.to_ascii_uppercase()));
            text.push_str(chars.as_str());
        } else {
            text.push(' ');
            text.push_str(word);
        }
    }
    text
}

/// Up to three verdicts on distinct rules, each following or breaking with weight 1–3.
fn verdicts(rng: &mut ChaCha8Rng, rule_ids: &[&str]) -> String {
    let mut chosen: Vec<&str> = Vec::new();
    for _ in 0..rng.random_range(0..=3usize.min(rule_ids.len())) {
        let rule = rule_ids[rng.random_range(0..rule_ids.len())];
        if !chosen.contains(&rule) {
            chosen.push(rule);
        }
    }
    let list: Vec<String> = chosen
        .into_iter()
        .map(|rule| {
            let kind = if rng.random_bool(0.5) {
                "Follows"
            } else {
                "Breaks"
            };
            format!("{kind}(\"{rule}\", {})", rng.random_range(1..=3))
        })
        .collect();
    list.join(", ")
}
