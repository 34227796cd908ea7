//! Hostile input to the tool around the parsers — what a pull request to a repository whose
//! CI runs `aml check` could hold: deep nesting and alias bombs in YAML, symbolic-link loops,
//! FIFOs, quadratic plans and catalogs, huge lines, malformed values, impossible
//! requirements. Each class has a generated input and a time budget; the memory budget of
//! the alias bombs is measured with a counting allocator.
// The counting allocator needs unsafe code; most classes need the readers, and without them
// what the classes share goes unused.
#![allow(unsafe_code)]
#![cfg_attr(
    not(all(feature = "json", feature = "toml", feature = "yaml")),
    allow(unused_imports, dead_code)
)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::fmt::Write as _;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use aml_targets::vm::CatalogError;
use aml_targets::{
    Catalog, ComputeDef, ComputeKind, CudaRequirement, Date, DeploymentDef, InferenceTarget,
    JobDef, Plan, VmSize, validate,
};

/// Counts live and peak heap bytes.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator and only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        // SAFETY: the caller's contract is the system allocator's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Memory measurements run one at a time.
static MEASURE: Mutex<()> = Mutex::new(());

fn on() -> Date {
    "2026-11-27".parse().unwrap()
}

/// Runs `f` within `budget`, returning its result.
#[track_caller]
fn within<R>(what: &str, budget: Duration, f: impl FnOnce() -> R) -> R {
    let start = Instant::now();
    let r = f();
    let took = start.elapsed();
    // Shown with `--nocapture`: the figures in the notes come from here (release build).
    eprintln!("{what}: {took:?}");
    assert!(took < budget, "{what}: took {took:?}, budget {budget:?}");
    r
}

/// Runs `f` and returns the peak heap growth it caused, in bytes.
fn peak_growth<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let _one = MEASURE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let r = f();
    (r, PEAK.load(Ordering::Relaxed).saturating_sub(base))
}

#[cfg(feature = "yaml")]
mod yaml {
    use super::*;
    use aml_targets::{AzureMlProject, Code};

    const SCHEMA: &str = "https://azuremlschemas.azureedge.net/latest";

    fn codes(files: &[(&str, &str)]) -> Vec<(Code, Option<usize>, String)> {
        AzureMlProject::from_sources(files.iter().copied())
            .check(on())
            .diagnostics
            .into_iter()
            .map(|d| (d.code, d.line(), d.key.to_string()))
            .collect()
    }

    #[test]
    fn deep_nesting_is_an_error_not_an_abort() {
        for (name, text) in [
            (
                "block sequences",
                format!(
                    "$schema: {SCHEMA}/amlCompute.schema.json\nx: {}\n",
                    "- ".repeat(17_000)
                ),
            ),
            (
                "flow sequences",
                format!("a: {}{}\n", "[".repeat(17_000), "]".repeat(17_000)),
            ),
            (
                "flow mappings",
                format!("a: {}{}\n", "{a: ".repeat(17_000), "}".repeat(17_000)),
            ),
            // One more space of indentation a level: 2,000 levels are 2 MB of text.
            (
                "block mappings",
                (0..2_000).fold(String::new(), |mut text, i| {
                    let _ = writeln!(text, "{}k{i}:", " ".repeat(i));
                    text
                }),
            ),
        ] {
            let report = within(name, Duration::from_secs(10), || {
                AzureMlProject::from_sources([("deep.yml", text.as_str())]).check(on())
            });
            assert!(report.diagnostics.len() <= 1, "{name}: {report:?}");
        }
        // In an Azure ML file: an error with the line, saying why.
        let text = format!(
            "$schema: {SCHEMA}/commandJob.schema.json\ncommand: x\nresources: {}\n",
            "[".repeat(5000)
        );
        let report = AzureMlProject::from_sources([("deep.yml", text.as_str())]).check(on());
        let d = &report.diagnostics[0];
        assert_eq!((d.code, d.line()), (Code::YamlSyntax, Some(3)));
        assert!(
            d.message.contains("nested deeper than 400 levels"),
            "{}",
            d.message
        );
    }

