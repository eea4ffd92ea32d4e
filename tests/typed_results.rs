//! Typed replies beyond the screen: the engine keeps the words next to the option they were
//! read as (and scripted play is unchanged), the results database keeps them (an older
//! database migrates, losing nothing), and a drill file can ask for typed replies with their
//! own time limit.

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::sync::Arc;

use composure::drill::{load_drill_path, load_drill_source, plan};
use composure::engine::{Conversation, ReadHow, Report, TypedReply};
use composure::rules::Rulebook;
use composure::scenario::Library;
use composure::store::{SCHEMA_VERSION, SessionRecord, Store};

fn rules() -> Rulebook {
    Rulebook::embedded().unwrap()
}

fn washer(library: &Library) -> Arc<composure::scenario::ValidScenario> {
    Arc::new(library.get("rude-broken-washer", "en").unwrap().0.clone())
}

/// The washer played to its end along one path, each answer typed: the words and how they
/// were read, as the screen hands them to the engine.
fn typed_play(rules: &Rulebook) -> Report {
    let library = Library::embedded(rules);
    let mut conversation = Conversation::start(washer(&library), 11, 1_000).unwrap();
    let replies = [
        (
            "open-cold",
            "Ticket number? I'll get it looked at.",
            ReadHow::Matched,
            vec![],
        ),
        (
            "story-drawer",
            "YOUR SOAP DRAWER WAS CRACKED, THAT'S YOUR LEAK",
            ReadHow::Picked,
            vec!["shouting".to_owned()],
        ),
        (
            "blamed-ticket",
            "I'm only telling you what's on the ticket.",
            ReadHow::Matched,
            vec![],
        ),
        (
            "last-jibe",
            "Maybe next time read the ticket, sir.",
            ReadHow::Matched,
            vec![],
        ),
    ];
    for (n, (id, words, read, tone)) in replies.into_iter().enumerate() {
        let reply = TypedReply {
            words: words.to_owned(),
            read,
            tone,
        };
        conversation
            .choose_typed(id, reply, 2_000 + 1_000 * n as u64)
            .unwrap();
    }
    assert!(conversation.is_finished());
    Report::new(&conversation, rules)
}

#[test]
fn the_transcript_keeps_each_typed_reply_next_to_the_option_it_was_read_as() {
    let rules = rules();
    let report = typed_play(&rules);
    let typed: Vec<(&str, &str, ReadHow)> = report
        .steps
        .iter()
        .map(|s| {
            let t = s.typed.as_ref().unwrap();
            (s.chosen.id.as_str(), t.words.as_str(), t.read)
        })
        .collect();
    assert_eq!(
        typed,
        [
            (
                "open-cold",
                "Ticket number? I'll get it looked at.",
                ReadHow::Matched
            ),
            (
                "story-drawer",
                "YOUR SOAP DRAWER WAS CRACKED, THAT'S YOUR LEAK",
                ReadHow::Picked
            ),
            (
                "blamed-ticket",
                "I'm only telling you what's on the ticket.",
                ReadHow::Matched
            ),
            (
                "last-jibe",
                "Maybe next time read the ticket, sir.",
                ReadHow::Matched
            ),
        ]
    );
    assert_eq!(report.steps[1].typed.as_ref().unwrap().tone, ["shouting"]);
    // Same replies, same transcript.
    assert_eq!(typed_play(&rules), report);
}

#[test]
fn the_grade_of_a_typed_reply_is_the_options_and_scripted_play_is_unchanged() {
    let rules = rules();
    let typed = typed_play(&rules);
    let library = Library::embedded(&rules);
    let mut chosen = Conversation::start(washer(&library), 11, 1_000).unwrap();
    for (n, id) in ["open-cold", "story-drawer", "blamed-ticket", "last-jibe"]
        .into_iter()
        .enumerate()
    {
        chosen.choose(id, 2_000 + 1_000 * n as u64).unwrap();
    }
    let chosen = Report::new(&chosen, &rules);
    // Everything but the words is the same: the score, its pieces, every verdict.
    let mut without_words = typed.clone();
    for step in &mut without_words.steps {
        step.typed = None;
    }
    assert_eq!(without_words, chosen);
    // A transcript of chosen answers has no trace of typing: its JSON is as before.
    let json = serde_json::to_string(&chosen).unwrap();
    assert!(!json.contains("typed"), "{json}");
    assert!(serde_json::to_string(&typed).unwrap().contains("\"typed\""));
}

