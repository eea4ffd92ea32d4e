//! The trainer as a trainee meets it: the real binary in a real pseudo-terminal.
//!
//! - `startup`: from starting the process to its first frame being complete on the terminal
//!   (the key legend on the bottom row has arrived), with the shipped library, at 80×24 and
//!   200×60, and with a trainer's folder of 300 more scenarios (`--scenarios`).
//! - Idle cost, printed after criterion's figures: how much CPU time the process takes, how
//!   often it is woken, and how many bytes it sends while a trainee reads without pressing
//!   a key: on the home screen, in a conversation, and during a drill's countdown. The first
//!   two should be zero; the countdown should wake about as often as its gauge or seconds
//!   figure changes (see `next_change` in `src/tui/drill.rs`), and no more.
//!
//! Linux only (it reads `/proc`). Run with `cargo bench --bench startup`; CI only builds it.

// A benchmark that cannot set up has nothing to measure; stopping loudly is right.
#![allow(clippy::expect_used, clippy::panic)]

mod support;

#[cfg(target_os = "linux")]
fn main() {
    linux::main();
}

#[cfg(not(target_os = "linux"))]
fn main() {
    eprintln!("the start-up and idle benchmarks read /proc and run on Linux only");
}

#[cfg(target_os = "linux")]
mod linux {
    use std::fs::{File, OpenOptions};
    use std::io::{Read, Write};
    use std::path::{Path, PathBuf};
    use std::process::{Child, Command, Stdio};
    use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
    use std::time::{Duration, Instant, SystemTime};

    use criterion::{BenchmarkId, Criterion};
    use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
    use rustix::termios::{Winsize, tcsetwinsize};

    const BINARY: &str = env!("CARGO_BIN_EXE_composure");
    /// The last word of the home screen's legend, on its bottom row: once it has arrived, the
    /// first frame is whole.
    const LAST_OF_HOME: &[u8] = b"quit";
    /// How long to wait for a screen before deciding the trainer is broken.
    const PATIENCE: Duration = Duration::from_secs(20);
    /// How long each idle measurement watches.
    const IDLE: Duration = Duration::from_secs(5);

    /// The trainer running in a pseudo-terminal, with what it writes arriving on a channel.
    struct Running {
        child: Child,
        master: File,
        output: Receiver<Vec<u8>>,
        seen: Vec<u8>,
    }

    impl Running {
        /// Starts `composure ARGS` on a new terminal of `size`, in English, in colour, with
        /// results kept under `data`.
        fn start(args: &[&str], (cols, rows): (u16, u16), data: &Path) -> Running {
            let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY).expect("a pty");
            grantpt(&master).expect("grantpt");
            unlockpt(&master).expect("unlockpt");
            let name = ptsname(&master, Vec::new()).expect("the pty's name");
            let slave = OpenOptions::new()
                .read(true)
                .write(true)
                .open(name.to_str().expect("a pty name is ASCII"))
                .expect("the pty's terminal side");
            tcsetwinsize(
                &slave,
                Winsize {
                    ws_row: rows,
                    ws_col: cols,
                    ws_xpixel: 0,
                    ws_ypixel: 0,
                },
            )
            .expect("the terminal's size");
            let child = Command::new(BINARY)
                .args(args)
                .env("LANG", "C.UTF-8")
                .env_remove("LC_ALL")
                .env_remove("LC_MESSAGES")
                .env_remove("NO_COLOR")
                .env("TERM", "xterm-256color")
                .env("COMPOSURE_DATA_DIR", data)
                .stdin(Stdio::from(
                    slave.try_clone().expect("the terminal side again"),
                ))
                .stdout(Stdio::from(
                    slave.try_clone().expect("the terminal side again"),
                ))
                .stderr(Stdio::from(slave))
                .spawn()
                .expect("the trainer starts");
            let master = File::from(master);
            let mut reader = master.try_clone().expect("the pty again");
            let (send, output) = channel();
            std::thread::spawn(move || {
                let mut buf = [0u8; 65536];
                while let Ok(n) = reader.read(&mut buf) {
                    if n == 0 || send.send(buf[..n].to_vec()).is_err() {
                        break;
                    }
                }
            });
            Running {
                child,
                master,
                output,
                seen: Vec::new(),
            }
        }

