//! `report --sessions`: one row per matching session, for a team lead who wants to see who
//! played what and when, as a table, CSV or JSON. The rows are [`TeamReport::sessions`],
//! newest first; times are in the report's zone.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::table::columns;
use super::{Export, TeamReport};
use crate::store::SessionRow;

/// The CSV header; columns are only ever added at the end.
pub const CSV_HEADER: &[&str] = &[
    "session",
    "trainee",
    "drill",
    "scenario",
    "title",
    "language",
    "started",
    "ended",
    "score",
    "ending",
    "rating",
    "hesitations",
    "decisions",
];

/// The table's lines above the rows: what the report covers and which zone its times are in.
fn heading(report: &TeamReport) -> String {
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
    format!("Composure sessions: {scope}\n{}\n", report.zone.describe())
}

/// `--sessions --format table`.
pub struct SessionsTable;

impl Export for SessionsTable {
    fn write(&self, report: &TeamReport, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(heading(report).as_bytes())?;
        if report.sessions.is_empty() {
            writeln!(out, "\nNo results match.")?;
            return Ok(());
        }
        writeln!(
            out,
            "\nEvery session, newest first: {}",
            report.sessions.len()
        )?;
        let mut rows = vec![
            [
                "started", "trainee", "drill", "scenario", "language", "score", "ending",
                "silences",
            ]
            .map(String::from)
            .to_vec(),
        ];
        for s in &report.sessions {
            rows.push(vec![
                report.zone.minute(s.started_at),
                s.trainee.clone(),
                s.drill.clone().unwrap_or_else(|| "practice".to_owned()),
                s.scenario.clone(),
                s.language.clone(),
                s.score.to_string(),
                s.ending.clone().unwrap_or_else(|| "open".to_owned()),
                s.hesitations.to_string(),
            ]);
        }
        out.write_all(columns(&rows).as_bytes())?;
        writeln!(
            out,
            "score: the headline score; silences: decisions where the time ran out (hesitations)"
        )
    }
}

/// `--sessions --format csv`: RFC 4180 as [`Csv`](super::Csv) writes it; times in RFC 3339
/// with the zone's offset; an empty `drill` for practice and an empty `ending` for a
/// conversation left open.
pub struct SessionsCsv;

impl Export for SessionsCsv {
    fn write(&self, report: &TeamReport, out: &mut dyn Write) -> io::Result<()> {
        let header: Vec<String> = CSV_HEADER.iter().map(|h| (*h).to_owned()).collect();
        super::csv::row(out, &header)?;
        for s in &report.sessions {
            super::csv::row(
                out,
                &[
                    s.id.to_string(),
                    s.trainee.clone(),
                    s.drill.clone().unwrap_or_default(),
                    s.scenario.clone(),
                    s.title.clone(),
                    s.language.clone(),
                    report.zone.rfc3339(s.started_at),
                    report.zone.rfc3339(s.ended_at),
                    s.score.to_string(),
                    s.ending.clone().unwrap_or_default(),
                    s.rating.clone().unwrap_or_default(),
                    s.hesitations.to_string(),
                    s.decisions.to_string(),
                ],
            )?;
        }
        Ok(())
    }
}

/// `--sessions --format json`: the report's scope and an array `sessions`, with the same
/// fields as the CSV columns (times both as RFC 3339 and as milliseconds since the epoch).
pub struct SessionsJson;

fn session_json(s: &SessionRow, report: &TeamReport) -> Value {
    json!({
        "session": s.id,
        "trainee": s.trainee,
        "drill": s.drill,
        "scenario": s.scenario,
        "title": s.title,
        "language": s.language,
        "started": report.zone.rfc3339(s.started_at),
        "started_at": s.started_at,
        "ended": report.zone.rfc3339(s.ended_at),
        "ended_at": s.ended_at,
        "score": s.score,
        "ending": s.ending,
        "rating": s.rating,
        "hesitations": s.hesitations,
        "decisions": s.decisions,
    })
}

impl Export for SessionsJson {
    fn write(&self, report: &TeamReport, out: &mut dyn Write) -> io::Result<()> {
        let sessions: Vec<Value> = report
            .sessions
            .iter()
            .map(|s| session_json(s, report))
            .collect();
        let mut value = json!({
            "drill": report.drill,
            "trainee": report.trainee,
            "since": report.since,
            "generated_at": report.generated_at,
            "time_zone": report.time_zone,
            "sessions": sessions,
        });
        if let (Some(why), Value::Object(map)) = (&report.time_zone_fallback, &mut value) {
            map.insert("time_zone_fallback".into(), why.clone().into());
        }
        serde_json::to_writer_pretty(&mut *out, &value)?;
        writeln!(out)
    }
}
