//! Azure ML CLI v2 YAML: each file kind valid and problematic, malformed YAML, unknown types,
//! files that are not Azure ML's, `$schema` and shape detection, cross-file resolution, and the
//! bundled sample project.
#![cfg(feature = "yaml")]

use aml_targets::fit::InferenceMode;
use aml_targets::{AzureMlProject, Code, ComputeKind, Date, InferenceTarget, Severity};

const ON: &str = "2026-11-26";

fn on() -> Date {
    ON.parse().unwrap()
}

fn codes(files: &[(&str, &str)]) -> Vec<(Code, Option<usize>, String)> {
    AzureMlProject::from_sources(files.iter().copied())
        .check(on())
        .diagnostics
        .into_iter()
        .map(|d| (d.code, d.line(), d.key.to_string()))
        .collect()
}

const SCHEMA: &str = "https://azuremlschemas.azureedge.net/latest";

fn cluster(name: &str, size: &str) -> String {
    format!(
        "$schema: {SCHEMA}/amlCompute.schema.json\nname: {name}\ntype: amlcompute\nsize: {size}\nmax_instances: 2\n"
    )
}

#[test]
fn compute_files() {
    assert_eq!(codes(&[("c.yml", &cluster("c", "Standard_DS3_v2"))]), []);
    assert_eq!(
        codes(&[("c.yml", &cluster("c", "Standard_NC6"))]),
        [(Code::RetiredSeries, Some(4), "size".to_owned())]
    );
    let instance = format!(
        "$schema: {SCHEMA}/computeInstance.schema.json\nname: i\ntype: computeinstance\nsize: Standard_FX4mds\nidle_time_before_shutdown_minutes: 5\n"
    );
    assert_eq!(
        codes(&[("i.yaml", &instance)]),
        [
            (Code::SizeNotForCompute, Some(4), "size".to_owned()),
            (
                Code::IdleShutdownRange,
                Some(5),
                "idle_time_before_shutdown_minutes".to_owned()
            ),
        ]
    );
    let cl = format!(
        "{}idle_time_before_shutdown_minutes: 30\nmin_instances: 3\n",
        cluster("c", "Standard_DS3_v2")
    );
    assert_eq!(
        codes(&[("c.yml", &cl)]),
        [
            (
                Code::InstanceSettingOnCluster,
                Some(6),
                "idle_time_before_shutdown_minutes".to_owned()
            ),
            (Code::MinAboveMax, Some(7), "min_instances".to_owned()),
        ]
    );
    let project = AzureMlProject::from_sources([("c.yml", cl.as_str())]);
    assert_eq!(project.plan().compute[0].kind, ComputeKind::ComputeCluster);
    assert_eq!(project.plan().compute[0].max_instances, Some(2));
}

