//! "Will this submit?": quota per family and region, low priority, the region's sizes.

#![cfg(feature = "json")]

use aml_targets::fit::recommend_sizes_within;
use aml_targets::lint::check_quota;
use aml_targets::plan::Tier;
use aml_targets::quota::{Usage, UsageKind, Usages, deployment_vcpus};
use aml_targets::vm::family_key;
use aml_targets::{
    Catalog, Code, ComputeDef, ComputeKind, Date, DeploymentDef, InferenceTarget, Plan, Severity,
    SizeNeeds,
};

const USAGE_REST: &str = include_str!("fixtures/quota/usage-rest.json");
const USAGE_CLI: &str = include_str!("fixtures/quota/usage-cli.json");
const SIZES_CLI: &str = include_str!("fixtures/quota/list-sizes-cli.json");
const SIZES_REST: &str = include_str!("fixtures/quota/list-sizes-rest.json");

fn usages() -> Usages {
    Usages::from_json(USAGE_REST).unwrap()
}

fn cluster(size: &str, max: u32) -> ComputeDef {
    ComputeDef {
        name: format!("c-{size}-{max}"),
        size: Some(size.into()),
        max_instances: Some(max),
        ..ComputeDef::default()
    }
}

fn plan(compute: Vec<ComputeDef>, deployments: Vec<DeploymentDef>) -> Plan {
    Plan {
        compute,
        deployments,
        ..Plan::default()
    }
}

fn codes(report: &aml_targets::Report) -> Vec<(Code, String)> {
    report
        .diagnostics
        .iter()
        .map(|d| (d.code, d.key.to_string()))
        .collect()
}

#[test]
fn both_usage_shapes_read_the_same_rows() {
    let rest = usages();
    let cli = Usages::from_json(USAGE_CLI).unwrap();
    for u in [&rest, &cli] {
        let dsv2 = u.family("Standard DSv2 Family").unwrap();
        assert_eq!((dsv2.current, dsv2.limit, dsv2.free()), (4, 24, Some(20)));
        assert_eq!(dsv2.kind, UsageKind::FamilyDedicated);
        let total = u.total(UsageKind::TotalDedicated).unwrap();
        assert_eq!(total.free(), Some(36));
        assert_eq!(total.label, "Total Cluster Dedicated Regional vCPUs");
        assert_eq!(
            u.total(UsageKind::TotalLowPriority).unwrap().free(),
            Some(10)
        );
    }
    // Dedicated and low-priority rows share a name; the type tells them apart.
    let lp = rest.family_low_priority("standardDSv2Family").unwrap();
    assert_eq!((lp.limit, lp.free()), (-1, None));
    // Families match whatever the spacing and case.
    assert_eq!(
        rest.family("standardncasv3_t4family").unwrap().name,
        "Standard NCASv3_T4 Family"
    );
    assert_eq!(
        family_key("Standard  NCASv3_T4  Family"),
        "standardncasv3_t4family"
    );
    // Each row keeps the line of its name.
    assert_eq!(rest.family("standardDSv2Family").unwrap().line, Some(25));
    assert!(Usages::from_json("{\"value\": 3}").is_err());
    assert!(Usages::from_json("[{").is_err());
}

#[test]
fn both_list_sizes_shapes_give_families_and_flags() {
    let cli = Catalog::from_json(SIZES_CLI, "eastus").unwrap();
    let rest = Catalog::from_json(SIZES_REST, "eastus").unwrap();
    for c in [&cli, &rest] {
        let ds3 = c.find("Standard_DS3_v2").unwrap();
        assert_eq!(ds3.family.as_deref(), Some("standardDSv2Family"));
        assert_eq!((ds3.vcpus, ds3.memory_gib), (4, 14.0));
        assert_eq!(ds3.low_priority_capable, Some(true));
        let nc64 = c.find("Standard_NC64as_T4_v3").unwrap();
        assert_eq!(nc64.low_priority_capable, Some(false));
        assert_eq!(nc64.family.as_deref(), Some("Standard NCASv3_T4 Family"));
    }
    // The CLI's compute types come as a Python list or a comma list; both are read.
    let f4 = cli.find("Standard_F4s_v2").unwrap();
    assert!(
        f4.supported_by
            .is_some_and(|b| b.clusters() && b.instances())
    );
    assert!(cli.find("Standard_DS3_v2").unwrap().supported_by.is_some());
    assert_eq!(rest.find("Standard_DS3_v2").unwrap().rdma, Some(false));
    // The embedded catalog knows the families Azure ML's own listing gave.
    let ds3 = aml_targets::VmSizeSpec::find("Standard_DS3_v2").unwrap();
    assert_eq!(ds3.family.as_deref(), Some("standardDSv2Family"));
    let t4 = aml_targets::VmSizeSpec::find("Standard_NC4as_T4_v3").unwrap();
    assert_eq!(t4.family.as_deref(), Some("Standard NCASv3_T4 Family"));
}

