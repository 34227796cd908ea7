//! Azure ML CLI v2 YAML files — compute, jobs, online and batch deployments — read into a
//! [`Plan`] and checked with [`validate`](crate::validate), with diagnostics pointing at the
//! file, line and column of the offending key. Needs the `yaml` feature.
//!
//! Precision on repositories nobody here wrote comes first:
//!
//! - Files are loaded as the Azure ML CLI loads them (PyYAML's `safe_load`; see the
//!   crate's YAML loader): what the CLI accepts is read, what it rejects is a `yaml-syntax`
//!   error with line and column — for files that look like Azure ML's; other YAML is listed
//!   as skipped, with the reason.
//! - Every Azure ML file kind is recognised by its `$schema`, or without one by its shape
//!   (`type` and the keys that go with it). Kinds this crate does not check (components,
//!   endpoints, data, environments, connections, workspaces, …) are `not-checked` notes.
//! - Identity follows Azure: a compute is its name; a job without `name` gets a generated
//!   one and is never a duplicate; a deployment is (online or batch, `endpoint_name`,
//!   `name`) and is not compared without `endpoint_name` (the CLI's `--endpoint-name`
//!   supplies it). A real duplicate is a warning — sample repositories define alternatives
//!   on purpose — that names both places.
//! - Templates: a file with `{{NAME}}` placeholders, which scripts substitute before use,
//!   gets one `template` note, never an error. Values that are placeholders (`{{NAME}}`,
//!   `<NAME>`, `$NAME`, `${{…}}` bindings) are unknown: never checked as sizes, computes,
//!   images or names.
//!
//! Mapping to the plan: a compute file becomes a [`ComputeDef`]; a job becomes a [`JobDef`]
//! whose target is its `compute` (`azureml:NAME`, resolved against the compute files of the
//! same project; `azureml:serverless` or no compute is serverless compute, sized by
//! `resources.instance_type`); `automl` jobs use automated ML and `pipeline` jobs ML
//! pipelines; the environment (an image or a curated name) is read for CUDA and framework
//! hints, and a CUDA or `gpu` hint marks the job as needing GPUs. A managed online deployment
//! is a real-time deployment to Azure ML endpoints sized by `instance_type`; a Kubernetes
//! online deployment one to Kubernetes; a batch deployment a batch deployment to endpoints.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::sources::walk;
use crate::sources::yaml::{self, Document, Mark, NodeRef, Tag};
use crate::{
    Code, ComputeDef, ComputeKind, DeploymentDef, Diagnostic, FileDiagnostic, InferenceMode,
    InferenceTarget, JobDef, Plan, ProjectReport, RelatedLocation, SkipReason, SkippedFile, Tier,
    environment_hints,
};

/// What kind of Azure ML file a YAML file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AzureMlKind {
    /// A compute definition (`amlcompute`, `computeinstance`, `kubernetes`, `virtualmachine`,
    /// `synapsespark`).
    Compute,
    /// A job (`command`, `sweep`, `pipeline`, `automl`, `spark`, `finetuning`,
    /// `distillation`, …).
    Job,
    /// A managed online deployment.
    ManagedOnlineDeployment,
    /// A Kubernetes online deployment.
    KubernetesOnlineDeployment,
    /// A batch deployment (legacy, model or pipeline component).
    BatchDeployment,
    /// A component (command, spark, pipeline, parallel, …).
    Component,
    /// A managed or Kubernetes online endpoint.
    OnlineEndpoint,
    /// A batch endpoint.
    BatchEndpoint,
    /// A serverless endpoint or marketplace subscription (`name` and `model_id`).
    ServerlessEndpoint,
    /// A deployment template.
    DeploymentTemplate,
    /// A data asset.
    Data,
    /// A data import.
    DataImport,
    /// A model.
    Model,
    /// An environment.
    Environment,
    /// A model package.
    ModelPackage,
    /// An index or data index.
    Index,
    /// A workspace, hub or project.
    Workspace,
    /// A registry.
    Registry,
    /// A connection.
    Connection,
    /// A datastore.
    Datastore,
    /// A schedule (job, data import or monitor).
    Schedule,
    /// A feature store.
    FeatureStore,
    /// A feature set.
    FeatureSet,
    /// A feature set specification.
    FeatureSetSpec,
    /// A feature store entity.
    FeatureStoreEntity,
    /// A prompt flow or flow run.
    PromptFlow,
    /// A capability host.
    CapabilityHost,
}

impl AzureMlKind {
    /// The kind in words.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            AzureMlKind::Compute => "compute",
            AzureMlKind::Job => "job",
            AzureMlKind::ManagedOnlineDeployment => "managed online deployment",
            AzureMlKind::KubernetesOnlineDeployment => "Kubernetes online deployment",
            AzureMlKind::BatchDeployment => "batch deployment",
            AzureMlKind::Component => "component",
            AzureMlKind::OnlineEndpoint => "online endpoint",
            AzureMlKind::BatchEndpoint => "batch endpoint",
            AzureMlKind::ServerlessEndpoint => "serverless endpoint",
            AzureMlKind::DeploymentTemplate => "deployment template",
            AzureMlKind::Data => "data asset",
            AzureMlKind::DataImport => "data import",
            AzureMlKind::Model => "model",
            AzureMlKind::Environment => "environment",
            AzureMlKind::ModelPackage => "model package",
            AzureMlKind::Index => "index",
            AzureMlKind::Workspace => "workspace",
            AzureMlKind::Registry => "registry",
            AzureMlKind::Connection => "connection",
            AzureMlKind::Datastore => "datastore",
            AzureMlKind::Schedule => "schedule",
            AzureMlKind::FeatureStore => "feature store",
            AzureMlKind::FeatureSet => "feature set",
            AzureMlKind::FeatureSetSpec => "feature set specification",
            AzureMlKind::FeatureStoreEntity => "feature store entity",
            AzureMlKind::PromptFlow => "prompt flow",
            AzureMlKind::CapabilityHost => "capability host",
        }
    }

    /// Whether this crate checks files of this kind (the others are read and noted).
    #[must_use]
    pub fn is_checked(self) -> bool {
        matches!(
            self,
            AzureMlKind::Compute
                | AzureMlKind::Job
                | AzureMlKind::ManagedOnlineDeployment
                | AzureMlKind::KubernetesOnlineDeployment
                | AzureMlKind::BatchDeployment
        )
    }
}

impl fmt::Display for AzureMlKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

// ---- typed models of the CLI v2 YAML shapes ---------------------------------------------

/// A compute file (`amlCompute`, `computeInstance`, `kubernetesCompute`, `vmCompute`,
/// `synapsespark` schemas): the keys that concern compute. With the `serde` feature it
/// deserializes from any serde YAML or JSON reader; unknown keys are ignored.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
#[non_exhaustive]
pub struct ComputeYaml {
    /// `$schema`.
    #[cfg_attr(feature = "serde", serde(rename = "$schema"))]
    pub schema: Option<String>,
    /// `name`.
    pub name: Option<String>,
    /// `type`: `amlcompute`, `computeinstance`, `kubernetes`, `virtualmachine`, `synapsespark`.
    #[cfg_attr(feature = "serde", serde(rename = "type"))]
    pub kind: Option<String>,
    /// `size`, the VM size.
    pub size: Option<String>,
    /// `tier`: `dedicated` or `low_priority` (clusters).
    pub tier: Option<String>,
    /// `min_instances` (clusters).
    pub min_instances: Option<u32>,
    /// `max_instances` (clusters).
    pub max_instances: Option<u32>,
    /// `idle_time_before_scale_down`, seconds (clusters).
    pub idle_time_before_scale_down: Option<u64>,
    /// `idle_time_before_shutdown_minutes` (instances).
    pub idle_time_before_shutdown_minutes: Option<u64>,
    /// `location`.
    pub location: Option<String>,
}

