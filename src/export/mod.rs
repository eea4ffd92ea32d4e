//! Drawing a scenario's conversation as a graph in a text format another tool renders: DOT for
//! Graphviz, Mermaid for Markdown. What each node and edge says, and how it is marked, is
//! decided once here in a [`Drawing`]; each format is one file behind [`GraphFormat`] and only
//! spells the drawing out, escaping every piece of scenario text its own way.

pub mod dot;
pub mod mermaid;

pub use dot::Dot;
pub use mermaid::Mermaid;

use unicode_width::UnicodeWidthChar;

use crate::labels;
use crate::rules::{DecisionScale, choice_value};
use crate::scenario::{Node, Outcome, ValidScenario, Verdict};

/// How many columns of a client's line a node shows.
const LINE_COLUMNS: usize = 40;

/// One text format for a [`Drawing`].
pub trait GraphFormat {
    /// The whole document.
    fn render(&self, drawing: &Drawing) -> String;
}

/// The scenario's graph in `format`.
pub fn render(scenario: &ValidScenario, format: &dyn GraphFormat) -> String {
    format.render(&Drawing::of(scenario))
}

/// A scenario's conversation, ready to be spelt out in any format. Text is raw: each format
/// escapes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawing {
    pub id: String,
    pub title: String,
    /// In file order.
    pub nodes: Vec<DrawnNode>,
    /// In file order of the choices.
    pub edges: Vec<DrawnEdge>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DrawnNode {
    pub id: String,
    pub start: bool,
    pub kind: Kind,
    /// The lines of the label: the id, then the client's first line shortened (a decision)
    /// or the outcome (an ending).
    pub label: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Decision,
    Ending(Outcome),
    /// An automatic step on the client's state.
    Route,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DrawnEdge {
    /// Indexes into [`Drawing::nodes`].
    pub from: usize,
    pub to: usize,
    /// The lines of the label: the choice id, then one line per verdict such as
    /// `+agree-before-objecting (2)` or `−not-defensive (1)`.
    pub label: Vec<String>,
    /// What the trainee says, in full, for formats that show it on hover.
    pub text: String,
    pub quality: Quality,
    /// Whether it leads back to an earlier point (see [`crate::analysis::graph`]).
    pub back: bool,
}

/// How an option compares with the others at its decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quality {
    /// Valued highest there.
    Best,
    /// Valued lowest there.
    Worst,
    Between,
    /// Every option there is valued the same.
    Level,
}

impl Drawing {
    /// The scenario as written: one drawn node per node of the file (routes included), one
    /// edge per choice and per route branch.
    pub fn of(scenario: &ValidScenario) -> Drawing {
        let model = scenario.scenario();
        let start = scenario.node_index(&model.start);
        let nodes = model
            .nodes
            .iter()
            .enumerate()
            .map(|(i, node)| {
                let (kind, second) = match node {
                    Node::Decision { says, .. } => (
                        Kind::Decision,
                        shorten(says.first().map_or("", String::as_str), LINE_COLUMNS),
                    ),
                    Node::Ending { outcome, .. } => {
                        (Kind::Ending(*outcome), labels::outcome(*outcome).to_owned())
                    }
                    Node::Route { .. } => (Kind::Route, "route".to_owned()),
                };
                DrawnNode {
                    id: node.id().to_owned(),
                    start: Some(i) == start,
                    kind,
                    label: vec![node.id().to_owned(), second],
                }
            })
            .collect();
        // The loops, drawn dashed: the same walk `paths` leaves them out by.
        let back = crate::analysis::graph::scenario_loops(scenario);
        let mut edges = Vec::new();
        for (from, node) in model.nodes.iter().enumerate() {
            match node {
                Node::Decision { choices, .. } => {
                    let scale = DecisionScale::of(choices);
                    for choice in choices {
                        let Some(to) = scenario.node_index(&choice.next) else {
                            continue;
                        };
                        let value = choice_value(choice);
                        let quality = if scale.best == scale.worst {
                            Quality::Level
                        } else if value == scale.best {
                            Quality::Best
                        } else if value == scale.worst {
                            Quality::Worst
                        } else {
                            Quality::Between
                        };
                        let mut label = vec![choice.id.clone()];
                        label.extend(choice.verdicts.iter().map(|v| match v {
                            Verdict::Follows(rule, weight) => format!("+{rule} ({weight})"),
                            Verdict::Breaks(rule, weight) => format!("−{rule} ({weight})"),
                        }));
                        edges.push(DrawnEdge {
                            from,
                            to,
                            label,
                            text: choice.text.clone(),
                            quality,
                            back: back.contains(&(from, to)),
                        });
                    }
                }
                Node::Route {
                    when, otherwise, ..
                } => {
                    let branches = when
                        .iter()
                        .map(|w| {
                            let mut conditions = Vec::new();
                            if let Some(m) = w.mood_at_least {
                                conditions.push(format!("mood ≥ {m}"));
                            }
                            if let Some(t) = w.trust_at_least {
                                conditions.push(format!("trust ≥ {t}"));
                            }
                            (conditions.join(", "), w.next.as_str())
                        })
                        .chain([("otherwise".to_owned(), otherwise.as_str())]);
                    for (condition, next) in branches {
                        let Some(to) = scenario.node_index(next) else {
                            continue;
                        };
                        edges.push(DrawnEdge {
                            from,
                            to,
                            label: vec![condition.clone()],
                            text: condition,
                            quality: Quality::Level,
                            back: back.contains(&(from, to)),
                        });
                    }
                }
                Node::Ending { .. } => {}
            }
        }
        Drawing {
            id: model.id.clone(),
            title: model.title.clone(),
            nodes,
            edges,
        }
    }
}

/// `text` on one line, cut to at most `columns` of display width with an ellipsis.
pub fn shorten(text: &str, columns: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if unicode_width::UnicodeWidthStr::width(flat.as_str()) <= columns {
        return flat;
    }
    let mut out = String::new();
    let mut width = 0;
    for c in flat.chars() {
        let w = c.width().unwrap_or(0);
        if width + w > columns.saturating_sub(1) {
            out = out.trim_end().to_owned();
            out.push('…');
            return out;
        }
        width += w;
        out.push(c);
    }
    out
}

/// Fill and border colours of an ending, from green (won over) to red (lost).
pub fn outcome_colours(outcome: Outcome) -> (&'static str, &'static str) {
    match outcome {
        Outcome::WonOver => ("#a5d6a7", "#1b5e20"),
        Outcome::Resolved => ("#dcedc8", "#558b2f"),
        Outcome::ProfessionalParting => ("#bbdefb", "#1565c0"),
        Outcome::EscalatedComplaint => ("#ffe0b2", "#e65100"),
        Outcome::LostClient => ("#ffcdd2", "#b71c1c"),
    }
}

/// The colour of an edge: green for the best option at its decision, red for the worst.
pub fn quality_colour(quality: Quality) -> &'static str {
    match quality {
        Quality::Best => "#2e7d32",
        Quality::Worst => "#c62828",
        Quality::Between | Quality::Level => "#616161",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortening_flattens_whitespace_and_cuts_by_display_width() {
        assert_eq!(shorten("Where is\nmy   order?", 40), "Where is my order?");
        assert_eq!(shorten("abcdefghij", 5), "abcd…");
        assert_eq!(shorten("abcde", 5), "abcde");
        // Wide characters take two columns each.
        assert_eq!(shorten("日本語のテキスト", 7), "日本語…");
        assert_eq!(shorten("", 5), "");
    }
}
