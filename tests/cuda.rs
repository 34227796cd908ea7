//! GPU and CUDA compatibility: every row of the CUDA CSVs, the verdict examples, drivers,
//! frameworks and environment-name hints.

mod common;

use aml_targets::gpu::{
    BuildReason, CUDA_DRIVER_MINIMUMS, CUDA_TOOLKITS, ComputeCapability, CudaRange, DriverCompat,
    DriverVersion, FRAMEWORK_CUDA_BUILDS, FrameworkVersion, NVIDIA_CUDA_SUPPORT, PYTORCH_WHEELS,
    environment_hints, minor_version_compat_floor,
};
use aml_targets::vm::CudaReason;
use aml_targets::{
    Catalog, CudaRequirement, CudaVersion, DocEdition, Framework, GpuArchitecture, VmSeries, VmSize,
};
use common::csv;
use proptest::prelude::*;

fn v(s: &str) -> CudaVersion {
    s.parse().unwrap()
}

/// The leading number of a CSV cell such as `6.0 (per NVIDIA matrix; …)`.
fn leading(cell: &str) -> &str {
    cell.split(' ').next().unwrap()
}

#[test]
fn every_cuda_arch_support_row() {
    let rows = csv(include_str!("../data/cuda_arch_support.csv"));
    assert_eq!(rows.len(), 20);
    for row in &rows {
        let ccs: Vec<ComputeCapability> = leading(&row["compute_capabilities"])
            .split(';')
            .map(|c| c.parse().unwrap())
            .collect();
        let first = v(leading(&row["first_cuda"]));
        let last = leading(&row["last_cuda"]);
        let last = (last != "ongoing").then(|| v(last));
        for cc in &ccs {
            let support = cc.nvidia_cuda().unwrap_or_else(|| panic!("{cc}"));
            assert_eq!(support.label, row["architecture"], "{cc}");
            assert_eq!(support.capabilities, ccs.as_slice(), "{cc}");
            assert_eq!(
                (support.cuda.min(), support.cuda.max()),
                (first, last),
                "{cc}"
            );
            assert_eq!(support.source, row["source"], "{cc}");
            let arch_name = row["architecture"].split(" (").next().unwrap();
            let arch: GpuArchitecture = arch_name.parse().unwrap();
            assert_eq!(support.architecture, arch);
        }
    }
    // The Thor row's note: sm_101 was its name in 12.8-12.9.
    let thor = ComputeCapability::new(10, 1).nvidia_cuda().unwrap();
    assert_eq!(
        (thor.cuda.min(), thor.cuda.max()),
        (v("12.8"), Some(v("12.9")))
    );
    assert_eq!(NVIDIA_CUDA_SUPPORT.len(), rows.len());
    // FACTS.md §8 in words.
    let range = |c: &str| {
        c.parse::<ComputeCapability>()
            .unwrap()
            .nvidia_cuda()
            .unwrap()
            .cuda
    };
    assert_eq!(range("3.7").max(), Some(v("11.8")));
    for cc in ["5.2", "6.0", "6.1", "7.0"] {
        assert_eq!(range(cc).max(), Some(v("12.9")), "{cc}");
    }
    assert_eq!(range("7.5").max(), None);
    for (cc, first) in [
        ("5.2", "6.5"),
        ("6.0", "8.0"),
        ("7.0", "9.0"),
        ("7.5", "10.0"),
        ("8.0", "11.0"),
        ("8.6", "11.1"),
        ("8.9", "11.8"),
        ("9.0", "11.8"),
        ("10.0", "12.8"),
    ] {
        assert_eq!(range(cc).min(), v(first), "{cc}");
    }
    assert!(ComputeCapability::new(4, 0).nvidia_cuda().is_none());
}

