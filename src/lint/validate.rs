//! `validate(plan, date)`: every rule of the Azure ML pages, checked before anything is
//! provisioned, as diagnostics with stable codes, help and alternatives.

use crate::fit::similar_sizes_with;
use crate::lint::{Code, Diagnostic, Report};
use crate::text::readable;

use crate::date::Date;
use crate::edition::{ApiView, DocEdition};
use crate::fit::{
    FrameworkNeed, InferenceMisfit, InferenceNeeds, SizeNeeds, TrainingNeeds, inference_targets,
};
use crate::gpu::{CudaRequirement, environment_hints};
use crate::plan::{ComputeDef, DeploymentDef, JobDef, Plan};
use crate::targets::{ComputeKind, Support, TrainingFeature, TrainingTarget};
use crate::vm::{Catalog, RETIRING_WARNING_DAYS, RetirementState, VmSeries, VmSize, VmSizeSpec};

struct Checker<'p> {
    plan: &'p Plan,
    /// Each compute name's first position in the plan (lookups stay linear in the plan).
    computes: std::collections::HashMap<&'p str, usize>,
    on: Date,
    edition: DocEdition,
    view: ApiView,
    catalog: &'p Catalog,
    out: Vec<Diagnostic>,
}

impl<'p> Checker<'p> {
    fn push(&mut self, code: Code, location: String, message: String, help: Option<String>) {
        self.push_with(code, location, message, help, Vec::new());
    }

    fn push_with(
        &mut self,
        code: Code,
        location: String,
        message: String,
        help: Option<String>,
        alternatives: Vec<String>,
    ) {
        self.out.push(Diagnostic {
            code,
            severity: code.severity(),
            message,
            help,
            location,
            alternatives,
        });
    }

    fn similar_sizes(
        &self,
        spec: &VmSizeSpec,
        compute: Option<ComputeKind>,
        region: Option<&str>,
    ) -> Vec<String> {
        similar_sizes_with(spec, compute, region, self.on, self.edition)
    }

    /// A retired series is an error, one retiring within [`RETIRING_WARNING_DAYS`] a warning,
    /// both with the migration guide's replacements first among the alternatives.
    fn check_retirement(
        &mut self,
        size: &VmSize,
        series: VmSeries,
        spec: Option<&VmSizeSpec>,
        location: &str,
        compute: Option<ComputeKind>,
        region: Option<&str>,
    ) {
        let state = match region {
            Some(r) => series.retirement_state_in(r, self.on),
            None => series.retirement_state(self.on),
        };
        let source = series.retirement().map_or("", |r| r.source);
        let (code, message, help) = match state {
            RetirementState::Retired { since } => (
                Code::RetiredSeries,
                format!("{size} is a {series} size; {series} is retired since {since} ({source})"),
                "move to a current VM size (recreate the compute, or update the job or deployment)",
            ),
            RetirementState::Retiring { date }
                if self.on.days_until(date) <= RETIRING_WARNING_DAYS =>
            {
                (
                    Code::RetiringSeries,
                    format!(
                        "{size} is a {series} size; {series} retires on {date}, in {} days ({source})",
                        self.on.days_until(date)
                    ),
                    "move to a current VM size before the retirement date",
                )
            }
            _ => return,
        };
        let alternatives = self.alternatives(size, series, spec, compute, region);
        self.push_with(
            code,
            location.to_owned(),
            message,
            Some(help.to_owned()),
            alternatives,
        );
    }

    /// What to move a retired or retiring size to: the nearest sizes of the series its
    /// migration guide names (current on the date), then similar current sizes.
    fn alternatives(
        &self,
        size: &VmSize,
        series: VmSeries,
        spec: Option<&VmSizeSpec>,
        compute: Option<ComputeKind>,
        region: Option<&str>,
    ) -> Vec<String> {
        const MOST: usize = 5;
        let embedded = Catalog::embedded();
        let mut out: Vec<String> = match spec {
            Some(spec) => embedded
                .replacements(spec, self.on, 3)
                .iter()
                .map(|s| s.name.to_string())
                .collect(),
            // No row: the size of each replacement series nearest in vCPUs.
            None => series
                .current_replacements(self.on)
                .into_iter()
                .filter_map(|to| {
                    embedded
                        .of_series(to)
                        .min_by_key(|c| c.vcpus.abs_diff(u32::from(size.active_vcpus())))
                })
                .take(3)
                .map(|s| s.name.to_string())
                .collect(),
        };
        if let Some(spec) = spec {
            for similar in self.similar_sizes(spec, compute, region) {
                if out.len() < MOST && !out.contains(&similar) {
                    out.push(similar);
                }
            }
        }
        out
    }

