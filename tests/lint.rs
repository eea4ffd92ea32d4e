//! The warnings `check` gives about grading that contradicts the story, pinned on small
//! fixtures where the answer is known.

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use composure::check::check_paths;
use composure::rules::Rulebook;

/// The messages of the warnings with this code.
fn coded(path: &str, code: &str) -> Vec<String> {
    let report = check_paths(&[PathBuf::from(path)], &Rulebook::embedded().unwrap());
    assert_eq!(report.errors(), 0, "{:?}", report.problems);
    report
        .problems
        .iter()
        .filter(|p| p.code == Some(code))
        .map(|p| p.message.clone())
        .collect()
}

fn warnings(path: &str) -> Vec<String> {
    coded(path, "unearned-won-over")
}

/// A scenario of `n` decisions in a row, each with a good and a bad option, ending in one
/// of two endings; `edit` rewrites the source before it is checked.
fn chain(n: usize, good: &str, bad: &str) -> String {
    let mut nodes = String::new();
    for i in 0..n {
        let next = if i + 1 == n {
            "end".to_owned()
        } else {
            format!("d{}", i + 1)
        };
        nodes.push_str(&format!(
            r#"Decision(id: "d{i}", says: ["Line {i}."], choices: [
                Choice(id: "g{i}", text: "{good}", next: "{next}", verdicts: [Follows("empathise", 2)], consequence: "Fine.", coaching: "Good (empathise)."),
                Choice(id: "b{i}", text: "{bad}", next: "{next}", verdicts: [Breaks("empathise", 1)], consequence: "Hm.", coaching: "Bad (empathise)."),
            ]),
"#
        ));
    }
    format!(
        r#"Scenario(format: 1, id: "chain", title: "Chain", client_type: Rude,
    briefing: Briefing(situation: "A fixture.", goal: "Pin a lint."),
    client: Client(name: "Kim", persona: "A test client."),
    initial: ClientState(mood: 0, trust: 0), start: "d0",
    nodes: [{nodes}
        Ending(id: "end", says: ["Bye."], outcome: WonOver, closing: "Done."),
    ],
)"#
    )
}

fn check_text(text: &str, code: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("case.ron");
    std::fs::write(&path, text).unwrap();
    coded(path.to_str().unwrap(), code)
}

#[test]
fn a_won_over_ending_after_many_bad_choices_is_flagged() {
    let found = warnings("tests/fixtures/lint/unearned.ron");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("a path with 3 choices that break more rules"),
        "{found:?}"
    );
}

#[test]
fn a_route_on_trust_makes_the_same_ending_earned() {
    assert_eq!(
        warnings("tests/fixtures/lint/earned.ron"),
        Vec::<String>::new()
    );
}

#[test]
fn best_play_that_can_only_end_badly_is_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let source = std::fs::read_to_string("tests/fixtures/lint/earned.ron").unwrap();
    // Make the ending a trainee reaches by playing well the losing one.
    let flipped = source.replace("outcome: WonOver", "outcome: LostClient");
    let path = dir.path().join("flipped.ron");
    std::fs::write(&path, flipped).unwrap();
    let found = coded(path.to_str().unwrap(), "best-path-ends-badly");
    assert!(
        found.iter().any(|w| w
            .contains("best-graded option at every decision can only reach endings rated Fail")),
        "{found:?}"
    );
}

#[test]
fn a_best_answer_that_is_always_the_longest_is_flagged() {
    let long = chain(4, "A longer, considered answer.", "No.");
    let found = check_text(&long, "best-is-longest");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("at 4 of 4 decisions"), "{found:?}");
    let short = chain(4, "Yes.", "A longer answer that misses the point.");
    assert!(check_text(&short, "best-is-longest").is_empty());
}

#[test]
fn decisions_with_one_right_answer_each_are_flagged() {
    let found = check_text(&chain(4, "Yes.", "No."), "one-right-answer");
    assert_eq!(found.len(), 1, "{found:?}");
    // Make the second option defensible everywhere: it follows another rule.
    let text = chain(4, "Yes.", "No.").replace(
        r#"verdicts: [Breaks("empathise", 1)], consequence: "Hm.", coaching: "Bad (empathise).""#,
        r#"verdicts: [Follows("listen-actively", 2)], consequence: "Hm.", coaching: "Also fine (listen-actively).""#,
    );
    assert!(check_text(&text, "one-right-answer").is_empty());
}

#[test]
fn coaching_that_does_not_name_a_graded_rule_is_flagged() {
    let text = chain(1, "Yes.", "No.").replace("Good (empathise).", "Good.");
    let found = check_text(&text, "coaching-misses-rule");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("\"empathise\""), "{found:?}");
}

#[test]
fn a_rule_id_inside_a_remark_in_parentheses_is_flagged() {
    let text =
        chain(1, "Yes.", "No.").replace("Good (empathise).", "Good (empathise only in part).");
    let found = check_text(&text, "coaching-id-in-prose");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("\"empathise\""), "{found:?}");
    // Cited alone, with the remark outside, it reads as the rule's name.
    let text = chain(1, "Yes.", "No.").replace("Good (empathise).", "Good, mostly (empathise).");
    assert!(check_text(&text, "coaching-id-in-prose").is_empty());
}

