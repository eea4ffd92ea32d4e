//! Sending statements to a learning record store (`report --format xapi --send URL`):
//!
//! - against a small HTTP server in a thread that answers as scripted: busy and failing
//!   stores are tried again, a refused batch is split down to the statement refused, wrong
//!   credentials stop at once, every request carries the xAPI headers;
//! - from the command line: an unreachable store and a missing password are clear errors;
//! - against a real LRS, Ralph, when `COMPOSURE_TEST_LRS` names one (`.ci/run` starts it):
//!   two sends leave each statement stored once, and a wrong password is refused. Without
//!   it these tests say "skipped: no LRS", and fail under CI, which must run them.

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Output};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use composure::drill::{find_drill, plan, play_scripted};
use composure::engine::Report;
use composure::report::send::{Answer, Auth, Endpoint, Http, Policy, Sender, Stopped};
use composure::rules::Rulebook;
use composure::scenario::Library;
use composure::store::{SessionRecord, Store};
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------
// A stub LRS: one thread, one connection per request (the answers say `Connection: close`).

/// A request as the stub read it.
#[derive(Debug, Clone)]
struct Request {
    path: String,
    headers: BTreeMap<String, String>,
    body: Vec<Value>,
}

/// An answer: status, JSON body (or none), extra headers.
type Reply = (u16, Option<Value>, Vec<(&'static str, String)>);

struct Stub {
    url: String,
    requests: Arc<Mutex<Vec<Request>>>,
}

/// Serves `handler`'s answers on a free port of this machine until the test ends.
fn stub(mut handler: impl FnMut(&Request) -> Reply + Send + 'static) -> Stub {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/xAPI/", listener.local_addr().unwrap());
    let requests = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&requests);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { return };
            let Some(request) = read_request(&stream) else {
                continue;
            };
            let (code, body, extra) = handler(&request);
            seen.lock().unwrap().push(request);
            let body = body.map(|b| b.to_string()).unwrap_or_default();
            let mut head = format!(
                "HTTP/1.1 {code} Stub\r\nContent-Length: {}\r\nContent-Type: application/json\r\nConnection: close\r\n",
                body.len()
            );
            for (name, value) in extra {
                head.push_str(&format!("{name}: {value}\r\n"));
            }
            let mut stream = stream;
            let _ = stream.write_all(format!("{head}\r\n{body}").as_bytes());
        }
    });
    Stub { url, requests }
}

fn read_request(stream: &TcpStream) -> Option<Request> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let path = line.split(' ').nth(1)?.to_owned();
    let mut headers = BTreeMap::new();
    loop {
        let mut header = String::new();
        reader.read_line(&mut header).ok()?;
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        let (name, value) = header.split_once(':')?;
        headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_owned());
    }
    let length: usize = headers.get("content-length")?.parse().ok()?;
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some(Request {
        path,
        headers,
        body: serde_json::from_slice(&body).ok()?,
    })
}

fn statements(n: usize) -> Vec<Value> {
    (0..n)
        .map(|i| json!({ "id": format!("00000000-0000-4000-8000-{i:012}"), "n": i }))
        .collect()
}

fn ids_of(statements: &[Value]) -> Vec<String> {
    statements
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_owned())
        .collect()
}

/// Sends through the real HTTP client, with the waits recorded instead of slept.
fn send_to(
    stub: &Stub,
    auth: &Auth,
    all: &[Value],
    batch: usize,
) -> (composure::report::send::Outcome, Vec<Duration>) {
    let endpoint = Endpoint::parse(&stub.url).unwrap();
    let mut http = Http::new(&endpoint, auth);
    let mut waits = Vec::new();
    let outcome = Sender {
        transport: &mut http,
        sleep: &mut |d| waits.push(d),
        policy: Policy::default(),
    }
    .send(all, batch);
    (outcome, waits)
}

