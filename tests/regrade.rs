//! Results kept before grading version 2 are regraded from their stored decisions: the store
//! migrates a schema-1 file, grades each old result again against the library, keeps the old
//! score (and says so) when the scenario is gone or has changed, and `report` shows the pieces
//! of every grade.

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::{Command, Output};

use composure::drill::{find_drill, plan, play_scripted};
use composure::engine::Report;
use composure::rules::{GRADING_VERSION, Rulebook, score_from_mean};
use composure::scenario::Library;
use composure::store::{Filter, Regraded, SCHEMA_VERSION, SessionRecord, Store};

/// The washer scenario handled badly: it ends badly, so grading 2 caps what grading 1 gave.
const WASHER_BADLY: &[&str] = &[
    "open-cold",
    "story-book-now",
    "who-same-side",
    "fault-concede",
    "trap-walk-back",
    "kit-lecture",
];

fn rules() -> Rulebook {
    Rulebook::embedded().unwrap()
}

fn bin() -> String {
    env!("CARGO_BIN_EXE_composure").to_owned()
}

/// The washer scenario played badly, graded by this build.
fn current_report() -> Report {
    let library = Library::embedded(&rules());
    let drill = find_drill("first-week", &library).unwrap().unwrap();
    let mut item = plan(&drill, &library, "en").items.remove(0);
    item.seed = 5;
    let mut clock = 1_000;
    play_scripted(
        &item,
        30_000,
        &mut WASHER_BADLY.iter().copied(),
        &mut clock,
        &rules(),
    )
    .unwrap()
}

/// The ending's rating as the store keeps it.
fn rating(report: &Report) -> &'static str {
    composure::store::rating_slug(report.ending.as_ref().unwrap().rating.unwrap())
}

/// What grading 1 scored: the plain mean of the decision scores.
fn grading_1_score(report: &Report) -> u8 {
    let sum: f64 = report.steps.iter().map(|s| s.decision_score).sum();
    score_from_mean(sum / report.steps.len() as f64)
}

/// The transcript as Composure wrote it before grading 2: none of the pieces, and grading 1's
/// score.
fn grading_1_json(report: &Report, scenario: &str) -> (String, u8) {
    let score = grading_1_score(report);
    let mut value = serde_json::to_value(report).unwrap();
    let top = value.as_object_mut().unwrap();
    for key in [
        "handling",
        "ending_cap",
        "serious_cap",
        "limited_by",
        "turning_point",
        "grading",
    ] {
        top.remove(key);
    }
    top.insert("score".to_owned(), score.into());
    top["scenario"]["id"] = scenario.into();
    top["ending"].as_object_mut().unwrap().remove("rating");
    for step in top["steps"].as_array_mut().unwrap() {
        let step = step.as_object_mut().unwrap();
        for key in ["stake", "value", "best_value", "worst_value", "serious"] {
            step.remove(key);
        }
    }
    (serde_json::to_string(&value).unwrap(), score)
}

/// A schema-1 database holding `report` played under each of `scenarios` (ids), inserted as
/// Composure wrote results before grading 2. Returns grading 1's score.
fn grading_1_database(path: &Path, report: &Report, scenarios: &[&str]) -> u8 {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.execute_batch(include_str!("fixtures/store/schema-1.sql"))
        .unwrap();
    conn.execute_batch("BEGIN").unwrap();
    let mut score = 0;
    for (i, scenario) in scenarios.iter().enumerate() {
        let (json, old) = grading_1_json(report, scenario);
        score = old;
        let ended_at = 10_000 + i as i64;
        conn.execute(
            "INSERT INTO sessions (trainee, drill, scenario, title, client_type, language, seed,
                 score, ending, decisions, hesitations, time_limit_ms, started_at, ended_at,
                 version)
             VALUES ('Ann', 'first-week', ?1, 'Leaking again', 'rude', 'en', 5, ?2,
                     'lost-client', ?3, ?4, 30000, 1000, ?5, '0.1.0')",
            rusqlite::params![
                scenario,
                old,
                report.steps.len() as i64,
                report.hesitations,
                ended_at
            ],
        )
        .unwrap();
        let id = conn.last_insert_rowid();
        conn.execute(
            "INSERT INTO transcripts (session_id, report) VALUES (?1, ?2)",
            rusqlite::params![id, json],
        )
        .unwrap();
        for (n, step) in report.steps.iter().enumerate() {
            conn.execute(
                "INSERT INTO decisions (session_id, n, node, choice, hesitated, elapsed_ms,
                     score, was_best, best)
                 VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6, ?7, ?8)",
                rusqlite::params![
                    id,
                    n as i64,
                    step.node,
                    step.chosen.id,
                    step.hesitated,
                    step.decision_score,
                    step.was_best,
                    step.best.id
                ],
            )
            .unwrap();
        }
    }
    conn.execute_batch("COMMIT").unwrap();
    score
}

