//! Precision on repositories shaped like real public Azure ML repositories: no false error
//! on a healthy tree, Azure's identity rules, YAML as the Azure ML CLI reads it, templates,
//! quiet output, every file kind recognised or listed as skipped, and output that cannot be
//! hijacked by a file name.
#![cfg(feature = "yaml")]

use std::path::{Path, PathBuf};

use aml_targets::render;
use aml_targets::{AzureMlProject, Code, Date, RenderOptions, Report, Severity};

const ON: &str = "2026-11-27";

fn on() -> Date {
    ON.parse().unwrap()
}

const SCHEMA: &str = "https://azuremlschemas.azureedge.net/latest";

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/examples-repo")
}

fn check(files: &[(&str, &str)]) -> Report {
    AzureMlProject::from_sources(files.iter().copied()).check(on())
}

/// (file, line, code) of every diagnostic.
fn found(report: &Report) -> Vec<(String, Option<usize>, Code)> {
    report
        .diagnostics
        .iter()
        .map(|d| (d.file_or_empty().display().to_string(), d.line(), d.code))
        .collect()
}

fn rel(report: &Report, base: &Path) -> Vec<(String, Option<usize>, Code)> {
    report
        .diagnostics
        .iter()
        .map(|d| {
            let file = d
                .file_or_empty()
                .strip_prefix(base)
                .unwrap_or(d.file_or_empty());
            (file.display().to_string(), d.line(), d.code)
        })
        .collect()
}

#[test]
fn no_false_error_on_a_tree_shaped_like_a_public_examples_repository() {
    let base = fixture();
    let report = AzureMlProject::read_paths([&base]).unwrap().check(on());
    assert_eq!(
        report.count(Severity::Error),
        0,
        "{}",
        render::Format::Human.render(&report, &RenderOptions::default().verbose(true))
    );
    let warnings: Vec<_> = rel(&report, &base)
        .into_iter()
        .filter(|(_, _, c)| c.severity() == Severity::Warning)
        .collect();
    assert_eq!(
        warnings,
        [
            (
                "cli/endpoints/online/managed/sample/blue-deployment.yml".to_owned(),
                Some(2),
                Code::DuplicateName
            ),
            (
                "cli/resources/compute/cluster-system-identity.yml".to_owned(),
                Some(2),
                Code::DuplicateName
            ),
        ]
    );
    let notes: Vec<(String, Code)> = rel(&report, &base)
        .into_iter()
        .filter(|(_, _, c)| c.severity() == Severity::Note)
        .map(|(f, _, c)| (f, c))
        .collect();
    let expected_notes = [
        (
            "cli/endpoints/batch/deploy-models/mnist/deployment-torch.yml",
            Code::ComputeNotFound,
        ),
        (
            "cli/endpoints/batch/deploy-models/mnist/deployment.yml",
            Code::ComputeNotFound,
        ),
        (
            "cli/endpoints/batch/deploy-models/mnist/endpoint.yml",
            Code::NotChecked,
        ),
        (
            "cli/endpoints/online/custom-container/minimal/minimal-deployment.yml",
            Code::Template,
        ),
        (
            "cli/endpoints/online/custom-container/minimal/minimal-endpoint.yml",
            Code::NotChecked,
        ),
        (
            "cli/endpoints/online/custom-container/minimal/minimal-endpoint.yml",
            Code::Template,
        ),
        (
            "cli/endpoints/online/custom-container/sized/sized-deployment.yml",
            Code::Template,
        ),
        (
            "cli/endpoints/online/managed/sample/endpoint.yml",
            Code::NotChecked,
        ),
        (
            "cli/foundation-models/distillation/distillation.yaml",
            Code::NotChecked,
        ),
        (
            "cli/foundation-models/distillation/serverless_endpoint.yaml",
            Code::NotChecked,
        ),
        (
            "cli/jobs/basics/hello-world-env-var.yml",
            Code::ComputeNotFound,
        ),
        ("cli/jobs/basics/hello-world.yml", Code::ComputeNotFound),
        (
            "cli/jobs/finetuning/text-generation/finetune.yaml",
            Code::NotChecked,
        ),
        (
            "cli/jobs/pipelines/nyc-taxi/pipeline.yml",
            Code::ComputeNotFound,
        ),
        ("cli/jobs/pipelines/nyc-taxi/prep.yml", Code::NotChecked),
        ("cli/jobs/pipelines/nyc-taxi/train.yml", Code::NotChecked),
        (
            "cli/jobs/single-step/pytorch/iris/job.yml",
            Code::ComputeNotFound,
        ),
        (
            "cli/jobs/single-step/spark/attached-spark.yml",
            Code::NotChecked,
        ),
        (
            "cli/jobs/single-step/tensorflow/iris/job.yml",
            Code::ComputeNotFound,
        ),
        ("cli/jobs/sweep/sweep.yml", Code::ComputeNotFound),
        ("cli/resources/connections/git-pat.yml", Code::NotChecked),
        ("cli/resources/registry/registry.yml", Code::NotChecked),
        ("cli/resources/workspace/hub.yml", Code::NotChecked),
        ("sdk/python/jobs/configuration.yaml", Code::ComputeNotFound),
    ];
    let mut notes_sorted = notes.clone();
    notes_sorted.sort();
    let mut expected: Vec<(String, Code)> = expected_notes
        .iter()
        .map(|(f, c)| ((*f).to_owned(), *c))
        .collect();
    expected.sort();
    assert_eq!(notes_sorted, expected);
    // Every file is read: the workflow, pre-commit and conda YAML for their size names only.
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    assert_eq!((report.files_read, report.files_skipped()), (38, 0));
}

