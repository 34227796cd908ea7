//! The plan: compute definitions, training jobs and deployments — built in code, or read
//! from a plan file in TOML or JSON — as build tools and CI feed them to
//! [`validate`](crate::lint::validate).
//!
//! Start with [`Plan`] (and [`ComputeDef::new`], [`DeploymentDef::new`]), or
//! `PlanFile::read` for a file (features `json`, `toml`). Unknown keys are rejected (a misspelt key would otherwise be
//! silently ignored and change what is checked); bad values are errors that name the path
//! (`jobs[2].target`), the value and the accepted values. The format is in
//! `docs/plan-file.md`.

mod read;

pub use read::{PlanError, PlanFile, PlanLocations};

use crate::edition::{ApiView, DocEdition};
use crate::fit::{FrameworkNeed, InferenceMode};
use crate::gpu::CudaRequirement;
use crate::targets::{ComputeKind, InferenceTarget};

/// A whole plan.
///
/// ```
/// # #[cfg(feature = "toml")] {
/// use aml_targets::Plan;
///
/// let plan = Plan::from_toml(r#"
///     [[compute]]
///     name = "gpu-cluster"
///     kind = "compute-cluster"
///     size = "Standard_NC6s_v3"
///     max_instances = 4
///
///     [[jobs]]
///     name = "train"
///     target = "gpu-cluster"
///     gpu = true
///     cuda = "12.1"
/// "#)?;
/// assert_eq!(plan.compute[0].max_instances, Some(4));
/// assert_eq!(plan.jobs[0].target, "gpu-cluster");
/// # }
/// # Ok::<(), aml_targets::plan::PlanError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
pub struct Plan {
    /// The page edition to check against (the newest by default).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub edition: Option<DocEdition>,
    /// The SDK/CLI view (v2 by default).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub view: Option<ApiView>,
    /// The Azure region, for regional retirement dates.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub region: Option<String>,
    /// Compute definitions.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    pub compute: Vec<ComputeDef>,
    /// Training jobs.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    pub jobs: Vec<JobDef>,
    /// Deployments.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    pub deployments: Vec<DeploymentDef>,
}

crate::macros::name_enum! {
/// A cluster's VM priority.
pub enum Tier ("tier") {
    /// Dedicated VMs.
    #[strum(to_string = "dedicated")]
    Dedicated,
    /// Low-priority (spot) VMs.
    #[strum(to_string = "low_priority", serialize = "low-priority")]
    LowPriority,
}
}

/// A compute definition. Settings follow the Azure ML CLI v2 compute YAML. `Default` is a
/// compute cluster with no name or size: fill in what you know with `..Default::default()`.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ComputeDef {
    /// The compute's name, which jobs refer to.
    pub name: String,
    /// The kind (`compute-cluster`, `compute-instance`, `kubernetes`, …).
    pub kind: ComputeKind,
    /// The VM size, e.g. `Standard_NC6s_v3`.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub size: Option<String>,
    /// Cluster VM priority.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub tier: Option<Tier>,
    /// Cluster minimum nodes (0 by default in Azure ML).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub min_instances: Option<u32>,
    /// Cluster maximum nodes, 1 or more.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::checked::count::deserialize")
    )]
    pub max_instances: Option<u32>,
    /// Cluster idle time before scaling down, seconds (clusters only).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub idle_time_before_scale_down: Option<u64>,
    /// Instance idle time before shutdown, minutes, 15 to 4320 (instances only).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub idle_time_before_shutdown_minutes: Option<u64>,
    /// The size is expected to be isolated (dedicated hardware).
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "is_false"))]
    pub isolated: bool,
    /// The compute's region, when it differs from the plan's.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub region: Option<String>,
}

/// A training job.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
// Each flag is a yes/no a plan author writes; enums would only rename them.
#[allow(clippy::struct_excessive_bools)]
pub struct JobDef {
    /// The job's name.
    pub name: String,
    /// A compute name from `compute`, or a training target (`serverless-compute`,
    /// `local-computer`, `databricks`, …).
    pub target: String,
    /// Uses automated ML.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "is_false"))]
    pub automated_ml: bool,
    /// Uses ML pipelines.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "is_false"))]
    pub ml_pipelines: bool,
    /// Uses the designer.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "is_false"))]
    pub designer: bool,
    /// Needs GPUs.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "is_false"))]
    pub gpu: bool,
    /// Nodes, 1 or more (more than one is multi-node).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "crate::checked::count::deserialize")
    )]
    pub instance_count: Option<u32>,
    /// The VM size for serverless jobs (`resources.instance_type`).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub size: Option<String>,
    /// The CUDA the job's image uses.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub cuda: Option<CudaRequirement>,
    /// The framework release the job runs.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub framework: Option<FrameworkNeed>,
    /// The environment or image name; read for CUDA and framework hints when `cuda` or
    /// `framework` are not given.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub environment: Option<String>,
}

/// A deployment for inference. `Default` is a real-time deployment to Azure ML endpoints with
/// no name.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[allow(clippy::struct_excessive_bools)] // yes/no questions of the plan author
pub struct DeploymentDef {
    /// The deployment's name.
    pub name: String,
    /// The inference target.
    pub target: InferenceTarget,
    /// Real-time or batch (real-time by default).
    #[cfg_attr(feature = "serde", serde(default))]
    pub mode: InferenceMode,
    /// Serves production traffic.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "is_false"))]
    pub production: bool,
    /// Needs GPUs.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "is_false"))]
    pub gpu: bool,
    /// The model's size, GB (finite, 0 or more).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::checked::quantity::deserialize")
    )]
    pub model_size_gb: Option<f64>,
    /// The RAM the model needs, GB (finite, 0 or more).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::checked::quantity::deserialize")
    )]
    pub model_ram_gb: Option<f64>,
    /// Deployed from the designer.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "is_false"))]
    pub designer: bool,
    /// The VM size (`instance_type` of managed online deployments).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub size: Option<String>,
    /// Instances (1 or more).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::checked::count::deserialize")
    )]
    pub instance_count: Option<u32>,
    /// The SDK/CLI view of the deployment (the plan's by default).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub view: Option<ApiView>,
    /// The compute of the plan a batch deployment runs on (its `compute: azureml:NAME`):
    /// its size's facts are the deployment's.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub compute: Option<String>,
    /// The environment or image name, read for CUDA and framework hints.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub environment: Option<String>,
}

#[cfg(feature = "serde")]
#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_false(b: &bool) -> bool {
    !b
}

impl ComputeDef {
    /// A compute of `kind` named `name`, with no size or settings.
    #[must_use]
    pub fn new(name: &str, kind: ComputeKind) -> ComputeDef {
        ComputeDef {
            name: name.to_owned(),
            kind,
            size: None,
            tier: None,
            min_instances: None,
            max_instances: None,
            idle_time_before_scale_down: None,
            idle_time_before_shutdown_minutes: None,
            isolated: false,
            region: None,
        }
    }
}

impl DeploymentDef {
    /// A real-time deployment named `name` to `target`, with nothing else set.
    #[must_use]
    pub fn new(name: &str, target: InferenceTarget) -> DeploymentDef {
        DeploymentDef {
            name: name.to_owned(),
            target,
            mode: InferenceMode::RealTime,
            production: false,
            gpu: false,
            model_size_gb: None,
            model_ram_gb: None,
            designer: false,
            size: None,
            instance_count: None,
            view: None,
            compute: None,
            environment: None,
        }
    }
}