/// A job's or deployment's `environment`: a registered or curated name
/// (`azureml:AzureML-…@latest`) or an inline definition with an `image`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(untagged))]
#[non_exhaustive]
pub enum EnvironmentYaml {
    /// A name.
    Name(String),
    /// An inline environment.
    Inline {
        /// `image`, when given.
        #[cfg_attr(feature = "serde", serde(default))]
        image: Option<String>,
    },
}

impl EnvironmentYaml {
    /// The name or the image, whichever the environment gives.
    #[must_use]
    pub fn name_or_image(&self) -> Option<&str> {
        match self {
            EnvironmentYaml::Name(n) => Some(n),
            EnvironmentYaml::Inline { image } => image.as_deref(),
        }
    }
}

/// `resources` of a job or batch deployment.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
#[non_exhaustive]
pub struct ResourcesYaml {
    /// `instance_type`, the VM size of serverless jobs.
    pub instance_type: Option<String>,
    /// `instance_count`.
    pub instance_count: Option<u32>,
}

/// A pipeline job's `settings`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
#[non_exhaustive]
pub struct PipelineSettingsYaml {
    /// `default_compute`.
    pub default_compute: Option<String>,
}

/// A job file (`commandJob`, `sweepJob`, `pipelineJob`, `autoMLJob` schemas).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
#[non_exhaustive]
pub struct JobYaml {
    /// `$schema`.
    #[cfg_attr(feature = "serde", serde(rename = "$schema"))]
    pub schema: Option<String>,
    /// `name`.
    pub name: Option<String>,
    /// `display_name`.
    pub display_name: Option<String>,
    /// `type`: `command` (the default), `sweep`, `pipeline`, `automl`.
    #[cfg_attr(feature = "serde", serde(rename = "type"))]
    pub kind: Option<String>,
    /// `compute`: `azureml:NAME`, `azureml:serverless`, or absent (serverless).
    pub compute: Option<String>,
    /// `resources` (for a sweep, `trial.resources`).
    pub resources: Option<ResourcesYaml>,
    /// `environment` (for a sweep, `trial.environment`).
    pub environment: Option<EnvironmentYaml>,
    /// `settings` of a pipeline job.
    pub settings: Option<PipelineSettingsYaml>,
}

/// An online or batch deployment file (`managedOnlineDeployment`,
/// `kubernetesOnlineDeployment`, `batchDeployment`/`modelBatchDeployment` schemas).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
#[non_exhaustive]
pub struct DeploymentYaml {
    /// `$schema`.
    #[cfg_attr(feature = "serde", serde(rename = "$schema"))]
    pub schema: Option<String>,
    /// `name`.
    pub name: Option<String>,
    /// `endpoint_name`.
    pub endpoint_name: Option<String>,
    /// `type`: `managed` or `kubernetes` (online), `model` or `pipeline` (batch).
    #[cfg_attr(feature = "serde", serde(rename = "type"))]
    pub kind: Option<String>,
    /// `instance_type` (online): a VM size for managed deployments, a Kubernetes instance
    /// type for Kubernetes ones.
    pub instance_type: Option<String>,
    /// `instance_count` (online).
    pub instance_count: Option<u32>,
    /// `compute` (batch): `azureml:NAME`.
    pub compute: Option<String>,
    /// `resources` (batch).
    pub resources: Option<ResourcesYaml>,
    /// `environment`.
    pub environment: Option<EnvironmentYaml>,
}

/// One typed Azure ML document.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AzureMlFile {
    /// A compute definition.
    Compute(ComputeYaml),
    /// A job.
    Job(JobYaml),
    /// An online deployment (managed or Kubernetes).
    OnlineDeployment(DeploymentYaml),
    /// A batch deployment.
    BatchDeployment(DeploymentYaml),
    /// A file of a kind this crate recognises but does not model.
    Other(AzureMlKind),
}

/// A typed Azure ML document and where it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct AzureMlDocument {
    /// The file.
    pub file: PathBuf,
    /// The line the document starts on.
    pub line: usize,
    /// The document.
    pub content: AzureMlFile,
}

// ---- values: placeholders and bindings ---------------------------------------------------

/// `{{NAME}}` placeholders in a text (not `${{…}}` bindings): (byte offset, length, name).
fn template_placeholders(text: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = text[from..].find("{{") {
        let start = from + found;
        from = start + 2;
        if start > 0 && bytes[start - 1] == b'$' {
            continue;
        }
        let Some(close) = text[start + 2..].find("}}") else {
            break;
        };
        let inner = &text[start + 2..start + 2 + close];
        let name = inner.trim();
        let is_name = !name.is_empty()
            && name.len() <= 64
            && name
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'));
        if is_name {
            out.push((start, close + 4, name));
            from = start + close + 4;
        }
    }
    out
}

/// The text with each `{{NAME}}` replaced by a plain word of the same length
/// (`__NAME__`), so a template loads with every line and column in place.
fn fill_placeholders(text: &str, placeholders: &[(usize, usize, &str)]) -> (String, Vec<String>) {
    let mut filled = String::with_capacity(text.len());
    let mut tokens = Vec::new();
    let mut last = 0;
    for &(start, len, _) in placeholders {
        filled.push_str(&text[last..start]);
        let token: String = text[start..start + len]
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        filled.push_str(&token);
        tokens.push(token);
        last = start + len;
    }
    filled.push_str(&text[last..]);
    (filled, tokens)
}

/// Whether a value is a placeholder or binding whose real value is not in the file.
fn is_unknown_value(value: &str, tokens: &[String]) -> bool {
    let v = value.trim();
    v.contains("{{")
        || tokens.iter().any(|t| v.contains(t.as_str()))
        || (v.starts_with('<') && v.ends_with('>'))
        || v.contains("${")
        || v.match_indices('$')
            .any(|(i, _)| v[i + 1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '_'))
}

/// `azureml:NAME`, `azureml:NAME@label`, `azureml:NAME:version`, or an ARM id
/// `/subscriptions/…/computes/NAME` → `NAME`.
fn compute_name(s: &str) -> &str {
    let s = s.trim();
    if let Some(i) = s.to_ascii_lowercase().rfind("/computes/") {
        return &s[i + "/computes/".len()..];
    }
    let s = s.strip_prefix("azureml:").unwrap_or(s);
    s.split(['@', ':']).next().unwrap_or(s)
}

// ---- recognising a document --------------------------------------------------------------

/// What a document is.
enum Recognised {
    Kind(AzureMlKind),
    /// An Azure ML `$schema` this crate does not know.
    UnknownSchema(String),
    NotAzureMl,
}

