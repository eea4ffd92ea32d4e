//! The scenarios a trainee can pick from: the ones shipped inside the binary, plus any folder
//! of a trainer's own files (`--scenarios DIR`), and the walk that finds scenario files in
//! folders.

use std::path::{Path, PathBuf};

use super::load::{Problem, Severity, ValidScenario, load_path, load_source};
use crate::parallel::map_in_parallel;
use crate::rules::Rulebook;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_scenarios.rs"));
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
                code: None,
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
                        code: None,
                        severity: Severity::Error,
                        file: path.display().to_string(),
                        position: None,
                        message: "no scenario files (*.ron) in this folder".to_owned(),
                    });
                }
            }
            Ok(_) => files.push(path.clone()),
            Err(e) => problems.push(Problem {
                code: None,
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
            code: None,
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
                code: None,
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

#[cfg(test)]
mod tests {
    use super::*;

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
