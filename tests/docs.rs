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

#[test]
fn the_annotated_drill_in_the_drills_doc_loads_cleanly() {
    let doc = std::fs::read_to_string("docs/drills.md").unwrap();
    let start = doc.find("```ron\n").expect("the doc has a ron block") + "```ron\n".len();
    let end = start + doc[start..].find("```").unwrap();
    let rules = Rulebook::embedded().unwrap();
    let library = composure::scenario::Library::embedded(&rules);
    let drill = composure::drill::load_drill_source("docs/drills.md", &doc[start..end], &library)
        .unwrap_or_else(|problems| panic!("{problems:#?}"));
    assert_eq!(
        composure::drill::plan(&drill, &library, "en").items.len(),
        2
    );
}