    #[test]
    fn alias_bombs_stay_small() {
        // A 1 MB scalar aliased 3,000 times, and a billion laughs of 99,000 aliases.
        let big = format!(
            "$schema: {SCHEMA}/commandJob.schema.json\ncommand: &a \"{}\"\nenvironment: x\nlist: [{}]\n",
            "x".repeat(1 << 20),
            "*a, ".repeat(3000)
        );
        let mut laughs = format!(
            "$schema: {SCHEMA}/commandJob.schema.json\ncommand: x\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        );
        for i in 1..11 {
            let refs = vec![format!("*l{}", i - 1); 9_900 / 10].join(", ");
            let _ = writeln!(laughs, "l{i}: &l{i} [{refs}]");
        }
        for (name, text) in [("1 MB x 3,000", big), ("99,000 aliases", laughs)] {
            let (report, grew) = peak_growth(|| {
                within(name, Duration::from_secs(10), || {
                    AzureMlProject::from_sources([("bomb.yml", text.as_str())]).check(on())
                })
            });
            assert!(
                grew < 64 * text.len().max(1 << 16),
                "{name}: grew by {grew} bytes for {} bytes of text",
                text.len()
            );
            assert_eq!(report.files_read, 1, "{name}");
        }
    }

    #[test]
    fn malformed_values_are_diagnostics_naming_key_and_line() {
        let compute = format!(
            "$schema: {SCHEMA}/amlCompute.schema.json\nname: c\ntype: amlcompute\nsize: [Standard_NC6]\nmin_instances: -5\nmax_instances: 99999999999\ntier: sometimes\nidle_time_before_scale_down: soon\n"
        );
        let got = codes(&[("c.yml", &compute)]);
        assert_eq!(
            got,
            [
                (Code::InvalidValue, Some(4), "size".to_owned()),
                (Code::InvalidValue, Some(5), "min_instances".to_owned()),
                (Code::InvalidValue, Some(6), "max_instances".to_owned()),
                (Code::InvalidValue, Some(7), "tier".to_owned()),
                (
                    Code::InvalidValue,
                    Some(8),
                    "idle_time_before_scale_down".to_owned()
                ),
            ]
        );
        let report = AzureMlProject::from_sources([("c.yml", compute.as_str())]).check(on());
        assert_eq!(
            report.diagnostics[1].message,
            "`min_instances` is \"-5\"; a whole number from 0 to 4294967295 is expected"
        );
        let job = format!(
            "$schema: {SCHEMA}/commandJob.schema.json\ncommand: x\nenvironment: [a]\nresources:\n  instance_type: {{a: b}}\n  instance_count: 1.5\n"
        );
        assert_eq!(
            codes(&[("j.yml", &job)]),
            [
                (Code::InvalidValue, Some(3), "environment".to_owned()),
                (
                    Code::InvalidValue,
                    Some(5),
                    "resources.instance_type".to_owned()
                ),
                (
                    Code::InvalidValue,
                    Some(6),
                    "resources.instance_count".to_owned()
                ),
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn symbolic_link_loops_fifos_and_overlapping_paths() {
        use std::os::unix::fs::symlink;
        let dir = std::env::temp_dir().join(format!("aml-walk-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let tree = dir.join("repo");
        std::fs::create_dir_all(tree.join("a/b")).unwrap();
        let compute = format!(
            "$schema: {SCHEMA}/amlCompute.schema.json\nname: c\ntype: amlcompute\nsize: Standard_NC6\n"
        );
        std::fs::write(tree.join("a/b/c.yml"), &compute).unwrap();
        // Two loops, a link out of the tree (to `/`), a link to a file already read.
        symlink(&tree, tree.join("a/b/up")).unwrap();
        symlink(tree.join("a"), tree.join("a/b/sideways")).unwrap();
        symlink("/", tree.join("root")).unwrap();
        symlink(tree.join("a/b/c.yml"), tree.join("again.yml")).unwrap();
        // A FIFO that would block a reader forever.
        let fifo = tree.join("x.yml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        let project = within("walk", Duration::from_secs(10), || {
            // Overlapping paths: the tree, a folder in it, a file in it.
            AzureMlProject::read_paths([tree.clone(), tree.join("a"), tree.join("a/b/c.yml")])
                .unwrap()
        });
        let report = project.check(on());
        // Read once: one compute, one retired size, no duplicate.
        assert_eq!(report.files_read, 1, "{report:?}");
        assert_eq!(
            report
                .diagnostics
                .iter()
                .map(|d| d.code)
                .collect::<Vec<_>>(),
            [Code::RetiredSeries]
        );
        let reasons: Vec<String> = report
            .skipped
            .iter()
            .map(|s| {
                format!(
                    "{} {}",
                    s.file.file_name().unwrap().to_string_lossy(),
                    s.reason
                )
            })
            .collect();
        assert!(
            reasons
                .iter()
                .any(|r| r.starts_with("root a symbolic link")),
            "{reasons:?}"
        );
        if made.is_ok_and(|s| s.success()) {
            assert!(
                reasons.iter().any(|r| r == "x.yml not a regular file"),
                "{reasons:?}"
            );
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn shell_variables_that_double_stay_small() {
        // 60 lines of `A=$A$A`: 2^60 bytes if each were kept.
        let mut script = String::from("A=xxxxxxxx\n");
        for _ in 0..60 {
            script.push_str("A=$A$A\n");
        }
        script.push_str("az ml compute create -n \"$A\" --type amlcompute --size Standard_NC6\n");
        let (report, grew) = peak_growth(|| {
            within(
                "60 doublings of a shell variable",
                Duration::from_secs(10),
                || AzureMlProject::from_sources([("setup.sh", script.as_str())]).check(on()),
            )
        });
        assert!(grew < 8 << 20, "grew by {grew} bytes");
        // The size is still judged; the name, past any real one, is unknown.
        assert_eq!(
            report
                .diagnostics
                .iter()
                .map(|d| d.code)
                .collect::<Vec<_>>(),
            [Code::RetiredSeries]
        );
    }

    #[test]
    fn a_long_line_of_many_findings_is_checked_and_shown_in_linear_time() {
        // 35,000 suppression comments on one 1 MB line: each silences nothing, so each is a
        // finding whose snippet is a window of that line.
        let dir = std::env::temp_dir().join(format!("aml-long-line-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let line = "# aml: ignore[retired-series] ".repeat(35_000);
        std::fs::write(dir.join("a.py"), &line).unwrap();
        let written = within(
            "35,000 findings on a 1 MB line, checked and shown",
            Duration::from_secs(20),
            || {
                let report = AzureMlProject::read_paths([&dir]).unwrap().check(on());
                let mut out = Vec::new();
                aml_targets::render::Format::Human
                    .write(&report, &aml_targets::RenderOptions::default(), &mut out)
                    .unwrap();
                (report.diagnostics.len(), out.len())
            },
        );
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(written.0, 35_000);
        // Each snippet is a window of the line, not the line.
        assert!(written.1 < 35_000 * 1_000, "{} bytes written", written.1);
    }

    #[test]
    fn resolving_many_jobs_is_linear() {
        let jobs: Vec<String> = (0..100_000)
            .map(|i| format!("$schema: {SCHEMA}/commandJob.schema.json\ncommand: x\ncompute: azureml:missing-{}\n", i % 7))
            .collect();
        let sources: Vec<(String, &str)> = jobs
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("jobs/{i}.yml"), t.as_str()))
            .collect();
        let report = within(
            "100,000 jobs on missing computes",
            Duration::from_secs(60),
            || AzureMlProject::from_sources(sources).check(on()),
        );
        // One note per file and compute.
        assert_eq!(report.diagnostics.len(), 100_000);
    }
}

#[test]
fn plans_with_many_entries_are_linear() {
    let computes: Vec<ComputeDef> = (0..40_000)
        .map(|i| ComputeDef {
            size: Some("Standard_DS3_v2".into()),
            ..ComputeDef::new(&format!("c{}", i % 20_000), ComputeKind::ComputeCluster)
        })
        .collect();
    let jobs: Vec<JobDef> = (0..40_000)
        .map(|i| JobDef {
            name: format!("j{i}"),
            target: if i % 2 == 0 {
                format!("c{i}")
            } else {
                format!("nowhere-{i}")
            },
            ..JobDef::default()
        })
        .collect();
    let plan = Plan {
        compute: computes,
        jobs,
        ..Plan::default()
    };
    let report = within(
        "40,000 computes and 40,000 jobs",
        Duration::from_secs(60),
        || validate(&plan, on()),
    );
    // 20,000 duplicate computes (warnings), 30,000 unknown targets (errors, each with a
    // bounded list of suggestions): the odd jobs, and the even ones above c19999.
    assert_eq!(report.diagnostics.len(), 50_000);
    assert!(
        report
            .diagnostics
            .iter()
            .all(|d| d.alternatives.len() <= 40)
    );
}

#[cfg(feature = "json")]
#[test]
fn catalogs_cannot_be_driven_into_collisions() {
    // 262,144 names that differ only in bit 0x20 of their last characters.
    let n = 1 << 18;
    let mut json = String::from("[");
    for i in 0..n {
        let name: String = (0..18)
            .map(|b| if (i >> b) & 1 == 1 { '\u{10}' } else { '0' })
            .collect();
        if i > 0 {
            json.push(',');
        }
        let _ = write!(
            json,
            r#"{{"name": "Standard_X{}", "vCPUs": 2, "gpus": 0, "memoryGB": 8}}"#,
            name.escape_unicode()
        );
    }
    json.push(']');
    let json = json.replace("\\u{10}", "\\u0010").replace("\\u{30}", "0");
    let catalog = within(
        "a catalog of 262,144 colliding names",
        Duration::from_secs(60),
        || Catalog::from_json(&json, "hostile").unwrap(),
    );
    assert_eq!(catalog.len(), n);
    within("a lookup in it", Duration::from_millis(500), || {
        for i in 0..1000 {
            let _ = catalog.find(&format!("Standard_X{i}"));
        }
    });
}

#[cfg(feature = "json")]
#[test]
fn catalog_errors_name_entry_field_line_and_column() {
    let entry = |vcpus: &str, memory: &str| {
        format!(
            "[\n  {{\"name\": \"Standard_A\", \"vCPUs\": 2, \"gpus\": 0, \"memoryGB\": 8}},\n  {{\"name\": \"Standard_B\", \"vCPUs\": {vcpus}, \"gpus\": 0, \"memoryGB\": {memory}}}\n]"
        )
    };
    let cases = [
        (
            entry("-4", "8"),
            "invalid size listing JSON at #1 (\"Standard_B\").vCPUs: invalid value: integer `-4`, expected u32 (line 3, column 36)",
        ),
        (
            entry("4", "\"8\""),
            "invalid size listing JSON at #1 (\"Standard_B\").memoryGB: invalid type: string \"8\", expected f64 (line 3, column 63)",
        ),
        (
            entry("4", "1e309"),
            "invalid size listing JSON at #1 (\"Standard_B\").memoryGB: number out of range (line 3, column 65)",
        ),
    ];
    for (json, message) in cases {
        let err = Catalog::from_json(&json, "t").unwrap_err();
        assert_eq!(err.to_string(), message);
    }
    // The name is found even when the text after the bad entry is broken too.
    let broken = entry("-4", "8").replace("\n]", ", {\"name\": oops");
    let err = Catalog::from_json(&broken, "t").unwrap_err().to_string();
    assert!(err.contains("#1 (\"Standard_B\").vCPUs"), "{err}");
    let trailing =
        "[\n  {\"name\": \"Standard_A\", \"vCPUs\": 2, \"gpus\": 0, \"memoryGB\": 8},\n]";
    let err = Catalog::from_json(trailing, "t").unwrap_err();
    assert!(
        matches!(
            err,
            CatalogError::Json {
                line: 3,
                column: 1,
                ..
            }
        ),
        "{err}"
    );
    // A byte-order mark is fine.
    let bom = format!("\u{feff}{}", entry("4", "8"));
    assert_eq!(Catalog::from_json(&bom, "t").unwrap().len(), 2);
    // Duplicates are errors naming both entries.
    let dup = "[{\"name\": \"Standard_A\", \"vCPUs\": 2, \"gpus\": 0, \"memoryGB\": 8}, {\"name\": \"STANDARD_a\", \"vCPUs\": 4, \"gpus\": 0, \"memoryGB\": 8}]";
    assert_eq!(
        Catalog::from_json(dup, "t").unwrap_err().to_string(),
        "size listing entries #0 and #1 are both STANDARD_a"
    );
}

#[cfg(feature = "toml")]
#[test]
fn error_messages_are_bounded() {
    let line = format!("name = \"{}", "x".repeat(50 << 20));
    let err = within(
        "a TOML error on a 50 MB line",
        Duration::from_secs(30),
        || Plan::from_toml(&format!("[[jobs]]\n{line}\n")).unwrap_err(),
    );
    assert!(
        err.to_string().len() < 1024,
        "{} bytes",
        err.to_string().len()
    );
    let err = Plan::from_json(&format!(
        "{{\"jobs\": [{{\"name\": \"{}\"}}]",
        "x".repeat(1 << 20)
    ))
    .unwrap_err();
    assert!(err.to_string().len() < 1024);
}

#[test]
fn requirements_nothing_can_meet_are_input_errors() {
    for bad in [
        ">=13.0, <=12.0",
        "256.0",
        "12.1.65536",
        ">12, <12",
        "=12.1, =12.2",
        "^0.0.5, >0.0.6",
    ] {
        let err = bad.parse::<CudaRequirement>().unwrap_err();
        assert!(!err.to_string().is_empty(), "{bad}");
    }
    for good in [
        "12.1",
        ">=11.8, <13",
        "^12",
        "~12.4",
        "<=12.9",
        "12.*",
        ">=9.0, <=11.8",
    ] {
        assert!(good.parse::<CudaRequirement>().is_ok(), "{good}");
    }
    assert_eq!(
        ">=13.0, <=12.0"
            .parse::<CudaRequirement>()
            .unwrap_err()
            .to_string(),
        "invalid CUDA version \">=13.0, <=12.0\": the upper bound is below the lower bound: no CUDA version matches"
    );
}

#[test]
fn long_size_names_report_their_real_length() {
    let name = format!("Standard_{}", "A".repeat(9_991));
    let err = VmSize::parse(&name).unwrap_err().to_string();
    assert!(err.contains("(9936 more characters)"), "{err}");
}

#[test]
fn impossible_plans_are_errors_not_wrong_answers() {
    // A model that does not fit at all is an error; huge values print as numbers.
    let plan = Plan {
        deployments: vec![DeploymentDef {
            size: Some("Standard_DS2_v2".into()),
            model_ram_gb: Some(100.0),
            ..DeploymentDef::new("d", InferenceTarget::Endpoints)
        }],
        ..Plan::default()
    };
    let report = validate(&plan, on());
    assert_eq!(
        report.diagnostics[0].code,
        aml_targets::Code::ModelExceedsMemory
    );
    assert!(!report.diagnostics[0].message.contains("inf"));
    // A NaN has no plan-file form.
    #[cfg(feature = "toml")]
    {
        let mut nan = plan.clone();
        nan.deployments[0].model_ram_gb = Some(f64::NAN);
        let err = nan.to_toml().unwrap_err();
        assert_eq!(err.path(), "deployments[0].model_ram_gb");
    }
    #[cfg(feature = "json")]
    {
        let mut nan = plan;
        nan.deployments[0].model_size_gb = Some(f64::INFINITY);
        assert_eq!(
            nan.to_json().unwrap_err().path(),
            "deployments[0].model_size_gb"
        );
    }
}
