//! Every name type: exhaustive `Display`/`FromStr` round-trips, case-insensitivity, exact
//! error strings, serde, and parsers that never panic.

use std::fmt::{Debug, Display};
use std::str::FromStr;

use aml_targets::targets::{Support, TrainingFeature};
use aml_targets::vm::{RetirementAuthority, SupportedBy, VmCategory};
use aml_targets::{
    ApiView, ComputeKind, CudaVersion, Date, DocEdition, Framework, GpuArchitecture,
    InferenceTarget, ParseNameError, TrainingTarget, VmSeries,
};
use proptest::prelude::*;

#[track_caller]
fn round_trip_all<T>(all: &[T], names: &[&str])
where
    T: FromStr<Err = ParseNameError> + Display + Debug + PartialEq + Copy,
{
    assert_eq!(all.len(), names.len());
    for (value, name) in all.iter().zip(names) {
        let shown = value.to_string();
        assert_eq!(&shown, name);
        assert_eq!(shown.parse::<T>().unwrap(), *value, "{shown}");
        assert_eq!(
            shown.to_ascii_uppercase().parse::<T>().unwrap(),
            *value,
            "{shown}"
        );
        assert_eq!(
            shown.to_ascii_lowercase().parse::<T>().unwrap(),
            *value,
            "{shown}"
        );
    }
    // Canonical names are distinct, ignoring case.
    for (i, a) in names.iter().enumerate() {
        for b in &names[i + 1..] {
            assert!(!a.eq_ignore_ascii_case(b), "{a} and {b} collide");
        }
    }
}

#[cfg(feature = "serde")]
#[track_caller]
fn serde_all<T>(all: &[T])
where
    T: serde::Serialize + serde::de::DeserializeOwned + Display + Debug + PartialEq,
{
    for value in all {
        let json = serde_json::to_string(value).unwrap();
        assert_eq!(json, format!("\"{value}\""));
        assert_eq!(&serde_json::from_str::<T>(&json).unwrap(), value);
    }
    let err = serde_json::from_str::<T>("\"no such name\"")
        .unwrap_err()
        .to_string();
    assert!(err.contains("no such name"), "{err}");
    assert!(serde_json::from_str::<T>("42").is_err());
}

macro_rules! each_name_type {
    ($check:ident) => {
        $check!(DocEdition);
        $check!(ApiView);
        $check!(TrainingTarget);
        $check!(TrainingFeature);
        $check!(Support);
        $check!(InferenceTarget);
        $check!(ComputeKind);
        $check!(VmSeries);
        $check!(VmCategory);
        $check!(SupportedBy);
        $check!(GpuArchitecture);
        $check!(RetirementAuthority);
        $check!(Framework);
    };
}

#[test]
fn every_variant_round_trips() {
    macro_rules! check {
        ($t:ident) => {
            round_trip_all($t::ALL, $t::NAMES);
            for v in $t::ALL {
                assert_eq!($t::parse(v.as_str()).unwrap(), *v);
            }
        };
    }
    each_name_type!(check);
}

#[cfg(feature = "serde")]
#[test]
fn every_variant_serde_round_trips() {
    macro_rules! check {
        ($t:ident) => {
            serde_all($t::ALL);
        };
    }
    each_name_type!(check);
    serde_all(&[Date::MIN, Date::MAX, "2025-09-30".parse::<Date>().unwrap()]);
    serde_all(&[CudaVersion::new(9, 0), CudaVersion::new(12, 4)]);
}