#[test]
fn a_grading_1_result_is_regraded_to_the_current_headline_from_its_stored_decisions() {
    let report = current_report();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("composure.db");
    let old = grading_1_database(&path, &report, &["rude-broken-washer"]);
    assert_ne!(old, report.score, "the two gradings must disagree here");
    assert_eq!(report.grading, GRADING_VERSION);

    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version(), SCHEMA_VERSION);
    let rows = store.sessions(&Filter::default(), None).unwrap();
    assert_eq!(
        (rows[0].score, rows[0].handling, rows[0].grading),
        (old, old, 1),
        "grading 1's score was the handling alone"
    );
    assert!(rows[0].older_grading());
    assert!(store.needs_regrading().unwrap());

    let library = Library::embedded(&rules());
    let done = store.regrade(&library, &rules()).unwrap();
    assert_eq!(
        done,
        Regraded {
            regraded: 1,
            kept: 0
        }
    );
    let row = &store.sessions(&Filter::default(), None).unwrap()[0];
    assert_eq!(row.score, report.score);
    assert_eq!(row.handling, report.handling);
    assert_eq!(row.ending_cap, report.ending_cap);
    assert_eq!(row.serious_cap, report.serious_cap);
    let serious = report.steps.iter().filter(|s| s.serious.is_some()).count();
    assert_eq!(row.serious_mistakes as usize, serious);
    assert_eq!(row.rating.as_deref(), Some(rating(&report)));
    assert_eq!((row.grading, row.grading_note.as_deref()), (2, None));
    // The transcript is the one this build would have written.
    assert_eq!(store.report(row.id).unwrap(), Some(report.clone()));
    // The per-decision rows and the per-rule tally follow it.
    let stakes: Vec<i64> = store_column(&path, "SELECT stake FROM decisions ORDER BY n");
    assert_eq!(
        stakes,
        report
            .steps
            .iter()
            .map(|s| i64::from(s.stake))
            .collect::<Vec<_>>()
    );
    let tallies: Vec<i64> = store_column(&path, "SELECT COUNT(*) FROM rule_tallies");
    assert_eq!(tallies, [report.rules.len() as i64]);

    // Idempotent: nothing left to do.
    assert!(!store.needs_regrading().unwrap());
    assert_eq!(
        store.regrade(&library, &rules()).unwrap(),
        Regraded::default()
    );
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

fn store_column(path: &Path, sql: &str) -> Vec<i64> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut stmt = conn.prepare(sql).unwrap();
    stmt.query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn a_result_whose_scenario_is_gone_or_changed_keeps_its_score_and_says_why() {
    let report = current_report();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("composure.db");
    let old = grading_1_database(&path, &report, &["retired-washer", "rude-broken-washer"]);
    // The second result went through a choice the scenario no longer has.
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute(
            "UPDATE transcripts SET report = json_set(report, '$.steps[1].chosen.id', 'gone')
             WHERE session_id = 2",
            [],
        )
        .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    let done = store
        .regrade(&Library::embedded(&rules()), &rules())
        .unwrap();
    assert_eq!(
        done,
        Regraded {
            regraded: 0,
            kept: 2
        }
    );
    let rows = store.sessions(&Filter::default(), None).unwrap();
    let notes: Vec<_> = rows
        .iter()
        .map(|r| (r.id, r.score, r.grading, r.grading_note.as_deref()))
        .collect();
    assert_eq!(
        notes,
        [
            (2, old, 1, Some("scenario-changed")),
            (1, old, 1, Some("scenario-missing")),
        ]
    );
    // Still asked for next time: the scenario may come back with --scenarios.
    assert!(store.needs_regrading().unwrap());
}

