//! The real binary in a real pseudo-terminal, started from an interactive bash as a trainee
//! would start it. However it ends (quitting, a panic, SIGTERM, SIGHUP) the shell gets its
//! terminal back: canonical mode and echo on, as `stty -a` shows, the same modes as before it
//! started (`stty -g`), and the alternate screen left (`ESC [ ? 1049 l`). Ctrl-Z suspends it
//! with the terminal restored, and `fg` brings it back and repaints. No window title is ever
//! set (no OSC sequence at all). The same holds for `composure drill`, with its countdown
//! running, and for `composure history`; a drill ended by a signal keeps what it saved.
//!
//! Every wait is for output or for a result in the database, with a generous time limit, so
//! that a slow or loaded machine makes the tests slower, not flaky.

#![cfg(unix)]
// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use composure::store::{Filter, Store};
use rexpect::session::{PtyReplSession, spawn_command};
use rustix::process::{Pid, Signal, kill_process};

const PROMPT: &str = "[composure-test]$ ";
const ENTER_ALTERNATE: &str = "\u{1b}[?1049h";
const LEAVE_ALTERNATE: &str = "\u{1b}[?1049l";
/// Every operating-system command (a window title among them) starts so.
const OSC: &str = "\u{1b}]";
/// On the home screen, whatever the size.
const HOME: &str = "choose a client";
/// On a drill's opening card (one styled run, so it arrives in one piece).
const DRILL_INTRO: &str = "Trainee:";
/// The countdown gauge, drawn only while the clock runs for an answer. (Match it with
/// [`as_read`].)
const COUNTDOWN: &str = "⏱";
/// On the history screen: the title of the list of sessions.
const HISTORY: &str = "Recent";
/// How long any one piece of output, or a save, may take to come.
const PATIENCE: Duration = Duration::from_secs(60);

/// An interactive bash without readline in a fresh pseudo-terminal of 100×30, echo on.
fn shell() -> PtyReplSession {
    let mut bash = Command::new("bash");
    bash.args(["--norc", "--noprofile", "--noediting", "-i"])
        .env("PS1", PROMPT)
        .env("TERM", "xterm-256color")
        .env_remove("PROMPT_COMMAND")
        .env_remove("NO_COLOR");
    let patience = u64::try_from(PATIENCE.as_millis()).unwrap();
    let session = spawn_command(bash, Some(patience)).unwrap();
    let mut sh = PtyReplSession::new(session, PROMPT.to_owned()).quit_command(Some("exit".into()));
    sh.process_mut().set_kill_timeout(Some(5_000));
    sh.wait_for_prompt().unwrap();
    // rexpect starts the terminal with echo off; a trainee's has it on.
    sh.send_line("stty sane rows 30 cols 100").unwrap();
    sh.wait_for_prompt().unwrap();
    sh.echo_on(true)
}

/// `stty -g`: the terminal's modes, to compare before and after.
fn modes(sh: &mut PtyReplSession) -> String {
    sh.send_line("stty -g").unwrap();
    sh.wait_for_prompt().unwrap().trim().to_owned()
}

/// Canonical mode and echo are on, as `stty -a` tells.
fn assert_usable(sh: &mut PtyReplSession, what: &str) {
    sh.send_line("stty -a").unwrap();
    let stty = sh.wait_for_prompt().unwrap();
    let words: Vec<&str> = stty.split_whitespace().collect();
    for mode in ["icanon", "echo"] {
        assert!(words.contains(&mode), "{what}: `{mode}` is off:\n{stty}");
    }
}

/// Starts the trainer in the foreground and waits for its first screen; returns its pid.
fn start(sh: &mut PtyReplSession, env: &str) -> i32 {
    start_with(sh, env, &[], HOME)
}

/// Starts `composure ARGS` in the foreground and waits for `ready` on its first screen;
/// returns its pid (the shell's `sh -c` prints its own and then becomes Composure with
/// `exec`).
fn start_with(sh: &mut PtyReplSession, env: &str, args: &[&str], ready: &str) -> i32 {
    let binary = env!("CARGO_BIN_EXE_composure");
    let args: Vec<String> = args.iter().map(|a| quoted(a)).collect();
    sh.send_line(&format!(
        "{env} sh -c 'echo pid=$$; exec \"$0\" \"$@\"' {} {}",
        quoted(binary),
        args.join(" ")
    ))
    .unwrap();
    let (_, found) = sh.exp_regex(r"pid=\d+").unwrap();
    let pid = found.trim_start_matches("pid=").parse().unwrap();
    let before = sh.exp_string(ENTER_ALTERNATE).unwrap();
    assert!(!before.contains(OSC), "{before:?}");
    let screen = sh.exp_string(ready).unwrap();
    assert!(!screen.contains(OSC), "an OSC sequence: {screen:?}");
    pid
}

