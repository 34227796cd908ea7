//! The project's own tasks.
//!
//! ```text
//! cargo xtask gen           # write every generated file from data/*.csv and the code registry
//! cargo xtask gen --check   # fail (exit 1) when a generated file differs from what they give
//! ```
//!
//! Generated files, each from its sources:
//!
//! - `src/vm/data/series.rs`: `data/vm_series.csv`, `data/vm_series_doc.md`;
//! - `src/vm/data/sizes.rs`: `data/azure_vm_sizes.csv`, `data/vm_sizes_current.csv`,
//!   `data/vm_sizes_aml_listing.csv`, `data/aml_vmsizes_eastus_2025-11-04.csv`,
//!   `data/gpu_series.csv`, `data/gpu_series_current.csv`, `data/quota_families.csv`;
//! - `src/gpu/data.rs`: `data/cuda_arch_support.csv`, `data/cuda_driver_min.csv`,
//!   `data/framework_cuda.csv`, `data/pytorch_wheel_arch.csv`;
//! - `docs/codes.md`: the code registry (`src/lint/code.rs`), as `aml explain --all
//!   --markdown` prints it.
//!
//! The Rust tables are formatted with `rustfmt`, so that `cargo fmt --check` agrees with them.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod csv;
mod generate;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask/ sits in the repository")
        .to_path_buf();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["gen"] => run(&root, false),
        ["gen", "--check"] => run(&root, true),
        _ => {
            eprintln!("usage: cargo xtask gen [--check]");
            ExitCode::from(2)
        }
    }
}

fn run(root: &Path, check: bool) -> ExitCode {
    let files = match generate::all(root) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let mut stale: Vec<PathBuf> = Vec::new();
    for (path, text) in &files {
        let full = root.join(path);
        let current = std::fs::read_to_string(&full).unwrap_or_default();
        if current == *text {
            continue;
        }
        if check {
            stale.push(path.clone());
        } else if let Err(e) = std::fs::write(&full, text) {
            eprintln!("error: {}: {e}", full.display());
            return ExitCode::from(2);
        } else {
            println!("wrote {}", path.display());
        }
    }
    if stale.is_empty() {
        if check {
            println!("{} generated files match their sources", files.len());
        }
        ExitCode::SUCCESS
    } else {
        for path in &stale {
            eprintln!(
                "{} differs from what its sources give: run `cargo xtask gen`",
                path.display()
            );
        }
        ExitCode::from(1)
    }
}
