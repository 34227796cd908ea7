//! The whole-repository check against the floor and against PyYAML, with no benchmark
//! framework: `cargo bench --bench check_repo [-- FILTER]`.
//!
//! On a generated tree shaped like a public Azure ML examples repository
//! ([`common::tree`], about 2,400 files the checker reads), it measures:
//!
//! - `check_repo/read_every_file`: the floor — walking the tree and reading every file once
//!   (one thread, `std::fs`), what any tool that looks at the files must do;
//! - `check_repo/examples_2400`: what `aml check` does — the walk, reading, checking and the
//!   human report (written to nowhere);
//! - `check_repo/yaml_only`: the same check of a copy of the tree's YAML files alone — the
//!   files PyYAML reads (a figure beside the goal);
//! - `check_repo/pyyaml_cloader`: PyYAML's C loader merely loading the tree's YAML files
//!   (`python3` with PyYAML and libyaml, in a process of its own; skipped when they are
//!   missing), one run in turn with one of our whole check and one of the YAML-only check,
//!   11 rounds: the medians of those runs give `ratio check_repo_pyyaml` and
//!   `ratio check_repo_yaml_only`, so that a noisy machine's swings fall on both sides;
//! - `memory check_repo/...`: the heap's peak during the check, counted by this bench's
//!   allocator, beyond the largest files read at once (the files' own bytes), per file read;
//!   with `--bench` also on a 10,000-file tree.
//!
//! Each figure is printed beside its goal (`goal ... met=yes|no`): the check at most twice
//! the floor, at least five times faster than PyYAML's loader, at most 1 KB of memory a file
//! beyond the files' bytes. Without `--bench` (as under `cargo test --benches`) each case
//! runs once on a 120-file tree.
#![allow(unsafe_code)] // the counting allocator only; it forwards to `System`

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use aml_targets::render::Format;
use aml_targets::{AzureMlProject, Date, RenderOptions};
use common::{Goal, Runner};

/// The system allocator, counting the bytes in use and their peak while `COUNTING` is set.
struct Counting;

static COUNTING: AtomicBool = AtomicBool::new(false);
static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn counted(bytes: usize) {
    if COUNTING.load(Ordering::Relaxed) {
        let now = IN_USE.fetch_add(bytes, Ordering::Relaxed) + bytes;
        PEAK.fetch_max(now, Ordering::Relaxed);
    }
}

fn uncounted(bytes: usize) {
    if COUNTING.load(Ordering::Relaxed) {
        // Memory allocated before counting started may be freed during it.
        let _ = IN_USE.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| {
            Some(n.saturating_sub(bytes))
        });
    }
}

// SAFETY: every method forwards to the system allocator unchanged; it only counts bytes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        counted(layout.size());
        // SAFETY: forwarded with the caller's layout.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        uncounted(layout.size());
        // SAFETY: forwarded with the caller's pointer and layout.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        uncounted(layout.size());
        counted(new_size);
        // SAFETY: forwarded with the caller's arguments.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The floor: every file of the tree read once, one thread.
fn read_every_file(root: &Path) -> u64 {
    let mut bytes = 0;
    let mut stack = vec![root.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                stack.push(entry.path());
            } else if kind.is_file() {
                bytes += std::fs::read(entry.path()).map_or(0, |b| b.len() as u64);
            }
        }
    }
    bytes
}

/// What `aml check` does: read, check, render.
fn check(root: &Path, on: Date) -> usize {
    let report = AzureMlProject::read_paths([root]).unwrap().check(on);
    Format::Human
        .write(&report, &RenderOptions::default(), &mut std::io::sink())
        .unwrap();
    report.diagnostics.len()
}

/// PyYAML's C loader in a Python process of its own, loading every `.yml` and `.yaml` file of
/// the tree (reading included) each time it is asked: its runs alternate with ours, so that
/// both meet the same moments of a noisy machine.
struct PyYaml {
    child: std::process::Child,
    ask: Option<std::process::ChildStdin>,
    answers: std::io::BufReader<std::process::ChildStdout>,
}

