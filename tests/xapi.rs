//! The xAPI export as a learning record store takes it: every statement passes the xAPI 1.0.3
//! statement rules that apply to it (checked by the validator below, written from the
//! specification's data part), each decision is an "answered" statement beside the one per
//! session, language maps carry the session's language, and exporting again gives the same
//! statement ids, so an LRS files a batch once.

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use composure::drill::{find_drill, plan, play_scripted};
use composure::engine::Report;
use composure::report::dates::Zone;
use composure::report::{Export, IriBase, Sessions, TeamReport, Xapi};
use composure::rules::Rulebook;
use composure::scenario::Library;
use composure::store::{Filter, SessionRecord, Store};
use serde_json::{Map, Value, json};

// ---------------------------------------------------------------------------------------
// A validator for the rules of xAPI 1.0.3 (Part Two, "Experience API Data") that statements
// like Composure's meet or break.

/// Every way `statement` breaks the rules, as readable sentences; empty when it keeps them.
fn problems(statement: &Value) -> Vec<String> {
    let mut p = Problems(Vec::new());
    p.statement(statement);
    p.0
}

struct Problems(Vec<String>);

impl Problems {
    fn say(&mut self, what: String) {
        self.0.push(what);
    }

    /// An object whose keys are all among `allowed` ("additional properties SHOULD NOT be
    /// added", and an LRS may reject them).
    fn object<'a>(
        &mut self,
        at: &str,
        value: &'a Value,
        allowed: &[&str],
    ) -> Option<&'a Map<String, Value>> {
        let Some(map) = value.as_object() else {
            self.say(format!("{at} is not an object"));
            return None;
        };
        for key in map.keys() {
            if !allowed.contains(&key.as_str()) {
                self.say(format!("{at} has a property xAPI does not define: {key}"));
            }
        }
        Some(map)
    }

    fn statement(&mut self, s: &Value) {
        let Some(map) = self.object(
            "the statement",
            s,
            &[
                "id",
                "actor",
                "verb",
                "object",
                "result",
                "context",
                "timestamp",
                "stored",
                "authority",
                "version",
                "attachments",
            ],
        ) else {
            return;
        };
        match map.get("id") {
            Some(id) => self.uuid("id", id),
            None => self.say("the statement has no id (so a re-export would duplicate it)".into()),
        }
        match map.get("actor") {
            Some(actor) => self.agent("actor", actor),
            None => self.say("no actor".into()),
        }
        match map.get("verb") {
            Some(verb) => self.verb(verb),
            None => self.say("no verb".into()),
        }
        let activity = match map.get("object") {
            Some(object) => self.activity("object", object),
            None => {
                self.say("no object".into());
                false
            }
        };
        if let Some(result) = map.get("result") {
            self.result(result);
        }
        if let Some(context) = map.get("context") {
            self.context(context, activity);
        }
        if let Some(t) = map.get("timestamp") {
            self.timestamp("timestamp", t);
        }
        for set_by_lrs in ["stored", "authority"] {
            if map.contains_key(set_by_lrs) {
                self.say(format!("{set_by_lrs} is set by the LRS, not the provider"));
            }
        }
    }

    fn uuid(&mut self, at: &str, value: &Value) {
        let ok = value.as_str().is_some_and(|s| {
            let groups: Vec<&str> = s.split('-').collect();
            groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12])
                && groups
                    .iter()
                    .all(|g| g.bytes().all(|b| b.is_ascii_hexdigit()))
                && matches!(s.as_bytes()[19], b'8' | b'9' | b'a' | b'b' | b'A' | b'B')
        });
        if !ok {
            self.say(format!(
                "{at} is not a UUID of variant 2 in standard form: {value}"
            ));
        }
    }

    fn iri(&mut self, at: &str, value: &Value) {
        if !value.as_str().is_some_and(is_iri) {
            self.say(format!("{at} is not an absolute IRI: {value}"));
        }
    }

    fn agent(&mut self, at: &str, agent: &Value) {
        let Some(map) = self.object(
            at,
            agent,
            &[
                "objectType",
                "name",
                "mbox",
                "mbox_sha1sum",
                "openid",
                "account",
            ],
        ) else {
            return;
        };
        if map.get("objectType").is_some_and(|t| t != "Agent") {
            self.say(format!("{at}.objectType is not Agent"));
        }
        if map.get("name").is_some_and(|n| !n.is_string()) {
            self.say(format!("{at}.name is not a string"));
        }
        let ifis = ["mbox", "mbox_sha1sum", "openid", "account"]
            .iter()
            .filter(|k| map.contains_key(**k))
            .count();
        if ifis != 1 {
            self.say(format!(
                "{at} has {ifis} inverse functional identifiers, not exactly one"
            ));
        }
        if let Some(account) = map.get("account")
            && let Some(acc) = self.object(&format!("{at}.account"), account, &["homePage", "name"])
        {
            match acc.get("homePage") {
                Some(home) => self.iri(&format!("{at}.account.homePage"), home),
                None => self.say(format!("{at}.account has no homePage")),
            }
            if !acc.get("name").is_some_and(Value::is_string) {
                self.say(format!("{at}.account.name is not a string"));
            }
        }
    }

    fn verb(&mut self, verb: &Value) {
        let Some(map) = self.object("verb", verb, &["id", "display"]) else {
            return;
        };
        match map.get("id") {
            Some(id) => self.iri("verb.id", id),
            None => self.say("verb has no id".into()),
        }
        match map.get("display") {
            Some(display) => self.language_map("verb.display", display),
            None => self.say("verb has no display".into()),
        }
    }

    fn language_map(&mut self, at: &str, value: &Value) {
        let Some(map) = value.as_object() else {
            self.say(format!("{at} is not a language map"));
            return;
        };
        if map.is_empty() {
            self.say(format!("{at} is empty"));
        }
        for (tag, text) in map {
            if !is_language_tag(tag) {
                self.say(format!("{at} has a key that is not an RFC 5646 tag: {tag}"));
            }
            if !text.is_string() {
                self.say(format!("{at}.{tag} is not a string"));
            }
        }
    }

    fn extensions(&mut self, at: &str, value: &Value) {
        let Some(map) = value.as_object() else {
            self.say(format!("{at} is not an object"));
            return;
        };
        for key in map.keys() {
            if !is_iri(key) {
                self.say(format!("{at} has a key that is not an IRI: {key}"));
            }
        }
    }

    /// Checks an activity; true when the value is one (rather than an agent or a statement).
    fn activity(&mut self, at: &str, value: &Value) -> bool {
        let Some(map) = self.object(at, value, &["objectType", "id", "definition"]) else {
            return false;
        };
        if map.get("objectType").is_some_and(|t| t != "Activity") {
            self.say(format!("{at}.objectType is not Activity"));
            return false;
        }
        match map.get("id") {
            Some(id) => self.iri(&format!("{at}.id"), id),
            None => self.say(format!("{at} has no id")),
        }
        if let Some(definition) = map.get("definition") {
            self.definition(&format!("{at}.definition"), definition);
        }
        true
    }

    fn definition(&mut self, at: &str, value: &Value) {
        let Some(map) = self.object(
            at,
            value,
            &[
                "name",
                "description",
                "type",
                "moreInfo",
                "extensions",
                "interactionType",
                "correctResponsesPattern",
                "choices",
                "scale",
                "source",
                "target",
                "steps",
            ],
        ) else {
            return;
        };
        for key in ["name", "description"] {
            if let Some(v) = map.get(key) {
                self.language_map(&format!("{at}.{key}"), v);
            }
        }
        for key in ["type", "moreInfo"] {
            if let Some(v) = map.get(key) {
                self.iri(&format!("{at}.{key}"), v);
            }
        }
        if let Some(v) = map.get("extensions") {
            self.extensions(&format!("{at}.extensions"), v);
        }
        if let Some(kind) = map.get("interactionType") {
            let known = [
                "true-false",
                "choice",
                "fill-in",
                "long-fill-in",
                "matching",
                "performance",
                "sequencing",
                "likert",
                "numeric",
                "other",
            ];
            if !kind.as_str().is_some_and(|k| known.contains(&k)) {
                self.say(format!(
                    "{at}.interactionType is not one xAPI knows: {kind}"
                ));
            }
        }
    }

    fn result(&mut self, value: &Value) {
        let Some(map) = self.object(
            "result",
            value,
            &[
                "score",
                "success",
                "completion",
                "response",
                "duration",
                "extensions",
            ],
        ) else {
            return;
        };
        if let Some(score) = map.get("score") {
            self.score(score);
        }
        for key in ["success", "completion"] {
            if map.get(key).is_some_and(|v| !v.is_boolean()) {
                self.say(format!("result.{key} is not a boolean"));
            }
        }
        if map.get("response").is_some_and(|v| !v.is_string()) {
            self.say("result.response is not a string".into());
        }
        if let Some(d) = map.get("duration")
            && !d.as_str().is_some_and(is_duration)
        {
            self.say(format!("result.duration is not an ISO 8601 duration: {d}"));
        }
        if let Some(v) = map.get("extensions") {
            self.extensions("result.extensions", v);
        }
    }

    fn score(&mut self, value: &Value) {
        let Some(map) = self.object("result.score", value, &["scaled", "raw", "min", "max"]) else {
            return;
        };
        let number = |p: &mut Problems, key: &str| {
            let v = map.get(key)?;
            let n = v.as_f64();
            if n.is_none() {
                p.say(format!("result.score.{key} is not a number"));
            }
            n
        };
        let scaled = number(self, "scaled");
        let (raw, min, max) = (
            number(self, "raw"),
            number(self, "min"),
            number(self, "max"),
        );
        if scaled.is_some_and(|s| !(-1.0..=1.0).contains(&s)) {
            self.say(format!("result.score.scaled {scaled:?} is outside -1..1"));
        }
        if let (Some(min), Some(max)) = (min, max)
            && min >= max
        {
            self.say(format!("result.score.min {min} is not below max {max}"));
        }
        if let Some(raw) = raw
            && (min.is_some_and(|m| raw < m) || max.is_some_and(|m| raw > m))
        {
            self.say(format!("result.score.raw {raw} is outside min..max"));
        }
    }

    fn context(&mut self, value: &Value, object_is_activity: bool) {
        let Some(map) = self.object(
            "context",
            value,
            &[
                "registration",
                "instructor",
                "team",
                "contextActivities",
                "revision",
                "platform",
                "language",
                "statement",
                "extensions",
            ],
        ) else {
            return;
        };
        if let Some(r) = map.get("registration") {
            self.uuid("context.registration", r);
        }
        for key in ["revision", "platform"] {
            match map.get(key) {
                Some(v) if !v.is_string() => self.say(format!("context.{key} is not a string")),
                Some(_) if !object_is_activity => {
                    self.say(format!(
                        "context.{key} is set but the object is no activity"
                    ));
                }
                _ => {}
            }
        }
        if let Some(lang) = map.get("language")
            && !lang.as_str().is_some_and(is_language_tag)
        {
            self.say(format!("context.language is not an RFC 5646 tag: {lang}"));
        }
        if let Some(activities) = map.get("contextActivities")
            && let Some(kinds) = self.object(
                "context.contextActivities",
                activities,
                &["parent", "grouping", "category", "other"],
            )
        {
            for (kind, list) in kinds {
                let items = match list {
                    Value::Array(items) => items.iter().collect(),
                    single => vec![single],
                };
                for (i, item) in items.into_iter().enumerate() {
                    self.activity(&format!("context.contextActivities.{kind}[{i}]"), item);
                }
            }
        }
        if let Some(v) = map.get("extensions") {
            self.extensions("context.extensions", v);
        }
    }

    /// ISO 8601 as RFC 3339 profiles it, to the millisecond, with its offset.
    fn timestamp(&mut self, at: &str, value: &Value) {
        let Some(text) = value.as_str() else {
            self.say(format!("{at} is not a string"));
            return;
        };
        let b = text.as_bytes();
        let digits =
            |r: std::ops::Range<usize>| r.clone().all(|i| b.get(i).is_some_and(u8::is_ascii_digit));
        let shape = digits(0..4)
            && b.get(4) == Some(&b'-')
            && digits(5..7)
            && b.get(7) == Some(&b'-')
            && digits(8..10)
            && b.get(10) == Some(&b'T')
            && digits(11..13)
            && b.get(13) == Some(&b':')
            && digits(14..16)
            && b.get(16) == Some(&b':')
            && digits(17..19)
            && b.get(19) == Some(&b'.')
            && digits(20..23);
        let offset = &text[text.len().saturating_sub(6)..];
        let has_offset = text.ends_with('Z')
            || (offset.len() == 6
                && matches!(offset.as_bytes()[0], b'+' | b'-')
                && offset.as_bytes()[3] == b':');
        if !shape || !has_offset || text.parse::<jiff::Timestamp>().is_err() {
            self.say(format!(
                "{at} is not an RFC 3339 time with milliseconds and an offset: {text}"
            ));
        }
    }
}