/// The kind a `$schema` URL names, `None` if the URL is not Azure ML's.
fn kind_of_schema(url: &str) -> Option<Result<AzureMlKind, ()>> {
    let lower = url.trim().to_ascii_lowercase();
    let azure = [
        "azuremlschemas",
        "azuremlsdk2",
        "azureml/sdk-2-0",
        "componentsdk.azureedge.net",
    ]
    .iter()
    .any(|h| lower.contains(h));
    if !azure {
        return None;
    }
    if lower.contains("componentsdk.azureedge.net") {
        return Some(Ok(AzureMlKind::Component));
    }
    let file = lower.rsplit('/').next().unwrap_or_default();
    let name = file
        .strip_suffix(".schema.json")
        .or_else(|| file.strip_suffix(".json"))
        .unwrap_or(file);
    let kind = match name {
        "commandjob" | "sweepjob" | "pipelinejob" | "sparkjob" | "automljob" => AzureMlKind::Job,
        n if n.starts_with("automl") && n.ends_with("job") => AzureMlKind::Job,
        n if n.ends_with("component") => AzureMlKind::Component,
        "managedonlinedeployment" | "onlinedeployment" => AzureMlKind::ManagedOnlineDeployment,
        "kubernetesonlinedeployment" => AzureMlKind::KubernetesOnlineDeployment,
        "batchdeployment" | "modelbatchdeployment" | "pipelinecomponentbatchdeployment" => {
            AzureMlKind::BatchDeployment
        }
        "amlcompute"
        | "computeinstance"
        | "vmcompute"
        | "kubernetescompute"
        | "synapse"
        | "synapsespark"
        | "synapsesparkcompute"
        | "attachedcompute" => AzureMlKind::Compute,
        "managedonlineendpoint" | "kubernetesonlineendpoint" | "onlineendpoint" => {
            AzureMlKind::OnlineEndpoint
        }
        "batchendpoint" => AzureMlKind::BatchEndpoint,
        "serverlessendpoint" | "marketplacesubscription" => AzureMlKind::ServerlessEndpoint,
        "deploymenttemplate" => AzureMlKind::DeploymentTemplate,
        "data" | "mltable" => AzureMlKind::Data,
        "dataimport" => AzureMlKind::DataImport,
        "dataindex" | "index" => AzureMlKind::Index,
        "model" => AzureMlKind::Model,
        "environment" => AzureMlKind::Environment,
        "modelversionpackage" | "modelpackage" => AzureMlKind::ModelPackage,
        "workspace" | "hub" | "project" => AzureMlKind::Workspace,
        "registry" => AzureMlKind::Registry,
        n if n.ends_with("connection") => AzureMlKind::Connection,
        "azureblob" | "azurefile" | "azuredatalakegen1" | "azuredatalakegen2" | "onelake" => {
            AzureMlKind::Datastore
        }
        "schedule" | "monitorschedule" => AzureMlKind::Schedule,
        "featurestore" => AzureMlKind::FeatureStore,
        "featureset" => AzureMlKind::FeatureSet,
        "featuresetspec" => AzureMlKind::FeatureSetSpec,
        "featurestoreentity" => AzureMlKind::FeatureStoreEntity,
        "flow" | "run" => AzureMlKind::PromptFlow,
        "capabilityhost" => AzureMlKind::CapabilityHost,
        _ => return Some(Err(())),
    };
    Some(Ok(kind))
}

const COMPUTE_TYPES: &[&str] = &[
    "amlcompute",
    "computeinstance",
    "virtualmachine",
    "synapsespark",
];
const DATASTORE_TYPES: &[&str] = &[
    "azure_blob",
    "azure_file",
    "azure_data_lake_gen1",
    "azure_data_lake_gen2",
    "one_lake",
];
const CONNECTION_TYPES: &[&str] = &[
    "git",
    "container_registry",
    "python_feed",
    "s3",
    "snowflake",
    "azure_sql_db",
    "azure_synapse_analytics",
    "azure_my_sql_db",
    "azure_postgres_db",
    "custom",
    "azure_open_ai",
    "azure_one_lake",
    "api_key",
    "open_ai",
    "serp",
    "serverless",
    "azure_content_safety",
    "azure_speech_services",
    "azure_ai_search",
    "azure_ai_services",
    "azure_blob",
    "azure_data_lake_gen2",
];

/// The kind of a document without `$schema`, from its `type` and keys.
fn kind_of_shape(root: NodeRef<'_>) -> Option<AzureMlKind> {
    let has = |k: &str| root.get(k).is_some();
    let ty = root
        .get("type")
        .and_then(|(t, _)| t.str())
        .map(str::to_ascii_lowercase);
    let component_markers = has("version") || has("is_deterministic") || has("additional_includes");
    let deployment_keys = has("model") || has("code_configuration") || has("environment");
    let kind = match ty.as_deref() {
        Some(t) if COMPUTE_TYPES.contains(&t) => AzureMlKind::Compute,
        Some("kubernetes") if has("endpoint_name") || has("instance_type") || deployment_keys => {
            AzureMlKind::KubernetesOnlineDeployment
        }
        Some("kubernetes") if has("resource_id") || has("namespace") => AzureMlKind::Compute,
        Some("managed") if has("endpoint_name") || has("instance_type") || deployment_keys => {
            AzureMlKind::ManagedOnlineDeployment
        }
        Some("model" | "pipeline")
            if has("endpoint_name")
                || (has("compute") && (has("settings") || has("resources")))
                || (ty.as_deref() == Some("model") && has("mini_batch_size")) =>
        {
            AzureMlKind::BatchDeployment
        }
        Some(
            "command" | "pipeline" | "spark" | "parallel" | "automl" | "import" | "data_transfer",
        ) if component_markers => AzureMlKind::Component,
        Some("command") if has("command") || has("compute") || has("resources") => AzureMlKind::Job,
        Some("pipeline") if has("jobs") || has("settings") => AzureMlKind::Job,
        Some("sweep") if has("trial") || has("search_space") || has("objective") => {
            AzureMlKind::Job
        }
        Some("automl") if has("task") => AzureMlKind::Job,
        Some("spark") if has("entry") || has("conf") => AzureMlKind::Job,
        Some("finetuning") if has("model_provider") || has("task") => AzureMlKind::Job,
        Some("distillation") if has("data_generation_type") || has("student_model") => {
            AzureMlKind::Job
        }
        Some("custom_model" | "mlflow_model" | "triton_model") if has("path") => AzureMlKind::Model,
        Some("uri_file" | "uri_folder" | "mltable") if has("source") => AzureMlKind::DataImport,
        Some("uri_file" | "uri_folder" | "mltable") if has("path") => AzureMlKind::Data,
        Some(t)
            if DATASTORE_TYPES.contains(&t)
                && (has("account_name") || has("store_name") || has("one_lake_workspace_name"))
                && !has("target") =>
        {
            AzureMlKind::Datastore
        }
        Some(t)
            if CONNECTION_TYPES.contains(&t)
                && (has("target")
                    || has("credentials")
                    || has("api_key")
                    || has("endpoint")
                    || has("azure_endpoint")
                    || has("url")
                    || has("api_base")) =>
        {
            AzureMlKind::Connection
        }
        None if has("endpoint_name") && has("instance_type") => {
            AzureMlKind::ManagedOnlineDeployment
        }
        None if has("endpoint_name")
            && (has("compute")
                || has("settings")
                || has("mini_batch_size")
                || has("component")
                || has("resources")) =>
        {
            AzureMlKind::BatchDeployment
        }
        None if has("instance_type") && has("instance_count") && deployment_keys => {
            AzureMlKind::ManagedOnlineDeployment
        }
        None if (has("mini_batch_size") || has("retry_settings") || has("output_action"))
            && (has("model") || has("compute")) =>
        {
            AzureMlKind::BatchDeployment
        }
        None if has("command") && (has("environment") || has("compute") || has("code")) => {
            if component_markers {
                AzureMlKind::Component
            } else {
                AzureMlKind::Job
            }
        }
        None if has("model_id") && has("name") => AzureMlKind::ServerlessEndpoint,
        None if has("replication_locations") => AzureMlKind::Registry,
        None if root
            .get("kind")
            .and_then(|(k, _)| k.str())
            .is_some_and(|k| matches!(k.to_ascii_lowercase().as_str(), "hub" | "project")) =>
        {
            AzureMlKind::Workspace
        }
        None if has("managed_network") || has("hbi_workspace") || has("image_build_compute") => {
            AzureMlKind::Workspace
        }
        None if (has("create_job") || has("create_monitor") || has("import_data"))
            && has("trigger") =>
        {
            AzureMlKind::Schedule
        }
        None if has("offline_store") || has("online_store") || has("materialization_identity") => {
            AzureMlKind::FeatureStore
        }
        None if has("specification") && has("entities") => AzureMlKind::FeatureSet,
        None if has("features") && has("index_columns") && has("source") => {
            AzureMlKind::FeatureSetSpec
        }
        None if has("index_columns") && has("name") => AzureMlKind::FeatureStoreEntity,
        None if has("target_environment") || has("inferencing_server") => AzureMlKind::ModelPackage,
        None if has("capability_host_kind") => AzureMlKind::CapabilityHost,
        None if has("default_instance_type") || has("allowed_instance_types") => {
            AzureMlKind::DeploymentTemplate
        }
        None if has("conda_file")
            || (has("image")
                && (has("name") || has("inference_config") || has("os_type"))
                && !has("services")) =>
        {
            AzureMlKind::Environment
        }
        None if has("auth_mode") && (has("traffic") || has("mirror_traffic")) => {
            AzureMlKind::OnlineEndpoint
        }
        None if has("auth_mode") && has("defaults") => AzureMlKind::BatchEndpoint,
        _ => return None,
    };
    Some(kind)
}

