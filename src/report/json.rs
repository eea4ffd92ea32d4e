//! `--format json`: the whole report for scripts, as one JSON object. Times are numbers of
//! milliseconds since the Unix epoch where the stored rows have them (`started_at`,
//! `ended_at`, `first_at`, `last_at`), and beside each the same instant as RFC 3339 in the
//! report's zone (`started`, `ended`, `first_played`, `last_played`).

use std::io::{self, Write};

use serde_json::Value;

use super::{Export, TeamReport};

pub struct Json;

/// Adds `name` as the RFC 3339 text of the millisecond field `from`, in every object of
/// `list`.
fn add_times(list: Option<&mut Value>, pairs: &[(&str, &str)], report: &TeamReport) {
    let Some(Value::Array(items)) = list else {
        return;
    };
    for item in items {
        let Value::Object(fields) = item else {
            continue;
        };
        for (from, name) in pairs {
            if let Some(ms) = fields.get(*from).and_then(Value::as_u64) {
                fields.insert((*name).to_owned(), Value::from(report.zone.rfc3339(ms)));
            }
        }
    }
}

impl Export for Json {
    fn write(&self, report: &TeamReport, out: &mut dyn Write) -> io::Result<()> {
        let mut value = serde_json::to_value(report)?;
        add_times(
            value.get_mut("leaderboard"),
            &[("first_at", "first_played"), ("last_at", "last_played")],
            report,
        );
        add_times(
            value.get_mut("sessions"),
            &[("started_at", "started"), ("ended_at", "ended")],
            report,
        );
        serde_json::to_writer_pretty(&mut *out, &value)?;
        writeln!(out)
    }
}
