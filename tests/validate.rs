//! For every diagnostic code: one plan that triggers it and one that does not.

use aml_targets::fit::{FrameworkNeed, InferenceMode};
use aml_targets::gpu::FrameworkVersion;
use aml_targets::plan::Tier;
use aml_targets::{
    Code, ComputeDef, ComputeKind, Date, DeploymentDef, Framework, InferenceTarget, JobDef, Plan,
    Severity, validate,
};

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

const ON: &str = "2026-11-26";

fn compute(name: &str, kind: ComputeKind, size: Option<&str>) -> ComputeDef {
    ComputeDef {
        size: size.map(str::to_owned),
        ..ComputeDef::new(name, kind)
    }
}

fn job(name: &str, target: &str) -> JobDef {
    JobDef {
        name: name.into(),
        target: target.into(),
        ..JobDef::default()
    }
}

fn plan(compute: Vec<ComputeDef>, jobs: Vec<JobDef>, deployments: Vec<DeploymentDef>) -> Plan {
    Plan {
        compute,
        jobs,
        deployments,
        ..Plan::default()
    }
}

/// The codes `plan` triggers on `on`, in order.
fn codes_on(plan: &Plan, on: &str) -> Vec<Code> {
    validate(plan, date(on))
        .diagnostics
        .iter()
        .map(|d| d.code)
        .collect()
}

fn codes(plan: &Plan) -> Vec<Code> {
    codes_on(plan, ON)
}

#[track_caller]
fn triggers(plan: &Plan, code: Code) {
    assert!(
        codes(plan).contains(&code),
        "{code} not in {:?}",
        codes(plan)
    );
}

#[track_caller]
fn clean(plan: &Plan) {
    assert_eq!(codes(plan), [], "{:#?}", validate(plan, date(ON)));
}

fn cluster(size: &str) -> Plan {
    plan(
        vec![compute("c", ComputeKind::ComputeCluster, Some(size))],
        vec![],
        vec![],
    )
}

#[test]
fn retired_and_retiring_series() {
    let report = validate(&cluster("Standard_NC6"), date(ON));
    let d = &report.diagnostics[0];
    assert_eq!(
        (d.code, d.severity, d.key.to_string().as_str()),
        (Code::RetiredSeries, Severity::Error, "compute[0].size")
    );
    assert_eq!(
        d.message,
        "Standard_NC6 is a NC size; NC is retired since 2023-08-31 (concept-compute-target.md, \"Retired VM series\")"
    );
    // NC's migration guide names NC T4 v3: its nearest size first, then similar sizes.
    assert_eq!(d.alternatives[0], "Standard_NC8as_T4_v3");
    assert!(d.alternatives.iter().all(|a| !a.contains("NC6")));
    // NCv3's guide: the nearest size of each NVIDIA replacement series first, those that keep
    // the V100's 16 GiB first (a third of an A10, 8 GiB, does not).
    let d = &validate(&cluster("Standard_NC6s_v3"), date(ON)).diagnostics[0];
    assert_eq!(d.code, Code::RetiredSeries);
    assert_eq!(
        &d.alternatives[..3],
        [
            "Standard_NC8as_T4_v3",
            "Standard_NC40ads_H100_v5",
            "Standard_NV36ads_A10_v5"
        ]
    );
    // Announced by the VM docs: Dv2 retires on 2028-05-01 (a warning 90 days before, with the
    // modernization guide's sizes), H retired in 2022 though the page dropped its note.
    assert_eq!(codes(&cluster("Standard_D2_v2")), []);
    let report = validate(&cluster("Standard_D2_v2"), date("2028-03-01"));
    let d = &report.diagnostics[0];
    assert_eq!(d.code, Code::RetiringSeries);
    assert!(
        d.message.contains("retires on 2028-05-01, in 61 days"),
        "{}",
        d.message
    );
    assert!(d.alternatives[0].ends_with("_v5") || d.alternatives[0].ends_with("_v6"));
    assert_eq!(
        codes_on(&cluster("Standard_D2_v2"), "2028-05-01"),
        [Code::RetiredSeries]
    );
    assert_eq!(codes(&cluster("Standard_H16r")), [Code::RetiredSeries]);
    // A retired series retires sizes the catalog has no row for too (DS v1, H Promo).
    assert_eq!(
        codes_on(&cluster("Standard_DS3"), "2028-06-01"),
        [Code::UncataloguedSize, Code::RetiredSeries]
    );
    let d = validate(&cluster("Standard_DS3"), date("2028-06-01")).diagnostics[1].clone();
    // Without a row, the sizes nearest the name's number (DS3: 4 vCPUs) of at least as many
    // vCPUs, those Azure ML is known to offer first.
    assert_eq!(
        d.alternatives[0], "Standard_D4ds_v5",
        "{:?}",
        d.alternatives
    );
    // A Promo size is its regular size's hardware.
    assert_eq!(
        codes(&cluster("Standard_H16m_Promo")),
        [Code::RetiredSeries]
    );
    clean(&cluster("Standard_NC4as_T4_v3"));
    // Within 90 days of NVv3's retirement (2026-09-30): a warning; earlier: nothing.
    assert_eq!(
        codes_on(&cluster("Standard_NV12s_v3"), "2026-08-01"),
        [Code::RetiringSeries]
    );
    assert_eq!(codes_on(&cluster("Standard_NV12s_v3"), "2026-06-01"), []);
    // NCv3's regional exception.
    let mut gov = cluster("Standard_NC6s_v3");
    gov.region = Some("usgovarizona".into());
    // (2026-12-31 there: the NCv3 guide's later edition.)
    assert_eq!(codes_on(&gov, "2026-01-01"), []);
    assert_eq!(codes_on(&gov, "2026-05-01"), []);
    assert_eq!(codes_on(&gov, "2026-10-15"), [Code::RetiringSeries]);
    assert_eq!(codes_on(&gov, "2027-01-01"), [Code::RetiredSeries]);
    assert_eq!(
        codes_on(&cluster("Standard_NC6s_v3"), "2026-01-01"),
        [Code::RetiredSeries]
    );
}