#[test]
fn jobs_without_a_name_are_never_duplicates() {
    let job = |display: &str| {
        format!(
            "$schema: {SCHEMA}/commandJob.schema.json\ncommand: python train.py\nenvironment: azureml:AzureML-sklearn-1.5@latest\ndisplay_name: {display}\n"
        )
    };
    let report = check(&[
        ("cli/jobs/a/job.yml", &job("train")),
        ("cli/jobs/b/job.yml", &job("train")),
        ("sdk/jobs/job.yml", &job("train")),
    ]);
    assert_eq!(found(&report), []);
    // With the same `name`, Azure refuses the second submission: a warning naming both.
    let named = |name: &str| format!("{}name: {name}\n", job("x"));
    let report = check(&[("a.yml", &named("nightly")), ("b.yml", &named("nightly"))]);
    assert_eq!(
        found(&report),
        [("b.yml".to_owned(), Some(5), Code::DuplicateName)]
    );
    let d = &report.diagnostics[0];
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(d.key, "name");
    assert_eq!(d.column(), Some(1));
    assert_eq!(
        d.message,
        "job \"nightly\" is defined more than once; a second `az ml job create` with the same name is refused"
    );
    assert_eq!(d.related.len(), 1);
    assert_eq!(d.related[0].file, Path::new("a.yml"));
    assert_eq!(d.related[0].line(), Some(5));
}