fn recognise(root: NodeRef<'_>) -> Recognised {
    if !root.is_mapping() {
        return Recognised::NotAzureMl;
    }
    if let Some((schema, _)) = root.get("$schema") {
        let url = schema.text().unwrap_or_default();
        match kind_of_schema(url) {
            Some(Ok(kind)) => return Recognised::Kind(refine(root, kind)),
            Some(Err(())) => return Recognised::UnknownSchema(url.to_owned()),
            None => {}
        }
    }
    match kind_of_shape(root) {
        Some(kind) => Recognised::Kind(kind),
        None => Recognised::NotAzureMl,
    }
}

/// A schema names a family; `type` may say more (an online deployment of `type:
/// kubernetes`).
fn refine(root: NodeRef<'_>, kind: AzureMlKind) -> AzureMlKind {
    let ty = root
        .get("type")
        .and_then(|(t, _)| t.str())
        .map(str::to_ascii_lowercase);
    match (kind, ty.as_deref()) {
        (AzureMlKind::ManagedOnlineDeployment, Some("kubernetes")) => {
            AzureMlKind::KubernetesOnlineDeployment
        }
        _ => kind,
    }
}

/// Signs that a text which does not load was meant as an Azure ML file.
fn looks_like_azure_ml(text: &str) -> bool {
    [
        "azuremlschemas",
        "azuremlsdk2",
        "azureml/sdk-2-0",
        "azureml:",
    ]
    .iter()
    .any(|s| text.contains(s))
}

// ---- the project -------------------------------------------------------------------------

/// Where a plan entry's fields come from.
#[derive(Debug, Clone, Default)]
struct Origin {
    file: PathBuf,
    /// Plan field name -> (YAML key path, key position).
    fields: Vec<(&'static str, String, Mark)>,
    /// Where the document starts.
    start: Mark,
}

impl Origin {
    fn field(&self, name: &str) -> Option<(&str, Mark)> {
        self.fields
            .iter()
            .find(|(f, _, _)| *f == name)
            .map(|(_, k, m)| (k.as_str(), *m))
    }
}

/// An identity Azure would enforce, and where it was defined.
#[derive(Debug, Clone)]
struct Identity {
    /// `compute`, `job`, `online deployment`, `batch deployment`.
    what: &'static str,
    /// What the message calls it (`"gpu-cluster"`, `"blue" of endpoint "my-endpoint"`).
    shown: String,
    /// The comparison key.
    key: String,
    file: PathBuf,
    mark: Mark,
}

/// A set of Azure ML YAML files read into one plan, ready to check.
///
/// ```
/// use aml_targets::{AzureMlProject, Code};
///
/// let compute = "$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
/// name: gpu-cluster
/// type: amlcompute
/// size: Standard_NC6
/// ";
/// let job = "$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json
/// command: python train.py
/// compute: azureml:gpu-cluster
/// environment: mcr.microsoft.com/azureml/openmpi4.1.0-cuda12.1-cudnn8-ubuntu22.04:latest
/// ";
/// let project = AzureMlProject::from_sources([
///     ("compute/gpu.yml", compute),
///     ("jobs/train.yml", job),
/// ]);
/// let report = project.check("2026-11-26".parse()?);
/// let codes: Vec<Code> = report.diagnostics.iter().map(|d| d.diagnostic.code).collect();
/// assert_eq!(codes, [Code::RetiredSeries, Code::CudaNvidia]);
/// assert_eq!(report.diagnostics[0].line, Some(4)); // the `size:` key
/// assert_eq!(report.diagnostics[1].file.to_str(), Some("jobs/train.yml"));
/// # Ok::<(), aml_targets::ParseDateError>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct AzureMlProject {
    documents: Vec<AzureMlDocument>,
    plan: Plan,
    compute: Vec<Origin>,
    jobs: Vec<Origin>,
    deployments: Vec<Origin>,
    identities: Vec<Identity>,
    /// Diagnostics found while reading (syntax errors, unchecked kinds, templates, bad
    /// values, unresolved compute).
    reading: Vec<FileDiagnostic>,
    files_read: usize,
    skipped: Vec<SkippedFile>,
}

/// A path that could not be read at all (it does not exist, or is not readable).
#[derive(Debug, thiserror::Error)]
#[error("{}: {source}", path.display())]
#[non_exhaustive]
pub struct ReadError {
    /// The path.
    pub path: PathBuf,
    /// Why.
    #[source]
    pub source: std::io::Error,
}

/// What one document yields while it is read.
struct Reader<'p, 'd> {
    path: &'p Path,
    root: NodeRef<'d>,
    /// The placeholders' stand-ins when the file is a template.
    tokens: &'p [String],
    /// Placeholders met in checked values.
    placeholders_met: bool,
    diagnostics: Vec<FileDiagnostic>,
}

