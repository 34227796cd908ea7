//! `aml check --fix` and `--diff`, and the library's edits: each retired size at a provisioning
//! position replaced by its replacement, byte-exact, in every file kind; prose, comments and
//! suppressed lines left alone; idempotent; atomic writes that skip a file changed since it
//! was read.
#![cfg(feature = "yaml")]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use aml_targets::project::{apply, fixes, unified_diff, write_fixed};
use aml_targets::vm::SupportedBy;
use aml_targets::{AzureMlProject, Catalog, Code, Date, Severity};
use proptest::prelude::*;

fn on() -> Date {
    "2026-12-07".parse().unwrap()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A copy of `from` in a fresh temporary folder.
fn copy(from: &Path, name: &str) -> PathBuf {
    let to = std::env::temp_dir().join(format!("aml-fix-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&to);
    let mut stack = vec![from.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            let target = to.join(path.strip_prefix(from).unwrap());
            if entry.file_type().unwrap().is_dir() {
                stack.push(path);
            } else {
                std::fs::create_dir_all(target.parent().unwrap()).unwrap();
                std::fs::copy(&path, &target).unwrap();
            }
        }
    }
    to
}

/// Every file under `root`, relative, sorted.
fn files(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            if entry.file_type().unwrap().is_dir() {
                stack.push(entry.path());
            } else {
                out.push(entry.path().strip_prefix(root).unwrap().to_owned());
            }
        }
    }
    out.sort();
    out
}

/// The diff of every edit, with paths relative to `root`.
fn diff(root: &Path, found: &aml_targets::project::Fixes) -> String {
    found
        .files
        .iter()
        .map(|f| unified_diff(f.file.strip_prefix(root).unwrap(), &f.text, &f.fixed()))
        .collect()
}

fn retired_errors(root: &Path) -> Vec<(PathBuf, Option<usize>)> {
    AzureMlProject::read_paths([root])
        .unwrap()
        .check(on())
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::RetiredSeries && d.severity == Severity::Error)
        .map(|d| (d.file.clone().unwrap_or_default(), d.line()))
        .collect()
}

#[test]
fn fixing_a_tree_gives_the_expected_files_and_diff_and_is_idempotent() {
    let root = copy(&fixture("fix-repo"), "tree");
    let report = AzureMlProject::read_paths([&root]).unwrap().check(on());
    let found = fixes(&report, on(), None);
    // The exact diff (`aml check --diff`'s output, run in the tree).
    let golden = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/fix-repo.diff"),
    )
    .unwrap();
    assert_eq!(diff(&root, &found), golden);
    assert_eq!(found.len(), 12, "{found:#?}");
    assert!(found.unfixed.is_empty(), "{:#?}", found.unfixed);
    for file in &found.files {
        write_fixed(&file.file, &file.text, &file.fixed()).unwrap();
    }
    // Every file byte for byte as expected (CRLF, BOM, quotes, comments, notebook JSON).
    let expected = fixture("fix-repo.fixed");
    assert_eq!(files(&root), files(&expected));
    for file in files(&root) {
        assert_eq!(
            std::fs::read(root.join(&file)).unwrap(),
            std::fs::read(expected.join(&file)).unwrap(),
            "{}",
            file.display()
        );
    }
    // No retired size left at a provisioning position but the suppressed one (silenced).
    assert_eq!(retired_errors(&root), []);
    // A second pass changes nothing.
    let again = fixes(
        &AzureMlProject::read_paths([&root]).unwrap().check(on()),
        on(),
        None,
    );
    assert!(again.is_empty(), "{again:#?}");
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn a_healthy_tree_shaped_like_a_public_repository_gets_no_edit() {
    let root = fixture("examples-repo");
    let report = AzureMlProject::read_paths([&root]).unwrap().check(on());
    let found = fixes(&report, on(), None);
    assert!(found.is_empty() && found.unfixed.is_empty(), "{found:#?}");
}

#[test]
fn prose_comments_and_suppressed_lines_are_left_alone() {
    let fixed = fixture("fix-repo.fixed");
    let read = |f: &str| std::fs::read_to_string(fixed.join(f)).unwrap();
    // A YAML comment, a script's comment, a Python comment and a notebook's markdown cell.
    assert!(read("compute/gpu.yml").contains("(was Standard_NC6s_v3 in the first draft too)"));
    assert!(read("setup/create.sh").contains("# Creates the computes (Standard_NC12 was"));
    assert!(read("src/train.py").contains("# Standard_NC6 is what the tutorial used."));
    assert!(read("notebooks/cluster.ipynb").contains("The tutorial used `Standard_NC6`"));
    // The line whose comment silences `retired-series`.
    assert!(read("setup/create.sh").contains("--size Standard_NV6  # aml: ignore[retired-series]"));
    // Warnings (a default that provisions nothing here) are not edited.
    assert!(read("infra/main.tf").contains("STANDARD_NC24"));
}