#[test]
fn deployment_identity_is_kind_endpoint_and_name() {
    let online = |name: &str, endpoint: Option<&str>| {
        let endpoint = endpoint.map_or(String::new(), |e| format!("endpoint_name: {e}\n"));
        format!(
            "$schema: {SCHEMA}/managedOnlineDeployment.schema.json\nname: {name}\n{endpoint}model: azureml:m:1\ninstance_type: Standard_DS3_v2\ninstance_count: 1\n"
        )
    };
    let batch = |name: &str, endpoint: &str| {
        format!(
            "$schema: {SCHEMA}/modelBatchDeployment.schema.json\nname: {name}\nendpoint_name: {endpoint}\ntype: model\nmodel: azureml:m:1\ncompute: azureml:batch-cluster\n"
        )
    };
    // No endpoint_name (it comes from --endpoint-name): never compared.
    assert_eq!(
        found(&check(&[
            ("mlflow/a.yml", &online("blue", None)),
            ("mlflow/b.yml", &online("blue", None)),
        ])),
        []
    );
    // Same name on two endpoints, or online and batch on endpoints of one name: distinct.
    assert_eq!(
        found(&check(&[
            ("a.yml", &online("blue", Some("one"))),
            ("b.yml", &online("blue", Some("two"))),
            ("c.yml", &batch("blue", "one")),
        ])),
        // (the batch deployment's compute is defined elsewhere: a note)
        [("c.yml".to_owned(), Some(6), Code::ComputeNotFound)]
    );
    // Sample variants for one endpoint: a warning at the later file's `name:` key.
    let report = check(&[
        (
            "sample/blue-deployment.yml",
            &online("blue", Some("my-endpoint")),
        ),
        (
            "sample/blue-deployment-with-registry.yml",
            &online("blue", Some("my-endpoint")),
        ),
    ]);
    assert_eq!(
        found(&report),
        [(
            "sample/blue-deployment-with-registry.yml".to_owned(),
            Some(2),
            Code::DuplicateName
        )]
    );
    assert_eq!(
        report.diagnostics[0].related[0].file,
        Path::new("sample/blue-deployment.yml")
    );
    assert!(!report.has_errors());
    // Two batch deployments of one batch endpoint, and computes by name.
    let cluster = |name: &str| {
        format!(
            "$schema: {SCHEMA}/amlCompute.schema.json\nname: {name}\ntype: amlcompute\nsize: Standard_DS3_v2\n"
        )
    };
    let report = check(&[
        ("a.yml", &batch("x", "b")),
        ("b.yml", &batch("x", "b")),
        ("c.yml", &cluster("batch-cluster")),
        ("d.yml", &cluster("batch-cluster")),
    ]);
    assert_eq!(
        found(&report),
        [
            ("b.yml".to_owned(), Some(2), Code::DuplicateName),
            ("d.yml".to_owned(), Some(2), Code::DuplicateName),
        ]
    );
}

#[test]
fn yaml_the_azure_ml_cli_accepts_is_read() {
    // PyYAML accepts continuation lines of a double-quoted scalar at the key's indentation.
    let pipeline = format!(
        "$schema: {SCHEMA}/pipelineJob.schema.json\ntype: pipeline\nsettings:\n  default_compute: azureml:serverless\n  force_rerun: yes\njobs:\n  step:\n    type: command\n    component: ./c.yml\n    inputs:\n      prefix: \"first \\\n      second\"\n"
    );
    assert_eq!(found(&check(&[("p.yml", &pipeline)])), []);
    // Merge keys, YAML 1.1 booleans, CRLF line ends and a BOM.
    let merged = "\u{feff}base: &b\r\n  compute: azureml:serverless\r\ncommand: python x.py\r\nenvironment: azureml:AzureML-sklearn-1.5@latest\r\nresources:\r\n  instance_type: Standard_NC6\r\n<<: *b\r\n";
    assert_eq!(
        found(&check(&[("m.yml", merged)])),
        [("m.yml".to_owned(), Some(6), Code::RetiredSeries)]
    );
    // What PyYAML rejects, with line and column.
    let tab =
        format!("$schema: {SCHEMA}/commandJob.schema.json\ncommand: x\ncompute:\tazureml:c\n");
    let report = check(&[("t.yml", &tab)]);
    assert_eq!(
        found(&report),
        [("t.yml".to_owned(), Some(3), Code::YamlSyntax)]
    );
    assert_eq!(report.diagnostics[0].column(), Some(9));
    // Unknown tags (CloudFormation-style) are refused by the safe loader too.
    let tagged = format!("$schema: {SCHEMA}/commandJob.schema.json\ncommand: !Sub x\n");
    assert_eq!(
        found(&check(&[("g.yml", &tagged)])),
        [("g.yml".to_owned(), Some(2), Code::YamlSyntax)]
    );
    // Broken YAML that is not Azure ML's: read for its size names only, no finding.
    let report = check(&[("k8s.yml", "a: [1, 2\n")]);
    assert_eq!(found(&report), []);
    assert_eq!((report.files_read, report.skipped.len()), (1, 0));
}

