//! "Will this submit?": Azure ML's vCPU quota, offline (issue 17; FACTS has no section on it,
//! the rules are Microsoft's quota pages').
//!
//! The inputs are one command away: `az ml compute list-usage -o json` (or the REST usages
//! list) says each VM family's quota and use in a region, `az ml compute list-sizes` each
//! size's family. The rules ([`check_quota`](crate::lint::check_quota)):
//!
//! - a compute cluster at `max_instances` needs `max_instances × vCPUs` of its family's
//!   dedicated quota and of the regional dedicated total; a low-priority cluster needs them of
//!   the regional low-priority total instead (`how-to-manage-quotas.md`: "a single value
//!   across VM families"), on a size whose listing says `lowPriorityCapable`;
//! - a compute instance needs its vCPUs (instances share the clusters' quota);
//! - a managed online deployment needs `ceil(1.2 × instance_count) × vCPUs` of its family: 20 %
//!   is reserved for upgrades, except on the SKUs Microsoft exempts ([`SURPLUS_EXEMPT_SKUS`]);
//! - what fits alone may not fit together: computes and deployments of one family are summed.

use crate::vm::family_key;

/// What a usage row counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum UsageKind {
    /// A VM family's dedicated vCPUs (`…/vmFamily/dedicatedCores/usages`).
    FamilyDedicated,
    /// A VM family's low-priority vCPUs (`…/vmFamily/lowPriorityCores/usages`; usually no
    /// limit of its own, `-1`).
    FamilyLowPriority,
    /// The region's dedicated vCPUs over all families (`TotalDedicatedCores`).
    TotalDedicated,
    /// The region's low-priority vCPUs (`TotalLowPriorityCores`).
    TotalLowPriority,
    /// The number of computes (`TotalClusters`; instances and deployments count too).
    TotalClusters,
    /// Anything else (workspace-level rows).
    Other,
}

/// One row of a usage listing.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Usage {
    /// `name.value`: the family (`standardDSv2Family`) or the total (`TotalDedicatedCores`).
    pub name: String,
    /// `name.localizedValue`: "Standard DSv2 Family Cluster Dedicated vCPUs".
    pub label: String,
    /// What the row counts.
    pub kind: UsageKind,
    /// `currentValue`: in use.
    pub current: i64,
    /// `limit`; `-1` is no limit of its own.
    pub limit: i64,
    /// The line (from 1) of the row's name in the listing, where known.
    pub line: Option<usize>,
}

impl Usage {
    /// A row (for listings built in code).
    #[must_use]
    pub fn new(name: &str, kind: UsageKind, current: i64, limit: i64) -> Usage {
        Usage {
            name: name.to_owned(),
            label: String::new(),
            kind,
            current,
            limit,
            line: None,
        }
    }

    /// What is free: `limit − current` (0 at least), `None` when the row has no limit.
    /// Computed without overflow for any row (a row built in code may hold any `i64`).
    ///
    /// ```
    /// use aml_targets::quota::{Usage, UsageKind};
    ///
    /// let odd = Usage::new("x", UsageKind::FamilyDedicated, i64::MIN, i64::MAX);
    /// assert_eq!(odd.free(), Some(u64::MAX));
    /// assert_eq!(Usage::new("x", UsageKind::FamilyDedicated, 10, 6).free(), Some(0));
    /// ```
    #[must_use]
    pub fn free(&self) -> Option<u64> {
        (self.limit >= 0).then(|| {
            let free = i128::from(self.limit) - i128::from(self.current);
            u64::try_from(free.max(0)).unwrap_or(u64::MAX)
        })
    }
}

/// A region's quota and use: what `az ml compute list-usage` prints.
///
/// ```
/// use aml_targets::quota::{Usage, UsageKind, Usages};
///
/// let usages = Usages::new(vec![
///     Usage::new("standardDSv2Family", UsageKind::FamilyDedicated, 4, 6),
///     Usage::new("TotalDedicatedCores", UsageKind::TotalDedicated, 20, 24),
/// ]);
/// assert_eq!(usages.family("Standard DSv2 Family").unwrap().free(), Some(2));
/// assert_eq!(usages.total(UsageKind::TotalDedicated).unwrap().free(), Some(4));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Usages {
    rows: Vec<Usage>,
}

impl Usages {
    /// A listing of these rows.
    #[must_use]
    pub fn new(rows: Vec<Usage>) -> Usages {
        Usages { rows }
    }

    /// Every row, in the listing's order.
    #[must_use]
    pub fn rows(&self) -> &[Usage] {
        &self.rows
    }

