//! VM size names and the size catalog: every CSV row, every tricky name, every error.

// Catalog values are copied from the CSV text, so exact float equality is the right check.
#![allow(clippy::float_cmp)]

use std::fmt::Write as _;

use aml_targets::gpu::ComputeCapability;
use aml_targets::vm::{
    GpuVendor, MAX_VM_SIZE_NAME_LEN, VmCategory, VmFeature, VmSizeErrorKind, VmTier,
};
use aml_targets::{Catalog, GpuArchitecture, GpuCount, VmSeries, VmSize, VmSizeSpec};
use proptest::prelude::*;

mod common;
use common::csv;

const SIZES_CSV: &str = include_str!("../data/azure_vm_sizes.csv");
const CURRENT_SIZES_CSV: &str = include_str!("../data/vm_sizes_current.csv");
const LISTING_SIZES_CSV: &str = include_str!("../data/vm_sizes_aml_listing.csv");
const AML_LISTING_CSV: &str = include_str!("../data/aml_vmsizes_eastus_2025-11-04.csv");
const GPUS_CSV: &str = include_str!("../data/gpu_series.csv");
const CURRENT_GPUS_CSV: &str = include_str!("../data/gpu_series_current.csv");

#[test]
fn every_csv_row_parses_classifies_and_finds_its_spec() {
    let shared = csv(SIZES_CSV);
    let current = csv(CURRENT_SIZES_CSV);
    let listed = csv(LISTING_SIZES_CSV);
    assert_eq!((shared.len(), current.len(), listed.len()), (215, 553, 54));
    assert_eq!(Catalog::embedded().len(), 215 + 553 + 54);
    for row in shared.iter().chain(&current).chain(&listed) {
        let name = &row["size"];
        let size: VmSize = name.parse().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(&size.to_string(), name, "canonical spelling");
        let series: VmSeries = row["series"].parse().unwrap();
        assert_eq!(size.series(), Some(series), "{name}");
        let spec = size
            .spec()
            .unwrap_or_else(|| panic!("{name} not in catalog"));
        assert_eq!(&spec.name, name);
        assert_eq!(spec.series, Some(series), "{name}");
        let category: VmCategory = row["family_category"].parse().unwrap();
        assert_eq!(spec.category, Some(category), "{name}");
        assert_eq!(spec.vcpus.to_string(), row["vcpus"], "{name}");
        assert_eq!(
            spec.memory_gib,
            row["memory_gib"].parse::<f64>().unwrap(),
            "{name}"
        );
        let gpus: f64 = row["gpus"].parse().unwrap();
        assert!((spec.gpus.as_f64() - gpus).abs() < 1e-3, "{name}");
        assert_eq!(
            spec.gpu_model.as_deref(),
            Some(row["gpu_model"].as_str()).filter(|s| !s.is_empty())
        );
        assert_eq!(
            spec.gpu_memory_gib,
            Some(&row["gpu_memory_gib"])
                .filter(|s| !s.is_empty())
                .map(|s| s.parse().unwrap()),
            "{name}"
        );
        assert_eq!(
            spec.temp_disk_gib,
            Some(row["temp_disk_gib"].parse().unwrap()),
            "{name}"
        );
        assert_eq!(spec.rdma, Some(row["rdma"] == "true"), "{name}");
        assert_eq!(spec.source, row["source"], "{name}");
        // Lookups ignore case, by string and by parsed size.
        assert_eq!(VmSizeSpec::find(&name.to_ascii_uppercase()), Some(spec));
        assert_eq!(VmSizeSpec::find(&name.to_ascii_lowercase()), Some(spec));
        let shouted: VmSize = name.to_ascii_uppercase().parse().unwrap();
        assert_eq!(shouted, size, "{name}");
        assert!(series.sizes().any(|s| s == spec));
    }
}

#[test]
fn azure_ml_listing_rows() {
    use aml_targets::vm::SupportedBy;
    let rows = csv(AML_LISTING_CSV);
    assert_eq!(rows.len(), 260);
    for row in &rows {
        let name = &row["name"];
        let spec = VmSizeSpec::find(name).unwrap_or_else(|| panic!("{name}"));
        // Every listed size is in the catalog, with the listing's vCPUs.
        assert_eq!(spec.vcpus.to_string(), row["vCPUs"], "{name}");
        assert_eq!(
            spec.low_priority_capable,
            Some(row["lowPriorityCapable"] == "true"),
            "{name}"
        );
        assert_eq!(spec.premium_io, Some(row["premiumIO"] == "true"), "{name}");
        // Which compute: the listing's word for series the page does not list, only when it
        // names clusters or instances; the page's for its own series.
        let types: Vec<&str> = row["supportedComputeTypes"].split(';').collect();
        let expected = match (
            types.contains(&"AmlCompute"),
            types.contains(&"ComputeInstance"),
        ) {
            (true, true) => Some(SupportedBy::ClustersAndInstances),
            (true, false) => Some(SupportedBy::ClustersOnly),
            (false, true) => Some(SupportedBy::InstancesOnly),
            (false, false) => None,
        };
        let page_listed = spec.series.is_some_and(|s| s.first_listed().is_some());
        let expected = if page_listed { None } else { expected };
        assert_eq!(spec.supported_by, expected, "{name}");
    }
    // The listing offers FX to instances; the page (FACTS §4) does not, and decides.
    let fx = VmSizeSpec::find("Standard_FX4mds").unwrap();
    assert_eq!(fx.supported_by, None);
    assert_eq!(
        VmSeries::FX.supported_by(aml_targets::DocEdition::LATEST),
        Some(SupportedBy::ClustersOnly)
    );
    let l8 = VmSizeSpec::find("Standard_L8s_v3").unwrap();
    assert_eq!(l8.supported_by, Some(SupportedBy::ClustersOnly));
    let a10 = VmSizeSpec::find("Standard_NV6ads_A10_v5").unwrap();
    assert_eq!(
        a10.supported_by, None,
        "endpoints only: left to the series' rule"
    );
}

