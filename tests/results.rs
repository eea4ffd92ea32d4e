//! Results that last: the store keeps every finished scenario exactly, many trainees saving
//! at once all get their results in, a process killed mid-save loses nothing reported saved,
//! and the reports read the same results in every format.

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use composure::drill::{find_drill, plan, play_scripted};
use composure::engine::Report;
use composure::i18n::Lang;
use composure::report::dates::Zone;
use composure::report::{Csv, Export, Json, Sessions, Table, TeamReport, Xapi};
use composure::rules::Rulebook;
use composure::scenario::Library;
use composure::store::{Filter, SCHEMA_VERSION, SessionRecord, Store};

const DRILL: &str = "tests/fixtures/drills/valid/late-twice.ron";
/// A silence, then the late-order scenario's answers, then the kitchen's.
const ANSWERS: &str = "-,acknowledge,express,open-new-range,over-more";

fn bin() -> String {
    env!("CARGO_BIN_EXE_composure").to_owned()
}

fn drill_command(dir: &Path, trainee: &str) -> Command {
    let mut cmd = Command::new(bin());
    cmd.args(["--scenarios", "tests/fixtures/tui", "drill", DRILL])
        .args(["--trainee", trainee])
        .arg(format!("--answers={ANSWERS}"))
        .arg("--data-dir")
        .arg(dir)
        .env_remove("COMPOSURE_DATA_DIR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

/// The session ids a drill process reported saved, from its output.
fn saved_ids(output: &str) -> Vec<i64> {
    output
        .lines()
        .filter_map(|l| l.strip_prefix("saved: session "))
        .map(|rest| rest.split(' ').next().unwrap().parse().unwrap())
        .collect()
}

fn rules() -> Rulebook {
    Rulebook::embedded().unwrap()
}

fn a_report(seed: u64, answers: &[&str]) -> Report {
    let library = Library::embedded(&rules());
    let drill = find_drill("first-week", &library).unwrap().unwrap();
    let mut item = plan(&drill, &library, "en").items.remove(0);
    item.seed = seed;
    let mut clock = 1_000;
    play_scripted(
        &item,
        30_000,
        &mut answers.iter().copied(),
        &mut clock,
        &rules(),
    )
    .unwrap()
}

fn record(trainee: &str, drill: Option<&str>, report: Report, ended_at: u64) -> SessionRecord {
    SessionRecord {
        trainee: trainee.to_owned(),
        drill: drill.map(str::to_owned),
        report,
        ended_at,
        version: "test".to_owned(),
    }
}

const WASHER: &[&str] = &[
    "-",
    "open-tone",
    "heated-reset",
    "fault-agree-then",
    "when-concrete",
    "money-boundaries",
    "kit-extra",
];
const WASHER_BADLY: &[&str] = &[
    "open-cold",
    "story-book-now",
    "who-same-side",
    "fault-concede",
    "trap-walk-back",
    "kit-lecture",
];

#[test]
fn a_saved_result_reads_back_exactly_with_its_decisions() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let report = a_report(5, WASHER_BADLY);
    let id = store
        .save(&record("Ann", Some("first-week"), report.clone(), 9_000))
        .unwrap();
    assert_eq!(store.report(id).unwrap(), Some(report.clone()));
    let rows = store.sessions(&Filter::trainee("Ann"), None).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].scenario, "rude-broken-washer");
    assert_eq!(rows[0].language, "en");
    assert_eq!(rows[0].seed, 5);
    assert_eq!(rows[0].score, report.score);
    assert_eq!(rows[0].drill.as_deref(), Some("first-week"));
    assert_eq!(rows[0].ended_at, 9_000);
    let mistakes = store.latest_mistakes("Ann").unwrap();
    assert!(!mistakes.is_empty());
    assert!(mistakes.iter().all(|m| m.scenario == "rude-broken-washer"));
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn the_database_is_in_wal_mode_with_a_schema_version() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open_in(dir.path()).unwrap());
    let conn = header_check(dir.path());
    assert_eq!(conn, ("wal".to_owned(), SCHEMA_VERSION));
}

