//! What kind of Azure ML file a document is: by its `$schema` (any of the schema hosts and
//! spellings in use), or without one by its shape (`type` and the keys that go with it).
//! Sources: `azure-ai-ml` 1.35.2 (`entities/_load_functions.py` and the `type` dispatch of
//! each entity family), the `reference-yaml-*` pages of `MicrosoftDocs/azure-ai-docs`, and the
//! schemas used in `Azure/azureml-examples`.

use std::fmt;

use crate::project::yaml::NodeRef;

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

// ---- recognising a document --------------------------------------------------------------

/// What a document is.
pub(super) enum Recognised {
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
        // `compute`: the preview's one schema for every compute (reference-yaml-overview.md,
        // 2021), `type` telling which.
        "compute"
        | "amlcompute"
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

/// A v1 document that is no CLI v2 file: a run configuration (azureml-core's
/// `RunConfiguration` saved as YAML, for `az ml run submit-script -c`) or v1 pipeline YAML
/// (`Pipeline.load_yaml`); what it is, and the key to point at.
pub(super) fn v1_shape(root: NodeRef<'_>) -> Option<(&'static str, &'static str)> {
    if root.get("framework").is_some() && root.get("communicator").is_some() {
        Some((
            "a v1 run configuration (`framework:` and `communicator:`)",
            "framework",
        ))
    } else if root
        .get("pipeline")
        .is_some_and(|(p, _)| p.get("steps").is_some())
    {
        Some(("v1 pipeline YAML (`pipeline:` with `steps:`)", "pipeline"))
    } else {
        None
    }
}

pub(super) fn recognise(root: NodeRef<'_>) -> Recognised {
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
pub(super) fn looks_like_azure_ml(text: &str) -> bool {
    [
        "azuremlschemas",
        "azuremlsdk2",
        "azureml/sdk-2-0",
        "azureml:",
    ]
    .iter()
    .any(|s| text.contains(s))
}