#[test]
fn every_driver_minimum_row() {
    let rows = csv(include_str!("../data/cuda_driver_min.csv"));
    // Every released toolkit from 9.0 with a bundled driver (FACTS §8 asks for all).
    assert_eq!(rows.len(), CUDA_DRIVER_MINIMUMS.len());
    for (row, table) in rows.iter().zip(CUDA_DRIVER_MINIMUMS) {
        let cuda = v(&row["cuda"]);
        let min: DriverVersion = row["min_linux_driver"]
            .trim_start_matches(">=")
            .parse()
            .unwrap();
        assert_eq!(table.cuda, cuda);
        assert_eq!(table.min_linux_driver, min, "{cuda}");
        assert_eq!(
            table.min_linux_driver.to_string(),
            row["min_linux_driver"][2..],
            "{cuda}"
        );
        assert_eq!(table.source, row["source"], "{cuda}");
        assert_eq!(cuda.min_linux_driver(), Some(min));
        assert_eq!(
            v(&format!("{cuda}.1")).min_linux_driver(),
            Some(min),
            "patch ignored"
        );
        assert!(matches!(min.runs(cuda), DriverCompat::Full { .. }));
    }
    // 13.3: from secondary copies of its release notes.
    let last = CUDA_DRIVER_MINIMUMS.last().unwrap();
    assert_eq!(
        (last.cuda, last.min_linux_driver.to_string()),
        (v("13.3"), "610.43.02".to_owned())
    );
    assert!(last.source.starts_with("secondary"));
    // 13.4 and 13.5 are released without a bundled driver: toolkits, with no minimum.
    assert_eq!(CUDA_TOOLKITS.len(), rows.len() + 2);
    assert_eq!(
        &CUDA_TOOLKITS[CUDA_TOOLKITS.len() - 3..],
        [v("13.3"), v("13.4"), v("13.5")]
    );
    assert_eq!(v("13.4").min_linux_driver(), None);
    assert_eq!(
        "600.10.01"
            .parse::<DriverVersion>()
            .unwrap()
            .runs(v("13.5")),
        DriverCompat::UnknownToolkit
    );
    assert!(CUDA_TOOLKITS.windows(2).all(|w| w[0] < w[1]));
    assert!(!CUDA_TOOLKITS.contains(&v("12.7")));
    assert_eq!(v("12.7").min_linux_driver(), None);
    assert_eq!(v("8.0").min_linux_driver(), None);
}

#[test]
fn driver_compatibility() {
    let d = |s: &str| s.parse::<DriverVersion>().unwrap();
    // FACTS.md examples.
    assert_eq!(v("11.8").min_linux_driver(), Some(d("520.61.05")));
    assert_eq!(v("12.0").min_linux_driver(), Some(d("525.60.13")));
    assert_eq!(v("13.0").min_linux_driver(), Some(d("580.65.06")));
    // Minor-version compatibility floors.
    assert_eq!(minor_version_compat_floor(11), Some(d("450.80.02")));
    assert_eq!(minor_version_compat_floor(12), Some(d("525.60.13")));
    assert_eq!(minor_version_compat_floor(13), Some(d("580.65.06")));
    assert_eq!(minor_version_compat_floor(10), None);
    let cases = [
        (
            "520.61.05",
            "11.8",
            DriverCompat::Full {
                min: d("520.61.05"),
            },
        ),
        (
            "470.42.01",
            "11.8",
            DriverCompat::MinorVersion {
                min: d("520.61.05"),
                floor: d("450.80.02"),
            },
        ),
        (
            "450.51.05",
            "11.8",
            DriverCompat::TooOld {
                needs: d("450.80.02"),
            },
        ),
        (
            "535.54.03",
            "13.0",
            DriverCompat::TooOld {
                needs: d("580.65.06"),
            },
        ),
        (
            "525.60.13",
            "12.9",
            DriverCompat::MinorVersion {
                min: d("575.51.03"),
                floor: d("525.60.13"),
            },
        ),
        (
            "410.47",
            "10.0",
            DriverCompat::TooOld { needs: d("410.48") },
        ),
        ("999.1", "12.7", DriverCompat::UnknownToolkit),
    ];
    for (driver, cuda, expected) in cases {
        assert_eq!(d(driver).runs(v(cuda)), expected, "{driver} {cuda}");
    }
    assert_eq!(GpuArchitecture::Kepler.last_driver_branch(), Some(470));
    for a in [
        GpuArchitecture::Maxwell,
        GpuArchitecture::Pascal,
        GpuArchitecture::Volta,
    ] {
        assert_eq!(a.last_driver_branch(), Some(580));
    }
    assert_eq!(GpuArchitecture::Fermi.last_driver_branch(), Some(390));
    assert_eq!(GpuArchitecture::Turing.last_driver_branch(), None);
    for bad in ["525", "525.60.13.1", "r525", "", "525..13"] {
        assert_eq!(
            bad.parse::<DriverVersion>().unwrap_err().to_string(),
            format!(
                "invalid driver version {bad:?}: expected BRANCH.MINOR[.PATCH] such as 525.60.13"
            )
        );
    }
}

