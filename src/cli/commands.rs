//! The commands that print rather than draw: list, rules, check and scripted play. Each
//! returns the process exit code; errors the user can fix come back as readable messages.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, Result, anyhow, bail};

use super::errors::{AnswerError, Instead, UserError};
use super::{Cli, Command};
use crate::authoring::starter::starter;
use crate::engine::{Conversation, Millis, Report};
use crate::i18n::{Args, Lang, Messages};
use crate::labels;
use crate::rules::sources::article;
use crate::rules::{RuleScope, Rulebook};
use crate::scenario::measure::best_path_decisions;
use crate::scenario::validate::is_valid_id;
use crate::scenario::{ClientType, Library, Problem, load_path};
use crate::tui;
use crate::tui::LangFilter;
use crate::tui::wrap;

/// Runs a parsed command line.
pub fn run(cli: Cli, now: Millis) -> Result<ExitCode> {
    let lang = cli.resolved_lang();
    let messages = Messages::get(lang);
    let rules = Rulebook::embedded_in(lang)?;
    let seed = cli.seed.unwrap_or(now);
    let fixed_seed = cli.seed;
    // Resolved lazily by the commands that keep results; a bad value only matters to them.
    let data_dir = crate::store::data_dir(
        cli.data_dir.as_deref(),
        std::env::var_os(crate::store::DATA_DIR_ENV),
    );
    match cli.command {
        Some(Command::Rules { id }) => {
            print_out(&rules_text(&rules, messages, id.as_deref())?)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Audit {
            ids,
            language,
            format,
        }) => super::analyse::run_audit(&ids, &language, format, &cli.scenarios, &rules),
        Some(Command::Paths { id, limit, format }) => {
            super::analyse::run_paths(&id, limit, format, &cli.scenarios, &rules)
        }
        Some(Command::Match {
            scenario,
            node,
            reply,
            format,
        }) => super::matching::run(
            &scenario,
            &node,
            &reply,
            format,
            lang,
            &cli.scenarios,
            &rules,
        ),
        Some(Command::Graph { id, format }) => {
            super::analyse::run_graph(&id, format, &cli.scenarios, &rules)
        }
        Some(Command::Check {
            paths,
            strict,
            coverage,
            coverage_language,
            format,
        }) => super::check::run(
            &paths,
            &rules,
            strict,
            coverage.then_some(coverage_language.as_deref()),
            format,
        ),
        Some(Command::Import { from }) => super::import::run(from),
        Some(Command::Completions { shell }) => super::generate::completions(shell),
        Some(Command::Man { command }) => super::generate::man(command.as_deref()),
        Some(Command::List {
            client_type,
            language,
        }) => {
            let library = load_library(&cli.scenarios, &rules);
            warn_problems(&library.problems, lang);
            let kind = match client_type.as_deref() {
                Some(text) => Some(labels::parse_client_type(text).map_err(|_| {
                    UserError::UnknownClientType {
                        text: text.to_owned(),
                        known: ClientType::ALL
                            .into_iter()
                            .map(|k| labels::client_type_slug(k).to_owned())
                            .collect(),
                    }
                })?),
                None => None,
            };
            let filter = match language.as_deref() {
                None => LangFilter::Mine,
                Some("all") => LangFilter::All,
                Some(text) => LangFilter::Only(Lang::parse(text).ok_or_else(|| {
                    UserError::UnknownListLanguage {
                        text: text.to_owned(),
                    }
                })?),
            };
            print_out(&list_text(&library, messages, kind, filter))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Play {
            id,
            answers: Some(answers),
            json,
            trainee,
            ..
        }) => {
            let (library, id) = library_for(&id, &cli.scenarios, &rules, lang)?;
            let scenario = find(&library, &id, messages)?;
            let report = play_scripted(scenario, &answers, seed, now, &rules)?;
            if let Some(trainee) = trainee {
                let id = super::results::save_practice(&data_dir?, &trainee, &report, now)?;
                eprintln!(
                    "{}",
                    Messages::get(lang)
                        .msg("play-saved", &Args::new().text("session", id.to_string()))
                );
            }
            let text = if json {
                serde_json::to_string_pretty(&report)? + "\n"
            } else {
                transcript_text(&report, messages, &rules)
            };
            print_out(&text)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Play {
            id,
            answers: None,
            watch,
            trainee,
            ..
        }) => {
            let watch = if watch {
                if !is_file_argument(&id) {
                    return Err(UserError::WatchNeedsFile.into());
                }
                Some(PathBuf::from(&id))
            } else {
                None
            };
            // A watched file may be broken when the trainer starts: the trainer shows why.
            let (library, start_with) =
                match (&watch, library_for(&id, &cli.scenarios, &rules, lang)) {
                    (_, Ok(found)) => found,
                    (Some(_), Err(_)) => (Library::default(), id.clone()),
                    (None, Err(e)) => return Err(e),
                };
            if watch.is_none() {
                find(&library, &start_with, messages)?;
            }
            needs_terminal(Instead::PlayAnswers)?;
            let record = match trainee {
                Some(trainee) => Some(super::results::recorder(&data_dir?, &trainee)?),
                None => None,
            };
            tui::run(tui::Options {
                library,
                rules,
                seed: fixed_seed,
                feedback: cli.feedback,
                start_with: Some(start_with),
                watch,
                lang,
                record,
                typed: cli.typed,
            })
        }
        Some(Command::Drill(args)) => {
            let library = load_library(&cli.scenarios, &rules);
            warn_problems(&library.problems, lang);
            let data_dir = data_dir?;
            let cx = super::drill::Context {
                rules: &rules,
                lang,
                library: &library,
                data_dir: &data_dir,
                now,
                typed: cli.typed,
            };
            super::drill::run(args, &cx)
        }
        Some(Command::Drills) => {
            let library = load_library(&cli.scenarios, &rules);
            super::drill::run(
                super::DrillArgs {
                    drill: None,
                    trainee: None,
                    mistakes: false,
                    list: true,
                    answers: None,
                    hold_save_ms: 0,
                },
                &super::drill::Context {
                    rules: &rules,
                    lang,
                    library: &library,
                    data_dir: Path::new(""),
                    now,
                    typed: false,
                },
            )
        }
        Some(Command::History { trainee }) => {
            super::results::history(&data_dir?, &cli.scenarios, &trainee, rules, lang)
        }
        Some(Command::Report(args)) => {
            super::results::report(&data_dir?, &cli.scenarios, &args, now, lang)
        }
        Some(Command::New {
            name,
            client_type,
            force,
        }) => new_scenario(&name, &client_type, force),
        None => {
            needs_terminal(Instead::ListOrPlay)?;
            let library = load_library(&cli.scenarios, &rules);
            tui::run(tui::Options {
                library,
                rules,
                seed: fixed_seed,
                feedback: cli.feedback,
                start_with: None,
                watch: None,
                lang,
                record: None,
                typed: cli.typed,
            })
        }
    }
}

