//! Exit codes as scripts read them, the convention of grep and ripgrep: 0 when all is fine,
//! 1 when Composure found problems in the user's files or answers (a scenario that does not
//! check, answers that do not fit it), 2 for a command line Composure cannot follow and for
//! its own failures (a file it cannot write, a database it cannot open, no terminal).
//! clap exits with 2 on a bad command line too.

use std::fmt;
use std::process::ExitCode;

/// Problems were found in the user's files or answers.
pub const PROBLEMS: u8 = 1;
/// A usage error, or Composure could not do what was asked.
pub const FAILURE: u8 = 2;

/// An error that is the user's files or answers being wrong rather than Composure failing:
/// the process exits with [`PROBLEMS`] rather than [`FAILURE`].
#[derive(Debug)]
pub struct ProblemsFound(pub String);

impl fmt::Display for ProblemsFound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ProblemsFound {}

/// An error about the user's files or answers (see [`ProblemsFound`]), keeping the whole
/// message of what went wrong.
pub fn found(error: impl fmt::Display) -> anyhow::Error {
    anyhow::Error::new(ProblemsFound(format!("{error:#}")))
}

/// The exit code of a command that found problems and has said so.
pub fn problems_found() -> ExitCode {
    ExitCode::from(PROBLEMS)
}

/// The exit code for an error that ended a command.
pub fn for_error(error: &anyhow::Error) -> ExitCode {
    let problems = |e: &(dyn std::error::Error + 'static)| {
        e.is::<ProblemsFound>() || super::errors::is_problems_found(e)
    };
    if error.chain().any(problems) {
        ExitCode::from(PROBLEMS)
    } else {
        ExitCode::from(FAILURE)
    }
}

#[cfg(test)]
mod tests {
    use anyhow::Context as _;

    use super::*;

    #[test]
    fn problems_found_exit_1_even_under_context_and_everything_else_2() {
        let answers: anyhow::Result<()> = Err(found("answer 2 of 3: no choice \"x\""));
        let wrapped = answers.context("while playing").unwrap_err();
        assert_eq!(for_error(&wrapped), ExitCode::from(1));
        assert_eq!(
            for_error(&anyhow::anyhow!("cannot write")),
            ExitCode::from(2)
        );
    }
}
