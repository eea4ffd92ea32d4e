//! Errors about the user's input or data, told in the user's language: a scenario, rule or
//! drill that does not exist, a trainee name that cannot be filed, a `--since` that is not a
//! date, no results yet, a scenario or drill file that does not load, a results database
//! Composure cannot read. Each is a typed value until the binary shows it; [`message`] then
//! renders every error of the chain through Fluent (`assets/i18n/<lang>/errors.ftl`), and
//! anything else (a failure of Composure itself, a parser's or SQLite's own detail) as
//! written, in English. The English `Display` is the English message, so logs, tests and
//! `anyhow` chains read the same sentence a user sees under `--lang en`.

use std::fmt;
use std::path::PathBuf;

use crate::drill::ScriptError;
use crate::engine::EngineError;
use crate::i18n::{Args, Lang, Messages};
use crate::store::StoreError;

/// What the user can type instead, when a screen needs a terminal and there is none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Instead {
    /// `composure play ID --answers A,B,...`
    PlayAnswers,
    /// `composure drill DRILL --trainee NAME --answers A,B,...`
    DrillAnswers,
    /// `composure report --trainee NAME`
    ReportTrainee,
    /// `composure list` or `composure play ID --answers ...`
    ListOrPlay,
}

/// An error about what the user typed or the data they keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UserError {
    UnknownScenario {
        id: String,
        known: Vec<String>,
    },
    UnknownRule {
        id: String,
        known: Vec<String>,
    },
    UnknownDrill {
        name: String,
        known: Vec<String>,
    },
    UnknownClientType {
        text: String,
        known: Vec<String>,
    },
    /// `list --language` given something other than a language code or `all`.
    UnknownListLanguage {
        text: String,
    },
    TraineeEmpty,
    TraineeTooLong,
    /// A character a terminal would obey or a reader could not see, `at` counted from 1.
    TraineeCharacter {
        code: u32,
        at: usize,
    },
    BadSince {
        text: String,
    },
    NoResults {
        dir: PathBuf,
    },
    /// A scenario file that does not load: each problem keeps its `file:line:col`, and the
    /// parser's or checker's own words, in English.
    CannotPlay {
        what: String,
        problems: Vec<String>,
    },
    /// A drill file, or a shipped drill, that does not load; problems as for `CannotPlay`.
    CannotRunDrill {
        name: String,
        problems: Vec<String>,
    },
    NoMistakes {
        trainee: String,
    },
    NeedsTerminal {
        instead: Instead,
    },
    WatchNeedsFile,
    /// `report --sessions --format xapi`.
    SessionsWithXapi,
    /// `report --bom` with a format other than CSV.
    BomWithoutCsv,
    /// `report --iri-base` with a format other than xAPI.
    IriBaseWithoutXapi,
    /// `report --send` with a format other than xAPI.
    SendWithoutXapi,
}

