//! The commands around stored results: `history` (a screen), `report` (printed, in a format
//! a person, a spreadsheet, a script or a learning record store reads), and saving practice
//! runs of `play --trainee`.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};
use clap::{Args, ValueEnum};

use crate::engine::{Millis, Report};
use crate::i18n::Lang;
use crate::report::{Csv, Export, Json, Table, TeamReport, Xapi, dates};
use crate::rules::Rulebook;
use crate::store::{Filter, SessionRecord, Store};

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Only results of this drill (its id; `mistakes` for mistakes drills).
    #[arg(long, value_name = "ID")]
    pub drill: Option<String>,
    /// Only this trainee's results.
    #[arg(long, value_name = "NAME")]
    pub trainee: Option<String>,
    /// Only results from this day on (UTC), as YYYY-MM-DD.
    #[arg(long, value_name = "DATE", value_parser = dates::parse_date)]
    pub since: Option<Millis>,
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,
}

/// The formats of `composure report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Aligned columns for a terminal.
    Table,
    /// One table with a header row for a spreadsheet.
    Csv,
    /// The whole report as one JSON object.
    Json,
    /// One xAPI statement per played scenario, for a learning record store.
    Xapi,
}

pub fn report(data_dir: &Path, args: &ReportArgs, now: Millis) -> Result<ExitCode> {
    let rules = Rulebook::embedded()?;
    let store = open_existing(data_dir)?;
    let filter = Filter {
        trainee: args.trainee.clone(),
        drill: args.drill.clone(),
        since: args.since,
    };
    let with_sessions = args.format == ReportFormat::Xapi;
    let report = TeamReport::build(&store, &filter, &rules, now, with_sessions)?;
    let export: &dyn Export = match args.format {
        ReportFormat::Table => &Table,
        ReportFormat::Csv => &Csv,
        ReportFormat::Json => &Json,
        ReportFormat::Xapi => &Xapi,
    };
    let mut out = Vec::new();
    export.write(&report, &mut out)?;
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(&out).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other.context("cannot write to standard output")?,
    }
    Ok(ExitCode::SUCCESS)
}

pub fn history(data_dir: &Path, trainee: &str, rules: Rulebook, lang: Lang) -> Result<ExitCode> {
    let trainee = super::trainee_name(trainee)?;
    super::commands::needs_terminal(
        "`composure report --trainee NAME` prints a trainee's results instead",
    )?;
    let store = open_existing(data_dir)?;
    crate::tui::run_history(crate::tui::HistoryOptions {
        store,
        trainee,
        rules,
        lang,
    })
}

/// Saves a scripted practice run; returns the session id once committed.
pub fn save_practice(data_dir: &Path, trainee: &str, report: &Report, now: Millis) -> Result<i64> {
    let trainee = super::trainee_name(trainee)?;
    let mut store = Store::open_in(data_dir)?;
    let ended_at = report
        .steps
        .iter()
        .map(|s| s.elapsed_ms)
        .fold(report.started_at_ms, u64::saturating_add)
        .max(now);
    Ok(store.save(&SessionRecord {
        trainee,
        drill: None,
        report: report.clone(),
        ended_at,
        version: env!("CARGO_PKG_VERSION").to_owned(),
    })?)
}

/// What the play screen needs to save each finished conversation under a trainee's name.
pub fn recorder(data_dir: &Path, trainee: &str) -> Result<crate::tui::Recorder> {
    Ok(crate::tui::Recorder {
        store: Store::open_in(data_dir)?,
        trainee: super::trainee_name(trainee)?,
        drill: None,
    })
}

/// Opens the results database for reading only, saying plainly when nothing was saved yet.
fn open_existing(data_dir: &Path) -> Result<Store> {
    let path = data_dir.join(crate::store::DB_FILE);
    if !path.exists() {
        bail!(
            "no results yet in {}: play with --trainee NAME or run a drill first",
            data_dir.display()
        );
    }
    Ok(Store::open_read_only(&path)?)
}
