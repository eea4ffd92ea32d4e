//! Graph export: the DOT of every shipped scenario renders with Graphviz, hostile text comes
//! through both formats exactly as written, and the output for a small fixture is pinned.

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

use composure::export::{Dot, Mermaid, render};
use composure::rules::Rulebook;
use composure::scenario::library::embedded_sources;
use composure::scenario::{ValidScenario, load_path, load_source};

fn rules() -> Rulebook {
    Rulebook::embedded().unwrap()
}

fn fixture(path: &str) -> ValidScenario {
    load_path(Path::new(path), &rules()).unwrap()
}

/// Whether Graphviz's `dot` can be run. Without it the render tests cannot prove anything: in
/// CI (where `.ci/run` installs it) that is a failure, elsewhere a note.
fn graphviz_present() -> bool {
    let found = Command::new("dot")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "Graphviz's `dot` is not installed, and CI must check that DOT output renders"
        );
        eprintln!("note: Graphviz's `dot` is not installed; DOT output was not rendered");
    }
    found
}

/// The SVG Graphviz draws from `dot`, failing on any error or warning.
fn render_svg(name: &str, dot: &str) -> String {
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(dot.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{name}: dot failed: {stderr}");
    assert!(stderr.trim().is_empty(), "{name}: dot warned: {stderr}");
    let svg = String::from_utf8(out.stdout).unwrap();
    assert!(svg.contains("<svg"), "{name}: no SVG");
    svg
}

#[test]
fn the_dot_of_every_shipped_scenario_renders_with_graphviz() {
    if !graphviz_present() {
        return;
    }
    let mut rendered = 0;
    for (origin, text) in embedded_sources() {
        let scenario = load_source(&origin, text, &rules()).unwrap();
        let svg = render_svg(&origin, &render(&scenario, &Dot));
        // Every node is drawn.
        assert_eq!(
            svg.matches("class=\"node\"").count(),
            scenario.scenario().nodes.len(),
            "{origin}"
        );
        rendered += 1;
    }
    assert!(rendered >= 3);
}

/// SVG text back to what it says.
fn unescape_xml(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#45;", "-")
        .replace("&amp;", "&")
}

#[test]
fn hostile_text_renders_in_dot_exactly_as_written() {
    if !graphviz_present() {
        return;
    }
    let scenario = fixture("tests/fixtures/export/hostile.ron");
    let svg = unescape_xml(&render_svg("hostile", &render(&scenario, &Dot)));
    for expected in [
        ">A \"quoted\" title \\ with <b>tags</b> | pipes # hashes ; semicolons</text>",
        ">and a second line</text>",
        ">\"No\" \\ <i>|#;&lt;`x`:%%{}[]</text>",
        ">style: fill:#f00; --> n0 ]] end</text>",
        "xlink:title=\"I said \"fine\" \\n and <script>alert(1)</script> & &amp; end\\\"",
    ] {
        assert!(svg.contains(expected), "missing {expected} in\n{svg}");
    }
}

#[test]
fn hostile_text_in_mermaid_is_quoted_and_every_special_character_is_an_entity() {
    let scenario = fixture("tests/fixtures/export/hostile.ron");
    let mermaid = render(&scenario, &Mermaid);
    let mut labels = 0;
    for line in mermaid.lines().skip(1) {
        assert!(!line.trim_start().starts_with("%%"), "{line}");
        // Each label is the text between the first and last quote of its line.
        let (Some(open), Some(close)) = (line.find('"'), line.rfind('"')) else {
            continue;
        };
        labels += 1;
        let inside = &line[open + 1..close];
        for raw in ['"', '|', ';', '<', '>', '`', '\\', ':', '&'] {
            let outside_entities = inside.replace("<br>", "");
            let mut rest = outside_entities.as_str();
            // Strip `#NN;` entities before looking for the raw character.
            let mut plain = String::new();
            while let Some(at) = rest.find('#') {
                plain.push_str(&rest[..at]);
                let end = rest[at..].find(';').map_or(rest.len(), |e| at + e + 1);
                assert!(
                    rest[at + 1..end - 1].bytes().all(|b| b.is_ascii_digit()),
                    "a raw # in {line}"
                );
                rest = &rest[end..];
            }
            plain.push_str(rest);
            assert!(!plain.contains(raw), "raw {raw:?} in {line}");
        }
    }
    assert_eq!(labels, 3 + 4);
    assert!(mermaid.contains(
        "n0[[\"open<br>#34;No#34; #92; #60;i#62;#124;#35;#59;#38;lt#59;#96;x#96;#58;%%{}[]\"]]"
    ));
    // The title is a one-line comment.
    assert!(mermaid.starts_with("%% hostile: A \"quoted\" title"));
    assert_eq!(mermaid.lines().nth(1), Some("flowchart TD"));
}

#[test]
fn the_small_fixture_as_dot() {
    let scenario = fixture("tests/fixtures/tui/late-order.ron");
    insta::assert_snapshot!("late_order_dot", render(&scenario, &Dot));
}

#[test]
fn the_small_fixture_as_mermaid() {
    let scenario = fixture("tests/fixtures/tui/late-order.ron");
    insta::assert_snapshot!("late_order_mermaid", render(&scenario, &Mermaid));
}

#[test]
fn loops_are_dashed_in_dot_and_dotted_in_mermaid() {
    let scenario = fixture("tests/fixtures/paths/looping.ron");
    let dot = render(&scenario, &Dot);
    let back: Vec<&str> = dot.lines().filter(|l| l.contains("style=dashed")).collect();
    assert_eq!(back.len(), 2, "{dot}");
    assert!(back[0].starts_with("    \"greet\" -> \"greet\""));
    assert!(back[1].starts_with("    \"details\" -> \"offer\""));
    let mermaid = render(&scenario, &Mermaid);
    assert_eq!(mermaid.matches("-.->").count(), 2, "{mermaid}");
}
