//! A generated tree shaped like a public Azure ML examples repository (Azure/azureml-examples
//! as of 2026: about 2,400 files the checker reads, 28 MB, most of it notebooks): CLI v2 YAML
//! of every kind, components and pipelines, endpoints, environments and conda files, GitHub
//! workflows, training and scoring scripts, shell scripts, notebooks with outputs (some with
//! images), ARM, Bicep and Terraform templates, R scripts, and the files the checker does not
//! read (Markdown, data). Written by this file, never copied from a repository; the same
//! bytes every time (a fixed pseudo-random sequence).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// How many of each kind make the 2,400-file tree (a job is a YAML file and its script, an
/// endpoint four files, and so on).
const KINDS: [(&str, usize); 14] = [
    ("command_job", 350),
    ("pipeline", 60),
    ("compute", 40),
    ("online_endpoint", 60),
    ("batch_endpoint", 30),
    ("environment", 50),
    ("shell", 200),
    ("notebook", 400),
    ("arm", 40),
    ("bicep", 15),
    ("terraform", 15),
    ("workflow", 150),
    ("r_script", 10),
    ("data", 20),
];

/// A small deterministic pseudo-random sequence (a 64-bit LCG).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        // n is small: the modulo bias does not matter here.
        usize::try_from(self.next()).unwrap_or(0) % n.max(1)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const CPU_SIZES: [&str; 5] = [
    "Standard_DS3_v2",
    "Standard_D4s_v5",
    "Standard_E8ds_v5",
    "Standard_F8s_v2",
    "Standard_D13_v2",
];
const GPU_SIZES: [&str; 4] = [
    "Standard_NC4as_T4_v3",
    "Standard_NC24ads_A100_v4",
    "Standard_NC6s_v3",
    "Standard_ND96asr_v4",
];
const BASE64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const FRAMEWORKS: [&str; 5] = ["pytorch", "tensorflow", "sklearn", "lightgbm", "xgboost"];
const WORDS: [&str; 16] = [
    "train", "model", "data", "score", "batch", "learning", "rate", "epochs", "input", "output",
    "metrics", "register", "deploy", "feature", "label", "split",
];

/// Files written, and their bytes.
pub struct Tree {
    pub root: PathBuf,
    pub files: usize,
    pub bytes: u64,
    /// The bytes of the largest files, largest first.
    pub largest: Vec<u64>,
}

/// The tree of about `files` files at `root`, written once: a marker file names its size, and
/// a tree already there with that marker is kept.
pub fn tree(root: &Path, files: usize) -> Tree {
    let marker = root.join(".generated");
    let wanted = format!("files={files} version=3\n");
    if std::fs::read_to_string(&marker).ok().as_deref() != Some(wanted.as_str()) {
        let _ = std::fs::remove_dir_all(root);
        write_tree(root, files);
        std::fs::write(&marker, &wanted).unwrap();
    }
    let mut sizes = Vec::new();
    let mut stack = vec![root.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let kind = entry.file_type().unwrap();
            if kind.is_dir() {
                stack.push(entry.path());
            } else if entry.file_name() != ".generated" {
                sizes.push(entry.metadata().unwrap().len());
            }
        }
    }
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    Tree {
        root: root.to_owned(),
        files: sizes.len(),
        bytes: sizes.iter().sum(),
        largest: sizes.into_iter().take(8).collect(),
    }
}

/// A copy at `root` of `tree`'s YAML files alone (the files PyYAML's loader reads), written
/// once like the tree.
pub fn yaml_copy(tree: &Tree, root: &Path) -> PathBuf {
    let marker = root.join(".generated");
    let wanted = std::fs::read_to_string(tree.root.join(".generated")).unwrap();
    if std::fs::read_to_string(&marker).ok().as_deref() != Some(wanted.as_str()) {
        let _ = std::fs::remove_dir_all(root);
        let mut stack = vec![tree.root.clone()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if entry.file_type().unwrap().is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "yml" || e == "yaml") {
                    let to = root.join(path.strip_prefix(&tree.root).unwrap());
                    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
                    std::fs::copy(&path, to).unwrap();
                }
            }
        }
        std::fs::write(&marker, &wanted).unwrap();
    }
    root.to_owned()
}

