//! The Azure ML page's own facts: training targets and what each supports, inference targets
//! and what each offers per SDK/CLI view, managed and attached compute kinds, and the sizing
//! constants (FACTS §1, §2, §3, §5, §7).
//!
//! Start with [`TrainingTarget`] ([`TrainingTarget::support`], [`TrainingTarget::listed`]),
//! [`InferenceTarget::profile`] and [`ComputeKind`]. Which targets fit a need is
//! [`crate::fit`]'s question.

mod compute;
mod inference;
mod training;

pub use compute::{
    COMPUTE_INSTANCE_FREE_DISK_MAX_GB, COMPUTE_INSTANCE_FREE_DISK_MIN_GB,
    COMPUTE_INSTANCE_OS_DISK_GB, ComputeCapabilities, ComputeKind, INFERENCE_RAM_HEADROOM_PERCENT,
    IdleChargeAdvice, SIZING_ADVICE, inference_ram_with_headroom,
};
pub use inference::{InferenceLimits, InferenceProfile, InferenceTarget};
pub use training::{
    FeatureSupport, RETIRED_SERVICES, RetiredService, Support, TrainingFeature, TrainingTarget,
};
