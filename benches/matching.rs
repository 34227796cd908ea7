//! Benchmarks of the matching core, with no benchmark framework.
//!
//! `cargo bench --bench matching [-- FILTER]` calibrates each case to about 2 ms per sample,
//! takes 31 samples and prints `bench <case> median_ns=<n> mad_ns=<n> iters=<n>` (time per
//! iteration; MAD is the median absolute deviation). For each case with a baseline written the
//! way typical tools do it (a `regex` parser, a linear lookup with lower-cased string
//! compares) it prints `ratio <case> baseline_over_ours=<n>`. Without `--bench` (as under
//! `cargo test --benches`) each case runs once and prints `bench <case> ok`.

mod common;

use std::hint::black_box;

use common::{Goal, Runner};

use aml_targets::project::{TextKind, size_mentions};
use aml_targets::{
    Catalog, ComputeDef, ComputeKind, CudaVersion, Date, DeploymentDef, DocEdition, InferenceNeeds,
    InferenceTarget, JobDef, Plan, SizeNeeds, TrainingNeeds, VmSeries, VmSize, VmSizeSpec,
    inference_targets, recommend_sizes, training_targets, validate,
};

/// A size-name parser written the way typical tools do it: one regular expression.
struct RegexParser(regex::Regex);

/// The parts the regex baseline extracts.
#[allow(dead_code)] // read through Debug/black_box only
#[derive(Debug)]
struct RegexParts {
    tier: String,
    family: String,
    vcpus: u32,
    constrained: Option<u32>,
    features: String,
    accelerator: Option<String>,
    version: Option<u32>,
    promo: bool,
}

impl RegexParser {
    fn new() -> RegexParser {
        RegexParser(
            regex::Regex::new(
                r"(?i)^(standard|basic)_([a-z]+?)(\d+)(?:-(\d+))?([a-z]*)(?:_([a-z]+\d+[a-z]*))?(?:_(\d+))?(?:_cc)?(?:_v(\d+))?(_promo)?$",
            )
            .unwrap(),
        )
    }

    fn parse(&self, name: &str) -> Option<RegexParts> {
        let c = self.0.captures(name)?;
        Some(RegexParts {
            tier: c[1].to_owned(),
            family: c[2].to_ascii_uppercase(),
            vcpus: c[3].parse().ok()?,
            constrained: c.get(4).and_then(|m| m.as_str().parse().ok()),
            features: c[5].to_ascii_lowercase(),
            accelerator: c.get(6).map(|m| m.as_str().to_ascii_uppercase()),
            version: c.get(8).and_then(|m| m.as_str().parse().ok()),
            promo: c.get(9).is_some(),
        })
    }
}

/// The lookup typical tools write: lower-case both sides and compare, row by row.
fn linear_lookup<'c>(catalog: &'c Catalog, name: &str) -> Option<&'c VmSizeSpec> {
    let wanted = name.to_lowercase();
    catalog
        .sizes()
        .iter()
        .find(|row| row.name.to_lowercase() == wanted)
}

/// About `bytes` of the text repositories hold — shell, Python, YAML, JSON and prose, in
/// snake case full of `_`, with a size name or a storage SKU about every 2 KB (public Azure
/// ML repositories have one every 25 KB or so: this is the busy end).
fn mixed_text(bytes: usize) -> String {
    const PIECES: &[&str] = &[
        "az ml compute create -n gpu-cluster --type amlcompute --size Standard_NC6s_v3 --min-instances 0 --max-instances 4\n",
        "def train_model(args, train_data, valid_data):\n    model = build_model(args.learning_rate, args.batch_size)\n    history = model.fit(train_data, validation_data=valid_data, epochs=args.num_epochs)\n    return model, history\n",
        "compute: azureml:cpu-cluster\nenvironment: azureml:AzureML-sklearn-1.5-ubuntu22.04-py39-cpu@latest\nresources:\n  instance_count: 2\n",
        "Create the compute cluster first: it takes a few minutes. The sample then submits the training job and waits for it to finish before it registers the model.\n",
        "def load_dataset(data_dir, split_name, max_rows=None):\n    file_path = os.path.join(data_dir, f\"{split_name}.csv\")\n    data_frame = pd.read_csv(file_path, nrows=max_rows)\n    return data_frame.dropna()\n",
        "{\"type\": \"Microsoft.Storage/storageAccounts\", \"sku\": {\"name\": \"Standard_LRS\"}, \"kind\": \"StorageV2\", \"location\": \"[parameters('location')]\"}\n",
        "export RESOURCE_GROUP_NAME=${RESOURCE_GROUP_NAME:-rg-azureml} WORKSPACE_NAME=main LOCATION=eastus\nif [[ -z \"$SUBSCRIPTION_ID\" ]]; then echo \"set SUBSCRIPTION_ID first\"; exit 1; fi\n",
        "The pipeline reads the prepared data, trains the model with the hyperparameters below and writes the scored output to the default datastore, so the next step can pick it up.\n",
        "    parser.add_argument(\"--learning_rate\", type=float, default=0.001)\n    parser.add_argument(\"--batch_size\", type=int, default=32)\n    parser.add_argument(\"--num_epochs\", type=int, default=10)\n",
        "    config = AmlCompute.provisioning_configuration(vm_size=\"STANDARD_DS3_V2\", min_nodes=0, max_nodes=4)\n",
        "jobs:\n  prep_data:\n    type: command\n    component: ./prep.yml\n    inputs:\n      raw_data: ${{parent.inputs.raw_data}}\n  train_model:\n    type: command\n    component: ./train.yml\n",
        "  vm_size = \"Standard_NC24ads_A100_v4\" # was Standard_NC24 before 2023\n",
    ];
    let mut text = String::with_capacity(bytes + 512);
    let mut i = 0;
    while text.len() < bytes {
        // Sizes in the pieces at 0, 5, 9 and 11; pad with the others in between.
        text.push_str(PIECES[i % PIECES.len()]);
        for filler in [1, 3, 4, 7, 8, 10, 2, 6] {
            if i % PIECES.len() != filler {
                text.push_str(PIECES[filler]);
            }
        }
        i += 1;
    }
    text
}

