//! The terminal interface.
use crate::cli::Feedback;
use crate::rules::Rulebook;
use crate::scenario::Library;

pub struct Options {
    pub library: Library,
    pub rules: Rulebook,
    pub seed: u64,
    pub feedback: Feedback,
    pub start_with: Option<String>,
}

pub fn run(_options: Options) -> anyhow::Result<()> {
    anyhow::bail!("the terminal interface is not built yet")
}
