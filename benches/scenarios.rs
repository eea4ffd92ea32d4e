//! How the work a trainer and a trainee wait for grows with the size of a scenario, on
//! synthetic scenarios of 1,000, 10,000 and 100,000 nodes (`scenario::synth`: realistic
//! branching, merges, loops and line lengths):
//!
//! - `ron-parse`: the file parsed by `ron` into the scenario types, and nothing else;
//! - `validate`: the checks on top (references, reachability, loops, limits, rule ids);
//! - `load`: both together, as `Library` and `play` do;
//! - `check`: `load` plus the warnings, as `composure check` does;
//! - `paths-summary`: the exact best and worst headlines and every ending's ranges of headline
//!   and handling (at most 100 threshold passes over the graph of client states);
//! - `engine-step`: one choice in a conversation under way: choose, advance through any
//!   routes to the next line, and grade the transcript so far.
//!
//! The shipped limits refuse scenarios of more than 10,000 nodes (`scenario::limits`), so
//! every stage here runs without that one check ([`load`] below): the point is to see how the
//! work grows to ten times past it. At the sizes the limit allows, `load` is checked to agree
//! with `load_source`, which `play` and `check` use.
//!
//! All but the engine step should grow linearly: the per-node column of the table printed at
//! the end should stay roughly flat across the sizes. The engine step should not grow at all.
//!
//! Run with `cargo bench --bench scenarios`; CI only builds it.

// A benchmark that cannot set up has nothing to measure; stopping loudly is right.
#![allow(clippy::expect_used)]

mod support;

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use composure::analysis::audit::audit;
use composure::analysis::summarise;
use composure::engine::Conversation;
use composure::rules::{Rulebook, grade};
use composure::scenario::limits::MAX_NODES;
use composure::scenario::lint::lint;
use composure::scenario::load::ron_options;
use composure::scenario::synth::synth_scenario;
use composure::scenario::validate::validate_past_node_limit;
use composure::scenario::{Scenario, ValidScenario, load_source, parse};
use criterion::{BatchSize, BenchmarkId, Criterion, SamplingMode, Throughput};

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];
const SEED: u64 = 2024;
/// How many choices are made before the measured one, so the grade has a transcript to read.
const STEPS_BEFORE: usize = 12;

fn rules() -> Rulebook {
    Rulebook::embedded().expect("the shipped rulebook loads")
}

/// `load_source` without the limit on the number of nodes: parse, validate, and nothing else.
fn load(text: &str, rules: &Rulebook) -> Option<ValidScenario> {
    let scenario = parse(text).ok()?;
    validate_past_node_limit(&scenario, text, rules)
        .is_empty()
        .then(|| ValidScenario::assume_valid(scenario, "synthetic.ron"))
}

/// A synthetic scenario's text, checked to load (and, within the limits, to load as
/// `load_source` loads it).
fn synthetic(nodes: usize, rules: &Rulebook) -> String {
    let text = synth_scenario(nodes, SEED, rules);
    assert!(
        load(&text, rules).is_some(),
        "synthetic scenarios are valid"
    );
    if nodes <= MAX_NODES {
        assert!(load_source("synthetic.ron", &text, rules).is_ok());
    }
    text
}

fn sized_group<'c>(
    c: &'c mut Criterion,
    name: &str,
) -> criterion::BenchmarkGroup<'c, criterion::measurement::WallTime> {
    let mut group = c.benchmark_group(name);
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    group
}

/// Enough time for ten samples of a stage that takes up to a few seconds at 100,000 nodes.
fn time_for(nodes: usize) -> Duration {
    Duration::from_secs((nodes as u64 / 2_000).clamp(5, 60))
}

fn parse_and_validate(c: &mut Criterion) {
    let rules = rules();
    let texts: Vec<(usize, String)> = SIZES.iter().map(|&n| (n, synthetic(n, &rules))).collect();

    let mut group = sized_group(c, "ron-parse");
    for (nodes, text) in &texts {
        group.throughput(Throughput::Elements(*nodes as u64));
        group.measurement_time(time_for(*nodes));
        group.bench_with_input(BenchmarkId::from_parameter(nodes), text, |b, text| {
            b.iter(|| ron_options().from_str::<Scenario>(black_box(text)).is_ok());
        });
    }
    group.finish();

    let mut group = sized_group(c, "validate");
    for (nodes, text) in &texts {
        let parsed: Scenario = ron_options()
            .from_str(text)
            .expect("synthetic scenarios parse");
        group.throughput(Throughput::Elements(*nodes as u64));
        group.measurement_time(time_for(*nodes));
        group.bench_with_input(BenchmarkId::from_parameter(nodes), text, |b, text| {
            b.iter(|| validate_past_node_limit(black_box(&parsed), text, &rules).len());
        });
    }
    group.finish();

    let mut group = sized_group(c, "load");
    for (nodes, text) in &texts {
        group.throughput(Throughput::Elements(*nodes as u64));
        group.measurement_time(time_for(*nodes));
        group.bench_with_input(BenchmarkId::from_parameter(nodes), text, |b, text| {
            b.iter(|| load(black_box(text), &rules).is_some());
        });
    }
    group.finish();

    let mut group = sized_group(c, "check");
    for (nodes, text) in &texts {
        group.throughput(Throughput::Elements(*nodes as u64));
        group.measurement_time(time_for(*nodes));
        group.bench_with_input(BenchmarkId::from_parameter(nodes), text, |b, text| {
            b.iter(|| {
                let scenario =
                    load(black_box(text), &rules).expect("synthetic scenarios are valid");
                lint(&scenario, text).len()
            });
        });
    }
    group.finish();
}