#[test]
fn verdict_examples() {
    let e = DocEdition::LATEST;
    // NC (K80) with 12.1: the page says yes (9.0+), NVIDIA says no (last 11.8).
    let nc = VmSeries::NC.cuda_verdict(v("12.1"), e);
    assert_eq!(nc.page.supported, Some(true));
    assert_eq!(
        nc.page.reason,
        CudaReason::InRange {
            range: CudaRange::at_least(v("9.0"))
        }
    );
    assert_eq!(nc.nvidia.supported, Some(false));
    assert!(
        matches!(nc.nvidia.reason, CudaReason::AboveMaximum { range } if range.max() == Some(v("11.8")))
    );
    assert!(nc.sources_disagree());
    assert!(nc.page.source.contains("concept-compute-target.md"));
    assert!(
        nc.nvidia
            .source
            .contains("cuda-toolkit-driver-and-architecture-matrix")
    );
    assert_eq!(nc.compute_capability, Some(ComputeCapability::new(3, 7)));
    // NCv3 with 13.0: no (Volta ends at 12.9).
    let ncv3 = VmSeries::NCv3.cuda_verdict(v("13.0"), e);
    assert_eq!(
        (ncv3.page.supported, ncv3.nvidia.supported),
        (Some(true), Some(false))
    );
    // NCasT4_v3 with 13.0: yes.
    let t4 = VmSeries::NCasT4_v3.cuda_verdict(v("13.0"), e);
    assert_eq!(
        (t4.page.supported, t4.nvidia.supported),
        (Some(true), Some(true))
    );
    assert!(t4.runs());
    // NVv4 (AMD MI25): no CUDA at all.
    let amd = VmSeries::NVv4.cuda_verdict(v("11.0"), e);
    assert_eq!(
        (amd.page.reason, amd.nvidia.reason),
        (CudaReason::NotNvidia, CudaReason::NotNvidia)
    );
    assert_eq!(amd.nvidia.supported, Some(false));
    // A CPU-only size: no GPU, no CUDA.
    let cpu: VmSize = "Standard_DS3_v2".parse().unwrap();
    let d = cpu.cuda_verdict(Catalog::embedded(), v("12.0"), e);
    assert_eq!(
        (d.page.reason, d.nvidia.reason),
        (CudaReason::NoGpu, CudaReason::NoGpu)
    );
    assert_eq!(
        VmSeries::M.cuda_verdict(v("12.0"), e).nvidia.reason,
        CudaReason::NoGpu
    );
    // Below the page's floor.
    let old = VmSeries::NCv3.cuda_verdict(v("8.0"), e);
    assert!(matches!(old.page.reason, CudaReason::BelowMinimum { .. }));
    assert!(matches!(old.nvidia.reason, CudaReason::BelowMinimum { .. }));
    // A series the page's CUDA table does not list: the page is silent, NVIDIA answers.
    let a10 = VmSeries::NVadsA10_v5.cuda_verdict(v("12.4"), e);
    assert_eq!(
        (a10.page.supported, a10.page.reason),
        (None, CudaReason::PageSilent)
    );
    assert_eq!(a10.nvidia.supported, Some(true));
    // Hopper: on the page from Mar 2026 only; ND_H200_v5 takes Hopper's single capability.
    let h200 = VmSeries::ND_H200_v5.cuda_verdict(v("12.0"), DocEdition::Nov2025);
    assert_eq!(h200.page.reason, CudaReason::PageSilent);
    assert_eq!(h200.compute_capability, Some(ComputeCapability::new(9, 0)));
    assert_eq!(
        VmSeries::ND_H200_v5
            .cuda_verdict(v("12.0"), e)
            .page
            .supported,
        Some(true)
    );
    assert_eq!(
        VmSeries::ND_H100_v5
            .cuda_verdict(v("11.8"), e)
            .page
            .supported,
        Some(false)
    );
    assert_eq!(
        VmSeries::ND_H100_v5
            .cuda_verdict(v("11.8"), e)
            .nvidia
            .supported,
        Some(true)
    );
    // A size of an unknown series.
    let future: VmSize = "Standard_ND128isr_GB300_v7".parse().unwrap();
    let f = future.cuda_verdict(Catalog::embedded(), v("13.0"), e);
    assert_eq!(
        (f.nvidia.supported, f.nvidia.reason),
        (None, CudaReason::UnknownSeries)
    );
    // Requirements: semver and ranges.
    let req: semver::VersionReq = ">=12.0, <13".parse().unwrap();
    let k80 = VmSeries::NC.cuda_verdict(req.clone(), e);
    assert!(matches!(
        k80.nvidia.reason,
        CudaReason::NoMatchingToolkit { .. }
    ));
    assert!(k80.page.supported == Some(true));
    assert!(VmSeries::NCv3.cuda_verdict(req, e).runs());
    let range = CudaRange::new(v("13.0"), None).unwrap();
    assert!(!VmSeries::NDv2.cuda_verdict(range, e).runs());
    assert!(VmSeries::NDasrA100_v4.cuda_verdict(range, e).runs());
    // Every GPU series of the page's CUDA table gets a definite answer from both sources.
    for row in aml_targets::vm::PAGE_CUDA_TABLE {
        for s in row.series {
            let verdict = s.cuda_verdict(row.min_cuda, e);
            assert_eq!(verdict.page.supported, Some(true), "{s}");
            assert!(verdict.nvidia.supported.is_some(), "{s}");
        }
    }
}