#[test]
fn every_gpu_series_row() {
    let shared = csv(GPUS_CSV);
    let current = csv(CURRENT_GPUS_CSV);
    assert_eq!((shared.len(), current.len()), (17, 8));
    for row in shared.iter().chain(&current) {
        let series: VmSeries = row["series"].parse().unwrap();
        let gpu = series.gpu().unwrap_or_else(|| panic!("{series}"));
        assert_eq!(gpu.model, row["gpu_model"]);
        assert_eq!(gpu.architecture_name, row["architecture"]);
        assert_eq!(gpu.memory_gib.to_string(), row["gpu_memory_gib"]);
        assert_eq!(gpu.source, row["source"]);
        if row["vendor"] == "NVIDIA" {
            assert_eq!(gpu.vendor, GpuVendor::Nvidia);
            // "Blackwell (Blackwell Ultra)": the architecture, then what the source adds.
            let name = row["architecture"].split(' ').next().unwrap();
            let arch: GpuArchitecture = name.parse().unwrap();
            assert_eq!(gpu.architecture, Some(arch));
            assert_eq!(series.gpu_architecture(), Some(arch), "{series}");
            let cc: ComputeCapability = row["compute_capability"].parse().unwrap();
            assert_eq!(gpu.compute_capability, Some(cc));
        } else {
            assert_eq!(gpu.vendor, GpuVendor::Amd);
            assert_eq!(gpu.architecture, None);
            assert_eq!(gpu.compute_capability, None);
        }
    }
    // FACTS.md §8 in words.
    let cc = |s: VmSeries| s.gpu().unwrap().compute_capability.unwrap().to_string();
    let mem = |s: VmSeries| s.gpu().unwrap().memory_gib;
    assert_eq!((cc(VmSeries::NC), mem(VmSeries::NC)), ("3.7".into(), 12));
    assert_eq!(
        (cc(VmSeries::NCv2), mem(VmSeries::NCv2)),
        ("6.0".into(), 16)
    );
    assert_eq!(
        (cc(VmSeries::NCv3), mem(VmSeries::NCv3)),
        ("7.0".into(), 16)
    );
    assert_eq!((cc(VmSeries::ND), mem(VmSeries::ND)), ("6.1".into(), 24));
    assert_eq!(
        (cc(VmSeries::NDv2), mem(VmSeries::NDv2)),
        ("7.0".into(), 32)
    );
    assert_eq!((cc(VmSeries::NV), mem(VmSeries::NV)), ("5.2".into(), 8));
    assert_eq!(
        (cc(VmSeries::NCasT4_v3), mem(VmSeries::NCasT4_v3)),
        ("7.5".into(), 16)
    );
    assert_eq!(
        (cc(VmSeries::NDasrA100_v4), mem(VmSeries::NDasrA100_v4)),
        ("8.0".into(), 40)
    );
    assert_eq!(
        (cc(VmSeries::NDm_A100_v4), mem(VmSeries::NDm_A100_v4)),
        ("8.0".into(), 80)
    );
    assert_eq!(
        (cc(VmSeries::NCads_A100_v4), mem(VmSeries::NCads_A100_v4)),
        ("8.0".into(), 80)
    );
    assert_eq!(
        (cc(VmSeries::NVadsA10_v5), mem(VmSeries::NVadsA10_v5)),
        ("8.6".into(), 24)
    );
    assert_eq!(
        (cc(VmSeries::NCads_H100_v5), mem(VmSeries::NCads_H100_v5)),
        ("9.0".into(), 94)
    );
    assert_eq!(
        (cc(VmSeries::ND_H100_v5), mem(VmSeries::ND_H100_v5)),
        ("9.0".into(), 80)
    );
    // The current generations (gpu_series_current.csv): NVIDIA's compute capabilities,
    // AMD's GPUs without CUDA.
    assert_eq!(
        (cc(VmSeries::ND_H200_v5), mem(VmSeries::ND_H200_v5)),
        ("9.0".into(), 141)
    );
    assert_eq!(
        (cc(VmSeries::NCCads_H100_v5), mem(VmSeries::NCCads_H100_v5)),
        ("9.0".into(), 94)
    );
    assert_eq!(
        (cc(VmSeries::ND_GB200_v6), mem(VmSeries::ND_GB200_v6)),
        ("10.0".into(), 192)
    );
    assert_eq!(
        (cc(VmSeries::ND_GB300_v6), mem(VmSeries::ND_GB300_v6)),
        ("10.3".into(), 288)
    );
    assert_eq!(
        (
            cc(VmSeries::NC_RTXPRO6000BSE_v6),
            mem(VmSeries::NC_RTXPRO6000BSE_v6)
        ),
        ("12.0".into(), 96)
    );
    for (amd, memory) in [
        (VmSeries::ND_MI300X_v5, 192),
        (VmSeries::NGads_V620, 32),
        (VmSeries::NVadsV710_v5, 24),
    ] {
        let gpu = amd.gpu().unwrap();
        assert_eq!((gpu.vendor, gpu.compute_capability), (GpuVendor::Amd, None));
        assert_eq!(gpu.memory_gib, memory, "{amd}");
    }
}

