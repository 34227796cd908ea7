//! One assertion per cell of FACTS.md's tables (sections 1–8), table-driven.

use aml_targets::targets::{
    COMPUTE_INSTANCE_FREE_DISK_MAX_GB, COMPUTE_INSTANCE_FREE_DISK_MIN_GB,
    COMPUTE_INSTANCE_OS_DISK_GB, INFERENCE_RAM_HEADROOM_PERCENT, Support, TrainingFeature,
    inference_ram_with_headroom,
};
use aml_targets::vm::{
    ISOLATED_SIZES, PAGE_CUDA_TABLE, PageCudaRow, RETIREMENTS, RetirementAuthority, SupportedBy,
    VmCategory, isolated_size,
};
use aml_targets::{
    ApiView, ComputeKind, CudaVersion, Date, DocEdition, GpuArchitecture, InferenceTarget,
    RetirementState, TrainingTarget, VmSeries,
};

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

// ---- §0 editions -------------------------------------------------------------------------

#[test]
fn editions_and_their_dates() {
    assert_eq!(DocEdition::ALL.len(), 3);
    assert_eq!(DocEdition::Jan2024.ms_date(), date("2024-01-23"));
    assert_eq!(DocEdition::Nov2025.ms_date(), date("2025-11-13"));
    assert_eq!(DocEdition::Mar2026.ms_date(), date("2026-03-31"));
    assert!(DocEdition::Jan2024.source().contains("0eea71ca"));
    assert!(DocEdition::Nov2025.source().contains("43dc14ea"));
    assert_eq!(DocEdition::default(), DocEdition::Mar2026);
    assert_eq!(ApiView::default(), ApiView::V2);
    assert_eq!(DocEdition::as_of(date("2023-12-31")), None);
    assert_eq!(
        DocEdition::as_of(date("2024-01-23")),
        Some(DocEdition::Jan2024)
    );
    assert_eq!(
        DocEdition::as_of(date("2025-11-12")),
        Some(DocEdition::Jan2024)
    );
    assert_eq!(
        DocEdition::as_of(date("2026-11-26")),
        Some(DocEdition::Mar2026)
    );
}

// ---- §1 training targets -------------------------------------------------------------------

#[test]
fn training_table_every_cell() {
    use Support::{No, SdkLocalModeOnly as Local, ThroughSdk as Sdk, Yes};
    use TrainingTarget as T;
    // Target, automated ML, ML pipelines, designer: FACTS.md §1, in the page's order.
    let table = [
        (T::LocalComputer, Yes, No, No),
        (T::ComputeCluster, Yes, Yes, Yes),
        (T::ServerlessCompute, Yes, Yes, Yes),
        (T::ComputeInstance, Sdk, Yes, Yes),
        (T::Kubernetes, No, Yes, Yes),
        (T::RemoteVm, Yes, Yes, No),
        (T::SparkPool, Local, Yes, No),
        (T::Databricks, Local, Yes, No),
        (T::DataLakeAnalytics, No, Yes, No),
        (T::HdInsight, No, Yes, No),
        (T::Batch, No, Yes, No),
    ];
    assert_eq!(T::ALL.len(), 11);
    for (i, (target, automl, pipelines, designer)) in table.into_iter().enumerate() {
        assert_eq!(T::ALL[i], target, "page order");
        assert_eq!(
            target.support(TrainingFeature::AutomatedMl),
            automl,
            "{target} automated ML"
        );
        assert_eq!(
            target.support(TrainingFeature::MlPipelines),
            pipelines,
            "{target} pipelines"
        );
        assert_eq!(
            target.support(TrainingFeature::Designer),
            designer,
            "{target} designer"
        );
    }
}

#[test]
fn scraped_copies_with_dropped_cells_are_not_what_we_encode() {
    // A scrape that drops empty cells shifts "Yes" of the pipelines column into automated ML
    // for these four targets. FACTS.md §1 is right: they do not support automated ML.
    for t in [
        TrainingTarget::Kubernetes,
        TrainingTarget::DataLakeAnalytics,
        TrainingTarget::HdInsight,
        TrainingTarget::Batch,
    ] {
        assert_eq!(t.support(TrainingFeature::AutomatedMl), Support::No, "{t}");
        assert_eq!(t.support(TrainingFeature::MlPipelines), Support::Yes, "{t}");
    }
}

#[test]
fn qualifiers_are_kept() {
    assert_eq!(Support::ThroughSdk.qualifier(), Some("through SDK"));
    assert_eq!(
        Support::SdkLocalModeOnly.qualifier(),
        Some("SDK local mode only")
    );
    assert_eq!(Support::Yes.qualifier(), None);
    assert!(Support::SdkLocalModeOnly.is_supported());
    assert!(!Support::No.is_supported());
}

#[test]
fn databricks_caveat_is_data() {
    assert!(!TrainingTarget::Databricks.is_remote_training_target());
    assert!(!TrainingTarget::LocalComputer.is_remote_training_target());
    for t in TrainingTarget::ALL.iter().copied().filter(|t| {
        !matches!(
            t,
            TrainingTarget::Databricks | TrainingTarget::LocalComputer
        )
    }) {
        assert!(t.is_remote_training_target(), "{t}");
    }
    let caveat = TrainingTarget::Databricks.caveat().unwrap();
    assert!(caveat.contains("local runs and ML pipelines"));
    assert!(caveat.contains("not a remote target"));
    assert!(TrainingTarget::SparkPool.is_preview());
    assert_eq!(
        TrainingTarget::ALL
            .iter()
            .filter(|t| t.is_preview())
            .count(),
        1
    );
}