/// An absolute IRI: a scheme, a colon and the rest, with nothing an IRI may not hold; for
/// http and https, an authority with a host.
fn is_iri(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once(':') else {
        return false;
    };
    let scheme_ok = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    let chars_ok = !rest.is_empty()
        && !text
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "<>\"{}|\\^`".contains(c));
    let web = matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https");
    let host_ok = !web
        || rest
            .strip_prefix("//")
            .is_some_and(|r| !r.split(['/', '?', '#']).next().unwrap_or("").is_empty());
    scheme_ok && chars_ok && host_ok
}

/// An RFC 5646 language tag, checked by the lengths and kinds of its subtags: language
/// (2–3 letters, with up to three 3-letter extlangs, or 4–8 letters), then optionally
/// script (4 letters), region (2 letters or 3 digits), variants (5–8 characters, or a digit
/// and 3), extensions (a singleton and subtags of 2–8) and a private use part (`x-…`).
fn is_language_tag(tag: &str) -> bool {
    let parts: Vec<&str> = tag.split('-').collect();
    let alpha = |s: &str| s.bytes().all(|b| b.is_ascii_alphabetic());
    let alnum = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric());
    if parts.iter().any(|p| !alnum(p) || p.len() > 8) {
        return false;
    }
    let mut i = 0;
    let private =
        |from: usize| parts.len() > from + 1 && parts[from + 1..].iter().all(|p| p.len() <= 8);
    if parts[0].eq_ignore_ascii_case("x") {
        return private(0);
    }
    if !(alpha(parts[0]) && (2..=8).contains(&parts[0].len())) {
        return false;
    }
    i += 1;
    if parts[0].len() <= 3 {
        let mut extlangs = 0;
        while i < parts.len() && parts[i].len() == 3 && alpha(parts[i]) && extlangs < 3 {
            i += 1;
            extlangs += 1;
        }
    }
    if i < parts.len() && parts[i].len() == 4 && alpha(parts[i]) {
        i += 1;
    }
    if i < parts.len()
        && ((parts[i].len() == 2 && alpha(parts[i]))
            || (parts[i].len() == 3 && parts[i].bytes().all(|b| b.is_ascii_digit())))
    {
        i += 1;
    }
    while i < parts.len()
        && ((5..=8).contains(&parts[i].len())
            || (parts[i].len() == 4 && parts[i].as_bytes()[0].is_ascii_digit()))
    {
        i += 1;
    }
    while i < parts.len() && parts[i].len() == 1 && !parts[i].eq_ignore_ascii_case("x") {
        let start = i;
        i += 1;
        while i < parts.len() && (2..=8).contains(&parts[i].len()) {
            i += 1;
        }
        if i == start + 1 {
            return false;
        }
    }
    if i < parts.len() && parts[i].eq_ignore_ascii_case("x") {
        return private(i);
    }
    i == parts.len()
}

