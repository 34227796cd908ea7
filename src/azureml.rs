//! Azure ML CLI v2 YAML files — compute, jobs, online and batch deployments — read into a
//! [`Plan`] and checked with [`validate`](crate::validate), with diagnostics pointing at the
//! file and line of the offending key. Needs the `yaml` feature.
//!
//! Files are recognised by their `$schema` (`…/amlCompute.schema.json`,
//! `…/commandJob.schema.json`, `…/managedOnlineDeployment.schema.json`, …) or, without one,
//! by their shape. Files that are not Azure ML's are skipped silently; an Azure ML file of a
//! `type` this crate does not check is reported as "not checked", never a failure; malformed
//! YAML is reported with its line. Nothing here panics on any input.
//!
//! Mapping to the plan: a compute file becomes a [`ComputeDef`]; a job becomes a [`JobDef`]
//! whose target is its `compute` (`azureml:NAME`, resolved against the compute files of the
//! same project; `azureml:serverless` or no compute is serverless compute, sized by
//! `resources.instance_type`); `automl` jobs use automated ML and `pipeline` jobs ML
//! pipelines; the environment (an image or a curated name) is read for CUDA and framework
//! hints, and a CUDA or `gpu` hint marks the job as needing GPUs. A managed online deployment
//! is a real-time deployment to Azure ML endpoints sized by `instance_type`; a Kubernetes
//! online deployment one to Kubernetes; a batch deployment a batch deployment to endpoints.

use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};

use saphyr::{LoadableYamlNode, MarkedYaml, Scalar, YamlData};

use crate::{
    Code, ComputeDef, ComputeKind, DeploymentDef, Diagnostic, InferenceMode, InferenceTarget,
    JobDef, Plan, Severity, Tier, environment_hints,
};

/// What kind of Azure ML file a YAML file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AzureMlKind {
    /// A compute definition (`amlcompute`, `computeinstance`, `kubernetes`, `virtualmachine`,
    /// `synapsespark`).
    Compute,
    /// A job (`command`, `sweep`, `pipeline`, `automl`).
    Job,
    /// A managed online deployment.
    ManagedOnlineDeployment,
    /// A Kubernetes online deployment.
    KubernetesOnlineDeployment,
    /// A batch deployment.
    BatchDeployment,
}

/// A diagnostic with the file and line it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FileDiagnostic {
    /// The file.
    pub file: PathBuf,
    /// The line (1-based) of the offending key, where known.
    pub line: Option<usize>,
    /// The diagnostic; its `location` is the YAML key path (`resources.instance_type`).
    pub diagnostic: Diagnostic,
}

impl fmt::Display for FileDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": {}", self.diagnostic)
    }
}

/// The result of checking a set of files.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct ProjectReport {
    /// Azure ML files read (malformed ones included).
    pub files_read: usize,
    /// Files skipped: not YAML, or YAML that is not Azure ML's.
    pub files_skipped: usize,
    /// The diagnostics, file by file.
    pub diagnostics: Vec<FileDiagnostic>,
}

impl ProjectReport {
    /// How many diagnostics have `severity`.
    #[must_use]
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.diagnostic.severity == severity)
            .count()
    }

    /// Whether any diagnostic is an error.
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }
}

/// Where a plan entry's fields come from.
#[derive(Debug, Clone, Default)]
struct Origin {
    file: PathBuf,
    /// Plan field name -> (YAML key path, line).
    fields: Vec<(&'static str, String, usize)>,
    /// The line of the document's start.
    line: usize,
}

/// A set of Azure ML YAML files read into one plan, ready to check.
///
/// ```
/// use aml_targets::{AzureMlProject, Code};
///
/// let compute = "$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
/// name: gpu-cluster
/// type: amlcompute
/// size: Standard_NC6
/// ";
/// let job = "$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json
/// command: python train.py
/// compute: azureml:gpu-cluster
/// environment: mcr.microsoft.com/azureml/openmpi4.1.0-cuda12.1-cudnn8-ubuntu22.04:latest
/// ";
/// let project = AzureMlProject::from_sources([
///     ("compute/gpu.yml", compute),
///     ("jobs/train.yml", job),
/// ]);
/// let report = project.check("2026-11-26".parse()?);
/// let codes: Vec<Code> = report.diagnostics.iter().map(|d| d.diagnostic.code).collect();
/// assert_eq!(codes, [Code::RetiredSeries, Code::CudaNvidia]);
/// assert_eq!(report.diagnostics[0].line, Some(4)); // the `size:` key
/// assert_eq!(report.diagnostics[1].file.to_str(), Some("jobs/train.yml"));
/// # Ok::<(), aml_targets::ParseDateError>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct AzureMlProject {
    documents: Vec<AzureMlDocument>,
    plan: Plan,
    compute: Vec<Origin>,
    jobs: Vec<Origin>,
    deployments: Vec<Origin>,
    /// Diagnostics found while reading (syntax errors, unchecked types, unresolved compute).
    reading: Vec<FileDiagnostic>,
    files_read: usize,
    files_skipped: usize,
}

