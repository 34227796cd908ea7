//! `aml deploy`: the inference targets that fit, and why the others do not.

use aml_targets::fit::InferenceMode;
use aml_targets::{ApiView, InferenceNeeds, inference_targets};
use clap::Args;
use serde_json::json;

use crate::recommend::Quantity;
use crate::{Ctx, json_text};

#[derive(Args)]
#[allow(clippy::struct_excessive_bools)] // yes/no questions, one flag each
pub(crate) struct DeployArgs {
    /// Real-time (online) inference.
    #[arg(long, conflicts_with = "batch", required_unless_present = "batch")]
    realtime: bool,
    /// Batch inference.
    #[arg(long)]
    batch: bool,
    /// The model's size, GB.
    #[arg(long, value_name = "GB")]
    model_gb: Option<Quantity>,
    /// The RAM the model needs, GB.
    #[arg(long, value_name = "GB")]
    model_ram_gb: Option<Quantity>,
    /// Needs GPUs.
    #[arg(long)]
    gpu: bool,
    /// Serves production traffic.
    #[arg(long)]
    production: bool,
    /// Deployed from the designer.
    #[arg(long)]
    designer: bool,
}

pub(crate) fn run(ctx: &Ctx, args: &DeployArgs, out: &mut String) {
    let mode = if args.batch {
        InferenceMode::Batch
    } else {
        InferenceMode::RealTime
    };
    let needs = InferenceNeeds {
        mode,
        production: args.production,
        gpu: args.gpu,
        model_size_gb: args.model_gb.map(|n| n.0),
        model_ram_gb: args.model_ram_gb.map(|n| n.0),
        designer: args.designer,
        view: (ctx.view == ApiView::V1).then_some(ApiView::V1),
    };
    let fits: Vec<_> = inference_targets(&needs).collect();
    if ctx.json {
        out.push_str(&json_text(&json!({ "targets": fits })));
        return;
    }
    wln!(out, "Inference targets for {mode} inference");
    for f in &fits {
        let name = format!("{} ({})", f.target.page_name(), f.view);
        if f.fits() {
            wln!(out, "  fits      {name}");
        } else {
            let reasons: Vec<String> = f.misfits.iter().map(|m| m.to_string()).collect();
            wln!(out, "  no        {name}: {}", reasons.join("; "));
        }
    }
}
