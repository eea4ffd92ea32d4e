//! Saving what a trainee finishes, from the screens: the event loop hands each finished
//! report here and shows the answer. A result is announced as saved only once the store's
//! commit returned.

use std::fmt::Display;

use crate::engine::{Millis, Report};
use crate::i18n::{Args, Messages};
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
    pub fn notice<E: Display>(messages: &Messages, result: &Result<i64, E>, title: &str) -> String {
        let args = Args::new().text("title", title);
        match result {
            Ok(id) => messages.msg("saved", &args.text("id", id.to_string())),
            Err(e) => messages.msg("not-saved", &args.text("error", e.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn a_title_with_braces_is_shown_as_written() {
        let en = Messages::get(Lang::En);
        let saved: Result<i64, String> = Ok(7);
        assert_eq!(
            Recorder::notice(en, &saved, "{id} { $id } {title}"),
            "Saved: {id} { $id } {title} (session 7)."
        );
        let failed: Result<i64, String> = Err("{error}".to_owned());
        assert_eq!(
            Recorder::notice(en, &failed, "{ $error }"),
            "NOT SAVED: { $error }: {error}"
        );
    }
}
