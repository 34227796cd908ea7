//! Needs and selection: which training targets, inference targets and VM sizes fit what a
//! job or a deployment needs on a date, and for each one that does not, why (FACTS §1–§4,
//! §8). Pure functions over the embedded data or a caller's catalog.
//!
//! Start with [`recommend_sizes`] (the smallest VM size that fits a [`SizeNeeds`], with every
//! rejected size and its reasons), [`training_targets`] and [`inference_targets`].

mod needs;
mod select;

pub use needs::{
    FrameworkNeed, InferenceMode, InferenceNeeds, ParseFrameworkNeedError, SizeNeeds,
    TrainingNeeds, gb_to_gib, inference_memory_gib,
};
pub use select::{
    Candidate, InferenceFit, InferenceMisfit, ReasonKind, ReasonSet, Recommendation, RejectedSize,
    Rejection, RejectionKind, ScaleOut, TrainingFit, TrainingMisfit, inference_targets,
    recommend_sizes, recommend_sizes_within, training_targets,
};
pub(crate) use select::{similar_sizes_with, top_sizes};