#[test]
fn series_compute_capabilities() {
    let cc = |s: VmSeries| s.compute_capability().map(|c| c.to_string());
    assert_eq!(cc(VmSeries::NC).as_deref(), Some("3.7"));
    assert_eq!(cc(VmSeries::NC_Promo).as_deref(), Some("3.7"));
    assert_eq!(cc(VmSeries::ND).as_deref(), Some("6.1"));
    assert_eq!(cc(VmSeries::NVadsA10_v5).as_deref(), Some("8.6"));
    assert_eq!(cc(VmSeries::ND_H200_v5).as_deref(), Some("9.0"));
    assert_eq!(cc(VmSeries::NVv4), None);
    assert_eq!(cc(VmSeries::Dv3), None);
}

#[test]
fn cuda_version_spellings() {
    let cases = [
        ("12", "12.0"),
        ("12.4", "12.4"),
        ("12.4.1", "12.4.1"),
        ("cu121", "12.1"),
        ("cu118", "11.8"),
        ("cu92", "9.2"),
        ("CU102", "10.2"),
        ("cuda11.8", "11.8"),
        ("cuda12", "12.0"),
        ("CUDA 12.1", "12.1"),
        ("cuda-11.7", "11.7"),
        ("cuda_12.4.1", "12.4.1"),
    ];
    for (input, shown) in cases {
        assert_eq!(v(input).to_string(), shown, "{input}");
    }
    let errors = [
        (
            "cu1",
            "invalid CUDA version \"cu1\": expected two or three digits after \"cu\" (cu92, cu118, cu121)",
        ),
        (
            "cu1210",
            "invalid CUDA version \"cu1210\": expected two or three digits after \"cu\" (cu92, cu118, cu121)",
        ),
        ("cuda", "invalid CUDA version \"cuda\": empty version"),
        (
            "12.4.1.0",
            "invalid CUDA version \"12.4.1.0\": more than three numbers",
        ),
        (
            "12.4.",
            "invalid CUDA version \"12.4.\": missing patch version after '.'",
        ),
        (
            "cudnn8",
            "invalid CUDA version \"cudnn8\": expected two or three digits after \"cu\" (cu92, cu118, cu121)",
        ),
    ];
    for (input, message) in errors {
        assert_eq!(
            input.parse::<CudaVersion>().unwrap_err().to_string(),
            message,
            "{input}"
        );
    }
    assert_eq!(
        semver::Version::from(v("12.4.1")),
        semver::Version::new(12, 4, 1)
    );
    assert!(v("12.4") < v("12.4.0"));
    assert!(v("12.10") > v("12.9"));
}

#[test]
fn cuda_ranges() {
    let r: CudaRange = ">=9.0, <=11.8".parse().unwrap();
    assert_eq!((r.min(), r.max()), (v("9.0"), Some(v("11.8"))));
    assert!(r.contains(v("11.8.89")) && r.contains(v("9")) && !r.contains(v("8.0")));
    assert_eq!(
        ">=12.0".parse::<CudaRange>().unwrap(),
        CudaRange::at_least(v("12.0"))
    );
    assert_eq!(
        ">=12.0, <=11.8"
            .parse::<CudaRange>()
            .unwrap_err()
            .to_string(),
        "invalid CUDA range \">=12.0, <=11.8\": the upper bound 11.8 is below the lower bound 12.0"
    );
    assert_eq!(
        "12.0".parse::<CudaRange>().unwrap_err().to_string(),
        "invalid CUDA range \"12.0\": expected \">=VERSION\""
    );
    assert_eq!(
        ">=12.0, 13".parse::<CudaRange>().unwrap_err().to_string(),
        "invalid CUDA range \">=12.0, 13\": expected \"<=VERSION\""
    );
    assert!(CudaRange::new(v("12.0"), Some(v("11.0"))).is_err());
    let req = CudaRequirement::from(">=11.0, <11.3".parse::<semver::VersionReq>().unwrap());
    assert_eq!(
        req.toolkits().collect::<Vec<_>>(),
        [v("11.0"), v("11.1"), v("11.2")]
    );
    assert_eq!(
        CudaRequirement::from(v("12.7"))
            .toolkits()
            .collect::<Vec<_>>(),
        [v("12.7")]
    );
}

