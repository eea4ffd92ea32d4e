//! The scenarios a trainee can pick from: the ones shipped inside the binary, plus any folder
//! of a trainer's own files (`--scenarios DIR`). Also the file walk `composure check` uses,
//! which checks drill files found among the scenarios too.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::lint::lint;
use super::load::{Problem, Severity, ValidScenario, load_path, load_source};
use super::locate::Locator;
use super::translation::compare;
use crate::rules::Rulebook;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_scenarios.rs"));
}

/// `f` applied to every item, spread over the cores the machine has. Loading files is
/// independent work and most of start-up, so a library of hundreds of scenarios opens about
/// as many times faster as there are cores. The results are in the order of `items`,
/// whichever thread did each, so the library is the same however the work was shared.
fn map_in_parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        mine.push((i, f(item)));
                    }
                    mine
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    done.sort_by_key(|&(i, _)| i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// How deep `check` and `--scenarios` look into sub-folders.
const MAX_FOLDER_DEPTH: usize = 16;

/// Where a checked or loaded scenario came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScenarioSource {
    Embedded,
    Folder,
}

/// The scenarios on offer, and the problems of any file that could not be loaded.
#[derive(Debug, Clone, Default)]
pub struct Library {
    scenarios: Vec<ValidScenario>,
    pub problems: Vec<Problem>,
}

/// The shipped scenario files as (file name, text), in file-name order.
pub fn embedded_sources() -> impl Iterator<Item = (String, &'static str)> {
    embedded::SCENARIOS
        .iter()
        .map(|(name, text)| (format!("scenarios/{name}"), *text))
}

impl Library {
    /// The scenarios shipped in the binary.
    pub fn embedded(rules: &Rulebook) -> Library {
        let mut library = Library::default();
        let sources: Vec<(String, &str)> = embedded_sources().collect();
        let loaded = map_in_parallel(&sources, |(origin, text)| load_source(origin, text, rules));
        library.add_loaded(loaded);
        library
    }

    /// Adds every `.ron` file under `dir`. A trainer's scenario with the id of one already in
    /// the library replaces it, so a shipped scenario can be edited as a copy.
    pub fn add_folder(&mut self, dir: &Path, rules: &Rulebook) {
        if !dir.is_dir() {
            self.problems.push(Problem {
                severity: Severity::Error,
                file: dir.display().to_string(),
                position: None,
                message: "is not a folder of scenario files".to_owned(),
            });
            return;
        }
        let (files, problems) = collect_files(&[dir.to_path_buf()]);
        self.problems.extend(problems);
        self.add_loaded(map_in_parallel(&files, |file| load_path(file, rules)));
    }

    /// Adds what loaded and keeps the problems of what did not, in the order given.
    fn add_loaded(&mut self, loaded: Vec<Result<ValidScenario, Vec<Problem>>>) {
        for result in loaded {
            match result {
                Ok(s) => self.insert(s),
                Err(problems) => self.problems.extend(problems),
            }
        }
    }

    /// Adds a scenario, replacing one with the same id in the same language.
    pub fn insert(&mut self, scenario: ValidScenario) {
        let language = scenario.scenario().language.clone();
        match self
            .scenarios
            .iter_mut()
            .find(|s| s.id() == scenario.id() && s.scenario().language == language)
        {
            Some(existing) => *existing = scenario,
            None => self.scenarios.push(scenario),
        }
    }

    pub fn scenarios(&self) -> &[ValidScenario] {
        &self.scenarios
    }

    /// The scenario with this id in `language`, else in English (then `fallback` is true),
    /// else in any language.
    pub fn get(&self, id: &str, language: &str) -> Option<(&ValidScenario, bool)> {
        let in_lang = |lang: &str| {
            self.scenarios
                .iter()
                .find(|s| s.id() == id && s.scenario().language == lang)
        };
        if let Some(s) = in_lang(language) {
            return Some((s, false));
        }
        in_lang("en")
            .or_else(|| self.scenarios.iter().find(|s| s.id() == id))
            .map(|s| (s, true))
    }
}

/// Expands files and folders into the scenario files they name: a named file is taken as it
/// is; a folder gives every `.ron` file below it, in path order.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Problem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let before = files.len();
                walk(path, 0, &mut files, &mut problems);
                if files.len() == before {
                    problems.push(Problem {
                        severity: Severity::Error,
                        file: path.display().to_string(),
                        position: None,
                        message: "no scenario files (*.ron) in this folder".to_owned(),
                    });
                }
            }
            Ok(_) => files.push(path.clone()),
            Err(e) => problems.push(Problem {
                severity: Severity::Error,
                file: path.display().to_string(),
                position: None,
                message: format!("cannot open: {e}"),
            }),
        }
    }
    (files, problems)
}

fn walk(dir: &Path, depth: usize, files: &mut Vec<PathBuf>, problems: &mut Vec<Problem>) {
    if depth > MAX_FOLDER_DEPTH {
        problems.push(Problem {
            severity: Severity::Error,
            file: dir.display().to_string(),
            position: None,
            message: format!(
                "folders nested deeper than {MAX_FOLDER_DEPTH} levels are not searched"
            ),
        });
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            problems.push(Problem {
                severity: Severity::Error,
                file: dir.display().to_string(),
                position: None,
                message: format!("cannot read folder: {e}"),
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        // Symlinked folders are not followed, so a link loop cannot trap the walk.
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            walk(&path, depth + 1, files, problems);
        } else if path.extension().is_some_and(|e| e == "ron") {
            files.push(path);
        }
    }
}

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
                let warnings = lint(&scenario, text);
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
        let mut library = Library::embedded(rules);
        for scenario in &report.scenarios {
            library.insert(scenario.clone());
        }
        for (origin, text) in drills {
            if let Err(problems) = crate::drill::load_drill_source(&origin, &text, &library) {
                report.problems.extend(problems);
            }
        }
    }
    report
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
        let text = super::load::read_source(&path);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_shared_between_threads_comes_back_in_the_order_given() {
        // Uneven work, so the threads finish out of order.
        let items: Vec<u64> = (0..500).collect();
        let slow_square = |&x: &u64| {
            let spins = (x * 7919) % 2000;
            (0..spins).fold(x * x, |acc, _| std::hint::black_box(acc))
        };
        let expected: Vec<u64> = items.iter().map(slow_square).collect();
        assert_eq!(map_in_parallel(&items, slow_square), expected);
        assert_eq!(map_in_parallel(&items[..1], slow_square), expected[..1]);
        assert!(map_in_parallel(&[] as &[u64], slow_square).is_empty());
    }

    #[test]
    fn the_shipped_library_loads_in_file_order_without_problems() {
        let rules = Rulebook::embedded().unwrap();
        let library = Library::embedded(&rules);
        assert!(library.problems.is_empty(), "{:?}", library.problems);
        let origins: Vec<&str> = library.scenarios().iter().map(|s| s.origin()).collect();
        let files: Vec<String> = embedded_sources().map(|(origin, _)| origin).collect();
        assert_eq!(origins, files);
    }
}