    /// Checks a size name; returns its row when it has one.
    fn check_size(
        &mut self,
        name: &str,
        location: &str,
        compute: Option<ComputeKind>,
        region: Option<&str>,
    ) -> Option<(VmSize, &'p VmSizeSpec)> {
        let size = match VmSize::parse(name) {
            Ok(size) => size,
            Err(e) => {
                self.push(
                    Code::InvalidSizeName,
                    location.to_owned(),
                    e.to_string(),
                    Some("write the size as Azure does, e.g. Standard_D4s_v3".to_owned()),
                );
                return None;
            }
        };
        // The caller's catalog (a region's listing) first, then the embedded one.
        let catalog: &'p Catalog = self.catalog;
        // A `_Promo` size is its regular size's hardware (H16m_Promo is an H16m).
        let regular = size.without_promo();
        let Some(spec) = catalog
            .get(&size)
            .or_else(|| Catalog::embedded().get(&size))
            .or_else(|| {
                Catalog::embedded()
                    .get(&regular)
                    .filter(|_| size.is_promo())
            })
        else {
            // A size of a series the catalog lists is likely misspelt; one of a series or
            // generation it does not have yet is just not known here.
            let listed_series = size.series().is_some_and(|s| {
                catalog.of_series(s).next().is_some()
                    || Catalog::embedded().of_series(s).next().is_some()
            });
            if listed_series {
                self.push(
                    Code::UnknownSize,
                    location.to_owned(),
                    format!("{size} is not a size of its series in the size catalog; its facts cannot be checked"),
                    Some(
                        "check the name against `az ml compute list-sizes` for your region".to_owned(),
                    ),
                );
            } else {
                self.push(
                    Code::UncataloguedSize,
                    location.to_owned(),
                    format!(
                        "{size} is not in the size catalog (data as of {}); its facts are not checked",
                        crate::edition::DATA_AS_OF
                    ),
                    Some(
                        "pass your region's `az ml compute list-sizes` as a catalog to check it"
                            .to_owned(),
                    ),
                );
            }
            // A retired series retires every size of it, catalogued or not (DS1, H8_Promo).
            if let Some(series) = size.series() {
                self.check_retirement(&size, series, None, location, compute, region);
            }
            return None;
        };
        let series = size.series().or(spec.series);
        if let Some(series) = series {
            self.check_retirement(&size, series, Some(spec), location, compute, region);
            // A region's listing says which compute can use the size; without one, the
            // page's list.
            let listed = series.supported_by(self.edition);
            if spec.supported_by.is_none() && listed.is_none() {
                self.push(
                    Code::SeriesNotListed,
                    location.to_owned(),
                    format!(
                        "{series} is not on the Azure ML page's list of supported VM series ({}); Azure ML accepts what `az ml compute list-sizes` returns for your region",
                        self.edition
                    ),
                    Some("check `az ml compute list-sizes` for your region, or pass it as a catalog".to_owned()),
                );
            }
            if let Some(by) = spec.supported_by.or(listed) {
                let ok = match compute {
                    Some(ComputeKind::ComputeInstance) => by.instances(),
                    Some(ComputeKind::ComputeCluster) => by.clusters(),
                    _ => true,
                };
                if !ok {
                    let kind = compute.map_or("", ComputeKind::as_str);
                    let alternatives = self.similar_sizes(spec, compute, region);
                    let said = if spec.supported_by.is_some() {
                        " (per the size listing)"
                    } else {
                        ""
                    };
                    self.push_with(
                        Code::SizeNotForCompute,
                        location.to_owned(),
                        format!("{series} ({size}) is supported by {by}, not by a {kind}{said}"),
                        Some(
                            "use a compute cluster, or a size whose series instances support"
                                .to_owned(),
                        ),
                        alternatives,
                    );
                }
            }
        }
        Some((size, spec))
    }

