//! Targets: what a job or deployment runs on — `unknown-target`, `retired-service`,
//! `target-not-listed`, `feature-not-supported`, `feature-qualified`,
//! `databricks-remote-target`, `multi-node-on-instance`, `compute-not-found`.

use crate::edition::ApiView;
use crate::fit::{FrameworkNeed, TrainingNeeds};
use crate::gpu::{CudaRequirement, environment_hints};
use crate::lint::{Code, KeyPath, PlanList};
use crate::plan::{ComputeDef, JobDef};
use crate::targets::{ComputeKind, InferenceTarget, Support, TrainingFeature, TrainingTarget};
use crate::vm::{Catalog, VmSize};

use super::Checker;

impl<'p> Checker<'p> {
    /// The compute of the plan named `name`.
    pub(super) fn compute_named(&self, name: &str) -> Option<&'p ComputeDef> {
        let plan = self.plan;
        self.computes.get(name).map(|&i| &plan.compute[i])
    }

    /// Names a diagnostic can suggest: the plan's computes (the first few) and `extra`.
    pub(super) fn compute_names(&self, extra: &[&str]) -> Vec<String> {
        const SHOWN: usize = 20;
        self.plan
            .compute
            .iter()
            .take(SHOWN)
            .map(|c| c.name.clone())
            .chain(extra.iter().map(|s| (*s).to_owned()))
            .collect()
    }

    pub(super) fn training_target_of(
        &self,
        job: &JobDef,
    ) -> Option<(TrainingTarget, Option<&'p ComputeDef>)> {
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

    pub(super) fn check_job(&mut self, i: usize, job: &JobDef) {
        let at = |field: &'static str| KeyPath::plan(PlanList::Jobs, i, field);
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
                (Some(of_compute), None) => {
                    (Some(of_compute), self.compute_location(&job.target, "size"))
                }
                (None, None) => (None, KeyPath::None),
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
            self.gpu_on_cpu_size(
                at("gpu"),
                format!("job {:?} needs GPUs; {size} has none", job.name),
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

    pub(super) fn compute_location(&self, name: &str, field: &'static str) -> KeyPath {
        self.computes.get(name).map_or(KeyPath::None, |&i| {
            KeyPath::plan(PlanList::Compute, i, field)
        })
    }

    /// `unknown-target`: a batch deployment's compute that is not a compute of the plan.
    pub(super) fn unknown_batch_compute(&mut self, key: KeyPath, deployment: &str, compute: &str) {
        let accepted = self.compute_names(&[]);
        self.push_with(
            Code::UnknownTarget,
            key,
            format!("deployment {deployment:?}: compute {compute:?} is not a compute of the plan"),
            Some("name a compute defined under [[compute]]".to_owned()),
            accepted,
        );
    }

    /// `target-not-listed` for a deployment: its inference target is not one of `view`'s
    /// (`fitting` lists those that would do).
    pub(super) fn inference_target_not_listed(
        &mut self,
        key: KeyPath,
        target: InferenceTarget,
        view: ApiView,
        fitting: Vec<String>,
    ) {
        let other_view = target
            .profile(ApiView::V1)
            .or(target.profile(ApiView::V2))
            .is_some();
        self.push_with(
            Code::TargetNotListed,
            key,
            format!(
                "{} is not an inference target of SDK/CLI {view}",
                target.page_name()
            ),
            other_view.then(|| {
                format!(
                    "{} exists only in the other SDK/CLI view",
                    target.page_name()
                )
            }),
            fitting,
        );
    }
}

/// `compute-not-found`: a job or deployment of a repository on a compute no checked file
/// defines (`what` is `job` or `deployment`; `key` the key naming the compute).
#[cfg(feature = "yaml")]
pub(crate) fn compute_not_found(
    what: &str,
    name: &str,
    compute: &str,
    key: &str,
) -> crate::lint::Diagnostic {
    crate::lint::Diagnostic::new(
        Code::ComputeNotFound,
        format!(
            "{what} {name:?}: compute {compute:?} is not defined in the checked files; it is not checked against it"
        ),
        key,
    )
    .with_help("check the compute's definition along with it (its YAML, `--computes`, or the script that creates it)")
}
