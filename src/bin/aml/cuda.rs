//! `aml cuda SERIES_OR_SIZE VERSION`: will this CUDA run there? The Azure ML page's answer
//! and NVIDIA's, each with its source.

use aml_targets::{Catalog, CudaRequirement, VmSeries, VmSize};
use clap::Args;
use serde_json::{Value, json};

use crate::{Ctx, Failure, json_text, yes_no};

#[derive(Args)]
pub(crate) struct CudaArgs {
    /// A VM series (`NCv3`, `NCT4_v3`) or size (`Standard_NC6s_v3`).
    target: String,
    /// A CUDA version (`12.1`), range (`>=11.8, <=12.9`) or semver requirement.
    cuda: CudaRequirement,
}

pub(crate) fn run(ctx: &Ctx, args: &CudaArgs, out: &mut String) -> Result<(), Failure> {
    let (target, req) = (&args.target, &args.cuda);
    let verdict = match target.parse::<VmSeries>() {
        Ok(series) => series.cuda_verdict_for(req, ctx.edition),
        Err(series_err) => match target.parse::<VmSize>() {
            Ok(size) => size.cuda_verdict_for(Catalog::embedded(), req, ctx.edition),
            Err(_) => return Err(series_err.into()),
        },
    };
    let answer = |s: Option<bool>| s.map_or("unknown", yes_no);
    if ctx.json {
        // The verdict's serde form, with the requirement asked about.
        let mut value = serde_json::to_value(verdict).unwrap_or(Value::Null);
        value["cuda"] = json!(req.to_string());
        out.push_str(&json_text(&value));
        return Ok(());
    }
    let series = verdict
        .series
        .map_or("unknown series".to_owned(), |s| s.to_string());
    wln!(out, "CUDA {req} on {target} ({series})");
    wln!(
        out,
        "  Azure ML page: {:<7} {} [{}]",
        answer(verdict.page.supported),
        verdict.page.reason,
        verdict.page.source
    );
    wln!(
        out,
        "  NVIDIA:        {:<7} {} [{}]",
        answer(verdict.nvidia.supported),
        verdict.nvidia.reason,
        verdict.nvidia.source
    );
    wln!(out, "  runs:          {}", yes_no(verdict.runs()));
    Ok(())
}
