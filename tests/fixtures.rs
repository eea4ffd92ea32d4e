//! Runs every scenario fixture through the same check `composure check` uses.
//!
//! - Each `.ron` file in `tests/fixtures/invalid/` starts with one or more header lines
//!   `// expect: LINE:COL: MESSAGE-SUBSTRING` (or `// expect: -: MESSAGE-SUBSTRING` for a
//!   problem with no position). Checking the file must report, for every header line, a problem
//!   at that position whose message contains the substring. Other problems may be reported too.
//! - Each `.ron` file in `tests/fixtures/valid/` must load with no problems at all.
//!
//! The folders are read at run time, so a new fixture is picked up without touching this file.
//! Failures are collected over all fixtures and reported together, so one run lists every
//! broken fixture.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use composure::check::check_paths;
use composure::rules::Rulebook;
use composure::scenario::{Position, Problem};

const EXPECT_PREFIX: &str = "// expect:";

/// One `// expect:` header line: where the problem is reported and part of its message.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Expectation {
    position: Option<Position>,
    substring: String,
}

impl Expectation {
    fn matches(&self, problem: &Problem) -> bool {
        problem.position == self.position && problem.message.contains(&self.substring)
    }
}

fn fixtures_dir(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(kind)
}

/// The `.ron` files directly in `dir`, in name order.
fn ron_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
            .path();
        if path.is_file() && path.extension().is_some_and(|e| e == "ron") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// The longest prefix of `bytes` that is UTF-8 text, so that the header of a fixture that is
/// deliberately not UTF-8 can still be read.
fn utf8_prefix(bytes: &[u8]) -> &str {
    match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default(),
    }
}

/// Parses the `// expect:` lines among the comment lines at the top of a fixture.
fn parse_expectations(bytes: &[u8]) -> Result<Vec<Expectation>, String> {
    let text = utf8_prefix(bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut expectations = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if !line.starts_with("//") {
            break; // the header is the leading block of comment lines
        }
        if let Some(rest) = line.strip_prefix(EXPECT_PREFIX) {
            expectations.push(parse_expectation(rest.trim()).map_err(|why| {
                format!("malformed header line `{line}`: {why} (want `{EXPECT_PREFIX} LINE:COL: MESSAGE` or `{EXPECT_PREFIX} -: MESSAGE`)")
            })?);
        }
    }
    Ok(expectations)
}

fn parse_expectation(rest: &str) -> Result<Expectation, String> {
    let (position, substring) = if let Some(substring) = rest.strip_prefix("-:") {
        (None, substring)
    } else {
        let (line, rest) = rest.split_once(':').ok_or("no LINE:")?;
        let (col, substring) = rest.split_once(':').ok_or("no COL:")?;
        let line = line
            .trim()
            .parse()
            .map_err(|_| format!("`{line}` is not a line number"))?;
        let col = col
            .trim()
            .parse()
            .map_err(|_| format!("`{col}` is not a column number"))?;
        (Some(Position { line, col }), substring)
    };
    let substring = substring.trim();
    if substring.is_empty() {
        return Err("the message substring is empty".to_owned());
    }
    Ok(Expectation {
        position,
        substring: substring.to_owned(),
    })
}

fn describe_position(position: Option<Position>) -> String {
    match position {
        Some(Position { line, col }) => format!("{line}:{col}"),
        None => "-".to_owned(),
    }
}

fn describe_problems(problems: &[Problem]) -> String {
    if problems.is_empty() {
        return "\n      (nothing)".to_owned();
    }
    problems.iter().fold(String::new(), |mut out, p| {
        let _ = write!(
            out,
            "\n      {}: {}",
            describe_position(p.position),
            p.message
        );
        out
    })
}

