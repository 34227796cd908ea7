//! Adoption: configuration files and their precedence, severities on the command line,
//! `--exit-zero` and `-o`, inline suppression in every file kind, discovery like ruff's
//! (`.gitignore`, hidden folders, default excludes, globs), the Azure Pipelines format, the
//! job summary, snippets and colour.
#![cfg(feature = "cli")]

use std::path::{Path, PathBuf};
use std::process::Command;

const ON: &str = "2026-12-07";
/// A compute cluster on a retired size, named `{{NAME}}` (each file fills in its own name:
/// two computes of one name are another finding).
const COMPUTE: &str = "$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json\nname: {{NAME}}\ntype: amlcompute\nsize: Standard_NC6\n";

/// A fresh directory with `files` written in it (`{{NAME}}` filled in with a name of the
/// file's own).
fn tree(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("aml-adopt-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (i, (path, text)) in files.iter().enumerate() {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text.replace("{{NAME}}", &format!("gpu-{i}"))).unwrap();
    }
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

/// `aml ARGS` in `dir`, with `env` set and the CI variables of the machine running the tests
/// removed.
fn aml_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_aml"));
    command
        .current_dir(dir)
        .args(args)
        .env_remove("GITHUB_STEP_SUMMARY")
        .env_remove("NO_COLOR");
    for (k, v) in env {
        command.env(k, v);
    }
    let out = command.output().unwrap();
    Run {
        status: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn aml(dir: &Path, args: &[&str]) -> Run {
    aml_env(dir, args, &[])
}

/// The `code@file:line` of every finding of `aml check ARGS --format github`.
fn findings(dir: &Path, args: &[&str]) -> Vec<String> {
    let mut all = vec!["check", "--format", "github", "--on", ON];
    all.extend_from_slice(args);
    let run = aml(dir, &all);
    assert!(run.status <= 1, "{args:?}: {}", run.stderr);
    run.stdout
        .lines()
        .map(|l| {
            let file = l.split("file=").nth(1).unwrap().split(',').next().unwrap();
            let line = l
                .split(",line=")
                .nth(1)
                .map_or("0", |r| r.split([',', ':']).next().unwrap());
            let code = l
                .split("title=")
                .nth(1)
                .unwrap()
                .split("::")
                .next()
                .unwrap();
            format!("{code}@{file}:{line}")
        })
        .collect()
}

#[test]
fn configuration_discovery_and_precedence() {
    let dir = tree(
        "config",
        &[
            (
                "aml.toml",
                "exclude = [\"old\"]\n[severity]\nretired-series = \"warning\"\n",
            ),
            ("repo/compute.yml", COMPUTE),
            ("repo/old/compute.yml", COMPUTE),
        ],
    );
    let repo = dir.join("repo");
    // Found in a parent folder: old/ is excluded and retired-series is a warning.
    assert_eq!(findings(&repo, &["."]), ["retired-series@compute.yml:4"]);
    let run = aml(&repo, &["check", ".", "--on", ON]);
    assert_eq!(run.status, 0, "{}", run.stdout);
    assert!(run.stdout.contains("warning[retired-series]"));
    // The command line wins over the file.
    assert_eq!(
        aml(
            &repo,
            &["check", ".", "--on", ON, "--deny", "retired-series"]
        )
        .status,
        1
    );
    // --isolated reads no file.
    assert_eq!(
        findings(&repo, &[".", "--isolated"]),
        [
            "retired-series@compute.yml:4",
            "retired-series@old/compute.yml:4"
        ]
    );
    // The nearest file wins: pyproject.toml's [tool.aml] in the repository.
    std::fs::write(
        repo.join("pyproject.toml"),
        "[project]\nname = \"x\"\n\n[tool.aml]\non = 2023-01-01\n",
    )
    .unwrap();
    let run = aml(&repo, &["check", "."]);
    assert!(run.stdout.contains("on 2023-01-01"), "{}", run.stdout);
    // (NC is not retired yet in 2023, so there is nothing; old/ is read again.)
    assert_eq!(run.status, 0);
    // --config names a file; its relative paths are its folder's.
    std::fs::write(
        dir.join("other.toml"),
        "on = \"2026-12-07\"\ncomputes = \"repo/computes.json\"\n",
    )
    .unwrap();
    std::fs::write(
        repo.join("computes.json"),
        "[{\"name\": \"gpu\", \"type\": \"amlcompute\", \"size\": \"STANDARD_NC6\"}]",
    )
    .unwrap();
    let run = aml(&repo, &["check", ".", "--config", "../other.toml"]);
    assert_eq!(run.status, 1, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("computes.json"), "{}", run.stdout);
    // An unknown key is an error naming the key and the file.
    std::fs::write(dir.join("bad.toml"), "exclud = [\"x\"]\n").unwrap();
    let run = aml(&repo, &["check", ".", "--config", "../bad.toml"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("bad.toml") && run.stderr.contains("exclud"),
        "{}",
        run.stderr
    );
    // aml init writes a starter file, once.
    let empty = tree("config-init", &[]);
    let run = aml(&empty, &["init"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        std::fs::read_to_string(empty.join("aml.toml"))
            .unwrap()
            .contains("[severity]")
    );
    assert_eq!(aml(&empty, &["init"]).status, 2);
    assert_eq!(aml(&empty, &["check", ".", "--on", ON]).status, 0);
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::remove_dir_all(&empty).unwrap();
}

#[test]
fn severities_exit_zero_and_output_file() {
    let dir = tree(
        "levels",
        &[
            ("compute.yml", COMPUTE),
            ("notes.py", "# Standard_NC6 was the default\n"),
        ],
    );
    let base = ["check", ".", "--on", ON];
    let with = |extra: &[&str]| {
        let mut args = base.to_vec();
        args.extend_from_slice(extra);
        aml(&dir, &args)
    };
    assert_eq!(with(&[]).status, 1);
    assert_eq!(with(&["--warn", "retired-series"]).status, 0);
    assert_eq!(
        with(&["--warn", "retired-series", "--deny", "warnings"]).status,
        1
    );
    assert_eq!(
        with(&[
            "--allow",
            "retired-series",
            "--allow",
            "retired-size-mention"
        ])
        .stdout
        .lines()
        .next(),
        Some("2 file(s) read, 0 skipped, on 2026-12-07: 0 error(s), 0 warning(s), 0 note(s)")
    );
    assert_eq!(
        with(&["--deny", "retired-size-mention", "--warn", "retired-series"]).status,
        1
    );
    // --exit-zero: findings never fail; bad arguments and unreadable named files still do.
    assert_eq!(with(&["--exit-zero"]).status, 0);
    assert_eq!(with(&["--exit-zero", "--deny", "no-such-code"]).status, 2);
    let run = aml(&dir, &["check", "missing.toml", "--exit-zero", "--on", ON]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    // -o: the report goes to the file, one summary line to stderr.
    let run = with(&["-o", "report.json", "--format", "json"]);
    assert_eq!(run.status, 1);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr.trim(),
        "report.json: 2 file(s) read, 0 skipped, on 2026-12-07: 1 error(s), 1 warning(s), 0 note(s)"
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("report.json")).unwrap()).unwrap();
    assert_eq!(json["errors"], 1);
    // A device is written to, not synced: `-o /dev/null` fails only as the check does.
    if cfg!(unix) {
        std::fs::remove_file(dir.join("report.json")).unwrap();
        let run = with(&["-o", "/dev/null"]);
        assert_eq!(run.status, 1, "{}", run.stderr);
        assert_eq!(
            run.stderr.trim(),
            "/dev/null: 2 file(s) read, 0 skipped, on 2026-12-07: 1 error(s), 1 warning(s), 0 note(s)"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn suppression_in_every_file_kind() {
    let nb = r##"{"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "source": [
    "# aml: ignore[retired-series] the old workspace\n",
    "c = AmlCompute.provisioning_configuration(vm_size='Standard_NC6')\n",
    "d = AmlCompute.provisioning_configuration(vm_size='Standard_NC12')\n"
   ]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}"##;
    let dir = tree(
        "ignore",
        &[
            (
                "a.yml",
                &COMPUTE.replace(
                    "Standard_NC6\n",
                    "Standard_NC6  # aml: ignore[retired-series] deleted in Q1\n",
                ),
            ),
            (
                "b.yml",
                &COMPUTE.replace("size:", "# aml: ignore[retired-series]\nsize:"),
            ),
            (
                "c.yml",
                &format!("# aml: ignore-file[retired-series]\n{COMPUTE}"),
            ),
            (
                "d.sh",
                "az ml compute create -n gpu --type amlcompute --size Standard_NC6 # aml: ignore[retired-series]\naz ml compute create -n g2 --type amlcompute --size Standard_NC12\n",
            ),
            (
                "e.ps1",
                "# aml: ignore[retired-series]\n$vmSize = \"Standard_NC6\"\n",
            ),
            (
                "f.py",
                "c = AmlCompute(vm_size='Standard_NC6')  # aml: ignore[retired-series, unknown-size]\nx = 1  # aml: ignore[retired-sries]\n",
            ),
            ("g.ipynb", nb),
        ],
    );
    let mut found = findings(&dir, &["."]);
    found.sort();
    assert_eq!(
        found,
        [
            // Only the line after a comment alone on its line is silenced.
            "retired-series@d.sh:2",
            "retired-series@g.ipynb:4",
            // The code that silenced nothing, and the misspelt one.
            "unused-ignore@f.py:1",
            "unused-ignore@f.py:2",
        ]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn ignore_files_are_bounded() {
    // Each pattern is compiled and kept: an ignore file over 64 KiB, or one past 256 KiB of
    // ignore files in all, adds nothing (real ones hold a few KB).
    let padding = |n: usize| "# padding\n".repeat(n / 10);
    let big = format!("{}big.yml\n", padding(70 << 10));
    let near = format!("{}near.yml\n", padding(60 << 10));
    let files: Vec<(String, String)> = [
        // Over the per-file limit: its `big.yml` is read.
        (".gitignore".to_owned(), big),
        ("big.yml".to_owned(), COMPUTE.to_owned()),
    ]
    .into_iter()
    // Four folders of 60 KiB each fit in 256 KiB; the fifth's does not.
    .chain((1..=5).flat_map(|i| {
        [
            (format!("d{i}/.gitignore"), near.clone()),
            (format!("d{i}/near.yml"), COMPUTE.to_owned()),
        ]
    }))
    .collect();
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let dir = tree("ignore-bounds", &files);
    let mut found = findings(&dir, &["."]);
    found.sort();
    assert_eq!(
        found,
        ["retired-series@big.yml:4", "retired-series@d5/near.yml:4"]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn discovery_like_ruff() {
    let files: &[(&str, &str)] = &[
        (
            ".gitignore",
            "outputs/\n*.generated.yml\n!keep.generated.yml\n",
        ),
        ("compute.yml", COMPUTE),
        ("outputs/compute.yml", COMPUTE),
        ("a.generated.yml", COMPUTE),
        ("keep.generated.yml", COMPUTE),
        ("sub/.ignore", "local.yml\n"),
        ("sub/local.yml", COMPUTE),
        (
            ".azuredevops/pipeline.sh",
            "az ml compute create -n g --type amlcompute --size Standard_NC6\n",
        ),
        (".venv/lib/compute.yml", COMPUTE),
        ("venv/compute.yml", COMPUTE),
        ("node_modules/x/compute.yml", COMPUTE),
        ("__pycache__/compute.yml", COMPUTE),
        (".ipynb_checkpoints/compute.yml", COMPUTE),
        ("build/compute.yml", COMPUTE),
        ("dist/compute.yml", COMPUTE),
    ];
    let expected = [
        "retired-series@.azuredevops/pipeline.sh:1",
        "retired-series@build/compute.yml:4",
        "retired-series@compute.yml:4",
        "retired-series@dist/compute.yml:4",
        "retired-series@keep.generated.yml:4",
    ];
    // Not a git repository: .gitignore and .ignore still count.
    let dir = tree("discovery", files);
    let mut found = findings(&dir, &["."]);
    found.sort();
    assert_eq!(found, expected);
    // Excludes: folder names and full globs.
    let mut found = findings(
        &dir,
        &[".", "--exclude", "{build,dist}", "--exclude", ".azure*"],
    );
    found.sort();
    assert_eq!(
        found,
        [
            "retired-series@compute.yml:4",
            "retired-series@keep.generated.yml:4"
        ]
    );
    // In a git repository, with git's own exclude file and a .gitignore above the root.
    std::fs::create_dir_all(dir.join(".git/info")).unwrap();
    std::fs::write(dir.join(".git/info/exclude"), "dist/\n").unwrap();
    std::fs::write(
        dir.join(".gitignore"),
        "outputs/\n*.generated.yml\n!keep.generated.yml\nsub/deeper/\n",
    )
    .unwrap();
    std::fs::create_dir_all(dir.join("sub/deeper")).unwrap();
    std::fs::write(
        dir.join("sub/deeper/compute.yml"),
        COMPUTE.replace("{{NAME}}", "deeper"),
    )
    .unwrap();
    std::fs::write(
        dir.join("sub/compute.yml"),
        COMPUTE.replace("{{NAME}}", "sub"),
    )
    .unwrap();
    let mut found = findings(&dir, &["."]);
    found.sort();
    assert_eq!(
        found,
        [
            "retired-series@.azuredevops/pipeline.sh:1",
            "retired-series@build/compute.yml:4",
            "retired-series@compute.yml:4",
            "retired-series@keep.generated.yml:4",
            "retired-series@sub/compute.yml:4",
        ]
    );
    // Walking only sub/: the root's .gitignore still applies to it.
    assert_eq!(
        findings(&dir, &["sub"]),
        ["retired-series@sub/compute.yml:4"]
    );
    // A file named on the command line is read whatever the ignore files say.
    assert_eq!(
        findings(&dir, &["outputs/compute.yml"]),
        ["retired-series@outputs/compute.yml:4"]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn azure_pipelines_format_cannot_be_injected() {
    let dir = tree(
        "azure",
        &[(
            "a;b]c.sh",
            "az ml compute create -n g --type amlcompute --size Standard_NC6\n",
        )],
    );
    let run = aml(&dir, &["check", ".", "--format", "azure", "--on", ON]);
    assert_eq!(run.status, 1);
    let line = run.stdout.lines().next().unwrap();
    assert!(
        line.starts_with(
            "##vso[task.logissue type=error;sourcepath=a%3Bb%5Dc.sh;linenumber=1;columnnumber="
        ),
        "{line}"
    );
    assert!(
        line.contains(";code=retired-series]Standard_NC6 is a NC size"),
        "{line}"
    );
    assert_eq!(run.stdout.lines().count(), 1);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn job_summary_snippets_and_colour() {
    let dir = tree("summary", &[("compute.yml", COMPUTE)]);
    let summary = dir.join("summary.md");
    std::fs::write(&summary, "earlier step\n").unwrap();
    let run = aml_env(
        &dir,
        &["check", "compute.yml", "--on", ON],
        &[("GITHUB_STEP_SUMMARY", summary.to_str().unwrap())],
    );
    assert_eq!(run.status, 1);
    let md = std::fs::read_to_string(&summary).unwrap();
    assert!(md.starts_with("earlier step\n### aml check\n"), "{md}");
    assert!(md.contains("| error | `retired-series` | 1 |"), "{md}");
    assert!(
        md.contains("| compute.yml:4:1 | `retired-series` |"),
        "{md}"
    );
    // The offending line, with carets under the value.
    assert!(
        run.stdout
            .contains("   |\n 4 | size: Standard_NC6\n   |       ^^^^^^^^^^^^\n"),
        "{}",
        run.stdout
    );
    // Colour: never by default into a pipe, always when asked; NO_COLOR counts when not empty.
    assert!(!run.stdout.contains('\u{1b}'));
    let always = aml(&dir, &["check", ".", "--on", ON, "--color", "always"]);
    assert!(
        always.stdout.contains("\u{1b}[1;31merror[retired-series]"),
        "{}",
        always.stdout
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn every_key_of_the_configuration_matches_its_option() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let quota = fixtures.join("quota");
    let dir = tree(
        "keys",
        &[
            ("notes.md", "We ran on Standard_NC6 until 2023.\n"),
            (
                "infra/main.json",
                "{\"resources\": [{\"properties\": {\"vmSize\": \"Standard_NC6\"}}]}\n",
            ),
        ],
    );
    let repo = quota.join("repo");
    let (repo_s, usage, catalog) = (
        repo.to_str().unwrap(),
        quota.join("usage-rest.json"),
        quota.join("list-sizes-rest.json"),
    );
    // The options...
    let by_options = aml(
        &dir,
        &[
            "check",
            ".",
            repo_s,
            "--isolated",
            "--on",
            "2026-11-27",
            "--include",
            "*.md",
            "--usage",
            usage.to_str().unwrap(),
            "--catalog",
            catalog.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    // ...and the same in the file (paths relative to it: absolute ones stay as they are).
    std::fs::write(
        dir.join("aml.toml"),
        format!(
            "on = 2026-11-27\ninclude = [\"*.md\"]\nusage = {:?}\ncatalog = {:?}\n",
            usage.to_str().unwrap(),
            catalog.to_str().unwrap()
        ),
    )
    .unwrap();
    let by_file = aml(&dir, &["check", ".", repo_s, "--format", "json"]);
    assert_eq!(by_file.status, by_options.status, "{}", by_file.stderr);
    assert_eq!(by_file.stdout, by_options.stdout);
    let json: serde_json::Value = serde_json::from_str(&by_file.stdout).unwrap();
    let codes: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    // The usage (quota) and the catalog (the region's sizes) were both read.
    assert!(codes.contains(&"quota-shared"), "{codes:?}");
    assert!(codes.contains(&"size-not-in-region"), "{codes:?}");
    assert!(codes.contains(&"retired-size-mention"), "{codes:?}");
    assert!(codes.contains(&"retired-series"), "{codes:?}");
    // [per-file-ignores] drops a code in the files a glob matches; [severity] sets a level.
    let mut text = std::fs::read_to_string(dir.join("aml.toml")).unwrap();
    text.push_str("[severity]\nretired-size-mention = \"allow\"\n\n[per-file-ignores]\n\"infra/*.json\" = [\"retired-series\"]\n");
    std::fs::write(dir.join("aml.toml"), text).unwrap();
    let run = aml(&dir, &["check", ".", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["diagnostics"], serde_json::json!([]), "{}", run.stdout);
    assert_eq!(run.status, 0);
    std::fs::remove_dir_all(&dir).unwrap();
}
