//! The plan file: compute definitions, training jobs and deployments, in TOML or JSON, as
//! build tools and CI feed them to [`validate`](crate::lint::validate).
//!
//! Unknown keys are rejected (a misspelt key would otherwise be silently ignored and change
//! what is checked); bad values are errors that name the path (`jobs[2].target`), the value
//! and the accepted values.

use crate::edition::{ApiView, DocEdition};
use crate::fit::{FrameworkNeed, InferenceMode};
use crate::gpu::CudaRequirement;
use crate::targets::{ComputeKind, InferenceTarget};

/// A whole plan.
///
/// ```
/// # #[cfg(feature = "toml")] {
/// use aml_targets::Plan;
///
/// let plan = Plan::from_toml(r#"
///     [[compute]]
///     name = "gpu-cluster"
///     kind = "compute-cluster"
///     size = "Standard_NC6s_v3"
///     max_instances = 4
///
///     [[jobs]]
///     name = "train"
///     target = "gpu-cluster"
///     gpu = true
///     cuda = "12.1"
/// "#)?;
/// assert_eq!(plan.compute[0].max_instances, Some(4));
/// assert_eq!(plan.jobs[0].target, "gpu-cluster");
/// # }
/// # Ok::<(), aml_targets::plan::PlanError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
pub struct Plan {
    /// The page edition to check against (the newest by default).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub edition: Option<DocEdition>,
    /// The SDK/CLI view (v2 by default).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub view: Option<ApiView>,
    /// The Azure region, for regional retirement dates.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub region: Option<String>,
    /// Compute definitions.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    pub compute: Vec<ComputeDef>,
    /// Training jobs.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    pub jobs: Vec<JobDef>,
    /// Deployments.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    pub deployments: Vec<DeploymentDef>,
}

crate::macros::name_enum! {
/// A cluster's VM priority.
pub enum Tier ("tier") {
    /// Dedicated VMs.
    #[strum(to_string = "dedicated")]
    Dedicated,
    /// Low-priority (spot) VMs.
    #[strum(to_string = "low_priority", serialize = "low-priority")]
    LowPriority,
}
}

/// A compute definition. Settings follow the Azure ML CLI v2 compute YAML. `Default` is a
/// compute cluster with no name or size: fill in what you know with `..Default::default()`.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ComputeDef {
    /// The compute's name, which jobs refer to.
    pub name: String,
    /// The kind (`compute-cluster`, `compute-instance`, `kubernetes`, …).
    pub kind: ComputeKind,
    /// The VM size, e.g. `Standard_NC6s_v3`.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub size: Option<String>,
    /// Cluster VM priority.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub tier: Option<Tier>,
    /// Cluster minimum nodes (0 by default in Azure ML).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub min_instances: Option<u32>,
    /// Cluster maximum nodes, 1 or more.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::checked::count::deserialize")
    )]
    pub max_instances: Option<u32>,
    /// Cluster idle time before scaling down, seconds (clusters only).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub idle_time_before_scale_down: Option<u64>,
    /// Instance idle time before shutdown, minutes, 15 to 4320 (instances only).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub idle_time_before_shutdown_minutes: Option<u64>,
    /// The size is expected to be isolated (dedicated hardware).
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "is_false"))]
    pub isolated: bool,
    /// The compute's region, when it differs from the plan's.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub region: Option<String>,
}

/// A training job.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
// Each flag is a yes/no a plan author writes; enums would only rename them.
#[allow(clippy::struct_excessive_bools)]
pub struct JobDef {
    /// The job's name.
    pub name: String,
    /// A compute name from `compute`, or a training target (`serverless-compute`,
    /// `local-computer`, `databricks`, …).
    pub target: String,
    /// Uses automated ML.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "is_false"))]
    pub automated_ml: bool,
    /// Uses ML pipelines.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "is_false"))]
    pub ml_pipelines: bool,
    /// Uses the designer.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "is_false"))]
    pub designer: bool,
    /// Needs GPUs.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "is_false"))]
    pub gpu: bool,
    /// Nodes, 1 or more (more than one is multi-node).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "crate::checked::count::deserialize")
    )]
    pub instance_count: Option<u32>,
    /// The VM size for serverless jobs (`resources.instance_type`).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub size: Option<String>,
    /// The CUDA the job's image uses.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub cuda: Option<CudaRequirement>,
    /// The framework release the job runs.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub framework: Option<FrameworkNeed>,
    /// The environment or image name; read for CUDA and framework hints when `cuda` or
    /// `framework` are not given.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub environment: Option<String>,
}

