//! `aml check` on the fixture trees and the bundled examples, in every format, compared byte
//! for byte with `tests/golden/`: a change of what users see must be a change of these files.
//! `AML_BLESS=1 cargo test --all-features --test golden` rewrites them.

#![cfg(all(feature = "json", feature = "toml", feature = "yaml"))]

use std::path::Path;
use std::process::Command;

/// Each case: the golden file's stem, its date, and the `aml check` arguments.
const CASES: &[(&str, &str, &[&str])] = &[
    (
        "fx-examples-repo",
        "2026-11-27",
        &["tests/fixtures/examples-repo"],
    ),
    (
        "fx-reach",
        "2026-11-27",
        &[
            "tests/fixtures/reach-repo",
            "--computes",
            "tests/fixtures/reach-computes.json",
        ],
    ),
    (
        "fx-quota",
        "2026-11-27",
        &[
            "tests/fixtures/quota/repo",
            "--usage",
            "tests/fixtures/quota/usage-rest.json",
        ],
    ),
    ("ex-azureml", "2026-11-26", &["examples/azureml"]),
    ("ex-plan", "2026-11-26", &["examples/plan.toml"]),
];

fn check(args: &[&str], on: &str, extra: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_aml"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("check")
        .args(args)
        .args(["--on", on])
        .args(extra)
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{args:?}: {out:?}"
    );
    // SARIF says where the root is: the checkout's path, which differs from machine to machine.
    String::from_utf8(out.stdout).unwrap().replace(
        concat!("file://", env!("CARGO_MANIFEST_DIR")),
        "file://$ROOT",
    )
}

#[test]
fn check_output_is_the_golden_output() {
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let bless = std::env::var_os("AML_BLESS").is_some();
    let mut differ = Vec::new();
    for (stem, on, args) in CASES {
        let mut formats = vec![
            ("human", vec!["--format", "human"]),
            ("json", vec!["--format", "json"]),
            ("github", vec!["--format", "github"]),
            ("cargo", vec!["--format", "cargo"]),
        ];
        if *stem == "fx-reach" {
            formats.push(("sarif", vec!["--format", "sarif"]));
        }
        if *stem == "fx-examples-repo" {
            formats.push(("verbose", vec!["--verbose"]));
        }
        for (ext, extra) in formats {
            let path = golden.join(format!("{stem}.{ext}"));
            let got = check(args, on, &extra);
            if bless {
                std::fs::write(&path, &got).unwrap();
            } else if std::fs::read_to_string(&path).unwrap_or_default() != got {
                differ.push(path.display().to_string());
            }
        }
    }
    assert!(
        differ.is_empty(),
        "output differs from the golden files (AML_BLESS=1 rewrites them after a deliberate change):\n{}",
        differ.join("\n")
    );
}
