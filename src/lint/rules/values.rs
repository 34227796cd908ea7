//! Values no plan or file can mean: `invalid-value`.

use crate::lint::{Code, KeyPath, PlanList};

use super::Checker;

impl Checker<'_> {
    /// Values a plan built in code may hold but no plan can mean.
    pub(super) fn check_values(&mut self) {
        let plan = self.plan;
        let mut bad: Vec<(KeyPath, String)> = Vec::new();
        let count = |bad: &mut Vec<(KeyPath, String)>, at: KeyPath, v: Option<u32>| {
            if v == Some(0) {
                bad.push((at, "a count of 0; expected 1 or more".to_owned()));
            }
        };
        for (i, c) in plan.compute.iter().enumerate() {
            count(
                &mut bad,
                KeyPath::plan(PlanList::Compute, i, "max_instances"),
                c.max_instances,
            );
        }
        for (i, j) in plan.jobs.iter().enumerate() {
            count(
                &mut bad,
                KeyPath::plan(PlanList::Jobs, i, "instance_count"),
                j.instance_count,
            );
        }
        for (i, d) in plan.deployments.iter().enumerate() {
            count(
                &mut bad,
                KeyPath::plan(PlanList::Deployments, i, "instance_count"),
                d.instance_count,
            );
            for (field, v) in [
                ("model_size_gb", d.model_size_gb),
                ("model_ram_gb", d.model_ram_gb),
            ] {
                if let Some(x) = v.filter(|x| !x.is_finite() || *x < 0.0) {
                    bad.push((
                        KeyPath::plan(PlanList::Deployments, i, field),
                        format!("{x} GB; expected a finite number, 0 or more"),
                    ));
                }
            }
        }
        for (key, what) in bad {
            self.push(
                Code::InvalidValue,
                key,
                format!("invalid value: {what}"),
                Some("fix the value".to_owned()),
            );
        }
    }
}

/// `invalid-value` in a file: a value of the wrong shape or range at `key`.
#[cfg(feature = "yaml")]
pub(crate) fn invalid_value(key: KeyPath, message: String) -> crate::lint::Diagnostic {
    crate::lint::Diagnostic::new(Code::InvalidValue, message, key)
}

/// `invalid-value` for a job's `compute` written as a mapping: the 2021 preview shape
/// (`compute: {target: azureml:NAME, instance_count: 2}`), which CLI v2 refuses.
#[cfg(feature = "yaml")]
pub(crate) fn preview_compute_mapping(key: KeyPath, message: String) -> crate::lint::Diagnostic {
    crate::lint::Diagnostic::new(Code::InvalidValue, message, key).with_help(
        "write `compute: azureml:NAME`, and the counts under `resources:` (`resources: {instance_count: 2}`)",
    )
}
