//! The commands around stored results: `history` (a screen), `report` (printed, in a format
//! a person, a spreadsheet, a script or a learning record store reads), and saving practice
//! runs of `play --trainee`.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use clap::{Args, ValueEnum};

use super::errors::UserError;
use crate::engine::{Millis, Report};
use crate::i18n::{self, Lang, Messages};
use crate::report::dates::{self, Since, Zone};
use crate::report::xapi::IRI_BASE_ENV;
use crate::report::{
    Csv, Export, IriBase, Json, Sessions, SessionsCsv, SessionsJson, SessionsTable, Table,
    TeamReport, Xapi,
};
use crate::rules::Rulebook;
use crate::scenario::Library;
use crate::store::{Filter, SessionRecord, Store, StoreError};

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Only results of this drill (its id; `mistakes` for mistakes drills).
    #[arg(long, value_name = "ID")]
    pub drill: Option<String>,
    /// Only this trainee's results.
    #[arg(long, value_name = "NAME")]
    pub trainee: Option<String>,
    /// Only results from this time on: a day in your time zone (YYYY-MM-DD), or an exact
    /// instant in RFC 3339 (2026-01-31T09:00:00+01:00).
    // Read as text and parsed by `report`, so that a bad value is told in the user's language.
    #[arg(long, value_name = "DATE|INSTANT")]
    pub since: Option<String>,
    /// How to print the report. The table is in your language (--lang); CSV, JSON and xAPI
    /// keep English column names, keys and rule names whatever the language, so scripts and
    /// spreadsheets read them the same everywhere.
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,
    /// List every matching session instead, one row each: trainee, drill, scenario,
    /// language, start time, headline score, ending and silences (table, CSV or JSON).
    #[arg(long)]
    pub sessions: bool,
    /// With --format csv: start with a UTF-8 byte-order mark, which some spreadsheet
    /// programs need to read names in any language rightly.
    #[arg(long)]
    pub bom: bool,
    /// With --format xapi: the start of every IRI in the statements, an address your
    /// organisation controls (default: $COMPOSURE_IRI_BASE, else the placeholder
    /// https://composure.invalid/xapi).
    #[arg(long, value_name = "IRI", value_parser = IriBase::parse)]
    pub iri_base: Option<IriBase>,
    #[command(flatten)]
    pub lrs: super::lrs::LrsArgs,
}

/// The formats of `composure report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Aligned columns for a terminal, in your language.
    Table,
    /// One table with a header row for a spreadsheet; the column names are English.
    Csv,
    /// The whole report as one JSON object; the keys are English.
    Json,
    /// xAPI statements for a learning record store: one per decision and one per played
    /// scenario.
    Xapi,
}

/// How many of the latest sessions the table lists; the other formats list them all.
const TABLE_SESSIONS: usize = 20;