/// One size of every series the catalog gained on 2026-11-27, as its Azure VM size page (or
/// Azure ML's listing) gives it: name, series, vCPUs, memory GiB, GPUs, temp disk GiB.
#[test]
#[allow(clippy::type_complexity)]
fn current_generation_rows_from_their_pages() {
    let rows: &[(&str, VmSeries, u32, f64, f64, f64)] = &[
        ("Standard_D32_v5", VmSeries::Dv5, 32, 128.0, 0.0, 0.0),
        ("Standard_D32s_v5", VmSeries::Dsv5, 32, 128.0, 0.0, 0.0),
        ("Standard_D32d_v5", VmSeries::Ddv5, 32, 128.0, 0.0, 1200.0),
        ("Standard_D32ds_v5", VmSeries::Ddsv5, 32, 128.0, 0.0, 1200.0),
        ("Standard_D32as_v5", VmSeries::Dasv5, 32, 128.0, 0.0, 0.0),
        (
            "Standard_D32ads_v5",
            VmSeries::Dadsv5,
            32,
            128.0,
            0.0,
            1200.0,
        ),
        ("Standard_D32ls_v5", VmSeries::Dlsv5, 32, 64.0, 0.0, 0.0),
        (
            "Standard_D32lds_v5",
            VmSeries::Dldsv5,
            32,
            64.0,
            0.0,
            1200.0,
        ),
        ("Standard_D48s_v6", VmSeries::Dsv6, 48, 192.0, 0.0, 0.0),
        ("Standard_D32ds_v6", VmSeries::Ddsv6, 32, 128.0, 0.0, 1760.0),
        ("Standard_D32ls_v6", VmSeries::Dlsv6, 32, 64.0, 0.0, 0.0),
        (
            "Standard_D32lds_v6",
            VmSeries::Dldsv6,
            32,
            64.0,
            0.0,
            1760.0,
        ),
        ("Standard_D32as_v6", VmSeries::Dasv6, 32, 128.0, 0.0, 0.0),
        (
            "Standard_D32ads_v6",
            VmSeries::Dadsv6,
            32,
            128.0,
            0.0,
            1760.0,
        ),
        ("Standard_D32als_v6", VmSeries::Dalsv6, 32, 64.0, 0.0, 0.0),
        (
            "Standard_D32alds_v6",
            VmSeries::Daldsv6,
            32,
            64.0,
            0.0,
            1760.0,
        ),
        ("Standard_D64s_v7", VmSeries::Dsv7, 64, 256.0, 0.0, 0.0),
        ("Standard_D64ds_v7", VmSeries::Ddsv7, 64, 256.0, 0.0, 3520.0),
        ("Standard_D48as_v7", VmSeries::Dasv7, 48, 192.0, 0.0, 0.0),
        (
            "Standard_D48ads_v7",
            VmSeries::Dadsv7,
            48,
            192.0,
            0.0,
            2640.0,
        ),
        ("Standard_D48ls_v7", VmSeries::Dlsv7, 48, 96.0, 0.0, 0.0),
        (
            "Standard_D48lds_v7",
            VmSeries::Dldsv7,
            48,
            96.0,
            0.0,
            2640.0,
        ),
        ("Standard_D48als_v7", VmSeries::Dalsv7, 48, 96.0, 0.0, 0.0),
        (
            "Standard_D48alds_v7",
            VmSeries::Daldsv7,
            48,
            96.0,
            0.0,
            2640.0,
        ),
        ("Standard_E32_v5", VmSeries::Ev5, 32, 256.0, 0.0, 0.0),
        ("Standard_E32s_v5", VmSeries::Esv5, 32, 256.0, 0.0, 0.0),
        ("Standard_E32d_v5", VmSeries::Edv5, 32, 256.0, 0.0, 1200.0),
        ("Standard_E32ds_v5", VmSeries::Edsv5, 32, 256.0, 0.0, 1200.0),
        ("Standard_E32as_v5", VmSeries::Easv5, 32, 256.0, 0.0, 0.0),
        (
            "Standard_E32ads_v5",
            VmSeries::Eadsv5,
            32,
            256.0,
            0.0,
            1200.0,
        ),
        (
            "Standard_E32bds_v5",
            VmSeries::Ebdsv5,
            32,
            256.0,
            0.0,
            1200.0,
        ),
        ("Standard_E32bs_v5", VmSeries::Ebsv5, 32, 256.0, 0.0, 0.0),
        ("Standard_E32s_v6", VmSeries::Esv6, 32, 256.0, 0.0, 0.0),
        ("Standard_E32ds_v6", VmSeries::Edsv6, 32, 256.0, 0.0, 1760.0),
        ("Standard_E20as_v6", VmSeries::Easv6, 20, 160.0, 0.0, 0.0),
        (
            "Standard_E20ads_v6",
            VmSeries::Eadsv6,
            20,
            160.0,
            0.0,
            1100.0,
        ),
        ("Standard_E48s_v7", VmSeries::Esv7, 48, 384.0, 0.0, 0.0),
        ("Standard_E48ds_v7", VmSeries::Edsv7, 48, 384.0, 0.0, 2640.0),
        ("Standard_E48as_v7", VmSeries::Easv7, 48, 384.0, 0.0, 0.0),
        (
            "Standard_E48ads_v7",
            VmSeries::Eadsv7,
            48,
            384.0,
            0.0,
            2640.0,
        ),
        ("Standard_F16as_v6", VmSeries::Fasv6, 16, 64.0, 0.0, 0.0),
        ("Standard_F16als_v6", VmSeries::Falsv6, 16, 32.0, 0.0, 0.0),
        ("Standard_F16ams_v6", VmSeries::Famsv6, 16, 128.0, 0.0, 0.0),
        ("Standard_F16as_v7", VmSeries::Fasv7, 16, 64.0, 0.0, 0.0),
        ("Standard_F16als_v7", VmSeries::Falsv7, 16, 32.0, 0.0, 0.0),
        ("Standard_F16ams_v7", VmSeries::Famsv7, 16, 128.0, 0.0, 0.0),
        (
            "Standard_F16ads_v7",
            VmSeries::Fadsv7,
            16,
            64.0,
            0.0,
            1760.0,
        ),
        (
            "Standard_F16alds_v7",
            VmSeries::Faldsv7,
            16,
            32.0,
            0.0,
            1760.0,
        ),
        (
            "Standard_F16amds_v7",
            VmSeries::Famdsv7,
            16,
            128.0,
            0.0,
            1760.0,
        ),
        ("Standard_L48s_v3", VmSeries::Lsv3, 48, 384.0, 0.0, 480.0),
        ("Standard_L48as_v3", VmSeries::Lasv3, 48, 384.0, 0.0, 480.0),
        ("Standard_L32s_v4", VmSeries::Lsv4, 32, 256.0, 0.0, 7680.0),
        ("Standard_L32as_v4", VmSeries::Lasv4, 32, 256.0, 0.0, 7680.0),
        (
            "Standard_L12aos_v4",
            VmSeries::Laosv4,
            12,
            96.0,
            0.0,
            8640.0,
        ),
        ("Standard_M416s_v2", VmSeries::Mv2, 416, 5700.0, 0.0, 8192.0),
        ("Standard_M128s_v2", VmSeries::Msv2, 128, 2048.0, 0.0, 0.0),
        (
            "Standard_M128ds_v2",
            VmSeries::Mdsv2,
            128,
            2048.0,
            0.0,
            4096.0,
        ),
        (
            "Standard_HB176-96rs_v4",
            VmSeries::HBv4,
            96,
            768.0,
            0.0,
            480.0,
        ),
        (
            "Standard_HB368-192rs_v5",
            VmSeries::HBv5,
            192,
            432.0,
            0.0,
            480.0,
        ),
        ("Standard_HX176-96rs", VmSeries::HX, 96, 1408.0, 0.0, 480.0),
        (
            "Standard_NCC40ads_H100_v5",
            VmSeries::NCCads_H100_v5,
            40,
            320.0,
            1.0,
            800.0,
        ),
        (
            "Standard_ND96isr_H200_v5",
            VmSeries::ND_H200_v5,
            96,
            1850.0,
            8.0,
            1024.0,
        ),
        (
            "Standard_ND96isr_MI300X_v5",
            VmSeries::ND_MI300X_v5,
            96,
            1850.0,
            8.0,
            1000.0,
        ),
        (
            "Standard_ND128isr_NDR_GB200_v6",
            VmSeries::ND_GB200_v6,
            128,
            900.0,
            4.0,
            16384.0,
        ),
        (
            "Standard_ND128isrG5_GB300_v6",
            VmSeries::ND_GB300_v6,
            128,
            864.0,
            4.0,
            16384.0,
        ),
        (
            "Standard_NC128lds_xl_RTXPRO6000BSE_v6",
            VmSeries::NC_RTXPRO6000BSE_v6,
            128,
            256.0,
            1.0,
            1024.0,
        ),
        (
            "Standard_NG32ads_V620_v1",
            VmSeries::NGads_V620,
            32,
            64.0,
            1.0,
            1024.0,
        ),
        (
            "Standard_NV12ads_V710_v5",
            VmSeries::NVadsV710_v5,
            12,
            64.0,
            0.5,
            768.0,
        ),
        ("Standard_A4_v2", VmSeries::Av2, 4, 8.0, 0.0, 40.0),
        ("Standard_D3", VmSeries::D, 4, 14.0, 0.0, 200.0),
        ("Standard_D32a_v4", VmSeries::DAv4, 32, 128.0, 0.0, 800.0),
        ("Standard_D16d_v4", VmSeries::Ddv4, 16, 64.0, 0.0, 600.0),
        ("Standard_E20ds_v4", VmSeries::Edsv4, 20, 160.0, 0.0, 750.0),
        ("Standard_E20d_v4", VmSeries::Edv4, 20, 160.0, 0.0, 750.0),
    ];
    for &(name, series, vcpus, memory, gpus, temp) in rows {
        let spec = VmSizeSpec::find(name).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(spec.series, Some(series), "{name}");
        assert_eq!(
            name.parse::<VmSize>().unwrap().series(),
            Some(series),
            "{name}"
        );
        assert_eq!(
            (spec.vcpus, spec.memory_gib, spec.temp_disk_gib),
            (vcpus, memory, Some(temp)),
            "{name}"
        );
        assert!((spec.gpus.as_f64() - gpus).abs() < 1e-3, "{name}");
        assert!(!spec.source.is_empty(), "{name}");
        // Known to Azure; the page's table names only ND H200 v5 (Nov 2025) and Av2 (Mar 2026).
        let listed = matches!(series, VmSeries::ND_H200_v5 | VmSeries::Av2);
        assert_eq!(series.first_listed().is_some(), listed, "{series}");
        assert!(
            listed
                || series.source().contains("azure-compute-docs")
                || series.source().contains("vmSizes"),
            "{series}"
        );
    }
    // Every series has sizes, but retired ones named only by a retirement.
    for s in VmSeries::ALL.iter().copied() {
        let named_by_retirement = matches!(
            s,
            VmSeries::DS | VmSeries::Ls | VmSeries::Av1 | VmSeries::NV_Promo | VmSeries::NVv4
        );
        assert_eq!(s.sizes().next().is_none(), named_by_retirement, "{s}");
    }
}

