//! Any bytes through what `composure check` does to a file: read as text, parse, validate,
//! lint what passes, drills checked against the shipped library, and the locator asked about
//! every kind of place. Nothing may panic, overflow the stack or hang (libFuzzer reports a
//! slow input with -timeout). The body is `composure::check::fuzz_one`; the rulebook and the
//! shipped library are loaded once, not per input.

#![no_main]

use std::sync::OnceLock;

use composure::check::fuzz_one;
use composure::rules::Rulebook;
use composure::scenario::Library;
use libfuzzer_sys::fuzz_target;

fn loaded() -> Option<&'static (Rulebook, Library)> {
    static LOADED: OnceLock<Option<(Rulebook, Library)>> = OnceLock::new();
    LOADED
        .get_or_init(|| {
            let rules = Rulebook::embedded().ok()?;
            let shipped = Library::embedded(&rules);
            Some((rules, shipped))
        })
        .as_ref()
}

fuzz_target!(|data: &[u8]| {
    if let Some((rules, shipped)) = loaded() {
        fuzz_one(data, rules, shipped);
    }
});
