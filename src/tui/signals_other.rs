//! Where there are no Unix signals: the same interface as `signals.rs`, waiting on terminal
//! events alone.

use std::io;
use std::time::Duration;

use ratatui::crossterm::event;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caught {
    End(i32),
    Suspend,
    Resume,
    Resize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wake {
    Input,
    #[allow(dead_code)] // only Unix tells a closed terminal apart
    Closed,
    Other,
}

pub const HANG_UP: i32 = 1;

pub struct Signals;

impl Signals {
    pub fn register() -> io::Result<Signals> {
        Ok(Signals)
    }

    pub fn wait(&self, timeout: Option<Duration>) -> io::Result<Wake> {
        let ready = event::poll(timeout.unwrap_or(Duration::MAX))?;
        Ok(if ready { Wake::Input } else { Wake::Other })
    }

    pub fn input_closed(&self) -> bool {
        false
    }

    pub fn take(&self) -> Vec<Caught> {
        Vec::new()
    }
}

pub fn stop() -> io::Result<()> {
    Ok(())
}

pub fn end_by(_signal: i32) -> io::Result<()> {
    Ok(())
}

pub fn can_suspend() -> bool {
    false
}
