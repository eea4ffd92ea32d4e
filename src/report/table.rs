//! `--format table`: the report for a person at a terminal, in aligned columns.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use super::{Export, TeamReport};
use crate::i18n::{Args, Lang, Messages};

/// A stored count as a message takes it.
fn count(n: impl TryInto<usize>) -> usize {
    n.try_into().unwrap_or(usize::MAX)
}

/// The report for a person, in `lang`.
pub struct Table {
    pub lang: Lang,
}

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

/// The line that says what a report covers: its filters, or all results.
pub(super) fn scope(report: &TeamReport, m: &Messages) -> String {
    let mut scope = Vec::new();
    if let Some(d) = &report.drill {
        scope.push(m.msg("report-scope-drill", &Args::new().text("drill", d.as_str())));
    }
    if let Some(t) = &report.trainee {
        scope.push(m.msg(
            "report-scope-trainee",
            &Args::new().text("trainee", t.as_str()),
        ));
    }
    if let Some(s) = report.since_ms {
        scope.push(m.msg(
            "report-scope-since",
            &Args::new().text("time", report.zone.minute(s)),
        ));
    }
    if scope.is_empty() {
        m.msg("report-scope-all", &Args::new())
    } else {
        scope.join(", ")
    }
}

/// A row of column headings, each a message.
pub(super) fn headings(m: &Messages, ids: &[&str]) -> Vec<String> {
    ids.iter().map(|id| m.msg(id, &Args::new())).collect()
}

/// An ending as stored (`resolved`, `lost-client`) in words; one this Composure does not
/// know as stored; none for a conversation left open.
pub(super) fn ending(m: &Messages, ending: Option<&str>) -> String {
    let id = match ending {
        None => "report-ending-open",
        Some("won-over") => "report-ending-won-over",
        Some("resolved") => "report-ending-resolved",
        Some("professional-parting") => "report-ending-professional-parting",
        Some("escalated-complaint") => "report-ending-escalated-complaint",
        Some("lost-client") => "report-ending-lost-client",
        Some(other) => return other.to_owned(),
    };
    m.msg(id, &Args::new())
}

/// An ending's rating as stored (`excellent`, `fail`) in words; `-` for none.
fn rating(m: &Messages, rating: Option<&str>) -> String {
    let id = match rating {
        None => return "-".to_owned(),
        Some("excellent") => "report-rating-excellent",
        Some("good") => "report-rating-good",
        Some("poor") => "report-rating-poor",
        Some("fail") => "report-rating-fail",
        Some(other) => return other.to_owned(),
    };
    m.msg(id, &Args::new())
}

/// `--format table` in the reader's language: headings, notes, words and plurals.
impl Export for Table {
    fn write(&self, report: &TeamReport, out: &mut dyn Write) -> io::Result<()> {
        let m = Messages::get(self.lang);
        writeln!(
            out,
            "{}",
            m.msg("report-title", &Args::new().text("scope", scope(report, m)))
        )?;
        writeln!(out, "{}", report.zone.describe_in(self.lang))?;
        if report.leaderboard.is_empty() {
            writeln!(out, "\n{}", m.msg("report-no-match", &Args::new()))?;
            return Ok(());
        }
        writeln!(out, "\n{}", m.msg("report-leaderboard", &Args::new()))?;
        let mut rows = vec![headings(
            m,
            &[
                "report-col-rank",
                "report-col-trainee",
                "report-col-sessions",
                "report-col-mean",
                "report-col-best",
                "report-col-handling",
                "report-col-serious",
                "report-col-capped",
                "report-col-decisions",
                "report-col-silences",
                "report-col-last-played",
            ],
        )];
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
        writeln!(out, "{}", m.msg("report-leaderboard-legend", &Args::new()))?;

        writeln!(out, "\n{}", m.msg("report-team-rules", &Args::new()))?;
        let mut rows = vec![headings(
            m,
            &[
                "report-col-rule",
                "report-col-followed",
                "report-col-broken",
                "report-col-balance",
            ],
        )];
        for r in &report.team_rules {
            rows.push(vec![
                r.name.clone(),
                r.followed.to_string(),
                r.broken.to_string(),
                format!("{:+}", r.balance),
            ]);
        }
        out.write_all(columns(&rows).as_bytes())?;

        writeln!(out, "\n{}", m.msg("report-per-trainee", &Args::new()))?;
        let strong = m.msg("report-strong-at", &Args::new());
        let work = m.msg("report-work-on", &Args::new());
        // The two labels line up whatever their length in this language.
        let label_width = strong.width().max(work.width());
        let label = |text: &str| format!("{text}{}", " ".repeat(label_width - text.width()));
        for (t, detail) in report.leaderboard.iter().zip(&report.trainees) {
            let names = |rules: &[super::NamedRule]| {
                if rules.is_empty() {
                    m.msg("report-none-yet", &Args::new())
                } else {
                    rules
                        .iter()
                        .map(|r| r.name.as_str())
                        .collect::<Vec<_>>()
                        .join("; ")
                }
            };
            let line = m.msg(
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
            writeln!(out, "  {} {}", label(&strong), names(&detail.strengths))?;
            writeln!(out, "  {} {}", label(&work), names(&detail.weaknesses))?;
        }
        sessions(report, m, out)
    }
}

/// The latest sessions with the pieces of their grade: headline, handling, the ending and
/// the cap its rating sets, serious mistakes; and a result still under an older grading model
/// says so.
fn sessions(report: &TeamReport, m: &Messages, out: &mut dyn Write) -> io::Result<()> {
    if report.sessions.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n{}", m.msg("report-latest-sessions", &Args::new()))?;
    let mut rows = vec![headings(
        m,
        &[
            "report-col-ended",
            "report-col-trainee",
            "report-col-scenario",
            "report-col-score",
            "report-col-handling",
            "report-col-ending",
            "report-col-rating",
            "report-col-cap",
            "report-col-serious",
            "report-col-grading",
        ],
    )];
    let mut older = false;
    for s in &report.sessions {
        older |= s.older_grading();
        rows.push(vec![
            report.zone.minute(s.ended_at),
            s.trainee.clone(),
            s.scenario.clone(),
            s.score.to_string(),
            s.handling.to_string(),
            ending(m, s.ending.as_deref()),
            rating(m, s.rating.as_deref()),
            s.ending_cap.to_string(),
            s.serious_mistakes.to_string(),
            grading_text(s, m),
        ]);
    }
    out.write_all(columns(&rows).as_bytes())?;
    if older {
        writeln!(out, "{}", m.msg("report-older-grading-note", &Args::new()))?;
    }
    Ok(())
}

/// The grading column: the version, and for an older one what kept it from being regraded.
fn grading_text(s: &crate::store::SessionRow, m: &Messages) -> String {
    if !s.older_grading() {
        return s.grading.to_string();
    }
    let why = match s.grading_note.as_deref() {
        Some("scenario-missing") => "report-grading-scenario-gone",
        Some("scenario-changed") => "report-grading-scenario-changed",
        Some("transcript-unreadable") => "report-grading-transcript-unreadable",
        _ => "report-grading-not-regraded",
    };
    m.msg(
        "report-grading-older",
        &Args::new()
            .text("version", s.grading.to_string())
            .text("why", m.msg(why, &Args::new())),
    )
}
