//! Reach: every place a repository names its compute — pipeline steps, batch deployments,
//! computes created by scripts or listed by `az ml compute list`, and VM size names in
//! scripts, notebooks, ARM and Bicep templates, Terraform, YAML values and (when asked)
//! Markdown — each finding at its file, line and column with the right severity.
#![cfg(feature = "yaml")]

use std::path::{Path, PathBuf};

use aml_targets::lint::MentionContext;
use aml_targets::project::{NOT_VM_SIZES, ReadOptions, TextKind, size_mentions};
use aml_targets::{AzureMlProject, Catalog, Code, Date, Report, Severity};

const ON: &str = "2026-11-27";
const SCHEMA: &str = "https://azuremlschemas.azureedge.net/latest";

fn on() -> Date {
    ON.parse().unwrap()
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reach-repo")
}

/// (file relative to `base`, line, severity, code, key) of every diagnostic.
fn found(report: &Report, base: &Path) -> Vec<(String, usize, Severity, Code, String)> {
    report
        .diagnostics
        .iter()
        .map(|d| {
            let file = d
                .file_or_empty()
                .strip_prefix(base)
                .unwrap_or(d.file_or_empty());
            (
                file.display().to_string().replace('\\', "/"),
                d.line().unwrap_or(0),
                d.severity,
                d.code,
                d.key.to_string(),
            )
        })
        .collect()
}

fn row(
    file: &str,
    line: usize,
    severity: Severity,
    code: Code,
    key: &str,
) -> (String, usize, Severity, Code, String) {
    (file.to_owned(), line, severity, code, key.to_owned())
}

#[test]
fn every_finding_of_a_repository_with_scripts_notebooks_and_templates() {
    use Code as C;
    use Severity::{Error as E, Note as N, Warning as W};
    let base = fixture();
    let report = AzureMlProject::read_paths([&base]).unwrap().check(on());
    assert_eq!(
        found(&report, &base),
        [
            // A batch deployment on the GPU cluster a setup script creates (K80).
            row(
                "cli/endpoints/batch/deployment.yml",
                7,
                E,
                C::CudaNvidia,
                "environment"
            ),
            // A pipeline component: the input its step's size takes provisions its default;
            // the input passed only in a commented-out step does not.
            row(
                "cli/jobs/pipelines/finetune.yml",
                1,
                N,
                C::NotChecked,
                "$schema"
            ),
            row(
                "cli/jobs/pipelines/finetune.yml",
                8,
                E,
                C::RetiredSeries,
                "instance_type_prepare"
            ),
            row(
                "cli/jobs/pipelines/finetune.yml",
                12,
                W,
                C::RetiredSizeMention,
                ""
            ),
            // Pipeline steps: a CUDA 12.6 step on the K80 cluster; a step whose component
            // file names a GPU framework image, on the CPU default compute; a sweep step
            // whose trial names that component.
            row(
                "cli/jobs/pipelines/gpu-pipeline.yml",
                15,
                E,
                C::CudaNvidia,
                "jobs.train_step.environment"
            ),
            row(
                "cli/jobs/pipelines/gpu-pipeline.yml",
                21,
                E,
                C::GpuOnCpuSize,
                "jobs.score_step.component"
            ),
            row(
                "cli/jobs/pipelines/gpu-pipeline.yml",
                25,
                E,
                C::CudaNvidia,
                "jobs.tune_step.trial"
            ),
            row(
                "cli/jobs/pipelines/gpu-pipeline.yml",
                25,
                E,
                C::FrameworkBuild,
                "jobs.tune_step.trial"
            ),
            row(
                "cli/jobs/pipelines/score.yml",
                1,
                N,
                C::NotChecked,
                "$schema"
            ),
            row("cli/jobs/train-gpu.yml", 4, E, C::CudaNvidia, "environment"),
            // Its compute is listed by `az ml compute list` (see the test below).
            row(
                "cli/jobs/train-listed.yml",
                3,
                N,
                C::ComputeNotFound,
                "compute"
            ),
            // Terraform, Bicep and ARM: provisioning values are errors, other mentions
            // warnings; storage SKUs are never reported.
            row("infra/compute.tf", 12, E, C::RetiredSeries, "vm_size"),
            row("infra/main.bicep", 2, E, C::RetiredSeries, "vmSize"),
            row("infra/main.bicep", 17, W, C::RetiredSizeMention, ""),
            row("infra/main.json", 8, W, C::RetiredSizeMention, ""),
            row("infra/main.json", 25, E, C::RetiredSeries, "vmSize"),
            // A notebook: a markdown cell, a code cell, a misspelt size; not the outputs.
            row(
                "notebooks/train.ipynb",
                10,
                W,
                C::RetiredSizeMention,
                "cell 1"
            ),
            // Its code cell imports the SDK v1: a note, once.
            row("notebooks/train.ipynb", 28, N, C::V1Api, "cell 2"),
            row(
                "notebooks/train.ipynb",
                29,
                E,
                C::RetiredSeries,
                "cell 2: vm_size"
            ),
            row(
                "notebooks/train.ipynb",
                30,
                W,
                C::UnknownSize,
                "cell 2: vm_size"
            ),
            row("scripts/deploy.sh", 2, E, C::RetiredSeries, "instance_type"),
            // The setup script: a variable named like a size (provisioned: `--size` uses
            // it), the compute it creates with it (an error at `--size`), a commented-out
            // command (a warning).
            row(
                "setup/create-compute.sh",
                4,
                E,
                C::RetiredSeries,
                "GPU_SIZE"
            ),
            row("setup/create-compute.sh", 10, E, C::RetiredSeries, "--size"),
            row("setup/create-compute.sh", 11, W, C::RetiredSizeMention, ""),
            // The SDK for R binds to SDK v1.
            row("src/setup.R", 2, N, C::V1Api, ""),
            row("src/train.py", 3, W, C::RetiredSizeMention, ""),
        ]
    );
    // Columns and where the compute of a job is defined.
    let bicep = report
        .diagnostics
        .iter()
        .find(|d| d.file_or_empty().ends_with("infra/main.bicep"))
        .unwrap();
    assert_eq!(bicep.column(), Some(24));
    let train = report
        .diagnostics
        .iter()
        .find(|d| d.file_or_empty().ends_with("cli/jobs/train-gpu.yml"))
        .unwrap();
    assert!(train.related[0].file.ends_with("setup/create-compute.sh"));
    assert_eq!(train.related[0].line(), Some(9));
    assert_eq!(
        train.related[0].message,
        "compute \"gpu-cluster\" defined here"
    );
    // Markdown is a sweep, read when asked for.
    let with_md = AzureMlProject::read_paths_with([&base], &ReadOptions::default().include("*.md"))
        .unwrap()
        .check(on());
    let readme: Vec<_> = found(&with_md, &base)
        .into_iter()
        .filter(|r| r.0 == "README.md")
        .collect();
    assert_eq!(readme, [row("README.md", 3, W, C::RetiredSizeMention, "")]);
    // Excluded folders are not read.
    let no_infra =
        AzureMlProject::read_paths_with([&base], &ReadOptions::default().exclude("infra/**"))
            .unwrap()
            .check(on());
    assert!(
        found(&no_infra, &base)
            .iter()
            .all(|r| !r.0.starts_with("infra/"))
    );
    assert_eq!(no_infra.files_read, report.files_read - 3);
}