/// The scan typical tools write: a case-insensitive regex for `Standard_…` and `Basic_…`, each match
/// parsed.
fn regex_scan(re: &regex::Regex, text: &str) -> usize {
    re.find_iter(text)
        .filter(|m| VmSize::parse(m.as_str()).is_ok())
        .count()
}

/// A catalog of `n` sizes: the embedded rows repeated under distinct names.
fn synthetic(n: usize) -> Catalog {
    let rows = Catalog::embedded().sizes();
    let sizes = (0..n)
        .map(|i| {
            let base = &rows[i % rows.len()];
            let mut row = base.clone();
            row.name = format!("{}_{i}", base.name).into();
            row.series = base.series;
            row
        })
        .collect();
    Catalog::new(sizes)
}

/// A 10-item plan: four compute definitions, three jobs, three deployments, with problems.
fn ten_item_plan() -> Plan {
    let compute = |name: &str, kind, size: &str| ComputeDef {
        size: Some(size.to_owned()),
        ..ComputeDef::new(name, kind)
    };
    let job = |name: &str, target: &str| JobDef {
        name: name.into(),
        target: target.into(),
        ..JobDef::default()
    };
    Plan {
        compute: vec![
            compute("cpu", ComputeKind::ComputeCluster, "Standard_DS3_v2"),
            compute("k80", ComputeKind::ComputeCluster, "Standard_NC6"),
            compute("t4", ComputeKind::ComputeCluster, "Standard_NC4as_T4_v3"),
            compute("box", ComputeKind::ComputeInstance, "Standard_FX4mds"),
        ],
        jobs: vec![
            JobDef {
                environment: Some("AzureML-ACPT-pytorch-2.1-py310-cuda12.1-gpu".into()),
                ..job("train", "k80")
            },
            JobDef {
                automated_ml: true,
                ..job("automl", "cpu")
            },
            JobDef {
                cuda: Some("12.4".parse().unwrap()),
                ..job("fine-tune", "t4")
            },
        ],
        deployments: vec![
            DeploymentDef {
                size: Some("Standard_DS2_v2".into()),
                model_ram_gb: Some(10.0),
                ..DeploymentDef::new("scorer", InferenceTarget::Endpoints)
            },
            DeploymentDef {
                model_size_gb: Some(2.0),
                view: Some(aml_targets::ApiView::V1),
                ..DeploymentDef::new("aci", InferenceTarget::ContainerInstances)
            },
            DeploymentDef {
                size: Some("Standard_E4s_v3".into()),
                ..DeploymentDef::new("batch", InferenceTarget::Endpoints)
            },
        ],
        ..Plan::default()
    }
}

