#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

// Layers, lowest first: text, guard, names, macros, date, edition, checked, gpu, vm, targets, data,
// quota, fit, plan, lint, project, render. A module imports only from the layers below it
// (`tests/layers.rs` fails on an upward import).
#[cfg(feature = "serde")]
mod checked;
pub mod data;
pub mod date;
pub mod edition;
pub mod fit;
pub mod gpu;
#[cfg(any(feature = "json", feature = "toml", feature = "yaml"))]
pub mod guard;
pub mod lint;
mod macros;
pub mod names;
pub mod plan;
pub mod project;
pub mod quota;
pub mod render;
pub mod targets;
mod text;
pub mod vm;

pub use date::Date;
pub use edition::{ApiView, DATA_AS_OF, DocEdition};
pub use fit::{
    InferenceNeeds, Recommendation, SizeNeeds, TrainingNeeds, inference_targets, recommend_sizes,
    training_targets,
};
pub use gpu::{CudaRequirement, CudaVersion, Framework, GpuArchitecture};
pub use lint::{Code, Diagnostic, Report, Severity, validate};
pub use names::ParseNameError;
pub use plan::{ComputeDef, DeploymentDef, JobDef, Plan};
#[cfg(feature = "yaml")]
pub use project::AzureMlProject;
pub use render::RenderOptions;
pub use targets::{ComputeKind, InferenceTarget, TrainingTarget};
pub use vm::{Catalog, GpuCount, RetirementState, VmSeries, VmSize, VmSizeSpec};
