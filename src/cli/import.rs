//! `composure import`: a story drafted in another tool becomes a scenario file to finish.
//!
//! The importers are pure ([`crate::import`]); this is the file handling around them: reading
//! the story with the same limits as a scenario, never replacing a file unasked, and printing
//! each warning as `FILE:LINE: warning: …` so an editor can jump to it.

use std::fs::{File, OpenOptions};
use std::io::{ErrorKind, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::Subcommand;

use super::commands::plural;
use crate::import::{self, twee};
use crate::labels;
use crate::scenario::ClientType;
use crate::scenario::load::MAX_FILE_BYTES;
use crate::scenario::sanitize::for_message;

/// The formats `composure import` reads.
#[derive(Debug, Subcommand)]
pub enum ImportFrom {
    /// A Twine story in Twee 3: passages become nodes, links become choices, and whatever
    /// cannot be carried over is listed as a warning.
    Twee {
        /// The .twee file to read.
        story: PathBuf,
        /// The scenario file to write.
        #[arg(short, long, value_name = "SCENARIO.ron")]
        output: PathBuf,
        /// The kind of client, as `composure list` shows it (e.g. know-it-all). Default: rude,
        /// with a warning.
        #[arg(long, value_name = "TYPE", value_parser = labels::parse_client_type)]
        client_type: Option<ClientType>,
        /// Replace the output file if it already exists.
        #[arg(long)]
        force: bool,
    },
}

pub fn run(from: ImportFrom) -> Result<ExitCode> {
    match from {
        ImportFrom::Twee {
            story,
            output,
            client_type,
            force,
        } => import_twee(&story, &output, client_type, force),
    }
}

fn import_twee(
    story: &Path,
    output: &Path,
    client_type: Option<ClientType>,
    force: bool,
) -> Result<ExitCode> {
    // The path and the story's own names go to the terminal written out, never obeyed.
    let shown = for_message(&story.display().to_string()).into_owned();
    refuse_to_replace(story, output, force)?;
    let bytes = read_story(story).map_err(super::exit::found)?;
    let options = twee::Options {
        client_type,
        fallback_name: output
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
    };
    let imported = match twee::decode(&bytes).and_then(|text| twee::import(text, &options)) {
        Ok(imported) => imported,
        Err(e) => {
            let message = e.kind.to_string();
            eprintln!("{shown}:{}: error: {}", e.line, for_message(&message));
            return Ok(super::exit::problems_found());
        }
    };
    for warning in &imported.warnings {
        match warning.line {
            Some(line) => eprintln!("{shown}:{line}: warning: {}", for_message(&warning.message)),
            None => eprintln!("{shown}: warning: {}", for_message(&warning.message)),
        }
    }
    let source_name = story
        .file_name()
        .map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
    let ron =
        import::to_ron(&imported, &source_name).context("cannot write the scenario as RON")?;
    write_output(output, &ron, force)?;
    let out = output.display();
    let count = imported.warnings.len();
    summary(&format!(
        "imported {} → {out}; {count} {}; run `composure check {out}` next\n",
        plural(imported.scenario.nodes.len(), "passage"),
        if count == 1 { "warning" } else { "warnings" },
    ))?;
    Ok(ExitCode::SUCCESS)
}

fn refuse_to_replace(story: &Path, output: &Path, force: bool) -> Result<()> {
    if !output.exists() {
        return Ok(());
    }
    if !force {
        bail!(
            "{} already exists; pass --force to replace it",
            output.display()
        );
    }
    let same = match (story.canonicalize(), output.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same {
        bail!(
            "{} is the story itself; write the scenario to another file",
            output.display()
        );
    }
    Ok(())
}

/// Reads the story with the scenario loader's size limit: the scenario made from it would be
/// larger still, and would not load.
fn read_story(path: &Path) -> Result<Vec<u8>> {
    let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read {}", path.display()))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        bail!(
            "{} is larger than {MAX_FILE_BYTES} bytes, the limit for a story to import",
            path.display()
        );
    }
    Ok(bytes)
}

fn write_output(path: &Path, text: &str, force: bool) -> Result<()> {
    // `create_new` makes the no-overwrite promise hold even if the file appeared meanwhile.
    let file = if force {
        File::create(path)
    } else {
        OpenOptions::new().write(true).create_new(true).open(path)
    };
    let mut file = file.map_err(|e| {
        if e.kind() == ErrorKind::AlreadyExists {
            anyhow::anyhow!(
                "{} already exists; pass --force to replace it",
                path.display()
            )
        } else {
            anyhow::Error::new(e).context(format!("cannot write {}", path.display()))
        }
    })?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.flush())
        .with_context(|| format!("cannot write {}", path.display()))
}

/// The summary goes to standard output; a closed pipe there is not a failed import.
fn summary(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to standard output"),
    }
}
