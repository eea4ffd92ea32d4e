//! `composure drill` and `composure drills`: a timed drill in the terminal, or played from a
//! list of answers without one; the mistakes drill; the list of shipped drills. Each finished
//! scenario is saved before the next begins, and reported saved only once committed.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context as _, Result};
use clap::Args as ClapArgs;

use super::commands::{print_out, table};
use super::errors::{Instead, UserError};
use crate::drill::{
    DrillPlan, Order, embedded_drills, find_drill, load_drill_path, load_drill_source, mean_score,
    mistakes_plan, plan, play_scripted,
};
use crate::engine::{Feedback, Millis};
use crate::i18n::{Args, Lang, Messages};
use crate::rules::Rulebook;
use crate::scenario::Library;
use crate::scenario::sanitize::refused;
use crate::store::{SessionRecord, Store};

#[derive(Debug, ClapArgs)]
pub struct DrillArgs {
    /// A drill file, or the id of a shipped drill (see `composure drills`).
    #[arg(required_unless_present_any = ["list", "mistakes"])]
    pub drill: Option<String>,
    /// Who is playing: results are saved under this name.
    #[arg(long, value_name = "NAME", required_unless_present = "list")]
    pub trainee: Option<String>,
    /// Re-drill the scenarios where your latest attempt missed the best answer.
    #[arg(long, conflicts_with_all = ["drill", "list"])]
    pub mistakes: bool,
    /// List the shipped drills, as `composure drills` does.
    #[arg(long)]
    pub list: bool,
    /// Play these choice ids in order without a terminal, scenario after scenario; `-` lets
    /// the time run out. Each result is saved as its scenario ends.
    #[arg(long, value_name = "ID1,ID2,...", value_delimiter = ',')]
    pub answers: Option<Vec<String>>,
    /// Crash tests only: hold each save's transaction open this long before committing.
    #[arg(long, hide = true, value_name = "MS", default_value_t = 0)]
    pub hold_save_ms: u64,
}

/// What every results command needs.
pub struct Context<'a> {
    pub rules: &'a Rulebook,
    /// The trainee's language: each scenario is played in it where it has been translated.
    pub lang: Lang,
    pub library: &'a Library,
    pub data_dir: &'a Path,
    pub now: Millis,
    /// `--typed`: replies typed in the trainee's own words, whatever the drill file says.
    pub typed: bool,
}

pub fn run(args: DrillArgs, cx: &Context<'_>) -> Result<ExitCode> {
    if args.list {
        return list(cx.library, cx.lang);
    }
    let trainee = trainee_name(args.trainee.as_deref().unwrap_or_default())?;
    if args.answers.is_none() {
        super::commands::needs_terminal(Instead::DrillAnswers)?;
    }
    let mut store = Store::open_in(cx.data_dir)?;
    let plan = if args.mistakes {
        let mistakes = store.latest_mistakes(&trainee)?;
        mistakes_plan(&mistakes, cx.library, cx.now, cx.lang.code()).ok_or_else(|| {
            UserError::NoMistakes {
                trainee: trainee.clone(),
            }
        })?
    } else {
        let name = args.drill.unwrap_or_default();
        plan(&load_drill(&name, cx.library)?, cx.library, cx.lang.code())
    };
    let plan = if cx.typed && !plan.typed {
        plan.into_typed()
    } else {
        plan
    };
    match args.answers {
        Some(answers) => scripted(
            &plan,
            &trainee,
            &answers,
            &mut store,
            cx,
            Duration::from_millis(args.hold_save_ms),
        ),
        None => crate::tui::run_drill(crate::tui::DrillOptions {
            plan,
            rules: cx.rules.clone(),
            trainee,
            store,
            lang: cx.lang,
        }),
    }
}

/// A trainee's name as results are filed under it: trimmed, not empty, at most 80
/// characters, and nothing a terminal would obey or a reader could not see. Reports print
/// the name, and two names that look the same must be the same trainee, so direction marks,
/// allowed in scenario text, are refused here too.
pub fn trainee_name(name: &str) -> Result<String, UserError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(UserError::TraineeEmpty);
    }
    if name.chars().count() > 80 {
        return Err(UserError::TraineeTooLong);
    }
    let mut chars = name.chars().enumerate().peekable();
    while let Some((at, c)) = chars.next() {
        let why = refused(c, chars.peek().map(|&(_, n)| n)).or_else(|| {
            (c.is_control() || matches!(c, '\u{200e}' | '\u{200f}' | '\u{61c}'))
                .then_some("a control or invisible character")
        });
        if why.is_some() {
            return Err(UserError::TraineeCharacter {
                code: u32::from(c),
                at: at + 1,
            });
        }
    }
    Ok(name.to_owned())
}

