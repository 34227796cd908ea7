//! The public API as a dependent crate sees it: the trait set of the API guidelines on every
//! public type where it makes sense, and the three usual programs written from the docs.

#![cfg(all(feature = "json", feature = "toml"))]

use std::fmt::{Debug, Display};
use std::hash::Hash;
use std::str::FromStr;

use aml_targets::{
    data::*, date::*, edition::*, fit::*, gpu::*, lint::*, names::*, plan::*, project::*,
    targets::*, vm::*,
};

fn value<T: Debug + Clone + PartialEq + Send + Sync + 'static>() {}
fn eq_hash<T: Eq + Hash>() {}
fn named<T>()
where
    T: Display + FromStr + Copy + Eq + Hash + Ord + serde::Serialize,
    T: for<'de> serde::Deserialize<'de>,
{
}
fn output<T: serde::Serialize>() {}
fn error<T: std::error::Error + Send + Sync + 'static>() {}
fn input<T: Default + Clone + Debug + PartialEq>() {}

#[test]
fn every_public_type_has_the_traits_it_should() {
    // Closed name sets: Display, FromStr, serde, ordered and hashable.
    named::<ApiView>();
    named::<DocEdition>();
    named::<ComputeKind>();
    named::<TrainingTarget>();
    named::<TrainingFeature>();
    named::<InferenceTarget>();
    named::<InferenceMode>();
    named::<Support>();
    named::<Tier>();
    named::<Framework>();
    named::<GpuArchitecture>();
    named::<VmSeries>();
    named::<VmCategory>();
    named::<SupportedBy>();
    named::<RetirementAuthority>();
    named::<Severity>();
    named::<Code>();
    named::<VmFeature>();
    named::<VmTier>();
    named::<GpuVendor>();
    // Values with a text form.
    for_text::<Date>();
    for_text::<CudaVersion>();
    for_text::<CudaRange>();
    for_text::<CudaRequirement>();
    for_text::<DriverVersion>();
    for_text::<FrameworkVersion>();
    for_text::<FrameworkNeed>();
    for_text::<ComputeCapability>();
    for_text::<GpuCount>();
    for_text::<VmSize>();
    // Records.
    value::<VmSizeSpec>();
    value::<SeriesGpu>();
    eq_hash::<SeriesGpu>();
    value::<Retirement>();
    eq_hash::<Retirement>();
    value::<RegionalRetirement>();
    value::<Replacement>();
    value::<RetiredService>();
    value::<DataTable>();
    value::<PageCudaRow>();
    value::<CudaVerdict>();
    value::<Diagnostic>();
    value::<Report>();
    value::<Recommendation<'static>>();
    value::<TrainingFit>();
    value::<InferenceFit>();
    value::<Catalog>();
    // Outputs serialize.
    output::<Report>();
    output::<Diagnostic>();
    output::<Recommendation<'static>>();
    output::<Candidate<'static>>();
    output::<ScaleOut>();
    output::<VmSizeSpec>();
    output::<RetirementState>();
    output::<CudaVerdict>();
    output::<SourceVerdict>();
    output::<TrainingFit>();
    output::<InferenceFit>();
    output::<FeatureSupport>();
    output::<InferenceProfile>();
    output::<Report>();
    output::<Diagnostic>();
    output::<SeriesGpu>();
    output::<Retirement>();
    output::<RegionalRetirement>();
    output::<Replacement>();
    output::<RetiredService>();
    output::<DataTable>();
    output::<BuildVerdict>();
    output::<EnvironmentHints>();
    output::<ListedSize>();
    output::<SizeListing>();
    // Inputs: Default, written as literals.
    input::<TrainingNeeds>();
    input::<InferenceNeeds>();
    input::<SizeNeeds>();
    input::<Plan>();
    input::<ComputeDef>();
    input::<JobDef>();
    input::<DeploymentDef>();
    // Errors: std::error::Error, Send + Sync + 'static, so `?` into Box<dyn Error> works.
    error::<ParseNameError>();
    error::<ParseDateError>();
    error::<ParseVmSizeError>();
    error::<ParseCudaVersionError>();
    error::<ParseCudaRangeError>();
    error::<ParseDriverVersionError>();
    error::<ParseFrameworkVersionError>();
    error::<ParseFrameworkNeedError>();
    error::<ParseComputeCapabilityError>();
    error::<ParseGpuCountError>();
    error::<PlanError>();
    error::<CatalogError>();
    error::<ComputeListError>();
}

fn for_text<T: Display + FromStr + Debug + Clone + PartialEq + serde::Serialize>() {}