        /// Reads until `needle` has arrived (after anything already waited for).
        fn wait_for(&mut self, needle: &[u8]) {
            let deadline = Instant::now() + PATIENCE;
            loop {
                if let Some(at) = find(&self.seen, needle) {
                    self.seen.drain(..at + needle.len());
                    return;
                }
                let left = deadline.saturating_duration_since(Instant::now());
                match self.output.recv_timeout(left) {
                    Ok(bytes) => self.seen.extend(bytes),
                    Err(RecvTimeoutError::Timeout) => panic!(
                        "no {:?} within {PATIENCE:?}; the screen so far: {:?}",
                        String::from_utf8_lossy(needle),
                        String::from_utf8_lossy(&self.seen)
                    ),
                    Err(RecvTimeoutError::Disconnected) => panic!(
                        "the trainer ended before {:?}: {:?}",
                        String::from_utf8_lossy(needle),
                        String::from_utf8_lossy(&self.seen)
                    ),
                }
            }
        }

        fn press(&mut self, keys: &[u8]) {
            self.master
                .write_all(keys)
                .expect("keys reach the terminal");
        }

        /// Lets the output settle (nothing new for a while), dropping what came.
        fn settle(&mut self) {
            while self.output.recv_timeout(Duration::from_millis(300)).is_ok() {}
            self.seen.clear();
        }

