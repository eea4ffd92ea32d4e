//! The documentation's complete example is a real scenario: it loads with no problems, so the
//! doc cannot drift from the format.

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use composure::rules::Rulebook;
use composure::scenario::load_source;

#[test]
fn the_annotated_example_in_the_format_doc_loads_cleanly() {
    let doc = std::fs::read_to_string("docs/scenario-format.md").unwrap();
    let start = doc.find("```ron\n").expect("the doc has a ron block") + "```ron\n".len();
    let end = start + doc[start..].find("```").unwrap();
    let example = &doc[start..end];
    let rules = Rulebook::embedded().unwrap();
    let loaded = load_source("docs/scenario-format.md", example, &rules);
    let scenario = loaded.unwrap_or_else(|problems| {
        let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
        panic!("{list:#?}")
    });
    // "Complete": it shows more than one node and both kinds of node.
    assert!(scenario.scenario().nodes.len() >= 4);
}