#[test]
fn size_not_for_compute() {
    let fx = plan(
        vec![compute(
            "i",
            ComputeKind::ComputeInstance,
            Some("Standard_FX4mds"),
        )],
        vec![],
        vec![],
    );
    let report = validate(&fx, date(ON));
    let d = report.with_code(Code::SizeNotForCompute).next().unwrap();
    assert_eq!(
        d.message,
        "FX (Standard_FX4mds) is supported by clusters-only, not by a compute-instance"
    );
    assert!(!d.alternatives.is_empty());
    clean(&cluster("Standard_FX4mds"));
}

#[test]
fn size_names() {
    triggers(&cluster("Standard_NC6s_v"), Code::InvalidSizeName);
    let d = validate(&cluster("Standard_NC6s_v"), date(ON)).diagnostics[0].clone();
    assert_eq!(
        d.message,
        "invalid VM size name \"Standard_NC6s_v\" at byte 15: missing version number after \"_v\""
    );
    // A size of a generation the catalog does not have: a note, not a warning.
    assert_eq!(codes(&cluster("Standard_D2s_v9")), [Code::UncataloguedSize]);
    let d = validate(&cluster("Standard_D2s_v9"), date(ON)).diagnostics[0].clone();
    assert_eq!(d.severity, Severity::Note);
    assert!(d.message.contains("data as of 2026-11-27"), "{}", d.message);
    // A size of a series Azure documents but the page does not list: a note at most, and
    // nothing when Azure ML's own size listing offers it to clusters.
    assert_eq!(codes(&cluster("Standard_D2s_v6")), [Code::SeriesNotListed]);
    assert_eq!(
        validate(&cluster("Standard_D2s_v6"), date(ON)).diagnostics[0].severity,
        Severity::Note
    );
    for current in ["Standard_D4ds_v5", "Standard_E16ds_v5", "Standard_D8ads_v5"] {
        clean(&cluster(current));
    }
    // A name of a series the catalog lists, but no size of it: likely misspelt, a warning
    // (and NCv3 has retired, whatever the size).
    assert_eq!(
        codes(&cluster("Standard_NC7s_v3")),
        [Code::UnknownSize, Code::RetiredSeries]
    );
    assert_eq!(codes(&cluster("Standard_NC7as_T4_v3")), [Code::UnknownSize]);
    assert_eq!(
        validate(&cluster("Standard_NC7as_T4_v3"), date(ON)).diagnostics[0].severity,
        Severity::Warning
    );
    assert_eq!(
        codes(&cluster("Standard_NV6ads_A10_v5")),
        [Code::SeriesNotListed]
    );
    clean(&cluster("STANDARD_DS3_V2"));
}

