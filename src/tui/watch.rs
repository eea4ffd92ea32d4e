//! `play FILE --watch`: notices when the scenario file is saved and loads it again. Polls the
//! file's modification stamp; only a watching trainer wakes up on a timer.

use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use crate::rules::Rulebook;
use crate::scenario::{Problem, ValidScenario, load_path};

/// How often a watching trainer looks at the file.
pub const INTERVAL: Duration = Duration::from_millis(300);

pub struct FileWatch {
    pub path: PathBuf,
    stamp: Option<(Option<SystemTime>, u64)>,
}

impl FileWatch {
    pub fn new(path: PathBuf) -> Self {
        let mut watch = FileWatch { path, stamp: None };
        watch.stamp = watch.read_stamp();
        watch
    }

    fn read_stamp(&self) -> Option<(Option<SystemTime>, u64)> {
        let meta = std::fs::metadata(&self.path).ok()?;
        Some((meta.modified().ok(), meta.len()))
    }

    /// Whether the file changed since the last call (or since it was opened).
    pub fn changed(&mut self) -> bool {
        let stamp = self.read_stamp();
        if stamp == self.stamp {
            return false;
        }
        self.stamp = stamp;
        true
    }

    pub fn load(&self, rules: &Rulebook) -> Result<ValidScenario, Vec<Problem>> {
        load_path(&self.path, rules)
    }
}