#[test]
fn job_files_and_cross_file_resolution() {
    let job = |compute: &str, env: &str| {
        format!(
            "$schema: {SCHEMA}/commandJob.schema.json\ncommand: python train.py\ncompute: {compute}\nenvironment: {env}\n"
        )
    };
    let k80 = cluster("gpu", "Standard_NC6");
    let t4 = cluster("gpu", "Standard_NC4as_T4_v3");
    let cuda12 = "mcr.microsoft.com/azureml/openmpi4.1.0-cuda12.1-cudnn8-ubuntu22.04:latest";
    // The job names the compute of another file: CUDA 12.1 on the K80 cluster.
    let got = codes(&[
        ("compute/gpu.yml", &k80),
        ("jobs/train.yml", &job("azureml:gpu", cuda12)),
    ]);
    assert_eq!(
        got,
        [
            (Code::RetiredSeries, Some(4), "size".to_owned()),
            (Code::CudaNvidia, Some(4), "environment".to_owned()),
        ]
    );
    assert_eq!(
        codes(&[
            ("compute/gpu.yml", &t4),
            ("jobs/train.yml", &job("azureml:gpu", cuda12))
        ]),
        []
    );
    // An unresolved compute: a note, not a failure.
    assert_eq!(
        codes(&[("jobs/train.yml", &job("azureml:elsewhere", cuda12))]),
        [(Code::ComputeNotFound, Some(3), "compute".to_owned())]
    );
    // A CUDA base image on a CPU cluster is no GPU need (such images run CPU jobs too);
    // a GPU framework image is.
    assert_eq!(
        codes(&[
            ("c.yml", &cluster("cpu", "Standard_DS3_v2")),
            ("j.yml", &job("azureml:cpu", cuda12))
        ]),
        []
    );
    assert_eq!(
        codes(&[
            ("c.yml", &cluster("cpu", "Standard_DS3_v2")),
            (
                "j.yml",
                &job(
                    "azureml:cpu",
                    "azureml:AzureML-ACPT-pytorch-2.2-cuda12.1-gpu@latest"
                )
            )
        ]),
        [(Code::GpuOnCpuSize, Some(4), "environment".to_owned())]
    );
    // Serverless with an instance type; multi-node on an instance.
    let serverless = format!(
        "$schema: {SCHEMA}/commandJob.schema.json\ncommand: x\nenvironment: azureml:AzureML-sklearn-1.5-ubuntu22.04-py39-cpu@latest\nresources:\n  instance_type: Standard_NC6\n  instance_count: 1\n"
    );
    assert_eq!(
        codes(&[("s.yml", &serverless)]),
        [(
            Code::RetiredSeries,
            Some(5),
            "resources.instance_type".to_owned()
        )]
    );
    let inst = format!(
        "$schema: {SCHEMA}/computeInstance.schema.json\nname: box\ntype: computeinstance\nsize: Standard_DS3_v2\n"
    );
    let multi = format!(
        "$schema: {SCHEMA}/commandJob.schema.json\ncommand: x\ncompute: azureml:box\nresources:\n  instance_count: 4\n"
    );
    assert_eq!(
        codes(&[("i.yml", &inst), ("j.yml", &multi)]),
        [(
            Code::MultiNodeOnInstance,
            Some(5),
            "resources.instance_count".to_owned()
        )]
    );
    // automl on Kubernetes; a pipeline's default compute.
    let k8s = format!(
        "$schema: {SCHEMA}/kubernetesCompute.schema.json\nname: k8s\ntype: kubernetes\nnamespace: default\n"
    );
    let automl = format!(
        "$schema: {SCHEMA}/autoMLJob.schema.json\ntype: automl\ncompute: azureml:k8s\ntask: classification\n"
    );
    assert_eq!(
        codes(&[("k.yml", &k8s), ("a.yml", &automl)]),
        [(Code::FeatureNotSupported, Some(3), "compute".to_owned())]
    );
    let pipeline = format!(
        "$schema: {SCHEMA}/pipelineJob.schema.json\ntype: pipeline\nsettings:\n  default_compute: azureml:k8s\njobs: {{}}\n"
    );
    assert_eq!(codes(&[("k.yml", &k8s), ("p.yml", &pipeline)]), []);
    let project =
        AzureMlProject::from_sources([("k.yml", k8s.as_str()), ("p.yml", pipeline.as_str())]);
    assert!(project.plan().jobs[0].ml_pipelines);
}

#[test]
fn deployment_files() {
    let managed = |size: &str| {
        format!(
            "$schema: {SCHEMA}/managedOnlineDeployment.schema.json\nname: blue\nendpoint_name: e\nmodel: azureml:m@latest\ninstance_type: {size}\ninstance_count: 1\n"
        )
    };
    assert_eq!(codes(&[("d.yml", &managed("Standard_DS3_v2"))]), []);
    assert_eq!(
        codes(&[("d.yml", &managed("Standard_NC6"))]),
        [(Code::RetiredSeries, Some(5), "instance_type".to_owned())]
    );
    assert_eq!(
        codes(&[("d.yml", &managed("Standard_NC6s_v"))]),
        [(Code::InvalidSizeName, Some(5), "instance_type".to_owned())]
    );
    let k8s = format!(
        "$schema: {SCHEMA}/kubernetesOnlineDeployment.schema.json\nname: blue\ntype: kubernetes\nendpoint_name: k\ninstance_type: defaultinstancetype\n"
    );
    let batch = format!(
        "$schema: {SCHEMA}/modelBatchDeployment.schema.json\nname: b\nendpoint_name: be\ntype: model\ncompute: azureml:cpu\n"
    );
    // Same deployment name on two endpoints is fine; the batch deployment's compute is
    // defined elsewhere: a note.
    assert_eq!(
        codes(&[
            ("a.yml", &managed("Standard_DS3_v2")),
            ("k.yml", &k8s),
            ("b.yml", &batch)
        ]),
        [(Code::ComputeNotFound, Some(5), "compute".to_owned())]
    );
    let project =
        AzureMlProject::from_sources([("k.yml", k8s.as_str()), ("b.yml", batch.as_str())]);
    let deployments = &project.plan().deployments;
    assert_eq!(deployments[0].target, InferenceTarget::Kubernetes);
    assert_eq!(deployments[0].name, "k/blue");
    assert_eq!(deployments[1].mode, InferenceMode::Batch);
}