#[track_caller]
fn parts(name: &str) -> VmSize {
    let size: VmSize = name.parse().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(size.to_string(), name);
    size
}

#[test]
fn tricky_names() {
    let s = parts("Standard_NC6_Promo");
    assert!(s.is_promo());
    assert_eq!(s.version(), None);
    assert_eq!(s.series(), Some(VmSeries::NC_Promo));

    let s = parts("Standard_D2_v2_Promo");
    assert!(s.is_promo());
    assert_eq!((s.version(), s.series()), (Some(2), Some(VmSeries::Dv2)));

    let s = parts("Standard_NC24r");
    assert!(s.features().contains(VmFeature::Rdma));
    assert_eq!(s.series(), Some(VmSeries::NC));

    let s = parts("Standard_H16mr");
    assert_eq!(s.feature_letters(), "mr");
    assert_eq!(s.series(), Some(VmSeries::H));

    let s = parts("Standard_ND96asr_v4");
    assert_eq!(s.accelerator(), None);
    assert_eq!(s.series(), Some(VmSeries::NDasrA100_v4));

    let s = parts("Standard_ND96amsr_A100_v4");
    assert_eq!(
        (s.family(), s.vcpus(), s.feature_letters()),
        ("ND", 96, "amsr")
    );
    assert_eq!((s.accelerator(), s.version()), (Some("A100"), Some(4)));
    assert_eq!(s.series(), Some(VmSeries::NDm_A100_v4));

    let s = parts("Standard_NC4as_T4_v3");
    assert_eq!(s.accelerator(), Some("T4"));
    assert_eq!(s.series(), Some(VmSeries::NCasT4_v3));

    let s = parts("Standard_NC80adis_H100_v5");
    assert!(s.features().contains(VmFeature::Isolated));
    assert!(s.is_isolated());
    assert_eq!(s.series(), Some(VmSeries::NCads_H100_v5));

    let s = parts("Standard_NV36adms_A10_v5");
    assert_eq!(s.series(), Some(VmSeries::NVadsA10_v5));

    let s = parts("Standard_M416s_8_v2");
    assert_eq!((s.memory_variant(), s.version()), (Some(8), Some(2)));
    assert_eq!(s.series(), Some(VmSeries::Mv2));

    let s = parts("Standard_EC16ads_cc_v5");
    assert!(s.has_cc());
    assert_eq!((s.family(), s.feature_letters()), ("EC", "ads"));

    let s = parts("Basic_A1");
    assert_eq!((s.tier(), s.family(), s.vcpus()), (VmTier::Basic, "A", 1));
    assert_eq!(s.series(), Some(VmSeries::Av1));

    let s = parts("Standard_M128-64ms");
    assert_eq!(
        (s.vcpus(), s.constrained_vcpus(), s.active_vcpus()),
        (128, Some(64), 64)
    );
    let s = parts("Standard_E4-2s_v3");
    assert_eq!(
        (s.constrained_vcpus(), s.series()),
        (Some(2), Some(VmSeries::ESv3))
    );
    let s = parts("Standard_DS11-1_v2");
    assert_eq!(s.series(), Some(VmSeries::DSv2));
    let s = parts("Standard_HB120-96rs_v3");
    assert_eq!(s.series(), Some(VmSeries::HBv3));
    let s = parts("Standard_HC44-16rs");
    assert_eq!(s.series(), Some(VmSeries::HC));

    // EAv4 covers E{n}a_v4 and E{n}as_v4; Dv2 covers D1–D15_v2; NV12s_v3 is NVv3.
    for (name, series) in [
        ("Standard_E8a_v4", VmSeries::EAv4),
        ("Standard_E8as_v4", VmSeries::EAv4),
        ("Standard_D1_v2", VmSeries::Dv2),
        ("Standard_D15_v2", VmSeries::Dv2),
        ("Standard_NV12s_v3", VmSeries::NVv3),
        ("Standard_NV4as_v4", VmSeries::NVv4),
        ("Standard_A2m_v2", VmSeries::Av2),
        ("Standard_NV6_Promo", VmSeries::NV_Promo),
        ("Standard_ND96isr_H200_v5", VmSeries::ND_H200_v5),
    ] {
        assert_eq!(parts(name).series(), Some(series), "{name}");
    }

    // Canonical spelling from the SDK's default.
    assert_eq!(
        "STANDARD_DS3_V2".parse::<VmSize>().unwrap().to_string(),
        "Standard_DS3_v2"
    );
    // Unknown feature letters are kept; `e` appears on confidential sizes.
    let s = parts("Standard_DC4eds_v5");
    assert_eq!(s.features().unknown_letters(), "e");
    assert!(s.features().contains(VmFeature::LocalDisk));
    // Node packing, written in capitals.
    let s = parts("Standard_D2asNP_v5");
    assert!(s.features().contains(VmFeature::NodePacking));
    // Accelerators beyond NVIDIA's.
    let s = parts("Standard_NG8ads_V620_v1");
    assert_eq!(
        (s.accelerator(), s.series()),
        (Some("V620"), Some(VmSeries::NGads_V620))
    );
    assert_eq!(
        parts("Standard_ND96isr_MI300X_v5").accelerator(),
        Some("MI300X")
    );
    // The current generations, and the newest names: qualifiers before the accelerator
    // (`NDR_`, `xl_`, which Azure writes in lower case) and a tag after the features (`G5`).
    for (name, series) in [
        ("Standard_D2s_v6", VmSeries::Dsv6),
        ("Standard_D4s_v5", VmSeries::Dsv5),
        ("Standard_D8as_v5", VmSeries::Dasv5),
        ("Standard_E16s_v5", VmSeries::Esv5),
        ("Standard_E112ibds_v5", VmSeries::Ebdsv5),
        ("Standard_E192ids_v6", VmSeries::Edsv6),
        ("Standard_D2alds_v7", VmSeries::Daldsv7),
        ("Standard_F1amds_v7", VmSeries::Famdsv7),
        ("Standard_L2aos_v4", VmSeries::Laosv4),
        ("Standard_M192idms_v2", VmSeries::Mdsv2),
        ("Standard_M208ms_v2", VmSeries::Mv2),
        ("Standard_HX176-24rs", VmSeries::HX),
        ("Standard_HB368-336rs_v5", VmSeries::HBv5),
        ("Standard_NCC40ads_H100_v5", VmSeries::NCCads_H100_v5),
        ("Standard_NV28adms_V710_v5", VmSeries::NVadsV710_v5),
        ("Standard_ND128isr_GB300_v6", VmSeries::ND_GB300_v6),
        ("Standard_D1", VmSeries::D),
        ("Standard_DS14", VmSeries::DS),
        ("Standard_L32s", VmSeries::Ls),
        ("Standard_H16m_Promo", VmSeries::H),
    ] {
        assert_eq!(parts(name).series(), Some(series), "{name}");
    }
    let s = parts("Standard_ND128isr_NDR_GB200_v6");
    assert_eq!(
        (s.accelerator(), s.series()),
        (Some("NDR_GB200"), Some(VmSeries::ND_GB200_v6))
    );
    let s = parts("Standard_NC128lds_xl_RTXPRO6000BSE_v6");
    assert_eq!(s.accelerator(), Some("xl_RTXPRO6000BSE"));
    assert_eq!(s.series(), Some(VmSeries::NC_RTXPRO6000BSE_v6));
    assert_eq!(
        "STANDARD_NC128LDS_XL_RTXPRO6000BSE_V6"
            .parse::<VmSize>()
            .unwrap()
            .to_string(),
        "Standard_NC128lds_xl_RTXPRO6000BSE_v6"
    );
    let s = parts("Standard_ND128isrG5_GB300_v6");
    assert_eq!((s.tag(), s.feature_letters()), (Some("G5"), "isr"));
    assert_eq!(s.series(), Some(VmSeries::ND_GB300_v6));
    // A qualifier stands only before an accelerator.
    for bad in [
        "Standard_D4s_xl_v5",
        "Standard_D4s_NDR",
        "Standard_NC6_xl_ab_T4",
    ] {
        let err = bad.parse::<VmSize>().unwrap_err();
        assert!(
            matches!(
                err.kind(),
                VmSizeErrorKind::UnknownSegment | VmSizeErrorKind::SegmentOutOfOrder
            ),
            "{bad}: {err}"
        );
    }
    // Well-formed names of series still unknown parse, with no series.
    assert_eq!(parts("Standard_D4s_v9").series(), None);
    assert_eq!(parts("Standard_NX16ads_Z900_v8").series(), None);
    // `_v` and one or two digits is a version; three digits make an accelerator (`_V620`).
    assert_eq!(
        "Standard_NC6_v300".parse::<VmSize>().unwrap().accelerator(),
        Some("V300")
    );
}

