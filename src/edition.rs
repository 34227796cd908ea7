//! Editions: of the Azure Machine Learning page ([`DocEdition`]), of the SDK/CLI views it
//! distinguishes ([`ApiView`]), and of the crate's own data ([`DATA_AS_OF`]).

use crate::date::Date;

/// The day the crate's data was last checked against its sources: retirements and
/// replacements announced after it, newer page editions, toolkits and framework releases are
/// not in this version. Tables with an older snapshot say so in their own
/// [`DataTable::as_of`](crate::data::DataTable::as_of).
///
/// ```
/// use aml_targets::{DATA_AS_OF, Date};
///
/// // A build that depends on an answer can refuse data older than it expects.
/// assert!(DATA_AS_OF >= "2026-11-27".parse::<Date>()?);
/// # Ok::<(), aml_targets::date::ParseDateError>(())
/// ```
pub const DATA_AS_OF: Date = Date::ymd(2026, 11, 27);

crate::macros::name_enum! {
/// An edition of Microsoft's page "What are compute targets in Azure Machine Learning?"
/// (`MicrosoftDocs/azure-ai-docs`, `articles/machine-learning/concept-compute-target.md`).
///
/// The page changes; facts that differ between editions take an edition. The newest edition is
/// the [`Default`]. Editions are ordered chronologically.
///
/// ```
/// use aml_targets::DocEdition;
///
/// assert_eq!(DocEdition::default(), DocEdition::LATEST);
/// assert_eq!(DocEdition::LATEST, DocEdition::Mar2026);
/// assert_eq!("2025-11".parse::<DocEdition>()?, DocEdition::Nov2025);
/// assert!(DocEdition::Jan2024 < DocEdition::Nov2025);
/// # Ok::<(), aml_targets::ParseNameError>(())
/// ```
#[derive(Default)]
#[non_exhaustive]
pub enum DocEdition ("page edition") {
    /// `ms.date` 01/23/2024, azure-ai-docs commit `0eea71ca`: one training table with 11 rows,
    /// 27 VM series, the retirements of 2023 and 2024.
    #[strum(to_string = "2024-01", serialize = "jan2024", serialize = "jan-2024")]
    Jan2024,
    /// `ms.date` 11/13/2025, azure-ai-docs commit `43dc14ea`: the training table split into the
    /// SDK/CLI v2 and v1 views, ND-H100-v5 and ND-H200-v5 added, NCv3 retirement added, stopped
    /// instances still bill disk, public IP and load balancer.
    #[strum(to_string = "2025-11", serialize = "nov2025", serialize = "nov-2025")]
    Nov2025,
    /// `ms.date` 03/31/2026 (rendered page): Av2, NCads_A100_v4 and NCads_H100_v5 added with GPU
    /// model labels, a Hopper row in the CUDA table, Data Lake Analytics dropped from the v1
    /// training table.
    #[default]
    #[strum(to_string = "2026-03", serialize = "mar2026", serialize = "mar-2026")]
    Mar2026,
}
}

impl DocEdition {
    /// The newest edition the crate encodes.
    pub const LATEST: DocEdition = DocEdition::Mar2026;

    /// The page's `ms.date` for this edition.
    #[must_use]
    pub const fn ms_date(self) -> Date {
        match self {
            DocEdition::Jan2024 => Date::ymd(2024, 1, 23),
            DocEdition::Nov2025 => Date::ymd(2025, 11, 13),
            DocEdition::Mar2026 => Date::ymd(2026, 3, 31),
        }
    }

    /// Where this edition was read.
    #[must_use]
    pub const fn source(self) -> &'static str {
        match self {
            DocEdition::Jan2024 => {
                "MicrosoftDocs/azure-ai-docs@0eea71ca articles/machine-learning/concept-compute-target.md"
            }
            DocEdition::Nov2025 => {
                "MicrosoftDocs/azure-ai-docs@43dc14ea articles/machine-learning/concept-compute-target.md"
            }
            DocEdition::Mar2026 => "rendered page, ms.date 03/31/2026",
        }
    }

    /// The newest edition published on or before `date`, or `None` before the oldest one.
    ///
    /// ```
    /// use aml_targets::{Date, DocEdition};
    ///
    /// let d: Date = "2025-12-01".parse()?;
    /// assert_eq!(DocEdition::as_of(d), Some(DocEdition::Nov2025));
    /// # Ok::<(), aml_targets::date::ParseDateError>(())
    /// ```
    #[must_use]
    pub fn as_of(date: Date) -> Option<DocEdition> {
        DocEdition::ALL
            .iter()
            .rev()
            .copied()
            .find(|e| e.ms_date() <= date)
    }
}