impl UserError {
    /// The message in `lang`.
    pub fn localize(&self, lang: Lang) -> String {
        let m = Messages::get(lang);
        // `plain` lists what exists; `near_id` offers the nearest when one is alike enough.
        let unknown = |(plain, near_id): (&str, &str), id: &str, known: &[String]| {
            let near = crate::suggest::nearest(id, known.iter().map(String::as_str));
            // What the user typed may hold anything; the message shows it defused.
            let args = Args::new().text("id", crate::scenario::sanitize::for_message(id));
            match near {
                Some(near) => m.msg(near_id, &args.text("near", near.to_owned())),
                None => m.msg(plain, &args.text("known", list_or_none(m, known))),
            }
        };
        match self {
            UserError::UnknownScenario { id, known } => unknown(
                ("error-unknown-scenario", "error-unknown-scenario-near"),
                id,
                known,
            ),
            UserError::UnknownRule { id, known } => {
                unknown(("error-unknown-rule", "error-unknown-rule-near"), id, known)
            }
            UserError::UnknownDrill { name, known } => unknown(
                ("error-unknown-drill", "error-unknown-drill-near"),
                name,
                known,
            ),
            UserError::UnknownClientType { text, known } => unknown(
                (
                    "error-unknown-client-type",
                    "error-unknown-client-type-near",
                ),
                text.trim(),
                known,
            ),
            UserError::UnknownListLanguage { text } => m.msg(
                "error-unknown-list-language",
                &Args::new().text("id", crate::scenario::sanitize::for_message(text)),
            ),
            UserError::TraineeEmpty => m.msg("error-trainee-empty", &Args::new()),
            UserError::TraineeTooLong => {
                m.msg("error-trainee-too-long", &Args::new().count("n", 80))
            }
            UserError::TraineeCharacter { code, at } => m.msg(
                "error-trainee-character",
                &Args::new()
                    .text("code", format!("U+{code:04X}"))
                    .count("n", *at),
            ),
            UserError::BadSince { text } => m.msg(
                "error-bad-since",
                &Args::new().text("text", crate::scenario::sanitize::for_message(text)),
            ),
            UserError::NoResults { dir } => m.msg(
                "error-no-results",
                &Args::new().text("path", dir.display().to_string()),
            ),
            UserError::CannotPlay { what, problems } => format!(
                "{}\n{}",
                m.msg(
                    "error-cannot-play",
                    &Args::new().text("path", what.as_str())
                ),
                problems.join("\n")
            ),
            UserError::CannotRunDrill { name, problems } => format!(
                "{}\n{}",
                m.msg(
                    "error-cannot-run-drill",
                    &Args::new().text("path", name.as_str())
                ),
                problems.join("\n")
            ),
            UserError::NoMistakes { trainee } => m.msg(
                "error-no-mistakes",
                &Args::new().text("trainee", trainee.as_str()),
            ),
            UserError::NeedsTerminal { instead } => {
                let instead = m.msg(
                    match instead {
                        Instead::PlayAnswers => "error-instead-play-answers",
                        Instead::DrillAnswers => "error-instead-drill-answers",
                        Instead::ReportTrainee => "error-instead-report-trainee",
                        Instead::ListOrPlay => "error-instead-list-or-play",
                    },
                    &Args::new(),
                );
                m.msg(
                    "error-needs-terminal",
                    &Args::new().text("instead", instead),
                )
            }
            UserError::WatchNeedsFile => m.msg("error-watch-needs-file", &Args::new()),
            UserError::SessionsWithXapi => m.msg("error-sessions-with-xapi", &Args::new()),
            UserError::BomWithoutCsv => m.msg("error-bom-without-csv", &Args::new()),
            UserError::IriBaseWithoutXapi => m.msg("error-iri-base-without-xapi", &Args::new()),
            UserError::SendWithoutXapi => m.msg("error-send-without-xapi", &Args::new()),
        }
    }

    /// Whether this is problems found in the user's files (exit 1) rather than a request
    /// Composure cannot follow (exit 2); see [`super::exit`].
    pub fn is_problems_found(&self) -> bool {
        matches!(
            self,
            UserError::CannotPlay { .. } | UserError::CannotRunDrill { .. }
        )
    }
}

/// `a, b, c`, or the language's word for none.
fn list_or_none(m: &Messages, known: &[String]) -> String {
    if known.is_empty() {
        m.msg("error-none", &Args::new())
    } else {
        known.join(", ")
    }
}

impl fmt::Display for UserError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.localize(Lang::En))
    }
}

impl std::error::Error for UserError {}

/// An answer given with `play --answers` that the conversation cannot take.
#[derive(Debug)]
pub enum AnswerError {
    /// Answer `n` of `total` (from 1) was refused.
    Nth {
        n: usize,
        total: usize,
        source: EngineError,
    },
    /// The conversation needs more answers than were given.
    RanOut { node: String, offered: Vec<String> },
    /// The conversation ended after `used` answers, before `answer`.
    LeftOver {
        node: String,
        used: usize,
        answer: String,
    },
}

impl AnswerError {
    /// The message in `lang`; for `Nth`, which answer, the engine's refusal following in
    /// the chain.
    pub fn localize(&self, lang: Lang) -> String {
        let m = Messages::get(lang);
        match self {
            AnswerError::Nth { n, total, .. } => m.msg(
                "error-answer-nth",
                &Args::new()
                    .text("number", n.to_string())
                    .text("total", total.to_string()),
            ),
            AnswerError::RanOut { node, offered } => ran_out(m, node, offered),
            AnswerError::LeftOver { node, used, answer } => m.msg(
                "error-answers-left-over",
                &Args::new()
                    .text("node", node.as_str())
                    .count("n", *used)
                    .text("answer", answer.as_str()),
            ),
        }
    }
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.localize(Lang::En))
    }
}