#[test]
fn job_targets_and_features() {
    // A retired service: Azure Data Lake Analytics since 2024-02-29, though the page lists it.
    let adla = plan(vec![], vec![job("j", "data-lake-analytics")], vec![]);
    assert_eq!(codes(&adla), [Code::RetiredService]);
    let d = &validate(&adla, date(ON)).diagnostics[0];
    assert_eq!(d.severity, Severity::Error);
    assert!(
        d.message.contains("retired since 2024-02-29"),
        "{}",
        d.message
    );
    assert!(d.alternatives.contains(&"compute-cluster".to_owned()));
    assert_eq!(codes_on(&adla, "2024-02-28"), []);
    // Unknown target: lists what is accepted.
    let p = plan(vec![], vec![job("j", "gpu-clustr")], vec![]);
    let report = validate(&p, date(ON));
    let d = &report.diagnostics[0];
    assert_eq!(
        (d.code, d.key.to_string().as_str()),
        (Code::UnknownTarget, "jobs[0].target")
    );
    assert!(d.alternatives.contains(&"serverless-compute".to_owned()));
    clean(&plan(vec![], vec![job("j", "serverless")], vec![]));
    // Not listed: the local computer is not in the v2 training table.
    assert_eq!(
        codes(&plan(vec![], vec![job("j", "local-computer")], vec![])),
        [Code::TargetNotListed]
    );
    // Automated ML on Kubernetes; the designer on a remote VM.
    let automl_k8s = plan(
        vec![compute("k", ComputeKind::Kubernetes, None)],
        vec![JobDef {
            automated_ml: true,
            ..job("j", "k")
        }],
        vec![],
    );
    assert_eq!(codes(&automl_k8s), [Code::FeatureNotSupported]);
    let d = validate(&automl_k8s, date(ON)).diagnostics[0].clone();
    assert_eq!(
        d.message,
        "job \"j\": Kubernetes does not support Automated machine learning"
    );
    assert!(d.alternatives.contains(&"compute-cluster".to_owned()));
    let designer_vm = plan(
        vec![compute("vm", ComputeKind::RemoteVm, None)],
        vec![JobDef {
            designer: true,
            ..job("j", "vm")
        }],
        vec![],
    );
    assert_eq!(codes(&designer_vm), [Code::FeatureNotSupported]);
    clean(&plan(
        vec![compute("k", ComputeKind::Kubernetes, None)],
        vec![JobDef {
            ml_pipelines: true,
            designer: true,
            ..job("j", "k")
        }],
        vec![],
    ));
    // Automated ML on Databricks: SDK local mode only.
    let automl_db = plan(
        vec![],
        vec![JobDef {
            automated_ml: true,
            ..job("j", "databricks")
        }],
        vec![],
    );
    assert_eq!(codes(&automl_db), [Code::FeatureQualified]);
    // Databricks as a remote target for plain training.
    assert_eq!(
        codes(&plan(vec![], vec![job("j", "databricks")], vec![])),
        [Code::DatabricksRemoteTarget]
    );
    clean(&plan(
        vec![],
        vec![JobDef {
            ml_pipelines: true,
            ..job("j", "databricks")
        }],
        vec![],
    ));
}

