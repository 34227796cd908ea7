//! `quota-exceeded`, `quota-shared`, `quota-unknown`, `size-not-in-region`,
//! `low-priority-not-capable`: a plan against a region's quota and size listing.

use std::collections::HashMap;

use crate::fit::InferenceMode;
use crate::lint::{Code, Diagnostic, KeyPath, PlanList, Report};
use crate::plan::{Plan, Tier};
use crate::quota::{Usage, UsageKind, Usages, deployment_vcpus};
use crate::targets::ComputeKind;
use crate::targets::InferenceTarget;
use crate::vm::{Catalog, VmSize, VmSizeSpec, family_key};

/// One claim on quota: who, how many vCPUs, of which family and pool.
struct Claim {
    location: KeyPath,
    who: String,
    family: String,
    vcpus: u64,
    low_priority: bool,
    /// Whether the regional dedicated total applies (computes: documented; deployments: not
    /// documented, so not checked).
    regional: bool,
}

/// Checks a plan's computes and deployments against a region's quota: each alone, then those
/// of one family together (see the module's rules). `listing` is the region's
/// `az ml compute list-sizes`, when given: its families and flags decide, and a size it lacks
/// is not offered in the region.
///
/// ```
/// use aml_targets::{Catalog, Code, ComputeDef, Plan};
/// use aml_targets::lint::check_quota;
/// use aml_targets::quota::{Usage, UsageKind, Usages};
///
/// let plan = Plan {
///     compute: vec![ComputeDef {
///         name: "cpu".into(),
///         size: Some("Standard_DS3_v2".into()),
///         max_instances: Some(4),
///         ..ComputeDef::default()
///     }],
///     ..Plan::default()
/// };
/// let usages = Usages::new(vec![
///     Usage::new("standardDSv2Family", UsageKind::FamilyDedicated, 4, 6),
///     Usage::new("TotalDedicatedCores", UsageKind::TotalDedicated, 4, 100),
/// ]);
/// let report = check_quota(&plan, None, &usages);
/// let d = &report.diagnostics[0];
/// assert_eq!((d.code, d.key.to_string().as_str()), (Code::QuotaExceeded, "compute[0].max_instances"));
/// assert!(d.message.contains("needs 16 vCPUs"), "{}", d.message);
/// ```
#[must_use]
pub fn check_quota(plan: &Plan, listing: Option<&Catalog>, usages: &Usages) -> Report {
    let mut out = Vec::new();
    let mut claims = Vec::new();
    for (i, c) in plan.compute.iter().enumerate() {
        let Some(name) = c.size.as_deref() else {
            continue;
        };
        let at = (PlanList::Compute, i);
        let Some(spec) = spec_of(name, listing, at, &mut out) else {
            continue;
        };
        let low_priority = c.tier == Some(Tier::LowPriority);
        let (nodes, field) = match c.kind {
            ComputeKind::ComputeCluster => (c.max_instances.unwrap_or(1), "max_instances"),
            ComputeKind::ComputeInstance => (1, "size"),
            _ => continue,
        };
        if low_priority && spec.low_priority_capable == Some(false) {
            out.push(
                Diagnostic::new(
                    Code::LowPriorityNotCapable,
                    format!(
                        "compute {:?}: {} is not low-priority capable (the size listing says so)",
                        c.name, spec.name
                    ),
                    KeyPath::plan(at.0, at.1, "tier"),
                )
                .with_help(
                    "use the dedicated tier, or a size the listing marks lowPriorityCapable",
                ),
            );
        }
        claim(
            &mut claims,
            &mut out,
            usages,
            Claim {
                location: KeyPath::plan(at.0, at.1, field),
                who: format!("compute {:?}", c.name),
                family: String::new(),
                vcpus: u64::from(nodes) * u64::from(spec.vcpus),
                low_priority,
                regional: true,
            },
            spec,
            &format!("{nodes} × {} vCPUs of {}", spec.vcpus, spec.name),
        );
    }
    for (i, d) in plan.deployments.iter().enumerate() {
        let managed_online =
            d.target == InferenceTarget::Endpoints && d.mode == InferenceMode::RealTime;
        let (Some(name), true) = (d.size.as_deref(), managed_online) else {
            continue;
        };
        let at = (PlanList::Deployments, i);
        let Some(spec) = spec_of(name, listing, at, &mut out) else {
            continue;
        };
        if spec.online_endpoints == Some(false) {
            out.push(super::sizes::not_for_endpoints(
                &d.name,
                &spec.name,
                KeyPath::plan(at.0, at.1, "size"),
            ));
        }
        let n = d.instance_count.unwrap_or(1);
        let vcpus = deployment_vcpus(&spec.name, spec.vcpus, n);
        claim(
            &mut claims,
            &mut out,
            usages,
            Claim {
                location: KeyPath::plan(at.0, at.1, "instance_count"),
                who: format!("deployment {:?}", d.name),
                family: String::new(),
                vcpus,
                low_priority: false,
                regional: false,
            },
            spec,
            &format!(
                "{} × {} vCPUs of {}: {n} instance(s) and the upgrade reserve",
                vcpus / u64::from(spec.vcpus.max(1)),
                spec.vcpus,
                spec.name
            ),
        );
    }
    // Together: each family's claims, and each pool's.
    let mut by_family: HashMap<(String, bool), Vec<&Claim>> = HashMap::new();
    for c in &claims {
        by_family
            .entry((family_key(&c.family), c.low_priority))
            .or_default()
            .push(c);
    }
    let mut groups: Vec<_> = by_family.into_iter().filter(|(_, v)| v.len() > 1).collect();
    groups.sort_by(|a, b| a.1[0].location.cmp(&b.1[0].location));
    for ((_, low_priority), group) in groups {
        // Saturating: claims built in code may be as large as a u64 each.
        let total = group
            .iter()
            .fold(0u64, |sum, c| sum.saturating_add(c.vcpus));
        let family = &group[0].family;
        let row = if low_priority {
            usages.total(UsageKind::TotalLowPriority)
        } else {
            usages.family(family)
        };
        let Some((row, free)) = row.and_then(|r| r.free().map(|f| (r, f))) else {
            continue;
        };
        if total > free && group.iter().all(|c| c.vcpus <= free) {
            let who: Vec<&str> = group.iter().map(|c| c.who.as_str()).collect();
            out.push(
                Diagnostic::new(
                    Code::QuotaShared,
                    format!(
                        "{} together need {total} vCPUs of {} at once; {free} are free ({}); each fits alone, not all at once",
                        who.join(", "),
                        row_name(row, low_priority),
                        row_numbers(row)
                    ),
                    group[0].location.clone(),
                )
                .with_help("stagger them, lower max_instances, or request more quota"),
            );
        }
    }
    Report {
        diagnostics: out,
        ..Report::default()
    }
}

