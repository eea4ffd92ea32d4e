//! Reading results back: the sessions of a trainee or drill, the leaderboard, the per-rule
//! strengths and weaknesses, and the decisions last got wrong. Every query filters through
//! the indexes on `(trainee, ended_at)`, `(drill, ended_at)` and `(ended_at)`, and adds up in
//! SQL, so a report over a hundred thousand results stays quick.

use std::borrow::Cow;

use rusqlite::types::{FromSql, FromSqlResult, Value, ValueRef};
use rusqlite::{Row, params_from_iter};

use super::{Store, StoreError};
use crate::engine::Millis;
use crate::scenario::sanitize::for_screen;

/// Which results a query looks at; `None` means any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub trainee: Option<String>,
    pub drill: Option<String>,
    /// Only results that ended at or after this time.
    pub since: Option<Millis>,
}

impl Filter {
    pub fn trainee(name: &str) -> Filter {
        Filter {
            trainee: Some(name.to_owned()),
            ..Filter::default()
        }
    }

    /// The `WHERE` clause over `sessions` aliased `s`, and its values.
    fn clause(&self) -> (String, Vec<Value>) {
        let mut parts = Vec::new();
        let mut values = Vec::new();
        if let Some(t) = &self.trainee {
            parts.push("s.trainee = ?");
            values.push(Value::Text(t.clone()));
        }
        if let Some(d) = &self.drill {
            parts.push("s.drill = ?");
            values.push(Value::Text(d.clone()));
        }
        if let Some(since) = self.since {
            parts.push("s.ended_at >= ?");
            values.push(Value::Integer(to_sql(since)));
        }
        let clause = if parts.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", parts.join(" AND "))
        };
        (clause, values)
    }
}

/// One stored session, without its transcript.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SessionRow {
    pub id: i64,
    pub trainee: String,
    pub drill: Option<String>,
    pub scenario: String,
    pub title: String,
    pub client_type: String,
    pub language: String,
    pub seed: u64,
    pub score: u8,
    pub ending: Option<String>,
    pub decisions: u32,
    pub hesitations: u32,
    pub time_limit_ms: Option<Millis>,
    pub started_at: Millis,
    pub ended_at: Millis,
    pub version: String,
    /// How the conversation was handled, 0–100, before any cap (under grading 1, the score).
    pub handling: u8,
    /// The ending's rating (`excellent`, `good`, `poor`, `fail`); none under grading 1.
    pub rating: Option<String>,
    /// The cap the ending's rating set.
    pub ending_cap: u8,
    /// The cap serious mistakes set.
    pub serious_cap: u8,
    /// How many serious mistakes were made.
    pub serious_mistakes: u32,
    /// The grading version that produced the score.
    pub grading: u32,
    /// Why the result is still under an older grading (`scenario-missing`,
    /// `scenario-changed`, `transcript-unreadable`); none when it is current or was never
    /// tried.
    pub grading_note: Option<String>,
}

impl SessionRow {
    /// True when an older grading model produced the score.
    pub fn older_grading(&self) -> bool {
        self.grading < crate::rules::GRADING_VERSION
    }
}

/// One trainee's results added up.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TraineeSummary {
    pub trainee: String,
    pub sessions: u32,
    pub mean_score: f64,
    pub best_score: u8,
    pub decisions: u32,
    pub hesitations: u32,
    pub first_at: Millis,
    pub last_at: Millis,
    /// The mean handling score, before any cap.
    pub mean_handling: f64,
    /// Serious mistakes over all the sessions.
    pub serious_mistakes: u32,
    /// Sessions whose ending's rating capped the headline below the handling.
    pub capped_by_ending: u32,
    /// Sessions whose score an older grading model produced.
    pub older_grading: u32,
}

/// How often one rule was followed and broken.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RuleStat {
    pub rule: String,
    pub followed: u32,
    pub broken: u32,
    pub followed_weight: u32,
    pub broken_weight: u32,
}

impl RuleStat {
    /// Followed weight minus broken weight: above 0 a strength, below a weakness.
    pub fn balance(&self) -> i64 {
        i64::from(self.followed_weight) - i64::from(self.broken_weight)
    }
}

