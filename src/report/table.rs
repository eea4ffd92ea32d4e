//! `--format table`: the report for a person at a terminal, in aligned columns.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use super::{Export, TeamReport};
use crate::i18n::{Args, Lang, Messages};

/// A stored count as a message takes it.
fn count(n: impl TryInto<usize>) -> usize {
    n.try_into().unwrap_or(usize::MAX)
}

pub struct Table;

/// Pads every column but the last to its widest cell, by display width, two spaces apart.
pub fn columns(rows: &[Vec<String>]) -> String {
    let count = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..count)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            line.push_str(cell);
            if i + 1 < row.len() {
                let pad = widths
                    .get(i)
                    .copied()
                    .unwrap_or(0)
                    .saturating_sub(cell.width());
                line.push_str(&" ".repeat(pad + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

impl Export for Table {
    fn write(&self, report: &TeamReport, out: &mut dyn Write) -> io::Result<()> {
        let mut scope = Vec::new();
        if let Some(d) = &report.drill {
            scope.push(format!("drill {d}"));
        }
        if let Some(t) = &report.trainee {
            scope.push(format!("trainee {t}"));
        }
        if let Some(s) = report.since_ms {
            scope.push(format!("since {}", report.zone.minute(s)));
        }
        let scope = if scope.is_empty() {
            "all results".to_owned()
        } else {
            scope.join(", ")
        };
        writeln!(out, "Composure report: {scope}")?;
        writeln!(out, "{}", report.zone.describe())?;
        if report.leaderboard.is_empty() {
            writeln!(out, "\nNo results match.")?;
            return Ok(());
        }
        writeln!(out, "\nLeaderboard")?;
        let mut rows = vec![
            [
                "rank",
                "trainee",
                "sessions",
                "mean",
                "best",
                "handling",
                "serious",
                "capped",
                "decisions",
                "silences",
                "last played",
            ]
            .map(String::from)
            .to_vec(),
        ];
        for (i, t) in report.leaderboard.iter().enumerate() {
            rows.push(vec![
                (i + 1).to_string(),
                t.trainee.clone(),
                t.sessions.to_string(),
                crate::drill::round_mean(t.mean_score).to_string(),
                t.best_score.to_string(),
                crate::drill::round_mean(t.mean_handling).to_string(),
                t.serious_mistakes.to_string(),
                t.capped_by_ending.to_string(),
                t.decisions.to_string(),
                t.hesitations.to_string(),
                report.zone.minute(t.last_at),
            ]);
        }
        out.write_all(columns(&rows).as_bytes())?;
        writeln!(
            out,
            "mean: the headline score; handling: before any cap; serious: serious mistakes; capped: sessions whose ending's rating capped the score"
        )?;

        writeln!(out, "\nTeam weaknesses per rule (weakest first)")?;
        let mut rows = vec![
            ["rule", "followed", "broken", "balance"]
                .map(String::from)
                .to_vec(),
        ];
        for r in &report.team_rules {
            rows.push(vec![
                r.name.clone(),
                r.followed.to_string(),
                r.broken.to_string(),
                format!("{:+}", r.balance),
            ]);
        }
        out.write_all(columns(&rows).as_bytes())?;

        writeln!(out, "\nPer trainee")?;
        for (t, detail) in report.leaderboard.iter().zip(&report.trainees) {
            let names = |rules: &[super::NamedRule]| {
                if rules.is_empty() {
                    "none yet".to_owned()
                } else {
                    rules
                        .iter()
                        .map(|r| r.name.as_str())
                        .collect::<Vec<_>>()
                        .join("; ")
                }
            };
            // English until `report` takes the reader's language.
            let line = Messages::get(Lang::En).msg(
                "report-trainee",
                &Args::new()
                    .text("trainee", t.trainee.as_str())
                    .count("sessions", count(t.sessions))
                    .text("mean", crate::drill::round_mean(t.mean_score).to_string())
                    .text("best", t.best_score.to_string())
                    .count("silences", count(t.hesitations))
                    .count("decisions", count(t.decisions)),
            );
            writeln!(out, "{line}")?;
            writeln!(out, "  strong at: {}", names(&detail.strengths))?;
            writeln!(out, "  work on:   {}", names(&detail.weaknesses))?;
        }
        sessions(report, out)
    }
}

/// The latest sessions with the pieces of their grade: headline, handling, the ending and
/// the cap its rating sets, serious mistakes; and a result still under an older grading model
/// says so.
fn sessions(report: &TeamReport, out: &mut dyn Write) -> io::Result<()> {
    if report.sessions.is_empty() {
        return Ok(());
    }
    writeln!(out, "\nLatest sessions (newest first)")?;
    let mut rows = vec![
        [
            "ended", "trainee", "scenario", "score", "handling", "ending", "rating", "cap",
            "serious", "grading",
        ]
        .map(String::from)
        .to_vec(),
    ];
    let mut older = false;
    for s in &report.sessions {
        older |= s.older_grading();
        rows.push(vec![
            report.zone.minute(s.ended_at),
            s.trainee.clone(),
            s.scenario.clone(),
            s.score.to_string(),
            s.handling.to_string(),
            s.ending.clone().unwrap_or_else(|| "open".to_owned()),
            s.rating.clone().unwrap_or_else(|| "-".to_owned()),
            s.ending_cap.to_string(),
            s.serious_mistakes.to_string(),
            grading_text(s),
        ]);
    }
    out.write_all(columns(&rows).as_bytes())?;
    if older {
        writeln!(
            out,
            "A result graded by an older model keeps the score it was given: its scenario is no longer in the library or has changed, or the results folder could not be written."
        )?;
    }
    Ok(())
}

/// The grading column: the version, and for an older one what kept it from being regraded.
fn grading_text(s: &crate::store::SessionRow) -> String {
    if !s.older_grading() {
        return s.grading.to_string();
    }
    let why = match s.grading_note.as_deref() {
        Some("scenario-missing") => "scenario gone",
        Some("scenario-changed") => "scenario changed",
        Some("transcript-unreadable") => "transcript unreadable",
        _ => "not regraded",
    };
    format!("{} (graded by an older model: {why})", s.grading)
}
