//! The database schema and its migrations. The schema version is SQLite's `user_version`;
//! each migration runs in its own `BEGIN IMMEDIATE` transaction that also bumps the version,
//! so processes opening the file at once migrate it exactly once.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, TransactionBehavior};

use super::StoreError;

/// Migrations in order: migration `i` takes the schema from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    // 1: sessions with their decisions, verdicts and per-rule tallies.
    "CREATE TABLE sessions (
         id            INTEGER PRIMARY KEY,
         trainee       TEXT    NOT NULL,
         drill         TEXT,
         scenario      TEXT    NOT NULL,
         title         TEXT    NOT NULL,
         client_type   TEXT    NOT NULL,
         language      TEXT    NOT NULL,
         seed          INTEGER NOT NULL,
         score         INTEGER NOT NULL,
         ending        TEXT,
         decisions     INTEGER NOT NULL,
         hesitations   INTEGER NOT NULL,
         time_limit_ms INTEGER,
         started_at    INTEGER NOT NULL,
         ended_at      INTEGER NOT NULL,
         version       TEXT    NOT NULL
     );
     -- The full graded transcript, apart, so scans of sessions stay small and quick.
     CREATE TABLE transcripts (
         session_id INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
         report     TEXT    NOT NULL
     );
     CREATE INDEX sessions_by_trainee ON sessions (trainee, ended_at);
     -- Covers the leaderboard, so it never reads the table itself.
     CREATE INDEX sessions_leaderboard
         ON sessions (trainee, score, decisions, hesitations, ended_at, drill);
     CREATE INDEX sessions_by_drill ON sessions (drill, ended_at);
     CREATE INDEX sessions_by_time ON sessions (ended_at);
     CREATE TABLE decisions (
         session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
         n          INTEGER NOT NULL,
         node       TEXT    NOT NULL,
         choice     TEXT    NOT NULL,
         hesitated  INTEGER NOT NULL,
         elapsed_ms INTEGER NOT NULL,
         score      REAL    NOT NULL,
         was_best   INTEGER NOT NULL,
         best       TEXT    NOT NULL,
         PRIMARY KEY (session_id, n)
     ) WITHOUT ROWID;
     CREATE TABLE verdicts (
         session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
         n          INTEGER NOT NULL,
         rule       TEXT    NOT NULL,
         follows    INTEGER NOT NULL,
         weight     INTEGER NOT NULL
     );
     CREATE INDEX verdicts_by_session ON verdicts (session_id, n);
     -- Who, which drill and when are copied from the session so that the per-rule sums of
     -- a report read this table (through its covering index) and never join.
     CREATE TABLE rule_tallies (
         session_id      INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
         trainee         TEXT    NOT NULL,
         drill           TEXT,
         ended_at        INTEGER NOT NULL,
         rule            TEXT    NOT NULL,
         followed        INTEGER NOT NULL,
         broken          INTEGER NOT NULL,
         followed_weight INTEGER NOT NULL,
         broken_weight   INTEGER NOT NULL,
         PRIMARY KEY (session_id, rule)
     ) WITHOUT ROWID;
     CREATE INDEX rule_tallies_by_trainee ON rule_tallies
         (trainee, rule, followed, broken, followed_weight, broken_weight, drill, ended_at);",
    // 2: the pieces of grading version 2, and which grading produced each score. Results
    // kept before it were scored by grading 1, whose score was the handling alone; the
    // leaderboard's covering index takes the new columns.
    "ALTER TABLE sessions ADD COLUMN grading INTEGER NOT NULL DEFAULT 1;
     ALTER TABLE sessions ADD COLUMN handling INTEGER NOT NULL DEFAULT 0;
     ALTER TABLE sessions ADD COLUMN rating TEXT;
     ALTER TABLE sessions ADD COLUMN ending_cap INTEGER NOT NULL DEFAULT 100;
     ALTER TABLE sessions ADD COLUMN serious_cap INTEGER NOT NULL DEFAULT 100;
     ALTER TABLE sessions ADD COLUMN serious INTEGER NOT NULL DEFAULT 0;
     -- Why a result is still under an older grading: its scenario is gone or has changed.
     ALTER TABLE sessions ADD COLUMN grading_note TEXT;
     UPDATE sessions SET handling = score;
     ALTER TABLE decisions ADD COLUMN stake INTEGER NOT NULL DEFAULT 0;
     ALTER TABLE decisions ADD COLUMN serious TEXT;
     DROP INDEX sessions_leaderboard;
     CREATE INDEX sessions_leaderboard ON sessions
         (trainee, score, decisions, hesitations, ended_at, drill, handling, ending_cap, serious,
          grading);
     CREATE INDEX sessions_by_grading ON sessions (grading);",
    // 3: typed replies (`--typed`, a drill's `typed: true`). Each decision keeps the words
    // the trainee typed and how they became the chosen option (`matched`, or `picked` when
    // Composure asked); the session counts its typed replies. Results kept before it were
    // all chosen from the list: no words, a count of 0.
    "ALTER TABLE decisions ADD COLUMN typed TEXT;
     ALTER TABLE decisions ADD COLUMN typed_read TEXT;
     ALTER TABLE sessions ADD COLUMN typed_replies INTEGER NOT NULL DEFAULT 0;",
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Switches the file to a WAL journal. Changing the journal mode needs the file to itself for
/// a moment, and SQLite reports a clash there at once rather than through the busy timeout,
/// so several processes opening a new file together retry for a while.
pub fn set_wal(conn: &Connection) -> rusqlite::Result<()> {
    let mut tries = 0;
    loop {
        match conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get::<_, String>(0))
        {
            Ok(_) => return Ok(()),
            Err(e) if is_busy(&e) && tries < 200 => {
                tries += 1;
                std::thread::sleep(Duration::from_millis(25));
            }
            Err(e) => return Err(e),
        }
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// The schema version the file says it has.
pub fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}

/// Refuses a file from a newer Composure; reads only, so such a file is never changed (not
/// even its journal mode, which opening for writing would otherwise switch to WAL).
pub fn refuse_newer(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let found = version(conn)?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found,
            known: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// The oldest schema a reader that cannot migrate still reads: it shows what is there, with
/// the pieces of the grade that schema did not keep filled in as grading 1 had them.
pub const OLDEST_READABLE: i64 = 1;

/// For a reader that cannot migrate: the file must have a schema it can read; returns it.
pub fn refuse_unreadable(conn: &Connection, path: &Path) -> Result<i64, StoreError> {
    refuse_newer(conn, path)?;
    let found = version(conn)?;
    if found < OLDEST_READABLE {
        return Err(StoreError::TooOld {
            path: path.to_path_buf(),
            found,
            known: SCHEMA_VERSION,
        });
    }
    Ok(found)
}

/// Brings the schema up to [`SCHEMA_VERSION`]; refuses a file from a newer version.
pub fn migrate(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Read inside the write lock: another process may have migrated meanwhile.
        let version: i64 = tx.query_row("PRAGMA user_version", [], |row| row.get(0))?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: path.to_path_buf(),
                found: version,
                known: SCHEMA_VERSION,
            });
        }
        let Some(sql) = usize::try_from(version)
            .ok()
            .and_then(|v| MIGRATIONS.get(v))
        else {
            tx.commit()?;
            return Ok(());
        };
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version + 1)?;
        tx.commit()?;
    }
}