#[test]
fn training_tables_per_edition_and_view() {
    use TrainingTarget as T;
    let listed = |e, v| T::listed(e, v).collect::<Vec<_>>();
    // Jan 2024: one table, 11 rows, local computer and serverless both present.
    for view in ApiView::ALL.iter().copied() {
        assert_eq!(listed(DocEdition::Jan2024, view), T::ALL);
    }
    // Nov 2025: v2 has no local computer, v1 no serverless.
    let nov_v2 = listed(DocEdition::Nov2025, ApiView::V2);
    assert_eq!(nov_v2.len(), 10);
    assert!(!nov_v2.contains(&T::LocalComputer));
    let nov_v1 = listed(DocEdition::Nov2025, ApiView::V1);
    assert_eq!(nov_v1.len(), 10);
    assert!(!nov_v1.contains(&T::ServerlessCompute));
    // Mar 2026: v1 also drops Data Lake Analytics.
    assert_eq!(listed(DocEdition::Mar2026, ApiView::V2), nov_v2);
    let mar_v1 = listed(DocEdition::Mar2026, ApiView::V1);
    assert_eq!(mar_v1.len(), 9);
    assert!(!mar_v1.contains(&T::ServerlessCompute));
    assert!(!mar_v1.contains(&T::DataLakeAnalytics));
    assert!(nov_v1.contains(&T::DataLakeAnalytics));
}

#[test]
fn managed_training_targets() {
    let managed: Vec<_> = TrainingTarget::ALL
        .iter()
        .copied()
        .filter(|t| t.is_managed())
        .collect();
    assert_eq!(
        managed,
        [
            TrainingTarget::ComputeCluster,
            TrainingTarget::ServerlessCompute,
            TrainingTarget::ComputeInstance
        ]
    );
}

// ---- §2 inference targets ------------------------------------------------------------------

#[test]
fn inference_tables_every_cell() {
    use InferenceTarget as I;
    // (target, view, real-time, batch, GPU, dev/test only)
    let table = [
        (I::Endpoints, ApiView::V2, true, true, true, false),
        (I::Kubernetes, ApiView::V2, true, true, true, false),
        (I::LocalWebService, ApiView::V1, true, false, false, true),
        (I::Kubernetes, ApiView::V1, true, false, true, false),
        (I::ContainerInstances, ApiView::V1, true, false, false, true),
    ];
    for (target, view, realtime, batch, gpu, dev) in table {
        let p = target
            .profile(view)
            .unwrap_or_else(|| panic!("{target} in {view}"));
        assert_eq!(p.realtime, realtime, "{target} {view} real-time");
        assert_eq!(p.batch, batch, "{target} {view} batch");
        assert_eq!(p.gpu, gpu, "{target} {view} GPU");
        assert_eq!(p.dev_test_only, dev, "{target} {view} dev/test");
        assert!(!p.source.is_empty());
    }
    // Endpoints are v2 only, ACI and the local web service v1 only.
    assert!(I::Endpoints.profile(ApiView::V1).is_none());
    assert!(I::ContainerInstances.profile(ApiView::V2).is_none());
    assert!(I::LocalWebService.profile(ApiView::V2).is_none());
    assert_eq!(
        I::listed(ApiView::V2).collect::<Vec<_>>(),
        [I::Endpoints, I::Kubernetes]
    );
    assert_eq!(
        I::listed(ApiView::V1).collect::<Vec<_>>(),
        [I::Kubernetes, I::LocalWebService, I::ContainerInstances]
    );
    // Notes columns.
    let notes = |t: I, v| t.profile(v).unwrap().notes;
    assert!(notes(I::Endpoints, ApiView::V2).contains("serverless compute"));
    assert!(notes(I::Kubernetes, ApiView::V2).contains("on-premises, cloud and edge"));
    assert!(notes(I::Kubernetes, ApiView::V1).contains("in the cloud"));
    assert!(notes(I::LocalWebService, ApiView::V1).contains("depends on local libraries"));
}

#[test]
fn aci_limits() {
    let p = InferenceTarget::ContainerInstances
        .profile(ApiView::V1)
        .unwrap();
    let l = p.limits.unwrap();
    assert_eq!(l.ram_below_gb, 48);
    assert_eq!(l.model_size_below_gb, 1);
    assert!(l.cpu_only);
    assert_eq!(p.designer, Some(true));
    assert!(l.admits_ram_gb(47.9));
    assert!(!l.admits_ram_gb(48.0));
    assert!(l.admits_model_size_gb(0.99));
    assert!(!l.admits_model_size_gb(1.0));
    assert!(!l.admits_ram_gb(f64::NAN));
    assert!(!l.admits_model_size_gb(-1.0));
    assert!(!l.admits_ram_gb(f64::INFINITY));
    for t in [InferenceTarget::Endpoints, InferenceTarget::Kubernetes] {
        assert_eq!(t.profile(ApiView::V2).unwrap().limits, None);
    }
}

#[test]
fn sizing_rule() {
    assert_eq!(INFERENCE_RAM_HEADROOM_PERCENT, 150);
    assert!((inference_ram_with_headroom(10.0) - 15.0).abs() < 1e-9);
    assert!(aml_targets::targets::SIZING_ADVICE.starts_with("scale up, then scale out"));
}

// ---- §3 managed compute ------------------------------------------------------------------

#[test]
fn managed_compute_kinds() {
    let managed: Vec<_> = ComputeKind::ALL
        .iter()
        .copied()
        .filter(|k| k.is_managed())
        .collect();
    assert_eq!(
        managed,
        [
            ComputeKind::ComputeCluster,
            ComputeKind::ServerlessCompute,
            ComputeKind::ComputeInstance
        ]
    );
}

#[test]
fn capability_table_every_cell() {
    let cluster = ComputeKind::ComputeCluster.capabilities().unwrap();
    let instance = ComputeKind::ComputeInstance.capabilities().unwrap();
    // Single- or multi-node
    assert!(cluster.multi_node);
    assert!(!instance.multi_node);
    // Autoscales on each job submission
    assert!(cluster.autoscales_on_job_submission);
    assert!(!instance.autoscales_on_job_submission);
    // Automatic cluster management and job scheduling
    assert!(cluster.automatic_cluster_management_and_job_scheduling);
    assert!(instance.automatic_cluster_management_and_job_scheduling);
    // CPU and GPU resources
    assert!(cluster.cpu_and_gpu);
    assert!(instance.cpu_and_gpu);
    let others = ComputeKind::ALL
        .iter()
        .filter(|k| k.capabilities().is_some())
        .count();
    assert_eq!(others, 2);
}