/// A stub that files statements like an LRS: new ids listed in a 200, 204 when nothing is
/// new, 409 for a batch holding an id it has with other content, 400 for one holding a
/// statement marked `"bad": true`; after `busy` answers of 429 (Retry-After: 3) and 503.
fn lrs_stub(mut busy: Vec<u16>, held: Vec<Value>) -> Stub {
    let mut stored: BTreeMap<String, Value> = held
        .into_iter()
        .map(|s| (s["id"].as_str().unwrap().to_owned(), s))
        .collect();
    stub(move |request| {
        if !busy.is_empty() {
            let code = busy.remove(0);
            return (code, None, vec![("Retry-After", "3".to_owned())]);
        }
        if let Some(bad) = request.body.iter().find(|s| s["bad"] == true) {
            let detail = format!("statement {} has no actor", bad["id"].as_str().unwrap());
            return (400, Some(json!({ "detail": detail })), vec![]);
        }
        for s in &request.body {
            if let Some(held) = stored.get(s["id"].as_str().unwrap())
                && held != s
            {
                let detail = format!("Differing statements with id {}", s["id"]);
                return (409, Some(json!({ "detail": detail })), vec![]);
            }
        }
        let mut new = Vec::new();
        for s in &request.body {
            let id = s["id"].as_str().unwrap().to_owned();
            if !stored.contains_key(&id) {
                stored.insert(id.clone(), s.clone());
                new.push(id);
            }
        }
        if new.is_empty() {
            (204, None, vec![])
        } else {
            (200, Some(json!(new)), vec![])
        }
    })
}

fn basic() -> Auth {
    Auth::Basic {
        user: "lead".into(),
        password: "secret".into(),
    }
}

#[test]
fn a_busy_or_failing_store_is_tried_again_and_every_request_carries_the_xapi_headers() {
    let lrs = lrs_stub(vec![429, 503], vec![]);
    let all = statements(7);
    let (outcome, waits) = send_to(&lrs, &basic(), &all, 5);
    assert!(outcome.is_complete(), "{outcome:?}");
    assert_eq!((outcome.stored, outcome.already), (7, 0));
    assert_eq!(outcome.requests, 4, "two refused tries, then two batches");
    assert_eq!(
        waits,
        [Duration::from_secs(3), Duration::from_secs(3)],
        "Retry-After: 3, longer than the 1 s and 2 s the doubling gives"
    );
    let requests = lrs.requests.lock().unwrap();
    for r in requests.iter() {
        assert_eq!(r.path, "/xAPI/statements");
        assert_eq!(r.headers["x-experience-api-version"], "1.0.3");
        assert_eq!(r.headers["content-type"], "application/json");
        assert_eq!(r.headers["authorization"], "Basic bGVhZDpzZWNyZXQ=");
    }
    let sizes: Vec<usize> = requests.iter().map(|r| r.body.len()).collect();
    assert_eq!(sizes, [5, 5, 5, 2]);
    drop(requests);

    let (again, _) = send_to(&lrs, &Auth::Bearer("t0k".into()), &all, 5);
    assert_eq!(
        (again.stored, again.already),
        (0, 7),
        "204: all there already"
    );
    let requests = lrs.requests.lock().unwrap();
    assert_eq!(
        requests.last().unwrap().headers["authorization"],
        "Bearer t0k"
    );
}

#[test]
fn a_conflict_is_found_by_halving_and_the_rest_is_stored() {
    let all = statements(16);
    let mut changed = all[11].clone();
    changed["n"] = json!("another version");
    let lrs = lrs_stub(vec![], vec![changed, all[2].clone()]);
    let (outcome, waits) = send_to(&lrs, &basic(), &all, 8);
    assert!(waits.is_empty());
    assert_eq!(outcome.stored, 14);
    assert_eq!(outcome.already, 1, "the same statement under the same id");
    assert_eq!(outcome.refused.len(), 1);
    let refusal = &outcome.refused[0];
    assert_eq!(refusal.id, ids_of(&all)[11]);
    assert_eq!(refusal.status, 409);
    assert!(
        refusal.reason.contains("Differing statements"),
        "{refusal:?}"
    );
    assert!(outcome.stopped.is_none());
}

