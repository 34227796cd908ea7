//! Inference targets: `aci-limits`, `dev-test-only-target`, `inference-target-misfit`,
//! `model-exceeds-memory`, `model-ram-headroom`.

use crate::edition::ApiView;
use crate::fit::{InferenceMisfit, InferenceNeeds, SizeNeeds, inference_targets};
use crate::lint::{Code, KeyPath, PlanList};
use crate::plan::DeploymentDef;
use crate::text::readable;
use crate::vm::{Catalog, VmSize};

use super::Checker;

impl Checker<'_> {
    pub(super) fn check_deployment(&mut self, i: usize, d: &DeploymentDef) {
        let at = |field: &'static str| KeyPath::plan(PlanList::Deployments, i, field);
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
            self.inference_target_not_listed(at("target"), d.target, view, fitting());
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
                None => self.unknown_batch_compute(at("compute"), &d.name, compute_name),
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
}
