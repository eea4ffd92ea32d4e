//! What a decision's options say about the grading, apart from any trainee: whether the best
//! option gives itself away by being the longest, and how many options a thoughtful person
//! could defend. `check`'s lints and `composure audit` count these the same way.

use super::grade::{DecisionScale, choice_value, is_serious, serious_breach};
use crate::scenario::Choice;

/// An option's length as a trainee sees it: its characters.
pub fn text_length(choice: &Choice) -> usize {
    choice.text.chars().count()
}

/// The longest option (the first in file order on a tie), as a trainee who never reads
/// would pick it.
pub fn longest(choices: &[Choice]) -> Option<&Choice> {
    choices.iter().rev().max_by_key(|c| text_length(c))
}

/// Whether the longest option at a decision of two or more options is valued highest there,
/// so "pick the longest" finds the best answer without reading.
pub fn best_is_longest(choices: &[Choice]) -> bool {
    if choices.len() < 2 {
        return false;
    }
    let best = DecisionScale::of(choices).best;
    let longest = choices.iter().map(text_length).max().unwrap_or(0);
    choices
        .iter()
        .any(|c| text_length(c) == longest && choice_value(c) == best)
}

/// The least an option must score at its decision, (value − worst) / (best − worst), to be
/// defensible.
pub const DEFENSIBLE_SCORE: f64 = 0.5;

/// Whether a thoughtful person could defend this option: it follows more than it breaks, it
/// is no serious mistake (breaks no rule at weight 3), and it comes at least halfway from the
/// worst option to the best.
pub fn is_defensible(choice: &Choice, choices: &[Choice]) -> bool {
    let value = choice_value(choice);
    value > 0
        && serious_breach(choice).is_none()
        && DecisionScale::of(choices).score(value) >= DEFENSIBLE_SCORE
}

/// Whether a decision offers a second defensible option beside its best one.
pub fn has_second_defensible(choices: &[Choice]) -> bool {
    choices.iter().filter(|c| is_defensible(c, choices)).count() >= 2
}

/// Options that break a rule at weight 3 but are valued no lower than some option that breaks
/// none, so they do not count as a serious mistake (see [`is_serious`]).
pub fn unranked_breaches(choices: &[Choice]) -> impl Iterator<Item = (usize, &Choice)> {
    choices
        .iter()
        .enumerate()
        .filter(move |(_, c)| serious_breach(c).is_some() && !is_serious(c, choices))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{Effect, Verdict};

    fn choice(id: &str, text: &str, verdicts: Vec<Verdict>) -> Choice {
        Choice {
            id: id.to_owned(),
            text: text.to_owned(),
            phrasings: Vec::new(),
            next: "end".to_owned(),
            verdicts,
            effect: Effect::default(),
            consequence: "c".to_owned(),
            coaching: "c".to_owned(),
        }
    }

    fn f(rule: &str, w: u8) -> Verdict {
        Verdict::Follows(rule.to_owned(), w)
    }

    fn b(rule: &str, w: u8) -> Verdict {
        Verdict::Breaks(rule.to_owned(), w)
    }

    #[test]
    fn the_longest_option_is_found_and_tested_against_the_best() {
        let choices = vec![
            choice("short", "Yes.", vec![f("empathise", 3)]),
            choice("long", "A much longer answer.", vec![b("empathise", 1)]),
        ];
        assert_eq!(longest(&choices).map(|c| c.id.as_str()), Some("long"));
        assert!(!best_is_longest(&choices));
        let choices = vec![
            choice("short", "Yes.", vec![b("empathise", 1)]),
            choice("long", "A much longer answer.", vec![f("empathise", 3)]),
        ];
        assert!(best_is_longest(&choices));
    }

    #[test]
    fn a_defensible_option_follows_more_than_it_breaks_and_comes_halfway_to_the_best() {
        let choices = vec![
            choice(
                "best",
                "a",
                vec![f("empathise", 3), f("listen-actively", 2)],
            ),
            choice("second", "b", vec![f("offer-solutions", 2)]),
            choice(
                "serious",
                "c",
                vec![f("empathise", 3), b("not-personal", 3)],
            ),
            choice("bad", "d", vec![b("empathise", 3)]),
        ];
        // Scale: best 5, worst -3. "second" scores 5/8, "serious" breaks at weight 3.
        assert!(is_defensible(&choices[0], &choices));
        assert!(is_defensible(&choices[1], &choices));
        assert!(!is_defensible(&choices[2], &choices));
        assert!(!is_defensible(&choices[3], &choices));
        assert!(has_second_defensible(&choices));
        // "serious" (value 0) is valued below "second" (2) but above nothing clean... it is
        // below every clean option (5 and 2), so it counts as serious; "bad" too.
        assert_eq!(unranked_breaches(&choices).count(), 0);
        let choices = vec![
            choice("clean", "a", vec![b("empathise", 1)]),
            choice("breach", "b", vec![f("empathise", 3), b("not-personal", 3)]),
        ];
        assert_eq!(
            unranked_breaches(&choices)
                .map(|(i, _)| i)
                .collect::<Vec<_>>(),
            vec![1]
        );
    }
}