/// ISO 8601 durations in the format xAPI allows (4.4.3.2): `PnYnMnDTnHnMnS` with any part
/// left out but at least one kept, only the last figure with a fraction, or `PnW`.
fn is_duration(text: &str) -> bool {
    let Some(rest) = text.strip_prefix('P') else {
        return false;
    };
    if let Some(weeks) = rest.strip_suffix('W') {
        return !weeks.is_empty() && weeks.bytes().all(|b| b.is_ascii_digit());
    }
    let (date, time) = match rest.split_once('T') {
        Some((d, t)) if !t.is_empty() => (d, Some(t)),
        Some(_) => return false,
        None => (rest, None),
    };
    let parts = |text: &str, units: &[u8]| -> Option<usize> {
        let mut count = 0;
        let mut number = String::new();
        let mut next_unit = 0;
        for c in text.chars() {
            if c.is_ascii_digit() || c == '.' {
                number.push(c);
                continue;
            }
            let unit = units[next_unit..]
                .iter()
                .position(|u| char::from(*u) == c)?;
            next_unit += unit + 1;
            let ok = !number.is_empty()
                && number.matches('.').count() <= 1
                && !number.starts_with('.')
                && !number.ends_with('.');
            if !ok {
                return None;
            }
            number.clear();
            count += 1;
        }
        number.is_empty().then_some(count)
    };
    let Some(d) = parts(date, b"YMD") else {
        return false;
    };
    let t = match time {
        Some(t) => match parts(t, b"HMS") {
            Some(0) | None => return false,
            Some(n) => n,
        },
        None => 0,
    };
    d + t > 0
}