crate::macros::name_enum! {
/// The Azure ML SDK/CLI generation a fact belongs to. The page shows some tables twice, once
/// per view; the current view, v2, is the [`Default`].
///
/// ```
/// use aml_targets::ApiView;
///
/// assert_eq!(ApiView::default(), ApiView::V2);
/// assert_eq!("SDK-v1".parse::<ApiView>()?, ApiView::V1);
/// # Ok::<(), aml_targets::ParseNameError>(())
/// ```
#[derive(Default)]
pub enum ApiView ("SDK/CLI view") {
    /// Azure ML SDK v1 and the CLI v1 extension (`azureml-core`, `az ml` 1.x).
    #[strum(to_string = "v1", serialize = "sdk-v1", serialize = "cli-v1")]
    V1,
    /// Azure ML SDK v2 and CLI v2 (`azure-ai-ml`, `az ml` 2.x), the current one.
    #[default]
    #[strum(to_string = "v2", serialize = "sdk-v2", serialize = "cli-v2")]
    V2,
}
}

/// When Microsoft's support for a part of an SDK/CLI view ends or ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct EndOfSupport {
    /// What stops being supported.
    pub what: &'static str,
    /// Deprecated since (no new features), where the source says.
    pub deprecated: Option<Date>,
    /// The last day of support.
    pub ends: Date,
    /// Where it is said.
    pub source: &'static str,
}

impl EndOfSupport {
    /// Whether support has ended on `on` (the day after [`ends`](EndOfSupport::ends)).
    #[must_use]
    pub fn ended(&self, on: Date) -> bool {
        on > self.ends
    }
}

/// The v1 view's end of support: SDK v1 deprecated 2025-03-31 and supported until
/// 2026-06-30; CLI v1 (`azure-cli-ml`) supported until 2025-09-30.
pub const V1_END_OF_SUPPORT: [EndOfSupport; 2] = [
    EndOfSupport {
        what: "Azure ML SDK v1 (azureml-core)",
        deprecated: Some(Date::ymd(2025, 3, 31)),
        ends: Date::ymd(2026, 6, 30),
        source: "MicrosoftDocs/azure-ai-docs articles/machine-learning/includes/sdk-v1-deprecation.md@454edbd3",
    },
    EndOfSupport {
        what: "Azure ML CLI v1 (the azure-cli-ml extension)",
        deprecated: None,
        ends: Date::ymd(2025, 9, 30),
        source: "MicrosoftDocs/azure-ai-docs articles/machine-learning/includes/machine-learning-cli-v1-deprecation.md@5fa89fd5",
    },
];

impl ApiView {
    /// Microsoft's end of support for the view's SDK and CLI: both v1 parts for
    /// [`ApiView::V1`], none for the current v2.
    ///
    /// ```
    /// use aml_targets::{ApiView, Date};
    ///
    /// let on: Date = "2026-12-07".parse()?;
    /// let ended: Vec<&str> = ApiView::V1
    ///     .end_of_support()
    ///     .iter()
    ///     .filter(|e| e.ended(on))
    ///     .map(|e| e.what)
    ///     .collect();
    /// assert_eq!(ended, ["Azure ML SDK v1 (azureml-core)", "Azure ML CLI v1 (the azure-cli-ml extension)"]);
    /// assert!(ApiView::V2.end_of_support().is_empty());
    /// # Ok::<(), aml_targets::date::ParseDateError>(())
    /// ```
    #[must_use]
    pub fn end_of_support(self) -> &'static [EndOfSupport] {
        match self {
            ApiView::V1 => &V1_END_OF_SUPPORT,
            ApiView::V2 => &[],
        }
    }
}
