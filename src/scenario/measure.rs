//! How long a scenario is, for the library browser: the number of decisions on its best path,
//! the fewest decisions a trainee who always picks a best-graded option needs to reach a good
//! ending (following the client's state through routes). The difficulty shown beside it is
//! read from the same number: a longer best path asks for more good decisions in a row.

use std::collections::{HashMap, VecDeque};

use super::load::ValidScenario;
use super::model::{ClientState, Node};
use crate::rules::choice_value;

/// Decisions on the best path; `None` when best play reaches no ending at all.
pub fn best_path_decisions(scenario: &ValidScenario) -> Option<usize> {
    let model = scenario.scenario();
    let mut seen: HashMap<(&str, ClientState), usize> = HashMap::new();
    let mut queue = VecDeque::from([(model.start.as_str(), model.initial, 0usize)]);
    let mut any_ending = None;
    while let Some((id, state, decisions)) = queue.pop_front() {
        if seen.insert((id, state), decisions).is_some() {
            continue;
        }
        match scenario.node(id) {
            Some(Node::Ending { outcome, .. }) => {
                if outcome.is_good() {
                    return Some(decisions);
                }
                any_ending.get_or_insert(decisions);
            }
            Some(node @ Node::Route { .. }) => {
                if let Some(next) = node.route(state) {
                    // Routes ask nothing: same distance, so they go to the front.
                    queue.push_front((next, state, decisions));
                }
            }
            Some(Node::Decision { choices, .. }) => {
                let best = choices.iter().map(choice_value).max();
                for c in choices.iter().filter(|c| Some(choice_value(c)) == best) {
                    queue.push_back((c.next.as_str(), state.after(c.effect), decisions + 1));
                }
            }
            None => {}
        }
    }
    any_ending
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rulebook;
    use crate::scenario::load_source;

    #[test]
    fn the_best_path_of_the_minimal_fixture_is_one_decision() {
        let source = include_str!("../../tests/fixtures/valid/minimal.ron");
        let rules = Rulebook::embedded().unwrap();
        let scenario = load_source("minimal.ron", source, &rules).unwrap();
        assert_eq!(best_path_decisions(&scenario), Some(1));
    }
}