#[test]
fn detection_skipping_and_malformed_files() {
    // Without a $schema, by shape.
    let shaped = "name: c\ntype: amlcompute\nsize: Standard_NC6\n";
    assert_eq!(
        codes(&[("c.yml", shaped)]),
        [(Code::RetiredSeries, Some(3), "size".to_owned())]
    );
    let shaped_job = "command: python x.py\nenvironment: azureml:AzureML-sklearn-1.5-ubuntu22.04-py39-cpu@latest\nresources:\n  instance_type: Standard_NC6\n";
    assert_eq!(
        codes(&[("j.yml", shaped_job)]),
        [(
            Code::RetiredSeries,
            Some(4),
            "resources.instance_type".to_owned()
        )]
    );
    // Not Azure ML's, even when malformed: read for size names only (none here), never
    // skipped; Markdown given explicitly is read for size names.
    let project = AzureMlProject::from_sources([
        (
            ".github/workflows/ci.yml",
            "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n",
        ),
        ("conda.yml", "name: env\ndependencies:\n  - python=3.10\n"),
        ("broken-other.yaml", "a: [1, 2\nb: c\n"),
        ("README.md", "# hello\n"),
        (
            "other-schema.yml",
            "$schema: https://json.schemastore.org/github-workflow.json\non: push\n",
        ),
    ]);
    let report = project.check(on());
    assert_eq!(
        (
            report.files_read,
            report.files_skipped(),
            report.diagnostics.len()
        ),
        (5, 0, 0)
    );
    // Malformed Azure ML YAML: an error with its line.
    let broken = format!(
        "$schema: {SCHEMA}/commandJob.schema.json\ncommand: x\nresources:\n  instance_count: [1, 2\ncompute: azureml:c\n"
    );
    let report = AzureMlProject::from_sources([("b.yml", broken.as_str())]).check(on());
    assert_eq!(report.files_read, 1);
    let d = &report.diagnostics[0];
    assert_eq!(
        (d.code, d.severity, d.line()),
        (Code::YamlSyntax, Severity::Error, Some(5))
    );
    assert_eq!(d.column(), Some(8));
    assert!(
        d.message
            .starts_with("does not load as the Azure ML CLI loads it: expected ',' or ']'"),
        "{}",
        d.message
    );
    // Unknown types: notes, never failures.
    let spark = format!("$schema: {SCHEMA}/sparkJob.schema.json\ntype: spark\ncode: src\n");
    assert_eq!(
        codes(&[("s.yml", &spark)]),
        [(Code::NotChecked, Some(2), "type".to_owned())]
    );
    let endpoint = format!("$schema: {SCHEMA}/managedOnlineEndpoint.schema.json\nname: e\n");
    assert_eq!(
        codes(&[("e.yml", &endpoint)]),
        [(Code::NotChecked, Some(1), "$schema".to_owned())]
    );
    let odd_compute = format!("$schema: {SCHEMA}/amlCompute.schema.json\nname: x\ntype: quantum\n");
    assert_eq!(
        codes(&[("q.yml", &odd_compute)]),
        [(Code::NotChecked, Some(3), "type".to_owned())]
    );
    // Several documents in one file: `yaml.safe_load` (the CLI's loader) refuses them.
    let multi = format!(
        "{}---\n{}",
        cluster("a", "Standard_DS3_v2"),
        cluster("b", "Standard_NC6")
    );
    assert_eq!(
        codes(&[("m.yml", &multi)]),
        [(Code::YamlSyntax, Some(6), String::new())]
    );
    // Odd YAML values never crash.
    for weird in [
        "",
        "---\n",
        "~",
        "[]",
        "42",
        "type: [amlcompute]",
        "type: amlcompute\nsize: [1]\nmax_instances: -3\n",
        "type: command\ncompute: 7\nresources: 9\nenvironment: {image: [x]}\n",
        "&a b: *a",
        "? [complex]: key\ntype: amlcompute\n",
        "type: !!binary aGVsbG8=\n",
    ] {
        let _ = AzureMlProject::from_sources([("w.yml", weird)]).check(on());
    }
}