#[test]
fn the_validator_catches_what_an_lrs_would_refuse() {
    let good = json!({
        "id": "2f1a0c8e-3b4d-5e6f-8a9b-0c1d2e3f4a5b",
        "actor": { "objectType": "Agent", "account": { "homePage": "https://x.example", "name": "a" } },
        "verb": { "id": "http://adlnet.gov/expapi/verbs/answered", "display": { "en": "answered" } },
        "object": { "objectType": "Activity", "id": "https://x.example/a" },
        "result": { "score": { "scaled": 0.5, "raw": 5, "min": 0, "max": 10 }, "duration": "PT1.5S" },
        "context": { "registration": "2f1a0c8e-3b4d-5e6f-8a9b-0c1d2e3f4a5b", "language": "nb" },
        "timestamp": "2026-01-05T10:30:07.250+01:00",
    });
    assert_eq!(problems(&good), Vec::<String>::new());
    let broken: &[(&str, Value)] = &[
        ("/id", json!("not-a-uuid")),
        ("/actor/mbox", json!("mailto:a@x.example")),
        ("/verb/id", json!("answered")),
        ("/verb/display", json!({ "en_US": "answered" })),
        ("/object/id", json!("https://")),
        ("/result/score/scaled", json!(1.5)),
        ("/result/score/raw", json!(11)),
        ("/result/duration", json!("1.5 seconds")),
        ("/result/extensions", json!({ "verdicts": [] })),
        ("/context/registration", json!("123")),
        ("/context/language", json!("en_GB")),
        ("/timestamp", json!("2026-01-05T10:30:07.250")),
        ("/timestamp", json!("2026-01-05T10:30:07+01:00")),
        ("/extra", json!(1)),
    ];
    for (at, value) in broken {
        let mut bad = good.clone();
        let (parent, key) = at.rsplit_once('/').unwrap();
        bad.pointer_mut(parent)
            .unwrap()
            .as_object_mut()
            .unwrap()
            .insert(key.to_owned(), value.clone());
        assert!(!problems(&bad).is_empty(), "{at} = {value} passed");
    }
    let mut no_id = good.clone();
    no_id.as_object_mut().unwrap().remove("id");
    assert!(!problems(&no_id).is_empty());
    for ok in ["PT0S", "PT2M13S", "P3Y1M29DT4H35M59.14S", "P4W", "PT0.4S"] {
        assert!(is_duration(ok), "{ok}");
    }
    for bad in ["P", "PT", "P4W1D", "PT1.S", "T1S", "PT1S2M"] {
        assert!(!is_duration(bad), "{bad}");
    }
    for ok in [
        "en",
        "nb",
        "ru",
        "en-US",
        "zh-Hant-TW",
        "es-419",
        "de-CH-1901",
        "x-private",
        "en-a-bbb-x-ccc",
    ] {
        assert!(is_language_tag(ok), "{ok}");
    }
    for bad in ["", "e", "en_US", "en--US", "toolonglang", "en-a", "1en"] {
        assert!(!is_language_tag(bad), "{bad}");
    }
}