#[test]
fn a_cluster_at_under_and_over_its_family() {
    let u = usages();
    // DSv2: 20 free. 4 vCPUs a node: 4 nodes under, 5 at, 6 over.
    for (max, over) in [(4, false), (5, false), (6, true)] {
        let report = check_quota(
            &plan(vec![cluster("Standard_DS3_v2", max)], vec![]),
            None,
            &u,
        );
        let found = codes(&report);
        if over {
            assert_eq!(
                found,
                [(Code::QuotaExceeded, "compute[0].max_instances".into())]
            );
            let d = &report.diagnostics[0];
            assert_eq!(d.severity, Severity::Error);
            assert_eq!(
                d.message,
                format!(
                    "compute \"c-Standard_DS3_v2-6\" needs 24 vCPUs of family standardDSv2Family (6 × 4 vCPUs of Standard_DS3_v2); 20 are free (limit 24, in use 4; usage listing line 25)"
                )
            );
        } else {
            assert_eq!(found, [], "{max}");
        }
    }
    // No max_instances: one node, the CLI's default.
    let one = ComputeDef {
        max_instances: None,
        ..cluster("Standard_DS3_v2", 1)
    };
    assert_eq!(codes(&check_quota(&plan(vec![one], vec![]), None, &u)), []);
}

#[test]
fn the_regional_total_counts_too() {
    // The T4 family has 16 free, the region 36: one NC16as_T4_v3 node fits both; with the
    // region at 40 of 40 the family's room does not help.
    let ok = plan(vec![cluster("Standard_NC16as_T4_v3", 1)], vec![]);
    assert_eq!(codes(&check_quota(&ok, None, &usages())), []);
    let full = Usages::new(vec![
        Usage::new(
            "Standard NCASv3_T4 Family",
            UsageKind::FamilyDedicated,
            0,
            16,
        ),
        Usage::new("TotalDedicatedCores", UsageKind::TotalDedicated, 30, 40),
    ]);
    let report = check_quota(&ok, None, &full);
    assert_eq!(
        codes(&report),
        [(Code::QuotaExceeded, "compute[0].max_instances".into())]
    );
    assert!(
        report.diagnostics[0]
            .message
            .contains("the regional dedicated total")
    );
}

#[test]
fn low_priority_clusters_use_the_regional_low_priority_quota() {
    let u = usages();
    let lp = |max: u32, size: &str| ComputeDef {
        tier: Some(Tier::LowPriority),
        ..cluster(size, max)
    };
    // 10 free: 2 nodes under, 3 over (12); the family's dedicated room does not apply.
    assert_eq!(
        codes(&check_quota(
            &plan(vec![lp(2, "Standard_DS3_v2")], vec![]),
            None,
            &u
        )),
        []
    );
    let over = check_quota(&plan(vec![lp(3, "Standard_DS3_v2")], vec![]), None, &u);
    assert_eq!(
        codes(&over),
        [(Code::QuotaExceeded, "compute[0].max_instances".into())]
    );
    assert!(
        over.diagnostics[0]
            .message
            .contains("regional low-priority quota")
    );
    // A size the region's listing says is not low-priority capable.
    let listing = Catalog::from_json(SIZES_REST, "eastus").unwrap();
    let report = check_quota(
        &plan(vec![lp(0, "Standard_NC64as_T4_v3")], vec![]),
        Some(&listing),
        &u,
    );
    assert!(
        codes(&report).contains(&(Code::LowPriorityNotCapable, "compute[0].tier".into())),
        "{report:#?}"
    );
}

#[test]
fn a_compute_instance_needs_its_vcpus() {
    let instance = |size: &str| ComputeDef {
        name: "dev".into(),
        kind: ComputeKind::ComputeInstance,
        size: Some(size.into()),
        ..ComputeDef::default()
    };
    let fsv2 = |current| {
        Usages::new(vec![Usage::new(
            "standardFSv2Family",
            UsageKind::FamilyDedicated,
            current,
            8,
        )])
    };
    // F4s_v2: 4 vCPUs; 8 free, 4 free (at), 3 free (over).
    for (current, over) in [(0, false), (4, false), (5, true)] {
        let report = check_quota(
            &plan(vec![instance("Standard_F4s_v2")], vec![]),
            None,
            &fsv2(current),
        );
        assert_eq!(report.has_errors(), over, "{current}");
    }
}

