//! The commands that print rather than draw: list, rules, check and scripted play. Each
//! returns the process exit code; errors the user can fix come back as readable messages.

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, Result, anyhow, bail};
use unicode_width::UnicodeWidthStr;

use super::{Cli, Command};
use crate::engine::{Conversation, Millis, Report};
use crate::labels;
use crate::rules::{RuleScope, Rulebook};
use crate::scenario::library::{CheckReport, check_embedded, check_paths};
use crate::scenario::{Library, Problem};
use crate::tui;

/// Runs a parsed command line.
pub fn run(cli: Cli, now: Millis) -> Result<ExitCode> {
    let rules = Rulebook::embedded()?;
    let seed = cli.seed.unwrap_or(now);
    let fixed_seed = cli.seed;
    match cli.command {
        Some(Command::Rules) => {
            print_out(&rules_text(&rules))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Check { paths }) => {
            let report = if paths.is_empty() {
                check_embedded(&rules)
            } else {
                check_paths(&paths, &rules)
            };
            print_out(&check_text(&report))?;
            Ok(if report.problems.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        Some(Command::Paths { id, limit, format }) => {
            super::analyse::run_paths(&id, limit, format, &cli.scenarios, &rules)
        }
        Some(Command::Graph { id, format }) => {
            super::analyse::run_graph(&id, format, &cli.scenarios, &rules)
        }
        Some(Command::List) => {
            let library = load_library(&cli.scenarios, &rules);
            warn_problems(&library.problems);
            print_out(&list_text(&library))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Play {
            id,
            answers: Some(answers),
            json,
        }) => {
            let library = load_library(&cli.scenarios, &rules);
            warn_problems(&library.problems);
            let scenario = find(&library, &id)?;
            let report = play_scripted(scenario, &answers, seed, now, &rules)?;
            let text = if json {
                serde_json::to_string_pretty(&report)? + "\n"
            } else {
                transcript_text(&report)
            };
            print_out(&text)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Play {
            id, answers: None, ..
        }) => {
            let library = load_library(&cli.scenarios, &rules);
            find(&library, &id)?;
            tui::run(tui::Options {
                library,
                rules,
                seed: fixed_seed,
                feedback: cli.feedback,
                start_with: Some(id),
            })?;
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let library = load_library(&cli.scenarios, &rules);
            tui::run(tui::Options {
                library,
                rules,
                seed: fixed_seed,
                feedback: cli.feedback,
                start_with: None,
            })?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

pub(super) fn load_library(folders: &[std::path::PathBuf], rules: &Rulebook) -> Library {
    let mut library = Library::embedded(rules);
    for folder in folders {
        library.add_folder(folder, rules);
    }
    library
}

pub(super) fn find<'a>(
    library: &'a Library,
    id: &str,
) -> Result<&'a crate::scenario::ValidScenario> {
    library.get(id).ok_or_else(|| {
        let ids: Vec<&str> = library.scenarios().iter().map(|s| s.id()).collect();
        anyhow!(
            "no scenario with id \"{id}\"; the library has: {}",
            if ids.is_empty() {
                "none".to_owned()
            } else {
                ids.join(", ")
            }
        )
    })
}

/// Writes to stdout, treating a closed pipe (`composure list | head`) as success.
pub(super) fn print_out(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to standard output"),
    }
}

pub(super) fn warn_problems(problems: &[Problem]) {
    for problem in problems {
        eprintln!("warning: skipped: {problem}");
    }
    if !problems.is_empty() {
        eprintln!("warning: run `composure check` on those files for details");
    }
}

/// Plays `answers` in order and returns the graded report; every answer must be used and the
/// conversation must reach an ending.
pub fn play_scripted(
    scenario: &crate::scenario::ValidScenario,
    answers: &[String],
    seed: u64,
    now: Millis,
    rules: &Rulebook,
) -> Result<Report> {
    let mut conversation = Conversation::start(Arc::new(scenario.clone()), seed, now)?;
    for (n, answer) in answers.iter().enumerate() {
        let answer = answer.trim();
        if conversation.is_finished() {
            bail!(
                "the conversation ended at \"{}\" after {n} answers; \"{answer}\" and any after it were not used",
                conversation.turn().node
            );
        }
        conversation
            .choose(answer, now)
            .with_context(|| format!("answer {} of {}", n + 1, answers.len()))?;
    }
    if !conversation.is_finished() {
        let turn = conversation.turn();
        bail!(
            "the answers ran out at \"{}\" before an ending; offered there: {}",
            turn.node,
            turn.options.join(", ")
        );
    }
    Ok(Report::new(&conversation, rules))
}

/// Pads `text` with spaces to `width` columns of display width.
fn pad(text: &str, width: usize) -> String {
    let mut s = text.to_owned();
    s.extend(std::iter::repeat_n(' ', width.saturating_sub(text.width())));
    s
}

pub(super) fn table(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let last = row.len().saturating_sub(1);
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(i, cell)| {
                if i == last {
                    cell.clone()
                } else {
                    pad(cell, widths[i])
                }
            })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

pub fn rules_text(rules: &Rulebook) -> String {
    let rows: Vec<Vec<String>> = rules
        .rules
        .iter()
        .map(|r| {
            let name = match r.scope {
                RuleScope::Choice => r.name.clone(),
                RuleScope::Debrief => format!("{} (debrief prompt)", r.name),
            };
            vec![r.id.clone(), name, r.sources.join(", ")]
        })
        .collect();
    table(&rows)
}

pub fn list_text(library: &Library) -> String {
    let rows: Vec<Vec<String>> = library
        .scenarios()
        .iter()
        .map(|s| {
            let m = s.scenario();
            vec![
                m.id.clone(),
                labels::client_type_slug(m.client_type).to_owned(),
                m.title.clone(),
            ]
        })
        .collect();
    table(&rows)
}

pub fn check_text(report: &CheckReport) -> String {
    let mut out = String::new();
    for problem in &report.problems {
        let _ = writeln!(out, "{problem}");
    }
    let files = plural(report.files, "file");
    if report.problems.is_empty() {
        let _ = writeln!(out, "checked {files}: no problems");
    } else {
        let mut bad: Vec<&str> = report.problems.iter().map(|p| p.file.as_str()).collect();
        bad.dedup();
        let _ = writeln!(
            out,
            "checked {files}: {} in {}",
            plural(report.problems.len(), "error"),
            plural(bad.len(), "file")
        );
    }
    out
}

pub(super) fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// A readable transcript of a finished conversation, for `play --answers` without `--json`.
pub fn transcript_text(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}) — seed {}",
        report.scenario.title,
        labels::client_type(report.scenario.client_type),
        report.seed
    );
    for (n, step) in report.steps.iter().enumerate() {
        let _ = writeln!(
            out,
            "\n{}. {}: {}",
            n + 1,
            report.scenario.client,
            step.client_line
        );
        let _ = writeln!(out, "   You: {}", step.chosen.text);
        let _ = writeln!(out, "   → {}", step.consequence);
        for v in &step.verdicts {
            let sign = if v.follows { "follows" } else { "breaks " };
            let _ = writeln!(out, "   {sign} {}{}", v.rule_name, labels::weight(v.weight));
        }
        if !step.was_best {
            let _ = writeln!(out, "   Best here: {}", step.best.text);
        }
    }
    if let Some(ending) = &report.ending {
        let _ = writeln!(out, "\n{}: {}", report.scenario.client, ending.client_line);
        let _ = writeln!(out, "\nEnding: {}", labels::outcome(ending.outcome));
        let _ = writeln!(out, "{}", ending.closing);
    }
    let _ = writeln!(out, "\nScore: {}/100", report.score);
    out
}
