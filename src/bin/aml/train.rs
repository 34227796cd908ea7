//! `aml train`: the training targets that fit, and why the others do not.

use aml_targets::targets::Support;
use aml_targets::{TrainingNeeds, training_targets};
use clap::Args;
use serde_json::json;

use crate::{Ctx, json_text};

#[derive(Args)]
#[allow(clippy::struct_excessive_bools)] // yes/no questions, one flag each
pub(crate) struct TrainArgs {
    /// Uses automated ML.
    #[arg(long)]
    automl: bool,
    /// Uses ML pipelines.
    #[arg(long)]
    pipelines: bool,
    /// Uses the designer.
    #[arg(long)]
    designer: bool,
    /// Needs GPUs.
    #[arg(long)]
    gpu: bool,
    /// Runs on more than one node.
    #[arg(long)]
    multi_node: bool,
    /// Only compute that Azure ML manages.
    #[arg(long)]
    managed: bool,
}

pub(crate) fn run(ctx: &Ctx, args: &TrainArgs, out: &mut String) {
    let needs = TrainingNeeds {
        automated_ml: args.automl,
        ml_pipelines: args.pipelines,
        designer: args.designer,
        gpu: args.gpu,
        multi_node: args.multi_node,
        managed_only: args.managed,
        view: ctx.view,
        edition: ctx.edition,
        on: Some(ctx.on),
    };
    let fits: Vec<_> = training_targets(&needs).collect();
    if ctx.json {
        // Every target, with `fits` and `reasons`, as `deploy --json` gives them.
        out.push_str(&json_text(&json!({ "targets": fits })));
        return;
    }
    wln!(
        out,
        "Training targets (page edition {}, SDK/CLI {})",
        ctx.edition,
        ctx.view
    );
    for f in &fits {
        if f.fits() {
            let caveats: Vec<&str> = f.caveats().collect();
            let support = if f.support == Support::Yes {
                ""
            } else {
                " (qualified)"
            };
            wln!(out, "  fits      {}{support}", f.target.page_name());
            for c in caveats {
                wln!(out, "              caveat: {c}");
            }
        } else {
            let reasons: Vec<String> = f.misfits.iter().map(|m| m.to_string()).collect();
            wln!(
                out,
                "  no        {}: {}",
                f.target.page_name(),
                reasons.join("; ")
            );
        }
    }
}