fn report_command(dir: &Path, format: &str) -> Output {
    Command::new(bin())
        .args(["report", "--format", format, "--data-dir"])
        .arg(dir)
        .env_remove("COMPOSURE_DATA_DIR")
        .output()
        .unwrap()
}

fn csv_fields(line: &str) -> Vec<String> {
    line.trim_end_matches("\r")
        .split(',')
        .map(str::to_owned)
        .collect()
}

#[test]
fn report_regrades_old_results_and_shows_the_pieces_in_every_format() {
    let report = current_report();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("composure.db");
    let old = grading_1_database(&path, &report, &["rude-broken-washer", "retired-washer"]);

    let out = report_command(dir.path(), "csv");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("1 result keeps the score an older grading model gave it"),
        "{stderr}"
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.split('\n').filter(|l| !l.is_empty());
    let header = csv_fields(lines.next().unwrap());
    // The columns from before come first, unchanged.
    assert_eq!(
        header[..15],
        [
            "kind",
            "rank",
            "trainee",
            "rule",
            "rule_name",
            "sessions",
            "mean_score",
            "best_score",
            "decisions",
            "hesitations",
            "followed",
            "broken",
            "balance",
            "first_played",
            "last_played"
        ]
    );
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    // Session and trainee rows hold no quoted cell here, so a split on commas reads them.
    let rows: Vec<Vec<String>> = lines
        .filter(|l| l.starts_with("session,") || l.starts_with("trainee,"))
        .map(csv_fields)
        .collect();
    assert!(rows.iter().all(|r| r.len() == header.len()), "{text}");
    let sessions: Vec<&Vec<String>> = rows.iter().filter(|r| r[0] == "session").collect();
    assert_eq!(sessions.len(), 2, "{text}");
    // Newest first: the retired scenario's result was inserted last.
    let (gone, regraded) = (sessions[0], sessions[1]);
    assert_eq!(regraded[col("scenario")], "rude-broken-washer");
    assert_eq!(regraded[col("score")], report.score.to_string());
    assert_eq!(regraded[col("handling")], report.handling.to_string());
    assert_eq!(regraded[col("rating")], rating(&report));
    assert_eq!(regraded[col("ending_cap")], report.ending_cap.to_string());
    assert_eq!(regraded[col("grading")], "2");
    assert_eq!(regraded[col("grading_note")], "");
    assert_eq!(gone[col("scenario")], "retired-washer");
    assert_eq!(gone[col("score")], old.to_string());
    assert_eq!(gone[col("grading")], "1");
    assert_eq!(gone[col("grading_note")], "scenario-missing");
    let trainee = rows.iter().find(|r| r[0] == "trainee").unwrap();
    assert_eq!(trainee[col("older_grading")], "1");

    // Regrading happened once: the next report has nothing to say on standard error.
    let out = report_command(dir.path(), "json");
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &json["sessions"][1];
    assert_eq!(first["score"], report.score);
    assert_eq!(first["handling"], report.handling);
    assert_eq!(first["ending_cap"], report.ending_cap);
    let serious = report.steps.iter().filter(|s| s.serious.is_some()).count();
    assert_eq!(first["serious_mistakes"], serious);
    assert_eq!(first["grading"], 2);
    assert_eq!(json["sessions"][0]["grading_note"], "scenario-missing");
    assert_eq!(json["leaderboard"][0]["older_grading"], 1);

    let out = report_command(dir.path(), "table");
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("Latest sessions"), "{table}");
    assert!(
        table.contains("1 (graded by an older model: scenario gone)"),
        "{table}"
    );
    assert!(table.contains("handling"), "{table}");

    let out = report_command(dir.path(), "xapi");
    let statements: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    // Each result's "answered" statements come before its "completed" one.
    let completed: Vec<&serde_json::Value> = statements
        .iter()
        .filter(|s| s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/completed")
        .collect();
    assert_eq!(completed[1]["result"]["score"]["raw"], report.score);
    assert_eq!(completed[1]["result"]["success"], false);

    // With the scenario back in the library, the kept result is regraded too.
    let folder = dir.path().join("scenarios");
    std::fs::create_dir(&folder).unwrap();
    let source = std::fs::read_to_string("scenarios/rude-broken-washer.ron").unwrap();
    std::fs::write(
        folder.join("retired-washer.ron"),
        source.replace("id: \"rude-broken-washer\"", "id: \"retired-washer\""),
    )
    .unwrap();
    let out = Command::new(bin())
        .args(["report", "--format", "json", "--scenarios"])
        .arg(&folder)
        .arg("--data-dir")
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["sessions"][0]["score"], report.score, "{json}");
    assert_eq!(json["sessions"][0]["grading"], 2);
    assert_eq!(json["leaderboard"][0]["older_grading"], 0);
}

