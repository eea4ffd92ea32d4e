//! `--format xapi`: xAPI 1.0.3 statements, as a JSON array a learning record store accepts on
//! its statements resource. Each played scenario gives one "answered" statement per decision
//! and one "completed" statement for the whole conversation:
//!
//! - the actor is the trainee, as an account on the organisation's Composure;
//! - the object of "completed" is the scenario as an activity, its name tagged with the
//!   scenario's language; the result carries the headline score, success (an ending rated
//!   excellent or good), completion and the duration;
//! - the object of "answered" is the decision point as a choice interaction; the result
//!   carries the choice made as the response, the decision's score, success (a best choice),
//!   its duration, and the verdicts of the rulebook as an extension;
//! - every statement of one result shares a registration, and its id is a UUID v5 of what
//!   identifies the result (and the decision), so exporting the same results again gives the
//!   same statements, which a learning record store files once;
//! - timestamps are RFC 3339 with the offset of the report's zone.
//!
//! Every IRI Composure mints starts with an [`IriBase`] the organisation chooses.

use std::collections::HashMap;
use std::io::{self, Write};

use serde_json::{Map, Value, json};
use uuid::Uuid;

use super::{Export, TeamReport, dates::Zone};
use crate::engine::Millis;
use crate::store::{DecisionRow, SessionRow};

/// The IRI base used when none is given. Composure has no web address of its own, and an
/// IRI should belong to whoever mints it (xAPI asks activity ids to use a domain their
/// creator may use), so the real base is the organisation's. Until one is set, a name under
/// `.invalid`, which is reserved never to resolve (RFC 6761), keeps the statements valid
/// without claiming anybody's domain.
pub const PLACEHOLDER_IRI_BASE: &str = "https://composure.invalid/xapi";

/// The environment variable that sets the IRI base; `--iri-base` wins over it.
pub const IRI_BASE_ENV: &str = "COMPOSURE_IRI_BASE";

/// The namespace of Composure's statement ids and registrations (a UUID made once, at
/// random). Changing it would give every statement a new id.
const ID_NAMESPACE: Uuid = Uuid::from_u128(0x6c1f_41d2_9a57_4b0e_8f3d_2c55_e7a1_90b4);

const COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";
const ANSWERED: &str = "http://adlnet.gov/expapi/verbs/answered";
const SIMULATION: &str = "http://adlnet.gov/expapi/activities/simulation";
const INTERACTION: &str = "http://adlnet.gov/expapi/activities/cmi.interaction";

/// The authority (host, perhaps port and user) of an `https://` or `http://` address, or
/// why it has none.
pub(super) fn http_authority(address: &str) -> Result<&str, &'static str> {
    let rest = address
        .strip_prefix("https://")
        .or_else(|| address.strip_prefix("http://"))
        .ok_or("it must start with https:// or http://")?;
    match rest.split('/').next() {
        Some(authority) if !authority.is_empty() => Ok(authority),
        _ => Err("it has no host"),
    }
}

/// The start of every IRI Composure mints: `https://` or `http://`, a host, perhaps a path;
/// no query, fragment or trailing slash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IriBase(String);

impl IriBase {
    pub fn parse(text: &str) -> Result<IriBase, String> {
        let bad = |why: &str| {
            format!(
                "\"{text}\" cannot be the xAPI IRI base: {why}; write it as \
                 https://HOST/PATH, such as https://learning.example.org/composure"
            )
        };
        let trimmed = text.trim().trim_end_matches('/');
        http_authority(trimmed).map_err(bad)?;
        if trimmed
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "<>\"{}|\\^`".contains(c))
        {
            return Err(bad("it holds a space or a character an IRI cannot"));
        }
        if trimmed.contains(['?', '#']) {
            return Err(bad("it has a query or a fragment"));
        }
        Ok(IriBase(trimmed.to_owned()))
    }

    /// [`PLACEHOLDER_IRI_BASE`].
    pub fn placeholder() -> IriBase {
        IriBase(PLACEHOLDER_IRI_BASE.to_owned())
    }

    pub fn is_placeholder(&self) -> bool {
        self.0 == PLACEHOLDER_IRI_BASE
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The base followed by `parts`, each percent-encoded as one path segment.
    fn iri(&self, parts: &[&str]) -> String {
        let mut iri = self.0.clone();
        for part in parts {
            iri.push('/');
            segment(part, &mut iri);
        }
        iri
    }
}