/// A decision the trainee did not get best, in their latest session of a scenario.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Mistake {
    pub session: i64,
    pub scenario: String,
    pub node: String,
    /// The choice made; empty for a hesitation.
    pub choice: String,
    pub best: String,
    pub hesitated: bool,
    pub time_limit_ms: Option<Millis>,
    pub ended_at: Millis,
}

/// One decision of a stored session, with the verdicts on the choice made.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DecisionRow {
    pub session: i64,
    /// Its place in the conversation, from 0.
    pub n: u32,
    pub node: String,
    /// The choice made; empty for a hesitation.
    pub choice: String,
    /// The time ran out before an answer.
    pub hesitated: bool,
    /// How long the decision took.
    pub elapsed_ms: Millis,
    /// This decision's part of the score, 0–1.
    pub score: f64,
    /// The choice made was one of the best available.
    pub was_best: bool,
    pub best: String,
    /// How much the decision counts in the handling score (0 before grading 2).
    pub stake: i32,
    /// The rule broken at weight 3, when the choice was a serious mistake.
    pub serious: Option<String>,
    /// In the order the rulebook gave them.
    pub verdicts: Vec<VerdictRow>,
}

/// How a choice stood against one rule.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct VerdictRow {
    pub rule: String,
    pub follows: bool,
    pub weight: u8,
}

/// Text as read from the database, with every character a terminal would obey replaced by
/// U+FFFD: the file may have been written by another program or edited by hand, and what it
/// holds is printed by `report` and shown by `history`.
pub(super) struct Clean(pub String);

impl FromSql for Clean {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        String::column_result(value).map(|text| Clean(clean(text)))
    }
}

/// `text` with every refused character replaced (see [`for_screen`]).
pub(super) fn clean(text: String) -> String {
    match for_screen(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(cleaned) => cleaned,
    }
}

/// Every string in a stored transcript cleaned as [`clean`] does.
pub(super) fn clean_json(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::String(text) => *text = clean(std::mem::take(text)),
        Value::Array(items) => items.iter_mut().for_each(clean_json),
        Value::Object(fields) => fields.values_mut().for_each(clean_json),
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

const SESSION_COLUMNS: &str = "s.id, s.trainee, s.drill, s.scenario, s.title, s.client_type,
    s.language, s.seed, s.score, s.ending, s.decisions, s.hesitations, s.time_limit_ms,
    s.started_at, s.ended_at, s.version";

/// The pieces of the grade: handling, rating, ending cap, serious cap, serious mistakes,
/// grading version and note. A file of schema 1 (read where it cannot be migrated) kept none
/// of them: its scores are grading 1's, which were the handling alone.
fn grade_columns(schema: i64) -> &'static str {
    if schema >= 2 {
        "s.handling, s.rating, s.ending_cap, s.serious_cap, s.serious, s.grading,
         s.grading_note"
    } else {
        "s.score, NULL, 100, 100, 0, 1, NULL"
    }
}

fn session_row(row: &Row<'_>) -> rusqlite::Result<SessionRow> {
    Ok(SessionRow {
        id: row.get(0)?,
        trainee: row.get::<_, Clean>(1)?.0,
        drill: row.get::<_, Option<Clean>>(2)?.map(|c| c.0),
        scenario: row.get::<_, Clean>(3)?.0,
        title: row.get::<_, Clean>(4)?.0,
        client_type: row.get::<_, Clean>(5)?.0,
        language: row.get::<_, Clean>(6)?.0,
        seed: from_sql(row.get(7)?),
        score: row.get(8)?,
        ending: row.get::<_, Option<Clean>>(9)?.map(|c| c.0),
        decisions: row.get(10)?,
        hesitations: row.get(11)?,
        time_limit_ms: row.get::<_, Option<i64>>(12)?.map(from_sql),
        started_at: from_sql(row.get(13)?),
        ended_at: from_sql(row.get(14)?),
        version: row.get::<_, Clean>(15)?.0,
        handling: row.get(16)?,
        rating: row.get::<_, Option<Clean>>(17)?.map(|c| c.0),
        ending_cap: row.get(18)?,
        serious_cap: row.get(19)?,
        serious_mistakes: row.get(20)?,
        grading: row.get(21)?,
        grading_note: row.get::<_, Option<Clean>>(22)?.map(|c| c.0),
    })
}

