//! Training targets and what each supports: the page's training table (FACTS §1), and the
//! services behind them that Microsoft has retired (FACTS §5).

use crate::date::Date;
use crate::edition::{ApiView, DocEdition};

/// Where the training tables come from, for every value in this module.
const TRAINING_SOURCE: &str =
    "concept-compute-target.md, \"Training compute targets\" (every edition)";

crate::macros::name_enum! {
/// A compute target for training, as listed in the page's training table.
///
/// `Display` prints a stable kebab-case id; [`TrainingTarget::page_name`] gives the page's own
/// words, which `FromStr` also accepts (ASCII case ignored).
///
/// ```
/// use aml_targets::TrainingTarget;
/// use aml_targets::targets::{Support, TrainingFeature};
///
/// let t: TrainingTarget = "Azure Databricks".parse()?;
/// assert_eq!(t, TrainingTarget::Databricks);
/// assert_eq!(t.support(TrainingFeature::AutomatedMl), Support::SdkLocalModeOnly);
/// assert!(!t.is_remote_training_target());
/// # Ok::<(), aml_targets::ParseNameError>(())
/// ```
#[non_exhaustive]
pub enum TrainingTarget ("training target") {
    /// Your own computer (the page's "Local computer").
    #[strum(
        to_string = "local-computer",
        serialize = "local",
        serialize = "Local computer"
    )]
    LocalComputer,
    /// A managed Azure ML compute cluster (`amlcompute`).
    #[strum(
        to_string = "compute-cluster",
        serialize = "cluster",
        serialize = "amlcompute",
        serialize = "Compute cluster"
    )]
    ComputeCluster,
    /// Serverless compute: Azure ML creates and manages the compute per job.
    #[strum(
        to_string = "serverless-compute",
        serialize = "serverless",
        serialize = "Serverless compute"
    )]
    ServerlessCompute,
    /// A managed compute instance (`computeinstance`).
    #[strum(
        to_string = "compute-instance",
        serialize = "instance",
        serialize = "computeinstance",
        serialize = "Compute instance"
    )]
    ComputeInstance,
    /// A Kubernetes cluster attached to the workspace.
    #[strum(to_string = "kubernetes", serialize = "Kubernetes")]
    Kubernetes,
    /// A remote virtual machine attached to the workspace.
    #[strum(
        to_string = "remote-vm",
        serialize = "virtualmachine",
        serialize = "Remote VM"
    )]
    RemoteVm,
    /// Apache Spark pools in Azure Synapse Analytics (preview).
    #[strum(
        to_string = "spark-pool",
        serialize = "synapsespark",
        serialize = "synapse-spark",
        serialize = "Apache Spark pools",
        serialize = "Apache Spark pools (preview)"
    )]
    SparkPool,
    /// Azure Databricks.
    #[strum(to_string = "databricks", serialize = "Azure Databricks")]
    Databricks,
    /// Azure Data Lake Analytics.
    #[strum(
        to_string = "data-lake-analytics",
        serialize = "Azure Data Lake Analytics"
    )]
    DataLakeAnalytics,
    /// Azure HDInsight.
    #[strum(to_string = "hdinsight", serialize = "Azure HDInsight")]
    HdInsight,
    /// Azure Batch.
    #[strum(to_string = "batch", serialize = "Azure Batch")]
    Batch,
}
}

crate::macros::name_enum! {
/// A training capability the page's training table has a column for.
///
/// ```
/// use aml_targets::targets::TrainingFeature;
///
/// assert_eq!("automl".parse::<TrainingFeature>()?, TrainingFeature::AutomatedMl);
/// assert_eq!(TrainingFeature::MlPipelines.page_name(), "Azure Machine Learning pipelines");
/// # Ok::<(), aml_targets::ParseNameError>(())
/// ```
#[non_exhaustive]
pub enum TrainingFeature ("training feature") {
    /// Automated machine learning (AutoML).
    #[strum(
        to_string = "automated-ml",
        serialize = "automl",
        serialize = "Automated ML"
    )]
    AutomatedMl,
    /// Azure Machine Learning pipelines.
    #[strum(
        to_string = "ml-pipelines",
        serialize = "pipelines",
        serialize = "pipeline",
        serialize = "ML pipelines",
        serialize = "Azure Machine Learning pipelines"
    )]
    MlPipelines,
    /// The Azure Machine Learning designer.
    #[strum(to_string = "designer", serialize = "Azure Machine Learning designer")]
    Designer,
}
}