impl PyYaml {
    const SCRIPT: &str = r#"
import os, sys, time
try:
    import yaml
    loader = yaml.CLoader
except (ImportError, AttributeError):
    sys.exit(0)
root = sys.argv[1]
files = [os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith((".yml", ".yaml"))]
print("ready", len(files), flush=True)
for _ in sys.stdin:
    start = time.perf_counter()
    for path in files:
        with open(path, "rb") as f:
            try:
                list(yaml.load_all(f, Loader=loader))
            except yaml.YAMLError:
                pass
    print(int((time.perf_counter() - start) * 1e9), flush=True)
"#;

    /// `None` without `python3`, PyYAML or libyaml.
    fn start(root: &Path) -> Option<PyYaml> {
        use std::io::BufRead as _;
        use std::process::{Command, Stdio};
        let mut child = Command::new("python3")
            .args(["-c", Self::SCRIPT])
            .arg(root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .ok()?;
        let ask = child.stdin.take();
        let mut answers = std::io::BufReader::new(child.stdout.take()?);
        let mut line = String::new();
        let ready = answers.read_line(&mut line).is_ok() && line.starts_with("ready ");
        let py = PyYaml {
            child,
            ask,
            answers,
        };
        ready.then_some(py)
    }

    /// One load of every YAML file, in ns.
    fn run(&mut self) -> Option<f64> {
        use std::io::{BufRead as _, Write as _};
        let ask = self.ask.as_mut()?;
        ask.write_all(b"go\n").ok()?;
        ask.flush().ok()?;
        let mut line = String::new();
        self.answers.read_line(&mut line).ok()?;
        line.trim().parse().ok()
    }
}

impl Drop for PyYaml {
    fn drop(&mut self) {
        // The end of its input ends it.
        drop(self.ask.take());
        let _ = self.child.wait();
    }
}

/// The median and the best of `samples` (not empty).
fn median_and_best(mut samples: Vec<f64>) -> (f64, f64) {
    samples.sort_by(f64::total_cmp);
    (samples[samples.len() / 2], samples[0])
}

/// `f` once, in ns.
fn timed<R>(f: impl FnOnce() -> R) -> f64 {
    let start = std::time::Instant::now();
    black_box(f());
    start.elapsed().as_secs_f64() * 1e9
}

/// The heap's peak during one check, beyond what was in use before it.
fn peak_of_check(root: &Path, on: Date) -> usize {
    IN_USE.store(0, Ordering::Relaxed);
    PEAK.store(0, Ordering::Relaxed);
    COUNTING.store(true, Ordering::Relaxed);
    black_box(check(root, on));
    COUNTING.store(false, Ordering::Relaxed);
    PEAK.load(Ordering::Relaxed)
}

/// Prints the memory a check takes beyond the files' own bytes, per file, beside its goal.
fn memory(r: &mut Runner, name: &str, tree: &common::tree::Tree, on: Date) {
    let peak = peak_of_check(&tree.root, on);
    if !r.measuring() {
        println!("bench {name} ok");
        return;
    }
    // The files held at once: one per reading thread, at most the largest ones.
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let held: u64 = tree.largest.iter().take(threads).sum();
    let beyond = (peak as u64).saturating_sub(held);
    #[allow(clippy::cast_precision_loss)]
    let per_file = beyond as f64 / tree.files as f64;
    println!(
        "memory {name} heap_peak_bytes={peak} largest_files_bytes={held} files={} tree_bytes={}",
        tree.files, tree.bytes
    );
    r.goal(
        name,
        "bytes_per_file_beyond_files",
        per_file,
        Goal::AtMost(1024.0),
    );
}

/// PyYAML's loader and our check, one run each in turn ([`ROUNDS`] rounds): the whole tree,
/// and the copy of its YAML files when there is one.
fn pyyaml_side_by_side(r: &mut Runner, root: &Path, yaml: Option<&Path>, on: Date) {
    let Some(mut py) = PyYaml::start(root) else {
        println!("bench check_repo/pyyaml_cloader skipped: no python3 with PyYAML and libyaml");
        return;
    };
    if !r.measuring() {
        let ran = py.run().is_some();
        println!(
            "bench check_repo/pyyaml_cloader {}",
            if ran { "ok" } else { "failed" }
        );
        return;
    }
    // One run each first: Python's imports and our first allocations are not measured.
    let _ = (py.run(), check(root, on), yaml.map(|y| check(y, on)));
    let (mut theirs, mut whole, mut yaml_only) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        let Some(ns) = py.run() else {
            println!("bench check_repo/pyyaml_cloader failed: the Python process stopped");
            return;
        };
        theirs.push(ns);
        whole.push(timed(|| check(black_box(root), on)));
        if let Some(y) = yaml {
            yaml_only.push(timed(|| check(black_box(y), on)));
        }
    }
    let (theirs, theirs_best) = median_and_best(theirs);
    let (whole, _) = median_and_best(whole);
    println!(
        "bench check_repo/pyyaml_cloader median_ns={theirs:.1} best_ns={theirs_best:.1} ({ROUNDS} runs in turn with ours, its own process)"
    );
    println!("bench check_repo/in_turn/whole_tree median_ns={whole:.1}");
    println!(
        "ratio check_repo_pyyaml pyyaml_over_ours={:.2}",
        theirs / whole
    );
    r.goal(
        "check_repo_pyyaml",
        "pyyaml_over_ours",
        theirs / whole,
        Goal::AtLeast(5.0),
    );
    if !yaml_only.is_empty() {
        let (y, _) = median_and_best(yaml_only);
        println!("bench check_repo/in_turn/yaml_only median_ns={y:.1}");
        println!(
            "ratio check_repo_yaml_only pyyaml_over_ours={:.2}",
            theirs / y
        );
    }
}