#[test]
fn instance_disk_and_idle_advice() {
    assert_eq!(COMPUTE_INSTANCE_OS_DISK_GB, 120);
    assert_eq!(
        (
            COMPUTE_INSTANCE_FREE_DISK_MIN_GB,
            COMPUTE_INSTANCE_FREE_DISK_MAX_GB
        ),
        (1, 2)
    );
    let cluster = ComputeKind::ComputeCluster
        .idle_charge_advice(DocEdition::LATEST)
        .unwrap();
    assert!(cluster.action.contains("minimum number of nodes to 0"));
    assert!(cluster.action.contains("serverless"));
    let instance = ComputeKind::ComputeInstance
        .idle_charge_advice(DocEdition::Jan2024)
        .unwrap();
    assert_eq!(instance.action, "enable idle shutdown");
    assert_eq!(instance.stopped_still_bills, None);
    for e in [DocEdition::Nov2025, DocEdition::Mar2026] {
        let bills = ComputeKind::ComputeInstance.idle_charge_advice(e).unwrap();
        assert_eq!(
            bills.stopped_still_bills,
            Some("disk, public IP and standard load balancer")
        );
    }
    assert!(
        ComputeKind::ServerlessCompute
            .note()
            .contains("recommended alternative")
    );
}

// ---- §4 supported VM series ----------------------------------------------------------------

#[test]
fn series_table_every_row() {
    use VmCategory::{
        ComputeOptimized as C, GeneralPurpose as G, Gpu, HighPerformanceCompute as Hpc,
        MemoryOptimized as Mem, StorageOptimized as St,
    };
    use VmSeries as S;
    // (series, category, GPU label, supported by clusters only): FACTS.md §4, Jan 2024.
    let jan2024 = [
        (S::DDSv4, G, None),
        (S::Dv2, G, None),
        (S::Dv3, G, None),
        (S::DSv2, G, None),
        (S::DSv3, G, None),
        (S::EAv4, Mem, None),
        (S::Ev3, Mem, None),
        (S::ESv3, Mem, None),
        (S::FSv2, C, None),
        (S::FX, C, None),
        (S::H, Hpc, None),
        (S::HB, Hpc, None),
        (S::HBv2, Hpc, None),
        (S::HBv3, Hpc, None),
        (S::HC, Hpc, None),
        (S::LSv2, St, None),
        (S::M, Mem, None),
        (S::NC, Gpu, Some("K80")),
        (S::NC_Promo, Gpu, Some("K80")),
        (S::NCv2, Gpu, Some("P100")),
        (S::NCv3, Gpu, Some("V100")),
        (S::ND, Gpu, Some("P40")),
        (S::NDv2, Gpu, Some("V100")),
        (S::NV, Gpu, Some("M60")),
        (S::NVv3, Gpu, Some("M60")),
        (S::NCasT4_v3, Gpu, Some("T4")),
        (S::NDasrA100_v4, Gpu, Some("A100")),
    ];
    assert_eq!(jan2024.len(), 27);
    for (series, category, gpu) in jan2024 {
        assert_eq!(series.category(), category, "{series}");
        assert_eq!(series.page_gpu_label(), gpu, "{series}");
        assert_eq!(series.first_listed(), Some(DocEdition::Jan2024), "{series}");
        let expected = if series == S::FX {
            SupportedBy::ClustersOnly
        } else {
            SupportedBy::ClustersAndInstances
        };
        for edition in DocEdition::ALL.iter().copied() {
            assert_eq!(
                series.supported_by(edition),
                Some(expected),
                "{series} {edition}"
            );
        }
    }
    assert!(!SupportedBy::ClustersOnly.instances());
    assert!(SupportedBy::ClustersOnly.clusters());
    assert!(SupportedBy::ClustersAndInstances.instances());
    assert_eq!(
        VmSeries::listed(DocEdition::Jan2024).collect::<Vec<_>>(),
        jan2024.map(|row| row.0)
    );
}

#[test]
fn series_added_later() {
    use VmSeries as S;
    let added = [
        (S::ND_H100_v5, DocEdition::Nov2025, VmCategory::Gpu),
        (S::ND_H200_v5, DocEdition::Nov2025, VmCategory::Gpu),
        (S::Av2, DocEdition::Mar2026, VmCategory::GeneralPurpose),
        (S::NCads_A100_v4, DocEdition::Mar2026, VmCategory::Gpu),
        (S::NCads_H100_v5, DocEdition::Mar2026, VmCategory::Gpu),
    ];
    for (series, edition, category) in added {
        assert_eq!(series.first_listed(), Some(edition), "{series}");
        assert_eq!(series.category(), category, "{series}");
        assert_eq!(
            series.supported_by(edition),
            Some(SupportedBy::ClustersAndInstances)
        );
        for earlier in DocEdition::ALL.iter().copied().filter(|e| *e < edition) {
            assert_eq!(series.supported_by(earlier), None, "{series} {earlier}");
        }
    }
    assert_eq!(VmSeries::listed(DocEdition::Nov2025).count(), 29);
    assert_eq!(VmSeries::listed(DocEdition::Mar2026).count(), 32);
    // Named by retirements or by the size data only: never "supported" by a table.
    for s in [S::Av1, S::NV_Promo, S::NVv4, S::NDm_A100_v4, S::NVadsA10_v5] {
        assert_eq!(s.first_listed(), None, "{s}");
        assert_eq!(s.supported_by(DocEdition::LATEST), None, "{s}");
    }
}

#[test]
fn series_aliases_the_pages_use() {
    let aliases = [
        ("NCT4_v3", VmSeries::NCasT4_v3),
        ("NDA100_v4", VmSeries::NDasrA100_v4),
        ("ND-H100-v5", VmSeries::ND_H100_v5),
        ("ND-H200-v5", VmSeries::ND_H200_v5),
        ("NCadsH100_v5", VmSeries::NCads_H100_v5),
        ("NCA100_v4", VmSeries::NCads_A100_v4),
        ("NC_A100_v4", VmSeries::NCads_A100_v4),
        ("NC_Promo", VmSeries::NC_Promo),
        ("NV Promo", VmSeries::NV_Promo),
        ("ncasT4_V3", VmSeries::NCasT4_v3),
        ("Easv4", VmSeries::EAv4),
    ];
    for (alias, series) in aliases {
        assert_eq!(alias.parse::<VmSeries>().unwrap(), series, "{alias}");
    }
}