impl TrainingFeature {
    /// The column heading the page uses.
    #[must_use]
    pub const fn page_name(self) -> &'static str {
        match self {
            TrainingFeature::AutomatedMl => "Automated machine learning",
            TrainingFeature::MlPipelines => "Azure Machine Learning pipelines",
            TrainingFeature::Designer => "Azure Machine Learning designer",
        }
    }
}

crate::macros::name_enum! {
/// How far a target supports a feature, keeping the page's qualifiers.
///
/// ```
/// use aml_targets::TrainingTarget;
/// use aml_targets::targets::{Support, TrainingFeature};
///
/// let s = TrainingTarget::ComputeInstance.support(TrainingFeature::AutomatedMl);
/// assert_eq!(s, Support::ThroughSdk);
/// assert!(s.is_supported());
/// assert_eq!(s.qualifier(), Some("through SDK"));
/// assert_eq!(s.page_text(), "Yes (through SDK)");
/// ```
pub enum Support ("support level") {
    /// Not supported (an empty cell on the page).
    #[strum(to_string = "no", serialize = "not-supported")]
    No,
    /// Supported, but only in the SDK's local mode (the page's "SDK local mode only").
    #[strum(to_string = "sdk-local-mode-only")]
    SdkLocalModeOnly,
    /// Supported through the SDK (the page's "Yes (through SDK)").
    #[strum(to_string = "through-sdk")]
    ThroughSdk,
    /// Supported without qualification.
    #[strum(to_string = "yes", serialize = "supported")]
    Yes,
}
}

impl Support {
    /// Whether the feature can be used at all, with or without a qualifier.
    #[must_use]
    pub const fn is_supported(self) -> bool {
        !matches!(self, Support::No)
    }

    /// The page's qualifier, if the support is qualified.
    #[must_use]
    pub const fn qualifier(self) -> Option<&'static str> {
        match self {
            Support::SdkLocalModeOnly => Some("SDK local mode only"),
            Support::ThroughSdk => Some("through SDK"),
            Support::No | Support::Yes => None,
        }
    }

    /// The cell as the page writes it; an empty cell is shown as `—`.
    #[must_use]
    pub const fn page_text(self) -> &'static str {
        match self {
            Support::No => "—",
            Support::SdkLocalModeOnly => "Yes (SDK local mode only)",
            Support::ThroughSdk => "Yes (through SDK)",
            Support::Yes => "Yes",
        }
    }
}

/// One row of the training table: a target's support for each [`TrainingFeature`].
/// `#[non_exhaustive]` like [`TrainingFeature`]: a new feature adds a field; read a feature
/// you name at run time with [`FeatureSupport::get`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct FeatureSupport {
    /// Automated machine learning.
    pub automated_ml: Support,
    /// Azure Machine Learning pipelines.
    pub ml_pipelines: Support,
    /// Azure Machine Learning designer.
    pub designer: Support,
}

impl FeatureSupport {
    /// The support for one feature.
    #[must_use]
    pub const fn get(self, feature: TrainingFeature) -> Support {
        match feature {
            TrainingFeature::AutomatedMl => self.automated_ml,
            TrainingFeature::MlPipelines => self.ml_pipelines,
            TrainingFeature::Designer => self.designer,
        }
    }
}