#[test]
fn multi_node_and_gpu() {
    let inst = compute("i", ComputeKind::ComputeInstance, Some("Standard_DS3_v2"));
    let p = plan(
        vec![inst.clone()],
        vec![JobDef {
            instance_count: Some(2),
            ..job("j", "i")
        }],
        vec![],
    );
    assert_eq!(codes(&p), [Code::MultiNodeOnInstance]);
    clean(&plan(
        vec![inst.clone()],
        vec![JobDef {
            instance_count: Some(1),
            ..job("j", "i")
        }],
        vec![],
    ));
    let p = plan(
        vec![inst],
        vec![JobDef {
            gpu: true,
            ..job("j", "i")
        }],
        vec![],
    );
    assert_eq!(codes(&p), [Code::GpuOnCpuSize]);
    let d = validate(&p, date(ON)).diagnostics[0].clone();
    assert_eq!(d.key, "jobs[0].gpu");
}

#[test]
fn cuda_and_frameworks() {
    let k80 = || compute("k80", ComputeKind::ComputeCluster, Some("Standard_NC6"));
    let v100 = || {
        compute(
            "v100",
            ComputeKind::ComputeCluster,
            Some("Standard_ND40rs_v2"),
        )
    };
    let t4 = || {
        compute(
            "t4",
            ComputeKind::ComputeCluster,
            Some("Standard_NC4as_T4_v3"),
        )
    };
    // CUDA 12 on a K80, from the environment name: NVIDIA says no; the page says yes.
    let p = plan(
        vec![k80()],
        vec![JobDef {
            environment: Some("AzureML-ACPT-pytorch-2.1-py310-cuda12.1-gpu".into()),
            ..job("j", "k80")
        }],
        vec![],
    );
    let report = validate(&p, date("2023-01-01"));
    let got: Vec<Code> = report.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(got, [Code::CudaNvidia, Code::FrameworkBuild]);
    let d = &report.diagnostics[0];
    assert_eq!(d.key, "jobs[0].environment");
    assert_eq!(
        d.message,
        "CUDA 12.1 (AzureML-ACPT-pytorch-2.1-py310-cuda12.1-gpu) does not run on NC: above the maximum: CUDA 6.0 to 11.8"
    );
    assert_eq!(
        d.help.as_deref(),
        Some("use CUDA within >=6.0, <=11.8 on NC, or a GPU that runs CUDA 12.1")
    );
    assert!(!d.alternatives.is_empty());
    assert_eq!(
        report.diagnostics[1].help.as_deref(),
        Some("the newest pytorch that runs on NC is 2.7 with CUDA 11.8")
    );
    // CUDA below the page's lower bound: both sources say no.
    let old = plan(
        vec![t4()],
        vec![JobDef {
            cuda: Some("9.2".parse().unwrap()),
            ..job("j", "t4")
        }],
        vec![],
    );
    assert_eq!(codes(&old), [Code::CudaPage, Code::CudaNvidia]);
    // CUDA 13 on a V100 (NDv2): Volta ends at 12.9.
    let v13 = plan(
        vec![v100()],
        vec![JobDef {
            cuda: Some("13.0".parse().unwrap()),
            ..job("j", "v100")
        }],
        vec![],
    );
    assert_eq!(codes(&v13), [Code::CudaNvidia]);
    clean(&plan(
        vec![t4()],
        vec![JobDef {
            cuda: Some("13.0".parse().unwrap()),
            ..job("j", "t4")
        }],
        vec![],
    ));
    // A framework release given explicitly.
    let torch29 = FrameworkNeed::new(Framework::PyTorch, FrameworkVersion::new(2, 9));
    assert_eq!(
        codes_on(
            &plan(
                vec![k80()],
                vec![JobDef {
                    framework: Some(torch29),
                    ..job("j", "k80")
                }],
                vec![]
            ),
            "2023-01-01"
        ),
        [Code::FrameworkBuild]
    );
    clean(&plan(
        vec![t4()],
        vec![JobDef {
            framework: Some(torch29),
            ..job("j", "t4")
        }],
        vec![],
    ));
}