/// SQLite integers are signed 64-bit; times and seeds keep their bits.
pub(super) fn to_sql(value: u64) -> i64 {
    value as i64
}

fn from_sql(value: i64) -> u64 {
    value as u64
}

impl Store {
    /// Sessions, newest first; at most `limit` of them.
    pub fn sessions(
        &self,
        filter: &Filter,
        limit: Option<usize>,
    ) -> Result<Vec<SessionRow>, StoreError> {
        let (clause, mut values) = filter.clause();
        values.push(Value::Integer(
            limit.map_or(-1, |l| i64::try_from(l).unwrap_or(i64::MAX)),
        ));
        let grade = grade_columns(self.schema_version());
        let sql = format!(
            "SELECT {SESSION_COLUMNS}, {grade} FROM sessions s {clause}
             ORDER BY s.ended_at DESC, s.id DESC LIMIT ?"
        );
        let mut stmt = self.conn().prepare(&sql)?;
        let rows = stmt
            .query_map(params_from_iter(values), session_row)?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// The decisions of the matching sessions with their verdicts, by session id and then in
    /// the order they were made.
    pub fn decisions(&self, filter: &Filter) -> Result<Vec<DecisionRow>, StoreError> {
        let (clause, values) = filter.clause();
        let pieces = if self.schema_version() >= 2 {
            "d.stake, d.serious"
        } else {
            "0, NULL"
        };
        let sql = format!(
            "SELECT d.session_id, d.n, d.node, d.choice, d.hesitated, d.elapsed_ms, d.score,
                    d.was_best, d.best, {pieces}
             FROM decisions d JOIN sessions s ON s.id = d.session_id {clause}
             ORDER BY d.session_id, d.n"
        );
        let mut stmt = self.conn().prepare(&sql)?;
        let mut rows = stmt
            .query_map(params_from_iter(values.iter()), |row| {
                Ok(DecisionRow {
                    session: row.get(0)?,
                    n: row.get(1)?,
                    node: row.get::<_, Clean>(2)?.0,
                    choice: row.get::<_, Clean>(3)?.0,
                    hesitated: row.get(4)?,
                    elapsed_ms: from_sql(row.get(5)?),
                    score: row.get(6)?,
                    was_best: row.get(7)?,
                    best: row.get::<_, Clean>(8)?.0,
                    stake: row.get(9)?,
                    serious: row.get::<_, Option<Clean>>(10)?.map(|c| c.0),
                    verdicts: Vec::new(),
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let sql = format!(
            "SELECT v.session_id, v.n, v.rule, v.follows, v.weight
             FROM verdicts v JOIN sessions s ON s.id = v.session_id {clause}
             ORDER BY v.session_id, v.n, v.rowid"
        );
        let mut stmt = self.conn().prepare(&sql)?;
        let mut verdicts = stmt.query_map(params_from_iter(values.iter()), |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, u32>(1)?,
                VerdictRow {
                    rule: row.get::<_, Clean>(2)?.0,
                    follows: row.get(3)?,
                    weight: row.get(4)?,
                },
            ))
        })?;
        // Both lists are in (session, n) order: walk them side by side.
        let mut next = verdicts.next().transpose()?;
        for decision in &mut rows {
            while let Some((session, n, _)) = &next {
                let key = (*session, *n);
                if key > (decision.session, decision.n) {
                    break;
                }
                if let Some((_, _, verdict)) = next.take()
                    && key == (decision.session, decision.n)
                {
                    decision.verdicts.push(verdict);
                }
                next = verdicts.next().transpose()?;
            }
        }
        Ok(rows)
    }

    /// One row per trainee, best mean score first.
    pub fn leaderboard(&self, filter: &Filter) -> Result<Vec<TraineeSummary>, StoreError> {
        let (clause, values) = filter.clause();
        let pieces = if self.schema_version() >= 2 {
            format!(
                "AVG(s.handling), SUM(s.serious), SUM(s.ending_cap < s.handling),
                 SUM(s.grading < {})",
                crate::rules::GRADING_VERSION
            )
        } else {
            "AVG(s.score), 0, 0, COUNT(*)".to_owned()
        };
        let sql = format!(
            "SELECT s.trainee, COUNT(*), AVG(s.score), MAX(s.score), SUM(s.decisions),
                    SUM(s.hesitations), MIN(s.ended_at), MAX(s.ended_at), {pieces}
             FROM sessions s {clause}
             GROUP BY s.trainee
             ORDER BY AVG(s.score) DESC, COUNT(*) DESC, s.trainee"
        );
        let mut stmt = self.conn().prepare(&sql)?;
        let rows = stmt
            .query_map(params_from_iter(values), |row| {
                Ok(TraineeSummary {
                    trainee: row.get::<_, Clean>(0)?.0,
                    sessions: row.get(1)?,
                    mean_score: row.get(2)?,
                    best_score: row.get(3)?,
                    decisions: row.get(4)?,
                    hesitations: row.get(5)?,
                    first_at: from_sql(row.get(6)?),
                    last_at: from_sql(row.get(7)?),
                    mean_handling: row.get(8)?,
                    serious_mistakes: row.get(9)?,
                    capped_by_ending: row.get(10)?,
                    older_grading: row.get(11)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// The per-rule tally added up over the matching sessions, weakest rule first.
    pub fn rule_stats(&self, filter: &Filter) -> Result<Vec<RuleStat>, StoreError> {
        Ok(self
            .rule_stats_by_trainee(filter, false)?
            .into_iter()
            .map(|(_, stat)| stat)
            .collect())
    }

    /// The per-rule tally per trainee (or over everyone when `per_trainee` is false, with an
    /// empty trainee name), weakest rule first within each trainee.
    pub fn rule_stats_by_trainee(
        &self,
        filter: &Filter,
        per_trainee: bool,
    ) -> Result<Vec<(String, RuleStat)>, StoreError> {
        // The tallies carry the session's trainee, drill and time, so the filter applies to
        // them directly.
        let (clause, values) = filter.clause();
        let clause = clause.replace("s.", "t.");
        let (who, group) = if per_trainee {
            ("t.trainee", "t.trainee, t.rule")
        } else {
            ("''", "t.rule")
        };
        let sql = format!(
            "SELECT {who}, t.rule, SUM(t.followed), SUM(t.broken), SUM(t.followed_weight),
                    SUM(t.broken_weight)
             FROM rule_tallies t {clause}
             GROUP BY {group}
             ORDER BY 1, SUM(t.followed_weight) - SUM(t.broken_weight), t.rule"
        );
        let mut stmt = self.conn().prepare(&sql)?;
        let rows = stmt
            .query_map(params_from_iter(values), |row| {
                Ok((
                    row.get::<_, Clean>(0)?.0,
                    RuleStat {
                        rule: row.get::<_, Clean>(1)?.0,
                        followed: row.get(2)?,
                        broken: row.get(3)?,
                        followed_weight: row.get(4)?,
                        broken_weight: row.get(5)?,
                    },
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// The decisions a trainee did not get best in their latest session of each scenario,
    /// the most recently played scenario first.
    pub fn latest_mistakes(&self, trainee: &str) -> Result<Vec<Mistake>, StoreError> {
        let sql = "WITH latest AS (
                 SELECT s.id, s.scenario, s.time_limit_ms, s.ended_at,
                        ROW_NUMBER() OVER (PARTITION BY s.scenario
                                           ORDER BY s.ended_at DESC, s.id DESC) AS k
                 FROM sessions s WHERE s.trainee = ?1)
             SELECT l.id, l.scenario, d.node, d.choice, d.best, d.hesitated, l.time_limit_ms,
                    l.ended_at
             FROM latest l JOIN decisions d ON d.session_id = l.id
             WHERE l.k = 1 AND d.was_best = 0
             ORDER BY l.ended_at DESC, l.id DESC, d.n";
        let mut stmt = self.conn().prepare(sql)?;
        let rows = stmt
            .query_map([trainee], |row| {
                Ok(Mistake {
                    session: row.get(0)?,
                    scenario: row.get::<_, Clean>(1)?.0,
                    node: row.get::<_, Clean>(2)?.0,
                    choice: row.get::<_, Clean>(3)?.0,
                    best: row.get::<_, Clean>(4)?.0,
                    hesitated: row.get(5)?,
                    time_limit_ms: row.get::<_, Option<i64>>(6)?.map(from_sql),
                    ended_at: from_sql(row.get(7)?),
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }
}