impl TrainingTarget {
    /// The row label the page uses.
    #[must_use]
    pub const fn page_name(self) -> &'static str {
        match self {
            TrainingTarget::LocalComputer => "Local computer",
            TrainingTarget::ComputeCluster => "Compute cluster",
            TrainingTarget::ServerlessCompute => "Serverless compute",
            TrainingTarget::ComputeInstance => "Compute instance",
            TrainingTarget::Kubernetes => "Kubernetes",
            TrainingTarget::RemoteVm => "Remote VM",
            TrainingTarget::SparkPool => "Apache Spark pools (preview)",
            TrainingTarget::Databricks => "Azure Databricks",
            TrainingTarget::DataLakeAnalytics => "Azure Data Lake Analytics",
            TrainingTarget::HdInsight => "Azure HDInsight",
            TrainingTarget::Batch => "Azure Batch",
        }
    }

    /// The target's row of the training table. The cells are the same in every edition that
    /// lists the target.
    #[must_use]
    pub const fn features(self) -> FeatureSupport {
        use Support::{No, SdkLocalModeOnly, ThroughSdk, Yes};
        let (automated_ml, ml_pipelines, designer) = match self {
            TrainingTarget::LocalComputer => (Yes, No, No),
            TrainingTarget::ComputeCluster | TrainingTarget::ServerlessCompute => (Yes, Yes, Yes),
            TrainingTarget::ComputeInstance => (ThroughSdk, Yes, Yes),
            TrainingTarget::Kubernetes => (No, Yes, Yes),
            TrainingTarget::RemoteVm => (Yes, Yes, No),
            TrainingTarget::SparkPool | TrainingTarget::Databricks => (SdkLocalModeOnly, Yes, No),
            TrainingTarget::DataLakeAnalytics
            | TrainingTarget::HdInsight
            | TrainingTarget::Batch => (No, Yes, No),
        };
        FeatureSupport {
            automated_ml,
            ml_pipelines,
            designer,
        }
    }

    /// How far this target supports `feature`.
    ///
    /// ```
    /// use aml_targets::TrainingTarget;
    /// use aml_targets::targets::{Support, TrainingFeature};
    ///
    /// let instance = TrainingTarget::ComputeInstance;
    /// assert_eq!(instance.support(TrainingFeature::AutomatedMl), Support::ThroughSdk);
    /// assert!(instance.support(TrainingFeature::Designer).is_supported());
    /// ```
    #[must_use]
    pub const fn support(self, feature: TrainingFeature) -> Support {
        self.features().get(feature)
    }

    /// Whether the page lists this target in the training table of `edition` for `view`.
    ///
    /// Jan 2024 has one table with all 11 targets for both views. From Nov 2025 the v2 view
    /// has no local computer and the v1 view no serverless compute; from Mar 2026 the v1 view
    /// also drops Azure Data Lake Analytics.
    ///
    /// ```
    /// use aml_targets::{ApiView, DocEdition, TrainingTarget};
    ///
    /// let local = TrainingTarget::LocalComputer;
    /// assert!(local.is_listed(DocEdition::Jan2024, ApiView::V2));
    /// assert!(!local.is_listed(DocEdition::Nov2025, ApiView::V2));
    /// assert!(local.is_listed(DocEdition::Nov2025, ApiView::V1));
    /// ```
    #[must_use]
    pub fn is_listed(self, edition: DocEdition, view: ApiView) -> bool {
        match (edition, view, self) {
            (DocEdition::Jan2024, _, _) => true,
            (_, ApiView::V2, TrainingTarget::LocalComputer)
            | (_, ApiView::V1, TrainingTarget::ServerlessCompute)
            | (DocEdition::Mar2026, ApiView::V1, TrainingTarget::DataLakeAnalytics) => false,
            _ => true,
        }
    }

    /// The targets the page lists for `edition` and `view`, in the page's order.
    ///
    /// ```
    /// use aml_targets::{ApiView, DocEdition, TrainingTarget};
    ///
    /// let v2: Vec<_> = TrainingTarget::listed(DocEdition::Mar2026, ApiView::V2).collect();
    /// assert!(!v2.contains(&TrainingTarget::LocalComputer));
    /// assert_eq!(TrainingTarget::listed(DocEdition::Jan2024, ApiView::V2).count(), 11);
    /// ```
    pub fn listed(edition: DocEdition, view: ApiView) -> impl Iterator<Item = TrainingTarget> {
        TrainingTarget::ALL
            .iter()
            .copied()
            .filter(move |t| t.is_listed(edition, view))
    }

    /// Whether Azure ML manages this compute (compute clusters, serverless compute and compute
    /// instances); every other kind is attached.
    #[must_use]
    pub const fn is_managed(self) -> bool {
        matches!(
            self,
            TrainingTarget::ComputeCluster
                | TrainingTarget::ServerlessCompute
                | TrainingTarget::ComputeInstance
        )
    }

    /// Whether training jobs can be submitted to this target as a remote compute target.
    ///
    /// False for the local computer (jobs run where you are) and for Azure Databricks, which
    /// the page allows "for local runs and ML pipelines, but not as a remote target for other
    /// training" (see [`TrainingTarget::caveat`]).
    ///
    /// ```
    /// use aml_targets::TrainingTarget;
    ///
    /// assert!(TrainingTarget::ComputeCluster.is_remote_training_target());
    /// assert!(!TrainingTarget::Databricks.is_remote_training_target());
    /// ```
    #[must_use]
    pub const fn is_remote_training_target(self) -> bool {
        !matches!(
            self,
            TrainingTarget::LocalComputer | TrainingTarget::Databricks
        )
    }

    /// Whether the page marks the target as a preview.
    #[must_use]
    pub const fn is_preview(self) -> bool {
        matches!(self, TrainingTarget::SparkPool)
    }

    /// A restriction the page states in prose beside the table.
    ///
    /// ```
    /// use aml_targets::TrainingTarget;
    ///
    /// assert!(TrainingTarget::Databricks.caveat().unwrap().contains("ML pipelines"));
    /// assert_eq!(TrainingTarget::ComputeCluster.caveat(), None);
    /// ```
    #[must_use]
    pub const fn caveat(self) -> Option<&'static str> {
        match self {
            TrainingTarget::Databricks => Some(
                "Azure Databricks can be a training resource for local runs and ML pipelines, \
                 but not a remote target for other training",
            ),
            TrainingTarget::SparkPool => Some("Apache Spark pools in Azure Synapse are a preview"),
            TrainingTarget::LocalComputer
            | TrainingTarget::ComputeCluster
            | TrainingTarget::ServerlessCompute
            | TrainingTarget::ComputeInstance
            | TrainingTarget::Kubernetes
            | TrainingTarget::RemoteVm
            | TrainingTarget::DataLakeAnalytics
            | TrainingTarget::HdInsight
            | TrainingTarget::Batch => None,
        }
    }

    /// Where the training facts come from.
    #[must_use]
    pub const fn source(self) -> &'static str {
        TRAINING_SOURCE
    }

    /// The retirement of the service behind the target, if it is retired or retiring.
    ///
    /// ```
    /// use aml_targets::{Date, TrainingTarget};
    ///
    /// let adla = TrainingTarget::DataLakeAnalytics.retired_service().unwrap();
    /// assert_eq!(adla.date, "2024-02-29".parse::<Date>()?);
    /// assert!(TrainingTarget::DataLakeAnalytics.is_retired("2026-11-27".parse()?));
    /// assert!(TrainingTarget::HdInsight.retired_service().is_none());
    /// # Ok::<(), aml_targets::date::ParseDateError>(())
    /// ```
    #[must_use]
    pub fn retired_service(self) -> Option<&'static RetiredService> {
        RETIRED_SERVICES.iter().find(|r| r.target == self)
    }

    /// Whether the service behind the target is retired on `on`: the page may still list
    /// it, but it does not run jobs.
    ///
    /// ```
    /// use aml_targets::TrainingTarget;
    ///
    /// let adla = TrainingTarget::DataLakeAnalytics;
    /// assert!(!adla.is_retired("2024-02-28".parse()?));
    /// assert!(adla.is_retired("2024-02-29".parse()?));
    /// # Ok::<(), aml_targets::date::ParseDateError>(())
    /// ```
    #[must_use]
    pub fn is_retired(self, on: Date) -> bool {
        self.retired_service().is_some_and(|r| r.date <= on)
    }
}

