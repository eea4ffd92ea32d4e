//! Importing Twine stories written in Twee 3: every link form, the start and the title, a
//! warning at its line for each thing that is not carried over, an error at its line for each
//! malformed file, output that always parses back into the same scenario, and the
//! `composure import twee` command around it.

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::composure;

use std::time::{Duration, Instant};

use composure::import::twee::{self, Options, TweeErrorKind};
use composure::import::{Import, TODO_CLOSING, TODO_COACHING, TODO_CONSEQUENCE, TODO_SAYS, to_ron};
use composure::rules::Rulebook;
use composure::scenario::{self, ClientType, Effect, Node, Outcome};
use predicates::prelude::*;
use proptest::prelude::*;

const DIR: &str = "tests/fixtures/twee";

/// Every fixture that imports, and the ones among them whose every link resolves and whose
/// every passage is reachable, so the draft loads with no problem at all.
const VALID: &[&str] = &[
    "full",
    "links",
    "sugarcube",
    "snowman",
    "collisions",
    "loose-ends",
    "web-link-only",
];
const LOADS_CLEANLY: &[&str] = &[
    "full",
    "links",
    "sugarcube",
    "snowman",
    "collisions",
    "web-link-only",
];

fn source(name: &str) -> String {
    std::fs::read_to_string(format!("{DIR}/{name}.twee")).unwrap()
}

fn options() -> Options {
    Options {
        client_type: Some(ClientType::KnowItAll),
        fallback_name: "fallback-name".to_owned(),
    }
}

fn import(name: &str) -> Import {
    twee::import(&source(name), &options()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn node<'a>(import: &'a Import, id: &str) -> &'a Node {
    import
        .scenario
        .nodes
        .iter()
        .find(|n| n.id() == id)
        .unwrap_or_else(|| panic!("no node \"{id}\""))
}

fn says<'a>(import: &'a Import, id: &str) -> &'a [String] {
    node(import, id).says()
}

/// `(choice id, text, next)` of a decision, in order.
fn choices<'a>(import: &'a Import, id: &str) -> Vec<(&'a str, &'a str, &'a str)> {
    match node(import, id) {
        Node::Decision { choices, .. } => choices
            .iter()
            .map(|c| (c.id.as_str(), c.text.as_str(), c.next.as_str()))
            .collect(),
        _ => panic!("\"{id}\" is not a decision"),
    }
}

