//! A build script that fails the build on a retired VM size: copy `main` into your
//! `build.rs`, with the sizes your project deploys.
//!
//! ```text
//! cargo run --example retired_sizes_build_check                        # the sizes below
//! cargo run --example retired_sizes_build_check -- Standard_NC6s_v3    # fails: retired
//! AML_TARGETS_DATE=2028-04-01 cargo run --example retired_sizes_build_check -- Standard_D4_v2
//! ```
//!
//! The date is pinned, not today's: cargo caches a build script's result, so a check on
//! today's date stays green on a developer's machine and turns red on a clean CI build the day
//! a series retires. A pinned date (moved on purpose, like a dependency) keeps every build
//! giving the same answer; `AML_TARGETS_DATE` overrides it.

use std::process::ExitCode;

use aml_targets::{Catalog, Date, RetirementState, VmSize};

/// The date the build checks for.
const PINNED: &str = "2026-11-27";

/// The sizes this project deploys (a real build script would read them from its config).
const SIZES: &[&str] = &[
    "Standard_D4ds_v5",
    "Standard_NC24ads_A100_v4",
    "Standard_E16ds_v5",
];

fn main() -> ExitCode {
    println!("cargo:rerun-if-env-changed=AML_TARGETS_DATE");
    let date = std::env::var("AML_TARGETS_DATE").unwrap_or_else(|_| PINNED.to_owned());
    let Ok(on) = date.parse::<Date>() else {
        println!("cargo:error=AML_TARGETS_DATE={date:?} is not a date (YYYY-MM-DD)");
        return ExitCode::FAILURE;
    };
    let given: Vec<String> = std::env::args().skip(1).collect();
    let sizes: Vec<&str> = if given.is_empty() {
        SIZES.to_vec()
    } else {
        given.iter().map(String::as_str).collect()
    };
    let mut retired = 0;
    for name in sizes {
        let size: VmSize = match name.parse() {
            Ok(size) => size,
            Err(e) => {
                println!("cargo:error={e}");
                retired += 1;
                continue;
            }
        };
        let Some(series) = size.series() else {
            println!("cargo:warning={name}: a series this version of aml-targets does not know");
            continue;
        };
        let instead = size
            .spec()
            .map(|spec| Catalog::embedded().replacements(spec, on, 2))
            .unwrap_or_default()
            .iter()
            .map(|s| s.name.to_string())
            .collect::<Vec<_>>()
            .join(" or ");
        match series.retirement_state(on) {
            RetirementState::Retired { since } => {
                println!("cargo:error={name} is retired since {since}; use {instead}");
                retired += 1;
            }
            RetirementState::Retiring { date } => {
                println!("cargo:warning={name} retires on {date}; plan a move to {instead}");
            }
            RetirementState::Active => println!("{name}: current on {on}"),
        }
    }
    if retired > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