#[cfg(feature = "json")]
#[test]
fn computes_listed_by_az_ml_compute_list() {
    let base = fixture();
    let listing = std::fs::read_to_string(base.with_file_name("reach-computes.json")).unwrap();
    let computes = aml_targets::project::computes_from_json(&listing, "computes.json").unwrap();
    assert_eq!(computes.len(), 2);
    assert_eq!(computes[0].compute.name, "lowpri-v100");
    assert_eq!(
        computes[0].compute.size.as_deref(),
        Some("STANDARD_NC6S_V3")
    );
    assert_eq!(
        computes[0].compute.tier,
        Some(aml_targets::plan::Tier::LowPriority)
    );
    assert_eq!(computes[0].line, Some(7));
    assert_eq!(computes[1].line, Some(14));
    let report = AzureMlProject::read_paths([&base])
        .unwrap()
        .with_computes(computes)
        .check(on());
    let rows = found(&report, &base);
    // The listed cluster's retired size, at its line of the listing.
    assert!(rows.contains(&row(
        "computes.json",
        7,
        Severity::Error,
        Code::RetiredSeries,
        "size"
    )));
    // The job on it now resolves; the listed gpu-cluster (T4) wins over the script's (K80),
    // so the CUDA 12 jobs on it are fine.
    assert!(!rows.iter().any(|r| r.3 == Code::ComputeNotFound));
    assert!(!rows.iter().any(|r| r.3 == Code::CudaNvidia));
    // The REST shape.
    let rest = r#"{"value": [{"id": "/subscriptions/x/computes/gpu", "name": "gpu",
      "properties": {"computeType": "AmlCompute", "computeLocation": "eastus",
        "properties": {"vmSize": "STANDARD_NC6", "vmPriority": "Dedicated",
          "scaleSettings": {"minNodeCount": 0, "maxNodeCount": 4}}}}]}"#;
    let computes = aml_targets::project::computes_from_json(rest, "rest.json").unwrap();
    assert_eq!(
        computes[0].compute.kind,
        aml_targets::ComputeKind::ComputeCluster
    );
    assert_eq!(computes[0].compute.max_instances, Some(4));
    assert_eq!(computes[0].compute.region.as_deref(), Some("eastus"));
    // A compute defined in YAML wins over a listed one of the same name.
    let yaml = format!(
        "$schema: {SCHEMA}/amlCompute.schema.json\nname: gpu\ntype: amlcompute\nsize: Standard_NC4as_T4_v3\n"
    );
    let job = format!(
        "$schema: {SCHEMA}/commandJob.schema.json\ncommand: x\ncompute: azureml:gpu\nenvironment: azureml:AzureML-ACPT-pytorch-2.2-cuda12.1-gpu@latest\n"
    );
    let report = AzureMlProject::from_sources([("c.yml", yaml.as_str()), ("j.yml", job.as_str())])
        .with_computes(computes)
        .check(on());
    let codes: Vec<(String, Code)> = report
        .diagnostics
        .iter()
        .map(|d| (d.file_or_empty().display().to_string(), d.code))
        .collect();
    // The listed NC cluster is reported; the job runs on the YAML's T4 cluster: no error.
    assert_eq!(codes, [("rest.json".to_owned(), Code::RetiredSeries)]);
    // Bad listings.
    assert!(aml_targets::project::computes_from_json("[1, 2", "x.json").is_err());
    assert_eq!(
        aml_targets::project::computes_from_json("{\"computes\": []}", "x.json").unwrap_err(),
        aml_targets::project::ComputeListError::Shape
    );
}

#[test]
fn pipeline_steps_on_their_own_or_the_default_compute() {
    let cluster = |name: &str, size: &str| {
        format!(
            "$schema: {SCHEMA}/amlCompute.schema.json\nname: {name}\ntype: amlcompute\nsize: {size}\n"
        )
    };
    let pipeline = format!(
        "$schema: {SCHEMA}/pipelineJob.schema.json
type: pipeline
compute: azureml:k80
jobs:
  automl_step:
    type: automl
    task: classification
    compute: azureml:k8s
  inner:
    type: pipeline
    settings:
      default_compute: azureml:t4
    jobs:
      train:
        command: python train.py
        environment: mcr.microsoft.com/azureml/openmpi4.1.0-cuda12.1-cudnn8-ubuntu22.04
      old:
        command: python old.py
        compute: azureml:k80
        environment: mcr.microsoft.com/azureml/openmpi4.1.0-cuda12.1-cudnn8-ubuntu22.04
  bound:
    command: python x.py
    compute: ${{{{parent.inputs.compute}}}}
    environment: mcr.microsoft.com/azureml/openmpi4.1.0-cuda12.1-cudnn8-ubuntu22.04
  registered:
    component: azureml:train@latest
"
    );
    let k8s = format!(
        "$schema: {SCHEMA}/kubernetesCompute.schema.json\nname: k8s\ntype: kubernetes\nnamespace: default\n"
    );
    let project = AzureMlProject::from_sources([
        ("k80.yml", cluster("k80", "Standard_NC6").as_str()),
        ("t4.yml", cluster("t4", "Standard_NC4as_T4_v3").as_str()),
        ("k8s.yml", k8s.as_str()),
        ("p.yml", pipeline.as_str()),
    ]);
    let jobs: Vec<(&str, &str)> = project
        .plan()
        .jobs
        .iter()
        .map(|j| (j.name.as_str(), j.target.as_str()))
        .collect();
    // The bound step runs on a compute the file does not name: not checked.
    assert_eq!(
        jobs,
        [
            ("p/automl_step", "k8s"),
            ("p/inner/train", "t4"),
            ("p/inner/old", "k80"),
            ("p/registered", "k80"),
        ]
    );
    assert!(project.plan().jobs.iter().all(|j| j.ml_pipelines));
    let report = project.check(on());
    let keys: Vec<String> = report
        .diagnostics
        .iter()
        .map(|d| d.key.to_string())
        .collect();
    let found: Vec<(Option<usize>, Code, &str)> = report
        .diagnostics
        .iter()
        .zip(&keys)
        .filter(|(d, _)| d.file.as_deref() == Some(Path::new("p.yml")))
        .map(|(d, key)| (d.line(), d.code, key.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (
                Some(8),
                Code::FeatureNotSupported,
                "jobs.automl_step.compute"
            ),
            (
                Some(20),
                Code::CudaNvidia,
                "jobs.inner.jobs.old.environment"
            ),
        ]
    );
}

