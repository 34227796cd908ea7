//! Compute settings: `cluster-setting-on-instance`, `instance-setting-on-cluster`,
//! `min-above-max`, `idle-shutdown-range`, `isolated-expected`.

use crate::lint::{Code, KeyPath, PlanList};
use crate::plan::ComputeDef;
use crate::targets::ComputeKind;

use super::Checker;

impl Checker<'_> {
    pub(super) fn check_compute(&mut self, i: usize, c: &ComputeDef) {
        let at = |field: &'static str| KeyPath::plan(PlanList::Compute, i, field);
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
}