#[test]
fn every_framework_cuda_row() {
    let rows = csv(include_str!("../data/framework_cuda.csv"));
    assert_eq!(rows.len(), FRAMEWORK_CUDA_BUILDS.len());
    for (row, table) in rows.iter().zip(FRAMEWORK_CUDA_BUILDS) {
        let framework: Framework = row["framework"].parse().unwrap();
        let version: FrameworkVersion = row["framework_version"].parse().unwrap();
        let mut cuda = Vec::new();
        let mut cudnn = None;
        for part in row["cuda_versions"].split(';') {
            match part.strip_prefix("cudnn=") {
                Some(c) => cudnn = Some(c),
                None => cuda.push(v(part)),
            }
        }
        assert_eq!((table.framework, table.version), (framework, version));
        assert_eq!(table.cuda, cuda.as_slice(), "{framework} {version}");
        assert_eq!(table.cudnn, cudnn, "{framework} {version}");
        assert_eq!(table.source, row["source"]);
        assert_eq!(framework.builds(version), Some(table));
    }
    let pt = |s: &str| Framework::PyTorch.builds(s.parse().unwrap()).unwrap().cuda;
    assert_eq!(
        pt("2.1.2"),
        [v("11.8"), v("12.1")],
        "patch releases share builds"
    );
    assert!(Framework::PyTorch.builds("3.0".parse().unwrap()).is_none());
    // TensorFlow 2.20 and 2.21: CUDA 12.5 and cuDNN 9.3 (tensorflow/docs source.md, tested
    // build configurations); PyTorch 2.14's RFC is #190355 (#190385 is 2.15's).
    for tf in ["2.20", "2.21.0"] {
        let b = Framework::TensorFlow.builds(tf.parse().unwrap()).unwrap();
        assert_eq!(
            (b.cuda, b.cudnn),
            ([v("12.5")].as_slice(), Some("9.3")),
            "{tf}"
        );
        assert!(b.source.contains("source.md@7c365021"), "{}", b.source);
    }
    let pt214 = Framework::PyTorch.builds("2.14".parse().unwrap()).unwrap();
    assert!(pt214.source.contains("RFC #190355") && !pt214.source.contains("190385"));
    assert_eq!(
        Framework::TensorFlow
            .builds("2.15".parse().unwrap())
            .unwrap()
            .cudnn,
        Some("8.9")
    );
}

#[test]
fn every_pytorch_wheel_row() {
    let rows = csv(include_str!("../data/pytorch_wheel_arch.csv"));
    assert_eq!(rows.len(), PYTORCH_WHEELS.len());
    for (row, table) in rows.iter().zip(PYTORCH_WHEELS) {
        assert_eq!(table.tag, row["cuda_variant"]);
        assert_eq!(table.cuda, v(&row["cuda_variant"]));
        let mut range = row["pytorch_versions"].split('-');
        let first: FrameworkVersion = range.next().unwrap().parse().unwrap();
        let last: FrameworkVersion = range.next().map_or(first, |l| l.parse().unwrap());
        assert_eq!((table.first, table.last), (first, last), "{}", table.tag);
        let ccs: Vec<ComputeCapability> = row["compute_capabilities"]
            .split(';')
            .map(|c| c.parse().unwrap())
            .collect();
        assert_eq!(table.capabilities, ccs.as_slice(), "{}", table.tag);
        assert_eq!(table.source, row["source"]);
    }
}