// ---- §5 retirements ------------------------------------------------------------------------

/// The retirements only the VM docs announce (FACTS §5; Dv3, DSv3, Ev3 and ESv3 from the
/// lifecycle page).
const VM_DOCS_ONLY: &[(VmSeries, &str)] = &[
    (VmSeries::HBv2, "2027-05-31"),
    (VmSeries::HC, "2027-05-31"),
    (VmSeries::D, "2028-05-01"),
    (VmSeries::DS, "2028-05-01"),
    (VmSeries::Dv2, "2028-05-01"),
    (VmSeries::DSv2, "2028-05-01"),
    (VmSeries::Ls, "2028-05-01"),
    (VmSeries::Av2, "2028-11-15"),
    (VmSeries::FSv2, "2028-11-15"),
    (VmSeries::LSv2, "2028-11-15"),
    (VmSeries::Dv3, "2029-11-15"),
    (VmSeries::DSv3, "2029-11-15"),
    (VmSeries::Ev3, "2029-11-15"),
    (VmSeries::ESv3, "2029-11-15"),
];

#[track_caller]
fn assert_dates(series: VmSeries, expected: &[(&str, RetirementAuthority, bool)]) {
    let got: Vec<_> = series
        .retirements()
        .map(|r| (r.date.to_string(), r.authority, r.withdrawn))
        .collect();
    let expected: Vec<_> = expected
        .iter()
        .map(|(d, a, w)| ((*d).to_owned(), *a, *w))
        .collect();
    assert_eq!(got, expected, "{series}");
}

#[test]
fn retirement_dates_with_every_source() {
    use RetirementAuthority::{AzureMlPage as Page, AzureVmDocs as Vm};
    for s in [
        VmSeries::NC,
        VmSeries::NCv2,
        VmSeries::ND,
        VmSeries::NV,
        VmSeries::NV_Promo,
        VmSeries::NC_Promo,
    ] {
        assert_dates(s, &[("2023-08-31", Page, false), ("2023-09-06", Vm, false)]);
    }
    assert_dates(
        VmSeries::Av1,
        &[("2024-08-31", Page, false), ("2024-08-31", Vm, false)],
    );
    assert_dates(
        VmSeries::HB,
        &[("2024-08-31", Page, false), ("2024-08-31", Vm, false)],
    );
    assert_dates(
        VmSeries::NCv3,
        &[("2025-09-30", Page, false), ("2025-09-30", Vm, false)],
    );
    assert_dates(VmSeries::NVv3, &[("2026-09-30", Vm, false)]);
    assert_dates(VmSeries::NVv4, &[("2026-09-30", Vm, false)]);
    // H: the page withdrew its note; the VM docs retired the hardware on the same day.
    assert_dates(
        VmSeries::H,
        &[("2022-08-31", Page, true), ("2022-08-31", Vm, false)],
    );
    // Announced by the VM docs only (FACTS §5), and Dv3/Dsv3/Ev3/Esv3 (the lifecycle page).
    for &(series, day) in VM_DOCS_ONLY {
        assert_dates(series, &[(day, Vm, false)]);
        let r = series.retirement().unwrap();
        assert!(r.source.contains("azure-compute-docs"), "{series}");
    }
    assert_eq!(RETIREMENTS.len(), 6 * 2 + 2 * 3 + 2 + 2 + 14);
    assert!(
        VmSeries::Dv2
            .retirement()
            .unwrap()
            .source
            .contains("d-ds-dv2-dsv2-ls-series-migration-guide.md")
    );
    assert!(
        VmSeries::Av2
            .retirement()
            .unwrap()
            .source
            .contains("500682")
    );
    assert!(
        VmSeries::HBv2
            .retirement()
            .unwrap()
            .source
            .contains("hbv2-series-retirement.md")
    );
    assert!(
        VmSeries::HC
            .retirement()
            .unwrap()
            .source
            .contains("hc-series-retirement.md")
    );
    assert!(
        VmSeries::Dv3
            .retirement()
            .unwrap()
            .note
            .contains("sovereign")
    );
    assert!(
        VmSeries::Dv2
            .retirement()
            .unwrap()
            .note
            .contains("July 2026")
    );
    // The earliest date decides; of equal dates, the page's (listed first).
    let av1 = VmSeries::Av1.retirement().unwrap();
    assert!(av1.note.contains("June 2023"));
    assert_eq!(av1.authority, Page);
    assert_eq!(
        VmSeries::NCv3.retirement().unwrap().page_edition,
        Some(DocEdition::Nov2025)
    );
    assert_eq!(
        VmSeries::NC.retirement().unwrap().page_edition,
        Some(DocEdition::Jan2024)
    );
    assert_eq!(VmSeries::H.retirement().unwrap().authority, Vm);
    assert!(
        VmSeries::H
            .retirement()
            .unwrap()
            .source
            .contains("h-series-retirement.md")
    );
    assert!(
        VmSeries::NVv3
            .retirement()
            .unwrap()
            .source
            .contains("nvv3-series-retirement.md")
    );
    assert!(
        VmSeries::NVv4
            .retirement()
            .unwrap()
            .source
            .contains("nvv4-retirement.md")
    );
    for r in RETIREMENTS {
        assert!(!r.source.is_empty());
    }
    // Series with no announcement: every other series of the catalog.
    let announced: Vec<VmSeries> = RETIREMENTS.iter().map(|r| r.series).collect();
    for s in [
        VmSeries::DDSv4,
        VmSeries::EAv4,
        VmSeries::FX,
        VmSeries::M,
        VmSeries::HBv3,
        VmSeries::NDv2,
        VmSeries::NCasT4_v3,
        VmSeries::Ddsv5,
        VmSeries::Dsv6,
        VmSeries::ND_H200_v5,
    ] {
        assert!(!announced.contains(&s), "{s}");
        assert_eq!(
            s.retirement_state(date("2030-01-01")),
            RetirementState::Active
        );
    }
}

