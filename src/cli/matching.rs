//! `composure match`: how a typed reply would be read at one decision, for trainers trying
//! phrasings and for scripts. The reading is the matcher's, exactly as typed mode makes it.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use serde::Serialize;

use super::Format;
use super::commands::print_out;
use crate::i18n::{Args, Lang, Messages};
use crate::matcher::{Matcher, Reading, Verdict};
use crate::rules::Rulebook;
use crate::scenario::Node;

/// One option with its similarity to the reply.
#[derive(Debug, Serialize)]
struct Scored<'a> {
    id: &'a str,
    text: &'a str,
    #[serde(serialize_with = "three_places")]
    similarity: f32,
}

/// A similarity to three decimal places: the matcher's thresholds have two.
fn three_places<S: serde::Serializer>(value: &f32, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_f64((f64::from(*value) * 1000.0).round() / 1000.0)
}

/// A tone note: its stable code and the note in the chosen language.
#[derive(Debug, Serialize)]
struct Note<'a> {
    code: &'a str,
    note: String,
}

/// What `--format json` prints.
#[derive(Debug, Serialize)]
struct Report<'a> {
    scenario: &'a str,
    language: &'a str,
    node: &'a str,
    reply: &'a str,
    /// `"confident"` or `"ask"`.
    verdict: &'static str,
    /// The choice read, when confident.
    choice: Option<Scored<'a>>,
    /// The options the trainee would be asked to pick from, when unclear.
    ask: Vec<Scored<'a>>,
    /// Every option, most similar first.
    ranked: Vec<Scored<'a>>,
    tone: Vec<Note<'a>>,
}

pub fn run(
    id: &str,
    node: &str,
    reply: &str,
    format: Format,
    lang: Lang,
    folders: &[PathBuf],
    rules: &Rulebook,
) -> Result<ExitCode> {
    let scenario = super::analyse::resolve_in(id, lang, folders, rules)?;
    let Some(matcher) = Matcher::for_node(&scenario, node) else {
        let decisions: Vec<&str> = scenario
            .scenario()
            .nodes
            .iter()
            .filter(|n| matches!(n, Node::Decision { .. }))
            .map(Node::id)
            .collect();
        return Err(super::exit::found(crate::suggest::unknown_id(
            "decision", node, &decisions,
        )));
    };
    let reading = matcher.read(reply);
    let model = scenario.scenario();
    let notes_lang = Lang::parse(&model.language).unwrap_or(lang);
    let report = report(
        &matcher,
        &reading,
        model.id.as_str(),
        &model.language,
        node,
        reply,
        notes_lang,
    );
    let text = match format {
        Format::Json => serde_json::to_string_pretty(&report)? + "\n",
        Format::Text => text(&report),
    };
    print_out(&text)?;
    Ok(ExitCode::SUCCESS)
}

fn report<'a>(
    matcher: &'a Matcher,
    reading: &'a Reading,
    scenario: &'a str,
    language: &'a str,
    node: &'a str,
    reply: &'a str,
    notes_lang: Lang,
) -> Report<'a> {
    let candidates = matcher.candidates();
    let score = |i: usize| {
        reading
            .ranked
            .iter()
            .find(|&&(j, _)| j == i)
            .map_or(0.0, |&(_, s)| s)
    };
    let scored = |i: usize| {
        candidates.get(i).map(|c| Scored {
            id: &c.id,
            text: &c.text,
            similarity: score(i),
        })
    };
    let (verdict, choice, ask) = match &reading.verdict {
        Verdict::Confident { option } => ("confident", scored(*option), Vec::new()),
        Verdict::Ask { nearest } => (
            "ask",
            None,
            nearest.iter().filter_map(|&i| scored(i)).collect(),
        ),
    };
    let messages = Messages::get(notes_lang);
    Report {
        scenario,
        language,
        node,
        reply,
        verdict,
        choice,
        ask,
        ranked: reading
            .ranked
            .iter()
            .filter_map(|&(i, _)| scored(i))
            .collect(),
        tone: reading
            .tone
            .iter()
            .map(|flag| Note {
                code: flag.code(),
                note: messages.msg(flag.message_id(), &Args::new()),
            })
            .collect(),
    }
}

fn text(report: &Report<'_>) -> String {
    let mut out = String::new();
    match &report.choice {
        Some(choice) => {
            let _ = writeln!(
                out,
                "Read as \"{}\" (similarity {:.2}): {}",
                choice.id, choice.similarity, choice.text
            );
        }
        None => {
            let _ = writeln!(
                out,
                "Unclear: the trainee would be asked which of these they meant:"
            );
            for (n, option) in report.ask.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "  {}. \"{}\" (similarity {:.2}): {}",
                    n + 1,
                    option.id,
                    option.similarity,
                    option.text
                );
            }
        }
    }
    let _ = writeln!(out, "\nEvery option, most similar first:");
    for option in &report.ranked {
        let _ = writeln!(out, "  {:.2}  {}", option.similarity, option.id);
    }
    if !report.tone.is_empty() {
        let _ = writeln!(out, "\nTone notes (not part of the grade):");
        for note in &report.tone {
            let _ = writeln!(out, "  {}: {}", note.code, note.note);
        }
    }
    out
}