// ---------------------------------------------------------------------------------------
// Results to export.

fn rules() -> Rulebook {
    Rulebook::embedded().unwrap()
}

const DAY: u64 = 86_400_000;
/// 2024-10-04T00:00Z.
const START: u64 = 20_000 * DAY;

/// The washer scenario played with `answers` in `language` ("-" is a silence), as a drill
/// item starting at `started`.
fn a_report(language: &str, seed: u64, answers: &[&str], started: u64) -> Report {
    let library = Library::embedded(&rules());
    let drill = find_drill("first-week", &library).unwrap().unwrap();
    let mut item = plan(&drill, &library, language).items.remove(0);
    assert_eq!(item.scenario.scenario().language, language);
    item.seed = seed;
    let mut clock = started;
    play_scripted(
        &item,
        30_000,
        &mut answers.iter().copied(),
        &mut clock,
        &rules(),
    )
    .unwrap()
}

const WASHER: &[&str] = &[
    "-",
    "open-tone",
    "heated-reset",
    "fault-agree-then",
    "when-concrete",
    "money-boundaries",
    "kit-extra",
];
const WASHER_BADLY: &[&str] = &[
    "open-cold",
    "story-book-now",
    "who-same-side",
    "fault-concede",
    "trap-walk-back",
    "kit-lecture",
];