#[test]
fn isolated_sizes_from_the_page_and_the_letter() {
    for name in [
        "Standard_M128ms",
        "Standard_F72s_v2",
        "Standard_NC24s_v3",
        "Standard_NC24rs_v3",
    ] {
        assert!(name.parse::<VmSize>().unwrap().is_isolated(), "{name}");
    }
    assert!(VmSizeSpec::find("Standard_E64i_v3").unwrap().is_isolated());
    assert!(!VmSizeSpec::find("Standard_NC12s_v3").unwrap().is_isolated());
}

#[test]
fn invalid_names() {
    let cases: &[(&str, usize, VmSizeErrorKind, &str)] = &[
        (
            "",
            0,
            VmSizeErrorKind::Empty,
            "invalid VM size name \"\" at byte 0: empty name, expected e.g. \"Standard_D4s_v3\"",
        ),
        (
            "Standard_",
            9,
            VmSizeErrorKind::MissingFamily,
            "invalid VM size name \"Standard_\" at byte 9: expected a family letter such as D, E, M or NC",
        ),
        (
            "Standard_NC",
            11,
            VmSizeErrorKind::MissingVcpus,
            "invalid VM size name \"Standard_NC\" at byte 11: expected the vCPU count after the family",
        ),
        (
            "Standard_NC6s_v",
            15,
            VmSizeErrorKind::MissingVersionNumber,
            "invalid VM size name \"Standard_NC6s_v\" at byte 15: missing version number after \"_v\"",
        ),
        (
            "Standard_NC24rs_v",
            17,
            VmSizeErrorKind::MissingVersionNumber,
            "invalid VM size name \"Standard_NC24rs_v\" at byte 17: missing version number after \"_v\"",
        ),
        (
            "NC6s_v3",
            0,
            VmSizeErrorKind::MissingTier,
            "invalid VM size name \"NC6s_v3\" at byte 0: expected the tier prefix \"Standard_\" or \"Basic_\"",
        ),
        (
            "Standard_NC😀",
            11,
            VmSizeErrorKind::NonAscii { ch: '😀' },
            "invalid VM size name \"Standard_NC😀\" at byte 11: non-ASCII character '😀'",
        ),
        (
            "Standard_M128-ms",
            14,
            VmSizeErrorKind::MissingConstrainedVcpus,
            "invalid VM size name \"Standard_M128-ms\" at byte 14: expected the constrained vCPU count after \"-\"",
        ),
        (
            "Standard_NC06",
            11,
            VmSizeErrorKind::LeadingZero,
            "invalid VM size name \"Standard_NC06\" at byte 11: number with a leading zero",
        ),
        (
            "Standard_NC99999",
            11,
            VmSizeErrorKind::NumberTooLarge,
            "invalid VM size name \"Standard_NC99999\" at byte 11: number too large",
        ),
        (
            "Standard_NC6s__v3",
            14,
            VmSizeErrorKind::EmptySegment,
            "invalid VM size name \"Standard_NC6s__v3\" at byte 14: empty segment between underscores",
        ),
        (
            "Standard_NC6s_v3_",
            17,
            VmSizeErrorKind::EmptySegment,
            "invalid VM size name \"Standard_NC6s_v3_\" at byte 17: empty segment between underscores",
        ),
        (
            "Standard_NC6s_v3_T4",
            17,
            VmSizeErrorKind::SegmentOutOfOrder,
            "invalid VM size name \"Standard_NC6s_v3_T4\" at byte 17: segment \"T4\" out of order, expected [_Accelerator][_MemoryVariant][_cc][_vN][_Promo]",
        ),
        (
            "Standard_NC6s_v3x",
            14,
            VmSizeErrorKind::UnknownSegment,
            "invalid VM size name \"Standard_NC6s_v3x\" at byte 14: unknown segment \"v3x\", expected an accelerator (T4, A100, H100, …), a memory variant number, \"cc\", a version (v2, v3, …) or \"Promo\"",
        ),
        (
            "Standard_NC6s_v3.0",
            14,
            VmSizeErrorKind::UnknownSegment,
            "invalid VM size name \"Standard_NC6s_v3.0\" at byte 14: unknown segment \"v3.0\", expected an accelerator (T4, A100, H100, …), a memory variant number, \"cc\", a version (v2, v3, …) or \"Promo\"",
        ),
        (
            "Standard_NC6s v3",
            13,
            VmSizeErrorKind::UnexpectedChar { ch: ' ' },
            "invalid VM size name \"Standard_NC6s v3\" at byte 13: unexpected character ' '",
        ),
        (
            "Standard_NCCCC6",
            13,
            VmSizeErrorKind::FamilyTooLong,
            "invalid VM size name \"Standard_NCCCC6\" at byte 13: family and sub-family longer than 4 letters",
        ),
        (
            "Standard_NC6abcdefghjkabcdefgh_v3",
            28,
            VmSizeErrorKind::TooManyFeatures,
            "invalid VM size name \"Standard_NC6abcdefghjkabcdefgh_v3\" at byte 28: more than 16 additive feature letters",
        ),
        (
            "Standard_NC6_v3a",
            13,
            VmSizeErrorKind::UnknownSegment,
            "invalid VM size name \"Standard_NC6_v3a\" at byte 13: unknown segment \"v3a\", expected an accelerator (T4, A100, H100, …), a memory variant number, \"cc\", a version (v2, v3, …) or \"Promo\"",
        ),
        (
            "Standard_NC6_Promo_v3",
            19,
            VmSizeErrorKind::SegmentOutOfOrder,
            "invalid VM size name \"Standard_NC6_Promo_v3\" at byte 19: segment \"v3\" out of order, expected [_Accelerator][_MemoryVariant][_cc][_vN][_Promo]",
        ),
    ];
    for (input, position, kind, message) in cases {
        let e = input.parse::<VmSize>().unwrap_err();
        assert_eq!((e.position(), e.kind()), (*position, *kind), "{input}");
        assert_eq!(&e.to_string(), message, "{input}");
        assert_eq!(e.input(), *input);
    }
    let long = "Standard_".to_owned() + &"x".repeat(1 << 20);
    let e = long.parse::<VmSize>().unwrap_err();
    assert_eq!(e.kind(), VmSizeErrorKind::TooLong { len: long.len() });
    assert!(e.to_string().contains("the limit is 64"), "{e}");
    assert!(e.to_string().ends_with("(input is 1048585 bytes)"), "{e}");
    assert!(e.input().len() <= 256);
    let max = format!("Standard_D{}", "1".repeat(MAX_VM_SIZE_NAME_LEN - 10));
    assert!(matches!(
        max.parse::<VmSize>().unwrap_err().kind(),
        VmSizeErrorKind::NumberTooLarge
    ));
}