// ---- the YAML tree ----------------------------------------------------------------------

fn scalar<'a>(node: &'a MarkedYaml<'_>) -> Option<Cow<'a, str>> {
    match &node.data {
        YamlData::Value(Scalar::String(s)) => Some(Cow::Borrowed(s.as_ref())),
        YamlData::Value(Scalar::Integer(i)) => Some(Cow::Owned(i.to_string())),
        YamlData::Value(Scalar::FloatingPoint(f)) => Some(Cow::Owned(f.to_string())),
        YamlData::Value(Scalar::Boolean(b)) => Some(Cow::Owned(b.to_string())),
        YamlData::Tagged(_, inner) => scalar(inner),
        _ => None,
    }
}

fn integer(node: &MarkedYaml<'_>) -> Option<u64> {
    match &node.data {
        YamlData::Value(Scalar::Integer(i)) => u64::try_from(*i).ok(),
        YamlData::Value(Scalar::String(s)) => s.trim().parse().ok(),
        YamlData::Tagged(_, inner) => integer(inner),
        _ => None,
    }
}

/// The value and the line of the key `key` in a mapping.
fn get<'a, 'i>(node: &'a MarkedYaml<'i>, key: &str) -> Option<(&'a MarkedYaml<'i>, usize)> {
    match &node.data {
        YamlData::Mapping(map) => map.iter().find_map(|(k, v)| {
            (scalar(k).as_deref() == Some(key)).then(|| (v, k.span.start.line()))
        }),
        YamlData::Tagged(_, inner) => get(inner, key),
        _ => None,
    }
}

fn get_str<'a>(node: &'a MarkedYaml<'_>, key: &str) -> Option<(Cow<'a, str>, usize)> {
    get(node, key).and_then(|(v, line)| scalar(v).map(|s| (s, line)))
}

fn is_mapping(node: &MarkedYaml<'_>) -> bool {
    matches!(node.data, YamlData::Mapping(_))
}

/// The kind of Azure ML file a document is, from its `$schema`, else its shape.
fn recognise(doc: &MarkedYaml<'_>) -> Option<Result<AzureMlKind, String>> {
    if !is_mapping(doc) {
        return None;
    }
    let ty = get_str(doc, "type").map(|(t, _)| t.to_ascii_lowercase());
    if let Some((schema, _)) = get_str(doc, "$schema") {
        let lower = schema.to_ascii_lowercase();
        if !lower.contains("azuremlschemas") && !lower.contains("azureml") {
            return None;
        }
        let file = lower.rsplit('/').next().unwrap_or_default();
        let kind = if file.contains("compute") || file.starts_with("synapse") {
            AzureMlKind::Compute
        } else if file.contains("job") {
            AzureMlKind::Job
        } else if file.starts_with("managedonlinedeployment") {
            AzureMlKind::ManagedOnlineDeployment
        } else if file.starts_with("kubernetesonlinedeployment") {
            AzureMlKind::KubernetesOnlineDeployment
        } else if file.contains("batchdeployment") {
            AzureMlKind::BatchDeployment
        } else {
            return Some(Err(format!("schema {schema}")));
        };
        return Some(Ok(kind));
    }
    // No schema: the shape.
    let has = |k: &str| get(doc, k).is_some();
    match ty.as_deref() {
        Some("amlcompute" | "computeinstance" | "virtualmachine" | "synapsespark") => {
            Some(Ok(AzureMlKind::Compute))
        }
        Some("kubernetes") if has("endpoint_name") => {
            Some(Ok(AzureMlKind::KubernetesOnlineDeployment))
        }
        Some("kubernetes") if has("resource_id") || has("namespace") => {
            Some(Ok(AzureMlKind::Compute))
        }
        Some("command" | "sweep" | "pipeline" | "automl") => Some(Ok(AzureMlKind::Job)),
        Some("managed") if has("endpoint_name") => Some(Ok(AzureMlKind::ManagedOnlineDeployment)),
        Some("model" | "pipeline_component") if has("endpoint_name") => {
            Some(Ok(AzureMlKind::BatchDeployment))
        }
        _ if has("endpoint_name") && has("instance_type") => {
            Some(Ok(AzureMlKind::ManagedOnlineDeployment))
        }
        _ if has("endpoint_name") && has("compute") => Some(Ok(AzureMlKind::BatchDeployment)),
        _ if has("command") && has("environment") => Some(Ok(AzureMlKind::Job)),
        _ => None,
    }
}