#[test]
fn retirement_state_on_dates() {
    use RetirementState::{Active, Retired, Retiring};
    // Each date: the day before, the day, the day after.
    let days = [
        (VmSeries::NC, "2023-08-31"),
        (VmSeries::NC_Promo, "2023-08-31"),
        (VmSeries::NCv2, "2023-08-31"),
        (VmSeries::ND, "2023-08-31"),
        (VmSeries::NV, "2023-08-31"),
        (VmSeries::NV_Promo, "2023-08-31"),
        (VmSeries::H, "2022-08-31"),
        (VmSeries::Av1, "2024-08-31"),
        (VmSeries::HB, "2024-08-31"),
        (VmSeries::NCv3, "2025-09-30"),
        (VmSeries::NVv3, "2026-09-30"),
        (VmSeries::NVv4, "2026-09-30"),
    ];
    for &(series, day) in days.iter().chain(VM_DOCS_ONLY) {
        let d = date(day);
        let before = d.add_days(-1).unwrap();
        let after = d.add_days(1).unwrap();
        assert_eq!(
            series.retirement_state(before),
            Retiring { date: d },
            "{series}"
        );
        assert_eq!(series.retirement_state(d), Retired { since: d }, "{series}");
        assert_eq!(
            series.retirement_state(after),
            Retired { since: d },
            "{series}"
        );
    }
    assert_eq!(
        VmSeries::NCasT4_v3.retirement_state(date("2026-11-26")),
        Active
    );
}

#[test]
fn regional_exceptions() {
    // NCv3 (VM docs: ncv3-retirement.md, moved to sizes/lifecycle/retirement/ and updated at
    // a18807c4; the later edition of the same guide wins, so US Gov is 2026-12-31, not the
    // older copy's 2026-06-30).
    let regions = [
        ("US Gov Virginia", "usgovvirginia", "2026-12-31"),
        ("US Gov Arizona", "usgovarizona", "2026-12-31"),
        ("Jio India West", "jioindiawest", "2027-06-30"),
        ("China North 3", "chinanorth3", "2027-06-30"),
    ];
    let exceptions: Vec<_> = VmSeries::NCv3.regional_retirements().collect();
    assert_eq!(exceptions.len(), 2 * regions.len());
    for e in &exceptions {
        assert!(e.source.contains("ncv3-retirement.md"), "{}", e.source);
        assert!(!e.source.contains("concept-compute-target"));
    }
    let gov_newer: Vec<_> = exceptions
        .iter()
        .filter(|e| e.region.location.starts_with("usgov") && e.date == date("2026-12-31"))
        .collect();
    assert_eq!(gov_newer.len(), 2);
    // The older copy's rows are kept for the record, marked superseded.
    let superseded: Vec<_> = exceptions.iter().filter(|e| e.superseded).collect();
    assert_eq!(superseded.len(), regions.len());
    assert!(
        superseded
            .iter()
            .all(|e| e.source.ends_with("ncv3-retirement.md@11277ad7"))
    );
    assert!(exceptions.iter().filter(|e| !e.superseded).all(|e| {
        e.source
            .contains("sizes/lifecycle/retirement/ncv3-retirement.md@a18807c4")
    }));
    // `aml size NAME --region R` (the size report) names the guide that decides the date.
    let report = aml_targets::VmSize::parse("Standard_NC6s_v3")
        .unwrap()
        .report(
            date("2026-12-07"),
            aml_targets::DocEdition::LATEST,
            Some("usgovvirginia"),
        );
    assert_eq!(report.retirement.unwrap().date(), Some(date("2026-12-31")));
    assert!(
        report
            .retirement_source
            .unwrap()
            .contains("sizes/lifecycle/retirement/ncv3-retirement.md@a18807c4")
    );
    // On 2026-12-07 NCv3 is not yet retired in US Gov Virginia (it was, by the older copy).
    assert!(
        !VmSeries::NCv3
            .retirement_state_in("usgovvirginia", date("2026-12-07"))
            .is_retired()
    );
    for (name, location, day) in regions {
        let d = date(day);
        for spelling in [name, location] {
            assert_eq!(
                VmSeries::NCv3.retirement_state_in(spelling, d.add_days(-1).unwrap()),
                RetirementState::Retiring { date: d },
                "{spelling}"
            );
        }
        assert!(VmSeries::NCv3.retirement_state_in(location, d).is_retired());
        assert!(
            VmSeries::NCv3
                .retirement_state_in(location, d.add_days(1).unwrap())
                .is_retired()
        );
    }
    assert!(
        VmSeries::NCv3
            .retirement_state_in("westeurope", date("2025-10-01"))
            .is_retired()
    );
    // NVv3 in UAE North until 2027-01-31.
    let uae = date("2027-01-31");
    assert_eq!(
        VmSeries::NVv3.retirement_state_in("uaenorth", date("2026-11-27")),
        RetirementState::Retiring { date: uae }
    );
    assert!(
        VmSeries::NVv3
            .retirement_state_in("UAE North", uae)
            .is_retired()
    );
    assert!(
        VmSeries::NVv3
            .retirement_state_in("eastus", date("2026-11-27"))
            .is_retired()
    );
    assert_eq!(VmSeries::NVv4.regional_retirements().count(), 0);
    assert_eq!(VmSeries::NC.regional_retirements().count(), 0);
}

// ---- §5 replacements -------------------------------------------------------------------------