#[test]
fn the_twenty_percent_upgrade_reserve() {
    // ceil(1.2 n) nodes, n = 1..5: 2, 3, 4, 5, 6.
    for (n, nodes) in [(1, 2), (2, 3), (3, 4), (4, 5), (5, 6)] {
        assert_eq!(deployment_vcpus("Standard_DS3_v2", 4, n), nodes * 4, "{n}");
        // Exempt SKUs take no reserve.
        assert_eq!(
            deployment_vcpus("Standard_NC24ads_A100_v4", 24, n),
            u64::from(n) * 24
        );
    }
    let deploy = |size: &str, n: u32| DeploymentDef {
        name: "blue".into(),
        target: InferenceTarget::Endpoints,
        size: Some(size.into()),
        instance_count: Some(n),
        ..DeploymentDef::default()
    };
    let u = usages();
    // FSv2 has 8 free: one 4-core instance needs 8 (at), two need 12 (over).
    assert_eq!(
        codes(&check_quota(
            &plan(vec![], vec![deploy("Standard_F4s_v2", 1)]),
            None,
            &u
        )),
        []
    );
    let over = check_quota(&plan(vec![], vec![deploy("Standard_F4s_v2", 2)]), None, &u);
    assert_eq!(
        codes(&over),
        [(Code::QuotaExceeded, "deployments[0].instance_count".into())]
    );
    assert!(
        over.diagnostics[0].message.contains("needs 12 vCPUs"),
        "{}",
        over.diagnostics[0].message
    );
    // An exempt SKU: one A100 instance needs 24, and 24 are free.
    assert_eq!(
        codes(&check_quota(
            &plan(vec![], vec![deploy("Standard_NC24ads_A100_v4", 1)]),
            None,
            &u
        )),
        []
    );
    // Batch deployments run on a compute, not on endpoint quota.
    let batch = DeploymentDef {
        mode: aml_targets::fit::InferenceMode::Batch,
        ..deploy("Standard_F4s_v2", 5)
    };
    assert_eq!(
        codes(&check_quota(&plan(vec![], vec![batch]), None, &u)),
        []
    );
}

#[test]
fn together_they_may_not_fit() {
    // Two DSv2 clusters, 16 and 12 vCPUs at max: each fits 20, together 28 do not.
    let report = check_quota(
        &plan(
            vec![cluster("Standard_DS3_v2", 4), cluster("Standard_DS3_v2", 3)],
            vec![],
        ),
        None,
        &usages(),
    );
    assert_eq!(
        codes(&report),
        [(Code::QuotaShared, "compute[0].max_instances".into())]
    );
    let d = &report.diagnostics[0];
    assert_eq!(d.severity, Severity::Warning);
    assert!(
        d.message
            .contains("together need 28 vCPUs of family standardDSv2Family at once; 20 are free"),
        "{}",
        d.message
    );
}

#[test]
fn the_regions_listing_decides_what_is_offered() {
    let listing = Catalog::from_json(SIZES_REST, "eastus").unwrap();
    let report = check_quota(
        &plan(vec![cluster("Standard_D8ds_v5", 1)], vec![]),
        Some(&listing),
        &usages(),
    );
    assert_eq!(
        codes(&report),
        [(Code::SizeNotInRegion, "compute[0].size".into())]
    );
    // A deployment on a size the region's listing does not offer to endpoints (no MIR).
    let l8 = DeploymentDef {
        name: "blue".into(),
        size: Some("Standard_L8s_v3".into()),
        ..DeploymentDef::default()
    };
    let report = check_quota(&plan(vec![], vec![l8]), Some(&listing), &usages());
    assert!(
        codes(&report).contains(&(Code::SizeNotForCompute, "deployments[0].size".into())),
        "{report:#?}"
    );
    assert_eq!(
        listing.find("Standard_DS3_v2").unwrap().online_endpoints,
        Some(true)
    );
    // A family nobody knows: a note, never an error.
    let report = check_quota(
        &plan(vec![cluster("Standard_D4s_v6", 2)], vec![]),
        None,
        &usages(),
    );
    assert_eq!(
        codes(&report),
        [(Code::QuotaUnknown, "compute[0].max_instances".into())]
    );
    assert_eq!(report.diagnostics[0].severity, Severity::Note);
}

