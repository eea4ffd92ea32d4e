//! Layers that stay layered: the table in `src/lib.rs` says which modules each module may use,
//! and this test reads every source file and fails on a `crate::` path to any other, and on
//! the terminal or command-line crates outside `tui` and `cli`.

// Tests fail by panicking; that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Which module may use which, as the table in lib.rs's documentation says.
struct Map {
    modules: BTreeSet<String>,
    /// `None`: every module.
    allowed: BTreeMap<String, Option<BTreeSet<String>>>,
}

fn backticked(cell: &str) -> Vec<String> {
    cell.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

fn map() -> Map {
    let lib = std::fs::read_to_string("src/lib.rs").unwrap();
    let modules: BTreeSet<String> = lib
        .lines()
        .filter_map(|l| l.strip_prefix("pub mod "))
        .map(|l| l.trim_end_matches(';').to_owned())
        .collect();
    let mut allowed = BTreeMap::new();
    for line in lib.lines() {
        let Some(row) = line.strip_prefix("//! | `") else {
            continue;
        };
        let mut cells = row.split(" | ");
        let module = cells.next().unwrap().trim_end_matches('`').to_owned();
        let uses = cells.next().unwrap_or_default();
        let entry = if uses.contains("every module") {
            None
        } else {
            Some(backticked(uses).into_iter().collect())
        };
        assert!(
            allowed.insert(module.clone(), entry).is_none(),
            "{module} has two rows"
        );
    }
    Map { modules, allowed }
}

fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).unwrap() {
            rust_files(&entry.unwrap().path(), out);
        }
    } else if path.is_file() && path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

/// The code of a file without its comments (doc comments name other modules in prose and
/// links; only code counts).
fn code(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The modules a piece of code names as `crate::NAME`.
fn crate_paths(code: &str) -> BTreeSet<String> {
    code.match_indices("crate::")
        .filter(|(i, _)| {
            // Not `composure_crate::` or the like.
            !code[..*i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
        })
        .map(|(i, m)| {
            let rest = &code[i + m.len()..];
            if rest.starts_with('{') {
                // `use crate::{a, b}` would hide its modules from this reading.
                return "{".to_owned();
            }
            rest.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect::<String>()
        })
        .filter(|name| !name.is_empty())
        .collect()
}

/// What `module`'s code names that the map does not allow it, as "file: what".
fn violations(map: &Map, module: &str, files: &[(String, String)]) -> Vec<String> {
    let allowed = map.allowed.get(module);
    let mut found = Vec::new();
    for (file, text) in files {
        let code = code(text);
        if let Some(Some(allowed)) = allowed {
            for used in crate_paths(&code) {
                if used == "{" {
                    found.push(format!(
                        "{file}: groups modules in `use crate::{{…}}`; name each with its own `use crate::…`"
                    ));
                } else if used != module && map.modules.contains(&used) && !allowed.contains(&used)
                {
                    found.push(format!("{file}: uses crate::{used}"));
                }
            }
        }
        for (krate, owner) in [
            ("ratatui", "tui"),
            ("crossterm", "tui"),
            ("clap", "cli"),
            ("clap_complete", "cli"),
            ("clap_mangen", "cli"),
        ] {
            let named =
                code.contains(&format!("{krate}::")) || code.contains(&format!("use {krate}"));
            if named && module != owner {
                found.push(format!("{file}: uses {krate}, which only {owner} may"));
            }
        }
    }
    found
}

fn module_files(module: &str) -> Vec<(String, String)> {
    let mut paths = Vec::new();
    rust_files(&PathBuf::from(format!("src/{module}")), &mut paths);
    rust_files(&PathBuf::from(format!("src/{module}.rs")), &mut paths);
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect()
}

#[test]
fn every_module_has_a_row_in_the_map_and_every_row_a_module() {
    let map = map();
    let rows: BTreeSet<String> = map.allowed.keys().cloned().collect();
    assert_eq!(
        rows, map.modules,
        "the table in src/lib.rs and its `pub mod` lines"
    );
    for uses in map.allowed.values().flatten() {
        for used in uses {
            assert!(
                map.modules.contains(used),
                "the table names no module {used}"
            );
        }
    }
}

#[test]
fn no_module_uses_one_the_map_does_not_allow() {
    let map = map();
    let mut found = Vec::new();
    for module in &map.modules {
        found.extend(violations(&map, module, &module_files(module)));
    }
    assert!(
        found.is_empty(),
        "imports the module map in src/lib.rs does not allow:\n{}",
        found.join("\n")
    );
}

/// The check itself is not blind: a domain module naming the screens, the command line or
/// ratatui is caught, and a comment that names them is not.
#[test]
fn a_forbidden_import_is_caught() {
    let map = map();
    let bad = [(
        "src/scenario/x.rs".to_owned(),
        "use crate::tui::theme;\nfn f() { crate::cli::run(); }\nuse ratatui::Frame;\n// crate::store in a comment\n".to_owned(),
    )];
    let found = violations(&map, "scenario", &bad);
    assert_eq!(
        found,
        [
            "src/scenario/x.rs: uses crate::cli",
            "src/scenario/x.rs: uses crate::tui",
            "src/scenario/x.rs: uses ratatui, which only tui may",
        ],
        "{found:#?}"
    );
    // The domain never reaches the terminal or the command line, whatever the table says.
    for domain in ["scenario", "rules", "engine", "drill", "store"] {
        let uses = map.allowed[domain].as_ref().unwrap();
        assert!(!uses.contains("tui") && !uses.contains("cli"), "{domain}");
    }
}