    fn check_gpu_software(
        &mut self,
        location: &str,
        (size, spec): (&VmSize, &VmSizeSpec),
        cuda: Option<(&CudaRequirement, &str)>,
        framework: Option<(FrameworkNeed, &str)>,
        (compute, region): (Option<ComputeKind>, Option<&str>),
    ) {
        let Some(series) = size.series().or(spec.series) else {
            return;
        };
        if spec.gpus.is_zero() {
            return;
        }
        if let Some((cuda, origin)) = cuda {
            let verdict = series.cuda_verdict_for(cuda, self.edition);
            if verdict.page.supported == Some(false) {
                self.push(
                    Code::CudaPage,
                    location.to_owned(),
                    format!(
                        "CUDA {cuda} ({origin}) on {series}: the Azure ML page says no — {}",
                        verdict.page.reason
                    ),
                    Some(format!("the page's table: {}", verdict.page.source)),
                );
            }
            if verdict.nvidia.supported == Some(false) {
                let mut alternatives = Vec::new();
                let needs = SizeNeeds {
                    gpus: Some(spec.gpus),
                    cuda: Some(cuda.clone()),
                    compute,
                    region: region.map(str::to_owned),
                    edition: self.edition,
                    ..SizeNeeds::default()
                };
                alternatives.extend(
                    crate::fit::top_sizes(&needs, Catalog::embedded(), self.on, 3, |_, _| true)
                        .iter()
                        .map(|c| c.name.to_string()),
                );
                let help = match verdict.nvidia.reason {
                    crate::vm::CudaReason::AboveMaximum { range }
                    | crate::vm::CudaReason::BelowMinimum { range } => {
                        format!(
                            "use CUDA within {range} on {series}, or a GPU that runs CUDA {cuda}"
                        )
                    }
                    _ => format!("use a GPU that runs CUDA {cuda}"),
                };
                self.push_with(
                    Code::CudaNvidia,
                    location.to_owned(),
                    format!(
                        "CUDA {cuda} ({origin}) does not run on {series}: {}",
                        verdict.nvidia.reason
                    ),
                    Some(help),
                    alternatives,
                );
            }
        }
        if let Some((need, origin)) = framework {
            if let Some(builds) = series.framework_builds(need.framework, need.version) {
                // With a CUDA given too, only the builds for that CUDA are the job's.
                let builds: Vec<_> = builds.collect();
                let matching: Vec<_> = builds
                    .iter()
                    .filter(|b| cuda.is_none_or(|(c, _)| c.matches(b.cuda)))
                    .collect();
                let judged = if matching.is_empty() {
                    builds.iter().collect()
                } else {
                    matching
                };
                if !judged.iter().any(|b| b.runs == Some(true)) {
                    let newest = series.newest_framework_build(need.framework);
                    let which = match cuda {
                        Some((c, _)) if judged.len() < builds.len() => format!(" with CUDA {c}"),
                        _ => String::new(),
                    };
                    self.push(
                        Code::FrameworkBuild,
                        location.to_owned(),
                        format!(
                            "no CUDA build of {} {}{which} ({origin}) runs on {series}",
                            need.framework, need.version
                        ),
                        Some(match newest {
                            Some(b) => format!(
                                "the newest {} that runs on {series} is {} with CUDA {}",
                                need.framework, b.version, b.cuda
                            ),
                            None => format!("no {} build runs on {series}", need.framework),
                        }),
                    );
                }
            }
        }
    }

    fn check_compute(&mut self, i: usize, c: &ComputeDef) {
        let at = |field: &str| format!("compute[{i}].{field}");
        let region = c.region.as_deref().or(self.plan.region.as_deref());
        if let Some(name) = &c.size {
            if let Some((_, spec)) = self.check_size(name, &at("size"), Some(c.kind), region) {
                if c.isolated && !spec.is_isolated() {
                    let isolated: Vec<String> = crate::vm::ISOLATED_SIZES
                        .iter()
                        .map(|s| s.name.to_owned())
                        .collect();
                    self.push_with(
                        Code::IsolatedExpected,
                        at("size"),
                        format!(
                            "compute {:?} expects an isolated size; {name} is not isolated",
                            c.name
                        ),
                        Some("use one of the isolated sizes".to_owned()),
                        isolated,
                    );
                }
            }
        }
        match c.kind {
            ComputeKind::ComputeInstance => {
                for (field, set) in [
                    ("min_instances", c.min_instances.is_some()),
                    ("max_instances", c.max_instances.is_some()),
                    (
                        "idle_time_before_scale_down",
                        c.idle_time_before_scale_down.is_some(),
                    ),
                    ("tier", c.tier.is_some()),
                ] {
                    if set {
                        self.push(
                            Code::ClusterSettingOnInstance,
                            at(field),
                            format!("`{field}` is a compute-cluster setting; {:?} is a compute instance", c.name),
                            Some(if field == "idle_time_before_scale_down" {
                                "instances shut down when idle: use `idle_time_before_shutdown_minutes`".to_owned()
                            } else {
                                "remove it, or make the compute a cluster".to_owned()
                            }),
                        );
                    }
                }
                if let Some(minutes) = c.idle_time_before_shutdown_minutes {
                    if !(15..=4320).contains(&minutes) {
                        self.push(
                            Code::IdleShutdownRange,
                            at("idle_time_before_shutdown_minutes"),
                            format!("idle shutdown after {minutes} minutes is outside 15 minutes to 3 days (4320)"),
                            Some("use a value from 15 to 4320".to_owned()),
                        );
                    }
                }
            }
            ComputeKind::ComputeCluster => {
                if c.idle_time_before_shutdown_minutes.is_some() {
                    self.push(
                        Code::InstanceSettingOnCluster,
                        at("idle_time_before_shutdown_minutes"),
                        format!(
                            "`idle_time_before_shutdown_minutes` is a compute-instance setting; {:?} is a compute cluster",
                            c.name
                        ),
                        Some("clusters scale down when idle: use `idle_time_before_scale_down` (seconds) and `min_instances = 0`".to_owned()),
                    );
                }
                if let (Some(min), Some(max)) = (c.min_instances, c.max_instances) {
                    if min > max {
                        self.push(
                            Code::MinAboveMax,
                            at("min_instances"),
                            format!("min_instances ({min}) is above max_instances ({max})"),
                            Some("set min_instances to at most max_instances (0 avoids idle charges)".to_owned()),
                        );
                    }
                }
            }
            _ => {}
        }
    }

