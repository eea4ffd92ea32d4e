//! Looking at a scenario as a whole instead of playing it once: every route from the start to
//! an ending with its score, and the conversation's shape as a graph. Trainers use this to see
//! whether a scenario rewards what it means to teach. Everything here is a pure function of a
//! validated scenario and the rulebook.

pub mod audit;
pub mod graph;
pub mod paths;

pub use graph::{ConversationGraph, Edge};
pub use paths::{
    Cut, EndingSummary, Extreme, Listing, LoopEdge, PathCount, PathEntry, PathsReport, Pieces,
    SEARCH_STEPS, SampledPath, SeriousMistake, Summary, list_paths, paths, sample_paths, summarise,
};