/// Checks one invalid fixture; returns what is wrong with it, if anything.
fn check_invalid(path: &Path, rules: &Rulebook) -> Option<String> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => return Some(format!("cannot read the fixture: {e}")),
    };
    let expectations = match parse_expectations(&bytes) {
        Ok(e) if e.is_empty() => {
            return Some(format!(
                "has no `{EXPECT_PREFIX} LINE:COL: MESSAGE` header line; every invalid fixture must say which problems it expects"
            ));
        }
        Ok(e) => e,
        Err(why) => return Some(why),
    };
    let report = check_paths(&[path.to_path_buf()], rules);
    let mut wrong = Vec::new();
    if report.problems.is_empty() {
        wrong.push("loaded clean, but it is an invalid fixture".to_owned());
    }
    for e in &expectations {
        if !report.problems.iter().any(|p| e.matches(p)) {
            wrong.push(format!(
                "expected {}: …{}…, not reported",
                describe_position(e.position),
                e.substring
            ));
        }
    }
    if wrong.is_empty() {
        None
    } else {
        Some(format!(
            "{}\n    reported:{}",
            wrong.join("\n    "),
            describe_problems(&report.problems)
        ))
    }
}

fn failure_report(kind: &str, checked: usize, failures: &[(PathBuf, String)]) -> String {
    let mut out = format!("{} of {checked} {kind} fixtures failed:\n", failures.len());
    for (path, why) in failures {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let _ = writeln!(out, "\n  {name}:\n    {why}");
    }
    out
}

#[test]
fn invalid_fixtures_report_the_expected_problems() {
    let rules = Rulebook::embedded().expect("the embedded rulebook loads");
    let dir = fixtures_dir("invalid");
    let files = ron_files(&dir).expect("the invalid fixtures folder can be read");
    assert!(!files.is_empty(), "no fixtures in {}", dir.display());
    let failures: Vec<(PathBuf, String)> = files
        .iter()
        .filter_map(|path| check_invalid(path, &rules).map(|why| (path.clone(), why)))
        .collect();
    assert!(
        failures.is_empty(),
        "{}",
        failure_report("invalid", files.len(), &failures)
    );
}

#[test]
fn valid_fixtures_load_without_problems() {
    let rules = Rulebook::embedded().expect("the embedded rulebook loads");
    let dir = fixtures_dir("valid");
    let files = ron_files(&dir).expect("the valid fixtures folder can be read");
    assert!(!files.is_empty(), "no fixtures in {}", dir.display());
    let failures: Vec<(PathBuf, String)> = files
        .iter()
        .filter_map(|path| {
            let report = check_paths(std::slice::from_ref(path), &rules);
            let clean = report.problems.is_empty() && report.scenarios.len() == 1;
            if clean {
                return None;
            }
            let why = format!(
                "should load clean, but did not.\n    reported:{}",
                describe_problems(&report.problems)
            );
            Some((path.clone(), why))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{}",
        failure_report("valid", files.len(), &failures)
    );
}

/// A problem with no position (a file that cannot be opened) is matched by `-:`.
#[test]
fn an_unreadable_file_is_matched_by_a_dash() {
    let rules = Rulebook::embedded().expect("the embedded rulebook loads");
    let missing = fixtures_dir("invalid").join("no-such-file.ron");
    let report = check_paths(&[missing], &rules);
    let expected = parse_expectations(b"// expect: -: cannot open\n").expect("header parses");
    assert_eq!(
        expected,
        vec![Expectation {
            position: None,
            substring: "cannot open".to_owned()
        }]
    );
    assert!(
        report.problems.iter().any(|p| expected[0].matches(p)),
        "reported:{}",
        describe_problems(&report.problems)
    );
}

#[test]
fn expectation_headers_parse() {
    let header = "\u{feff}// expect: 3:14: unknown field\r\n// a description\n// expect: -: cannot open\nScenario(\n// expect: 1:1: not in the header\n";
    assert_eq!(
        parse_expectations(header.as_bytes()),
        Ok(vec![
            Expectation {
                position: Some(Position { line: 3, col: 14 }),
                substring: "unknown field".to_owned()
            },
            Expectation {
                position: None,
                substring: "cannot open".to_owned()
            },
        ])
    );
    // The header of a file that is not UTF-8 is read from its valid prefix.
    assert_eq!(
        parse_expectations(b"// expect: 2:5: not valid UTF-8\nx: \"\xff\"\n").map(|e| e.len()),
        Ok(1)
    );
    assert!(parse_expectations(b"// expect: 3: no column\n").is_err());
    assert!(parse_expectations(b"// expect: 3:4:\n").is_err());
    assert_eq!(parse_expectations(b"Scenario()\n"), Ok(Vec::new()));
}