#[test]
fn gpu_counts() {
    let spec = |n| VmSizeSpec::find(n).unwrap().gpus;
    assert_eq!(spec("Standard_NV6ads_A10_v5"), GpuCount::new(1, 6));
    assert_eq!(spec("Standard_NV12ads_A10_v5"), GpuCount::new(1, 3));
    assert_eq!(spec("Standard_NV18ads_A10_v5"), GpuCount::new(1, 2));
    assert_eq!(spec("Standard_NV72ads_A10_v5"), GpuCount::whole(2));
    assert_eq!(spec("Standard_D2s_v3"), GpuCount::ZERO);
    assert_eq!(GpuCount::new(3, 0), GpuCount::ZERO);
    assert!(GpuCount::new(1, 6).is_fractional());
}

#[test]
fn catalog_lookups() {
    let c = Catalog::embedded();
    assert!(c.find("").is_none());
    assert!(c.find("Standard_NC6s_v9").is_none());
    assert!(
        c.sizes()
            .windows(2)
            .all(|w| w[0].name.to_ascii_lowercase() < w[1].name.to_ascii_lowercase())
    );
    let size: VmSize = "standard_nc6".parse().unwrap();
    assert_eq!(c.get(&size).unwrap().name, "Standard_NC6");
    assert_eq!(VmSeries::M.sizes().count(), 24);
    assert_eq!(VmSeries::NDv2.sizes().count(), 1);
    // A user catalog: sorted, deduplicated, looked up the same way.
    let mut rows: Vec<VmSizeSpec> = ["Standard_NC6", "Standard_D2s_v3", "STANDARD_nc6"]
        .iter()
        .map(|n| VmSizeSpec::find(n).unwrap().clone())
        .collect();
    rows[2].vcpus = 99;
    let mine = Catalog::new(rows);
    assert_eq!(mine.len(), 2);
    assert_eq!(mine.find("standard_NC6").unwrap().vcpus, 6);
}