#[test]
fn exact_error_strings() {
    #[track_caller]
    fn err<T: FromStr<Err = ParseNameError>>(input: &str) -> String {
        match input.parse::<T>() {
            Ok(_) => panic!("{input:?} parsed"),
            Err(e) => e.to_string(),
        }
    }
    assert_eq!(
        err::<TrainingTarget>("kubernets"),
        "unknown training target \"kubernets\"; expected one of: local-computer, \
         compute-cluster, serverless-compute, compute-instance, kubernetes, remote-vm, \
         spark-pool, databricks, data-lake-analytics, hdinsight, batch"
    );
    assert_eq!(
        err::<TrainingFeature>(""),
        "unknown training feature \"\"; expected one of: automated-ml, ml-pipelines, designer"
    );
    assert_eq!(
        err::<Support>("maybe"),
        "unknown support level \"maybe\"; expected one of: no, sdk-local-mode-only, \
         through-sdk, yes"
    );
    assert_eq!(
        err::<InferenceTarget>("lambda"),
        "unknown inference target \"lambda\"; expected one of: endpoints, kubernetes, \
         local-web-service, container-instances"
    );
    assert_eq!(
        err::<ComputeKind>("fargate"),
        "unknown compute kind \"fargate\"; expected one of: compute-cluster, \
         serverless-compute, compute-instance, kubernetes, remote-vm, hdinsight, databricks, \
         data-lake-analytics, aks, synapse-spark"
    );
    assert_eq!(
        err::<DocEdition>("2023"),
        "unknown page edition \"2023\"; expected one of: 2024-01, 2025-11, 2026-03"
    );
    assert_eq!(
        err::<ApiView>("v3"),
        "unknown SDK/CLI view \"v3\"; expected one of: v1, v2"
    );
    assert_eq!(
        err::<VmSeries>("NCv9"),
        "unknown VM series \"NCv9\"; expected one of 111 names, the closest: NCv2, NCv3, NC, \
         NDv2, NV"
    );
    assert_eq!(
        err::<VmCategory>("cheap"),
        "unknown VM category \"cheap\"; expected one of: general-purpose, compute-optimized, \
         memory-optimized, storage-optimized, gpu, high-performance-compute"
    );
    assert_eq!(
        err::<SupportedBy>("instances"),
        "unknown supported-by value \"instances\"; expected one of: \
         clusters-and-instances, clusters-only, instances-only"
    );
    assert_eq!(
        err::<GpuArchitecture>("Rubin"),
        "unknown GPU architecture \"Rubin\"; expected one of: Tesla, Fermi, Kepler, Maxwell, \
         Pascal, Volta, Turing, Ampere, Ada, Hopper, Blackwell"
    );
    assert_eq!(
        err::<RetirementAuthority>("rumour"),
        "unknown retirement authority \"rumour\"; expected one of: azure-ml-page, azure-vm-docs"
    );
    // Inputs are quoted with escapes, and long ones are cut.
    assert!(err::<ApiView>("v1\n").starts_with("unknown SDK/CLI view \"v1\\n\";"));
    assert!(err::<ApiView>(" v1").starts_with("unknown SDK/CLI view \" v1\";"));
    let long = "x".repeat(10_000);
    assert!(err::<ApiView>(&long).starts_with(&format!(
        "unknown SDK/CLI view \"{}\"… (9936 more characters);",
        "x".repeat(64)
    )));
    let e = "NCv9".parse::<VmSeries>().unwrap_err();
    assert_eq!(
        (e.what(), e.input(), e.expected()),
        ("VM series", "NCv9", VmSeries::NAMES)
    );
}