#[test]
fn a_refused_statement_is_named_with_the_stores_reason_and_the_others_get_in() {
    let mut all = statements(10);
    all[6]["bad"] = json!(true);
    let lrs = lrs_stub(vec![], vec![]);
    let (outcome, _) = send_to(&lrs, &basic(), &all, 10);
    assert_eq!(outcome.stored, 9);
    assert_eq!(outcome.refused.len(), 1);
    assert_eq!(outcome.refused[0].status, 400);
    assert_eq!(
        outcome.refused[0].reason,
        format!("statement {} has no actor", ids_of(&all)[6])
    );
    // Halving: 10, then 5 + 5, then the refused half's halves, down to one.
    assert!(outcome.requests <= 9, "{}", outcome.requests);
}

#[test]
fn wrong_credentials_and_a_wrong_address_stop_at_once() {
    for code in [401, 404] {
        let lrs = stub(move |_| {
            (
                code,
                Some(json!({ "detail": "Invalid authentication credentials" })),
                vec![],
            )
        });
        let (outcome, waits) = send_to(&lrs, &basic(), &statements(12), 5);
        assert!(waits.is_empty());
        assert_eq!(outcome.requests, 1);
        assert_eq!(
            outcome.stopped,
            Some(Stopped::Request {
                status: code,
                reason: "Invalid authentication credentials".into()
            })
        );
        assert_eq!(outcome.not_sent(), 12);
    }
}

#[test]
fn a_redirect_is_not_followed_with_the_statements() {
    let lrs = stub(|_| {
        (
            308,
            None,
            vec![(
                "Location",
                "https://elsewhere.example/xAPI/statements".to_owned(),
            )],
        )
    });
    let (outcome, _) = send_to(&lrs, &basic(), &statements(1), 5);
    let Some(Stopped::Request {
        status: 308,
        reason,
    }) = outcome.stopped
    else {
        panic!("{outcome:?}");
    };
    assert!(
        reason.contains("https://elsewhere.example/xAPI/statements"),
        "{reason}"
    );
    assert_eq!(lrs.requests.lock().unwrap().len(), 1);
}

#[test]
fn a_timeout_or_dropped_connection_counts_as_no_answer_worth_retrying() {
    // A server that closes the connection without answering.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/xAPI", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            drop(stream);
        }
    });
    let mut http = Http::new(&Endpoint::parse(&url).unwrap(), &Auth::None);
    let answer = composure::report::send::Transport::post(&mut http, b"[]");
    assert!(
        matches!(
            answer,
            Answer::NoAnswer {
                transient: true,
                ..
            }
        ),
        "{answer:?}"
    );
}

// ---------------------------------------------------------------------------------------
// Results to send, and the command line.

fn rules() -> &'static Rulebook {
    static RULES: OnceLock<Rulebook> = OnceLock::new();
    RULES.get_or_init(|| Rulebook::embedded().unwrap())
}

/// Loaded once for all the tests: loading every shipped scenario takes a while in a debug
/// build.
fn library() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| Library::embedded(rules()))
}

const DAY: u64 = 86_400_000;
/// 2024-10-04T00:00Z.
const START: u64 = 20_000 * DAY;

const WASHER: &[&str] = &[
    "-",
    "open-tone",
    "heated-reset",
    "fault-agree-then",
    "when-concrete",
    "money-boundaries",
    "kit-extra",
];

fn a_report(language: &str, seed: u64, started: u64) -> Report {
    let drill = find_drill("first-week", library()).unwrap().unwrap();
    let mut item = plan(&drill, library(), language).items.remove(0);
    item.seed = seed;
    let mut clock = started;
    play_scripted(
        &item,
        30_000,
        &mut WASHER.iter().copied(),
        &mut clock,
        rules(),
    )
    .unwrap()
}