fn name_strategy() -> impl Strategy<Value = String> {
    (
        prop_oneof![Just("Standard_"), Just("Basic_")],
        "[A-Z]{1,4}",
        1u16..1000,
        proptest::option::of(1u16..100),
        "(a?b?d?i?l?m?n?p?t?s?r?C?)",
        // `V` plus one or two digits is a version, so accelerators starting with V have three.
        proptest::option::of("[A-UW-Z][A-Z]?[1-9][0-9]{0,2}X?|V[1-9][0-9]{2}"),
        proptest::option::of(1u16..20),
        any::<bool>(),
        proptest::option::of(1u8..10),
        any::<bool>(),
    )
        .prop_map(
            |(tier, family, vcpus, constrained, features, accel, memvar, cc, version, promo)| {
                let mut s = format!("{tier}{family}{vcpus}");
                if let Some(c) = constrained {
                    write!(s, "-{c}").unwrap();
                }
                s += &features;
                if let Some(a) = accel {
                    write!(s, "_{a}").unwrap();
                }
                if let Some(m) = memvar {
                    write!(s, "_{m}").unwrap();
                }
                if cc {
                    s += "_cc";
                }
                if let Some(v) = version {
                    write!(s, "_v{v}").unwrap();
                }
                if promo {
                    s += "_Promo";
                }
                s
            },
        )
}

