//! What a user needs from a training target, an inference target or a VM size. Plain data
//! with documented units; serde with the `serde` feature (unknown fields are rejected, so a
//! misspelt need is an error rather than silently ignored; a negative or non-finite quantity
//! and a count of zero are errors that name the field). Needs built in code with such values
//! are never satisfied: a NaN memory need rejects every size rather than none.
//!
//! These structs are meant to be written as literals with `..Default::default()`; they may
//! gain fields in minor releases (see the README's SemVer policy), so they are not
//! `#[non_exhaustive]`.

use crate::{
    ApiView, ComputeKind, CudaRequirement, DocEdition, Framework, FrameworkVersion, GpuArchitecture,
};

/// What a training job needs from its compute target.
///
/// ```
/// use aml_targets::TrainingNeeds;
///
/// let needs = TrainingNeeds { automated_ml: true, gpu: true, ..TrainingNeeds::default() };
/// assert!(needs.automated_ml && !needs.designer);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
// Each flag is a yes/no question a user answers; enums would only rename them.
#[allow(clippy::struct_excessive_bools)]
pub struct TrainingNeeds {
    /// Uses automated ML.
    pub automated_ml: bool,
    /// Uses ML pipelines.
    pub ml_pipelines: bool,
    /// Uses the designer.
    pub designer: bool,
    /// Needs GPUs.
    pub gpu: bool,
    /// Runs on more than one node.
    pub multi_node: bool,
    /// Only compute that Azure ML manages (clusters, serverless, instances).
    pub managed_only: bool,
    /// The SDK/CLI view (v2 by default).
    pub view: ApiView,
    /// The page edition to answer from (the newest by default).
    pub edition: DocEdition,
    /// The date to answer for: a target whose service is retired on it does not fit
    /// ([`TrainingTarget::is_retired`](crate::TrainingTarget::is_retired)). `None` leaves
    /// retirements out.
    pub on: Option<crate::Date>,
}

crate::macros::name_enum! {
/// Whether a deployment answers requests as they come or scores in batches.
#[derive(Default)]
pub enum InferenceMode ("inference mode") {
    /// Real-time (online) inference.
    #[default]
    #[strum(to_string = "realtime", serialize = "real-time", serialize = "online")]
    RealTime,
    /// Batch inference.
    #[strum(to_string = "batch")]
    Batch,
}
}

/// What a deployment needs from its inference target. Sizes in GB, as the page writes them.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
pub struct InferenceNeeds {
    /// Real-time or batch.
    pub mode: InferenceMode,
    /// For production (rather than development and testing).
    pub production: bool,
    /// Needs GPUs.
    pub gpu: bool,
    /// The model's size on disk, GB (finite, 0 or more).
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "crate::checked::quantity::deserialize")
    )]
    pub model_size_gb: Option<f64>,
    /// The RAM the model needs, GB (finite, 0 or more).
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "crate::checked::quantity::deserialize")
    )]
    pub model_ram_gb: Option<f64>,
    /// Deployed from the designer.
    pub designer: bool,
    /// Only this SDK/CLI view; both when `None`.
    pub view: Option<ApiView>,
}

/// A framework and release a job runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct FrameworkNeed {
    /// The framework.
    pub framework: Framework,
    /// The release.
    pub version: FrameworkVersion,
}

impl FrameworkNeed {
    /// `framework` at `version`.
    #[must_use]
    pub const fn new(framework: Framework, version: FrameworkVersion) -> FrameworkNeed {
        FrameworkNeed { framework, version }
    }
}

/// What a workload needs from a VM size. Memory in GiB as Azure's size pages give it; model
/// RAM in GB as the Azure ML page writes it (converted to GiB before comparing).
///
/// ```
/// use aml_targets::SizeNeeds;
///
/// let needs = SizeNeeds { model_ram_gb: Some(10.0), gpus: Some(1.0), ..SizeNeeds::default() };
/// // 150 % of 10 GB, in GiB.
/// assert!((needs.memory_gib_needed().unwrap() - 13.97).abs() < 0.01);
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
pub struct SizeNeeds {
    /// The RAM the model needs, GB; the size must have 150 % of it (the page's sizing rule).
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "crate::checked::quantity::deserialize")
    )]
    pub model_ram_gb: Option<f64>,
    /// An explicit minimum memory, GiB (the larger of the two applies).
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "crate::checked::quantity::deserialize")
    )]
    pub memory_gib: Option<f64>,
    /// Minimum vCPUs.
    pub min_vcpus: Option<u32>,
    /// Minimum GPUs (fractions allowed: 0.5 is half a GPU).
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "crate::checked::quantity::deserialize")
    )]
    pub gpus: Option<f64>,
    /// A word of the GPU model's name, ASCII case ignored (`"V100"`, `"A100"`; `"A10"` does
    /// not match an A100).
    pub gpu_model: Option<String>,
    /// The oldest acceptable NVIDIA architecture.
    pub min_gpu_architecture: Option<GpuArchitecture>,
    /// Minimum memory per GPU, GiB.
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "crate::checked::quantity::deserialize")
    )]
    pub min_gpu_memory_gib: Option<f64>,
    /// A CUDA version or requirement the GPU must run (NVIDIA's ranges decide).
    pub cuda: Option<CudaRequirement>,
    /// A framework release with a CUDA build that must run on the GPU.
    pub framework: Option<FrameworkNeed>,
    /// The managed compute the size is for (compute cluster or instance), for the
    /// supported-by rule (FX: clusters only).
    pub compute: Option<ComputeKind>,
    /// Must be an isolated size.
    pub isolated: bool,
    /// Must be RDMA (InfiniBand) capable.
    pub rdma: bool,
    /// Concurrent requests to serve (one model copy each), for scale-out advice; 1 or more.
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "crate::checked::count::deserialize")
    )]
    pub concurrency: Option<u32>,
    /// The Azure region, for regional retirement dates.
    pub region: Option<String>,
    /// The page edition to answer from (the newest by default).
    pub edition: DocEdition,
}

/// Bytes in a GB and in a GiB.
const GB: f64 = 1e9;
const GIB: f64 = 1_073_741_824.0;

/// GB (10^9 bytes) to GiB (2^30 bytes).
#[must_use]
pub fn gb_to_gib(gb: f64) -> f64 {
    gb * (GB / GIB)
}

impl SizeNeeds {
    /// The memory a size must have, GiB: 150 % of the model's RAM, or the explicit minimum,
    /// whichever is larger; `None` when neither is given.
    #[must_use]
    pub fn memory_gib_needed(&self) -> Option<f64> {
        let model = self
            .model_ram_gb
            .map(|gb| gb_to_gib(crate::inference_ram_with_headroom(gb)));
        match (model, self.memory_gib) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        }
    }
}
