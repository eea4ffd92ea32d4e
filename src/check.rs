//! `composure check` as a whole: every file of a set read, loaded, validated and linted, then
//! what needs them all (ids used twice, translations against their originals, drills against
//! the scenarios they name). It sits above `scenario` and `drill`, which it brings together.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::matcher::lint::lint_typed;
use crate::parallel::map_in_parallel;
use crate::rules::Rulebook;
use crate::scenario::library::{Library, collect_files, embedded_sources};
use crate::scenario::lint::lint;
use crate::scenario::load::{Problem, Severity, ValidScenario, load_source};
use crate::scenario::locate::Locator;
use crate::scenario::translation::compare;

/// The result of checking files: how many were read and every problem found.
#[derive(Debug, Clone, Default)]
pub struct CheckReport {
    pub files: usize,
    /// The scenarios that loaded (possibly with warnings).
    pub scenarios: Vec<ValidScenario>,
    pub problems: Vec<Problem>,
}

/// Checks scenario sources given as (name, text), then ids across them.
pub fn check_sources(
    sources: impl IntoIterator<Item = (String, Result<String, Problem>)>,
    rules: &Rulebook,
) -> CheckReport {
    check_sources_with(sources, rules, None)
}

/// As [`check_sources`], with the shipped library given rather than loaded when a drill
/// needs it: the fuzz target checks thousands of inputs a second and loads it once.
pub fn check_sources_with(
    sources: impl IntoIterator<Item = (String, Result<String, Problem>)>,
    rules: &Rulebook,
    shipped: Option<&Library>,
) -> CheckReport {
    let mut report = CheckReport::default();
    let mut first_origin: HashMap<(String, String), String> = HashMap::new();
    // The source of each loaded scenario, for positions in the translation check.
    let mut texts: Vec<String> = Vec::new();
    let mut drills = Vec::new();
    // Each file on its own first, on every core; then what needs them all, in file order.
    let sources: Vec<(String, Result<String, Problem>)> = sources.into_iter().collect();
    let alone = map_in_parallel(&sources, |(origin, text)| match text {
        Ok(text) if !crate::drill::is_drill_source(text) => {
            Some(load_source(origin, text, rules).map(|scenario| {
                let mut warnings = lint(&scenario, text);
                warnings.extend(lint_typed(&scenario, text));
                (scenario, warnings)
            }))
        }
        _ => None,
    });
    for ((origin, text), alone) in sources.into_iter().zip(alone) {
        report.files += 1;
        let text = match text {
            Ok(text) => text,
            Err(problem) => {
                report.problems.push(problem);
                continue;
            }
        };
        let Some(loaded) = alone else {
            // A drill names scenarios, so it is checked once every scenario is known.
            drills.push((origin, text));
            continue;
        };
        match loaded {
            Ok((scenario, warnings)) => {
                report
                    .problems
                    .extend(warnings.into_iter().map(|f| Problem {
                        code: Some(f.code),
                        severity: Severity::Warning,
                        file: origin.clone(),
                        position: Some(f.position),
                        message: f.message,
                    }));
                let key = (
                    scenario.id().to_owned(),
                    scenario.scenario().language.clone(),
                );
                if let Some(first) = first_origin.get(&key) {
                    report.problems.push(Problem {
                        code: None,
                        severity: Severity::Error,
                        file: origin.clone(),
                        position: Some(Locator::new(&text).top("id")),
                        message: format!(
                            "scenario id \"{}\" in language \"{}\" is already used by {first}",
                            key.0, key.1
                        ),
                    });
                } else {
                    first_origin.insert(key, origin);
                    report.scenarios.push(scenario);
                    texts.push(text);
                }
            }
            Err(problems) => report.problems.extend(problems),
        }
    }
    check_translations(&mut report, &texts);
    if !drills.is_empty() {
        // Drills name scenarios from the shipped library and from the checked files; a copy
        // is made only when there are both.
        let loaded;
        let library = match shipped {
            Some(shipped) if report.scenarios.is_empty() => shipped,
            _ => {
                let mut library = shipped.cloned().unwrap_or_else(|| Library::embedded(rules));
                for scenario in &report.scenarios {
                    library.insert(scenario.clone());
                }
                loaded = library;
                &loaded
            }
        };
        for (origin, text) in drills {
            if let Err(problems) = crate::drill::load_drill_source(&origin, &text, library) {
                report.problems.extend(problems);
            }
        }
    }
    report
}

/// What the fuzz target does with one input: the bytes read as text (invalid UTF-8
/// replaced), every kind of place asked of the locator, and the text checked as `check`
/// would check a file, drills against `shipped`. Here rather than in `fuzz/`, so that
/// `tests/hostile.rs` runs the same body on a stable toolchain.
#[doc(hidden)]
pub fn fuzz_one(data: &[u8], rules: &Rulebook, shipped: &Library) {
    use crate::scenario::locate::Field;
    let text = String::from_utf8_lossy(data).into_owned();
    let loc = Locator::new(&text);
    for field in [
        Field::Top("title"),
        Field::NestedItem("briefing", "known", 1),
        Field::Says(0, 1),
        Field::When(1, 0, "next"),
        Field::Choice(0, 1, "text"),
        Field::Verdict(0, 0, 1),
        Field::Phrasing(0, 0, 1),
    ] {
        let _ = loc.string(field, Some(3));
    }
    let _ = check_sources_with([("fuzz.ron".to_owned(), Ok(text))], rules, Some(shipped));
}

/// Compares every translation with its English original among the checked scenarios.
fn check_translations(report: &mut CheckReport, texts: &[String]) {
    let mut found = Vec::new();
    for (scenario, text) in report.scenarios.iter().zip(texts) {
        let model = scenario.scenario();
        if model.language == "en" {
            continue;
        }
        let original = report
            .scenarios
            .iter()
            .find(|o| o.id() == model.id && o.scenario().language == "en");
        match original {
            Some(original) => found.extend(
                compare(original.scenario(), model, text)
                    .into_iter()
                    .map(|f| Problem {
                        code: None,
                        severity: Severity::Error,
                        file: scenario.origin().to_owned(),
                        position: Some(f.position),
                        message: format!("translation: {}", f.message),
                    }),
            ),
            // A scenario written first in another language is fine on its own; in a checked
            // set that has English originals, say so in case the id was mistyped.
            None if report
                .scenarios
                .iter()
                .any(|o| o.scenario().language == "en") =>
            {
                found.push(Problem {
                    code: None,
                    severity: Severity::Warning,
                    file: scenario.origin().to_owned(),
                    position: Some(Locator::new(text).top("id")),
                    message: format!(
                        "no English scenario with id \"{}\" among the checked files to compare this translation with",
                        model.id
                    ),
                });
            }
            None => {}
        }
    }
    report.problems.extend(found);
}

/// Checks files and folders (see [`collect_files`]).
pub fn check_paths(paths: &[PathBuf], rules: &Rulebook) -> CheckReport {
    let (files, problems) = collect_files(paths);
    let sources = files.into_iter().map(|path| {
        let text = crate::scenario::load::read_source(&path);
        (path.display().to_string(), text)
    });
    let mut report = check_sources(sources, rules);
    report.problems.splice(0..0, problems);
    report
}

impl CheckReport {
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == severity)
            .count()
    }
}

/// Checks the scenarios shipped in the binary.
pub fn check_embedded(rules: &Rulebook) -> CheckReport {
    check_sources(
        embedded_sources()
            .chain(crate::drill::embedded_drills())
            .map(|(origin, text)| (origin, Ok(text.to_owned()))),
        rules,
    )
}