/// A schema-1 file on a folder nobody may write to: `report` shows it as it is, says it could
/// not be regraded, and changes nothing.
#[test]
fn report_on_a_read_only_folder_shows_old_results_as_they_were_graded() {
    use std::os::unix::fs::PermissionsExt as _;
    let report = current_report();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let path = data.join("composure.db");
    let old = grading_1_database(&path, &report, &["rude-broken-washer"]);
    // A clean shutdown leaves the file alone, without its WAL beside it.
    rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_update(None, "journal_mode", "DELETE")
        .unwrap();
    let db = std::fs::read(&path).unwrap();
    let mode = |path: &Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    mode(&path, 0o444);
    mode(&data, 0o555);
    mode(dir.path(), 0o755);
    let root = rustix::process::geteuid().is_root();
    let mut command = if root {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", &bin()]);
        c
    } else {
        Command::new(bin())
    };
    let out = command
        .args(["report", "--format", "csv", "--data-dir"])
        .arg(&data)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output();
    mode(&data, 0o755);
    let out = match out {
        Ok(out) => out,
        Err(e) if root => {
            eprintln!("skipped: setpriv is not available to drop root ({e})");
            return;
        }
        Err(e) => panic!("{e}"),
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("could not be regraded"), "{stderr}");
    let text = String::from_utf8(out.stdout).unwrap();
    let header = csv_fields(text.split('\n').next().unwrap());
    let session = text
        .split('\n')
        .map(csv_fields)
        .find(|r| r[0] == "session")
        .unwrap();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(session[col("score")], old.to_string());
    assert_eq!(session[col("grading")], "1");
    assert_eq!(std::fs::read(&path).unwrap(), db);
    let files: Vec<_> = std::fs::read_dir(&data).unwrap().collect();
    assert_eq!(files.len(), 1);
}

