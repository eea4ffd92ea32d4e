//! Results that last: every played scenario, kept in a SQLite file in the trainee's data
//! folder. Nothing a trainee achieved may be lost, so every write is one `BEGIN IMMEDIATE`
//! transaction on a WAL journal with `synchronous=FULL`, and a result counts as saved only
//! once its commit returned. Many trainees on one machine share the file; the busy timeout
//! lets their writes queue instead of failing.
//!
//! No terminal here: the store takes finished [`Report`](crate::engine::Report)s and answers
//! queries for the history screen, `composure report` and the mistakes drill.

mod dirs;
mod query;
mod regrade;
mod schema;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior, params};

use crate::engine::{Millis, Report};

pub use dirs::{DATA_DIR_ENV, DB_FILE, data_dir};
pub use query::{DecisionRow, Filter, Mistake, RuleStat, SessionRow, TraineeSummary, VerdictRow};
pub use regrade::{GradingNote, Regraded};
pub use schema::SCHEMA_VERSION;

/// How long a writer waits for another to finish before giving up. Eight trainees finishing
/// at once queue for a few milliseconds each; this leaves room for a slow disk.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(15);

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the results database {path}: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("cannot create the data folder {path}: {source}")]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "the results database {path} was written by a newer Composure (schema {found}; this one knows {known}); it is left untouched"
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error(
        "the results database {path} has no schema Composure can read (schema {found}; this one reads 1 to {known}); play or drill once with --trainee to set it up"
    )]
    TooOld {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("no data folder: set COMPOSURE_DATA_DIR or pass --data-dir ({0})")]
    NoDataDir(String),
    #[error("results database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("a stored transcript cannot be read: {0}")]
    Transcript(#[from] serde_json::Error),
}

/// `file:PATH?immutable=1`, with the path percent-encoded as SQLite's URIs want it.
fn immutable_uri(path: &Path) -> Option<String> {
    let text = path.to_str()?;
    let mut uri = String::from("file:");
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    Some(uri)
}

/// One finished scenario to keep.
#[derive(Debug, Clone)]
pub struct SessionRecord {
    pub trainee: String,
    /// The drill's id; `None` for practice with `play`.
    pub drill: Option<String>,
    pub report: Report,
    pub ended_at: Millis,
    /// The Composure version that graded it.
    pub version: String,
}

/// An open results database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// The file's schema version: [`SCHEMA_VERSION`], except for a file opened read-only
    /// that an older Composure wrote.
    schema: i64,
}

impl Store {
    /// Opens (creating if need be) `composure.db` in `dir`.
    pub fn open_in(dir: &Path) -> Result<Store, StoreError> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Folder {
            path: dir.to_path_buf(),
            source,
        })?;
        Store::open(&dir.join(DB_FILE))
    }

    /// Opens a database file, creating it and bringing its schema up to date.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let fail = |source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        };
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(fail)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(fail)?;
        // Before anything that writes (the journal mode is kept in the file): a file from a
        // newer Composure is left exactly as it is.
        schema::refuse_newer(&conn, path)?;
        schema::set_wal(&conn).map_err(fail)?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(fail)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(fail)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            schema: SCHEMA_VERSION,
        };
        schema::migrate(&mut store.conn, path)?;
        Ok(store)
    }

    /// Opens an existing database only to read it, for `report` and `history`. Nothing is
    /// written, neither the file nor its folder, so both work on a read-only data folder (a
    /// shared drive, a backup). A WAL file needs its shared-memory index, which SQLite
    /// creates beside it; where the folder cannot take one, the file is read as immutable,
    /// which is sound because nothing can write to that folder either.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        let fail = |source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        };
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags).map_err(fail)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(fail)?;
        let conn = match schema::version(&conn) {
            Ok(_) => conn,
            Err(first) => {
                let Some(uri) = immutable_uri(path) else {
                    return Err(fail(first));
                };
                let conn = Connection::open_with_flags(uri, flags).map_err(fail)?;
                if schema::version(&conn).is_err() {
                    return Err(fail(first));
                }
                conn
            }
        };
        let schema = schema::refuse_unreadable(&conn, path)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            schema,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Keeps one finished scenario; returns its session id once the commit has returned.
    pub fn save(&mut self, record: &SessionRecord) -> Result<i64, StoreError> {
        self.save_holding(record, Duration::ZERO)
    }

    /// As [`save`](Store::save), holding the write transaction open for `hold` before the
    /// commit. Only the crash tests use a non-zero hold: it lets them kill a process in the
    /// middle of a save and prove nothing half-written survives.
    pub fn save_holding(
        &mut self,
        record: &SessionRecord,
        hold: Duration,
    ) -> Result<i64, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let id = insert(&tx, record)?;
        if !hold.is_zero() {
            std::thread::sleep(hold);
        }
        tx.commit()?;
        Ok(id)
    }

    /// Keeps many results in one transaction: all of them or none. For imports and for
    /// filling a database in benchmarks, where a commit per result would be slow.
    pub fn save_all(&mut self, records: &[SessionRecord]) -> Result<Vec<i64>, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let ids = records
            .iter()
            .map(|r| insert(&tx, r))
            .collect::<Result<Vec<_>, _>>()?;
        tx.commit()?;
        Ok(ids)
    }

    /// The graded transcript of one stored session.
    pub fn report(&self, session: i64) -> Result<Option<Report>, StoreError> {
        let json: Option<String> = self
            .conn
            .query_row(
                "SELECT report FROM transcripts WHERE session_id = ?1",
                [session],
                |row| row.get(0),
            )
            .map(Some)
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                other => Err(other),
            })?;
        // Read as a tree first, so every string in it is cleaned whatever field it is in.
        json.map(|j| {
            let mut value: serde_json::Value = serde_json::from_str(&j)?;
            query::clean_json(&mut value);
            serde_json::from_value(value).map_err(StoreError::from)
        })
        .transpose()
    }

    /// `PRAGMA integrity_check`: "ok" when the file is sound.
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))?)
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The file's schema version (older than [`SCHEMA_VERSION`] only when opened read-only).
    pub fn schema_version(&self) -> i64 {
        self.schema
    }
}