#[test]
fn replacements_from_the_migration_guides() {
    use aml_targets::DATA_AS_OF;
    use aml_targets::vm::REPLACEMENTS;
    // Every retired or retiring series has a guide, and nothing else has one.
    for s in VmSeries::ALL.iter().copied() {
        assert_eq!(s.replacement().is_some(), s.retirement().is_some(), "{s}");
    }
    for r in REPLACEMENTS {
        assert!(!r.to.is_empty() && !r.source.is_empty(), "{}", r.series);
        // Followed to the series current on the data's date, there is always one.
        let current = r.series.current_replacements(DATA_AS_OF);
        assert!(!current.is_empty(), "{}", r.series);
        for c in current {
            assert_eq!(
                c.retirement_state(DATA_AS_OF),
                RetirementState::Active,
                "{} -> {c}",
                r.series
            );
            assert!(c.sizes().next().is_some(), "{c} has sizes");
        }
    }
    // The guides' words.
    assert_eq!(VmSeries::NC.replacements(), [VmSeries::NCasT4_v3]);
    assert_eq!(VmSeries::NCv2.replacements(), [VmSeries::NCads_A100_v4]);
    assert_eq!(VmSeries::NCv3.replacements()[0], VmSeries::NCads_H100_v5);
    assert_eq!(VmSeries::NVv4.replacements()[0], VmSeries::NVadsV710_v5);
    assert_eq!(VmSeries::NVv3.replacements()[0], VmSeries::NVadsA10_v5);
    assert_eq!(VmSeries::Av1.replacements(), [VmSeries::Av2]);
    assert_eq!(
        VmSeries::HBv2.replacements(),
        [VmSeries::HBv5, VmSeries::HX, VmSeries::HBv4, VmSeries::HBv3]
    );
    assert_eq!(
        &VmSeries::Ls.replacements()[..2],
        [VmSeries::Lsv3, VmSeries::Lasv3]
    );
    assert!(VmSeries::Dv2.replacements().contains(&VmSeries::Dasv5));
    assert!(VmSeries::Dv3.replacements().contains(&VmSeries::Ddsv5));
    assert!(VmSeries::ESv3.replacements().contains(&VmSeries::Esv5));
    assert!(VmSeries::FSv2.replacements().contains(&VmSeries::Falsv6));
    // Av1 → Av2, which retires in 2028: Av2's own guide instead.
    let av1 = VmSeries::Av1.current_replacements(DATA_AS_OF);
    assert!(!av1.contains(&VmSeries::Av2));
    assert!(av1.contains(&VmSeries::Dsv5));
    // H → HC and HBv2 (retiring 2027) are followed to HBv5, HX, HBv4; HBv3 stays.
    let h = VmSeries::H.current_replacements(DATA_AS_OF);
    assert!(h.contains(&VmSeries::HBv3) && h.contains(&VmSeries::HX));
    assert!(!h.contains(&VmSeries::HC));
    // Sizes: the nearest of each current replacement series.
    let on = DATA_AS_OF;
    let names = |name: &str| -> Vec<String> {
        let spec = aml_targets::VmSizeSpec::find(name).unwrap();
        aml_targets::Catalog::embedded()
            .replacements(spec, on, 3)
            .iter()
            .map(|s| s.name.to_string())
            .collect()
    };
    assert_eq!(names("Standard_NC6"), ["Standard_NC8as_T4_v3"]);
    assert_eq!(names("Standard_NC6s_v2"), ["Standard_NC24ads_A100_v4"]);
    // NCv3's guide names four series; the nearest size of each, nearest first (the T4 size
    // has the V100 size's shape; the H100 size is the guide's first choice).
    let ncv3 = names("Standard_NC6s_v3");
    assert_eq!(ncv3[0], "Standard_NC8as_T4_v3");
    assert!(
        ncv3.contains(&"Standard_NC40ads_H100_v5".to_owned()),
        "{ncv3:?}"
    );
    let d2 = names("Standard_D2_v2");
    assert_eq!(d2.len(), 3);
    for n in &d2 {
        let spec = aml_targets::VmSizeSpec::find(n).unwrap();
        assert_eq!(spec.vcpus, 2, "{n}");
    }
}

// ---- §6 isolated sizes ---------------------------------------------------------------------

#[test]
fn isolated_sizes() {
    let names: Vec<_> = ISOLATED_SIZES.iter().map(|s| (s.name, s.rdma)).collect();
    assert_eq!(
        names,
        [
            ("Standard_M128ms", false),
            ("Standard_F72s_v2", false),
            ("Standard_NC24s_v3", false),
            ("Standard_NC24rs_v3", true),
        ]
    );
    assert!(isolated_size("standard_m128ms").is_some());
    assert!(isolated_size("Standard_M128s").is_none());
    assert!(isolated_size("").is_none());
}

// ---- §7 unmanaged compute ------------------------------------------------------------------

#[test]
fn unmanaged_compute_per_view() {
    use ComputeKind as K;
    // (kind, v1, v2, deprecated)
    let table = [
        (K::RemoteVm, true, true, false),
        (K::HdInsight, true, true, false),
        (K::Databricks, true, true, false),
        (K::DataLakeAnalytics, true, true, false),
        (K::AzureKubernetesService, true, false, false),
        (K::SynapseSpark, true, false, true),
        (K::Kubernetes, false, true, false),
    ];
    for (kind, v1, v2, deprecated) in table {
        assert!(!kind.is_managed(), "{kind}");
        assert_eq!(kind.is_available(ApiView::V1), v1, "{kind} v1");
        assert_eq!(kind.is_available(ApiView::V2), v2, "{kind} v2");
        assert_eq!(kind.is_deprecated(), deprecated, "{kind}");
        assert!(kind.note().contains("extra steps"), "{kind}");
    }
    assert_eq!(table.len() + 3, K::ALL.len());
}

// ---- §8 GPU architecture and CUDA ----------------------------------------------------------

