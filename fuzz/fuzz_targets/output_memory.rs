//! Output memory: a file of any kind and any content, checked and written in every format
//! to a sink. Checking stays within 20× the input plus a constant, and writing a report adds
//! no more than a constant: every format streams, one finding at a time.
#![no_main]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use aml_targets::render::Format;
use aml_targets::{AzureMlProject, Date, RenderOptions};
use libfuzzer_sys::fuzz_target;

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

/// Runs `f` and returns the peak heap growth it caused.
fn peak<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let r = f();
    (r, PEAK.load(Ordering::Relaxed).saturating_sub(base))
}

/// Repeats the input's content to make a larger file of the same shape.
const REPEAT: usize = 64;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // `NAME\0CONTENT`: the name's extension picks the reader.
    let (name, content) = text.split_once('\0').unwrap_or(("notes.py", text));
    if name.is_empty() || name.contains('/') {
        return;
    }
    let content = content.repeat(REPEAT);
    let on = Date::parse("2026-12-07").unwrap();
    let (report, checking) =
        peak(|| AzureMlProject::from_sources([(name, content.as_str())]).check(on));
    assert!(
        checking <= 20 * content.len() + (8 << 20),
        "checking {} bytes took {checking} bytes",
        content.len()
    );
    let options = RenderOptions::default().verbose(true);
    for format in [Format::Human, Format::Json, Format::Sarif, Format::Github, Format::Cargo] {
        let (written, writing) = peak(|| format.write(&report, &options, &mut std::io::sink()));
        written.unwrap();
        // A buffer, one rule's texts (SARIF), one finding with its file's name: not the
        // report, not every rule at once.
        let largest = report
            .diagnostics
            .iter()
            .map(|d| {
                d.message.len()
                    + d.help.as_ref().map_or(0, String::len)
                    + d.alternatives.iter().map(String::len).sum::<usize>()
                    + d.file_or_empty().as_os_str().len()
            })
            .max()
            .unwrap_or(0);
        assert!(
            writing <= (64 << 10) + 16 * largest,
            "{format}: writing {} findings took {writing} bytes",
            report.diagnostics.len()
        );
    }
});