fn all_warnings(import: &Import) -> String {
    import
        .warnings
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Asserts one warning at `line` contains every one of `needles`.
fn warned(import: &Import, line: Option<usize>, needles: &[&str]) {
    let found = import
        .warnings
        .iter()
        .any(|w| w.line == line && needles.iter().all(|n| w.message.contains(n)));
    assert!(
        found,
        "no warning at {line:?} with {needles:?}; the warnings:\n{}",
        all_warnings(import)
    );
}

fn not_warned(import: &Import, needle: &str) {
    assert!(
        import.warnings.iter().all(|w| !w.message.contains(needle)),
        "unexpected warning with {needle:?}:\n{}",
        all_warnings(import)
    );
}

// --- Links, start and title --------------------------------------------------------------------

#[test]
fn every_link_form_becomes_a_choice_with_the_links_text_and_target() {
    let imported = import("links");
    assert_eq!(
        choices(&imported, "start"),
        [
            ("simple", "Simple", "simple"),
            ("arrow-text", "Arrow text", "arrow"),
            ("back-arrow-text", "Back arrow text", "back"),
            ("pipe-text", "Pipe text", "pipe"),
            // Twine reads the rightmost `->` as the divider.
            ("rightmost-wins", "Rightmost -> wins", "arrow"),
            ("ask-about-the-price", "ask about the price", "price-approx"),
        ]
    );
}

#[test]
fn the_client_line_loses_the_list_of_links_but_keeps_a_links_words_inside_a_sentence() {
    let imported = import("links");
    assert_eq!(
        says(&imported, "start"),
        [
            "\"I want to speak to someone who knows what they're doing.\"\nYou could also ask about the price first."
        ]
    );
}

#[test]
fn choices_are_ungraded_with_todo_consequence_and_coaching() {
    let imported = import("full");
    for n in &imported.scenario.nodes {
        if let Node::Decision { choices, .. } = n {
            for c in choices {
                assert!(c.verdicts.is_empty(), "{}", c.id);
                assert_eq!(c.effect, Effect::default());
                assert_eq!(c.consequence, TODO_CONSEQUENCE);
                assert_eq!(c.coaching, TODO_COACHING);
            }
        }
    }
    let s = &imported.scenario;
    assert!(s.briefing.situation.starts_with("TODO"));
    assert!(s.briefing.goal.starts_with("TODO"));
    assert!(s.client.name.starts_with("TODO"));
    assert!(s.client.persona.starts_with("TODO"));
    assert_eq!((s.initial.mood, s.initial.trust), (0, 0));
}

#[test]
fn story_data_start_and_story_title_give_the_start_the_title_and_the_id() {
    let imported = import("full");
    assert_eq!(imported.scenario.start, "front-desk");
    assert_eq!(imported.scenario.title, "The double-charged dinner");
    assert_eq!(imported.scenario.id, "the-double-charged-dinner");
    assert_eq!(imported.story_format.as_deref(), Some("Harlowe 3.3.8"));
    not_warned(&imported, "start");
    not_warned(&imported, "StoryTitle");
}

#[test]
fn without_a_start_in_story_data_the_passage_named_start_starts_even_when_not_first() {
    let imported = import("sugarcube");
    assert_eq!(imported.scenario.start, "start");
    assert!(matches!(
        imported.scenario.nodes.first(),
        Some(Node::Ending { id, .. }) if id == "replacement"
    ));
    not_warned(&imported, "start passage");
}

#[test]
fn a_start_naming_no_passage_falls_back_to_start_with_a_warning() {
    let imported = import("snowman");
    assert_eq!(imported.scenario.start, "start");
    warned(
        &imported,
        Some(6),
        &[
            "\"start\" is \"Begin\"",
            "no passage has that name",
            "starts at \"Start\"",
        ],
    );
}

#[test]
fn with_no_start_at_all_the_first_passage_starts_with_a_warning() {
    let imported = import("collisions");
    assert_eq!(imported.scenario.start, "hall");
    warned(
        &imported,
        Some(3),
        &["no start passage", "starts at the first passage, \"Hall\""],
    );
}

#[test]
fn without_story_title_the_title_and_id_come_from_the_output_name() {
    let imported = import("sugarcube");
    assert_eq!(imported.scenario.title, "Fallback name");
    assert_eq!(imported.scenario.id, "fallback-name");
    warned(&imported, None, &["no StoryTitle", "\"Fallback name\""]);
}

#[test]
fn a_passage_without_links_becomes_a_resolved_ending_with_a_warning() {
    let imported = import("full");
    match node(&imported, "refund") {
        Node::Ending {
            says,
            outcome,
            closing,
            ..
        } => {
            assert_eq!(says, &["\"Thank you. That's all I wanted.\""]);
            assert_eq!(*outcome, Outcome::Resolved);
            assert_eq!(closing, TODO_CLOSING);
        }
        _ => panic!("refund should be an ending"),
    }
    warned(
        &imported,
        Some(54),
        &[
            "\"Refund\" has no links",
            "Ending with outcome Resolved",
            "set its real outcome and closing",
        ],
    );
}

#[test]
fn a_link_to_a_missing_passage_is_left_out_and_named_in_a_warning() {
    let imported = import("full");
    assert!(
        choices(&imported, "front-desk")
            .iter()
            .all(|(_, text, _)| !text.contains("card machine"))
    );
    assert_eq!(choices(&imported, "front-desk").len(), 3);
    warned(
        &imported,
        Some(32),
        &[
            "passage \"Front desk\"",
            "[[Blame the card machine->Card machine]]",
            "\"Card machine\", but no passage has that name",
            "did not become a choice",
        ],
    );
}

#[test]
fn a_passage_whose_links_all_miss_becomes_an_ending_with_a_warning() {
    let imported = import("collisions");
    assert!(matches!(node(&imported, "hall-2"), Node::Ending { .. }));
    warned(
        &imported,
        Some(24),
        &["[[Nowhere]]", "no passage has that name"],
    );
    warned(
        &imported,
        Some(22),
        &["\"Hall 2\" has no link that became a choice", "Ending"],
    );
}

#[test]
fn a_passage_whose_only_link_is_to_the_web_says_its_link_did_not_become_a_choice() {
    let imported = import("web-link-only");
    assert!(matches!(node(&imported, "start"), Node::Ending { .. }));
    warned(
        &imported,
        Some(3),
        &["links to web pages", "https://example.com"],
    );
    warned(&imported, Some(1), &["has no link that became a choice"]);
}

#[test]
fn a_link_to_a_passage_that_is_not_carried_over_is_left_out_with_a_warning() {
    let imported = import("sugarcube");
    warned(
        &imported,
        Some(33),
        &[
            "[[Reset everything->StoryInit]]",
            "not carried over",
            "did not become a choice",
        ],
    );
}

#[test]
fn a_passage_with_nothing_but_links_says_todo_with_a_warning() {
    let imported = import("collisions");
    assert_eq!(says(&imported, "hall"), [TODO_SAYS]);
    warned(&imported, Some(3), &["passage \"Hall\"", "no text is left"]);
}

// --- Ids ---------------------------------------------------------------------------------------

#[test]
fn node_ids_come_from_names_and_collisions_are_numbered_with_a_warning() {
    let imported = import("collisions");
    let ids: Vec<&str> = imported.scenario.nodes.iter().map(Node::id).collect();
    // "Hall 2" owns `hall-2` by its own name, so the later "hall"s skip it.
    assert_eq!(ids, ["hall", "hall-3", "hall-4", "passage-4", "hall-2"]);
    warned(
        &imported,
        Some(10),
        &[
            "\"hall\" would have the node id \"hall\"",
            "\"Hall\" on line 3",
            "\"hall-3\"",
        ],
    );
    warned(&imported, Some(14), &["\"Hall!\"", "\"hall-4\""]);
    // A name with no Latin letters gets a numbered id silently: nothing collided.
    not_warned(&imported, "Привет\" would have");
}

#[test]
fn ids_drop_accents_and_choice_ids_are_unique_across_the_scenario() {
    let imported = import("full");
    assert!(choices(&imported, "check-the-bill").contains(&(
        "offer-a-creme-brulee-on-the-house",
        "Offer a crème brûlée on the house",
        "creme-brulee"
    )));
    assert_eq!(choices(&imported, "check-the-bill")[0].0, "refund");
    assert_eq!(choices(&imported, "manager")[0].0, "refund-2");
}

// --- Warnings for what is not carried over ----------------------------------------------------

#[test]
fn each_unsupported_feature_of_the_full_story_is_a_warning_at_its_line() {
    let imported = import("full");
    let expected: &[(usize, &[&str])] = &[
        (11, &["StoryData", "\"tag-colors\" is not carried over"]),
        (14, &["StoryData", "\"zoom\" is not carried over"]),
        (18, &["\"Story Stylesheet\" is a stylesheet passage", "CSS"]),
        (
            22,
            &["\"Story JavaScript\" is a script passage", "JavaScript"],
        ),
        (
            26,
            &["\"Front desk\"", "tags are not carried over: angry opening"],
        ),
        (26, &["positions and sizes", "7 passages", "\"Front desk\""]),
        (
            27,
            &["\"Front desk\"", "macros are not carried over", "(set:)"],
        ),
        (
            27,
            &[
                "\"Front desk\"",
                "variables are not carried over: $patience",
            ],
        ),
        (
            36,
            &[
                "\"Check the bill\"",
                "macros",
                "(if:)",
                "kept as plain text",
            ],
        ),
        (
            36,
            &[
                "\"Check the bill\"",
                "variables are not carried over: $patience",
            ],
        ),
        (36, &["\"Check the bill\"", "HTML tags", "<b>"]),
        (
            37,
            &["\"Check the bill\"", "replace them with words: $guestName"],
        ),
        (43, &["\"Bank\"", "macros", "<<set>>"]),
        (
            43,
            &["\"Bank\"", "variables are not carried over: _annoyed"],
        ),
        (44, &["\"Bank\"", "macros", "<<if>>"]),
        (
            60,
            &["\"Crème brûlée\"", "links made by macros", "(link-goto:)"],
        ),
    ];
    for (line, needles) in expected {
        warned(&imported, Some(*line), needles);
    }
    // The IFID and the story format are used, not lost.
    not_warned(&imported, "ifid");
    not_warned(&imported, "\"format");
    // Code is out of the client's lines; the words it controlled and printed variables stay.
    assert_eq!(
        says(&imported, "check-the-bill"),
        [
            "She taps her foot while you look. She's still calm.\n\"Well? Is it there or not, $guestName?\""
        ]
    );
    assert_eq!(
        says(&imported, "bank"),
        ["\"The bank? I'm standing right here!\"\nShe turns to leave."]
    );
}

#[test]
fn sugarcube_code_comments_setters_and_web_links_are_warnings() {
    let imported = import("sugarcube");
    let expected: &[(usize, &[&str])] = &[
        (9, &["\"StoryInit\" is a special passage"]),
        (13, &["\"Shared widgets\" is tagged `widget`"]),
        (26, &["comments were taken out", "<!-- -->"]),
        (28, &["macros", "<<link>>, <<set>>"]),
        (28, &["variables are not carried over: $refunds"]),
        (29, &["link setters are not carried over: [$refunds to 1]"]),
        (
            30,
            &["links made by macros do not become choices: <<goto>>"],
        ),
        (31, &["script and style elements", "<script>"]),
        (32, &["links to web pages", "https://example.com/policy"]),
    ];
    for (line, needles) in expected {
        warned(&imported, Some(*line), needles);
    }
    // A `[[link]]` written inside `<<link>>` is still a choice, as Twine draws it.
    assert_eq!(
        choices(&imported, "start"),
        [
            ("offer-a-replacement", "Offer a replacement", "replacement"),
            ("offer-a-discount", "Offer a discount", "discount"),
        ]
    );
    // `(note: …)` is prose in SugarCube, not a Harlowe macro.
    assert_eq!(
        says(&imported, "start"),
        ["\"Your driver left my sofa out in the rain (note: it rained all day).\""]
    );
}

#[test]
fn snowman_code_goes_and_markdown_emphasis_is_not_taken_for_a_variable() {
    let imported = import("snowman");
    warned(&imported, Some(11), &["macros", "<% %>"]);
    warned(&imported, Some(13), &["macros", "<%= %>"]);
    not_warned(&imported, "_third");
    assert_eq!(
        says(&imported, "start"),
        ["\"This is the _third_ time I have called (really: the third).\""]
    );
}

#[test]
fn header_metadata_other_than_layout_and_invalid_metadata_are_warnings() {
    let imported = import("links");
    warned(
        &imported,
        Some(15),
        &["\"Simple\"", "metadata is not valid JSON", "ignored"],
    );
    warned(
        &imported,
        Some(27),
        &["\"Pipe\"", "metadata is not carried over: note"],
    );
    // A Twee 2 `<x,y>` position counts as layout, like Twee 3's position and size.
    warned(
        &imported,
        Some(23),
        &["positions and sizes", "2 passages", "\"Back\", \"Pipe\""],
    );
    // `\{` in a header is a brace in the name.
    assert!(matches!(
        node(&imported, "price-approx"),
        Node::Ending { .. }
    ));
}

#[test]
fn text_before_the_first_passage_is_a_warning() {
    warned(
        &import("collisions"),
        Some(1),
        &["before the first passage header"],
    );
}

#[test]
fn the_client_type_is_the_one_asked_for_or_a_default_with_a_warning() {
    let imported = import("full");
    assert_eq!(imported.scenario.client_type, ClientType::KnowItAll);
    not_warned(&imported, "client type");
    let defaulted = twee::import(
        &source("full"),
        &Options {
            client_type: None,
            ..options()
        },
    )
    .unwrap();
    assert_eq!(defaulted.scenario.client_type, twee::DEFAULT_CLIENT_TYPE);
    warned(
        &defaulted,
        None,
        &["no client type was given", "client_type is Rude"],
    );
}

// --- Malformed files ---------------------------------------------------------------------------

#[test]
fn malformed_files_are_errors_at_the_line_where_they_go_wrong() {
    type IsExpected = fn(&TweeErrorKind) -> bool;
    let cases: &[(&str, usize, IsExpected)] = &[
        ("empty", 1, |k| matches!(k, TweeErrorKind::Empty)),
        ("no-passages", 1, |k| matches!(k, TweeErrorKind::NoPassages)),
        ("unterminated-tags", 5, |k| {
            matches!(k, TweeErrorKind::UnterminatedTags)
        }),
        ("unterminated-metadata", 5, |k| {
            matches!(k, TweeErrorKind::UnterminatedMetadata)
        }),
        (
            "bad-storydata",
            8,
            |k| matches!(k, TweeErrorKind::StoryDataJson(m) if m.contains("trailing comma")),
        ),
        (
            "duplicate-name",
            8,
            |k| matches!(k, TweeErrorKind::DuplicateName { name, first: 5 } if name == "Tracking"),
        ),
        (
            "trailing-text",
            1,
            |k| matches!(k, TweeErrorKind::TrailingText(t) if t == "extra words"),
        ),
        ("start-not-string", 4, |k| {
            matches!(k, TweeErrorKind::StartNotString)
        }),
        ("only-special", 1, |k| {
            matches!(k, TweeErrorKind::NoStoryPassages)
        }),
    ];
    for (name, line, expected) in cases {
        let error = twee::import(&source(name), &options())
            .err()
            .unwrap_or_else(|| panic!("{name} imported"));
        assert_eq!(error.line, *line, "{name}: {error}");
        assert!(expected(&error.kind), "{name}: {error}");
    }
}

#[test]
fn a_file_that_is_not_utf8_is_an_error_at_the_line_of_the_first_bad_byte() {
    let bytes = std::fs::read(format!("{DIR}/not-utf8.twee")).unwrap();
    let error = twee::decode(&bytes).unwrap_err();
    assert_eq!(error.line, 3);
    assert_eq!(error.kind, TweeErrorKind::NotUtf8);
}

// --- The output --------------------------------------------------------------------------------

#[test]
fn the_output_of_every_valid_fixture_parses_back_into_the_same_scenario() {
    for name in VALID {
        let imported = import(name);
        let ron = to_ron(&imported, &format!("{name}.twee")).unwrap();
        assert!(
            ron.starts_with(&format!("// Imported from {name}.twee")),
            "{ron}"
        );
        assert!(ron.contains("Scenario(\n    format: 1,"), "{ron}");
        // Struct names are written, so the draft reads like a hand-written scenario.
        assert!(ron.contains("briefing: Briefing("), "{ron}");
        assert!(
            ron.contains("nodes: [\n        Decision(\n            id:")
                || ron.contains("nodes: [\n        Ending(\n            id:"),
            "{ron}"
        );
        let parsed = scenario::parse(&ron).unwrap_or_else(|e| panic!("{name}: {e:?}\n{ron}"));
        assert_eq!(parsed, imported.scenario, "{name}");
    }
}

#[test]
fn drafts_whose_links_all_resolve_load_with_no_problem() {
    let rules = Rulebook::embedded().unwrap();
    for name in LOADS_CLEANLY {
        let ron = to_ron(&import(name), "x.twee").unwrap();
        if let Err(problems) = scenario::load_source(name, &ron, &rules) {
            let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
            panic!("{name}: {list:#?}");
        }
    }
}

#[test]
fn a_story_with_loose_ends_loads_with_only_the_graph_problems_the_trainer_must_fix() {
    let rules = Rulebook::embedded().unwrap();
    let ron = to_ron(&import("loose-ends"), "loose-ends.twee").unwrap();
    let problems = scenario::load_source("loose-ends.ron", &ron, &rules).unwrap_err();
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "the conversation can loop forever through start → again: no ending can be reached from there",
            "node \"forgotten\" cannot be reached from the start",
        ]
    );
}