#[test]
fn batch_deployments_on_their_compute() {
    let cluster = format!(
        "$schema: {SCHEMA}/amlCompute.schema.json\nname: cpu\ntype: amlcompute\nsize: Standard_DS3_v2\n"
    );
    let model = format!(
        "$schema: {SCHEMA}/modelBatchDeployment.schema.json\nname: b\nendpoint_name: e\ntype: model\nmodel: azureml:m:1\ncompute: azureml:cpu\nenvironment: azureml:AzureML-ACPT-pytorch-2.2-cuda12.1-gpu@latest\n"
    );
    let pipeline = format!(
        "$schema: {SCHEMA}/pipelineComponentBatchDeployment.schema.json\nname: p\nendpoint_name: e2\ntype: pipeline\ncomponent: azureml:c:1\nsettings:\n  default_compute: cpu\n"
    );
    let project = AzureMlProject::from_sources([
        ("c.yml", cluster.as_str()),
        ("m.yml", model.as_str()),
        ("p.yml", pipeline.as_str()),
    ]);
    assert_eq!(
        project.plan().deployments[0].compute.as_deref(),
        Some("cpu")
    );
    assert_eq!(
        project.plan().deployments[1].compute.as_deref(),
        Some("cpu")
    );
    let report = project.check(on());
    let found: Vec<(String, Option<usize>, Code)> = report
        .diagnostics
        .iter()
        .map(|d| (d.file_or_empty().display().to_string(), d.line(), d.code))
        .collect();
    // A GPU framework image on a CPU cluster.
    assert_eq!(found, [("m.yml".to_owned(), Some(7), Code::GpuOnCpuSize)]);
    assert!(report.diagnostics[0].related[0].file.ends_with("c.yml"));
}

#[test]
fn tokens_that_are_no_vm_size_are_never_reported() {
    for token in NOT_VM_SIZES.iter().chain(&[
        "Premium_LRS",
        "StandardSSD_LRS",
        "UltraSSD_LRS",
        "Standard_C1",
        "Standard_S0",
        "nonstandard_NC6",
        "Standard_",
    ]) {
        for text in [
            format!("--size {token}"),
            format!("sku = \"{token}\""),
            format!("vmSize: '{token}'"),
        ] {
            let report = AzureMlProject::from_sources([("x.sh", text.as_str())]).check(on());
            assert_eq!(report.diagnostics, [], "{text}");
        }
    }
}

#[test]
fn where_a_mention_sits() {
    let cases: &[(&str, TextKind, MentionContext, Option<&str>)] = &[
        (
            "az ml compute create --size Standard_NC6",
            TextKind::Shell,
            MentionContext::Provisioning,
            Some("--size"),
        ),
        (
            "az vm create --size=Standard_NC6",
            TextKind::Shell,
            MentionContext::Provisioning,
            Some("--size"),
        ),
        (
            "VM_SIZE=Standard_NC6",
            TextKind::Shell,
            MentionContext::Provisioning,
            Some("VM_SIZE"),
        ),
        (
            "$vmSize = \"Standard_NC6\"",
            TextKind::PowerShell,
            MentionContext::Provisioning,
            Some("$vmSize"),
        ),
        (
            "c = AmlCompute(vm_size='Standard_NC6')",
            TextKind::Python,
            MentionContext::Provisioning,
            Some("vm_size"),
        ),
        (
            "job = command(instance_type=\"Standard_NC6\")",
            TextKind::Python,
            MentionContext::Provisioning,
            Some("instance_type"),
        ),
        (
            "x = 1  # or Standard_NC6",
            TextKind::Python,
            MentionContext::Comment,
            None,
        ),
        (
            "url = 'http://x#Standard_NC6'",
            TextKind::Python,
            MentionContext::Code,
            None,
        ),
        (
            "sizes = ['Standard_NC6']",
            TextKind::Python,
            MentionContext::Code,
            None,
        ),
        (
            "\"vmSize\": \"Standard_NC6\"",
            TextKind::Json,
            MentionContext::Provisioning,
            Some("vmSize"),
        ),
        (
            "\"defaultValue\": \"Standard_NC6\"",
            TextKind::Json,
            MentionContext::Code,
            None,
        ),
        (
            "param vmSize string = 'Standard_NC6'",
            TextKind::Bicep,
            MentionContext::Provisioning,
            Some("vmSize"),
        ),
        (
            "  vmSize: vmSize // Standard_NC6",
            TextKind::Bicep,
            MentionContext::Comment,
            None,
        ),
        (
            "  vm_size = \"STANDARD_NC6\"",
            TextKind::Terraform,
            MentionContext::Provisioning,
            Some("vm_size"),
        ),
        (
            "size: Standard_NC6",
            TextKind::Yaml,
            MentionContext::Provisioning,
            Some("size"),
        ),
        (
            "# size: Standard_NC6",
            TextKind::Yaml,
            MentionContext::Comment,
            None,
        ),
        (
            "Use a Standard_NC6 cluster.",
            TextKind::Markdown,
            MentionContext::Prose,
            None,
        ),
    ];
    for &(text, kind, context, key) in cases {
        let found = size_mentions(text, kind);
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!((found[0].context, found[0].key), (context, key), "{text}");
        let d = found[0].check(on(), Catalog::embedded()).unwrap();
        let expected = if context == MentionContext::Provisioning {
            Code::RetiredSeries
        } else {
            Code::RetiredSizeMention
        };
        assert_eq!(d.code, expected, "{text}");
    }
    // Lines and columns in characters; CRLF; several on a line; any case.
    let text = "é = 1\r\n  x = 'Standard_NC6' + 'STANDARD_nc12'\r\nstandard_nc24\n";
    let found = size_mentions(text, TextKind::Python);
    let at: Vec<(usize, usize)> = found.iter().map(|m| (m.line, m.column)).collect();
    assert_eq!(at, [(2, 8), (2, 25), (3, 1)]);
    // Notebooks: sources only, with the cell and the line of the file.
    let notebook = "{\"cells\": [{\"cell_type\": \"code\", \"outputs\": [{\"text\": [\"Standard_NC6\"]}],\n \"source\": [\"x = 1\\n\",\n  \"size = \\\"Standard_NC6\\\"\"]},\n {\"cell_type\": \"markdown\", \"source\": \"Standard_NC12\"}], \"metadata\": {}}";
    let found = size_mentions(notebook, TextKind::Notebook);
    let got: Vec<(usize, Option<usize>, MentionContext)> =
        found.iter().map(|m| (m.line, m.cell, m.context)).collect();
    assert_eq!(
        got,
        [
            // Cells count from 1, as Jupyter shows them.
            (3, Some(1), MentionContext::Provisioning),
            (4, Some(2), MentionContext::Prose)
        ]
    );
    // Sizes the catalog does not have are not taken for slips: a first generation without
    // a version, a newer generation, another series of a known generation.
    for name in [
        "Standard_D12",
        "Standard_D4s_v5",
        "Standard_D4as_v4",
        "Standard_ND96isr_H200_v5",
    ] {
        let found = size_mentions(name, TextKind::Python);
        assert_eq!(found[0].check(on(), Catalog::embedded()), None, "{name}");
    }
    // Something that is not a notebook is read as JSON.
    let found = size_mentions("{\"cells\": oops Standard_NC6", TextKind::Notebook);
    assert_eq!(found.len(), 1);
}

