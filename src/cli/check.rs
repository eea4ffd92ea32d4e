//! `composure check`: every problem in scenario files, errors and warnings apart, as text for
//! people or JSON for scripts, with an optional rule-coverage report.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use serde::Serialize;

use super::Format;
use super::commands::{plural, print_out};
use crate::check::{CheckReport, check_embedded, check_paths};
use crate::rules::{RuleCoverage, Rulebook, coverage};
use crate::scenario::Problem;

pub fn run(
    paths: &[PathBuf],
    rules: &Rulebook,
    strict: bool,
    with_coverage: bool,
    format: Format,
) -> Result<ExitCode> {
    let report = if paths.is_empty() {
        check_embedded(rules)
    } else {
        check_paths(paths, rules)
    };
    let text = match format {
        Format::Text => {
            let mut text = problems_text(&report);
            if with_coverage {
                text.push_str(&coverage_text(&report, rules));
            }
            text
        }
        Format::Json => serde_json::to_string_pretty(&json(&report, rules, strict))? + "\n",
    };
    print_out(&text)?;
    Ok(if failed(&report, strict) {
        super::exit::problems_found()
    } else {
        ExitCode::SUCCESS
    })
}

fn failed(report: &CheckReport, strict: bool) -> bool {
    report.errors() > 0 || (strict && report.warnings() > 0)
}

pub fn problems_text(report: &CheckReport) -> String {
    let mut out = String::new();
    for problem in &report.problems {
        let _ = writeln!(out, "{problem}");
    }
    let files = plural(report.files, "file");
    if report.problems.is_empty() {
        let _ = writeln!(out, "checked {files}: no problems");
    } else {
        let mut bad: Vec<&str> = report.problems.iter().map(|p| p.file.as_str()).collect();
        bad.sort_unstable();
        bad.dedup();
        let _ = writeln!(
            out,
            "checked {files}: {}, {} in {}",
            plural(report.errors(), "error"),
            plural(report.warnings(), "warning"),
            plural(bad.len(), "file")
        );
    }
    out
}

/// The library table (every rule: how many choices follow and break it, in how many
/// scenarios), then each scenario's untouched rules.
pub fn coverage_text(report: &CheckReport, rules: &Rulebook) -> String {
    let mut out = String::from("\nRule coverage: how many choices follow and break each rule\n");
    let library = coverage(report.scenarios.iter().map(|s| s.scenario()), rules);
    let per: Vec<(&str, Vec<RuleCoverage>)> = report
        .scenarios
        .iter()
        .map(|s| (s.id(), coverage([s.scenario()], rules)))
        .collect();
    let width = library.iter().map(|c| c.rule.len()).max().unwrap_or(0);
    for (k, total) in library.iter().enumerate() {
        let used_in = per.iter().filter(|(_, c)| c[k].touched()).count();
        let note = match (total.followed, total.broken) {
            (0, 0) => "never used".to_owned(),
            (_, 0) => format!("in {}; never broken", plural(used_in, "scenario")),
            (0, _) => format!("in {}; never followed", plural(used_in, "scenario")),
            _ => format!("in {}", plural(used_in, "scenario")),
        };
        let _ = writeln!(
            out,
            "  {:<width$}  follows {:>3}  breaks {:>3}  {note}",
            total.rule, total.followed, total.broken
        );
    }
    out.push_str("\nRules each scenario never touches:\n");
    for (id, cov) in &per {
        let untouched: Vec<&str> = cov
            .iter()
            .filter(|c| !c.touched())
            .map(|c| c.rule.as_str())
            .collect();
        let list = if untouched.is_empty() {
            "none".to_owned()
        } else {
            untouched.join(", ")
        };
        let _ = writeln!(out, "  {id}: {list}");
    }
    out
}

#[derive(Serialize)]
struct CheckJson<'a> {
    files: usize,
    errors: usize,
    warnings: usize,
    /// Whether `check` with these options fails.
    failed: bool,
    problems: &'a [Problem],
    coverage: CoverageJson<'a>,
}

#[derive(Serialize)]
struct CoverageJson<'a> {
    library: Vec<RuleCoverage>,
    scenarios: Vec<ScenarioCoverage<'a>>,
}

#[derive(Serialize)]
struct ScenarioCoverage<'a> {
    id: &'a str,
    file: &'a str,
    rules: Vec<RuleCoverage>,
}

fn json<'a>(report: &'a CheckReport, rules: &Rulebook, strict: bool) -> CheckJson<'a> {
    CheckJson {
        files: report.files,
        errors: report.errors(),
        warnings: report.warnings(),
        failed: failed(report, strict),
        problems: &report.problems,
        coverage: CoverageJson {
            library: coverage(report.scenarios.iter().map(|s| s.scenario()), rules),
            scenarios: report
                .scenarios
                .iter()
                .map(|s| ScenarioCoverage {
                    id: s.id(),
                    file: s.origin(),
                    rules: coverage([s.scenario()], rules),
                })
                .collect(),
        },
    }
}