/// Screens read keys from standard input and draw on standard output; without a terminal on
/// both there is nothing to draw on, and the error says what works instead.
pub(super) fn needs_terminal(instead: Instead) -> Result<(), UserError> {
    use std::io::IsTerminal as _;
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        return Ok(());
    }
    Err(UserError::NeedsTerminal { instead })
}

/// Whether a `play` argument names a file rather than a scenario id.
fn is_file_argument(id: &str) -> bool {
    id.ends_with(".ron") || Path::new(id).is_file()
}

/// The library to play from, and the id to play: a file on its own, or the shipped scenarios
/// and folders.
fn library_for(
    id: &str,
    folders: &[PathBuf],
    rules: &Rulebook,
    lang: Lang,
) -> Result<(Library, String)> {
    if !is_file_argument(id) {
        let library = load_library(folders, rules);
        warn_problems(&library.problems, lang);
        return Ok((library, id.to_owned()));
    }
    match load_path(Path::new(id), rules) {
        Ok(scenario) => {
            let found = scenario.id().to_owned();
            let mut library = Library::default();
            library.insert(scenario);
            Ok((library, found))
        }
        Err(problems) => Err(UserError::CannotPlay {
            what: id.to_owned(),
            problems: problems.iter().map(ToString::to_string).collect(),
        }
        .into()),
    }
}