        /// CPU time, wake-ups and bytes sent over `IDLE` without a key pressed.
        fn idle(&mut self) -> Idle {
            self.settle();
            let before = Usage::of(self.child.id());
            let started = Instant::now();
            let mut bytes = 0;
            while let Some(left) = IDLE.checked_sub(started.elapsed()) {
                match self.output.recv_timeout(left) {
                    Ok(chunk) => bytes += chunk.len(),
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => panic!("the trainer ended while idle"),
                }
            }
            let after = Usage::of(self.child.id());
            Idle {
                cpu: Duration::from_nanos(after.cpu_ns.saturating_sub(before.cpu_ns)),
                wakes: after.switches.saturating_sub(before.switches),
                bytes,
            }
        }
    }

    impl Drop for Running {
        fn drop(&mut self) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }

    fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
        haystack.windows(needle.len()).position(|w| w == needle)
    }

    /// What the kernel has counted for a process, over all its threads.
    struct Usage {
        /// Time on a CPU, from `schedstat`.
        cpu_ns: u64,
        /// Context switches, voluntary and not: each is a wake-up after a wait.
        switches: u64,
    }

    impl Usage {
        fn of(pid: u32) -> Usage {
            let mut usage = Usage {
                cpu_ns: 0,
                switches: 0,
            };
            let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).expect("/proc is there");
            for task in tasks.flatten() {
                let dir = task.path();
                if let Ok(schedstat) = std::fs::read_to_string(dir.join("schedstat")) {
                    usage.cpu_ns += schedstat
                        .split_whitespace()
                        .next()
                        .and_then(|n| n.parse::<u64>().ok())
                        .unwrap_or(0);
                }
                if let Ok(status) = std::fs::read_to_string(dir.join("status")) {
                    for line in status.lines() {
                        if line.starts_with("voluntary_ctxt_switches:")
                            || line.starts_with("nonvoluntary_ctxt_switches:")
                        {
                            usage.switches += line
                                .split_whitespace()
                                .nth(1)
                                .and_then(|n| n.parse::<u64>().ok())
                                .unwrap_or(0);
                        }
                    }
                }
            }
            usage
        }
    }

    struct Idle {
        cpu: Duration,
        wakes: u64,
        bytes: usize,
    }

    /// A trainer's folder of `count` scenarios: the shipped English ones copied under new
    /// ids, so each is loaded and validated like a file of the trainer's own.
    fn trainer_folder(count: usize) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let shipped: Vec<PathBuf> = std::fs::read_dir("scenarios")
            .expect("the shipped scenarios, from the package root")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .collect();
        assert!(!shipped.is_empty(), "no shipped scenarios in scenarios/");
        for i in 0..count {
            let source = &shipped[i % shipped.len()];
            let text = std::fs::read_to_string(source).expect("a shipped scenario");
            let id = source
                .file_stem()
                .and_then(|s| s.to_str())
                .expect("a file name");
            let renamed = text.replacen(
                &format!("id: \"{id}\""),
                &format!("id: \"{id}-copy-{i}\""),
                1,
            );
            assert_ne!(renamed, text, "{id}: its file name is its id");
            std::fs::write(dir.path().join(format!("{id}-copy-{i}.ron")), renamed)
                .expect("a scenario written");
        }
        dir
    }

    fn startup(c: &mut Criterion, data: &Path) {
        let folder = trainer_folder(300);
        let folder_arg = folder.path().to_str().expect("a temporary path is UTF-8");
        let cases: [(&str, Vec<&str>, (u16, u16)); 3] = [
            ("shipped-80x24", vec![], (80, 24)),
            ("shipped-200x60", vec![], (200, 60)),
            ("300-more-80x24", vec!["--scenarios", folder_arg], (80, 24)),
        ];
        let mut group = c.benchmark_group("startup");
        group.sample_size(20);
        for (id, args, size) in &cases {
            group.bench_function(BenchmarkId::from_parameter(id), |b| {
                b.iter_custom(|iterations| {
                    let mut total = Duration::ZERO;
                    for _ in 0..iterations {
                        let started = Instant::now();
                        let mut running = Running::start(args, *size, data);
                        running.wait_for(LAST_OF_HOME);
                        total += started.elapsed();
                    }
                    total
                });
            });
        }
        group.finish();
    }

    fn idle_costs(data: &Path) {
        println!("\nWhile nobody presses a key, over {IDLE:?} (100×30 terminal):");
        println!(
            "  {:<34}{:>12}{:>10}{:>10}",
            "", "CPU time", "wake-ups", "bytes"
        );
        let report = |what: &str, idle: Idle| {
            println!(
                "  {what:<34}{:>12}{:>10}{:>10}",
                super::support::human(idle.cpu.as_nanos() as f64),
                idle.wakes,
                idle.bytes
            );
        };

        let mut home = Running::start(&[], (100, 30), data);
        home.wait_for(LAST_OF_HOME);
        report("home screen", home.idle());
        drop(home);

        let mut talking = Running::start(&[], (100, 30), data);
        talking.wait_for(LAST_OF_HOME);
        // Open the first scenario's briefing, then start the conversation.
        talking.press(b"\r");
        talking.settle();
        talking.press(b"\r");
        report("conversation, options shown", talking.idle());
        drop(talking);

        // The first-week drill gives 30 s per answer: the countdown runs throughout.
        let mut drill = Running::start(
            &["drill", "first-week", "--trainee", "bench"],
            (100, 30),
            data,
        );
        drill.settle();
        // Past the drill's opening card and the first briefing.
        drill.press(b"\r");
        drill.settle();
        drill.press(b"\r");
        drill.settle();
        report("drill, 30 s countdown running", drill.idle());
    }

    pub fn main() {
        let since = SystemTime::now();
        let data = tempfile::tempdir().expect("a temporary folder");
        let mut criterion = Criterion::default().configure_from_args();
        startup(&mut criterion, data.path());
        criterion.final_summary();
        super::support::print_grid(
            "Start-up to the first whole frame (criterion's estimate):",
            &[("startup", "startup")],
            &["shipped-80x24", "shipped-200x60", "300-more-80x24"],
            since,
        );
        // Criterion's `--test` (as `cargo test --benches` passes) only checks each bench runs.
        if !std::env::args().any(|a| a == "--test" || a == "--list") {
            idle_costs(data.path());
        }
    }
}
