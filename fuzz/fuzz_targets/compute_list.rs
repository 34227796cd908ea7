//! Compute listings (`az ml compute list -o json`, REST `computes`): reading never panics, and
//! what reads checks as the computes of a project.
#![no_main]

use aml_targets::{AzureMlProject, Date};
use aml_targets::project::computes_from_json;
use libfuzzer_sys::fuzz_target;

const JOB: &str = "$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json\ncommand: python train.py\nenvironment: azureml:AzureML-ACPT-pytorch-1.13-py38-cuda11.7-gpu@latest\ncompute: azureml:gpu-cluster\n";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(computes) = computes_from_json(text, "computes.json") else { return };
    for c in &computes {
        if let Some(line) = c.line {
            assert!(line >= 1 && line <= text.matches('\n').count() + 1, "{line}");
        }
    }
    let project = AzureMlProject::from_sources([("job.yml", JOB)]).with_computes(computes);
    let _ = project.check(Date::parse("2026-11-26").unwrap());
});
