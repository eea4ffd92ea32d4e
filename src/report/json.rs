//! `--format json`: the whole report for scripts, as one JSON object.

use std::io::{self, Write};

use super::{Export, TeamReport};

pub struct Json;

impl Export for Json {
    fn write(&self, report: &TeamReport, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, report)?;
        writeln!(out)
    }
}
