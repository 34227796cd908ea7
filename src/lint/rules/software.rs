//! GPU software: `cuda-page`, `cuda-nvidia`, `framework-build`, `gpu-on-cpu-size`.

use crate::fit::{FrameworkNeed, SizeNeeds};
use crate::gpu::{CudaRequirement, environment_hints};
use crate::lint::{Code, KeyPath, PlanList};
use crate::plan::{ComputeDef, DeploymentDef};
use crate::targets::ComputeKind;
use crate::vm::{Catalog, VmSize, VmSizeSpec};

use super::Checker;

impl Checker<'_> {
    pub(super) fn check_gpu_software(
        &mut self,
        key: &KeyPath,
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
                    key.clone(),
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
                    key.clone(),
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
                        key.clone(),
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

    /// GPU needs, and the environment's CUDA and framework on the deployment's GPU.
    pub(super) fn check_deployment_software(
        &mut self,
        i: usize,
        d: &DeploymentDef,
        (size, spec): (&VmSize, &VmSizeSpec),
        compute: Option<&ComputeDef>,
    ) {
        let at = |field: &'static str| KeyPath::plan(PlanList::Deployments, i, field);
        if d.gpu && spec.gpus.is_zero() {
            let on = compute.map_or_else(String::new, |c| format!(" (compute {:?})", c.name));
            self.gpu_on_cpu_size(
                at("gpu"),
                format!("deployment {:?} needs GPUs; {size}{on} has none", d.name),
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

    /// `gpu-on-cpu-size`: a job or deployment that needs GPUs on a size without.
    pub(super) fn gpu_on_cpu_size(&mut self, key: KeyPath, message: String) {
        self.push(
            Code::GpuOnCpuSize,
            key,
            message,
            Some("use a GPU size (N-series)".to_owned()),
        );
    }
}