    /// The compute of the plan named `name`.
    fn compute_named(&self, name: &str) -> Option<&'p ComputeDef> {
        let plan = self.plan;
        self.computes.get(name).map(|&i| &plan.compute[i])
    }

    /// Names a diagnostic can suggest: the plan's computes (the first few) and `extra`.
    fn compute_names(&self, extra: &[&str]) -> Vec<String> {
        const SHOWN: usize = 20;
        self.plan
            .compute
            .iter()
            .take(SHOWN)
            .map(|c| c.name.clone())
            .chain(extra.iter().map(|s| (*s).to_owned()))
            .collect()
    }

    fn training_target_of(&self, job: &JobDef) -> Option<(TrainingTarget, Option<&'p ComputeDef>)> {
        if let Some(c) = self.compute_named(&job.target) {
            let target = match c.kind {
                ComputeKind::ComputeCluster => TrainingTarget::ComputeCluster,
                ComputeKind::ServerlessCompute => TrainingTarget::ServerlessCompute,
                ComputeKind::ComputeInstance => TrainingTarget::ComputeInstance,
                ComputeKind::Kubernetes | ComputeKind::AzureKubernetesService => {
                    TrainingTarget::Kubernetes
                }
                ComputeKind::RemoteVm => TrainingTarget::RemoteVm,
                ComputeKind::HdInsight => TrainingTarget::HdInsight,
                ComputeKind::Databricks => TrainingTarget::Databricks,
                ComputeKind::DataLakeAnalytics => TrainingTarget::DataLakeAnalytics,
                ComputeKind::SynapseSpark => TrainingTarget::SparkPool,
            };
            return Some((target, Some(c)));
        }
        job.target.parse::<TrainingTarget>().ok().map(|t| (t, None))
    }

    fn check_job(&mut self, i: usize, job: &JobDef) {
        let at = |field: &str| format!("jobs[{i}].{field}");
        let Some((target, compute)) = self.training_target_of(job) else {
            let accepted = self.compute_names(TrainingTarget::NAMES);
            self.push_with(
                Code::UnknownTarget,
                at("target"),
                format!(
                    "job {:?}: target {:?} is neither a compute of the plan nor a training target",
                    job.name, job.target
                ),
                Some("name a compute defined under [[compute]], or a training target".to_owned()),
                accepted,
            );
            return;
        };
        if !target.is_listed(self.edition, self.view) {
            self.push(
                Code::TargetNotListed,
                at("target"),
                format!(
                    "{} is not in the training table of the {} page for SDK/CLI {}",
                    target.page_name(),
                    self.edition,
                    self.view
                ),
                None,
            );
        }
        if let Some(retired) = target.retired_service().filter(|r| r.date <= self.on) {
            let on = self.on;
            self.push_with(
                Code::RetiredService,
                at("target"),
                format!(
                    "job {:?}: {} is retired since {} ({})",
                    job.name,
                    target.page_name(),
                    retired.date,
                    retired.source
                ),
                Some("move the job to a compute cluster or serverless compute".to_owned()),
                TrainingTarget::listed(self.edition, self.view)
                    .filter(|t| t.is_managed() && !t.is_retired(on))
                    .map(|t| t.to_string())
                    .collect(),
            );
        }
        let needs = TrainingNeeds {
            automated_ml: job.automated_ml,
            ml_pipelines: job.ml_pipelines,
            designer: job.designer,
            ..TrainingNeeds::default()
        };
        for (asked, feature) in [
            (needs.automated_ml, TrainingFeature::AutomatedMl),
            (needs.ml_pipelines, TrainingFeature::MlPipelines),
            (needs.designer, TrainingFeature::Designer),
        ] {
            if !asked {
                continue;
            }
            let support = target.support(feature);
            let (edition, view) = (self.edition, self.view);
            let supporting = || -> Vec<String> {
                TrainingTarget::listed(edition, view)
                    .filter(|t| t.support(feature) == Support::Yes)
                    .map(|t| t.to_string())
                    .collect()
            };
            match support {
                Support::No => self.push_with(
                    Code::FeatureNotSupported,
                    at("target"),
                    format!(
                        "job {:?}: {} does not support {}",
                        job.name,
                        target.page_name(),
                        feature.page_name()
                    ),
                    Some(format!(
                        "run it on a target that supports {}",
                        feature.page_name()
                    )),
                    supporting(),
                ),
                Support::SdkLocalModeOnly | Support::ThroughSdk => self.push_with(
                    Code::FeatureQualified,
                    at("target"),
                    format!(
                        "job {:?}: {} supports {} only {}",
                        job.name,
                        target.page_name(),
                        feature.page_name(),
                        support.qualifier().unwrap_or_default()
                    ),
                    Some(format!(
                        "use it {}, or a target with full support",
                        support.qualifier().unwrap_or_default()
                    )),
                    supporting(),
                ),
                Support::Yes => {}
            }
        }
        if target == TrainingTarget::Databricks && !job.ml_pipelines && !job.automated_ml {
            self.push(
                Code::DatabricksRemoteTarget,
                at("target"),
                format!(
                    "job {:?}: {}",
                    job.name,
                    target.caveat().unwrap_or_default()
                ),
                Some(
                    "run it in an ML pipeline step, or on a compute cluster or serverless compute"
                        .to_owned(),
                ),
            );
        }
        if target == TrainingTarget::ComputeInstance && job.instance_count.is_some_and(|n| n > 1) {
            self.push(
                Code::MultiNodeOnInstance,
                at("instance_count"),
                format!(
                    "job {:?} asks for {} nodes; a compute instance is single node",
                    job.name,
                    job.instance_count.unwrap_or(1)
                ),
                Some("use a compute cluster or serverless compute for multi-node jobs".to_owned()),
            );
        }
        // The size: the compute's, or the job's own (serverless).
        let (size_name, size_at) =
            match (compute.and_then(|c| c.size.as_deref()), job.size.as_deref()) {
                (_, Some(own)) => (Some(own), at("size")),
                (Some(of_compute), None) => (
                    Some(of_compute),
                    format!("{}.size", self.compute_location(&job.target)),
                ),
                (None, None) => (None, String::new()),
            };
        let region = compute
            .and_then(|c| c.region.as_deref())
            .or(self.plan.region.as_deref());
        let Some(name) = size_name else { return };
        let sized = if job.size.is_some() {
            self.check_size(name, &size_at, compute.map(|c| c.kind), region)
        } else {
            // The compute's size is checked with the compute; here only its facts are needed.
            VmSize::parse(name)
                .ok()
                .and_then(|s| Catalog::embedded().get(&s).map(|spec| (s, spec)))
        };
        let Some((size, spec)) = sized else { return };
        if job.gpu && spec.gpus.is_zero() {
            self.push(
                Code::GpuOnCpuSize,
                at("gpu"),
                format!("job {:?} needs GPUs; {size} has none", job.name),
                Some("use a GPU size (N-series)".to_owned()),
            );
        }
        let hints = job
            .environment
            .as_deref()
            .map(environment_hints)
            .unwrap_or_default();
        let env = job.environment.as_deref().unwrap_or_default();
        let cuda_hint = hints.cuda.map(CudaRequirement::from);
        let cuda = match (&job.cuda, &cuda_hint) {
            (Some(c), _) => Some((c, "the job's cuda")),
            (None, Some(c)) => Some((c, env)),
            (None, None) => None,
        };
        let framework = match (job.framework, hints.framework) {
            (Some(f), _) => Some((f, "the job's framework")),
            (None, Some((fw, v))) => Some((FrameworkNeed::new(fw, v), env)),
            (None, None) => None,
        };
        let kind = compute.map(|c| c.kind);
        self.check_gpu_software(
            &at("environment"),
            (&size, spec),
            cuda,
            framework,
            (kind, region),
        );
    }

    fn compute_location(&self, name: &str) -> String {
        self.computes
            .get(name)
            .map_or_else(String::new, |i| format!("compute[{i}]"))
    }

    fn check_deployment(&mut self, i: usize, d: &DeploymentDef) {
        let at = |field: &str| format!("deployments[{i}].{field}");
        let view = d.view.unwrap_or(self.view);
        let needs = InferenceNeeds {
            mode: d.mode,
            production: d.production,
            gpu: d.gpu,
            model_size_gb: d.model_size_gb,
            model_ram_gb: d.model_ram_gb,
            designer: d.designer,
            view: Some(view),
        };
        let fitting = || -> Vec<String> {
            inference_targets(&needs)
                .filter(crate::fit::InferenceFit::fits)
                .map(|f| f.target.to_string())
                .collect()
        };
        let listed = inference_targets(&needs).find(|f| f.target == d.target);
        let fit = if listed.is_some() {
            listed
        } else {
            self.push_with(
                Code::TargetNotListed,
                at("target"),
                format!(
                    "{} is not an inference target of SDK/CLI {view}",
                    d.target.page_name()
                ),
                Some(
                    match d
                        .target
                        .profile(ApiView::V1)
                        .or(d.target.profile(ApiView::V2))
                    {
                        Some(_) => format!(
                            "{} exists only in the other SDK/CLI view",
                            d.target.page_name()
                        ),
                        None => String::new(),
                    },
                )
                .filter(|h| !h.is_empty()),
                fitting(),
            );
            // The target's own limits hold whatever the view (ACI's 1 GB model limit in
            // a v2 plan): judge it in the view that lists it.
            let other = match view {
                ApiView::V1 => ApiView::V2,
                ApiView::V2 => ApiView::V1,
            };
            inference_targets(&InferenceNeeds {
                view: Some(other),
                ..needs
            })
            .find(|f| f.target == d.target)
        };
        if let Some(fit) = fit {
            let aci = d.target == crate::targets::InferenceTarget::ContainerInstances;
            for misfit in fit.misfits.iter() {
                let (code, field) = match misfit {
                    InferenceMisfit::DevTestOnly => (Code::DevTestOnlyTarget, "production"),
                    InferenceMisfit::ModelTooLarge if aci => (Code::AciLimits, "model_size_gb"),
                    InferenceMisfit::TooMuchRam if aci => (Code::AciLimits, "model_ram_gb"),
                    InferenceMisfit::NoGpu if aci => (Code::AciLimits, "gpu"),
                    _ => (Code::InferenceTargetMisfit, "target"),
                };
                let detail = match misfit {
                    InferenceMisfit::ModelTooLarge => format!(
                        "the model ({} GB) is not under {}'s {} GB limit",
                        d.model_size_gb.unwrap_or_default(),
                        d.target.page_name(),
                        fit.profile.limits.map_or(0, |l| l.model_size_below_gb)
                    ),
                    InferenceMisfit::TooMuchRam => format!(
                        "150 % of the model's {} GB of RAM is not under {}'s {} GB limit",
                        d.model_ram_gb.unwrap_or_default(),
                        d.target.page_name(),
                        fit.profile.limits.map_or(0, |l| l.ram_below_gb)
                    ),
                    other => format!("{}: {other}", d.target.page_name()),
                };
                self.push_with(
                    code,
                    at(field),
                    format!("deployment {:?}: {detail}", d.name),
                    Some("deploy to a target that fits".to_owned()),
                    fitting(),
                );
            }
        }
        // A batch deployment on a compute of the plan: the compute's size, checked with the
        // compute; here only its facts are needed.
        if let Some(compute_name) = &d.compute {
            match self.compute_named(compute_name) {
                None => {
                    let accepted = self.compute_names(&[]);
                    self.push_with(
                        Code::UnknownTarget,
                        at("compute"),
                        format!(
                            "deployment {:?}: compute {compute_name:?} is not a compute of the plan",
                            d.name
                        ),
                        Some("name a compute defined under [[compute]]".to_owned()),
                        accepted,
                    );
                }
                Some(c) => {
                    let sized = c
                        .size
                        .as_deref()
                        .and_then(|n| VmSize::parse(n).ok())
                        .and_then(|s| {
                            self.catalog
                                .get(&s)
                                .or_else(|| Catalog::embedded().get(&s))
                                .map(|spec| (s, spec))
                        });
                    if let Some((size, spec)) = sized {
                        self.check_deployment_software(i, d, (&size, spec), Some(c));
                    }
                }
            }
        }
        if let Some(name) = &d.size {
            let region = self.plan.region.clone();
            if let Some((size, spec)) = self.check_size(name, &at("size"), None, region.as_deref())
            {
                self.check_deployment_software(i, d, (&size, spec), None);
                if let Some(ram) = d.model_ram_gb.filter(|r| r.is_finite() && *r >= 0.0) {
                    // In GiB first, then the headroom: no overflow for any finite input.
                    let alone = crate::fit::gb_to_gib(ram);
                    let needed =
                        (alone * f64::from(crate::targets::INFERENCE_RAM_HEADROOM_PERCENT) / 100.0)
                            .min(f64::MAX);
                    if spec.memory_gib < needed {
                        let needs = SizeNeeds {
                            memory_gib: Some(crate::fit::inference_memory_gib(ram)),
                            gpus: (!spec.gpus.is_zero()).then_some(spec.gpus),
                            edition: self.edition,
                            ..SizeNeeds::default()
                        };
                        let alternatives = crate::fit::top_sizes(
                            &needs,
                            Catalog::embedded(),
                            self.on,
                            3,
                            |_, _| true,
                        )
                        .iter()
                        .map(|c| c.name.to_string())
                        .collect();
                        // Below the model's own RAM it cannot run at all; below 150 % it runs
                        // without the headroom the page advises.
                        let (code, message) = if spec.memory_gib < alone {
                            (
                                Code::ModelExceedsMemory,
                                format!(
                                    "{size} has {} GiB; the model alone needs {} GB ({} GiB)",
                                    spec.memory_gib,
                                    readable(ram),
                                    readable(alone)
                                ),
                            )
                        } else {
                            (
                                Code::ModelRamHeadroom,
                                format!(
                                    "{size} has {} GiB; the model needs {} GB, and the page advises 150 %: {} GiB",
                                    spec.memory_gib,
                                    readable(ram),
                                    readable(needed)
                                ),
                            )
                        };
                        self.push_with(
                            code,
                            at("size"),
                            message,
                            Some(crate::targets::SIZING_ADVICE.to_owned()),
                            alternatives,
                        );
                    }
                }
            }
        }
    }

    /// GPU needs, and the environment's CUDA and framework on the deployment's GPU.
    fn check_deployment_software(
        &mut self,
        i: usize,
        d: &DeploymentDef,
        (size, spec): (&VmSize, &VmSizeSpec),
        compute: Option<&ComputeDef>,
    ) {
        let at = |field: &str| format!("deployments[{i}].{field}");
        if d.gpu && spec.gpus.is_zero() {
            let on = compute.map_or_else(String::new, |c| format!(" (compute {:?})", c.name));
            self.push(
                Code::GpuOnCpuSize,
                at("gpu"),
                format!("deployment {:?} needs GPUs; {size}{on} has none", d.name),
                Some("use a GPU size (N-series)".to_owned()),
            );
        }
        let Some(env) = d.environment.as_deref() else {
            return;
        };
        let hints = environment_hints(env);
        let cuda = hints.cuda.map(CudaRequirement::from);
        let framework = hints
            .framework
            .map(|(fw, v)| (FrameworkNeed::new(fw, v), env));
        let region = compute
            .and_then(|c| c.region.as_deref())
            .or(self.plan.region.as_deref())
            .map(str::to_owned);
        self.check_gpu_software(
            &at("environment"),
            (size, spec),
            cuda.as_ref().map(|c| (c, env)),
            framework,
            (compute.map(|c| c.kind), region.as_deref()),
        );
    }

    /// Values a plan built in code may hold but no plan can mean.
    fn check_values(&mut self) {
        let plan = self.plan;
        let mut bad: Vec<(String, String)> = Vec::new();
        let count = |bad: &mut Vec<(String, String)>, at: String, v: Option<u32>| {
            if v == Some(0) {
                bad.push((at, "a count of 0; expected 1 or more".to_owned()));
            }
        };
        for (i, c) in plan.compute.iter().enumerate() {
            count(
                &mut bad,
                format!("compute[{i}].max_instances"),
                c.max_instances,
            );
        }
        for (i, j) in plan.jobs.iter().enumerate() {
            count(
                &mut bad,
                format!("jobs[{i}].instance_count"),
                j.instance_count,
            );
        }
        for (i, d) in plan.deployments.iter().enumerate() {
            count(
                &mut bad,
                format!("deployments[{i}].instance_count"),
                d.instance_count,
            );
            for (field, v) in [
                ("model_size_gb", d.model_size_gb),
                ("model_ram_gb", d.model_ram_gb),
            ] {
                if let Some(x) = v.filter(|x| !x.is_finite() || *x < 0.0) {
                    bad.push((
                        format!("deployments[{i}].{field}"),
                        format!("{x} GB; expected a finite number, 0 or more"),
                    ));
                }
            }
        }
        for (location, what) in bad {
            self.push(
                Code::InvalidValue,
                location,
                format!("invalid value: {what}"),
                Some("fix the value".to_owned()),
            );
        }
    }

    /// Two entries of one list with the same name: a warning at the later one, naming the
    /// first. Linear in the plan's size.
    fn check_names(&mut self) {
        let plan = self.plan;
        let lists: [(&str, &str, Vec<&str>); 3] = [
            (
                "compute",
                "compute",
                plan.compute.iter().map(|c| c.name.as_str()).collect(),
            ),
            (
                "jobs",
                "job",
                plan.jobs.iter().map(|j| j.name.as_str()).collect(),
            ),
            (
                "deployments",
                "deployment",
                plan.deployments.iter().map(|d| d.name.as_str()).collect(),
            ),
        ];
        for (list, kind, names) in &lists {
            let mut first: std::collections::HashMap<&str, usize> =
                std::collections::HashMap::with_capacity(names.len());
            for (i, name) in names.iter().enumerate() {
                match first.entry(name) {
                    std::collections::hash_map::Entry::Vacant(v) => {
                        v.insert(i);
                    }
                    std::collections::hash_map::Entry::Occupied(o) => {
                        let message = format!(
                            "{kind} {name:?} is defined twice: here and at {list}[{}]",
                            o.get()
                        );
                        self.push(
                            Code::DuplicateName,
                            format!("{list}[{i}].name"),
                            message,
                            Some("give each a unique name".to_owned()),
                        );
                    }
                }
            }
        }
    }
}

