//! The `composure` binary: parse the command line, run it, report errors readably.

use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use clap::Parser;
use composure::cli::{Cli, errors, exit, run};

fn main() -> ExitCode {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX));
    let cli = Cli::parse();
    let lang = cli.resolved_lang();
    match run(cli, now) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("{}", errors::error_line(&error, lang));
            exit::for_error(&error)
        }
    }
}