#[test]
fn the_full_story_imports_to_this_draft_and_these_warnings() {
    let imported = import("full");
    let ron = to_ron(&imported, "full.twee").unwrap();
    insta::assert_snapshot!("full_twee_ron", ron);
    insta::assert_snapshot!("full_twee_warnings", all_warnings(&imported));
}

// --- Hostile input -----------------------------------------------------------------------------

#[test]
fn a_passage_full_of_unclosed_markup_imports_in_linear_time() {
    // Each unclosed opener would send a naive scanner to the end of the passage again.
    for unit in [
        "<<",
        "[[",
        "(a:",
        "<b",
        "<%",
        "<!--",
        "/*",
        "$a ",
        "[[x]]",
        "[[x|y][z]] ",
    ] {
        let text = format!(":: Start\n{}\n", unit.repeat(100_000));
        let started = Instant::now();
        let result = twee::import(&text, &options());
        assert!(result.is_ok(), "{unit}");
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{unit}: {:?}",
            started.elapsed()
        );
    }
}

/// Pieces of Twee markup, so random text reaches past the header checks into links and code.
const PIECES: &[&str] = &[
    ":: ",
    "::Start",
    ":: StoryData\n",
    ":: StoryTitle\n",
    "\n",
    "\n\n",
    "[[",
    "]]",
    "->",
    "<-",
    "|",
    "][",
    "[",
    "]",
    "{",
    "}",
    "\\",
    "(set:",
    "(if:",
    ")",
    "<<",
    ">>",
    "<</",
    "<%",
    "%>",
    "<b>",
    "</b>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "$x",
    "_t",
    "\"",
    "'",
    "Start",
    "A",
    "é",
    "Привет",
    "\t",
    "\r",
    "{\"start\":\"A\"}",
    "{\"position\":\"1,2\"}",
    " [tag] ",
    "script",
    "https://",
    "\u{2}",
    "\u{3}",
    "\u{0}",
];
const NAMES: &[&str] = &[
    "Start",
    "A",
    "b b",
    "A!",
    "Привет",
    "StoryTitle",
    "Ünïcödé",
    "x",
];
const HEADER_ENDS: &[&str] = &[
    "",
    " [tag]",
    " [script]",
    " {\"position\":\"1,2\"}",
    " [t u] {\"size\":\"1,1\",\"z\":1}",
    " {bad}",
];
const LINKS: &[&str] = &[
    "[[T]]",
    "[[go->T]]",
    "[[T<-go]]",
    "[[go|T]]",
    "[[T][$x to 1]]",
];