#[test]
fn case_line_endings_byte_order_mark_and_notebooks_are_kept() {
    let (before, after) = (fixture("fix-repo"), fixture("fix-repo.fixed"));
    let bytes = |root: &Path, f: &str| std::fs::read(root.join(f)).unwrap();
    // CRLF: every line still ends with CR LF.
    let crlf = bytes(&after, "compute/legacy-crlf.yml");
    assert_eq!(crlf.windows(2).filter(|w| w == b"\r\n").count(), 5);
    assert!(String::from_utf8_lossy(&crlf).contains("size: \"STANDARD_NC8AS_T4_V3\"\r\n"));
    // The BOM stays, and the file's small letters.
    let bom = bytes(&after, "compute/bom.yml");
    assert!(bom.starts_with(b"\xef\xbb\xbf$schema"));
    assert!(String::from_utf8_lossy(&bom).ends_with("size: standard_nc8as_t4_v3\n"));
    // The notebook is valid JSON whose other cells and metadata are unchanged.
    let nb = |root: &Path| -> serde_json::Value {
        serde_json::from_slice(&bytes(root, "notebooks/cluster.ipynb")).unwrap()
    };
    let (old, new) = (nb(&before), nb(&after));
    assert_eq!(old["cells"][0], new["cells"][0]);
    assert_eq!(old["metadata"], new["metadata"]);
    assert_eq!(
        new["cells"][1]["source"][1],
        "cluster = AmlCompute(name=\"gpu\", size=\"Standard_NC8as_T4_v3\", max_instances=2)"
    );
}