    /// The dedicated row of `family` (any spelling, see [`family_key`]).
    #[must_use]
    pub fn family(&self, family: &str) -> Option<&Usage> {
        self.row(family, UsageKind::FamilyDedicated)
    }

    /// The low-priority row of `family`.
    #[must_use]
    pub fn family_low_priority(&self, family: &str) -> Option<&Usage> {
        self.row(family, UsageKind::FamilyLowPriority)
    }

    /// The regional row of `kind` (`TotalDedicated`, `TotalLowPriority`, `TotalClusters`).
    #[must_use]
    pub fn total(&self, kind: UsageKind) -> Option<&Usage> {
        self.rows.iter().find(|r| r.kind == kind)
    }

    fn row(&self, family: &str, kind: UsageKind) -> Option<&Usage> {
        let key = family_key(family);
        self.rows
            .iter()
            .find(|r| r.kind == kind && family_key(&r.name) == key)
    }
}

/// The kind of a row from its `type`, or its label when the type is missing.
#[cfg(feature = "json")]
fn kind_of(ty: &str, name: &str, label: &str) -> UsageKind {
    let ty = ty.to_ascii_lowercase();
    let label = label.to_ascii_lowercase();
    let name = name.to_ascii_lowercase();
    if ty.contains("/workspaces/") {
        UsageKind::Other
    } else if ty.contains("vmfamily/dedicatedcores") {
        UsageKind::FamilyDedicated
    } else if ty.contains("vmfamily/lowprioritycores") {
        UsageKind::FamilyLowPriority
    } else if ty.contains("totaldedicatedcores") || name == "totaldedicatedcores" {
        UsageKind::TotalDedicated
    } else if ty.contains("totallowprioritycores") || name == "totallowprioritycores" {
        UsageKind::TotalLowPriority
    } else if ty.contains("totalclusters") || name == "totalclusters" {
        UsageKind::TotalClusters
    } else if !ty.is_empty() {
        UsageKind::Other
    } else if label.contains("low priority") || label.contains("lowpriority") {
        UsageKind::FamilyLowPriority
    } else if label.contains("dedicated") {
        UsageKind::FamilyDedicated
    } else {
        UsageKind::Other
    }
}

#[cfg(feature = "json")]
impl From<crate::vm::ListingError> for UsagesError {
    fn from(e: crate::vm::ListingError) -> Self {
        use crate::vm::ListingError;
        match e {
            ListingError::Json {
                message,
                line,
                column,
            } => UsagesError::Json {
                message,
                line,
                column,
            },
            ListingError::Shape => UsagesError::Shape,
        }
    }
}

/// Why a usage listing cannot be read.
#[cfg(feature = "json")]
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum UsagesError {
    /// Not JSON.
    #[error("not JSON: {message} (line {line}, column {column})")]
    Json {
        /// What is wrong.
        message: String,
        /// Where (from 1).
        line: usize,
        /// Where (from 1).
        column: usize,
    },
    /// JSON, but neither shape.
    #[error(
        "expected what `az ml compute list-usage -o json` prints (an array of usages) or the REST usages list (an object with a \"value\" array)"
    )]
    Shape,
    /// A row with a value no usage can have (a negative use, a limit below -1).
    #[error("usage row {name:?}{}: `{field}` is {value}, out of range", line.map(|l| format!(" (line {l})")).unwrap_or_default())]
    InvalidValue {
        /// The row's name.
        name: String,
        /// The field.
        field: &'static str,
        /// Its value.
        value: i64,
        /// The row's line (from 1), where found.
        line: Option<usize>,
    },
}

