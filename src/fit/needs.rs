//! What a user needs from a training target, an inference target or a VM size. Plain data
//! with documented units; serde with the `serde` feature (unknown fields are rejected, so a
//! misspelt need is an error rather than silently ignored; a negative or non-finite quantity
//! and a count of zero are errors that name the field). Needs built in code with such values
//! are never satisfied: a NaN memory need rejects every size rather than none.
//!
//! These structs are meant to be written as literals with `..Default::default()`, so they are
//! not `#[non_exhaustive]`; a new field is a breaking change and comes with a breaking release
//! (see the README's SemVer policy).

use crate::edition::{ApiView, DocEdition};
use crate::gpu::{CudaRequirement, Framework, FrameworkVersion, GpuArchitecture};
use crate::targets::ComputeKind;
use crate::vm::GpuCount;

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
    /// ([`TrainingTarget::is_retired`](crate::targets::TrainingTarget::is_retired)). `None` leaves
    /// retirements out.
    pub on: Option<crate::date::Date>,
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

impl std::fmt::Display for FrameworkNeed {
    /// `pytorch@2.4`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}@{}", self.framework, self.version)
    }
}

/// Why a string is not a [`FrameworkNeed`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid framework need {input:?}: expected FRAMEWORK@VERSION, e.g. pytorch@2.4 ({reason})"
)]
pub struct ParseFrameworkNeedError {
    input: String,
    reason: String,
}

impl std::str::FromStr for FrameworkNeed {
    type Err = ParseFrameworkNeedError;

    /// `pytorch@2.4`, `torch==2.4`, `tensorflow=2.15` or `tf 2.15`.
    ///
    /// ```
    /// use aml_targets::Framework;
    /// use aml_targets::fit::FrameworkNeed;
    ///
    /// let need: FrameworkNeed = "torch==2.4".parse()?;
    /// assert_eq!(need.framework, Framework::PyTorch);
    /// assert_eq!(need.to_string(), "pytorch@2.4");
    /// # Ok::<(), aml_targets::fit::ParseFrameworkNeedError>(())
    /// ```
    fn from_str(s: &str) -> Result<FrameworkNeed, ParseFrameworkNeedError> {
        let err = |reason: String| ParseFrameworkNeedError {
            input: crate::text::shorten(s),
            reason,
        };
        let (name, version) = s
            .split_once(['@', '=', ' '])
            .ok_or_else(|| err("no version".to_owned()))?;
        let version = version.trim_start_matches('=').trim();
        Ok(FrameworkNeed {
            framework: name.trim().parse().map_err(|e| err(format!("{e}")))?,
            version: version.parse().map_err(|e| err(format!("{e}")))?,
        })
    }
}

/// What a workload needs from a VM size. Every field is a minimum ("at least"), and every
/// memory is in GiB, the unit of Azure's size pages and listings. A model's RAM, which the
/// Azure ML page gives in GB with its 150 % sizing rule, becomes a memory need through
/// [`inference_memory_gib`] — an explicit step, not a silent one.
///
/// Write it with the setters (each takes the value itself, not an `Option`) or as a struct
/// with `..SizeNeeds::default()`:
///
/// ```
/// use aml_targets::{GpuCount, SizeNeeds};
/// use aml_targets::fit::inference_memory_gib;
///
/// // 4 GPUs with 80 GiB each.
/// let needs = SizeNeeds::default().gpus(4).gpu_memory_gib(80.0);
/// assert_eq!(needs.gpus, Some(GpuCount::whole(4)));
/// // A model of 10 GB RAM: 150 % of it, in GiB.
/// let needs = SizeNeeds::default().memory_gib(inference_memory_gib(10.0));
/// assert!((needs.memory_gib.unwrap() - 13.97).abs() < 0.01);
/// // Half a GPU.
/// let half = SizeNeeds { gpus: Some(GpuCount::new(1, 2)), ..SizeNeeds::default() };
/// assert!(!half.gpus.unwrap().is_zero());
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
pub struct SizeNeeds {
    /// Memory, GiB. With `concurrency`, also the memory of one model copy.
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "crate::checked::quantity::deserialize")
    )]
    pub memory_gib: Option<f64>,
    /// vCPUs.
    pub vcpus: Option<u32>,
    /// GPUs, exact: fractions of a GPU are partitioned sizes (`GpuCount::new(1, 6)`).
    pub gpus: Option<GpuCount>,
    /// A word of the GPU model's name, ASCII case ignored (`"V100"`, `"A100"`; `"A10"` does
    /// not match an A100).
    pub gpu_model: Option<String>,
    /// The oldest acceptable NVIDIA architecture.
    pub gpu_architecture: Option<GpuArchitecture>,
    /// Memory per GPU, GiB.
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "crate::checked::quantity::deserialize")
    )]
    pub gpu_memory_gib: Option<f64>,
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
    /// Concurrent requests to serve (one model copy of `memory_gib` each), for scale-out
    /// advice; 1 or more.
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

