//! Validate my plan and print the report.
//!
//! ```text
//! cargo run --features toml --example validate_plan -- examples/plan.toml
//! ```

use aml_targets::lint::check_plan_file;
use aml_targets::plan::PlanFile;
use aml_targets::render::Format;
use aml_targets::{Date, RenderOptions};

/// The date to answer for (see `examples/retired_sizes_build_check.rs` on pinning it).
const ON: &str = "2026-11-27";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "examples/plan.toml".into());
    // The plan, and where each of its values is, so every diagnostic has a line and column.
    let file = PlanFile::read(path.as_ref()).map_err(|e| format!("{path}: {e}"))?;
    let report = check_plan_file(&path, &file, ON.parse::<Date>()?, None, None);
    let options = RenderOptions::default().verbose(true);
    print!("{}", Format::Human.render(&report, &options));
    Ok(())
}