fn main() {
    let mut r = Runner::from_args();
    let on = Date::parse("2026-11-26").unwrap();

    r.case("parse_size/plain", || {
        VmSize::parse(black_box("Standard_NC24rs_v3"))
    });
    r.case("parse_size/odd_case", || {
        VmSize::parse(black_box("STANDARD_nd96AMSR_a100_V4"))
    });
    r.case("parse_size/unknown_series", || {
        VmSize::parse(black_box("Standard_ND128isr_GB300_v7"))
    });
    r.case("parse_size/invalid", || {
        VmSize::parse(black_box("Standard_NC24rs_v")).is_err()
    });
    r.case("lookup/by_name", || {
        VmSizeSpec::find(black_box("standard_nc24rs_v3"))
    });
    r.case("parse_and_lookup", || {
        Catalog::embedded().lookup(black_box("Standard_NC24rs_v3"))
    });
    let size = VmSize::parse("Standard_ND96asr_v4").unwrap();
    r.case("classify_series", || black_box(size).series());
    r.case("retirement_state", || {
        black_box(VmSeries::NCv3).retirement_state(black_box(on))
    });
    r.case("cuda_verdict", || {
        black_box(VmSeries::NC).cuda_verdict(black_box(CudaVersion::new(12, 1)), DocEdition::LATEST)
    });
    let training = TrainingNeeds {
        automated_ml: true,
        managed_only: true,
        ..TrainingNeeds::default()
    };
    r.case("select_training_targets", || {
        training_targets(black_box(&training))
            .filter(aml_targets::fit::TrainingFit::fits)
            .count()
    });
    let inference = InferenceNeeds {
        model_size_gb: Some(2.0),
        production: true,
        ..InferenceNeeds::default()
    };
    r.case("select_inference_targets", || {
        inference_targets(black_box(&inference))
            .filter(aml_targets::fit::InferenceFit::fits)
            .count()
    });
    let needs = SizeNeeds::default()
        .memory_gib(aml_targets::fit::inference_memory_gib(10.0))
        .gpus(1)
        .cuda("12.4".parse::<aml_targets::CudaRequirement>().unwrap())
        .compute(ComputeKind::ComputeInstance);
    r.case("recommend/embedded", || {
        recommend_sizes(black_box(&needs), Catalog::embedded(), on)
            .best()
            .is_some()
    });
    for n in [1_000, 10_000, 100_000] {
        let name = format!("recommend/synthetic_{n}");
        if r.wanted(&name) {
            let catalog = synthetic(n);
            r.case(&name, || {
                recommend_sizes(black_box(&needs), &catalog, on)
                    .best()
                    .is_some()
            });
        }
    }
    let plan = ten_item_plan();
    r.case("validate/plan_10_items", || {
        validate(black_box(&plan), on).diagnostics.len()
    });
    // The goals: the embedded catalog in 5 µs, at most 5 ns a size on 100,000 sizes, a
    // 10-item plan in 10 µs.
    if let Some(ns) = r.median("recommend/embedded") {
        r.goal("recommend/embedded", "median_ns", ns, Goal::AtMost(5_000.0));
    }
    if let Some(ns) = r.median("recommend/synthetic_100000") {
        r.goal(
            "recommend/synthetic_100000",
            "median_ns",
            ns,
            Goal::AtMost(500_000.0),
        );
        r.goal(
            "recommend/synthetic_100000",
            "ns_per_size",
            ns / 1e5,
            Goal::AtMost(5.0),
        );
    }
    if let Some(ns) = r.median("validate/plan_10_items") {
        r.goal(
            "validate/plan_10_items",
            "median_ns",
            ns,
            Goal::AtMost(10_000.0),
        );
    }

    // Baselines, written the way typical tools do it.
    let regex = RegexParser::new();
    r.case("baseline/regex_parse_size", || {
        regex.parse(black_box("Standard_NC24rs_v3"))
    });
    r.case("baseline/linear_lookup", || {
        linear_lookup(Catalog::embedded(), black_box("standard_nc24rs_v3"))
    });
    r.case("baseline/regex_parse_and_linear_lookup", || {
        let name = black_box("Standard_NC24rs_v3");
        (regex.parse(name), linear_lookup(Catalog::embedded(), name))
    });
    // Size mentions in 1 MiB of mixed repository text.
    let text = mixed_text(1 << 20);
    let scan_re = regex::Regex::new(r"(?i)\b(?:standard|basic)_[a-z0-9_-]+").unwrap();
    assert_eq!(
        size_mentions(&text, TextKind::Shell).len(),
        regex_scan(&scan_re, &text),
        "the baseline finds what the scanner finds"
    );
    r.case("scan_sizes/1mib", || {
        size_mentions(black_box(&text), TextKind::Shell).len()
    });
    r.case("baseline/regex_scan_sizes", || {
        regex_scan(&scan_re, black_box(&text))
    });
    if let Some(ns) = r.median("scan_sizes/1mib") {
        println!(
            "throughput scan_sizes/1mib gb_per_s={:.2}",
            f64::from(1u32 << 20) / ns
        );
    }
    r.ratio("scan_sizes", "baseline/regex_scan_sizes", "scan_sizes/1mib");
    r.ratio(
        "parse_size",
        "baseline/regex_parse_size",
        "parse_size/plain",
    );
    r.ratio("lookup", "baseline/linear_lookup", "lookup/by_name");
    r.ratio(
        "parse_and_lookup",
        "baseline/regex_parse_and_linear_lookup",
        "parse_and_lookup",
    );
    r.goals_summary();
}