/// (line, severity, code) of every diagnostic of one file.
fn of_one(path: &str, text: &str) -> Vec<(usize, Severity, Code)> {
    AzureMlProject::from_sources([(path, text)])
        .check(on())
        .diagnostics
        .iter()
        .map(|d| (d.line().unwrap_or(0), d.severity, d.code))
        .collect()
}

#[test]
fn comments_and_strings_as_the_language_reads_them() {
    use Severity::{Error as E, Warning as W};
    let retired = Code::RetiredSeries;
    // A notebook cell stored as one string whose first line is a comment: only that line
    // is a comment.
    let one_string = r##"{"cells": [{"cell_type": "code", "metadata": {}, "outputs": [],
 "source": "# Create the cluster\nc = AmlCompute.provisioning_configuration(vm_size=\"Standard_NC6\")\n"}],
 "metadata": {}, "nbformat": 4, "nbformat_minor": 5}"##;
    assert_eq!(of_one("a.ipynb", one_string), [(2, E, retired)]);
    // Escaped quotes around a `#` inside a string: the `#` is no comment.
    let escaped = r#"{"cells": [{"cell_type": "code", "metadata": {}, "outputs": [],
 "source": ["tag = \"run #4\"; c = AmlCompute.provisioning_configuration(vm_size=\"Standard_NC6\")\n"]}],
 "metadata": {}, "nbformat": 4, "nbformat_minor": 5}"#;
    assert_eq!(of_one("b.ipynb", escaped), [(2, E, retired)]);
    // Keys written with JSON escapes are the keys Python reads.
    let escaped_key = r#"{"cells": [{"cell_type": "code", "metadata": {}, "outputs": [],
 "sour\u0063e": ["c = AmlCompute.provisioning_configuration(vm_size='Standard_NC6')\n"]}],
 "metadata": {}, "nbformat": 4, "nbformat_minor": 5}"#;
    assert_eq!(of_one("c.ipynb", escaped_key), [(2, E, retired)]);
    // In Python source too: `#` in a string with escaped quotes.
    assert_eq!(
        of_one(
            "d.py",
            "tag = \"run \\\"#4\\\"\"; c = AmlCompute(vm_size=\"Standard_NC6\")\n"
        ),
        [(1, E, retired)]
    );
    // YAML: an apostrophe in a plain scalar does not open a quote, so the comment after it
    // is a comment, as YAML's scanner reads it.
    assert_eq!(
        of_one(
            "e.yml",
            "owner: Bob's team # was vm_size: Standard_NC6\nname: x\n"
        ),
        [(1, W, Code::RetiredSizeMention)]
    );
    // And a `#` inside a quoted YAML scalar is no comment.
    assert_eq!(
        of_one("f.yml", "tag: 'run #4'\nvm_size: Standard_NC6\n"),
        [(2, E, retired)]
    );
}

#[test]
fn an_azure_ml_file_in_invalid_utf8_is_an_error() {
    let dir = std::env::temp_dir().join(format!("aml-reach-utf8-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut text = format!(
        "$schema: {SCHEMA}/amlCompute.schema.json\nname: gpu\ntype: amlcompute\ndescription: caf"
    )
    .into_bytes();
    text.extend_from_slice(b"\xe9\nsize: Standard_NC6\n");
    std::fs::write(dir.join("compute.yml"), &text).unwrap();
    let report = AzureMlProject::read_paths([&dir]).unwrap().check(on());
    let codes: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| (d.code, d.severity, d.line()))
        .collect();
    assert_eq!(
        codes,
        [(Code::YamlSyntax, Severity::Error, Some(4))],
        "{report:?}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn repeated_mentions_are_counted_after_the_first_five() {
    use Severity::{Error as E, Warning as W};
    let mut text = "c = AmlCompute(vm_size='Standard_NC6')\n".repeat(8);
    text.push_str("# Standard_NC6 was the default\n");
    let report = AzureMlProject::from_sources([("train.py", text.as_str())]).check(on());
    let found: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| (d.line().unwrap_or(0), d.severity, d.code))
        .collect();
    let retired = Code::RetiredSeries;
    assert_eq!(
        found,
        [
            (1, E, retired),
            (2, E, retired),
            (3, E, retired),
            (4, E, retired),
            (5, E, retired),
            (6, E, retired),
            (9, W, Code::RetiredSizeMention),
        ]
    );
    // The sixth stands for itself and the two after it; the exit status is unchanged.
    assert!(
        report.diagnostics[5]
            .message
            .starts_with("… and 3 more mentions of Standard_NC6 in this file"),
        "{}",
        report.diagnostics[5].message
    );
    assert!(report.has_errors());
    // Case does not make another name; exactly six mentions need no count.
    let six = "vm_size = 'STANDARD_NC6'\n".repeat(3) + &"vm_size = 'standard_nc6'\n".repeat(3);
    let report = AzureMlProject::from_sources([("six.py", six.as_str())]).check(on());
    assert_eq!(report.diagnostics.len(), 6);
    assert!(!report.diagnostics[5].message.contains("more mentions"));
}