fn paths_summary(c: &mut Criterion) {
    let rules = rules();
    let mut group = sized_group(c, "paths-summary");
    for nodes in SIZES {
        let text = synthetic(nodes, &rules);
        let scenario = load(&text, &rules).expect("synthetic scenarios are valid");
        group.throughput(Throughput::Elements(nodes as u64));
        group.measurement_time(time_for(nodes));
        group.bench_with_input(
            BenchmarkId::from_parameter(nodes),
            &scenario,
            |b, scenario| {
                b.iter(|| summarise(black_box(scenario), &rules));
            },
        );
    }
    group.finish();
}

fn audit_figures(c: &mut Criterion) {
    let rules = rules();
    let mut group = sized_group(c, "audit");
    for nodes in SIZES {
        let text = synthetic(nodes, &rules);
        let scenario = load(&text, &rules).expect("synthetic scenarios are valid");
        group.throughput(Throughput::Elements(nodes as u64));
        group.measurement_time(time_for(nodes));
        group.bench_with_input(
            BenchmarkId::from_parameter(nodes),
            &scenario,
            |b, scenario| {
                b.iter(|| audit(std::slice::from_ref(black_box(scenario)), &rules));
            },
        );
    }
    group.finish();
}

/// A conversation `STEPS_BEFORE` choices in (or as far as it goes without ending), taking at
/// each decision the first option that does not end it.
fn under_way(scenario: Arc<ValidScenario>) -> Conversation {
    let mut conversation = Conversation::start(scenario, SEED, 0).expect("a valid scenario starts");
    for step in 0..STEPS_BEFORE {
        let now = (step as u64 + 1) * 4_000;
        let options = conversation.turn().options.len();
        let next = (0..options).find_map(|i| {
            let mut tried = conversation.clone();
            tried.choose_nth(i, now).ok()?;
            (!tried.is_finished() && !tried.turn().options.is_empty()).then_some(tried)
        });
        match next {
            Some(next) => conversation = next,
            None => break,
        }
    }
    conversation
}

fn engine_step(c: &mut Criterion) {
    let rules = rules();
    let mut group = c.benchmark_group("engine-step");
    let mut scenarios: Vec<(String, ValidScenario)> = SIZES
        .iter()
        .map(|&n| {
            let text = synthetic(n, &rules);
            let scenario = load(&text, &rules).expect("synthetic scenarios are valid");
            (n.to_string(), scenario)
        })
        .collect();
    let shipped = composure::scenario::Library::embedded(&rules);
    let first = shipped
        .scenarios()
        .iter()
        .find(|s| s.scenario().language == "en")
        .cloned()
        .expect("the binary ships scenarios");
    scenarios.push(("shipped".to_owned(), first));

    for (id, scenario) in scenarios {
        let conversation = under_way(Arc::new(scenario));
        assert!(
            !conversation.turn().options.is_empty(),
            "{id}: the measured step needs a decision to answer"
        );
        group.bench_function(BenchmarkId::from_parameter(&id), |b| {
            b.iter_batched(
                || conversation.clone(),
                |mut conversation| {
                    conversation
                        .choose_nth(0, 1_000_000)
                        .expect("the first option is offered");
                    let steps = conversation.steps();
                    let decisions = steps
                        .iter()
                        .map(|s| (s.turn.node.as_str(), s.chosen.as_str()));
                    let ending = Some(conversation.turn().node.as_str());
                    black_box(grade(conversation.scenario(), decisions, ending, &rules).score)
                },
                BatchSize::SmallInput,
            );
        });
    }
    group.finish();
}

fn main() {
    let since = SystemTime::now();
    let mut criterion = Criterion::default().configure_from_args();
    parse_and_validate(&mut criterion);
    paths_summary(&mut criterion);
    audit_figures(&mut criterion);
    engine_step(&mut criterion);
    criterion.final_summary();

    support::print_growth(
        "Mean time by scenario size (criterion's estimate), and per node:",
        &[
            ("ron-parse", "ron parse"),
            ("validate", "validate"),
            ("load", "load (both)"),
            ("check", "check (+ warnings)"),
            ("paths-summary", "paths summary"),
            ("audit", "audit"),
        ],
        &SIZES,
        since,
    );
    support::print_grid(
        "One engine step (choose, advance, grade the transcript), by scenario:",
        &[("engine-step", "engine step")],
        &["1000", "10000", "100000", "shipped"],
        since,
    );
}