/// Writes one result inside an open write transaction; returns its session id.
fn insert(tx: &rusqlite::Transaction<'_>, record: &SessionRecord) -> Result<i64, StoreError> {
    let report = &record.report;
    let json = serde_json::to_string(report)?;
    tx.execute(
        "INSERT INTO sessions (trainee, drill, scenario, title, client_type, language, seed,
                 score, ending, decisions, hesitations, time_limit_ms, started_at, ended_at,
                 version, grading, handling, rating, ending_cap, serious_cap, serious,
                 typed_replies)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                     ?17, ?18, ?19, ?20, ?21, ?22)",
        params![
            record.trainee,
            record.drill,
            report.scenario.id,
            report.scenario.title,
            crate::labels::client_type_slug(report.scenario.client_type),
            report.scenario.language,
            // SQLite integers are signed; the seed's bits are kept as they are.
            query::to_sql(report.seed),
            report.score,
            report.ending.as_ref().map(|e| outcome_slug(e.outcome)),
            report.steps.len() as i64,
            report.hesitations,
            report.time_limit_ms.map(query::to_sql),
            query::to_sql(report.started_at_ms),
            query::to_sql(record.ended_at),
            record.version,
            report.grading,
            report.handling,
            report
                .ending
                .as_ref()
                .and_then(|e| e.rating)
                .map(rating_slug),
            report.ending_cap,
            report.serious_cap,
            serious_count(report),
            typed_count(report),
        ],
    )?;
    let id = tx.last_insert_rowid();
    tx.execute(
        "INSERT INTO transcripts (session_id, report) VALUES (?1, ?2)",
        params![id, json],
    )?;
    insert_details(
        tx,
        id,
        report,
        &record.trainee,
        record.drill.as_deref(),
        record.ended_at,
    )?;
    Ok(id)
}

/// How many serious mistakes a transcript records.
fn serious_count(report: &Report) -> i64 {
    report.steps.iter().filter(|s| s.serious.is_some()).count() as i64
}

/// How many decisions of a transcript were typed replies.
fn typed_count(report: &Report) -> i64 {
    report.steps.iter().filter(|s| s.typed.is_some()).count() as i64
}

/// Writes a session's decisions, their verdicts and its per-rule tally.
fn insert_details(
    tx: &rusqlite::Transaction<'_>,
    id: i64,
    report: &Report,
    trainee: &str,
    drill: Option<&str>,
    ended_at: Millis,
) -> Result<(), StoreError> {
    let mut decision = tx.prepare_cached(
        "INSERT INTO decisions (session_id, n, node, choice, hesitated, elapsed_ms,
                 score, was_best, best, stake, serious, typed, typed_read)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    let mut verdict = tx.prepare_cached(
        "INSERT INTO verdicts (session_id, n, rule, follows, weight)
             VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (n, step) in report.steps.iter().enumerate() {
        let n = n as i64;
        decision.execute(params![
            id,
            n,
            step.node,
            step.chosen.id,
            step.hesitated,
            query::to_sql(step.elapsed_ms),
            step.decision_score,
            step.was_best,
            step.best.id,
            step.stake,
            step.serious,
            step.typed.as_ref().map(|t| t.words.as_str()),
            step.typed.as_ref().map(|t| t.read.slug()),
        ])?;
        for v in &step.verdicts {
            verdict.execute(params![id, n, v.rule, v.follows, v.weight])?;
        }
    }
    let mut tally = tx.prepare_cached(
        "INSERT INTO rule_tallies (session_id, trainee, drill, ended_at, rule, followed,
                 broken, followed_weight, broken_weight)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for t in &report.rules {
        tally.execute(params![
            id,
            trainee,
            drill,
            query::to_sql(ended_at),
            t.rule,
            t.followed,
            t.broken,
            t.followed_weight,
            t.broken_weight
        ])?;
    }
    Ok(())
}

/// How an ending's rating is stored: a stable word, independent of the labels a screen shows.
pub fn rating_slug(rating: crate::scenario::Rating) -> &'static str {
    use crate::scenario::Rating::*;
    match rating {
        Excellent => "excellent",
        Good => "good",
        Poor => "poor",
        Fail => "fail",
    }
}

/// How an outcome is stored: a stable word, independent of the labels a screen shows.
pub fn outcome_slug(outcome: crate::scenario::Outcome) -> &'static str {
    use crate::scenario::Outcome::*;
    match outcome {
        WonOver => "won-over",
        Resolved => "resolved",
        ProfessionalParting => "professional-parting",
        EscalatedComplaint => "escalated-complaint",
        LostClient => "lost-client",
    }
}
