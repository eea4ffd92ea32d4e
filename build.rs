//! Embeds every scenario file in `scenarios/` (English) and its language folders
//! (`scenarios/nb/`, `scenarios/ru/`, …), and every drill file in `drills/`, into the binary,
//! so `cargo run --release` plays the shipped library with nothing else installed. Also finds
//! the languages Composure speaks, one for each folder `assets/i18n/<code>/`, and embeds what
//! each brings: its Fluent messages (`*.ftl`), its own name (the term `-language-name` in one of them) and its
//! rulebook translation (`rules.ron`). A new language is a new folder: no Rust changes.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    embed("scenarios", "SCENARIOS", "embedded_scenarios.rs", true);
    embed("drills", "DRILLS", "embedded_drills.rs", false);
    embed_messages();
    embed_languages();
}

/// A language folder's code and what `language.ftl` says of it.
struct Language {
    code: String,
    /// The enum variant: the code with a capital (`nb` → `Nb`).
    variant: String,
    name: String,
    aliases: Vec<String>,
    rules: Option<std::path::PathBuf>,
}

/// Stops the build with a message, as a build script can.
fn fail(message: &str) -> ! {
    println!("cargo:warning={message}");
    std::process::exit(1)
}

/// The value of the Fluent term `-{key} = …` in `text`, on one line.
fn term<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    text.lines().find_map(|line| {
        let rest = line.strip_prefix('-')?.strip_prefix(key)?.trim_start();
        Some(rest.strip_prefix('=')?.trim())
    })
}

/// The language folders of `assets/i18n`, English first (it is the fallback), then by code.
fn languages() -> Vec<Language> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/i18n");
    let mut found = Vec::new();
    for folder in folders(&root) {
        let code = folder
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !(2..=3).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_lowercase()) {
            fail(&format!(
                "assets/i18n/{code}: a language folder is named by its ISO 639 code, two or three lowercase letters"
            ));
        }
        // The terms may stand in any of the folder's files (Composure's own are in play.ftl).
        let text: String = ftl_files(&folder)
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect::<Vec<_>>()
            .join("\n");
        let Some(name) = term(&text, "language-name") else {
            fail(&format!(
                "assets/i18n/{code}: no `-language-name = …` (the language's name for itself) in its .ftl files"
            ));
        };
        let aliases = term(&text, "language-aliases")
            .unwrap_or_default()
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        let rules = folder.join("rules.ron");
        println!("cargo:rerun-if-changed={}", rules.display());
        let mut variant = code.clone();
        variant[..1].make_ascii_uppercase();
        found.push(Language {
            variant,
            name: name.to_owned(),
            aliases,
            rules: (code != "en" && rules.is_file()).then_some(rules),
            code,
        });
    }
    found.sort_by_key(|l| (l.code != "en", l.code.clone()));
    if found.first().is_none_or(|l| l.code != "en") {
        fail("assets/i18n/en: English is every other language's fallback and must be there");
    }
    found
}

/// Writes `OUT_DIR/languages.rs` (the `Lang` enum, one variant per language folder, and a
/// table of codes, names and aliases) and `OUT_DIR/embedded_rule_translations.rs` (each
/// language's `rules.ron`).
fn embed_languages() {
    let languages = languages();
    let n = languages.len();
    let mut code = String::from(
        "/// The languages Composure speaks: one for each folder `assets/i18n/<code>/`, found by\n\
         /// `build.rs`, English first.\n\
         #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]\n\
         pub enum Lang {\n    #[default]\n",
    );
    for l in &languages {
        let _ = writeln!(code, "    {},", l.variant);
    }
    code.push_str("}\n\nimpl Lang {\n");
    let all: Vec<String> = languages
        .iter()
        .map(|l| format!("Lang::{}", l.variant))
        .collect();
    let _ = writeln!(
        code,
        "    /// Every language, in the order of declaration.\n    pub const ALL: [Lang; {n}] = [{}];",
        all.join(", ")
    );
    code.push_str(
        "}\n\n/// Each language's code, its own name and the other locale codes that get it.\n",
    );
    let _ = writeln!(code, "static TABLE: [(&str, &str, &[&str]); {n}] = [");
    for l in &languages {
        let _ = writeln!(code, "    ({:?}, {:?}, &{:?}),", l.code, l.name, l.aliases);
    }
    code.push_str("];\n");
    write_out("languages.rs", &code);

    let mut rules = String::from(
        "/// Each language's rulebook translation: its language, its file and its text.\n\
         pub static TRANSLATIONS: &[(Lang, &str, &str)] = &[\n",
    );
    for l in &languages {
        if let Some(path) = &l.rules {
            let _ = writeln!(
                rules,
                "    (Lang::{}, \"assets/i18n/{}/rules.ron\", include_str!({:?})),",
                l.variant,
                l.code,
                path.display().to_string()
            );
        }
    }
    rules.push_str("];\n");
    write_out("embedded_rule_translations.rs", &rules);
}

/// The `.ftl` files directly in `dir`, sorted.
fn ftl_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "ftl"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// The folders directly in `dir`, sorted.
fn folders(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

/// Writes `OUT_DIR/embedded_messages.rs` holding `static FTL: &[(language, file name, text)]`
/// for every `assets/i18n/<language>/*.ftl`, sorted by language and then file name.
fn embed_messages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/i18n");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut code = String::from("pub static FTL: &[(&str, &str, &str)] = &[\n");
    for folder in folders(&root) {
        println!("cargo:rerun-if-changed={}", folder.display());
        let lang = folder
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        for path in ftl_files(&folder) {
            println!("cargo:rerun-if-changed={}", path.display());
            let file = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let _ = writeln!(
                code,
                "    ({lang:?}, {file:?}, include_str!({:?})),",
                path.display().to_string()
            );
        }
    }
    code.push_str("];\n");
    write_out("embedded_messages.rs", &code);
}

fn write_out(out: &str, code: &str) {
    let out = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join(out);
    if let Err(e) = std::fs::write(&out, code) {
        println!("cargo:warning=cannot write {}: {e}", out.display());
        std::process::exit(1);
    }
}

/// The `.ron` files directly in `dir`, as paths relative to `root`, sorted.
fn ron_files(root: &Path, dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "ron"))
                .filter_map(|p| {
                    p.strip_prefix(root)
                        .ok()
                        .map(|r| r.to_string_lossy().replace('\\', "/"))
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// Writes `OUT_DIR/out` holding `static NAME: &[(file name, text)]` for the `.ron` files of
/// `folder` (and, with `subfolders`, of the folders directly inside it), in name order.
fn embed(folder: &str, name: &str, out: &str, subfolders: bool) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    println!("cargo:rerun-if-changed={}", root.display());
    let mut names = ron_files(&root, &root);
    if subfolders {
        for folder in folders(&root) {
            println!("cargo:rerun-if-changed={}", folder.display());
            names.extend(ron_files(&root, &folder));
        }
    }
    let mut code = format!("pub static {name}: &[(&str, &str)] = &[\n");
    for file in &names {
        let path = root.join(file);
        println!("cargo:rerun-if-changed={}", path.display());
        let _ = writeln!(
            code,
            "    ({file:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    code.push_str("];\n");
    write_out(out, &code);
}