// ---- typed models of the CLI v2 YAML shapes ---------------------------------------------

/// A compute file (`amlCompute`, `computeInstance`, `kubernetesCompute`, `vmCompute`,
/// `synapsespark` schemas): the keys that concern compute. With the `serde` feature it
/// deserializes from any serde YAML or JSON reader; unknown keys are ignored.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
#[non_exhaustive]
pub struct ComputeYaml {
    /// `$schema`.
    #[cfg_attr(feature = "serde", serde(rename = "$schema"))]
    pub schema: Option<String>,
    /// `name`.
    pub name: Option<String>,
    /// `type`: `amlcompute`, `computeinstance`, `kubernetes`, `virtualmachine`, `synapsespark`.
    #[cfg_attr(feature = "serde", serde(rename = "type"))]
    pub kind: Option<String>,
    /// `size`, the VM size.
    pub size: Option<String>,
    /// `tier`: `dedicated` or `low_priority` (clusters).
    pub tier: Option<String>,
    /// `min_instances` (clusters).
    pub min_instances: Option<u32>,
    /// `max_instances` (clusters).
    pub max_instances: Option<u32>,
    /// `idle_time_before_scale_down`, seconds (clusters).
    pub idle_time_before_scale_down: Option<u64>,
    /// `idle_time_before_shutdown_minutes` (instances).
    pub idle_time_before_shutdown_minutes: Option<u64>,
    /// `location`.
    pub location: Option<String>,
}

/// A job's or deployment's `environment`: a registered or curated name
/// (`azureml:AzureML-…@latest`) or an inline definition with an `image`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(untagged))]
#[non_exhaustive]
pub enum EnvironmentYaml {
    /// A name.
    Name(String),
    /// An inline environment.
    Inline {
        /// `image`, when given.
        #[cfg_attr(feature = "serde", serde(default))]
        image: Option<String>,
    },
}

impl EnvironmentYaml {
    /// The name or the image, whichever the environment gives.
    #[must_use]
    pub fn name_or_image(&self) -> Option<&str> {
        match self {
            EnvironmentYaml::Name(n) => Some(n),
            EnvironmentYaml::Inline { image } => image.as_deref(),
        }
    }
}

/// `resources` of a job or batch deployment.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
#[non_exhaustive]
pub struct ResourcesYaml {
    /// `instance_type`, the VM size of serverless jobs.
    pub instance_type: Option<String>,
    /// `instance_count`.
    pub instance_count: Option<u32>,
}

/// A pipeline job's `settings`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
#[non_exhaustive]
pub struct PipelineSettingsYaml {
    /// `default_compute`.
    pub default_compute: Option<String>,
}

/// A job file (`commandJob`, `sweepJob`, `pipelineJob`, `autoMLJob` schemas).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
#[non_exhaustive]
pub struct JobYaml {
    /// `$schema`.
    #[cfg_attr(feature = "serde", serde(rename = "$schema"))]
    pub schema: Option<String>,
    /// `name`.
    pub name: Option<String>,
    /// `display_name`.
    pub display_name: Option<String>,
    /// `type`: `command` (the default), `sweep`, `pipeline`, `automl`.
    #[cfg_attr(feature = "serde", serde(rename = "type"))]
    pub kind: Option<String>,
    /// `compute`: `azureml:NAME`, `azureml:serverless`, or absent (serverless).
    pub compute: Option<String>,
    /// `resources` (for a sweep, `trial.resources`).
    pub resources: Option<ResourcesYaml>,
    /// `environment` (for a sweep, `trial.environment`).
    pub environment: Option<EnvironmentYaml>,
    /// `settings` of a pipeline job.
    pub settings: Option<PipelineSettingsYaml>,
}