/// A training target whose service Microsoft has retired (or announced it will).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct RetiredService {
    /// The target.
    pub target: TrainingTarget,
    /// The day the service retires: on and after it, the service is retired.
    pub date: Date,
    /// What else is known.
    pub note: &'static str,
    /// Where the date comes from.
    pub source: &'static str,
}

/// Training targets whose service is retired (FACTS §5). The other services behind the page's
/// targets were checked and are not retired: HDInsight retired its 4.0 and 5.0 versions on
/// 2025-03-31 but runs 5.1; Azure Batch retired features only; Azure Databricks and Synapse
/// Spark pools have no retirement (the Synapse linked service of SDK v1 is deprecated).
pub const RETIRED_SERVICES: &[RetiredService] = &[RetiredService {
    target: TrainingTarget::DataLakeAnalytics,
    date: Date::ymd(2024, 2, 29),
    note: "the Azure ML page still lists it as a training target (v2 table, Mar 2026); \
           Microsoft's migration path is Azure Synapse Analytics",
    source: "Azure/EOL service_list.json (\"Azure Data Lake Analytics\", \"Entire Service\", \
             2024-02-29, https://azure.microsoft.com/updates/migrate-to-azure-synapse-analytics/); \
             Microsoft Learn data-lake-analytics-overview (\"retired on February 29, 2024\")",
}];