fn column(path: &Path, sql: &str) -> Vec<Option<String>> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut statement = conn.prepare(sql).unwrap();
    statement
        .query_map([], |row| row.get::<_, Option<String>>(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn a_schema_2_database_migrates_and_keeps_typed_replies_from_then_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("composure.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(include_str!("fixtures/store/schema-2.sql"))
            .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version(), SCHEMA_VERSION);
    assert_eq!(SCHEMA_VERSION, 3);
    // The old result is whole: its transcript reads back, with no typed words.
    let old = store.report(1).unwrap().unwrap();
    assert_eq!(old.steps.len(), 4);
    assert!(old.steps.iter().all(|s| s.typed.is_none()));
    assert_eq!(
        column(&path, "SELECT typed FROM decisions WHERE session_id = 1"),
        [None, None, None, None]
    );
    assert_eq!(
        column(&path, "SELECT CAST(typed_replies AS TEXT) FROM sessions"),
        [Some("0".to_owned())]
    );

    let report = typed_play(&rules());
    let id = store
        .save(&SessionRecord {
            trainee: "Ann Lee".to_owned(),
            drill: None,
            report: report.clone(),
            ended_at: 9_000,
            version: "test".to_owned(),
        })
        .unwrap();
    assert_eq!(store.report(id).unwrap().unwrap(), report);
    assert_eq!(
        column(
            &path,
            &format!(
                "SELECT typed || ' / ' || typed_read FROM decisions WHERE session_id = {id} ORDER BY n"
            )
        ),
        [
            Some("Ticket number? I'll get it looked at. / matched".to_owned()),
            Some("YOUR SOAP DRAWER WAS CRACKED, THAT'S YOUR LEAK / picked".to_owned()),
            Some("I'm only telling you what's on the ticket. / matched".to_owned()),
            Some("Maybe next time read the ticket, sir. / matched".to_owned()),
        ]
    );
    assert_eq!(
        column(
            &path,
            &format!("SELECT CAST(typed_replies AS TEXT) FROM sessions WHERE id = {id}")
        ),
        [Some("4".to_owned())]
    );
    assert_eq!(store.integrity_check().unwrap(), "ok");
    // Opened again, nothing migrates twice.
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.report(id).unwrap().unwrap(), report);
}

#[test]
fn a_schema_2_database_on_a_read_only_open_reads_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("composure.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(include_str!("fixtures/store/schema-2.sql"))
            .unwrap();
    }
    let store = Store::open_read_only(&path).unwrap();
    assert_eq!(store.schema_version(), 2);
    assert_eq!(store.report(1).unwrap().unwrap().steps.len(), 4);
}

#[test]
fn a_typed_drill_gets_three_times_the_time_unless_it_says_otherwise() {
    let rules = rules();
    let library = Library::embedded(&rules);
    let path = Path::new("tests/fixtures/drills/valid/typed-washer.ron");
    let drill = load_drill_path(path, &library).unwrap();
    assert!(drill.typed);
    let typed = plan(&drill, &library, "en");
    assert!(typed.typed);
    assert_eq!(typed.time_limit_ms, 60_000);

    let source = std::fs::read_to_string(path).unwrap();
    let own = source.replace(
        "typed: true,",
        "typed: true,\n    seconds_per_typed_reply: 75,",
    );
    let drill = load_drill_source("own.ron", &own, &library).unwrap();
    assert_eq!(plan(&drill, &library, "en").time_limit_ms, 75_000);

    // Not typed by the file: the list, with the list's time, unless played `--typed`.
    let listed = source.replace("typed: true,", "");
    let drill = load_drill_source("listed.ron", &listed, &library).unwrap();
    let listed = plan(&drill, &library, "en");
    assert!(!listed.typed);
    assert_eq!(listed.time_limit_ms, 20_000);
    let made_typed = listed.into_typed();
    assert!(made_typed.typed);
    assert_eq!(made_typed.time_limit_ms, 60_000);

    // The typed limit keeps to the same range as the other.
    let too_long = source.replace(
        "typed: true,",
        "typed: true,\n    seconds_per_typed_reply: 601,",
    );
    let problems = load_drill_source("long.ron", &too_long, &library).unwrap_err();
    assert!(
        problems.iter().any(|p| p
            .to_string()
            .contains("601 seconds per typed reply is out of range")),
        "{problems:?}"
    );
}