#[test]
fn a_size_no_listed_replacement_keeps_is_left_with_a_reason() {
    let root = copy(&fixture("fix-repo"), "listing");
    let report = AzureMlProject::read_paths([root.join("compute/gpu.yml")])
        .unwrap()
        .check(on());
    // A region whose listing has none of NC6s_v3's replacements.
    let listing = Catalog::new(vec![
        aml_targets::VmSizeSpec::find("Standard_DS3_v2")
            .unwrap()
            .clone(),
        aml_targets::VmSizeSpec::find("Standard_NC4as_T4_v3")
            .unwrap()
            .clone(),
    ]);
    let found = fixes(&report, on(), Some(&listing));
    assert!(found.is_empty());
    assert_eq!(found.unfixed.len(), 1);
    let unfixed = &found.unfixed[0];
    assert_eq!(
        (unfixed.name.as_str(), unfixed.line),
        ("Standard_NC6s_v3", 5)
    );
    assert!(
        unfixed.reason.contains("is in the region's listing"),
        "{}",
        unfixed.reason
    );
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn a_listing_decides_by_the_compute_that_provisions_the_size() {
    let root = copy(&fixture("fix-repo"), "kind");
    let report = AzureMlProject::read_paths([root.join("compute/gpu.yml")])
        .unwrap()
        .check(on());
    let row = |name: &str, by: SupportedBy| {
        let mut spec = aml_targets::VmSizeSpec::find(name).unwrap().clone();
        spec.supported_by = Some(by);
        spec
    };
    // The first replacement is listed for compute instances only; a later one for clusters.
    let listing = Catalog::new(vec![
        row("Standard_NC40ads_H100_v5", SupportedBy::InstancesOnly),
        row(
            "Standard_NC24ads_A100_v4",
            SupportedBy::ClustersAndInstances,
        ),
    ]);
    let found = fixes(&report, on(), Some(&listing));
    let fix = found.iter().next().unwrap();
    assert_eq!(fix.replacement, "Standard_NC24ads_A100_v4");
    // Listed for instances alone: the cluster keeps its size, and the note says why.
    let listing = Catalog::new(vec![row(
        "Standard_NC40ads_H100_v5",
        SupportedBy::InstancesOnly,
    )]);
    let found = fixes(&report, on(), Some(&listing));
    assert!(found.is_empty());
    assert!(
        found.unfixed[0]
            .reason
            .ends_with("is in the region's listing for compute clusters"),
        "{}",
        found.unfixed[0].reason
    );
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn a_file_changed_since_it_was_read_is_not_written() {
    let root = copy(&fixture("fix-repo"), "changed");
    let report = AzureMlProject::read_paths([&root]).unwrap().check(on());
    let found = fixes(&report, on(), None);
    let file = &found.files[0];
    std::fs::write(&file.file, "name: edited meanwhile\n").unwrap();
    let err = write_fixed(&file.file, &file.text, &file.fixed()).unwrap_err();
    assert!(
        err.to_string().contains("changed since it was read"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&file.file).unwrap(),
        "name: edited meanwhile\n"
    );
    // No temporary file is left beside it.
    let dir = file.file.parent().unwrap();
    assert!(
        std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .all(|e| !e.file_name().to_string_lossy().contains("aml-fix"))
    );
    std::fs::remove_dir_all(&root).unwrap();
}

/// `aml check --diff` prints the diff and exits 1; `--fix` writes the edits, says so and
/// reports what is left; a second `--fix` has nothing to do.
#[cfg(feature = "cli")]
#[test]
fn the_command_line_diffs_and_fixes() {
    let root = copy(&fixture("fix-repo"), "cli");
    let aml = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_aml"))
            .args(["check", ".", "--on", "2026-12-07", "--isolated"])
            .args(args)
            .current_dir(&root)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let golden = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/fix-repo.diff"),
    )
    .unwrap();
    let (status, out, err) = aml(&["--diff"]);
    assert_eq!((status, out.as_str()), (Some(1), golden.as_str()), "{err}");
    assert_eq!(
        err,
        "12 size(s) to replace in 12 file(s); --fix writes them\n"
    );
    let (status, out, err) = aml(&["--fix"]);
    assert!(err.starts_with("fixed 12 size(s) in 12 file(s)\n"), "{err}");
    assert!(!out.contains("error[retired-series]"), "{out}");
    assert_eq!(status, Some(0), "{out}");
    let (status, _, err) = aml(&["--diff"]);
    assert_eq!(status, Some(0));
    assert_eq!(
        err,
        "0 size(s) to replace in 0 file(s); --fix writes them\n"
    );
    std::fs::remove_dir_all(&root).unwrap();
}

/// `--fix` with JSON or SARIF output lists what it changed: JSON's `fixed`, SARIF's passed
/// `retired-series` results with their `fixes`.
#[cfg(feature = "cli")]
#[test]
fn json_and_sarif_list_what_fix_changed() {
    for format in ["json", "sarif"] {
        let root = copy(&fixture("fix-repo"), format);
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_aml"))
            .args([
                "check",
                ".",
                "--on",
                "2026-12-07",
                "--isolated",
                "--fix",
                "--format",
                format,
            ])
            .current_dir(&root)
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        if format == "json" {
            let fixed = v["fixed"].as_array().unwrap();
            assert_eq!(fixed.len(), 12);
            let gpu = fixed
                .iter()
                .find(|f| f["file"] == "compute/gpu.yml")
                .unwrap();
            assert_eq!(gpu["original"], "Standard_NC6s_v3");
            assert_eq!(gpu["replacement"], "Standard_NC40ads_H100_v5");
            assert_eq!(
                (gpu["line"].as_u64(), gpu["column"].as_u64()),
                (Some(5), Some(7))
            );
        } else {
            let results = v["runs"][0]["results"].as_array().unwrap();
            let passed: Vec<_> = results.iter().filter(|r| r["kind"] == "pass").collect();
            assert_eq!(passed.len(), 12);
            let bom = passed
                .iter()
                .find(|r| {
                    r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                        == "compute/bom.yml"
                })
                .unwrap();
            let replacement = &bom["fixes"][0]["artifactChanges"][0]["replacements"][0];
            assert_eq!(
                replacement["insertedContent"]["text"],
                "standard_nc8as_t4_v3"
            );
            assert_eq!(replacement["deletedRegion"]["startColumn"], 7);
            assert_eq!(replacement["deletedRegion"]["endColumn"], 19);
        }
        std::fs::remove_dir_all(&root).unwrap();
    }
}

/// A finding the levels drop is not fixed.
#[cfg(feature = "cli")]
#[test]
fn an_allowed_code_is_not_fixed() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_aml"))
        .args(["check", ".", "--on", "2026-12-07", "--isolated", "--diff"])
        .args(["--allow", "retired-series"])
        .current_dir(fixture("fix-repo"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "0 size(s) to replace in 0 file(s); --fix writes them\n"
    );
}

#[test]
fn pyyaml_loads_each_fixed_yaml_file_as_before_but_its_sizes() {
    const SCRIPT: &str = r#"
import sys, yaml
def same(a, b):
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, str) and isinstance(b, str) and a != b:
        return a.lower().startswith(("standard_", "basic_")) and b.lower().startswith("standard_")
    return a == b
for before, after in zip(sys.argv[1::2], sys.argv[2::2]):
    with open(before, "rb") as f, open(after, "rb") as g:
        if not same(yaml.load(f, Loader=yaml.SafeLoader), yaml.load(g, Loader=yaml.SafeLoader)):
            print("differs:", before)
            sys.exit(1)
print("same")
"#;
    let (before, after) = (fixture("fix-repo"), fixture("fix-repo.fixed"));
    let mut args = vec!["-c".to_owned(), SCRIPT.to_owned()];
    for file in files(&before) {
        if file.extension().is_some_and(|e| e == "yml") {
            args.push(before.join(&file).display().to_string());
            args.push(after.join(&file).display().to_string());
        }
    }
    let Ok(out) = std::process::Command::new("python3").args(&args).output() else {
        eprintln!("skipped: no python3");
        return;
    };
    let said = String::from_utf8_lossy(&out.stdout);
    if String::from_utf8_lossy(&out.stderr).contains("No module named 'yaml'") {
        eprintln!("skipped: no PyYAML");
        return;
    }
    assert!(
        out.status.success() && said.trim() == "same",
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Fixing a compute file written any of many ways changes the size tokens and nothing
    /// else: every byte outside the edits is where it was.
    #[test]
    fn only_size_tokens_change(
        size in prop_oneof![
            Just("Standard_NC6"), Just("STANDARD_NC12"), Just("standard_nv6"),
            Just("Standard_NC6s_v3"), Just("Standard_DS3_v2"), Just("Standard_NC24ads_A100_v4"),
        ],
        quote in prop_oneof![Just(""), Just("\""), Just("'")],
        comment in "[ a-zA-Z0-9_#.,]{0,30}",
        crlf in any::<bool>(),
        indent in 0usize..3,
        // Values that load: a word or a number (`0x_` is an int without digits, which
        // PyYAML refuses to load, and so does the checker: nothing to fix).
        extra in proptest::collection::vec(
            "[a-z]{1,8}: ([a-zA-Z][a-zA-Z0-9_]{0,11}|[1-9][0-9_]{0,5})",
            0..4,
        ),
    ) {
        let nl = if crlf { "\r\n" } else { "\n" };
        let mut text = format!(
            "$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json{nl}name: c{nl}type: amlcompute{nl}"
        );
        if !extra.is_empty() {
            let _ = write!(text, "tags:{nl}");
            for line in &extra {
                let _ = write!(text, "{}{line}{nl}", " ".repeat(indent + 1));
            }
        }
        let _ = write!(text, "size: {quote}{size}{quote}");
        if !comment.trim().is_empty() {
            let _ = write!(text, "  # {}", comment.replace('#', ""));
        }
        text.push_str(nl);
        let dir = std::env::temp_dir().join(format!("aml-fix-prop-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("compute.yml");
        std::fs::write(&file, &text).unwrap();
        let report = AzureMlProject::read_paths([&file]).unwrap().check(on());
        let found = fixes(&report, on(), None);
        let edits: Vec<_> = found.iter().cloned().collect();
        let fixed = apply(&text, &edits);
        // Outside the edits, the bytes are the same, in order.
        let mut at = 0;
        let mut kept = String::new();
        for e in &edits {
            prop_assert_eq!(&text[e.range.clone()], e.original.as_str());
            kept.push_str(&text[at..e.range.start]);
            at = e.range.end;
        }
        kept.push_str(&text[at..]);
        // The fixed text without its replacements.
        let (mut rest, mut at_fixed, mut delta) = (String::new(), 0, 0isize);
        for e in &edits {
            let start = e.range.start.checked_add_signed(delta).unwrap();
            rest.push_str(&fixed[at_fixed..start]);
            at_fixed = start + e.replacement.len();
            let signed = |n: usize| isize::try_from(n).unwrap();
            delta += signed(e.replacement.len()) - signed(e.original.len());
        }
        rest.push_str(&fixed[at_fixed..]);
        prop_assert_eq!(rest, kept);
        // A retired size is replaced; a current one is not touched.
        let retired = aml_targets::VmSize::parse(size).unwrap().retirement_state(None, on()).is_retired();
        prop_assert_eq!(edits.len(), usize::from(retired));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