#[test]
fn deployments() {
    let aci = |f: &dyn Fn(&mut DeploymentDef)| {
        let mut d = DeploymentDef::new("d", InferenceTarget::ContainerInstances);
        d.view = Some(aml_targets::ApiView::V1);
        f(&mut d);
        plan(vec![], vec![], vec![d])
    };
    clean(&aci(&|d| d.model_size_gb = Some(0.5)));
    // In the default v2 view ACI is not listed, and its limits hold all the same.
    let v2 = |size_gb: f64| {
        let mut d = DeploymentDef::new("d", InferenceTarget::ContainerInstances);
        d.model_size_gb = Some(size_gb);
        plan(vec![], vec![], vec![d])
    };
    assert_eq!(codes(&v2(0.5)), [Code::TargetNotListed]);
    assert_eq!(codes(&v2(2.0)), [Code::TargetNotListed, Code::AciLimits]);
    let big = aci(&|d| d.model_size_gb = Some(2.0));
    assert_eq!(codes(&big), [Code::AciLimits]);
    let report = validate(&big, date(ON));
    let d = &report.diagnostics[0];
    assert_eq!(d.key, "deployments[0].model_size_gb");
    assert_eq!(
        d.message,
        "deployment \"d\": the model (2 GB) is not under Azure Container Instances's 1 GB limit"
    );
    assert_eq!(
        codes(&aci(&|d| d.model_ram_gb = Some(40.0))),
        [Code::AciLimits]
    );
    assert_eq!(codes(&aci(&|d| d.gpu = true)), [Code::AciLimits]);
    assert_eq!(
        codes(&aci(&|d| d.production = true)),
        [Code::DevTestOnlyTarget]
    );
    let local = plan(
        vec![],
        vec![],
        vec![DeploymentDef {
            production: true,
            view: Some(aml_targets::ApiView::V1),
            ..DeploymentDef::new("d", InferenceTarget::LocalWebService)
        }],
    );
    assert_eq!(codes(&local), [Code::DevTestOnlyTarget]);
    assert_eq!(
        codes(&aci(&|d| d.mode = InferenceMode::Batch)),
        [Code::InferenceTargetMisfit]
    );
    // ACI in the v2 view is not a target at all.
    let v2 = plan(
        vec![],
        vec![],
        vec![DeploymentDef::new("d", InferenceTarget::ContainerInstances)],
    );
    assert_eq!(codes(&v2), [Code::TargetNotListed]);
    // Model RAM: below the size's memory but above two thirds of it, the page's 150 %
    // headroom is missing (a warning); above the memory, it cannot run (an error).
    let endpoint_with = |size: &str, ram: f64| {
        plan(
            vec![],
            vec![],
            vec![DeploymentDef {
                size: Some(size.into()),
                model_ram_gb: Some(ram),
                production: true,
                ..DeploymentDef::new("d", InferenceTarget::Endpoints)
            }],
        )
    };
    let endpoint = |size: &str| endpoint_with(size, 10.0);
    assert_eq!(
        codes(&endpoint_with("Standard_DS2_v2", 6.0)),
        [Code::ModelRamHeadroom]
    );
    let report = validate(&endpoint_with("Standard_DS2_v2", 6.0), date(ON));
    assert_eq!(
        report.diagnostics[0].message,
        "Standard_DS2_v2 has 7 GiB; the model needs 6 GB, and the page advises 150 %: 8.4 GiB"
    );
    // 8.4 GiB or more, current: the smallest v5 size of 16 GiB (the 14 GiB sizes retire).
    assert_eq!(report.diagnostics[0].alternatives[0], "Standard_E2ads_v5");
    assert_eq!(
        codes(&endpoint("Standard_DS2_v2")),
        [Code::ModelExceedsMemory]
    );
    // 7 GiB is 7.5 GB: exactly at the boundary the model fits, a GB more it does not.
    assert_eq!(
        codes(&endpoint_with("Standard_DS2_v2", 7.516_192_768)),
        [Code::ModelRamHeadroom]
    );
    assert_eq!(
        codes(&endpoint_with("Standard_DS2_v2", 8.6)),
        [Code::ModelExceedsMemory]
    );
    let report = validate(&endpoint_with("Standard_DS2_v2", 100.0), date(ON));
    assert_eq!(
        report.diagnostics[0].message,
        "Standard_DS2_v2 has 7 GiB; the model alone needs 100 GB (93.1 GiB)"
    );
    // Huge values read as numbers, not `inf`.
    let report = validate(&endpoint_with("Standard_DS2_v2", 1e308), date(ON));
    assert_eq!(
        report.diagnostics[0].message,
        "Standard_DS2_v2 has 7 GiB; the model alone needs 1.00e308 GB (9.31e307 GiB)"
    );
    clean(&endpoint("Standard_DS11_v2"));
    // A GPU deployment on a CPU size.
    let gpu = plan(
        vec![],
        vec![],
        vec![DeploymentDef {
            size: Some("Standard_DS3_v2".into()),
            gpu: true,
            ..DeploymentDef::new("d", InferenceTarget::Endpoints)
        }],
    );
    assert_eq!(codes(&gpu), [Code::GpuOnCpuSize]);
}