fn markup_soup() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            4 => proptest::sample::select(PIECES).prop_map(str::to_owned),
            1 => any::<String>(),
        ],
        0..60,
    )
    .prop_map(|pieces| pieces.concat())
}

/// Whole stories: passages with distinct names, headers with tags and metadata, and bodies of
/// prose, markup and links to one another.
fn story() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => proptest::sample::select(PIECES).prop_map(str::to_owned),
        3 => (proptest::sample::select(LINKS), proptest::sample::select(NAMES))
            .prop_map(|(link, name)| format!("{}\n", link.replace('T', name))),
        1 => any::<String>(),
    ];
    proptest::sample::subsequence(NAMES, 1..=NAMES.len())
        .prop_shuffle()
        .prop_flat_map(move |names| {
            let n = names.len();
            (
                Just(names),
                proptest::collection::vec(proptest::sample::select(HEADER_ENDS), n),
                proptest::collection::vec(proptest::collection::vec(piece.clone(), 0..10), n),
            )
        })
        .prop_map(|(names, ends, bodies)| {
            names
                .iter()
                .zip(ends)
                .zip(bodies)
                .map(|((name, end), body)| format!(":: {name}{end}\n{}\n\n", body.concat()))
                .collect()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn random_text_never_panics_the_importer(text in any::<String>()) {
        let _ = twee::import(&text, &options());
    }

    #[test]
    fn random_markup_never_panics_the_importer(text in markup_soup()) {
        let _ = twee::import(&text, &options());
    }

    #[test]
    fn random_bytes_never_panic_decoding(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        if let Ok(text) = twee::decode(&bytes) {
            let _ = twee::import(text, &options());
        }
    }

    #[test]
    fn whatever_imports_is_written_as_ron_that_parses_back_unchanged(text in story()) {
        if let Ok(imported) = twee::import(&text, &options()) {
            let ron = to_ron(&imported, "random.twee").unwrap();
            let parsed = scenario::parse(&ron);
            prop_assert!(parsed.is_ok(), "{:?}\n{}", parsed, ron);
            prop_assert_eq!(parsed.unwrap(), imported.scenario);
        }
    }
}

// --- The command -------------------------------------------------------------------------------

#[test]
fn import_writes_the_draft_prints_warnings_to_stderr_and_a_summary_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("dinner.ron");
    let shown = out.display().to_string();
    composure()
        .args(["import", "twee", "tests/fixtures/twee/full.twee", "-o"])
        .arg(&out)
        .args(["--client-type", "know-it-all"])
        .assert()
        .success()
        .stdout(format!(
            "imported 7 passages → {shown}; 21 warnings; run `composure check {shown}` next\n"
        ))
        .stderr(predicate::str::contains(
            "tests/fixtures/twee/full.twee:32: warning: passage \"Front desk\": the link [[Blame the card machine->Card machine]]",
        ))
        .stderr(predicate::str::contains(
            "tests/fixtures/twee/full.twee:27: warning: passage \"Front desk\": story-format macros",
        ));
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.contains("client_type: KnowItAll,"), "{written}");
    assert!(scenario::parse(&written).is_ok());
    // The draft loads (no errors); what is left for the trainer shows as warnings.
    composure()
        .arg("check")
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("0 errors"))
        .stdout(predicate::str::contains(
            "warning: choice \"apologise-and-check-the-bill\" has no rule verdict",
        ));
}

