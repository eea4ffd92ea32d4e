//! Composure: a terminal role-play trainer for conversations with difficult clients.
//!
//! The module map:
//! - [`scenario`]: the RON scenario format trainers write, loading with positioned errors,
//!   validation (ids, references, graph checks) and the library of scenarios.
//! - [`rules`]: the rulebook every choice is graded against, and the grading itself.
//! - [`engine`]: a conversation in progress and its graded report; pure, with the seed and
//!   clock passed in.
//! - [`analysis`]: the scenario as a whole: every path with its score, best and worst
//!   scores, and the conversation as a graph.
//! - [`export`]: the conversation drawn as a graph, in DOT for Graphviz or Mermaid for
//!   Markdown; one file per format.
//! - [`labels`]: how domain values read to a person (mood words, outcome names).
//! - [`cli`]: the command line, and the commands that print rather than draw.
//! - [`tui`]: the terminal interface: event loop, keymap, theme, one file per screen.
//!
//! Only `tui` touches the terminal; everything above it is plain data and functions.

pub mod analysis;
pub mod cli;
pub mod engine;
pub mod export;
pub mod labels;
pub mod rules;
pub mod scenario;
pub mod tui;