impl<'d> Reader<'_, 'd> {
    fn diagnostic(&mut self, code: Code, mark: Option<Mark>, location: &str, message: String) {
        let mut d = FileDiagnostic::new(
            self.path,
            mark.map(Mark::line1),
            Diagnostic::new(code, message, location),
        );
        d.column = mark.map(Mark::column1);
        self.diagnostics.push(d);
    }

    /// The node at a dotted key path, and the position of its last key.
    fn node(&self, path: &str) -> Option<(NodeRef<'d>, Mark)> {
        let mut node = self.root;
        let mut mark = None;
        for key in path.split('.') {
            let (next, m) = node.get(key)?;
            node = next;
            mark = Some(m);
        }
        mark.map(|m| (node, m))
    }

    /// A string value; a placeholder is `None` (and remembered); a value of the wrong
    /// shape is an `invalid-value` error naming the key.
    fn string(&mut self, path: &str, lines: &mut Vec<(String, Mark)>) -> Option<String> {
        let (node, mark) = self.node(path)?;
        if node.is_null() {
            return None;
        }
        let Some(text) = node.text() else {
            self.diagnostic(
                Code::InvalidValue,
                Some(mark),
                path,
                format!("`{path}` is a list or mapping; a single value is expected"),
            );
            return None;
        };
        if is_unknown_value(text, self.tokens) {
            if !template_placeholders(text).is_empty()
                || self.tokens.iter().any(|t| text.contains(t.as_str()))
            {
                self.placeholders_met = true;
            }
            return None;
        }
        lines.push((path.to_owned(), mark));
        Some(text.to_owned())
    }

    /// A count (an integer, 0 or more, that fits); anything else is an `invalid-value` error.
    fn count<T: TryFrom<u64>>(&mut self, path: &str, lines: &mut Vec<(String, Mark)>) -> Option<T> {
        let (node, mark) = self.node(path)?;
        if node.is_null() {
            return None;
        }
        let text = node.text();
        if text.is_some_and(|t| is_unknown_value(t, self.tokens)) {
            return None;
        }
        let parsed = match (node.tag(), text) {
            (Tag::Int, Some(t)) => parse_yaml_int(t),
            (Tag::Str, Some(t)) => t.trim().parse::<u64>().ok(),
            _ => None,
        };
        if let Some(n) = parsed.and_then(|n| T::try_from(n).ok()) {
            lines.push((path.to_owned(), mark));
            Some(n)
        } else {
            {
                let shown = text.map_or_else(
                    || "a list or mapping".to_owned(),
                    |t| format!("{:?}", crate::error::Quoted(t).to_string()),
                );
                self.diagnostic(
                    Code::InvalidValue,
                    Some(mark),
                    path,
                    format!(
                        "`{path}` is {shown}; a whole number from 0 to {} is expected",
                        max_of::<T>()
                    ),
                );
                None
            }
        }
    }

    /// `environment`: a name, or an inline mapping with an `image`.
    fn environment(
        &mut self,
        path: &str,
        lines: &mut Vec<(String, Mark)>,
    ) -> Option<EnvironmentYaml> {
        let (node, mark) = self.node(path)?;
        if node.is_mapping() {
            let image = node
                .get("image")
                .and_then(|(i, _)| i.text())
                .filter(|i| !is_unknown_value(i, self.tokens))
                .map(str::to_owned);
            lines.push((path.to_owned(), mark));
            return Some(EnvironmentYaml::Inline { image });
        }
        self.string(path, lines).map(EnvironmentYaml::Name)
    }
}

