//! The command line: what a trainee, a trainer or a script can ask for, parsed by clap.

mod analyse;
mod commands;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

pub use analyse::paths_text;
pub use commands::{run, transcript_text};

/// Practise conversations with difficult clients, graded against a rulebook.
#[derive(Debug, Parser)]
#[command(name = "composure", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Add a folder of your own scenario files to the library (may be repeated).
    #[arg(long, value_name = "DIR", global = true)]
    pub scenarios: Vec<PathBuf>,

    /// Seed for the order of choices and the client's wording; the debrief shows it so a run
    /// can be repeated exactly. Default: a new seed each run.
    #[arg(long, value_name = "N", global = true)]
    pub seed: Option<u64>,

    /// When to show the coaching for each choice.
    #[arg(long, value_enum, default_value_t = Feedback::Now, global = true)]
    pub feedback: Feedback,
}

/// When the coaching for a choice is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Feedback {
    /// Right after each choice, with the consequence.
    Now,
    /// Only in the debrief at the end.
    End,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Play a scenario: in the terminal, or scripted with --answers.
    Play {
        /// The scenario's id (see `composure list`).
        id: String,
        /// Play these choice ids in order without a terminal and print the graded transcript.
        #[arg(long, value_name = "ID1,ID2,...", value_delimiter = ',')]
        answers: Option<Vec<String>>,
        /// With --answers: print the transcript as JSON.
        #[arg(long, requires = "answers")]
        json: bool,
    },
    /// List the scenarios: id, client type and title.
    List,
    /// Print the rulebook: id, name and sources of every rule.
    Rules,
    /// Check scenario files and folders (default: the shipped library) and print every problem.
    Check {
        /// Files or folders of scenario files.
        paths: Vec<PathBuf>,
    },
    /// Every path from the start to an ending with its score; the best and worst score; and
    /// for every ending, the scores that reach it and how many paths do.
    Paths {
        /// The scenario's id (see `composure list`), or the path of a .ron file.
        id: String,
        /// List at most this many paths; the summary always covers every path.
        #[arg(long, value_name = "N", default_value_t = 200)]
        limit: usize,
        /// `text` to read, `json` for scripts.
        #[arg(long, value_enum, default_value_t = PathsFormat::Text)]
        format: PathsFormat,
    },
    /// The conversation as a graph: DOT for Graphviz (`| dot -Tsvg > graph.svg`) or Mermaid
    /// for a Markdown ```mermaid block.
    Graph {
        /// The scenario's id (see `composure list`), or the path of a .ron file.
        id: String,
        #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
        format: GraphFormat,
    },
}

/// The text formats `composure graph` draws in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    Dot,
    Mermaid,
}

/// How `composure paths` prints its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PathsFormat {
    Text,
    Json,
}
