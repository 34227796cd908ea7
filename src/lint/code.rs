//! The code registry: every diagnostic code, declared once with its severity, a one-sentence
//! summary and an explanation — what it means, why it matters, a bad and a good example, the
//! fix and the source of the rule. `docs/codes.md` and `aml explain` are made from it.

// The examples are raw strings written alike, whether or not they hold a quote.
#![allow(clippy::needless_raw_string_hashes)]

use std::fmt::{self, Write as _};

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

/// A file that shows a rule: its name (which tells its kind: `compute.yml`, `plan.toml`,
/// `setup.sh`) and its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Example {
    /// The file name.
    pub file: &'static str,
    /// The file's text.
    pub text: &'static str,
}

/// A code's entry in the registry.
///
/// ```
/// use aml_targets::Code;
///
/// let rule = Code::RetiredSeries.rule();
/// assert_eq!(rule.code, Code::RetiredSeries);
/// assert!(rule.bad.text.contains("Standard_NC6"));
/// assert!(rule.to_string().starts_with("retired-series (error): "));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Rule {
    /// The code.
    pub code: Code,
    /// The severity its diagnostics have (a configuration may change it).
    pub severity: Severity,
    /// What it means, in one sentence.
    pub summary: &'static str,
    /// What it means, in full.
    pub meaning: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// A file that raises it.
    pub bad: Example,
    /// The same file, fixed.
    pub good: Example,
    /// What to do about it.
    pub fix: &'static str,
    /// Where the rule comes from.
    pub source: &'static str,
}

/// Where `docs/codes.md` is published; each code is a section of it (`#retired-series`).
pub const CODES_URL: &str = concat!(env!("CARGO_PKG_REPOSITORY"), "/blob/main/docs/codes.md");

impl Rule {
    /// The link to the code's section of `docs/codes.md`.
    #[must_use]
    pub fn url(&self) -> String {
        format!("{CODES_URL}#{}", self.code)
    }

    /// The entry as Markdown: a `## code` section of `docs/codes.md`.
    #[must_use]
    pub fn markdown(&self) -> String {
        let fence = |e: &Example| {
            let lang = e.file.rsplit('.').next().unwrap_or_default();
            let lang = match lang {
                "yml" | "yaml" => "yaml",
                "sh" => "sh",
                "py" => "python",
                other => other,
            };
            format!("```{lang}\n# {}\n{}```", e.file, e.text)
        };
        format!(
            "## {code}\n\n**{severity}.** {summary}\n\n{meaning}\n\n**Why it matters.** {why}\n\n\
             **Example** that raises it:\n\n{bad}\n\n**Fixed:**\n\n{good}\n\n**Fix.** {fix}\n\n\
             **Source.** {source}\n",
            code = self.code,
            severity = capitalized(self.severity.as_str()),
            summary = self.summary,
            meaning = self.meaning,
            why = self.why,
            bad = fence(&self.bad),
            good = fence(&self.good),
            fix = self.fix,
            source = self.source,
        )
    }
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

impl fmt::Display for Rule {
    /// The entry as plain text, as `aml explain` prints it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let indent = |text: &str| -> String {
            let mut out = String::new();
            for line in text.lines() {
                let _ = writeln!(out, "    {line}");
            }
            out
        };
        writeln!(f, "{} ({}): {}", self.code, self.severity, self.summary)?;
        writeln!(f)?;
        writeln!(f, "{}", self.meaning)?;
        writeln!(f)?;
        writeln!(f, "Why it matters: {}", self.why)?;
        writeln!(f)?;
        writeln!(f, "Raises it ({}):", self.bad.file)?;
        write!(f, "{}", indent(self.bad.text))?;
        writeln!(f)?;
        writeln!(f, "Fixed ({}):", self.good.file)?;
        write!(f, "{}", indent(self.good.text))?;
        writeln!(f)?;
        writeln!(f, "Fix: {}", self.fix)?;
        writeln!(f, "Source: {}", self.source)?;
        write!(f, "More: {}", self.url())
    }
}

/// Declares every code: the `Code` enum (name, doc) and its `Rule`.
macro_rules! codes {
    ($(
        $variant:ident = $name:literal, $severity:ident {
            summary: $summary:literal,
            meaning: $meaning:literal,
            why: $why:literal,
            bad: ($bad_file:literal, $bad:literal),
            good: ($good_file:literal, $good:literal),
            fix: $fix:literal,
            source: $source:literal $(,)?
        }
    )*) => {
        crate::macros::name_enum! {
            /// A diagnostic's stable code. Codes never change meaning; new ones may be added.
            /// Each has a [`Rule`] ([`Code::rule`]): `docs/codes.md` and `aml explain CODE`
            /// print it.
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
                    #[doc = $summary]
                    #[strum(to_string = $name)]
                    $variant,
                )*
            }
        }

        /// Every code's rule, in the order of [`Code::ALL`].
        static RULES: &[Rule] = &[$(
            Rule {
                code: Code::$variant,
                severity: Severity::$severity,
                summary: $summary,
                meaning: $meaning,
                why: $why,
                bad: Example { file: $bad_file, text: $bad },
                good: Example { file: $good_file, text: $good },
                fix: $fix,
                source: $source,
            },
        )*];
    };
}

impl Code {
    /// The code's entry in the registry.
    #[must_use]
    pub fn rule(self) -> &'static Rule {
        &RULES[self as usize]
    }

    /// The severity diagnostics with this code have.
    #[must_use]
    pub fn severity(self) -> Severity {
        self.rule().severity
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
    pub fn description(self) -> &'static str {
        self.rule().summary
    }

    /// What to do about diagnostics with this code, in general (each diagnostic also carries
    /// help for its own case).
    #[must_use]
    pub fn help(self) -> &'static str {
        self.rule().fix
    }
}

/// The header of `docs/codes.md`.
const CODES_HEADER: &str = "# Diagnostic codes

<!-- Generated from the code registry (src/lint/code.rs) by `cargo xtask gen`; a test fails
     when this file differs from the registry. Do not edit by hand. -->

