//! `composure paths` and `composure graph` as a trainer or a script uses them: by id or by
//! file, with `--scenarios`, in every format, and with clear errors and exit codes.

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::composure;

use predicates::prelude::*;

fn stdout_of(args: &[&str]) -> String {
    let out = composure()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn paths_of_a_shipped_scenario_lists_paths_and_summarises_every_ending() {
    let out = stdout_of(&["paths", "rude-broken-washer"]);
    assert!(
        out.contains("A path never visits the same point twice."),
        "{out}"
    );
    assert!(
        out.contains("Listed the first 200 paths; there are more"),
        "{out}"
    );
    assert!(
        out.contains("best  score 100, handling 100, ending won-over (Excellent, cap 100):"),
        "{out}"
    );
    // A serious mistake is marked, and a Fail ending's paths never score above its cap.
    assert!(out.contains("open-tone → heated-snap!"), "{out}");
    assert!(
        out.contains("lost               Lost client           Fail        35"),
        "{out}"
    );
    assert!(out.contains("won-over"), "{out}");
    assert!(out.contains("Lost client"), "{out}");
}

#[test]
fn paths_takes_a_scenario_from_a_folder_given_with_scenarios() {
    let out = stdout_of(&["paths", "late-order", "--scenarios", "tests/fixtures/tui"]);
    assert!(
        out.contains("  100       100  calmed  Excellent (100)    acknowledge → express"),
        "{out}"
    );
    assert!(out.contains("5 paths."), "{out}");
    assert!(
        out.contains("calmed  Resolved     Excellent  100      4  0–100   0–100"),
        "{out}"
    );
}

#[test]
fn paths_takes_the_path_of_a_ron_file_and_marks_loops() {
    let out = stdout_of(&["paths", "tests/fixtures/paths/looping.ron"]);
    assert!(out.contains("details → back-to-offer → offer"), "{out}");
    assert!(
        out.contains("85        92  resolved  Good (85)  ↺  ask-details → back-to-offer → refund"),
        "{out}"
    );
    assert!(
        out.contains("33        33  lost      Fail (35)     listen → refuse!"),
        "{out}"
    );
    assert!(
        out.contains("Over all 4 paths that take no ↺ choice:"),
        "{out}"
    );
}

#[test]
fn paths_says_when_the_list_is_cut_at_the_limit() {
    let out = stdout_of(&["paths", "tests/fixtures/tui/late-order.ron", "--limit", "2"]);
    // The listed rows: a score first, then the ending.
    let rows = out
        .lines()
        .filter(|l| {
            l.split_whitespace()
                .next()
                .is_some_and(|w| w.parse::<u8>().is_ok())
        })
        .count();
    assert_eq!(rows, 2, "{out}");
    assert!(
        out.contains(
            "Listed the first 2 paths; there are more, and the list was cut at --limit 2."
        ),
        "{out}"
    );
    assert!(out.contains("Over all 5 paths:"), "{out}");
}

#[test]
fn paths_as_json_gives_scripts_every_field() {
    let out = stdout_of(&[
        "paths",
        "tests/fixtures/tui/late-order.ron",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["scenario"], "late-order");
    assert_eq!(json["paths"].as_array().unwrap().len(), 5);
    assert_eq!(json["paths"][0]["choices"][0], "acknowledge");
    assert_eq!(json["paths"][0]["score"], 100);
    assert_eq!(json["paths"][1]["score"], 58);
    assert_eq!(json["paths"][1]["handling"], 58);
    assert_eq!(json["paths"][4]["rating"], "Fail");
    assert_eq!(json["paths"][4]["ending_cap"], 35);
    assert_eq!(json["paths"][4]["serious_cap"], 100);
    assert_eq!(json["paths"][4]["serious"], serde_json::json!([]));
    assert_eq!(json["cut"], serde_json::Value::Null);
    assert_eq!(json["summary"]["best"]["score"], 100);
    assert_eq!(json["summary"]["paths"]["count"], 5);
    assert_eq!(json["summary"]["endings"][1]["ending"], "lost");
    assert_eq!(json["summary"]["endings"][1]["outcome"], "LostClient");
    assert_eq!(json["summary"]["endings"][1]["rating"], "Fail");
    assert_eq!(json["summary"]["endings"][1]["ending_cap"], 35);
    assert_eq!(json["summary"]["endings"][0]["min_handling"], 0);
    assert_eq!(json["summary"]["endings"][0]["max_handling"], 100);
    assert_eq!(json["summary"]["best"]["handling"], 100);
    assert_eq!(json["summary"]["worst"]["rating"], "Excellent");
}

#[test]
fn an_unknown_id_exits_2_naming_the_ids_there_are() {
    for command in ["paths", "graph"] {
        composure()
            .args([command, "no-such-scenario"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "no scenario with id \"no-such-scenario\"; the library has: ",
            ));
    }
}

#[test]
fn a_file_with_problems_exits_1_listing_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    let source = std::fs::read_to_string("tests/fixtures/tui/late-order.ron").unwrap();
    std::fs::write(&path, source.replace("next: \"lost\"", "next: \"lots\"")).unwrap();
    composure()
        .args(["paths", path.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "cannot be analysed; it has 2 problems:",
        ))
        .stderr(predicate::str::contains("leads to a missing node \"lots\""));
    composure()
        .args(["paths", "no/such/file.ron"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no/such/file.ron: error: cannot open",
        ));
}

/// The output shown after `$ composure …` in a fenced block of the analysis doc.
fn doc_sample(command: &str) -> String {
    let doc = std::fs::read_to_string("docs/analysing-scenarios.md").unwrap();
    let start = doc
        .find(&format!("$ {command}\n"))
        .unwrap_or_else(|| panic!("the doc shows `{command}`"))
        + command.len()
        + 3;
    let end = start + doc[start..].find("```").unwrap();
    doc[start..end].to_owned()
}

#[test]
fn the_paths_sample_in_the_doc_is_what_the_command_prints() {
    let command = "composure paths late-order --scenarios tests/fixtures/tui";
    let args: Vec<&str> = command.split(' ').skip(1).collect();
    assert_eq!(stdout_of(&args), doc_sample(command));
}

#[test]
fn graph_draws_dot_by_default_and_mermaid_on_request() {
    let dot = stdout_of(&["graph", "king-hotel-suite"]);
    assert!(dot.starts_with("digraph \"king-hotel-suite\" {"), "{dot}");
    assert!(dot.trim_end().ends_with('}'), "{dot}");
    let mermaid = stdout_of(&["graph", "king-hotel-suite", "--format", "mermaid"]);
    assert_eq!(mermaid.lines().nth(1), Some("flowchart TD"), "{mermaid}");
    let from_file = stdout_of(&[
        "graph",
        "tests/fixtures/tui/late-order.ron",
        "--format",
        "dot",
    ]);
    assert!(
        from_file.starts_with("digraph \"late-order\" {"),
        "{from_file}"
    );
    composure()
        .args(["graph", "king-hotel-suite", "--format", "svg"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid value 'svg'"));
}

#[test]
fn the_mermaid_sample_in_the_doc_is_what_the_command_prints() {
    let command = "composure graph late-order --scenarios tests/fixtures/tui --format mermaid";
    let args: Vec<&str> = command.split(' ').skip(1).collect();
    assert_eq!(stdout_of(&args), doc_sample(command));
}

#[test]
fn a_large_scenario_names_at_most_twenty_loops_in_text_and_all_in_json() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("synthetic.ron");
    let rules = composure::rules::Rulebook::embedded().unwrap();
    std::fs::write(
        &path,
        composure::scenario::synth::synth_scenario(1500, 3, &rules),
    )
    .unwrap();
    let path = path.to_str().unwrap();
    let text = stdout_of(&["paths", path, "--limit", "5"]);
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(&["paths", path, "--format", "json"])).unwrap();
    let loops = json["loops"].as_array().unwrap().len();
    assert!(loops > 20, "{loops}");
    assert!(
        text.contains(&format!(
            "  … and {} more (--format json lists them all)",
            loops - 20
        )),
        "{text}"
    );
    assert!(
        text.contains("Over all more than 3.4e38 paths that take no ↺ choice:"),
        "{text}"
    );
    assert_eq!(json["summary"]["paths"]["more_than"], true);
    assert_eq!(json["cut"], "limit");
}
