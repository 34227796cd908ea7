//! `aml data diff` and `vm::drift` on a recorded-shaped listing with known differences: a size
//! new to the data, a memory figure changed, two sizes of the recorded eastus listing left out,
//! and the recorded listing's own differences with the size pages (whole GPUs for a fraction of
//! an A10, HB120rs_v3's and ND96amsr_A100_v4's memory).
#![cfg(feature = "json")]

use aml_targets::Catalog;
use aml_targets::vm::drift;

const LISTING: &str = include_str!("fixtures/data-diff/list-sizes-eastus.json");

#[test]
fn every_difference_is_named() {
    let listing = Catalog::from_json(LISTING, "list-sizes-eastus.json").unwrap();
    let d = drift(&listing, Some("East US"));
    let new: Vec<&str> = d.new.iter().map(|s| &*s.name).collect();
    assert_eq!(new, ["Standard_D4als_v9"]);
    let differing: Vec<(String, Vec<String>)> = d
        .differing
        .iter()
        .map(|x| {
            (
                x.listing.name.to_string(),
                x.fields.iter().map(ToString::to_string).collect(),
            )
        })
        .collect();
    let want = [
        (
            "Standard_DS3_v2",
            "memory 14 GiB (data) vs 16 GiB (listing)",
        ),
        (
            "Standard_HB120rs_v3",
            "memory 448 GiB (data) vs 456 GiB (listing)",
        ),
        (
            "Standard_ND96amsr_A100_v4",
            "memory 1900 GiB (data) vs 1800 GiB (listing)",
        ),
        ("Standard_NV12ads_A10_v5", "GPUs 1/3 (data) vs 1 (listing)"),
        ("Standard_NV18ads_A10_v5", "GPUs 1/2 (data) vs 1 (listing)"),
        ("Standard_NV6ads_A10_v5", "GPUs 1/6 (data) vs 1 (listing)"),
    ];
    assert_eq!(differing.len(), want.len(), "{differing:#?}");
    for ((size, fields), (want_size, want_field)) in differing.iter().zip(want) {
        assert_eq!(
            (size.as_str(), fields.as_slice()),
            (want_size, [want_field.to_owned()].as_slice())
        );
    }
    assert_eq!(
        d.missing.as_deref(),
        Some(["Standard_A1_v2", "Standard_NC6s_v3"].as_slice())
    );
    assert!(!d.is_empty());
    // Another region: what the listing lacks is not judged.
    assert!(drift(&listing, Some("westeurope")).missing.is_none());
}

#[test]
fn a_listing_that_agrees_with_the_data_is_empty() {
    let listing = Catalog::from_json(
        r#"[{"name": "Standard_DS3_v2", "family": "standardDSv2Family", "vCPUs": 4, "gpus": 0, "memoryGB": 14.0}]"#,
        "one.json",
    )
    .unwrap();
    assert!(drift(&listing, None).is_empty());
}

#[cfg(feature = "cli")]
#[test]
fn the_command_says_each_difference_and_exits_1() {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/data-diff/list-sizes-eastus.json"
    );
    let run = |extra: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_aml"))
            .args(["data", "diff", "--catalog", fixture])
            .args(extra)
            .output()
            .unwrap()
    };
    let out = run(&["--region", "eastus"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("Data as of 2026-11-27; listing "),
        "{text}"
    );
    for line in [
        "New to the data (1):",
        "  Standard_D4als_v9: 4 vCPUs, 8 GiB, 0 GPU(s), family standardDalsv9Family",
        "Figures that differ (6):",
        "  Standard_DS3_v2: memory 14 GiB (data) vs 16 GiB (listing)",
        "In the data's listing of the region (2025-11-04), not in this one (2):",
        "  Standard_NC6s_v3",
        "The listing and the data disagree.",
    ] {
        assert!(text.lines().any(|l| l == line), "{line:?} in\n{text}");
    }
    let out = run(&["--json"]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["data_as_of"], "2026-11-27");
    assert_eq!(v["new"][0]["size"], "Standard_D4als_v9");
    assert_eq!(v["differing"][0]["fields"][0]["listing"], "16 GiB");
    assert_eq!(v["missing"], serde_json::Value::Null);
    assert_eq!(v["agree"], false);
}