/// Two processes regrade the same file while a third saves new results: every old result is
/// regraded exactly once, every new one is kept, and the file stays sound.
#[test]
fn concurrent_regrading_and_saving_change_each_result_once_and_lose_nothing() {
    let report = current_report();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("composure.db");
    let ids: Vec<&str> = std::iter::repeat_n("rude-broken-washer", 250).collect();
    grading_1_database(&path, &report, &ids);
    drop(Store::open(&path).unwrap());
    let library = Library::embedded(&rules());
    let (a, b, saved) = std::thread::scope(|scope| {
        let regrade = || {
            scope.spawn(|| {
                let mut store = Store::open(&path).unwrap();
                store.regrade(&library, &rules()).unwrap()
            })
        };
        let a = regrade();
        let b = regrade();
        let saver = scope.spawn(|| {
            let mut store = Store::open(&path).unwrap();
            (0..20)
                .map(|i| {
                    store
                        .save(&SessionRecord {
                            trainee: "Bo".to_owned(),
                            drill: None,
                            report: report.clone(),
                            ended_at: 50_000 + i,
                            version: "test".to_owned(),
                        })
                        .unwrap()
                })
                .count()
        });
        (a.join().unwrap(), b.join().unwrap(), saver.join().unwrap())
    });
    assert_eq!(a.regraded + b.regraded, 250, "{a:?} {b:?}");
    assert_eq!(a.kept + b.kept, 0);
    assert_eq!(saved, 20);
    let store = Store::open(&path).unwrap();
    let rows = store.sessions(&Filter::default(), None).unwrap();
    assert_eq!(rows.len(), 270);
    assert!(
        rows.iter()
            .all(|r| r.grading == 2 && r.score == report.score)
    );
    let decisions = store_column(&path, "SELECT COUNT(*) FROM decisions");
    assert_eq!(decisions, [270 * report.steps.len() as i64]);
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

/// `report` killed while it regrades: whatever moment the kill lands, each result is either
/// wholly regraded (row, transcript and decisions) or untouched, the file stays sound, and
/// the next `report` finishes the job.
#[test]
fn a_report_killed_mid_regrade_leaves_every_result_whole_and_the_next_one_finishes() {
    let report = current_report();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("composure.db");
    let ids: Vec<&str> = std::iter::repeat_n("rude-broken-washer", 1500).collect();
    grading_1_database(&path, &report, &ids);
    let whole = |round: &str| {
        let conn = rusqlite::Connection::open(&path).unwrap();
        let schema: i64 = conn
            .query_row("PRAGMA user_version", [], |row| row.get(0))
            .unwrap();
        if schema < 2 {
            // Killed before the migration committed: nothing may have changed.
            let regraded: i64 = conn
                .query_row(
                    "SELECT COUNT(*) FROM transcripts WHERE json_extract(report, '$.grading')",
                    [],
                    |row| row.get(0),
                )
                .unwrap();
            assert_eq!(regraded, 0, "{round}");
            return 0;
        }
        let torn: i64 = conn
            .query_row(
                "SELECT COUNT(*) FROM sessions s JOIN transcripts t ON t.session_id = s.id
                 WHERE s.grading != COALESCE(json_extract(t.report, '$.grading'), 1)
                    OR (s.grading = 2) != (SELECT MIN(d.stake) > 0 FROM decisions d
                                           WHERE d.session_id = s.id)",
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(torn, 0, "{round}: a result was half regraded");
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))
            .unwrap();
        assert_eq!(check, "ok", "{round}");
        conn.query_row(
            "SELECT COUNT(*) FROM sessions WHERE grading = 2",
            [],
            |row| row.get::<_, i64>(0),
        )
        .unwrap()
    };
    for (round, wait) in [400u64, 1500, 2500].into_iter().enumerate() {
        let mut child = Command::new(bin())
            .args(["report", "--format", "csv", "--data-dir"])
            .arg(dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(wait));
        child.kill().unwrap();
        child.wait().unwrap();
        let done = whole(&format!("round {round}"));
        eprintln!("round {round}: {done} of 1500 regraded when killed");
    }
    let out = report_command(dir.path(), "csv");
    assert!(out.status.success());
    assert_eq!(whole("after"), 1500);
}

/// A schema-1 file read where it cannot be migrated still gives its decisions to the xAPI
/// export: the pieces that schema did not keep read as grading 1 had them (no stake, no
/// serious mistake).
#[test]
fn a_schema_1_file_read_as_it_is_still_exports_its_decisions_as_xapi() {
    use composure::report::dates::Zone;
    use composure::report::{Export, Sessions, TeamReport, Xapi};
    let report = current_report();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("composure.db");
    grading_1_database(&path, &report, &["rude-broken-washer"]);
    let store = Store::open_read_only(&path).unwrap();
    assert_eq!(store.schema_version(), 1);
    let decisions = store.decisions(&Filter::default()).unwrap();
    assert_eq!(decisions.len(), report.steps.len());
    for (d, step) in decisions.iter().zip(&report.steps) {
        assert_eq!(d.node, step.node);
        assert_eq!(d.choice, step.chosen.id);
        assert_eq!((d.stake, d.serious.as_deref()), (0, None));
    }
    let filter = Filter::default();
    let team = TeamReport::build(&store, &filter, &rules(), 20_000, &Zone::UTC, Sessions::All)
        .unwrap()
        .with_decisions(&store, &filter)
        .unwrap();
    let mut out = Vec::new();
    Xapi::default().write(&team, &mut out).unwrap();
    let statements: Vec<serde_json::Value> = serde_json::from_slice(&out).unwrap();
    assert_eq!(statements.len(), report.steps.len() + 1);
}
