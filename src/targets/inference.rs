//! Inference (deployment) targets and what each offers, per SDK/CLI view (FACTS §2).

use crate::edition::ApiView;

crate::macros::name_enum! {
/// A deployment target for inference.
///
/// What a target is used for differs between the SDK/CLI views: ask
/// [`InferenceTarget::profile`].
///
/// ```
/// use aml_targets::{ApiView, InferenceTarget};
///
/// let aci: InferenceTarget = "ACI".parse()?;
/// let p = aci.profile(ApiView::V1).unwrap();
/// assert!(p.realtime && !p.batch && !p.gpu && p.dev_test_only);
/// let limits = p.limits.unwrap();
/// assert_eq!((limits.ram_below_gb, limits.model_size_below_gb), (48, 1));
/// assert!(aci.profile(ApiView::V2).is_none());
/// # Ok::<(), aml_targets::ParseNameError>(())
/// ```
#[non_exhaustive]
#[derive(Default)]
pub enum InferenceTarget ("inference target") {
    /// Azure Machine Learning endpoints: managed online endpoints (real-time) and batch
    /// endpoints, on serverless compute.
    #[strum(
        to_string = "endpoints",
        serialize = "endpoint",
        serialize = "managed-online-endpoint",
        serialize = "batch-endpoint",
        serialize = "Azure Machine Learning endpoints"
    )]
    #[default]
    Endpoints,
    /// Azure Machine Learning Kubernetes (v2: any attached cluster; v1: Azure Kubernetes
    /// Service).
    #[strum(
        to_string = "kubernetes",
        serialize = "aks",
        serialize = "Azure Kubernetes Service",
        serialize = "Azure Machine Learning Kubernetes"
    )]
    Kubernetes,
    /// A local web service, for testing and debugging (v1).
    #[strum(
        to_string = "local-web-service",
        serialize = "local",
        serialize = "Local web service"
    )]
    LocalWebService,
    /// Azure Container Instances (v1), CPU only, dev/test only.
    #[strum(
        to_string = "container-instances",
        serialize = "aci",
        serialize = "Azure Container Instances"
    )]
    ContainerInstances,
}
}

/// The page's hard limits for an inference target. Bounds are exclusive ("< 48 GB"), in GB as
/// the page writes them.
///
/// ```
/// use aml_targets::{ApiView, InferenceTarget};
///
/// let limits = InferenceTarget::ContainerInstances.profile(ApiView::V1).unwrap().limits.unwrap();
/// assert_eq!((limits.ram_below_gb, limits.model_size_below_gb, limits.cpu_only), (48, 1, true));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct InferenceLimits {
    /// The workload must need less than this much RAM, in GB.
    pub ram_below_gb: u32,
    /// The model must be smaller than this, in GB.
    pub model_size_below_gb: u32,
    /// Only CPU workloads are supported.
    pub cpu_only: bool,
}

impl InferenceLimits {
    /// Whether a workload needing `ram_gb` of RAM is within the limit. NaN and negative
    /// values are not.
    #[must_use]
    pub fn admits_ram_gb(self, ram_gb: f64) -> bool {
        (0.0..f64::from(self.ram_below_gb)).contains(&ram_gb)
    }

    /// Whether a model of `size_gb` is within the limit. NaN and negative values are not.
    #[must_use]
    pub fn admits_model_size_gb(self, size_gb: f64) -> bool {
        (0.0..f64::from(self.model_size_below_gb)).contains(&size_gb)
    }
}

/// What an inference target is for, in one SDK/CLI view.
///
/// ```
/// use aml_targets::{ApiView, InferenceTarget};
///
/// let k8s = InferenceTarget::Kubernetes.profile(ApiView::V2).unwrap();
/// assert!(k8s.realtime && k8s.batch && k8s.gpu && !k8s.dev_test_only);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
// Each flag is one column of the page's table; enums would only rename "yes" and "no".
#[allow(clippy::struct_excessive_bools)]
pub struct InferenceProfile {
    /// Serves real-time (online) requests.
    pub realtime: bool,
    /// Runs batch scoring.
    pub batch: bool,
    /// GPU inference is supported.
    pub gpu: bool,
    /// For development and testing only, not production.
    pub dev_test_only: bool,
    /// Whether the designer can deploy to it: `Some(true)` where the page says so, `None`
    /// where the page is silent.
    pub designer: Option<bool>,
    /// Hard limits, where the page states any.
    pub limits: Option<InferenceLimits>,
    /// The page's notes column.
    pub notes: &'static str,
    /// Where these facts come from.
    pub source: &'static str,
}

