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
//!   files PyYAML reads — for `ratio check_repo_yaml_only` (a figure beside the goal);
//! - `check_repo/pyyaml_cloader`: PyYAML's C loader merely loading the tree's YAML files
//!   (`python3` with PyYAML and libyaml, measured in its own process: the median of 11 runs,
//!   the statistic ours are given by, and the best; skipped when they are missing);
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

/// PyYAML's C loader loading every `.yml` and `.yaml` file of the tree (reading included):
/// the median and the best of 11 runs, in ns; `None` without `python3`, PyYAML or libyaml.
fn pyyaml(root: &Path) -> Option<(f64, f64)> {
    const SCRIPT: &str = r#"
import os, sys, time, yaml
root = sys.argv[1]
files = [os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith((".yml", ".yaml"))]
took = []
for _ in range(11):
    start = time.perf_counter()
    for path in files:
        with open(path, "rb") as f:
            try:
                list(yaml.load_all(f, Loader=yaml.CLoader))
            except yaml.YAMLError:
                pass
    took.append(time.perf_counter() - start)
took.sort()
print(len(files), int(took[5] * 1e9), int(took[0] * 1e9))
"#;
    let out = std::process::Command::new("python3")
        .args(["-c", SCRIPT])
        .arg(root)
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let mut fields = text.split_whitespace();
    let _files: usize = fields.next()?.parse().ok()?;
    Some((fields.next()?.parse().ok()?, fields.next()?.parse().ok()?))
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
    if r.wanted(yaml_only) {
        let yaml = common::tree::yaml_copy(&tree, &base.join(format!("yaml-{files}")));
        r.case(yaml_only, || check(black_box(&yaml), on));
    }
    if r.wanted("check_repo/pyyaml_cloader") {
        match pyyaml(&tree.root) {
            Some((ns, best)) if r.measuring() => {
                println!(
                    "bench check_repo/pyyaml_cloader median_ns={ns:.1} best_ns={best:.1} (11 runs, its own process)"
                );
                if let Some(o) = r.median(&ours) {
                    println!("ratio check_repo_pyyaml pyyaml_over_ours={:.2}", ns / o);
                    r.goal(
                        "check_repo_pyyaml",
                        "pyyaml_over_ours",
                        ns / o,
                        Goal::AtLeast(5.0),
                    );
                }
                if let Some(y) = r.median(yaml_only) {
                    println!("ratio check_repo_yaml_only pyyaml_over_ours={:.2}", ns / y);
                }
            }
            Some(_) => println!("bench check_repo/pyyaml_cloader ok"),
            None => println!(
                "bench check_repo/pyyaml_cloader skipped: no python3 with PyYAML and libyaml"
            ),
        }
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