/// A drill file path, or the id of a shipped drill.
fn load_drill(name: &str, library: &Library) -> Result<crate::drill::Drill> {
    let problems = |list: Vec<crate::scenario::Problem>| UserError::CannotRunDrill {
        name: name.to_owned(),
        problems: list.iter().map(ToString::to_string).collect(),
    };
    if name.ends_with(".ron") || Path::new(name).is_file() {
        return Ok(load_drill_path(&PathBuf::from(name), library).map_err(problems)?);
    }
    match find_drill(name, library) {
        Some(loaded) => Ok(loaded.map_err(problems)?),
        None => {
            let ids: Vec<String> = embedded_drills()
                .filter_map(|(o, t)| load_drill_source(&o, t, library).ok())
                .map(|d| d.id)
                .collect();
            Err(UserError::UnknownDrill {
                name: name.to_owned(),
                known: ids,
            }
            .into())
        }
    }
}

/// The shipped drills, one row each, in `lang`: each drill's name as it gives it for that
/// language (its `translations`), else its own.
fn list(library: &Library, lang: Lang) -> Result<ExitCode> {
    let m = Messages::get(lang);
    let word = |id: &str| m.msg(id, &Args::new());
    let mut rows = vec![
        [
            "drills-col-id",
            "drills-col-scenarios",
            "drills-col-time",
            "drills-col-order",
            "drills-col-coaching",
            "drills-col-name",
        ]
        .map(word)
        .to_vec(),
    ];
    for (origin, text) in embedded_drills() {
        match load_drill_source(&origin, text, library) {
            Ok(drill) => {
                let planned = plan(&drill, library, lang.code()).items.len();
                rows.push(vec![
                    drill.id.clone(),
                    m.msg("drills-scenarios", &Args::new().count("n", planned)),
                    m.msg(
                        "drills-seconds",
                        &Args::new().count(
                            "s",
                            usize::try_from(drill.seconds_per_decision).unwrap_or(usize::MAX),
                        ),
                    ),
                    word(match drill.order {
                        Order::Fixed => "drills-order-fixed",
                        Order::Shuffled => "drills-order-shuffled",
                    }),
                    word(match drill.feedback {
                        Feedback::Now => "drills-coaching-now",
                        Feedback::End => "drills-coaching-end",
                    }),
                    drill.text_in(lang.code()).0.to_owned(),
                ]);
            }
            Err(problems) => super::commands::warn_problems(&problems, lang),
        }
    }
    print_out(&table(&rows))?;
    Ok(ExitCode::SUCCESS)
}

fn scripted(
    plan: &DrillPlan,
    trainee: &str,
    answers: &[String],
    store: &mut Store,
    cx: &Context<'_>,
    hold: Duration,
) -> Result<ExitCode> {
    let m = Messages::get(cx.lang);
    let count = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
    print_out(&format!(
        "{}\n",
        m.msg(
            "drill-run-start",
            &Args::new()
                .text("name", plan.name.as_str())
                .text("id", plan.id.as_str())
                .text("trainee", trainee)
                .count("n", plan.items.len())
                .count("s", count(plan.time_limit_ms / 1000)),
        )
    ))?;
    let mut answers = answers.iter().map(String::as_str);
    let mut clock = cx.now;
    let mut scores = Vec::new();
    for item in &plan.items {
        let report = play_scripted(item, plan.time_limit_ms, &mut answers, &mut clock, cx.rules)?;
        let record = SessionRecord {
            trainee: trainee.to_owned(),
            drill: Some(plan.id.clone()),
            report,
            ended_at: clock,
            version: env!("CARGO_PKG_VERSION").to_owned(),
        };
        let id = store.save_holding(&record, hold).with_context(|| {
            m.msg(
                "error-save-result",
                &Args::new().text("scenario", item.scenario.id()),
            )
        })?;
        scores.push(record.report.score);
        // Printed only after the commit returned: a line here is a result that lasts.
        print_out(&format!(
            "{}\n",
            m.msg(
                "drill-run-saved",
                &Args::new()
                    .text("session", id.to_string())
                    .text("scenario", item.scenario.id())
                    .text("score", record.report.score.to_string())
                    .count("n", count(u64::from(record.report.hesitations))),
            )
        ))?;
    }
    let left: Vec<&str> = answers.collect();
    if !left.is_empty() {
        eprintln!(
            "{}",
            m.msg(
                "drill-run-unused",
                &Args::new()
                    .count("n", left.len())
                    .text("answers", left.join(",")),
            )
        );
    }
    let mean = mean_score(scores).unwrap_or(0);
    print_out(&format!(
        "{}\n",
        m.msg(
            "drill-run-score",
            &Args::new().text("score", mean.to_string())
        )
    ))?;
    Ok(ExitCode::SUCCESS)
}