/// `text` as rexpect reads it: each byte of the output as a character of its own.
fn as_read(text: &str) -> String {
    text.bytes().map(char::from).collect()
}

/// `text` as one word for the shell.
fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// Where the test fixtures are, whatever the directory the tests run in.
fn fixture(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(path)
        .to_string_lossy()
        .into_owned()
}

/// `composure drill` on the test drill of two short scenarios (ten seconds per answer,
/// coaching at the end), in English, keeping results in `data`.
fn drill_args(data: &Path) -> Vec<String> {
    vec![
        "--lang".to_owned(),
        "en".to_owned(),
        "--scenarios".to_owned(),
        fixture("tests/fixtures/tui"),
        "--data-dir".to_owned(),
        data.to_string_lossy().into_owned(),
        "drill".to_owned(),
        fixture("tests/fixtures/drills/valid/late-twice.ron"),
        "--trainee".to_owned(),
        "Ann".to_owned(),
    ]
}

/// Starts the test drill, then begins its first conversation: Enter on the opening card
/// and on the briefing. Returns once the countdown is on screen, with the drill's pid.
fn start_drill_in_countdown(sh: &mut PtyReplSession, data: &Path) -> i32 {
    let args = drill_args(data);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let pid = start_with(sh, "", &args, DRILL_INTRO);
    press(sh, "\r\r");
    sh.exp_string(&as_read(COUNTDOWN)).unwrap();
    pid
}

/// A data folder holding one finished drill of Ann's, for the history to show.
fn data_with_history() -> tempfile::TempDir {
    let data = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_composure"))
        .args(["--scenarios", &fixture("tests/fixtures/tui"), "--data-dir"])
        .arg(data.path())
        .args([
            "drill",
            &fixture("tests/fixtures/drills/valid/late-twice.ron"),
        ])
        .args(["--trainee", "Ann"])
        .arg("--answers=acknowledge,express,open-new-range,over-more")
        .env_remove("COMPOSURE_DATA_DIR")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    data
}

fn start_history(sh: &mut PtyReplSession, data: &Path) -> i32 {
    let data = data.to_string_lossy();
    let args = [
        "--lang",
        "en",
        "--data-dir",
        &data,
        "history",
        "--trainee",
        "Ann",
    ];
    start_with(sh, "", &args, HISTORY)
}