/// The journal mode and user_version, read from the file's header.
fn header_check(dir: &Path) -> (String, i64) {
    // The file header says it: WAL files have read and write versions 2 at bytes 18–19, and
    // user_version is the big-endian integer at bytes 60–63.
    let bytes = std::fs::read(dir.join("composure.db")).unwrap();
    let mode = if bytes[18] == 2 && bytes[19] == 2 {
        "wal"
    } else {
        "rollback"
    };
    let version = i64::from(u32::from_be_bytes([
        bytes[60], bytes[61], bytes[62], bytes[63],
    ]));
    (mode.to_owned(), version)
}

#[test]
fn a_database_from_a_newer_composure_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open_in(dir.path()).unwrap());
    let path = dir.path().join("composure.db");
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[60..64].copy_from_slice(&99u32.to_be_bytes());
    std::fs::write(&path, &bytes).unwrap();
    let error = Store::open(&path).err().unwrap().to_string();
    assert!(error.contains("newer Composure"), "{error}");
}

#[test]
fn the_mistakes_drill_replays_the_scenarios_last_got_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let out = drill_command(dir.path(), "Ann").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A later perfect run of late-order leaves only the kitchen to redo.
    let mut cmd = Command::new(bin());
    let out = cmd
        .args(["--scenarios", "tests/fixtures/tui", "--data-dir"])
        .arg(dir.path())
        .args(["drill", "--mistakes", "--trainee", "Ann", "--answers"])
        .arg("acknowledge,express,open-ask-use,needs-restate,prio-recommend,tony-bar,deadline-reassure,wobble-honest")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("drill Your mistakes, again (mistakes) for Ann: 2 scenarios"),
        "{text}"
    );
}