#[test]
fn aliases() {
    let cases: &[(&str, TrainingTarget)] = &[
        ("Local computer", TrainingTarget::LocalComputer),
        ("amlcompute", TrainingTarget::ComputeCluster),
        ("serverless", TrainingTarget::ServerlessCompute),
        ("COMPUTEINSTANCE", TrainingTarget::ComputeInstance),
        ("Remote VM", TrainingTarget::RemoteVm),
        ("Apache Spark pools (preview)", TrainingTarget::SparkPool),
        ("synapsespark", TrainingTarget::SparkPool),
        ("Azure Databricks", TrainingTarget::Databricks),
        (
            "Azure Data Lake Analytics",
            TrainingTarget::DataLakeAnalytics,
        ),
        ("Azure HDInsight", TrainingTarget::HdInsight),
        ("Azure Batch", TrainingTarget::Batch),
    ];
    for (s, t) in cases {
        assert_eq!(s.parse::<TrainingTarget>().unwrap(), *t, "{s}");
    }
    for t in TrainingTarget::ALL {
        assert_eq!(t.page_name().parse::<TrainingTarget>().unwrap(), *t);
    }
    for t in InferenceTarget::ALL {
        assert_eq!(t.page_name().parse::<InferenceTarget>().unwrap(), *t);
    }
    for f in TrainingFeature::ALL {
        if *f != TrainingFeature::AutomatedMl {
            assert_eq!(f.page_name().parse::<TrainingFeature>().unwrap(), *f);
        }
    }
    assert_eq!(
        "automl".parse::<TrainingFeature>().unwrap(),
        TrainingFeature::AutomatedMl
    );
    assert_eq!(
        "ACI".parse::<InferenceTarget>().unwrap(),
        InferenceTarget::ContainerInstances
    );
    assert_eq!(
        "AKS".parse::<InferenceTarget>().unwrap(),
        InferenceTarget::Kubernetes
    );
    assert_eq!(
        "managed-online-endpoint"
            .parse::<InferenceTarget>()
            .unwrap(),
        InferenceTarget::Endpoints
    );
    assert_eq!(
        "aks".parse::<ComputeKind>().unwrap(),
        ComputeKind::AzureKubernetesService
    );
    assert_eq!(
        "virtualmachine".parse::<ComputeKind>().unwrap(),
        ComputeKind::RemoteVm
    );
    assert_eq!(
        "jan2024".parse::<DocEdition>().unwrap(),
        DocEdition::Jan2024
    );
    assert_eq!(
        "NOV-2025".parse::<DocEdition>().unwrap(),
        DocEdition::Nov2025
    );
    assert_eq!("cli-v2".parse::<ApiView>().unwrap(), ApiView::V2);
    assert_eq!("GPU".parse::<VmCategory>().unwrap(), VmCategory::Gpu);
    assert_eq!(
        "hpc".parse::<VmCategory>().unwrap(),
        VmCategory::HighPerformanceCompute
    );
}

#[test]
fn date_errors_and_round_trips() {
    let cases = [
        ("", "invalid date \"\": expected YYYY-MM-DD"),
        (
            "2025-9-30",
            "invalid date \"2025-9-30\": expected YYYY-MM-DD",
        ),
        (
            "2025/09/30",
            "invalid date \"2025/09/30\": expected YYYY-MM-DD",
        ),
        (
            "+025-09-30",
            "invalid date \"+025-09-30\": expected YYYY-MM-DD",
        ),
        (
            "2025-09-3x",
            "invalid date \"2025-09-3x\": expected YYYY-MM-DD",
        ),
        (
            "2025-09-30 ",
            "invalid date \"2025-09-30 \": expected YYYY-MM-DD",
        ),
        (
            "0000-01-01",
            "invalid date \"0000-01-01\": year must be between 1 and 9999",
        ),
        (
            "2025-13-01",
            "invalid date \"2025-13-01\": month 13 is not between 1 and 12",
        ),
        (
            "2025-00-01",
            "invalid date \"2025-00-01\": month 0 is not between 1 and 12",
        ),
        (
            "2025-02-30",
            "invalid date \"2025-02-30\": day 30 does not exist, that month has 28 days",
        ),
        (
            "2025-02-29",
            "invalid date \"2025-02-29\": day 29 does not exist, that month has 28 days",
        ),
        (
            "1900-02-29",
            "invalid date \"1900-02-29\": day 29 does not exist, that month has 28 days",
        ),
        (
            "2025-04-31",
            "invalid date \"2025-04-31\": day 31 does not exist, that month has 30 days",
        ),
        (
            "2025-04-00",
            "invalid date \"2025-04-00\": day 0 does not exist, that month has 30 days",
        ),
        (
            "2025-٠٩-30",
            "invalid date \"2025-٠٩-30\": expected YYYY-MM-DD",
        ),
    ];
    for (input, message) in cases {
        assert_eq!(
            input.parse::<Date>().unwrap_err().to_string(),
            message,
            "{input}"
        );
    }
    for ok in [
        "2024-02-29",
        "2000-02-29",
        "0001-01-01",
        "9999-12-31",
        "2026-11-26",
    ] {
        assert_eq!(ok.parse::<Date>().unwrap().to_string(), ok);
    }
    assert_eq!(
        Date::new(2025, 2, 30).unwrap_err().to_string(),
        "invalid date \"2025-02-30\": day 30 does not exist, that month has 28 days"
    );
    assert_eq!(
        Date::new(0, 1, 1).unwrap_err().to_string(),
        "invalid date \"0000-01-01\": year must be between 1 and 9999"
    );
    assert_eq!(
        Date::new(10_000, 1, 1).unwrap_err().to_string(),
        "invalid date \"10000-01-01\": year must be between 1 and 9999"
    );
}