#[test]
fn page_cuda_table_every_row() {
    use GpuArchitecture as A;
    use VmSeries as S;
    let v = CudaVersion::new;
    // Jan 2024 and Nov 2025: six rows, lower bounds only.
    let older = vec![
        (A::Ampere, vec![S::NDasrA100_v4], v(11, 0)),
        (A::Turing, vec![S::NCasT4_v3], v(10, 0)),
        (A::Volta, vec![S::NCv3, S::NDv2], v(9, 0)),
        (A::Pascal, vec![S::NCv2, S::ND], v(9, 0)),
        (A::Maxwell, vec![S::NV, S::NVv3], v(9, 0)),
        (A::Kepler, vec![S::NC, S::NC_Promo], v(9, 0)),
    ];
    // Mar 2026: Hopper added, and the Ampere row names NCA100_v4 too.
    let mut mar2026 = vec![(
        A::Hopper,
        vec![S::NCads_H100_v5, S::ND_H100_v5, S::ND_H200_v5],
        v(12, 0),
    )];
    mar2026.extend(older.iter().cloned());
    mar2026[1].1.push(S::NCads_A100_v4);
    for (edition, table) in [
        (DocEdition::Jan2024, &older),
        (DocEdition::Nov2025, &older),
        (DocEdition::Mar2026, &mar2026),
    ] {
        let rows: Vec<_> = PAGE_CUDA_TABLE
            .iter()
            .filter(|r| r.in_edition(edition))
            .map(|r| (r.architecture, r.series.to_vec(), r.min_cuda))
            .collect();
        assert_eq!(&rows, table, "{edition}");
        for (arch, series, min) in table {
            let row = PageCudaRow::find(*arch, edition).unwrap();
            assert_eq!((&row.series.to_vec(), row.min_cuda), (series, *min));
            for s in series {
                assert_eq!(s.gpu_architecture(), Some(*arch), "{s}");
                assert_eq!(s.page_cuda_min(edition), Some(*min), "{s} {edition}");
            }
        }
    }
    assert_eq!(PAGE_CUDA_TABLE.len(), 8);
    assert_eq!(PageCudaRow::find(A::Hopper, DocEdition::Nov2025), None);
    assert_eq!(S::NCads_A100_v4.page_cuda_min(DocEdition::Nov2025), None);
    assert_eq!(
        S::NCads_A100_v4.page_cuda_min(DocEdition::Mar2026),
        Some(v(11, 0))
    );
    // The page's own spellings in the CUDA table are aliases of the series.
    for row in PAGE_CUDA_TABLE {
        let parsed: Vec<VmSeries> = row
            .page_series
            .split(", ")
            .map(|s| s.parse().unwrap())
            .collect();
        assert_eq!(parsed, row.series);
    }
}

#[test]
fn gpu_architectures_per_series_and_order() {
    use GpuArchitecture as A;
    assert_eq!(
        A::ALL,
        [
            A::Tesla,
            A::Fermi,
            A::Kepler,
            A::Maxwell,
            A::Pascal,
            A::Volta,
            A::Turing,
            A::Ampere,
            A::Ada,
            A::Hopper,
            A::Blackwell
        ]
    );
    assert!(A::ALL.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(VmSeries::NV_Promo.gpu_architecture(), Some(A::Maxwell));
    assert_eq!(VmSeries::NDm_A100_v4.gpu_architecture(), Some(A::Ampere));
    assert_eq!(VmSeries::NCads_A100_v4.gpu_architecture(), Some(A::Ampere));
    assert_eq!(VmSeries::NVadsA10_v5.gpu_architecture(), Some(A::Ampere));
    // NVv4 is an AMD MI25: a GPU series with no NVIDIA architecture and no CUDA.
    assert_eq!(VmSeries::NVv4.category(), VmCategory::Gpu);
    assert_eq!(VmSeries::NVv4.gpu_architecture(), None);
    assert_eq!(VmSeries::NVv4.page_cuda_min(DocEdition::LATEST), None);
    // Every GPU series has GPU facts; the NVIDIA ones an architecture; the AMD ones none.
    let amd = [
        VmSeries::NVv4,
        VmSeries::ND_MI300X_v5,
        VmSeries::NGads_V620,
        VmSeries::NVadsV710_v5,
    ];
    for s in VmSeries::ALL.iter().copied() {
        let gpu = s.category() == VmCategory::Gpu;
        assert_eq!(s.gpu().is_some(), gpu, "{s}");
        let vendor = s.gpu().map(|g| g.vendor);
        assert_eq!(
            vendor == Some(aml_targets::vm::GpuVendor::Amd),
            amd.contains(&s),
            "{s}"
        );
        assert_eq!(
            s.gpu_architecture().is_some(),
            gpu && !amd.contains(&s),
            "{s}"
        );
    }
}

// ---- as-of dates ---------------------------------------------------------------------------

#[test]
fn every_table_says_how_old_it_is() {
    use aml_targets::DATA_AS_OF;
    use aml_targets::data::data_tables;
    use aml_targets::gpu::{
        CUDA_DRIVER_MINIMUMS, FRAMEWORK_CUDA_BUILDS, NVIDIA_CUDA_SUPPORT, PYTORCH_WHEELS,
    };
    use aml_targets::targets::RETIRED_SERVICES;
    use aml_targets::vm::{REGIONAL_RETIREMENTS, REPLACEMENTS};
    assert_eq!(DATA_AS_OF, date("2026-11-27"));
    let tables = data_tables();
    let rows = |name: &str| {
        tables
            .iter()
            .find(|t| t.name == name)
            .unwrap_or_else(|| panic!("{name}"))
            .rows
    };
    assert_eq!(rows("training-targets"), TrainingTarget::ALL.len());
    assert_eq!(rows("vm-series"), VmSeries::ALL.len());
    assert_eq!(rows("vm-sizes"), aml_targets::Catalog::embedded().len());
    assert_eq!(rows("azure-ml-size-listing"), 260);
    assert_eq!(rows("retirements"), RETIREMENTS.len());
    assert_eq!(rows("regional-retirements"), REGIONAL_RETIREMENTS.len());
    assert_eq!(rows("replacements"), REPLACEMENTS.len());
    assert_eq!(rows("retired-services"), RETIRED_SERVICES.len());
    assert_eq!(rows("isolated-sizes"), ISOLATED_SIZES.len());
    assert_eq!(rows("page-cuda-table"), PAGE_CUDA_TABLE.len());
    assert_eq!(rows("nvidia-cuda-support"), NVIDIA_CUDA_SUPPORT.len());
    assert_eq!(rows("cuda-driver-minimums"), CUDA_DRIVER_MINIMUMS.len());
    assert_eq!(rows("framework-cuda-builds"), FRAMEWORK_CUDA_BUILDS.len());
    assert_eq!(rows("pytorch-wheels"), PYTORCH_WHEELS.len());
    let mut names: Vec<&str> = tables.iter().map(|t| t.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), tables.len(), "names are unique");
    for t in tables {
        assert!(t.rows > 0 && !t.source.is_empty(), "{}", t.name);
        assert!(t.as_of <= DATA_AS_OF, "{}", t.name);
    }
    let listing = tables
        .iter()
        .find(|t| t.name == "azure-ml-size-listing")
        .unwrap();
    assert_eq!(listing.as_of, date("2025-11-04"));
}

