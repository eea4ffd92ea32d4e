//! Saving what a trainee finishes, from the screens: the event loop hands each finished
//! report here and shows the answer. A result is announced as saved only once the store's
//! commit returned.

use std::fmt::Display;

use crate::engine::{Millis, Report};
use crate::i18n::{Strings, fill};
use crate::store::{SessionRecord, Store, StoreError};

/// Where and under whose name finished conversations are kept.
pub struct Recorder {
    pub store: Store,
    pub trainee: String,
    /// The drill's id, for a drill; `None` for practice.
    pub drill: Option<String>,
}

impl Recorder {
    /// Saves one finished conversation that ended at `now`; returns its session id.
    pub fn save(&mut self, report: &Report, now: Millis) -> Result<i64, StoreError> {
        self.store.save(&SessionRecord {
            trainee: self.trainee.clone(),
            drill: self.drill.clone(),
            report: report.clone(),
            ended_at: now,
            version: env!("CARGO_PKG_VERSION").to_owned(),
        })
    }

    /// The line the legend shows after a save.
    pub fn notice<E: Display>(strings: &Strings, result: &Result<i64, E>, title: &str) -> String {
        match result {
            Ok(id) => fill(&strings.saved, &[("title", title), ("id", &id.to_string())]),
            Err(e) => fill(
                &strings.not_saved,
                &[("title", title), ("error", &e.to_string())],
            ),
        }
    }
}