impl SizeNeeds {
    /// At least `gib` of memory.
    #[must_use]
    pub fn memory_gib(mut self, gib: f64) -> SizeNeeds {
        self.memory_gib = Some(gib);
        self
    }

    /// At least `n` vCPUs.
    #[must_use]
    pub fn vcpus(mut self, n: u32) -> SizeNeeds {
        self.vcpus = Some(n);
        self
    }

    /// At least `n` GPUs: a whole count (`4`) or a [`GpuCount`] fraction.
    #[must_use]
    pub fn gpus(mut self, n: impl Into<GpuCount>) -> SizeNeeds {
        self.gpus = Some(n.into());
        self
    }

    /// A GPU whose model's name has this word (`"H100"`).
    #[must_use]
    pub fn gpu_model(mut self, word: &str) -> SizeNeeds {
        self.gpu_model = Some(word.to_owned());
        self
    }

    /// An NVIDIA architecture at least this new.
    #[must_use]
    pub fn gpu_architecture(mut self, oldest: GpuArchitecture) -> SizeNeeds {
        self.gpu_architecture = Some(oldest);
        self
    }

    /// At least `gib` of memory per GPU.
    #[must_use]
    pub fn gpu_memory_gib(mut self, gib: f64) -> SizeNeeds {
        self.gpu_memory_gib = Some(gib);
        self
    }

    /// A GPU that runs this CUDA version or requirement.
    #[must_use]
    pub fn cuda(mut self, cuda: impl Into<CudaRequirement>) -> SizeNeeds {
        self.cuda = Some(cuda.into());
        self
    }

    /// A GPU that runs a CUDA build of this framework release.
    #[must_use]
    pub fn framework(mut self, need: FrameworkNeed) -> SizeNeeds {
        self.framework = Some(need);
        self
    }

    /// A size this kind of managed compute may use.
    #[must_use]
    pub fn compute(mut self, kind: ComputeKind) -> SizeNeeds {
        self.compute = Some(kind);
        self
    }

    /// An isolated size.
    #[must_use]
    pub fn isolated(mut self) -> SizeNeeds {
        self.isolated = true;
        self
    }

    /// An RDMA (InfiniBand) capable size.
    #[must_use]
    pub fn rdma(mut self) -> SizeNeeds {
        self.rdma = true;
        self
    }

    /// Scale-out advice for `n` concurrent model copies.
    #[must_use]
    pub fn concurrency(mut self, n: u32) -> SizeNeeds {
        self.concurrency = Some(n);
        self
    }

    /// Retirement dates of this region (display or location name).
    #[must_use]
    pub fn region(mut self, region: &str) -> SizeNeeds {
        self.region = Some(region.to_owned());
        self
    }

    /// Answers from this page edition.
    #[must_use]
    pub fn edition(mut self, edition: DocEdition) -> SizeNeeds {
        self.edition = edition;
        self
    }
}

/// The memory a size needs to serve a model of `model_ram_gb` RAM, in GiB: the Azure ML page's
/// 150 % sizing rule ([`inference_ram_with_headroom`](crate::targets::inference_ram_with_headroom)),
/// converted from the page's GB to the size pages' GiB.
///
/// ```
/// use aml_targets::fit::inference_memory_gib;
///
/// // 10 GB × 1.5 = 15 GB = 13.97 GiB.
/// assert!((inference_memory_gib(10.0) - 13.97).abs() < 0.01);
/// ```
#[must_use]
pub fn inference_memory_gib(model_ram_gb: f64) -> f64 {
    gb_to_gib(crate::targets::inference_ram_with_headroom(model_ram_gb))
}

/// Bytes in a GB and in a GiB.
const GB: f64 = 1e9;
const GIB: f64 = 1_073_741_824.0;

/// GB (10^9 bytes) to GiB (2^30 bytes).
#[must_use]
pub fn gb_to_gib(gb: f64) -> f64 {
    gb * (GB / GIB)
}