#[test]
fn compute_settings() {
    let with = |kind, f: &dyn Fn(&mut ComputeDef)| {
        let mut c = compute("c", kind, Some("Standard_DS3_v2"));
        f(&mut c);
        plan(vec![c], vec![], vec![])
    };
    let inst = ComputeKind::ComputeInstance;
    let cl = ComputeKind::ComputeCluster;
    clean(&with(inst, &|c| {
        c.idle_time_before_shutdown_minutes = Some(60);
    }));
    clean(&with(cl, &|c| {
        c.min_instances = Some(0);
        c.max_instances = Some(4);
        c.idle_time_before_scale_down = Some(1800);
        c.tier = Some(Tier::LowPriority);
    }));
    let p = with(inst, &|c| c.idle_time_before_scale_down = Some(1800));
    assert_eq!(codes(&p), [Code::ClusterSettingOnInstance]);
    let d = validate(&p, date(ON)).diagnostics[0].clone();
    assert_eq!(d.key, "compute[0].idle_time_before_scale_down");
    assert_eq!(
        d.help.as_deref(),
        Some("instances shut down when idle: use `idle_time_before_shutdown_minutes`")
    );
    assert_eq!(
        codes(&with(inst, &|c| {
            c.min_instances = Some(0);
            c.max_instances = Some(1);
        })),
        [
            Code::ClusterSettingOnInstance,
            Code::ClusterSettingOnInstance
        ]
    );
    assert_eq!(
        codes(&with(cl, &|c| c.idle_time_before_shutdown_minutes = Some(30))),
        [Code::InstanceSettingOnCluster]
    );
    assert_eq!(
        codes(&with(cl, &|c| {
            c.min_instances = Some(5);
            c.max_instances = Some(2);
        })),
        [Code::MinAboveMax]
    );
    assert_eq!(
        codes(&with(inst, &|c| c.idle_time_before_shutdown_minutes = Some(10))),
        [Code::IdleShutdownRange]
    );
    assert_eq!(
        codes(&with(inst, &|c| c.idle_time_before_shutdown_minutes = Some(4321))),
        [Code::IdleShutdownRange]
    );
    clean(&with(inst, &|c| {
        c.idle_time_before_shutdown_minutes = Some(4320);
    }));
    // Isolation expected.
    assert_eq!(
        codes(&with(cl, &|c| c.isolated = true)),
        [Code::IsolatedExpected]
    );
    let mut iso = compute("c", cl, Some("Standard_F72s_v2"));
    iso.isolated = true;
    clean(&plan(vec![iso], vec![], vec![]));
    // Duplicate names.
    let dup = plan(
        vec![
            compute("c", cl, Some("Standard_DS3_v2")),
            compute("c", cl, Some("Standard_DS3_v2")),
        ],
        vec![],
        vec![],
    );
    assert_eq!(codes(&dup), [Code::DuplicateName]);
    let report = validate(&dup, date(ON));
    let d = &report.diagnostics[0];
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(d.key, "compute[1].name");
    assert_eq!(
        d.message,
        "compute \"c\" is defined twice: here and at compute[0]"
    );
}