#[test]
fn eight_trainees_finishing_at_once_all_get_their_results_saved() {
    let dir = tempfile::tempdir().unwrap();
    let children: Vec<(String, Child)> = (0..8)
        .map(|i| {
            let name = format!("trainee-{i}");
            let child = drill_command(dir.path(), &name).spawn().unwrap();
            (name, child)
        })
        .collect();
    let mut reported = Vec::new();
    for (name, child) in children {
        let out = child.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(
            out.status.success(),
            "{name}: {stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let ids = saved_ids(&stdout);
        assert_eq!(ids.len(), 2, "{name}: {stdout}");
        reported.extend(ids.into_iter().map(|id| (name.clone(), id)));
    }
    let store = Store::open_in(dir.path()).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let rows = store.sessions(&Filter::default(), None).unwrap();
    assert_eq!(rows.len(), 16);
    for (name, id) in reported {
        let row = rows.iter().find(|r| r.id == id).unwrap();
        assert_eq!(row.trainee, name);
        assert!(store.report(id).unwrap().is_some());
    }
}

#[test]
fn a_drill_killed_mid_save_loses_nothing_reported_saved_and_leaves_the_file_sound() {
    let dir = tempfile::tempdir().unwrap();
    // Seven trainees save normally while one holds its write transaction open and is
    // killed with SIGKILL inside its second save.
    let mut victim = drill_command(dir.path(), "victim")
        .arg("--hold-save-ms=4000")
        .spawn()
        .unwrap();
    let others: Vec<(String, Child)> = (0..7)
        .map(|i| {
            let name = format!("trainee-{i}");
            (
                name.clone(),
                drill_command(dir.path(), &name).spawn().unwrap(),
            )
        })
        .collect();
    let mut lines = BufReader::new(victim.stdout.take().unwrap()).lines();
    let mut victim_saved = Vec::new();
    let started = Instant::now();
    while victim_saved.is_empty() {
        assert!(started.elapsed() < Duration::from_secs(60), "no first save");
        let line = lines.next().unwrap().unwrap();
        victim_saved.extend(saved_ids(&line));
    }
    // Its second save is now holding the write lock (4 s); kill it inside that.
    std::thread::sleep(Duration::from_millis(1500));
    victim.kill().unwrap(); // SIGKILL on Unix
    let _ = victim.wait();
    let mut reported = Vec::new();
    for (name, child) in others {
        let out = child.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(
            out.status.success(),
            "{name}: {stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        reported.extend(saved_ids(&stdout));
    }
    assert_eq!(reported.len(), 14);
    let store = Store::open_in(dir.path()).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    for id in reported.iter().chain(&victim_saved) {
        assert!(store.report(*id).unwrap().is_some(), "session {id} is lost");
    }
    let victims = store.sessions(&Filter::trainee("victim"), None).unwrap();
    assert_eq!(victims.len(), 1, "only the result reported saved is there");
    assert_eq!(victims[0].id, victim_saved[0]);
}

fn sample_store(dir: &Path) -> Store {
    let mut store = Store::open_in(dir).unwrap();
    let day = 86_400_000;
    let start = 20_000 * day;
    store
        .save(&record(
            "Ann",
            Some("first-week"),
            a_report(1, WASHER),
            start,
        ))
        .unwrap();
    store
        .save(&record(
            "=cmd|' /C calc'!A0",
            Some("first-week"),
            a_report(2, WASHER_BADLY),
            start + day,
        ))
        .unwrap();
    store
        .save(&record(
            "Lee, Bo",
            None,
            a_report(3, WASHER),
            start + 2 * day,
        ))
        .unwrap();
    store
}

fn export(format: &dyn Export, report: &TeamReport) -> String {
    let mut out = Vec::new();
    format.write(report, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn the_report_ranks_trainees_and_names_the_team_weaknesses() {
    let dir = tempfile::tempdir().unwrap();
    let store = sample_store(dir.path());
    let report = TeamReport::build(
        &store,
        &Filter::default(),
        &rules(),
        0,
        &Zone::UTC,
        Sessions::None,
    )
    .unwrap();
    assert_eq!(report.leaderboard.len(), 3);
    assert!(report.leaderboard[0].mean_score >= report.leaderboard[2].mean_score);
    assert!(
        report
            .team_rules
            .windows(2)
            .all(|w| w[0].balance <= w[1].balance)
    );
    let text = export(&Table { lang: Lang::En }, &report);
    assert!(text.contains("Leaderboard"), "{text}");
    assert!(text.contains("Team weaknesses per rule"), "{text}");
    assert!(text.contains("Per trainee"), "{text}");
    let json: serde_json::Value = serde_json::from_str(&export(&Json, &report)).unwrap();
    assert_eq!(json["leaderboard"].as_array().unwrap().len(), 3);

    let by_drill = Filter {
        drill: Some("first-week".to_owned()),
        ..Filter::default()
    };
    let report =
        TeamReport::build(&store, &by_drill, &rules(), 0, &Zone::UTC, Sessions::None).unwrap();
    assert_eq!(report.leaderboard.len(), 2);
    let since = Filter {
        since: Some(20_001 * 86_400_000),
        ..Filter::default()
    };
    let report =
        TeamReport::build(&store, &since, &rules(), 0, &Zone::UTC, Sessions::None).unwrap();
    assert_eq!(report.leaderboard.len(), 2);
}

#[test]
fn csv_has_a_header_quotes_by_rfc_4180_and_defuses_formulas() {
    let dir = tempfile::tempdir().unwrap();
    let store = sample_store(dir.path());
    let report = TeamReport::build(
        &store,
        &Filter::default(),
        &rules(),
        0,
        &Zone::UTC,
        Sessions::None,
    )
    .unwrap();
    let csv = export(&Csv, &report);
    let mut lines = csv.split("\r\n");
    let header = lines.next().unwrap();
    assert!(header.starts_with("kind,rank,trainee,rule,"), "{header}");
    let columns = header.split(',').count();
    assert!(csv.contains("\"Lee, Bo\""), "{csv}");
    assert!(csv.contains("'=cmd|' /C calc'!A0"), "{csv}");
    assert!(!csv.contains(",=cmd"), "{csv}");
    // Every row has the header's number of cells, read as RFC 4180 reads them.
    for line in lines.filter(|l| !l.is_empty()) {
        assert_eq!(fields(line).len(), columns, "{line}");
    }
    let names: Vec<String> = csv
        .split("\r\n")
        .skip(1)
        .filter(|l| l.starts_with("trainee,"))
        .map(|l| fields(l)[2].clone())
        .collect();
    assert!(names.contains(&"Lee, Bo".to_owned()), "{names:?}");
}

/// Splits one CSV record into its fields, undoing RFC 4180 quoting.
fn fields(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                out.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(String::new()),
            (c, _) => out.last_mut().unwrap().push(c),
        }
    }
    out
}

#[test]
fn xapi_statements_have_the_shape_a_learning_record_store_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let store = sample_store(dir.path());
    let report = TeamReport::build(
        &store,
        &Filter::default(),
        &rules(),
        0,
        &Zone::UTC,
        Sessions::All,
    )
    .unwrap();
    let json: serde_json::Value = serde_json::from_str(&export(&Xapi::default(), &report)).unwrap();
    let statements = json.as_array().unwrap();
    assert_eq!(statements.len(), 3);
    let iri = |v: &serde_json::Value| {
        let s = v.as_str().unwrap();
        assert!(s.starts_with("http://") || s.starts_with("https://"), "{s}");
    };
    for s in statements {
        let actor = &s["actor"];
        assert_eq!(actor["objectType"], "Agent");
        assert!(actor["name"].is_string());
        iri(&actor["account"]["homePage"]);
        assert!(actor["account"]["name"].is_string());
        iri(&s["verb"]["id"]);
        assert_eq!(s["verb"]["id"], "http://adlnet.gov/expapi/verbs/completed");
        assert!(s["verb"]["display"]["en"].is_string());
        assert_eq!(s["object"]["objectType"], "Activity");
        iri(&s["object"]["id"]);
        let score = &s["result"]["score"];
        let scaled = score["scaled"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&scaled));
        let (raw, min, max) = (
            score["raw"].as_f64().unwrap(),
            score["min"].as_f64().unwrap(),
            score["max"].as_f64().unwrap(),
        );
        assert!(min <= raw && raw <= max);
        assert!((scaled - raw / 100.0).abs() < 1e-9);
        assert!(s["result"]["success"].is_boolean());
        assert_eq!(s["result"]["completion"], true);
        let duration = s["result"]["duration"].as_str().unwrap();
        assert!(
            duration.starts_with("PT") && duration.ends_with('S'),
            "{duration}"
        );
        let timestamp = s["timestamp"].as_str().unwrap();
        assert_eq!(
            timestamp.len(),
            "2024-10-04T10:00:00.000+00:00".len(),
            "{timestamp}"
        );
        assert!(timestamp.ends_with("+00:00") && timestamp.as_bytes()[10] == b'T');
    }
    let with_drill = statements
        .iter()
        .filter(|s| s["context"]["contextActivities"]["grouping"][0]["id"].is_string())
        .count();
    assert_eq!(with_drill, 2);
}