#[test]
fn templates_are_notes_and_placeholders_are_never_checked() {
    let broken = format!(
        "$schema: {SCHEMA}/managedOnlineDeployment.schema.json\nname: d\nendpoint_name: {{{{ENDPOINT_NAME}}}}\nenvironment:\n  image: {{{{ACR_NAME}}}}.azurecr.io/x:1\ninstance_type: Standard_NC6\ninstance_count: 1\n"
    );
    let report = check(&[("t.yml", &broken)]);
    // The placeholders are filled in to read the rest: the retired size is still found.
    assert_eq!(
        found(&report),
        [
            ("t.yml".to_owned(), Some(3), Code::Template),
            ("t.yml".to_owned(), Some(6), Code::RetiredSeries),
        ]
    );
    assert!(
        report.diagnostics[0]
            .message
            .contains("{{ENDPOINT_NAME}}, {{ACR_NAME}}"),
        "{}",
        report.diagnostics[0].message
    );
    // A placeholder as the size: not an unknown or invalid size.
    let sized = format!(
        "$schema: {SCHEMA}/managedOnlineDeployment.schema.json\nname: d\nendpoint_name: e\ninstance_type: \"{{{{INSTANCE_TYPE}}}}\"\ninstance_count: 1\n"
    );
    assert_eq!(
        found(&check(&[("s.yml", &sized)])),
        [("s.yml".to_owned(), Some(4), Code::Template)]
    );
    // Other placeholders and bindings: unknown values, silently.
    for value in [
        "<INSTANCE_TYPE>",
        "$INSTANCE_TYPE",
        "${INSTANCE_TYPE}",
        "${{parent.inputs.size}}",
    ] {
        let job = format!(
            "$schema: {SCHEMA}/commandJob.schema.json\ncommand: x\nenvironment: azureml:AzureML-sklearn-1.5@latest\nresources:\n  instance_type: \"{value}\"\ncompute: \"{value}\"\n"
        );
        assert_eq!(found(&check(&[("j.yml", &job)])), [], "{value}");
    }
    // Jinja prompts in quoted strings are data, not placeholders: no note.
    let prompt = format!(
        "$schema: {SCHEMA}/commandJob.schema.json\ncommand: x\nenvironment: azureml:AzureML-sklearn-1.5@latest\ninputs:\n  pattern: \"Q: {{{{question}}}}\"\n"
    );
    assert_eq!(found(&check(&[("p.yml", &prompt)])), []);
    // Lenient only inside the placeholders: a template that does not load even when they
    // are filled in has a syntax error of its own, reported where it is, and its retired
    // size is still found.
    let hopeless = format!(
        "$schema: {SCHEMA}/managedOnlineDeployment.schema.json\nname: {{{{NAME}}}}\ninstance_type: Standard_NC6\nx: [\n"
    );
    let report = check(&[("h.yml", &hopeless)]);
    assert_eq!(
        found(&report),
        [
            ("h.yml".to_owned(), Some(3), Code::RetiredSeries),
            ("h.yml".to_owned(), Some(5), Code::YamlSyntax),
        ]
    );
    // A template engine's blocks (`{% … %}`) are not YAML until rendered: a note.
    let jinja = format!(
        "$schema: {SCHEMA}/managedOnlineDeployment.schema.json\nname: {{{{NAME}}}}\n{{% if gpu %}}\ninstance_type: [\n{{% endif %}}\n"
    );
    let report = check(&[("j.yml", &jinja)]);
    assert_eq!(
        found(&report),
        [("j.yml".to_owned(), Some(2), Code::Template)]
    );
}