fn write_tree(root: &Path, files: usize) {
    let mut rng = Rng(0x5eed);
    let write = |path: PathBuf, text: String| {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    for (kind, n) in KINDS {
        let count = (n * files).div_ceil(2_400).max(1);
        for i in 0..count {
            let name = format!("{}-{}-{i}", rng.pick(&WORDS), rng.pick(&WORDS));
            match kind {
                "command_job" => {
                    let fw = rng.pick(&FRAMEWORKS);
                    let dir = root.join(format!("cli/jobs/single-step/{fw}/{name}"));
                    write(dir.join("job.yml"), command_job(&mut rng, &name, fw));
                    write(dir.join("src/main.py"), python_script(&mut rng, 40, 160));
                    if i % 3 == 0 {
                        write(dir.join("README.md"), prose(&mut rng, 20));
                    }
                }
                "pipeline" => {
                    let dir = root.join(format!("cli/jobs/pipelines/{name}"));
                    write(dir.join("pipeline.yml"), pipeline(&mut rng, &name));
                    for step in ["prep", "train"] {
                        write(dir.join(format!("{step}.yml")), component(&mut rng, step));
                        write(
                            dir.join(format!("{step}_src/{step}.py")),
                            python_script(&mut rng, 30, 80),
                        );
                    }
                }
                "compute" => {
                    let size = if i % 4 == 0 {
                        rng.pick(&GPU_SIZES)
                    } else {
                        rng.pick(&CPU_SIZES)
                    };
                    write(
                        root.join(format!("cli/resources/compute/{name}.yml")),
                        format!(
                            "$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json\nname: {name}\ntype: amlcompute\nsize: {size}\nmin_instances: 0\nmax_instances: {}\nidle_time_before_scale_down: 120\n",
                            1 + rng.below(8)
                        ),
                    );
                }
                "online_endpoint" => {
                    let dir = root.join(format!("cli/endpoints/online/{name}"));
                    write(
                        dir.join("endpoint.yml"),
                        format!(
                            "$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineEndpoint.schema.json\nname: {name}\nauth_mode: key\n"
                        ),
                    );
                    write(dir.join("deployment.yml"), deployment(&mut rng, &name));
                    write(dir.join("score.py"), python_script(&mut rng, 30, 60));
                    write(
                        dir.join("sample-request.json"),
                        format!(
                            "{{\"input_data\": {{\"columns\": [0, 1, 2], \"data\": [[{}, {}, {}]]}}}}\n",
                            rng.below(9),
                            rng.below(9),
                            rng.below(9)
                        ),
                    );
                }
                "batch_endpoint" => {
                    let dir = root.join(format!("cli/endpoints/batch/{name}"));
                    write(
                        dir.join("endpoint.yml"),
                        format!(
                            "$schema: https://azuremlschemas.azureedge.net/latest/batchEndpoint.schema.json\nname: {name}\nauth_mode: aad_token\n"
                        ),
                    );
                    write(
                        dir.join("deployment.yml"),
                        format!(
                            "$schema: https://azuremlschemas.azureedge.net/latest/modelBatchDeployment.schema.json\nname: default\nendpoint_name: {name}\nmodel: azureml:{name}-model@latest\ncompute: azureml:batch-cluster\nresources:\n  instance_count: 2\nsettings:\n  max_concurrency_per_instance: 2\n  mini_batch_size: 10\n  output_action: append_row\n  output_file_name: predictions.csv\n  retry_settings:\n    max_retries: 3\n    timeout: 300\n"
                        ),
                    );
                }
                "environment" => {
                    let dir = root.join(format!("cli/assets/environment/{name}"));
                    write(
                        dir.join("environment.yml"),
                        format!(
                            "$schema: https://azuremlschemas.azureedge.net/latest/environment.schema.json\nname: {name}\nimage: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest\nconda_file: conda.yaml\ndescription: Environment for {name}.\n"
                        ),
                    );
                    write(dir.join("conda.yaml"), conda(&mut rng));
                }
                "shell" => write(root.join(format!("cli/{name}.sh")), shell(&mut rng, &name)),
                "notebook" => write(
                    root.join(format!(
                        "sdk/python/{}/{name}/{name}.ipynb",
                        rng.pick(&WORDS)
                    )),
                    notebook(&mut rng, &name),
                ),
                "arm" => {
                    write(
                        root.join(format!("infra/arm/{name}.json")),
                        arm(&mut rng, &name),
                    );
                    write(
                        root.join(format!("infra/arm/{name}.parameters.json")),
                        format!(
                            "{{\n  \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#\",\n  \"contentVersion\": \"1.0.0.0\",\n  \"parameters\": {{\n    \"workspaceName\": {{ \"value\": \"{name}\" }},\n    \"location\": {{ \"value\": \"eastus\" }}\n  }}\n}}\n"
                        ),
                    );
                }
                "bicep" => write(
                    root.join(format!("infra/bicep/{name}.bicep")),
                    format!(
                        "param location string = resourceGroup().location\nparam workspaceName string\nparam vmSize string = '{}'\n\nresource compute 'Microsoft.MachineLearningServices/workspaces/computes@2024-04-01' = {{\n  name: '${{workspaceName}}/cpu-cluster'\n  location: location\n  properties: {{\n    computeType: 'AmlCompute'\n    properties: {{\n      vmSize: vmSize\n      scaleSettings: {{\n        minNodeCount: 0\n        maxNodeCount: 4\n      }}\n    }}\n  }}\n}}\n",
                        rng.pick(&CPU_SIZES)
                    ),
                ),
                "terraform" => write(
                    root.join(format!("infra/terraform/{name}/main.tf")),
                    format!(
                        "variable \"vm_size\" {{\n  type    = string\n  default = \"{}\"\n}}\n\nresource \"azurerm_machine_learning_compute_cluster\" \"cluster\" {{\n  name                          = \"{name}\"\n  location                      = var.location\n  vm_priority                   = \"LowPriority\"\n  vm_size                       = var.vm_size\n  machine_learning_workspace_id = azurerm_machine_learning_workspace.ws.id\n  scale_settings {{\n    min_node_count                       = 0\n    max_node_count                       = 4\n    scale_down_nodes_after_idle_duration = \"PT30S\"\n  }}\n}}\n",
                        rng.pick(&CPU_SIZES)
                    ),
                ),
                "workflow" => write(
                    root.join(format!(".github/workflows/{name}.yml")),
                    workflow(&mut rng, &name),
                ),
                "r_script" => write(
                    root.join(format!("cli/jobs/r/{name}/train.R")),
                    String::from(
                        "library(optparse)\noptions <- list(make_option(c(\"-d\", \"--data_folder\"), default = \"./data\"))\nparser <- OptionParser(option_list = options)\nargs <- parse_args(parser)\ndata <- read.csv(file.path(args$data_folder, \"iris.csv\"))\nmodel <- lm(Sepal.Length ~ ., data = data)\nsummary(model)\nsaveRDS(model, \"./outputs/model.rds\")\n",
                    ),
                ),
                "data" => {
                    let mut csv =
                        String::from("sepal_length,sepal_width,petal_length,petal_width,species\n");
                    for _ in 0..200 {
                        let _ = writeln!(
                            csv,
                            "{}.{},{}.{},{}.{},0.{},setosa",
                            4 + rng.below(4),
                            rng.below(10),
                            2 + rng.below(3),
                            rng.below(10),
                            1 + rng.below(5),
                            rng.below(10),
                            rng.below(10)
                        );
                    }
                    write(root.join(format!("data/{name}.csv")), csv);
                }
                _ => unreachable!(),
            }
        }
    }
}

fn prose(rng: &mut Rng, words: usize) -> String {
    let mut s = String::from("# Example\n\n");
    for i in 0..words {
        s.push_str(rng.pick(&WORDS));
        s.push(if i % 12 == 11 { '\n' } else { ' ' });
    }
    s.push('\n');
    s
}

fn command_job(rng: &mut Rng, name: &str, fw: &str) -> String {
    let compute = if rng.below(3) == 0 {
        "gpu-cluster"
    } else {
        "cpu-cluster"
    };
    let mut s = format!(
        "$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json\ncode: src\ncommand: >-\n  python main.py\n  --data ${{{{inputs.data}}}}\n  --learning_rate ${{{{inputs.learning_rate}}}}\n  --epochs ${{{{inputs.epochs}}}}\ninputs:\n  data:\n    type: uri_folder\n    path: azureml:{name}-data@latest\n  learning_rate: 0.0{}\n  epochs: {}\nenvironment: azureml:AzureML-{fw}-ubuntu22.04-py310-cpu@latest\ncompute: azureml:{compute}\ndisplay_name: {name}\nexperiment_name: {fw}-examples\ndescription: |\n  Trains a {fw} model on the {name} data and logs its metrics.\n  The data is read from the registered data asset; the model is written to the outputs.\noutputs:\n  model_output:\n    type: mlflow_model\n  metrics:\n    type: uri_file\ntags:\n  framework: {fw}\n  task: classification\n  owner: examples\n# <job_settings>\n# The settings below are the defaults of the CLI; they are shown for the example.\n# </job_settings>\n",
        1 + rng.below(9),
        5 + rng.below(50)
    );
    if compute == "gpu-cluster" {
        let _ = write!(
            s,
            "resources:\n  instance_count: {}\ndistribution:\n  type: pytorch\n  process_count_per_instance: 1\n",
            1 + rng.below(4)
        );
    }
    s
}

fn component(rng: &mut Rng, step: &str) -> String {
    format!(
        "$schema: https://azuremlschemas.azureedge.net/latest/commandComponent.schema.json\nname: {step}_step\ndisplay_name: {step}\nversion: {}\ntype: command\ninputs:\n  data:\n    type: uri_folder\n  max_epochs:\n    type: integer\n    default: {}\noutputs:\n  out:\n    type: uri_folder\ncode: ./{step}_src\nenvironment: azureml:AzureML-sklearn-1.5-ubuntu22.04-py39-cpu@latest\ncommand: >-\n  python {step}.py --data ${{{{inputs.data}}}} --max_epochs ${{{{inputs.max_epochs}}}} --out ${{{{outputs.out}}}}\n",
        1 + rng.below(3),
        5 + rng.below(20)
    )
}

fn pipeline(rng: &mut Rng, name: &str) -> String {
    let mut s = format!(
        "$schema: https://azuremlschemas.azureedge.net/latest/pipelineJob.schema.json\ntype: pipeline\ndisplay_name: {name}\ndescription: E2E pipeline that prepares the data, trains a model and evaluates it\n\ninputs:\n  pipeline_job_training_max_epocs: {}\n  pipeline_job_training_learning_rate: 1.{}\n  pipeline_job_learning_rate_schedule: 'time-based'\n  raw:\n    type: uri_folder\n    path: ./data\n\noutputs:\n  pipeline_job_trained_model:\n    mode: upload\n  pipeline_job_scored_data:\n    mode: upload\n\nsettings:\n  default_compute: azureml:cpu-cluster\n  continue_on_step_failure: false\n\njobs:\n  prep:\n    type: command\n    component: ./prep.yml\n    inputs:\n      data: ${{{{parent.inputs.raw}}}}\n  train:\n    type: command\n    component: ./train.yml\n    inputs:\n      data: ${{{{parent.jobs.prep.outputs.out}}}}\n      max_epochs: ${{{{parent.inputs.pipeline_job_training_max_epocs}}}}\n    services:\n      my_vscode:\n        type: vs_code\n      my_tensorboard:\n        type: tensor_board\n        log_dir: \"outputs/tblogs\"\n    #  my_ssh:\n    #    type: tensor_board\n    #    nodes: all # Use the `nodes` property to pick which node you want to enable interactive services on.\n",
        5 + rng.below(20),
        rng.below(9)
    );
    for step in 0..(2 + rng.below(5)) {
        let _ = write!(
            s,
            "\n  {}_{step}:\n    type: command\n    component: azureml:my_{}@latest\n    inputs:\n      model_input: ${{{{parent.jobs.train.outputs.out}}}}\n      test_data:\n        type: uri_folder\n        path: ./data\n    outputs:\n      score_output: ${{{{parent.outputs.pipeline_job_scored_data}}}}\n",
            rng.pick(&WORDS),
            rng.pick(&WORDS)
        );
    }
    s
}

fn deployment(rng: &mut Rng, name: &str) -> String {
    let size = if rng.below(5) == 0 {
        rng.pick(&GPU_SIZES)
    } else {
        rng.pick(&CPU_SIZES)
    };
    format!(
        "$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json\nname: blue\nendpoint_name: {name}\nmodel:\n  path: ../../model-1/model/\ncode_configuration:\n  code: ./\n  scoring_script: score.py\nenvironment:\n  conda_file: ../../model-1/environment/conda.yaml\n  image: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest\ninstance_type: {size}\ninstance_count: {}\nrequest_settings:\n  request_timeout_ms: 3000\n  max_concurrent_requests_per_instance: 1\n",
        1 + rng.below(3)
    )
}

fn conda(rng: &mut Rng) -> String {
    let mut s = String::from(
        "name: model-env\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.10\n  - pip\n  - pip:\n",
    );
    for package in [
        "azureml-mlflow",
        "mlflow",
        "pandas",
        "scikit-learn",
        "numpy",
        "torch",
    ] {
        if rng.below(3) != 0 {
            let _ = writeln!(s, "    - {package}=={}.{}", 1 + rng.below(3), rng.below(20));
        }
    }
    s
}

fn shell(rng: &mut Rng, name: &str) -> String {
    let size = rng.pick(&CPU_SIZES);
    let mut s = format!(
        "#!/bin/bash\nset -e\n\n# <create_compute>\naz ml compute create -n cpu-cluster --type amlcompute --size {size} --min-instances 0 --max-instances 4\n# </create_compute>\n\nENDPOINT_NAME=\"{name}-$RANDOM\"\nexport RESOURCE_GROUP=${{RESOURCE_GROUP:-rg-azureml}}\n"
    );
    for _ in 0..(10 + rng.below(60)) {
        let _ = writeln!(
            s,
            "az ml job create --file jobs/{}/{}.yml --set inputs.epochs={} --stream",
            rng.pick(&WORDS),
            rng.pick(&WORDS),
            rng.below(50)
        );
        if rng.below(4) == 0 {
            let _ = writeln!(
                s,
                "if [[ \"$status\" != \"Completed\" ]]; then\n  echo \"job failed: $status\"\n  exit 1\nfi"
            );
        }
    }
    s
}

/// A script of `least` to `least + spread` lines of code.
fn python_script(rng: &mut Rng, least: usize, spread: usize) -> String {
    let lines = least + rng.below(spread);
    let mut s = String::from(
        "import argparse\nimport os\n\nimport mlflow\nimport pandas as pd\nfrom sklearn.model_selection import train_test_split\n\n\ndef parse_args():\n    parser = argparse.ArgumentParser()\n    parser.add_argument(\"--data\", type=str, default=\"./data\")\n    parser.add_argument(\"--learning_rate\", type=float, default=0.01)\n    parser.add_argument(\"--epochs\", type=int, default=10)\n    return parser.parse_args()\n\n\n",
    );
    for i in 0..lines {
        let (a, b) = (rng.pick(&WORDS), rng.pick(&WORDS));
        match rng.below(5) {
            0 => {
                let _ = writeln!(
                    s,
                    "def {a}_{b}_{i}(frame, {b}):\n    \"\"\"Computes the {a} of the {b}.\"\"\""
                );
            }
            1 => {
                let _ = writeln!(
                    s,
                    "    {a}_{b} = frame[\"{b}\"].apply(lambda value: value * {i})"
                );
            }
            2 => {
                let _ = writeln!(
                    s,
                    "    mlflow.log_metric(\"{a}_{b}\", float({a}_{b}.mean()))"
                );
            }
            3 => {
                let _ = writeln!(
                    s,
                    "    # {a} the {b} before the next step\n    return {a}_{b}\n"
                );
            }
            _ => {
                let _ = writeln!(
                    s,
                    "    train, test = train_test_split(frame, test_size=0.{}, random_state={i})",
                    1 + rng.below(4)
                );
            }
        }
    }
    s.push_str("\n\nif __name__ == \"__main__\":\n    args = parse_args()\n    print(args)\n");
    s
}

/// A JSON string of `text`.
fn json_string(text: &str) -> String {
    let mut s = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => s.push_str("\\\""),
            '\\' => s.push_str("\\\\"),
            '\n' => s.push_str("\\n"),
            c => s.push(c),
        }
    }
    s.push('"');
    s
}

