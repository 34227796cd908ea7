//! Scan a tree for VM size names (scripts, notebooks, templates, YAML) and report the retired
//! and retiring ones.
//!
//! ```text
//! cargo run --example scan_sizes -- path/to/repo
//! ```

use std::path::Path;

use aml_targets::project::{TextKind, size_mentions};
use aml_targets::{Catalog, Date};

const ON: &str = "2026-11-27";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = std::env::args().nth(1).unwrap_or_else(|| "examples".into());
    let on: Date = ON.parse()?;
    let mut files = Vec::new();
    collect(Path::new(&root), &mut files)?;
    let (mut found, mut flagged) = (0, 0);
    for path in files {
        let Some(kind) = TextKind::from_path(&path) else {
            continue;
        };
        // Files that are not UTF-8 text are not scripts or templates.
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        for mention in size_mentions(&text, kind) {
            found += 1;
            if let Some(d) = mention.check(on, Catalog::embedded()) {
                flagged += 1;
                println!(
                    "{}:{}:{}: {d}",
                    path.display(),
                    mention.line,
                    mention.column
                );
            }
        }
    }
    println!("{found} size name(s) found, {flagged} to look at, on {on}");
    Ok(())
}

/// Every file under `dir`, skipping hidden folders and `target`.
fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
    if dir.is_file() {
        out.push(dir.to_owned());
        return Ok(());
    }
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for entry in entries {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') || name == "target" {
            continue;
        }
        let kind = entry.file_type()?;
        if kind.is_dir() {
            collect(&entry.path(), out)?;
        } else if kind.is_file() {
            out.push(entry.path());
        }
    }
    Ok(())
}
