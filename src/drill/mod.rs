//! Timed team drills: a drill file names a set of scenarios, their order, a seed the whole
//! team shares, a time limit per decision and when coaching is shown. This module reads and
//! checks drill files and turns one into a [`DrillPlan`], the exact scenarios and seeds every
//! trainee will face. Pure: it neither reads the clock nor touches a terminal.

mod load;
mod mistakes;
mod model;
mod plan;
mod score;
mod script;

pub use load::{embedded_drills, find_drill, is_drill_source, load_drill_path, load_drill_source};
pub use mistakes::{MAX_SCENARIOS, MISTAKES_DRILL_ID, mistakes_plan};
pub use model::{DRILL_FORMAT, Drill, Order, Pick, SECONDS_MAX, SECONDS_MIN};
pub use plan::{DrillPlan, Planned, plan};
pub use score::{mean_score, round_mean};
pub use script::{ANSWER_MS, SILENCE, ScriptError, play_scripted};
