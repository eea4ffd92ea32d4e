//! What the command-line tests share.

use assert_cmd::Command;

/// The binary with the same language and no colour whatever the machine's locale: trainer
/// output is English, and each test that wants another language says so.
pub fn composure() -> Command {
    let mut cmd = Command::cargo_bin("composure").unwrap();
    cmd.env_remove("NO_COLOR")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C");
    cmd
}