impl Default for IriBase {
    fn default() -> IriBase {
        IriBase::placeholder()
    }
}

/// Appends `text` as one path segment: unreserved characters as they are, every other byte
/// of its UTF-8 as `%XX`, so a name with spaces, slashes or anything else stays one segment.
fn segment(text: &str, out: &mut String) {
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
}

/// The RFC 5646 tag of a scenario's language: the code as it is (`en`, `nb`, `ru`: the
/// language alone, as xAPI asks when the region is not known), or `und` (undetermined) for
/// a code that is not a well-formed tag.
pub fn language_tag(code: &str) -> String {
    if well_formed_tag(code) {
        code.to_owned()
    } else {
        "und".to_owned()
    }
}

/// A language subtag (2–3 or 5–8 letters), then script (4 letters), region (2 letters or 3
/// digits) and variants (5–8 letters or digits, or a digit and 3), each optional, in order.
fn well_formed_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let alpha = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphabetic())
    };
    let Some(language) = parts.next() else {
        return false;
    };
    if !(alpha(language, 2..=3) || alpha(language, 5..=8)) {
        return false;
    }
    let mut stage = 0;
    for part in parts {
        let alnum = part.bytes().all(|b| b.is_ascii_alphanumeric());
        let this = if stage < 1 && alpha(part, 4..=4) {
            1
        } else if stage < 2
            && (alpha(part, 2..=2) || (part.len() == 3 && part.bytes().all(|b| b.is_ascii_digit())))
        {
            2
        } else if alnum
            && ((5..=8).contains(&part.len())
                || (part.len() == 4 && part.as_bytes()[0].is_ascii_digit()))
        {
            3
        } else {
            return false;
        };
        stage = this;
    }
    true
}

/// What identifies one stored result, whatever database it sits in: who played which
/// scenario in which language, with which seed, from when to when, and the IRI base the
/// statements are minted under.
fn identity(base: &IriBase, s: &SessionRow) -> Value {
    json!([
        base.as_str(),
        s.trainee,
        s.drill,
        s.scenario,
        s.language,
        s.seed.to_string(),
        s.started_at,
        s.ended_at,
    ])
}

fn uuid_of(kind: &str, identity: &Value, more: &[Value]) -> String {
    let mut name = vec![Value::from(kind), identity.clone()];
    name.extend(more.iter().cloned());
    Uuid::new_v5(&ID_NAMESPACE, Value::Array(name).to_string().as_bytes())
        .hyphenated()
        .to_string()
}

/// The registration every statement of one result shares.
pub fn registration(base: &IriBase, s: &SessionRow) -> String {
    uuid_of("registration", &identity(base, s), &[])
}

/// The id of a result's "completed" statement. It changes with the grading version, so a
/// result regraded under a new model is a new statement rather than a clash with the old.
pub fn session_statement_id(base: &IriBase, s: &SessionRow) -> String {
    uuid_of("session", &identity(base, s), &[Value::from(s.grading)])
}

/// The id of the "answered" statement for decision `n` (from 0) of a result.
pub fn decision_statement_id(base: &IriBase, s: &SessionRow, n: u32) -> String {
    uuid_of(
        "decision",
        &identity(base, s),
        &[Value::from(s.grading), Value::from(n)],
    )
}

/// Writes statements under an IRI base, in a zone.
#[derive(Debug, Clone, Default)]
pub struct Xapi {
    pub base: IriBase,
}

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