/// A deployment for inference. `Default` is a real-time deployment to Azure ML endpoints with
/// no name.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[allow(clippy::struct_excessive_bools)] // yes/no questions of the plan author
pub struct DeploymentDef {
    /// The deployment's name.
    pub name: String,
    /// The inference target.
    pub target: InferenceTarget,
    /// Real-time or batch (real-time by default).
    #[cfg_attr(feature = "serde", serde(default))]
    pub mode: InferenceMode,
    /// Serves production traffic.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "is_false"))]
    pub production: bool,
    /// Needs GPUs.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "is_false"))]
    pub gpu: bool,
    /// The model's size, GB (finite, 0 or more).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::checked::quantity::deserialize")
    )]
    pub model_size_gb: Option<f64>,
    /// The RAM the model needs, GB (finite, 0 or more).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::checked::quantity::deserialize")
    )]
    pub model_ram_gb: Option<f64>,
    /// Deployed from the designer.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "is_false"))]
    pub designer: bool,
    /// The VM size (`instance_type` of managed online deployments).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub size: Option<String>,
    /// Instances (1 or more).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::checked::count::deserialize")
    )]
    pub instance_count: Option<u32>,
    /// The SDK/CLI view of the deployment (the plan's by default).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub view: Option<ApiView>,
    /// The compute of the plan a batch deployment runs on (its `compute: azureml:NAME`):
    /// its size's facts are the deployment's.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub compute: Option<String>,
    /// The environment or image name, read for CUDA and framework hints.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub environment: Option<String>,
}

#[cfg(feature = "serde")]
#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_false(b: &bool) -> bool {
    !b
}

/// Why a plan file cannot be read: the path of the offending value and what is wrong.
///
/// ```
/// # #[cfg(feature = "json")] {
/// let err = aml_targets::Plan::from_json(r#"{"jobs": [{"name": "a", "target": "x"},
///     {"name": "b", "target": 3}]}"#).unwrap_err();
/// assert_eq!(err.path(), "jobs[1].target");
/// assert!(err.to_string().starts_with("jobs[1].target: invalid type: integer `3`"));
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{message}", if path.is_empty() || path == "." { String::new() } else { format!("{path}: ") })]
pub struct PlanError {
    path: String,
    message: String,
}

impl PlanError {
    /// The path of the offending value (`jobs[2].target`), or `""` for the whole file.
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What is wrong (with the line and column where the parser gives them).
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }
}

#[cfg(any(feature = "json", feature = "toml"))]
fn path_error<E: std::fmt::Display>(e: serde_path_to_error::Error<E>) -> PlanError {
    let path = e.path().to_string();
    PlanError {
        path: if path == "." { String::new() } else { path },
        message: crate::text::shorten(e.into_inner().to_string().trim_end()),
    }
}

impl Plan {
    /// Reads a plan written in JSON.
    ///
    /// # Errors
    ///
    /// [`PlanError`] naming the path of the bad value.
    #[cfg(feature = "json")]
    pub fn from_json(text: &str) -> Result<Plan, PlanError> {
        let mut de = serde_json::Deserializer::from_str(text);
        let plan: Plan = serde_path_to_error::deserialize(&mut de).map_err(path_error)?;
        de.end().map_err(|e| PlanError {
            path: String::new(),
            message: crate::text::shorten(&e.to_string()),
        })?;
        Ok(plan)
    }

    /// Reads a plan written in TOML.
    ///
    /// # Errors
    ///
    /// [`PlanError`] naming the path of the bad value (and the line, for syntax errors).
    #[cfg(feature = "toml")]
    pub fn from_toml(text: &str) -> Result<Plan, PlanError> {
        let de = toml::Deserializer::parse(text).map_err(|e| PlanError {
            path: String::new(),
            message: crate::text::shorten(e.to_string().trim_end()),
        })?;
        serde_path_to_error::deserialize(de).map_err(path_error)
    }

