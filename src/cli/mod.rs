//! The command line: what a trainee, a trainer or a script can ask for, parsed by clap.

mod analyse;
mod check;
mod commands;
mod drill;
pub mod errors;
pub mod exit;
mod generate;
mod import;
mod lrs;
mod matching;
mod results;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

pub use crate::engine::Feedback;
use crate::i18n::Lang;

pub use analyse::paths_text;
pub use commands::{run, transcript_text};
pub use drill::{DrillArgs, trainee_name};
pub use import::ImportFrom;
pub use results::{ReportArgs, ReportFormat};

/// Practise conversations with difficult clients, graded against a rulebook.
#[derive(Debug, Parser)]
#[command(
    name = "composure",
    version,
    about,
    long_about = None,
    after_long_help = generate::exit_status_help()
)]
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

    /// The language to use: en, nb or ru. Default: the language of your locale (LC_ALL,
    /// LC_MESSAGES, LANG), else English. A scenario not yet translated is shown in English.
    #[arg(long, value_name = "LANG", value_parser = parse_lang, global = true)]
    pub lang: Option<Lang>,

    /// Where results are kept (default: $COMPOSURE_DATA_DIR, else the XDG data folder,
    /// usually ~/.local/share/composure).
    #[arg(long, value_name = "DIR", global = true)]
    pub data_dir: Option<PathBuf>,

    /// When to show the coaching for each choice.
    #[arg(long, value_enum, default_value_t = Feedback::Now, global = true)]
    pub feedback: Feedback,

    /// Answer in your own words: the options are hidden, you type a reply, and Composure
    /// reads it as the option that says the same (asking when it is unsure). For the
    /// screens: the list, `play` and `drill`; scripted play with --answers is unchanged.
    #[arg(long, global = true)]
    pub typed: bool,
}

impl Cli {
    /// The language to speak: `--lang`, else the locale, else English.
    pub fn resolved_lang(&self) -> Lang {
        crate::i18n::resolve(self.lang, |name| std::env::var(name).ok())
    }
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::parse(text).ok_or_else(|| {
        format!(
            "\"{text}\" is not a language Composure speaks; use {}",
            Lang::listed()
        )
    })
}

/// `--feedback now|end`: clap reads the engine's one type of feedback mode, so the domain
/// needs no command-line crate.
impl ValueEnum for Feedback {
    fn value_variants<'a>() -> &'a [Self] {
        &Feedback::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        let help = match self {
            Feedback::Now => "Right after each choice, with the consequence",
            Feedback::End => "Only in the debrief at the end",
        };
        Some(clap::builder::PossibleValue::new(self.name()).help(help))
    }
}

/// Output for people or for scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Play a scenario: in the terminal, or scripted with --answers.
    Play {
        /// The scenario's id (see `composure list`), or the path of a scenario file.
        id: String,
        /// With a file: reload it whenever it is saved, keeping your place, and show load
        /// errors on screen.
        #[arg(long, conflicts_with = "answers")]
        watch: bool,
        /// Play these choice ids in order without a terminal and print the graded transcript.
        #[arg(long, value_name = "ID1,ID2,...", value_delimiter = ',')]
        answers: Option<Vec<String>>,
        /// With --answers: print the transcript as JSON (coaching as the scenario writes it, with
        /// rule ids; each verdict carries the rule's name in your language).
        #[arg(long, requires = "answers")]
        json: bool,
        /// Save the result under this trainee's name, for history and reports.
        #[arg(long, value_name = "NAME")]
        trainee: Option<String>,
    },
    /// Run a timed drill: every decision against the clock, results saved as you go.
    Drill(DrillArgs),
    /// List the shipped drills.
    Drills,
    /// Your results over time: score chart, strengths and weaknesses, past sessions and the
    /// pieces of their grade. Results scored by an older grading model are regraded first.
    History {
        /// Whose history to show.
        #[arg(long, value_name = "NAME")]
        trainee: String,
    },
    /// Results for a team lead: leaderboard, team weaknesses per rule, per-trainee summaries,
    /// sessions with the pieces of their grade. Results scored by an older grading model are
    /// regraded first.
    Report(ReportArgs),
    /// List the scenarios: id, language, client type, length, difficulty and title.
    List {
        /// Only scenarios with this kind of client (rude, king, know-it-all, ...).
        #[arg(long, value_name = "TYPE")]
        client_type: Option<String>,
        /// Only scenarios written in this language (en, nb, ru), or `all` for every language
        /// version. Default: each scenario once, in your language if it has it, else English.
        #[arg(long, value_name = "LANG")]
        language: Option<String>,
    },
    /// Write a small starter scenario for a client type, ready to edit.
    New {
        /// The new scenario's id, or a file path ending in .ron.
        name: String,
        /// The kind of client: rude, indecisive, king, know-it-all, modest-demands,
        /// public-complainer, client-with-problem, mismatched-expectations, problem-client.
        #[arg(long, value_name = "TYPE")]
        client_type: String,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Print the rulebook in your language: each rule's name and id, what it means, what
    /// breaks it and the guidance articles it comes from.
    Rules {
        /// Only this rule (its id, as scenario verdicts write it).
        id: Option<String>,
    },
    /// Check scenario files and folders (default: the shipped library) and print every problem.
    Check {
        /// Files or folders of scenario files.
        paths: Vec<PathBuf>,
        /// Fail (exit 1) on warnings too, not only on errors.
        #[arg(long)]
        strict: bool,
        /// Print the rule coverage: which rules the scenarios follow, break, or never touch,
        /// for each language apart (a translation repeats its original's verdicts).
        #[arg(long)]
        coverage: bool,
        /// The coverage of this language's scenarios only (en, nb, ru).
        #[arg(long, value_name = "LANG", requires = "coverage")]
        coverage_language: Option<String>,
        /// How to print the result: for people, or as JSON for scripts (which always includes
        /// the coverage).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Turn a story written in another tool into a scenario draft to finish and check.
    Import {
        #[command(subcommand)]
        from: ImportFrom,
    },
    /// Whether the grade can be trusted, in figures: how often the best answer is the
    /// longest, what a trainee who always picks the longest option or picks at random
    /// scores, decisions with a second defensible option, high scores next to bad endings.
    Audit {
        /// Scenario ids (see `composure list`) or paths of .ron files; default: the whole
        /// library.
        ids: Vec<String>,
        /// The library's versions in this language (en, nb, ru); with ids or files, ignored.
        #[arg(long, value_name = "LANG", default_value = "en")]
        language: String,
        /// `text` to read, `json` for scripts.
        #[arg(long, value_enum, default_value_t = PathsFormat::Text)]
        format: PathsFormat,
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
    /// Print a shell completion script, e.g. `composure completions bash >
    /// ~/.local/share/bash-completion/completions/composure`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page, e.g. `composure man | man -l -`; with a command, that
    /// command's page (`composure man check`).
    Man {
        /// A command, for its own page: composure-check(1).
        command: Option<String>,
    },
    /// How a typed reply would be read at a decision: the choice it is read as and how
    /// confidently, every option's similarity, tone notes, or the options the trainee would
    /// be asked to pick from. The scenario's language follows --lang.
    Match {
        /// The scenario's id (see `composure list`), or the path of a .ron file.
        scenario: String,
        /// The id of a decision node in it.
        node: String,
        /// The reply, as a trainee would type it.
        reply: String,
        /// `text` to read, `json` for scripts.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
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
