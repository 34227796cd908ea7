//! Validate my plan and print the report.
//!
//! ```text
//! cargo run --features toml --example validate_plan -- examples/plan.toml
//! ```

use aml_targets::{Date, Plan, Severity, validate};

/// The date to answer for (see `examples/retired_sizes_build_check.rs` on pinning it).
const ON: &str = "2026-11-27";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "examples/plan.toml".into());
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let plan = Plan::from_toml(&text).map_err(|e| format!("{path}: {e}"))?;
    // Where each value is, so every diagnostic has a line.
    let at = Plan::toml_locations(&text);
    let report = validate(&plan, ON.parse::<Date>()?);
    for d in &report.diagnostics {
        let (line, column) = at.find(&d.location).unwrap_or((0, 0));
        println!("{path}:{line}:{column}: {d}");
        if let Some(first) = d.alternatives.first() {
            println!("    try {first}");
        }
    }
    println!(
        "{} error(s), {} warning(s), {} note(s)",
        report.count(Severity::Error),
        report.count(Severity::Warning),
        report.count(Severity::Note)
    );
    Ok(())
}