proptest! {
    #[test]
    fn never_panics(s in "\\PC{0,80}") {
        if let Err(e) = s.parse::<VmSize>() {
            let _ = e.to_string();
            prop_assert!(e.position() <= s.len());
        }
        let _ = VmSizeSpec::find(&s);
    }

    #[test]
    fn never_panics_near_real_names(i in 0usize..215, cut in 0usize..30, junk in "[_a-zA-Z0-9\\-]{0,6}") {
        let name = &Catalog::embedded().sizes()[i].name;
        let cut = cut.min(name.len());
        let s = format!("{}{junk}", &name[..cut]);
        if let Ok(size) = s.parse::<VmSize>() {
            prop_assert_eq!(size.to_string().parse::<VmSize>().unwrap(), size);
        }
    }

    #[test]
    fn well_formed_names_round_trip(name in name_strategy()) {
        let size: VmSize = name.parse().unwrap();
        prop_assert_eq!(size.to_string(), name.clone());
        prop_assert_eq!(size.to_string().parse::<VmSize>().unwrap(), size);
    }

    #[test]
    fn case_flipped_names_parse(i in 0usize..822, mask in proptest::collection::vec(any::<bool>(), 1..32)) {
        let spec = &Catalog::embedded().sizes()[i];
        let flipped: String = spec.name.chars().zip(mask.iter().cycle()).map(|(c, f)| {
            if *f { if c.is_ascii_lowercase() { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() } } else { c }
        }).collect();
        let size: VmSize = flipped.parse().unwrap();
        prop_assert_eq!(size.to_string(), spec.name.to_string());
        prop_assert_eq!(size.series(), spec.series);
        prop_assert_eq!(VmSizeSpec::find(&flipped), Some(spec));
    }
}

#[cfg(feature = "json")]
mod listings {
    use aml_targets::vm::{CatalogError, SupportedBy};
    use aml_targets::{Catalog, VmSeries};

    const CLI: &str = include_str!("data/list-sizes.json");
    const REST: &str = include_str!("data/vmsizes-rest.json");

    #[test]
    fn both_shapes_load_and_are_looked_up() {
        let cli = Catalog::from_json(CLI, "az ml compute list-sizes (fixture)").unwrap();
        let rest = Catalog::from_json(REST, "az ml compute list-sizes (fixture)").unwrap();
        assert_eq!(cli, rest);
        assert_eq!(cli.len(), 4);
        let ds3 = cli.find("STANDARD_DS3_V2").unwrap();
        assert_eq!(
            (ds3.vcpus, ds3.memory_gib, ds3.gpus.numerator()),
            (4, 14.0, 0)
        );
        assert_eq!(ds3.temp_disk_gib, Some(28.0));
        assert_eq!(ds3.series, Some(VmSeries::DSv2));
        assert_eq!(ds3.supported_by, Some(SupportedBy::ClustersAndInstances));
        assert_eq!(
            (ds3.low_priority_capable, ds3.premium_io),
            (Some(true), Some(true))
        );
        assert_eq!(ds3.source, "az ml compute list-sizes (fixture)");
        let fx = cli.find("Standard_FX12mds").unwrap();
        assert_eq!(fx.supported_by, Some(SupportedBy::ClustersOnly));
        assert_eq!(fx.series, Some(VmSeries::FX));
        let t4 = cli.find("standard_nc4as_t4_v3").unwrap();
        assert_eq!(t4.gpu_model.as_deref(), Some("Tesla T4"));
        assert_eq!(t4.gpu_memory_gib, Some(16.0));
        // The listing gives the count; the series' GPU facts give the model and memory.
        let h200 = cli.find("Standard_ND96isr_H200_v5").unwrap();
        assert_eq!(
            (
                h200.series,
                h200.gpus.numerator(),
                h200.gpu_model.as_deref()
            ),
            (
                Some(VmSeries::ND_H200_v5),
                8,
                Some("H200 141GB (NVLink; 8 per VM)")
            )
        );
        assert_eq!(h200.gpu_memory_gib, Some(141.0));
        assert_eq!(h200.temp_disk_gib, None);
    }

    #[test]
    fn missing_fields_name_the_entry() {
        let cases = [
            (
                r#"[{"name": "Standard_X1", "gpus": 0, "memoryGB": 1}]"#,
                "size listing entry Standard_X1: missing required field `vCPUs`",
            ),
            (
                r#"[{"name": "Standard_X1", "vCPUs": 1, "memoryGB": 1}]"#,
                "size listing entry Standard_X1: missing required field `gpus`",
            ),
            (
                r#"{"value": [{"name": "Standard_X1", "vCPUs": 1, "gpus": 0}]}"#,
                "size listing entry Standard_X1: missing required field `memoryGB`",
            ),
            (
                r#"[{"name": "Standard_A", "vCPUs": 1, "gpus": 0, "memoryGB": 1}, {"vCPUs": 1}]"#,
                "size listing entry #1: missing required field `name`",
            ),
            (
                r#"[{"name": "Standard_X1", "vCPUs": 1, "gpus": 0, "memoryGB": -1}]"#,
                "size listing entry Standard_X1: invalid `memoryGB`: must be a finite number, 0 or more",
            ),
            (
                r#"[{"name": "Standard_X1", "vCPUs": 1, "gpus": 70000, "memoryGB": 1}]"#,
                "size listing entry Standard_X1: invalid `gpus`: more than 65535",
            ),
        ];
        for (json, message) in cases {
            assert_eq!(
                Catalog::from_json(json, "test").unwrap_err().to_string(),
                message
            );
        }
        for bad in ["", "{}", "42", r#"{"value": 3}"#, r#"[{"name": 3}]"#, "[1]"] {
            let err = Catalog::from_json(bad, "test").unwrap_err();
            assert!(matches!(err, CatalogError::Json { .. }), "{bad}: {err}");
        }
        assert!(Catalog::from_json("[]", "test").unwrap().is_empty());
    }
}
