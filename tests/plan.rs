//! The plan format: TOML and JSON read the same plan, round-trip, and bad input names the path,
//! the value and the accepted values.
#![cfg(all(feature = "json", feature = "toml"))]

use aml_targets::plan::Tier;
use aml_targets::{ComputeKind, Framework, InferenceTarget, Plan};

const SAMPLE: &str = include_str!("../examples/plan.toml");

#[test]
fn the_sample_plan_reads_and_round_trips() {
    let plan = Plan::from_toml(SAMPLE).unwrap();
    assert_eq!(plan.compute.len(), 5);
    assert_eq!(plan.jobs.len(), 4);
    assert_eq!(plan.deployments.len(), 2);
    assert_eq!(plan.compute[2].kind, ComputeKind::ComputeInstance);
    assert_eq!(plan.compute[2].idle_time_before_scale_down, Some(600));
    assert_eq!(
        plan.deployments[0].target,
        InferenceTarget::ContainerInstances
    );
    assert_eq!(plan.deployments[0].model_size_gb, Some(2.5));
    // TOML -> JSON -> plan, and TOML -> TOML -> plan: identical.
    let json = plan.to_json().unwrap();
    assert_eq!(Plan::from_json(&json).unwrap(), plan);
    let toml = plan.to_toml().unwrap();
    assert_eq!(Plan::from_toml(&toml).unwrap(), plan);
}

#[test]
fn every_field_round_trips() {
    let text = r#"
        edition = "2025-11"
        view = "v1"
        region = "westeurope"

        [[compute]]
        name = "c"
        kind = "compute-cluster"
        size = "Standard_DS3_v2"
        tier = "low_priority"
        min_instances = 1
        max_instances = 3
        idle_time_before_scale_down = 120
        isolated = true
        region = "eastus"

        [[compute]]
        name = "i"
        kind = "instance"
        idle_time_before_shutdown_minutes = 60

        [[jobs]]
        name = "j"
        target = "c"
        automated_ml = true
        ml_pipelines = true
        designer = true
        gpu = true
        instance_count = 2
        size = "Standard_NC4as_T4_v3"
        cuda = ">=11.8, <13"
        environment = "my-env:1"
        framework = { framework = "torch", version = "2.1" }

        [[deployments]]
        name = "d"
        target = "aci"
        mode = "batch"
        production = true
        gpu = true
        model_size_gb = 0.5
        model_ram_gb = 4.0
        designer = true
        size = "Standard_DS2_v2"
        instance_count = 3
        view = "v1"
    "#;
    let plan = Plan::from_toml(text).unwrap();
    assert_eq!(plan.compute[0].tier, Some(Tier::LowPriority));
    assert_eq!(plan.compute[1].kind, ComputeKind::ComputeInstance);
    assert_eq!(
        plan.jobs[0].framework.unwrap().framework,
        Framework::PyTorch
    );
    assert_eq!(
        plan.jobs[0].cuda.as_ref().unwrap().to_string(),
        ">=11.8, <13"
    );
    assert_eq!(Plan::from_json(&plan.to_json().unwrap()).unwrap(), plan);
    assert_eq!(Plan::from_toml(&plan.to_toml().unwrap()).unwrap(), plan);
    assert_eq!(Plan::from_toml("").unwrap(), Plan::default());
    assert_eq!(Plan::from_json("{}").unwrap(), Plan::default());
}

#[test]
fn errors_name_the_path_the_value_and_the_accepted_values() {
    let cases = [
        (
            r#"{"jobs": [{"name": "a", "target": "x"}, {"name": "b", "target": "y"}, {"name": "c", "target": "z", "cuda": "twelve"}]}"#,
            "jobs[2].cuda",
            "invalid CUDA version \"twelve\"",
        ),
        (
            r#"{"deployments": [{"name": "d", "target": "lambda"}]}"#,
            "deployments[0].target",
            "unknown inference target \"lambda\"; expected one of: endpoints, kubernetes, local-web-service, container-instances",
        ),
        (
            r#"{"compute": [{"name": "c", "kind": "fargate"}]}"#,
            "compute[0].kind",
            "unknown compute kind \"fargate\"; expected one of: compute-cluster,",
        ),
        (
            r#"{"compute": [{"name": "c", "kind": "compute-cluster", "max_instances": -1}]}"#,
            "compute[0].max_instances",
            "invalid value: integer `-1`, expected u32",
        ),
        (
            r#"{"compute": [{"name": "c"}]}"#,
            "compute[0]",
            "missing field `kind`",
        ),
        (
            r#"{"edition": "2023"}"#,
            "edition",
            "unknown page edition \"2023\"",
        ),
        (r#"{"jobz": []}"#, "jobz", "unknown field `jobz`"),
        (r#"{"jobs": [] } x"#, "", "trailing characters"),
    ];
    for (json, path, message) in cases {
        let err = Plan::from_json(json).unwrap_err();
        assert_eq!(err.path(), path, "{json}");
        assert!(err.message().contains(message), "{json}: {err}");
        if !path.is_empty() {
            assert!(err.to_string().starts_with(&format!("{path}: ")), "{err}");
        }
    }
    let err = Plan::from_toml("[[jobs]]\nname = \"a\"\ntarget = \"x\"\n[[jobs]]\nname = 3\n")
        .unwrap_err();
    assert_eq!(err.path(), "jobs[1].name");
    assert!(err.message().contains("line 5"), "{err}");
    let err = Plan::from_toml("[[jobs]\n").unwrap_err();
    assert_eq!(err.path(), "");
    assert!(err.message().contains("line 1"), "{err}");
}