#[test]
fn excluded_folders_are_not_entered() {
    let dir = std::env::temp_dir().join(format!("aml-reach-exclude-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for sub in ["scratch/lib", "docs/archive", "src"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
        std::fs::write(
            dir.join(sub).join("make.sh"),
            "az ml compute create -n gpu --type amlcompute --size Standard_NC6\n",
        )
        .unwrap();
    }
    let files = |excludes: &[&str]| -> Vec<String> {
        let mut options = ReadOptions::default();
        for glob in excludes {
            options = options.exclude(*glob);
        }
        let report = AzureMlProject::read_paths_with([&dir], &options)
            .unwrap()
            .check(on());
        let mut files: Vec<String> = report
            .diagnostics
            .iter()
            .map(|d| {
                let file = d.file_or_empty().strip_prefix(&dir).unwrap();
                file.parent()
                    .unwrap()
                    .display()
                    .to_string()
                    .replace('\\', "/")
            })
            .collect();
        files.dedup();
        files
    };
    assert_eq!(files(&[]), ["docs/archive", "scratch/lib", "src"]);
    assert_eq!(files(&["scratch"]), ["docs/archive", "src"]);
    assert_eq!(files(&["scratch/"]), ["docs/archive", "src"]);
    assert_eq!(files(&["docs/archive"]), ["scratch/lib", "src"]);
    assert_eq!(files(&["docs/archive/**", "lib"]), ["src"]);
    assert_eq!(files(&["docs/**"]), ["scratch/lib", "src"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn av1_sizes_are_found_though_no_catalog_lists_them() {
    use Severity::{Error as E, Warning as W};
    // Av1 retired on 2024-08-31 (av1-series-retirement.md); the catalog has none of its sizes.
    let tf = "resource \"azurerm_machine_learning_compute_cluster\" \"c\" {\n  vm_size = \"Standard_A1\"\n}\n";
    assert_eq!(of_one("main.tf", tf), [(2, E, Code::RetiredSeries)]);
    let bicep = "param vmSize string = 'Standard_A2' // was Standard_A4 before\n";
    assert_eq!(
        of_one("main.bicep", bicep),
        [
            (1, E, Code::RetiredSeries),
            (1, W, Code::RetiredSizeMention)
        ]
    );
    let report = AzureMlProject::from_sources([("main.tf", tf)]).check(on());
    let d = &report.diagnostics[0];
    assert!(
        d.message
            .starts_with("Standard_A1 is a Av1 size; Av1 is retired since 2024-08-31"),
        "{}",
        d.message
    );
    // The guide names Av2, itself retiring: its guide's current series are the way out.
    assert!(
        d.help
            .as_deref()
            .unwrap()
            .contains("the migration guide: Dsv5"),
        "{:?}",
        d.help
    );
    assert!(!d.alternatives.is_empty());
    for a in &d.alternatives {
        let size = aml_targets::VmSize::parse(a).unwrap();
        assert_eq!(
            size.retirement_state(None, on()),
            aml_targets::RetirementState::Active,
            "{a}"
        );
    }
    // Av2 sizes are not retired (yet).
    assert_eq!(of_one("x.tf", "  vm_size = \"Standard_A1_v2\"\n"), []);
    // A `_Promo` size is its regular size's hardware, retired with its series.
    assert_eq!(
        of_one("promo.py", "c = dict(vm_size=\"Standard_H16_Promo\")\n"),
        [(1, E, Code::RetiredSeries)]
    );
    // The basic tier's A sizes are Av1 too; other `basic_` words are no sizes.
    let basic = "vm_size = \"Basic_A2\"\nSIZE_NOTE = \"BASIC_A0\"  # was basic_a4\nuse_basic_auth(basic_auth, Basic_Small, my_basic_A1)\n";
    assert_eq!(
        of_one("basic.py", basic),
        [
            (1, E, Code::RetiredSeries),
            (2, W, Code::RetiredSizeMention),
            (2, W, Code::RetiredSizeMention)
        ]
    );
}

#[test]
fn placeholders_are_never_compute_names() {
    for compute in [
        "azureml:<cluster-name>",
        "<compute>",
        "${{parent.inputs.compute}}",
        "azureml:$(computeName)",
        "azureml:{{COMPUTE}}",
        "$COMPUTE",
    ] {
        let job = format!(
            "$schema: {SCHEMA}/commandJob.schema.json\ncommand: python train.py\nenvironment: azureml:env@latest\ncompute: {compute}\n"
        );
        let report = AzureMlProject::from_sources([("job.yml", job.as_str())]).check(on());
        assert!(
            report.with_code(Code::ComputeNotFound).next().is_none(),
            "{compute}: {:?}",
            report.diagnostics
        );
    }
    // A real name is still looked for.
    let job = format!(
        "$schema: {SCHEMA}/commandJob.schema.json\ncommand: python train.py\nenvironment: azureml:env@latest\ncompute: azureml:cpu-cluster\n"
    );
    let report = AzureMlProject::from_sources([("job.yml", job.as_str())]).check(on());
    assert!(report.with_code(Code::ComputeNotFound).next().is_some());
}

#[test]
fn r_and_r_markdown_read_like_python() {
    use Severity::{Error as E, Note as N, Warning as W};
    let r = "library(azuremlsdk)\n# Standard_NC6 was the old default\nvm_size <- \"STANDARD_NC6\"\ncompute <- create_aml_compute(ws, cluster_name = \"gpu\", vm_size = vm_size)\nother <- create_aml_compute(ws, cluster_name = \"gpu2\", vm_size = 'Standard_NC12')\n";
    assert_eq!(
        of_one("train.R", r),
        [
            (1, N, Code::V1Api),
            (2, W, Code::RetiredSizeMention),
            (3, E, Code::RetiredSeries),
            (5, E, Code::RetiredSeries),
        ]
    );
    // R Markdown: the chunks are R, the rest is prose.
    let rmd = "---\ntitle: Train\n---\n\nWe used Standard_NC6 before.\n\n```{r setup}\nvm_size <- \"STANDARD_NC6\"\n```\n\n```python\nvm_size = 'Standard_NC12'\n```\n";
    assert_eq!(
        of_one("train.Rmd", rmd),
        [
            (5, W, Code::RetiredSizeMention),
            (8, E, Code::RetiredSeries),
            (12, W, Code::RetiredSizeMention),
        ]
    );
    // Suppression works in R too.
    let quiet = "vm_size <- \"STANDARD_NC6\"  # aml: ignore[retired-series] the old workspace\n";
    assert_eq!(of_one("old.R", quiet), []);
}

#[test]
fn defaults_and_constants_that_provision() {
    let cases: &[(&str, TextKind, MentionContext, Option<&str>)] = &[
        (
            "parser.add_argument(\"--vm_size\", type=str, default=\"Standard_NC6\")",
            TextKind::Python,
            MentionContext::Provisioning,
            Some("--vm_size"),
        ),
        (
            "parser.add_argument('--instance-type', default='Standard_NC6')",
            TextKind::Python,
            MentionContext::Provisioning,
            Some("--instance-type"),
        ),
        (
            "parser.add_argument(\"--name\", default=\"Standard_NC6\")",
            TextKind::Python,
            MentionContext::Code,
            None,
        ),
        // The call over several lines, a help text with brackets and a comment between.
        (
            "parser.add_argument(\n    \"--instance_type\",\n    type=str,\n    help=\"the size (a GPU one)\",  # see docs (\n    default=\"Standard_NC6\",\n)",
            TextKind::Python,
            MentionContext::Provisioning,
            Some("--instance_type"),
        ),
        (
            "parser.add_argument(\n    \"--vm-size\", \"-s\",\n    default='Standard_NC6')",
            TextKind::Python,
            MentionContext::Provisioning,
            Some("--vm-size"),
        ),
        // Another option's default, the call closed before, or another call.
        (
            "parser.add_argument(\n    \"--name\",\n    default=\"Standard_NC6\",\n)",
            TextKind::Python,
            MentionContext::Code,
            None,
        ),
        (
            "parser.add_argument(\"--vm_size\")\nother(\n    default=\"Standard_NC6\")",
            TextKind::Python,
            MentionContext::Code,
            None,
        ),
        (
            "parser.add_argument(\n    \"--vm_size\",\n    help=\"size\",\n    choices=[\"a\"], metadata=dict(default=\"Standard_NC6\"))",
            TextKind::Python,
            MentionContext::Code,
            None,
        ),
        (
            "DEFAULT_COMPUTE_SIZE = \"Standard_NC6\"",
            TextKind::Python,
            MentionContext::Provisioning,
            Some("DEFAULT_COMPUTE_SIZE"),
        ),
        (
            "  AML_COMPUTE_CLUSTER_SKU: Standard_NC6",
            TextKind::Yaml,
            MentionContext::Provisioning,
            Some("AML_COMPUTE_CLUSTER_SKU"),
        ),
        (
            "export GPU_INSTANCE_TYPE=Standard_NC6",
            TextKind::Shell,
            MentionContext::Provisioning,
            Some("GPU_INSTANCE_TYPE"),
        ),
        // Lower case: only the usual keys.
        (
            "default_compute_size = \"Standard_NC6\"",
            TextKind::Python,
            MentionContext::Code,
            None,
        ),
        (
            "allowed_skus = [\"Standard_NC6\"]",
            TextKind::Python,
            MentionContext::Code,
            None,
        ),
    ];
    for (text, kind, context, key) in cases {
        let found = size_mentions(text, *kind);
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!((found[0].context, found[0].key), (*context, *key), "{text}");
    }
}

#[test]
fn one_finding_one_diagnostic_with_the_way_out() {
    // The 2021 preview shape of `compute`: one error, with the v2 form in the help.
    let job = "$schema: https://azuremlsdk2.blob.core.windows.net/preview/0.0.1/commandJob.schema.json\ncommand: python train.py\nenvironment: azureml:env@latest\ncompute:\n  target: azureml:gpu-cluster\n  instance_count: 2\n";
    let report = AzureMlProject::from_sources([("job.yml", job)]).check(on());
    let invalid: Vec<_> = report.with_code(Code::InvalidValue).collect();
    assert_eq!(invalid.len(), 1, "{:?}", report.diagnostics);
    assert!(
        invalid[0].message.contains("2021 preview shape"),
        "{}",
        invalid[0].message
    );
    assert!(
        invalid[0]
            .help
            .as_deref()
            .unwrap()
            .contains("compute: azureml:NAME")
    );
    // Its `$schema` is the preview's: a note with the current URL of the same file.
    let preview: Vec<_> = report.with_code(Code::PreviewSchema).collect();
    assert_eq!(preview.len(), 1, "{:?}", report.diagnostics);
    assert_eq!(
        (preview[0].severity, preview[0].line()),
        (Severity::Note, Some(1))
    );
    assert_eq!(
        preview[0].help.as_deref(),
        Some("use https://azuremlschemas.azureedge.net/latest/commandJob.schema.json")
    );
    // The current location, and the older extensions' one, are no preview.
    for host in [SCHEMA, "https://azuremlschemasprod.azureedge.net/2.2.1"] {
        let job = format!(
            "$schema: {host}/commandJob.schema.json\ncommand: python train.py\nenvironment: azureml:env@latest\ncompute: azureml:serverless\n"
        );
        let report = AzureMlProject::from_sources([("job.yml", job.as_str())]).check(on());
        assert!(
            report.with_code(Code::PreviewSchema).next().is_none(),
            "{host}"
        );
    }
    // A size missing its version at a provisioning position: a warning naming the size meant.
    let compute = format!(
        "$schema: {SCHEMA}/amlCompute.schema.json\nname: big\ntype: amlcompute\nsize: Standard_NC96ads_A100\n"
    );
    let report = AzureMlProject::from_sources([("c.yml", compute.as_str())]).check(on());
    let d = report.with_code(Code::UnknownSize).next().unwrap();
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(d.alternatives, ["Standard_NC96ads_A100_v4"]);
    assert!(
        d.message.contains("did you mean Standard_NC96ads_A100_v4?"),
        "{}",
        d.message
    );
    assert!(report.with_code(Code::UncataloguedSize).next().is_none());
}

#[test]
fn no_finding_is_reported_twice_on_any_fixture() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for tree in [
        "tests/fixtures/reach-repo",
        "tests/fixtures/examples-repo",
        "tests/fixtures/quota/repo",
        "examples/azureml",
    ] {
        let report = AzureMlProject::read_paths([root.join(tree)])
            .unwrap()
            .check(on());
        let mut seen = std::collections::HashSet::new();
        for d in &report.diagnostics {
            assert!(
                seen.insert((d.file.clone(), d.line(), d.column(), d.code)),
                "{tree}: twice: {d}"
            );
        }
    }
}

#[test]
fn template_defaults_that_flow_into_a_size() {
    use Severity::{Error as E, Warning as W};
    // ARM: the parameter's defaultValue is what `vmSize` gets when nobody overrides it.
    let arm = r#"{
  "parameters": {
    "vmSize": {"type": "string", "defaultValue": "Standard_NC6", "allowedValues": ["Standard_NC6", "Standard_NC12"]},
    "backupSku": {"type": "string", "defaultValue": "Standard_NC24"}
  },
  "resources": [{
    "type": "Microsoft.MachineLearningServices/workspaces/computes",
    "properties": {"computeType": "AmlCompute", "properties": {"vmSize": "[parameters('vmSize')]"}}
  }]
}"#;
    assert_eq!(
        of_one("azuredeploy.json", arm),
        [
            (3, E, Code::RetiredSeries),
            (3, W, Code::RetiredSizeMention),
            (3, W, Code::RetiredSizeMention),
            // Not used by a size key: a mention.
            (4, W, Code::RetiredSizeMention),
        ]
    );
    // Terraform: a variable's default used by `vm_size`.
    let tf = "variable \"gpu_size\" {\n  type    = string\n  default = \"Standard_NC6\"\n}\nvariable \"other\" {\n  default = \"Standard_NC12\"\n}\nresource \"azurerm_machine_learning_compute_cluster\" \"gpu\" {\n  vm_size = var.gpu_size\n}\n";
    assert_eq!(
        of_one("main.tf", tf),
        [
            (3, E, Code::RetiredSeries),
            (6, W, Code::RetiredSizeMention)
        ]
    );
    let found = size_mentions(tf, TextKind::Terraform);
    assert_eq!(found[0].key, Some("gpu_size"));
}

#[test]
fn input_defaults_named_like_a_size() {
    use Severity::{Error as E, Warning as W};
    let block = "inputs:\n  instance_type:\n    type: string\n    # the default cluster size\n    default: Standard_NC6\n  note:\n    type: string\n    default: Standard_NC12\n";
    assert_eq!(
        of_one("inputs.yml", block),
        [
            (5, E, Code::RetiredSeries),
            (8, W, Code::RetiredSizeMention)
        ]
    );
    let flow = "inputs:\n  vm_size: {type: string, default: Standard_NC6}\n  other: {type: string, default: Standard_NC12}\n";
    assert_eq!(
        of_one("inputs.yml", flow),
        [
            (2, E, Code::RetiredSeries),
            (3, W, Code::RetiredSizeMention)
        ]
    );
    // An input the pipeline passes to a step's size, whatever its name (as Azure/azureml-assets'
    // fine-tuning pipelines pass `instance_type_finetune`); one passed in a comment only, or
    // to another key, or to nothing, is a mention.
    let steps = "inputs:\n  instance_type_finetune:\n    type: string\n    optional: true\n    default: Standard_nc24rs_v3\n  gpu_sku: {type: string, default: Standard_NC12}\n  instance_type_model_evaluation: {type: string, default: Standard_NC6}\n  label: {type: string, default: Standard_NC6}\n  unused_type: {type: string, default: Standard_NC6}\njobs:\n  finetune:\n    resources:\n      instance_type: '${{parent.inputs.instance_type_finetune}}'\n  other:\n    resources:\n      instance_type: ${{parent.inputs.gpu_sku}}\n    display_name: ${{parent.inputs.label}}\n  # evaluate:\n  #   resources:\n  #     instance_type: '${{parent.inputs.instance_type_model_evaluation}}'\n";
    assert_eq!(
        of_one("pipeline.yml", steps),
        [
            (5, E, Code::RetiredSeries),
            (6, E, Code::RetiredSeries),
            (7, W, Code::RetiredSizeMention),
            (8, W, Code::RetiredSizeMention),
            (9, W, Code::RetiredSizeMention)
        ]
    );
    let found = size_mentions(steps, TextKind::Yaml);
    let keys: Vec<_> = found.iter().map(|m| m.key).collect();
    assert_eq!(
        keys,
        [
            Some("instance_type_finetune"),
            Some("gpu_sku"),
            None,
            None,
            None
        ]
    );
}

#[test]
fn the_preview_compute_schema_is_a_compute() {
    use Severity::Error as E;
    // The 2021 preview's one schema for every compute, `type` telling which.
    let compute = "$schema: https://azuremlschemas.azureedge.net/latest/compute.schema.json\nname: gpu-k80\ntype: amlcompute\nsize: Standard_NC6\n";
    assert_eq!(of_one("gpu.yml", compute), [(4, E, Code::RetiredSeries)]);
    let report = AzureMlProject::from_sources([("gpu.yml", compute)]).check(on());
    assert!(
        report.diagnostics[0]
            .help
            .as_deref()
            .unwrap()
            .contains("recreate the compute")
    );
}

#[test]
fn pipeline_variables_named_like_a_size() {
    use Severity::{Error as E, Warning as W};
    let azure = "variables:\n  - name: AML_COMPUTE_CLUSTER_SKU\n    value: Standard_NC6\n  - name: description\n    value: Standard_NC12\n";
    assert_eq!(
        of_one(".azuredevops/train.yml", azure),
        [
            (3, E, Code::RetiredSeries),
            (5, W, Code::RetiredSizeMention)
        ]
    );
    let found = size_mentions(azure, TextKind::Yaml);
    assert_eq!(found[0].key, Some("AML_COMPUTE_CLUSTER_SKU"));
}

#[test]
fn one_replacement_answer_per_size_in_every_context() {
    use aml_targets::vm::VmCategory;
    use aml_targets::{ComputeDef, ComputeKind, Plan, VmSize, validate};
    // Every size below is retired by then (HC on 2027-05-31, Dv2 on 2028-05-01).
    let later: Date = "2028-06-01".parse().unwrap();
    for name in [
        "Standard_NC6s_v3",
        "Standard_NC24rs_v3",
        "Standard_NC6",
        "Standard_NV6",
        "Standard_HC44rs",
        "Standard_HB60rs",
        "Standard_DS3_v2",
        "Standard_A1",
    ] {
        let size = VmSize::parse(name).unwrap();
        let answer: Vec<String> = size
            .successors()
            .iter()
            .map(|s| s.name.to_string())
            .collect();
        assert!(!answer.is_empty(), "{name}");
        // A compute YAML (the Azure ML reader), a script's argument and a shell comment (the
        // sweep, provisioned and mentioned), and a plan: the same list each time.
        let compute = format!(
            "$schema: {SCHEMA}/amlCompute.schema.json\nname: c\ntype: amlcompute\nsize: {name}\n"
        );
        let script =
            format!("cluster = AmlCompute.provisioning_configuration(vm_size=\"{name}\")\n");
        let shell = format!("# we used to run on {name}\n");
        let report = AzureMlProject::from_sources([
            ("compute.yml", compute.as_str()),
            ("train.py", script.as_str()),
            ("run.sh", shell.as_str()),
        ])
        .check(later);
        let plan = Plan {
            compute: vec![ComputeDef {
                size: Some(name.to_owned()),
                ..ComputeDef::new("c", ComputeKind::ComputeCluster)
            }],
            ..Plan::default()
        };
        let validated = validate(&plan, later);
        let retired = [
            Code::RetiredSeries,
            Code::RetiringSeries,
            Code::RetiredSizeMention,
        ];
        let lists: Vec<(String, &[String])> = report
            .diagnostics
            .iter()
            .chain(&validated.diagnostics)
            .filter(|d| retired.contains(&d.code))
            .map(|d| {
                (
                    format!("{}:{}", d.file_or_empty().display(), d.code),
                    &d.alternatives[..],
                )
            })
            .collect();
        assert_eq!(lists.len(), 4, "{name}: {lists:?}");
        for (place, list) in lists {
            assert_eq!(list, answer, "{name} at {place}");
        }
        let report = size.report(later, aml_targets::DocEdition::LATEST, None);
        assert_eq!(report.replacements, answer, "{name}: aml size");
        // The guide's list first; then HPC for HPC, GPU for GPU with at least its GPU memory.
        let spec = size.spec();
        let category = spec
            .and_then(|s| s.category)
            .or(size.series().map(aml_targets::VmSeries::category));
        for s in size.successors().iter().skip(3) {
            assert_eq!(s.category, category, "{name}: {}", s.name);
            if let Some(spec) = spec {
                assert!(spec.is_covered_by(s), "{name}: {}", s.name);
            }
        }
        if category == Some(VmCategory::HighPerformanceCompute) {
            assert!(
                size.successors()
                    .iter()
                    .all(|s| s.category == Some(VmCategory::HighPerformanceCompute)),
                "{name}: {answer:?}"
            );
        }
    }
}

#[test]
fn v1_sdk_and_cli_uses_are_noted_once_per_file() {
    use Severity::Note as N;
    let v1 = Code::V1Api;
    let py = "import os\nfrom azureml.core import Workspace\nfrom azureml.core.compute import AmlCompute\n";
    assert_eq!(of_one("train.py", py), [(2, N, v1)]);
    let report = AzureMlProject::from_sources([("train.py", py)]).check(on());
    let d = &report.diagnostics[0];
    assert!(
        d.message.contains(
            "Azure ML SDK v1 (azureml-core): deprecated on 2025-03-31, end of support 2026-06-30"
        ),
        "{}",
        d.message
    );
    assert!(d.message.contains("sdk-v1-deprecation.md"), "{}", d.message);
    let notebook = r#"{"cells": [{"cell_type": "code", "source": ["import azureml.core\n", "print(azureml.core.VERSION)"]}]}"#;
    assert_eq!(of_one("nb.ipynb", notebook), [(1, N, v1)]);
    let sh = "set -e\naz ml computetarget create amlcompute -n cpu --vm-size Standard_D4s_v3\n";
    let report = AzureMlProject::from_sources([("setup.sh", sh)]).check(on());
    let d = report.with_code(v1).next().unwrap();
    assert_eq!(d.line(), Some(2));
    assert!(d.message.contains("CLI v1"), "{}", d.message);
    // v1 YAML: a saved run configuration, a v1 pipeline; v2 YAML and other YAML are not.
    let runconfig =
        "script: train.py\ntarget: cpu-cluster\nframework: Python\ncommunicator: None\n";
    assert_eq!(
        of_one("aml_config/train.runconfig.yml", runconfig),
        [(3, N, v1)]
    );
    let pipeline = "pipeline:\n  name: v1\n  steps:\n    Step1:\n      type: PythonScriptStep\n";
    assert_eq!(of_one("pipeline.yml", pipeline), [(1, N, v1)]);
    // CLI v1 commands the v2 extension does not have, in scripts and in CI YAML steps; a v1
    // YAML shape that also runs one is noted once.
    let deploy = "set -e\naz ml model register -n m -p model.pkl\n";
    assert_eq!(of_one("deploy.sh", deploy), [(2, N, v1)]);
    let uri = "URI=$(\n  az ml endpoint realtime show -n svc --query scoringUri)\naz ml service get-logs -n svc\n";
    assert_eq!(of_one("test.sh", uri), [(2, N, v1)]);
    let ci = "steps:\n- task: AzureCLI@2\n  inputs:\n    inlineScript: |\n      az ml model deploy --name svc --model m:1 \\\n        --ic inference.json\n";
    assert_eq!(of_one(".pipelines/cd.yml", ci), [(5, N, v1)]);
    let both = "pipeline:\n  name: v1\n  steps:\n    Step1:\n      type: PythonScriptStep\nrun: |\n  az ml run submit-script -c x\n";
    assert_eq!(of_one("pipeline.yml", both), [(1, N, v1)]);
    // The SDK for R binds to SDK v1: loading it in R, or in an R Markdown chunk (not prose).
    let r = "# the SDK\nlibrary(azuremlsdk)\nws <- load_workspace_from_config()\n";
    assert_eq!(of_one("train.R", r), [(2, N, v1)]);
    let rmd = "Run library(azuremlsdk) first.\n\nlibrary(azuremlsdk) is prose here.\n\n```{r}\nrequire(azuremlsdk)\n```\n";
    assert_eq!(of_one("setup.Rmd", rmd), [(6, N, v1)]);
    assert_eq!(
        of_one("conda.yml", "name: env\ndependencies: [python=3.10]\n"),
        []
    );
    // v2, comments, strings and longer names are no v1 use.
    for (path, text) in [
        ("a.py", "from azure.ai.ml import MLClient\n"),
        ("b.py", "# from azureml.core import Workspace\n"),
        ("c.py", "x = 'import azureml.core'\n"),
        ("d.py", "import azureml.core_tools\n"),
        (
            "e.sh",
            "az ml compute create -n cpu --size Standard_D4s_v3 --type amlcompute\n",
        ),
        ("f.sh", "# az ml computetarget create was v1\n"),
        ("g.R", "# library(azuremlsdk)\nlibrary(azuremlsdkx)\n"),
        (
            "ci.yml",
            "steps:\n  - run: |\n      az ml model create -n m -p model.pkl\n      # az ml model deploy was v1\n",
        ),
        (
            "h.Rmd",
            "library(azuremlsdk) in prose\n```{r}\nx <- 1\n```\n",
        ),
    ] {
        assert!(
            AzureMlProject::from_sources([(path, text)])
                .check(on())
                .with_code(v1)
                .next()
                .is_none(),
            "{path}"
        );
    }
}
