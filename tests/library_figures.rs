//! The shipped library as a test of judgement, in every language: the best answer is not
//! findable by its length, decisions offer more than one defensible answer, a trainee who
//! always picks the longest option does badly, every rule is exercised, and disguised clients
//! never give their diagnosis away before the debrief. `composure audit` reports the same
//! figures; these pin the floors the library must keep.

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;
use std::sync::Arc;

use composure::check::check_embedded;
use composure::engine::{Conversation, Report};
use composure::i18n::{Lang, Messages};
use composure::rules::measures::{best_is_longest, has_second_defensible, longest};
use composure::rules::{RuleScope, Rulebook};
use composure::scenario::{ClientType, Node, ValidScenario, Verdict};

fn rules() -> Rulebook {
    Rulebook::embedded().unwrap()
}

fn library() -> Vec<ValidScenario> {
    let report = check_embedded(&rules());
    assert_eq!(report.errors(), 0, "{:#?}", report.problems);
    report.scenarios
}

fn in_language(all: &[ValidScenario], lang: Lang) -> Vec<&ValidScenario> {
    all.iter()
        .filter(|s| s.scenario().language == lang.code())
        .collect()
}

/// The always-longest trainee's report, played through the engine.
fn always_longest(s: &ValidScenario) -> Report {
    let mut c = Conversation::start(Arc::new(s.clone()), 0, 0).unwrap();
    for step in 0..500u64 {
        let node = c.turn().node.clone();
        let Some(Node::Decision { choices, .. }) = s.node(&node) else {
            break;
        };
        let id = longest(choices).unwrap().id.clone();
        c.choose(&id, step).unwrap();
    }
    Report::new(&c, &rules())
}

#[test]
fn in_every_language_the_best_answer_cannot_be_found_by_its_length() {
    let all = library();
    for lang in Lang::ALL {
        let scenarios = in_language(&all, lang);
        assert!(scenarios.len() >= 24, "{lang:?}: {}", scenarios.len());
        let (mut decisions, mut longest_best, mut defensible) = (0, 0, 0);
        let (mut longest_total, mut longest_wins) = (0u32, 0);
        for s in &scenarios {
            let (mut d, mut l) = (0, 0);
            for node in &s.scenario().nodes {
                if let Node::Decision { choices, .. } = node
                    && choices.len() >= 2
                {
                    d += 1;
                    l += usize::from(best_is_longest(choices));
                    defensible += usize::from(has_second_defensible(choices));
                }
            }
            assert!(
                2 * l <= d,
                "{lang:?} {}: best is longest at {l} of {d}",
                s.id()
            );
            decisions += d;
            longest_best += l;
            let report = always_longest(s);
            longest_total += u32::from(report.score);
            let kind = s.scenario().client_type;
            let best = s
                .scenario()
                .nodes
                .iter()
                .filter_map(|n| n.rating(kind))
                .min();
            if report.ending.as_ref().and_then(|e| e.rating) == best {
                longest_wins += 1;
            }
        }
        assert!(
            100 * longest_best <= 35 * decisions,
            "{lang:?}: best is longest at {longest_best} of {decisions}"
        );
        assert!(
            100 * defensible >= 30 * decisions,
            "{lang:?}: a second defensible option at {defensible} of {decisions}"
        );
        let mean = f64::from(longest_total) / scenarios.len() as f64;
        assert!(mean <= 45.0, "{lang:?}: always-longest averages {mean:.1}");
        assert!(
            longest_wins <= 2,
            "{lang:?}: always-longest reaches the best ending in {longest_wins}"
        );
    }
}

#[test]
fn every_rule_is_at_least_three_percent_of_the_librarys_verdicts() {
    let all = library();
    let english = in_language(&all, Lang::En);
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let mut total = 0;
    for s in &english {
        for node in &s.scenario().nodes {
            if let Node::Decision { choices, .. } = node {
                for v in choices.iter().flat_map(|c| &c.verdicts) {
                    let (Verdict::Follows(r, _) | Verdict::Breaks(r, _)) = v;
                    *counts.entry(r.as_str()).or_default() += 1;
                    total += 1;
                }
            }
        }
    }
    let book = rules();
    let low: Vec<String> = book
        .rules
        .iter()
        .filter(|r| r.scope == RuleScope::Choice)
        .filter_map(|r| {
            let n = counts.get(r.id.as_str()).copied().unwrap_or(0);
            (100 * n < 3 * total)
                .then(|| format!("{} {:.1}%", r.id, 100.0 * n as f64 / total as f64))
        })
        .collect();
    assert!(low.is_empty(), "under 3% of {total} verdicts: {low:?}");
}

#[test]
fn the_dont_post_plea_appears_in_at_most_four_scenarios() {
    let all = library();
    let pleading = in_language(&all, Lang::En)
        .into_iter()
        .filter(|s| {
            s.scenario().nodes.iter().any(|n| match n {
                Node::Decision { choices, .. } => choices.iter().any(|c| {
                    let t = c.text.to_lowercase();
                    (t.contains("please don't") || t.contains("please do not"))
                        && (t.contains("post") || t.contains("review"))
                        && t.contains("trouble")
                }),
                _ => false,
            })
        })
        .count();
    assert!(pleading <= 4, "{pleading} scenarios plead");
}

#[test]
fn disguised_clients_come_both_ways_and_never_give_their_type_away_before_the_debrief() {
    let all = library();
    let english = in_language(&all, Lang::En);
    let disguised: Vec<&&ValidScenario> = english
        .iter()
        .filter(|s| s.scenario().is_disguised())
        .collect();
    assert!(disguised.len() >= 4, "{} disguised", disguised.len());
    assert!(
        disguised
            .iter()
            .any(|s| s.scenario().client_type == ClientType::ProblemClient),
        "no problem client in disguise"
    );
    assert!(
        disguised
            .iter()
            .any(|s| s.scenario().client_type != ClientType::ProblemClient),
        "no hopeless-looking client who can be helped"
    );
    for s in all.iter().filter(|s| s.scenario().is_disguised()) {
        let m = s.scenario();
        let lang = Lang::parse(&m.language).unwrap();
        let name = Messages::get(lang)
            .client_type(m.client_type)
            .to_lowercase();
        let mut shown: Vec<&str> = vec![&m.title, &m.briefing.situation, &m.briefing.goal];
        shown.extend(m.briefing.known.iter().map(String::as_str));
        shown.push(&m.client.persona);
        for node in &m.nodes {
            shown.extend(node.says().iter().map(String::as_str));
            if let Node::Decision { choices, .. } = node {
                shown.extend(choices.iter().map(|c| c.text.as_str()));
            }
        }
        for text in shown {
            assert!(
                !text.to_lowercase().contains(&name),
                "{} ({}): names its type \"{name}\" before the debrief: {text}",
                s.id(),
                m.language
            );
        }
        // The debrief's report carries the appearance, so the diagnosis can be revealed.
        let report = always_longest(s);
        assert_eq!(report.scenario.appears_as, m.appears_as, "{}", s.id());
    }
}