impl Xapi {
    fn extension(&self, name: &str) -> String {
        self.base.iri(&["extensions", name])
    }

    fn actor(&self, s: &SessionRow) -> Value {
        json!({
            "objectType": "Agent",
            "name": s.trainee,
            "account": {
                "homePage": self.base.iri(&["trainees"]),
                "name": s.trainee,
            },
        })
    }

    fn scenario(&self, s: &SessionRow) -> Value {
        json!({
            "objectType": "Activity",
            "id": self.base.iri(&["scenarios", &s.scenario]),
            "definition": {
                "name": { language_tag(&s.language): s.title },
                "type": SIMULATION,
            },
        })
    }

    /// The context every statement of a result shares; `parent` for a decision's.
    fn context(&self, s: &SessionRow, parent: bool) -> Map<String, Value> {
        let mut context = Map::new();
        context.insert("registration".into(), registration(&self.base, s).into());
        let mut activities = Map::new();
        if parent {
            let id = self.base.iri(&["scenarios", &s.scenario]);
            activities.insert(
                "parent".into(),
                json!([{ "objectType": "Activity", "id": id }]),
            );
        }
        if let Some(drill) = &s.drill {
            let id = self.base.iri(&["drills", drill]);
            activities.insert(
                "grouping".into(),
                json!([{ "objectType": "Activity", "id": id }]),
            );
        }
        if !activities.is_empty() {
            context.insert("contextActivities".into(), Value::Object(activities));
        }
        context.insert("platform".into(), "Composure".into());
        context.insert("language".into(), language_tag(&s.language).into());
        context
    }

    /// The "completed" statement for one stored result.
    pub fn session_statement(&self, s: &SessionRow, zone: &Zone) -> Value {
        let mut context = self.context(s, false);
        context.insert(
            "extensions".into(),
            json!({
                self.extension("seed"): s.seed.to_string(),
                self.extension("hesitations"): s.hesitations,
                self.extension("version"): s.version,
                self.extension("grading"): s.grading,
            }),
        );
        json!({
            "id": session_statement_id(&self.base, s),
            "actor": self.actor(s),
            "verb": { "id": COMPLETED, "display": { "en": "completed" } },
            "object": self.scenario(s),
            "result": {
                "score": {
                    "scaled": f64::from(s.score) / 100.0,
                    "raw": s.score,
                    "min": 0,
                    "max": 100,
                },
                "success": success(s),
                "completion": true,
                "duration": super::dates::duration(s.ended_at.saturating_sub(s.started_at)),
            },
            "context": context,
            "timestamp": zone.rfc3339(s.ended_at),
        })
    }

    /// The "answered" statement for one decision of a result; `at` is when it was made.
    pub fn decision_statement(
        &self,
        s: &SessionRow,
        d: &DecisionRow,
        at: Millis,
        zone: &Zone,
    ) -> Value {
        let verdicts: Vec<Value> = d
            .verdicts
            .iter()
            .map(|v| json!({ "rule": v.rule, "follows": v.follows, "weight": v.weight }))
            .collect();
        let mut extensions = Map::new();
        extensions.insert(self.extension("verdicts"), verdicts.into());
        extensions.insert(self.extension("best"), d.best.clone().into());
        extensions.insert(self.extension("stake"), d.stake.into());
        extensions.insert(self.extension("hesitated"), d.hesitated.into());
        if let Some(rule) = &d.serious {
            extensions.insert(self.extension("serious"), rule.clone().into());
        }
        let mut result = Map::new();
        result.insert("score".into(), json!({ "scaled": d.score.clamp(0.0, 1.0) }));
        result.insert("success".into(), d.was_best.into());
        if !d.hesitated {
            result.insert("response".into(), d.choice.clone().into());
        }
        result.insert(
            "duration".into(),
            super::dates::duration(d.elapsed_ms).into(),
        );
        result.insert("extensions".into(), Value::Object(extensions));
        let mut context = self.context(s, true);
        context.insert(
            "extensions".into(),
            json!({ self.extension("decision"): d.n + 1 }),
        );
        json!({
            "id": decision_statement_id(&self.base, s, d.n),
            "actor": self.actor(s),
            "verb": { "id": ANSWERED, "display": { "en": "answered" } },
            "object": {
                "objectType": "Activity",
                "id": self.base.iri(&["scenarios", &s.scenario, "decisions", &d.node]),
                "definition": {
                    "name": { language_tag(&s.language): format!("{} · {}", s.title, d.node) },
                    "type": INTERACTION,
                    "interactionType": "choice",
                },
            },
            "result": result,
            "context": context,
            "timestamp": zone.rfc3339(at),
        })
    }