#[test]
fn every_code_has_a_test_above() {
    // Adding a code must come with a trigger/clean pair: this list is the checklist.
    let covered = [
        Code::RetiredSeries,
        Code::RetiringSeries,
        Code::SizeNotForCompute,
        Code::SeriesNotListed,
        Code::InvalidSizeName,
        Code::UnknownSize,
        Code::UnknownTarget,
        Code::TargetNotListed,
        Code::RetiredService,
        Code::FeatureNotSupported,
        Code::FeatureQualified,
        Code::DatabricksRemoteTarget,
        Code::MultiNodeOnInstance,
        Code::GpuOnCpuSize,
        Code::AciLimits,
        Code::DevTestOnlyTarget,
        Code::InferenceTargetMisfit,
        Code::CudaPage,
        Code::CudaNvidia,
        Code::FrameworkBuild,
        Code::ModelRamHeadroom,
        Code::ModelExceedsMemory,
        Code::IsolatedExpected,
        Code::ClusterSettingOnInstance,
        Code::InstanceSettingOnCluster,
        Code::MinAboveMax,
        Code::IdleShutdownRange,
        Code::DuplicateName,
        Code::InvalidValue,
        // Codes of the YAML reader, tested in tests/azureml.rs.
        Code::YamlSyntax,
        Code::NotChecked,
        Code::ComputeNotFound,
        Code::Template,
        Code::UncataloguedSize,
        // The 2021 preview's `$schema` and v1 scripts, tested in tests/reach.rs.
        Code::PreviewSchema,
        Code::V1Api,
        // The size-mention scanner's code, tested in tests/reach.rs.
        Code::RetiredSizeMention,
        // Quota and region, tested in tests/quota.rs.
        Code::QuotaExceeded,
        Code::QuotaShared,
        Code::QuotaUnknown,
        Code::SizeNotInRegion,
        Code::LowPriorityNotCapable,
        // Suppression comments, tested in tests/adopt.rs.
        Code::UnusedIgnore,
    ];
    assert_eq!(covered.len(), Code::ALL.len());
    for code in Code::ALL {
        assert!(covered.contains(code), "{code}");
        assert_eq!(code.as_str().parse::<Code>().unwrap(), *code);
    }
}

#[test]
fn invalid_values_in_plans_built_in_code() {
    let bad = plan(
        vec![ComputeDef {
            max_instances: Some(0),
            ..compute("c", ComputeKind::ComputeCluster, Some("Standard_DS3_v2"))
        }],
        vec![JobDef {
            instance_count: Some(0),
            ..job("j", "c")
        }],
        vec![DeploymentDef {
            model_size_gb: Some(f64::NAN),
            model_ram_gb: Some(-1.0),
            instance_count: Some(0),
            ..DeploymentDef::new("d", InferenceTarget::Endpoints)
        }],
    );
    let report = validate(&bad, date(ON));
    let keys: Vec<String> = report
        .with_code(Code::InvalidValue)
        .map(|d| d.key.to_string())
        .collect();
    let got: Vec<(&str, &str)> = report
        .with_code(Code::InvalidValue)
        .zip(&keys)
        .map(|(d, key)| (key.as_str(), d.message.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "compute[0].max_instances",
                "invalid value: a count of 0; expected 1 or more"
            ),
            (
                "jobs[0].instance_count",
                "invalid value: a count of 0; expected 1 or more"
            ),
            (
                "deployments[0].instance_count",
                "invalid value: a count of 0; expected 1 or more"
            ),
            (
                "deployments[0].model_size_gb",
                "invalid value: NaN GB; expected a finite number, 0 or more"
            ),
            (
                "deployments[0].model_ram_gb",
                "invalid value: -1 GB; expected a finite number, 0 or more"
            ),
        ]
    );
    clean(&plan(
        vec![ComputeDef {
            max_instances: Some(1),
            ..compute("c", ComputeKind::ComputeCluster, Some("Standard_DS3_v2"))
        }],
        vec![],
        vec![],
    ));
}
