//! The code registry: every diagnostic code, declared once with its severity and meaning.

crate::macros::name_enum! {
/// How bad a diagnostic is.
pub enum Severity ("severity") {
    /// The plan will fail or is not allowed.
    #[strum(to_string = "error")]
    Error,
    /// The plan works now but is risky or will break.
    #[strum(to_string = "warning")]
    Warning,
    /// Worth knowing.
    #[strum(to_string = "note")]
    Note,
}
}

macro_rules! codes {
    ($($variant:ident = $name:literal, $severity:ident, $doc:literal, $help:literal;)*) => {
        crate::macros::name_enum! {
            /// A diagnostic's stable code. Codes never change meaning; new ones may be added.
            ///
            /// ```
            /// use aml_targets::{Code, Severity};
            ///
            /// let code: Code = "retired-series".parse()?;
            /// assert_eq!(code, Code::RetiredSeries);
            /// assert_eq!(code.severity(), Severity::Error);
            /// assert!(code.help().contains("current VM size"));
            /// # Ok::<(), aml_targets::ParseNameError>(())
            /// ```
            #[non_exhaustive]
            pub enum Code ("diagnostic code") {
                $(
                    #[doc = $doc]
                    #[strum(to_string = $name)]
                    $variant,
                )*
            }
        }

        impl Code {
            /// The severity diagnostics with this code have.
            #[must_use]
            pub const fn severity(self) -> Severity {
                match self {
                    $(Code::$variant => Severity::$severity,)*
                }
            }

            /// What the code means, in one sentence (its documentation).
            ///
            /// ```
            /// use aml_targets::Code;
            /// assert_eq!(
            ///     Code::RetiredSeries.description(),
            ///     "The size's series is retired on the date.",
            /// );
            /// ```
            #[must_use]
            pub const fn description(self) -> &'static str {
                match self {
                    $(Code::$variant => $doc,)*
                }
            }

            /// What to do about diagnostics with this code, in general (each diagnostic
            /// also carries help for its own case).
            #[must_use]
            pub const fn help(self) -> &'static str {
                match self {
                    $(Code::$variant => $help,)*
                }
            }
        }
    };
}

