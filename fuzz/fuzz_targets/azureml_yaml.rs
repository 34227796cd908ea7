//! Azure ML CLI v2 YAML: reading and checking never panic, whatever the file holds.
#![no_main]

use aml_targets::{AzureMlProject, Date};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // With a compute file beside it, so jobs that name `cpu` resolve across files.
    let compute = "$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json\nname: cpu\ntype: amlcompute\nsize: Standard_DS3_v2\n";
    let project = AzureMlProject::from_sources([("compute.yml", compute), ("fuzz.yml", text)]);
    let _ = project.check(Date::parse("2026-11-26").unwrap());
});
