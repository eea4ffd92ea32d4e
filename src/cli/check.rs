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

/// `coverage` is `None` without `--coverage`, else the one language asked for (or every
/// language apart).
pub fn run(
    paths: &[PathBuf],
    rules: &Rulebook,
    strict: bool,
    coverage: Option<Option<&str>>,
    format: Format,
) -> Result<ExitCode> {
    if let Some(Some(lang)) = coverage
        && crate::i18n::Lang::parse(lang).is_none()
    {
        anyhow::bail!("\"{lang}\" is not a language Composure speaks; use en, nb or ru");
    }
    let report = if paths.is_empty() {
        check_embedded(rules)
    } else {
        check_paths(paths, rules)
    };
    let text = match format {
        Format::Text => {
            let mut text = problems_text(&report);
            if let Some(only) = coverage {
                for lang in languages(&report, only) {
                    text.push_str(&coverage_text(&report, rules, &lang));
                }
            }
            text
        }
        Format::Json => {
            serde_json::to_string_pretty(&json(&report, rules, strict, coverage.flatten()))? + "\n"
        }
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
/// The languages of the checked scenarios, in the order first met (or just `only`).
fn languages(report: &CheckReport, only: Option<&str>) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for s in &report.scenarios {
        let lang = &s.scenario().language;
        if only.is_none_or(|o| o == lang) && !found.contains(lang) {
            found.push(lang.clone());
        }
    }
    if found.is_empty()
        && let Some(o) = only
    {
        found.push(o.to_owned());
    }
    found
}

fn in_language<'a>(
    report: &'a CheckReport,
    lang: &str,
) -> impl Iterator<Item = &'a crate::scenario::ValidScenario> + use<'a> {
    let lang = lang.to_owned();
    report
        .scenarios
        .iter()
        .filter(move |s| s.scenario().language == lang)
}

/// The coverage of one language's scenarios: a translation repeats its original's verdicts,
/// so languages are never added together.
pub fn coverage_text(report: &CheckReport, rules: &Rulebook, lang: &str) -> String {
    let scenarios: Vec<_> = in_language(report, lang).collect();
    let mut out = format!(
        "\nRule coverage in {lang} ({}): how many choices follow and break each rule\n",
        plural(scenarios.len(), "scenario")
    );
    let library = coverage(scenarios.iter().map(|s| s.scenario()), rules);
    let per: Vec<(&str, Vec<RuleCoverage>)> = scenarios
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

/// The coverage of one language (the one asked for, else English when checked, else the
/// first met), and of every language apart.
#[derive(Serialize)]
struct CoverageJson<'a> {
    language: String,
    library: Vec<RuleCoverage>,
    scenarios: Vec<ScenarioCoverage<'a>>,
    languages: Vec<LanguageCoverage<'a>>,
}

#[derive(Serialize)]
struct LanguageCoverage<'a> {
    language: String,
    library: Vec<RuleCoverage>,
    scenarios: Vec<ScenarioCoverage<'a>>,
}

fn language_coverage<'a>(
    report: &'a CheckReport,
    rules: &Rulebook,
    lang: &str,
) -> LanguageCoverage<'a> {
    LanguageCoverage {
        language: lang.to_owned(),
        library: coverage(in_language(report, lang).map(|s| s.scenario()), rules),
        scenarios: in_language(report, lang)
            .map(|s| ScenarioCoverage {
                id: s.id(),
                file: s.origin(),
                rules: coverage([s.scenario()], rules),
            })
            .collect(),
    }
}

#[derive(Serialize)]
struct ScenarioCoverage<'a> {
    id: &'a str,
    file: &'a str,
    rules: Vec<RuleCoverage>,
}

fn json<'a>(
    report: &'a CheckReport,
    rules: &Rulebook,
    strict: bool,
    only: Option<&str>,
) -> CheckJson<'a> {
    let all = languages(report, None);
    let main = only.map(str::to_owned).unwrap_or_else(|| {
        if all.iter().any(|l| l == "en") {
            "en".to_owned()
        } else {
            all.first().cloned().unwrap_or_else(|| "en".to_owned())
        }
    });
    let LanguageCoverage {
        language,
        library,
        scenarios,
    } = language_coverage(report, rules, &main);
    CheckJson {
        files: report.files,
        errors: report.errors(),
        warnings: report.warnings(),
        failed: failed(report, strict),
        problems: &report.problems,
        coverage: CoverageJson {
            language,
            library,
            scenarios,
            languages: languages(report, only)
                .iter()
                .map(|l| language_coverage(report, rules, l))
                .collect(),
        },
    }
}
