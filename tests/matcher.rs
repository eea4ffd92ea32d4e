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

proptest::proptest! {
    /// Whatever is typed, the reading is well formed: every option ranked once with a
    /// similarity from 0 to 1, most similar first, and a question offers two or three.
    #[test]
    fn any_reply_gets_a_well_formed_reading(reply in "\\PC{0,200}") {
        let library = shipped();
        let scenario = library.get("rude-broken-washer", "en").unwrap().0;
        let matcher = Matcher::for_node(scenario, "opening").unwrap();
        let reading = matcher.read(&reply);
        let mut seen: Vec<usize> = reading.ranked.iter().map(|&(i, _)| i).collect();
        seen.sort_unstable();
        proptest::prop_assert_eq!(seen, vec![0, 1, 2, 3]);
        proptest::prop_assert!(reading.ranked.iter().all(|&(_, s)| (0.0..=1.0).contains(&s)));
        proptest::prop_assert!(reading.ranked.windows(2).all(|w| w[0].1 >= w[1].1));
        if let composure::matcher::Verdict::Ask { nearest } = &reading.verdict {
            proptest::prop_assert!((2..=3).contains(&nearest.len()));
        }
        proptest::prop_assert_eq!(&reading, &matcher.read(&reply));
    }
}

/// The shipped library, loaded once for the property test's many cases.
fn shipped() -> &'static Library {
    static LIBRARY: std::sync::OnceLock<Library> = std::sync::OnceLock::new();
    LIBRARY.get_or_init(|| Library::embedded(&Rulebook::embedded().unwrap()))
}