/// Rounds of PyYAML's loader and our check in turn.
const ROUNDS: usize = 11;

fn main() {
    let mut r = Runner::from_args();
    let on: Date = "2026-12-07".parse().unwrap();
    let base = Path::new(env!("CARGO_TARGET_TMPDIR")).join("check_repo");
    let files = if r.measuring() { 2_400 } else { 120 };
    let tree = common::tree::tree(&base.join(format!("examples-{files}")), files);
    println!(
        "tree check_repo/examples_{files} files={} bytes={} at={}",
        tree.files,
        tree.bytes,
        tree.root.display()
    );
    // Warm the page cache, as for every repeated run of a tool.
    black_box(read_every_file(&tree.root));
    let ours = format!("check_repo/examples_{files}");
    r.case("check_repo/read_every_file", || {
        read_every_file(black_box(&tree.root))
    });
    r.case(&ours, || check(black_box(&tree.root), on));
    if let Some(ratio) = r.ratio("check_repo", "check_repo/read_every_file", &ours) {
        // At most twice the floor: the floor over ours at least 0.5.
        r.goal(
            "check_repo",
            "baseline_over_ours",
            ratio,
            Goal::AtLeast(0.5),
        );
    }
    // The check of a copy of the YAML files alone: what PyYAML reads, file for file (a
    // figure beside the goal, which is the whole check's).
    let yaml_only = "check_repo/yaml_only";
    let yaml_copy = (r.wanted(yaml_only) || r.wanted("check_repo/pyyaml_cloader"))
        .then(|| common::tree::yaml_copy(&tree, &base.join(format!("yaml-{files}"))));
    if let Some(yaml) = yaml_copy.as_deref().filter(|_| r.wanted(yaml_only)) {
        r.case(yaml_only, || check(black_box(yaml), on));
    }
    if r.wanted("check_repo/pyyaml_cloader") {
        pyyaml_side_by_side(&mut r, &tree.root, yaml_copy.as_deref(), on);
    }
    if r.wanted("memory") || r.wanted(&ours) {
        memory(&mut r, &format!("memory/examples_{files}"), &tree, on);
        if r.measuring() {
            let large = common::tree::tree(&base.join("examples-10000"), 10_000);
            println!(
                "tree check_repo/examples_10000 files={} bytes={} at={}",
                large.files,
                large.bytes,
                large.root.display()
            );
            memory(&mut r, "memory/examples_10000", &large, on);
        }
    }
    r.goals_summary();
}
