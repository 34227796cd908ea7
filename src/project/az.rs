//! Computes as `az ml compute list -o json` prints them (an array of compute objects with
//! the compute YAML's keys: `name`, `type`, `size`, `min_instances`, `max_instances`, `tier`,
//! `location`, …; sizes often upper case, such as `STANDARD_NC6S_V3`) or as the REST
//! `Compute - List` returns them (`{"value": [{"name", "properties": {"computeType",
//! "properties": {"vmSize", "vmPriority", "scaleSettings": {"minNodeCount",
//! "maxNodeCount"}}}}]}`). Extra keys are ignored.

use std::path::PathBuf;

use serde_json::Value;

use crate::plan::{ComputeDef, Tier};
use crate::project::DefinedCompute;
use crate::targets::ComputeKind;

/// Why a compute listing cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ComputeListError {
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
    /// JSON, but neither an array of computes nor an object with a `value` array.
    #[error(
        "expected what `az ml compute list -o json` prints (an array of computes) or the REST list (an object with a \"value\" array)"
    )]
    Shape,
}

impl From<crate::vm::ListingError> for ComputeListError {
    fn from(e: crate::vm::ListingError) -> Self {
        use crate::vm::ListingError;
        match e {
            ListingError::Json {
                message,
                line,
                column,
            } => ComputeListError::Json {
                message,
                line,
                column,
            },
            ListingError::Shape => ComputeListError::Shape,
        }
    }
}

/// The kind a compute `type` (CLI) or `computeType` (REST) names, ignoring case.
fn kind_of(ty: &str) -> Option<ComputeKind> {
    Some(match ty.to_ascii_lowercase().as_str() {
        "amlcompute" => ComputeKind::ComputeCluster,
        "computeinstance" => ComputeKind::ComputeInstance,
        "kubernetes" => ComputeKind::Kubernetes,
        "aks" => ComputeKind::AzureKubernetesService,
        "virtualmachine" => ComputeKind::RemoteVm,
        "synapsespark" => ComputeKind::SynapseSpark,
        "hdinsight" => ComputeKind::HdInsight,
        "databricks" => ComputeKind::Databricks,
        "datalakeanalytics" => ComputeKind::DataLakeAnalytics,
        _ => return None,
    })
}

fn str_at<'v>(v: &'v Value, path: &[&str]) -> Option<&'v str> {
    path.iter().try_fold(v, |v, k| v.get(k))?.as_str()
}

fn u32_at(v: &Value, path: &[&str]) -> Option<u32> {
    let v = path.iter().try_fold(v, |v, k| v.get(k))?;
    v.as_u64()
        .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
        .and_then(|n| u32::try_from(n).ok())
}

/// Reads a compute listing. Entries without a name or of a kind this crate does not model
/// are left out; each compute keeps the line of its `"name"` in `text`.
///
/// ```
/// use aml_targets::ComputeKind;
/// use aml_targets::project::computes_from_json;
///
/// let listed = r#"[{"name": "gpu-cluster", "type": "amlcompute", "size": "STANDARD_NC6S_V3",
///   "min_instances": 0, "max_instances": 4, "provisioning_state": "Succeeded"}]"#;
/// let computes = computes_from_json(listed, "computes.json")?;
/// assert_eq!(computes[0].compute.kind, ComputeKind::ComputeCluster);
/// assert_eq!(computes[0].compute.size.as_deref(), Some("STANDARD_NC6S_V3"));
/// assert_eq!(computes[0].line, Some(1));
/// # Ok::<(), aml_targets::project::ComputeListError>(())
/// ```
///
/// # Errors
///
/// [`ComputeListError`] when the text is not JSON, or not one of the two shapes.
pub fn computes_from_json(
    text: &str,
    file: impl Into<PathBuf>,
) -> Result<Vec<DefinedCompute>, ComputeListError> {
    let file = file.into();
    let mut listing = crate::vm::JsonListing::parse(text)?;
    let (entries, rest) = (std::mem::take(&mut listing.entries), listing.rest);
    let mut out = Vec::new();
    for (index, entry) in entries.iter().enumerate() {
        let Some(name) = str_at(entry, &["name"]) else {
            continue;
        };
        let line = listing.line_of(index, name);
        let (ty, size, min, max, tier, location) = if rest {
            let p = &["properties"];
            let pp = |k: &'static str| -> Vec<&'static str> { vec!["properties", "properties", k] };
            (
                str_at(entry, &[p[0], "computeType"]),
                str_at(entry, &pp("vmSize")),
                u32_at(
                    entry,
                    &["properties", "properties", "scaleSettings", "minNodeCount"],
                ),
                u32_at(
                    entry,
                    &["properties", "properties", "scaleSettings", "maxNodeCount"],
                ),
                str_at(entry, &pp("vmPriority")),
                str_at(entry, &["location"]).or_else(|| str_at(entry, &[p[0], "computeLocation"])),
            )
        } else {
            (
                str_at(entry, &["type"]),
                str_at(entry, &["size"]),
                u32_at(entry, &["min_instances"]),
                u32_at(entry, &["max_instances"]),
                str_at(entry, &["tier"]),
                str_at(entry, &["location"]),
            )
        };
        let Some(kind) = ty.and_then(kind_of) else {
            continue;
        };
        let mut compute = ComputeDef::new(name, kind);
        compute.size = size.map(str::to_owned);
        compute.min_instances = min;
        compute.max_instances = max;
        compute.tier = tier.and_then(|t| match t.to_ascii_lowercase().replace('_', "").as_str() {
            "dedicated" => Some(Tier::Dedicated),
            "lowpriority" => Some(Tier::LowPriority),
            _ => None,
        });
        compute.region = location.map(str::to_owned);
        out.push(DefinedCompute::new(compute, file.clone(), line));
    }
    Ok(out)
}