#[test]
fn coaching_that_quotes_one_variant_of_the_line_is_flagged() {
    let text = chain(1, "Yes.", "No.")
        .replace(
            r#"says: ["Line 0."]"#,
            r#"says: ["You lot are cowboys.", "Eight days of this!"]"#,
        )
        .replace(
            "Good (empathise).",
            "He called you a cowboy and you let it pass (empathise).",
        );
    let found = check_text(&text, "quotes-one-variant");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("cowbo"), "{found:?}");
    // Said in every variant, it is fine.
    let text = text.replace("Eight days of this!", "Cowboys, eight days of this!");
    assert!(check_text(&text, "quotes-one-variant").is_empty());
}

#[test]
fn a_serious_breach_valued_above_a_clean_option_is_flagged() {
    let text = chain(1, "Yes.", "No.").replace(
        r#"verdicts: [Follows("empathise", 2)]"#,
        r#"verdicts: [Follows("empathise", 3), Follows("listen-actively", 3), Breaks("not-personal", 3)]"#,
    ).replace("Good (empathise).", "Mixed (empathise, listen-actively, not-personal).");
    let found = check_text(&text, "breach-not-ranked");
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn a_worse_choice_that_keeps_a_better_ending_open_is_flagged() {
    let text = chain(1, "Yes.", "No.")
        .replace(
            r#"Choice(id: "b0", text: "No.", next: "end""#,
            r#"Choice(id: "b0", text: "No.", next: "won""#,
        )
        .replace(
            r#"Ending(id: "end", says: ["Bye."], outcome: WonOver, closing: "Done."),"#,
            r#"Ending(id: "end", says: ["Bye."], outcome: Resolved, closing: "Done."),
        Ending(id: "won", says: ["Thanks!"], outcome: WonOver, closing: "Came back."),"#,
        );
    let found = check_text(&text, "worse-choice-better-ending");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("\"b0\""), "{found:?}");
}

#[test]
fn a_good_ending_reached_by_bad_handling_is_flagged() {
    // Every path of the chain ends won over, the all-bad one too.
    let found = check_text(&chain(3, "Yes.", "No."), "good-ending-bad-handling");
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn a_bad_ending_decided_by_one_minor_slip_is_flagged() {
    // At d1 the second option is a fair answer (value 1 of 2); it alone leads to a Fail.
    let text = chain(2, "Yes.", "No.")
        .replace(
            r#"Choice(id: "b1", text: "No.", next: "end", verdicts: [Breaks("empathise", 1)], consequence: "Hm.", coaching: "Bad (empathise).")"#,
            r#"Choice(id: "b1", text: "No.", next: "lost", verdicts: [Follows("listen-actively", 1)], consequence: "Hm.", coaching: "Fair (listen-actively).")"#,
        )
        .replace(
            r#"Ending(id: "end", says: ["Bye."], outcome: WonOver, closing: "Done."),"#,
            r#"Ending(id: "end", says: ["Bye."], outcome: WonOver, closing: "Done."),
        Ending(id: "lost", says: ["Never again."], outcome: LostClient, closing: "Gone."),"#,
        );
    let found = check_text(&text, "one-slip-bad-ending");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("\"b1\""), "{found:?}");
}

#[test]
fn a_scenario_with_no_excellent_ending_is_flagged() {
    let text = chain(1, "Yes.", "No.").replace("outcome: WonOver", "outcome: Resolved");
    assert_eq!(check_text(&text, "no-excellent-ending").len(), 1);
    let text = text.replace("outcome: Resolved", "outcome: Resolved, rating: Excellent");
    assert!(check_text(&text, "no-excellent-ending").is_empty());
}

#[test]
fn a_translation_whose_client_has_no_gender_is_flagged() {
    let english = chain(2, "Yes.", "No.");
    assert!(check_text(&english, "client-gender-missing").is_empty());
    let russian = english.replace("client_type: Rude,", "client_type: Rude, language: \"ru\",");
    let found = check_text(&russian, "client-gender-missing");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("gender: Feminine"), "{found:?}");
    let with_gender = russian.replace(
        "persona: \"A test client.\"",
        "persona: \"A test client.\", gender: Feminine",
    );
    assert!(check_text(&with_gender, "client-gender-missing").is_empty());
}

#[test]
fn a_phrasing_the_matcher_reads_as_another_option_is_flagged() {
    let good = "I understand, let me check the delivery for you now.";
    let bad = "Deliveries are not my department, call the courier.";
    let clear = chain(1, good, bad);
    assert_eq!(check_text(&clear, "typed-ambiguous"), Vec::<String>::new());
    // A phrasing of the good option that is the bad option's words, nearly.
    let muddled = clear.replacen(
        r#"next: "end", verdicts: [Follows"#,
        r#"phrasings: ["Deliveries are not my department, please call the courier."], next: "end", verdicts: [Follows"#,
        1,
    );
    let found = check_text(&muddled, "typed-ambiguous");
    assert!(!found.is_empty(), "{muddled}");
    assert!(
        found
            .iter()
            .any(|m| m.contains("choice \"g0\": its phrasing 1")),
        "{found:?}"
    );
}

#[test]
fn two_options_in_nearly_the_same_words_are_flagged() {
    let found = check_text(
        &chain(
            1,
            "I will send you the tracking number today.",
            "I will send you the tracking number later today.",
        ),
        "typed-ambiguous",
    );
    assert!(
        found.iter().any(|m| m.contains("too close to choice")),
        "{found:?}"
    );
}