/// Three results, in three languages, by three trainees.
fn results(dir: &Path) {
    let mut store = Store::open_in(dir).unwrap();
    for (n, (trainee, language)) in [("Ann", "en"), ("Lee, Bo", "nb"), ("Олег", "ru")]
        .into_iter()
        .enumerate()
    {
        let report = a_report(language, n as u64 + 1, START + n as u64 * DAY);
        let ended_at = report
            .steps
            .iter()
            .map(|s| s.elapsed_ms)
            .fold(report.started_at_ms, u64::saturating_add)
            + 1_000;
        store
            .save(&SessionRecord {
                trainee: trainee.to_owned(),
                drill: Some("first-week".to_owned()),
                report,
                ended_at,
                version: "test".to_owned(),
            })
            .unwrap();
    }
}

fn composure(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_composure"));
    cmd.arg("--data-dir")
        .arg(dir)
        .args(["--lang", "en"])
        .env_remove("COMPOSURE_IRI_BASE")
        .env_remove("COMPOSURE_LRS_PASSWORD")
        .env_remove("COMPOSURE_LRS_TOKEN")
        .env("TZ", "UTC");
    cmd
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A port of this machine nothing listens on (bound, then let go).
fn closed_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[test]
fn an_unreachable_store_is_a_clear_error_and_nothing_counts_as_sent() {
    let dir = tempfile::tempdir().unwrap();
    results(dir.path());
    let url = format!("http://127.0.0.1:{}/xAPI/", closed_port());
    let out = composure(dir.path())
        .args([
            "report",
            "--format",
            "xapi",
            "--send",
            &url,
            "--retries",
            "0",
        ])
        .env("COMPOSURE_LRS_TOKEN", "t0k")
        .output()
        .unwrap();
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(2), "{stdout}\n{stderr}");
    assert!(
        stderr.contains(&format!(
            "could not reach the learning record store at {url}statements after 1 try"
        )),
        "{stderr}"
    );
    assert!(stdout.contains("0 statements stored now"), "{stdout}");
    assert!(stdout.contains(" not sent"), "{stdout}");
}

