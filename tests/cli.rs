//! The `aml` command, run as users run it: key output lines, exit codes, and JSON parsed
//! back against the documented keys.
#![cfg(feature = "cli")]

use std::path::PathBuf;
use std::process::Command;

use serde_json::{Value, json};

/// The `aml` binary `cargo test` built for this test (feature `cli`).
fn aml() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_aml"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1");
    cmd
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = aml().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn json(args: &[&str]) -> Value {
    let (code, stdout, stderr) = run(args);
    assert!(code == 0 || code == 1, "{stderr}");
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"))
}

const ON: [&str; 2] = ["--on", "2026-11-26"];

#[test]
fn check_the_bundled_plan() {
    let (code, out, _) = run(&["check", "examples/plan.toml", ON[0], ON[1]]);
    assert_eq!(code, 1, "errors exit with 1");
    for line in [
        "error[retired-series]: Standard_NC6 is a NC size; NC is retired since 2023-08-31",
        "error[size-not-for-compute]: FX (Standard_FX4mds) is supported by clusters-only, not by a compute-instance",
        "error[cluster-setting-on-instance]: `idle_time_before_scale_down` is a compute-cluster setting",
        "error[cuda-nvidia]: CUDA 12.1 (AzureML-ACPT-pytorch-2.1-py310-cuda12.1-gpu) does not run on NC",
        "error[feature-not-supported]: job \"automl-forecast\": Kubernetes does not support Automated machine learning",
        "error[dev-test-only-target]: deployment \"fraud-scorer\"",
        "error[aci-limits]: deployment \"fraud-scorer\": the model (2.5 GB) is not under Azure Container Instances's 1 GB limit",
        "warning[model-ram-headroom]: Standard_DS2_v2 has 7 GiB",
        // TOML plans carry the line and column of the offending key.
        "  --> examples/plan.toml:18:1: compute[1].size",
        "  --> examples/plan.toml:24:1: compute[2].size",
        "1 file(s) read, 0 skipped, on 2026-11-26: 8 error(s), 1 warning(s), 0 note(s)",
    ] {
        assert!(out.contains(line), "missing {line:?} in\n{out}");
    }
    assert!(!out.contains("\x1b["), "no colour when not on a terminal");

    let v = json(&[
        "check",
        "examples/plan.toml",
        "--format",
        "json",
        ON[0],
        ON[1],
    ]);
    assert_eq!(v["errors"], 8);
    assert_eq!(v["warnings"], 1);
    let first = &v["diagnostics"][0];
    for key in ["code", "severity", "message", "help", "location"] {
        assert!(first.get(key).is_some(), "{key}");
    }
    assert_eq!(first["code"], "retired-series");
    assert_eq!(first["location"], "compute[1].size");
    assert_eq!((&first["line"], &first["column"]), (&json!(18), &json!(1)));

    let (_, gh, _) = run(&[
        "check",
        "examples/plan.toml",
        "--format",
        "github",
        ON[0],
        ON[1],
    ]);
    let first = gh.lines().next().unwrap();
    assert!(
        first.starts_with(
            "::error file=examples/plan.toml,line=18,col=1,title=retired-series::Standard_NC6 is a NC size"
        ),
        "{first}"
    );
    assert!(first.contains(" (at compute[1].size) — "), "{first}");
    assert!(
        gh.lines()
            .any(|l| l.starts_with("::warning file=examples/plan.toml,line=")
                && l.contains(",title=model-ram-headroom::"))
    );
    let (_, cargo, _) = run(&[
        "check",
        "examples/plan.toml",
        "--format",
        "cargo",
        ON[0],
        ON[1],
    ]);
    assert!(
        cargo
            .lines()
            .all(|l| l.starts_with("cargo:warning=examples/plan.toml:"))
    );
    assert_eq!(cargo.lines().count(), 9);
}

