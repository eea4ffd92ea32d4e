//! The rulebook carries every rule of the guidance, under the stable ids scenarios use, each
//! with its text and its sources.

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use composure::rules::{RuleScope, Rulebook};

/// The ids of the research notes' list of rules, in its order.
const IDS: [&str; 23] = [
    "calm-benevolent-tone",
    "no-rudeness-for-rudeness",
    "warm-not-cold",
    "not-defensive",
    "not-personal",
    "agree-before-objecting",
    "steer-gently",
    "no-one-swoop",
    "no-superiority",
    "same-side",
    "no-automatic-self-blame",
    "no-automatic-client-blame",
    "no-pity-seeking",
    "empathise",
    "listen-actively",
    "help-choose",
    "offer-solutions",
    "set-expectations",
    "clear-boundaries",
    "apologise-and-offer-extra",
    "diagnose-the-client",
    "end-professionally",
    "look-at-yourself",
];

const SEEDS: [&str; 5] = [
    "000_370f7c03f3899bed.txt",
    "001_5664774202293671.txt",
    "002_59bbcab85b14a8e3.txt",
    "003_d88dc49c5b3de80a.txt",
    "004_b7a120b9aef97dfb.txt",
];

#[test]
fn the_rulebook_has_every_rule_of_the_guidance_in_order() {
    let book = Rulebook::embedded().unwrap();
    let ids: Vec<&str> = book.rules.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, IDS);
}

#[test]
fn every_rule_has_a_name_guidance_what_breaks_it_and_seed_sources() {
    for rule in Rulebook::embedded().unwrap().rules {
        assert!(!rule.name.trim().is_empty(), "{}", rule.id);
        assert!(
            rule.name.chars().count() <= 40,
            "{}: name too long for the debrief",
            rule.id
        );
        assert!(
            rule.guidance.split_whitespace().count() >= 15,
            "{}: guidance too thin",
            rule.id
        );
        assert!(!rule.breaks.trim().is_empty(), "{}", rule.id);
        assert!(!rule.sources.is_empty(), "{}", rule.id);
        for source in &rule.sources {
            assert!(
                SEEDS.contains(&source.as_str()),
                "{}: unknown source {source}",
                rule.id
            );
        }
    }
}

#[test]
fn only_looking_at_yourself_is_a_debrief_prompt() {
    let book = Rulebook::embedded().unwrap();
    let prompts: Vec<&str> = book
        .rules
        .iter()
        .filter(|r| r.scope == RuleScope::Debrief)
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(prompts, ["look-at-yourself"]);
}

#[test]
fn a_rulebook_with_a_repeated_id_is_refused() {
    let source = r#"Rulebook(format: 1, rules: [
        Rule(id: "a", name: "A", group: "G", guidance: "g", breaks: "b", sources: []),
        Rule(id: "a", name: "A", group: "G", guidance: "g", breaks: "b", sources: []),
    ])"#;
    let err = Rulebook::parse(source).unwrap_err();
    assert!(
        err.to_string().contains("\"a\" appears more than once"),
        "{err}"
    );
}

#[test]
fn every_translation_of_the_rulebook_has_every_rule_in_order() {
    use composure::rules::{TRANSLATIONS, parse_translation};
    let book = Rulebook::embedded().unwrap();
    for (lang, file, source) in TRANSLATIONS {
        let texts = parse_translation(file, source).unwrap();
        assert_eq!(texts.language, lang.code(), "{file}");
        let ids: Vec<&str> = texts.rules.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, IDS, "{file}");
        for (text, rule) in texts.rules.iter().zip(&book.rules) {
            for (field, translated, english) in [
                ("name", &text.name, &rule.name),
                ("guidance", &text.guidance, &rule.guidance),
                ("breaks", &text.breaks, &rule.breaks),
            ] {
                assert!(
                    !translated.trim().is_empty(),
                    "{file}: {} has no {field}",
                    text.id
                );
                assert_ne!(
                    translated, english,
                    "{file}: {} {field} is still English",
                    text.id
                );
            }
            assert!(
                text.name.chars().count() <= 40,
                "{file}: {} name too long",
                text.id
            );
        }
    }
}

#[test]
fn where_the_sources_disagree_the_guidance_says_so_in_every_language_citing_the_articles() {
    use composure::i18n::Lang;
    // By number: the articles are not shipped, so their file names mean nothing to a reader.
    let cases = [
        ("no-automatic-self-blame", &["000", "001", "002", "003"][..]),
        ("same-side", &["000", "001"][..]),
    ];
    for lang in Lang::ALL {
        let book = Rulebook::embedded_in(lang).unwrap();
        for (id, seeds) in cases {
            let guidance = &book.get(id).unwrap().guidance;
            for seed in seeds {
                assert!(guidance.contains(seed), "{lang:?} {id}: no {seed}");
            }
            assert!(!guidance.contains(".txt"), "{lang:?} {id}: a file name");
            assert!(guidance.contains("Composure"), "{lang:?} {id}: no ruling");
            // Guidance talks about what the sources say, not about their translations.
            for word in ["machine", "translation", "oversett", "перевод"] {
                assert!(
                    !guidance.to_lowercase().contains(word),
                    "{lang:?} {id}: {word}"
                );
            }
        }
    }
}

/// Every shipped scenario's coaching, rendered with the rulebook of its language, names rules
/// and leaves no rule id where a trainee reads it: no id right after "(" or before ")", and
/// none in a list inside parentheses.
#[test]
fn shipped_coaching_reads_with_rule_names_in_every_language() {
    use composure::lang::Lang;
    let english = Rulebook::embedded().unwrap();
    let library = composure::scenario::Library::embedded(&english);
    assert!(library.problems.is_empty());
    let mut rendered = 0;
    for scenario in library.scenarios() {
        let m = scenario.scenario();
        let lang = Lang::parse(&m.language).unwrap();
        let book = Rulebook::embedded_in(lang).unwrap();
        let choices = m.nodes.iter().flat_map(|n| match n {
            composure::scenario::Node::Decision { choices, .. } => choices.as_slice(),
            _ => &[],
        });
        for choice in choices {
            let text = book.render_coaching(&choice.coaching);
            if text != choice.coaching {
                rendered += 1;
            }
            for id in IDS {
                for pattern in [format!("({id}"), format!("{id})"), format!("{id},")] {
                    assert!(
                        !text.contains(&pattern),
                        "{} ({}), choice {}: {text}",
                        m.id,
                        m.language,
                        choice.id
                    );
                }
            }
        }
    }
    assert!(rendered > 100, "only {rendered} coaching texts named rules");
}