#[test]
fn a_user_needs_the_password_in_the_environment_and_the_flags_need_send() {
    let dir = tempfile::tempdir().unwrap();
    results(dir.path());
    let url = format!("http://127.0.0.1:{}/xAPI/", closed_port());
    let xapi = ["report", "--format", "xapi"];
    let out = composure(dir.path())
        .args(xapi)
        .args(["--send", &url, "--lrs-user", "lead"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("--lrs-user lead needs the password in the COMPOSURE_LRS_PASSWORD"),
        "{stderr}"
    );
    for (args, says) in [
        (
            vec!["--send", "http://lead:secret@127.0.0.1/xAPI"],
            "--lrs-user",
        ),
        (vec!["--lrs-user", "lead"], "--send"),
        (vec!["--send", &url, "--batch", "0"], "1 to 1000"),
    ] {
        let out = composure(dir.path())
            .args(xapi)
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            text(&out.stderr).contains(says),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
    let out = composure(dir.path())
        .args(["report", "--format", "csv", "--send", &url])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--format xapi"));
}

#[test]
fn a_dry_run_counts_the_statements_and_requests_and_sends_nothing() {
    let dir = tempfile::tempdir().unwrap();
    results(dir.path());
    let lrs = lrs_stub(vec![], vec![]);
    let printed = composure(dir.path())
        .args(["report", "--format", "xapi"])
        .output()
        .unwrap();
    let n = serde_json::from_slice::<Vec<Value>>(&printed.stdout)
        .unwrap()
        .len();
    let out = composure(dir.path())
        .args(["report", "--format", "xapi", "--send", &lrs.url])
        .args(["--dry-run", "--batch", "10"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains(&format!(
            "Dry run: {n} statements would go to {}statements in {} requests",
            lrs.url,
            n.div_ceil(10)
        )),
        "{stdout}"
    );
    assert!(lrs.requests.lock().unwrap().is_empty());
}

#[test]
fn the_command_line_sends_to_a_stub_and_exits_1_when_a_statement_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    results(dir.path());
    let printed = composure(dir.path())
        .args(["report", "--format", "xapi"])
        .output()
        .unwrap();
    let all: Vec<Value> = serde_json::from_slice(&printed.stdout).unwrap();
    let mut changed = all[3].clone();
    changed["result"]["success"] = json!(!changed["result"]["success"].as_bool().unwrap());
    let lrs = lrs_stub(vec![], vec![changed]);
    let out = composure(dir.path())
        .args([
            "report", "--format", "xapi", "--send", &lrs.url, "--batch", "8",
        ])
        .output()
        .unwrap();
    let stdout = text(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{stdout}\n{}",
        text(&out.stderr)
    );
    assert!(
        stdout.contains(&format!("{} statements stored now", all.len() - 1)),
        "{stdout}"
    );
    assert!(stdout.contains("1 refused"), "{stdout}");
    assert!(
        stdout.contains(&format!(
            "{}: HTTP 409, Differing statements",
            all[3]["id"].as_str().unwrap()
        )),
        "{stdout}"
    );
    assert!(stdout.contains("never changes"), "{stdout}");
}

// ---------------------------------------------------------------------------------------
// A real LRS.

struct Lrs {
    url: String,
    user: String,
    password: String,
}

/// The LRS `.ci/run` started, from `COMPOSURE_TEST_LRS` (its xAPI endpoint) and
/// `COMPOSURE_TEST_LRS_USER` / `_PASSWORD`. Without it: a failure under CI, which must run
/// these tests, else a loud skip.
fn real_lrs(test: &str) -> Option<Lrs> {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    match (
        var("COMPOSURE_TEST_LRS"),
        var("COMPOSURE_TEST_LRS_USER"),
        var("COMPOSURE_TEST_LRS_PASSWORD"),
    ) {
        (Some(url), Some(user), Some(password)) => Some(Lrs {
            url,
            user,
            password,
        }),
        _ if var("CI").is_some_and(|v| v != "false" && v != "0") => panic!(
            "{test}: CI must test against a real LRS, but COMPOSURE_TEST_LRS, \
             COMPOSURE_TEST_LRS_USER and COMPOSURE_TEST_LRS_PASSWORD are not all set \
             (.ci/run starts Ralph and sets them)"
        ),
        _ => {
            // Straight to standard error: the test harness captures `eprintln!`, and a skip
            // must be seen.
            let _ = writeln!(
                std::io::stderr(),
                "{test}: skipped: no LRS (set COMPOSURE_TEST_LRS, COMPOSURE_TEST_LRS_USER and \
                 COMPOSURE_TEST_LRS_PASSWORD, or run .ci/run, which starts Ralph)"
            );
            None
        }
    }
}

/// Every statement the LRS holds, following its `more` links.
fn stored(lrs: &Lrs) -> Vec<Value> {
    let origin: String = {
        let (scheme, rest) = lrs.url.split_once("://").unwrap();
        format!("{scheme}://{}", rest.split('/').next().unwrap())
    };
    let auth = Auth::Basic {
        user: lrs.user.clone(),
        password: lrs.password.clone(),
    }
    .header()
    .unwrap();
    let mut next = Some(format!(
        "{}?limit=100",
        Endpoint::parse(&lrs.url).unwrap().statements_url()
    ));
    let mut all = Vec::new();
    let mut pages = 0;
    while let Some(url) = next.take() {
        pages += 1;
        assert!(pages < 1000, "the LRS's `more` links go round in circles");
        let mut response = ureq::get(&url)
            .header("X-Experience-API-Version", "1.0.3")
            .header("Authorization", &auth)
            .call()
            .unwrap();
        let page: Value =
            serde_json::from_str(&response.body_mut().read_to_string().unwrap()).unwrap();
        all.extend(page["statements"].as_array().unwrap().iter().cloned());
        next = page["more"]
            .as_str()
            .filter(|more| !more.is_empty())
            .map(|more| {
                if more.starts_with("http") {
                    more.to_owned()
                } else {
                    format!("{origin}{more}")
                }
            });
    }
    all
}

/// A base no other run has used, so the statements of this run are new to a long-lived LRS.
fn fresh_base(test: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!(
        "https://learning.example.org/{test}-{}-{nanos}",
        std::process::id()
    )
}

/// The ids of the statements under `base`, as the LRS holds them.
fn ids_under(lrs: &Lrs, base: &str) -> Vec<String> {
    let mut ids: Vec<String> = stored(lrs)
        .iter()
        .filter(|s| {
            s["actor"]["account"]["homePage"]
                .as_str()
                .is_some_and(|home| home.starts_with(base))
        })
        .map(|s| s["id"].as_str().unwrap().to_owned())
        .collect();
    ids.sort();
    ids
}

fn send(dir: &Path, lrs: &Lrs, base: &str, password: &str) -> Output {
    composure(dir)
        .args(["report", "--format", "xapi", "--iri-base", base])
        .args(["--send", &lrs.url, "--lrs-user", &lrs.user, "--batch", "5"])
        .env("COMPOSURE_LRS_PASSWORD", password)
        .output()
        .unwrap()
}

#[test]
fn a_real_lrs_holds_each_statement_once_after_two_sends() {
    let Some(lrs) = real_lrs("a_real_lrs_holds_each_statement_once_after_two_sends") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    results(dir.path());
    let base = fresh_base("twice");
    let printed = composure(dir.path())
        .args(["report", "--format", "xapi", "--iri-base", &base])
        .output()
        .unwrap();
    let mut exported = ids_of(&serde_json::from_slice::<Vec<Value>>(&printed.stdout).unwrap());
    exported.sort();
    let n = exported.len();
    assert!(n > 15, "{n} statements");

    let first = send(dir.path(), &lrs, &base, &lrs.password);
    let stdout = text(&first.stdout);
    assert!(first.status.success(), "{stdout}\n{}", text(&first.stderr));
    assert!(
        stdout.contains(&format!("{n} statements stored now")),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("in {} requests", n.div_ceil(5))),
        "{stdout}"
    );
    assert_eq!(ids_under(&lrs, &base), exported, "each statement once");

    let second = send(dir.path(), &lrs, &base, &lrs.password);
    let stdout = text(&second.stdout);
    assert!(
        second.status.success(),
        "{stdout}\n{}",
        text(&second.stderr)
    );
    assert!(stdout.contains("0 statements stored now"), "{stdout}");
    assert!(
        stdout.contains(&format!(
            "{n} statements were already stored with the same id"
        )),
        "{stdout}"
    );
    assert!(stdout.contains("0 refused"), "{stdout}");
    assert_eq!(
        ids_under(&lrs, &base),
        exported,
        "still each statement once"
    );
}

#[test]
fn a_real_lrs_refuses_a_wrong_password_with_a_clear_message() {
    let Some(lrs) = real_lrs("a_real_lrs_refuses_a_wrong_password_with_a_clear_message") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    results(dir.path());
    let base = fresh_base("wrong-password");
    let out = send(dir.path(), &lrs, &base, "not-the-password");
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("did not accept the credentials"),
        "{stderr}"
    );
    assert!(stderr.contains("COMPOSURE_LRS_PASSWORD"), "{stderr}");
    assert!(ids_under(&lrs, &base).is_empty());
}