fn notebook(rng: &mut Rng, name: &str) -> String {
    let mut cells = Vec::new();
    let code = |lines: &[String]| {
        let source: Vec<String> = lines
            .iter()
            .map(|l| json_string(&format!("{l}\n")))
            .collect();
        source.join(",\n    ")
    };
    cells.push(format!(
        "  {{\n   \"cell_type\": \"markdown\",\n   \"metadata\": {{}},\n   \"source\": [\n    {}\n   ]\n  }}",
        code(&[format!("# {name}"), String::new(), "Trains and deploys a model with the Azure ML SDK v2.".into()])
    ));
    let size = if rng.below(3) == 0 {
        rng.pick(&GPU_SIZES)
    } else {
        rng.pick(&CPU_SIZES)
    };
    let cell_count = 12 + rng.below(30);
    for i in 0..cell_count {
        let lines: Vec<String> = match i {
            0 => vec![
                "from azure.ai.ml import MLClient, command, Input".into(),
                "from azure.ai.ml.entities import AmlCompute".into(),
                "from azure.identity import DefaultAzureCredential".into(),
                "ml_client = MLClient.from_config(credential=DefaultAzureCredential())".into(),
            ],
            1 => vec![
                format!(
                    "cluster = AmlCompute(name=\"{name}-cluster\", size=\"{size}\", min_instances=0, max_instances=4)"
                ),
                "ml_client.begin_create_or_update(cluster).result()".into(),
            ],
            _ => (0..(3 + rng.below(12)))
                .map(|j| {
                    format!(
                        "{}_{} = {}({}, step={j})",
                        rng.pick(&WORDS),
                        rng.pick(&WORDS),
                        rng.pick(&WORDS),
                        rng.pick(&WORDS)
                    )
                })
                .collect(),
        };
        let mut outputs = String::new();
        if rng.below(12) == 0 {
            // An image, in base64: most of a notebook's bytes.
            let bytes = 2_000 + rng.below(28_000);
            let mut png = String::with_capacity(bytes);
            for _ in 0..bytes {
                png.push(char::from(BASE64[rng.below(64)]));
            }
            let _ = write!(
                outputs,
                "\n    {{\n     \"data\": {{\n      \"image/png\": \"{png}\",\n      \"text/plain\": [\n       \"<Figure size 640x480 with 1 Axes>\"\n      ]\n     }},\n     \"metadata\": {{}},\n     \"output_type\": \"display_data\"\n    }}\n   "
            );
        } else if rng.below(2) == 0 {
            let _ = write!(
                outputs,
                "\n    {{\n     \"name\": \"stdout\",\n     \"output_type\": \"stream\",\n     \"text\": [\n      \"epoch {} loss 0.{}\\n\"\n     ]\n    }}\n   ",
                rng.below(50),
                rng.below(1000)
            );
        }
        cells.push(format!(
            "  {{\n   \"cell_type\": \"code\",\n   \"execution_count\": {i},\n   \"metadata\": {{}},\n   \"outputs\": [{outputs}],\n   \"source\": [\n    {}\n   ]\n  }}",
            code(&lines)
        ));
    }
    format!(
        "{{\n \"cells\": [\n{}\n ],\n \"metadata\": {{\n  \"kernelspec\": {{\n   \"display_name\": \"Python 3.10 - SDK v2\",\n   \"language\": \"python\",\n   \"name\": \"python310-sdkv2\"\n  }}\n }},\n \"nbformat\": 4,\n \"nbformat_minor\": 4\n}}\n",
        cells.join(",\n")
    )
}

