//! `composure completions SHELL` and `composure man`: the shell completion script and the
//! manual page, both generated from the clap definition, so they never drift from it.

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};
use clap::CommandFactory as _;
use clap_complete::Shell;

use super::Cli;
use super::commands::print_out;

/// What the exit codes mean, for `--help` and the manual page alike.
pub const EXIT_STATUS: [(u8, &str); 3] = [
    (
        0,
        "Success: everything checked out, or the command did what was asked.",
    ),
    (
        super::exit::PROBLEMS,
        "Problems were found in your files or answers: `check` reported errors (or warnings \
         with --strict), a scenario, drill or story file cannot be read or does not load, or \
         the answers given to --answers do not fit the scenario.",
    ),
    (
        super::exit::FAILURE,
        "A usage error (an unknown command, option, scenario id, drill or client type; a file \
         that would be replaced without --force; a screen asked for without a terminal), or \
         Composure itself failed (a file it could not write, a results database it cannot \
         use).",
    ),
];

/// The exit status as plain text, shown at the end of `composure --help`.
pub fn exit_status_help() -> String {
    let mut text = String::from("Exit status:\n");
    for (code, meaning) in EXIT_STATUS {
        text.push_str(&format!("  {code}  {meaning}\n"));
    }
    text
}

/// Prints the completion script for `shell`.
pub fn completions(shell: Shell) -> Result<ExitCode> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "composure", &mut script);
    print_out(&String::from_utf8_lossy(&script))?;
    Ok(ExitCode::SUCCESS)
}

/// Prints a manual page in roff: composure(1) with the clap definition's sections and the
/// exit status, or a command's own page, composure-check(1), which composure(1) refers to.
pub fn man(command: Option<&str>) -> Result<ExitCode> {
    let mut cli = Cli::command();
    cli.build();
    let Some(name) = command else {
        return top_page(cli);
    };
    let Some(sub) = cli.find_subcommand(name).cloned() else {
        let names: Vec<&str> = cli.get_subcommands().map(|c| c.get_name()).collect();
        bail!("{}", crate::suggest::unknown_id("command", name, &names));
    };
    let mut page = Vec::new();
    clap_mangen::Man::new(sub).render(&mut page)?;
    print_out(&String::from_utf8_lossy(&page))?;
    Ok(ExitCode::SUCCESS)
}

fn top_page(cli: clap::Command) -> Result<ExitCode> {
    let man = clap_mangen::Man::new(cli);
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    man.render_subcommands_section(&mut page)?;
    writeln!(page, ".SH \"EXIT STATUS\"").context("cannot render the manual page")?;
    for (code, meaning) in EXIT_STATUS {
        // The meanings are plain sentences: no line starts with a dot or a quote, and no
        // backslash needs escaping; roff only needs the backticks turned into quotes.
        writeln!(
            page,
            ".TP\n\\fB{code}\\fR\n{}",
            meaning.replace('`', "\\(aq")
        )
        .context("cannot render the manual page")?;
    }
    man.render_version_section(&mut page)?;
    print_out(&String::from_utf8_lossy(&page))?;
    Ok(ExitCode::SUCCESS)
}
