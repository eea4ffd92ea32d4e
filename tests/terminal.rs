//! The real binary in a real pseudo-terminal, started from an interactive bash as a trainee
//! would start it. However it ends (quitting, a panic, SIGTERM, SIGHUP) the shell gets its
//! terminal back: canonical mode and echo on, as `stty -a` shows, the same modes as before it
//! started (`stty -g`), and the alternate screen left (`ESC [ ? 1049 l`). Ctrl-Z suspends it
//! with the terminal restored, and `fg` brings it back and repaints. No window title is ever
//! set (no OSC sequence at all).

#![cfg(unix)]
// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;

use rexpect::session::{PtyReplSession, spawn_command};
use rustix::process::{Pid, Signal, kill_process};

const PROMPT: &str = "[composure-test]$ ";
const ENTER_ALTERNATE: &str = "\u{1b}[?1049h";
const LEAVE_ALTERNATE: &str = "\u{1b}[?1049l";
/// Every operating-system command (a window title among them) starts so.
const OSC: &str = "\u{1b}]";
/// On the home screen, whatever the size.
const HOME: &str = "choose a client";

/// An interactive bash without readline in a fresh pseudo-terminal of 100×30, echo on.
fn shell() -> PtyReplSession {
    let mut bash = Command::new("bash");
    bash.args(["--norc", "--noprofile", "--noediting", "-i"])
        .env("PS1", PROMPT)
        .env("TERM", "xterm-256color")
        .env_remove("PROMPT_COMMAND")
        .env_remove("NO_COLOR");
    let session = spawn_command(bash, Some(20_000)).unwrap();
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

/// Starts the trainer in the foreground and waits for its first screen; returns its pid
/// (the shell's `sh -c` prints its own and then becomes the trainer with `exec`).
fn start(sh: &mut PtyReplSession, env: &str) -> i32 {
    let binary = env!("CARGO_BIN_EXE_composure");
    sh.send_line(&format!("{env} sh -c 'echo pid=$$; exec \"$0\"' {binary}"))
        .unwrap();
    let (_, found) = sh.exp_regex(r"pid=\d+").unwrap();
    let pid = found.trim_start_matches("pid=").parse().unwrap();
    let before = sh.exp_string(ENTER_ALTERNATE).unwrap();
    assert!(!before.contains(OSC), "{before:?}");
    let screen = sh.exp_string(HOME).unwrap();
    assert!(!screen.contains(OSC), "an OSC sequence: {screen:?}");
    pid
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
