//! `aml recommend`: the smallest VM size that fits, scale-out, and every rejected size with
//! its reasons.

use std::path::PathBuf;

use aml_targets::fit::{FrameworkNeed, inference_memory_gib, recommend_sizes_within};
use aml_targets::{
    Catalog, ComputeKind, CudaRequirement, GpuArchitecture, GpuCount, SizeNeeds, recommend_sizes,
};
use clap::Args;

use crate::{Ctx, Failure, json_text, read_listing, read_usages};

/// A quantity: a finite number, 0 or more.
#[derive(Clone, Copy)]
pub(crate) struct Quantity(pub(crate) f64);

impl std::str::FromStr for Quantity {
    type Err = String;
    fn from_str(v: &str) -> Result<Self, String> {
        match v.parse::<f64>() {
            Ok(n) if n.is_finite() && n >= 0.0 => Ok(Quantity(n)),
            _ => Err(format!("expected a number, 0 or more, got {v:?}")),
        }
    }
}

/// A count: a whole number, 1 or more.
#[derive(Clone, Copy)]
pub(crate) struct Count(pub(crate) u32);

impl std::str::FromStr for Count {
    type Err = String;
    fn from_str(v: &str) -> Result<Self, String> {
        match v.parse::<u32>() {
            Ok(n) if n >= 1 => Ok(Count(n)),
            _ => Err(format!("expected a whole number, 1 or more, got {v:?}")),
        }
    }
}

#[derive(Args)]
#[allow(clippy::struct_excessive_bools)] // yes/no needs, one flag each
pub(crate) struct RecommendArgs {
    /// The RAM the model needs, GB: a memory need through the page's 150 % rule.
    #[arg(long, value_name = "GB")]
    model_ram_gb: Option<Quantity>,
    /// Memory, GiB.
    #[arg(long, value_name = "GIB")]
    memory_gib: Option<Quantity>,
    /// vCPUs.
    #[arg(long, value_name = "N")]
    vcpus: Option<u32>,
    /// GPUs: a whole number or a fraction (`1/6`).
    #[arg(long, value_name = "N")]
    gpus: Option<GpuCount>,
    /// At least one GPU.
    #[arg(long)]
    gpu: bool,
    /// A word of the GPU model (`A100`, `H100`).
    #[arg(long, value_name = "WORD")]
    gpu_model: Option<String>,
    /// GPU memory per GPU, GiB.
    #[arg(long, value_name = "GIB")]
    gpu_memory_gib: Option<Quantity>,
    /// The oldest GPU architecture that will do (`ampere`).
    #[arg(long, value_name = "ARCH")]
    gpu_architecture: Option<GpuArchitecture>,
    /// A CUDA version, range or semver requirement the GPU must run.
    #[arg(long, value_name = "VERSION")]
    cuda: Option<CudaRequirement>,
    /// A framework release with a CUDA build for the GPU (`pytorch@2.4`).
    #[arg(long, value_name = "FRAMEWORK@VERSION")]
    framework: Option<FrameworkNeed>,
    /// An isolated size.
    #[arg(long)]
    isolated: bool,
    /// An RDMA-capable size.
    #[arg(long)]
    rdma: bool,
    /// For a compute instance.
    #[arg(long, conflicts_with = "cluster")]
    instance: bool,
    /// For a compute cluster.
    #[arg(long)]
    cluster: bool,
    /// Concurrent model copies to serve: a scale-out answer.
    #[arg(long, value_name = "N")]
    concurrency: Option<Count>,
    /// The Azure region, for regional retirement dates.
    #[arg(long, value_name = "REGION")]
    region: Option<String>,
    /// The region's `az ml compute list-sizes -o json`.
    #[arg(long, value_name = "LIST_SIZES.json")]
    catalog: Option<PathBuf>,
    /// The region's `az ml compute list-usage -o json`: sizes without quota room are rejected.
    #[arg(long, value_name = "LIST_USAGE.json")]
    usage: Option<PathBuf>,
}

pub(crate) fn run(ctx: &Ctx, args: &RecommendArgs, out: &mut String) -> Result<(), Failure> {
    let user_catalog = args.catalog.as_ref().map(read_listing).transpose()?;
    let catalog = user_catalog.as_ref().unwrap_or_else(|| Catalog::embedded());
    let compute = match (args.instance, args.cluster) {
        (true, _) => Some(ComputeKind::ComputeInstance),
        (false, true) => Some(ComputeKind::ComputeCluster),
        (false, false) => None,
    };
    let gpus: Option<GpuCount> = args.gpus.or(args.gpu.then_some(GpuCount::whole(1)));
    // A model's RAM in GB becomes a memory need through the page's 150 % rule.
    let model = args.model_ram_gb.map(|n| inference_memory_gib(n.0));
    let memory = match (model, args.memory_gib.map(|n| n.0)) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    };
    let needs = SizeNeeds {
        memory_gib: memory,
        vcpus: args.vcpus,
        gpus,
        gpu_model: args.gpu_model.clone(),
        gpu_architecture: args.gpu_architecture,
        gpu_memory_gib: args.gpu_memory_gib.map(|n| n.0),
        cuda: args.cuda.clone(),
        framework: args.framework,
        compute,
        isolated: args.isolated,
        rdma: args.rdma,
        concurrency: args.concurrency.map(|n| n.0),
        region: args.region.clone(),
        edition: ctx.edition,
    };
    let quota = args.usage.as_ref().map(read_usages).transpose()?;
    let rec = match &quota {
        Some(quota) => recommend_sizes_within(&needs, catalog, ctx.on, quota),
        None => recommend_sizes(&needs, catalog, ctx.on),
    };
    if ctx.json {
        // The recommendation's serde form: every rejected size with its reasons.
        out.push_str(&json_text(&rec));
        return Ok(());
    }
    if let Some(note) = rec.framework_unknown() {
        wln!(out, "note: {note}");
    }
    if let Some(best) = rec.best() {
        wln!(
            out,
            "best: {} ({} vCPUs, {} GiB, GPUs: {})",
            best.name,
            best.vcpus,
            best.memory_gib,
            best.gpus
        );
        if let Some(s) = rec.scale_out {
            wln!(
                out,
                "scale out: {} instances ({} concurrent model copies each)",
                s.instances,
                s.copies_per_instance
            );
        }
        wln!(out, "next candidates:");
        for c in rec.candidates.iter().skip(1).take(5) {
            wln!(
                out,
                "  {:<28} {:>4} vCPUs {:>8} GiB {:>4} GPUs{}",
                c.spec.name,
                c.spec.vcpus,
                c.spec.memory_gib,
                c.spec.gpus.to_string(),
                match c.retirement.date() {
                    Some(d) => format!("  (retiring {d})"),
                    None => String::new(),
                }
            );
        }
    } else {
        wln!(out, "nothing fits");
        if let Some(closest) = rec.closest() {
            wln!(out, "closest: {}", closest.spec.name);
            for r in closest.reasons(&needs, ctx.on) {
                wln!(out, "  relax: {r}");
            }
        }
        for (kind, n) in rec.relax().iter().take(5) {
            wln!(out, "  relaxing {kind} alone would admit {n} sizes");
        }
    }
    wln!(out, "{} sizes rejected; e.g.:", rec.rejected.len());
    for r in rec.rejected.iter().take(5) {
        let reasons: Vec<String> = r
            .reasons(&needs, ctx.on)
            .iter()
            .map(ToString::to_string)
            .collect();
        wln!(out, "  {:<28} {}", r.spec.name, reasons.join("; "));
    }
    Ok(())
}