const V2_INFERENCE_SOURCE: &str =
    "concept-compute-target.md, \"Compute targets for inference\", SDK/CLI v2 table";
const V1_INFERENCE_SOURCE: &str =
    "concept-compute-target.md, \"Compute targets for inference\", SDK/CLI v1 table";

/// A profile without designer facts or limits.
#[allow(clippy::fn_params_excessive_bools)] // one argument per column of the page's table
const fn profile_row(
    realtime: bool,
    batch: bool,
    gpu: bool,
    dev_test_only: bool,
    notes: &'static str,
    source: &'static str,
) -> InferenceProfile {
    InferenceProfile {
        realtime,
        batch,
        gpu,
        dev_test_only,
        designer: None,
        limits: None,
        notes,
        source,
    }
}

impl InferenceTarget {
    /// The page's name for the target.
    #[must_use]
    pub const fn page_name(self) -> &'static str {
        match self {
            InferenceTarget::Endpoints => "Azure Machine Learning endpoints",
            InferenceTarget::Kubernetes => "Azure Machine Learning Kubernetes",
            InferenceTarget::LocalWebService => "Local web service",
            InferenceTarget::ContainerInstances => "Azure Container Instances",
        }
    }

    /// What the target is for in `view`, or `None` if the view does not offer it (endpoints
    /// are v2 only; the local web service and Container Instances are v1 only, as the
    /// page's March 2023 combined table also marked them).
    ///
    /// The local web service is a real-time web service used only for testing and debugging;
    /// the page says GPU support "depends on local libraries", which this crate reports as no
    /// GPU support.
    ///
    /// ```
    /// use aml_targets::{ApiView, InferenceTarget};
    ///
    /// let endpoints = InferenceTarget::Endpoints.profile(ApiView::V2).unwrap();
    /// assert!(endpoints.realtime && endpoints.batch && endpoints.gpu);
    /// // Azure Container Instances: v1 only, CPU only, under 1 GB models.
    /// let aci = InferenceTarget::ContainerInstances;
    /// assert!(aci.profile(ApiView::V2).is_none());
    /// assert_eq!(aci.profile(ApiView::V1).unwrap().limits.unwrap().model_size_below_gb, 1);
    /// ```
    #[must_use]
    pub const fn profile(self, view: ApiView) -> Option<InferenceProfile> {
        match (self, view) {
            (InferenceTarget::Endpoints, ApiView::V2) => Some(profile_row(
                true,
                true,
                true,
                false,
                "fully managed, on serverless compute (managed online endpoints for real-time, \
                 batch endpoints for batch)",
                V2_INFERENCE_SOURCE,
            )),
            (InferenceTarget::Kubernetes, ApiView::V2) => Some(profile_row(
                true,
                true,
                true,
                false,
                "on-premises, cloud and edge Kubernetes clusters",
                V2_INFERENCE_SOURCE,
            )),
            (InferenceTarget::Kubernetes, ApiView::V1) => Some(profile_row(
                true,
                false,
                true,
                false,
                "Azure Kubernetes Service: real-time inference in the cloud",
                V1_INFERENCE_SOURCE,
            )),
            (InferenceTarget::LocalWebService, ApiView::V1) => Some(profile_row(
                true,
                false,
                false,
                true,
                "testing and debugging only: limited testing and troubleshooting; GPU depends \
                 on local libraries",
                V1_INFERENCE_SOURCE,
            )),
            (InferenceTarget::ContainerInstances, ApiView::V1) => Some(InferenceProfile {
                realtime: true,
                batch: false,
                gpu: false,
                dev_test_only: true,
                designer: Some(true),
                limits: Some(InferenceLimits {
                    ram_below_gb: 48,
                    model_size_below_gb: 1,
                    cpu_only: true,
                }),
                notes: "low-scale CPU workloads needing less than 48 GB of RAM; no cluster to \
                        manage; only models under 1 GB; supported in the designer",
                source: V1_INFERENCE_SOURCE,
            }),
            (InferenceTarget::Endpoints, ApiView::V1)
            | (
                InferenceTarget::LocalWebService | InferenceTarget::ContainerInstances,
                ApiView::V2,
            ) => None,
        }
    }

    /// The inference targets `view` offers, in the page's order.
    pub fn listed(view: ApiView) -> impl Iterator<Item = InferenceTarget> {
        InferenceTarget::ALL
            .iter()
            .copied()
            .filter(move |t| t.profile(view).is_some())
    }
}
