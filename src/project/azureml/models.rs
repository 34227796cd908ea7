//! Typed models of the Azure ML CLI v2 YAML shapes that concern compute.

use std::path::PathBuf;

use super::AzureMlKind;

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
