//! A closed terminal is an exit. The real binary runs in a pseudo-terminal of its own; the
//! test presses a key on a screen, then closes the terminal (the window, the tmux pane, the
//! SSH connection going away) and checks that the process is gone soon after, and that every
//! conversation finished before the close is saved.
//!
//! The trainer here is not in the terminal's session, so no SIGHUP comes with the close:
//! only the terminal itself says it is gone (a hang-up on poll, a read of 0 bytes or EIO),
//! which is the case that once left it spinning for ever.

#![cfg(unix)]
// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs::OpenOptions;
use std::os::fd::OwnedFd;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use composure::store::{Filter, Store};
use rustix::event::{PollFd, PollFlags, Timespec, poll};
use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
use rustix::termios::{Winsize, tcsetwinsize};

/// How long any one screen may take to come.
const PATIENCE: Duration = Duration::from_secs(60);
/// How long the trainer may take to end once its terminal is closed. It is promised within
/// a second; the margin is for a loaded machine.
const GONE_WITHIN: Duration = Duration::from_secs(5);

enum ToTerminal {
    Keys(Vec<u8>),
    Close,
}

/// The trainer on a pseudo-terminal whose other side (the "window") this test holds.
struct Running {
    child: Child,
    to_terminal: Sender<ToTerminal>,
    output: Arc<Mutex<Vec<u8>>>,
    /// How much of `output` the test has already waited through.
    seen: usize,
}

