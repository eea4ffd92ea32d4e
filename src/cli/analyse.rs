//! The commands that look at a scenario as a whole: `paths` (every route with its score) and
//! `graph` (the conversation drawn as a graph). They take a scenario id from the library or a
//! path to a `.ron` file, so a trainer can analyse a file before adding it anywhere.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;

use super::commands::{find, load_library, plural, print_out, table, warn_problems};
use super::{GraphFormat, PathsFormat};
use crate::analysis::audit::{Audit, HIGH_SCORE, PATH_LIMIT, PATH_SAMPLE, audit};
use crate::analysis::{Cut, PathsReport, Pieces, SEARCH_STEPS, paths};
use crate::export::{Dot, Mermaid, render};
use crate::i18n::Lang;
use crate::labels;
use crate::rules::Rulebook;
use crate::scenario::{ValidScenario, load_path};

/// How many loops the text report names; a large scenario can have hundreds.
const LOOPS_SHOWN: usize = 20;

/// `composure paths ID`.
pub fn run_paths(
    id: &str,
    limit: usize,
    format: PathsFormat,
    folders: &[PathBuf],
    rules: &Rulebook,
) -> Result<ExitCode> {
    let scenario = resolve(id, folders, rules)?;
    let report = paths(&scenario, rules, limit);
    let text = match format {
        PathsFormat::Text => paths_text(&report),
        PathsFormat::Json => serde_json::to_string_pretty(&report)? + "\n",
    };
    print_out(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// `composure graph ID`.
pub fn run_graph(
    id: &str,
    format: GraphFormat,
    folders: &[PathBuf],
    rules: &Rulebook,
) -> Result<ExitCode> {
    let scenario = resolve(id, folders, rules)?;
    let text = match format {
        GraphFormat::Dot => render(&scenario, &Dot),
        GraphFormat::Mermaid => render(&scenario, &Mermaid),
    };
    print_out(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// A scenario named by id (from the library and `--scenarios` folders) or by file path.
fn resolve(id: &str, folders: &[PathBuf], rules: &Rulebook) -> Result<ValidScenario> {
    // The structure is the same in every language; the English original is the reference.
    resolve_in(id, Lang::En, folders, rules)
}

/// A scenario named by id, in `lang` when the library has that version (else English, with a
/// notice), or by file path (whatever its language).
pub(super) fn resolve_in(
    id: &str,
    lang: Lang,
    folders: &[PathBuf],
    rules: &Rulebook,
) -> Result<ValidScenario> {
    let path = Path::new(id);
    if id.ends_with(".ron") || path.components().count() > 1 {
        return load_path(path, rules).map_err(|problems| {
            let mut message = format!(
                "{} cannot be analysed; it has {}:",
                path.display(),
                plural(problems.len(), "problem")
            );
            for problem in &problems {
                let _ = write!(message, "\n  {problem}");
            }
            super::exit::found(message)
        });
    }
    let library = load_library(folders, rules);
    warn_problems(&library.problems, Lang::En);
    find(&library, id, crate::i18n::Messages::get(lang)).cloned()
}

/// The paths report as text: one path per line, then the summary.
pub fn paths_text(report: &PathsReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Paths through \"{}\" ({}) from \"{}\" to an ending.",
        report.title, report.scenario, report.start
    );
    let _ = writeln!(
        out,
        "A path never visits the same point twice. Its score is how well the conversation was"
    );
    let _ = writeln!(
        out,
        "handled, capped by its ending's rating and by any serious mistake (a choice marked !)."
    );
    if !report.loops.is_empty() {
        let _ = writeln!(
            out,
            "\nThese choices lead back to an earlier point; a path marked ↺ takes one:"
        );
        for l in report.loops.iter().take(LOOPS_SHOWN) {
            let choice = l.choice.as_deref().unwrap_or("(route)");
            let _ = writeln!(out, "  {} → {choice} → {}", l.from, l.to);
        }
        if report.loops.len() > LOOPS_SHOWN {
            let _ = writeln!(
                out,
                "  … and {} more (--format json lists them all)",
                report.loops.len() - LOOPS_SHOWN
            );
        }
    }

    let listing = &report.listing;
    out.push('\n');
    if listing.paths.is_empty() {
        let _ = writeln!(out, "No path listed.");
    } else {
        let mut rows = vec![vec![
            "score".to_owned(),
            "handling".to_owned(),
            "ending".to_owned(),
            "rating".to_owned(),
            String::new(),
            "choices".to_owned(),
        ]];
        for path in &listing.paths {
            rows.push(vec![
                format!("{:>5}", path.score),
                format!("{:>8}", path.pieces.handling),
                path.ending.clone(),
                rating(&path.pieces),
                if path.loops_back { "↺" } else { "" }.to_owned(),
                if path.choices.is_empty() {
                    "(none: the start is an ending)".to_owned()
                } else {
                    choices(&path.choices, &path.pieces)
                },
            ]);
        }
        out.push_str(&table(&rows));
    }
    let listed = plural(listing.paths.len(), "path");
    match listing.cut {
        None => {
            let _ = writeln!(out, "{listed}.");
        }
        Some(Cut::Limit) => {
            let _ = writeln!(
                out,
                "Listed the first {listed}; there are more, and the list was cut at --limit {}.",
                listing.limit
            );
        }
        Some(Cut::Steps) => {
            let _ = writeln!(
                out,
                "Listed {listed}; the search stopped after trying {SEARCH_STEPS} choices, so there may be more."
            );
        }
    }

    let summary = &report.summary;
    let over = if report.loops.is_empty() {
        format!("Over all {} paths:", summary.paths)
    } else {
        format!("Over all {} paths that take no ↺ choice:", summary.paths)
    };
    let _ = writeln!(out, "\n{over}");
    for (name, extreme) in [("best", &summary.best), ("worst", &summary.worst)] {
        let _ = writeln!(
            out,
            "  {name:<5} score {:>3}, handling {:>3}, ending {}{}: {}",
            extreme.score,
            extreme.pieces.handling,
            extreme.ending,
            extreme.pieces.rating.map_or_else(String::new, |r| format!(
                " ({r:?}, cap {})",
                extreme.pieces.ending_cap
            )),
            if extreme.choices.is_empty() {
                "(no choice)".to_owned()
            } else {
                choices(&extreme.choices, &extreme.pieces)
            },
        );
    }
    out.push('\n');
    let mut rows = vec![vec![
        "ending".to_owned(),
        "outcome".to_owned(),
        "rating".to_owned(),
        "cap".to_owned(),
        "paths".to_owned(),
        "scores".to_owned(),
        "handling".to_owned(),
    ]];
    let counts: Vec<String> = summary
        .endings
        .iter()
        .map(|e| e.paths.to_string())
        .collect();
    let width = counts.iter().map(String::len).max().unwrap_or(0).max(5);
    for (ending, count) in summary.endings.iter().zip(&counts) {
        rows.push(vec![
            ending.ending.clone(),
            labels::outcome(ending.outcome).to_owned(),
            format!("{:?}", ending.rating),
            format!("{:>3}", ending.ending_cap),
            format!("{count:>width$}"),
            range(ending.min_score, ending.max_score),
            range(ending.min_handling, ending.max_handling),
        ]);
    }
    out.push_str(&table(&rows));
    out
}

/// `composure audit [ID|PATH...]`: the grading-integrity figures per scenario and in all.
pub fn run_audit(
    ids: &[String],
    language: &str,
    format: PathsFormat,
    folders: &[PathBuf],
    rules: &Rulebook,
) -> Result<ExitCode> {
    let scenarios: Vec<ValidScenario> = if ids.is_empty() {
        let Some(lang) = Lang::parse(language) else {
            anyhow::bail!("\"{language}\" is not a language Composure speaks; use en, nb or ru");
        };
        let library = load_library(folders, rules);
        warn_problems(&library.problems, Lang::En);
        library
            .scenarios()
            .iter()
            .filter(|s| s.scenario().language == lang.code())
            .cloned()
            .collect()
    } else {
        ids.iter()
            .map(|id| resolve(id, folders, rules))
            .collect::<Result<_>>()?
    };
    let report = audit(&scenarios, rules);
    let text = match format {
        PathsFormat::Text => audit_text(&report),
        PathsFormat::Json => serde_json::to_string_pretty(&report)? + "\n",
    };
    print_out(&text)?;
    Ok(ExitCode::SUCCESS)
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        "-".to_owned()
    } else {
        format!("{:.0}%", 100.0 * part as f64 / whole as f64)
    }
}

/// The audit as a table, one scenario a row, then the whole set.
pub fn audit_text(report: &Audit) -> String {
    let mut rows = vec![vec![
        "scenario".to_owned(),
        "decisions".to_owned(),
        "best=longest".to_owned(),
        "2nd defensible".to_owned(),
        "always longest".to_owned(),
        "random".to_owned(),
        ">=70 & Poor/Fail".to_owned(),
        "better ending scores higher".to_owned(),
    ]];
    let concord =
        |p: Option<f64>| p.map_or_else(|| "-".to_owned(), |p| format!("{:.0}%", 100.0 * p));
    for s in &report.scenarios {
        let walk = &s.always_longest;
        rows.push(vec![
            s.id.clone(),
            s.decisions.to_string(),
            percent(s.best_is_longest, s.decisions),
            percent(s.second_defensible, s.decisions),
            format!(
                "{} {}{}",
                walk.score,
                walk.rating
                    .map_or_else(|| "no ending".to_owned(), |r| format!("{r:?}")),
                if walk.best_ending { " (best)" } else { "" }
            ),
            format!("{:.0}", s.random_expected_score),
            // Exact from the summary when no path pairs the two; else the paths counted,
            // of every path or of those drawn.
            match s.best_bad_ending_score {
                Some(best) if best >= HIGH_SCORE && s.paths_sampled => format!(
                    "{} of {} drawn (up to {best})",
                    s.high_score_bad_ending, s.paths
                ),
                Some(best) if best >= HIGH_SCORE => {
                    format!("{} (up to {best})", s.high_score_bad_ending)
                }
                _ => "0".to_owned(),
            },
            concord(s.better_ending_scores_higher),
        ]);
    }
    let mut out = table(&rows);
    let _ = writeln!(
        out,
        "\nIn all, {}: the best option is the longest at {} of {} decisions ({}); {} offer a second defensible option ({}).",
        plural(report.scenarios.len(), "scenario"),
        report.best_is_longest,
        report.decisions,
        percent(report.best_is_longest, report.decisions),
        report.second_defensible,
        percent(report.second_defensible, report.decisions),
    );
    let _ = writeln!(
        out,
        "A trainee who always picks the longest option scores {:.0} on average and reaches the best ending in {} of {}; one who picks at random can expect {:.0}.",
        report.always_longest_mean,
        report.always_longest_best_endings,
        report.scenarios.len(),
        report.random_expected_score,
    );
    let _ = writeln!(
        out,
        "Paths scoring {HIGH_SCORE} or more with a Poor or Fail ending: {}. Of two paths with differently rated endings, the better-rated one scores higher {} of the time.",
        report.high_score_bad_ending,
        concord(report.better_ending_scores_higher),
    );
    let sampled = report.scenarios.iter().filter(|s| s.paths_sampled).count();
    if sampled > 0 {
        let _ = writeln!(
            out,
            "For the {} with more than {PATH_LIMIT} paths, the path figures come from {PATH_SAMPLE} paths drawn at random (every path as likely, the same draw on every run).",
            plural(sampled, "scenario"),
        );
    }
    out
}

/// "35" or "12–60".
fn range(low: u8, high: u8) -> String {
    if low == high {
        low.to_string()
    } else {
        format!("{low}–{high}")
    }
}

/// The ending's rating and the cap it sets, as "Fail (35)".
fn rating(pieces: &Pieces) -> String {
    match pieces.rating {
        Some(r) => format!("{r:?} ({})", pieces.ending_cap),
        None => String::new(),
    }
}

/// A path's choices joined by arrows, each serious mistake marked "!".
fn choices(ids: &[String], pieces: &Pieces) -> String {
    let mut serious = pieces.serious.iter().peekable();
    ids.iter()
        .map(|id| {
            if serious.next_if(|s| &s.choice == id).is_some() {
                format!("{id}!")
            } else {
                id.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(" → ")
}