#[test]
fn report_with_no_results_yet_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(bin())
        .args(["report", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no results yet"));
}

#[test]
fn repeated_kills_mid_save_never_lose_a_reported_result_or_damage_the_file() {
    // One database through several rounds, each killing a drill with SIGKILL at a different
    // moment inside its held-open second save: what was reported saved survives every
    // round, and the file stays sound.
    let dir = tempfile::tempdir().unwrap();
    let mut all_reported = Vec::new();
    for (round, delay_ms) in [200u64, 900, 1600].into_iter().enumerate() {
        let name = format!("victim-{round}");
        let mut victim = drill_command(dir.path(), &name)
            .arg("--hold-save-ms=2500")
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(victim.stdout.take().unwrap()).lines();
        let started = Instant::now();
        let mut saved = Vec::new();
        while saved.is_empty() {
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "round {round}: no first save"
            );
            let line = lines.next().unwrap().unwrap();
            saved.extend(saved_ids(&line));
        }
        std::thread::sleep(Duration::from_millis(delay_ms));
        victim.kill().unwrap(); // SIGKILL on Unix
        let _ = victim.wait();
        all_reported.extend(saved);
        let store = Store::open_in(dir.path()).unwrap();
        assert_eq!(store.integrity_check().unwrap(), "ok", "round {round}");
        for id in &all_reported {
            assert!(
                store.report(*id).unwrap().is_some(),
                "round {round}: session {id} lost"
            );
        }
        let sessions = store.sessions(&Filter::trainee(&name), None).unwrap();
        assert_eq!(
            sessions.len(),
            1,
            "round {round}: only what was reported saved"
        );
    }
}