fn save(store: &mut Store, trainee: &str, drill: Option<&str>, report: Report) {
    let ended_at = report
        .steps
        .iter()
        .map(|s| s.elapsed_ms)
        .fold(report.started_at_ms, u64::saturating_add)
        + 1_000;
    store
        .save(&SessionRecord {
            trainee: trainee.to_owned(),
            drill: drill.map(str::to_owned),
            report,
            ended_at,
            version: "test".to_owned(),
        })
        .unwrap();
}

/// Three results: in English with a silence, in Norwegian under a drill, in Russian.
fn results(dir: &Path) -> Store {
    let mut store = Store::open_in(dir).unwrap();
    save(&mut store, "Ann", None, a_report("en", 1, WASHER, START));
    save(
        &mut store,
        "Lee, Bo",
        Some("first-week"),
        a_report("nb", 2, WASHER_BADLY, START + DAY),
    );
    save(
        &mut store,
        "Олег",
        None,
        a_report("ru", 3, WASHER, START + 2 * DAY),
    );
    store
}

fn export(store: &Store, base: &str, zone: &Zone) -> Vec<Value> {
    let filter = Filter::default();
    let report = TeamReport::build(
        store,
        &filter,
        &rules(),
        START + 3 * DAY,
        zone,
        Sessions::All,
    )
    .unwrap()
    .with_decisions(store, &filter)
    .unwrap();
    let xapi = Xapi {
        base: IriBase::parse(base).unwrap(),
    };
    let mut out = Vec::new();
    xapi.write(&report, &mut out).unwrap();
    serde_json::from_slice::<Value>(&out)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

const BASE: &str = "https://learning.example.org/composure";

fn verb(s: &Value) -> &str {
    s["verb"]["id"].as_str().unwrap()
}

fn ids(statements: &[Value]) -> Vec<String> {
    statements
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_owned())
        .collect()
}

// ---------------------------------------------------------------------------------------

#[test]
fn every_statement_keeps_the_xapi_1_0_3_statement_rules() {
    let dir = tempfile::tempdir().unwrap();
    let store = results(dir.path());
    for zone in [Zone::UTC, Zone::named("Europe/Oslo").unwrap()] {
        let statements = export(&store, BASE, &zone);
        assert!(statements.len() > 3);
        for s in &statements {
            assert_eq!(problems(s), Vec::<String>::new(), "{s:#}");
            for key in [
                "/actor/account/homePage",
                "/object/id",
                "/context/extensions",
            ] {
                if let Some(Value::String(iri)) = s.pointer(key) {
                    assert!(iri.starts_with(BASE), "{iri}");
                }
            }
        }
        // The placeholder base is a valid IRI too.
        for s in export(&store, "https://composure.invalid/xapi", &zone) {
            assert_eq!(problems(&s), Vec::<String>::new(), "{s:#}");
        }
    }
}

