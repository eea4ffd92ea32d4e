//! How the work a trainer waits for grows with the size of a scenario: `check` (parse and
//! validate) and the `paths` summary, on synthetic scenarios of 1,000, 10,000 and 100,000
//! nodes. Both should grow linearly; the throughput criterion reports (nodes per second)
//! should stay roughly flat across the sizes.
//!
//! Run with `cargo bench --bench scenarios`; CI only builds it.

// A benchmark that cannot set up has nothing to measure; stopping loudly is right.
#![allow(clippy::expect_used)]

use std::hint::black_box;
use std::time::Duration;

use composure::analysis::summarise;
use composure::rules::Rulebook;
use composure::scenario::load_source;
use composure::scenario::synth::synth_scenario;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];
const SEED: u64 = 2024;

fn check(c: &mut Criterion) {
    let rules = Rulebook::embedded().expect("the shipped rulebook loads");
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    for nodes in SIZES {
        let text = synth_scenario(nodes, SEED, &rules);
        group.throughput(Throughput::Elements(nodes as u64));
        group.bench_with_input(BenchmarkId::from_parameter(nodes), &text, |b, text| {
            b.iter(|| load_source("synthetic.ron", black_box(text), &rules).is_ok());
        });
    }
    group.finish();
}

fn paths_summary(c: &mut Criterion) {
    let rules = Rulebook::embedded().expect("the shipped rulebook loads");
    let mut group = c.benchmark_group("paths-summary");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    for nodes in SIZES {
        let text = synth_scenario(nodes, SEED, &rules);
        let scenario =
            load_source("synthetic.ron", &text, &rules).expect("synthetic scenarios are valid");
        group.throughput(Throughput::Elements(nodes as u64));
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

criterion_group!(benches, check, paths_summary);
criterion_main!(benches);