/// Ann's sessions in the database, once there are at least `n` (or the test fails after
/// waiting [`PATIENCE`] for them). The database is read as another process would, while the
/// drill may still be writing.
fn wait_for_sessions(data: &Path, n: usize) -> usize {
    let started = Instant::now();
    loop {
        let found = Store::open_in(data)
            .and_then(|store| store.sessions(&Filter::trainee("Ann"), None))
            .map_or(0, |sessions| sessions.len());
        if found >= n {
            return found;
        }
        assert!(
            started.elapsed() < PATIENCE,
            "only {found} of {n} session(s) saved"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The signal ended the program as it would have ended it unhandled, and the terminal is
/// as it was.
fn assert_ended_by(sh: &mut PtyReplSession, sig: Signal, before: &str) {
    let status = match sig {
        Signal::TERM => 143,
        Signal::HUP => 129,
        other => panic!("no status known for {other:?}"),
    };
    expect_left(sh);
    sh.wait_for_prompt().unwrap();
    sh.send_line("echo status=$?").unwrap();
    sh.exp_string(&format!("status={status}")).unwrap();
    sh.wait_for_prompt().unwrap();
    assert_eq!(modes(sh), before, "{sig:?}");
    assert_usable(sh, &format!("after {sig:?}"));
}

/// Reads up to the leave-alternate-screen sequence, which must come, and checks that no OSC
/// sequence came before it.
fn expect_left(sh: &mut PtyReplSession) -> String {
    let before = sh.exp_string(LEAVE_ALTERNATE).unwrap();
    assert!(!before.contains(OSC), "an OSC sequence: {before:?}");
    before
}

fn press(sh: &mut PtyReplSession, keys: &str) {
    sh.send(keys).unwrap();
    sh.flush().unwrap();
}

fn signal(pid: i32, signal: Signal) {
    kill_process(Pid::from_raw(pid).unwrap(), signal).unwrap();
}

#[test]
fn quitting_gives_the_terminal_back() {
    let mut sh = shell();
    let before = modes(&mut sh);
    start(&mut sh, "");
    press(&mut sh, "q");
    expect_left(&mut sh);
    sh.wait_for_prompt().unwrap();
    assert_eq!(modes(&mut sh), before);
    assert_usable(&mut sh, "after q");
}

#[test]
fn ctrl_c_gives_the_terminal_back_and_ends_with_status_130() {
    let mut sh = shell();
    let before = modes(&mut sh);
    start(&mut sh, "");
    sh.send_control('c').unwrap();
    expect_left(&mut sh);
    sh.wait_for_prompt().unwrap();
    sh.send_line("echo status=$?").unwrap();
    sh.exp_string("status=130").unwrap();
    sh.wait_for_prompt().unwrap();
    assert_eq!(modes(&mut sh), before);
    assert_usable(&mut sh, "after Ctrl-C");
}

#[test]
fn a_panic_gives_the_terminal_back_and_then_a_readable_message() {
    let mut sh = shell();
    let before = modes(&mut sh);
    start(&mut sh, "COMPOSURE_TEST_PANIC=1 RUST_BACKTRACE=0");
    expect_left(&mut sh);
    // The message comes after the screen is left, so it stays on the trainee's screen.
    let after = sh.wait_for_prompt().unwrap();
    assert!(
        after.contains("panicked") && after.contains("COMPOSURE_TEST_PANIC is set"),
        "{after:?}"
    );
    sh.send_line("echo status=$?").unwrap();
    sh.exp_string("status=101").unwrap();
    sh.wait_for_prompt().unwrap();
    assert_eq!(modes(&mut sh), before);
    assert_usable(&mut sh, "after a panic");
}

#[test]
fn sigterm_and_sighup_give_the_terminal_back_and_end_by_the_signal() {
    for (sig, status) in [(Signal::TERM, 143), (Signal::HUP, 129)] {
        let mut sh = shell();
        let before = modes(&mut sh);
        let pid = start(&mut sh, "");
        signal(pid, sig);
        expect_left(&mut sh);
        sh.wait_for_prompt().unwrap();
        // The shell sees the trainer ended by the signal, as it would have without handling it.
        sh.send_line("echo status=$?").unwrap();
        sh.exp_string(&format!("status={status}")).unwrap();
        sh.wait_for_prompt().unwrap();
        assert_eq!(modes(&mut sh), before, "{sig:?}");
        assert_usable(&mut sh, &format!("after {sig:?}"));
    }
}

#[test]
fn ctrl_z_suspends_with_the_terminal_restored_and_fg_repaints() {
    let mut sh = shell();
    let before = modes(&mut sh);
    start(&mut sh, "");
    sh.send_control('z').unwrap();
    expect_left(&mut sh);
    sh.exp_string("Stopped").unwrap();
    sh.wait_for_prompt().unwrap();
    assert_eq!(modes(&mut sh), before);
    assert_usable(&mut sh, "while suspended");

    sh.send_line("fg").unwrap();
    sh.exp_string(ENTER_ALTERNATE).unwrap();
    let repainted = sh.exp_string(HOME).unwrap();
    assert!(!repainted.contains(OSC), "{repainted:?}");
    // Keys work again: down moves the selection to the second scenario, q quits.
    press(&mut sh, "q");
    expect_left(&mut sh);
    sh.wait_for_prompt().unwrap();
    assert_eq!(modes(&mut sh), before);
    assert_usable(&mut sh, "after fg and q");
}

#[test]
fn an_outside_sigtstp_suspends_like_ctrl_z() {
    let mut sh = shell();
    let before = modes(&mut sh);
    let pid = start(&mut sh, "");
    signal(pid, Signal::TSTP);
    expect_left(&mut sh);
    sh.exp_string("Stopped").unwrap();
    sh.wait_for_prompt().unwrap();
    assert_eq!(modes(&mut sh), before);
    sh.send_line("fg").unwrap();
    sh.exp_string(HOME).unwrap();
    press(&mut sh, "q");
    expect_left(&mut sh);
    sh.wait_for_prompt().unwrap();
    assert_usable(&mut sh, "after an outside SIGTSTP");
}

#[test]
fn sigterm_and_sighup_end_a_drill_mid_countdown_with_the_terminal_given_back() {
    for sig in [Signal::TERM, Signal::HUP] {
        let data = tempfile::tempdir().unwrap();
        let mut sh = shell();
        let before = modes(&mut sh);
        let pid = start_drill_in_countdown(&mut sh, data.path());
        signal(pid, sig);
        assert_ended_by(&mut sh, sig, &before);
    }
}

#[test]
fn a_drill_ended_by_sigterm_keeps_the_results_it_saved() {
    let data = tempfile::tempdir().unwrap();
    let mut sh = shell();
    let before = modes(&mut sh);
    let pid = start_drill_in_countdown(&mut sh, data.path());
    // The first scenario to its end, always taking the first option: two decisions, each
    // answered and then read, and the ending. That leaves the second scenario's briefing.
    press(&mut sh, "\r\r\r\r\r");
    assert_eq!(wait_for_sessions(data.path(), 1), 1);
    signal(pid, Signal::TERM);
    assert_ended_by(&mut sh, Signal::TERM, &before);
    let store = Store::open_in(data.path()).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let sessions = store.sessions(&Filter::trainee("Ann"), None).unwrap();
    assert_eq!(sessions.len(), 1);
    assert_eq!(sessions[0].drill.as_deref(), Some("late-twice"));
}

#[test]
fn ctrl_z_suspends_a_drill_mid_countdown_and_fg_brings_it_back() {
    let data = tempfile::tempdir().unwrap();
    let mut sh = shell();
    let before = modes(&mut sh);
    start_drill_in_countdown(&mut sh, data.path());
    sh.send_control('z').unwrap();
    expect_left(&mut sh);
    sh.exp_string("Stopped").unwrap();
    sh.wait_for_prompt().unwrap();
    assert_eq!(modes(&mut sh), before);
    assert_usable(&mut sh, "while a drill is suspended");

    sh.send_line("fg").unwrap();
    sh.exp_string(ENTER_ALTERNATE).unwrap();
    // Repainted whole, the countdown still there (or, had the time run out meanwhile, the
    // clock restarted for the same decision).
    let repainted = sh.exp_string(&as_read(COUNTDOWN)).unwrap();
    assert!(!repainted.contains(OSC), "{repainted:?}");
    // Keys work again: Ctrl-C ends the drill at once, as an interrupted program.
    sh.send_control('c').unwrap();
    expect_left(&mut sh);
    sh.wait_for_prompt().unwrap();
    sh.send_line("echo status=$?").unwrap();
    sh.exp_string("status=130").unwrap();
    sh.wait_for_prompt().unwrap();
    assert_eq!(modes(&mut sh), before);
    assert_usable(&mut sh, "after fg and Ctrl-C in a drill");
}

#[test]
fn sigterm_and_sighup_end_the_history_with_the_terminal_given_back() {
    let data = data_with_history();
    for sig in [Signal::TERM, Signal::HUP] {
        let mut sh = shell();
        let before = modes(&mut sh);
        let pid = start_history(&mut sh, data.path());
        signal(pid, sig);
        assert_ended_by(&mut sh, sig, &before);
    }
}

#[test]
fn ctrl_z_suspends_the_history_and_fg_brings_it_back() {
    let data = data_with_history();
    let mut sh = shell();
    let before = modes(&mut sh);
    start_history(&mut sh, data.path());
    sh.send_control('z').unwrap();
    expect_left(&mut sh);
    sh.exp_string("Stopped").unwrap();
    sh.wait_for_prompt().unwrap();
    assert_eq!(modes(&mut sh), before);
    assert_usable(&mut sh, "while the history is suspended");

    sh.send_line("fg").unwrap();
    sh.exp_string(ENTER_ALTERNATE).unwrap();
    let repainted = sh.exp_string(HISTORY).unwrap();
    assert!(!repainted.contains(OSC), "{repainted:?}");
    press(&mut sh, "q");
    expect_left(&mut sh);
    sh.wait_for_prompt().unwrap();
    assert_eq!(modes(&mut sh), before);
    assert_usable(&mut sh, "after fg and q in the history");
}
