//! Embeds every scenario file in `scenarios/` and every drill file in `drills/` into the
//! binary, so `cargo run --release` plays the shipped library with nothing else installed.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    embed("scenarios", "SCENARIOS", "embedded_scenarios.rs");
    embed("drills", "DRILLS", "embedded_drills.rs");
}

/// Writes `OUT_DIR/out` holding `static NAME: &[(file name, text)]` for the `.ron` files of
/// `folder`, in file-name order.
fn embed(folder: &str, name: &str, out: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| name.ends_with(".ron"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut code = format!("pub static {name}: &[(&str, &str)] = &[\n");
    for file in &names {
        let path = dir.join(file);
        println!("cargo:rerun-if-changed={}", path.display());
        let _ = writeln!(
            code,
            "    ({file:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join(out);
    if let Err(e) = std::fs::write(&out, code) {
        println!("cargo:warning=cannot write {}: {e}", out.display());
        std::process::exit(1);
    }
}
