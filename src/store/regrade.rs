//! Regrading: a result stored under an older grading model is graded again from its stored
//! decisions (each step's node and choice, or a silence, and the ending reached) against the
//! scenario as the library has it now, so history and reports compare like with like. A
//! result whose scenario is gone, or no longer has those nodes and choices, keeps the score
//! it was given and says why.
//!
//! Each batch of results is regraded in one `BEGIN IMMEDIATE` transaction that reads a
//! result's grading again under the write lock, so two processes regrading at once, or one
//! regrading while others save, each change a result at most once.

use rusqlite::{OptionalExtension as _, TransactionBehavior, params};

use super::{Store, StoreError, insert_details, rating_slug, serious_count};
use crate::engine::{ChoiceRef, Millis, Report, VerdictReport};
use crate::rules::{Answer, GRADING_VERSION, Rulebook, grade_answers};
use crate::scenario::{Library, Node, Verdict};

/// How many results one write transaction regrades, so that other writers wait for a short
/// while only.
const BATCH: usize = 100;

/// Why a result is still under an older grading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GradingNote {
    /// The library has no scenario with its id.
    ScenarioMissing,
    /// The scenario no longer has the decisions, choices or ending the result went through.
    ScenarioChanged,
    /// The stored transcript cannot be read.
    TranscriptUnreadable,
}

impl GradingNote {
    /// How the note is stored and printed in CSV and JSON.
    pub fn slug(self) -> &'static str {
        match self {
            GradingNote::ScenarioMissing => "scenario-missing",
            GradingNote::ScenarioChanged => "scenario-changed",
            GradingNote::TranscriptUnreadable => "transcript-unreadable",
        }
    }
}

/// What a regrading pass did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Regraded {
    /// Results now under the current grading.
    pub regraded: usize,
    /// Results that keep their older score (see their grading note).
    pub kept: usize,
}