fn arm(rng: &mut Rng, name: &str) -> String {
    format!(
        "{{\n  \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\",\n  \"contentVersion\": \"1.0.0.0\",\n  \"parameters\": {{\n    \"workspaceName\": {{ \"type\": \"string\" }},\n    \"location\": {{ \"type\": \"string\", \"defaultValue\": \"[resourceGroup().location]\" }},\n    \"vmSize\": {{ \"type\": \"string\", \"defaultValue\": \"{}\" }}\n  }},\n  \"resources\": [\n    {{\n      \"type\": \"Microsoft.MachineLearningServices/workspaces/computes\",\n      \"apiVersion\": \"2024-04-01\",\n      \"name\": \"[concat(parameters('workspaceName'), '/{name}')]\",\n      \"location\": \"[parameters('location')]\",\n      \"properties\": {{\n        \"computeType\": \"AmlCompute\",\n        \"properties\": {{\n          \"vmSize\": \"[parameters('vmSize')]\",\n          \"scaleSettings\": {{ \"minNodeCount\": 0, \"maxNodeCount\": {} }}\n        }}\n      }}\n    }}\n  ]\n}}\n",
        rng.pick(&CPU_SIZES),
        1 + rng.below(8)
    )
}

fn workflow(rng: &mut Rng, name: &str) -> String {
    let mut s = format!(
        "# This code is autogenerated.\n# Code is generated by running custom script: python3 readme.py\n# Any manual changes to this file may cause incorrect behavior.\n# Any manual changes will be overwritten if the code is regenerated.\n\nname: {name}\non:\n  workflow_dispatch:\n  schedule:\n    - cron: \"{} {} * * *\"\n  pull_request:\n    branches:\n      - main\n    paths:\n      - cli/jobs/{name}/**\n      - infra/bootstrapping/**\n      - .github/workflows/{name}.yml\n      - cli/setup.sh\npermissions:\n  id-token: write\nconcurrency:\n  group: ${{{{ github.workflow }}}}-${{{{ github.event.pull_request.number || github.ref }}}}\n  cancel-in-progress: true\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n    - name: check out repo\n      uses: actions/checkout@v4\n    - name: azure login\n      uses: azure/login@v2\n      with:\n        client-id: ${{{{ secrets.OIDC_AZURE_CLIENT_ID }}}}\n        tenant-id: ${{{{ secrets.OIDC_AZURE_TENANT_ID }}}}\n        subscription-id: ${{{{ secrets.OIDC_AZURE_SUBSCRIPTION_ID }}}}\n    - name: bootstrap resources\n      run: |\n          echo '${{{{ secrets.AZUREML_CREDENTIALS }}}}' | jq -r '.clientSecret' | xargs -I % echo ::add-mask::%;\n          bash bootstrap.sh\n      working-directory: infra/bootstrapping\n      continue-on-error: false\n    - name: setup-cli\n      run: |\n          source \"${{{{ github.workspace }}}}/infra/bootstrapping/sdk_helpers.sh\";\n          source \"${{{{ github.workspace }}}}/infra/bootstrapping/init_environment.sh\";\n          bash setup.sh\n      working-directory: cli\n      continue-on-error: true\n",
        rng.below(60),
        rng.below(24),
    );
    for step in 0..(2 + rng.below(5)) {
        let _ = write!(
            s,
            "    - name: run {} step {step}\n      run: |\n          source \"${{{{ github.workspace }}}}/infra/bootstrapping/sdk_helpers.sh\";\n          source \"${{{{ github.workspace }}}}/infra/bootstrapping/init_environment.sh\";\n          bash -x ../../run-job.sh {}.yml\n      working-directory: cli/jobs/{name}\n      env:\n        EPOCHS: \"{}\"\n",
            rng.pick(&WORDS),
            rng.pick(&WORDS),
            rng.below(50)
        );
    }
    s
}
