//! Trainer tools: the starter scenario of `composure new`, and reloading a watched file while
//! playing it.

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::composure;

use std::path::Path;

use composure::authoring::starter::{ALL_TYPES, starter};
use composure::check::check_sources;
use composure::cli::Feedback;
use composure::i18n::Lang;
use composure::rules::Rulebook;
use composure::scenario::{Library, Node, load_source};
use composure::tui::keymap::Action;
use composure::tui::theme::MONO;
use composure::tui::{Home, Play, Stack};
use predicates::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[test]
fn the_starter_of_every_client_type_passes_check_strictly() {
    let rules = Rulebook::embedded().unwrap();
    for kind in ALL_TYPES {
        let text = starter("starter", kind);
        let report = check_sources([("starter.ron".to_owned(), Ok(text.clone()))], &rules);
        let problems: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
        assert!(problems.is_empty(), "{kind:?}: {problems:#?}");
        let scenario = load_source("starter.ron", &text, &rules).unwrap();
        assert_eq!(scenario.scenario().client_type, kind);
    }
}

#[test]
fn the_starter_shows_every_kind_of_node() {
    let rules = Rulebook::embedded().unwrap();
    let text = starter("starter", ALL_TYPES[0]);
    let scenario = load_source("starter.ron", &text, &rules).unwrap();
    let nodes = &scenario.scenario().nodes;
    assert!(nodes.iter().any(|n| matches!(n, Node::Route { .. })));
    assert!(nodes.iter().any(|n| matches!(n, Node::Ending { .. })));
    assert!(nodes.iter().any(|n| n.says().len() > 1), "no line variants");
}

#[test]
fn new_writes_a_file_that_plays_and_refuses_to_overwrite_it() {
    let dir = tempfile::tempdir().unwrap();
    composure()
        .current_dir(dir.path())
        .args(["new", "front-desk", "--client-type", "know-it-all"])
        .assert()
        .success()
        .stdout(predicate::str::contains("wrote front-desk.ron"));
    composure()
        .current_dir(dir.path())
        .args([
            "play",
            "front-desk.ron",
            "--answers",
            "good-first-answer,clear-plan",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("Won over"));
    composure()
        .current_dir(dir.path())
        .args(["new", "front-desk", "--client-type", "king"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"));
    composure()
        .current_dir(dir.path())
        .args(["new", "front-desk", "--client-type", "king", "--force"])
        .assert()
        .success();
}

#[test]
fn new_rejects_an_unknown_client_type_and_a_bad_id() {
    let dir = tempfile::tempdir().unwrap();
    composure()
        .current_dir(dir.path())
        .args(["new", "x", "--client-type", "angry"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown client type \"angry\""));
    composure()
        .current_dir(dir.path())
        .args(["new", "Front Desk", "--client-type", "rude"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot be a scenario id"));
    assert!(!dir.path().join("x.ron").exists());
}

#[test]
fn playing_a_broken_file_says_why_without_watch() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, "Scenario(").unwrap();
    composure()
        .arg("play")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot be played"))
        .stderr(predicate::str::contains("broken.ron:1:"));
}

// ---- Reloading a watched file ----

fn watched_app(text: &str) -> Stack {
    let rules = Rulebook::embedded().unwrap();
    let mut library = Library::default();
    library.insert(load_source("watched.ron", text, &rules).unwrap());
    let mut app = composure::tui::trainer(library, rules, Feedback::Now, Some(3), MONO, Lang::En);
    app.with::<Home>(0, |home, cx| home.open("late-order", cx));
    app
}

fn fixture() -> String {
    std::fs::read_to_string(Path::new("tests/fixtures/tui/late-order.ron")).unwrap()
}

#[test]
fn a_reload_keeps_the_trainees_place_and_shows_the_new_text() {
    let text = fixture();
    let mut app = watched_app(&text);
    app.update(Action::Confirm, 0);
    let play = app.top::<Play>().expect("not in a conversation");
    let i = play
        .conversation
        .turn()
        .options
        .iter()
        .position(|o| o == "acknowledge")
        .unwrap();
    app.update(Action::Pick(i), 1);
    app.update(Action::Confirm, 2);

    let edited = text.replace("So when does it get here?", "And when does it arrive?");
    let rules = Rulebook::embedded().unwrap();
    app.reload(
        load_source("watched.ron", &edited, &rules),
        "watched.ron",
        3,
    );
    let play = app.top::<Play>().expect("left the conversation");
    assert_eq!(play.conversation.turn().node, "delivery");
    assert!(
        play.conversation
            .turn()
            .line
            .contains("And when does it arrive?")
    );
    assert_eq!(play.conversation.steps().len(), 1);
    assert!(app.notice.as_deref().unwrap().contains("reloaded"));
}

#[test]
fn a_reload_that_fails_shows_the_problems_and_keeps_the_old_version() {
    let text = fixture();
    let mut app = watched_app(&text);
    app.update(Action::Confirm, 0);
    let rules = Rulebook::embedded().unwrap();
    let broken = text.replace("next: \"lost\"", "next: \"lots\"");
    app.reload(
        load_source("watched.ron", &broken, &rules),
        "watched.ron",
        1,
    );
    assert!(!app.load_errors.is_empty());
    assert!(app.top::<Play>().is_some());
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| app.draw(f, 0)).unwrap();
    let screen = format!("{}", terminal.backend());
    assert!(screen.contains("Cannot load"), "{screen}");
    assert!(
        screen.contains("leads to a missing node \"lots\""),
        "{screen}"
    );

    // Fixed and saved again: the errors go away.
    app.reload(load_source("watched.ron", &text, &rules), "watched.ron", 2);
    assert!(app.load_errors.is_empty());
}

#[test]
fn a_reload_that_removes_the_current_node_says_so() {
    let text = fixture();
    let mut app = watched_app(&text);
    app.update(Action::Confirm, 0);
    let play = app.top::<Play>().expect("not in a conversation");
    let i = play
        .conversation
        .turn()
        .options
        .iter()
        .position(|o| o == "acknowledge")
        .unwrap();
    app.update(Action::Pick(i), 1);
    app.update(Action::Confirm, 2);
    // The trainee is at "delivery"; the edit renames it.
    let edited = text.replace("\"delivery\"", "\"arrival\"");
    let rules = Rulebook::embedded().unwrap();
    app.reload(
        load_source("watched.ron", &edited, &rules),
        "watched.ron",
        3,
    );
    let play = app.top::<Play>().expect("not in a conversation");
    // The same choice still leads on, now to the renamed node.
    assert_eq!(play.conversation.turn().node, "arrival");
    assert!(
        app.notice
            .as_deref()
            .unwrap()
            .contains("\"delivery\" is gone"),
        "{:?}",
        app.notice
    );
}