impl Running {
    fn start(args: &[&str], data: &Path) -> Running {
        let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY).unwrap();
        // The trainer must not hold the window's side open too, or closing it here would
        // close nothing.
        rustix::io::fcntl_setfd(&master, rustix::io::FdFlags::CLOEXEC).unwrap();
        grantpt(&master).unwrap();
        unlockpt(&master).unwrap();
        let name = ptsname(&master, Vec::new()).unwrap();
        let slave = OpenOptions::new()
            .read(true)
            .write(true)
            .open(name.to_str().unwrap())
            .unwrap();
        let size = Winsize {
            ws_row: 24,
            ws_col: 80,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        tcsetwinsize(&slave, size).unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_composure"))
            .args(["--lang", "en", "--seed", "7", "--scenarios"])
            .arg(fixture("tests/fixtures/tui"))
            .arg("--data-dir")
            .arg(data)
            .args(args)
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("NO_COLOR")
            .env_remove("COMPOSURE_DATA_DIR")
            .env("TERM", "xterm-256color")
            .stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave))
            .spawn()
            .unwrap();
        let output = Arc::new(Mutex::new(Vec::new()));
        let (to_terminal, commands) = channel();
        let written = Arc::clone(&output);
        // The window's side: reads whatever the trainer draws, types what the test sends, and
        // closes when told. It alone holds the master, so closing it closes the terminal.
        std::thread::spawn(move || {
            let master: OwnedFd = master;
            let mut buf = [0u8; 65536];
            let mut open = true;
            loop {
                match commands.try_recv() {
                    Ok(ToTerminal::Keys(keys)) => {
                        rustix::io::write(&master, &keys).unwrap();
                    }
                    Ok(ToTerminal::Close) | Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                        return;
                    }
                    Err(std::sync::mpsc::TryRecvError::Empty) => {}
                }
                let mut fds = [PollFd::new(&master, PollFlags::IN)];
                let wait = Timespec {
                    tv_sec: 0,
                    tv_nsec: 20_000_000,
                };
                let ready = poll(&mut fds, Some(&wait)).unwrap_or(0);
                if ready == 0 || !open {
                    if !open {
                        std::thread::sleep(Duration::from_millis(20));
                    }
                    continue;
                }
                match rustix::io::read(&master, &mut buf) {
                    Ok(n) if n > 0 => written.lock().unwrap().extend_from_slice(&buf[..n]),
                    // The trainer's side is closed: it has ended.
                    _ => open = false,
                }
            }
        });
        Running {
            child,
            to_terminal,
            output,
            seen: 0,
        }
    }

    /// Waits until `text` has been drawn (after whatever was waited for before).
    fn wait_for(&mut self, text: &str) {
        let started = Instant::now();
        loop {
            {
                let output = self.output.lock().unwrap();
                let rest = &output[self.seen..];
                if let Some(at) = find(rest, text.as_bytes()) {
                    self.seen += at + text.len();
                    return;
                }
                if started.elapsed() > PATIENCE {
                    let screen = String::from_utf8_lossy(rest).into_owned();
                    drop(output);
                    let _ = self.child.kill();
                    panic!("no {text:?} within {PATIENCE:?}; drawn so far: {screen:?}");
                }
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                let output = self.output.lock().unwrap();
                let screen = String::from_utf8_lossy(&output[self.seen..]).into_owned();
                panic!("ended ({status}) before {text:?}; drawn: {screen:?}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn press(&mut self, keys: &str) {
        self.to_terminal
            .send(ToTerminal::Keys(keys.as_bytes().to_vec()))
            .unwrap();
    }

    /// Closes the terminal and waits for the trainer to end; fails (after killing it) if it
    /// is still running [`GONE_WITHIN`] later.
    fn close_and_expect_gone(mut self, screen: &str) {
        // Let the key just pressed be read first, as a trainee's would be.
        std::thread::sleep(Duration::from_millis(300));
        self.to_terminal.send(ToTerminal::Close).unwrap();
        let closed = Instant::now();
        loop {
            if self.child.try_wait().unwrap().is_some() {
                return;
            }
            if closed.elapsed() > GONE_WITHIN {
                let _ = self.child.kill();
                let _ = self.child.wait();
                panic!("{screen}: still running {GONE_WITHIN:?} after its terminal closed");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        // A failed test leaves no trainer behind.
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Ann's saved sessions.
fn saved(data: &Path) -> usize {
    Store::open_in(data)
        .and_then(|store| store.sessions(&Filter::trainee("Ann"), None))
        .map_or(0, |sessions| sessions.len())
}

/// `play late-order --trainee Ann`: it opens on the briefing.
const PLAY: &[&str] = &["play", "late-order", "--trainee", "Ann"];

fn drill_args() -> Vec<String> {
    vec![
        "drill".to_owned(),
        fixture("tests/fixtures/drills/valid/late-twice.ron")
            .to_string_lossy()
            .into_owned(),
        "--trainee".to_owned(),
        "Ann".to_owned(),
    ]
}

#[test]
fn closing_the_terminal_on_the_home_screen_ends_the_trainer() {
    let data = tempfile::tempdir().unwrap();
    let mut trainer = Running::start(&[], data.path());
    trainer.wait_for("choose a client");
    // Down: a key read, then the close.
    trainer.press("j");
    trainer.close_and_expect_gone("home");
}

#[test]
fn closing_the_terminal_on_the_briefing_ends_the_trainer() {
    let data = tempfile::tempdir().unwrap();
    let mut trainer = Running::start(PLAY, data.path());
    trainer.wait_for("Briefing");
    trainer.press("j");
    trainer.close_and_expect_gone("briefing");
    assert_eq!(saved(data.path()), 0);
}

#[test]
fn closing_the_terminal_mid_conversation_ends_the_trainer() {
    let data = tempfile::tempdir().unwrap();
    let mut trainer = Running::start(PLAY, data.path());
    trainer.wait_for("Briefing");
    trainer.press("\r");
    trainer.wait_for("Your answer");
    trainer.press("j");
    trainer.close_and_expect_gone("conversation");
    // Unfinished: nothing to save.
    assert_eq!(saved(data.path()), 0);
}

#[test]
fn closing_the_terminal_on_the_end_keeps_the_finished_conversation() {
    let data = tempfile::tempdir().unwrap();
    let mut trainer = Running::start(PLAY, data.path());
    trainer.wait_for("Briefing");
    // Begin, answer, continue, answer, continue: the client's last words.
    trainer.press("\r");
    trainer.wait_for("Your answer");
    trainer.press("1\r1\r");
    trainer.wait_for("The end");
    trainer.press("j");
    trainer.close_and_expect_gone("the end");
    assert_eq!(saved(data.path()), 1);
}

#[test]
fn closing_the_terminal_right_after_the_last_answer_keeps_it() {
    let data = tempfile::tempdir().unwrap();
    let mut trainer = Running::start(PLAY, data.path());
    trainer.wait_for("Briefing");
    trainer.press("\r");
    trainer.wait_for("Your answer");
    // The last answer given, its consequence on screen: the result exists already.
    trainer.press("1\r1");
    trainer.wait_for("Enter to continue");
    trainer.close_and_expect_gone("the last answer");
    assert_eq!(saved(data.path()), 1);
}

#[test]
fn closing_the_terminal_on_the_debrief_ends_the_trainer_with_the_result_saved() {
    let data = tempfile::tempdir().unwrap();
    let mut trainer = Running::start(PLAY, data.path());
    trainer.wait_for("Briefing");
    trainer.press("\r");
    trainer.wait_for("Your answer");
    trainer.press("1\r1\r\r");
    trainer.wait_for("Debrief");
    trainer.press("j");
    trainer.close_and_expect_gone("debrief");
    assert_eq!(saved(data.path()), 1);
}

#[test]
fn closing_the_terminal_mid_countdown_ends_the_drill() {
    let data = tempfile::tempdir().unwrap();
    let args = drill_args();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut drill = Running::start(&args, data.path());
    drill.wait_for("Trainee:");
    drill.press("\r\r");
    drill.wait_for("⏱");
    drill.press("j");
    drill.close_and_expect_gone("drill countdown");
    assert_eq!(saved(data.path()), 0);
}

#[test]
fn closing_the_terminal_on_the_drill_summary_keeps_every_result() {
    let data = tempfile::tempdir().unwrap();
    let args = drill_args();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut drill = Running::start(&args, data.path());
    drill.wait_for("Trainee:");
    // The first scenario to its end, then leave the second at its briefing: the summary.
    drill.press("\r\r");
    drill.wait_for("⏱");
    drill.press("\r\r\r\r\r");
    drill.wait_for("Briefing");
    drill.press("\u{1b}");
    drill.wait_for("Drill complete");
    drill.press("j");
    drill.close_and_expect_gone("drill summary");
    assert_eq!(saved(data.path()), 1);
}

#[test]
fn closing_the_terminal_on_the_history_ends_it() {
    let data = tempfile::tempdir().unwrap();
    // One finished drill of Ann's to show.
    let out = Command::new(env!("CARGO_BIN_EXE_composure"))
        .arg("--scenarios")
        .arg(fixture("tests/fixtures/tui"))
        .arg("--data-dir")
        .arg(data.path())
        .args(drill_args())
        .arg("--answers=acknowledge,express,open-new-range,over-more")
        .env_remove("COMPOSURE_DATA_DIR")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let mut history = Running::start(&["history", "--trainee", "Ann"], data.path());
    history.wait_for("Recent");
    history.press("j");
    history.close_and_expect_gone("history");
    assert_eq!(saved(data.path()), 2);
}