#[test]
fn retired_services() {
    use aml_targets::fit::TrainingMisfit;
    use aml_targets::targets::RETIRED_SERVICES;
    use aml_targets::{TrainingNeeds, training_targets};
    assert_eq!(RETIRED_SERVICES.len(), 1);
    let adla = TrainingTarget::DataLakeAnalytics;
    let r = adla.retired_service().unwrap();
    assert_eq!(r.date, date("2024-02-29"));
    assert!(r.source.contains("service_list.json"));
    assert!(!adla.is_retired(date("2024-02-28")));
    assert!(adla.is_retired(date("2024-02-29")));
    assert!(adla.is_retired(date("2024-03-01")));
    // The page still lists it (v2, Mar 2026): retired and listed at once.
    assert!(adla.is_listed(DocEdition::Mar2026, ApiView::V2));
    for t in TrainingTarget::ALL.iter().copied().filter(|&t| t != adla) {
        assert!(t.retired_service().is_none(), "{t}");
    }
    let fit = |on: Option<&str>| {
        training_targets(&TrainingNeeds {
            ml_pipelines: true,
            on: on.map(date),
            ..TrainingNeeds::default()
        })
        .find(|f| f.target == adla)
        .unwrap()
    };
    assert!(fit(None).fits(), "no date, no retirement check");
    assert!(fit(Some("2024-02-28")).fits());
    let retired = fit(Some("2026-11-27"));
    assert_eq!(
        retired.misfits.iter().collect::<Vec<_>>(),
        [TrainingMisfit::Retired]
    );
    assert_eq!(
        TrainingMisfit::Retired.to_string(),
        "the service is retired"
    );
}

// ---- December 2026 audit --------------------------------------------------------------------

#[test]
fn sizes_that_retire_without_their_series() {
    use RetirementState::Active;
    use aml_targets::vm::SIZE_RETIREMENTS;
    // retirements-and-capacity-restrictions.md@680de971, retired-sizes-list.md@7228c7c5:
    // four M192i*_v2 sizes retire on 2027-03-31 (announced 2024-03-22); Mv2 does not.
    let names: Vec<&str> = SIZE_RETIREMENTS.iter().map(|r| r.size).collect();
    assert_eq!(
        names,
        [
            "Standard_M192idms_v2",
            "Standard_M192ids_v2",
            "Standard_M192ims_v2",
            "Standard_M192is_v2"
        ]
    );
    for r in SIZE_RETIREMENTS {
        assert_eq!(
            (r.date, r.announced),
            (date("2027-03-31"), date("2024-03-22"))
        );
        assert!(
            r.source
                .contains("retirements-and-capacity-restrictions.md@680de971")
        );
        let size = aml_targets::VmSize::parse(r.size).unwrap();
        assert!(
            matches!(size.series(), Some(VmSeries::Msv2 | VmSeries::Mdsv2)),
            "{}",
            r.size
        );
        assert_eq!(
            size.retirement_state(None, date("2027-03-30")),
            RetirementState::Retiring {
                date: date("2027-03-31")
            }
        );
        assert!(size.retirement_state(None, date("2027-03-31")).is_retired());
    }
    // Their series (Msv2, Mdsv2: Mv2 on the retirement pages) do not retire.
    assert_eq!(VmSeries::Msv2.retirement_state(date("2027-04-01")), Active);
    assert_eq!(VmSeries::Mdsv2.retirement_state(date("2027-04-01")), Active);
    let other = aml_targets::VmSize::parse("Standard_M208ms_v2").unwrap();
    assert_eq!(other.retirement_state(None, date("2027-04-01")), Active);
    // The checker says so, with the size's own source.
    let mut compute = aml_targets::ComputeDef::new("big", ComputeKind::ComputeCluster);
    compute.size = Some("Standard_M192is_v2".to_owned());
    let plan = aml_targets::Plan {
        compute: vec![compute],
        ..aml_targets::Plan::default()
    };
    let report = aml_targets::validate(&plan, date("2027-04-01"));
    let d = report
        .with_code(aml_targets::Code::RetiredSeries)
        .next()
        .unwrap();
    assert!(
        d.message
            .starts_with("Standard_M192is_v2 is retired since 2027-03-31 (MicrosoftDocs"),
        "{}",
        d.message
    );
    let early = aml_targets::validate(&plan, date("2026-12-07"));
    assert!(
        early
            .with_code(aml_targets::Code::RetiredSeries)
            .next()
            .is_none()
    );
    assert!(
        early
            .with_code(aml_targets::Code::RetiringSeries)
            .next()
            .is_none()
    );
    // Within 90 days: a warning.
    let soon = aml_targets::validate(&plan, date("2027-01-15"));
    let d = soon
        .with_code(aml_targets::Code::RetiringSeries)
        .next()
        .unwrap();
    assert!(
        d.message
            .starts_with("Standard_M192is_v2 retires on 2027-03-31, in 75 days"),
        "{}",
        d.message
    );
}

#[test]
fn the_v1_view_ends() {
    use aml_targets::edition::V1_END_OF_SUPPORT;
    // sdk-v1-deprecation.md: deprecated 2025-03-31, supported until 2026-06-30;
    // machine-learning-cli-v1-deprecation.md: CLI v1 support ended 2025-09-30.
    let [sdk, cli] = V1_END_OF_SUPPORT;
    assert_eq!(
        (sdk.deprecated, sdk.ends),
        (Some(date("2025-03-31")), date("2026-06-30"))
    );
    assert!(sdk.source.ends_with("sdk-v1-deprecation.md@454edbd3"));
    assert_eq!((cli.deprecated, cli.ends), (None, date("2025-09-30")));
    assert!(
        cli.source
            .ends_with("machine-learning-cli-v1-deprecation.md@5fa89fd5")
    );
    assert!(!sdk.ended(date("2026-06-30")) && sdk.ended(date("2026-07-01")));
    assert_eq!(aml_targets::ApiView::V1.end_of_support().len(), 2);
    assert!(aml_targets::ApiView::V2.end_of_support().is_empty());
}