/// An online or batch deployment file (`managedOnlineDeployment`,
/// `kubernetesOnlineDeployment`, `batchDeployment`/`modelBatchDeployment` schemas).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
#[non_exhaustive]
pub struct DeploymentYaml {
    /// `$schema`.
    #[cfg_attr(feature = "serde", serde(rename = "$schema"))]
    pub schema: Option<String>,
    /// `name`.
    pub name: Option<String>,
    /// `endpoint_name`.
    pub endpoint_name: Option<String>,
    /// `type`: `managed` or `kubernetes` (online), `model` or `pipeline_component` (batch).
    #[cfg_attr(feature = "serde", serde(rename = "type"))]
    pub kind: Option<String>,
    /// `instance_type` (online): a VM size for managed deployments, a Kubernetes instance
    /// type for Kubernetes ones.
    pub instance_type: Option<String>,
    /// `instance_count` (online).
    pub instance_count: Option<u32>,
    /// `compute` (batch): `azureml:NAME`.
    pub compute: Option<String>,
    /// `resources` (batch).
    pub resources: Option<ResourcesYaml>,
    /// `environment`.
    pub environment: Option<EnvironmentYaml>,
}

/// One typed Azure ML document.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AzureMlFile {
    /// A compute definition.
    Compute(ComputeYaml),
    /// A job.
    Job(JobYaml),
    /// An online deployment (managed or Kubernetes).
    OnlineDeployment(DeploymentYaml),
    /// A batch deployment.
    BatchDeployment(DeploymentYaml),
}

/// A typed Azure ML document and where it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct AzureMlDocument {
    /// The file.
    pub file: PathBuf,
    /// The line the document starts on.
    pub line: usize,
    /// The document.
    pub content: AzureMlFile,
}