#[test]
fn framework_checks() {
    let builds = |s: VmSeries, f: Framework, ver: &str| -> Vec<(String, Option<bool>)> {
        s.framework_builds(f, ver.parse().unwrap())
            .unwrap()
            .map(|b| (b.cuda.to_string(), b.runs))
            .collect()
    };
    // PyTorch 2.0 / CUDA 11.7 on a K80 runs (sm_37 is in cu117); 2.1's cu121 does not.
    assert_eq!(
        builds(VmSeries::NC, Framework::PyTorch, "2.0"),
        [("11.7".into(), Some(true)), ("11.8".into(), Some(true))]
    );
    assert_eq!(
        builds(VmSeries::NC, Framework::PyTorch, "2.1"),
        [("11.8".into(), Some(true)), ("12.1".into(), Some(false))]
    );
    // cu128 from 2.8 dropped Maxwell and Pascal; cu130 dropped Volta.
    assert_eq!(
        builds(VmSeries::NCv2, Framework::PyTorch, "2.8"),
        [
            ("12.6".into(), Some(true)),
            ("12.8".into(), Some(false)),
            ("12.9".into(), Some(false))
        ]
    );
    assert_eq!(
        builds(VmSeries::NCv3, Framework::PyTorch, "2.9"),
        [
            ("12.6".into(), Some(true)),
            ("12.8".into(), Some(true)),
            ("13.0".into(), Some(false))
        ]
    );
    // ND (P40, sm_61) runs sm_60 code.
    let nd = VmSeries::ND
        .framework_builds(Framework::PyTorch, "2.6".parse().unwrap())
        .unwrap()
        .next()
        .unwrap();
    assert_eq!(
        nd.reason,
        BuildReason::WheelHasCapability {
            compiled: ComputeCapability::new(6, 0)
        }
    );
    // A10 (8.6) and H100 (9.0) on a cu117 wheel: 8.6 yes, 9.0 no (no sm_90 code).
    assert_eq!(
        builds(VmSeries::NVadsA10_v5, Framework::PyTorch, "1.13")[1].1,
        Some(true)
    );
    assert_eq!(
        builds(VmSeries::ND_H100_v5, Framework::PyTorch, "1.13")[1].1,
        Some(false)
    );
    // TensorFlow: the tested CUDA against NVIDIA's range.
    assert_eq!(
        builds(VmSeries::NC, Framework::TensorFlow, "2.11.0"),
        [("11.2".into(), Some(true))]
    );
    assert_eq!(
        builds(VmSeries::NC, Framework::TensorFlow, "2.15"),
        [("12.2".into(), Some(false))]
    );
    // No GPU, AMD GPU.
    let cpu = VmSeries::Dv3
        .framework_builds(Framework::PyTorch, "2.5".parse().unwrap())
        .unwrap()
        .next()
        .unwrap();
    assert_eq!((cpu.runs, cpu.reason), (Some(false), BuildReason::NoGpu));
    let amd = VmSeries::NVv4
        .framework_builds(Framework::TensorFlow, "2.5".parse().unwrap())
        .unwrap()
        .next()
        .unwrap();
    assert_eq!(amd.reason, BuildReason::NotNvidia);
    assert!(
        VmSeries::NC
            .framework_builds(Framework::PyTorch, "9.9".parse().unwrap())
            .is_none()
    );
    // The newest build that runs.
    let newest = |s: VmSeries, f| {
        s.newest_framework_build(f)
            .map(|b| (b.version.to_string(), b.cuda.to_string()))
    };
    assert_eq!(
        newest(VmSeries::NC, Framework::PyTorch),
        Some(("2.7".into(), "11.8".into()))
    );
    assert_eq!(
        newest(VmSeries::NCv2, Framework::PyTorch),
        Some(("2.14".into(), "12.6".into()))
    );
    assert_eq!(
        newest(VmSeries::NCv3, Framework::PyTorch),
        Some(("2.14".into(), "12.6".into()))
    );
    assert_eq!(
        newest(VmSeries::NCasT4_v3, Framework::PyTorch),
        Some(("2.14".into(), "13.2".into()))
    );
    assert_eq!(
        newest(VmSeries::NC, Framework::TensorFlow),
        Some(("2.14.0".into(), "11.8".into()))
    );
    assert_eq!(
        newest(VmSeries::NCv3, Framework::TensorFlow),
        Some(("2.21.0".into(), "12.5".into()))
    );
    assert_eq!(newest(VmSeries::NVv4, Framework::PyTorch), None);
    assert_eq!(newest(VmSeries::M, Framework::TensorFlow), None);
}

