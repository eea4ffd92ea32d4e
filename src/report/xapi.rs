//! `--format xapi`: one xAPI statement per played scenario, as a JSON array a learning record
//! store accepts on its statements resource. The actor is the trainee as an account on
//! Composure; the verb is ADL's "completed"; the object is the scenario as an activity; the
//! result carries the headline score (scaled, raw, min, max), success (an ending rated
//! excellent or good), completion and the ISO 8601 duration; the timestamp is when it ended.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::{Export, TeamReport, dates};
use crate::store::SessionRow;

/// The IRI under which Composure names its trainees, scenarios, drills and extensions.
pub const XAPI_BASE: &str = "https://composure.invalid/xapi";

pub struct Xapi;

/// Success: an ending rated excellent or good; for a result graded before endings had
/// ratings, an ending whose outcome counted as good.
fn success(s: &SessionRow) -> bool {
    match s.rating.as_deref() {
        Some(rating) => matches!(rating, "excellent" | "good"),
        None => matches!(
            s.ending.as_deref(),
            Some("won-over" | "resolved" | "professional-parting")
        ),
    }
}

/// The statement for one stored session.
pub fn statement(s: &SessionRow, zone: &dates::Zone) -> Value {
    let mut context = json!({
        "platform": "Composure",
        "language": s.language,
        "extensions": {
            format!("{XAPI_BASE}/extensions/seed"): s.seed.to_string(),
            format!("{XAPI_BASE}/extensions/hesitations"): s.hesitations,
            format!("{XAPI_BASE}/extensions/version"): s.version,
            format!("{XAPI_BASE}/extensions/grading"): s.grading,
        },
    });
    if let Some(drill) = &s.drill {
        context["contextActivities"] = json!({
            "grouping": [{
                "objectType": "Activity",
                "id": format!("{XAPI_BASE}/drills/{drill}"),
            }],
        });
    }
    json!({
        "actor": {
            "objectType": "Agent",
            "name": s.trainee,
            "account": {
                "homePage": format!("{XAPI_BASE}/trainees"),
                "name": s.trainee,
            },
        },
        "verb": {
            "id": "http://adlnet.gov/expapi/verbs/completed",
            "display": { "en-US": "completed" },
        },
        "object": {
            "objectType": "Activity",
            "id": format!("{XAPI_BASE}/scenarios/{}", s.scenario),
            "definition": {
                "name": { "en-US": s.title },
                "type": "http://adlnet.gov/expapi/activities/simulation",
            },
        },
        "result": {
            "score": {
                "scaled": f64::from(s.score) / 100.0,
                "raw": s.score,
                "min": 0,
                "max": 100,
            },
            "success": success(s),
            "completion": true,
            "duration": dates::duration(s.ended_at.saturating_sub(s.started_at)),
        },
        "context": context,
        "timestamp": zone.rfc3339(s.ended_at),
    })
}

impl Export for Xapi {
    fn write(&self, report: &TeamReport, out: &mut dyn Write) -> io::Result<()> {
        let statements: Vec<Value> = report
            .sessions
            .iter()
            .map(|s| statement(s, &report.zone))
            .collect();
        serde_json::to_writer_pretty(&mut *out, &statements)?;
        writeln!(out)
    }
}