#[test]
fn cuda_version_errors_and_round_trips() {
    let cases = [
        ("", "invalid CUDA version \"\": empty version"),
        (
            ".1",
            "invalid CUDA version \".1\": missing major version before '.'",
        ),
        (
            "12.",
            "invalid CUDA version \"12.\": missing minor version after '.'",
        ),
        (
            "12.4.1.7",
            "invalid CUDA version \"12.4.1.7\": more than three numbers",
        ),
        (
            "v12",
            "invalid CUDA version \"v12\": expected digits separated by '.'",
        ),
        (
            "012.1",
            "invalid CUDA version \"012.1\": leading zero in a number",
        ),
        ("300.0", "invalid CUDA version \"300.0\": number too large"),
    ];
    for (input, message) in cases {
        assert_eq!(
            input.parse::<CudaVersion>().unwrap_err().to_string(),
            message,
            "{input}"
        );
    }
    for (s, shown) in [
        ("12", "12.0"),
        ("9.0", "9.0"),
        ("12.10", "12.10"),
        ("0.0", "0.0"),
    ] {
        let v: CudaVersion = s.parse().unwrap();
        assert_eq!(v.to_string(), shown);
        assert_eq!(shown.parse::<CudaVersion>().unwrap(), v);
    }
    assert!(CudaVersion::new(12, 10) > CudaVersion::new(12, 9));
}

fn flip_case(s: &str, mask: &[bool]) -> String {
    s.chars()
        .zip(mask.iter().cycle())
        .map(|(c, flip)| {
            if *flip {
                if c.is_ascii_lowercase() {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            } else {
                c
            }
        })
        .collect()
}

proptest! {
    #[test]
    fn parsers_never_panic(s in "\\PC*") {
        macro_rules! check {
            ($t:ident) => {
                if let Err(e) = s.parse::<$t>() {
                    prop_assert_eq!(e.input(), s.as_str());
                    let _ = e.to_string();
                }
            };
        }
        each_name_type!(check);
        let _ = s.parse::<Date>().map_err(|e| e.to_string());
        let _ = s.parse::<CudaVersion>().map_err(|e| e.to_string());
    }

    #[test]
    fn parsers_never_panic_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
        let s = String::from_utf8_lossy(&bytes);
        let _ = s.parse::<VmSeries>();
        let _ = s.parse::<Date>();
        let _ = s.parse::<CudaVersion>();
    }

    #[test]
    fn case_flipped_names_parse(i in 0usize..VmSeries::ALL.len(), mask in proptest::collection::vec(any::<bool>(), 1..16)) {
        let series = VmSeries::ALL[i];
        prop_assert_eq!(flip_case(series.as_str(), &mask).parse::<VmSeries>().unwrap(), series);
        let t = TrainingTarget::ALL[i % TrainingTarget::ALL.len()];
        prop_assert_eq!(flip_case(t.page_name(), &mask).parse::<TrainingTarget>().unwrap(), t);
    }

    #[test]
    fn dates_round_trip(days in Date::MIN.to_unix_days()..=Date::MAX.to_unix_days()) {
        let d = Date::from_unix_days(days).unwrap();
        prop_assert_eq!(d.to_unix_days(), days);
        prop_assert_eq!(d.to_string().parse::<Date>().unwrap(), d);
        prop_assert_eq!(Date::new(d.year(), d.month(), d.day()).unwrap(), d);
    }

    #[test]
    fn date_order_is_day_order(a in -719_162i64..2_932_896, b in -719_162i64..2_932_896) {
        let (da, db) = (Date::from_unix_days(a).unwrap(), Date::from_unix_days(b).unwrap());
        prop_assert_eq!(da.cmp(&db), a.cmp(&b));
        prop_assert_eq!(da.days_until(db), b - a);
    }

    #[test]
    fn cuda_versions_round_trip(major: u8, minor: u8) {
        let v = CudaVersion::new(major, minor);
        prop_assert_eq!(v.to_string().parse::<CudaVersion>().unwrap(), v);
    }
}
