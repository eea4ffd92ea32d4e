//! Scenarios: the RON model trainers write, loading it with positioned errors, the checks that
//! make it safe to play, the library of shipped and trainer-supplied files, and synthetic
//! scenarios of any size for benchmarks and tests.

pub mod comments;
pub mod graph;
pub mod library;
pub mod limits;
pub mod lint;
pub mod load;
pub mod locate;
pub mod measure;
pub mod model;
pub mod sanitize;
pub mod synth;
pub mod translation;
pub mod validate;

pub use library::{Library, ScenarioSource};
pub use load::{Problem, Severity, ValidScenario, load_path, load_source, parse};
pub use locate::Position;
pub use model::*;