#[test]
fn import_refuses_to_replace_a_file_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("taken.ron");
    std::fs::write(&out, "keep me").unwrap();
    composure()
        .args(["import", "twee", "tests/fixtures/twee/links.twee", "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(format!(
            "{} already exists; pass --force to replace it",
            out.display()
        )));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    composure()
        .args(["import", "twee", "tests/fixtures/twee/links.twee", "-o"])
        .arg(&out)
        .arg("--force")
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("title: \"Every link form\"")
    );
}

#[test]
fn import_never_replaces_the_story_itself() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("story.twee");
    std::fs::copy("tests/fixtures/twee/links.twee", &story).unwrap();
    composure()
        .args(["import", "twee"])
        .arg(&story)
        .arg("-o")
        .arg(&story)
        .arg("--force")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is the story itself"));
    assert_eq!(std::fs::read_to_string(&story).unwrap(), source("links"));
}

#[test]
fn a_malformed_story_is_an_error_at_its_line_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for (name, line, message) in [
        ("unterminated-tags", 5, "the tag block `[`"),
        ("not-utf8", 3, "not valid UTF-8"),
        ("empty", 1, "the file is empty"),
    ] {
        let out = dir.path().join(format!("{name}.ron"));
        composure()
            .args(["import", "twee", &format!("{DIR}/{name}.twee"), "-o"])
            .arg(&out)
            .assert()
            .code(1)
            .stdout("")
            .stderr(predicate::str::starts_with(format!(
                "{DIR}/{name}.twee:{line}: error: "
            )))
            .stderr(predicate::str::contains(message));
        assert!(!out.exists(), "{name}");
    }
}

