#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "serde")]
mod checked;
mod compat;
mod compute;
mod cuda;
mod data;
mod date;
mod edition;
mod error;
mod framework;
mod gpu;
mod macros;
mod needs;
mod output;
mod plan;
mod quota;
mod select;
#[cfg(feature = "serde")]
mod serialize;
mod sources;
mod target;
mod validate;
mod vm;

pub use compat::{CudaReason, CudaVerdict, SourceVerdict};
pub use compute::{
    COMPUTE_INSTANCE_FREE_DISK_MAX_GB, COMPUTE_INSTANCE_FREE_DISK_MIN_GB,
    COMPUTE_INSTANCE_OS_DISK_GB, ComputeCapabilities, ComputeKind, INFERENCE_RAM_HEADROOM_PERCENT,
    IdleChargeAdvice, SIZING_ADVICE, inference_ram_with_headroom,
};
pub use cuda::{
    CUDA_DRIVER_MINIMUMS, CUDA_TOOLKITS, CudaDriverMinimum, CudaRange, CudaRequirement,
    CudaVersion, DriverCompat, DriverVersion, ParseCudaRangeError, ParseCudaVersionError,
    ParseDriverVersionError, minor_version_compat_floor,
};
pub use data::{DATA_AS_OF, DataTable, data_tables};
pub use date::{Date, ParseDateError};
pub use edition::{ApiView, DocEdition};
pub use error::ParseNameError;
pub use framework::{
    BuildReason, BuildVerdict, EnvironmentHints, FRAMEWORK_CUDA_BUILDS, Framework, FrameworkBuilds,
    FrameworkVersion, PYTORCH_WHEELS, ParseFrameworkVersionError, PyTorchWheel, environment_hints,
};
pub use gpu::{
    ComputeCapability, GpuArchitecture, NVIDIA_CUDA_SUPPORT, NvidiaCudaSupport, PAGE_CUDA_TABLE,
    PageCudaRow, ParseComputeCapabilityError,
};
pub use needs::{
    FrameworkNeed, InferenceMode, InferenceNeeds, ParseFrameworkNeedError, SizeNeeds,
    TrainingNeeds, gb_to_gib, inference_memory_gib,
};
pub use output::{
    FileDiagnostic, ProjectReport, RelatedLocation, RenderOptions, SkipReason, SkippedFile,
};
pub use plan::{ComputeDef, DeploymentDef, JobDef, Plan, PlanError, PlanLocations, Tier};
#[cfg(feature = "json")]
pub use quota::UsagesError;
pub use quota::{
    SURPLUS_EXEMPT_SKUS, Usage, UsageKind, Usages, check_quota, deployment_vcpus, family_key,
};
pub use select::{
    Candidate, InferenceFit, InferenceMisfit, ReasonKind, ReasonSet, Recommendation, RejectedSize,
    Rejection, RejectionKind, ScaleOut, TrainingFit, TrainingMisfit, inference_targets,
    recommend_sizes, recommend_sizes_within, training_targets,
};
pub use sources::DefinedCompute;
#[cfg(feature = "json")]
pub use sources::az::{ComputeListError, computes_from_json};
#[cfg(feature = "yaml")]
pub use sources::azureml::{
    AzureMlDocument, AzureMlFile, AzureMlKind, AzureMlProject, ComputeYaml, DeploymentYaml,
    EnvironmentYaml, JobYaml, PipelineSettingsYaml, ReadError, ReadOptions, ResourcesYaml,
};
pub use sources::mentions::{MentionContext, NOT_VM_SIZES, SizeMention, TextKind, size_mentions};
pub use target::{
    FeatureSupport, InferenceLimits, InferenceProfile, InferenceTarget, RETIRED_SERVICES,
    RetiredService, Support, TrainingFeature, TrainingTarget,
};
pub use validate::{
    Code, Diagnostic, RETIRING_WARNING_DAYS, Report, Severity, validate, validate_with,
};
pub use vm::catalog::{Catalog, GpuCount, GpuVendor, ParseGpuCountError, SeriesGpu, VmSizeSpec};
pub use vm::isolated::{ISOLATED_SIZES, IsolatedSize, isolated_size};
pub use vm::listing::{CatalogError, ListedSize, SizeListing};
pub use vm::replacement::{REPLACEMENTS, Replacement};
pub use vm::retirement::{
    REGIONAL_RETIREMENTS, RETIREMENTS, Region, RegionalRetirement, Retirement, RetirementAuthority,
    RetirementState,
};
pub use vm::series::{SupportedBy, VmCategory, VmSeries};
pub use vm::size::{
    MAX_VM_SIZE_NAME_LEN, ParseVmSizeError, VmFeature, VmFeatures, VmSize, VmSizeErrorKind, VmTier,
};