impl std::error::Error for AnswerError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            AnswerError::Nth { source, .. } => Some(source),
            _ => None,
        }
    }
}

fn ran_out(m: &Messages, node: &str, offered: &[String]) -> String {
    m.msg(
        "error-answers-ran-out",
        &Args::new()
            .text("node", node.to_owned())
            .text("offered", offered.join(", ")),
    )
}

/// The engine refusing a choice, in `lang`.
pub fn localize_engine(error: &EngineError, lang: Lang) -> String {
    let m = Messages::get(lang);
    match error {
        EngineError::Finished => m.msg("error-engine-finished", &Args::new()),
        EngineError::NotOffered {
            choice,
            node,
            offered,
        } => m.msg(
            "error-engine-not-offered",
            &Args::new()
                .text("choice", choice.as_str())
                .text("node", node.as_str())
                .text("offered", offered.join(", ")),
        ),
        EngineError::MissingNode(node) => m.msg(
            "error-engine-missing-node",
            &Args::new().text("node", node.as_str()),
        ),
        EngineError::RunawayRoutes(node) => m.msg(
            "error-engine-runaway-routes",
            &Args::new()
                .text("node", node.as_str())
                .count("n", crate::engine::MAX_AUTOMATIC_STEPS),
        ),
    }
}

/// A scripted drill's answers not fitting, in `lang`; for a refused answer, the engine's
/// refusal follows in the chain.
pub fn localize_script(error: &ScriptError, lang: Lang) -> String {
    let m = Messages::get(lang);
    match error {
        ScriptError::RanOut {
            scenario,
            node,
            offered,
        } => format!("{scenario}: {}", ran_out(m, node, offered)),
        ScriptError::Engine {
            scenario, answer, ..
        } => m.msg(
            "error-script-answer",
            &Args::new()
                .text("scenario", scenario.as_str())
                .text("answer", answer.as_str()),
        ),
    }
}

/// Whether an error is the user's answers or files being wrong (exit 1) rather than a
/// request Composure cannot follow (exit 2).
pub fn is_problems_found(error: &(dyn std::error::Error + 'static)) -> bool {
    error
        .downcast_ref::<UserError>()
        .is_some_and(UserError::is_problems_found)
        || error.is::<AnswerError>()
        || error.is::<ScriptError>()
        || error.is::<EngineError>()
}

/// A results-database error in `lang`. The detail SQLite, the file system or the JSON
/// reader gives stays in English: it is theirs, and what a reader would search for.
pub fn localize_store(error: &StoreError, lang: Lang) -> String {
    let m = Messages::get(lang);
    let path = |p: &PathBuf| p.display().to_string();
    match error {
        StoreError::Open { path: p, source } => m.msg(
            "error-store-open",
            &Args::new()
                .text("path", path(p))
                .text("detail", source.to_string()),
        ),
        StoreError::Folder { path: p, source } => m.msg(
            "error-store-folder",
            &Args::new()
                .text("path", path(p))
                .text("detail", source.to_string()),
        ),
        StoreError::TooNew {
            path: p,
            found,
            known,
        } => m.msg(
            "error-store-too-new",
            &Args::new()
                .text("path", path(p))
                .text("found", found.to_string())
                .text("known", known.to_string()),
        ),
        StoreError::TooOld {
            path: p,
            found,
            known,
        } => m.msg(
            "error-store-too-old",
            &Args::new()
                .text("path", path(p))
                .text("found", found.to_string())
                .text("known", known.to_string()),
        ),
        StoreError::NoDataDir(detail) => m.msg(
            "error-store-no-data-dir",
            &Args::new().text("detail", detail.as_str()),
        ),
        StoreError::Sqlite(e) => m.msg(
            "error-store-sqlite",
            &Args::new().text("detail", e.to_string()),
        ),
        StoreError::Transcript(e) => m.msg(
            "error-store-transcript",
            &Args::new().text("detail", e.to_string()),
        ),
    }
}

/// The whole error as `composure: error: …` prints it: each link of the chain in `lang`
/// where it is one of Composure's typed errors about the user's input or data, else as
/// written; links joined by `: ` as `anyhow` joins them. A link whose text the one before
/// already ends with (a `{source}` a message quotes) is not repeated.
pub fn message(error: &anyhow::Error, lang: Lang) -> String {
    let mut out = String::new();
    for link in error.chain() {
        let text = if let Some(e) = link.downcast_ref::<UserError>() {
            e.localize(lang)
        } else if let Some(e) = link.downcast_ref::<StoreError>() {
            localize_store(e, lang)
        } else if let Some(e) = link.downcast_ref::<AnswerError>() {
            e.localize(lang)
        } else if let Some(e) = link.downcast_ref::<ScriptError>() {
            localize_script(e, lang)
        } else if let Some(e) = link.downcast_ref::<EngineError>() {
            localize_engine(e, lang)
        } else {
            link.to_string()
        };
        if out.ends_with(&text) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&text);
    }
    out
}

