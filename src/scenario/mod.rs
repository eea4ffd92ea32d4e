//! Scenarios: the RON model trainers write, loading it with positioned errors, the checks that
//! make it safe to play, and the library of shipped and trainer-supplied files.

pub mod graph;
pub mod library;
pub mod limits;
pub mod lint;
pub mod load;
pub mod locate;
pub mod model;
pub mod sanitize;
pub mod validate;

pub use library::{Library, ScenarioSource};
pub use load::{Problem, Severity, ValidScenario, load_path, load_source, parse};
pub use locate::Position;
pub use model::*;
