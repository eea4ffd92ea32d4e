//! The limits a scenario file must keep to, in one place. Scenario files are shared between
//! teams, so they are untrusted input: every limit bounds the time, memory or screen space a
//! hostile or mistaken file can take. `docs/robustness.md` says why each value was chosen.

/// Largest scenario file read, checked before reading. The longest shipped scenario is about
/// 54 KB; a file this size is either a mistake or hostile.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// How deep the parser may recurse before it gives up: `ron`'s own default recursion limit,
/// set explicitly so that it cannot be switched off by accident. `ron` takes two steps per
/// bracket, so this allows 64 nested brackets; the format itself nests seven deep (scenario,
/// nodes, node, choices, choice, verdicts, verdict) and a bracket where the format has none
/// is an error at once.
pub const MAX_NESTING: usize = 128;

/// Most nodes in one scenario. The shipped scenarios have a few dozen; ten thousand is far
/// beyond anything a trainee could play through, and keeps the checks (which follow every
/// client state through every node) well under a second.
pub const MAX_NODES: usize = 10_000;

/// Most choices at one decision: the trainee picks them with the digits 1 to 9.
pub const MAX_CHOICES: usize = 9;

/// Longest string, in characters. The longest in the shipped scenarios is 554; a line longer
/// than this no longer fits on one screen of a small terminal.
pub const MAX_TEXT_CHARS: usize = 2_000;

/// Most routes followed in a row without asking the trainee. `check` refuses a longer chain
/// of routes; the engine stops at this many whatever it is given, for scenarios that were
/// never checked.
pub const MAX_AUTOMATIC_STEPS: usize = 1000;