/// The line the binary prints for an error that ended a command.
pub fn error_line(error: &anyhow::Error, lang: Lang) -> String {
    Messages::get(lang).msg(
        "error-line",
        &Args::new().text("message", message(error, lang)),
    )
}

#[cfg(test)]
mod tests {
    use anyhow::Context as _;

    use super::*;

    #[test]
    fn an_unknown_scenario_reads_in_every_language_with_the_nearest_id() {
        let error = UserError::UnknownScenario {
            id: "king-hotel-suit".into(),
            known: vec!["king-hotel-suite".into(), "rude-broken-washer".into()],
        };
        assert_eq!(
            error.to_string(),
            "no scenario with id \"king-hotel-suit\"; did you mean \"king-hotel-suite\"?"
        );
        let nb = error.localize(Lang::Nb);
        assert!(
            nb.contains("king-hotel-suite") && nb.contains("scenario"),
            "{nb}"
        );
        assert!(error.localize(Lang::Ru).contains("сценари"));
    }

    #[test]
    fn a_chain_renders_its_typed_links_in_the_language_and_the_rest_as_written() {
        let error = anyhow::Error::new(UserError::BadSince {
            text: "yesterday".into(),
        });
        let error = Err::<(), _>(error).context("report").unwrap_err();
        let ru = message(&error, Lang::Ru);
        assert!(ru.starts_with("report: "), "{ru}");
        assert!(
            ru.contains("«yesterday»") && ru.contains("ГГГГ-ММ-ДД"),
            "{ru}"
        );
    }

    #[test]
    fn problems_in_files_keep_their_location_under_a_translated_sentence() {
        let error = UserError::CannotPlay {
            what: "x.ron".into(),
            problems: vec!["x.ron:3:7: expected a string".into()],
        };
        let nb = error.localize(Lang::Nb);
        assert!(nb.ends_with("\nx.ron:3:7: expected a string"), "{nb}");
        assert!(!nb.contains("cannot be played"), "{nb}");
        assert!(error.is_problems_found());
    }

    #[test]
    fn a_results_database_error_reads_in_the_language_and_keeps_its_path() {
        let error = anyhow::Error::new(StoreError::TooNew {
            path: PathBuf::from("/data/composure.db"),
            found: 9,
            known: 3,
        });
        let nb = message(&error, Lang::Nb);
        assert!(
            nb.starts_with("resultatdatabasen /data/composure.db"),
            "{nb}"
        );
        assert!(nb.contains("skjema 9"), "{nb}");
        assert_eq!(
            error_line(&error, Lang::Ru).split(": ").next(),
            Some("composure"),
        );
        assert!(error_line(&error, Lang::Ru).starts_with("composure: ошибка: база результатов"));
    }

    #[test]
    fn answers_that_do_not_fit_are_problems_found_and_name_the_answer() {
        let refused = EngineError::NotOffered {
            choice: "x".into(),
            node: "opening".into(),
            offered: vec!["a".into(), "b".into()],
        };
        let error = anyhow::Error::new(AnswerError::Nth {
            n: 2,
            total: 3,
            source: refused,
        });
        assert_eq!(
            message(&error, Lang::En),
            "answer 2 of 3: choice \"x\" is not offered at \"opening\"; offered: a, b"
        );
        assert_eq!(
            message(&error, Lang::Nb),
            "svar 2 av 3: valget «x» finnes ikke ved «opening»; valgene der: a, b"
        );
        assert_eq!(
            crate::cli::exit::for_error(&error),
            std::process::ExitCode::from(crate::cli::exit::PROBLEMS)
        );
    }
}
