//! `composure report --format xapi --send URL`: the options of sending statements to a
//! learning record store, where the credentials come from, and the summary and exit code of
//! a send. The sending itself is `report::send`.

use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::Args;
use serde_json::Value;

use crate::i18n::{Args as MsgArgs, Lang, Messages};
use crate::report::send::{
    self, Auth, DEFAULT_BATCH, DEFAULT_RETRIES, Endpoint, Http, PASSWORD_ENV, Policy, Sender,
    Stopped, TOKEN_ENV,
};

#[derive(Debug, Args)]
pub struct LrsArgs {
    /// With --format xapi: post the statements to this learning record store instead of
    /// printing them. URL is its xAPI endpoint, such as https://lrs.example.org/xAPI/.
    /// Sending again is safe: a statement the store already holds is not stored twice.
    #[arg(long, value_name = "URL", value_parser = Endpoint::parse)]
    pub send: Option<Endpoint>,
    /// With --send: log in as this user (HTTP basic authentication), with the password
    /// from $COMPOSURE_LRS_PASSWORD. Without it, $COMPOSURE_LRS_TOKEN, if set, is sent as a
    /// bearer token.
    #[arg(long, value_name = "NAME", requires = "send")]
    pub lrs_user: Option<String>,
    /// With --send: statements per request (1 to 1000).
    #[arg(long, value_name = "N", requires = "send", default_value_t = DEFAULT_BATCH,
          value_parser = batch_size)]
    pub batch: usize,
    /// With --send: how often to try a request again (0 to 10) when the store cannot be
    /// reached, is busy (429) or fails (5xx), waiting 1, 2, 4… seconds (30 at most, or as
    /// long as the store asks within that) in between.
    #[arg(long, value_name = "N", requires = "send", default_value_t = DEFAULT_RETRIES,
          value_parser = clap::value_parser!(u32).range(0..=10))]
    pub retries: u32,
    /// With --send: say how much would be sent where, and send nothing.
    #[arg(long, requires = "send")]
    pub dry_run: bool,
}

fn batch_size(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(n) if (1..=1000).contains(&n) => Ok(n),
        _ => Err(format!(
            "\"{text}\" is not a batch size: give 1 to 1000 statements"
        )),
    }
}

/// The credentials `--lrs-user` and the environment give; `env` reads a variable.
fn auth(user: Option<&str>, env: impl Fn(&str) -> Option<String>, lang: Lang) -> Result<Auth> {
    let set = |name: &str| {
        env(name)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    Ok(match user {
        Some(user) => match env(PASSWORD_ENV).filter(|p| !p.is_empty()) {
            Some(password) => Auth::Basic {
                user: user.to_owned(),
                password,
            },
            None => bail!(
                Messages::get(lang).msg("lrs-no-password", &MsgArgs::new().text("user", user))
            ),
        },
        None => set(TOKEN_ENV).map_or(Auth::None, Auth::Bearer),
    })
}

/// Sends `statements` to `endpoint` as `args` say, prints what became of them, and gives
/// the exit code: 0 when every statement is stored (now or before), 1 when the store
/// refused some, an error (2) when it could not be reached or refused the request.
pub fn send(
    args: &LrsArgs,
    endpoint: &Endpoint,
    statements: &[Value],
    lang: Lang,
) -> Result<ExitCode> {
    let m = Messages::get(lang);
    let auth = auth(
        args.lrs_user.as_deref(),
        |name| std::env::var(name).ok(),
        lang,
    )?;
    if statements.is_empty() {
        println!("{}", m.msg("lrs-nothing", &MsgArgs::new()));
        return Ok(ExitCode::SUCCESS);
    }
    if args.dry_run {
        println!(
            "{}",
            m.msg(
                "lrs-dry-run",
                &MsgArgs::new()
                    .count("n", statements.len())
                    .count("requests", send::batches(statements.len(), args.batch))
                    .text("url", endpoint.statements_url()),
            )
        );
        return Ok(ExitCode::SUCCESS);
    }
    if auth != Auth::None && endpoint.in_clear() {
        eprintln!(
            "{}",
            m.msg(
                "lrs-in-clear",
                &MsgArgs::new().text("url", endpoint.statements_url())
            )
        );
    }
    let mut http = Http::new(endpoint, &auth);
    let outcome = Sender {
        transport: &mut http,
        sleep: &mut std::thread::sleep,
        policy: Policy {
            retries: args.retries,
            ..Policy::default()
        },
    }
    .send(statements, args.batch);
    println!("{}", send::summary(&outcome, endpoint, lang));
    match &outcome.stopped {
        Some(stopped @ Stopped::RefusingEverything) => {
            eprintln!("{}", send::stopped_message(stopped, endpoint, lang));
            Ok(super::exit::problems_found())
        }
        Some(stopped) => bail!(send::stopped_message(stopped, endpoint, lang)),
        None if outcome.refused.is_empty() => Ok(ExitCode::SUCCESS),
        None => Ok(super::exit::problems_found()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn a_user_takes_the_password_from_the_environment_and_never_goes_without() {
        let both = [(PASSWORD_ENV, "secret"), (TOKEN_ENV, "t0k")];
        assert_eq!(
            auth(Some("lead"), env(&both), Lang::En).unwrap(),
            Auth::Basic {
                user: "lead".into(),
                password: "secret".into()
            }
        );
        for vars in [
            &[][..],
            &[(PASSWORD_ENV, "")][..],
            &[(TOKEN_ENV, "t0k")][..],
        ] {
            let error = auth(Some("lead"), env(vars), Lang::En)
                .unwrap_err()
                .to_string();
            assert!(error.contains("COMPOSURE_LRS_PASSWORD"), "{error}");
        }
    }

    #[test]
    fn without_a_user_a_token_is_sent_if_set() {
        assert_eq!(
            auth(None, env(&[(TOKEN_ENV, " t0k\n")]), Lang::En).unwrap(),
            Auth::Bearer("t0k".into())
        );
        assert_eq!(
            auth(None, env(&[(PASSWORD_ENV, "secret")]), Lang::En).unwrap(),
            Auth::None
        );
    }

    #[test]
    fn a_batch_is_one_to_a_thousand_statements() {
        assert_eq!(batch_size("1"), Ok(1));
        assert_eq!(batch_size("1000"), Ok(1000));
        for bad in ["0", "1001", "-3", "many"] {
            assert!(batch_size(bad).is_err(), "{bad}");
        }
    }
}
