//! Managed and attached compute, the cluster-versus-instance capability table, and the
//! documented sizing constants (FACTS §2, §3 and §7).

use crate::edition::{ApiView, DocEdition};

crate::macros::name_enum! {
/// A kind of compute a workspace can hold: created and managed by Azure ML, or attached.
///
/// ```
/// use aml_targets::{ApiView, ComputeKind};
///
/// assert!(ComputeKind::ComputeCluster.is_managed());
/// assert!(!ComputeKind::Databricks.is_managed());
/// assert!(ComputeKind::SynapseSpark.is_deprecated());
/// let managed: Vec<_> = ComputeKind::ALL.iter().filter(|k| k.is_managed()).collect();
/// assert_eq!(managed.len(), 3);
/// assert!(!ComputeKind::AzureKubernetesService.is_available(ApiView::V2));
/// ```
#[non_exhaustive]
#[derive(Default)]
pub enum ComputeKind ("compute kind") {
    /// Managed compute cluster (YAML `type: amlcompute`).
    #[strum(
        to_string = "compute-cluster",
        serialize = "cluster",
        serialize = "amlcompute"
    )]
    #[default]
    ComputeCluster,
    /// Managed serverless compute: nothing to create, Azure ML manages its lifecycle.
    #[strum(to_string = "serverless-compute", serialize = "serverless")]
    ServerlessCompute,
    /// Managed compute instance (YAML `type: computeinstance`).
    #[strum(
        to_string = "compute-instance",
        serialize = "instance",
        serialize = "computeinstance"
    )]
    ComputeInstance,
    /// Attached Kubernetes cluster, any cluster (v2; YAML `type: kubernetes`).
    #[strum(to_string = "kubernetes")]
    Kubernetes,
    /// Attached remote virtual machine (YAML `type: virtualmachine`).
    #[strum(to_string = "remote-vm", serialize = "virtualmachine")]
    RemoteVm,
    /// Attached Azure HDInsight.
    #[strum(to_string = "hdinsight")]
    HdInsight,
    /// Attached Azure Databricks.
    #[strum(to_string = "databricks")]
    Databricks,
    /// Attached Azure Data Lake Analytics.
    #[strum(to_string = "data-lake-analytics")]
    DataLakeAnalytics,
    /// Attached Azure Kubernetes Service (v1 only).
    #[strum(to_string = "aks", serialize = "azure-kubernetes-service")]
    AzureKubernetesService,
    /// Attached Azure Synapse Spark pool (v1 only, deprecated; YAML `type: synapsespark`).
    #[strum(to_string = "synapse-spark", serialize = "synapsespark")]
    SynapseSpark,
}
}

/// Where the managed-compute facts come from.
const MANAGED_SOURCE: &str =
    "concept-compute-target.md, \"Azure Machine Learning compute (managed)\"";
/// Where the attached-compute facts come from.
const UNMANAGED_SOURCE: &str = "concept-compute-target.md, \"Unmanaged compute\"";

impl ComputeKind {
    /// Whether Azure ML creates and manages this compute. Only compute clusters, serverless
    /// compute and compute instances are managed; they become part of the workspace on
    /// creation, every other kind is attached.
    ///
    /// ```
    /// use aml_targets::ComputeKind;
    ///
    /// assert!(ComputeKind::ComputeCluster.is_managed());
    /// assert!(!ComputeKind::Databricks.is_managed());
    /// ```
    #[must_use]
    pub const fn is_managed(self) -> bool {
        matches!(
            self,
            ComputeKind::ComputeCluster
                | ComputeKind::ServerlessCompute
                | ComputeKind::ComputeInstance
        )
    }