fn row_name(row: &Usage, low_priority: bool) -> String {
    if low_priority {
        "the regional low-priority quota".to_owned()
    } else {
        format!("family {}", row.name)
    }
}

fn row_numbers(row: &Usage) -> String {
    let line = row
        .line
        .map_or(String::new(), |l| format!("; usage listing line {l}"));
    format!("limit {}, in use {}{line}", row.limit, row.current)
}

/// The size's facts (the region's listing first), with an error when the listing lacks it.
fn spec_of<'c>(
    name: &str,
    listing: Option<&'c Catalog>,
    at: (PlanList, usize),
    out: &mut Vec<Diagnostic>,
) -> Option<&'c VmSizeSpec> {
    let size = VmSize::parse(name).ok()?;
    if let Some(listing) = listing {
        let found = listing.get(&size).or_else(|| {
            size.is_promo()
                .then(|| listing.get(&size.without_promo()))
                .flatten()
        });
        if found.is_none() {
            out.push(
                Diagnostic::new(
                    Code::SizeNotInRegion,
                    format!("{size} is not in the region's size listing: Azure ML does not offer it there"),
                    KeyPath::plan(at.0, at.1, "size"),
                )
                .with_help("pick a size `az ml compute list-sizes` lists for the region"),
            );
        }
        return found;
    }
    Catalog::embedded().get(&size)
}

/// Checks one claim alone against its family's row and, for computes, the regional total;
/// records it for the checks together.
fn claim(
    claims: &mut Vec<Claim>,
    out: &mut Vec<Diagnostic>,
    usages: &Usages,
    mut c: Claim,
    spec: &VmSizeSpec,
    what: &str,
) {
    let Some(family) = spec.family.as_deref() else {
        out.push(
            Diagnostic::new(
                Code::QuotaUnknown,
                format!(
                    "{}: the quota family of {} is not known here, so its quota is not checked",
                    c.who, spec.name
                ),
                c.location.clone(),
            )
            .with_help("give the region's `az ml compute list-sizes` (its `family` decides)"),
        );
        return;
    };
    family.clone_into(&mut c.family);
    if !c.low_priority && usages.family(family).is_none() {
        out.push(
            Diagnostic::new(
                Code::QuotaUnknown,
                format!(
                    "{}: the usage listing has no row for family {family}, so its quota is not checked",
                    c.who
                ),
                c.location.clone(),
            )
            .with_help("list the usage of the workspace's region (`az ml compute list-usage`)"),
        );
    }
    let rows = if c.low_priority {
        [
            usages.total(UsageKind::TotalLowPriority),
            usages.family_low_priority(family),
        ]
    } else if c.regional {
        [
            usages.family(family),
            usages.total(UsageKind::TotalDedicated),
        ]
    } else {
        [usages.family(family), None]
    };
    for row in rows.into_iter().flatten() {
        let Some(free) = row.free() else { continue };
        if c.vcpus > free {
            let of = match row.kind {
                UsageKind::TotalDedicated => "the regional dedicated total".to_owned(),
                UsageKind::TotalLowPriority => "the regional low-priority quota".to_owned(),
                _ => format!("family {}", row.name),
            };
            out.push(
                Diagnostic::new(
                    Code::QuotaExceeded,
                    format!(
                        "{} needs {} vCPUs of {of} ({what}); {free} are free ({})",
                        c.who,
                        c.vcpus,
                        row_numbers(row)
                    ),
                    c.location.clone(),
                )
                .with_help("request more quota for the family and region, or scale down"),
            );
        }
    }
    claims.push(c);
}
