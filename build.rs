//! Embeds every scenario file in `scenarios/` (English) and its language folders
//! (`scenarios/nb/`, `scenarios/ru/`, …), and every drill file in `drills/`, into the binary,
//! so `cargo run --release` plays the shipped library with nothing else installed. Also embeds
//! the Fluent messages, `assets/i18n/<language>/*.ftl`: one folder per language.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    embed("scenarios", "SCENARIOS", "embedded_scenarios.rs", true);
    embed("drills", "DRILLS", "embedded_drills.rs", false);
    embed_messages();
}

/// Writes `OUT_DIR/embedded_messages.rs` holding `static FTL: &[(language, file name, text)]`
/// for every `assets/i18n/<language>/*.ftl`, sorted by language and then file name.
fn embed_messages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/i18n");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut folders: Vec<_> = std::fs::read_dir(&root)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    folders.sort();
    let mut code = String::from("pub static FTL: &[(&str, &str, &str)] = &[\n");
    for folder in folders {
        println!("cargo:rerun-if-changed={}", folder.display());
        let lang = folder
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut files: Vec<_> = std::fs::read_dir(&folder)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "ftl"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        for path in files {
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
        let mut folders: Vec<_> = std::fs::read_dir(&root)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.is_dir())
                    .collect()
            })
            .unwrap_or_default();
        folders.sort();
        for folder in folders {
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