#[test]
fn environment_name_hints() {
    type Hint = (
        Option<&'static str>,
        Option<(Framework, &'static str)>,
        bool,
        bool,
    );
    let cases: &[(&str, Hint)] = &[
        (
            "mcr.microsoft.com/azureml/openmpi4.1.0-cuda11.8-cudnn8-ubuntu22.04:latest",
            (Some("11.8"), None, false, false),
        ),
        (
            "AzureML-ACPT-pytorch-1.13-py38-cuda11.7-gpu",
            (
                Some("11.7"),
                Some((Framework::PyTorch, "1.13")),
                false,
                true,
            ),
        ),
        (
            "azureml:AzureML-ACPT-pytorch-1.13-py38-cuda11.7-gpu@latest",
            (
                Some("11.7"),
                Some((Framework::PyTorch, "1.13")),
                false,
                true,
            ),
        ),
        (
            "mcr.microsoft.com/azureml/curated/acpt-pytorch-2.2-cuda12.1:latest",
            (
                Some("12.1"),
                Some((Framework::PyTorch, "2.2")),
                false,
                false,
            ),
        ),
        (
            "pytorch/pytorch:2.1.0-cuda12.1-cudnn8-runtime",
            (
                Some("12.1"),
                Some((Framework::PyTorch, "2.1.0")),
                false,
                false,
            ),
        ),
        (
            "torch==2.1.0+cu121",
            (
                Some("12.1"),
                Some((Framework::PyTorch, "2.1.0")),
                false,
                false,
            ),
        ),
        (
            "tensorflow/tensorflow:2.15.0-gpu",
            (None, Some((Framework::TensorFlow, "2.15.0")), false, true),
        ),
        (
            "AzureML-tensorflow-2.12-cuda11",
            (
                Some("11.0"),
                Some((Framework::TensorFlow, "2.12")),
                false,
                false,
            ),
        ),
        (
            "azureml:AzureML-sklearn-1.5-ubuntu20.04-py39-cpu@latest",
            (None, None, true, false),
        ),
        (
            "nvcr.io/nvidia/pytorch:23.10-py3",
            (None, None, false, false),
        ),
        (
            "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest",
            (None, None, false, false),
        ),
        (
            "acpt-pytorch2.0-cuda-11.8",
            (
                Some("11.8"),
                Some((Framework::PyTorch, "2.0")),
                false,
                false,
            ),
        ),
        ("my-custom-env:3", (None, None, false, false)),
        ("", (None, None, false, false)),
        ("cudatoolkit-cudnn8", (None, None, false, false)),
    ];
    for (name, (cuda, framework, cpu, gpu)) in cases {
        let h = environment_hints(name);
        assert_eq!(h.cuda, cuda.map(v), "{name}");
        assert_eq!(
            h.framework,
            framework.map(|(f, ver)| (f, ver.parse().unwrap())),
            "{name}"
        );
        assert_eq!((h.cpu, h.gpu), (*cpu, *gpu), "{name}");
    }
}

proptest! {
    #[test]
    fn range_agrees_with_semver(
        (lo_major, lo_minor) in (9u8..14, 0u8..10),
        span in proptest::option::of(0u16..600),
        (major, minor, patch) in (8u8..15, 0u8..12, proptest::option::of(0u16..200)),
    ) {
        let min = CudaVersion::new(lo_major, lo_minor);
        let max = span.map(|s| {
            let key = u16::from(lo_major) * 10 + u16::from(lo_minor) + s / 10;
            CudaVersion::new(u8::try_from(key / 10).unwrap(), u8::try_from(key % 10).unwrap())
        });
        let range = CudaRange::new(min, max).unwrap();
        let version = match patch {
            Some(p) => CudaVersion::with_patch(major, minor, p),
            None => CudaVersion::new(major, minor),
        };
        prop_assert_eq!(
            range.contains(version),
            range.to_version_req().matches(&semver::Version::from(version)),
            "{} vs {}", range, version
        );
        prop_assert_eq!(range.to_string().parse::<CudaRange>().unwrap(), range);
    }

    #[test]
    fn parsers_never_panic(s in "\\PC{0,40}") {
        let _ = s.parse::<CudaVersion>().map_err(|e| e.to_string());
        let _ = s.parse::<CudaRange>().map_err(|e| e.to_string());
        let _ = s.parse::<DriverVersion>().map_err(|e| e.to_string());
        let _ = s.parse::<FrameworkVersion>().map_err(|e| e.to_string());
        let _ = s.parse::<ComputeCapability>().map_err(|e| e.to_string());
        let _ = environment_hints(&s);
    }

    #[test]
    fn versions_round_trip(major in 0u8..30, minor in 0u8..30, patch in proptest::option::of(0u16..1000)) {
        let cv = match patch { Some(p) => CudaVersion::with_patch(major, minor, p), None => CudaVersion::new(major, minor) };
        prop_assert_eq!(cv.to_string().parse::<CudaVersion>().unwrap(), cv);
        let fv = match patch { Some(p) => FrameworkVersion::with_patch(major.into(), minor.into(), p), None => FrameworkVersion::new(major.into(), minor.into()) };
        prop_assert_eq!(fv.to_string().parse::<FrameworkVersion>().unwrap(), fv);
        let d = DriverVersion::new(u16::from(major) * 20, minor.into(), patch);
        prop_assert_eq!(d.to_string().parse::<DriverVersion>().unwrap(), d);
    }
}

#[test]
fn exact_errors_of_the_other_parsers() {
    for bad in ["2", "2.x", "02.1", "2.1.1.1", "", "v2.1"] {
        assert_eq!(
            bad.parse::<FrameworkVersion>().unwrap_err().to_string(),
            format!(
                "invalid framework version {bad:?}: expected MAJOR.MINOR[.PATCH] such as 2.7 or 2.16.1"
            )
        );
    }
    for bad in [
        "7",
        "sm_7",
        "sm_1000",
        "7.10",
        "sm70",
        "compute_70",
        "07.0",
        "sm_07",
    ] {
        assert_eq!(
            bad.parse::<ComputeCapability>().unwrap_err().to_string(),
            format!(
                "invalid compute capability {bad:?}: expected MAJOR.MINOR (7.0) or sm_XY (sm_70)"
            )
        );
    }
    for (good, cc) in [
        ("sm_37", "3.7"),
        ("SM_90", "9.0"),
        ("sm_100", "10.0"),
        ("sm_120", "12.0"),
        ("8.6", "8.6"),
    ] {
        assert_eq!(
            good.parse::<ComputeCapability>().unwrap().to_string(),
            cc,
            "{good}"
        );
    }
    assert_eq!(
        "jax".parse::<Framework>().unwrap_err().to_string(),
        "unknown framework \"jax\"; expected one of: pytorch, tensorflow"
    );
    assert_eq!("torch".parse::<Framework>().unwrap(), Framework::PyTorch);
    assert_eq!("TF".parse::<Framework>().unwrap(), Framework::TensorFlow);
}

#[test]
fn current_generations_cuda_and_frameworks() {
    use aml_targets::DocEdition;
    use aml_targets::vm::CudaReason;
    let e = DocEdition::LATEST;
    // ND H200 v5: Hopper (9.0), on the page's Hopper row from Mar 2026; CUDA 11.8 on.
    let h200 = VmSeries::ND_H200_v5.cuda_verdict(v("12.4"), e);
    assert_eq!(
        (h200.page.supported, h200.nvidia.supported),
        (Some(true), Some(true))
    );
    assert_eq!(
        VmSeries::ND_H200_v5
            .cuda_verdict(v("11.7"), e)
            .nvidia
            .supported,
        Some(false)
    );
    // ND MI300X v5: AMD, no CUDA whatever the version; PyTorch's CUDA wheels never run.
    let mi300x = VmSeries::ND_MI300X_v5.cuda_verdict(v("12.4"), e);
    assert_eq!(mi300x.nvidia.supported, Some(false));
    assert_eq!(mi300x.nvidia.reason, CudaReason::NotNvidia);
    assert!(!mi300x.runs());
    assert!(
        VmSeries::ND_MI300X_v5
            .newest_framework_build(Framework::PyTorch)
            .is_none()
    );
    // GB300 is compute capability 10.3: CUDA 12.9 on (12.8 knew only 10.0).
    assert_eq!(
        VmSeries::ND_GB300_v6
            .cuda_verdict(v("12.8"), e)
            .nvidia
            .supported,
        Some(false)
    );
    assert_eq!(
        VmSeries::ND_GB300_v6
            .cuda_verdict(v("12.9"), e)
            .nvidia
            .supported,
        Some(true)
    );
    // The RTX PRO 6000 (12.0) and GB200 (10.0): CUDA 12.8 on; 13.5 is a released toolkit.
    for s in [VmSeries::NC_RTXPRO6000BSE_v6, VmSeries::ND_GB200_v6] {
        assert_eq!(
            s.cuda_verdict(v("12.8"), e).nvidia.supported,
            Some(true),
            "{s}"
        );
        assert_eq!(
            s.cuda_verdict(v("13.5"), e).nvidia.supported,
            Some(true),
            "{s}"
        );
    }
    // PyTorch 2.11's cu128 wheels dropped Volta: on a V100 only cu126 runs.
    let runs: Vec<(String, Option<bool>)> = VmSeries::NCv3
        .framework_builds(Framework::PyTorch, "2.11".parse().unwrap())
        .unwrap()
        .map(|b| (b.cuda.to_string(), b.runs))
        .collect();
    assert_eq!(
        runs,
        [
            ("12.6".into(), Some(true)),
            ("12.8".into(), Some(false)),
            ("13.0".into(), Some(false))
        ]
    );
    // The newest PyTorch build for a V100: 2.14's cu126; for an H200: 2.14's cu132.
    let v100 = VmSeries::NCv3
        .newest_framework_build(Framework::PyTorch)
        .unwrap();
    assert_eq!(
        (v100.version.to_string(), v100.cuda.to_string()),
        ("2.14".into(), "12.6".into())
    );
    let h200 = VmSeries::ND_H200_v5
        .newest_framework_build(Framework::PyTorch)
        .unwrap();
    assert_eq!(
        (h200.version.to_string(), h200.cuda.to_string()),
        ("2.14".into(), "13.2".into())
    );
}
