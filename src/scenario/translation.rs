//! Translations of a scenario share its structure: the same nodes and choices with the same
//! ids, the same verdicts, effects and routes, and as many lines; only the words differ. This
//! compares a translation with its English original and reports every drift at its place in
//! the translation, so a translator sees a missing line or a changed verdict before a trainee
//! in that language does.

use std::collections::HashMap;

use super::locate::Locator;
use super::model::{Node, Scenario, Verdict};
use super::validate::Finding;

/// Everything in `translation` (whose source is `source`) that does not match `original`.
pub fn compare(original: &Scenario, translation: &Scenario, source: &str) -> Vec<Finding> {
    let loc = Locator::new(source);
    let mut found = Vec::new();
    let mut report = |position, message: String| found.push(Finding { position, message });
    let orig = &original.language;

    if original.client_type != translation.client_type {
        report(
            loc.top("client_type"),
            format!(
                "client_type differs from the {orig} original ({:?})",
                original.client_type
            ),
        );
    }
    if original.appears_as != translation.appears_as {
        report(
            loc.top(if translation.appears_as.is_some() {
                "appears_as"
            } else {
                "client_type"
            }),
            format!(
                "appears_as differs from the {orig} original ({})",
                original
                    .appears_as
                    .map_or_else(|| "none".to_owned(), |t| format!("{t:?}"))
            ),
        );
    }
    if original.initial != translation.initial {
        report(
            loc.top("initial"),
            format!("initial state differs from the {orig} original"),
        );
    }
    if original.start != translation.start {
        report(
            loc.top("start"),
            format!(
                "`start` is \"{}\" but the {orig} original starts at \"{}\"",
                translation.start, original.start
            ),
        );
    }
    if original.briefing.known.len() != translation.briefing.known.len() {
        report(
            loc.nested("briefing", "known"),
            format!(
                "briefing.known has {}; the {orig} original has {}",
                count(translation.briefing.known.len(), "fact"),
                original.briefing.known.len()
            ),
        );
    }

    let originals: HashMap<&str, &Node> = original.nodes.iter().map(|n| (n.id(), n)).collect();
    let translated: HashMap<&str, usize> = translation
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id(), i))
        .collect();
    for node in &original.nodes {
        if !translated.contains_key(node.id()) {
            report(
                loc.top("nodes"),
                format!("node \"{}\" of the {orig} original is missing", node.id()),
            );
        }
    }
    for (i, node) in translation.nodes.iter().enumerate() {
        let id = node.id();
        let Some(orig_node) = originals.get(id) else {
            report(
                loc.node(i, "id"),
                format!("node \"{id}\" is not in the {orig} original"),
            );
            continue;
        };
        if orig_node.says().len() != node.says().len() {
            report(
                loc.node(i, "says"),
                format!(
                    "node \"{id}\" has {} in `says`; the {orig} original has {}",
                    count(node.says().len(), "line"),
                    orig_node.says().len()
                ),
            );
        }
        match (orig_node, node) {
            (Node::Decision { choices: a, .. }, Node::Decision { choices: b, .. }) => {
                let by_id: HashMap<&str, usize> = b
                    .iter()
                    .enumerate()
                    .map(|(j, c)| (c.id.as_str(), j))
                    .collect();
                for c in a {
                    if !by_id.contains_key(c.id.as_str()) {
                        report(
                            loc.node(i, "choices"),
                            format!(
                                "choice \"{}\" of the {orig} original is missing from \"{id}\"",
                                c.id
                            ),
                        );
                    }
                }
                for (j, c) in b.iter().enumerate() {
                    let Some(o) = a.iter().find(|o| o.id == c.id) else {
                        report(
                            loc.choice(i, j, "id"),
                            format!("choice \"{}\" is not in the {orig} original", c.id),
                        );
                        continue;
                    };
                    if o.next != c.next {
                        report(
                            loc.choice(i, j, "next"),
                            format!(
                                "choice \"{}\" leads to \"{}\"; in the {orig} original it leads to \"{}\"",
                                c.id, c.next, o.next
                            ),
                        );
                    }
                    if sorted(&o.verdicts) != sorted(&c.verdicts) {
                        report(
                            loc.choice(i, j, "verdicts"),
                            format!(
                                "choice \"{}\" is graded differently from the {orig} original",
                                c.id
                            ),
                        );
                    }
                    if o.effect != c.effect {
                        report(
                            loc.choice(i, j, "effect"),
                            format!(
                                "choice \"{}\" has a different effect from the {orig} original",
                                c.id
                            ),
                        );
                    }
                }
            }
            (
                Node::Ending {
                    outcome: a,
                    rating: ra,
                    ..
                },
                Node::Ending {
                    outcome: b,
                    rating: rb,
                    ..
                },
            ) => {
                if a != b {
                    report(
                        loc.node(i, "outcome"),
                        format!("ending \"{id}\" is {b:?}; in the {orig} original it is {a:?}"),
                    );
                }
                if ra != rb {
                    let name = |r: &Option<crate::scenario::Rating>| {
                        r.map_or_else(|| "not rated".to_owned(), |r| format!("rated {r:?}"))
                    };
                    report(
                        loc.node(i, if rb.is_some() { "rating" } else { "outcome" }),
                        format!(
                            "ending \"{id}\" is {}; in the {orig} original it is {}",
                            name(rb),
                            name(ra)
                        ),
                    );
                }
            }
            (
                Node::Route {
                    when: wa,
                    otherwise: oa,
                    ..
                },
                Node::Route {
                    when: wb,
                    otherwise: ob,
                    ..
                },
            ) => {
                if wa != wb || oa != ob {
                    report(
                        loc.node(i, "when"),
                        format!("route \"{id}\" differs from the {orig} original"),
                    );
                }
            }
            _ => report(
                loc.node(i, "id"),
                format!("node \"{id}\" is a different kind of node from the {orig} original"),
            ),
        }
    }
    found.sort_by_key(|f| f.position);
    found
}

fn sorted(verdicts: &[Verdict]) -> Vec<(bool, &str, u8)> {
    let mut out: Vec<(bool, &str, u8)> = verdicts
        .iter()
        .map(|v| match v {
            Verdict::Follows(r, w) => (true, r.as_str(), *w),
            Verdict::Breaks(r, w) => (false, r.as_str(), *w),
        })
        .collect();
    out.sort_unstable();
    out
}

/// `1 line`, `2 facts`: checker messages are for trainers, in English.
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