    /// Whether the SDK/CLI `view` offers this kind. Azure Kubernetes Service and Synapse
    /// Spark pools are attached in v1 only; v2 attaches any Kubernetes cluster; serverless
    /// compute exists in v2 only (the v1 training table has no serverless row).
    ///
    /// ```
    /// use aml_targets::{ApiView, ComputeKind};
    ///
    /// assert!(ComputeKind::Kubernetes.is_available(ApiView::V2));
    /// assert!(!ComputeKind::AzureKubernetesService.is_available(ApiView::V2));
    /// ```
    #[must_use]
    pub const fn is_available(self, view: ApiView) -> bool {
        match self {
            ComputeKind::AzureKubernetesService | ComputeKind::SynapseSpark => {
                matches!(view, ApiView::V1)
            }
            ComputeKind::Kubernetes | ComputeKind::ServerlessCompute => {
                matches!(view, ApiView::V2)
            }
            ComputeKind::ComputeCluster
            | ComputeKind::ComputeInstance
            | ComputeKind::RemoteVm
            | ComputeKind::HdInsight
            | ComputeKind::Databricks
            | ComputeKind::DataLakeAnalytics => true,
        }
    }

    /// Whether the page calls this kind deprecated (the v1 Synapse Spark pool).
    #[must_use]
    pub const fn is_deprecated(self) -> bool {
        matches!(self, ComputeKind::SynapseSpark)
    }

    /// The cluster-versus-instance capability table; `None` for other kinds, which the table
    /// does not cover.
    ///
    /// ```
    /// use aml_targets::ComputeKind;
    ///
    /// let cluster = ComputeKind::ComputeCluster.capabilities().unwrap();
    /// let instance = ComputeKind::ComputeInstance.capabilities().unwrap();
    /// assert!(cluster.multi_node && !instance.multi_node);
    /// assert!(ComputeKind::Databricks.capabilities().is_none());
    /// ```
    #[must_use]
    pub const fn capabilities(self) -> Option<ComputeCapabilities> {
        match self {
            ComputeKind::ComputeCluster => Some(ComputeCapabilities {
                multi_node: true,
                autoscales_on_job_submission: true,
                automatic_cluster_management_and_job_scheduling: true,
                cpu_and_gpu: true,
            }),
            ComputeKind::ComputeInstance => Some(ComputeCapabilities {
                multi_node: false,
                autoscales_on_job_submission: false,
                automatic_cluster_management_and_job_scheduling: true,
                cpu_and_gpu: true,
            }),
            ComputeKind::ServerlessCompute
            | ComputeKind::Kubernetes
            | ComputeKind::RemoteVm
            | ComputeKind::HdInsight
            | ComputeKind::Databricks
            | ComputeKind::DataLakeAnalytics
            | ComputeKind::AzureKubernetesService
            | ComputeKind::SynapseSpark => None,
        }
    }

    /// How to avoid paying for idle compute of this kind, as the page advises in `edition`;
    /// `None` where the page gives no advice.
    ///
    /// ```
    /// use aml_targets::{ComputeKind, DocEdition};
    ///
    /// let advice = ComputeKind::ComputeInstance.idle_charge_advice(DocEdition::Nov2025).unwrap();
    /// assert!(advice.action.contains("idle shutdown"));
    /// assert!(advice.stopped_still_bills.unwrap().contains("public IP"));
    /// let old = ComputeKind::ComputeInstance.idle_charge_advice(DocEdition::Jan2024).unwrap();
    /// assert_eq!(old.stopped_still_bills, None);
    /// ```
    #[must_use]
    pub const fn idle_charge_advice(self, edition: DocEdition) -> Option<IdleChargeAdvice> {
        match self {
            ComputeKind::ComputeCluster => Some(IdleChargeAdvice {
                action: "set the minimum number of nodes to 0, or use serverless compute",
                stopped_still_bills: None,
                source: MANAGED_SOURCE,
            }),
            ComputeKind::ComputeInstance => Some(IdleChargeAdvice {
                action: "enable idle shutdown",
                stopped_still_bills: match edition {
                    DocEdition::Jan2024 => None,
                    DocEdition::Nov2025 | DocEdition::Mar2026 => {
                        Some("disk, public IP and standard load balancer")
                    }
                },
                source: MANAGED_SOURCE,
            }),
            ComputeKind::ServerlessCompute
            | ComputeKind::Kubernetes
            | ComputeKind::RemoteVm
            | ComputeKind::HdInsight
            | ComputeKind::Databricks
            | ComputeKind::DataLakeAnalytics
            | ComputeKind::AzureKubernetesService
            | ComputeKind::SynapseSpark => None,
        }
    }