#[test]
fn each_decision_is_an_answered_statement_with_the_choice_and_the_verdicts() {
    let dir = tempfile::tempdir().unwrap();
    let store = results(dir.path());
    let statements = export(&store, BASE, &Zone::UTC);
    let sessions = store.sessions(&Filter::default(), None).unwrap();
    let completed: Vec<&Value> = statements
        .iter()
        .filter(|s| verb(s) == "http://adlnet.gov/expapi/verbs/completed")
        .collect();
    assert_eq!(completed.len(), sessions.len());
    let decisions = store.decisions(&Filter::default()).unwrap();
    let answered: Vec<&Value> = statements
        .iter()
        .filter(|s| verb(s) == "http://adlnet.gov/expapi/verbs/answered")
        .collect();
    assert_eq!(answered.len(), decisions.len());
    assert_eq!(answered.len() + completed.len(), statements.len());

    for session in &sessions {
        let registration = |s: &&Value| s["context"]["registration"].clone();
        let done = completed
            .iter()
            .find(|s| {
                s["context"]["extensions"][format!("{BASE}/extensions/seed")]
                    .as_str()
                    .and_then(|seed| seed.parse::<u64>().ok())
                    == Some(session.seed)
            })
            .unwrap();
        let mine: Vec<&&Value> = answered
            .iter()
            .filter(|s| registration(s) == registration(done))
            .collect();
        let theirs: Vec<_> = decisions
            .iter()
            .filter(|d| d.session == session.id)
            .collect();
        assert_eq!(
            mine.len(),
            theirs.len(),
            "one answered statement per decision"
        );
        for (s, d) in mine.iter().zip(&theirs) {
            let result = &s["result"];
            if d.hesitated {
                assert!(
                    result.get("response").is_none(),
                    "a silence has no response"
                );
                assert_eq!(
                    result["extensions"][format!("{BASE}/extensions/hesitated")],
                    true
                );
            } else {
                assert_eq!(result["response"], d.choice.as_str());
            }
            assert_eq!(result["success"], d.was_best);
            assert!((result["score"]["scaled"].as_f64().unwrap() - d.score).abs() < 1e-12);
            let verdicts = result["extensions"][format!("{BASE}/extensions/verdicts")]
                .as_array()
                .unwrap();
            assert_eq!(verdicts.len(), d.verdicts.len());
            for (v, want) in verdicts.iter().zip(&d.verdicts) {
                assert_eq!(v["rule"], want.rule.as_str());
                assert_eq!(v["follows"], want.follows);
                assert_eq!(v["weight"], want.weight);
            }
            assert_eq!(
                s["object"]["id"],
                format!("{BASE}/scenarios/{}/decisions/{}", session.scenario, d.node)
            );
            assert_eq!(s["object"]["definition"]["interactionType"], "choice");
            assert_eq!(
                s["context"]["contextActivities"]["parent"][0]["id"],
                format!("{BASE}/scenarios/{}", session.scenario)
            );
            // Decisions are timed within the conversation, in order.
            let at = |s: &Value| {
                s["timestamp"]
                    .as_str()
                    .unwrap()
                    .parse::<jiff::Timestamp>()
                    .unwrap()
            };
            assert!(at(s) <= at(done));
        }
        assert!(!mine.is_empty());
    }
    // The silence in Ann's conversation.
    assert!(
        answered
            .iter()
            .any(|s| s["result"].get("response").is_none())
    );
}

#[test]
fn language_maps_and_the_context_carry_the_sessions_language() {
    let dir = tempfile::tempdir().unwrap();
    let store = results(dir.path());
    let statements = export(&store, BASE, &Zone::UTC);
    let mut seen = BTreeSet::new();
    for s in &statements {
        let language = s["context"]["language"].as_str().unwrap().to_owned();
        let name = s["object"]["definition"]["name"].as_object().unwrap();
        assert_eq!(name.keys().collect::<Vec<_>>(), [&language], "{s:#}");
        assert!(!name[&language].as_str().unwrap().is_empty());
        assert_eq!(
            s["verb"]["display"]
                .as_object()
                .unwrap()
                .keys()
                .collect::<Vec<_>>(),
            ["en"]
        );
        seen.insert(language);
    }
    assert_eq!(
        seen,
        BTreeSet::from(["en".into(), "nb".into(), "ru".into()])
    );
    let nb = statements
        .iter()
        .find(|s| s["context"]["language"] == "nb" && verb(s).ends_with("completed"))
        .unwrap();
    assert_eq!(
        nb["context"]["contextActivities"]["grouping"][0]["id"],
        format!("{BASE}/drills/first-week")
    );
}