/// The largest value of a count type, for messages.
fn max_of<T: TryFrom<u64>>() -> u64 {
    // Binary search for the largest u64 that converts.
    let (mut lo, mut hi) = (0_u64, u64::MAX);
    while lo < hi {
        let mid = lo + (hi - lo).div_ceil(2);
        if T::try_from(mid).is_ok() {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    lo
}

/// A YAML 1.1 integer as PyYAML reads it (`0x1F`, `017`, `1_000`, `1:30`), if not negative.
fn parse_yaml_int(text: &str) -> Option<u64> {
    let t: String = text.chars().filter(|&c| c != '_').collect();
    let t = t.strip_prefix('+').unwrap_or(&t);
    if let Some(negative) = t.strip_prefix('-') {
        return negative.chars().all(|c| c == '0').then_some(0);
    }
    if let Some(hex) = t.strip_prefix("0x") {
        return u64::from_str_radix(hex, 16).ok();
    }
    if let Some(bin) = t.strip_prefix("0b") {
        return u64::from_str_radix(bin, 2).ok();
    }
    if t.contains(':') {
        return t.split(':').try_fold(0_u64, |acc, part| {
            acc.checked_mul(60)?.checked_add(part.parse::<u64>().ok()?)
        });
    }
    if t.len() > 1 && t.starts_with('0') {
        return u64::from_str_radix(&t[1..], 8).ok();
    }
    t.parse().ok()
}

impl AzureMlProject {
    /// Reads files given as (path, contents); paths only name them in diagnostics. Files
    /// whose names do not end in `.yml` or `.yaml` are skipped.
    pub fn from_sources<P: AsRef<Path>, S: AsRef<str>>(
        sources: impl IntoIterator<Item = (P, S)>,
    ) -> AzureMlProject {
        let mut project = AzureMlProject::default();
        for (path, text) in sources {
            let path = path.as_ref();
            if is_yaml_name(path) {
                project.add(path, text.as_ref());
            } else {
                project
                    .skipped
                    .push(SkippedFile::new(path, SkipReason::NotChecked));
            }
        }
        project.resolve();
        project
    }

    /// Reads every `.yml` and `.yaml` file under each path, each once: files are read as
    /// they are; directories are walked in name order, not entering `.git`, `target`,
    /// `node_modules` or hidden folders other than `.github`, following symbolic links only
    /// to places inside the given paths not yet read. Files that cannot be read, are not
    /// regular files, are not UTF-8 or are larger than 4 MiB are listed in the report's
    /// `skipped` with the reason.
    ///
    /// # Errors
    ///
    /// A given path that does not exist or cannot be read.
    pub fn read_paths<P: AsRef<Path>>(
        paths: impl IntoIterator<Item = P>,
    ) -> Result<AzureMlProject, ReadError> {
        let roots: Vec<PathBuf> = paths.into_iter().map(|p| p.as_ref().to_owned()).collect();
        let walked = walk::walk(&roots, is_yaml_name)
            .map_err(|(path, source)| ReadError { path, source })?;
        let mut project = AzureMlProject {
            skipped: walked.skipped,
            ..AzureMlProject::default()
        };
        for file in &walked.files {
            project.add(&file.path, &file.text);
        }
        project.resolve();
        Ok(project)
    }

    /// The plan the files make.
    #[must_use]
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The Azure ML documents read, typed, in reading order.
    #[must_use]
    pub fn documents(&self) -> &[AzureMlDocument] {
        &self.documents
    }

    fn note_at(
        &mut self,
        file: &Path,
        mark: Option<Mark>,
        code: Code,
        location: &str,
        message: String,
    ) {
        let mut d = FileDiagnostic::new(
            file,
            mark.map(Mark::line1),
            Diagnostic::new(code, message, location),
        );
        d.column = mark.map(Mark::column1);
        self.reading.push(d);
    }

    fn add(&mut self, path: &Path, text: &str) {
        let placeholders = template_placeholders(text);
        let (doc, tokens, filled) = match yaml::load(text) {
            Ok(doc) => (doc, Vec::new(), false),
            Err(e) if placeholders.is_empty() => {
                if looks_like_azure_ml(text) {
                    self.files_read += 1;
                    let mut d = FileDiagnostic::new(
                        path,
                        Some(e.mark.line1()),
                        Diagnostic::new(
                            Code::YamlSyntax,
                            format!("does not load as the Azure ML CLI loads it: {e}"),
                            "",
                        )
                        .with_help("fix the YAML so that PyYAML's `yaml.safe_load` reads it"),
                    );
                    d.column = Some(e.mark.column1());
                    self.reading.push(d);
                } else {
                    self.skipped
                        .push(SkippedFile::new(path, SkipReason::NotLoadable));
                }
                return;
            }
            Err(first) => {
                let (filled_text, tokens) = fill_placeholders(text, &placeholders);
                if let Ok(doc) = yaml::load(&filled_text) {
                    (doc, tokens, true)
                } else {
                    {
                        if looks_like_azure_ml(text) {
                            self.files_read += 1;
                            let names = placeholder_list(&placeholders);
                            let mark = offset_mark(text, placeholders[0].0);
                            self.note_at(
                                path,
                                Some(mark),
                                Code::Template,
                                "",
                                format!(
                                    "a template with placeholders {names}; it does not load until they are filled in ({first}), so it is not checked"
                                ),
                            );
                        } else {
                            self.skipped
                                .push(SkippedFile::new(path, SkipReason::NotLoadable));
                        }
                        return;
                    }
                }
            }
        };
        let Some(doc) = doc else {
            self.skipped
                .push(SkippedFile::new(path, SkipReason::NotAzureMl));
            return;
        };
        match recognise(doc.root()) {
            Recognised::NotAzureMl => {
                self.skipped
                    .push(SkippedFile::new(path, SkipReason::NotAzureMl));
            }
            Recognised::UnknownSchema(url) => {
                self.files_read += 1;
                let mark = doc.root().get("$schema").map(|(_, m)| m);
                self.note_at(
                    path,
                    mark,
                    Code::NotChecked,
                    "$schema",
                    format!("an Azure ML file of a kind this crate does not know ($schema {url}); not checked"),
                );
            }
            Recognised::Kind(kind) => {
                self.files_read += 1;
                let placeholders_met = self.add_document(path, &doc, kind, &tokens);
                if filled || placeholders_met {
                    let names = placeholder_list(&placeholders);
                    let first = placeholders
                        .first()
                        .map(|&(offset, _, _)| offset_mark(text, offset));
                    let message = if names.is_empty() {
                        "a template: values that are placeholders are filled in before use and are not checked".to_owned()
                    } else {
                        format!(
                            "a template with placeholders {names}, filled in before use; values that are placeholders are not checked"
                        )
                    };
                    self.note_at(path, first, Code::Template, "", message);
                }
            }
        }
    }

    /// Reads one recognised document; returns whether a checked value was a placeholder.
    fn add_document(
        &mut self,
        path: &Path,
        doc: &Document,
        kind: AzureMlKind,
        tokens: &[String],
    ) -> bool {
        let mut reader = Reader {
            path,
            root: doc.root(),
            tokens,
            placeholders_met: false,
            diagnostics: Vec::new(),
        };
        match kind {
            AzureMlKind::Compute => self.add_compute(&mut reader),
            AzureMlKind::Job => self.add_job(&mut reader),
            AzureMlKind::ManagedOnlineDeployment
            | AzureMlKind::KubernetesOnlineDeployment
            | AzureMlKind::BatchDeployment => self.add_deployment(&mut reader, kind),
            other => {
                let (key, mark) = match reader.root.get("$schema") {
                    Some((_, m)) => ("$schema", m),
                    None => (
                        "type",
                        reader
                            .root
                            .get("type")
                            .map_or(reader.root.mark(), |(_, m)| m),
                    ),
                };
                reader.diagnostic(
                    Code::NotChecked,
                    Some(mark),
                    key,
                    format!("{}: recognised, not checked (this crate checks compute, jobs and deployments)", with_article(other.as_str())),
                );
                self.documents.push(AzureMlDocument {
                    file: path.to_owned(),
                    line: doc.root().mark().line1(),
                    content: AzureMlFile::Other(other),
                });
            }
        }
        self.reading.extend(reader.diagnostics);
        reader.placeholders_met
    }

    fn add_compute(&mut self, r: &mut Reader<'_, '_>) {
        let mut lines = Vec::new();
        let y = ComputeYaml {
            schema: r.string("$schema", &mut lines),
            name: r.string("name", &mut lines),
            kind: r.string("type", &mut lines),
            size: r.string("size", &mut lines),
            tier: r.string("tier", &mut lines),
            min_instances: r.count("min_instances", &mut lines),
            max_instances: r.count("max_instances", &mut lines),
            idle_time_before_scale_down: r.count("idle_time_before_scale_down", &mut lines),
            idle_time_before_shutdown_minutes: r
                .count("idle_time_before_shutdown_minutes", &mut lines),
            location: r.string("location", &mut lines),
        };
        let start = r.root.mark();
        let key_mark = |key: &str| lines.iter().find(|(k, _)| k == key).map(|(_, m)| *m);
        let Some(ty) = y.kind.as_deref() else {
            r.diagnostic(
                Code::NotChecked,
                Some(start),
                "type",
                "a compute file without a `type`; not checked".to_owned(),
            );
            return;
        };
        let kind = match ty.to_ascii_lowercase().as_str() {
            "amlcompute" => ComputeKind::ComputeCluster,
            "computeinstance" => ComputeKind::ComputeInstance,
            "kubernetes" => ComputeKind::Kubernetes,
            "virtualmachine" => ComputeKind::RemoteVm,
            "synapsespark" => ComputeKind::SynapseSpark,
            other => {
                let message = format!(
                    "compute type {other:?} is not checked (checked: amlcompute, computeinstance, kubernetes, virtualmachine, synapsespark)"
                );
                r.diagnostic(Code::NotChecked, key_mark("type"), "type", message);
                return;
            }
        };
        if let Some(tier) = y.tier.as_deref() {
            if tier.parse::<Tier>().is_err() {
                r.diagnostic(
                    Code::InvalidValue,
                    key_mark("tier"),
                    "tier",
                    format!(
                        "`tier` is {:?}; expected dedicated or low_priority",
                        crate::error::Quoted(tier).to_string()
                    ),
                );
            }
        }
        let name = y.name.clone().unwrap_or_default();
        if let (Some(name), Some(mark)) = (&y.name, key_mark("name")) {
            self.identities.push(Identity {
                what: "compute",
                shown: format!("{name:?}"),
                key: name.to_ascii_lowercase(),
                file: r.path.to_owned(),
                mark,
            });
        }
        let mut def = ComputeDef::new(&name, kind);
        def.size.clone_from(&y.size);
        def.tier = y.tier.as_deref().and_then(|t| t.parse::<Tier>().ok());
        def.min_instances = y.min_instances;
        def.max_instances = y.max_instances;
        def.idle_time_before_scale_down = y.idle_time_before_scale_down;
        def.idle_time_before_shutdown_minutes = y.idle_time_before_shutdown_minutes;
        def.region.clone_from(&y.location);
        let fields = [
            "size",
            "tier",
            "min_instances",
            "max_instances",
            "idle_time_before_scale_down",
            "idle_time_before_shutdown_minutes",
        ]
        .into_iter()
        .filter_map(|f| key_mark(f).map(|m| (f, f.to_owned(), m)))
        .collect();
        self.plan.compute.push(def);
        self.compute.push(Origin {
            file: r.path.to_owned(),
            fields,
            start,
        });
        self.documents.push(AzureMlDocument {
            file: r.path.to_owned(),
            line: start.line1(),
            content: AzureMlFile::Compute(y),
        });
    }

    fn add_job(&mut self, r: &mut Reader<'_, '_>) {
        let mut lines = Vec::new();
        let start = r.root.mark();
        let ty_text = r.string("type", &mut lines);
        let ty = ty_text
            .as_deref()
            .map_or_else(|| "command".to_owned(), str::to_ascii_lowercase);
        if !matches!(ty.as_str(), "command" | "sweep" | "pipeline" | "automl") {
            let mark = lines
                .iter()
                .find(|(k, _)| k == "type")
                .map_or(start, |(_, m)| *m);
            r.diagnostic(
                Code::NotChecked,
                Some(mark),
                "type",
                format!(
                    "{} job: recognised, not checked (checked: command, sweep, pipeline, automl)",
                    with_article(&ty)
                ),
            );
            return;
        }
        // A sweep's trial holds its resources and environment.
        let trial = r.root.get("trial").is_some();
        let resources_path = if r.node("resources").is_none() && trial {
            "trial.resources"
        } else {
            "resources"
        };
        let env_path = if r.node("environment").is_none() && trial {
            "trial.environment"
        } else {
            "environment"
        };
        if let Some((res, mark)) = r.node(resources_path) {
            if !res.is_mapping() && !res.is_null() {
                r.diagnostic(
                    Code::InvalidValue,
                    Some(mark),
                    resources_path,
                    format!("`{resources_path}` is not a mapping; expected keys such as instance_type and instance_count"),
                );
            }
        }
        let resources = r
            .node(resources_path)
            .filter(|(n, _)| n.is_mapping())
            .map(|_| ResourcesYaml {
                instance_type: r.string(&format!("{resources_path}.instance_type"), &mut lines),
                instance_count: r.count(&format!("{resources_path}.instance_count"), &mut lines),
            });
        let y = JobYaml {
            schema: r.string("$schema", &mut lines),
            name: r.string("name", &mut lines),
            display_name: r.string("display_name", &mut lines),
            kind: ty_text,
            compute: r.string("compute", &mut lines),
            resources,
            environment: r.environment(env_path, &mut lines),
            settings: r.node("settings").map(|_| PipelineSettingsYaml {
                default_compute: r.string("settings.default_compute", &mut lines),
            }),
        };
        let key_mark = |key: &str| lines.iter().find(|(k, _)| k == key).map(|(_, m)| *m);
        if let (Some(name), Some(mark)) = (&y.name, key_mark("name")) {
            self.identities.push(Identity {
                what: "job",
                shown: format!("{name:?}"),
                key: name.clone(),
                file: r.path.to_owned(),
                mark,
            });
        }
        // A job without `name` gets a generated one from Azure: for messages, its display
        // name or file name.
        let shown_name = y
            .name
            .clone()
            .or_else(|| y.display_name.clone())
            .unwrap_or_else(|| file_stem(r.path));
        let mut job = JobDef {
            name: shown_name,
            automated_ml: ty == "automl",
            ml_pipelines: ty == "pipeline",
            ..JobDef::default()
        };
        let mut fields = Vec::new();
        let compute = y.compute.clone().map(|c| (c, "compute")).or_else(|| {
            y.settings
                .as_ref()
                .and_then(|s| s.default_compute.clone())
                .map(|c| (c, "settings.default_compute"))
        });
        // A compute that is a placeholder or binding: the job runs somewhere unknown.
        let compute_unknown = compute.is_none()
            && ["compute", "settings.default_compute"].iter().any(|k| {
                r.node(k)
                    .is_some_and(|(n, _)| n.text().is_some_and(|t| is_unknown_value(t, r.tokens)))
            });
        if compute_unknown {
            return;
        }
        let target = compute
            .as_ref()
            .map(|(c, _)| compute_name(c))
            .filter(|c| !c.eq_ignore_ascii_case("serverless"))
            .unwrap_or("serverless-compute");
        target.clone_into(&mut job.target);
        if let Some((_, key)) = &compute {
            if let Some(m) = key_mark(key) {
                fields.push(("target", (*key).to_owned(), m));
            }
        }
        if let Some(res) = &y.resources {
            job.size.clone_from(&res.instance_type);
            job.instance_count = res.instance_count;
            for (field, key) in [
                ("size", "instance_type"),
                ("instance_count", "instance_count"),
            ] {
                let path = format!("{resources_path}.{key}");
                if let Some(m) = key_mark(&path) {
                    fields.push((field, path, m));
                }
            }
        }
        if let Some(env) = y
            .environment
            .as_ref()
            .and_then(EnvironmentYaml::name_or_image)
        {
            let hints = environment_hints(env);
            job.gpu = hints.gpu || hints.cuda.is_some();
            job.environment = Some(env.to_owned());
            if let Some(m) = key_mark(env_path) {
                fields.push(("environment", env_path.to_owned(), m));
                fields.push(("gpu", env_path.to_owned(), m));
            }
        }
        self.plan.jobs.push(job);
        self.jobs.push(Origin {
            file: r.path.to_owned(),
            fields,
            start,
        });
        self.documents.push(AzureMlDocument {
            file: r.path.to_owned(),
            line: start.line1(),
            content: AzureMlFile::Job(y),
        });
    }

    fn add_deployment(&mut self, r: &mut Reader<'_, '_>, kind: AzureMlKind) {
        let mut lines = Vec::new();
        let start = r.root.mark();
        let resources = r
            .node("resources")
            .filter(|(n, _)| n.is_mapping())
            .map(|_| ResourcesYaml {
                instance_type: r.string("resources.instance_type", &mut lines),
                instance_count: r.count("resources.instance_count", &mut lines),
            });
        let y = DeploymentYaml {
            schema: r.string("$schema", &mut lines),
            name: r.string("name", &mut lines),
            endpoint_name: r.string("endpoint_name", &mut lines),
            kind: r.string("type", &mut lines),
            instance_type: r.string("instance_type", &mut lines),
            instance_count: r.count("instance_count", &mut lines),
            compute: r.string("compute", &mut lines),
            resources,
            environment: r.environment("environment", &mut lines),
        };
        let key_mark = |key: &str| lines.iter().find(|(k, _)| k == key).map(|(_, m)| *m);
        let batch = kind == AzureMlKind::BatchDeployment;
        // Identity: (online or batch, endpoint, name); without the endpoint (given on the
        // command line) or the name, nothing to compare.
        if let (Some(name), Some(endpoint), Some(mark)) =
            (&y.name, &y.endpoint_name, key_mark("name"))
        {
            let what = if batch {
                "batch deployment"
            } else {
                "online deployment"
            };
            self.identities.push(Identity {
                what,
                shown: format!("{name:?} of endpoint {endpoint:?}"),
                key: format!(
                    "{}\u{0}{}",
                    endpoint.to_ascii_lowercase(),
                    name.to_ascii_lowercase()
                ),
                file: r.path.to_owned(),
                mark,
            });
        }
        let shown_name = match (&y.endpoint_name, &y.name) {
            (Some(e), Some(n)) => format!("{e}/{n}"),
            (None, Some(n)) => n.clone(),
            (_, None) => file_stem(r.path),
        };
        let target = match kind {
            AzureMlKind::KubernetesOnlineDeployment => InferenceTarget::Kubernetes,
            _ => InferenceTarget::Endpoints,
        };
        let mut d = DeploymentDef::new(&shown_name, target);
        let mut fields = Vec::new();
        if batch {
            d.mode = InferenceMode::Batch;
        }
        // A Kubernetes deployment's instance_type names a Kubernetes instance type, not a VM.
        if kind == AzureMlKind::ManagedOnlineDeployment {
            d.size.clone_from(&y.instance_type);
            if let Some(m) = key_mark("instance_type") {
                fields.push(("size", "instance_type".to_owned(), m));
            }
        }
        d.instance_count = y
            .instance_count
            .or_else(|| y.resources.as_ref().and_then(|r| r.instance_count));
        if let Some(env) = y
            .environment
            .as_ref()
            .and_then(EnvironmentYaml::name_or_image)
        {
            let hints = environment_hints(env);
            d.gpu = hints.gpu || hints.cuda.is_some();
            if let Some(m) = key_mark("environment") {
                fields.push(("gpu", "environment".to_owned(), m));
            }
        }
        self.plan.deployments.push(d);
        self.deployments.push(Origin {
            file: r.path.to_owned(),
            fields,
            start,
        });
        let content = if batch {
            AzureMlFile::BatchDeployment(y)
        } else {
            AzureMlFile::OnlineDeployment(y)
        };
        self.documents.push(AzureMlDocument {
            file: r.path.to_owned(),
            line: start.line1(),
            content,
        });
    }

    /// Jobs whose `compute` names no compute of the project: a note each, and the job is
    /// left out of the plan rather than checked against a compute it cannot see. Linear.
    fn resolve(&mut self) {
        let known: std::collections::HashSet<&str> =
            self.plan.compute.iter().map(|c| c.name.as_str()).collect();
        let mut keep = Vec::with_capacity(self.plan.jobs.len());
        let mut notes = Vec::new();
        for (job, origin) in self.plan.jobs.iter().zip(&self.jobs) {
            let ok = job.target == "serverless-compute"
                || (!job.target.is_empty() && known.contains(job.target.as_str()));
            keep.push(ok);
            if !ok {
                let (key, mark) = origin.field("target").unwrap_or(("compute", origin.start));
                notes.push((origin.file.clone(), mark, key.to_owned(), format!(
                    "job {:?}: compute {:?} is not defined in the checked files; the job is not checked against it",
                    job.name, job.target
                )));
            }
        }
        for (file, mark, key, message) in notes {
            let mut d = FileDiagnostic::new(
                file,
                Some(mark.line1()),
                Diagnostic::new(Code::ComputeNotFound, message, key)
                    .with_help("check the compute's definition along with the job"),
            );
            d.column = Some(mark.column1());
            self.reading.push(d);
        }
        let mut flags = keep.iter();
        self.plan.jobs.retain(|_| *flags.next().unwrap_or(&true));
        let mut flags = keep.iter();
        self.jobs.retain(|_| *flags.next().unwrap_or(&true));
    }

    /// Checks the project on `on` (the caller's date).
    #[must_use]
    pub fn check(&self, on: crate::Date) -> ProjectReport {
        let report = crate::validate(&self.plan, on);
        let mut diagnostics = self.reading.clone();
        // Names are compared here with Azure's identity rules, not the plan's.
        for d in report
            .diagnostics
            .into_iter()
            .filter(|d| d.code != Code::DuplicateName)
        {
            let (file, mark, location) = self.locate(&d.location);
            let mut fd =
                FileDiagnostic::new(file, mark.map(Mark::line1), Diagnostic { location, ..d });
            fd.column = mark.map(Mark::column1);
            diagnostics.push(fd);
        }
        diagnostics.extend(self.duplicates());
        // File by file, top to bottom (stable: equal places keep their order).
        diagnostics.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
        ProjectReport {
            on: Some(on),
            files_read: self.files_read,
            skipped: self.skipped.clone(),
            diagnostics,
        }
    }

    /// Two definitions Azure would treat as one: a warning at the later, naming the first.
    fn duplicates(&self) -> Vec<FileDiagnostic> {
        let mut first: HashMap<(&str, &str), &Identity> = HashMap::new();
        let mut out = Vec::new();
        for id in &self.identities {
            match first.entry((id.what, id.key.as_str())) {
                Entry::Vacant(v) => {
                    v.insert(id);
                }
                Entry::Occupied(o) => {
                    let earlier = o.get();
                    let mut d = FileDiagnostic::new(
                        &id.file,
                        Some(id.mark.line1()),
                        Diagnostic::new(
                            Code::DuplicateName,
                            format!(
                                "{} {} is defined more than once; Azure keeps one of them",
                                id.what, id.shown,
                            ),
                            "name",
                        )
                        .with_help("give each a unique name, or keep one of the alternatives"),
                    );
                    d.column = Some(id.mark.column1());
                    d.related.push(RelatedLocation::new(
                        &earlier.file,
                        Some(earlier.mark.line1()),
                        "first defined here",
                    ));
                    out.push(d);
                }
            }
        }
        out
    }

    /// Maps a plan location (`jobs[1].size`) to the file, key position and YAML key.
    fn locate(&self, location: &str) -> (PathBuf, Option<Mark>, String) {
        let (entry, field) = location.split_once('.').unwrap_or((location, ""));
        let (list, index) = entry
            .split_once('[')
            .and_then(|(list, rest)| {
                rest.strip_suffix(']')
                    .and_then(|i| i.parse::<usize>().ok())
                    .map(|i| (list, i))
            })
            .unwrap_or((entry, 0));
        let origins = match list {
            "compute" => &self.compute,
            "jobs" => &self.jobs,
            _ => &self.deployments,
        };
        let Some(origin) = origins.get(index) else {
            return (PathBuf::new(), None, location.to_owned());
        };
        match origin.field(field) {
            Some((key, mark)) => (origin.file.clone(), Some(mark), key.to_owned()),
            None => (origin.file.clone(), Some(origin.start), field.to_owned()),
        }
    }
}

/// `a compute`, `an online endpoint`.
fn with_article(noun: &str) -> String {
    let vowel = noun.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']);
    format!("{} {noun}", if vowel { "an" } else { "a" })
}

fn is_yaml_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yml") || e.eq_ignore_ascii_case("yaml"))
}

/// A file's name without its extension, for documents without a `name`.
fn file_stem(path: &Path) -> String {
    path.file_stem().map_or_else(
        || path.display().to_string(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// `{{A}}, {{B}}` for a note, the first ten distinct ones.
fn placeholder_list(placeholders: &[(usize, usize, &str)]) -> String {
    let mut names: Vec<&str> = Vec::new();
    for &(_, _, name) in placeholders {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    let more = names.len().saturating_sub(10);
    let mut list: Vec<String> = names
        .iter()
        .take(10)
        .map(|n| format!("{{{{{n}}}}}"))
        .collect();
    if more > 0 {
        list.push(format!("and {more} more"));
    }
    list.join(", ")
}

/// The line and column of a byte offset.
fn offset_mark(text: &str, offset: usize) -> Mark {
    let before = &text[..offset.min(text.len())];
    Mark {
        line: before.matches('\n').count(),
        column: before.rsplit('\n').next().unwrap_or("").chars().count(),
    }
}