/// `composure new`: writes a starter scenario and says what to do next.
fn new_scenario(name: &str, client_type: &str, force: bool) -> Result<ExitCode> {
    let kind = labels::parse_client_type(client_type).map_err(|e| anyhow!(e))?;
    let path = if name.ends_with(".ron") {
        PathBuf::from(name)
    } else {
        PathBuf::from(format!("{name}.ron"))
    };
    let id = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_owned();
    if !is_valid_id(&id) {
        bail!(
            "\"{id}\" cannot be a scenario id: use lowercase letters a-z, digits 0-9 and dashes, as in \"king-hotel-suite\""
        );
    }
    if path.exists() && !force {
        bail!(
            "{} already exists; pick another name, or add --force to replace it",
            path.display()
        );
    }
    std::fs::write(&path, starter(&id, kind))
        .with_context(|| format!("cannot write {}", path.display()))?;
    let shown = path.display();
    print_out(&format!(
        "wrote {shown}: a starter scenario (client type: {})\nnext: composure check --strict {shown}\n      composure play {shown} --watch\n",
        labels::client_type_slug(kind)
    ))?;
    Ok(ExitCode::SUCCESS)
}

pub(super) fn load_library(folders: &[PathBuf], rules: &Rulebook) -> Library {
    let mut library = Library::embedded(rules);
    for folder in folders {
        library.add_folder(folder, rules);
    }
    library
}

/// The scenario to play, in the trainee's language if it has one; a fallback to English is
/// said on standard error.
pub(super) fn find<'a>(
    library: &'a Library,
    id: &str,
    messages: &Messages,
) -> Result<&'a crate::scenario::ValidScenario> {
    let lang = messages.lang();
    match library.get(id, lang.code()) {
        Some((scenario, fallback)) => {
            if fallback {
                eprintln!(
                    "{}",
                    messages.msg(
                        "fallback-notice",
                        &Args::new().text("language", lang.name())
                    )
                );
            }
            Ok(scenario)
        }
        None => {
            // One id for all the language versions of a scenario.
            let mut known: Vec<String> = library
                .scenarios()
                .iter()
                .map(|s| s.id().to_owned())
                .collect();
            known.sort_unstable();
            known.dedup();
            Err(UserError::UnknownScenario {
                id: id.to_owned(),
                known,
            }
            .into())
        }
    }
}

/// Writes to stdout, treating a closed pipe (`composure list | head`) as success.
pub(super) fn print_out(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to standard output"),
    }
}

/// Says which scenario files were skipped, in `lang`; each problem's location and detail
/// stay as the loader wrote them.
pub(super) fn warn_problems(problems: &[Problem], lang: Lang) {
    let m = Messages::get(lang);
    for problem in problems {
        eprintln!(
            "{}",
            m.msg(
                "warning-skipped",
                &Args::new().text("problem", problem.to_string())
            )
        );
    }
    if !problems.is_empty() {
        eprintln!("{}", m.msg("warning-skipped-hint", &Args::new()));
    }
}

