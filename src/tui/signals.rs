//! Signals while the trainer holds the terminal, and waiting for input without polling.
//!
//! In raw mode the keyboard sends no signals (Ctrl-C and Ctrl-Z arrive as keys), but others
//! still come: SIGTERM from a shutdown, SIGHUP when the window closes, SIGTSTP and SIGCONT
//! from job control, SIGWINCH on a resize. Their handlers only set a flag and write a byte to
//! a socket (signal-hook's self-pipe), and the event loop waits in one `poll` on both the
//! terminal and that socket: it wakes for a key or a signal, and an idle trainer uses no CPU.
//! The loop then acts outside the handler, where it may restore the terminal.

use std::io::{self, IsTerminal, Read};
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use rustix::event::{PollFd, PollFlags, Timespec, poll};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGWINCH};
use signal_hook::{SigId, flag, low_level};

/// What a signal asks of the trainer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caught {
    /// Restore the terminal and end, by this signal.
    End(i32),
    /// Restore the terminal and stop until `fg` (SIGTSTP from outside).
    Suspend,
    /// Continued after a stop nobody prepared the terminal for: take it back and repaint.
    Resume,
    /// The window changed size: repaint.
    Resize,
}

/// The signal a closed terminal ends the trainer by, as the kernel's hang-up would.
pub const HANG_UP: i32 = SIGHUP;

/// Signals that end the trainer. SIGINT and SIGQUIT come only from outside (`kill`), since
/// the keys that send them are plain keys in raw mode.
const ENDING: [i32; 4] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT];

/// Why the loop woke up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wake {
    /// The terminal has input.
    Input,
    /// The terminal is gone: hung up (its window closed, its SSH connection dropped), in
    /// error, or at the end of its input. Nothing will ever come from it again.
    Closed,
    /// A signal came, or the wait timed out.
    Other,
}

/// The signals the trainer handles, registered for as long as this lives, and the terminal
/// input it waits on.
pub struct Signals {
    flags: Vec<(i32, Arc<AtomicBool>)>,
    wake: UnixStream,
    ids: Vec<SigId>,
    /// Where keys come from: standard input, or the controlling terminal when standard input
    /// is not one (the same choice crossterm makes).
    input: OwnedFd,
}

impl Signals {
    pub fn register() -> io::Result<Signals> {
        let stdin = io::stdin();
        let input = if stdin.is_terminal() {
            stdin.as_fd().try_clone_to_owned()?
        } else {
            std::fs::File::open("/dev/tty")?.into()
        };
        let (wake, write) = UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        write.set_nonblocking(true)?;
        let mut signals = Signals {
            flags: Vec::new(),
            wake,
            ids: Vec::new(),
            input,
        };
        for signal in ENDING.into_iter().chain([SIGTSTP, SIGCONT, SIGWINCH]) {
            let raised = Arc::new(AtomicBool::new(false));
            // The flag first, then the byte: the loop drains the socket, then reads flags.
            signals
                .ids
                .push(flag::register(signal, Arc::clone(&raised))?);
            signals
                .ids
                .push(low_level::pipe::register(signal, write.try_clone()?)?);
            signals.flags.push((signal, raised));
        }
        Ok(signals)
    }

    /// Blocks until the terminal has input or a signal comes, or `timeout` passes.
    pub fn wait(&self, timeout: Option<Duration>) -> io::Result<Wake> {
        let timeout = timeout.and_then(|t| Timespec::try_from(t).ok());
        let mut fds = [
            PollFd::new(&self.input, PollFlags::IN),
            PollFd::new(&self.wake, PollFlags::IN),
        ];
        match poll(&mut fds, timeout.as_ref()) {
            Ok(_) | Err(rustix::io::Errno::INTR) => {}
            Err(e) => return Err(e.into()),
        }
        let [input, _] = &fds;
        Ok(self.classify(input.revents()))
    }

    /// Whether the terminal is gone, asked without waiting. The event loop asks before every
    /// read it leaves to crossterm: crossterm's reader loops for ever on a terminal that reads
    /// nothing (end of input) or fails (EIO), so it must never be asked to read one.
    pub fn input_closed(&self) -> bool {
        let mut fds = [PollFd::new(&self.input, PollFlags::IN)];
        match poll(&mut fds, Some(&Timespec::default())) {
            Ok(_) => self.classify(fds[0].revents()) == Wake::Closed,
            Err(rustix::io::Errno::INTR) => false,
            Err(_) => true,
        }
    }

    /// What `revents` from a poll of the terminal say: input, nothing, or a terminal gone.
    /// Readable with nothing to read is the end of input, as a read returning 0 bytes is; a
    /// hung-up terminal fails the question with EIO.
    fn classify(&self, revents: PollFlags) -> Wake {
        if revents.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
            return Wake::Closed;
        }
        if !revents.intersects(PollFlags::IN) {
            return Wake::Other;
        }
        match rustix::io::ioctl_fionread(&self.input) {
            Ok(0) | Err(rustix::io::Errno::IO) => Wake::Closed,
            _ => Wake::Input,
        }
    }

    /// The signals that came since the last call, the most pressing first.
    pub fn take(&self) -> Vec<Caught> {
        let mut sink = [0u8; 64];
        while matches!((&self.wake).read(&mut sink), Ok(n) if n > 0) {}
        let mut caught: Vec<Caught> = self
            .flags
            .iter()
            .filter(|(_, raised)| raised.swap(false, Ordering::SeqCst))
            .map(|&(signal, _)| match signal {
                SIGTSTP => Caught::Suspend,
                SIGCONT => Caught::Resume,
                SIGWINCH => Caught::Resize,
                other => Caught::End(other),
            })
            .collect();
        caught.sort_by_key(|c| match c {
            Caught::End(_) => 0,
            Caught::Suspend => 1,
            Caught::Resume => 2,
            Caught::Resize => 3,
        });
        caught
    }
}

impl Drop for Signals {
    fn drop(&mut self) {
        for id in self.ids.drain(..) {
            low_level::unregister(id);
        }
    }
}

/// Stops the process as SIGTSTP would have without a handler, returning once it is
/// continued (`fg`). The caller restores the terminal first and takes it back after.
pub fn stop() -> io::Result<()> {
    low_level::emulate_default_handler(SIGTSTP)
}

/// Ends the process by `signal`, as it would have ended without a handler, so that the
/// shell (and a script's `$?`) sees what happened. The caller restores the terminal first.
pub fn end_by(signal: i32) -> io::Result<()> {
    low_level::emulate_default_handler(signal)
}

/// Whether a shell with job control can bring a stopped trainer back: its parent is in the
/// same session but another process group, so the trainer's group is not orphaned. Started
/// any other way (as a window's or pane's own command, from a script), a stopped trainer
/// could never be continued, so it does not stop.
pub fn can_suspend() -> bool {
    use rustix::process::{getpgid, getpgrp, getppid, getsid};
    let Some(parent) = getppid() else {
        return false;
    };
    match (getpgid(Some(parent)), getsid(Some(parent)), getsid(None)) {
        (Ok(parent_group), Ok(parent_session), Ok(session)) => {
            parent_session == session && parent_group != getpgrp()
        }
        _ => false,
    }
}