    /// Where each value of a TOML plan is, for diagnostics with a line and column: the key
    /// `size` of the second `[[compute]]` is `compute[1].size`. Best effort: text that does
    /// not parse gives an empty index.
    ///
    /// ```
    /// use aml_targets::Plan;
    ///
    /// let text = "[[compute]]\nname = \"a\"\nkind = \"compute-cluster\"\n\n[[compute]]\nname = \"b\"\nkind = \"compute-cluster\"\nsize = \"Standard_NC6\"\n";
    /// let at = Plan::toml_locations(text);
    /// assert_eq!(at.find("compute[1].size"), Some((8, 1)));
    /// assert_eq!(at.find("compute[1]"), Some((5, 1)));
    /// // A path with no key of its own falls back to the nearest one that has.
    /// assert_eq!(at.find("compute[1].max_instances"), Some((5, 1)));
    /// ```
    #[cfg(feature = "toml")]
    #[must_use]
    pub fn toml_locations(text: &str) -> PlanLocations {
        let mut spots = std::collections::HashMap::new();
        if let Ok(table) = toml::de::DeTable::parse(text) {
            let lines = LineIndex::new(text);
            walk_toml(table.get_ref(), "", &lines, &mut spots);
        }
        PlanLocations { spots }
    }

    /// A value a plan built in code may hold that no plan file can (JSON writes NaN as
    /// `null`, TOML as `nan`, and neither reads back as a quantity).
    #[cfg(any(feature = "json", feature = "toml"))]
    fn check_writable(&self) -> Result<(), PlanError> {
        for (i, d) in self.deployments.iter().enumerate() {
            for (field, v) in [
                ("model_size_gb", d.model_size_gb),
                ("model_ram_gb", d.model_ram_gb),
            ] {
                if let Some(x) = v.filter(|x| !x.is_finite() || *x < 0.0) {
                    return Err(PlanError {
                        path: format!("deployments[{i}].{field}"),
                        message: format!(
                            "{x} has no place in a plan file: expected a finite number, 0 or more"
                        ),
                    });
                }
            }
        }
        Ok(())
    }

    /// Writes the plan as pretty JSON.
    ///
    /// # Errors
    ///
    /// When a value has no place in a plan file (a negative or non-finite quantity), naming
    /// it.
    #[cfg(feature = "json")]
    pub fn to_json(&self) -> Result<String, PlanError> {
        self.check_writable()?;
        serde_json::to_string_pretty(self).map_err(|e| PlanError {
            path: String::new(),
            message: crate::text::shorten(&e.to_string()),
        })
    }

    /// Writes the plan as TOML.
    ///
    /// # Errors
    ///
    /// When a value has no place in a plan file (a negative or non-finite quantity), naming
    /// it, or no TOML form (an integer above `i64::MAX`).
    #[cfg(feature = "toml")]
    pub fn to_toml(&self) -> Result<String, PlanError> {
        self.check_writable()?;
        toml::to_string(self).map_err(|e| PlanError {
            path: String::new(),
            message: crate::text::shorten(&e.to_string()),
        })
    }
}

/// The line and column (from 1) of each value of a plan file, by its path (`compute[1].size`);
/// see [`Plan::toml_locations`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanLocations {
    spots: std::collections::HashMap<String, (usize, usize)>,
}

impl PlanLocations {
    /// Where the value at `path` is, or the nearest enclosing value that has a place
    /// (`compute[1]` for a key the table does not have).
    #[must_use]
    pub fn find(&self, path: &str) -> Option<(usize, usize)> {
        let mut path = path;
        loop {
            if let Some(&spot) = self.spots.get(path) {
                return Some(spot);
            }
            let cut = path.rfind(['.', '['])?;
            path = &path[..cut];
        }
    }

    /// How many values have a place.
    #[must_use]
    pub fn len(&self) -> usize {
        self.spots.len()
    }

    /// Whether none has.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.spots.is_empty()
    }
}

/// Byte offset → line and column (from 1, columns in characters).
#[cfg(feature = "toml")]
struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

#[cfg(feature = "toml")]
impl<'t> LineIndex<'t> {
    fn new(text: &'t str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    fn at(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let column = self
            .text
            .get(start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        (line, column)
    }
}

#[cfg(feature = "toml")]
fn walk_toml(
    table: &toml::de::DeTable<'_>,
    prefix: &str,
    lines: &LineIndex<'_>,
    spots: &mut std::collections::HashMap<String, (usize, usize)>,
) {
    use toml::de::DeValue;
    for (key, value) in table {
        let path = if prefix.is_empty() {
            key.get_ref().to_string()
        } else {
            format!("{prefix}.{}", key.get_ref())
        };
        spots.insert(path.clone(), lines.at(key.span().start));
        match value.get_ref() {
            DeValue::Table(inner) => walk_toml(inner, &path, lines, spots),
            DeValue::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let at = format!("{path}[{i}]");
                    spots.insert(at.clone(), lines.at(item.span().start));
                    if let DeValue::Table(inner) = item.get_ref() {
                        walk_toml(inner, &at, lines, spots);
                    }
                }
            }
            _ => {}
        }
    }
}