/// Plays `answers` in order and returns the graded report; every answer must be used and the
/// conversation must reach an ending.
pub fn play_scripted(
    scenario: &crate::scenario::ValidScenario,
    answers: &[String],
    seed: u64,
    now: Millis,
    rules: &Rulebook,
) -> Result<Report> {
    let mut conversation = Conversation::start(Arc::new(scenario.clone()), seed, now)?;
    for (n, answer) in answers.iter().enumerate() {
        let answer = answer.trim();
        if conversation.is_finished() {
            return Err(AnswerError::LeftOver {
                node: conversation.turn().node.clone(),
                used: n,
                answer: answer.to_owned(),
            }
            .into());
        }
        conversation
            .choose(answer, now)
            .map_err(|source| AnswerError::Nth {
                n: n + 1,
                total: answers.len(),
                source,
            })?;
    }
    if !conversation.is_finished() {
        let turn = conversation.turn();
        return Err(AnswerError::RanOut {
            node: turn.node.clone(),
            offered: turn.options.clone(),
        }
        .into());
    }
    Ok(Report::new(&conversation, rules))
}

pub(super) fn table(rows: &[Vec<String>]) -> String {
    crate::report::table::columns(rows)
}

/// Where `composure rules` wraps its text.
const RULES_WIDTH: usize = 80;

/// The rulebook as `composure rules` prints it, in the language of `rules` and `messages`:
/// each rule's name and id, what it means, what breaks it and its sources, the guidance
/// articles cited by number and language. With `only`, that rule alone.
pub fn rules_text(rules: &Rulebook, messages: &Messages, only: Option<&str>) -> Result<String> {
    let shown: Vec<&crate::rules::Rule> = match only {
        None => rules.rules.iter().collect(),
        Some(id) => match rules.get(id) {
            Some(rule) => vec![rule],
            None => {
                return Err(UserError::UnknownRule {
                    id: id.to_owned(),
                    known: rules.rules.iter().map(|r| r.id.clone()).collect(),
                }
                .into());
            }
        },
    };
    let mut out = String::new();
    if only.is_none() {
        for line in wrap(&messages.text("rulebook-intro"), RULES_WIDTH) {
            let _ = writeln!(out, "{line}");
        }
    }
    let indent = "    ";
    let field = |out: &mut String, label: &str, text: &str| {
        for line in wrap(&format!("{label}: {text}"), RULES_WIDTH - indent.len()) {
            let _ = writeln!(out, "{indent}{line}");
        }
    };
    for rule in shown {
        if !out.is_empty() {
            out.push('\n');
        }
        let _ = writeln!(out, "{} [{}]", rule.name, rule.id);
        if rule.scope == RuleScope::Debrief {
            for line in wrap(
                &format!("({})", messages.text("rulebook-debrief-prompt")),
                RULES_WIDTH - indent.len(),
            ) {
                let _ = writeln!(out, "{indent}{line}");
            }
        }
        field(&mut out, &messages.text("rulebook-means"), &rule.guidance);
        field(&mut out, &messages.text("rulebook-breaks"), &rule.breaks);
        let sources: Vec<String> = rule
            .sources
            .iter()
            .map(|source| match article(source) {
                Some(a) => messages.msg(
                    if a.machine_translated {
                        "rulebook-article-translated"
                    } else {
                        "rulebook-article"
                    },
                    &Args::new()
                        .text("n", a.number)
                        .text("language", messages.language_in_text(a.language)),
                ),
                None => source.clone(),
            })
            .collect();
        field(
            &mut out,
            &messages.text("rulebook-sources"),
            &sources.join("; "),
        );
    }
    Ok(out)
}