pub fn report(
    data_dir: &Path,
    folders: &[PathBuf],
    args: &ReportArgs,
    now: Millis,
    lang: Lang,
) -> Result<ExitCode> {
    let since: Option<Since> = match &args.since {
        Some(text) => Some(dates::parse_since(text).map_err(|_| UserError::BadSince {
            text: text.trim().to_owned(),
        })?),
        None => None,
    };
    let xapi = xapi_export(args, lang)?;
    if args.lrs.send.is_some() && args.format != ReportFormat::Xapi {
        return Err(UserError::SendWithoutXapi.into());
    }
    if args.sessions && args.format == ReportFormat::Xapi {
        return Err(UserError::SessionsWithXapi.into());
    }
    if args.bom && args.format != ReportFormat::Csv {
        return Err(UserError::BomWithoutCsv.into());
    }
    let rules = Rulebook::embedded()?;
    let (store, notice) = open_regraded(data_dir, &rules, &|| {
        super::commands::load_library(folders, &rules)
    })?;
    if let Some(notice) = notice {
        eprintln!("{}", notice.localize(lang));
    }
    let zone = user_zone();
    let for_people = args.format == ReportFormat::Table;
    if let (Some(why), false) = (zone.fallback_in(lang), for_people) {
        eprintln!(
            "{}",
            Messages::get(lang).msg("report-note-utc", &i18n::Args::new().text("why", why))
        );
    }
    // The table names rules in the reader's language; CSV, JSON and xAPI keep the English
    // names, so what a script reads does not change with the locale.
    let named = if for_people {
        Rulebook::embedded_in(lang)?
    } else {
        rules.clone()
    };
    let filter = Filter {
        trainee: args.trainee.clone(),
        drill: args.drill.clone(),
        since: since.map(|s| s.resolve(&zone)),
    };
    let sessions = match args.format {
        ReportFormat::Table if !args.sessions => Sessions::Latest(TABLE_SESSIONS),
        _ => Sessions::All,
    };
    let mut report = TeamReport::build(&store, &filter, &named, now, &zone, sessions)?;
    let table = Table { lang };
    let sessions_table = SessionsTable { lang };
    let export: &dyn Export = match (args.format, args.sessions) {
        (ReportFormat::Table, false) => &table,
        (ReportFormat::Csv, false) => &Csv,
        (ReportFormat::Json, false) => &Json,
        (ReportFormat::Table, true) => &sessions_table,
        (ReportFormat::Csv, true) => &SessionsCsv,
        (ReportFormat::Json, true) => &SessionsJson,
        (ReportFormat::Xapi, _) => {
            report = report.with_decisions(&store, &filter)?;
            &xapi
        }
    };
    if let Some(endpoint) = &args.lrs.send {
        let statements = xapi.report_statements(&report);
        return super::lrs::send(&args.lrs, endpoint, &statements, lang);
    }
    let mut out = Vec::new();
    if args.bom {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    export.write(&report, &mut out)?;
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(&out).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other.context("cannot write to standard output")?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The xAPI exporter `--format xapi` asks for, under `--iri-base`, else
/// `COMPOSURE_IRI_BASE`, else the placeholder (and then a note says to set one); unused by
/// the other formats, which refuse `--iri-base` and leave the variable unread.
fn xapi_export(args: &ReportArgs, lang: Lang) -> Result<Xapi> {
    if args.format != ReportFormat::Xapi {
        if args.iri_base.is_some() {
            return Err(UserError::IriBaseWithoutXapi.into());
        }
        return Ok(Xapi::default());
    }
    let base = match (&args.iri_base, std::env::var(IRI_BASE_ENV)) {
        (Some(base), _) => base.clone(),
        (None, Ok(text)) if !text.is_empty() => {
            IriBase::parse(&text).map_err(|e| anyhow::anyhow!("{IRI_BASE_ENV}: {e}"))?
        }
        (None, _) => IriBase::placeholder(),
    };
    if base.is_placeholder() {
        eprintln!(
            "{}",
            Messages::get(lang).msg(
                "report-note-placeholder-iri",
                &i18n::Args::new()
                    .text("iri", base.as_str())
                    .text("variable", IRI_BASE_ENV)
            )
        );
    }
    Ok(Xapi { base })
}

pub fn history(
    data_dir: &Path,
    folders: &[PathBuf],
    trainee: &str,
    rules: Rulebook,
    lang: Lang,
) -> Result<ExitCode> {
    let trainee = super::trainee_name(trainee)?;
    super::commands::needs_terminal(super::errors::Instead::ReportTrainee)?;
    let library = super::commands::load_library(folders, &rules);
    let (store, notice) = open_regraded(data_dir, &rules, &|| library.clone())?;
    crate::tui::run_history(crate::tui::HistoryOptions {
        store,
        trainee,
        rules,
        lang,
        not_regraded: matches!(notice, Some(Notice::CouldNotRegrade(_))),
        zone: user_zone(),
    })
}

/// The user's time zone, read once here from `TZ` and the system: reports and the history
/// screen show every time in it.
fn user_zone() -> Zone {
    Zone::from_environment(std::env::var("TZ").ok().as_deref())
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

/// Opens the results database to read it, saying plainly when nothing was saved yet. Results
/// scored by an older grading model are regraded first (against the shipped scenarios and
/// `folders`), which needs the folder to be writable; where it is not, what is there is read
/// as it is. The notice, if any, says which results keep an older score and why.
fn open_regraded(
    data_dir: &Path,
    rules: &Rulebook,
    library: &dyn Fn() -> Library,
) -> Result<(Store, Option<Notice>)> {
    let path = data_dir.join(crate::store::DB_FILE);
    if !path.exists() {
        return Err(UserError::NoResults {
            dir: data_dir.to_path_buf(),
        }
        .into());
    }
    // Read-only first: a file that needs nothing is never opened for writing, and a file
    // from a newer Composure is refused untouched.
    let store = Store::open_read_only(&path)?;
    if !store.needs_regrading()? {
        return Ok((store, None));
    }
    drop(store);
    let mut store = match Store::open(&path) {
        Ok(store) => store,
        Err(e @ StoreError::TooNew { .. }) => return Err(e.into()),
        Err(e) => {
            let store = Store::open_read_only(&path)?;
            return Ok((store, Some(Notice::CouldNotRegrade(e.to_string()))));
        }
    };
    let done = store.regrade(&library(), rules)?;
    Ok((store, (done.kept > 0).then_some(Notice::Kept(done.kept))))
}

/// Why some results still show a score from an older grading model.
enum Notice {
    /// The database could not be opened for writing.
    CouldNotRegrade(String),
    /// This many results' scenarios are gone or have changed.
    Kept(usize),
}

impl Notice {
    /// The notice in `lang`; why the database could not be written stays as the system
    /// said it.
    fn localize(&self, lang: Lang) -> String {
        let m = Messages::get(lang);
        match self {
            Notice::CouldNotRegrade(why) => m.msg(
                "report-could-not-regrade",
                &i18n::Args::new().text("detail", why.as_str()),
            ),
            Notice::Kept(n) => m.msg("report-kept-old-grade", &i18n::Args::new().count("n", *n)),
        }
    }
}
