//! Any bytes through what `composure check` does to a file: read as text, parse, validate,
//! lint what passes, and the locator asked about every kind of place. Nothing may panic,
//! overflow the stack or hang (libFuzzer reports a slow input with -timeout).

#![no_main]

use std::sync::OnceLock;

use composure::rules::Rulebook;
use composure::check::check_sources;
use composure::scenario::locate::{Field, Locator};
use libfuzzer_sys::fuzz_target;

fn rules() -> Option<&'static Rulebook> {
    static RULES: OnceLock<Option<Rulebook>> = OnceLock::new();
    RULES.get_or_init(|| Rulebook::embedded().ok()).as_ref()
}

fuzz_target!(|data: &[u8]| {
    let Some(rules) = rules() else {
        return;
    };
    let text = String::from_utf8_lossy(data).into_owned();
    let loc = Locator::new(&text);
    for field in [
        Field::Top("title"),
        Field::NestedItem("briefing", "known", 1),
        Field::Says(0, 1),
        Field::When(1, 0, "next"),
        Field::Choice(0, 1, "text"),
        Field::Verdict(0, 0, 1),
    ] {
        let _ = loc.string(field, Some(3));
    }
    let _ = check_sources([("fuzz.ron".to_owned(), Ok(text))], rules);
});