#[test]
fn every_kind_without_a_schema_is_recognised() {
    let cases = [
        (
            "type: finetuning\nmodel_provider: custom\ntask: text_completion\n",
            "a finetuning job",
        ),
        (
            "type: distillation\ndata_generation_type: label_generation\n",
            "a distillation job",
        ),
        (
            "name: e\nmodel_id: azureml://registries/x/models/y\n",
            "a serverless endpoint",
        ),
        (
            "name: c\ntype: git\ntarget: https://github.com/x/y\n",
            "a connection",
        ),
        (
            "name: r\nlocation: eastus\nreplication_locations:\n  - location: eastus\n",
            "a registry",
        ),
        ("name: h\nkind: hub\n", "a workspace"),
        (
            "name: s\ntype: azure_blob\naccount_name: a\ncontainer_name: c\n",
            "a datastore",
        ),
        (
            "name: s\ntrigger:\n  type: cron\n  expression: \"0 * * * *\"\ncreate_job: ./job.yml\n",
            "a schedule",
        ),
        (
            "name: e\nimage: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04\nconda_file: conda.yml\n",
            "an environment",
        ),
        (
            "name: d\ntype: uri_folder\npath: azureml://datastores/x/paths/y\n",
            "a data asset",
        ),
        ("name: m\ntype: mlflow_model\npath: model\n", "a model"),
        (
            "name: c\ntype: command\nversion: 1\ncommand: python x.py\n",
            "a component",
        ),
    ];
    for (text, kind) in cases {
        let report = check(&[("x.yml", text)]);
        let messages: Vec<&str> = report
            .diagnostics
            .iter()
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(report.files_read, 1, "{kind}: {messages:?}");
        assert!(
            messages.len() == 1 && messages[0].starts_with(kind),
            "{kind}: {messages:?}"
        );
        assert_eq!(report.diagnostics[0].code, Code::NotChecked);
    }
    // And what is not Azure ML's is read for its size names only: read, not skipped, so
    // the summary never counts findings of a skipped file.
    for text in [
        "on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n",
        "name: env\nchannels: [conda-forge]\ndependencies: [python=3.10]\n",
        "services:\n  web:\n    image: nginx\n",
        "- a\n- b\n",
        "",
    ] {
        let report = check(&[("x.yml", text)]);
        assert_eq!(
            (
                report.files_read,
                report.skipped.len(),
                report.diagnostics.len()
            ),
            (1, 0, 0),
            "{text}"
        );
    }
    // A GitHub workflow that names a retired size: one file read, its finding counted.
    let report = check(&[(
        ".github/workflows/train.yml",
        "on: push\nenv:\n  VM_SIZE: Standard_NC6\n",
    )]);
    assert!(
        report.summary().starts_with("1 file(s) read, 0 skipped"),
        "{}",
        report.summary()
    );
    assert_eq!(
        report.count(aml_targets::Severity::Error),
        1,
        "{:?}",
        report.diagnostics
    );
    {}
}

#[test]
fn output_is_quiet_by_default() {
    let report = AzureMlProject::read_paths([fixture()]).unwrap().check(on());
    let quiet = RenderOptions::default().base(fixture());
    let human = render::Format::Human.render(&report, &quiet);
    assert!(!human.contains("note["), "{human}");
    assert!(human.contains("warning[duplicate-name]"));
    assert!(human.ends_with(
        "38 file(s) read, 0 skipped, on 2026-11-27: 0 error(s), 2 warning(s), 24 note(s)\n"
    ));
    assert_eq!(
        render::Format::Github
            .render(&report, &quiet)
            .lines()
            .count(),
        2
    );
    assert_eq!(
        render::Format::Cargo
            .render(&report, &quiet)
            .lines()
            .count(),
        2
    );
    let verbose = quiet.clone().verbose(true);
    assert_eq!(
        render::Format::Github
            .render(&report, &verbose)
            .lines()
            .count(),
        26
    );
    assert!(
        render::Format::Github
            .render(&report, &verbose)
            .lines()
            .any(|l| l.starts_with("::notice "))
    );
    // Paths relative to the base, no `./`.
    for line in render::Format::Github.render(&report, &verbose).lines() {
        assert!(
            line.contains(" file=cli/") || line.contains(" file=sdk/"),
            "{line}"
        );
    }
}