impl Store {
    /// True when the file's schema is older than this build's, or some result was scored by
    /// an older grading model.
    pub fn needs_regrading(&self) -> Result<bool, StoreError> {
        if self.schema < super::SCHEMA_VERSION {
            return Ok(true);
        }
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM sessions WHERE grading < ?1 LIMIT 1",
                [GRADING_VERSION],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// Regrades every result scored by an older grading model against `library`.
    pub fn regrade(&mut self, library: &Library, rules: &Rulebook) -> Result<Regraded, StoreError> {
        let ids: Vec<i64> = self
            .conn
            .prepare("SELECT id FROM sessions WHERE grading < ?1 ORDER BY id")?
            .query_map([GRADING_VERSION], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        let mut done = Regraded::default();
        for batch in ids.chunks(BATCH) {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            for &id in batch {
                match regrade_one(&tx, id, library, rules)? {
                    Some(Ok(())) => done.regraded += 1,
                    Some(Err(_)) => done.kept += 1,
                    None => {}
                }
            }
            tx.commit()?;
        }
        Ok(done)
    }
}

/// Regrades one result inside a write transaction: `None` when it needs nothing (another
/// process got there first, or it was deleted), else whether it was regraded or why not.
fn regrade_one(
    tx: &rusqlite::Transaction<'_>,
    id: i64,
    library: &Library,
    rules: &Rulebook,
) -> Result<Option<Result<(), GradingNote>>, StoreError> {
    let row: Option<(u32, String, Option<String>, i64)> = tx
        .query_row(
            "SELECT grading, trainee, drill, ended_at FROM sessions WHERE id = ?1",
            [id],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
        )
        .optional()?;
    let Some((grading, trainee, drill, ended_at)) = row else {
        return Ok(None);
    };
    if grading >= GRADING_VERSION {
        return Ok(None);
    }
    let json: Option<String> = tx
        .query_row(
            "SELECT report FROM transcripts WHERE session_id = ?1",
            [id],
            |row| row.get(0),
        )
        .optional()?;
    let stored = json.and_then(|j| serde_json::from_str::<Report>(&j).ok());
    let outcome = match stored {
        Some(report) => regraded(report, library, rules),
        None => Err(GradingNote::TranscriptUnreadable),
    };
    let report = match outcome {
        Ok(report) => report,
        Err(note) => {
            tx.execute(
                "UPDATE sessions SET grading_note = ?2 WHERE id = ?1 AND grading_note IS NOT ?2",
                params![id, note.slug()],
            )?;
            return Ok(Some(Err(note)));
        }
    };
    tx.execute(
        "UPDATE sessions SET score = ?2, handling = ?3, rating = ?4, ending_cap = ?5,
                 serious_cap = ?6, serious = ?7, hesitations = ?8, grading = ?9,
                 grading_note = NULL
             WHERE id = ?1",
        params![
            id,
            report.score,
            report.handling,
            report
                .ending
                .as_ref()
                .and_then(|e| e.rating)
                .map(rating_slug),
            report.ending_cap,
            report.serious_cap,
            serious_count(&report),
            report.hesitations,
            report.grading,
        ],
    )?;
    tx.execute(
        "UPDATE transcripts SET report = ?2 WHERE session_id = ?1",
        params![id, serde_json::to_string(&report)?],
    )?;
    for table in ["decisions", "verdicts", "rule_tallies"] {
        tx.execute(&format!("DELETE FROM {table} WHERE session_id = ?1"), [id])?;
    }
    insert_details(
        tx,
        id,
        &report,
        &trainee,
        drill.as_deref(),
        ended_at as Millis,
    )?;
    Ok(Some(Ok(())))
}

/// A stored transcript graded again against the library's scenario, or why it cannot be.
/// What was said stays as it was; every figure of the grade is computed anew.
pub fn regraded(
    mut report: Report,
    library: &Library,
    rules: &Rulebook,
) -> Result<Report, GradingNote> {
    let (scenario, _) = library
        .get(&report.scenario.id, &report.scenario.language)
        .ok_or(GradingNote::ScenarioMissing)?;
    let choices_at = |node: &str| match scenario.node(node) {
        Some(Node::Decision { choices, .. }) => Some(choices),
        _ => None,
    };
    for step in &report.steps {
        let choices = choices_at(&step.node).ok_or(GradingNote::ScenarioChanged)?;
        if !step.hesitated && !choices.iter().any(|c| c.id == step.chosen.id) {
            return Err(GradingNote::ScenarioChanged);
        }
    }
    let ending = match &report.ending {
        Some(e) if matches!(scenario.node(&e.node), Some(Node::Ending { .. })) => {
            Some(e.node.clone())
        }
        Some(_) => return Err(GradingNote::ScenarioChanged),
        None => None,
    };
    let answers: Vec<Answer<'_>> = report
        .steps
        .iter()
        .map(|s| {
            if s.hesitated {
                Answer::Silent { node: &s.node }
            } else {
                Answer::Chose {
                    node: &s.node,
                    choice: &s.chosen.id,
                }
            }
        })
        .collect();
    let graded = grade_answers(scenario, answers, ending.as_deref(), rules);
    if graded.decisions.len() != report.steps.len() {
        return Err(GradingNote::ScenarioChanged);
    }
    for (step, decision) in report.steps.iter_mut().zip(&graded.decisions) {
        let choices = choices_at(&step.node).ok_or(GradingNote::ScenarioChanged)?;
        step.decision_score = decision.score;
        step.was_best = !step.hesitated && decision.value == decision.best_value;
        step.stake = decision.stake;
        step.value = decision.value;
        step.best_value = decision.best_value;
        step.worst_value = decision.worst_value;
        step.serious.clone_from(&decision.serious);
        if let Some(chosen) = choices.iter().find(|c| c.id == step.chosen.id) {
            let before = std::mem::take(&mut step.verdicts);
            step.verdicts = chosen
                .verdicts
                .iter()
                .map(|v| {
                    let (rule, weight, follows) = match v {
                        Verdict::Follows(r, w) => (r, *w, true),
                        Verdict::Breaks(r, w) => (r, *w, false),
                    };
                    // The name as the trainee read it, where the rule was already named.
                    let rule_name = before
                        .iter()
                        .find(|b| &b.rule == rule)
                        .map_or_else(|| rules.name(rule).to_owned(), |b| b.rule_name.clone());
                    VerdictReport {
                        rule: rule.clone(),
                        rule_name,
                        follows,
                        weight,
                    }
                })
                .collect();
        }
        if !decision.best.contains(&step.best.id)
            && let Some(best) = decision
                .best
                .first()
                .and_then(|id| choices.iter().find(|c| &c.id == id))
        {
            step.best = ChoiceRef {
                id: best.id.clone(),
                text: best.text.clone(),
            };
            step.best_coaching.clone_from(&best.coaching);
        }
    }
    if let Some(e) = report.ending.as_mut() {
        e.rating = graded.rating;
    }
    report.score = graded.score;
    report.handling = graded.handling;
    report.ending_cap = graded.ending_cap;
    report.serious_cap = graded.serious_cap;
    report.limited_by = graded.limited_by;
    report.turning_point = graded.turning_point;
    report.grading = GRADING_VERSION;
    report.rules = graded.rules;
    report.hesitations = graded.hesitations;
    Ok(report)
}
