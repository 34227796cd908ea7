//! Recommend a VM size for my needs, and say why the near misses were rejected.
//!
//! ```text
//! cargo run --example recommend
//! ```

use aml_targets::fit::inference_memory_gib;
use aml_targets::{Catalog, Date, SizeNeeds, recommend_sizes};

/// The date to answer for: pinned, so the output does not change the day a series retires
/// (use today's date where being current matters more than being reproducible).
const ON: &str = "2026-11-27";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let on: Date = ON.parse()?;
    let asks = [
        (
            "8 vCPUs, 32 GiB",
            SizeNeeds::default().vcpus(8).memory_gib(32.0),
        ),
        (
            "a 20 GB model, 4 concurrent copies",
            SizeNeeds::default()
                .memory_gib(inference_memory_gib(20.0))
                .concurrency(4),
        ),
        (
            "4 GPUs with 80 GiB each",
            SizeNeeds::default().gpus(4).gpu_memory_gib(80.0),
        ),
    ];
    for (what, needs) in asks {
        let rec = recommend_sizes(&needs, Catalog::embedded(), on);
        let best = rec.best().ok_or("nothing fits")?;
        println!(
            "{what}: {} ({} vCPUs, {} GiB, {} GPUs)",
            best.name, best.vcpus, best.memory_gib, best.gpus
        );
        if let Some(out) = rec.scale_out {
            println!(
                "  scale out to {} instances, {} copies each",
                out.instances, out.copies_per_instance
            );
        }
        for near in rec.rejected.iter().take(2) {
            let reasons: Vec<String> = near
                .reasons(&needs, on)
                .iter()
                .map(ToString::to_string)
                .collect();
            println!("  not {}: {}", near.spec.name, reasons.join("; "));
        }
    }
    Ok(())
}