Every diagnostic `aml check` and `validate` report has one of these codes. Each entry says what
the code means, why it matters, a file that raises it, the same file fixed, the fix and the
source of the rule. `aml explain CODE` prints the same entry in a terminal. The examples are
checked on 2026-11-27: a test runs each bad example and asserts its code, and each good one
and asserts the code is gone.

| Code | Severity | Summary |
|---|---|---|
";

/// `docs/codes.md`: every rule, as Markdown.
///
/// ```
/// let page = aml_targets::lint::codes_markdown();
/// assert!(page.contains("\n## retired-series\n"));
/// ```
#[must_use]
pub fn codes_markdown() -> String {
    let mut out = String::from(CODES_HEADER);
    for rule in RULES {
        let _ = writeln!(
            out,
            "| [{code}](#{code}) | {severity} | {summary} |",
            code = rule.code,
            severity = rule.severity,
            summary = rule.summary.replace('|', "\\|"),
        );
    }
    for rule in RULES {
        out.push('\n');
        out.push_str(&rule.markdown());
    }
    out
}

codes! {
    RetiredSeries = "retired-series", Error {
        summary: "The size's series is retired on the date.",
        meaning: "A compute, job or deployment provisions a VM size whose series Microsoft has retired on the date checked (in the plan's region, where a region has its own date). Every source's date is kept; the earliest decides.",
        why: "Azure no longer creates VMs of a retired series: creating or scaling the compute, submitting the job or deploying fails, and existing VMs are deallocated.",
        bad: ("compute.yml", r#"$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: gpu-cluster
type: amlcompute
size: Standard_NC6
"#),
        good: ("compute.yml", r#"$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: gpu-cluster
type: amlcompute
size: Standard_NC4as_T4_v3
"#),
        fix: "Recreate the compute, or change the job or deployment, with a current VM size; the diagnostic lists the one replacement answer of `aml size NAME`: the migration guide's sizes first, then current sizes of the same category that keep at least its GPUs, GPU memory, vCPUs and memory.",
        source: "concept-compute-target.md, \"Retired VM series\"; Azure's retired-sizes list and migration guides (MicrosoftDocs/azure-compute-docs).",
    }
    RetiringSeries = "retiring-series", Warning {
        summary: "The size's series retires within 90 days of the date.",
        meaning: "A provisioned size belongs to a series whose announced retirement falls within 90 days of the date checked (in the plan's region, where a region has its own date).",
        why: "After the date the compute stops working; moving takes quota requests and testing, so the warning comes early.",
        bad: ("plan.toml", r#"region = "uaenorth"

[[compute]]
name = "viz"
kind = "compute-cluster"
size = "Standard_NV12s_v3"
"#),
        good: ("plan.toml", r#"region = "uaenorth"

[[compute]]
name = "viz"
kind = "compute-cluster"
size = "Standard_NV12ads_A10_v5"
"#),
        fix: "Move to a current VM size before the retirement date.",
        source: "Azure's retirement pages (MicrosoftDocs/azure-compute-docs, sizes/lifecycle/retirement/*.md) and the Azure ML page's \"Retired VM series\".",
    }
    SizeNotForCompute = "size-not-for-compute", Error {
        summary: "The size's series is not supported for this kind of compute (FX on a compute instance).",
        meaning: "The Azure ML page's series table (or a region's size listing, for series the page does not list) says which managed compute may use a series: FX is for compute clusters only. With a region's listing, a managed online deployment on a size the listing does not offer to endpoints is reported too.",
        why: "Azure ML refuses to create the compute (or deployment) on that size.",
        bad: ("instance.yml", r#"$schema: https://azuremlschemas.azureedge.net/latest/computeInstance.schema.json
name: dev-box
type: computeinstance
size: Standard_FX4mds
"#),
        good: ("instance.yml", r#"$schema: https://azuremlschemas.azureedge.net/latest/computeInstance.schema.json
name: dev-box
type: computeinstance
size: Standard_F4s_v2
"#),
        fix: "Use a size whose series this kind of compute supports, or another kind of compute.",
        source: "concept-compute-target.md, \"Supported VM series and sizes\" (FX: compute clusters only); `supportedComputeTypes` of `az ml compute list-sizes`.",
    }
    SeriesNotListed = "series-not-listed", Note {
        summary: "The Azure ML page's list of supported series does not name the size's series (the page's list lags: Azure ML accepts what `az ml compute list-sizes` returns for a region).",
        meaning: "The size is a real Azure size, but the page's series table (of the edition checked) does not list its series, and no region listing was given to say which compute may use it.",
        why: "The page's list is a subset that lags new generations; whether a region offers the size to Azure ML is answered only by that region's listing.",
        bad: ("compute.yml", r#"$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: cpu-cluster
type: amlcompute
size: Standard_D4s_v6
"#),
        good: ("compute.yml", r#"$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: cpu-cluster
type: amlcompute
size: Standard_D4s_v3
"#),
        fix: "Check `az ml compute list-sizes` for your region, or pass that listing as a catalog (`--catalog`): its `supportedComputeTypes` decides.",
        source: "concept-compute-target.md, \"Supported VM series and sizes\" and its footnote; the VirtualMachineSizes_List REST operation.",
    }
    InvalidSizeName = "invalid-size-name", Error {
        summary: "The size is not a well-formed Azure VM size name.",
        meaning: "The value where a VM size belongs does not follow Azure's naming convention (`[Tier_][Family][Sub-family][vCPUs][-constrained][features][_Accelerator][_Version]`); the message names the position and what was expected.",
        why: "Azure rejects a size it cannot parse; a short name such as `NC6` is a series, not a size.",
        bad: ("compute.yml", r#"$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: gpu-cluster
type: amlcompute
size: NC6
"#),
        good: ("compute.yml", r#"$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: gpu-cluster
type: amlcompute
size: Standard_NC4as_T4_v3
"#),
        fix: "Write the size as Azure does, e.g. Standard_D4s_v3.",
        source: "Azure's VM naming conventions (MicrosoftDocs/azure-compute-docs, articles/virtual-machines/vm-naming-conventions.md).",
    }
    UnknownSize = "unknown-size", Warning {
        summary: "The size name is well formed, of a series the catalog lists, but no size of it (likely misspelt).",
        meaning: "The name parses, and its series is one the catalog has sizes of, but not this one: most often a digit or a letter off (`Standard_D3_v3`), or an accelerator left out (`Standard_ND96amsr_v4`). Where a near size exists, the diagnostic names it.",
        why: "Azure rejects sizes it does not offer, at provisioning time.",
        bad: ("compute.yml", r#"$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: cpu-cluster
type: amlcompute
size: Standard_D3_v3
"#),
        good: ("compute.yml", r#"$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: cpu-cluster
type: amlcompute
size: Standard_D4_v3
"#),
        fix: "Check the name against `az ml compute list-sizes` for your region, or pass that listing as a catalog.",
        source: "Azure's VM size pages (MicrosoftDocs/azure-compute-docs), as the embedded catalog.",
    }
    UnknownTarget = "unknown-target", Error {
        summary: "A job's target is neither a compute of the plan nor a training target, or a batch deployment's compute is not a compute of the plan.",
        meaning: "A plan names a target that is neither one of its `[[compute]]` entries nor a training target (`serverless-compute`, `local-computer`, …). In a repository, a compute defined nowhere is the note `compute-not-found` instead, since computes often live outside the files checked.",
        why: "The job or deployment has nowhere to run: submitting it fails.",
        bad: ("plan.toml", r#"[[compute]]
name = "gpu-cluster"
kind = "compute-cluster"
size = "Standard_NC4as_T4_v3"

[[jobs]]
name = "train"
target = "gpu-clustr"
"#),
        good: ("plan.toml", r#"[[compute]]
name = "gpu-cluster"
kind = "compute-cluster"
size = "Standard_NC4as_T4_v3"

[[jobs]]
name = "train"
target = "gpu-cluster"
"#),
        fix: "Name a compute defined in the plan, or a training target.",
        source: "concept-compute-target.md, \"Training compute targets\".",
    }
    RetiredService = "retired-service", Error {
        summary: "The service behind the job's target is retired on the date (Azure Data Lake Analytics since 2024-02-29), though the page may still list it.",
        meaning: "The page still lists Azure Data Lake Analytics as a training target, but Microsoft retired the service on 2024-02-29.",
        why: "A retired service runs no jobs, whatever the page's table says.",
        bad: ("plan.toml", r#"[[jobs]]
name = "prepare"
target = "data-lake-analytics"
ml_pipelines = true
"#),
        good: ("plan.toml", r#"[[jobs]]
name = "prepare"
target = "serverless-compute"
ml_pipelines = true
"#),
        fix: "Run the job on a compute cluster or serverless compute.",
        source: "Azure/EOL service_list.json (\"Azure Data Lake Analytics\", 2024-02-29); Microsoft Learn, data-lake-analytics-overview.",
    }
    TargetNotListed = "target-not-listed", Warning {
        summary: "The page edition and SDK/CLI view do not list the target.",
        meaning: "Since the Nov 2025 edition the training table is split by SDK/CLI view: the v2 view has no local computer and the v1 view no serverless compute. The plan's view (v2 by default) does not list the job's target.",
        why: "The SDK or CLI of that view offers no way to use the target.",
        bad: ("plan.toml", r#"[[jobs]]
name = "debug"
target = "local-computer"
"#),
        good: ("plan.toml", r#"[[jobs]]
name = "debug"
target = "serverless-compute"
"#),
        fix: "Use a target the page edition lists for your SDK/CLI view, or set the view.",
        source: "concept-compute-target.md, \"Training compute targets\" (Nov 2025 and Mar 2026 editions).",
    }
    FeatureNotSupported = "feature-not-supported", Error {
        summary: "The target does not support a feature the job uses (automated ML on Kubernetes, the designer on a remote VM).",
        meaning: "The page's training table says, per target, whether automated ML, ML pipelines and the designer are supported; the job uses a feature its target does not support.",
        why: "The service refuses the job, or the feature never offers the target.",
        bad: ("plan.toml", r#"[[jobs]]
name = "automl"
target = "kubernetes"
automated_ml = true
"#),
        good: ("plan.toml", r#"[[jobs]]
name = "automl"
target = "compute-cluster"
automated_ml = true
"#),
        fix: "Run the job on a target that supports the feature; the diagnostic lists them.",
        source: "concept-compute-target.md, \"Training compute targets\".",
    }
    FeatureQualified = "feature-qualified", Warning {
        summary: "The target supports the feature only in a restricted way (automated ML on Databricks: SDK local mode only).",
        meaning: "The page qualifies some support: automated ML runs on Azure Databricks and Spark pools in SDK local mode only, and on a compute instance through the SDK.",
        why: "The job works only when submitted the way the page says; other ways fail.",
        bad: ("plan.toml", r#"[[jobs]]
name = "automl"
target = "databricks"
automated_ml = true
ml_pipelines = true
"#),
        good: ("plan.toml", r#"[[jobs]]
name = "automl"
target = "compute-cluster"
automated_ml = true
ml_pipelines = true
"#),
        fix: "Use the feature the way the target supports it, or a target with full support.",
        source: "concept-compute-target.md, \"Training compute targets\".",
    }
    DatabricksRemoteTarget = "databricks-remote-target", Error {
        summary: "Azure Databricks is used as a remote target for training outside ML pipelines.",
        meaning: "Azure Databricks can be a training resource for local runs and ML pipelines, but not a remote target for other training.",
        why: "A job sent to Databricks outside a pipeline does not run there.",
        bad: ("plan.toml", r#"[[jobs]]
name = "train"
target = "databricks"
"#),
        good: ("plan.toml", r#"[[jobs]]
name = "train"
target = "databricks"
ml_pipelines = true
"#),
        fix: "Run the job in an ML pipeline step, or on a compute cluster or serverless compute.",
        source: "concept-compute-target.md, \"Training compute targets\" (the Databricks note).",
    }
    MultiNodeOnInstance = "multi-node-on-instance", Error {
        summary: "A multi-node job targets a single-node compute instance.",
        meaning: "A compute instance is a single node; a job asks for more than one.",
        why: "Distributed training needs the nodes it asks for; an instance cannot give them.",
        bad: ("plan.toml", r#"[[compute]]
name = "dev-box"
kind = "compute-instance"
size = "Standard_NC4as_T4_v3"

[[jobs]]
name = "train"
target = "dev-box"
instance_count = 2
"#),
        good: ("plan.toml", r#"[[compute]]
name = "gpu-cluster"
kind = "compute-cluster"
size = "Standard_NC4as_T4_v3"
max_instances = 2

[[jobs]]
name = "train"
target = "gpu-cluster"
instance_count = 2
"#),
        fix: "Use a compute cluster or serverless compute for multi-node jobs.",
        source: "concept-compute-target.md, \"Managed compute\" (compute instance: single node).",
    }
    GpuOnCpuSize = "gpu-on-cpu-size", Error {
        summary: "GPUs are needed but the size has none.",
        meaning: "A job or deployment needs a GPU (it says so, or its environment is a GPU build of a deep-learning framework) but its size has no GPU.",
        why: "A CUDA build fails or falls back to the CPU, many times slower.",
        bad: ("plan.toml", r#"[[compute]]
name = "cpu-cluster"
kind = "compute-cluster"
size = "Standard_D4s_v3"

[[jobs]]
name = "train"
target = "cpu-cluster"
gpu = true
"#),
        good: ("plan.toml", r#"[[compute]]
name = "gpu-cluster"
kind = "compute-cluster"
size = "Standard_NC4as_T4_v3"

[[jobs]]
name = "train"
target = "gpu-cluster"
gpu = true
"#),
        fix: "Use a GPU (N-series) size, or an environment without GPU needs.",
        source: "Azure's GPU size pages (MicrosoftDocs/azure-compute-docs, sizes/gpu-accelerated).",
    }
    AciLimits = "aci-limits", Error {
        summary: "Azure Container Instances' limits are exceeded (model under 1 GB, RAM under 48 GB, CPU only).",
        meaning: "Azure Container Instances serve low-scale CPU workloads needing less than 48 GB of RAM and models smaller than 1 GB; the deployment exceeds one of these (its RAM with the page's 150 % headroom).",
        why: "The deployment fails, or runs out of memory under load.",
        bad: ("plan.toml", r#"view = "v1"

[[deployments]]
name = "scorer"
target = "container-instances"
model_size_gb = 2
"#),
        good: ("plan.toml", r#"view = "v1"

[[deployments]]
name = "scorer"
target = "container-instances"
model_size_gb = 0.5
"#),
        fix: "Deploy to managed online endpoints or Kubernetes, or shrink the model.",
        source: "concept-compute-target.md, \"Deployment targets\" (v1 view: Azure Container Instances).",
    }
    DevTestOnlyTarget = "dev-test-only-target", Error {
        summary: "A production deployment targets a dev/test-only target (Azure Container Instances, local web service).",
        meaning: "The page says Azure Container Instances and the local web service are for testing and debugging, not production.",
        why: "They have no scaling, no SLA for production traffic and small limits.",
        bad: ("plan.toml", r#"view = "v1"

[[deployments]]
name = "scorer"
target = "container-instances"
production = true
"#),
        good: ("plan.toml", r#"[[deployments]]
name = "scorer"
target = "endpoints"
production = true
"#),
        fix: "Deploy production models to managed online endpoints or Kubernetes.",
        source: "concept-compute-target.md, \"Deployment targets\".",
    }
    InferenceTargetMisfit = "inference-target-misfit", Error {
        summary: "The inference target does not offer what the deployment needs (batch, GPU, the view).",
        meaning: "The page's inference tables say, per SDK/CLI view, whether a target serves real-time or batch inference and whether it has GPUs; the deployment needs something its target does not offer.",
        why: "The deployment cannot be made on that target.",
        bad: ("plan.toml", r#"view = "v1"

[[deployments]]
name = "nightly"
target = "container-instances"
mode = "batch"
"#),
        good: ("plan.toml", r#"[[deployments]]
name = "nightly"
target = "endpoints"
mode = "batch"
"#),
        fix: "Deploy to a target that offers what the deployment needs; the diagnostic lists them.",
        source: "concept-compute-target.md, \"Deployment targets\" (v1 and v2 views).",
    }
    CudaPage = "cuda-page", Warning {
        summary: "The Azure ML page's CUDA table does not support the CUDA version on this GPU.",
        meaning: "The page's table \"GPU architecture and CUDA\" gives the lowest CUDA version per architecture (Hopper 12.0+); the job's CUDA is below it. NVIDIA's own range may still include it: that answer is `cuda-nvidia`.",
        why: "Azure ML's images and support are written for the page's versions.",
        bad: ("plan.toml", r#"[[compute]]
name = "h100"
kind = "compute-cluster"
size = "Standard_NC40ads_H100_v5"

[[jobs]]
name = "train"
target = "h100"
gpu = true
cuda = "11.8"
"#),
        good: ("plan.toml", r#"[[compute]]
name = "h100"
kind = "compute-cluster"
size = "Standard_NC40ads_H100_v5"

[[jobs]]
name = "train"
target = "h100"
gpu = true
cuda = "12.4"
"#),
        fix: "Use a CUDA version the Azure ML page lists for the GPU, or a newer GPU.",
        source: "concept-compute-target.md, \"GPU architecture and CUDA\".",
    }
    CudaNvidia = "cuda-nvidia", Error {
        summary: "NVIDIA does not support the CUDA version on this GPU.",
        meaning: "NVIDIA gives each compute capability a first and a last CUDA toolkit (Kepler ends at 11.8; Maxwell, Pascal and Volta at 12.9); the job's CUDA (given, or read from its environment's name) is outside the GPU's range.",
        why: "The CUDA runtime refuses the GPU: the job fails at start or runs on the CPU.",
        bad: ("plan.toml", r#"[[compute]]
name = "k80"
kind = "compute-cluster"
size = "Standard_NC6"

[[jobs]]
name = "train"
target = "k80"
gpu = true
cuda = "12.1"
"#),
        good: ("plan.toml", r#"[[compute]]
name = "t4"
kind = "compute-cluster"
size = "Standard_NC4as_T4_v3"

[[jobs]]
name = "train"
target = "t4"
gpu = true
cuda = "12.1"
"#),
        fix: "Use a CUDA version within the GPU's supported range, or a GPU that runs it.",
        source: "NVIDIA's CUDA toolkit, driver and architecture matrix; the CUDA 12.0 and 13.0 release notes; LLVM's NVPTXTargetParser.def.",
    }
    FrameworkBuild = "framework-build", Error {
        summary: "No CUDA build of the framework release runs on this GPU.",
        meaning: "Each PyTorch wheel carries machine code for a list of compute capabilities, and each TensorFlow release is tested with one CUDA version; no build of the job's framework release (with its CUDA, when given) runs on the GPU.",
        why: "The framework finds no kernel for the GPU and fails, or silently uses the CPU.",
        bad: ("plan.toml", r#"[[compute]]
name = "k80"
kind = "compute-cluster"
size = "Standard_NC6"

[[jobs]]
name = "train"
target = "k80"
environment = "AzureML-ACPT-pytorch-2.1-py310-cuda12.1-gpu"
"#),
        good: ("plan.toml", r#"[[compute]]
name = "t4"
kind = "compute-cluster"
size = "Standard_NC4as_T4_v3"

[[jobs]]
name = "train"
target = "t4"
environment = "AzureML-ACPT-pytorch-2.1-py310-cuda12.1-gpu"
"#),
        fix: "Use a framework release with a CUDA build for the GPU, or a newer GPU.",
        source: "PyTorch's release matrix and build scripts (TORCH_CUDA_ARCH_LIST per CUDA variant); TensorFlow's tested build configurations.",
    }
    QuotaExceeded = "quota-exceeded", Error {
        summary: "A compute or deployment needs more vCPUs of its family's quota (or of the region's total) than are free.",
        meaning: "With the region's usage listing (`--usage`), each compute cluster is counted at `max_instances × vCPUs`, each instance at its vCPUs and each managed online deployment at `ceil(1.2 × instance_count) × vCPUs`, against its VM family's free quota and the region's total. The example raises it with a listing where the family has 8 vCPUs free.",
        why: "Azure ML refuses to scale past the quota: the cluster never reaches its size, the deployment fails.",
        bad: ("plan.toml", r#"[[compute]]
name = "cpu-cluster"
kind = "compute-cluster"
size = "Standard_DS3_v2"
max_instances = 4
"#),
        good: ("plan.toml", r#"[[compute]]
name = "cpu-cluster"
kind = "compute-cluster"
size = "Standard_DS3_v2"
max_instances = 2
"#),
        fix: "Request more quota for the family and region (the error names both), or scale down.",
        source: "MicrosoftDocs/azure-ai-docs how-to-manage-quotas.md; reference-managed-online-endpoints-vm-sku-list.md (the 20 % upgrade reserve).",
    }
    QuotaShared = "quota-shared", Warning {
        summary: "Computes and deployments of one family each fit the free quota alone, but not all at once.",
        meaning: "Computes and deployments of one VM family are summed: each fits the free quota alone, together they do not. The example raises it with a listing where the family has 12 vCPUs free.",
        why: "Whichever scales up second is stuck while the first holds the quota.",
        bad: ("plan.toml", r#"[[compute]]
name = "a"
kind = "compute-cluster"
size = "Standard_DS3_v2"
max_instances = 2

[[compute]]
name = "b"
kind = "compute-cluster"
size = "Standard_DS3_v2"
max_instances = 2
"#),
        good: ("plan.toml", r#"[[compute]]
name = "a"
kind = "compute-cluster"
size = "Standard_DS3_v2"
max_instances = 2

[[compute]]
name = "b"
kind = "compute-cluster"
size = "Standard_DS3_v2"
max_instances = 1
"#),
        fix: "Stagger them, lower max_instances, or request more quota.",
        source: "MicrosoftDocs/azure-ai-docs how-to-manage-quotas.md.",
    }
    QuotaUnknown = "quota-unknown", Note {
        summary: "The size's quota family is not known, so its quota is not checked.",
        meaning: "Quota is kept per VM family; neither the region's size listing nor the embedded data gives this size's family, or the usage listing has no row for it. The example raises it with a usage listing of standardDSv2Family alone and no size listing.",
        why: "A quota problem with this size would not be found.",
        bad: ("plan.toml", r#"[[compute]]
name = "cpu-cluster"
kind = "compute-cluster"
size = "Standard_D4s_v6"
"#),
        good: ("plan.toml", r#"[[compute]]
name = "cpu-cluster"
kind = "compute-cluster"
size = "Standard_DS3_v2"
"#),
        fix: "Give the region's `az ml compute list-sizes` (`--catalog`), whose `family` decides, and its whole `az ml compute list-usage`.",
        source: "The VirtualMachineSizes_List and Usages_List REST operations (`family`, `name.value`).",
    }
    SizeNotInRegion = "size-not-in-region", Error {
        summary: "The region's size listing does not have the size: Azure ML does not offer it there.",
        meaning: "With a region's size listing (`--catalog`) and its quota (`--usage`), a size the listing lacks is not offered to Azure ML in that region. The example raises it with a listing of Standard_DS3_v2 alone.",
        why: "Creating the compute fails in that region.",
        bad: ("plan.toml", r#"[[compute]]
name = "cpu-cluster"
kind = "compute-cluster"
size = "Standard_D4s_v3"
"#),
        good: ("plan.toml", r#"[[compute]]
name = "cpu-cluster"
kind = "compute-cluster"
size = "Standard_DS3_v2"
"#),
        fix: "Pick a size `az ml compute list-sizes` lists for the region.",
        source: "The VirtualMachineSizes_List REST operation (`az ml compute list-sizes`).",
    }
    LowPriorityNotCapable = "low-priority-not-capable", Error {
        summary: "A low-priority cluster on a size the listing says is not low-priority capable.",
        meaning: "A compute cluster asks for low-priority VMs on a size whose region listing says `lowPriorityCapable: false`. The example raises it with such a listing.",
        why: "Azure ML refuses low-priority nodes of that size.",
        bad: ("plan.toml", r#"[[compute]]
name = "cheap"
kind = "compute-cluster"
size = "Standard_DS3_v2"
tier = "low_priority"
"#),
        good: ("plan.toml", r#"[[compute]]
name = "cheap"
kind = "compute-cluster"
size = "Standard_DS3_v2"
tier = "dedicated"
"#),
        fix: "Use the dedicated tier, or a size the listing marks lowPriorityCapable.",
        source: "The VirtualMachineSizes_List REST operation (`lowPriorityCapable`); how-to-manage-quotas.md.",
    }
    ModelExceedsMemory = "model-exceeds-memory", Error {
        summary: "The size has less memory than the model's RAM alone: the deployment cannot run.",
        meaning: "A deployment's size has less memory than the RAM its model needs, before any headroom.",
        why: "The container runs out of memory loading the model.",
        bad: ("plan.toml", r#"[[deployments]]
name = "scorer"
target = "endpoints"
size = "Standard_DS1_v2"
model_ram_gb = 8
"#),
        good: ("plan.toml", r#"[[deployments]]
name = "scorer"
target = "endpoints"
size = "Standard_DS4_v2"
model_ram_gb = 8
"#),
        fix: "Use a size with at least 150 % of the model's RAM.",
        source: "concept-compute-target.md, sizing advice (\"150 % of the RAM the model needs\").",
    }
    ModelRamHeadroom = "model-ram-headroom", Warning {
        summary: "The size has less than 150 % of the RAM the model needs.",
        meaning: "The page advises starting with a machine that has 150 % of the RAM the model needs, then profiling; the deployment's size has the model's RAM but less than that.",
        why: "Without headroom, requests that load data beside the model run out of memory.",
        bad: ("plan.toml", r#"[[deployments]]
name = "scorer"
target = "endpoints"
size = "Standard_DS3_v2"
model_ram_gb = 11
"#),
        good: ("plan.toml", r#"[[deployments]]
name = "scorer"
target = "endpoints"
size = "Standard_DS4_v2"
model_ram_gb = 11
"#),
        fix: "Scale up to a size with 150 % of the model's RAM, then scale out.",
        source: "concept-compute-target.md, sizing advice (\"scale up, then scale out\").",
    }
    IsolatedExpected = "isolated-expected", Error {
        summary: "The compute expects an isolated size; the size is not isolated.",
        meaning: "The plan marks the compute `isolated` (dedicated hardware for compliance), but its size is not one of the isolated sizes.",
        why: "Workloads that must run on hardware dedicated to one customer would share it.",
        bad: ("plan.toml", r#"[[compute]]
name = "regulated"
kind = "compute-cluster"
size = "Standard_D4s_v3"
isolated = true
"#),
        good: ("plan.toml", r#"[[compute]]
name = "regulated"
kind = "compute-cluster"
size = "Standard_F72s_v2"
isolated = true
"#),
        fix: "Use one of the isolated sizes.",
        source: "concept-compute-target.md, \"Isolated VM sizes\".",
    }
    ClusterSettingOnInstance = "cluster-setting-on-instance", Error {
        summary: "A cluster-only setting (min/max instances, idle time before scale-down, tier) on a compute instance.",
        meaning: "Idle scale-down, node counts and the VM tier belong to compute clusters; a compute instance shuts down when idle instead (`idle_time_before_shutdown_minutes`).",
        why: "The setting has no effect on an instance (or the CLI refuses it), so the idle instance keeps billing.",
        bad: ("instance.yml", r#"$schema: https://azuremlschemas.azureedge.net/latest/computeInstance.schema.json
name: dev-box
type: computeinstance
size: Standard_DS3_v2
idle_time_before_scale_down: 1800
"#),
        good: ("instance.yml", r#"$schema: https://azuremlschemas.azureedge.net/latest/computeInstance.schema.json
name: dev-box
type: computeinstance
size: Standard_DS3_v2
idle_time_before_shutdown_minutes: 30
"#),
        fix: "Remove the setting, or make the compute a cluster.",
        source: "Azure ML CLI v2 compute YAML schemas (amlCompute, computeInstance); Azure CLI issues #26674, #26911, #27116.",
    }
    InstanceSettingOnCluster = "instance-setting-on-cluster", Error {
        summary: "An instance-only setting (idle time before shutdown) on a compute cluster.",
        meaning: "Idle shutdown belongs to compute instances; a cluster scales down to `min_instances` after `idle_time_before_scale_down` seconds.",
        why: "The setting has no effect on a cluster, so idle nodes keep billing.",
        bad: ("compute.yml", r#"$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: cpu-cluster
type: amlcompute
size: Standard_DS3_v2
idle_time_before_shutdown_minutes: 30
"#),
        good: ("compute.yml", r#"$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: cpu-cluster
type: amlcompute
size: Standard_DS3_v2
min_instances: 0
idle_time_before_scale_down: 1800
"#),
        fix: "Clusters scale down when idle: use idle_time_before_scale_down and min_instances = 0.",
        source: "Azure ML CLI v2 compute YAML schemas (amlCompute, computeInstance).",
    }
    MinAboveMax = "min-above-max", Error {
        summary: "A cluster's min_instances is above its max_instances.",
        meaning: "A compute cluster keeps `min_instances` nodes and scales up to `max_instances`; the minimum is above the maximum.",
        why: "Azure ML refuses the cluster.",
        bad: ("compute.yml", r#"$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: cpu-cluster
type: amlcompute
size: Standard_DS3_v2
min_instances: 4
max_instances: 2
"#),
        good: ("compute.yml", r#"$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: cpu-cluster
type: amlcompute
size: Standard_DS3_v2
min_instances: 0
max_instances: 2
"#),
        fix: "Set min_instances to at most max_instances (0 avoids idle charges).",
        source: "Azure ML CLI v2 amlCompute YAML schema.",
    }
    IdleShutdownRange = "idle-shutdown-range", Error {
        summary: "An instance's idle shutdown is outside 15 minutes to 3 days.",
        meaning: "A compute instance's `idle_time_before_shutdown_minutes` must be from 15 to 4320 (3 days).",
        why: "Azure ML refuses the setting.",
        bad: ("instance.yml", r#"$schema: https://azuremlschemas.azureedge.net/latest/computeInstance.schema.json
name: dev-box
type: computeinstance
size: Standard_DS3_v2
idle_time_before_shutdown_minutes: 5
"#),
        good: ("instance.yml", r#"$schema: https://azuremlschemas.azureedge.net/latest/computeInstance.schema.json
name: dev-box
type: computeinstance
size: Standard_DS3_v2
idle_time_before_shutdown_minutes: 30
"#),
        fix: "Use a value from 15 to 4320 minutes.",
        source: "Azure ML SDK v2 ComputeInstance (`idle_time_before_shutdown_minutes`: 15 minutes to 3 days).",
    }
    DuplicateName = "duplicate-name", Warning {
        summary: "Two computes, jobs or deployments have the same identity (a compute's name; a job's `name`; a deployment's endpoint kind, endpoint and name).",
        meaning: "Azure identifies a compute by its name, a job by its `name` (a job without one gets a generated name), and a deployment by (online or batch, `endpoint_name`, `name`); two definitions have the same identity. Sample repositories define alternatives on purpose, so it is a warning.",
        why: "Creating the second fails or replaces the first, depending on the command.",
        bad: ("plan.toml", r#"[[compute]]
name = "cpu-cluster"
kind = "compute-cluster"
size = "Standard_DS3_v2"

[[compute]]
name = "cpu-cluster"
kind = "compute-cluster"
size = "Standard_DS4_v2"
"#),
        good: ("plan.toml", r#"[[compute]]
name = "cpu-cluster"
kind = "compute-cluster"
size = "Standard_DS3_v2"

[[compute]]
name = "cpu-cluster-large"
kind = "compute-cluster"
size = "Standard_DS4_v2"
"#),
        fix: "Give each a unique name, or keep one of the alternatives.",
        source: "Azure ML CLI v2 (`az ml compute create`, `az ml job create`, `az ml online-deployment create`).",
    }
    InvalidValue = "invalid-value", Error {
        summary: "A value no plan can mean: a negative or non-finite size, a count of zero (plans read from text reject these when read).",
        meaning: "A value has a shape or range no Azure ML file or plan can mean: a `resources:` that is not a mapping, a count of zero, a negative quantity.",
        why: "The Azure ML CLI rejects the file, or the value means something other than what was meant.",
        bad: ("job.yml", r#"$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json
command: python train.py
environment: azureml:sklearn@latest
compute: azureml:serverless
resources: Standard_DS3_v2
"#),
        good: ("job.yml", r#"$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json
command: python train.py
environment: azureml:sklearn@latest
compute: azureml:serverless
resources:
  instance_type: Standard_DS3_v2
"#),
        fix: "Fix the value: the diagnostic names the key and what it expects.",
        source: "Azure ML CLI v2 YAML schemas (commandJob, amlCompute, managedOnlineDeployment).",
    }
    YamlSyntax = "yaml-syntax", Error {
        summary: "An Azure ML YAML file does not load as the Azure ML CLI loads it (PyYAML's `safe_load`); reported with its line and column.",
        meaning: "The Azure ML CLI loads files with PyYAML's `safe_load`; this file, which looks like an Azure ML file, does not load. The message is PyYAML's, with line and column.",
        why: "`az ml` refuses the file before anything else is checked.",
        bad: ("job.yml", r#"$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json
command: python train.py
inputs: [data, model
"#),
        good: ("job.yml", r#"$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json
command: python train.py
inputs: [data, model]
"#),
        fix: "Fix the YAML so that `yaml.safe_load` (the Azure ML CLI's loader) reads it.",
        source: "azure-ai-ml `_utils/utils.py` (`load_yaml`: `yaml.safe_load`); PyYAML 6.",
    }
    NotChecked = "not-checked", Note {
        summary: "An Azure ML file of a kind this crate recognises but does not check.",
        meaning: "The file is an Azure ML file (by its `$schema` or shape) of a kind that names no compute: an environment, a component, data, a model, an endpoint, a workspace.",
        why: "Nothing to fix; the note says the file was seen, not skipped.",
        bad: ("environment.yml", r#"$schema: https://azuremlschemas.azureedge.net/latest/environment.schema.json
name: sklearn
image: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04
"#),
        good: ("compute.yml", r#"$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: cpu-cluster
type: amlcompute
size: Standard_DS3_v2
"#),
        fix: "Nothing to do; the file is read but this crate does not check its kind.",
        source: "Azure ML CLI v2 YAML schemas (azuremlschemas.azureedge.net).",
    }
    UncataloguedSize = "uncatalogued-size", Note {
        summary: "The size name is well formed, of a series or generation the catalog does not have: its facts are not checked.",
        meaning: "The name parses as an Azure size, but the embedded catalog (data as of its date) has no size of its series or generation: a newer size, most likely.",
        why: "Its facts (vCPUs, memory, GPUs, retirement) cannot be checked.",
        bad: ("compute.yml", r#"$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: cpu-cluster
type: amlcompute
size: Standard_D4s_v9
"#),
        good: ("compute.yml", r#"$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: cpu-cluster
type: amlcompute
size: Standard_D4s_v3
"#),
        fix: "Pass your region's `az ml compute list-sizes` output as a catalog to check it.",
        source: "Azure's VM size pages (MicrosoftDocs/azure-compute-docs), as the embedded catalog.",
    }
    RetiredSizeMention = "retired-size-mention", Warning {
        summary: "A retired size is named where the text does not provision it (a comment, prose, a list or default in code).",
        meaning: "A script, notebook, template or document names a retired size outside a provisioning position (a comment, prose, a list). Where the text provisions the size (`--size`, `vm_size=`, `vmSize`), it is `retired-series`, an error.",
        why: "Readers copy sizes from comments and docs; an outdated one leads to a failed provisioning later.",
        bad: ("setup.sh", r#"# the cluster used to run on Standard_NC6
az ml compute create -n gpu-cluster --type amlcompute --size Standard_NC4as_T4_v3
"#),
        good: ("setup.sh", r#"# a T4 GPU is enough for this sample
az ml compute create -n gpu-cluster --type amlcompute --size Standard_NC4as_T4_v3
"#),
        fix: "Update the text to a current VM size.",
        source: "concept-compute-target.md, \"Retired VM series\"; Azure's retired-sizes list.",
    }
    ComputeNotFound = "compute-not-found", Note {
        summary: "A job's compute is not defined in the checked files, so the job is not checked against it.",
        meaning: "A job or batch deployment names a compute (`compute: azureml:NAME`) that no checked file defines: not its YAML, not a script that creates it, not the `--computes` listing.",
        why: "The job's size, GPU and CUDA cannot be checked against a compute nobody defined here.",
        bad: ("job.yml", r#"$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json
command: python train.py
environment: azureml:sklearn@latest
compute: azureml:cpu-cluster
"#),
        good: ("job.yml", r#"$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json
command: python train.py
environment: azureml:sklearn@latest
compute: azureml:serverless
resources:
  instance_type: Standard_DS3_v2
"#),
        fix: "Check the compute's definition along with the job (its YAML, or `--computes`).",
        source: "Azure ML CLI v2 commandJob YAML schema (`compute`).",
    }
    Template = "template", Note {
        summary: "A file with `{{NAME}}` placeholders that scripts fill in before use; values that are placeholders are not checked.",
        meaning: "The file has `{{NAME}}` placeholders that a script substitutes before use; it is read with the placeholders filled, and values that are placeholders are not checked.",
        why: "What the file provisions is decided by the script; check the substituted file to check those values.",
        bad: ("compute.yml", r#"$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: {{CLUSTER_NAME}}
type: amlcompute
size: {{VM_SIZE}}
"#),
        good: ("compute.yml", r#"$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: cpu-cluster
type: amlcompute
size: Standard_DS3_v2
"#),
        fix: "Nothing to do; check the file after substitution to check those values.",
        source: "Azure ML sample repositories' templates (Azure/mlops-project-template).",
    }
    PreviewSchema = "preview-schema", Note {
        summary: "An Azure ML file whose `$schema` is the 2021 preview's location.",
        meaning: "The file's `$schema` is under `azuremlsdk2.blob.core.windows.net/preview/`, where the CLI v2 preview published its schemas; the reference pages now name `https://azuremlschemas.azureedge.net/latest/`. The file is read as its kind all the same.",
        why: "Editors validate and complete the file against the preview schema, whose shapes (`compute: {target: …}`) CLI v2 refuses; a file written in 2021 may need more than its `$schema` changed.",
        bad: ("job.yml", r#"$schema: https://azuremlsdk2.blob.core.windows.net/preview/0.0.1/commandJob.schema.json
command: python train.py
environment: azureml:sklearn@latest
compute: azureml:serverless
"#),
        good: ("job.yml", r#"$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json
command: python train.py
environment: azureml:sklearn@latest
compute: azureml:serverless
"#),
        fix: "Point `$schema` at `https://azuremlschemas.azureedge.net/latest/` with the same file name, then fix what the current schema flags.",
        source: "MicrosoftDocs/azure-ai-docs articles/machine-learning/reference-yaml-job-command.md@12579eb3 (\"The source JSON schema can be found at https://azuremlschemas.azureedge.net/latest/commandJob.schema.json\"); the 2022 AutoML reference pages named the preview location.",
    }
    V1Api = "v1-api", Note {
        summary: "A script uses the Azure ML SDK v1 or CLI v1, whose support has ended or is ending.",
        meaning: "A Python script or notebook imports `azureml.core` (SDK v1, deprecated on 2025-03-31 and supported until 2026-06-30), an R script or R Markdown chunk loads `azuremlsdk` (`library(azuremlsdk)`: the SDK for R, deprecated at the end of 2021, which binds to SDK v1), a YAML file is a v1 run configuration (`framework:` and `communicator:`) or v1 pipeline (`pipeline:` with `steps:`), or a shell script or CI YAML step runs a CLI v1 command (`az ml computetarget`, `az ml run submit-script`, `az ml folder attach`, `az ml model deploy`, `az ml model register`, `az ml model profile`, `az ml endpoint realtime`, `az ml service`; the azure-cli-ml extension, supported until 2025-09-30 — the v2 extension `ml` has none of them). One note per file, at the first use.",
        why: "After the end of support, v1 gets no fixes, and new sizes, features and regions reach v2 only; the v1 compute calls (`AmlCompute.provisioning_configuration`) are what a migration rewrites.",
        bad: ("train.py", r#"from azureml.core import Workspace
ws = Workspace.from_config()
"#),
        good: ("train.py", r#"from azure.ai.ml import MLClient
"#),
        fix: "Move to the SDK v2 (`azure-ai-ml`) or CLI v2 (`az ml` 2.x): Microsoft's \"Upgrade to v2\" guide maps each v1 call.",
        source: "MicrosoftDocs/azure-ai-docs articles/machine-learning/includes/sdk-v1-deprecation.md@454edbd3 and machine-learning-cli-v1-deprecation.md@5fa89fd5; the v2 `az ml model` commands: learn.microsoft.com/cli/azure/ml/model (archive, create, download, list, package, restore, share, show, update); for R, Azure/azureml-sdk-for-r's README (\"was deprecated at the end of 2021\", \"uses the reticulate package to bind to Azure Machine Learning's Python SDK\").",
    }
    UnusedIgnore = "unused-ignore", Warning {
        summary: "A `# aml: ignore[CODE]` comment that silences nothing.",
        meaning: "A suppression comment names a code that no finding has where the comment applies: on its own line, on the next line when the comment is alone on its line, or anywhere in the file for `# aml: ignore-file[CODE]`. The finding was fixed or moved, or the code is misspelt.",
        why: "A stale suppression silences the next real finding on that line without anyone deciding to, and a misspelt code silences nothing while looking as if it did.",
        bad: ("train.py", r#"x = 1  # aml: ignore[retired-series] the old cluster
"#),
        good: ("train.py", r#"c = AmlCompute.provisioning_configuration(vm_size="Standard_NC6")  # aml: ignore[retired-series] deleted with the workspace in Q1
"#),
        fix: "Remove the comment, or the codes in it that no longer apply; `aml explain --all` lists the codes.",
        source: "This checker's suppression comments (docs/cli.md), after ruff's unused-noqa (RUF100) and tflint's `# tflint-ignore`.",
    }
}
