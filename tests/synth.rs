//! Synthetic scenarios: valid at every size, the same for the same seed, and shaped like real
//! ones (branching, merges, loops, endings along the way).

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use composure::analysis::ConversationGraph;
use composure::rules::Rulebook;
use composure::scenario::load_source;
use composure::scenario::synth::synth_scenario;

fn rules() -> Rulebook {
    Rulebook::embedded().unwrap()
}

#[test]
fn synthetic_scenarios_of_every_size_load_without_problems() {
    for nodes in [0, 1, 2, 3, 5, 10, 50, 500] {
        for seed in 0..5 {
            let text = synth_scenario(nodes, seed, &rules());
            if let Err(problems) = load_source("synthetic.ron", &text, &rules()) {
                panic!(
                    "{nodes} nodes, seed {seed}: {:?}",
                    &problems[..problems.len().min(3)]
                );
            }
        }
    }
}

#[test]
fn the_same_size_and_seed_give_the_same_text() {
    assert_eq!(
        synth_scenario(200, 9, &rules()),
        synth_scenario(200, 9, &rules())
    );
    assert_ne!(
        synth_scenario(200, 9, &rules()),
        synth_scenario(200, 10, &rules())
    );
}

#[test]
fn a_synthetic_scenario_branches_merges_loops_and_ends_along_the_way() {
    let text = synth_scenario(3000, 1, &rules());
    let s = load_source("synthetic.ron", &text, &rules()).unwrap();
    let graph = ConversationGraph::new(&s);
    let decisions: Vec<usize> = graph
        .edges
        .iter()
        .map(Vec::len)
        .filter(|&n| n > 0)
        .collect();
    assert!(decisions.iter().all(|&n| (2..=4).contains(&n)));
    let endings = graph.edges.iter().filter(|e| e.is_empty()).count();
    assert!(endings > 100, "{endings} endings");
    let mut incoming = vec![0; graph.nodes.len()];
    for edge in graph.edges.iter().flatten() {
        incoming[edge.to] += 1;
    }
    assert!(incoming.iter().filter(|&&n| n > 1).count() > 500, "merges");
    assert!(graph.back_edges().count() > 50, "loops");
    // Lines of realistic length: a few hundred bytes per choice.
    // (Measured over the file's nodes: the graph holds one node per reachable client state.)
    let bytes_per_node = text.len() / s.scenario().nodes.len();
    assert!((500..3000).contains(&bytes_per_node), "{bytes_per_node}");
}
