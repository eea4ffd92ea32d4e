//! Typed replies must be read in well under a millisecond per option (issue 16). For every
//! decision of the shipped library in each language this times:
//!
//! - `matcher-build`: building the matcher for the decision (every option and phrasing
//!   turned into weighted n-gram and word vectors), which typed mode does once per decision;
//! - `matcher-read`: reading one reply of about twenty words there, which it does per reply.
//!
//! Each measured iteration covers every decision of the language; the table printed at the
//! end divides by the number of options, giving the cost per option.
//!
//! Run with `cargo bench --bench matcher`; CI only builds it.

// A benchmark that cannot set up has nothing to measure; stopping loudly is right.
#![allow(clippy::expect_used)]

mod support;

use std::hint::black_box;
use std::time::SystemTime;

use composure::lang::Lang;
use composure::matcher::{Candidate, Matcher};
use composure::rules::Rulebook;
use composure::scenario::{Library, Node};
use criterion::{Criterion, Throughput};

/// A reply of typical length in each language, read at every decision.
fn reply(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "I'm really sorry about this, let me look at your booking right now and see what I can do for you today"
        }
        Lang::Nb => {
            "Jeg beklager virkelig, la meg se på bestillingen din med en gang og finne ut hva jeg kan gjøre for deg i dag"
        }
        Lang::Ru => {
            "Мне очень жаль, давайте я прямо сейчас посмотрю ваш заказ и узнаю, что могу для вас сделать сегодня"
        }
    }
}

/// Every decision's options in one language.
fn decisions(library: &Library, lang: Lang) -> Vec<Vec<Candidate>> {
    library
        .scenarios()
        .iter()
        .filter(|s| s.scenario().language == lang.code())
        .flat_map(|s| &s.scenario().nodes)
        .filter_map(|node| match node {
            Node::Decision { choices, .. } => Some(choices.iter().map(Candidate::of).collect()),
            _ => None,
        })
        .collect()
}

fn main() {
    let since = SystemTime::now();
    let rules = Rulebook::embedded().expect("the shipped rulebook loads");
    let library = Library::embedded(&rules);
    let mut criterion = Criterion::default().configure_from_args();
    let mut options_per_lang = Vec::new();
    for lang in Lang::ALL {
        let all = decisions(&library, lang);
        let options: usize = all.iter().map(Vec::len).sum();
        options_per_lang.push((lang, all.len(), options));
        let matchers: Vec<Matcher> = all.iter().map(|o| Matcher::new(lang, o)).collect();
        let mut build = criterion.benchmark_group("matcher-build");
        build.throughput(Throughput::Elements(options as u64));
        build.bench_function(lang.code(), |b| {
            b.iter(|| {
                for options in &all {
                    black_box(Matcher::new(lang, black_box(options)));
                }
            });
        });
        build.finish();
        let mut read = criterion.benchmark_group("matcher-read");
        read.throughput(Throughput::Elements(options as u64));
        read.bench_function(lang.code(), |b| {
            b.iter(|| {
                for matcher in &matchers {
                    black_box(matcher.read(black_box(reply(lang))));
                }
            });
        });
        read.finish();
    }
    criterion.final_summary();

    println!("\nPer decision and per option (criterion's mean over every decision):");
    println!(
        "{:<6}{:>10}{:>9}{:>16}{:>16}{:>16}{:>16}",
        "lang",
        "decisions",
        "options",
        "build/decision",
        "build/option",
        "read/decision",
        "read/option"
    );
    for (lang, decisions, options) in options_per_lang {
        let per = |group: &str, n: usize| {
            support::mean_ns(group, lang.code(), since)
                .map_or("–".to_owned(), |ns| support::human(ns / n.max(1) as f64))
        };
        println!(
            "{:<6}{decisions:>10}{options:>9}{:>16}{:>16}{:>16}{:>16}",
            lang.code(),
            per("matcher-build", decisions),
            per("matcher-build", options),
            per("matcher-read", decisions),
            per("matcher-read", options),
        );
    }
}
