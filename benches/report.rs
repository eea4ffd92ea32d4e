//! `composure report` over 100,000 stored results must answer in well under a second. This
//! fills a database with 100,000 sessions from 200 trainees in 5 drills over a year, then
//! times the report's queries with and without filters.

use std::path::Path;
use std::sync::Arc;

use composure::drill::{Planned, SILENCE, play_scripted};
use composure::engine::Report;
use composure::report::dates::Zone;
use composure::report::{Sessions, TeamReport};
use composure::rules::Rulebook;
use composure::scenario::load_path;
use composure::store::{Filter, SessionRecord, Store};
use criterion::{Criterion, criterion_group, criterion_main};

const RESULTS: usize = 100_000;
const DAY: u64 = 86_400_000;

/// A few different transcripts of the small fixture scenario, to vary scores and tallies.
fn reports(rules: &Rulebook) -> Vec<Report> {
    let Ok(scenario) = load_path(Path::new("tests/fixtures/tui/late-order.ron"), rules) else {
        return Vec::new();
    };
    let planned = Planned {
        scenario: Arc::new(scenario),
        seed: 7,
    };
    let scripts: [&[&str]; 4] = [
        &["acknowledge", "express"],
        &["blame-courier", "soon"],
        &[SILENCE, "acknowledge", "soon"],
        &["snap"],
    ];
    scripts
        .iter()
        .filter_map(|answers| {
            let mut clock = 0;
            play_scripted(
                &planned,
                20_000,
                &mut answers.iter().copied(),
                &mut clock,
                rules,
            )
            .ok()
        })
        .collect()
}

fn fill(store: &mut Store, rules: &Rulebook) {
    let reports = reports(rules);
    if reports.is_empty() {
        return;
    }
    let start = 20_454 * DAY;
    let records: Vec<SessionRecord> = (0..RESULTS)
        .map(|i| SessionRecord {
            trainee: format!("trainee-{:03}", i % 200),
            drill: Some(format!("drill-{}", i % 5)),
            report: reports[i % reports.len()].clone(),
            ended_at: start + (i as u64) * (365 * DAY / RESULTS as u64),
            version: "bench".to_owned(),
        })
        .collect();
    for chunk in records.chunks(10_000) {
        if let Err(e) = store.save_all(chunk) {
            eprintln!("cannot fill the benchmark database: {e}");
            return;
        }
    }
}

fn report(c: &mut Criterion) {
    let Ok(rules) = Rulebook::embedded() else {
        return;
    };
    let Ok(dir) = tempfile::tempdir() else {
        return;
    };
    let Ok(mut store) = Store::open_in(dir.path()) else {
        return;
    };
    fill(&mut store, &rules);
    let now = 21_000 * DAY;
    let mut group = c.benchmark_group("report over 100k results");
    group.sample_size(10);
    group.bench_function("everyone", |b| {
        b.iter(|| {
            TeamReport::build(
                &store,
                &Filter::default(),
                &rules,
                now,
                &Zone::UTC,
                Sessions::None,
            )
        })
    });
    group.bench_function("one drill since a date", |b| {
        let filter = Filter {
            drill: Some("drill-3".to_owned()),
            since: Some(20_454 * DAY + 180 * DAY),
            ..Filter::default()
        };
        b.iter(|| TeamReport::build(&store, &filter, &rules, now, &Zone::UTC, Sessions::None))
    });
    group.bench_function("one trainee", |b| {
        let filter = Filter::trainee("trainee-042");
        b.iter(|| TeamReport::build(&store, &filter, &rules, now, &Zone::UTC, Sessions::None))
    });
    group.finish();
}

criterion_group!(benches, report);
criterion_main!(benches);
