//! Every output format streams: writing a report takes a small constant (a write buffer, one
//! rule or finding being formed) plus a multiple of the largest finding, never the report
//! or the rules' texts at once. Measured with a counting allocator that counts per thread, so
//! that other tests' allocations do not count.

// A global allocator cannot be written without `unsafe`; it only forwards to `System`.
#![allow(unsafe_code)]
#![cfg(all(feature = "json", feature = "yaml"))]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::path::Path;

use aml_targets::render::Format;
use aml_targets::{AzureMlProject, Date, RenderOptions, Report};

struct Counting;

thread_local! {
    /// Bytes this thread holds, and the most it held since the last reset (const-initialised:
    /// reading them never allocates).
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

/// A size as a signed count (no allocation is larger than `isize::MAX`).
fn signed(size: usize) -> isize {
    isize::try_from(size).unwrap_or(isize::MAX)
}

fn grow(by: isize) {
    let _ = LIVE.try_with(|live| {
        live.set(live.get() + by);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(live.get())));
    });
}

// SAFETY: every method forwards to the system allocator unchanged; it only counts bytes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grow(signed(layout.size()));
        // SAFETY: forwarded with the caller's layout.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        grow(-signed(layout.size()));
        // SAFETY: forwarded with the caller's pointer and layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The most `f` holds beyond what was held when it started, in bytes.
fn peak_growth(f: impl FnOnce()) -> usize {
    let base = LIVE.with(Cell::get);
    PEAK.with(|peak| peak.set(base));
    f();
    (PEAK.with(Cell::get) - base).unsigned_abs()
}

/// The bytes of a report's largest finding: its texts and its file's name.
fn largest(report: &Report) -> usize {
    report
        .diagnostics
        .iter()
        .map(|d| {
            d.message.len()
                + d.help.as_ref().map_or(0, String::len)
                + d.alternatives.iter().map(String::len).sum::<usize>()
                + d.file_or_empty().as_os_str().len()
        })
        .max()
        .unwrap_or(0)
}

#[test]
fn every_format_writes_in_constant_memory() {
    let on: Date = "2026-11-27".parse().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reach-repo");
    let long_name = format!("{}.yml", "n".repeat(9_000));
    let long_text = "compute:\n  size: Standard_NC6\ninstance_type: Standard_NC12\n";
    let reports = [
        (
            "no finding",
            AzureMlProject::from_sources([("a.py", "x = 1\n")]).check(on),
        ),
        (
            "reach-repo",
            AzureMlProject::read_paths([&fixture]).unwrap().check(on),
        ),
        (
            "a 9,000-byte file name",
            AzureMlProject::from_sources([(long_name.as_str(), long_text)]).check(on),
        ),
    ];
    let options = RenderOptions::default().verbose(true);
    for (name, report) in &reports {
        for &format in Format::ALL {
            let grew = peak_growth(|| {
                format
                    .write(report, &options, &mut std::io::sink())
                    .unwrap();
            });
            // A write buffer, one rule's texts, one finding formed (escaped, encoded).
            let bound = (64 << 10) + 16 * largest(report);
            assert!(
                grew <= bound,
                "{name}, {format}: writing {} findings held {grew} bytes (at most {bound})",
                report.diagnostics.len()
            );
        }
    }
}
