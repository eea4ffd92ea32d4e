//! Composure: a terminal role-play trainer for conversations with difficult clients.
//!
//! The module map:
//! - [`scenario`]: the RON scenario format trainers write, loading with positioned errors,
//!   validation (ids, references, graph checks) and the library of scenarios.
//! - [`rules`]: the rulebook every choice is graded against, and the grading itself.
//! - [`engine`]: a conversation in progress and its graded report; pure, with the seed and
//!   clock passed in.
//! - [`check`]: `composure check` over a set of files: each file loaded and linted, then ids,
//!   translations and drills compared across the set.
//! - [`drill`]: timed team drills: drill files, their checks, and the plan every trainee of
//!   a team plays alike.
//! - [`store`]: results that last: every played scenario in a SQLite file in the data
//!   folder, and the queries behind history, reports and the mistakes drill.
//! - [`report`]: reports for a team lead from the stored results, one file per output
//!   format (table, CSV, JSON, per-session rows, xAPI), times in the zone passed in; and the
//!   xAPI statements sent to a learning record store.
//! - [`authoring`]: tools for trainers, such as the starter scenario of `composure new`.
//! - [`import`]: stories written in other tools (Twine's Twee) turned into scenario drafts,
//!   with a warning for everything that could not be carried over.
//! - [`matcher`]: typed replies read as one of a decision's options, or a question when
//!   unclear; with tone notes. Pure and deterministic.
//! - [`i18n`]: the languages and every string the trainer shows, per language.
//! - [`analysis`]: the scenario as a whole: every path with its score, best and worst
//!   scores, and the conversation as a graph.
//! - [`export`]: the conversation drawn as a graph, in DOT for Graphviz or Mermaid for
//!   Markdown; one file per format.
//! - [`parallel`]: independent work spread over the cores, results in the order given.
//! - [`labels`]: how domain values read to a person (mood words, outcome names).
//! - [`cli`]: the command line, and the commands that print rather than draw.
//! - [`tui`]: the terminal interface: event loop, keymap, theme, one file per screen.
//!
//! - [`lang`], [`suggest`]: leaves: the language as a value, and "did you mean …?".
//!
//! Only `tui` touches the terminal and only `cli` the command line; everything else is plain
//! data and functions.
//!
//! ## Which module may use which
//!
//! A module may name (as `crate::…`) only itself and the modules on its row; `tests/layers.rs`
//! reads this table and fails on any other. Only `tui` may use ratatui or crossterm, and only
//! `cli` clap. The one pair that uses each other is the model: a scenario is valid only
//! against a rulebook, and grading reads scenarios.
//!
//! | module | may use |
//! |---|---|
//! | `lang` | nothing |
//! | `suggest` | nothing |
//! | `parallel` | nothing |
//! | `scenario` | `rules`, `suggest`, `parallel` |
//! | `rules` | `scenario`, `lang`, `suggest` (an unknown rule id cited in coaching) |
//! | `labels` | `scenario`, `suggest` |
//! | `engine` | `scenario`, `rules` |
//! | `store` | `scenario`, `rules` (to regrade stored results), `engine`, `labels` |
//! | `drill` | `scenario`, `rules`, `engine`, `store`, `labels`, `lang`, `suggest` |
//! | `analysis` | `scenario`, `rules`, `engine` |
//! | `authoring` | `scenario`, `labels` |
//! | `import` | `scenario`, `labels` |
//! | `matcher` | `scenario`, `lang` |
//! | `i18n` | `scenario`, `lang` |
//! | `check` | `scenario`, `rules`, `drill`, `parallel`, `matcher` |
//! | `export` | `scenario`, `rules`, `analysis`, `labels` |
//! | `report` | `scenario`, `rules`, `engine`, `store`, `drill`, `i18n` |
//! | `tui` | `scenario`, `rules`, `engine`, `drill`, `store`, `report`, `i18n`, `labels`, `authoring`, `lang`, `matcher` |
//! | `cli` | every module |

pub mod analysis;
pub mod authoring;
pub mod check;
pub mod cli;
pub mod drill;
pub mod engine;
pub mod export;
pub mod i18n;
pub mod import;
pub mod labels;
pub mod lang;
pub mod matcher;
pub mod parallel;
pub mod report;
pub mod rules;
pub mod scenario;
pub mod store;
pub mod suggest;
pub mod tui;
