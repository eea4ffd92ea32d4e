//! `report --sessions`: one row per matching session, for a team lead who wants to see who
//! played what and when, as a table, CSV or JSON. The rows are [`TeamReport::sessions`],
//! newest first; times are in the report's zone.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::table::{columns, ending, headings, scope};
use super::{Export, TeamReport};
use crate::i18n::{Args, Lang, Messages};
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

/// `--sessions --format table`, in `lang`.
pub struct SessionsTable {
    pub lang: Lang,
}

impl Export for SessionsTable {
    fn write(&self, report: &TeamReport, out: &mut dyn Write) -> io::Result<()> {
        let m = Messages::get(self.lang);
        writeln!(
            out,
            "{}",
            m.msg(
                "report-sessions-title",
                &Args::new().text("scope", scope(report, m))
            )
        )?;
        writeln!(out, "{}", report.zone.describe_in(self.lang))?;
        if report.sessions.is_empty() {
            writeln!(out, "\n{}", m.msg("report-no-match", &Args::new()))?;
            return Ok(());
        }
        writeln!(
            out,
            "\n{}",
            m.msg(
                "report-every-session",
                &Args::new().count("n", report.sessions.len())
            )
        )?;
        let mut rows = vec![headings(
            m,
            &[
                "report-col-started",
                "report-col-trainee",
                "report-col-drill",
                "report-col-scenario",
                "report-col-language",
                "report-col-score",
                "report-col-ending",
                "report-col-silences",
            ],
        )];
        for s in &report.sessions {
            rows.push(vec![
                report.zone.minute(s.started_at),
                s.trainee.clone(),
                s.drill
                    .clone()
                    .unwrap_or_else(|| m.msg("report-practice", &Args::new())),
                s.scenario.clone(),
                s.language.clone(),
                s.score.to_string(),
                ending(m, s.ending.as_deref()),
                s.hesitations.to_string(),
            ]);
        }
        out.write_all(columns(&rows).as_bytes())?;
        writeln!(out, "{}", m.msg("report-sessions-legend", &Args::new()))
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