#[test]
fn check_a_clean_plan_and_bad_input() {
    let dir = std::env::temp_dir().join(format!("aml-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.json");
    std::fs::write(
        &good,
        r#"{"compute": [{"name": "c", "kind": "compute-cluster", "size": "Standard_DS3_v2"}]}"#,
    )
    .unwrap();
    let (code, out, _) = run(&["check", good.to_str().unwrap(), ON[0], ON[1]]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("0 error(s), 0 warning(s)"));
    let bad = dir.join("bad.toml");
    std::fs::write(
        &bad,
        "[[jobs]]\nname = \"a\"\ntarget = \"x\"\n[[jobs]]\nname = \"b\"\ntraget = \"y\"\n",
    )
    .unwrap();
    let (code, _, err) = run(&["check", bad.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains(
            "bad.toml: not a valid plan: jobs[1].traget: TOML parse error at line 6, column 1"
        ),
        "{err}"
    );
    assert!(
        err.contains("unknown field `traget`, expected one of `name`, `target`"),
        "{err}"
    );
    assert!(!err.contains("usage:"), "no usage text for a bad file");
    let (code, _, err) = run(&["check", "no/such/file.toml"]);
    assert_eq!(code, 2);
    assert!(err.contains("no/such/file.toml"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn json_contracts() {
    let size = json(&["size", "Standard_NC24rs_v3", "--json", ON[0], ON[1]]);
    for key in [
        "name",
        "series",
        "category",
        "vcpus",
        "memory_gib",
        "gpus",
        "gpu_model",
        "architecture",
        "isolated",
        "rdma",
        "supported_by",
        "retirement",
    ] {
        assert!(size.get(key).is_some(), "size.{key}");
    }
    assert_eq!(size["series"], "NCv3");
    assert_eq!(size["isolated"], true);
    assert_eq!(size["retirement"]["status"], "retired");
    assert_eq!(size["retirement"]["date"], "2025-09-30");
    assert!(
        size["retirement"]["source"]
            .as_str()
            .unwrap()
            .contains("concept-compute-target.md")
    );

    // Every source's date, and the nearest current sizes of the migration guide's series.
    let sources = size["retirement"]["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 2);
    assert_eq!(sources[1]["authority"], "azure-vm-docs");
    let replacements: Vec<&str> = size["replacements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    // NC24rs_v3 (24 vCPUs, 448 GiB, 4 V100): the nearest T4, H100 and A10 sizes, then the
    // nearest GPU sizes with at least its GPUs, GPU memory, vCPUs and memory.
    assert_eq!(
        replacements,
        [
            "Standard_NC64as_T4_v3",
            "Standard_NC80adis_H100_v5",
            "Standard_NV72ads_A10_v5",
            "Standard_NC96ads_A100_v4",
            "Standard_ND40rs_v2"
        ]
    );
    assert_eq!(size["replacement_series"][0], "NCads_H100_v5");
    assert_eq!(size["listed_on_page"], true);
    // A current size: nothing to replace.
    let current = json(&["size", "Standard_D8ds_v5", "--json", ON[0], ON[1]]);
    assert_eq!(current["series"], "Ddsv5");
    assert_eq!(current["listed_on_page"], false);
    assert_eq!(current["supported_by"], "clusters-and-instances");
    assert_eq!(current["replacements"].as_array().unwrap().len(), 0);
    assert_eq!(current["retirement"]["status"], "active");

    // `aml data --json`: every table with rows, as-of date and source.
    let data = json(&["data", "--json"]);
    let tables = data["tables"].as_array().unwrap();
    assert_eq!(tables.len(), aml_targets::data::data_tables().len());
    for (t, lib) in tables.iter().zip(aml_targets::data::data_tables()) {
        assert_eq!(t["name"], lib.name);
        assert_eq!(t["rows"], lib.rows);
        assert_eq!(t["as_of"], lib.as_of.to_string());
        assert_eq!(t["source"], lib.source);
    }
    assert_eq!(data["data_as_of"], aml_targets::DATA_AS_OF.to_string());

    let cuda = json(&["cuda", "NC", "12.1", "--json"]);
    assert_eq!(cuda["series"], "NC");
    assert_eq!(cuda["cuda"], "12.1");
    assert_eq!(cuda["page"]["supported"], true);
    assert_eq!(cuda["nvidia"]["supported"], false);
    assert_eq!(
        cuda["nvidia"]["reason"],
        "above the maximum: CUDA 6.0 to 11.8"
    );

    // `train --json` lists every target, with `fits` and `reasons`, as `deploy --json` does.
    let train = json(&["train", "--automl", "--managed", "--json", ON[0], ON[1]]);
    let targets = train["targets"].as_array().unwrap();
    assert_eq!(targets.len(), 10, "the v2 training table");
    for key in [
        "target",
        "automated_ml",
        "ml_pipelines",
        "designer",
        "managed",
        "fits",
        "reasons",
    ] {
        assert!(targets[0].get(key).is_some(), "train.{key}");
    }
    let fitting: Vec<&Value> = targets.iter().filter(|t| t["fits"] == true).collect();
    assert_eq!(fitting.len(), 3);
    assert_eq!(fitting[2]["target"], "compute-instance");
    assert_eq!(fitting[2]["automated_ml"], "through-sdk");
    let k8s = targets
        .iter()
        .find(|t| t["target"] == "kubernetes")
        .unwrap();
    assert_eq!(k8s["fits"], false);
    assert_eq!(
        k8s["reasons"],
        json!(["automated ML is not supported", "not managed by Azure ML"])
    );
    let adla = targets
        .iter()
        .find(|t| t["target"] == "data-lake-analytics")
        .unwrap();
    assert!(
        adla["reasons"]
            .as_array()
            .unwrap()
            .contains(&json!("the service is retired"))
    );

    let deploy = json(&["deploy", "--realtime", "--model-gb", "2", "--json"]);
    let aci = deploy["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["target"] == "container-instances")
        .unwrap();
    for key in [
        "target",
        "realtime",
        "batch",
        "gpu",
        "dev_test_only",
        "fits",
        "reasons",
    ] {
        assert!(aci.get(key).is_some(), "deploy.{key}");
    }
    assert_eq!(aci["fits"], false);
    assert_eq!(aci["reasons"][0], "the model is too large");

    let rec = json(&[
        "recommend",
        "--gpu",
        "--cuda",
        "12.4",
        "--instance",
        "--json",
        ON[0],
        ON[1],
    ]);
    assert_eq!(rec["best"], "Standard_NC4as_T4_v3");
    for key in ["size", "vcpus", "memory_gib", "gpus"] {
        assert!(
            rec["candidates"][0].get(key).is_some(),
            "recommend.candidates.{key}"
        );
    }
    let nc6 = rec["rejected"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["size"] == "Standard_NC6")
        .unwrap();
    assert_eq!(nc6["reasons"][0], "retired since 2023-08-31");
}

#[test]
fn overview_and_bad_arguments() {
    // A retired service: the overview marks it, `train` says why it does not fit.
    let (_, out, _) = run(&["--on", "2026-11-27"]);
    assert!(out.contains("(service retired since 2024-02-29)"), "{out}");
    let (_, out, _) = run(&["train", "--pipelines", "--on", "2026-11-27"]);
    assert!(
        out.contains("Azure Data Lake Analytics: the service is retired"),
        "{out}"
    );
    let (_, out, _) = run(&["data"]);
    assert!(
        out.contains("retirements") && out.contains("as of"),
        "{out}"
    );
    let (code, out, _) = run(&["--on", "2025-10-01"]);
    assert_eq!(code, 0);
    assert!(out.contains("Training targets (page edition 2026-03, SDK/CLI v2)"));
    assert!(out.contains("NCv3            gpu"));
    assert!(out.contains("retired since 2025-09-30"));
    for bad in [
        &["--on", "2025-02-30"][..],
        &["size"],
        &["size", "Standard_NC24rs_v"],
        &["cuda", "NC"],
        &["deploy"],
        &["recommend", "--gpus", "-1"],
        &["recommend", "--concurrency", "0"],
        &["frobnicate"],
        &["--bogus"],
        &["check"],
        &["check", "examples/plan.toml", "--format", "xml"],
    ] {
        let (code, out, err) = run(bad);
        assert_eq!(code, 2, "{bad:?}: {err}");
        assert!(out.is_empty(), "{bad:?}: {out}");
        // The error, then at most the command's usage line and a pointer to --help: never
        // the whole help.
        assert!(err.starts_with("error: "), "{bad:?}: {err}");
        assert!(err.lines().count() <= 7, "{bad:?}: {err}");
        assert!(!err.contains("Commands:"), "{bad:?}: {err}");
    }
    let (_, err_out, err) = run(&["size", "Standard_NC24rs_v"]);
    assert!(err_out.is_empty());
    assert!(
        err.starts_with("error: invalid VM size name \"Standard_NC24rs_v\" at byte 17"),
        "{err}"
    );
}

#[cfg(feature = "yaml")]
/// A tree whose check prints more than a pipe holds (64 KiB), so writing to a closed pipe
/// must fail in the command, not in a buffer.
fn big_tree() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("aml-cli-big-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for i in 0..400 {
        std::fs::write(
            dir.join(format!("c{i}.yml")),
            format!(
                "$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json\nname: c{i}\ntype: amlcompute\nsize: Standard_NC6\n"
            ),
        )
        .unwrap();
    }
    dir
}

#[cfg(feature = "yaml")]
#[test]
fn a_closed_pipe_ends_every_subcommand_quietly() {
    let dir = big_tree();
    let tree = dir.to_str().unwrap();
    let cases: [(&[&str], i32); 8] = [
        (&["check", tree, "--on", "2026-11-26"], 1),
        (
            &["check", tree, "--format", "json", "--on", "2026-11-26"],
            1,
        ),
        (&["overview"], 0),
        (&["size", "Standard_NC6", "--json"], 0),
        (&["cuda", "NC", "12.1"], 0),
        (&["train"], 0),
        (&["deploy", "--realtime"], 0),
        (&["recommend", "--gpu", "--json"], 0),
    ];
    for (args, expected) in cases {
        let mut child = aml()
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Close the reading end before the command writes.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
        assert_eq!(out.status.code(), Some(expected), "{args:?}: {stderr}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(feature = "yaml")]
#[test]
fn check_flags_verbose_deny_and_sarif() {
    let dir = "tests/fixtures/examples-repo";
    // A healthy tree: warnings, no errors, exit 0; notes only with --verbose.
    let (code, out, _) = run(&["check", dir, ON[0], ON[1]]);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("note["), "{out}");
    assert!(out.contains("warning[duplicate-name]"), "{out}");
    assert!(
        out.contains(" 0 error(s), 2 warning(s), 24 note(s)"),
        "{out}"
    );
    let (_, out, _) = run(&["check", dir, "--verbose", ON[0], ON[1]]);
    assert!(out.contains("note[template]"), "{out}");
    // Paths relative to the current directory, without `./`.
    assert!(
        out.contains("  --> tests/fixtures/examples-repo/cli/"),
        "{out}"
    );
    let (_, gh, _) = run(&[
        "check",
        "./tests/fixtures/examples-repo",
        "--format",
        "github",
        ON[0],
        ON[1],
    ]);
    assert!(
        gh.lines()
            .all(|l| l.starts_with("::warning file=tests/fixtures/")),
        "{gh}"
    );
    // --deny warnings makes warnings fail.
    let (code, _, _) = run(&["check", dir, "--deny", "warnings", ON[0], ON[1]]);
    assert_eq!(code, 1);
    let (code, _, err) = run(&["check", dir, "--deny", "notes", ON[0], ON[1]]);
    assert_eq!(code, 2, "{err}");
    // SARIF.
    let sarif = json(&["check", dir, "--format", "sarif", ON[0], ON[1]]);
    assert_eq!(sarif["version"], "2.1.0");
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 2);
    // YAML that is not Azure ML's (a workflow, a conda file) is read for its size names:
    // counted as read, never as skipped.
    let v = json(&["check", dir, "--format", "json", ON[0], ON[1]]);
    assert_eq!(
        (
            v["files_read"].as_u64(),
            v["skipped"].as_array().unwrap().len()
        ),
        (Some(38), 0)
    );
}

#[cfg(unix)]
#[test]
fn arguments_that_are_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let name = std::ffi::OsStr::from_bytes(b"no-such-\xff.yml");
    let out = aml().arg("check").arg(name).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("error: no-such-"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let out = aml().arg("size").arg(name).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn recommend_takes_every_need() {
    // "4 GPUs with 80 GB each": the A100 80 GB size, not 16 GiB T4s.
    let v = json(&[
        "recommend",
        "--gpus",
        "4",
        "--gpu-memory-gib",
        "80",
        "--json",
        "--on",
        "2026-11-27",
    ]);
    assert_eq!(v["best"], "Standard_NC96ads_A100_v4");
    let v = json(&[
        "recommend",
        "--gpus",
        "8",
        "--gpu-model",
        "H200",
        "--rdma",
        "--isolated",
        "--json",
        "--on",
        "2026-11-27",
    ]);
    assert_eq!(v["best"], "Standard_ND96isr_H200_v5");
    let v = json(&[
        "recommend",
        "--framework",
        "pytorch@2.11",
        "--gpu-architecture",
        "volta",
        "--json",
        "--on",
        "2026-11-27",
    ]);
    // PyTorch 2.11 still has a cu126 build for the V100; Volta or newer, smallest first.
    assert_eq!(v["best"], "Standard_NC4as_T4_v3");
    let v = json(&["recommend", "--gpus", "1/6", "--json", "--on", "2026-11-27"]);
    let first = &v["candidates"][0];
    assert!(first["gpus"].as_f64().unwrap() >= 1.0 / 6.0);
    for bad in [
        &["recommend", "--gpus", "-1"][..],
        &["recommend", "--gpus", "1/0"],
        &["recommend", "--framework", "pytorch"],
        &["recommend", "--gpu-architecture", "nope"],
    ] {
        let (code, _, err) = run(bad);
        assert_eq!(code, 2, "{bad:?}: {err}");
    }
}

#[test]
fn check_and_recommend_within_quota() {
    let (code, out, err) = run(&[
        "check",
        "tests/fixtures/quota/repo",
        "--usage",
        "tests/fixtures/quota/usage-rest.json",
        "--on",
        "2026-11-27",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("error[quota-exceeded]: deployment \"scorer/blue\" needs 12 vCPUs of family standardFSv2Family"), "{out}");
    assert!(
        out.contains("--> tests/fixtures/quota/repo/endpoints/blue.yml:6:1: instance_count"),
        "{out}"
    );
    assert!(out.contains("warning[quota-shared]"), "{out}");
    // Plan files too, with the region's listing.
    let v = json(&[
        "check",
        "examples/plan.toml",
        "--usage",
        "tests/fixtures/quota/usage-cli.json",
        "--catalog",
        "tests/fixtures/quota/list-sizes-rest.json",
        "--format",
        "json",
        "--on",
        "2026-11-27",
    ]);
    let codes: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"size-not-in-region"), "{codes:?}");
    // Bad files are usage errors.
    let (code, _, err) = run(&["check", "examples/plan.toml", "--usage", "Cargo.toml"]);
    assert_eq!(code, 2, "{err}");
    // recommend: sizes of a full family say so.
    let v = json(&[
        "recommend",
        "--vcpus",
        "4",
        "--usage",
        "tests/fixtures/quota/usage-rest.json",
        "--json",
        "--on",
        "2026-11-27",
    ]);
    assert!(v["best"].is_string());
}

#[test]
fn version_prints_the_crate_version_and_the_data_date() {
    for flag in ["--version", "-V"] {
        let (code, out, err) = run(&[flag]);
        assert_eq!(code, 0, "{err}");
        assert_eq!(
            out,
            format!(
                "aml {} (data as of {})\n",
                env!("CARGO_PKG_VERSION"),
                aml_targets::DATA_AS_OF
            )
        );
    }
}

#[test]
fn every_command_has_help_with_examples() {
    for command in [
        "overview",
        "size",
        "cuda",
        "train",
        "deploy",
        "recommend",
        "check",
        "data",
        "explain",
    ] {
        let (code, out, err) = run(&[command, "--help"]);
        assert_eq!(code, 0, "{command}: {err}");
        assert!(
            out.contains(&format!("Usage: aml {command}")),
            "{command}: {out}"
        );
        assert!(out.contains("Examples:\n  aml "), "{command}: {out}");
    }
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Commands:") && out.contains("explain"),
        "{out}"
    );
}

#[test]
fn an_option_of_another_command_is_refused() {
    let (code, out, err) = run(&["check", "examples/plan.toml", "--model-ram-gb", "1"]);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty());
    assert_eq!(
        err.lines().next(),
        Some("error: unexpected argument '--model-ram-gb' found"),
        "{err}"
    );
}

#[test]
fn a_misspelt_command_gets_a_suggestion() {
    let (code, _, err) = run(&["chek", "."]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("error: unrecognized subcommand 'chek'"),
        "{err}"
    );
    assert!(
        err.contains("a similar subcommand exists: 'check'"),
        "{err}"
    );
    let (code, _, err) = run(&["check", ".", "--formt", "json"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("a similar argument exists: '--format'"),
        "{err}"
    );
}

#[test]
fn format_takes_an_equals_sign() {
    let (code, out, err) = run(&[
        "check",
        "examples/plan.toml",
        "--format=json",
        "--on=2026-11-26",
    ]);
    assert_eq!(code, 1, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["on"], "2026-11-26");
}

#[test]
fn explain_prints_every_code() {
    for &code in aml_targets::Code::ALL {
        let (status, out, err) = run(&["explain", code.as_str()]);
        assert_eq!(status, 0, "{code}: {err}");
        assert_eq!(out, format!("{}\n", code.rule()), "{code}");
        assert!(out.starts_with(&format!("{code} ({}): ", code.severity())));
    }
    let (status, out, _) = run(&["explain", "--all"]);
    assert_eq!(status, 0);
    assert_eq!(
        out.matches("\nMore: ").count(),
        aml_targets::Code::ALL.len()
    );
    let (status, _, err) = run(&["explain", "retired-serie"]);
    assert_eq!(status, 2);
    assert!(
        err.contains("unknown diagnostic code \"retired-serie\""),
        "{err}"
    );
}

#[cfg(feature = "yaml")]
#[test]
fn odd_files_named_beside_a_tree_never_abort_the_run() {
    let dir = std::env::temp_dir().join(format!("aml-cli-odd-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("compute.yml"),
        "$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json\nname: c\ntype: amlcompute\nsize: Standard_NC6\n",
    )
    .unwrap();
    // JSON with comments (editor settings), an empty file, an array: a repository's files.
    std::fs::write(
        dir.join("settings.json"),
        "// editor settings\n{\"files.trimTrailingWhitespace\": true, /* vm */ \"x\": \"Standard_NC6\"}\n",
    )
    .unwrap();
    std::fs::write(dir.join("empty.json"), "").unwrap();
    std::fs::write(dir.join("list.json"), "[1, 2]").unwrap();
    let d = dir.to_str().unwrap();
    let named: Vec<String> = ["settings.json", "empty.json", "list.json"]
        .iter()
        .map(|f| format!("{d}/{f}"))
        .collect();
    let mut args = vec!["check", d];
    args.extend(named.iter().map(String::as_str));
    args.extend(ON);
    let (code, out, err) = run(&args);
    assert_eq!(code, 1, "{err}");
    assert!(err.is_empty(), "{err}");
    assert!(out.contains("error[retired-series]"), "{out}");
    // A JSON plan with a misspelt top-level key is an error naming it, as in TOML.
    std::fs::write(
        dir.join("plan.json"),
        r#"{"compute": [], "jobz": [{"name": "a", "target": "x"}]}"#,
    )
    .unwrap();
    let plan = format!("{d}/plan.json");
    let (code, out, err) = run(&["check", &plan, d, ON[0], ON[1]]);
    assert_eq!(code, 2, "{out}");
    assert!(
        err.contains("plan.json: not a valid plan: jobz: unknown field `jobz`"),
        "{err}"
    );
    assert!(
        out.contains("error[retired-series]"),
        "the tree is still checked: {out}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