codes! {
    RetiredSeries = "retired-series", Error, "The size's series is retired on the date.", "Recreate the compute, or change the job or deployment, with a current VM size; the diagnostic lists similar current sizes.";
    RetiringSeries = "retiring-series", Warning, "The size's series retires within 90 days of the date.", "Move to a current VM size before the retirement date.";
    SizeNotForCompute = "size-not-for-compute", Error, "The size's series is not supported for this kind of compute (FX on a compute instance).", "Use a size whose series this kind of compute supports, or another kind of compute.";
    SeriesNotListed = "series-not-listed", Note, "The Azure ML page's list of supported series does not name the size's series (the page's list lags: Azure ML accepts what `az ml compute list-sizes` returns for a region).", "Check `az ml compute list-sizes` for your region, or pass that listing as a catalog: its `supportedComputeTypes` decides.";
    InvalidSizeName = "invalid-size-name", Error, "The size is not a well-formed Azure VM size name.", "Write the size as Azure does, e.g. Standard_D4s_v3.";
    UnknownSize = "unknown-size", Warning, "The size name is well formed, of a series the catalog lists, but no size of it (likely misspelt).", "Check the name against `az ml compute list-sizes` for your region, or pass that listing as a catalog.";
    UnknownTarget = "unknown-target", Error, "A job's target is neither a compute of the plan nor a training target, or a batch deployment's compute is not a compute of the plan.", "Name a compute defined in the plan, or a training target.";
    RetiredService = "retired-service", Error, "The service behind the job's target is retired on the date (Azure Data Lake Analytics since 2024-02-29), though the page may still list it.", "Run the job on a compute cluster or serverless compute.";
    TargetNotListed = "target-not-listed", Warning, "The page edition and SDK/CLI view do not list the target.", "Use a target the page edition lists for your SDK/CLI view, or set the view.";
    FeatureNotSupported = "feature-not-supported", Error, "The target does not support a feature the job uses (automated ML on Kubernetes, the designer on a remote VM).", "Run the job on a target that supports the feature; the diagnostic lists them.";
    FeatureQualified = "feature-qualified", Warning, "The target supports the feature only in a restricted way (automated ML on Databricks: SDK local mode only).", "Use the feature the way the target supports it, or a target with full support.";
    DatabricksRemoteTarget = "databricks-remote-target", Error, "Azure Databricks is used as a remote target for training outside ML pipelines.", "Run the job in an ML pipeline step, or on a compute cluster or serverless compute.";
    MultiNodeOnInstance = "multi-node-on-instance", Error, "A multi-node job targets a single-node compute instance.", "Use a compute cluster or serverless compute for multi-node jobs.";
    GpuOnCpuSize = "gpu-on-cpu-size", Error, "GPUs are needed but the size has none.", "Use a GPU (N-series) size, or an environment without GPU needs.";
    AciLimits = "aci-limits", Error, "Azure Container Instances' limits are exceeded (model under 1 GB, RAM under 48 GB, CPU only).", "Deploy to managed online endpoints or Kubernetes, or shrink the model.";
    DevTestOnlyTarget = "dev-test-only-target", Error, "A production deployment targets a dev/test-only target (Azure Container Instances, local web service).", "Deploy production models to managed online endpoints or Kubernetes.";
    InferenceTargetMisfit = "inference-target-misfit", Error, "The inference target does not offer what the deployment needs (batch, GPU, the view).", "Deploy to a target that offers what the deployment needs; the diagnostic lists them.";
    CudaPage = "cuda-page", Warning, "The Azure ML page's CUDA table does not support the CUDA version on this GPU.", "Use a CUDA version the Azure ML page lists for the GPU, or a newer GPU.";
    CudaNvidia = "cuda-nvidia", Error, "NVIDIA does not support the CUDA version on this GPU.", "Use a CUDA version within the GPU's supported range, or a GPU that runs it.";
    FrameworkBuild = "framework-build", Error, "No CUDA build of the framework release runs on this GPU.", "Use a framework release with a CUDA build for the GPU, or a newer GPU.";
    QuotaExceeded = "quota-exceeded", Error, "A compute or deployment needs more vCPUs of its family's quota (or of the region's total) than are free.", "Request more quota for the family and region (the error names both), or scale down.";
    QuotaShared = "quota-shared", Warning, "Computes and deployments of one family each fit the free quota alone, but not all at once.", "Stagger them, lower max_instances, or request more quota.";
    QuotaUnknown = "quota-unknown", Note, "The size's quota family is not known, so its quota is not checked.", "Give the region's `az ml compute list-sizes`: its `family` decides.";
    SizeNotInRegion = "size-not-in-region", Error, "The region's size listing does not have the size: Azure ML does not offer it there.", "Pick a size `az ml compute list-sizes` lists for the region.";
    LowPriorityNotCapable = "low-priority-not-capable", Error, "A low-priority cluster on a size the listing says is not low-priority capable.", "Use the dedicated tier, or a size the listing marks lowPriorityCapable.";
    ModelExceedsMemory = "model-exceeds-memory", Error, "The size has less memory than the model's RAM alone: the deployment cannot run.", "Use a size with at least 150 % of the model's RAM.";
    ModelRamHeadroom = "model-ram-headroom", Warning, "The size has less than 150 % of the RAM the model needs.", "Scale up to a size with 150 % of the model's RAM, then scale out.";
    IsolatedExpected = "isolated-expected", Error, "The compute expects an isolated size; the size is not isolated.", "Use one of the isolated sizes.";
    ClusterSettingOnInstance = "cluster-setting-on-instance", Error, "A cluster-only setting (min/max instances, idle time before scale-down, tier) on a compute instance.", "Remove the setting, or make the compute a cluster.";
    InstanceSettingOnCluster = "instance-setting-on-cluster", Error, "An instance-only setting (idle time before shutdown) on a compute cluster.", "Clusters scale down when idle: use idle_time_before_scale_down and min_instances = 0.";
    MinAboveMax = "min-above-max", Error, "A cluster's min_instances is above its max_instances.", "Set min_instances to at most max_instances (0 avoids idle charges).";
    IdleShutdownRange = "idle-shutdown-range", Error, "An instance's idle shutdown is outside 15 minutes to 3 days.", "Use a value from 15 to 4320 minutes.";
    DuplicateName = "duplicate-name", Warning, "Two computes, jobs or deployments have the same identity (a compute's name; a job's `name`; a deployment's endpoint kind, endpoint and name).", "Give each a unique name, or keep one of the alternatives.";
    InvalidValue = "invalid-value", Error, "A value no plan can mean: a negative or non-finite size, a count of zero (plans read from text reject these when read).", "Fix the value: the diagnostic names the key and what it expects.";
    YamlSyntax = "yaml-syntax", Error, "An Azure ML YAML file does not load as the Azure ML CLI loads it (PyYAML's `safe_load`); reported with its line and column.", "Fix the YAML so that `yaml.safe_load` (the Azure ML CLI's loader) reads it.";
    NotChecked = "not-checked", Note, "An Azure ML file of a kind this crate recognises but does not check.", "Nothing to do; the file is read but this crate does not check its kind.";
    UncataloguedSize = "uncatalogued-size", Note, "The size name is well formed, of a series or generation the catalog does not have: its facts are not checked.", "Pass your region's `az ml compute list-sizes` output as a catalog to check it.";
    RetiredSizeMention = "retired-size-mention", Warning, "A retired size is named where the text does not provision it (a comment, prose, a list or default in code).", "Update the text to a current VM size.";
    ComputeNotFound = "compute-not-found", Note, "A job's compute is not defined in the checked files, so the job is not checked against it.", "Check the compute's definition along with the job (its YAML, or `--computes`).";
    Template = "template", Note, "A file with `{{NAME}}` placeholders that scripts fill in before use; values that are placeholders are not checked.", "Nothing to do; check the file after substitution to check those values.";
}
