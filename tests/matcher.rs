//! The matcher over the shipped library: every decision gets a matcher, an option's own text
//! is read as that option, and every tone note has its message in every language.

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use composure::i18n::Messages;
use composure::lang::Lang;
use composure::matcher::{Matcher, ToneFlag};
use composure::rules::Rulebook;
use composure::scenario::{Library, Node};

#[test]
fn every_tone_flag_has_a_note_in_every_language() {
    for lang in Lang::ALL {
        let ids = Messages::get(lang).ids();
        for flag in ToneFlag::ALL {
            assert!(ids.contains(&flag.message_id()), "{lang:?} {flag:?}");
        }
    }
}

#[test]
fn every_shipped_option_typed_word_for_word_is_read_as_itself() {
    let library = Library::embedded(&Rulebook::embedded().unwrap());
    let mut decisions = 0;
    for scenario in library.scenarios() {
        for node in &scenario.scenario().nodes {
            let Node::Decision { id, choices, .. } = node else {
                continue;
            };
            let matcher = Matcher::for_node(scenario, id).unwrap();
            decisions += 1;
            for (i, choice) in choices.iter().enumerate() {
                let reading = matcher.read(&choice.text);
                assert_eq!(
                    reading.confident(),
                    Some(i),
                    "{} {} {}: {reading:?}",
                    scenario.id(),
                    id,
                    choice.id
                );
            }
        }
    }
    assert!(decisions > 100, "{decisions}");
}