    /// A note the page attaches to this kind.
    #[must_use]
    pub const fn note(self) -> &'static str {
        match self {
            ComputeKind::ComputeCluster => {
                "managed; scales out to many nodes on each job submission"
            }
            ComputeKind::ServerlessCompute => {
                "managed; needs no creation, Azure ML manages its lifecycle; the recommended \
                 alternative to a compute cluster"
            }
            ComputeKind::ComputeInstance => {
                "managed; single node with a 120 GB OS disk (free 1-2 GB before stopping or \
                 restarting when it fills)"
            }
            ComputeKind::Kubernetes
            | ComputeKind::RemoteVm
            | ComputeKind::HdInsight
            | ComputeKind::Databricks
            | ComputeKind::DataLakeAnalytics
            | ComputeKind::AzureKubernetesService => {
                "attached; may need extra steps to maintain or to perform well for ML"
            }
            ComputeKind::SynapseSpark => {
                "attached (v1 only, deprecated); may need extra steps to maintain or to perform \
                 well for ML"
            }
        }
    }

    /// Where the facts about this kind come from.
    #[must_use]
    pub const fn source(self) -> &'static str {
        if self.is_managed() {
            MANAGED_SOURCE
        } else {
            UNMANAGED_SOURCE
        }
    }
}

/// One column of the page's cluster-versus-instance capability table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
// Each flag is one row of the page's table; an enum per row would only rename "yes" and "no".
#[allow(clippy::struct_excessive_bools)]
pub struct ComputeCapabilities {
    /// Multi-node (cluster) rather than single node (instance).
    pub multi_node: bool,
    /// Autoscales each time a job is submitted.
    pub autoscales_on_job_submission: bool,
    /// Automatic cluster management and job scheduling.
    pub automatic_cluster_management_and_job_scheduling: bool,
    /// Supports both CPU and GPU resources.
    pub cpu_and_gpu: bool,
}

/// The page's advice for not paying for idle compute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct IdleChargeAdvice {
    /// What to do.
    pub action: &'static str,
    /// What a stopped resource still bills, where the edition says so (Nov 2025 on).
    pub stopped_still_bills: Option<&'static str>,
    /// Where the advice comes from.
    pub source: &'static str,
}

/// A compute instance's OS disk, in GB as the page writes it.
pub const COMPUTE_INSTANCE_OS_DISK_GB: u32 = 120;

/// When a compute instance's OS disk fills, free at least this much (the page says 1–2 GB)
/// before stopping or restarting it: the lower figure.
pub const COMPUTE_INSTANCE_FREE_DISK_MIN_GB: u32 = 1;

/// The upper figure of the page's "free at least 1–2 GB" advice.
pub const COMPUTE_INSTANCE_FREE_DISK_MAX_GB: u32 = 2;

/// Inference sizing: start with a machine that has this percentage of the RAM the model
/// needs (every edition).
pub const INFERENCE_RAM_HEADROOM_PERCENT: u32 = 150;

/// The page's sizing rule for inference, in words.
pub const SIZING_ADVICE: &str = "scale up, then scale out: start with a machine that has 150% \
     of the RAM the model needs, profile, find the size that performs, then add machines for \
     concurrent inference";

/// The RAM, in the caller's unit, to start sizing from for a model that needs `model_ram`:
/// [`INFERENCE_RAM_HEADROOM_PERCENT`] of it.
///
/// ```
/// assert_eq!(aml_targets::targets::inference_ram_with_headroom(8.0), 12.0);
/// ```
#[must_use]
pub fn inference_ram_with_headroom(model_ram: f64) -> f64 {
    model_ram * f64::from(INFERENCE_RAM_HEADROOM_PERCENT) / 100.0
}