/// A file from a newer Composure in a rollback journal: opening it for writing used to switch
/// it to WAL before the version was read, changing the file it promised to leave alone.
#[test]
fn a_newer_database_is_refused_before_anything_is_written_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("composure.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    assert_eq!(header_check(dir.path()), ("rollback".to_owned(), 99));
    let error = Store::open(&path).err().unwrap().to_string();
    assert!(error.contains("newer Composure"), "{error}");
    for args in [
        vec!["report"],
        vec![
            "play",
            "late-order",
            "--scenarios",
            "tests/fixtures/tui",
            "--answers",
            "acknowledge,express",
            "--trainee",
            "Ann",
        ],
    ] {
        let out = Command::new(bin())
            .args(&args)
            .arg("--data-dir")
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("newer Composure"),
            "{args:?}"
        );
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let mut files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    files.sort();
    assert_eq!(files, ["composure.db"]);
}

/// One practice result saved through the command line, in `dir`.
fn save_practice(dir: &Path, trainee: &str) {
    let out = Command::new(bin())
        .args(["play", "late-order", "--scenarios", "tests/fixtures/tui"])
        .args(["--answers", "acknowledge,express", "--trainee", trainee])
        .arg("--data-dir")
        .arg(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `report` on a folder nobody may write to: as root, whom permissions do not stop, the
/// command runs as `nobody` through setpriv.
#[test]
fn report_reads_a_read_only_data_folder_without_writing_to_it() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    save_practice(&data, "Ann");
    let listing = |dir: &Path| {
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        files.sort();
        files
    };
    let before = listing(&data);
    let db = std::fs::read(data.join("composure.db")).unwrap();
    let mode = |path: &Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    mode(&data.join("composure.db"), 0o444);
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
    if root && stderr.starts_with("setpriv:") {
        // `nobody` cannot reach the binary from where this checkout lives.
        eprintln!("skipped: {stderr}");
        return;
    }
    assert!(out.status.success(), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Ann"));
    assert_eq!(listing(&data), before);
    assert_eq!(std::fs::read(data.join("composure.db")).unwrap(), db);
}

/// A database written by another program, with escapes and bidi overrides in every kind of
/// text a report or the history prints.
#[test]
fn report_and_history_never_print_a_control_character_read_from_the_database() {
    let dir = tempfile::tempdir().unwrap();
    save_practice(dir.path(), "Ann");
    let hostile = "Ann\u{1b}]0;owned\u{7}\u{9b}2J\u{202e}";
    {
        let conn = rusqlite::Connection::open(dir.path().join("composure.db")).unwrap();
        conn.execute(
            "UPDATE sessions SET trainee = ?1, title = ?1, drill = ?1, scenario = ?1, ending = ?1",
            [hostile],
        )
        .unwrap();
        conn.execute(
            "UPDATE rule_tallies SET trainee = ?1, rule = ?1 || rule",
            [hostile],
        )
        .unwrap();
        conn.execute(
            "UPDATE transcripts SET report = json_set(report, '$.scenario.title', ?1)",
            [hostile],
        )
        .unwrap();
    }
    let refused = |text: &str| {
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if composure::scenario::sanitize::refused(c, chars.peek().copied()).is_some() {
                return Some(c);
            }
        }
        None
    };
    for format in ["table", "csv", "json", "xapi"] {
        let out = Command::new(bin())
            .args(["report", "--format", format, "--data-dir"])
            .arg(dir.path())
            .output()
            .unwrap();
        assert!(out.status.success(), "{format}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("Ann"), "{format}: {text}");
        assert_eq!(refused(&text), None, "{format}: {text:?}");
    }
    // The history screen reads through the same store: names, rows and transcripts.
    let store = Store::open_read_only(&dir.path().join("composure.db")).unwrap();
    let rows = store.sessions(&Filter::default(), None).unwrap();
    assert_eq!(rows.len(), 1);
    for text in [&rows[0].trainee, &rows[0].title, &rows[0].scenario] {
        assert_eq!(refused(text), None, "{text:?}");
    }
    let transcript = store.report(rows[0].id).unwrap().unwrap();
    assert_eq!(refused(&transcript.scenario.title), None);
    assert!(transcript.scenario.title.starts_with("Ann\u{fffd}"));
}

/// The fixture drill's two scores add up to an odd number (63 and 0 today), so their mean
/// ends in .5: the scripted drill cut the half off (31) while the report's table rounded it
/// to even (32) and the drill summary screen up; all three round a half up now.
#[test]
fn a_drill_score_reads_the_same_in_the_drill_and_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let out = drill_command(dir.path(), "Ann").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let scores: Vec<u8> = text
        .lines()
        .filter_map(|l| l.split(" · score ").nth(1))
        .map(|rest| rest.split(' ').next().unwrap().parse().unwrap())
        .collect();
    let expected = composure::drill::mean_score(scores.iter().copied()).unwrap();
    assert!(
        text.contains(&format!("drill score: {expected}/100")),
        "{scores:?}: {text}"
    );
    let report = Command::new(bin())
        .args(["report", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    let table = String::from_utf8(report.stdout).unwrap();
    assert!(
        table.contains(&format!("mean {expected}, best")),
        "{expected}: {table}"
    );
}

/// `report` run as a user would, with `TZ` set for it (`None`: removed) and its own
/// arguments after `report`.
fn report_in(dir: &Path, tz: Option<&str>, args: &[&str]) -> std::process::Output {
    let mut cmd = Command::new(bin());
    cmd.arg("report").args(args).arg("--data-dir").arg(dir);
    match tz {
        Some(tz) => cmd.env("TZ", tz),
        None => cmd.env_remove("TZ"),
    };
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn tz_europe_oslo_shows_the_report_in_oslo_time_and_machine_formats_carry_the_offset() {
    let dir = tempfile::tempdir().unwrap();
    sample_store(dir.path());
    // The newest result ended at 2024-10-06T00:00Z: 02:00 in Oslo, where summer time runs.
    let oslo = report_in(dir.path(), Some("Europe/Oslo"), &[]);
    let table = String::from_utf8(oslo.stdout).unwrap();
    assert!(table.contains("Times are in Europe/Oslo."), "{table}");
    assert!(table.contains("2024-10-06 02:00"), "{table}");
    assert!(!table.contains("2024-10-06 00:00"), "{table}");
    let utc = report_in(dir.path(), Some("UTC"), &[]);
    let table = String::from_utf8(utc.stdout).unwrap();
    assert!(table.contains("Times are in UTC."), "{table}");
    assert!(table.contains("2024-10-06 00:00"), "{table}");

    let csv = report_in(dir.path(), Some("Europe/Oslo"), &["--format", "csv"]);
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(csv.contains(",2024-10-06T02:00:00.000+02:00,"), "{csv}");
    let json = report_in(dir.path(), Some("Europe/Oslo"), &["--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["time_zone"], "Europe/Oslo");
    let newest = &json["sessions"][0];
    assert_eq!(newest["ended"], "2024-10-06T02:00:00.000+02:00");
    assert_eq!(newest["ended_at"], 20_002 * 86_400_000_u64);
}

#[test]
fn a_time_zone_that_cannot_be_read_falls_back_to_utc_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    sample_store(dir.path());
    let out = report_in(dir.path(), Some("Nowhere/Atlantis"), &[]);
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(
        table.contains("Times are in UTC: TZ=Nowhere/Atlantis is not a time zone"),
        "{table}"
    );
    assert!(table.contains("2024-10-06 00:00"), "{table}");
    let out = report_in(dir.path(), Some("Nowhere/Atlantis"), &["--format", "csv"]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("note: times are in UTC"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("T00:00:00.000+00:00"));
}

/// One result that ended at 2024-10-04T22:30Z: still the 4th in UTC, already 00:30 on the
/// 5th in Oslo.
fn store_near_midnight(dir: &Path) {
    let mut store = Store::open_in(dir).unwrap();
    let ended = 20_000 * 86_400_000 + 22 * 3_600_000 + 30 * 60_000;
    store
        .save(&record("Ann", None, a_report(1, WASHER), ended))
        .unwrap();
}

fn sessions_since(dir: &Path, tz: &str, since: &str) -> usize {
    let out = report_in(dir, Some(tz), &["--format", "json", "--since", since]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["sessions"].as_array().unwrap().len()
}

#[test]
fn since_a_date_means_that_day_in_the_users_time_zone() {
    let dir = tempfile::tempdir().unwrap();
    store_near_midnight(dir.path());
    assert_eq!(sessions_since(dir.path(), "Europe/Oslo", "2024-10-05"), 1);
    assert_eq!(sessions_since(dir.path(), "UTC", "2024-10-05"), 0);
    assert_eq!(sessions_since(dir.path(), "UTC", "2024-10-04"), 1);
    let out = report_in(dir.path(), Some("Europe/Oslo"), &["--since", "2024-10-05"]);
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("since 2024-10-05 00:00"), "{table}");
}

#[test]
fn since_an_rfc_3339_instant_means_that_instant_whatever_the_zone() {
    let dir = tempfile::tempdir().unwrap();
    store_near_midnight(dir.path());
    for tz in ["Europe/Oslo", "UTC", "America/New_York"] {
        assert_eq!(sessions_since(dir.path(), tz, "2024-10-04T22:30:00Z"), 1);
        assert_eq!(
            sessions_since(dir.path(), tz, "2024-10-05T00:30:00+02:00"),
            1
        );
        assert_eq!(
            sessions_since(dir.path(), tz, "2024-10-04T22:30:00.001Z"),
            0
        );
    }
    let out = Command::new(bin())
        .args(["report", "--since", "2024-10-04T22:30"])
        .arg("--data-dir")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("RFC 3339") && stderr.contains("YYYY-MM-DD"),
        "{stderr}"
    );
}

#[test]
fn report_sessions_lists_every_session_for_the_lead_as_a_table() {
    let dir = tempfile::tempdir().unwrap();
    sample_store(dir.path());
    let out = report_in(dir.path(), Some("Europe/Oslo"), &["--sessions"]);
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(
        table.starts_with("Composure sessions: all results\n"),
        "{table}"
    );
    assert!(table.contains("Times are in Europe/Oslo."), "{table}");
    let header = table
        .lines()
        .find(|l| l.starts_with("started"))
        .unwrap_or_else(|| panic!("{table}"));
    let words: Vec<&str> = header.split_whitespace().collect();
    assert_eq!(
        words,
        [
            "started", "trainee", "drill", "scenario", "language", "score", "ending", "silences"
        ]
    );
    let rows: Vec<&str> = table
        .lines()
        .skip_while(|l| !l.starts_with("started"))
        .skip(1)
        .take_while(|l| !l.starts_with("score:"))
        .collect();
    assert_eq!(rows.len(), 3, "{table}");
    // Newest first; Lee, Bo played without a drill; the start (one second into 1970 in the
    // fixture) is in Oslo time.
    assert!(
        rows[0].contains("Lee, Bo") && rows[0].contains("practice"),
        "{}",
        rows[0]
    );
    assert!(rows[2].starts_with("1970-01-01 01:00 "), "{}", rows[2]);
    assert!(
        rows[2].contains("Ann") && rows[2].contains("first-week"),
        "{}",
        rows[2]
    );
    assert!(
        rows.iter()
            .all(|r| r.contains("rude-broken-washer") && r.contains(" en "))
    );

    let empty = report_in(
        dir.path(),
        Some("UTC"),
        &["--sessions", "--trainee", "Nobody"],
    );
    assert!(String::from_utf8_lossy(&empty.stdout).contains("No results match."));
}

#[test]
fn report_sessions_as_csv_and_json_give_the_same_rows_with_rfc_3339_times() {
    let dir = tempfile::tempdir().unwrap();
    sample_store(dir.path());
    let csv = report_in(
        dir.path(),
        Some("Europe/Oslo"),
        &["--sessions", "--format", "csv"],
    );
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(
        !csv.starts_with('\u{feff}'),
        "no byte-order mark unless asked"
    );
    let mut lines = csv.split("\r\n").filter(|l| !l.is_empty());
    let header = fields(lines.next().unwrap());
    assert_eq!(
        header,
        [
            "session",
            "trainee",
            "drill",
            "scenario",
            "title",
            "language",
            "started",
            "ended",
            "score",
            "ending",
            "rating",
            "hesitations",
            "decisions"
        ]
    );
    let rows: Vec<Vec<String>> = lines.map(fields).collect();
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r.len() == header.len()));
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(rows[0][column("trainee")], "Lee, Bo");
    assert_eq!(rows[0][column("drill")], "");
    assert_eq!(
        rows[1][column("trainee")],
        "'=cmd|' /C calc'!A0",
        "formulas defused"
    );
    assert_eq!(rows[2][column("drill")], "first-week");
    assert_eq!(rows[0][column("ended")], "2024-10-06T02:00:00.000+02:00");
    assert!(
        rows[0][column("started")].ends_with("+01:00"),
        "the fixture started in 1970, in winter"
    );

    let json = report_in(
        dir.path(),
        Some("Europe/Oslo"),
        &["--sessions", "--format", "json"],
    );
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["time_zone"], "Europe/Oslo");
    let sessions = json["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), rows.len());
    for (s, row) in sessions.iter().zip(&rows) {
        assert_eq!(s["session"].to_string(), row[column("session")]);
        assert_eq!(s["ended"], row[column("ended")].as_str());
        assert_eq!(s["score"].to_string(), row[column("score")]);
        assert_eq!(s["language"], "en");
        assert_eq!(s["hesitations"].to_string(), row[column("hesitations")]);
    }
    assert!(sessions[0]["drill"].is_null());
    assert_eq!(sessions[0]["ended_at"], 20_002 * 86_400_000_u64);
}

#[test]
fn bom_starts_csv_with_a_byte_order_mark_and_is_refused_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    sample_store(dir.path());
    for args in [
        &["--format", "csv", "--bom"][..],
        &["--sessions", "--format", "csv", "--bom"],
    ] {
        let out = report_in(dir.path(), Some("UTC"), args);
        assert!(out.stdout.starts_with(b"\xEF\xBB\xBF"), "{args:?}");
        let text = String::from_utf8(out.stdout[3..].to_vec()).unwrap();
        assert!(!text.contains('\u{feff}'), "one mark, at the start");
        assert!(
            text.starts_with("kind,") || text.starts_with("session,"),
            "{text}"
        );
    }
    for args in [
        &["--bom"][..],
        &["--format", "json", "--bom"],
        &["--format", "xapi", "--sessions"],
    ] {
        let out = Command::new(bin())
            .arg("report")
            .args(args)
            .arg("--data-dir")
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

/// With no `TZ` and no `/etc/localtime` (hidden in a private mount namespace, as root), the
/// report falls back to UTC and says so. Skipped where a mount namespace cannot be had.
#[test]
fn without_tz_or_etc_localtime_the_report_is_in_utc_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    sample_store(dir.path());
    let script = "mount --bind /dev/null /etc/localtime && exec \"$0\" report --data-dir \"$1\"";
    let out = Command::new("unshare")
        .args([
            "--mount",
            "--propagation",
            "private",
            "sh",
            "-c",
            script,
            &bin(),
        ])
        .arg(dir.path())
        .env_remove("TZ")
        .output();
    let out = match out {
        Ok(out) if out.status.success() => out,
        Ok(out) => {
            eprintln!(
                "skipped: no private mount namespace here ({})",
                String::from_utf8_lossy(&out.stderr).trim()
            );
            return;
        }
        Err(e) => {
            eprintln!("skipped: unshare is not available ({e})");
            return;
        }
    };
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(
        table.contains("Times are in UTC: no local time zone was found (TZ is not set"),
        "{table}"
    );
    assert!(table.contains("2024-10-06 00:00"), "{table}");
}