#[test]
fn import_reports_a_story_that_does_not_exist() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.ron");
    composure()
        .args(["import", "twee", "no/such/story.twee", "-o"])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot open no/such/story.twee"));
    assert!(!out.exists());
}

#[test]
fn client_type_reads_kebab_case_and_scenario_names_and_rejects_others() {
    let dir = tempfile::tempdir().unwrap();
    for (given, written) in [
        ("problem-client", "ProblemClient"),
        ("KnowItAll", "KnowItAll"),
    ] {
        let out = dir.path().join(format!("{given}.ron"));
        composure()
            .args(["import", "twee", "tests/fixtures/twee/links.twee", "-o"])
            .arg(&out)
            .args(["--client-type", given])
            .assert()
            .success()
            .stderr(predicate::str::contains("client type").not());
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(text.contains(&format!("client_type: {written},")), "{text}");
    }
    let out = dir.path().join("grumpy.ron");
    composure()
        .args(["import", "twee", "tests/fixtures/twee/links.twee", "-o"])
        .arg(&out)
        .args(["--client-type", "grumpy"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "the client types are: rude, indecisive",
        ));
    assert!(!out.exists());
}

/// A passage name is the story author's text: an escape in it must reach the trainer's
/// terminal written out, never obeyed.
#[test]
fn import_messages_write_control_characters_out_rather_than_send_them() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("hostile.twee");
    std::fs::write(
        &story,
        ":: StoryTitle\nHostile\n\n:: Start\nHello. [[Go->Away]] [[Stay->Nowhere\u{1b}c]]\n\n:: Away\nBye.\n",
    )
    .unwrap();
    let out = dir.path().join("hostile.ron");
    let assert = composure()
        .args(["import", "twee"])
        .arg(&story)
        .arg("-o")
        .arg(&out)
        .assert();
    let output = assert.get_output();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !stderr.contains('\u{1b}'),
        "a raw escape reached the terminal: {stderr:?}"
    );
    assert!(stderr.contains("Nowhere\\u{1b}c"), "{stderr}");
}