/// Validates a plan on `on` (the caller's date: the crate never reads the clock) against the
/// embedded catalog.
///
/// ```
/// use aml_targets::{Code, ComputeDef, ComputeKind, Date, Plan, validate};
///
/// let plan = Plan {
///     compute: vec![ComputeDef {
///         name: "old".into(),
///         kind: ComputeKind::ComputeCluster,
///         size: Some("Standard_NC6".into()),
///         ..ComputeDef::new("old", ComputeKind::ComputeCluster)
///     }],
///     ..Plan::default()
/// };
/// let report = validate(&plan, "2026-11-26".parse()?);
/// let d = report.with_code(Code::RetiredSeries).next().unwrap();
/// assert_eq!(d.location, "compute[0].size");
/// assert!(!d.alternatives.is_empty());
/// # Ok::<(), aml_targets::date::ParseDateError>(())
/// ```
#[must_use]
pub fn validate(plan: &Plan, on: Date) -> Report {
    validate_with(plan, on, Catalog::embedded())
}

/// [`validate`] with sizes also looked up in a user catalog (a region's listing): a size the
/// embedded catalog lacks but `catalog` has is not reported as unknown.
#[must_use]
pub fn validate_with(plan: &Plan, on: Date, catalog: &Catalog) -> Report {
    let mut computes = std::collections::HashMap::with_capacity(plan.compute.len());
    for (i, c) in plan.compute.iter().enumerate() {
        computes.entry(c.name.as_str()).or_insert(i);
    }
    let mut checker = Checker {
        plan,
        computes,
        on,
        edition: plan.edition.unwrap_or_default(),
        view: plan.view.unwrap_or_default(),
        catalog,
        out: Vec::new(),
    };
    checker.check_values();
    checker.check_names();
    for (i, c) in plan.compute.iter().enumerate() {
        checker.check_compute(i, c);
    }
    for (i, job) in plan.jobs.iter().enumerate() {
        checker.check_job(i, job);
    }
    for (i, d) in plan.deployments.iter().enumerate() {
        checker.check_deployment(i, d);
    }
    Report {
        diagnostics: checker.out,
    }
}

impl ComputeDef {
    /// A compute of `kind` named `name`, with no size or settings.
    #[must_use]
    pub fn new(name: &str, kind: ComputeKind) -> ComputeDef {
        ComputeDef {
            name: name.to_owned(),
            kind,
            size: None,
            tier: None,
            min_instances: None,
            max_instances: None,
            idle_time_before_scale_down: None,
            idle_time_before_shutdown_minutes: None,
            isolated: false,
            region: None,
        }
    }
}

impl DeploymentDef {
    /// A real-time deployment named `name` to `target`, with nothing else set.
    #[must_use]
    pub fn new(name: &str, target: crate::targets::InferenceTarget) -> DeploymentDef {
        DeploymentDef {
            name: name.to_owned(),
            target,
            mode: crate::fit::InferenceMode::RealTime,
            production: false,
            gpu: false,
            model_size_gb: None,
            model_ram_gb: None,
            designer: false,
            size: None,
            instance_count: None,
            view: None,
            compute: None,
            environment: None,
        }
    }
}