#[cfg(feature = "json")]
impl Usages {
    /// Reads `az ml compute list-usage -o json` (an array, snake_case keys:
    /// `current_value`, `name.localized_value`) or the REST usages list (`{"value": [...]}`,
    /// camelCase). Rows without a name or numbers are left out; each keeps the line of its
    /// name.
    ///
    /// ```
    /// use aml_targets::quota::{UsageKind, Usages};
    ///
    /// let rest = r#"{"value": [
    ///   {"unit": "Count", "currentValue": 4, "limit": 6,
    ///    "name": {"value": "standardDSv2Family",
    ///             "localizedValue": "Standard DSv2 Family Cluster Dedicated vCPUs"},
    ///    "type": "Microsoft.MachineLearningServices/vmFamily/dedicatedCores/usages"}]}"#;
    /// let usages = Usages::from_json(rest)?;
    /// let dsv2 = usages.family("standardDSv2Family").unwrap();
    /// assert_eq!((dsv2.free(), dsv2.line), (Some(2), Some(3)));
    /// # Ok::<(), aml_targets::quota::UsagesError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`UsagesError`] when the text is not JSON or not one of the two shapes.
    pub fn from_json(text: &str) -> Result<Usages, UsagesError> {
        use serde_json::Value;
        let mut listing = crate::vm::JsonListing::parse(text)?;
        let entries = std::mem::take(&mut listing.entries);
        let field = |v: &Value, keys: &[&str]| -> Option<Value> {
            keys.iter().find_map(|k| v.get(k)).cloned()
        };
        let mut rows = Vec::new();
        for (index, entry) in entries.iter().enumerate() {
            let name_obj = entry.get("name");
            let name = name_obj
                .and_then(|n| n.get("value"))
                .and_then(Value::as_str)
                .or_else(|| name_obj.and_then(Value::as_str));
            let Some(name) = name else { continue };
            let label = name_obj
                .and_then(|n| field(n, &["localizedValue", "localized_value"]))
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            let number = |keys: &[&str]| field(entry, keys).and_then(|v| v.as_i64());
            let (Some(current), Some(limit)) = (
                number(&["currentValue", "current_value"]),
                number(&["limit"]),
            ) else {
                continue;
            };
            // Use is never negative, and a limit is a count or -1 (none).
            for (field, value, least) in [("currentValue", current, 0), ("limit", limit, -1)] {
                if value < least {
                    return Err(UsagesError::InvalidValue {
                        name: crate::text::shorten(name),
                        field,
                        value,
                        line: listing.line_of(index, name),
                    });
                }
            }
            let ty = entry
                .get("type")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let line = listing.line_of(index, name);
            rows.push(Usage {
                name: name.to_owned(),
                kind: kind_of(ty, name, &label),
                label,
                current,
                limit,
                line,
            });
        }
        Ok(Usages { rows })
    }
}

/// The SKUs Microsoft exempts from the 20 % upgrade reserve of managed online deployments
/// (`MicrosoftDocs/azure-ai-docs` `articles/machine-learning/reference-managed-online-endpoints-vm-sku-list.md`
/// @ `1d987e37`, column "Skip 20% Reservation").
pub const SURPLUS_EXEMPT_SKUS: &[&str] = &[
    "Standard_NC24ads_A100_v4",
    "Standard_NC48ads_A100_v4",
    "Standard_NC96ads_A100_v4",
    "Standard_NC40ads_H100_v5",
    "Standard_NC80adis_H100_v5",
    "Standard_ND96amsr_A100_v4",
    "Standard_ND96asr_v4",
    "Standard_ND40rs_v2",
    "Standard_ND96is_H100_v5",
    "Standard_ND96isr_H100_v5",
];

/// The vCPUs a managed online deployment of `instances` instances of a `vcpus`-core size
/// needs: `ceil(1.2 × instances) × vcpus`, or `instances × vcpus` on an exempt SKU
/// ([`SURPLUS_EXEMPT_SKUS`]; the quota page's rule).
///
/// ```
/// use aml_targets::quota::deployment_vcpus;
///
/// // 10 instances of Standard_DS3_v2 (4 cores): 12 × 4.
/// assert_eq!(deployment_vcpus("Standard_DS3_v2", 4, 10), 48);
/// // One 4-core instance needs 8: "usage 0/6, needed 8".
/// assert_eq!(deployment_vcpus("Standard_F4s_v2", 4, 1), 8);
/// assert_eq!(deployment_vcpus("STANDARD_NC24ADS_A100_V4", 24, 1), 24);
/// // Past what a u64 holds it saturates, so it never reads as little.
/// assert_eq!(deployment_vcpus("Standard_F4s_v2", u32::MAX, u32::MAX), u64::MAX);
/// ```
#[must_use]
pub fn deployment_vcpus(sku: &str, vcpus: u32, instances: u32) -> u64 {
    let exempt = SURPLUS_EXEMPT_SKUS
        .iter()
        .any(|s| s.eq_ignore_ascii_case(sku));
    let nodes = if exempt {
        u64::from(instances)
    } else {
        // ceil(1.2 n) in integers: (6n + 4) / 5 (6 × u32::MAX fits a u64).
        (6 * u64::from(instances)).div_ceil(5)
    };
    // Beyond u64 (more than any region has) it saturates: never a wrap to a small number.
    nodes.saturating_mul(u64::from(vcpus))
}