#[cfg(feature = "json")]
#[test]
fn json_keeps_every_note_and_counts_files() {
    let report = AzureMlProject::read_paths([fixture()]).unwrap().check(on());
    let v: serde_json::Value = serde_json::from_str(
        &render::Format::Json.render(&report, &RenderOptions::default().base(fixture())),
    )
    .unwrap();
    assert_eq!(v["diagnostics"].as_array().unwrap().len(), 26);
    assert_eq!(
        (
            v["errors"].as_u64(),
            v["warnings"].as_u64(),
            v["notes"].as_u64()
        ),
        (Some(0), Some(2), Some(24))
    );
    assert_eq!(
        (v["files_read"].as_u64(), v["files_skipped"].as_u64()),
        (Some(38), Some(0))
    );
    let dup = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "duplicate-name")
        .unwrap();
    assert_eq!(
        dup["related"][0]["file"],
        "cli/endpoints/online/managed/sample/blue-deployment-with-registered-assets.yml"
    );
    assert_eq!(dup["related"][0]["line"], 2);
    assert_eq!(dup["column"], 1);
}

/// A tree whose file names and values try to break out of the output formats.
fn hostile_tree() -> (PathBuf, String) {
    let dir = std::env::temp_dir().join(format!("aml-hostile-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let name = "a,line=9\n::add-mask::S%0A\r\u{1b}[31m:b.yml";
    let text = format!(
        "$schema: {SCHEMA}/amlCompute.schema.json\nname: \"x\\n::error::injected\\r%\\e]0;t\\a\"\ntype: amlcompute\nsize: \"Standard_NC6\"\n"
    );
    std::fs::write(dir.join(name), &text).unwrap();
    (dir, name.to_owned())
}

#[cfg(unix)]
#[test]
fn hostile_file_names_and_values_cannot_inject_output() {
    let (dir, _) = hostile_tree();
    // A second definition of the same compute to get its (hostile) name into a message.
    let text = std::fs::read_to_string(
        std::fs::read_dir(&dir)
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path(),
    )
    .unwrap();
    std::fs::write(dir.join("second.yml"), text).unwrap();
    let report = AzureMlProject::read_paths([&dir]).unwrap().check(on());
    assert_eq!(report.count(Severity::Error), 2, "{report:?}");
    let options = RenderOptions::default().base(&dir);
    let github = render::Format::Github.render(&report, &options);
    // One workflow command per diagnostic, nothing else starts with `::`.
    assert_eq!(github.lines().count(), 3, "{github}");
    for line in github.lines() {
        assert!(
            line.starts_with("::error file=") || line.starts_with("::warning file="),
            "{line}"
        );
        assert!(!line.contains('\r') && !line.contains('\u{1b}'), "{line:?}");
        assert!(!line.starts_with("::add-mask::"), "{line}");
        // The properties end at the first `::`; what follows is the (escaped) message.
        let (props, _) = line[2..].split_once("::").unwrap();
        let keys: Vec<&str> = props
            .split(',')
            .map(|p| p.split_once('=').unwrap().0)
            .collect();
        assert!(
            keys == ["error file", "line", "col", "title"]
                || keys == ["warning file", "line", "col", "title"],
            "{props}"
        );
    }
    assert!(
        github.contains("file=a%2Cline=9%0A%3A%3Aadd-mask%3A%3AS%250A%0D\\u{1b}[31m%3Ab.yml"),
        "{github}"
    );
    let cargo = render::Format::Cargo.render(&report, &options);
    assert_eq!(cargo.lines().count(), 3, "{cargo}");
    assert!(
        cargo.lines().all(|l| l.starts_with("cargo:warning=")),
        "{cargo}"
    );
    assert!(!cargo.contains('\u{1b}') && !cargo.contains('\r'));
    let human = render::Format::Human.render(&report, &options);
    assert!(
        !human.contains('\u{1b}') && !human.contains('\r') && !human.contains('\u{7}'),
        "{human:?}"
    );
    assert!(human.contains("\\n::add-mask::"), "{human}");
    #[cfg(feature = "json")]
    {
        let json: serde_json::Value =
            serde_json::from_str(&render::Format::Json.render(&report, &options)).unwrap();
        assert!(
            json["diagnostics"][0]["file"]
                .as_str()
                .unwrap()
                .contains("\n::add-mask::")
        );
        let sarif: serde_json::Value =
            serde_json::from_str(&render::Format::Sarif.render(&report, &options)).unwrap();
        let uri =
            sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
                ["uri"]
                .as_str()
                .unwrap();
        assert!(uri.starts_with("a%2Cline%3D9%0A%3A%3Aadd-mask"), "{uri}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(feature = "json")]
#[test]
fn sarif_has_a_rule_per_code_and_located_results() {
    let compute = format!(
        "$schema: {SCHEMA}/amlCompute.schema.json\nname: c\ntype: amlcompute\nsize: Standard_NC6\n"
    );
    let report = check(&[
        ("cli/compute/c.yml", &compute),
        ("cli/compute/d.yml", &compute),
    ]);
    let sarif: serde_json::Value =
        serde_json::from_str(&render::Format::Sarif.render(&report, &RenderOptions::default()))
            .unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    assert_eq!(
        sarif["$schema"],
        "https://json.schemastore.org/sarif-2.1.0.json"
    );
    let run = &sarif["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "aml-targets");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), Code::ALL.len());
    for (rule, code) in rules.iter().zip(Code::ALL) {
        assert_eq!(rule["id"], code.as_str());
        assert_eq!(rule["shortDescription"]["text"], code.description());
        // The full entry of docs/codes.md, and a link to its section.
        let entry = code.rule();
        assert_eq!(rule["fullDescription"]["text"], entry.meaning);
        assert_eq!(rule["help"]["text"], entry.to_string());
        assert_eq!(rule["help"]["markdown"], entry.markdown());
        assert!(rule["help"]["text"].as_str().unwrap().contains(code.help()));
        assert_eq!(
            rule["helpUri"],
            format!(
                "https://github.com/aml-targets/aml-targets/blob/main/docs/codes.md#{}",
                code.as_str()
            )
        );
        assert!(
            ["error", "warning", "note"]
                .contains(&rule["defaultConfiguration"]["level"].as_str().unwrap())
        );
    }
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    let retired = &results[0];
    assert_eq!(retired["ruleId"], "retired-series");
    assert_eq!(
        rules[usize::try_from(retired["ruleIndex"].as_u64().unwrap()).unwrap()]["id"],
        "retired-series"
    );
    assert_eq!(retired["level"], "error");
    let location = &retired["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "cli/compute/c.yml");
    assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
    assert_eq!(location["region"]["startLine"], 4);
    assert_eq!(location["region"]["startColumn"], 1);
    assert!(
        retired["message"]["text"]
            .as_str()
            .unwrap()
            .contains("Standard_NC6")
    );
    let dup = results
        .iter()
        .find(|r| r["ruleId"] == "duplicate-name")
        .unwrap();
    assert_eq!(dup["level"], "warning");
    assert_eq!(
        dup["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "cli/compute/c.yml"
    );
}
