//! Bounded memory: `aml check` on a tree of hostile size-name files stays within 20× the
//! tree's bytes plus a constant, in every output format. The figures are the children's
//! peak resident memory (`getrusage(RUSAGE_CHILDREN)`), so this file holds one test: the
//! peak is the largest of every child this process waited for.
#![cfg(all(unix, feature = "cli"))]
#![allow(unsafe_code)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The largest peak resident memory of the children waited for so far, in bytes.
fn children_peak() -> u64 {
    // SAFETY: `getrusage` writes one `rusage` into the zeroed value it is given.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        assert_eq!(libc::getrusage(libc::RUSAGE_CHILDREN, &raw mut usage), 0);
        usage
    };
    // Linux counts in KiB.
    u64::try_from(usage.ru_maxrss).unwrap_or(0) * 1024
}

/// Bytes of each file of the tree.
const BYTES: usize = 1_500_000;

fn tree() -> (PathBuf, u64) {
    let dir = std::env::temp_dir().join(format!("aml-memory-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    // One name over and over on one line (the first few are shown, then a count).
    let repeated = "Standard_NC6 ".repeat(BYTES / 13);
    std::fs::write(dir.join("repeated.py"), format!("# {repeated}\n")).unwrap();
    // Distinct names, each a slip of a retired size (fewer bytes: each is judged against the
    // catalog, which a debug build does slowly).
    let mut distinct = String::from("# ");
    let mut i = 0;
    while distinct.len() < BYTES / 5 {
        write!(distinct, "Standard_NC{i} ").unwrap();
        i += 1;
    }
    std::fs::write(dir.join("distinct.py"), distinct + "\n").unwrap();
    // Provisioned on every line.
    let lines = "c = AmlCompute(vm_size='Standard_NC6')\n".repeat(BYTES / 40);
    std::fs::write(dir.join("train.py"), lines).unwrap();
    // A notebook whose cell provisions it on every line.
    let cell = "c = AmlCompute(vm_size='Standard_NC6')\\n".repeat(BYTES / 42);
    std::fs::write(
        dir.join("train.ipynb"),
        format!(r#"{{"cells": [{{"cell_type": "code", "metadata": {{}}, "outputs": [], "source": "{cell}"}}], "metadata": {{}}, "nbformat": 4, "nbformat_minor": 5}}"#),
    )
    .unwrap();
    let bytes = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum();
    (dir, bytes)
}

fn check(dir: &Path, format: &str) -> (i32, u64) {
    let out = Command::new(env!("CARGO_BIN_EXE_aml"))
        .args(["check", "--on", "2026-12-07", "--format", format])
        .arg(dir)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    (out.status.code().unwrap_or(-1), out.stdout.len() as u64)
}

#[test]
fn peak_memory_is_bounded_by_the_input_in_every_format() {
    let (dir, bytes) = tree();
    // What the binary takes with nothing to read: the constant.
    let empty = std::env::temp_dir().join(format!("aml-memory-empty-{}", std::process::id()));
    std::fs::create_dir_all(&empty).unwrap();
    check(&empty, "human");
    let constant = children_peak() + (8 << 20);
    for format in ["human", "github", "cargo", "json", "sarif"] {
        let (status, written) = check(&dir, format);
        assert_eq!(status, 1, "{format}");
        let peak = children_peak();
        eprintln!(
            "{format}: input {bytes} B, output {written} B, peak so far {peak} B ({}× the input)",
            peak / bytes
        );
        assert!(
            peak <= 20 * bytes + constant,
            "{format}: peak {peak} B > 20 × {bytes} B + {constant} B"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::remove_dir_all(&empty).unwrap();
}