#[test]
fn the_bundled_sample_project() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/azureml");
    let report = AzureMlProject::read_paths([dir]).unwrap().check(on());
    let mut got: Vec<(String, Code)> = report
        .diagnostics
        .iter()
        .map(|d| {
            let file = d
                .file_or_empty()
                .strip_prefix(dir)
                .unwrap()
                .display()
                .to_string();
            (file, d.code)
        })
        .collect();
    got.sort();
    let expected = [
        (
            "/cli/endpoints/online/managed/sample/endpoint.yml",
            Code::NotChecked,
        ),
        (
            "/cli/endpoints/online/managed/sample/green-deployment.yml",
            Code::RetiredSeries,
        ),
        (
            "/cli/jobs/automl-standalone-jobs/automl-on-k8s.yml",
            Code::FeatureNotSupported,
        ),
        ("/cli/jobs/broken.yml", Code::YamlSyntax),
        ("/cli/jobs/external-compute.yml", Code::ComputeNotFound),
        (
            "/cli/jobs/single-step/pytorch/train-k80.yml",
            Code::CudaNvidia,
        ),
        (
            "/cli/jobs/single-step/pytorch/train-k80.yml",
            Code::FrameworkBuild,
        ),
        ("/cli/jobs/spark/spark-job.yml", Code::NotChecked),
        (
            "/cli/resources/compute/cluster-gpu-k80.yml",
            Code::RetiredSeries,
        ),
        (
            "/cli/resources/compute/instance-dev.yml",
            Code::ClusterSettingOnInstance,
        ),
    ];
    let mut expected: Vec<(String, Code)> = expected
        .iter()
        .map(|(f, c)| (f.trim_start_matches('/').to_owned(), *c))
        .collect();
    expected.sort();
    let got: Vec<(String, Code)> = got
        .into_iter()
        .map(|(f, c)| (f.trim_start_matches('/').to_owned(), c))
        .collect();
    assert_eq!(got, expected);
    assert_eq!((report.files_read, report.files_skipped()), (19, 0));
    assert_eq!(
        (
            report.count(Severity::Error),
            report.count(Severity::Warning),
            report.count(Severity::Note)
        ),
        (7, 0, 3)
    );
}

#[test]
fn typed_models() {
    use aml_targets::project::{AzureMlFile, EnvironmentYaml};
    let job = format!(
        "$schema: {SCHEMA}/sweepJob.schema.json\ntype: sweep\ncompute: azureml:gpu\ntrial:\n  command: python x.py\n  environment:\n    image: pytorch/pytorch:2.1.0-cuda12.1-cudnn8-runtime\n  resources:\n    instance_count: 2\n"
    );
    let project = AzureMlProject::from_sources([
        ("c.yml", cluster("gpu", "Standard_NC4as_T4_v3").as_str()),
        ("s.yml", job.as_str()),
    ]);
    let docs = project.documents();
    assert_eq!(docs.len(), 2);
    let AzureMlFile::Job(j) = &docs[1].content else {
        panic!("{docs:?}")
    };
    assert_eq!(j.kind.as_deref(), Some("sweep"));
    assert_eq!(j.compute.as_deref(), Some("azureml:gpu"));
    assert_eq!(j.resources.as_ref().unwrap().instance_count, Some(2));
    assert_eq!(
        j.environment,
        Some(EnvironmentYaml::Inline {
            image: Some("pytorch/pytorch:2.1.0-cuda12.1-cudnn8-runtime".into())
        })
    );
    let AzureMlFile::Compute(c) = &docs[0].content else {
        panic!()
    };
    assert_eq!(
        (c.name.as_deref(), c.size.as_deref(), c.max_instances),
        (Some("gpu"), Some("Standard_NC4as_T4_v3"), Some(2))
    );
    let plan_job = &project.plan().jobs[0];
    assert_eq!(
        (
            plan_job.target.as_str(),
            plan_job.instance_count,
            plan_job.gpu
        ),
        ("gpu", Some(2), true)
    );

    // The models deserialize with any serde reader (JSON is YAML); unknown keys are ignored.
    #[cfg(feature = "json")]
    {
        use aml_targets::project::{ComputeYaml, JobYaml};
        let c: ComputeYaml = serde_json::from_str(
            r#"{"$schema": "x", "name": "c", "type": "amlcompute", "size": "Standard_DS3_v2", "ssh_settings": {"admin_username": "a"}}"#,
        )
        .unwrap();
        assert_eq!(c.kind.as_deref(), Some("amlcompute"));
        let j: JobYaml = serde_json::from_str(
            r#"{"command": "x", "environment": "azureml:env@latest", "inputs": {}}"#,
        )
        .unwrap();
        assert_eq!(
            j.environment,
            Some(EnvironmentYaml::Name("azureml:env@latest".into()))
        );
    }
}