/// One row per scenario under the filters: id, language, client type, decisions on the best
/// path and difficulty, title. A scenario shown in English because the chosen language has no
/// version of it is marked `en*`.
pub fn list_text(
    library: &Library,
    messages: &Messages,
    kind: Option<ClientType>,
    filter: LangFilter,
) -> String {
    let mine = messages.lang().code();
    let mut any_fallback = false;
    let rows: Vec<Vec<String>> = library
        .scenarios()
        .iter()
        .filter(|s| kind.is_none_or(|k| s.scenario().shown_type() == k))
        .filter_map(|s| {
            let m = s.scenario();
            let fallback = match filter {
                LangFilter::All => false,
                LangFilter::Only(only) if m.language == only.code() => false,
                LangFilter::Only(_) => return None,
                LangFilter::Mine => {
                    // Each scenario once: in my language, else English, else what it has.
                    let preferred = library.get(&m.id, mine).map(|(p, _)| p);
                    if !preferred.is_some_and(|p| std::ptr::eq(p, s)) {
                        return None;
                    }
                    m.language != mine
                }
            };
            let length = best_path_decisions(s);
            any_fallback |= fallback;
            Some(vec![
                m.id.clone(),
                if fallback {
                    format!("{}*", m.language)
                } else {
                    m.language.clone()
                },
                messages.client_type(m.shown_type()),
                length.map_or("-".to_owned(), |n| {
                    messages.msg("home-length", &Args::new().count("n", n))
                }),
                length.map_or("-".to_owned(), |n| messages.difficulty(n)),
                m.title.clone(),
            ])
        })
        .collect();
    if rows.is_empty() {
        return messages.msg("list-empty", &Args::new()) + "\n";
    }
    let heading = [
        "list-col-id",
        "list-col-language",
        "list-col-client",
        "list-col-length",
        "list-col-difficulty",
        "list-col-title",
    ]
    .iter()
    .map(|id| messages.msg(id, &Args::new()))
    .collect();
    let mut out = table(&[vec![heading], rows].concat());
    if any_fallback {
        out.push_str(&messages.msg("list-fallback-note", &Args::new()));
        out.push('\n');
    }
    out
}

/// `1 word`, `2 words`: English counts for the trainer tools, which speak English. Only for
/// nouns whose plural adds an s.
pub(super) fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// A readable transcript of a finished conversation, for `play --answers` without `--json`.
/// The coaching names rules as `rules` (the trainee's language) does; `--json` keeps it as
/// the scenario wrote it, with rule ids.
pub fn transcript_text(report: &Report, messages: &Messages, rules: &Rulebook) -> String {
    let you = messages.text("you");
    let best_here = messages.text("best-here");
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}) — seed {}",
        report.scenario.title,
        messages.client_type(report.scenario.client_type),
        report.seed
    );
    for (n, step) in report.steps.iter().enumerate() {
        let _ = writeln!(
            out,
            "\n{}. {}: {}",
            n + 1,
            report.scenario.client,
            step.client_line
        );
        if step.hesitated {
            let _ = writeln!(out, "   {you}: ({})", messages.text("silence"));
            let _ = writeln!(out, "   {best_here}: {}", step.best.text);
            continue;
        }
        let _ = writeln!(out, "   {you}: {}", step.chosen.text);
        let _ = writeln!(out, "   → {}", step.consequence);
        for v in &step.verdicts {
            let (mark, word) = if v.follows {
                ("✓", messages.text("verdict-follows"))
            } else {
                ("✗", messages.text("verdict-breaks"))
            };
            let _ = writeln!(
                out,
                "   {mark} {word} {}{}",
                v.rule_name,
                messages.weight(v.weight)
            );
        }
        let _ = writeln!(out, "   {}", rules.render_coaching(&step.coaching));
        if !step.was_best {
            let _ = writeln!(out, "   {best_here}: {}", step.best.text);
            let _ = writeln!(
                out,
                "   {}: {}",
                messages.text("why"),
                rules.render_coaching(&step.best_coaching)
            );
        }
    }
    if let Some(ending) = &report.ending {
        let _ = writeln!(out, "\n{}: {}", report.scenario.client, ending.client_line);
        let _ = writeln!(
            out,
            "\n{}: {}",
            messages.text("ending"),
            messages.outcome(ending.outcome)
        );
        let _ = writeln!(out, "{}", ending.closing);
    }
    let _ = writeln!(out, "\n{}: {}/100", messages.text("score"), report.score);
    out
}
