//! When the coaching for a choice is shown: one type for `--feedback` on the command line, a
//! drill file's `feedback` field and the screens that honour them.

use serde::{Deserialize, Serialize};

/// When the coaching for a choice is shown. In a drill file it is written `Now` or `End`;
/// on the command line `now` or `end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Feedback {
    /// Right after each choice, with the consequence (and in a drill, a debrief after each
    /// scenario).
    Now,
    /// Only at the end: in the debrief, or in a drill's summary.
    End,
}

impl Feedback {
    pub const ALL: [Feedback; 2] = [Feedback::Now, Feedback::End];

    /// As written on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Feedback::Now => "now",
            Feedback::End => "end",
        }
    }

    /// A drill file that does not say: coaching at the end, so the clock is not interrupted.
    pub fn drill_default() -> Feedback {
        Feedback::End
    }
}