#[cfg(feature = "yaml")]
#[test]
fn read_errors_chain_their_cause() {
    error::<ReadError>();
    let err = AzureMlProject::read_paths(["/no/such/dir/anywhere"]).unwrap_err();
    let source = std::error::Error::source(&err).expect("the io::Error");
    assert!(source.downcast_ref::<std::io::Error>().is_some());
    let boxed: Box<dyn std::error::Error> = Box::new(err);
    assert!(boxed.to_string().contains("/no/such/dir/anywhere"));
}

/// Program 1: recommend a size for my needs.
#[test]
fn recommend_for_my_needs() -> Result<(), Box<dyn std::error::Error>> {
    let on: Date = "2026-11-27".parse()?;
    let needs = SizeNeeds::default().gpus(4).gpu_memory_gib(80.0);
    let rec = recommend_sizes(&needs, Catalog::embedded(), on);
    let best = rec.best().ok_or("nothing fits")?;
    assert_eq!(best.name, "Standard_NC96ads_A100_v4");
    // Serialized, it reads back with the same answer and every rejection's reasons.
    let json: serde_json::Value = serde_json::from_str(&serde_json::to_string(&rec)?)?;
    assert_eq!(json["best"], "Standard_NC96ads_A100_v4");
    assert_eq!(json["candidates"][0]["size"], json["best"]);
    assert_eq!(json["candidates"][0]["gpus"], 4);
    assert_eq!(json["candidates"][0]["retirement"]["status"], "active");
    let rejected = json["rejected"].as_array().ok_or("rejected")?;
    assert_eq!(rejected.len(), rec.rejected.len());
    let t4 = rejected
        .iter()
        .find(|r| r["size"] == "Standard_NC4as_T4_v3")
        .ok_or("T4")?;
    assert_eq!(
        t4["reasons"],
        serde_json::json!([
            "too few GPUs: 1, needs 4",
            "too little GPU memory: 16 GiB, needs 80 GiB"
        ])
    );
    Ok(())
}

/// Program 2: validate my plan and print the report.
#[test]
fn validate_my_plan() -> Result<(), Box<dyn std::error::Error>> {
    let on: Date = "2026-11-27".parse()?;
    let plan = Plan {
        compute: vec![ComputeDef {
            name: "gpu".into(),
            size: Some("Standard_NC6s_v3".into()),
            max_instances: Some(2),
            ..ComputeDef::default()
        }],
        jobs: vec![JobDef {
            name: "train".into(),
            target: "gpu".into(),
            ..JobDef::default()
        }],
        deployments: vec![DeploymentDef {
            name: "web".into(),
            size: Some("Standard_D4ds_v5".into()),
            ..DeploymentDef::default()
        }],
        ..Plan::default()
    };
    let report = validate(&plan, on);
    assert_eq!(report.count(Severity::Error), 1);
    let d = &report.diagnostics[0];
    assert_eq!(
        (d.code, d.key.to_string().as_str()),
        (Code::RetiredSeries, "compute[0].size")
    );
    // The report serializes with the fields the CLI prints; round-tripped through text, the
    // same diagnostics come back.
    let text = serde_json::to_string(&report)?;
    let json: serde_json::Value = serde_json::from_str(&text)?;
    assert_eq!(json["errors"], 1);
    assert_eq!(json["diagnostics"][0]["code"], "retired-series");
    assert_eq!(json["diagnostics"][0]["location"], "compute[0].size");
    assert_eq!(
        json["diagnostics"][0]["alternatives"]
            .as_array()
            .map(Vec::len),
        Some(d.alternatives.len())
    );
    // The plan itself round-trips through TOML and JSON.
    assert_eq!(Plan::from_toml(&plan.to_toml()?)?, plan);
    assert_eq!(Plan::from_json(&plan.to_json()?)?, plan);
    Ok(())
}

/// Program 3: fail my build on a retired size, on a pinned date.
#[test]
fn fail_the_build_on_a_retired_size() -> Result<(), Box<dyn std::error::Error>> {
    const PINNED: &str = "2026-11-27";
    let on: Date = PINNED.parse()?;
    let size: VmSize = "Standard_NC6".parse()?;
    let series = size.series().ok_or("unknown series")?;
    let state = series.retirement_state(on);
    assert!(state.is_retired());
    let spec = size.spec().ok_or("not in the catalog")?;
    let instead = Catalog::embedded().replacements(spec, on, 1);
    let message = format!(
        "{size} is retired since {:?}; use {}",
        state.date(),
        instead[0].name
    );
    assert!(message.ends_with("use Standard_NC8as_T4_v3"), "{message}");
    Ok(())
}