    /// Every statement of one result, in the order things happened: its decisions, then the
    /// conversation as a whole. A decision is timed at its end: the start plus the time every
    /// decision up to it took, never after the result's end.
    pub fn statements(
        &self,
        s: &SessionRow,
        decisions: &[&DecisionRow],
        zone: &Zone,
    ) -> Vec<Value> {
        let mut at = s.started_at;
        let mut out: Vec<Value> = decisions
            .iter()
            .map(|d| {
                at = at
                    .saturating_add(d.elapsed_ms)
                    .min(s.ended_at.max(s.started_at));
                self.decision_statement(s, d, at, zone)
            })
            .collect();
        out.push(self.session_statement(s, zone));
        out
    }

    /// Every statement of a report (gathered [`with decisions`](TeamReport::with_decisions)),
    /// result by result: what `--format xapi` prints and `--send` posts.
    pub fn report_statements(&self, report: &TeamReport) -> Vec<Value> {
        let mut by_session: HashMap<i64, Vec<&DecisionRow>> = HashMap::new();
        for d in &report.decisions {
            by_session.entry(d.session).or_default().push(d);
        }
        report
            .sessions
            .iter()
            .flat_map(|s| {
                let decisions = by_session.remove(&s.id).unwrap_or_default();
                self.statements(s, &decisions, &report.zone)
            })
            .collect()
    }
}

impl Export for Xapi {
    fn write(&self, report: &TeamReport, out: &mut dyn Write) -> io::Result<()> {
        let statements = self.report_statements(report);
        serde_json::to_writer_pretty(&mut *out, &statements)?;
        writeln!(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_iri_base_is_an_http_address_without_query_or_fragment() {
        let base = IriBase::parse("https://learning.example.org/composure/").unwrap();
        assert_eq!(base.as_str(), "https://learning.example.org/composure");
        assert!(IriBase::parse("http://lrs.local").is_ok());
        for bad in [
            "learning.example.org",
            "https://",
            "https:///x",
            "https://a b",
            "https://x/?q=1",
            "https://x/#top",
            "ftp://x",
        ] {
            assert!(IriBase::parse(bad).is_err(), "{bad}");
        }
        assert!(IriBase::default().is_placeholder());
    }

    #[test]
    fn names_in_iris_are_one_percent_encoded_segment() {
        let base = IriBase::parse("https://x.example").unwrap();
        assert_eq!(
            base.iri(&["drills", "Lee, Bo/ø"]),
            "https://x.example/drills/Lee%2C%20Bo%2F%C3%B8"
        );
    }

    #[test]
    fn language_tags_are_the_code_when_well_formed_else_undetermined() {
        for ok in [
            "en",
            "nb",
            "ru",
            "pt-BR",
            "zh-Hant-TW",
            "es-419",
            "de-CH-1901",
        ] {
            assert_eq!(language_tag(ok), ok);
        }
        for bad in ["", "e", "english!", "en_US", "en--US", "toolonglanguage"] {
            assert_eq!(language_tag(bad), "und", "{bad}");
        }
    }
}