#[cfg(feature = "yaml")]
#[test]
fn across_files_of_a_repository() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/quota/repo");
    let report = aml_targets::AzureMlProject::read_paths([dir])
        .unwrap()
        .with_usages(usages())
        .check("2026-11-27".parse::<Date>().unwrap());
    let found: Vec<(String, Option<usize>, Code)> = report
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str().contains("quota"))
        .map(|d| {
            let file = d
                .file_or_empty()
                .strip_prefix(dir)
                .unwrap()
                .display()
                .to_string();
            (file, d.line(), d.code)
        })
        .collect();
    assert_eq!(
        found,
        [
            ("compute/cpu-a.yml".into(), Some(6), Code::QuotaShared),
            ("endpoints/blue.yml".into(), Some(6), Code::QuotaExceeded),
        ]
    );
}

#[test]
fn recommendations_within_quota() {
    let on: Date = "2026-11-27".parse().unwrap();
    let u = usages();
    let needs = SizeNeeds::default().vcpus(4).memory_gib(14.0);
    let rec = recommend_sizes_within(&needs, Catalog::embedded(), on, &u);
    let best = rec.best().unwrap();
    // Families without a row are not judged; DSv2 has room; T4 sizes are GPUs nobody asked for.
    assert!(best.family.is_some());
    // With no room in DSv2, its sizes are rejected and say why.
    let full = Usages::new(vec![Usage::new(
        "standardDSv2Family",
        UsageKind::FamilyDedicated,
        24,
        24,
    )]);
    let rec = recommend_sizes_within(&needs, Catalog::embedded(), on, &full);
    let ds3 = rec
        .rejected
        .iter()
        .find(|r| r.spec.name == "Standard_DS3_v2")
        .unwrap();
    let reasons: Vec<String> = ds3
        .reasons(rec.needs(), on)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        reasons.contains(&"no quota room: needs 4 vCPUs of standardDSv2Family, 0 free".to_owned()),
        "{reasons:?}"
    );
    assert!(
        rec.candidates
            .iter()
            .all(|c| c.spec.family.as_deref() != Some("standardDSv2Family"))
    );
}

#[test]
fn quota_arithmetic_never_overflows() {
    // Rows and plans built in code may hold any value: no panic in debug builds, no wrap to
    // "0 free" or a small need in release builds.
    let usages = Usages::new(vec![
        Usage::new(
            "standardDSv2Family",
            UsageKind::FamilyDedicated,
            i64::MIN,
            i64::MAX,
        ),
        Usage::new("standardFSv2Family", UsageKind::FamilyDedicated, 0, 8),
        Usage::new(
            "TotalDedicatedCores",
            UsageKind::TotalDedicated,
            i64::MAX,
            i64::MAX,
        ),
    ]);
    assert_eq!(
        usages.family("standardDSv2Family").unwrap().free(),
        Some(u64::MAX)
    );
    let plan = Plan {
        compute: vec![
            ComputeDef {
                name: "huge".into(),
                size: Some("Standard_DS3_v2".into()),
                max_instances: Some(u32::MAX),
                ..ComputeDef::default()
            },
            ComputeDef {
                name: "huge2".into(),
                size: Some("Standard_DS3_v2".into()),
                max_instances: Some(u32::MAX),
                ..ComputeDef::default()
            },
        ],
        deployments: vec![DeploymentDef {
            name: "d".into(),
            size: Some("Standard_F4s_v2".into()),
            instance_count: Some(u32::MAX),
            ..DeploymentDef::default()
        }],
        ..Plan::default()
    };
    let report = check_quota(&plan, None, &usages);
    let d = report
        .with_code(Code::QuotaExceeded)
        .find(|d| d.key == "deployments[0].instance_count");
    let d = d.expect("the deployment's need is far above 8 free vCPUs");
    assert!(
        d.message.contains("needs 20615843016 vCPUs"),
        "{}",
        d.message
    );
}

#[test]
fn usage_rows_out_of_range_are_refused_with_their_line() {
    let text = r#"[
  {"name": {"value": "standardDSv2Family"}, "current_value": -5, "limit": 10,
   "type": "Microsoft.MachineLearningServices/vmFamily/dedicatedCores/usages"}
]"#;
    let err = Usages::from_json(text).unwrap_err();
    assert_eq!(
        err.to_string(),
        "usage row \"standardDSv2Family\" (line 2): `currentValue` is -5, out of range"
    );
}
