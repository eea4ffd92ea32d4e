//! Reading a drill file: the RON parse with positioned errors, then the checks against the
//! scenario library (every scenario named exists, every client type has a scenario, the
//! count and time limit make sense). Problems come out in the same `file:line:col` shape as
//! a scenario's, so `composure check` prints both alike.

use std::path::Path;

use super::model::{DRILL_FORMAT, Drill, Pick, SECONDS_MAX, SECONDS_MIN};
use crate::labels;
use crate::lang::Lang;
use crate::scenario::comments::refused_in_comments;
use crate::scenario::load::{explain_ron, read_source, ron_options};
use crate::scenario::locate::Locator;
use crate::scenario::sanitize::{first_refused, for_message};
use crate::scenario::validate::is_valid_id;
use crate::scenario::{Library, Position, Problem, Severity};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_drills.rs"));
}

/// The drills shipped in the binary as (file name, text), in file-name order.
pub fn embedded_drills() -> impl Iterator<Item = (String, &'static str)> {
    embedded::DRILLS
        .iter()
        .map(|(name, text)| (format!("drills/{name}"), *text))
}

/// Whether a text is a drill file rather than a scenario: its first value is `Drill(`.
pub fn is_drill_source(source: &str) -> bool {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    crate::scenario::load::skip_comments(source).starts_with("Drill")
}

/// Parses and checks a drill's text; `origin` names it in problems.
pub fn load_drill_source(
    origin: &str,
    source: &str,
    library: &Library,
) -> Result<Drill, Vec<Problem>> {
    let problem = |position: Position, message: String| Problem {
        code: None,
        severity: Severity::Error,
        file: origin.to_owned(),
        position: Some(position),
        message,
    };
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut found: Vec<Problem> = refused_in_comments(source)
        .into_iter()
        .map(|(at, message)| problem(at, message))
        .collect();
    let drill: Drill = match ron_options().from_str(source) {
        Ok(drill) => drill,
        Err(e) => {
            let at = Position {
                line: e.span.start.line.max(1),
                col: e.span.start.col.max(1),
            };
            found.push(problem(at, explain_ron(&e.code)));
            return Err(found);
        }
    };
    let loc = Locator::new(source);
    if drill.format != DRILL_FORMAT {
        found.push(problem(
            loc.top("format"),
            format!(
                "format {} is not supported; this version of Composure reads drill format {DRILL_FORMAT}",
                drill.format
            ),
        ));
    }
    if !is_valid_id(&drill.id) {
        found.push(problem(
            loc.top("id"),
            format!(
                "\"{}\" cannot be a drill id: use lowercase letters a-z, digits 0-9 and dashes",
                drill.id
            ),
        ));
    }
    if drill.name.trim().is_empty() {
        found.push(problem(loc.top("name"), "the name is empty".to_owned()));
    }
    // The name and description go on the trainee's screen: nothing a terminal would obey.
    for (key, text) in [("name", &drill.name), ("description", &drill.description)] {
        if let Some((_, c, why)) = first_refused(text) {
            found.push(problem(
                loc.top(key),
                format!(
                    "the {key} contains U+{:04X}, {why}; remove it",
                    u32::from(c)
                ),
            ));
        }
    }
    for (language, text) in &drill.translations {
        let at = loc.map_key("translations", language);
        let shown = for_message(language);
        if Lang::parse(language).map(Lang::code) != Some(language.as_str()) {
            let codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
            found.push(problem(
                at,
                format!(
                    "translations: \"{shown}\" is not a language Composure speaks; use one of {}",
                    codes.join(", ")
                ),
            ));
        }
        if text.name.trim().is_empty() {
            found.push(problem(
                at,
                format!("translations: the \"{shown}\" name is empty"),
            ));
        }
        for (key, value) in [("name", &text.name), ("description", &text.description)] {
            if let Some((_, c, why)) = first_refused(value) {
                found.push(problem(
                    at,
                    format!(
                        "translations: the \"{shown}\" {key} contains U+{:04X}, {why}; remove it",
                        u32::from(c)
                    ),
                ));
            }
        }
    }
    if drill.scenarios.is_empty() {
        found.push(problem(
            loc.top("scenarios"),
            "no scenarios: list at least one, as Scenario(\"id\") or ClientType(Rude)".to_owned(),
        ));
    }
    let mut available = Vec::new();
    for (i, pick) in drill.scenarios.iter().enumerate() {
        match pick {
            Pick::Scenario(id) => match library.get(id, "en").map(|(s, _)| s) {
                Some(s) => available.push(s.id()),
                None => {
                    let ids: Vec<&str> = library.scenarios().iter().map(|s| s.id()).collect();
                    found.push(problem(
                        loc.list_item("scenarios", i),
                        crate::suggest::unknown_id("scenario", id, &ids),
                    ));
                }
            },
            Pick::ClientType(kind) => {
                let ids: Vec<&str> = library
                    .scenarios()
                    .iter()
                    .filter(|s| s.scenario().client_type == *kind)
                    .map(|s| s.id())
                    .collect();
                if ids.is_empty() {
                    found.push(problem(
                        loc.list_item("scenarios", i),
                        format!(
                            "no scenario in the library has the client type {}",
                            labels::client_type_slug(*kind)
                        ),
                    ));
                }
                available.extend(ids);
            }
        }
    }
    available.sort_unstable();
    available.dedup();
    match drill.count {
        Some(0) => found.push(problem(
            loc.top("count"),
            "count is 0: a drill plays at least one scenario".to_owned(),
        )),
        Some(n) if found.is_empty() && n > available.len() => found.push(problem(
            loc.top("count"),
            format!(
                "count is {n}, but the scenarios listed give only {}",
                available.len()
            ),
        )),
        _ => {}
    }
    if !(SECONDS_MIN..=SECONDS_MAX).contains(&drill.seconds_per_decision) {
        found.push(problem(
            loc.top("seconds_per_decision"),
            format!(
                "{} seconds per decision is out of range: use {SECONDS_MIN} to {SECONDS_MAX}",
                drill.seconds_per_decision
            ),
        ));
    }
    if let Some(seconds) = drill.seconds_per_typed_reply
        && !(SECONDS_MIN..=SECONDS_MAX).contains(&seconds)
    {
        found.push(problem(
            loc.top("seconds_per_typed_reply"),
            format!(
                "{seconds} seconds per typed reply is out of range: use {SECONDS_MIN} to {SECONDS_MAX}"
            ),
        ));
    }
    // In the order of the file, as a trainer reads it.
    found.sort_by_key(|p| p.position);
    if found.is_empty() {
        Ok(drill)
    } else {
        Err(found)
    }
}

/// Reads and checks one drill file.
pub fn load_drill_path(path: &Path, library: &Library) -> Result<Drill, Vec<Problem>> {
    let source = read_source(path).map_err(|p| vec![p])?;
    load_drill_source(&path.display().to_string(), &source, library)
}

/// A shipped drill by id (or file name without `.ron`).
pub fn find_drill(name: &str, library: &Library) -> Option<Result<Drill, Vec<Problem>>> {
    for (origin, text) in embedded_drills() {
        let stem = origin
            .trim_start_matches("drills/")
            .trim_end_matches(".ron");
        let loaded = load_drill_source(&origin, text, library);
        if stem == name || loaded.as_ref().is_ok_and(|d| d.id == name) {
            return Some(loaded);
        }
    }
    None
}
