//! The code registry: one entry per code, complete; `docs/codes.md` made from it; every
//! example does what it says (the bad one raises its code, the good one does not); each code
//! is emitted from one file of `src/lint/rules/`.

#![cfg(all(feature = "json", feature = "toml", feature = "yaml"))]

use std::path::Path;

use aml_targets::lint::{check_plan_file, codes_markdown};
use aml_targets::plan::PlanFile;
use aml_targets::project::AzureMlProject;
use aml_targets::quota::{Usage, UsageKind, Usages};
use aml_targets::{Catalog, Code, Date, Report};

const ON: &str = "2026-11-27";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn docs_codes_md_is_the_registry() {
    let on_disk = std::fs::read_to_string(root().join("docs/codes.md")).unwrap();
    assert!(
        on_disk == codes_markdown(),
        "docs/codes.md differs from the registry: run `cargo xtask gen`"
    );
}

#[test]
fn every_entry_is_complete() {
    for &code in Code::ALL {
        let rule = code.rule();
        assert_eq!(rule.code, code);
        for (field, text) in [
            ("summary", rule.summary),
            ("meaning", rule.meaning),
            ("why", rule.why),
            ("fix", rule.fix),
            ("source", rule.source),
        ] {
            assert!(!text.trim().is_empty(), "{code}: empty {field}");
            assert!(
                text.ends_with('.') || text.ends_with(')'),
                "{code}: {field} is not a sentence: {text}"
            );
        }
        assert_ne!(rule.bad.text, rule.good.text, "{code}");
        assert!(rule.bad.text.ends_with('\n') && rule.good.text.ends_with('\n'));
        assert!(rule.url().ends_with(&format!("docs/codes.md#{code}")));
        assert_eq!(code.description(), rule.summary);
        assert_eq!(code.help(), rule.fix);
        assert_eq!(code.severity(), rule.severity);
    }
}

/// A region's size listing (as `az ml compute list-sizes` prints it) of the given entries.
fn listing(entries: &[(&str, u32, f64, bool)]) -> Catalog {
    let rows: Vec<String> = entries
        .iter()
        .map(|(name, vcpus, memory, low_priority)| {
            format!(
                r#"{{"name": "{name}", "family": "standardDSv2Family", "vCPUs": {vcpus}, "gpus": 0, "memoryGB": {memory}, "lowPriorityCapable": {low_priority}, "supportedComputeTypes": ["AmlCompute", "ComputeInstance"]}}"#
            )
        })
        .collect();
    Catalog::from_json(&format!("[{}]", rows.join(",")), "test listing").unwrap()
}

/// The quota rows of a region where `standardDSv2Family` has `free` dedicated vCPUs.
fn usages(free: i64) -> Usages {
    Usages::new(vec![
        Usage::new("standardDSv2Family", UsageKind::FamilyDedicated, 0, free),
        Usage::new("TotalDedicatedCores", UsageKind::TotalDedicated, 0, 1000),
        Usage::new(
            "TotalLowPriorityCores",
            UsageKind::TotalLowPriority,
            0,
            1000,
        ),
    ])
}

/// Checks one example file as `aml check` would, with the region inputs the quota and region
/// codes need.
fn check(code: Code, file: &str, text: &str) -> Report {
    let on: Date = ON.parse().unwrap();
    if Path::new(file)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
    {
        let plan = PlanFile::parse(text, false).unwrap_or_else(|e| panic!("{code}: {e}"));
        let (listing, usages) = match code {
            Code::QuotaExceeded => (None, Some(usages(8))),
            Code::QuotaShared => (None, Some(usages(12))),
            Code::QuotaUnknown => (None, Some(usages(100))),
            Code::SizeNotInRegion => (
                Some(listing(&[("Standard_DS3_v2", 4, 14.0, true)])),
                Some(usages(100)),
            ),
            Code::LowPriorityNotCapable => (
                Some(listing(&[("Standard_DS3_v2", 4, 14.0, false)])),
                Some(usages(100)),
            ),
            _ => (None, None),
        };
        check_plan_file(file, &plan, on, listing.as_ref(), usages.as_ref())
    } else {
        AzureMlProject::from_sources([(file, text)]).check(on)
    }
}

#[test]
fn every_bad_example_raises_its_code_and_every_good_one_does_not() {
    for &code in Code::ALL {
        let rule = code.rule();
        let bad = check(code, rule.bad.file, rule.bad.text);
        assert!(
            bad.with_code(code).next().is_some(),
            "{code}: the bad example does not raise it: {:?}",
            bad.diagnostics
        );
        let good = check(code, rule.good.file, rule.good.text);
        assert!(
            good.with_code(code).next().is_none(),
            "{code}: the good example raises it: {:?}",
            good.diagnostics
        );
    }
}

/// The code of `src/` (comments and doc comments dropped) of each `.rs` file under `dir`.
fn code_of(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            code_of(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            let mut code = String::new();
            for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
                code.push_str(line);
                code.push('\n');
            }
            let rel = path.strip_prefix(root()).unwrap().display().to_string();
            out.push((rel.replace('\\', "/"), code));
        }
    }
}

#[test]
fn each_code_is_emitted_from_one_rules_file() {
    let mut files = Vec::new();
    code_of(&root().join("src"), &mut files);
    // Diagnostics are built only by the rules (and the model's own constructor).
    for (file, code) in &files {
        let allowed = file.starts_with("src/lint/rules/") || file == "src/lint/diagnostic.rs";
        assert!(
            allowed || !code.contains("Diagnostic::new("),
            "{file} builds a diagnostic; build it in src/lint/rules/"
        );
    }
    for &code in Code::ALL {
        let variant = format!("Code::{code:?}");
        let emitting: Vec<&str> = files
            .iter()
            .filter(|(file, text)| file.starts_with("src/lint/rules/") && text.contains(&variant))
            .map(|(file, _)| file.as_str())
            .collect();
        assert_eq!(
            emitting.len(),
            1,
            "{code} is emitted from {emitting:?}: one file of src/lint/rules/ should own it"
        );
    }
}