#[test]
fn a_re_export_gives_the_same_statement_ids() {
    let dir = tempfile::tempdir().unwrap();
    let store = results(dir.path());
    let first = export(&store, BASE, &Zone::UTC);
    let again = export(&store, BASE, &Zone::UTC);
    assert_eq!(first, again, "the same results export the same statements");
    // In another zone only the timestamps' offsets differ, never the ids or the instants.
    let oslo = export(&store, BASE, &Zone::named("Europe/Oslo").unwrap());
    assert_eq!(ids(&first), ids(&oslo));
    for (a, b) in first.iter().zip(&oslo) {
        let at = |s: &Value| {
            s["timestamp"]
                .as_str()
                .unwrap()
                .parse::<jiff::Timestamp>()
                .unwrap()
        };
        assert_eq!(at(a), at(b));
        assert_ne!(a["timestamp"], b["timestamp"]);
    }
    let unique: BTreeSet<String> = ids(&first).into_iter().collect();
    assert_eq!(unique.len(), first.len(), "every statement has its own id");
    // Each result's statements share one registration, and results do not share theirs.
    let registrations: BTreeSet<String> = first
        .iter()
        .map(|s| s["context"]["registration"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(registrations.len(), 3);
    // Another organisation's base mints other statements.
    let other = export(&store, "https://other.example/xapi", &Zone::UTC);
    assert!(ids(&other).iter().all(|id| !unique.contains(id)));
    // A later result adds statements without changing the earlier ones.
    drop(store);
    let mut store = Store::open_in(dir.path()).unwrap();
    save(
        &mut store,
        "Ann",
        None,
        a_report("en", 4, WASHER, START + 5 * DAY),
    );
    let more = export(&store, BASE, &Zone::UTC);
    let more_ids: BTreeSet<String> = ids(&more).into_iter().collect();
    assert!(unique.is_subset(&more_ids));
    assert!(more_ids.len() > unique.len());
}

fn composure(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_composure"));
    cmd.arg("--data-dir")
        .arg(dir)
        .env_remove("COMPOSURE_IRI_BASE")
        .env("TZ", "Europe/Oslo");
    cmd
}

#[test]
fn the_command_line_exports_the_same_ids_twice_under_the_base_it_is_given() {
    let dir = tempfile::tempdir().unwrap();
    drop(results(dir.path()));
    let run = |cmd: &mut Command| {
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let statements: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
        (
            statements,
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let xapi = ["report", "--format", "xapi"];
    let (flag, stderr) = run(composure(dir.path()).args(xapi).args(["--iri-base", BASE]));
    assert!(!stderr.contains("placeholder"), "{stderr}");
    let (again, _) = run(composure(dir.path()).args(xapi).args(["--iri-base", BASE]));
    assert_eq!(ids(&flag), ids(&again));
    assert_eq!(flag, again);
    for s in &flag {
        assert_eq!(problems(s), Vec::<String>::new());
        assert!(
            s["timestamp"].as_str().unwrap().ends_with("+02:00"),
            "Oslo in October"
        );
    }
    let (env, _) = run(composure(dir.path())
        .args(xapi)
        .env("COMPOSURE_IRI_BASE", format!("{BASE}/")));
    assert_eq!(ids(&env), ids(&flag), "the variable sets the same base");
    let (placeholder, stderr) = run(composure(dir.path()).args(xapi));
    assert!(
        stderr.contains("placeholder IRI base https://composure.invalid/xapi"),
        "{stderr}"
    );
    assert!(stderr.contains("--iri-base"), "{stderr}");
    assert!(
        placeholder[0]["object"]["id"]
            .as_str()
            .unwrap()
            .starts_with("https://composure.invalid/xapi/")
    );

    for (args, env, says) in [
        (vec!["--iri-base", "learning.example.org"], None, "https://"),
        (vec![], Some("not an iri"), "COMPOSURE_IRI_BASE"),
    ] {
        let mut cmd = composure(dir.path());
        cmd.args(xapi).args(&args);
        if let Some(env) = env {
            cmd.env("COMPOSURE_IRI_BASE", env);
        }
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?} {env:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(says), "{stderr}");
    }
    let out = composure(dir.path())
        .args(["report", "--format", "csv", "--iri-base", BASE])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--format xapi"));
}

#[test]
fn stored_decisions_read_back_with_the_verdicts_the_transcript_has() {
    let dir = tempfile::tempdir().unwrap();
    let store = results(dir.path());
    let decisions = store.decisions(&Filter::default()).unwrap();
    let sessions = store.sessions(&Filter::default(), None).unwrap();
    let mut total = 0;
    for session in &sessions {
        let transcript = store.report(session.id).unwrap().unwrap();
        let mine: Vec<_> = decisions
            .iter()
            .filter(|d| d.session == session.id)
            .collect();
        assert_eq!(mine.len(), transcript.steps.len());
        for (d, step) in mine.iter().zip(&transcript.steps) {
            assert_eq!(d.node, step.node);
            assert_eq!(d.hesitated, step.hesitated);
            assert_eq!(d.elapsed_ms, step.elapsed_ms);
            assert_eq!(d.stake, step.stake);
            assert_eq!(d.serious, step.serious);
            let want: Vec<(&str, bool, u8)> = step
                .verdicts
                .iter()
                .map(|v| (v.rule.as_str(), v.follows, v.weight))
                .collect();
            let got: Vec<(&str, bool, u8)> = d
                .verdicts
                .iter()
                .map(|v| (v.rule.as_str(), v.follows, v.weight))
                .collect();
            assert_eq!(got, want, "{} decision {}", session.scenario, d.n);
            total += got.len();
        }
    }
    assert!(total > 10, "the fixture has verdicts to compare");
    // A filter narrows decisions as it narrows sessions.
    let ann = store.decisions(&Filter::trainee("Ann")).unwrap();
    assert!(!ann.is_empty() && ann.len() < decisions.len());
}
