//! `aml size NAME`: a size's parts and facts, support, retirement by every source, and the
//! nearest current replacements ([`VmSize::report`]).

use aml_targets::VmSize;
use clap::Args;

use crate::{Ctx, Failure, json_text, yes_no};

#[derive(Args)]
pub(crate) struct SizeArgs {
    /// A VM size name, any case (`Standard_NC24rs_v3`).
    name: String,
    /// The Azure region, for regional retirement dates (`usgovvirginia`).
    #[arg(long, value_name = "REGION")]
    region: Option<String>,
}

pub(crate) fn run(ctx: &Ctx, args: &SizeArgs, out: &mut String) -> Result<(), Failure> {
    let size: VmSize = args.name.parse()?;
    let r = size.report(ctx.on, ctx.edition, args.region.as_deref());
    if ctx.json {
        out.push_str(&json_text(&r));
        return Ok(());
    }
    wln!(out, "{size}");
    let mut row = |k: &str, v: String| wln!(out, "  {k:<14} {v}");
    row(
        "series",
        r.series.map_or("unknown".to_owned(), |s| s.to_string()),
    );
    if let Some(spec) = r.spec {
        row(
            "category",
            spec.category.map_or("—".to_owned(), |c| c.to_string()),
        );
        row("vCPUs", spec.vcpus.to_string());
        row("memory", format!("{} GiB", spec.memory_gib));
        row("GPUs", spec.gpus.to_string());
        if let Some(m) = r.gpu_model {
            row("GPU model", m.to_owned());
        }
        row("RDMA", spec.rdma.map_or("—", yes_no).to_owned());
    } else {
        row("facts", "not in the catalog".to_owned());
    }
    if let Some(a) = r.architecture {
        row("architecture", a.to_string());
    }
    row("isolated", yes_no(size.is_isolated()).to_owned());
    row(
        "supported by",
        match (r.supported_by, r.listed_on_page) {
            (Some(b), true) => b.to_string(),
            (Some(b), false) => format!("{b} (Azure ML's size listing; not on the page's list)"),
            (None, _) => "not on Azure ML's list; check `az ml compute list-sizes`".to_owned(),
        },
    );
    row(
        "retirement",
        match (r.retirement, r.retirement_source) {
            (Some(state), Some(src)) if state.date().is_some() => format!("{state} ({src})"),
            (Some(state), _) => state.to_string(),
            (None, _) => "unknown".to_owned(),
        },
    );
    for s in r.retirements.iter().skip(1) {
        let withdrawn = if s.withdrawn { ", withdrawn" } else { "" };
        row(
            "also",
            format!("{} by {}{withdrawn} ({})", s.date, s.authority, s.source),
        );
    }
    if !r.replacements.is_empty() {
        row("replace with", r.replacements.join(", "));
    } else if !r.replacement_series.is_empty() {
        let series: Vec<String> = r
            .replacement_series
            .iter()
            .map(ToString::to_string)
            .collect();
        row("replace with", series.join(", "));
    }
    if r.spec.is_none() {
        row("data as of", r.data_as_of.to_string());
    }
    Ok(())
}
