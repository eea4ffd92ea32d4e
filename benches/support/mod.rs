//! What the benchmarks share: the side-by-side table of a run's figures. Criterion prints each
//! measurement on its own; growth is easier to judge with the sizes in one row, so each bench
//! ends by reading back what criterion wrote in this run and printing it as a table.

// Each bench includes this module and uses what it needs of it.
#![allow(dead_code)]

use std::path::PathBuf;
use std::time::SystemTime;

/// Where criterion keeps its results: `$CRITERION_HOME`, else `criterion/` in the target
/// folder this bench was built into (`target/release/deps/NAME` → `target/criterion`).
fn criterion_home() -> Option<PathBuf> {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return Some(PathBuf::from(home));
    }
    let exe = std::env::current_exe().ok()?;
    Some(exe.parent()?.parent()?.parent()?.join("criterion"))
}

/// The mean time in nanoseconds criterion estimated for `group/id`, if it measured it in this
/// run (a result left from an earlier run, or from a run filtered to other benchmarks, is
/// not shown as if it were new).
pub fn mean_ns(group: &str, id: &str, since: SystemTime) -> Option<f64> {
    let path = criterion_home()?
        .join(group)
        .join(id)
        .join("new")
        .join("estimates.json");
    let written = std::fs::metadata(&path).ok()?.modified().ok()?;
    if written < since {
        return None;
    }
    let text = std::fs::read_to_string(&path).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    json.get("mean")?.get("point_estimate")?.as_f64()
}

/// For each (group, label), the mean of each benchmark id in the group, leaving out groups
/// with nothing measured in this run.
fn measured<'l>(
    groups: &[(&str, &'l str)],
    ids: &[String],
    since: SystemTime,
) -> Vec<(&'l str, Vec<Option<f64>>)> {
    groups
        .iter()
        .map(|&(group, label)| {
            let cells = ids.iter().map(|id| mean_ns(group, id, since)).collect();
            (label, cells)
        })
        .filter(|(_, cells): &(&str, Vec<Option<f64>>)| cells.iter().any(Option::is_some))
        .collect()
}

/// A duration in the unit that reads best.
pub fn human(ns: f64) -> String {
    if ns >= 1e9 {
        format!("{:.2} s", ns / 1e9)
    } else if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.2} µs", ns / 1e3)
    } else {
        format!("{ns:.0} ns")
    }
}

/// Prints one row per group, one column per size, and the cost per node at each size, so
/// linear growth shows as a flat per-node figure. Groups not measured in this run are left
/// out; nothing is printed when none was.
pub fn print_growth(title: &str, groups: &[(&str, &str)], sizes: &[usize], since: SystemTime) {
    let ids: Vec<String> = sizes.iter().map(ToString::to_string).collect();
    let rows = measured(groups, &ids, since);
    if rows.is_empty() {
        return;
    }
    println!("\n{title}");
    let mut header = format!("{:<20}", "");
    for size in sizes {
        header.push_str(&format!("{:>13}", format!("{} nodes", short(*size))));
    }
    for size in sizes {
        header.push_str(&format!("{:>12}", format!("/node@{}", short(*size))));
    }
    println!("{header}");
    for (label, cells) in rows {
        let mut line = format!("{label:<20}");
        for cell in &cells {
            line.push_str(&format!("{:>13}", cell.map_or("–".to_owned(), human)));
        }
        for (cell, size) in cells.iter().zip(sizes) {
            let per_node = cell.map(|ns| human(ns / *size as f64));
            line.push_str(&format!(
                "{:>12}",
                per_node.unwrap_or_else(|| "–".to_owned())
            ));
        }
        println!("{line}");
    }
}

/// Prints one row per benchmark id, one column per group: for comparisons such as frame
/// sizes, where the rows are screens and the columns terminal sizes.
pub fn print_grid(title: &str, rows: &[(&str, &str)], columns: &[&str], since: SystemTime) {
    let ids: Vec<String> = columns.iter().map(ToString::to_string).collect();
    let cells = measured(rows, &ids, since);
    if cells.is_empty() {
        return;
    }
    println!("\n{title}");
    let mut header = format!("{:<24}", "");
    for column in columns {
        header.push_str(&format!("{column:>16}"));
    }
    println!("{header}");
    for (label, row) in cells {
        let mut line = format!("{label:<24}");
        for cell in row {
            line.push_str(&format!("{:>16}", cell.map_or("–".to_owned(), human)));
        }
        println!("{line}");
    }
}

/// 1000 → "1k", 100000 → "100k".
fn short(size: usize) -> String {
    if size >= 1000 && size.is_multiple_of(1000) {
        format!("{}k", size / 1000)
    } else {
        size.to_string()
    }
}