/// Key paths and the lines they are on.
type Lines = Vec<(&'static str, usize)>;

fn read_string(doc: &MarkedYaml<'_>, key: &'static str, lines: &mut Lines) -> Option<String> {
    let (v, line) = get_str(doc, key)?;
    lines.push((key, line));
    Some(v.into_owned())
}

fn read_count<T: TryFrom<u64>>(
    doc: &MarkedYaml<'_>,
    key: &'static str,
    path: &'static str,
    lines: &mut Lines,
) -> Option<T> {
    let (v, line) = get(doc, key)?;
    lines.push((path, line));
    integer(v).and_then(|n| T::try_from(n).ok())
}

fn read_environment(node: &MarkedYaml<'_>) -> Option<EnvironmentYaml> {
    match scalar(node) {
        Some(name) => Some(EnvironmentYaml::Name(name.into_owned())),
        None if is_mapping(node) => Some(EnvironmentYaml::Inline {
            image: get_str(node, "image").map(|(i, _)| i.into_owned()),
        }),
        None => None,
    }
}

fn read_resources(node: &MarkedYaml<'_>, lines: &mut Lines) -> ResourcesYaml {
    ResourcesYaml {
        instance_type: get_str(node, "instance_type").map(|(v, l)| {
            lines.push(("resources.instance_type", l));
            v.into_owned()
        }),
        instance_count: read_count(node, "instance_count", "resources.instance_count", lines),
    }
}

fn read_compute(doc: &MarkedYaml<'_>) -> (ComputeYaml, Lines) {
    let mut lines = Lines::new();
    let y = ComputeYaml {
        schema: read_string(doc, "$schema", &mut lines),
        name: read_string(doc, "name", &mut lines),
        kind: read_string(doc, "type", &mut lines),
        size: read_string(doc, "size", &mut lines),
        tier: read_string(doc, "tier", &mut lines),
        min_instances: read_count(doc, "min_instances", "min_instances", &mut lines),
        max_instances: read_count(doc, "max_instances", "max_instances", &mut lines),
        idle_time_before_scale_down: read_count(
            doc,
            "idle_time_before_scale_down",
            "idle_time_before_scale_down",
            &mut lines,
        ),
        idle_time_before_shutdown_minutes: read_count(
            doc,
            "idle_time_before_shutdown_minutes",
            "idle_time_before_shutdown_minutes",
            &mut lines,
        ),
        location: read_string(doc, "location", &mut lines),
    };
    (y, lines)
}

fn read_job(doc: &MarkedYaml<'_>) -> (JobYaml, Lines) {
    let mut lines = Lines::new();
    let trial = get(doc, "trial").map(|(t, _)| t);
    let resources = get(doc, "resources")
        .or_else(|| trial.and_then(|t| get(t, "resources")))
        .map(|(r, _)| read_resources(r, &mut lines));
    let environment = get(doc, "environment")
        .or_else(|| trial.and_then(|t| get(t, "environment")))
        .and_then(|(e, l)| {
            lines.push(("environment", l));
            read_environment(e)
        });
    let settings = get(doc, "settings").map(|(s, _)| PipelineSettingsYaml {
        default_compute: get_str(s, "default_compute").map(|(c, l)| {
            lines.push(("settings.default_compute", l));
            c.into_owned()
        }),
    });
    let y = JobYaml {
        schema: read_string(doc, "$schema", &mut lines),
        name: read_string(doc, "name", &mut lines),
        display_name: read_string(doc, "display_name", &mut lines),
        kind: read_string(doc, "type", &mut lines),
        compute: read_string(doc, "compute", &mut lines),
        resources,
        environment,
        settings,
    };
    (y, lines)
}

fn read_deployment(doc: &MarkedYaml<'_>) -> (DeploymentYaml, Lines) {
    let mut lines = Lines::new();
    let resources = get(doc, "resources").map(|(r, _)| read_resources(r, &mut lines));
    let environment = get(doc, "environment").and_then(|(e, l)| {
        lines.push(("environment", l));
        read_environment(e)
    });
    let y = DeploymentYaml {
        schema: read_string(doc, "$schema", &mut lines),
        name: read_string(doc, "name", &mut lines),
        endpoint_name: read_string(doc, "endpoint_name", &mut lines),
        kind: read_string(doc, "type", &mut lines),
        instance_type: read_string(doc, "instance_type", &mut lines),
        instance_count: read_count(doc, "instance_count", "instance_count", &mut lines),
        compute: read_string(doc, "compute", &mut lines),
        resources,
        environment,
    };
    (y, lines)
}

/// A file's name without its extension, for documents without a `name`.
fn file_stem(path: &Path) -> String {
    path.file_stem().map_or_else(
        || path.display().to_string(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// `azureml:NAME` (or `azureml:NAME@label`, `azureml:NAME:version`) → `NAME`.
fn strip_azureml(s: &str) -> &str {
    let s = s.strip_prefix("azureml:").unwrap_or(s);
    s.split(['@', ':']).next().unwrap_or(s)
}

impl AzureMlProject {
    /// Reads files given as (path, contents); paths only name them in diagnostics. Files
    /// whose names do not end in `.yml` or `.yaml` are skipped.
    pub fn from_sources<P: AsRef<Path>, S: AsRef<str>>(
        sources: impl IntoIterator<Item = (P, S)>,
    ) -> AzureMlProject {
        let mut project = AzureMlProject::default();
        for (path, text) in sources {
            project.add(path.as_ref(), text.as_ref());
        }
        project.resolve();
        project
    }

    /// Reads every `.yml` and `.yaml` file under each path (files are read as they are;
    /// directories are walked, in name order, skipping hidden ones and `target`).
    ///
    /// # Errors
    ///
    /// The first path that cannot be read, with the error.
    pub fn read_paths<P: AsRef<Path>>(
        paths: impl IntoIterator<Item = P>,
    ) -> Result<AzureMlProject, (PathBuf, std::io::Error)> {
        let mut files = Vec::new();
        for path in paths {
            collect(path.as_ref(), &mut files)?;
        }
        let mut project = AzureMlProject::default();
        for file in files {
            match std::fs::read(&file) {
                Ok(bytes) => project.add(&file, &String::from_utf8_lossy(&bytes)),
                Err(e) => return Err((file, e)),
            }
        }
        project.resolve();
        Ok(project)
    }

    /// The plan the files make.
    #[must_use]
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The Azure ML documents read, typed, in reading order.
    #[must_use]
    pub fn documents(&self) -> &[AzureMlDocument] {
        &self.documents
    }

    fn note(
        &mut self,
        file: &Path,
        line: Option<usize>,
        code: Code,
        location: &str,
        message: String,
        help: Option<String>,
    ) {
        self.reading.push(FileDiagnostic {
            file: file.to_owned(),
            line,
            diagnostic: Diagnostic {
                code,
                severity: code.severity(),
                message,
                help,
                location: location.to_owned(),
                alternatives: Vec::new(),
            },
        });
    }

    fn add(&mut self, path: &Path, text: &str) {
        let yaml = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("yml") || e.eq_ignore_ascii_case("yaml"));
        if !yaml {
            self.files_skipped += 1;
            return;
        }
        let docs = match MarkedYaml::load_from_str(text) {
            Ok(docs) => docs,
            Err(e) => {
                // Only report broken YAML that looks like Azure ML's; skip the rest.
                if text.contains("azuremlschemas") || text.contains("azureml:") {
                    self.files_read += 1;
                    let line = e.marker().line();
                    self.note(
                        path,
                        Some(line),
                        Code::YamlSyntax,
                        "",
                        format!(
                            "malformed YAML: {} (line {line}, column {})",
                            e.info(),
                            e.marker().col() + 1
                        ),
                        Some("fix the YAML syntax".to_owned()),
                    );
                } else {
                    self.files_skipped += 1;
                }
                return;
            }
        };
        let mut read = false;
        for doc in &docs {
            let Some(kind) = recognise(doc) else { continue };
            read = true;
            match kind {
                Ok(AzureMlKind::Compute) => self.add_compute(path, doc),
                Ok(AzureMlKind::Job) => self.add_job(path, doc),
                Ok(kind) => self.add_deployment(path, doc, kind),
                Err(what) => self.note(
                    path,
                    Some(doc.span.start.line()),
                    Code::NotChecked,
                    "$schema",
                    format!("an Azure ML file of a kind this crate does not check ({what})"),
                    None,
                ),
            }
        }
        if read {
            self.files_read += 1;
        } else {
            self.files_skipped += 1;
        }
    }

    fn add_compute(&mut self, path: &Path, doc: &MarkedYaml<'_>) {
        let (y, lines) = read_compute(doc);
        let start_line = doc.span.start.line();
        let key_line = |key: &str| lines.iter().find(|(k, _)| *k == key).map(|(_, l)| *l);
        let Some(ty) = y.kind.as_deref() else {
            self.note(
                path,
                Some(start_line),
                Code::NotChecked,
                "type",
                "a compute file without a `type`".to_owned(),
                None,
            );
            return;
        };
        let kind = match ty.to_ascii_lowercase().as_str() {
            "amlcompute" => ComputeKind::ComputeCluster,
            "computeinstance" => ComputeKind::ComputeInstance,
            "kubernetes" => ComputeKind::Kubernetes,
            "virtualmachine" => ComputeKind::RemoteVm,
            "synapsespark" => ComputeKind::SynapseSpark,
            other => {
                let message = format!(
                    "compute type {other:?} is not checked (checked: amlcompute, computeinstance, kubernetes, virtualmachine, synapsespark)"
                );
                self.note(
                    path,
                    key_line("type"),
                    Code::NotChecked,
                    "type",
                    message,
                    None,
                );
                return;
            }
        };
        let name = y.name.clone().unwrap_or_else(|| file_stem(path));
        let mut def = ComputeDef::new(&name, kind);
        def.size.clone_from(&y.size);
        def.tier = y.tier.as_deref().and_then(|t| t.parse::<Tier>().ok());
        def.min_instances = y.min_instances;
        def.max_instances = y.max_instances;
        def.idle_time_before_scale_down = y.idle_time_before_scale_down;
        def.idle_time_before_shutdown_minutes = y.idle_time_before_shutdown_minutes;
        def.region.clone_from(&y.location);
        let fields = [
            "size",
            "tier",
            "min_instances",
            "max_instances",
            "idle_time_before_scale_down",
            "idle_time_before_shutdown_minutes",
        ]
        .into_iter()
        .filter_map(|f| key_line(f).map(|l| (f, f.to_owned(), l)))
        .collect();
        self.plan.compute.push(def);
        self.compute.push(Origin {
            file: path.to_owned(),
            fields,
            line: start_line,
        });
        self.documents.push(AzureMlDocument {
            file: path.to_owned(),
            line: start_line,
            content: AzureMlFile::Compute(y),
        });
    }

    fn add_job(&mut self, path: &Path, doc: &MarkedYaml<'_>) {
        let (y, lines) = read_job(doc);
        let start_line = doc.span.start.line();
        let key_line = |key: &str| lines.iter().find(|(k, _)| *k == key).map(|(_, l)| *l);
        let ty = y
            .kind
            .as_deref()
            .map_or_else(|| "command".to_owned(), str::to_ascii_lowercase);
        if !matches!(ty.as_str(), "command" | "sweep" | "pipeline" | "automl") {
            let message = format!(
                "job type {ty:?} is not checked (checked: command, sweep, pipeline, automl)"
            );
            self.note(
                path,
                key_line("type").or(Some(start_line)),
                Code::NotChecked,
                "type",
                message,
                None,
            );
            return;
        }
        let name = y
            .name
            .clone()
            .or_else(|| y.display_name.clone())
            .unwrap_or_else(|| file_stem(path));
        let mut job = JobDef {
            name,
            automated_ml: ty == "automl",
            ml_pipelines: ty == "pipeline",
            ..JobDef::default()
        };
        let mut fields = Vec::new();
        let compute = y.compute.clone().map(|c| (c, "compute")).or_else(|| {
            y.settings
                .as_ref()
                .and_then(|s| s.default_compute.clone())
                .map(|c| (c, "settings.default_compute"))
        });
        let target = compute
            .as_ref()
            .map(|(c, _)| strip_azureml(c))
            .filter(|c| *c != "serverless")
            .unwrap_or("serverless-compute");
        target.clone_into(&mut job.target);
        if let Some((_, key)) = &compute {
            if let Some(l) = key_line(key) {
                fields.push(("target", (*key).to_owned(), l));
            }
        }
        if let Some(res) = &y.resources {
            job.size.clone_from(&res.instance_type);
            job.instance_count = res.instance_count;
            for (field, key) in [
                ("size", "resources.instance_type"),
                ("instance_count", "resources.instance_count"),
            ] {
                if let Some(l) = key_line(key) {
                    fields.push((field, key.to_owned(), l));
                }
            }
        }
        if let Some(env) = y
            .environment
            .as_ref()
            .and_then(EnvironmentYaml::name_or_image)
        {
            let hints = environment_hints(env);
            job.gpu = hints.gpu || hints.cuda.is_some();
            job.environment = Some(env.to_owned());
            if let Some(l) = key_line("environment") {
                fields.push(("environment", "environment".to_owned(), l));
                fields.push(("gpu", "environment".to_owned(), l));
            }
        }
        self.plan.jobs.push(job);
        self.jobs.push(Origin {
            file: path.to_owned(),
            fields,
            line: start_line,
        });
        self.documents.push(AzureMlDocument {
            file: path.to_owned(),
            line: start_line,
            content: AzureMlFile::Job(y),
        });
    }

    fn add_deployment(&mut self, path: &Path, doc: &MarkedYaml<'_>, kind: AzureMlKind) {
        let (y, lines) = read_deployment(doc);
        let start_line = doc.span.start.line();
        let key_line = |key: &str| lines.iter().find(|(k, _)| *k == key).map(|(_, l)| *l);
        // Deployment names are unique within an endpoint: name them `endpoint/deployment`.
        let name = y.name.clone().unwrap_or_else(|| file_stem(path));
        let name = match &y.endpoint_name {
            Some(endpoint) => format!("{endpoint}/{name}"),
            None => name,
        };
        let target = match kind {
            AzureMlKind::KubernetesOnlineDeployment => InferenceTarget::Kubernetes,
            _ => InferenceTarget::Endpoints,
        };
        let mut d = DeploymentDef::new(&name, target);
        let mut fields = Vec::new();
        if kind == AzureMlKind::BatchDeployment {
            d.mode = InferenceMode::Batch;
        }
        // A Kubernetes deployment's instance_type names a Kubernetes instance type, not a VM.
        if kind == AzureMlKind::ManagedOnlineDeployment {
            d.size.clone_from(&y.instance_type);
            if let Some(l) = key_line("instance_type") {
                fields.push(("size", "instance_type".to_owned(), l));
            }
        }
        d.instance_count = y
            .instance_count
            .or_else(|| y.resources.as_ref().and_then(|r| r.instance_count));
        if let Some(env) = y
            .environment
            .as_ref()
            .and_then(EnvironmentYaml::name_or_image)
        {
            let hints = environment_hints(env);
            d.gpu = hints.gpu || hints.cuda.is_some();
            if let Some(l) = key_line("environment") {
                fields.push(("gpu", "environment".to_owned(), l));
            }
        }
        self.plan.deployments.push(d);
        self.deployments.push(Origin {
            file: path.to_owned(),
            fields,
            line: start_line,
        });
        let content = match kind {
            AzureMlKind::BatchDeployment => AzureMlFile::BatchDeployment(y),
            _ => AzureMlFile::OnlineDeployment(y),
        };
        self.documents.push(AzureMlDocument {
            file: path.to_owned(),
            line: start_line,
            content,
        });
    }

    /// Jobs whose `compute` names no compute of the project: a note each, and the job is
    /// left out of the plan rather than checked against a compute it cannot see.
    fn resolve(&mut self) {
        let mut i = 0;
        while i < self.plan.jobs.len() {
            let target = &self.plan.jobs[i].target;
            let known = target == "serverless-compute"
                || self.plan.compute.iter().any(|c| &c.name == target);
            if known {
                i += 1;
                continue;
            }
            let job = self.plan.jobs.remove(i);
            let origin = self.jobs.remove(i);
            let line = origin
                .fields
                .iter()
                .find(|(f, _, _)| *f == "target")
                .map_or(origin.line, |(_, _, l)| *l);
            self.note(
                &origin.file,
                Some(line),
                Code::ComputeNotFound,
                "compute",
                format!(
                    "job {:?}: compute {:?} is not defined in the checked files; the job is not checked",
                    job.name, job.target
                ),
                Some("check the compute's YAML file along with the job".to_owned()),
            );
        }
    }

    /// Checks the project on `on` (the caller's date).
    #[must_use]
    pub fn check(&self, on: crate::Date) -> ProjectReport {
        let report = crate::validate(&self.plan, on);
        let mut diagnostics = self.reading.clone();
        for d in report.diagnostics {
            let (file, line, location) = self.locate(&d.location);
            diagnostics.push(FileDiagnostic {
                file,
                line,
                diagnostic: Diagnostic { location, ..d },
            });
        }
        ProjectReport {
            files_read: self.files_read,
            files_skipped: self.files_skipped,
            diagnostics,
        }
    }

    /// Maps a plan location (`jobs[1].size`) to the file, line and YAML key.
    fn locate(&self, location: &str) -> (PathBuf, Option<usize>, String) {
        let (entry, field) = location.split_once('.').unwrap_or((location, ""));
        let (list, index) = entry
            .split_once('[')
            .and_then(|(list, rest)| {
                rest.strip_suffix(']')
                    .and_then(|i| i.parse::<usize>().ok())
                    .map(|i| (list, i))
            })
            .unwrap_or((entry, 0));
        let origins = match list {
            "compute" => &self.compute,
            "jobs" => &self.jobs,
            _ => &self.deployments,
        };
        let Some(origin) = origins.get(index) else {
            return (PathBuf::new(), None, location.to_owned());
        };
        match origin.fields.iter().find(|(f, _, _)| *f == field) {
            Some((_, key, line)) => (origin.file.clone(), Some(*line), key.clone()),
            None => (
                origin.file.clone(),
                Some(origin.line.max(1)),
                field.to_owned(),
            ),
        }
    }
}

/// Collects `.yml`/`.yaml` files under `path`, in name order.
fn collect(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), (PathBuf, std::io::Error)> {
    let meta = std::fs::metadata(path).map_err(|e| (path.to_owned(), e))?;
    if meta.is_file() {
        out.push(path.to_owned());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| (path.to_owned(), e))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    for entry in entries {
        let name = entry
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if name.starts_with('.') || name == "target" {
            continue;
        }
        if entry.is_dir() {
            collect(&entry, out)?;
        } else if entry
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("yml") || e.eq_ignore_ascii_case("yaml"))
        {
            out.push(entry);
        }
    }
    Ok(())
}
